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
pub mod sample;

use chrono::NaiveDate;
use paygrade::employee::Employee;
use paygrade::error::{Error, ErrorKind, Result};
use paygrade::json::{self, FromJson};
use paygrade::number::to_half_width;
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
}

impl Roster {
    /// Rewrite an error at `employees[i].<field>` into `row N, column X` using the
    /// sources (JSON rosters keep the path). Other errors pass unchanged.
    pub fn locate(&self, mut err: Error) -> Error {
        let Some(rest) = err.path.strip_prefix("employees[") else {
            return err;
        };
        let Some((index, field)) = rest.split_once(']') else {
            return err;
        };
        let Some(source) = index
            .parse::<usize>()
            .ok()
            .and_then(|i| self.sources.get(i))
        else {
            return err;
        };
        if source.row == 0 {
            return err;
        }
        let field = field.trim_start_matches('.');
        let column = self
            .columns
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, header)| header.clone())
            .unwrap_or_else(|| field.to_string());
        err.path = if column.is_empty() {
            format!("row {}", source.row)
        } else {
            format!("row {}, column {column}", source.row)
        };
        err
    }
}

/// The JSON field path for a column header (SPEC §8), English or Chinese; scorecard
/// columns `<indicator>_target` / `<indicator>_actual` and `<名称>目标` / `<名称>完成`
/// become `kpis.<indicator>.target|actual`.
pub fn field_for_header(header: &str) -> Option<String> {
    let h = to_half_width(header);
    let h = h.trim().trim_start_matches('\u{feff}').trim();
    if let Some(f) = fixed_field(h) {
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
    /// Nothing in it.
    Empty,
    /// Text as typed.
    Text(String),
    /// A spreadsheet number, as its shortest exact decimal text.
    Number(String),
    /// A spreadsheet date.
    Date(NaiveDate),
}

fn too_large(what: String) -> Error {
    Error::new(ErrorKind::TooLarge(what), "")
}

/// A file that cannot be read as a roster, with its message in both languages.
fn file_error(en: String, zh: String, path: impl Into<String>) -> Error {
    Error::new(ErrorKind::File { en, zh }, path)
}

/// Decode CSV bytes: UTF-8 BOM, strict UTF-8, else GB18030 (GBK).
///
/// # Errors
/// `invalid_value` when the bytes are neither UTF-8 nor GB18030.
pub fn decode_text(bytes: &[u8]) -> Result<String> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return std::str::from_utf8(rest).map(str::to_string).map_err(|e| {
            file_error(
                format!("invalid UTF-8 after the BOM: {e}"),
                "文件以 UTF-8 标记开头，但内容不是有效的 UTF-8 文本".to_string(),
                "",
            )
        });
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_string());
    }
    let (text, _, had_errors) = encoding_rs::GB18030.decode(bytes);
    if !had_errors {
        return Ok(text.into_owned());
    }
    Err(file_error(
        "the file is neither UTF-8 nor GBK/GB18030 text".to_string(),
        "文件既不是 UTF-8 也不是 GBK/GB18030 文本".to_string(),
        "",
    ))
}

/// Read a roster from file bytes; the format comes from the file name's extension
/// (`.csv`, `.xlsx`/`.xlsm`, `.json`). `sheet` names an XLSX sheet (default: the first).
///
/// # Errors
/// `too_large` beyond [`MAX_FILE_BYTES`], [`MAX_ROWS`], [`MAX_COLUMNS`] or
/// [`MAX_CELL_BYTES`]; `invalid_value` for an unknown extension, an undecodable file, a
/// duplicate or missing required column, or a spreadsheet error cell; any field error,
/// at `row N, column X`; `duplicate_id` for a repeated 工号.
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
        return Err(too_large(format!(
            "file of {} bytes (limit {MAX_FILE_BYTES})",
            bytes.len()
        )));
    }
    let ext = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let roster = match ext.as_str() {
        "csv" | "txt" => from_rows(csv_rows(bytes)?, progress)?,
        "xlsx" | "xlsm" => from_rows(xlsx_rows(bytes, sheet)?, progress)?,
        "json" => from_json_array(&decode_text(bytes)?)?,
        _ => {
            return Err(file_error(
                format!("unknown roster file type {file_name:?}: use .csv, .xlsx or .json"),
                format!("无法识别的花名册文件类型 “{file_name}”：请用 .csv、.xlsx 或 .json"),
                "",
            ))
        }
    };
    check_ids(&roster)?;
    Ok(roster)
}

