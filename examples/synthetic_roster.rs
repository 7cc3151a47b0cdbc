//! Print a synthetic roster CSV of N people (default 10,000) to stdout, for scale tests.
fn main() {
    let n = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    print!("{}", paygrade_roster::sample::synthetic_roster_csv(n, 2026));
}
