// Unit roster JSON: a writer that puts each person-day on one line, and a
// strict reader whose errors give the JSON path of the bad value.
#include "io/unit_roster_json.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/files.h"
#include "base/name_suggestion.h"
#include "io/json_text.h"
#include "io/roster_io.h"
#include "model/unit_day.h"

namespace vigil {

namespace {

using nlohmann::json;

std::string quoted(const std::string& text) {
  return json(text).dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string day_line(const Problem& problem, const UnitLayout& layout, const UnitDay& day, int d) {
  const int changeover = problem.horizon.day_start_minute;
  auto place = [&](int pl) { return quoted(problem.places[static_cast<std::size_t>(pl)].name); };
  std::string out = fmt::format("{{\"day\": {}, \"place\": {}, \"watches\": [", d, day.place >= 0 ? place(day.place) : "null");
  for (std::size_t i = 0; i < day.watches.size(); ++i) {
    const auto& w = day.watches[i];
    out += fmt::format("{}{{\"slot\": {}, \"start\": \"{}\", \"place\": {}}}", i ? ", " : "", w.slot,
                       clock_label(changeover + layout.slot_start[static_cast<std::size_t>(w.slot)]), place(w.place));
  }
  out += "], \"shower\": ";
  if (day.shower_slot >= 0)
    out += fmt::format("{{\"start\": \"{}\", \"place\": {}}}",
                       clock_label(changeover + layout.shower_start[static_cast<std::size_t>(day.shower_slot)]),
                       place(day.shower_place));
  else
    out += "null";
  if (day.transfer_offset >= 0)
    out += fmt::format(", \"transfer\": {{\"at\": \"{}\", \"from\": {}}}", clock_label(changeover + day.transfer_offset),
                       day.earlier_place >= 0 ? place(day.earlier_place) : "null");
  return out + "}";
}

// "HH:MM" -> clock minute, or -1.
int parse_clock(const std::string& text) {
  if (text.size() != 5 || text[2] != ':') return -1;
  for (std::size_t i : {0, 1, 3, 4})
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return -1;
  const int h = (text[0] - '0') * 10 + (text[1] - '0');
  const int m = (text[3] - '0') * 10 + (text[4] - '0');
  if (h > 23 || m > 59) return -1;
  return h * 60 + m;
}

// "a, b, ..., z" for a long list of times, all of them for a short one.
std::string time_list(const std::vector<std::string>& times) {
  if (times.size() <= 4) {
    std::string out;
    for (std::size_t i = 0; i < times.size(); ++i) out += (i ? ", " : "") + times[i];
    return out;
  }
  return fmt::format("{}, {}, ..., {}", times[0], times[1], times.back());
}

std::string did_you_mean(const std::string& got, const std::vector<std::string>& candidates) {
  const std::string near = nearest_name(got, candidates).value_or("");
  return near.empty() ? std::string() : fmt::format(" (did you mean '{}'?)", near);
}

std::string describe(const json& value) {
  if (value.is_string()) return fmt::format("'{}'", value.get<std::string>());
  if (value.is_null()) return "null";
  if (value.is_object()) return "an object";
  if (value.is_array()) return "an array";
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

struct Reader {
  const Problem& problem;
  const UnitLayout layout;
  const std::string& file;

  InputError error(const std::string& where, const std::string& message) const {
    return InputError{file, 0, 0, fmt::format("{}: {}", where, message), ""};
  }

  // The first key of `object` not in `known`, as an error; nullopt when all are known.
  std::optional<InputError> unknown_key(const json& object, const std::string& where,
                                        std::initializer_list<const char*> known) const {
    std::vector<std::string> names(known.begin(), known.end());
    for (const auto& [key, value] : object.items()) {
      if (std::find(names.begin(), names.end(), key) != names.end()) continue;
      std::string list;
      for (std::size_t i = 0; i < names.size(); ++i)
        list += fmt::format("{}\"{}\"", i == 0 ? "" : i + 1 == names.size() ? " and " : ", ", names[i]);
      const std::string near = nearest_name(key, names).value_or("");
      return error(where, fmt::format("expected only the keys {}, got \"{}\"{}", list, key,
                                      near.empty() ? "" : fmt::format(" (did you mean \"{}\"?)", near)));
    }
    return std::nullopt;
  }

  std::vector<std::string> place_names(bool (*fits)(const Place&)) const {
    std::vector<std::string> out;
    for (const Place& p : problem.places)
      if (fits(p)) out.push_back(p.name);
    return out;
  }

  // The place named by `value` that `fits`, or an error naming what was expected.
  std::variant<int, InputError> place(const json& value, const std::string& where, const char* expected,
                                      bool (*fits)(const Place&)) const {
    if (!value.is_string()) return error(where, fmt::format("expected {} name, got {}", expected, describe(value)));
    const std::string name = value.get<std::string>();
    for (std::size_t i = 0; i < problem.places.size(); ++i) {
      const Place& p = problem.places[i];
      if (p.name != name) continue;
      if (!fits(p)) return error(where, fmt::format("expected {}, got '{}' (a {} without them)", expected, name, place_kind_name(p.kind)));
      return static_cast<int>(i);
    }
    return error(where, fmt::format("expected {} of the scenario, got '{}'{}", expected, name,
                                    did_you_mean(name, place_names(fits))));
  }

  std::optional<InputError> read_watches(const json& list, const std::string& where, int person, int day,
                                         Roster& roster) const {
    if (!list.is_array()) return error(where, fmt::format("expected an array of watches, got {}", describe(list)));
    const int changeover = problem.horizon.day_start_minute;
    std::vector<std::string> starts;
    for (int s = 0; s < layout.watch_slots; ++s) starts.push_back(clock_label(changeover + layout.slot_start[static_cast<std::size_t>(s)]));
    std::vector<int> seen_at(static_cast<std::size_t>(layout.watch_slots), -1);
    for (std::size_t i = 0; i < list.size(); ++i) {
      const json& w = list[i];
      const std::string at = fmt::format("{}[{}]", where, i);
      if (!w.is_object()) return error(at, fmt::format("expected a watch {{\"start\": \"HH:MM\", \"place\": ...}}, got {}", describe(w)));
      if (auto e = unknown_key(w, at, {"slot", "start", "place"})) return e;
      if (!w.contains("start")) return error(at, "expected a \"start\" time");
      if (!w.contains("place")) return error(at, "expected a \"place\"");
      const json& start = w["start"];
      const int clock = start.is_string() ? parse_clock(start.get<std::string>()) : -1;
      const int offset = clock < 0 ? -1 : (clock - changeover % kMinutesPerDay + kMinutesPerDay) % kMinutesPerDay;
      if (offset < 0 || offset % layout.watch_minutes != 0)
        return error(at + ".start", fmt::format("expected a watch start ({}), got {}", time_list(starts), describe(start)));
      const int slot = offset / layout.watch_minutes;
      if (w.contains("slot") && !(w["slot"].is_number_integer() && w["slot"].get<long long>() == slot))
        return error(at + ".slot", fmt::format("expected {} (the slot starting {}), got {}", slot,
                                               starts[static_cast<std::size_t>(slot)], describe(w["slot"])));
      if (seen_at[static_cast<std::size_t>(slot)] >= 0)
        return error(at + ".start", fmt::format("expected each watch slot once a day, got {} again (first at {}[{}])",
                                                starts[static_cast<std::size_t>(slot)], where,
                                                seen_at[static_cast<std::size_t>(slot)]));
      seen_at[static_cast<std::size_t>(slot)] = static_cast<int>(i);
      auto pl = place(w["place"], at + ".place", "a place with watchers", [](const Place& p) { return p.watchers > 0; });
      if (auto* e = std::get_if<InputError>(&pl)) return *e;
      roster.set(person, day, layout.watch_shift[static_cast<std::size_t>(std::get<int>(pl)) * layout.watch_slots + slot],
                 layout.watch_lane(slot));
    }
    return std::nullopt;
  }

  std::optional<InputError> read_shower(const json& shower, const std::string& where, int person, int day,
                                        Roster& roster) const {
    if (shower.is_null()) return std::nullopt;
    if (!shower.is_object())
      return error(where, fmt::format("expected null or a shower {{\"start\": \"HH:MM\", \"place\": ...}}, got {}", describe(shower)));
    if (auto e = unknown_key(shower, where, {"start", "place"})) return e;
    if (!shower.contains("start")) return error(where, "expected a \"start\" time");
    if (!shower.contains("place")) return error(where, "expected a \"place\"");
    const int changeover = problem.horizon.day_start_minute;
    std::vector<std::string> starts;
    for (int k = 0; k < layout.shower_slots; ++k) starts.push_back(clock_label(changeover + layout.shower_start[static_cast<std::size_t>(k)]));
    const json& start = shower["start"];
    const auto it = start.is_string() ? std::find(starts.begin(), starts.end(), start.get<std::string>()) : starts.end();
    if (it == starts.end())
      return error(where + ".start", fmt::format("expected a shower start ({}), got {}", time_list(starts), describe(start)));
    const auto slot = static_cast<std::size_t>(it - starts.begin());
    auto pl = place(shower["place"], where + ".place", "a place with showers", [](const Place& p) { return p.showers > 0; });
    if (auto* e = std::get_if<InputError>(&pl)) return *e;
    roster.set(person, day, layout.shower_shift[static_cast<std::size_t>(std::get<int>(pl)) * layout.shower_slots + slot],
               layout.shower_lane);
    return std::nullopt;
  }

  std::optional<InputError> read_day(const json& row, const std::string& where, int person, int d, Roster& roster) const {
    if (!row.is_object()) return error(where, fmt::format("expected a day {{\"day\": {}, \"place\": ...}}, got {}", d, describe(row)));
    if (auto e = unknown_key(row, where, {"day", "place", "watches", "shower", "transfer"})) return e;
    if (!row.contains("day") || !row["day"].is_number_integer() || row["day"].get<long long>() != d)
      return error(where + ".day", fmt::format("expected {} (the days in order), got {}", d,
                                               row.contains("day") ? describe(row["day"]) : "nothing"));
    if (!row.contains("place")) return error(where, "expected a \"place\" (null when placed nowhere)");
    if (!row["place"].is_null()) {
      auto pl = place(row["place"], where + ".place", "null or a post or rest center",
                      [](const Place& p) { return p.kind != PlaceKind::kWard; });
      if (auto* e = std::get_if<InputError>(&pl)) return *e;
      roster.set(person, d, layout.stay_shift[static_cast<std::size_t>(std::get<int>(pl))], UnitLayout::kPlacementLane);
    }
    if (row.contains("watches"))
      if (auto e = read_watches(row["watches"], where + ".watches", person, d, roster)) return e;
    if (row.contains("shower"))
      if (auto e = read_shower(row["shower"], where + ".shower", person, d, roster)) return e;
    if (row.contains("transfer"))
      if (auto e = read_transfer(row["transfer"], where + ".transfer", person, d, roster)) return e;
    return std::nullopt;
  }

  // {"at": "HH:MM", "from": PLACE or null}: a change of place during the day
  // (model/unit.h, "Transfers"); "at" lies after the day's changeover.
  std::optional<InputError> read_transfer(const json& t, const std::string& where, int person, int day,
                                          Roster& roster) const {
    if (!t.is_object())
      return error(where, fmt::format("expected a transfer {{\"at\": \"HH:MM\", \"from\": ...}}, got {}", describe(t)));
    if (auto e = unknown_key(t, where, {"at", "from"})) return e;
    if (!t.contains("at")) return error(where, "expected an \"at\" time");
    if (!t.contains("from")) return error(where, "expected \"from\": the place before the transfer (null for nowhere)");
    const int changeover = problem.horizon.day_start_minute;
    const int clock = t["at"].is_string() ? parse_clock(t["at"].get<std::string>()) : -1;
    if (clock < 0 || clock == changeover)
      return error(where + ".at", fmt::format("expected a clock time HH:MM other than the changeover ({}), got {}",
                                              clock_label(changeover), describe(t["at"])));
    ShiftCode earlier = kOff;
    if (!t["from"].is_null()) {
      auto pl = place(t["from"], where + ".from", "null or a post or rest center",
                      [](const Place& p) { return p.kind != PlaceKind::kWard; });
      if (auto* e = std::get_if<InputError>(&pl)) return *e;
      earlier = layout.stay_shift[static_cast<std::size_t>(std::get<int>(pl))];
    }
    const int offset = (clock - changeover + kMinutesPerDay) % kMinutesPerDay;
    roster.set_transfer({person, day, day * kMinutesPerDay + offset, earlier});
    return std::nullopt;
  }

  // start_date, plan_version, replaces, made and reason, each optional.
  std::optional<InputError> read_info(const json& doc, PlanFileInfo& info) const {
    if (doc.contains("start_date")) {
      const json& v = doc["start_date"];
      info.start_date = v.is_string() ? parse_date(v.get<std::string>()) : std::nullopt;
      if (!info.start_date) return error("start_date", fmt::format("expected a date \"YYYY-MM-DD\", got {}", describe(v)));
    }
    const auto whole = [&](const char* key, int lo, int& out) -> std::optional<InputError> {
      if (!doc.contains(key)) return std::nullopt;
      const json& v = doc[key];
      if (!v.is_number_integer() || v.get<long long>() < lo || v.get<long long>() > 1000000000)
        return error(key, fmt::format("expected a whole number from {} up, got {}", lo, describe(v)));
      out = static_cast<int>(v.get<long long>());
      return std::nullopt;
    };
    if (auto e = whole("plan_version", 1, info.stamp.version)) return e;
    if (auto e = whole("replaces", 1, info.stamp.replaces)) return e;
    if (info.stamp.replaces > 0 && info.stamp.replaces >= info.stamp.version)
      return error("replaces", fmt::format("expected a version before plan_version ({}), got {}", info.stamp.version,
                                           info.stamp.replaces));
    if (doc.contains("made")) {
      if (!doc["made"].is_string()) return error("made", fmt::format("expected a UTC time \"YYYY-MM-DDTHH:MM:SSZ\", got {}", describe(doc["made"])));
      info.stamp.made = doc["made"].get<std::string>();
    }
    if (doc.contains("reason")) {
      if (!doc["reason"].is_string()) return error("reason", fmt::format("expected a text, got {}", describe(doc["reason"])));
      info.stamp.reason = doc["reason"].get<std::string>();
    }
    return std::nullopt;
  }

  Result<Roster> read(const json& doc, PlanFileInfo* info) const {
    if (!doc.is_object()) return error("document", "expected an object with \"format\": \"vigil-unit-roster\"");
    if (auto e = unknown_key(doc, "document", {"format", "version", "scenario", "days", "changeover", "start_date",
                                               "plan_version", "replaces", "made", "reason", "people"}))
      return *e;
    if (!doc.contains("format") || doc["format"] != "vigil-unit-roster")
      return error("format", fmt::format("expected \"vigil-unit-roster\", got {}",
                                         doc.contains("format") ? describe(doc["format"]) : "nothing"));
    if (!doc.contains("version") || doc["version"] != 1)
      return error("version", fmt::format("expected 1, got {}", doc.contains("version") ? describe(doc["version"]) : "nothing"));
    if (doc.contains("scenario") && !doc["scenario"].is_string())
      return error("scenario", fmt::format("expected the scenario's name, got {}", describe(doc["scenario"])));
    if (!doc.contains("days") || !doc["days"].is_number_integer() || doc["days"].get<long long>() != problem.days())
      return error("days", fmt::format("expected {} (the scenario's horizon), got {}", problem.days(),
                                       doc.contains("days") ? describe(doc["days"]) : "nothing"));
    const std::string changeover = clock_label(problem.horizon.day_start_minute);
    if (!doc.contains("changeover") || doc["changeover"] != changeover)
      return error("changeover", fmt::format("expected \"{}\" (the scenario's changeover), got {}", changeover,
                                             doc.contains("changeover") ? describe(doc["changeover"]) : "nothing"));
    if (!doc.contains("people") || !doc["people"].is_array())
      return error("people", fmt::format("expected an array of people, got {}", doc.contains("people") ? describe(doc["people"]) : "nothing"));
    PlanFileInfo read_into;
    if (auto e = read_info(doc, read_into)) return *e;
    if (info) *info = read_into;

    Roster roster(problem);
    std::vector<std::string> names;
    for (const Person& p : problem.people) names.push_back(p.name);
    std::vector<int> seen_at(problem.people.size(), -1);
    const json& people = doc["people"];
    for (std::size_t i = 0; i < people.size(); ++i) {
      const json& row = people[i];
      const std::string where = fmt::format("people[{}]", i);
      if (!row.is_object()) return error(where, fmt::format("expected a person {{\"name\": ..., \"days\": [...]}}, got {}", describe(row)));
      if (auto e = unknown_key(row, where, {"name", "days"})) return *e;
      if (!row.contains("name") || !row["name"].is_string())
        return error(where + ".name", fmt::format("expected a person's name, got {}", row.contains("name") ? describe(row["name"]) : "nothing"));
      const std::string name = row["name"].get<std::string>();
      const auto who = problem.find_person(name);
      if (!who) return error(where + ".name", fmt::format("expected a person of the scenario, got '{}'{}", name, did_you_mean(name, names)));
      if (seen_at[who->index()] >= 0)
        return error(where + ".name", fmt::format("expected each person once, got '{}' again (first at people[{}])", name, seen_at[who->index()]));
      seen_at[who->index()] = static_cast<int>(i);
      if (!row.contains("days") || !row["days"].is_array() || static_cast<int>(row["days"].size()) != problem.days())
        return error(where + ".days", fmt::format("expected an array of {} days, got {}", problem.days(),
                                                  !row.contains("days")       ? std::string("nothing")
                                                  : !row["days"].is_array()   ? describe(row["days"])
                                                                              : fmt::format("{}", row["days"].size())));
      for (int d = 0; d < problem.days(); ++d)
        if (auto e = read_day(row["days"][static_cast<std::size_t>(d)], fmt::format("{}.days[{}]", where, d), who->value, d, roster))
          return *e;
    }
    for (std::size_t p = 0; p < problem.people.size(); ++p)
      if (seen_at[p] < 0) return error("people", fmt::format("expected every person of the scenario, got none for '{}'", problem.people[p].name));
    return roster;
  }
};

}  // namespace

PlanStamp new_plan_stamp(const PlanStamp* parent) {
  PlanStamp stamp;
  // A plan file from before stamps counts as version 1.
  stamp.replaces = parent ? std::max(parent->version, 1) : 0;
  stamp.version = stamp.replaces + 1;
  stamp.made = utc_iso_time(wall_clock_seconds());
  return stamp;
}

std::string unit_roster_to_json(const Problem& problem, const Roster& roster, const PlanStamp& stamp) {
  const UnitLayout layout = make_unit_layout(problem);
  std::string out = "{\n";
  out += " \"format\": \"vigil-unit-roster\",\n \"version\": 1,\n";
  out += fmt::format(" \"scenario\": {},\n \"days\": {},\n \"changeover\": \"{}\",\n", quoted(problem.name),
                     roster.days(), clock_label(problem.horizon.day_start_minute));
  if (problem.start_date) out += fmt::format(" \"start_date\": \"{}\",\n", problem.start_date->iso());
  if (stamp.version > 0) {
    out += fmt::format(" \"plan_version\": {},\n", stamp.version);
    if (stamp.replaces > 0) out += fmt::format(" \"replaces\": {},\n", stamp.replaces);
    out += fmt::format(" \"made\": {},\n", quoted(stamp.made));
    if (!stamp.reason.empty()) out += fmt::format(" \"reason\": {},\n", quoted(stamp.reason));
  }
  out += " \"people\": [";
  for (int p = 0; p < roster.people(); ++p) {
    out += fmt::format("{}\n  {{\"name\": {}, \"days\": [", p ? "," : "", quoted(problem.people[static_cast<std::size_t>(p)].name));
    for (int d = 0; d < roster.days(); ++d)
      out += fmt::format("{}\n   {}", d ? "," : "", day_line(problem, layout, unit_day(layout, roster, p, d), d));
    out += "\n  ]}";
  }
  out += "\n ]\n}\n";
  return out;
}

Result<Roster> parse_unit_roster_json(const Problem& problem, const std::string& text, const std::string& file_name,
                                      PlanFileInfo* info) {
  if (!problem.is_unit()) return InputError{file_name, 0, 0, "the problem is not a unit problem", ""};
  auto doc = parse_json_text(text, file_name);
  if (!doc) return doc.error();
  return Reader{problem, make_unit_layout(problem), file_name}.read(*doc, info);
}

Result<Roster> read_unit_roster(const Problem& problem, const std::string& path, PlanFileInfo* info) {
  auto text = read_text_file(path);
  if (!text) return InputError{path, 0, 0, "cannot open the file for reading", ""};
  return parse_unit_roster_json(problem, *text, path, info);
}

}  // namespace vigil
