# Paygrade — build, serve and test. `make serve` and `make test` work on a fresh machine:
# tools/setup.sh installs the wasm target, wasm-bindgen-cli (pinned) and the npm tools.
SHELL := /bin/bash
WASM := target/wasm32-unknown-unknown/wasm/paygrade.wasm
PORT ?= 8000

.PHONY: all setup build wasm dist serve test test-rust test-wasm test-browser lint lint-js cli-example clean measure bench fuzz

all: build

setup:
	@bash tools/setup.sh

WASM_OPT := node_modules/.bin/wasm-opt -Oz --converge --strip-producers --enable-bulk-memory \
  --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue

# Four modules: `paygrade` (the pay calculator, first load), `paygrade_extra` (take-home
# pay; loaded when asked for), `paygrade_hr` (rosters, XLSX/GBK import, quotas,
# assignment, comparison, export; the team page's Web Worker) and `paygrade_charts`
# (plotters SVG charts; loaded on the team page's main thread when the charts open).
wasm: setup
	cargo build --profile wasm --lib --target wasm32-unknown-unknown --no-default-features
	wasm-bindgen --target web --out-dir www/pkg --out-name paygrade $(WASM)
	cargo build --profile wasm --lib --target wasm32-unknown-unknown --no-default-features --features extras
	wasm-bindgen --target web --out-dir www/pkg --out-name paygrade_extra $(WASM)
	cargo build --profile wasm --lib --target wasm32-unknown-unknown --no-default-features --features import
	wasm-bindgen --target web --out-dir www/pkg --out-name paygrade_hr $(WASM)
	cargo build --profile wasm --lib --target wasm32-unknown-unknown --no-default-features --features charts
	wasm-bindgen --target web --out-dir www/pkg --out-name paygrade_charts $(WASM)
	$(WASM_OPT) www/pkg/paygrade_bg.wasm -o www/pkg/paygrade_bg.wasm
	$(WASM_OPT) www/pkg/paygrade_extra_bg.wasm -o www/pkg/paygrade_extra_bg.wasm
	$(WASM_OPT) www/pkg/paygrade_hr_bg.wasm -o www/pkg/paygrade_hr_bg.wasm
	$(WASM_OPT) www/pkg/paygrade_charts_bg.wasm -o www/pkg/paygrade_charts_bg.wasm
	@# The first-load glue without its comments (typed JSDoc; the types are in paygrade.d.ts): first-load budget.
	node_modules/.bin/esbuild www/pkg/paygrade.js --format=esm --log-level=warning --allow-overwrite --outfile=www/pkg/paygrade.js
	@for f in www/pkg/*.wasm; do echo "$$f: $$(stat -c %s $$f) bytes, $$(gzip -9c $$f | wc -c) gzipped"; done

dist: wasm
	node tools/bundle.mjs

build: wasm dist

serve: build
	node tools/serve.mjs $(PORT)

# Rust: fmt and clippy (native and each browser module's build); the page's JS: lint-js.
lint: lint-js
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --lib --target wasm32-unknown-unknown --no-default-features --features import -- -D warnings
	cargo clippy --lib --target wasm32-unknown-unknown --no-default-features --features charts -- -D warnings
	cargo clippy --lib --target wasm32-unknown-unknown --no-default-features -- -D warnings
	cargo clippy --lib --target wasm32-unknown-unknown --no-default-features --features extras -- -D warnings

# The page's JS checked against the modules' TypeScript declarations (www/pkg/*.d.ts, which
# `wasm` writes from the types in src/wasm.rs): tsc --checkJs, nothing emitted (tsconfig.json);
# then the declarations against the engine's real results (tools/check-dts.mjs).
lint-js: wasm
	node_modules/.bin/tsc -p tsconfig.json
	node tools/check-dts.mjs

test-rust:
	cargo test

test-wasm: setup
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	  cargo test --target wasm32-unknown-unknown --test wasm

test-browser: build
	@bash tools/setup.sh --browser
	node --test tests/e2e/

test: lint test-rust test-wasm test-browser

cli-example:
	cargo run -q --bin paygrade -- pay --as-of 2026-11-30 tests/fixtures/spec_examples/employee.json

clean:
	rm -rf www/pkg dist

# Budgets of the page (issue 3): first-load bytes, first result, per-call time in Chromium vs native.
measure: build
	@bash tools/setup.sh --browser
	node tools/measure.mjs
	cargo run -q --release --example pay_timing

# Benchmarks (issue 7), not part of `make test`: criterion natively, the same work through
# wasm in Chromium, LibreOffice Calc recalculating the same roster as formulas.
bench: build
	@bash tools/setup.sh --browser
	@command -v soffice >/dev/null || (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends libreoffice-calc)
	cargo build --release
	cargo run --release --example peer_xlsx
	cargo bench --bench engine
	cargo bench --bench hostile
	node tools/bench.mjs

# Fuzzing (issue 8): every target FUZZ_SECONDS (default 600) each; CI runs a 30 s smoke.
FUZZ_SECONDS ?= 600
fuzz:
	bash tools/fuzz.sh $(FUZZ_SECONDS)
