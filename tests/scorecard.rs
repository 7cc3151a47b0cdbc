//! The target scorecard (issue 9): business score from monthly targets.

use indexmap::IndexMap;
use paygrade::employee::Kpi;
use paygrade::{Employee, Policy};
use paygrade_scorecard::{score, score_period, Direction, Indicator, ScorecardPolicy, Unit};
use rust_decimal::Decimal;

/// An error's place as one key: `row N, column X` for a roster cell, else the field path.
fn loc(e: &paygrade::Error) -> String {
    match &e.cell {
        Some(c) if c.column.is_empty() => format!("row {}", c.row),
        Some(c) => format!("row {}, column {}", c.row, c.column),
        None => e.path.clone(),
    }
}

/// An error in English words, as the CLI prints it.
#[allow(dead_code)]
fn words(e: &paygrade::Error) -> String {
    paygrade_text::error_line(e, paygrade_text::Lang::En)
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn ind(id: &str, weight: &str, unit: Unit, direction: Direction) -> Indicator {
    Indicator {
        id: id.into(),
        name_zh: id.into(),
        name_en: id.into(),
        weight: dec(weight),
        unit,
        direction,
        cap: dec("1.20"),
        floor: dec("0.60"),
    }
}

/// The issue's bank example: five indicators with weights 0.30 / 0.30 / 0.20 / 0.10 / 0.10.
fn bank() -> ScorecardPolicy {
    use Direction::*;
    ScorecardPolicy {
        name: "bank test".into(),
        indicators: vec![
            ind("deposits", "0.30", Unit::TenThousandYuan, HigherIsBetter),
            ind("loans", "0.30", Unit::TenThousandYuan, HigherIsBetter),
            ind(
                "intermediate_income",
                "0.20",
                Unit::TenThousandYuan,
                HigherIsBetter,
            ),
            ind("new_customers", "0.10", Unit::Customers, HigherIsBetter),
            ind("overdue_ratio", "0.10", Unit::Percent, LowerIsBetter),
        ],
    }
}

fn kpis(v: &[(&str, &str, &str)]) -> IndexMap<String, Kpi> {
    v.iter()
        .map(|(id, t, a)| {
            (
                id.to_string(),
                Kpi {
                    target: dec(t),
                    actual: dec(a),
                },
            )
        })
        .collect()
}

fn bank_kpis() -> IndexMap<String, Kpi> {
    kpis(&[
        ("deposits", "1000", "1180"),
        ("loans", "500", "450"),
        ("intermediate_income", "50", "40"),
        ("new_customers", "2", "1"),
        ("overdue_ratio", "2.0", "1.5"),
    ])
}

#[test]
fn bank_example_scores_90_40() {
    bank().check().unwrap();
    let r = score(&bank(), &bank_kpis()).unwrap();
    let credited: Vec<&str> = r.lines.iter().map(|l| l.credited.as_str()).collect();
    assert_eq!(credited, ["1.18", "0.90", "0.80", "0.00", "1.20"]);
    assert_eq!(r.score, "90.40");
    // Each line's figures: numerator / denominator = percent (floor when below it).
    let facts = |i: usize| {
        let l = &r.lines[i];
        (
            l.numerator.to_string(),
            l.denominator.to_string(),
            l.percent.clone(),
            l.below_floor.map(|f| f.to_string()),
            l.credited.clone(),
            l.weight.to_string(),
        )
    };
    let f = |n: &str, d: &str, p: &str, floor: Option<&str>, c: &str, w: &str| {
        (
            n.into(),
            d.into(),
            p.into(),
            floor.map(String::from),
            c.into(),
            w.into(),
        )
    };
    assert_eq!(facts(0), f("1180", "1000", "118.0", None, "1.18", "0.30"));
    assert_eq!(facts(3), f("1", "2", "50.0", Some("0.60"), "0.00", "0.10"));
    assert_eq!(facts(4), f("2.0", "1.5", "133.3", None, "1.20", "0.10"));
    // One more new corporate customer (1 → 2 of 2) lifts that line from below the floor
    // (0) to 1.00: 100 × 0.10 × 1.00 = +10.00 points, the most (deposits +0.03, loans
    // +0.06, intermediate income +0.40, overdue ratio already at the cap).
    let lever = r.best_lever.unwrap();
    assert_eq!(
        (lever.id.as_str(), lever.points_per_unit.as_str()),
        ("new_customers", "10.00")
    );
}

#[test]
fn floor_and_cap_boundaries() {
    let card = ScorecardPolicy {
        name: String::new(),
        indicators: vec![ind("x", "1", Unit::Cases, Direction::HigherIsBetter)],
    };
    let s = |actual: &str| score(&card, &kpis(&[("x", "100", actual)])).unwrap().score;
    assert_eq!(s("60"), "60.00", "exactly at the floor earns");
    assert_eq!(s("59.99"), "0.00");
    assert_eq!(
        s("120"),
        "100.00",
        "credited 1.20, but the score is capped at 100"
    );
    assert_eq!(
        score(&card, &kpis(&[("x", "100", "120")]))
            .unwrap()
            .uncapped,
        "120.00"
    );
    assert_eq!(
        score(&card, &kpis(&[("x", "100", "130")])).unwrap().lines[0].credited,
        "1.20"
    );
    let e = score(&card, &kpis(&[("x", "0", "5")])).unwrap_err();
    assert_eq!(
        (e.code(), loc(&e).as_str()),
        ("kpi_target", "kpis.x.target")
    );
    let e = score(&card, &kpis(&[("x", "10", "-1")])).unwrap_err();
    assert_eq!(
        (e.code(), loc(&e).as_str()),
        ("negative_amount", "kpis.x.actual")
    );
    let e = score(&card, &kpis(&[("y", "10", "1")])).unwrap_err();
    assert_eq!((e.code(), loc(&e).as_str()), ("kpi_missing", "kpis.x"));
}

#[test]
fn quarter_sums_and_averages() {
    let m = bank_kpis();
    let quarter = score_period(&bank(), &[m.clone(), m.clone(), m.clone()]).unwrap();
    assert_eq!(quarter.score, "90.40");
    let mut missing = m.clone();
    missing.shift_remove("loans");
    let e = score_period(&bank(), &[m.clone(), missing, m]).unwrap_err();
    assert_eq!(
        (e.code(), loc(&e).as_str()),
        ("kpi_missing", "months[1].kpis.loans")
    );
}

#[test]
fn business_score_from_kpis_feeds_the_five_evaluations() {
    let policy = paygrade_team::HrPolicy::check(Policy {
        scorecard: Some(serde_json::to_value(bank()).unwrap()),
        ..Policy::default()
    })
    .unwrap();
    let e = Employee::from_json(
        r#"{ "id": "E001", "level": "intermediate", "band": "B", "employment": "contract", "years_in_post": 12, "rural": true,
             "scores": { "customer_satisfaction": "88", "supplier": "85", "self": "95", "marketing_audit": "80" },
             "kpis": { "deposits": { "target": "1000", "actual": "1180" }, "loans": { "target": "500", "actual": "450" },
                       "intermediate_income": { "target": "50", "actual": "40" }, "new_customers": { "target": "2", "actual": "1" },
                       "overdue_ratio": { "target": "2.0", "actual": "1.5" } } }"#,
    )
    .unwrap();
    let scored = paygrade_team::pay(&policy, &e, None).unwrap();
    let b = &scored.breakdown;
    // composite = 0.40 × 90.40 + 17.60 + 12.75 + 9.50 + 12.00 = 88.01 → good
    assert_eq!(b.composite_score, "88.01");
    assert_eq!(scored.scorecard.as_ref().unwrap().score, "90.40");
    assert_eq!(b.total.to_string(), "3872.00");
    // The core alone pays from the scores given: without the scorecard step the business
    // score is missing.
    let core = paygrade::compute_pay(&policy.core, &e, None).unwrap_err();
    assert_eq!(
        (core.code(), core.path.as_str()),
        ("missing_score", "scores.business")
    );
}

