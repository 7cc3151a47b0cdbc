//! Reading decimal numbers from text as people type them and offices save them (SPEC §8).
//!
//! Accepted: plain decimals (`1500.00`, `-3`), thousands separators in their proper
//! places (`1,234.50`), full-width digits and punctuation (`１２，３４５．５０`),
//! surrounding spaces, a `元` suffix, and scientific notation (`1.0875E+01`).
//! Everything else — `45.000,00`, `N/A`, `NaN`, `Infinity`, an empty string — is an
//! error; nothing is guessed, and nothing passes through binary floating point.

use crate::error::{ErrorKind, Result};
use crate::Error;
use rust_decimal::Decimal;

/// The largest number of characters a number may have, checked before any other work.
pub const MAX_NUMBER_LEN: usize = 64;

/// `text` without white space around it: what `str::trim` gives, sooner for the text of
/// nearly every cell, empty or with no white space at either end (then `text` itself,
/// after looking at its first byte and its last character).
#[inline]
pub fn trim_space(text: &str) -> &str {
    let bytes = text.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return text;
    };
    // White space as `char::is_whitespace` has it: in ASCII tab, line feed, vertical tab,
    // form feed, carriage return and space; beyond it only characters whose UTF-8 begins
    // with 0xC2 (U+0085, U+00A0), 0xE1 (U+1680), 0xE2 (U+2000–U+205F) or 0xE3 (U+3000).
    let starts_plain = !matches!(first, b'\t'..=b'\r' | b' ' | 0xC2 | 0xE1..=0xE3);
    let ends_plain = if last.is_ascii() {
        !matches!(last, b'\t'..=b'\r' | b' ')
    } else {
        text.chars().next_back().is_some_and(|c| !c.is_whitespace())
    };
    if starts_plain && ends_plain {
        text
    } else {
        text.trim()
    }
}

/// Map full-width ASCII variants (U+FF01–U+FF5E) and the ideographic space to ASCII.
/// Text with nothing to map (plain digits and letters, Chinese words — nearly every
/// roster cell) is returned as it is, borrowed: nothing is allocated.
pub fn to_half_width(text: &str) -> std::borrow::Cow<'_, str> {
    let mapped = |c: char| matches!(c, '\u{FF01}'..='\u{FF5E}' | '\u{3000}' | '。');
    if text.is_ascii() || !text.chars().any(mapped) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c),
            '\u{3000}' => ' ',
            '。' => '.',
            _ => c,
        })
        .collect()
}

/// Parse a decimal number from `text`, leniently as described in the module docs.
///
/// # Errors
/// [`ErrorKind::InvalidNumber`] when the text is not a number in an accepted form
/// (path left empty for the caller to fill); [`ErrorKind::Overflow`] when it is a
/// well-formed number beyond the 96-bit decimal range or precision.
pub fn parse_decimal(text: &str) -> Result<Decimal> {
    let invalid = || {
        Error::new(
            ErrorKind::InvalidNumber(text.chars().take(MAX_NUMBER_LEN).collect()),
            "",
        )
    };
    if text.len() > MAX_NUMBER_LEN * 4 {
        return Err(invalid());
    }
    // The common case, digits with at most one point (`88`, `21.75`, `-3`): read as it
    // is. Anything else takes the lenient path below.
    if let Some(d) = small_plain_decimal(text) {
        return Ok(d);
    }
    let digits = text.strip_prefix('-').unwrap_or(text);
    if text.len() <= MAX_NUMBER_LEN && is_plain_decimal(digits) {
        return Decimal::from_str_exact(text).map_err(|_| Error::new(ErrorKind::Overflow, ""));
    }
    let half = to_half_width(text);
    let mut s = half.trim();
    if let Some(rest) = s.strip_suffix('元') {
        s = rest.trim_end();
    }
    if s.is_empty() || s.chars().count() > MAX_NUMBER_LEN {
        return Err(invalid());
    }
    let (sign, body) = match s.as_bytes().first() {
        Some(b'-') => ("-", s.get(1..).unwrap_or("")),
        Some(b'+') => ("", s.get(1..).unwrap_or("")),
        _ => ("", s),
    };
    // Scientific notation: mantissa e exponent.
    if let Some(epos) = body.find(['e', 'E']) {
        let (mantissa, exp) = (
            body.get(..epos).unwrap_or(""),
            body.get(epos + 1..).unwrap_or(""),
        );
        if !is_plain_decimal(mantissa) || !is_exponent(exp) {
            return Err(invalid());
        }
        let exp_digits = exp.trim_start_matches(['+', '-']);
        if exp_digits.len() > 3 {
            return Err(Error::new(ErrorKind::Overflow, ""));
        }
        return Decimal::from_scientific(&format!("{sign}{mantissa}e{exp}"))
            .map_err(|_| Error::new(ErrorKind::Overflow, ""));
    }
    let plain: String = if body.contains(',') {
        let (int, frac) = match body.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (body, None),
        };
        let mut groups = int.split(',');
        let first_ok = groups
            .next()
            .is_some_and(|g| (1..=3).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()));
        let rest_ok = groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
        let frac_ok = frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()));
        if !(first_ok && rest_ok && frac_ok) {
            return Err(invalid());
        }
        body.replace(',', "")
    } else {
        body.to_string()
    };
    if !is_plain_decimal(&plain) {
        return Err(invalid());
    }
    Decimal::from_str_exact(&format!("{sign}{plain}"))
        .map_err(|_| Error::new(ErrorKind::Overflow, ""))
}

