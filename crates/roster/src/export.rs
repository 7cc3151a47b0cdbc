//! Export of results as CSV and XLSX (SPEC §9): numbers stay numbers; every text cell
//! that a spreadsheet would evaluate (starting with `=`, `+`, `-`, `@`, tab or carriage
//! return) is neutralised with a leading apostrophe — ids and names, and also grades,
//! ratings and level names, which come from a policy that may arrive by a share link.

use paygrade::error::{Error, ErrorKind, Result};
use paygrade::money::Money;
use paygrade::payroll::RosterPay;
use paygrade::projection::Drift;
use paygrade::scenario::SideTotals;

/// The columns of an exported roster (CSV and XLSX), in order.
const ROSTER_COLUMNS: [&str; 13] = [
    "id",
    "name",
    "grade",
    "coefficient_grade",
    "years_in_post",
    "composite_score",
    "rating",
    "assessment_factor",
    "base",
    "floating",
    "seniority",
    "performance",
    "total",
];

/// The text an in-memory CSV writer holds.
fn finish_csv(w: csv::Writer<Vec<u8>>) -> Result<String> {
    let bytes = w
        .into_inner()
        .map_err(|e| Error::new(ErrorKind::Internal(format!("CSV: {e}")), ""))?;
    String::from_utf8(bytes).map_err(|e| Error::new(ErrorKind::Internal(e.to_string()), ""))
}

/// Neutralise a text cell so a spreadsheet never evaluates it as a formula.
pub fn neutralise(text: &str) -> String {
    if needs_neutralising(text) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// Whether a spreadsheet would evaluate `text` (it starts with `=`, `+`, `-`, `@`, a tab
/// or a carriage return).
fn needs_neutralising(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Append `d` as its `Display` writes it (every digit of its scale, a `-` for a negative
/// sign), without the formatting machinery: the export writes millions of numbers.
fn write_decimal(out: &mut Vec<u8>, d: rust_decimal::Decimal) {
    // The digits right-aligned in `buf[start..]`, at least one before the point.
    let mut buf = [b'0'; 40];
    let mut start = buf.len();
    let mut put = |digit: u8| {
        start -= 1;
        if let Some(slot) = buf.get_mut(start) {
            *slot = b'0' + digit;
        }
    };
    let wide = d.mantissa().unsigned_abs();
    // 64-bit division where the mantissa fits (every amount of pay does): 128-bit
    // division by ten is a library call.
    match u64::try_from(wide) {
        Ok(mut n) => loop {
            put((n % 10) as u8);
            n /= 10;
            if n == 0 {
                break;
            }
        },
        Err(_) => {
            let mut n = wide;
            loop {
                put((n % 10) as u8);
                n /= 10;
                if n == 0 {
                    break;
                }
            }
        }
    }
    let scale = d.scale() as usize;
    // Zeros (the buffer's own) before the digits, up to one left of the point.
    start = start.min(buf.len().saturating_sub(scale + 1));
    if d.is_sign_negative() {
        out.push(b'-');
    }
    let point = buf.len() - scale;
    out.extend_from_slice(buf.get(start..point).unwrap_or_default());
    if scale > 0 {
        out.push(b'.');
        out.extend_from_slice(buf.get(point..).unwrap_or_default());
    }
}

/// The roster's breakdowns as CSV (UTF-8 with BOM so Excel opens Chinese text correctly):
/// one row per person, money as plain numbers with the policy's decimals.
///
/// # Errors
/// `invalid_value` if writing fails (it does not for in-memory output).
pub fn roster_csv(pay: &RosterPay) -> Result<String> {
    let fail = |e: csv::Error| Error::new(ErrorKind::Internal(format!("CSV: {e}")), "");
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(ROSTER_COLUMNS).map_err(fail)?;
    for b in &pay.results {
        let c = b.components;
        w.write_record([
            neutralise(&b.id),
            neutralise(&b.name),
            neutralise(&b.grade),
            neutralise(&b.coefficient_grade),
            b.years_in_post.to_string(),
            neutralise(&b.composite_score),
            neutralise(b.rating.as_deref().unwrap_or_default()),
            neutralise(&b.assessment_factor),
            c.base.to_string(),
            c.floating.to_string(),
            c.seniority.to_string(),
            c.performance.to_string(),
            b.total.to_string(),
        ])
        .map_err(fail)?;
    }
    let text = finish_csv(w)?;
    Ok(format!("\u{feff}{text}"))
}

/// A score above 0 and at most 1 as text with its unit (`0.5分`, `0.5 pts`), for an
/// export that must read back: the reader refuses such a score written bare, as a
/// percentage-formatted cell (`score_fraction`). `None` for any other score.
fn low_score_text(v: rust_decimal::Decimal, zh: bool) -> Option<String> {
    (v > rust_decimal::Decimal::ZERO && v <= rust_decimal::Decimal::ONE).then(|| {
        if zh {
            format!("{v}分")
        } else {
            format!("{v} pts")
        }
    })
}

/// Employees as a roster CSV with the English headers `parse_roster` reads back (SPEC §8):
/// id, name, level, band, employment, years_in_post, post_start, rural, the five scores,
/// composite_score, paid_days, exam, review, education, years_of_work. Text that a
/// spreadsheet would evaluate is neutralised.
///
/// # Errors
/// `invalid_value` if writing fails (it does not for in-memory output).
pub fn employees_csv(people: &[paygrade::Employee]) -> Result<String> {
    let fail = |e: csv::Error| Error::new(ErrorKind::Internal(format!("CSV: {e}")), "");
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "id",
        "name",
        "level",
        "band",
        "employment",
        "years_in_post",
        "post_start",
        "rural",
        "business",
        "customer_satisfaction",
        "supplier",
        "self",
        "marketing_audit",
        "composite_score",
        "paid_days",
        "exam",
        "review",
        "education",
        "years_of_work",
    ])
    .map_err(fail)?;
    let opt = |d: Option<rust_decimal::Decimal>| d.map(|d| d.to_string()).unwrap_or_default();
    let score = |d: Option<rust_decimal::Decimal>| {
        d.and_then(|v| low_score_text(v, false))
            .unwrap_or_else(|| opt(d))
    };
    for e in people {
        let s = e.scores.clone().unwrap_or_default();
        let g = e.grading.clone().unwrap_or_default();
        w.write_record([
            neutralise(&e.id),
            neutralise(&e.name),
            neutralise(&e.level),
            neutralise(e.band.as_deref().unwrap_or("")),
            e.employment.name().to_string(),
            e.years_in_post.map(|y| y.to_string()).unwrap_or_default(),
            e.post_start.map(|d| d.to_string()).unwrap_or_default(),
            if e.rural { "yes" } else { "no" }.to_string(),
            score(s.business),
            score(s.customer_satisfaction),
            score(s.supplier),
            score(s.self_),
            score(s.marketing_audit),
            score(e.composite_score),
            opt(e.paid_days),
            score(g.exam),
            score(g.review),
            e.education
                .map(|x| x.name().to_string())
                .unwrap_or_default(),
            e.years_of_work.map(|y| y.to_string()).unwrap_or_default(),
        ])
        .map_err(fail)?;
    }
    finish_csv(w)
}

/// The roster's breakdowns as an XLSX workbook: text cells are strings (never formulas,
/// so `=HYPERLINK(…)` stays text), money and scores are numbers with two decimals.
///
/// # Errors
/// `invalid_value` if the workbook cannot be written (it can for in-memory output).
pub fn roster_xlsx(pay: &RosterPay) -> Result<Vec<u8>> {
    use rust_xlsxwriter::{Format, Workbook};
    let fail =
        |e: rust_xlsxwriter::XlsxError| Error::new(ErrorKind::Internal(format!("XLSX: {e}")), "");
    let mut book = Workbook::new();
    let money = Format::new().set_num_format("0.00");
    let sheet = book.add_worksheet();
    sheet.set_name("pay").map_err(fail)?;
    for (c, h) in ROSTER_COLUMNS.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).map_err(fail)?;
    }
    for (i, b) in pay.results.iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write_string(r, 0, &b.id).map_err(fail)?;
        sheet.write_string(r, 1, &b.name).map_err(fail)?;
        sheet.write_string(r, 2, &b.grade).map_err(fail)?;
        sheet
            .write_string(r, 3, &b.coefficient_grade)
            .map_err(fail)?;
        sheet
            .write_number(r, 4, f64::from(b.years_in_post))
            .map_err(fail)?;
        sheet
            .write_number(r, 5, paygrade::money::to_f64_lossy(b.composite))
            .map_err(fail)?;
        sheet
            .write_string(r, 6, b.rating.as_deref().unwrap_or(""))
            .map_err(fail)?;
        sheet
            .write_number(r, 7, paygrade::money::to_f64_lossy(b.factor))
            .map_err(fail)?;
        for (k, m) in b
            .components
            .to_array()
            .into_iter()
            .chain([b.total])
            .enumerate()
        {
            sheet
                .write_number_with_format(
                    r,
                    8 + k as u16,
                    paygrade::money::to_f64_lossy(m.amount()),
                    &money,
                )
                .map_err(fail)?;
        }
    }
    book.save_to_buffer().map_err(fail)
}

