//! The team page's charts module `paygrade_charts`, loaded on the main thread the first
//! time the charts open (plotters measures label widths in the page). One export:
//! decode → one call → encode (see `paygrade-wasm-common`).
#![warn(missing_docs)]

// Errors with facts only: a chart that cannot be drawn is rare, and the words would cost
// this module ~10 KB gzipped.
use paygrade_wasm_common::{
    encode_facts as encode, js_error_facts as js_error, required_large_facts as required,
};
use wasm_bindgen::prelude::*;

/// The charts of a comparison as SVG text `{cost, distribution, differences}`.
/// `comparison` is a `compareScenarios` result; `lang` is `zh` or `en`.
#[wasm_bindgen(js_name = renderCharts, unchecked_return_type = "Charts")]
pub fn render_charts(
    #[wasm_bindgen(unchecked_param_type = "Comparison")] comparison: JsValue,
    lang: &str,
) -> Result<JsValue, JsValue> {
    let comparison = required(&comparison, "comparison")?;
    encode(paygrade_charts::charts_json(&comparison, lang))
}

/// The projection chart as SVG text: `projection` is a `projectScenarios` result; `lang`
/// is `zh` or `en`. Main thread only, like `renderCharts`.
#[wasm_bindgen(js_name = renderProjectionChart)]
pub fn render_projection_chart(projection: JsValue, lang: &str) -> Result<String, JsValue> {
    let projection = required(&projection, "projection")?;
    paygrade_charts::projection_chart_json(&projection, lang).map_err(|e| js_error(&e))
}
