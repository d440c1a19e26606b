// Limits at the border (docs/limits.md), word for word: the benchmark
// reader's ranges and sizes, the UTF-8 check every reader starts with, the
// length of names, and the bounded "did you mean" search.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "base/name_suggestion.h"
#include "base/text.h"
#include "io/events_reader.h"
#include "io/json_text.h"
#include "io/nrp_reader.h"
#include "io/roster_io.h"
#include "io/scenario_reader.h"
#include "solve/memory_estimate.h"
#include "test_support.h"

namespace vigil {
namespace {

// ---- the benchmark reader ---------------------------------------------------------

// Lines 1-4 horizon, 6-9 shifts (D on line 8), 11-14 staff (A on line 13),
// 16-19 days off, 21-23 on requests (line 23), 25-27 off requests (line 27),
// 29-32 cover (line 31).
std::vector<std::string> base_lines() {
  return {"# limits",       "SECTION_HORIZON", "# days", "7", "",
          "SECTION_SHIFTS", "# shifts",        "D,480,", "", "",
          "SECTION_STAFF",  "# staff",         "A,D=5,2400,960,5,1,1,1", "B,D=5,2400,960,5,1,1,1", "",
          "SECTION_DAYS_OFF", "# off",         "A,0",   "", "",
          "SECTION_SHIFT_ON_REQUESTS", "# on", "A,2,D,2", "",
          "SECTION_SHIFT_OFF_REQUESTS", "# off", "B,3,D,1", "",
          "SECTION_COVER",  "# cover",         "0,D,1,100,1", "1,D,1,100,1"};
}

std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

std::string with_line(int n, const std::string& text) {
  auto l = base_lines();
  l.at(static_cast<std::size_t>(n - 1)) = text;
  return join(l);
}

std::string nrp_error(const std::string& text) {
  auto r = parse_nrp_instance(text, "bad.txt");
  return r.ok() ? std::string("OK") : r.error().headline();
}

TEST(Limits, BenchmarkBaseParses) { EXPECT_EQ(nrp_error(join(base_lines())), "OK"); }

TEST(Limits, BenchmarkNumbersHaveUpperBounds) {
  EXPECT_EQ(nrp_error(with_line(4, "3650")), "OK");
  EXPECT_EQ(nrp_error(with_line(4, "3651")), "bad.txt:4:1: expected the number of days to be at most 3650, got 3651");
  EXPECT_EQ(nrp_error(with_line(4, "99999999999")),
            "bad.txt:4:1: expected the number of days to be at most 3650, got 99999999999");
  EXPECT_EQ(nrp_error(with_line(8, "D,1441,")), "bad.txt:8:3: expected LengthInMinutes to be at most 1440, got 1441");
  EXPECT_EQ(nrp_error(with_line(13, "A,D=3651,2400,960,5,1,1,1")),
            "bad.txt:13:5: expected a MaxShifts limit to be at most 3650, got 3651");
  EXPECT_EQ(nrp_error(with_line(13, "A,D=5,5256001,960,5,1,1,1")),
            "bad.txt:13:7: expected MaxTotalMinutes to be at most 5256000, got 5256001");
  EXPECT_EQ(nrp_error(with_line(13, "A,D=5,2400,960,3651,1,1,1")),
            "bad.txt:13:16: expected MaxConsecutiveShifts to be at most 3650, got 3651");
  EXPECT_EQ(nrp_error(with_line(13, "A,D=5,2400,960,5,3651,1,1")),
            "bad.txt:13:18: expected MinConsecutiveShifts to be at most 3650, got 3651");
  // The issue's case: signed overflow further in, before the bound.
  EXPECT_EQ(nrp_error(with_line(13, "A,D=5,2400,960,5,1,2147483647,1")),
            "bad.txt:13:20: expected MinConsecutiveDaysOff to be at most 3650, got 2147483647");
  EXPECT_EQ(nrp_error(with_line(13, "A,D=5,2400,960,5,1,1,522")),
            "bad.txt:13:22: expected MaxWeekends to be at most 521, got 522");
  EXPECT_EQ(nrp_error(with_line(23, "A,2,D,1000001")), "bad.txt:23:7: expected Weight to be at most 1000000, got 1000001");
  EXPECT_EQ(nrp_error(with_line(31, "0,D,10001,100,1")),
            "bad.txt:31:5: expected Requirement to be at most 10000, got 10001");
  EXPECT_EQ(nrp_error(with_line(31, "0,D,1,1000001,1")),
            "bad.txt:31:7: expected WeightUnder to be at most 1000000, got 1000001");
  EXPECT_EQ(nrp_error(with_line(31, "0,D,1,100,1000001")),
            "bad.txt:31:11: expected WeightOver to be at most 1000000, got 1000001");
  // A day past the horizon keeps its own message.
  EXPECT_EQ(nrp_error(with_line(31, "99999,D,1,100,1")), "bad.txt:31:1: expected a day from 0 to 6, got 99999");
}

TEST(Limits, BenchmarkRepeatedRequestIsRefused) {
  auto l = base_lines();
  l.insert(l.begin() + 23, "A,2,D,5");  // line 24: A, day 2, D again
  EXPECT_EQ(nrp_error(join(l)),
            "bad.txt:24:1: expected one request per employee, day and shift, got 'A' day 2 shift 'D' a second time");
  // The same employee, day and shift may be asked on and off (two rules).
  EXPECT_EQ(nrp_error(with_line(27, "A,2,D,1")), "OK");
}

TEST(Limits, BenchmarkNamesAreAtMost100Characters) {
  const std::string hundred(100, 'x');
  EXPECT_EQ(nrp_error(with_line(8, hundred + ",480,") + ""), "bad.txt:13:3: expected a shift ID from SECTION_SHIFTS, got 'D'");
  EXPECT_EQ(nrp_error(with_line(8, hundred + "y,480,")),
            "bad.txt:8:1: expected a shift ID of at most 100 characters, got 101");
  EXPECT_EQ(nrp_error(with_line(14, hundred + "y,D=5,2400,960,5,1,1,1")),
            "bad.txt:14:1: expected an employee ID of at most 100 characters, got 101");
}

// A file with `shifts` shift lines and `employees` staff lines over `days`.
std::string sized_instance(int days, int shifts, int employees) {
  test::InstanceSpec s;
  s.days = days;
  std::string limits;
  // fmt, not string sums: GCC 12 warns falsely (-Wrestrict) on the latter.
  for (int k = 0; k < shifts; ++k) {
    s.shifts.push_back(fmt::format("s{},480,", k));
    limits += fmt::format("{}s{}=1", k ? "|" : "", k);
  }
  for (int e = 0; e < employees; ++e) s.staff.push_back(fmt::format("e{},{},2400,0,5,1,1,1", e, limits));
  return test::instance_text(s);
}

TEST(Limits, BenchmarkSizesAreBounded) {
  // Lines: 1-4 horizon, 5 blank, 6 SECTION_SHIFTS, 7 legend, shifts from line 8.
  EXPECT_EQ(nrp_error(sized_instance(1, 1001, 1)), "bad.txt:1008:1: expected at most 1000 shifts in SECTION_SHIFTS, got more");
  // 1 day x 1 shift: 10000 employees fit, the 10001st is refused on its line
  // (staff from line 8 + 1 + 3 = 12).
  EXPECT_EQ(nrp_error(sized_instance(1, 1, 10001)), "bad.txt:10012:1: expected at most 10000 employees in SECTION_STAFF, got more");
  // 3650 days x (1 shift + 1): 1369 employees make 9993700 cells, the 1370th too many.
  EXPECT_EQ(nrp_error(sized_instance(3650, 1, 1370)),
            "bad.txt:1381:1: expected employees x days x (shifts + 1) to be at most 10000000, got 1370 x 3650 x 2 with this "
            "employee");
}

// ---- text input: byte order mark and UTF-8 ----------------------------------------

TEST(Limits, TextInputDropsAByteOrderMarkAndRefusesInvalidUtf8) {
  auto ok = text_input("\xEF\xBB\xBFhello\n", "f.txt");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, "hello\n");
  // Column in characters: "é" is one.
  auto bad = text_input("line one\n\xC3\xA9t\xFF\xFEx\n", "f.txt");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().format(), "f.txt:2:3: expected UTF-8 text, got the byte 0xFF\n  \xC3\xA9t??x\n    ^");
  EXPECT_EQ(text_input("a\xC0\xAF", "f").error().headline(), "f:1:2: expected UTF-8 text, got the byte 0xC0");  // overlong
  EXPECT_EQ(text_input("a\xED\xA0\x80", "f").error().headline(), "f:1:2: expected UTF-8 text, got the byte 0xED");  // surrogate
  EXPECT_EQ(text_input("\xF4\x90\x80\x80", "f").error().headline(), "f:1:1: expected UTF-8 text, got the byte 0xF4");  // > U+10FFFF
  EXPECT_EQ(text_input("ab\xE2\x82", "f").error().headline(), "f:1:3: expected UTF-8 text, got the byte 0xE2");  // cut short
  EXPECT_TRUE(text_input("\xF0\x9F\x98\x80 \xE2\x82\xAC", "f").ok());
}