/// The language of an export's headers and values (SPEC §9): `zh` or `en`.
pub use paygrade_text::Lang;

/// The input columns of a re-importable export, as `(English, 中文)` headers that
/// `parse_roster` reads back (SPEC §8).
const INPUT_COLUMNS: [(&str, &str); 19] = [
    ("id", "工号"),
    ("name", "姓名"),
    ("level", "等级"),
    ("band", "档次"),
    ("employment", "用工性质"),
    ("years_in_post", "岗位年限"),
    ("post_start", "入岗日期"),
    ("rural", "农村"),
    ("business", "经营业绩"),
    ("customer_satisfaction", "客户满意度"),
    ("supplier", "工业企业评价"),
    ("self", "自我评价"),
    ("marketing_audit", "营销部审核评价"),
    ("composite_score", "综合得分"),
    ("paid_days", "计薪天数"),
    ("exam", "考试成绩"),
    ("review", "综合评议"),
    ("education", "学历"),
    ("years_of_work", "工作年限"),
];

/// The result columns after the inputs: headers the import recognises as results and
/// skips without a warning.
pub const RESULT_COLUMNS: [(&str, &str); 11] = [
    ("result_grade", "定级"),
    ("result_coefficient_grade", "系数档"),
    ("result_years", "计算年限"),
    ("result_composite", "计算综合得分"),
    ("result_rating", "考核等次"),
    ("result_factor", "考核系数"),
    ("result_base", "基本岗位工资"),
    ("result_floating", "岗位浮动工资"),
    ("result_seniority", "年功工资"),
    ("result_performance", "效益工资"),
    ("result_total", "应发合计"),
];

/// Whether a header is one of an export's result columns (English or Chinese): a roster
/// export's ([`RESULT_COLUMNS`]) or a comparison export's (`baseline_base`,
/// `基本工资（方案）`, `difference_total` …).
pub fn is_result_header(header: &str) -> bool {
    let h = header.trim();
    let current = |h: &str| {
        RESULT_COLUMNS.iter().any(|(en, zh)| *en == h || *zh == h) || is_comparison_header(h)
    };
    // An older export's names (基本工资, 基本工资（基准）…) read as today's.
    current(h)
        || FORMER_PART_NAMES.iter().any(|(new, old)| {
            h.strip_prefix(old)
                .is_some_and(|rest| current(&format!("{new}{rest}")))
        })
}

/// One exported cell: text (neutralised when written) or an exact number. Text is
/// borrowed from the person or their pay where it can be.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportCell<'a> {
    /// Text.
    Text(std::borrow::Cow<'a, str>),
    /// A number, exact.
    Number(rust_decimal::Decimal),
    /// Money (a thousands-separator format in XLSX).
    Money(rust_decimal::Decimal),
    /// A date: `YYYY-MM-DD` in CSV, a date cell in a `yyyy-mm-dd` format in XLSX (so
    /// Excel sorts and filters it as a date); both read back as the same date.
    Date(chrono::NaiveDate),
    /// Nothing.
    Empty,
}

fn level_zh(level: &str) -> &str {
    match level {
        "senior" => "高级",
        "intermediate" => "中级",
        "junior" => "初级",
        "trainee" => "见习",
        other => other,
    }
}

/// A level as the English export writes it: the default ladder's Chinese names as ids
/// (中级 → intermediate; the import reads both), any other level as given.
fn level_en(level: &str) -> &str {
    match level {
        "高级" => "senior",
        "中级" => "intermediate",
        "初级" => "junior",
        "见习" => "trainee",
        other => other,
    }
}

/// An education level in Chinese, as the import reads it back (本科 → bachelor).
fn education_zh(education: paygrade::policy::Education) -> &'static str {
    use paygrade::policy::Education as E;
    match education {
        E::None => "无",
        E::Secondary => "中专",
        E::Associate => "大专",
        E::Bachelor => "本科",
        E::Master => "硕士",
        E::Doctorate => "博士",
    }
}

fn grade_zh(grade: &str) -> String {
    match grade.split_once('-') {
        Some((level, band)) => format!("{}{band}", level_zh(level)),
        None => level_zh(grade).to_string(),
    }
}

fn rating_zh(rating: &str) -> &str {
    match rating {
        "excellent" => "优秀",
        "good" => "良好",
        "qualified" => "合格",
        "basically_qualified" => "基本合格",
        "unqualified" => "不合格",
        other => other,
    }
}

/// The headers of a re-importable export in `lang`: the inputs, then the results.
pub fn export_headers(lang: Lang) -> Vec<&'static str> {
    INPUT_COLUMNS
        .iter()
        .chain(RESULT_COLUMNS.iter())
        .map(|(en, zh)| lang.pick(zh, en))
        .collect()
}

