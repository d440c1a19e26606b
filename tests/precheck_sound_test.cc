// The precheck's proofs are proofs: on random small units (seeded) no plan
// the search finds breaks fewer hard units than proven_minimum() says every
// plan breaks. 40 units here; VIGIL_PRECHECK_UNITS=300 runs more.
// And a unit whose post opens mid-horizon, where the proof still holds.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "eval/evaluation.h"
#include "eval/unit_precheck.h"
#include "solve/solver.h"
#include "unit_test_support.h"

namespace vigil {
namespace {

using test::person;
using test::UnitBuilder;

constexpr int kDay = 24 * 60;

Problem random_unit(std::uint32_t seed) {
  std::mt19937 rng(seed);
  const auto pick = [&](int lo, int hi) { return lo + static_cast<int>(rng() % static_cast<unsigned>(hi - lo + 1)); };
  UnitBuilder b;
  b.days = 2 * pick(3, 5);
  b.setup.rotation = Rotation{2, 2, pick(2, 4)};
  const int posts = pick(1, 2);
  b.places.clear();
  for (int k = 0; k < posts; ++k)
    b.places.push_back({fmt::format("post-{}", k + 1), PlaceKind::kPost, pick(3, 8), pick(1, 2), 0});
  b.places.push_back({"rest", PlaceKind::kRestCenter, pick(6, 40), pick(0, 1), pick(1, 2)});
  b.setup.parameters.team_needs = {TeamNeed{TeamNeed::Kind::kLanguage, 0, pick(1, 2), ""}};
  if (pick(0, 1)) b.setup.parameters.team_needs.push_back(TeamNeed{TeamNeed::Kind::kExperience, 2, 1, ""});
  const int people = pick(4, 16);
  for (int i = 0; i < people; ++i) {
    std::vector<std::pair<std::string, LanguageLevel>> langs = {{pick(0, 2) ? "en" : "pl", LanguageLevel::kNative}};
    if (pick(0, 2) == 0) langs.push_back({"uk", LanguageLevel::kBasic});
    std::vector<Absence> away;
    if (pick(0, 4) == 0) {
      const int from = pick(0, b.days - 1);
      away.push_back(Absence{from * kDay, std::min(b.days, from + pick(1, 3)) * kDay, "leave"});
    }
    b.people.push_back(person(fmt::format("P{}", i), langs, static_cast<Experience>(pick(0, 2)), {}, away));
  }
  Problem p = b.build();
  if (posts == 2 && pick(0, 2) == 0) p.places[1].open_day = pick(1, b.days - 2);
  // Every other unit keeps only the rules the team proofs count (the search
  // reaches their bounds more often); the others have some rules soft: a
  // proof may only rely on the hard ones.
  if (seed % 2 == 0) {
    for (int k = static_cast<int>(RuleKind::kWatchCover); k < kRuleCount; ++k) {
      const RuleKind kind = static_cast<RuleKind>(k);
      p.rules[static_cast<std::size_t>(k)].enabled =
          kind == RuleKind::kTeam || kind == RuleKind::kRotation || kind == RuleKind::kUnavailable;
    }
    return p;
  }
  // Some rules off or soft: a proof may only rely on the hard ones.
  for (const RuleKind k : {RuleKind::kNovicePair, RuleKind::kSharedLanguage, RuleKind::kDailyRest, RuleKind::kShowers,
                           RuleKind::kBeds, RuleKind::kUnavailable, RuleKind::kDailyWatchHours})
    if (pick(0, 5) == 0) p.rule(k).hard = false;
  return p;
}

TEST(PrecheckSound, NoPlanTheSearchFindsIsBelowTheProvenMinimum) {
  const char* env = std::getenv("VIGIL_PRECHECK_UNITS");
  const int units = env ? std::atoi(env) : 40;
  int proofs = 0, reached = 0;
  std::int64_t proven_sum = 0, hard_sum = 0;
  for (int seed = 1; seed <= units; ++seed) {
    const Problem p = random_unit(static_cast<std::uint32_t>(seed));
    ASSERT_FALSE(p.validate()) << "seed " << seed;
    const std::int64_t proven = proven_minimum(precheck_unit(p));
    if (proven == 0) continue;
    ++proofs;
    SolveOptions o;
    o.work_limit = std::getenv("VIGIL_PRECHECK_WORK") ? std::atoll(std::getenv("VIGIL_PRECHECK_WORK")) : 60000;
    o.time_limit_seconds = 1e6;
    o.seed = static_cast<std::uint64_t>(seed);
    const SolveResult r = solve(p, o);
    const std::int64_t hard = evaluate(p, r.roster).score.hard;
    EXPECT_GE(hard, proven) << "seed " << seed;
    if (std::getenv("VIGIL_PRECHECK_VERBOSE")) {
      std::printf("seed %d: proven %lld, search %lld\n", seed, static_cast<long long>(proven), static_cast<long long>(hard));
      for (const Finding& f : precheck_unit(p)) std::printf("  %s\n", f.text.c_str());
      for (const Violation& v : evaluate(p, r.roster, true).violations)
        if (p.rule(v.rule).hard) std::printf("    - %s\n", v.text.c_str());
    }
    reached += hard == proven ? 1 : 0;
    proven_sum += proven;
    hard_sum += hard;
  }
  // The units are small enough that most proofs are reached: a check that
  // the test proves something at all.
  EXPECT_GT(proofs, units / 4);
  RecordProperty("proofs", proofs);
  RecordProperty("reached", reached);
  std::printf("%d units, %d with a proof, %d reached by the search; proven %lld, reached %lld hard units in all\n",
              units, proofs, reached, static_cast<long long>(proven_sum), static_cast<long long>(hard_sum));
}

// post-2 opens on day 3, inside the stint block [2, 3]: the first team may
// serve a short stint there, and the proof gives that excuse to everyone.
TEST(PrecheckSound, APostOpeningMidHorizonKeepsTheProof) {
  UnitBuilder b;
  b.days = 8;
  b.places = {{"post-1", PlaceKind::kPost, 8, 2, 0},
              {"post-2", PlaceKind::kPost, 8, 2, 0},
              {"rest", PlaceKind::kRestCenter, 70, 0, 2}};
  b.setup.parameters.team_needs = {TeamNeed{TeamNeed::Kind::kLanguage, 0, 2, ""}};
  for (int i = 0; i < 5; ++i) b.people.push_back(person("Uk" + std::to_string(i), {{"uk", LanguageLevel::kNative}}));
  for (int i = 0; i < 20; ++i) b.people.push_back(person("En" + std::to_string(i)));
  Problem p = b.build();
  p.places[1].open_day = 3;
  ASSERT_FALSE(p.validate());
  const std::vector<Finding> findings = precheck_unit(p);
  const std::int64_t proven = proven_minimum(findings);
  EXPECT_GT(proven, 0);
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    SolveOptions o;
    o.work_limit = 200'000;
    o.time_limit_seconds = 1e6;
    o.seed = seed;
    EXPECT_GE(evaluate(p, solve(p, o).roster).score.hard, proven) << "seed " << seed;
  }
}

}  // namespace
}  // namespace vigil
