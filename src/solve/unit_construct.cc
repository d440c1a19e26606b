// The unit search's first plan, built stage by stage: rotation groups (phase
// and post per person) balanced for team needs and watch partners and then
// annealed on their own, everyone placed by their group, each post's stint
// planned whole (the same slots every day of it), the rest filled greedily
// per place and day, one shower per rest stint. Also construct_unit_plan
// (unit_search.h).
#include <algorithm>
#include <bit>
#include <cmath>
#include <random>

#include "eval/rules/day_limits.h"
#include "eval/rules/team_needs.h"
#include "eval/rules/watch_partners.h"
#include "solve/unit_search.h"
#include "solve/unit_search_impl.h"

namespace vigil {
namespace unit_search_detail {

namespace {

// improve_groups' work bound: steps x days (see there).
constexpr int kGroupDayWork = 20'000'000;
// Node budget of each post stint planned whole by plan_post_stints.
constexpr int kStintPlanNodes = 4000;

// A rotation group: its members are at post `post` (an index into the
// posts) in every stint block b with b mod cycle == phase, and at a rest
// center in the other blocks. Cycles run from the shortest the rest minimum
// allows to the longest the rest maximum allows, so a unit with more people
// than post beds mixes longer and shorter rests.
struct RotationGroup {
  int cycle = 2, phase = 0, post = 0;
};

std::vector<RotationGroup> rotation_groups(const Problem& problem, int posts) {
  const Rotation& rot = problem.unit->rotation;
  const int P = std::max(1, rot.post_days);
  const int least = std::max(2, 1 + (rot.rest_days + P - 1) / P);
  const int most = std::max(least, 1 + rot.max_rest_days / P);
  std::vector<RotationGroup> groups;
  for (int c = least; c <= most; ++c)
    for (int phase = 0; phase < c; ++phase)
      for (int post = 0; post < posts; ++post) groups.push_back({c, phase, post});
  return groups;
}

// The post teams as improve_groups sees them: per post index and day, members
// present and novices among them; per post and stint block, holders of each
// team need; and what those counts cost.
class TeamTally {
 public:
  TeamTally(const Problem& problem, const std::vector<int>& posts, const std::vector<RotationGroup>& table, int P)
      : problem_(problem), posts_(posts), table_(table), P_(P), days_(problem.days()), blocks_((days_ + P - 1) / P),
        needs_(problem.unit->parameters.team_needs), N_(static_cast<int>(needs_.size())),
        L_(make_unit_layout(problem)), has_(problem) {
    const int n = problem.person_count();
    const bool lang_rule = problem.rules[static_cast<int>(RuleKind::kSharedLanguage)].enabled;
    const bool novice_rule = problem.rules[static_cast<int>(RuleKind::kNovicePair)].enabled;
    present_.assign(n, std::vector<char>(days_, 0));
    novice_.assign(n, 0);
    for (int p = 0; p < n; ++p) {
      for (int d = 0; d < days_; ++d) present_[p][d] = present_on_day(problem.people[p], d) ? 1 : 0;
      const rules::WatchTraits traits = rules::watch_traits(problem.people[p].unit);
      novice_[p] = traits.novice ? 1 : 0;
      // What may_pair reads, with a pair rule that is off never failing.
      spoken_.push_back(lang_rule ? traits.spoken.to_ullong() : ~std::uint64_t{0});
      unpairable_novice_.push_back(novice_rule && traits.novice ? 1 : 0);
    }
    members_.assign(static_cast<std::size_t>(posts.size()) * blocks_, {});
    partner_cache_.assign(members_.size(), -1);
    const int posts_n = static_cast<int>(posts.size());
    size_.assign(static_cast<std::size_t>(posts_n) * days_, 0);
    nov_.assign(size_.size(), 0);
    holders_.assign(static_cast<std::size_t>(posts_n) * blocks_ * std::max(1, N_), 0);
    const auto& par = problem.unit->parameters;
    max_watches_ = std::max(1, rules::day_limits(par, L_.watch_minutes, L_.watch_slots).max_watches);
  }

