//! Paygrade's words: one renderer per language for the engine's facts.
//!
//! The core and the member crates return numbers, ids, codes and places; this crate turns
//! them into Chinese or English for the CLI, exports and payslips. The browser pages
//! render the same facts with their own language modules (`www/i18n/`); the shared corpus
//! `tests/fixtures/render/corpus.json` pins both renderers to the same strings.
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

use paygrade::assignment::{Reason, Requirement, Why};
use paygrade::error::{Error, ErrorKind, Warning};
use paygrade::explain::{Ineligible, Rule, Term};
use paygrade::policy::{Education, Employment, Policy};
use paygrade::scenario::{FieldDiff, Key};
use serde_json::Value;

/// The reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// 中文.
    Zh,
    /// English.
    En,
}

impl Lang {
    /// `zh` (any case) → Chinese, anything else → English.
    pub fn from_code(code: &str) -> Lang {
        if code.eq_ignore_ascii_case("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// Pick the text of this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// The default ladder's level names (SPEC §3): 见习/初级/中级/高级.
pub fn default_level_name(id: &str, lang: Lang) -> Option<&'static str> {
    Some(match id {
        "trainee" => lang.pick("见习", "Trainee"),
        "junior" => lang.pick("初级", "Junior"),
        "intermediate" => lang.pick("中级", "Intermediate"),
        "senior" => lang.pick("高级", "Senior"),
        _ => return None,
    })
}

/// Display names of a policy's levels: its own `label_zh`/`label_en`, else the default
/// names of the default ids, else the id as written.
#[derive(Debug, Clone, Default)]
pub struct Names {
    levels: Vec<(String, Option<String>, Option<String>)>,
}

impl Names {
    /// The names of `policy`'s levels.
    pub fn of(policy: &Policy) -> Names {
        Names {
            levels: policy
                .ladder
                .iter()
                .map(|l| (l.level.clone(), l.label_zh.clone(), l.label_en.clone()))
                .collect(),
        }
    }

    /// A level's display name.
    pub fn level(&self, id: &str, lang: Lang) -> String {
        let own = self
            .levels
            .iter()
            .find(|(l, _, _)| l == id)
            .and_then(|(_, zh, en)| match lang {
                Lang::Zh => zh.clone(),
                Lang::En => en.clone(),
            });
        own.or_else(|| default_level_name(id, lang).map(str::to_string))
            .unwrap_or_else(|| id.to_string())
    }

    /// A level and band: 中级 B档 / Intermediate B; a bandless level alone.
    pub fn level_band(&self, level: &str, band: Option<&str>, lang: Lang) -> String {
        let name = self.level(level, lang);
        match band {
            Some(b) => match lang {
                Lang::Zh => format!("{name} {b}档"),
                Lang::En => format!("{name} {b}"),
            },
            None => name,
        }
    }

    /// A grade id as the engine writes it (`intermediate-B`, `trainee`): the level is the
    /// longest known level id it starts with.
    pub fn grade(&self, grade: &str, lang: Lang) -> String {
        let known = self
            .levels
            .iter()
            .map(|(l, _, _)| l.as_str())
            .filter(|l| {
                grade.len() > l.len() + 1
                    && grade.starts_with(l)
                    && grade.as_bytes().get(l.len()) == Some(&b'-')
            })
            .max_by_key(|l| l.len());
        match known {
            Some(l) => self.level_band(l, grade.get(l.len() + 1..), lang),
            None => match grade.rsplit_once('-') {
                Some((l, b)) if self.levels.is_empty() => self.level_band(l, Some(b), lang),
                _ => self.level(grade, lang),
            },
        }
    }
}

/// The employment type's name (在册职工 / regular staff).
pub fn employment_name(e: Employment, lang: Lang) -> &'static str {
    match e {
        Employment::Regular => lang.pick("在册职工", "regular staff"),
        Employment::Contract => lang.pick("聘用工", "contract staff"),
    }
}

/// The education's name (本科 / bachelor's degree).
pub fn education_name(e: Education, lang: Lang) -> &'static str {
    match e {
        Education::None => lang.pick("无", "none"),
        Education::Secondary => lang.pick("中专/高中", "secondary"),
        Education::Associate => lang.pick("大专", "associate degree"),
        Education::Bachelor => lang.pick("本科", "bachelor's degree"),
        Education::Master => lang.pick("硕士", "master's degree"),
        Education::Doctorate => lang.pick("博士", "doctorate"),
    }
}

/// A rating id's name (优秀 / excellent); other ids as written.
pub fn rating_name(rating: &str, lang: Lang) -> String {
    let known = match rating {
        "excellent" => lang.pick("优秀", "excellent"),
        "good" => lang.pick("良好", "good"),
        "qualified" => lang.pick("合格", "qualified"),
        "basically_qualified" => lang.pick("基本合格", "basically qualified"),
        "unqualified" => lang.pick("不合格", "unqualified"),
        other => other,
    };
    known.to_string()
}

/// One explanation term as a line: `formula = value` with the numbers used
/// (`12 × 6.00 = 72.00`; `0（在册职工不享受年功工资）= 0.00`).
pub fn explain(term: &Term, names: &Names, lang: Lang) -> String {
    let mut out = match &term.rule {
        Rule::Wage { amount, level } => match level {
            Some(l) => match lang {
                Lang::Zh => format!("{amount}（按{}）", names.level(l, lang)),
                Lang::En => format!("{amount} ({})", names.level(l, lang)),
            },
            None => amount.to_string(),
        },
        Rule::Flat { years, per_year } => format!("{years} × {per_year}"),
        Rule::Marginal { parts } => {
            let parts: Vec<String> = parts
                .iter()
                .map(|p| format!("{} × {}", p.years, p.per_year))
                .collect();
            if parts.is_empty() {
                "0".to_string()
            } else {
                parts.join(" + ")
            }
        }
        Rule::NotEligible(Ineligible::Employment { employment }) => match lang {
            Lang::Zh => format!("0（{}不享受年功工资）", employment_name(*employment, lang)),
            Lang::En => format!("0 ({} not eligible)", employment_name(*employment, lang)),
        },
        Rule::NotEligible(Ineligible::MinYears { years, min_years }) => match lang {
            Lang::Zh => format!("0（岗位年限 {years} 年，未满 {min_years} 年）"),
            Lang::En => format!("0 ({years} < {min_years} years)"),
        },
        Rule::FixedBase {
            base,
            coefficient,
            factor,
        } => format!("{base} × {coefficient} × {factor}"),
        Rule::PoolShare {
            pool,
            weight,
            weight_sum,
        } => {
            return format!("{pool} × {weight} ÷ {weight_sum} → {}", term.value);
        }
    };
    if let Some(p) = &term.proration {
        out.push_str(&format!(" × {} ÷ {}", p.paid_days, p.standard_days));
    }
    out.push_str(&format!(" = {}", term.value));
    out
}

