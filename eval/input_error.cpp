#include "eval/input_error.h"

#include <fmt/format.h>

namespace archivar::eval {

namespace {

std::string describe(const std::string& file, std::size_t line, const std::string& message) {
  if (line == 0) return fmt::format("{}: {}", file, message);
  return fmt::format("{}:{}: {}", file, line, message);
}

}  // namespace

InputError::InputError(std::string file, std::size_t line, const std::string& message)
    : std::runtime_error(describe(file, line, message)), file_(std::move(file)), line_(line) {}

}  // namespace archivar::eval
