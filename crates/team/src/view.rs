//! The team page's roster kept paid (issue 16 item 3): a [`TeamSession`] pays a roster
//! under the baseline and the proposal once, with the quotas and the grade assignment,
//! keeps every person's results, and answers the page with what it shows — the totals,
//! counts and policy differences of the comparison ([`RunSummary`]), and one page of the
//! people table at a time ([`PeoplePage`]), filtered by level and id/name and sorted by
//! any column here, in the engine, never in the page.
//!
//! The baseline side (its pay, the quota report and the assignment) is kept between
//! runs for the same baseline policy and pay date: a proposal edit pays the proposal
//! only.
//!
//! Results are kept as figures ([`paygrade::payroll::RosterFigures`]: no text per
//! person); names, ids and explanations come from the people the caller keeps — the
//! same people every call of one session — when a page or a breakdown is asked for.

use crate::{assign, quotas, roster_figures, HrPolicy};
use chrono::NaiveDate;
use indexmap::IndexMap;
use paygrade::assignment::Assigned;
use paygrade::error::Result;
use paygrade::ladder::{Grade, Ladder};
use paygrade::payroll::{RosterFigures, Totals};
use paygrade::scenario::{
    diff_policies, minus, policy_hash, side, CompareTotals, Comparison, Counts, FieldDiff,
    LevelDiff, PersonDiff,
};
use paygrade::{Breakdown, Employee, Error, ErrorKind, Money, QuotaReport};
use serde::Serialize;
use serde_json::Value;
use std::rc::Rc;

/// Rows a page holds when the query does not say ([`PeopleQuery::limit`]).
pub const DEFAULT_PAGE_ROWS: usize = 100;
/// The most rows one page may hold.
pub const MAX_PAGE_ROWS: usize = 1000;

/// A column of the people table ([`PeopleQuery::sort`]), named as the row's field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// `id`, as text.
    Id,
    /// `name`, as text.
    Name,
    /// `grade`, in ladder order: the lowest level first, within a level the lowest band
    /// (trainee, junior-C … senior-A), as the policy lists them.
    Grade,
    /// `baseline_total`, CNY a month.
    BaselineTotal,
    /// `proposal_total`, CNY a month.
    ProposalTotal,
    /// `difference` (proposal − baseline), CNY a month.
    Difference,
}

impl SortKey {
    /// The JSON names, in the order of the variants.
    pub const NAMES: &'static [&'static str] = &[
        "id",
        "name",
        "grade",
        "baseline_total",
        "proposal_total",
        "difference",
    ];

    fn from_name(name: &str, path: &str) -> Result<SortKey> {
        Ok(match name {
            "id" => SortKey::Id,
            "name" => SortKey::Name,
            "grade" => SortKey::Grade,
            "baseline_total" => SortKey::BaselineTotal,
            "proposal_total" => SortKey::ProposalTotal,
            "difference" => SortKey::Difference,
            _ => return Err(unknown(name, Self::NAMES, path)),
        })
    }
}

fn unknown(value: &str, names: &[&str], path: &str) -> Error {
    Error::new(
        ErrorKind::UnknownMode {
            value: value.to_string(),
            expected: names.join(", "),
        },
        path,
    )
}

/// Which people, in which order, and which page of them (SPEC §12 Comparison's
/// `people`, as the team page's table lists them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeopleQuery {
    /// Rows to skip (0 = the first page).
    pub offset: usize,
    /// Rows in the page, 1 … [`MAX_PAGE_ROWS`] (others are held to the nearer end).
    pub limit: usize,
    /// The column sorted by.
    pub sort: SortKey,
    /// Largest (or last) first. Equal values keep roster order either way.
    pub descending: bool,
    /// Only the people of this level (the grade's part before its last `-`); `None`:
    /// everyone.
    pub level: Option<String>,
    /// Only the people whose id or name contains this text, ignoring case and the
    /// spaces around it; empty: everyone.
    pub search: String,
}

impl Default for PeopleQuery {
    /// The first page of everyone, the largest difference first (the page's default).
    fn default() -> Self {
        PeopleQuery {
            offset: 0,
            limit: DEFAULT_PAGE_ROWS,
            sort: SortKey::Difference,
            descending: true,
            level: None,
            search: String::new(),
        }
    }
}