/// One reason a person was not placed in a higher level (`高级：学历须本科及以上（现为大专）`).
pub fn reason(r: &Reason, names: &Names, lang: Lang) -> String {
    let level = names.level(&r.level, lang);
    let why = match (&r.why, lang) {
        (Why::NoSeat, Lang::Zh) => "名额已满".to_string(),
        (Why::NoSeat, Lang::En) => "no seat left".to_string(),
        (Why::Requirement(Requirement::MinEducation { required, actual }), Lang::Zh) => format!(
            "学历须{}及以上（现为{}）",
            education_name(*required, lang),
            education_name(*actual, lang)
        ),
        (Why::Requirement(Requirement::MinEducation { required, actual }), Lang::En) => format!(
            "{} or higher needed (has {})",
            education_name(*required, lang),
            education_name(*actual, lang)
        ),
        (Why::Requirement(Requirement::MinYearsOfWork { required, actual }), Lang::Zh) => {
            format!("工作年限须满 {required} 年（现为 {actual} 年）")
        }
        (Why::Requirement(Requirement::MinYearsOfWork { required, actual }), Lang::En) => {
            format!("{required} years of work needed (has {actual})")
        }
        (Why::Requirement(Requirement::MinYearsInPost { required, actual }), Lang::Zh) => {
            format!("岗位年限须满 {required} 年（现为 {actual} 年）")
        }
        (Why::Requirement(Requirement::MinYearsInPost { required, actual }), Lang::En) => {
            format!("{required} years in post needed (has {actual})")
        }
    };
    format!("{level}{}{why}", lang.pick("：", ": "))
}

/// All reasons of one person, highest level first, joined (`；` / `; `); `—` when none.
pub fn reasons(rs: &[Reason], names: &Names, lang: Lang) -> String {
    if rs.is_empty() {
        return "—".to_string();
    }
    rs.iter()
        .map(|r| reason(r, names, lang))
        .collect::<Vec<_>>()
        .join(lang.pick("；", "; "))
}

/// The display name of a policy or employee field key, when it has one.
pub fn field_label(key: &str, lang: Lang) -> Option<&'static str> {
    Some(match key {
        "format" => lang.pick("格式", "format"),
        "name" => lang.pick("名称", "name"),
        "currency" => lang.pick("币种", "currency"),
        "rounding" => lang.pick("舍入", "rounding"),
        "scale" => lang.pick("小数位数", "decimal places"),
        "mode" => lang.pick("方式", "mode"),
        "ladder" => lang.pick("等级表", "ladder"),
        "level" => lang.pick("等级", "level"),
        "band" => lang.pick("档次", "band"),
        "bands" => lang.pick("档次表", "bands"),
        "base_wage" => lang.pick("基本岗位工资", "base wage"),
        "floating_wage" => lang.pick("岗位浮动工资", "floating wage"),
        "quota_max" => lang.pick("名额上限", "quota cap"),
        "coefficient" => lang.pick("效益工资系数", "coefficient"),
        "label_zh" => lang.pick("中文名称", "Chinese name"),
        "label_en" => lang.pick("英文名称", "English name"),
        "rural_uplift" => lang.pick("农村客户经理加档", "rural uplift"),
        "steps" => lang.pick("加档数", "steps"),
        "scope" => lang.pick("加档范围", "scope"),
        "floating_follows" => lang.pick("浮动工资随等级", "floating wage follows"),
        "seniority" => lang.pick("年功工资", "seniority pay"),
        "min_years" => lang.pick("起始年限", "minimum years"),
        "eligible_employment" => lang.pick("适用用工性质", "eligible employment"),
        "brackets" => lang.pick("年限分段", "brackets"),
        "through_year" => lang.pick("截至年限", "through year"),
        "per_year" => lang.pick("每年金额", "per year"),
        "leap_day_anniversary" => lang.pick("2月29日入岗的周年日", "29 February anniversary"),
        "evaluation" => lang.pick("五评价", "evaluation"),
        "weights" => lang.pick("权重", "weights"),
        "missing_scores" => lang.pick("缺少评分时", "missing scores"),
        "business" => lang.pick("经营业绩", "business"),
        "customer_satisfaction" => lang.pick("客户满意度", "customer satisfaction"),
        "supplier" => lang.pick("工业企业评价", "supplier"),
        "self" => lang.pick("自我评价", "self"),
        "marketing_audit" => lang.pick("营销部审核评价", "marketing audit"),
        "performance" => lang.pick("效益工资", "performance pay"),
        "base" => lang.pick("效益工资基数", "performance base"),
        "pool" => lang.pick("效益工资总额", "pool"),
        "assessment" => lang.pick("考核系数表", "assessment table"),
        "min_score" => lang.pick("最低得分", "minimum score"),
        "rating" => lang.pick("评价", "rating"),
        "factor" => lang.pick("考核系数", "assessment factor"),
        "proration" => lang.pick("按天折算", "proration"),
        "standard_days" => lang.pick("月计薪天数", "standard days"),
        "components" => lang.pick("折算项目", "components"),
        "quota" => lang.pick("名额", "quota"),
        "basis" => lang.pick("名额基数", "basis"),
        "headcount" => lang.pick("名额计算人数", "headcount basis"),
        "seat_rounding" => lang.pick("名额取整", "seat rounding"),
        "assignment" => lang.pick("年度定级", "assignment"),
        "requirements" => lang.pick("基本条件", "requirements"),
        "min_education" => lang.pick("最低学历", "minimum education"),
        "min_years_of_work" => lang.pick("最低工作年限", "minimum years of work"),
        "min_years_in_post" => lang.pick("最低岗位年限", "minimum years in post"),
        "thresholds" => lang.pick("分档分数线", "thresholds"),
        "exam" => lang.pick("考试成绩", "exam"),
        "review" => lang.pick("综合评议", "review"),
        "contributions" => lang.pick("社保公积金与个税", "contributions and tax"),
        "city" => lang.pick("城市", "city"),
        "effective_from" => lang.pick("生效日期", "effective from"),
        "schemes" => lang.pick("社保险种", "insurance schemes"),
        "scheme" => lang.pick("险种", "scheme"),
        "employee_rate" => lang.pick("个人缴费比例", "employee rate"),
        "employer_rate" => lang.pick("单位缴费比例", "employer rate"),
        "employee_fixed" => lang.pick("个人固定缴费", "employee fixed amount"),
        "housing_fund" => lang.pick("住房公积金", "housing fund"),
        "housing_fund_base" => lang.pick("公积金缴费基数", "housing fund base"),
        "bonus_separate_until" => lang.pick("年终奖单独计税截止", "bonus taxed separately until"),
        "floor" => lang.pick("下限", "floor"),
        "cap" => lang.pick("上限", "cap"),
        "scorecard" => lang.pick("经营业绩计分卡", "scorecard"),
        "indicators" => lang.pick("指标", "indicators"),
        "weight" => lang.pick("权重", "weight"),
        "direction" => lang.pick("方向", "direction"),
        "unit" => lang.pick("单位", "unit"),
        "name_zh" => lang.pick("中文名称", "Chinese name"),
        "name_en" => lang.pick("英文名称", "English name"),
        "id" => lang.pick("工号", "id"),
        "employment" => lang.pick("用工性质", "employment"),
        "years_in_post" => lang.pick("岗位年限", "years in post"),
        "post_start" => lang.pick("入岗日期", "post start"),
        "rural" => lang.pick("农村", "rural"),
        "scores" => lang.pick("五项评分", "scores"),
        "composite_score" => lang.pick("综合得分", "composite score"),
        "paid_days" => lang.pick("计薪天数", "paid days"),
        "grading" => lang.pick("定级评分", "grading"),
        "education" => lang.pick("学历", "education"),
        "years_of_work" => lang.pick("工作年限", "years of work"),
        "as_of" => lang.pick("计薪日期", "pay date"),
        "employee" => lang.pick("员工", "employee"),
        "policy" => lang.pick("政策", "policy"),
        _ => return None,
    })
}

