//! JSON in and out: exact decimals, lenient numbers, and errors that carry a field path.
//!
//! Input is parsed once into a [`serde_json::Value`] and read by small, non-generic
//! readers ([`FromJson`], [`Obj`]) that know the field path of every value
//! (`ladder[2].bands[0].coefficient`). This keeps the browser build small (one generic
//! JSON parser, no derive-generated visitors) and the errors precise.
//!
//! Decimal fields accept a string (`"1500.00"`, read with
//! [`crate::number::parse_decimal`]) or a JSON number read exactly from its text —
//! serde_json's `arbitrary_precision` keeps the digits, so nothing passes through a
//! binary float (SPEC §12). Output uses serde's `Serialize`.

use crate::error::{join_path, Error, ErrorKind, Result};
use crate::number::{parse_decimal, parse_iso_date, to_half_width, trim_space};
use indexmap::IndexMap;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde_json::{Map, Value};

/// The most bytes a JSON document may have (16 MiB); checked before parsing.
pub const MAX_JSON_BYTES: usize = 16 * 1024 * 1024;

/// The deepest nesting of arrays and objects accepted (serde_json's own limit is 128).
pub const MAX_JSON_DEPTH: usize = 64;

/// Parse JSON text into a value.
///
/// # Errors
/// `too_large` above [`MAX_JSON_BYTES`]; `invalid_json` for a syntax error (with line
/// and column in the message) or nesting deeper than [`MAX_JSON_DEPTH`].
pub fn parse(text: &str) -> Result<Value> {
    parse_with_limit(text, MAX_JSON_BYTES)
}

/// [`parse`] with another size limit (a whole roster of employees is larger than any
/// policy or person).
///
/// # Errors
/// As [`parse`], with `limit` in place of [`MAX_JSON_BYTES`].
pub fn parse_with_limit(text: &str, limit: usize) -> Result<Value> {
    if text.len() > limit {
        return Err(Error::new(
            ErrorKind::TooLarge {
                what: "json_bytes",
                size: text.len() as u64,
                limit: limit as u64,
            },
            "",
        ));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| json_error(&e))?;
    if depth(&value) > MAX_JSON_DEPTH {
        return Err(Error::new(
            ErrorKind::JsonDepth {
                max: MAX_JSON_DEPTH,
            },
            "",
        ));
    }
    Ok(value)
}

/// A serde_json syntax error as facts: its line and column.
pub fn json_error(e: &serde_json::Error) -> Error {
    Error::new(
        ErrorKind::Json {
            line: e.line(),
            column: e.column(),
        },
        "",
    )
}

