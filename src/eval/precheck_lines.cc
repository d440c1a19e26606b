// The best-line search of eval/precheck_lines.h: a dynamic programme over
// one person's days whose state is what the rotation rule still needs to
// know about the run under way.
#include "eval/precheck_lines.h"

#include <algorithm>
#include <limits>

namespace vigil {

LineRules::LineRules(const Problem& problem) {
  const UnitSetup& u = *problem.unit;
  days = problem.days();
  post_days = std::max(1, u.rotation.post_days);
  rest_days = std::max(0, u.rotation.rest_days);
  max_rest_days = std::max(0, u.rotation.max_rest_days);
  const RuleSetting& unavailable = problem.rule(RuleKind::kUnavailable);
  absences_cost = unavailable.enabled && unavailable.hard;
  opens.assign(static_cast<std::size_t>(std::max(days, 0)), 0);
  closes = opens;
  for (const Place& place : problem.places) {
    if (place.kind != PlaceKind::kPost) continue;
    ++posts;
    if (place.open_day > 0 && place.open_day < days) opens[static_cast<std::size_t>(place.open_day)] = 1;
    if (place.close_day != Place::kNeverCloses && place.close_day > 0 && place.close_day < days)
      closes[static_cast<std::size_t>(place.close_day)] = 1;
  }
}

namespace {

constexpr std::int64_t kNone = std::numeric_limits<std::int64_t>::min() / 4;
enum Kind { kNowhere = 0, kRest = 1, kPost = 2 };

// The state after a day: the kind of run under way, its length (capped),
// whether it is excused (a post run: next to an absence, the horizon's start
// or a day a post opens or closes under the person; a rest run: next to such
// a day), whether a rest run follows a post run, whether a post opened or
// closed under the person that day, and the post teams joined in the block.
class LineSearch {
 public:
  LineSearch(const LineRules& r, const std::vector<std::uint8_t>& present, const LineGains& g)
      : r_(r), present_(present), g_(g) {
    cap_len_ = std::max({r.post_days, r.rest_days, r.max_rest_days + 1});
    max_teams_ = g.team.empty() ? 0 : r.post_days;
    size_ = 3 * (cap_len_ + 1) * 2 * 2 * 2 * (max_teams_ + 1);
  }

  std::int64_t run(int from, int to) {
    std::vector<std::int64_t> now(static_cast<std::size_t>(size_), kNone), next(now.size());
    if (from == 0)
      now[static_cast<std::size_t>(index(State{}))] = 0;  // before day 0: no run
    else
      std::fill(now.begin(), now.end(), 0);  // any state: what came before is not counted
    for (int d = from; d <= to; ++d) {
      std::fill(next.begin(), next.end(), kNone);
      for (int s = 0; s < size_; ++s)
        if (now[static_cast<std::size_t>(s)] != kNone) step(d, decode(s), now[static_cast<std::size_t>(s)], next);
      std::swap(now, next);
    }
    return *std::max_element(now.begin(), now.end());
  }

 private:
  struct State {
    int kind = kNowhere, len = 0, exc = 0, after_post = 0, moved = 0, teams = 0;
  };
  int index(const State& x) const {
    return ((((x.kind * (cap_len_ + 1) + std::min(x.len, cap_len_)) * 2 + x.exc) * 2 + x.after_post) * 2 + x.moved) *
               (max_teams_ + 1) +
           x.teams;
  }
  State decode(int s) const {
    State x;
    x.teams = s % (max_teams_ + 1);
    s /= max_teams_ + 1;
    x.moved = s % 2;
    s /= 2;
    x.after_post = s % 2;
    s /= 2;
    x.exc = s % 2;
    s /= 2;
    x.len = s % (cap_len_ + 1);
    x.kind = s / (cap_len_ + 1);
    return x;
  }
  bool present(int d) const { return d < 0 || d >= r_.days || present_[static_cast<std::size_t>(d)] != 0; }
  bool opens(int d) const { return d > 0 && d < r_.days && r_.opens[static_cast<std::size_t>(d)] != 0; }
  bool closes(int d) const { return d > 0 && d < r_.days && r_.closes[static_cast<std::size_t>(d)] != 0; }
  std::int64_t charge(int day, int units) const {
    return day >= g_.first_charged && day <= g_.last_charged ? static_cast<std::int64_t>(units) * g_.unit_cost : 0;
  }
  void keep(std::vector<std::int64_t>& next, const State& x, std::int64_t v) const {
    std::int64_t& slot = next[static_cast<std::size_t>(index(x))];
    slot = std::max(slot, v);
  }

