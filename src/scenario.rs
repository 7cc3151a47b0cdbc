//! Policy comparison 政策模拟 (SPEC §5): one roster under a baseline and a proposal.
//!
//! Each person's total under both and the difference; totals by component and level,
//! monthly and × 12; how many gain, lose or stay; a field-by-field diff of the two
//! policies; each side stamped with a short hash of its policy's canonical JSON (the
//! first 8 hex digits of SHA-256 over the JSON that `paygrade policy` would print).

use crate::employee::Employee;
use crate::error::{Error, ErrorKind, Result};
use crate::money::Money;
use crate::payroll::{compute_roster_figures, Components, NoExtras, PayExtras, Totals};
use crate::policy::CheckedPolicy;
use chrono::NaiveDate;
use indexmap::IndexMap;
use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// One person's totals under both policies.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonDiff {
    /// Employee id.
    pub id: String,
    /// Grade (as given).
    pub grade: String,
    /// Total under the baseline.
    pub baseline_total: Money,
    /// Total under the proposal.
    pub proposal_total: Money,
    /// Proposal − baseline.
    pub difference: Money,
}

/// Totals of one side (or their difference).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SideTotals {
    /// Monthly sums per component.
    pub components: Components,
    /// Monthly total.
    pub total: Money,
    /// × 12.
    pub annual_total: Money,
    /// The employer's monthly cost (total + employer contributions), when the policy has
    /// a `contributions` block.
    pub employer_cost: Option<Money>,
}

/// Baseline, proposal and difference totals.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompareTotals {
    /// Baseline.
    pub baseline: SideTotals,
    /// Proposal.
    pub proposal: SideTotals,
    /// Proposal − baseline.
    pub difference: SideTotals,
}

/// One level's monthly totals under both.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelDiff {
    /// Baseline.
    pub baseline: Money,
    /// Proposal.
    pub proposal: Money,
    /// Proposal − baseline.
    pub difference: Money,
    /// The difference × 12 (a year of the same months).
    pub annual_difference: Money,
}

/// How many people gain, lose or stay the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Paid more under the proposal.
    pub gain: u64,
    /// Paid less.
    pub lose: u64,
    /// Paid the same.
    pub same: u64,
}

/// One step of a field path: an object key or an array index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Key {
    /// An object key (`ladder`, `coefficient`).
    Field(String),
    /// An array index, 0-based.
    Index(usize),
}

/// One changed policy field, with a structured place: the path as keys and indices, and
/// for a ladder field the level and band it belongs to (ids, from the proposal — or the
/// baseline when the proposal removed it).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldDiff {
    /// The path, e.g. `["ladder", 2, "bands", 1, "coefficient"]`.
    pub path: Vec<Key>,
    /// The level of a `ladder[i]…` field (`intermediate`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    /// The band of a `ladder[i].bands[j]…` field (`B`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub band: Option<String>,
    /// Baseline value (JSON; null when absent).
    pub baseline: Value,
    /// Proposal value (JSON; null when absent).
    pub proposal: Value,
}

/// The comparison (SPEC §12 Comparison).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// Short hash of the baseline policy.
    pub baseline_hash: String,
    /// Short hash of the proposal policy.
    pub proposal_hash: String,
    /// Each person, in roster order.
    pub people: Vec<PersonDiff>,
    /// Totals.
    pub totals: CompareTotals,
    /// Per level, highest first.
    pub by_level: IndexMap<String, LevelDiff>,
    /// Gain / lose / same.
    pub counts: Counts,
    /// Changed policy fields.
    pub policy_diff: Vec<FieldDiff>,
}

/// The policy's canonical JSON (compact, fields in file order) and its short hash.
///
/// # Errors
/// `invalid_value` if serialization fails (it does not for a checked policy).
pub fn policy_hash(policy: &CheckedPolicy) -> Result<String> {
    let mut value =
        serde_json::to_value(policy.policy()).map_err(|e| crate::json::json_error(&e))?;
    canonical(&mut value);
    // serde_json's map keeps keys sorted, so equal policies give equal text.
    let digest = Sha256::digest(value.to_string().as_bytes());
    Ok(digest.iter().take(4).map(|b| format!("{b:02x}")).collect())
}

