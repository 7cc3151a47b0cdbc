//! HR work composed in one place: the CLI's roster commands and the team page's engine
//! (`paygrade_hr`) call these, so both behave identically.
//!
//! A policy is validated once, every block of it, into an [`HrPolicy`]: the core's
//! blocks ([`paygrade::Policy::check`]), the `contributions` block (take-home crate)
//! and the `scorecard` block (scorecard crate). Paying a roster under it runs the steps
//! outside the core through [`paygrade::PayExtras`]: KPIs become the business score
//! before the pay calculation, and the employer's social insurance and housing fund are
//! added to the roster's cost.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]
#![warn(missing_docs)]

mod stream;
pub use stream::{roster_export_csv_stream, Streamed};
pub mod view;

use chrono::NaiveDate;
use paygrade::error::Result;
use paygrade::payroll::RosterFigures;
use paygrade::scenario::Comparison;
use paygrade::{Assignment, CheckedPolicy, Employee, Money, Policy, QuotaReport, RosterPay};
use paygrade_roster::Roster;
use paygrade_scorecard::ScorecardPolicy;
use paygrade_takehome::{ContributionPolicy, EmployerCharges};

/// A policy validated in every block: the core's [`CheckedPolicy`], its contribution
/// table and its scorecard (each the policy's own block, or the crate's dated example
/// when the policy has none).
#[derive(Debug, Clone, PartialEq)]
pub struct HrPolicy {
    /// The core blocks, checked.
    pub core: CheckedPolicy,
    /// Social insurance and housing fund (SPEC §12 Take-home).
    pub charges: EmployerCharges,
    /// The KPI scorecard.
    pub scorecard: ScorecardPolicy,
}

impl HrPolicy {
    /// Validate every block of `policy` (SPEC §12).
    ///
    /// # Errors
    /// Those of [`Policy::check`], [`ContributionPolicy::of`] (at `contributions.…`) and
    /// [`ScorecardPolicy::of`] (at `scorecard.…`).
    pub fn check(policy: Policy) -> Result<HrPolicy> {
        let core = policy.check()?;
        let contributions = ContributionPolicy::of(core.policy())?;
        let scorecard = ScorecardPolicy::of(core.policy())?;
        let rounding = core.policy().rounding;
        Ok(HrPolicy {
            core,
            charges: EmployerCharges {
                contributions,
                rounding,
            },
            scorecard,
        })
    }

    /// A policy given as a JSON value (parsed text, or a JS object at the wasm boundary),
    /// or the default policy when `None`.
    ///
    /// # Errors
    /// Field errors with their paths, and those of [`HrPolicy::check`].
    pub fn from_json(value: Option<&serde_json::Value>) -> Result<HrPolicy> {
        match value {
            Some(value) => HrPolicy::check(paygrade::json::FromJson::from_json(value, "")?),
            None => HrPolicy::check(Policy::default()),
        }
    }
}

impl paygrade::PayExtras for HrPolicy {
    fn prepare(&self, e: &Employee) -> Result<Option<Employee>> {
        // No KPIs (nearly every roster): nothing to score, and no scorecard result and
        // employee copy to move about.
        if e.kpis.is_none() {
            return Ok(None);
        }
        Ok(paygrade_scorecard::fill_business(&self.scorecard, e)?.map(|(_, filled)| filled))
    }

    fn employer_charges(&self, total: Money) -> Result<Option<Money>> {
        self.charges.on_total(total).map(Some)
    }
}

/// One person's pay with the KPI step first (SPEC §2; the scorecard behind a business
/// score that came from KPIs rides along).
///
/// # Errors
/// Those of [`paygrade_scorecard::fill_business`] and [`paygrade::compute_pay`].
pub fn pay(
    policy: &HrPolicy,
    e: &Employee,
    as_of: Option<NaiveDate>,
) -> Result<paygrade_scorecard::ScoredBreakdown> {
    let (scorecard, filled) = match paygrade_scorecard::fill_business(&policy.scorecard, e)? {
        Some((result, filled)) => (Some(result), Some(filled)),
        None => (None, None),
    };
    Ok(paygrade_scorecard::ScoredBreakdown {
        breakdown: paygrade::compute_pay(&policy.core, filled.as_ref().unwrap_or(e), as_of)?,
        scorecard,
    })
}

/// Today's breakdown and the what-ifs (SPEC §9; [`paygrade::what_ifs`]), the KPI step
/// first.
///
/// # Errors
/// Those of [`paygrade_scorecard::fill_business`] and [`paygrade::what_ifs`].
pub fn what_ifs(
    policy: &HrPolicy,
    e: &Employee,
    as_of: Option<NaiveDate>,
) -> Result<paygrade::WhatIfs> {
    let filled = paygrade_scorecard::fill_business(&policy.scorecard, e)?.map(|(_, f)| f);
    paygrade::what_ifs(&policy.core, filled.as_ref().unwrap_or(e), as_of)
}

