//! Shared test set-up: the issue-5 scenario, the sample roster with intermediate-B's
//! coefficient raised by 0.10 (1.40 → 1.50), compared on 2026-11-30.

use paygrade::scenario::Comparison;
use paygrade::{CheckedPolicy, Policy};
use paygrade_roster::sample::sample_roster;

/// The default policy and the proposal with intermediate-B at 1.50.
pub fn baseline_and_raised_intermediate_b() -> (CheckedPolicy, CheckedPolicy) {
    let baseline = Policy::default().check().unwrap();
    let mut p = Policy::default();
    p.ladder[2].bands.as_mut().unwrap()[1].coefficient = "1.50".parse().unwrap();
    (baseline, p.check().unwrap())
}

/// The sample roster compared under the two, as the team page compares it (every block
/// of both policies, the employer's cost included).
pub fn raised_intermediate_b_comparison() -> Comparison {
    let (baseline, proposal) = baseline_and_raised_intermediate_b();
    let side = |p: CheckedPolicy| paygrade_team::HrPolicy::check(p.policy().clone()).unwrap();
    let people = sample_roster().unwrap().employees;
    paygrade_team::compare(
        &side(baseline),
        &side(proposal),
        &people,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 30),
        &mut |_, _| {},
    )
    .unwrap()
}

/// An error's place as one key for assertions: `row N, column X` (`row N` for a whole
/// row) for a roster cell, else the field path.
#[allow(dead_code)]
pub fn loc(e: &paygrade::Error) -> String {
    match &e.cell {
        Some(c) if c.column.is_empty() => format!("row {}", c.row),
        Some(c) => format!("row {}, column {}", c.row, c.column),
        None => e.path.clone(),
    }
}
