//! Quota control 比例控制 (SPEC §3): seats per capped level and who is over.
//!
//! Seed: senior ≤ 20%, intermediate ≤ 50%, junior ≤ 30% of the headcount (总数).
//! Seats = cap × headcount, rounded by the policy's `seat_rounding` (floor by default: the
//! seed says 不超过, not more than) in decimal arithmetic — 29% of 100 is 29 seats.

use crate::ladder::Grade;
use crate::policy::{CheckedPolicy, HeadcountBasis, SeatRounding};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

/// Whole seats for `cap` (a fraction, 0–1) of `headcount` people, rounded by `rounding`.
/// Exact decimal arithmetic; a cap of at most 1 never gives more seats than people.
pub fn seats(cap: Decimal, headcount: usize, rounding: SeatRounding) -> u64 {
    let exact = cap.saturating_mul(Decimal::from(headcount as u64));
    let rounded = match rounding {
        SeatRounding::Floor => exact.floor(),
        SeatRounding::Ceil => exact.ceil(),
        SeatRounding::HalfUp => {
            exact.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
        }
    };
    rounded.to_u64().unwrap_or(0)
}

/// One capped level's line in the quota report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuotaLevel {
    /// Level id.
    pub level: String,
    /// People at this level.
    pub count: u64,
    /// The cap as a fraction of headcount (`0.20`).
    pub cap: Decimal,
    /// Whole seats the cap allows.
    pub seats: u64,
    /// People beyond the seats (0 when within).
    pub over: u64,
}

/// The quota report (SPEC §12 Quota report).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuotaReport {
    /// The headcount seats are computed from.
    pub headcount: u64,
    /// Whose heads count: `all` or `graded`.
    pub headcount_basis: HeadcountBasis,
    /// How seats were rounded.
    pub seat_rounding: SeatRounding,
    /// Capped levels, highest first.
    pub levels: Vec<QuotaLevel>,
    /// True when no level is over.
    pub compliant: bool,
}

/// The headcount on the policy's basis: everyone, or only those with a band.
pub fn headcount(policy: &CheckedPolicy, grades: &[Grade]) -> usize {
    match policy.policy().quota.headcount {
        HeadcountBasis::All => grades.len(),
        HeadcountBasis::Graded => grades.iter().filter(|g| g.band.is_some()).count(),
    }
}

/// Seats per capped level for `headcount` people, highest level first.
pub fn seats_by_level(policy: &CheckedPolicy, headcount: usize) -> Vec<(usize, Decimal, u64)> {
    let rounding = policy.policy().quota.seat_rounding;
    policy
        .ladder()
        .levels()
        .iter()
        .enumerate()
        .rev()
        .filter_map(|(i, l)| {
            l.quota_max
                .map(|cap| (i, cap, seats(cap, headcount, rounding)))
        })
        .collect()
}

/// Check the quotas for people of the given grades (SPEC §3).
pub fn check_quotas(policy: &CheckedPolicy, grades: &[Grade]) -> QuotaReport {
    let heads = headcount(policy, grades);
    let levels: Vec<QuotaLevel> = seats_by_level(policy, heads)
        .into_iter()
        .map(|(i, cap, seats)| {
            let count = grades.iter().filter(|g| g.level == i).count() as u64;
            QuotaLevel {
                level: policy
                    .ladder()
                    .level(i)
                    .map(|l| l.id.clone())
                    .unwrap_or_default(),
                count,
                cap,
                seats,
                over: count.saturating_sub(seats),
            }
        })
        .collect();
    QuotaReport {
        headcount: heads as u64,
        headcount_basis: policy.policy().quota.headcount,
        seat_rounding: policy.policy().quota.seat_rounding,
        compliant: levels.iter().all(|l| l.over == 0),
        levels,
    }
}

/// Quota report for employees as they are graded now (SPEC §3).
///
/// # Errors
/// `unknown_level` / `unknown_band` at `employees[i].level|band`.
pub fn check_quotas_for(
    policy: &CheckedPolicy,
    employees: &[crate::Employee],
) -> crate::Result<QuotaReport> {
    let grades = employees
        .iter()
        .enumerate()
        .map(|(i, e)| {
            policy
                .ladder()
                .resolve(&e.level, e.band.as_deref())
                .map_err(|err| err.within(&format!("employees[{i}]")))
        })
        .collect::<crate::Result<Vec<_>>>()?;
    Ok(check_quotas(policy, &grades))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_seats() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(seats(d("0.29"), 100, SeatRounding::Floor), 29);
        assert_eq!(seats(d("0.50"), 71, SeatRounding::Floor), 35);
        assert_eq!(seats(d("0.50"), 71, SeatRounding::HalfUp), 36);
        assert_eq!(seats(d("0.20"), 71, SeatRounding::Ceil), 15);
        assert_eq!(seats(d("0.20"), 71, SeatRounding::Floor), 14);
        assert_eq!(seats(d("1"), 0, SeatRounding::Ceil), 0);
    }
}
