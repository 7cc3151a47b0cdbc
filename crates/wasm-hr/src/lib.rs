//! The team page's browser module `paygrade_hr`, run in a Web Worker: rosters, quotas,
//! assignment, comparison, exports. Each export is decode → one call into `paygrade-team`
//! (or the roster crate) → encode (see `paygrade-wasm-common` for how values cross).
#![warn(missing_docs)]

use paygrade::api;
use paygrade_team::HrPolicy;
use paygrade_wasm_common::{
    encode, encode_json, js_error, reporter, required, required_large, value, POLICY_BLOCKS,
};
use serde_json::Value;
use wasm_bindgen::prelude::*;

/// The default policy (SPEC §12) as a plain object, the same as the first-load module's.
#[wasm_bindgen(js_name = defaultPolicy, unchecked_return_type = "Policy")]
pub fn default_policy() -> Result<JsValue, JsValue> {
    encode_json(Ok(paygrade::Policy::default()), POLICY_BLOCKS)
}

/// Check a policy object (or JSON text), every block of it (core, `contributions`,
/// `scorecard`); returns it normalized, or throws `{code, path, message}`.
#[wasm_bindgen(js_name = validatePolicy, unchecked_return_type = "Policy")]
pub fn validate_policy(
    #[wasm_bindgen(unchecked_param_type = "unknown")] policy: JsValue,
) -> Result<JsValue, JsValue> {
    let policy = required(&policy, "policy")?;
    encode_json(
        HrPolicy::from_json(Some(&policy)).map(|p| p.core.policy().clone()),
        POLICY_BLOCKS,
    )
}

/// Parsed roster as it crosses to JS: employees in the JSON shape, their spreadsheet rows,
/// and import warnings.
#[derive(serde::Serialize)]
struct ParsedRoster<'a> {
    employees: &'a [paygrade::Employee],
    rows: Vec<usize>,
    warnings: &'a [paygrade::Warning],
    /// A workbook's visible sheets, to choose from.
    sheets: &'a [String],
    /// The sheet read.
    sheet: Option<&'a str>,
}

/// Read a roster file's bytes (`.csv` UTF-8/GBK, `.xlsx`, `.json`, by `fileName`):
/// `{employees, rows, warnings}`; errors name `row N, column X`. `onProgress(done,
/// total)`, if given, is called every 2048 rows.
#[wasm_bindgen(js_name = parseRoster, unchecked_return_type = "ParsedRoster")]
pub fn parse_roster(
    bytes: &[u8],
    file_name: &str,
    sheet: Option<String>,
    on_progress: Option<js_sys::Function>,
) -> Result<JsValue, JsValue> {
    let roster = paygrade_roster::parse_roster_observed(
        bytes,
        file_name,
        sheet.as_deref(),
        &mut reporter(on_progress),
    )
    .map_err(|e| js_error(&e))?;
    encode(Ok(ParsedRoster {
        employees: &roster.employees,
        rows: roster.sources.iter().map(|s| s.row).collect(),
        warnings: &roster.warnings,
        sheets: &roster.sheets,
        sheet: roster.sheet.as_deref(),
    }))
}

/// The embedded 71-person sample roster, parsed like [`parse_roster`].
#[wasm_bindgen(js_name = sampleRoster, unchecked_return_type = "ParsedRoster")]
pub fn sample_roster() -> Result<JsValue, JsValue> {
    parse_roster(
        paygrade_roster::sample::SAMPLE_ROSTER_CSV.as_bytes(),
        "sample_roster.csv",
        None,
        None,
    )
}

/// Pay a roster: `{results, totals, quota, warnings}` (SPEC §12 roster result).
#[wasm_bindgen(js_name = computeRoster, unchecked_return_type = "RosterResult")]
pub fn compute_roster(
    #[wasm_bindgen(unchecked_param_type = "PolicyInput")] policy: JsValue,
    #[wasm_bindgen(unchecked_param_type = "EmployeesInput")] employees: JsValue,
    as_of: Option<String>,
) -> Result<JsValue, JsValue> {
    let (policy, employees) = (value(&policy)?, required_large(&employees, "employees")?);
    encode(paid(policy, &employees, as_of).map(|(_, pay)| pay))
}

