//! Take-home pay (issue 6): cumulative IIT withholding (STA 2018 No. 61), contributions
//! with base limits, the separately taxed annual bonus (Caishui 2023 No. 30).

use paygrade::Rounding;
use paygrade_takehome::net_pay_json;
use paygrade_takehome::{
    annual_tax, bonus_tax, contributions, BaseLimits, ContributionPolicy, FundRates, Scheme,
    SchemeRate,
};
use rust_decimal::Decimal;
use serde_json::json;

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn year(month: serde_json::Value, bonus: Option<&str>) -> paygrade_takehome::NetPay {
    let mut s = json!({ "year": 2026, "first_month": 1, "months": vec![month; 12] });
    if let Some(b) = bonus {
        s["annual_bonus"] = json!(b);
    }
    net_pay_json(None, &s).unwrap()
}

#[test]
fn ten_thousand_a_month_withholds_75() {
    let r = year(
        json!({ "gross": "10000.00", "contributions": "1500.00", "special_deductions": "1000.00" }),
        None,
    );
    let withheld: Vec<String> = r.months.iter().map(|m| m.withheld.to_string()).collect();
    assert_eq!(withheld, vec!["75.00"; 12]);
    assert_eq!(r.year_totals.withheld.to_string(), "900.00");
    assert_eq!(r.months[11].cumulative_taxable.to_string(), "30000.00");
    assert_eq!(r.months[0].net.to_string(), "8425.00");
}

#[test]
fn fifteen_thousand_crosses_into_ten_percent_in_may() {
    let r = year(json!({ "gross": "15000", "contributions": "2000" }), None);
    let withheld: Vec<String> = r.months.iter().map(|m| m.withheld.to_string()).collect();
    assert_eq!(
        &withheld[..6],
        ["240.00", "240.00", "240.00", "240.00", "520.00", "800.00"]
    );
    assert_eq!(withheld[11], "800.00");
}

#[test]
fn bracket_edges_include_their_upper_limit() {
    let t = |s: &str| {
        paygrade::Rounding::default()
            .round(annual_tax(dec(s)), "t")
            .unwrap()
            .to_string()
    };
    assert_eq!(t("36000.00"), "1080.00");
    assert_eq!(t("36000.01"), "1080.00");
    assert_eq!(t("40000"), "1480.00");
    assert_eq!(t("144000"), "11880.00");
    assert_eq!(t("0"), "0.00");
    assert_eq!(t("-5"), "0.00");
}

#[test]
fn base_limits_and_per_scheme_rounding() {
    let policy = ContributionPolicy {
        city: "test".into(),
        effective_from: "2026-01-01".into(),
        base: BaseLimits {
            floor: dec("6000"),
            cap: dec("30000"),
        },
        housing_fund_base: BaseLimits {
            floor: dec("6000"),
            cap: dec("30000"),
        },
        schemes: [
            (Scheme::Pension, "0.08"),
            (Scheme::Medical, "0.02"),
            (Scheme::Unemployment, "0.005"),
        ]
        .into_iter()
        .map(|(scheme, r)| SchemeRate {
            scheme,
            employee_rate: dec(r),
            employer_rate: Decimal::ZERO,
            employee_fixed: Decimal::ZERO,
        })
        .collect(),
        housing_fund: FundRates {
            employee_rate: dec("0.07"),
            employer_rate: dec("0.07"),
        },
        bonus_separate_until: "2027-12-31".into(),
    };
    let c = |gross: &str| {
        let c = contributions(&policy, dec(gross), Rounding::default()).unwrap();
        (c.social_insurance.to_string(), c.housing_fund.to_string())
    };
    assert_eq!(c("40000"), ("3150.00".into(), "2100.00".into()));
    assert_eq!(c("4000"), ("630.00".into(), "420.00".into()));
    // The fund is rounded to the whole yuan half-up: 7% of 12,345.67 = 864.1969 → 864.
    assert_eq!(c("12345.67").1, "864.00");
}

#[test]
fn bonus_separately_or_combined() {
    assert_eq!(
        Rounding::default()
            .round(bonus_tax(dec("36000")), "b")
            .unwrap()
            .to_string(),
        "1080.00"
    );
    // 36,001 ÷ 12 = 3,000.08 → the 10% band: 3,600.10 − 210 = 3,390.10.
    assert_eq!(
        Rounding::default()
            .round(bonus_tax(dec("36001")), "b")
            .unwrap()
            .to_string(),
        "3390.10"
    );
    let r = year(
        json!({ "gross": "10000.00", "contributions": "1500.00", "special_deductions": "1000.00" }),
        Some("36001.00"),
    );
    let b = r.bonus.unwrap();
    // Year taxable 30,000; with the bonus 66,001 → 6,600.10 − 2,520 = 4,080.10; increase 3,180.10.
    assert_eq!(
        (
            b.separate_tax.unwrap().to_string(),
            b.combined_tax_increase.to_string(),
            b.lower
        ),
        ("3390.10".into(), "3180.10".into(), "combined")
    );
}

