//! The five evaluations 五评价, the composite score and the assessment factor (SPEC §2.3).

use crate::error::{overflow, Error, ErrorKind, Result};
use crate::json::{FromJson, Obj};
use crate::policy::{
    check_score, AssessmentMode, EvaluationPolicy, MissingScores, PerformancePolicy,
};
use rust_decimal::Decimal;
use serde::Serialize;

/// A person's five evaluation scores, each 0–100; any may be missing (`null`).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Scores {
    /// Business results 经营业绩.
    pub business: Option<Decimal>,
    /// Customer satisfaction 客户满意度.
    pub customer_satisfaction: Option<Decimal>,
    /// Supplier (industrial enterprise) evaluation 工业企业评价.
    pub supplier: Option<Decimal>,
    /// Self-evaluation 自我评价.
    #[serde(rename = "self")]
    pub self_: Option<Decimal>,
    /// Marketing-department audit 营销部审核评价.
    pub marketing_audit: Option<Decimal>,
}

impl FromJson for Scores {
    fn from_json(value: &serde_json::Value, path: &str) -> Result<Self> {
        let o = Obj::new(value, path)?;
        Ok(Scores {
            business: o.opt("business")?,
            customer_satisfaction: o.opt("customer_satisfaction")?,
            supplier: o.opt("supplier")?,
            self_: o.opt("self")?,
            marketing_audit: o.opt("marketing_audit")?,
        })
    }
}

/// The composite score Σ weightᵢ × scoreᵢ, exact (SPEC §2.3).
///
/// # Errors
/// `score_range` at `scores.<name>` for a score outside 0–100; `missing_score` at
/// `scores.<name>` when one is missing and `missing_scores` is `error` (or all are
/// missing under `renormalize`); `overflow`.
pub fn composite(policy: &EvaluationPolicy, scores: &Scores) -> Result<Decimal> {
    let w = &policy.weights;
    let items = [
        ("scores.business", w.business, scores.business),
        (
            "scores.customer_satisfaction",
            w.customer_satisfaction,
            scores.customer_satisfaction,
        ),
        ("scores.supplier", w.supplier, scores.supplier),
        ("scores.self", w.self_, scores.self_),
        (
            "scores.marketing_audit",
            w.marketing_audit,
            scores.marketing_audit,
        ),
    ];
    let mut sum = Decimal::ZERO;
    let mut weight_sum = Decimal::ZERO;
    let mut first_missing = None;
    for (path, weight, score) in items {
        match score {
            Some(s) => {
                check_score(s, path)?;
                let part = weight.checked_mul(s).ok_or_else(|| overflow(path))?;
                sum = sum.checked_add(part).ok_or_else(|| overflow(path))?;
                weight_sum = weight_sum
                    .checked_add(weight)
                    .ok_or_else(|| overflow(path))?;
            }
            None => {
                if policy.missing_scores == MissingScores::Error {
                    return Err(Error::new(ErrorKind::MissingScore, path));
                }
                first_missing.get_or_insert(path);
            }
        }
    }
    if first_missing.is_none() {
        return Ok(sum);
    }
    if weight_sum.is_zero() {
        return Err(Error::new(
            ErrorKind::MissingScore,
            first_missing.unwrap_or_default(),
        ));
    }
    sum.checked_div(weight_sum)
        .ok_or_else(|| overflow("scores"))
}

/// The assessment result: factor (never rounded) and rating.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Assessed {
    /// Multiplier on performance pay.
    pub factor: Decimal,
    /// The rating's row in the policy's assessment table (its id: [`rating_id`]); `None`
    /// in linear mode without a table.
    pub rating: Option<usize>,
}

/// The rating id (`good`) of a row of the policy's assessment table, as [`Assessed`]
/// gives it; `None` for no row.
pub fn rating_id(policy: &PerformancePolicy, row: Option<usize>) -> Option<&str> {
    Some(policy.assessment.table.get(row?)?.rating.as_str())
}

/// Read the factor for an exact composite (SPEC §2.3): the first table row whose
/// `min_score` ≤ composite (89.995 is below 90), or composite ÷ 100 in linear mode.
/// The policy is checked, so the table reaches 0 and every composite 0–100 has a row.
pub fn assess(policy: &PerformancePolicy, composite: Decimal) -> Assessed {
    let rating = policy
        .assessment
        .table
        .iter()
        .position(|r| r.min_score <= composite);
    match policy.assessment.mode {
        AssessmentMode::Table => Assessed {
            factor: rating
                .and_then(|i| policy.assessment.table.get(i))
                .map(|r| r.factor)
                .unwrap_or_default(),
            rating,
        },
        AssessmentMode::Linear => Assessed {
            factor: composite / Decimal::ONE_HUNDRED,
            rating,
        },
    }
}

/// The next rating above `composite` in the table and the composite it needs
/// (its `min_score`); `None` at the top rating or without a table.
pub fn next_rating(policy: &PerformancePolicy, composite: Decimal) -> Option<(String, Decimal)> {
    policy
        .assessment
        .table
        .iter()
        .rev()
        .find(|r| r.min_score > composite)
        .map(|r| (r.rating.clone(), r.min_score))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn scores(v: [Option<&str>; 5]) -> Scores {
        let [a, b, c, d, e] = v.map(|x| x.map(dec));
        Scores {
            business: a,
            customer_satisfaction: b,
            supplier: c,
            self_: d,
            marketing_audit: e,
        }
    }

    #[test]
    fn spec_example_composite() {
        let p = EvaluationPolicy::default();
        let c = composite(
            &p,
            &scores([Some("92"), Some("88"), Some("85"), Some("95"), Some("80")]),
        )
        .unwrap();
        assert_eq!(c.normalize().to_string(), "88.65");
    }

    #[test]
    fn renormalize_and_missing() {
        let mut p = EvaluationPolicy::default();
        let s = scores([Some("90"), None, Some("80"), Some("70"), Some("60")]);
        let e = composite(&p, &s).unwrap_err();
        assert_eq!(
            (e.code(), e.path.as_str()),
            ("missing_score", "scores.customer_satisfaction")
        );
        p.missing_scores = MissingScores::Renormalize;
        // (36 + 12 + 7 + 9) / 0.80 = 80
        assert_eq!(composite(&p, &s).unwrap().normalize().to_string(), "80");
    }

    #[test]
    fn thresholds_on_exact_composite() {
        let p = PerformancePolicy::default();
        let a = |s: &str| {
            let r = assess(&p, dec(s));
            (
                r.factor.to_string(),
                rating_id(&p, r.rating).unwrap().to_string(),
            )
        };
        assert_eq!(a("89.995"), ("1.00".to_string(), "good".to_string()));
        assert_eq!(a("90"), ("1.20".to_string(), "excellent".to_string()));
        assert_eq!(a("59.99"), ("0.50".to_string(), "unqualified".to_string()));
        assert_eq!(
            next_rating(&p, dec("88.65")),
            Some(("excellent".to_string(), dec("90")))
        );
        assert_eq!(next_rating(&p, dec("95")), None);
    }
}
