//! Monthly pay: base + floating + seniority + performance (SPEC §2, §7, §9).
//!
//! Each component is computed exactly, prorated when the month is partial and the
//! policy lists it (amount × paid_days ÷ standard_days: multiply first, divide last),
//! then rounded once to the policy's scale and mode. The total is the sum of the
//! rounded components, so a payslip always adds up.

use crate::employee::Employee;
use crate::error::{overflow, Error, ErrorKind, Result, Warning};
use crate::evaluation::{assess, composite, next_rating, rating_id};
use crate::explain::{Explain, Proration, Rule, Term};
use crate::ladder::Grade;
use crate::money::Money;
use crate::number::fmt_at_least_2;
use crate::policy::{check_score, CheckedPolicy, Component, PerformanceMode};
use crate::quota::{check_quotas, QuotaReport};
use crate::seniority::{anniversary, completed_years, next_milestone, seniority_pay};
use chrono::{Datelike, NaiveDate};
use indexmap::IndexMap;
use rust_decimal::Decimal;
use serde::Serialize;

/// The four components, each rounded money (monthly CNY).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Components {
    /// Base wage 基本岗位工资.
    pub base: Money,
    /// Floating wage 岗位浮动工资.
    pub floating: Money,
    /// Seniority pay 年功工资.
    pub seniority: Money,
    /// Performance pay 效益工资.
    pub performance: Money,
}

impl Components {
    /// The components in order base, floating, seniority, performance.
    pub fn to_array(self) -> [Money; 4] {
        [self.base, self.floating, self.seniority, self.performance]
    }

    /// Their sum (the total).
    ///
    /// # Errors
    /// `overflow` at `total`.
    pub fn sum(self) -> Result<Money> {
        let [a, b, c, d] = self.to_array();
        a.checked_add(b, "total")?
            .checked_add(c, "total")?
            .checked_add(d, "total")
    }
}

/// A person's monthly pay breakdown (SPEC §9, §12 Breakdown).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Breakdown {
    /// Employee id.
    pub id: String,
    /// Name, when given.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// The person's grade (`intermediate-B`, `trainee`).
    pub grade: String,
    /// The grade whose coefficient was used (after rural uplift).
    pub coefficient_grade: String,
    /// That coefficient.
    pub coefficient: Decimal,
    /// The level whose floating wage was used.
    pub floating_level: String,
    /// Completed years in the post.
    pub years_in_post: u32,
    /// Exact composite score, at least two decimals, never rounded (`88.65`).
    pub composite_score: String,
    /// Rating id (`good`); null in linear mode without a table.
    pub rating: Option<String>,
    /// Exact assessment factor, at least two decimals, never rounded.
    pub assessment_factor: String,
    /// Paid days this month.
    pub paid_days: Decimal,
    /// The policy's days in a full month.
    pub standard_days: Decimal,
    /// The four components, rounded.
    pub components: Components,
    /// Sum of the rounded components.
    pub total: Money,
    /// How each component was reached, as facts (rendered at the edge). Boxed: a
    /// breakdown is moved several times on its way out, and a roster makes one per person.
    pub explain: Box<Explain>,
    /// The person's grade (level and band indices), for roster aggregation.
    #[serde(skip)]
    pub grade_index: Grade,
    /// Exact performance weight coefficient × factor (× days share), for pool mode.
    #[serde(skip)]
    pub pool_weight: Decimal,
    /// The composite score as a number, the value `composite_score` writes (for exports,
    /// which write numbers, never parse text back).
    #[serde(skip)]
    pub composite: Decimal,
    /// The assessment factor as a number, the value `assessment_factor` writes.
    #[serde(skip)]
    pub factor: Decimal,
}

