// Reader for the nurse-rostering benchmark's plain-text instances
// (Curtois & Qu, Instances 1-24; layout in shared/benchmarks/nrp/FORMAT.md).
#pragma once

#include <string>

#include "base/input_error.h"
#include "model/problem.h"

namespace vigil {

// Parses `text` as if read from `file_name` (used in error messages).
Result<Problem> parse_nrp_instance(const std::string& text, const std::string& file_name);
Result<Problem> read_nrp_instance(const std::string& path);

}  // namespace vigil
