//! JSON values in, values out: the core's calls as the CLI and the wasm facades make them.
//!
//! Each function reads its JSON values and calls the core — nothing else — so every
//! shell stays thin and behaves identically. The shells decode their input into a
//! [`serde_json::Value`] (the CLI from a file's text with [`crate::json::parse`], a wasm
//! facade from a JS object) and encode the result.

use crate::error::{Error, ErrorKind, Result};
use crate::json::FromJson;
use crate::{compute_pay, what_ifs, Breakdown, CheckedPolicy, Employee, Policy, WhatIfs};
use chrono::NaiveDate;
use serde_json::Value;

/// Check a policy given as a JSON value, or take the default policy when `None`.
///
/// # Errors
/// Any error of [`Policy::from_value`], with its field path.
pub fn policy_from(policy: Option<&Value>) -> Result<CheckedPolicy> {
    match policy {
        Some(value) => Policy::from_value(value),
        None => Policy::default().check(),
    }
}

/// Read an optional pay date (empty = none): `YYYY-MM-DD` or as offices write dates
/// (`2026/12/31`, `2026年12月31日`; [`crate::number::parse_written_date`]).
///
/// # Errors
/// `invalid_date` at `as_of`.
pub fn parse_as_of(as_of: Option<&str>) -> Result<Option<NaiveDate>> {
    match as_of.map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => crate::number::parse_written_date(s)
            .map(Some)
            .ok_or_else(|| {
                Error::new(
                    ErrorKind::InvalidDate(s.chars().take(40).collect()),
                    "as_of",
                )
            }),
        None => Ok(None),
    }
}

/// One person's breakdown (SPEC §12 Breakdown) from JSON values. `policy` is `None` for
/// the default policy; `as_of` the pay date `YYYY-MM-DD`.
///
/// # Errors
/// Policy errors (path inside the policy), employee errors (path inside the employee),
/// `invalid_date` at `as_of`, and those of [`compute_pay`].
pub fn compute_pay_json(
    policy: Option<&Value>,
    employee: &Value,
    as_of: Option<&str>,
) -> Result<Breakdown> {
    compute_pay_value(&policy_from(policy)?, employee, as_of)
}

/// One person's breakdown under a policy checked already (a page's policy, validated
/// once and kept) from the employee's JSON value.
///
/// # Errors
/// Employee errors (path inside the employee), `invalid_date` at `as_of`, and those of
/// [`compute_pay`].
pub fn compute_pay_value(
    policy: &CheckedPolicy,
    employee: &Value,
    as_of: Option<&str>,
) -> Result<Breakdown> {
    let employee = <Employee as FromJson>::from_json(employee, "")?;
    compute_pay(policy, &employee, parse_as_of(as_of)?)
}

/// Today's breakdown plus the what-ifs (see [`what_ifs`]) from JSON values.
///
/// # Errors
/// As [`compute_pay_json`].
pub fn what_ifs_json(
    policy: Option<&Value>,
    employee: &Value,
    as_of: Option<&str>,
) -> Result<WhatIfs> {
    what_ifs_value(&policy_from(policy)?, employee, as_of)
}

/// The what-ifs (see [`what_ifs`]) under a policy checked already.
///
/// # Errors
/// As [`compute_pay_value`].
pub fn what_ifs_value(
    policy: &CheckedPolicy,
    employee: &Value,
    as_of: Option<&str>,
) -> Result<WhatIfs> {
    let employee = <Employee as FromJson>::from_json(employee, "")?;
    what_ifs(policy, &employee, parse_as_of(as_of)?)
}

/// The most JSON text an `employees` argument given as text may have: 128 MiB (a roster
/// file may have 64 MiB; the same people as JSON take about twice the bytes). The shell
/// that parses the text applies it ([`crate::json::parse_with_limit`]).
pub const MAX_EMPLOYEES_JSON_BYTES: usize = 128 << 20;

/// A JSON array of employees (the `employees` argument of the roster calls).
///
/// # Errors
/// Field errors at `employees[i]…`; `invalid_value` when it is not an array.
pub fn employees_from_json(employees: &Value) -> Result<Vec<Employee>> {
    <Vec<Employee>>::from_json(employees, "employees")
}