TEST(Limits, EveryReaderChecksUtf8) {
  EXPECT_EQ(nrp_error(with_line(14, "B\xFF,D=5,2400,960,5,1,1,1")), "bad.txt:14:2: expected UTF-8 text, got the byte 0xFF");
  EXPECT_EQ(nrp_error("\xEF\xBB\xBF" + join(base_lines())), "OK");
  const Problem p = test::parse_or_throw(join(base_lines()));
  auto csv = parse_roster_csv(p, "employee,0,1,2,3,4,5,6\nA\xFE,,,,,,,\n", "r.csv");
  ASSERT_FALSE(csv.ok());
  EXPECT_EQ(csv.error().headline(), "r.csv:2:2: expected UTF-8 text, got the byte 0xFE");
  auto json = parse_json_text("{\"a\":\n \"x\xC3\"}", "r.json");
  ASSERT_FALSE(json.ok());
  EXPECT_EQ(json.error().headline(), "r.json:2:4: expected UTF-8 text, got the byte 0xC3");
  auto scenario = parse_scenario("horizon: {days: 4}\npeople:\n  - {name: Ol\xE9na}\n", "s.yaml");
  ASSERT_FALSE(scenario.ok());
  EXPECT_EQ(scenario.error().headline(), "s.yaml:3:14: expected UTF-8 text, got the byte 0xE9");
}

