//! What the wasm facades share: values across the boundary and errors as JS objects.
//!
//! Values cross as plain JS objects in the CLI's JSON shape (money as strings), passed by
//! `serde-wasm-bindgen` with one serializer ([`boundary`]): no JSON text in between, and a
//! JS number is read through its shortest decimal text, so no amount passes through
//! binary float arithmetic. Errors are thrown as JS `Error` objects with their facts
//! (`code`, `path`, `loc`, `params`, `problems`) and, from the modules that carry words,
//! `place_zh`/`place_en` and `message_zh`/`message_en`. No facade keeps state between
//! calls unless it says so.
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

pub mod boundary;

use js_sys::Reflect;
use serde_json::Value;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

fn set(obj: &JsValue, key: &str, value: &JsValue) {
    // Setting a property on a fresh plain object cannot fail; ignore the Result.
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

/// One problem's facts and words on `obj`: `code`, `path`, `loc` (`{row, column}` for a
/// roster cell, the field path, or null), `params`, `employee` (a roster position, when
/// it concerns a person), `side` (`proposal` or `baseline`, when the path starts with
/// one: a comparison's policy), and the words made at this edge by `paygrade-text`:
/// `place_zh`/`place_en` (where, within the side) and `message_zh`/`message_en` (what).
fn describe<const WORDS: bool>(obj: &JsValue, e: &paygrade::Error) {
    use paygrade_text::{error_message, error_place_at, Lang};
    set(obj, "code", &JsValue::from_str(e.code()));
    set(obj, "path", &JsValue::from_str(&e.path));
    let loc: JsValue = match &e.cell {
        Some(c) => {
            let cell = js_sys::Object::new();
            set(&cell, "row", &JsValue::from(c.row as f64));
            set(&cell, "column", &JsValue::from_str(&c.column));
            cell.into()
        }
        None if e.path.is_empty() => JsValue::NULL,
        None => JsValue::from_str(&e.path),
    };
    set(obj, "loc", &loc);
    let params = js_sys::Object::new();
    for (k, v) in e.kind.params() {
        set(&params, k, &JsValue::from_str(&v));
    }
    set(obj, "params", &params);
    if let Some(i) = e.employee {
        set(obj, "employee", &JsValue::from(i as f64));
    }
    let (side, within) = match e.path.split_once('.') {
        Some((side @ ("proposal" | "baseline"), within)) => (Some(side), within),
        _ => (None, e.path.as_str()),
    };
    if let Some(side) = side {
        set(obj, "side", &JsValue::from_str(side));
    }
    if !WORDS {
        return;
    }
    for (suffix, lang) in [("zh", Lang::Zh), ("en", Lang::En)] {
        set(
            obj,
            &format!("place_{suffix}"),
            &JsValue::from_str(&error_place_at(e, within, lang)),
        );
        set(
            obj,
            &format!("message_{suffix}"),
            &JsValue::from_str(&error_message(&e.kind, lang)),
        );
    }
}

/// A Paygrade error as a JS `Error` carrying its facts and words (see [`describe`]),
/// plus `problems` — every problem listed, the first being this one, in row order — and
/// `more`, the count of problems beyond them.
pub fn js_error(e: &paygrade::Error) -> JsValue {
    error_object::<true>(e)
}

/// A Paygrade error as a JS `Error` with its facts only — `code`, `path`, `loc`, `params`,
/// `employee`, `problems`, `more`, no words: for the first-load module, whose page renders
/// the few messages it can meet itself (a renderer in every module costs ~10 KB gzipped).
pub fn js_error_facts(e: &paygrade::Error) -> JsValue {
    error_object::<false>(e)
}

fn error_object<const WORDS: bool>(e: &paygrade::Error) -> JsValue {
    let err = if WORDS {
        js_sys::Error::new(&paygrade_text::error_line(e, paygrade_text::Lang::En))
    } else {
        js_sys::Error::new(e.code())
    };
    let obj: &JsValue = err.as_ref();
    describe::<WORDS>(obj, e);
    let problems = js_sys::Array::new();
    for p in e.all() {
        let item: JsValue = js_sys::Object::new().into();
        describe::<WORDS>(&item, p);
        problems.push(&item);
    }
    set(obj, "problems", &problems);
    set(obj, "more", &JsValue::from(e.more() as f64));
    err.into()
}

/// A JS argument as a JSON value ([`boundary::from_js`], JSON text up to
/// [`paygrade::json::MAX_JSON_BYTES`]): `null`/`undefined` → `None`.
///
/// # Errors
/// Those of [`boundary::from_js`], as [`js_error`].
pub fn value(v: &JsValue) -> Result<Option<Value>, JsValue> {
    input::<true>(v, paygrade::json::MAX_JSON_BYTES)
}

/// As [`value`], the error with facts only ([`js_error_facts`]).
///
/// # Errors
/// As [`value`].
pub fn value_facts(v: &JsValue) -> Result<Option<Value>, JsValue> {
    input::<false>(v, paygrade::json::MAX_JSON_BYTES)
}

/// As [`value`], for an argument that must be given.
///
/// # Errors
/// A JS error `missing_field` at `what` for `null`/`undefined`; those of [`value`].
pub fn required(v: &JsValue, what: &str) -> Result<Value, JsValue> {
    given::<true>(v, what, paygrade::json::MAX_JSON_BYTES)
}

/// As [`required`], the error with facts only ([`js_error_facts`]).
///
/// # Errors
/// As [`required`].
pub fn required_facts(v: &JsValue, what: &str) -> Result<Value, JsValue> {
    given::<false>(v, what, paygrade::json::MAX_JSON_BYTES)
}

/// As [`required`], for a roster-sized argument (employees, a comparison): JSON text up
/// to [`paygrade::api::MAX_EMPLOYEES_JSON_BYTES`].
///
/// # Errors
/// As [`required`].
pub fn required_large(v: &JsValue, what: &str) -> Result<Value, JsValue> {
    given::<true>(v, what, paygrade::api::MAX_EMPLOYEES_JSON_BYTES)
}

/// As [`required_large`], the error with facts only ([`js_error_facts`]).
///
/// # Errors
/// As [`required`].
pub fn required_large_facts(v: &JsValue, what: &str) -> Result<Value, JsValue> {
    given::<false>(v, what, paygrade::api::MAX_EMPLOYEES_JSON_BYTES)
}

fn input<const WORDS: bool>(v: &JsValue, limit: usize) -> Result<Option<Value>, JsValue> {
    // The facts-only modules (first load, charts) take objects only: no JSON parser.
    let read = if WORDS {
        boundary::from_js(v, limit)
    } else {
        boundary::from_js_object(v)
    };
    read.map_err(|e| error_object::<WORDS>(&e))
}

fn given<const WORDS: bool>(v: &JsValue, what: &str, limit: usize) -> Result<Value, JsValue> {
    input::<WORDS>(v, limit)?.ok_or_else(|| error_object::<WORDS>(&missing(what)))
}

fn missing(what: &str) -> paygrade::Error {
    paygrade::Error::new(paygrade::ErrorKind::MissingField(what.to_string()), what)
}

/// A result as a plain JS value ([`boundary::to_js`]: for results that hold no JSON
/// value), or its error as a JS error.
///
/// # Errors
/// The result's error, as [`js_error`].
pub fn encode<T: serde::Serialize>(result: paygrade::Result<T>) -> Result<JsValue, JsValue> {
    result
        .and_then(|value| boundary::to_js(&value))
        .map_err(|e| js_error(&e))
}

/// As [`encode`], the error with facts only ([`js_error_facts`]).
///
/// # Errors
/// The result's error, as [`js_error_facts`].
pub fn encode_facts<T: serde::Serialize>(result: paygrade::Result<T>) -> Result<JsValue, JsValue> {
    result
        .and_then(|value| boundary::to_js(&value))
        .map_err(|e| js_error_facts(&e))
}

/// As [`encode`], for results that hold JSON values under `keys` — a
/// [`paygrade::Policy`] (`["contributions", "scorecard"]`, its blocks) or a comparison
/// (`["policy_diff"]`): [`boundary::to_js_json`].
///
/// # Errors
/// The result's error, as [`js_error`].
pub fn encode_json<T: serde::Serialize>(
    result: paygrade::Result<T>,
    keys: &[&str],
) -> Result<JsValue, JsValue> {
    result
        .and_then(|value| boundary::to_js_json(&value, keys))
        .map_err(|e| js_error(&e))
}

/// As [`encode_json`], the error with facts only ([`js_error_facts`]).
///
/// # Errors
/// The result's error, as [`js_error_facts`].
pub fn encode_json_facts<T: serde::Serialize>(
    result: paygrade::Result<T>,
    keys: &[&str],
) -> Result<JsValue, JsValue> {
    result
        .and_then(|value| boundary::to_js_json(&value, keys))
        .map_err(|e| js_error_facts(&e))
}

/// The keys of a [`paygrade::Policy`] that hold JSON values: its blocks.
pub const POLICY_BLOCKS: &[&str] = &["contributions", "scorecard"];

/// A progress callback for the core: calls the JS function `f(done, total)`, if any
/// (its result and any exception are ignored: progress is only shown).
pub fn reporter(f: Option<js_sys::Function>) -> impl FnMut(usize, usize) {
    move |done, total| {
        if let Some(f) = &f {
            let _ = f.call2(
                &JsValue::NULL,
                &JsValue::from(done as f64),
                &JsValue::from(total as f64),
            );
        }
    }
}

// TypeScript declarations of the values that cross (SPEC §12), emitted into each module's
// `.d.ts` by wasm-bindgen (the exports below name them with `unchecked_*_type`); the page's
// JS is checked against them (`make lint-js`). Output amounts are decimal strings; inputs
// also take JSON numbers, read exactly from their text. wasm-bindgen consumes these strings:
// they do not reach the shipped `.wasm`.
#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** A decimal amount as text, exactly (`"1500.00"`): never a binary float. */
export type Decimal = string;
/** A decimal as the engine reads it: text, or a JSON number read from its shortest text. */
export type DecimalInput = string | number;
/** A whole number as the engine reads it (`12` or `"12"`). */
export type WholeInput = number | string;
/** An ISO date `YYYY-MM-DD`. */
export type IsoDate = string;

/** Why a person was not placed in a higher level. */
export type Reason = { level: string } & (
  | { reason: "no_seat" }
  | { reason: "requirement"; requirement: "min_education"; required: Education; actual: Education }
  | { reason: "requirement"; requirement: "min_years_of_work" | "min_years_in_post"; required: number; actual: number });
/** One changed policy field: its path as keys and indices, and the level and band of a ladder field. */
export interface FieldDiff { path: (string | number)[]; level?: string; band?: string; baseline: unknown; proposal: unknown }
/** A roster cell: the spreadsheet row and the column header as the file spells it. */
export interface CellLoc { row: number; column: string }
/** One problem (SPEC §10): facts (`code`, `loc`, `params`) and their words in both languages. */
export interface Problem {
  /** Stable error code, e.g. `missing_field`, `unknown_level`. */
  code: string;
  /** The field path (`ladder[2].bands[0].coefficient`), `""` for a cell or the whole input. */
  path: string;
  /** Where: a roster cell, a field path, or null for the whole input. */
  loc: CellLoc | string | null;
  /** The values the problem names (`band`, `level`, `value` …). */
  params: Record<string, string>;
  /** The roster position of the person it concerns, when paying a roster. */
  employee?: number;
  /** The comparison's policy the path starts in (`proposal.…`, `baseline.…`); the place
   * words are within it. */
  side?: 'proposal' | 'baseline';
  /** The place and the message in words (absent from the first-load module `paygrade`,
   * whose page words the facts itself). */
  place_zh?: string;
  place_en?: string;
  message_zh?: string;
  message_en?: string;
}
/** What every call throws: a JS `Error` with the first problem's fields, every problem
 * listed in row order (`problems`, at most 100) and the count of the rest (`more`). */
export interface PaygradeError extends Error, Problem {
  problems: Problem[];
  more: number;
}

export type Employment = "regular" | "contract";
export type Education = "none" | "secondary" | "associate" | "bachelor" | "master" | "doctorate";
export type ComponentName = "base" | "floating" | "seniority" | "performance";

export interface BandSpec { band: string; coefficient: Decimal }
/** A ladder level: `bands` (lowest first), or a single `coefficient` (trainee). */
export interface LevelSpec {
  level: string;
  base_wage: Decimal;
  floating_wage: Decimal;
  quota_max: Decimal | null;
  coefficient?: Decimal;
  bands?: BandSpec[];
}
export interface ScoreWeights {
  business: Decimal; customer_satisfaction: Decimal; supplier: Decimal; self: Decimal; marketing_audit: Decimal;
}
export interface AssessmentRow { min_score: Decimal; factor: Decimal; rating: string }
export interface Requirement { min_education: Education; min_years_of_work: number; min_years_in_post: number }
export interface BaseLimits { floor: Decimal; cap: Decimal }
export interface SchemeRate {
  scheme: "pension" | "medical" | "unemployment" | "injury" | "maternity";
  employee_rate: Decimal; employer_rate: Decimal; employee_fixed: Decimal;
}
/** A city's social insurance and housing fund table (take-home). */
export interface ContributionPolicy {
  city: string;
  effective_from: string;
  base: BaseLimits;
  housing_fund_base: BaseLimits;
  schemes: SchemeRate[];
  housing_fund: { employee_rate: Decimal; employer_rate: Decimal };
  /** The last day the annual bonus may be taxed separately (Caishui 2023 No. 30). */
  bonus_separate_until?: string;
}
export interface Indicator {
  id: string; name_zh: string; name_en: string; weight: Decimal;
  unit: "yuan" | "10k_yuan" | "cases" | "customers" | "percent" | "ratio";
  direction: "higher_is_better" | "lower_is_better";
  cap: Decimal; floor: Decimal;
}
export interface ScorecardPolicy { name: string; indicators: Indicator[] }
/** A policy (SPEC §12 `paygrade-policy/1`), as `defaultPolicy` and `validatePolicy` return it. */
export interface Policy {
  format: string;
  name: string;
  currency: string;
  rounding: { scale: number; mode: "half_up" | "half_even" | "down" | "up" };
  ladder: LevelSpec[];
  rural_uplift: { steps: number; scope: "ladder" | "level"; floating_follows: boolean };
  seniority: {
    eligible_employment: Employment[];
    min_years: number;
    mode: "flat" | "marginal";
    brackets: { through_year: number | null; per_year: Decimal }[];
    leap_day_anniversary: "feb_28" | "mar_01";
  };
  evaluation: { weights: ScoreWeights; missing_scores: "error" | "renormalize" };
  performance: {
    mode: "fixed_base" | "pool";
    base: Decimal;
    pool?: Decimal;
    assessment: { mode: "table" | "linear"; table: AssessmentRow[] };
  };
  proration: { standard_days: Decimal; components: ComponentName[] };
  quota: { headcount: "all" | "graded"; seat_rounding: "floor" | "half_up" | "ceil" };
  assignment: {
    weights: { exam: Decimal; review: Decimal };
    requirements: Record<string, Requirement>;
    bands: "thirds" | "thresholds";
    thresholds?: Record<string, Decimal>;
  };
  contributions?: ContributionPolicy;
  scorecard?: ScorecardPolicy;
}
/** A policy argument: an object, its JSON text, or null/undefined for the default policy. */
export type PolicyInput = Policy | string | null | undefined;

export interface Kpi { target: DecimalInput; actual: DecimalInput }
/** One person (SPEC §12 Employee) as the engine reads it. */
export interface Employee {
  id: string;
  name?: string;
  level: string;
  band?: string | null;
  employment: Employment;
  years_in_post?: WholeInput;
  post_start?: IsoDate;
  rural?: boolean;
  scores?: Partial<Record<keyof ScoreWeights, DecimalInput | null>>;
  composite_score?: DecimalInput;
  paid_days?: DecimalInput;
  grading?: { exam?: DecimalInput | null; review?: DecimalInput | null };
  education?: Education;
  years_of_work?: WholeInput;
  kpis?: Record<string, Kpi>;
}
/** Employees: an array, or its JSON text. */
export type EmployeesInput = Employee[] | string;

export interface Components { base: Decimal; floating: Decimal; seniority: Decimal; performance: Decimal }
/** Explanation lines per component, `formula = value`. */
/** How a component was reached (facts; the page's language module renders them). */
export type Rule =
  | { rule: "wage"; amount: Decimal; level?: string }
  | { rule: "flat"; years: number; per_year: Decimal }
  | { rule: "marginal"; parts: { years: number; per_year: Decimal }[] }
  | { rule: "not_eligible"; reason: "employment"; employment: Employment }
  | { rule: "not_eligible"; reason: "min_years"; years: number; min_years: number }
  | { rule: "fixed_base"; base: Decimal; coefficient: Decimal; factor: string }
  | { rule: "pool_share"; pool: Decimal; weight: Decimal; weight_sum: Decimal };
/** One component's explanation: the rule, the proration of a partial month, the result. */
export type Term = Rule & { proration?: { paid_days: Decimal; standard_days: Decimal }; value: Decimal };
export interface Explain { base: Term; floating: Term; seniority: Term; performance: Term }
export interface ScoreLine {
  id: string; name_zh: string; name_en: string; target: Decimal; actual: Decimal;
  achievement: string; credited: string; weight: Decimal; points: string;
  numerator: Decimal; denominator: Decimal; percent: string; below_floor?: Decimal;
}
/** A scorecard's result: `{score, uncapped, lines, best_lever}`. */
export interface ScoreResult {
  score: string;
  uncapped: string;
  lines: ScoreLine[];
  best_lever: { id: string; points_per_unit: string } | null;
}
/** One person's pay (SPEC §12 Breakdown). */
export interface Breakdown {
  id: string;
  name?: string;
  grade: string;
  coefficient_grade: string;
  coefficient: Decimal;
  floating_level: string;
  years_in_post: number;
  composite_score: string;
  rating: string | null;
  assessment_factor: string;
  paid_days: Decimal;
  standard_days: Decimal;
  components: Components;
  total: Decimal;
  explain: Explain;
  scorecard?: ScoreResult;
}
export interface WhatIf { grade: string; total: Decimal; difference: Decimal }
/** Today's breakdown and the what-ifs (each null when there is none). */
export interface WhatIfs {
  current: Breakdown;
  band_up: WhatIf | null;
  level_up: WhatIf | null;
  next_seniority: { years: number; date: IsoDate | null; total: Decimal; difference: Decimal } | null;
  next_rating: { rating: string; composite_needed: string; total: Decimal; difference: Decimal } | null;
}

/** An import warning (a file place, a stable code, a "中文 / English" message). */
export interface Warning { row: number | null; column: string | null; code: string; params?: Record<string, string> }
/** A parsed roster: employees in the JSON shape, their file rows, import warnings. */
export interface ParsedRoster {
  employees: Employee[]; rows: number[]; warnings: Warning[];
  /** A workbook's visible sheets, to choose from, and the sheet read. */
  sheets: string[]; sheet: string | null;
}
/** A roster kept in the HR module's `Workspace`, as a load answers: never its people. */
export interface RosterSummary {
  size: number; warnings: Warning[];
  /** A workbook's visible sheets, to choose from, and the sheet read. */
  sheets: string[]; sheet: string | null;
  /** The row the header was found in (1 unless title rows stand above it; 0 for JSON). */
  header_row: number;
}
export interface QuotaLevel { level: string; count: number; cap: Decimal; seats: number; over: number }
/** SPEC §12 Quota report. */
export interface QuotaReport {
  headcount: number;
  headcount_basis: "all" | "graded";
  seat_rounding: "floor" | "half_up" | "ceil";
  levels: QuotaLevel[];
  compliant: boolean;
}
export interface RosterTotals {
  headcount: number;
  components: Components;
  total: Decimal;
  annual_total: Decimal;
  by_level: Record<string, { headcount: number; total: Decimal; annual_total: Decimal }>;
  employer_cost?: Decimal | null;
  annual_employer_cost?: Decimal | null;
}
/** SPEC §12 Roster result. */
export interface RosterResult { results: Breakdown[]; totals: RosterTotals; quota: QuotaReport; warnings: Warning[] }
/** A roster paid as compact columns (large rosters, benchmarks). */
export interface RosterColumns { ids: string[]; totals: Decimal[]; summary: RosterTotals; quota: QuotaReport }
/** SPEC §12 Assignment result. */
export interface AssignmentResult {
  seats: Record<string, number>;
  results: { id: string; name?: string; grading_score: string; old_grade: string | null; new_grade: string; reasons?: Reason[] }[];
}
export interface SideTotals { components: Components; total: Decimal; annual_total: Decimal; employer_cost: Decimal | null }
/** SPEC §12 Comparison of a baseline and a proposal policy. */
export interface Comparison {
  baseline_hash: string;
  proposal_hash: string;
  people: { id: string; grade: string; baseline_total: Decimal; proposal_total: Decimal; difference: Decimal }[];
  totals: { baseline: SideTotals; proposal: SideTotals; difference: SideTotals };
  by_level: Record<string, { baseline: Decimal; proposal: Decimal; difference: Decimal; annual_difference: Decimal }>;
  counts: { gain: number; lose: number; same: number };
  /** Fields that differ, with their JSON values on each side (absent: null). */
  policy_diff: FieldDiff[];
}

/** Which page of the people table, filtered and sorted how (`Workspace.run`, `peoplePage`). */
export interface PeopleQuery {
  offset?: number;
  /** Rows a page, 1–1000 (default 100). */
  limit?: number;
  sort?: "id" | "name" | "grade" | "baseline_total" | "proposal_total" | "difference";
  dir?: "asc" | "desc";
  /** A level id; empty or absent: every level. */
  level?: string | null;
  /** Text in the id or name, case ignored. */
  search?: string;
}
/** One row of the people table: monthly totals under each policy. */
export interface PersonRow { id: string; name: string; grade: string; baseline_total: Decimal; proposal_total: Decimal; difference: Decimal }
/** A page of the people table: its rows and how many people match (all pages). */
export interface PeoplePage { offset: number; limit: number; matching: number; rows: PersonRow[] }
/** A page of the grade assignment (rank order) and the seats. */
export interface AssignmentPage { seats: Record<string, number>; total: number; offset: number; results: AssignmentResult["results"] }
/** What `Workspace.run` returns: the comparison without its per-person list, the quota
 * report and assignment (under the baseline), and the first pages. */
export interface RunSummary extends Omit<Comparison, "people"> {
  headcount: number;
  /** The levels of the people's grades, in roster order of first appearance. */
  levels: string[];
  quota: QuotaReport;
  assignment: AssignmentPage | null;
  people: PeoplePage;
}

/** A take-home schedule's input (SPEC §12 Take-home). */
export interface Schedule {
  year?: number;
  first_month?: number;
  months: {
    gross: DecimalInput;
    contributions?: DecimalInput;
    contribution_base?: DecimalInput;
    special_deductions?: DecimalInput;
  }[];
  special?: {
    children_education?: number; infant_care?: number; elderly_support_only_child?: boolean;
    elderly_support_share?: DecimalInput; housing_loan?: boolean; rent_tier?: number; continuing_education?: boolean;
  };
  low_earner_last_year?: boolean;
  annual_bonus?: DecimalInput;
}
export interface MonthResult {
  month: number;
  gross: Decimal;
  social_insurance: Decimal | null;
  housing_fund: Decimal | null;
  contributions: Decimal;
  special_deductions: Decimal;
  cumulative_taxable: Decimal;
  cumulative_tax: Decimal;
  withheld: Decimal;
  net: Decimal;
  employer_cost: Decimal;
}
/** A year's take-home schedule. */
export interface NetPay {
  year: number;
  months: MonthResult[];
  year_totals: { gross: Decimal; contributions: Decimal; withheld: Decimal; net: Decimal; employer_cost: Decimal };
  bonus: {
    bonus: Decimal; taxable_before_bonus: Decimal; separate_tax: Decimal | null; combined_tax_increase: Decimal;
    lower: "separate" | "combined" | "equal"; separate_until: string; year_tax: Decimal; year_net: Decimal;
  } | null;
  contribution_table: string | null;
  /** Dated rules that no longer apply (the separate bonus method after its end date …). */
  warnings: { code: string; params: Record<string, string> }[];
}
/** KPIs to score: one period, or months averaged. */
export type ScoreInput = { kpis: Record<string, Kpi> } | { months: { kpis: Record<string, Kpi> }[] };
/** The charts of a comparison as SVG text. */
export interface Charts { cost: string; distribution: string; differences: string }
"#;
