//! The wasm facade: stateless free functions, each decode → call core → encode.
//!
//! Values cross as plain JS objects in the same JSON shape as the CLI (money as
//! strings). Inputs are turned into JSON text with `JSON.stringify` (so a JS number's
//! own shortest text is what the core reads, exactly), results come back through
//! `JSON.parse`. Errors are thrown as JS `Error` objects with `code`, `path`,
//! `message` (中文 / English), `message_zh` and `message_en`. Nothing is kept between
//! calls, so an error cannot leave the module in a broken state.

use crate::api;
use js_sys::{Reflect, JSON};
use wasm_bindgen::prelude::*;

fn js_error(e: &crate::Error) -> JsValue {
    let err = js_sys::Error::new(&e.message());
    let obj: &JsValue = err.as_ref();
    for (key, value) in [
        ("code", e.code().to_string()),
        ("path", e.path.clone()),
        ("message_zh", e.kind.message_zh()),
        ("message_en", e.kind.to_string()),
    ] {
        // Setting a property on a fresh Error object cannot fail; ignore the Result.
        let _ = Reflect::set(obj, &JsValue::from_str(key), &JsValue::from_str(&value));
    }
    err.into()
}

/// A JS value as JSON text: `null`/`undefined` → `None`, a string is taken as JSON text.
fn text(value: &JsValue) -> Result<Option<String>, JsValue> {
    if value.is_null() || value.is_undefined() {
        return Ok(None);
    }
    if let Some(s) = value.as_string() {
        return Ok(Some(s));
    }
    let s = JSON::stringify(value)?;
    Ok(s.as_string())
}

fn required(value: &JsValue, what: &str) -> Result<String, JsValue> {
    text(value)?.ok_or_else(|| {
        js_error(&crate::Error::new(
            crate::ErrorKind::MissingField(what.to_string()),
            what,
        ))
    })
}

fn encode<T: serde::Serialize>(result: crate::Result<T>) -> Result<JsValue, JsValue> {
    match result.and_then(|value| crate::json::to_json(&value)) {
        Ok(json) => JSON::parse(&json),
        Err(e) => Err(js_error(&e)),
    }
}

/// The default policy (SPEC §12) as a plain object — the page starts from real defaults.
#[wasm_bindgen(js_name = defaultPolicy)]
pub fn default_policy() -> Result<JsValue, JsValue> {
    encode(Ok(crate::Policy::default()))
}

/// Check a policy object (or JSON text); returns it normalized, or throws `{code, path, message}`.
#[wasm_bindgen(js_name = validatePolicy)]
pub fn validate_policy(policy: JsValue) -> Result<JsValue, JsValue> {
    let policy = required(&policy, "policy")?;
    encode(api::policy_from(Some(&policy)).map(|p| p.policy().clone()))
}

/// One person's breakdown (SPEC §12). `policy` null/undefined = the default policy;
/// `asOf` is the pay date `YYYY-MM-DD` (needed with `post_start`).
#[wasm_bindgen(js_name = computePay)]
pub fn compute_pay(
    policy: JsValue,
    employee: JsValue,
    as_of: Option<String>,
) -> Result<JsValue, JsValue> {
    let policy = text(&policy)?;
    let employee = required(&employee, "employee")?;
    encode(api::compute_pay_json(
        policy.as_deref(),
        &employee,
        as_of.as_deref(),
    ))
}

/// Today's breakdown and the what-ifs: `{current, band_up, level_up, next_seniority, next_rating}`.
#[wasm_bindgen(js_name = computeWhatIfs)]
pub fn compute_what_ifs(
    policy: JsValue,
    employee: JsValue,
    as_of: Option<String>,
) -> Result<JsValue, JsValue> {
    let policy = text(&policy)?;
    let employee = required(&employee, "employee")?;
    encode(api::what_ifs_json(
        policy.as_deref(),
        &employee,
        as_of.as_deref(),
    ))
}
