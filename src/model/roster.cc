// The Problem-shaped Roster constructor (kept out of roster.h so the model
// headers do not include each other).
#include "model/roster.h"

#include "model/problem.h"

namespace vigil {

Roster::Roster(const Problem& p) : Roster(p.person_count(), p.days(), p.lanes_per_day()) {}

}  // namespace vigil
