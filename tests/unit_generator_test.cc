// The unit generator: the same unit for the same seed, the reference mix of
// nationalities, languages, experience and skills, the places and rotation,
// the reference events and wishes, large units, and its option errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "eval/evaluation.h"
#include "solve/unit_generator.h"
#include "solve/unit_witness.h"

namespace vigil {
namespace {

constexpr int kDay = 24 * 60;

Problem make(GeneratorOptions o) {
  auto unit = generate_unit(o);
  if (!unit.ok()) throw std::runtime_error(unit.error().format());
  return std::move(unit.value());
}

// Everything the generator draws, as text.
std::string fingerprint(const Problem& p) {
  std::string out = p.name + "\n";
  for (const Place& pl : p.places)
    out += fmt::format("{} {} {} {} {}\n", pl.name, pl.capacity, static_cast<int>(pl.kind), pl.watchers, pl.showers);
  for (const Person& person : p.people) {
    out += fmt::format("{}|{}|{}|{}|", person.name, person.unit.nationality, static_cast<int>(person.unit.experience),
                       person.unit.skills);
    for (const SpokenLanguage& l : person.unit.languages) out += fmt::format("{}:{} ", l.language, static_cast<int>(l.level));
    for (const Absence& a : person.unit.absences) out += fmt::format("[{} {} {}]", a.from_minute, a.until_minute, a.reason);
    out += "\n";
  }
  for (const PersonalRequest& r : p.unit->requests)
    out += fmt::format("{} {} {} {} {} {} {} {}\n", static_cast<int>(r.kind), r.person.value, r.day, r.place.value,
                       r.first_day, r.last_day, r.partner.value, r.weight);
  return out;
}

std::map<std::string, int> by_nationality(const Problem& p) {
  std::map<std::string, int> count;
  for (const Person& person : p.people) ++count[person.unit.nationality];
  return count;
}

int with_experience(const Problem& p, Experience e) {
  int n = 0;
  for (const Person& person : p.people) n += person.unit.experience == e ? 1 : 0;
  return n;
}

int with_skill(const Problem& p, const std::string& skill) {
  const int s = p.unit->skill_index(skill);
  int n = 0;
  for (const Person& person : p.people) n += person.unit.has_skill(s) ? 1 : 0;
  return n;
}

std::vector<const Person*> absent_for(const Problem& p, const std::string& reason) {
  std::vector<const Person*> out;
  for (const Person& person : p.people)
    for (const Absence& a : person.unit.absences)
      if (a.reason == reason) out.push_back(&person);
  return out;
}

TEST(UnitGenerator, SameSeedSameUnitOtherSeedOtherUnit) {
  GeneratorOptions o;
  const std::string a = fingerprint(make(o));
  EXPECT_EQ(a, fingerprint(make(o)));
  o.seed = 2;
  const std::string b = fingerprint(make(o));
  EXPECT_NE(a, b);
  EXPECT_EQ(b, fingerprint(make(o)));
}

TEST(UnitGenerator, ReferenceUnitPlacesHorizonRotationAndRules) {
  const Problem p = make(GeneratorOptions{});
  EXPECT_TRUE(p.is_unit());
  EXPECT_EQ(p.validate(), std::nullopt);
  EXPECT_EQ(p.name, "unit-64-seed-1");
  EXPECT_EQ(p.days(), 28);
  EXPECT_EQ(p.horizon.first_weekday, 0);
  EXPECT_EQ(p.horizon.day_start_minute, 6 * 60);
  ASSERT_EQ(p.places.size(), 5u);
  for (int k = 0; k < 4; ++k) {
    const Place& post = p.places[k];
    EXPECT_EQ(post.name, fmt::format("post-{}", k + 1));
    EXPECT_EQ(post.kind, PlaceKind::kPost);
    EXPECT_EQ(post.capacity, 8);
    EXPECT_EQ(post.watchers, 2);
  }
  const Place& rest = p.places[4];
  EXPECT_EQ(rest.name, "rest-1");
  EXPECT_EQ(rest.kind, PlaceKind::kRestCenter);
  EXPECT_EQ(rest.capacity, 70);
  EXPECT_EQ(rest.watchers, 1);
  EXPECT_EQ(rest.showers, 2);
  const UnitSetup& u = *p.unit;
  EXPECT_EQ(u.languages, (std::vector<std::string>{"uk", "ru", "en", "pl", "pt", "es", "ka", "ja", "de", "fr", "sv"}));
  EXPECT_EQ(u.skills, (std::vector<std::string>{"medic", "radio", "team-leader"}));
  EXPECT_EQ(u.watch_minutes, 120);
  EXPECT_EQ(u.shower_slots_per_day(), 32);
  EXPECT_EQ(u.rotation.post_days, 2);
  EXPECT_EQ(u.rotation.rest_days, 2);
  EXPECT_EQ(u.rotation.max_rest_days, 2);
  ASSERT_EQ(u.parameters.team_needs.size(), 3u);
  EXPECT_EQ(u.parameters.team_needs[0].label, "a veteran");
  EXPECT_EQ(u.parameters.team_needs[1].label, "a medic");
  EXPECT_EQ(u.parameters.team_needs[2].label, "a Ukrainian speaker");
  EXPECT_EQ(u.parameters.team_needs[2].value, u.language_index("uk"));
  // 4 posts x (stay + 12 watches) + rest (stay + 12 guard turns + 32 showers).
  EXPECT_EQ(p.shift_count(), 4 * 13 + 13 + 32);
  EXPECT_TRUE(p.rule(RuleKind::kTeam).hard);
  EXPECT_FALSE(p.rule(RuleKind::kPersonalRequests).hard);
  EXPECT_FALSE(p.rule(RuleKind::kCover).enabled);
}

TEST(UnitGenerator, ReferenceMixForEverySeed) {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    GeneratorOptions o;
    o.seed = seed;
    const Problem p = make(o);
    SCOPED_TRACE(fmt::format("seed {}", seed));
    ASSERT_EQ(p.person_count(), 64);
    EXPECT_EQ(by_nationality(p), (std::map<std::string, int>{{"Ukrainian", 20},
                                                             {"Polish", 10},
                                                             {"American", 6},
                                                             {"British", 4},
                                                             {"Brazilian", 5},
                                                             {"Colombian", 4},
                                                             {"Georgian", 3},
                                                             {"Japanese", 3},
                                                             {"German", 3},
                                                             {"French", 2},
                                                             {"Canadian", 2},
                                                             {"Swedish", 2}}));
    EXPECT_EQ(with_experience(p, Experience::kNone), 21);
    EXPECT_EQ(with_experience(p, Experience::kTrained), 22);
    EXPECT_EQ(with_experience(p, Experience::kVeteran), 21);
    EXPECT_EQ(with_skill(p, "medic"), 12);
    EXPECT_EQ(with_skill(p, "radio"), 8);
    EXPECT_EQ(with_skill(p, "team-leader"), 8);
    int veteran_leaders = 0;
    for (const Person& person : p.people)
      if (person.unit.has_skill(2) && person.unit.experience == Experience::kVeteran) ++veteran_leaders;
    EXPECT_EQ(veteran_leaders, 6);
  }
}

TEST(UnitGenerator, LanguagesFollowNationality) {
  std::map<std::string, int> monolingual;  // native language code -> people speaking only it, over 20 seeds
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    GeneratorOptions o;
    o.seed = seed;
    const Problem p = make(o);
    const UnitSetup& u = *p.unit;
    const std::map<std::string, std::string> native = {
        {"Ukrainian", "uk"}, {"Polish", "pl"},   {"American", "en"}, {"British", "en"},
        {"Brazilian", "pt"}, {"Colombian", "es"}, {"Georgian", "ka"}, {"Japanese", "ja"},
        {"German", "de"},    {"French", "fr"},   {"Canadian", "en"}, {"Swedish", "sv"}};
    for (const Person& person : p.people) {
      SCOPED_TRACE(person.name);
      const auto& langs = person.unit.languages;
      ASSERT_GE(langs.size(), 1u);
      ASSERT_LE(langs.size(), 3u);
      EXPECT_EQ(langs[0].level, LanguageLevel::kNative);
      EXPECT_EQ(u.languages[langs[0].language], native.at(person.unit.nationality));
      std::set<int> seen;
      for (std::size_t k = 0; k < langs.size(); ++k) {
        EXPECT_TRUE(seen.insert(langs[k].language).second);
        if (k > 0) {
          EXPECT_NE(langs[k].level, LanguageLevel::kNative);
        }
      }
      if (person.unit.nationality == "Georgian") {
        EXPECT_GT(person.unit.level(u.language_index("ru")), 0);
      }
      if (person.unit.nationality == "German" || person.unit.nationality == "Swedish") {
        EXPECT_EQ(person.unit.level(u.language_index("en")), static_cast<int>(LanguageLevel::kFluent));
      }
      // Novices can share a watch with many: they speak uk, ru or en.
      if (person.unit.experience == Experience::kNone) {
        EXPECT_TRUE(person.unit.level(u.language_index("uk")) > 0 || person.unit.level(u.language_index("ru")) > 0 ||
                    person.unit.level(u.language_index("en")) > 0);
      }
      if (langs.size() == 1) ++monolingual[u.languages[langs[0].language]];
    }
  }
  // Some speak only Ukrainian, Spanish, Portuguese, Japanese or Polish.
  for (const char* code : {"uk", "es", "pt", "ja", "pl"}) EXPECT_GT(monolingual[code], 0) << code;
}

