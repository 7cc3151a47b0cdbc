//! Rosters and quotas (issue 4): import as Chinese offices save files, the seed's team of
//! 71 under the quota rules, grade assignment, pool shares.

use paygrade::policy::{HeadcountBasis, PerformanceMode, SeatRounding};
use paygrade::{assign_grades, check_quotas, compute_roster, Employee, Policy};
use paygrade_roster::sample::sample_roster;
use paygrade_roster::{decode_text, parse_roster, parse_roster_date};
use proptest::prelude::*;

/// An error's place as one key: `row N, column X` for a roster cell, else the field path.
fn loc(e: &paygrade::Error) -> String {
    match &e.cell {
        Some(c) if c.column.is_empty() => format!("row {}", c.row),
        Some(c) => format!("row {}, column {}", c.row, c.column),
        None => e.path.clone(),
    }
}

/// An error in English words, as the CLI prints it.
#[allow(dead_code)]
fn words(e: &paygrade::Error) -> String {
    paygrade_text::error_line(e, paygrade_text::Lang::En)
}

fn policy_with(edit: impl FnOnce(&mut Policy)) -> paygrade::CheckedPolicy {
    let mut p = Policy::default();
    edit(&mut p);
    p.check().unwrap()
}

#[test]
fn gbk_and_bom_headers_decode() {
    let gbk = [
        0xD0, 0xD5, 0xC3, 0xFB, 0x2C, 0xBB, 0xF9, 0xB1, 0xBE, 0xB9, 0xA4, 0xD7, 0xCA,
    ];
    assert_eq!(decode_text(&gbk).unwrap(), "姓名,基本工资");
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice("姓名,基本工资".as_bytes());
    assert_eq!(decode_text(&bom).unwrap(), "姓名,基本工资");
}

const HEADER: &str = "工号,姓名,等级,档次,用工性质,岗位年限,农村,综合得分,计薪天数";

#[track_caller]
fn csv_error(row: &str, code: &str, path: &str) {
    let text = format!("{HEADER}\nA1,甲,中级,B,聘用,12,是,88.65,\n{row}\n");
    let e = parse_roster(text.as_bytes(), "t.csv", None)
        .and_then(|r| {
            compute_roster(&Policy::default().check().unwrap(), &r.employees, None)
                .map_err(|e| r.locate(e))
        })
        .unwrap_err();
    assert_eq!((e.code(), loc(&e).as_str()), (code, path), "{row}: {e}");
}

#[test]
fn csv_values_as_offices_type_them() {
    let text = format!(
        "\u{feff}{HEADER},备注\nA1, 甲 ,中级,B,聘用,１２年,是,８８．６５,,x\nA2,乙,初级,a,在册,3,否,1.0875E+01,,\nA3,丙,见习,,聘用工,0,1,60元,\"1,0\",\n"
    );
    let e = parse_roster(text.as_bytes(), "t.csv", None).unwrap_err();
    assert_eq!(
        (e.code(), loc(&e).as_str()),
        ("invalid_number", "row 4, column 计薪天数")
    );
    let text = text.replace("\"1,0\"", "10.875");
    let r = parse_roster(text.as_bytes(), "t.csv", None).unwrap();
    assert_eq!(r.employees.len(), 3);
    assert_eq!(r.warnings.len(), 1);
    assert_eq!(
        (r.warnings[0].code, r.warnings[0].column.as_deref()),
        ("unknown_column", Some("备注"))
    );
    let pay = compute_roster(&Policy::default().check().unwrap(), &r.employees, None).unwrap();
    let totals: Vec<String> = pay.results.iter().map(|b| b.total.to_string()).collect();
    // A1 is SPEC example 1 given a composite (88.65, full-width) and its years with their
    // unit (１２年); A2: band "a" → A, composite
    // 1.0875E+01 = 10.875 → unqualified 0.50; A3: trainee, composite 60元 → 0.80, 10.875 of
    // 21.75 days = half a month: (1500 + 1000 × 0.80 × 0.80) ÷ 2 = 1070.
    assert_eq!(pay.results[0].composite_score, "88.65");
    assert_eq!(pay.results[1].grade, "junior-A");
    assert_eq!(pay.results[1].composite_score, "10.875");
    assert_eq!(totals, ["3872.00", "2600.00", "1070.00"]);
}

