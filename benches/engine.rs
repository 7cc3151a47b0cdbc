//! Native benchmarks (criterion), the same work the browser benchmark times through wasm:
//! JSON in, JSON out for one person; CSV bytes in, results out for a 100,000-row roster
//! (`paygrade_team`'s composed work, as the wasm module calls it); a baseline-vs-proposal
//! comparison of that roster. `make bench` runs them.
use criterion::{criterion_group, criterion_main, Criterion};
use paygrade::api::compute_pay_json;
use paygrade::json::to_json;
use paygrade::Policy;
use paygrade_team::RosterColumns;
use std::hint::black_box;

const EMPLOYEE: &str = r#"{ "id": "E001", "level": "intermediate", "band": "B", "employment": "contract",
  "years_in_post": 12, "rural": true, "scores": { "business": "92", "customer_satisfaction": "88",
  "supplier": "85", "self": "95", "marketing_audit": "80" } }"#;

fn roster_bytes() -> Vec<u8> {
    std::fs::read("target/bench/roster100k.csv").unwrap_or_else(|_| {
        paygrade_roster::sample::synthetic_roster_csv(100_000, 2026).into_bytes()
    })
}

fn proposal() -> Policy {
    let mut p = Policy::default();
    if let Some(bands) = p.ladder[2].bands.as_mut() {
        bands[1].coefficient = "1.50".parse().unwrap();
    }
    p
}

fn benches(c: &mut Criterion) {
    let policy_json = to_json(&Policy::default()).unwrap();
    c.bench_function("pay_json", |b| {
        b.iter(|| {
            let policy = paygrade::json::parse(black_box(&policy_json)).unwrap();
            let employee = paygrade::json::parse(black_box(EMPLOYEE)).unwrap();
            to_json(&compute_pay_json(Some(&policy), &employee, Some("2026-11-30")).unwrap())
                .unwrap()
        })
    });
    // The page's case: the policy validated once (the wasm `Calculator`), then a person.
    let checked = Policy::default().check().unwrap();
    c.bench_function("pay_checked", |b| {
        b.iter(|| {
            let employee = paygrade::json::parse(black_box(EMPLOYEE)).unwrap();
            to_json(
                &paygrade::api::compute_pay_value(&checked, &employee, Some("2026-11-30")).unwrap(),
            )
            .unwrap()
        })
    });
    // The engine alone for one person (no JSON either side), as `payRepeated` in the
    // wasm benchmark module.
    let person = paygrade::Employee::from_json(EMPLOYEE).unwrap();
    c.bench_function("pay_engine", |b| {
        b.iter(|| paygrade::compute_pay(&checked, black_box(&person), None).unwrap())
    });
    let bytes = roster_bytes();
    // As the browser module composes the work: every block of the policy (the employer's
    // cost too), the file read and its people paid.
    let hr_baseline = paygrade_team::HrPolicy::check(Policy::default()).unwrap();
    let hr_proposal = paygrade_team::HrPolicy::check(proposal()).unwrap();
    let mut group = c.benchmark_group("roster");
    group.sample_size(10);
    group.bench_function("roster100k", |b| {
        b.iter(|| {
            let roster =
                paygrade_roster::parse_roster(black_box(&bytes), "roster100k.csv", None).unwrap();
            let pay = paygrade_team::roster_file_figures(&hr_baseline, &roster, None).unwrap();
            to_json(&RosterColumns::new(&roster.employees, &pay)).unwrap()
        })
    });
    group.bench_function("compare100k", |b| {
        b.iter(|| {
            let roster =
                paygrade_roster::parse_roster(black_box(&bytes), "roster100k.csv", None).unwrap();
            let c = paygrade_team::compare(
                &hr_baseline,
                &hr_proposal,
                &roster.employees,
                None,
                &mut |_, _| {},
            )
            .unwrap();
            to_json(&c).unwrap()
        })
    });
    group.finish();
}

criterion_group!(engine, benches);
criterion_main!(engine);
