// The rotation proofs of eval/precheck_rotation.h: ranges of stint blocks,
// what they need, what people bring under the rotation, and the words.
#include "eval/precheck_rotation.h"

#include <algorithm>
#include <map>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "eval/precheck_lines.h"
#include "eval/rules/day_limits.h"
#include "eval/rules/place_dates.h"
#include "eval/rules/team_needs.h"
#include "model/wording.h"

namespace vigil {
namespace {

bool hard(const Problem& p, RuleKind k) { return p.rule(k).enabled && p.rule(k).hard; }
std::uint64_t bit(RuleKind k) { return std::uint64_t{1} << static_cast<int>(k); }

// A range of blocks [first, last] and what it proves.
struct Range {
  int first = 0, last = 0;
  std::int64_t need = 0, bound = 0;
  int length() const { return last - first + 1; }
};

class RangeProver {
 public:
  explicit RangeProver(const Problem& p) : rules_(p) {
    const Rotation& r = p.unit->rotation;
    P_ = rules_.post_days;
    D_ = p.days();
    blocks_ = (D_ + P_ - 1) / P_;
    const int longest_rest_blocks = (std::max(r.max_rest_days, 0) + 1 + P_ - 1) / P_;
    max_len_ = std::min(blocks_, std::max(2, 1 + longest_rest_blocks));
    margin_ = std::max({P_, r.rest_days, r.max_rest_days + 1}) + 1;
    present_.resize(p.people.size());
    for (std::size_t i = 0; i < p.people.size(); ++i) {
      present_[i].resize(static_cast<std::size_t>(D_));
      for (int d = 0; d < D_; ++d) present_[i][static_cast<std::size_t>(d)] = present_on_day(p.people[i], d) ? 1 : 0;
    }
  }

  int first_day(int block) const { return block * P_; }
  int last_day(int block) const { return std::min(D_, (block + 1) * P_) - 1; }
  int blocks() const { return blocks_; }
  int days() const { return D_; }

  // The disjoint ranges of at most max_len_ blocks with the largest sum of
  // positive bounds. need(i, j) and gains(i, j) describe the range [i, j].
  template <class Need, class Gains>
  std::vector<Range> prove(const std::vector<int>& people, Need&& need, Gains&& gains) {
    std::vector<std::int64_t> best(static_cast<std::size_t>(blocks_ + 1), 0);
    std::vector<Range> choice(static_cast<std::size_t>(blocks_ + 1));
    for (int j = 0; j < blocks_; ++j) {
      best[j + 1] = best[j];
      choice[j + 1] = Range{-1, -1};
      for (int i = j; i >= 0 && j - i < max_len_; --i) {
        const std::int64_t n = need(i, j);
        if (n <= 0 || best[i] + n <= best[j + 1]) continue;
        const LineGains g = gains(i, j);
        const std::int64_t bound = n - supply(people, g, i, j);
        if (bound > 0 && best[i] + bound > best[j + 1]) {
          best[j + 1] = best[i] + bound;
          choice[j + 1] = Range{i, j, n, bound};
        }
      }
    }
    std::vector<Range> chosen;
    for (int j = blocks_; j > 0;) {
      if (choice[j].first < 0) {
        --j;
        continue;
      }
      chosen.push_back(choice[j]);
      j = choice[j].first;
    }
    std::reverse(chosen.begin(), chosen.end());
    return chosen;
  }

  bool present_in(int person, int a, int e) const {
    for (int d = a; d <= e; ++d)
      if (present_[static_cast<std::size_t>(person)][static_cast<std::size_t>(d)]) return true;
    return false;
  }

 private:
  // What the people bring to the blocks [i, j] at best, each person's line
  // searched once per pattern of days present around the range.
  std::int64_t supply(const std::vector<int>& people, LineGains g, int i, int j) {
    const int a = first_day(i), e = last_day(j);
    g.first_charged = a;
    g.last_charged = e;
    const int from = std::max(0, a - margin_), to = std::min(D_ - 1, e + 1);
    std::map<std::string, std::int64_t> memo;  // days present around the range -> best
    std::int64_t total = 0;
    for (const int person : people) {
      const auto& line = present_[static_cast<std::size_t>(person)];
      std::string key(line.begin() + from, line.begin() + to + 1);
      auto it = memo.find(key);
      if (it == memo.end()) it = memo.emplace(std::move(key), best_line_value(rules_, line, g, from, to)).first;
      total += std::max<std::int64_t>(0, it->second);
    }
    return total;
  }

