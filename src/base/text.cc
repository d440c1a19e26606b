// The text helpers of base/text.h.
#include "base/text.h"

#include <algorithm>
#include <unordered_set>

#include <fmt/format.h>

namespace vigil {

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = byte(i);
    if (c < 0x80) {
      ++i;
      continue;
    }
    // The length of the sequence and the range of its second byte (RFC 3629
    // table), which rules out overlong forms, surrogates and > U+10FFFF.
    std::size_t length = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) length = 2;
    else if (c == 0xE0) length = 3, lo = 0xA0;
    else if (c >= 0xE1 && c <= 0xEC) length = 3;
    else if (c == 0xED) length = 3, hi = 0x9F;
    else if (c >= 0xEE && c <= 0xEF) length = 3;
    else if (c == 0xF0) length = 4, lo = 0x90;
    else if (c >= 0xF1 && c <= 0xF3) length = 4;
    else if (c == 0xF4) length = 4, hi = 0x8F;
    else return i;
    if (i + length > text.size()) return i;
    if (byte(i + 1) < lo || byte(i + 1) > hi) return i;
    for (std::size_t k = 2; k < length; ++k)
      if ((byte(i + k) & 0xC0) != 0x80) return i;
    i += length;
  }
  return std::nullopt;
}

std::size_t utf8_length(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

Result<std::string> text_input(std::string text, const std::string& file) {
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  const auto bad = first_invalid_utf8(text);
  if (!bad) return text;
  const std::size_t line_start = *bad == 0 ? 0 : text.rfind('\n', *bad - 1) + 1;  // npos + 1 == 0
  const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(line_start), '\n'));
  const int column = 1 + static_cast<int>(utf8_length(std::string_view(text).substr(line_start, *bad - line_start)));
  std::size_t line_end = text.find('\n', line_start);
  if (line_end == std::string::npos) line_end = text.size();
  std::string source = text.substr(line_start, line_end - line_start);
  if (!source.empty() && source.back() == '\r') source.pop_back();
  // The line is shown under the message, which may end up in JSON (the
  // server's replies): its bytes that are not UTF-8 are shown as '?'.
  while (const auto at = first_invalid_utf8(source)) source[*at] = '?';
  return InputError{file, line, column,
                    fmt::format("expected UTF-8 text, got the byte 0x{:02X}", static_cast<unsigned char>(text[*bad])),
                    source};
}

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
  std::unordered_set<std::uint64_t> seen;  // (a job array's list runs to 100000 numbers)
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
      if (seen.insert(v).second) out.push_back(v);
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
