//! The team page module's facade, run on wasm32 under Node with wasm-bindgen-test
//! (`make test-wasm`). On native targets this file compiles to nothing.
#![cfg(target_arch = "wasm32")]

use js_sys::{Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const EXAMPLE_1: &str = r#"{ "id": "E001", "level": "intermediate", "band": "B",
  "employment": "contract", "years_in_post": 12, "rural": true,
  "scores": { "business": 92, "customer_satisfaction": "88", "supplier": "85",
              "self": "95", "marketing_audit": "80" } }"#;

fn obj(json: &str) -> JsValue {
    JSON::parse(json).unwrap()
}

fn get(v: &JsValue, path: &[&str]) -> JsValue {
    path.iter().fold(v.clone(), |v, k| {
        Reflect::get(&v, &JsValue::from_str(k)).unwrap()
    })
}

fn s(v: &JsValue, path: &[&str]) -> String {
    get(v, path)
        .as_string()
        .unwrap_or_else(|| format!("{:?}", get(v, path)))
}

#[wasm_bindgen_test]
fn roster_calls() {
    use paygrade_wasm_hr::{
        assign_grades, check_quotas, compute_roster, parse_roster, sample_roster,
    };
    let sample = sample_roster().unwrap();
    let employees = get(&sample, &["employees"]);
    assert_eq!(js_sys::Array::from(&employees).length(), 71);
    let q = check_quotas(JsValue::NULL, employees.clone()).unwrap();
    assert_eq!(s(&q, &["compliant"]), "JsValue(false)");
    let levels = js_sys::Array::from(&get(&q, &["levels"]));
    let intermediate = levels.get(1);
    assert_eq!(s(&intermediate, &["level"]), "intermediate");
    assert_eq!(get(&intermediate, &["over"]).as_f64(), Some(1.0));
    let pay = compute_roster(JsValue::NULL, employees.clone(), Some("2026-11-30".into())).unwrap();
    assert_eq!(get(&pay, &["totals", "headcount"]).as_f64(), Some(71.0));
    let gbk: &[u8] = &[
        0xB9, 0xA4, 0xBA, 0xC5, 0x2C, 0xB5, 0xC8, 0xBC, 0xB6, 0x0A, 0x41, 0x31, 0x2C, 0xD6, 0xD0,
        0xBC, 0xB6, 0x0A,
    ];
    // 工号,等级 / A1,中级 — the 用工性质 column is missing: an error naming the header row.
    let err = parse_roster(gbk, "t.csv", None, None).unwrap_err();
    assert_eq!(
        (
            s(&err, &["code"]),
            get(&err, &["loc", "row"]).as_f64(),
            s(&err, &["params", "field"])
        ),
        (
            "missing_field".to_string(),
            Some(1.0),
            "employment".to_string()
        )
    );
    // This module words its errors in both languages.
    assert_eq!(
        (s(&err, &["place_zh"]), s(&err, &["message_zh"])),
        ("第 1 行".to_string(), "缺少“用工性质”".to_string())
    );
    assert_eq!(s(&err, &["message_en"]), "missing field `employment`");
    let a = assign_grades(JsValue::NULL, employees.clone(), Some("2026-11-30".into())).unwrap();
    assert_eq!(get(&a, &["seats", "intermediate"]).as_f64(), Some(35.0));

    // Progress: the callback hears (done, total) as both policies pay the 71 people.
    let calls = js_sys::Array::new();
    let record = js_sys::Function::new_with_args("d, t", "this.push([d, t]);");
    let on_progress = record.bind0(&calls);
    let policy = paygrade_wasm_hr::default_policy().unwrap();
    let c = paygrade_wasm_hr::compare_scenarios(
        JsValue::NULL,
        policy,
        employees,
        Some("2026-11-30".into()),
        Some(on_progress),
    )
    .unwrap();
    assert_eq!(get(&c, &["counts", "same"]).as_f64(), Some(71.0));
    let seen: Vec<String> = calls
        .iter()
        .map(|x| format!("{:?}", js_sys::Array::from(&x).to_vec()))
        .collect();
    assert_eq!(
        seen,
        [
            "[JsValue(0), JsValue(142)]",
            "[JsValue(71), JsValue(142)]",
            "[JsValue(71), JsValue(142)]",
            "[JsValue(142), JsValue(142)]"
        ]
    );
}

