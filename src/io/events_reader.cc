// The events reader: yaml-cpp parses the text into a tree with a mark on every
// node; the reader walks the events one by one, checking each field, and stops
// at the first mistake with the field's path and mark. Mistakes are thrown as
// a Failure and caught in parse_events(), with anything yaml-cpp throws.
#include "io/events_reader.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <utility>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include "base/files.h"
#include "base/name_suggestion.h"
#include "base/text.h"
#include "io/unit_time.h"
#include "io/yaml_text.h"
#include "io/roster_io.h"
#include "model/wording.h"

namespace vigil {
namespace {

using namespace yaml_text;  // NOLINT: the shared wording of both readers

constexpr int kMaxPlaceSize = 100000;

const std::vector<std::string> kKinds = {"unavailable", "available", "join", "add-post", "close-post", "beds"};
const std::vector<std::string> kLevels = {"native", "fluent", "basic"};
const std::vector<std::string> kExperiences = {"none", "trained", "veteran"};
const char* const kOneOfKinds = "unavailable, available, join, add-post, close-post or beds";

struct Failure {
  InputError error;
};









std::string from_range_text(const Problem& p) {
  return fmt::format("a time within the horizon (day 0 to {})",
                     scenario_time_point(p.horizon.day_start_minute, p.days() * kMinutesPerDay - 1));
}

std::string until_range_text(const Problem& p) {
  return fmt::format(
      "a time within the horizon (up to day {}, its end; leave out 'until' for an absence that lasts past it)",
      p.days());
}

struct Item {
  YAML::Node node;
  YAML::Mark mark;
  std::string path;
  bool present = true;

  bool empty() const { return !present || !node.IsDefined() || node.IsNull(); }
};


class Reader {
 public:
  Reader(const std::string& text, std::string file, const Problem& problem) : file_(std::move(file)), p_(problem) {
    lines_ = split_lines(text);
    drop_byte_order_mark(lines_);
    for (const Person& person : p_.people) people_.push_back(person.name);
    for (const Place& pl : p_.places) {
      places_.push_back(pl.name);
      if (pl.kind == PlaceKind::kPost) posts_.push_back(pl.name);
    }
  }

  std::vector<UnitEvent> run(const std::string& text) {
    if (!p_.is_unit()) fail_at(YAML::Mark::null_mark(), "", "expected a unit problem (a scenario) to apply events to");
    std::vector<YAML::Node> docs;
    try {
      docs = load_documents(text);
    } catch (const YAML::Exception& e) {
      syntax_error(e);
    }
    for (std::size_t i = 1; i < docs.size(); ++i)
      if (!docs[i].IsNull())
        fail(Item{docs[i], docs[i].Mark(), "", true},
             "expected one events file, got a second YAML document (after '---')");
    const YAML::Node root = docs.empty() ? YAML::Node() : docs[0];
    const Item top{root, root.Mark(), "", true};
    if (top.empty() || !root.IsMap()) expected(top, "an events file (a map with a list of events)");
    const auto f = fields(top, "the events file", {"events"});
    const Item list = get(top, f, "events");
    if (list.empty()) expected(list, "a list of events");
    if (!list.node.IsSequence()) expected(list, "a list of events");
    if (list.node.size() == 0) fail(list, "expected at least one event, got none");
    std::vector<UnitEvent> out;
    std::size_t i = 0;
    for (auto e = list.node.begin(); e != list.node.end(); ++e, ++i) {
      const YAML::Node element = *e;
      const YAML::Mark m = element.Mark();
      out.push_back(event(Item{element, m.line >= 0 ? m : list.mark, fmt::format("events[{}]", i), true}));
    }
    return out;
  }

  [[noreturn]] void fail_at(const YAML::Mark& at, const std::string& path, const std::string& message) const {
    throw Failure{error_at_mark(file_, lines_, at, path, message)};
  }
  [[noreturn]] void fail(const Item& at, const std::string& message) const { fail_at(at.mark, at.path, message); }
  [[noreturn]] void expected(const Item& at, const std::string& what) const {
    fail(at, "expected " + what + ", got " + found(at.node));
  }