/// One person's input columns of a re-importable export (SPEC §8, §9), in `lang`: the
/// cells of [`INPUT_COLUMNS`], as `parse_roster` reads them back.
fn input_cells(e: &paygrade::Employee, lang: Lang) -> [ExportCell<'_>; 19] {
    use std::borrow::Cow::{Borrowed as B, Owned as O};
    use ExportCell::{Empty, Number as N, Text as T};
    let zh = lang == Lang::Zh;
    let num = |d: Option<rust_decimal::Decimal>| d.map_or(Empty, N);
    // A score above 0 and at most 1 is written with its unit (`0.5分`, `0.5 pts`): a bare
    // number there reads back as a percentage-formatted cell and is refused
    // (`score_fraction`).
    let points = |d: Option<rust_decimal::Decimal>| match d {
        Some(v) if v > rust_decimal::Decimal::ZERO && v <= rust_decimal::Decimal::ONE => {
            T(O(if zh {
                format!("{v}分")
            } else {
                format!("{v} pts")
            }))
        }
        d => num(d),
    };
    let (s, g) = (e.scores.as_ref(), e.grading.as_ref());
    let score = |f: fn(&paygrade::evaluation::Scores) -> Option<rust_decimal::Decimal>| {
        points(s.and_then(f))
    };
    let level = if zh {
        level_zh(&e.level)
    } else {
        level_en(&e.level)
    };
    let employment = match (zh, e.employment.name()) {
        (true, "regular") => "在册",
        (true, "contract") => "聘用",
        (_, other) => other,
    };
    let rural = match (zh, e.rural) {
        (true, true) => "是",
        (true, false) => "否",
        (false, true) => "yes",
        (false, false) => "no",
    };
    [
        T(B(&e.id)),
        T(B(&e.name)),
        T(B(level)),
        e.band.as_deref().map_or(Empty, |b| T(B(b))),
        T(B(employment)),
        e.years_in_post.map_or(Empty, |y| N(y.into())),
        e.post_start.map_or(Empty, ExportCell::Date),
        T(B(rural)),
        score(|s| s.business),
        score(|s| s.customer_satisfaction),
        score(|s| s.supplier),
        score(|s| s.self_),
        score(|s| s.marketing_audit),
        points(e.composite_score),
        num(e.paid_days),
        points(g.and_then(|g| g.exam)),
        points(g.and_then(|g| g.review)),
        e.education
            .map_or(Empty, |x| T(B(if zh { education_zh(x) } else { x.name() }))),
        e.years_of_work.map_or(Empty, |y| N(y.into())),
    ]
}

/// Each person's row of a re-importable export (SPEC §9): the input columns first (as
/// `parse_roster` reads them back, in `lang`), the results after. `people` and `pay`
/// are in the same order.
pub fn export_rows<'a>(
    people: &'a [paygrade::Employee],
    pay: &'a RosterPay,
    lang: Lang,
) -> Vec<Vec<ExportCell<'a>>> {
    people
        .iter()
        .zip(&pay.results)
        .map(|(e, b)| export_row(e, b, lang))
        .collect()
}

/// A person's result cells as an export writes them (SPEC §9), borrowed from their
/// [`paygrade::Breakdown`] or from their [`paygrade::payroll::Pay`] and the policy's
/// names — the same cells either way.
struct ResultCells<'a> {
    grade: &'a str,
    coefficient_grade: &'a str,
    years_in_post: u32,
    /// At least two decimals.
    composite: rust_decimal::Decimal,
    rating: &'a str,
    /// At least two decimals.
    factor: rust_decimal::Decimal,
    components: paygrade::payroll::Components,
    total: Money,
}

impl<'a> ResultCells<'a> {
    fn of_breakdown(b: &'a paygrade::Breakdown) -> Self {
        ResultCells {
            grade: &b.grade,
            coefficient_grade: &b.coefficient_grade,
            years_in_post: b.years_in_post,
            composite: b.composite,
            rating: b.rating.as_deref().unwrap_or_default(),
            factor: b.factor,
            components: b.components,
            total: b.total,
        }
    }

    fn of_pay(policy: &'a paygrade::policy::CheckedPolicy, pay: &paygrade::payroll::Pay) -> Self {
        let ladder = policy.ladder();
        let performance = &policy.policy().performance;
        ResultCells {
            grade: ladder.grade_str(pay.grade),
            coefficient_grade: ladder.grade_str(pay.coefficient_grade),
            years_in_post: pay.years_in_post,
            composite: paygrade::number::at_least_2(pay.composite),
            rating: paygrade::evaluation::rating_id(performance, pay.rating).unwrap_or_default(),
            factor: paygrade::number::at_least_2(pay.factor),
            components: pay.components,
            total: pay.total,
        }
    }
}

/// One person's row of [`export_rows`].
fn export_row<'a>(
    e: &'a paygrade::Employee,
    b: &'a paygrade::Breakdown,
    lang: Lang,
) -> Vec<ExportCell<'a>> {
    row_cells(e, &ResultCells::of_breakdown(b), lang)
}

/// The whole row of `e` with result cells `r`: the inputs, then the results.
fn row_cells<'a>(
    e: &'a paygrade::Employee,
    r: &ResultCells<'a>,
    lang: Lang,
) -> Vec<ExportCell<'a>> {
    let (inputs, results) = (input_cells(e, lang), result_cells(r, lang));
    let mut row = Vec::with_capacity(inputs.len() + results.len());
    row.extend(inputs);
    row.extend(results);
    row
}

/// The result cells `r` of a row of a re-importable export, after the inputs.
fn result_cells<'a>(r: &ResultCells<'a>, lang: Lang) -> [ExportCell<'a>; 11] {
    use std::borrow::Cow::{Borrowed as B, Owned as O};
    use ExportCell::{Money as M, Number as N, Text as T};
    let zh = lang == Lang::Zh;
    let c = r.components;
    [
        T(if zh { O(grade_zh(r.grade)) } else { B(r.grade) }),
        T(if zh {
            O(grade_zh(r.coefficient_grade))
        } else {
            B(r.coefficient_grade)
        }),
        N(r.years_in_post.into()),
        N(r.composite),
        T(B(if zh { rating_zh(r.rating) } else { r.rating })),
        N(r.factor),
        M(c.base.amount()),
        M(c.floating.amount()),
        M(c.seniority.amount()),
        M(c.performance.amount()),
        M(r.total.amount()),
    ]
}

/// A re-importable roster export as CSV (UTF-8 with BOM): inputs first, results after,
/// in `lang`; every text cell neutralised against formula evaluation.
///
/// # Errors
/// `invalid_value` if writing fails (it does not for in-memory output).
pub fn roster_export_csv(
    people: &[paygrade::Employee],
    pay: &RosterPay,
    lang: Lang,
) -> Result<String> {
    let mut out = RosterCsv::new(Vec::new(), lang)?;
    for (e, b) in people.iter().zip(&pay.results) {
        out.push(e, b)?;
    }
    String::from_utf8(out.finish()?).map_err(|e| Error::new(ErrorKind::Internal(e.to_string()), ""))
}

/// A re-importable roster export as CSV written person by person to `W` (the bytes of
/// [`roster_export_csv`]): the BOM and header first, then each row as it is pushed, so a
/// roster of any length is written without holding its rows. Each row is put together
/// in one buffer — numbers written directly, text quoted where the `csv` crate's writer
/// quotes it (its `csv_core` rules: `,`, `"`, CR or LF; quotes doubled) — and written
/// whole: the same bytes as `csv::Writer`, field by field.
pub struct RosterCsv<W: std::io::Write> {
    out: std::io::BufWriter<W>,
    lang: Lang,
    /// Which text needs quotes (the default `csv` writer's rules, asked, never copied).
    quoting: csv_core::Writer,
    /// The row being put together (its buffer kept from row to row).
    line: Vec<u8>,
}

impl<W: std::io::Write> RosterCsv<W> {
    /// Start the export in `lang`: the BOM and the header row.
    ///
    /// # Errors
    /// `internal` if `out` fails.
    pub fn new(out: W, lang: Lang) -> Result<Self> {
        use std::io::Write;
        let mut csv = RosterCsv {
            out: std::io::BufWriter::with_capacity(1 << 16, out),
            lang,
            quoting: csv_core::Writer::new(),
            line: Vec::with_capacity(512),
        };
        csv.out
            .write_all("\u{feff}".as_bytes())
            .map_err(io_failed)?;
        let header: Vec<ExportCell<'_>> = export_headers(lang)
            .into_iter()
            .map(|h| ExportCell::Text(std::borrow::Cow::Borrowed(h)))
            .collect();
        csv.write_cells(&header)?;
        Ok(csv)
    }

