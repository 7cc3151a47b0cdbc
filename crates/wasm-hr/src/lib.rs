//! The team page's browser module `paygrade_hr`, run in a Web Worker: rosters, quotas,
//! assignment, comparison, exports. Each export is decode → one call into `paygrade-team`
//! (or the roster crate) → encode (see `paygrade-wasm-common` for how values cross).
//!
//! The page keeps its roster here, in a [`Workspace`] (ruff's `Workspace`, numbat's
//! `Numbat`): a file is read once, and every later call pays, compares or exports the
//! people already decoded, passing only the policy and the date. The free functions take
//! the employees as an argument, for a caller that keeps them itself.
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
    encode(Ok(parsed(&roster)))
}

/// A roster as it crosses to JS ([`ParsedRoster`]).
fn parsed(roster: &paygrade_roster::Roster) -> ParsedRoster<'_> {
    ParsedRoster {
        employees: &roster.employees,
        rows: roster.sources.iter().map(|s| s.row).collect(),
        warnings: &roster.warnings,
        sheets: &roster.sheets,
        sheet: roster.sheet.as_deref(),
    }
}

/// What the page shows of a roster kept in a [`Workspace`]: its size, warnings and
/// sheets — never its people (they stay in the engine).
#[derive(serde::Serialize)]
struct RosterSummary<'a> {
    /// People read.
    size: usize,
    warnings: &'a [paygrade::Warning],
    /// A workbook's visible sheets, to choose from.
    sheets: &'a [String],
    /// The sheet read.
    sheet: Option<&'a str>,
    /// The row the header was found in (1 unless title rows stand above it; 0 for JSON).
    header_row: usize,
}

/// A roster as a [`Workspace`] answers a load ([`RosterSummary`]).
fn summary(roster: &paygrade_roster::Roster) -> RosterSummary<'_> {
    RosterSummary {
        size: roster.employees.len(),
        warnings: &roster.warnings,
        sheets: &roster.sheets,
        sheet: roster.sheet.as_deref(),
        header_row: roster.header_row,
    }
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
    encode(people(&employees).and_then(|people| paid(policy, &people, as_of)))
}

/// The employees of a call, decoded (SPEC §12 employee shape).
fn people(employees: &Value) -> paygrade::Result<Vec<paygrade::Employee>> {
    api::employees_from_json(employees)
}

/// Pay the people under a policy (null = the default): the one call of `computeRoster`
/// and of the roster exports.
fn paid(
    policy: Option<Value>,
    people: &[paygrade::Employee],
    as_of: Option<String>,
) -> paygrade::Result<paygrade::RosterPay> {
    let policy = HrPolicy::from_json(policy.as_ref())?;
    let as_of = api::parse_as_of(as_of.as_deref())?;
    paygrade_team::roster_pay(&policy, people, as_of, &mut |_, _| {})
}

/// The quota report for employees as they are graded now (SPEC §3, §12).
#[wasm_bindgen(js_name = checkQuotas, unchecked_return_type = "QuotaReport")]
pub fn check_quotas(
    #[wasm_bindgen(unchecked_param_type = "PolicyInput")] policy: JsValue,
    #[wasm_bindgen(unchecked_param_type = "EmployeesInput")] employees: JsValue,
) -> Result<JsValue, JsValue> {
    let policy = value(&policy)?;
    let employees = required_large(&employees, "employees")?;
    encode(people(&employees).and_then(|people| quotas(policy, &people)))
}

fn quotas(
    policy: Option<Value>,
    people: &[paygrade::Employee],
) -> paygrade::Result<paygrade::QuotaReport> {
    paygrade_team::quotas(&HrPolicy::from_json(policy.as_ref())?, people)
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
    encode(people(&employees).and_then(|people| assigned(policy, &people, as_of)))
}

fn assigned(
    policy: Option<Value>,
    people: &[paygrade::Employee],
    as_of: Option<String>,
) -> paygrade::Result<paygrade::Assignment> {
    let policy = HrPolicy::from_json(policy.as_ref())?;
    paygrade_team::assign(&policy, people, api::parse_as_of(as_of.as_deref())?)
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
    let comparison = people(&employees)
        .and_then(|people| comparison(baseline, &proposal, &people, as_of, on_progress));
    encode_json(comparison, &["policy_diff"])
}

