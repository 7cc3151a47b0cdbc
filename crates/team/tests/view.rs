//! The team page's kept roster (`paygrade_team::view`): a run equals the comparison,
//! quotas and assignment made one by one, and pages of people are filtered, sorted and
//! cut in the engine — exact rows for a five-person roster worked by hand.

use paygrade::Employee;
use paygrade_team::view::{PeopleQuery, SortKey, TeamSession};
use paygrade_team::HrPolicy;
use serde_json::{json, Value};

const FIVE: &str = "工号,姓名,等级,档次,用工性质,岗位年限,综合得分
A1,张三,中级,B,聘用,12,88
A2,李四,中级,A,在册,3,70
A3,王五,初级,B,聘用,5,95
A4,Zoe,中级,B,在册,20,60
A5,alice,高级,C,聘用,8,90
";

fn date() -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 30)
}

fn people(csv: &str) -> Vec<Employee> {
    paygrade_roster::parse_roster(csv.as_bytes(), "five.csv", None)
        .unwrap()
        .employees
}

/// The default policy with intermediate-B's coefficient up 0.10 and junior-B's down 0.10.
fn proposal() -> HrPolicy {
    let mut p = serde_json::to_value(paygrade::Policy::default()).unwrap();
    let bump = |p: &mut Value, level: usize, by: rust_decimal::Decimal| {
        assert_eq!(p["ladder"][level]["bands"][1]["band"], "B");
        let c = &mut p["ladder"][level]["bands"][1]["coefficient"];
        let now: rust_decimal::Decimal = c.as_str().unwrap().parse().unwrap();
        *c = json!((now + by).to_string());
    };
    bump(&mut p, 2, "0.10".parse().unwrap());
    bump(&mut p, 1, "-0.10".parse().unwrap());
    HrPolicy::from_json(Some(&p)).unwrap()
}

fn query(v: Value) -> PeopleQuery {
    PeopleQuery::from_json(Some(&v)).unwrap()
}

/// `(id, difference)` of a page's rows.
fn rows(page: &paygrade_team::view::PeoplePage) -> Vec<(String, String)> {
    page.rows
        .iter()
        .map(|r| (r.id.clone(), r.difference.to_string()))
        .collect()
}

fn ids(page: &paygrade_team::view::PeoplePage) -> Vec<&str> {
    page.rows.iter().map(|r| r.id.as_str()).collect()
}

