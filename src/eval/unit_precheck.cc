// The pre-solve impossibility check: counts per day and per stint block that
// prove a hard unit rule cannot hold.
#include "eval/unit_precheck.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "eval/precheck_rotation.h"
#include "eval/rules/day_limits.h"
#include "eval/rules/place_dates.h"
#include "eval/rules/team_needs.h"
#include "model/wording.h"

namespace vigil {
namespace {

bool is_hard(const Problem& p, RuleKind k) { return p.rule(k).enabled && p.rule(k).hard; }

std::string days_text(int a, int b) { return a == b ? fmt::format("day {}", a) : fmt::format("days {}-{}", a, b); }

// "2 h", "6 h 30 min", "45 min".
std::string duration(int minutes) {
  if (minutes % 60 == 0) return fmt::format("{} h", minutes / 60);
  if (minutes < 60) return fmt::format("{} min", minutes);
  return fmt::format("{} h {} min", minutes / 60, minutes % 60);
}

// "no one is", "1 person is", "26 people are" (+ an adjective: "experienced").
std::string people_are(int n, std::string_view adjective = {}) {
  const std::string adj = adjective.empty() ? std::string() : std::string(adjective) + " ";
  if (n == 0) return adjective.empty() ? std::string("no one is") : fmt::format("no {}person is", adj);
  if (n == 1) return fmt::format("1 {}person is", adj);
  return fmt::format("{} {}people are", n, adj);
}

int ceil_div(long long a, long long b) { return static_cast<int>((a + b - 1) / b); }

// Consecutive days (or blocks) with the same numbers become one finding.
struct Run {
  int first = -1, last = -1;
  std::vector<long long> key;
};

template <class Emit>
void group_runs(const std::vector<std::pair<int, std::vector<long long>>>& items, int span, Emit&& emit) {
  // items: (first day, key), in day order; a run continues when the next item
  // starts `span` days after the previous one with the same key.
  Run run;
  int previous = -1;
  for (const auto& [day, key] : items) {
    if (run.first >= 0 && day == previous + span && key == run.key) {
      previous = day;
      continue;
    }
    if (run.first >= 0) emit(run.first, previous, run.key);
    run = Run{day, day, key};
    previous = day;
  }
  if (run.first >= 0) emit(run.first, previous, run.key);
}

class Precheck {
 public:
  explicit Precheck(const Problem& problem) : p_(problem), u_(*problem.unit) {}

  std::vector<Finding> run() {
    prepare();
    check_daily_rest();
    if (watch_places_ > 0 && hard(RuleKind::kWatchCover)) {
      if (cap_ == 0) {
        check_no_watch_possible();
      } else {
        check_place_beds();
        check_watch_people();
        if (hard(RuleKind::kNovicePair)) check_novices();
      }
    }
    if (hard(RuleKind::kBeds) && hard(RuleKind::kRotation)) check_beds();
    if (hard(RuleKind::kBeds) && hard(RuleKind::kRotation) && only_posts_and_rests_) check_rotation();
    // The rotation proofs count team needs over pairs of stints and more;
    // the per-block count stands in where they do not run.
    if (hard(RuleKind::kTeam) && !rotation_proofs_apply(p_)) check_team();
    add_rotation_findings(p_, out_);
    if (hard(RuleKind::kShowers) && hard(RuleKind::kBeds) && hard(RuleKind::kRotation) && only_posts_and_rests_ &&
        u_.parameters.showers_per_rest_stint > 0)
      check_showers();
    std::stable_sort(out_.begin(), out_.end(), [](const Finding& a, const Finding& b) {
      if (a.rule != b.rule) return static_cast<int>(a.rule) < static_cast<int>(b.rule);
      return a.first_day < b.first_day;
    });
    return std::move(out_);
  }

 private:
  bool hard(RuleKind k) const { return is_hard(p_, k); }
  bool present(int i, int d) const { return present_[static_cast<std::size_t>(i) * days_ + d] != 0; }

  void add(RuleKind rule, std::string text, int shortfall, int first_day = -1, int last_day = -1, int place = -1) {
    out_.push_back(Finding{rule, std::move(text), shortfall, first_day, last_day, place, 0, 0, {}});
  }

