// The scenario reader's sections. yaml-cpp parses the text into a tree with a
// mark (line, column) on every node; the reader then walks the tree section
// by section (horizon, languages and skills, rotation, watch length, showers,
// places, people, rules and team needs, requests), checking every field
// against what it may hold, and stops at the first mistake with the field's
// path and mark. Reading single values and reporting mistakes is the
// document machinery's (io/scenario_document.h): a mistake is thrown as a
// Failure and caught in parse_scenario(), together with anything yaml-cpp or
// the standard library throws, so no exception leaves the reader.
#include "io/scenario_reader.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include "base/files.h"
#include "base/name_suggestion.h"
#include "base/text.h"
#include "io/scenario_document.h"
#include "io/yaml_text.h"
#include "io/roster_io.h"
#include "model/wording.h"

namespace vigil {
namespace {

using namespace yaml_text;  // NOLINT: the shared wording of both readers
using scenario_document::DocumentReader;
using scenario_document::Failure;
using scenario_document::Fields;
using scenario_document::Item;

constexpr int kMaxShiftKinds = 32000;  // shift codes are 16-bit
constexpr int kMaxSkills = 32;         // a person's skills are a 32-bit set
constexpr int kMaxPlaceSize = 100000;  // beds, watchers, guards, showers
constexpr int kMaxCount = 1000;        // team need counts, watches in a row, showers per stint

const std::vector<std::string> kWeekdays = [] {
  std::vector<std::string> names;
  for (int d = 0; d < 7; ++d) names.push_back(weekday_lower(d));
  return names;
}();
const std::vector<std::string> kDefaultLanguages = {"uk", "ru", "en", "pl", "pt", "es",
                                                    "ka", "ja", "de", "fr", "sv"};
const std::vector<std::string> kDefaultSkills = {"medic", "radio", "team-leader"};
const std::vector<std::string> kLevels = {"native", "fluent", "basic"};
const std::vector<std::string> kExperiences = {"none", "trained", "veteran"};
const std::vector<std::string> kTopFields = {"unit",   "horizon", "languages", "skills", "rotation", "watch-length",
                                             "showers", "places", "people",   "rules",  "requests"};

class ScenarioReader : public DocumentReader {
 public:
  ScenarioReader(const std::string& text, std::string file) : DocumentReader(text, std::move(file)) {}

  Problem run(const std::string& text) {
    std::vector<YAML::Node> docs;
    try {
      docs = load_documents(text);
    } catch (const YAML::Exception& e) {
      syntax_error(e);
    }
    for (std::size_t i = 1; i < docs.size(); ++i)
      if (!docs[i].IsNull())
        fail(Item{docs[i], docs[i].Mark(), "", true},
             "expected one scenario in the file, got a second YAML document (after '---')");
    const YAML::Node root = docs.empty() ? YAML::Node() : docs[0];
    return scenario(Item{root, root.Mark(), "", true});
  }

