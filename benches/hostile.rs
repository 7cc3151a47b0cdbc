//! How fast hostile inputs are refused (issue 8): size and count limits are checked before
//! work proportional to the input. `cargo bench --bench hostile`; each should be far
//! under a second.
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn benches(c: &mut Criterion) {
    let header = "工号,等级,档次,用工性质,岗位年限,综合得分,姓名";
    let big_cell = format!(
        "{header}\nA1,中级,B,聘用,12,88,{}\n",
        "x".repeat(10 * 1024 * 1024)
    );
    let wide = format!("{header}{}\n", ",x".repeat(100_000));
    let zip_bomb = std::fs::read("tests/hostile/zip_bomb.xlsx").unwrap();
    let long_number = format!(
        r#"{{"id":"E","level":"junior","band":"C","employment":"regular","years_in_post":1,"composite_score":"{}"}}"#,
        "9".repeat(20_000_000)
    );
    let mut g = c.benchmark_group("reject");
    g.sample_size(10);
    g.bench_function("cell_10mb", |b| {
        b.iter(|| {
            paygrade_roster::parse_roster(black_box(big_cell.as_bytes()), "c.csv", None)
                .unwrap_err()
        })
    });
    g.bench_function("columns_100k", |b| {
        b.iter(|| {
            paygrade_roster::parse_roster(black_box(wide.as_bytes()), "w.csv", None).unwrap_err()
        })
    });
    g.bench_function("zip_bomb", |b| {
        b.iter(|| paygrade_roster::parse_roster(black_box(&zip_bomb), "z.xlsx", None).unwrap_err())
    });
    g.bench_function("json_20mb", |b| {
        b.iter(|| paygrade::json::parse(black_box(&long_number)).unwrap_err())
    });
    g.finish();
}

criterion_group!(hostile, benches);
criterion_main!(hostile);