  LineRules rules_;
  int P_ = 2, D_ = 0, blocks_ = 0, max_len_ = 2, margin_ = 3;
  std::vector<std::vector<std::uint8_t>> present_;
};

// The words shared by every family: the days the ranges span, how long they
// are ("any two consecutive stints") and what each proves.
struct RangeWords {
  int first_day = 0, last_day = 0;
  std::string over;  // "in each stint", "over any two consecutive stints"
  std::string each;  // ", one in each pair of stints" (empty when the ranges differ)
  std::int64_t need = 0;  // of one range, or of all when they differ
  std::int64_t bound = 0;
};

std::string number_word(int n) {
  static const char* const words[] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
  return n >= 0 && n < 10 ? words[n] : fmt::format("{}", n);
}

RangeWords range_words(const RangeProver& prover, const std::vector<Range>& ranges) {
  RangeWords w;
  w.first_day = prover.first_day(ranges.front().first);
  w.last_day = prover.last_day(ranges.back().last);
  const int len = ranges.front().length();
  bool same_len = true, same_bound = true, same_need = true;
  std::int64_t total_need = 0;
  for (const Range& r : ranges) {
    same_len = same_len && r.length() == len;
    same_bound = same_bound && r.bound == ranges.front().bound;
    same_need = same_need && r.need == ranges.front().need;
    total_need += r.need;
    w.bound += r.bound;
  }
  w.need = ranges.front().need;
  if (ranges.size() == 1) {
    w.over = len == 1 ? std::string("in this stint") : fmt::format("over these {} stints", number_word(len));
  } else if (same_len && same_need) {
    w.over = len == 1 ? std::string("in each stint") : fmt::format("over any {} consecutive stints", number_word(len));
    if (same_bound) {
      const std::string stretch = len == 1 ? "stint" : len == 2 ? "pair of stints" : fmt::format("run of {} stints", len);
      w.each = fmt::format(", {} in each {}",
                           ranges.front().bound == 1 ? std::string("one") : fmt::format("{}", ranges.front().bound), stretch);
    }
  } else {
    w.need = total_need;
    w.over = "in all";
  }
  return w;
}

std::string days_text(int a, int b) { return a == b ? fmt::format("day {}", a) : fmt::format("days {}-{}", a, b); }

int posts_open_in(const Problem& p, int a, int e) {
  int n = 0;
  for (const Place& place : p.places)
    if (place.kind == PlaceKind::kPost && rules::open_days(place, a, e).any()) ++n;
  return n;
}

void add_team_findings(const Problem& p, RangeProver& prover, std::vector<Finding>& out) {
  const auto& needs = p.unit->parameters.team_needs;
  const rules::NeedHolders has(p);
  std::vector<int> posts_open(static_cast<std::size_t>(prover.blocks()));
  for (int b = 0; b < prover.blocks(); ++b)
    posts_open[static_cast<std::size_t>(b)] = posts_open_in(p, prover.first_day(b), prover.last_day(b));
  for (int k = 0; k < static_cast<int>(needs.size()); ++k) {
    const TeamNeed& need = needs[static_cast<std::size_t>(k)];
    if (need.count <= 0) continue;
    std::vector<int> holders;
    for (int i = 0; i < p.person_count(); ++i)
      if (has.meets(i, k)) holders.push_back(i);
    const auto need_of = [&](int i, int j) {
      std::int64_t n = 0;
      for (int b = i; b <= j; ++b) n += static_cast<std::int64_t>(posts_open[static_cast<std::size_t>(b)]) * need.count;
      return n;
    };
    const auto gains_of = [&](int i, int j) {
      LineGains g;
      g.team.assign(static_cast<std::size_t>(prover.blocks()), 0);
      g.teams_cap = posts_open;
      for (int b = i; b <= j; ++b) g.team[static_cast<std::size_t>(b)] = 1;
      return g;
    };
    const std::vector<Range> ranges = prover.prove(holders, need_of, gains_of);
    if (ranges.empty()) continue;
    const RangeWords w = range_words(prover, ranges);
    int present = 0;
    for (const int i : holders) present += prover.present_in(i, w.first_day, w.last_day) ? 1 : 0;
    const NeedWords words = need_words(*p.unit, need);
    Finding f;
    f.rule = RuleKind::kTeam;
    f.text = fmt::format("{}: post teams need {} {} {}; {} {} present: every plan breaks at least {} there (team "
                         "members missing, or stints broken to fill them){}",
                         days_text(w.first_day, w.last_day), w.need, w.need == 1 ? words.noun : words.nouns, w.over,
                         present, present == 1 ? "is" : "are", count_text(w.bound, "hard unit", "hard units"), w.each);
    f.shortfall = static_cast<int>(w.bound);
    f.first_day = w.first_day;
    f.last_day = w.last_day;
    f.bound = w.bound;
    f.units = bit(RuleKind::kTeam) | bit(RuleKind::kRotation) | bit(RuleKind::kUnavailable);
    f.hint = need.count == 1 ? fmt::format("add {}, or drop the need", words.nouns)
                             : fmt::format("add {}, or ask fewer than {} of each team", words.nouns, need.count);
    out.push_back(std::move(f));
  }
}

// The watches one person can stand a day at the price of no unit: beyond
// the daily watch hours each watch is a daily-watch-hours unit.
int priced_watches_per_day(const Problem& p) {
  const UnitSetup& u = *p.unit;
  const int W = u.watch_slots_per_day();
  if (!hard(p, RuleKind::kDailyWatchHours)) return W;
  return std::clamp(u.parameters.max_watch_minutes / u.watch_minutes, 0, W);
}

// The posts' watch slots (less `less` watchers each) over the days [a, e].
std::int64_t post_slots(const Problem& p, int a, int e, int less) {
  const int W = p.unit->watch_slots_per_day();
  std::int64_t n = 0;
  for (int d = a; d <= e; ++d)
    for (const Place& place : p.places)
      if (place.kind == PlaceKind::kPost && place.watchers_on(d) > less)
        n += static_cast<std::int64_t>(place.watchers_on(d) - less) * W;
  return n;
}

void add_watch_findings(const Problem& p, RangeProver& prover, bool experienced, std::vector<Finding>& out) {
  const int cap = priced_watches_per_day(p);
  const int less = experienced ? 1 : 0;
  std::vector<int> people;
  for (int i = 0; i < p.person_count(); ++i)
    if (!experienced || p.people[static_cast<std::size_t>(i)].unit.experience != Experience::kNone) people.push_back(i);
  const auto need_of = [&](int i, int j) { return post_slots(p, prover.first_day(i), prover.last_day(j), less); };
  const auto gains_of = [&](int i, int j) {
    LineGains g;
    g.post_day.assign(static_cast<std::size_t>(prover.days()), 0);
    for (int d = prover.first_day(i); d <= prover.last_day(j); ++d)
      g.post_day[static_cast<std::size_t>(d)] = post_slots(p, d, d, less) > 0 ? cap : 0;
    return g;
  };
  const std::vector<Range> ranges = prover.prove(people, need_of, gains_of);
  if (ranges.empty()) return;
  const RangeWords w = range_words(prover, ranges);
  int present = 0;
  for (const int i : people) present += prover.present_in(i, w.first_day, w.last_day) ? 1 : 0;
  Finding f;
  f.first_day = w.first_day;
  f.last_day = w.last_day;
  f.bound = w.bound;
  f.shortfall = static_cast<int>(w.bound);
  f.units = bit(RuleKind::kWatchCover) | bit(RuleKind::kOnePlace) | bit(RuleKind::kRotation) |
            bit(RuleKind::kUnavailable) | bit(RuleKind::kDailyWatchHours);
  const std::string who = experienced ? (present == 1 ? "experienced person is" : "experienced people are")
                                      : (present == 1 ? "person is" : "people are");
  if (experienced) {
    f.rule = RuleKind::kNovicePair;
    f.units |= bit(RuleKind::kNovicePair);
    f.text = fmt::format("{}: so that no two novices watch together, the posts need {} watches by experienced people "
                         "{}; {} {} present, each at most {} watches a day: every plan breaks at least {} there "
                         "(watches without an experienced watcher, or stints broken to stand them){}",
                         days_text(w.first_day, w.last_day), w.need, w.over, present, who, cap,
                         count_text(w.bound, "hard unit", "hard units"), w.each);
    f.hint = "add experienced people, or fewer watchers at the posts";
  } else {
    f.rule = RuleKind::kWatchCover;
    f.text = fmt::format("{}: the posts need {} watches {}; {} {} present, each at most {} watches a day: every plan "
                         "breaks at least {} there (watches missing, or stints broken to stand them){}",
                         days_text(w.first_day, w.last_day), w.need, w.over, present, who, cap,
                         count_text(w.bound, "hard unit", "hard units"), w.each);
    f.hint = "add people, or fewer watchers at the posts";
  }
  out.push_back(std::move(f));
}

}  // namespace

bool rotation_proofs_apply(const Problem& p) {
  if (!p.is_unit() || p.unit->repair || p.days() <= 0) return false;
  return hard(p, RuleKind::kRotation) && p.unit->rotation.post_days > 0;
}

void add_rotation_findings(const Problem& p, std::vector<Finding>& out) {
  if (!rotation_proofs_apply(p)) return;
  RangeProver prover(p);
  if (hard(p, RuleKind::kTeam)) add_team_findings(p, prover, out);
  // When nobody can stand a watch at all, the per-day count says so alone.
  if (hard(p, RuleKind::kWatchCover) && hard(p, RuleKind::kOnePlace) && max_watches_per_day(p) > 0) {
    add_watch_findings(p, prover, false, out);
    if (hard(p, RuleKind::kNovicePair)) add_watch_findings(p, prover, true, out);
  }
}

}  // namespace vigil