 private:
  // ---- sections -----------------------------------------------------------
  Problem scenario(const Item& root) {
    // An empty file has no mark: the error then names only the file.
    if (root.empty() || !root.node.IsMap()) expected(root, "a scenario (a map with horizon, places, people...)");
    const Fields top(*this, root, "the scenario", kTopFields, false,
                     {{"name", "unit"}, {"watch", "watch-length"}, {"watches", "watch-length"}, {"posts", "places"},
                      {"rest-centers", "places"}, {"wishes", "requests"}});
    Problem p;
    use_default_rules(p, ProblemKind::kUnit);
    p.name = top.has("unit") ? name(top.get("unit"), "the unit's name") : file_;
    horizon(top.require("horizon", "the horizon (a map with days, first-weekday and changeover)"), p);
    UnitSetup u;
    if (top.has("languages")) languages_item_.emplace(top.get("languages"));
    if (top.has("skills")) skills_item_.emplace(top.get("skills"));
    u.languages = top.has("languages")
                      ? names(top.get("languages"), "a language code", "language codes", kMaxLanguages)
                                       : kDefaultLanguages;
    if (u.languages.empty()) fail(top.get("languages"), "expected at least one language code, got none");
    u.skills = top.has("skills") ? names(top.get("skills"), "a skill name", "skill names", kMaxSkills) : kDefaultSkills;
    if (top.has("rotation")) rotation(top.get("rotation"), u.rotation);
    if (top.has("watch-length")) {
      const Item it = top.get("watch-length");
      // At most 60 watches a day: a day's watches are bit sets of 64 (eval/unit_evaluator.h).
      u.watch_minutes = duration(it, "a watch length", kMinWatchMinutes, kMinutesPerDay);
      if (kMinutesPerDay % u.watch_minutes != 0)
        fail(it, fmt::format("expected a watch length that divides 24h evenly (like 1h, 2h, 3h, 4h or 90min), got {}",
                             quoted(it.node.Scalar())));
    }
    if (top.has("showers")) showers(top.get("showers"), u);
    places(top.require("places", "the places (a map with posts and rest-centers)"), p, u);
    people(top.require("people", "a list of people"), p, u);
    rules(top.has("rules") ? top.get("rules") : Item{YAML::Node(), root.mark, "rules", false}, p, u);
    if (top.has("requests")) requests(top.get("requests"), p, u);

    p.unit = std::move(u);
    add_unit_shifts(p);
    if (auto problem_error = p.validate()) fail_at(YAML::Mark::null_mark(), "", "invalid scenario: " + *problem_error);
    return p;
  }

  void horizon(const Item& it, Problem& p) {
    const Fields f(*this, it, "the horizon", {"days", "first-weekday", "changeover", "start-date"});
    p.horizon.days = small_int(f.require("days", "the number of days (a whole number)"), "a number of days", 1,
                               kScenarioMaxDays);
    p.horizon.first_weekday = f.has("first-weekday") ? choice(f.get("first-weekday"), "a weekday", kWeekdays, true) : 0;
    if (f.has("start-date")) {
      const Item date_item = f.get("start-date");
      const auto date = parse_date(text(date_item, "the date of day 0 (like 2026-12-07)"));
      if (!date)
        expected(date_item, fmt::format("the date of day 0 (a date YYYY-MM-DD like 2026-12-07, from {}-01-01 to "
                                        "{}-12-31)", kFirstDateYear, kLastDateYear));
      if (!f.has("first-weekday")) p.horizon.first_weekday = date->weekday();
      if (date->weekday() != p.horizon.first_weekday)
        fail(date_item, fmt::format("expected a {} (the first-weekday), got {}, a {}",
                                    weekday_lower(p.horizon.first_weekday), date->iso(), weekday_lower(date->weekday())));
      p.start_date = date;
    }
    p.horizon.day_start_minute = f.has("changeover") ? clock(f.get("changeover"), "the changeover time") : 6 * 60;
    changeover_ = p.horizon.day_start_minute;
    days_ = p.horizon.days;
  }

  // A list of distinct names (languages, skills).
  std::vector<std::string> names(const Item& it, const std::string& one, const std::string& many, int max_count) {
    std::vector<std::string> out;
    const auto items = list(it, "a list of " + many);
    if (max_count > 0 && items.size() > static_cast<std::size_t>(max_count))
      fail(it, fmt::format("expected at most {} {}, got {}", max_count, many, items.size()));
    for (const Item& e : items) {
      std::string name = this->name(e, one);
      if (std::find(out.begin(), out.end(), name) != out.end())
        fail(e, fmt::format("expected each {} once, got {} a second time", one.substr(one.find(' ') + 1), quoted(name)));
      out.push_back(std::move(name));
    }
    return out;
  }

