//! Export of results as CSV (SPEC §9): numbers stay numbers; a text cell that a
//! spreadsheet would evaluate (starting with `=`, `+`, `-`, `@`, tab or carriage return)
//! is neutralised with a leading apostrophe.

use paygrade::error::{Error, ErrorKind, Result};
use paygrade::money::Money;
use paygrade::payroll::RosterPay;
use paygrade::projection::Drift;
use paygrade::scenario::SideTotals;

/// The columns of an exported roster (CSV and XLSX), in order.
const ROSTER_COLUMNS: [&str; 13] = [
    "id",
    "name",
    "grade",
    "coefficient_grade",
    "years_in_post",
    "composite_score",
    "rating",
    "assessment_factor",
    "base",
    "floating",
    "seniority",
    "performance",
    "total",
];

/// The text an in-memory CSV writer holds.
fn finish_csv(w: csv::Writer<Vec<u8>>) -> Result<String> {
    let bytes = w
        .into_inner()
        .map_err(|e| Error::new(ErrorKind::InvalidValue(format!("CSV: {e}")), ""))?;
    String::from_utf8(bytes).map_err(|e| Error::new(ErrorKind::InvalidValue(e.to_string()), ""))
}

/// Neutralise a text cell so a spreadsheet never evaluates it as a formula.
pub fn neutralise(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// The roster's breakdowns as CSV (UTF-8 with BOM so Excel opens Chinese text correctly):
/// one row per person, money as plain numbers with the policy's decimals.
///
/// # Errors
/// `invalid_value` if writing fails (it does not for in-memory output).
pub fn roster_csv(pay: &RosterPay) -> Result<String> {
    let fail = |e: csv::Error| Error::new(ErrorKind::InvalidValue(format!("CSV: {e}")), "");
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(ROSTER_COLUMNS).map_err(fail)?;
    for b in &pay.results {
        let c = b.components;
        w.write_record([
            neutralise(&b.id),
            neutralise(&b.name),
            b.grade.clone(),
            b.coefficient_grade.clone(),
            b.years_in_post.to_string(),
            b.composite_score.clone(),
            b.rating.clone().unwrap_or_default(),
            b.assessment_factor.clone(),
            c.base.to_string(),
            c.floating.to_string(),
            c.seniority.to_string(),
            c.performance.to_string(),
            b.total.to_string(),
        ])
        .map_err(fail)?;
    }
    let text = finish_csv(w)?;
    Ok(format!("\u{feff}{text}"))
}

/// Employees as a roster CSV with the English headers `parse_roster` reads back (SPEC §8):
/// id, name, level, band, employment, years_in_post, post_start, rural, the five scores,
/// composite_score, paid_days, exam, review, education, years_of_work. Text that a
/// spreadsheet would evaluate is neutralised.
///
/// # Errors
/// `invalid_value` if writing fails (it does not for in-memory output).
pub fn employees_csv(people: &[paygrade::Employee]) -> Result<String> {
    let fail = |e: csv::Error| Error::new(ErrorKind::InvalidValue(format!("CSV: {e}")), "");
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "id",
        "name",
        "level",
        "band",
        "employment",
        "years_in_post",
        "post_start",
        "rural",
        "business",
        "customer_satisfaction",
        "supplier",
        "self",
        "marketing_audit",
        "composite_score",
        "paid_days",
        "exam",
        "review",
        "education",
        "years_of_work",
    ])
    .map_err(fail)?;
    let opt = |d: Option<rust_decimal::Decimal>| d.map(|d| d.to_string()).unwrap_or_default();
    for e in people {
        let s = e.scores.clone().unwrap_or_default();
        let g = e.grading.clone().unwrap_or_default();
        w.write_record([
            neutralise(&e.id),
            neutralise(&e.name),
            neutralise(&e.level),
            neutralise(e.band.as_deref().unwrap_or("")),
            e.employment.name().to_string(),
            e.years_in_post.map(|y| y.to_string()).unwrap_or_default(),
            e.post_start.map(|d| d.to_string()).unwrap_or_default(),
            if e.rural { "yes" } else { "no" }.to_string(),
            opt(s.business),
            opt(s.customer_satisfaction),
            opt(s.supplier),
            opt(s.self_),
            opt(s.marketing_audit),
            opt(e.composite_score),
            opt(e.paid_days),
            opt(g.exam),
            opt(g.review),
            e.education
                .map(|x| x.name().to_string())
                .unwrap_or_default(),
            e.years_of_work.map(|y| y.to_string()).unwrap_or_default(),
        ])
        .map_err(fail)?;
    }
    finish_csv(w)
}

