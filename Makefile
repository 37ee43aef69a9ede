# zkl1 — top-level entry points. See README.md.
#   make        build build/zkl1 (release, with debug info)
#   make run    the main job end to end on bundled data
#   make test   every test, under ASan+UBSan, plus the conformance runs
FIXTURES ?= $(abspath ../shared/fixtures)
JOBS ?= $(shell nproc)
BUILD := build
ASAN_BUILD := build-asan

.PHONY: all setup build run test clean fixtures

all: build

setup:
	@scripts/setup.sh

build: setup
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_C_COMPILER=clang -DZK_FIXTURES_DIR=$(FIXTURES) >/dev/null
	@ninja -C $(BUILD) -j $(JOBS)

fixtures: build
	@scripts/unpack-fixtures.sh "$(FIXTURES)" $(BUILD)/fixtures

run: fixtures
	@scripts/run.sh $(BUILD)

test: setup fixtures
	@cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_C_COMPILER=clang -DZK_SANITIZE=ON \
	  -DZK_FIXTURES_DIR=$(FIXTURES) -DZK_FIXTURES_UNPACKED=$(abspath $(BUILD)/fixtures) >/dev/null
	@ninja -C $(ASAN_BUILD) -j $(JOBS)
	@cd $(ASAN_BUILD) && ctest --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