#[test]
fn example_scorecards_are_valid() {
    ScorecardPolicy::tobacco_example().check().unwrap();
    ScorecardPolicy::bank_example().check().unwrap();
    let mut bad = bank();
    bad.indicators[0].weight = dec("0.31");
    assert_eq!(bad.check().unwrap_err().code(), "weights_sum");
}

// ---- Issue 13: the scorecard validated with the policy; the real best lever. ----

#[test]
fn the_page_bank_preset_is_the_readme_example() {
    let preset = ScorecardPolicy::bank_example();
    let shape = |c: &ScorecardPolicy| -> Vec<(String, Decimal, Unit, Direction)> {
        c.indicators
            .iter()
            .map(|i| (i.id.clone(), i.weight, i.unit, i.direction))
            .collect()
    };
    assert_eq!(shape(&preset), shape(&bank()));
    let r = score(&preset, &bank_kpis()).unwrap();
    assert_eq!(r.score, "90.40");
    assert_eq!(r.best_lever.unwrap().points_per_unit, "10.00");
}

#[test]
fn lever_counts_floor_and_cap_and_ties_go_to_the_first() {
    let card = ScorecardPolicy {
        name: String::new(),
        indicators: vec![
            ind("a", "0.50", Unit::Cases, Direction::HigherIsBetter),
            ind("b", "0.50", Unit::Cases, Direction::HigherIsBetter),
        ],
    };
    // Both at 80 of 100: one more case adds 100 × 0.50 × 0.01 = 0.50 on either: `a`.
    let r = score(&card, &kpis(&[("a", "100", "80"), ("b", "100", "80")])).unwrap();
    let lever = r.best_lever.unwrap();
    assert_eq!(
        (lever.id.as_str(), lever.points_per_unit.as_str()),
        ("a", "0.50")
    );
    // `a` at 59 of 100 (below the 0.60 floor): one more lifts it 0 → 0.60 = +30.00.
    let r = score(&card, &kpis(&[("a", "100", "59"), ("b", "100", "80")])).unwrap();
    let lever = r.best_lever.unwrap();
    assert_eq!(
        (lever.id.as_str(), lever.points_per_unit.as_str()),
        ("a", "30.00")
    );
    // `a` at 119.5 of 100: one more only reaches the cap 1.20: +0.25 < `b`'s +0.50.
    let r = score(&card, &kpis(&[("a", "100", "119.5"), ("b", "100", "80")])).unwrap();
    let lever = r.best_lever.unwrap();
    assert_eq!(
        (lever.id.as_str(), lever.points_per_unit.as_str()),
        ("b", "0.50")
    );
    // Both at the cap: no lever.
    let r = score(&card, &kpis(&[("a", "100", "130"), ("b", "100", "120")])).unwrap();
    assert_eq!(r.best_lever, None);
    // Lower is better: 2.0 target, 2.5 actual (0.80); one less → 1.5 (1.333 → cap 1.20):
    // 100 × 0.50 × 0.40 = +20.00.
    let card = ScorecardPolicy {
        name: String::new(),
        indicators: vec![
            ind("a", "0.50", Unit::Cases, Direction::HigherIsBetter),
            ind("r", "0.50", Unit::Percent, Direction::LowerIsBetter),
        ],
    };
    let r = score(&card, &kpis(&[("a", "100", "100"), ("r", "2.0", "2.5")])).unwrap();
    let lever = r.best_lever.unwrap();
    assert_eq!(
        (lever.id.as_str(), lever.points_per_unit.as_str()),
        ("r", "20.00")
    );
}

