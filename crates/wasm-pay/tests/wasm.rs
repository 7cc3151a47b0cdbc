//! The first-load module's facade, run on wasm32 under Node with wasm-bindgen-test
//! (`make test-wasm`). On native targets this file compiles to nothing.
#![cfg(target_arch = "wasm32")]

use js_sys::{Reflect, JSON};
use paygrade_wasm_pay::{compute_pay, compute_what_ifs, default_policy};
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
fn default_policy_is_the_spec_default() {
    let p = default_policy().unwrap();
    assert_eq!(s(&p, &["format"]), "paygrade-policy/1");
    assert_eq!(s(&p, &["seniority", "mode"]), "flat");
    assert_eq!(s(&p, &["rounding", "mode"]), "half_up");
}

#[wasm_bindgen_test]
fn compute_pay_example_1() {
    let b = compute_pay(JsValue::NULL, obj(EXAMPLE_1), None).unwrap();
    assert_eq!(s(&b, &["total"]), "3872.00");
    assert_eq!(s(&b, &["components", "seniority"]), "72.00");
    // The explanation is facts: the rule and the numbers it used.
    assert_eq!(s(&b, &["explain", "performance", "rule"]), "fixed_base");
    assert_eq!(
        [
            s(&b, &["explain", "performance", "base"]),
            s(&b, &["explain", "performance", "coefficient"]),
            s(&b, &["explain", "performance", "factor"]),
            s(&b, &["explain", "performance", "value"]),
        ],
        ["1000.00", "1.50", "1.00", "1500.00"]
    );
    assert_eq!(s(&b, &["composite_score"]), "88.65");
}

#[wasm_bindgen_test]
fn what_ifs_example_1() {
    let w = compute_what_ifs(
        default_policy().unwrap(),
        obj(EXAMPLE_1),
        Some("2026-11-30".into()),
    )
    .unwrap();
    assert_eq!(s(&w, &["band_up", "total"]), "3972.00");
    assert_eq!(s(&w, &["level_up", "total"]), "4572.00");
    assert_eq!(s(&w, &["next_seniority", "total"]), "3928.00");
    assert_eq!(s(&w, &["next_rating", "composite_needed"]), "90.00");
}

#[wasm_bindgen_test]
fn errors_are_js_errors_with_code_and_path_and_the_module_keeps_working() {
    let bad = EXAMPLE_1.replace("\"85\"", "\"150\"");
    let err = compute_pay(JsValue::NULL, obj(&bad), None).unwrap_err();
    assert!(err.is_instance_of::<js_sys::Error>());
    assert_eq!(s(&err, &["code"]), "score_range");
    assert_eq!(s(&err, &["path"]), "scores.supplier");
    // The first-load module sends facts only (the page words them): code, place, params.
    assert_eq!(s(&err, &["loc"]), "scores.supplier");
    assert_eq!(s(&err, &["params", "value"]), "150");
    assert!(get(&err, &["message_zh"]).is_undefined());
    assert_eq!(js_sys::Array::from(&get(&err, &["problems"])).length(), 1);
    let err = compute_pay(JsValue::NULL, JsValue::UNDEFINED, None).unwrap_err();
    assert_eq!(s(&err, &["code"]), "missing_field");
    // The first-load module carries no JSON parser: its page passes objects, and a string
    // where the policy object belongs is a value of the wrong type, not JSON text.
    let err = compute_pay(JsValue::from_str("{not json"), obj(EXAMPLE_1), None).unwrap_err();
    assert_eq!(s(&err, &["code"]), "invalid_value");
    assert_eq!(s(&err, &["params", "expected"]), "object");
    // The module is stateless: the next call works.
    let b = compute_pay(JsValue::NULL, obj(EXAMPLE_1), None).unwrap();
    assert_eq!(s(&b, &["total"]), "3872.00");
}

