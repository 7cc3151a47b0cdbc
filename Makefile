# Paygrade — build, serve and test. `make serve` and `make test` work on a fresh machine:
# tools/setup.sh installs the wasm target, wasm-bindgen-cli (pinned) and the npm tools.
SHELL := /bin/bash
PORT ?= 8000

.PHONY: all setup build wasm dist serve test test-rust test-wasm test-browser lint lint-js cli-example clean measure bench fuzz

all: build

setup:
	@bash tools/setup.sh

WASM_FEATURES := --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue
WASM_OPT := node_modules/.bin/wasm-opt -Oz --converge $(WASM_FEATURES)

# Four browser modules, one thin facade crate each (crates/wasm-*): `paygrade` (the pay
# calculator, first load), `paygrade_extra` (take-home pay and the scorecard; loaded when
# asked for), `paygrade_hr` (rosters, XLSX/GBK import, quotas, assignment, comparison,
# export; the team page's Web Worker) and `paygrade_charts` (plotters SVG charts; loaded
# on the team page's main thread when the charts open). `paygrade_bench` is built by
# `make bench` only. Each module is a file target that depends on the Rust sources, so a
# second `make build` with nothing changed rebuilds nothing.
# Cargo's output folder: ./target, or $CARGO_TARGET_DIR when set.
TARGET_DIR := $(or $(CARGO_TARGET_DIR),target)
RUST_SOURCES := Cargo.toml Cargo.lock $(shell find src crates -name '*.rs' -o -name Cargo.toml -o -name '*.csv' | grep -v '/target/')
MODULES := paygrade paygrade_extra paygrade_hr paygrade_charts
crate_of = $(patsubst paygrade,paygrade-wasm-pay,$(patsubst paygrade_extra,paygrade-wasm-extra,$(patsubst paygrade_hr,paygrade-wasm-hr,$(patsubst paygrade_charts,paygrade-wasm-charts,$(patsubst paygrade_bench,paygrade-wasm-bench,$(1))))))
lib_of = $(subst -,_,$(call crate_of,$(1)))
# The roster engine (the team page's worker, and the benchmark module that times it) is
# built for speed: Cargo profile `wasm-fast` and wasm-opt -O3 — measured 1.5 × faster on a
# 100,000-row roster (567 → 380 ms) for 27% more gzipped bytes (889 → 1,128 KB), loaded
# by the team page's worker, never at My pay's first load. The other modules are built for size (profile `wasm`, -Oz).
FAST_MODULES := paygrade_hr paygrade_bench
profile_of = $(if $(filter $(1),$(FAST_MODULES)),wasm-fast,wasm)
wasm_opt_of = $(if $(filter $(1),$(FAST_MODULES)),node_modules/.bin/wasm-opt -O3 $(WASM_FEATURES),$(WASM_OPT))

wasm: setup $(MODULES:%=www/pkg/%_bg.wasm)
	@for f in $(MODULES:%=www/pkg/%_bg.wasm); do echo "$$f: $$(stat -c %s $$f) bytes, $$(gzip -9c $$f | wc -c) gzipped"; done

www/pkg/%_bg.wasm: $(RUST_SOURCES)
	cargo build --profile $(call profile_of,$*) --lib --target wasm32-unknown-unknown -p $(call crate_of,$*)
	wasm-bindgen --target web --out-dir www/pkg --out-name $* $(TARGET_DIR)/wasm32-unknown-unknown/$(call profile_of,$*)/$(call lib_of,$*).wasm
	$(call wasm_opt_of,$*) www/pkg/$*_bg.wasm -o www/pkg/$*_bg.wasm
	@# The glue minified (its types are in $*.d.ts): first-load budget.
	node_modules/.bin/esbuild www/pkg/$*.js --format=esm --minify --log-level=warning --allow-overwrite --outfile=www/pkg/$*.js

dist: wasm
	node tools/bundle.mjs

build: wasm dist

serve: build
	node tools/serve.mjs $(PORT)

WASM_CRATES := -p paygrade-wasm-pay -p paygrade-wasm-extra -p paygrade-wasm-hr -p paygrade-wasm-charts -p paygrade-wasm-bench

# Rust: fmt and clippy (native, and each browser module for wasm32); the page's JS: lint-js.
lint: lint-js
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown $(WASM_CRATES) -- -D warnings
	@! grep -rn 'cfg(not(feature' --include=*.rs src crates tests || (echo 'a negative feature gate' && false)

# The page's JS checked against the modules' TypeScript declarations (www/pkg/*.d.ts, which
# `wasm` writes from the types in crates/wasm-common): tsc --checkJs, nothing emitted (tsconfig.json);
# then the declarations against the engine's real results (tools/check-dts.mjs).
lint-js: wasm
	node_modules/.bin/tsc -p tsconfig.json
	node tools/check-dts.mjs

test-rust:
	cargo test --workspace

test-wasm: setup
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	  cargo test --target wasm32-unknown-unknown -p paygrade-wasm-pay -p paygrade-wasm-hr --test wasm

test-browser: build
	@bash tools/setup.sh --browser
	node --test tests/e2e/

test: lint test-rust test-wasm test-browser

cli-example:
	cargo run -q --bin paygrade -- pay --as-of 2026-11-30 tests/fixtures/spec11_example1/employee.json

clean:
	rm -rf www/pkg dist

# Budgets of the page (issue 3): first-load bytes, first result, per-call time in Chromium vs native.
measure: build
	@bash tools/setup.sh --browser
	node tools/measure.mjs
	cargo run -q --release --example pay_timing

# Benchmarks (issue 7), not part of `make test`: criterion natively, the same work through
# wasm in Chromium, LibreOffice Calc recalculating the same roster as formulas, and the
# limit program (examples/limit.rs, issue 16) beside the CLI on the same 100,000 rows.
bench: build
	@bash tools/setup.sh --browser
	@command -v soffice >/dev/null || (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends libreoffice-calc)
	cargo build --release --workspace
	cargo build --release --example limit
	$(MAKE) www/pkg/paygrade_bench_bg.wasm
	cargo run --release --example peer_xlsx
	cargo bench --bench engine
	cargo bench --bench hostile
	node tools/bench.mjs

# Fuzzing (issue 8): every target FUZZ_SECONDS (default 600) each; CI runs a 30 s smoke.
FUZZ_SECONDS ?= 600
fuzz:
	bash tools/fuzz.sh $(FUZZ_SECONDS)