/// Decode a roster call's arguments and pay the people (the one call of `computeRoster`
/// and the two exports): the people as read, and their pay.
fn paid(
    policy: Option<Value>,
    employees: &Value,
    as_of: Option<String>,
) -> paygrade::Result<(Vec<paygrade::Employee>, paygrade::RosterPay)> {
    let policy = HrPolicy::from_json(policy.as_ref())?;
    let people = api::employees_from_json(employees)?;
    let as_of = api::parse_as_of(as_of.as_deref())?;
    let pay = paygrade_team::roster_pay(&policy, &people, as_of, &mut |_, _| {})?;
    Ok((people, pay))
}

/// The quota report for employees as they are graded now (SPEC §3, §12).
#[wasm_bindgen(js_name = checkQuotas, unchecked_return_type = "QuotaReport")]
pub fn check_quotas(
    #[wasm_bindgen(unchecked_param_type = "PolicyInput")] policy: JsValue,
    #[wasm_bindgen(unchecked_param_type = "EmployeesInput")] employees: JsValue,
) -> Result<JsValue, JsValue> {
    let policy = value(&policy)?;
    let employees = required_large(&employees, "employees")?;
    encode((|| {
        let policy = HrPolicy::from_json(policy.as_ref())?;
        paygrade_team::quotas(&policy, &api::employees_from_json(&employees)?)
    })())
}

/// Annual grade assignment (SPEC §4, §12): `{seats, results}`.
#[wasm_bindgen(js_name = assignGrades, unchecked_return_type = "AssignmentResult")]
pub fn assign_grades(
    #[wasm_bindgen(unchecked_param_type = "PolicyInput")] policy: JsValue,
    #[wasm_bindgen(unchecked_param_type = "EmployeesInput")] employees: JsValue,
    as_of: Option<String>,
) -> Result<JsValue, JsValue> {
    let policy = value(&policy)?;
    let employees = required_large(&employees, "employees")?;
    encode((|| {
        let policy = HrPolicy::from_json(policy.as_ref())?;
        let people = api::employees_from_json(&employees)?;
        paygrade_team::assign(&policy, &people, api::parse_as_of(as_of.as_deref())?)
    })())
}

/// Compare employees under a baseline and a proposal policy (SPEC §5, §12 Comparison).
/// `onProgress(done, total)`, if given, is called every 2048 people paid (`total` is
/// twice the head count).
#[wasm_bindgen(js_name = compareScenarios, unchecked_return_type = "Comparison")]
pub fn compare_scenarios(
    #[wasm_bindgen(unchecked_param_type = "PolicyInput")] baseline: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Policy | string")] proposal: JsValue,
    #[wasm_bindgen(unchecked_param_type = "EmployeesInput")] employees: JsValue,
    as_of: Option<String>,
    on_progress: Option<js_sys::Function>,
) -> Result<JsValue, JsValue> {
    let baseline = value(&baseline)?;
    let proposal = required(&proposal, "proposal")?;
    let employees = required_large(&employees, "employees")?;
    let comparison = (|| {
        let base = HrPolicy::from_json(baseline.as_ref())?;
        let prop = HrPolicy::from_json(Some(&proposal))?;
        let people = api::employees_from_json(&employees)?;
        paygrade_team::compare(
            &base,
            &prop,
            &people,
            api::parse_as_of(as_of.as_deref())?,
            &mut reporter(on_progress),
        )
    })();
    encode_json(comparison, &["policy_diff"])
}

/// Cost over the years (SPEC §12 Projection): the employees under a baseline (null =
/// the default policy) and a proposal (null = the baseline) for year offsets 0 …
/// `years`; `assign` re-grades each year with the annual assignment.
#[wasm_bindgen(js_name = projectScenarios)]
pub fn project_scenarios(
    baseline: JsValue,
    proposal: JsValue,
    employees: JsValue,
    as_of: Option<String>,
    years: u32,
    assign: bool,
) -> Result<JsValue, JsValue> {
    let (baseline, proposal) = (value(&baseline)?, value(&proposal)?);
    let employees = required_large(&employees, "employees")?;
    encode(projection(
        baseline, proposal, &employees, as_of, years, assign,
    ))
}