TEST(UnitGenerator, NamesAreUniqueAndFirstPlusLast) {
  const Problem p = make(GeneratorOptions{});
  std::set<std::string> names;
  for (const Person& person : p.people) {
    EXPECT_TRUE(names.insert(person.name).second) << person.name;
    EXPECT_EQ(std::count(person.name.begin(), person.name.end(), ' '), 1) << person.name;
  }
  // 1600 Ukrainians exhaust the 400 name combinations: suffixes keep them unique.
  const Problem big = make(GeneratorOptions{5120, 320, 10, 28, 1, false});
  names.clear();
  for (const Person& person : big.people) EXPECT_TRUE(names.insert(person.name).second) << person.name;
  EXPECT_EQ(by_nationality(big)["Ukrainian"], 1600);
}

TEST(UnitGenerator, ReferenceEvents) {
  const Problem p = make(GeneratorOptions{});
  const auto training = absent_for(p, "training");
  ASSERT_EQ(training.size(), 4u);
  for (const Person* person : training) {
    ASSERT_EQ(person->unit.absences.size(), 1u);
    EXPECT_EQ(person->unit.absences[0].from_minute, 0);
    EXPECT_EQ(person->unit.absences[0].until_minute, 10 * kDay);
    EXPECT_FALSE(present_on_day(*person, 9));
    EXPECT_TRUE(present_on_day(*person, 10));
  }
  const auto leave = absent_for(p, "leave");
  ASSERT_EQ(leave.size(), 3u);
  std::vector<int> starts;
  for (const Person* person : leave) {
    ASSERT_EQ(person->unit.absences.size(), 1u);
    const Absence& a = person->unit.absences[0];
    EXPECT_EQ(a.until_minute - a.from_minute, 7 * kDay);
    starts.push_back(a.from_minute / kDay);
  }
  std::sort(starts.begin(), starts.end());
  EXPECT_EQ(starts, (std::vector<int>{5, 12, 19}));

  GeneratorOptions quiet;
  quiet.reference_events = false;
  for (const Person& person : make(quiet).people) EXPECT_TRUE(person.unit.absences.empty()) << person.name;
}

