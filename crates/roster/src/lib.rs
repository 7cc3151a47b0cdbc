//! Roster import (SPEC §8): CSV as Chinese offices save it, XLSX, or a JSON array.
//!
//! CSV bytes are decoded by BOM, then strict UTF-8, then GB18030 (what Chinese Excel
//! writes by default, via `encoding_rs`). XLSX is read with
//! `calamine` (first sheet, or a named one). Headers may be English (the JSON field
//! names) or Chinese (工号, 姓名, 等级 …), in any order; an unknown column is a warning.
//! Every cell is read exactly like the JSON fields; a bad cell is an error naming the row
//! and the column (`row 14, column 档次`). Rows are numbered as in a spreadsheet: the
//! header is row 1.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]
#![warn(missing_docs)]

pub mod export;
mod guard;
mod rows;
pub mod sample;

pub use rows::RosterRows;

use chrono::NaiveDate;
use paygrade::employee::Employee;
use paygrade::error::{Error, ErrorKind, Result};
use paygrade::json::{self, FromJson};
use paygrade::number::{to_half_width, trim_space};
pub use paygrade::Warning;
use serde_json::{Map, Value};

/// Largest roster file accepted: 64 MiB (checked before any parsing).
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
/// Most data rows accepted.
pub const MAX_ROWS: usize = 200_000;
/// Most columns accepted.
pub const MAX_COLUMNS: usize = 256;
/// Longest cell accepted, in bytes.
pub const MAX_CELL_BYTES: usize = 4096;
/// Most bytes an XLSX file may unpack to (its declared sizes, checked before reading a
/// sheet: a zip bomb is refused before it is inflated).
pub const MAX_XLSX_UNPACKED: u64 = 256 * 1024 * 1024;
/// Most cells a workbook may lay out: its non-empty cells as read, and — for `.xls` and
/// `.ods`, whose reader lays every sheet out densely when the file is opened — the
/// cells of the sheets' bounding boxes with every repeat expanded, summed over all
/// sheets (room for [`MAX_ROWS`] rows of 32 cells). Counted from the content before
/// anything is allocated, never from a declared size.
pub const MAX_CELLS: usize = (MAX_ROWS + 10) * 32;
/// Most bytes of cell text a workbook may lay out (every copy of a repeated or shared
/// string counted, all sheets): 64 MiB.
pub const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;

/// Where an employee came from, to turn field paths into `row N, column X`.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Source {
    /// Spreadsheet row of this person (header = 1); 0 for JSON input.
    pub row: usize,
}

/// An imported roster: the people, where each came from, and the warnings.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Roster {
    /// The employees, in file order.
    pub employees: Vec<Employee>,
    /// One source per employee (same order).
    pub sources: Vec<Source>,
    /// Field path (`scores.business`) → column header as given (`经营业绩`), once per file.
    pub columns: Vec<(String, String)>,
    /// Recoverable problems.
    pub warnings: Vec<Warning>,
    /// A workbook's visible worksheets, in order, to choose from (empty for CSV/JSON).
    pub sheets: Vec<String>,
    /// The worksheet read, for a workbook.
    pub sheet: Option<String>,
    /// The row the header was found in (1 unless title rows stand above it; 0 for JSON).
    pub header_row: usize,
}

impl Roster {
    /// Give an error about roster person `employees[i]` its file place (`cell`: the
    /// person's row and the column header as given; JSON rosters keep the field path).
    /// Other errors, and those listed in [`Error::also`], are placed the same way.
    pub fn locate(&self, err: Error) -> Error {
        err.map_all(&|e| self.locate_one(e))
    }

    fn locate_one(&self, err: Error) -> Error {
        let Some(index) = err.employee else {
            return err;
        };
        let Some(source) = self.sources.get(index).filter(|s| s.row > 0) else {
            return err;
        };
        place(err, index, source.row, &self.columns)
    }
}

/// Give an error about person `index` (its path `employees[index]…`, or that within an
/// outer part such as `proposal.employees[index]…`) its file place: the person's
/// spreadsheet `row` and the header, as given, of the column its field came from
/// (`columns`: field path → header).
pub fn place(mut err: Error, index: usize, row: usize, columns: &[(String, String)]) -> Error {
    let prefix = format!("employees[{index}]");
    let field = err
        .path
        .find(&prefix)
        .and_then(|at| err.path.get(at + prefix.len()..))
        .unwrap_or_default()
        .trim_start_matches('.');
    let column = columns
        .iter()
        .find(|(f, _)| f == field)
        .map(|(_, header)| header.clone())
        .unwrap_or_default();
    err.cell = Some(Box::new(paygrade::error::Cell { row, column }));
    err
}