/// Digits with at most one `.` that has digits on at least one side… and, to be strict,
/// digits before it: `12`, `12.5`, `0.5` (not `.5`, `5.`, `1.2.3`).
fn is_plain_decimal(s: &str) -> bool {
    // Digits, at most one point, a digit on each side of it (one pass, no searcher).
    let mut point = None;
    for (i, b) in s.bytes().enumerate() {
        match b {
            b'0'..=b'9' => {}
            b'.' if point.is_none() => point = Some(i),
            _ => return false,
        }
    }
    match point {
        None => !s.is_empty(),
        Some(i) => i > 0 && i + 1 < s.len(),
    }
}

/// A plain decimal of at most 18 characters, unsigned (`88`, `21.75`, `007`, `80.50`),
/// read exactly as `Decimal::from_str_exact` reads it — the same digits and scale —
/// without its general machinery: `None` for anything else.
fn small_plain_decimal(s: &str) -> Option<Decimal> {
    if s.len() > 18 || !is_plain_decimal(s) {
        return None;
    }
    let (mut digits, mut scale, mut point) = (0i64, 0u32, false);
    for b in s.bytes() {
        if b == b'.' {
            point = true;
        } else {
            digits = digits * 10 + i64::from(b - b'0');
            scale += u32::from(point);
        }
    }
    Decimal::try_new(digits, scale).ok()
}

