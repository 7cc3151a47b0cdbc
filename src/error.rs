//! The one error type of Paygrade: a kind with a stable code and its facts, and the place
//! it was found.
//!
//! Shaped after lightningcss's `Error { kind, loc }`: [`Error::kind`] says what is wrong
//! (a stable snake_case [`ErrorKind::code`] and the values it names,
//! [`ErrorKind::params`]); [`Error::path`] and [`Error::cell`] say where — a JSON field
//! path such as `ladder[2].bands[0].coefficient`, or a roster cell `{row, column}` with
//! the column header as the file spells it. The core writes no sentences: the renderers
//! at the edge (`paygrade-text`, the page's language modules) turn these facts into words
//! (SPEC §10).

use rust_decimal::Decimal;
use std::fmt;

/// Result alias used throughout the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A spreadsheet cell, as a place: the row as a spreadsheet shows it (header = row 1
/// unless title rows stand above it) and the column header as given ("" for a whole row).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Cell {
    /// Spreadsheet row, 1-based.
    pub row: usize,
    /// Column header as the file spells it; empty when the problem is the whole row.
    pub column: String,
}

/// A fatal problem with the input or the policy, and where it was found (SPEC §10).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// What is wrong.
    pub kind: ErrorKind,
    /// Where, as a JSON field path (`evaluation.weights`, `employees[3].band`); empty when
    /// the problem concerns the whole input.
    pub path: String,
    /// Where in a roster file, when the input came from one.
    pub cell: Option<Box<Cell>>,
    /// The roster position (0-based) of the person the error concerns, when paying a roster.
    pub employee: Option<usize>,
    /// Further problems of the same input (see [`Error::also`], [`Error::more`]).
    rest: Option<Box<Rest>>,
}

/// The problems an error carries beyond its own.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Rest {
    also: Vec<Error>,
    more: usize,
}

/// The most problems one error lists (itself and [`Error::also`]); the rest are counted.
pub const MAX_LISTED: usize = 100;

impl Error {
    /// An error of `kind` at field `path`.
    pub fn new(kind: ErrorKind, path: impl Into<String>) -> Self {
        Error {
            kind,
            path: path.into(),
            cell: None,
            employee: None,
            rest: None,
        }
    }

    /// An error of `kind` at a roster cell (`column` "" for the whole row).
    pub fn at_cell(kind: ErrorKind, row: usize, column: impl Into<String>) -> Self {
        Error {
            cell: Some(Box::new(Cell {
                row,
                column: column.into(),
            })),
            ..Error::new(kind, "")
        }
    }

    /// The first of `errors` carrying the others (in their order) in [`Error::also`],
    /// with `more` counted beyond them; `None` when there is none.
    pub fn many(errors: Vec<Error>, more: usize) -> Option<Error> {
        let mut it = errors.into_iter();
        let mut first = it.next()?;
        let also: Vec<Error> = it.collect();
        if !also.is_empty() || more > 0 {
            first.rest = Some(Box::new(Rest { also, more }));
        }
        Some(first)
    }

    /// Further problems of the same input, in row order (a roster import lists up to
    /// [`MAX_LISTED`] in all, this one included).
    pub fn also(&self) -> &[Error] {
        self.rest.as_ref().map_or(&[], |r| r.also.as_slice())
    }

    /// Two lists of one input's problems as one: this one's, then `then`'s — up to
    /// [`MAX_LISTED`] listed in that order, the rest counted in [`Error::more`].
    pub fn followed_by(mut self, then: Error) -> Error {
        let more = self.more() + then.more();
        let mut also = self.rest.take().map(|r| r.also).unwrap_or_default();
        also.extend(then.into_all());
        let room = MAX_LISTED.saturating_sub(1);
        let extra = also.len().saturating_sub(room);
        also.truncate(room);
        if !also.is_empty() || more + extra > 0 {
            self.rest = Some(Box::new(Rest {
                also,
                more: more + extra,
            }));
        }
        self
    }

    /// How many more problems were found beyond those listed.
    pub fn more(&self) -> usize {
        self.rest.as_ref().map_or(0, |r| r.more)
    }

    /// Each listed problem rewritten by `f` (this one and [`Error::also`]).
    pub fn map_all(mut self, f: &dyn Fn(Error) -> Error) -> Error {
        let rest = self.rest.take();
        let mut first = f(self);
        if let Some(mut r) = rest {
            r.also = r.also.into_iter().map(f).collect();
            first.rest = Some(r);
        }
        first
    }

