//! Money: an exact decimal amount in CNY, rounded once at a named step.
//!
//! Amounts are computed at full decimal precision ([`Decimal`]) and turned into [`Money`]
//! only by [`Rounding::round`], with the policy's scale (default 2, the fen) and mode
//! (default half-up — rust_decimal's own default midpoint rule is banker's, so the
//! strategy is always named). Money serializes as a string with exactly `scale`
//! decimals (`"1500.00"`). SPEC §2, §12.

use crate::error::{overflow, Result};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Serialize, Serializer};
use std::fmt;

/// How a policy rounds exact amounts to money (`rounding` in the policy file).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoundingMode {
    /// Half away from zero: 1250.125 → 1250.13, −1250.125 → −1250.13 (default).
    HalfUp,
    /// Half to even (banker's): 1250.125 → 1250.12.
    HalfEven,
    /// Toward zero (truncate).
    Down,
    /// Away from zero.
    Up,
}

impl RoundingMode {
    fn strategy(self) -> RoundingStrategy {
        match self {
            RoundingMode::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            RoundingMode::HalfEven => RoundingStrategy::MidpointNearestEven,
            RoundingMode::Down => RoundingStrategy::ToZero,
            RoundingMode::Up => RoundingStrategy::AwayFromZero,
        }
    }
}

crate::json::json_enum!(RoundingMode {
    HalfUp = "half_up",
    HalfEven = "half_even",
    Down = "down",
    Up = "up",
});

/// The policy's rounding rule: decimals kept (`scale`, 0–6; 2 = the fen) and `mode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Rounding {
    /// Decimals kept, 0 to 6 (validated by the policy).
    pub scale: u32,
    /// The rounding mode.
    pub mode: RoundingMode,
}

impl Default for Rounding {
    fn default() -> Self {
        Rounding {
            scale: 2,
            mode: RoundingMode::HalfUp,
        }
    }
}

impl crate::json::FromJson for Rounding {
    fn from_json(value: &serde_json::Value, path: &str) -> Result<Self> {
        let o = crate::json::Obj::new(value, path)?;
        Ok(Rounding {
            scale: o.or("scale", || 2)?,
            mode: o.or("mode", || RoundingMode::HalfUp)?,
        })
    }
}

impl Rounding {
    /// Round an exact amount to money: the one lossy step, named as such.
    ///
    /// # Errors
    /// `overflow` at `path` when the amount cannot carry `scale` decimals (it is within
    /// a few digits of the 96-bit decimal limit).
    pub fn round(&self, exact: Decimal, path: &str) -> Result<Money> {
        if let Some(d) = round_small(exact, self.scale, self.mode) {
            return Ok(Money(d));
        }
        let mut d = exact.round_dp_with_strategy(self.scale, self.mode.strategy());
        d.rescale(self.scale);
        if d.scale() != self.scale {
            return Err(overflow(path));
        }
        Ok(Money(d))
    }

    /// Zero at this scale (`0.00`).
    pub fn zero(&self) -> Money {
        let mut d = Decimal::ZERO;
        d.rescale(self.scale);
        Money(d)
    }
}

/// [`Rounding::round`] for the common case — an amount of at least zero whose digits fit
/// 64 bits — in 64-bit integer arithmetic: the same digits and scale as rust_decimal's
/// `round_dp_with_strategy` then `rescale` (the tests compare the two); `None` for any
/// other amount, which takes rust_decimal's path.
fn round_small(exact: Decimal, scale: u32, mode: RoundingMode) -> Option<Decimal> {
    if exact.is_sign_negative() {
        return None;
    }
    let digits = u64::try_from(exact.mantissa()).ok()?;
    let given = exact.scale();
    let digits = if given <= scale {
        digits.checked_mul(10u64.checked_pow(scale - given)?)?
    } else {
        let unit = 10u64.checked_pow(given - scale)?;
        let (kept, rest) = (digits / unit, digits % unit);
        // `rest` against half a unit, as `2 × rest` against `unit` without overflow.
        let away = match mode {
            RoundingMode::Down => false,
            RoundingMode::Up => rest != 0,
            RoundingMode::HalfUp => rest >= unit - rest,
            RoundingMode::HalfEven => rest > unit - rest || (rest == unit - rest && kept % 2 == 1),
        };
        kept + u64::from(away)
    };
    Decimal::try_from_i128_with_scale(i128::from(digits), scale).ok()
}

