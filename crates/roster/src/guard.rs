//! Checks that run before calamine sees an `.xls` or `.ods` file, so that a file's
//! declared sizes never decide how much memory is allocated (issue 15, item 8).
//!
//! calamine reads every sheet of these formats when the workbook is opened, into dense
//! ranges: an XLS sheet's `DIMENSIONS` record is reserved as `rows × columns` cells and
//! its cells are laid out over their whole bounding box; an ODS cell or row repeated by
//! `table:number-columns-repeated` / `table:number-rows-repeated` is copied that many
//! times (up to 100,000,000 cells), and a `text:s text:c="…"` is that many spaces. The
//! guards below walk the same records and events calamine will, in the same order, and
//! count what it would lay out — cells ([`MAX_CELLS`]) and cell text
//! ([`MAX_TEXT_BYTES`]) — refusing a file beyond either limit with `too_large` before
//! anything is materialised.
//!
//! XLS: the compound file is opened with the `cfb` crate and its `Workbook` (or BIFF5
//! `Book`) stream is checked record by record; the stream calamine then reads is a copy
//! written into a fresh compound file, with the records it would trust blindly made
//! inert: `DIMENSIONS` (a declared size), `MERGEDCELLS`, defined names and extern-sheet
//! tables (used only for formula text), and every formula's token list emptied (the
//! cached value stays). Records calamine would index past their end (it panics on
//! those) are refused as `unreadable_workbook`.
//!
//! ODS: `content.xml` is streamed with `quick-xml` under calamine's reader settings and
//! each table's rows and cells are counted as calamine's `read_table` / `get_range`
//! lay them out: the row's pushed width (empty cells count only before a non-empty
//! one), the box of non-empty values and of formulas, each row of the box multiplied
//! by its repeat. LibreOffice's trailing styled-empty rows repeated a million times lie
//! outside the box and cost nothing. A table or comment the file never closes (calamine
//! would loop forever at the end of the XML) is refused.

use crate::{file_error, too_large, MAX_CELLS, MAX_COLUMNS, MAX_TEXT_BYTES};
use paygrade::error::Result;
use std::io::{Read, Write};

fn unreadable(format: &str, detail: impl std::fmt::Display) -> paygrade::Error {
    file_error(
        "unreadable_workbook",
        &[
            ("format", format.to_string()),
            ("detail", detail.to_string()),
        ],
    )
}

// ---------------------------------------------------------------------------------
// XLS (BIFF records, MS-XLS 2.1.4)
// ---------------------------------------------------------------------------------

/// A record type calamine ignores: records made inert are retyped to it.
const INERT: u16 = 0x0000;

fn u16_at(s: &[u8], at: usize) -> Option<u16> {
    let b = s.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([*b.first()?, *b.get(1)?]))
}

fn u32_at(s: &[u8], at: usize) -> Option<u32> {
    let b = s.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([
        *b.first()?,
        *b.get(1)?,
        *b.get(2)?,
        *b.get(3)?,
    ]))
}

/// One record as calamine's `RecordIter` groups it: its header offset, type, data and
/// the data of the `CONTINUE` records that follow it.
struct Record {
    at: usize,
    typ: u16,
    data: std::ops::Range<usize>,
    cont: Vec<std::ops::Range<usize>>,
}

/// The records from `pos`, exactly as calamine's `RecordIter` cuts them; `Err` where it
/// reports a truncated record.
fn records(
    stream: &[u8],
    pos: usize,
) -> impl Iterator<Item = std::result::Result<Record, ()>> + '_ {
    let mut p = pos;
    std::iter::from_fn(move || {
        let rest = stream.get(p..)?;
        if rest.len() < 4 {
            return if rest.is_empty() {
                None
            } else {
                p = stream.len();
                Some(Err(()))
            };
        }
        let typ = u16_at(rest, 0)?;
        let len = usize::from(u16_at(rest, 2)?);
        if rest.len() < len + 4 {
            p = stream.len();
            return Some(Err(()));
        }
        let record_at = p;
        let data = p + 4..p + 4 + len;
        p += 4 + len;
        let mut cont = Vec::new();
        // calamine merges CONTINUE records only when more than a bare header follows.
        while stream.len().saturating_sub(p) > 4 && u16_at(stream, p) == Some(0x003C) {
            let len = usize::from(u16_at(stream, p + 2).unwrap_or(0));
            if stream.len() - p < len + 4 {
                p = stream.len();
                return Some(Err(()));
            }
            cont.push(p + 4..p + 4 + len);
            p += 4 + len;
        }
        Some(Ok(Record {
            at: record_at,
            typ,
            data,
            cont,
        }))
    })
}