TEST(UnitGenerator, PersonalRequestsAboutOnePerEightPeople) {
  const Problem p = make(GeneratorOptions{});
  const auto& requests = p.unit->requests;
  ASSERT_EQ(requests.size(), 8u);
  std::set<int> kinds, people;
  for (const PersonalRequest& r : requests) {
    kinds.insert(static_cast<int>(r.kind));
    EXPECT_TRUE(people.insert(r.person.value).second);
    ASSERT_TRUE(r.person.valid() && r.person.value < p.person_count());
    EXPECT_GE(r.weight, 1);
    switch (r.kind) {
      case PersonalRequest::Kind::kDayOff:
        EXPECT_TRUE(r.day >= 0 && r.day < p.days());
        break;
      case PersonalRequest::Kind::kPost:
        ASSERT_TRUE(r.place.valid() && r.place.value < 4);
        EXPECT_EQ(p.places[r.place.index()].kind, PlaceKind::kPost);
        EXPECT_TRUE(r.first_day >= 0 && r.first_day <= r.last_day && r.last_day < p.days());
        break;
      case PersonalRequest::Kind::kPartner:
        ASSERT_TRUE(r.partner.valid() && r.partner.value < p.person_count());
        EXPECT_NE(r.partner, r.person);
        EXPECT_EQ(p.people[r.partner.index()].unit.nationality, p.people[r.person.index()].unit.nationality);
        break;
    }
  }
  EXPECT_EQ(kinds.size(), 3u);
}