/// A rounded amount of money (CNY) at the policy's scale. Only [`Rounding::round`] makes one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Money(Decimal);

impl Money {
    /// The amount as a decimal (exact; already rounded).
    pub fn amount(self) -> Decimal {
        self.0
    }

    /// Sum of two amounts of the same scale; exact.
    ///
    /// # Errors
    /// `overflow` at `path`.
    pub fn checked_add(self, other: Money, path: &str) -> Result<Money> {
        // Two amounts of at least zero at one scale whose digits fit 64 bits (nearly every
        // sum of pay): their digits added, as rust_decimal adds them.
        let (a, b) = (self.0, other.0);
        if a.scale() == b.scale() && !a.is_sign_negative() && !b.is_sign_negative() {
            let sum = u64::try_from(a.mantissa())
                .ok()
                .zip(u64::try_from(b.mantissa()).ok())
                .and_then(|(x, y)| x.checked_add(y))
                .and_then(|d| Decimal::try_from_i128_with_scale(i128::from(d), a.scale()).ok());
            if let Some(sum) = sum {
                return Ok(Money(sum));
            }
        }
        self.0
            .checked_add(other.0)
            .map(Money)
            .ok_or_else(|| overflow(path))
    }

    /// Difference `self − other`; exact.
    ///
    /// # Errors
    /// `overflow` at `path`.
    pub fn checked_sub(self, other: Money, path: &str) -> Result<Money> {
        self.0
            .checked_sub(other.0)
            .map(Money)
            .ok_or_else(|| overflow(path))
    }

    /// The amount times a whole number (e.g. 12 months); exact, at the amount's scale
    /// (0.00 × 12 is 0.00, not 0: rust_decimal drops the scale of a zero product).
    ///
    /// # Errors
    /// `overflow` at `path`.
    pub fn checked_times(self, n: u32, path: &str) -> Result<Money> {
        let mut product = self
            .0
            .checked_mul(Decimal::from(n))
            .ok_or_else(|| overflow(path))?;
        product.rescale(self.0.scale());
        Ok(Money(product))
    }
}

impl Money {
    /// Share this amount in proportion to `weights`, to the unit of its scale (the fen),
    /// by the largest-remainder method (SPEC §6): floor every exact share, then give one
    /// unit each to the largest remainders, ties to the smaller `keys` entry (bytewise),
    /// so the shares add up to the amount exactly. rusty_money's name for this step.
    /// Weights summing to 0 give every share 0 (nothing can be shared).
    ///
    /// `weights` and `keys` are parallel (one per share; `keys` may be shorter, a missing
    /// key sorts first). Weights are exact fractions of any scale; they must not be
    /// negative (the caller validates them).
    ///
    /// # Errors
    /// `overflow` at `path` when a share cannot be computed.
    pub fn allocate(self, weights: &[Decimal], keys: &[&str], path: &str) -> Result<Vec<Money>> {
        let scale = self.0.scale();
        let zero = || {
            let mut d = Decimal::ZERO;
            d.rescale(scale);
            Money(d)
        };
        let err = || overflow(path);
        let weight_sum = weights
            .iter()
            .try_fold(Decimal::ZERO, |s, w| s.checked_add(*w))
            .ok_or_else(err)?;
        if weight_sum.is_zero() {
            return Ok(vec![zero(); weights.len()]);
        }
        let mut shares = Vec::with_capacity(weights.len());
        let mut remainders = Vec::with_capacity(weights.len());
        let mut floored_sum = Decimal::ZERO;
        for (i, w) in weights.iter().enumerate() {
            let exact = self
                .0
                .checked_mul(*w)
                .and_then(|x| x.checked_div(weight_sum))
                .ok_or_else(err)?;
            let mut floor = exact.round_dp_with_strategy(scale, RoundingStrategy::ToZero);
            floor.rescale(scale);
            floored_sum = floored_sum.checked_add(floor).ok_or_else(err)?;
            shares.push(floor);
            remainders.push((exact - floor, i));
        }
        let unit = Decimal::new(1, scale);
        let left = self.0.checked_sub(floored_sum).ok_or_else(err)?;
        let units = rust_decimal::prelude::ToPrimitive::to_usize(&(left / unit).trunc());
        let key = |i: usize| keys.get(i).map(|k| k.as_bytes()).unwrap_or_default();
        remainders.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| key(a.1).cmp(key(b.1))));
        for (_, i) in remainders.into_iter().take(units.unwrap_or(0)) {
            if let Some(s) = shares.get_mut(i) {
                *s = s.checked_add(unit).ok_or_else(err)?;
            }
        }
        Ok(shares.into_iter().map(Money).collect())
    }
}