impl PeopleQuery {
    /// Read a query from JSON `{offset, limit, sort, dir, level, search}`, every field
    /// optional (absent: [`PeopleQuery::default`]'s); `dir` is `asc` or `desc`; `null`
    /// is the default query.
    ///
    /// # Errors
    /// `invalid_value` when it is not an object; `not_whole` for an offset or limit that
    /// is not a whole number; `unknown_mode` at `sort` / `dir` for another name;
    /// `invalid_value` at `limit` outside 1 … [`MAX_PAGE_ROWS`].
    pub fn from_json(value: Option<&Value>) -> Result<PeopleQuery> {
        let mut q = PeopleQuery::default();
        let Some(value) = value else {
            return Ok(q);
        };
        let o = paygrade::json::Obj::new(value, "")?;
        q.offset = o.or::<u32>("offset", || 0)? as usize;
        q.limit = page_limit(&o)?;
        if let Some(sort) = o.opt::<String>("sort")? {
            q.sort = SortKey::from_name(&sort, "sort")?;
        }
        if let Some(dir) = o.opt::<String>("dir")? {
            q.descending = match dir.as_str() {
                "asc" => false,
                "desc" => true,
                _ => return Err(unknown(&dir, &["asc", "desc"], "dir")),
            };
        }
        q.level = o.opt::<String>("level")?.filter(|l| !l.is_empty());
        q.search = o.or("search", String::new)?;
        Ok(q)
    }

    /// The query without its page: what decides the order of the rows.
    fn view(&self) -> View {
        (
            self.sort,
            self.descending,
            self.level.clone(),
            self.search.trim().to_lowercase(),
        )
    }
}

/// A query without its page: sort, descending, level, search in lower case.
type View = (SortKey, bool, Option<String>, String);

/// `limit` of a page query, default [`DEFAULT_PAGE_ROWS`], held to 1 … [`MAX_PAGE_ROWS`].
fn page_limit(o: &paygrade::json::Obj<'_>) -> Result<usize> {
    let limit = o.or::<u32>("limit", || DEFAULT_PAGE_ROWS as u32)? as usize;
    Ok(limit.clamp(1, MAX_PAGE_ROWS))
}

/// Read an assignment page query `{offset, limit}` (both optional; `null`: the first
/// page of [`DEFAULT_PAGE_ROWS`]): `(offset, limit)`.
///
/// # Errors
/// As [`PeopleQuery::from_json`] for those two fields.
pub fn assignment_query(value: Option<&Value>) -> Result<(usize, usize)> {
    let Some(value) = value else {
        return Ok((0, DEFAULT_PAGE_ROWS));
    };
    let o = paygrade::json::Obj::new(value, "")?;
    Ok((o.or::<u32>("offset", || 0)? as usize, page_limit(&o)?))
}

/// One person of the people table: monthly CNY under each policy.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonRow {
    /// Employee id.
    pub id: String,
    /// Name ("" when the roster has none).
    pub name: String,
    /// The grade the baseline pays (`intermediate-B`; a trainee's bare level).
    pub grade: String,
    /// Monthly total under the baseline.
    pub baseline_total: Money,
    /// Monthly total under the proposal.
    pub proposal_total: Money,
    /// Proposal − baseline.
    pub difference: Money,
}

/// One page of the people table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeoplePage {
    /// Rows skipped before this page: the query's offset, moved back to the last page's
    /// first row when it lies past the end.
    pub offset: usize,
    /// The page size asked for.
    pub limit: usize,
    /// People matching the query's level and search (all pages).
    pub matching: usize,
    /// The page's rows, at most `limit`.
    pub rows: Vec<PersonRow>,
}

/// One page of the grade assignment's results (rank order, best grading score first).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AssignmentPage {
    /// Seats per capped level (SPEC §4).
    pub seats: IndexMap<String, u64>,
    /// Everyone assigned (all pages).
    pub total: usize,
    /// Rows skipped before this page (moved back as [`PeoplePage::offset`]).
    pub offset: usize,
    /// The page's results.
    pub results: Vec<Assigned>,
}

