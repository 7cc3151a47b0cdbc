//! Seniority pay 年功工资 (SPEC §2.1): completed years in the post and the bracket rates.
//!
//! Seed: contract staff (聘用工) with at least three completed years (满三年) earn, per
//! year, 4 yuan up to and including 10 years, 6 yuan for 11–15, 8 yuan beyond 15.
//! `flat` (default) pays all years at the person's bracket rate; `marginal` pays each
//! year at its own bracket's rate.

use crate::error::{overflow, Error, ErrorKind, Result};
use crate::explain::{Ineligible, Rule, YearsAtRate};
use crate::policy::{Employment, LeapDay, SeniorityMode, SeniorityPolicy};
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

/// The anniversary of `start` in `year`: the same month and day, with a 29 February start
/// moved to 28 February or 1 March in common years per `leap`. `None` only for years
/// outside chrono's range.
pub fn anniversary(start: NaiveDate, year: i32, leap: LeapDay) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, start.month(), start.day()).or_else(|| match leap {
        LeapDay::Feb28 => NaiveDate::from_ymd_opt(year, 2, 28),
        LeapDay::Mar01 => NaiveDate::from_ymd_opt(year, 3, 1),
    })
}

/// Completed years in the post on `as_of`: the number of anniversaries of `start` on or
/// before `as_of` (an anniversary counts on its own date; never days ÷ 365).
///
/// # Errors
/// `post_start_after_as_of` at `post_start` when `start` is after `as_of`.
pub fn completed_years(start: NaiveDate, as_of: NaiveDate, leap: LeapDay) -> Result<u32> {
    if start > as_of {
        return Err(Error::new(
            ErrorKind::StartAfterAsOf {
                start: start.to_string(),
                as_of: as_of.to_string(),
            },
            "post_start",
        ));
    }
    let mut years = as_of.year() - start.year();
    if anniversary(start, as_of.year(), leap).is_some_and(|a| a > as_of) {
        years -= 1;
    }
    Ok(u32::try_from(years.max(0)).unwrap_or(0))
}

/// Seniority pay before proration and rounding, with the rule that gave it.
#[derive(Debug, Clone, PartialEq)]
pub struct SeniorityPay {
    /// Exact monthly amount, CNY.
    pub amount: Decimal,
    /// The rule and the numbers used (years, rates), for the explanation.
    pub rule: Rule,
}

/// The bracket index that covers completed year `years` (1-based years; year 0 → first).
pub fn bracket_of(policy: &SeniorityPolicy, years: u32) -> usize {
    policy
        .brackets
        .iter()
        .position(|b| b.through_year.is_none_or(|t| years <= t))
        .unwrap_or(policy.brackets.len().saturating_sub(1))
}

/// Whether `employment` with `years` completed years earns seniority pay.
pub fn eligible(policy: &SeniorityPolicy, employment: Employment, years: u32) -> bool {
    policy.eligible_employment.contains(&employment) && years >= policy.min_years
}

/// Monthly seniority pay for `years` completed years (SPEC §2.1), exact.
///
/// # Errors
/// `overflow` at `seniority` if rates × years leave the decimal range.
pub fn seniority_pay(
    policy: &SeniorityPolicy,
    employment: Employment,
    years: u32,
) -> Result<SeniorityPay> {
    if !policy.eligible_employment.contains(&employment) {
        return Ok(SeniorityPay {
            amount: Decimal::ZERO,
            rule: Rule::NotEligible(Ineligible::Employment { employment }),
        });
    }
    if years < policy.min_years {
        return Ok(SeniorityPay {
            amount: Decimal::ZERO,
            rule: Rule::NotEligible(Ineligible::MinYears {
                years,
                min_years: policy.min_years,
            }),
        });
    }
    let err = || overflow("seniority");
    match policy.mode {
        SeniorityMode::Flat => {
            let rate = policy
                .brackets
                .get(bracket_of(policy, years))
                .map(|b| b.per_year)
                .unwrap_or_default();
            let amount = rate.checked_mul(Decimal::from(years)).ok_or_else(err)?;
            Ok(SeniorityPay {
                amount,
                rule: Rule::Flat {
                    years,
                    per_year: rate,
                },
            })
        }
        SeniorityMode::Marginal => {
            let mut amount = Decimal::ZERO;
            let mut parts = Vec::new();
            let mut from = 0u32;
            for b in &policy.brackets {
                if from >= years {
                    break;
                }
                let to = b.through_year.map_or(years, |t| t.min(years));
                let n = to.saturating_sub(from);
                if n > 0 {
                    let part = b.per_year.checked_mul(Decimal::from(n)).ok_or_else(err)?;
                    amount = amount.checked_add(part).ok_or_else(err)?;
                    parts.push(YearsAtRate {
                        years: n,
                        per_year: b.per_year,
                    });
                }
                from = to;
            }
            Ok(SeniorityPay {
                amount,
                rule: Rule::Marginal { parts },
            })
        }
    }
}

/// The next milestone that raises seniority pay: the completed years at which it arrives
/// (reaching `min_years`, or the first year of the next bracket); `None` when the
/// employment type is not eligible or the person is already in the last bracket.
pub fn next_milestone(policy: &SeniorityPolicy, employment: Employment, years: u32) -> Option<u32> {
    if !policy.eligible_employment.contains(&employment) {
        return None;
    }
    if years < policy.min_years {
        return Some(policy.min_years);
    }
    let current = policy.brackets.get(bracket_of(policy, years))?;
    current.through_year.and_then(|t| t.checked_add(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[track_caller]
    fn years(start: &str, as_of: &str, leap: LeapDay, want: u32) {
        assert_eq!(
            completed_years(date(start), date(as_of), leap).unwrap(),
            want,
            "{start} → {as_of}"
        );
    }

    #[test]
    fn anniversaries() {
        years("2005-04-01", "2025-07-01", LeapDay::Feb28, 20);
        years("2005-07-01", "2025-07-01", LeapDay::Feb28, 20);
        years("2005-07-02", "2025-07-01", LeapDay::Feb28, 19);
        years("2025-07-01", "2025-07-01", LeapDay::Feb28, 0);
        years("2020-02-29", "2023-02-28", LeapDay::Feb28, 3);
        years("2020-02-29", "2023-02-28", LeapDay::Mar01, 2);
        years("2020-02-29", "2023-03-01", LeapDay::Mar01, 3);
        years("2020-02-29", "2024-02-28", LeapDay::Feb28, 3);
        years("2020-02-29", "2024-02-29", LeapDay::Feb28, 4);
    }

    #[test]
    fn start_after_pay_date() {
        let e =
            completed_years(date("2026-01-02"), date("2026-01-01"), LeapDay::Feb28).unwrap_err();
        assert_eq!(
            (e.code(), e.path.as_str()),
            ("post_start_after_as_of", "post_start")
        );
    }

    #[test]
    fn milestones() {
        let p = SeniorityPolicy::default();
        assert_eq!(next_milestone(&p, Employment::Contract, 12), Some(16));
        assert_eq!(next_milestone(&p, Employment::Contract, 1), Some(3));
        assert_eq!(next_milestone(&p, Employment::Contract, 3), Some(11));
        assert_eq!(next_milestone(&p, Employment::Contract, 20), None);
        assert_eq!(next_milestone(&p, Employment::Regular, 2), None);
    }
}
