// Construction and annealing for unit problems (see unit_search.h).
#include "solve/unit_search.h"

#include <algorithm>
#include <bit>
#include <chrono>
#include <cmath>
#include <random>

#include <fmt/format.h>

#include "eval/rules/day_limits.h"
#include "eval/rules/team_needs.h"
#include "eval/rules/watch_partners.h"
#include "eval/unit_check.h"
#include "eval/unit_evaluator.h"
#include "solve/day_rebuild.h"
#include "solve/workers.h"

namespace vigil {

namespace {


// A repair looking for a plan that keeps every hard rule counts a share
// (percent) of each change's price: half at first, falling to a hundredth
// while no plan is found. (On unit-64 single losses, starting lower leaves
// twice as many needless changes; never going below a fifth finds a plan in
// a quarter of the cases only.)
constexpr int kFirstChangePercent = 50;
constexpr int kLeastChangePercent = 1;
// Share of a repair's time or work after which it settles even without a plan
// keeping every hard rule.
constexpr double kSettleAnywayAt = 0.6;
// Moves after which a repair that found no plan keeping every hard rule
// starts again from the plan in force.
constexpr std::int64_t kRestartMoves = 150'000;
// Share (percent) of a repair's moves, while looking for a plan, that re-plan
// a broken place-day whole (solve/day_rebuild.h).
// (One in a hundred, with a budget of 1000 nodes: on unit-64 single losses
// more often or deeper slows the repairs more than it rescues.)
constexpr int kRebuildPercent = 1;
constexpr int kRebuildNodes = 1000;

struct Rng {
  std::mt19937_64 engine;
  explicit Rng(std::uint64_t seed) : engine(seed) {}
  int below(int n) { return n <= 1 ? 0 : static_cast<int>(engine() % static_cast<std::uint64_t>(n)); }
  double unit() { return static_cast<double>(engine() >> 11) * 0x1.0p-53; }
};

// ---- construction ----------------------------------------------------------

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

// Annealing over the rotation groups alone (phase x post per person), with
// each post team's needs, size and novices counted day by day from presence.
// Cheap compared with the full plan, and it settles what watch moves cannot:
// who is in which team.
void improve_groups(const Problem& problem, const std::vector<int>& posts, const std::vector<RotationGroup>& table,
                    int P, std::vector<int>& group_of, Rng& rng) {
  const int n = problem.person_count(), days = problem.days();
  const int G = static_cast<int>(table.size());
  const int blocks = (days + P - 1) / P;
  const auto& needs = problem.unit->parameters.team_needs;
  const int N = static_cast<int>(needs.size());
  const UnitLayout L = make_unit_layout(problem);
  const auto& par = problem.unit->parameters;
  std::vector<std::vector<char>> present(n, std::vector<char>(days, 0));
  const rules::NeedHolders has(problem);
  std::vector<char> novice(n, 0);
  for (int p = 0; p < n; ++p) {
    for (int d = 0; d < days; ++d) present[p][d] = present_on_day(problem.people[p], d) ? 1 : 0;
    novice[p] = rules::watch_traits(problem.people[p].unit).novice ? 1 : 0;
  }
  // Per post index and day: members present, novices; per post and block: need holders.
  const int posts_n = static_cast<int>(posts.size());
  std::vector<int> size(static_cast<std::size_t>(posts_n) * days, 0), nov(size.size(), 0);
  std::vector<int> holders(static_cast<std::size_t>(posts_n) * blocks * std::max(1, N), 0);
  auto at_post = [&](int p, int g, int d) {
    return present[p][d] && (d / P) % table[g].cycle == table[g].phase;
  };
  auto add = [&](int p, int g, int sign) {
    const int post = table[g].post;
    for (int b = 0; b < blocks; ++b) {
      bool member = false;
      for (int d = b * P; d < std::min(days, b * P + P); ++d)
        if (at_post(p, g, d)) {
          member = true;
          size[static_cast<std::size_t>(post) * days + d] += sign;
          nov[static_cast<std::size_t>(post) * days + d] += sign * novice[p];
        }
      if (member)
        for (int i = 0; i < N; ++i) holders[(static_cast<std::size_t>(post) * blocks + b) * N + i] += sign * has.meets(p, i);
    }
  };
  const int max_watches = std::max(1, rules::day_limits(par, L.watch_minutes, L.watch_slots).max_watches);
  auto block_cost = [&](int post, int b) {
    const Place& place = problem.places[posts[post]];
    const int least = (place.watchers * L.watch_slots + max_watches - 1) / max_watches;
    const int cap = place.capacity > 0 ? place.capacity : 1 << 20;
    std::int64_t cost = 0;
    for (int i = 0; i < N; ++i) {
      const int h = holders[(static_cast<std::size_t>(post) * blocks + b) * N + i];
      if (const int missing = rules::members_missing(needs[i], h); missing > 0) cost += 100 * missing;
      else if (h == needs[i].count) cost += 2;  // one absence away from a gap
    }
    for (int d = b * P; d < std::min(days, b * P + P); ++d) {
      const int s = size[static_cast<std::size_t>(post) * days + d];
      const int v = nov[static_cast<std::size_t>(post) * days + d];
      if (s == 0) continue;  // not this post's phase on this day
      if (s < least) cost += 60 * (least - s);
      if (s == least) cost += 5;
      if (s > cap) cost += 100 * (s - cap);
      if (2 * v > s) cost += 30 * (2 * v - s);
    }
    return cost;
  };
  for (int p = 0; p < n; ++p) add(p, group_of[p], +1);
  auto post_cost = [&](int post) {
    std::int64_t c = 0;
    for (int b = 0; b < blocks; ++b) c += block_cost(post, b);
    return c;
  };
  std::int64_t total = 0;
  for (int post = 0; post < posts_n; ++post) total += post_cost(post);
  const int steps = std::min(400000, 4000 + 300 * n);
  for (int step = 0; step < steps && total > 0; ++step) {
    const double temp = 20.0 * std::pow(0.01, static_cast<double>(step) / steps);
    const int a = rng.below(n);
    const bool swap = rng.below(2) == 0;
    const int b = swap ? rng.below(n) : -1;
    const int ga = group_of[a];
    const int gb = swap ? group_of[b] : rng.below(G);
    if (ga == gb) continue;
    const int pa = table[ga].post, pb = table[gb].post;
    const std::int64_t before = post_cost(pa) + (pb != pa ? post_cost(pb) : 0);
    add(a, ga, -1);
    add(a, gb, +1);
    if (swap) add(b, gb, -1), add(b, ga, +1);
    const std::int64_t after = post_cost(pa) + (pb != pa ? post_cost(pb) : 0);
    const std::int64_t delta = after - before;
    if (delta <= 0 || rng.unit() < std::exp(-static_cast<double>(delta) / temp)) {
      group_of[a] = gb;
      if (swap) group_of[b] = ga;
      total += delta;
    } else {
      add(a, gb, -1);
      add(a, ga, +1);
      if (swap) add(b, ga, -1), add(b, gb, +1);
    }
  }
}

void place_people(const Problem& problem, const UnitLayout& L, Roster& roster, Rng& rng) {
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
  const auto& needs = problem.unit->parameters.team_needs;
  const int n = problem.person_count();
  const int groups = static_cast<int>(table.size());

  // Rarer qualities first, so each group gets its share of them.
  const rules::NeedHolders has(problem);
  std::vector<int> holders(needs.size(), 0);
  for (int p = 0; p < n; ++p)
    for (std::size_t i = 0; i < needs.size(); ++i) holders[i] += has.meets(p, static_cast<int>(i)) ? 1 : 0;
  std::vector<double> rarity(n, 0);
  std::vector<double> presence(n, 0);
  for (int p = 0; p < n; ++p) {
    for (std::size_t i = 0; i < needs.size(); ++i)
      if (has.meets(p, static_cast<int>(i))) rarity[p] += 1.0 / std::max(1, holders[i]);
    for (int d = 0; d < problem.days(); ++d) presence[p] += present_on_day(problem.people[p], d) ? 1 : 0;
    presence[p] /= std::max(1, problem.days());
  }
  std::vector<int> order(n);
  for (int p = 0; p < n; ++p) order[p] = p;
  std::shuffle(order.begin(), order.end(), rng.engine);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return rarity[a] > rarity[b]; });

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
  improve_groups(problem, posts, table, P, group_of, rng);
  for (int p = 0; p < n; ++p) {
    const int g = group_of[p];
    const RotationGroup& group = table[g];
    const int post_index = group.post;
    const int post = posts[post_index];
    const int rest = rests[post_index % rests.size()];
    for (int d = 0; d < problem.days(); ++d) {
      if (!present_on_day(problem.people[p], d)) continue;
      const bool at_post = (d / P) % group.cycle == group.phase;
      roster.set(p, d, L.stay_shift[at_post ? post : rest], UnitLayout::kPlacementLane);
    }
  }
}