  void rotation(const Item& it, Rotation& r) {
    const Fields f(*this, it, "the rotation", {"post-days", "rest-days", "max-rest-days"});
    if (f.has("post-days")) r.post_days = small_int(f.get("post-days"), "a number of days", 1, kScenarioMaxDays);
    if (f.has("rest-days")) r.rest_days = small_int(f.get("rest-days"), "a number of days", 0, kScenarioMaxDays);
    r.max_rest_days = r.rest_days;
    if (f.has("max-rest-days")) {
      const Item max_rest = f.get("max-rest-days");
      r.max_rest_days = small_int(max_rest, "a number of days", 0, kScenarioMaxDays);
      if (r.max_rest_days < r.rest_days)
        fail(max_rest, fmt::format("expected at least rest-days ({}), got {}", r.rest_days, r.max_rest_days));
    }
  }

  void showers(const Item& it, UnitSetup& u) {
    const Fields f(*this, it, "the showers", {"from", "until", "slot"});
    if (f.has("from")) u.shower_from_clock = clock(f.get("from"), "the time showers open");
    if (f.has("until")) {
      const Item until = f.get("until");
      u.shower_until_clock = clock(until, "the time showers close");
      if (u.shower_until_clock == u.shower_from_clock)
        fail(until, fmt::format("expected a time other than from ({}), got {}", clock_label(u.shower_from_clock),
                                quoted(until.node.Scalar())));
    }
    const int span = (u.shower_until_clock - u.shower_from_clock + kMinutesPerDay) % kMinutesPerDay;
    if (f.has("slot")) {
      const Item slot = f.get("slot");
      u.shower_minutes = duration(slot, "a shower slot length", 1, kMinutesPerDay);
      if (span % u.shower_minutes != 0)
        fail(slot, fmt::format("expected a slot length that divides the shower time from {} to {} ({}) evenly, got {}",
                               clock_label(u.shower_from_clock), clock_label(u.shower_until_clock),
                               scenario_duration(span), quoted(slot.node.Scalar())));
    } else if (span % u.shower_minutes != 0) {
      const Item at = f.get(f.has("until") ? "until" : "from");
      fail(at, fmt::format("expected showers to open and close a whole number of slots ({}) apart, got {} to {}",
                           scenario_duration(u.shower_minutes), clock_label(u.shower_from_clock),
                           clock_label(u.shower_until_clock)));
    }
  }

