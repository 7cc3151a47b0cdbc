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

impl FromJson for Employee {
    fn from_json(value: &serde_json::Value, path: &str) -> crate::Result<Self> {
        let o = Obj::new(value, path)?;
        Ok(Employee {
            id: o.or("id", String::new)?,
            name: o.or("name", String::new)?,
            level: o.req("level")?,
            band: o.opt("band")?,
            employment: o.req("employment")?,
            years_in_post: o.opt("years_in_post")?,
            post_start: o.opt("post_start")?,
            rural: o.or("rural", || false)?,
            scores: o.opt("scores")?,
            composite_score: o.opt_with("composite_score", crate::evaluation::score_from_json)?,
            paid_days: o.opt("paid_days")?,
            grading: o.opt("grading")?,
            education: o.opt("education")?,
            years_of_work: o.opt("years_of_work")?,
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
