//! Cost over the years 逐年成本 (SPEC §12 Projection, issue 18): one roster under a
//! baseline and a proposal policy, year offset by year offset.
//!
//! For offset k = 0 … N everyone's completed years advance by k: `years_in_post + k`, or
//! `post_start` counted (SPEC §2.1 anniversary and 29 February rules, [`completed_years`])
//! to the pay date moved k years (a 29 February pay date moves to 28 February in common
//! years). `years_of_work` advances by k too (it matters only to re-grading). Grades,
//! scores and paid days are unchanged, unless each year is re-graded with the annual
//! assignment (SPEC §4) on the same grading scores. Each year is paid with
//! [`compute_roster`](crate::compute_roster): every component is rounded once per person and month, the annual
//! figures are the monthly ones × 12 (as in the comparison, SPEC §5).
//!
//! The drift of each year (against the year before) says how many people crossed the
//! seniority threshold (`min_years`) or into a higher bracket, and what their seniority
//! pay added.
//!
//! [`completed_years`]: crate::seniority::completed_years

use crate::assignment::assign_grades;
use crate::employee::Employee;
use crate::error::{Error, ErrorKind, Result};
use crate::ladder::Grade;
use crate::money::Money;
use crate::payroll::{compute_roster_figures, Components, RosterFigures};
use crate::policy::CheckedPolicy;
use crate::scenario::{minus, side, Side, SideTotals};
use crate::seniority::{bracket_of, eligible};
use chrono::{Months, NaiveDate};
use indexmap::IndexMap;
use serde::Serialize;
use std::collections::HashMap;

/// The most year offsets a projection accepts (`--years`).
pub const MAX_YEARS: u32 = 50;

/// One level's totals in one year under one policy.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelYear {
    /// People at this level.
    pub headcount: u64,
    /// Monthly total, CNY.
    pub total: Money,
    /// × 12.
    pub annual_total: Money,
}

/// One level's difference (proposal − baseline) in one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelYearDiff {
    /// Headcount difference (non-zero only when re-grading moves people).
    pub headcount: i64,
    /// Monthly difference, CNY.
    pub total: Money,
    /// × 12.
    pub annual_total: Money,
}

/// Someone whose seniority pay changed step between two years.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Crossing {
    /// Employee id.
    pub id: String,
    /// `threshold` (reached `min_years`) or `bracket` (into a higher bracket).
    pub kind: &'static str,
    /// Completed years the year before.
    pub years_before: u32,
    /// Completed years this year.
    pub years: u32,
    /// Monthly seniority pay the year before.
    pub seniority_before: Money,
    /// Monthly seniority pay this year.
    pub seniority: Money,
}

/// Why a year costs more than the year before (issue 18 item 4).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Drift {
    /// People who reached the seniority threshold this year.
    pub crossed_threshold: u64,
    /// People who moved into a higher seniority bracket this year.
    pub crossed_bracket: u64,
    /// What those crossings added to monthly seniority pay (this year − the year before).
    pub crossings_amount: Money,
    /// × 12.
    pub crossings_annual_amount: Money,
    /// The change of everyone's monthly seniority pay (crossings and the yearly step).
    pub seniority_change: Money,
    /// × 12.
    pub seniority_annual_change: Money,
    /// The people who crossed, in roster order.
    pub crossings: Vec<Crossing>,
}

/// A person whose grade re-grading changes (from the grade given).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Move {
    /// Employee id.
    pub id: String,
    /// The grade given.
    pub from: String,
    /// The grade assigned for this year.
    pub to: String,
}

/// One policy's totals in one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearSide {
    /// Monthly totals per component, total, × 12, employer cost (as in the comparison).
    #[serde(flatten)]
    pub totals: SideTotals,
    /// Annual (× 12) totals per component.
    pub annual_components: Components,
    /// People paid.
    pub headcount: u64,
    /// People paid any seniority pay.
    pub seniority_headcount: u64,
    /// Per level, highest first.
    pub by_level: IndexMap<String, LevelYear>,
    /// Against the year before; null for offset 0.
    pub drift: Option<Drift>,
    /// With re-grading: who is assigned another grade than the one given; else null.
    pub moves: Option<Vec<Move>>,
}