/// A person's monthly pay as figures only (issue 16): grades as ladder indices, the
/// rating as a row of the assessment table, exact numbers and rounded money — nothing
/// on the heap, so a roster keeps one per person cheaply. [`Breakdown`] is the same pay
/// with its names and explanation, made when asked for ([`dress`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pay {
    /// The person's grade.
    pub grade: Grade,
    /// The grade whose coefficient was used (after rural uplift, SPEC §2.2).
    pub coefficient_grade: Grade,
    /// That coefficient.
    pub coefficient: Decimal,
    /// The level whose floating wage was used (index into the ladder's levels).
    pub floating_level: usize,
    /// Completed years in the post.
    pub years_in_post: u32,
    /// Exact composite score, never rounded (SPEC §3).
    pub composite: Decimal,
    /// Exact assessment factor, never rounded.
    pub factor: Decimal,
    /// The rating's row in the policy's assessment table (`evaluation::rating_id`).
    pub rating: Option<usize>,
    /// Paid days this month.
    pub paid_days: Decimal,
    /// The four components, rounded (monthly CNY).
    pub components: Components,
    /// Sum of the rounded components.
    pub total: Money,
    /// Exact performance weight coefficient × factor (× days share), for pool mode.
    pub pool_weight: Decimal,
}

/// Everything a breakdown needs about a person before money: resolved once.
struct Facts {
    grade: Grade,
    coefficient_grade: Grade,
    floating_level: usize,
    years: u32,
    composite: Decimal,
    factor: Decimal,
    rating: Option<usize>,
    paid_days: Decimal,
}

fn facts(policy: &CheckedPolicy, e: &Employee, as_of: Option<NaiveDate>) -> Result<Facts> {
    let p = policy.policy();
    let ladder = policy.ladder();
    let grade = ladder.resolve(&e.level, e.band.as_deref())?;
    let years = match (e.years_in_post, e.post_start) {
        (Some(_), Some(_)) => {
            return Err(Error::new(
                ErrorKind::Conflict("years_in_post", "post_start"),
                "post_start",
            ))
        }
        (Some(y), None) => y,
        (None, Some(start)) => {
            let as_of = as_of
                .ok_or_else(|| Error::new(ErrorKind::MissingField("as_of".to_string()), "as_of"))?;
            completed_years(start, as_of, p.seniority.leap_day_anniversary)?
        }
        (None, None) => {
            return Err(Error::new(
                ErrorKind::Neither("years_in_post", "post_start"),
                "years_in_post",
            ))
        }
    };
    let composite = match (&e.scores, e.composite_score) {
        (Some(_), Some(_)) => {
            return Err(Error::new(
                ErrorKind::Conflict("scores", "composite_score"),
                "composite_score",
            ))
        }
        (Some(s), None) => composite(&p.evaluation, s)?,
        (None, Some(c)) => {
            check_score(c, "composite_score")?;
            c
        }
        (None, None) => {
            return Err(Error::new(
                ErrorKind::Neither("scores", "composite_score"),
                "scores",
            ))
        }
    };
    let assessed = assess(&p.performance, composite);
    let coefficient_grade = if e.rural {
        ladder.step_up(grade, p.rural_uplift.steps, p.rural_uplift.scope)
    } else {
        grade
    };
    let floating_level = if p.rural_uplift.floating_follows && coefficient_grade.level > grade.level
    {
        coefficient_grade.level
    } else {
        grade.level
    };
    let standard = p.proration.standard_days;
    let paid_days = e.paid_days.unwrap_or(standard);
    if paid_days < Decimal::ZERO || paid_days > standard {
        return Err(Error::new(
            ErrorKind::PaidDays {
                value: paid_days,
                max: standard,
            },
            "paid_days",
        ));
    }
    Ok(Facts {
        grade,
        coefficient_grade,
        floating_level,
        years,
        composite,
        factor: assessed.factor,
        rating: assessed.rating,
        paid_days,
    })
}