/// Values cross with serde-wasm-bindgen, no JSON text: a JS number is read through its
/// shortest decimal text (what `JSON.stringify` writes), so `88.65` is 88.65 exactly and
/// `60.1 + 0.2` is the 60.300000000000004 JS holds, never a rounded binary float. (A
/// score of at most 1, such as `0.1 + 0.2`, is refused as a fraction: `score_fraction`.)
#[wasm_bindgen_test]
fn js_numbers_are_read_through_their_shortest_text() {
    let e = obj(r#"{ "id": "E001", "level": "intermediate", "band": "B",
      "employment": "contract", "years_in_post": 12, "rural": true, "composite_score": 88.65 }"#);
    let b = compute_pay(JsValue::NULL, e.clone(), None).unwrap();
    assert_eq!(s(&b, &["composite_score"]), "88.65");
    assert_eq!(s(&b, &["total"]), "3872.00");
    // A partial month from JS numbers: 21.75 standard days, 10.875 paid.
    let _ = Reflect::set(&e, &"paid_days".into(), &JsValue::from_f64(10.875));
    let b = compute_pay(JsValue::NULL, e.clone(), None).unwrap();
    assert_eq!(s(&b, &["paid_days"]), "10.875");
    assert_eq!(s(&b, &["total"]), "1936.00");
    let _ = Reflect::set(
        &e,
        &"composite_score".into(),
        &JsValue::from_f64(60.1 + 0.2),
    );
    let b = compute_pay(JsValue::NULL, e.clone(), None).unwrap();
    assert_eq!(s(&b, &["composite_score"]), "60.300000000000004");
    let _ = Reflect::set(&e, &"composite_score".into(), &JsValue::from_f64(0.1 + 0.2));
    let err = compute_pay(JsValue::NULL, e, None).unwrap_err();
    assert_eq!(s(&err, &["code"]), "score_fraction");
    assert_eq!(s(&err, &["params", "value"]), "0.30000000000000004");
}

/// Input nested deeper than the JSON limit is refused before it is descended into.
#[wasm_bindgen_test]
fn deep_input_is_refused_not_a_crash() {
    let deep = format!(
        r#"{{"id":"E","level":"junior","band":"C","employment":"regular","years_in_post":1,"x":{}1{}}}"#,
        "[".repeat(3000),
        "]".repeat(3000)
    );
    let err = compute_pay(JsValue::NULL, obj(&deep), None).unwrap_err();
    assert_eq!(s(&err, &["code"]), "invalid_json");
    assert_eq!(s(&err, &["params", "max"]), "64");
    // The module keeps working.
    let b = compute_pay(JsValue::NULL, obj(EXAMPLE_1), None).unwrap();
    assert_eq!(s(&b, &["total"]), "3872.00");
}

/// The first-load module's default policy crosses without the number walk: it has no
/// `contributions` or `scorecard` block (their keys are absent or null).
#[wasm_bindgen_test]
fn the_default_policy_holds_no_json_block() {
    let p = default_policy().unwrap();
    for key in ["contributions", "scorecard"] {
        let v = get(&p, &[key]);
        assert!(v.is_null() || v.is_undefined(), "{key}: {v:?}");
    }
    // Whole numbers are plain JS numbers.
    assert_eq!(get(&p, &["rounding", "scale"]).as_f64(), Some(2.0));
}

#[wasm_bindgen_test]
fn a_calculator_keeps_its_policy_and_answers_as_the_free_functions() {
    use paygrade_wasm_pay::Calculator;
    let calc = Calculator::new(JsValue::NULL).unwrap();
    let kept = calc.compute_pay(obj(EXAMPLE_1), None).unwrap();
    let free = compute_pay(JsValue::NULL, obj(EXAMPLE_1), None).unwrap();
    assert_eq!(
        JSON::stringify(&kept).unwrap(),
        JSON::stringify(&free).unwrap()
    );
    assert_eq!(s(&kept, &["total"]), "3872.00");
    // Again with the same calculator: the policy is kept, not consumed.
    assert_eq!(
        s(&calc.compute_pay(obj(EXAMPLE_1), None).unwrap(), &["total"]),
        "3872.00"
    );
    let w = calc.compute_what_ifs(obj(EXAMPLE_1), None).unwrap();
    let free_w = compute_what_ifs(JsValue::NULL, obj(EXAMPLE_1), None).unwrap();
    assert_eq!(
        JSON::stringify(&w).unwrap(),
        JSON::stringify(&free_w).unwrap()
    );
    // A policy of its own: intermediate-A's coefficient 1.50 → 1.60 pays 100.00 more.
    let policy = default_policy().unwrap();
    let a = get(&get(&policy, &["ladder"]), &["2", "bands", "2"]);
    Reflect::set(
        &a,
        &JsValue::from_str("coefficient"),
        &JsValue::from_str("1.60"),
    )
    .unwrap();
    let own = Calculator::new(policy).unwrap();
    assert_eq!(
        s(&own.compute_pay(obj(EXAMPLE_1), None).unwrap(), &["total"]),
        "3972.00"
    );
    // A bad policy is refused when the calculator is made, with its facts.
    let bad = default_policy().unwrap();
    Reflect::set(&bad, &JsValue::from_str("format"), &JsValue::from_str("x")).unwrap();
    let err = Calculator::new(bad).err().unwrap();
    assert_eq!(s(&err, &["path"]), "format");
}