fn csv_rows(bytes: &[u8]) -> Result<Vec<Vec<Cell>>> {
    let text = decode_text(bytes)?;
    // Well-formed CSV has quotes in pairs ("" inside a quoted field is a pair too); an odd
    // count means a quoted field never closes — a truncated file, not data to guess at.
    if text.bytes().filter(|&b| b == b'"').count() % 2 == 1 {
        return Err(file_error(
            "CSV: a quoted field is never closed (truncated file?)".to_string(),
            "CSV 中有未闭合的引号（文件可能不完整）".to_string(),
            "",
        ));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| {
            file_error(
                format!("CSV: {e}"),
                format!("CSV 格式错误：{e}"),
                format!("row {}", i + 1),
            )
        })?;
        if rows.len() > MAX_ROWS {
            return Err(too_large(format!("more than {MAX_ROWS} rows")));
        }
        if record.len() > MAX_COLUMNS {
            return Err(too_large(format!(
                "{} columns (limit {MAX_COLUMNS})",
                record.len()
            )));
        }
        let mut row = Vec::with_capacity(record.len());
        for field in record.iter() {
            if field.len() > MAX_CELL_BYTES {
                return Err(too_large(format!(
                    "a cell of {} bytes in row {}",
                    field.len(),
                    i + 1
                )));
            }
            row.push(if field.trim().is_empty() {
                Cell::Empty
            } else {
                Cell::Text(field.to_string())
            });
        }
        rows.push(row);
    }
    Ok(rows)
}

fn xlsx_rows(bytes: &[u8], sheet: Option<&str>) -> Result<Vec<Vec<Cell>>> {
    use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
    let bad = |m: String| {
        let zh = if m.starts_with("not a readable XLSX file") {
            "不是可读取的 XLSX 文件（可能已损坏，或并非 Excel 工作簿）".to_string()
        } else if m.starts_with("the workbook has no sheet") {
            "工作簿中没有工作表".to_string()
        } else {
            format!("XLSX 文件无法读取：{m}")
        };
        file_error(m, zh, "")
    };
    // The declared unpacked sizes, from the zip directory, before anything is inflated.
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| bad(format!("not a readable XLSX file: {e}")))?;
    let mut unpacked = 0u64;
    for i in 0..archive.len() {
        let entry = archive
            .by_index_raw(i)
            .map_err(|e| bad(format!("not a readable XLSX file: {e}")))?;
        unpacked = unpacked.saturating_add(entry.size());
    }
    if unpacked > MAX_XLSX_UNPACKED {
        return Err(too_large(format!(
            "an XLSX that unpacks to {unpacked} bytes (limit {MAX_XLSX_UNPACKED})"
        )));
    }
    let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| bad(format!("not a readable XLSX file: {e}")))?;
    let name = match sheet {
        Some(s) => s.to_string(),
        None => book
            .sheet_names()
            .first()
            .cloned()
            .ok_or_else(|| bad("the workbook has no sheet".to_string()))?,
    };
    let range = book
        .worksheet_range(&name)
        .map_err(|e| bad(format!("sheet {name:?}: {e}")))?;
    let (height, width) = range.get_size();
    if height > MAX_ROWS + 1 {
        return Err(too_large(format!("{height} rows (limit {MAX_ROWS})")));
    }
    if width > MAX_COLUMNS {
        return Err(too_large(format!("{width} columns (limit {MAX_COLUMNS})")));
    }
    // Rows as they appear; calamine's range starts at the first used cell.
    let top = range.start().map_or(0, |(r, _)| r as usize);
    let mut rows = vec![Vec::new(); top];
    for (r, cells) in range.rows().enumerate() {
        let mut row = Vec::with_capacity(cells.len());
        for (c, cell) in cells.iter().enumerate() {
            row.push(match cell {
                Data::Empty => Cell::Empty,
                Data::String(s) if s.len() > MAX_CELL_BYTES => {
                    return Err(too_large(format!(
                        "a cell of {} bytes in row {}",
                        s.len(),
                        top + r + 1
                    )));
                }
                Data::String(s) if s.trim().is_empty() => Cell::Empty,
                Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => {
                    Cell::Text(s.clone())
                }
                Data::Int(i) => Cell::Number(i.to_string()),
                Data::Float(f) => Cell::Number(xlsx_number_text(*f)),
                Data::Bool(b) => Cell::Text(b.to_string()),
                Data::DateTime(dt) => match excel_serial_date(&xlsx_number_text(dt.as_f64())) {
                    Some(d) => Cell::Date(d),
                    None => Cell::Text(xlsx_number_text(dt.as_f64())),
                },
                Data::Error(e) => {
                    return Err(file_error(
                        format!("spreadsheet error value {e}"),
                        format!("单元格是表格错误值 {e}"),
                        format!("row {}, column {}", top + r + 1, c + 1),
                    ))
                }
            });
        }
        rows.push(row);
    }
    Ok(rows)
}