  void prepare() {
    n_ = p_.person_count();
    days_ = p_.days();
    slots_ = u_.watch_slots_per_day();
    cap_ = max_watches_per_day(p_);
    present_.assign(static_cast<std::size_t>(n_) * days_, 0);
    present_count_.assign(static_cast<std::size_t>(days_), 0);
    experienced_count_.assign(static_cast<std::size_t>(days_), 0);
    // Without a hard `unavailable` rule an absent person may still be placed
    // and watch, so the watch counts use everyone.
    const bool absences_bind = hard(RuleKind::kUnavailable);
    for (int i = 0; i < n_; ++i) {
      const Person& person = p_.people[i];
      for (int d = 0; d < days_; ++d) {
        const bool here = present_on_day(person, d);
        present_[static_cast<std::size_t>(i) * days_ + d] = here ? 1 : 0;
        if (here) ++present_count_[d];
        if ((here || !absences_bind) && person.unit.experience != Experience::kNone) ++experienced_count_[d];
      }
    }
    watchers_count_.assign(static_cast<std::size_t>(days_), 0);
    for (int d = 0; d < days_; ++d) watchers_count_[d] = absences_bind ? present_count_[d] : n_;
    // Beds per day, of the places open that day (-1: one of them has no limit).
    post_beds_.assign(static_cast<std::size_t>(days_), 0);
    all_beds_.assign(static_cast<std::size_t>(days_), 0);
    const auto add_beds = [](int& total, int beds) { total = total < 0 || beds <= 0 ? -1 : total + beds; };
    for (const Place& place : p_.places) {
      if (place.watchers > 0) ++watch_places_;
      if (place.kind == PlaceKind::kPost) ++posts_;
      else if (place.kind != PlaceKind::kRestCenter) only_posts_and_rests_ = false;
      for (int d = 0; d < days_; ++d) {
        if (!place.open_on(d)) continue;
        if (place.kind == PlaceKind::kPost) add_beds(post_beds_[d], place.beds_on(d));
        add_beds(all_beds_[d], place.beds_on(d));
      }
    }
  }

  // Whether a post opens, closes or changes its beds at a changeover within
  // days (first, last]: the rotation may then break its rhythm
  // (rules/place_dates.h), so counts that rely on it do not hold there.
  bool post_dates_within(int first, int last) const {
    for (const Place& place : p_.places) {
      if (place.kind != PlaceKind::kPost) continue;
      const auto inside = [&](int day) { return day > first && day <= last; };
      if (inside(place.open_day) || (place.close_day != Place::kNeverCloses && inside(place.close_day))) return true;
      for (const BedsChange& c : place.beds_changes)
        if (inside(c.day)) return true;
    }
    return false;
  }
  int posts_open(int first, int last) const {
    int n = 0;
    for (const Place& place : p_.places)
      if (place.kind == PlaceKind::kPost && rules::open_days(place, first, last).any()) ++n;
    return n;
  }

  // People a place needs on each day to keep `watchers` at every slot.
  int people_for(int watchers) const { return std::max(watchers, ceil_div(static_cast<long long>(watchers) * slots_, cap_)); }

  void check_daily_rest() {
    const int rest = u_.parameters.min_rest_minutes;
    if (!hard(RuleKind::kDailyRest) || !hard(RuleKind::kRotation) || rest <= kMinutesPerDay) return;
    for (int d = 0; d < days_; ++d)
      if (present_count_[d] > 0) {
        add(RuleKind::kDailyRest,
            fmt::format("the daily rest of {} is longer than a day ({} over): no one present can be placed",
                        duration(rest), duration(rest - kMinutesPerDay)),
            rest - kMinutesPerDay);
        return;
      }
  }