TEST(UnitGenerator, MoreThanTwoShiftsOfPeoplePerPostRestLonger) {
  // 4 posts hold 32: 64 people rotate 2/2; 70 need three classes (rest up to
  // 4 days); 100 need four (up to 6).
  EXPECT_EQ(make(GeneratorOptions{64, 4, 1, 28, 1, true}).unit->rotation.max_rest_days, 2);
  EXPECT_EQ(make(GeneratorOptions{70, 4, 1, 28, 1, true}).unit->rotation.max_rest_days, 4);
  EXPECT_EQ(make(GeneratorOptions{100, 4, 1, 28, 1, true}).unit->rotation.max_rest_days, 6);
  EXPECT_EQ(make(GeneratorOptions{48, 4, 1, 28, 1, true}).unit->rotation.max_rest_days, 2);
}

TEST(UnitGenerator, BattalionOf600GeneratesFast) {
  const auto start = std::chrono::steady_clock::now();
  const Problem p = make(GeneratorOptions{600, 30, 3, 84, 1, true});
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 5.0);
  EXPECT_EQ(p.validate(), std::nullopt);
  EXPECT_EQ(p.person_count(), 600);
  EXPECT_EQ(p.days(), 84);
  int posts = 0, rests = 0, rest_beds = 0;
  for (const Place& pl : p.places) {
    if (pl.kind == PlaceKind::kPost) ++posts;
    if (pl.kind == PlaceKind::kRestCenter) {
      ++rests;
      rest_beds += pl.capacity;
      EXPECT_GE(pl.showers, 2);
    }
  }
  EXPECT_EQ(posts, 30);
  EXPECT_EQ(rests, 3);
  EXPECT_GE(rest_beds, 600 * 70 / 64);
  // 240 post beds: 600 people rotate in three classes.
  EXPECT_EQ(p.unit->rotation.max_rest_days, 4);
  // Each nationality within one of its exact share; experience in thirds.
  const auto count = by_nationality(p);
  const std::map<std::string, int> per_64 = {{"Ukrainian", 20}, {"Polish", 10},  {"American", 6}, {"British", 4},
                                             {"Brazilian", 5},  {"Colombian", 4}, {"Georgian", 3}, {"Japanese", 3},
                                             {"German", 3},     {"French", 2},    {"Canadian", 2}, {"Swedish", 2}};
  for (const auto& [nation, share] : per_64)
    EXPECT_LE(std::abs(count.at(nation) - share * 600.0 / 64), 1.0) << nation;
  EXPECT_EQ(with_experience(p, Experience::kNone), 200);
  EXPECT_EQ(with_experience(p, Experience::kVeteran), 200);
  EXPECT_EQ(with_skill(p, "medic"), 113);  // 600 x 12 / 64 = 112.5
  EXPECT_EQ(with_skill(p, "radio"), 75);
  EXPECT_EQ(with_skill(p, "team-leader"), 75);
  // About 6 % arrive from training, about 5 % take leave.
  EXPECT_EQ(absent_for(p, "training").size(), 36u);
  EXPECT_EQ(absent_for(p, "leave").size(), 30u);
  EXPECT_EQ(p.unit->requests.size(), 75u);
  std::set<std::string> names;
  for (const Person& person : p.people) EXPECT_TRUE(names.insert(person.name).second) << person.name;
}

