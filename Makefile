# dirtrace - plain Makefile.  `make demo` and `make check` are the two
# commands a fresh Debian 12 machine needs; both first run `make deps`.

VERSION   = 0.1.0
MAJOR     = 0
PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
LIBDIR   ?= $(PREFIX)/lib
INCDIR   ?= $(PREFIX)/include
MANDIR   ?= $(PREFIX)/share/man
DATADIR  ?= $(PREFIX)/share/dirtrace
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
DESTDIR  ?=
PKG_CONFIG ?= pkg-config
CC       ?= cc
AR       ?= ar
CFLAGS   ?= -O2 -g
LDFLAGS  ?=
BUILD    ?= build

DEPS       = libcmark-gfm libxml-2.0 libpcre2-8 icu-uc icu-i18n
# no .pc files for these two (checked on Debian 12): link them by name
EXTRA_LIBS = -lcmark-gfm-extensions -lstemmer
WARNINGS   = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
             -Wmissing-prototypes -Wformat=2 -Wvla -Wundef
ifeq ($(WERROR),1)
WARNINGS  += -Werror
endif
ifeq ($(SAN),1)
SANFLAGS   = -fsanitize=address,undefined -fno-omit-frame-pointer \
             -fno-sanitize-recover=undefined
endif

# Recursive (=) so pkg-config runs only when a recipe needs it, after deps.
DT_CFLAGS = -std=c11 -D_DEFAULT_SOURCE $(WARNINGS) $(SANFLAGS) -fPIC \
            -fvisibility=hidden -Ilib -I$(BUILD)/gen \
            $(shell $(PKG_CONFIG) --cflags $(DEPS))
DT_LIBS   = $(shell $(PKG_CONFIG) --libs $(DEPS)) $(EXTRA_LIBS) -lm
TEST_LIBS = $(shell $(PKG_CONFIG) --libs criterion)

