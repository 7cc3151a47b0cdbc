//! The policy file (SPEC §12) and its validation into a [`CheckedPolicy`].
//!
//! [`Policy`] is the public file format, field for field (`paygrade-policy/1`,
//! snake_case). [`Policy::default`] is the SPEC's example policy: the seed's 三级九档
//! ladder, quotas and seniority rates, with example amounts HR replaces.
//! [`Policy::check`] validates once and returns a [`CheckedPolicy`] that later code trusts.

use crate::error::{Error, ErrorKind, Result};
use crate::json;
use crate::json::NamedList;
use crate::ladder::Ladder;
use crate::money::Rounding;
use rust_decimal::Decimal;
use serde::Serialize;

/// The value of the policy's `format` field.
pub const POLICY_FORMAT: &str = "paygrade-policy/1";

fn d(s: &str) -> Decimal {
    s.parse().unwrap_or_default()
}

/// A whole compensation policy, as in the policy file (SPEC §12).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Policy {
    /// Always `paygrade-policy/1`.
    pub format: String,
    /// A name for people.
    pub name: String,
    /// Currency code; amounts are in this currency (CNY).
    pub currency: String,
    /// Rounding of every component (scale and mode), SPEC §2.
    pub rounding: Rounding,
    /// Levels lowest first; banded levels' bands lowest first (SPEC §2.2).
    pub ladder: Vec<LevelSpec>,
    /// The rural uplift (农村客户经理加档), SPEC §2.2.
    pub rural_uplift: RuralUplift,
    /// Seniority pay (年功工资), SPEC §2.1.
    pub seniority: SeniorityPolicy,
    /// The five evaluations (五评价), SPEC §2.3.
    pub evaluation: EvaluationPolicy,
    /// Performance pay (效益工资), SPEC §2.3 and §6.
    pub performance: PerformancePolicy,
    /// Partial-month proration (计薪天数), SPEC §7.
    pub proration: Proration,
    /// Quota control (比例控制), SPEC §3.
    pub quota: QuotaPolicy,
    /// Annual grade assignment (年度等级评定), SPEC §4.
    pub assignment: AssignmentPolicy,
    /// Social insurance and housing fund for take-home pay (a city's dated table), as
    /// given. The core keeps this block and writes it back untouched; the take-home crate
    /// (`paygrade-takehome`) reads and validates it (without one it uses its dated
    /// example table). Absent in the default policy, as in SPEC §12.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contributions: Option<Block>,
    /// The target scorecard that turns monthly KPIs into the business-results score, as
    /// given: kept and written back by the core, read and validated by the scorecard crate
    /// (`paygrade-scorecard`). Absent in the default policy, as in SPEC §12.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scorecard: Option<Block>,
}

/// A policy block that a member crate reads (`contributions`, `scorecard`): the JSON
/// value exactly as given — numbers keep their text (serde_json's `arbitrary_precision`).
pub type Block = serde_json::Value;

fn cny() -> String {
    "CNY".to_string()
}

/// One level of the ladder (`ladder[i]`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelSpec {
    /// The level's id, e.g. `senior` (Chinese names 高级/中级/初级/见习 are accepted as aliases of the default ids).
    pub level: String,
    /// The level's display name in Chinese (defaults for the default ids: 见习/初级/中级/高级).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label_zh: Option<String>,
    /// The level's display name in English (defaults: Trainee/Junior/Intermediate/Senior).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label_en: Option<String>,
    /// Base wage 基本岗位工资, monthly CNY.
    pub base_wage: Decimal,
    /// Floating wage 岗位浮动工资, monthly CNY; follows the level (seed).
    pub floating_wage: Decimal,
    /// Quota cap as a fraction of headcount (0.20 = 20%); `null` = no cap (seed: 20/50/30).
    pub quota_max: Option<Decimal>,
    /// The single coefficient of a level without bands (trainee).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coefficient: Option<Decimal>,
    /// Bands lowest first (C, B, A), each with its coefficient.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bands: Option<Vec<BandSpec>>,
}

/// One band of a level (`ladder[i].bands[j]`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BandSpec {
    /// Band letter, e.g. `A` (highest), `B`, `C`.
    pub band: String,
    /// Performance-pay coefficient 效益工资系数 of this grade (a plain multiplier).
    pub coefficient: Decimal,
}