fn policy_with_card(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut p = serde_json::to_value(Policy {
        scorecard: Some(serde_json::to_value(bank()).unwrap()),
        ..Policy::default()
    })
    .unwrap();
    edit(&mut p["scorecard"]["indicators"]);
    p.to_string()
}

fn policy_error(text: &str) -> (String, String) {
    let e = paygrade_team::HrPolicy::from_json(Some(&paygrade::json::parse(text).unwrap()))
        .unwrap_err();
    (e.code().to_string(), loc(&e))
}

#[test]
fn the_scorecard_is_checked_with_the_policy() {
    // Weights 0.35 + 0.30 + 0.20 + 0.10 + 0.10 = 1.05: scored 96.30 before, now refused.
    let p = policy_with_card(|i| i[0]["weight"] = serde_json::json!("0.35"));
    assert_eq!(
        policy_error(&p),
        ("weights_sum".into(), "scorecard.indicators".into())
    );
    let input = r#"{"kpis": {"deposits": {"target": "1000", "actual": "1180"}}}"#;
    let e = paygrade_scorecard::score_json(
        Some(&paygrade::json::parse(&p).unwrap()),
        &paygrade::json::parse(input).unwrap(),
    )
    .unwrap_err();
    assert_eq!(
        (e.code(), loc(&e).as_str()),
        ("weights_sum", "scorecard.indicators")
    );
    assert_eq!(
        words(&e),
        "scorecard, indicators: weights sum to 1.05, not exactly 1"
    );
    let p = policy_with_card(|i| i[1]["id"] = serde_json::json!("deposits"));
    assert_eq!(
        policy_error(&p),
        (
            "duplicate_indicator".into(),
            "scorecard.indicators[1].id".into()
        )
    );
    let e =
        paygrade_team::HrPolicy::from_json(Some(&paygrade::json::parse(&p).unwrap())).unwrap_err();
    assert_eq!(
        paygrade_text::error_message(&e.kind, paygrade_text::Lang::Zh),
        "指标 “deposits” 重复"
    );
    assert_eq!(
        paygrade_text::error_message(&e.kind, paygrade_text::Lang::En),
        "indicator \"deposits\" is listed more than once"
    );
    let p = policy_with_card(|i| {
        i[2]["floor"] = serde_json::json!("1.30");
        i[2]["cap"] = serde_json::json!("1.20");
    });
    assert_eq!(
        policy_error(&p),
        (
            "floor_above_cap".into(),
            "scorecard.indicators[2].cap".into()
        )
    );
    let p = policy_with_card(|i| i[2]["floor"] = serde_json::json!("-0.1"));
    assert_eq!(
        policy_error(&p),
        (
            "negative_amount".into(),
            "scorecard.indicators[2].floor".into()
        )
    );
    let p = policy_with_card(|i| {
        i[0]["weight"] = serde_json::json!("1.30");
        i[1]["weight"] = serde_json::json!("-0.60");
    });
    assert_eq!(
        policy_error(&p),
        (
            "fraction_range".into(),
            "scorecard.indicators[0].weight".into()
        )
    );
    let p = policy_with_card(|i| i[3]["unit"] = serde_json::json!("dozen"));
    assert_eq!(
        policy_error(&p),
        ("unknown_mode".into(), "scorecard.indicators[3].unit".into())
    );
    let p = policy_with_card(|i| i[4]["direction"] = serde_json::json!("down"));
    assert_eq!(
        policy_error(&p),
        (
            "unknown_mode".into(),
            "scorecard.indicators[4].direction".into()
        )
    );
    // The same check runs before any pay the CLI and the team page compute (both read
    // the policy through HrPolicy), and in the take-home/scorecard module.
    let bad = policy_with_card(|i| i[0]["weight"] = serde_json::json!("0.35"));
    let e = paygrade_team::HrPolicy::from_json(Some(&paygrade::json::parse(&bad).unwrap()))
        .unwrap_err();
    assert_eq!(e.path, "scorecard.indicators");
    // The first-load pay module reads the core blocks only: it keeps the scorecard block
    // untouched and pays from the scores given.
    let b = paygrade::api::compute_pay_json(
        Some(&paygrade::json::parse(&bad).unwrap()),
        &serde_json::json!({"level": "junior", "band": "B", "employment": "regular", "years_in_post": 1, "scores": {"business": "90", "customer_satisfaction": "90", "supplier": "90", "self": "90", "marketing_audit": "90"}}),
        None,
    )
    .unwrap();
    assert_eq!(b.total.to_string(), "3320.00");
}