/// An XLSX number cell as decimal text. XLSX stores numbers as binary doubles; the
/// shortest text that reads back to the same double is what the spreadsheet shows, and
/// it is all the file holds — from here on the value is an exact decimal.
fn xlsx_number_text(value: f64) -> String {
    format!("{value}")
}

/// A date cell: ISO `2026-03-01`, `2026/3/1`, `2026.3.1`, `2026年3月1日`, or an Excel
/// serial number (1900 date system). Two-digit years are refused, never guessed.
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
    let parts: Vec<&str> = t
        .split(['-', '/', '.', '年', '月', '日'])
        .filter(|p| !p.is_empty())
        .collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    if y.len() != 4 || m.len() > 2 || d.len() > 2 {
        return None;
    }
    let year: u32 = y.parse().ok()?;
    if !(paygrade::number::MIN_YEAR..=paygrade::number::MAX_YEAR).contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
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

fn from_rows(rows: Vec<Vec<Cell>>, progress: &mut dyn FnMut(usize, usize)) -> Result<Roster> {
    let total = rows.len();
    let mut rows = rows.into_iter().enumerate().map(|(i, r)| (i + 1, r));
    let Some((header_row, header)) = rows
        .by_ref()
        .find(|(_, r)| r.iter().any(|c| *c != Cell::Empty))
    else {
        return Err(file_error(
            "the file is empty: no header row".to_string(),
            "文件是空的：没有表头行".to_string(),
            "",
        ));
    };
    let mut warnings = Vec::new();
    let mut columns: Vec<Option<(String, String)>> = Vec::with_capacity(header.len());
    for cell in &header {
        let name = match cell {
            Cell::Text(s) | Cell::Number(s) => {
                s.trim().trim_start_matches('\u{feff}').trim().to_string()
            }
            Cell::Date(d) => d.to_string(),
            Cell::Empty => String::new(),
        };
        let field = field_for_header(&name);
        match field {
            Some(f) if columns.iter().flatten().any(|(g, _)| *g == f) => {
                return Err(file_error(
                    format!("column {name:?} is given twice (field {f})"),
                    format!("列 “{name}” 重复（字段 {f}）"),
                    format!("row {header_row}, column {name}"),
                ));
            }
            Some(f) => columns.push(Some((f, name))),
            None => {
                if !name.is_empty() {
                    warnings.push(Warning {
                        row: Some(header_row),
                        column: Some(name.clone()),
                        code: "unknown_column",
                        message: format!(
                            "未知列 “{name}”,已忽略 / unknown column \"{name}\" ignored"
                        ),
                    });
                }
                columns.push(None);
            }
        }
    }
    for required in ["id", "level", "employment"] {
        if !columns.iter().flatten().any(|(f, _)| f == required) {
            return Err(Error::new(
                ErrorKind::MissingField(required.to_string()),
                format!("row {header_row}"),
            ));
        }
    }
    let mut roster = Roster {
        warnings,
        columns: columns
            .iter()
            .flatten()
            .map(|(f, h)| (f.to_string(), h.clone()))
            .collect(),
        ..Roster::default()
    };
    for (row_number, cells) in rows {
        if row_number % paygrade::payroll::PROGRESS_STEP == 0 {
            progress(row_number, total);
        }
        if cells.iter().all(|c| *c == Cell::Empty) {
            continue;
        }
        if roster.employees.len() >= MAX_ROWS {
            return Err(too_large(format!("more than {MAX_ROWS} rows")));
        }
        let mut object = Map::new();
        let source = Source { row: row_number };
        for (c, cell) in cells.iter().enumerate() {
            let Some(Some((field, header))) = columns.get(c) else {
                if *cell != Cell::Empty && columns.get(c).is_none() {
                    roster.warnings.push(Warning {
                        row: Some(row_number),
                        column: None,
                        code: "extra_cell",
                        message: format!("第 {row_number} 行有多余的单元格,已忽略 / row {row_number} has cells beyond the header, ignored"),
                    });
                }
                continue;
            };
            let text = match cell {
                Cell::Empty => continue,
                Cell::Text(s) | Cell::Number(s) => s.clone(),
                Cell::Date(d) => d.to_string(),
            };
            let text = if field == "post_start" {
                match parse_roster_date(&text) {
                    Some(d) => d.to_string(),
                    None => {
                        return Err(Error::new(
                            ErrorKind::InvalidDate(text),
                            format!("row {row_number}, column {header}"),
                        ))
                    }
                }
            } else {
                text
            };
            insert_path(&mut object, field, Value::String(text));
        }
        let employee =
            <Employee as FromJson>::from_json(&Value::Object(object), "").map_err(|e| {
                let partial = Roster {
                    sources: vec![source],
                    columns: roster.columns.clone(),
                    ..Roster::default()
                };
                partial.locate(Error {
                    path: paygrade::error::join_path("employees[0]", &e.path),
                    ..e
                })
            })?;
        roster.employees.push(employee);
        roster.sources.push(source);
    }
    if roster.employees.is_empty() {
        return Err(Error::new(
            ErrorKind::NoRows,
            format!("row {}", header_row + 1),
        ));
    }
    Ok(roster)
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
    let value = json::parse(text)?;
    let items = value
        .as_array()
        .ok_or_else(|| json::wrong_type(&value, "an array of employees", ""))?;
    if items.len() > MAX_ROWS {
        return Err(too_large(format!(
            "{} employees (limit {MAX_ROWS})",
            items.len()
        )));
    }
    let employees = Vec::<Employee>::from_json(&value, "employees")?;
    let sources = vec![Source::default(); employees.len()];
    Ok(Roster {
        employees,
        sources,
        ..Roster::default()
    })
}

/// Check that every employee has an id and no id repeats.
///
/// # Errors
/// `missing_field` or `duplicate_id` at the person's row (or `employees[i].id`).
pub fn check_ids(roster: &Roster) -> Result<()> {
    let mut seen = std::collections::HashMap::with_capacity(roster.employees.len());
    for (i, e) in roster.employees.iter().enumerate() {
        let id = e.id.trim();
        if id.is_empty() {
            return Err(roster.locate(Error::new(
                ErrorKind::MissingField("id".into()),
                format!("employees[{i}].id"),
            )));
        }
        if let Some(first) = seen.insert(id.to_string(), i) {
            let first_row = roster.sources.get(first).map_or(0, |s| s.row);
            let err = Error::new(
                ErrorKind::DuplicateId {
                    id: id.to_string(),
                    first_row,
                },
                format!("employees[{i}].id"),
            );
            return Err(roster.locate(err));
        }
    }
    Ok(())
}