    /// Write one person's row: their inputs `e` and their pay `b`.
    ///
    /// # Errors
    /// `internal` if the output fails.
    pub fn push(&mut self, e: &paygrade::Employee, b: &paygrade::Breakdown) -> Result<()> {
        self.write_row(e, &ResultCells::of_breakdown(b))
    }

    /// Write one person's row from their pay as figures ([`paygrade::payroll::Pay`] under
    /// `policy`): the same bytes as [`RosterCsv::push`] with their breakdown.
    ///
    /// # Errors
    /// `internal` if the output fails.
    pub fn push_pay(
        &mut self,
        policy: &paygrade::policy::CheckedPolicy,
        e: &paygrade::Employee,
        pay: &paygrade::payroll::Pay,
    ) -> Result<()> {
        self.write_row(e, &ResultCells::of_pay(policy, pay))
    }

    /// Write the row of `e` with result cells `r`.
    fn write_row(&mut self, e: &paygrade::Employee, r: &ResultCells<'_>) -> Result<()> {
        let row = row_cells(e, r, self.lang);
        self.write_cells(&row)
    }

    /// Write one record: the cells, comma-separated, then a line feed.
    fn write_cells(&mut self, cells: &[ExportCell<'_>]) -> Result<()> {
        use std::io::Write;
        self.line.clear();
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                self.line.push(b',');
            }
            match cell {
                ExportCell::Text(t) => {
                    let prefix: &[u8] = if needs_neutralising(t) { b"'" } else { b"" };
                    let text = t.as_bytes();
                    if self.quoting.should_quote(text) {
                        self.line.push(b'"');
                        self.line.extend_from_slice(prefix);
                        for part in text.split_inclusive(|&b| b == b'"') {
                            self.line.extend_from_slice(part);
                            if part.ends_with(b"\"") {
                                self.line.push(b'"');
                            }
                        }
                        self.line.push(b'"');
                    } else {
                        self.line.extend_from_slice(prefix);
                        self.line.extend_from_slice(text);
                    }
                }
                ExportCell::Number(d) | ExportCell::Money(d) => {
                    write_decimal(&mut self.line, *d);
                }
                ExportCell::Date(d) => {
                    use std::io::Write as _;
                    // Writing into a Vec cannot fail.
                    let _ = write!(self.line, "{d}");
                }
                ExportCell::Empty => {}
            }
        }
        // A record of one empty field is written `""`, as `csv::Writer` writes it (a bare
        // empty line would read back as no record).
        if cells.len() == 1 && self.line.is_empty() {
            self.line.extend_from_slice(b"\"\"");
        }
        self.line.push(b'\n');
        self.out.write_all(&self.line).map_err(io_failed)
    }

    /// Flush and hand back the output.
    ///
    /// # Errors
    /// `internal` if the output fails.
    pub fn finish(self) -> Result<W> {
        self.out
            .into_inner()
            .map_err(|e| Error::new(ErrorKind::Internal(format!("CSV: {}", e.error())), ""))
    }
}

fn io_failed(e: std::io::Error) -> Error {
    Error::new(ErrorKind::Internal(format!("CSV: {e}")), "")
}

/// An export cell as CSV text: text neutralised, numbers and money as plain exact numbers.
fn csv_text(c: &ExportCell<'_>) -> String {
    match c {
        ExportCell::Text(t) => neutralise(t),
        ExportCell::Number(d) | ExportCell::Money(d) => d.to_string(),
        ExportCell::Date(d) => d.to_string(),
        ExportCell::Empty => String::new(),
    }
}

/// A re-importable roster export as XLSX: inputs first, results after, in `lang`; text
/// as string cells (never formulas, and neutralised like CSV), money as numbers in a
/// `#,##0.00` format, a frozen header, column widths, and a totals row (合计 / total)
/// below the people — the import stops at it as it has no level.
///
/// # Errors
/// `invalid_value` if the workbook cannot be written.
pub fn roster_export_xlsx(
    people: &[paygrade::Employee],
    pay: &RosterPay,
    lang: Lang,
) -> Result<Vec<u8>> {
    table_xlsx(
        if lang == Lang::Zh { "工资" } else { "pay" },
        &export_headers(lang),
        &export_rows(people, pay, lang),
        lang,
    )
}

/// The person of the roster template's example row: SPEC §11 example 1 (an
/// intermediate-B contract manager, 12 years in post, rural, the five scores) — 3,872.00
/// a month under the default policy.
const TEMPLATE_EXAMPLE: &str = r#"{ "id": "E001", "name": "示例", "level": "intermediate", "band": "B",
  "employment": "contract", "years_in_post": 12, "rural": true,
  "scores": { "business": "92", "customer_satisfaction": "88", "supplier": "85",
              "self": "95", "marketing_audit": "80" } }"#;

/// The example row's name in each language (`TEMPLATE_EXAMPLE` in Chinese).
const TEMPLATE_EXAMPLE_NAMES: [&str; 2] = ["示例", "Example"];

/// Whether `e` is the roster template's example person, left in a roster as it was
/// downloaded (id E001, named 示例 or Example): read, and noted (`template_example_row`).
pub(crate) fn is_template_example(e: &paygrade::Employee) -> bool {
    e.id == "E001" && TEMPLATE_EXAMPLE_NAMES.contains(&e.name.as_str())
}

/// What the template's second sheet says about each column, in `lang`.
fn template_notes(lang: Lang) -> &'static [&'static str] {
    if lang == Lang::Zh {
        &[
            "填表说明（本页不会被读取；花名册在第一个工作表）",
            "第一行是表头，每人一行；表头上方可以有标题行，末尾的合计行会被跳过；示例行 E001 请删去或改成真实人员。",
            "必填：工号；等级（见习、初级、中级、高级）；档次（A、B、C，见习不填）；用工性质（在册 或 聘用）。",
            "岗位年限（整数）与入岗日期（如 2014-03-01、2014/3/1、2014年3月1日）二选一，每人只填其中一个。",
            "评分按 0–100 分填写：经营业绩、客户满意度、工业企业评价、自我评价、营销部审核评价五项，或只填综合得分。不要把分数列设成百分比格式（94% 会存为 0.94）。",
            "农村：是 或 否（不填为否）。计薪天数：不填为全月出勤。",
            "年度定级用（可不填）：考试成绩、综合评议（0–100 分），学历（无、中专、大专、本科、硕士、博士），工作年限（整数）。",
        ]
    } else {
        &[
            "How to fill in the roster (this sheet is not read; the roster is the first sheet)",
            "The first row is the header, then one row per person; title rows above the header are allowed and a totals row at the end is skipped. Delete the example row E001 or overwrite it.",
            "Required: id; level (trainee, junior, intermediate, senior); band (A, B, C; none for a trainee); employment (regular or contract).",
            "Either years_in_post (a whole number) or post_start (2014-03-01, 2014/3/1), one of the two per person.",
            "Scores are points from 0 to 100: the five evaluations (business, customer_satisfaction, supplier, self, marketing_audit), or composite_score alone. Do not format score columns as percentages (94% is stored as 0.94).",
            "rural: yes or no (empty is no). paid_days: empty for a full month.",
            "For the annual grading (optional): exam and review (0–100), education (none, secondary, associate, bachelor, master, doctorate), years_of_work (a whole number).",
        ]
    }
}