#[test]
fn five_people_filtered_sorted_and_paged_in_the_engine() {
    let people = people(FIVE);
    let base = HrPolicy::from_json(None).unwrap();
    let mut s = TeamSession::new();
    // By hand: performance = 1000.00 × coefficient × factor. A1 (intermediate-B, 88 →
    // factor 1.00) +100.00; A4 (intermediate-B, 60 → 0.80) +80.00; A3 (junior-B, 95 →
    // 1.20) −120.00; A2 and A5 are on other bands: 0.
    let sum = s
        .run(
            &base,
            &proposal(),
            &people,
            date(),
            &PeopleQuery::default(),
            &mut |_, _| {},
        )
        .unwrap();
    assert_eq!(sum.headcount, 5);
    assert_eq!(
        (sum.counts.gain, sum.counts.lose, sum.counts.same),
        (2, 1, 2)
    );
    assert_eq!(sum.totals.difference.total.to_string(), "60.00");
    assert_eq!(sum.levels, ["intermediate", "junior", "senior"]);
    // The default page: largest difference first, equal ones in roster order.
    let d = |id: &str, v: &str| (id.to_string(), v.to_string());
    assert_eq!(
        rows(&sum.people),
        [
            d("A1", "100.00"),
            d("A4", "80.00"),
            d("A2", "0.00"),
            d("A5", "0.00"),
            d("A3", "-120.00")
        ]
    );
    assert_eq!(
        (sum.people.offset, sum.people.limit, sum.people.matching),
        (0, 100, 5)
    );
    let first = &sum.people.rows[0];
    assert_eq!(
        (first.name.as_str(), first.grade.as_str()),
        ("张三", "intermediate-B")
    );
    assert_eq!(
        first.proposal_total.amount() - first.baseline_total.amount(),
        "100.00".parse().unwrap()
    );

    // Ascending: the same ties still in roster order.
    let up = s
        .people_page(&people, &query(json!({"sort": "difference", "dir": "asc"})))
        .unwrap();
    assert_eq!(ids(&up), ["A3", "A2", "A5", "A4", "A1"]);
    // Pages of two: the second, the third, and an offset past the end moved back to the last.
    let page = |offset: u32| {
        query(json!({"sort": "difference", "dir": "desc", "limit": 2, "offset": offset}))
    };
    let p2 = s.people_page(&people, &page(2)).unwrap();
    assert_eq!((ids(&p2), p2.offset, p2.matching), (vec!["A2", "A5"], 2, 5));
    assert_eq!(ids(&s.people_page(&people, &page(4)).unwrap()), ["A3"]);
    let past = s.people_page(&people, &page(10)).unwrap();
    assert_eq!((ids(&past), past.offset), (vec!["A3"], 4));

    // Text columns: case ignored, then code point order (Latin before Han).
    let by_name = s
        .people_page(&people, &query(json!({"sort": "name", "dir": "asc"})))
        .unwrap();
    assert_eq!(ids(&by_name), ["A5", "A4", "A1", "A2", "A3"]);
    let by_id = s
        .people_page(&people, &query(json!({"sort": "id", "dir": "desc"})))
        .unwrap();
    assert_eq!(ids(&by_id), ["A5", "A4", "A3", "A2", "A1"]);
    let by_grade = s
        .people_page(&people, &query(json!({"sort": "grade", "dir": "asc"})))
        .unwrap();
    // Grades in ladder order (junior-B, intermediate-B twice in roster order,
    // intermediate-A, senior-C), not as text (which put intermediate before junior).
    assert_eq!(ids(&by_grade), ["A3", "A1", "A4", "A2", "A5"]);
    let by_grade = s
        .people_page(&people, &query(json!({"sort": "grade", "dir": "desc"})))
        .unwrap();
    assert_eq!(ids(&by_grade), ["A5", "A2", "A1", "A4", "A3"]);
    let by_before = s
        .people_page(
            &people,
            &query(json!({"sort": "baseline_total", "dir": "desc"})),
        )
        .unwrap();
    assert!(by_before
        .rows
        .windows(2)
        .all(|w| w[0].baseline_total >= w[1].baseline_total));
    let by_after = s
        .people_page(
            &people,
            &query(json!({"sort": "proposal_total", "dir": "asc"})),
        )
        .unwrap();
    assert!(by_after
        .rows
        .windows(2)
        .all(|w| w[0].proposal_total <= w[1].proposal_total));

    // Filters: a level, a search in id or name (case ignored, spaces around dropped).
    let mid = s
        .people_page(&people, &query(json!({"level": "intermediate"})))
        .unwrap();
    assert_eq!((ids(&mid), mid.matching), (vec!["A1", "A4", "A2"], 3));
    let zoe = s
        .people_page(&people, &query(json!({"search": "  zOE "})))
        .unwrap();
    assert_eq!((ids(&zoe), zoe.matching), (vec!["A4"], 1));
    let han = s
        .people_page(&people, &query(json!({"search": "张"})))
        .unwrap();
    assert_eq!(ids(&han), ["A1"]);
    let both = s
        .people_page(&people, &query(json!({"search": "a", "level": "junior"})))
        .unwrap();
    assert_eq!(ids(&both), ["A3"]);
    let none = s
        .people_page(&people, &query(json!({"level": "nope"})))
        .unwrap();
    assert_eq!((none.matching, none.offset, none.rows.len()), (0, 0, 0));
    // An empty level is everyone.
    assert_eq!(
        s.people_page(&people, &query(json!({"level": ""})))
            .unwrap()
            .matching,
        5
    );

    // Explanations and payslips come from the kept proposal.
    let a3 = s.breakdown(&people, "A3").unwrap().unwrap();
    assert_eq!(a3.grade, "junior-B");
    assert!(s.breakdown(&people, "nobody").unwrap().is_none());
    assert_eq!(s.breakdowns(&people).unwrap().len(), 5);
}