  void check_no_watch_possible() {
    const auto& par = u_.parameters;
    const rules::DayLimits lim = rules::day_limits(par, u_.watch_minutes, slots_);
    long long demand = 0;  // the watches of the busiest day
    for (int d = 0; d < days_; ++d) {
      long long day = 0;
      for (const Place& place : p_.places) day += static_cast<long long>(place.watchers_on(d)) * slots_;
      demand = std::max(demand, day);
    }
    std::string why;
    if (hard(RuleKind::kDailyWatchHours) && lim.max_watches < 1)
      why = fmt::format("a watch lasts {} but a person may watch at most {} a day", duration(u_.watch_minutes),
                        duration(std::max(par.max_watch_minutes, 0)));
    else if (hard(RuleKind::kWatchesInRow) && lim.max_in_row < 1)
      why = fmt::format("at most {} watches in a row are allowed", par.max_watches_in_row);
    else
      why = fmt::format("a {} watch does not fit beside an unbroken rest of {} in a day", duration(u_.watch_minutes),
                        duration(par.min_rest_minutes));
    add(RuleKind::kWatchCover, fmt::format("no one can stand a watch: {} ({} watches a day short)", why, demand),
        static_cast<int>(std::min<long long>(demand, INT_MAX)));
  }

  // A place whose watches need more people a day than it has beds (on the
  // days it is open, with the beds of each day).
  void check_place_beds() {
    if (!hard(RuleKind::kBeds) || !hard(RuleKind::kOnePlace)) return;
    for (std::size_t pl = 0; pl < p_.places.size(); ++pl) {
      const Place& place = p_.places[pl];
      if (place.watchers <= 0) continue;
      const int need = people_for(place.watchers);
      std::vector<std::pair<int, std::vector<long long>>> items;
      for (int d = 0; d < days_; ++d)
        if (const int beds = place.beds_on(d); place.open_on(d) && beds > 0 && need > beds) items.push_back({d, {beds}});
      group_runs(items, 1, [&](int a, int b, const std::vector<long long>& k) {
        const int beds = static_cast<int>(k[0]);
        const bool always = a == 0 && b == days_ - 1;
        add(RuleKind::kWatchCover,
            fmt::format("{}{}: its watches need at least {} people a day but it has only {} bed{} ({} short)",
                        place.name, always ? std::string() : ", " + days_text(a, b), need, beds, beds == 1 ? "" : "s",
                        need - beds),
            need - beds, always ? -1 : a, always ? -1 : b, static_cast<int>(pl));
      });
    }
  }

  // People the watches need on a day: per place when each person watches
  // only where placed, else over all places at once. `less` lowers each
  // place's watchers (1 for the experienced partners novices need).
  int watch_people_needed(int day, int less) const {
    long long per_place = 0, slots_total = 0;
    int widest = 0;
    for (const Place& place : p_.places) {
      const int w = place.watchers_on(day) - less;
      if (place.watchers_on(day) <= 0 || w <= 0) continue;
      per_place += people_for(w);
      slots_total += static_cast<long long>(w) * slots_;
      widest = std::max(widest, w);
    }
    if (hard(RuleKind::kOnePlace)) return static_cast<int>(per_place);
    return std::max(widest, ceil_div(slots_total, cap_));
  }

  void check_watch_people() {
    std::vector<std::pair<int, std::vector<long long>>> items;
    for (int d = 0; d < days_; ++d)
      if (const int need = watch_people_needed(d, 0); watchers_count_[d] < need)
        items.push_back({d, {watchers_count_[d], need}});
    group_runs(items, 1, [&](int a, int b, const std::vector<long long>& k) {
      const int have = static_cast<int>(k[0]), need = static_cast<int>(k[1]);
      add(RuleKind::kWatchCover,
          fmt::format("{}: {} present but the watches need at least {} ({} short)", days_text(a, b), people_are(have),
                      need, need - have),
          need - have, a, b);
    });
  }

  void check_novices() {
    std::vector<std::pair<int, std::vector<long long>>> items;
    for (int d = 0; d < days_; ++d)
      if (const int need = watch_people_needed(d, 1); need > 0 && experienced_count_[d] < need)
        items.push_back({d, {experienced_count_[d], need}});
    group_runs(items, 1, [&](int a, int b, const std::vector<long long>& k) {
      const int have = static_cast<int>(k[0]), need = static_cast<int>(k[1]);
      add(RuleKind::kNovicePair,
          fmt::format("{}: {} present but the watches need at least {} so that no two novices watch together ({} short)",
                      days_text(a, b), people_are(have, "experienced"), need, need - have),
          need - have, a, b);
    });
  }

