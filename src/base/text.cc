// The text helpers of base/text.h.
#include "base/text.h"

#include <algorithm>

#include <fmt/format.h>

namespace vigil {

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
    if (end == text.size()) break;
    pos = end + 1;
  }
  return lines;
}

void drop_byte_order_mark(std::vector<std::string>& lines) {
  if (!lines.empty() && lines[0].rfind("\xEF\xBB\xBF", 0) == 0) lines[0].erase(0, 3);
}

std::vector<std::string> split_csv(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::optional<std::vector<std::uint64_t>> parse_number_list(const std::string& text, std::string& error) {
  std::vector<std::uint64_t> out;
  auto parse_one = [&](const std::string& s, std::uint64_t& v) {
    if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos || s.size() > 18) {
      error = fmt::format("expected a number, got '{}'", s);
      return false;
    }
    v = std::stoull(s);
    return true;
  };
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    const std::string item = text.substr(start, end - start);
    const std::size_t dash = item.find('-');
    std::uint64_t lo = 0, hi = 0;
    if (dash == std::string::npos) {
      if (!parse_one(item, lo)) return std::nullopt;
      hi = lo;
    } else {
      if (!parse_one(item.substr(0, dash), lo) || !parse_one(item.substr(dash + 1), hi)) return std::nullopt;
      if (hi < lo) {
        error = fmt::format("expected a range LOW-HIGH with LOW <= HIGH, got '{}'", item);
        return std::nullopt;
      }
      if (hi - lo > 100000) {
        error = fmt::format("range '{}' is too long", item);
        return std::nullopt;
      }
    }
    for (std::uint64_t v = lo; v <= hi; ++v)
      if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
    start = end + 1;
  }
  return out;
}

std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text + " ") {
    if (c == ' ' || c == '\t') {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  return words;
}

}  // namespace vigil