/// What a pass over the stream counted (summed over all sheets: calamine parses every
/// sheet when the workbook is opened).
#[derive(Default)]
struct XlsCount {
    /// Cell records kept (calamine's per-sheet `Vec<Cell>`).
    cells: usize,
    /// Bounding-box cells of values and of formulas (its dense ranges).
    boxed: usize,
    /// Bytes of text laid out (strings, each copy counted).
    text: usize,
    /// Bytes rewritten: (offset, new bytes).
    edits: Vec<(usize, [u8; 2])>,
}

/// Bounding box of the cell positions seen in one sheet.
#[derive(Default)]
struct Bounds(Option<(u32, u32, u32, u32)>);

impl Bounds {
    fn add(&mut self, row: u32, col: u32) {
        self.0 = Some(match self.0 {
            None => (row, row, col, col),
            Some((r0, r1, c0, c1)) => (r0.min(row), r1.max(row), c0.min(col), c1.max(col)),
        });
    }
    fn area(&self) -> usize {
        self.0.map_or(0, |(r0, r1, c0, c1)| {
            ((r1 - r0) as usize + 1).saturating_mul((c1 - c0) as usize + 1)
        })
    }
}

/// Whether a record has at least `n` bytes of data (else calamine would index past its
/// end, or refuse it): `unreadable_workbook` if not.
fn need(r: &Record, n: usize) -> Result<()> {
    if r.data.len() < n {
        return Err(unreadable(
            "xls",
            format!(
                "record 0x{:04X} at byte {} has {} bytes, needs {n}",
                r.typ,
                r.at,
                r.data.len()
            ),
        ));
    }
    Ok(())
}

/// The SST's strings as calamine's `read_rich_extended_string` consumes them: each
/// string's laid-out bytes (its characters, at most 3 UTF-8 bytes each).
fn sst_strings(stream: &[u8], r: &Record) -> Result<Vec<usize>> {
    need(r, 8)?;
    let bad = |what: &str| unreadable("xls", format!("shared strings: {what}"));
    let mut parts = std::iter::once(r.data.start + 8..r.data.end)
        .chain(r.cont.iter().cloned())
        .map(|range| stream.get(range).unwrap_or_default());
    let mut data: &[u8] = parts.next().unwrap_or_default();
    let mut strings = Vec::new();
    loop {
        if data.is_empty() {
            match parts.next() {
                Some(next) => {
                    data = next;
                    if data.is_empty() {
                        // calamine reads an empty string here.
                        strings.push(0);
                        continue;
                    }
                }
                None => break,
            }
        }
        if strings.len() >= MAX_CELLS {
            return Err(too_large("cells", strings.len() + 1, MAX_CELLS));
        }
        if data.len() < 3 {
            return Err(bad("a string header is cut"));
        }
        let cch = usize::from(u16_at(data, 0).unwrap_or(0));
        let flags = data.get(2).copied().unwrap_or(0);
        data = data.get(3..).unwrap_or_default();
        let mut high = flags & 1 != 0;
        let mut runs = 0usize;
        let mut ext = 0usize;
        if flags & 0x8 != 0 {
            runs = usize::from(u16_at(data, 0).ok_or_else(|| bad("a run count is cut"))?);
            data = data.get(2..).unwrap_or_default();
        }
        if flags & 0x4 != 0 {
            let n = u32_at(data, 0).ok_or_else(|| bad("an extension size is cut"))?;
            ext = n as i32 as isize as usize;
            data = data.get(4..).unwrap_or_default();
        }
        let mut left = cch;
        let mut bytes = 0usize;
        while left > 0 {
            let (chars, used) = if high {
                let l = (data.len() / 2).min(left);
                (l, 2 * l)
            } else {
                let l = data.len().min(left);
                (l, l)
            };
            bytes += chars * if high { 3 } else { 2 };
            data = data.get(used..).unwrap_or_default();
            left -= chars;
            if left > 0 {
                let next = parts
                    .next()
                    .ok_or_else(|| bad("a string runs past the end"))?;
                let (&flag, rest) = next
                    .split_first()
                    .ok_or_else(|| bad("an empty continuation inside a string"))?;
                high = flag & 1 != 0;
                data = rest;
            }
        }
        for mut skip in [runs * 4, ext] {
            while skip > 0 {
                if data.is_empty() {
                    data = parts
                        .next()
                        .ok_or_else(|| bad("formatting runs past the end"))?;
                    continue;
                }
                let l = skip.min(data.len());
                data = data.get(l..).unwrap_or_default();
                skip -= l;
            }
        }
        strings.push(bytes);
    }
    Ok(strings)
}