/// Read a roster file row by row and hand the reader to `read` (for the command line's
/// stream: each person paid and written as read, whatever the roster's length). The
/// format comes from the content as for [`parse_roster`]; the reader gives every person
/// with their id as in the file (see [`normalise_id`]). `max_rows`: the most rows read
/// (`None`: no limit).
///
/// # Errors
/// `Ok(None)` for a JSON roster (read it whole with [`parse_roster`]); the errors of
/// [`parse_roster`] that concern the file as a whole; those of `read`.
pub fn stream_roster<T>(
    bytes: &[u8],
    file_name: &str,
    sheet: Option<&str>,
    max_rows: Option<usize>,
    read: impl FnOnce(&mut RosterRows<'_>) -> Result<T>,
) -> Result<Option<T>> {
    let ext = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match sniff_format(bytes, file_name)? {
        FileFormat::Json => Ok(None),
        FileFormat::Text => {
            let text = decode_text(bytes)?;
            let rows = rows::TextRows::new(&text, &ext, max_rows)?;
            let mut reader = RosterRows::start(Box::new(rows), rows::Frame::default(), max_rows)?;
            read(&mut reader).map(Some)
        }
        format => {
            let mut table = workbook_table(bytes, format, sheet)?;
            let frame = rows::Frame::of(&mut table);
            let rows = rows::TableRows::new(std::mem::take(&mut table.rows));
            let mut reader = RosterRows::start(Box::new(rows), frame, max_rows)?;
            read(&mut reader).map(Some)
        }
    }
}

/// The JSON field path for a column header (SPEC §8), English or Chinese; scorecard
/// columns `<indicator>_target` / `<indicator>_actual` and `<名称>目标` / `<名称>完成`
/// become `kpis.<indicator>.target|actual`.
pub fn field_for_header(header: &str) -> Option<String> {
    let h = to_half_width(header);
    let h = h.trim().trim_start_matches('\u{feff}').trim();
    if let Some(f) = fixed_field(h).or_else(|| fixed_field(&loosened(h))) {
        return Some(f.to_string());
    }
    let kpi = |name: &str, part: &str| {
        (!name.trim().is_empty()).then(|| format!("kpis.{}.{part}", name.trim()))
    };
    if let Some(name) = h.strip_suffix("_target").or_else(|| h.strip_suffix("目标")) {
        return kpi(name, "target");
    }
    if let Some(name) = h.strip_suffix("_actual").or_else(|| h.strip_suffix("完成")) {
        return kpi(name, "actual");
    }
    None
}

/// A header as offices also write it, brought to its plain name: spaces and line breaks
/// inside taken out (`姓 名`, `经营⏎业绩` typed with Alt+Enter) and a unit in brackets at
/// the end dropped (`岗位年限（年）`, `营销部审核评价(分)`; full-width brackets are
/// half-width by now). An export's result column (`基本岗位工资（方案）`) is not loosened.
fn loosened(h: &str) -> String {
    if crate::export::is_result_header(h) {
        return h.to_string();
    }
    let joined: String = h.chars().filter(|c| !c.is_whitespace()).collect();
    match joined
        .strip_suffix(')')
        .and_then(|rest| rest.rfind('(').map(|i| (rest, i)))
    {
        Some((rest, i)) if i > 0 => rest.get(..i).unwrap_or(rest).to_string(),
        _ => joined,
    }
}

fn fixed_field(h: &str) -> Option<&'static str> {
    let lower = h.to_ascii_lowercase();
    Some(match lower.as_str() {
        "id" | "工号" | "员工编号" | "编号" => "id",
        "name" | "姓名" => "name",
        "level" | "等级" => "level",
        "band" | "档次" => "band",
        "employment" | "用工性质" => "employment",
        "years_in_post" | "岗位年限" => "years_in_post",
        "post_start" | "入岗日期" => "post_start",
        "rural" | "农村" | "农村客户经理" => "rural",
        "business" | "经营业绩" => "scores.business",
        "customer_satisfaction" | "客户满意度" => "scores.customer_satisfaction",
        "supplier" | "工业企业评价" => "scores.supplier",
        "self" | "自我评价" => "scores.self",
        "marketing_audit" | "营销部审核评价" => "scores.marketing_audit",
        "composite_score" | "综合得分" => "composite_score",
        "paid_days" | "计薪天数" => "paid_days",
        "exam" | "考试成绩" => "grading.exam",
        "review" | "综合评议" => "grading.review",
        "education" | "学历" => "education",
        "years_of_work" | "工作年限" => "years_of_work",
        _ => return None,
    })
}

/// A cell as read from a file.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing in it (or only spaces).
    Empty,
    /// Text as typed.
    Text(String),
    /// A spreadsheet number, as decimal text at Excel's 15 significant digits.
    Number(String),
    /// A spreadsheet date (a time part is dropped).
    Date(NaiveDate),
    /// A spreadsheet error value (`#N/A`, `#DIV/0!` …).
    Error(String),
}

/// The rows of one table as read from a file: each with its spreadsheet row number
/// (1-based, counting blank lines and empty rows), trailing empty cells removed, empty
/// rows left out.
#[derive(Debug, Default)]
struct Table {
    rows: Vec<(usize, Vec<Cell>)>,
    /// The workbook counts dates from 1904 (a plain number in a date column is read so).
    date1904: bool,
    sheets: Vec<String>,
    sheet: Option<String>,
    warnings: Vec<Warning>,
}

/// `too_large`: `what` measured `size` against `limit`.
fn too_large(what: &'static str, size: usize, limit: usize) -> Error {
    Error::new(
        ErrorKind::TooLarge {
            what,
            size: size as u64,
            limit: limit as u64,
        },
        "",
    )
}

/// `too_large` for a cell of `size` bytes in `row`.
fn cell_too_large(size: usize, row: usize) -> Error {
    let mut e = too_large("cell_bytes", size, MAX_CELL_BYTES);
    e.cell = Some(Box::new(paygrade::error::Cell {
        row,
        column: String::new(),
    }));
    e
}

/// A file that cannot be read as a roster: the reason's code and the values it names.
fn file_error(code: &'static str, params: &[(&'static str, String)]) -> Error {
    Error::new(
        ErrorKind::File {
            code,
            params: params.to_vec(),
        },
        "",
    )
}