  void places(const Item& it, Problem& p, const UnitSetup& u) {
    const Fields f(*this, it, "the places", {"posts", "rest-centers"});
    std::map<std::string, std::string> seen;  // name -> path
    const auto add = [&](const Item& name_item, const std::string& name) {
      auto [pos, fresh] = seen.emplace(name, name_item.path);
      if (!fresh)
        fail(name_item, fmt::format("expected a name not used by another place, got {} a second time (first at {})",
                                    quoted(name), pos->second));
    };
    const auto posts = list(f.require("posts", "a list of posts"), "a list of posts");
    if (posts.empty()) fail(f.get("posts"), "expected at least one post, got none");
    for (const Item& post : posts) {
      const Fields pf(*this, post, "a post", {"name", "beds", "watchers", "opens", "closes", "beds-changes"}, false,
                      {{"guards", "watchers"}, {"from", "opens"}, {"until", "closes"}});
      Place pl;
      pl.kind = PlaceKind::kPost;
      const Item name = pf.require("name", "the post's name");
      pl.name = this->name(name, "the post's name");
      add(name, pl.name);
      pl.capacity = pf.has("beds") ? small_int(pf.get("beds"), "a number of beds", 0, kMaxPlaceSize) : 8;
      pl.watchers = pf.has("watchers") ? small_int(pf.get("watchers"), "a number of watchers", 0, kMaxPlaceSize) : 2;
      if (pl.capacity > 0 && pl.watchers > pl.capacity)
        fail(pf.has("watchers") ? pf.get("watchers") : pf.get("beds"),
             fmt::format("expected at most as many watchers as beds ({}), got {} watchers", pl.capacity, pl.watchers));
      if (pf.has("opens")) pl.open_day = place_day(pf.get("opens"), "the day the post opens", 0, days_ - 1);
      if (pf.has("closes")) pl.close_day = place_day(pf.get("closes"), "the day the post closes", pl.open_day + 1, days_);
      if (pf.has("beds-changes")) beds_changes(pf.get("beds-changes"), pl, 0);
      p.places.push_back(std::move(pl));
    }
    if (f.has("rest-centers")) {
      for (const Item& rc : list(f.get("rest-centers"), "a list of rest centers")) {
        const Fields rf(*this, rc, "a rest center", {"name", "beds", "guards", "showers", "beds-changes"}, false,
                        {{"watchers", "guards"}});
        Place pl;
        pl.kind = PlaceKind::kRestCenter;
        const Item name = rf.require("name", "the rest center's name");
        pl.name = this->name(name, "the rest center's name");
        add(name, pl.name);
        pl.capacity = small_int(rf.require("beds", "the number of beds (a whole number)"), "a number of beds", 1,
                                kMaxPlaceSize);
        pl.watchers = rf.has("guards") ? small_int(rf.get("guards"), "a number of guards", 0, kMaxPlaceSize) : 1;
        if (pl.watchers > pl.capacity)
          fail(rf.has("guards") ? rf.get("guards") : rf.get("beds"),
               fmt::format("expected at most as many guards as beds ({}), got {} guards", pl.capacity, pl.watchers));
        pl.showers = rf.has("showers") ? small_int(rf.get("showers"), "a number of showers", 0, kMaxPlaceSize) : 2;
        if (rf.has("beds-changes")) beds_changes(rf.get("beds-changes"), pl, 1);
        p.places.push_back(std::move(pl));
      }
    }
    long long kinds = 0;
    for (const Place& pl : p.places)
      kinds += 1 + (pl.watchers > 0 ? u.watch_slots_per_day() : 0) + (pl.showers > 0 ? u.shower_slots_per_day() : 0);
    if (kinds > kMaxShiftKinds)
      fail(it, fmt::format("expected at most {} shift kinds in all (each place has a stay, {} watch turns and {} "
                           "shower slots a day), got {}; use fewer places, longer watches or longer shower slots",
                           kMaxShiftKinds, u.watch_slots_per_day(), u.shower_slots_per_day(), kinds));
  }

  // A place's date (model/problem.h Place): a changeover, day `lo` to `hi`.
  int place_day(const Item& it, const std::string& what, int lo, int hi) const {
    const int minute = time_point(it, what, lo * kMinutesPerDay, hi * kMinutesPerDay,
                                  fmt::format("a changeover from day {} to day {}", lo, hi));
    if (minute % kMinutesPerDay != 0)
      fail(it, fmt::format("expected a changeover like 'day {}' (a place opens, closes and changes its beds when "
                           "everyone moves, at a changeover), got {}",
                           minute / kMinutesPerDay + 1, quoted(it.node.Scalar())));
    return minute / kMinutesPerDay;
  }

  // beds-changes: [{from: day 4, beds: 50}, ...], each after the last; `least` beds (0 for a post: no limit).
  void beds_changes(const Item& it, Place& pl, int least) const {
    int after = 0;
    for (const Item& c : list(it, "a list of changes of beds (like [{from: day 4, beds: 50}])", true)) {
      const Fields f(*this, c, "a change of beds", {"from", "beds"});
      const int day = place_day(f.require("from", "the day the beds change (like 'day 4')"), "the day the beds change",
                                after + 1, days_ - 1);
      const Item beds_item = f.require("beds", "the number of beds from then on (a whole number)");
      const int beds = small_int(beds_item, "a number of beds", least, kMaxPlaceSize);
      if (beds > 0 && pl.watchers > beds)
        fail(beds_item, fmt::format("expected at least as many beds as {} ({}), got {}",
                                    pl.kind == PlaceKind::kPost ? "watchers" : "guards", pl.watchers, beds));
      pl.beds_changes.push_back(BedsChange{day, beds});
      after = day;
    }
  }

