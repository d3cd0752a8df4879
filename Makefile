# breach-check: the two commands are `make serve` and `make test`; both install what they
# need (tools/setup.sh) into a per-user cache outside the checkout.

TOOLS ?= $(or $(BREACH_CHECK_TOOLS),$(HOME)/.cache/breach-check/tools)
WASM_BINDGEN_VERSION := $(shell sed -n 's/^wasm-bindgen = .*"=\([0-9.]*\)".*/\1/p' Cargo.toml)
export PATH := $(TOOLS)/wasm-bindgen-$(WASM_BINDGEN_VERSION)/bin:$(TOOLS)/binaryen-132/node_modules/.bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
export AXE_CORE_JS ?= $(TOOLS)/axe-core-4.14.1/node_modules/axe-core/axe.min.js
export BREACH_CHECK_TOOLS := $(TOOLS)
PORT ?= 8080
# Every cargo command builds from Cargo.lock as committed: an edit to Cargo.toml that would
# change it fails instead of re-resolving silently.
LOCKED := --locked
# The engines of the end-to-end suite: `make test-e2e ENGINES=firefox`, say.
ENGINES ?= chromium,firefox,webkit

.PHONY: all setup setup-test build serve test lint test-native test-e2e test-wasm package bench clean

all: build

setup:
	@tools/setup.sh build

setup-test:
	@tools/setup.sh test

## Release bundle in dist/: loader, glue, wasm, demo and test host pages, SHA384SUMS.
build: setup
	tools/build-dist.sh

## Build, then serve the demo insurer page at http://127.0.0.1:$(PORT)/
serve: build
	@echo "Demo: http://127.0.0.1:$(PORT)/   foreign host: http://127.0.0.1:$(PORT)/hosts/plain.html"
	python3 tools/serve.py dist $(PORT)

## Every test: formatting and lints, the native core, the end-to-end flows in Chromium,
## Firefox ESR and WebKitGTK (the package's test included), and wasm-bindgen-test in Chromium.
test: setup-test build lint test-native test-e2e test-wasm

lint:
	cargo fmt --all -- --check
	cargo clippy $(LOCKED) --workspace --all-targets -- -D warnings
	cargo clippy $(LOCKED) -p breach-check --lib --target wasm32-unknown-unknown -- -D warnings
	# The main module most hosts get, built without the message section (build.rs).
	BREACH_CHECK_WITHOUT_MESSAGE_SECTION=1 cargo clippy $(LOCKED) -p breach-check --lib --target wasm32-unknown-unknown -- -D warnings

## The core alone, natively: what plain `cargo test` runs (no dist/, no browser).
test-native:
	cargo test $(LOCKED)

## The browsers: every flow in every engine of ENGINES, one shared browser per engine, the
## engines side by side (tests/e2e). Needs dist/ (make build) and the tools of setup-test.
test-e2e:
	E2E_ENGINES=$(ENGINES) cargo test $(LOCKED) -p breach-check-e2e

test-wasm:
	cargo test $(LOCKED) --target wasm32-unknown-unknown --test web

## The npm package: target/package/breach-check-<version>.tgz (make test checks it).
package: build
	@tools/package/make-package.sh

## The password meters side by side in headless Chromium: ours (wasm) against zxcvbn-ts and
## zxcvbn from npm; prints one Markdown table. A benchmark, not a test: it asserts nothing.
BENCH := target/bench
WASM_OPT_FEATURES := --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue
bench:
	@tools/setup.sh bench
	cargo build --lib --release --target wasm32-unknown-unknown --features bench --target-dir $(BENCH)/cargo
	wasm-bindgen --target web --out-dir $(BENCH)/pkg $(BENCH)/cargo/wasm32-unknown-unknown/release/breach_check.wasm
	wasm-opt -Oz $(WASM_OPT_FEATURES) $(BENCH)/pkg/breach_check_bg.wasm -o $(BENCH)/pkg/breach_check_bg.wasm
	BENCH_OURS=$(BENCH)/pkg BENCH_NPM=$(TOOLS)/zxcvbn-ts-4.2.0+zxcvbn-4.4.2/node_modules \
	  cargo run --quiet --example browser_bench

## What embedding the widget costs a host page, in one headless Chromium run: bytes before the
## form is usable, script request → form usable, first focus → full meter, beside a minimal
## Yew app built the same way; medians of 7 fresh loads, one Markdown table (issue 13).
## A benchmark, not a test: it asserts nothing.
.PHONY: bench-embed
bench-embed: build
	@tools/bench-embed/build-minimal.sh
	python3 tools/bench-embed/bench.py dist target/bench-embed/app

## Where the shipped wasm's bytes go (twiggy 0.8.0 from crates.io, installed in the cache):
## by crate, by our modules, by content; the README's size table comes from it.
.PHONY: twiggy
twiggy: build
	@TOOLS=$(TOOLS) tools/twiggy.sh

clean:
	rm -rf dist target
