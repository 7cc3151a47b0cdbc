//! Text in, text out: the calls the CLI and the wasm facade share.
//!
//! Each function decodes JSON text, calls the core, and encodes JSON text — nothing
//! else — so both shells stay thin and behave identically.

use crate::error::Result;
use crate::json::{from_json_str, to_json_pretty};
use crate::number::parse_iso_date;
use crate::{compute_pay, what_ifs, Employee, Policy};
use chrono::NaiveDate;

/// The default policy as pretty JSON (SPEC §12), what `paygrade policy` prints.
///
/// # Errors
/// None in practice; serialization of Paygrade's own types does not fail.
pub fn default_policy_json() -> Result<String> {
    to_json_pretty(&Policy::default())
}

/// Check a policy given as JSON; returns it normalized as pretty JSON.
///
/// # Errors
/// Any error of [`Policy::from_json`], with its field path.
pub fn validate_policy_json(policy: &str) -> Result<String> {
    let checked = Policy::from_json(policy)?;
    to_json_pretty(checked.policy())
}

/// Read an optional pay date `YYYY-MM-DD` (empty = none).
///
/// # Errors
/// `invalid_date` at `as_of`.
pub fn parse_as_of(as_of: Option<&str>) -> Result<Option<NaiveDate>> {
    match as_of.map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => parse_iso_date(s).map(Some).map_err(|e| e.within("as_of")),
        None => Ok(None),
    }
}

/// One person's breakdown as pretty JSON (SPEC §12 Breakdown). `policy` is JSON text or
/// `None` for the default policy.
///
/// # Errors
/// Policy errors (path inside the policy), employee errors (path inside the employee),
/// and those of [`compute_pay`].
pub fn compute_pay_json(
    policy: Option<&str>,
    employee: &str,
    as_of: Option<&str>,
) -> Result<String> {
    let policy = match policy {
        Some(text) => Policy::from_json(text)?,
        None => Policy::default().check()?,
    };
    let employee: Employee = from_json_str(employee)?;
    let as_of = parse_as_of(as_of)?;
    to_json_pretty(&compute_pay(&policy, &employee, as_of)?)
}

/// Today's breakdown plus the what-ifs, as pretty JSON (see [`what_ifs`]).
///
/// # Errors
/// As [`compute_pay_json`].
pub fn what_ifs_json(policy: Option<&str>, employee: &str, as_of: Option<&str>) -> Result<String> {
    let policy = match policy {
        Some(text) => Policy::from_json(text)?,
        None => Policy::default().check()?,
    };
    let employee: Employee = from_json_str(employee)?;
    let as_of = parse_as_of(as_of)?;
    to_json_pretty(&what_ifs(&policy, &employee, as_of)?)
}
