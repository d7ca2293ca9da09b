# octavo — build the compiler, the edition, and the tests.
#
#   make               install what building and running need, build
#                      build/octavo, compile the manuscript to
#                      build/edition.{epub,pdf}
#   make check         install the tests' tools, then every test: unit,
#                      data, end-to-end, bad input, valgrind, and all but
#                      valgrind again under ASan and UBSan (what CI runs)
#   make check-fast    the unit, data and bad-input tests alone
#   make regen         rewrite tests/data/'s expectations from octavo's
#                      output, to review as a diff
#   make check-sanitize  unit, data, end-to-end and bad-input tests
#                      built with ASan and UBSan
#   make fuzz          libFuzzer harnesses (clang-14), each run FUZZ_SECONDS
#   make install       PREFIX=/usr/local DESTDIR=: the binary, the styles
#                      and the man pages
#   make bench         time octavo (-O2, build/bench) on the manuscript
#                      and ten copies of it, against the Pango floor

PREFIX	?= /usr/local
BINDIR	 = $(PREFIX)/bin
DATADIR	 = $(PREFIX)/share/octavo
MANDIR	 = $(PREFIX)/share/man
BUILD	?= build
SANITIZE ?=

PKGS	 = libcmark pangocairo pangoft2 pango cairo harfbuzz fontconfig libzip \
	   icu-i18n icu-uc glib-2.0 zlib libdeflate libxxhash
TESTPKGS = check libqpdf

CFLAGS	?= -O2 -g
WARN	 = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wwrite-strings \
	   -Wmissing-prototypes
# Warnings are errors in the checks (and so in CI), not in a packager's
# build, whose compiler may warn of what this one did not.
WERROR	?= $(if $(filter check% regen,$(MAKECMDGOALS)),-Werror)
ALLCFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) $(WERROR) $(CFLAGS) \
	   -Isrc -DOCTAVO_DATADIR='"$(DATADIR)"' \
	   $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LIBS	 = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lhyphen -lm
ifneq ($(SANITIZE),)
ALLCFLAGS += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer \
	   -fno-sanitize-recover=all
LDSAN	 = -fsanitize=$(SANITIZE)
endif

