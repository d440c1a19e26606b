// Summary of a unit plan: rule tallies, wishes, fairness, violations.
#include "report/unit_summary.h"

#include <algorithm>
#include <climits>
#include <cstdlib>

#include <fmt/format.h>

#include "eval/unit_evaluator.h"
#include "eval/unit_precheck.h"
#include "model/wording.h"
#include "report/report_support.h"
#include "report/uncovered_watches.h"

namespace vigil {

namespace {

// " (every plan breaks at least 6: optimal)" beside the hard units reached.
std::string proven_minimum_note(std::int64_t hard, std::int64_t proven) {
  if (proven <= 0 || hard < proven) return "";  // (below a proof: an evaluation made up by a test)
  return fmt::format(" (every plan breaks at least {}{})", proven, hard == proven ? ": optimal" : "");
}

}  // namespace

UnitFairness unit_fairness(const Problem& problem, const Roster& roster) {
  const UnitLayout layout = make_unit_layout(problem);
  UnitFairness f;
  int night_min = INT_MAX, night_max = 0, watch_min = INT_MAX, watch_max = 0;
  for (int p = 0; p < roster.people(); ++p) {
    const Person& person = problem.people[static_cast<std::size_t>(p)];
    bool present = false;
    for (int d = 0; d < roster.days() && !present; ++d) present = present_on_day(person, d);
    if (!present) continue;
    int nights = 0, watches = 0;
    for (int d = 0; d < roster.days(); ++d)
      for (const auto& w : unit_day(layout, roster, p, d).watches) {
        ++watches;
        nights += layout.night_slot[static_cast<std::size_t>(w.slot)];
      }
    ++f.people;
    night_min = std::min(night_min, nights);
    night_max = std::max(night_max, nights);
    watch_min = std::min(watch_min, watches);
    watch_max = std::max(watch_max, watches);
  }
  if (f.people == 0) return f;
  f.night_min = night_min;
  f.night_max = night_max;
  f.night_spread = night_max - night_min;
  const double hours_per_watch = layout.watch_minutes / 60.0;
  f.hours_min = watch_min * hours_per_watch;
  f.hours_max = watch_max * hours_per_watch;
  f.hours_spread = (watch_max - watch_min) * hours_per_watch;

  // Fair shares come from the evaluator that prices the spread wishes.
  const UnitEvaluator counts(problem, roster);
  int a_night_min = INT_MAX, a_night_max = 0, a_watch_min = INT_MAX, a_watch_max = 0, off_watch = 0;
  for (int p = 0; p < roster.people(); ++p) {
    const Person& person = problem.people[static_cast<std::size_t>(p)];
    f.night_off_share = std::max(f.night_off_share, std::abs(counts.night_total(p) - counts.night_target(p)));
    off_watch = std::max(off_watch, std::abs(counts.watch_total(p) - counts.watch_target(p)));
    bool always = true;
    for (int d = 0; d < roster.days() && always; ++d) always = present_on_day(person, d);
    if (!always) continue;
    ++f.always_present;
    a_night_min = std::min(a_night_min, counts.night_total(p));
    a_night_max = std::max(a_night_max, counts.night_total(p));
    a_watch_min = std::min(a_watch_min, counts.watch_total(p));
    a_watch_max = std::max(a_watch_max, counts.watch_total(p));
  }
  f.hours_off_share = off_watch * hours_per_watch;
  if (f.always_present > 0) {
    f.always_night_spread = a_night_max - a_night_min;
    f.always_hours_spread = (a_watch_max - a_watch_min) * hours_per_watch;
  }
  return f;
}

int personal_requests_met(const Problem& problem, const Roster& roster) {
  const UnitLayout layout = make_unit_layout(problem);
  auto place_on = [&](int p, int d) { return unit_day(layout, roster, p, d).place; };
  auto is_post = [&](int pl) { return pl >= 0 && problem.places[static_cast<std::size_t>(pl)].kind == PlaceKind::kPost; };
  int met = 0;
  for (const PersonalRequest& r : problem.unit->requests) {
    const int p = r.person.value;
    if (p < 0 || p >= roster.people()) continue;
    bool ok = true;
    switch (r.kind) {
      case PersonalRequest::Kind::kDayOff:
        if (r.day >= 0 && r.day < roster.days()) {
          const UnitDay day = unit_day(layout, roster, p, r.day);
          ok = !is_post(day.place) && day.watches.empty();
        }
        break;
      case PersonalRequest::Kind::kPost:
        for (int d = std::max(0, r.first_day); d <= std::min(roster.days() - 1, r.last_day) && ok; ++d) {
          const int pl = place_on(p, d);
          ok = !(is_post(pl) && pl != r.place.value);
        }
        break;
      case PersonalRequest::Kind::kPartner: {
        const int q = r.partner.value;
        if (q < 0 || q >= roster.people()) break;
        for (int d = 0; d < roster.days() && ok; ++d) {
          const int a = place_on(p, d), b = place_on(q, d);
          ok = !(a >= 0 && b >= 0 && a != b);
        }
        break;
      }
    }
    met += ok ? 1 : 0;
  }
  return met;
}

UnitSummary summarize_unit(const Problem& problem, const Roster& roster, const Evaluation& evaluation) {
  return summarize_unit(problem, roster, evaluation, problem.start_date);
}

UnitSummary summarize_unit(const Problem& problem, const Roster& roster, const Evaluation& evaluation,
                           const std::optional<CalendarDate>& day0) {
  UnitSummary s;
  s.scenario = problem.name;
  s.days = roster.days();
  s.people = roster.people();
  s.score = evaluation.score;
  // Only a plan that breaks rules needs to know how many every plan breaks.
  if (!s.score.feasible()) s.proven_minimum = proven_minimum(precheck_unit(problem));
  // The repair rules (frozen-past, changes) belong to a repair's summary only.
  const bool repair = problem.unit && problem.unit->repair;
  for (RuleKind kind : repair ? rules_of(ProblemKind::kUnit) : scenario_rules()) {
    const RuleSetting& setting = problem.rule(kind);
    const RuleTally& tally = evaluation.rules[static_cast<std::size_t>(kind)];
    UnitRuleLine line{kind, rule_name(kind), setting.enabled, tally.units, tally.cost};
    (is_wish(kind) ? s.wishes : s.rules).push_back(line);
  }
  s.requests = problem.unit ? static_cast<int>(problem.unit->requests.size()) : 0;
  s.requests_met = problem.unit ? personal_requests_met(problem, roster) : 0;
  s.fairness = unit_fairness(problem, roster);
  s.measures = unit_measures(problem, roster);
  for (const UncoveredWatch& w : uncovered_watches(problem, roster, plan_from_minute(problem)))
    s.uncovered.push_back(uncovered_text(problem, w, day0));
  for (const Violation& v : evaluation.violations) {
    const bool hard = v.rule != RuleKind::kCount && problem.rule(v.rule).hard;
    (hard ? s.broken : s.unmet).push_back(v.text);
  }
  return s;
}

std::string unit_summary_text(const UnitSummary& s, std::size_t most_listed) {
  std::string out = fmt::format("Summary of the plan for {}: {} days, {} people.\n\n", s.scenario, s.days, s.people);
  out += s.score.feasible() ? fmt::format("Every rule is kept (0 hard units). Cost of unmet wishes: {}.\n", s.score.soft)
                            : fmt::format("NOT FEASIBLE: {} hard unit{} of broken rules{}. Cost of unmet wishes: {}.\n",
                                          s.score.hard, s.score.hard == 1 ? "" : "s", proven_minimum_note(s.score.hard, s.proven_minimum),
                                          s.score.soft);
  if (!s.uncovered.empty()) {
    out += fmt::format("\nUNCOVERED: {} nobody stands (who could cover each, nearest first):\n",
                       count_text(static_cast<long long>(s.uncovered.size()), "watch", "watches"));
    for (std::size_t i = 0; i < s.uncovered.size() && i < most_listed; ++i) out += "  - " + s.uncovered[i] + "\n";
    if (s.uncovered.size() > most_listed) out += fmt::format("  ... and {} more\n", s.uncovered.size() - most_listed);
  }
  std::size_t width = 0;
  for (const auto* lines : {&s.rules, &s.wishes})
    for (const UnitRuleLine& l : *lines) width = std::max(width, l.name.size());
  out += "\nRules (units broken):\n";
  for (const UnitRuleLine& l : s.rules)
    out += !l.enabled ? fmt::format("  {:<{}}  {:>5}\n", l.name, width, "off")
                      : fmt::format("  {:<{}}  {:>5}  {}\n", l.name, width, l.units, l.units == 0 ? "kept" : "BROKEN");
  out += "\nWishes (units, cost):\n";
  for (const UnitRuleLine& l : s.wishes)
    out += !l.enabled ? fmt::format("  {:<{}}  {:>5}\n", l.name, width, "off")
                      : fmt::format("  {:<{}}  {:>5}  cost {}\n", l.name, width, l.units, l.cost);
  out += fmt::format("Personal requests met: {} of {}.\n", s.requests_met, s.requests);
  const UnitFairness& f = s.fairness;
  out += fmt::format("\nFairness ({} people present at least one day):\n", f.people);
  out += fmt::format("  night watches per person: min {}, max {}, spread {}\n", f.night_min, f.night_max, f.night_spread);
  out += fmt::format("  watch hours per person:   min {}, max {}, spread {}\n", hours_text(f.hours_min),
                     hours_text(f.hours_max), hours_text(f.hours_spread));
  if (f.always_present > 0)
    out += fmt::format("  among the {} present every day: night watches spread {}, watch hours spread {}\n",
                       f.always_present, f.always_night_spread, hours_text(f.always_hours_spread));
  out += fmt::format("  farthest from a fair share (in proportion to days present): {} night watch{}, {} h\n",
                     f.night_off_share, f.night_off_share == 1 ? "" : "es", hours_text(f.hours_off_share));
  const UnitMeasures& m = s.measures;
  out += fmt::format("\nTeams and rest:\n  post teams going on whole to their next stint: {} of {}\n", m.teams_whole,
                     m.teams);
  out += fmt::format("  longest run of watches without a break (across days): {} h\n",
                     hours_text(m.longest_watch_run_minutes / 60.0));
  if (m.shortest_daily_rest_minutes >= 0)
    out += fmt::format("  shortest unbroken rest anyone gets in 24 hours present: {} h\n",
                       hours_text(m.shortest_daily_rest_minutes / 60.0));
  if (s.broken.empty())
    out += s.score.hard == 0 ? std::string("\nBroken rules: none.\n")
                             : std::string("\nBroken rules: not listed (the evaluation has no explanations).\n");
  else
    out += fmt::format("\nBroken rules ({}):\n", s.broken.size());
  for (std::size_t i = 0; i < s.broken.size() && i < most_listed; ++i) out += "  - " + s.broken[i] + "\n";
  if (s.broken.size() > most_listed) out += fmt::format("  ... and {} more\n", s.broken.size() - most_listed);
  if (s.unmet.empty())
    out += s.score.soft == 0 ? std::string("\nWishes not met: none.\n")
                             : std::string("\nWishes not met: not listed (the evaluation has no explanations).\n");
  else
    out += fmt::format("\nWishes not met ({}):\n", s.unmet.size());
  for (std::size_t i = 0; i < s.unmet.size() && i < most_listed; ++i) out += "  - " + s.unmet[i] + "\n";
  if (s.unmet.size() > most_listed) out += fmt::format("  ... and {} more\n", s.unmet.size() - most_listed);
  return out;
}

}  // namespace vigil
