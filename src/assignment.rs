//! Annual grade assignment 年度等级评定 (SPEC §4).
//!
//! Seed: basic conditions (education 学历, years worked 工作年限) are checked, a skills
//! exam and a review of work ability are scored, then level and band are set within the
//! quotas. Here: grading score = Σ weight × score over exam and review; seats are
//! computed once from the number of people assigned; people are taken in descending
//! grading score (ties: more completed years in post, then id bytewise); each gets the
//! highest level whose requirements they meet and which still has a seat, else the
//! bandless level (trainee). Bands inside a level by rank thirds or score thresholds.

use crate::employee::Employee;
use crate::error::{overflow, Error, ErrorKind, Result};
use crate::ladder::Grade;
use crate::number::fmt_at_least_2;
use crate::policy::{check_score, BandRule, CheckedPolicy, Education};
use crate::quota::seats_by_level;
use crate::seniority::completed_years;
use chrono::NaiveDate;
use indexmap::IndexMap;
use rust_decimal::Decimal;
use serde::Serialize;

/// One person's assignment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assigned {
    /// Employee id.
    pub id: String,
    /// The person's name as given (left out of the JSON when empty).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Grading score, exact, at least two decimals.
    pub grading_score: String,
    /// The grade before (null when the input grade is not on the ladder).
    pub old_grade: Option<String>,
    /// The grade assigned.
    pub new_grade: String,
    /// Why the person did not get each higher level, highest level first (empty when
    /// placed at the top, or at the first level tried).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<Reason>,
}

/// Why a person was not placed in one higher level: a requirement not met, or no seat.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason {
    /// The level id.
    pub level: String,
    /// What stood in the way.
    #[serde(flatten)]
    pub why: Why,
}

/// What kept a person out of a level (SPEC §4).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Why {
    /// A basic condition (SPEC §4 requirements) is not met.
    Requirement(Requirement),
    /// The level's seats were all taken by people ranked higher.
    NoSeat,
}

/// A requirement not met: what is `required` and what the person has (`actual`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "requirement", rename_all = "snake_case")]
pub enum Requirement {
    /// Education 学历 at least `required`.
    MinEducation {
        /// The lowest education accepted.
        required: Education,
        /// The person's education.
        actual: Education,
    },
    /// Years of work 工作年限 at least `required`.
    MinYearsOfWork {
        /// Years needed.
        required: u32,
        /// The person's years.
        actual: u32,
    },
    /// Completed years in the post at least `required`.
    MinYearsInPost {
        /// Years needed.
        required: u32,
        /// The person's years.
        actual: u32,
    },
}

/// The assignment result (SPEC §12): seats per capped level and each person, best first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assignment {
    /// Seats per capped level, computed once before assigning.
    pub seats: IndexMap<String, u64>,
    /// People in rank order (best grading score first).
    pub results: Vec<Assigned>,
}

struct Candidate<'a> {
    e: &'a Employee,
    index: usize,
    score: Decimal,
    years_in_post: u32,
}

fn requirement_failure(policy: &CheckedPolicy, level: &str, c: &Candidate) -> Option<Requirement> {
    let req = policy.policy().assignment.requirements.get(level)?;
    let education = c.e.education.unwrap_or(Education::None);
    if education < req.min_education {
        return Some(Requirement::MinEducation {
            required: req.min_education,
            actual: education,
        });
    }
    let worked = c.e.years_of_work.unwrap_or(0);
    if worked < req.min_years_of_work {
        return Some(Requirement::MinYearsOfWork {
            required: req.min_years_of_work,
            actual: worked,
        });
    }
    if c.years_in_post < req.min_years_in_post {
        return Some(Requirement::MinYearsInPost {
            required: req.min_years_in_post,
            actual: c.years_in_post,
        });
    }
    None
}