/// Decode CSV bytes: UTF-8 BOM, UTF-16 with its BOM (Excel's "Unicode text"), strict
/// UTF-8, else GB18030 (GBK).
///
/// # Errors
/// `invalid_value` when the bytes are neither UTF-8, UTF-16 with a BOM nor GB18030.
pub fn decode_text(bytes: &[u8]) -> Result<std::borrow::Cow<'_, str>> {
    use std::borrow::Cow;
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return std::str::from_utf8(rest)
            .map(Cow::Borrowed)
            .map_err(|e| file_error("bad_utf8", &[("offset", e.valid_up_to().to_string())]));
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let encoding = if bytes.starts_with(b"\xFF\xFE") {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        let (text, had_errors) = encoding.decode_with_bom_removal(bytes);
        if had_errors {
            return Err(file_error("bad_utf16", &[]));
        }
        return Ok(Cow::Owned(text.into_owned()));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Cow::Borrowed(text));
    }
    let (text, _, had_errors) = encoding_rs::GB18030.decode(bytes);
    if !had_errors {
        return Ok(Cow::Owned(text.into_owned()));
    }
    Err(file_error("not_text", &[]))
}

/// A roster file's format, as its content shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    /// Delimited text: CSV (commas), TSV or Excel's "Unicode text" (tabs).
    Text,
    /// Office Open XML workbook (`.xlsx`, `.xlsm`); a binary `.xlsb` is recognised and
    /// refused (`xlsb`).
    Xlsx,
    /// Excel 97–2003 workbook (`.xls`, a compound file).
    Xls,
    /// OpenDocument spreadsheet (`.ods`).
    Ods,
    /// A JSON array of employees.
    Json,
}

/// The format of a roster file by its first bytes (zip, compound file, UTF-16 BOM, JSON
/// bracket, text); the extension only decides between text and JSON when the content
/// cannot.
///
/// # Errors
/// `invalid_value` naming the accepted formats for a binary file of another kind.
pub fn sniff_format(bytes: &[u8], file_name: &str) -> Result<FileFormat> {
    let ext = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        // ODS stores its mimetype first, uncompressed (OpenDocument 1.2 part 3 §3.3).
        let ods = bytes.get(30..).is_some_and(|b| {
            b.starts_with(b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet")
        });
        return Ok(if ods || ext == "ods" {
            FileFormat::Ods
        } else {
            FileFormat::Xlsx
        });
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Ok(FileFormat::Xls);
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Ok(FileFormat::Text);
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first = body.iter().find(|b| !b.is_ascii_whitespace());
    if ext == "json" || matches!(first, Some(b'[' | b'{')) {
        return Ok(FileFormat::Json);
    }
    // Binary content (NUL bytes in the first KiB) of a kind not read here.
    if body.iter().take(1024).any(|&b| b == 0) {
        return Err(file_error("not_roster", &[("file", file_name.to_string())]));
    }
    if !matches!(
        ext.as_str(),
        "csv" | "tsv" | "txt" | "xlsx" | "xlsm" | "xls" | "ods" | ""
    ) {
        return Err(file_error(
            "unknown_type",
            &[("file", file_name.to_string())],
        ));
    }
    Ok(FileFormat::Text)
}

/// Read a roster from file bytes; the format comes from the content (see
/// [`sniff_format`]). `sheet` names a workbook sheet (default: the first visible one).
///
/// # Errors
/// `too_large` beyond [`MAX_FILE_BYTES`], [`MAX_ROWS`], [`MAX_COLUMNS`] or
/// [`MAX_CELL_BYTES`]; `invalid_value` for an unknown format, an undecodable file, a
/// duplicate or missing required column, or a spreadsheet error cell in a used column;
/// any field error, at `row N, column X`; `duplicate_id` for a repeated 工号.
pub fn parse_roster(bytes: &[u8], file_name: &str, sheet: Option<&str>) -> Result<Roster> {
    parse_roster_observed(bytes, file_name, sheet, &mut |_, _| {})
}

/// [`parse_roster`], calling `progress(done, total)` every
/// [`paygrade::payroll::PROGRESS_STEP`] rows as the rows become employees (`total` is the
/// file's row count), for a progress bar on a big file.
///
/// # Errors
/// As [`parse_roster`].
pub fn parse_roster_observed(
    bytes: &[u8],
    file_name: &str,
    sheet: Option<&str>,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Roster> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(too_large("file_bytes", bytes.len(), MAX_FILE_BYTES));
    }
    let ext = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let format = sniff_format(bytes, file_name)?;
    let mut roster = read_as(bytes, format, &ext, sheet, progress)?;
    let named = match ext.as_str() {
        "csv" | "tsv" | "txt" => Some(FileFormat::Text),
        "xlsx" | "xlsm" | "xlsb" => Some(FileFormat::Xlsx),
        "xls" => Some(FileFormat::Xls),
        "ods" => Some(FileFormat::Ods),
        _ => None,
    };
    if named.is_some_and(|n| n != format) {
        roster.warnings.insert(
            0,
            Warning::new(
                "format_by_content",
                None,
                None,
                &[
                    ("extension", ext.clone()),
                    ("format", format!("{format:?}").to_lowercase()),
                ],
            ),
        );
    }
    normalise_ids(&mut roster);
    check_ids(&roster)?;
    Ok(roster)
}