fn depth(v: &Value) -> usize {
    match v {
        Value::Array(a) => 1 + a.iter().map(depth).max().unwrap_or(0),
        Value::Object(o) => 1 + o.values().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

/// Parse JSON text and read it as `T`.
///
/// # Errors
/// Those of [`parse`] and of `T`'s reader, with the field path.
pub fn from_json_str<T: FromJson>(text: &str) -> Result<T> {
    T::from_json(&parse(text)?, "")
}

/// A type read from a JSON value at a known path.
pub trait FromJson: Sized {
    /// Read `value`, found at `path`.
    ///
    /// # Errors
    /// An [`Error`] at `path` (or below it) when the value does not fit.
    fn from_json(value: &Value, path: &str) -> Result<Self>;
}

fn kind_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Error: `value` at `path` is not `expected` (a code: `array`, `employees`, `object`,
/// `date`, `decimal`, `name`, `string`, `whole`).
pub fn wrong_type(value: &Value, expected: &'static str, path: &str) -> Error {
    Error::new(
        ErrorKind::WrongType {
            expected,
            found: kind_name(value),
        },
        path,
    )
}

/// The text of a string or number value.
fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Whether a value counts as absent: `null` or a blank string.
pub fn is_blank(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => is_blank_text(s),
        _ => false,
    }
}

impl FromJson for Decimal {
    fn from_json(value: &Value, path: &str) -> Result<Self> {
        match value {
            Value::String(s) => parse_decimal_at(s, path),
            _ => {
                let text = scalar_text(value).ok_or_else(|| wrong_type(value, "decimal", path))?;
                parse_decimal_at(&text, path)
            }
        }
    }
}

impl FromJson for u32 {
    /// A whole number of 0 or more: a JSON integer or digits in a string (full-width accepted).
    fn from_json(value: &Value, path: &str) -> Result<Self> {
        let text = scalar_text(value).ok_or_else(|| wrong_type(value, "whole", path))?;
        parse_whole(&text, path)
    }
}

/// A whole number of 0 or more from text (a JSON string's or a roster cell's), read at
/// `path`: what [`FromJson`] for `u32` does with a string.
///
/// # Errors
/// `invalid_number` / `overflow` from [`parse_decimal`]; `not_whole` for a fraction, a
/// negative number or one beyond `u32`.
pub fn parse_whole(text: &str, path: &str) -> Result<u32> {
    let n = parse_decimal(text).map_err(|e| e.within(path))?;
    if n.fract().is_zero() && n >= Decimal::ZERO {
        if let Some(v) = n.to_u32() {
            return Ok(v);
        }
    }
    Err(Error::new(ErrorKind::NotWhole(text.to_string()), path))
}

/// A yes/no word from text, read at `path`: what [`FromJson`] for `bool` does with a
/// string ([`parse_flag`]).
///
/// # Errors
/// `not_flag` when the text is no yes/no word.
pub fn parse_flag_at(text: &str, path: &str) -> Result<bool> {
    parse_flag(text).ok_or_else(|| Error::new(ErrorKind::NotFlag(text.to_string()), path))
}

/// A decimal from text, read at `path`: what [`FromJson`] for `Decimal` does with a
/// string.
///
/// # Errors
/// Those of [`parse_decimal`], at `path`.
pub fn parse_decimal_at(text: &str, path: &str) -> Result<Decimal> {
    parse_decimal(text).map_err(|e| e.within(path))
}

/// A date `YYYY-MM-DD` from text, read at `path`: what [`FromJson`] for `NaiveDate` does
/// with a string.
///
/// # Errors
/// Those of [`parse_iso_date`], at `path`.
pub fn parse_date_at(text: &str, path: &str) -> Result<chrono::NaiveDate> {
    parse_iso_date(text).map_err(|e| e.within(path))
}

/// Whether text counts as absent, as a blank JSON string does ([`is_blank`]): nothing but
/// white space (the ideographic space U+3000 included; what [`to_half_width`] maps
/// besides it is never white space, so the text is not mapped first).
#[inline]
pub fn is_blank_text(text: &str) -> bool {
    trim_space(text).is_empty()
}

/// Read a yes/no word (SPEC §8): yes/no, true/false, y/n, 是/否, 1/0; blank is no.
pub fn parse_flag(text: &str) -> Option<bool> {
    let half = to_half_width(text);
    let t = trim_space(&half);
    let is = |words: &[&str]| words.iter().any(|w| t.eq_ignore_ascii_case(w));
    if is(&["yes", "y", "true", "1", "是"]) {
        Some(true)
    } else if is(&["no", "n", "false", "0", "否", ""]) {
        Some(false)
    } else {
        None
    }
}

impl FromJson for bool {
    fn from_json(value: &Value, path: &str) -> Result<Self> {
        match value {
            Value::Bool(b) => Ok(*b),
            Value::Null => Ok(false),
            _ => scalar_text(value)
                .and_then(|t| parse_flag(&t))
                .ok_or_else(|| {
                    Error::new(
                        ErrorKind::NotFlag(scalar_text(value).unwrap_or_default()),
                        path,
                    )
                }),
        }
    }
}

impl FromJson for String {
    /// A string; a number is taken as its text (ids typed as numbers).
    fn from_json(value: &Value, path: &str) -> Result<Self> {
        scalar_text(value).ok_or_else(|| wrong_type(value, "string", path))
    }
}

impl FromJson for chrono::NaiveDate {
    fn from_json(value: &Value, path: &str) -> Result<Self> {
        let text = value
            .as_str()
            .ok_or_else(|| wrong_type(value, "date", path))?;
        parse_date_at(text, path)
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &Value, path: &str) -> Result<Self> {
        let items = value
            .as_array()
            .ok_or_else(|| wrong_type(value, "array", path))?;
        items
            .iter()
            .enumerate()
            .map(|(i, v)| T::from_json(v, &format!("{path}[{i}]")))
            .collect()
    }
}

impl<T: FromJson> FromJson for IndexMap<String, T> {
    fn from_json(value: &Value, path: &str) -> Result<Self> {
        let map = value
            .as_object()
            .ok_or_else(|| wrong_type(value, "object", path))?;
        map.iter()
            .map(|(k, v)| Ok((k.clone(), T::from_json(v, &join_path(path, k))?)))
            .collect()
    }
}

/// A small ordered map from names to values, read from and written as a JSON object,
/// keeping the order it was built in (the policy's requirements and thresholds). A plain
/// vector: these maps hold a handful of entries, and the browser build stays small.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NamedList<T>(pub Vec<(String, T)>);

impl<T> NamedList<T> {
    /// The value under `name`.
    pub fn get(&self, name: &str) -> Option<&T> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }

    /// The names, in order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    /// Entries in order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &T)> {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl<T: serde::Serialize> serde::Serialize for NamedList<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

impl<T: FromJson> FromJson for NamedList<T> {
    fn from_json(value: &Value, path: &str) -> Result<Self> {
        let map = value
            .as_object()
            .ok_or_else(|| wrong_type(value, "object", path))?;
        map.iter()
            .map(|(k, v)| Ok((k.clone(), T::from_json(v, &join_path(path, k))?)))
            .collect::<Result<Vec<_>>>()
            .map(NamedList)
    }
}

/// An object being read, with its path: fields are read by name with [`Obj::req`] and
/// [`Obj::opt`].
pub struct Obj<'a> {
    map: &'a Map<String, Value>,
    path: &'a str,
}

impl<'a> Obj<'a> {
    /// View `value` (at `path`) as an object.
    ///
    /// # Errors
    /// `invalid_value` when it is not an object.
    pub fn new(value: &'a Value, path: &'a str) -> Result<Self> {
        let map = value
            .as_object()
            .ok_or_else(|| wrong_type(value, "object", path))?;
        Ok(Obj { map, path })
    }

    /// The path of field `key`.
    pub fn path(&self, key: &str) -> String {
        join_path(self.path, key)
    }

    /// Whether field `key` is present and not blank.
    pub fn has(&self, key: &str) -> bool {
        self.map.get(key).is_some_and(|v| !is_blank(v))
    }

    /// A required field.
    ///
    /// # Errors
    /// `missing_field` at the field's path when absent, `null` or blank; the field
    /// reader's errors otherwise.
    pub fn req<T: FromJson>(&self, key: &str) -> Result<T> {
        match self.map.get(key) {
            Some(v) if !is_blank(v) => T::from_json(v, &self.path(key)),
            _ => Err(Error::new(
                ErrorKind::MissingField(key.to_string()),
                self.path(key),
            )),
        }
    }

    /// An optional field: absent, `null` or blank is `None`.
    ///
    /// # Errors
    /// The field reader's errors.
    pub fn opt<T: FromJson>(&self, key: &str) -> Result<Option<T>> {
        match self.map.get(key) {
            Some(v) if !is_blank(v) => T::from_json(v, &self.path(key)).map(Some),
            _ => Ok(None),
        }
    }

    /// An optional field read by `read` (a reader other than the type's [`FromJson`]).
    ///
    /// # Errors
    /// Those of `read`, at the field's path.
    pub fn opt_with<T>(
        &self,
        key: &str,
        read: impl FnOnce(&Value, &str) -> Result<T>,
    ) -> Result<Option<T>> {
        match self.map.get(key) {
            Some(v) if !is_blank(v) => read(v, &self.path(key)).map(Some),
            _ => Ok(None),
        }
    }

    /// An optional block kept as given (a JSON object another crate reads, e.g. a
    /// policy's `contributions`).
    ///
    /// # Errors
    /// `invalid_value` at the field's path when it is not an object.
    pub fn block(&self, key: &str) -> Result<Option<Value>> {
        match self.map.get(key) {
            Some(v) if !is_blank(v) => {
                Obj::new(v, &self.path(key))?;
                Ok(Some(v.clone()))
            }
            _ => Ok(None),
        }
    }

    /// An optional field with a default.
    ///
    /// # Errors
    /// The field reader's errors.
    pub fn or<T: FromJson>(&self, key: &str, default: impl FnOnce() -> T) -> Result<T> {
        Ok(self.opt(key)?.unwrap_or_else(default))
    }
}

/// Define how an enumerated policy value reads from and writes to JSON: each variant's
/// name, and aliases (Chinese names) accepted on input. Unknown names are an
/// `unknown_mode` error listing the allowed names.
#[macro_export]
macro_rules! json_enum {
    ($ty:ident { $($var:ident = $name:literal $(| $alias:literal)*),+ $(,)? }) => {
        impl $ty {
            /// The JSON names of the variants.
            pub const NAMES: &'static [&'static str] = &[$($name),+];

            /// This variant's JSON name.
            pub fn name(self) -> &'static str {
                match self { $($ty::$var => $name),+ }
            }
        }

        impl $crate::json::FromJson for $ty {
            fn from_json(value: &serde_json::Value, path: &str) -> $crate::error::Result<Self> {
                let text = value
                    .as_str()
                    .ok_or_else(|| $crate::json::wrong_type(value, "name", path))?;
                Self::from_name(text, path)
            }
        }

        impl $ty {
            /// The variant named `text` (its JSON name in any case, or an alias; full-width
            /// letters and spaces around accepted), read at `path`.
            ///
            /// # Errors
            /// `unknown_mode` at `path`, listing the allowed names.
            pub fn from_name(text: &str, path: &str) -> $crate::error::Result<Self> {
                let half = $crate::number::to_half_width(text);
                let t = $crate::number::trim_space(&half);
                $(if t.eq_ignore_ascii_case($name) $(|| t == $alias)* {
                    return Ok($ty::$var);
                })+
                Err($crate::error::Error::new(
                    $crate::error::ErrorKind::UnknownMode {
                        value: text.to_string(),
                        expected: Self::NAMES.join(", "),
                    },
                    path,
                ))
            }
        }

        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.name())
            }
        }
    };
}
pub use crate::json_enum;

/// Serialize `value` as pretty JSON (two-space indent), the CLI's output form.
///
/// # Errors
/// `invalid_value` if serialization fails (it does not for Paygrade's own types).
pub fn to_json_pretty<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string_pretty(value)
        .map_err(|e| Error::new(ErrorKind::Internal(e.to_string()), ""))
}

/// Serialize `value` as compact JSON (the wasm facade's form).
///
/// # Errors
/// As [`to_json_pretty`].
pub fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| Error::new(ErrorKind::Internal(e.to_string()), ""))
}
