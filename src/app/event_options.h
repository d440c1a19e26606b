// The events a command is given: an events file (--events) and single events
// (--event, repeatable), read against the scenario before them. Shared by
// `vigil repair` and `vigil check --base`, which must read them alike.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/events.h"
#include "model/problem.h"

namespace vigil::app {

// The events of `events_file` (when given) and then each of `event_texts`, in
// that order; those that do not say when they were reported are reported at
// `now_minute`. nullopt after printing the first error to stderr.
std::optional<std::vector<UnitEvent>> gather_events(const std::string& events_file,
                                                    const std::vector<std::string>& event_texts,
                                                    const Problem& problem, int now_minute);

}  // namespace vigil::app
