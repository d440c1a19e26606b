// Unit wish personal-requests. Each request not met costs its own weight (the
// rule's weight is not used); units count the unmet (request, day) matches:
//   day-off: the person is at a post or stands any watch (or guard) that day:
//     1 unit;
//   post: 1 unit per day in its range (cut to the horizon) on which the person
//     is at a post other than the one asked for, while that one is open;
//   partner: 1 unit per day on which both are placed somewhere, at different
//     places.
#pragma once

#include <algorithm>
#include <climits>

#include "eval/rules/rule_support.h"
#include "eval/unit_context.h"
#include "model/wording.h"

namespace vigil::rules {

struct PersonalRequests {
  static constexpr RuleKind kKind = RuleKind::kPersonalRequests;

  static void evaluate(const RuleInput& in, const UnitContext& cx, RuleTally& tally) {
    for (const PersonalRequest& r : cx.unit.requests) {
      const int p = r.person.value;
      if (p < 0 || p >= cx.people) continue;
      switch (r.kind) {
        case PersonalRequest::Kind::kDayOff: day_off(in, cx, tally, r, p); break;
        case PersonalRequest::Kind::kPost: post(in, cx, tally, r, p); break;
        case PersonalRequest::Kind::kPartner: partner(in, cx, tally, r, p); break;
      }
    }
  }

  static void day_off(const RuleInput& in, const UnitContext& cx, RuleTally& tally, const PersonalRequest& r, int p) {
    const int d = r.day;
    if (d < 0 || d >= cx.days) return;
    const int pl = cx.place_at(p, d);
    const bool at_post = pl >= 0 && cx.kind_at(p, d) == PlaceKind::kPost;
    int watches = 0, first_watch = -1;
    for (int s = 0; s < cx.watch_lanes; ++s)
      if (cx.watch_cell(p, d, s) >= 0) {
        ++watches;
        if (first_watch < 0) first_watch = s;
      }
    if (!at_post && watches == 0) return;
    record(in, kKind, tally, p, d, d, -1, 1, r.weight, [&] {
      std::string why;
      if (at_post) why = "is at " + cx.place_name(pl);
      if (watches > 0) {
        const int wp = cx.layout.place_of[cx.watch_cell(p, d, first_watch)];
        if (!why.empty()) why += " and ";
        why += fmt::format("stands {} watch{}", watches, watches == 1 ? "" : "es");
        if (!at_post || wp != pl) why += " at " + cx.place_name(wp);
        why += fmt::format(" (first {})", cx.slot_text(first_watch));
      }
      return fmt::format("{}, {}: asked for the day off but {}", cx.name(p), day_label(in.problem, d), why);
    });
  }

  static void post(const RuleInput& in, const UnitContext& cx, RuleTally& tally, const PersonalRequest& r, int p) {
    const int first = std::max(r.first_day, 0);
    const int last = std::min(r.last_day, cx.days - 1);
    for (int d = first; d <= last; ++d) {
      const int pl = cx.place_at(p, d);
      if (pl < 0 || cx.kind_at(p, d) != PlaceKind::kPost || pl == r.place.value || !asked_post_open(cx, r, d)) continue;
      record(in, kKind, tally, p, d, d, cx.layout.stay_shift[pl], 1, r.weight, [&] {
        return fmt::format("{}, {}: asked for {} but is at {}", cx.name(p), day_label(in.problem, d),
                           cx.place_or_nowhere(r.place.value), cx.place_name(pl));
      });
    }
  }

  // A post request counts only on days the post asked for is open.
  static bool asked_post_open(const UnitContext& cx, const PersonalRequest& r, int d) {
    return r.place.value < 0 || r.place.value >= cx.places || cx.problem.places[r.place.index()].open_on(d);
  }

  static void partner(const RuleInput& in, const UnitContext& cx, RuleTally& tally, const PersonalRequest& r, int p) {
    const int q = r.partner.value;
    if (q < 0 || q >= cx.people) return;
    for (int d = 0; d < cx.days; ++d) {
      const int a = cx.place_at(p, d), b = cx.place_at(q, d);
      if (a < 0 || b < 0 || a == b) continue;
      record(in, kKind, tally, p, d, d, -1, 1, r.weight, [&] {
        return fmt::format("{}, {}: asked to be with {} but is at {} while {} is at {}", cx.name(p),
                           day_label(in.problem, d), cx.name(q), cx.place_name(a), cx.name(q), cx.place_name(b));
      });
    }
  }
};

}  // namespace vigil::rules
