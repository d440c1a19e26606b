// JSON text to a document or a readable error (see json_text.h).
#include "io/json_text.h"

#include "base/text.h"

#include <algorithm>

namespace vigil {
namespace {

// The error at byte `at` of `text`: its line, its column in characters and
// the line itself for the caret.
InputError error_at_byte(const std::string& text, const std::string& file, std::size_t at, const std::string& message) {
  at = std::min(at, text.size());
  const std::size_t before = at == 0 ? std::string::npos : text.rfind('\n', at - 1);
  const std::size_t line_start = before == std::string::npos ? 0 : before + 1;
  const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(line_start), '\n'));
  int column = 1;
  for (std::size_t i = line_start; i < at; ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  std::size_t line_end = text.find('\n', line_start);
  if (line_end == std::string::npos) line_end = text.size();
  std::string source = text.substr(line_start, line_end - line_start);
  if (!source.empty() && source.back() == '\r') source.pop_back();
  return InputError{file, line, column, message, source};
}

// nlohmann's words after its "[json.exception...] parse error at ...: " prefix.
std::string plain_words(const std::string& what) {
  std::string out = what;
  if (const auto p = out.find("parse error"); p != std::string::npos)
    if (const auto colon = out.find(": ", p); colon != std::string::npos) return out.substr(colon + 2);
  if (const auto bracket = out.find("] "); out.rfind("[json.exception", 0) == 0 && bracket != std::string::npos)
    return out.substr(bracket + 2);
  return out;
}

}  // namespace

Result<nlohmann::json> parse_json_text(const std::string& raw_text, const std::string& file) {
  auto checked = text_input(raw_text, file);
  if (!checked) return checked.error();
  const std::string& text = *checked;
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    return error_at_byte(text, file, e.byte > 0 ? e.byte - 1 : 0, "expected valid JSON: " + plain_words(e.what()));
  } catch (const nlohmann::json::exception& e) {
    // A number too large for a double ("number overflow parsing '1e400'"):
    // point at the number when it can be found.
    const std::string words = plain_words(e.what());
    std::size_t at = 0;
    if (const auto open = words.find('\''); open != std::string::npos)
      if (const auto close = words.find('\'', open + 1); close != std::string::npos)
        at = text.find(words.substr(open + 1, close - open - 1));
    if (at == std::string::npos) at = 0;
    return error_at_byte(text, file, at, "expected a number within range, got " + words);
  }
}

}  // namespace vigil
