//! Take-home pay: social insurance and housing fund, cumulative IIT withholding, the
//! annual one-off bonus, and the employer's cost.
//!
//! Sources:
//! - Cumulative withholding (累计预扣法): 国家税务总局公告 2018 年第 61 号 — cumulative
//!   taxable = cumulative income − 5,000 × months employed this year − cumulative
//!   contributions − cumulative special additional deductions; this month's tax =
//!   cumulative tax − tax already withheld; a negative result withholds 0 (no refund).
//! - Annual rate table (综合所得税率表, 个人所得税法 2018 修正): 3% to 45% with quick
//!   deductions 0 / 2,520 / 16,920 / 31,920 / 52,920 / 85,920 / 181,920; each band
//!   includes its upper limit.
//! - The 60,000 up-front basic deduction for last year's low earners: 国家税务总局公告
//!   2020 年第 19 号.
//! - Annual one-off bonus taxed separately: 财政部 税务总局公告 2023 年第 30 号 (valid to
//!   2027-12-31, kept as policy data in `contributions.bonus_separate_until`): rate from
//!   the monthly table on bonus ÷ 12, with its quick deductions 0 / 210 / 1,410 / 2,660 /
//!   4,410 / 7,160 / 15,160. Otherwise the bonus joins the year's comprehensive income,
//!   whose taxable amount is gross − contributions − 60,000 − special deductions (个人所得税法
//!   第六条; unused deductions count, so that amount may be negative before the bonus).
//! - Special additional deductions (专项附加扣除, 国发〔2023〕13 号 amounts): child
//!   education and infant care 2,000 per child, elderly support 3,000 (or a share of at
//!   most 1,500), housing-loan interest 1,000, rent 1,500 / 1,100 / 800 (not together with
//!   loan interest), continuing education 400.
//! - Contribution rates and bases are city policy, given as data: the example tables are
//!   dated and must be checked against the city's current announcement.
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

use chrono::{Datelike, NaiveDate};
use paygrade::error::{overflow, Error, ErrorKind, Result};
use paygrade::json::{json_enum, FromJson, Obj};
use paygrade::money::{Money, Rounding, RoundingMode};
use paygrade::number::parse_iso_date;
use paygrade::policy::non_negative;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;

fn d(s: &str) -> Decimal {
    s.parse().unwrap_or_default()
}

/// Social insurance schemes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// Pension 养老保险.
    Pension,
    /// Medical 医疗保险.
    Medical,
    /// Unemployment 失业保险.
    Unemployment,
    /// Work injury 工伤保险 (employer only).
    Injury,
    /// Maternity 生育保险 (employer only; merged into medical in many cities).
    Maternity,
}

json_enum!(Scheme {
    Pension = "pension" | "养老",
    Medical = "medical" | "医疗",
    Unemployment = "unemployment" | "失业",
    Injury = "injury" | "工伤",
    Maternity = "maternity" | "生育",
});

/// One scheme's rates: fractions of the base, plus an optional fixed monthly amount.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SchemeRate {
    /// The scheme.
    pub scheme: Scheme,
    /// Employee share of the base (0.08 = 8%).
    pub employee_rate: Decimal,
    /// Employer share of the base.
    pub employer_rate: Decimal,
    /// A fixed monthly employee amount on top (Beijing's 3 yuan for serious illness).
    pub employee_fixed: Decimal,
}

/// A contribution base's limits: the declared base (or gross) is floored and capped.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct BaseLimits {
    /// Lowest base, monthly CNY.
    pub floor: Decimal,
    /// Highest base, monthly CNY.
    pub cap: Decimal,
}

/// Housing fund 住房公积金 rates (5–12% each side).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct FundRates {
    /// Employee rate.
    pub employee_rate: Decimal,
    /// Employer rate.
    pub employer_rate: Decimal,
}

/// The policy's `contributions` block: a city's rates and bases from a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContributionPolicy {
    /// City, for people.
    pub city: String,
    /// From when these figures apply (`YYYY-MM-DD`), for people.
    pub effective_from: String,
    /// Social insurance base limits.
    pub base: BaseLimits,
    /// Housing fund base limits.
    pub housing_fund_base: BaseLimits,
    /// Social insurance schemes.
    pub schemes: Vec<SchemeRate>,
    /// Housing fund rates.
    pub housing_fund: FundRates,
    /// Last day (`YYYY-MM-DD`) of the separate taxation of the annual bonus (财政部
    /// 税务总局公告 2023 年第 30 号: 2027-12-31). For a later tax year the bonus is taxed
    /// combined only; HR extends the date when the rule is extended.
    pub bonus_separate_until: String,
}