/// A field path (`seniority.brackets[1].per_year`) in words: each key's label, each
/// index as its position (`年功工资 年限分段 第 2 项 每年金额`).
pub fn path_words(path: &str, lang: Lang) -> String {
    let mut keys = Vec::new();
    for part in path.split('.') {
        let (name, indices) = part
            .split_once('[')
            .map_or((part, ""), |(n, rest)| (n, rest));
        if !name.is_empty() {
            keys.push(Key::Field(name.to_string()));
        }
        for i in indices.split('[') {
            if let Ok(i) = i.trim_end_matches(']').parse::<usize>() {
                keys.push(Key::Index(i));
            }
        }
    }
    keys_words(&keys, lang)
}

/// Keys in words: each field's label (a default level id as the level's name, `quota_max`
/// under `intermediate` → 中级), each index as its position; in English the fields are
/// set apart by commas (`seniority pay, brackets item 2, per year`). `table`, the list
/// inside the assessment table, is left out: its block's name says it already.
fn keys_words(keys: &[Key], lang: Lang) -> String {
    let mut out = String::new();
    let mut parent: Option<&str> = None;
    for k in keys {
        let word = match k {
            Key::Field(f) if f == "table" => continue,
            // The social-insurance base of the contributions block, not performance's.
            Key::Field(f) if f == "base" && parent == Some("contributions") => {
                lang.pick("社保缴费基数", "contribution base").to_string()
            }
            Key::Field(f) => field_label(f, lang)
                .or_else(|| default_level_name(f, lang))
                .map_or_else(|| f.clone(), str::to_string),
            Key::Index(i) => match lang {
                Lang::Zh => format!("第 {} 项", i + 1),
                Lang::En => format!("item {}", i + 1),
            },
        };
        if !out.is_empty() {
            out.push_str(match (lang, k) {
                (Lang::En, Key::Field(_)) => ", ",
                _ => " ",
            });
        }
        out.push_str(&word);
        if let Key::Field(f) = k {
            parent = Some(f);
        }
    }
    out
}

/// A group of settings (an object, or a list holding one), not a single value.
fn is_group(v: &Value) -> bool {
    match v {
        Value::Object(_) => true,
        Value::Array(items) => items.iter().any(Value::is_object),
        _ => false,
    }
}

/// A JSON value as a policy shows it: text as is (an enumerated id by its Chinese name
/// on the Chinese side), numbers exact, `—` for none; a list of values each in words; a
/// group of settings by that name (never its JSON).
pub fn value_text(v: &Value, lang: Lang) -> String {
    match v {
        Value::Null => "—".to_string(),
        Value::Bool(b) => lang
            .pick(if *b { "是" } else { "否" }, if *b { "yes" } else { "no" })
            .to_string(),
        Value::String(s) if lang == Lang::Zh => choice_zh(s).to_string(),
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) if !is_group(v) => {
            if items.is_empty() {
                lang.pick("（空）", "(none)").to_string()
            } else {
                items
                    .iter()
                    .map(|x| value_text(x, lang))
                    .collect::<Vec<_>>()
                    .join(lang.pick("、", ", "))
            }
        }
        _ => lang
            .pick("（一组设置）", "(a group of settings)")
            .to_string(),
    }
}

/// One changed policy field: `中级 B档 效益工资系数：1.40 → 1.50`.
pub fn diff(d: &FieldDiff, names: &Names, lang: Lang) -> String {
    let mut rest: &[Key] = &d.path;
    let mut head = String::new();
    if let (Some(level), [Key::Field(_), Key::Index(_), tail @ ..]) = (&d.level, rest) {
        rest = tail;
        let band = match (&d.band, rest) {
            (Some(b), [Key::Field(_), Key::Index(_), tail @ ..]) => {
                rest = tail;
                Some(b.as_str())
            }
            _ => None,
        };
        head = names.level_band(level, band, lang);
    }
    let what = keys_words(rest, lang);
    let place = match (head.is_empty(), what.is_empty()) {
        (true, _) => what,
        (false, true) => head,
        (false, false) => format!("{head} {what}"),
    };
    let colon = lang.pick("：", ": ");
    // A whole group added or removed (a block such as the take-home table, a level, a band).
    if d.baseline.is_null() && is_group(&d.proposal) {
        return format!("{place}{colon}{}", lang.pick("已添加", "added"));
    }
    if is_group(&d.baseline) && d.proposal.is_null() {
        return format!("{place}{colon}{}", lang.pick("已删除", "removed"));
    }
    format!(
        "{place}{colon}{} → {}",
        value_text(&d.baseline, lang),
        value_text(&d.proposal, lang)
    )
}

/// A field's name for a message: its label, else the key as written.
fn field(key: &str, lang: Lang) -> String {
    match (
        field_label(key.rsplit('.').next().unwrap_or(key), lang),
        lang,
    ) {
        (Some(l), Lang::Zh) => format!("“{l}”"),
        (Some(l), Lang::En) => format!("`{l}`"),
        (None, Lang::Zh) => format!("“{key}”"),
        (None, Lang::En) => format!("`{key}`"),
    }
}