/// How far the rural uplift reaches (`rural_uplift.scope`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UpliftScope {
    /// Steps along the nine-step ladder, crossing into the next level (default, reading).
    Ladder,
    /// Capped at the top band of the person's own level (the other reading).
    Level,
}

/// The rural uplift (seed: 在已评定的等级和档次上加一个档次).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RuralUplift {
    /// Steps up the ladder for rural managers (seed: 1).
    pub steps: u32,
    /// Whether the steps may cross levels.
    pub scope: UpliftScope,
    /// Whether the floating wage follows a step into a higher level (default false).
    pub floating_follows: bool,
}

impl Default for RuralUplift {
    fn default() -> Self {
        RuralUplift {
            steps: 1,
            scope: UpliftScope::Ladder,
            floating_follows: false,
        }
    }
}

/// Employment type 用工性质.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Employment {
    /// On-roll staff 在册职工.
    Regular,
    /// Hired under contract 聘用工.
    Contract,
}

/// How seniority rates apply to the years (`seniority.mode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeniorityMode {
    /// All years at the rate of the person's bracket (default; the seed's literal wording).
    Flat,
    /// Each year at its own bracket's rate (分段累进).
    Marginal,
}

/// Where a 29 February start has its anniversary in common years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeapDay {
    /// On 28 February (default).
    Feb28,
    /// On 1 March.
    Mar01,
}

/// A seniority bracket: `per_year` CNY per year through `through_year` (null = open).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bracket {
    /// The last completed year this bracket covers; `null` for the last, open bracket.
    pub through_year: Option<u32>,
    /// Monthly CNY per completed year.
    pub per_year: Decimal,
}

/// Seniority pay 年功工资 (SPEC §2.1).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeniorityPolicy {
    /// Employment types that earn it (seed: contract 聘用工).
    pub eligible_employment: Vec<Employment>,
    /// Completed years needed (seed: 3, 满三年).
    pub min_years: u32,
    /// Flat or marginal.
    pub mode: SeniorityMode,
    /// Brackets in increasing `through_year`, the last open (seed: 4 / 6 / 8).
    pub brackets: Vec<Bracket>,
    /// The 29 February rule.
    pub leap_day_anniversary: LeapDay,
}

impl Default for SeniorityPolicy {
    fn default() -> Self {
        SeniorityPolicy {
            eligible_employment: vec![Employment::Contract],
            min_years: 3,
            mode: SeniorityMode::Flat,
            brackets: vec![
                Bracket {
                    through_year: Some(10),
                    per_year: d("4.00"),
                },
                Bracket {
                    through_year: Some(15),
                    per_year: d("6.00"),
                },
                Bracket {
                    through_year: None,
                    per_year: d("8.00"),
                },
            ],
            leap_day_anniversary: LeapDay::Feb28,
        }
    }
}

/// Weights of the five evaluations (fractions summing to exactly 1).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct EvaluationWeights {
    /// Business results 经营业绩.
    pub business: Decimal,
    /// Customer satisfaction 客户满意度.
    pub customer_satisfaction: Decimal,
    /// Supplier (industrial enterprise) evaluation 工业企业评价.
    pub supplier: Decimal,
    /// Self-evaluation 自我评价.
    #[serde(rename = "self")]
    pub self_: Decimal,
    /// Marketing-department audit 营销部审核评价.
    pub marketing_audit: Decimal,
}

/// What a missing evaluation score does (`evaluation.missing_scores`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MissingScores {
    /// A missing score is an error (default).
    Error,
    /// Leave it out and divide by the sum of the remaining weights.
    Renormalize,
}

/// The five evaluations 五评价 (SPEC §2.3).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct EvaluationPolicy {
    /// Weights, in the order of SPEC §1.
    pub weights: EvaluationWeights,
    /// Missing-score rule.
    pub missing_scores: MissingScores,
}

impl Default for EvaluationPolicy {
    fn default() -> Self {
        EvaluationPolicy {
            weights: EvaluationWeights {
                business: d("0.40"),
                customer_satisfaction: d("0.20"),
                supplier: d("0.15"),
                self_: d("0.10"),
                marketing_audit: d("0.15"),
            },
            missing_scores: MissingScores::Error,
        }
    }
}

/// How performance pay is funded (`performance.mode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PerformanceMode {
    /// base × coefficient × factor (default).
    FixedBase,
    /// A monthly pool shared over the roster (SPEC §6).
    Pool,
}