/// [`parse_roster`] with the format given rather than found from the content (no
/// `format_by_content` warning): for a caller that knows it, and for the per-reader fuzz
/// targets, which feed arbitrary bytes straight to one reader. Text is split on tabs or
/// commas, whichever the first lines use more.
///
/// # Errors
/// As [`parse_roster`]; bytes that are not of `format` fail as that reader fails
/// (`unreadable_workbook`, `not_text` …).
pub fn parse_roster_as(bytes: &[u8], format: FileFormat, sheet: Option<&str>) -> Result<Roster> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(too_large("file_bytes", bytes.len(), MAX_FILE_BYTES));
    }
    let mut roster = read_as(bytes, format, "", sheet, &mut |_, _| {})?;
    normalise_ids(&mut roster);
    check_ids(&roster)?;
    Ok(roster)
}

/// The reader of `format` on `bytes` (`ext`: the file name's extension, lower case).
fn read_as(
    bytes: &[u8],
    format: FileFormat,
    ext: &str,
    sheet: Option<&str>,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Roster> {
    match format {
        FileFormat::Text => {
            let text = decode_text(bytes)?;
            let rows = rows::TextRows::new(&text, ext, Some(MAX_ROWS))?;
            from_rows(Box::new(rows), rows::Frame::default(), progress)
        }
        FileFormat::Json => from_json_array(&decode_text(bytes)?),
        format => {
            let mut table = workbook_table(bytes, format, sheet)?;
            let frame = rows::Frame::of(&mut table);
            from_rows(
                Box::new(rows::TableRows::new(std::mem::take(&mut table.rows))),
                frame,
                progress,
            )
        }
    }
}

/// The separator of delimited text: a tab for `.tsv`, else whichever of tab, comma and
/// semicolon the first lines use most (a comma on a tie). Excel saves "CSV" with
/// semicolons where the system's list separator is one (a European locale setting).
fn separator(text: &str, ext: &str) -> u8 {
    if ext == "tsv" {
        return b'\t';
    }
    let head: String = text.lines().take(10).collect();
    let count = |c: char| head.matches(c).count();
    let (commas, tabs, semicolons) = (count(','), count('\t'), count(';'));
    if tabs > commas && tabs >= semicolons {
        b'\t'
    } else if semicolons > commas && semicolons > tabs {
        b';'
    } else {
        b','
    }
}

/// The blank lines a CSV reader skipped before a record whose reported start is `start`
/// (the previous record's end, with or without its line terminator; `\r\n` is one break).
fn blank_lines_at(text: &[u8], start: usize) -> usize {
    // A byte order mark the reader skipped is where the first record starts.
    let bom = b"\xEF\xBB\xBF";
    let start = if start == 0 && text.starts_with(bom) {
        bom.len()
    } else {
        start
    };
    let run: &[u8] = text.get(start..).unwrap_or_default();
    let len = run
        .iter()
        .take_while(|b| matches!(b, b'\r' | b'\n'))
        .count();
    let run = run.get(..len).unwrap_or_default();
    let mut breaks = 0usize;
    let mut i = 0usize;
    while i < run.len() {
        let crlf = run.get(i) == Some(&b'\r') && run.get(i + 1) == Some(&b'\n');
        i += if crlf { 2 } else { 1 };
        breaks += 1;
    }
    // Unless the previous record's terminator was consumed with it (a `\n`, or a `\r`
    // that a `\n` does not follow), the first break (or the `\n` after its `\r`) is
    // that terminator. The start of the text (after a byte order mark) has no record
    // before it.
    let first = text.get(..start).is_some_and(|b| b.is_empty() || b == bom);
    let prev = start.checked_sub(1).and_then(|p| text.get(p));
    let consumed = match prev {
        _ if first => true,
        None | Some(b'\n') => true,
        Some(b'\r') => run.first() != Some(&b'\n'),
        Some(_) => false,
    };
    if consumed {
        breaks
    } else {
        breaks.saturating_sub(1)
    }
}

/// A workbook cell as a [`Cell`] (the `import` readers share this).
fn workbook_cell(value: &calamine::Data, row: usize) -> Result<Cell> {
    use calamine::Data;
    Ok(match value {
        Data::Empty => Cell::Empty,
        Data::String(s) if s.len() > MAX_CELL_BYTES => {
            return Err(cell_too_large(s.len(), row));
        }
        Data::String(s) if s.trim().is_empty() => Cell::Empty,
        Data::String(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::DateTimeIso(s) => match parse_roster_date(s) {
            Some(d) => Cell::Date(d),
            None => Cell::Text(s.clone()),
        },
        Data::Int(i) => Cell::Number(i.to_string()),
        Data::Float(f) => Cell::Number(xlsx_number_text(*f)),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            match NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d)) {
                Some(date) if dt.as_f64() >= 1.0 || dt.as_f64() == 0.0 => Cell::Date(date),
                _ => Cell::Text(xlsx_number_text(dt.as_f64())),
            }
        }
        Data::DateTime(dt) => Cell::Number(xlsx_number_text(dt.as_f64())),
        Data::Error(e) => Cell::Error(e.to_string()),
    })
}

/// The workbook's sheet to read: `sheet`, or the first visible one — unless that one has
/// no roster header (a sheet of instructions, 填表说明, before the roster), when the
/// first visible sheet that has one is read instead and a warning names both.
///
/// # Errors
/// Those of [`workbook_rows`].
fn workbook_table(bytes: &[u8], format: FileFormat, sheet: Option<&str>) -> Result<Table> {
    let table = workbook_rows(bytes, format, sheet)?;
    if rows::has_header(&table.rows) {
        return Ok(table);
    }
    if let Some(chosen) = sheet {
        // A sheet chosen by name that holds no roster (填表说明): say where the roster
        // is, when another sheet has one, rather than which column is missing.
        let other = table
            .sheets
            .iter()
            .filter(|s| s.as_str() != chosen)
            .find(|s| {
                workbook_rows(bytes, format, Some(s)).is_ok_and(|t| rows::has_header(&t.rows))
            });
        return match other {
            Some(other) => Err(file_error(
                "sheet_without_header",
                &[("sheet", chosen.to_string()), ("other", other.clone())],
            )),
            None => Ok(table),
        };
    }
    let first = table.sheet.clone().unwrap_or_default();
    for other in table.sheets.iter().skip(1) {
        let mut next = workbook_rows(bytes, format, Some(other))?;
        if rows::has_header(&next.rows) {
            next.warnings.push(Warning::new(
                "sheet_without_header_skipped",
                None,
                None,
                &[("sheet", other.clone()), ("skipped", first)],
            ));
            return Ok(next);
        }
    }
    Ok(table)
}

