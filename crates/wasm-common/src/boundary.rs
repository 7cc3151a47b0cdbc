//! Values across the boundary as JS values, no JSON text in between.
//!
//! **Out:** results are serialized by serde-wasm-bindgen with one serializer,
//! [`SERIALIZER`] (`json_compatible`: maps become plain objects, `None` becomes `null`, as
//! the JSON shape of SPEC §12), as biome's `to_value`. Amounts cross as strings (SPEC
//! §12). serde_json's `arbitrary_precision` writes a [`serde_json::Number`] inside a
//! `Value` as a private one-field struct, which would reach JS as
//! `{"$serde_json::private::Number": "…"}`; for the results that hold JSON values
//! ([`to_js_json`]) [`plain_numbers_at`] turns it into a JS number, as `JSON.parse` would.
//! (A serializer wrapping serde-wasm-bindgen's to do it on the way out costs every type
//! under it a second copy of its serializing code: +8 KB gzipped for the policy in the
//! first-load module, measured; this walk costs a few hundred bytes.)
//!
//! **In:** a JS value becomes a [`serde_json::Value`] — the shape the core's readers take
//! ([`paygrade::json::FromJson`]) — read directly over `js_sys` by [`from_js_object`], in
//! `JSON.stringify`'s terms: a JS number through its shortest decimal text (JS's own
//! `Number.prototype.toString`, the digits `JSON.stringify` writes), so a decimal amount
//! never passes through binary float arithmetic; a whole number up to 2^53 as an
//! integer; `NaN` and `±Infinity` as `null`; an `undefined`, function or symbol member
//! left out (in an array: `null`); keys in `Object.keys` order; nesting deeper than
//! [`MAX_JSON_DEPTH`] (or a cycle) refused before it is descended into. Measured, this
//! reader is 17 KB gzipped smaller in the first-load module than serde-wasm-bindgen's
//! `from_value` into a `Value` (its deserializer and the imports it needs), which did
//! not fit the 120 KB first-load budget. A JS string passed where a value is expected is
//! JSON text (the policy editor's text, a saved file) for the modules that take it
//! ([`from_js`]), read by [`paygrade::json`] with its line and column on a syntax error.

use paygrade::json::MAX_JSON_DEPTH;
use paygrade::{Error, ErrorKind};
use serde::Serialize;
use serde_json::{Map, Number, Value};
use wasm_bindgen::JsValue;

/// The one serializer of every facade's results (biome's `to_value` with one constant):
/// serde-wasm-bindgen's JSON-compatible settings.
pub const SERIALIZER: serde_wasm_bindgen::Serializer =
    serde_wasm_bindgen::Serializer::json_compatible();

/// A result that holds no [`serde_json::Value`] as a plain JS value, with [`SERIALIZER`].
///
/// # Errors
/// `internal` when serde-wasm-bindgen refuses a value (an integer beyond 2^53).
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> paygrade::Result<JsValue> {
    value.serialize(&SERIALIZER).map_err(internal)
}

/// A result that holds JSON values (a policy's `contributions` and `scorecard` blocks, a
/// comparison's policy diff) under `keys`: [`to_js`], then [`plain_numbers_at`] those
/// keys, so their numbers reach JS as numbers.
///
/// # Errors
/// As [`to_js`].
pub fn to_js_json<T: Serialize + ?Sized>(value: &T, keys: &[&str]) -> paygrade::Result<JsValue> {
    let js = to_js(value)?;
    plain_numbers_at(&js, keys);
    Ok(js)
}

fn internal(e: serde_wasm_bindgen::Error) -> Error {
    Error::new(ErrorKind::Internal(e.to_string()), "")
}

/// A JS value as a JSON value: `null`/`undefined` → `None`; a string is JSON text of at
/// most `limit` bytes; anything else goes through serde-wasm-bindgen (see the module doc).
///
/// # Errors
/// For text, those of [`paygrade::json::parse_with_limit`]; `invalid_json` nested deeper
/// than [`MAX_JSON_DEPTH`]; `invalid_value` for what JSON has no value for (a function,
/// a symbol, a BigInt beyond 64 bits).
pub fn from_js(value: &JsValue, limit: usize) -> paygrade::Result<Option<Value>> {
    if let Some(text) = value.as_string() {
        return paygrade::json::parse_with_limit(&text, limit).map(Some);
    }
    from_js_object(value)
}

/// As [`from_js`], without JSON text: a JS string is a JSON string value (the first-load
/// and charts modules, whose pages pass objects only, carry no JSON parser).
///
/// # Errors
/// `invalid_json` nested deeper than [`MAX_JSON_DEPTH`] (or cyclic); `internal` for a
/// BigInt (which `JSON.stringify` refuses too).
pub fn from_js_object(value: &JsValue) -> paygrade::Result<Option<Value>> {
    if value.is_null() || value.is_undefined() {
        return Ok(None);
    }
    read_js(value, 0).map(|v| v.or(Some(Value::Null)))
}

