//! Cost over the years (issue 18, SPEC §12 Projection) on the 71-person sample and by hand.

use chrono::NaiveDate;
use paygrade::money::Rounding;
use paygrade::policy::{Bracket, SeniorityMode};
use paygrade::scenario::compare;
use paygrade::seniority::seniority_pay;
use paygrade::{CheckedPolicy, Employee, Policy};
use paygrade_roster::export::Lang;
use paygrade_roster::sample::sample_roster;
use proptest::prelude::*;
use rust_decimal::Decimal;

/// The core's projection with no steps outside it (no KPIs, no employer cost).
fn project(
    baseline: &CheckedPolicy,
    proposal: &CheckedPolicy,
    people: &[paygrade::Employee],
    as_of: Option<NaiveDate>,
    years: u32,
    assign: bool,
) -> paygrade::Result<paygrade::projection::Projection> {
    let none = paygrade::NoExtras;
    paygrade::projection::project(
        (baseline, &none),
        (proposal, &none),
        people,
        as_of,
        years,
        assign,
    )
}

fn date(s: &str) -> Option<NaiveDate> {
    Some(s.parse().unwrap())
}

fn default_and_marginal() -> (CheckedPolicy, CheckedPolicy) {
    let baseline = Policy::default().check().unwrap();
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/marginal.json"
    ))
    .unwrap();
    let proposal = Policy::from_json(&text).unwrap();
    assert_eq!(proposal.policy().seniority.mode, SeniorityMode::Marginal);
    (baseline, proposal)
}

#[test]
fn year_zero_is_the_comparison_and_later_years_add_up() {
    let people = sample_roster().unwrap().employees;
    let (baseline, proposal) = default_and_marginal();
    let as_of = date("2026-11-30");
    let p = project(&baseline, &proposal, &people, as_of, 5, false).unwrap();
    let c = compare(&baseline, &proposal, &people, as_of).unwrap();
    assert_eq!(p.years.len(), 6);
    let y0 = &p.years[0];
    assert_eq!(y0.difference.totals, c.totals.difference);
    assert_eq!(y0.baseline.totals, c.totals.baseline);
    assert_eq!(y0.proposal.totals, c.totals.proposal);
    for (k, y) in p.years.iter().enumerate() {
        assert_eq!(y.offset as usize, k);
        assert_eq!(
            y.as_of,
            date(&format!("{}-11-30", 2026 + k)),
            "the pay date moves a year at a time"
        );
        // Only seniority changes with the years (grades, scores, days stay).
        let d = &y.difference.totals.components;
        assert_eq!(
            [d.base, d.floating, d.performance].map(|m| m.amount()),
            [Decimal::ZERO; 3]
        );
        assert_eq!(y.difference.totals.total, d.seniority);
        assert_eq!(
            y.difference.annual_components.seniority.amount(),
            d.seniority.amount() * Decimal::from(12)
        );
    }
    let sum: Decimal = p
        .years
        .iter()
        .map(|y| y.difference.totals.annual_total.amount())
        .sum();
    assert_eq!(p.cumulative_annual_difference.amount(), sum);
    assert!(p.years[0].baseline.drift.is_none() && p.years[0].proposal.drift.is_none());
    assert!(p.years[1].baseline.drift.is_some());
}