/// Monthly pay for one person under `policy` (SPEC §2, §7). `as_of` is the pay date,
/// needed only when the person gives `post_start`.
///
/// # Errors
/// `unknown_level` / `unknown_band` (`level`, `band`); `conflicting_fields` or
/// `missing_field` for years and scores; `missing_field` at `as_of` when `post_start` is
/// given without a pay date; `post_start_after_as_of`; `score_range` / `missing_score`
/// (`scores.<name>`, `composite_score`); `paid_days_range`; `overflow` at the component;
/// `pool_needs_roster` when the policy's performance mode is `pool`.
pub fn compute_pay(
    policy: &CheckedPolicy,
    e: &Employee,
    as_of: Option<NaiveDate>,
) -> Result<Breakdown> {
    compute_pay_with(policy, &NoExtras, e, as_of)
}

/// [`compute_pay`] with the steps outside the core first ([`PayExtras::prepare`]: the
/// scorecard's business score), as [`compute_roster`] pays each person under a policy
/// that does not share a pool.
///
/// # Errors
/// Those of [`PayExtras::prepare`] and [`compute_pay`].
pub fn compute_pay_with(
    policy: &CheckedPolicy,
    extras: &dyn PayExtras,
    e: &Employee,
    as_of: Option<NaiveDate>,
) -> Result<Breakdown> {
    let pay = pay_figures_with(policy, extras, e, as_of)?;
    // The KPI step fills the business score only: the person's words are as given.
    dress(policy, e, &pay, None)
}

/// [`compute_pay_with`] as figures only ([`Pay`]): what a roster keeps and writes.
///
/// # Errors
/// As [`compute_pay_with`].
pub fn pay_figures_with(
    policy: &CheckedPolicy,
    extras: &dyn PayExtras,
    e: &Employee,
    as_of: Option<NaiveDate>,
) -> Result<Pay> {
    if policy.policy().performance.mode == PerformanceMode::Pool {
        return Err(Error::new(ErrorKind::PoolNeedsRoster, "performance.mode"));
    }
    let prepared = extras.prepare(e)?;
    figures(policy, prepared.as_ref().unwrap_or(e), as_of, None)
}

/// Whether component `c` is prorated for a person paid `paid_days` (SPEC §7).
fn prorates(policy: &CheckedPolicy, paid_days: Decimal, c: Component) -> bool {
    let p = &policy.policy().proration;
    paid_days != p.standard_days && p.components.contains(&c)
}

/// The money (SPEC §2, §7): each component exact, prorated when the policy says
/// (amount × paid_days ÷ standard_days: multiply first, divide last), rounded once.
fn figures(
    policy: &CheckedPolicy,
    e: &Employee,
    as_of: Option<NaiveDate>,
    pool_share: Option<Money>,
) -> Result<Pay> {
    let p = policy.policy();
    let ladder = policy.ladder();
    let f = facts(policy, e, as_of)?;
    let rounding = p.rounding;
    let standard = p.proration.standard_days;
    let prorated = |exact: Decimal, c: Component, path: &str| -> Result<Decimal> {
        if prorates(policy, f.paid_days, c) {
            exact
                .checked_mul(f.paid_days)
                .and_then(|x| x.checked_div(standard))
                .ok_or_else(|| overflow(path))
        } else {
            Ok(exact)
        }
    };
    let finish = |exact: Decimal, c: Component, path: &str| -> Result<Money> {
        rounding.round(prorated(exact, c, path)?, path)
    };
    let level = ladder
        .level(f.grade.level)
        .ok_or_else(|| overflow("level"))?;
    let floating_level = ladder
        .level(f.floating_level)
        .ok_or_else(|| overflow("level"))?;
    let base = finish(level.base_wage, Component::Base, "components.base")?;
    let floating = finish(
        floating_level.floating_wage,
        Component::Floating,
        "components.floating",
    )?;
    let s = seniority_pay(&p.seniority, e.employment, f.years)?;
    let seniority = finish(s.amount, Component::Seniority, "components.seniority")?;
    let coefficient = ladder.coefficient(f.coefficient_grade);
    let weight = coefficient
        .checked_mul(f.factor)
        .ok_or_else(|| overflow("components.performance"))?;
    let performance = match pool_share {
        // The pool's own figures are filled in once every weight is known (share_pool).
        Some(share) => share,
        None => {
            let exact = p
                .performance
                .base
                .checked_mul(weight)
                .ok_or_else(|| overflow("components.performance"))?;
            finish(exact, Component::Performance, "components.performance")?
        }
    };
    let pool_weight = prorated(weight, Component::Performance, "components.performance")?;
    let components = Components {
        base,
        floating,
        seniority,
        performance,
    };
    Ok(Pay {
        grade: f.grade,
        coefficient_grade: f.coefficient_grade,
        coefficient,
        floating_level: f.floating_level,
        years_in_post: f.years,
        composite: f.composite,
        factor: f.factor,
        rating: f.rating,
        paid_days: f.paid_days,
        total: components.sum()?,
        components,
        pool_weight,
    })
}

