//! A roster file paid and written person by person (issue 16 item 2): the command line's
//! `roster --format csv` reads, pays and writes each row as it comes, so a roster of any
//! length runs in memory that does not grow with its rows (beyond one id per person, for
//! the duplicate check).

use crate::HrPolicy;
use chrono::NaiveDate;
use paygrade::error::{Error, ErrorKind, Result, Warning, MAX_LISTED};
use paygrade::policy::PerformanceMode;
use paygrade_roster::export::{Lang, RosterCsv};
use paygrade_roster::{normalise_id, place, IdCheck};

/// The people read before the id set is sized for the whole file.
const ESTIMATE_AFTER: usize = 256;

/// The most ids room is made for ahead (10,000,000: 57 bytes a row of a file of 570 MB);
/// beyond it the set grows as rows come.
const MAX_RESERVED_IDS: usize = 10_000_000;

/// Problems of one kind, in row order: the first [`MAX_LISTED`], then a count.
#[derive(Default)]
struct Problems {
    listed: Vec<Error>,
    more: usize,
}

impl Problems {
    /// `e`, and each further problem it lists (a row's several bad cells), one by one.
    fn push(&mut self, e: Error) {
        for e in e.into_all() {
            if self.listed.len() < MAX_LISTED {
                self.listed.push(e);
            } else {
                self.more += 1;
            }
        }
    }

    fn is_empty(&self) -> bool {
        self.listed.is_empty()
    }

    fn into_error(self) -> Option<Error> {
        Error::many(self.listed, self.more)
    }
}

/// A roster written by [`roster_export_csv_stream`]: the people written and what the
/// reading noticed on the way (header row found below titles, totals row skipped …), as
/// the whole roster's `warnings` would list them.
#[derive(Debug, Clone, PartialEq)]
pub struct Streamed {
    /// People written, one row each after the header.
    pub people: usize,
    /// The file's warnings (and, in pool mode, the pay's), in row order.
    pub warnings: Vec<Warning>,
}

/// Pay a roster file under `policy` and write the re-importable CSV export to `out` in
/// `lang` — the bytes [`paygrade_roster::export::roster_export_csv`] gives for
/// [`crate::roster_file_pay`] on [`paygrade_roster::parse_roster`] of the same file —
/// reading, paying and writing one person at a time, with no limit on the rows. A JSON
/// roster, and a policy whose performance pay is a pool shared over everyone (SPEC §6),
/// are read whole first. Returns the people written and the warnings.
///
/// On an error `out` holds part of the export: the caller discards it (the command line
/// writes to a spill buffer and prints it only on success).
///
/// # Errors
/// As reading the whole file, in the same precedence: the file's own errors; every row
/// that cannot be read, followed by every missing or repeated id among the rows read;
/// `no_rows`; every missing or repeated id; every person who cannot be paid — each list
/// in row order, placed at its row and column.
pub fn roster_export_csv_stream(
    policy: &HrPolicy,
    bytes: &[u8],
    file_name: &str,
    sheet: Option<&str>,
    as_of: Option<NaiveDate>,
    lang: Lang,
    out: &mut dyn std::io::Write,
) -> Result<Streamed> {
    if policy.core.policy().performance.mode == PerformanceMode::Pool {
        return whole(policy, bytes, file_name, sheet, as_of, lang, out);
    }
    let streamed = paygrade_roster::stream_roster(bytes, file_name, sheet, None, |rows| {
        let mut csv = RosterCsv::new(&mut *out, lang)?;
        let mut unreadable = Problems::default();
        let mut bad_ids = Problems::default();
        let mut unpaid = Problems::default();
        let mut ids = IdCheck::default();
        let mut people = 0usize;
        while let Some(person) = rows.next_person()? {
            let (source, mut e) = match person {
                Ok(p) => p,
                Err(err) => {
                    unreadable.push(err);
                    continue;
                }
            };
            let i = people;
            people += 1;
            if people == ESTIMATE_AFTER {
                // Room for the ids the rest of the file holds at the rate so far.
                ids.reserve(
                    rows.estimated_people(people, MAX_RESERVED_IDS)
                        .saturating_sub(people),
                );
            }
            let id = normalise_id(&e.id);
            if *id != *e.id {
                e.id = id.into_owned();
            }
            let id_problem = ids.check(&e.id, source.row);
            if let Some(kind) = id_problem {
                let err = Error::new(kind, "id").for_employee(i);
                bad_ids.push(place(err, i, source.row, rows.columns()));
            }
            // Once anything is wrong the export is not used: the rest are only checked.
            if !unreadable.is_empty() || !bad_ids.is_empty() {
                continue;
            }
            match paygrade::payroll::pay_figures_with(&policy.core, policy, &e, as_of) {
                Ok(pay) if unpaid.is_empty() => csv.push_pay(&policy.core, &e, &pay)?,
                Ok(_) => {}
                Err(err) => {
                    unpaid.push(place(err.for_employee(i), i, source.row, rows.columns()));
                }
            }
        }
        if let Some(e) = unreadable.into_error() {
            // Then the ids of the rows that could be read, as the whole file lists them.
            return Err(match bad_ids.into_error() {
                Some(ids) => e.followed_by(ids),
                None => e,
            });
        }
        if people == 0 {
            return Err(Error::at_cell(ErrorKind::NoRows, rows.header_row() + 1, ""));
        }
        if let Some(e) = bad_ids.into_error().or(unpaid.into_error()) {
            return Err(e);
        }
        csv.finish()?;
        Ok(Streamed {
            people,
            warnings: rows.warnings().to_vec(),
        })
    })?;
    match streamed {
        Some(streamed) => Ok(streamed),
        None => whole(policy, bytes, file_name, sheet, as_of, lang, out),
    }
}

/// The roster read whole, paid and exported (a JSON roster; a pool).
fn whole(
    policy: &HrPolicy,
    bytes: &[u8],
    file_name: &str,
    sheet: Option<&str>,
    as_of: Option<NaiveDate>,
    lang: Lang,
    out: &mut dyn std::io::Write,
) -> Result<Streamed> {
    let roster = paygrade_roster::parse_roster(bytes, file_name, sheet)?;
    let pay = crate::roster_file_pay(policy, &roster, as_of)?;
    let text = paygrade_roster::export::roster_export_csv(&roster.employees, &pay, lang)?;
    out.write_all(text.as_bytes())
        .map_err(|e| Error::new(ErrorKind::Internal(format!("CSV: {e}")), ""))?;
    Ok(Streamed {
        people: pay.results.len(),
        warnings: pay.warnings,
    })
}
