//! Arbitrary bytes as a roster file (CSV, TSV, Unicode text, XLSX, XLS, ODS, JSON; the
//! reader is chosen by content, the name only breaks ties): import, then pay, quotas,
//! assignment — errors allowed, panics, hangs and runaway memory not.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let policy = paygrade::Policy::default().check().unwrap();
    let names = ["r.csv", "r.xlsx", "r.json", "r.tsv", "r.txt", "r.xls", "r.ods"];
    let name = names[usize::from(data.first().copied().unwrap_or(0)) % names.len()];
    if let Ok(roster) = paygrade_roster::parse_roster(data.get(1..).unwrap_or_default(), name, None) {
        let _ = paygrade::compute_roster(&policy, &roster.employees, None);
        let _ = paygrade::quota::check_quotas_for(&policy, &roster.employees);
        let _ = paygrade::assign_grades(&policy, &roster.employees, None);
    }
});