 private:
  using FieldMap = std::map<std::string, std::pair<YAML::Node, YAML::Node>>;  // key -> (key node, value node)

  [[noreturn]] void syntax_error(const YAML::Exception& e) const {
    fail_at(e.mark, "", syntax_error_message(e, lines_));
  }

  // The fields of a map, each a known name given once.
  FieldMap fields(const Item& item, const std::string& what, const std::vector<std::string>& allowed) const {
    if (item.empty() || !item.node.IsMap()) expected(item, what + " (a map of fields)");
    FieldMap out;
    for (auto e = item.node.begin(); e != item.node.end(); ++e) {
      const YAML::Node key = e->first;
      if (!key.IsScalar()) expected(Item{key, key.Mark(), item.path, true}, "a field name");
      const std::string& name = key.Scalar();
      const Item key_item{key, key.Mark(), child_path(item.path, name), true};
      if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
        fail(key_item, fmt::format("expected a field of {} ({}), got {}{}", what, or_list(allowed), quoted(name),
                                   did_you_mean(name, allowed)));
      if (!out.emplace(name, std::make_pair(key, e->second)).second)
        fail(key_item, fmt::format("expected each field once, got {} a second time", quoted(name)));
    }
    return out;
  }

  Item get(const Item& parent, const FieldMap& f, const std::string& key) const {
    auto it = f.find(key);
    if (it == f.end()) return Item{YAML::Node(), parent.mark, child_path(parent.path, key), false};
    const YAML::Node& k = it->second.first;
    const YAML::Node& v = it->second.second;
    return Item{v, v.IsNull() ? k.Mark() : v.Mark(), child_path(parent.path, key), true};
  }

  Item require(const Item& parent, const FieldMap& f, const std::string& key, const std::string& what) const {
    Item it = get(parent, f, key);
    if (it.empty()) expected(it, what);
    return it;
  }

  std::string text(const Item& it, const std::string& what) const {
    if (it.empty() || !it.node.IsScalar() || it.node.Scalar().empty()) expected(it, what);
    return it.node.Scalar();
  }

  // Text that names something new (a person joining, a post added): at most
  // kMaxNameLength characters, as in the scenario.
  std::string name(const Item& it, const std::string& what) const {
    std::string s = text(it, what);
    if (const std::size_t length = utf8_length(s); length > kMaxNameLength)
      fail(it, fmt::format("expected {} of at most {} characters, got {}", what, kMaxNameLength, length));
    return s;
  }

  int integer(const Item& it, const std::string& what, int lo, int hi) const {
    if (it.empty() || !it.node.IsScalar()) expected(it, fmt::format("{} (a whole number)", what));
    const std::string& s = it.node.Scalar();
    auto v = parse_integer(s);
    if (!v && all_digits(s[0] == '-' ? std::string_view(s).substr(1) : std::string_view(s)))
      fail(it, fmt::format("expected {} from {} to {}, got {}", what, lo, hi, s));
    if (!v) expected(it, fmt::format("{} (a whole number)", what));
    if (*v < lo || *v > hi) fail(it, fmt::format("expected {} from {} to {}, got {}", what, lo, hi, *v));
    return static_cast<int>(*v);
  }

  int choice(const Item& it, const std::string& what, const std::vector<std::string>& names, bool ignore_case) const {
    if (!it.empty() && it.node.IsScalar()) {
      const std::string s = ignore_case ? lower(it.node.Scalar()) : it.node.Scalar();
      for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == s) return static_cast<int>(i);
      fail(it, fmt::format("expected {}{}, got {}{}", what, listing(names), quoted(it.node.Scalar()),
                           did_you_mean(it.node.Scalar(), names)));
    }
    expected(it, what + listing(names));
  }

