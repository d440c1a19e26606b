// Whole-file reads and writes. A write goes to a temporary file beside the
// target and is renamed over it once complete, so a reader (or a kill at any
// moment) sees either the old file or the new one, never a cut one.
#pragma once

#include <optional>
#include <string>

namespace vigil {

// The whole file as bytes, or nullopt when it cannot be opened.
std::optional<std::string> read_text_file(const std::string& path);

// Writes `text` to `path` atomically (temporary file, flush, rename). Returns
// an error message naming the path, or "" on success.
std::string write_file(const std::string& path, const std::string& text);

}  // namespace vigil