/// A projection as CSV text (UTF-8 with BOM), one row per year and side, for download.
#[wasm_bindgen(js_name = exportProjectionCsv)]
pub fn export_projection_csv(
    baseline: JsValue,
    proposal: JsValue,
    employees: JsValue,
    as_of: Option<String>,
    years: u32,
    assign: bool,
) -> Result<String, JsValue> {
    let (baseline, proposal) = (value(&baseline)?, value(&proposal)?);
    let employees = required_large(&employees, "employees")?;
    projection(baseline, proposal, &employees, as_of, years, assign)
        .and_then(|p| paygrade_roster::export::projection_csv(&p))
        .map_err(|e| js_error(&e))
}

/// Decode the projection's arguments and project (the one call of the two exports).
fn projection(
    baseline: Option<Value>,
    proposal: Option<Value>,
    employees: &Value,
    as_of: Option<String>,
    years: u32,
    assign: bool,
) -> paygrade::Result<paygrade::projection::Projection> {
    let base = HrPolicy::from_json(baseline.as_ref())?;
    let prop = match &proposal {
        Some(p) => HrPolicy::from_json(Some(p))?,
        None => base.clone(),
    };
    let people = api::employees_from_json(employees)?;
    let as_of = api::parse_as_of(as_of.as_deref())?;
    paygrade_team::project(&base, &prop, &people, as_of, years, assign)
}

/// A paid roster as CSV text (UTF-8 with BOM; formulas neutralised), for download: the
/// input columns first (re-importable), the results after; `lang` `zh` or `en`.
#[wasm_bindgen(js_name = exportRosterCsv)]
pub fn export_roster_csv(
    #[wasm_bindgen(unchecked_param_type = "PolicyInput")] policy: JsValue,
    #[wasm_bindgen(unchecked_param_type = "EmployeesInput")] employees: JsValue,
    as_of: Option<String>,
    lang: Option<String>,
) -> Result<String, JsValue> {
    let (policy, employees) = (value(&policy)?, required_large(&employees, "employees")?);
    let lang = paygrade_roster::export::Lang::from_code(lang.as_deref().unwrap_or("en"));
    paid(policy, &employees, as_of)
        .and_then(|(people, pay)| paygrade_roster::export::roster_export_csv(&people, &pay, lang))
        .map_err(|e| js_error(&e))
}

/// A paid roster as XLSX bytes (text stays text, numbers stay numbers), for download: as
/// [`export_roster_csv`], with money formats, a frozen header and a totals row.
#[wasm_bindgen(js_name = exportRosterXlsx)]
pub fn export_roster_xlsx(
    #[wasm_bindgen(unchecked_param_type = "PolicyInput")] policy: JsValue,
    #[wasm_bindgen(unchecked_param_type = "EmployeesInput")] employees: JsValue,
    as_of: Option<String>,
    lang: Option<String>,
) -> Result<Vec<u8>, JsValue> {
    let (policy, employees) = (value(&policy)?, required_large(&employees, "employees")?);
    let lang = paygrade_roster::export::Lang::from_code(lang.as_deref().unwrap_or("en"));
    paid(policy, &employees, as_of)
        .and_then(|(people, pay)| paygrade_roster::export::roster_export_xlsx(&people, &pay, lang))
        .map_err(|e| js_error(&e))
}