/// The end of the annual bonus's separate taxation under 财政部 税务总局公告 2023 年第 30 号,
/// used when the policy has no `contributions` block or gives no date.
pub const BONUS_SEPARATE_UNTIL: &str = "2027-12-31";

impl ContributionPolicy {
    /// Example: Shanghai from 2025-07 (base 7,460–37,302; fund base from 2,690). Rates are
    /// examples to check against the city's announcement.
    pub fn shanghai_2025_07() -> Self {
        let s = |scheme, e: &str, r: &str| SchemeRate {
            scheme,
            employee_rate: d(e),
            employer_rate: d(r),
            employee_fixed: Decimal::ZERO,
        };
        ContributionPolicy {
            city: "Shanghai 上海 (example)".into(),
            effective_from: "2025-07-01".into(),
            base: BaseLimits {
                floor: d("7460"),
                cap: d("37302"),
            },
            housing_fund_base: BaseLimits {
                floor: d("2690"),
                cap: d("37302"),
            },
            schemes: vec![
                s(Scheme::Pension, "0.08", "0.16"),
                s(Scheme::Medical, "0.02", "0.10"),
                s(Scheme::Unemployment, "0.005", "0.005"),
                s(Scheme::Injury, "0", "0.0026"),
            ],
            housing_fund: FundRates {
                employee_rate: d("0.07"),
                employer_rate: d("0.07"),
            },
            bonus_separate_until: BONUS_SEPARATE_UNTIL.into(),
        }
    }

    /// Example: Beijing from 2025-07 (base 7,162–35,811; medical 2% + 3 yuan).
    pub fn beijing_2025_07() -> Self {
        let mut p = Self::shanghai_2025_07();
        p.city = "Beijing 北京 (example)".into();
        p.base = BaseLimits {
            floor: d("7162"),
            cap: d("35811"),
        };
        p.housing_fund_base = BaseLimits {
            floor: d("2540"),
            cap: d("35811"),
        };
        p.schemes = vec![
            SchemeRate {
                scheme: Scheme::Pension,
                employee_rate: d("0.08"),
                employer_rate: d("0.16"),
                employee_fixed: d("0"),
            },
            SchemeRate {
                scheme: Scheme::Medical,
                employee_rate: d("0.02"),
                employer_rate: d("0.098"),
                employee_fixed: d("3"),
            },
            SchemeRate {
                scheme: Scheme::Unemployment,
                employee_rate: d("0.005"),
                employer_rate: d("0.005"),
                employee_fixed: d("0"),
            },
            SchemeRate {
                scheme: Scheme::Injury,
                employee_rate: d("0"),
                employer_rate: d("0.004"),
                employee_fixed: d("0"),
            },
        ];
        p.housing_fund = FundRates {
            employee_rate: d("0.12"),
            employer_rate: d("0.12"),
        };
        p
    }

    /// Check rates (0–1), limits (floor ≤ cap, not negative), fund rates and the dates
    /// (`effective_from` when given, `bonus_separate_until`).
    ///
    /// # Errors
    /// `negative_amount`, `fraction_range`, `invalid_date` at `contributions…`.
    pub fn check(&self) -> Result<()> {
        if !self.effective_from.trim().is_empty() {
            parse_iso_date(self.effective_from.trim())
                .map_err(|e| e.within("contributions.effective_from"))?;
        }
        self.separate_until()?;
        for (name, limits) in [
            ("base", self.base),
            ("housing_fund_base", self.housing_fund_base),
        ] {
            let path = format!("contributions.{name}");
            non_negative(limits.floor, &format!("{path}.floor"))?;
            if limits.cap < limits.floor {
                return Err(Error::new(
                    ErrorKind::Negative(limits.cap - limits.floor),
                    format!("{path}.cap"),
                ));
            }
        }
        let fraction = |v: Decimal, path: String| -> Result<()> {
            if v < Decimal::ZERO || v > Decimal::ONE {
                Err(Error::new(ErrorKind::Fraction(v), path))
            } else {
                Ok(())
            }
        };
        for (i, s) in self.schemes.iter().enumerate() {
            fraction(
                s.employee_rate,
                format!("contributions.schemes[{i}].employee_rate"),
            )?;
            fraction(
                s.employer_rate,
                format!("contributions.schemes[{i}].employer_rate"),
            )?;
            non_negative(
                s.employee_fixed,
                &format!("contributions.schemes[{i}].employee_fixed"),
            )?;
        }
        fraction(
            self.housing_fund.employee_rate,
            "contributions.housing_fund.employee_rate".into(),
        )?;
        fraction(
            self.housing_fund.employer_rate,
            "contributions.housing_fund.employer_rate".into(),
        )
    }
}

