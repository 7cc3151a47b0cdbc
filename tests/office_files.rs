//! Issue 15 items 1 and 8: `.xls` and `.ods` rosters written by real writers
//! (`tests/fixtures/office/`: xlwt and odfpy, by `mk_xls.py` / `mk_ods.py`), chosen by
//! content, and forged workbooks whose declared sizes or repeats would decide calamine's
//! allocations — each refused with its exact error before anything is laid out, or read
//! correctly.

use paygrade::{compute_roster, Policy};
use paygrade_roster::{parse_roster, MAX_CELLS, MAX_COLUMNS, MAX_TEXT_BYTES};
use std::io::Write;

fn file(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/office/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// One person's pay: `(id, grade, rating, years in post, total)`.
type Pay = (String, String, String, u32, String);
/// One warning: `(code, row, params)`.
type Warn = (&'static str, Option<usize>, Vec<(String, String)>);

/// Each person's pay and the warnings of one roster file.
fn pay(bytes: &[u8], name: &str, sheet: Option<&str>) -> (Vec<Pay>, Vec<Warn>) {
    let roster = parse_roster(bytes, name, sheet).unwrap();
    let policy = Policy::default().check().unwrap();
    let pay = compute_roster(
        &policy,
        &roster.employees,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 30),
    )
    .unwrap();
    (
        pay.results
            .iter()
            .map(|b| {
                (
                    b.id.clone(),
                    b.grade.clone(),
                    b.rating.clone().unwrap_or_default(),
                    b.years_in_post,
                    b.total.to_string(),
                )
            })
            .collect(),
        roster
            .warnings
            .iter()
            .map(|w| {
                let params = w
                    .params
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.clone()))
                    .collect();
                (w.code, w.row, params)
            })
            .collect(),
    )
}

fn p(
    id: &str,
    grade: &str,
    rating: &str,
    years: u32,
    total: &str,
) -> (String, String, String, u32, String) {
    (id.into(), grade.into(), rating.into(), years, total.into())
}