fn workbook_rows(bytes: &[u8], format: FileFormat, sheet: Option<&str>) -> Result<Table> {
    use calamine::{
        open_workbook_from_rs, Ods, Reader, SheetType, SheetVisible, Sheets, Xls, Xlsx,
    };
    let what = match format {
        FileFormat::Xls => "xls",
        FileFormat::Ods => "ods",
        _ => "xlsx",
    };
    let unreadable = |e: &dyn std::fmt::Display| {
        file_error(
            "unreadable_workbook",
            &[("format", what.to_string()), ("detail", e.to_string())],
        )
    };
    let bad_sheet = |name: &str, e: &dyn std::fmt::Display| {
        file_error(
            "unreadable_sheet",
            &[("sheet", name.to_string()), ("detail", e.to_string())],
        )
    };
    // Declared sizes never decide an allocation: the guards count what calamine will
    // lay out before it sees the bytes (an XLS file is handed over rewritten).
    let checked;
    let bytes = match format {
        FileFormat::Xls => {
            checked = guard::xls(bytes)?;
            checked.as_slice()
        }
        FileFormat::Ods => {
            check_zip(bytes, what)?;
            guard::ods(bytes)?;
            bytes
        }
        _ => {
            check_zip(bytes, what)?;
            // calamine's XLSB reader indexes records past their end and lays a sheet out
            // over its cells' whole bounding box: not read here (issue 15 lists .xlsx,
            // .xlsm, .xls and .ods), and said so.
            if zip_has(bytes, "xl/workbook.bin") {
                return Err(file_error("xlsb", &[]));
            }
            guard::xlsx(bytes)?;
            bytes
        }
    };
    let cursor = || std::io::Cursor::new(bytes);
    let mut book: Sheets<_> = match format {
        FileFormat::Xls => {
            Sheets::Xls(open_workbook_from_rs::<Xls<_>, _>(cursor()).map_err(|e| unreadable(&e))?)
        }
        FileFormat::Ods => {
            Sheets::Ods(open_workbook_from_rs::<Ods<_>, _>(cursor()).map_err(|e| unreadable(&e))?)
        }
        _ => {
            Sheets::Xlsx(open_workbook_from_rs::<Xlsx<_>, _>(cursor()).map_err(|e| unreadable(&e))?)
        }
    };
    let meta = book.sheets_metadata().to_vec();
    let visible: Vec<String> = meta
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet && s.visible == SheetVisible::Visible)
        .map(|s| s.name.clone())
        .collect();
    let mut warnings = Vec::new();
    let name = match sheet {
        Some(s) => {
            if !meta.iter().any(|m| m.name == s) {
                let names = meta
                    .iter()
                    .map(|m| m.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ");
                return Err(file_error(
                    "no_sheet",
                    &[("sheet", s.to_string()), ("sheets", names)],
                ));
            }
            s.to_string()
        }
        None => {
            let first = visible
                .first()
                .cloned()
                .ok_or_else(|| file_error("no_visible_sheet", &[]))?;
            let hidden: Vec<&str> = meta
                .iter()
                .take_while(|m| m.name != first)
                .map(|m| m.name.as_str())
                .collect();
            if !hidden.is_empty() {
                let h = hidden.join(", ");
                warnings.push(Warning::new(
                    "hidden_sheet_skipped",
                    None,
                    None,
                    &[("sheet", first.clone()), ("skipped", h)],
                ));
            }
            first
        }
    };
    let date1904 = match &book {
        Sheets::Xlsx(x) => x.has_1904_epoch(),
        Sheets::Xls(x) => x.has_1904_epoch(),
        _ => false,
    };
    let mut table = Table {
        date1904,
        sheets: visible,
        sheet: Some(name.clone()),
        warnings,
        ..Table::default()
    };
    // Cells as placed: rows and columns with content, never the sheet's declared size.
    let mut cells: std::collections::BTreeMap<usize, Vec<(usize, Cell)>> = Default::default();
    let mut count = 0usize;
    let mut put = |r: usize, c: usize, cell: Cell| -> Result<()> {
        if cell == Cell::Empty {
            return Ok(());
        }
        if c >= MAX_COLUMNS {
            return Err(too_large("columns", c + 1, MAX_COLUMNS));
        }
        count += 1;
        if count > MAX_CELLS {
            return Err(too_large("rows", MAX_ROWS + 1, MAX_ROWS));
        }
        let row = cells.entry(r).or_default();
        row.push((c, cell));
        Ok(())
    };
    if let Sheets::Xlsx(x) = &mut book {
        let mut reader = x
            .worksheet_cells_reader(&name)
            .map_err(|e| bad_sheet(&name, &e))?;
        while let Some(cell) = reader.next_cell().map_err(|e| bad_sheet(&name, &e))? {
            let (r, c) = cell.get_position();
            let value = calamine::Data::from(cell.get_value().clone());
            let r = r as usize + 1;
            put(r, c as usize, workbook_cell(&value, r)?)?;
        }
    } else {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| bad_sheet(&name, &e))?;
        for (r, c, value) in range.used_cells() {
            let (r0, c0) = range.start().unwrap_or((0, 0));
            let r = r + r0 as usize + 1;
            put(r, c + c0 as usize, workbook_cell(value, r)?)?;
        }
    }
    if cells.len() > MAX_ROWS + 10 {
        return Err(too_large("rows", cells.len(), MAX_ROWS));
    }
    for (r, mut row_cells) in cells {
        row_cells.sort_by_key(|(c, _)| *c);
        let width = row_cells.last().map_or(0, |(c, _)| c + 1);
        let mut row = vec![Cell::Empty; width];
        for (c, cell) in row_cells {
            if let Some(slot) = row.get_mut(c) {
                *slot = cell;
            }
        }
        table.rows.push((r, row));
    }
    Ok(table)
}