/// How the assessment factor is read from the composite (`assessment.mode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssessmentMode {
    /// From the threshold table (default).
    Table,
    /// composite ÷ 100.
    Linear,
}

/// One row of the assessment table: from `min_score` up, `factor` and `rating`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AssessmentRow {
    /// Lowest composite (exact, unrounded) that earns this row.
    pub min_score: Decimal,
    /// Multiplier on performance pay (never rounded).
    pub factor: Decimal,
    /// Rating id, e.g. `excellent`.
    pub rating: String,
}

/// The assessment factor 考核系数 rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    /// Table or linear.
    pub mode: AssessmentMode,
    /// Rows in strictly descending `min_score`, the last at 0.
    pub table: Vec<AssessmentRow>,
}

/// Performance pay 效益工资 (SPEC §2.3, §6).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PerformancePolicy {
    /// Fixed base or pool.
    pub mode: PerformanceMode,
    /// Performance base, monthly CNY.
    pub base: Decimal,
    /// Pool mode: the monthly pool, CNY.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pool: Option<Decimal>,
    /// Assessment factor rule.
    pub assessment: Assessment,
}

impl Default for PerformancePolicy {
    fn default() -> Self {
        let row = |min: &str, factor: &str, rating: &str| AssessmentRow {
            min_score: d(min),
            factor: d(factor),
            rating: rating.to_string(),
        };
        PerformancePolicy {
            mode: PerformanceMode::FixedBase,
            base: d("1000.00"),
            pool: None,
            assessment: Assessment {
                mode: AssessmentMode::Table,
                table: vec![
                    row("90", "1.20", "excellent"),
                    row("80", "1.00", "good"),
                    row("70", "0.90", "qualified"),
                    row("60", "0.80", "basically_qualified"),
                    row("0", "0.50", "unqualified"),
                ],
            },
        }
    }
}

/// A pay component (`proration.components`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Component {
    /// Base wage.
    Base,
    /// Floating wage.
    Floating,
    /// Seniority pay.
    Seniority,
    /// Performance pay.
    Performance,
}

/// Partial-month proration (SPEC §7).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Proration {
    /// Pay days in a full month (default 21.75, the statutory figure).
    pub standard_days: Decimal,
    /// Components prorated by paid_days ÷ standard_days (default all four).
    pub components: Vec<Component>,
}

impl Default for Proration {
    fn default() -> Self {
        Proration {
            standard_days: d("21.75"),
            components: vec![
                Component::Base,
                Component::Floating,
                Component::Seniority,
                Component::Performance,
            ],
        }
    }
}

/// Who counts in the headcount for quotas (`quota.headcount`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadcountBasis {
    /// Every account manager, trainees included (default).
    All,
    /// Only those with a band.
    Graded,
}

/// How cap × headcount becomes whole seats (`quota.seat_rounding`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeatRounding {
    /// Down (default; the seed says 不超过, not more than).
    Floor,
    /// Half up.
    HalfUp,
    /// Up.
    Ceil,
}

/// Quota control 比例控制 (SPEC §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct QuotaPolicy {
    /// Headcount basis.
    pub headcount: HeadcountBasis,
    /// Seat rounding.
    pub seat_rounding: SeatRounding,
}

impl Default for QuotaPolicy {
    fn default() -> Self {
        QuotaPolicy {
            headcount: HeadcountBasis::All,
            seat_rounding: SeatRounding::Floor,
        }
    }
}

/// Education 学历, ordered lowest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Education {
    /// None recorded.
    None,
    /// Secondary 中专/高中.
    Secondary,
    /// Associate 大专.
    Associate,
    /// Bachelor 本科.
    Bachelor,
    /// Master 硕士.
    Master,
    /// Doctorate 博士.
    Doctorate,
}

/// Grading weights: exam and review (fractions summing to 1).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct GradingWeights {
    /// Skills exam 专业技能考试.
    pub exam: Decimal,
    /// Review of work ability 工作能力综合评议.
    pub review: Decimal,
}

/// Minimum conditions for a level (SPEC §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Requirement {
    /// Lowest education.
    pub min_education: Education,
    /// Years worked 工作年限.
    pub min_years_of_work: u32,
    /// Completed years in the account-manager post.
    pub min_years_in_post: u32,
}