/// A person's [`Pay`] with its names and explanation (SPEC §9, §12 Breakdown): the
/// grade names, the composite and factor at least two decimals, the rating id, and how
/// each component was reached. `pool`: the roster's shared pool when performance is a
/// share of it (SPEC §6), which the explanation names with the person's weight.
///
/// # Errors
/// Those of the seniority rule for `e` (none when `pay` was worked out for `e`).
pub fn dress(
    policy: &CheckedPolicy,
    e: &Employee,
    pay: &Pay,
    pool: Option<PoolShares>,
) -> Result<Breakdown> {
    let p = policy.policy();
    let ladder = policy.ladder();
    let standard = p.proration.standard_days;
    let term = |rule: Rule, c: Component, value: Money| Term {
        rule,
        proration: prorates(policy, pay.paid_days, c).then_some(Proration {
            paid_days: pay.paid_days,
            standard_days: standard,
        }),
        value,
    };
    let level = ladder
        .level(pay.grade.level)
        .ok_or_else(|| overflow("level"))?;
    let floating_level = ladder
        .level(pay.floating_level)
        .ok_or_else(|| overflow("level"))?;
    let c = pay.components;
    let factor_text = fmt_at_least_2(pay.factor);
    let performance = if let Some(shares) = pool {
        Term {
            rule: Rule::PoolShare {
                pool: shares.pool,
                weight: pay.pool_weight.normalize(),
                weight_sum: shares.weight_sum.normalize(),
            },
            proration: None,
            value: c.performance,
        }
    } else {
        term(
            Rule::FixedBase {
                base: p.performance.base,
                coefficient: pay.coefficient,
                factor: factor_text.clone(),
            },
            Component::Performance,
            c.performance,
        )
    };
    let seniority = seniority_pay(&p.seniority, e.employment, pay.years_in_post)?;
    Ok(Breakdown {
        id: e.id.clone(),
        name: e.name.clone(),
        grade: ladder.grade_name(pay.grade),
        coefficient_grade: ladder.grade_name(pay.coefficient_grade),
        coefficient: pay.coefficient,
        floating_level: floating_level.id.clone(),
        years_in_post: pay.years_in_post,
        composite_score: fmt_at_least_2(pay.composite),
        rating: rating_id(&p.performance, pay.rating).map(str::to_string),
        assessment_factor: factor_text,
        paid_days: pay.paid_days,
        standard_days: standard,
        components: c,
        total: pay.total,
        explain: Box::new(Explain {
            base: term(
                Rule::Wage {
                    amount: level.base_wage,
                    level: None,
                },
                Component::Base,
                c.base,
            ),
            floating: term(
                Rule::Wage {
                    amount: floating_level.floating_wage,
                    level: (pay.floating_level != pay.grade.level)
                        .then(|| floating_level.id.clone()),
                },
                Component::Floating,
                c.floating,
            ),
            seniority: term(seniority.rule, Component::Seniority, c.seniority),
            performance,
        }),
        grade_index: pay.grade,
        pool_weight: pay.pool_weight,
        composite: crate::number::at_least_2(pay.composite),
        factor: crate::number::at_least_2(pay.factor),
    })
}

