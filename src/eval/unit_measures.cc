// Plan measures over whole timelines (eval/unit_measures.h).
#include "eval/unit_measures.h"

#include <algorithm>
#include <vector>

#include "eval/rules/unit_team_continuity.h"
#include "eval/unit_context.h"

namespace vigil {
namespace {

// One person's watches as a timeline of slots over the horizon: slot s of
// day d is index d * W + s; the slots tile each day from the changeover.
void person_timeline(const UnitContext& cx, int person, std::vector<char>& busy) {
  const int W = cx.watch_lanes;
  busy.assign(static_cast<std::size_t>(cx.days) * W, 0);
  for (int d = 0; d < cx.days; ++d)
    for (int s = 0; s < W; ++s) busy[static_cast<std::size_t>(d) * W + s] = cx.watch_cell(person, d, s) >= 0;
}

int longest_run(const std::vector<char>& busy) {
  int best = 0, run = 0;
  for (char b : busy) {
    run = b ? run + 1 : 0;
    best = std::max(best, run);
  }
  return best;
}

// The least over windows of W slots starting at each slot, within days the
// person is present on throughout, of the longest run of free slots in the
// window; -1 when there is no such window.
int least_window_rest(const UnitContext& cx, int person, const std::vector<char>& busy) {
  const int W = cx.watch_lanes;
  const int total = cx.days * W;
  int least = -1;
  for (int start = 0; start + W <= total; ++start) {
    const int first_day = start / W, last_day = (start + W - 1) / W;
    bool present = true;
    for (int d = first_day; d <= last_day && present; ++d) present = cx.is_present(person, d);
    if (!present) continue;
    int best = 0, run = 0;
    for (int i = start; i < start + W; ++i) {
      run = busy[static_cast<std::size_t>(i)] ? 0 : run + 1;
      best = std::max(best, run);
    }
    least = least < 0 ? best : std::min(least, best);
  }
  return least;
}

}  // namespace

UnitMeasures unit_measures(const Problem& problem, const Roster& roster) {
  UnitMeasures m;
  if (!problem.is_unit()) return m;
  const UnitContext cx(problem, roster);
  const rules::TeamsWhole teams = rules::teams_whole(cx);
  m.teams = teams.teams;
  m.teams_whole = teams.whole;
  if (cx.watch_lanes == 0) return m;
  const int minutes = cx.layout.watch_minutes;
  std::vector<char> busy;
  int least_rest = -1;
  for (int p = 0; p < cx.people; ++p) {
    person_timeline(cx, p, busy);
    m.longest_watch_run_minutes = std::max(m.longest_watch_run_minutes, longest_run(busy) * minutes);
    if (const int rest = least_window_rest(cx, p, busy); rest >= 0)
      least_rest = least_rest < 0 ? rest : std::min(least_rest, rest);
  }
  m.shortest_daily_rest_minutes = least_rest < 0 ? -1 : least_rest * minutes;
  return m;
}

}  // namespace vigil