fn comparison(
    baseline: Option<Value>,
    proposal: &Value,
    people: &[paygrade::Employee],
    as_of: Option<String>,
    on_progress: Option<js_sys::Function>,
) -> paygrade::Result<paygrade::scenario::Comparison> {
    let base = HrPolicy::from_json(baseline.as_ref())?;
    let prop = HrPolicy::from_json(Some(proposal))?;
    paygrade_team::compare(
        &base,
        &prop,
        people,
        api::parse_as_of(as_of.as_deref())?,
        &mut reporter(on_progress),
    )
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
    encode(
        people(&employees)
            .and_then(|people| projection(baseline, proposal, &people, as_of, years, assign)),
    )
}

/// A projection as CSV text (UTF-8 with BOM), one row per year and side, for download;
/// headers and side words in `lang` (`zh` or `en`, default `en`).
#[wasm_bindgen(js_name = exportProjectionCsv)]
pub fn export_projection_csv(
    baseline: JsValue,
    proposal: JsValue,
    employees: JsValue,
    as_of: Option<String>,
    years: u32,
    assign: bool,
    lang: Option<String>,
) -> Result<String, JsValue> {
    let (baseline, proposal) = (value(&baseline)?, value(&proposal)?);
    let employees = required_large(&employees, "employees")?;
    let lang = export_lang(lang, "en");
    people(&employees)
        .and_then(|people| projection(baseline, proposal, &people, as_of, years, assign))
        .and_then(|p| paygrade_roster::export::projection_csv(&p, lang))
        .map_err(|e| js_error(&e))
}

/// Decode the projection's policies and project (the one call of the two exports).
fn projection(
    baseline: Option<Value>,
    proposal: Option<Value>,
    people: &[paygrade::Employee],
    as_of: Option<String>,
    years: u32,
    assign: bool,
) -> paygrade::Result<paygrade::projection::Projection> {
    let base = HrPolicy::from_json(baseline.as_ref())?;
    let prop = match &proposal {
        Some(p) => HrPolicy::from_json(Some(p))?,
        None => base.clone(),
    };
    let as_of = api::parse_as_of(as_of.as_deref())?;
    paygrade_team::project(&base, &prop, people, as_of, years, assign)
}

/// The language of an export: `lang` (`zh` or `en`), else `default`.
fn export_lang(lang: Option<String>, default: &str) -> paygrade_roster::export::Lang {
    paygrade_roster::export::Lang::from_code(lang.as_deref().unwrap_or(default))
}

/// The people paid under `policy`, as a re-importable CSV (default language `en`).
fn roster_csv(
    policy: Option<Value>,
    people: &[paygrade::Employee],
    as_of: Option<String>,
    lang: Option<String>,
) -> paygrade::Result<String> {
    let pay = paid(policy, people, as_of)?;
    paygrade_roster::export::roster_export_csv(people, &pay, export_lang(lang, "en"))
}

/// The people paid under `policy`, as a re-importable XLSX (default language `en`).
fn roster_xlsx(
    policy: Option<Value>,
    people: &[paygrade::Employee],
    as_of: Option<String>,
    lang: Option<String>,
) -> paygrade::Result<Vec<u8>> {
    let pay = paid(policy, people, as_of)?;
    paygrade_roster::export::roster_export_xlsx(people, &pay, export_lang(lang, "en"))
}

/// 工资条 of the people paid under `policy` for the month of `as_of`, as XLSX (default
/// language `zh`; the policy's own level names word the slips).
fn payslips(
    policy: Option<Value>,
    people: &[paygrade::Employee],
    as_of: Option<String>,
    lang: Option<String>,
) -> paygrade::Result<Vec<u8>> {
    let policy = HrPolicy::from_json(policy.as_ref())?;
    let date = api::parse_as_of(as_of.as_deref())?;
    let pay = paygrade_team::roster_pay(&policy, people, date, &mut |_, _| {})?;
    let month = date
        .map(|d| d.format("%Y-%m").to_string())
        .unwrap_or_default();
    let names = paygrade_text::Names::of(policy.core.policy());
    paygrade_roster::export::payslips_xlsx(&pay, &names, &month, export_lang(lang, "zh"))
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
    people(&employees)
        .and_then(|p| roster_csv(policy, &p, as_of, lang))
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
    people(&employees)
        .and_then(|p| roster_xlsx(policy, &p, as_of, lang))
        .map_err(|e| js_error(&e))
}