/// A blank roster to fill in, as an XLSX workbook in `lang`: the first sheet holds the
/// input columns of a re-importable export (SPEC §8; bold frozen header) and one example
/// row ([`TEMPLATE_EXAMPLE`]), the second the notes on each column. Read back, it is a
/// roster of that one person; the notes sheet, not being first, is never read.
///
/// # Errors
/// `internal` if the workbook cannot be written.
pub fn roster_template_xlsx(lang: Lang) -> Result<Vec<u8>> {
    use rust_xlsxwriter::{DataValidation, DataValidationErrorStyle, Format, Workbook};
    let fail =
        |e: rust_xlsxwriter::XlsxError| Error::new(ErrorKind::Internal(format!("XLSX: {e}")), "");
    let mut example = paygrade::Employee::from_json(TEMPLATE_EXAMPLE)?;
    let zh = lang == Lang::Zh;
    if !zh {
        example.name = TEMPLATE_EXAMPLE_NAMES[1].to_string();
    }
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet();
    sheet
        .set_name(if zh { "花名册" } else { "roster" })
        .map_err(fail)?;
    for (c, (en, cn)) in INPUT_COLUMNS.iter().enumerate() {
        let h = if zh { *cn } else { *en };
        sheet
            .write_string_with_format(0, c as u16, h, &bold)
            .map_err(fail)?;
        sheet
            .set_column_width(c as u16, column_width(c, h, false))
            .map_err(fail)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(fail)?;
    for (c, cell) in input_cells(&example, lang).iter().enumerate() {
        let c = c as u16;
        match cell {
            ExportCell::Text(t) => sheet.write_string(1, c, neutralise(t)).map(|_| ()),
            ExportCell::Number(d) | ExportCell::Money(d) => sheet
                .write_number(1, c, paygrade::money::to_f64_lossy(*d))
                .map(|_| ()),
            ExportCell::Date(d) => xlsx_date(sheet, 1, c, *d),
            ExportCell::Empty => Ok(()),
        }
        .map_err(fail)?;
    }
    // Drop-downs for the columns with a fixed set of values, in the template's language.
    // Off the list is a warning, not a refusal: the import reads other spellings too
    // (中级 and intermediate, 正式 …), and a pasted column should not be blocked.
    for (column, values) in template_lists(lang) {
        let header = INPUT_COLUMNS
            .get(usize::from(column))
            .map_or("", |(en, cn)| lang.pick(cn, en));
        let message = if zh {
            format!("请从下拉列表中选择：{}", values.join("、"))
        } else {
            format!("Choose from the list: {}", values.join(", "))
        };
        let list = DataValidation::new()
            .allow_list_strings(&values)
            .and_then(|v| v.set_error_title(header))
            .and_then(|v| v.set_error_message(message))
            .map_err(fail)?
            .set_error_style(DataValidationErrorStyle::Warning);
        sheet
            .add_data_validation(1, column, TEMPLATE_LAST_ROW, column, &list)
            .map_err(fail)?;
    }
    let notes = book.add_worksheet();
    notes
        .set_name(if zh { "填表说明" } else { "notes" })
        .map_err(fail)?;
    notes.set_column_width(0, 120).map_err(fail)?;
    for (r, line) in template_notes(lang).iter().enumerate() {
        if r == 0 {
            notes.write_string_with_format(0, 0, *line, &bold)
        } else {
            notes.write_string(r as u32, 0, *line)
        }
        .map_err(fail)?;
    }
    book.save_to_buffer().map_err(fail)
}

/// The template's drop-downs reach the sheet's last row (Excel's row 1,048,576).
const TEMPLATE_LAST_ROW: u32 = 1_048_575;

/// The template's columns with a fixed set of values (by column index in
/// [`INPUT_COLUMNS`]) and those values in `lang`, as the import reads them back: level
/// (the default ladder's, SPEC §2), band, employment, rural, education.
fn template_lists(lang: Lang) -> [(u16, Vec<&'static str>); 5] {
    use paygrade::policy::Education as E;
    let zh = lang == Lang::Zh;
    let pick = |cn: &[&'static str], en: &[&'static str]| if zh { cn } else { en }.to_vec();
    let education = [
        E::None,
        E::Secondary,
        E::Associate,
        E::Bachelor,
        E::Master,
        E::Doctorate,
    ]
    .map(|e| if zh { education_zh(e) } else { e.name() });
    [
        (
            2,
            pick(
                &["见习", "初级", "中级", "高级"],
                &["trainee", "junior", "intermediate", "senior"],
            ),
        ),
        (3, vec!["A", "B", "C"]),
        (4, pick(&["在册", "聘用"], &["regular", "contract"])),
        (7, pick(&["是", "否"], &["yes", "no"])),
        (17, education.to_vec()),
    ]
}

/// A table of export cells as CSV text (UTF-8 with BOM so Excel opens Chinese text
/// correctly): text neutralised, numbers and money as plain exact numbers.
fn table_csv<'a, R: AsRef<[ExportCell<'a>]>>(
    headers: &[&str],
    rows: impl IntoIterator<Item = R>,
) -> Result<String> {
    let fail = |e: csv::Error| Error::new(ErrorKind::Internal(format!("CSV: {e}")), "");
    let mut w = csv::Writer::from_writer("\u{feff}".as_bytes().to_vec());
    w.write_record(headers).map_err(fail)?;
    for row in rows {
        w.write_record(row.as_ref().iter().map(csv_text))
            .map_err(fail)?;
    }
    finish_csv(w)
}

/// A date cell in a `yyyy-mm-dd` format (what the roster's own dates look like); a date
/// Excel cannot hold (before 1900 or after 9999) as its `YYYY-MM-DD` text, which reads
/// back the same.
fn xlsx_date(
    sheet: &mut rust_xlsxwriter::Worksheet,
    row: u32,
    column: u16,
    date: chrono::NaiveDate,
) -> std::result::Result<(), rust_xlsxwriter::XlsxError> {
    use chrono::Datelike;
    let format = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    let excel = u16::try_from(date.year()).ok().and_then(|year| {
        rust_xlsxwriter::ExcelDateTime::from_ymd(year, date.month() as u8, date.day() as u8).ok()
    });
    match excel {
        Some(excel) => sheet.write_datetime_with_format(row, column, &excel, &format),
        None => sheet.write_string(row, column, date.to_string()),
    }
    .map(|_| ())
}

/// How wide a column is shown (in Excel's character widths): room for its header (a CJK
/// character counts two), at least 12 for money (and dates) and the id and name, 10 for
/// the rest.
fn column_width(c: usize, header: &str, money: bool) -> f64 {
    let text: usize = header
        .chars()
        .map(|ch| if ch.is_ascii() { 1 } else { 2 })
        .sum();
    let least = if money || c < 2 { 12 } else { 10 };
    (text + 2).max(least) as f64
}

/// A table of export cells as a one-sheet XLSX workbook: a bold, frozen header row,
/// column widths, text as string cells (neutralised), numbers as numbers, money in a
/// `#,##0.00` (thousands separator) format, and below a blank row a totals row (合计 /
/// total in the first column) with the exact sum of every money column.
fn table_xlsx(
    sheet_name: &str,
    headers: &[&str],
    rows: &[Vec<ExportCell<'_>>],
    lang: Lang,
) -> Result<Vec<u8>> {
    use rust_xlsxwriter::{Format, Workbook};
    let fail =
        |e: rust_xlsxwriter::XlsxError| Error::new(ErrorKind::Internal(format!("XLSX: {e}")), "");
    let mut book = Workbook::new();
    let money = Format::new().set_num_format("#,##0.00");
    let bold = Format::new().set_bold();
    let bold_money = Format::new().set_bold().set_num_format("#,##0.00");
    let sheet = book.add_worksheet();
    sheet.set_name(sheet_name).map_err(fail)?;
    // Money and dates are wider than their headers; a narrow date shows as ####.
    let is_money = |c: usize| {
        rows.iter()
            .any(|row| matches!(row.get(c), Some(ExportCell::Money(_) | ExportCell::Date(_))))
    };
    for (c, h) in headers.iter().enumerate() {
        sheet
            .write_string_with_format(0, c as u16, *h, &bold)
            .map_err(fail)?;
        sheet
            .set_column_width(c as u16, column_width(c, h, is_money(c)))
            .map_err(fail)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(fail)?;
    for (i, row) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                ExportCell::Text(t) => sheet.write_string(r, c, neutralise(t)).map(|_| ()),
                ExportCell::Number(d) => sheet
                    .write_number(r, c, paygrade::money::to_f64_lossy(*d))
                    .map(|_| ()),
                ExportCell::Money(d) => sheet
                    .write_number_with_format(r, c, paygrade::money::to_f64_lossy(*d), &money)
                    .map(|_| ()),
                ExportCell::Date(d) => xlsx_date(sheet, r, c, *d),
                ExportCell::Empty => Ok(()),
            }
            .map_err(fail)?;
        }
    }
    // Totals: the sum of each money column, exact.
    let r = rows.len() as u32 + 2;
    sheet
        .write_string_with_format(r, 0, if lang == Lang::Zh { "合计" } else { "total" }, &bold)
        .map_err(fail)?;
    for c in (0..headers.len()).filter(|&c| is_money(c)) {
        let sum = rows
            .iter()
            .filter_map(|row| match row.get(c) {
                Some(ExportCell::Money(d)) => Some(*d),
                _ => None,
            })
            .try_fold(rust_decimal::Decimal::ZERO, |a, b| a.checked_add(b))
            .ok_or_else(|| Error::new(ErrorKind::Overflow, "totals"))?;
        sheet
            .write_number_with_format(r, c as u16, paygrade::money::to_f64_lossy(sum), &bold_money)
            .map_err(fail)?;
    }
    book.save_to_buffer().map_err(fail)
}