  // Counts person p in group g (sign +1) or takes them out (-1).
  void add(int p, int g, int sign) {
    const int post = table_[g].post;
    for (int b = 0; b < blocks_; ++b) {
      bool member = false;
      for (int d = b * P_; d < std::min(days_, b * P_ + P_); ++d)
        if (at_post(p, g, d)) {
          member = true;
          size_[static_cast<std::size_t>(post) * days_ + d] += sign;
          nov_[static_cast<std::size_t>(post) * days_ + d] += sign * novice_[p];
        }
      if (!member) continue;
      for (int i = 0; i < N_; ++i) holders_[(static_cast<std::size_t>(post) * blocks_ + b) * N_ + i] += sign * has_.meets(p, i);
      auto& team = members_[static_cast<std::size_t>(post) * blocks_ + b];
      int& cached = partner_cache_[static_cast<std::size_t>(post) * blocks_ + b];
      if (cached >= 0) dirtied_.emplace_back(static_cast<std::size_t>(post) * blocks_ + b, cached);
      cached = -1;
      if (sign > 0) {
        team.push_back(p);
      } else if (auto it = std::find(team.begin(), team.end(), p); it != team.end()) {
        *it = team.back();
        team.pop_back();
      }
    }
  }

  // After a step: keep what the cache holds now (taken), or put back what it
  // held before the step once its adds were undone (not taken), so a
  // rejected step does not leave the partner counts to be redone.
  void step_done(bool taken) {
    if (!taken)
      for (auto it = dirtied_.rbegin(); it != dirtied_.rend(); ++it) partner_cache_[it->first] = it->second;
    dirtied_.clear();
  }

  std::int64_t post_cost(int post) const {
    std::int64_t c = 0;
    for (int b = 0; b < blocks_; ++b) c += block_cost(post, b);
    return c;
  }

 private:
  bool at_post(int p, int g, int d) const {
    return present_[p][d] && (d / P_) % table_[g].cycle == table_[g].phase;
  }

  std::int64_t block_cost(int post, int b) const {
    const Place& place = problem_.places[posts_[post]];
    const int least = (place.watchers * L_.watch_slots + max_watches_ - 1) / max_watches_;
    // Two novices never watch together: every slot needs watchers - 1 who are not.
    const int seasoned_least = ((place.watchers - 1) * L_.watch_slots + max_watches_ - 1) / max_watches_;
    const int cap = place.capacity > 0 ? place.capacity : 1 << 20;
    std::int64_t cost = 0;
    for (int i = 0; i < N_; ++i) {
      const int h = holders_[(static_cast<std::size_t>(post) * blocks_ + b) * N_ + i];
      if (const int missing = rules::members_missing(needs_[i], h); missing > 0) cost += 100 * missing;
      else if (h == needs_[i].count) cost += 2;  // one absence away from a gap
    }
    for (int d = b * P_; d < std::min(days_, b * P_ + P_); ++d) {
      const int s = size_[static_cast<std::size_t>(post) * days_ + d];
      const int v = nov_[static_cast<std::size_t>(post) * days_ + d];
      if (s == 0) continue;  // not this post's phase on this day
      if (s < least) cost += 60 * (least - s);
      if (s == least) cost += 5;
      if (s > cap) cost += 100 * (s - cap);
      if (2 * v > s) cost += 30 * (2 * v - s);
      if (s - v < seasoned_least) cost += 60 * (seasoned_least - (s - v));
    }
    if (place.watchers >= 2) {
      int& cached = partner_cache_[static_cast<std::size_t>(post) * blocks_ + b];
      if (cached < 0) cached = partner_cost(members_[static_cast<std::size_t>(post) * blocks_ + b], least);
      cost += cached;
    }
    return cost;
  }

  bool may_pair(int a, int b) const {
    return (spoken_[a] & spoken_[b]) != 0 && !(unpairable_novice_[a] & unpairable_novice_[b]);
  }

