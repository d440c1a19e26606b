#include "eval/problem_index.h"

#include <algorithm>

namespace vigil {

ProblemIndex::ProblemIndex(const Problem& problem)
    : days(problem.days()), shifts(problem.shift_count()), people(problem.person_count()) {
  const std::size_t S = static_cast<std::size_t>(shifts);
  // A unit has no successions nor limits per kind (benchmark rules), and its
  // shift kinds (a kind per place, watch slot and shower slot) grow with the
  // unit: kinds x kinds and people x kinds arrays took 1.9 GB at 20000
  // people. They stay empty for a unit, as the request arrays below.
  const bool benchmark = !problem.is_unit();
  length.resize(S);
  forbidden.assign(benchmark ? S * S : 0, 0);
  min_shift_length = 1 << 30;
  for (int s = 0; s < shifts; ++s) {
    length[s] = problem.shifts[s].length_minutes;
    min_shift_length = std::min<std::int64_t>(min_shift_length, length[s]);
    if (benchmark)
      for (ShiftId t : problem.shifts[s].forbidden_next) forbidden[s * S + t.index()] = 1;
  }
  max_per_shift.resize(benchmark ? static_cast<std::size_t>(people) * S : 0);
  for (int p = 0; p < people; ++p) {
    const WorkLimits& w = problem.people[p].limits;
    if (benchmark)
      std::copy(w.max_per_shift.begin(), w.max_per_shift.end(), max_per_shift.begin() + static_cast<long>(p * S));
    max_minutes.push_back(w.max_total_minutes);
    min_minutes.push_back(w.min_total_minutes);
    max_consecutive.push_back(w.max_consecutive_shifts);
    min_consecutive.push_back(w.min_consecutive_shifts);
    min_days_off.push_back(w.min_consecutive_days_off);
    max_weekends.push_back(w.max_weekends);
  }
  required_off.assign(static_cast<std::size_t>(people) * days, 0);
  for (int p = 0; p < people; ++p)
    for (int d : problem.people[p].required_days_off) required_off[cell(p, d)] = 1;

  // Unit problems carry no benchmark requests; their hundreds of shift kinds
  // would make these per (person, day, shift) arrays needlessly large.
  const std::size_t slots = problem.is_unit() ? 0 : static_cast<std::size_t>(people) * days * (S + 1);
  on_request_cost.assign(slots, 0);
  off_request_cost.assign(slots, 0);
  for (const ShiftRequest& r : problem.requests) {
    const int p = r.person.value, d = r.day, s = r.shift.value;
    if (r.wants_shift) {
      // Unmet by a day off and by every other shift.
      for (int v = 0; v <= shifts; ++v)
        if (v != s + 1) on_request_cost[request_slot(p, d, v)] += r.weight;
    } else {
      off_request_cost[request_slot(p, d, s + 1)] += r.weight;
    }
  }
  request_cost.resize(slots);
  for (std::size_t i = 0; i < slots; ++i) request_cost[i] = on_request_cost[i] + off_request_cost[i];

  cover_required.assign(static_cast<std::size_t>(days) * S, 0);
  cover_under.assign(cover_required.size(), 0);
  cover_over.assign(cover_required.size(), 0);
  for (const CoverDemand& c : problem.cover) {
    const std::size_t i = static_cast<std::size_t>(c.day) * S + c.shift.index();
    cover_required[i] = c.required;
    cover_under[i] = c.weight_under;
    cover_over[i] = c.weight_over;
  }

  weekend_of_day.assign(static_cast<std::size_t>(days), -1);
  // A weekend is a Saturday and the Sunday after it; a horizon that starts on
  // a Sunday or ends on a Saturday holds a partial weekend.
  for (int d = 0; d < days; ++d) {
    const bool sat = problem.horizon.is_saturday(d), sun = problem.horizon.is_sunday(d);
    if (!sat && !sun) continue;
    if (sat || d == 0) {
      weekend_days.push_back(sat ? d : -1);
      weekend_days.push_back(sat ? (d + 1 < days ? d + 1 : -1) : d);
      weekend_of_day[d] = weekends++;
    } else {
      weekend_of_day[d] = weekends - 1;
    }
  }
}

}  // namespace vigil
