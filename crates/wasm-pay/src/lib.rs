//! The first-load browser module `paygrade`: one person's pay — My pay's own calls
//! (`defaultPolicy`, `computePay`, `computeWhatIfs`; policies are validated and edited by
//! the team page's module). Each export is decode → one core call → encode (see
//! `paygrade-wasm-common` for how values cross). Errors carry facts only (code, place,
//! params): the My-pay page words them itself, which keeps the first load small.
#![warn(missing_docs)]

use paygrade::api;
use paygrade::CheckedPolicy;
use paygrade_wasm_common::{
    encode_facts as encode, js_error_facts, required_facts as required, value_facts as value,
};
use wasm_bindgen::prelude::*;

/// The default policy (SPEC §12) as a plain object — the page starts from real defaults.
/// It has no `contributions` or `scorecard` block (a test pins it), so it holds no JSON
/// value and crosses with [`encode`] — the first-load module carries no number walk.
#[wasm_bindgen(js_name = defaultPolicy, unchecked_return_type = "Policy")]
pub fn default_policy() -> Result<JsValue, JsValue> {
    encode(Ok(paygrade::Policy::default()))
}

/// One person's breakdown (SPEC §12). `policy` null/undefined = the default policy;
/// `asOf` is the pay date `YYYY-MM-DD` (needed with `post_start`).
#[wasm_bindgen(js_name = computePay, unchecked_return_type = "Breakdown")]
pub fn compute_pay(
    #[wasm_bindgen(unchecked_param_type = "Policy | null | undefined")] policy: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Employee")] employee: JsValue,
    as_of: Option<String>,
) -> Result<JsValue, JsValue> {
    let policy = value(&policy)?;
    let employee = required(&employee, "employee")?;
    encode(api::compute_pay_json(
        policy.as_ref(),
        &employee,
        as_of.as_deref(),
    ))
}

/// Today's breakdown and the what-ifs: `{current, band_up, level_up, next_seniority, next_rating}`.
#[wasm_bindgen(js_name = computeWhatIfs, unchecked_return_type = "WhatIfs")]
pub fn compute_what_ifs(
    #[wasm_bindgen(unchecked_param_type = "Policy | null | undefined")] policy: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Employee")] employee: JsValue,
    as_of: Option<String>,
) -> Result<JsValue, JsValue> {
    let policy = value(&policy)?;
    let employee = required(&employee, "employee")?;
    encode(api::what_ifs_json(
        policy.as_ref(),
        &employee,
        as_of.as_deref(),
    ))
}

/// A calculator holding one policy, validated once (numbat's `Numbat`, ruff's
/// `Workspace`): each call then decodes only the person. `new Calculator(null)` holds the
/// default policy.
#[wasm_bindgen]
pub struct Calculator {
    policy: CheckedPolicy,
}

#[wasm_bindgen]
impl Calculator {
    /// Validate `policy` (null/undefined = the default policy, SPEC §12) and keep it.
    ///
    /// # Errors
    /// The policy's errors as facts (code, place, params), as [`compute_pay`] throws them.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "Policy | null | undefined")] policy: JsValue,
    ) -> Result<Calculator, JsValue> {
        let policy = value(&policy)?;
        api::policy_from(policy.as_ref())
            .map(|policy| Calculator { policy })
            .map_err(|e| js_error_facts(&e))
    }

    /// One person's breakdown under the kept policy (as [`compute_pay`]).
    #[wasm_bindgen(js_name = computePay, unchecked_return_type = "Breakdown")]
    pub fn compute_pay(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Employee")] employee: JsValue,
        as_of: Option<String>,
    ) -> Result<JsValue, JsValue> {
        let employee = required(&employee, "employee")?;
        encode(api::compute_pay_value(
            &self.policy,
            &employee,
            as_of.as_deref(),
        ))
    }

    /// Today's breakdown and the what-ifs under the kept policy (as [`compute_what_ifs`]).
    #[wasm_bindgen(js_name = computeWhatIfs, unchecked_return_type = "WhatIfs")]
    pub fn compute_what_ifs(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Employee")] employee: JsValue,
        as_of: Option<String>,
    ) -> Result<JsValue, JsValue> {
        let employee = required(&employee, "employee")?;
        encode(api::what_ifs_value(
            &self.policy,
            &employee,
            as_of.as_deref(),
        ))
    }
}