impl ContributionPolicy {
    /// The last day of the bonus's separate taxation.
    ///
    /// # Errors
    /// `invalid_date` at `contributions.bonus_separate_until`.
    pub fn separate_until(&self) -> Result<NaiveDate> {
        parse_iso_date(self.bonus_separate_until.trim())
            .map_err(|e| e.within("contributions.bonus_separate_until"))
    }
}

impl FromJson for BaseLimits {
    fn from_json(value: &Value, path: &str) -> Result<Self> {
        let o = Obj::new(value, path)?;
        Ok(BaseLimits {
            floor: o.req("floor")?,
            cap: o.req("cap")?,
        })
    }
}

impl FromJson for SchemeRate {
    fn from_json(value: &Value, path: &str) -> Result<Self> {
        let o = Obj::new(value, path)?;
        Ok(SchemeRate {
            scheme: o.req("scheme")?,
            employee_rate: o.or("employee_rate", || Decimal::ZERO)?,
            employer_rate: o.or("employer_rate", || Decimal::ZERO)?,
            employee_fixed: o.or("employee_fixed", || Decimal::ZERO)?,
        })
    }
}

impl FromJson for FundRates {
    fn from_json(value: &Value, path: &str) -> Result<Self> {
        let o = Obj::new(value, path)?;
        Ok(FundRates {
            employee_rate: o.req("employee_rate")?,
            employer_rate: o.req("employer_rate")?,
        })
    }
}

impl FromJson for ContributionPolicy {
    fn from_json(value: &Value, path: &str) -> Result<Self> {
        let o = Obj::new(value, path)?;
        let base: BaseLimits = o.req("base")?;
        Ok(ContributionPolicy {
            city: o.or("city", String::new)?,
            effective_from: o.or("effective_from", String::new)?,
            housing_fund_base: o.or("housing_fund_base", || base)?,
            base,
            schemes: o.req("schemes")?,
            housing_fund: o.req("housing_fund")?,
            bonus_separate_until: o.or("bonus_separate_until", || BONUS_SEPARATE_UNTIL.into())?,
        })
    }
}

/// One month's contributions, employee and employer side.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Contributions {
    /// Employee social insurance, each scheme rounded to the fen.
    pub social_insurance: Money,
    /// Employee housing fund, rounded to the whole yuan half-up.
    pub housing_fund: Money,
    /// Employer social insurance plus housing fund.
    pub employer: Money,
}

fn limited(amount: Decimal, limits: BaseLimits) -> Decimal {
    amount.max(limits.floor).min(limits.cap)
}

/// The fen (social insurance) and whole-yuan (housing fund) roundings, half-up.
const FEN: Rounding = Rounding {
    scale: 2,
    mode: RoundingMode::HalfUp,
};
const YUAN: Rounding = Rounding {
    scale: 0,
    mode: RoundingMode::HalfUp,
};

fn overflow_here() -> Error {
    overflow("contributions")
}

/// Contributions on a monthly base (the declared base, or gross): social insurance per
/// scheme on the floored and capped base, rounded to the fen; housing fund on its own
/// limits, rounded to the whole yuan half-up; the employer side likewise.
///
/// # Errors
/// `overflow` at `contributions`.
pub fn contributions(
    policy: &ContributionPolicy,
    base: Decimal,
    rounding: Rounding,
) -> Result<Contributions> {
    let err = overflow_here;
    let si_base = limited(base, policy.base);
    let fund_base = limited(base, policy.housing_fund_base);
    let mut employee = Decimal::ZERO;
    for s in &policy.schemes {
        let own = si_base.checked_mul(s.employee_rate).ok_or_else(err)?;
        let own = FEN
            .round(own, "contributions")?
            .amount()
            .checked_add(s.employee_fixed)
            .ok_or_else(err)?;
        employee = employee.checked_add(own).ok_or_else(err)?;
    }
    let fund = YUAN.round(
        fund_base
            .checked_mul(policy.housing_fund.employee_rate)
            .ok_or_else(err)?,
        "contributions",
    )?;
    Ok(Contributions {
        social_insurance: rounding.round(employee, "contributions")?,
        housing_fund: rounding.round(fund.amount(), "contributions")?,
        employer: employer_contributions(policy, base, rounding)?,
    })
}