/// Assign levels and bands to `people` (SPEC §4). `as_of` is needed for anyone who gives
/// `post_start` instead of `years_in_post`.
///
/// # Errors
/// At `employees[i]…`: `missing_field` (`grading.exam`, `grading.review`, years in post),
/// `score_range`, `post_start_after_as_of`; `overflow`. A bandless level is needed to
/// place those who get no banded level: `level_shape` at `ladder` otherwise.
pub fn assign_grades(
    policy: &CheckedPolicy,
    people: &[Employee],
    as_of: Option<NaiveDate>,
) -> Result<Assignment> {
    let p = policy.policy();
    let ladder = policy.ladder();
    let w = &p.assignment.weights;
    let mut candidates = Vec::with_capacity(people.len());
    for (i, e) in people.iter().enumerate() {
        let at = format!("employees[{i}]");
        let g = e.grading.clone().unwrap_or_default();
        let exam = g.exam.ok_or_else(|| {
            Error::new(
                ErrorKind::MissingField("exam".into()),
                format!("{at}.grading.exam"),
            )
        })?;
        let review = g.review.ok_or_else(|| {
            Error::new(
                ErrorKind::MissingField("review".into()),
                format!("{at}.grading.review"),
            )
        })?;
        check_score(exam, &format!("{at}.grading.exam"))?;
        check_score(review, &format!("{at}.grading.review"))?;
        let score = w
            .exam
            .checked_mul(exam)
            .and_then(|a| w.review.checked_mul(review).and_then(|b| a.checked_add(b)))
            .ok_or_else(|| overflow(&at))?;
        let years_in_post = match (e.years_in_post, e.post_start, as_of) {
            (Some(y), _, _) => y,
            (None, Some(start), Some(as_of)) => {
                completed_years(start, as_of, p.seniority.leap_day_anniversary)
                    .map_err(|err| err.within(&at))?
            }
            (None, Some(_), None) => {
                return Err(Error::new(ErrorKind::MissingField("as_of".into()), "as_of"));
            }
            (None, None, _) => 0,
        };
        candidates.push(Candidate {
            e,
            index: i,
            score,
            years_in_post,
        });
    }
    candidates.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then(b.years_in_post.cmp(&a.years_in_post))
            .then(a.e.id.as_bytes().cmp(b.e.id.as_bytes()))
            .then(a.index.cmp(&b.index))
    });
    let trainee = ladder
        .levels()
        .iter()
        .position(|l| l.bands.is_empty())
        .ok_or_else(|| {
            Error::new(
                ErrorKind::LevelShape("no bandless level (trainee) to place people in"),
                "ladder",
            )
        })?;
    // Seats once, from the number of people being assigned.
    let capped = seats_by_level(policy, people.len());
    let mut seats_left: Vec<Option<u64>> = ladder
        .levels()
        .iter()
        .enumerate()
        .map(|(i, _)| {
            capped
                .iter()
                .find(|(li, _, _)| *li == i)
                .map(|(_, _, s)| *s)
        })
        .collect();
    let banded: Vec<usize> = (0..ladder.levels().len())
        .rev()
        .filter(|i| ladder.level(*i).is_some_and(|l| !l.bands.is_empty()))
        .collect();
    let mut placed: Vec<(usize, &Candidate)> = Vec::with_capacity(candidates.len());
    let mut reasons: Vec<Vec<Reason>> = Vec::with_capacity(candidates.len());
    for c in &candidates {
        let mut why = Vec::new();
        let mut got = trainee;
        for &li in &banded {
            let id = ladder.level(li).map(|l| l.id.as_str()).unwrap_or_default();
            if let Some(r) = requirement_failure(policy, id, c) {
                why.push(Reason {
                    level: id.to_string(),
                    why: Why::Requirement(r),
                });
                continue;
            }
            match seats_left.get_mut(li) {
                Some(Some(0)) => why.push(Reason {
                    level: id.to_string(),
                    why: Why::NoSeat,
                }),
                Some(Some(n)) => {
                    *n -= 1;
                    got = li;
                    break;
                }
                _ => {
                    got = li;
                    break;
                }
            }
        }
        placed.push((got, c));
        reasons.push(why);
    }
    // Bands inside each level, by rank among that level's people (placed is in rank order).
    let levels = ladder.levels().len();
    let mut per_level = vec![0usize; levels];
    for (li, _) in &placed {
        if let Some(n) = per_level.get_mut(*li) {
            *n += 1;
        }
    }
    let mut ranked = vec![0usize; levels];
    let mut results = Vec::with_capacity(placed.len());
    for (k, (li, c)) in placed.iter().enumerate() {
        let level = ladder.level(*li).ok_or_else(|| overflow("ladder"))?;
        let band = if level.bands.is_empty() {
            None
        } else {
            let m = level.bands.len();
            let from_top = match p.assignment.bands {
                BandRule::Thirds => {
                    let n = per_level.get(*li).copied().unwrap_or(1).max(1);
                    let r = ranked.get(*li).copied().unwrap_or(0); // r − 1
                    (m * r) / n
                }
                BandRule::Thresholds => threshold_band(policy, *li, c.score),
            };
            Some(m.saturating_sub(1).saturating_sub(from_top.min(m - 1)))
        };
        if let Some(r) = ranked.get_mut(*li) {
            *r += 1;
        }
        let old_grade = ladder
            .resolve(&c.e.level, c.e.band.as_deref())
            .ok()
            .map(|g| ladder.grade_name(g));
        results.push(Assigned {
            id: c.e.id.clone(),
            name: c.e.name.clone(),
            grading_score: fmt_at_least_2(c.score),
            old_grade,
            new_grade: ladder.grade_name(Grade { level: *li, band }),
            reasons: reasons.get_mut(k).map(std::mem::take).unwrap_or_default(),
        });
    }
    let seats = capped
        .iter()
        .filter_map(|(i, _, s)| ladder.level(*i).map(|l| (l.id.clone(), *s)))
        .collect();
    Ok(Assignment { seats, results })
}

/// Band position from the top by thresholds: the highest band whose threshold the score
/// reaches (bands without a threshold are reached only as the lowest).
fn threshold_band(policy: &CheckedPolicy, level: usize, score: Decimal) -> usize {
    let Some(l) = policy.ladder().level(level) else {
        return 0;
    };
    let thresholds = policy.policy().assignment.thresholds.as_ref();
    let m = l.bands.len();
    for (from_top, band) in l.bands.iter().rev().enumerate() {
        let min = thresholds
            .and_then(|t| t.get(&band.name))
            .and_then(|v| crate::number::parse_decimal(v).ok());
        if min.is_some_and(|min| score >= min) {
            return from_top;
        }
    }
    m.saturating_sub(1)
}
