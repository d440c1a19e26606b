// Wording and small parsers shared by the YAML readers (scenario files and
// events files): quoting found values, listing valid names, field paths,
// integers and clock times.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

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

std::string child_path(const std::string& path, const std::string& key);

}  // namespace vigil::yaml_text
