//! Monthly pay: SPEC §11 worked examples, rounding, proration, completed years, and the
//! validation errors of the core issue. Every assertion is an exact string.

use paygrade::api::compute_pay_json;
use paygrade::policy::{Component, SeniorityMode};
use paygrade::{compute_pay, Breakdown, Employee, Policy};
use serde_json::{json, Value};

fn policy_with(edit: impl FnOnce(&mut Policy)) -> paygrade::CheckedPolicy {
    let mut p = Policy::default();
    edit(&mut p);
    p.check().unwrap()
}

/// An explanation term in English, as the CLI prints it.
fn en(t: &paygrade::explain::Term) -> String {
    paygrade_text::explain(t, &paygrade_text::Names::default(), paygrade_text::Lang::En)
}

fn employee(v: Value) -> Employee {
    Employee::from_json(&v.to_string()).unwrap()
}

fn example1() -> Value {
    json!({ "id": "E001", "name": "示例", "level": "intermediate", "band": "B",
            "employment": "contract", "years_in_post": 12, "rural": true,
            "scores": { "business": "92", "customer_satisfaction": "88", "supplier": "85",
                        "self": "95", "marketing_audit": "80" } })
}

#[track_caller]
fn pay(policy: &paygrade::CheckedPolicy, v: Value) -> Breakdown {
    compute_pay(policy, &employee(v), None).unwrap()
}

#[track_caller]
fn components(b: &Breakdown) -> [String; 5] {
    let c = b.components;
    [c.base, c.floating, c.seniority, c.performance, b.total].map(|m| m.to_string())
}

#[test]
fn spec_example_1_flat_and_marginal() {
    let b = pay(&Policy::default().check().unwrap(), example1());
    assert_eq!(
        components(&b),
        ["1500.00", "800.00", "72.00", "1500.00", "3872.00"]
    );
    assert_eq!(b.composite_score, "88.65");
    assert_eq!(b.rating.as_deref(), Some("good"));
    assert_eq!(b.assessment_factor, "1.00");
    assert_eq!(b.coefficient_grade, "intermediate-A");
    assert_eq!(en(&b.explain.seniority), "12 × 6.00 = 72.00");
    assert_eq!(
        en(&b.explain.performance),
        "1000.00 × 1.50 × 1.00 = 1500.00"
    );
    let marginal = policy_with(|p| p.seniority.mode = SeniorityMode::Marginal);
    let b = pay(&marginal, example1());
    assert_eq!(b.total.to_string(), "3852.00");
    assert_eq!(en(&b.explain.seniority), "10 × 4.00 + 2 × 6.00 = 52.00");
}

#[test]
fn spec_example_2_senior_a_regular_rural() {
    let b = pay(
        &Policy::default().check().unwrap(),
        json!({ "id": "E002", "level": "senior", "band": "A", "employment": "regular",
                "years_in_post": 20, "rural": true,
                "scores": { "business": 90, "customer_satisfaction": 90, "supplier": 90,
                            "self": 90, "marketing_audit": 90 } }),
    );
    assert_eq!(
        components(&b),
        ["1500.00", "1200.00", "0.00", "2160.00", "4860.00"]
    );
    assert_eq!(b.coefficient_grade, "senior-A");
    assert_eq!(b.assessment_factor, "1.20");
    assert_eq!(b.composite_score, "90.00");
}

#[track_caller]
fn seniority(mode: SeniorityMode, years: u32, want: &str) {
    let policy = policy_with(|p| p.seniority.mode = mode);
    let b = pay(
        &policy,
        json!({ "level": "junior", "band": "C", "employment": "contract", "years_in_post": years,
                "composite_score": "85" }),
    );
    assert_eq!(b.components.seniority.to_string(), want, "{mode:?} {years}");
}

#[test]
fn spec_example_3_seniority_table() {
    use SeniorityMode::{Flat, Marginal};
    for (years, flat, marginal) in [
        (0, "0.00", "0.00"),
        (2, "0.00", "0.00"),
        (3, "12.00", "12.00"),
        (10, "40.00", "40.00"),
        (11, "66.00", "46.00"),
        (15, "90.00", "70.00"),
        (16, "128.00", "78.00"),
    ] {
        seniority(Flat, years, flat);
        seniority(Marginal, years, marginal);
    }
}

