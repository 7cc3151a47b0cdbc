//! Native timing of one `compute_pay` call, JSON in and JSON out as the page does:
//! median of 100 batches of 100 calls. Used by `make measure` to compare with the browser.
use paygrade::api::compute_pay_json;
use std::time::Instant;

fn main() {
    let employee = r#"{ "id": "E001", "level": "intermediate", "band": "B", "employment": "contract",
      "years_in_post": 12, "rural": true, "scores": { "business": "92", "customer_satisfaction": "88",
      "supplier": "85", "self": "95", "marketing_audit": "80" } }"#;
    let mut batches = Vec::with_capacity(100);
    for _ in 0..110 {
        let t = Instant::now();
        for _ in 0..100 {
            std::hint::black_box(
                paygrade::json::parse(std::hint::black_box(employee))
                    .and_then(|e| compute_pay_json(None, &e, Some("2026-11-30")))
                    .ok(),
            );
        }
        batches.push(t.elapsed().as_nanos() as f64 / 100.0);
    }
    let mut b = batches.split_off(10); // drop warm-up
    b.sort_by(|x, y| x.total_cmp(y));
    println!("native_compute_pay_us {:.2}", b[b.len() / 2] / 1000.0);
}