  void step(int d, const State& y, std::int64_t value, std::vector<std::int64_t>& next) const {
    const int P = r_.post_days;
    const int teams = d % P == 0 ? 0 : y.teams;  // a new block
    const std::int64_t away = !present(d) && r_.absences_cost ? charge(d, 1) : 0;
    // A post closing today moves whoever was at a post yesterday; one
    // opening today, whoever is at a post today.
    const bool closed_under = y.kind == kPost && closes(d);
    // Closing the post run under way (its last day is d - 1).
    const std::int64_t close_post =
        y.kind != kPost || y.len >= P || y.exc || !present(d) || closed_under ? 0 : charge(d - 1, P - y.len);
    // Nowhere: a present day so is a unit.
    keep(next, State{kNowhere, 0, 0, 0, closed_under, teams}, value - close_post - (present(d) ? charge(d, 1) : 0));
    // A rest center.
    {
      std::int64_t v = value - close_post - away;
      const int len = y.kind == kRest ? y.len + 1 : 1;
      if (len > r_.max_rest_days) v -= charge(d, 1);
      const int exc = y.kind == kRest ? (y.exc || closed_under) : (y.moved || closed_under);
      const int after_post = y.kind == kRest ? y.after_post : (y.kind == kPost ? 1 : 0);
      keep(next, State{kRest, len, exc, after_post, closed_under, teams}, v);
    }
    // A post: a new run, the same post as yesterday, or another post.
    const bool moved = closed_under || opens(d);
    const std::int64_t day_gain = g_.post_day.empty() ? 0 : g_.post_day[static_cast<std::size_t>(d)];
    const int block = d / P;
    const auto join = [&](State x, std::int64_t v) {
      if (!g_.team.empty() && x.teams < g_.teams_cap[static_cast<std::size_t>(block)] && x.teams < max_teams_) {
        ++x.teams;
        v += g_.team[static_cast<std::size_t>(block)];
      }
      keep(next, x, v);
    };
    if (y.kind != kPost) {
      std::int64_t v = value + day_gain - away;
      if (y.kind == kRest && y.after_post && y.len < r_.rest_days && !y.exc && !moved)
        v -= charge(d - 1, r_.rest_days - y.len);
      const int exc = d == 0 || !present(d - 1) || !present(d) || y.moved || moved;
      join(State{kPost, 1, exc, 0, moved, teams}, v);
      return;
    }
    const int exc = y.exc || !present(d) || moved;
    const bool boundary = d % P == 0;
    const std::int64_t stay = value + day_gain - away - (boundary && !moved ? charge(d, 1) : 0);
    const State x{kPost, y.len + 1, exc, 0, moved, teams};
    if (boundary)
      join(x, stay);
    else
      keep(next, x, stay);
    if (r_.posts >= 2) join(x, stay - (moved ? 0 : charge(d, 1)));
  }

  const LineRules& r_;
  const std::vector<std::uint8_t>& present_;
  const LineGains& g_;
  int cap_len_ = 0, max_teams_ = 0, size_ = 0;
};

}  // namespace

std::int64_t best_line_value(const LineRules& rules, const std::vector<std::uint8_t>& present, const LineGains& gains,
                             int from, int to) {
  if (from > to || rules.days <= 0) return 0;
  return LineSearch(rules, present, gains).run(std::max(from, 0), std::min(to, rules.days - 1));
}

}  // namespace vigil
