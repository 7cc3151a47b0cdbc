//! One account manager's input (SPEC §12 Employee).

use crate::evaluation::Scores;
use crate::json;
use crate::policy::{Education, Employment};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// An employee as given in JSON or a roster row (SPEC §12).
///
/// Completed years come from `years_in_post` or from `post_start` and the pay date; the
/// composite from the five `scores` or directly as `composite_score`. `paid_days`
/// defaults to a full month (the policy's `standard_days`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Employee {
    /// Employee id 工号 (unique in a roster).
    #[serde(default)]
    pub id: String,
    /// Name 姓名.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Level id or Chinese name (`intermediate`, 中级).
    pub level: String,
    /// Band (`A`, `B`, `C`); absent or empty for a trainee.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub band: Option<String>,
    /// Employment type (`regular`/`contract`, 在册/聘用).
    pub employment: Employment,
    /// Completed years in the post (whole number).
    #[serde(
        default,
        deserialize_with = "json::opt_whole",
        skip_serializing_if = "Option::is_none"
    )]
    pub years_in_post: Option<u32>,
    /// Date the person took the post, `YYYY-MM-DD`.
    #[serde(
        default,
        deserialize_with = "json::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub post_start: Option<NaiveDate>,
    /// Serves rural retail customers (农村客户经理): coefficient one band up.
    #[serde(default, deserialize_with = "json::flag")]
    pub rural: bool,
    /// The five evaluation scores, 0–100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scores: Option<Scores>,
    /// The composite score given directly, 0–100.
    #[serde(
        default,
        deserialize_with = "json::opt_decimal",
        skip_serializing_if = "Option::is_none"
    )]
    pub composite_score: Option<Decimal>,
    /// Paid days this month (0 ≤ paid_days ≤ standard_days); absent = a full month.
    #[serde(
        default,
        deserialize_with = "json::opt_decimal",
        skip_serializing_if = "Option::is_none"
    )]
    pub paid_days: Option<Decimal>,
    /// Assignment: exam and review scores.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grading: Option<Grading>,
    /// Assignment: education 学历.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub education: Option<Education>,
    /// Assignment: years worked 工作年限.
    #[serde(
        default,
        deserialize_with = "json::opt_whole",
        skip_serializing_if = "Option::is_none"
    )]
    pub years_of_work: Option<u32>,
}

/// Grading scores for annual assignment (SPEC §4), each 0–100.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Grading {
    /// Skills exam 考试成绩.
    #[serde(default, deserialize_with = "json::opt_decimal")]
    pub exam: Option<Decimal>,
    /// Review of work ability 综合评议.
    #[serde(default, deserialize_with = "json::opt_decimal")]
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
