//! The on-demand browser module `paygrade_extra`: take-home pay and the KPI scorecard on
//! My pay. Each export is decode → one call → encode (see `paygrade-wasm-common`).
#![warn(missing_docs)]

use paygrade_scorecard::ScorecardPolicy;
use paygrade_takehome::ContributionPolicy;
use paygrade_wasm_common::{encode, encode_json, required, value, POLICY_BLOCKS};
use wasm_bindgen::prelude::*;

/// The default policy (SPEC §12) as a plain object, the same as the first-load module's.
#[wasm_bindgen(js_name = defaultPolicy, unchecked_return_type = "Policy")]
pub fn default_policy() -> Result<JsValue, JsValue> {
    encode_json(Ok(paygrade::Policy::default()), POLICY_BLOCKS)
}

/// A year's take-home schedule (SPEC §12 Take-home): `{year, months, year_totals, bonus}`.
#[wasm_bindgen(js_name = computeNetPay, unchecked_return_type = "NetPay")]
pub fn compute_net_pay(
    #[wasm_bindgen(unchecked_param_type = "PolicyInput")] policy: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Schedule | string")] schedule: JsValue,
) -> Result<JsValue, JsValue> {
    let policy = value(&policy)?;
    let schedule = required(&schedule, "schedule")?;
    encode(paygrade_takehome::net_pay_json(policy.as_ref(), &schedule))
}

/// The example contribution tables: `{shanghai, beijing}` (dated; check the city's announcement).
#[wasm_bindgen(js_name = contributionPresets, unchecked_return_type = "{ shanghai: ContributionPolicy; beijing: ContributionPolicy }")]
pub fn contribution_presets() -> Result<JsValue, JsValue> {
    encode(Ok(ContributionPolicy::presets()))
}

/// Score KPIs on the policy's scorecard: `{score, uncapped, lines, best_lever}`.
/// `input` is `{kpis: {id: {target, actual}}}` or `{months: [{kpis}, …]}`.
#[wasm_bindgen(js_name = scoreKpis, unchecked_return_type = "ScoreResult")]
pub fn score_kpis(
    #[wasm_bindgen(unchecked_param_type = "PolicyInput")] policy: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ScoreInput | string")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let policy = value(&policy)?;
    let input = required(&input, "input")?;
    encode(paygrade_scorecard::score_json(policy.as_ref(), &input))
}

/// The example scorecards: `{tobacco, bank}`.
#[wasm_bindgen(js_name = scorecardPresets, unchecked_return_type = "{ tobacco: ScorecardPolicy; bank: ScorecardPolicy }")]
pub fn scorecard_presets() -> Result<JsValue, JsValue> {
    encode(Ok(ScorecardPolicy::presets()))
}