fn too_large_what(what: &str, lang: Lang) -> &'static str {
    match what {
        "file_bytes" => lang.pick("文件大小（字节）", "bytes in the file"),
        "json_bytes" => lang.pick("JSON 大小（字节）", "bytes of JSON"),
        "rows" => lang.pick("数据行数", "rows"),
        "columns" => lang.pick("列数", "columns"),
        "cell_bytes" => lang.pick("单元格长度（字节）", "bytes in one cell"),
        "employees" => lang.pick("人数", "employees"),
        "unpacked_bytes" => lang.pick("解压后大小（字节）", "bytes unpacked"),
        "cells" => lang.pick("工作簿展开后的单元格数", "cells the workbook lays out"),
        "text_bytes" => lang.pick("单元格文字总量（字节）", "bytes of cell text"),
        _ => lang.pick("大小", "size"),
    }
}

fn format_name(code: &str, lang: Lang) -> &'static str {
    match code {
        "xls" => lang.pick("Excel 97–2003（XLS）", "Excel 97–2003 (XLS)"),
        "ods" => lang.pick("ODS", "ODS"),
        "text" => lang.pick("文本（CSV/制表符分隔）", "delimited text"),
        "json" => "JSON",
        _ => "XLSX",
    }
}

/// The formats a roster file may have, for messages.
const ACCEPTED_EN: &str = ".csv, .tsv, .txt (Unicode text), .xlsx, .xlsm, .xls, .ods or .json";
const ACCEPTED_ZH: &str = ".csv、.tsv、.txt（Unicode 文本）、.xlsx、.xlsm、.xls、.ods 或 .json";

