//! The grade ladder 三级九档: levels, bands, the nine steps, and the rural uplift (SPEC §2.2).
//!
//! Levels are listed lowest first (trainee, junior, intermediate, senior); a level with
//! bands contributes its bands, lowest first (C, B, A), to the ladder's steps — nine
//! with the seed's three levels of three bands. A level without bands (trainee) sits
//! below the steps with a single coefficient.

use crate::error::{Error, ErrorKind, Result};
use crate::number::to_half_width;
use crate::policy::{non_negative, LevelSpec, UpliftScope};
use rust_decimal::Decimal;

/// A band of a level.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    /// Band letter (`A`, `B`, `C`).
    pub name: String,
    /// Performance-pay coefficient of this grade.
    pub coefficient: Decimal,
}

/// A level of the ladder, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Level {
    /// Level id (`senior`).
    pub id: String,
    /// Base wage, monthly CNY.
    pub base_wage: Decimal,
    /// Floating wage, monthly CNY.
    pub floating_wage: Decimal,
    /// Quota cap as a fraction of headcount; `None` = uncapped.
    pub quota_max: Option<Decimal>,
    /// Bands lowest first; empty for a level without bands.
    pub bands: Vec<Band>,
    /// The coefficient of a level without bands.
    pub coefficient: Option<Decimal>,
}

/// A person's grade: a level and, for a banded level, a band (indices, lowest first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Grade {
    /// Index into the ladder's levels.
    pub level: usize,
    /// Index into the level's bands (0 = lowest, C); `None` for a bandless level.
    pub band: Option<usize>,
}

/// The checked ladder.
#[derive(Debug, Clone, PartialEq)]
pub struct Ladder {
    levels: Vec<Level>,
    /// The banded grades in order, lowest first (junior-C … senior-A).
    steps: Vec<Grade>,
    /// Each level's banded grade names (`intermediate-B`), by band index: made once, so
    /// a roster names its people's grades without a string per person.
    band_grade_names: Vec<Vec<String>>,
}

/// Chinese and long names of the default levels, mapped to their ids (SPEC §8).
fn alias(name: &str) -> &str {
    match name {
        "见习" | "见习客户经理" | "见习级" => "trainee",
        "初级" | "初级客户经理" => "junior",
        "中级" | "中级客户经理" => "intermediate",
        "高级" | "高级客户经理" => "senior",
        other => other,
    }
}

impl Ladder {
    /// Check the policy's `ladder` and build the steps.
    ///
    /// # Errors
    /// At `ladder[i]…`: `level_shape` (no levels; a level with both or neither of
    /// `bands` and `coefficient`; empty bands or level id), `duplicate_level`,
    /// `duplicate_band`, `negative_amount` (wage or coefficient), `fraction_range`
    /// (`quota_max` outside 0–1).
    pub fn build(specs: &[LevelSpec]) -> Result<Ladder> {
        if specs.is_empty() {
            return Err(Error::new(
                ErrorKind::LevelShape("no level at all"),
                "ladder",
            ));
        }
        let mut levels: Vec<Level> = Vec::with_capacity(specs.len());
        let mut steps = Vec::new();
        for (i, spec) in specs.iter().enumerate() {
            let path = format!("ladder[{i}]");
            let id = spec.level.trim().to_string();
            if id.is_empty() {
                return Err(Error::new(
                    ErrorKind::LevelShape("a level id is empty"),
                    format!("{path}.level"),
                ));
            }
            if levels
                .iter()
                .any(|l| l.id.eq_ignore_ascii_case(&id) || alias(&l.id) == alias(&id))
            {
                return Err(Error::new(
                    ErrorKind::DuplicateLevel(id),
                    format!("{path}.level"),
                ));
            }
            non_negative(spec.base_wage, &format!("{path}.base_wage"))?;
            non_negative(spec.floating_wage, &format!("{path}.floating_wage"))?;
            if let Some(q) = spec.quota_max {
                if q < Decimal::ZERO || q > Decimal::ONE {
                    return Err(Error::new(
                        ErrorKind::Fraction(q),
                        format!("{path}.quota_max"),
                    ));
                }
            }
            let mut bands = Vec::new();
            match (&spec.bands, spec.coefficient) {
                (Some(_), Some(_)) => {
                    return Err(Error::new(
                        ErrorKind::LevelShape(
                            "a level has both `bands` and a single `coefficient`",
                        ),
                        path,
                    ));
                }
                (None, None) => {
                    return Err(Error::new(
                        ErrorKind::LevelShape(
                            "a level has neither `bands` nor a single `coefficient`",
                        ),
                        path,
                    ));
                }
                (Some(list), None) if list.is_empty() => {
                    return Err(Error::new(
                        ErrorKind::LevelShape("a level has an empty bands list"),
                        format!("{path}.bands"),
                    ));
                }
                (None, Some(c)) => non_negative(c, &format!("{path}.coefficient"))?,
                (Some(list), None) => {
                    for (j, b) in list.iter().enumerate() {
                        let bpath = format!("{path}.bands[{j}]");
                        let name = normalize_band(&b.band).into_owned();
                        if name.is_empty() {
                            return Err(Error::new(
                                ErrorKind::LevelShape("a band name is empty"),
                                format!("{bpath}.band"),
                            ));
                        }
                        if bands.iter().any(|x: &Band| x.name == name) {
                            return Err(Error::new(
                                ErrorKind::DuplicateBand(name),
                                format!("{bpath}.band"),
                            ));
                        }
                        non_negative(b.coefficient, &format!("{bpath}.coefficient"))?;
                        bands.push(Band {
                            name,
                            coefficient: b.coefficient,
                        });
                        steps.push(Grade {
                            level: i,
                            band: Some(j),
                        });
                    }
                }
            }
            levels.push(Level {
                id,
                base_wage: spec.base_wage,
                floating_wage: spec.floating_wage,
                quota_max: spec.quota_max,
                bands,
                coefficient: spec.coefficient,
            });
        }
        let band_grade_names = levels
            .iter()
            .map(|l| {
                l.bands
                    .iter()
                    .map(|b| format!("{}-{}", l.id, b.name))
                    .collect()
            })
            .collect();
        Ok(Ladder {
            levels,
            steps,
            band_grade_names,
        })
    }

