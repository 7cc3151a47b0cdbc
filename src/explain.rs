//! Explanation facts: how each pay component was reached, as numbers and ids — never a
//! sentence. The renderers at the edge (the page's language modules, `paygrade-text` for
//! the CLI and exports) turn a [`Term`] into words (SPEC §2, §6, §7, §9).
//!
//! A term serializes flat, tagged by `rule`:
//! `{"rule":"flat","years":12,"per_year":"6.00","value":"72.00"}`,
//! `{"rule":"not_eligible","reason":"min_years","years":2,"min_years":3,"value":"0.00"}`.

use crate::money::Money;
use crate::policy::Employment;
use rust_decimal::Decimal;
use serde::Serialize;

/// One component's explanation: the rule with the numbers it used, the proration applied
/// (if any) and the rounded result. Serialized flat (see the module docs), by hand: one
/// map, no serde `flatten` machinery in the browser module.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    /// The formula and its inputs.
    pub rule: Rule,
    /// Proration of a partial month (amount × paid_days ÷ standard_days, SPEC §7); absent
    /// for a full month or a component the policy does not prorate.
    pub proration: Option<Proration>,
    /// The component's amount after proration and rounding (monthly CNY).
    pub value: Money,
}

/// The days of a partial month (SPEC §7).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Proration {
    /// Paid days this month.
    pub paid_days: Decimal,
    /// The policy's days in a full month.
    pub standard_days: Decimal,
}

/// Which formula gave a component, with the numbers it used (`rule` in the JSON).
#[derive(Debug, Clone, PartialEq)]
pub enum Rule {
    /// A wage read from the ladder (base or floating wage, monthly CNY). `level` names the
    /// level whose wage was used when it is not the person's own (the floating wage
    /// following a rural step into a higher level, SPEC §3).
    Wage {
        /// The wage, monthly CNY.
        amount: Decimal,
        /// The level it was read from, when not the person's own.
        level: Option<String>,
    },
    /// Seniority, `flat` mode: every completed year at the person's bracket rate (SPEC §2.1).
    Flat {
        /// Completed years in the post.
        years: u32,
        /// The bracket's rate, CNY per year per month.
        per_year: Decimal,
    },
    /// Seniority, `marginal` mode: each year at its own bracket's rate (SPEC §2.1).
    Marginal {
        /// The years of each bracket reached, lowest bracket first.
        parts: Vec<YearsAtRate>,
    },
    /// Seniority, not paid (SPEC §2.1): why, tagged by `reason`.
    NotEligible(Ineligible),
    /// Performance pay from the fixed base: base × coefficient × assessment factor (SPEC §2.3).
    FixedBase {
        /// The policy's performance base, monthly CNY.
        base: Decimal,
        /// The grade's coefficient (after rural uplift).
        coefficient: Decimal,
        /// The assessment factor, exact, at least two decimals (`"0.90"`).
        factor: String,
    },
    /// Performance pay as a share of the pool by weight, largest remainder (SPEC §6).
    PoolShare {
        /// The pool, rounded, monthly CNY.
        pool: Money,
        /// This person's weight (coefficient × factor × days share), normalized.
        weight: Decimal,
        /// The sum of all weights, normalized.
        weight_sum: Decimal,
    },
}

/// Why no seniority pay is due (`reason` in the JSON).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Ineligible {
    /// The employment type is not eligible (seed: only 聘用工).
    Employment {
        /// The person's employment type.
        employment: Employment,
    },
    /// Fewer completed years than the minimum (seed: 满三年).
    MinYears {
        /// Completed years in the post.
        years: u32,
        /// The policy's minimum.
        min_years: u32,
    },
}

/// Years paid at one bracket's rate (marginal seniority).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct YearsAtRate {
    /// Years in this bracket.
    pub years: u32,
    /// The bracket's rate, CNY per year per month.
    pub per_year: Decimal,
}

/// One explanation term per component (SPEC §9).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explain {
    /// Base wage.
    pub base: Term,
    /// Floating wage.
    pub floating: Term,
    /// Seniority pay.
    pub seniority: Term,
    /// Performance pay.
    pub performance: Term,
}

impl Serialize for Term {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        match &self.rule {
            Rule::Wage { amount, level } => {
                m.serialize_entry("rule", "wage")?;
                m.serialize_entry("amount", amount)?;
                if let Some(l) = level {
                    m.serialize_entry("level", l)?;
                }
            }
            Rule::Flat { years, per_year } => {
                m.serialize_entry("rule", "flat")?;
                m.serialize_entry("years", years)?;
                m.serialize_entry("per_year", per_year)?;
            }
            Rule::Marginal { parts } => {
                m.serialize_entry("rule", "marginal")?;
                m.serialize_entry("parts", parts)?;
            }
            Rule::NotEligible(why) => {
                m.serialize_entry("rule", "not_eligible")?;
                match why {
                    Ineligible::Employment { employment } => {
                        m.serialize_entry("reason", "employment")?;
                        m.serialize_entry("employment", employment)?;
                    }
                    Ineligible::MinYears { years, min_years } => {
                        m.serialize_entry("reason", "min_years")?;
                        m.serialize_entry("years", years)?;
                        m.serialize_entry("min_years", min_years)?;
                    }
                }
            }
            Rule::FixedBase {
                base,
                coefficient,
                factor,
            } => {
                m.serialize_entry("rule", "fixed_base")?;
                m.serialize_entry("base", base)?;
                m.serialize_entry("coefficient", coefficient)?;
                m.serialize_entry("factor", factor)?;
            }
            Rule::PoolShare {
                pool,
                weight,
                weight_sum,
            } => {
                m.serialize_entry("rule", "pool_share")?;
                m.serialize_entry("pool", pool)?;
                m.serialize_entry("weight", weight)?;
                m.serialize_entry("weight_sum", weight_sum)?;
            }
        }
        if let Some(p) = &self.proration {
            m.serialize_entry("proration", p)?;
        }
        m.serialize_entry("value", &self.value)?;
        m.end()
    }
}