/// One pass over the Workbook stream as calamine's `parse_workbook` walks it.
fn xls_pass(stream: &[u8]) -> Result<XlsCount> {
    let truncated = || unreadable("xls", "a record runs past the end of the stream");
    let mut count = XlsCount::default();
    let mut sheets = Vec::new();
    let mut strings: Vec<usize> = Vec::new();
    for r in records(stream, 0) {
        let r = r.map_err(|()| truncated())?;
        match r.typ {
            // FilePass, CodePage, DateMode, BOF: calamine reads a u16 first.
            0x002F | 0x0042 | 0x0022 | 0x0809 => need(&r, 2)?,
            // BoundSheet8: stream position u32, state, type.
            0x0085 => {
                need(&r, 6)?;
                let pos = u32_at(stream, r.data.start).unwrap_or(0) as usize;
                if pos > stream.len() {
                    return Err(unreadable(
                        "xls",
                        format!("a sheet starts at byte {pos}, past the stream's end"),
                    ));
                }
                sheets.push(pos);
            }
            // Lbl, ExternSheet: formula text only.
            0x0018 | 0x0017 => count.edits.push((r.at, INERT.to_le_bytes())),
            0x00FC => strings = sst_strings(stream, &r)?,
            0x000A => break,
            _ => {}
        }
    }
    count.text = strings.iter().fold(0usize, |a, b| a.saturating_add(*b));
    for pos in sheets {
        let mut cells = Bounds::default();
        let mut formulas = Bounds::default();
        let mut fmla_pos = (0u32, 0u32);
        let mut seen_bof = false;
        let mut depth = 0usize;
        for r in records(stream, pos) {
            let r = r.map_err(|()| truncated())?;
            let data = stream.get(r.data.clone()).unwrap_or_default();
            if depth > 0 {
                match r.typ {
                    0x0809 => depth += 1,
                    0x000A => depth -= 1,
                    _ => {}
                }
                continue;
            }
            let pos_of = |d: &[u8]| {
                (
                    u32::from(u16_at(d, 0).unwrap_or(0)),
                    u32::from(u16_at(d, 2).unwrap_or(0)),
                )
            };
            let mut cell = |(row, col): (u32, u32), text: usize, count: &mut XlsCount| {
                if col as usize >= MAX_COLUMNS {
                    return Err(too_large("columns", col as usize + 1, MAX_COLUMNS));
                }
                cells.add(row, col);
                count.cells += 1;
                count.text = count.text.saturating_add(text);
                if count.cells > MAX_CELLS {
                    return Err(too_large("cells", count.cells, MAX_CELLS));
                }
                Ok(())
            };
            match r.typ {
                0x0809 => {
                    if seen_bof {
                        depth += 1;
                    } else {
                        seen_bof = true;
                    }
                }
                // DIMENSIONS (a declared size) and MERGEDCELLS: not trusted, not used.
                0x0200 | 0x00E5 => count.edits.push((r.at, INERT.to_le_bytes())),
                // Number, RK
                0x0203 => {
                    need(&r, 14)?;
                    cell(pos_of(data), 0, &mut count)?;
                }
                0x027E => {
                    need(&r, 10)?;
                    cell(pos_of(data), 0, &mut count)?;
                }
                // Label, RString: the string is at most the record's bytes, ×3 as UTF-8.
                0x0204 | 0x00D6 => {
                    need(&r, 6)?;
                    cell(pos_of(data), data.len() * 3, &mut count)?;
                }
                0x0205 => {
                    need(&r, 8)?;
                    cell(pos_of(data), 0, &mut count)?;
                }
                // String (a formula's text value) at the last formula's place.
                0x0207 => cell(fmla_pos, data.len() * 3, &mut count)?,
                // LabelSst: a copy of the shared string.
                0x00FD => {
                    need(&r, 10)?;
                    let i = u32_at(data, 6).unwrap_or(u32::MAX) as usize;
                    if let Some(&bytes) = strings.get(i) {
                        cell(pos_of(data), bytes, &mut count)?;
                    }
                }
                // MulRk: row, first column, 6 bytes per column, last column.
                0x00BD => {
                    need(&r, 6)?;
                    let (row, first) = pos_of(data);
                    let last = u32::from(u16_at(data, data.len() - 2).unwrap_or(0));
                    let n = (last + 1)
                        .checked_sub(first)
                        .filter(|n| (1..=0xFFFF).contains(n));
                    if n.is_none_or(|n| data.len() != 6 + 6 * n as usize) {
                        return Err(unreadable(
                            "xls",
                            format!("a MULRK record at byte {} is malformed", r.at),
                        ));
                    }
                    for col in first..=last {
                        cell((row, col), 0, &mut count)?;
                    }
                }
                // Formula: the cached value is kept, the token list emptied.
                0x0006 => {
                    need(&r, 22)?;
                    fmla_pos = pos_of(data);
                    // calamine writes a short "unrecognised formula" text for each.
                    cell(fmla_pos, 64, &mut count)?;
                    formulas.add(fmla_pos.0, fmla_pos.1);
                    if u16_at(data, 20) != Some(0) {
                        count.edits.push((r.data.start + 20, [0, 0]));
                    }
                }
                0x000A => break,
                _ => {}
            }
        }
        count.boxed = count
            .boxed
            .saturating_add(cells.area())
            .saturating_add(formulas.area());
        if count.boxed > MAX_CELLS {
            return Err(too_large("cells", count.boxed, MAX_CELLS));
        }
    }
    if count.text > MAX_TEXT_BYTES {
        return Err(too_large("text_bytes", count.text, MAX_TEXT_BYTES));
    }
    Ok(count)
}

