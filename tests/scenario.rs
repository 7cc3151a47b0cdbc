//! Policy comparison (SPEC §5) on the 71-person sample.

mod common;

use paygrade::scenario::compare;
use paygrade::Policy;
use paygrade_roster::sample::sample_roster;
use rust_decimal::Decimal;

#[test]
fn raising_intermediate_b_by_010_costs_what_the_arithmetic_says() {
    let people = sample_roster().unwrap().employees;
    let (baseline, proposal) = common::baseline_and_raised_intermediate_b();
    let c = common::raised_intermediate_b_comparison();
    // Only people whose coefficient is read at intermediate-B change: intermediate-B
    // without the rural uplift, and intermediate-C with it. Each gains
    // performance base 1000.00 × 0.10 × their assessment factor (full months here).
    let base = paygrade::compute_roster(&baseline, &people, None).unwrap();
    let mut expected = Decimal::ZERO;
    let mut gainers = 0;
    for b in &base.results {
        if b.coefficient_grade == "intermediate-B" {
            let factor: Decimal = b.assessment_factor.parse().unwrap();
            expected += Decimal::from(1000) * Decimal::new(10, 2) * factor;
            gainers += 1;
        }
    }
    // By hand: ten people are paid at intermediate-B's coefficient (eight intermediate-B
    // without the uplift, KM018 and KM030 at intermediate-C with it), nine rated with
    // factor 1.00 and one with 0.90, all full months:
    // 1000.00 × 0.10 × (9 × 1.00 + 1 × 0.90) = 100.00 × 9.90 = 990.00 a month.
    assert_eq!(gainers, 10);
    assert_eq!(c.totals.difference.total.to_string(), "990.00");
    assert_eq!(c.totals.difference.annual_total.to_string(), "11880.00");
    assert_eq!(c.totals.difference.total.amount(), expected.round_dp(2));
    let level = &c.by_level["intermediate"];
    assert_eq!(
        (
            level.difference.to_string(),
            level.annual_difference.to_string()
        ),
        ("990.00".to_string(), "11880.00".to_string())
    );
    assert_eq!(c.by_level["senior"].annual_difference.to_string(), "0.00");
    assert_eq!(
        c.totals.difference.components.performance.amount(),
        expected.round_dp(2)
    );
    assert_eq!(c.totals.difference.components.base.amount(), Decimal::ZERO);
    assert_eq!(
        (c.counts.gain, c.counts.lose, c.counts.same),
        (gainers, 0, 71 - gainers)
    );
    assert_eq!(c.policy_diff.len(), 1);
    let d = &c.policy_diff[0];
    assert_eq!(
        serde_json::to_string(&d.path).unwrap(),
        r#"["ladder",2,"bands",1,"coefficient"]"#
    );
    assert_eq!(
        (d.level.as_deref(), d.band.as_deref()),
        (Some("intermediate"), Some("B"))
    );
    let names = paygrade_text::Names::of(proposal.policy());
    assert_eq!(
        paygrade_text::diff(d, &names, paygrade_text::Lang::Zh),
        "中级 B档 效益工资系数：1.40 → 1.50"
    );
    assert_eq!(
        paygrade_text::diff(d, &names, paygrade_text::Lang::En),
        "Intermediate B coefficient: 1.40 → 1.50"
    );
    assert_eq!(
        (
            c.policy_diff[0].baseline.as_str(),
            c.policy_diff[0].proposal.as_str()
        ),
        (Some("1.40"), Some("1.50"))
    );
    assert_ne!(c.baseline_hash, c.proposal_hash);
    assert_eq!(c.baseline_hash.len(), 8);
    assert_eq!(
        c.totals.difference.annual_total.amount(),
        (expected * Decimal::from(12)).round_dp(2)
    );
    assert!(gainers > 0);
    // The employer's cost moves by the pay difference plus the change in employer
    // contributions on each person's pay (Shanghai example table).
    let table = paygrade_takehome::ContributionPolicy::shanghai_2025_07();
    let rounding = paygrade::Rounding::default();
    let prop = paygrade::compute_roster(&proposal, &people, None).unwrap();
    let mut cost = c.totals.difference.total.amount();
    for (a, b) in prop.results.iter().zip(&base.results) {
        let employer = |total: Decimal| {
            paygrade_takehome::contributions(&table, total, rounding)
                .unwrap()
                .employer
                .amount()
        };
        cost += employer(a.total.amount()) - employer(b.total.amount());
    }
    assert_eq!(c.totals.difference.employer_cost.unwrap().amount(), cost);
}

#[test]
fn the_same_policy_changes_nothing() {
    let people = sample_roster().unwrap().employees;
    let p = Policy::default().check().unwrap();
    let c = compare(&p, &p, &people, None).unwrap();
    assert_eq!((c.counts.gain, c.counts.lose, c.counts.same), (0, 0, 71));
    assert!(c.policy_diff.is_empty());
    assert_eq!(c.baseline_hash, c.proposal_hash);
    assert_eq!(c.totals.difference.total.to_string(), "0.00");
}

#[test]
fn the_same_policy_read_back_from_json_has_the_same_hash_and_no_diff() {
    // The default policy through its JSON text (maps come back in another key order) and
    // with one amount written without decimals: the same policy, the same stamp.
    let people = sample_roster().unwrap().employees;
    let baseline = Policy::default().check().unwrap();
    let text = paygrade::json::to_json(&Policy::default())
        .unwrap()
        .replacen("\"base_wage\":\"1500.00\"", "\"base_wage\":\"1500\"", 1);
    assert!(text.contains("\"base_wage\":\"1500\""));
    let proposal =
        paygrade::api::policy_from(Some(&paygrade::json::parse(&text).unwrap())).unwrap();
    let c = compare(&baseline, &proposal, &people, None).unwrap();
    assert_eq!(c.policy_diff, vec![]);
    assert_eq!(c.baseline_hash, c.proposal_hash);
    // A real change still shows and changes the stamp.
    let changed = text.replacen("\"base_wage\":\"1500\"", "\"base_wage\":\"1500.01\"", 1);
    let proposal =
        paygrade::api::policy_from(Some(&paygrade::json::parse(&changed).unwrap())).unwrap();
    let c = compare(&baseline, &proposal, &people, None).unwrap();
    assert_eq!(c.policy_diff.len(), 1);
    assert_eq!(
        paygrade_text::diff(
            &c.policy_diff[0],
            &paygrade_text::Names::default(),
            paygrade_text::Lang::Zh
        ),
        "见习 基本岗位工资：1500.00 → 1500.01"
    );
    assert_ne!(c.baseline_hash, c.proposal_hash);
}

#[test]
fn a_wage_typed_with_fewer_decimals_differs_at_the_policys_decimals() {
    let people = sample_roster().unwrap().employees;
    let base = Policy::default().check().unwrap();
    let mut json = serde_json::to_value(base.policy()).unwrap();
    json["ladder"][2]["base_wage"] = serde_json::json!("1,600");
    let proposal = Policy::from_json(&json.to_string()).unwrap();
    let c = compare(&base, &proposal, &people, None).unwrap();
    let names = paygrade_text::Names::of(proposal.policy());
    let lines: Vec<String> = c
        .policy_diff
        .iter()
        .map(|d| paygrade_text::diff(d, &names, paygrade_text::Lang::Zh))
        .collect();
    assert_eq!(lines, ["中级 基本岗位工资：1500.00 → 1600.00"]);
}