/// How bands are set inside a level at assignment (`assignment.bands`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BandRule {
    /// By rank thirds: ⌊3(r−1)/n⌋ from the top (default).
    Thirds,
    /// By grading-score thresholds.
    Thresholds,
}

/// Annual grade assignment 年度等级评定 (SPEC §4).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AssignmentPolicy {
    /// Exam and review weights.
    pub weights: GradingWeights,
    /// Requirements per banded level id.
    pub requirements: NamedList<Requirement>,
    /// Band rule.
    pub bands: BandRule,
    /// With `thresholds`: the lowest grading score for band A and for band B.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thresholds: Option<NamedList<String>>,
}

impl Default for AssignmentPolicy {
    fn default() -> Self {
        let req = |e, w, p| Requirement {
            min_education: e,
            min_years_of_work: w,
            min_years_in_post: p,
        };
        let requirements = NamedList(vec![
            ("junior".to_string(), req(Education::Secondary, 1, 0)),
            ("intermediate".to_string(), req(Education::Associate, 3, 2)),
            ("senior".to_string(), req(Education::Bachelor, 8, 5)),
        ]);
        AssignmentPolicy {
            weights: GradingWeights {
                exam: d("0.50"),
                review: d("0.50"),
            },
            requirements,
            bands: BandRule::Thirds,
            thresholds: None,
        }
    }
}

impl Default for Policy {
    /// The SPEC §12 default: the seed's ladder, quotas and seniority rates; example amounts.
    fn default() -> Self {
        let level = |id: &str, floating: &str, quota: Option<&str>, coefs: &[&str]| LevelSpec {
            level: id.to_string(),
            label_zh: None,
            label_en: None,
            base_wage: d("1500.00"),
            floating_wage: d(floating),
            quota_max: quota.map(d),
            coefficient: if coefs.len() == 1 {
                coefs.first().map(|c| d(c))
            } else {
                None
            },
            bands: if coefs.len() == 3 {
                Some(
                    ["C", "B", "A"]
                        .iter()
                        .zip(coefs)
                        .map(|(b, c)| BandSpec {
                            band: b.to_string(),
                            coefficient: d(c),
                        })
                        .collect(),
                )
            } else {
                None
            },
        };
        Policy {
            format: POLICY_FORMAT.to_string(),
            name: "三级九档 example — amounts are examples".to_string(),
            currency: cny(),
            rounding: Rounding::default(),
            ladder: vec![
                level("trainee", "0.00", None, &["0.80"]),
                level("junior", "500.00", Some("0.30"), &["1.00", "1.10", "1.20"]),
                level(
                    "intermediate",
                    "800.00",
                    Some("0.50"),
                    &["1.30", "1.40", "1.50"],
                ),
                level("senior", "1200.00", Some("0.20"), &["1.60", "1.70", "1.80"]),
            ],
            rural_uplift: RuralUplift::default(),
            seniority: SeniorityPolicy::default(),
            evaluation: EvaluationPolicy::default(),
            performance: PerformancePolicy::default(),
            proration: Proration::default(),
            quota: QuotaPolicy::default(),
            assignment: AssignmentPolicy::default(),
            contributions: None,
            scorecard: None,
        }
    }
}

/// A policy that passed [`Policy::check`]: every later step may trust it.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedPolicy {
    policy: Policy,
    ladder: Ladder,
}

impl CheckedPolicy {
    /// The policy as given (for output, hashing and diffs).
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// The ladder: levels, bands and the nine steps.
    pub fn ladder(&self) -> &Ladder {
        &self.ladder
    }
}

impl Policy {
    /// Parse a policy from JSON text (SPEC §12) and check it.
    ///
    /// # Errors
    /// Any JSON error with its field path (see [`crate::json::from_json_str`]);
    /// `roster_not_policy` for a list of employees; then any error of [`Policy::check`].
    pub fn from_json(text: &str) -> Result<CheckedPolicy> {
        Policy::from_value(&json::parse(text)?)
    }

    /// Read a policy from a JSON value (parsed text, or a JS object at the wasm boundary)
    /// and check it.
    ///
    /// # Errors
    /// Any field error with its path, then any error of [`Policy::check`].
    pub fn from_value(value: &serde_json::Value) -> Result<CheckedPolicy> {
        <Policy as json::FromJson>::from_json(value, "")?.check()
    }