/// A what-if: the grade or condition it assumes, the total then, and the difference.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WhatIf {
    /// The grade assumed (`intermediate-A`).
    pub grade: String,
    /// Total monthly pay under it.
    pub total: Money,
    /// Total minus today's total.
    pub difference: Money,
}

/// The next seniority milestone (SPEC §2.1) and the pay it brings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeniorityStep {
    /// Completed years at which it arrives.
    pub years: u32,
    /// The date it arrives (known when `post_start` is given).
    pub date: Option<NaiveDate>,
    /// Total monthly pay then (everything else unchanged).
    pub total: Money,
    /// Total minus today's total.
    pub difference: Money,
}

/// The next rating above today's and the composite it needs (solved from the table).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RatingStep {
    /// The rating id (`excellent`).
    pub rating: String,
    /// The lowest composite score that earns it, at least two decimals (`90.00`).
    pub composite_needed: String,
    /// Total monthly pay at that composite.
    pub total: Money,
    /// Total minus today's total.
    pub difference: Money,
}

/// "What would I get…" answers for the My-pay page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WhatIfs {
    /// Today's breakdown.
    pub current: Breakdown,
    /// One band up in the same level; null at the level's top band or for a trainee.
    pub band_up: Option<WhatIf>,
    /// One level up, same band; null at the top level or for a trainee.
    pub level_up: Option<WhatIf>,
    /// The next seniority bracket (or eligibility); null when none lies ahead.
    pub next_seniority: Option<SeniorityStep>,
    /// The next rating; null at the top rating or in linear mode without a table.
    pub next_rating: Option<RatingStep>,
}

/// Today's pay and the what-ifs: one band up, one level up, the next seniority
/// milestone and its date, and the composite needed for the next rating.
///
/// # Errors
/// Those of [`compute_pay`] for the person as given.
pub fn what_ifs(policy: &CheckedPolicy, e: &Employee, as_of: Option<NaiveDate>) -> Result<WhatIfs> {
    let current = compute_pay(policy, e, as_of)?;
    let ladder = policy.ladder();
    let p = policy.policy();
    let compare = |changed: Employee| -> Option<(Money, Money)> {
        let b = compute_pay(policy, &changed, as_of).ok()?;
        let diff = b.total.checked_sub(current.total, "difference").ok()?;
        Some((b.total, diff))
    };
    let with_grade = |g: Grade| -> Option<WhatIf> {
        let level = ladder.level(g.level)?;
        let band = g
            .band
            .and_then(|b| level.bands.get(b))
            .map(|b| b.name.clone());
        let mut changed = e.clone();
        changed.level = level.id.clone();
        changed.band = band;
        let (total, difference) = compare(changed)?;
        Some(WhatIf {
            grade: ladder.grade_name(g),
            total,
            difference,
        })
    };
    let band_up = ladder.band_up(current.grade_index).and_then(with_grade);
    let level_up = ladder.level_up(current.grade_index).and_then(with_grade);
    let next_seniority = next_milestone(&p.seniority, e.employment, current.years_in_post)
        .and_then(|years| {
            let mut changed = e.clone();
            changed.years_in_post = Some(years);
            changed.post_start = None;
            let (total, difference) = compare(changed)?;
            let date = e.post_start.and_then(|start| {
                let year = start.year().checked_add(i32::try_from(years).ok()?)?;
                anniversary(start, year, p.seniority.leap_day_anniversary)
            });
            Some(SeniorityStep {
                years,
                date,
                total,
                difference,
            })
        });
    let composite: Decimal = current.composite_score.parse().unwrap_or_default();
    let next_rating = next_rating(&p.performance, composite).and_then(|(rating, needed)| {
        let mut changed = e.clone();
        changed.scores = None;
        changed.composite_score = Some(needed);
        let (total, difference) = compare(changed)?;
        Some(RatingStep {
            rating,
            composite_needed: fmt_at_least_2(needed),
            total,
            difference,
        })
    });
    Ok(WhatIfs {
        current,
        band_up,
        level_up,
        next_seniority,
        next_rating,
    })
}

