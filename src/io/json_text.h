// Reading JSON text for the file readers (plans, rosters): the document, or
// the InputError they return. A syntax error points at its line and column
// (counted in characters) with the line for the caret; a number out of the
// range of a double (1e400) is an error at the number, not an abort.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "base/input_error.h"

namespace vigil {

Result<nlohmann::json> parse_json_text(const std::string& text, const std::string& file);

}  // namespace vigil