/// Pay everyone on a roster (SPEC §2, §3, §6, §12 roster result), with the KPI step and
/// the employer's cost; `progress(done, total)` as people are paid.
///
/// # Errors
/// Those of [`paygrade::payroll::compute_roster_observed`] at `employees[i]…`.
pub fn roster_pay(
    policy: &HrPolicy,
    people: &[Employee],
    as_of: Option<NaiveDate>,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<RosterPay> {
    paygrade::payroll::compute_roster_observed(&policy.core, policy, people, as_of, progress)
}

/// A roster file paid: the breakdowns with the file's import warnings first, and errors
/// placed at the file's row and column.
///
/// # Errors
/// Those of [`roster_file_figures`].
pub fn roster_file_pay(
    policy: &HrPolicy,
    roster: &Roster,
    as_of: Option<NaiveDate>,
) -> Result<RosterPay> {
    roster_file_figures(policy, roster, as_of)?.into_pay(&policy.core, &roster.employees)
}

/// [`roster_pay`] as figures ([`RosterFigures`]: one [`paygrade::payroll::Pay`] per
/// person, no text): the same pay, totals and quota report, for work that shows totals
/// and columns rather than every breakdown.
///
/// # Errors
/// As [`roster_pay`].
pub fn roster_figures(
    policy: &HrPolicy,
    people: &[Employee],
    as_of: Option<NaiveDate>,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<RosterFigures> {
    paygrade::payroll::compute_roster_figures(&policy.core, policy, people, as_of, progress)
}

/// [`roster_file_pay`] as figures: the file's import warnings first, errors placed at
/// the file's row and column.
///
/// # Errors
/// Those of [`roster_figures`], placed by [`Roster::locate`].
pub fn roster_file_figures(
    policy: &HrPolicy,
    roster: &Roster,
    as_of: Option<NaiveDate>,
) -> Result<RosterFigures> {
    let mut pay = roster_figures(policy, &roster.employees, as_of, &mut |_, _| {})
        .map_err(|e| roster.locate(e))?;
    pay.warnings.splice(0..0, roster.warnings.iter().cloned());
    Ok(pay)
}

/// Compare a roster under a baseline and a proposal policy (SPEC §5); `progress(done,
/// total)` as the two rosters are paid (`total` = twice the head count).
///
/// # Errors
/// Those of [`paygrade::scenario::compare_observed`].
pub fn compare(
    baseline: &HrPolicy,
    proposal: &HrPolicy,
    people: &[Employee],
    as_of: Option<NaiveDate>,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Comparison> {
    paygrade::scenario::compare_observed(
        (&baseline.core, baseline),
        (&proposal.core, proposal),
        people,
        as_of,
        progress,
    )
}

/// Both sides of a comparison paid person by person, for the comparison export
/// (SPEC §5, §9): `(baseline, proposal)`, each the people's breakdowns in roster order,
/// paid as [`compare`] pays them (the KPI step, the employer's cost).
///
/// # Errors
/// `scale_mismatch` at `rounding.scale` if the two policies round to different scales;
/// those of [`roster_pay`], within `baseline` / `proposal`.
pub fn compare_pay(
    baseline: &HrPolicy,
    proposal: &HrPolicy,
    people: &[Employee],
    as_of: Option<NaiveDate>,
) -> Result<(RosterPay, RosterPay)> {
    if baseline.core.policy().rounding.scale != proposal.core.policy().rounding.scale {
        return Err(paygrade::Error::new(
            paygrade::ErrorKind::ScaleMismatch,
            "rounding.scale",
        ));
    }
    let before =
        roster_pay(baseline, people, as_of, &mut |_, _| {}).map_err(|e| e.within("baseline"))?;
    let after =
        roster_pay(proposal, people, as_of, &mut |_, _| {}).map_err(|e| e.within("proposal"))?;
    Ok((before, after))
}

/// Cost over the years (SPEC §12 Projection): the roster under a baseline and a proposal
/// for year offsets 0 … `years`, each year paid with the KPI step and the employer's
/// cost; `assign` re-grades each year (SPEC §4).
///
/// # Errors
/// Those of [`paygrade::projection::project`].
pub fn project(
    baseline: &HrPolicy,
    proposal: &HrPolicy,
    people: &[Employee],
    as_of: Option<NaiveDate>,
    years: u32,
    assign: bool,
) -> Result<paygrade::projection::Projection> {
    paygrade::projection::project(
        (&baseline.core, baseline),
        (&proposal.core, proposal),
        people,
        as_of,
        years,
        assign,
    )
}

/// The quota report for people as they are graded now (SPEC §3).
///
/// # Errors
/// `unknown_level` / `unknown_band` at `employees[i].level|band`.
pub fn quotas(policy: &HrPolicy, people: &[Employee]) -> Result<QuotaReport> {
    paygrade::quota::check_quotas_for(&policy.core, people)
}

/// The annual grade assignment (SPEC §4).
///
/// # Errors
/// Those of [`paygrade::assign_grades`].
pub fn assign(
    policy: &HrPolicy,
    people: &[Employee],
    as_of: Option<NaiveDate>,
) -> Result<Assignment> {
    paygrade::assign_grades(&policy.core, people, as_of)
}

/// A paid roster as columns (ids and totals) plus the totals and quota report: the
/// compact result for large rosters.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct RosterColumns {
    /// Employee ids, in roster order.
    pub ids: Vec<String>,
    /// Each person's monthly total, same order.
    pub totals: Vec<Money>,
    /// Roster totals.
    pub summary: paygrade::payroll::Totals,
    /// Quota report.
    pub quota: QuotaReport,
}

impl RosterColumns {
    /// The columns of `people` paid as `pay` (the same people, in order).
    pub fn new(people: &[Employee], pay: &RosterFigures) -> Self {
        RosterColumns {
            ids: people.iter().map(|e| e.id.clone()).collect(),
            totals: pay.people.iter().map(|p| p.total).collect(),
            summary: pay.totals.clone(),
            quota: pay.quota.clone(),
        }
    }
}