/// Pay totals of one level (SPEC §12 roster result `by_level`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelTotal {
    /// People at this level.
    pub headcount: u64,
    /// Their monthly total.
    pub total: Money,
    /// × 12.
    pub annual_total: Money,
}

/// Totals over a roster: per component, overall, per level; monthly and annual (× 12).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Totals {
    /// People paid.
    pub headcount: u64,
    /// Monthly sums per component.
    pub components: Components,
    /// Monthly total (the sum of the component sums).
    pub total: Money,
    /// Annual total, monthly × 12.
    pub annual_total: Money,
    /// Per level, highest first.
    pub by_level: IndexMap<String, LevelTotal>,
    /// The employer's monthly cost: the total plus the employer's charges on each
    /// person's pay (social insurance and housing fund, from [`PayExtras`]); null when
    /// the roster was paid without them.
    pub employer_cost: Option<Money>,
    /// The employer's annual cost, monthly × 12.
    pub annual_employer_cost: Option<Money>,
}

/// A roster's pay (SPEC §12 roster result).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RosterPay {
    /// One breakdown per person, in input order.
    pub results: Vec<Breakdown>,
    /// Totals.
    pub totals: Totals,
    /// The quota report for the people as they are graded.
    pub quota: QuotaReport,
    /// Recoverable problems (import warnings are added by the caller).
    pub warnings: Vec<Warning>,
}

/// Pay everyone on a roster (SPEC §2, §3, §6): breakdowns, totals and the quota report.
/// In pool mode the performance pool is shared by weight = coefficient × factor
/// (× paid_days ÷ standard_days when performance is prorated), rounded to the fen by the
/// largest-remainder method so the shares add up to the pool exactly.
///
/// # Errors
/// Any error of [`compute_pay`] at `employees[i]…` (the person's index); `overflow`.
pub fn compute_roster(
    policy: &CheckedPolicy,
    people: &[Employee],
    as_of: Option<NaiveDate>,
) -> Result<RosterPay> {
    compute_roster_observed(policy, &NoExtras, people, as_of, &mut |_, _| {})
}

/// The steps of a roster's pay that live outside the core, supplied by the crate that
/// composes the work (`paygrade-team`) for one policy: the person as this policy pays them
/// (the scorecard crate fills the business score from KPIs), and the employer's charges
/// on a monthly total (the take-home crate's social insurance and housing fund).
pub trait PayExtras {
    /// The person as the policy pays them; `None` = as given.
    ///
    /// # Errors
    /// The step's own errors, with paths inside the employee (e.g. `kpis.sales.target`).
    fn prepare(&self, e: &Employee) -> Result<Option<Employee>>;

    /// The employer's monthly charges on a person's monthly total (CNY, rounded by the
    /// step's own rules); `None` when this policy has none.
    ///
    /// # Errors
    /// `overflow`.
    fn employer_charges(&self, total: Money) -> Result<Option<Money>>;
}

/// No steps outside the core: people are paid as given, with no employer charges.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoExtras;

impl PayExtras for NoExtras {
    fn prepare(&self, _: &Employee) -> Result<Option<Employee>> {
        Ok(None)
    }

    fn employer_charges(&self, _: Money) -> Result<Option<Money>> {
        Ok(None)
    }
}

/// How many people between two calls of a progress callback.
pub const PROGRESS_STEP: usize = 2048;

/// [`compute_roster`], calling `progress(done, total)` every [`PROGRESS_STEP`] people
/// (and once at the end), so a caller can show a progress bar on a big roster.
///
/// # Errors
/// As [`compute_roster`].
pub fn compute_roster_observed(
    policy: &CheckedPolicy,
    extras: &dyn PayExtras,
    people: &[Employee],
    as_of: Option<NaiveDate>,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<RosterPay> {
    compute_roster_figures(policy, extras, people, as_of, progress)?.into_pay(policy, people)
}

/// A pool shared over a roster (SPEC §6): the pool rounded, and the sum of everyone's
/// weights (exact), which each person's explanation names.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PoolShares {
    /// The pool, rounded (monthly CNY).
    pub pool: Money,
    /// The sum of the people's pool weights, exact.
    pub weight_sum: Decimal,
}

