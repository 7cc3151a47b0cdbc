//! JSON in and out: exact decimals, lenient numbers, and errors that carry a field path.
//!
//! Decimal fields accept a string (`"1500.00"`, read with [`crate::number::parse_decimal`])
//! or a JSON number read exactly from its text — serde_json's `arbitrary_precision` keeps
//! the digits, so nothing passes through a binary float (SPEC §12). Every deserialization
//! error comes back as an [`Error`] whose `path` is the field path
//! (`ladder[2].bands[0].coefficient`), via `serde_path_to_error`.

use crate::error::{Error, ErrorKind, Result};
use crate::number::{parse_decimal, parse_iso_date};
use rust_decimal::Decimal;
use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// The most bytes a JSON document may have (16 MiB); checked before parsing.
pub const MAX_JSON_BYTES: usize = 16 * 1024 * 1024;

/// Separates our own error code from its detail inside a serde custom message.
const MARK: char = '\u{1}';

/// Parse `text` as JSON into `T`, reporting the field path of the first problem.
///
/// # Errors
/// `invalid_json` for syntax, `invalid_value` for a wrong type, `missing_field`,
/// `unknown_mode` for an unknown enumerated name, and the codes of the field
/// readers below (`invalid_number`, `overflow`, `invalid_date`); `too_large` above
/// [`MAX_JSON_BYTES`].
pub fn from_json_str<T: DeserializeOwned>(text: &str) -> Result<T> {
    if text.len() > MAX_JSON_BYTES {
        return Err(Error::new(
            ErrorKind::TooLarge(format!(
                "JSON of {} bytes (limit {MAX_JSON_BYTES})",
                text.len()
            )),
            "",
        ));
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut de).map_err(convert)?;
    de.end()
        .map_err(|e| Error::new(ErrorKind::Json(strip_location(&e.to_string())), ""))?;
    Ok(value)
}

fn strip_location(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg.get(..i).unwrap_or(msg).to_string(),
        None => msg.to_string(),
    }
}

fn convert(err: serde_path_to_error::Error<serde_json::Error>) -> Error {
    let path = err.path().to_string();
    let path = if path == "." || path == "?" {
        String::new()
    } else {
        path
    };
    let inner = err.into_inner();
    let msg = strip_location(&inner.to_string());
    let kind = if let Some(rest) = msg.strip_prefix(MARK) {
        let (code, detail) = rest.split_once(MARK).unwrap_or((rest, ""));
        match code {
            "invalid_number" => ErrorKind::InvalidNumber(detail.to_string()),
            "overflow" => ErrorKind::Overflow,
            "invalid_date" => ErrorKind::InvalidDate(detail.to_string()),
            _ => ErrorKind::InvalidValue(detail.to_string()),
        }
    } else if inner.is_syntax() || inner.is_eof() || inner.is_io() {
        ErrorKind::Json(msg)
    } else if let Some(rest) = msg.strip_prefix("missing field `") {
        let field = rest.trim_end_matches('`').to_string();
        return Error::new(
            ErrorKind::MissingField(field.clone()),
            crate::error::join_path(&path, &field),
        );
    } else if let Some(rest) = msg.strip_prefix("unknown variant `") {
        let (value, expected) = rest.split_once("`, expected ").unwrap_or((rest, ""));
        let expected = expected
            .trim_start_matches("one of ")
            .trim_start_matches("`")
            .replace('`', "");
        ErrorKind::UnknownMode {
            value: value.to_string(),
            expected,
        }
    } else {
        ErrorKind::InvalidValue(msg)
    };
    Error::new(kind, path)
}

fn custom<E: serde::de::Error>(err: &Error) -> E {
    let detail = match &err.kind {
        ErrorKind::InvalidNumber(t) | ErrorKind::InvalidDate(t) | ErrorKind::InvalidValue(t) => {
            t.clone()
        }
        other => other.to_string(),
    };
    E::custom(format!("{MARK}{}{MARK}{detail}", err.code()))
}

fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Serde reader for a decimal: a string or an exact JSON number.
pub fn decimal<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    let value = Value::deserialize(d)?;
    let text =
        text_of(&value).ok_or_else(|| D::Error::custom("expected a decimal number or a string"))?;
    parse_decimal(&text).map_err(|e| custom(&e))
}

/// Serde reader for an optional decimal: `null`, absent, or an empty string is `None`.
pub fn opt_decimal<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
    let value = Value::deserialize(d)?;
    if value.is_null() || value.as_str().is_some_and(|s| s.trim().is_empty()) {
        return Ok(None);
    }
    let text =
        text_of(&value).ok_or_else(|| D::Error::custom("expected a decimal number or a string"))?;
    parse_decimal(&text).map(Some).map_err(|e| custom(&e))
}

/// Serde reader for an optional whole number of years or days (0 or more):
/// a JSON integer or a string of digits (full-width accepted); `null` or `""` is `None`.
pub fn opt_whole<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    let value = Value::deserialize(d)?;
    if value.is_null() || value.as_str().is_some_and(|s| s.trim().is_empty()) {
        return Ok(None);
    }
    let text = text_of(&value).ok_or_else(|| D::Error::custom("expected a whole number"))?;
    let n = parse_decimal(&text).map_err(|e| custom(&e))?;
    let whole = if n.fract().is_zero() && n >= Decimal::ZERO {
        rust_decimal::prelude::ToPrimitive::to_u32(&n)
    } else {
        None
    };
    whole.map(Some).ok_or_else(|| {
        custom(&Error::new(
            ErrorKind::InvalidValue(format!("{text} is not a whole number of 0 or more")),
            "",
        ))
    })
}

/// Serde reader for a yes/no flag: `true`/`false`, `1`/`0`, or the strings
/// yes/no, true/false, 是/否, y/n, 1/0; `null` or `""` is `false`.
pub fn flag<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    let value = Value::deserialize(d)?;
    let text = match &value {
        Value::Bool(b) => return Ok(*b),
        Value::Null => return Ok(false),
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        _ => String::new(),
    };
    parse_flag(&text).ok_or_else(|| {
        custom(&Error::new(
            ErrorKind::InvalidValue(format!("{text:?} is not yes/no")),
            "",
        ))
    })
}

/// Read a yes/no word (SPEC §8): yes/no, true/false, y/n, 是/否, 1/0; empty is no.
pub fn parse_flag(text: &str) -> Option<bool> {
    match crate::number::to_half_width(text)
        .trim()
        .to_lowercase()
        .as_str()
    {
        "yes" | "y" | "true" | "1" | "是" => Some(true),
        "no" | "n" | "false" | "0" | "否" | "" => Some(false),
        _ => None,
    }
}

/// Serde reader for an optional ISO date `YYYY-MM-DD`; `null` or `""` is `None`.
pub fn opt_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<chrono::NaiveDate>, D::Error> {
    let value = Value::deserialize(d)?;
    match &value {
        Value::Null => Ok(None),
        Value::String(s) if s.trim().is_empty() => Ok(None),
        Value::String(s) => parse_iso_date(s).map(Some).map_err(|e| custom(&e)),
        _ => Err(D::Error::custom("expected a date string YYYY-MM-DD")),
    }
}

/// Serialize `value` as pretty JSON (two-space indent), the CLI's output form.
///
/// # Errors
/// `invalid_value` if serialization fails (it does not for Paygrade's own types).
pub fn to_json_pretty<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string_pretty(value)
        .map_err(|e| Error::new(ErrorKind::InvalidValue(e.to_string()), ""))
}