/// Three contract staff from the sample (full months, not rural):
/// KM043 junior-A, 2 years, composite 78.50 → qualified, factor 0.90:
///   1500.00 + 500.00 + 1000.00 × 1.20 × 0.90 = 3080.00 before seniority;
/// KM009 intermediate-C, 8 years, composite 83.30 → good, 1.00:
///   1500.00 + 800.00 + 1000.00 × 1.30 = 3600.00;
/// KM012 intermediate-C, 11 years, composite 84.35 → good, 1.00: 3600.00.
/// Together 10280.00 a month before seniority.
#[test]
fn three_contract_staff_by_hand() {
    let people: Vec<Employee> = sample_roster()
        .unwrap()
        .employees
        .into_iter()
        .filter(|e| ["KM043", "KM009", "KM012"].contains(&e.id.as_str()))
        .collect();
    assert_eq!(people.len(), 3);
    let (baseline, proposal) = default_and_marginal();
    let p = project(&baseline, &proposal, &people, date("2026-11-30"), 5, false).unwrap();
    // Seniority by hand, offsets 0..=5, in roster order KM009, KM012, KM043.
    // Flat (every year at the person's bracket rate; 4.00 ≤ 10, 6.00 ≤ 15, 8.00 beyond):
    //   KM009  8→13: 32, 36, 40, 11×6=66, 72, 78       (crosses 10→11 at offset 3)
    //   KM012 11→16: 66, 72, 78, 84, 90, 16×8=128      (past 15 at offset 5)
    //   KM043  2→7:   0, 3×4=12, 16, 20, 24, 28        (reaches 3 years at offset 1)
    // Marginal (each year at its own bracket's rate):
    //   KM009: 32, 36, 40, 40+6=46, 52, 58
    //   KM012: 10×4+1×6=46, 52, 58, 64, 70, 10×4+5×6+1×8=78
    //   KM043: 0, 12, 16, 20, 24, 28
    let flat = [
        [32, 66, 0],
        [36, 72, 12],
        [40, 78, 16],
        [66, 84, 20],
        [72, 90, 24],
        [78, 128, 28],
    ];
    let marginal = [
        [32, 46, 0],
        [36, 52, 12],
        [40, 58, 16],
        [46, 64, 20],
        [52, 70, 24],
        [58, 78, 28],
    ];
    let totals_flat = [
        "10378.00", "10400.00", "10414.00", "10450.00", "10466.00", "10514.00",
    ];
    let totals_marginal = [
        "10358.00", "10380.00", "10394.00", "10410.00", "10426.00", "10444.00",
    ];
    let differences = ["-20.00", "-20.00", "-20.00", "-40.00", "-40.00", "-70.00"];
    for (k, y) in p.years.iter().enumerate() {
        let fs: i64 = flat[k].iter().sum();
        let ms: i64 = marginal[k].iter().sum();
        assert_eq!(
            y.baseline.totals.components.seniority.amount(),
            Decimal::from(fs)
        );
        assert_eq!(
            y.proposal.totals.components.seniority.amount(),
            Decimal::from(ms)
        );
        assert_eq!(y.baseline.totals.total.to_string(), totals_flat[k]);
        assert_eq!(y.proposal.totals.total.to_string(), totals_marginal[k]);
        assert_eq!(y.difference.totals.total.to_string(), differences[k]);
        let annual: Decimal = totals_flat[k].parse::<Decimal>().unwrap() * Decimal::from(12);
        assert_eq!(y.baseline.totals.annual_total.amount(), annual);
        assert_eq!(
            y.baseline.seniority_headcount,
            if k == 0 { 2 } else { 3 },
            "KM043 is paid seniority from offset 1"
        );
        assert_eq!(y.baseline.by_level["intermediate"].headcount, 2);
        assert_eq!(
            y.baseline.by_level["intermediate"].total.amount(),
            Decimal::from(7200 + flat[k][0] + flat[k][1])
        );
    }
    // (−20 × 3 − 40 × 2 − 70) × 12 = −210 × 12.
    assert_eq!(p.cumulative_annual_difference.to_string(), "-2520.00");
    // The drift: who crossed, and what it added (flat baseline).
    let drift = |k: usize| p.years[k].baseline.drift.clone().unwrap();
    let d1 = drift(1);
    assert_eq!((d1.crossed_threshold, d1.crossed_bracket), (1, 0));
    assert_eq!(d1.crossings_amount.to_string(), "12.00");
    assert_eq!(d1.crossings[0].id, "KM043");
    assert_eq!(d1.seniority_change.to_string(), "22.00"); // 4 + 6 + 12
    let d3 = drift(3);
    assert_eq!((d3.crossed_threshold, d3.crossed_bracket), (0, 1));
    assert_eq!(d3.crossings[0].id, "KM009");
    assert_eq!(
        (d3.crossings[0].years_before, d3.crossings[0].years),
        (10, 11)
    );
    assert_eq!(d3.crossings_amount.to_string(), "26.00"); // 66 − 40
    assert_eq!(d3.crossings_annual_amount.to_string(), "312.00");
    let d5 = drift(5);
    assert_eq!((d5.crossed_threshold, d5.crossed_bracket), (0, 1));
    assert_eq!(d5.crossings[0].id, "KM012");
    assert_eq!(d5.crossings_amount.to_string(), "38.00"); // 128 − 90
    let d4 = drift(4);
    assert_eq!((d4.crossed_threshold, d4.crossed_bracket), (0, 0));
    assert_eq!(d4.crossings_amount.to_string(), "0.00");
    // Marginal: the same crossings add less.
    let m5 = p.years[5].proposal.drift.clone().unwrap();
    assert_eq!(m5.crossings_amount.to_string(), "8.00"); // 78 − 70
}

