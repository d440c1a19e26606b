// Who may watch with whom (docs/unit-rules.md): a pair of watchers of one
// slot keeps shared-language when both speak some language (any listed level,
// basic or better), keeps novice-pair unless both have experience "none", and
// keeps the native-pairs wish when they share a native language. One
// definition, on each person's watch traits, for the rule unit
// (rules/unit_watch_pairs.h), the incremental evaluator, the search and the
// day re-plan.
#pragma once

#include <bitset>
#include <vector>

#include "model/problem.h"
#include "model/unit.h"

namespace vigil::rules {

// A set of the unit's languages (bit i: UnitSetup::languages[i]), as many as
// a unit may list.
using LanguageSet = std::bitset<kMaxLanguages>;

// What a person brings to a watch pair.
struct WatchTraits {
  LanguageSet spoken;  // every listed language
  LanguageSet native;
  bool novice = false;  // experience "none"
};

inline LanguageSet spoken_languages(const UnitPersonInfo& person) {
  LanguageSet set;
  for (const SpokenLanguage& l : person.languages) set.set(static_cast<std::size_t>(l.language));
  return set;
}

inline WatchTraits watch_traits(const UnitPersonInfo& person) {
  WatchTraits t;
  t.spoken = spoken_languages(person);
  for (const SpokenLanguage& l : person.languages)
    if (l.level == LanguageLevel::kNative) t.native.set(static_cast<std::size_t>(l.language));
  t.novice = person.experience == Experience::kNone;
  return t;
}

// Everyone's traits, indexed by person.
inline std::vector<WatchTraits> watch_traits(const Problem& problem) {
  std::vector<WatchTraits> out;
  out.reserve(problem.people.size());
  for (const Person& person : problem.people) out.push_back(watch_traits(person.unit));
  return out;
}

inline bool share_language(const WatchTraits& a, const WatchTraits& b) { return (a.spoken & b.spoken).any(); }
inline bool share_native(const WatchTraits& a, const WatchTraits& b) { return (a.native & b.native).any(); }
inline bool novice_pair(const WatchTraits& a, const WatchTraits& b) { return a.novice && b.novice; }
// Both hard pair rules kept.
inline bool may_watch_together(const WatchTraits& a, const WatchTraits& b) {
  return share_language(a, b) && !novice_pair(a, b);
}

}  // namespace vigil::rules
