//! Rows to employees without detours (issue 16): a row's cells are read straight into an
//! [`Employee`] — no JSON object per row — with exactly the readers, the field order and
//! the errors of the JSON path (`Employee::from_json`), and delimited text is read one
//! record at a time, never held as a table of cells.

use crate::{
    excel_serial_date_1904, field_for_header, file_error, is_totals_row, parse_roster_date,
    too_large, Cell, Roster, Source, Table, HEADER_SEARCH_ROWS, MAX_CELL_BYTES, MAX_COLUMNS,
    MAX_ROWS,
};
use chrono::NaiveDate;
use paygrade::employee::{read_years, Employee, Grading, Kpi};
use paygrade::error::{Error, ErrorKind, Result};
use paygrade::evaluation::{read_score, Scores};
use paygrade::json::{
    is_blank_text, parse_date_at, parse_decimal_at, parse_flag_at, FromJson, NamedList,
};
use paygrade::number::trim_space;
use paygrade::policy::{Education, Employment};
use paygrade::Warning;
use serde_json::{Map, Value};
use std::borrow::Cow;

/// A cell of the row being read, borrowed from the reader.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum CellRef<'a> {
    Empty,
    Text(&'a str),
    Number(&'a str),
    Date(NaiveDate),
    Error(&'a str),
}

impl Cell {
    pub(crate) fn as_ref(&self) -> CellRef<'_> {
        match self {
            Cell::Empty => CellRef::Empty,
            Cell::Text(s) => CellRef::Text(s),
            Cell::Number(s) => CellRef::Number(s),
            Cell::Date(d) => CellRef::Date(*d),
            Cell::Error(e) => CellRef::Error(e),
        }
    }
}

impl CellRef<'_> {
    fn to_owned_cell(self) -> Cell {
        match self {
            CellRef::Empty => Cell::Empty,
            CellRef::Text(s) => Cell::Text(s.to_string()),
            CellRef::Number(s) => Cell::Number(s.to_string()),
            CellRef::Date(d) => Cell::Date(d),
            CellRef::Error(e) => Cell::Error(e.to_string()),
        }
    }
}

/// The employee fields a column can fill, in `Employee::from_json`'s reading order.
const FIELDS: [&str; 19] = [
    "id",
    "name",
    "level",
    "band",
    "employment",
    "years_in_post",
    "post_start",
    "rural",
    "scores.business",
    "scores.customer_satisfaction",
    "scores.supplier",
    "scores.self",
    "scores.marketing_audit",
    "composite_score",
    "paid_days",
    "grading.exam",
    "grading.review",
    "education",
    "years_of_work",
];
const SCORES: std::ops::Range<usize> = 8..13;
const GRADING: std::ops::Range<usize> = 15..17;

/// Where a column's cell goes: one of [`FIELDS`], or a KPI (`kpis.<indicator>.<part>`).
#[derive(Debug, Clone, Copy)]
enum Slot {
    Field(usize),
    Kpi,
}

/// A file's header, read once: what each column fills, and the column headers as given.
#[derive(Debug, Clone)]
pub(crate) struct Header {
    /// Per column: the field path and the header as given; `None` for an unknown column.
    columns: Vec<Option<(String, String)>>,
    slots: Vec<Option<Slot>>,
    /// Every column's header as given (for a warning on an unknown column).
    headers: Vec<String>,
    /// Field path → header, for the roster (`Roster::columns`).
    known: Vec<(String, String)>,
    /// The header's spreadsheet row.
    row: usize,
    /// Numbers in a date column count from 1904.
    date1904: bool,
}

/// A source of non-empty rows: each with its spreadsheet row number (the header is row 1
/// unless title rows stand above it) and its cells, trailing empty cells removed.
pub(crate) trait Rows {
    /// The next non-empty row, or `None` at the end.
    ///
    /// # Errors
    /// The source's own: a broken CSV record, a cell or row count beyond the limits.
    fn next_row(&mut self) -> Result<Option<(usize, Vec<CellRef<'_>>)>>;

    /// How far through the file the reading is, and its size, in the same unit (rows or
    /// bytes), for a progress bar.
    fn progress(&self) -> (usize, usize);
}

/// Delimited text read one record at a time (UTF-8 text already decoded).
pub(crate) struct TextRows<'t> {
    text: &'t str,
    split: Split<'t>,
    row: usize,
    count: usize,
    max_rows: Option<usize>,
}