/// The employer side alone of [`contributions`] on a monthly base (what a roster's
/// employer cost adds per person): social insurance per scheme rounded to the fen, plus
/// the housing fund rounded to the whole yuan, then to `rounding`.
///
/// # Errors
/// `overflow` at `contributions`.
pub fn employer_contributions(
    policy: &ContributionPolicy,
    base: Decimal,
    rounding: Rounding,
) -> Result<Money> {
    let err = overflow_here;
    let si_base = limited(base, policy.base);
    let fund_base = limited(base, policy.housing_fund_base);
    let mut employer = Decimal::ZERO;
    for s in &policy.schemes {
        let theirs = FEN.round(
            si_base.checked_mul(s.employer_rate).ok_or_else(err)?,
            "contributions",
        )?;
        employer = employer.checked_add(theirs.amount()).ok_or_else(err)?;
    }
    let fund = YUAN.round(
        fund_base
            .checked_mul(policy.housing_fund.employer_rate)
            .ok_or_else(err)?,
        "contributions",
    )?;
    employer = employer.checked_add(fund.amount()).ok_or_else(err)?;
    rounding.round(employer, "contributions")
}

/// The annual comprehensive-income table: (upper limit inclusive, rate, quick deduction).
const ANNUAL: [(Option<i64>, &str, i64); 7] = [
    (Some(36_000), "0.03", 0),
    (Some(144_000), "0.10", 2_520),
    (Some(300_000), "0.20", 16_920),
    (Some(420_000), "0.25", 31_920),
    (Some(660_000), "0.30", 52_920),
    (Some(960_000), "0.35", 85_920),
    (None, "0.45", 181_920),
];

/// The monthly table used for the separately taxed annual bonus (Caishui 2023 No. 30).
const MONTHLY: [(Option<i64>, &str, i64); 7] = [
    (Some(3_000), "0.03", 0),
    (Some(12_000), "0.10", 210),
    (Some(25_000), "0.20", 1_410),
    (Some(35_000), "0.25", 2_660),
    (Some(55_000), "0.30", 4_410),
    (Some(80_000), "0.35", 7_160),
    (None, "0.45", 15_160),
];

fn band(table: &[(Option<i64>, &str, i64); 7], amount: Decimal) -> (Decimal, Decimal) {
    let row = table
        .iter()
        .find(|(upper, _, _)| upper.is_none_or(|u| amount <= Decimal::from(u)))
        .or(table.last());
    row.map_or((Decimal::ZERO, Decimal::ZERO), |r| {
        (d(r.1), Decimal::from(r.2))
    })
}

/// Tax on a cumulative (annual) taxable income: rate × income − quick deduction, exact;
/// 0 for 0 or less.
pub fn annual_tax(taxable: Decimal) -> Decimal {
    if taxable <= Decimal::ZERO {
        return Decimal::ZERO;
    }
    let (rate, quick) = band(&ANNUAL, taxable);
    (taxable.saturating_mul(rate) - quick).max(Decimal::ZERO)
}

/// Tax on an annual one-off bonus taxed separately: rate and quick deduction from the
/// monthly table on bonus ÷ 12, applied to the whole bonus.
pub fn bonus_tax(bonus: Decimal) -> Decimal {
    if bonus <= Decimal::ZERO {
        return Decimal::ZERO;
    }
    let (rate, quick) = band(&MONTHLY, bonus / Decimal::from(12));
    (bonus.saturating_mul(rate) - quick).max(Decimal::ZERO)
}

/// A year's special additional deductions, as counts and choices (monthly amounts, 2023 on).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SpecialItems {
    /// Children in education: 2,000 each.
    pub children_education: u32,
    /// Children under 3: 2,000 each.
    pub infant_care: u32,
    /// Elderly support: an only child 3,000; otherwise this share (at most 1,500).
    pub elderly_support_only_child: bool,
    /// Elderly support share for a non-only child, at most 1,500.
    pub elderly_support_share: Decimal,
    /// Housing-loan interest: 1,000.
    pub housing_loan: bool,
    /// Rent: 1,500, 1,100 or 800 by city tier (1, 2, 3); 0 = none.
    pub rent_tier: u32,
    /// Continuing (degree) education: 400.
    pub continuing_education: bool,
}

impl FromJson for SpecialItems {
    fn from_json(value: &Value, path: &str) -> Result<Self> {
        let o = Obj::new(value, path)?;
        Ok(SpecialItems {
            children_education: o.or("children_education", || 0)?,
            infant_care: o.or("infant_care", || 0)?,
            elderly_support_only_child: o.or("elderly_support_only_child", || false)?,
            elderly_support_share: o.or("elderly_support_share", || Decimal::ZERO)?,
            housing_loan: o.or("housing_loan", || false)?,
            rent_tier: o.or("rent_tier", || 0)?,
            continuing_education: o.or("continuing_education", || false)?,
        })
    }
}

