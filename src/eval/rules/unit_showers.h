// Unit rule showers:
//   - each rest stint (a maximal run of days at rest centers, as in the
//     rotation) holds exactly showers-per-rest-stint showers, counting every
//     shower on its days: |n - required| units. A stint the person leaves
//     the unit from (absent the day after it) may have fewer: someone lost,
//     wounded or sent on leave does not go back to a post, as the rotation
//     excuses a short run for the same reason; so may a stint cut by a
//     transfer on the day after it (its shower may have been that day, before
//     the transfer, or not be reachable any more);
//   - each (rest center, day, shower slot) with more showers booked than the
//     center has showers: the excess;
//   - each shower that overlaps one of the person's own watches that day: 1.
// A shower on a day away from a rest center belongs to no stint (one-place
// counts it).
#pragma once

#include <cstdlib>
#include <vector>

#include "eval/rules/rule_support.h"
#include "eval/rules/unit_rotation.h"
#include "eval/unit_context.h"
#include "model/wording.h"

namespace vigil::rules {

struct Showers {
  static constexpr RuleKind kKind = RuleKind::kShowers;

  static void evaluate(const RuleInput& in, const UnitContext& cx, RuleTally& tally) {
    const UnitLayout& L = cx.layout;
    const int required = cx.unit.parameters.showers_per_rest_stint;

    // Showers per rest stint.
    for (int p = 0; p < cx.people; ++p)
      for_each_place_run(cx, p, [&](int a, int b, PlaceKind kind) {
        if (kind != PlaceKind::kRestCenter) return;
        int n = 0;
        for (int d = a; d <= b; ++d) n += cx.shower_cell(p, d) >= 0 ? 1 : 0;
        const bool leaving =
            b + 1 < cx.days && (!present_on_day(in.problem.people[p], b + 1) || cx.transferred(p, b + 1));
        const int u = leaving && n < required ? 0 : std::abs(n - required);
        record(in, kKind, tally, p, a, b, -1, u, u, [&] {
          std::string taken;
          for (int d = a; d <= b; ++d)
            if (const ShiftCode s = cx.shower_cell(p, d); s >= 0)
              taken += (taken.empty() ? "" : ", ") + day_label(in.problem, d) + " " + clock_label(cx.changeover + L.shower_start[L.slot_of[s]]);
          return fmt::format("{}, {} at {}: {} in the rest stint{}, {} needed", cx.name(p), cx.days_text(a, b),
                             cx.place_name(cx.place_at(p, a)), n == 0 ? std::string("no shower") : count_text(n),
                             taken.empty() ? std::string() : " (" + taken + ")", required);
        });
      });

    // Capacity per (rest center, day, shower slot).
    if (!cx.has_shower_lane || L.shower_slots <= 0) return;
    const int K = L.shower_slots;
    std::vector<int> booked(static_cast<std::size_t>(cx.places) * cx.days * K, 0);
    auto at = [&](int pl, int d, int k) -> int& {
      return booked[(static_cast<std::size_t>(pl) * cx.days + d) * K + k];
    };
    for (int p = 0; p < cx.people; ++p)
      for (int d = 0; d < cx.days; ++d)
        if (const ShiftCode s = cx.shower_cell(p, d); s >= 0) ++at(L.place_of[s], d, L.slot_of[s]);
    for (int pl = 0; pl < cx.places; ++pl) {
      const Place& place = in.problem.places[pl];
      if (place.showers <= 0) continue;
      for (int d = 0; d < cx.days; ++d)
        for (int k = 0; k < K; ++k) {
          const int n = at(pl, d, k);
          if (n <= place.showers) continue;
          const int shift = L.shower_shift[static_cast<std::size_t>(pl) * K + k];
          record(in, kKind, tally, -1, d, d, shift, n - place.showers, n - place.showers, [&] {
            std::vector<int> who;
            for (int p = 0; p < cx.people; ++p)
              if (cx.shower_cell(p, d) == shift) who.push_back(p);
            return fmt::format("{}, {} {}: {} booked ({}), {} there", place.name, day_label(in.problem, d),
                               cx.shower_text(k), count_text(n), cx.names(who), count_text(place.showers));
          });
        }
    }

    // A shower during one's own watch.
    for (int p = 0; p < cx.people; ++p)
      for (int d = 0; d < cx.days; ++d) {
        const ShiftCode s = cx.shower_cell(p, d);
        if (s < 0) continue;
        const int start = L.shower_start[L.slot_of[s]], end = start + L.shower_minutes;
        for (int w = 0; w < cx.watch_lanes; ++w) {
          const int ws = L.slot_start[w];
          if (cx.watch_cell(p, d, w) < 0 || !(start < ws + L.watch_minutes && ws < end)) continue;
          record(in, kKind, tally, p, d, d, s, 1, 1, [&] {
            return fmt::format("{}, {} {}: shower at {} during own watch {} at {}", cx.name(p), day_label(in.problem, d),
                               cx.span_text(start, L.shower_minutes), cx.place_name(L.place_of[s]), cx.slot_text(w),
                               cx.place_name(L.place_of[cx.watch_cell(p, d, w)]));
          });
          break;  // one unit per shower
        }
      }
  }

  static std::string count_text(int n) { return fmt::format("{} shower{}", n, n == 1 ? "" : "s"); }
};

}  // namespace vigil::rules
