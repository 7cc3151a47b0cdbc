//! Issue 15 item 9: the comparison export — each person's input columns, then for each
//! component and the total the baseline, the proposal and the difference; it imports
//! again as a roster and gives the baseline's pay.

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use paygrade_roster::export::{comparison_export_csv, comparison_export_xlsx, Lang};
use paygrade_roster::parse_roster;
use paygrade_team::HrPolicy;

fn as_of() -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 30)
}

/// The default policy and the proposal that raises intermediate-B's coefficient from
/// 1.40 to 1.50 (the team page's first edit).
fn policies() -> (HrPolicy, HrPolicy) {
    let base = HrPolicy::from_json(None).unwrap();
    let mut p = serde_json::to_value(paygrade::Policy::default()).unwrap();
    let band = &mut p["ladder"][2]["bands"][1];
    assert_eq!(
        (band["band"].as_str(), band["coefficient"].as_str()),
        (Some("B"), Some("1.40"))
    );
    band["coefficient"] = "1.50".into();
    let prop = HrPolicy::from_json(Some(&p)).unwrap();
    (base, prop)
}

fn sheet(bytes: Vec<u8>, name: &str) -> Vec<Vec<Data>> {
    let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range(name).unwrap();
    range.rows().map(|r| r.to_vec()).collect()
}