#[test]
fn bad_cells_name_row_and_column() {
    csv_error(
        "A2,乙,中级,D,聘用,3,否,80,",
        "unknown_band",
        "row 3, column 档次",
    );
    csv_error(
        "A2,乙,中级,B,聘用,3,否,N/A,",
        "invalid_number",
        "row 3, column 综合得分",
    );
    csv_error(
        "A2,乙,中级,B,聘用,3,否,\"45.000,00\",",
        "invalid_number",
        "row 3, column 综合得分",
    );
    csv_error(
        "A2,乙,中级,B,聘用,3,否,150,",
        "score_range",
        "row 3, column 综合得分",
    );
    csv_error(
        "A2,乙,中级,B,合同,3,否,80,",
        "unknown_mode",
        "row 3, column 用工性质",
    );
    csv_error(
        "A2,乙,中级,B,聘用,3,也许,80,",
        "invalid_value",
        "row 3, column 农村",
    );
    csv_error(
        "A1,乙,中级,B,聘用,3,否,80,",
        "duplicate_id",
        "row 3, column 工号",
    );
    csv_error(
        "A2,乙,专家,B,聘用,3,否,80,",
        "unknown_level",
        "row 3, column 等级",
    );
}

#[test]
fn thousands_and_full_width_numbers() {
    let n = |s: &str| paygrade::number::parse_decimal(s).unwrap().to_string();
    assert_eq!(n("５０００"), "5000");
    assert_eq!(n("１２，３４５．５０"), "12345.50");
    assert_eq!(n("1,234.50"), "1234.50");
}

#[test]
fn roster_dates() {
    let d = |s: &str| parse_roster_date(s).map(|d| d.to_string());
    assert_eq!(d("2026-03-01").as_deref(), Some("2026-03-01"));
    assert_eq!(d("2026/3/1").as_deref(), Some("2026-03-01"));
    assert_eq!(d("2026年3月1日").as_deref(), Some("2026-03-01"));
    assert_eq!(d("46082").as_deref(), Some("2026-03-01"));
    assert_eq!(d("61").as_deref(), Some("1900-03-01"));
    assert_eq!(d("59").as_deref(), Some("1900-02-28"));
    assert_eq!(d("60"), None, "Excel's 1900-02-29 does not exist");
    assert_eq!(d("26/3/1"), None, "two-digit years are not guessed");
    assert_eq!(d("2026-02-30"), None);
}

#[test]
fn post_start_column_in_any_office_form() {
    let text = "id,level,band,employment,post_start,composite_score\nP1,junior,C,contract,2014年3月1日,80\nP2,junior,C,contract,26/3/1,80\n";
    let e = parse_roster(text.as_bytes(), "r.csv", None).unwrap_err();
    assert_eq!(
        (e.code(), loc(&e).as_str()),
        ("invalid_date", "row 3, column post_start")
    );
    let ok = parse_roster(&text.as_bytes()[..text.find("P2").unwrap()], "r.csv", None).unwrap();
    assert_eq!(
        ok.employees[0].post_start.unwrap().to_string(),
        "2014-03-01"
    );
}

#[test]
fn sample_roster_matches_the_seed_team() {
    let r = sample_roster().unwrap();
    assert_eq!(r.employees.len(), 71);
    let count = |level: &str| r.employees.iter().filter(|e| e.level == level).count();
    assert_eq!(
        [count("高级"), count("中级"), count("初级"), count("见习")],
        [6, 36, 18, 11]
    );
    let contract = r
        .employees
        .iter()
        .filter(|e| e.employment == paygrade::policy::Employment::Contract)
        .count();
    assert_eq!((71 - contract, contract), (56, 15));
}

fn quota_line(policy: &paygrade::CheckedPolicy) -> String {
    let r = sample_roster().unwrap();
    let grades: Vec<_> = r
        .employees
        .iter()
        .map(|e| {
            policy
                .ladder()
                .resolve(&e.level, e.band.as_deref())
                .unwrap()
        })
        .collect();
    let q = check_quotas(policy, &grades);
    let levels: Vec<String> = q
        .levels
        .iter()
        .map(|l| format!("{} {}/{} over {}", l.level, l.count, l.seats, l.over))
        .collect();
    format!(
        "{} heads: {}; compliant {}",
        q.headcount,
        levels.join(", "),
        q.compliant
    )
}

