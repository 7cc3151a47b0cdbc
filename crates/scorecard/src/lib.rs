//! The target scorecard: the business-results score (经营业绩) from monthly targets.
//!
//! The seed assesses account managers against monthly marketing targets (月度营销目标考评)
//! and reviews results quarterly and yearly. Here: achievement = actual ÷ target
//! (target ÷ actual for lower-is-better indicators such as an overdue-loan ratio);
//! credited = 0 below the indicator's floor, else min(achievement, cap); score =
//! 100 × Σ weight × credited, capped at 100 so it feeds the five evaluations on their
//! 0–100 scale. A quarter or year sums actuals and targets (averages them for ratio and
//! percent indicators) before scoring.
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

use indexmap::IndexMap;
use paygrade::employee::Kpi;
use paygrade::error::{overflow, Error, ErrorKind, Result};
use paygrade::json::{json_enum, FromJson, Obj};
use paygrade::number::fmt_at_least_2;
use paygrade::policy::non_negative;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;
use serde_json::Value;

fn d(s: &str) -> Decimal {
    s.parse().unwrap_or_default()
}

/// The unit an indicator is measured in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Yuan 元.
    Yuan,
    /// Ten thousand yuan 万元.
    TenThousandYuan,
    /// Cases 箱 (cigarettes).
    Cases,
    /// Customers 户.
    Customers,
    /// A percentage (an overdue ratio); averaged over periods.
    Percent,
    /// A ratio (products per customer, value per case); averaged over periods.
    Ratio,
}

json_enum!(Unit {
    Yuan = "yuan" | "元",
    TenThousandYuan = "10k_yuan" | "万元",
    Cases = "cases" | "箱",
    Customers = "customers" | "户",
    Percent = "percent" | "%",
    Ratio = "ratio",
});

/// Whether more is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// More is better (sales, deposits).
    HigherIsBetter,
    /// Less is better (overdue-loan ratio): achievement = target ÷ actual.
    LowerIsBetter,
}

json_enum!(Direction { HigherIsBetter = "higher_is_better", LowerIsBetter = "lower_is_better" });

/// One indicator of a scorecard.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Indicator {
    /// Id, e.g. `deposits`.
    pub id: String,
    /// Chinese name, e.g. 日均存款.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// Weight (a fraction; the weights sum to exactly 1).
    pub weight: Decimal,
    /// Unit.
    pub unit: Unit,
    /// Direction.
    pub direction: Direction,
    /// Highest credited achievement (default 1.20).
    pub cap: Decimal,
    /// Achievement below which the indicator earns 0 (default 0.60).
    pub floor: Decimal,
}

impl Indicator {
    fn averaged(&self) -> bool {
        matches!(self.unit, Unit::Percent | Unit::Ratio)
    }
}

/// The policy's `scorecard` block.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScorecardPolicy {
    /// Name for people.
    pub name: String,
    /// Indicators.
    pub indicators: Vec<Indicator>,
}

fn indicator(
    id: &str,
    zh: &str,
    en: &str,
    weight: &str,
    unit: Unit,
    direction: Direction,
) -> Indicator {
    Indicator {
        id: id.into(),
        name_zh: zh.into(),
        name_en: en.into(),
        weight: d(weight),
        unit,
        direction,
        cap: d("1.20"),
        floor: d("0.60"),
    }
}

impl ScorecardPolicy {
    /// Example: a tobacco account manager's monthly targets (weights are examples).
    pub fn tobacco_example() -> Self {
        use Direction::HigherIsBetter as Up;
        ScorecardPolicy {
            name: "烟草客户经理月度营销目标(示例) / tobacco monthly targets (example)".into(),
            indicators: vec![
                indicator(
                    "sales_volume",
                    "卷烟销量",
                    "sales volume",
                    "0.40",
                    Unit::Cases,
                    Up,
                ),
                indicator(
                    "sales_revenue",
                    "销售额",
                    "sales revenue",
                    "0.30",
                    Unit::TenThousandYuan,
                    Up,
                ),
                indicator(
                    "value_per_case",
                    "单箱值",
                    "value per case",
                    "0.15",
                    Unit::Ratio,
                    Up,
                ),
                indicator(
                    "new_retailers",
                    "新增零售户",
                    "new retail customers",
                    "0.15",
                    Unit::Customers,
                    Up,
                ),
            ],
        }
    }