#[wasm_bindgen_test]
fn validate_policy_reports_the_field() {
    let mut p = JSON::stringify(&paygrade_wasm_hr::default_policy().unwrap())
        .unwrap()
        .as_string()
        .unwrap();
    p = p.replace("\"0.40\"", "\"0.45\"");
    let err = paygrade_wasm_hr::validate_policy(obj(&p)).unwrap_err();
    assert_eq!(s(&err, &["code"]), "weights_sum");
    assert_eq!(s(&err, &["path"]), "evaluation.weights");
    let ok =
        paygrade_wasm_hr::validate_policy(paygrade_wasm_hr::default_policy().unwrap()).unwrap();
    assert_eq!(s(&ok, &["ladder"]).is_empty(), false);
}

#[wasm_bindgen_test]
fn forged_workbooks_in_the_worker() {
    // The same guard runs in the browser worker: xlwt's .xls whose DIMENSIONS declare
    // 4,294,967,295 × 256 cells reads as its cells say (calamine alone would abort the
    // module), and 6,001 × 16,384 repeated ODS cells are refused before any is laid out.
    use paygrade_wasm_hr::parse_roster;
    let xls = include_bytes!("../../../tests/fixtures/office/xlwt_forged_dimensions.xls");
    let r = parse_roster(xls, "f.xls", None, None).unwrap();
    assert_eq!(js_sys::Array::from(&get(&r, &["employees"])).length(), 4);
    assert_eq!(s(&r, &["employees", "0", "id"]), "KM001");
    let ods = include_bytes!("../../../tests/fixtures/office/forged_repeat.ods");
    let err = parse_roster(ods, "f.ods", None, None).unwrap_err();
    assert_eq!(
        (
            s(&err, &["code"]),
            s(&err, &["params", "what"]),
            s(&err, &["params", "size"]),
            s(&err, &["params", "limit"])
        ),
        (
            "too_large".to_string(),
            "cells".to_string(),
            "98320384".to_string(),
            paygrade_roster::MAX_CELLS.to_string()
        )
    );
}

/// JSON values a result holds (a policy's blocks, a comparison's diff) reach JS as plain
/// numbers, not serde_json's private number struct.
#[wasm_bindgen_test]
fn json_values_in_results_are_plain_numbers() {
    let policy = paygrade_wasm_hr::default_policy().unwrap();
    let card = obj(r#"{"name": "t", "indicators": [
        {"id": "deposits", "name_zh": "存款", "name_en": "Deposits", "weight": 0.6, "unit": "yuan",
         "direction": "higher_is_better", "cap": 1.2, "floor": 0.5},
        {"id": "loans", "name_zh": "贷款", "name_en": "Loans", "weight": 0.4, "unit": "yuan",
         "direction": "higher_is_better", "cap": 1.2, "floor": 0.5}]}"#);
    let _ = Reflect::set(&policy, &"scorecard".into(), &card);
    let ok = paygrade_wasm_hr::validate_policy(policy).unwrap();
    let first = js_sys::Array::from(&get(&ok, &["scorecard", "indicators"])).get(0);
    assert_eq!(get(&first, &["weight"]).as_f64(), Some(0.6));
    assert_eq!(get(&first, &["cap"]).as_f64(), Some(1.2));
    assert_eq!(s(&first, &["unit"]), "yuan");

    let sample = paygrade_wasm_hr::sample_roster().unwrap();
    let employees = get(&sample, &["employees"]);
    let proposal = paygrade_wasm_hr::default_policy().unwrap();
    let _ = Reflect::set(
        &get(&proposal, &["seniority"]),
        &"min_years".into(),
        &JsValue::from_f64(4.0),
    );
    let c = paygrade_wasm_hr::compare_scenarios(JsValue::NULL, proposal, employees, None, None)
        .unwrap();
    let diff = js_sys::Array::from(&get(&c, &["policy_diff"]));
    assert_eq!(diff.length(), 1);
    let d = diff.get(0);
    assert_eq!(
        JSON::stringify(&get(&d, &["path"]))
            .unwrap()
            .as_string()
            .unwrap(),
        r#"["seniority","min_years"]"#
    );
    assert_eq!(get(&d, &["baseline"]).as_f64(), Some(3.0));
    assert_eq!(get(&d, &["proposal"]).as_f64(), Some(4.0));
}