# One object group per stage; main.c is the front end alone.
SRC	 = $(wildcard src/*.c src/*/*.c)
LIBSRC	 = $(filter-out src/main.c,$(SRC))
OBJ	 = $(SRC:%.c=$(BUILD)/obj/%.o)
LIBOBJ	 = $(LIBSRC:%.c=$(BUILD)/obj/%.o)
# The fuzz targets go into the unit tests too, which replay every input
# the fuzzers once crashed on (tests/fuzz/regress/).
TESTSRC	 = $(wildcard tests/unit/*.c) tests/fuzz/targets.c
TESTOBJ	 = $(TESTSRC:%.c=$(BUILD)/obj/%.o)

MANUSCRIPT = manuscript/edition.ini $(wildcard manuscript/names.txt) \
	   $(wildcard manuscript/sources/*) $(wildcard styles/*)

.PHONY: all deps test-deps edition check check-fast check-unit check-data \
	check-e2e check-bad check-valgrind check-sanitize regen fuzz \
	fuzz-build bench install clean
.DELETE_ON_ERROR:

all: deps
	@$(MAKE) --no-print-directory $(BUILD)/octavo edition

deps:
	@scripts/install-deps

test-deps:
	@scripts/install-deps --test

# Objects are built again when the flags change (a check's -Werror).
ifneq ($(file <$(BUILD)/flags),$(ALLCFLAGS))
$(shell mkdir -p $(BUILD))
$(file >$(BUILD)/flags,$(ALLCFLAGS))
endif

edition: $(BUILD)/edition.epub

# One run of octavo writes both outputs.
$(BUILD)/edition.epub $(BUILD)/edition.pdf &: $(BUILD)/octavo $(MANUSCRIPT)
	$(BUILD)/octavo build --epub $(BUILD)/edition.epub \
	    --pdf $(BUILD)/edition.pdf manuscript/edition.ini

$(BUILD)/octavo: $(OBJ)
	$(CC) $(LDSAN) -o $@ $(OBJ) $(LIBS)

$(BUILD)/obj/%.o: %.c $(BUILD)/flags
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(CC) $(ALLCFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/obj/tests/%.o: tests/%.c $(BUILD)/flags
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(CC) $(ALLCFLAGS) $(shell pkg-config --cflags $(TESTPKGS)) \
	    -Itests/unit -MMD -MP -c -o $@ $<

$(BUILD)/check_octavo: $(LIBOBJ) $(TESTOBJ)
	$(CC) $(LDSAN) -o $@ $(LIBOBJ) $(TESTOBJ) $(LIBS) \
	    $(shell pkg-config --libs $(TESTPKGS))

# A GLib critical (a function handed what it refuses) fails the test
# that meets it: in a build it is only printed, and the build goes on.
check check-fast check-unit check-data check-e2e check-bad \
    check-valgrind check-sanitize: export G_DEBUG = fatal-criticals

# Everything, with warnings as errors: what CI runs.
check: test-deps
	@$(MAKE) --no-print-directory check-unit check-data check-e2e \
	    check-bad check-valgrind check-sanitize

# What a change is tried with first: no JVM, no browser, no valgrind.
# The three suites share nothing, so they run side by side, each one's
# output kept together.
check-fast: test-deps
	@$(MAKE) --no-print-directory -j3 --output-sync=target \
	    check-unit check-data check-bad

check-unit: $(BUILD)/check_octavo
	cd tests/unit && CK_FORK=yes ../../$(BUILD)/check_octavo

check-data: $(BUILD)/octavo
	OCTAVO=$(BUILD)/octavo BUILD=$(BUILD) tests/data/run.sh

check-e2e: $(BUILD)/octavo
	OCTAVO=$(BUILD)/octavo BUILD=$(BUILD) tests/e2e/run.sh
	OCTAVO=$(BUILD)/octavo BUILD=$(BUILD) tests/e2e/corpus.sh
	OCTAVO=$(BUILD)/octavo BUILD=$(BUILD) tests/e2e/books.sh
	OCTAVO=$(BUILD)/octavo BUILD=$(BUILD) tests/e2e/reading.sh

check-bad: $(BUILD)/octavo
	OCTAVO=$(BUILD)/octavo BUILD=$(BUILD) tests/bad/run.sh

# tests/data/'s expectations, written anew from what octavo makes.
regen: $(BUILD)/octavo
	REGEN=1 OCTAVO=$(BUILD)/octavo BUILD=$(BUILD) tests/data/run.sh

# Whole builds under valgrind, the manuscript's (sources from the web)
# and the Markdown book's: no error, no definite leak.  PCRE's JIT is not
# used, since valgrind cannot see through it.
VALGRIND = valgrind -q --vgdb=no --error-exitcode=1 --leak-check=full \
	    --errors-for-leak-kinds=definite --show-leak-kinds=definite \
	    --suppressions=tests/valgrind.supp
check-valgrind: $(BUILD)/octavo
	$(VALGRIND) $(BUILD)/octavo build -q --epub $(BUILD)/valgrind.epub \
	    --pdf $(BUILD)/valgrind.pdf manuscript/edition.ini
	$(VALGRIND) $(BUILD)/octavo build -q --epub $(BUILD)/valgrind-md.epub \
	    --pdf $(BUILD)/valgrind-md.pdf tests/markdown-book/edition.ini
	@echo "valgrind: no error, no definite leak"

# fontconfig keeps its configuration until exit; tests/lsan.supp says so.
# Sanitized code runs several times slower: Check's timeouts grow to match.
# An octavo not installed finds styles/ beside its own tree: the sanitized
# one's tree is build/, which gets a link to them.
check-sanitize: test-deps
	@mkdir -p build && ln -sfn ../styles build/styles
	CK_TIMEOUT_MULTIPLIER=10 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
	UBSAN_OPTIONS=print_stacktrace=1 \
	$(MAKE) --no-print-directory BUILD=build/sanitize \
	    SANITIZE=address,undefined CFLAGS="-O1 -g" \
	    check-unit check-data check-e2e check-bad

# libFuzzer harnesses, built with clang-14 into build/fuzz (the stages
# and back ends they drive: no front end), then each run for
# FUZZ_SECONDS from its seeds in tests/fuzz/corpus/.  A crash is copied
# to tests/fuzz/regress/, which check-unit replays.
FUZZ_CC	?= clang-14
FUZZ_SECONDS ?= 60
# The stages the harnesses drive, and the back ends (for book).
STAGES	 = read normalize parse index out pdf epub
FUZZERS	 = normalize markdown manifest style names pages book finish
FUZZLIBSRC = $(filter-out src/main.c,$(wildcard src/*.c $(STAGES:%=src/%/*.c))) \
	   tests/fuzz/targets.c
FUZZLIBOBJ = $(FUZZLIBSRC:%.c=$(BUILD)/obj/%.o)

fuzz: fuzz-build
	FUZZ_SECONDS=$(FUZZ_SECONDS) tests/fuzz/run.sh build/fuzz $(FUZZERS)

fuzz-build:
	@scripts/install-deps --fuzz
	@$(MAKE) --no-print-directory BUILD=build/fuzz CC=$(FUZZ_CC) \
	    SANITIZE=address,undefined,fuzzer-no-link CFLAGS="-O1 -g" \
	    $(FUZZERS:%=build/fuzz/fuzz_%)

$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZLIBOBJ)
	@echo "  LINK    $@"
	@$(CC) $(ALLCFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZLIBOBJ) $(LIBS)

# The floor is built here only, never by `make`; see docs/PERFORMANCE.md.
BENCHRUNS ?= 5
bench: test-deps
	@$(MAKE) --no-print-directory BUILD=build/bench CFLAGS=-O2 \
	    build/bench/octavo build/bench/pango-floor
	scripts/bench build/bench/octavo build/bench/pango-floor $(BENCHRUNS)

build/bench/pango-floor: tools/pango-floor.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(CC) -std=c11 $(WARN) $(CFLAGS) $(shell pkg-config --cflags \
	    pangocairo) -o $@ $< $(shell pkg-config --libs pangocairo)

install: $(BUILD)/octavo
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/styles \
	    $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -m 755 $(BUILD)/octavo $(DESTDIR)$(BINDIR)/octavo
	install -m 644 styles/* $(DESTDIR)$(DATADIR)/styles/
	install -m 644 octavo.1 $(DESTDIR)$(MANDIR)/man1/octavo.1
	install -m 644 octavo-manuscript.5 \
	    $(DESTDIR)$(MANDIR)/man5/octavo-manuscript.5

clean:
	rm -rf build

-include $(OBJ:.o=.d) $(TESTOBJ:.o=.d)