  void people(const Item& it, Problem& p, const UnitSetup& u) {
    if (it.empty() || !it.node.IsSequence()) expected(it, "a list of people");
    if (it.node.size() > static_cast<std::size_t>(kScenarioMaxPeople))
      fail(it, fmt::format("expected at most {} people, got {}", kScenarioMaxPeople, it.node.size()));
    const auto items = list(it, "a list of people");
    if (items.empty()) fail(it, "expected at least one person, got none");
    const long long cells =
        static_cast<long long>(items.size()) * p.horizon.days * (u.watch_slots_per_day() + 2);
    if (cells > kScenarioMaxRosterCells)
      fail(it, fmt::format("expected a roster of at most {} cells (people x days x (watch turns + 2)), got {} x {} x {} "
                           "= {}; plan fewer days or people at a time",
                           kScenarioMaxRosterCells, items.size(), p.horizon.days, u.watch_slots_per_day() + 2, cells));
    std::map<std::string, std::string> seen;  // name -> path
    for (const Item& item : items) {
      const Fields f(*this, item, "a person", {"name", "nationality", "languages", "experience", "skills", "unavailable"});
      Person person;
      const Item name = f.require("name", "the person's name");
      person.name = this->name(name, "the person's name");
      auto [pos, fresh] = seen.emplace(person.name, name.path);
      if (!fresh)
        fail(name, fmt::format("expected a name not used by another person, got {} a second time (first at {})",
                               quoted(person.name), pos->second));
      if (f.has("nationality")) person.unit.nationality = this->name(f.get("nationality"), "a nationality");
      languages(f.require("languages", "the person's languages (like {uk: native, en: basic})"), person, u);
      if (f.has("experience"))
        person.unit.experience = static_cast<Experience>(choice(f.get("experience"), "an experience", kExperiences, true));
      if (f.has("skills")) {
        std::set<int> had;
        for (const Item& s : list(f.get("skills"), "a list of skills", true)) {
          const int si = choice(s, "a skill listed under 'skills'", u.skills);
          if (!had.insert(si).second) fail(s, fmt::format("expected each skill once, got {} a second time", quoted(u.skills[si])));
          person.unit.skills |= 1u << si;
        }
      }
      if (f.has("unavailable"))
        for (const Item& a : list(f.get("unavailable"), "a list of absences (like [{from: day 3, until: day 5, reason: leave}])", true))
          person.unit.absences.push_back(absence(a));
      p.people.push_back(std::move(person));
    }
  }

  void languages(const Item& it, Person& person, const UnitSetup& u) {
    const auto langs = entries(it, "the person's languages (a map like {uk: native, en: basic})", "language");
    if (langs.empty()) fail(it, "expected at least one language (like {uk: native}), got none");
    for (const auto& [key, value] : langs) {
      const int li = choice(key, "a language listed under 'languages'", u.languages);
      const int level = choice(value, "a level", kLevels, true);
      person.unit.languages.push_back(SpokenLanguage{li, static_cast<LanguageLevel>(3 - level)});
    }
  }

  Absence absence(const Item& it) {
    const Fields f(*this, it, "an absence", {"from", "until", "reason"}, false, {{"to", "until"}});
    Absence a;
    const int end = days_ * kMinutesPerDay;
    a.from_minute = time_point(f.require("from", "the time the absence starts (like 'day 3 14:00' or 'day 3')"),
                               "the time the absence starts", 0, end - 1,
                               fmt::format("a time within the horizon (day 0 to {})", scenario_time_text(end - 1)));
    if (f.has("until")) {
      const Item until = f.get("until");
      a.until_minute = time_point(until, "the time the absence ends", 0, end,
                                  fmt::format("a time within the horizon (up to day {}, its end; leave out 'until' "
                                              "for an absence that lasts past it)",
                                              days_));
      if (a.until_minute <= a.from_minute)
        fail(until, fmt::format("expected a time after from ({}), got {}", scenario_time_text(a.from_minute),
                                quoted(until.node.Scalar())));
    }
    if (f.has("reason")) a.reason = text(f.get("reason"), "a reason (text)");
    return a;
  }

