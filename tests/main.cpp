// Catch2's test runner: every other file in tests/ adds test cases to it.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
