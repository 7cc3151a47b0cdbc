//! The `paygrade` binary: output on success, exit 2 with one line on bad input.

use std::process::Command;

fn paygrade(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_paygrade"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn write(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("paygrade-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

const EXAMPLE_1: &str = r#"{ "id": "E001", "name": "示例", "level": "intermediate", "band": "B",
  "employment": "contract", "years_in_post": 12, "rural": true,
  "scores": { "business": "92", "customer_satisfaction": "88", "supplier": "85",
              "self": "95", "marketing_audit": "80" } }"#;

#[test]
fn pay_prints_the_breakdown() {
    let file = write("e1.json", EXAMPLE_1);
    let (code, out, err) = paygrade(&["pay", "--as-of", "2026-11-30", &file]);
    assert_eq!((code, err.as_str()), (0, ""));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["total"], "3872.00");
    assert_eq!(v["explain"]["seniority"], "12 × 6.00 = 72.00");
}

#[test]
fn policy_prints_the_default_which_reads_back() {
    let (code, out, _) = paygrade(&["policy"]);
    assert_eq!(code, 0);
    let file = write("policy.json", &out);
    let e1 = write("e1b.json", EXAMPLE_1);
    let (code, out, _) = paygrade(&["pay", "--policy", &file, &e1]);
    assert_eq!(code, 0);
    assert!(out.contains("\"total\": \"3872.00\""), "{out}");
}

#[test]
fn bad_input_exits_2_with_one_line_naming_the_field() {
    let file = write("bad.json", &EXAMPLE_1.replace("\"85\"", "\"150\""));
    let (code, out, err) = paygrade(&["pay", &file]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("scores.supplier: [score_range]"), "{err}");
    let (code, out, err) = paygrade(&["pay", "--as-of", "2026-02-30", &file]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("--as-of: as_of: [invalid_date]"), "{err}");
    let (code, _, err) = paygrade(&["pay", "/nonexistent/e.json"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn roster_quota_and_assign_on_the_sample() {
    let (code, out, err) = paygrade(&["quota"]);
    assert_eq!((code, err.as_str()), (0, ""));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["levels"][1]["level"], "intermediate");
    assert_eq!(
        (
            v["levels"][1]["count"].as_u64(),
            v["levels"][1]["seats"].as_u64(),
            v["levels"][1]["over"].as_u64()
        ),
        (Some(36), Some(35), Some(1))
    );
    let (code, out, _) = paygrade(&["roster", "--as-of", "2026-11-30", "--format", "csv"]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 72);
    // Issue 15: the input columns first (re-importable), the results after.
    assert!(
        out.starts_with("\u{feff}id,name,level,band,employment"),
        "{}",
        &out[..40]
    );
    assert!(out.lines().next().unwrap().ends_with(",result_total"));
    let (code, out, _) = paygrade(&["assign", "--as-of", "2026-11-30"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["seats"]["senior"], 14);
    assert_eq!(v["results"].as_array().unwrap().len(), 71);
}

#[test]
fn roster_errors_name_row_and_column() {
    let file = write(
        "bad.csv",
        "工号,等级,档次,用工性质,岗位年限,综合得分\nA1,中级,B,聘用,3,80\nA2,中级,Q,聘用,3,80\n",
    );
    let (code, out, err) = paygrade(&["roster", &file]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("row 3, column 档次: [unknown_band]"), "{err}");
}
