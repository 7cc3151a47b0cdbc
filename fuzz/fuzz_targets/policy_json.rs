//! Arbitrary text as a policy file: an error or a checked policy, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(policy) = paygrade::Policy::from_json(text) {
            // A checked policy pays SPEC example 1 or reports an error.
            let e = r#"{"id":"E","level":"intermediate","band":"B","employment":"contract","years_in_post":12,"rural":true,"composite_score":"88.65"}"#;
            if let (Ok(p), Ok(e)) = (paygrade::json::parse(text), paygrade::json::parse(e)) {
                let _ = paygrade::api::compute_pay_json(Some(&p), &e, Some("2026-11-30"));
            }
            let _ = paygrade::json::to_json(policy.policy());
        }
    }
});