    /// Example: a bank account manager's monthly targets (weights are examples): the
    /// README's worked example — deposits 0.30, loans 0.30, intermediate-business income
    /// 0.20, new corporate customers 0.10, overdue-loan ratio 0.10 (lower is better).
    pub fn bank_example() -> Self {
        use Direction::{HigherIsBetter as Up, LowerIsBetter as Down};
        ScorecardPolicy {
            name: "银行客户经理月度目标(示例) / bank monthly targets (example)".into(),
            indicators: vec![
                indicator(
                    "deposits",
                    "日均存款",
                    "average daily deposits",
                    "0.30",
                    Unit::TenThousandYuan,
                    Up,
                ),
                indicator(
                    "loans",
                    "贷款投放",
                    "loans",
                    "0.30",
                    Unit::TenThousandYuan,
                    Up,
                ),
                indicator(
                    "intermediate_income",
                    "中间业务收入",
                    "intermediate-business income",
                    "0.20",
                    Unit::TenThousandYuan,
                    Up,
                ),
                indicator(
                    "new_customers",
                    "新增对公客户",
                    "new corporate customers",
                    "0.10",
                    Unit::Customers,
                    Up,
                ),
                indicator(
                    "overdue_ratio",
                    "贷款逾期率",
                    "overdue loan ratio",
                    "0.10",
                    Unit::Percent,
                    Down,
                ),
            ],
        }
    }

    /// Check the scorecard (part of [`crate::Policy::check`]): ids unique, each weight a
    /// fraction 0–1 and the weights summing to exactly 1, 0 ≤ floor ≤ cap. Units and
    /// directions are checked when the policy is read (`unknown_mode`).
    ///
    /// # Errors
    /// At `scorecard.indicators[i]…`: `duplicate_indicator` (a repeated id, at `.id`),
    /// `negative_amount` / `fraction_range` (`.weight`), `negative_amount` (`.floor`),
    /// `floor_above_cap` (`.cap`); `weights_sum` at `scorecard.indicators`.
    pub fn check(&self) -> Result<()> {
        let mut sum = Decimal::ZERO;
        for (i, ind) in self.indicators.iter().enumerate() {
            let path = format!("scorecard.indicators[{i}]");
            if self.indicators.iter().take(i).any(|o| o.id == ind.id) {
                return Err(Error::new(
                    ErrorKind::DuplicateIndicator(ind.id.clone()),
                    format!("{path}.id"),
                ));
            }
            non_negative(ind.weight, &format!("{path}.weight"))?;
            if ind.weight > Decimal::ONE {
                return Err(Error::new(
                    ErrorKind::Fraction(ind.weight),
                    format!("{path}.weight"),
                ));
            }
            non_negative(ind.floor, &format!("{path}.floor"))?;
            if ind.cap < ind.floor {
                return Err(Error::new(
                    ErrorKind::FloorAboveCap {
                        floor: ind.floor,
                        cap: ind.cap,
                    },
                    format!("{path}.cap"),
                ));
            }
            sum = sum.checked_add(ind.weight).ok_or_else(|| overflow(&path))?;
        }
        if sum != Decimal::ONE {
            return Err(Error::new(
                ErrorKind::WeightsSum(sum.normalize()),
                "scorecard.indicators",
            ));
        }
        Ok(())
    }

    fn find(&self, key: &str) -> Option<&Indicator> {
        self.indicators
            .iter()
            .find(|i| i.id == key || i.name_zh == key || i.name_en == key)
    }
}

impl FromJson for Indicator {
    fn from_json(value: &Value, path: &str) -> Result<Self> {
        let o = Obj::new(value, path)?;
        let id: String = o.req("id")?;
        Ok(Indicator {
            name_zh: o.or("name_zh", || id.clone())?,
            name_en: o.or("name_en", || id.clone())?,
            id,
            weight: o.req("weight")?,
            unit: o.req("unit")?,
            direction: o.or("direction", || Direction::HigherIsBetter)?,
            cap: o.or("cap", || d("1.20"))?,
            floor: o.or("floor", || d("0.60"))?,
        })
    }
}

