# The two entry points of the README: `make demo` and `make test`.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
DEMO_DB ?= $(BUILD_DIR)/demo.db
PREFIX ?= /usr/local
# Sanitizer and fuzzing builds live beside the normal one (see test-asan and fuzz).
ASAN_DIR ?= build-asan
TSAN_DIR ?= build-tsan
CLANG_DIR ?= build-clang
FUZZ_DIR ?= build-fuzz
FUZZ_SECONDS ?= 120
# A sanitizer report fails the process with an exit status no binary uses (the tests check
# 0, 1, 2 and 3), and LeakSanitizer's too.
SANITIZER_ENV = ASAN_OPTIONS=exitcode=97:detect_leaks=1:strict_string_checks=1 \
  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/sanitizers/lsan.supp \
  UBSAN_OPTIONS=exitcode=98:halt_on_error=1:print_stacktrace=1 \
  TSAN_OPTIONS=exitcode=99:halt_on_error=1:second_deadlock_stack=1:suppressions=$(CURDIR)/tests/sanitizers/tsan.supp

.PHONY: deps build demo test test-quick install deb clean format build-clang test-asan test-tsan fuzz

deps:
	./scripts/install-deps

build: deps
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD_DIR) -j $(JOBS)

demo: build
	rm -rf $(DEMO_DB)
	$(BUILD_DIR)/bin/archivar-index --db $(DEMO_DB) corpus/demo
	$(BUILD_DIR)/bin/archivar-search --db $(DEMO_DB) --color always --limit 3 Außenminister Ukraine-Krise
	$(BUILD_DIR)/bin/archivar-search --db $(DEMO_DB) --limit 3 --sort -date '"Deutsche Bahn" OR Strassenbahn'

# The README's test command, which CI runs: every test on the Release build, then the
# sanitizer suites (test-asan). test-quick is the first part alone, for the edit loop.
test: test-quick test-asan

test-quick: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# Binaries, dictionary, man pages, bash completion and libarchivar into $(PREFIX).
install: build
	cmake --install $(BUILD_DIR) --prefix $(PREFIX)

# A Debian package (build/archivar_VERSION_ARCH.deb) for dpkg -i.
deb: build
	cd $(BUILD_DIR) && cpack -G DEB

# The tree built with clang (Debian's clang 14), which libFuzzer needs.
build-clang: deps
	cmake -S . -B $(CLANG_DIR) -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=clang++
	cmake --build $(CLANG_DIR) -j $(JOBS)

# Every test under AddressSanitizer and UndefinedBehaviorSanitizer, then the tests that
# run analysis threads under ThreadSanitizer.
test-asan: deps
	cmake -S . -B $(ASAN_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DARCHIVAR_SANITIZE=address,undefined
	cmake --build $(ASAN_DIR) -j $(JOBS)
	cd $(ASAN_DIR) && $(SANITIZER_ENV) ctest --output-on-failure -j $(JOBS)
	$(MAKE) test-tsan

test-tsan: deps
	cmake -S . -B $(TSAN_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DARCHIVAR_SANITIZE=thread
	cmake --build $(TSAN_DIR) -j $(JOBS) --target archivar-tests archivar-index archivar-search
	cd $(TSAN_DIR) && $(SANITIZER_ENV) bin/archivar-tests '[parallel],[integration][index]'

# Each fuzz target for FUZZ_SECONDS under libFuzzer with ASan and UBSan (clang), one after
# the other, starting from its corpus in tests/fuzz/corpus; findings go to $(FUZZ_DIR)/findings.
fuzz:
	./scripts/install-deps fuzz
	cmake -S . -B $(FUZZ_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
	  -DARCHIVAR_FUZZ=ON -DARCHIVAR_SANITIZE=address,undefined,fuzzer-no-link
	cmake --build $(FUZZ_DIR) -j $(JOBS) --target fuzz-targets
	./scripts/run-fuzzers $(FUZZ_DIR) $(FUZZ_SECONDS)

format:
	clang-format -i $$(git ls-files '*.cpp' '*.h')

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR) $(TSAN_DIR) $(CLANG_DIR) $(FUZZ_DIR)