#[test]
fn bad_queries_are_errors_at_their_field() {
    let err = PeopleQuery::from_json(Some(&json!({"sort": "salary"}))).unwrap_err();
    assert_eq!((err.code(), err.path.as_str()), ("unknown_mode", "sort"));
    let err = PeopleQuery::from_json(Some(&json!({"dir": "up"}))).unwrap_err();
    assert_eq!((err.code(), err.path.as_str()), ("unknown_mode", "dir"));
    let err = PeopleQuery::from_json(Some(&json!({"offset": -1}))).unwrap_err();
    assert_eq!(err.path, "offset");
    let q = PeopleQuery::from_json(Some(&json!({"limit": 5000}))).unwrap();
    assert_eq!((q.limit, q.sort), (1000, SortKey::Difference));
    assert_eq!(
        PeopleQuery::from_json(None).unwrap(),
        PeopleQuery::default()
    );
    let err = TeamSession::new()
        .people_page(&[], &PeopleQuery::default())
        .unwrap_err();
    assert_eq!(err.code(), "no_rows");
}

#[test]
fn a_run_equals_the_comparison_quotas_and_assignment_made_one_by_one() {
    let people = paygrade_roster::sample::sample_roster().unwrap().employees;
    let base = HrPolicy::from_json(None).unwrap();
    let prop = proposal();
    let mut s = TeamSession::new();
    let mut calls = Vec::new();
    let sum = s
        .run(
            &base,
            &prop,
            &people,
            date(),
            &PeopleQuery::default(),
            &mut |d, t| calls.push((d, t)),
        )
        .unwrap();
    assert_eq!(calls.last(), Some(&(142, 142)));
    let whole = paygrade_team::compare(&base, &prop, &people, date(), &mut |_, _| {}).unwrap();
    assert_eq!(s.comparison(&people).unwrap(), whole);
    assert_eq!(
        (
            sum.totals.clone(),
            sum.by_level.clone(),
            sum.counts,
            sum.policy_diff.clone()
        ),
        (
            whole.totals.clone(),
            whole.by_level.clone(),
            whole.counts,
            whole.policy_diff.clone()
        )
    );
    assert_eq!(sum.quota, paygrade_team::quotas(&base, &people).unwrap());
    let assigned = paygrade_team::assign(&base, &people, date()).unwrap();
    let a = sum.assignment.as_ref().unwrap();
    assert_eq!((a.total, a.offset, &a.seats), (71, 0, &assigned.seats));
    assert_eq!(a.results, assigned.results);
    let tail = s.assignment_page(60, 25).unwrap().unwrap();
    assert_eq!(
        (tail.offset, tail.results.as_slice()),
        (60, &assigned.results[60..])
    );
    let paid = paygrade_team::roster_pay(&prop, &people, date(), &mut |_, _| {}).unwrap();
    assert_eq!(s.breakdowns(&people).unwrap(), paid.results);

    // A proposal edit pays the proposal only (progress counts one side); the results
    // are the comparison's again.
    let mut calls = Vec::new();
    let again = s
        .run(
            &base,
            &base,
            &people,
            date(),
            &PeopleQuery::default(),
            &mut |d, t| calls.push((d, t)),
        )
        .unwrap();
    assert_eq!(calls.last(), Some(&(71, 71)));
    assert_eq!((again.counts.same, again.policy_diff.len()), (71, 0));
    let same = paygrade_team::compare(&base, &base, &people, date(), &mut |_, _| {}).unwrap();
    assert_eq!(s.comparison(&people).unwrap(), same);
    // Another date pays the baseline again.
    let mut calls = Vec::new();
    let later = chrono::NaiveDate::from_ymd_opt(2030, 1, 31);
    s.run(
        &base,
        &prop,
        &people,
        later,
        &PeopleQuery::default(),
        &mut |d, t| calls.push((d, t)),
    )
    .unwrap();
    assert_eq!(calls.last(), Some(&(142, 142)));
    let later_whole = paygrade_team::compare(&base, &prop, &people, later, &mut |_, _| {}).unwrap();
    assert_eq!(s.comparison(&people).unwrap(), later_whole);

    // The same policy on both sides, in a new session: paid once, the same comparison.
    let mut fresh = TeamSession::new();
    let mut calls = Vec::new();
    fresh
        .run(
            &base,
            &base,
            &people,
            date(),
            &PeopleQuery::default(),
            &mut |d, t| calls.push((d, t)),
        )
        .unwrap();
    assert_eq!(calls.last(), Some(&(71, 71)));
    assert_eq!(fresh.comparison(&people).unwrap(), same);
    assert_eq!(fresh.breakdowns(&people).unwrap().len(), 71);

    // A proposal that cannot pay someone fails within `proposal`, naming the person, and
    // the last results stay.
    let mut bad = serde_json::to_value(paygrade::Policy::default()).unwrap();
    let trainee = bad["ladder"][0].as_object_mut().unwrap();
    trainee.remove("coefficient");
    trainee.insert(
        "bands".into(),
        json!([{"band": "A", "coefficient": "1.00"}]),
    );
    let bad = HrPolicy::from_json(Some(&bad)).unwrap();
    let err = s
        .run(
            &base,
            &bad,
            &people,
            later,
            &PeopleQuery::default(),
            &mut |_, _| {},
        )
        .unwrap_err();
    assert!(err.path.starts_with("proposal.employees["), "{}", err.path);
    assert!(err.employee.is_some());
    assert_eq!(s.comparison(&people).unwrap(), later_whole);
}

