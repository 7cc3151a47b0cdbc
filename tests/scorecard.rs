//! The target scorecard (issue 9): business score from monthly targets.

use indexmap::IndexMap;
use paygrade::employee::Kpi;
use paygrade::{Employee, Policy};
use paygrade_scorecard::{score, score_period, Direction, Indicator, ScorecardPolicy, Unit};
use rust_decimal::Decimal;

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
    assert_eq!(
        r.lines[0].explain,
        "deposits 1180 / 1000 = 118.0% → credited 1.18 × 0.30"
    );
    assert_eq!(
        r.lines[3].explain,
        "new_customers 1 / 2 = 50.0% < 0.60 floor → credited 0.00 × 0.10"
    );
    assert_eq!(
        r.lines[4].explain,
        "overdue_ratio 2.0 / 1.5 = 133.3% → credited 1.20 × 0.10"
    );
    // One more new customer (of 2) is worth 100 × 0.10 ÷ 2 = 5 points per unit, the most.
    let lever = r.best_lever.unwrap();
    assert_eq!(
        (lever.id.as_str(), lever.points_per_unit.as_str()),
        ("new_customers", "5.00")
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
    assert_eq!((e.code(), e.path.as_str()), ("kpi_target", "kpis.x.target"));
    let e = score(&card, &kpis(&[("x", "10", "-1")])).unwrap_err();
    assert_eq!(
        (e.code(), e.path.as_str()),
        ("negative_amount", "kpis.x.actual")
    );
    let e = score(&card, &kpis(&[("y", "10", "1")])).unwrap_err();
    assert_eq!((e.code(), e.path.as_str()), ("kpi_missing", "kpis.x"));
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
        (e.code(), e.path.as_str()),
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
        (e.code(), e.path.as_str()),
        ("kpi_target", "row 2, column deposits_target")
    );
}
