// How vigil words things, said once: counts and articles, durations and
// unit times in the scenario notation, language names and team-need labels.
// Readers, writers, the evaluators' explanations and the reports all take
// their words from here, so the same thing reads the same everywhere.
#pragma once

#include <string>

#include "model/unit.h"

namespace vigil {

// "a veteran" for 1, "3 veterans" otherwise.
std::string plural(int count, const std::string& one, const std::string& many);
// "a medic", "an interpreter".
std::string article(const std::string& noun);

// How the scenario format writes values; the reader accepts all of them.
std::string scenario_duration(int minutes);  // "6h", "90min", "0"
// "day 3" (the changeover that starts day 3) or "day 3 14:00" (a clock time
// within roster day 3), for a unit minute and the changeover's clock minute.
std::string scenario_time_point(int changeover_minute, int unit_minute);

// The English name of a language code ("uk" -> "Ukrainian"), or the code
// itself when it is not one vigil knows.
std::string language_display_name(const std::string& code);

// The label a team need gets when the file gives none: "a veteran",
// "a medic", "a Ukrainian speaker" ("2 medics" for a count of 2).
std::string default_team_need_label(const UnitSetup& unit, const TeamNeed& need);

}  // namespace vigil
