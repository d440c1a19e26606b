// Events that change a unit after its plan was made (for `vigil repair`):
// someone becomes unavailable (wounded, sent home, called away) or available
// again (back early from training or leave), a newcomer joins, a post is
// opened or closed, a place's beds change. apply_events() turns a Problem and
// a list of events into the changed Problem; remap_roster() moves a plan made
// for the old problem onto the new one, by names.
//
// Times are unit minutes (minutes since the changeover of day 0, see
// model/unit.h). Events are read from a YAML file or a command-line option by
// io/events_reader.h.
#pragma once

#include <string>
#include <vector>

#include "base/input_error.h"
#include "model/problem.h"
#include "model/roster.h"
#include "model/unit.h"

namespace vigil {

struct UnitEvent {
  enum class Kind {
    kUnavailable,  // `person` is away in [from_minute, until_minute): an Absence with `reason`
    kAvailable,    // `person` is back from from_minute on: an absence covering it ends there
    kJoin,         // `joining` joins the unit at from_minute (absent before it)
    // Places change at a changeover (Place in model/problem.h): from the
    // roster day that from_minute starts.
    kPostAdded,    // a post named `place` with `beds` and `watchers` opens
    kPostClosed,   // the post named `place` closes (it stays in the problem, closed from then on)
    kBedsChanged,  // the place named `place` has `beds` beds from then on
  };
  Kind kind = Kind::kUnavailable;
  std::string person;  // kUnavailable, kAvailable
  int from_minute = 0;
  int until_minute = Absence::kForever;  // kUnavailable
  std::string reason;                    // kUnavailable
  Person joining;      // kJoin: name and unit info (languages, experience, skills)
  std::string place;   // kPostAdded, kPostClosed, kBedsChanged
  int beds = 0;        // kPostAdded (0: no limit), kBedsChanged
  int watchers = 2;    // kPostAdded
  // When vigil was told (the `--now` of the repair that applied it), kept in
  // the event log; -1 when not given. Not checked against `now`.
  int reported_minute = -1;
};

// The name of an event kind as written in events files: "unavailable",
// "available", "join", "add-post", "close-post", "beds".
const char* event_kind_name(UnitEvent::Kind kind);

// The problem after the events, applied in order, or the first event that
// cannot be applied. Every event's time must be at or after `now_minute`
// (nothing that already happened changes). Errors name `source_name` and the
// event as `events[i].field`. Places keep the reader's order (posts first,
// then rest centers): a new post goes after the last post; shift kinds are
// rebuilt by add_unit_shifts() after a post is added, so shift indices
// change, and personal requests are re-pointed. A closed post keeps its
// place (and the requests for it, which count only on days it is open).
Result<Problem> apply_events(const Problem& before, const std::vector<UnitEvent>& events, int now_minute,
                             const std::string& source_name);

// A plan for `from` moved onto `to` by names: people by name (new people get
// empty lines), places by name, watch and shower slots by (place name, slot
// index). Cells at places that `to` no longer has (or that lost their watch
// or showers) become kOff; days beyond either horizon are dropped.
Roster remap_roster(const Problem& from, const Roster& roster, const Problem& to);

}  // namespace vigil