/// The components of a comparison export, in order, as `(English, 中文)`: the four
/// components and the monthly total.
const COMPARISON_PARTS: [(&str, &str); 5] = [
    ("base", "基本岗位工资"),
    ("floating", "岗位浮动工资"),
    ("seniority", "年功工资"),
    ("performance", "效益工资"),
    ("total", "应发合计"),
];

/// The Chinese component names exports used before they took the page's and the seed's
/// terms (SPEC §1: 基本岗位工资, 岗位浮动工资, 效益工资), as `(new, old)`: an older
/// export's result columns are still recognised, and skipped, when it is read back.
const FORMER_PART_NAMES: [(&str, &str); 3] = [
    ("基本岗位工资", "基本工资"),
    ("岗位浮动工资", "浮动工资"),
    ("效益工资", "绩效工资"),
];

/// The three columns of each component in a comparison export, as `(English, 中文)`.
const COMPARISON_SIDES: [(&str, &str); 3] = [
    ("baseline", "基准"),
    ("proposal", "方案"),
    ("difference", "差额"),
];

/// A comparison column's header: `baseline_base` / `基本工资（基准）`.
fn comparison_header(part: (&str, &str), side: (&str, &str), lang: Lang) -> String {
    if lang == Lang::Zh {
        format!("{}（{}）", part.1, side.1)
    } else {
        format!("{}_{}", side.0, part.0)
    }
}

/// Whether a header is one of a comparison export's baseline / proposal / difference
/// columns (English or Chinese).
fn is_comparison_header(header: &str) -> bool {
    COMPARISON_PARTS.iter().any(|&part| {
        COMPARISON_SIDES.iter().any(|&side| {
            [Lang::Zh, Lang::En]
                .iter()
                .any(|&lang| comparison_header(part, side, lang) == header)
        })
    })
}

/// The headers of a comparison export in `lang`: the input columns, then for each
/// component and the total its baseline, proposal and difference columns.
pub fn comparison_headers(lang: Lang) -> Vec<String> {
    let inputs = INPUT_COLUMNS
        .iter()
        .map(|(en, zh)| lang.pick(zh, en).to_string());
    let results = COMPARISON_PARTS.iter().flat_map(|&part| {
        COMPARISON_SIDES
            .iter()
            .map(move |&side| comparison_header(part, side, lang))
    });
    inputs.chain(results).collect()
}

/// Each person's row of a comparison export (SPEC §5, §9): the input columns (as
/// `parse_roster` reads them back, in `lang`), then for the base wage, floating wage,
/// seniority pay, performance pay and the total the amount under the baseline, under the
/// proposal and the difference (proposal − baseline), exact. `people`, `baseline` and
/// `proposal` are the same people in the same order (as `paygrade_team::compare_pay`
/// pays them).
///
/// # Errors
/// `internal` if the two sides are not the same people; `overflow` if a difference
/// does not fit.
pub fn comparison_rows<'a>(
    people: &'a [paygrade::Employee],
    baseline: &RosterPay,
    proposal: &RosterPay,
    lang: Lang,
) -> Result<Vec<Vec<ExportCell<'a>>>> {
    let same = baseline.results.len() == people.len()
        && proposal.results.len() == people.len()
        && baseline
            .results
            .iter()
            .zip(&proposal.results)
            .all(|(b, p)| b.id == p.id);
    if !same {
        return Err(Error::new(
            ErrorKind::Internal("the comparison's two sides are not the same people".into()),
            "",
        ));
    }
    people
        .iter()
        .zip(baseline.results.iter().zip(&proposal.results))
        .map(|(e, (b, p))| {
            let inputs = input_cells(e, lang);
            let mut row = Vec::with_capacity(inputs.len() + 15);
            row.extend(inputs);
            let before = b.components.to_array().into_iter().chain([b.total]);
            let after = p.components.to_array().into_iter().chain([p.total]);
            for (x, y) in before.zip(after) {
                let d = y.checked_sub(x, "difference")?;
                row.extend([
                    ExportCell::Money(x.amount()),
                    ExportCell::Money(y.amount()),
                    ExportCell::Money(d.amount()),
                ]);
            }
            Ok(row)
        })
        .collect()
}

/// A comparison as CSV (UTF-8 with BOM), in `lang`: the rows of [`comparison_rows`]
/// under [`comparison_headers`]; every text cell neutralised. It imports again as a
/// roster (the comparison columns are skipped without a warning).
///
/// # Errors
/// Those of [`comparison_rows`].
pub fn comparison_export_csv(
    people: &[paygrade::Employee],
    baseline: &RosterPay,
    proposal: &RosterPay,
    lang: Lang,
) -> Result<String> {
    let headers = comparison_headers(lang);
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    table_csv(
        &headers,
        &comparison_rows(people, baseline, proposal, lang)?,
    )
}

