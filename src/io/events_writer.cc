// The events writer (events_to_yaml, declared with the reader in
// events_reader.h): the event log `vigil repair` keeps beside the updated
// scenario, one event per line in flow style, readable back by parse_events().
#include <fmt/format.h>

#include "io/events_reader.h"
#include "io/scenario_writer.h"
#include "model/wording.h"

namespace vigil {
namespace {

std::string time_value(const Problem& problem, int minute) {
  return yaml_scalar(scenario_time_point(problem.horizon.day_start_minute, minute));
}

std::string event_flow(const Problem& problem, const UnitEvent& e) {
  std::string out;
  switch (e.kind) {
    case UnitEvent::Kind::kUnavailable:
      out = "{unavailable: " + yaml_scalar(e.person) + ", from: " + time_value(problem, e.from_minute);
      if (e.until_minute != Absence::kForever) out += ", until: " + time_value(problem, e.until_minute);
      if (!e.reason.empty()) out += ", reason: " + yaml_scalar(e.reason);
      break;
    case UnitEvent::Kind::kAvailable:
      out = "{available: " + yaml_scalar(e.person) + ", from: " + time_value(problem, e.from_minute);
      break;
    case UnitEvent::Kind::kJoin:
      out = "{join: " + person_flow(problem.unit.value_or(UnitSetup{}), e.joining) + ", from: " +
            time_value(problem, e.from_minute);
      break;
    case UnitEvent::Kind::kPostAdded:
      out = fmt::format("{{add-post: {}, beds: {}, watchers: {}, from: {}", yaml_scalar(e.place), e.beds, e.watchers,
                        time_value(problem, e.from_minute));
      break;
    case UnitEvent::Kind::kPostClosed:
      out = "{close-post: " + yaml_scalar(e.place) + ", from: " + time_value(problem, e.from_minute);
      break;
    case UnitEvent::Kind::kBedsChanged:
      out = fmt::format("{{beds: {}, count: {}, from: {}", yaml_scalar(e.place), e.beds, time_value(problem, e.from_minute));
      break;
  }
  if (e.reported_minute >= 0) out += ", reported: " + time_value(problem, e.reported_minute);
  return out + "}";
}

std::string event_log_lines(const Problem& problem, const std::vector<UnitEvent>& events) {
  std::string out;
  for (const UnitEvent& e : events) {
    out += "  - " + event_flow(problem, e);
    if (const auto& day0 = problem.start_date) {
      const int changeover = problem.horizon.day_start_minute;
      const CalendarDate date = calendar_date_at(*day0, changeover, e.from_minute);
      out += fmt::format("  # from {} {} {}", weekday_short(date.weekday()), date.iso(),
                         clock_label(changeover + e.from_minute));
    }
    out += "\n";
  }
  return out;
}

}  // namespace

std::string events_to_yaml(const Problem& problem, const std::vector<UnitEvent>& events, const std::string& heading) {
  std::string out;
  std::size_t start = 0;
  while (start < heading.size()) {
    const std::size_t end = heading.find('\n', start);
    out += "# " + heading.substr(start, end == std::string::npos ? std::string::npos : end - start) + "\n";
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out + "events:\n" + event_log_lines(problem, events);
}

std::string append_event_log(const std::string& previous_log, const Problem& problem,
                             const std::vector<UnitEvent>& events) {
  if (previous_log.empty())
    return events_to_yaml(problem, events,
                          "vigil event log (docs/events.md): the events applied by vigil repair, in order, each with\n"
                          "the --now it was reported at; readable as an events file for the first scenario.");
  std::string out = previous_log;
  if (out.back() != '\n') out += '\n';
  return out + event_log_lines(problem, events);
}

}  // namespace vigil
