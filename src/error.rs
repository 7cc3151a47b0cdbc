//! The one error type of Paygrade: a kind with a stable code, and the place it was found.
//!
//! Shaped after lightningcss's `Error { kind, loc }`: [`Error::kind`] says what is wrong
//! (with a stable snake_case [`ErrorKind::code`] and messages in English and Chinese),
//! [`Error::path`] says where — a JSON field path such as `ladder[2].bands[0].coefficient`
//! or a roster cell such as `row 14, column 档次`. SPEC §10.

use rust_decimal::Decimal;
use std::fmt;

/// Result alias used throughout the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A fatal problem with the input or the policy, and where it was found (SPEC §10).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// What is wrong.
    pub kind: ErrorKind,
    /// Where: a field path (`evaluation.weights`), or `row N, column X` for a roster cell.
    /// Empty when the problem concerns the whole input.
    pub path: String,
}

impl Error {
    /// An error of `kind` at `path`.
    pub fn new(kind: ErrorKind, path: impl Into<String>) -> Self {
        Error {
            kind,
            path: path.into(),
        }
    }

    /// The stable, machine-readable code of the kind (e.g. `weights_sum`).
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// The message in Chinese and English, `中文 / English`, as the page and CLI show it.
    pub fn message(&self) -> String {
        format!("{} / {}", self.kind.message_zh(), self.kind)
    }

    /// Prefix the path with an outer field (`scores` + `business` → `scores.business`).
    pub fn within(mut self, outer: &str) -> Self {
        self.path = join_path(outer, &self.path);
        self
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

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "[{}] {}", self.code(), self.message())
        } else {
            write!(f, "{}: [{}] {}", self.path, self.code(), self.message())
        }
    }
}

impl std::error::Error for Error {}