TEST(Limits, JsonRosterDaysAreComparedAsWritten) {
  const Problem p = test::parse_or_throw(join(base_lines()));
  auto r = parse_roster_json(p, R"({"days": 4294967303, "people": []})", "r.json");  // 2^32 + 7
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().headline(), "r.json: days: expected 7 (the instance's horizon), got 4294967303");
}

Problem unit_64() {
  auto r = read_scenario(std::string(VIGIL_SOURCE_DIR) + "/examples/unit-64.yaml");
  if (!r.ok()) throw std::runtime_error(r.error().format());
  return std::move(r.value());
}

TEST(Limits, ScenarioAndEventNamesAreAtMost100Characters) {
  const std::string long_name(101, 'x');
  auto post = parse_scenario("horizon: {days: 4}\nplaces:\n  posts:\n    - {name: " + long_name + "}\n", "s.yaml");
  ASSERT_FALSE(post.ok());
  EXPECT_EQ(post.error().headline(),
            "s.yaml:4:14: places.posts[0].name: expected the post's name of at most 100 characters, got 101");
  auto unit = parse_scenario("unit: " + long_name + "\n", "s.yaml");
  ASSERT_FALSE(unit.ok());
  EXPECT_EQ(unit.error().headline(), "s.yaml:1:7: unit: expected the unit's name of at most 100 characters, got 101");
  const Problem p = unit_64();
  // Characters, not bytes: 100 two-byte letters are a name.
  std::string hundred;
  for (int i = 0; i < 100; ++i) hundred += "\xC3\xA9";
  auto ok = parse_events("events:\n  - join: {name: " + hundred + ", languages: {uk: native}}\n    from: day 1\n", "e.yaml", p);
  EXPECT_TRUE(ok.ok()) << ok.error().format();
  auto joining = parse_events("events:\n  - join: {name: " + long_name + ", languages: {uk: native}}\n    from: day 1\n",
                              "e.yaml", p);
  ASSERT_FALSE(joining.ok());
  EXPECT_EQ(joining.error().headline(),
            "e.yaml:2:18: events[0].join.name: expected the person's name of at most 100 characters, got 101");
  auto option = parse_event_option("unavailable:Ol\xFF" "ena@day 2", p);
  ASSERT_FALSE(option.ok());
  EXPECT_EQ(option.error().headline(), "event 'unavailable:Ol?ena@day 2': expected UTF-8 text, got the byte 0xFF at character 15");
}