#[test]
fn contributions_from_the_policy_and_employer_cost() {
    // Default policy: Shanghai 2025-07 example; gross 10,000 is inside the base limits.
    let r = year(json!({ "gross": "10000.00" }), None);
    let m = &r.months[0];
    assert_eq!(m.social_insurance.unwrap().to_string(), "1050.00");
    assert_eq!(m.housing_fund.unwrap().to_string(), "700.00");
    assert_eq!(m.contributions.to_string(), "1750.00");
    // employer: 16% + 10% + 0.5% + 0.26% of 10,000 = 2,676.00, fund 700 → 13,376.00
    assert_eq!(m.employer_cost.to_string(), "13376.00");
    assert_eq!(
        r.contribution_table.as_deref(),
        Some("Shanghai 上海 (example) 2025-07-01")
    );
}

#[test]
fn mid_year_start_and_low_earner_deduction() {
    let s = json!({ "year": 2026, "first_month": 7, "months": vec![json!({ "gross": "20000", "contributions": "0" }); 6] });
    let r = net_pay_json(None, &s).unwrap();
    assert_eq!(r.months[0].month, 7);
    assert_eq!(r.months[0].cumulative_taxable.to_string(), "15000.00");
    let s = json!({ "year": 2026, "first_month": 1, "low_earner_last_year": true,
                    "months": vec![json!({ "gross": "5000", "contributions": "0" }); 12] });
    let r = net_pay_json(None, &s).unwrap();
    assert_eq!(r.year_totals.withheld.to_string(), "0.00");
    let s = json!({ "year": 2026, "first_month": 8, "months": vec![json!({ "gross": "1" }); 6] });
    let e = net_pay_json(None, &s).unwrap_err();
    assert_eq!(
        (e.code(), e.path.as_str()),
        ("months_past_december", "months")
    );
}

#[test]
fn special_deduction_items() {
    let s = json!({ "months": [{ "gross": "30000", "contributions": "0" }],
                    "special": { "children_education": 2, "elderly_support_only_child": true, "rent_tier": 1 } });
    let r = net_pay_json(None, &s).unwrap();
    assert_eq!(r.months[0].special_deductions.to_string(), "8500.00");
    let s = json!({ "months": [{ "gross": "30000", "contributions": "0" }],
                    "special": { "housing_loan": true, "rent_tier": 2 } });
    let e = net_pay_json(None, &s).unwrap_err();
    assert_eq!(
        (e.code(), e.path.as_str()),
        ("conflicting_fields", "special.rent_tier")
    );
}

#[test]
fn a_refund_is_never_withheld_negative() {
    // A high January then nothing: later months withhold 0, not a refund.
    let s = json!({ "months": [{ "gross": "50000", "contributions": "0" }, { "gross": "0", "contributions": "0" }, { "gross": "0", "contributions": "0" }] });
    let r = net_pay_json(None, &s).unwrap();
    let w: Vec<String> = r.months.iter().map(|m| m.withheld.to_string()).collect();
    // January: 45,000 taxable → 4,500 − 2,520 = 1,980; February: 40,000 → 1,480 < 1,980: 0.
    assert_eq!(w, ["1980.00", "0.00", "0.00"]);
}

#[test]
fn roster_totals_carry_the_employer_cost() {
    let e = paygrade::Employee::from_json(
        r#"{ "id": "E001", "level": "intermediate", "band": "B", "employment": "contract", "years_in_post": 12,
             "rural": true, "scores": { "business": "92", "customer_satisfaction": "88", "supplier": "85",
             "self": "95", "marketing_audit": "80" } }"#,
    )
    .unwrap();
    let policy = paygrade_team::HrPolicy::check(paygrade::Policy::default()).unwrap();
    let pay =
        paygrade_team::roster_pay(&policy, std::slice::from_ref(&e), None, &mut |_, _| {}).unwrap();
    // The core alone knows no contribution table: no employer cost.
    let core = paygrade::compute_roster(&policy.core, &[e], None).unwrap();
    assert_eq!(core.totals.employer_cost, None);
    // 3,872.00 + employer SI on the 7,460 floor (16% 1,193.60 + 10% 746.00 + 0.5% 37.30 +
    // 0.26% 19.40) + employer fund 7% of 3,872 = 271 → 6,139.30.
    assert_eq!(pay.totals.employer_cost.unwrap().to_string(), "6139.30");
    assert_eq!(
        pay.totals.annual_employer_cost.unwrap().to_string(),
        "73671.60"
    );
}