    /// Validate the policy once into a [`CheckedPolicy`].
    ///
    /// # Errors
    /// With the field path: `unsupported_format`; `rounding_scale` (scale > 6);
    /// `duplicate_level`, `duplicate_band`, `level_shape` (bands and a coefficient, or
    /// neither; no banded level at all); `negative_amount` (wages, coefficients, rates,
    /// performance base, pool, factors); `fraction_range` (a quota cap outside 0–1);
    /// `brackets_order` (no brackets, `through_year` not increasing, the last not open, or
    /// an open one before the last); `weights_sum` (evaluation or grading weights not
    /// summing to exactly 1); `assessment_order` (table empty in table mode, `min_score`
    /// not strictly descending, the last not 0, a score outside 0–100);
    /// `standard_days` (≤ 0); `missing_pool` (pool mode without `pool`);
    /// `unknown_level` (a requirement for a level not on the ladder). The `contributions`
    /// and `scorecard` blocks are checked by the crates that read them (the take-home and
    /// scorecard crates; `paygrade-team`'s `HrPolicy::check` validates every block).
    pub fn check(self) -> Result<CheckedPolicy> {
        if self.format != POLICY_FORMAT {
            return Err(Error::new(ErrorKind::Format(self.format.clone()), "format"));
        }
        if self.rounding.scale > 6 {
            return Err(Error::new(
                ErrorKind::Scale(self.rounding.scale),
                "rounding.scale",
            ));
        }
        let ladder = Ladder::build(&self.ladder)?;
        check_seniority(&self.seniority)?;
        let w = &self.evaluation.weights;
        check_weights(
            &[
                ("business", w.business),
                ("customer_satisfaction", w.customer_satisfaction),
                ("supplier", w.supplier),
                ("self", w.self_),
                ("marketing_audit", w.marketing_audit),
            ],
            "evaluation.weights",
        )?;
        check_performance(&self.performance)?;
        let days = self.proration.standard_days;
        if days <= Decimal::ZERO {
            return Err(Error::new(
                ErrorKind::StandardDays(days),
                "proration.standard_days",
            ));
        }
        let g = &self.assignment.weights;
        check_weights(
            &[("exam", g.exam), ("review", g.review)],
            "assignment.weights",
        )?;
        for level in self.assignment.requirements.keys() {
            if ladder.level_index(level).is_none() {
                return Err(Error::new(
                    ErrorKind::UnknownLevel(level.clone()),
                    format!("assignment.requirements.{level}"),
                ));
            }
        }
        if let Some(thresholds) = &self.assignment.thresholds {
            for (band, value) in thresholds.iter() {
                let path = format!("assignment.thresholds.{band}");
                let v = crate::number::parse_decimal(value).map_err(|e| e.within(&path))?;
                check_score(v, &path)?;
            }
        }
        Ok(CheckedPolicy {
            policy: self,
            ladder,
        })
    }
}

/// Error unless `value` ≥ 0.
///
/// # Errors
/// `negative_amount` at `path`.
pub fn non_negative(value: Decimal, path: &str) -> Result<()> {
    if value.is_sign_negative() && !value.is_zero() {
        Err(Error::new(ErrorKind::Negative(value), path))
    } else {
        Ok(())
    }
}

/// Error unless 0 ≤ `value` ≤ 100: an evaluation, composite or grading score (SPEC §1,
/// points). The roster reader calls it too, so a file's out-of-range score is listed with
/// the file's other bad cells rather than after them.
///
/// # Errors
/// `score_range` at `path`.
pub fn check_score(value: Decimal, path: &str) -> Result<()> {
    // The common case on 64-bit integers alone (a roster reads five scores a row; the
    // browser has no 128-bit multiply): the value is mantissa ÷ 10^scale, so
    // 0 ≤ value ≤ 100 ⇔ 0 ≤ mantissa ≤ 100 × 10^scale (a mantissa below zero or beyond
    // 64 bits is outside).
    let limit = 10u64
        .checked_pow(value.scale())
        .and_then(|p| p.checked_mul(100));
    if let Some(limit) = limit {
        let within = u64::try_from(value.mantissa()).is_ok_and(|m| m <= limit);
        return if within {
            Ok(())
        } else {
            Err(Error::new(ErrorKind::ScoreRange(value), path))
        };
    }
    if value < Decimal::ZERO || value > Decimal::ONE_HUNDRED {
        Err(Error::new(ErrorKind::ScoreRange(value), path))
    } else {
        Ok(())
    }
}