// ---- the memory estimate ----------------------------------------------------------

TEST(Limits, MemoryEstimateCountsTheProblemsCells) {
  const Problem small = test::parse_or_throw(join(base_lines()));
  const MemoryEstimate b = estimate_solve_memory(small, 1);
  EXPECT_EQ(b.cells, 2 * 7 * 2);
  EXPECT_STREQ(b.basis, "employees x days x (shifts + 1)");
  EXPECT_NEAR(b.mib, 16.0, 0.01);  // the program itself
  const Problem unit = unit_64();
  const MemoryEstimate u = estimate_solve_memory(unit, 1);
  EXPECT_EQ(u.cells, 64 * 28 * 14);  // 2 h watches: 12 watch lanes, placement and showers
  EXPECT_STREQ(u.basis, "people x days x lanes per day");
  EXPECT_NEAR(u.mib, 16 + 25088 * 100.0 / (1 << 20), 0.01);
  // Each further thread adds its copy of the search's state.
  EXPECT_GT(estimate_solve_memory(unit, 4).mib, u.mib);
}

// ---- the "did you mean" search ----------------------------------------------------

// The rule of nearest_name, with the full table for every candidate.
std::optional<std::string> nearest_by_full_table(const std::string& word, const std::vector<std::string>& candidates) {
  const std::size_t limit = word.size() <= 3 ? 1 : std::max<std::size_t>(2, word.size() / 3);
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  for (const std::string& c : candidates) {
    if (c == word) return std::nullopt;
    const std::size_t d = edit_distance(word, c);
    if (d < best_distance) best_distance = d, best = c;
  }
  return best;
}

TEST(Limits, BandedSuggestionAgreesWithTheFullTable) {
  std::mt19937 rng(7);
  auto word = [&](std::size_t n) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s += static_cast<char>("abcAB"[rng() % 5]);
    return s;
  };
  for (int round = 0; round < 400; ++round) {
    std::vector<std::string> candidates;
    for (int k = 0; k < 8; ++k) candidates.push_back(word(1 + rng() % 14));
    const std::string w = word(1 + rng() % 14);
    EXPECT_EQ(nearest_name(w, candidates), nearest_by_full_table(w, candidates)) << w;
  }
}

TEST(Limits, SuggestionOverManyLongNamesStillAnswers) {
  // 2000 names of 2000 letters (the issue's case took 48 s): the band and the
  // cell budget keep it short, and a close name early in the list is found.
  std::vector<std::string> names;
  for (int k = 0; k < 2000; ++k) names.push_back(std::string(2000, static_cast<char>('a' + k % 26)) + std::to_string(k));
  std::string typo = names[3];
  typo[10] = 'z';
  EXPECT_EQ(nearest_name(typo, names), names[3]);
}

}  // namespace
}  // namespace vigil