impl SpecialItems {
    /// The monthly deduction.
    ///
    /// # Errors
    /// `conflicting_fields` for rent with housing-loan interest; `fraction_range`-style
    /// `invalid_value` for an elderly share above 1,500 or a rent tier other than 0–3.
    pub fn monthly(&self, path: &str) -> Result<Decimal> {
        if self.housing_loan && self.rent_tier > 0 {
            return Err(Error::new(
                ErrorKind::Conflict("housing_loan", "rent_tier"),
                format!("{path}.rent_tier"),
            ));
        }
        let rent = match self.rent_tier {
            0 => 0,
            1 => 1_500,
            2 => 1_100,
            3 => 800,
            _ => {
                return Err(Error::new(
                    ErrorKind::NotWhole(self.rent_tier.to_string()),
                    format!("{path}.rent_tier"),
                ))
            }
        };
        let share_cap = Decimal::from(1_500);
        if self.elderly_support_share > share_cap || self.elderly_support_share < Decimal::ZERO {
            return Err(Error::new(
                ErrorKind::ShareCap {
                    value: self.elderly_support_share,
                },
                format!("{path}.elderly_support_share"),
            ));
        }
        let elderly = if self.elderly_support_only_child {
            Decimal::from(3_000)
        } else {
            self.elderly_support_share
        };
        let whole = 2_000 * u64::from(self.children_education)
            + 2_000 * u64::from(self.infant_care)
            + 1_000 * u64::from(self.housing_loan)
            + rent
            + 400 * u64::from(self.continuing_education);
        Ok(Decimal::from(whole) + elderly)
    }
}

/// One month of the input schedule.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthInput {
    /// Monthly gross pay (taxable wages), CNY.
    pub gross: Decimal,
    /// Employee contributions given directly (social insurance + fund); else computed.
    pub contributions: Option<Decimal>,
    /// Declared contribution base; default the gross.
    pub contribution_base: Option<Decimal>,
    /// Special additional deductions this month; default from `special`.
    pub special_deductions: Option<Decimal>,
}

impl FromJson for MonthInput {
    fn from_json(value: &Value, path: &str) -> Result<Self> {
        let o = Obj::new(value, path)?;
        let m = MonthInput {
            gross: o.req("gross")?,
            contributions: o.opt("contributions")?,
            contribution_base: o.opt("contribution_base")?,
            special_deductions: o.opt("special_deductions")?,
        };
        non_negative(m.gross, &o.path("gross"))?;
        for (k, v) in [
            ("contributions", m.contributions),
            ("contribution_base", m.contribution_base),
            ("special_deductions", m.special_deductions),
        ] {
            if let Some(v) = v {
                non_negative(v, &o.path(k))?;
            }
        }
        Ok(m)
    }
}

/// The take-home input (SPEC §12 Take-home schedule).
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    /// Tax year.
    pub year: i32,
    /// First month employed this year (1–12); months run on from it.
    pub first_month: u32,
    /// The months, from `first_month` on (at most to December).
    pub months: Vec<MonthInput>,
    /// Yearly special-deduction items, used where a month gives no amount.
    pub special: Option<SpecialItems>,
    /// STA 2020 No. 19: last year's income was at most 60,000, so the basic deduction is
    /// 60,000 from the first month.
    pub low_earner_last_year: bool,
    /// The annual one-off bonus, if any.
    pub annual_bonus: Option<Decimal>,
}

impl FromJson for Schedule {
    fn from_json(value: &Value, path: &str) -> Result<Self> {
        let o = Obj::new(value, path)?;
        let s = Schedule {
            year: o.or("year", || 2026u32)?.try_into().unwrap_or(2026),
            first_month: o.or("first_month", || 1)?,
            months: o.req("months")?,
            special: o.opt("special")?,
            low_earner_last_year: o.or("low_earner_last_year", || false)?,
            annual_bonus: o.opt("annual_bonus")?,
        };
        if !(1..=12).contains(&s.first_month) {
            return Err(Error::new(
                ErrorKind::NotWhole(s.first_month.to_string()),
                o.path("first_month"),
            ));
        }
        if s.months.is_empty() || s.months.len() > (13 - s.first_month) as usize {
            return Err(Error::new(
                ErrorKind::MonthsPastDecember {
                    months: s.months.len(),
                    first_month: s.first_month,
                },
                o.path("months"),
            ));
        }
        if let Some(b) = s.annual_bonus {
            non_negative(b, &o.path("annual_bonus"))?;
        }
        Ok(s)
    }
}

