//! The hostile-input catalogue (`tests/hostile/`, written by `tools/make_hostile.py`):
//! every file gives the error code its manifest line names (or is accepted), and none
//! panics. Bigger inputs — a 10 MB cell, 100,000 columns, a 20 MB number — are made here.

use paygrade::api::{compute_pay_json, policy_from};
use paygrade_roster::parse_roster;

fn check(kind: &str, name: &str, bytes: &[u8]) -> Result<(), paygrade::Error> {
    let text = || String::from_utf8_lossy(bytes).into_owned();
    match kind {
        "roster" => {
            let roster = parse_roster(bytes, name, None)?;
            let policy = paygrade::Policy::default().check()?;
            paygrade::compute_roster(&policy, &roster.employees, None)
                .map_err(|e| roster.locate(e))?;
            Ok(())
        }
        "policy" => policy_from(Some(&paygrade::json::parse(&text())?)).map(|_| ()),
        "employee" => {
            let employee = paygrade::json::parse(&text())?;
            compute_pay_json(None, &employee, Some("2026-11-30")).map(|_| ())
        }
        other => panic!("unknown kind {other}"),
    }
}

#[test]
fn every_hostile_file_gives_its_code() {
    let dir = format!("{}/tests/hostile", env!("CARGO_MANIFEST_DIR"));
    let manifest = std::fs::read_to_string(format!("{dir}/manifest.tsv")).unwrap();
    let mut checked = 0;
    let mut wrong = Vec::new();
    for line in manifest
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let [file, kind, expected] = line.split('\t').collect::<Vec<_>>()[..] else {
            panic!("bad line {line}")
        };
        let bytes = std::fs::read(format!("{dir}/{file}")).unwrap();
        let got = match check(kind, file, &bytes) {
            Ok(()) => "ok".to_string(),
            Err(e) => e.code().to_string(),
        };
        if got != expected {
            wrong.push(format!("{file}: expected {expected}, got {got}"));
        }
        checked += 1;
    }
    assert_eq!(wrong, Vec::<String>::new());
    assert!(checked >= 40, "only {checked} files");
}

#[test]
fn generated_giants_are_refused_by_their_limits() {
    let header = "工号,等级,档次,用工性质,岗位年限,综合得分,姓名";
    let cell = "x".repeat(10 * 1024 * 1024);
    let big_cell = format!("{header}\nA1,中级,B,聘用,12,88,{cell}\n");
    assert_eq!(
        parse_roster(big_cell.as_bytes(), "c.csv", None)
            .unwrap_err()
            .code(),
        "too_large"
    );
    let wide = format!("{header}{}\n", ",x".repeat(100_000));
    assert_eq!(
        parse_roster(wide.as_bytes(), "w.csv", None)
            .unwrap_err()
            .code(),
        "too_large"
    );
    let long_number = format!(
        r#"{{"id":"E","level":"junior","band":"C","employment":"regular","years_in_post":1,"composite_score":"{}"}}"#,
        "9".repeat(20_000_000)
    );
    assert_eq!(
        paygrade::json::parse(&long_number)
            .and_then(|e| compute_pay_json(None, &e, None))
            .unwrap_err()
            .code(),
        "too_large"
    );
    let file = vec![b'a'; paygrade_roster::MAX_FILE_BYTES + 1];
    assert_eq!(
        parse_roster(&file, "big.csv", None).unwrap_err().code(),
        "too_large"
    );
}