/// The people paid under both policies: the one call of the comparison exports.
fn compared(
    baseline: Option<Value>,
    proposal: &Value,
    people: &[paygrade::Employee],
    as_of: Option<String>,
) -> paygrade::Result<(paygrade::RosterPay, paygrade::RosterPay)> {
    let base = HrPolicy::from_json(baseline.as_ref())?;
    let prop = HrPolicy::from_json(Some(proposal))?;
    let as_of = api::parse_as_of(as_of.as_deref())?;
    paygrade_team::compare_pay(&base, &prop, people, as_of)
}

/// A comparison as a re-importable CSV (default language `en`).
fn comparison_csv(
    baseline: Option<Value>,
    proposal: &Value,
    people: &[paygrade::Employee],
    as_of: Option<String>,
    lang: Option<String>,
) -> paygrade::Result<String> {
    let (before, after) = compared(baseline, proposal, people, as_of)?;
    let lang = export_lang(lang, "en");
    paygrade_roster::export::comparison_export_csv(people, &before, &after, lang)
}

/// A comparison as a re-importable XLSX (default language `en`).
fn comparison_xlsx(
    baseline: Option<Value>,
    proposal: &Value,
    people: &[paygrade::Employee],
    as_of: Option<String>,
    lang: Option<String>,
) -> paygrade::Result<Vec<u8>> {
    let (before, after) = compared(baseline, proposal, people, as_of)?;
    let lang = export_lang(lang, "en");
    paygrade_roster::export::comparison_export_xlsx(people, &before, &after, lang)
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
    people(&employees)
        .and_then(|p| comparison_csv(baseline, &proposal, &p, as_of, lang))
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
    people(&employees)
        .and_then(|p| comparison_xlsx(baseline, &proposal, &p, as_of, lang))
        .map_err(|e| js_error(&e))
}

/// A blank roster to fill in, as XLSX bytes, for download: the input columns and one
/// example row (SPEC §11 example 1) in `lang` `zh` or `en` (default `zh`), and a sheet
/// of notes on each column (`paygrade_roster::export::roster_template_xlsx`).
///
/// # Errors
/// `internal` if the workbook cannot be written.
#[wasm_bindgen(js_name = rosterTemplateXlsx)]
pub fn roster_template_xlsx(lang: Option<String>) -> Result<Vec<u8>, JsValue> {
    paygrade_roster::export::roster_template_xlsx(export_lang(lang, "zh")).map_err(|e| js_error(&e))
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
    people(&employees)
        .and_then(|p| payslips(policy, &p, as_of, lang))
        .map_err(|e| js_error(&e))
}

/// The team page's roster, kept in the module between calls (issue 16 item 3): a file
/// is read and its people decoded once; every call after it pays, compares, grades or
/// exports them with only a policy and a date crossing the boundary. Each method is
/// decode → the same one call as the free function of the same name → encode. Holds no
/// roster until one is loaded (`no_rows`).
#[wasm_bindgen]
#[derive(Default)]
pub struct Workspace {
    /// The roster read last: its people, rows, warnings and sheets.
    roster: Option<paygrade_roster::Roster>,
    /// The workbook or file it came from, so another sheet can be read (issue 15 item 2).
    file: Option<(Vec<u8>, String)>,
    /// The last [`Workspace::run`]'s results, kept for pages, explanations and charts.
    session: paygrade_team::view::TeamSession,
}

