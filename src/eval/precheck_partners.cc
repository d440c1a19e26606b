// partner_warnings() of eval/precheck_partners.h.
#include "eval/precheck_partners.h"

#include <algorithm>
#include <cstdint>

#include <fmt/format.h>

#include "model/wording.h"

namespace vigil {
namespace {

std::uint64_t language_set(const Person& p) {
  std::uint64_t set = 0;
  for (const SpokenLanguage& l : p.unit.languages) set |= std::uint64_t{1} << l.language;
  return set;
}

std::string languages_text(const UnitSetup& u, const Person& p) {
  if (p.unit.languages.empty()) return "no language listed";
  std::string out = "speaks ";
  for (std::size_t i = 0; i < p.unit.languages.size(); ++i) {
    const SpokenLanguage& l = p.unit.languages[i];
    if (i > 0) out += i + 1 == p.unit.languages.size() ? " and " : ", ";
    out += fmt::format("{} ({})", language_display_name(u.languages[static_cast<std::size_t>(l.language)]),
                       language_level_name(l.level));
  }
  return out;
}

}  // namespace

std::vector<std::string> partner_warnings(const Problem& problem) {
  std::vector<std::string> out;
  if (!problem.is_unit() || !problem.rule(RuleKind::kSharedLanguage).enabled) return out;
  int widest = 0;
  for (const Place& place : problem.places) widest = std::max(widest, place.watchers);
  if (widest < 2) return out;
  const int n = problem.person_count(), days = problem.days();
  const bool absences_bind = problem.rule(RuleKind::kUnavailable).enabled && problem.rule(RuleKind::kUnavailable).hard;
  std::vector<std::uint8_t> present(static_cast<std::size_t>(n) * days, 1);
  std::vector<std::uint64_t> langs(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    langs[static_cast<std::size_t>(i)] = language_set(problem.people[static_cast<std::size_t>(i)]);
    if (absences_bind)
      for (int d = 0; d < days; ++d)
        present[static_cast<std::size_t>(i) * days + d] = present_on_day(problem.people[static_cast<std::size_t>(i)], d);
  }
  for (int i = 0; i < n; ++i) {
    bool here = false, partner = false;
    for (int d = 0; d < days && !partner; ++d) {
      if (!present[static_cast<std::size_t>(i) * days + d]) continue;
      here = true;
      for (int j = 0; j < n && !partner; ++j)
        partner = j != i && present[static_cast<std::size_t>(j) * days + d] &&
                  (langs[static_cast<std::size_t>(i)] & langs[static_cast<std::size_t>(j)]) != 0;
    }
    if (!here || partner) continue;
    const Person& p = problem.people[static_cast<std::size_t>(i)];
    out.push_back(fmt::format("{}{}: {}, and nobody with the unit on the same days speaks any of it: every watch they "
                              "share breaks shared-language (add someone who speaks one of their languages)",
                              p.name, p.unit.nationality.empty() ? std::string() : fmt::format(" ({})", p.unit.nationality),
                              languages_text(*problem.unit, p)));
  }
  return out;
}

}  // namespace vigil