/// Check an `.xls` file and return the compound file calamine may read: a fresh one
/// holding only the checked `Workbook` stream, with the records it would trust made
/// inert (see the module comment).
///
/// # Errors
/// `unreadable_workbook` (format `xls`) for a compound file or record that cannot be
/// read; `too_large` for `cells` beyond [`MAX_CELLS`], `columns` for a cell beyond
/// [`MAX_COLUMNS`], `text_bytes` beyond [`MAX_TEXT_BYTES`].
pub(crate) fn xls(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut book =
        cfb::CompoundFile::open(std::io::Cursor::new(bytes)).map_err(|e| unreadable("xls", e))?;
    let name = ["/Workbook", "/Book"]
        .into_iter()
        .find(|n| book.is_stream(n))
        .ok_or_else(|| unreadable("xls", "no Workbook stream"))?;
    let mut stream = Vec::new();
    book.open_stream(name)
        .map_err(|e| unreadable("xls", e))?
        .take(crate::MAX_FILE_BYTES as u64)
        .read_to_end(&mut stream)
        .map_err(|e| unreadable("xls", e))?;
    // Made-inert records can change how another sheet's walk reads the same bytes (a
    // forged position inside a record): check again until a pass changes nothing.
    let mut passes = 0;
    loop {
        let count = xls_pass(&stream)?;
        if count.edits.is_empty() {
            break;
        }
        passes += 1;
        if passes > 8 {
            return Err(unreadable("xls", "sheet records overlap"));
        }
        for (at, new) in count.edits {
            if let Some(slot) = stream.get_mut(at..at + 2) {
                slot.copy_from_slice(&new);
            }
        }
    }
    // Version 3 (512-byte sectors): calamine refuses a version 4 file whose root has no
    // mini stream.
    let mut out =
        cfb::CompoundFile::create_with_version(cfb::Version::V3, std::io::Cursor::new(Vec::new()))
            .map_err(|e| unreadable("xls", e))?;
    let mut writer = out
        .create_stream("/Workbook")
        .map_err(|e| unreadable("xls", e))?;
    writer
        .write_all(&stream)
        .map_err(|e| unreadable("xls", e))?;
    drop(writer);
    out.flush().map_err(|e| unreadable("xls", e))?;
    Ok(out.into_inner().into_inner())
}

// ---------------------------------------------------------------------------------
// ODS (content.xml, OpenDocument 1.2 part 1 §9)
// ---------------------------------------------------------------------------------

/// calamine's own caps on an ODS table (`ods.rs`): rows per table, cells per row.
const ODS_ROWS: usize = 1_048_576;
const ODS_COLUMNS: usize = 16_384;