#[test]
fn completed_years_from_dates_are_whole() {
    let v = json!({ "level": "junior", "band": "C", "employment": "contract",
                    "post_start": "2005-04-01", "composite_score": "85" });
    let as_of = Some(chrono::NaiveDate::from_ymd_opt(2025, 7, 1).unwrap());
    let flat = compute_pay(
        &Policy::default().check().unwrap(),
        &employee(v.clone()),
        as_of,
    )
    .unwrap();
    assert_eq!(
        (flat.years_in_post, flat.components.seniority.to_string()),
        (20, "160.00".to_string())
    );
    let marginal = policy_with(|p| p.seniority.mode = SeniorityMode::Marginal);
    let m = compute_pay(&marginal, &employee(v), as_of).unwrap();
    assert_eq!(m.components.seniority.to_string(), "110.00");
}

/// Performance base × trainee coefficient 0.5 × factor 1.00 (composite 85 → good).
#[track_caller]
fn half_up(base: &str, want: &str) {
    let policy = policy_with(|p| {
        p.performance.base = base.parse().unwrap();
        p.ladder[0].coefficient = Some("0.5".parse().unwrap());
    });
    let b = pay(
        &policy,
        json!({ "level": "trainee", "employment": "regular", "years_in_post": 1, "composite_score": "85" }),
    );
    assert_eq!(b.components.performance.to_string(), want, "{base}");
}

#[test]
fn rounding_is_half_up_not_bankers() {
    half_up("2500.25", "1250.13");
    half_up("4287.15", "2143.58");
    let r = paygrade::Rounding::default();
    assert_eq!(
        r.round("-1250.125".parse().unwrap(), "x")
            .unwrap()
            .to_string(),
        "-1250.13"
    );
}

#[test]
fn lines_add_up_to_the_total() {
    let policy = policy_with(|p| {
        for level in &mut p.ladder {
            level.base_wage = "0".parse().unwrap();
        }
        p.ladder[0].floating_wage = "1000.00".parse().unwrap();
        p.ladder[0].coefficient = Some("1.5".parse().unwrap());
        p.performance.base = "3333.33".parse().unwrap();
        for b in &mut p.seniority.brackets {
            b.per_year = "0".parse().unwrap();
        }
        p.performance.assessment.table.truncate(0);
        p.performance
            .assessment
            .table
            .push(paygrade::policy::AssessmentRow {
                min_score: "0".parse().unwrap(),
                factor: "0.9".parse().unwrap(),
                rating: "flat".into(),
            });
        p.proration.components = vec![Component::Floating];
    });
    let b = pay(
        &policy,
        json!({ "level": "trainee", "employment": "contract", "years_in_post": 5,
                "composite_score": "50", "paid_days": "15" }),
    );
    assert_eq!(
        components(&b),
        ["0.00", "689.66", "0.00", "4500.00", "5189.66"]
    );
    assert_eq!(en(&b.explain.floating), "1000.00 × 15 ÷ 21.75 = 689.66");
    assert_eq!(en(&b.explain.performance), "3333.33 × 1.5 × 0.90 = 4500.00");
}

#[track_caller]
fn prorated_base(days: &str, want: &str) {
    let policy = policy_with(|p| p.ladder[0].base_wage = "5000.00".parse().unwrap());
    let b = pay(
        &policy,
        json!({ "level": "trainee", "employment": "regular", "years_in_post": 1,
                "composite_score": "85", "paid_days": days }),
    );
    assert_eq!(b.components.base.to_string(), want, "{days} days");
}

#[test]
fn proration() {
    prorated_base("7", "1609.20");
    prorated_base("1", "229.89");
    prorated_base("0", "0.00");
    prorated_base("21.75", "5000.00");
}

#[track_caller]
fn policy_error(edit: impl FnOnce(&mut Value), code: &str, path: &str) {
    let mut v = serde_json::to_value(Policy::default()).unwrap();
    edit(&mut v);
    let e = Policy::from_json(&v.to_string()).unwrap_err();
    assert_eq!((e.code(), e.path.as_str()), (code, path), "{e}");
}

