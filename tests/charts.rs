//! The comparison charts (issue 5): drawn natively from the sample comparison, in both
//! languages, with titles, axis names with units, legends and the right bars.

mod common;

use paygrade::json::FromJson;
use paygrade_charts::{histogram, ChartData, ChartLabels};
use rust_decimal::Decimal;

fn sample_comparison() -> String {
    paygrade::json::to_json(&common::raised_intermediate_b_comparison()).unwrap()
}

/// The texts of an SVG document's `<text>` elements, trimmed.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let body = t.split_once('>')?.1;
            Some(body.split("</text>").next()?.trim().to_string())
        })
        .collect()
}

#[test]
fn data_read_from_the_comparison() {
    let json = sample_comparison();
    let value = paygrade::json::parse(&json).unwrap();
    let data = ChartData::from_json(&value, "").unwrap();
    let s = |a: &[Decimal; 4]| a.iter().map(|d| d.to_string()).collect::<Vec<_>>();
    assert_eq!(
        s(&data.baseline_components),
        ["106500.00", "45000.00", "312.00", "89430.00"]
    );
    // Only performance pay moves: + 990.00 (tests/scenario.rs has the arithmetic).
    assert_eq!(
        s(&data.proposal_components),
        ["106500.00", "45000.00", "312.00", "90420.00"]
    );
    let levels: Vec<(&str, usize)> = data
        .levels
        .iter()
        .map(|l| (l.level.as_str(), l.baseline.len()))
        .collect();
    // Lowest median first; the sample's 71 people: 11 trainees, 18 junior, 36 intermediate, 6 senior.
    assert_eq!(
        levels,
        [
            ("trainee", 11),
            ("junior", 18),
            ("intermediate", 36),
            ("senior", 6)
        ]
    );
    assert_eq!(data.differences.len(), 71);
    let bins = histogram(&data.differences, 24);
    let shown: Vec<(String, String, u64)> = bins
        .iter()
        .filter(|b| b.people > 0)
        .map(|b| (b.lower.to_string(), b.upper.to_string(), b.people))
        .collect();
    // 61 unchanged; 9 gain 100.00 and one gains 90.00 (width 5 for a span of 100).
    assert_eq!(
        shown,
        [
            ("0".into(), "5".into(), 61),
            ("90".into(), "95".into(), 1),
            ("100".into(), "105".into(), 9)
        ]
    );
}

#[test]
fn charts_in_both_languages_have_titles_axes_units_and_legends() {
    let json = sample_comparison();
    for (lang, must) in [
        (
            "zh",
            [
                "各项工资月合计：基准与方案",
                "金额（元/月）",
                "基本岗位工资",
                "年功工资",
                "基准",
                "方案",
                "各等级月薪分布（最小、四分位、中位、最大）",
                "每人月薪差额分布（方案 − 基准）",
                "差额（元/月）",
                "人数",
            ],
        ),
        (
            "en",
            [
                "Monthly cost by component: baseline and proposal",
                "Amount (CNY per month)",
                "Base wage",
                "Seniority pay",
                "Baseline",
                "Proposal",
                "Monthly pay per level (min, quartiles, median, max)",
                "Per-person difference (proposal − baseline)",
                "Difference (CNY per month)",
                "People",
            ],
        ),
    ] {
        let charts =
            paygrade_charts::charts_json(&paygrade::json::parse(&json).unwrap(), lang).unwrap();
        let all: Vec<String> = [&charts.cost, &charts.distribution, &charts.differences]
            .iter()
            .flat_map(|svg| texts(svg))
            .collect();
        for text in must {
            assert!(
                all.iter().any(|t| t == text),
                "{lang}: no text {text:?} in {all:?}"
            );
        }
        // The cost chart labels each bar with its amount.
        let cost = texts(&charts.cost);
        assert_eq!(cost.iter().filter(|t| *t == "89,430").count(), 1);
        assert_eq!(cost.iter().filter(|t| *t == "90,420").count(), 1);
        assert_eq!(cost.iter().filter(|t| *t == "106,500").count(), 2);
        assert_eq!(cost.iter().filter(|t| *t == "312").count(), 2);
        // Level names on the box plot's axis, lowest first, in the chart's language.
        let names = if lang == "zh" {
            ["见习", "初级", "中级", "高级"]
        } else {
            ["trainee", "junior", "intermediate", "senior"]
        };
        let dist = texts(&charts.distribution);
        let order: Vec<&String> = dist
            .iter()
            .filter(|t| names.contains(&t.as_str()))
            .collect();
        assert_eq!(order, names);
        assert!(charts.cost.starts_with("<svg width=\"720\" height=\"380\""));
    }
    let err =
        paygrade_charts::charts_json(&paygrade::json::parse(&json).unwrap(), "fr").unwrap_err();
    assert_eq!((err.code(), err.path.as_str()), ("unknown_mode", "lang"));
}

#[test]
fn a_broken_comparison_is_an_error_with_its_path() {
    let err = paygrade_charts::charts_json(&serde_json::json!({"totals": {}}), "en").unwrap_err();
    assert_eq!(
        (err.code(), err.path.as_str()),
        ("invalid_value", "totals.baseline.components")
    );
    let json = sample_comparison().replacen("\"difference\":\"0.00\"", "\"difference\":\"x\"", 1);
    let err =
        paygrade_charts::charts_json(&paygrade::json::parse(&json).unwrap(), "en").unwrap_err();
    assert_eq!(err.code(), "invalid_number");
    assert!(err.path.starts_with("people["), "{}", err.path);
    assert!(err.path.ends_with("].difference"), "{}", err.path);
}

#[test]
fn labels_cover_both_languages() {
    assert_eq!(
        ChartLabels::in_language("zh").unwrap().components[2],
        "年功工资"
    );
    assert_eq!(
        ChartLabels::in_language("en").unwrap().components[3],
        "Performance pay"
    );
}

mod props {
    use paygrade_charts::histogram;
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    proptest! {
        /// Every difference lands in exactly one bin, its own; bins never exceed the
        /// cap by more than one, and are contiguous.
        #[test]
        fn every_value_in_its_bin(fen in prop::collection::vec(-5_000_000i64..5_000_000, 1..300), max in 1u32..40) {
            let values: Vec<Decimal> = fen.iter().map(|f| Decimal::new(*f, 2)).collect();
            let bins = histogram(&values, max);
            prop_assert!(bins.len() <= max as usize + 1);
            prop_assert_eq!(bins.iter().map(|b| b.people).sum::<u64>(), values.len() as u64);
            for w in bins.windows(2) {
                prop_assert_eq!(w[0].upper, w[1].lower);
            }
            for v in &values {
                let holding = bins.iter().filter(|b| b.lower <= *v && *v < b.upper).count();
                prop_assert_eq!(holding, 1);
            }
            // Reordering the people changes nothing.
            let mut reversed = values.clone();
            reversed.reverse();
            prop_assert_eq!(histogram(&reversed, max), bins);
        }
    }
}
