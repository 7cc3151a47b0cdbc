//! What the wasm facades share: values across the boundary and errors as JS objects.
//!
//! Values cross as plain JS objects in the CLI's JSON shape (money as strings). Inputs
//! become JSON text with `JSON.stringify` (so a JS number's own shortest text is what
//! the core reads, exactly — never a binary float), results come back through
//! `JSON.parse`. Errors are thrown as JS `Error` objects with `code`, `path`, `message`
//! (中文 / English), `message_zh` and `message_en`. No facade keeps state between calls
//! unless it says so.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]
#![warn(missing_docs)]

use js_sys::{Reflect, JSON};
use wasm_bindgen::JsValue;

/// A Paygrade error as a JS `Error` with `code`, `path`, `message_zh` and `message_en`.
pub fn js_error(e: &paygrade::Error) -> JsValue {
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
///
/// # Errors
/// What `JSON.stringify` throws (a cyclic object, a BigInt).
pub fn text(value: &JsValue) -> Result<Option<String>, JsValue> {
    if value.is_null() || value.is_undefined() {
        return Ok(None);
    }
    if let Some(s) = value.as_string() {
        return Ok(Some(s));
    }
    let s = JSON::stringify(value)?;
    Ok(s.as_string())
}

/// As [`text`], for an argument that must be given.
///
/// # Errors
/// A JS error `missing_field` at `what` for `null`/`undefined`; those of [`text`].
pub fn required(value: &JsValue, what: &str) -> Result<String, JsValue> {
    text(value)?.ok_or_else(|| {
        js_error(&paygrade::Error::new(
            paygrade::ErrorKind::MissingField(what.to_string()),
            what,
        ))
    })
}

/// A result as a plain JS value (through its JSON text), or its error as a JS error.
///
/// # Errors
/// The result's error, as [`js_error`].
pub fn encode<T: serde::Serialize>(result: paygrade::Result<T>) -> Result<JsValue, JsValue> {
    match result.and_then(|value| paygrade::json::to_json(&value)) {
        Ok(json) => JSON::parse(&json),
        Err(e) => Err(js_error(&e)),
    }
}

/// A progress callback for the core: calls the JS function `f(done, total)`, if any
/// (its result and any exception are ignored: progress is only shown).
pub fn reporter(f: Option<js_sys::Function>) -> impl FnMut(usize, usize) {
    move |done, total| {
        if let Some(f) = &f {
            let _ = f.call2(
                &JsValue::NULL,
                &JsValue::from(done as f64),
                &JsValue::from(total as f64),
            );
        }
    }
}
