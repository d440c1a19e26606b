// Wording and small parsers shared by the YAML readers (see yaml_text.h).
#include "io/yaml_text.h"

#include <algorithm>
#include <charconv>
#include <sstream>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>

#include "base/text.h"

namespace vigil::yaml_text {

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// "a, b or c"
std::string or_list(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

// " (a, b or c)" when the list is short enough to print, else "".
std::string listing(const std::vector<std::string>& names) {
  if (names.empty() || names.size() > kMaxListed) return "";
  return " (" + or_list(names) + ")";
}

// Appending piece by piece: GCC 12 warns wrongly (-Wrestrict) on "'" + string.
static std::string wrap(std::string_view body, const char* tail) {
  std::string out;
  out.reserve(body.size() + 5);
  out += '\'';
  out += body;
  out += tail;
  return out;
}

// 'text', cut to 40 characters (not bytes: UTF-8 stays whole).
std::string quoted(const std::string& text) {
  constexpr int kMax = 40;
  int chars = 0;
  std::size_t cut = text.size();
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (++chars == kMax - 2) cut = i;  // where "..." would start
    if (chars > kMax) return wrap(std::string_view(text).substr(0, cut), "...'");
  }
  return wrap(text, "'");
}

// What a node holds, for "got ...".
std::string found(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return "nothing";
  if (node.IsScalar()) return quoted(node.Scalar());
  if (node.IsSequence()) return "a list";
  if (node.IsMap()) return "a map";
  return "something else";
}

std::optional<long long> parse_integer(std::string_view s) {
  if (s.empty() || s.size() > 18) return std::nullopt;
  long long v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "06:00" or "6:00" -> minute of the day.
std::optional<int> parse_clock(const std::string& text) {
  const auto colon = text.find(':');
  if (colon == std::string::npos || colon == 0 || colon > 2 || text.size() != colon + 3) return std::nullopt;
  const std::string_view s = text;
  if (!all_digits(s.substr(0, colon)) || !all_digits(s.substr(colon + 1))) return std::nullopt;
  const auto h = *parse_integer(s.substr(0, colon));
  const auto m = *parse_integer(s.substr(colon + 1));
  if (h > 23 || m > 59) return std::nullopt;
  return static_cast<int>(h * 60 + m);
}

std::string child_path(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }

InputError error_at_mark(const std::string& file, const std::vector<std::string>& lines, YAML::Mark mark,
                         const std::string& path, const std::string& message) {
  InputError e;
  e.file = file;
  e.message = path.empty() ? message : path + ": " + message;
  if (mark.line >= 0 && !lines.empty() && static_cast<std::size_t>(mark.line) + 1 >= lines.size()) {
    std::size_t last = std::min(static_cast<std::size_t>(mark.line), lines.size() - 1);
    if (static_cast<std::size_t>(mark.line) >= lines.size() || lines[last].empty()) {
      while (last > 0 && lines[last].find_first_not_of(" \t") == std::string::npos) --last;
      if (!lines[last].empty()) {
        mark.line = static_cast<int>(last);
        mark.column = static_cast<int>(lines[last].size());
      }
    }
  }
  if (mark.line >= 0) {
    e.line = mark.line + 1;
    if (static_cast<std::size_t>(mark.line) < lines.size()) e.source_line = lines[static_cast<std::size_t>(mark.line)];
    int column = 1;
    for (int b = 0; b < mark.column; ++b) {
      const bool continuation = static_cast<std::size_t>(b) < e.source_line.size() &&
                                (static_cast<unsigned char>(e.source_line[static_cast<std::size_t>(b)]) & 0xC0) == 0x80;
      if (!continuation) ++column;
    }
    e.column = column;
  }
  return e;
}

std::string syntax_error_message(const YAML::Exception& e, const std::vector<std::string>& lines) {
  if (const auto* deep = dynamic_cast<const YAML::DeepRecursion*>(&e))
    return fmt::format("expected valid YAML, got lists or maps nested {} deep", deep->depth());
  std::string hint;
  std::string line;
  if (e.mark.line >= 0 && static_cast<std::size_t>(e.mark.line) < lines.size())
    line = lines[static_cast<std::size_t>(e.mark.line)];
  if (line.find('\t') != std::string::npos)
    hint = "; indent with spaces, not tabs";
  else if (e.msg == "illegal map value")
    hint = "; check the indentation, and put a value that holds ': ' in quotes";
  else if (e.msg == "end of map not found")
    hint = "; check the indentation, and that every quote is closed";
  else if (e.msg == "end of map flow not found")
    hint = "; a '{' is not closed by '}'";
  else if (e.msg == "end of sequence flow not found")
    hint = "; a '[' is not closed by ']'";
  else if (e.msg == "unexpected ','")
    hint = "; a ',' separates items only inside [ ] or { }";
  return "expected valid YAML, got a syntax error: " + e.msg + hint;
}

namespace {

// Where each document of a stream starts; nothing else is kept.
class DocumentStarts : public YAML::EventHandler {
 public:
  YAML::Mark last, before_last;
  void OnDocumentStart(const YAML::Mark& mark) override {
    before_last = last;
    last = mark;
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

}  // namespace

std::vector<YAML::Node> load_documents(const std::string& text) {
  // A document that reads nothing leaves the next one to start at the same
  // place, and so on for ever: that is the loop to stop.
  std::istringstream stream(text);
  YAML::Parser parser(stream);
  DocumentStarts starts;
  for (int docs = 1; parser.HandleNextDocument(starts); ++docs)
    if (docs > 1 && starts.last.pos == starts.before_last.pos) {
      const auto at = static_cast<std::size_t>(starts.last.pos);
      throw YAML::ParserException(starts.last, "unexpected '" + (at < text.size() ? text.substr(at, 1) : "") + "'");
    }
  return YAML::LoadAll(text);
}

std::optional<TimePoint> parse_time_point(const std::string& text) {
  const std::vector<std::string> words = split_words(text);
  if (words.size() < 2 || words.size() > 3 || lower(words[0]) != "day" || !all_digits(words[1])) return std::nullopt;
  TimePoint t;
  auto day = parse_integer(words[1]);
  if (!day) return std::nullopt;
  t.day = *day;
  if (words.size() == 3) {
    t.clock = parse_clock(words[2]);
    if (!t.clock) return std::nullopt;
  }
  return t;
}

}  // namespace vigil::yaml_text
