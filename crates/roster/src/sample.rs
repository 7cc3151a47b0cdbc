//! The embedded sample roster: 71 invented account managers shaped like the seed's team
//! (6 senior, 36 intermediate, 18 junior, 11 trainee; 56 regular and 15 contract staff),
//! with varied years, scores and rural flags. `data/sample_roster.csv` (UTF-8, Chinese
//! headers), written by `tools/make_sample.py`.

use crate::{parse_roster, Roster};
use paygrade::error::Result;

/// The sample roster as CSV text.
pub const SAMPLE_ROSTER_CSV: &str = include_str!("../data/sample_roster.csv");

/// The sample roster, parsed.
///
/// # Errors
/// None in practice (the file is tested); any roster import error otherwise.
pub fn sample_roster() -> Result<Roster> {
    parse_roster(SAMPLE_ROSTER_CSV.as_bytes(), "sample_roster.csv", None)
}

/// A synthetic roster of `n` people as CSV (Chinese headers, like the sample), for
/// benchmarks and scale tests: deterministic for a given `seed`, with varied levels,
/// bands, employment, years, rural flags, scores and some partial months.
pub fn synthetic_roster_csv(n: usize, seed: u64) -> String {
    let mut state = seed;
    let mut next = |m: u64| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) % m.max(1)
    };
    let mut out = String::with_capacity(n * 64);
    out.push_str("工号,姓名,等级,档次,用工性质,岗位年限,农村,经营业绩,客户满意度,工业企业评价,自我评价,营销部审核评价,计薪天数\n");
    let levels = [
        "高级", "中级", "中级", "中级", "中级", "初级", "初级", "初级", "见习", "中级",
    ];
    let days = ["", "", "", "", "", "", "15", "10.5", "21.75", "7"];
    for i in 0..n {
        let level = levels.get(next(10) as usize).copied().unwrap_or("中级");
        let band = if level == "见习" {
            ""
        } else {
            ["A", "B", "C"]
                .get(next(3) as usize)
                .copied()
                .unwrap_or("C")
        };
        let employment = if next(4) == 0 { "聘用" } else { "在册" };
        let rural = if next(5) < 2 { "是" } else { "否" };
        let years = next(30);
        let mut scores = [0u64; 5];
        for s in &mut scores {
            *s = 50 + next(51);
        }
        let d = days.get(next(10) as usize).copied().unwrap_or("");
        out.push_str(&format!(
            "P{i:06},名{i},{level},{band},{employment},{years},{rural},{},{},{},{},{},{d}\n",
            scores[0], scores[1], scores[2], scores[3], scores[4]
        ));
    }
    out
}