/// Proposal − baseline in one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearDiff {
    /// Monthly differences per component, total, × 12, employer cost.
    #[serde(flatten)]
    pub totals: SideTotals,
    /// Annual (× 12) differences per component.
    pub annual_components: Components,
    /// Difference in people paid seniority pay.
    pub seniority_headcount: i64,
    /// Per level (the baseline's levels, then any only the proposal has).
    pub by_level: IndexMap<String, LevelYearDiff>,
}

/// One year offset.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Year {
    /// Years after the pay date (0 = the pay date itself).
    pub offset: u32,
    /// The pay date moved `offset` years; null when none was given.
    pub as_of: Option<NaiveDate>,
    /// Under the baseline.
    pub baseline: YearSide,
    /// Under the proposal.
    pub proposal: YearSide,
    /// Proposal − baseline.
    pub difference: YearDiff,
}

/// The projection (SPEC §12 Projection).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Projection {
    /// Offsets 0 … N.
    pub years: Vec<Year>,
    /// Whether each year was re-graded with the annual assignment.
    pub assign: bool,
    /// Σ baseline annual totals over the years.
    pub cumulative_annual_baseline: Money,
    /// Σ proposal annual totals over the years.
    pub cumulative_annual_proposal: Money,
    /// Σ annual differences over the years.
    pub cumulative_annual_difference: Money,
}

/// The pay date moved `k` years (29 February → 28 February in a common year).
fn shifted(as_of: Option<NaiveDate>, k: u32) -> Result<Option<NaiveDate>> {
    as_of
        .map(|d| {
            d.checked_add_months(Months::new(k.saturating_mul(12)))
                .ok_or_else(|| Error::new(ErrorKind::DateOutOfRange, "as_of"))
        })
        .transpose()
}

/// Everyone `k` years on: `years_in_post` and `years_of_work` + k (people with
/// `post_start` advance through the moved pay date).
fn advanced(people: &[Employee], k: u32) -> Result<Vec<Employee>> {
    people
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let mut e = e.clone();
            let add = |y: Option<u32>, field: &str| -> Result<Option<u32>> {
                y.map(|y| {
                    y.checked_add(k)
                        .ok_or_else(|| crate::error::overflow(&format!("employees[{i}].{field}")))
                })
                .transpose()
            };
            e.years_in_post = add(e.years_in_post, "years_in_post")?;
            e.years_of_work = add(e.years_of_work, "years_of_work")?;
            Ok(e)
        })
        .collect()
}

/// Re-grade `people` with the annual assignment under `policy`: the people with their
/// assigned level and band, and who moves.
fn regraded(
    policy: &CheckedPolicy,
    people: &[Employee],
    as_of: Option<NaiveDate>,
) -> Result<(Vec<Employee>, Vec<Move>)> {
    let ladder = policy.ladder();
    let assignment = assign_grades(policy, people, as_of)?;
    let mut grades: HashMap<String, (String, Option<String>)> = HashMap::new();
    for (li, level) in ladder.levels().iter().enumerate() {
        if level.bands.is_empty() {
            let g = Grade {
                level: li,
                band: None,
            };
            grades.insert(ladder.grade_name(g), (level.id.clone(), None));
        }
        for (bi, band) in level.bands.iter().enumerate() {
            let g = Grade {
                level: li,
                band: Some(bi),
            };
            grades.insert(
                ladder.grade_name(g),
                (level.id.clone(), Some(band.name.clone())),
            );
        }
    }
    let new: HashMap<&str, &crate::assignment::Assigned> = assignment
        .results
        .iter()
        .map(|a| (a.id.as_str(), a))
        .collect();
    let mut out = Vec::with_capacity(people.len());
    let mut moves = Vec::new();
    for e in people {
        let mut e = e.clone();
        if let Some(a) = new.get(e.id.as_str()) {
            if let Some((level, band)) = grades.get(&a.new_grade) {
                if a.old_grade.as_deref() != Some(a.new_grade.as_str()) {
                    moves.push(Move {
                        id: e.id.clone(),
                        from: a.old_grade.clone().unwrap_or_default(),
                        to: a.new_grade.clone(),
                    });
                }
                e.level = level.clone();
                e.band = band.clone();
            }
        }
        out.push(e);
    }
    Ok((out, moves))
}