LIB_SRC   = $(sort $(wildcard lib/*.c))
DATA_TXT  = $(sort $(wildcard lib/data/*.txt))
DATA_SRC  = $(patsubst lib/data/%.txt,$(BUILD)/gen/data_%.c,$(DATA_TXT))
LIB_OBJ   = $(patsubst lib/%.c,$(BUILD)/obj/lib/%.o,$(LIB_SRC)) \
            $(patsubst $(BUILD)/gen/%.c,$(BUILD)/obj/gen/%.o,$(DATA_SRC))
# templates/ built into the library (dirtrace plan): tools/tpl2c.sh
TPL_FILES = $(sort $(wildcard templates/*.md templates/*.xml \
            templates/*.html))
TPL_FILES := $(filter-out templates/README.md,$(TPL_FILES))
LIB_OBJ  += $(BUILD)/obj/gen/templates.o
TOOL_SRC  = tools/dirtrace.c tools/cli.c tools/cpus.c $(sort $(wildcard tools/cmd_*.c))
EVAL_SRC  = tools/dt-eval.c tools/eval.c tools/eval_boot.c
EVAL_OBJ  = $(patsubst tools/%.c,$(BUILD)/obj/tools/%.o,$(EVAL_SRC))
EVAL      = $(BUILD)/dt-eval
TOOL_OBJ  = $(patsubst tools/%.c,$(BUILD)/obj/tools/%.o,$(TOOL_SRC))
TEST_SRC  = $(sort $(wildcard tests/unit/*.c))
TEST_OBJ  = $(patsubst tests/unit/%.c,$(BUILD)/obj/tests/%.o,$(TEST_SRC))
BENCH_SRC = $(sort $(filter-out tests/bench/gen_corpus%.c, \
            $(wildcard tests/bench/*.c)))
BENCH_BIN = $(patsubst tests/bench/%.c,$(BUILD)/bench/%,$(BENCH_SRC))
GEN_CORPUS_SRC = tests/bench/gen_corpus.c tests/bench/gen_corpus_text.c \
            tests/bench/gen_corpus_units.c
GEN_CORPUS = $(BUILD)/bench/gen_corpus
FUZZ_ALL     = text md akn cites gaps template
FUZZ_REPLAY  = $(patsubst %,$(BUILD)/fuzz-replay-%,$(FUZZ_ALL))

STATIC  = $(BUILD)/libdirtrace.a
SHARED  = $(BUILD)/libdirtrace.so.$(MAJOR)
BIN     = $(BUILD)/dirtrace
UNIT    = $(BUILD)/unit-tests

.SECONDARY:
.PHONY: all deps check check-run asan-check demo demo-run install uninstall \
        clean lint format eval bench fuzz unit e2e check-browser

all: $(STATIC) $(SHARED) $(BIN)

deps:
	@sh tools/deps.sh

$(BUILD)/obj/lib/%.o: lib/%.c lib/dirtrace.h lib/internal.h $(wildcard lib/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(DT_CFLAGS) -DDT_BUILDING $(CFLAGS) -c $< -o $@

$(BUILD)/gen/data_%.c: lib/data/%.txt tools/txt2c.sh
	@mkdir -p $(dir $@)
	sh tools/txt2c.sh $< $* > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/templates.c: $(TPL_FILES) tools/tpl2c.sh
	@mkdir -p $(dir $@)
	sh tools/tpl2c.sh $(TPL_FILES) > $@.tmp && mv $@.tmp $@

$(BUILD)/obj/gen/templates.o: lib/template.h lib/internal.h lib/dirtrace.h

$(BUILD)/obj/gen/%.o: $(BUILD)/gen/%.c
	@mkdir -p $(dir $@)
	$(CC) $(DT_CFLAGS) -DDT_BUILDING $(CFLAGS) -c $< -o $@

$(BUILD)/obj/tools/%.o: tools/%.c lib/dirtrace.h $(wildcard tools/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(DT_CFLAGS) -DDT_VERSION_TOOL=\"$(VERSION)\" $(CFLAGS) -c $< -o $@

# Unit tests include private headers of lib/ too (match_internal.h, …).
$(BUILD)/obj/tests/%.o: tests/unit/%.c lib/dirtrace.h lib/internal.h \
		$(wildcard lib/*.h) $(wildcard tests/unit/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(DT_CFLAGS) -Itools -Wno-missing-prototypes $(CFLAGS) \
		-DDT_TEST_DATA=\"$(CURDIR)\" -c $< -o $@

$(STATIC): $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(SHARED): $(LIB_OBJ)
	$(CC) -shared -Wl,-soname,libdirtrace.so.$(MAJOR) $(SANFLAGS) \
		$(LDFLAGS) -o $@ $^ $(DT_LIBS)
	ln -sf libdirtrace.so.$(MAJOR) $(BUILD)/libdirtrace.so

$(BIN): $(TOOL_OBJ) $(STATIC)
	$(CC) $(SANFLAGS) $(LDFLAGS) -o $@ $(TOOL_OBJ) $(STATIC) $(DT_LIBS)

# the unit tests also check the tools' own helpers (tests/unit/test_eval*.c,
# test_cpus.c)
UNIT_TOOL_OBJ = $(BUILD)/obj/tools/eval.o $(BUILD)/obj/tools/eval_boot.o \
	$(BUILD)/obj/tools/cpus.o

$(UNIT): $(TEST_OBJ) $(UNIT_TOOL_OBJ) $(STATIC)
	$(CC) $(SANFLAGS) $(LDFLAGS) -o $@ $(TEST_OBJ) $(UNIT_TOOL_OBJ) \
		$(STATIC) $(DT_LIBS) $(TEST_LIBS)

$(EVAL): $(EVAL_OBJ) $(STATIC)
	$(CC) $(SANFLAGS) $(LDFLAGS) -o $@ $(EVAL_OBJ) $(STATIC) $(DT_LIBS)

$(BUILD)/bench/%: tests/bench/%.c $(STATIC)
	@mkdir -p $(dir $@)
	$(CC) $(DT_CFLAGS) -Wno-missing-prototypes $(CFLAGS) -o $@ $< \
		$(STATIC) $(DT_LIBS)

# The corpus generator of `make bench`: plain C11, no library.
$(GEN_CORPUS): $(GEN_CORPUS_SRC) tests/bench/gen_corpus.h \
		tests/bench/gen_corpus_words.h
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_DEFAULT_SOURCE $(WARNINGS) $(CFLAGS) $(LDFLAGS) \
		-o $@ $(GEN_CORPUS_SRC)

# Fuzz harnesses under a plain main(): replays seeds and regressions.
$(BUILD)/fuzz-replay-%: tests/fuzz/fuzz_%.c tests/fuzz/replay_main.c \
		tests/fuzz/fuzz_common.c tests/fuzz/fuzz_common.h \
		lib/dirtrace.h $(STATIC)
	$(CC) $(DT_CFLAGS) $(CFLAGS) -o $@ tests/fuzz/fuzz_$*.c \
		tests/fuzz/fuzz_common.c tests/fuzz/replay_main.c $(STATIC) \
		$(DT_LIBS)

# ---- tests ---------------------------------------------------------------

unit: $(UNIT)
	$(UNIT) --jobs 2

e2e: $(BIN)
	sh tests/run_cases.sh $(BIN)
	sh tests/check_options.sh $(BIN)

check:
	@sh tools/deps.sh
	@$(MAKE) --no-print-directory check-run

check-run: all $(UNIT) $(EVAL) $(FUZZ_REPLAY)
	$(UNIT) --jobs 2
	sh tests/run_cases.sh $(BIN)
	sh tests/check_options.sh $(BIN)
	sh tests/check_hostile.sh $(BIN) && sh tests/check_limits.sh $(BIN)
	sh tests/check_gold.sh $(BIN)
	sh tests/check_install.sh
	$(EVAL) > $(BUILD)/eval.txt && cat $(BUILD)/eval.txt
	sh tests/check_eval.sh $(EVAL)
	@p=0; f=0; for t in $(FUZZ_ALL); do \
	    set -- $$($(BUILD)/fuzz-replay-$$t tests/fuzz/seeds/$$t \
	        tests/fuzz/regressions/$$t); \
	    p=$$((p + $${1:-0})); f=$$((f + $${2:-1})); done; \
	echo "fuzz-replay: $$p passed, $$f failed"; test $$f -eq 0

# The HTML report in headless Chromium (installed on demand).
check-browser: all
	sh tests/check_browser.sh $(BIN)

asan-check:
	@sh tools/deps.sh
	@$(MAKE) --no-print-directory BUILD=build/asan SAN=1 CFLAGS="-O1 -g" \
		check-run

# Memcheck over the unit tests and the e2e cases (slow: tens of minutes;
# logs in build/valgrind/; see tests/check_valgrind.sh).
.PHONY: valgrind-check
valgrind-check: all $(UNIT)
	sh tests/check_valgrind.sh $(BUILD)

# ---- the main job ----------------------------------------------------------

demo:
	@sh tools/deps.sh
	@$(MAKE) --no-print-directory demo-run

demo-run: all
	sh tools/demo.sh $(BIN)

# Micro-benchmarks, then the corpus-scale table (tests/bench/run_bench.sh:
# BENCH_SIZES, BENCH_RUNS, BENCH_FTS_SIZE ... say what to run).
.PHONY: bench-run
bench:
	@sh tools/deps.sh
	@sh tools/deps.sh bench
	@$(MAKE) --no-print-directory bench-run

bench-run: $(BENCH_BIN) $(BIN) $(GEN_CORPUS)
	@for b in $(BENCH_BIN); do $$b; done
	sh tests/bench/run_bench.sh $(BIN) $(GEN_CORPUS)

# EVAL_ARGS: e.g. "--split dev --errors" while tuning (tools/dt-eval.c)
eval: $(EVAL)
	$(EVAL) $(EVAL_ARGS)

# libFuzzer (clang): each target for FUZZ_SECONDS; see tests/fuzz/README.md
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run_fuzz.sh

# ---- install ---------------------------------------------------------------

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCDIR) \
	    $(DESTDIR)$(PKGCONFIGDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DATADIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/dirtrace
	install -m 644 $(STATIC) $(DESTDIR)$(LIBDIR)/libdirtrace.a
	install -m 755 $(SHARED) $(DESTDIR)$(LIBDIR)/libdirtrace.so.$(MAJOR)
	ln -sf libdirtrace.so.$(MAJOR) $(DESTDIR)$(LIBDIR)/libdirtrace.so
	install -m 644 lib/dirtrace.h $(DESTDIR)$(INCDIR)/dirtrace.h
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
	    -e 's|@INCDIR@|$(INCDIR)|' -e 's|@VERSION@|$(VERSION)|' \
	    lib/dirtrace.pc.in > $(DESTDIR)$(PKGCONFIGDIR)/dirtrace.pc
	install -m 644 tools/dirtrace.1 $(DESTDIR)$(MANDIR)/man1/dirtrace.1
	cd templates && find . -type f ! -name '.*' -exec sh -c \
	    'mkdir -p "$$0/$$(dirname "$$1")" && cp "$$1" "$$0/$$1"' \
	    '$(DESTDIR)$(DATADIR)' {} \;

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/dirtrace $(DESTDIR)$(LIBDIR)/libdirtrace.a \
	    $(DESTDIR)$(LIBDIR)/libdirtrace.so.$(MAJOR) \
	    $(DESTDIR)$(LIBDIR)/libdirtrace.so $(DESTDIR)$(INCDIR)/dirtrace.h \
	    $(DESTDIR)$(PKGCONFIGDIR)/dirtrace.pc \
	    $(DESTDIR)$(MANDIR)/man1/dirtrace.1
	rm -rf $(DESTDIR)$(DATADIR)

# ---- housekeeping ----------------------------------------------------------

BANNED = strcpy|strcat|sprintf|vsprintf|strtok|gets|atoi|atol
lint:
	@if grep -nE '\b($(BANNED))\s*\(' lib/*.c tools/*.c; then \
	    echo "lint: banned function used"; exit 1; fi
	@echo "lint: ok"

format:
	clang-format -i lib/*.c lib/*.h tools/*.c tools/*.h tests/unit/*.c

clean:
	rm -rf build
