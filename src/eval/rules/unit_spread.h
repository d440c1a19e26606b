// Unit wishes night-spread and hours-spread: night watches, and all watches,
// shared out in proportion to the days each person is present. For each
// person, n = their watches over the horizon (night watches only for
// night-spread, counted at any place), t = round(N * present_p / sum of
// present days), half up, where N is the demand: sum over places of watchers
// x slots (night slots only for night-spread) x days it is open. Units:
// (n - t)^2.
#pragma once

#include <cstdint>
#include <vector>

#include "eval/rules/place_dates.h"
#include "eval/rules/rule_support.h"
#include "eval/unit_context.h"

namespace vigil::rules {

struct Spread {
  // round(total * share / all), half up; 0 when nobody is present.
  static std::int64_t fair_share(std::int64_t total, std::int64_t share, std::int64_t all) {
    return all <= 0 ? 0 : (2 * total * share + all) / (2 * all);
  }

  // Either may be null (wish off).
  static void evaluate(const RuleInput& in, const UnitContext& cx, RuleTally* night, RuleTally* hours) {
    if (!night && !hours) return;
    const UnitLayout& L = cx.layout;
    int night_slots = 0;
    for (int s = 0; s < cx.slots; ++s) night_slots += L.night_slot[s];
    std::int64_t night_demand = 0, watch_demand = 0;
    for (const Place& place : in.problem.places) {
      night_demand += watcher_days(place, cx.days) * night_slots;
      watch_demand += watcher_days(place, cx.days) * cx.slots;
    }
    const int wm = L.watch_minutes;
    for (int p = 0; p < cx.people; ++p) {
      std::int64_t n_night = 0, n_all = 0;
      for (int d = 0; d < cx.days; ++d)
        for (int s = 0; s < cx.watch_lanes; ++s)
          if (cx.watch_cell(p, d, s) >= 0) {
            ++n_all;
            n_night += L.night_slot[s];
          }
      const int present = cx.present_days[p];
      if (night) {
        const std::int64_t t = fair_share(night_demand, present, cx.present_total), u = (n_night - t) * (n_night - t);
        record(in, RuleKind::kNightSpread, *night, p, 0, cx.days - 1, -1, u, u, [&] {
          return fmt::format("{}: {} night watches, fair share {} (present {} of {} days)", cx.name(p), n_night, t,
                             present, cx.days);
        });
      }
      if (hours) {
        const std::int64_t t = fair_share(watch_demand, present, cx.present_total), u = (n_all - t) * (n_all - t);
        record(in, RuleKind::kHoursSpread, *hours, p, 0, cx.days - 1, -1, u, u, [&] {
          return fmt::format("{}: {} watches ({}), fair share {} ({}) (present {} of {} days)", cx.name(p), n_all,
                             UnitContext::hours(static_cast<int>(n_all) * wm), t,
                             UnitContext::hours(static_cast<int>(t) * wm), present, cx.days);
        });
      }
    }
  }
};

}  // namespace vigil::rules
