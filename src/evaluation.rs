//! The five evaluations 五评价, the composite score and the assessment factor (SPEC §2.3).

use crate::error::{overflow, Error, ErrorKind, Result};
use crate::json::{FromJson, Obj};
use crate::policy::{
    check_score, AssessmentMode, EvaluationPolicy, MissingScores, PerformancePolicy,
};
use rust_decimal::Decimal;
use serde::Serialize;

/// A person's five evaluation scores, each 0–100; any may be missing (`null`). Read from
/// JSON by [`read_score`], written back by [`score_text`].
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Scores {
    /// Business results 经营业绩.
    #[serde(serialize_with = "score_text")]
    pub business: Option<Decimal>,
    /// Customer satisfaction 客户满意度.
    #[serde(serialize_with = "score_text")]
    pub customer_satisfaction: Option<Decimal>,
    /// Supplier (industrial enterprise) evaluation 工业企业评价.
    #[serde(serialize_with = "score_text")]
    pub supplier: Option<Decimal>,
    /// Self-evaluation 自我评价.
    #[serde(rename = "self", serialize_with = "score_text")]
    pub self_: Option<Decimal>,
    /// Marketing-department audit 营销部审核评价.
    #[serde(serialize_with = "score_text")]
    pub marketing_audit: Option<Decimal>,
}

/// A score as it is typed — in a roster cell, in My pay's form, in an employee's JSON —
/// read as points (SPEC §1: 0–100). A percentage written as text (`94%`, `94％` — what a
/// CSV saved from a percentage-formatted column holds) is its points, 94; so is `94分` or
/// `94 pts` (the points' unit). A bare number above 0 and at most 1 is refused
/// (`score_fraction`): it is what a spreadsheet stores for a percentage-formatted cell
/// (94% as 0.94, 100% as 1), whose format the workbook readers do not see, what a system
/// exporting fractions writes, and what someone typing a percentage as a fraction enters;
/// read as points it would pay the lowest rating without a word. A score truly that low
/// is written with its unit (`0.5分`), as the exports write it ([`score_text`]).
///
/// # Errors
/// Those of [`crate::json::parse_decimal_at`]; `score_fraction`; `score_range`
/// ([`check_score`]).
pub fn read_score(text: &str, path: &str) -> Result<Decimal> {
    let trimmed = crate::number::trim_space(text);
    // The points' own unit: `94分`, `94 pts` are 94, whatever their size.
    let unit = trimmed
        .strip_suffix('分')
        .or_else(|| trimmed.strip_suffix("pts"))
        .map(str::trim_end);
    let points = match (
        unit,
        trimmed
            .strip_suffix('%')
            .or_else(|| trimmed.strip_suffix('％')),
    ) {
        (Some(number), _) | (None, Some(number)) => crate::json::parse_decimal_at(number, path)?,
        (None, None) => {
            let value = crate::json::parse_decimal_at(trimmed, path)?;
            if is_fraction_sized(value) {
                let points = (value * Decimal::ONE_HUNDRED).normalize();
                return Err(Error::new(ErrorKind::ScoreFraction { value, points }, path));
            }
            value
        }
    };
    check_score(points, path)?;
    Ok(points)
}

/// Whether a score is above 0 and at most 1: the size a fraction has (see [`read_score`]).
pub fn is_fraction_sized(score: Decimal) -> bool {
    // 0 < mantissa ÷ 10^scale ≤ 1, on integers (five scores a row).
    let (m, scale) = (score.mantissa(), score.scale());
    m > 0 && 10i128.checked_pow(scale).is_some_and(|p| m <= p)
}

/// A score field of an employee's JSON (text or a number) read by [`read_score`].
///
/// # Errors
/// `invalid_value` for a value that is neither; those of [`read_score`].
pub fn score_from_json(value: &serde_json::Value, path: &str) -> Result<Decimal> {
    match value {
        serde_json::Value::String(text) => read_score(text, path),
        serde_json::Value::Number(n) => read_score(&n.to_string(), path),
        _ => Decimal::from_json(value, path),
    }
}