/// One month of the result (SPEC §12).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonthResult {
    /// Calendar month 1–12.
    pub month: u32,
    /// Gross pay.
    pub gross: Money,
    /// Employee social insurance (null when contributions were given directly).
    pub social_insurance: Option<Money>,
    /// Employee housing fund (null when contributions were given directly).
    pub housing_fund: Option<Money>,
    /// Employee contributions: social insurance + housing fund.
    pub contributions: Money,
    /// Special additional deductions this month.
    pub special_deductions: Money,
    /// Cumulative taxable income to this month (never below 0).
    pub cumulative_taxable: Money,
    /// Cumulative tax to this month.
    pub cumulative_tax: Money,
    /// Tax withheld this month (never negative).
    pub withheld: Money,
    /// Gross − contributions − withheld.
    pub net: Money,
    /// Gross + employer contributions.
    pub employer_cost: Money,
}

/// Year totals of the schedule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearTotals {
    /// Gross.
    pub gross: Money,
    /// Employee contributions.
    pub contributions: Money,
    /// Tax withheld.
    pub withheld: Money,
    /// Net.
    pub net: Money,
    /// Employer cost.
    pub employer_cost: Money,
}

/// The annual bonus compared both ways (财政部 税务总局公告 2023 年第 30 号; 个人所得税法).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BonusResult {
    /// The bonus.
    pub bonus: Money,
    /// The year's comprehensive taxable income before the bonus: gross − contributions −
    /// 60,000 − special deductions. Negative when deductions are left unused.
    pub taxable_before_bonus: Money,
    /// Tax when taxed separately; null for a tax year after `separate_until`, when the
    /// separate method is no longer offered.
    pub separate_tax: Option<Money>,
    /// Extra annual tax when added to the year's comprehensive income:
    /// tax(max(0, taxable_before_bonus + bonus)) − tax(max(0, taxable_before_bonus)); ≥ 0.
    pub combined_tax_increase: Money,
    /// The cheaper method: `separate`, `combined`, or `equal` when both cost the same;
    /// `combined` when the separate method is not offered for the year.
    pub lower: &'static str,
    /// The last day of the separate method (policy `contributions.bonus_separate_until`).
    pub separate_until: String,
    /// The year's income tax with the bonus under the lower method: tax withheld on the
    /// wages + the bonus's tax.
    pub year_tax: Money,
    /// The year's net with the bonus under the lower method: the wages' net + bonus −
    /// the bonus's tax.
    pub year_net: Money,
}

/// A note on the result that does not stop it (a dated rule that no longer applies, a
/// table from a later date): a stable code and the values it names; the words are made
/// by the renderers (`paygrade-text`, the page's language modules).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Warning {
    /// Stable code: `bonus_separate_ended` or `contribution_table_later`.
    pub code: &'static str,
    /// The values it names (`until`, `year`, `city`, `effective_from`).
    pub params: indexmap::IndexMap<&'static str, String>,
}

impl Warning {
    /// The separate taxation of the annual bonus (Caishui 2023 No. 30) ended before the
    /// tax `year`.
    pub fn bonus_separate_ended(until: &str, year: i32) -> Self {
        let mut params = indexmap::IndexMap::new();
        params.insert("until", until.to_string());
        params.insert("year", year.to_string());
        Warning {
            code: "bonus_separate_ended",
            params,
        }
    }

    /// The contribution table takes effect after the end of the tax `year`.
    pub fn contribution_table_later(city: &str, effective_from: &str, year: i32) -> Self {
        let mut params = indexmap::IndexMap::new();
        params.insert("city", city.to_string());
        params.insert("effective_from", effective_from.to_string());
        params.insert("year", year.to_string());
        Warning {
            code: "contribution_table_later",
            params,
        }
    }
}

/// The take-home result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NetPay {
    /// Tax year.
    pub year: i32,
    /// Month by month.
    pub months: Vec<MonthResult>,
    /// Sums.
    pub year_totals: YearTotals,
    /// The bonus comparison, when a bonus is given.
    pub bonus: Option<BonusResult>,
    /// City and date of the contribution table used, when one was used.
    pub contribution_table: Option<String>,
    /// Dated rules that do not apply to this year (empty when all is well).
    pub warnings: Vec<Warning>,
}

/// The standard (basic) deduction of a year's comprehensive income, CNY (个人所得税法 第六条).
const YEAR_BASIC_DEDUCTION: i64 = 60_000;