/// An exact amount as a binary double, for the places that can hold nothing else (an
/// XLSX number cell, a chart axis): the one lossy conversion, named as such. Money has at
/// most 28 significant digits; a double keeps about 15, more than any shown decimal needs.
pub fn to_f64_lossy(amount: Decimal) -> f64 {
    rust_decimal::prelude::ToPrimitive::to_f64(&amount).unwrap_or(0.0)
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[track_caller]
    fn r(mode: RoundingMode, exact: &str, want: &str) {
        let rounding = Rounding { scale: 2, mode };
        let got = rounding
            .round(Decimal::from_str(exact).unwrap(), "x")
            .unwrap();
        assert_eq!(got.to_string(), want, "{mode:?} {exact}");
    }

    #[test]
    fn modes() {
        r(RoundingMode::HalfUp, "1250.125", "1250.13");
        r(RoundingMode::HalfUp, "-1250.125", "-1250.13");
        r(RoundingMode::HalfEven, "1250.125", "1250.12");
        r(RoundingMode::Down, "1250.129", "1250.12");
        r(RoundingMode::Up, "1250.121", "1250.13");
        r(RoundingMode::HalfUp, "1500", "1500.00");
    }

    /// rust_decimal's own rounding, as `Rounding::round` did it before its 64-bit path.
    fn library_round(exact: Decimal, scale: u32, mode: RoundingMode) -> Option<Decimal> {
        let mut d = exact.round_dp_with_strategy(scale, mode.strategy());
        d.rescale(scale);
        (d.scale() == scale).then_some(d)
    }

    fn any_mode() -> impl proptest::strategy::Strategy<Value = RoundingMode> {
        proptest::sample::select(vec![
            RoundingMode::HalfUp,
            RoundingMode::HalfEven,
            RoundingMode::Down,
            RoundingMode::Up,
        ])
    }

    proptest::proptest! {
        #[test]
        fn the_64_bit_rounding_is_rust_decimals(
            digits in proptest::prop_oneof![0i128..1_000_000, 0i128..=i128::from(u64::MAX) + 10, -1_000_000i128..0],
            given in 0u32..=20,
            scale in 0u32..=6,
            mode in any_mode(),
        ) {
            let exact = Decimal::from_i128_with_scale(digits, given);
            let rounding = Rounding { scale, mode };
            let ours = rounding.round(exact, "x").ok().map(Money::amount);
            let theirs = library_round(exact, scale, mode);
            // The same value, digits and scale: the text is the same.
            proptest::prop_assert_eq!(ours.map(|d| d.to_string()), theirs.map(|d| d.to_string()));
        }

        #[test]
        fn the_64_bit_sum_is_rust_decimals(
            a in proptest::prop_oneof![0i128..1_000_000_000, -1_000i128..=i128::from(u64::MAX)],
            b in proptest::prop_oneof![0i128..1_000_000_000, -1_000i128..=i128::from(u64::MAX)],
            scale_a in 0u32..=6,
            scale_b in 0u32..=6,
        ) {
            let (x, y) = (Decimal::from_i128_with_scale(a, scale_a), Decimal::from_i128_with_scale(b, scale_b));
            let ours = Money(x).checked_add(Money(y), "x").ok().map(|m| m.amount().to_string());
            proptest::prop_assert_eq!(ours, x.checked_add(y).map(|d| d.to_string()));
        }
    }

    #[test]
    fn midpoints_in_each_mode() {
        r(RoundingMode::HalfEven, "1250.135", "1250.14");
        r(RoundingMode::HalfEven, "1250.1250001", "1250.13");
        r(RoundingMode::HalfUp, "0.005", "0.01");
        r(RoundingMode::HalfUp, "0.0049999", "0.00");
        r(RoundingMode::Up, "0.001", "0.01");
        r(RoundingMode::Down, "0.999", "0.99");
        r(RoundingMode::HalfUp, "7", "7.00");
    }

    #[test]
    fn too_large_to_carry_the_fen() {
        let rounding = Rounding::default();
        let huge = Decimal::MAX;
        assert_eq!(rounding.round(huge, "p").unwrap_err().code(), "overflow");
    }
}
