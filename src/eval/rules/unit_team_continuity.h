// Unit wish team-continuity: a post team is a squad that serves on together.
// For each post team (post x stint block, its members as in rule `team`),
// each member's next post stint is the post they are at on the first day
// after the block, within max-rest-days + 1 days, on which they are at a post.
// The members that have one go on; the largest group of them going on to
// one post keeps the team, and every other member going on is one unit. So a
// team that goes on whole (to any one post) costs nothing, a team of 8 split
// 5/3 costs 3, and a member who rests longer, leaves or is absent is not
// counted. The counting is shared by the full evaluator (evaluate below) and
// the incremental one (eval/unit_evaluator.cc), which look places up their
// own way (the PlaceAt callables).
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "eval/rules/place_dates.h"
#include "eval/rules/rule_support.h"
#include "eval/unit_context.h"

namespace vigil::rules {

// How many days after a block a member's next post stint may start.
inline int continuity_reach(const Rotation& rotation) { return rotation.max_rest_days + 1; }

// The post `person` serves at next after `last_day` (the first day in
// (last_day, last_day + reach] on which post_at(person, day) >= 0), or -1.
// post_at gives the post a person is at that day, -1 when at none.
template <class PostAt>
int next_post(const PostAt& post_at, int person, int last_day, int reach, int days, int* on_day = nullptr) {
  const int end = std::min(days - 1, last_day + reach);
  for (int d = last_day + 1; d <= end; ++d)
    if (const int pl = post_at(person, d); pl >= 0) {
      if (on_day) *on_day = d;
      return pl;
    }
  return -1;
}

// A team's members by the post they go on to: `going` counts per post
// (indexed by place; reset by the caller), `continuing` members going on at
// all, `largest` the most going on to one post.
struct TeamSplit {
  int continuing = 0, largest = 0;
  int units() const { return continuing - largest; }
};

// Counts the split of the team `members` of a block ending on `last_day`.
// `going` holds one counter per place, all 0 on entry and on return.
template <class PostAt>
TeamSplit team_split(const PostAt& post_at, const int* members, int count, int last_day, int reach, int days,
                     int* going) {
  TeamSplit s;
  for (int i = 0; i < count; ++i)
    if (const int next = next_post(post_at, members[i], last_day, reach, days); next >= 0) {
      ++s.continuing;
      s.largest = std::max(s.largest, ++going[next]);
    }
  for (int i = 0; i < count; ++i)
    if (const int next = next_post(post_at, members[i], last_day, reach, days); next >= 0) going[next] = 0;
  return s;
}

struct TeamContinuity {
  static constexpr RuleKind kKind = RuleKind::kTeamContinuity;

  // Calls visit(post, first_day, last_day, members) for every post team of
  // the plan: the days of its block on which the post is open, and everyone
  // placed at the post on one of them, in person order.
  template <class Visit>
  static void for_each_team(const UnitContext& cx, Visit&& visit) {
    const int P = cx.unit.rotation.post_days;
    if (P <= 0) return;
    std::vector<int> members;
    std::vector<char> in(static_cast<std::size_t>(cx.people), 0);
    for (int pl = 0; pl < cx.places; ++pl) {
      if (cx.problem.places[static_cast<std::size_t>(pl)].kind != PlaceKind::kPost) continue;
      for (int first = 0; first < cx.days; first += P) {
        const int last = std::min(first + P, cx.days) - 1;
        const OpenDays open = open_days(cx.problem.places[static_cast<std::size_t>(pl)], first, last);
        if (!open.any()) continue;
        members.clear();
        for (int d = open.first; d <= open.last; ++d)
          for (const int* it = cx.stay_begin_ptr(pl, d); it != cx.stay_end_ptr(pl, d); ++it)
            if (!in[static_cast<std::size_t>(*it)]) in[static_cast<std::size_t>(*it)] = 1, members.push_back(*it);
        for (int p : members) in[static_cast<std::size_t>(p)] = 0;
        std::sort(members.begin(), members.end());
        visit(pl, first, last, members);
      }
    }
  }

