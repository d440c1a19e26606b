// The summary of a unit plan: which rules hold (hard units per rule, from an
// Evaluation), how far the wishes are met, fairness figures computed from the
// roster itself, and the violations in plain words.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "eval/evaluation.h"
#include "eval/unit_measures.h"
#include "model/problem.h"
#include "model/roster.h"
#include "report/report_support.h"

namespace vigil {

struct UnitRuleLine {
  RuleKind rule = RuleKind::kCount;
  std::string name;  // rule_name()
  bool enabled = true;
  std::int64_t units = 0;  // from the Evaluation
  std::int64_t cost = 0;
};

// Spread of watches over the people present at least one day. A watch is a
// watch at a post or a guard turn at a rest center; a night watch one whose
// slot is a night slot of the layout (UnitLayout::night_slot). All zero when
// nobody is present.
struct UnitFairness {
  int people = 0;  // present on at least one day
  int night_min = 0, night_max = 0, night_spread = 0;
  double hours_min = 0, hours_max = 0, hours_spread = 0;  // total watch hours per person
  // The same among the people present on every day (whose fair shares are
  // equal), and the largest gap between anyone's count and their fair share
  // (the targets of the spread wishes, proportional to days present).
  int always_present = 0;
  int always_night_spread = 0;
  double always_hours_spread = 0;
  int night_off_share = 0;
  double hours_off_share = 0;
};

struct UnitSummary {
  std::string scenario;
  int days = 0;
  int people = 0;
  Score score;
  std::vector<UnitRuleLine> rules;   // the hard unit rules (watch-cover ... showers) in report order
  std::vector<UnitRuleLine> wishes;  // the soft unit rules (night-spread ... personal-requests)
  int requests = 0;                  // personal requests of the scenario
  int requests_met = 0;              // met on every day they concern (docs/unit-rules.md)
  UnitFairness fairness;
  UnitMeasures measures;             // teams going on whole, the longest watch run, the shortest rest in 24 h
  // The watches nobody stands from the plan's `now` on (uncovered_text of
  // report/uncovered_watches.h), listed first: the duty officer acts on them.
  std::vector<std::string> uncovered;
  std::vector<std::string> broken;   // Violation::text of hard rules, in evaluation order
  std::vector<std::string> unmet;    // Violation::text of soft rules
  // The hard units the precheck proves every plan breaks
  // (eval/unit_precheck.h proven_minimum); 0 when it proves none.
  std::int64_t proven_minimum = 0;
};

UnitFairness unit_fairness(const Problem& problem, const Roster& roster);
// Personal requests met, counted from the roster as docs/unit-rules.md counts
// them (a request is met when it costs nothing).
int personal_requests_met(const Problem& problem, const Roster& roster);

// `day0` dates the uncovered watches (without a date: weekday, clock and
// roster day only); without the argument, the problem's start date.
UnitSummary summarize_unit(const Problem& problem, const Roster& roster, const Evaluation& evaluation,
                           const std::optional<CalendarDate>& day0);
UnitSummary summarize_unit(const Problem& problem, const Roster& roster, const Evaluation& evaluation);
// The uncovered watches come first, right after the line saying whether every
// rule is kept. At most `most_listed` uncovered watches, broken rules and
// unmet wishes are listed, each list followed by "... and N more" when cut.
std::string unit_summary_text(const UnitSummary& summary, std::size_t most_listed = 200);

}  // namespace vigil
