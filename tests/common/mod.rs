//! Shared test set-up: the issue-5 scenario, the sample roster with intermediate-B's
//! coefficient raised by 0.10 (1.40 → 1.50), compared on 2026-11-30.

use paygrade::sample::sample_roster;
use paygrade::scenario::{compare, Comparison};
use paygrade::{CheckedPolicy, Policy};

/// The default policy and the proposal with intermediate-B at 1.50.
pub fn baseline_and_raised_intermediate_b() -> (CheckedPolicy, CheckedPolicy) {
    let baseline = Policy::default().check().unwrap();
    let mut p = Policy::default();
    p.ladder[2].bands.as_mut().unwrap()[1].coefficient = "1.50".parse().unwrap();
    (baseline, p.check().unwrap())
}

/// The sample roster compared under the two.
pub fn raised_intermediate_b_comparison() -> Comparison {
    let (baseline, proposal) = baseline_and_raised_intermediate_b();
    let people = sample_roster().unwrap().employees;
    compare(
        &baseline,
        &proposal,
        &people,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 30),
    )
    .unwrap()
}