#[test]
fn policy_validation_errors() {
    policy_error(
        |v| v["evaluation"]["weights"]["business"] = json!("0.41"),
        "weights_sum",
        "evaluation.weights",
    );
    policy_error(
        |v| v["ladder"][1]["base_wage"] = json!("-1"),
        "negative_amount",
        "ladder[1].base_wage",
    );
    policy_error(
        |v| v["ladder"][2]["bands"][0]["coefficient"] = json!("-1.30"),
        "negative_amount",
        "ladder[2].bands[0].coefficient",
    );
    policy_error(
        |v| v["ladder"][2]["level"] = json!("junior"),
        "duplicate_level",
        "ladder[2].level",
    );
    policy_error(
        |v| v["ladder"][3]["bands"][1]["band"] = json!("C"),
        "duplicate_band",
        "ladder[3].bands[1].band",
    );
    policy_error(
        |v| v["seniority"]["brackets"][1]["through_year"] = json!(9),
        "brackets_order",
        "seniority.brackets[1].through_year",
    );
    policy_error(
        |v| v["seniority"]["brackets"][2]["through_year"] = json!(20),
        "brackets_order",
        "seniority.brackets[2].through_year",
    );
    policy_error(
        |v| v["performance"]["assessment"]["table"][1]["min_score"] = json!("95"),
        "assessment_order",
        "performance.assessment.table[1].min_score",
    );
    policy_error(
        |v| v["proration"]["standard_days"] = json!("0"),
        "standard_days",
        "proration.standard_days",
    );
    policy_error(
        |v| v["proration"]["standard_days"] = json!("-21.75"),
        "standard_days",
        "proration.standard_days",
    );
    policy_error(
        |v| v["seniority"]["mode"] = json!("progressive"),
        "unknown_mode",
        "seniority.mode",
    );
    policy_error(
        |v| v["rounding"]["mode"] = json!("bankers"),
        "unknown_mode",
        "rounding.mode",
    );
    policy_error(
        |v| v["ladder"][1]["bands"][2]["coefficient"] = json!("1,2"),
        "invalid_number",
        "ladder[1].bands[2].coefficient",
    );
    policy_error(
        |v| v["format"] = json!("paygrade-policy/9"),
        "unsupported_format",
        "format",
    );
    policy_error(
        |v| v["ladder"][3]["quota_max"] = json!("1.5"),
        "fraction_range",
        "ladder[3].quota_max",
    );
}

#[test]
fn json_numbers_are_read_exactly() {
    // A JSON number (not a string) with 28 significant digits keeps every digit; a binary
    // float would have kept about 17. More digits than a decimal holds is an error.
    let mut v = serde_json::to_value(Policy::default()).unwrap();
    v["performance"]["base"] = serde_json::from_str("1000.100000000000000005551115").unwrap();
    let p = Policy::from_json(&v.to_string()).unwrap();
    assert_eq!(
        p.policy().performance.base.to_string(),
        "1000.100000000000000005551115"
    );
    v["performance"]["base"] = serde_json::from_str("1000.1000000000000000055511151231").unwrap();
    assert_eq!(
        Policy::from_json(&v.to_string()).unwrap_err().code(),
        "overflow"
    );
}

#[track_caller]
fn employee_error(v: Value, code: &str, path: &str) {
    let e = compute_pay_json(None, &v, Some("2026-11-30")).unwrap_err();
    assert_eq!((e.code(), e.path.as_str()), (code, path), "{e}");
}

#[test]
fn employee_errors() {
    let base = || example1();
    let with = |k: &str, val: Value| {
        let mut v = base();
        v[k] = val;
        v
    };
    employee_error(with("level", json!("expert")), "unknown_level", "level");
    employee_error(with("band", json!("D")), "unknown_band", "band");
    employee_error(
        with("post_start", json!("2010-01-01")),
        "conflicting_fields",
        "post_start",
    );
    let mut v = base();
    v["scores"]["supplier"] = json!("150");
    employee_error(v, "score_range", "scores.supplier");
    let mut v = base();
    v.as_object_mut().unwrap().remove("years_in_post");
    v["post_start"] = json!("2027-01-01");
    employee_error(v, "post_start_after_as_of", "post_start");
    employee_error(
        with("paid_days", json!("-1")),
        "paid_days_range",
        "paid_days",
    );
    employee_error(
        with("paid_days", json!("21.76")),
        "paid_days_range",
        "paid_days",
    );
    employee_error(
        with("paid_days", json!("abc")),
        "invalid_number",
        "paid_days",
    );
    employee_error(
        with("employment", json!("intern")),
        "unknown_mode",
        "employment",
    );
    let mut v = base();
    v.as_object_mut().unwrap().remove("scores");
    employee_error(v, "missing_field", "scores");
}

#[test]
fn full_width_and_chinese_values_are_accepted() {
    let v = json!({ "level": "中级", "band": "Ｂ", "employment": "聘用", "years_in_post": "１２",
                    "rural": "是",
                    "scores": { "business": "９２", "customer_satisfaction": "88", "supplier": "85",
                                "self": "95", "marketing_audit": "80" } });
    let out = compute_pay_json(None, &v, None).unwrap();
    assert_eq!(out.total.to_string(), "3872.00");
}