/// What is wrong. Each variant has a stable code ([`ErrorKind::code`]); the `Display`
/// text is the English message, [`ErrorKind::message_zh`] the Chinese one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ErrorKind {
    /// The text is not valid JSON, or a field has the wrong JSON type.
    #[error("invalid JSON: {0}")]
    Json(String),
    /// A field has the wrong type or an impossible value (e.g. a negative whole number).
    #[error("invalid value: {0}")]
    InvalidValue(String),
    /// A count of years or days is not a whole number from 0 up.
    #[error("must be a whole number from 0 to 4294967295, got \"{0}\"")]
    NotWhole(String),
    /// A yes/no cell holds something else.
    #[error("must be yes/no, true/false, 是/否 or 1/0, got \"{0}\"")]
    NotFlag(String),
    /// A required field is absent.
    #[error("missing field `{0}`")]
    MissingField(String),
    /// A mode or enumerated value is not one of the allowed names.
    #[error("unknown value \"{value}\"; expected one of: {expected}")]
    UnknownMode {
        /// What was given.
        value: String,
        /// The allowed names, comma separated.
        expected: String,
    },
    /// The policy `format` field is not `paygrade-policy/1`.
    #[error("unsupported policy format \"{0}\"; expected \"paygrade-policy/1\"")]
    Format(String),
    /// A value that should be a decimal number is not one.
    #[error("not a number: \"{0}\"")]
    InvalidNumber(String),
    /// A value that should be an ISO date `YYYY-MM-DD` is not one (not a real day, or outside 1900–2199).
    #[error("not a valid date (YYYY-MM-DD, years 1900–2199): \"{0}\"")]
    InvalidDate(String),
    /// Arithmetic went beyond the range of a 96-bit decimal.
    #[error("amount too large: the calculation overflows")]
    Overflow,
    /// An amount, rate or count is negative where only zero or more makes sense.
    #[error("must not be negative, got {0}")]
    Negative(Decimal),
    /// Weights (evaluation or grading) do not sum to exactly 1.
    #[error("weights sum to {0}, not exactly 1")]
    WeightsSum(Decimal),
    /// The ladder has no level at all, or a level is listed twice.
    #[error("level \"{0}\" is listed more than once")]
    DuplicateLevel(String),
    /// A band is listed twice inside one level.
    #[error("band \"{0}\" is listed more than once in this level")]
    DuplicateBand(String),
    /// The ladder is empty, or a level has both or neither of `bands` and a single
    /// `coefficient`, an empty bands list, or an empty level or band name.
    #[error("ladder: {0}")]
    LevelShape(&'static str),
    /// Seniority brackets are empty, not in increasing `through_year`, or the last is not open.
    #[error("seniority brackets: {0}")]
    Brackets(&'static str),
    /// The assessment table is empty, not in strictly descending `min_score`, or does not reach 0.
    #[error("assessment table: {0}")]
    AssessmentTable(&'static str),
    /// `standard_days` is zero or negative.
    #[error("standard_days must be greater than 0, got {0}")]
    StandardDays(Decimal),
    /// The rounding scale is outside 0–6.
    #[error("rounding scale must be 0 to 6, got {0}")]
    Scale(u32),
    /// A quota cap, weight or share is outside 0–1.
    #[error("must be a fraction from 0 to 1, got {0}")]
    Fraction(Decimal),
    /// The policy names a level that the ladder does not have.
    #[error("no level \"{0}\" in the ladder")]
    UnknownLevel(String),
    /// The band is not one of the person's level's bands (or is missing, or given to a trainee).
    #[error("band \"{band}\" is not a band of level \"{level}\"")]
    UnknownBand {
        /// The band given ("" when missing).
        band: String,
        /// The person's level.
        level: String,
    },
    /// An evaluation or grading score is outside 0–100.
    #[error("score must be from 0 to 100, got {0}")]
    ScoreRange(Decimal),
    /// An evaluation score is missing while `missing_scores` is `error`.
    #[error("evaluation score missing")]
    MissingScore,
    /// Two fields that exclude each other were both given.
    #[error("give either `{0}` or `{1}`, not both")]
    Conflict(&'static str, &'static str),
    /// Neither of two alternative fields was given.
    #[error("give `{0}` or `{1}`")]
    Neither(&'static str, &'static str),
    /// `post_start` lies after the pay date `as_of`.
    #[error("post start {start} is after the pay date {as_of}")]
    StartAfterAsOf {
        /// The post start date.
        start: String,
        /// The pay date.
        as_of: String,
    },
    /// `paid_days` is below 0 or above the policy's `standard_days`.
    #[error("paid_days must be from 0 to {max}, got {value}")]
    PaidDays {
        /// The value given.
        value: Decimal,
        /// The policy's standard_days.
        max: Decimal,
    },
    /// Pool-mode performance pay needs the whole roster (SPEC §6).
    #[error("performance mode `pool` shares a pool over a roster; it cannot pay one person alone")]
    PoolNeedsRoster,
    /// A pool-mode policy has no `pool` amount.
    #[error("performance mode `pool` needs a `pool` amount")]
    MissingPool,
    /// An employee id appears twice in a roster.
    #[error("duplicate id \"{id}\" (first in row {first_row})")]
    DuplicateId {
        /// The id.
        id: String,
        /// The row of its first appearance (0 for JSON input).
        first_row: usize,
    },
    /// A scorecard indicator has no figures for the period.
    #[error("no target and actual for indicator \"{0}\"")]
    KpiMissing(String),
    /// A scorecard target is 0 or negative.
    #[error("the target of indicator \"{0}\" must be greater than 0")]
    KpiTarget(String),
    /// A scorecard indicator id is listed twice (`scorecard.indicators[i].id`).
    #[error("indicator \"{0}\" is listed more than once")]
    DuplicateIndicator(String),
    /// A scorecard indicator's floor is above its cap (0 ≤ floor ≤ cap).
    #[error("the floor {floor} is above the cap {cap}")]
    FloorAboveCap {
        /// The floor given.
        floor: Decimal,
        /// The cap given.
        cap: Decimal,
    },
    /// A scorecard period (`months`) has no month in it.
    #[error("give at least one month: months is empty")]
    NoMonths,
    /// A roster file has a header but no data rows.
    #[error("the file has a header but no rows")]
    NoRows,
    /// An input is larger than Paygrade accepts.
    #[error("too large: {0}")]
    TooLarge(String),
    /// A roster file cannot be read as one (empty, wrong type, not text, broken CSV or
    /// XLSX); the message in English and in Chinese.
    #[error("{en}")]
    File {
        /// The message in English.
        en: String,
        /// The message in Chinese.
        zh: String,
    },
    /// The charting library could not draw a chart (its own message).
    #[error("the chart could not be drawn: {0}")]
    Chart(String),
}

impl ErrorKind {
    /// The stable snake_case code of this kind, for programs and tests.
    pub fn code(&self) -> &'static str {
        match self {
            ErrorKind::Json(_) => "invalid_json",
            ErrorKind::InvalidValue(_) => "invalid_value",
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
            ErrorKind::MissingScore => "missing_score",
            ErrorKind::Conflict(..) => "conflicting_fields",
            ErrorKind::Neither(..) => "missing_field",
            ErrorKind::StartAfterAsOf { .. } => "post_start_after_as_of",
            ErrorKind::PaidDays { .. } => "paid_days_range",
            ErrorKind::PoolNeedsRoster => "pool_needs_roster",
            ErrorKind::MissingPool => "missing_pool",
            ErrorKind::DuplicateId { .. } => "duplicate_id",
            ErrorKind::KpiMissing(_) => "kpi_missing",
            ErrorKind::KpiTarget(_) => "kpi_target",
            ErrorKind::DuplicateIndicator(_) => "duplicate_indicator",
            ErrorKind::FloorAboveCap { .. } => "floor_above_cap",
            ErrorKind::NoMonths => "no_months",
            ErrorKind::NoRows => "no_rows",
            ErrorKind::TooLarge(_) => "too_large",
            ErrorKind::File { .. } => "invalid_value",
            ErrorKind::Chart(_) => "chart",
        }
    }

    /// The message in Chinese.
    pub fn message_zh(&self) -> String {
        match self {
            ErrorKind::Json(m) => format!("JSON 格式错误：{m}"),
            ErrorKind::InvalidValue(m) => format!("取值无效：{m}"),
            ErrorKind::NotWhole(v) => format!("须为 0 或以上的整数，当前为 “{v}”"),
            ErrorKind::NotFlag(v) => format!("须填 是/否（yes/no、true/false、1/0），当前为 “{v}”"),
            ErrorKind::MissingField(f) => format!("缺少字段 `{f}`"),
            ErrorKind::UnknownMode { value, expected } => {
                format!("无法识别的取值 “{value}”，可选：{expected}")
            }
            ErrorKind::Format(v) => format!("不支持的政策格式 “{v}”，应为 \"paygrade-policy/1\""),
            ErrorKind::InvalidNumber(v) => format!("不是有效数字：“{v}”"),
            ErrorKind::InvalidDate(v) => format!("不是有效日期（年-月-日，1900–2199 年）：“{v}”"),
            ErrorKind::Overflow => "金额过大，计算溢出".to_string(),
            ErrorKind::Negative(v) => format!("不能为负数，当前为 {v}"),
            ErrorKind::WeightsSum(s) => format!("权重之和为 {s}，必须恰好等于 1"),
            ErrorKind::DuplicateLevel(l) => format!("等级 “{l}” 重复"),
            ErrorKind::DuplicateBand(b) => format!("档次 “{b}” 在该等级中重复"),
            ErrorKind::LevelShape(d) => detail_zh(d).map_or_else(
                || "每个等级须有档次表 `bands` 或单一系数 `coefficient`，二者取一".to_string(),
                str::to_string,
            ),
            ErrorKind::Brackets(d) => detail_zh(d).map_or_else(
                || "年功工资分段须按年限递增，且最后一段 `through_year` 为 null".to_string(),
                str::to_string,
            ),
            ErrorKind::AssessmentTable(d) => detail_zh(d).map_or_else(
                || "考核系数表须按最低分严格递减，且最后一行最低分为 0".to_string(),
                str::to_string,
            ),
            ErrorKind::StandardDays(v) => format!("月计薪天数必须大于 0，当前为 {v}"),
            ErrorKind::Scale(s) => format!("舍入位数须为 0 到 6，当前为 {s}"),
            ErrorKind::Fraction(v) => format!("比例须在 0 到 1 之间，当前为 {v}"),
            ErrorKind::UnknownLevel(l) => format!("没有等级 “{l}”"),
            ErrorKind::UnknownBand { band, level } => format!("档次 “{band}” 不属于等级 “{level}”"),
            ErrorKind::ScoreRange(v) => format!("分数须在 0 到 100 之间，当前为 {v}"),
            ErrorKind::MissingScore => "缺少评价分数".to_string(),
            ErrorKind::Conflict(a, b) => format!("`{a}` 与 `{b}` 只能填写一个"),
            ErrorKind::Neither(a, b) => format!("请填写 `{a}` 或 `{b}`"),
            ErrorKind::StartAfterAsOf { start, as_of } => {
                format!("入岗日期 {start} 晚于计薪日期 {as_of}")
            }
            ErrorKind::PaidDays { value, max } => {
                format!("计薪天数须在 0 到 {max} 之间，当前为 {value}")
            }
            ErrorKind::PoolNeedsRoster => {
                "效益工资总额分配模式需要整个花名册，不能单独计算一人".to_string()
            }
            ErrorKind::MissingPool => "效益工资总额分配模式需要填写总额 `pool`".to_string(),
            ErrorKind::DuplicateId { id, first_row } => {
                format!("工号 “{id}” 重复（首次出现在第 {first_row} 行）")
            }
            ErrorKind::KpiMissing(id) => format!("指标 “{id}” 缺少目标或完成值"),
            ErrorKind::KpiTarget(id) => format!("指标 “{id}” 的目标必须大于 0"),
            ErrorKind::DuplicateIndicator(id) => format!("指标 “{id}” 重复"),
            ErrorKind::FloorAboveCap { floor, cap } => {
                format!("下限 {floor} 高于上限 {cap}（须 0 ≤ 下限 ≤ 上限）")
            }
            ErrorKind::NoMonths => "至少需要一个月：months 为空".to_string(),
            ErrorKind::NoRows => "文件只有表头，没有数据行".to_string(),
            ErrorKind::TooLarge(what) => format!("输入过大：{what}"),
            ErrorKind::File { zh, .. } => zh.clone(),
            ErrorKind::Chart(m) => format!("图表无法绘制：{m}"),
        }
    }
}

/// The Chinese for a policy-shape detail (the English detail is the kind's own text).
fn detail_zh(detail: &str) -> Option<&'static str> {
    Some(match detail {
        "no level at all" => "等级表中至少要有一个等级",
        "a level id is empty" => "等级名称不能为空",
        "a level has both `bands` and a single `coefficient`" => {
            "一个等级不能同时有档次表 `bands` 和单一系数 `coefficient`"
        }
        "a level has neither `bands` nor a single `coefficient`" => {
            "每个等级须有档次表 `bands` 或单一系数 `coefficient`"
        }
        "a level has an empty bands list" => "档次表不能为空",
        "a band name is empty" => "档次名称不能为空",
        "at least one bracket is needed" => "年功工资至少要有一个分段",
        "only the last bracket may be open (through_year null)" => {
            "只有最后一段的 `through_year` 可以为空（及以上）"
        }
        "the last bracket must be open (through_year null)" => {
            "最后一段的 `through_year` 须为空（及以上）"
        }
        "through_year must increase from bracket to bracket" => "各段的 `through_year` 须逐段递增",
        "table mode needs at least one row" => "分档方式的考核系数表至少需要一行",
        "min_score must strictly descend" => "考核系数表的最低得分须由高到低严格递减",
        _ => return None,
    })
}