/// A comparison as CSV text (UTF-8 with BOM; formulas neutralised), for download: each
/// person's input columns (re-importable), then for each component and the total the
/// baseline (null = the default policy), the proposal and the difference; `lang` `zh`
/// or `en`.
#[wasm_bindgen(js_name = exportComparisonCsv)]
pub fn export_comparison_csv(
    #[wasm_bindgen(unchecked_param_type = "PolicyInput")] baseline: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Policy | string")] proposal: JsValue,
    #[wasm_bindgen(unchecked_param_type = "EmployeesInput")] employees: JsValue,
    as_of: Option<String>,
    lang: Option<String>,
) -> Result<String, JsValue> {
    let (baseline, proposal) = (value(&baseline)?, required(&proposal, "proposal")?);
    let employees = required_large(&employees, "employees")?;
    let lang = paygrade_roster::export::Lang::from_code(lang.as_deref().unwrap_or("en"));
    compared(baseline, &proposal, &employees, as_of)
        .and_then(|(people, (before, after))| {
            paygrade_roster::export::comparison_export_csv(&people, &before, &after, lang)
        })
        .map_err(|e| js_error(&e))
}

/// A comparison as XLSX bytes, for download: as [`export_comparison_csv`], with money
/// formats, a frozen header, column widths and a totals row.
#[wasm_bindgen(js_name = exportComparisonXlsx)]
pub fn export_comparison_xlsx(
    #[wasm_bindgen(unchecked_param_type = "PolicyInput")] baseline: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Policy | string")] proposal: JsValue,
    #[wasm_bindgen(unchecked_param_type = "EmployeesInput")] employees: JsValue,
    as_of: Option<String>,
    lang: Option<String>,
) -> Result<Vec<u8>, JsValue> {
    let (baseline, proposal) = (value(&baseline)?, required(&proposal, "proposal")?);
    let employees = required_large(&employees, "employees")?;
    let lang = paygrade_roster::export::Lang::from_code(lang.as_deref().unwrap_or("en"));
    compared(baseline, &proposal, &employees, as_of)
        .and_then(|(people, (before, after))| {
            paygrade_roster::export::comparison_export_xlsx(&people, &before, &after, lang)
        })
        .map_err(|e| js_error(&e))
}

/// Decode a comparison export's arguments and pay both sides (the one call of the two
/// comparison exports): the people as read, and their pay under the baseline and the
/// proposal.
#[allow(clippy::type_complexity)]
fn compared(
    baseline: Option<Value>,
    proposal: &Value,
    employees: &Value,
    as_of: Option<String>,
) -> paygrade::Result<(
    Vec<paygrade::Employee>,
    (paygrade::RosterPay, paygrade::RosterPay),
)> {
    let base = HrPolicy::from_json(baseline.as_ref())?;
    let prop = HrPolicy::from_json(Some(proposal))?;
    let people = api::employees_from_json(employees)?;
    let as_of = api::parse_as_of(as_of.as_deref())?;
    let sides = paygrade_team::compare_pay(&base, &prop, &people, as_of)?;
    Ok((people, sides))
}

/// 工资条 (payslips) as XLSX bytes, for download: the roster paid under `policy` for the
/// month of `asOf` (each slip headed by it), in `lang` `zh` or `en` — the header row
/// repeated above each person, a blank row between.
#[wasm_bindgen(js_name = exportPayslipsXlsx)]
pub fn export_payslips_xlsx(
    #[wasm_bindgen(unchecked_param_type = "PolicyInput")] policy: JsValue,
    #[wasm_bindgen(unchecked_param_type = "EmployeesInput")] employees: JsValue,
    as_of: Option<String>,
    lang: Option<String>,
) -> Result<Vec<u8>, JsValue> {
    let (policy, employees) = (value(&policy)?, required_large(&employees, "employees")?);
    let lang = paygrade_roster::export::Lang::from_code(lang.as_deref().unwrap_or("zh"));
    (|| {
        let policy = HrPolicy::from_json(policy.as_ref())?;
        let people = api::employees_from_json(&employees)?;
        let date = api::parse_as_of(as_of.as_deref())?;
        let pay = paygrade_team::roster_pay(&policy, &people, date, &mut |_, _| {})?;
        let month = date
            .map(|d| d.format("%Y-%m").to_string())
            .unwrap_or_default();
        let names = paygrade_text::Names::of(policy.core.policy());
        paygrade_roster::export::payslips_xlsx(&pay, &names, &month, lang)
    })()
    .map_err(|e| js_error(&e))
}