impl FromJson for ScorecardPolicy {
    fn from_json(value: &Value, path: &str) -> Result<Self> {
        let o = Obj::new(value, path)?;
        Ok(ScorecardPolicy {
            name: o.or("name", String::new)?,
            indicators: o.req("indicators")?,
        })
    }
}

/// One indicator's line in the result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreLine {
    /// Indicator id.
    pub id: String,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// Target used.
    pub target: Decimal,
    /// Actual used.
    pub actual: Decimal,
    /// Achievement, exact, at least two decimals (`1.18`).
    pub achievement: String,
    /// Credited achievement after floor and cap.
    pub credited: String,
    /// Weight.
    pub weight: Decimal,
    /// Score points from this line: 100 × weight × credited.
    pub points: String,
    /// The ratio's numerator as shown: actual (target where lower is better).
    pub numerator: Decimal,
    /// The ratio's denominator: target (actual where lower is better).
    pub denominator: Decimal,
    /// Achievement in percent, half away from zero to one decimal (`118.0`).
    pub percent: String,
    /// The floor, when the achievement is below it (the line is credited 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub below_floor: Option<Decimal>,
}

/// The indicator where one more unit of its own measure (one less where lower is better)
/// raises the score most, floor and cap included; on a tie the first in the card.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Lever {
    /// Indicator id.
    pub id: String,
    /// Score points that one more unit (one less, for lower-is-better) adds to this
    /// indicator's line — e.g. 0 → 1.00 credited × 0.10 = 10.00 when it lifts the line
    /// over its floor; rounded half-up to 4 decimals, at least 2 shown.
    pub points_per_unit: String,
}

/// A scorecard result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreResult {
    /// The business score, 0–100, exact, at least two decimals (`90.40`).
    pub score: String,
    /// The score before the cap at 100.
    pub uncapped: String,
    /// Each indicator.
    pub lines: Vec<ScoreLine>,
    /// Where one more unit helps most; null when no single unit adds a point anywhere.
    pub best_lever: Option<Lever>,
    /// The exact score, for the five evaluations.
    #[serde(skip)]
    pub exact: Decimal,
}

/// Achievement and credited achievement of one indicator: achievement = actual ÷ target
/// (target ÷ actual where lower is better; an actual of 0 there is credited at the cap);
/// credited = 0 below the floor, else min(achievement, cap). `None` on overflow.
fn credit(ind: &Indicator, target: Decimal, actual: Decimal) -> Option<(Decimal, Decimal)> {
    let achievement = match ind.direction {
        Direction::HigherIsBetter => actual.checked_div(target)?,
        Direction::LowerIsBetter if actual.is_zero() => ind.cap,
        Direction::LowerIsBetter => target.checked_div(actual)?,
    };
    let credited = if achievement < ind.floor {
        Decimal::ZERO
    } else {
        achievement.min(ind.cap)
    };
    Some((achievement, credited))
}