fn is_exponent(s: &str) -> bool {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// Format an exact decimal for display with at least two decimals and never rounded:
/// `88.65`, `89.995`, `90` → `90.00`, `0.8865` (SPEC §2.3).
pub fn fmt_at_least_2(d: Decimal) -> String {
    at_least_2(d).to_string()
}

/// The same value with trailing zeros dropped, but at least two decimals: the number
/// [`fmt_at_least_2`] writes (`88.6500` → 88.65, `90` → 90.00).
pub fn at_least_2(d: Decimal) -> Decimal {
    let mut n = d.normalize();
    if n.scale() < 2 {
        n.rescale(2);
    }
    n
}

/// Earliest year a date may have (employment dates before 1900 are typing errors).
pub const MIN_YEAR: u32 = 1900;
/// Latest year a date may have.
pub const MAX_YEAR: u32 = 2199;

/// A date as offices write it: ISO `2026-03-01` (a time part after `T` or a space is
/// dropped), `2026/3/1`, `2026.3.1`, `2026-3-1`, `2026年3月1日`, full-width digits and
/// separators too; years [`MIN_YEAR`]–[`MAX_YEAR`], a real calendar day. Two-digit years
/// are refused, never guessed. `None` when it is not such a date.
pub fn parse_written_date(text: &str) -> Option<chrono::NaiveDate> {
    let half = to_half_width(text);
    let t = half.trim();
    // A date-time: the date before `T` or a space, when what follows is a time.
    let t = match t.split_once(['T', ' ']) {
        Some((date, time))
            if time
                .trim()
                .bytes()
                .all(|b| b.is_ascii_digit() || b":.+-Z".contains(&b)) =>
        {
            date
        }
        _ => t,
    };
    let mut parts = t
        .split(['-', '/', '.', '年', '月', '日'])
        .filter(|p| !p.is_empty());
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() > 2 || d.len() > 2 {
        return None;
    }
    let year: u32 = y.parse().ok()?;
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return None;
    }
    chrono::NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// Parse an ISO date `YYYY-MM-DD` (also accepting full-width digits and spaces around).
///
/// # Errors
/// [`ErrorKind::InvalidDate`] when it is not four-digit year, two-digit month and day of a
/// real calendar day from [`MIN_YEAR`] to [`MAX_YEAR`].
pub fn parse_iso_date(text: &str) -> Result<chrono::NaiveDate> {
    let half = to_half_width(text);
    let s = half.trim();
    let ok_shape = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !ok_shape {
        return Err(Error::new(
            ErrorKind::InvalidDate(text.chars().take(40).collect()),
            "",
        ));
    }
    let field = |range: std::ops::Range<usize>| s.get(range).and_then(|t| t.parse::<u32>().ok());
    field(0..4)
        .zip(field(5..7))
        .zip(field(8..10))
        .filter(|((y, _), _)| (MIN_YEAR..=MAX_YEAR).contains(y))
        .and_then(|((y, m), d)| chrono::NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d))
        .ok_or_else(|| Error::new(ErrorKind::InvalidDate(text.chars().take(40).collect()), ""))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    proptest::proptest! {
        #[test]
        fn small_plain_decimals_read_as_from_str_exact(s in "[0-9]{1,11}(\\.[0-9]{1,6})?") {
            let exact = Decimal::from_str_exact(&s).unwrap();
            let fast = small_plain_decimal(&s).unwrap();
            // The same number and the same scale (`80.50` keeps its two places).
            proptest::prop_assert_eq!(fast, exact);
            proptest::prop_assert_eq!(fast.to_string(), exact.to_string());
        }

        #[test]
        fn trim_space_is_trim(s in "[ \t\r\n\u{85}\u{a0}\u{3000}\u{2028}\u{feff}a中1.]{0,6}") {
            proptest::prop_assert_eq!(trim_space(&s), s.trim());
        }
    }

    #[test]
    fn plain_decimals_keep_their_digits_and_scale() {
        for (text, shown) in [
            ("007", "7"),
            ("80.50", "80.50"),
            ("0.0", "0.0"),
            ("21.75", "21.75"),
        ] {
            assert_eq!(parse_decimal(text).unwrap().to_string(), shown, "{text}");
        }
        for text in [".5", "5.", "1.2.3", "", "1e3", "-3"] {
            assert_eq!(small_plain_decimal(text), None, "{text}");
        }
        assert_eq!(parse_decimal("-3").unwrap().to_string(), "-3");
        assert_eq!(
            parse_decimal("1234567890123456789").unwrap().to_string(),
            "1234567890123456789"
        );
    }

    #[track_caller]
    fn ok(text: &str, want: &str) {
        assert_eq!(
            parse_decimal(text).unwrap(),
            Decimal::from_str(want).unwrap(),
            "{text}"
        );
    }

    #[track_caller]
    fn bad(text: &str, code: &str) {
        assert_eq!(parse_decimal(text).unwrap_err().code(), code, "{text}");
    }

    #[test]
    fn accepted_forms() {
        ok("1500.00", "1500.00");
        ok(" 90 ", "90");
        ok("５０００", "5000");
        ok("１２，３４５．５０", "12345.50");
        ok("1,234.50", "1234.50");
        ok("1,234,567", "1234567");
        ok("88元", "88");
        ok("-3.5", "-3.5");
        ok("+7", "7");
        ok("1.0875E+01", "10.875");
        ok("2e2", "200");
        ok("９０", "90");
    }

    #[test]
    fn rejected_forms() {
        for t in [
            "",
            "  ",
            "abc",
            "N/A",
            "NaN",
            "Infinity",
            "45.000,00",
            "1,2345",
            ".5",
            "5.",
            "1.2.3",
            "--1",
            "1e",
            "0x10",
        ] {
            bad(t, "invalid_number");
        }
        bad("1e400", "overflow");
        bad("99999999999999999999999999999999", "overflow");
    }

    #[test]
    fn display_at_least_two_decimals() {
        assert_eq!(
            fmt_at_least_2(Decimal::from_str("88.650").unwrap()),
            "88.65"
        );
        assert_eq!(
            fmt_at_least_2(Decimal::from_str("89.995").unwrap()),
            "89.995"
        );
        assert_eq!(fmt_at_least_2(Decimal::from_str("90").unwrap()), "90.00");
        assert_eq!(
            fmt_at_least_2(Decimal::from_str("0.8865").unwrap()),
            "0.8865"
        );
        assert_eq!(fmt_at_least_2(Decimal::from_str("1.0").unwrap()), "1.00");
    }

    #[test]
    fn dates() {
        assert_eq!(
            parse_iso_date("2025-07-01").unwrap().to_string(),
            "2025-07-01"
        );
        assert_eq!(
            parse_iso_date("２０２５-０７-０１").unwrap().to_string(),
            "2025-07-01"
        );
        for t in [
            "2025-02-30",
            "2025-7-1",
            "25-07-01",
            "abc",
            "2025-13-01",
            "",
        ] {
            assert_eq!(parse_iso_date(t).unwrap_err().code(), "invalid_date", "{t}");
        }
    }

    #[test]
    fn written_dates() {
        let date = |t: &str| parse_written_date(t).map(|d| d.to_string());
        for t in [
            "2026-12-31",
            "2026/12/31",
            "2026.12.31",
            "2026年12月31日",
            "２０２６／１２／３１",
            " 2026-12-31T00:00:00 ",
            "2026-12-31 08:30",
        ] {
            assert_eq!(date(t).as_deref(), Some("2026-12-31"), "{t}");
        }
        assert_eq!(date("2014/3/1").as_deref(), Some("2014-03-01"));
        for t in [
            "26/12/31",
            "2026/2/30",
            "1899/12/31",
            "2026/12",
            "2026/12/31/1",
            "12/31/2026",
            "",
        ] {
            assert_eq!(date(t), None, "{t}");
        }
        // The pay date reads them too; what it refuses is an error at `as_of`.
        assert_eq!(
            crate::api::parse_as_of(Some("2026年12月31日")).unwrap(),
            chrono::NaiveDate::from_ymd_opt(2026, 12, 31)
        );
        let e = crate::api::parse_as_of(Some("31.12.26")).unwrap_err();
        assert_eq!((e.code(), e.path.as_str()), ("invalid_date", "as_of"));
    }
}
