//! Golden tests: one case per folder under `tests/fixtures/<case>/`, found by
//! `insta::glob!`, each with its snapshot `tests/fixtures/<case>/report.snap` — a fixed-width
//! table. Adding a case is adding a folder (`tests/fixtures/README.md`).
//!
//! A case folder holds exactly one of `employee.json` (one person), `employees.json`
//! (several) or `roster.csv` (a roster file); optionally `policy.json` (else the default
//! policy) and `case.json` (title, `as_of`, report, runs with policy patches and hand-computed
//! expectations). Only the crate's public API is used.

use paygrade::json::{from_json_str, to_json};
use paygrade::{
    assign_grades, check_quotas, compute_pay, compute_roster, Breakdown, CheckedPolicy, Employee,
    Policy,
};
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

/// The one place a roster file is read (it moves to the roster crate with the workspace):
/// the people, and the import warnings as lines.
fn read_roster(bytes: &[u8], file_name: &str) -> (Vec<Employee>, Vec<String>) {
    let roster = paygrade_roster::parse_roster(bytes, file_name, None)
        .unwrap_or_else(|e| panic!("{file_name}: {e}"));
    let warnings = roster
        .warnings
        .iter()
        .map(|w| {
            format!(
                "{:?} {:?} {}: {}",
                w.row,
                w.column,
                w.code,
                paygrade_text::warning(w, paygrade_text::Lang::En)
            )
        })
        .collect();
    (roster.employees, warnings)
}

/// The pay date when a case does not name one (fixed: golden output never reads the clock).
const DEFAULT_AS_OF: &str = "2026-11-30";

/// `case.json`.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Case {
    /// What the case shows (the snapshot's description).
    #[serde(default)]
    title: String,
    /// Pay date `YYYY-MM-DD` for completed years from `post_start`.
    as_of: Option<String>,
    /// The report of every run that names none.
    report: Option<Report>,
    /// Also print each person's explanation lines (`pay` and `roster`).
    #[serde(default)]
    explain: bool,
    /// The runs, in order; none = one run of the policy as it is.
    #[serde(default)]
    runs: Vec<Run>,
}

/// One computation of a case.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Run {
    /// Heading of the run in the snapshot.
    #[serde(default)]
    name: String,
    /// A JSON merge patch (RFC 7396) applied to the case's policy.
    #[serde(default)]
    policy: Value,
    /// Overrides the case's report.
    report: Option<Report>,
    /// Hand-computed figures: row key → column → value, checked apart from the snapshot.
    #[serde(default)]
    expect: BTreeMap<String, BTreeMap<String, Value>>,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Debug)]
#[serde(rename_all = "snake_case")]
enum Report {
    /// One breakdown per person (`compute_pay`).
    Pay,
    /// `compute_roster`: the breakdowns, the totals and the quota report.
    Roster,
    /// The quota report of the people as graded (`check_quotas` over `compute_roster`).
    Quota,
    /// Annual grade assignment (`assign_grades`): old and new grade, reason.
    Assignment,
}

#[derive(Clone, Copy)]
enum Align {
    Left,
    Right,
}

/// Text output plus the same cells keyed for the expectations.
#[derive(Default)]
struct Out {
    text: String,
    facts: BTreeMap<String, BTreeMap<String, String>>,
}

impl Out {
    fn fact(&mut self, key: &str, field: &str, value: String) {
        self.facts
            .entry(key.to_string())
            .or_default()
            .insert(field.to_string(), value);
    }

    fn line(&mut self, text: &str) {
        self.text.push_str(text);
        self.text.push('\n');
    }