#[test]
fn seed_team_quotas() {
    assert_eq!(
        quota_line(&Policy::default().check().unwrap()),
        "71 heads: senior 6/14 over 0, intermediate 36/35 over 1, junior 18/21 over 0; compliant false"
    );
    assert_eq!(
        quota_line(&policy_with(|p| p.quota.seat_rounding = SeatRounding::HalfUp)),
        "71 heads: senior 6/14 over 0, intermediate 36/36 over 0, junior 18/21 over 0; compliant true"
    );
    assert_eq!(
        quota_line(&policy_with(|p| p.quota.headcount = HeadcountBasis::Graded)),
        "60 heads: senior 6/12 over 0, intermediate 36/30 over 6, junior 18/18 over 0; compliant false"
    );
}

fn person(
    id: &str,
    exam: &str,
    review: &str,
    years: u32,
    education: &str,
    worked: u32,
) -> Employee {
    Employee::from_json(&format!(
        r#"{{"id":"{id}","level":"junior","band":"C","employment":"regular","years_in_post":{years},
            "composite_score":"80","grading":{{"exam":"{exam}分","review":"{review}分"}},
            "education":"{education}","years_of_work":{worked}}}"#
    ))
    .unwrap()
}

#[test]
fn assignment_order_requirements_and_bands() {
    let people = vec![
        person("B", "90", "90", 6, "bachelor", 10), // 90, ties with C and A
        person("C", "90", "90", 7, "bachelor", 10), // more years in post: first
        person("A", "90", "90", 6, "bachelor", 10), // id A before B
        person("D", "95", "95", 1, "bachelor", 5), // best score, too few years for senior/intermediate
        person("E", "60", "70", 3, "secondary", 4),
        person("F", "50", "50", 0, "none", 0), // meets nothing → trainee
    ];
    let a = assign_grades(&Policy::default().check().unwrap(), &people, None).unwrap();
    // 6 people: senior 20% → 1 seat, intermediate 50% → 3, junior 30% → 1 (floor).
    assert_eq!(
        a.seats
            .iter()
            .map(|(k, v)| format!("{k}:{v}"))
            .collect::<Vec<_>>(),
        ["senior:1", "intermediate:3", "junior:1"]
    );
    let lines: Vec<String> = a
        .results
        .iter()
        .map(|r| {
            format!(
                "{} {} {} {}",
                r.id,
                r.grading_score,
                r.new_grade,
                if r.reasons.is_empty() {
                    "-".to_string()
                } else {
                    paygrade_text::reasons(
                        &r.reasons,
                        &paygrade_text::Names::default(),
                        paygrade_text::Lang::En,
                    )
                }
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            "D 95.00 junior-A Senior: 8 years of work needed (has 5); Intermediate: 2 years in post needed (has 1)",
            "C 90.00 senior-A -",
            "A 90.00 intermediate-A Senior: no seat left",
            "B 90.00 intermediate-B Senior: no seat left",
            "E 65.00 trainee Senior: bachelor's degree or higher needed (has secondary); Intermediate: associate degree or higher needed (has secondary); Junior: no seat left",
            "F 50.00 trainee Senior: bachelor's degree or higher needed (has none); Intermediate: associate degree or higher needed (has none); Junior: secondary or higher needed (has none)"
        ]
    );
}

fn arb_people() -> impl Strategy<Value = Vec<Employee>> {
    prop::collection::vec(
        (0u32..=100, 0u32..=100, 0u32..12, 0usize..6, 0u32..20),
        1..40,
    )
    .prop_map(|v| {
        let edu = [
            "none",
            "secondary",
            "associate",
            "bachelor",
            "master",
            "doctorate",
        ];
        v.into_iter()
            .enumerate()
            .map(|(i, (exam, review, years, e, worked))| {
                person(
                    &format!("P{i:02}"),
                    &exam.to_string(),
                    &review.to_string(),
                    years,
                    edu[e],
                    worked,
                )
            })
            .collect()
    })
}

proptest! {
    #[test]
    fn no_level_gets_more_people_than_seats(people in arb_people()) {
        let a = assign_grades(&Policy::default().check().unwrap(), &people, None).unwrap();
        for (level, seats) in &a.seats {
            let n = a.results.iter().filter(|r| r.new_grade.starts_with(&format!("{level}-"))).count() as u64;
            prop_assert!(n <= *seats, "{level}: {n} > {seats}");
        }
    }

    #[test]
    fn assignment_does_not_depend_on_input_order(people in arb_people(), seed in any::<u64>()) {
        let policy = Policy::default().check().unwrap();
        let mut shuffled = people.clone();
        let n = shuffled.len();
        let mut s = seed;
        for i in (1..n).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            shuffled.swap(i, (s >> 33) as usize % (i + 1));
        }
        prop_assert_eq!(assign_grades(&policy, &people, None).unwrap(), assign_grades(&policy, &shuffled, None).unwrap());
    }

    #[test]
    fn pool_shares_sum_to_the_pool(people in arb_people(), pool_fen in 0u64..100_000_000) {
        let pool = rust_decimal::Decimal::new(pool_fen as i64, 2);
        let policy = policy_with(|p| { p.performance.mode = PerformanceMode::Pool; p.performance.pool = Some(pool); });
        let pay = compute_roster(&policy, &people, None).unwrap();
        prop_assert_eq!(pay.totals.components.performance.amount(), pool);
        let sum: rust_decimal::Decimal = pay.results.iter().map(|b| b.total.amount()).sum();
        prop_assert_eq!(sum, pay.totals.total.amount());
    }
}

