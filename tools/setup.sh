#!/usr/bin/env bash
# Install what a fresh machine lacks to build and test Paygrade (idempotent, quiet when done).
# - the wasm32-unknown-unknown target (rustup)
# - wasm-bindgen-cli at the version Cargo.toml pins (cargo install)
# - npm devDependencies: binaryen's wasm-opt, esbuild (single-file build), playwright-core
#   (drives Chromium), puppeteer-core (drives Firefox over WebDriver BiDi), axe-core,
#   typescript (tsc checks the page's JS against the modules' .d.ts in `make lint`)
# Chromium and Firefox ESR for the browser tests are Debian packages: tools/setup.sh --browser
# installs them with apt-get (as root).
set -euo pipefail
cd "$(dirname "$0")/.."
WB_VERSION=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB_VERSION" ]; then
  # --locked first; the registry mirror may lack a locked transitive version, then resolve afresh.
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --locked \
    || cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
fi
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/esbuild ] || [ ! -d node_modules/playwright-core ] \
   || [ ! -d node_modules/puppeteer-core ] || [ ! -d node_modules/axe-core ] \
   || [ ! -x node_modules/.bin/tsc ]; then
  npm ci --no-audit --no-fund
fi
# fonts-wqy-microhei: a small CJK font so screenshots show Chinese text, not boxes.
if [ "${1:-}" = "--browser" ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] \
     || [ ! -x /usr/bin/firefox-esr ] || [ ! -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]; }; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q chromium chromium-driver firefox-esr fonts-wqy-microhei
fi
