//! The command line's roster stream (issue 16 item 2) against the whole-file path: for
//! every roster file the tests hold — office files, public bugs, hostile files — and for
//! random rosters, `roster_export_csv_stream` gives byte for byte the export that
//! `parse_roster` → `roster_file_pay` → `roster_export_csv` gives, or the same errors
//! (every problem, in the same order, at the same row and column).

use paygrade::error::Error;
use paygrade::Policy;
use paygrade_roster::export::{roster_export_csv, Lang};
use paygrade_roster::parse_roster;
use paygrade_team::{roster_export_csv_stream, roster_file_pay, HrPolicy};
use proptest::prelude::*;

/// What a path gives: the export's text, or each problem as `code row column path`.
#[derive(Debug, PartialEq)]
enum Outcome {
    /// The export and the warnings (the whole roster's `warnings`).
    Export(String, Vec<paygrade::Warning>),
    /// Each problem as `code row column path`, the count beyond them, and each problem's
    /// kind with its values (a duplicate's first row …), compared too.
    Problems(Vec<String>, usize, Vec<String>),
}

fn problems(e: &Error) -> Outcome {
    let lines = e
        .all()
        .map(|p| {
            let (row, column) = p
                .cell
                .as_ref()
                .map_or((0, String::new()), |c| (c.row, c.column.clone()));
            format!("{} row {row} column {column} path {}", p.code(), p.path)
        })
        .collect();
    let kinds = e.all().map(|p| format!("{:?}", p.kind)).collect();
    Outcome::Problems(lines, e.more(), kinds)
}

fn whole(policy: &HrPolicy, bytes: &[u8], name: &str, lang: Lang) -> Outcome {
    let as_of = "2026-11-30".parse().ok();
    let run = || -> paygrade::Result<Outcome> {
        let roster = parse_roster(bytes, name, None)?;
        let pay = roster_file_pay(policy, &roster, as_of)?;
        let text = roster_export_csv(&roster.employees, &pay, lang)?;
        Ok(Outcome::Export(text, pay.warnings))
    };
    run().unwrap_or_else(|e| problems(&e))
}

fn streamed(policy: &HrPolicy, bytes: &[u8], name: &str, lang: Lang) -> Outcome {
    let as_of = "2026-11-30".parse().ok();
    let mut out = Vec::new();
    match roster_export_csv_stream(policy, bytes, name, None, as_of, lang, &mut out) {
        Ok(done) => {
            let text = String::from_utf8(out).unwrap();
            // The count is the people written: one line each after the header.
            assert_eq!(text.lines().count(), done.people + 1, "{name}");
            Outcome::Export(text, done.warnings)
        }
        Err(e) => problems(&e),
    }
}

#[track_caller]
fn same(policy: &HrPolicy, bytes: &[u8], name: &str) -> Outcome {
    let mut first = None;
    for lang in [Lang::En, Lang::Zh] {
        let expected = whole(policy, bytes, name, lang);
        assert_eq!(
            streamed(policy, bytes, name, lang),
            expected,
            "{name} ({lang:?})"
        );
        first.get_or_insert(expected);
    }
    first.unwrap()
}

fn default_policy() -> HrPolicy {
    HrPolicy::check(Policy::default()).unwrap()
}

#[test]
fn every_roster_file_streams_as_it_reads_whole() {
    let policy = default_policy();
    let mut files = Vec::new();
    for dir in [
        "tests/fixtures/public_bugs",
        "tests/fixtures/office",
        "tests/hostile",
        "tests/fixtures/seed_team_quotas",
        "tests/fixtures/spec_examples_table",
    ] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if ["csv", "txt", "xlsx", "xls", "ods"].contains(&ext) {
                files.push(path);
            }
        }
    }
    files.sort();
    let (mut exports, mut refusals) = (0, 0);
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let name = path.file_name().unwrap().to_str().unwrap();
        match same(&policy, &bytes, name) {
            Outcome::Export(..) => exports += 1,
            Outcome::Problems(..) => refusals += 1,
        }
    }
    // The files the tests hold today: a new one is checked too; fewer means one went missing.
    assert!(files.len() >= 45, "{} roster files", files.len());
    assert!(
        exports >= 14 && refusals >= 25,
        "{exports} exported, {refusals} refused"
    );
}