#[test]
fn pool_largest_remainder_ties_go_by_id() {
    // Three equal weights share 100.00: 33.33 each and one fen left, to the smallest id.
    let people: Vec<Employee> = ["Z", "M", "A"]
        .iter()
        .map(|id| person(id, "80", "80", 1, "bachelor", 1))
        .collect();
    let policy = policy_with(|p| {
        p.performance.mode = PerformanceMode::Pool;
        p.performance.pool = Some("100.00".parse().unwrap());
    });
    let pay = compute_roster(&policy, &people, None).unwrap();
    let shares: Vec<String> = pay
        .results
        .iter()
        .map(|b| format!("{} {}", b.id, b.components.performance))
        .collect();
    assert_eq!(shares, ["Z 33.33", "M 33.33", "A 33.34"]);
}

#[test]
fn xlsx_written_here_reads_back_to_the_same_roster() {
    let r = sample_roster().unwrap();
    let text = paygrade_roster::sample::SAMPLE_ROSTER_CSV;
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (row, line) in text.lines().enumerate() {
        for (col, cell) in line.split(',').enumerate() {
            let (row, col) = (row as u32, col as u16);
            // Numbers as numbers, the rest as text — as Excel would hold them.
            match cell.parse::<f64>() {
                Ok(n) if row > 0 => sheet.write_number(row, col, n).map(|_| ()),
                _ => sheet.write_string(row, col, cell).map(|_| ()),
            }
            .unwrap();
        }
    }
    sheet
        .write_datetime(
            72,
            0,
            rust_xlsxwriter::ExcelDateTime::from_ymd(2026, 3, 1).unwrap(),
        )
        .unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let e = parse_roster(&bytes, "team.xlsx", None).unwrap_err();
    assert_eq!(
        e.code(),
        "missing_field",
        "the stray date in row 73 has no level: {e}"
    );
    let sheet = book.worksheet_from_index(0).unwrap();
    sheet.clear_cell(72, 0);
    let back = parse_roster(&book.save_to_buffer().unwrap(), "team.xlsx", None).unwrap();
    assert_eq!(back.employees, r.employees);
}

#[test]
fn empty_and_header_only_files() {
    let e = parse_roster(b"", "e.csv", None).unwrap_err();
    assert_eq!(e.code(), "invalid_value");
    let e = parse_roster(HEADER.as_bytes(), "h.csv", None).unwrap_err();
    assert_eq!((e.code(), loc(&e).as_str()), ("no_rows", "row 2"));
    let e = parse_roster(b"name,level\nx,junior\n", "m.csv", None).unwrap_err();
    assert_eq!((e.code(), loc(&e).as_str()), ("missing_field", "row 1"));
}

#[test]
fn a_pool_of_100000_over_the_71_sample_people_sums_exactly() {
    let people = sample_roster().unwrap().employees;
    let policy = policy_with(|p| {
        p.performance.mode = PerformanceMode::Pool;
        p.performance.pool = Some("100000.00".parse().unwrap());
    });
    let pay = compute_roster(&policy, &people, None).unwrap();
    let shares: rust_decimal::Decimal = pay
        .results
        .iter()
        .map(|b| b.components.performance.amount())
        .sum();
    assert_eq!(shares.to_string(), "100000.00");
    assert_eq!(pay.totals.components.performance.to_string(), "100000.00");
}

