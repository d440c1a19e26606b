// Unit rule watch-cover: every place with watchers (a post's watch, a rest
// center's guard) has exactly its number of people on watch in every slot of
// every day it is open, and nobody on watch on a day it is closed. Units:
// |on watch - needed| per (place, day, slot).
#pragma once

#include <cstdlib>

#include "eval/rules/rule_support.h"
#include "eval/unit_context.h"

namespace vigil::rules {

struct WatchCover {
  static constexpr RuleKind kKind = RuleKind::kWatchCover;

  static void evaluate(const RuleInput& in, const UnitContext& cx, RuleTally& tally) {
    for (int pl = 0; pl < cx.places; ++pl) {
      const Place& place = in.problem.places[pl];
      if (place.watchers <= 0) continue;
      const char* duty = cx.duty(pl);
      for (int d = 0; d < cx.days; ++d) {
        const int need = place.watchers_on(d);  // none on a day the place is closed
        for (int s = 0; s < cx.slots; ++s) {
          const int n = cx.watcher_count(pl, d, s);
          const int u = std::abs(n - need);
          record(in, kKind, tally, -1, d, d, cx.layout.watch_shift[static_cast<std::size_t>(pl) * cx.slots + s], u, u,
                 [&] {
                   if (n == 0) return fmt::format("{}, {}: nobody {}, {} needed", place.name, cx.when(d, s), duty, need);
                   if (n < need) return fmt::format("{}, {}: {} {}, {} needed", place.name, cx.when(d, s), n, duty, need);
                   const std::string who = cx.names(cx.watchers_begin(pl, d, s), cx.watchers_end(pl, d, s));
                   if (need == 0)
                     return fmt::format("{}, {}: {} {} ({}) while it is closed", place.name, cx.when(d, s), n, duty, who);
                   return fmt::format("{}, {}: {} {} ({}), {} needed", place.name, cx.when(d, s), n, duty, who, need);
                 });
        }
      }
    }
  }
};

}  // namespace vigil::rules
