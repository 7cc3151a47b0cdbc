//! Property tests over rosters (issue 8): export then import gives back the same roster;
//! pay does not depend on row order; CSV export never leaves a formula to evaluate.

use paygrade::{compute_roster, Employee, Policy};
use paygrade_roster::export::{employees_csv, neutralise};
use paygrade_roster::parse_roster;
use proptest::prelude::*;

fn arb_employee(i: usize) -> impl Strategy<Value = Employee> {
    (
        prop::sample::select(vec![("senior", "A"), ("intermediate", "B"), ("junior", "C"), ("trainee", "")]),
        any::<bool>(),
        0u32..40,
        any::<bool>(),
        prop::collection::vec(0u32..=10_000, 5),
        prop::option::of(0u32..=2175),
        "[\\PC]{0,12}",
    )
        .prop_map(move |((level, band), contract, years, rural, scores, days, name)| {
            let d = |n: u32| format!("{}.{:02}", n / 100, n % 100);
            // A score above 0 and at most 1 carries its unit (bare, it reads as a fraction).
            let p = |n: u32| if (1..=100).contains(&n) { format!("{}分", d(n)) } else { d(n) };
            let mut v = serde_json::json!({
                "id": format!("P{i:03}"), "name": name, "level": level, "band": band,
                "employment": if contract { "contract" } else { "regular" }, "years_in_post": years, "rural": rural,
                "scores": { "business": p(scores[0]), "customer_satisfaction": p(scores[1]), "supplier": p(scores[2]),
                            "self": p(scores[3]), "marketing_audit": p(scores[4]) } });
            if let Some(days) = days {
                v["paid_days"] = serde_json::json!(d(days));
            }
            Employee::from_json(&v.to_string()).unwrap()
        })
}

fn arb_roster() -> impl Strategy<Value = Vec<Employee>> {
    (1usize..25).prop_flat_map(|n| (0..n).map(arb_employee).collect::<Vec<_>>())
}

proptest! {
    #[test]
    fn export_then_import_gives_back_the_same_roster(people in arb_roster()) {
        let csv = employees_csv(&people).unwrap();
        let back = parse_roster(csv.as_bytes(), "roster.csv", None).unwrap();
        // Names starting with =, +, -, @ come back with the neutralising apostrophe.
        let expected: Vec<Employee> = people.iter().cloned().map(|mut e| { e.name = neutralise(&e.name); e }).collect();
        let got = back.employees;
        prop_assert_eq!(got.len(), expected.len());
        for (g, x) in got.iter().zip(&expected) {
            prop_assert_eq!(&g.id, &x.id);
            prop_assert_eq!(g.name.trim(), x.name.trim());
            prop_assert_eq!(&g.scores, &x.scores);
            prop_assert_eq!((g.years_in_post, g.rural, g.employment, g.paid_days), (x.years_in_post, x.rural, x.employment, x.paid_days));
        }
    }

    #[test]
    fn pay_does_not_depend_on_row_order(people in arb_roster(), seed in any::<u64>()) {
        let policy = Policy::default().check().unwrap();
        let mut shuffled = people.clone();
        let mut s = seed;
        for i in (1..shuffled.len()).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            shuffled.swap(i, (s >> 33) as usize % (i + 1));
        }
        let a = compute_roster(&policy, &people, None).unwrap();
        let b = compute_roster(&policy, &shuffled, None).unwrap();
        prop_assert_eq!(&a.totals, &b.totals);
        prop_assert_eq!(&a.quota, &b.quota);
        for x in &a.results {
            let y = b.results.iter().find(|y| y.id == x.id).unwrap();
            prop_assert_eq!(x, y);
        }
    }
}

#[test]
fn csv_export_neutralises_formulas_and_keeps_numbers() {
    let people = vec![Employee::from_json(
        r#"{"id":"=HYPERLINK(\"http://x\")","name":"@SUM(A1)","level":"junior","band":"C","employment":"regular",
            "years_in_post":1,"composite_score":"80","paid_days":"10.5"}"#,
    )
    .unwrap()];
    let csv = employees_csv(&people).unwrap();
    let line = csv.lines().nth(1).unwrap();
    assert!(
        line.starts_with("\"'=HYPERLINK(\"\"http://x\"\")\",'@SUM(A1),junior,C,regular,1,"),
        "{line}"
    );
    assert!(line.contains(",80,10.5,"), "{line}");
}

