//! The embedded sample roster: 71 invented account managers shaped like the seed's team
//! (6 senior, 36 intermediate, 18 junior, 11 trainee; 56 regular and 15 contract staff),
//! with varied years, scores and rural flags. `data/sample_roster.csv` (UTF-8, Chinese
//! headers), written by `tools/make_sample.py`.

use crate::error::Result;
use crate::roster::{parse_roster, Roster};

/// The sample roster as CSV text.
pub const SAMPLE_ROSTER_CSV: &str = include_str!("../data/sample_roster.csv");

/// The sample roster, parsed.
///
/// # Errors
/// None in practice (the file is tested); any roster import error otherwise.
pub fn sample_roster() -> Result<Roster> {
    parse_roster(SAMPLE_ROSTER_CSV.as_bytes(), "sample_roster.csv", None)
}