/// A roster with the kinds of bad row the stream must list as the whole path does.
#[test]
fn bad_rows_ids_and_pay_are_listed_in_the_same_order_and_places() {
    let policy = default_policy();
    let head = "工号,姓名,等级,档次,用工性质,岗位年限,综合得分,计薪天数\n";
    let cases = [
        // An unreadable cell in row 3; row 5's band is unknown.
        "E1,甲,中级,B,在册,3,88,\nE2,乙,中级,B,在册,三,88,\nE3,丙,初级,A,聘用,12,90,\nE4,丁,高级,X,在册,1,70,\n",
        // Ids: a duplicate (full-width) and a missing one; the rows themselves read.
        "E1,甲,中级,B,在册,3,88,\nＥ1,乙,中级,B,在册,3,88,\n,丙,初级,A,聘用,12,90,\n",
        // The same id three times: each repeat names the row it was last seen in.
        "E1,甲,中级,B,在册,3,88,\nE1,乙,中级,B,在册,3,88,\nE1,丙,初级,A,聘用,12,90,\n",
        // Pay: paid days above the month, twice.
        "E1,甲,中级,B,在册,3,88,30\nE2,乙,中级,B,在册,3,88,10.875\nE3,丙,中级,B,在册,3,88,22\n",
        // No people at all below the header.
        ",,,,,,,\n",
        // A totals row is passed over, a blank line still counts as a row.
        "E1,甲,中级,B,在册,3,88,\n\nE2,乙,中级,B,在册,3,88,\n合计,,,,,,,\n",
    ];
    let outcomes: Vec<Outcome> = cases
        .iter()
        .map(|rows| same(&policy, format!("{head}{rows}").as_bytes(), "t.csv"))
        .collect();
    let listed = |o: &Outcome| match o {
        Outcome::Problems(lines, more, _) => (lines.clone(), *more),
        Outcome::Export(text, _) => (vec![text.lines().count().to_string()], 0),
    };
    // Row 5's band X is a pay error: while rows cannot be read, only those are listed.
    assert_eq!(
        listed(&outcomes[0]).0,
        ["invalid_number row 3 column 岗位年限 path employees[0].years_in_post"]
    );
    assert_eq!(
        listed(&outcomes[1]).0,
        [
            "duplicate_id row 3 column 工号 path employees[1].id",
            "missing_field row 4 column 工号 path employees[2].id",
        ]
    );
    assert_eq!(
        listed(&outcomes[2]).0,
        [
            "duplicate_id row 3 column 工号 path employees[1].id",
            "duplicate_id row 4 column 工号 path employees[2].id",
        ]
    );
    let Outcome::Problems(_, _, kinds) = &outcomes[2] else {
        panic!("{:?}", outcomes[2])
    };
    assert_eq!(
        kinds,
        &[
            r#"DuplicateId { id: "E1", first_row: 2 }"#,
            r#"DuplicateId { id: "E1", first_row: 3 }"#,
        ]
    );
    assert_eq!(
        listed(&outcomes[3]).0,
        [
            "paid_days_range row 2 column 计薪天数 path employees[0].paid_days",
            "paid_days_range row 4 column 计薪天数 path employees[2].paid_days",
        ]
    );
    assert_eq!(listed(&outcomes[4]).0, ["no_rows row 2 column  path "]);
    // Header and two people.
    assert_eq!(listed(&outcomes[5]).0, ["3"]);
}

/// Bad cells and a repeated id in one file are listed in one pass: the cells, then the
/// ids of the rows that could be read (a band the policy lacks is the pay's, listed once
/// the file reads).
#[test]
fn bad_cells_and_repeated_ids_are_listed_together() {
    let policy = default_policy();
    let text = "工号,姓名,等级,档次,用工性质,岗位年限,农村,综合得分\r\
                KM1,甲,中级,B,聘用,5,否,90\r\
                KM2,乙,初级,X,在册,3,也许,85\r\r\
                KM3,丙,高级,C,临时,abc,否,188\r\
                KM1,丁,见习,,聘用,1,否,70\r";
    let Outcome::Problems(lines, more, _) = same(&policy, text.as_bytes(), "t.csv") else {
        panic!("refused")
    };
    assert_eq!(
        (lines, more),
        (
            vec![
                "invalid_value row 3 column 农村 path employees[0].rural".to_string(),
                "unknown_mode row 5 column 用工性质 path employees[0].employment".to_string(),
                "invalid_number row 5 column 岗位年限 path employees[0].years_in_post".to_string(),
                "score_range row 5 column 综合得分 path employees[0].composite_score".to_string(),
                "duplicate_id row 6 column 工号 path employees[1].id".to_string(),
            ],
            0
        )
    );
}