#[test]
fn months_errors_are_at_months() {
    for (input, code) in [
        (r#"{"months": 5}"#, "invalid_value"),
        (r#"{"months": []}"#, "no_months"),
        (r#"{"months": {"kpis": {}}}"#, "invalid_value"),
    ] {
        let e = paygrade_scorecard::score_json(None, &paygrade::json::parse(input).unwrap())
            .unwrap_err();
        assert_eq!((e.code(), loc(&e).as_str()), (code, "months"), "{input}");
    }
}

#[test]
fn roster_kpi_columns_in_english_and_chinese() {
    let policy = paygrade_team::HrPolicy::check(Policy {
        scorecard: Some(serde_json::to_value(bank()).unwrap()),
        ..Policy::default()
    })
    .unwrap();
    let csv = "工号,等级,档次,用工性质,岗位年限,客户满意度,工业企业评价,自我评价,营销部审核评价,deposits_target,deposits_actual,loans目标,loans完成,intermediate_income_target,intermediate_income_actual,new_customers_target,new_customers_actual,overdue_ratio目标,overdue_ratio完成\nA1,中级,B,聘用,12,88,85,95,80,1000,1180,500,450,50,40,2,1,2.0,1.5\n";
    let r = paygrade_roster::parse_roster(csv.as_bytes(), "k.csv", None).unwrap();
    let pay = paygrade_team::roster_pay(&policy, &r.employees, None, &mut |_, _| {}).unwrap();
    // business 90.40 from the KPIs: composite 88.01, as in the test above.
    assert_eq!(pay.results[0].composite_score, "88.01");
    let bad = csv.replace(",1000,1180,", ",0,1180,");
    let r = paygrade_roster::parse_roster(bad.as_bytes(), "k.csv", None).unwrap();
    let e = paygrade_team::roster_pay(&policy, &r.employees, None, &mut |_, _| {})
        .map_err(|e| r.locate(e))
        .unwrap_err();
    assert_eq!(
        (e.code(), loc(&e).as_str()),
        ("kpi_target", "row 2, column deposits_target")
    );
}