/// Score one period's KPIs (keys are indicator ids, or their Chinese or English names).
///
/// # Errors
/// At `kpis.<id>`: `kpi_missing` for an indicator without figures; `kpi_target` for a
/// target of 0 or less (and an actual of 0 or less for a lower-is-better indicator is
/// credited at the cap); `negative_amount` for a negative actual; `overflow`.
pub fn score(card: &ScorecardPolicy, kpis: &IndexMap<String, Kpi>) -> Result<ScoreResult> {
    let mut total = Decimal::ZERO;
    let mut lines = Vec::with_capacity(card.indicators.len());
    let mut best: Option<(Decimal, String)> = None;
    for ind in &card.indicators {
        let path = format!("kpis.{}", ind.id);
        let kpi = kpis
            .iter()
            .find(|(k, _)| card.find(k).is_some_and(|i| i.id == ind.id))
            .map(|(_, v)| *v)
            .ok_or_else(|| Error::new(ErrorKind::KpiMissing(ind.id.clone()), path.clone()))?;
        if kpi.target <= Decimal::ZERO {
            return Err(Error::new(
                ErrorKind::KpiTarget(ind.id.clone()),
                format!("{path}.target"),
            ));
        }
        non_negative(kpi.actual, &format!("{path}.actual"))?;
        let err = || overflow(&path);
        let (achievement, credited) = credit(ind, kpi.target, kpi.actual).ok_or_else(err)?;
        let part = ind.weight.checked_mul(credited).ok_or_else(err)?;
        total = total.checked_add(part).ok_or_else(err)?;
        let points = part.checked_mul(Decimal::ONE_HUNDRED).ok_or_else(err)?;
        // What one more unit (one less where lower is better) really adds, floor and cap
        // included: the line's points after the step minus its points now.
        let next_actual = match ind.direction {
            Direction::HigherIsBetter => kpi.actual.checked_add(Decimal::ONE).ok_or_else(err)?,
            Direction::LowerIsBetter => (kpi.actual - Decimal::ONE).max(Decimal::ZERO),
        };
        let (_, next_credited) = credit(ind, kpi.target, next_actual).ok_or_else(err)?;
        let gain = (next_credited - credited)
            .checked_mul(ind.weight)
            .and_then(|g| g.checked_mul(Decimal::ONE_HUNDRED))
            .ok_or_else(err)?;
        if gain > Decimal::ZERO && best.as_ref().is_none_or(|(b, _)| gain > *b) {
            best = Some((gain, ind.id.clone()));
        }
        let percent = (achievement * Decimal::ONE_HUNDRED)
            .round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero);
        let (num, den) = match ind.direction {
            Direction::HigherIsBetter => (kpi.actual, kpi.target),
            Direction::LowerIsBetter => (kpi.target, kpi.actual),
        };
        let mut percent_text = percent.normalize();
        percent_text.rescale(1);
        lines.push(ScoreLine {
            id: ind.id.clone(),
            name_zh: ind.name_zh.clone(),
            name_en: ind.name_en.clone(),
            target: kpi.target,
            actual: kpi.actual,
            achievement: fmt_at_least_2(achievement),
            credited: fmt_at_least_2(credited),
            weight: ind.weight,
            points: fmt_at_least_2(points),
            numerator: num,
            denominator: den,
            percent: percent_text.to_string(),
            below_floor: (achievement < ind.floor).then_some(ind.floor),
        });
    }
    let uncapped = total
        .checked_mul(Decimal::ONE_HUNDRED)
        .ok_or_else(|| overflow("kpis"))?;
    let exact = uncapped.min(Decimal::ONE_HUNDRED);
    Ok(ScoreResult {
        score: fmt_at_least_2(exact),
        uncapped: fmt_at_least_2(uncapped),
        lines,
        best_lever: best.map(|(per, id)| Lever {
            id,
            points_per_unit: fmt_at_least_2(
                per.round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero),
            ),
        }),
        exact,
    })
}

/// Aggregate months into a quarter or year (sum of actuals over sum of targets; the
/// average for percent and ratio indicators), then score.
///
/// # Errors
/// `kpi_missing` at `months[m].kpis.<id>` naming the month that lacks an indicator; the
/// errors of [`score`].
pub fn score_period(
    card: &ScorecardPolicy,
    months: &[IndexMap<String, Kpi>],
) -> Result<ScoreResult> {
    let mut summed: IndexMap<String, Kpi> = IndexMap::new();
    for ind in &card.indicators {
        let mut target = Decimal::ZERO;
        let mut actual = Decimal::ZERO;
        for (m, kpis) in months.iter().enumerate() {
            let kpi = kpis
                .iter()
                .find(|(k, _)| card.find(k).is_some_and(|i| i.id == ind.id))
                .map(|(_, v)| *v)
                .ok_or_else(|| {
                    Error::new(
                        ErrorKind::KpiMissing(ind.id.clone()),
                        format!("months[{m}].kpis.{}", ind.id),
                    )
                })?;
            target = target
                .checked_add(kpi.target)
                .ok_or_else(|| overflow("months"))?;
            actual = actual
                .checked_add(kpi.actual)
                .ok_or_else(|| overflow("months"))?;
        }
        if ind.averaged() && !months.is_empty() {
            let n = Decimal::from(months.len() as u64);
            target /= n;
            actual /= n;
        }
        summed.insert(ind.id.clone(), Kpi { target, actual });
    }
    score(card, &summed)
}

