// Unit rules on who watches together, counted per unordered pair of watchers
// of one (place, day, slot):
//   shared-language (hard): the pair has no language both speak, at any level;
//   novice-pair (hard): both have experience "none";
//   native-pairs (wish): the pair has no native language in common.
// Units: 1 per pair. What keeps a pair is in rules/watch_partners.h; this
// unit counts the pairs over the plan and words them.
#pragma once

#include <vector>

#include "eval/rules/rule_support.h"
#include "eval/rules/watch_partners.h"
#include "eval/unit_context.h"

namespace vigil::rules {

struct WatchPairs {
  // Any of the three may be null (rule off).
  static void evaluate(const RuleInput& in, const UnitContext& cx, RuleTally* shared, RuleTally* novice,
                       RuleTally* native) {
    if (!shared && !novice && !native) return;
    const std::vector<WatchTraits> traits = watch_traits(in.problem);
    for (int pl = 0; pl < cx.places; ++pl) {
      if (in.problem.places[pl].watchers <= 0) continue;
      for (int d = 0; d < cx.days; ++d)
        for (int s = 0; s < cx.slots; ++s) {
          const int* first = cx.watchers_begin(pl, d, s);
          const int* last = cx.watchers_end(pl, d, s);
          if (last - first < 2) continue;
          const int shift = cx.layout.watch_shift[static_cast<std::size_t>(pl) * cx.slots + s];
          for (const int* i = first; i != last; ++i)
            for (const int* j = i + 1; j != last; ++j) {
              const int a = *i, b = *j;
              if (shared && !share_language(traits[a], traits[b]))
                record(in, RuleKind::kSharedLanguage, *shared, a, d, d, shift, 1, 1, [&] {
                  return fmt::format("{}, {}: {} ({}) and {} ({}) share no language", cx.place_name(pl), cx.when(d, s),
                                     cx.name(a), spoken_text(cx, a), cx.name(b), spoken_text(cx, b));
                });
              if (novice && novice_pair(traits[a], traits[b]))
                record(in, RuleKind::kNovicePair, *novice, a, d, d, shift, 1, 1, [&] {
                  return fmt::format("{}, {}: {} and {} both have no experience", cx.place_name(pl), cx.when(d, s),
                                     cx.name(a), cx.name(b));
                });
              if (native && !share_native(traits[a], traits[b]))
                record(in, RuleKind::kNativePairs, *native, a, d, d, shift, 1, 1, [&] {
                  return fmt::format("{}, {}: {} ({}) and {} ({}) share no native language", cx.place_name(pl),
                                     cx.when(d, s), cx.name(a), native_text(cx, a), cx.name(b), native_text(cx, b));
                });
            }
        }
    }
  }

  static std::string spoken_text(const UnitContext& cx, int p) {
    const std::string l = cx.languages(p);
    return l.empty() ? std::string("no language listed") : l;
  }
  static std::string native_text(const UnitContext& cx, int p) {
    const std::string l = cx.languages(p, true);
    return l.empty() ? std::string("no native language") : "native " + l;
  }
};

}  // namespace vigil::rules