#[test]
fn xlsx_export_keeps_text_as_text_and_numbers_as_numbers() {
    use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
    let people = vec![Employee::from_json(
        r#"{"id":"A1","name":"=HYPERLINK(\"http://x\")","level":"junior","band":"C","employment":"regular",
            "years_in_post":1,"composite_score":"80"}"#,
    )
    .unwrap()];
    let policy = Policy::default().check().unwrap();
    let mut pay = compute_roster(&policy, &people, None).unwrap();
    // An amount of −120.50 (a deduction, say) must stay a number.
    pay.results[0].components.seniority = paygrade::Rounding::default()
        .round("-120.50".parse().unwrap(), "x")
        .unwrap();
    let bytes = paygrade_roster::export::roster_xlsx(&pay).unwrap();
    let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range("pay").unwrap();
    assert_eq!(
        range.get((1, 1)),
        Some(&Data::String("=HYPERLINK(\"http://x\")".into()))
    );
    assert_eq!(range.get((1, 10)), Some(&Data::Float(-120.5)));
    // junior-C: 1500 + 500 + (−120.50) + 1000 × 1.00 × 1.00 = 2879.50 (the total is not re-added here: 3000.00 as paid)
    assert_eq!(range.get((1, 12)), Some(&Data::Float(3000.0)));
}

proptest! {
    /// Issue 15 item 9: the re-importable export (CSV and XLSX, Chinese and English)
    /// read back gives the same pay, person by person.
    #[test]
    fn export_then_import_gives_the_same_pay(people in arb_roster(), zh in any::<bool>(), xlsx in any::<bool>()) {
        use paygrade_roster::export::{roster_export_csv, roster_export_xlsx, Lang};
        let policy = Policy::default().check().unwrap();
        let pay = compute_roster(&policy, &people, None).unwrap();
        let lang = if zh { Lang::Zh } else { Lang::En };
        let (bytes, name) = if xlsx {
            (roster_export_xlsx(&people, &pay, lang).unwrap(), "back.xlsx")
        } else {
            (roster_export_csv(&people, &pay, lang).unwrap().into_bytes(), "back.csv")
        };
        let back = parse_roster(&bytes, name, None).unwrap();
        let again = compute_roster(&policy, &back.employees, None).unwrap();
        let components = |p: &paygrade::RosterPay| -> Vec<(String, String)> {
            p.results.iter().map(|b| (b.id.clone(), format!("{:?} {}", b.components.to_array(), b.total))).collect()
        };
        prop_assert_eq!(components(&again), components(&pay));
    }

    /// Issue 15 item 9: the comparison export (CSV and XLSX, Chinese and English) read
    /// back gives the baseline's pay, person by person.
    #[test]
    fn comparison_export_then_import_gives_the_baseline_pay(people in arb_roster(), zh in any::<bool>(), xlsx in any::<bool>()) {
        use paygrade_roster::export::{comparison_export_csv, comparison_export_xlsx, Lang};
        let base = paygrade_team::HrPolicy::from_json(None).unwrap();
        let mut p = serde_json::to_value(Policy::default()).unwrap();
        p["performance"]["base"] = "1200.00".into();
        let prop = paygrade_team::HrPolicy::from_json(Some(&p)).unwrap();
        let (before, after) = paygrade_team::compare_pay(&base, &prop, &people, None).unwrap();
        let lang = if zh { Lang::Zh } else { Lang::En };
        let (bytes, name) = if xlsx {
            (comparison_export_xlsx(&people, &before, &after, lang).unwrap(), "back.xlsx")
        } else {
            (comparison_export_csv(&people, &before, &after, lang).unwrap().into_bytes(), "back.csv")
        };
        let back = parse_roster(&bytes, name, None).unwrap();
        let again = paygrade_team::roster_pay(&base, &back.employees, None, &mut |_, _| {}).unwrap();
        let components = |p: &paygrade::RosterPay| -> Vec<(String, String)> {
            p.results.iter().map(|b| (b.id.clone(), format!("{:?} {}", b.components.to_array(), b.total))).collect()
        };
        prop_assert_eq!(components(&again), components(&before));
    }
}