/// The number a string holds, when it is a plain decimal (`"1500"`, `"1500.00"`).
fn as_decimal(value: &Value) -> Option<rust_decimal::Decimal> {
    let s = value.as_str()?;
    if s.is_empty()
        || !s
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
    {
        return None;
    }
    s.parse::<rust_decimal::Decimal>().ok()
}

/// Write every plain decimal string in its shortest form, so `"1500"` and `"1500.00"`
/// (the same amount) hash alike.
fn canonical(value: &mut Value) {
    match value {
        Value::Object(map) => map.values_mut().for_each(canonical),
        Value::Array(items) => items.iter_mut().for_each(canonical),
        Value::String(_) => {
            if let Some(d) = as_decimal(value) {
                *value = Value::String(d.normalize().to_string());
            }
        }
        _ => {}
    }
}

/// A roster's totals as one side of a comparison.
pub fn side(t: &Totals) -> SideTotals {
    SideTotals {
        components: t.components,
        total: t.total,
        annual_total: t.annual_total,
        employer_cost: t.employer_cost,
    }
}

/// `a − b`, field by field (monthly and annual CNY; the employer's cost only when both
/// sides have one).
///
/// # Errors
/// `overflow` at `totals.difference`.
pub fn minus(a: &SideTotals, b: &SideTotals) -> Result<SideTotals> {
    let p = "totals.difference";
    let [a0, a1, a2, a3] = a.components.to_array();
    let [b0, b1, b2, b3] = b.components.to_array();
    Ok(SideTotals {
        components: Components {
            base: a0.checked_sub(b0, p)?,
            floating: a1.checked_sub(b1, p)?,
            seniority: a2.checked_sub(b2, p)?,
            performance: a3.checked_sub(b3, p)?,
        },
        total: a.total.checked_sub(b.total, p)?,
        annual_total: a.annual_total.checked_sub(b.annual_total, p)?,
        employer_cost: match (a.employer_cost, b.employer_cost) {
            (Some(x), Some(y)) => Some(x.checked_sub(y, p)?),
            _ => None,
        },
    })
}

/// Compare a roster under two policies (SPEC §5).
///
/// # Errors
/// Those of [`compute_roster`](crate::payroll::compute_roster) under either policy (the path names the person), and
/// `invalid_value` if the two policies round to different scales.
pub fn compare(
    baseline: &CheckedPolicy,
    proposal: &CheckedPolicy,
    people: &[Employee],
    as_of: Option<NaiveDate>,
) -> Result<Comparison> {
    compare_observed(
        (baseline, &NoExtras),
        (proposal, &NoExtras),
        people,
        as_of,
        &mut |_, _| {},
    )
}

/// One side of a comparison: its policy and the steps outside the core that its pay
/// needs ([`PayExtras`], built for that policy by the crate that composes the work).
pub type Side<'a> = (&'a CheckedPolicy, &'a dyn PayExtras);