/// A recoverable problem found while importing or paying (SPEC §12 `warnings`): a stable code,
/// the place (row and column header as the file spells them), the values the message
/// names (`params`), and the message in Chinese and English.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Warning {
    /// Spreadsheet row (1 = the file's first row), when it concerns a row.
    pub row: Option<usize>,
    /// Column header as given, when it concerns a column.
    pub column: Option<String>,
    /// Stable code, e.g. `unknown_column`.
    pub code: &'static str,
    /// The values named in the message (`sheet`, `value`, `skipped` …), as text.
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub params: std::collections::BTreeMap<&'static str, String>,
    /// Message, 中文 / English.
    pub message: String,
}

impl Warning {
    /// A warning with its code, place, parameters and messages (`zh`, `en`).
    pub fn new(
        code: &'static str,
        row: Option<usize>,
        column: Option<String>,
        params: &[(&'static str, String)],
        zh: &str,
        en: &str,
    ) -> Warning {
        Warning {
            row,
            column,
            code,
            params: params.iter().cloned().collect(),
            message: format!("{zh} / {en}"),
        }
    }
}

/// Shorthand: an [`ErrorKind::Overflow`] at `path`.
pub fn overflow(path: &str) -> Error {
    Error::new(ErrorKind::Overflow, path)
}
