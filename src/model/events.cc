// Applying unit events to a Problem, and moving a plan onto the changed one.
#include "model/events.h"

#include <algorithm>
#include <optional>
#include <utility>

#include <fmt/format.h>

#include "base/name_suggestion.h"
#include "model/wording.h"

namespace vigil {
namespace {

constexpr int kMaxPlaceSize = 100000;  // as the scenario reader

struct Failure {
  std::string message;
};

[[noreturn]] void fail(const std::string& path, const std::string& message) { throw Failure{path + ": " + message}; }

std::string quoted(const std::string& s) { return "'" + s + "'"; }

std::vector<std::string> person_names(const Problem& p) {
  std::vector<std::string> out;
  for (const Person& person : p.people) out.push_back(person.name);
  return out;
}

std::vector<std::string> place_names(const Problem& p, std::optional<PlaceKind> kind = std::nullopt) {
  std::vector<std::string> out;
  for (const Place& pl : p.places)
    if (!kind || pl.kind == *kind) out.push_back(pl.name);
  return out;
}

// " (a, b or c)" for a short list of names.
std::string listing(const std::vector<std::string>& names) {
  if (names.empty() || names.size() > 12) return "";
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return " (" + out + ")";
}

int find_place(const Problem& p, const std::string& name) {
  for (std::size_t i = 0; i < p.places.size(); ++i)
    if (p.places[i].name == name) return static_cast<int>(i);
  return -1;
}

class Applier {
 public:
  Applier(const Problem& before, int now) : p_(before), now_(now), changeover_(before.horizon.day_start_minute) {}

  Problem run(const std::vector<UnitEvent>& events) {
    if (!p_.is_unit()) throw Failure{"expected a unit problem (a scenario), got a benchmark instance"};
    for (std::size_t i = 0; i < events.size(); ++i) apply(events[i], fmt::format("events[{}]", i));
    if (places_changed_) {
      p_.shifts.clear();
      add_unit_shifts(p_);
    }
    if (auto err = p_.validate()) throw Failure{"invalid unit after the events: " + *err};
    return std::move(p_);
  }

 private:
  std::string time_text(int minute) const { return scenario_time_point(changeover_, minute); }
  // Places change at a changeover (the events reader takes no other time
  // for them); a time inside a day would count from the next, never before.
  static int first_day_from(int minute) { return (minute + kMinutesPerDay - 1) / kMinutesPerDay; }

  void check_from(const UnitEvent& e, const std::string& path) const {
    const int end = p_.days() * kMinutesPerDay;
    if (e.from_minute < 0 || e.from_minute >= end)
      fail(path + ".from", fmt::format("expected a time within the horizon (day 0 to {}), got {}", time_text(end - 1),
                                       time_text(std::max(e.from_minute, 0))));
    if (e.from_minute < now_)
      fail(path + ".from", fmt::format("{} is before now ({})", time_text(e.from_minute), time_text(now_)));
  }

  Person& person(const std::string& name, const std::string& path) {
    if (auto id = p_.find_person(name)) return p_.people[id->index()];
    fail(path, fmt::format("expected a person of the unit, got {}{}", quoted(name), did_you_mean(name, person_names(p_))));
  }

  int place(const std::string& name, const std::string& path, bool post_only) const {
    const int pl = find_place(p_, name);
    if (post_only && pl >= 0 && p_.places[pl].kind != PlaceKind::kPost)
      fail(path, fmt::format("expected a post, got {}, a rest center", quoted(name)));
    if (pl < 0) {
      const auto names = place_names(p_, post_only ? std::optional(PlaceKind::kPost) : std::nullopt);
      fail(path, fmt::format("expected {} of the unit{}, got {}{}", post_only ? "a post" : "a place", listing(names),
                             quoted(name), did_you_mean(name, names)));
    }
    return pl;
  }

  void apply(const UnitEvent& e, const std::string& path) {
    const std::string field = path + "." + event_kind_name(e.kind);
    check_from(e, path);
    switch (e.kind) {
      case UnitEvent::Kind::kUnavailable: add_absence(e, path, field); break;
      case UnitEvent::Kind::kAvailable: end_absence(e, path, field); break;
      case UnitEvent::Kind::kJoin: add_newcomer(e, field); break;
      case UnitEvent::Kind::kPostAdded: add_post(e, path, field); break;
      case UnitEvent::Kind::kPostClosed: close_post(e, path, field); break;
      case UnitEvent::Kind::kBedsChanged: change_beds(e, path, field); break;
    }
  }