TEST(UnitGenerator, SmallUnitsAndShortOrLongHorizons) {
  for (const GeneratorOptions& o :
       {GeneratorOptions{12, 1, 1, 28, 1, true}, GeneratorOptions{16, 1, 1, 28, 1, true},
        GeneratorOptions{64, 4, 1, 1, 1, true}, GeneratorOptions{64, 4, 1, 7, 1, true},
        GeneratorOptions{64, 4, 1, 11, 1, true}, GeneratorOptions{64, 4, 1, 365, 1, true}}) {
    SCOPED_TRACE(fmt::format("{} people, {} days", o.people, o.days));
    const auto unit = generate_unit(o);
    ASSERT_TRUE(unit.ok()) << unit.error().format();
    EXPECT_EQ(unit.value().validate(), std::nullopt);
    for (const Person& person : unit.value().people)
      for (const Absence& a : person.unit.absences) {
        EXPECT_GE(a.from_minute, 0);
        EXPECT_LE(a.until_minute, o.days * kDay);
        EXPECT_LT(a.from_minute, a.until_minute);
      }
  }
}

TEST(UnitGeneratorErrors, BadOptionsWordForWord) {
  auto error = [](GeneratorOptions o) {
    const auto unit = generate_unit(o);
    return unit.ok() ? std::string("ok") : unit.error().format();
  };
  GeneratorOptions o;
  o.posts = 0;
  EXPECT_EQ(error(o), "unit generator: posts: expected at least 1, got 0");
  o.posts = 2001;
  EXPECT_EQ(error(o), "unit generator: posts: expected at most 2000, got 2001");
  o = GeneratorOptions{};
  o.rest_centers = 0;
  EXPECT_EQ(error(o), "unit generator: rest-centers: expected at least 1, got 0");
  o.rest_centers = 5;
  EXPECT_EQ(error(o), "unit generator: rest-centers: expected at most one per post (4), got 5");
  o = GeneratorOptions{};
  o.days = 0;
  EXPECT_EQ(error(o), "unit generator: days: expected at least 1, got 0");
  o.days = 3651;
  EXPECT_EQ(error(o), "unit generator: days: expected at most 3650, got 3651");
  o = GeneratorOptions{};
  o.people = 100001;
  EXPECT_EQ(error(o), "unit generator: people: expected at most 100000, got 100001");
  o.people = 40;
  EXPECT_EQ(error(o), "unit generator: people: expected at least 48 to hold 4 posts (12 per post), got 40");
  o.people = -3;
  o.posts = 1;
  EXPECT_EQ(error(o), "unit generator: people: expected at least 12 to hold 1 post (12 per post), got -3");
  o = GeneratorOptions{100000, 1000, 1, 51, 1, true};
  EXPECT_EQ(error(o),
            "unit generator: people x days: expected at most 5000000 person-days, got 5100000 (100000 x 51)");
}

// The witness plan the generator builds keeps every hard rule, as the full
// evaluator counts them.
TEST(UnitGeneratorWitness, WitnessRosterIsFeasible) {
  for (const GeneratorOptions& o :
       {GeneratorOptions{64, 4, 1, 28, 1, true}, GeneratorOptions{64, 4, 1, 28, 2, true},
        GeneratorOptions{64, 4, 1, 28, 3, true}, GeneratorOptions{70, 4, 1, 28, 1, true},
        GeneratorOptions{16, 1, 1, 14, 4, true}, GeneratorOptions{600, 30, 3, 84, 1, true}}) {
    SCOPED_TRACE(fmt::format("{} people, {} posts, seed {}", o.people, o.posts, o.seed));
    const Problem p = make(o);
    const auto roster = witness_roster(p);
    ASSERT_TRUE(roster.has_value());
    const Evaluation ev = evaluate(p, *roster, true);
    std::string broken;
    for (const Violation& v : ev.violations)
      if (p.rule(v.rule).hard && broken.size() < 2000) broken += v.text + "\n";
    EXPECT_EQ(ev.score.hard, 0) << broken;
  }
}

TEST(UnitGeneratorWitness, NoWitnessForAnotherWatchSetup) {
  Problem p = make(GeneratorOptions{});
  p.unit->parameters.max_watches_in_row = 1;
  EXPECT_FALSE(witness_roster(p).has_value());
}

}  // namespace
}  // namespace vigil