  // The post a person is at on a day, -1 when at none (a rest center, nowhere).
  static int post_at(const UnitContext& cx, int person, int day) {
    const int pl = cx.place_at(person, day);
    return pl >= 0 && cx.problem.places[static_cast<std::size_t>(pl)].kind == PlaceKind::kPost ? pl : -1;
  }

  static void evaluate(const RuleInput& in, const UnitContext& cx, RuleTally& tally) {
    const int reach = continuity_reach(cx.unit.rotation);
    std::vector<int> going(static_cast<std::size_t>(cx.places), 0);
    auto at = [&](int p, int d) { return post_at(cx, p, d); };
    for_each_team(cx, [&](int pl, int first, int last, const std::vector<int>& members) {
      const TeamSplit s = team_split(at, members.data(), static_cast<int>(members.size()), last, reach, cx.days,
                                     going.data());
      if (s.units() == 0) return;
      record(in, kKind, tally, -1, first, last, cx.layout.stay_shift[pl], s.units(), s.units(),
             [&] { return text(cx, pl, first, last, members, reach); });
      if (in.explain) in.explain->back().gist = "team split at the next stint";
    });
  }

  // "post-1, days 0-1: its team splits at the next stint: 5 go on together
  // to post-2 (from day 4); apart from them: Ana Lima, Jan Nowak (post-3)".
  static std::string text(const UnitContext& cx, int pl, int first, int last, const std::vector<int>& members,
                          int reach) {
    std::vector<std::vector<int>> by_post(static_cast<std::size_t>(cx.places));
    std::vector<int> start(static_cast<std::size_t>(cx.places), cx.days);
    auto at = [&](int p, int d) { return post_at(cx, p, d); };
    for (int p : members) {
      int day = -1;
      if (const int next = next_post(at, p, last, reach, cx.days, &day); next >= 0) {
        by_post[static_cast<std::size_t>(next)].push_back(p);
        start[static_cast<std::size_t>(next)] = std::min(start[static_cast<std::size_t>(next)], day);
      }
    }
    int keep = -1;  // the largest group; the first post of those as large
    for (int q = 0; q < cx.places; ++q)
      if (keep < 0 || by_post[static_cast<std::size_t>(q)].size() > by_post[static_cast<std::size_t>(keep)].size())
        keep = q;
    std::string apart;
    for (int q = 0; q < cx.places; ++q) {
      if (q == keep || by_post[static_cast<std::size_t>(q)].empty()) continue;
      if (!apart.empty()) apart += "; ";
      apart += fmt::format("{} ({})", cx.names(by_post[static_cast<std::size_t>(q)]), cx.place_name(q));
    }
    const auto& kept = by_post[static_cast<std::size_t>(keep)];
    if (kept.size() == 1)  // no two go on together: name everyone
      return fmt::format("{}, {}: its team scatters at the next stint: {} ({}); {}", cx.place_name(pl),
                         cx.days_text(first, last), cx.names(kept), cx.place_name(keep), apart);
    return fmt::format("{}, {}: its team splits at the next stint: {} go on together to {} (from {}); apart from them: {}",
                       cx.place_name(pl), cx.days_text(first, last), kept.size(),
                       cx.place_name(keep), day_label(cx.problem, start[static_cast<std::size_t>(keep)]), apart);
  }
};

// Post teams of a plan that go on whole: of the teams with at least two
// members going on to a next post stint, how many go on together.
struct TeamsWhole {
  int teams = 0, whole = 0;
};
inline TeamsWhole teams_whole(const UnitContext& cx) {
  TeamsWhole out;
  const int reach = continuity_reach(cx.unit.rotation);
  std::vector<int> going(static_cast<std::size_t>(cx.places), 0);
  auto at = [&](int p, int d) { return TeamContinuity::post_at(cx, p, d); };
  TeamContinuity::for_each_team(cx, [&](int, int, int last, const std::vector<int>& members) {
    const TeamSplit s =
        team_split(at, members.data(), static_cast<int>(members.size()), last, reach, cx.days, going.data());
    if (s.continuing < 2) return;
    ++out.teams;
    if (s.units() == 0) ++out.whole;
  });
  return out;
}

}  // namespace vigil::rules