    /// A fixed-width table; `cols` are (fact name, header, alignment); each row's fact key is
    /// `prefix` followed by its first cell.
    fn table(&mut self, prefix: &str, cols: &[(&str, &str, Align)], rows: &[Vec<String>]) {
        let widths: Vec<usize> = cols
            .iter()
            .enumerate()
            .map(|(i, (_, head, _))| {
                rows.iter()
                    .map(|r| r[i].chars().count())
                    .chain([head.chars().count()])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let heads: Vec<String> = cols.iter().map(|c| c.1.to_string()).collect();
        for cells in std::iter::once(&heads).chain(rows) {
            let mut line = String::new();
            for ((cell, (_, _, align)), width) in cells.iter().zip(cols).zip(&widths) {
                match align {
                    Align::Left => write!(line, "{cell:<width$}  "),
                    Align::Right => write!(line, "{cell:>width$}  "),
                }
                .unwrap();
            }
            self.line(line.trim_end());
        }
        for r in rows {
            let key = format!("{prefix}{}", r[0]);
            for ((name, _, _), cell) in cols.iter().zip(r).skip(1) {
                self.fact(&key, name, cell.clone());
            }
        }
    }
}

use Align::{Left, Right};

fn pay_table(out: &mut Out, results: &[Breakdown], pool: bool, explain: bool) {
    let mut cols = vec![
        ("id", "id", Left),
        ("grade", "grade", Left),
        ("coefficient_grade", "coef grade", Left),
        ("years_in_post", "yrs", Right),
        ("composite_score", "composite", Right),
        ("rating", "rating", Left),
        ("assessment_factor", "factor", Right),
        ("paid_days", "days", Right),
    ];
    if pool {
        cols.push(("pool_weight", "weight", Right));
    }
    cols.extend([
        ("base", "base", Right),
        ("floating", "floating", Right),
        ("seniority", "seniority", Right),
        ("performance", "perform.", Right),
        ("total", "total", Right),
    ]);
    let rows: Vec<Vec<String>> = results
        .iter()
        .map(|b| {
            let c = b.components;
            let mut r = vec![
                b.id.clone(),
                b.grade.clone(),
                b.coefficient_grade.clone(),
                b.years_in_post.to_string(),
                b.composite_score.clone(),
                b.rating.clone().unwrap_or_default(),
                b.assessment_factor.clone(),
                b.paid_days.to_string(),
            ];
            if pool {
                r.push(b.pool_weight.normalize().to_string());
            }
            r.extend(
                [c.base, c.floating, c.seniority, c.performance, b.total].map(|m| m.to_string()),
            );
            r
        })
        .collect();
    out.table("", &cols, &rows);
    if explain {
        for b in results {
            out.line("");
            let x = &b.explain;
            for (name, text) in [
                ("base", &x.base),
                ("floating", &x.floating),
                ("seniority", &x.seniority),
                ("performance", &x.performance),
            ] {
                let names = paygrade_text::Names::default();
                for lang in [paygrade_text::Lang::En, paygrade_text::Lang::Zh] {
                    let line = paygrade_text::explain(text, &names, lang);
                    out.line(&format!("{} {name:<11} {line}", b.id));
                }
            }
        }
    }
}

fn roster_totals(out: &mut Out, pay: &paygrade::RosterPay) {
    let t = &pay.totals;
    let c = t.components;
    let mut rows = vec![[
        "all".to_string(),
        t.headcount.to_string(),
        c.base.to_string(),
        c.floating.to_string(),
        c.seniority.to_string(),
        c.performance.to_string(),
        t.total.to_string(),
        t.annual_total.to_string(),
    ]
    .to_vec()];
    for (level, l) in &t.by_level {
        let mut r = vec![level.clone(), l.headcount.to_string()];
        r.extend(std::iter::repeat_n(String::new(), 4));
        r.extend([l.total.to_string(), l.annual_total.to_string()]);
        rows.push(r);
    }
    out.table(
        "totals.",
        &[
            ("level", "totals", Left),
            ("headcount", "heads", Right),
            ("base", "base", Right),
            ("floating", "floating", Right),
            ("seniority", "seniority", Right),
            ("performance", "perform.", Right),
            ("total", "total", Right),
            ("annual_total", "annual", Right),
        ],
        &rows,
    );
}

fn quota_report(out: &mut Out, q: &paygrade::QuotaReport) {
    let rows: Vec<Vec<String>> = q
        .levels
        .iter()
        .map(|l| {
            vec![
                l.level.clone(),
                l.count.to_string(),
                l.cap.to_string(),
                l.seats.to_string(),
                l.over.to_string(),
            ]
        })
        .collect();
    out.table(
        "quota.",
        &[
            ("level", "quota", Left),
            ("count", "count", Right),
            ("cap", "cap", Right),
            ("seats", "seats", Right),
            ("over", "over", Right),
        ],
        &rows,
    );
    out.line(&format!(
        "headcount {} ({}), seat rounding {}, compliant {}",
        q.headcount,
        q.headcount_basis.name(),
        q.seat_rounding.name(),
        q.compliant
    ));
    for (field, value) in [
        ("headcount", q.headcount.to_string()),
        ("basis", q.headcount_basis.name().to_string()),
        ("seat_rounding", q.seat_rounding.name().to_string()),
        ("compliant", q.compliant.to_string()),
    ] {
        out.fact("quota", field, value);
    }
}

fn assignment_report(out: &mut Out, policy: &CheckedPolicy, people: &[Employee], as_of: Date) {
    let a = assign_grades(policy, people, as_of).unwrap();
    let (heads, seats): (Vec<String>, Vec<String>) = a
        .seats
        .iter()
        .map(|(level, n)| (level.clone(), n.to_string()))
        .unzip();
    let mut row = vec!["seats".to_string()];
    row.extend(seats);
    let cols: Vec<(&str, &str, Align)> = std::iter::once(("key", "seats", Left))
        .chain(heads.iter().map(|h| (h.as_str(), h.as_str(), Right)))
        .collect();
    out.table("", &cols, &[row]);
    out.line("");
    let rows: Vec<Vec<String>> = a
        .results
        .iter()
        .map(|r| {
            vec![
                r.id.clone(),
                r.grading_score.clone(),
                r.old_grade.clone().unwrap_or_default(),
                r.new_grade.clone(),
                if r.reasons.is_empty() {
                    "-".into()
                } else {
                    paygrade_text::reasons(
                        &r.reasons,
                        &paygrade_text::Names::default(),
                        paygrade_text::Lang::En,
                    )
                },
            ]
        })
        .collect();
    out.table(
        "",
        &[
            ("id", "id", Left),
            ("grading_score", "score", Right),
            ("old_grade", "old grade", Left),
            ("new_grade", "new grade", Left),
            ("reason", "reason", Left),
        ],
        &rows,
    );
}

type Date = Option<chrono::NaiveDate>;

/// RFC 7396 merge patch.
fn merge(target: &mut Value, patch: &Value) {
    match (target, patch) {
        (Value::Object(t), Value::Object(p)) => {
            for (k, v) in p {
                if v.is_null() {
                    t.remove(k);
                } else {
                    merge(t.entry(k.clone()).or_insert(Value::Null), v);
                }
            }
        }
        (t, p) => *t = p.clone(),
    }
}

fn read(dir: &Path, name: &str) -> Option<String> {
    let path = dir.join(name);
    path.exists()
        .then(|| std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}")))
}

/// The people of a case and their default report.
fn people(dir: &Path, warnings: &mut Vec<String>) -> (Vec<Employee>, Report) {
    let files: Vec<&str> = ["employee.json", "employees.json", "roster.csv"]
        .into_iter()
        .filter(|f| dir.join(f).exists())
        .collect();
    assert_eq!(
        files.len(),
        1,
        "{dir:?}: a case holds exactly one of employee.json, employees.json, roster.csv"
    );
    match files[0] {
        "employee.json" => {
            let e = Employee::from_json(&read(dir, "employee.json").unwrap()).unwrap();
            (vec![e], Report::Pay)
        }
        "employees.json" => (
            from_json_str(&read(dir, "employees.json").unwrap()).unwrap(),
            Report::Pay,
        ),
        _ => {
            let bytes = std::fs::read(dir.join("roster.csv")).unwrap();
            let (people, w) = read_roster(&bytes, "roster.csv");
            warnings.extend(w);
            (people, Report::Roster)
        }
    }
}

/// Run one case folder: the snapshot text and the expectations that failed.
fn run_case(dir: &Path) -> (String, String, Vec<String>) {
    let case: Case = read(dir, "case.json")
        .map(|t| serde_json::from_str(&t).unwrap_or_else(|e| panic!("{dir:?}/case.json: {e}")))
        .unwrap_or_default();
    let base_policy: Value = match read(dir, "policy.json") {
        Some(text) => serde_json::from_str(&text).unwrap(),
        None => serde_json::from_str(&to_json(&Policy::default()).unwrap()).unwrap(),
    };
    let as_of = chrono::NaiveDate::parse_from_str(
        case.as_of.as_deref().unwrap_or(DEFAULT_AS_OF),
        "%Y-%m-%d",
    )
    .map(Some)
    .unwrap_or_else(|e| panic!("{dir:?}: as_of: {e}"));
    let mut warnings = Vec::new();
    let (people, default_report) = people(dir, &mut warnings);
    let runs = if case.runs.is_empty() {
        vec![Run::default()]
    } else {
        case.runs
    };
    let mut text = String::new();
    let mut failures = Vec::new();
    for w in &warnings {
        writeln!(text, "warning: {w}").unwrap();
    }
    for (i, run) in runs.iter().enumerate() {
        let mut out = Out::default();
        if i > 0 || !text.is_empty() {
            out.line("");
        }
        if !run.name.is_empty() {
            out.line(&format!("== {} ==", run.name));
        }
        let mut policy_value = base_policy.clone();
        if !run.policy.is_null() {
            out.line(&format!("policy patch: {}", run.policy));
            merge(&mut policy_value, &run.policy);
        }
        let policy: Policy = from_json_str(&policy_value.to_string()).unwrap();
        let policy = policy.check().unwrap();
        let pool = policy.policy().performance.mode == paygrade::policy::PerformanceMode::Pool;
        match run.report.or(case.report).unwrap_or(default_report) {
            Report::Pay => {
                let results: Vec<Breakdown> = people
                    .iter()
                    .map(|e| compute_pay(&policy, e, as_of).unwrap())
                    .collect();
                pay_table(&mut out, &results, false, case.explain);
            }
            Report::Roster => {
                let pay = compute_roster(&policy, &people, as_of).unwrap();
                pay_table(&mut out, &pay.results, pool, case.explain);
                out.line("");
                roster_totals(&mut out, &pay);
                out.line("");
                quota_report(&mut out, &pay.quota);
            }
            Report::Quota => {
                let pay = compute_roster(&policy, &people, as_of).unwrap();
                let grades: Vec<_> = pay.results.iter().map(|b| b.grade_index).collect();
                quota_report(&mut out, &check_quotas(&policy, &grades));
            }
            Report::Assignment => assignment_report(&mut out, &policy, &people, as_of),
        }
        for (key, fields) in &run.expect {
            for (field, want) in fields {
                let want = want
                    .as_str()
                    .map_or_else(|| want.to_string(), str::to_string);
                let got = out.facts.get(key).and_then(|f| f.get(field));
                if got != Some(&want) {
                    failures.push(format!(
                        "{}: run {:?}: {key}.{field}: expected {want}, got {got:?}",
                        dir.display(),
                        run.name
                    ));
                }
            }
        }
        text.push_str(&out.text);
    }
    (case.title, text, failures)
}

#[test]
fn golden() {
    let mut failures = Vec::new();
    insta::glob!(
        "fixtures/*/{employee.json,employees.json,roster.csv}",
        |path| {
            let dir = path.parent().unwrap();
            let (title, text, failed) = run_case(dir);
            failures.extend(failed);
            let mut settings = insta::Settings::clone_current();
            settings.set_snapshot_path(dir);
            settings.set_prepend_module_to_snapshot(false);
            settings.remove_snapshot_suffix();
            settings.set_omit_expression(true);
            settings.set_description(title);
            settings.bind(|| insta::assert_snapshot!("report", text));
        }
    );
    assert!(
        failures.is_empty(),
        "hand-computed expectations failed:\n{}",
        failures.join("\n")
    );
}