impl ScorecardPolicy {
    /// The policy's `scorecard` block read and validated (errors at `scorecard.…`), or —
    /// for a policy without one — the tobacco example card
    /// ([`ScorecardPolicy::tobacco_example`]).
    ///
    /// # Errors
    /// Field errors of the block with their paths; those of [`ScorecardPolicy::check`].
    pub fn of(policy: &paygrade::Policy) -> Result<ScorecardPolicy> {
        match &policy.scorecard {
            Some(block) => {
                let card = ScorecardPolicy::from_json(block, "scorecard")?;
                card.check()?;
                Ok(card)
            }
            None => Ok(ScorecardPolicy::tobacco_example()),
        }
    }
}

/// The step before the pay calculation: with KPIs and no business score given, the
/// employee with the business score (经营业绩) filled in from `card`, and the scorecard
/// behind it; `None` when the employee gives no KPIs or already gives a business or
/// composite score (those win).
///
/// # Errors
/// Those of [`score`], with paths inside the employee (`kpis.<id>…`).
pub fn fill_business(
    card: &ScorecardPolicy,
    e: &paygrade::Employee,
) -> Result<Option<(ScoreResult, paygrade::Employee)>> {
    let Some(kpis) = &e.kpis else {
        return Ok(None);
    };
    let business_given =
        e.scores.as_ref().is_some_and(|s| s.business.is_some()) || e.composite_score.is_some();
    if business_given {
        return Ok(None);
    }
    let kpis: IndexMap<String, Kpi> = kpis.iter().map(|(k, v)| (k.clone(), *v)).collect();
    let result = score(card, &kpis)?;
    let mut filled = e.clone();
    filled.scores.get_or_insert_with(Default::default).business = Some(result.exact);
    Ok(Some((result, filled)))
}

/// One person's breakdown with the scorecard behind its business score, when that
/// came from KPIs (the CLI's `pay` output).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoredBreakdown {
    /// The breakdown (SPEC §12).
    #[serde(flatten)]
    pub breakdown: paygrade::Breakdown,
    /// The scorecard, when the business score came from KPIs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scorecard: Option<ScoreResult>,
}

/// The scorecard for an employee's `kpis` (or, given `months: [{kpis}, …]`, for the
/// quarter or year they make up), under the policy's scorecard (or the example card).
/// `policy` and `input` are JSON values; `policy` `None` is the default policy.
///
/// # Errors
/// Policy errors; `missing_field` at `kpis`; at `months`, `invalid_value` when it is not
/// an array and `no_months` when it is empty; those of [`score`] and [`score_period`].
pub fn score_json(
    policy: Option<&serde_json::Value>,
    value: &serde_json::Value,
) -> Result<ScoreResult> {
    let policy = paygrade::api::policy_from(policy)?;
    let card = ScorecardPolicy::of(policy.policy())?;
    let o = Obj::new(value, "")?;
    if o.has("months") {
        let months = value.get("months").cloned().unwrap_or_default();
        let items = months
            .as_array()
            .cloned()
            .ok_or_else(|| paygrade::json::wrong_type(&months, "array", "months"))?;
        if items.is_empty() {
            return Err(Error::new(ErrorKind::NoMonths, "months"));
        }
        let mut periods = Vec::with_capacity(items.len());
        for (m, month) in items.iter().enumerate() {
            let path = format!("months[{m}]");
            let mo = Obj::new(month, &path)?;
            periods.push(mo.req::<IndexMap<String, Kpi>>("kpis")?);
        }
        return score_period(&card, &periods);
    }
    let kpis = <IndexMap<String, Kpi> as FromJson>::from_json(
        value
            .get("kpis")
            .ok_or_else(|| Error::new(ErrorKind::MissingField("kpis".into()), "kpis"))?,
        "kpis",
    )?;
    score(&card, &kpis)
}

impl ScorecardPolicy {
    /// The example cards the page offers, by key: `tobacco`, `bank`.
    pub fn presets() -> indexmap::IndexMap<&'static str, ScorecardPolicy> {
        indexmap::IndexMap::from([
            ("tobacco", ScorecardPolicy::tobacco_example()),
            ("bank", ScorecardPolicy::bank_example()),
        ])
    }
}