/// What a run shows: the comparison without its per-person list (SPEC §12 Comparison),
/// the quota report and the assignment under the baseline, and the first pages.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RunSummary {
    /// Short hash of the baseline policy.
    pub baseline_hash: String,
    /// Short hash of the proposal policy.
    pub proposal_hash: String,
    /// People paid.
    pub headcount: usize,
    /// Monthly and annual totals of each side and their difference.
    pub totals: CompareTotals,
    /// Per level (the baseline's levels, highest first).
    pub by_level: IndexMap<String, LevelDiff>,
    /// Who gains, loses, stays the same.
    pub counts: Counts,
    /// Policy fields that differ.
    pub policy_diff: Vec<FieldDiff>,
    /// The levels of the people's grades, in roster order of first appearance (the
    /// people table's level filter).
    pub levels: Vec<String>,
    /// The quota report of the people as graded now, under the baseline policy.
    pub quota: QuotaReport,
    /// The annual grade assignment under the baseline policy, its first page; `None`
    /// when the roster cannot be graded (no exam and review scores).
    pub assignment: Option<AssignmentPage>,
    /// The first page of the people table, for the query the run was given.
    pub people: PeoplePage,
}

/// The baseline side of a run, kept for the next run with the same baseline and date.
#[derive(Debug)]
struct BaselineSide {
    /// The baseline policy's JSON text and the pay date: what it was paid for.
    key: (String, Option<NaiveDate>),
    hash: String,
    json: Value,
    totals: Totals,
    /// The baseline's ladder, which names the grades.
    ladder: Ladder,
    /// Each person's grade and total, roster order.
    grades: Vec<Grade>,
    amounts: Vec<Money>,
    quota: QuotaReport,
    assignment: Option<paygrade::Assignment>,
}

/// The results of the last successful run.
#[derive(Debug)]
struct Kept {
    baseline: Rc<BaselineSide>,
    /// The proposal policy, which dresses a breakdown when one is asked for.
    policy: HrPolicy,
    proposal: RosterFigures,
    summary: RunSummary,
    /// Each person's difference, roster order.
    differences: Vec<Money>,
    /// Each person's level, as an index into `summary.levels`.
    level_of: Vec<usize>,
    /// Lower-case id and name of each person, made on the first search.
    search_keys: Option<Vec<(String, String)>>,
    /// The last query's order (without its page): the people's indices.
    order: Option<(View, Vec<usize>)>,
}

/// A roster's team work kept between the page's calls: see the module's documentation.
/// It holds results for one roster: make a new session when the roster changes.
#[derive(Debug, Default)]
pub struct TeamSession {
    baseline: Option<Rc<BaselineSide>>,
    kept: Option<Kept>,
}

/// `value` as JSON (a policy; it always serializes).
fn json_of(policy: &HrPolicy) -> Value {
    serde_json::to_value(policy.core.policy()).unwrap_or(Value::Null)
}

/// The first row of the page holding `offset` when `offset` lies past `len` rows.
fn clamp(offset: usize, limit: usize, len: usize) -> usize {
    if offset < len || len == 0 {
        offset.min(len)
    } else {
        (len - 1) / limit * limit
    }
}

impl TeamSession {
    /// An empty session (nothing run yet).
    pub fn new() -> TeamSession {
        TeamSession::default()
    }

