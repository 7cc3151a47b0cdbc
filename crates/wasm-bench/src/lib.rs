//! The benchmark-only browser module `paygrade_bench` (`make bench`, never served by the
//! page): a roster's bytes in, compact results out, so `tools/bench.mjs` times the
//! engine rather than the crossing of 100,000 objects; one person's JSON text in and out
//! ([`PayText`]) and the engine alone for one person ([`pay_repeated`]), each the work of
//! a native benchmark in `benches/engine.rs`.
#![warn(missing_docs)]

use paygrade::api;
use paygrade_team::{HrPolicy, RosterColumns};
use paygrade_wasm_common::{encode, encode_json, required, value};
use wasm_bindgen::prelude::*;

/// Pay a roster given as file bytes: `{ids, totals, summary, quota}`.
#[wasm_bindgen(js_name = computeRosterFile, unchecked_return_type = "RosterColumns")]
pub fn compute_roster_file(
    #[wasm_bindgen(unchecked_param_type = "PolicyInput")] policy: JsValue,
    bytes: &[u8],
    file_name: &str,
    as_of: Option<String>,
) -> Result<JsValue, JsValue> {
    let policy = value(&policy)?;
    encode(roster_columns(
        policy.as_ref(),
        bytes,
        file_name,
        as_of.as_deref(),
    ))
}

/// The work both roster calls time: the policy checked, the file read, everyone paid,
/// the columns made.
fn roster_columns(
    policy: Option<&serde_json::Value>,
    bytes: &[u8],
    file_name: &str,
    as_of: Option<&str>,
) -> paygrade::Result<RosterColumns> {
    let policy = HrPolicy::from_json(policy)?;
    let roster = paygrade_roster::parse_roster(bytes, file_name, None)?;
    let pay = paygrade_team::roster_file_figures(&policy, &roster, api::parse_as_of(as_of)?)?;
    Ok(RosterColumns::new(&roster.employees, &pay))
}

/// [`compute_roster_file`] with the result as one JSON text rather than JS objects: the
/// work of the native `roster/roster100k` benchmark exactly (it ends in the same JSON
/// text), so `tools/bench.mjs` can set the two side by side without 200,000 JS strings
/// (ids and totals) made on one side only.
///
/// # Errors
/// As [`compute_roster_file`].
#[wasm_bindgen(js_name = computeRosterFileText)]
pub fn compute_roster_file_text(
    #[wasm_bindgen(unchecked_param_type = "PolicyInput")] policy: JsValue,
    bytes: &[u8],
    file_name: &str,
    as_of: Option<String>,
) -> Result<String, JsValue> {
    let policy = value(&policy)?;
    roster_columns(policy.as_ref(), bytes, file_name, as_of.as_deref())
        .and_then(|columns| paygrade::json::to_json(&columns))
        .map_err(|e| paygrade_wasm_common::js_error(&e))
}

/// Compare a roster given as file bytes under two policies (bytes in, comparison out).
#[wasm_bindgen(js_name = compareRosterFile, unchecked_return_type = "Comparison")]
pub fn compare_roster_file(
    #[wasm_bindgen(unchecked_param_type = "PolicyInput")] baseline: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Policy | string")] proposal: JsValue,
    bytes: &[u8],
    file_name: &str,
    as_of: Option<String>,
) -> Result<JsValue, JsValue> {
    let baseline = value(&baseline)?;
    let proposal = required(&proposal, "proposal")?;
    encode_json(
        (|| {
            let base = HrPolicy::from_json(baseline.as_ref())?;
            let prop = HrPolicy::from_json(Some(&proposal))?;
            let roster = paygrade_roster::parse_roster(bytes, file_name, None)?;
            let as_of = api::parse_as_of(as_of.as_deref())?;
            paygrade_team::compare(&base, &prop, &roster.employees, as_of, &mut |_, _| {})
                .map_err(|e| roster.locate(e))
        })(),
        &["policy_diff"],
    )
}

/// Pay one person `times` times under the default policy inside the module — the person
/// read once from `employee` (SPEC §12 employee JSON text), no crossing per payment — and
/// return the last total (CNY, monthly): the engine's own time for one person, which
/// `tools/bench.mjs` sets beside the page's `computePay` (two crossings a person).
///
/// # Errors
/// Those of reading the person and of [`paygrade::compute_pay`].
#[wasm_bindgen(js_name = payRepeated)]
pub fn pay_repeated(employee: &str, times: u32) -> Result<String, JsValue> {
    let policy = paygrade::Policy::default()
        .check()
        .map_err(|e| paygrade_wasm_common::js_error(&e))?;
    let e =
        paygrade::Employee::from_json(employee).map_err(|e| paygrade_wasm_common::js_error(&e))?;
    let mut total = String::new();
    for _ in 0..times {
        let b = paygrade::compute_pay(&policy, &e, None)
            .map_err(|e| paygrade_wasm_common::js_error(&e))?;
        total = b.total.to_string();
    }
    Ok(total)
}

/// The default policy validated once, then one person per call as JSON text in and JSON
/// text out — the work of the native `pay_checked` benchmark (`benches/engine.rs`)
/// exactly, in the speed-built module: `tools/bench.mjs` sets the two side by side, beside
/// My pay's own call (JS objects both ways, through the size-built first-load module).
#[wasm_bindgen]
pub struct PayText {
    policy: paygrade::CheckedPolicy,
}

#[wasm_bindgen]
impl PayText {
    /// Hold the default policy (SPEC §12), validated.
    ///
    /// # Errors
    /// Never for the default policy; a policy error as a JS error otherwise.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<PayText, JsValue> {
        paygrade::Policy::default()
            .check()
            .map(|policy| PayText { policy })
            .map_err(|e| paygrade_wasm_common::js_error(&e))
    }

    /// One person's breakdown (SPEC §12) as JSON text, from the employee's JSON text;
    /// `as_of` is the pay date `YYYY-MM-DD`.
    ///
    /// # Errors
    /// Those of [`api::compute_pay_value`] and of reading the text, as JS errors.
    pub fn pay(&self, employee: &str, as_of: Option<String>) -> Result<String, JsValue> {
        paygrade::json::parse(employee)
            .and_then(|e| api::compute_pay_value(&self.policy, &e, as_of.as_deref()))
            .and_then(|b| paygrade::json::to_json(&b))
            .map_err(|e| paygrade_wasm_common::js_error(&e))
    }
}
