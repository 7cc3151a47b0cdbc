//! Arbitrary bytes as a roster file (CSV, XLSX, JSON): import, then pay, quotas,
//! assignment — errors allowed, panics, hangs and runaway memory not.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let policy = paygrade::Policy::default().check().unwrap();
    let kind = data.first().copied().unwrap_or(0) % 3;
    let name = ["r.csv", "r.xlsx", "r.json"][kind as usize];
    if let Ok(roster) = paygrade_roster::parse_roster(data.get(1..).unwrap_or_default(), name, None) {
        let _ = paygrade::compute_roster(&policy, &roster.employees, None);
        let _ = paygrade::quota::check_quotas_for(&policy, &roster.employees);
        let _ = paygrade::assign_grades(&policy, &roster.employees, None);
    }
});
