#!/usr/bin/env bash
# Run every cargo-fuzz target for N seconds each (default 600): `make fuzz`, and a short
# smoke run in CI (`tools/fuzz.sh 30`). Needs the nightly toolchain (libFuzzer with
# sanitizers); where there is none it says so plainly and exits 0 without pretending.
# Nightly used and verified here: rustc 1.97.0-nightly (e50aa6fba 2026-05-19).
set -uo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-600}
TARGETS=${TARGETS:-"policy_json employee_json roster_bytes pay_structured roster_xlsx roster_xls roster_ods roster_text"}
if ! rustup run nightly rustc --version >/dev/null 2>&1; then
  echo "fuzz: SKIPPED — no nightly toolchain on this machine (cargo fuzz needs one)"
  exit 0
fi
echo "fuzz: $(rustup run nightly rustc --version)"
if ! command -v cargo-fuzz >/dev/null; then
  cargo install cargo-fuzz --locked || cargo install cargo-fuzz || { echo "fuzz: SKIPPED — cargo-fuzz could not be installed"; exit 0; }
fi
status=0
for t in $TARGETS; do
  work=$(mktemp -d)
  cp -r "fuzz/corpus/$t/." "$work/" 2>/dev/null
  log=$(mktemp)
  if cargo +nightly fuzz run --fuzz-dir fuzz "$t" "$work" -- -max_total_time="$SECONDS_EACH" -max_len=65536 \
       -rss_limit_mb=2048 -timeout=10 >"$log" 2>&1; then
    runs=$(grep -Eo 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1)
    echo "fuzz: $t ok — ${runs:-no run count}; corpus $(ls "$work" | wc -l) inputs"
  else
    status=1
    echo "fuzz: $t FAILED"; grep -E "panicked|ERROR|SUMMARY|Test unit written" "$log" | head -20
  fi
  rm -rf "$work" "$log"
done
exit $status