  void check_beds() {
    std::vector<std::pair<int, std::vector<long long>>> items;
    for (int d = 0; d < days_; ++d)
      if (all_beds_[d] >= 0 && present_count_[d] > all_beds_[d]) items.push_back({d, {present_count_[d], all_beds_[d]}});
    group_runs(items, 1, [&](int a, int b, const std::vector<long long>& k) {
      const int have = static_cast<int>(k[0]), beds = static_cast<int>(k[1]);
      add(RuleKind::kBeds,
          fmt::format("{}: {} present but there are only {} beds ({} short)", days_text(a, b), people_are(have), beds,
                      have - beds),
          have - beds, a, b);
      // Each person beyond the beds is placed past them (beds) or nowhere
      // (rotation), every day of the run; not in a repair, where someone
      // who leaves on the transfer day is placed nowhere for nothing.
      if (!u_.repair) out_.back().bound = static_cast<long long>(have - beds) * (b - a + 1);
      out_.back().units = (std::uint64_t{1} << static_cast<int>(RuleKind::kBeds)) |
                          (std::uint64_t{1} << static_cast<int>(RuleKind::kRotation));
      out_.back().hint = "add beds";
    });
  }

  // K = ceil((max-rest + 1) / P) blocks hold more days than the longest rest,
  // so everyone present throughout them (and on the days just before and
  // after, so no short stint is excused) spends one whole block at a post.
  void check_rotation() {
    const Rotation& r = u_.rotation;
    const int P = r.post_days;
    if (P <= 0 || r.max_rest_days < 0) return;
    const int K = (r.max_rest_days + 1 + P - 1) / P;
    std::vector<std::pair<int, std::vector<long long>>> items;
    for (int b = 1; (b + K) * P < days_; ++b) {
      const int from = b * P - 1, to = (b + K) * P;
      // (Posts opening, closing or changing beds around these days excuse
      // short stints: nothing is proven there.)
      const int post_beds = post_beds_[static_cast<std::size_t>(b * P)];
      if (post_beds <= 0 || post_dates_within(from - 1, to + 1)) continue;
      const int capacity = K * post_beds;
      int throughout = 0;
      for (int i = 0; i < n_; ++i) {
        bool all = true;
        for (int d = from; d <= to && all; ++d) all = present(i, d);
        throughout += all ? 1 : 0;
      }
      if (throughout > capacity) items.push_back({b * P, {throughout, post_beds}});
    }
    group_runs(items, P, [&](int a, int b, const std::vector<long long>& k) {
      const int have = static_cast<int>(k[0]), post_beds = static_cast<int>(k[1]), capacity = K * post_beds;
      const int last = b + K * P - 1;
      add(RuleKind::kRotation,
          fmt::format("{}: {}{} present throughout, each needs a {}-day post stint in {} days (at most {} rest days "
                      "in a row), but the posts hold {} a stint, {} in all ({} short)",
                      days_text(a, last), a == b ? "" : fmt::format("in every {} days, ", K * P), people_are(have), P,
                      a == b ? "these" : "those", r.max_rest_days, post_beds, capacity, have - capacity),
          have - capacity, a, last);
    });
  }

  // How many post teams one person can be on in the block [a, e]: one per
  // stretch of present days, two when both of its ends are excused (next to
  // an absence or the horizon's ends); every day of the block when the
  // rotation or absences do not bind.
  int teams_one_can_join(int i, int a, int e) const {
    const bool absences_bind = hard(RuleKind::kUnavailable);
    if (!absences_bind) return e - a + 1;
    if (!hard(RuleKind::kRotation)) {
      int days = 0;
      for (int d = a; d <= e; ++d) days += present(i, d) ? 1 : 0;
      return days;
    }
    int teams = 0;
    int d = a;
    while (d <= e) {
      if (!present(i, d)) {
        ++d;
        continue;
      }
      int t = d;
      while (t + 1 <= e && present(i, t + 1)) ++t;
      const int ends = ((d == 0 || !present(i, d - 1)) ? 1 : 0) + ((t == days_ - 1 || !present(i, t + 1)) ? 1 : 0);
      teams += std::max(1, std::min(ends, t - d + 1));
      d = t + 1;
    }
    return teams;
  }

