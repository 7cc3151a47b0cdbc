//! The team page's policy form offers the engine's own choices: each select list in
//! `www/policy-editor.js` (`ENUMS`) is the JSON names of the matching policy enum, in
//! order. A new mode added to the engine fails here until the form offers it.

use paygrade::policy::{
    AssessmentMode, BandRule, Education, HeadcountBasis, LeapDay, MissingScores, PerformanceMode,
    SeatRounding, SeniorityMode, UpliftScope,
};
use paygrade::RoundingMode;

/// The `ENUMS` entries of the editor: `'key': ['a', 'b']` or `key: ['a', 'b']`.
fn editor_enums() -> Vec<(String, Vec<String>)> {
    let js = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/policy-editor.js"))
        .unwrap();
    let start = js
        .find("const ENUMS = {")
        .expect("ENUMS in policy-editor.js");
    let body = &js[start..];
    let body = &body[..body.find("};").unwrap()];
    body.lines()
        .skip(1)
        .filter_map(|line| {
            let (key, list) = line.trim().split_once(':')?;
            let names = list
                .split(['[', ']', ','])
                .map(|s| s.trim().trim_matches('\'').to_string())
                .filter(|s| !s.is_empty())
                .collect();
            Some((key.trim().trim_matches('\'').to_string(), names))
        })
        .collect()
}

#[test]
fn the_form_offers_every_engine_choice() {
    let expected: Vec<(&str, &[&str])> = vec![
        ("rounding.mode", RoundingMode::NAMES),
        ("rural_uplift.scope", UpliftScope::NAMES),
        ("seniority.mode", SeniorityMode::NAMES),
        ("seniority.leap_day_anniversary", LeapDay::NAMES),
        ("evaluation.missing_scores", MissingScores::NAMES),
        ("performance.mode", PerformanceMode::NAMES),
        ("performance.assessment.mode", AssessmentMode::NAMES),
        ("quota.headcount", HeadcountBasis::NAMES),
        ("quota.seat_rounding", SeatRounding::NAMES),
        ("assignment.bands", BandRule::NAMES),
        ("education", Education::NAMES),
    ];
    let found = editor_enums();
    let found: Vec<(&str, Vec<&str>)> = found
        .iter()
        .map(|(k, v)| (k.as_str(), v.iter().map(String::as_str).collect()))
        .collect();
    let expected: Vec<(&str, Vec<&str>)> =
        expected.into_iter().map(|(k, v)| (k, v.to_vec())).collect();
    assert_eq!(found, expected);
}