type Xml<'a> =
    quick_xml::Reader<std::io::BufReader<zip::read::ZipFile<'a, std::io::Cursor<&'a [u8]>>>>;

/// An XML part read with calamine's own reader settings (`xml_reader` in its XLSX and
/// ODS readers), so the guards see the events calamine will.
fn calamine_reader<R: Read>(part: R) -> quick_xml::Reader<std::io::BufReader<R>> {
    let mut reader = quick_xml::Reader::from_reader(std::io::BufReader::new(part));
    let config = reader.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    config.expand_empty_elements = true;
    reader
}

/// `key="value"` pairs of a start tag as calamine's `RawAttrIter` reads them (first
/// match wins; a malformed attribute is an error there and here).
fn attr<'e>(e: &'e quick_xml::events::BytesStart<'_>, key: &str) -> Result<Option<&'e str>> {
    for item in raw_attrs(e.attributes_raw()) {
        let (k, v) = item?;
        if k == key {
            return Ok(Some(v));
        }
    }
    Ok(None)
}

fn raw_attrs(raw: &str) -> impl Iterator<Item = Result<(&str, &str)>> {
    let bytes = raw.as_bytes();
    let mut pos = 0usize;
    std::iter::from_fn(move || {
        while bytes.get(pos).is_some_and(u8::is_ascii_whitespace) {
            pos += 1;
        }
        if pos >= bytes.len() {
            return None;
        }
        let key_start = pos;
        while bytes.get(pos).is_some_and(|&b| b != b'=') {
            pos += 1;
        }
        if pos >= bytes.len() {
            pos = bytes.len();
            return Some(Err(unreadable("ods", "an attribute has no value")));
        }
        let key = raw.get(key_start..pos).unwrap_or_default().trim_ascii_end();
        pos += 1;
        while bytes.get(pos).is_some_and(u8::is_ascii_whitespace) {
            pos += 1;
        }
        let quote = match bytes.get(pos) {
            Some(&q @ (b'"' | b'\'')) => q,
            _ => {
                pos = bytes.len();
                return Some(Err(unreadable("ods", "an attribute value is not quoted")));
            }
        };
        pos += 1;
        let start = pos;
        while bytes.get(pos).is_some_and(|&b| b != quote) {
            pos += 1;
        }
        let value = raw.get(start..pos).unwrap_or_default();
        if pos < bytes.len() {
            pos += 1;
        }
        Some(Ok((key, value)))
    })
}

/// A repeat count as calamine parses it (a plain unsigned integer, else an error).
fn repeat(v: Option<&str>) -> Result<usize> {
    match v {
        None => Ok(1),
        Some(v) => v
            .parse()
            .map_err(|_| unreadable("ods", format!("repeat count {v:?} is not a number"))),
    }
}

fn xml_error(e: impl std::fmt::Display) -> paygrade::Error {
    unreadable("ods", e)
}

/// What one table lays out, counted as calamine does.
#[derive(Default)]
struct OdsCount {
    /// Cells pushed while reading rows (calamine's `cells` and `formulas` vectors).
    pushed: usize,
    /// Cells of the dense value and formula ranges.
    boxed: usize,
    /// Bytes of text laid out, each copy counted.
    text: usize,
}

/// One row element: its repeat, its pushed width, the first and last non-empty value
/// and formula positions, and its text bytes (one copy).
struct OdsRow {
    repeats: usize,
    values: Option<(usize, usize)>,
    formulas: Option<(usize, usize)>,
    text: usize,
}

/// The dense range `get_range` builds from rows whose non-empty span is `span(row)`.
fn box_cells(rows: &[OdsRow], span: impl Fn(&OdsRow) -> Option<(usize, usize)>) -> usize {
    let Some(first) = rows.iter().position(|r| span(r).is_some()) else {
        return 0;
    };
    let last = rows
        .iter()
        .rposition(|r| span(r).is_some())
        .unwrap_or(first);
    let (lo, hi) = rows
        .iter()
        .filter_map(&span)
        .fold((usize::MAX, 0), |(lo, hi), (a, b)| (lo.min(a), hi.max(b)));
    let width = hi + 1 - lo.min(hi);
    rows.get(first..=last)
        .unwrap_or_default()
        .iter()
        .fold(0usize, |n, r| {
            n.saturating_add(r.repeats.saturating_mul(width))
        })
}