  // Every watch pairs two people who may stand together (a shared language,
  // not two novices). A member nobody in the team may stand with, or one of
  // two whose only partner is the same third, cannot stand their share: the
  // team must do without their watches, which it can only with members
  // beyond the `least` its watches need. (A Polish-only speaker may be the
  // team's Polish speaker and stand no watch at the post.) Presence within
  // the block is ignored: a few people for a cheap count.
  int partner_cost(const std::vector<int>& team, int least) const {
    int unpaired = 0;
    sole_.clear();
    for (int a : team) {
      int partners = 0, only = -1;
      for (int b : team)  // (two partners are enough: most people stop there early)
        if (b != a && may_pair(a, b) && (only = b, ++partners) >= 2) break;
      if (partners == 0) ++unpaired;
      if (partners != 1) continue;
      if (std::find(sole_.begin(), sole_.end(), only) != sole_.end()) ++unpaired;
      else sole_.push_back(only);
    }
    const int spare = std::max(0, static_cast<int>(team.size()) - least);
    return 100 * std::max(0, unpaired - spare) + 2 * std::min(unpaired, spare);
  }

  const Problem& problem_;
  const std::vector<int>& posts_;
  const std::vector<RotationGroup>& table_;
  const int P_, days_, blocks_;
  const std::vector<TeamNeed>& needs_;
  const int N_;
  const UnitLayout L_;
  const rules::NeedHolders has_;
  int max_watches_ = 1;
  std::vector<std::vector<char>> present_;
  std::vector<char> novice_;
  std::vector<int> size_, nov_, holders_;
  std::vector<std::uint64_t> spoken_;     // per person: languages spoken (all when shared-language is off)
  std::vector<char> unpairable_novice_;  // per person: a novice, and novice-pair is on
  std::vector<std::vector<int>> members_;  // per post and block: who is there on some day of it
  mutable std::vector<int> sole_;  // partner_cost's scratch: members someone can only stand with
  std::vector<std::pair<std::size_t, int>> dirtied_;  // this step's cache entries cleared, and what they held
  mutable std::vector<int> partner_cache_;  // per post and block: partner_cost, -1 once its members changed
};

// Annealing over the rotation groups alone (phase x post per person), with
// each post team's needs, size and novices counted day by day from presence.
// Cheap compared with the full plan, and it settles what watch moves cannot:
// who is in which team.
void improve_groups(const Problem& problem, const std::vector<int>& posts, const std::vector<RotationGroup>& table,
                    int P, std::vector<int>& group_of, Rng& rng, const OutOfTime& out_of_time) {
  const int n = problem.person_count();
  const int G = static_cast<int>(table.size());
  TeamTally tally(problem, posts, table, P);
  for (int p = 0; p < n; ++p) tally.add(p, group_of[p], +1);
  std::int64_t total = 0;
  for (int post = 0; post < static_cast<int>(posts.size()); ++post) total += tally.post_cost(post);
  // Each step recounts its people's whole lines (O(days)): the steps are
  // capped by days too, so a ten-year horizon is grouped in about a second
  // (issue 15). Rotation groups repeat every few blocks, so a long horizon
  // needs no more steps than a short one to settle them.
  const int steps = std::min({400000, 4000 + 300 * n, std::max(2000, kGroupDayWork / std::max(1, problem.days()))});
  for (int step = 0; step < steps && total > 0; ++step) {
    if ((step & 255) == 0 && out_of_time && out_of_time()) return;
    const double temp = 20.0 * std::pow(0.01, static_cast<double>(step) / steps);
    const int a = rng.below(n);
    const bool swap = rng.below(2) == 0;
    const int b = swap ? rng.below(n) : -1;
    const int ga = group_of[a];
    const int gb = swap ? group_of[b] : rng.below(G);
    if (ga == gb) continue;
    const int pa = table[ga].post, pb = table[gb].post;
    const std::int64_t before = tally.post_cost(pa) + (pb != pa ? tally.post_cost(pb) : 0);
    tally.add(a, ga, -1);
    tally.add(a, gb, +1);
    if (swap) tally.add(b, gb, -1), tally.add(b, ga, +1);
    const std::int64_t after = tally.post_cost(pa) + (pb != pa ? tally.post_cost(pb) : 0);
    const std::int64_t delta = after - before;
    if (delta <= 0 || rng.unit() < std::exp(-static_cast<double>(delta) / temp)) {
      group_of[a] = gb;
      if (swap) group_of[b] = ga;
      total += delta;
      tally.step_done(true);
    } else {
      tally.add(a, gb, -1);
      tally.add(a, ga, +1);
      if (swap) tally.add(b, ga, -1), tally.add(b, gb, +1);
      tally.step_done(false);
    }
  }
}

// Everyone in a random order, then those holding rarer qualities first, so
// each group gets its share of them.
std::vector<int> rarest_first(const Problem& problem, Rng& rng) {
  const auto& needs = problem.unit->parameters.team_needs;
  const int n = problem.person_count();
  const rules::NeedHolders has(problem);
  std::vector<int> holders(needs.size(), 0);
  for (int p = 0; p < n; ++p)
    for (std::size_t i = 0; i < needs.size(); ++i) holders[i] += has.meets(p, static_cast<int>(i)) ? 1 : 0;
  std::vector<double> rarity(n, 0);
  for (int p = 0; p < n; ++p)
    for (std::size_t i = 0; i < needs.size(); ++i)
      if (has.meets(p, static_cast<int>(i))) rarity[p] += 1.0 / std::max(1, holders[i]);
  std::vector<int> order(n);
  for (int p = 0; p < n; ++p) order[p] = p;
  std::shuffle(order.begin(), order.end(), rng.engine);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return rarity[a] > rarity[b]; });
  return order;
}

// Each person, in `order`, joins the group where they add most: groups small
// for their cycle, short of a need the person meets, sharing a language with
// them, with few novices.
std::vector<int> first_groups(const Problem& problem, const std::vector<int>& posts,
                              const std::vector<RotationGroup>& table, const std::vector<int>& order, Rng& rng) {
  const auto& needs = problem.unit->parameters.team_needs;
  const int n = problem.person_count();
  const int groups = static_cast<int>(table.size());
  const rules::NeedHolders has(problem);
  std::vector<double> presence(n, 0);
  for (int p = 0; p < n; ++p) {
    for (int d = 0; d < problem.days(); ++d) presence[p] += present_on_day(problem.people[p], d) ? 1 : 0;
    presence[p] /= std::max(1, problem.days());
  }
  std::vector<double> size(groups, 0);
  std::vector<std::vector<double>> have(groups, std::vector<double>(needs.size(), 0));
  std::vector<rules::LanguageSet> langs(groups);
  std::vector<int> novices(groups, 0), members(groups, 0);
  std::vector<int> group_of(n, -1);
  for (int p : order) {
    const Person& person = problem.people[p];
    const rules::WatchTraits traits = rules::watch_traits(person.unit);
    const rules::LanguageSet& mine = traits.spoken;
    const bool novice = traits.novice;
    int best = 0;
    double best_cost = 1e18;
    for (int g = 0; g < groups; ++g) {
      const int post = posts[table[g].post];
      const int cap = problem.places[post].capacity > 0 ? problem.places[post].capacity : 1000;
      double cost = 10.0 * size[g] / table[g].cycle;
      if (members[g] >= cap) cost += 1e6;
      for (std::size_t i = 0; i < needs.size(); ++i)
        if (has.meets(p, static_cast<int>(i)) && have[g][i] < needs[i].count + 0.5)
          cost -= 40.0 * (needs[i].count + 0.5 - have[g][i]);
      if (members[g] > 0 && (langs[g] & mine).none()) cost += 30;
      if (novice) cost += 8.0 * novices[g];
      cost += rng.unit() * 0.1;
      if (cost < best_cost) best_cost = cost, best = g;
    }
    group_of[p] = best;
    size[best] += presence[p];
    members[best] += 1;
    langs[best] |= mine;
    novices[best] += novice ? 1 : 0;
    for (std::size_t i = 0; i < needs.size(); ++i) have[best][i] += has.meets(p, static_cast<int>(i)) ? presence[p] : 0;
  }
  return group_of;
}

// A post open on `day` with the fewest people placed there so far (the
// first of them): where someone goes whose group's post is closed that day
// (opened or closed by a repair's events), so nobody is placed at a closed
// post. (At least one post is open every day: Problem::validate.)
int least_filled_open_post(const Problem& problem, const std::vector<int>& posts, const Roster& roster,
                           const UnitLayout& L, int day) {
  int best = -1, fewest = 0;
  for (int post : posts) {
    if (!problem.places[post].open_on(day)) continue;
    int n = 0;
    for (int p = 0; p < roster.people(); ++p) n += roster.at(p, day, UnitLayout::kPlacementLane) == L.stay_shift[post];
    if (best < 0 || n < fewest) best = post, fewest = n;
  }
  return best < 0 ? posts.front() : best;
}

}  // namespace