/// How records are found in the text.
enum Split<'t> {
    /// Through the csv reader: text with quotes in it.
    Csv {
        reader: csv::Reader<&'t [u8]>,
        record: csv::StringRecord,
    },
    /// Text without a quote (nearly every exported roster): a record is a line, a field
    /// what lies between two separators — what the csv reader makes of such text, read
    /// without copying or checking the UTF-8 again. `at`: where the next line starts.
    /// `fields`: the current line's fields, a buffer kept from line to line.
    Plain {
        separator: u8,
        at: usize,
        fields: Vec<(usize, usize, bool)>,
    },
}

impl<'t> TextRows<'t> {
    /// A reader over `text`, separated by tabs or commas (`ext`: the file's extension);
    /// `max_rows`: the most rows read (`None`: no limit, for the command line's stream).
    ///
    /// # Errors
    /// `csv_quote` when a quoted field never closes (an odd count of `"`).
    pub(crate) fn new(text: &'t str, ext: &str, max_rows: Option<usize>) -> Result<Self> {
        Self::with_split(text, ext, max_rows, true)
    }

    /// [`TextRows::new`]; `plain`: whether text without quotes is split by lines and
    /// separators directly (the csv reader otherwise — the tests compare the two).
    fn with_split(text: &'t str, ext: &str, max_rows: Option<usize>, plain: bool) -> Result<Self> {
        // Well-formed CSV has quotes in pairs ("" inside a quoted field is a pair too); an
        // odd count means a quoted field never closes — a truncated file, not data to
        // guess at.
        let quotes = text.bytes().filter(|&b| b == b'"').count();
        if quotes % 2 == 1 {
            return Err(file_error("csv_quote", &[]));
        }
        let separator = crate::separator(text, ext);
        let split = if plain && quotes == 0 {
            // A byte order mark left at the start is not text, as the csv reader has it.
            let at = if text.starts_with('\u{feff}') { 3 } else { 0 };
            Split::Plain {
                separator,
                at,
                fields: Vec::with_capacity(32),
            }
        } else {
            Split::Csv {
                reader: csv::ReaderBuilder::new()
                    .has_headers(false)
                    .flexible(true)
                    .delimiter(separator)
                    .from_reader(text.as_bytes()),
                record: csv::StringRecord::new(),
            }
        };
        Ok(TextRows {
            text,
            split,
            row: 0,
            count: 0,
            max_rows,
        })
    }
}

impl Rows for TextRows<'_> {
    fn next_row(&mut self) -> Result<Option<(usize, Vec<CellRef<'_>>)>> {
        match &mut self.split {
            Split::Plain {
                separator,
                at,
                fields,
            } => loop {
                let Some(rest) = self.text.get(*at..).filter(|r| !r.is_empty()) else {
                    return Ok(None);
                };
                let line = plain_line(rest, *separator, fields);
                *at += line.length;
                self.row = self.row.saturating_add(1);
                if line.used == 0 {
                    continue;
                }
                let fields = line
                    .fields
                    .iter()
                    .map(|&(start, end, blank)| (rest.get(start..end).unwrap_or_default(), blank));
                let cells =
                    used_cells(fields, line.used, self.row, &mut self.count, self.max_rows)?;
                return Ok(Some((self.row, cells)));
            },
            Split::Csv { reader, record } => loop {
                let row = self.row;
                let more = reader.read_record(record).map_err(|e| {
                    Error::at_cell(
                        ErrorKind::File {
                            code: "csv",
                            params: vec![("detail", e.to_string())],
                        },
                        row + 1,
                        "",
                    )
                })?;
                if !more {
                    return Ok(None);
                }
                // Spreadsheet rows: the csv reader skips blank lines, which a spreadsheet
                // shows as rows; a quoted line break stays inside one row. The record's
                // reported start is where the previous one ended: the blank lines the
                // reader skipped lie between there and its first field.
                let start = record
                    .position()
                    .and_then(|p| usize::try_from(p.byte()).ok())
                    .unwrap_or(0);
                let blank = crate::blank_lines_at(self.text.as_bytes(), start);
                self.row = self.row.saturating_add(1 + blank);
                // Fields up to the last that is not blank; none: a blank row.
                let used = (0..record.len())
                    .rev()
                    .find(|&i| record.get(i).is_some_and(|f| !trim_space(f).is_empty()))
                    .map_or(0, |i| i + 1);
                if used == 0 {
                    continue;
                }
                let fields = record.iter().map(|f| (f, trim_space(f).is_empty()));
                let cells = used_cells(fields, used, self.row, &mut self.count, self.max_rows)?;
                return Ok(Some((self.row, cells)));
            },
        }
    }

    fn progress(&self) -> (usize, usize) {
        let at = match &self.split {
            Split::Plain { at, .. } => *at,
            Split::Csv { reader, .. } => {
                usize::try_from(reader.position().byte()).unwrap_or(usize::MAX)
            }
        };
        (at.min(self.text.len()), self.text.len())
    }
}

