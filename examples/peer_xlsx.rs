//! Writes the benchmark inputs to `target/bench/`: `roster100k.csv` (the synthetic
//! roster) and `roster100k_formulas.xlsx`, the same people with the default policy's pay
//! written as spreadsheet formulas — the peer that LibreOffice Calc recalculates in
//! `make bench` (issue 7). Usage: `cargo run --release --example peer_xlsx [N]`.
use rust_xlsxwriter::{Formula, Workbook};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let csv = paygrade_roster::sample::synthetic_roster_csv(n, 2026);
    std::fs::create_dir_all("target/bench")?;
    std::fs::write("target/bench/roster100k.csv", &csv)?;
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let headers = [
        "id",
        "level",
        "band",
        "employment",
        "years",
        "rural",
        "business",
        "customer",
        "supplier",
        "self",
        "audit",
        "paid_days",
        "composite",
        "factor",
        "step",
        "coefficient",
        "floating_rate",
        "seniority_rate",
        "days",
        "base",
        "floating",
        "seniority",
        "performance",
        "total",
    ];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(0, c as u16, *h)?;
    }
    for (i, line) in csv.lines().skip(1).enumerate() {
        let r = i as u32 + 1;
        let f: Vec<&str> = line.split(',').collect();
        // 工号,姓名,等级,档次,用工性质,岗位年限,农村,五项评分…,计薪天数
        sheet.write_string(r, 0, f[0])?;
        sheet.write_string(r, 1, f[2])?;
        sheet.write_string(r, 2, f[3])?;
        sheet.write_string(r, 3, f[4])?;
        sheet.write_number(r, 4, f[5].parse::<f64>()?)?;
        sheet.write_number(r, 5, if f[6] == "是" { 1.0 } else { 0.0 })?;
        for k in 0..5 {
            sheet.write_number(r, 6 + k as u16, f[7 + k].parse::<f64>()?)?;
        }
        if !f[12].is_empty() {
            sheet.write_number(r, 11, f[12].parse::<f64>()?)?;
        }
        let x = r + 1; // 1-based row in formulas
        let formulas = [
            format!("=0.4*G{x}+0.2*H{x}+0.15*I{x}+0.1*J{x}+0.15*K{x}"),
            format!("=IF(M{x}>=90,1.2,IF(M{x}>=80,1,IF(M{x}>=70,0.9,IF(M{x}>=60,0.8,0.5))))"),
            format!("=IF(B{x}=\"见习\",-1,MIN(IF(B{x}=\"初级\",0,IF(B{x}=\"中级\",3,6))+IF(C{x}=\"C\",0,IF(C{x}=\"B\",1,2))+F{x},8))"),
            format!("=IF(O{x}<0,0.8,CHOOSE(O{x}+1,1,1.1,1.2,1.3,1.4,1.5,1.6,1.7,1.8))"),
            format!("=IF(B{x}=\"见习\",0,IF(B{x}=\"初级\",500,IF(B{x}=\"中级\",800,1200)))"),
            format!("=IF(AND(D{x}=\"聘用\",E{x}>=3),E{x}*IF(E{x}<=10,4,IF(E{x}<=15,6,8)),0)"),
            format!("=IF(L{x}=\"\",21.75,L{x})"),
            format!("=ROUND(1500*S{x}/21.75,2)"),
            format!("=ROUND(Q{x}*S{x}/21.75,2)"),
            format!("=ROUND(R{x}*S{x}/21.75,2)"),
            format!("=ROUND(1000*P{x}*N{x}*S{x}/21.75,2)"),
            format!("=T{x}+U{x}+V{x}+W{x}"),
        ];
        for (k, formula) in formulas.iter().enumerate() {
            sheet.write_formula(r, 12 + k as u16, Formula::new(formula))?;
        }
    }
    book.save("target/bench/roster100k_formulas.xlsx")?;
    println!(
        "wrote target/bench/roster100k.csv and target/bench/roster100k_formulas.xlsx ({n} people)"
    );
    Ok(())
}
