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
    assert_eq!(
        v["explain"]["seniority"],
        serde_json::json!({"rule": "flat", "years": 12, "per_year": "6.00", "value": "72.00"})
    );
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
    let (code, out, err) = paygrade(&["pay", "--lang", "en", &file]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        format!("paygrade: {file}: scores, supplier: score must be from 0 to 100, got 150\n")
    );
    let (_, _, err) = paygrade(&["--lang", "zh", "pay", &file]);
    assert_eq!(
        err,
        format!("paygrade: {file}: 五项评分 工业企业评价：分数须在 0 到 100 之间，当前为 150\n")
    );
    let (code, out, err) = paygrade(&["pay", "--lang", "en", "--as-of", "2026-02-30", &file]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        "paygrade: --as-of: not a valid date (YYYY-MM-DD, years 1900–2199): \"2026-02-30\"\n"
    );
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
    let (code, out, err) = paygrade(&["roster", "--lang", "en", &file]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        format!("paygrade: {file}: row 3, column 档次: band \"Q\" is not a band of level \"intermediate\"\n")
    );
}

#[test]
fn every_bad_row_at_once_in_row_order() {
    // Issue 14: bad cells in rows 3, 5 and 7 are all reported, in that order, a line each.
    let file = write(
        "bad3.csv",
        "工号,等级,档次,用工性质,岗位年限,综合得分\nA1,中级,B,聘用,3,80\nA2,中级,B,聘用,三,80\nA3,中级,B,聘用,3,80\nA4,中级,B,聘用,3,八十\nA5,中级,B,聘用,3,80\nA6,中级,B,临时,3,80\n",
    );
    let (code, out, err) = paygrade(&["roster", "--lang", "zh", &file]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err.lines().collect::<Vec<_>>(),
        [
            format!("paygrade: {file}: 第 3 行“岗位年限”列：不是有效数字：“三”"),
            format!("paygrade: {file}: 第 5 行“综合得分”列：不是有效数字：“八十”"),
            format!("paygrade: {file}: 第 7 行“用工性质”列：无法识别的取值 “临时”，可选：在册职工、聘用工"),
        ]
    );
}

#[test]
fn the_cli_prints_combined_360_and_lower_combined() {
    let path = format!(
        "{}/../../tests/fixtures/public_bugs/n01_bonus_low_earner.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_paygrade"))
        .args(["netpay", &path])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["bonus"]["combined_tax_increase"], "360.00");
    assert_eq!(v["bonus"]["separate_tax"], "1080.00");
    assert_eq!(v["bonus"]["lower"], "combined");
    assert!(out.stderr.is_empty());
}