/// [`compare`], calling `progress(done, total)` as the two rosters are paid: `total` is
/// twice the head count (each person is paid under both policies).
///
/// # Errors
/// As [`compare`].
pub fn compare_observed(
    (baseline, baseline_extras): Side<'_>,
    (proposal, proposal_extras): Side<'_>,
    people: &[Employee],
    as_of: Option<NaiveDate>,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Comparison> {
    if baseline.policy().rounding.scale != proposal.policy().rounding.scale {
        return Err(Error::new(ErrorKind::ScaleMismatch, "rounding.scale"));
    }
    let n = people.len();
    let before = compute_roster_figures(baseline, baseline_extras, people, as_of, &mut |i, _| {
        progress(i, 2 * n);
    })
    .map_err(|e| e.within("baseline"))?;
    let after = compute_roster_figures(proposal, proposal_extras, people, as_of, &mut |i, _| {
        progress(n + i, 2 * n);
    })
    .map_err(|e| e.within("proposal"))?;
    let mut counts = Counts {
        gain: 0,
        lose: 0,
        same: 0,
    };
    let mut rows = Vec::with_capacity(people.len());
    let ladder = baseline.ladder();
    for ((b, a), e) in before.people.iter().zip(&after.people).zip(people) {
        let difference = a.total.checked_sub(b.total, "people")?;
        match difference.amount().cmp(&rust_decimal::Decimal::ZERO) {
            std::cmp::Ordering::Greater => counts.gain += 1,
            std::cmp::Ordering::Less => counts.lose += 1,
            std::cmp::Ordering::Equal => counts.same += 1,
        }
        rows.push(PersonDiff {
            id: e.id.clone(),
            grade: ladder.grade_name(b.grade),
            baseline_total: b.total,
            proposal_total: a.total,
            difference,
        });
    }
    let (bs, ps) = (side(&before.totals), side(&after.totals));
    let mut by_level = IndexMap::new();
    for (level, lt) in &before.totals.by_level {
        let proposal_total = after
            .totals
            .by_level
            .get(level)
            .map_or(baseline.policy().rounding.zero(), |x| x.total);
        let difference = proposal_total.checked_sub(lt.total, "by_level")?;
        by_level.insert(
            level.clone(),
            LevelDiff {
                baseline: lt.total,
                proposal: proposal_total,
                difference,
                annual_difference: difference.checked_times(12, "by_level")?,
            },
        );
    }
    let base_json = serde_json::to_value(baseline.policy()).unwrap_or(Value::Null);
    let prop_json = serde_json::to_value(proposal.policy()).unwrap_or(Value::Null);
    let policy_diff = diff_policies(&base_json, &prop_json);
    Ok(Comparison {
        baseline_hash: policy_hash(baseline)?,
        proposal_hash: policy_hash(proposal)?,
        people: rows,
        totals: CompareTotals {
            difference: minus(&ps, &bs)?,
            baseline: bs,
            proposal: ps,
        },
        by_level,
        counts,
        policy_diff,
    })
}

/// Field-by-field differences between two policies' JSON, with structured places.
pub fn diff_policies(a: &Value, b: &Value) -> Vec<FieldDiff> {
    let mut out = Vec::new();
    diff_values(&mut Vec::new(), a, b, &mut out);
    for d in &mut out {
        if let [Key::Field(ladder), Key::Index(i), rest @ ..] = d.path.as_slice() {
            if ladder != "ladder" {
                continue;
            }
            let level = |v: &Value| v.get("ladder")?.get(*i).cloned();
            let Some(level) = level(b).filter(|l| !l.is_null()).or_else(|| level(a)) else {
                continue;
            };
            d.level = level
                .get("level")
                .and_then(Value::as_str)
                .map(str::to_string);
            if let [Key::Field(bands), Key::Index(j), ..] = rest {
                if bands == "bands" {
                    d.band = level
                        .get("bands")
                        .and_then(|bs| bs.get(*j))
                        .and_then(|band| band.get("band"))
                        .and_then(Value::as_str)
                        .map(str::to_string);
                }
            }
        }
    }
    out
}

/// Field-by-field differences between two JSON values below `path`.
fn diff_values(path: &mut Vec<Key>, a: &Value, b: &Value, out: &mut Vec<FieldDiff>) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let mut keys: Vec<&String> = x.keys().collect();
            keys.extend(y.keys().filter(|k| !x.contains_key(*k)));
            for k in keys {
                path.push(Key::Field(k.clone()));
                diff_values(
                    path,
                    x.get(k).unwrap_or(&Value::Null),
                    y.get(k).unwrap_or(&Value::Null),
                    out,
                );
                path.pop();
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            for i in 0..x.len().max(y.len()) {
                path.push(Key::Index(i));
                diff_values(
                    path,
                    x.get(i).unwrap_or(&Value::Null),
                    y.get(i).unwrap_or(&Value::Null),
                    out,
                );
                path.pop();
            }
        }
        // The same amount written two ways ("1500" and "1500.00") is no difference.
        (Value::String(_), Value::String(_))
            if as_decimal(a).is_some() && as_decimal(a) == as_decimal(b) => {}
        _ if a != b => {
            // Two amounts at one number of decimals (1500.00 → 1600.00, not → 1600 when
            // the proposal was typed as 1,600).
            let (baseline, proposal) = match (as_decimal(a), as_decimal(b)) {
                (Some(mut x), Some(mut y)) => {
                    let scale = x.scale().max(y.scale());
                    x.rescale(scale);
                    y.rescale(scale);
                    (Value::String(x.to_string()), Value::String(y.to_string()))
                }
                _ => (a.clone(), b.clone()),
            };
            out.push(FieldDiff {
                path: path.clone(),
                level: None,
                band: None,
                baseline,
                proposal,
            });
        }
        _ => {}
    }
}