  void rules(const Item& it, Problem& p, UnitSetup& u) {
    std::vector<std::string> names;
    for (RuleKind kind : scenario_rules()) names.push_back(rule_name(kind));
    const Fields f(*this, it, "the rules", names, true, {}, "a rule");
    UnitRuleParameters& par = u.parameters;
    bool team_needs_given = false;
    for (RuleKind kind : scenario_rules()) {
      const std::string name = rule_name(kind);
      if (!f.has(name)) continue;
      std::vector<std::string> fields = {"enabled", "hard", "weight"};
      switch (kind) {
        case RuleKind::kDailyRest: fields.push_back("min-rest"); break;
        case RuleKind::kDailyWatchHours: fields.push_back("max"); break;
        case RuleKind::kWatchesInRow: fields.push_back("max"); break;
        case RuleKind::kTeam: fields.push_back("needs"); break;
        case RuleKind::kShowers: fields.push_back("per-rest-stint"); break;
        case RuleKind::kTravel: fields.push_back("time"); break;
        case RuleKind::kNightSpread: fields.insert(fields.end(), {"night-from", "night-until"}); break;
        default: break;
      }
      const Fields rf(*this, f.get(name), fmt::format("the rule {}", name), fields, true);
      RuleSetting& s = p.rule(kind);
      // Naming a rule switches it on (team-continuity is off until named).
      s.enabled = rf.has("enabled") ? boolean(rf.get("enabled")) : true;
      if (rf.has("hard")) {
        s.hard = boolean(rf.get("hard"));
        if (s.hard && rule_info(kind).prices_itself)
          fail(rf.get("hard"), fmt::format("expected false (each request is priced by its own weight), got {}",
                                           found(rf.get("hard").node)));
      }
      if (rf.has("weight")) s.weight = small_int(rf.get("weight"), "a weight", 0, kScenarioMaxWeight);
      switch (kind) {
        case RuleKind::kDailyRest:
          if (rf.has("min-rest")) par.min_rest_minutes = duration(rf.get("min-rest"), "a rest length", 0, kMinutesPerDay);
          break;
        case RuleKind::kDailyWatchHours:
          if (rf.has("max")) par.max_watch_minutes = duration(rf.get("max"), "a watch time", 0, kMinutesPerDay);
          break;
        case RuleKind::kWatchesInRow:
          if (rf.has("max")) par.max_watches_in_row = small_int(rf.get("max"), "a number of watches", 1, kMaxCount);
          break;
        case RuleKind::kTeam:
          if (rf.has("needs")) {
            team_needs_given = true;
            for (const Item& need : list(rf.get("needs"), "a list of team needs (like [{experience: veteran}, {skill: medic}])"))
              par.team_needs.push_back(team_need(need, u));
          }
          break;
        case RuleKind::kTravel:
          if (rf.has("time")) par.travel_minutes = duration(rf.get("time"), "a travel time", 0, kMaxTravelMinutes);
          break;
        case RuleKind::kShowers:
          if (rf.has("per-rest-stint"))
            par.showers_per_rest_stint = small_int(rf.get("per-rest-stint"), "a number of showers", 0, kMaxCount);
          break;
        case RuleKind::kNightSpread:
          if (rf.has("night-from")) par.night_from_clock = clock(rf.get("night-from"), "the time nights start");
          if (rf.has("night-until")) par.night_until_clock = clock(rf.get("night-until"), "the time nights end");
          break;
        default: break;
      }
    }
    if (!team_needs_given) default_team_needs(p, u);
  }