#[test]
fn amounts_near_the_decimal_limit_overflow() {
    let mut v = serde_json::to_value(Policy::default()).unwrap();
    v["performance"]["base"] = json!("79228162514264337593543950335");
    let e = compute_pay_json(Some(&v), &example1(), None).unwrap_err();
    assert_eq!(
        (e.code(), e.path.as_str()),
        ("overflow", "components.performance")
    );
    let mut v = serde_json::to_value(Policy::default()).unwrap();
    v["ladder"][2]["base_wage"] = json!("79228162514264337593543950335");
    let e = compute_pay_json(Some(&v), &example1(), None).unwrap_err();
    assert_eq!((e.code(), e.path.as_str()), ("overflow", "components.base"));
    let mut v = serde_json::to_value(Policy::default()).unwrap();
    v["performance"]["base"] = json!("792281625142643375935439503350");
    let e = compute_pay_json(Some(&v), &example1(), None).unwrap_err();
    assert_eq!(
        (e.code(), e.path.as_str()),
        ("overflow", "performance.base")
    );
}

#[test]
fn pool_mode_needs_a_roster() {
    let mut v = serde_json::to_value(Policy::default()).unwrap();
    v["performance"]["mode"] = json!("pool");
    let e = compute_pay_json(Some(&v), &example1(), None).unwrap_err();
    assert_eq!(e.code(), "missing_pool");
    v["performance"]["pool"] = json!("100000.00");
    let e = compute_pay_json(Some(&v), &example1(), None).unwrap_err();
    assert_eq!(e.code(), "pool_needs_roster");
}

#[test]
fn what_ifs_for_spec_example_1() {
    let mut v = example1();
    v.as_object_mut().unwrap().remove("years_in_post");
    v["post_start"] = json!("2014-03-01");
    let w = paygrade::what_ifs(
        &Policy::default().check().unwrap(),
        &employee(v),
        Some(chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()),
    )
    .unwrap();
    assert_eq!(w.current.total.to_string(), "3872.00");
    let band = w.band_up.unwrap();
    assert_eq!(
        (
            band.grade.as_str(),
            band.total.to_string(),
            band.difference.to_string()
        ),
        ("intermediate-A", "3972.00".into(), "100.00".into())
    );
    let level = w.level_up.unwrap();
    assert_eq!(
        (level.grade.as_str(), level.total.to_string()),
        ("senior-B", "4572.00".into())
    );
    let s = w.next_seniority.unwrap();
    assert_eq!(
        (s.years, s.date.unwrap().to_string(), s.total.to_string()),
        (16, "2030-03-01".into(), "3928.00".into())
    );
    let r = w.next_rating.unwrap();
    assert_eq!(
        (
            r.rating.as_str(),
            r.composite_needed.as_str(),
            r.total.to_string()
        ),
        ("excellent", "90.00", "4172.00".into())
    );
}

#[test]
fn figures_are_the_breakdown_without_its_words() {
    use paygrade::evaluation::rating_id;
    use paygrade::payroll::{pay_figures_with, NoExtras};
    let policy = policy_with(|p| p.proration.components = vec![Component::Base]);
    let mut v = example1();
    v["paid_days"] = json!("10.5");
    let e = employee(v);
    let pay = pay_figures_with(&policy, &NoExtras, &e, None).unwrap();
    let ladder = policy.ladder();
    assert_eq!(ladder.grade_str(pay.grade), "intermediate-B");
    assert_eq!(ladder.grade_str(pay.coefficient_grade), "intermediate-A");
    assert_eq!(
        rating_id(&policy.policy().performance, pay.rating),
        Some("good")
    );
    assert_eq!(pay.composite.to_string(), "88.65");
    assert_eq!(pay.factor.to_string(), "1.00");
    // 1500 × 10.5 ÷ 21.75 = 724.137… → 724.14; the rest are not prorated.
    let c = pay.components;
    assert_eq!(
        [c.base, c.floating, c.seniority, c.performance, pay.total].map(|m| m.to_string()),
        ["724.14", "800.00", "72.00", "1500.00", "3096.14"]
    );
    let b = paygrade::payroll::compute_pay_with(&policy, &NoExtras, &e, None).unwrap();
    assert_eq!(
        components(&b),
        ["724.14", "800.00", "72.00", "1500.00", "3096.14"]
    );
    assert_eq!(en(&b.explain.base), "1500.00 × 10.5 ÷ 21.75 = 724.14");
    assert_eq!(
        paygrade::payroll::dress(&policy, &e, &pay, None).unwrap(),
        b
    );
}
