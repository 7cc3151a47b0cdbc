//! One account manager's input (SPEC §12 Employee).

use crate::evaluation::Scores;
use crate::json::{self, FromJson, Obj};
use crate::policy::{Education, Employment};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

/// An employee as given in JSON or a roster row (SPEC §12).
///
/// Completed years come from `years_in_post` or from `post_start` and the pay date; the
/// composite from the five `scores` or directly as `composite_score`. `paid_days`
/// defaults to a full month (the policy's `standard_days`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Employee {
    /// Employee id 工号 (unique in a roster).
    pub id: String,
    /// Name 姓名.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Level id or Chinese name (`intermediate`, 中级).
    pub level: String,
    /// Band (`A`, `B`, `C`); absent or empty for a trainee.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub band: Option<String>,
    /// Employment type (`regular`/`contract`, 在册/聘用).
    pub employment: Employment,
    /// Completed years in the post (whole number).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub years_in_post: Option<u32>,
    /// Date the person took the post, `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub post_start: Option<NaiveDate>,
    /// Serves rural retail customers (农村客户经理): coefficient one band up.
    pub rural: bool,
    /// The five evaluation scores, 0–100.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scores: Option<Scores>,
    /// The composite score given directly, 0–100 (read and written as the five scores
    /// are: [`crate::evaluation::read_score`]).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::evaluation::score_text"
    )]
    pub composite_score: Option<Decimal>,
    /// Paid days this month (0 ≤ paid_days ≤ standard_days); absent = a full month.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paid_days: Option<Decimal>,
    /// Assignment: exam and review scores.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grading: Option<Grading>,
    /// Assignment: education 学历.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub education: Option<Education>,
    /// Monthly KPIs for the scorecard, by indicator id (or name): `{target, actual}`.
    /// When given and no business score is, the business score comes from them.
    /// Data in every build: the scorecard crate turns them into the business score before
    /// the pay calculation; the core itself pays from `scores` or `composite_score`. A
    /// small ordered list, not a hash map (the first-load module stays small).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kpis: Option<json::NamedList<Kpi>>,
    /// Assignment: years worked 工作年限.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub years_of_work: Option<u32>,
}

/// Grading scores for annual assignment (SPEC §4), each 0–100.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Grading {
    /// Skills exam 考试成绩.
    #[serde(serialize_with = "crate::evaluation::score_text")]
    pub exam: Option<Decimal>,
    /// Review of work ability 综合评议.
    #[serde(serialize_with = "crate::evaluation::score_text")]
    pub review: Option<Decimal>,
}

impl Employee {
    /// Parse one employee from JSON text.
    ///
    /// # Errors
    /// Any error of [`crate::json::from_json_str`], with the field path.
    pub fn from_json(text: &str) -> crate::Result<Employee> {
        json::from_json_str(text)
    }
}

/// Completed years from text (a roster cell, a form field, a JSON string): a whole number,
/// optionally followed by its unit as people write it in a column titled 岗位年限 —
/// `12`, `12年`, `12 年`, `12 years`, `12 yrs` are all 12.
///
/// # Errors
/// Those of [`json::parse_whole`] on the number (`invalid_number` for `三年`, `not_whole`
/// for `2.5年`), at `path`.
pub fn read_years(text: &str, path: &str) -> crate::Result<u32> {
    let trimmed = crate::number::trim_space(text);
    let number = trimmed.strip_suffix('年').unwrap_or_else(|| {
        // An English unit, any case: `years`, `year`, `yrs`, `yr`.
        let lower = trimmed.to_ascii_lowercase();
        ["years", "year", "yrs", "yr"]
            .iter()
            .find(|unit| lower.ends_with(*unit))
            .and_then(|unit| trimmed.get(..trimmed.len() - unit.len()))
            .unwrap_or(trimmed)
    });
    json::parse_whole(number.trim_end(), path)
}

/// A years field of an employee's JSON (text or a number) read by [`read_years`].
///
/// # Errors
/// `invalid_value` for a value that is neither; those of [`read_years`].
pub fn years_from_json(value: &serde_json::Value, path: &str) -> crate::Result<u32> {
    match value {
        serde_json::Value::String(text) => read_years(text, path),
        _ => u32::from_json(value, path),
    }
}

impl FromJson for Employee {
    fn from_json(value: &serde_json::Value, path: &str) -> crate::Result<Self> {
        let o = Obj::new(value, path)?;
        Ok(Employee {
            id: o.or("id", String::new)?,
            name: o.or("name", String::new)?,
            level: o.req("level")?,
            band: o.opt("band")?,
            employment: o.req("employment")?,
            years_in_post: o.opt_with("years_in_post", years_from_json)?,
            post_start: o.opt("post_start")?,
            rural: o.or("rural", || false)?,
            scores: o.opt("scores")?,
            composite_score: o.opt_with("composite_score", crate::evaluation::score_from_json)?,
            paid_days: o.opt("paid_days")?,
            grading: o.opt("grading")?,
            education: o.opt("education")?,
            years_of_work: o.opt_with("years_of_work", years_from_json)?,
            kpis: o.opt("kpis")?,
        })
    }
}

impl FromJson for Grading {
    fn from_json(value: &serde_json::Value, path: &str) -> crate::Result<Self> {
        let o = Obj::new(value, path)?;
        Ok(Grading {
            exam: o.opt_with("exam", crate::evaluation::score_from_json)?,
            review: o.opt_with("review", crate::evaluation::score_from_json)?,
        })
    }
}

/// One indicator's target and actual for a period.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Kpi {
    /// The target.
    pub target: Decimal,
    /// The actual result.
    pub actual: Decimal,
}

impl FromJson for Kpi {
    fn from_json(value: &serde_json::Value, path: &str) -> crate::Result<Self> {
        let o = Obj::new(value, path)?;
        Ok(Kpi {
            target: o.req("target")?,
            actual: o.req("actual")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn years(text: &str) -> Result<u32, String> {
        read_years(text, "years_in_post").map_err(|e| format!("{:?} at {}", e.kind, e.path))
    }

    #[test]
    fn years_read_with_or_without_their_unit() {
        for (text, want) in [
            ("12", 12),
            ("12年", 12),
            (" 12 年 ", 12),
            ("１２年", 12),
            ("12 years", 12),
            ("1 Year", 1),
            ("3yrs", 3),
            ("0年", 0),
        ] {
            assert_eq!(years(text), Ok(want), "{text}");
        }
        assert_eq!(
            years("三年"),
            Err(r#"InvalidNumber("三") at years_in_post"#.to_string())
        );
        assert_eq!(
            years("2.5年"),
            Err(r#"NotWhole("2.5") at years_in_post"#.to_string())
        );
        assert_eq!(
            years("年"),
            Err(r#"InvalidNumber("") at years_in_post"#.to_string())
        );
    }

    #[test]
    fn an_employees_json_reads_years_with_their_unit() {
        let e = Employee::from_json(
            r#"{"level":"junior","band":"A","employment":"regular","years_in_post":"12年","years_of_work":7}"#,
        )
        .unwrap();
        assert_eq!((e.years_in_post, e.years_of_work), (Some(12), Some(7)));
    }
}