  void add_absence(const UnitEvent& e, const std::string& path, const std::string& field) {
    Person& who = person(e.person, field);
    const int end = p_.days() * kMinutesPerDay;
    if (e.until_minute != Absence::kForever) {
      if (e.until_minute <= e.from_minute)
        fail(path + ".until", fmt::format("expected a time after from ({}), got {}", time_text(e.from_minute),
                                          time_text(std::max(e.until_minute, 0))));
      if (e.until_minute > end)
        fail(path + ".until",
             fmt::format("expected a time within the horizon (up to day {}, its end; leave out 'until' for an "
                         "absence that lasts past it), got {}",
                         p_.days(), time_text(e.until_minute)));
    }
    who.unit.absences.push_back(Absence{e.from_minute, e.until_minute, e.reason});
  }

  void end_absence(const UnitEvent& e, const std::string& path, const std::string& field) {
    Person& who = person(e.person, field);
    if (available_at(who, e.from_minute))
      fail(path + ".from", fmt::format("expected a time when {} is away, got {}", quoted(who.name),
                                       time_text(e.from_minute)));
    auto& absences = who.unit.absences;
    for (Absence& a : absences)
      if (a.from_minute <= e.from_minute && e.from_minute < a.until_minute) a.until_minute = e.from_minute;
    std::erase_if(absences, [](const Absence& a) { return a.until_minute <= a.from_minute; });
  }

  void add_newcomer(const UnitEvent& e, const std::string& field) {
    const Person& j = e.joining;
    if (j.name.empty()) fail(field + ".name", "expected the person's name, got ''");
    if (p_.find_person(j.name))
      fail(field + ".name", fmt::format("expected a name not used by another person, got {} a second time", quoted(j.name)));
    if (j.unit.languages.empty()) fail(field + ".languages", "expected at least one language (like {uk: native}), got none");
    const UnitSetup& u = *p_.unit;
    for (const SpokenLanguage& l : j.unit.languages)
      if (l.language < 0 || static_cast<std::size_t>(l.language) >= u.languages.size())
        fail(field + ".languages", fmt::format("expected a language listed under 'languages', got language {}", l.language));
    if (u.skills.size() < 32 && (j.unit.skills >> u.skills.size()) != 0)
      fail(field + ".skills", "expected skills listed under 'skills', got one beyond them");
    Person newcomer = j;
    if (e.from_minute > 0) newcomer.unit.absences.insert(newcomer.unit.absences.begin(), Absence{0, e.from_minute, "not yet with the unit"});
    p_.people.push_back(std::move(newcomer));
  }

  void add_post(const UnitEvent& e, const std::string& path, const std::string& field) {
    if (e.place.empty()) fail(field, "expected the post's name, got ''");
    if (find_place(p_, e.place) >= 0)
      fail(field, fmt::format("expected a name not used by another place, got {} a second time", quoted(e.place)));
    if (e.beds < 0 || e.beds > kMaxPlaceSize)
      fail(path + ".beds", fmt::format("expected a number of beds from 0 to {}, got {}", kMaxPlaceSize, e.beds));
    if (e.watchers < 0 || e.watchers > kMaxPlaceSize)
      fail(path + ".watchers", fmt::format("expected a number of watchers from 0 to {}, got {}", kMaxPlaceSize, e.watchers));
    if (e.beds > 0 && e.watchers > e.beds)
      fail(path + ".watchers",
           fmt::format("expected at most as many watchers as beds ({}), got {} watchers", e.beds, e.watchers));
    // After the last post, so places keep the scenario's order (posts, then rest centers).
    int at = 0;
    for (std::size_t i = 0; i < p_.places.size(); ++i)
      if (p_.places[i].kind == PlaceKind::kPost) at = static_cast<int>(i) + 1;
    Place post{e.place, e.beds, PlaceKind::kPost, e.watchers, 0};
    post.open_day = first_day_from(e.from_minute);
    p_.places.insert(p_.places.begin() + at, std::move(post));
    for (PersonalRequest& r : p_.unit->requests)
      if (r.kind == PersonalRequest::Kind::kPost && r.place.value >= at) ++r.place.value;
    places_changed_ = true;
  }

  // The post stays in the unit, closed from the day of `from` on: the plan
  // before it keeps its days there, and those after it must move.
  void close_post(const UnitEvent& e, const std::string& path, const std::string& field) {
    const int pl = place(e.place, field, true);
    Place& post = p_.places[pl];
    const int day = first_day_from(e.from_minute);
    const int last = std::min(post.close_day, p_.days()) - 1;
    if (day <= post.open_day || day > last)
      fail(path + ".from", fmt::format("expected a time when {} is open, after its first day (day {} to day {}), got {}",
                                       quoted(e.place), post.open_day + 1, last, time_text(e.from_minute)));
    for (int d = day; d < p_.days(); ++d) {
      const bool other = std::any_of(p_.places.begin(), p_.places.end(), [&](const Place& x) {
        return x.kind == PlaceKind::kPost && x.name != e.place && x.open_on(d);
      });
      if (!other)
        fail(field, fmt::format("expected a post other than the last one open on day {} (a unit keeps at least one "
                                "post), got {}",
                                d, quoted(e.place)));
    }
    post.close_day = day;
  }

