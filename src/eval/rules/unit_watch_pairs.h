// Unit rules on who watches together, counted per unordered pair of watchers
// of one (place, day, slot):
//   shared-language (hard): the pair has no language both speak, at any level;
//   novice-pair (hard): both have experience "none";
//   native-pairs (wish): the pair has no native language in common.
// Units: 1 per pair.
#pragma once

#include <cstdint>
#include <vector>

#include "eval/rules/rule_support.h"
#include "eval/unit_context.h"

namespace vigil::rules {

// Each person's languages as bit sets (all levels, and native only).
struct LanguageSets {
  int words = 1;
  std::vector<std::uint64_t> spoken, native;  // [p * words + w]

  explicit LanguageSets(const UnitContext& cx) {
    words = static_cast<int>((cx.unit.languages.size() + 63) / 64);
    if (words == 0) words = 1;
    spoken.assign(static_cast<std::size_t>(cx.people) * words, 0);
    native.assign(spoken.size(), 0);
    for (int p = 0; p < cx.people; ++p)
      for (const SpokenLanguage& l : cx.problem.people[p].unit.languages) {
        const std::size_t w = static_cast<std::size_t>(p) * words + static_cast<std::size_t>(l.language / 64);
        const std::uint64_t bit = std::uint64_t{1} << (l.language % 64);
        spoken[w] |= bit;
        if (l.level == LanguageLevel::kNative) native[w] |= bit;
      }
  }
  static bool meet(const std::vector<std::uint64_t>& sets, int words, int a, int b) {
    for (int w = 0; w < words; ++w)
      if (sets[static_cast<std::size_t>(a) * words + w] & sets[static_cast<std::size_t>(b) * words + w]) return true;
    return false;
  }
  bool share_language(int a, int b) const { return meet(spoken, words, a, b); }
  bool share_native(int a, int b) const { return meet(native, words, a, b); }
};

struct WatchPairs {
  // Any of the three may be null (rule off).
  static void evaluate(const RuleInput& in, const UnitContext& cx, RuleTally* shared, RuleTally* novice,
                       RuleTally* native) {
    if (!shared && !novice && !native) return;
    const LanguageSets langs(cx);
    const auto& people = in.problem.people;
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
              if (shared && !langs.share_language(a, b))
                record(in, RuleKind::kSharedLanguage, *shared, a, d, d, shift, 1, 1, [&] {
                  return fmt::format("{}, {}: {} ({}) and {} ({}) share no language", cx.place_name(pl), cx.when(d, s),
                                     cx.name(a), spoken_text(cx, a), cx.name(b), spoken_text(cx, b));
                });
              if (novice && people[a].unit.experience == Experience::kNone &&
                  people[b].unit.experience == Experience::kNone)
                record(in, RuleKind::kNovicePair, *novice, a, d, d, shift, 1, 1, [&] {
                  return fmt::format("{}, {}: {} and {} both have no experience", cx.place_name(pl), cx.when(d, s),
                                     cx.name(a), cx.name(b));
                });
              if (native && !langs.share_native(a, b))
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
