// Unit rule rotation, on one person's line of places day by day (P = post
// days of a stint):
//   - a present day placed nowhere: 1 unit;
//   - a post run (maximal run of days at any post): 1 unit per day at another
//     post than the day before; 1 unit per block boundary inside it (a day d
//     other than its first with d mod P = 0); P - length units when shorter
//     than P, unless it is excused: it holds day 0 or the last day, or a day
//     in it or just before or after it is one on which the person is not
//     present;
//   - a rest run (maximal run of days at any rest center): 1 unit per day at
//     another rest center than the day before; rest-days - length units when
//     shorter and the days just before and after it are post days; length -
//     max-rest-days units when longer, wherever it lies.
// A day placed nowhere ends a run but does not excuse it.
// Transfers (model/unit.h) break the rhythm by design: a day split by one
// excuses a short run in it or just before or after it, and a move to
// another place or across a block boundary on that day; a day on which the person leaves the unit by a
// transfer to nowhere (absent from its minute) is not "placed nowhere". A
// post opening or closing at a changeover under the person excuses that day
// the same way (rules/place_dates.h).
#pragma once

#include <algorithm>

#include "eval/rules/place_dates.h"
#include "eval/rules/rule_support.h"
#include "eval/unit_context.h"
#include "model/wording.h"

namespace vigil::rules {

// Calls fn(first, last, kind) for each maximal run of days at places of one
// kind (posts, or rest centers) in a person's line.
template <class Fn>
void for_each_place_run(const UnitContext& cx, int p, Fn&& fn) {
  int d = 0;
  while (d < cx.days) {
    const PlaceKind k = cx.kind_at(p, d);
    if (cx.place_at(p, d) < 0 || (k != PlaceKind::kPost && k != PlaceKind::kRestCenter)) {
      ++d;
      continue;
    }
    int e = d;
    while (e + 1 < cx.days && cx.place_at(p, e + 1) >= 0 && cx.kind_at(p, e + 1) == k) ++e;
    fn(d, e, k);
    d = e + 1;
  }
}

struct RotationRule {
  static constexpr RuleKind kKind = RuleKind::kRotation;

  static void evaluate(const RuleInput& in, const UnitContext& cx, RuleTally& tally) {
    const vigil::Rotation& rot = cx.unit.rotation;
    const int P = rot.post_days;
    for (int p = 0; p < cx.people; ++p) {
      for (int d = 0; d < cx.days; ++d)
        if (cx.is_present(p, d) && cx.place_at(p, d) < 0 && !leaves_during(in, cx, p, d))
          record(in, kKind, tally, p, d, d, -1, 1, 1, [&] {
            return fmt::format("{}, {}: with the unit but placed nowhere", cx.name(p), day_label(in.problem, d));
          });
      for_each_place_run(cx, p, [&](int a, int b, PlaceKind kind) {
        const int len = b - a + 1;
        const bool post = kind == PlaceKind::kPost;
        for (int d = a + 1; d <= b; ++d) {
          const int from = cx.place_at(p, d - 1), to = cx.place_at(p, d);
          if (from != to && !moved(cx, p, d))
            record(in, kKind, tally, p, d - 1, d, cx.layout.stay_shift[to], 1, 1, [&] {
              return fmt::format("{}, {}: moves from {} to {} in the middle of a {} stint", cx.name(p),
                                 day_label(in.problem, d), cx.place_name(from), cx.place_name(to), post ? "post" : "rest");
            });
          if (post && P > 0 && d % P == 0 && !moved(cx, p, d))
            record(in, kKind, tally, p, d - 1, d, cx.layout.stay_shift[to], 1, 1, [&] {
              return fmt::format("{}, days {}-{}: post stint at {} crosses the block boundary at {} (stints are blocks "
                                 "of {} days from day 0)",
                                 cx.name(p), a, b, cx.place_name(to), day_label(in.problem, d), P);
            });
        }
        if (post) {
          if (len < P && !excused(cx, p, a, b))
            record(in, kKind, tally, p, a, b, cx.layout.stay_shift[cx.place_at(p, a)], P - len, P - len, [&] {
              return fmt::format("{}, {}: post stint of {} at {}, {} needed", cx.name(p), cx.days_text(a, b),
                                 day_count(len), cx.place_name(cx.place_at(p, a)), day_count(P));
            });
          return;
        }
        const bool between = a > 0 && b + 1 < cx.days && cx.kind_at(p, a - 1) == PlaceKind::kPost &&
                             cx.place_at(p, a - 1) >= 0 && cx.kind_at(p, b + 1) == PlaceKind::kPost &&
                             cx.place_at(p, b + 1) >= 0;
        if (between && len < rot.rest_days && !transfer_near(cx, p, a, b))
          record(in, kKind, tally, p, a, b, cx.layout.stay_shift[cx.place_at(p, a)], rot.rest_days - len,
                 rot.rest_days - len, [&] {
                   return fmt::format("{}, {}: rest of {} at {} between post stints, at least {} needed", cx.name(p),
                                      cx.days_text(a, b), day_count(len), cx.place_name(cx.place_at(p, a)),
                                      day_count(rot.rest_days));
                 });
        if (len > rot.max_rest_days)
          record(in, kKind, tally, p, a, b, cx.layout.stay_shift[cx.place_at(p, a)], len - rot.max_rest_days,
                 len - rot.max_rest_days, [&] {
                   return fmt::format("{}, {}: rest of {} at {}, at most {}", cx.name(p), cx.days_text(a, b),
                                      day_count(len), cx.place_name(cx.place_at(p, a)), day_count(rot.max_rest_days));
                 });
      });
    }
  }

  // A short post run is allowed at the horizon's edges and next to (or over)
  // a day on which the person is not present, is transferred or sees a post open or close.
  static bool excused(const UnitContext& cx, int p, int a, int b) {
    if (a == 0 || b == cx.days - 1 || transfer_near(cx, p, a, b)) return true;
    for (int d = std::max(a - 1, 0); d <= std::min(b + 1, cx.days - 1); ++d)
      if (!cx.is_present(p, d)) return true;
    return false;
  }
  // A transfer, or a post opening or closing under the person, on a day of
  // [a, b] or just before or after it.
  static bool transfer_near(const UnitContext& cx, int p, int a, int b) {
    for (int d = a - 1; d <= b + 1; ++d)
      if (moved(cx, p, d)) return true;
    return false;
  }
  // Day d breaks the rhythm by design: a transfer splits it, or a post opens
  // or closes under the person at its changeover (rules/place_dates.h).
  static bool moved(const UnitContext& cx, int p, int d) {
    if (cx.transferred(p, d)) return true;
    return d > 0 && d < cx.days && moved_by_place_dates(cx.problem.places, cx.place_at(p, d - 1), cx.place_at(p, d), d);
  }
  // Placed nowhere on day d by a transfer at a moment from which the person is away.
  static bool leaves_during(const RuleInput& in, const UnitContext& cx, int p, int d) {
    const DayTransfer& t = cx.transfer_at(p, d);
    return t.any() && !available_at(in.problem.people[static_cast<std::size_t>(p)], t.minute);
  }

  static std::string day_count(int n) { return fmt::format("{} day{}", n, n == 1 ? "" : "s"); }
};

}  // namespace vigil::rules
