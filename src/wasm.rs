//! The wasm facade: stateless free functions, each decode → call core → encode.
//!
//! Values cross as plain JS objects in the same JSON shape as the CLI (money as
//! strings). Inputs are turned into JSON text with `JSON.stringify` (so a JS number's
//! own shortest text is what the core reads, exactly), results come back through
//! `JSON.parse`. Errors are thrown as JS `Error` objects with `code`, `path`,
//! `message` (中文 / English), `message_zh` and `message_en`. Nothing is kept between
//! calls, so an error cannot leave the module in a broken state.

use crate::api;
use js_sys::{Reflect, JSON};
use wasm_bindgen::prelude::*;

fn js_error(e: &crate::Error) -> JsValue {
    let err = js_sys::Error::new(&e.message());
    let obj: &JsValue = err.as_ref();
    for (key, value) in [
        ("code", e.code().to_string()),
        ("path", e.path.clone()),
        ("message_zh", e.kind.message_zh()),
        ("message_en", e.kind.to_string()),
    ] {
        // Setting a property on a fresh Error object cannot fail; ignore the Result.
        let _ = Reflect::set(obj, &JsValue::from_str(key), &JsValue::from_str(&value));
    }
    err.into()
}

/// A JS value as JSON text: `null`/`undefined` → `None`, a string is taken as JSON text.
fn text(value: &JsValue) -> Result<Option<String>, JsValue> {
    if value.is_null() || value.is_undefined() {
        return Ok(None);
    }
    if let Some(s) = value.as_string() {
        return Ok(Some(s));
    }
    let s = JSON::stringify(value)?;
    Ok(s.as_string())
}

fn required(value: &JsValue, what: &str) -> Result<String, JsValue> {
    text(value)?.ok_or_else(|| {
        js_error(&crate::Error::new(
            crate::ErrorKind::MissingField(what.to_string()),
            what,
        ))
    })
}

fn encode<T: serde::Serialize>(result: crate::Result<T>) -> Result<JsValue, JsValue> {
    match result.and_then(|value| crate::json::to_json(&value)) {
        Ok(json) => JSON::parse(&json),
        Err(e) => Err(js_error(&e)),
    }
}

/// The default policy (SPEC §12) as a plain object — the page starts from real defaults.
#[wasm_bindgen(js_name = defaultPolicy)]
pub fn default_policy() -> Result<JsValue, JsValue> {
    encode(Ok(crate::Policy::default()))
}

/// Check a policy object (or JSON text); returns it normalized, or throws `{code, path, message}`.
#[wasm_bindgen(js_name = validatePolicy)]
pub fn validate_policy(policy: JsValue) -> Result<JsValue, JsValue> {
    let policy = required(&policy, "policy")?;
    encode(api::policy_from(Some(&policy)).map(|p| p.policy().clone()))
}

/// One person's breakdown (SPEC §12). `policy` null/undefined = the default policy;
/// `asOf` is the pay date `YYYY-MM-DD` (needed with `post_start`).
#[wasm_bindgen(js_name = computePay)]
pub fn compute_pay(
    policy: JsValue,
    employee: JsValue,
    as_of: Option<String>,
) -> Result<JsValue, JsValue> {
    let policy = text(&policy)?;
    let employee = required(&employee, "employee")?;
    encode(api::compute_pay_json(
        policy.as_deref(),
        &employee,
        as_of.as_deref(),
    ))
}

/// Today's breakdown and the what-ifs: `{current, band_up, level_up, next_seniority, next_rating}`.
#[wasm_bindgen(js_name = computeWhatIfs)]
pub fn compute_what_ifs(
    policy: JsValue,
    employee: JsValue,
    as_of: Option<String>,
) -> Result<JsValue, JsValue> {
    let policy = text(&policy)?;
    let employee = required(&employee, "employee")?;
    encode(api::what_ifs_json(
        policy.as_deref(),
        &employee,
        as_of.as_deref(),
    ))
}

/// Parsed roster as it crosses to JS: employees in the JSON shape, their spreadsheet rows,
/// and import warnings.
#[cfg(feature = "import")]
#[derive(serde::Serialize)]
struct ParsedRoster<'a> {
    employees: &'a [crate::Employee],
    rows: Vec<usize>,
    warnings: &'a [crate::roster::Warning],
    /// A workbook's visible sheets, to choose from.
    sheets: &'a [String],
    /// The sheet read.
    sheet: Option<&'a str>,
}

/// A progress callback for the core: calls the JS function `f(done, total)`, if any
/// (its result and any exception are ignored: progress is only shown).
#[cfg(feature = "import")]
fn reporter(f: Option<js_sys::Function>) -> impl FnMut(usize, usize) {
    move |done, total| {
        if let Some(f) = &f {
            let _ = f.call2(
                &JsValue::NULL,
                &JsValue::from(done as f64),
                &JsValue::from(total as f64),
            );
        }
    }
}