#[test]
fn a_bad_cell_is_a_structured_place() {
    // Issue 14: the place is facts — the row and the column header as the file spells it.
    let text = "工号,等级,档次,用工性质,岗位年限,综合得分\nA1,中级,B,聘用,3,80\nA2,中级,B,聘用,3,80\nA3,中级,B,聘用,3,80\nA4,中级,B,聘用,十,80\n";
    let e = parse_roster(text.as_bytes(), "t.csv", None).unwrap_err();
    assert_eq!(
        e.cell.as_deref(),
        Some(&paygrade::error::Cell {
            row: 5,
            column: "岗位年限".into()
        })
    );
    assert_eq!(
        (e.code(), e.kind.params()),
        ("invalid_number", vec![("value", "十".to_string())])
    );
}

#[test]
fn every_bad_row_in_row_order_the_first_100_and_a_count() {
    // Rows 3, 5 and 7 bad: all three, in that order.
    let text = "工号,等级,档次,用工性质,岗位年限\nA1,中级,B,聘用,3\nA2,中级,B,聘用,-3\nA3,中级,B,聘用,3\nA4,中级,B,聘用,x\nA5,中级,B,聘用,3\nA6,中级,B,临时,3\n";
    let e = parse_roster(text.as_bytes(), "t.csv", None).unwrap_err();
    let listed: Vec<(String, &str)> = e.all().map(|p| (loc(p), p.code())).collect();
    assert_eq!(
        listed,
        [
            ("row 3, column 岗位年限".to_string(), "invalid_value"),
            ("row 5, column 岗位年限".to_string(), "invalid_number"),
            ("row 7, column 用工性质".to_string(), "unknown_mode"),
        ]
    );
    assert_eq!(e.more(), 0);
    // 150 bad rows: the first 100 listed, 50 counted.
    let mut text = String::from("工号,等级,档次,用工性质,岗位年限\n");
    for i in 0..150 {
        text.push_str(&format!("B{i},中级,B,聘用,x{i}\n"));
    }
    let e = parse_roster(text.as_bytes(), "t.csv", None).unwrap_err();
    assert_eq!((e.all().count(), e.more()), (100, 50));
    assert_eq!(loc(e.also().last().unwrap()), "row 101, column 岗位年限");
    let lines = paygrade_text::error_lines(&e, paygrade_text::Lang::Zh);
    assert_eq!(lines.len(), 101);
    assert_eq!(lines[100], "另有 50 处问题未列出");
    // People the policy cannot pay (a band the level lacks) are all reported when paying.
    let text = "工号,等级,档次,用工性质,岗位年限,综合得分\nA1,中级,Q,聘用,3,80\nA2,中级,B,聘用,3,80\nA3,初级,Z,聘用,3,80\n";
    let r = parse_roster(text.as_bytes(), "t.csv", None).unwrap();
    let e = compute_roster(&Policy::default().check().unwrap(), &r.employees, None)
        .map_err(|e| r.locate(e))
        .unwrap_err();
    let listed: Vec<String> = e
        .all()
        .map(|p| paygrade_text::error_line(p, paygrade_text::Lang::Zh))
        .collect();
    assert_eq!(
        listed,
        [
            "第 2 行“档次”列：档次 “Q” 不属于等级 “中级”",
            "第 4 行“档次”列：档次 “Z” 不属于等级 “初级”"
        ]
    );
    // Duplicate ids are all reported too, each at its row.
    let dup = "工号,等级,档次,用工性质,岗位年限\nA1,中级,B,聘用,3\nA1,中级,B,聘用,3\nA2,中级,B,聘用,3\nＡ２,中级,B,聘用,3\n";
    let e = parse_roster(dup.as_bytes(), "t.csv", None).unwrap_err();
    let listed: Vec<String> = e
        .all()
        .map(|p| paygrade_text::error_line(p, paygrade_text::Lang::Zh))
        .collect();
    assert_eq!(
        listed,
        [
            "第 3 行“工号”列：工号 “A1” 重复（首次出现在第 2 行）",
            "第 5 行“工号”列：工号 “A2” 重复（首次出现在第 4 行）"
        ]
    );
}

