//! Arbitrary text as an employee: a breakdown, the what-ifs, or an error; never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(value) = paygrade::json::parse(text) {
        let _ = paygrade::api::compute_pay_json(None, &value, Some("2026-11-30"));
        let _ = paygrade::api::what_ifs_json(None, &value, Some("2026-11-30"));
        let _ = paygrade_scorecard::score_json(None, &value);
        let _ = paygrade_takehome::net_pay_json(None, &value);
    }
});