    /// Pay `people` under `baseline` and `proposal` (the baseline only when its policy or
    /// the date changed since the last run; once when the two policies are the same), compare them (SPEC §5), check the quotas
    /// and assign grades under the baseline (SPEC §3, §4), keep every person's results,
    /// and return the summary with the first page of `query`. `progress(done, total)` as
    /// people are paid. On an error the results of the last successful run stay.
    ///
    /// # Errors
    /// `scale_mismatch` at `rounding.scale` when the policies round to different scales;
    /// those of [`roster_figures`] within `baseline` / `proposal` (the path names the
    /// person, `employee` their index); `overflow`. A roster that cannot be graded is no
    /// error: its `assignment` is `None`.
    pub fn run(
        &mut self,
        baseline: &HrPolicy,
        proposal: &HrPolicy,
        people: &[Employee],
        as_of: Option<NaiveDate>,
        query: &PeopleQuery,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<RunSummary> {
        if baseline.core.policy().rounding.scale != proposal.core.policy().rounding.scale {
            return Err(Error::new(ErrorKind::ScaleMismatch, "rounding.scale"));
        }
        let n = people.len();
        let json = json_of(baseline);
        let key = (json.to_string(), as_of);
        let cached = self.baseline.as_ref().filter(|b| b.key == key).cloned();
        // The same policy on both sides (the proposal starts as the baseline): paid once.
        let proposal_json = json_of(proposal);
        let same = proposal_json == json;
        let side = |pay: &RosterFigures, key, json| -> Result<Rc<BaselineSide>> {
            Ok(Rc::new(BaselineSide {
                key,
                hash: policy_hash(&baseline.core)?,
                json,
                quota: quotas(baseline, people)?,
                assignment: assign(baseline, people, as_of).ok(),
                ladder: baseline.core.ladder().clone(),
                grades: pay.people.iter().map(|p| p.grade).collect(),
                amounts: pay.people.iter().map(|p| p.total).collect(),
                totals: pay.totals.clone(),
            }))
        };
        let (base, pay) = match cached {
            Some(b) => {
                let pay = roster_figures(proposal, people, as_of, &mut |i, _| progress(i, n))
                    .map_err(|e| e.within("proposal"))?;
                (b, pay)
            }
            None if same => {
                let pay = roster_figures(baseline, people, as_of, &mut |i, _| progress(i, n))
                    .map_err(|e| e.within("baseline"))?;
                (side(&pay, key, json)?, pay)
            }
            None => {
                let pay = roster_figures(baseline, people, as_of, &mut |i, _| progress(i, 2 * n))
                    .map_err(|e| e.within("baseline"))?;
                let b = side(&pay, key, json)?;
                drop(pay);
                let pay =
                    roster_figures(proposal, people, as_of, &mut |i, _| progress(n + i, 2 * n))
                        .map_err(|e| e.within("proposal"))?;
                (b, pay)
            }
        };
        self.baseline = Some(Rc::clone(&base));
        let kept = Kept::new(base, pay, proposal, &proposal_json)?;
        self.kept = Some(kept);
        let kept = self.kept.as_mut().ok_or_else(nothing_run)?;
        kept.summary.people = kept.page(people, query);
        Ok(kept.summary.clone())
    }

    /// The last run's results, for `people` — the people it was run with.
    fn kept(&self, people: &[Employee]) -> Result<&Kept> {
        let kept = self.kept.as_ref().ok_or_else(nothing_run)?;
        if kept.proposal.people.len() != people.len() {
            return Err(other_people());
        }
        Ok(kept)
    }

    /// A page of the people table of the last run (`people`: those it was run with):
    /// those matching `query`'s level and search, sorted by its column (equal values in
    /// roster order), from its offset.
    ///
    /// # Errors
    /// `no_rows` before a run; `internal` for other people than the run's.
    pub fn people_page(&mut self, people: &[Employee], query: &PeopleQuery) -> Result<PeoplePage> {
        self.kept(people)?;
        Ok(self
            .kept
            .as_mut()
            .ok_or_else(nothing_run)?
            .page(people, query))
    }

    /// A page of the last run's grade assignment (rank order); `None` when the roster
    /// could not be graded.
    ///
    /// # Errors
    /// `no_rows` before a run.
    pub fn assignment_page(&self, offset: usize, limit: usize) -> Result<Option<AssignmentPage>> {
        let kept = self.kept.as_ref().ok_or_else(nothing_run)?;
        Ok(assignment_page(
            kept.baseline.assignment.as_ref(),
            offset,
            limit,
        ))
    }

    /// One person's breakdown under the last run's proposal (with its explanation), by
    /// id (the first of `people` with it); `None` when no one has that id. Made now,
    /// from the kept figures.
    ///
    /// # Errors
    /// `no_rows` before a run; `internal` for other people than the run's.
    pub fn breakdown(&self, people: &[Employee], id: &str) -> Result<Option<Breakdown>> {
        let kept = self.kept(people)?;
        people
            .iter()
            .position(|e| e.id == id)
            .map(|i| kept.breakdown(people, i))
            .transpose()
    }

    /// Everyone's breakdown under the last run's proposal, roster order (payslips),
    /// made now from the kept figures.
    ///
    /// # Errors
    /// `no_rows` before a run; `internal` for other people than the run's.
    pub fn breakdowns(&self, people: &[Employee]) -> Result<Vec<Breakdown>> {
        let kept = self.kept(people)?;
        (0..people.len())
            .map(|i| kept.breakdown(people, i))
            .collect()
    }

    /// The last run as a whole comparison (SPEC §12 Comparison, every person), equal to
    /// [`crate::compare`]'s for the same policies, people and date: the charts' data.
    ///
    /// # Errors
    /// `no_rows` before a run; `internal` for other people than the run's.
    pub fn comparison(&self, people: &[Employee]) -> Result<Comparison> {
        let kept = self.kept(people)?;
        let s = &kept.summary;
        let b = &kept.baseline;
        let people = ((kept.proposal.people.iter().zip(people)).zip(&b.grades))
            .zip(b.amounts.iter().zip(&kept.differences))
            .map(|(((p, e), grade), (before, difference))| PersonDiff {
                id: e.id.clone(),
                grade: b.ladder.grade_name(*grade),
                baseline_total: *before,
                proposal_total: p.total,
                difference: *difference,
            })
            .collect();
        Ok(Comparison {
            baseline_hash: s.baseline_hash.clone(),
            proposal_hash: s.proposal_hash.clone(),
            people,
            totals: s.totals.clone(),
            by_level: s.by_level.clone(),
            counts: s.counts,
            policy_diff: s.policy_diff.clone(),
        })
    }
}

fn nothing_run() -> Error {
    Error::new(ErrorKind::NoRows, "")
}

fn other_people() -> Error {
    Error::new(
        ErrorKind::Internal("a session's pages are asked for with its run's people".into()),
        "",
    )
}

fn assignment_page(
    a: Option<&paygrade::Assignment>,
    offset: usize,
    limit: usize,
) -> Option<AssignmentPage> {
    let a = a?;
    let offset = clamp(offset, limit, a.results.len());
    let end = (offset + limit).min(a.results.len());
    Some(AssignmentPage {
        seats: a.seats.clone(),
        total: a.results.len(),
        offset,
        results: a.results.get(offset..end).unwrap_or_default().to_vec(),
    })
}

impl Kept {
    /// The comparison of the baseline side and the proposal's pay, as
    /// [`paygrade::scenario::compare_observed`] makes it.
    fn new(
        baseline: Rc<BaselineSide>,
        proposal: RosterFigures,
        policy: &HrPolicy,
        policy_json: &Value,
    ) -> Result<Kept> {
        let mut counts = Counts {
            gain: 0,
            lose: 0,
            same: 0,
        };
        let mut differences = Vec::with_capacity(baseline.amounts.len());
        for (before, after) in baseline.amounts.iter().zip(&proposal.people) {
            let d = after.total.checked_sub(*before, "people")?;
            match d.amount().cmp(&rust_decimal::Decimal::ZERO) {
                std::cmp::Ordering::Greater => counts.gain += 1,
                std::cmp::Ordering::Less => counts.lose += 1,
                std::cmp::Ordering::Equal => counts.same += 1,
            }
            differences.push(d);
        }
        let (bs, ps) = (side(&baseline.totals), side(&proposal.totals));
        let mut by_level = IndexMap::new();
        for (level, lt) in &baseline.totals.by_level {
            let proposal_total = proposal
                .totals
                .by_level
                .get(level)
                .map_or(policy.core.policy().rounding.zero(), |x| x.total);
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
        // The levels (the ladder's level ids, whatever they contain) in order of first
        // appearance; each person's position in that list.
        let ladder = &baseline.ladder;
        let mut levels: Vec<String> = Vec::new();
        let mut position: Vec<Option<usize>> = vec![None; ladder.levels().len()];
        let mut level_of_person = Vec::with_capacity(baseline.grades.len());
        for grade in &baseline.grades {
            let slot = position.get_mut(grade.level).ok_or_else(nothing_run)?;
            let i = match *slot {
                Some(i) => i,
                None => {
                    let level = ladder.levels().get(grade.level).ok_or_else(nothing_run)?;
                    levels.push(level.id.clone());
                    *slot = Some(levels.len() - 1);
                    levels.len() - 1
                }
            };
            level_of_person.push(i);
        }
        let summary = RunSummary {
            baseline_hash: baseline.hash.clone(),
            proposal_hash: policy_hash(&policy.core)?,
            headcount: proposal.people.len(),
            totals: CompareTotals {
                difference: minus(&ps, &bs)?,
                baseline: bs,
                proposal: ps,
            },
            by_level,
            counts,
            policy_diff: diff_policies(&baseline.json, policy_json),
            levels,
            quota: baseline.quota.clone(),
            assignment: assignment_page(baseline.assignment.as_ref(), 0, DEFAULT_PAGE_ROWS),
            people: PeoplePage {
                offset: 0,
                limit: DEFAULT_PAGE_ROWS,
                matching: 0,
                rows: Vec::new(),
            },
        };
        Ok(Kept {
            baseline,
            policy: policy.clone(),
            proposal,
            summary,
            differences,
            level_of: level_of_person,
            search_keys: None,
            order: None,
        })
    }

    /// Person `i`'s breakdown under the proposal (`people`: the run's).
    fn breakdown(&self, people: &[Employee], i: usize) -> Result<Breakdown> {
        let e = people.get(i).ok_or_else(other_people)?;
        self.proposal.breakdown(&self.policy.core, e, i)
    }

    /// The people matching a query's level and search, in its order (kept for the
    /// next page of the same query).
    fn order(&mut self, people: &[Employee], query: &PeopleQuery) -> &[usize] {
        let view = query.view();
        if self.order.as_ref().is_some_and(|(v, _)| *v == view) {
            return self.order.as_ref().map_or(&[], |(_, o)| o.as_slice());
        }
        let (sort, descending, level, needle) = view.clone();
        let level = match &level {
            None => None,
            Some(l) => Some(self.summary.levels.iter().position(|x| x == l)),
        };
        if !needle.is_empty() && self.search_keys.is_none() {
            self.search_keys = Some(
                people
                    .iter()
                    .map(|e| (e.id.to_lowercase(), e.name.to_lowercase()))
                    .collect(),
            );
        }
        let keys = self.search_keys.as_deref().unwrap_or_default();
        let mut order: Vec<usize> = (0..self.proposal.people.len())
            .filter(|&i| match level {
                None => true,
                Some(l) => l.is_some() && self.level_of.get(i).copied() == l,
            })
            .filter(|&i| {
                needle.is_empty()
                    || keys
                        .get(i)
                        .is_some_and(|(id, name)| id.contains(&needle) || name.contains(&needle))
            })
            .collect();
        let results = &self.proposal.people;
        let b = &self.baseline;
        let money = |i: usize| -> Option<Money> {
            match sort {
                SortKey::BaselineTotal => b.amounts.get(i).copied(),
                SortKey::ProposalTotal => results.get(i).map(|r| r.total),
                _ => self.differences.get(i).copied(),
            }
        };
        let text = |i: usize| -> &str {
            match sort {
                SortKey::Name => people.get(i).map(|e| e.name.as_str()),
                _ => people.get(i).map(|e| e.id.as_str()),
            }
            .unwrap_or_default()
        };
        let by_text = matches!(sort, SortKey::Id | SortKey::Name);
        // Text is compared in lower case first (made once per person), then as given.
        let lower: Vec<String> = if by_text {
            (0..results.len()).map(|i| text(i).to_lowercase()).collect()
        } else {
            Vec::new()
        };
        // One comparison for every column (one sort in the module); a stable sort, so
        // equal values keep roster order either way.
        order.sort_by(|&x, &y| {
            let o = if by_text {
                (lower.get(x), text(x)).cmp(&(lower.get(y), text(y)))
            } else if sort == SortKey::Grade {
                b.grades.get(x).cmp(&b.grades.get(y))
            } else {
                money(x).cmp(&money(y))
            };
            if descending {
                o.reverse()
            } else {
                o
            }
        });
        self.order = Some((view, order));
        self.order.as_ref().map_or(&[], |(_, o)| o.as_slice())
    }

    fn page(&mut self, people: &[Employee], query: &PeopleQuery) -> PeoplePage {
        let limit = query.limit.clamp(1, MAX_PAGE_ROWS);
        let order = self.order(people, query).to_vec();
        let offset = clamp(query.offset, limit, order.len());
        let end = (offset + limit).min(order.len());
        let results = &self.proposal.people;
        let b = &self.baseline;
        let rows = order
            .get(offset..end)
            .unwrap_or_default()
            .iter()
            .filter_map(|&i| {
                let (p, e) = (results.get(i)?, people.get(i)?);
                Some(PersonRow {
                    id: e.id.clone(),
                    name: e.name.clone(),
                    grade: b.ladder.grade_name(*b.grades.get(i)?),
                    baseline_total: *b.amounts.get(i)?,
                    proposal_total: p.total,
                    difference: *self.differences.get(i)?,
                })
            })
            .collect();
        PeoplePage {
            offset,
            limit,
            matching: order.len(),
            rows,
        }
    }
}