  int time_point(const Item& it, const std::string& what, long long lo, long long hi, const std::string& range) const {
    if (it.empty() || !it.node.IsScalar()) expected(it, fmt::format("{} ({})", what, unit_time_forms(p_)));
    const ParsedUnitTime t = parse_unit_time(p_, it.node.Scalar(), what);
    if (!t.minute) fail(it, t.error);
    if (*t.minute < lo || *t.minute > hi) fail(it, fmt::format("expected {}, got {}", range, quoted(it.node.Scalar())));
    return static_cast<int>(*t.minute);
  }

  std::string person_ref(const Item& it) const {
    const std::string name = text(it, "a person's name");
    if (std::find(people_.begin(), people_.end(), name) == people_.end())
      fail(it, fmt::format("expected a person of the unit, got {}{}", quoted(name), did_you_mean(name, people_)));
    return name;
  }

  UnitEvent event(const Item& it) {
    const std::vector<std::string> all = {"unavailable", "available", "join",     "add-post", "close-post", "beds",
                                          "from",        "until",     "reason",   "count",    "watchers",
                                          "reported"};
    const FieldMap f = fields(it, "an event", all);
    const std::string kind = event_kind(it, f);
    UnitEvent e;
    const Item kind_item = get(it, f, kind);
    const int end = p_.days() * kMinutesPerDay;
    const Item from = require(it, f, "from", "the time of the event (like 'day 3 14:00' or 'day 3')");
    e.from_minute = time_point(from, "the time of the event", 0, end - 1, from_range_text(p_));
    // Places are held for whole roster days (model/problem.h Place).
    const bool place_event = kind == "add-post" || kind == "close-post" || kind == "beds";
    if (place_event && e.from_minute % kMinutesPerDay != 0)
      fail(from, fmt::format("expected a changeover like 'day {}' (a place opens, closes and changes its beds when "
                             "everyone moves, at a changeover), got {}",
                             e.from_minute / kMinutesPerDay + 1, quoted(from.node.Scalar())));
    if (f.count("reported"))
      e.reported_minute = time_point(get(it, f, "reported"), "the time the event was reported", 0, end - 1,
                                     from_range_text(p_));
    if (kind == "unavailable") {
      unavailable(it, f, kind_item, e);
    } else if (kind == "available") {
      e.kind = UnitEvent::Kind::kAvailable;
      e.person = person_ref(kind_item);
    } else if (kind == "join") {
      e.kind = UnitEvent::Kind::kJoin;
      e.joining = joining(kind_item);
      people_.push_back(e.joining.name);
    } else if (kind == "add-post") {
      add_post(it, f, kind_item, e);
    } else if (kind == "close-post") {
      close_post(kind_item, e);
    } else {
      beds_changed(it, f, kind_item, e);
    }
    return e;
  }

  // Which kind of event the map is (exactly one kind field), with no field
  // that kind does not take.
  std::string event_kind(const Item& it, const FieldMap& f) const {
    // `beds` names the event unless the event is add-post, where it is the new post's beds.
    std::vector<std::string> kinds = kKinds;
    if (f.count("add-post")) kinds.pop_back();
    std::optional<std::string> kind;
    for (const auto& k : kinds) {
      if (!f.count(k)) continue;
      if (kind)
        fail(get(it, f, k), fmt::format("expected only one of {} in an event, got a second one", kOneOfKinds));
      kind = k;
    }
    if (!kind) fail(it, fmt::format("expected one of {} in an event, got none", kOneOfKinds));
    std::vector<std::string> allowed = {*kind};
    if (*kind == "unavailable") allowed.insert(allowed.end(), {"from", "until", "reason"});
    else if (*kind == "add-post") allowed.insert(allowed.end(), {"beds", "watchers", "from"});
    else if (*kind == "beds") allowed.insert(allowed.end(), {"count", "from"});
    else allowed.push_back("from");
    allowed.push_back("reported");
    for (const auto& [name, nodes] : f)
      if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
        fail(Item{nodes.first, nodes.first.Mark(), child_path(it.path, name), true},
             fmt::format("expected a field of {} event ({}), got {}", article(*kind), or_list(allowed), quoted(name)));
    return *kind;
  }