/// One JS value as JSON: `None` for what `JSON.stringify` leaves out (`undefined`, a
/// function, a symbol).
fn read_js(v: &JsValue, depth: usize) -> paygrade::Result<Option<Value>> {
    if v.is_null() {
        return Ok(Some(Value::Null));
    }
    if let Some(b) = v.as_bool() {
        return Ok(Some(Value::Bool(b)));
    }
    if let Some(f) = v.as_f64() {
        return Ok(Some(number_value(f)));
    }
    if let Some(s) = v.as_string() {
        return Ok(Some(Value::String(s)));
    }
    if v.is_bigint() {
        return Err(Error::new(ErrorKind::Internal("bigint".into()), ""));
    }
    if !v.is_object() {
        // undefined, a function, a symbol.
        return Ok(None);
    }
    if depth >= MAX_JSON_DEPTH {
        return Err(Error::new(
            ErrorKind::JsonDepth {
                max: MAX_JSON_DEPTH,
            },
            "",
        ));
    }
    if js_sys::Array::is_array(v) {
        let items = js_sys::Array::from(v)
            .iter()
            .map(|item| read_js(&item, depth + 1).map(|x| x.unwrap_or(Value::Null)))
            .collect::<paygrade::Result<Vec<_>>>()?;
        return Ok(Some(Value::Array(items)));
    }
    let mut object = Map::new();
    for key in js_sys::Object::keys(&js_sys::Object::from(v.clone())).iter() {
        let item = js_sys::Reflect::get(v, &key).unwrap_or(JsValue::UNDEFINED);
        if let (Some(name), Some(value)) = (key.as_string(), read_js(&item, depth + 1)?) {
            object.insert(name, value);
        }
    }
    Ok(Some(Value::Object(object)))
}

/// A JS number as JSON: a whole number within ±(2^53 − 1) as an integer, any other
/// finite number through its shortest text ([`float_value`]).
fn number_value(f: f64) -> Value {
    const SAFE: f64 = 9_007_199_254_740_991.0;
    if f.fract() == 0.0 && f.abs() <= SAFE {
        // Exact: a whole f64 within 2^53 converts to i64 without loss.
        return Value::Number((f as i64).into());
    }
    float_value(f)
}

/// A finite `f64` as a JSON number through its shortest round-trip decimal text — the
/// text JS itself writes for it (`String(v)`, what `JSON.stringify` writes: `0.1`,
/// `1500.05`, `1e+21`); `NaN` and infinities → `null`, as `JSON.stringify` writes them.
fn float_value(v: f64) -> Value {
    if !v.is_finite() {
        return Value::Null;
    }
    shortest_text(v)
        .parse::<Number>()
        .map_or(Value::Null, Value::Number)
}

/// The shortest decimal text that reads back as `v`: in the browser JS's own
/// `Number.prototype.toString` (no float formatting code in the module); natively (the
/// unit tests) Rust's `Display`, the same digits.
fn shortest_text(v: f64) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Number::from(v)
            .to_string_with_radix(10)
            .map(String::from)
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        format!("{v}")
    }
}

/// A JSON number's text as an `f64`, as `JSON.parse` reads it: in the browser JS's own
/// `parseFloat`; natively (the unit tests) Rust's `parse`.
fn float_of(text: &str) -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::parse_float(text)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        text.parse().unwrap_or(f64::NAN)
    }
}

/// The private struct name serde_json's `arbitrary_precision` serializes a `Number` as:
/// serde-wasm-bindgen writes it as a one-key object `{TOKEN: "text"}`.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// Turn every `{NUMBER_TOKEN: "text"}` object under `value`'s `keys` into the JS number
/// `JSON.parse` makes of the text, in place. The walk visits only those keys' subtrees —
/// the places a result holds JSON values (a policy's blocks, a comparison's diff) — so a
/// roster-sized result is not walked whole. Depth is bounded by the input's (at most
/// [`MAX_JSON_DEPTH`]) plus the result's own few levels.
pub fn plain_numbers_at(value: &JsValue, keys: &[&str]) {
    for key in keys {
        let key = JsValue::from_str(key);
        if let Ok(v) = js_sys::Reflect::get(value, &key) {
            if let Some(n) = token_number(&v) {
                let _ = js_sys::Reflect::set(value, &key, &n);
            } else {
                plain_numbers(&v, 0);
            }
        }
    }
}

/// The number a token object stands for, if `v` is one.
fn token_number(v: &JsValue) -> Option<JsValue> {
    if !v.is_object() {
        return None;
    }
    let text = js_sys::Reflect::get(v, &JsValue::from_str(NUMBER_TOKEN))
        .ok()?
        .as_string()?;
    Some(JsValue::from_f64(float_of(&text)))
}

fn plain_numbers(v: &JsValue, depth: usize) {
    if !v.is_object() || depth > MAX_JSON_DEPTH + 8 {
        return;
    }
    let keys: js_sys::Array = if js_sys::Array::is_array(v) {
        js_sys::Array::from(v)
            .keys()
            .into_iter()
            .flatten()
            .collect()
    } else {
        js_sys::Object::keys(&js_sys::Object::from(v.clone()))
    };
    for key in keys.iter() {
        let Ok(item) = js_sys::Reflect::get(v, &key) else {
            continue;
        };
        match token_number(&item) {
            Some(n) => {
                let _ = js_sys::Reflect::set(v, &key, &n);
            }
            None => plain_numbers(&item, depth + 1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_read_through_their_shortest_text() {
        assert_eq!(number_value(12.0).to_string(), "12");
        assert_eq!(number_value(-0.0).to_string(), "0");
        assert_eq!(
            number_value(9_007_199_254_740_992.0).to_string(),
            "9007199254740992"
        );
        assert_eq!(float_value(0.1).to_string(), "0.1");
        assert_eq!(float_value(1500.05).to_string(), "1500.05");
        assert_eq!(float_value(-2.5).to_string(), "-2.5");
        assert_eq!(float_value(f64::NAN), Value::Null);
        assert_eq!(float_value(f64::INFINITY), Value::Null);
    }
}