/// `post_start` on 29 February, counted to the pay date moved k years, with the SPEC's
/// feb_28 rule: on 2027-02-28 three years; on 2028-02-28 still three (2028 has its own
/// 29 February); on 2029-02-28 five.
#[test]
fn post_start_follows_the_moved_pay_date_and_the_leap_day_rule() {
    let e = Employee::from_json(
        r#"{"id":"L1","level":"junior","band":"C","employment":"contract",
            "post_start":"2024-02-29","composite_score":"80"}"#,
    )
    .unwrap();
    let policy = Policy::default().check().unwrap();
    let p = project(&policy, &policy, &[e], date("2027-02-28"), 2, false).unwrap();
    let seniority: Vec<String> = p
        .years
        .iter()
        .map(|y| y.baseline.totals.components.seniority.to_string())
        .collect();
    assert_eq!(seniority, ["12.00", "12.00", "20.00"]);
    assert_eq!(p.years[2].as_of, date("2029-02-28"));
    // A 29 February pay date moves to 28 February in a common year.
    let e = Employee::from_json(
        r#"{"id":"L2","level":"junior","band":"C","employment":"contract",
            "post_start":"2020-02-29","composite_score":"80"}"#,
    )
    .unwrap();
    let p = project(&policy, &policy, &[e], date("2028-02-29"), 1, false).unwrap();
    assert_eq!(p.years[1].as_of, date("2029-02-28"));
    assert_eq!(
        p.years[1].baseline.totals.components.seniority.to_string(),
        "36.00"
    ); // 9 × 4.00
}