    /// Every problem listed, each on its own: this one, then [`Error::also`] (the count of
    /// more is dropped: for a roster row's several bad cells, which has none).
    pub fn into_all(mut self) -> Vec<Error> {
        let rest = self.rest.take();
        let mut all = vec![self];
        if let Some(r) = rest {
            all.extend(r.also);
        }
        all
    }

    /// Every problem listed: this one, then [`Error::also`].
    pub fn all(&self) -> impl Iterator<Item = &Error> {
        std::iter::once(self).chain(self.also().iter())
    }

    /// The stable, machine-readable code of the kind (e.g. `weights_sum`).
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// Prefix the path with an outer field (`scores` + `business` → `scores.business`).
    pub fn within(mut self, outer: &str) -> Self {
        self.path = join_path(outer, &self.path);
        self
    }

    /// Mark the error as concerning roster person `index` (their path is prefixed with
    /// `employees[index]`).
    pub fn for_employee(self, index: usize) -> Self {
        let mut e = self.within(&format!("employees[{index}]"));
        e.employee = Some(index);
        e
    }
}

/// Join two path pieces with `.` (or nothing before an index `[i]`).
pub fn join_path(outer: &str, inner: &str) -> String {
    if outer.is_empty() {
        inner.to_string()
    } else if inner.is_empty() {
        outer.to_string()
    } else if inner.starts_with('[') {
        format!("{outer}{inner}")
    } else {
        format!("{outer}.{inner}")
    }
}

/// For logs and `?` in tests: the place, then the kind as [`ErrorKind`]'s `Display` writes it
/// (its code — a file problem's own reason — and params); never a sentence for people (those
/// are made by `paygrade-text`).
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.cell, self.path.is_empty()) {
            (Some(c), _) => write!(f, "row {} {:?}: ", c.row, c.column)?,
            (None, false) => write!(f, "{}: ", self.path)?,
            (None, true) => {}
        }
        write!(f, "{}", self.kind)
    }
}

impl std::error::Error for Error {}

