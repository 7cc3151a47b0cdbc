//! Golden scenario: every person in `tests/fixtures/<case>/employees.json` under the
//! case's `policy.json`, as a table snapshot (insta). Flat and marginal seniority.

use paygrade::json::from_json_str;
use paygrade::policy::SeniorityMode;
use paygrade::{compute_pay, Employee, Policy};
use std::fmt::Write;

fn table(case: &str, mode: SeniorityMode) -> String {
    let dir = format!("{}/tests/fixtures/{case}", env!("CARGO_MANIFEST_DIR"));
    let policy_text = std::fs::read_to_string(format!("{dir}/policy.json")).unwrap();
    let mut policy: Policy = from_json_str(&policy_text).unwrap();
    policy.seniority.mode = mode;
    let policy = policy.check().unwrap();
    let people: Vec<Employee> =
        from_json_str(&std::fs::read_to_string(format!("{dir}/employees.json")).unwrap()).unwrap();
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 30);
    let mut out = String::new();
    writeln!(
        out,
        "{:<4} {:<16} {:<16} {:>3} {:>9} {:<19} {:>6} {:>8} {:>8} {:>7} {:>8} {:>8}",
        "id",
        "grade",
        "coef grade",
        "yrs",
        "composite",
        "rating",
        "factor",
        "base",
        "floating",
        "senior",
        "perf",
        "total"
    )
    .unwrap();
    for e in &people {
        let b = compute_pay(&policy, e, as_of).unwrap();
        let c = b.components;
        writeln!(
            out,
            "{:<4} {:<16} {:<16} {:>3} {:>9} {:<19} {:>6} {:>8} {:>8} {:>7} {:>8} {:>8}",
            b.id,
            b.grade,
            b.coefficient_grade,
            b.years_in_post,
            b.composite_score,
            b.rating.unwrap_or_default(),
            b.assessment_factor,
            c.base,
            c.floating,
            c.seniority,
            c.performance,
            b.total
        )
        .unwrap();
    }
    out
}

#[test]
fn spec_examples_flat() {
    insta::assert_snapshot!(table("spec_examples", SeniorityMode::Flat));
}

#[test]
fn spec_examples_marginal() {
    insta::assert_snapshot!(table("spec_examples", SeniorityMode::Marginal));
}