/// A score column formatted as a percentage (Excel shows 94%, stores 0.94; 100% as 1):
/// the workbook reader does not see the format, so a bare number above 0 and at most 1
/// in a score column is refused at its cell, every such cell of the row, with the points
/// it stands for — read as points it paid the lowest rating without a word. The same
/// holds for a CSV's bare `0.83` (a system exporting fractions). Text percentages (a CSV
/// saved from such a column) read as their points; a score truly that low is written with
/// its unit (`0.94分`), as the export writes it; 0 is a score.
#[test]
fn percentage_formatted_scores_are_refused_and_text_percentages_read_as_points() {
    let header = [
        "工号",
        "等级",
        "档次",
        "用工性质",
        "岗位年限",
        "经营业绩",
        "客户满意度",
        "工业企业评价",
        "自我评价",
        "营销部审核评价",
    ];
    let workbook = |scores: [f64; 5]| {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        let pct = rust_xlsxwriter::Format::new().set_num_format("0%");
        for (c, h) in header.iter().enumerate() {
            sheet.write_string(0, c as u16, *h).unwrap();
        }
        for (c, t) in ["K1", "中级", "B", "在册", "12"].iter().enumerate() {
            sheet.write_string(1, c as u16, *t).unwrap();
        }
        for (c, v) in scores.iter().enumerate() {
            sheet
                .write_number_with_format(1, 5 + c as u16, *v, &pct)
                .unwrap();
        }
        book.save_to_buffer().unwrap()
    };
    let e = parse_roster(&workbook([0.94, 0.9, 1.0, 0.0, 0.88]), "pct.xlsx", None).unwrap_err();
    let all: Vec<_> = e
        .all()
        .map(|p| (p.code(), loc(p), p.kind.params()))
        .collect();
    let params = |v: &str, p: &str| vec![("value", v.to_string()), ("points", p.to_string())];
    let at = |column: &str, v: &str, p: &str| {
        (
            "score_fraction",
            format!("row 2, column {column}"),
            params(v, p),
        )
    };
    assert_eq!(
        all,
        [
            at("经营业绩", "0.94", "94"),
            at("客户满意度", "0.9", "90"),
            at("工业企业评价", "1", "100"),
            at("营销部审核评价", "0.88", "88"),
        ],
        "every refused cell of the row (0% reads as 0)"
    );
    assert_eq!(
        paygrade_text::error_message(&e.kind, paygrade_text::Lang::Zh),
        "分数 0.94 不大于 1，像是百分比（94% 记作 0.94）：分数按 0–100 填写，请填 94（表格中请把该列设为常规或数值格式）；若确为 0.94 分，请写成 0.94分"
    );
    // Whole points in the same format are scores (0 and 100 included).
    let r = parse_roster(
        &workbook([94.0, 90.0, 100.0, 0.0, 88.0]),
        "points.xlsx",
        None,
    )
    .unwrap();
    let s = r.employees[0].scores.clone().unwrap();
    assert_eq!(
        [s.business, s.supplier, s.self_].map(|d| d.unwrap().to_string()),
        ["94", "100", "0"]
    );
    // A CSV: bare 0.83 is refused too; with its unit it is 0.83 points.
    let csv = "工号,等级,档次,用工性质,岗位年限,经营业绩\nK1,中级,B,在册,12,0.83\n";
    let e = parse_roster(csv.as_bytes(), "fraction.csv", None).unwrap_err();
    assert_eq!(
        (e.code(), loc(&e)),
        ("score_fraction", "row 2, column 经营业绩".to_string())
    );
    // A CSV saved from a percentage column holds "94%": 94 points; "0.94分" is 0.94.
    let csv = "工号,等级,档次,用工性质,岗位年限,经营业绩,客户满意度,工业企业评价,自我评价,营销部审核评价\n\
               K1,中级,B,在册,12,94%,90％, 85 % ,0.94分,80 pts\n";
    let r = parse_roster(csv.as_bytes(), "pct.csv", None).unwrap();
    let s = r.employees[0].scores.clone().unwrap();
    assert_eq!(
        [
            s.business,
            s.customer_satisfaction,
            s.supplier,
            s.self_,
            s.marketing_audit
        ]
        .map(|d| d.unwrap().to_string()),
        ["94", "90", "85", "0.94", "80"]
    );
}

