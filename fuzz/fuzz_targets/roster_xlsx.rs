//! Arbitrary bytes straight to one roster reader, its format forced (no detection):
//! an XLSX/XLSM/XLSB workbook (zip; calamine's streaming XLSX reader, or XLSB).
//! Then pay. Errors allowed; panics, hangs and runaway memory not.
#![no_main]
use libfuzzer_sys::fuzz_target;
use paygrade_roster::{parse_roster_as, FileFormat};

fuzz_target!(|data: &[u8]| {
    if let Ok(roster) = parse_roster_as(data, FileFormat::Xlsx, None) {
        let policy = paygrade::Policy::default().check().unwrap();
        let _ = paygrade::compute_roster(&policy, &roster.employees, None);
    }
});