/// A cell's value as calamine's `get_datatype` decides it: (has a value, has a
/// formula, its text bytes, whether its content was read up to its end tag).
fn ods_cell(
    reader: &mut Xml<'_>,
    e: &quick_xml::events::BytesStart<'_>,
    buf: &mut Vec<u8>,
) -> Result<(bool, bool, usize, bool)> {
    use quick_xml::events::Event;
    let mut is_string = false;
    let mut is_error = false;
    let mut value_set = false;
    let mut empty_string = false;
    let mut text = 0usize;
    let mut formula = 0usize;
    for item in raw_attrs(e.attributes_raw()) {
        let (key, value) = item?;
        match key {
            "office:value" if !value_set => value_set = true,
            "office:string-value" | "office:date-value" | "office:time-value" if !value_set => {
                value_set = true;
                text = value.len();
                empty_string = key == "office:string-value" && value.is_empty();
            }
            "office:boolean-value" if !value_set => value_set = true,
            "office:value-type" if !value_set => is_string = value == "string",
            "calcext:value-type" => is_error = value == "error",
            "table:formula" => formula = value.len(),
            _ => {}
        }
    }
    if !((!value_set && is_string) || (is_error && empty_string)) {
        return Ok((value_set, formula > 0, text + formula, false));
    }
    let mut text = 0usize;
    let mut first_paragraph = true;
    let add = |text: &mut usize, n: usize| -> Result<()> {
        *text = text.saturating_add(n);
        if *text > MAX_TEXT_BYTES {
            return Err(too_large("text_bytes", *text, MAX_TEXT_BYTES));
        }
        Ok(())
    };
    loop {
        buf.clear();
        match reader.read_event_into(buf).map_err(xml_error)? {
            Event::Text(t) => add(&mut text, t.len())?,
            Event::GeneralRef(_) => add(&mut text, 4)?,
            Event::End(end)
                if matches!(
                    end.name().as_ref(),
                    "table:table-cell" | "table:covered-table-cell"
                ) =>
            {
                return Ok((true, formula > 0, text + formula, true));
            }
            Event::Start(s) if s.name().as_ref() == "office:annotation" => loop {
                match reader.read_event_into(buf).map_err(xml_error)? {
                    Event::End(end) if end.name().as_ref() == "office:annotation" => break,
                    Event::Eof => return Err(unreadable("ods", "a comment is never closed")),
                    _ => {}
                }
            },
            Event::Start(s) if s.name().as_ref() == "text:p" => {
                if !first_paragraph {
                    add(&mut text, 1)?;
                }
                first_paragraph = false;
            }
            Event::Start(s) if s.name().as_ref() == "text:s" => {
                let count = match attr(&s, "text:c")? {
                    None => 1,
                    Some(v) => {
                        let v = quick_xml::escape::unescape(v).map_err(xml_error)?;
                        v.parse::<usize>()
                            .map_err(|_| unreadable("ods", format!("space count {v:?}")))?
                    }
                };
                add(&mut text, count)?;
            }
            Event::Start(s) if matches!(s.name().as_ref(), "text:tab" | "text:line-break") => {
                add(&mut text, 1)?;
            }
            Event::Eof => return Err(unreadable("ods", "a cell is never closed")),
            _ => {}
        }
    }
}

/// One `table:table-row` as calamine's `read_row` reads it.
fn ods_row(reader: &mut Xml<'_>, repeats: usize, count: &mut OdsCount) -> Result<OdsRow> {
    use quick_xml::events::Event;
    let mut row_buf = Vec::new();
    let mut cell_buf = Vec::new();
    let mut row = OdsRow {
        repeats,
        values: None,
        formulas: None,
        text: 0,
    };
    let mut width = 0usize;
    let mut empty = 0usize;
    loop {
        row_buf.clear();
        match reader.read_event_into(&mut row_buf).map_err(xml_error)? {
            Event::Start(e)
                if matches!(
                    e.name().as_ref(),
                    "table:table-cell" | "table:covered-table-cell"
                ) =>
            {
                let e = e.into_owned();
                let n = repeat(attr(&e, "table:number-columns-repeated")?)?;
                let (value, formula, text, closed) = ods_cell(reader, &e, &mut cell_buf)?;
                let gap = empty.min(ODS_COLUMNS.saturating_sub(width));
                width += gap;
                empty = 0;
                let n = n.min(ODS_COLUMNS.saturating_sub(width));
                if value || formula {
                    if n > 0 {
                        let span = (width, width + n - 1);
                        let join =
                            |s: Option<(usize, usize)>| Some(s.map_or(span, |(a, _)| (a, span.1)));
                        if value {
                            row.values = join(row.values);
                        }
                        if formula {
                            row.formulas = join(row.formulas);
                        }
                    }
                    width += n;
                    row.text = row.text.saturating_add(text.saturating_mul(n));
                } else {
                    empty = n;
                }
                if !closed {
                    let mut skip = Vec::new();
                    reader
                        .read_to_end_into(e.name(), &mut skip)
                        .map_err(xml_error)?;
                }
            }
            Event::End(e) if e.name().as_ref() == "table:table-row" => break,
            Event::Eof => return Err(unreadable("ods", "a row is never closed")),
            _ => return Err(unreadable("ods", "a row holds something other than cells")),
        }
    }
    count.pushed = count.pushed.saturating_add(width);
    count.text = count.text.saturating_add(row.text);
    if count.pushed > MAX_CELLS {
        return Err(too_large("cells", count.pushed, MAX_CELLS));
    }
    Ok(row)
}