void assign_watches(const Problem& problem, UnitEvaluator& ev, Rng& rng) {
  const UnitLayout& L = ev.layout();
  const rules::DayLimits& lim = ev.day_limits();
  std::vector<CellChange> changes;
  std::vector<int> here;
  for (int d = 0; d < L.days; ++d)
    for (int pl = 0; pl < L.places; ++pl) {
      const Place& place = problem.places[pl];
      if (place.watchers <= 0) continue;
      here = ev.people_at(pl, d);
      std::shuffle(here.begin(), here.end(), rng.engine);
      for (int s = 0; s < L.watch_slots; ++s) {
        for (int k = ev.watcher_count(pl, d, s); k < place.watchers; ++k) {
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
            if (rules::watches_over(std::popcount(with), lim) > 0) cost += 500;
            if (rules::run_over(rules::run_through(with, s, L.watch_slots), lim) > 0) cost += 300;
            if (rules::rest_too_short(rules::longest_free_run(with, L.watch_slots), lim)) cost += 200;
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

void assign_showers(const Problem& problem, UnitEvaluator& ev, Rng& rng) {
  const UnitLayout& L = ev.layout();
  if (L.shower_slots <= 0) return;
  for (int p = 0; p < problem.person_count(); ++p) {
    int d = 0;
    while (d < L.days) {
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
        const Score delta = ev.try_changes(&c, 1);
        if (best.person < 0 || delta < best_delta) best_delta = delta, best = c;
      }
      if (best.person >= 0) ev.apply(&best, 1);
      d = e + 1;
    }
  }
}

// ---- annealing -------------------------------------------------------------

class UnitSearch {
 public:
  UnitSearch(const Problem& problem, const SolveOptions& options, std::uint64_t seed, int thread, SearchControl& control,
             std::function<void(const Progress&)> on_best)
      : problem_(problem), options_(options), rng_(seed), thread_(thread), control_(control),
        on_best_(std::move(on_best)), ev_(problem, options.start ? *options.start : Roster(problem)) {}

  void run();

  bool found_feasible() const { return feasible_; }
  const Roster& best() const { return best_roster_; }
  Score best_score() const { return best_score_; }
  double time_to_best() const { return time_to_best_; }
  double time_to_feasible() const { return time_to_feasible_; }
  std::int64_t moves() const { return moves_; }
  StopReason reason() const { return reason_; }
  const std::string& check_failure() const { return check_failure_; }

 private:
  bool pick_move();  // fills changes_; false when no move was found this time
  bool move_reassign_watch();
  bool move_swap_watches();
  bool move_fix_cover();
  bool move_swap_days();
  bool move_shower();
  bool move_relieve();
  bool move_restore();
  // A (watched place, day) to work on: while hard rules are broken, half the
  // time (nine times in ten in a repair) one where something is broken
  // (focus_), else any.
  void pick_spot(int& place, int& day);
  void refresh_focus();
  void clear_absent();
  void refresh_changed();
  void start_settling(double progress);
  void consider_best();
  void save_best();
  // Check mode: the evaluator against a from-scratch evaluate() of its
  // roster; at the first disagreement, records it (`when`, and the kind of
  // the last move picked when `names_move`) and stops the search.
  bool verify(const char* when, bool names_move = true);
  double temperature(double progress) const {
    if (settling_) progress = settle_from_ >= 1 ? 1 : (progress - settle_from_) / (1 - settle_from_);
    return temp_start_ * std::pow(0.05 / temp_start_, std::clamp(progress, 0.0, 1.0));
  }
  bool touches_past() const {
    for (const CellChange& c : changes_)
      if (ev_.frozen(cell_start_minute(ev_.layout(), c.day, c.lane, ev_.roster().at(c.person, c.day, c.lane), c.value)))
        return true;
    return false;
  }

  const Problem& problem_;
  const SolveOptions& options_;
  Rng rng_;
  int thread_;
  SearchControl& control_;
  std::function<void(const Progress&)> on_best_;
  UnitEvaluator ev_;
  std::vector<CellChange> changes_;
  const char* move_kind_ = "";  // the kind of the last move picked, for check mode's report
  std::vector<int> watched_places_;
  double temp_start_ = 3.0;
  std::vector<std::pair<int, int>> focus_;  // (place, day) where a hard rule is broken, refreshed now and then
  // Repairs run in two phases: finding a plan that keeps every hard rule
  // (changes nearly free, so the walk can reshuffle), then settling (hard
  // rules locked, changes at full price, moves that restore the plan in force).
  bool settling_ = false;
  int change_percent_ = 100;                // share of change costs the walk counts while finding
  double settle_from_ = 0;                  // progress at which settling began
  std::int64_t find_started_ = 0;           // move count at which the current search for a plan began
  std::vector<CellChange> changed_;         // cells differing from the plan in force, refreshed now and then
  DayRebuilder day_rebuilder_;              // re-plans a broken place-day (its buffers reused)

  bool feasible_ = false;
  Roster best_roster_;
  Score best_score_{};
  bool have_best_ = false;
  bool best_pending_ = false;  // the current roster is the best and not yet copied
  std::int64_t reported_hard_ = -1;
  double reported_at_ = -1;
  double time_to_best_ = 0, time_to_feasible_ = -1;
  std::int64_t moves_ = 0;
  StopReason reason_ = StopReason::kTimeLimit;
  std::string check_failure_;
};

bool UnitSearch::move_reassign_watch() {
  move_kind_ = "reassign-watch";
  const UnitLayout& L = ev_.layout();
  int pl = 0, d = 0;
  pick_spot(pl, d);
  const int s = rng_.below(L.watch_slots);
  const int count = std::min(ev_.watcher_count(pl, d, s), UnitEvaluator::kSlotCap);
  const auto& here = ev_.people_at(pl, d);
  if (count == 0 || here.empty()) return false;
  const int a = ev_.watchers(pl, d, s)[rng_.below(count)];
  const int b = here[rng_.below(static_cast<int>(here.size()))];
  if (a == b || ((ev_.watch_mask(b, d) >> s) & 1)) return false;
  const ShiftCode code = L.watch_shift[static_cast<std::size_t>(pl) * L.watch_slots + s];
  changes_.push_back({a, d, L.watch_lane(s), kOff});
  changes_.push_back({b, d, L.watch_lane(s), code});
  return true;
}

bool UnitSearch::move_swap_watches() {
  move_kind_ = "swap-watches";
  const UnitLayout& L = ev_.layout();
  int pl = 0, d = 0;
  pick_spot(pl, d);
  const int s = rng_.below(L.watch_slots);
  const int count = std::min(ev_.watcher_count(pl, d, s), UnitEvaluator::kSlotCap);
  const auto& here = ev_.people_at(pl, d);
  if (count == 0 || here.size() < 2) return false;
  const int a = ev_.watchers(pl, d, s)[rng_.below(count)];
  const int b = here[rng_.below(static_cast<int>(here.size()))];
  if (a == b) return false;
  const std::uint64_t mb = ev_.watch_mask(b, d) & ~ev_.watch_mask(a, d);
  if (mb == 0 || ((ev_.watch_mask(b, d) >> s) & 1)) return false;
  int pick = rng_.below(std::popcount(mb));
  std::uint64_t m = mb;
  while (pick-- > 0) m &= m - 1;
  const int t = std::countr_zero(m);
  if (ev_.watch_place(b, d, t) != pl) return false;
  const ShiftCode cs = L.watch_shift[static_cast<std::size_t>(pl) * L.watch_slots + s];
  const ShiftCode ct = L.watch_shift[static_cast<std::size_t>(pl) * L.watch_slots + t];
  changes_.push_back({a, d, L.watch_lane(s), kOff});
  changes_.push_back({a, d, L.watch_lane(t), ct});
  changes_.push_back({b, d, L.watch_lane(t), kOff});
  changes_.push_back({b, d, L.watch_lane(s), cs});
  return true;
}

bool UnitSearch::move_fix_cover() {
  move_kind_ = "fix-cover";
  const UnitLayout& L = ev_.layout();
  int pl = 0, d = 0;
  pick_spot(pl, d);
  const int s = rng_.below(L.watch_slots);
  const int count = ev_.watcher_count(pl, d, s);
  const int need = problem_.places[pl].watchers;
  if (count < need) {
    const auto& here = ev_.people_at(pl, d);
    if (here.empty()) return false;
    const int b = here[rng_.below(static_cast<int>(here.size()))];
    if ((ev_.watch_mask(b, d) >> s) & 1) return false;
    changes_.push_back({b, d, L.watch_lane(s), L.watch_shift[static_cast<std::size_t>(pl) * L.watch_slots + s]});
    return true;
  }
  if (count > need && count <= UnitEvaluator::kSlotCap) {
    const int a = ev_.watchers(pl, d, s)[rng_.below(count)];
    changes_.push_back({a, d, L.watch_lane(s), kOff});
    return true;
  }
  // A watch where the person is not: drop it.
  const int p = rng_.below(problem_.person_count());
  const std::uint64_t mask = ev_.watch_mask(p, d);
  if (mask == 0) return false;
  for (std::uint64_t m = mask; m; m &= m - 1) {
    const int t = std::countr_zero(m);
    if (ev_.watch_place(p, d, t) != ev_.place_at(p, d) || ((ev_.absent_slots(p, d) >> t) & 1)) {
      changes_.push_back({p, d, L.watch_lane(t), kOff});
      return true;
    }
  }
  return false;
}

// Two people exchange everything (place, watches, shower) over a range of
// days: every watch stays covered, teams and rotations change.
bool UnitSearch::move_swap_days() {
  move_kind_ = "swap-days";
  const UnitLayout& L = ev_.layout();
  const int n = problem_.person_count();
  const int P = std::max(1, problem_.unit->rotation.post_days);
  const int blocks = (L.days + P - 1) / P;
  int a = rng_.below(n);
  int focus_day = -1;
  if (!focus_.empty() && rng_.below(2) == 0) {
    int pl = 0;
    pick_spot(pl, focus_day);
    const auto& here = ev_.people_at(pl, focus_day);
    if (!here.empty()) a = here[rng_.below(static_cast<int>(here.size()))];
    else focus_day = -1;
  }
  const int b = rng_.below(n);
  if (a == b) return false;
  int first = 0, last = L.days - 1;
  // Mostly one stint block; rarely whole lines (a change of rotation phase),
  // which touch every day of both people and so cost far more to price.
  if (rng_.below(50) != 0) {
    const int blk = focus_day >= 0 ? focus_day / P : rng_.below(blocks);
    first = blk * P;
    last = std::min(L.days, first + P) - 1;
  }
  // Mostly keep rotations whole: both people should be in the same kind of
  // place (post, rest, nowhere) just outside the range.
  auto kind_of = [&](int p, int d) {
    const int pl = ev_.place_at(p, d);
    return pl < 0 ? 0 : problem_.places[pl].kind == PlaceKind::kPost ? 1 : 2;
  };
  // A single block is swapped only between people in the same kind of place
  // on every day of it, so both rotations stay whole.
  if (last - first + 1 < L.days)
    for (int d = first; d <= last; ++d)
      if (kind_of(a, d) != kind_of(b, d)) return false;
  for (int d = first; d <= last; ++d) {
    const int pa = ev_.place_at(a, d), pb = ev_.place_at(b, d);
    if (pa == pb) continue;
    for (int lane = 0; lane < L.lanes; ++lane) {
      const ShiftCode va = ev_.roster().at(a, d, lane), vb = ev_.roster().at(b, d, lane);
      if (va == vb) continue;
      changes_.push_back({a, d, lane, vb});
      changes_.push_back({b, d, lane, va});
    }
  }
  return !changes_.empty();
}

bool UnitSearch::move_shower() {
  move_kind_ = "shower";
  const UnitLayout& L = ev_.layout();
  if (L.shower_slots <= 0) return false;
  const int p = rng_.below(problem_.person_count());
  const int d = rng_.below(L.days);
  const int here = ev_.place_at(p, d);
  const ShiftCode now = ev_.roster().at(p, d, L.shower_lane);
  if (here < 0 || problem_.places[here].showers <= 0) {
    if (now == kOff) return false;
    changes_.push_back({p, d, L.shower_lane, kOff});
    return true;
  }
  const int choice = rng_.below(4);
  if (choice == 0 && now != kOff) {
    changes_.push_back({p, d, L.shower_lane, kOff});
    return true;
  }
  const ShiftCode code = L.shower_shift[static_cast<std::size_t>(here) * L.shower_slots + rng_.below(L.shower_slots)];
  if (code == now) return false;
  changes_.push_back({p, d, L.shower_lane, code});
  // Move rather than add when the stint has a shower on another day.
  if (choice >= 2) {
    for (int e = d - 1; e >= 0 && ev_.place_at(p, e) >= 0 && problem_.places[ev_.place_at(p, e)].kind == PlaceKind::kRestCenter; --e)
      if (ev_.roster().at(p, e, L.shower_lane) != kOff) {
        changes_.push_back({p, e, L.shower_lane, kOff});
        return true;
      }
    for (int e = d + 1; e < L.days && ev_.place_at(p, e) >= 0 && problem_.places[ev_.place_at(p, e)].kind == PlaceKind::kRestCenter; ++e)
      if (ev_.roster().at(p, e, L.shower_lane) != kOff) {
        changes_.push_back({p, e, L.shower_lane, kOff});
        return true;
      }
  }
  return true;
}

// A person whose day breaks a daily limit (rest, hours, watches in a row)
// hands one of that day's watches to someone else at the same place.
bool UnitSearch::move_relieve() {
  move_kind_ = "relieve";
  const UnitLayout& L = ev_.layout();
  int p = rng_.below(problem_.person_count()), d = rng_.below(L.days);
  if (!focus_.empty() && rng_.below(2) == 0) {
    int pl = 0;
    pick_spot(pl, d);
    const auto& at = ev_.people_at(pl, d);
    if (at.empty()) return false;
    p = at[rng_.below(static_cast<int>(at.size()))];
  }
  const std::uint64_t mask = ev_.watch_mask(p, d);
  if (mask == 0) return false;
  if (rules::keeps_day_limits(mask, ev_.day_limits())) return false;
  int pick = rng_.below(std::popcount(mask));
  std::uint64_t m = mask;
  while (pick-- > 0) m &= m - 1;
  const int s = std::countr_zero(m);
  const int pl = ev_.watch_place(p, d, s);
  const auto& here = ev_.people_at(pl, d);
  if (here.empty()) return false;
  const int b = here[rng_.below(static_cast<int>(here.size()))];
  if (b == p || ((ev_.watch_mask(b, d) >> s) & 1)) return false;
  changes_.push_back({p, d, L.watch_lane(s), kOff});
  changes_.push_back({b, d, L.watch_lane(s), L.watch_shift[static_cast<std::size_t>(pl) * L.watch_slots + s]});
  return true;
}

// What an event forces on a repair before any search: nobody stays placed on
// a day they are away, and no watch or shower of theirs overlaps an absence.
// (Past cells are left alone: they happened.)
void UnitSearch::clear_absent() {
  const UnitLayout& L = ev_.layout();
  changes_.clear();
  for (int p = 0; p < problem_.person_count(); ++p)
    for (int d = 0; d < L.days; ++d) {
      const bool away = !ev_.present(p, d) && ev_.place_at(p, d) >= 0;
      for (int lane = 0; lane < L.lanes; ++lane) {
        const ShiftCode c = ev_.roster().at(p, d, lane);
        if (c < 0) continue;
        bool clear = away;
        if (!clear && lane >= UnitLayout::kFirstWatchLane && lane < L.shower_lane)
          clear = (ev_.absent_slots(p, d) >> (lane - UnitLayout::kFirstWatchLane)) & 1;
        if (!clear && lane == L.shower_lane)
          clear = absent_during(problem_.people[p], d * kMinutesPerDay + L.shower_start[L.slot_of[c]], L.shower_minutes);
        if (clear && !ev_.frozen(cell_start_minute(L, d, lane, c, kOff))) changes_.push_back({p, d, lane, kOff});
      }
    }
  if (!changes_.empty()) ev_.apply(changes_.data(), static_cast<int>(changes_.size()));
  changes_.clear();
}

// Settling a repair: the cells that differ from the plan in force (and are
// not in the past), so restore moves can pick one at random.
void UnitSearch::refresh_changed() {
  changed_.clear();
  const UnitLayout& L = ev_.layout();
  const Roster& plan = problem_.unit->repair->plan;
  const Roster& now = ev_.roster();
  for (int p = 0; p < problem_.person_count(); ++p)
    for (int d = 0; d < L.days; ++d)
      for (int lane = 0; lane < L.lanes; ++lane) {
        const ShiftCode was = plan.at(p, d, lane), is = now.at(p, d, lane);
        if (was != is && !ev_.frozen(cell_start_minute(L, d, lane, was, is))) changed_.push_back({p, d, lane, was});
      }
}

void UnitSearch::start_settling(double progress) {
  settling_ = true;
  settle_from_ = progress;
  temp_start_ = 30.0;
  ev_.set_hard_weight(1'000'000);
  ev_.set_change_percent(100);
  refresh_changed();
}

// Puts one changed cell back as it was in the plan in force. A watch handed
// back is taken from whoever holds it now in place of its owner, and a watch
// given up goes back to someone who had it in the plan, so cover holds.
bool UnitSearch::move_restore() {
  move_kind_ = "restore";
  const UnitLayout& L = ev_.layout();
  const Roster& plan = problem_.unit->repair->plan;
  const CellChange pick = changed_[rng_.below(static_cast<int>(changed_.size()))];
  const int p = pick.person, d = pick.day, lane = pick.lane;
  const ShiftCode want = pick.value, is = ev_.roster().at(p, d, lane);
  if (want == is) return false;
  const bool watch_lane = lane >= UnitLayout::kFirstWatchLane && lane < L.shower_lane;
  if (!watch_lane) {
    if (lane == UnitLayout::kPlacementLane) {
      // A stint block back as it was, every lane of it; and when someone now
      // stands where p stood and p where they stood (a swap), theirs too.
      const int P = std::max(1, problem_.unit->rotation.post_days);
      const int first = d / P * P, last = std::min(L.days, first + P) - 1;
      const int was_at = want < 0 ? -1 : L.place_of[want], is_at = ev_.place_at(p, d);
      int partner = -1;
      if (was_at >= 0 && is_at >= 0) {
        const auto& there = ev_.people_at(was_at, d);
        for (int i = 0, n = static_cast<int>(there.size()), start = rng_.below(std::max(1, n)); i < n; ++i) {
          const int q = there[(start + i) % n];
          const ShiftCode q_was = plan.at(q, d, UnitLayout::kPlacementLane);
          if (q != p && q_was >= 0 && L.place_of[q_was] == is_at) {
            partner = q;
            break;
          }
        }
      }
      for (int person : {p, partner}) {
        if (person < 0) continue;
        for (int day = first; day <= last; ++day)
          for (int k = 0; k < L.lanes; ++k) {
            const ShiftCode is_now = ev_.roster().at(person, day, k), was = plan.at(person, day, k);
            if (is_now != was && !ev_.frozen(cell_start_minute(L, day, k, was, is_now)))
              changes_.push_back({person, day, k, was});
          }
      }
      return !changes_.empty();
    }
    changes_.push_back({p, d, lane, want});
    return true;
  }
  const int s = lane - UnitLayout::kFirstWatchLane;
  changes_.push_back({p, d, lane, want});
  int stepped_down = -1;  // who gave p's watch back, so they are not also handed p's other one
  if (want >= 0) {
    // p takes back a watch: the one who holds it instead of its owner gives it up.
    const int pl = L.place_of[want];
    const int count = std::min(ev_.watcher_count(pl, d, s), UnitEvaluator::kSlotCap);
    const int* on = ev_.watchers(pl, d, s);
    for (int i = 0, start = rng_.below(std::max(1, count)); i < count; ++i) {
      const int q = on[(start + i) % count];
      if (q != p && plan.at(q, d, lane) != want) {
        changes_.push_back({q, d, lane, kOff});
        stepped_down = q;
        break;
      }
    }
  }
  if (is >= 0) {
    // p gives up a watch it did not have: someone here who had it takes it back.
    const int pl = L.place_of[is];
    const auto& here = ev_.people_at(pl, d);
    for (int i = 0, n = static_cast<int>(here.size()), start = rng_.below(std::max(1, n)); i < n; ++i) {
      const int q = here[(start + i) % n];
      if (q != p && q != stepped_down && plan.at(q, d, lane) == is && ev_.roster().at(q, d, lane) != is) {
        changes_.push_back({q, d, lane, is});
        break;
      }
    }
  }
  return true;
}

void UnitSearch::pick_spot(int& place, int& day) {
  // A repair's breakage is local to the event: the walk should not wander
  // over the whole plan.
  const bool finding_repair = problem_.unit->repair && !settling_;
  if (!focus_.empty() && (finding_repair ? rng_.below(10) < 9 : rng_.below(2) == 0)) {
    const auto& f = focus_[rng_.below(static_cast<int>(focus_.size()))];
    place = f.first;
    day = f.second;
    return;
  }
  place = watched_places_[rng_.below(static_cast<int>(watched_places_.size()))];
  day = rng_.below(ev_.layout().days);
}

// Where hard rules are broken: watch slots short, over or badly paired, and
// people's days over a daily limit. One pass over the plan; called every few
// ten thousand moves while the plan is infeasible, so large units can aim
// their moves at the few places left to fix.
void UnitSearch::refresh_focus() {
  focus_.clear();
  if (ev_.plain_score().hard == 0) return;
  const UnitLayout& L = ev_.layout();
  for (int pl : watched_places_)
    for (int d = 0; d < L.days; ++d) {
      bool broken = false;
      for (int s = 0; s < L.watch_slots && !broken; ++s) {
        const int n = ev_.watcher_count(pl, d, s);
        if (n != problem_.places[pl].watchers) broken = true;
        const int* who = ev_.watchers(pl, d, s);
        for (int i = 0; i < std::min(n, UnitEvaluator::kSlotCap) && !broken; ++i)
          for (int j = i + 1; j < std::min(n, UnitEvaluator::kSlotCap) && !broken; ++j)
            broken = !ev_.may_watch_together(who[i], who[j]);
      }
      for (int p : ev_.people_at(pl, d)) {
        if (broken) break;
        broken = !rules::keeps_day_limits(ev_.watch_mask(p, d), ev_.day_limits());
      }
      if (!broken && problem_.places[pl].kind == PlaceKind::kPost) broken = ev_.team_short(pl, d);
      if (broken) focus_.emplace_back(pl, d);
    }
}

bool UnitSearch::pick_move() {
  changes_.clear();
  if (settling_ && !changed_.empty() && rng_.below(100) < 30) return move_restore();
  // A repair looking for a plan re-plans a broken place-day whole now and then.
  if (problem_.unit->repair && !settling_ && !focus_.empty() && rng_.below(100) < kRebuildPercent) {
    const auto& [place, day] = focus_[rng_.below(static_cast<int>(focus_.size()))];
    move_kind_ = "day-rebuild";
    return day_rebuilder_.rebuild(ev_, place, day, rng_.engine, changes_, kRebuildNodes);
  }
  const int r = rng_.below(100);
  const bool cover_broken = ev_.rule_amounts()[static_cast<int>(RuleKind::kWatchCover)] > 0 ||
                            ev_.rule_amounts()[static_cast<int>(RuleKind::kOnePlace)] > 0 ||
                            ev_.rule_amounts()[static_cast<int>(RuleKind::kUnavailable)] > 0;
  if (cover_broken && r < 10) return move_fix_cover();
  if (ev_.plain_score().hard > 0 && r >= 10 && r < 20) {
    for (int tries = 0; tries < 8; ++tries)
      if (move_relieve()) return true;
    return false;
  }
  if (r < 45) return move_reassign_watch();
  if (r < 75) return move_swap_watches();
  if (r < 92) return move_swap_days();
  return move_shower();
}

// Records a new best score. The roster itself is copied only when the walk
// is about to leave it (save_best), since bests come thousands of times a
// second early on and a battalion's roster is over a megabyte.
void UnitSearch::consider_best() {
  const Score plain = ev_.plain_score();
  if (have_best_ && !(plain < best_score_)) return;
  have_best_ = true;
  best_score_ = plain;
  best_pending_ = true;
  time_to_best_ = control_.elapsed();
  if (plain.feasible() && !feasible_) {
    feasible_ = true;
    time_to_feasible_ = time_to_best_;
  }
  // Progress reports: the start, the first plan keeping every hard rule, and
  // otherwise at most twice a second.
  const bool first_feasible = plain.hard == 0 && reported_hard_ != 0;
  if (on_best_ && (reported_at_ < 0 || first_feasible || time_to_best_ - reported_at_ >= 0.5)) {
    reported_hard_ = plain.hard;
    reported_at_ = time_to_best_;
    on_best_(Progress{plain, time_to_best_, moves_, thread_});
  }
}

void UnitSearch::save_best() {
  if (!best_pending_) return;
  best_roster_ = ev_.roster();
  best_pending_ = false;
}

bool UnitSearch::verify(const char* when, bool names_move) {
  const std::string gap = unit_disagreement(ev_);
  if (gap.empty()) return true;
  const std::string what = names_move ? fmt::format("{} a {} move", when, move_kind_) : std::string(when);
  check_failure_ = fmt::format("check mode: {} (move {}): {}", what, moves_, gap);
  reason_ = StopReason::kInterrupted;
  control_.stop = true;
  return false;
}

void UnitSearch::run() {
  if (!options_.start) {
    Roster start(problem_);
    place_people(problem_, make_unit_layout(problem_), start, rng_);
    ev_.reset(start);
    assign_watches(problem_, ev_, rng_);
    assign_showers(problem_, ev_, rng_);
  }
  for (int pl = 0; pl < ev_.layout().places; ++pl)
    if (problem_.places[pl].watchers > 0) watched_places_.push_back(pl);
  if (problem_.unit->repair) clear_absent();
  consider_best();
  save_best();
  if (options_.check_mode && !verify("at the start", false)) return;
  if (watched_places_.empty()) return;

  // A repair starts from the plan in force and may not touch what has already
  // happened. While a hard rule is broken it searches as a fresh plan does,
  // warm, aimed at the breakage, with changes priced down (from half their
  // price to a hundredth), so a team can be reshuffled when someone is lost
  // for good. Once every hard rule is kept, it settles: hard units outweigh
  // any change, changes count in full and restore moves undo what was not
  // needed.
  const bool repairing = problem_.unit->repair.has_value();
  temp_start_ = 3.0;
  std::int64_t hard_weight = 30;
  ev_.set_hard_weight(hard_weight);
  if (repairing) {
    change_percent_ = options_.first_feasible ? kLeastChangePercent : kFirstChangePercent;
    ev_.set_change_percent(change_percent_);
    if (ev_.plain_score().hard == 0) start_settling(0);
  }
  double progress = 0, temp = temperature(0);
  refresh_focus();
  std::int64_t since_adapt = 0;
  for (;;) {
    if ((moves_ & 1023) == 0) {
      progress = budget_used(control_, options_, moves_);
      if (const auto spent = budget_spent(control_, options_, moves_)) {
        reason_ = *spent;
        break;
      }
      if (control_.stop.load(std::memory_order_relaxed)) {  // another worker's check failed
        reason_ = StopReason::kInterrupted;
        break;
      }
      if (feasible_ && (options_.first_feasible || (options_.target && best_score_.soft <= *options_.target))) {
        reason_ = StopReason::kTarget;
        break;
      }
      // A repair looking for a plan keeps its walk warm: the plan in force is
      // close, and a cooled walk stays stuck beside it.
      temp = repairing && !settling_ ? temp_start_ : temperature(std::min(1.0, progress));
      // Re-aim at what is broken and raise the price of hard units while the
      // walk stays infeasible. A repair looks sooner: its breakage is a few
      // cells around the event. Settling keeps its list of changed cells fresh.
      if (repairing && !settling_ && feasible_) start_settling(progress);
      // A walk that has found nothing for a while starts again from the plan
      // in force: the loss's neighbourhood holds many dead ends.
      if (repairing && !settling_ && moves_ - find_started_ >= kRestartMoves && progress < kSettleAnywayAt) {
        save_best();
        ev_.reset(problem_.unit->repair->plan);
        clear_absent();
        change_percent_ = options_.first_feasible ? kLeastChangePercent : kFirstChangePercent;
        ev_.set_change_percent(change_percent_);
        hard_weight = 30;
        ev_.set_hard_weight(hard_weight);
        find_started_ = moves_;
        refresh_focus();
        if (options_.check_mode && !verify("after a restart from the plan in force", false)) break;
      }
      // No plan keeps every hard rule by then: settle from the one breaking
      // the fewest, so what cannot be kept comes with as few changes as
      // possible rather than with everything the search stirred up.
      if (repairing && !settling_ && !options_.first_feasible && progress >= kSettleAnywayAt) {
        save_best();
        ev_.reset(best_roster_);
        start_settling(progress);
        if (options_.check_mode && !verify("after settling from the best plan", false)) break;
      }
      if (++since_adapt >= (repairing ? 4 : 64)) {
        since_adapt = 0;
        if (settling_) {
          refresh_changed();
        } else {
          refresh_focus();
          const std::int64_t hard = ev_.plain_score().hard;
          const std::int64_t most = repairing ? 3000 : 300;
          // A repair first looks near the plan in force, with changes dear,
          // and lets them get cheaper while no plan keeps every hard rule.
          if (repairing && hard > 0 && change_percent_ > kLeastChangePercent) {
            change_percent_ = std::max(kLeastChangePercent, change_percent_ * 3 / 4);
            ev_.set_change_percent(change_percent_);
          }
          if (hard > 0 && hard_weight < most) hard_weight = hard_weight * 5 / 4 + 1;
          else if (hard == 0 && hard_weight > 30) hard_weight = std::max<std::int64_t>(30, hard_weight * 9 / 10);
          ev_.set_hard_weight(hard_weight);
        }
      }
    }
    ++moves_;
    if (!pick_move()) continue;
    if (repairing && touches_past()) continue;
    const Score delta = ev_.apply(changes_.data(), static_cast<int>(changes_.size()));
    const double d = static_cast<double>(delta.hard + delta.soft);
    if (d <= 0 || rng_.unit() < std::exp(-d / temp)) {
      // Leaving the best roster: keep a copy of it first. (While a repair
      // looks for a plan, changes are priced down, so the walk's own delta
      // does not tell; the plain score does.)
      if (best_pending_ && (delta.hard > 0 || (delta.hard == 0 && delta.soft > 0) ||
                            (repairing && !settling_ && best_score_ < ev_.plain_score()))) {
        ev_.undo();
        if (options_.check_mode && !verify("after undoing (to keep the best)")) break;
        save_best();
        ev_.apply(changes_.data(), static_cast<int>(changes_.size()));
      }
      if (options_.check_mode && !verify("after")) break;
      if (d < 0 || delta.hard < 0) {
        const Score plain = ev_.plain_score();
        if (!have_best_ || plain < best_score_) consider_best();
      }
    } else {
      ev_.undo();
      if (options_.check_mode && !verify("after undoing")) break;
    }
  }
  save_best();
}

}  // namespace

Roster construct_unit_plan(const Problem& problem, std::uint64_t seed) {
  Rng rng(seed);
  Roster start(problem);
  place_people(problem, make_unit_layout(problem), start, rng);
  UnitEvaluator ev(problem, start);
  assign_watches(problem, ev, rng);
  assign_showers(problem, ev, rng);
  return ev.roster();
}

SolveResult solve_unit(const Problem& problem, const SolveOptions& options,
                       const std::function<void(const Progress&)>& on_progress) {
  SearchControl control;
  control.start = std::chrono::steady_clock::now();
  control.time_limit = options.time_limit_seconds;
  control.cancel = options.cancel;
  BestReporter on_best(on_progress);
  const int threads = std::max(1, options.threads);
  std::vector<std::unique_ptr<UnitSearch>> workers;
  for (int t = 0; t < threads; ++t)
    workers.push_back(std::make_unique<UnitSearch>(problem, options, worker_seed(options.seed, t), t, control,
                                                   std::ref(on_best)));
  run_workers(workers);
  SolveResult result;
  result.seconds = control.elapsed();
  const UnitSearch* winner = nullptr;
  for (const auto& w : workers) {
    result.moves += w->moves();
    if (!w->check_failure().empty() && result.check_failure.empty()) result.check_failure = w->check_failure();
    if (!winner || w->best_score() < winner->best_score()) winner = w.get();
  }
  result.reason = winner->reason();
  result.found_feasible = winner->found_feasible();
  result.roster = winner->best();
  result.score = winner->best_score();
  result.time_to_best = winner->time_to_best();
  result.time_to_feasible = winner->time_to_feasible();
  return result;
}

}  // namespace vigil