  void unavailable(const Item& it, const FieldMap& f, const Item& kind_item, UnitEvent& e) const {
    const int end = p_.days() * kMinutesPerDay;
    e.kind = UnitEvent::Kind::kUnavailable;
    e.person = person_ref(kind_item);
    if (f.count("until")) {
      const Item until = get(it, f, "until");
      e.until_minute = time_point(until, "the time the absence ends", 0, end, until_range_text(p_));
      if (e.until_minute <= e.from_minute)
        fail(until, fmt::format("expected a time after from ({}), got {}",
                                scenario_time_point(p_.horizon.day_start_minute, e.from_minute),
                                quoted(until.node.Scalar())));
    }
    if (f.count("reason")) e.reason = text(get(it, f, "reason"), "a reason (text)");
  }

  void add_post(const Item& it, const FieldMap& f, const Item& kind_item, UnitEvent& e) {
    e.kind = UnitEvent::Kind::kPostAdded;
    e.place = name(kind_item, "the post's name");
    if (std::find(places_.begin(), places_.end(), e.place) != places_.end() ||
        std::find(closed_.begin(), closed_.end(), e.place) != closed_.end())
      fail(kind_item, fmt::format("expected a name not used by another place, got {} a second time", quoted(e.place)));
    e.beds = f.count("beds") ? integer(get(it, f, "beds"), "a number of beds", 0, kMaxPlaceSize) : 8;
    e.watchers = f.count("watchers") ? integer(get(it, f, "watchers"), "a number of watchers", 0, kMaxPlaceSize) : 2;
    if (e.beds > 0 && e.watchers > e.beds)
      fail(get(it, f, f.count("watchers") ? "watchers" : "beds"),
           fmt::format("expected at most as many watchers as beds ({}), got {} watchers", e.beds, e.watchers));
    places_.push_back(e.place);
    posts_.push_back(e.place);
  }

  void close_post(const Item& kind_item, UnitEvent& e) {
    e.kind = UnitEvent::Kind::kPostClosed;
    e.place = text(kind_item, "a post's name");
    const auto pos = std::find(posts_.begin(), posts_.end(), e.place);
    if (pos == posts_.end()) {
      if (std::find(places_.begin(), places_.end(), e.place) != places_.end())
        fail(kind_item, fmt::format("expected a post, got {}, a rest center", quoted(e.place)));
      fail(kind_item, fmt::format("expected a post of the unit{}, got {}{}", listing(posts_), quoted(e.place),
                                  did_you_mean(e.place, posts_)));
    }
    posts_.erase(pos);
    places_.erase(std::find(places_.begin(), places_.end(), e.place));
    closed_.push_back(e.place);  // a closed post keeps its name
  }

  void beds_changed(const Item& it, const FieldMap& f, const Item& kind_item, UnitEvent& e) const {
    e.kind = UnitEvent::Kind::kBedsChanged;
    e.place = text(kind_item, "a place's name");
    if (std::find(places_.begin(), places_.end(), e.place) == places_.end())
      fail(kind_item, fmt::format("expected a place of the unit{}, got {}{}", listing(places_), quoted(e.place),
                                  did_you_mean(e.place, places_)));
    const bool rest = std::find(posts_.begin(), posts_.end(), e.place) == posts_.end();
    e.beds = integer(require(it, f, "count", "the number of beds (a whole number)"), "a number of beds", rest ? 1 : 0,
                     kMaxPlaceSize);
  }

  static std::string article(const std::string& noun) {
    const bool vowel = !noun.empty() && std::string("aeiou").find(noun[0]) != std::string::npos;
    return (vowel ? "an " : "a ") + noun;
  }