#[test]
fn project_prints_six_years_for_five() {
    let marginal = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/marginal.json"
    );
    let (code, out, err) = paygrade(&[
        "project",
        "--years",
        "5",
        "--proposal",
        marginal,
        "--as-of",
        "2026-11-30",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let years = v["years"].as_array().unwrap();
    assert_eq!(years.len(), 6);
    assert_eq!(years[0]["as_of"], "2026-11-30");
    assert_eq!(years[5]["offset"], 5);
    assert_eq!(years[5]["as_of"], "2031-11-30");
    // Year 0 is the comparison's difference.
    let (_, compared, _) = paygrade(&["compare", "--proposal", marginal, "--as-of", "2026-11-30"]);
    let c: serde_json::Value = serde_json::from_str(&compared).unwrap();
    assert_eq!(
        years[0]["difference"]["total"],
        c["totals"]["difference"]["total"]
    );
    let sum: rust_decimal::Decimal = years
        .iter()
        .map(|y| {
            y["difference"]["annual_total"]
                .as_str()
                .unwrap()
                .parse::<rust_decimal::Decimal>()
                .unwrap()
        })
        .sum();
    assert_eq!(
        v["cumulative_annual_difference"].as_str().unwrap(),
        sum.to_string()
    );
    // Money as strings at the policy's scale.
    assert!(years.iter().all(|y| y["proposal"]["total"]
        .as_str()
        .unwrap()
        .split('.')
        .nth(1)
        .map(str::len)
        == Some(2)));
    // Without --proposal the proposal is the baseline: every difference is zero.
    let (code, out, _) = paygrade(&["project", "--years", "1", "--as-of", "2026-11-30"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["cumulative_annual_difference"], "0.00");
    assert_eq!(v["years"].as_array().unwrap().len(), 2);
}

#[test]
fn compare_exports_each_component_as_csv_and_xlsx() {
    let policy: serde_json::Value = serde_json::from_str(&paygrade(&["policy"]).1).unwrap();
    let mut p = policy.clone();
    assert_eq!(p["ladder"][2]["bands"][1]["coefficient"], "1.40");
    p["ladder"][2]["bands"][1]["coefficient"] = "1.50".into();
    let proposal = write("compare-proposal.json", &p.to_string());
    let args = ["compare", "--proposal", &proposal, "--as-of", "2026-11-30"];
    // Today's default output is unchanged: the comparison JSON.
    let (code, json, err) = paygrade(&args);
    assert_eq!((code, err.as_str()), (0, ""));
    let c: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(c["totals"]["difference"]["total"], "990.00");
    // CSV on standard output, in the language asked for.
    let (code, csv, err) = paygrade(&[&args[..], &["--format", "csv", "--lang", "zh"]].concat());
    assert_eq!((code, err.as_str()), (0, ""));
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 72);
    assert!(
        lines[0].starts_with("\u{feff}工号,姓名,等级,档次,用工性质"),
        "{}",
        lines[0]
    );
    assert!(
        lines[0].ends_with(",应发合计（基准）,应发合计（方案）,应发合计（差额）"),
        "{}",
        lines[0]
    );
    let km011 = lines.iter().find(|l| l.starts_with("KM011,")).unwrap();
    assert!(
        km011.ends_with(",1400.00,1500.00,100.00,3724.00,3824.00,100.00"),
        "{km011}"
    );
    // XLSX needs a file.
    let (code, _, err) = paygrade(&[&args[..], &["--format", "xlsx"]].concat());
    assert_eq!(code, 2);
    assert!(err.contains("--out"), "{err}");
    let out = std::env::temp_dir()
        .join(format!("paygrade-cli-{}", std::process::id()))
        .join("compare.xlsx");
    let out = out.to_string_lossy().into_owned();
    let (code, said, err) = paygrade(
        &[
            &args[..],
            &["--format", "xlsx", "--lang", "en", "--out", &out],
        ]
        .concat(),
    );
    assert_eq!(
        (code, said.trim(), err.as_str()),
        (0, format!("{out}: 71 people").as_str(), "")
    );
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(&bytes[..2], b"PK");
    // The file is a roster: `roster` reads it and pays the baseline's total.
    let (code, roster, err) = paygrade(&["--lang", "en", "roster", "--as-of", "2026-11-30", &out]);
    // What the reading noticed is said on stderr, as for the CSV export.
    assert_eq!(
        (code, err),
        (
            0,
            format!(
                "paygrade: {out}: warning: the file's 15 result columns (such as \"baseline_base\") are not read: pay is worked out again\n\
                 paygrade: {out}: warning: row 74 is a totals row, skipped\n"
            )
        )
    );
    let r: serde_json::Value = serde_json::from_str(&roster).unwrap();
    assert_eq!(r["totals"]["total"], c["totals"]["baseline"]["total"]);
    let warnings: Vec<&str> = r["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        warnings,
        ["result_columns_recomputed", "totals_row_skipped"]
    );
}

#[test]
fn roster_reads_xls_and_ods_by_content() {
    // xlwt's .xls and odfpy's .ods (tests/fixtures/office), and the .xls renamed .csv.
    let dir = format!("{}/../../tests/fixtures/office", env!("CARGO_MANIFEST_DIR"));
    let renamed = std::env::temp_dir().join(format!("paygrade-cli-xls-{}.csv", std::process::id()));
    std::fs::copy(format!("{dir}/xlwt_roster.xls"), &renamed).unwrap();
    for path in [
        format!("{dir}/xlwt_roster.xls"),
        format!("{dir}/odfpy_roster.ods"),
        renamed.to_string_lossy().into_owned(),
    ] {
        let (code, out, err) =
            paygrade(&["--lang", "en", "roster", "--as-of", "2026-11-30", &path]);
        let renamed_note = if path.ends_with(".csv") {
            format!("paygrade: {path}: warning: the file is named .csv but holds Excel 97–2003 (XLS); read as its content\n")
        } else {
            String::new()
        };
        assert_eq!(
            (code, err),
            (
                0,
                format!(
                    "{renamed_note}paygrade: {path}: warning: hidden sheet(s) \"旧花名册\" skipped; read \"花名册\"\n\
                     paygrade: {path}: warning: the header is row 2; 1 title row above it skipped\n"
                )
            ),
            "{path}"
        );
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let totals: Vec<&str> = v["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["total"].as_str().unwrap())
            .collect();
        assert_eq!(
            totals,
            ["4860.00", "3800.00", "2294.71", "2220.00"],
            "{path}"
        );
        let codes: Vec<&str> = v["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w["code"].as_str().unwrap())
            .collect();
        let expected: &[&str] = if path.ends_with(".csv") {
            &["format_by_content", "hidden_sheet_skipped", "header_row"]
        } else {
            &["hidden_sheet_skipped", "header_row"]
        };
        assert_eq!(codes, expected, "{path}");
    }
    // A bad band names its row and header, under the title row.
    let (code, _, err) = paygrade(&[
        "--lang",
        "en",
        "roster",
        "--as-of",
        "2026-11-30",
        &format!("{dir}/xlwt_bad_band.xls"),
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("row 4, column 档次: band \"Z\" is not a band of level \"intermediate\""),
        "{err}"
    );
}

#[test]
fn roster_csv_streams_a_long_roster_and_prints_nothing_when_a_row_is_bad() {
    // 6,000 people: the export (~600 KB) passes the spill's 256 KiB in memory, so it goes
    // through the temporary file; the same people as JSON give the same totals.
    let mut text = String::from("工号,姓名,等级,档次,用工性质,岗位年限,综合得分\n");
    for i in 0..6000 {
        let (level, band) = [("初级", "C"), ("中级", "B"), ("高级", "A")][i % 3];
        text.push_str(&format!(
            "P{i:05},名{i},{level},{band},聘用,{},{}\n",
            i % 30,
            60 + i % 40
        ));
    }
    let file = write("long.csv", &text);
    let (code, csv, err) = paygrade(&["roster", "--as-of", "2026-11-30", "--format", "csv", &file]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(csv.len() > 256 << 10, "{} bytes", csv.len());
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 6001);
    let header: Vec<&str> = lines[0].trim_start_matches('\u{feff}').split(',').collect();
    let at = header.iter().position(|h| *h == "result_total").unwrap();
    let sum: rust_decimal::Decimal = lines[1..]
        .iter()
        .map(|l| {
            l.split(',')
                .nth(at)
                .unwrap()
                .parse::<rust_decimal::Decimal>()
                .unwrap()
        })
        .sum();
    let (code, json, _) = paygrade(&["roster", "--as-of", "2026-11-30", &file]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["totals"]["total"].as_str().unwrap(), sum.to_string());
    assert_eq!(lines[1].split(',').next(), Some("P00000"));
    // One bad row at the end: exit 2, nothing on stdout, the row on stderr.
    let bad = write(
        "long_bad.csv",
        &format!("{text}P99999,名,中级,B,聘用,三,80\n"),
    );
    let (code, out, err) = paygrade(&["roster", "--lang", "en", "--format", "csv", &bad]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        format!("paygrade: {bad}: row 6002, column 岗位年限: not a number: \"三\"\n")
    );
}

#[test]
fn roster_csv_says_what_the_reading_skipped_on_stderr() {
    let file = write(
        "titled.csv",
        "2026年客户经理花名册,,,,,,\n工号,姓名,等级,档次,用工性质,岗位年限,综合得分\nW1,甲,中级,B,聘用,12,88\n合计,,,,,,\n",
    );
    let (code, out, err) = paygrade(&["--lang", "zh", "roster", "--format", "csv", &file]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 2, "{out}");
    assert_eq!(
        err,
        format!(
            "paygrade: {file}: 提示：表头在第 2 行，已跳过其上方的 1 行标题\n\
             paygrade: {file}: 提示：第 4 行是合计行，已跳过\n"
        )
    );
    let (code, _, err) = paygrade(&["--lang", "en", "roster", "--format", "csv", &file]);
    assert_eq!(code, 0);
    assert_eq!(
        err,
        format!(
            "paygrade: {file}: warning: the header is row 2; 1 title row above it skipped\n\
             paygrade: {file}: warning: row 4 is a totals row, skipped\n"
        )
    );
}

#[test]
fn a_missing_file_is_named_in_the_readers_language() {
    let (code, out, err) = paygrade(&["--lang", "zh", "roster", "--format", "csv", "nope.csv"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(err, "paygrade: nope.csv: 找不到该文件\n");
    let (code, _, err) = paygrade(&["--lang", "en", "pay", "nope.json"]);
    assert_eq!(
        (code, err.as_str()),
        (2, "paygrade: nope.json: no such file\n")
    );
}

/// A take-home warning (the separate bonus rule ended before the schedule's year) is on
/// stderr in the roster's format — the file, then 提示 / warning — in the chosen language;
/// the JSON on stdout keeps its code.
#[test]
fn netpay_warnings_name_the_file_in_the_roster_format() {
    let months = [r#"{"gross":"3000","contributions":"0"}"#; 12].join(",");
    let schedule = write(
        "netpay-2028.json",
        &format!(r#"{{"year":2028,"first_month":1,"months":[{months}],"annual_bonus":"36000"}}"#),
    );
    let file = schedule.as_str();
    let (code, out, err) = paygrade(&["--lang", "zh", "netpay", file]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["warnings"][0]["code"], "bonus_separate_ended");
    assert_eq!(
        err,
        format!("paygrade: {file}: 提示：全年一次性奖金单独计税（财政部 税务总局公告 2023 年第 30 号）执行至 2027-12-31，2028 年度不再适用：奖金并入当年综合所得计税。政策延期时请修改“年终奖单独计税截止日”。\n")
    );
    let (_, _, err) = paygrade(&["--lang", "en", "netpay", file]);
    assert_eq!(
        err,
        format!("paygrade: {file}: warning: Separate taxation of the annual bonus (Caishui 2023 No. 30) applies through 2027-12-31, not to 2028: the bonus is added to the year's comprehensive income. When the rule is extended, change the bonus rule's end date.\n")
    );
}