/// A score as JSON writes it: its points as a decimal string (SPEC §12), and a score above
/// 0 and at most 1 with its unit (`0.5分`), so that [`read_score`] reads it back as the
/// same points rather than refusing it as a fraction.
///
/// # Errors
/// The serializer's.
pub fn score_text<S: serde::Serializer>(
    score: &Option<Decimal>,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    match score {
        Some(points) if is_fraction_sized(*points) => s.serialize_str(&format!("{points}分")),
        other => Serialize::serialize(other, s),
    }
}

impl FromJson for Scores {
    fn from_json(value: &serde_json::Value, path: &str) -> Result<Self> {
        let o = Obj::new(value, path)?;
        Ok(Scores {
            business: o.opt_with("business", score_from_json)?,
            customer_satisfaction: o.opt_with("customer_satisfaction", score_from_json)?,
            supplier: o.opt_with("supplier", score_from_json)?,
            self_: o.opt_with("self", score_from_json)?,
            marketing_audit: o.opt_with("marketing_audit", score_from_json)?,
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

    /// What an employee's JSON score reads as (or the error's code and path).
    #[track_caller]
    fn reads(employee: &str, want: &str) {
        let got = match crate::Employee::from_json(employee) {
            Ok(e) => e
                .scores
                .and_then(|s| s.business)
                .or(e.grading.and_then(|g| g.exam))
                .or(e.composite_score)
                .map_or("none".to_string(), |d| d.to_string()),
            Err(e) => format!("{} at {}", e.code(), e.path),
        };
        assert_eq!(got, want, "{employee}");
    }

    /// One rule for a typed score (roster cells, My pay's form, an employee's JSON): a
    /// bare number above 0 and at most 1 is a fraction and refused; a percentage or a
    /// number with the points' unit is its points.
    #[test]
    fn an_employee_json_score_is_read_as_a_cell_is() {
        fn e(field: &'static str) -> impl Fn(&str) -> String {
            move |v: &str| {
                format!(r#"{{"id":"E","level":"junior","band":"A","employment":"regular","years_in_post":1,{field}}}"#)
                    .replace('@', v)
            }
        }
        let five = e(r#""scores":{"business":@}"#);
        reads(&five(r#""92""#), "92");
        reads(&five("92"), "92");
        reads(&five(r#""0.94""#), "score_fraction at scores.business");
        reads(&five("0.94"), "score_fraction at scores.business");
        reads(&five(r#""1""#), "score_fraction at scores.business");
        reads(&five(r#""0""#), "0");
        reads(&five(r#""94%""#), "94");
        reads(&five(r#""９４％""#), "94");
        reads(&five(r#""94分""#), "94");
        reads(&five(r#""0.5分""#), "0.5");
        reads(&five(r#""0.5 pts""#), "0.5");
        reads(&five(r#""150""#), "score_range at scores.business");
        reads(&five("true"), "invalid_value at scores.business");
        let composite = e(r#""composite_score":@"#);
        reads(
            &composite(r#""0.8865""#),
            "score_fraction at composite_score",
        );
        reads(&composite(r#""88.65%""#), "88.65");
        let exam = e(r#""composite_score":"80","grading":{"exam":@}"#);
        reads(&exam(r#""0.9""#), "score_fraction at grading.exam");
        reads(&exam(r#""90""#), "90");
    }

    /// A score above 0 and at most 1 is written with its unit, so an employee's JSON
    /// reads back as the same employee; other scores are plain decimal strings.
    #[test]
    fn scores_written_as_json_read_back_the_same() {
        let text = r#"{"id":"E","level":"junior","band":"A","employment":"regular","years_in_post":1,
            "scores":{"business":"0.5分","customer_satisfaction":"1 pts","supplier":"92","self":"0","marketing_audit":"100"},
            "grading":{"exam":"0.25分","review":"88"}}"#;
        let e = crate::Employee::from_json(text).unwrap();
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(
            json["scores"],
            serde_json::json!({"business":"0.5分","customer_satisfaction":"1分","supplier":"92",
                "self":"0","marketing_audit":"100"})
        );
        assert_eq!(
            json["grading"],
            serde_json::json!({"exam":"0.25分","review":"88"})
        );
        let back = crate::Employee::from_json(&json.to_string()).unwrap();
        assert_eq!(back, e);
    }
}