  Person joining(const Item& it) const {
    const FieldMap f = fields(it, "a person", {"name", "nationality", "languages", "experience", "skills"});
    const UnitSetup& u = *p_.unit;
    Person person;
    const Item name = require(it, f, "name", "the person's name");
    person.name = this->name(name, "the person's name");
    if (std::find(people_.begin(), people_.end(), person.name) != people_.end())
      fail(name, fmt::format("expected a name not used by another person, got {} a second time", quoted(person.name)));
    if (f.count("nationality")) person.unit.nationality = this->name(get(it, f, "nationality"), "a nationality");
    const Item langs = require(it, f, "languages", "the person's languages (like {uk: native, en: basic})");
    if (!langs.node.IsMap()) expected(langs, "the person's languages (a map like {uk: native, en: basic})");
    if (langs.node.size() == 0) fail(langs, "expected at least one language (like {uk: native}), got none");
    std::set<std::string> seen;
    for (auto e = langs.node.begin(); e != langs.node.end(); ++e) {
      const YAML::Node key = e->first;
      const YAML::Node value = e->second;
      if (!key.IsScalar()) expected(Item{key, key.Mark(), langs.path, true}, "a language");
      const Item key_item{key, key.Mark(), child_path(langs.path, key.Scalar()), true};
      if (!seen.insert(key.Scalar()).second)
        fail(key_item, fmt::format("expected each language once, got {} a second time", quoted(key.Scalar())));
      const int li = choice(key_item, "a language listed under 'languages'", u.languages, false);
      const int level = choice(Item{value, value.IsNull() ? key.Mark() : value.Mark(), key_item.path, true}, "a level",
                               kLevels, true);
      person.unit.languages.push_back(SpokenLanguage{li, static_cast<LanguageLevel>(3 - level)});
    }
    if (f.count("experience"))
      person.unit.experience =
          static_cast<Experience>(choice(get(it, f, "experience"), "an experience", kExperiences, true));
    if (f.count("skills")) {
      const Item skills = get(it, f, "skills");
      if (!skills.empty()) {
        if (!skills.node.IsSequence()) expected(skills, "a list of skills");
        std::size_t i = 0;
        for (auto e = skills.node.begin(); e != skills.node.end(); ++e, ++i) {
          const YAML::Node s = *e;
          const Item s_item{s, s.Mark().line >= 0 ? s.Mark() : skills.mark, fmt::format("{}[{}]", skills.path, i), true};
          const int si = choice(s_item, "a skill listed under 'skills'", u.skills, false);
          if (person.unit.has_skill(si))
            fail(s_item, fmt::format("expected each skill once, got {} a second time", quoted(u.skills[si])));
          person.unit.skills |= 1u << si;
        }
      }
    }
    return person;
  }

  std::string file_;
  const Problem& p_;
  std::vector<std::string> lines_;
  std::vector<std::string> people_, places_, posts_;  // as of the event being read
  std::vector<std::string> closed_;                   // posts closed by an event above
};

InputError option_error(const std::string& option, const std::string& message) {
  return InputError{"event " + quoted(option), 0, 0, message, ""};
}

}  // namespace

Result<std::vector<UnitEvent>> parse_events(const std::string& raw_text, const std::string& file_name,
                                            const Problem& problem) {
  auto checked = text_input(raw_text, file_name);
  if (!checked) return checked.error();
  const std::string& text = *checked;
  try {
    Reader reader(text, file_name, problem);
    return reader.run(text);
  } catch (const Failure& f) {
    return f.error;
  } catch (const YAML::Exception& e) {
    return InputError{file_name, e.mark.line >= 0 ? e.mark.line + 1 : 0, e.mark.column >= 0 ? e.mark.column + 1 : 0,
                      "cannot read the events: " + e.msg, ""};
  } catch (const std::exception& e) {
    return InputError{file_name, 0, 0, std::string("cannot read the events: ") + e.what(), ""};
  }
}

