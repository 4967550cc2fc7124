# sla-tools — GNU make, no autotools.
#
#   make            build libsla and the six tools into build/
#   make demo       run the whole pipeline on the bundled sample export,
#                   then again with the bundled priced example contract
#   make check      normal and ASan+UBSan builds, every test in both, the
#                   fuzzers, and check-valgrind (CLI tests under memcheck)
#   make bench      benchmarks (tests/bench/)
#   make screenshots  the HTML report rendered by headless Chromium, to look at
#   make install    PREFIX=/usr/local DESTDIR=

VERSION  := 0.1.0
# bash, not sh: the demo runs its pipeline under pipefail.
SHELL    := /bin/bash
PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
MANDIR   ?= $(PREFIX)/share/man
DATADIR  ?= $(PREFIX)/share/sla-tools
# Where each shell looks below PREFIX: bash-completion below each of
# XDG_DATA_DIRS (default /usr/local/share:/usr/share); zsh in
# site-functions (on Debian's fpath for /usr/local; a package, PREFIX=/usr,
# sets ZSHCOMPDIR=/usr/share/zsh/vendor-completions); fish below each of
# XDG_DATA_DIRS when it is set, else only in /usr/share's (README).
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  ?= $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d

CC       ?= cc
BUILD    ?= build
SAN      ?=
OPT      ?= -O2
WARN     := -Wall -Wextra -Wpedantic -Wshadow -Wconversion
CFLAGS   ?= -g $(OPT)
ALL_CFLAGS = -std=c17 -D_POSIX_C_SOURCE=200809L $(WARN) $(CFLAGS) \
	     $(LIB_INC) -DSLA_VERSION='"$(VERSION)"' $(SANFLAGS) $(PKG_CFLAGS)
ifeq ($(SAN),1)
SANFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=undefined \
	    -fno-omit-frame-pointer
endif
PKGS      := libpcre2-8 inih xlsxwriter uchardet nettle
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# uchardet is loaded when an export needs it (lib/input/encoding.c), not
# linked: its header alone is built against.
LIBS       = -lcsv $(shell pkg-config --libs $(filter-out uchardet,$(PKGS)) 2>/dev/null)
TEST_LIBS  = $(shell pkg-config --libs cmocka 2>/dev/null)