fn check_weights(weights: &[(&str, Decimal)], path: &str) -> Result<()> {
    let mut sum = Decimal::ZERO;
    for (name, w) in weights {
        let p = format!("{path}.{name}");
        non_negative(*w, &p)?;
        if *w > Decimal::ONE {
            return Err(Error::new(ErrorKind::Fraction(*w), p));
        }
        sum = sum
            .checked_add(*w)
            .ok_or_else(|| crate::error::overflow(&p))?;
    }
    if sum != Decimal::ONE {
        return Err(Error::new(ErrorKind::WeightsSum(sum.normalize()), path));
    }
    Ok(())
}

fn check_seniority(s: &SeniorityPolicy) -> Result<()> {
    if s.brackets.is_empty() {
        return Err(Error::new(
            ErrorKind::Brackets("at least one bracket is needed"),
            "seniority.brackets",
        ));
    }
    let last = s.brackets.len() - 1;
    let mut previous: Option<u32> = None;
    for (i, b) in s.brackets.iter().enumerate() {
        let path = format!("seniority.brackets[{i}]");
        non_negative(b.per_year, &format!("{path}.per_year"))?;
        match (b.through_year, i == last) {
            (None, true) => {}
            (None, false) => {
                return Err(Error::new(
                    ErrorKind::Brackets("only the last bracket may be open (through_year null)"),
                    format!("{path}.through_year"),
                ))
            }
            (Some(_), true) => {
                return Err(Error::new(
                    ErrorKind::Brackets("the last bracket must be open (through_year null)"),
                    format!("{path}.through_year"),
                ))
            }
            (Some(t), false) => {
                if previous.is_some_and(|p| t <= p) {
                    return Err(Error::new(
                        ErrorKind::Brackets("through_year must increase from bracket to bracket"),
                        format!("{path}.through_year"),
                    ));
                }
                previous = Some(t);
            }
        }
    }
    Ok(())
}

fn check_performance(p: &PerformancePolicy) -> Result<()> {
    non_negative(p.base, "performance.base")?;
    match (p.mode, p.pool) {
        (PerformanceMode::Pool, None) => {
            return Err(Error::new(ErrorKind::MissingPool, "performance.pool"))
        }
        (_, Some(pool)) => non_negative(pool, "performance.pool")?,
        _ => {}
    }
    let table = &p.assessment.table;
    if p.assessment.mode == AssessmentMode::Table && table.is_empty() {
        return Err(Error::new(
            ErrorKind::AssessmentTable("table mode needs at least one row"),
            "performance.assessment.table",
        ));
    }
    let mut previous: Option<Decimal> = None;
    for (i, row) in table.iter().enumerate() {
        let path = format!("performance.assessment.table[{i}]");
        check_score(row.min_score, &format!("{path}.min_score"))?;
        non_negative(row.factor, &format!("{path}.factor"))?;
        if previous.is_some_and(|prev| row.min_score >= prev) {
            return Err(Error::new(
                ErrorKind::AssessmentTable("min_score must strictly descend"),
                format!("{path}.min_score"),
            ));
        }
        previous = Some(row.min_score);
    }
    if previous.is_some_and(|last| !last.is_zero()) {
        return Err(Error::new(
            ErrorKind::AssessmentTable(
                "the last row must start at 0 so every composite has a factor",
            ),
            format!(
                "performance.assessment.table[{}].min_score",
                table.len() - 1
            ),
        ));
    }
    Ok(())
}

// ---- Reading the policy file (SPEC §12). Absent sections take the SPEC defaults. ----

use crate::json::{json_enum, FromJson, Obj};
use serde_json::Value;