    /// The levels, lowest first.
    pub fn levels(&self) -> &[Level] {
        &self.levels
    }

    /// The banded grades in order, lowest first.
    pub fn steps(&self) -> &[Grade] {
        &self.steps
    }

    /// The level at `index`, if any.
    pub fn level(&self, index: usize) -> Option<&Level> {
        self.levels.get(index)
    }

    /// Index of the level named `name` (its id, case-insensitive, or a Chinese name of a
    /// default level: 高级/中级/初级/见习).
    pub fn level_index(&self, name: &str) -> Option<usize> {
        let half = to_half_width(name);
        let wanted = alias(half.trim());
        self.levels
            .iter()
            .position(|l| l.id.eq_ignore_ascii_case(wanted))
    }

    /// Resolve a person's level and band into a [`Grade`].
    ///
    /// # Errors
    /// `unknown_level` at `level`; `unknown_band` at `band` when a banded level has no
    /// (or an unknown) band, or a bandless level is given one.
    pub fn resolve(&self, level: &str, band: Option<&str>) -> Result<Grade> {
        let li = self
            .level_index(level)
            .ok_or_else(|| Error::new(ErrorKind::UnknownLevel(level.to_string()), "level"))?;
        let lvl = self
            .levels
            .get(li)
            .ok_or_else(|| Error::new(ErrorKind::UnknownLevel(level.to_string()), "level"))?;
        let band = band.map(normalize_band).filter(|b| !b.is_empty());
        let unknown = |b: &str| {
            Error::new(
                ErrorKind::UnknownBand {
                    band: b.to_string(),
                    level: lvl.id.clone(),
                },
                "band",
            )
        };
        match (lvl.bands.is_empty(), band) {
            (true, None) => Ok(Grade {
                level: li,
                band: None,
            }),
            (true, Some(b)) => Err(unknown(&b)),
            (false, None) => Err(unknown("")),
            (false, Some(b)) => lvl
                .bands
                .iter()
                .position(|x| x.name == *b)
                .map(|bi| Grade {
                    level: li,
                    band: Some(bi),
                })
                .ok_or_else(|| unknown(&b)),
        }
    }

    /// The grade's name: `intermediate-B`, or the level id for a bandless level (`trainee`);
    /// empty for a grade not on this ladder.
    pub fn grade_name(&self, grade: Grade) -> String {
        self.grade_str(grade).to_string()
    }

    /// [`Ladder::grade_name`] borrowed from the ladder (no string made).
    pub fn grade_str(&self, grade: Grade) -> &str {
        let Some(level) = self.levels.get(grade.level) else {
            return "";
        };
        grade
            .band
            .and_then(|b| self.band_grade_names.get(grade.level)?.get(b))
            .unwrap_or(&level.id)
    }

    /// The grade's coefficient (its band's, or the bandless level's).
    pub fn coefficient(&self, grade: Grade) -> Decimal {
        let Some(level) = self.levels.get(grade.level) else {
            return Decimal::ZERO;
        };
        match grade.band.and_then(|b| level.bands.get(b)) {
            Some(band) => band.coefficient,
            None => level.coefficient.unwrap_or_default(),
        }
    }

    /// Position of a banded grade on the ladder (0 = lowest step); `None` for bandless.
    pub fn step_of(&self, grade: Grade) -> Option<usize> {
        grade.band?;
        self.steps.iter().position(|g| *g == grade)
    }

    /// The grade `steps` steps up from `grade`, capped at the top step (scope `ladder`) or
    /// at the top band of the grade's own level (scope `level`). Bandless grades do not move.
    pub fn step_up(&self, grade: Grade, steps: u32, scope: UpliftScope) -> Grade {
        let Some(pos) = self.step_of(grade) else {
            return grade;
        };
        let cap = match scope {
            UpliftScope::Ladder => self.steps.len().saturating_sub(1),
            UpliftScope::Level => self
                .steps
                .iter()
                .rposition(|g| g.level == grade.level)
                .unwrap_or(pos),
        };
        let target = pos.saturating_add(steps as usize).min(cap);
        self.steps.get(target).copied().unwrap_or(grade)
    }