/// Headers as offices write them: a space inside (`姓 名`), a line break typed with
/// Alt+Enter (`经营⏎业绩`), a unit in brackets at the end, full- or half-width
/// (`岗位年限（年）`, `营销部审核评价(分)`) — each read as its column.
#[test]
fn headers_with_spaces_line_breaks_and_units_are_their_columns() {
    let csv = "工号,姓 名,等级,档次,用工性质,岗位年限（年）,\"经营\n业绩\",客户满意度,工业企业评价,自我评价,营销部审核评价(分)\n\
               K1,张三,中级,B,聘用,12,92,88,85,95,80\n";
    let r = parse_roster(csv.as_bytes(), "office.csv", None).unwrap();
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    let e = &r.employees[0];
    assert_eq!((e.name.as_str(), e.years_in_post), ("张三", Some(12)));
    let s = e.scores.clone().unwrap();
    assert_eq!(
        [s.business, s.marketing_audit].map(|d| d.unwrap().to_string()),
        ["92", "80"]
    );
}

/// A totals row however an office writes it — 合计 under 序号 or 姓名, `合计：71人`,
/// `合　计`, a 小计 with sums in it, `高级 小计` in the level column, `Total:` — is
/// skipped with a warning, not refused as a person without a level (or with sums for
/// scores).
#[test]
fn totals_rows_under_any_column_are_skipped() {
    let head = "序号,工号,姓名,等级,档次,用工性质,岗位年限,综合得分\n1,K1,张三,中级,B,聘用,12,88\n";
    for last in [
        "合计,,,,,,,88",
        ",,合计,,,,,88",
        ",合计：71人,,,,,,",
        ",,小计,,,,,",
        ",Total:,,,,,,",
        "合　计,,,,,,,88",
        ",,,高级 小计,,,,",
        ",,小计,,,,177,440",
    ] {
        let r = parse_roster(format!("{head}{last}\n").as_bytes(), "t.csv", None).unwrap();
        assert_eq!(r.employees.len(), 1, "{last}");
        let codes: Vec<_> = r.warnings.iter().map(|w| (w.code, w.row)).collect();
        // 序号, a row number column, is ignored without a word.
        assert_eq!(codes, [("totals_row_skipped", Some(3))], "{last}");
    }
    // A person named 合计 with a level is a person.
    let r = parse_roster(
        format!("{head}2,K2,合计,初级,A,在册,3,70\n").as_bytes(),
        "t.csv",
        None,
    )
    .unwrap();
    assert_eq!(r.employees[1].name, "合计");
}

/// A header over two rows, as Chinese HR sheets merge it: a title, then 工号 … merged
/// down two rows and 五评价 merged across the five score columns above their names. The
/// two rows are read as one header (a warning says so); the people start below, rows
/// counted as the file's.
#[test]
fn a_two_row_merged_header_is_read_as_one() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let plain = rust_xlsxwriter::Format::new();
    sheet
        .write_string(0, 0, "2026年11月客户经理薪酬表")
        .unwrap();
    for (c, h) in ["工号", "姓名", "等级", "档次", "用工性质", "岗位年限"]
        .iter()
        .enumerate()
    {
        sheet
            .merge_range(1, c as u16, 2, c as u16, h, &plain)
            .unwrap();
    }
    sheet.merge_range(1, 6, 1, 10, "五评价", &plain).unwrap();
    for (c, h) in [
        "经营业绩",
        "客户满意度",
        "工业企业评价",
        "自我评价",
        "营销部审核评价",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(2, 6 + c as u16, *h).unwrap();
    }
    let people = [
        [
            "E001", "甲", "中级", "B", "聘用", "12", "92", "88", "85", "95", "80",
        ],
        [
            "E002", "乙", "初级", "A", "在册", "3", "70", "70", "70", "70", "70",
        ],
    ];
    for (r, row) in people.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            sheet.write_string(3 + r as u32, c as u16, *cell).unwrap();
        }
    }
    let bytes = book.save_to_buffer().unwrap();
    let r = parse_roster(&bytes, "merged.xlsx", None).unwrap();
    let codes: Vec<_> = r
        .warnings
        .iter()
        .map(|w| {
            (
                w.code,
                w.row,
                w.params.clone().into_iter().collect::<Vec<_>>(),
            )
        })
        .collect();
    assert_eq!(
        codes,
        [
            ("header_row", Some(2), vec![("skipped", "1".to_string())]),
            ("two_row_header", Some(2), vec![("second", "3".to_string())]),
        ]
    );
    assert_eq!(r.sources.iter().map(|s| s.row).collect::<Vec<_>>(), [4, 5]);
    // SPEC §11 example 1 without the rural uplift (no 农村 column): 1500 + 800 +
    // 12 × 6.00 + 1000 × 1.40 × 1.00 = 3772.00.
    let policy = Policy::default().check().unwrap();
    let pay = compute_roster(&policy, &r.employees, None).unwrap();
    assert_eq!(pay.results[0].total.to_string(), "3772.00");
    // A data row under a one-row header is still a person, not a second header row.
    let csv = "工号,等级,档次,用工性质,岗位年限,综合得分\nK1,中级,B,聘用,12,88\n";
    let r = parse_roster(csv.as_bytes(), "one.csv", None).unwrap();
    assert_eq!((r.employees.len(), r.warnings.len()), (1, 0));
}

