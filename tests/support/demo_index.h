// The bundled demo corpus indexed once per test process, for integration tests that
// search it with the real binaries.
#pragma once

#include <string>

namespace archivar::test {

/// Path of a database holding corpus/demo, built with archivar-index on first use.
const std::string& demo_database();

}  // namespace archivar::test
