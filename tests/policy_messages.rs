//! Policy-shape errors say what is wrong in both languages (the team page's editor shows
//! them at the field): the detail, not one general sentence per kind.

use paygrade::api::policy_from;
use paygrade::Policy;
use serde_json::Value;

#[track_caller]
fn check(edit: impl FnOnce(&mut Value), path: &str, en: &str, zh: &str) {
    let mut p = serde_json::to_value(Policy::default()).unwrap();
    edit(&mut p);
    let err = policy_from(Some(&p)).unwrap_err();
    assert_eq!(
        (
            err.path.as_str(),
            paygrade_text::error_message(&err.kind, paygrade_text::Lang::En).as_str(),
            paygrade_text::error_message(&err.kind, paygrade_text::Lang::Zh).as_str()
        ),
        (path, en, zh)
    );
}

#[test]
fn ladder_bracket_and_table_details() {
    check(
        |p| p["ladder"] = Value::Array(vec![]),
        "ladder",
        "ladder: no level at all",
        "等级表中至少要有一个等级",
    );
    check(
        |p| p["ladder"][1]["level"] = "".into(),
        "ladder[1].level",
        "missing field `level`",
        "缺少“等级”",
    );
    check(
        |p| p["ladder"][1]["coefficient"] = "1.00".into(),
        "ladder[1]",
        "ladder: a level has both `bands` and a single `coefficient`",
        "一个等级不能同时有档次表和单一系数",
    );
    check(
        |p| p["seniority"]["brackets"] = Value::Array(vec![]),
        "seniority.brackets",
        "seniority brackets: at least one bracket is needed",
        "年功工资至少要有一个分段",
    );
    check(
        |p| p["seniority"]["brackets"][2]["through_year"] = 20.into(),
        "seniority.brackets[2].through_year",
        "seniority brackets: the last bracket must be open (through_year null)",
        "最后一段的截至年限须为空（及以上）",
    );
    check(
        |p| p["performance"]["assessment"]["table"][1]["min_score"] = "95".into(),
        "performance.assessment.table[1].min_score",
        "assessment table: min_score must strictly descend",
        "考核系数表的最低得分须由高到低严格递减",
    );
}
