//! The limit program (issue 16 item 1): the least work that pays a roster CSV under the
//! default policy — `csv::ByteRecord` rows, `rust_decimal` arithmetic, every rule written
//! out by hand for the default policy only (SPEC §2 ladder and rural uplift, §3
//! evaluation and assessment factor, §6 seniority, §7 proration and rounding) — and
//! writes each person's id and components as CSV. It is the yardstick `make bench` holds
//! `paygrade roster --format csv` against (`tools/bench.mjs` prints the ratio and checks
//! that both give the same totals to the fen); it is not a second engine: it knows one
//! policy and one column layout, that of `paygrade_roster::sample::synthetic_roster_csv`
//! (工号,姓名,等级,档次,用工性质,岗位年限,农村,five scores,计薪天数).
//!
//! `cargo run --release --example limit -- ROSTER.csv OUT.csv`; prints
//! `limit_totals base floating seniority performance total` (CNY, monthly) on stdout.

use rust_decimal::{Decimal, RoundingStrategy};
use std::io::Write;

/// A money amount rounded to the fen, half away from zero (the default policy's
/// `rounding`: scale 2, `half_up`).
fn fen(x: Decimal) -> Decimal {
    x.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

fn dec(bytes: &[u8]) -> Result<Decimal, Box<dyn std::error::Error>> {
    Ok(std::str::from_utf8(bytes)?.trim().parse()?)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let input = args.next().ok_or("usage: limit ROSTER.csv OUT.csv")?;
    let output = args.next().ok_or("usage: limit ROSTER.csv OUT.csv")?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_path(&input)?;
    let mut out = std::io::BufWriter::new(std::fs::File::create(&output)?);
    out.write_all(b"id,base,floating,seniority,performance,total\n")?;

    let d = |s: &str| s.parse::<Decimal>().expect("a literal");
    // SPEC §12 default policy: base 1500 for every level; floating by level; the nine
    // coefficients 1.00 … 1.80 (trainee 0.80); rural: one step up the ladder.
    let base_wage = d("1500.00");
    let coefficients: Vec<Decimal> = (0..9).map(|i| d("1.00") + Decimal::new(i, 1)).collect();
    let trainee_coefficient = d("0.80");
    let standard_days = d("21.75");
    let performance_base = d("1000.00");
    let weights = [d("0.40"), d("0.20"), d("0.15"), d("0.10"), d("0.15")];
    let mut totals = [Decimal::ZERO; 5];
    let mut record = csv::ByteRecord::new();
    let mut line = Vec::with_capacity(64);
    while reader.read_byte_record(&mut record)? {
        let field = |i: usize| record.get(i).unwrap_or_default();
        let level = field(2);
        let band = match field(3) {
            b"A" => 2,
            b"B" => 1,
            _ => 0,
        };
        let rural = usize::from(field(6) == "是".as_bytes());
        let years: u32 = std::str::from_utf8(field(5))?.trim().parse()?;
        let (floating_wage, coefficient) = match level {
            l if l == "见习".as_bytes() => (Decimal::ZERO, trainee_coefficient),
            l => {
                let (offset, floating) = if l == "初级".as_bytes() {
                    (0, d("500.00"))
                } else if l == "中级".as_bytes() {
                    (3, d("800.00"))
                } else {
                    (6, d("1200.00"))
                };
                (floating, coefficients[(offset + band + rural).min(8)])
            }
        };
        let mut composite = Decimal::ZERO;
        for (k, w) in weights.iter().enumerate() {
            composite += dec(field(7 + k))? * w;
        }
        let composite = fen(composite);
        let factor = if composite >= d("90") {
            d("1.20")
        } else if composite >= d("80") {
            d("1.00")
        } else if composite >= d("70") {
            d("0.90")
        } else if composite >= d("60") {
            d("0.80")
        } else {
            d("0.50")
        };
        // Seniority (flat mode): contract staff from 3 years, every year at its bracket's rate.
        let seniority = if field(4) == "聘用".as_bytes() && years >= 3 {
            let rate = if years <= 10 {
                d("4.00")
            } else if years <= 15 {
                d("6.00")
            } else {
                d("8.00")
            };
            rate * Decimal::from(years)
        } else {
            Decimal::ZERO
        };
        let days = if field(12).is_empty() {
            standard_days
        } else {
            dec(field(12))?
        };
        let prorate = |monthly: Decimal| {
            if days == standard_days {
                fen(monthly)
            } else {
                fen(monthly * days / standard_days)
            }
        };
        let parts = [
            prorate(base_wage),
            prorate(floating_wage),
            prorate(seniority),
            prorate(performance_base * coefficient * factor),
        ];
        let total = parts.iter().sum::<Decimal>();
        line.clear();
        line.extend_from_slice(field(0));
        for x in parts.iter().chain(std::iter::once(&total)) {
            write!(line, ",{x}")?;
        }
        line.push(b'\n');
        out.write_all(&line)?;
        for (t, x) in totals
            .iter_mut()
            .zip(parts.iter().chain(std::iter::once(&total)))
        {
            *t += x;
        }
    }
    out.flush()?;
    println!(
        "limit_totals {} {} {} {} {}",
        totals[0], totals[1], totals[2], totals[3], totals[4]
    );
    Ok(())
}