/// The first `used` cells of a record (each field with whether it is blank), after the
/// record's limits: the cells the csv reader's records and quote-free lines both give.
///
/// # Errors
/// `too_large` beyond [`MAX_ROWS`] records or [`MAX_COLUMNS`] used cells;
/// `cell_too_large` for a used cell beyond [`MAX_CELL_BYTES`].
fn used_cells<'a>(
    fields: impl Iterator<Item = (&'a str, bool)>,
    used: usize,
    row: usize,
    count: &mut usize,
    max_rows: Option<usize>,
) -> Result<Vec<CellRef<'a>>> {
    check_record(used, count, max_rows)?;
    let mut cells = Vec::with_capacity(used);
    for (field, blank) in fields.take(used) {
        if field.len() > MAX_CELL_BYTES {
            return Err(crate::cell_too_large(field.len(), row));
        }
        cells.push(if blank {
            CellRef::Empty
        } else {
            CellRef::Text(field)
        });
    }
    Ok(cells)
}

/// The limits on a record with `used` cells, counted as one more in `count`.
///
/// # Errors
/// `too_large` beyond [`MAX_ROWS`] records or [`MAX_COLUMNS`] used cells.
fn check_record(used: usize, count: &mut usize, max_rows: Option<usize>) -> Result<()> {
    if max_rows.is_some_and(|max| *count > max + 10) {
        return Err(too_large("rows", MAX_ROWS + 1, MAX_ROWS));
    }
    if used > MAX_COLUMNS {
        return Err(too_large("columns", used, MAX_COLUMNS));
    }
    *count += 1;
    Ok(())
}

/// One line of quote-free text, found in a single pass over its bytes.
struct PlainLine<'f> {
    /// Byte ranges of the line's first [`MAX_COLUMNS`] + 1 fields, each with whether it
    /// is blank.
    fields: &'f [(usize, usize, bool)],
    /// Fields up to the last that is not blank (0: a blank line), however many there are.
    used: usize,
    /// The line's bytes with its line break (`\r\n`, `\n` or `\r`; none at the end).
    length: usize,
}

/// The line at the start of `text`, split at `separator` (an ASCII byte, so every field
/// is whole UTF-8); its fields are written to `fields`.
fn plain_line<'f>(
    text: &str,
    separator: u8,
    fields: &'f mut Vec<(usize, usize, bool)>,
) -> PlainLine<'f> {
    let bytes = text.as_bytes();
    fields.clear();
    let mut used = 0usize;
    let mut seen = 0usize;
    let mut start = 0usize;
    let mut field = |fields: &mut Vec<(usize, usize, bool)>, start: usize, end: usize| {
        seen += 1;
        let blank = trim_space(text.get(start..end).unwrap_or_default()).is_empty();
        if !blank {
            used = seen;
        }
        if fields.len() <= MAX_COLUMNS {
            fields.push((start, end, blank));
        }
    };
    let mut i = 0usize;
    let length = loop {
        match bytes.get(i) {
            None => {
                field(fields, start, i);
                break i;
            }
            Some(b'\r') => {
                field(fields, start, i);
                break i + if bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
            }
            Some(b'\n') => {
                field(fields, start, i);
                break i + 1;
            }
            Some(&b) if b == separator => {
                field(fields, start, i);
                start = i + 1;
            }
            Some(_) => {}
        }
        i += 1;
    };
    // An empty line is one empty field: blank, as the csv reader skips it.
    PlainLine {
        fields,
        used,
        length,
    }
}

/// A workbook's rows, laid out already (see `workbook_rows`).
pub(crate) struct TableRows {
    rows: std::vec::IntoIter<(usize, Vec<Cell>)>,
    current: Vec<Cell>,
    last: usize,
    at: usize,
}

impl TableRows {
    pub(crate) fn new(rows: Vec<(usize, Vec<Cell>)>) -> Self {
        let last = rows.last().map_or(0, |(r, _)| *r);
        TableRows {
            rows: rows.into_iter(),
            current: Vec::new(),
            last,
            at: 0,
        }
    }
}

impl Rows for TableRows {
    fn next_row(&mut self) -> Result<Option<(usize, Vec<CellRef<'_>>)>> {
        let Some((row, cells)) = self.rows.next() else {
            return Ok(None);
        };
        self.at = row;
        self.current = cells;
        Ok(Some((row, self.current.iter().map(Cell::as_ref).collect())))
    }

    fn progress(&self) -> (usize, usize) {
        (self.at, self.last)
    }
}