#[test]
fn each_component_has_baseline_proposal_and_difference() {
    let sample = paygrade_roster::sample::sample_roster().unwrap();
    let (base, prop) = policies();
    let (before, after) =
        paygrade_team::compare_pay(&base, &prop, &sample.employees, as_of()).unwrap();
    let csv = comparison_export_csv(&sample.employees, &before, &after, Lang::En).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 72);
    assert_eq!(
        lines[0],
        "\u{feff}id,name,level,band,employment,years_in_post,post_start,rural,business,\
         customer_satisfaction,supplier,self,marketing_audit,composite_score,paid_days,exam,\
         review,education,years_of_work,baseline_base,proposal_base,difference_base,\
         baseline_floating,proposal_floating,difference_floating,baseline_seniority,\
         proposal_seniority,difference_seniority,baseline_performance,proposal_performance,\
         difference_performance,baseline_total,proposal_total,difference_total"
    );
    // KM011, intermediate-B, contract, 6 years; composite 92 × 0.40 + 90 × 0.20 + 84 ×
    // 0.15 + 89 × 0.10 + 78 × 0.15 = 88.00 (good: factor 1.00): base 1500.00, floating
    // 800.00, seniority 6 × 4.00 = 24.00 (contract staff, 3 years or more); performance
    // 1000.00 × 1.40 × 1.00 = 1400.00 under the baseline, × 1.50 = 1500.00 under the
    // proposal; totals 3724.00 → 3824.00.
    let km011 = lines.iter().find(|l| l.starts_with("KM011,")).unwrap();
    assert_eq!(
        *km011,
        "KM011,冯宇怡,intermediate,B,contract,6,,no,92,90,84,89,78,,,84,89,bachelor,10,\
         1500.00,1500.00,0.00,800.00,800.00,0.00,24.00,24.00,0.00,1400.00,1500.00,100.00,\
         3724.00,3824.00,100.00"
    );

    let rows = sheet(
        comparison_export_xlsx(&sample.employees, &before, &after, Lang::Zh).unwrap(),
        "方案对比",
    );
    assert_eq!(rows[0][0], Data::String("工号".into()));
    assert_eq!(rows[0][19], Data::String("基本岗位工资（基准）".into()));
    assert_eq!(rows[0][30], Data::String("效益工资（差额）".into()));
    assert_eq!(rows[0][33], Data::String("应发合计（差额）".into()));
    let km011 = rows
        .iter()
        .find(|r| r[0] == Data::String("KM011".into()))
        .unwrap();
    assert_eq!(km011[2], Data::String("中级".into()));
    assert_eq!(km011[4], Data::String("聘用".into()));
    assert_eq!(km011[17], Data::String("本科".into()));
    let money: Vec<&Data> = km011[19..34].iter().collect();
    assert_eq!(
        money,
        [
            1500.0, 1500.0, 0.0, 800.0, 800.0, 0.0, 24.0, 24.0, 0.0, 1400.0, 1500.0, 100.0, 3724.0,
            3824.0, 100.0
        ]
        .iter()
        .map(|x| Data::Float(*x))
        .collect::<Vec<_>>()
        .iter()
        .collect::<Vec<_>>()
    );
    // The totals row, below a blank row: the comparison's own totals, component by
    // component; the difference is 1000.00 × 0.10 × (9 × 1.00 + 1 × 0.90) = 990.00 (ten
    // people paid at intermediate-B's coefficient, as on the team page).
    assert_eq!(rows.len(), 74);
    assert!(rows[72].iter().all(|c| *c == Data::Empty));
    let totals = &rows[73];
    assert_eq!(totals[0], Data::String("合计".into()));
    assert!(totals[1..19].iter().all(|c| *c == Data::Empty));
    let c =
        paygrade_team::compare(&base, &prop, &sample.employees, as_of(), &mut |_, _| {}).unwrap();
    let t = &c.totals;
    let want: Vec<String> = [&t.baseline, &t.proposal, &t.difference]
        .iter()
        .map(|s| {
            s.components
                .to_array()
                .into_iter()
                .chain([s.total])
                .collect::<Vec<_>>()
        })
        .collect::<Vec<_>>()
        .iter()
        .fold(vec![Vec::new(); 5], |mut acc, side| {
            for (k, m) in side.iter().enumerate() {
                acc[k].push(m.to_string());
            }
            acc
        })
        .concat();
    let got: Vec<String> = totals[19..34]
        .iter()
        .map(|d| match d {
            Data::Float(f) => format!("{f:.2}"),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(got, want);
    assert_eq!(got[11], "990.00");
    assert_eq!(got[14], "990.00");
    assert_eq!(t.difference.total.to_string(), "990.00");
}

#[test]
fn the_comparison_export_imports_again_with_the_baselines_pay() {
    let sample = paygrade_roster::sample::sample_roster().unwrap();
    let (base, prop) = policies();
    let (before, after) =
        paygrade_team::compare_pay(&base, &prop, &sample.employees, as_of()).unwrap();
    let totals = |p: &paygrade::RosterPay| -> Vec<(String, String)> {
        p.results
            .iter()
            .map(|b| {
                (
                    b.id.clone(),
                    format!("{:?} {}", b.components.to_array(), b.total),
                )
            })
            .collect()
    };
    for lang in [Lang::Zh, Lang::En] {
        let csv = comparison_export_csv(&sample.employees, &before, &after, lang).unwrap();
        let xlsx = comparison_export_xlsx(&sample.employees, &before, &after, lang).unwrap();
        for (bytes, name) in [(csv.into_bytes(), "back.csv"), (xlsx, "back.xlsx")] {
            let back = parse_roster(&bytes, name, None).unwrap();
            let again =
                paygrade_team::roster_pay(&base, &back.employees, as_of(), &mut |_, _| {}).unwrap();
            assert_eq!(totals(&again), totals(&before), "{lang:?} {name}");
            let moved =
                paygrade_team::roster_pay(&prop, &back.employees, as_of(), &mut |_, _| {}).unwrap();
            assert_eq!(totals(&moved), totals(&after), "{lang:?} {name}");
            // The comparison columns are known: no unknown-column warning, one note that
            // they are worked out again.
            let codes: Vec<&str> = back.warnings.iter().map(|w| w.code).collect();
            let want: &[&str] = if name.ends_with("xlsx") {
                &["result_columns_recomputed", "totals_row_skipped"]
            } else {
                &["result_columns_recomputed"]
            };
            assert_eq!(codes, want, "{lang:?} {name}");
        }
    }
}

#[test]
fn every_text_cell_of_the_comparison_export_is_neutralised() {
    let roster = parse_roster(
        "工号,姓名,等级,档次,用工性质,岗位年限,综合得分\n+X1,=HYPERLINK(\"http://x\"),初级,A,在册,3,70\n"
            .as_bytes(),
        "f.csv",
        None,
    )
    .unwrap();
    let (base, prop) = policies();
    let (before, after) =
        paygrade_team::compare_pay(&base, &prop, &roster.employees, None).unwrap();
    let csv = comparison_export_csv(&roster.employees, &before, &after, Lang::Zh).unwrap();
    assert!(
        csv.lines()
            .nth(1)
            .unwrap()
            .starts_with("'+X1,\"'=HYPERLINK(\"\"http://x\"\")\",初级,A,在册,3,"),
        "{csv}"
    );
    let rows = sheet(
        comparison_export_xlsx(&roster.employees, &before, &after, Lang::En).unwrap(),
        "comparison",
    );
    assert_eq!(rows[1][0], Data::String("'+X1".into()));
    assert_eq!(rows[1][1], Data::String("'=HYPERLINK(\"http://x\")".into()));
    assert_eq!(rows[1][2], Data::String("junior".into()));
}