  // The brief's team: a veteran, a medic, a Ukrainian speaker. A skill or
  // language the unit does not list is an error while the team rule is on
  // (its list is then given, so the error points at it), and left out when off.
  void default_team_needs(const Problem& p, UnitSetup& u) {
    const bool enabled = p.rule(RuleKind::kTeam).enabled;
    const auto add = [&](TeamNeed::Kind kind, int value) {
      TeamNeed n;
      n.kind = kind;
      n.value = value;
      n.label = default_team_need_label(u, n);
      u.parameters.team_needs.push_back(std::move(n));
    };
    const auto missing = [&](const std::optional<Item>& list_item, const char* what, const char* name) {
      fail(*list_item, fmt::format("expected '{}' among the {} (the default team needs a veteran, a medic and a "
                                   "Ukrainian speaker; list rules.team.needs to change that), got a list without it",
                                   name, what));
    };
    add(TeamNeed::Kind::kExperience, static_cast<int>(Experience::kVeteran));
    const int medic = u.skill_index("medic");
    if (medic >= 0)
      add(TeamNeed::Kind::kSkill, medic);
    else if (enabled)
      missing(skills_item_, "skills", "medic");
    const int uk = u.language_index("uk");
    if (uk >= 0)
      add(TeamNeed::Kind::kLanguage, uk);
    else if (enabled)
      missing(languages_item_, "languages", "uk");
  }

  TeamNeed team_need(const Item& it, const UnitSetup& u) {
    const Fields f(*this, it, "a team need", {"experience", "skill", "language", "count", "label"});
    TeamNeed n;
    int kinds = 0;
    for (const char* key : {"experience", "skill", "language"}) {
      if (!f.has(key)) continue;
      if (++kinds > 1)
        fail(f.get(key), "expected only one of experience, skill or language in a team need, got a second one");
      const Item v = f.get(key);
      if (std::string(key) == "experience") {
        n.kind = TeamNeed::Kind::kExperience;
        n.value = choice(v, "an experience", kExperiences, true);
      } else if (std::string(key) == "skill") {
        n.kind = TeamNeed::Kind::kSkill;
        n.value = choice(v, "a skill listed under 'skills'", u.skills);
      } else {
        n.kind = TeamNeed::Kind::kLanguage;
        n.value = choice(v, "a language listed under 'languages'", u.languages);
      }
    }
    if (kinds == 0) fail(it, "expected one of experience, skill or language in a team need, got none");
    if (f.has("count")) n.count = small_int(f.get("count"), "a count", 1, kMaxCount);
    n.label = f.has("label") ? text(f.get("label"), "a label (text)") : default_team_need_label(u, n);
    return n;
  }

