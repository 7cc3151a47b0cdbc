//! Well-typed random inputs: any level, band, years, scores, days, rural flag and policy
//! amounts; the total always equals the sum of the components when pay succeeds.
#![no_main]
use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input {
    level: u8,
    band: u8,
    contract: bool,
    years: u16,
    rural: bool,
    scores: [u32; 5],
    paid_days: u16,
    base_wage: u64,
    coefficient: u32,
    perf_base: u64,
    marginal: bool,
    pool: Option<u64>,
}

fuzz_target!(|i: Input| {
    let mut p = paygrade::Policy::default();
    p.ladder[1].base_wage = rust_decimal::Decimal::new(i.base_wage as i64 & i64::MAX, 2);
    if let Some(bands) = p.ladder[2].bands.as_mut() {
        bands[0].coefficient = rust_decimal::Decimal::new(i64::from(i.coefficient), 2);
    }
    p.performance.base = rust_decimal::Decimal::new(i.perf_base as i64 & i64::MAX, 2);
    if i.marginal {
        p.seniority.mode = paygrade::policy::SeniorityMode::Marginal;
    }
    if let Some(pool) = i.pool {
        p.performance.mode = paygrade::policy::PerformanceMode::Pool;
        p.performance.pool = Some(rust_decimal::Decimal::new(pool as i64 & i64::MAX, 2));
    }
    let Ok(policy) = p.check() else { return };
    let level = ["trainee", "junior", "intermediate", "senior"][usize::from(i.level) % 4];
    let band = ["A", "B", "C", ""][usize::from(i.band) % 4];
    let e = serde_json::json!({
        "id": "P", "level": level, "band": band,
        "employment": if i.contract { "contract" } else { "regular" }, "years_in_post": i.years, "rural": i.rural,
        "scores": { "business": i.scores[0] % 120, "customer_satisfaction": i.scores[1] % 120, "supplier": i.scores[2] % 120,
                    "self": i.scores[3] % 120, "marketing_audit": i.scores[4] % 120 },
        "paid_days": format!("{}.{:02}", i.paid_days / 100, i.paid_days % 100),
    });
    let Ok(employee) = paygrade::Employee::from_json(&e.to_string()) else { return };
    let people = [employee];
    if let Ok(pay) = paygrade::compute_roster(&policy, &people, None) {
        for b in &pay.results {
            let c = b.components;
            let sum = c.base.amount() + c.floating.amount() + c.seniority.amount() + c.performance.amount();
            assert_eq!(sum, b.total.amount());
        }
    }
});