json_enum!(UpliftScope { Ladder = "ladder", Level = "level" });
json_enum!(Employment {
    Regular = "regular" | "在册" | "在册职工" | "在册员工",
    Contract = "contract" | "聘用" | "聘用工" | "聘用人员",
});
json_enum!(SeniorityMode { Flat = "flat", Marginal = "marginal" });
json_enum!(LeapDay { Feb28 = "feb_28", Mar01 = "mar_01" });
json_enum!(MissingScores { Error = "error", Renormalize = "renormalize" });
json_enum!(PerformanceMode { FixedBase = "fixed_base", Pool = "pool" });
json_enum!(AssessmentMode { Table = "table", Linear = "linear" });
json_enum!(Component {
    Base = "base",
    Floating = "floating",
    Seniority = "seniority",
    Performance = "performance",
});
json_enum!(HeadcountBasis { All = "all", Graded = "graded" });
json_enum!(SeatRounding { Floor = "floor", HalfUp = "half_up", Ceil = "ceil" });
json_enum!(Education {
    None = "none" | "无",
    Secondary = "secondary" | "中专" | "高中" | "中学" | "技校",
    Associate = "associate" | "大专" | "专科",
    Bachelor = "bachelor" | "本科" | "学士",
    Master = "master" | "硕士" | "研究生",
    Doctorate = "doctorate" | "博士",
});
json_enum!(BandRule { Thirds = "thirds", Thresholds = "thresholds" });

impl FromJson for Policy {
    fn from_json(value: &Value, path: &str) -> Result<Self> {
        // A list of employees is a roster opened in the wrong place (SPEC §12).
        if let Value::Array(items) = value {
            if items
                .first()
                .is_some_and(|item| item.get("level").is_some())
            {
                return Err(Error::new(ErrorKind::RosterNotPolicy, path));
            }
        }
        let o = Obj::new(value, path)?;
        Ok(Policy {
            format: o.req("format")?,
            name: o.or("name", String::new)?,
            currency: o.or("currency", cny)?,
            rounding: o.or("rounding", Rounding::default)?,
            ladder: o.req("ladder")?,
            rural_uplift: o.or("rural_uplift", RuralUplift::default)?,
            seniority: o.or("seniority", SeniorityPolicy::default)?,
            evaluation: o.or("evaluation", EvaluationPolicy::default)?,
            performance: o.or("performance", PerformancePolicy::default)?,
            proration: o.or("proration", Proration::default)?,
            quota: o.or("quota", QuotaPolicy::default)?,
            assignment: o.or("assignment", AssignmentPolicy::default)?,
            contributions: o.block("contributions")?,
            scorecard: o.block("scorecard")?,
        })
    }
}

impl FromJson for LevelSpec {
    fn from_json(value: &Value, path: &str) -> Result<Self> {
        let o = Obj::new(value, path)?;
        Ok(LevelSpec {
            level: o.req("level")?,
            label_zh: o.opt("label_zh")?,
            label_en: o.opt("label_en")?,
            base_wage: o.req("base_wage")?,
            floating_wage: o.req("floating_wage")?,
            quota_max: o.opt("quota_max")?,
            coefficient: o.opt("coefficient")?,
            bands: o.opt("bands")?,
        })
    }
}

impl FromJson for BandSpec {
    fn from_json(value: &Value, path: &str) -> Result<Self> {
        let o = Obj::new(value, path)?;
        Ok(BandSpec {
            band: o.req("band")?,
            coefficient: o.req("coefficient")?,
        })
    }
}

impl FromJson for RuralUplift {
    fn from_json(value: &Value, path: &str) -> Result<Self> {
        let o = Obj::new(value, path)?;
        let d = RuralUplift::default();
        Ok(RuralUplift {
            steps: o.or("steps", || d.steps)?,
            scope: o.or("scope", || d.scope)?,
            floating_follows: o.or("floating_follows", || d.floating_follows)?,
        })
    }
}

impl FromJson for Bracket {
    fn from_json(value: &Value, path: &str) -> Result<Self> {
        let o = Obj::new(value, path)?;
        Ok(Bracket {
            through_year: o.opt("through_year")?,
            per_year: o.req("per_year")?,
        })
    }
}

impl FromJson for SeniorityPolicy {
    fn from_json(value: &Value, path: &str) -> Result<Self> {
        let o = Obj::new(value, path)?;
        let d = SeniorityPolicy::default();
        Ok(SeniorityPolicy {
            eligible_employment: o.or("eligible_employment", || d.eligible_employment.clone())?,
            min_years: o.or("min_years", || d.min_years)?,
            mode: o.or("mode", || d.mode)?,
            brackets: o.req("brackets")?,
            leap_day_anniversary: o.or("leap_day_anniversary", || d.leap_day_anniversary)?,
        })
    }
}

