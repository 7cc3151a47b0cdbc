//! The render corpus: facts the engine really produces (explanation terms of every rule,
//! assignment reasons of every kind, policy differences, warnings of every code) with
//! their Chinese and English words from this crate. The file
//! `tests/fixtures/render/corpus.json` is checked here against the Rust renderer and in
//! `tests/e2e/render.test.mjs` against the page's (`www/render.js`): both say the same,
//! string for string. `PAYGRADE_UPDATE_CORPUS=1 cargo test -p paygrade-text` rewrites it.

use paygrade::error::Warning;
use paygrade::{Employee, Policy};
use paygrade_text::{diff, explain, reasons, warning, Lang, Names};
use serde_json::{json, Value};

fn entry(kind: &str, facts: Value, zh: String, en: String) -> Value {
    json!({ "kind": kind, "facts": facts, "zh": zh, "en": en })
}

fn person(v: Value) -> Employee {
    Employee::from_json(&v.to_string()).unwrap()
}

fn scores() -> Value {
    json!({"business":"92","customer_satisfaction":"88","supplier":"85","self":"95","marketing_audit":"80"})
}

fn corpus() -> Vec<Value> {
    let mut out = Vec::new();
    let mut terms = |policy: &paygrade::CheckedPolicy, b: &paygrade::Breakdown| {
        let names = Names::of(policy.policy());
        let x = &b.explain;
        for t in [&x.base, &x.floating, &x.seniority, &x.performance] {
            let ladder = serde_json::to_value(&policy.policy().ladder).unwrap();
            out.push(entry(
                "explain",
                json!({ "term": t, "ladder": ladder }),
                explain(t, &names, Lang::Zh),
                explain(t, &names, Lang::En),
            ));
        }
    };
    let default = Policy::default().check().unwrap();
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 30);
    // SPEC §11 example 1 (flat 12 × 6.00), a regular employee, a contract employee under
    // 3 years on 10 of 21.75 days, marginal seniority, and a rural step into senior whose
    // floating wage follows, under a ladder with its own level names.
    let e1 = json!({"id":"E1","level":"intermediate","band":"B","employment":"contract","years_in_post":12,"rural":true,"scores":scores()});
    terms(
        &default,
        &paygrade::compute_pay(&default, &person(e1.clone()), as_of).unwrap(),
    );
    let regular = json!({"id":"E2","level":"senior","band":"A","employment":"regular","years_in_post":20,"composite_score":"95"});
    terms(
        &default,
        &paygrade::compute_pay(&default, &person(regular), as_of).unwrap(),
    );
    let mut p = Policy::default();
    p.proration.components = vec![
        paygrade::policy::Component::Base,
        paygrade::policy::Component::Seniority,
    ];
    let prorated = p.check().unwrap();
    let young = json!({"id":"E3","level":"junior","band":"C","employment":"contract","years_in_post":2,"composite_score":"70","paid_days":"10"});
    terms(
        &prorated,
        &paygrade::compute_pay(&prorated, &person(young), as_of).unwrap(),
    );
    let mut p = Policy::default();
    p.seniority.mode = paygrade::policy::SeniorityMode::Marginal;
    let marginal = p.check().unwrap();
    terms(
        &marginal,
        &paygrade::compute_pay(&marginal, &person(e1), as_of).unwrap(),
    );
    let mut p = Policy::default();
    p.rural_uplift.floating_follows = true;
    p.ladder[3].label_zh = Some("资深".into());
    p.ladder[3].label_en = Some("Principal".into());
    let follows = p.check().unwrap();
    let top = json!({"id":"E4","level":"intermediate","band":"A","employment":"contract","years_in_post":16,"rural":true,"composite_score":"91"});
    terms(
        &follows,
        &paygrade::compute_pay(&follows, &person(top), as_of).unwrap(),
    );
    // Pool mode: a share by weight.
    let mut p = Policy::default();
    p.performance.mode = paygrade::policy::PerformanceMode::Pool;
    p.performance.pool = Some("10000.01".parse().unwrap());
    let pool = p.check().unwrap();
    let two = [
        person(
            json!({"id":"P1","level":"senior","band":"A","employment":"contract","years_in_post":5,"composite_score":"90"}),
        ),
        person(
            json!({"id":"P2","level":"junior","band":"C","employment":"regular","years_in_post":1,"composite_score":"60"}),
        ),
    ];
    let r = paygrade::compute_roster(&pool, &two, as_of).unwrap();
    terms(&pool, &r.results[0]);

    // Assignment reasons: every requirement and no seat (SPEC §4 fixture).
    let fixture = |name: &str| {
        std::fs::read_to_string(format!(
            "{}/../../tests/fixtures/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
    };
    let people = paygrade::api::employees_from_json(
        &paygrade::json::parse(&fixture("assignment_thirds/employees.json")).unwrap(),
    )
    .unwrap();
    let a = paygrade::assign_grades(&default, &people, as_of).unwrap();
    let names = Names::of(default.policy());
    for r in a.results.iter().filter(|r| !r.reasons.is_empty()) {
        out.push(entry(
            "reasons",
            json!({ "reasons": r.reasons }),
            reasons(&r.reasons, &names, Lang::Zh),
            reasons(&r.reasons, &names, Lang::En),
        ));
    }

    // Policy differences: a coefficient, a bracket rate, a flag, a list.
    let mut p = Policy::default();
    p.ladder[2].bands.as_mut().unwrap()[1].coefficient = "1.50".parse().unwrap();
    p.seniority.brackets[1].per_year = "7.00".parse().unwrap();
    p.rural_uplift.floating_follows = true;
    p.ladder[0].base_wage = "1600.00".parse().unwrap();
    p.proration.components = vec![paygrade::policy::Component::Base];
    // A band added to intermediate and a whole block added.
    p.ladder[2]
        .bands
        .as_mut()
        .unwrap()
        .push(paygrade::policy::BandSpec {
            band: "D".into(),
            coefficient: "1.90".parse().unwrap(),
        });

    // A rating in the assessment table (its list key `table` is not a word) and a
    // requirement under a level id (the level's name).
    p.performance.assessment.table[1].factor = "1.05".parse().unwrap();
    p.assignment.requirements.0[0].1.min_years_of_work = 2;
    p.scorecard = Some(json!({"name": "x", "indicators": []}));
    let proposal = p.check().unwrap();
    let c = paygrade::scenario::compare(&default, &proposal, &people, as_of).unwrap();
    let names = Names::of(proposal.policy());
    // Inside the contributions block: its `base` is the social-insurance base.
    let with_base = |floor: &str| {
        Policy {
            contributions: Some(json!({ "base": { "floor": floor, "cap": "37302" } })),
            ..Policy::default()
        }
        .check()
        .unwrap()
    };
    let contributions =
        paygrade::scenario::compare(&with_base("7460"), &with_base("7384"), &people, as_of)
            .unwrap();
    for d in c.policy_diff.iter().chain(&contributions.policy_diff) {
        out.push(entry(
            "diff",
            json!({ "diff": d }),
            diff(d, &names, Lang::Zh),
            diff(d, &names, Lang::En),
        ));
    }

    // Warnings of every code the roster import and the pool give.
    let p = |k: &'static str, v: &str| (k, v.to_string());
    let warnings = [
        Warning::new("header_row", Some(3), None, &[p("skipped", "2")]),
        Warning::new("header_row", Some(2), None, &[p("skipped", "1")]),
        Warning::new("unknown_column", Some(1), Some("备注".into()), &[]),
        Warning::new(
            "format_by_content",
            None,
            None,
            &[p("extension", "xlsx"), p("format", "text")],
        ),
        Warning::new(
            "hidden_sheet_skipped",
            None,
            None,
            &[p("sheet", "花名册"), p("skipped", "旧表")],
        ),
        Warning::new(
            "sheet_without_header_skipped",
            None,
            None,
            &[p("sheet", "花名册"), p("skipped", "填表说明")],
        ),
        Warning::new("two_row_header", Some(2), None, &[p("second", "3")]),
        Warning::new("totals_row_skipped", Some(73), None, &[]),
        Warning::new("template_example_row", Some(2), None, &[p("id", "E001")]),
        Warning::new(
            "result_columns_recomputed",
            Some(1),
            Some("应发合计".into()),
            &[p("count", "12")],
        ),
        Warning::new(
            "result_columns_recomputed",
            Some(1),
            Some("result_total".into()),
            &[p("count", "1")],
        ),
        Warning::new(
            "error_cell_ignored",
            Some(5),
            Some("备注".into()),
            &[p("value", "#N/A")],
        ),
        Warning::new("error_cell_ignored", Some(6), None, &[p("value", "#REF!")]),
        Warning::new("extra_cell", Some(9), None, &[]),
        Warning::new("pool_undistributed", None, None, &[]),
    ];
    for w in &warnings {
        out.push(entry(
            "warning",
            json!({ "warning": w }),
            warning(w, Lang::Zh),
            warning(w, Lang::En),
        ));
    }
    // The errors My pay's form can meet (its module sends facts; the page words them).
    use paygrade::ErrorKind as K;
    let d = |t: &str| t.parse::<rust_decimal::Decimal>().unwrap();
    let kinds = [
        K::InvalidNumber("八十".into()),
        K::ScoreRange(d("150")),
        K::ScoreFraction {
            value: d("0.94"),
            points: d("94"),
        },
        K::MissingField("composite_score".into()),
        K::PaidDays {
            value: d("30"),
            max: d("21.75"),
        },
        K::StartAfterAsOf {
            start: "2027-01-01".into(),
            as_of: "2026-11-30".into(),
        },
        K::InvalidDate("2026-02-30".into()),
        K::UnknownBand {
            band: "D".into(),
            level: "intermediate".into(),
        },
        K::UnknownBand {
            band: String::new(),
            level: "senior".into(),
        },
        K::UnknownLevel("expert".into()),
        K::Negative(d("-1")),
        K::Conflict("years_in_post", "post_start"),
        K::Overflow,
        K::MissingScore,
        K::NotWhole("3.5".into()),
        K::WrongType {
            expected: "decimal",
            found: "boolean",
        },
    ];
    for k in kinds {
        let params: serde_json::Map<String, Value> = k
            .params()
            .into_iter()
            .map(|(k, v)| (k.to_string(), Value::String(v)))
            .collect();
        out.push(entry(
            "error",
            json!({ "code": k.code(), "params": params }),
            paygrade_text::error_message(&k, Lang::Zh),
            paygrade_text::error_message(&k, Lang::En),
        ));
    }
    out
}

#[test]
fn the_corpus_file_is_what_the_rust_renderer_says() {
    let path = format!(
        "{}/../../tests/fixtures/render/corpus.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = serde_json::to_string_pretty(&corpus()).unwrap() + "\n";
    if std::env::var_os("PAYGRADE_UPDATE_CORPUS").is_some() {
        std::fs::write(&path, &text).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == text,
        "{path} is out of date: run PAYGRADE_UPDATE_CORPUS=1 cargo test -p paygrade-text"
    );
}

#[test]
fn each_rule_and_reason_in_both_languages() {
    let c = corpus();
    let said = |zh: &str| c.iter().any(|e| e["zh"] == zh);
    let said_en = |en: &str| c.iter().any(|e| e["en"] == en);
    // Exact strings the issue names, one per rule and reason kind.
    for (zh, en) in [
        ("12 × 6.00 = 72.00", "12 × 6.00 = 72.00"),
        (
            "0（在册职工不享受年功工资） = 0.00",
            "0 (regular staff not eligible) = 0.00",
        ),
        (
            "0（岗位年限 2 年，未满 3 年） × 10 ÷ 21.75 = 0.00",
            "0 (2 < 3 years) × 10 ÷ 21.75 = 0.00",
        ),
        (
            "10 × 4.00 + 2 × 6.00 = 52.00",
            "10 × 4.00 + 2 × 6.00 = 52.00",
        ),
        (
            "1500.00 × 10 ÷ 21.75 = 689.66",
            "1500.00 × 10 ÷ 21.75 = 689.66",
        ),
        (
            "1200.00（按资深） = 1200.00",
            "1200.00 (Principal) = 1200.00",
        ),
        (
            "1000.00 × 1.50 × 1.00 = 1500.00",
            "1000.00 × 1.50 × 1.00 = 1500.00",
        ),
        (
            "10000.01 × 2.16 ÷ 2.96 → 7297.30",
            "10000.01 × 2.16 ÷ 2.96 → 7297.30",
        ),
        (
            "高级：名额已满；中级：名额已满",
            "Senior: no seat left; Intermediate: no seat left",
        ),
        (
            "高级：学历须本科及以上（现为大专）",
            "Senior: bachelor's degree or higher needed (has associate degree)",
        ),
        (
            "高级：工作年限须满 8 年（现为 5 年）",
            "Senior: 8 years of work needed (has 5)",
        ),
        (
            "高级：岗位年限须满 5 年（现为 4 年）",
            "Senior: 5 years in post needed (has 4)",
        ),
        (
            "中级 B档 效益工资系数：1.40 → 1.50",
            "Intermediate B coefficient: 1.40 → 1.50",
        ),
        (
            "按天折算 折算项目 第 2 项：岗位浮动工资 → —",
            "proration, components item 2: floating → —",
        ),
        (
            "农村客户经理加档 浮动工资随等级：否 → 是",
            "rural uplift, floating wage follows: no → yes",
        ),
        (
            "年功工资 年限分段 第 2 项 每年金额：6.00 → 7.00",
            "seniority pay, brackets item 2, per year: 6.00 → 7.00",
        ),
        (
            "效益工资 考核系数表 第 2 项 考核系数：1.00 → 1.05",
            "performance pay, assessment table item 2, assessment factor: 1.00 → 1.05",
        ),
        (
            "年度定级 基本条件 初级 最低工作年限：1 → 2",
            "assignment, requirements, Junior, minimum years of work: 1 → 2",
        ),
        (
            "第 5 行“备注”列的单元格是表格错误值 #N/A，该列不参与计算，已忽略",
            "row 5, column 备注, holds the spreadsheet error #N/A; the column is not used, ignored",
        ),
    ] {
        assert!(
            said(zh),
            "no entry says {zh:?}: {:#?}",
            c.iter().map(|e| e["zh"].clone()).collect::<Vec<_>>()
        );
        assert!(
            said_en(en),
            "no entry says {en:?}: {:#?}",
            c.iter().map(|e| e["en"].clone()).collect::<Vec<_>>()
        );
    }
}
