//! Text in, values out: the calls the CLI and the wasm facade share.
//!
//! Each function decodes JSON text and calls the core — nothing else — so both shells
//! stay thin and behave identically. The shells encode the result: the CLI as pretty
//! JSON, the wasm facade as compact JSON (one serializer in the browser build).

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

/// A JSON array of employees (the `employees` argument of the roster calls), up to
/// 128 MiB of JSON.
///
/// # Errors
/// JSON and field errors at `employees[i]…`; `too_large` beyond 128 MiB.
pub fn employees_from_json(employees: &str) -> Result<Vec<Employee>> {
    // A roster file may be 64 MiB; the same people as JSON take about twice the bytes.
    let value = crate::json::parse_with_limit(employees, 2 * crate::roster::MAX_FILE_BYTES)?;
    <Vec<Employee> as crate::json::FromJson>::from_json(&value, "employees")
}

/// Quota report for employees as they are graded now (SPEC §3).
///
/// # Errors
/// `unknown_level` / `unknown_band` at `employees[i].level|band`.
pub fn check_quotas_for(
    policy: &CheckedPolicy,
    employees: &[Employee],
) -> Result<crate::QuotaReport> {
    let grades = employees
        .iter()
        .enumerate()
        .map(|(i, e)| {
            policy
                .ladder()
                .resolve(&e.level, e.band.as_deref())
                .map_err(|err| err.within(&format!("employees[{i}]")))
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(crate::check_quotas(policy, &grades))
}

#[cfg(feature = "extras")]
/// A year's take-home schedule (SPEC §12 Take-home) from JSON text; contributions not
/// given per month are computed from the policy's `contributions` block.
///
/// # Errors
/// Policy and schedule errors with their paths; those of [`crate::tax::net_pay`].
pub fn net_pay_json(policy: Option<&str>, schedule: &str) -> Result<crate::tax::NetPay> {
    let policy = policy_from(policy)?;
    let schedule: crate::tax::Schedule = from_json_str(schedule)?;
    let p = policy.policy();
    crate::tax::net_pay(p.contributions.as_ref(), p.rounding, &schedule)
}

/// The scorecard for an employee's `kpis` (or, given `months: [{kpis}, …]`, for the
/// quarter or year they make up), under the policy's scorecard.
///
/// # Errors
/// `missing_field` at `scorecard` when the policy has none, or at `kpis`; those of
/// [`crate::scorecard::score`] and [`crate::scorecard::score_period`].
#[cfg(feature = "extras")]
pub fn score_json(policy: Option<&str>, input: &str) -> Result<crate::scorecard::ScoreResult> {
    use crate::error::{Error, ErrorKind};
    use crate::json::{FromJson, Obj};
    use crate::scorecard::Kpi;
    use indexmap::IndexMap;
    let policy = policy_from(policy)?;
    let card = policy
        .policy()
        .scorecard
        .as_ref()
        .ok_or_else(|| Error::new(ErrorKind::MissingField("scorecard".into()), "scorecard"))?;
    let value = crate::json::parse(input)?;
    let o = Obj::new(&value, "")?;
    if o.has("months") {
        let months = value.get("months").cloned().unwrap_or_default();
        let items = months.as_array().cloned().unwrap_or_default();
        let mut periods = Vec::with_capacity(items.len());
        for (m, month) in items.iter().enumerate() {
            let path = format!("months[{m}]");
            let mo = Obj::new(month, &path)?;
            periods.push(mo.req::<IndexMap<String, Kpi>>("kpis")?);
        }
        return crate::scorecard::score_period(card, &periods);
    }
    let kpis = <IndexMap<String, Kpi> as FromJson>::from_json(
        value
            .get("kpis")
            .ok_or_else(|| Error::new(ErrorKind::MissingField("kpis".into()), "kpis"))?,
        "kpis",
    )?;
    crate::scorecard::score(card, &kpis)
}

/// A paid roster as columns (ids and totals) plus the totals and quota report: the
/// compact result for large rosters.
#[derive(serde::Serialize)]
pub struct RosterColumns {
    /// Employee ids, in roster order.
    pub ids: Vec<String>,
    /// Each person's monthly total, same order.
    pub totals: Vec<crate::Money>,
    /// Roster totals.
    pub summary: crate::payroll::Totals,
    /// Quota report.
    pub quota: crate::QuotaReport,
}

impl From<&crate::RosterPay> for RosterColumns {
    fn from(pay: &crate::RosterPay) -> Self {
        RosterColumns {
            ids: pay.results.iter().map(|b| b.id.clone()).collect(),
            totals: pay.results.iter().map(|b| b.total).collect(),
            summary: pay.totals.clone(),
            quota: pay.quota.clone(),
        }
    }
}

/// The three charts of a comparison (SPEC §12 Comparison, as JSON text), titled in
/// `lang` (`zh` or `en`).
///
/// # Errors
/// `too_large`/`invalid_json` for the text, a missing or malformed field with its path,
/// `unknown_mode` for another language, `chart` when plotters cannot draw.
#[cfg(feature = "charts")]
pub fn charts_json(comparison: &str, lang: &str) -> Result<crate::charts::Charts> {
    use crate::json::FromJson;
    let labels = crate::charts::ChartLabels::in_language(lang)?;
    let value = crate::json::parse_with_limit(comparison, 2 * crate::roster::MAX_FILE_BYTES)?;
    let data = crate::charts::ChartData::from_json(&value, "")?;
    crate::charts::render(&data, &labels)
}

/// The projection chart (issue 18) of a projection (SPEC §12 Projection, as JSON text),
/// titled in `lang` (`zh` or `en`).
///
/// # Errors
/// As [`charts_json`].
#[cfg(feature = "charts")]
pub fn projection_chart_json(projection: &str, lang: &str) -> Result<String> {
    use crate::json::FromJson;
    let labels = crate::charts::ChartLabels::in_language(lang)?;
    let value = crate::json::parse(projection)?;
    let data = crate::charts::ProjectionData::from_json(&value, "")?;
    crate::charts::projection_chart(&data, &labels)
}