/// Whether a zip archive holds an entry `name`.
fn zip_has(bytes: &[u8], name: &str) -> bool {
    zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .ok()
        .is_some_and(|mut a| a.by_name(name).is_ok())
}

/// The zip directory's declared unpacked sizes, before anything is inflated (a zip bomb
/// is refused here); `what` names the format in an error (`xlsx`, `ods`).
fn check_zip(bytes: &[u8], what: &str) -> Result<()> {
    let bad = |e: zip::result::ZipError| {
        file_error(
            "unreadable_workbook",
            &[("format", what.to_string()), ("detail", e.to_string())],
        )
    };
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(bad)?;
    let mut unpacked = 0u64;
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).map_err(bad)?;
        unpacked = unpacked.saturating_add(entry.size());
    }
    if unpacked > MAX_XLSX_UNPACKED {
        return Err(Error::new(
            ErrorKind::TooLarge {
                what: "unpacked_bytes",
                size: unpacked,
                limit: MAX_XLSX_UNPACKED,
            },
            "",
        ));
    }
    // calamine reserves room for the shared strings' declared `uniqueCount` before reading
    // them: a count the part's actual length cannot hold (each string takes at least
    // `<si/>`, 5 bytes) is a lie, refused before it decides an allocation.
    for i in 0..archive.len() {
        let Ok(mut entry) = archive.by_index(i) else {
            continue;
        };
        if !entry.name().is_ok_and(|n| n.ends_with("sharedStrings.xml")) {
            continue;
        }
        let mut head = Vec::new();
        std::io::Read::read_to_end(&mut std::io::Read::take(&mut entry, 4096), &mut head)
            .map_err(|e| bad(zip::result::ZipError::Io(e)))?;
        let mut actual = head.len() as u64;
        actual += std::io::copy(&mut entry, &mut std::io::sink()).unwrap_or(0);
        if let Some(n) = declared_count(&head, b"uniqueCount=\"") {
            if n > actual / 5 + 1 {
                return Err(file_error(
                    "shared_strings",
                    &[
                        ("declared", n.to_string()),
                        ("actual", (actual / 5 + 1).to_string()),
                    ],
                ));
            }
        }
    }
    Ok(())
}

/// The number after `key` (e.g. `uniqueCount="`) in the first bytes of an XML part.
fn declared_count(head: &[u8], key: &[u8]) -> Option<u64> {
    let at = head.windows(key.len()).position(|w| w == key)? + key.len();
    let digits: Vec<u8> = head
        .get(at..)?
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .copied()
        .collect();
    std::str::from_utf8(&digits)
        .ok()?
        .parse()
        .ok()
        .or(Some(u64::MAX))
}

/// A workbook number cell as decimal text. Workbooks store numbers as binary doubles;
/// Excel shows and compares them at 15 significant digits (a cached
/// 89.999999999999986 is 90), and so does Paygrade — from here on the value is an
/// exact decimal.
pub fn xlsx_number_text(value: f64) -> String {
    if value == 0.0 {
        return "0".to_string();
    }
    rust_decimal::Decimal::from_scientific(&format!("{value:.14e}"))
        .map(|d| d.normalize().to_string())
        .unwrap_or_else(|_| format!("{value}"))
}

/// A date cell: a written date ([`paygrade::number::parse_written_date`]: ISO
/// `2026-03-01`, `2026/3/1`, `2026.3.1`, `2026年3月1日` …) or an Excel serial number (1900
/// date system). Two-digit years are refused, never guessed.
pub fn parse_roster_date(text: &str) -> Option<NaiveDate> {
    let half = to_half_width(text);
    let t = half.trim();
    if t.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && !t.contains('-')
        && t.len() <= 7
        && !t.is_empty()
    {
        return excel_serial_date(t);
    }
    paygrade::number::parse_written_date(t)
}

/// Excel's 1900 date system: serial 1 = 1900-01-01; serial 60 is Excel's non-existent
/// 1900-02-29 (refused); a time fraction is ignored.
pub fn excel_serial_date(text: &str) -> Option<NaiveDate> {
    let whole = text.split('.').next()?;
    let n: i64 = whole.parse().ok()?;
    let base = match n {
        1..=59 => NaiveDate::from_ymd_opt(1899, 12, 31)?,
        61..=2_958_465 => NaiveDate::from_ymd_opt(1899, 12, 30)?,
        _ => return None,
    };
    base.checked_add_signed(chrono::TimeDelta::try_days(n)?)
}

