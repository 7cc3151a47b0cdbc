//! JSON in, values out: the core's calls as the CLI and the wasm facades make them.
//!
//! Each function decodes its JSON and calls the core — nothing else — so every shell
//! stays thin and behaves identically. The shells encode the result.

use crate::error::Result;
use crate::json::from_json_str;
use crate::number::parse_iso_date;
use crate::{compute_pay, what_ifs, Breakdown, CheckedPolicy, Employee, Policy, WhatIfs};
use chrono::NaiveDate;

/// Check a policy given as JSON text, or take the default policy when `None`.
///
/// # Errors
/// Any error of [`Policy::from_json`], with its field path.
pub fn policy_from(policy: Option<&str>) -> Result<CheckedPolicy> {
    match policy {
        Some(text) => Policy::from_json(text),
        None => Policy::default().check(),
    }
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

/// One person's breakdown (SPEC §12 Breakdown) from JSON text. `policy` is JSON text or
/// `None` for the default policy; `as_of` the pay date `YYYY-MM-DD`.
///
/// # Errors
/// Policy errors (path inside the policy), employee errors (path inside the employee),
/// `invalid_date` at `as_of`, and those of [`compute_pay`].
pub fn compute_pay_json(
    policy: Option<&str>,
    employee: &str,
    as_of: Option<&str>,
) -> Result<Breakdown> {
    let policy = policy_from(policy)?;
    let employee: Employee = from_json_str(employee)?;
    compute_pay(&policy, &employee, parse_as_of(as_of)?)
}

/// Today's breakdown plus the what-ifs (see [`what_ifs`]) from JSON text.
///
/// # Errors
/// As [`compute_pay_json`].
pub fn what_ifs_json(policy: Option<&str>, employee: &str, as_of: Option<&str>) -> Result<WhatIfs> {
    let policy = policy_from(policy)?;
    let employee: Employee = from_json_str(employee)?;
    what_ifs(&policy, &employee, parse_as_of(as_of)?)
}

/// The most JSON text an `employees` argument may have: 128 MiB (a roster file may have
/// 64 MiB; the same people as JSON take about twice the bytes).
pub const MAX_EMPLOYEES_JSON_BYTES: usize = 128 << 20;

/// A JSON array of employees (the `employees` argument of the roster calls), up to
/// 128 MiB of JSON.
///
/// # Errors
/// JSON and field errors at `employees[i]…`; `too_large` beyond 128 MiB.
pub fn employees_from_json(employees: &str) -> Result<Vec<Employee>> {
    let value = crate::json::parse_with_limit(employees, MAX_EMPLOYEES_JSON_BYTES)?;
    <Vec<Employee> as crate::json::FromJson>::from_json(&value, "employees")
}
