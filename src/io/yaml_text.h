// Wording and small parsers shared by the YAML readers (scenario files and
// events files): loading the documents, quoting found values, listing valid
// names, field paths, integers and clock times, and where in the file an
// error is.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "base/input_error.h"

namespace vigil::yaml_text {

// Longer lists of valid names are not spelt out in errors.
inline constexpr std::size_t kMaxListed = 12;

std::string lower(std::string s);

// "a, b or c"
std::string or_list(const std::vector<std::string>& names);

// " (a, b or c)" when the list is short enough to print, else "".
std::string listing(const std::vector<std::string>& names);

// 'text', cut to 40 characters (not bytes: UTF-8 stays whole).
std::string quoted(const std::string& text);

// What a node holds, for "got ...".
std::string found(const YAML::Node& node);

std::optional<long long> parse_integer(std::string_view s);

bool all_digits(std::string_view s);

// "06:00" or "6:00" -> minute of the day.
std::optional<int> parse_clock(const std::string& text);

// A time in the scenario notation: "day 3" (its changeover) or "day 3 14:00".
struct TimePoint {
  long long day = 0;
  std::optional<int> clock;
};
std::optional<TimePoint> parse_time_point(const std::string& text);

std::string child_path(const std::string& path, const std::string& key);

// The error at a YAML mark in a file of `lines`: "path: message" with the
// line, the column counted in characters (not bytes, so the caret lands under
// UTF-8 text) and the source line. A mark at the very end of the file (an
// unclosed bracket) points just after the last text instead.
InputError error_at_mark(const std::string& file, const std::vector<std::string>& lines, YAML::Mark at,
                         const std::string& path, const std::string& message);

// "expected valid YAML, got a syntax error: ..." for a yaml-cpp parse
// failure, with a hint for the usual causes (tabs, an unquoted ': ', an
// unclosed bracket or quote), or the nesting depth for one nested too deep.
std::string syntax_error_message(const YAML::Exception& e, const std::vector<std::string>& lines);

// The documents of `text`, as YAML::LoadAll reads them, or its exception.
// yaml-cpp 0.7 never ends on a ',' outside brackets after a document's top
// value (the one-byte file ","): it makes empty documents at the ',' until
// memory runs out (jbeder/yaml-cpp#1040, fixed in 0.8). A first pass stops
// there and throws YAML::ParserException "unexpected ','" at it instead.
std::vector<YAML::Node> load_documents(const std::string& text);

}  // namespace vigil::yaml_text