/// The team page's workspace keeps the roster it read: every call on it gives what the
/// free function gives with the employees passed in, a workbook's other sheet is read
/// from the kept bytes, and nothing is computed before a roster is loaded.
#[wasm_bindgen_test]
fn the_workspace_keeps_the_roster_and_answers_as_the_free_functions() {
    use paygrade_wasm_hr as hr;
    let text = |v: &JsValue| JSON::stringify(v).unwrap().as_string().unwrap();
    let date = || Some("2026-11-30".to_string());
    let mut ws = hr::Workspace::new();
    let err = ws.compute_roster(JsValue::NULL, date()).unwrap_err();
    assert_eq!(s(&err, &["code"]), "no_rows");
    let err = ws.load_sheet("12月".into(), None).unwrap_err();
    assert_eq!(s(&err, &["code"]), "no_rows");

    // A load answers a summary: the people stay in the workspace.
    let summary = ws.load_sample().unwrap();
    assert_eq!(ws.size(), 71);
    assert_eq!(get(&summary, &["size"]).as_f64(), Some(71.0));
    assert_eq!(get(&summary, &["header_row"]).as_f64(), Some(1.0));
    assert!(get(&summary, &["employees"]).is_undefined());
    let employees = get(&hr::sample_roster().unwrap(), &["employees"]);
    assert_eq!(text(&ws.employees().unwrap()), text(&employees));
    assert_eq!(
        text(&ws.compute_roster(JsValue::NULL, date()).unwrap()),
        text(&hr::compute_roster(JsValue::NULL, employees.clone(), date()).unwrap())
    );
    assert_eq!(
        text(&ws.check_quotas(JsValue::NULL).unwrap()),
        text(&hr::check_quotas(JsValue::NULL, employees.clone()).unwrap())
    );
    assert_eq!(
        text(&ws.assign_grades(JsValue::NULL, date()).unwrap()),
        text(&hr::assign_grades(JsValue::NULL, employees.clone(), date()).unwrap())
    );
    let proposal = hr::default_policy().unwrap();
    let _ = Reflect::set(
        &get(&proposal, &["seniority"]),
        &"min_years".into(),
        &JsValue::from_f64(4.0),
    );
    let kept = ws
        .compare_scenarios(JsValue::NULL, proposal.clone(), date(), None)
        .unwrap();
    assert_eq!(
        text(&kept),
        text(
            &hr::compare_scenarios(
                JsValue::NULL,
                proposal.clone(),
                employees.clone(),
                date(),
                None
            )
            .unwrap()
        )
    );
    assert_eq!(
        ws.export_comparison_csv(JsValue::NULL, proposal.clone(), date(), Some("zh".into()))
            .unwrap(),
        hr::export_comparison_csv(
            JsValue::NULL,
            proposal.clone(),
            employees.clone(),
            date(),
            Some("zh".into())
        )
        .unwrap()
    );
    assert_eq!(
        ws.export_roster_csv(JsValue::NULL, date(), None).unwrap(),
        hr::export_roster_csv(JsValue::NULL, employees.clone(), date(), None).unwrap()
    );
    for lang in [None, Some("zh".to_string())] {
        assert_eq!(
            ws.export_projection_csv(
                JsValue::NULL,
                proposal.clone(),
                date(),
                2,
                false,
                lang.clone()
            )
            .unwrap(),
            hr::export_projection_csv(
                JsValue::NULL,
                proposal.clone(),
                employees.clone(),
                date(),
                2,
                false,
                lang
            )
            .unwrap()
        );
    }

    // A workbook of two sheets: November's read first, December's from the kept bytes; a
    // sheet that is not there leaves December's roster in use.
    let book = include_bytes!("../../../tests/fixtures/public_bugs/i15_two_sheets.xlsx");
    let first = ws.load_bytes(book.to_vec(), "x.xlsx", None, None).unwrap();
    assert_eq!(s(&first, &["sheet"]), "11月");
    let total = |ws: &hr::Workspace| {
        s(
            &ws.compute_roster(JsValue::NULL, date()).unwrap(),
            &["totals", "total"],
        )
    };
    assert_eq!(total(&ws), "6624.00");
    ws.load_sheet("12月".into(), None).unwrap();
    assert_eq!(total(&ws), "12088.00");
    let err = ws.load_sheet("1月".into(), None).unwrap_err();
    assert_eq!(s(&err, &["code"]), "invalid_value");
    assert_eq!(total(&ws), "12088.00");

    // Saved employees come back as the same roster.
    ws.load_employees(employees.clone()).unwrap();
    assert_eq!(ws.size(), 71);
    let dup = js_sys::Array::of2(
        &js_sys::Array::from(&employees).get(0),
        &js_sys::Array::from(&employees).get(0),
    );
    let err = ws.load_employees(dup.into()).unwrap_err();
    assert_eq!(s(&err, &["code"]), "duplicate_id");
    assert_eq!(ws.size(), 71);
}