/// A roster paid as figures (issue 16): one [`Pay`] per person in roster order, the
/// totals and the quota report — what a roster keeps; a person's [`Breakdown`] is made
/// when asked for ([`RosterFigures::breakdown`]).
#[derive(Debug, Clone, PartialEq)]
pub struct RosterFigures {
    /// Each person's pay, in roster order.
    pub people: Vec<Pay>,
    /// Totals.
    pub totals: Totals,
    /// The quota report for the people as they are graded.
    pub quota: QuotaReport,
    /// Recoverable problems (import warnings are added by the caller).
    pub warnings: Vec<Warning>,
    /// The shared pool, in pool mode.
    pub pool: Option<PoolShares>,
}

impl RosterFigures {
    /// Everyone's breakdown (`people`: the roster as given, in the same order) with the
    /// totals, the quota report and the warnings: the roster's [`RosterPay`].
    ///
    /// # Errors
    /// Those of [`RosterFigures::breakdown`].
    pub fn into_pay(self, policy: &CheckedPolicy, people: &[Employee]) -> Result<RosterPay> {
        let results = people
            .iter()
            .enumerate()
            .map(|(i, e)| self.breakdown(policy, e, i))
            .collect::<Result<Vec<_>>>()?;
        Ok(RosterPay {
            results,
            totals: self.totals,
            quota: self.quota,
            warnings: self.warnings,
        })
    }

    /// Person `i`'s breakdown (`e`: that person as given): their pay dressed with names
    /// and the explanation, the pool's figures in it in pool mode.
    ///
    /// # Errors
    /// `overflow` at `employees[i]` when `i` is past the roster; those of [`dress`].
    pub fn breakdown(&self, policy: &CheckedPolicy, e: &Employee, i: usize) -> Result<Breakdown> {
        let pay = self
            .people
            .get(i)
            .ok_or_else(|| overflow(&format!("employees[{i}]")))?;
        dress(policy, e, pay, self.pool)
    }
}