#[test]
fn a_pool_proposal_is_kept_as_figures_and_explained_as_the_roster_pays_it() {
    let people = paygrade_roster::sample::sample_roster().unwrap().employees;
    let base = HrPolicy::from_json(None).unwrap();
    let mut p = serde_json::to_value(paygrade::Policy::default()).unwrap();
    p["performance"]["mode"] = json!("pool");
    p["performance"]["pool"] = json!("100000");
    let pool = HrPolicy::from_json(Some(&p)).unwrap();
    let mut s = TeamSession::new();
    let sum = s
        .run(
            &base,
            &pool,
            &people,
            date(),
            &PeopleQuery::default(),
            &mut |_, _| {},
        )
        .unwrap();
    assert_eq!(
        sum.totals.proposal.components.performance.to_string(),
        "100000.00"
    );
    let paid = paygrade_team::roster_pay(&pool, &people, date(), &mut |_, _| {}).unwrap();
    let kept = s.breakdowns(&people).unwrap();
    assert_eq!(kept, paid.results);
    // Each explanation names the pool, the person's weight and the same weight sum.
    let mut sums = std::collections::BTreeSet::new();
    for b in &kept {
        match &b.explain.performance.rule {
            paygrade::explain::Rule::PoolShare {
                pool,
                weight,
                weight_sum,
            } => {
                assert_eq!(pool.to_string(), "100000.00");
                assert_eq!(*weight, b.pool_weight.normalize());
                sums.insert(weight_sum.to_string());
            }
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(sums.len(), 1);
    let first = s.breakdown(&people, &people[0].id).unwrap().unwrap();
    assert_eq!(first, paid.results[0]);
    // Pages are asked for with the run's people; others are refused.
    let err = s
        .people_page(&people[..3], &PeopleQuery::default())
        .unwrap_err();
    assert_eq!(err.code(), "internal");
}

/// The level filter's names are the ladder's level ids, even when an id holds a `-`: a
/// level `grade-1` without bands (its one grade is `grade-1`, not a level `grade` with a
/// band `1`), and filtering by it finds its people.
#[test]
fn level_names_are_the_ladders_ids_even_with_a_hyphen() {
    let mut p = serde_json::to_value(paygrade::Policy::default()).unwrap();
    p["ladder"][1]["level"] = json!("grade-1");
    let junior = p["ladder"][1].as_object_mut().unwrap();
    junior.remove("bands");
    junior.insert("coefficient".into(), json!("1.10"));
    // The assignment's requirements are keyed by level id: rename junior's too.
    let reqs = p["assignment"]["requirements"].as_object_mut().unwrap();
    let junior = reqs.remove("junior").unwrap();
    reqs.insert("grade-1".into(), junior);
    let policy = HrPolicy::from_json(Some(&p)).unwrap();
    let people: Vec<Employee> = [("B1", "grade-1", None), ("B2", "intermediate", Some("B"))]
        .iter()
        .map(|(id, level, band)| {
            Employee::from_json(
                &json!({"id": id, "level": level, "band": band, "employment": "contract",
                    "years_in_post": 3, "scores": {"business": "88",
                    "customer_satisfaction": "88", "supplier": "88", "self": "88",
                    "marketing_audit": "88"}})
                .to_string(),
            )
            .unwrap()
        })
        .collect();
    let mut s = TeamSession::new();
    let sum = s
        .run(
            &policy,
            &policy,
            &people,
            date(),
            &PeopleQuery::default(),
            &mut |_, _| {},
        )
        .unwrap();
    assert_eq!(sum.levels, ["grade-1", "intermediate"]);
    let page = s
        .people_page(&people, &query(json!({"level": "grade-1"})))
        .unwrap();
    assert_eq!(ids(&page), ["B1"]);
    assert_eq!(page.rows[0].grade, "grade-1");
}