  void check_team() {
    const auto& needs = u_.parameters.team_needs;
    const int P = u_.rotation.post_days;
    if (needs.empty() || posts_ == 0 || P <= 0) return;
    const bool absences_bind = hard(RuleKind::kUnavailable);
    const rules::NeedHolders has(p_);
    for (int which = 0; which < static_cast<int>(needs.size()); ++which) {
      const TeamNeed& need = needs[which];
      if (need.count <= 0) continue;
      std::vector<std::pair<int, std::vector<long long>>> items;
      for (int a = 0; a < days_; a += P) {
        const int e = std::min(days_, a + P) - 1;
        // The posts open in the block; one opening or closing inside it lets
        // a person join two of its teams (rules/place_dates.h).
        const int posts = posts_open(a, e);
        const bool rhythm_broken = post_dates_within(a, e);
        int holders = 0, seats = 0;
        for (int i = 0; i < n_; ++i) {
          if (!has.meets(i, which)) continue;
          bool here = !absences_bind;
          for (int d = a; d <= e && !here; ++d) here = present(i, d);
          if (!here) continue;
          ++holders;
          int teams = 0;
          if (rhythm_broken)
            for (int d = a; d <= e; ++d) teams += present(i, d) || !absences_bind ? 1 : 0;
          else
            teams = teams_one_can_join(i, a, e);
          seats += std::min(posts, teams);
        }
        if (seats < posts * need.count) items.push_back({a, {holders, seats, posts}});
      }
      const NeedWords words = need_words(u_, need);
      group_runs(items, P, [&](int a, int b, const std::vector<long long>& k) {
        const int holders = static_cast<int>(k[0]), seats = static_cast<int>(k[1]), posts_here = static_cast<int>(k[2]);
        const int required = posts_here * need.count;
        const int last = std::min(days_, b + P) - 1;
        const std::string who = holders == 0   ? fmt::format("no {} are present", words.nouns)
                                : holders == 1 ? fmt::format("1 {} is present", words.noun)
                                               : fmt::format("{} {} are present", holders, words.nouns);
        const std::string each = need.count == 1 ? std::string("one") : fmt::format("{}", need.count);
        const std::string posts = posts_here == 1 ? fmt::format("the post needs {}", each)
                                                  : fmt::format("{} posts each need {}", posts_here, each);
        add(RuleKind::kTeam, fmt::format("{}: {} but {} ({} short)", days_text(a, last), who, posts, required - seats),
            required - seats, a, last);
      });
    }
  }

  // Everyone present beyond the post beds is at a rest center, each in a rest
  // stint of at most max-rest days around the day, needing its showers there.
  void check_showers() {
    const int M = std::max(1, u_.rotation.max_rest_days);
    const int per_stint = u_.parameters.showers_per_rest_stint;
    long long slots_a_day = 0;
    for (const Place& place : p_.places)
      if (place.kind == PlaceKind::kRestCenter)
        slots_a_day += static_cast<long long>(std::max(place.showers, 0)) * u_.shower_slots_per_day();
    std::vector<std::pair<int, std::vector<long long>>> items;
    for (int d = 0; d < days_; ++d) {
      if (post_beds_[d] < 0) continue;  // a post without a bed limit takes anyone
      const int resting = present_count_[d] - post_beds_[d];
      if (resting <= 0) continue;
      const int from = std::max(0, d - M + 1), to = std::min(days_ - 1, d + M - 1);
      const long long capacity = slots_a_day * (to - from + 1);
      const long long needed = static_cast<long long>(resting) * per_stint;
      if (needed > capacity) items.push_back({d, {resting, capacity, to - from + 1, d - from}});
    }
    group_runs(items, 1, [&](int a, int b, const std::vector<long long>& k) {
      const int resting = static_cast<int>(k[0]);
      const long long capacity = k[1];
      const int window = static_cast<int>(k[2]), before = static_cast<int>(k[3]);
      const int shortfall = static_cast<int>(static_cast<long long>(resting) * per_stint - capacity);
      const std::string each = per_stint == 1 ? std::string("a shower") : fmt::format("{} showers", per_stint);
      const std::string text =
          a == b ? fmt::format("{}: at least {} must be at a rest center, each with {} in a rest of at most {} days, "
                               "but {} offer only {} shower slots ({} short)",
                               days_text(a, b), resting == 1 ? std::string("1 person") : fmt::format("{} people", resting),
                               each, M, days_text(a - before, a - before + window - 1), capacity, shortfall)
                 : fmt::format("{}: each day at least {} people must be at a rest center, each with {} in a rest of "
                               "at most {} days, but the {} days around offer only {} shower slots ({} short)",
                               days_text(a, b), resting, each, M, window, capacity, shortfall);
      add(RuleKind::kShowers, text, shortfall, a, b);
    });
  }

