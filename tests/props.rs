//! Property tests (proptest): invariants of monthly pay under random valid inputs, and
//! no panic on arbitrary input.

use paygrade::api::compute_pay_json;
use paygrade::policy::SeniorityMode;
use paygrade::{compute_pay, Employee, Policy};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};

fn grade() -> impl Strategy<Value = (String, Option<String>)> {
    prop_oneof![
        Just(("trainee".to_string(), None)),
        (
            prop::sample::select(vec!["junior", "intermediate", "senior"]),
            prop::sample::select(vec!["A", "B", "C"])
        )
            .prop_map(|(l, b)| (l.to_string(), Some(b.to_string()))),
    ]
}

fn hundredths(max: u32) -> impl Strategy<Value = Decimal> {
    (0..=max).prop_map(|n| Decimal::new(i64::from(n), 2))
}

prop_compose! {
    fn person()(g in grade(), contract in any::<bool>(), years in 0u32..60, rural in any::<bool>(),
                composite in hundredths(10_000), days in hundredths(2_175)) -> Value {
        // A score above 0 and at most 1 is written with its unit, as the exports write it
        // (bare, it is refused as a fraction: `score_fraction`).
        let composite = if paygrade::evaluation::is_fraction_sized(composite) {
            format!("{composite}分")
        } else {
            composite.to_string()
        };
        json!({ "id": "P", "level": g.0, "band": g.1, "employment": if contract { "contract" } else { "regular" },
                "years_in_post": years, "rural": rural, "composite_score": composite,
                "paid_days": days.to_string() })
    }
}

fn mode() -> impl Strategy<Value = SeniorityMode> {
    prop_oneof![Just(SeniorityMode::Flat), Just(SeniorityMode::Marginal)]
}

fn checked(mode: SeniorityMode) -> paygrade::CheckedPolicy {
    let mut p = Policy::default();
    p.seniority.mode = mode;
    p.check().unwrap()
}

fn total(policy: &paygrade::CheckedPolicy, v: &Value) -> Decimal {
    let e: Employee = Employee::from_json(&v.to_string()).unwrap();
    compute_pay(policy, &e, None).unwrap().total.amount()
}

proptest! {
    #[test]
    fn total_is_the_sum_of_the_rounded_components(v in person(), m in mode()) {
        let e: Employee = Employee::from_json(&v.to_string()).unwrap();
        let b = compute_pay(&checked(m), &e, None).unwrap();
        let c = b.components;
        prop_assert_eq!(b.total.amount(), c.base.amount() + c.floating.amount() + c.seniority.amount() + c.performance.amount());
        for m in c.to_array() {
            prop_assert_eq!(m.amount().scale(), 2);
        }
    }

    #[test]
    fn pay_never_falls_with_more_years(v in person(), m in mode()) {
        let policy = checked(m);
        let mut more = v.clone();
        more["years_in_post"] = json!(v["years_in_post"].as_u64().unwrap() + 1);
        prop_assert!(total(&policy, &more) >= total(&policy, &v));
    }

    #[test]
    fn pay_never_falls_with_a_higher_composite(v in person(), bump in hundredths(10_000)) {
        let policy = checked(SeniorityMode::Flat);
        let c: Decimal = v["composite_score"].as_str().unwrap().trim_end_matches('分').parse().unwrap();
        let mut more = v.clone();
        let higher = (c + bump).min(Decimal::ONE_HUNDRED);
        more["composite_score"] = json!(format!("{higher}分"));
        prop_assert!(total(&policy, &more) >= total(&policy, &v));
    }

    #[test]
    fn arbitrary_text_never_panics(policy in ".{0,200}", employee in ".{0,200}", as_of in ".{0,12}") {
        let policy = paygrade::json::parse(&policy).ok();
        if let Ok(employee) = paygrade::json::parse(&employee) {
            let _ = compute_pay_json(policy.as_ref(), &employee, Some(&as_of));
            let _ = compute_pay_json(None, &employee, Some(&as_of));
        }
    }

    #[test]
    fn any_field_value_never_panics(field in prop::sample::select(vec![
            "level", "band", "employment", "years_in_post", "post_start", "rural", "composite_score",
            "paid_days", "scores", "id"]),
        value in prop_oneof![
            any::<i64>().prop_map(|n| json!(n)),
            any::<bool>().prop_map(|b| json!(b)),
            "[0-9０-９.,eE+元 -]{0,40}".prop_map(|s| json!(s)),
            ".{0,20}".prop_map(|s| json!(s)),
            Just(json!(null)), Just(json!([])), Just(json!({"business": "1e400"})),
            Just(serde_json::from_str::<Value>("1e400").unwrap()),
        ],
        v in person()) {
        let mut v = v;
        v[field] = value;
        let _ = compute_pay_json(None, &v, Some("2026-11-30"));
    }
}