/// The roster's breakdowns as an XLSX workbook: text cells are strings (never formulas,
/// so `=HYPERLINK(…)` stays text), money and scores are numbers with two decimals.
///
/// # Errors
/// `invalid_value` if the workbook cannot be written (it can for in-memory output).
pub fn roster_xlsx(pay: &RosterPay) -> Result<Vec<u8>> {
    use rust_xlsxwriter::{Format, Workbook};
    let fail = |e: rust_xlsxwriter::XlsxError| {
        Error::new(ErrorKind::InvalidValue(format!("XLSX: {e}")), "")
    };
    let mut book = Workbook::new();
    let money = Format::new().set_num_format("0.00");
    let sheet = book.add_worksheet();
    sheet.set_name("pay").map_err(fail)?;
    for (c, h) in ROSTER_COLUMNS.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).map_err(fail)?;
    }
    for (i, b) in pay.results.iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write_string(r, 0, &b.id).map_err(fail)?;
        sheet.write_string(r, 1, &b.name).map_err(fail)?;
        sheet.write_string(r, 2, &b.grade).map_err(fail)?;
        sheet
            .write_string(r, 3, &b.coefficient_grade)
            .map_err(fail)?;
        sheet
            .write_number(r, 4, f64::from(b.years_in_post))
            .map_err(fail)?;
        let exact = |s: &str| s.parse::<rust_decimal::Decimal>().unwrap_or_default();
        sheet
            .write_number(
                r,
                5,
                paygrade::money::to_f64_lossy(exact(&b.composite_score)),
            )
            .map_err(fail)?;
        sheet
            .write_string(r, 6, b.rating.as_deref().unwrap_or(""))
            .map_err(fail)?;
        sheet
            .write_number(
                r,
                7,
                paygrade::money::to_f64_lossy(exact(&b.assessment_factor)),
            )
            .map_err(fail)?;
        for (k, m) in b
            .components
            .to_array()
            .into_iter()
            .chain([b.total])
            .enumerate()
        {
            sheet
                .write_number_with_format(
                    r,
                    8 + k as u16,
                    paygrade::money::to_f64_lossy(m.amount()),
                    &money,
                )
                .map_err(fail)?;
        }
    }
    book.save_to_buffer().map_err(fail)
}

/// The columns of an exported projection, in order.
pub const CSV_COLUMNS: [&str; 14] = [
    "offset",
    "as_of",
    "side",
    "base",
    "floating",
    "seniority",
    "performance",
    "total",
    "annual_total",
    "seniority_headcount",
    "crossed_threshold",
    "crossed_bracket",
    "crossings_amount",
    "cumulative_annual_difference",
];

/// A projection as CSV (UTF-8 with BOM, like the roster export): per year one row each
/// for `baseline`, `proposal` and `difference`, money as plain numbers with the policy's
/// decimals; the drift columns on the policy rows; the running cumulative annual
/// difference on the difference rows.
///
/// # Errors
/// `invalid_value` if writing fails (it does not for in-memory output); `overflow`.
pub fn projection_csv(p: &paygrade::projection::Projection) -> Result<String> {
    let fail = |e: csv::Error| Error::new(ErrorKind::InvalidValue(format!("CSV: {e}")), "");
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(CSV_COLUMNS).map_err(fail)?;
    let mut cumulative: Option<Money> = None;
    for y in &p.years {
        let date = y.as_of.map(|d| d.to_string()).unwrap_or_default();
        let row =
            |side: &str, t: &SideTotals, heads: String, drift: Option<&Drift>, cum: String| {
                let c = t.components;
                let d = |f: fn(&Drift) -> String| drift.map(f).unwrap_or_default();
                vec![
                    y.offset.to_string(),
                    date.clone(),
                    side.to_string(),
                    c.base.to_string(),
                    c.floating.to_string(),
                    c.seniority.to_string(),
                    c.performance.to_string(),
                    t.total.to_string(),
                    t.annual_total.to_string(),
                    heads,
                    d(|x| x.crossed_threshold.to_string()),
                    d(|x| x.crossed_bracket.to_string()),
                    d(|x| x.crossings_amount.to_string()),
                    cum,
                ]
            };
        let add = y.difference.totals.annual_total;
        let cum = match cumulative {
            Some(c) => c.checked_add(add, "cumulative_annual_difference")?,
            None => add,
        };
        cumulative = Some(cum);
        for record in [
            row(
                "baseline",
                &y.baseline.totals,
                y.baseline.seniority_headcount.to_string(),
                y.baseline.drift.as_ref(),
                String::new(),
            ),
            row(
                "proposal",
                &y.proposal.totals,
                y.proposal.seniority_headcount.to_string(),
                y.proposal.drift.as_ref(),
                String::new(),
            ),
            row(
                "difference",
                &y.difference.totals,
                y.difference.seniority_headcount.to_string(),
                None,
                cum.to_string(),
            ),
        ] {
            w.write_record(record).map_err(fail)?;
        }
    }
    let bytes = w
        .into_inner()
        .map_err(|e| Error::new(ErrorKind::InvalidValue(format!("CSV: {e}")), ""))?;
    let text = String::from_utf8(bytes)
        .map_err(|e| Error::new(ErrorKind::InvalidValue(e.to_string()), ""))?;
    Ok(format!("\u{feff}{text}"))
}