Result<std::vector<UnitEvent>> read_events(const std::string& path, const Problem& problem) {
  auto text = read_text_file(path);
  if (!text) return InputError{path, 0, 0, "cannot open the file for reading", ""};
  return parse_events(*text, path, problem);
}

Result<UnitEvent> parse_event_option(const std::string& text, const Problem& problem) {
  const auto fail = [&](const std::string& message) { return Result<UnitEvent>(option_error(text, message)); };
  if (const auto bad = first_invalid_utf8(text)) {
    std::string shown = text;  // the option as it may be printed (and put in JSON)
    while (const auto at = first_invalid_utf8(shown)) shown[*at] = '?';
    return Result<UnitEvent>(option_error(
        shown, fmt::format("expected UTF-8 text, got the byte 0x{:02X} at character {}",
                           static_cast<unsigned char>(text[*bad]), 1 + utf8_length(std::string_view(text).substr(0, *bad)))));
  }
  if (!problem.is_unit()) return fail("expected a unit problem (a scenario) to apply events to");
  const std::string form = "unavailable:NAME@TIME, unavailable:NAME@TIME..TIME or available:NAME@TIME";
  const auto colon = text.find(':');
  if (colon == std::string::npos) return fail(fmt::format("expected {}, got {}", form, quoted(text)));
  const std::string kind = text.substr(0, colon);
  const std::vector<std::string> kinds = {"unavailable", "available"};
  if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end())
    return fail(fmt::format("expected an event (unavailable or available), got {}{}", quoted(kind),
                            did_you_mean(kind, kinds)));
  const std::string rest = text.substr(colon + 1);
  const auto at = rest.rfind('@');
  if (at == std::string::npos)
    return fail(fmt::format("expected NAME@TIME after '{}:', got {}", kind, quoted(rest)));
  const std::string name = rest.substr(0, at);
  const std::string when = rest.substr(at + 1);
  if (name.empty()) return fail("expected a person's name before '@', got ''");
  if (!problem.find_person(name)) {
    std::vector<std::string> names;
    for (const Person& p : problem.people) names.push_back(p.name);
    return fail(fmt::format("expected a person of the unit, got {}{}", quoted(name), did_you_mean(name, names)));
  }
  UnitEvent e;
  e.kind = kind == "unavailable" ? UnitEvent::Kind::kUnavailable : UnitEvent::Kind::kAvailable;
  e.person = name;
  const auto dots = when.find("..");
  if (dots != std::string::npos && e.kind == UnitEvent::Kind::kAvailable)
    return fail(fmt::format("expected one time after '@' (available has no end), got {}", quoted(when)));
  const std::string from_text = dots == std::string::npos ? when : when.substr(0, dots);
  const int changeover = problem.horizon.day_start_minute;
  const int end = problem.days() * kMinutesPerDay;
  const ParsedUnitTime parsed_from = parse_unit_time(problem, from_text, "");
  if (!parsed_from.minute) return fail(parsed_from.error);
  const auto from = parsed_from.minute;
  if (*from < 0 || *from >= end) return fail(fmt::format("expected {}, got {}", from_range_text(problem), quoted(from_text)));
  e.from_minute = static_cast<int>(*from);
  if (dots != std::string::npos) {
    const std::string until_text = when.substr(dots + 2);
    const ParsedUnitTime parsed_until = parse_unit_time(problem, until_text, "");
    if (!parsed_until.minute) return fail(parsed_until.error);
    const auto until = parsed_until.minute;
    if (*until < 0 || *until > end) return fail(fmt::format("expected {}, got {}", until_range_text(problem), quoted(until_text)));
    if (*until <= *from)
      return fail(fmt::format("expected a time after from ({}), got {}", scenario_time_point(changeover, e.from_minute),
                              quoted(until_text)));
    e.until_minute = static_cast<int>(*until);
  }
  return e;
}

}  // namespace vigil
