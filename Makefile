# The two entry points of the README: `make demo` and `make test`.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
DEMO_DB ?= $(BUILD_DIR)/demo.db
PREFIX ?= /usr/local

.PHONY: deps build demo test install deb clean format

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

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# Binaries, dictionary, man pages, bash completion and libarchivar into $(PREFIX).
install: build
	cmake --install $(BUILD_DIR) --prefix $(PREFIX)

# A Debian package (build/archivar_VERSION_ARCH.deb) for dpkg -i.
deb: build
	cd $(BUILD_DIR) && cpack -G DEB

format:
	clang-format -i $$(git ls-files '*.cpp' '*.h')

clean:
	rm -rf $(BUILD_DIR)