#[test]
fn cells_then_ids_are_counted_beyond_a_hundred() {
    let policy = default_policy();
    let mut text = String::from("id,level,band,employment,years_in_post,composite_score\n");
    for i in 0..90 {
        text.push_str(&format!("P{i},junior,B,regular,x{i},80\n"));
    }
    for _ in 0..30 {
        text.push_str("Q1,junior,B,regular,3,80\n");
    }
    match same(&policy, text.as_bytes(), "many.csv") {
        // 90 bad cells and 29 repeats: 100 listed, 19 counted.
        Outcome::Problems(lines, more, _) => {
            assert_eq!((lines.len(), more), (100, 19));
            assert!(
                lines[99].starts_with("duplicate_id row 102 "),
                "{}",
                lines[99]
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn more_than_a_hundred_bad_rows_are_counted_as_the_whole_path_counts_them() {
    let policy = default_policy();
    let mut text = String::from("id,level,band,employment,years_in_post,composite_score\n");
    for i in 0..150 {
        text.push_str(&format!("P{i},junior,B,regular,x{i},80\n"));
    }
    match same(&policy, text.as_bytes(), "many.csv") {
        Outcome::Problems(lines, more, _) => assert_eq!((lines.len(), more), (100, 50)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_pool_policy_and_a_json_roster_are_read_whole_with_the_same_result() {
    let mut pool = Policy::default();
    pool.performance.mode = paygrade::policy::PerformanceMode::Pool;
    pool.performance.pool = Some("10000.01".parse().unwrap());
    let pool = HrPolicy::check(pool).unwrap();
    let csv = std::fs::read("tests/fixtures/seed_team_quotas/roster.csv").unwrap();
    let Outcome::Export(text, _) = same(&pool, &csv, "roster.csv") else {
        panic!("the seed team pays under a pool")
    };
    assert!(text.starts_with("\u{feff}id,name,level,"));
    let json = std::fs::read("tests/fixtures/pool_mode/employees.json").unwrap();
    same(&default_policy(), &json, "employees.json");
}

fn arb_row(i: usize) -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec![
            "高级,A", "中级,B", "初级,C", "见习,", "中级,Z", "专家,A",
        ]),
        prop::sample::select(vec!["在册", "聘用", "临时"]),
        prop::sample::select(vec!["0", "3", "12", "25", "x", ""]),
        prop::sample::select(vec!["是", "否", "", "也许"]),
        prop::collection::vec(0u32..=10_500, 5),
        prop::sample::select(vec!["", "21.75", "10.5", "30"]),
        prop::sample::select(vec![0usize, 1, 2, 3]),
    )
        .prop_map(move |(grade, employment, years, rural, scores, days, id)| {
            let s: Vec<String> = scores
                .iter()
                .map(|n| format!("{}.{:02}", n / 100, n % 100))
                .collect();
            // Ids repeat now and then (P0 … P3 and the row's own).
            let id = if id == 0 {
                format!("P{}", i % 4)
            } else {
                format!("R{i}")
            };
            format!(
                "{id},名{i},{grade},{employment},{years},{rural},{},{days}\n",
                s.join(",")
            )
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn random_rosters_stream_as_they_read_whole(rows in (1usize..30).prop_flat_map(|n| (0..n).map(arb_row).collect::<Vec<_>>())) {
        let text = format!(
            "工号,姓名,等级,档次,用工性质,岗位年限,农村,经营业绩,客户满意度,工业企业评价,自我评价,营销部审核评价,计薪天数\n{}",
            rows.concat()
        );
        let policy = default_policy();
        for lang in [Lang::En, Lang::Zh] {
            prop_assert_eq!(
                streamed(&policy, text.as_bytes(), "r.csv", lang),
                whole(&policy, text.as_bytes(), "r.csv", lang)
            );
        }
    }
}