fn kv(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// The four people of `mk_xls.py` / `mk_ods.py` on 2026-11-30 under the default policy:
/// KM001 senior-A, 20 years from 2006-03-01 (regular: no seniority), 91.35 → excellent,
/// 1500 + 1200 + 1000 × 1.80 × 1.20 = 4860.00; KM003 contract junior-C on 15.5 of
/// 21.75 days; KM004 a trainee under a year.
fn the_four() -> Vec<Pay> {
    vec![
        p("KM001", "senior-A", "excellent", 20, "4860.00"),
        p("KM002", "intermediate-B", "good", 13, "3800.00"),
        p("KM003", "junior-C", "excellent", 5, "2294.71"),
        p("KM004", "trainee", "qualified", 0, "2220.00"),
    ]
}

fn title_and_hidden_warnings() -> Vec<Warn> {
    vec![
        (
            "hidden_sheet_skipped",
            None,
            kv(&[("sheet", "花名册"), ("skipped", "旧花名册")]),
        ),
        ("header_row", Some(2), kv(&[("skipped", "1")])),
    ]
}

#[test]
fn an_xls_written_by_xlwt_pays_exactly() {
    let bytes = file("xlwt_roster.xls");
    let (people, warnings) = pay(&bytes, "xlwt_roster.xls", None);
    assert_eq!(people, the_four());
    assert_eq!(warnings, title_and_hidden_warnings());
    let roster = parse_roster(&bytes, "x.xls", None).unwrap();
    assert_eq!(roster.sheets, ["花名册"]);
    assert_eq!(roster.header_row, 2);
    // The hidden sheet by name.
    let (people, warnings) = pay(&bytes, "x.xls", Some("旧花名册"));
    assert_eq!(
        people,
        [p("KM001", "junior-C", "basically_qualified", 6, "2800.00")]
    );
    assert!(warnings.is_empty());
}

#[test]
fn an_xls_in_the_1904_date_system_keeps_its_dates() {
    // Taken as 1900 dates, 2006-03-01 would be 2010-03-02: 16 years, not 20.
    let (people, warnings) = pay(&file("xlwt_1904.xls"), "xlwt_1904.xls", None);
    assert_eq!(people, the_four().into_iter().take(2).collect::<Vec<_>>());
    assert!(warnings.is_empty());
}

#[test]
fn an_ods_written_by_odfpy_as_libreoffice_shapes_it_pays_exactly() {
    // The trailing styled-empty row repeated to row 1,048,576 and the empty cells
    // repeated to column 1024 lie outside what calamine lays out: no limit is met.
    let bytes = file("odfpy_roster.ods");
    let (people, warnings) = pay(&bytes, "odfpy_roster.ods", None);
    assert_eq!(people, the_four());
    assert_eq!(warnings, title_and_hidden_warnings());
    let (people, _) = pay(&bytes, "x.ods", Some("旧花名册"));
    assert_eq!(
        people,
        [p("KM001", "junior-C", "basically_qualified", 6, "2800.00")]
    );
}

#[test]
fn a_workbook_renamed_csv_is_read_by_its_content() {
    for (name, format) in [("xlwt_roster.xls", "xls"), ("odfpy_roster.ods", "ods")] {
        let (people, warnings) = pay(&file(name), "花名册.csv", None);
        assert_eq!(people, the_four(), "{name}");
        let mut expected = vec![(
            "format_by_content",
            None,
            kv(&[("extension", "csv"), ("format", format)]),
        )];
        expected.extend(title_and_hidden_warnings());
        assert_eq!(warnings, expected, "{name}");
        // No extension at all: the content decides alone.
        let (people, _) = pay(&file(name), "roster", None);
        assert_eq!(people, the_four(), "{name}");
    }
}

#[test]
fn errors_in_office_files_name_row_and_header() {
    let place = |name: &str| {
        let e = parse_roster(&file(name), name, None)
            .and_then(|r| {
                compute_roster(
                    &Policy::default().check().unwrap(),
                    &r.employees,
                    chrono::NaiveDate::from_ymd_opt(2026, 11, 30),
                )
                .map_err(|e| r.locate(e))
            })
            .unwrap_err();
        let c = e.cell.as_ref().unwrap();
        (e.code(), c.row, c.column.clone())
    };
    assert_eq!(
        place("xlwt_bad_band.xls"),
        ("unknown_band", 4, "档次".to_string())
    );
    assert_eq!(
        place("odfpy_bad_date.ods"),
        ("invalid_date", 3, "入岗日期".to_string())
    );
}

// ---------------------------------------------------------------------------------
// Forged XLS: a BIFF8 Workbook stream built here, in a compound file written by `cfb`.
// ---------------------------------------------------------------------------------

fn rec(typ: u16, data: &[u8]) -> Vec<u8> {
    let mut r = typ.to_le_bytes().to_vec();
    r.extend((data.len() as u16).to_le_bytes());
    r.extend(data);
    r
}

fn label(row: u16, col: u16, text: &str) -> Vec<u8> {
    let mut d = Vec::new();
    for v in [row, col, 0, text.len() as u16] {
        d.extend(v.to_le_bytes());
    }
    d.push(0); // compressed (one byte per character)
    d.extend(text.as_bytes());
    rec(0x0204, &d)
}

fn number(row: u16, col: u16, v: f64) -> Vec<u8> {
    let mut d = Vec::new();
    for x in [row, col, 0] {
        d.extend(x.to_le_bytes());
    }
    d.extend(v.to_le_bytes());
    rec(0x0203, &d)
}

/// DIMENSIONS (BIFF8): first row, last row + 1 (u32), first column, last column + 1.
fn dimensions(rows: u32, cols: u16) -> Vec<u8> {
    let mut d = Vec::new();
    d.extend(0u32.to_le_bytes());
    d.extend(rows.to_le_bytes());
    d.extend(0u16.to_le_bytes());
    d.extend(cols.to_le_bytes());
    d.extend(0u16.to_le_bytes());
    rec(0x0200, &d)
}

fn bof(kind: u16) -> Vec<u8> {
    let mut d = vec![0x00, 0x06];
    d.extend(kind.to_le_bytes());
    d.extend([0u8; 12]);
    rec(0x0809, &d)
}

/// A one-sheet `.xls`: the header `id level band employment years_in_post
/// composite_score`, `people` rows of junior C regular 4 years 85, then `extra`.
fn xls(people: u16, dims: Option<(u32, u16)>, extra: &[Vec<u8>]) -> Vec<u8> {
    let name = "roster";
    let sheet_entry = |pos: u32| {
        let mut d = pos.to_le_bytes().to_vec();
        d.extend([0, 0, name.len() as u8, 0]);
        d.extend(name.as_bytes());
        rec(0x0085, &d)
    };
    let globals_len = [
        bof(0x0005),
        rec(0x0042, &1200u16.to_le_bytes()),
        sheet_entry(0),
        rec(0x000A, &[]),
    ]
    .iter()
    .map(Vec::len)
    .sum::<usize>();
    let mut stream = Vec::new();
    for r in [
        bof(0x0005),
        rec(0x0042, &1200u16.to_le_bytes()),
        sheet_entry(globals_len as u32),
        rec(0x000A, &[]),
    ] {
        stream.extend(r);
    }
    stream.extend(bof(0x0010));
    if let Some((rows, cols)) = dims {
        stream.extend(dimensions(rows, cols));
    }
    for (c, h) in [
        "id",
        "level",
        "band",
        "employment",
        "years_in_post",
        "composite_score",
    ]
    .iter()
    .enumerate()
    {
        stream.extend(label(0, c as u16, h));
    }
    for r in 1..=people {
        stream.extend(label(r, 0, &format!("E{r:03}")));
        stream.extend(label(r, 1, "junior"));
        stream.extend(label(r, 2, "C"));
        stream.extend(label(r, 3, "regular"));
        stream.extend(number(r, 4, 4.0));
        stream.extend(number(r, 5, 85.0));
    }
    for r in extra {
        stream.extend(r);
    }
    stream.extend(rec(0x000A, &[]));
    let mut book =
        cfb::CompoundFile::create_with_version(cfb::Version::V3, std::io::Cursor::new(Vec::new()))
            .unwrap();
    book.create_stream("/Workbook")
        .unwrap()
        .write_all(&stream)
        .unwrap();
    book.flush().unwrap();
    book.into_inner().into_inner()
}

fn too_large(bytes: &[u8], name: &str) -> (String, String, String) {
    let e = parse_roster(bytes, name, None).unwrap_err();
    let params = e.kind.params();
    let get = |k: &str| {
        params
            .iter()
            .find(|(p, _)| *p == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    assert_eq!(e.code(), "too_large", "{e}");
    (get("what"), get("size"), get("limit"))
}

#[test]
fn an_xls_declared_size_decides_nothing() {
    // The plain file first: one junior-C regular, 85 → good: 3000.00.
    let plain = xls(1, None, &[]);
    let (people, _) = pay(&plain, "plain.xls", None);
    assert_eq!(people, [p("E001", "junior-C", "good", 4, "3000.00")]);
    // DIMENSIONS declaring 65,536 × 256 (16.7 million cells, which calamine reserves)
    // and 4,294,967,295 × 256 (a reservation no machine has): the declaration is not
    // trusted, the file reads as its cells say.
    for (rows, cols) in [(65_536, 256), (u32::MAX, 256), (u32::MAX, u16::MAX)] {
        let forged = xls(1, Some((rows, cols)), &[]);
        assert!(forged.len() < 8_192);
        let (people, warnings) = pay(&forged, "forged.xls", None);
        assert_eq!(
            people,
            [p("E001", "junior-C", "good", 4, "3000.00")],
            "{rows}×{cols}"
        );
        assert!(warnings.is_empty());
    }
}

#[test]
fn an_xls_cell_far_out_is_refused_before_calamine_lays_it_out() {
    // A cell at column 60,000: beyond the 256 columns Paygrade (and Excel 97–2003) has.
    let far_right = xls(1, None, &[label(1, 60_000, "x")]);
    assert_eq!(
        too_large(&far_right, "f.xls"),
        ("columns".into(), "60001".into(), MAX_COLUMNS.to_string())
    );
    // A space at row 65,001, column 256: calamine would lay out 65,001 × 256 cells.
    let far_down = xls(1, None, &[label(65_000, 255, " ")]);
    assert_eq!(
        too_large(&far_down, "f.xls"),
        (
            "cells".into(),
            (65_001 * 256).to_string(),
            MAX_CELLS.to_string()
        )
    );
}

#[test]
fn an_xls_with_a_stray_space_far_right_imports() {
    // 100 people and one space in the sheet's last column: 101 × 256 cells, well inside.
    let bytes = xls(100, Some((101, 256)), &[label(7, 255, " ")]);
    let (people, warnings) = pay(&bytes, "stray.xls", None);
    assert_eq!(people.len(), 100);
    assert!(people
        .iter()
        .all(|(_, g, r, y, t)| (g.as_str(), r.as_str(), *y, t.as_str())
            == ("junior-C", "good", 4, "3000.00")));
    assert!(warnings.is_empty());
}

#[test]
fn an_xls_record_calamine_would_index_past_is_refused() {
    // A formula record of 20 bytes (calamine reads its token count at byte 20).
    let mut f = Vec::new();
    for x in [1u16, 6, 0] {
        f.extend(x.to_le_bytes());
    }
    f.extend(1.0f64.to_le_bytes());
    f.extend([0u8; 6]);
    let e = parse_roster(&xls(1, None, &[rec(0x0006, &f)]), "f.xls", None).unwrap_err();
    assert_eq!(e.kind.detail_code(), "unreadable_workbook");
    assert_eq!(
        e.kind.params().first(),
        Some(&("format", "xls".to_string()))
    );
    // A MULRK whose last column is before its first.
    let mut m = Vec::new();
    for x in [1u16, 9] {
        m.extend(x.to_le_bytes());
    }
    m.extend([0u8; 6]);
    m.extend(3u16.to_le_bytes());
    let e = parse_roster(&xls(1, None, &[rec(0x00BD, &m)]), "m.xls", None).unwrap_err();
    assert_eq!(e.kind.detail_code(), "unreadable_workbook");
    // Both languages say the same, without the reader library's own (English) words.
    assert_eq!(
        paygrade_text::error_message(&e.kind, paygrade_text::Lang::En),
        "not a readable Excel 97–2003 (XLS) file (it may be damaged, or not a workbook)"
    );
    assert_eq!(
        paygrade_text::error_message(&e.kind, paygrade_text::Lang::Zh),
        "不是可读取的 Excel 97–2003（XLS）文件（可能已损坏，或并非工作簿）"
    );
}

// ---------------------------------------------------------------------------------
// Forged ODS: content.xml built here.
// ---------------------------------------------------------------------------------

fn ods(table_body: &str) -> Vec<u8> {
    ods_content(&format!(
        r#"{OPEN}{HEADER}{ROW}{table_body}</table:table></office:spreadsheet></office:body></office:document-content>"#
    ))
}

const OPEN: &str = r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="roster">"#;

fn ods_content(content: &str) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("META-INF/manifest.xml", stored).unwrap();
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#).unwrap();
    zip.start_file("content.xml", stored).unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

const HEADER: &str = r#"<table:table-row><table:table-cell office:value-type="string"><text:p>id</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>level</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>band</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>employment</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>years_in_post</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>composite_score</text:p></table:table-cell></table:table-row>"#;
const ROW: &str = r#"<table:table-row><table:table-cell office:value-type="string"><text:p>E001</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>junior</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>C</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>regular</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="4"/><table:table-cell office:value-type="float" office:value="85"/></table:table-row>"#;

#[test]
fn an_ods_repeat_that_explodes_is_refused_before_calamine_lays_it_out() {
    // A plain two-row file first: junior-C regular, 4 years, 85 → 3000.00.
    let (people, _) = pay(&ods(""), "plain.ods", None);
    assert_eq!(people, [p("E001", "junior-C", "good", 4, "3000.00")]);
    // A non-empty cell repeated 16,384 columns in a row repeated 6,000 times: 98.3
    // million cells (3 GB), just under calamine's own cap of 100 million.
    let wide = r#"<table:table-row table:number-rows-repeated="6000"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="16384"/></table:table-row>"#;
    let bytes = ods(wide);
    assert!(bytes.len() < 4_096);
    assert_eq!(
        too_large(&bytes, "wide.ods"),
        (
            "cells".into(),
            (2 * 16_384 + 6_000 * 16_384).to_string(),
            MAX_CELLS.to_string()
        )
    );
    // Repeated to the sheet's last row: over 100 million cells (calamine's 1,048,576
    // row cap counted as calamine counts it: the two rows above take two).
    let tall = r#"<table:table-row table:number-rows-repeated="1048576"><table:table-cell office:value-type="string" office:string-value="x" table:number-columns-repeated="16384"/></table:table-row>"#;
    assert_eq!(
        too_large(&ods(tall), "tall.ods"),
        (
            "cells".into(),
            (1_048_576u64 * 16_384).to_string(),
            MAX_CELLS.to_string()
        )
    );
    // One text:s of a billion spaces.
    let spaces = r#"<table:table-row><table:table-cell office:value-type="string"><text:p><text:s text:c="1000000000"/></text:p></table:table-cell></table:table-row>"#;
    assert_eq!(
        too_large(&ods(spaces), "s.ods"),
        (
            "text_bytes".into(),
            "1000000000".into(),
            MAX_TEXT_BYTES.to_string()
        )
    );
}

#[test]
fn an_ods_with_libreoffice_trailing_rows_and_a_stray_space_imports() {
    // LibreOffice's trailing styled-empty row, and a space far to the right.
    let body = r#"<table:table-row><table:table-cell table:number-columns-repeated="9000"/><table:table-cell office:value-type="string"><text:p> </text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="1048573"><table:table-cell table:style-name="ce1" table:number-columns-repeated="1024"/></table:table-row>"#;
    let (people, warnings) = pay(&ods(body), "lo.ods", None);
    assert_eq!(people, [p("E001", "junior-C", "good", 4, "3000.00")]);
    assert!(warnings.is_empty());
}

#[test]
fn an_ods_table_never_closed_is_refused() {
    // calamine would read events past the end of the XML for ever.
    let bytes = ods_content(&format!("{OPEN}{HEADER}{ROW}"));
    let e = parse_roster(&bytes, "open.ods", None).unwrap_err();
    assert_eq!(e.kind.detail_code(), "unreadable_workbook");
    assert_eq!(
        e.kind.params().first(),
        Some(&("format", "ods".to_string()))
    );
}

#[test]
fn a_format_can_be_forced() {
    // The per-reader fuzz targets' entry: no detection, no format_by_content warning.
    use paygrade_roster::{parse_roster_as, FileFormat};
    let roster = parse_roster_as(&file("xlwt_roster.xls"), FileFormat::Xls, None).unwrap();
    assert_eq!(roster.employees.len(), 4);
    assert_eq!(roster.warnings[0].code, "hidden_sheet_skipped");
    let e = parse_roster_as(&file("xlwt_roster.xls"), FileFormat::Ods, None).unwrap_err();
    assert_eq!(e.kind.detail_code(), "unreadable_workbook");
    assert_eq!(
        e.kind.params().first(),
        Some(&("format", "ods".to_string()))
    );
}

#[test]
fn forged_fixture_files_get_a_correct_result_or_an_exact_error() {
    // xlwt's file with both DIMENSIONS declaring 4,294,967,295 × 256 cells: read as its
    // cells say (calamine alone would ask for 44 TB and abort).
    let (people, warnings) = pay(&file("xlwt_forged_dimensions.xls"), "f.xls", None);
    assert_eq!(people, the_four());
    assert_eq!(warnings, title_and_hidden_warnings());
    // 1 + 6,000 rows × 16,384 columns of a repeated number in an 844-byte file.
    assert_eq!(
        too_large(&file("forged_repeat.ods"), "f.ods"),
        (
            "cells".into(),
            (6_001 * 16_384).to_string(),
            MAX_CELLS.to_string()
        )
    );
}

/// Inputs the `roster_xlsx` fuzz target found panicking inside calamine (arithmetic
/// overflow in a checked build), kept as they were found: each now gets an exact error.
#[test]
fn xlsx_inputs_the_fuzzer_found_get_an_exact_error() {
    use paygrade_roster::{parse_roster_as, FileFormat};
    // A `<dimension ref>` whose end comes before its start (calamine subtracts the corners).
    let bytes = file("fuzz_reversed_dimension.xlsx");
    let e = parse_roster_as(&bytes, FileFormat::Xlsx, None).unwrap_err();
    assert_eq!(
        paygrade_text::error_line(&e, paygrade_text::Lang::En),
        "the workbook places a cell at \"M1:G2\", beyond any sheet (at most XFD1048576): a damaged or forged file"
    );
    assert_eq!(e.kind.params(), vec![("reference", "M1:G2".to_string())]);
}

/// A workbook whose first visible sheet is instructions (填表说明, no roster header) and
/// whose roster is the second: the roster sheet is read, the warning names both, and the
/// sheet read is the one the page's selector shows. Asked for by name, the instructions
/// sheet is refused with the name of the sheet that holds the roster.
#[test]
fn an_instructions_sheet_before_the_roster_is_skipped_with_a_warning() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let notes = book.add_worksheet().set_name("填表说明").unwrap();
    notes.write_string(0, 0, "填表说明").unwrap();
    notes
        .write_string(1, 0, "1. 工号、等级、用工性质为必填项；分数按 0–100 填写。")
        .unwrap();
    let roster = book.add_worksheet().set_name("花名册").unwrap();
    let rows = [
        [
            "工号",
            "姓名",
            "等级",
            "档次",
            "用工性质",
            "岗位年限",
            "综合得分",
        ],
        ["KM002", "李四", "中级", "B", "聘用", "13", "88"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            roster.write_string(r as u32, c as u16, *cell).unwrap();
        }
    }
    let bytes = book.save_to_buffer().unwrap();
    let (people, warnings) = pay(&bytes, "team.xlsx", None);
    // 1500 + 800 + 13 × 6.00 + 1000 × 1.40 × 1.00 (88: good) = 3778.00.
    assert_eq!(
        people,
        [p("KM002", "intermediate-B", "good", 13, "3778.00")]
    );
    assert_eq!(
        warnings,
        [(
            "sheet_without_header_skipped",
            None,
            kv(&[("sheet", "花名册"), ("skipped", "填表说明")])
        )]
    );
    let r = parse_roster(&bytes, "team.xlsx", None).unwrap();
    assert_eq!(
        (r.sheets.as_slice(), r.sheet.as_deref()),
        (
            &["填表说明".to_string(), "花名册".to_string()][..],
            Some("花名册")
        )
    );
    // The instructions sheet chosen by name: the error says where the roster is.
    let e = parse_roster(&bytes, "team.xlsx", Some("填表说明")).unwrap_err();
    assert_eq!(
        e.kind.params(),
        vec![
            ("sheet", "填表说明".to_string()),
            ("other", "花名册".to_string())
        ]
    );
    assert_eq!(
        paygrade_text::error_line(&e, paygrade_text::Lang::Zh),
        "工作表 “填表说明” 没有花名册表头（工号、等级、用工性质）：花名册在工作表 “花名册”"
    );
}