/// A header cell's name as given (trimmed, a BOM dropped).
fn header_name(cell: CellRef<'_>) -> String {
    match cell {
        CellRef::Text(s) | CellRef::Number(s) => {
            s.trim().trim_start_matches('\u{feff}').trim().to_string()
        }
        CellRef::Date(d) => d.to_string(),
        CellRef::Empty | CellRef::Error(_) => String::new(),
    }
}

/// The index (in `rows`) of the header row: among the rows of the first
/// [`HEADER_SEARCH_ROWS`], the first with the required headers, else the one with the
/// most known headers, else the first row.
fn find_header(rows: &[(usize, Vec<Cell>)]) -> usize {
    header_candidates(rows)
        .find(|(_, fields)| has_required(fields))
        .map(|(i, _)| i)
        .unwrap_or_else(|| {
            let mut best = (0usize, 0usize);
            for (i, fields) in header_candidates(rows) {
                if fields.len() > best.1 {
                    best = (i, fields.len());
                }
            }
            best.0
        })
}

/// The header read over `upper` and the row `below` it, when `below` is the second row
/// of a two-row header: it names known columns itself, and together the two name more
/// known columns than `upper` alone. Each column takes `below`'s name where it has one,
/// else `upper`'s (a name merged down both rows is in the upper row only).
fn two_row_header(upper: &[Cell], below: &[Cell]) -> Option<Vec<Cell>> {
    let known = |cells: &[Cell]| {
        cells
            .iter()
            .filter(|c| field_for_header(&header_name(c.as_ref())).is_some())
            .count()
    };
    if known(below) == 0 {
        return None;
    }
    let merged: Vec<Cell> = (0..upper.len().max(below.len()))
        .map(|i| match (below.get(i), upper.get(i)) {
            (Some(b), _) if *b != Cell::Empty => b.clone(),
            (_, Some(u)) => u.clone(),
            _ => Cell::Empty,
        })
        .collect();
    (known(&merged) > known(upper)).then_some(merged)
}

/// Whether one of the first [`HEADER_SEARCH_ROWS`] rows is a roster header (it names the
/// required columns: id, level, employment) — a workbook's sheet of instructions
/// (填表说明) has none.
pub(crate) fn has_header(rows: &[(usize, Vec<Cell>)]) -> bool {
    header_candidates(rows).any(|(_, fields)| has_required(&fields))
}

/// Each of the first rows' index and the fields its cells name as headers.
fn header_candidates(
    rows: &[(usize, Vec<Cell>)],
) -> impl Iterator<Item = (usize, Vec<String>)> + '_ {
    rows.iter()
        .enumerate()
        .take_while(|(_, (r, _))| *r <= HEADER_SEARCH_ROWS)
        .map(|(i, (_, cells))| {
            let fields = cells
                .iter()
                .filter_map(|c| field_for_header(&header_name(c.as_ref())))
                .collect();
            (i, fields)
        })
}

fn has_required(fields: &[String]) -> bool {
    ["id", "level", "employment"]
        .iter()
        .all(|f| fields.iter().any(|g| g == f))
}

/// Which of Paygrade's own exports that are not rosters a header row is (`projection`,
/// `payslips`), in either language: such a file was chosen as a roster by mistake.
fn paygrade_export(headers: &[String]) -> Option<&'static str> {
    use crate::export::{CSV_COLUMNS, PAYSLIP_COLUMNS};
    // The first four columns: a header's unit in brackets (…（月）) is dropped when read.
    let has = |name: &str| headers.iter().any(|h| h.as_str() == name);
    let either = |columns: &[(&'static str, &'static str)]| {
        columns.iter().take(4).all(|c| has(c.0)) || columns.iter().take(4).all(|c| has(c.1))
    };
    if either(&CSV_COLUMNS) {
        Some("projection")
    } else if either(&PAYSLIP_COLUMNS) {
        Some("payslips")
    } else {
        None
    }
}

