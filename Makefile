# Deelwijzer. `make serve` and `make test` do all set-up on a fresh machine.
# Hugo is a Go tool pinned in tools/hugo.mod; npm tools are pinned in package-lock.json;
# browser tests use Debian's chromium, installed here when missing.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
HUGO := go tool -modfile=tools/hugo.mod hugo
GOROOT := $(shell go env GOROOT)
GO_ENGINE := $(shell find checklist document dossier wasm -name '*.go' -not -name '*_test.go' 2>/dev/null) go.mod
WASM := assets/gen/engine.wasm
# The document writer (.docx/.odt) is a second module, loaded only when a document is asked for.
DOC_WASM := assets/gen/documents.wasm
WASM_EXEC := assets/gen/wasm_exec.js
PUBLIC ?= public
FUZZTIME ?= 60s
# No inlining in our own packages: the engine is not on a hot path that needs it, and
# the WebAssembly module is about 5 KB (brotli) smaller for it. No build ID (-buildid=):
# the fingerprint in the file name already tells builds apart, and with an ID every
# change, even to a comment, moved the brotli size by up to 0.7 KB.
WASM_FLAGS := -gcflags=deelwijzer/...=-l -ldflags="-s -w -buildid="
# The classic garbage collector instead of Go 1.26's default (Green Tea): Green Tea's
# gains need several threads, which a page's WebAssembly does not have, and it adds
# about 11 KB (brotli) to each module. Go plans to drop this opt-out in Go 1.27.
WASM_ENV := GOOS=js GOARCH=wasm GOEXPERIMENT=nogreenteagc

.PHONY: all build serve test clean deps npm system-deps generate checks gocheck gotest gotest-wasm fuzz mutate site-test bench help

all: build

help:
	@echo "make serve   build everything and serve on http://localhost:1313 with live reload"
	@echo "make build   static site in $(PUBLIC)/ (host it anywhere, at a root or under a subpath)"
	@echo "make test    every test: Go, definitions, content, built HTML, browser (axe-core)"
	@echo "make bench   sizes and timings against their targets (STRICT=1: fail on a missed target)"
	@echo "make mutate  mutation testing of the engine (slow; not part of make test)"
	@echo "make clean   remove build output"

## ---- set-up ---------------------------------------------------------------

# npm packages exactly as locked (Pagefind for search, axe-core for the a11y tests).
# The lock lists Pagefind's binary for every platform, so `npm ci` installs the one for
# this machine and never rewrites the lock: a clean clone stays clean.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@
npm: node_modules/.package-lock.json

# Debian packages the tests need (headless Chromium, pdftotext for the print tests, nginx to
# test the README's hosting example for real, LibreOffice Writer without GUI to open the
# generated .docx and .odt documents in a real office suite). Installed only when missing; needs root, as on
# CI and the development machines. nginx lives in /usr/sbin, which a user's PATH may lack.
system-deps:
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v pdftotext >/dev/null || missing="$$missing poppler-utils"; \
	command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing="$$missing nginx"; \
	command -v soffice >/dev/null || missing="$$missing libreoffice-writer-nogui"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

deps: npm system-deps

## ---- build ----------------------------------------------------------------

# The engine, compiled to WebAssembly, and the loader that matches this Go version.
$(WASM): $(GO_ENGINE) Makefile
	@mkdir -p $(dir $@)
	$(WASM_ENV) go build -trimpath $(WASM_FLAGS) -o $@ ./wasm
$(DOC_WASM): $(GO_ENGINE) Makefile
	@mkdir -p $(dir $@)
	$(WASM_ENV) go build -trimpath $(WASM_FLAGS) -o $@ ./wasm/documents
$(WASM_EXEC): $(GOROOT)/lib/wasm/wasm_exec.js
	@mkdir -p $(dir $@)
	cp $< $@
generate: $(WASM) $(DOC_WASM) $(WASM_EXEC)

# Definitions and content are checked before Hugo sees them: a broken definition fails
# with file, line and reason.
checks:
	go run ./cmd/defcheck
	go run ./cmd/contentcheck

build: generate checks npm
	rm -rf $(PUBLIC)
	$(HUGO) --panicOnWarning --gc --cleanDestinationDir -d $(PUBLIC)
	npx pagefind --site $(PUBLIC) --silent
	go run ./cmd/precache $(PUBLIC)
	go run ./cmd/precompress $(PUBLIC)
	@echo "site built in $(PUBLIC)/"