    /// The same band position in the next banded level up (`intermediate-B` → `senior-B`),
    /// or the top band when the next level has fewer bands; from a bandless level (trainee)
    /// the lowest band of the next banded level (`junior-C`); `None` at the top level.
    pub fn level_up(&self, grade: Grade) -> Option<Grade> {
        let band = grade.band.unwrap_or(0);
        let next = self
            .levels
            .iter()
            .enumerate()
            .skip(grade.level.saturating_add(1))
            .find(|(_, l)| !l.bands.is_empty())?;
        let b = band.min(next.1.bands.len().saturating_sub(1));
        Some(Grade {
            level: next.0,
            band: Some(b),
        })
    }

    /// The next band up inside the same level; `None` at the level's top band.
    pub fn band_up(&self, grade: Grade) -> Option<Grade> {
        let band = grade.band?;
        let level = self.levels.get(grade.level)?;
        let next = band.checked_add(1)?;
        (next < level.bands.len()).then_some(Grade {
            level: grade.level,
            band: Some(next),
        })
    }
}

/// Normalize a band as typed: trim, half-width, upper case, a trailing 档 dropped.
/// Nothing is allocated for a band typed as it is named (`B`, ` B档 `).
fn normalize_band(text: &str) -> std::borrow::Cow<'_, str> {
    let t = text.trim();
    let t = t.strip_suffix('档').unwrap_or(t).trim();
    // Plain upper-case ASCII left after trimming: nothing to map or raise.
    if t.bytes().all(|c| c.is_ascii() && !c.is_ascii_lowercase()) {
        return std::borrow::Cow::Borrowed(t);
    }
    let half = to_half_width(text);
    let t = half.trim();
    let t = t.strip_suffix('档').unwrap_or(t);
    std::borrow::Cow::Owned(t.trim().to_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::Policy;

    fn ladder() -> Ladder {
        Ladder::build(&Policy::default().ladder).unwrap()
    }

    #[track_caller]
    fn up(from: (&str, &str), steps: u32, scope: UpliftScope, want: &str) {
        let l = ladder();
        let g = l.resolve(from.0, Some(from.1)).unwrap();
        assert_eq!(l.grade_name(l.step_up(g, steps, scope)), want);
    }

    #[test]
    fn nine_steps() {
        let l = ladder();
        assert_eq!(l.steps().len(), 9);
        assert_eq!(l.grade_name(l.steps()[0]), "junior-C");
        assert_eq!(l.grade_name(l.steps()[8]), "senior-A");
    }

    #[test]
    fn grade_names_are_made_once_and_borrowed() {
        let l = ladder();
        let g = |level, band| Grade { level, band };
        assert_eq!(l.grade_str(g(0, None)), "trainee");
        assert_eq!(l.grade_str(g(1, Some(0))), "junior-C");
        assert_eq!(l.grade_str(g(2, Some(1))), "intermediate-B");
        assert_eq!(l.grade_str(g(3, Some(2))), "senior-A");
        // Off the ladder: a band the level lacks names the level; a level it lacks, nothing.
        assert_eq!(l.grade_str(g(1, Some(7))), "junior");
        assert_eq!(l.grade_str(g(9, None)), "");
        let names: Vec<&str> = l.steps().iter().map(|s| l.grade_str(*s)).collect();
        assert_eq!(
            names.join(" "),
            "junior-C junior-B junior-A intermediate-C intermediate-B intermediate-A \
             senior-C senior-B senior-A"
        );
    }

    #[test]
    fn uplift() {
        up(
            ("intermediate", "B"),
            1,
            UpliftScope::Ladder,
            "intermediate-A",
        );
        up(("junior", "A"), 1, UpliftScope::Ladder, "intermediate-C");
        up(("junior", "A"), 1, UpliftScope::Level, "junior-A");
        up(("senior", "A"), 1, UpliftScope::Ladder, "senior-A");
        up(("junior", "C"), 20, UpliftScope::Ladder, "senior-A");
        up(("中级", "b档"), 2, UpliftScope::Ladder, "senior-C");
    }

    #[test]
    fn resolve_errors() {
        let l = ladder();
        assert_eq!(
            l.resolve("expert", Some("A")).unwrap_err().code(),
            "unknown_level"
        );
        assert_eq!(
            l.resolve("junior", Some("D")).unwrap_err().code(),
            "unknown_band"
        );
        assert_eq!(
            l.resolve("junior", None).unwrap_err().code(),
            "unknown_band"
        );
        assert_eq!(l.resolve("trainee", Some("A")).unwrap_err().path, "band");
        assert_eq!(
            l.grade_name(l.resolve("见习", Some("")).unwrap()),
            "trainee"
        );
    }
}