impl Header {
    /// Read the header row's cells.
    ///
    /// # Errors
    /// `duplicate_column` for two columns of one field; `paygrade_export` for a header of
    /// Paygrade's projection or payslip export; `missing_field` for a missing id, level or
    /// employment column.
    fn read(
        row: usize,
        cells: &[Cell],
        date1904: bool,
        warnings: &mut Vec<Warning>,
    ) -> Result<Header> {
        let mut columns: Vec<Option<(String, String)>> = Vec::with_capacity(cells.len());
        let mut headers: Vec<String> = Vec::with_capacity(cells.len());
        // An export's result columns (应发合计 …): not read, the pay is worked out again.
        // The first is named in the note, the rest counted.
        let (mut first_result, mut results) = (None::<String>, 0usize);
        for cell in cells {
            let name = header_name(cell.as_ref());
            headers.push(name.clone());
            let field = field_for_header(&name);
            match field {
                Some(f) if columns.iter().flatten().any(|(g, _)| *g == f) => {
                    return Err(Error::at_cell(
                        ErrorKind::File {
                            code: "duplicate_column",
                            params: vec![("field", f)],
                        },
                        row,
                        name,
                    ));
                }
                Some(f) => columns.push(Some((f, name))),
                None => {
                    // A row number column (序号) is an office's habit, not an unknown field.
                    let row_number = matches!(name.as_str(), "序号" | "序" | "No." | "No" | "#");
                    let result = crate::export::is_result_header(&name);
                    if result {
                        first_result.get_or_insert_with(|| name.clone());
                        results += 1;
                    }
                    if !name.is_empty() && !row_number && !result {
                        warnings.push(Warning::new(
                            "unknown_column",
                            Some(row),
                            Some(name.clone()),
                            &[],
                        ));
                    }
                    columns.push(None);
                }
            }
        }
        if let Some(first) = first_result {
            warnings.push(Warning::new(
                "result_columns_recomputed",
                Some(row),
                Some(first),
                &[("count", results.to_string())],
            ));
        }
        for required in ["id", "level", "employment"] {
            if !columns.iter().flatten().any(|(f, _)| f == required) {
                if let Some(export) = paygrade_export(&headers) {
                    return Err(Error::at_cell(
                        ErrorKind::File {
                            code: "paygrade_export",
                            params: vec![("export", export.to_string())],
                        },
                        row,
                        "",
                    ));
                }
                return Err(Error::at_cell(
                    ErrorKind::MissingField(required.to_string()),
                    row,
                    "",
                ));
            }
        }
        let slots = columns
            .iter()
            .map(|c| {
                c.as_ref()
                    .map(|(f, _)| match FIELDS.iter().position(|g| g == f) {
                        Some(i) => Slot::Field(i),
                        None => Slot::Kpi,
                    })
            })
            .collect();
        let known = columns
            .iter()
            .flatten()
            .map(|(f, h)| (f.to_string(), h.clone()))
            .collect();
        Ok(Header {
            columns,
            slots,
            headers,
            known,
            row,
            date1904,
        })
    }