  void requests(const Item& it, const Problem& p, UnitSetup& u) {
    std::vector<std::string> person_names, post_names, rest_names;
    for (const Person& person : p.people) person_names.push_back(person.name);
    for (const Place& pl : p.places) (pl.kind == PlaceKind::kPost ? post_names : rest_names).push_back(pl.name);
    const auto person_ref = [&](const Item& ref) {
      const std::string name = text(ref, "a person's name");
      auto id = p.find_person(name);
      if (!id)
        fail(ref, fmt::format("expected a person listed under 'people', got {}{}", quoted(name),
                              did_you_mean(name, person_names)));
      return *id;
    };
    const std::string last_day = fmt::format("{}", days_ - 1);
    for (const Item& item : list(it, "a list of requests", true)) {
      const Fields f(*this, item, "a request", {"person", "day-off", "post", "partner", "from-day", "to-day", "weight"},
                     false, {{"day", "day-off"}, {"place", "post"}, {"with", "partner"}});
      PersonalRequest r;
      r.person = person_ref(f.require("person", "the name of the person who asks"));
      int kinds = 0;
      for (const char* key : {"day-off", "post", "partner"}) {
        if (!f.has(key)) continue;
        if (++kinds > 1) fail(f.get(key), "expected only one of day-off, post or partner in a request, got a second one");
        const Item v = f.get(key);
        const std::string k = key;
        if (k == "day-off") {
          r.kind = PersonalRequest::Kind::kDayOff;
          r.day = small_int(v, "a day", 0, days_ - 1);
        } else if (k == "post") {
          r.kind = PersonalRequest::Kind::kPost;
          const std::string name = text(v, "a post's name");
          if (std::find(rest_names.begin(), rest_names.end(), name) != rest_names.end())
            fail(v, fmt::format("expected a post listed under places.posts, got {}, a rest center", quoted(name)));
          const auto pos = std::find(post_names.begin(), post_names.end(), name);
          if (pos == post_names.end())
            fail(v, fmt::format("expected a post listed under places.posts{}, got {}{}", listing(post_names),
                                quoted(name), did_you_mean(name, post_names)));
          for (std::size_t i = 0; i < p.places.size(); ++i)
            if (p.places[i].name == name) r.place = PlaceId(static_cast<int>(i));
        } else {
          r.kind = PersonalRequest::Kind::kPartner;
          r.partner = person_ref(v);
          if (r.partner == r.person)
            fail(v, fmt::format("expected someone other than the person who asks, got {}", quoted(v.node.Scalar())));
        }
      }
      if (kinds == 0) fail(item, "expected one of day-off, post or partner in a request, got none");
      for (const char* key : {"from-day", "to-day"})
        if (f.has(key) && r.kind != PersonalRequest::Kind::kPost)
          fail(f.get(key), fmt::format("expected {} only in a post request, got it in a {} request", key,
                                       r.kind == PersonalRequest::Kind::kDayOff ? "day-off" : "partner"));
      if (f.has("from-day")) r.first_day = small_int(f.get("from-day"), "a day", 0, days_ - 1);
      if (f.has("to-day")) {
        const Item to = f.get("to-day");
        r.last_day = small_int(to, "a day", 0, days_ - 1);
        if (r.last_day < r.first_day)
          fail(to, fmt::format("expected a day from from-day ({}) on, got {}", r.first_day, r.last_day));
      }
      if (f.has("weight")) r.weight = small_int(f.get("weight"), "a weight", 0, kScenarioMaxWeight);
      u.requests.push_back(r);
    }
  }

  std::string scenario_time_text(int minute) const { return scenario_time_point(changeover_, minute); }

  std::optional<Item> languages_item_, skills_item_;  // given in the file
  int days_ = 1;
};

}  // namespace

Result<Problem> parse_scenario(const std::string& raw_text, const std::string& file_name) {
  auto checked = text_input(raw_text, file_name);
  if (!checked) return checked.error();
  const std::string& text = *checked;
  try {
    ScenarioReader reader(text, file_name);
    return reader.run(text);
  } catch (const Failure& f) {
    return f.error;
  } catch (const YAML::Exception& e) {
    // Only the parser should throw these, and it is caught in run(); anything else is a reader bug.
    InputError error{file_name, e.mark.line >= 0 ? e.mark.line + 1 : 0, e.mark.column >= 0 ? e.mark.column + 1 : 0,
                     "cannot read the scenario: " + e.msg, ""};
    return error;
  } catch (const std::exception& e) {
    return InputError{file_name, 0, 0, std::string("cannot read the scenario: ") + e.what(), ""};
  } catch (...) {
    return InputError{file_name, 0, 0, "cannot read the scenario: unknown error", ""};
  }
}

Result<Problem> read_scenario(const std::string& path) {
  auto text = read_text_file(path);
  if (!text) return InputError{path, 0, 0, "cannot open the file for reading", ""};
  return parse_scenario(*text, path);
}

}  // namespace vigil
