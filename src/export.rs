//! Export of results as CSV (SPEC §9): numbers stay numbers; a text cell that a
//! spreadsheet would evaluate (starting with `=`, `+`, `-`, `@`, tab or carriage return)
//! is neutralised with a leading apostrophe.

use crate::error::{Error, ErrorKind, Result};
use crate::payroll::RosterPay;

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
    w.write_record([
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
    ])
    .map_err(fail)?;
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
    let bytes = w
        .into_inner()
        .map_err(|e| Error::new(ErrorKind::InvalidValue(format!("CSV: {e}")), ""))?;
    let text = String::from_utf8(bytes)
        .map_err(|e| Error::new(ErrorKind::InvalidValue(e.to_string()), ""))?;
    Ok(format!("\u{feff}{text}"))
}
