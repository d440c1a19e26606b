// The scenario reader's document machinery (see io/scenario_document.h): the
// small parsers for durations and time points, a map's checked fields, and
// the value readers with their error wording. The wording is held word for
// word by tests/scenario_reader_test.cc and tests/reader_errors_test.cc.
#include "io/scenario_document.h"

#include <algorithm>
#include <set>
#include <string_view>

#include <fmt/format.h>

#include "base/name_suggestion.h"
#include "base/text.h"
#include "io/scenario_reader.h"
#include "io/yaml_text.h"
#include "model/wording.h"

namespace vigil::scenario_document {

using namespace yaml_text;  // NOLINT: the shared wording of both readers

namespace {

std::string index_path(const std::string& path, std::size_t i) { return fmt::format("{}[{}]", path, i); }

}  // namespace

std::optional<long long> parse_duration(const std::string& text) {
  std::string s;
  for (char c : lower(text))
    if (c != ' ') s += c;
  if (s.empty() || s.size() > 14) return std::nullopt;
  if (all_digits(s)) return parse_integer(s);
  long long total = 0;
  std::string_view rest = s;
  const auto h = rest.find('h');
  if (h != std::string_view::npos) {
    if (!all_digits(rest.substr(0, h))) return std::nullopt;
    total = *parse_integer(rest.substr(0, h)) * 60;
    rest = rest.substr(h + 1);
    if (rest.empty()) return total;
  }
  std::string_view unit;
  if (rest.size() > 3 && rest.substr(rest.size() - 3) == "min")
    unit = "min";
  else if (rest.size() > 1 && rest.back() == 'm')
    unit = "m";
  else
    return std::nullopt;
  const auto digits = rest.substr(0, rest.size() - unit.size());
  if (!all_digits(digits)) return std::nullopt;
  return total + *parse_integer(digits);
}

DocumentReader::DocumentReader(const std::string& text, std::string file) : file_(std::move(file)) {
  lines_ = split_lines(text);
  drop_byte_order_mark(lines_);
}

// ---- errors -------------------------------------------------------------------

void DocumentReader::fail_at(const YAML::Mark& at, const std::string& path, const std::string& message) const {
  throw Failure{error_at_mark(file_, lines_, at, path, message)};
}

void DocumentReader::fail(const Item& at, const std::string& message) const { fail_at(at.mark, at.path, message); }

void DocumentReader::expected(const Item& at, const std::string& what) const {
  fail(at, "expected " + what + ", got " + found(at.node));
}

void DocumentReader::syntax_error(const YAML::Exception& e) const {
  fail_at(e.mark, "", syntax_error_message(e, lines_));
}

// ---- values -------------------------------------------------------------------

std::string DocumentReader::text(const Item& it, const std::string& what) const {
  if (it.empty() || !it.node.IsScalar() || it.node.Scalar().empty()) expected(it, what);
  return it.node.Scalar();
}

std::string DocumentReader::name(const Item& it, const std::string& what) const {
  std::string s = text(it, what);
  if (const std::size_t length = utf8_length(s); length > kMaxNameLength)
    fail(it, fmt::format("expected {} of at most {} characters, got {}", what, kMaxNameLength, length));
  return s;
}

long long DocumentReader::integer(const Item& it, const std::string& what, long long lo, long long hi) const {
  if (it.empty() || !it.node.IsScalar()) expected(it, fmt::format("{} (a whole number)", what));
  const std::string& s = it.node.Scalar();
  auto v = parse_integer(s);
  if (!v && all_digits(s[0] == '-' ? std::string_view(s).substr(1) : std::string_view(s)))
    fail(it, fmt::format("expected {} from {} to {}, got {}", what, lo, hi, s));  // too long for a number
  if (!v) expected(it, fmt::format("{} (a whole number)", what));
  if (*v < lo || *v > hi) fail(it, fmt::format("expected {} from {} to {}, got {}", what, lo, hi, *v));
  return *v;
}

int DocumentReader::small_int(const Item& it, const std::string& what, int lo, int hi) const {
  return static_cast<int>(integer(it, what, lo, hi));
}

int DocumentReader::duration(const Item& it, const std::string& what, int lo, int hi) const {
  const std::string form = fmt::format("{} (a duration like 2h, 90min or 120 for minutes)", what);
  if (it.empty() || !it.node.IsScalar()) expected(it, form);
  auto v = parse_duration(it.node.Scalar());
  if (!v) expected(it, form);
  if (*v < lo || *v > hi)
    fail(it, fmt::format("expected {} from {} to {}, got {}", what, scenario_duration(lo),
                         scenario_duration(hi), quoted(it.node.Scalar())));
  return static_cast<int>(*v);
}

int DocumentReader::clock(const Item& it, const std::string& what) const {
  const std::string form = fmt::format("{} (a time of day like 06:00)", what);
  if (it.empty() || !it.node.IsScalar()) expected(it, form);
  auto v = parse_clock(it.node.Scalar());
  if (!v) expected(it, form);
  return *v;
}

int DocumentReader::time_point(const Item& it, const std::string& what, int lo, int hi,
                               const std::string& range_text) const {
  const std::string form = fmt::format("{} (a time like 'day 3 14:00' or 'day 3')", what);
  if (it.empty() || !it.node.IsScalar()) expected(it, form);
  auto t = parse_time_point(it.node.Scalar());
  if (!t) expected(it, form);
  const long long day = std::min<long long>(t->day, kScenarioMaxDays + 1);  // no overflow below
  const long long minute =
      day * kMinutesPerDay + (t->clock ? (*t->clock - changeover_ + kMinutesPerDay) % kMinutesPerDay : 0);
  if (minute < lo || minute > hi)
    fail(it, fmt::format("expected {}, got {}", range_text, quoted(it.node.Scalar())));
  return static_cast<int>(minute);
}

bool DocumentReader::boolean(const Item& it) const {
  if (!it.empty() && it.node.IsScalar()) {
    const std::string s = lower(it.node.Scalar());
    if (s == "true" || s == "yes" || s == "on") return true;
    if (s == "false" || s == "no" || s == "off") return false;
  }
  expected(it, "true or false");
}

int DocumentReader::choice(const Item& it, const std::string& what, const std::vector<std::string>& names,
                           bool ignore_case) const {
  if (!it.empty() && it.node.IsScalar()) {
    const std::string s = ignore_case ? lower(it.node.Scalar()) : it.node.Scalar();
    for (std::size_t i = 0; i < names.size(); ++i)
      if (names[i] == s) return static_cast<int>(i);
    fail(it, fmt::format("expected {}{}, got {}{}", what, listing(names), quoted(it.node.Scalar()),
                         did_you_mean(it.node.Scalar(), names)));
  }
  expected(it, what + listing(names));
}

std::vector<Item> DocumentReader::list(const Item& it, const std::string& what, bool null_is_empty) const {
  if (null_is_empty && it.empty()) return {};
  if (it.empty() || !it.node.IsSequence()) expected(it, what);
  std::vector<Item> out;
  std::size_t i = 0;
  for (auto e = it.node.begin(); e != it.node.end(); ++e, ++i) {
    const YAML::Node element = *e;
    const YAML::Mark m = element.Mark();
    out.push_back(Item{element, m.line >= 0 ? m : it.mark, index_path(it.path, i), true});
  }
  return out;
}

std::vector<std::pair<Item, Item>> DocumentReader::entries(const Item& it, const std::string& what,
                                                           const std::string& noun) const {
  if (it.empty() || !it.node.IsMap()) expected(it, what);
  std::vector<std::pair<Item, Item>> out;
  std::set<std::string> seen;
  for (auto e = it.node.begin(); e != it.node.end(); ++e) {
    const YAML::Node key = e->first;
    const YAML::Node value = e->second;
    Item key_item{key, key.Mark(), it.path, true};
    if (!key.IsScalar()) expected(key_item, "a " + noun);
    const std::string path = child_path(it.path, key.Scalar());
    if (!seen.insert(key.Scalar()).second)
      fail(Item{key, key.Mark(), path, true}, fmt::format("expected each {} once, got {} a second time", noun, quoted(key.Scalar())));
    out.emplace_back(Item{key, key.Mark(), path, true},
                     Item{value, value.IsNull() ? key.Mark() : value.Mark(), path, true});
  }
  return out;
}

// ---- fields -------------------------------------------------------------------

Fields::Fields(const DocumentReader& reader, const Item& item, const std::string& what,
               const std::vector<std::string>& allowed, bool null_is_empty,
               const std::vector<std::pair<std::string, std::string>>& aliases, const std::string& field_phrase)
    : reader_(reader), item_(item) {
  if (item.empty() && null_is_empty) return;
  if (item.empty() || !item.node.IsMap()) reader.expected(item, what + " (a map of fields)");
  for (auto e = item.node.begin(); e != item.node.end(); ++e) {
    const YAML::Node key = e->first;
    const YAML::Node value = e->second;
    if (!key.IsScalar()) reader.expected(Item{key, key.Mark(), item.path, true}, "a field name");
    const std::string& name = key.Scalar();
    const Item key_item{key, key.Mark(), child_path(item.path, name), true};
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      std::string hint = did_you_mean(name, allowed);
      for (const auto& [alias, field] : aliases)
        if (hint.empty() && alias == name) hint = "; did you mean '" + field + "'?";
      reader.fail(key_item, fmt::format("expected {} ({}), got {}{}",
                                        field_phrase.empty() ? "a field of " + what : field_phrase, or_list(allowed),
                                        quoted(name), hint));
    }
    if (!values_.emplace(name, std::make_pair(key, value)).second)
      reader.fail(key_item, fmt::format("expected each field once, got {} a second time", quoted(name)));
  }
}

Item Fields::get(const std::string& key) const {
  auto it = values_.find(key);
  if (it == values_.end()) return Item{YAML::Node(), item_.mark, child_path(item_.path, key), false};
  const YAML::Node& k = it->second.first;
  const YAML::Node& v = it->second.second;
  return Item{v, v.IsNull() ? k.Mark() : v.Mark(), child_path(item_.path, key), true};
}

Item Fields::require(const std::string& key, const std::string& expected) const {
  Item it = get(key);
  if (it.empty()) reader_.expected(it, expected);
  return it;
}

}  // namespace vigil::scenario_document