    /// One data row as an employee; warnings for ignored cells go to `warnings`. The
    /// fields are read in `Employee::from_json`'s order with its readers, so a row gives
    /// the employee, and the first error, that its JSON object would.
    fn employee(
        &self,
        row: usize,
        cells: &[CellRef<'_>],
        warnings: &mut Vec<Warning>,
    ) -> Result<Employee> {
        let mut texts: [Option<Cow<'_, str>>; FIELDS.len()] = Default::default();
        let mut kpis: Option<Map<String, Value>> = None;
        let mut extra = false;
        for (c, cell) in cells.iter().enumerate() {
            let (Some(Some((field, header))), Some(Some(slot))) =
                (self.columns.get(c), self.slots.get(c))
            else {
                match cell {
                    CellRef::Empty => {}
                    CellRef::Error(e) => {
                        let header = self.headers.get(c).cloned().filter(|h| !h.is_empty());
                        warnings.push(Warning::new(
                            "error_cell_ignored",
                            Some(row),
                            header,
                            &[("value", e.to_string())],
                        ));
                    }
                    _ if self.columns.get(c).is_none() => extra = true,
                    _ => {}
                }
                continue;
            };
            let text: Cow<'_, str> = match *cell {
                CellRef::Empty => continue,
                CellRef::Error(e) => {
                    return Err(Error::at_cell(
                        ErrorKind::File {
                            code: "error_cell",
                            params: vec![("value", e.to_string())],
                        },
                        row,
                        header.clone(),
                    ))
                }
                CellRef::Text(s) | CellRef::Number(s) => Cow::Borrowed(s),
                CellRef::Date(d) => Cow::Owned(d.to_string()),
            };
            let text = if field == "post_start" {
                let date = match *cell {
                    CellRef::Number(n) if self.date1904 => excel_serial_date_1904(n),
                    _ => parse_roster_date(&text),
                };
                match date {
                    Some(d) => Cow::Owned(d.to_string()),
                    None => {
                        return Err(Error::at_cell(
                            ErrorKind::InvalidDate(text.into_owned()),
                            row,
                            header.clone(),
                        ))
                    }
                }
            } else {
                text
            };
            match *slot {
                Slot::Field(i) => {
                    if let Some(t) = texts.get_mut(i) {
                        *t = Some(text);
                    }
                }
                Slot::Kpi => {
                    let path = field.strip_prefix("kpis.").unwrap_or(field);
                    crate::insert_path(
                        kpis.get_or_insert_with(Map::new),
                        path,
                        Value::String(text.into_owned()),
                    );
                }
            }
        }
        if extra {
            warnings.push(Warning::new("extra_cell", Some(row), None, &[]));
        }
        read_employee(&texts, kpis).map_err(|e| {
            let partial = Roster {
                sources: vec![Source { row }],
                columns: self.known.clone(),
                ..Roster::default()
            };
            // Each bad cell of the row at its place; the partial roster's position means
            // nothing outside.
            e.map_all(&|e| {
                let mut e = partial.locate(e.for_employee(0));
                e.employee = None;
                e
            })
        })
    }
}

/// The employee from a row's field texts (`None`: no cell; a blank text counts as
/// absent, as a blank JSON string does), in `Employee::from_json`'s order.
fn read_employee(
    texts: &[Option<Cow<'_, str>>; FIELDS.len()],
    kpis: Option<Map<String, Value>>,
) -> Result<Employee> {
    let given = |i: usize| -> Option<&str> {
        texts
            .get(i)
            .and_then(|t| t.as_deref())
            .filter(|t| !is_blank_text(t))
    };
    let path = |i: usize| FIELDS.get(i).copied().unwrap_or_default();
    let required = |i: usize| -> Result<&str> {
        given(i).ok_or_else(|| {
            let name = path(i);
            Error::new(ErrorKind::MissingField(name.to_string()), name)
        })
    };
    let decimal = |i: usize| given(i).map(|t| parse_decimal_at(t, path(i))).transpose();
    let score = |i: usize| given(i).map(|t| read_score(t, path(i))).transpose();
    let years = |i: usize| given(i).map(|t| read_years(t, path(i))).transpose();
    // A block (scores, grading) is there when any of its columns has a cell, as the JSON
    // object a row made was.
    let block = |range: std::ops::Range<usize>| {
        range
            .into_iter()
            .any(|i| matches!(texts.get(i), Some(Some(_))))
    };
    // Every field is read, and every bad one listed (in reading order), so a row with
    // several bad cells is fixed in one go.
    let mut errors: Vec<Error> = Vec::new();
    macro_rules! ok {
        ($read:expr) => {
            match $read {
                Ok(v) => Some(v),
                Err(e) => {
                    errors.push(e);
                    None
                }
            }
        };
    }
    let level = ok!(required(2).map(str::to_string));
    let employment = ok!(required(4).and_then(|t| Employment::from_name(t, path(4))));
    let years_in_post = ok!(years(5)).flatten();
    let post_start = ok!(given(6).map(|t| parse_date_at(t, path(6))).transpose()).flatten();
    let rural = ok!(given(7).map(|t| parse_flag_at(t, path(7))).transpose())
        .flatten()
        .unwrap_or(false);
    let scores = block(SCORES).then(|| Scores {
        business: ok!(score(8)).flatten(),
        customer_satisfaction: ok!(score(9)).flatten(),
        supplier: ok!(score(10)).flatten(),
        self_: ok!(score(11)).flatten(),
        marketing_audit: ok!(score(12)).flatten(),
    });
    let composite_score = ok!(score(13)).flatten();
    let paid_days = ok!(decimal(14)).flatten();
    let grading = block(GRADING).then(|| Grading {
        exam: ok!(score(15)).flatten(),
        review: ok!(score(16)).flatten(),
    });
    let education = ok!(given(17)
        .map(|t| Education::from_name(t, path(17)))
        .transpose())
    .flatten();
    let years_of_work = ok!(years(18)).flatten();
    let kpis = ok!(kpis
        .map(|m| NamedList::<Kpi>::from_json(&Value::Object(m), "kpis"))
        .transpose())
    .flatten();
    if let Some(e) = Error::many(errors, 0) {
        return Err(e);
    }
    let (Some(level), Some(employment)) = (level, employment) else {
        // Not reached: a required field that did not read left its error above.
        return Err(Error::new(ErrorKind::Internal("row".into()), ""));
    };
    Ok(Employee {
        id: given(0).map(str::to_string).unwrap_or_default(),
        name: given(1).map(str::to_string).unwrap_or_default(),
        level,
        band: given(3).map(str::to_string),
        employment,
        years_in_post,
        post_start,
        rural,
        scores,
        composite_score,
        paid_days,
        grading,
        education,
        years_of_work,
        kpis,
    })
}

/// What a source of rows holds besides its rows: the workbook's sheets and warnings.
#[derive(Debug, Default)]
pub(crate) struct Frame {
    pub(crate) date1904: bool,
    pub(crate) sheets: Vec<String>,
    pub(crate) sheet: Option<String>,
    pub(crate) warnings: Vec<Warning>,
}

impl Frame {
    pub(crate) fn of(table: &mut Table) -> Frame {
        Frame {
            date1904: table.date1904,
            sheets: std::mem::take(&mut table.sheets),
            sheet: table.sheet.take(),
            warnings: std::mem::take(&mut table.warnings),
        }
    }
}

/// A roster being read row by row: the header found, then one employee (or one row's
/// error) at a time. [`crate::parse_roster`] collects them; the command line's stream
/// pays and writes each as it comes.
pub struct RosterRows<'a> {
    rows: Box<dyn Rows + 'a>,
    header: Header,
    /// Rows read ahead while looking for the header, not yet given out.
    ahead: std::collections::VecDeque<(usize, Vec<Cell>)>,
    warnings: Vec<Warning>,
    sheets: Vec<String>,
    sheet: Option<String>,
    read: usize,
    max_rows: Option<usize>,
}

impl<'a> RosterRows<'a> {
    /// Find the header in the first rows of `rows` and get ready to read the people.
    ///
    /// # Errors
    /// `empty_file`; those of [`Header`] and of the source.
    pub(crate) fn start(
        mut rows: Box<dyn Rows + 'a>,
        frame: Frame,
        max_rows: Option<usize>,
    ) -> Result<RosterRows<'a>> {
        let Frame {
            date1904,
            sheets,
            sheet,
            mut warnings,
        } = frame;
        // The rows of the first HEADER_SEARCH_ROWS, and the first one after them.
        let mut ahead: std::collections::VecDeque<(usize, Vec<Cell>)> = Default::default();
        while let Some((row, cells)) = rows.next_row()? {
            let past = row > HEADER_SEARCH_ROWS;
            ahead.push_back((row, cells.into_iter().map(CellRef::to_owned_cell).collect()));
            if past {
                break;
            }
        }
        if ahead.is_empty() {
            return Err(file_error("empty_file", &[]));
        }
        let header_index = find_header(ahead.make_contiguous());
        ahead.drain(..header_index);
        let Some((header_row, mut header)) = ahead.pop_front() else {
            return Err(file_error("empty_file", &[]));
        };
        // A header over two rows (五评价 merged across the five score columns above their
        // names, 工号 … merged down both rows): the row below names more columns in the
        // gaps, so the two are read as one, each column's lower name where it has one.
        let mut second_row = None;
        if let Some(merged) = ahead
            .front()
            .and_then(|(_, below)| two_row_header(&header, below))
        {
            header = merged;
            second_row = ahead.pop_front().map(|(row, _)| row);
        }
        if header_index > 0 {
            warnings.push(Warning::new(
                "header_row",
                Some(header_row),
                None,
                &[("skipped", header_index.to_string())],
            ));
        }
        if let Some(second) = second_row {
            warnings.push(Warning::new(
                "two_row_header",
                Some(header_row),
                None,
                &[("second", second.to_string())],
            ));
        }
        let header = Header::read(header_row, &header, date1904, &mut warnings)?;
        Ok(RosterRows {
            rows,
            header,
            ahead,
            warnings,
            sheets,
            sheet,
            read: 0,
            max_rows,
        })
    }