/// One side of one year: the people (re-graded or not) and their pay.
struct Paid {
    people: Vec<Employee>,
    pay: RosterFigures,
    moves: Option<Vec<Move>>,
}

fn pay_year(
    (policy, extras): Side<'_>,
    people: &[Employee],
    as_of: Option<NaiveDate>,
    assign: bool,
) -> Result<Paid> {
    let (people, moves) = if assign {
        let (p, m) = regraded(policy, people, as_of)?;
        (p, Some(m))
    } else {
        (people.to_vec(), None)
    };
    let pay = compute_roster_figures(policy, extras, &people, as_of, &mut |_, _| {})?;
    Ok(Paid { people, pay, moves })
}

fn annual(c: &Components, path: &str) -> Result<Components> {
    Ok(Components {
        base: c.base.checked_times(12, path)?,
        floating: c.floating.checked_times(12, path)?,
        seniority: c.seniority.checked_times(12, path)?,
        performance: c.performance.checked_times(12, path)?,
    })
}

fn drift(policy: &CheckedPolicy, before: &Paid, now: &Paid) -> Result<Drift> {
    let s = &policy.policy().seniority;
    let zero = policy.policy().rounding.zero();
    let p = "drift";
    let (mut threshold, mut bracket) = (0u64, 0u64);
    let (mut crossings_amount, mut change) = (zero, zero);
    let mut crossings = Vec::new();
    let rows = now
        .people
        .iter()
        .zip(&now.pay.people)
        .zip(&before.pay.people);
    for ((e, b), prev) in rows {
        let delta = b
            .components
            .seniority
            .checked_sub(prev.components.seniority, p)?;
        change = change.checked_add(delta, p)?;
        let (y0, y1) = (prev.years_in_post, b.years_in_post);
        let was = eligible(s, e.employment, y0);
        let is = eligible(s, e.employment, y1);
        let kind = if is && !was {
            Some("threshold")
        } else if is && bracket_of(s, y1) > bracket_of(s, y0) {
            Some("bracket")
        } else {
            None
        };
        if let Some(kind) = kind {
            if kind == "threshold" {
                threshold += 1;
            } else {
                bracket += 1;
            }
            crossings_amount = crossings_amount.checked_add(delta, p)?;
            crossings.push(Crossing {
                id: e.id.clone(),
                kind,
                years_before: y0,
                years: y1,
                seniority_before: prev.components.seniority,
                seniority: b.components.seniority,
            });
        }
    }
    Ok(Drift {
        crossed_threshold: threshold,
        crossed_bracket: bracket,
        crossings_annual_amount: crossings_amount.checked_times(12, p)?,
        crossings_amount,
        seniority_annual_change: change.checked_times(12, p)?,
        seniority_change: change,
        crossings,
    })
}

fn year_side(policy: &CheckedPolicy, now: &Paid, before: Option<&Paid>) -> Result<YearSide> {
    let t = &now.pay.totals;
    let by_level = t
        .by_level
        .iter()
        .map(|(id, l)| {
            (
                id.clone(),
                LevelYear {
                    headcount: l.headcount,
                    total: l.total,
                    annual_total: l.annual_total,
                },
            )
        })
        .collect();
    Ok(YearSide {
        totals: side(t),
        annual_components: annual(&t.components, "annual_components")?,
        headcount: t.headcount,
        seniority_headcount: now
            .pay
            .people
            .iter()
            .filter(|b| !b.components.seniority.amount().is_zero())
            .count() as u64,
        by_level,
        drift: before.map(|b| drift(policy, b, now)).transpose()?,
        moves: now.moves.clone(),
    })
}