#[test]
fn regrading_says_who_moves_and_too_many_years_is_an_error() {
    let people = sample_roster().unwrap().employees;
    let policy = Policy::default().check().unwrap();
    let p = project(&policy, &policy, &people, date("2026-11-30"), 1, true).unwrap();
    let a = paygrade::assign_grades(&policy, &people, date("2026-11-30")).unwrap();
    let moved: Vec<&str> = a
        .results
        .iter()
        .filter(|r| r.old_grade.as_deref() != Some(r.new_grade.as_str()))
        .map(|r| r.id.as_str())
        .collect();
    let year0 = p.years[0].baseline.moves.as_ref().unwrap();
    assert_eq!(year0.len(), moved.len());
    assert!(year0.iter().all(|m| moved.contains(&m.id.as_str())));
    assert!(p.years[0].baseline.moves.is_some());
    let fixed = project(&policy, &policy, &people, date("2026-11-30"), 1, false).unwrap();
    assert!(fixed.years[0].baseline.moves.is_none());
    let e = project(&policy, &policy, &people, None, 51, false).unwrap_err();
    assert_eq!((e.code(), e.path.as_str()), ("projection_years", "years"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    /// A policy change that touches only seniority: in every year k the difference is the
    /// difference in seniority pay alone — Σ over people of each one's seniority at
    /// `years + k` under the proposal minus the baseline, each rounded once.
    #[test]
    fn a_seniority_only_change_differs_by_seniority_alone(
        marginal in any::<bool>(),
        min_years in 0u32..6,
        first in 1u32..12,
        gap in 1u32..8,
        rates in prop::collection::vec(0u32..1500, 3),
        years in 0u32..8,
    ) {
        let people = sample_roster().unwrap().employees;
        let baseline = Policy::default().check().unwrap();
        let mut p = Policy::default();
        p.seniority.mode = if marginal { SeniorityMode::Marginal } else { SeniorityMode::Flat };
        p.seniority.min_years = min_years;
        p.seniority.brackets = vec![
            Bracket { through_year: Some(first), per_year: Decimal::new(i64::from(rates[0]), 2) },
            Bracket { through_year: Some(first + gap), per_year: Decimal::new(i64::from(rates[1]), 2) },
            Bracket { through_year: None, per_year: Decimal::new(i64::from(rates[2]), 2) },
        ];
        let proposal = p.check().unwrap();
        let proj = project(&baseline, &proposal, &people, date("2026-11-30"), years, false).unwrap();
        prop_assert_eq!(proj.years.len() as u32, years + 1);
        let r = Rounding::default();
        for y in &proj.years {
            let mut expected = Decimal::ZERO;
            for e in &people {
                let n = e.years_in_post.unwrap() + y.offset;
                let after = seniority_pay(&proposal.policy().seniority, e.employment, n).unwrap().amount;
                let before = seniority_pay(&baseline.policy().seniority, e.employment, n).unwrap().amount;
                expected += r.round(after, "").unwrap().amount() - r.round(before, "").unwrap().amount();
            }
            let d = &y.difference.totals;
            prop_assert_eq!(d.total.amount(), expected);
            prop_assert_eq!(d.components.seniority.amount(), expected);
            prop_assert_eq!(
                [d.components.base, d.components.floating, d.components.performance].map(|m| m.amount()),
                [Decimal::ZERO; 3]
            );
        }
    }
}

#[test]
fn the_chart_and_the_csv_show_every_year() {
    let people = sample_roster().unwrap().employees;
    let (baseline, proposal) = default_and_marginal();
    let p = project(&baseline, &proposal, &people, date("2026-11-30"), 5, false).unwrap();
    let json = paygrade::json::to_json(&p).unwrap();
    for (lang, title) in [
        ("zh", "逐年月度成本：基准、方案与差额"),
        (
            "en",
            "Monthly cost by year: baseline, proposal and difference",
        ),
    ] {
        let svg =
            paygrade_charts::projection_chart_json(&paygrade::json::parse(&json).unwrap(), lang)
                .unwrap();
        let file = format!("{}/projection-{lang}.svg", env!("CARGO_TARGET_TMPDIR"));
        std::fs::write(file, &svg).unwrap();
        let texts: Vec<&str> = svg
            .split("<text")
            .skip(1)
            .filter_map(|t| t.split_once('>'))
            .filter_map(|(_, rest)| rest.split_once("</text>"))
            .map(|(text, _)| text.trim())
            .collect();
        assert_eq!(texts.first(), Some(&title), "{lang}");
        for year in 2026..=2031 {
            assert!(texts.contains(&year.to_string().as_str()), "{lang} {year}");
        }
        // The difference bars are labelled with their amounts (CNY per month).
        for amount in ["-40", "-60", "-100", "-200"] {
            assert!(texts.contains(&amount), "{lang} {amount}");
        }
    }
    let csv = paygrade_roster::export::projection_csv(&p, Lang::En).unwrap();
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines.len(), 1 + 6 * 3);
    assert_eq!(
        lines[18],
        "5,2031-11-30,difference,0.00,0.00,-200.00,0.00,-200.00,-2400.00,0,,,,-6480.00"
    );
    assert_eq!(
        lines[16],
        "5,2031-11-30,baseline,106500.00,45000.00,852.00,89430.00,241782.00,2901384.00,15,0,4,128.00,"
    );
    assert_eq!(
        lines[0],
        "offset,as_of,side,base,floating,seniority,performance,total,annual_total,seniority_headcount,crossed_threshold,crossed_bracket,crossings_amount,cumulative_annual_difference"
    );
    // In Chinese: the same figures under Chinese headers and side words.
    let zh = paygrade_roster::export::projection_csv(&p, Lang::Zh).unwrap();
    let zh: Vec<&str> = zh.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        zh[0],
        "第几年,计薪日期,口径,基本工资,浮动工资,年功工资,效益工资,月合计,年合计,领取年功人数,满门槛人数,进档人数,满门槛与进档增加（月）,累计年差额"
    );
    assert_eq!(
        zh[16],
        "5,2031-11-30,基准,106500.00,45000.00,852.00,89430.00,241782.00,2901384.00,15,0,4,128.00,"
    );
    assert_eq!(
        zh[18],
        "5,2031-11-30,差额,0.00,0.00,-200.00,0.00,-200.00,-2400.00,0,,,,-6480.00"
    );
}
