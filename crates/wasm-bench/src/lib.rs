//! The benchmark-only browser module `paygrade_bench` (`make bench`, never served by the
//! page): a roster's bytes in, compact results out, so `tools/bench.mjs` times the
//! engine rather than the crossing of 100,000 objects.
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
    encode((|| {
        let policy = HrPolicy::from_json(policy.as_ref())?;
        let roster = paygrade_roster::parse_roster(bytes, file_name, None)?;
        let as_of = api::parse_as_of(as_of.as_deref())?;
        let pay = paygrade_team::roster_file_figures(&policy, &roster, as_of)?;
        Ok(RosterColumns::new(&roster.employees, &pay))
    })())
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