void place_people(const Problem& problem, const UnitLayout& L, Roster& roster, Rng& rng, const OutOfTime& out_of_time) {
  std::vector<int> posts, rests;
  for (int pl = 0; pl < L.places; ++pl) {
    if (problem.places[pl].kind == PlaceKind::kPost) {
      posts.push_back(pl);
    } else if (problem.places[pl].kind == PlaceKind::kRestCenter) {
      rests.push_back(pl);
    }
  }
  if (posts.empty() || rests.empty()) return;
  const int P = std::max(1, problem.unit->rotation.post_days);
  const std::vector<RotationGroup> table = rotation_groups(problem, static_cast<int>(posts.size()));
  const std::vector<int> order = rarest_first(problem, rng);
  std::vector<int> group_of = first_groups(problem, posts, table, order, rng);
  improve_groups(problem, posts, table, P, group_of, rng, out_of_time);
  for (int p = 0; p < problem.person_count(); ++p) {
    const RotationGroup& group = table[group_of[p]];
    const int post_index = group.post;
    const int post = posts[post_index];
    const int rest = rests[post_index % rests.size()];
    int instead = -1;  // the post taken instead of the group's on its closed days, kept for a stint block
    for (int d = 0; d < problem.days(); ++d) {
      if (!present_on_day(problem.people[p], d)) continue;
      const bool at_post = (d / P) % group.cycle == group.phase;
      int where = at_post ? post : rest;
      if (at_post && !problem.places[post].open_on(d)) {
        if (instead < 0 || d % P == 0 || !problem.places[instead].open_on(d))
          instead = least_filled_open_post(problem, posts, roster, L, d);
        where = instead;
      }
      roster.set(p, d, L.stay_shift[where], UnitLayout::kPlacementLane);
    }
  }
}

