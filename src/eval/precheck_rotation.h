// The precheck's proofs over the rotation: what the posts need over ranges
// of consecutive stint blocks against the best each person can bring there
// under the rotation (eval/precheck_lines.h), for
//   team         each team need of any count: its holders' post teams;
//   watch-cover  the posts' watches: people at a post, at most the daily
//                watch hours each (a watch stood elsewhere is a one-place
//                unit, one beyond the hours a daily-watch-hours unit);
//   novice-pair  experienced post watchers: a slot of w watchers with e
//                experienced ones breaks at least w - 1 - e watch-cover or
//                novice-pair units (missing watchers, or pairs of novices).
// For a range R of blocks, every plan breaks at least
//   need(R) - sum over people of best_line_value(gains on R, units charged on R)
// units of the rules the finding names; ranges that do not overlap add up
// (each unit is charged on one day), and the ranges chosen are the set of
// disjoint ranges with the largest sum (a small dynamic programme over the
// blocks). Ranges are at most a few blocks long (enough for a post stint
// and the longest rest around it).
//
// Dates: each range counts the posts open on each of its days and the
// places' beds play no part; the line search gives a post's opening or
// closing day its excuse for everyone (more than the rule gives, so the
// bound stays a proof). Nothing is counted for a repair (its transfers and
// frozen past break the rhythm) or when rotation is not hard.
#pragma once

#include <vector>

#include "eval/unit_precheck.h"
#include "model/problem.h"

namespace vigil {

// Appends the findings of the three families above (each only when the
// rules it relies on are enabled and hard).
void add_rotation_findings(const Problem& problem, std::vector<Finding>& out);

// Whether the rotation proofs run at all for this problem (the old per-block
// team count stands in when they do not).
bool rotation_proofs_apply(const Problem& problem);

}  // namespace vigil