  const Problem& p_;
  const UnitSetup& u_;
  int n_ = 0, days_ = 0, slots_ = 0, cap_ = 0;
  int watch_places_ = 0, posts_ = 0;
  std::vector<int> post_beds_;  // [day]: beds of the posts open that day; -1: one has no bed limit
  std::vector<int> all_beds_;   // [day]: the same over every place
  bool only_posts_and_rests_ = true;
  std::vector<std::uint8_t> present_;
  std::vector<int> present_count_, watchers_count_, experienced_count_;
  std::vector<Finding> out_;
};

}  // namespace

int max_watches_per_day(const Problem& problem) {
  const UnitSetup& u = *problem.unit;
  const int W = u.watch_slots_per_day();
  const rules::DayLimits lim = rules::day_limits(u.parameters, u.watch_minutes, W);
  const int by_hours = is_hard(problem, RuleKind::kDailyWatchHours) ? std::max(0, lim.max_watches) : W;
  const int in_row = is_hard(problem, RuleKind::kWatchesInRow) ? std::min(lim.max_in_row, W) : W;
  if (in_row <= 0 || by_hours <= 0) return 0;
  // A rest longer than the day breaks daily-rest for anyone placed, watching
  // or not; it is reported on its own and does not limit the watches here.
  int rest = 0;
  const int min_rest = u.parameters.min_rest_minutes;
  if (is_hard(problem, RuleKind::kDailyRest) && min_rest > 0 && min_rest <= kMinutesPerDay) rest = lim.rest_slots;
  // The limits' meaning (rules/day_limits.h) as a search over the day's
  // slots, for any number of them; tests/unit_precheck_test.cc holds it to
  // rules::keeps_day_limits on every day of up to 16 slots.
  // best[run][gap][done]: most watches so far with `run` watches in a row at
  // the end, `gap` free slots at the end (capped at rest), rest done or not.
  const int G = rest + 1;
  auto at = [&](int run, int gap, int done) { return (run * G + gap) * 2 + done; };
  std::vector<int> best(static_cast<std::size_t>((in_row + 1) * G * 2), -1), next(best.size());
  best[at(0, 0, rest == 0 ? 1 : 0)] = 0;
  for (int s = 0; s < W; ++s) {
    std::fill(next.begin(), next.end(), -1);
    for (int run = 0; run <= in_row; ++run)
      for (int gap = 0; gap < G; ++gap)
        for (int done = 0; done < 2; ++done) {
          const int v = best[at(run, gap, done)];
          if (v < 0) continue;
          const int free_gap = std::min(gap + 1, rest);
          int& f = next[at(0, free_gap, done || gap + 1 >= rest ? 1 : 0)];
          f = std::max(f, v);
          if (run + 1 <= in_row) {
            int& w = next[at(run + 1, 0, done)];
            w = std::max(w, v + 1);
          }
        }
    std::swap(best, next);
  }
  int most = 0;
  for (int run = 0; run <= in_row; ++run)
    for (int gap = 0; gap < G; ++gap) most = std::max(most, best[at(run, gap, 1)]);
  return std::min(most, by_hours);
}

std::vector<Finding> precheck_unit(const Problem& problem) {
  if (!problem.is_unit()) return {};
  return Precheck(problem).run();
}

}  // namespace vigil