/// A roster's pay as figures ([`RosterFigures`]): everyone paid under `policy` with the
/// steps outside the core (`extras`), a pool shared in pool mode (SPEC §6), the totals
/// and the quota report; `progress(done, total)` every [`PROGRESS_STEP`] people and once
/// at the end.
///
/// # Errors
/// As [`compute_roster`]: every person who cannot be paid, in roster order (the first
/// [`crate::error::MAX_LISTED`], then a count), at `employees[i]…`; `overflow`.
pub fn compute_roster_figures(
    policy: &CheckedPolicy,
    extras: &dyn PayExtras,
    people: &[Employee],
    as_of: Option<NaiveDate>,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<RosterFigures> {
    let p = policy.policy();
    let pool = (p.performance.mode == PerformanceMode::Pool)
        .then_some(p.performance.pool)
        .flatten();
    let placeholder = pool.map(|_| p.rounding.zero());
    let mut results = Vec::with_capacity(people.len());
    // Every person who cannot be paid is reported, in roster order (the first
    // MAX_LISTED, then a count), so a file is fixed in one go.
    let mut problems = Vec::new();
    let mut more = 0usize;
    for (i, e) in people.iter().enumerate() {
        if i % PROGRESS_STEP == 0 {
            progress(i, people.len());
        }
        let pay = extras.prepare(e).and_then(|prepared| {
            figures(policy, prepared.as_ref().unwrap_or(e), as_of, placeholder)
        });
        match pay {
            Ok(pay) => results.push(pay),
            Err(err) if problems.len() < crate::error::MAX_LISTED => {
                problems.push(err.for_employee(i))
            }
            Err(_) => more += 1,
        }
    }
    if let Some(e) = Error::many(problems, more) {
        return Err(e);
    }
    progress(people.len(), people.len());
    let mut warnings = Vec::new();
    let pool = match pool {
        Some(pool) => Some(share_pool(
            policy,
            pool,
            people,
            &mut results,
            &mut warnings,
        )?),
        None => None,
    };
    let totals = totals(policy, extras, &results)?;
    let grades: Vec<Grade> = results.iter().map(|pay| pay.grade).collect();
    Ok(RosterFigures {
        quota: check_quotas(policy, &grades),
        people: results,
        totals,
        warnings,
        pool,
    })
}

/// Totals per component, per level, monthly and annual.
///
/// # Errors
/// `overflow` at `totals`.
pub fn totals(policy: &CheckedPolicy, extras: &dyn PayExtras, results: &[Pay]) -> Result<Totals> {
    let zero = policy.policy().rounding.zero();
    let mut sums = [zero; 4];
    let ladder = policy.ladder();
    let mut by_level: Vec<(u64, Money)> = vec![(0, zero); ladder.levels().len()];
    for b in results {
        for (sum, part) in sums.iter_mut().zip(b.components.to_array()) {
            *sum = sum.checked_add(part, "totals.components")?;
        }
        if let Some((n, t)) = by_level.get_mut(b.grade.level) {
            *n += 1;
            *t = t.checked_add(b.total, "totals.by_level")?;
        }
    }
    let [base, floating, seniority, performance] = sums;
    let components = Components {
        base,
        floating,
        seniority,
        performance,
    };
    let total = components.sum()?;
    let mut levels = IndexMap::new();
    for (i, (headcount, t)) in by_level.into_iter().enumerate().rev() {
        let id = ladder.level(i).map(|l| l.id.clone()).unwrap_or_default();
        levels.insert(
            id,
            LevelTotal {
                headcount,
                total: t,
                annual_total: t.checked_times(12, "totals.by_level")?,
            },
        );
    }
    let mut employer_cost = Some(total);
    for b in results {
        employer_cost = match (employer_cost, extras.employer_charges(b.total)?) {
            (Some(cost), Some(charges)) => Some(cost.checked_add(charges, "totals.employer_cost")?),
            _ => None,
        };
    }
    if results.is_empty() && extras.employer_charges(zero)?.is_none() {
        employer_cost = None;
    }
    Ok(Totals {
        headcount: results.len() as u64,
        components,
        total,
        annual_total: total.checked_times(12, "totals.annual_total")?,
        by_level: levels,
        annual_employer_cost: employer_cost
            .map(|c| c.checked_times(12, "totals.employer_cost"))
            .transpose()?,
        employer_cost,
    })
}

/// Share `pool` over the results by their pool weights (SPEC §6), largest remainder
/// (ties broken by the people's ids); the pool rounded and the weights' sum.
fn share_pool(
    policy: &CheckedPolicy,
    pool: Decimal,
    people: &[Employee],
    results: &mut [Pay],
    warnings: &mut Vec<Warning>,
) -> Result<PoolShares> {
    let rounding = policy.policy().rounding;
    let err = || overflow("performance.pool");
    let pool = rounding.round(pool, "performance.pool")?;
    let weights: Vec<Decimal> = results.iter().map(|b| b.pool_weight).collect();
    let weight_sum = weights
        .iter()
        .try_fold(Decimal::ZERO, |s, w| s.checked_add(*w))
        .ok_or_else(err)?;
    if weight_sum.is_zero() && !pool.amount().is_zero() {
        warnings.push(Warning::new("pool_undistributed", None, None, &[]));
    }
    let shares = {
        let keys: Vec<&str> = people.iter().map(|e| e.id.as_str()).collect();
        pool.allocate(&weights, &keys, "performance.pool")?
    };
    for (b, money) in results.iter_mut().zip(shares) {
        b.components.performance = money;
        b.total = b.components.sum()?;
    }
    Ok(PoolShares { pool, weight_sum })
}