impl FromJson for EvaluationWeights {
    fn from_json(value: &Value, path: &str) -> Result<Self> {
        let o = Obj::new(value, path)?;
        Ok(EvaluationWeights {
            business: o.req("business")?,
            customer_satisfaction: o.req("customer_satisfaction")?,
            supplier: o.req("supplier")?,
            self_: o.req("self")?,
            marketing_audit: o.req("marketing_audit")?,
        })
    }
}

impl FromJson for EvaluationPolicy {
    fn from_json(value: &Value, path: &str) -> Result<Self> {
        let o = Obj::new(value, path)?;
        Ok(EvaluationPolicy {
            weights: o.req("weights")?,
            missing_scores: o.or("missing_scores", || MissingScores::Error)?,
        })
    }
}

impl FromJson for AssessmentRow {
    fn from_json(value: &Value, path: &str) -> Result<Self> {
        let o = Obj::new(value, path)?;
        Ok(AssessmentRow {
            min_score: o.req("min_score")?,
            factor: o.req("factor")?,
            rating: o.req("rating")?,
        })
    }
}

impl FromJson for Assessment {
    fn from_json(value: &Value, path: &str) -> Result<Self> {
        let o = Obj::new(value, path)?;
        Ok(Assessment {
            mode: o.or("mode", || AssessmentMode::Table)?,
            table: o.or("table", Vec::new)?,
        })
    }
}

impl FromJson for PerformancePolicy {
    fn from_json(value: &Value, path: &str) -> Result<Self> {
        let o = Obj::new(value, path)?;
        Ok(PerformancePolicy {
            mode: o.or("mode", || PerformanceMode::FixedBase)?,
            base: o.req("base")?,
            pool: o.opt("pool")?,
            assessment: o.req("assessment")?,
        })
    }
}

impl FromJson for Proration {
    fn from_json(value: &Value, path: &str) -> Result<Self> {
        let o = Obj::new(value, path)?;
        let d = Proration::default();
        Ok(Proration {
            standard_days: o.or("standard_days", || d.standard_days)?,
            components: o.or("components", || d.components.clone())?,
        })
    }
}

impl FromJson for QuotaPolicy {
    fn from_json(value: &Value, path: &str) -> Result<Self> {
        let o = Obj::new(value, path)?;
        let d = QuotaPolicy::default();
        Ok(QuotaPolicy {
            headcount: o.or("headcount", || d.headcount)?,
            seat_rounding: o.or("seat_rounding", || d.seat_rounding)?,
        })
    }
}

impl FromJson for GradingWeights {
    fn from_json(value: &Value, path: &str) -> Result<Self> {
        let o = Obj::new(value, path)?;
        Ok(GradingWeights {
            exam: o.req("exam")?,
            review: o.req("review")?,
        })
    }
}

impl FromJson for Requirement {
    fn from_json(value: &Value, path: &str) -> Result<Self> {
        let o = Obj::new(value, path)?;
        Ok(Requirement {
            min_education: o.or("min_education", || Education::None)?,
            min_years_of_work: o.or("min_years_of_work", || 0)?,
            min_years_in_post: o.or("min_years_in_post", || 0)?,
        })
    }
}

impl FromJson for AssignmentPolicy {
    fn from_json(value: &Value, path: &str) -> Result<Self> {
        let o = Obj::new(value, path)?;
        let d = AssignmentPolicy::default();
        Ok(AssignmentPolicy {
            weights: o.or("weights", || d.weights)?,
            requirements: o.or("requirements", || d.requirements.clone())?,
            bands: o.or("bands", || d.bands)?,
            thresholds: o.opt("thresholds")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn score(text: &str, ok: bool) {
        let v: Decimal = text.parse().unwrap();
        let r = check_score(v, "s");
        assert_eq!(r.is_ok(), ok, "{text}");
        if let Err(e) = r {
            assert_eq!(e.kind, ErrorKind::ScoreRange(v));
        }
    }

    /// 0–100 inclusive at any scale, the integer fast path and the comparison agreeing.
    #[test]
    fn scores_from_0_to_100_at_any_scale() {
        for t in [
            "0",
            "-0",
            "0.00",
            "92",
            "99.999999",
            "100",
            "100.000",
            "0.0000000000000000000000000001",
        ] {
            score(t, true);
        }
        for t in [
            "-0.01",
            "-1",
            "100.01",
            "100.0000000000000000000000001",
            "150",
            "79228162514264337593543950335",
        ] {
            score(t, false);
        }
    }
}