// ---- Issue 13: the combined method uses unused deductions; dated rules. ----

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/public_bugs/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// (separate, combined, lower, year_tax, year_net) of a result's bonus.
fn bonus_of(
    r: &paygrade_takehome::NetPay,
) -> (Option<String>, String, &'static str, String, String) {
    let b = r.bonus.as_ref().unwrap();
    (
        b.separate_tax.map(|m| m.to_string()),
        b.combined_tax_increase.to_string(),
        b.lower,
        b.year_tax.to_string(),
        b.year_net.to_string(),
    )
}

#[test]
fn a_low_earners_bonus_combined_uses_the_unused_deductions() {
    // n01: 3,000 × 12, contributions 0, bonus 36,000. Separate: 36,000 × 3% = 1,080.00.
    // Combined: 36,000 + 36,000 − 60,000 = 12,000 × 3% = 360.00 → combined is lower.
    let r = net_pay_json(
        None,
        &paygrade::json::parse(&fixture("n01_bonus_low_earner.json")).unwrap(),
    )
    .unwrap();
    let b = r.bonus.as_ref().unwrap();
    assert_eq!(b.taxable_before_bonus.to_string(), "-24000.00");
    assert_eq!(
        bonus_of(&r),
        (
            Some("1080.00".into()),
            "360.00".into(),
            "combined",
            "360.00".into(),
            "71640.00".into()
        )
    );
    assert_eq!(r.year_totals.withheld.to_string(), "0.00");
    assert!(r.warnings.is_empty());
}

#[test]
fn a_tie_says_equal() {
    // 5,000 × 12 with no contributions: taxable before the bonus exactly 0; bonus 36,000
    // costs 1,080.00 either way.
    let r = year(
        json!({ "gross": "5000", "contributions": "0" }),
        Some("36000"),
    );
    assert_eq!(
        bonus_of(&r),
        (
            Some("1080.00".into()),
            "1080.00".into(),
            "equal",
            "1080.00".into(),
            "94920.00".into()
        )
    );
}