/// Compare the annual bonus taxed separately and combined with the year's income.
/// `taxable_before_bonus` is the year's comprehensive taxable income without the bonus
/// (negative when deductions are unused); `separate_allowed` is false for a tax year after
/// the separate method's end date. `year_withheld` and `year_net` are the wages' totals.
///
/// # Errors
/// `overflow` at `annual_bonus`.
pub fn compare_bonus(
    bonus: Decimal,
    taxable_before_bonus: Decimal,
    separate_allowed: bool,
    separate_until: &str,
    rounding: Rounding,
    (year_withheld, year_net): (Money, Money),
) -> Result<BonusResult> {
    let path = "annual_bonus";
    let err = || overflow(path);
    let before = taxable_before_bonus.max(Decimal::ZERO);
    let with = taxable_before_bonus
        .checked_add(bonus)
        .ok_or_else(err)?
        .max(Decimal::ZERO);
    let combined = rounding.round(annual_tax(with) - annual_tax(before), path)?;
    let separate = if separate_allowed {
        Some(rounding.round(bonus_tax(bonus), path)?)
    } else {
        None
    };
    let (lower, tax) = match separate {
        Some(s) if s < combined => ("separate", s),
        Some(s) if s == combined => ("equal", s),
        _ => ("combined", combined),
    };
    let bonus = rounding.round(bonus, path)?;
    Ok(BonusResult {
        bonus,
        taxable_before_bonus: rounding.round(taxable_before_bonus, path)?,
        separate_tax: separate,
        combined_tax_increase: combined,
        lower,
        separate_until: separate_until.to_string(),
        year_tax: year_withheld.checked_add(tax, path)?,
        year_net: year_net.checked_add(bonus, path)?.checked_sub(tax, path)?,
    })
}

/// Compute a year's take-home schedule (see the module's sources), with the annual bonus
/// compared both ways ([`compare_bonus`]) and the `warnings` of dated rules: the separate
/// bonus method after `bonus_separate_until` (`bonus_separate_ended`), a contribution
/// table dated after the tax year (`contribution_table_later`).
///
/// # Errors
/// `missing_field` at `contributions` when a month gives no contributions and the policy
/// has no contribution block; special-deduction errors; `invalid_date` at
/// `contributions.bonus_separate_until`; `overflow`.
pub fn net_pay(
    contrib: Option<&ContributionPolicy>,
    rounding: Rounding,
    s: &Schedule,
) -> Result<NetPay> {
    let err = || overflow("months");
    let fen = |x: Decimal, p: &str| rounding.round(x, p);
    let special_default = match &s.special {
        Some(items) => items.monthly("special")?,
        None => Decimal::ZERO,
    };
    let mut cum_income = Decimal::ZERO;
    let mut cum_contrib = Decimal::ZERO;
    let mut cum_special = Decimal::ZERO;
    let mut withheld_so_far = Decimal::ZERO;
    let mut months = Vec::with_capacity(s.months.len());
    let zero = rounding.zero();
    let mut totals = [zero; 5];
    for (k, m) in s.months.iter().enumerate() {
        let path = format!("months[{k}]");
        let employed = Decimal::from(k as u64 + 1);
        let (si, fund, employee, employer) = match (m.contributions, contrib) {
            (Some(c), policy) => {
                let employer = match policy {
                    Some(p) => {
                        contributions(p, m.contribution_base.unwrap_or(m.gross), rounding)?.employer
                    }
                    None => zero,
                };
                (None, None, fen(c, &path)?, employer)
            }
            (None, Some(p)) => {
                let c = contributions(p, m.contribution_base.unwrap_or(m.gross), rounding)
                    .map_err(|e| e.within(&path))?;
                let sum = c.social_insurance.checked_add(c.housing_fund, &path)?;
                (
                    Some(c.social_insurance),
                    Some(c.housing_fund),
                    sum,
                    c.employer,
                )
            }
            (None, None) => {
                return Err(Error::new(
                    ErrorKind::MissingField("contributions".into()),
                    format!("{path}.contributions"),
                ))
            }
        };
        let special = m.special_deductions.unwrap_or(special_default);
        cum_income = cum_income.checked_add(m.gross).ok_or_else(err)?;
        cum_contrib = cum_contrib.checked_add(employee.amount()).ok_or_else(err)?;
        cum_special = cum_special.checked_add(special).ok_or_else(err)?;
        let mut basic = Decimal::from(5_000).checked_mul(employed).ok_or_else(err)?;
        if s.low_earner_last_year {
            basic = basic.max(Decimal::from(60_000));
        }
        let taxable = (cum_income - basic - cum_contrib - cum_special).max(Decimal::ZERO);
        let cum_tax = fen(annual_tax(taxable), &path)?;
        let this_month = (cum_tax.amount() - withheld_so_far).max(Decimal::ZERO);
        withheld_so_far = withheld_so_far.checked_add(this_month).ok_or_else(err)?;
        let gross = fen(m.gross, &path)?;
        let withheld = fen(this_month, &path)?;
        let net = gross
            .checked_sub(employee, &path)?
            .checked_sub(withheld, &path)?;
        let employer_cost = gross.checked_add(employer, &path)?;
        for (t, v) in totals
            .iter_mut()
            .zip([gross, employee, withheld, net, employer_cost])
        {
            *t = t.checked_add(v, "year_totals")?;
        }
        months.push(MonthResult {
            month: s.first_month + k as u32,
            gross,
            social_insurance: si,
            housing_fund: fund,
            contributions: employee,
            special_deductions: fen(special, &path)?,
            cumulative_taxable: fen(taxable, &path)?,
            cumulative_tax: cum_tax,
            withheld,
            net,
            employer_cost,
        });
    }
    let [gross, contributions, withheld, net, employer_cost] = totals;
    let mut warnings = Vec::new();
    if let Some(c) = contrib {
        let from = c.effective_from.trim();
        if parse_iso_date(from).is_ok_and(|f| f.year() > s.year) {
            warnings.push(Warning::contribution_table_later(&c.city, from, s.year));
        }
    }
    let bonus = match s.annual_bonus {
        Some(b) => {
            let until_text =
                contrib.map_or(BONUS_SEPARATE_UNTIL, |c| c.bonus_separate_until.trim());
            let until = parse_iso_date(until_text)
                .map_err(|e| e.within("contributions.bonus_separate_until"))?;
            let allowed = s.year <= until.year();
            if !allowed {
                warnings.push(Warning::bonus_separate_ended(until_text, s.year));
            }
            let year_deduction = Decimal::from(YEAR_BASIC_DEDUCTION)
                .checked_add(cum_contrib)
                .and_then(|x| x.checked_add(cum_special))
                .ok_or_else(err)?;
            let taxable_before = cum_income.checked_sub(year_deduction).ok_or_else(err)?;
            Some(compare_bonus(
                b,
                taxable_before,
                allowed,
                until_text,
                rounding,
                (withheld, net),
            )?)
        }
        None => None,
    };
    Ok(NetPay {
        year: s.year,
        months,
        year_totals: YearTotals {
            gross,
            contributions,
            withheld,
            net,
            employer_cost,
        },
        bonus,
        contribution_table: contrib.map(|c| format!("{} {}", c.city, c.effective_from)),
        warnings,
    })
}