/// A comparison as XLSX, in `lang` (sheet 方案对比 / comparison): as
/// [`comparison_export_csv`], with money in a `#,##0.00` format, a frozen header,
/// column widths and a totals row (合计 / total) that the import skips.
///
/// # Errors
/// Those of [`comparison_rows`]; `invalid_value` if the workbook cannot be written.
pub fn comparison_export_xlsx(
    people: &[paygrade::Employee],
    baseline: &RosterPay,
    proposal: &RosterPay,
    lang: Lang,
) -> Result<Vec<u8>> {
    let headers = comparison_headers(lang);
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    table_xlsx(
        if lang == Lang::Zh {
            "方案对比"
        } else {
            "comparison"
        },
        &headers,
        &comparison_rows(people, baseline, proposal, lang)?,
        lang,
    )
}

/// 工资条 (payslips) for a whole roster and one month as XLSX, in the usual layout: for
/// each person the header row repeated, the person's row (id, name, grade, the four
/// components, total, the performance explanation), then a blank row, so the sheet can
/// be cut into slips. Money in a `#,##0.00` format.
///
/// # Errors
/// `invalid_value` if the workbook cannot be written.
pub fn payslips_xlsx(
    pay: &RosterPay,
    names: &paygrade_text::Names,
    month: &str,
    lang: Lang,
) -> Result<Vec<u8>> {
    use rust_xlsxwriter::{Format, Workbook};
    let fail =
        |e: rust_xlsxwriter::XlsxError| Error::new(ErrorKind::Internal(format!("XLSX: {e}")), "");
    let zh = lang == Lang::Zh;
    let headers = PAYSLIP_COLUMNS.map(|(en, cn)| lang.pick(cn, en));
    let mut book = Workbook::new();
    let money = Format::new().set_num_format("#,##0.00");
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet();
    sheet
        .set_name(if zh { "工资条" } else { "payslips" })
        .map_err(fail)?;
    for (c, w) in [8.0, 10.0, 10.0, 12.0, 11.0, 11.0, 11.0, 11.0, 12.0, 36.0]
        .iter()
        .enumerate()
    {
        sheet.set_column_width(c as u16, *w).map_err(fail)?;
    }
    for (i, b) in pay.results.iter().enumerate() {
        let r = (i * 3) as u32;
        for (c, h) in headers.iter().enumerate() {
            sheet
                .write_string_with_format(r, c as u16, *h, &bold)
                .map_err(fail)?;
        }
        let grade = if zh {
            grade_zh(&b.grade)
        } else {
            b.grade.clone()
        };
        for (c, t) in [month, b.id.as_str(), b.name.as_str(), grade.as_str()]
            .iter()
            .enumerate()
        {
            sheet
                .write_string(r + 1, c as u16, neutralise(t))
                .map_err(fail)?;
        }
        for (k, m) in b
            .components
            .to_array()
            .into_iter()
            .chain([b.total])
            .enumerate()
        {
            sheet
                .write_number_with_format(
                    r + 1,
                    4 + k as u16,
                    paygrade::money::to_f64_lossy(m.amount()),
                    &money,
                )
                .map_err(fail)?;
        }
        sheet
            .write_string(
                r + 1,
                9,
                neutralise(&paygrade_text::explain(&b.explain.performance, names, lang)),
            )
            .map_err(fail)?;
    }
    book.save_to_buffer().map_err(fail)
}

/// The columns of the payslip XLSX, in order, as `(English, 中文)` headers.
pub const PAYSLIP_COLUMNS: [(&str, &str); 10] = [
    ("month", "月份"),
    ("id", "工号"),
    ("name", "姓名"),
    ("grade", "定级"),
    ("base", "基本岗位工资"),
    ("floating", "岗位浮动工资"),
    ("seniority", "年功工资"),
    ("performance", "效益工资"),
    ("total", "应发合计"),
    ("performance explained", "效益工资计算"),
];

/// The columns of an exported projection, in order, as `(English, 中文)` headers.
pub const CSV_COLUMNS: [(&str, &str); 14] = [
    ("offset", "第几年"),
    ("as_of", "计薪日期"),
    ("side", "口径"),
    ("base", "基本工资"),
    ("floating", "浮动工资"),
    ("seniority", "年功工资"),
    ("performance", "效益工资"),
    ("total", "月合计"),
    ("annual_total", "年合计"),
    ("seniority_headcount", "领取年功人数"),
    ("crossed_threshold", "满门槛人数"),
    ("crossed_bracket", "进档人数"),
    ("crossings_amount", "满门槛与进档增加（月）"),
    ("cumulative_annual_difference", "累计年差额"),
];