#[wasm_bindgen]
impl Workspace {
    /// An empty workspace.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Workspace {
        Workspace::default()
    }

    /// Read a roster file (a `File` or `Blob`, read synchronously: a worker's
    /// `FileReaderSync`) as [`parse_roster`] does, and keep it: `RosterSummary` (the
    /// people stay here).
    #[wasm_bindgen(js_name = loadFile, unchecked_return_type = "RosterSummary")]
    pub fn load_file(
        &mut self,
        file: &web_sys::Blob,
        file_name: &str,
        sheet: Option<String>,
        on_progress: Option<js_sys::Function>,
    ) -> Result<JsValue, JsValue> {
        let buffer = web_sys::FileReaderSync::new()?.read_as_array_buffer(file)?;
        let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
        self.load_bytes(bytes, file_name, sheet, on_progress)
    }

    /// Read a roster file's bytes as [`parse_roster`] does, and keep it: `RosterSummary`.
    #[wasm_bindgen(js_name = loadBytes, unchecked_return_type = "RosterSummary")]
    pub fn load_bytes(
        &mut self,
        bytes: Vec<u8>,
        file_name: &str,
        sheet: Option<String>,
        on_progress: Option<js_sys::Function>,
    ) -> Result<JsValue, JsValue> {
        let roster = paygrade_roster::parse_roster_observed(
            &bytes,
            file_name,
            sheet.as_deref(),
            &mut reporter(on_progress),
        )
        .map_err(|e| js_error(&e))?;
        self.file = Some((bytes, file_name.to_string()));
        self.keep(roster)
    }

    /// Read another sheet of the workbook loaded last, and keep it: `RosterSummary`. A
    /// sheet that cannot be read leaves the roster in use as it was.
    #[wasm_bindgen(js_name = loadSheet, unchecked_return_type = "RosterSummary")]
    pub fn load_sheet(
        &mut self,
        sheet: String,
        on_progress: Option<js_sys::Function>,
    ) -> Result<JsValue, JsValue> {
        let Some((bytes, name)) = &self.file else {
            return Err(js_error(&no_rows()));
        };
        let roster = paygrade_roster::parse_roster_observed(
            bytes,
            name,
            Some(&sheet),
            &mut reporter(on_progress),
        )
        .map_err(|e| js_error(&e))?;
        self.keep(roster)
    }

    /// Keep the embedded 71-person sample roster: `RosterSummary`.
    #[wasm_bindgen(js_name = loadSample, unchecked_return_type = "RosterSummary")]
    pub fn load_sample(&mut self) -> Result<JsValue, JsValue> {
        let roster = paygrade_roster::sample::sample_roster().map_err(|e| js_error(&e))?;
        self.file = None;
        self.keep(roster)
    }

    /// Keep employees the page saved earlier (the JSON shape, as [`Workspace::employees`]
    /// gives them): `RosterSummary`.
    #[wasm_bindgen(js_name = loadEmployees, unchecked_return_type = "RosterSummary")]
    pub fn load_employees(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "EmployeesInput")] employees: JsValue,
    ) -> Result<JsValue, JsValue> {
        let employees = required_large(&employees, "employees")?;
        let roster = paygrade_roster::roster_from_json(&employees).map_err(|e| js_error(&e))?;
        self.file = None;
        self.keep(roster)
    }

    /// The number of people kept.
    #[wasm_bindgen(getter)]
    pub fn size(&self) -> usize {
        self.roster.as_ref().map_or(0, |r| r.employees.len())
    }

    fn keep(&mut self, roster: paygrade_roster::Roster) -> Result<JsValue, JsValue> {
        let out = encode(Ok(summary(&roster)));
        self.roster = Some(roster);
        self.session = paygrade_team::view::TeamSession::new();
        out
    }

    /// The people kept, in the JSON shape (SPEC §12 employee), for a page that saves a
    /// small roster to reload it later with [`Workspace::load_employees`].
    ///
    /// # Errors
    /// `no_rows` when no roster is loaded.
    #[wasm_bindgen(unchecked_return_type = "Employee[]")]
    pub fn employees(&self) -> Result<JsValue, JsValue> {
        encode(self.people())
    }

    /// Who roster person `index` is (an error's `employee`): `{id, row}` (`row` the
    /// file's row, 0 for JSON input), or `undefined` past the end.
    #[wasm_bindgen(unchecked_return_type = "{ id: string; row: number } | undefined")]
    pub fn person(&self, index: usize) -> Result<JsValue, JsValue> {
        #[derive(serde::Serialize)]
        struct Who<'a> {
            id: &'a str,
            row: usize,
        }
        let Some(r) = &self.roster else {
            return Ok(JsValue::UNDEFINED);
        };
        match (r.employees.get(index), r.sources.get(index)) {
            (Some(e), Some(s)) => encode(Ok(Who {
                id: &e.id,
                row: s.row,
            })),
            _ => Ok(JsValue::UNDEFINED),
        }
    }

    /// The team page's one call (issue 16 item 3): the people kept, paid under
    /// `baseline` (null = the default policy) and `proposal`, compared, their quotas and
    /// grade assignment under the baseline, every result kept here; returns `RunSummary`
    /// — totals, per level, counts, policy differences, hashes, the quota report, the
    /// assignment's first page and the first page of `query` (a `PeopleQuery`; null: the
    /// largest difference first, 100 rows). The baseline is paid again only when it or
    /// `asOf` changed. `onProgress(done, total)` every 2048 people paid.
    ///
    /// # Errors
    /// `no_rows` before a roster is loaded; those of the policies, and of paying someone
    /// (within `baseline` / `proposal`, `employee` the person's index: see
    /// [`Workspace::person`]; placed at the file's row and column as read). The results
    /// of the last successful run stay.
    #[wasm_bindgen(unchecked_return_type = "RunSummary")]
    pub fn run(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "PolicyInput")] baseline: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Policy | string")] proposal: JsValue,
        as_of: Option<String>,
        #[wasm_bindgen(unchecked_param_type = "PeopleQuery | null | undefined")] query: JsValue,
        on_progress: Option<js_sys::Function>,
    ) -> Result<JsValue, JsValue> {
        let baseline = value(&baseline)?;
        let proposal = required(&proposal, "proposal")?;
        let query = value(&query)?;
        let roster = self.roster.as_ref().ok_or_else(|| js_error(&no_rows()))?;
        let result = run(
            &mut self.session,
            &roster.employees,
            (baseline, &proposal),
            as_of,
            query,
            on_progress,
        )
        .map_err(|e| roster.locate(e));
        encode_json(result, &["policy_diff"])
    }

    /// A page of the last run's people table: `query` (`PeopleQuery`: `offset`,
    /// `limit`, `sort`, `dir`, `level`, `search`) answered from the kept results —
    /// `PeoplePage` (the rows and how many match).
    ///
    /// # Errors
    /// `no_rows` before a run; `unknown_mode` at `sort` or `dir`.
    #[wasm_bindgen(js_name = peoplePage, unchecked_return_type = "PeoplePage")]
    pub fn people_page(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "PeopleQuery | null | undefined")] query: JsValue,
    ) -> Result<JsValue, JsValue> {
        let query = value(&query)?;
        let people = self
            .roster
            .as_ref()
            .map_or(&[][..], |r| r.employees.as_slice());
        let session = &mut self.session;
        encode(
            paygrade_team::view::PeopleQuery::from_json(query.as_ref())
                .and_then(|q| session.people_page(people, &q)),
        )
    }

    /// A page of the last run's grade assignment (`{offset, limit}`): `AssignmentPage`,
    /// or null when the roster could not be graded.
    ///
    /// # Errors
    /// `no_rows` before a run.
    #[wasm_bindgen(js_name = assignmentPage, unchecked_return_type = "AssignmentPage | null")]
    pub fn assignment_page(
        &self,
        #[wasm_bindgen(
            unchecked_param_type = "{ offset?: number; limit?: number } | null | undefined"
        )]
        query: JsValue,
    ) -> Result<JsValue, JsValue> {
        let query = value(&query)?;
        encode(
            paygrade_team::view::assignment_query(query.as_ref())
                .and_then(|(offset, limit)| self.session.assignment_page(offset, limit)),
        )
    }

    /// One person's breakdown under the last run's proposal (with its explanation), by
    /// id: `Breakdown`, or null when no one has that id.
    ///
    /// # Errors
    /// `no_rows` before a run.
    #[wasm_bindgen(unchecked_return_type = "Breakdown | null")]
    pub fn explain(&self, id: &str) -> Result<JsValue, JsValue> {
        encode(
            self.people()
                .and_then(|people| self.session.breakdown(people, id)),
        )
    }

    /// Everyone's breakdown under the last run's proposal, roster order (the payslip
    /// print view).
    ///
    /// # Errors
    /// `no_rows` before a run.
    #[wasm_bindgen(unchecked_return_type = "Breakdown[]")]
    pub fn breakdowns(&self) -> Result<JsValue, JsValue> {
        encode(
            self.people()
                .and_then(|people| self.session.breakdowns(people)),
        )
    }

    /// The last run as a whole `Comparison` (every person), the same as
    /// [`compare_scenarios`]'s: the charts' data, asked for when the charts open.
    ///
    /// # Errors
    /// `no_rows` before a run.
    #[wasm_bindgen(js_name = chartData, unchecked_return_type = "Comparison")]
    pub fn chart_data(&self) -> Result<JsValue, JsValue> {
        encode_json(
            self.people()
                .and_then(|people| self.session.comparison(people)),
            &["policy_diff"],
        )
    }

    fn people(&self) -> paygrade::Result<&[paygrade::Employee]> {
        self.roster
            .as_ref()
            .map(|r| r.employees.as_slice())
            .ok_or_else(no_rows)
    }

    /// The people kept, paid: as [`compute_roster`].
    #[wasm_bindgen(js_name = computeRoster, unchecked_return_type = "RosterResult")]
    pub fn compute_roster(
        &self,
        #[wasm_bindgen(unchecked_param_type = "PolicyInput")] policy: JsValue,
        as_of: Option<String>,
    ) -> Result<JsValue, JsValue> {
        let policy = value(&policy)?;
        encode(self.people().and_then(|p| paid(policy, p, as_of)))
    }

    /// The quota report of the people kept: as [`check_quotas`].
    #[wasm_bindgen(js_name = checkQuotas, unchecked_return_type = "QuotaReport")]
    pub fn check_quotas(
        &self,
        #[wasm_bindgen(unchecked_param_type = "PolicyInput")] policy: JsValue,
    ) -> Result<JsValue, JsValue> {
        let policy = value(&policy)?;
        encode(self.people().and_then(|p| quotas(policy, p)))
    }

    /// The annual grade assignment of the people kept: as [`assign_grades`].
    #[wasm_bindgen(js_name = assignGrades, unchecked_return_type = "AssignmentResult")]
    pub fn assign_grades(
        &self,
        #[wasm_bindgen(unchecked_param_type = "PolicyInput")] policy: JsValue,
        as_of: Option<String>,
    ) -> Result<JsValue, JsValue> {
        let policy = value(&policy)?;
        encode(self.people().and_then(|p| assigned(policy, p, as_of)))
    }

    /// The people kept under a baseline and a proposal: as [`compare_scenarios`].
    #[wasm_bindgen(js_name = compareScenarios, unchecked_return_type = "Comparison")]
    pub fn compare_scenarios(
        &self,
        #[wasm_bindgen(unchecked_param_type = "PolicyInput")] baseline: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Policy | string")] proposal: JsValue,
        as_of: Option<String>,
        on_progress: Option<js_sys::Function>,
    ) -> Result<JsValue, JsValue> {
        let baseline = value(&baseline)?;
        let proposal = required(&proposal, "proposal")?;
        let result = self
            .people()
            .and_then(|p| comparison(baseline, &proposal, p, as_of, on_progress));
        encode_json(result, &["policy_diff"])
    }

    /// The people kept over the years: as [`project_scenarios`].
    #[wasm_bindgen(js_name = projectScenarios)]
    pub fn project_scenarios(
        &self,
        baseline: JsValue,
        proposal: JsValue,
        as_of: Option<String>,
        years: u32,
        assign: bool,
    ) -> Result<JsValue, JsValue> {
        let (baseline, proposal) = (value(&baseline)?, value(&proposal)?);
        encode(
            self.people()
                .and_then(|p| projection(baseline, proposal, p, as_of, years, assign)),
        )
    }

    /// The projection of the people kept as CSV text: as [`export_projection_csv`].
    #[wasm_bindgen(js_name = exportProjectionCsv)]
    pub fn export_projection_csv(
        &self,
        baseline: JsValue,
        proposal: JsValue,
        as_of: Option<String>,
        years: u32,
        assign: bool,
        lang: Option<String>,
    ) -> Result<String, JsValue> {
        let (baseline, proposal) = (value(&baseline)?, value(&proposal)?);
        let lang = export_lang(lang, "en");
        self.people()
            .and_then(|p| projection(baseline, proposal, p, as_of, years, assign))
            .and_then(|p| paygrade_roster::export::projection_csv(&p, lang))
            .map_err(|e| js_error(&e))
    }

    /// The people kept, paid, as CSV text: as [`export_roster_csv`].
    #[wasm_bindgen(js_name = exportRosterCsv)]
    pub fn export_roster_csv(
        &self,
        #[wasm_bindgen(unchecked_param_type = "PolicyInput")] policy: JsValue,
        as_of: Option<String>,
        lang: Option<String>,
    ) -> Result<String, JsValue> {
        let policy = value(&policy)?;
        self.people()
            .and_then(|p| roster_csv(policy, p, as_of, lang))
            .map_err(|e| js_error(&e))
    }

    /// The people kept, paid, as XLSX bytes: as [`export_roster_xlsx`].
    #[wasm_bindgen(js_name = exportRosterXlsx)]
    pub fn export_roster_xlsx(
        &self,
        #[wasm_bindgen(unchecked_param_type = "PolicyInput")] policy: JsValue,
        as_of: Option<String>,
        lang: Option<String>,
    ) -> Result<Vec<u8>, JsValue> {
        let policy = value(&policy)?;
        self.people()
            .and_then(|p| roster_xlsx(policy, p, as_of, lang))
            .map_err(|e| js_error(&e))
    }

    /// The comparison of the people kept as CSV text: as [`export_comparison_csv`].
    #[wasm_bindgen(js_name = exportComparisonCsv)]
    pub fn export_comparison_csv(
        &self,
        #[wasm_bindgen(unchecked_param_type = "PolicyInput")] baseline: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Policy | string")] proposal: JsValue,
        as_of: Option<String>,
        lang: Option<String>,
    ) -> Result<String, JsValue> {
        let (baseline, proposal) = (value(&baseline)?, required(&proposal, "proposal")?);
        self.people()
            .and_then(|p| comparison_csv(baseline, &proposal, p, as_of, lang))
            .map_err(|e| js_error(&e))
    }

    /// The comparison of the people kept as XLSX bytes: as [`export_comparison_xlsx`].
    #[wasm_bindgen(js_name = exportComparisonXlsx)]
    pub fn export_comparison_xlsx(
        &self,
        #[wasm_bindgen(unchecked_param_type = "PolicyInput")] baseline: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Policy | string")] proposal: JsValue,
        as_of: Option<String>,
        lang: Option<String>,
    ) -> Result<Vec<u8>, JsValue> {
        let (baseline, proposal) = (value(&baseline)?, required(&proposal, "proposal")?);
        self.people()
            .and_then(|p| comparison_xlsx(baseline, &proposal, p, as_of, lang))
            .map_err(|e| js_error(&e))
    }

    /// 工资条 of the people kept as XLSX bytes: as [`export_payslips_xlsx`].
    #[wasm_bindgen(js_name = exportPayslipsXlsx)]
    pub fn export_payslips_xlsx(
        &self,
        #[wasm_bindgen(unchecked_param_type = "PolicyInput")] policy: JsValue,
        as_of: Option<String>,
        lang: Option<String>,
    ) -> Result<Vec<u8>, JsValue> {
        let policy = value(&policy)?;
        self.people()
            .and_then(|p| payslips(policy, p, as_of, lang))
            .map_err(|e| js_error(&e))
    }
}

/// Decode a run's policies, date and query, and run ([`Workspace::run`]).
fn run(
    session: &mut paygrade_team::view::TeamSession,
    people: &[paygrade::Employee],
    (baseline, proposal): (Option<Value>, &Value),
    as_of: Option<String>,
    query: Option<Value>,
    on_progress: Option<js_sys::Function>,
) -> paygrade::Result<paygrade_team::view::RunSummary> {
    let base = HrPolicy::from_json(baseline.as_ref())?;
    let prop = HrPolicy::from_json(Some(proposal))?;
    let query = paygrade_team::view::PeopleQuery::from_json(query.as_ref())?;
    let as_of = api::parse_as_of(as_of.as_deref())?;
    session.run(
        &base,
        &prop,
        people,
        as_of,
        &query,
        &mut reporter(on_progress),
    )
}

/// No roster loaded yet (`no_rows`).
fn no_rows() -> paygrade::Error {
    paygrade::Error::new(paygrade::ErrorKind::NoRows, "")
}