fn difference(base: &YearSide, prop: &YearSide, zero: Money) -> Result<YearDiff> {
    let p = "difference";
    let totals = minus(&prop.totals, &base.totals)?;
    let mut by_level = IndexMap::new();
    let ids = base.by_level.keys().chain(
        prop.by_level
            .keys()
            .filter(|k| !base.by_level.contains_key(*k)),
    );
    for id in ids {
        let get = |s: &YearSide| {
            s.by_level
                .get(id)
                .map_or((0i64, zero), |l| (l.headcount as i64, l.total))
        };
        let ((bn, bt), (pn, pt)) = (get(base), get(prop));
        let total = pt.checked_sub(bt, p)?;
        by_level.insert(
            id.clone(),
            LevelYearDiff {
                headcount: pn - bn,
                total,
                annual_total: total.checked_times(12, p)?,
            },
        );
    }
    Ok(YearDiff {
        annual_components: annual(&totals.components, p)?,
        totals,
        seniority_headcount: prop.seniority_headcount as i64 - base.seniority_headcount as i64,
        by_level,
    })
}

/// Project a roster's cost under a baseline and a proposal for year offsets 0 … `years`
/// (SPEC §12 Projection; issue 18). `as_of` is the pay date of offset 0 (needed when
/// anyone gives `post_start`); `assign` re-grades each year with the annual assignment
/// (SPEC §4) under each side's own policy.
///
/// # Errors
/// `invalid_value` at `years` beyond [`MAX_YEARS`], or at `rounding.scale` if the two
/// policies round to different scales; those of [`crate::compute_roster`] and, with `assign`,
/// [`assign_grades`], under `years[k].baseline` / `years[k].proposal`.
pub fn project(
    (baseline, baseline_extras): Side<'_>,
    (proposal, proposal_extras): Side<'_>,
    people: &[Employee],
    as_of: Option<NaiveDate>,
    years: u32,
    assign: bool,
) -> Result<Projection> {
    if years > MAX_YEARS {
        return Err(Error::new(
            ErrorKind::ProjectionYears { max: MAX_YEARS },
            "years",
        ));
    }
    if baseline.policy().rounding.scale != proposal.policy().rounding.scale {
        return Err(Error::new(ErrorKind::ScaleMismatch, "rounding.scale"));
    }
    let zero = baseline.policy().rounding.zero();
    let mut out = Vec::with_capacity(years as usize + 1);
    let mut before: Option<(Paid, Paid)> = None;
    let (mut cum_b, mut cum_p, mut cum_d) = (zero, zero, zero);
    for k in 0..=years {
        let at = format!("years[{k}]");
        let date = shifted(as_of, k)?;
        let moved = advanced(people, k)?;
        let b = pay_year((baseline, baseline_extras), &moved, date, assign)
            .map_err(|e| e.within(&format!("{at}.baseline")))?;
        let p = pay_year((proposal, proposal_extras), &moved, date, assign)
            .map_err(|e| e.within(&format!("{at}.proposal")))?;
        let bs = year_side(baseline, &b, before.as_ref().map(|x| &x.0))?;
        let ps = year_side(proposal, &p, before.as_ref().map(|x| &x.1))?;
        let d = difference(&bs, &ps, zero)?;
        let path = "cumulative_annual_difference";
        cum_b = cum_b.checked_add(bs.totals.annual_total, path)?;
        cum_p = cum_p.checked_add(ps.totals.annual_total, path)?;
        cum_d = cum_d.checked_add(d.totals.annual_total, path)?;
        out.push(Year {
            offset: k,
            as_of: date,
            baseline: bs,
            proposal: ps,
            difference: d,
        });
        before = Some((b, p));
    }
    Ok(Projection {
        years: out,
        assign,
        cumulative_annual_baseline: cum_b,
        cumulative_annual_proposal: cum_p,
        cumulative_annual_difference: cum_d,
    })
}