# Live reload on http://localhost:1313. The search index is built once into static/
# (ignored by git) so search works while serving too.
serve: generate npm
	@tmp=$$(mktemp -d); $(HUGO) -d $$tmp; rm -rf static/pagefind; \
	  npx pagefind --site $$tmp --output-path static/pagefind --silent; rm -rf $$tmp
	$(HUGO) server --panicOnWarning --port 1313 --bind 127.0.0.1

## ---- test -----------------------------------------------------------------

gocheck:
	@out=$$(gofmt -l $$(git ls-files '*.go' | grep -v '^node_modules/')); \
	  if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	go mod tidy -diff
	go vet ./...
	go vet -tags browser ./...
	$(WASM_ENV) go vet ./wasm/...

gotest:
	go test ./...

# The engine's tests again in the configuration that ships: compiled to WebAssembly,
# without the author checks (checks_browser.go), run by Node through Go's wrapper.
gotest-wasm:
	@command -v node >/dev/null || { echo "gotest-wasm needs Node.js (node)"; exit 1; }
	$(WASM_ENV) go test -exec="$(GOROOT)/lib/wasm/go_js_wasm_exec" ./checklist/... ./dossier/...

# `make test` runs every fuzz target over its committed corpus only (plain `go test`
# does that), so the gate is deterministic. `make fuzz` explores for FUZZTIME per
# target; a crash it finds is written to testdata/fuzz/ and becomes part of the corpus
# once it is fixed and committed.
fuzz:
	@for pkg in $$(go list ./... ); do \
	  for f in $$(go test -list '^Fuzz' $$pkg 2>/dev/null | grep '^Fuzz' || true); do \
	    echo "fuzz $$pkg $$f ($(FUZZTIME))"; \
	    go test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg; \
	  done; \
	done

# Mutation testing, not part of `make test`: Gremlins (pinned in tools/mutate.mod, apart
# from go.mod like Hugo) plants small bugs, one at a time, in the engine files where a
# wrong result matters most (conditions, findings, import/export, personal-data checks,
# the report) and runs the package's tests against each. A mutant that LIVED is a bug
# no test catches; checklist/testdata/mutants.md says why the remaining ones are
# harmless. MUTATE_FILES picks the files; one worker leaves a core free. Test results
# are never taken from the cache (-count=1), so the time Gremlins measures first, and
# scales for each mutant's time limit, includes compiling. ++/-- mutants are left out:
# in this code they turn loops into endless ones, which only time out.
MUTATE_FILES ?= cond evaluate exchange pii report
MUTATE_WORKERS ?= 1
mutate:
	@others=$$(cd checklist && ls *.go | grep -v '_test\.go$$' | sed 's/\.go$$//' \
	  | grep -vxF -f <(tr ' ' '\n' <<<"$(MUTATE_FILES)") | paste -sd'|'); \
	  GOFLAGS=-count=1 go tool -modfile=tools/mutate.mod gremlins unleash --workers $(MUTATE_WORKERS) \
	    --increment-decrement=false --timeout-coefficient 8 $(MUTATE_FLAGS) \
	    -E 'yamldef/' -E "(^|/)($$others)\.go$$" -o mutants.json ./checklist

# The site is built with warnings as errors into a temporary directory, its HTML is
# checked, and then real Chromium loads it from a subpath of a plain file server.
site-test: generate npm system-deps
	@tmp=$$(mktemp -d); trap 'rm -rf $$tmp' EXIT; \
	  $(HUGO) --panicOnWarning -d $$tmp/site; \
	  npx pagefind --site $$tmp/site --silent; \
	  go run ./cmd/sitecheck -dir $$tmp/site; \
	  DEELWIJZER_PUBLIC=$$tmp/site go test -tags browser -count=1 -timeout 30m ./internal/browsertest/ ./test/browser/...

test: deps gocheck generate checks gotest gotest-wasm site-test

# STRICT=1 makes a missed target fail the run (exit 1), for those who want a gate.
bench: generate npm system-deps
	go run ./cmd/bench $(if $(STRICT),-strict)

clean:
	rm -rf $(PUBLIC) resources/_gen assets/gen static/pagefind .hugo_build.lock
