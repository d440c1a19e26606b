// The language catalogs of report/catalogs.h: read once from the compiled-in
// web/i18n files, then looked up by the sheets and calendars.
#include "report/catalogs.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <span>

#include <fmt/format.h>

namespace vigil {

namespace {

using nlohmann::json;

// A whole number within what an int holds, or nullopt (7.5, 1e12).
std::optional<long long> whole(double value) {
  if (!std::isfinite(value) || std::fabs(value) > 1e15 || value != std::floor(value)) return std::nullopt;
  return static_cast<long long>(value);
}

bool holds(const json& list, long long n) {
  if (!list.is_array()) return false;
  for (const json& item : list)
    if (item.is_number_integer() && item.get<long long>() == n) return true;
  return false;
}

// Whether every condition of one plural rule (see catalogs.h) holds for `value`.
bool rule_takes(const json& rule, double value) {
  const std::optional<long long> n = whole(value);
  if (rule.contains("fraction") && rule["fraction"] == true && n) return false;
  for (const char* condition : {"is", "mod10", "not_mod100"}) {
    if (!rule.contains(condition)) continue;
    if (!n) return false;
    const long long m = *n < 0 ? -*n : *n;
    const json& list = rule[condition];
    if (condition == std::string_view("is") && !holds(list, *n)) return false;
    if (condition == std::string_view("mod10") && !holds(list, m % 10)) return false;
    if (condition == std::string_view("not_mod100") && holds(list, m % 100)) return false;
  }
  return true;
}

using Args = std::span<const std::pair<std::string_view, std::string>>;

// Each {name} of `text` with its value from `args`, in one pass (a value
// holding braces, such as a place named "{n}", is never filled in again).
std::string fill(std::string_view text, Args args) {
  std::string out;
  out.reserve(text.size() + 16);
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t close = text[i] == '{' ? text.find('}', i) : std::string_view::npos;
    if (close != std::string_view::npos) {
      const std::string_view name = text.substr(i + 1, close - i - 1);
      const auto arg = std::find_if(args.begin(), args.end(), [&](const auto& a) { return a.first == name; });
      if (arg != args.end()) {
        out += arg->second;
        i = close + 1;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

struct Catalogs {
  std::vector<std::string> codes;       // languages.json's order, each with a catalog
  std::map<std::string, Catalog, std::less<>> by_code;  // map: the addresses stay put
};

// A catalog file's entries; an object always (a file that is not one is read
// as empty, so every word falls back to English; tests/catalogs_test.cc
// keeps every shipped file whole).
json parse_object(std::string_view text) {
  json parsed = json::parse(text, nullptr, false);
  return parsed.is_object() ? parsed : json::object();
}

const Catalogs& catalogs() {
  static const Catalogs all = [] {
    std::map<std::string, std::string_view> files;  // code -> text
    json languages = json::array();
    for (const EmbeddedFile& f : embedded_catalog_files()) {
      const std::string path = f.path;
      const std::string name = path.substr(path.rfind('/') + 1);
      if (name == "languages.json")
        languages = json::parse(f.text(), nullptr, false);
      else
        files[name.substr(0, name.size() - 5)] = f.text();  // "uk.json" -> "uk"
    }
    Catalogs out;
    auto english = files.find("en");
    const auto& en = out.by_code
                         .emplace("en", Catalog("en", parse_object(english == files.end() ? "{}" : english->second), nullptr))
                         .first->second;
    out.codes.push_back("en");
    if (!languages.is_array()) return out;
    for (const json& language : languages) {
      if (!language.is_object() || !language.contains("code") || !language["code"].is_string()) continue;
      const std::string code = language["code"].get<std::string>();
      const auto file = files.find(code);
      if (code == "en" || file == files.end()) continue;
      out.by_code.emplace(code, Catalog(code, parse_object(file->second), &en));
      out.codes.push_back(code);
    }
    return out;
  }();
  return all;
}

}  // namespace

Catalog::Catalog(std::string code, json entries, const Catalog* fallback)
    : code_(std::move(code)), entries_(std::move(entries)), fallback_(fallback) {}

const json* Catalog::find(std::string_view key, const Catalog** owner) const {
  const auto it = entries_.find(key);
  if (it != entries_.end()) {
    if (owner) *owner = this;
    return &*it;
  }
  return fallback_ ? fallback_->find(key, owner) : nullptr;
}

bool Catalog::has(std::string_view key) const { return find(key) != nullptr; }

std::string Catalog::text(std::string_view key, TextArgs args) const {
  const json* entry = find(key);
  if (!entry || !entry->is_string()) return std::string(key);
  return fill(entry->get_ref<const std::string&>(), Args(args.begin(), args.size()));
}

std::string Catalog::plural_form(double value) const {
  const json* rules = find("plural.rules");
  if (rules && rules->is_array())
    for (const json& rule : *rules)
      if (rule.is_object() && rule.contains("form") && rule["form"].is_string() && rule_takes(rule, value))
        return rule["form"].get<std::string>();
  return "other";
}

std::string Catalog::count(std::string_view key, double count, TextArgs args) const {
  const Catalog* owner = this;
  const json* forms = find(key, &owner);
  if (!forms || !forms->is_object()) return std::string(key);
  // The forms and the rules that name them come from the same language.
  auto form = forms->find(owner->plural_form(count));
  if (form == forms->end() || !form->is_string()) form = forms->find("other");
  if (form == forms->end() || !form->is_string()) return std::string(key);
  std::vector<std::pair<std::string_view, std::string>> all{{"n", owner->number(count)}};
  all.insert(all.end(), args.begin(), args.end());
  return fill(form->get_ref<const std::string&>(), all);
}

std::string Catalog::number(double value) const {
  if (const auto n = whole(value)) return fmt::format("{}", *n);
  std::string out = fmt::format("{:.1f}", value);
  const json* mark = find("number.decimal");
  if (mark && mark->is_string()) out.replace(out.find('.'), 1, mark->get<std::string>());
  return out;
}

std::string Catalog::array_item(std::string_view key, int index) const {
  const json* list = find(key);
  if (!list || !list->is_array() || index < 0 || index >= static_cast<int>(list->size()) ||
      !(*list)[static_cast<std::size_t>(index)].is_string())
    return fmt::format("{}[{}]", key, index);
  return (*list)[static_cast<std::size_t>(index)].get<std::string>();
}

std::string Catalog::weekday(int weekday) const { return array_item("date.weekdays", ((weekday % 7) + 7) % 7); }

std::string Catalog::date(const CalendarDate& date) const {
  return text("date.format", {{"year", fmt::format("{:04}", date.year)},
                              {"mm", fmt::format("{:02}", date.month)},
                              {"dd", fmt::format("{:02}", date.day)},
                              {"d", fmt::format("{}", date.day)},
                              {"month", array_item("date.months", date.month - 1)}});
}

std::string Catalog::date_with_weekday(const CalendarDate& date) const {
  return text("date.with_weekday", {{"weekday", weekday(date.weekday())}, {"date", this->date(date)}});
}

std::string Catalog::list(const std::vector<std::string>& items) const {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += text(i + 1 == items.size() ? "list.last" : "list.separator");
    out += items[i];
  }
  return out;
}

const Catalog& english_catalog() { return catalogs().by_code.find("en")->second; }

const Catalog* find_catalog(std::string_view code) {
  const auto& all = catalogs().by_code;
  const auto it = all.find(code);
  return it == all.end() ? nullptr : &it->second;
}

const std::vector<std::string>& catalog_codes() { return catalogs().codes; }

std::string catalog_code_error(std::string_view code) {
  if (find_catalog(code)) return {};
  std::string codes;
  for (const std::string& c : catalog_codes()) codes += (codes.empty() ? "" : ", ") + c;
  return fmt::format("expected a language with a catalog in web/i18n ({}), got '{}'", codes, code);
}

const Catalog& sheet_catalog(const Problem& problem, int person, std::string_view chosen) {
  if (const Catalog* c = chosen.empty() ? nullptr : find_catalog(chosen)) return *c;
  if (problem.unit)
    for (const SpokenLanguage& l : problem.people[static_cast<std::size_t>(person)].unit.languages)
      if (l.level == LanguageLevel::kNative)
        if (const Catalog* c = find_catalog(problem.unit->languages[static_cast<std::size_t>(l.language)])) return *c;
  return english_catalog();
}

}  // namespace vigil