/// One `table:table` as calamine's `read_table` reads it, up to its end tag.
fn ods_table(reader: &mut Xml<'_>, count: &mut OdsCount) -> Result<()> {
    use quick_xml::events::Event;
    let mut buf = Vec::new();
    let mut rows = Vec::new();
    let mut total_rows = 0usize;
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf).map_err(xml_error)? {
            Event::Start(e) if e.name().as_ref() == "table:table-row" => {
                let n = match attr(&e, "table:number-rows-repeated")? {
                    None => 1,
                    Some(v) => {
                        let v = quick_xml::escape::unescape(v).map_err(xml_error)?;
                        repeat(Some(&v))?
                    }
                };
                let n = n.min(ODS_ROWS.saturating_sub(total_rows));
                total_rows = total_rows.saturating_add(n);
                rows.push(ods_row(reader, n, count)?);
            }
            Event::End(e) if e.name().as_ref() == "table:table" => break,
            Event::Eof => return Err(unreadable("ods", "a table is never closed")),
            _ => {}
        }
    }
    let values = box_cells(&rows, |r| r.values);
    let formulas = box_cells(&rows, |r| r.formulas);
    count.boxed = count.boxed.saturating_add(values).saturating_add(formulas);
    if count.boxed > MAX_CELLS {
        return Err(too_large("cells", count.boxed, MAX_CELLS));
    }
    // Each row of the box is copied once per repeat, text and all.
    let copies = rows.iter().fold(0usize, |n, r| {
        n.saturating_add(r.text.saturating_mul(r.repeats))
    });
    count.text = count.text.saturating_add(copies);
    if count.text > MAX_TEXT_BYTES {
        return Err(too_large("text_bytes", count.text, MAX_TEXT_BYTES));
    }
    Ok(())
}

/// Check an `.ods` file's `content.xml` (after [`crate::check_zip`]) for what calamine
/// would lay out from it.
///
/// # Errors
/// `unreadable_workbook` (format `ods`) for XML calamine would stop at or loop on;
/// `too_large` for `cells` beyond [`MAX_CELLS`] or `text_bytes` beyond
/// [`MAX_TEXT_BYTES`].
pub(crate) fn ods(bytes: &[u8]) -> Result<()> {
    use quick_xml::events::Event;
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| unreadable("ods", e))?;
    let Ok(content) = archive.by_name("content.xml") else {
        // calamine reports the missing part itself.
        return Ok(());
    };
    let mut reader = calamine_reader(content);
    let mut count = OdsCount::default();
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) if e.name().as_ref() == "table:table" => {
                if attr(&e, "table:name")?.is_some() {
                    ods_table(&mut reader, &mut count)?;
                }
            }
            Ok(Event::Eof) => break,
            // calamine stops at the same error.
            Err(_) => break,
            Ok(_) => {}
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------
// XLSX (Office Open XML, ECMA-376 part 1 §18.3)
// ---------------------------------------------------------------------------------

/// The last column of a sheet, `XFD` (ECMA-376 part 1 §18.3.1.4; Excel's limit).
const LAST_COLUMN: u64 = 16_384;
/// The last row of a sheet (ECMA-376 part 1 §18.3.1.73; Excel's limit).
const LAST_ROW: u64 = 1_048_576;