    /// The next person: `Ok(Some(Ok(..)))` an employee and where they came from,
    /// `Ok(Some(Err(..)))` a row that cannot be read (placed at its row and column; the
    /// reading goes on), `Ok(None)` the end. Blank rows and a totals row (with a warning)
    /// are passed over.
    ///
    /// # Errors
    /// The source's own (a broken CSV record, the limits): the reading stops.
    pub fn next_person(&mut self) -> Result<Option<Result<(Source, Employee)>>> {
        loop {
            let person = if let Some((row, owned)) = self.ahead.pop_front() {
                let cells: Vec<CellRef<'_>> = owned.iter().map(Cell::as_ref).collect();
                person_of(
                    &self.header,
                    &mut self.warnings,
                    &mut self.read,
                    self.max_rows,
                    row,
                    &cells,
                )?
            } else {
                let Some((row, cells)) = self.rows.next_row()? else {
                    return Ok(None);
                };
                person_of(
                    &self.header,
                    &mut self.warnings,
                    &mut self.read,
                    self.max_rows,
                    row,
                    &cells,
                )?
            };
            if person.is_some() {
                return Ok(person);
            }
        }
    }

    /// How far the reading is (rows or bytes) and the whole, for a progress bar.
    pub fn progress(&self) -> (usize, usize) {
        self.rows.progress()
    }