  void change_beds(const UnitEvent& e, const std::string& path, const std::string& field) {
    const int pl = place(e.place, field, false);
    Place& target = p_.places[pl];
    const bool rest = target.kind == PlaceKind::kRestCenter;
    const int lo = rest ? 1 : 0;
    if (e.beds < lo || e.beds > kMaxPlaceSize)
      fail(path + ".count", fmt::format("expected a number of beds from {} to {}{}, got {}", lo, kMaxPlaceSize,
                                        rest ? " (a rest center keeps at least one bed)" : "", e.beds));
    if (e.beds > 0 && target.watchers > e.beds)
      fail(path + ".count", fmt::format("expected at least as many beds as {} ({}), got {}",
                                        rest ? "guards" : "watchers", target.watchers, e.beds));
    // From the day of `from` on; a later change given earlier is replaced.
    const int day = first_day_from(e.from_minute);
    std::erase_if(target.beds_changes, [&](const BedsChange& c) { return c.day >= day; });
    if (day <= target.open_day) {
      target.capacity = e.beds;
      target.beds_changes.clear();
    } else {
      target.beds_changes.push_back(BedsChange{day, e.beds});
    }
  }

  Problem p_;
  int now_;
  int changeover_;
  bool places_changed_ = false;
};

}  // namespace

const char* event_kind_name(UnitEvent::Kind kind) {
  switch (kind) {
    case UnitEvent::Kind::kUnavailable: return "unavailable";
    case UnitEvent::Kind::kAvailable: return "available";
    case UnitEvent::Kind::kJoin: return "join";
    case UnitEvent::Kind::kPostAdded: return "add-post";
    case UnitEvent::Kind::kPostClosed: return "close-post";
    case UnitEvent::Kind::kBedsChanged: return "beds";
  }
  return "?";
}

Result<Problem> apply_events(const Problem& before, const std::vector<UnitEvent>& events, int now_minute,
                             const std::string& source_name) {
  try {
    Applier applier(before, now_minute);
    return applier.run(events);
  } catch (const Failure& f) {
    return InputError{source_name, 0, 0, f.message, ""};
  }
}

Roster remap_roster(const Problem& from, const Roster& roster, const Problem& to) {
  Roster out(to);
  if (!from.is_unit() || !to.is_unit()) return out;
  const UnitLayout a = make_unit_layout(from);
  const UnitLayout b = make_unit_layout(to);
  // Place of `from` -> place of `to`, by name.
  std::vector<int> place_map(from.places.size(), -1);
  for (std::size_t i = 0; i < from.places.size(); ++i) place_map[i] = find_place(to, from.places[i].name);
  const int days = std::min({roster.days(), from.days(), to.days()});
  const int shifts = from.shift_count();
  for (int q = 0; q < to.person_count(); ++q) {
    const auto old = from.find_person(to.people[static_cast<std::size_t>(q)].name);
    if (!old || old->value >= roster.people()) continue;
    // A transfer of an earlier repair moves with the plan (the place it came
    // from found by name), so the plan still says where the person was.
    for (const Transfer& t : roster.transfers()) {
      if (t.person != old->value || t.day >= days) continue;
      const int earlier = t.earlier >= 0 && t.earlier < shifts
                              ? place_map[static_cast<std::size_t>(a.place_of[static_cast<std::size_t>(t.earlier)])]
                              : -1;
      out.set_transfer({q, t.day, t.minute, earlier >= 0 ? b.stay_shift[static_cast<std::size_t>(earlier)] : kOff});
    }
    for (int d = 0; d < days; ++d)
      for (int lane = 0; lane < roster.lanes(); ++lane) {
        const ShiftCode c = roster.at(old->value, d, lane);
        if (c < 0 || c >= shifts) continue;
        const int pl = place_map[static_cast<std::size_t>(a.place_of[c])];
        if (pl < 0) continue;
        const int slot = a.slot_of[c];
        switch (a.role[c]) {
          case UnitShiftRole::kStay:
            out.set(q, d, b.stay_shift[static_cast<std::size_t>(pl)], UnitLayout::kPlacementLane);
            break;
          case UnitShiftRole::kWatch:
            if (slot < b.watch_slots)
              out.set(q, d, b.watch_shift[static_cast<std::size_t>(pl) * b.watch_slots + slot], b.watch_lane(slot));
            break;
          case UnitShiftRole::kShower:
            if (slot < b.shower_slots)
              out.set(q, d, b.shower_shift[static_cast<std::size_t>(pl) * b.shower_slots + slot], b.shower_lane);
            break;
        }
      }
  }
  return out;
}

}  // namespace vigil