TOOLS    := $(patsubst cmd/%.c,%,$(wildcard cmd/sla-*.c))
# lib/ holds one folder a stage (lib/README); a header is found by its
# name alone, so the include path lists every folder.
LIB_DIRS := core time stream input policy classify check query report extract
LIB_INC  := $(LIB_DIRS:%=-Ilib/%)
LIB_HDR  := $(wildcard $(LIB_DIRS:%=lib/%/*.h))
LIB_SRC  := $(wildcard $(LIB_DIRS:%=lib/%/*.c))
LIB_OBJ  := $(LIB_SRC:lib/%.c=$(BUILD)/lib/%.o)
DATA     := $(sort $(wildcard lib/data/*.ini lib/data/*.rules lib/data/calendars/*.tsv))
DATA_OBJ := $(BUILD)/gen/sla_data_blobs.o
DATADIR_SRC := $(BUILD)/gen/sla_datadir.c
DATADIR_OBJ := $(BUILD)/gen/sla_datadir.o
LIBSLA   := $(BUILD)/libsla.a
BINS     := $(TOOLS:%=$(BUILD)/bin/%)
UNIT_SRC := $(wildcard tests/unit/*/test_*.c)
UNITS    := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
BENCH_SRC := $(wildcard tests/bench/*.c)
BENCH_BINS := $(BENCH_SRC:tests/bench/%.c=$(BUILD)/bench/%)
MANS     := $(wildcard man/*.[157])
MAN_OUT  := $(MANS:man/%=$(BUILD)/man/%)
# Installed, not embedded: examples to copy (DATADIR/examples).
EXAMPLES := $(wildcard lib/data/examples/*.ini)

.PHONY: all demo check check-valgrind test deps deps-build deps-check deps-bench lint-man \
	bench fuzz screenshots install uninstall clean FORCE
.DELETE_ON_ERROR:

all: $(BINS)

$(BUILD)/lib/%.o: lib/%.c $(LIB_HDR)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# Every file under lib/data is compiled in as a byte array (od and sed only,
# so a fresh machine needs no xxd), and found by name through sla_data.h.
$(BUILD)/gen/sla_data_blobs.c: $(DATA) Makefile
	@mkdir -p $(@D)
	@{ echo '#include "sla_data.h"'; i=0; \
	  for f in $(DATA); do \
	    echo "static const unsigned char blob$$i[] = {"; \
	    od -An -v -tx1 "$$f" | sed 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	    echo '0x00};'; i=$$((i+1)); \
	  done; \
	  echo 'const struct sla_blob sla_data_blobs[] = {'; i=0; \
	  for f in $(DATA); do \
	    n=$$(wc -c < "$$f"); \
	    echo "  {\"$${f#lib/data/}\", (const char *)blob$$i, $$n},"; i=$$((i+1)); \
	  done; \
	  echo '  {0, 0, 0}};'; } > $@
$(DATA_OBJ): $(BUILD)/gen/sla_data_blobs.c lib/core/sla_data.h
	$(CC) $(ALL_CFLAGS) -Wno-overlength-strings -c -o $@ $<

# DATADIR, where the installed date sets are looked up, is compiled into
# an object of its own, whose source is rewritten only when DATADIR
# changes: `make install PREFIX=/opt/sla` after a plain `make` relinks the
# tools to look in /opt/sla/share/sla-tools, and an unchanged PREFIX
# rebuilds nothing.
$(DATADIR_SRC): FORCE
	@mkdir -p $(@D)
	@printf '#include "sla_data.h"\nconst char sla_datadir[] = "%s";\n' '$(DATADIR)' > $@.new
	@if cmp -s $@.new $@; then rm -f $@.new; else mv -f $@.new $@; fi
$(DATADIR_OBJ): $(DATADIR_SRC) lib/core/sla_data.h
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(LIBSLA): $(LIB_OBJ) $(DATA_OBJ) $(DATADIR_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/bin/%: cmd/%.c $(LIBSLA)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIBSLA) $(LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(LIBSLA)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests/unit -o $@ $< $(LIBSLA) $(LIBS) $(TEST_LIBS) -lm

$(BUILD)/bench/%: tests/bench/%.c $(LIBSLA)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIBSLA) $(LIBS)

# Missing system packages are installed (root) or named (anyone else), one
# set a target (tests/deps.sh): build for all, demo and install; check for
# check, test and fuzz; bench for bench.  Every object waits for the build
# probe, so a fresh machine hears what to install before a compiler error.
deps: deps-check
deps-build deps-check deps-bench:
	@sh tests/deps.sh $(@:deps-%=%)
$(LIB_OBJ) $(DATA_OBJ) $(DATADIR_OBJ): | deps-build
$(UNITS): | deps-check

# Two passes over the bundled sample export: the embedded default policy
# (compliance, no prices), then the bundled example contract, which prices
# breaches, so that the report ends with its penalty statements.
EXAMPLE  := lib/data/examples/contract.ini
DEMO_NOW := 2026-11-01T00:00:00+08:00
demo: deps-build all
	@echo '$$ sla-parse tests/data/sample.csv | sla-classify | sla-check --now $(DEMO_NOW) | sla-report'
	@set -o pipefail; $(BUILD)/bin/sla-parse tests/data/sample.csv \
	  | $(BUILD)/bin/sla-classify \
	  | $(BUILD)/bin/sla-check --now $(DEMO_NOW) \
	  | $(BUILD)/bin/sla-report
	@echo
	@echo '$$ sla-parse tests/data/sample.csv | sla-classify | sla-check --policy $(EXAMPLE) --now $(DEMO_NOW) | sla-report --policy $(EXAMPLE)'
	@set -o pipefail; $(BUILD)/bin/sla-parse tests/data/sample.csv \
	  | $(BUILD)/bin/sla-classify \
	  | $(BUILD)/bin/sla-check --policy $(EXAMPLE) --now $(DEMO_NOW) \
	  | $(BUILD)/bin/sla-report --policy $(EXAMPLE)

# One build's tests: unit (cmocka, TAP) and CLI (bats, TAP); tallied by
# tests/tally.sh, which prints the closing "N passed, N failed".
test: $(BINS) $(UNITS) $(BENCH_BINS) | deps-check
	@SLA_BIN=$(abspath $(BUILD)/bin) SLA_BUILD=$(abspath $(BUILD)) \
	  sh tests/run.sh $(UNITS) > $(BUILD)/tests.tap; \
	  status=$$?; cat $(BUILD)/tests.tap; exit $$status

lint-man:
	@for m in $(MANS); do \
	  if mandoc -T lint -W warning $$m; then echo "ok - mandoc lint $$m"; \
	  else echo "not ok - mandoc lint $$m"; fi; \
	done

check: deps-check
	@$(MAKE) --no-print-directory all
	@$(MAKE) --no-print-directory BUILD=build-asan SAN=1 OPT=-O1 all
	@{ $(MAKE) --no-print-directory -s lint-man; \
	   $(MAKE) --no-print-directory -s test \
	     || echo "not ok - build: the tests could not all be built or run"; \
	   $(MAKE) --no-print-directory -s BUILD=build-asan SAN=1 OPT=-O1 test \
	     || echo "not ok - build-asan: the tests could not all be built or run"; \
	   $(MAKE) --no-print-directory -s fuzz \
	     || echo "not ok - fuzz: the harnesses could not all be built or run"; \
	   $(MAKE) --no-print-directory -s check-valgrind VALGRIND_BATS="$(CHECK_VALGRIND_BATS)" \
	     || echo "not ok - valgrind: the tests could not be run"; \
	 } > build/check.tap 2> build/check.err; \
	 sh tests/tally.sh build/check.tap build/check.err

# The CLI tests under valgrind memcheck (normal build; no error, no leak,
# tests/valgrind.sh).  make check-valgrind runs the whole CLI suite (over
# 10 minutes on two cores); make check runs the bad-input and conservation
# tests only: they run every tool over every bad-input file and export in
# about 80 seconds (bad-input.bats leaves its big inputs to
# conservation.bats there).
VALGRIND_BATS ?= $(wildcard tests/cli/*.bats)
CHECK_VALGRIND_BATS := tests/cli/bad-input.bats tests/cli/conservation.bats
check-valgrind: all
	@sh tests/valgrind.sh $(abspath $(BUILD)/bin) $(VALGRIND_BATS)

# libFuzzer harnesses (tests/fuzz/fuzz_*.c), built with clang into
# build-fuzz/ and each run for FUZZ_SECONDS on a corpus seeded from
# tests/fuzz/corpus/NAME and tests/data; results are TAP lines.
ifdef CI
FUZZ_SECONDS ?= 60
else
FUZZ_SECONDS ?= 10
endif
FUZZ_SRC  := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BINS := $(FUZZ_SRC:tests/fuzz/%.c=build-fuzz/%)
FUZZ_FLAGS = -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined

build-fuzz/%: tests/fuzz/%.c $(LIB_SRC) $(LIB_HDR) $(BUILD)/gen/sla_data_blobs.c $(DATADIR_SRC)
	@mkdir -p $(@D)
	clang -std=c17 -D_POSIX_C_SOURCE=200809L -g -O1 $(LIB_INC) -DSLA_VERSION='"$(VERSION)"' \
	  $(PKG_CFLAGS) $(FUZZ_FLAGS) -o $@ $< $(LIB_SRC) \
	  $(BUILD)/gen/sla_data_blobs.c $(DATADIR_SRC) $(LIBS)

$(FUZZ_BINS): | deps-check
fuzz: $(FUZZ_BINS)
	@FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run.sh $(FUZZ_BINS)

# The HTML report rendered and printed for people to look at (headless
# Chromium; tests/screenshots.sh): build/screenshots, never the tree.
screenshots: all $(BUILD)/bench/gen-export | deps-check
	@sh tests/screenshots.sh $(abspath $(BUILD)/bin) $(abspath $(BUILD))

# BENCH_SIZES, BENCH_RUNS: see tests/bench/README.md.
bench: deps-bench all $(BENCH_BINS)
	@SLA_BIN=$(abspath $(BUILD)/bin) SLA_BUILD=$(abspath $(BUILD)) sh tests/bench/run.sh

# The man pages' FILES name the installed data as the default PREFIX puts
# it; the pages installed name this build's DATADIR instead.
$(BUILD)/man/%: man/% $(DATADIR_SRC)
	@mkdir -p $(@D)
	sed 's|/usr/local/share/sla-tools|$(DATADIR)|g' $< > $@

install: deps-build all $(MAN_OUT)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
	  $(DESTDIR)$(MANDIR)/man7 $(DESTDIR)$(DATADIR)/calendars $(DESTDIR)$(DATADIR)/examples \
	  $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	install -m 755 $(BINS) $(DESTDIR)$(BINDIR)
	for m in $(MAN_OUT); do install -m 644 $$m $(DESTDIR)$(MANDIR)/man$${m##*.}; done
	install -m 644 $(filter-out lib/data/calendars/%,$(DATA)) $(DESTDIR)$(DATADIR)
	install -m 644 $(filter lib/data/calendars/%,$(DATA)) $(DESTDIR)$(DATADIR)/calendars
	install -m 644 $(EXAMPLES) $(DESTDIR)$(DATADIR)/examples
	install -m 644 completions/bash/* $(DESTDIR)$(BASHCOMPDIR)
	install -m 644 completions/zsh/* $(DESTDIR)$(ZSHCOMPDIR)
	install -m 644 completions/fish/* $(DESTDIR)$(FISHCOMPDIR)

uninstall:
	rm -f $(TOOLS:%=$(DESTDIR)$(BINDIR)/%)
	for m in $(MANS); do rm -f $(DESTDIR)$(MANDIR)/man$${m##*.}/$${m#man/}; done
	rm -rf $(DESTDIR)$(DATADIR)
	for f in completions/bash/*; do rm -f $(DESTDIR)$(BASHCOMPDIR)/$${f##*/}; done
	for f in completions/zsh/*; do rm -f $(DESTDIR)$(ZSHCOMPDIR)/$${f##*/}; done
	for f in completions/fish/*; do rm -f $(DESTDIR)$(FISHCOMPDIR)/$${f##*/}; done

clean:
	rm -rf build build-asan build-fuzz
