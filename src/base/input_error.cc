#include "base/input_error.h"

#include <fmt/format.h>

namespace vigil {

std::string InputError::headline() const {
  if (line <= 0) return fmt::format("{}: {}", file, message);
  if (column <= 0) return fmt::format("{}:{}: {}", file, line, message);
  return fmt::format("{}:{}:{}: {}", file, line, column, message);
}

std::string InputError::format() const {
  std::string out = headline();
  if (line > 0 && column > 0) {
    out += "\n  " + source_line + "\n  " + std::string(static_cast<std::size_t>(column - 1), ' ') + "^";
  }
  return out;
}

}  // namespace vigil