/// Excel's 1904 date system (old Mac workbooks): serial 0 = 1904-01-01.
pub fn excel_serial_date_1904(text: &str) -> Option<NaiveDate> {
    let whole = text.split('.').next()?;
    let n: i64 = whole.parse().ok()?;
    if !(0..=2_957_003).contains(&n) {
        return None;
    }
    NaiveDate::from_ymd_opt(1904, 1, 1)?.checked_add_signed(chrono::TimeDelta::try_days(n)?)
}

/// How many rows from the top the header is looked for in (title rows above it).
pub const HEADER_SEARCH_ROWS: usize = 10;

/// The people read before [`from_rows`] estimates how many the file holds.
const ROWS_BEFORE_ESTIMATE: usize = 256;

/// Read a roster from its rows, collecting every person and every bad row (in row
/// order: the first [`paygrade::error::MAX_LISTED`], then a count).
fn from_rows(
    rows: Box<dyn rows::Rows + '_>,
    frame: rows::Frame,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Roster> {
    let mut reader = rows::RosterRows::start(rows, frame, Some(MAX_ROWS))?;
    let mut employees = Vec::new();
    let mut sources = Vec::new();
    let mut problems: Vec<Error> = Vec::new();
    let mut more = 0usize;
    let mut count = 0usize;
    while let Some(person) = reader.next_person()? {
        count += 1;
        if count % paygrade::payroll::PROGRESS_STEP == 0 {
            let (done, total) = reader.progress();
            progress(done, total);
        }
        if count == ROWS_BEFORE_ESTIMATE {
            // Room for the rows the rest of the file holds at the rate so far, rather
            // than doubling (and copying) the people as they come.
            let estimate = reader.estimated_people(count, MAX_ROWS);
            employees.reserve(estimate.saturating_sub(employees.len()));
            sources.reserve(estimate.saturating_sub(sources.len()));
        }
        match person {
            Ok((source, employee)) => {
                employees.push(employee);
                sources.push(source);
            }
            // A row's several bad cells are listed one by one.
            Err(e) => {
                for e in e.into_all() {
                    if problems.len() < paygrade::error::MAX_LISTED {
                        problems.push(e);
                    } else {
                        more += 1;
                    }
                }
            }
        }
    }
    let header_row = reader.header_row();
    if let Some(e) = Error::many(problems, more) {
        // The ids of the rows that could be read are checked too: one pass lists the bad
        // cells and then the missing or repeated ids.
        let mut roster = reader.into_roster();
        roster.employees = employees;
        roster.sources = sources;
        normalise_ids(&mut roster);
        return Err(match check_ids(&roster) {
            Err(ids) => e.followed_by(ids),
            Ok(()) => e,
        });
    }
    if employees.is_empty() {
        return Err(Error::at_cell(ErrorKind::NoRows, header_row + 1, ""));
    }
    let mut roster = reader.into_roster();
    roster.employees = employees;
    roster.sources = sources;
    Ok(roster)
}

/// A totals row (an export's 合计 / total line, an office's 合计：71人 or 合　计 under any
/// column — 序号, 工号, 姓名 — or a 小计 between branches or levels, 高级 小计 in the level
/// column, its cells holding sums): one of its text cells is a totals label, and its
/// level cell is empty or is that label.
fn is_totals_row(cells: &[rows::CellRef<'_>], columns: &[Option<(String, String)>]) -> bool {
    let level = columns
        .iter()
        .position(|c| c.as_ref().is_some_and(|(f, _)| f == "level"))
        .and_then(|i| cells.get(i));
    let label = |c: &rows::CellRef<'_>| matches!(c, rows::CellRef::Text(t) if is_totals_label(t));
    match level {
        None | Some(rows::CellRef::Empty) => cells.iter().any(label),
        Some(cell) => label(cell),
    }
}

/// Whether a cell's text labels a totals row: spaces taken out (合　计), it begins or
/// ends with 合计, 总计 or 小计 (合计：71人, 高级小计), or begins with `total` (any case).
fn is_totals_label(text: &str) -> bool {
    const MARKS: [&str; 3] = ["合计", "总计", "小计"];
    let t = trim_space(text);
    if t.get(..5).is_some_and(|h| h.eq_ignore_ascii_case("total")) {
        return true;
    }
    // Quick refusal for the cells of people's rows: no mark, no totals row.
    if !t.contains('计') {
        return false;
    }
    let joined: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    MARKS
        .iter()
        .any(|m| joined.starts_with(m) || joined.ends_with(m))
}

fn insert_path(object: &mut Map<String, Value>, path: &str, value: Value) {
    match path.split_once('.') {
        Some((outer, inner)) => {
            let entry = object
                .entry(outer.to_string())
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(map) = entry {
                insert_path(map, inner, value);
            }
        }
        None => {
            object.insert(path.to_string(), value);
        }
    }
}

fn from_json_array(text: &str) -> Result<Roster> {
    from_json_value(&json::parse(text)?)
}

/// A roster from employees already in the JSON shape (SPEC §12; a page's saved roster),
/// checked as a `.json` file is: ids normalised, duplicates refused.
///
/// # Errors
/// `policy_not_roster` for a policy (an object with a `ladder` or `format`);
/// `invalid_value` when `value` is not an array of employees; `too_large` beyond
/// [`MAX_ROWS`]; any field error, at its path; `duplicate_id` for a repeated 工号.
pub fn roster_from_json(value: &Value) -> Result<Roster> {
    let mut roster = from_json_value(value)?;
    normalise_ids(&mut roster);
    check_ids(&roster)?;
    Ok(roster)
}

fn from_json_value(value: &Value) -> Result<Roster> {
    // A policy is an object with a ladder (SPEC §12): a file opened in the wrong place.
    if value.get("ladder").is_some() || value.get("format").is_some() {
        return Err(Error::new(ErrorKind::PolicyNotRoster, ""));
    }
    let items = value
        .as_array()
        .ok_or_else(|| json::wrong_type(value, "employees", ""))?;
    if items.len() > MAX_ROWS {
        return Err(too_large("employees", items.len(), MAX_ROWS));
    }
    let employees = Vec::<Employee>::from_json(value, "employees")?;
    let sources = vec![Source::default(); employees.len()];
    Ok(Roster {
        employees,
        sources,
        ..Roster::default()
    })
}

/// An id as compared and kept: full-width letters and digits as half-width, no spaces
/// around (`Ｅ００１ ` is `E001`).
/// Borrowed when the id is already so (nearly every id).
pub fn normalise_id(id: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    match to_half_width(id) {
        Cow::Borrowed(half) => Cow::Borrowed(trim_space(half)),
        Cow::Owned(half) if trim_space(&half).len() == half.len() => Cow::Owned(half),
        Cow::Owned(half) => Cow::Owned(half.trim().to_string()),
    }
}

/// Every employee's id through [`normalise_id`].
fn normalise_ids(roster: &mut Roster) {
    for e in &mut roster.employees {
        let id = normalise_id(&e.id);
        if *id != *e.id {
            e.id = id.into_owned();
        }
    }
}

/// Check that every employee has an id and no id repeats (ids compared as
/// [`normalise_id`] gives them), by [`IdCheck`].
///
/// # Errors
/// `missing_field` or `duplicate_id` at the person's row (or `employees[i].id`).
pub fn check_ids(roster: &Roster) -> Result<()> {
    let people = &roster.employees;
    let mut ids = IdCheck::with_capacity(people.len());
    let mut problems = Vec::new();
    let mut more = 0usize;
    for (i, e) in people.iter().enumerate() {
        let row = roster.sources.get(i).map_or(0, |s| s.row);
        let Some(kind) = ids.check(&normalise_id(&e.id), row) else {
            continue;
        };
        if problems.len() < paygrade::error::MAX_LISTED {
            problems.push(roster.locate(Error::new(kind, "id").for_employee(i)));
        } else {
            more += 1;
        }
    }
    Error::many(problems, more).map_or(Ok(()), Err)
}

/// The id rule, one person at a time: every person has an id, and an id seen before is a
/// repeat naming the row it was last seen in. The whole roster's [`check_ids`] and the
/// command line's stream (rows that pass by) both check ids with it. Each id's text is
/// kept once, in one buffer for all of them, with its row (12 bytes in the set): no
/// allocation per person, which for a 1,000,000-row stream is most of what it keeps.
#[derive(Debug, Default)]
pub struct IdCheck {
    state: foldhash::fast::RandomState,
    /// Each id seen: where its text lies in `text`, and the row it was last seen in.
    seen: hashbrown::HashTable<SeenId>,
    /// The ids' texts, one after another.
    text: String,
}

#[derive(Debug, Clone, Copy)]
struct SeenId {
    start: u32,
    len: u32,
    row: u32,
}

impl IdCheck {
    /// Room for `n` ids.
    pub fn with_capacity(n: usize) -> Self {
        let mut check = IdCheck::default();
        check.reserve(n);
        check
    }

    /// Room for `n` more ids (a caller that learns how many people a file holds as it
    /// reads, rather than growing the set step by step); their texts get room at the
    /// average length so far.
    pub fn reserve(&mut self, n: usize) {
        use std::hash::BuildHasher;
        let IdCheck { state, seen, text } = self;
        seen.reserve(n, |s| state.hash_one(id_text(text, *s)));
        if let Some(average) = text.len().checked_div(seen.len()) {
            text.reserve(n.saturating_mul(average));
        }
    }

    /// Check the id of the person at spreadsheet `row` (0 for JSON), given as
    /// [`normalise_id`] gives it: `missing_field` for an empty one, `duplicate_id` naming
    /// the row the id was last seen in for a repeat (which becomes its last row), `None`
    /// when it is fine.
    pub fn check(&mut self, id: &str, row: usize) -> Option<ErrorKind> {
        use hashbrown::hash_table::Entry;
        use std::hash::BuildHasher;
        if id.is_empty() {
            return Some(ErrorKind::MissingField("id".into()));
        }
        // A row, an id or all the ids' text beyond u32 (4 GB) is beyond any file read here.
        let row = u32::try_from(row).unwrap_or(u32::MAX);
        let IdCheck { state, seen, text } = self;
        let hash = state.hash_one(id);
        let same = |s: &SeenId| id_text(text, *s) == id;
        match seen.entry(hash, same, |s| state.hash_one(id_text(text, *s))) {
            Entry::Occupied(mut last) => {
                let before = std::mem::replace(&mut last.get_mut().row, row);
                Some(ErrorKind::DuplicateId {
                    id: id.to_string(),
                    first_row: before as usize,
                })
            }
            Entry::Vacant(slot) => {
                let start = u32::try_from(text.len()).unwrap_or(u32::MAX);
                let len = u32::try_from(id.len()).unwrap_or(u32::MAX);
                slot.insert(SeenId { start, len, row });
                text.push_str(id);
                None
            }
        }
    }
}

/// The text of a seen id.
fn id_text(text: &str, s: SeenId) -> &str {
    let start = s.start as usize;
    text.get(start..start.saturating_add(s.len as usize))
        .unwrap_or_default()
}