/// A row with several bad cells lists each of them (in reading order), so one upload
/// shows everything to fix; other rows' problems follow in row order.
#[test]
fn every_bad_cell_of_a_row_is_listed() {
    let csv = "工号,姓名,等级,档次,用工性质,岗位年限,经营业绩,客户满意度,工业企业评价,自我评价,营销部审核评价\n\
               A1,甲,中级,B,临时,三,九十,88,150,95,80\n\
               A2,乙,中级,B,聘用,3,90,88,85,95,80\n\
               A3,丙,,B,聘用,x,90,88,85,95,80\n";
    let e = parse_roster(csv.as_bytes(), "multi.csv", None).unwrap_err();
    let all: Vec<_> = e.all().map(|p| (loc(p), p.code())).collect();
    let at = |place: &str, code: &'static str| (place.to_string(), code);
    assert_eq!(
        all,
        [
            at("row 2, column 用工性质", "unknown_mode"),
            at("row 2, column 岗位年限", "invalid_number"),
            at("row 2, column 经营业绩", "invalid_number"),
            at("row 2, column 工业企业评价", "score_range"),
            at("row 4, column 等级", "missing_field"),
            at("row 4, column 岗位年限", "invalid_number"),
        ]
    );
    assert_eq!(e.more(), 0);
}

/// Each assigned person carries their name as the roster gives it (the team page's
/// assignment table shows it beside the id); a person without a name has none in the JSON.
#[test]
fn assignment_rows_carry_the_names() {
    let r = sample_roster().unwrap();
    let a = assign_grades(&Policy::default().check().unwrap(), &r.employees, None).unwrap();
    assert_eq!(a.results.len(), 71);
    for x in &a.results {
        let e = r.employees.iter().find(|e| e.id == x.id).unwrap();
        assert_eq!(x.name, e.name, "{}", x.id);
    }
    let first = &a.results[0];
    assert!(!first.name.is_empty());
    let json = serde_json::to_value(first).unwrap();
    assert_eq!(json["name"], first.name.as_str());
    let mut nameless = first.clone();
    nameless.name.clear();
    assert!(serde_json::to_value(&nameless)
        .unwrap()
        .get("name")
        .is_none());
}

#[test]
fn a_policy_opened_as_a_roster_and_a_roster_as_a_policy_say_so() {
    let policy = serde_json::to_string(&Policy::default()).unwrap();
    let e = parse_roster(policy.as_bytes(), "政策.json", None).unwrap_err();
    assert_eq!(
        (e.code(), words(&e).as_str()),
        (
            "policy_not_roster",
            "this is a policy file, not a roster: load it as a policy"
        )
    );
    assert_eq!(
        paygrade_text::error_line(&e, paygrade_text::Lang::Zh),
        "这是政策文件，不是花名册：请作为政策载入"
    );
    let roster = r#"[{"id":"A1","level":"junior","band":"A","employment":"regular","years_in_post":1,"composite_score":80}]"#;
    let e = Policy::from_json(roster).unwrap_err();
    assert_eq!(
        (e.code(), words(&e).as_str()),
        (
            "roster_not_policy",
            "this is a roster (a list of employees), not a policy: load it as a roster"
        )
    );
    // Other shapes keep their type error.
    let e = Policy::from_json("[1]").unwrap_err();
    assert_eq!(e.code(), "invalid_value");
    let e = parse_roster(br#"{"id":"A1"}"#, "one.json", None).unwrap_err();
    assert_eq!(e.code(), "invalid_value");
}