    /// How many people the whole file holds, at the rate of the `read` so far (at most
    /// `cap`): for sizing what grows with the people once, rather than step by step.
    pub fn estimated_people(&self, read: usize, cap: usize) -> usize {
        let (done, total) = self.progress();
        (total / done.max(1)).saturating_mul(read).min(cap)
    }

    /// The spreadsheet row of the header.
    pub fn header_row(&self) -> usize {
        self.header.row
    }

    /// Field path → column header as given.
    pub fn columns(&self) -> &[(String, String)] {
        &self.header.known
    }

    /// The warnings so far (import warnings: unknown columns, ignored cells …).
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// The roster so far without its people: columns, warnings, sheets and header row.
    pub(crate) fn into_roster(self) -> Roster {
        Roster {
            columns: self.header.known,
            warnings: self.warnings,
            sheets: self.sheets,
            sheet: self.sheet,
            header_row: self.header.row,
            ..Roster::default()
        }
    }
}

/// One row through the header: `None` for a blank or totals row.
fn person_of(
    header: &Header,
    warnings: &mut Vec<Warning>,
    read: &mut usize,
    max_rows: Option<usize>,
    row: usize,
    cells: &[CellRef<'_>],
) -> Result<Option<Result<(Source, Employee)>>> {
    if cells.iter().all(|c| *c == CellRef::Empty) {
        return Ok(None);
    }
    if max_rows.is_some_and(|max| *read >= max) {
        return Err(too_large("rows", MAX_ROWS + 1, MAX_ROWS));
    }
    if is_totals_row(cells, &header.columns) {
        warnings.push(Warning::new("totals_row_skipped", Some(row), None, &[]));
        return Ok(None);
    }
    *read += 1;
    let person = header.employee(row, cells, warnings);
    if let Ok(e) = &person {
        if crate::export::is_template_example(e) {
            warnings.push(Warning::new(
                "template_example_row",
                Some(row),
                None,
                &[("id", e.id.clone())],
            ));
        }
    }
    Ok(Some(person.map(|e| (Source { row }, e))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every row of `text` as (row, cells) or the first error's code, through the csv
    /// reader (`plain` false) or the quote-free split.
    fn read_all(text: &str, plain: bool) -> std::result::Result<Vec<(usize, Vec<String>)>, String> {
        let mut rows = TextRows::with_split(text, "csv", Some(MAX_ROWS), plain)
            .map_err(|e| format!("{e:?}"))?;
        let mut out = Vec::new();
        while let Some((row, cells)) = rows.next_row().map_err(|e| format!("{e:?}"))? {
            let cells = cells.iter().map(|c| format!("{c:?}")).collect();
            out.push((row, cells));
        }
        Ok(out)
    }

    #[track_caller]
    fn same_rows(text: &str) {
        assert_eq!(read_all(text, true), read_all(text, false), "{text:?}");
    }

    #[test]
    fn quote_free_text_reads_as_the_csv_reader_reads_it() {
        same_rows("");
        same_rows("a,b\n1,2\n");
        same_rows("a,b\r\n\r\n1,2\r\n,\r\n  ,\t\n3");
        same_rows("a\r\rb\r\n\nc\n\r\nd");
        same_rows("\n\n工号,姓名\nE1,张三,,\n");
        same_rows("\u{feff}a,b\n1,2");
    }

    #[test]
    fn plain_rows_have_their_spreadsheet_numbers() {
        let rows = read_all("a,b\n\n1,2\r\n \r\n3,\n", true).unwrap();
        let numbers: Vec<usize> = rows.iter().map(|(row, _)| *row).collect();
        assert_eq!(numbers, [1, 3, 5]);
        assert_eq!(rows[2].1, ["Text(\"3\")"]);
        // Quoted text (the csv reader): a bare `\r` ends a line too, and a blank line after
        // it is a row (this read as row 2 before).
        let rows = read_all("a,b\r\r\"1\",2\r\"3\"", false).unwrap();
        let numbers: Vec<usize> = rows.iter().map(|(row, _)| *row).collect();
        assert_eq!(numbers, [1, 3, 4]);
    }

    proptest! {
        #[test]
        fn any_quote_free_text_reads_alike(parts in prop::collection::vec(
            prop::sample::select(vec!["a", "bc", "1", "中", ",", ",", " ", "\t", "\r", "\n", "\r\n", "\u{3000}", "\u{feff}"]),
            0..40,
        )) {
            same_rows(&parts.concat());
        }
    }
}
