// Unit rule team: every post team (everyone placed at the post on any day of
// a stint block [b*P, (b+1)*P), cut at the horizon's end) has at least
// `count` members with each team need: the experience (at least the level),
// the skill, or the language (any level). Units: the members missing, per
// (post, block, need). An empty team misses them all. A post open on only
// some days of a block (model/problem.h Place) has the team of those days;
// a block in which it is closed throughout has none. Who meets a need and
// what a team misses is in rules/team_needs.h; this unit counts the teams
// over the plan and words what they lack.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "eval/rules/place_dates.h"
#include "eval/rules/rule_support.h"
#include "eval/rules/team_needs.h"
#include "eval/unit_context.h"
#include "model/wording.h"

namespace vigil::rules {

struct Team {
  static constexpr RuleKind kKind = RuleKind::kTeam;

  static void evaluate(const RuleInput& in, const UnitContext& cx, RuleTally& tally) {
    const std::vector<TeamNeed>& needs = cx.unit.parameters.team_needs;
    const int P = cx.unit.rotation.post_days;
    if (needs.empty() || P <= 0) return;
    const int N = static_cast<int>(needs.size());
    const NeedHolders has(in.problem);

    std::vector<int> stamp(static_cast<std::size_t>(cx.people), -1);
    std::vector<int> members, with(static_cast<std::size_t>(N), 0);
    int round = 0;
    for (int pl = 0; pl < cx.places; ++pl) {
      if (in.problem.places[pl].kind != PlaceKind::kPost) continue;
      for (int first = 0; first < cx.days; first += P, ++round) {
        // Only the days of the block on which the post is open have a team.
        const OpenDays open = open_days(in.problem.places[pl], first, std::min(first + P, cx.days) - 1);
        if (!open.any()) continue;
        const int a = open.first, b = open.last;
        members.clear();
        std::fill(with.begin(), with.end(), 0);
        for (int d = a; d <= b; ++d)
          for (const int* it = cx.stay_begin_ptr(pl, d); it != cx.stay_end_ptr(pl, d); ++it) {
            if (stamp[*it] == round) continue;
            stamp[*it] = round;
            members.push_back(*it);
            for (int k = 0; k < N; ++k) with[k] += has.meets(*it, k) ? 1 : 0;
          }
        for (int k = 0; k < N; ++k) {
          const int missing = members_missing(needs[k], with[k]);
          if (missing <= 0) continue;
          record(in, kKind, tally, -1, a, b, cx.layout.stay_shift[pl], missing, missing,
                 [&] { return text(cx, pl, a, b, needs[k], members, has, k); });
          if (in.explain) in.explain->back().gist = "without " + need_words(cx.unit, needs[k]).one;
        }
      }
    }
  }


  // Says what the team lacks and who with the need is free at a rest center
  // on every day of the block (the officer's way to fix it).
  static std::string text(const UnitContext& cx, int pl, int a, int b, const TeamNeed& need,
                          const std::vector<int>& members, const NeedHolders& has, int k) {
    const NeedWords words = need_words(cx.unit, need);
    const int team = static_cast<int>(members.size());
    std::vector<int> holders;
    for (int p : members)
      if (has.meets(p, k)) holders.push_back(p);
    std::sort(holders.begin(), holders.end());
    const int n = static_cast<int>(holders.size());

    const std::string more = need.count > 1 ? fmt::format(", {} needed", need.count) : std::string();
    std::string lack;
    if (team == 0)
      lack = fmt::format("nobody is placed there, {} needed", count_text(need.count, words.noun, words.nouns));
    else if (n == 0 && team == 1)
      lack = fmt::format("its only member ({}) is not {}{}", cx.names(members), words.one, more);
    else if (n == 0)
      lack = fmt::format("none of its {} people is {}{}", team, words.one, more);
    else if (team == n)
      lack = fmt::format("only {} ({}), {} needed", count_text(n, words.noun, words.nouns), cx.names(holders), need.count);
    else
      lack = fmt::format("only {} of its {} people {} {} ({}), {} needed", n, team, n == 1 ? "is" : "are",
                         n == 1 ? words.one : words.nouns, cx.names(holders), need.count);

    // Free: has the need and is at a rest center on every day of the block.
    std::vector<std::vector<int>> free(static_cast<std::size_t>(cx.places));
    for (int p = 0; p < cx.people; ++p) {
      if (!has.meets(p, k)) continue;
      bool resting = true;
      for (int d = a; d <= b && resting; ++d) resting = cx.kind_at(p, d) == PlaceKind::kRestCenter && cx.place_at(p, d) >= 0;
      if (resting) free[static_cast<std::size_t>(cx.place_at(p, a))].push_back(p);
    }
    std::string help;
    for (int r = 0; r < cx.places; ++r) {
      const auto& who = free[static_cast<std::size_t>(r)];
      if (who.empty()) continue;
      const int m = static_cast<int>(who.size());
      if (help.empty())
        help = fmt::format("{} {} at {} ({})", count_text(m, words.noun, words.nouns), m == 1 ? "is" : "are", cx.place_name(r), cx.names(who));
      else
        help += fmt::format(", {} at {} ({})", m, cx.place_name(r), cx.names(who));
    }
    if (help.empty()) help = fmt::format("no {} is free at a rest center", words.noun);
    return fmt::format("{}, {}: {}; {}", cx.place_name(pl), cx.days_text(a, b), lack, help);
  }
};

}  // namespace vigil::rules