/// A projection as CSV (UTF-8 with BOM, like the roster export) in `lang`: headers from
/// [`CSV_COLUMNS`]; per year one row each for the baseline, the proposal and the
/// difference (`baseline` / `proposal` / `difference`, 基准 / 方案 / 差额), money as
/// plain numbers with the policy's decimals (monthly CNY; `annual_total` is × 12); the
/// drift columns on the policy rows; the running cumulative annual difference on the
/// difference rows.
///
/// # Errors
/// `invalid_value` if writing fails (it does not for in-memory output); `overflow`.
pub fn projection_csv(p: &paygrade::projection::Projection, lang: Lang) -> Result<String> {
    let fail = |e: csv::Error| Error::new(ErrorKind::Internal(format!("CSV: {e}")), "");
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(CSV_COLUMNS.iter().map(|(en, cn)| lang.pick(cn, en)))
        .map_err(fail)?;
    let side = |en: &'static str, cn: &'static str| lang.pick(cn, en);
    let mut cumulative: Option<Money> = None;
    for y in &p.years {
        let date = y.as_of.map(|d| d.to_string()).unwrap_or_default();
        let row =
            |side: &str, t: &SideTotals, heads: String, drift: Option<&Drift>, cum: String| {
                let c = t.components;
                let d = |f: fn(&Drift) -> String| drift.map(f).unwrap_or_default();
                vec![
                    y.offset.to_string(),
                    date.clone(),
                    side.to_string(),
                    c.base.to_string(),
                    c.floating.to_string(),
                    c.seniority.to_string(),
                    c.performance.to_string(),
                    t.total.to_string(),
                    t.annual_total.to_string(),
                    heads,
                    d(|x| x.crossed_threshold.to_string()),
                    d(|x| x.crossed_bracket.to_string()),
                    d(|x| x.crossings_amount.to_string()),
                    cum,
                ]
            };
        let add = y.difference.totals.annual_total;
        let cum = match cumulative {
            Some(c) => c.checked_add(add, "cumulative_annual_difference")?,
            None => add,
        };
        cumulative = Some(cum);
        for record in [
            row(
                side("baseline", "基准"),
                &y.baseline.totals,
                y.baseline.seniority_headcount.to_string(),
                y.baseline.drift.as_ref(),
                String::new(),
            ),
            row(
                side("proposal", "方案"),
                &y.proposal.totals,
                y.proposal.seniority_headcount.to_string(),
                y.proposal.drift.as_ref(),
                String::new(),
            ),
            row(
                side("difference", "差额"),
                &y.difference.totals,
                y.difference.seniority_headcount.to_string(),
                None,
                cum.to_string(),
            ),
        ] {
            w.write_record(record).map_err(fail)?;
        }
    }
    let bytes = w
        .into_inner()
        .map_err(|e| Error::new(ErrorKind::Internal(format!("CSV: {e}")), ""))?;
    let text =
        String::from_utf8(bytes).map_err(|e| Error::new(ErrorKind::Internal(e.to_string()), ""))?;
    Ok(format!("\u{feff}{text}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The template reads back as a roster of its example person (SPEC §11 example 1),
    /// in both languages, with one note that the example row is still there (row 2): the
    /// notes sheet is second and never read.
    #[test]
    fn the_template_reads_back_as_its_example_person() {
        for lang in [Lang::Zh, Lang::En] {
            let bytes = roster_template_xlsx(lang).unwrap();
            let r = crate::parse_roster(&bytes, "template.xlsx", None).unwrap();
            let notes: Vec<_> = r.warnings.iter().map(|w| (w.code, w.row)).collect();
            assert_eq!(notes, [("template_example_row", Some(2))]);
            let e = &r.employees[0];
            let level = if lang == Lang::Zh {
                "中级"
            } else {
                "intermediate"
            };
            let name = if lang == Lang::Zh {
                "示例"
            } else {
                "Example"
            };
            assert_eq!(
                (
                    r.employees.len(),
                    e.id.as_str(),
                    e.name.as_str(),
                    e.level.as_str(),
                    e.years_in_post,
                    e.rural
                ),
                (1, "E001", name, level, Some(12), true)
            );
            let policy = paygrade::Policy::default().check().unwrap();
            let pay = paygrade::compute_pay(&policy, &r.employees[0], None).unwrap();
            assert_eq!(pay.total.to_string(), "3872.00");
            assert_eq!(r.sheets.len(), 2);
        }
    }

    /// The template has drop-downs (warning style) for level, band, employment, rural and
    /// education, in its language, down to the sheet's last row; each listed value reads
    /// back as what it says.
    #[test]
    fn the_template_has_drop_downs_whose_values_read_back() {
        use std::io::Read;
        for (lang, level_list) in [
            (Lang::Zh, "\"见习,初级,中级,高级\""),
            (Lang::En, "\"trainee,junior,intermediate,senior\""),
        ] {
            let bytes = roster_template_xlsx(lang).unwrap();
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
            let mut xml = String::new();
            zip.by_name("xl/worksheets/sheet1.xml")
                .unwrap()
                .read_to_string(&mut xml)
                .unwrap();
            let ranges: Vec<&str> = xml
                .split("sqref=\"")
                .skip(1)
                .filter_map(|s| s.split('"').next())
                .collect();
            assert_eq!(
                ranges,
                [
                    "C2:C1048576",
                    "D2:D1048576",
                    "E2:E1048576",
                    "H2:H1048576",
                    "R2:R1048576"
                ]
            );
            assert!(
                xml.contains(&format!("<formula1>{level_list}</formula1>")),
                "{xml}"
            );
            assert_eq!(xml.matches("errorStyle=\"warning\"").count(), 5, "{xml}");
            // Every listed value is one the import reads (a row of them pays).
            let lists = template_lists(lang);
            for i in 0..6 {
                let pick = |c: usize| lists[c].1.get(i).or(lists[c].1.last()).copied().unwrap();
                let band = if i == 0 { "" } else { pick(1) };
                let header = INPUT_COLUMNS.map(|(en, cn)| lang.pick(cn, en));
                let columns = [0, 2, 3, 4, 5, 7, 13, 17].map(|c| header[c]).join(",");
                let (level, employment, rural, education) = (pick(0), pick(2), pick(3), pick(4));
                let text =
                    format!("{columns}\nX1,{level},{band},{employment},3,{rural},80,{education}\n");
                let r = crate::parse_roster(text.as_bytes(), "t.csv", None);
                assert!(r.is_ok(), "{text} {r:?}");
            }
        }
    }

    /// Exports name the components as the page and the seed do (SPEC §1); an older
    /// export's names are still result columns when it is read back; inputs are not.
    #[test]
    fn result_headers_today_and_as_older_exports_named_them() {
        for h in [
            "基本岗位工资",
            "效益工资",
            "岗位浮动工资（方案）",
            "应发合计（差额）",
            "基本工资",
            "浮动工资",
            "绩效工资",
            "绩效工资（差额）",
            "浮动工资（基准）",
            "result_total",
            "difference_performance",
        ] {
            assert!(is_result_header(h), "{h}");
        }
        for h in ["工号", "综合得分", "岗位年限", "绩效", "基本工资（其他）"] {
            assert!(!is_result_header(h), "{h}");
        }
        assert_eq!(
            comparison_header(COMPARISON_PARTS[3], COMPARISON_SIDES[1], Lang::Zh),
            "效益工资（方案）"
        );
    }
    use rust_decimal::Decimal;
    use std::borrow::Cow;

    #[track_caller]
    fn written(d: Decimal) -> String {
        let mut out = Vec::new();
        write_decimal(&mut out, d);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn rows_are_the_bytes_the_csv_writer_writes() {
        use ExportCell::{Empty, Number, Text};
        let texts = [
            "plain",
            "",
            "a,b",
            "say \"hi\"",
            "\"",
            "\"\"",
            "line\nbreak",
            "cr\rhere",
            "crlf\r\n",
            "=SUM(A1)",
            "-5",
            "+1",
            "@me",
            "\tx",
            "\r",
            "'quoted",
            "张三,李四",
            "中级 B 档",
            "tail,",
            ",lead",
            "a\"b\"c,d",
        ];
        let cells = |t: &'static str| {
            vec![
                Text(Cow::Borrowed(t)),
                Number("-0.05".parse().unwrap()),
                Empty,
                Text(Cow::Borrowed(t)),
            ]
        };
        let mut rows: Vec<Vec<ExportCell<'static>>> = texts.iter().map(|t| cells(t)).collect();
        rows.push(vec![Empty]);
        rows.push(vec![Text(Cow::Borrowed(""))]);
        rows.push(vec![Text(Cow::Borrowed("\""))]);
        let mut ours = RosterCsv::new(Vec::new(), Lang::En).unwrap();
        let mut theirs = csv::WriterBuilder::new()
            .flexible(true)
            .from_writer(b"\xEF\xBB\xBF".to_vec());
        theirs.write_record(export_headers(Lang::En)).unwrap();
        for row in &rows {
            ours.write_cells(row).unwrap();
            theirs.write_record(row.iter().map(csv_text)).unwrap();
        }
        let (ours, theirs) = (ours.finish().unwrap(), theirs.into_inner().unwrap());
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            String::from_utf8(theirs).unwrap()
        );
    }

    #[test]
    fn decimals_are_written_as_display_writes_them() {
        for (text, expected) in [
            ("0", "0"),
            ("0.00", "0.00"),
            ("1500.00", "1500.00"),
            ("0.05", "0.05"),
            ("-3.5", "-3.5"),
            ("-0.001", "-0.001"),
            ("88.65", "88.65"),
            ("1.0875", "1.0875"),
            ("100", "100"),
            (
                "79228162514264337593543950335",
                "79228162514264337593543950335",
            ),
            (
                "0.0000000000000000000000000001",
                "0.0000000000000000000000000001",
            ),
        ] {
            let d: Decimal = text.parse().unwrap();
            assert_eq!(written(d), expected, "{text}");
        }
        // Every scale with mantissas of every length, both signs, against Display.
        let mut m: i128 = 7;
        for _ in 0..29 {
            for scale in 0..=28u32 {
                for sign in [1i128, -1] {
                    let d = Decimal::from_i128_with_scale(sign * m, scale);
                    assert_eq!(written(d), d.to_string(), "{m} scale {scale}");
                }
            }
            m = m * 10 + 3;
        }
    }
}