namespace {

// Each post's stint block planned whole before anything else, the same
// slots on every day of it (DayRebuilder's repeat): the limits over any 24
// hours leave a post team with just the watches it needs no other way, and
// the greedy fill below, slot by slot, rarely lands on one. Blocks the
// re-plan finds nothing for are left to the greedy fill.
void plan_post_stints(const Problem& problem, UnitEvaluator& ev, Rng& rng, const OutOfTime& out_of_time) {
  const UnitLayout& L = ev.layout();
  const int P = problem.unit->rotation.post_days;
  if (P < 1) return;
  DayRebuilder rebuilder;
  std::vector<CellChange> changes;
  for (int first = 0; first < L.days; first += P) {
    if (out_of_time && out_of_time()) return;
    for (int pl = 0; pl < L.places; ++pl) {
      if (problem.places[pl].kind != PlaceKind::kPost || problem.places[pl].watchers_on(first) <= 0) continue;
      if (rebuilder.rebuild(ev, pl, first, rng.engine, changes, kStintPlanNodes, P))
        ev.apply(changes.data(), static_cast<int>(changes.size()));
    }
  }
}

}  // namespace

void assign_watches(const Problem& problem, UnitEvaluator& ev, Rng& rng, const OutOfTime& out_of_time) {
  const UnitLayout& L = ev.layout();
  const rules::DayLimits& lim = ev.day_limits();
  std::vector<CellChange> changes;
  std::vector<int> here;
  plan_post_stints(problem, ev, rng, out_of_time);
  for (int d = 0; d < L.days; ++d) {
    if (out_of_time && out_of_time()) return;
    for (int pl = 0; pl < L.places; ++pl) {
      const Place& place = problem.places[pl];
      if (place.watchers_on(d) <= 0) continue;
      here = ev.people_at(pl, d);
      std::shuffle(here.begin(), here.end(), rng.engine);
      for (int s = 0; s < L.watch_slots; ++s) {
        for (int k = ev.watcher_count(pl, d, s); k < place.watchers_on(d); ++k) {
          int best = -1;
          double best_cost = 1e18;
          const int* on = ev.watchers(pl, d, s);
          const int on_count = std::min(ev.watcher_count(pl, d, s), UnitEvaluator::kSlotCap);
          for (int p : here) {
            const std::uint64_t mask = ev.watch_mask(p, d);
            if ((mask >> s) & 1) continue;
            double cost = 0;
            const std::uint64_t with = mask | (std::uint64_t{1} << s);
            if (ev.absent_slots(p, d) >> s & 1) cost += 1000;
            const std::uint64_t before = d > 0 ? ev.watch_mask(p, d - 1) : 0;
            const std::uint64_t after = d + 1 < L.days ? ev.watch_mask(p, d + 1) : 0;
            if (rules::window_watches_over(before, with, lim) > 0 || rules::window_watches_over(with, after, lim) > 0)
              cost += 500;
            if (rules::run_over(rules::run_through_days(before, with, after, s, L.watch_slots), lim) > 0) cost += 300;
            if (rules::window_rest_too_short(before, with, lim) || rules::window_rest_too_short(with, after, lim))
              cost += 200;
            if (!ev.travel_fits(p, d, s, pl)) cost += 300;
            for (int i = 0; i < on_count; ++i) {
              if (!rules::share_language(ev.watch_traits(p), ev.watch_traits(on[i]))) cost += 400;
              if (rules::novice_pair(ev.watch_traits(p), ev.watch_traits(on[i]))) cost += 400;
            }
            cost += 20.0 * std::popcount(mask);
            cost += 2.0 * (ev.watch_total(p) - ev.watch_target(p));
            if (L.night_slot[s]) cost += 3.0 * (ev.night_total(p) - ev.night_target(p));
            if (cost < best_cost) best_cost = cost, best = p;
          }
          if (best < 0) break;
          const CellChange c{best, d, L.watch_lane(s), L.watch_shift[static_cast<std::size_t>(pl) * L.watch_slots + s]};
          ev.apply(&c, 1);
        }
      }
    }
  }
}

