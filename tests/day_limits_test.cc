// The daily limits' two forms (rules/day_limits.h) agree: the mask helpers
// the incremental evaluator, search and day re-plan use, against the
// slot-by-slot scan the full evaluator uses, on every day of up to 16 slots
// and on full 64-slot days.
#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <vector>

#include "eval/rules/day_limits.h"

namespace vigil::rules {
namespace {

struct Scanned {
  DayWatches day;
  int over = 0;
  std::vector<int> run_at;  // per slot: the length of its run of watches (0 off watch)
};

Scanned scan(std::uint64_t mask, const DayLimits& l) {
  Scanned out;
  out.run_at.assign(static_cast<std::size_t>(l.slots), 0);
  DayLimits everything = l;
  everything.max_in_row = 0;  // every run is reported, to learn each slot's run
  out.day = scan_day(l.slots, everything.max_in_row, [&](int s) { return on_watch(mask, s); },
                     [&](int first, int length) {
                       out.over += run_over(length, l);
                       for (int s = first; s < first + length; ++s) out.run_at[static_cast<std::size_t>(s)] = length;
                     });
  return out;
}

void expect_same(std::uint64_t mask, const DayLimits& l) {
  const Scanned want = scan(mask, l);
  EXPECT_EQ(std::popcount(mask), want.day.watches) << mask;
  EXPECT_EQ(longest_free_run(mask, l.slots), want.day.longest_free) << mask;
  EXPECT_EQ(runs_over(mask, l), want.over) << mask;
  for (int s = 0; s < l.slots; ++s) EXPECT_EQ(run_through(mask, s, l.slots), want.run_at[static_cast<std::size_t>(s)]);
  EXPECT_EQ(keeps_day_limits(mask, l),
            watches_over(want.day.watches, l) == 0 && !rest_too_short(want.day.longest_free, l) && want.over == 0);
}

TEST(DayLimits, MaskHelpersMatchTheScanOnEveryShortDay) {
  for (const int slots : {1, 6, 12, 16}) {
    const DayLimits l{slots, 4, 2, 3};
    for (std::uint64_t mask = 0; mask < (std::uint64_t{1} << slots); ++mask) expect_same(mask, l);
  }
}

TEST(DayLimits, MaskHelpersMatchTheScanOnFullDays) {
  const DayLimits l{64, 20, 3, 5};
  const std::vector<std::uint64_t> masks = {0, ~std::uint64_t{0}, 1, std::uint64_t{1} << 63,
                                            0x8000000000000001, 0xF0F0F0F0F0F0F0F0, 0x7FFFFFFFFFFFFFFE,
                                            0x00000000FFFFFFFF, 0xFFFFFFFF00000000, 0x9249249249249249};
  for (const std::uint64_t mask : masks)
    expect_same(mask, l);
}

TEST(DayLimits, LimitsInSlotsRoundAsTheRulesSay) {
  UnitRuleParameters par;
  par.min_rest_minutes = 361;  // 6 h 1 min of rest needs four free 2-hour slots
  par.max_watch_minutes = 479;  // 7 h 59 min holds three whole watches
  par.max_watches_in_row = 2;
  const DayLimits l = day_limits(par, 120, 12);
  EXPECT_EQ(l.rest_slots, 4);
  EXPECT_EQ(l.max_watches, 3);
  EXPECT_EQ(l.max_in_row, 2);
  EXPECT_TRUE(rest_too_short(3, l));
  EXPECT_FALSE(rest_too_short(4, l));
  EXPECT_EQ(watches_over(5, l), 2);
}

}  // namespace
}  // namespace vigil::rules