/// The team page's one call and its pages: `run` gives the comparison's totals, counts
/// and policy differences, the quota report and the assignment as the free functions do,
/// with the first page of people; pages, explanations, payslips and the charts' data come
/// from the kept results; an error about a person names them.
#[wasm_bindgen_test]
fn the_workspace_runs_once_and_answers_pages() {
    use paygrade_wasm_hr as hr;
    let text = |v: &JsValue| JSON::stringify(v).unwrap().as_string().unwrap();
    let date = || Some("2026-11-30".to_string());
    let mut ws = hr::Workspace::new();
    ws.load_sample().unwrap();
    let err = ws.people_page(JsValue::NULL).unwrap_err();
    assert_eq!(s(&err, &["code"]), "no_rows");
    let employees = get(&hr::sample_roster().unwrap(), &["employees"]);
    let proposal = hr::default_policy().unwrap();
    let band = get(&proposal, &["ladder", "2", "bands", "1"]);
    let _ = Reflect::set(&band, &"coefficient".into(), &"1.50".into());

    let calls = js_sys::Array::new();
    let record = js_sys::Function::new_with_args("d, t", "this.push([d, t]);");
    let run = ws
        .run(
            JsValue::NULL,
            proposal.clone(),
            date(),
            obj(r#"{"limit": 3}"#),
            Some(record.bind0(&calls)),
        )
        .unwrap();
    assert_eq!(text(&calls.at(-1)), "[142,142]");
    let whole = hr::compare_scenarios(
        JsValue::NULL,
        proposal.clone(),
        employees.clone(),
        date(),
        None,
    )
    .unwrap();
    for key in [
        "baseline_hash",
        "proposal_hash",
        "totals",
        "by_level",
        "counts",
        "policy_diff",
    ] {
        assert_eq!(
            text(&get(&run, &[key])),
            text(&get(&whole, &[key])),
            "{key}"
        );
    }
    // SPEC §11-style check by hand: ten people paid at intermediate-B's coefficient, nine
    // with factor 1.00 and one 0.90: 1000.00 × 0.10 × 9.90 = 990.00 a month.
    assert_eq!(s(&run, &["totals", "difference", "total"]), "990.00");
    assert_eq!(
        text(&get(&run, &["levels"])),
        r#"["senior","intermediate","junior","trainee"]"#
    );
    assert_eq!(
        text(&get(&run, &["quota"])),
        text(&hr::check_quotas(JsValue::NULL, employees.clone()).unwrap())
    );
    let assigned = hr::assign_grades(JsValue::NULL, employees.clone(), date()).unwrap();
    assert_eq!(
        text(&get(&run, &["assignment", "results"])),
        text(&get(&assigned, &["results"]))
    );
    assert_eq!(get(&run, &["assignment", "total"]).as_f64(), Some(71.0));
    // The first page: three rows, the largest difference first.
    let people = get(&run, &["people"]);
    assert_eq!(get(&people, &["matching"]).as_f64(), Some(71.0));
    let rows = js_sys::Array::from(&get(&people, &["rows"]));
    assert_eq!(rows.length(), 3);
    assert_eq!(s(&rows.get(0), &["difference"]), "100.00");
    assert!(get(&run, &["people", "rows", "0", "explain"]).is_undefined());

    // Pages from the kept results: the intermediate level by id, descending; a search.
    let page = ws
        .people_page(obj(
            r#"{"level": "intermediate", "sort": "id", "dir": "desc", "limit": 2, "offset": 2}"#,
        ))
        .unwrap();
    assert_eq!(get(&page, &["matching"]).as_f64(), Some(36.0));
    assert_eq!(get(&page, &["offset"]).as_f64(), Some(2.0));
    let first = js_sys::Array::from(&get(&page, &["rows"])).get(0);
    assert!(s(&first, &["grade"]).starts_with("intermediate"));
    let found = ws.people_page(obj(r#"{"search": "km00"}"#)).unwrap();
    assert_eq!(get(&found, &["matching"]).as_f64(), Some(9.0));
    let err = ws.people_page(obj(r#"{"sort": "salary"}"#)).unwrap_err();
    assert_eq!(
        (s(&err, &["code"]), s(&err, &["path"])),
        ("unknown_mode".into(), "sort".into())
    );
    let tail = ws.assignment_page(obj(r#"{"offset": 70}"#)).unwrap();
    assert_eq!(js_sys::Array::from(&get(&tail, &["results"])).length(), 1);

    // Explanations, payslips and the charts' data: as the free functions give them.
    let paid = hr::compute_roster(proposal.clone(), employees.clone(), date()).unwrap();
    let results = js_sys::Array::from(&get(&paid, &["results"]));
    assert_eq!(text(&ws.explain("KM001").unwrap()), text(&results.get(0)));
    assert!(ws.explain("nobody").unwrap().is_null());
    assert_eq!(
        text(&ws.breakdowns().unwrap()),
        text(&get(&paid, &["results"]))
    );
    assert_eq!(text(&ws.chart_data().unwrap()), text(&whole));

    // A proposal that cannot pay the trainees: within `proposal`, the person named.
    let bad = hr::default_policy().unwrap();
    let trainee = get(&bad, &["ladder", "0"]);
    let _ = Reflect::delete_property(
        trainee.unchecked_ref::<js_sys::Object>(),
        &"coefficient".into(),
    );
    let _ = Reflect::set(
        &trainee,
        &"bands".into(),
        &obj(r#"[{"band": "A", "coefficient": "1.00"}]"#),
    );
    let err = ws
        .run(JsValue::NULL, bad, date(), JsValue::NULL, None)
        .unwrap_err();
    assert!(s(&err, &["path"]).starts_with("proposal.employees["));
    let index = get(&err, &["employee"]).as_f64().unwrap() as usize;
    // Placed in the file as read: the person's row and the band column's own header.
    assert_eq!(
        (
            get(&err, &["loc", "row"]).as_f64(),
            s(&err, &["loc", "column"]),
            s(&err, &["code"])
        ),
        (
            Some(index as f64 + 2.0),
            "档次".to_string(),
            "unknown_band".to_string()
        )
    );
    let who = ws.person(index).unwrap();
    assert!(s(&who, &["id"]).starts_with("KM"));
    assert_eq!(get(&who, &["row"]).as_f64(), Some(index as f64 + 2.0));
    assert!(ws.person(1000).unwrap().is_undefined());
    // The last good results stay.
    assert_eq!(text(&ws.chart_data().unwrap()), text(&whole));
    // A new roster drops them.
    ws.load_sample().unwrap();
    assert_eq!(s(&ws.explain("KM001").unwrap_err(), &["code"]), "no_rows");
}