#[test]
fn in_2027_the_lower_of_the_two() {
    // 20,000 − 2,000 a month: taxable 156,000 → 14,280.00 on the wages. Separate: 60,000 ÷
    // 12 = 5,000 → 10% − 210 = 5,790.00; combined: 216,000 → 26,280.00, + 12,000.00.
    let r = net_pay_json(
        None,
        &paygrade::json::parse(&fixture("n14_bonus_2027.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(r.year_totals.withheld.to_string(), "14280.00");
    assert_eq!(
        bonus_of(&r),
        (
            Some("5790.00".into()),
            "12000.00".into(),
            "separate",
            "20070.00".into(),
            "255930.00".into()
        )
    );
    assert!(r.warnings.is_empty());
}

#[test]
fn after_2027_combined_only_with_a_warning() {
    let r = net_pay_json(
        None,
        &paygrade::json::parse(&fixture("n14_bonus_2028.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        bonus_of(&r),
        (
            None,
            "12000.00".into(),
            "combined",
            "26280.00".into(),
            "249720.00".into()
        )
    );
    assert_eq!(r.bonus.as_ref().unwrap().separate_until, "2027-12-31");
    assert_eq!(r.warnings.len(), 1);
    let w = &r.warnings[0];
    assert_eq!(w.code, "bonus_separate_ended");
    assert_eq!(w.params["until"], "2027-12-31");
    assert_eq!(w.params["year"], "2028");
    let param = |k: &str| w.params[k].clone();
    assert_eq!(
        paygrade_text::takehome_warning(w.code, &param, paygrade_text::Lang::Zh),
        "全年一次性奖金单独计税（财政部 税务总局公告 2023 年第 30 号）执行至 2027-12-31，2028 年度不再适用：奖金并入当年综合所得计税。政策延期时请修改“年终奖单独计税截止日”。"
    );
    assert_eq!(
        paygrade_text::takehome_warning(w.code, &param, paygrade_text::Lang::En),
        "Separate taxation of the annual bonus (Caishui 2023 No. 30) applies through 2027-12-31, not to 2028: the bonus is added to the year's comprehensive income. When the rule is extended, change the bonus rule's end date."
    );
}

fn policy_with(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut p = serde_json::to_value(paygrade::Policy::default()).unwrap();
    p["contributions"] = serde_json::to_value(ContributionPolicy::shanghai_2025_07()).unwrap();
    edit(&mut p);
    p.to_string()
}

#[test]
fn hr_extends_the_separate_method_in_the_policy() {
    let policy = policy_with(|p| p["contributions"]["bonus_separate_until"] = json!("2030-12-31"));
    let r = net_pay_json(
        Some(&paygrade::json::parse(&policy).unwrap()),
        &paygrade::json::parse(&fixture("n14_bonus_2028.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(bonus_of(&r).2, "separate");
    assert_eq!(bonus_of(&r).0.as_deref(), Some("5790.00"));
    assert!(r.warnings.is_empty());
    let bad = policy_with(|p| p["contributions"]["bonus_separate_until"] = json!("2027-13-01"));
    let e = net_pay_json(
        Some(&paygrade::json::parse(&bad).unwrap()),
        &paygrade::json::parse(&fixture("n14_bonus_2028.json")).unwrap(),
    )
    .unwrap_err();
    assert_eq!(
        (e.code(), e.path.as_str()),
        ("invalid_date", "contributions.bonus_separate_until")
    );
    // The default policy's table (the dated example) carries the date.
    assert_eq!(
        ContributionPolicy::of(&paygrade::Policy::default())
            .unwrap()
            .bonus_separate_until,
        "2027-12-31"
    );
}

#[test]
fn a_contribution_table_from_a_later_year_is_flagged() {
    // The default table is dated 2025-07-01; a 2024 schedule gets a warning.
    let s = json!({ "year": 2024, "months": [{ "gross": "10000" }] });
    let r = net_pay_json(None, &s).unwrap();
    assert_eq!(r.warnings.len(), 1);
    assert_eq!(r.warnings[0].code, "contribution_table_later");
    assert_eq!(r.warnings[0].params["effective_from"], "2025-07-01");
    let s = json!({ "year": 2025, "months": [{ "gross": "10000" }] });
    assert!(net_pay_json(None, &s).unwrap().warnings.is_empty());
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        /// combined_tax_increase ≥ 0, and `lower` never names the more expensive method.
        #[test]
        fn the_lower_method_is_never_the_dearer(
            gross in 0u32..80_000,
            contrib in 0u32..8_000,
            special in 0u32..6_000,
            bonus in 0u64..3_000_000,
            fen in 0u32..100,
            year in 2026i32..2030,
        ) {
            let s = json!({ "year": year, "months": vec![json!({ "gross": gross.to_string(),
                "contributions": contrib.to_string(), "special_deductions": special.to_string() }); 12],
                "annual_bonus": format!("{bonus}.{fen:02}") });
            let r = net_pay_json(None, &s).unwrap();
            let b = r.bonus.unwrap();
            prop_assert!(b.combined_tax_increase.amount() >= Decimal::ZERO);
            let c = b.combined_tax_increase;
            match (b.separate_tax, b.lower) {
                (Some(s), "separate") => prop_assert!(s < c),
                (Some(s), "combined") => prop_assert!(c < s),
                (Some(s), "equal") => prop_assert_eq!(s, c),
                (None, "combined") => prop_assert!(year > 2027),
                other => prop_assert!(false, "unexpected {:?}", other),
            }
            prop_assert_eq!(b.separate_tax.is_some(), year <= 2027);
            let chosen = b.separate_tax.map_or(c, |s| s.min(c));
            prop_assert_eq!(b.year_tax.amount(), r.year_totals.withheld.amount() + chosen.amount());
        }
    }
}

#[test]
fn the_employer_side_alone_is_the_employer_side_of_the_contributions() {
    use paygrade_takehome::{contributions, employer_contributions, ContributionPolicy};
    let rounding = paygrade::Policy::default().rounding;
    let shanghai = ContributionPolicy::shanghai_2025_07();
    // Below the floor: 7460 × (0.16 + 0.10 + 0.005) = 1193.60 + 746.00 + 37.30, 7460 ×
    // 0.0026 = 19.396 → 19.40; the fund on 3872 × 0.07 = 271.04 → 271 (whole yuan).
    // Above the cap: 37302 → 5968.32 + 3730.20 + 186.51 + 96.99, fund 2611.14 → 2611.
    for (base, employer) in [("3872.00", "2267.30"), ("50000", "12593.02")] {
        let base: rust_decimal::Decimal = base.parse().unwrap();
        let alone = employer_contributions(&shanghai, base, rounding).unwrap();
        assert_eq!(alone.to_string(), employer);
        assert_eq!(
            alone,
            contributions(&shanghai, base, rounding).unwrap().employer
        );
    }
}