impl ContributionPolicy {
    /// The policy's `contributions` block read and validated (errors at
    /// `contributions.…`), or — for a policy without one — the dated Shanghai 2025-07
    /// example table ([`ContributionPolicy::shanghai_2025_07`]).
    ///
    /// # Errors
    /// Field errors of the block with their paths; those of [`ContributionPolicy::check`].
    pub fn of(policy: &paygrade::Policy) -> Result<ContributionPolicy> {
        match &policy.contributions {
            Some(block) => {
                let c = ContributionPolicy::from_json(block, "contributions")?;
                c.check()?;
                Ok(c)
            }
            None => Ok(ContributionPolicy::shanghai_2025_07()),
        }
    }
}

/// The employer's charges for a roster's pay under one policy's contribution table: the
/// take-home crate's part of [`paygrade::PayExtras`].
#[derive(Debug, Clone, PartialEq)]
pub struct EmployerCharges {
    /// The table.
    pub contributions: ContributionPolicy,
    /// The policy's rounding (contributions are rounded to the fen like pay).
    pub rounding: Rounding,
}

impl EmployerCharges {
    /// The employer's monthly social insurance and housing fund on a monthly total
    /// (the total as the contribution base), CNY.
    ///
    /// # Errors
    /// `overflow`.
    pub fn on_total(&self, total: Money) -> Result<Money> {
        employer_contributions(&self.contributions, total.amount(), self.rounding)
    }
}

/// A year's take-home schedule (SPEC §12 Take-home) from JSON values: `policy` (`None`
/// = the default policy) and the schedule. Contributions not given per month are computed
/// from the policy's `contributions` block (or the dated example table).
///
/// # Errors
/// Policy and schedule errors with their paths; those of [`net_pay`].
pub fn net_pay_json(
    policy: Option<&serde_json::Value>,
    schedule: &serde_json::Value,
) -> Result<NetPay> {
    let policy = paygrade::api::policy_from(policy)?;
    let contributions = ContributionPolicy::of(policy.policy())?;
    let schedule = <Schedule as paygrade::json::FromJson>::from_json(schedule, "")?;
    net_pay(Some(&contributions), policy.policy().rounding, &schedule)
}

impl ContributionPolicy {
    /// The example tables the page offers, by key: `shanghai`, `beijing` (dated; check
    /// the city's current announcement).
    pub fn presets() -> indexmap::IndexMap<&'static str, ContributionPolicy> {
        indexmap::IndexMap::from([
            ("shanghai", ContributionPolicy::shanghai_2025_07()),
            ("beijing", ContributionPolicy::beijing_2025_07()),
        ])
    }
}
