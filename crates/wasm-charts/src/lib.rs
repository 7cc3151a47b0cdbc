//! The team page's charts module `paygrade_charts`, loaded on the main thread the first
//! time the charts open (plotters measures label widths in the page). One export:
//! decode → one call → encode (see `paygrade-wasm-common`).
#![warn(missing_docs)]

use paygrade_wasm_common::{encode, required};
use wasm_bindgen::prelude::*;

/// The charts of a comparison as SVG text `{cost, distribution, differences}`.
/// `comparison` is a `compareScenarios` result; `lang` is `zh` or `en`.
#[wasm_bindgen(js_name = renderCharts)]
pub fn render_charts(comparison: JsValue, lang: &str) -> Result<JsValue, JsValue> {
    let comparison = required(&comparison, "comparison")?;
    encode(paygrade_charts::charts_json(&comparison, lang))
}