/// What is wrong. Each variant has a stable code ([`ErrorKind::code`]) and names its
/// values ([`ErrorKind::params`]); the words are made by the renderers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    /// The text is not valid JSON (line and column of the syntax error, 1-based; 0 when
    /// the input ended early).
    Json {
        /// Line of the error.
        line: usize,
        /// Column of the error.
        column: usize,
    },
    /// JSON nested deeper than the limit.
    JsonDepth {
        /// The deepest nesting accepted.
        max: usize,
    },
    /// A field has the wrong JSON type.
    WrongType {
        /// What was expected: `array`, `employees`, `object`, `date`, `decimal`, `name`,
        /// `string`, `whole`.
        expected: &'static str,
        /// What was found: `null`, `boolean`, `number`, `string`, `array`, `object`.
        found: &'static str,
    },
    /// Writing an output failed inside a library (CSV, XLSX, JSON writer); its own message.
    Internal(String),
    /// A projection asks for more years than allowed.
    ProjectionYears {
        /// The most years a projection covers.
        max: u32,
    },
    /// A projected pay date leaves the calendar range (1900–2199).
    DateOutOfRange,
    /// The two policies of a comparison round to different scales.
    ScaleMismatch,
    /// The elderly-support share (赡养老人 split) is outside 0–1500 CNY a month.
    ShareCap {
        /// The share given.
        value: Decimal,
    },
    /// A bonus period's months run past December.
    MonthsPastDecember {
        /// Months given.
        months: usize,
        /// The first month (1–12).
        first_month: u32,
    },
    /// A count of years or days is not a whole number from 0 up.
    NotWhole(String),
    /// A yes/no cell holds something else.
    NotFlag(String),
    /// A required field is absent.
    MissingField(String),
    /// A mode or enumerated value is not one of the allowed names.
    UnknownMode {
        /// What was given.
        value: String,
        /// The allowed names, comma separated.
        expected: String,
    },
    /// The policy `format` field is not `paygrade-policy/1`.
    Format(String),
    /// A value that should be a decimal number is not one.
    InvalidNumber(String),
    /// A value that should be an ISO date `YYYY-MM-DD` is not one (not a real day, or outside 1900–2199).
    InvalidDate(String),
    /// Arithmetic went beyond the range of a 96-bit decimal.
    Overflow,
    /// An amount, rate or count is negative where only zero or more makes sense.
    Negative(Decimal),
    /// Weights (evaluation or grading) do not sum to exactly 1.
    WeightsSum(Decimal),
    /// The ladder has no level at all, or a level is listed twice.
    DuplicateLevel(String),
    /// A band is listed twice inside one level.
    DuplicateBand(String),
    /// The ladder is empty, or a level has both or neither of `bands` and a single
    /// `coefficient`, an empty bands list, or an empty level or band name.
    LevelShape(&'static str),
    /// Seniority brackets are empty, not in increasing `through_year`, or the last is not open.
    Brackets(&'static str),
    /// The assessment table is empty, not in strictly descending `min_score`, or does not reach 0.
    AssessmentTable(&'static str),
    /// `standard_days` is zero or negative.
    StandardDays(Decimal),
    /// The rounding scale is outside 0–6.
    Scale(u32),
    /// A quota cap, weight or share is outside 0–1.
    Fraction(Decimal),
    /// The policy names a level that the ladder does not have.
    UnknownLevel(String),
    /// The band is not one of the person's level's bands (or is missing, or given to a trainee).
    UnknownBand {
        /// The band given ("" when missing).
        band: String,
        /// The person's level.
        level: String,
    },
    /// An evaluation or grading score is outside 0–100.
    ScoreRange(Decimal),
    /// A roster file's score cell holds a bare number above 0 and at most 1: what a
    /// spreadsheet stores for a cell formatted as a percentage (94% as 0.94, 100% as 1),
    /// read as points it would pay at the lowest rating. Refused rather than guessed:
    /// scores are 0–100 (SPEC §1); a percentage written as text (`94%`) is read as its
    /// points, and a score truly that low is written with its unit (`0.5分`).
    ScoreFraction {
        /// The number in the cell (`0.94`).
        value: Decimal,
        /// The points it stands for as a percentage (`94`).
        points: Decimal,
    },
    /// An evaluation score is missing while `missing_scores` is `error`.
    MissingScore,
    /// Two fields that exclude each other were both given.
    Conflict(&'static str, &'static str),
    /// Neither of two alternative fields was given.
    Neither(&'static str, &'static str),
    /// `post_start` lies after the pay date `as_of`.
    StartAfterAsOf {
        /// The post start date.
        start: String,
        /// The pay date.
        as_of: String,
    },
    /// `paid_days` is below 0 or above the policy's `standard_days`.
    PaidDays {
        /// The value given.
        value: Decimal,
        /// The policy's standard_days.
        max: Decimal,
    },
    /// Pool-mode performance pay needs the whole roster (SPEC §6).
    PoolNeedsRoster,
    /// A policy (an object with a `ladder` or the policy `format`) was given where a roster
    /// was asked for: the file was opened in the wrong place.
    PolicyNotRoster,
    /// A roster (a list of employees) was given where a policy was asked for.
    RosterNotPolicy,
    /// A pool-mode policy has no `pool` amount.
    MissingPool,
    /// An employee id appears twice in a roster.
    DuplicateId {
        /// The id.
        id: String,
        /// The row of its first appearance (0 for JSON input).
        first_row: usize,
    },
    /// A scorecard indicator has no figures for the period.
    KpiMissing(String),
    /// A scorecard target is 0 or negative.
    KpiTarget(String),
    /// A scorecard indicator id is listed twice (`scorecard.indicators[i].id`).
    DuplicateIndicator(String),
    /// A scorecard indicator's floor is above its cap (0 ≤ floor ≤ cap).
    FloorAboveCap {
        /// The floor given.
        floor: Decimal,
        /// The cap given.
        cap: Decimal,
    },
    /// A scorecard period (`months`) has no month in it.
    NoMonths,
    /// A roster file has a header but no data rows.
    NoRows,
    /// An input is larger than Paygrade accepts.
    TooLarge {
        /// What is measured: `file_bytes`, `json_bytes`, `rows`, `columns`, `cell_bytes`,
        /// `employees`, `unpacked_bytes`.
        what: &'static str,
        /// The size found (at least `limit + 1` when counting stopped there).
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// A roster file cannot be read as one: `code` says why (`empty_file`, `bad_utf8`,
    /// `bad_utf16`, `not_text`, `not_roster`, `unknown_type`, `csv_quote`, `csv`,
    /// `unreadable_workbook`, `unreadable_sheet`, `no_sheet`, `no_visible_sheet`,
    /// `shared_strings`, `cell_reference`, `xlsb`, `duplicate_column`, `error_cell`,
    /// `paygrade_export` — a projection or payslip export chosen as a roster), `params` the
    /// values it names.
    File {
        /// The reason's code.
        code: &'static str,
        /// The values named (`file`, `sheet`, `sheets`, `column`, `field`, `value`,
        /// `detail`, `declared`, `actual`, `reference`).
        params: Vec<(&'static str, String)>,
    },
    /// The charting library could not draw a chart (its own message).
    Chart(String),
}

impl ErrorKind {
    /// The stable snake_case code of this kind, for programs and tests.
    pub fn code(&self) -> &'static str {
        match self {
            ErrorKind::Json { .. } | ErrorKind::JsonDepth { .. } => "invalid_json",
            ErrorKind::WrongType { .. } => "invalid_value",
            ErrorKind::Internal(_) => "internal",
            ErrorKind::ProjectionYears { .. } => "projection_years",
            ErrorKind::DateOutOfRange => "date_out_of_range",
            ErrorKind::ScaleMismatch => "scale_mismatch",
            ErrorKind::ShareCap { .. } => "share_cap",
            ErrorKind::MonthsPastDecember { .. } => "months_past_december",
            ErrorKind::NotWhole(_) | ErrorKind::NotFlag(_) => "invalid_value",
            ErrorKind::MissingField(_) => "missing_field",
            ErrorKind::UnknownMode { .. } => "unknown_mode",
            ErrorKind::Format(_) => "unsupported_format",
            ErrorKind::InvalidNumber(_) => "invalid_number",
            ErrorKind::InvalidDate(_) => "invalid_date",
            ErrorKind::Overflow => "overflow",
            ErrorKind::Negative(_) => "negative_amount",
            ErrorKind::WeightsSum(_) => "weights_sum",
            ErrorKind::DuplicateLevel(_) => "duplicate_level",
            ErrorKind::DuplicateBand(_) => "duplicate_band",
            ErrorKind::LevelShape(_) => "level_shape",
            ErrorKind::Brackets(_) => "brackets_order",
            ErrorKind::AssessmentTable(_) => "assessment_order",
            ErrorKind::StandardDays(_) => "standard_days",
            ErrorKind::Scale(_) => "rounding_scale",
            ErrorKind::Fraction(_) => "fraction_range",
            ErrorKind::UnknownLevel(_) => "unknown_level",
            ErrorKind::UnknownBand { .. } => "unknown_band",
            ErrorKind::ScoreRange(_) => "score_range",
            ErrorKind::ScoreFraction { .. } => "score_fraction",
            ErrorKind::MissingScore => "missing_score",
            ErrorKind::Conflict(..) => "conflicting_fields",
            ErrorKind::Neither(..) => "missing_field",
            ErrorKind::StartAfterAsOf { .. } => "post_start_after_as_of",
            ErrorKind::PaidDays { .. } => "paid_days_range",
            ErrorKind::PoolNeedsRoster => "pool_needs_roster",
            ErrorKind::PolicyNotRoster => "policy_not_roster",
            ErrorKind::RosterNotPolicy => "roster_not_policy",
            ErrorKind::MissingPool => "missing_pool",
            ErrorKind::DuplicateId { .. } => "duplicate_id",
            ErrorKind::KpiMissing(_) => "kpi_missing",
            ErrorKind::KpiTarget(_) => "kpi_target",
            ErrorKind::DuplicateIndicator(_) => "duplicate_indicator",
            ErrorKind::FloorAboveCap { .. } => "floor_above_cap",
            ErrorKind::NoMonths => "no_months",
            ErrorKind::NoRows => "no_rows",
            ErrorKind::TooLarge { .. } => "too_large",
            ErrorKind::File { .. } => "invalid_value",
            ErrorKind::Chart(_) => "chart",
        }
    }

    /// The values this kind names, as text (numbers and dates exact, ids as given), for
    /// renderers and programs: e.g. `unknown_band` → `[("band","D"),("level","senior")]`.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        let one = |k: &'static str, v: String| vec![(k, v)];
        match self {
            ErrorKind::Json { line, column } => {
                vec![("line", line.to_string()), ("column", column.to_string())]
            }
            ErrorKind::JsonDepth { max } => one("max", max.to_string()),
            ErrorKind::WrongType { expected, found } => vec![
                ("expected", (*expected).to_string()),
                ("found", (*found).to_string()),
            ],
            ErrorKind::Internal(d) | ErrorKind::Chart(d) => one("detail", d.clone()),
            ErrorKind::ProjectionYears { max } => one("max", max.to_string()),
            ErrorKind::ShareCap { value } => one("value", value.to_string()),
            ErrorKind::MonthsPastDecember {
                months,
                first_month,
            } => vec![
                ("months", months.to_string()),
                ("first_month", first_month.to_string()),
            ],
            ErrorKind::NotWhole(v)
            | ErrorKind::NotFlag(v)
            | ErrorKind::Format(v)
            | ErrorKind::InvalidNumber(v)
            | ErrorKind::InvalidDate(v) => one("value", v.clone()),
            ErrorKind::MissingField(f) => one("field", f.clone()),
            ErrorKind::UnknownMode { value, expected } => {
                vec![("value", value.clone()), ("expected", expected.clone())]
            }
            ErrorKind::Negative(v)
            | ErrorKind::StandardDays(v)
            | ErrorKind::Fraction(v)
            | ErrorKind::ScoreRange(v) => one("value", v.to_string()),
            ErrorKind::ScoreFraction { value, points } => {
                vec![("value", value.to_string()), ("points", points.to_string())]
            }
            ErrorKind::WeightsSum(v) => one("sum", v.to_string()),
            ErrorKind::DuplicateLevel(l) | ErrorKind::UnknownLevel(l) => one("level", l.clone()),
            ErrorKind::DuplicateBand(b) => one("band", b.clone()),
            ErrorKind::LevelShape(d) | ErrorKind::Brackets(d) | ErrorKind::AssessmentTable(d) => {
                one("detail", (*d).to_string())
            }
            ErrorKind::Scale(v) => one("value", v.to_string()),
            ErrorKind::UnknownBand { band, level } => {
                vec![("band", band.clone()), ("level", level.clone())]
            }
            ErrorKind::Conflict(a, b) | ErrorKind::Neither(a, b) => {
                vec![("field", (*a).to_string()), ("other", (*b).to_string())]
            }
            ErrorKind::StartAfterAsOf { start, as_of } => {
                vec![("start", start.clone()), ("as_of", as_of.clone())]
            }
            ErrorKind::PaidDays { value, max } => {
                vec![("value", value.to_string()), ("max", max.to_string())]
            }
            ErrorKind::DuplicateId { id, first_row } => {
                vec![("id", id.clone()), ("first_row", first_row.to_string())]
            }
            ErrorKind::KpiMissing(id)
            | ErrorKind::KpiTarget(id)
            | ErrorKind::DuplicateIndicator(id) => one("indicator", id.clone()),
            ErrorKind::FloorAboveCap { floor, cap } => {
                vec![("floor", floor.to_string()), ("cap", cap.to_string())]
            }
            ErrorKind::TooLarge { what, size, limit } => vec![
                ("what", (*what).to_string()),
                ("size", size.to_string()),
                ("limit", limit.to_string()),
            ],
            ErrorKind::File { params, .. } => params.clone(),
            ErrorKind::Overflow
            | ErrorKind::MissingScore
            | ErrorKind::PoolNeedsRoster
            | ErrorKind::PolicyNotRoster
            | ErrorKind::RosterNotPolicy
            | ErrorKind::MissingPool
            | ErrorKind::NoMonths
            | ErrorKind::NoRows
            | ErrorKind::DateOutOfRange
            | ErrorKind::ScaleMismatch => Vec::new(),
        }
    }

    /// The code of a [`ErrorKind::File`] reason (`empty_file` …), else the kind's code.
    pub fn detail_code(&self) -> &'static str {
        match self {
            ErrorKind::File { code, .. } => code,
            _ => self.code(),
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}]", self.detail_code())?;
        for (k, v) in self.params() {
            write!(f, " {k}={v:?}")?;
        }
        Ok(())
    }
}

/// A recoverable problem found while importing or paying (SPEC §12 `warnings`): a stable
/// code, the place (row and column header as the file spells them) and the values it
/// names (`params`). The words are made by the renderers.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Warning {
    /// Spreadsheet row (1 = the file's first row), when it concerns a row.
    pub row: Option<usize>,
    /// Column header as given, when it concerns a column.
    pub column: Option<String>,
    /// Stable code, e.g. `unknown_column`.
    pub code: &'static str,
    /// The values it names (`sheet`, `value`, `skipped` …), as text.
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub params: std::collections::BTreeMap<&'static str, String>,
}

impl Warning {
    /// A warning with its code, place and parameters.
    pub fn new(
        code: &'static str,
        row: Option<usize>,
        column: Option<String>,
        params: &[(&'static str, String)],
    ) -> Warning {
        Warning {
            row,
            column,
            code,
            params: params.iter().cloned().collect(),
        }
    }
}

/// Shorthand: an [`ErrorKind::Overflow`] at `path`.
pub fn overflow(path: &str) -> Error {
    Error::new(ErrorKind::Overflow, path)
}