/// The column and row numbers (1-based) of the letters-then-digits prefix of an A1
/// reference (`XFD1048576`, `B7`, a row number alone: column 0), and whether nothing
/// follows that prefix; `None` when the prefix lies beyond a sheet. calamine's
/// streaming reader accumulates that prefix in a `u32` before it looks at the rest, so
/// a run of 8 letters or 11 digits overflows it; anything else after the prefix
/// calamine refuses itself.
fn reference_prefix(part: &str) -> Option<(u64, u64, bool)> {
    let letters = part.bytes().take_while(u8::is_ascii_alphabetic);
    let column = letters.clone().try_fold(0u64, |col, b| {
        let col = col * 26 + u64::from(b.to_ascii_uppercase() - b'A') + 1;
        (col <= LAST_COLUMN).then_some(col)
    })?;
    let skip = letters.count();
    let digits = part.bytes().skip(skip).take_while(u8::is_ascii_digit);
    let row = digits.clone().try_fold(0u64, |row, b| {
        let row = row * 10 + u64::from(b - b'0');
        (row <= LAST_ROW).then_some(row)
    })?;
    Some((column, row, skip + digits.count() == part.len()))
}

/// Whether a cell reference or a range (`A1`, `A1:F20`) stays inside a sheet as
/// calamine reads it: every part's prefix fits ([`reference_prefix`]), and a range of
/// two well-formed corners does not end before it starts (calamine subtracts the
/// corners in `u32`).
fn reference_fits(reference: &str) -> bool {
    let parts: Option<Vec<_>> = reference.split(':').map(reference_prefix).collect();
    match parts.as_deref() {
        None => false,
        Some([(c0, r0, true), (c1, r1, true)]) if *c0 > 0 && *r0 > 0 && *c1 > 0 && *r1 > 0 => {
            c1 >= c0 && r1 >= r0
        }
        Some(_) => true,
    }
}

/// Every cell position an `.xlsx` file states — a sheet's `<dimension ref>`, each
/// `<row r>` and `<c r>` — inside a sheet (at most column `XFD`, row 1,048,576; a
/// dimension not ending before it starts) before calamine reads it: its reader adds the
/// letters and digits up, and subtracts a dimension's corners, in 32 bits, so `AAAAAAAAA1`
/// or `B2:A1` would overflow (a panic in a checked build, a wrong place in the others). Every part of the archive is walked, whatever its name, since
/// the workbook's relationships decide which part is a sheet; a part that is not
/// well-formed XML is left to calamine, which stops at the same event.
///
/// # Errors
/// `cell_reference` naming the first reference beyond a sheet.
pub(crate) fn xlsx(bytes: &[u8]) -> Result<()> {
    use quick_xml::events::Event;
    let Ok(mut archive) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        // calamine reports a broken archive itself.
        return Ok(());
    };
    for i in 0..archive.len() {
        let Ok(part) = archive.by_index(i) else {
            continue;
        };
        let mut reader = calamine_reader(part);
        let mut buf = Vec::new();
        loop {
            buf.clear();
            let e = match reader.read_event_into(&mut buf) {
                Ok(Event::Start(e)) => e,
                Ok(Event::Eof) | Err(_) => break,
                Ok(_) => continue,
            };
            let key = match e.local_name().as_ref() {
                "dimension" => "ref",
                "row" | "c" => "r",
                _ => continue,
            };
            for item in raw_attrs(e.attributes_raw()) {
                let Ok((k, v)) = item else { break };
                if k == key && !reference_fits(v) {
                    return Err(file_error(
                        "cell_reference",
                        &[("reference", v.to_string())],
                    ));
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::reference_fits;

    #[track_caller]
    fn fits(reference: &str, expected: bool) {
        assert_eq!(reference_fits(reference), expected, "{reference}");
    }

    #[test]
    fn references_inside_a_sheet_fit_and_overflowing_ones_do_not() {
        fits("A1", true);
        fits("XFD1048576", true);
        fits("A1:XFD1048576", true);
        fits("1048576", true);
        fits("b7", true);
        fits("A1$", true); // calamine refuses the `$` itself
        fits("XFE1", false);
        fits("A1048577", false);
        fits("AAAAAAAAA1", false);
        fits("A99999999999", false);
        fits("A1:AAAAAAAAAAAAAAAA1", false);
        fits("ZZZZZZZZZZZZ$", false);
        fits("B2:A1", false);
        fits("A2:B1", false);
        fits("A1:A1", true);
        fits("B2:A", true); // calamine refuses a corner without a row itself
    }
}