fn param<'a>(params: &'a [(&'static str, String)], key: &str) -> &'a str {
    params
        .iter()
        .find(|(k, _)| *k == key)
        .map_or("", |(_, v)| v.as_str())
}

fn file_message(code: &str, p: &[(&'static str, String)], lang: Lang) -> String {
    let v = |k| param(p, k);
    match (code, lang) {
        ("empty_file", _) => lang.pick("文件是空的：没有表头行", "the file is empty: no header row").into(),
        ("bad_utf8", _) => lang
            .pick(
                "文件以 UTF-8 标记开头，但内容不是有效的 UTF-8 文本",
                "invalid UTF-8 after the BOM",
            )
            .into(),
        ("bad_utf16", _) => lang
            .pick(
                "文件以 UTF-16 标记开头，但内容不是有效的 UTF-16 文本",
                "invalid UTF-16 text after the BOM",
            )
            .into(),
        ("not_text", _) => lang
            .pick(
                "文件既不是 UTF-8 也不是 GBK/GB18030 文本",
                "the file is neither UTF-8 nor GBK/GB18030 text",
            )
            .into(),
        ("not_roster", Lang::Zh) => format!("“{}” 不是可读取的花名册文件：请用 {ACCEPTED_ZH}", v("file")),
        ("not_roster", Lang::En) => {
            format!("{:?} is not a roster file Paygrade can read: use {ACCEPTED_EN}", v("file"))
        }
        ("unknown_type", Lang::Zh) => format!("无法识别的花名册文件类型 “{}”：请用 {ACCEPTED_ZH}", v("file")),
        ("unknown_type", Lang::En) => format!("unknown roster file type {:?}: use {ACCEPTED_EN}", v("file")),
        ("csv_quote", _) => lang
            .pick(
                "CSV 中有未闭合的引号（文件可能不完整）",
                "CSV: a quoted field is never closed (truncated file?)",
            )
            .into(),
        ("csv", Lang::Zh) => "CSV 格式错误，无法读取这一行".into(),
        ("csv", Lang::En) => format!("CSV: {}", v("detail")),
        ("unreadable_workbook", Lang::Zh) => {
            // No space after a full-width bracket: Excel 97–2003（XLS）文件.
            let name = format_name(v("format"), lang);
            let gap = if name.ends_with('）') { "" } else { " " };
            format!("不是可读取的 {name}{gap}文件（可能已损坏，或并非工作簿）")
        }
        // The reader library's own words (`detail`, English, about zip records and
        // such) stay in the error's facts for the curious; the message says what the
        // Chinese one says.
        ("unreadable_workbook", Lang::En) => format!(
            "not a readable {} file (it may be damaged, or not a workbook)",
            format_name(v("format"), lang)
        ),
        ("unreadable_sheet", Lang::Zh) => format!("工作表 “{}” 无法读取（文件可能已损坏）", v("sheet")),
        ("unreadable_sheet", Lang::En) => format!("sheet {:?} cannot be read (the file may be damaged)", v("sheet")),
        ("sheet_without_header", Lang::Zh) => format!(
            "工作表 “{}” 没有花名册表头（工号、等级、用工性质）：花名册在工作表 “{}”",
            v("sheet"),
            v("other")
        ),
        ("sheet_without_header", Lang::En) => format!(
            "sheet {:?} has no roster header (id, level, employment): the roster is on sheet {:?}",
            v("sheet"),
            v("other")
        ),
        ("no_sheet", Lang::Zh) => format!("工作簿中没有工作表 “{}”（现有：{}）", v("sheet"), v("sheets")),
        ("no_sheet", Lang::En) => format!("the workbook has no sheet {:?} (sheets: {})", v("sheet"), v("sheets")),
        ("no_visible_sheet", _) => lang
            .pick("工作簿中没有可见的工作表", "the workbook has no visible worksheet")
            .into(),
        ("shared_strings", Lang::Zh) => format!(
            "工作簿声明有 {} 个共享字符串，实际至多 {} 个（文件已损坏或被篡改）",
            v("declared"),
            v("actual")
        ),
        ("shared_strings", Lang::En) => format!(
            "the workbook declares {} shared strings but holds at most {} (a damaged or forged file)",
            v("declared"),
            v("actual")
        ),
        ("xlsb", Lang::Zh) => format!("不能读取 Excel 二进制工作簿（.xlsb）：请在 Excel 中另存为 .xlsx，可用的格式：{ACCEPTED_ZH}"),
        ("xlsb", Lang::En) => format!("an Excel binary workbook (.xlsb) cannot be read: save it as .xlsx in Excel; accepted: {ACCEPTED_EN}"),
        ("cell_reference", Lang::Zh) => format!(
            "工作簿把单元格放在 “{}”，超出了工作表的范围（最大 XFD1048576；文件已损坏或被篡改）",
            v("reference")
        ),
        ("cell_reference", Lang::En) => format!(
            "the workbook places a cell at {:?}, beyond any sheet (at most XFD1048576): a damaged or forged file",
            v("reference")
        ),
        ("paygrade_export", Lang::Zh) => format!(
            "这是 Paygrade 导出的{}，不是花名册：请上传花名册，或“导出 CSV / XLSX”得到的人员明细",
            if v("export") == "payslips" { "工资条" } else { "逐年成本" }
        ),
        ("paygrade_export", Lang::En) => format!(
            "this is Paygrade's {} export, not a roster: upload a roster, or the people export (Export CSV / XLSX)",
            if v("export") == "payslips" { "payslips" } else { "projection" }
        ),
        ("duplicate_column", Lang::Zh) => format!("此列重复：已有一列是{}", field(v("field"), lang)),
        ("duplicate_column", Lang::En) => format!("column given twice (another column is {})", field(v("field"), lang)),
        ("error_cell", Lang::Zh) => format!("单元格是表格错误值 {}", v("value")),
        ("error_cell", Lang::En) => format!("spreadsheet error value {}", v("value")),
        (other, _) => other.to_string(),
    }
}

/// The Chinese for a policy-shape detail (the English detail is the kind's own text).
fn detail(d: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return d.to_string();
    }
    match d {
        "no level at all" => "等级表中至少要有一个等级",
        "a level id is empty" => "等级名称不能为空",
        "a level has both `bands` and a single `coefficient`" => {
            "一个等级不能同时有档次表和单一系数"
        }
        "a level has neither `bands` nor a single `coefficient`" => "每个等级须有档次表或单一系数",
        "a level has an empty bands list" => "档次表不能为空",
        "a band name is empty" => "档次名称不能为空",
        "at least one bracket is needed" => "年功工资至少要有一个分段",
        "only the last bracket may be open (through_year null)" => {
            "只有最后一段的截至年限可以为空（及以上）"
        }
        "the last bracket must be open (through_year null)" => "最后一段的截至年限须为空（及以上）",
        "through_year must increase from bracket to bracket" => "各段的截至年限须逐段递增",
        "table mode needs at least one row" => "分档方式的考核系数表至少需要一行",
        "min_score must strictly descend" => "考核系数表的最低得分须由高到低严格递减",
        "no bandless level (trainee) to place people in" => {
            "等级表中没有无档次的等级（见习），无法安置未评上的人"
        }
        _ => "政策结构有误",
    }
    .to_string()
}

/// The Chinese name of an enumerated value the engine accepts (as the policy editor
/// shows it); other ids as written.
fn choice_zh(id: &str) -> &str {
    match id {
        "regular" => "在册职工",
        "contract" => "聘用工",
        "none" => "无",
        "secondary" => "中专/高中",
        "associate" => "大专",
        "bachelor" => "本科",
        "master" => "硕士",
        "doctorate" => "博士",
        "flat" => "按所在段计全部年限",
        "marginal" => "分段累进",
        "feb_28" => "平年按2月28日",
        "mar_01" => "平年按3月1日",
        "half_up" => "四舍五入",
        "half_even" => "四舍六入五成双",
        "down" => "直接舍去（向零）",
        "up" => "只入不舍（远离零）",
        "floor" => "向下取整",
        "ceil" => "向上取整",
        "ladder" => "可升入上一等级",
        "level" => "以本等级最高档为限",
        "error" => "报错",
        "renormalize" => "略去缺项，其余按权重折算",
        "fixed_base" => "固定基数",
        "pool" => "总额分配",
        "table" => "按分档表",
        "linear" => "线性",
        "all" => "全部人员",
        "graded" => "仅已定档人员",
        "thirds" => "按名次三等分",
        "thresholds" => "按评分分数线",
        "base" => "基本岗位工资",
        "floating" => "岗位浮动工资",
        "seniority" => "年功工资",
        "performance" => "效益工资",
        "zh" => "中文",
        "en" => "英文",
        other => other,
    }
}

/// What is wrong, in words (without the place).
pub fn error_message(kind: &ErrorKind, lang: Lang) -> String {
    use ErrorKind as K;
    let zh = lang == Lang::Zh;
    match kind {
        K::Json { line, column } => match lang {
            Lang::Zh => format!("JSON 格式错误（第 {line} 行第 {column} 个字符）"),
            Lang::En => format!("invalid JSON at line {line}, column {column}"),
        },
        K::JsonDepth { max } => match lang {
            Lang::Zh => format!("JSON 嵌套超过 {max} 层"),
            Lang::En => format!("invalid JSON: nested deeper than {max} levels"),
        },
        K::WrongType { expected, found } => {
            let e = match *expected {
                "array" => lang.pick("列表", "a list"),
                "employees" => lang.pick("员工列表", "a list of employees"),
                "object" => lang.pick("对象", "an object"),
                "date" => lang.pick("日期（年-月-日）", "a date YYYY-MM-DD"),
                "decimal" => lang.pick("数字", "a decimal number"),
                "name" => lang.pick("名称", "a name"),
                "string" => lang.pick("文字", "text"),
                "whole" => lang.pick("整数", "a whole number"),
                _ => lang.pick("其他类型", "another type"),
            };
            let f = match *found {
                "null" => lang.pick("空值", "null"),
                "boolean" => lang.pick("是/否", "a boolean"),
                "number" => lang.pick("数字", "a number"),
                "string" => lang.pick("文字", "text"),
                "array" => lang.pick("列表", "a list"),
                _ => lang.pick("对象", "an object"),
            };
            match lang {
                Lang::Zh => format!("应为{e}，实为{f}"),
                Lang::En => format!("expected {e}, found {f}"),
            }
        }
        K::Internal(d) => match lang {
            Lang::Zh => "内部错误：输出无法写出".to_string(),
            Lang::En => format!("internal error: {d}"),
        },
        K::ProjectionYears { max } => match lang {
            Lang::Zh => format!("最多预测 {max} 年"),
            Lang::En => format!("at most {max} years"),
        },
        K::DateOutOfRange => lang.pick("计薪日期超出 1900–2199 年", "the pay date moved out of range (1900–2199)").into(),
        K::ScaleMismatch => lang.pick("两个方案的舍入位数不同", "the two policies round to different scales").into(),
        K::ShareCap { value } => match lang {
            Lang::Zh => format!("赡养老人分摊额须在 0 到 1500 元之间，当前为 {value}"),
            Lang::En => format!("the elderly-support share must be from 0 to 1500, got {value}"),
        },
        K::MonthsPastDecember { months, first_month } => match lang {
            Lang::Zh => format!("从 {first_month} 月起的 {months} 个月超过了 12 月"),
            Lang::En => format!("{months} months from month {first_month} run past December"),
        },
        K::NotWhole(v) => match lang {
            Lang::Zh => format!("须为 0 或以上的整数，当前为 “{v}”"),
            Lang::En => format!("must be a whole number from 0 to 4294967295, got \"{v}\""),
        },
        K::NotFlag(v) => match lang {
            Lang::Zh => format!("须填 是/否（或 1/0），当前为 “{v}”"),
            Lang::En => format!("must be yes/no, true/false, 是/否 or 1/0, got \"{v}\""),
        },
        K::MissingField(f) => match lang {
            Lang::Zh => format!("缺少{}", field(f, lang)),
            Lang::En => format!("missing field {}", field(f, lang)),
        },
        K::UnknownMode { value, expected } => match lang {
            Lang::Zh => {
                let choices: Vec<&str> = expected.split(", ").map(choice_zh).collect();
                format!("无法识别的取值 “{value}”，可选：{}", choices.join("、"))
            }
            Lang::En => format!("unknown value \"{value}\"; expected one of: {expected}"),
        },
        K::Format(v) => match lang {
            Lang::Zh => format!("不支持的政策格式 “{v}”，应为 paygrade-policy/1"),
            Lang::En => format!("unsupported policy format \"{v}\"; expected \"paygrade-policy/1\""),
        },
        K::InvalidNumber(v) => match lang {
            Lang::Zh => format!("不是有效数字：“{v}”"),
            Lang::En => format!("not a number: \"{v}\""),
        },
        K::InvalidDate(v) => match lang {
            Lang::Zh => format!("不是有效日期（年-月-日，1900–2199 年）：“{v}”"),
            Lang::En => format!("not a valid date (YYYY-MM-DD, years 1900–2199): \"{v}\""),
        },
        K::Overflow => lang.pick("金额过大，计算溢出", "amount too large: the calculation overflows").into(),
        K::Negative(v) => match lang {
            Lang::Zh => format!("不能为负数，当前为 {v}"),
            Lang::En => format!("must not be negative, got {v}"),
        },
        K::WeightsSum(s) => match lang {
            Lang::Zh => format!("权重之和为 {s}，必须恰好等于 1"),
            Lang::En => format!("weights sum to {s}, not exactly 1"),
        },
        K::DuplicateLevel(l) => match lang {
            Lang::Zh => format!("等级 “{l}” 重复"),
            Lang::En => format!("level \"{l}\" is listed more than once"),
        },
        K::DuplicateBand(b) => match lang {
            Lang::Zh => format!("档次 “{b}” 在该等级中重复"),
            Lang::En => format!("band \"{b}\" is listed more than once in this level"),
        },
        K::LevelShape(d) => match lang {
            Lang::Zh => detail(d, lang),
            Lang::En => format!("ladder: {d}"),
        },
        K::Brackets(d) => match lang {
            Lang::Zh => detail(d, lang),
            Lang::En => format!("seniority brackets: {d}"),
        },
        K::AssessmentTable(d) => match lang {
            Lang::Zh => detail(d, lang),
            Lang::En => format!("assessment table: {d}"),
        },
        K::StandardDays(v) => match lang {
            Lang::Zh => format!("月计薪天数必须大于 0，当前为 {v}"),
            Lang::En => format!("standard_days must be greater than 0, got {v}"),
        },
        K::Scale(s) => match lang {
            Lang::Zh => format!("舍入位数须为 0 到 6，当前为 {s}"),
            Lang::En => format!("rounding scale must be 0 to 6, got {s}"),
        },
        K::Fraction(v) => match lang {
            Lang::Zh => format!("比例须在 0 到 1 之间，当前为 {v}"),
            Lang::En => format!("must be a fraction from 0 to 1, got {v}"),
        },
        K::UnknownLevel(l) => match lang {
            Lang::Zh => format!("没有等级 “{l}”"),
            Lang::En => format!("no level \"{l}\" in the ladder"),
        },
        K::UnknownBand { band, level } => {
            let name = Names::default().level(level, lang);
            // No band where the level has bands: say it is needed.
            match (lang, band.is_empty()) {
                (Lang::Zh, true) => format!("等级 “{name}” 须填档次"),
                (Lang::En, true) => format!("level \"{level}\" needs a band"),
                (Lang::Zh, false) => format!("档次 “{band}” 不属于等级 “{name}”"),
                (Lang::En, false) => format!("band \"{band}\" is not a band of level \"{level}\""),
            }
        }
        K::ScoreRange(v) => match lang {
            Lang::Zh => format!("分数须在 0 到 100 之间，当前为 {v}"),
            Lang::En => format!("score must be from 0 to 100, got {v}"),
        },
        K::ScoreFraction { value: v, points } => match lang {
            Lang::Zh => format!("分数 {v} 不大于 1，像是百分比（{points}% 记作 {v}）：分数按 0–100 填写，请填 {points}（表格中请把该列设为常规或数值格式）；若确为 {v} 分，请写成 {v}分"),
            Lang::En => format!("score {v} is at most 1, like a percentage ({points}% written as {v}): scores are 0–100, so enter {points} (in a spreadsheet, format the column as a number); if it truly is {v} points, write {v} pts"),
        },
        K::MissingScore => lang.pick("缺少评价分数", "evaluation score missing").into(),
        K::Conflict(a, b) => match lang {
            Lang::Zh => format!("{} 与 {} 只能填写一个", field(a, lang), field(b, lang)),
            Lang::En => format!("give either {} or {}, not both", field(a, lang), field(b, lang)),
        },
        K::Neither(a, b) => match lang {
            Lang::Zh => format!("请填写{}或{}", field(a, lang), field(b, lang)),
            Lang::En => format!("give {} or {}", field(a, lang), field(b, lang)),
        },
        K::StartAfterAsOf { start, as_of } => match lang {
            Lang::Zh => format!("入岗日期 {start} 晚于计薪日期 {as_of}"),
            Lang::En => format!("post start {start} is after the pay date {as_of}"),
        },
        K::PaidDays { value, max } => match lang {
            Lang::Zh => format!("计薪天数须在 0 到 {max} 之间，当前为 {value}"),
            Lang::En => format!("paid_days must be from 0 to {max}, got {value}"),
        },
        K::PoolNeedsRoster => lang
            .pick(
                "效益工资总额分配模式需要整个花名册，不能单独计算一人",
                "performance mode `pool` shares a pool over a roster; it cannot pay one person alone",
            )
            .into(),
        K::PolicyNotRoster => lang
            .pick(
                "这是政策文件，不是花名册：请作为政策载入",
                "this is a policy file, not a roster: load it as a policy",
            )
            .into(),
        K::RosterNotPolicy => lang
            .pick(
                "这是花名册（员工列表），不是政策：请作为花名册载入",
                "this is a roster (a list of employees), not a policy: load it as a roster",
            )
            .into(),
        K::MissingPool => lang
            .pick("效益工资总额分配模式需要填写总额", "performance mode `pool` needs a `pool` amount")
            .into(),
        K::DuplicateId { id, first_row } => match (lang, *first_row) {
            (Lang::Zh, 0) => format!("工号 “{id}” 重复"),
            (Lang::Zh, r) => format!("工号 “{id}” 重复（首次出现在第 {r} 行）"),
            (Lang::En, r) => format!("duplicate id \"{id}\" (first in row {r})"),
        },
        K::KpiMissing(id) => match lang {
            Lang::Zh => format!("指标 “{id}” 缺少目标或完成值"),
            Lang::En => format!("no target and actual for indicator \"{id}\""),
        },
        K::KpiTarget(id) => match lang {
            Lang::Zh => format!("指标 “{id}” 的目标必须大于 0"),
            Lang::En => format!("the target of indicator \"{id}\" must be greater than 0"),
        },
        K::DuplicateIndicator(id) => match lang {
            Lang::Zh => format!("指标 “{id}” 重复"),
            Lang::En => format!("indicator \"{id}\" is listed more than once"),
        },
        K::FloorAboveCap { floor, cap } => match lang {
            Lang::Zh => format!("下限 {floor} 高于上限 {cap}（须 0 ≤ 下限 ≤ 上限）"),
            Lang::En => format!("the floor {floor} is above the cap {cap}"),
        },
        K::NoMonths => lang.pick("至少需要一个月", "give at least one month: months is empty").into(),
        K::NoRows => lang.pick("文件只有表头，没有数据行", "the file has a header but no rows").into(),
        K::TooLarge { what, size, limit } => {
            let w = too_large_what(what, lang);
            if zh {
                format!("输入过大：{w} {size}，上限 {limit}")
            } else {
                format!("too large: {size} {w} (limit {limit})")
            }
        }
        K::File { code, params } => file_message(code, params, lang),
        K::Chart(m) => match lang {
            Lang::Zh => "图表无法绘制".to_string(),
            Lang::En => format!("the chart could not be drawn: {m}"),
        },
    }
}

/// Where an error was found, in words: `第 5 行“岗位年限”列` / `row 5, column 岗位年限`;
/// a field path in words (`五项评分 工业企业评价` / `scores, supplier`; for a roster
/// person, the field inside their record: the caller names the person); "" when it
/// concerns the whole input.
pub fn error_place(e: &Error, lang: Lang) -> String {
    error_place_at(e, &e.path, lang)
}

/// [`error_place`] with `path` in place of the error's own (a caller that names part of
/// the path itself: the team page drops the `proposal.` of a proposal's error, shown in
/// the proposal's own box).
pub fn error_place_at(e: &Error, path: &str, lang: Lang) -> String {
    if let Some(c) = &e.cell {
        return match (lang, c.column.is_empty()) {
            (Lang::Zh, true) => format!("第 {} 行", c.row),
            (Lang::Zh, false) => format!("第 {} 行“{}”列", c.row, c.column),
            (Lang::En, true) => format!("row {}", c.row),
            (Lang::En, false) => format!("row {}, column {}", c.row, c.column),
        };
    }
    // A person of a roster: the field inside their record (the caller names the person).
    let path = match e.employee {
        Some(i) => {
            let prefix = format!("employees[{i}]");
            path.split_once(&prefix)
                .map_or(path, |(_, inner)| inner.trim_start_matches('.'))
        }
        None => path,
    };
    // A missing field is placed in what lacks it: `缺少“格式”`, not `格式：缺少“格式”`.
    let path = match &e.kind {
        ErrorKind::MissingField(field) => path
            .strip_suffix(field.as_str())
            .filter(|parent| parent.is_empty() || parent.ends_with('.'))
            .map_or(path, |parent| parent.trim_end_matches('.')),
        _ => path,
    };
    path_words(path, lang)
}

/// One problem as a line: `place：message` (or the message alone).
pub fn error_line(e: &Error, lang: Lang) -> String {
    let place = error_place(e, lang);
    let message = error_message(&e.kind, lang);
    if place.is_empty() {
        message
    } else {
        format!("{place}{}{message}", lang.pick("：", ": "))
    }
}

/// Every problem an error lists, a line each in row order, and a last line counting the
/// rest when there are more (`另有 3 处问题未列出`).
pub fn error_lines(e: &Error, lang: Lang) -> Vec<String> {
    let mut lines: Vec<String> = e.all().map(|x| error_line(x, lang)).collect();
    if e.more() > 0 {
        lines.push(match lang {
            Lang::Zh => format!("另有 {} 处问题未列出", e.more()),
            Lang::En => format!("and {} more problems not listed", e.more()),
        });
    }
    lines
}

/// A warning in words, with its place.
pub fn warning(w: &Warning, lang: Lang) -> String {
    let p = |k: &str| w.params.get(k).map_or("", String::as_str);
    let row = w.row.unwrap_or(0);
    let column = w.column.as_deref().unwrap_or("");
    match (w.code, lang) {
        ("header_row", Lang::Zh) => {
            format!("表头在第 {row} 行，已跳过其上方的 {} 行标题", p("skipped"))
        }
        ("header_row", Lang::En) => format!(
            "the header is row {row}; {} title {} above it skipped",
            p("skipped"),
            if p("skipped") == "1" { "row" } else { "rows" }
        ),
        ("unknown_column", Lang::Zh) => format!("未知列 “{column}”，已忽略"),
        ("unknown_column", Lang::En) => format!("unknown column \"{column}\" ignored"),
        ("format_by_content", Lang::Zh) => format!(
            "文件扩展名为 .{}，但内容是{}，已按内容读取",
            p("extension"),
            format_name(p("format"), lang)
        ),
        ("format_by_content", Lang::En) => format!(
            "the file is named .{} but holds {}; read as its content",
            p("extension"),
            format_name(p("format"), lang)
        ),
        ("hidden_sheet_skipped", Lang::Zh) => {
            format!(
                "已跳过隐藏的工作表 “{}”，读取 “{}”",
                p("skipped"),
                p("sheet")
            )
        }
        ("hidden_sheet_skipped", Lang::En) => format!(
            "hidden sheet(s) \"{}\" skipped; read \"{}\"",
            p("skipped"),
            p("sheet")
        ),
        ("sheet_without_header_skipped", Lang::Zh) => format!(
            "第一个工作表 “{}” 没有花名册表头（工号、等级、用工性质），已改读工作表 “{}”",
            p("skipped"),
            p("sheet")
        ),
        ("sheet_without_header_skipped", Lang::En) => format!(
            "the first sheet \"{}\" has no roster header (id, level, employment); read \"{}\" instead",
            p("skipped"),
            p("sheet")
        ),
        ("two_row_header", Lang::Zh) => {
            format!("表头占两行（第 {row} 行和第 {} 行），已合并读取", p("second"))
        }
        ("two_row_header", Lang::En) => format!(
            "the header spans two rows ({row} and {}), read as one",
            p("second")
        ),
        ("result_columns_recomputed", Lang::Zh) => format!(
            "文件带有 {} 个计算结果列（如 “{column}”），读入时不采用：工资重新计算",
            p("count")
        ),
        ("result_columns_recomputed", Lang::En) if p("count") == "1" => format!(
            "the file's result column \"{column}\" is not read: pay is worked out again"
        ),
        ("result_columns_recomputed", Lang::En) => format!(
            "the file's {} result columns (such as \"{column}\") are not read: pay is worked out again",
            p("count")
        ),
        ("template_example_row", Lang::Zh) => format!(
            "第 {row} 行是模板的示例行（{}），仍按一人计算：请删去或改成真实人员",
            p("id")
        ),
        ("template_example_row", Lang::En) => format!(
            "row {row} is the template's example row ({}), still paid as a person: delete it or overwrite it",
            p("id")
        ),
        ("totals_row_skipped", Lang::Zh) => format!("第 {row} 行是合计行，已跳过"),
        ("totals_row_skipped", Lang::En) => format!("row {row} is a totals row, skipped"),
        ("error_cell_ignored", Lang::Zh) => format!(
            "第 {row} 行{}的单元格是表格错误值 {}，该列不参与计算，已忽略",
            if column.is_empty() {
                String::new()
            } else {
                format!("“{column}”列")
            },
            p("value")
        ),
        ("error_cell_ignored", Lang::En) => format!(
            "row {row}{} holds the spreadsheet error {}; the column is not used, ignored",
            if column.is_empty() {
                String::new()
            } else {
                format!(", column {column},")
            },
            p("value")
        ),
        ("extra_cell", Lang::Zh) => format!("第 {row} 行有多余的单元格，已忽略"),
        ("extra_cell", Lang::En) => format!("row {row} has cells beyond the header, ignored"),
        ("pool_undistributed", Lang::Zh) => "权重之和为 0，效益工资总额未分配".to_string(),
        ("pool_undistributed", Lang::En) => {
            "all weights are 0: the pool was not shared".to_string()
        }
        (code, _) => code.to_string(),
    }
}

/// A take-home note (`paygrade-takehome` warnings) in words; `param` gives its values.
pub fn takehome_warning(code: &str, param: &dyn Fn(&str) -> String, lang: Lang) -> String {
    match (code, lang) {
        ("bonus_separate_ended", Lang::Zh) => format!(
            "全年一次性奖金单独计税（财政部 税务总局公告 2023 年第 30 号）执行至 {}，{} 年度不再适用：奖金并入当年综合所得计税。政策延期时请修改“年终奖单独计税截止日”。",
            param("until"),
            param("year")
        ),
        ("bonus_separate_ended", Lang::En) => format!(
            "Separate taxation of the annual bonus (Caishui 2023 No. 30) applies through {}, not to {}: the bonus is added to the year's comprehensive income. When the rule is extended, change the bonus rule's end date.",
            param("until"),
            param("year")
        ),
        ("contribution_table_later", Lang::Zh) => format!(
            "社保公积金表（{}）自 {} 起执行，晚于 {} 年度：请换用 {} 年适用的表。",
            param("city"),
            param("effective_from"),
            param("year"),
            param("year")
        ),
        ("contribution_table_later", Lang::En) => format!(
            "The contribution table ({}) takes effect on {}, after {}: use the table that applied in {}.",
            param("city"),
            param("effective_from"),
            param("year"),
            param("year")
        ),
        (other, _) => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn words(path: &str, zh: &str, en: &str) {
        assert_eq!(
            (path_words(path, Lang::Zh), path_words(path, Lang::En)),
            (zh.to_string(), en.to_string()),
            "{path}"
        );
    }

    /// A field path in words in both languages: labels, positions, a level id as the
    /// level's name, the assessment table's own list key left out, the contributions'
    /// base named as the social-insurance base; English fields set apart by commas.
    #[test]
    fn paths_in_words() {
        words(
            "ladder[2].base_wage",
            "等级表 第 3 项 基本岗位工资",
            "ladder item 3, base wage",
        );
        words(
            "seniority.brackets[1].per_year",
            "年功工资 年限分段 第 2 项 每年金额",
            "seniority pay, brackets item 2, per year",
        );
        words(
            "performance.assessment.table[1].rating",
            "效益工资 考核系数表 第 2 项 评价",
            "performance pay, assessment table item 2, rating",
        );
        words(
            "assignment.requirements.junior.min_years_of_work",
            "年度定级 基本条件 初级 最低工作年限",
            "assignment, requirements, Junior, minimum years of work",
        );
        words(
            "contributions.base.floor",
            "社保公积金与个税 社保缴费基数 下限",
            "contributions and tax, contribution base, floor",
        );
        words(
            "performance.base",
            "效益工资 效益工资基数",
            "performance pay, performance base",
        );
        words(
            "scorecard.indicators[0].weight",
            "经营业绩计分卡 指标 第 1 项 权重",
            "scorecard, indicators item 1, weight",
        );
        words(
            "contributions.schemes[2].employer_rate",
            "社保公积金与个税 社保险种 第 3 项 单位缴费比例",
            "contributions and tax, insurance schemes item 3, employer rate",
        );
        words(
            "quota.headcount",
            "名额 名额计算人数",
            "quota, headcount basis",
        );
        words("mystery.key", "mystery key", "mystery, key");
    }

    #[test]
    fn a_missing_field_is_placed_in_what_lacks_it() {
        let line = |path: &str, field: &str, lang| {
            error_line(
                &Error::new(ErrorKind::MissingField(field.into()), path),
                lang,
            )
        };
        assert_eq!(line("format", "format", Lang::Zh), "缺少“格式”");
        assert_eq!(line("format", "format", Lang::En), "missing field `format`");
        assert_eq!(
            line("seniority.brackets[1].per_year", "per_year", Lang::Zh),
            "年功工资 年限分段 第 2 项：缺少“每年金额”"
        );
        // A path that only ends like the field keeps its words.
        assert_eq!(
            line("evaluation.weights_self", "self", Lang::En),
            "evaluation, weights_self: missing field `self`"
        );
    }
}