/// Read a roster file's bytes (`.csv` UTF-8/GBK, `.xlsx`, `.json`, by `fileName`):
/// `{employees, rows, warnings}`; errors name `row N, column X`. `onProgress(done,
/// total)`, if given, is called every 2048 rows.
#[cfg(feature = "import")]
#[wasm_bindgen(js_name = parseRoster)]
pub fn parse_roster(
    bytes: &[u8],
    file_name: &str,
    sheet: Option<String>,
    on_progress: Option<js_sys::Function>,
) -> Result<JsValue, JsValue> {
    let roster = crate::roster::parse_roster_observed(
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
#[cfg(feature = "import")]
#[wasm_bindgen(js_name = sampleRoster)]
pub fn sample_roster() -> Result<JsValue, JsValue> {
    parse_roster(
        crate::sample::SAMPLE_ROSTER_CSV.as_bytes(),
        "sample_roster.csv",
        None,
        None,
    )
}

/// Pay a roster: `{results, totals, quota, warnings}` (SPEC §12 roster result).
#[cfg(feature = "import")]
#[wasm_bindgen(js_name = computeRoster)]
pub fn compute_roster(
    policy: JsValue,
    employees: JsValue,
    as_of: Option<String>,
) -> Result<JsValue, JsValue> {
    let policy = text(&policy)?;
    let employees = required(&employees, "employees")?;
    encode((|| {
        let policy = api::policy_from(policy.as_deref())?;
        let people = api::employees_from_json(&employees)?;
        crate::compute_roster(&policy, &people, api::parse_as_of(as_of.as_deref())?)
    })())
}

/// The quota report for employees as they are graded now (SPEC §3, §12).
#[cfg(feature = "import")]
#[wasm_bindgen(js_name = checkQuotas)]
pub fn check_quotas(policy: JsValue, employees: JsValue) -> Result<JsValue, JsValue> {
    let policy = text(&policy)?;
    let employees = required(&employees, "employees")?;
    encode((|| {
        let policy = api::policy_from(policy.as_deref())?;
        api::check_quotas_for(&policy, &api::employees_from_json(&employees)?)
    })())
}

/// Annual grade assignment (SPEC §4, §12): `{seats, results}`.
#[cfg(feature = "import")]
#[wasm_bindgen(js_name = assignGrades)]
pub fn assign_grades(
    policy: JsValue,
    employees: JsValue,
    as_of: Option<String>,
) -> Result<JsValue, JsValue> {
    let policy = text(&policy)?;
    let employees = required(&employees, "employees")?;
    encode((|| {
        let policy = api::policy_from(policy.as_deref())?;
        let people = api::employees_from_json(&employees)?;
        crate::assign_grades(&policy, &people, api::parse_as_of(as_of.as_deref())?)
    })())
}

/// A year's take-home schedule (SPEC §12 Take-home): `{year, months, year_totals, bonus}`.
#[cfg(feature = "extras")]
#[wasm_bindgen(js_name = computeNetPay)]
pub fn compute_net_pay(policy: JsValue, schedule: JsValue) -> Result<JsValue, JsValue> {
    let policy = text(&policy)?;
    let schedule = required(&schedule, "schedule")?;
    encode(api::net_pay_json(policy.as_deref(), &schedule))
}

/// The example contribution tables: `{shanghai, beijing}` (dated; check the city's announcement).
#[cfg(feature = "extras")]
#[wasm_bindgen(js_name = contributionPresets)]
pub fn contribution_presets() -> Result<JsValue, JsValue> {
    use crate::tax::ContributionPolicy;
    let mut presets = indexmap::IndexMap::new();
    presets.insert("shanghai", ContributionPolicy::shanghai_2025_07());
    presets.insert("beijing", ContributionPolicy::beijing_2025_07());
    encode(Ok(presets))
}

/// Score KPIs on the policy's scorecard: `{score, uncapped, lines, best_lever}`.
/// `input` is `{kpis: {id: {target, actual}}}` or `{months: [{kpis}, …]}`.
#[cfg(feature = "extras")]
#[wasm_bindgen(js_name = scoreKpis)]
pub fn score_kpis(policy: JsValue, input: JsValue) -> Result<JsValue, JsValue> {
    let policy = text(&policy)?;
    let input = required(&input, "input")?;
    encode(api::score_json(policy.as_deref(), &input))
}

/// The example scorecards: `{tobacco, bank}`.
#[cfg(feature = "extras")]
#[wasm_bindgen(js_name = scorecardPresets)]
pub fn scorecard_presets() -> Result<JsValue, JsValue> {
    use crate::scorecard::ScorecardPolicy;
    let mut presets = indexmap::IndexMap::new();
    presets.insert("tobacco", ScorecardPolicy::tobacco_example());
    presets.insert("bank", ScorecardPolicy::bank_example());
    encode(Ok(presets))
}

/// Compare employees under a baseline and a proposal policy (SPEC §5, §12 Comparison).
/// `onProgress(done, total)`, if given, is called every 2048 people paid (`total` is
/// twice the head count).
#[cfg(feature = "import")]
#[wasm_bindgen(js_name = compareScenarios)]
pub fn compare_scenarios(
    baseline: JsValue,
    proposal: JsValue,
    employees: JsValue,
    as_of: Option<String>,
    on_progress: Option<js_sys::Function>,
) -> Result<JsValue, JsValue> {
    let baseline = text(&baseline)?;
    let proposal = required(&proposal, "proposal")?;
    let employees = required(&employees, "employees")?;
    encode((|| {
        let base = api::policy_from(baseline.as_deref())?;
        let prop = api::policy_from(Some(&proposal))?;
        let people = api::employees_from_json(&employees)?;
        crate::scenario::compare_observed(
            &base,
            &prop,
            &people,
            api::parse_as_of(as_of.as_deref())?,
            &mut reporter(on_progress),
        )
    })())
}

/// Pay a roster given as file bytes, returning compact columns rather than one object
/// per person: `{ids, totals, headcount, total, quota}` — for large rosters and benchmarks.
#[cfg(feature = "import")]
#[wasm_bindgen(js_name = computeRosterFile)]
pub fn compute_roster_file(
    policy: JsValue,
    bytes: &[u8],
    file_name: &str,
    as_of: Option<String>,
) -> Result<JsValue, JsValue> {
    let policy = text(&policy)?;
    encode((|| {
        let policy = api::policy_from(policy.as_deref())?;
        let roster = crate::parse_roster(bytes, file_name, None)?;
        let pay = crate::compute_roster(
            &policy,
            &roster.employees,
            api::parse_as_of(as_of.as_deref())?,
        )
        .map_err(|e| roster.locate(e))?;
        Ok(api::RosterColumns::from(&pay))
    })())
}

/// Compare a roster given as file bytes under two policies (bytes in, comparison out).
#[cfg(feature = "import")]
#[wasm_bindgen(js_name = compareRosterFile)]
pub fn compare_roster_file(
    baseline: JsValue,
    proposal: JsValue,
    bytes: &[u8],
    file_name: &str,
    as_of: Option<String>,
) -> Result<JsValue, JsValue> {
    let baseline = text(&baseline)?;
    let proposal = required(&proposal, "proposal")?;
    encode((|| {
        let base = api::policy_from(baseline.as_deref())?;
        let prop = api::policy_from(Some(&proposal))?;
        let roster = crate::parse_roster(bytes, file_name, None)?;
        crate::scenario::compare(
            &base,
            &prop,
            &roster.employees,
            api::parse_as_of(as_of.as_deref())?,
        )
        .map_err(|e| roster.locate(e))
    })())
}

/// A paid roster as CSV text (UTF-8 with BOM; formulas neutralised), for download: the
/// input columns first (re-importable), the results after; `lang` `zh` or `en`.
#[cfg(feature = "import")]
#[wasm_bindgen(js_name = exportRosterCsv)]
pub fn export_roster_csv(
    policy: JsValue,
    employees: JsValue,
    as_of: Option<String>,
    lang: Option<String>,
) -> Result<String, JsValue> {
    let policy = text(&policy)?;
    let employees = required(&employees, "employees")?;
    (|| {
        let policy = api::policy_from(policy.as_deref())?;
        let people = api::employees_from_json(&employees)?;
        let pay = crate::compute_roster(&policy, &people, api::parse_as_of(as_of.as_deref())?)?;
        let lang = crate::export::Lang::from_code(lang.as_deref().unwrap_or("en"));
        crate::export::roster_export_csv(&people, &pay, lang)
    })()
    .map_err(|e| js_error(&e))
}

/// A paid roster as XLSX bytes (text stays text, numbers stay numbers), for download: as
/// [`export_roster_csv`], with money formats, a frozen header and a totals row.
#[cfg(feature = "import")]
#[wasm_bindgen(js_name = exportRosterXlsx)]
pub fn export_roster_xlsx(
    policy: JsValue,
    employees: JsValue,
    as_of: Option<String>,
    lang: Option<String>,
) -> Result<Vec<u8>, JsValue> {
    let policy = text(&policy)?;
    let employees = required(&employees, "employees")?;
    (|| {
        let policy = api::policy_from(policy.as_deref())?;
        let people = api::employees_from_json(&employees)?;
        let pay = crate::compute_roster(&policy, &people, api::parse_as_of(as_of.as_deref())?)?;
        let lang = crate::export::Lang::from_code(lang.as_deref().unwrap_or("en"));
        crate::export::roster_export_xlsx(&people, &pay, lang)
    })()
    .map_err(|e| js_error(&e))
}

/// The charts of a comparison as SVG text `{cost, distribution, differences}` (issue 5).
/// `comparison` is a `compareScenarios` result; `lang` is `zh` or `en`. Main thread
/// only: plotters measures the labels in the page.
#[cfg(feature = "charts")]
#[wasm_bindgen(js_name = renderCharts)]
pub fn render_charts(comparison: JsValue, lang: &str) -> Result<JsValue, JsValue> {
    let comparison = required(&comparison, "comparison")?;
    encode(api::charts_json(&comparison, lang))
}