void assign_showers(const Problem& problem, UnitEvaluator& ev, Rng& rng, const OutOfTime& out_of_time) {
  const UnitLayout& L = ev.layout();
  if (L.shower_slots <= 0) return;
  for (int p = 0; p < problem.person_count(); ++p) {
    int d = 0;
    while (d < L.days) {
      if (out_of_time && out_of_time()) return;
      const int pl = ev.place_at(p, d);
      if (pl < 0 || problem.places[pl].kind != PlaceKind::kRestCenter) {
        ++d;
        continue;
      }
      int e = d;
      while (e + 1 < L.days) {
        const int next = ev.place_at(p, e + 1);
        if (next < 0 || problem.places[next].kind != PlaceKind::kRestCenter) break;
        ++e;
      }
      Score best_delta{};
      CellChange best{-1, 0, 0, kOff};
      for (int tries = 0; tries < 12; ++tries) {
        const int day = d + rng.below(e - d + 1);
        const int at = ev.place_at(p, day);
        if (problem.places[at].showers <= 0) continue;
        const int k = rng.below(L.shower_slots);
        const CellChange c{p, day, L.shower_lane, L.shower_shift[static_cast<std::size_t>(at) * L.shower_slots + k]};
        // Every try puts the stint's one shower on one of its days: the
        // line part of the delta is the same for all, so it is left out.
        const Score delta = ev.try_changes_beside_lines(&c, 1);
        if (best.person < 0 || delta < best_delta) best_delta = delta, best = c;
      }
      if (best.person >= 0) ev.apply(&best, 1);
      d = e + 1;
    }
  }
}

}  // namespace unit_search_detail

Roster construct_unit_plan(const Problem& problem, std::uint64_t seed) {
  using namespace unit_search_detail;
  Rng rng(seed);
  Roster start(problem);
  place_people(problem, make_unit_layout(problem), start, rng);
  UnitEvaluator ev(problem, start);
  assign_watches(problem, ev, rng);
  assign_showers(problem, ev, rng);
  return ev.roster();
}

}  // namespace vigil
