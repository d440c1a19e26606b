// What vigil writes for a unit plan: the unit roster JSON (round trip and
// reader errors word for word), the watch bill (CSV exactly, HTML cells and
// escaping), each person's schedule (text word for word, iCalendar parsed
// back with libical), the rotation chart SVG, the summary with its fairness
// figures, and the output folder.
#include <gtest/gtest.h>

#include <algorithm>
#include <climits>
#include <fstream>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <libical/ical.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "base/files.h"
#include "io/roster_io.h"
#include "report/person_schedule.h"
#include "report/report_support.h"
#include "report/rotation_chart.h"
#include "report/unit_outputs.h"
#include "io/unit_roster_json.h"
#include "report/unit_summary.h"
#include "report/watch_bill.h"
#include "unit_test_support.h"

namespace vigil {
namespace {

using test::person;

// Two days of 6-hour watches (slots 06:00, 12:00, 18:00, 00:00; 00:00 is the
// night slot) at post-1 (2 watchers) and the rest center "rest" (1 guard,
// 2 showers); "depot" is a rest center without watchers or showers.
Problem tiny_unit() {
  test::UnitBuilder b;
  b.days = 2;
  b.setup.watch_minutes = 360;
  b.places.push_back({"depot", PlaceKind::kRestCenter, 10, 0, 0});
  b.people = {person("Ana"), person("Bo"), person("Cy <&>"), person("Dee, Jr.")};
  return b.build();
}

constexpr int kPost = 0, kRest = 1;

Roster tiny_roster(const Problem& p) {
  test::UnitRosterWriter w(p);
  // Ana: post-1, then rest with a shower at 14:30 (shower slot 17) and a guard turn.
  w.place(0, 0, kPost);
  w.watches(0, 0, {0, 2}, kPost);
  w.place(0, 1, kRest);
  w.shower(0, 1, 17, kRest);
  w.watch(0, 1, 2, kRest);
  // Bo: post-1, then rest.
  w.place(1, 0, kPost);
  w.watches(1, 0, {0, 1, 3}, kPost);
  w.place(1, 1, kRest);
  w.watch(1, 1, 0, kRest);
  // Cy: rest, then post-1.
  w.place(2, 0, kRest);
  w.watch(2, 0, 3, kRest);
  w.place(2, 1, kPost);
  w.watch(2, 1, 1, kPost);
  // Dee: rest, then post-1.
  w.place(3, 0, kRest);
  w.place(3, 1, kPost);
  w.watch(3, 1, 1, kPost);
  return w.roster;
}

// ---------------------------------------------------------------- JSON

TEST(UnitOutputsJson, WritesOneLinePerPersonDay) {
  const Problem p = tiny_unit();
  const std::string json = unit_roster_to_json(p, tiny_roster(p));
  const std::string head =
      "{\n"
      " \"format\": \"vigil-unit-roster\",\n"
      " \"version\": 1,\n"
      " \"scenario\": \"test-unit\",\n"
      " \"days\": 2,\n"
      " \"changeover\": \"06:00\",\n"
      " \"people\": [\n"
      "  {\"name\": \"Ana\", \"days\": [\n"
      "   {\"day\": 0, \"place\": \"post-1\", \"watches\": [{\"slot\": 0, \"start\": \"06:00\", \"place\": \"post-1\"}, "
      "{\"slot\": 2, \"start\": \"18:00\", \"place\": \"post-1\"}], \"shower\": null},\n"
      "   {\"day\": 1, \"place\": \"rest\", \"watches\": [{\"slot\": 2, \"start\": \"18:00\", \"place\": \"rest\"}], "
      "\"shower\": {\"start\": \"14:30\", \"place\": \"rest\"}}\n"
      "  ]},\n";
  EXPECT_EQ(json.substr(0, head.size()), head);
  EXPECT_NE(json.find("  {\"name\": \"Cy <&>\", \"days\": [\n"), std::string::npos);
  EXPECT_EQ(json.substr(json.size() - 8), "]}\n ]\n}\n");
  EXPECT_TRUE(nlohmann::json::accept(json));
}

TEST(UnitOutputsJson, RoundTripGivesTheSameRoster) {
  const Problem p = tiny_unit();
  const Roster r = tiny_roster(p);
  auto back = parse_unit_roster_json(p, unit_roster_to_json(p, r), "r.json");
  ASSERT_TRUE(back.ok()) << back.error().format();
  EXPECT_EQ(*back, r);

  // Through a file too, and with the default 2-hour layout and an empty plan.
  const std::string path = ::testing::TempDir() + "vigil_unit_roster_" + std::to_string(::getpid()) + ".json";
  std::ofstream(path, std::ios::binary) << unit_roster_to_json(p, r);
  auto from_file = read_unit_roster(p, path);
  ASSERT_TRUE(from_file.ok()) << from_file.error().format();
  EXPECT_EQ(*from_file, r);
  std::filesystem::remove(path);
  EXPECT_EQ(read_unit_roster(p, path).error().headline(), path + ": cannot open the file for reading");

  test::UnitBuilder b;
  b.people = {person("Ana")};
  const Problem q = b.build();
  const Roster empty(q);
  auto again = parse_unit_roster_json(q, unit_roster_to_json(q, empty), "e.json");
  ASSERT_TRUE(again.ok()) << again.error().format();
  EXPECT_EQ(*again, empty);
}

TEST(UnitOutputsJson, OptionalKeysMayBeLeftOut) {
  const Problem p = tiny_unit();
  nlohmann::json doc = nlohmann::json::parse(unit_roster_to_json(p, tiny_roster(p)));
  doc.erase("scenario");
  doc["people"][3]["days"][0].erase("watches");
  doc["people"][3]["days"][0].erase("shower");
  for (auto& w : doc["people"][0]["days"][0]["watches"]) w.erase("slot");
  auto back = parse_unit_roster_json(p, doc.dump(), "r.json");
  ASSERT_TRUE(back.ok()) << back.error().format();
  EXPECT_EQ(*back, tiny_roster(p));
}

// The headline of the error from reading the tiny roster's JSON after `change`.
std::string error_after(const std::function<void(nlohmann::json&)>& change) {
  const Problem p = tiny_unit();
  nlohmann::json doc = nlohmann::json::parse(unit_roster_to_json(p, tiny_roster(p)));
  change(doc);
  auto r = parse_unit_roster_json(p, doc.dump(1), "r.json");
  return r.ok() ? "OK" : r.error().headline();
}

// Transfers (model/unit.h): a day's change of place is written with the
// day ("transfer": {"at", "from"}) and read back, to nowhere too.
TEST(UnitOutputsJson, TransfersRoundTripAndBadOnesAreRefused) {
  const Problem p = tiny_unit();
  const UnitLayout L = make_unit_layout(p);
  Roster r = tiny_roster(p);
  r.set_transfer({1, 1, kMinutesPerDay + 240, L.stay_shift[kPost]});  // Bo: at post-1 until day 1 10:00
  r.set_transfer({0, 0, 600, kOff});                                  // Ana: nowhere until day 0 16:00
  const std::string text = unit_roster_to_json(p, r);
  EXPECT_NE(text.find("\"transfer\": {\"at\": \"10:00\", \"from\": \"post-1\"}"), std::string::npos) << text;
  EXPECT_NE(text.find("\"transfer\": {\"at\": \"16:00\", \"from\": null}"), std::string::npos) << text;
  auto back = parse_unit_roster_json(p, text, "r.json");
  ASSERT_TRUE(back.ok()) << back.error().format();
  EXPECT_EQ(*back, r);
  ASSERT_EQ(back->transfers().size(), 2u);

  using J = nlohmann::json;
  EXPECT_EQ(error_after([](J& d) { d["people"][0]["days"][1]["transfer"] = {{"at", "06:00"}, {"from", nullptr}}; }),
            "r.json: people[0].days[1].transfer.at: expected a clock time HH:MM other than the changeover (06:00), got '06:00'");
  EXPECT_EQ(error_after([](J& d) { d["people"][0]["days"][1]["transfer"] = {{"at", "10:00"}}; }),
            "r.json: people[0].days[1].transfer: expected \"from\": the place before the transfer (null for nowhere)");
  EXPECT_EQ(error_after([](J& d) { d["people"][0]["days"][1]["transfer"] = {{"at", "10:00"}, {"from", "post-9"}}; }),
            "r.json: people[0].days[1].transfer.from: expected null or a post or rest center of the scenario, got 'post-9' (did you mean 'post-1'?)");
}

TEST(UnitOutputsJson, ReaderErrorsWordForWord) {
  using J = nlohmann::json;
  EXPECT_EQ(error_after([](J& d) { d["format"] = "vigil-roster"; }),
            "r.json: format: expected \"vigil-unit-roster\", got 'vigil-roster'");
  EXPECT_EQ(error_after([](J& d) { d["version"] = 2; }), "r.json: version: expected 1, got 2");
  EXPECT_EQ(error_after([](J& d) { d["days"] = 3; }), "r.json: days: expected 2 (the scenario's horizon), got 3");
  EXPECT_EQ(error_after([](J& d) { d["changeover"] = "07:00"; }),
            "r.json: changeover: expected \"06:00\" (the scenario's changeover), got '07:00'");
  EXPECT_EQ(error_after([](J& d) { d["start_date"] = "2026-02-30"; }),
            "r.json: start_date: expected a date \"YYYY-MM-DD\", got '2026-02-30'");
  EXPECT_EQ(error_after([](J& d) { d["plan_version"] = 0; }),
            "r.json: plan_version: expected a whole number from 1 up, got 0");
  EXPECT_EQ(error_after([](J& d) { d["plan_version"] = 2; d["replaces"] = 2; }),
            "r.json: replaces: expected a version before plan_version (2), got 2");
  EXPECT_EQ(error_after([](J& d) { d["made"] = 5; }), "r.json: made: expected a UTC time \"YYYY-MM-DDTHH:MM:SSZ\", got 5");
  EXPECT_EQ(error_after([](J& d) { d["reason"] = 5; }), "r.json: reason: expected a text, got 5");
  EXPECT_EQ(error_after([](J& d) { d["peeple"] = d["people"]; }),
            "r.json: document: expected only the keys \"format\", \"version\", \"scenario\", \"days\", \"changeover\", "
            "\"start_date\", \"plan_version\", \"replaces\", \"made\", \"reason\" and \"people\", got \"peeple\" (did you mean \"people\"?)");
  EXPECT_EQ(error_after([](J& d) { d["people"] = 5; }), "r.json: people: expected an array of people, got 5");
  EXPECT_EQ(error_after([](J& d) { d["people"][0]["name"] = "Anna"; }),
            "r.json: people[0].name: expected a person of the scenario, got 'Anna' (did you mean 'Ana'?)");
  EXPECT_EQ(error_after([](J& d) { d["people"][0]["name"] = "Zoltan"; }),
            "r.json: people[0].name: expected a person of the scenario, got 'Zoltan'");
  EXPECT_EQ(error_after([](J& d) { d["people"][2]["name"] = "Ana"; }),
            "r.json: people[2].name: expected each person once, got 'Ana' again (first at people[0])");
  EXPECT_EQ(error_after([](J& d) { d["people"].erase(3); }),
            "r.json: people: expected every person of the scenario, got none for 'Dee, Jr.'");
  EXPECT_EQ(error_after([](J& d) { d["people"][1]["days"].erase(1); }),
            "r.json: people[1].days: expected an array of 2 days, got 1");
  EXPECT_EQ(error_after([](J& d) { d["people"][1]["days"][1]["day"] = 5; }),
            "r.json: people[1].days[1].day: expected 1 (the days in order), got 5");
  EXPECT_EQ(error_after([](J& d) { d["people"][3]["days"][1]["place"] = "post1"; }),
            "r.json: people[3].days[1].place: expected null or a post or rest center of the scenario, got 'post1' "
            "(did you mean 'post-1'?)");
  EXPECT_EQ(error_after([](J& d) { d["people"][3]["days"][1]["place"] = 7; }),
            "r.json: people[3].days[1].place: expected null or a post or rest center name, got 7");
  EXPECT_EQ(error_after([](J& d) { d["people"][0]["days"][0]["shwer"] = nullptr; }),
            "r.json: people[0].days[0]: expected only the keys \"day\", \"place\", \"watches\", \"shower\" and \"transfer\", got "
            "\"shwer\" (did you mean \"shower\"?)");
  EXPECT_EQ(error_after([](J& d) { d["people"][0]["days"][0]["watches"][1]["start"] = "07:00"; }),
            "r.json: people[0].days[0].watches[1].start: expected a watch start (06:00, 12:00, 18:00, 00:00), got '07:00'");
  EXPECT_EQ(error_after([](J& d) { d["people"][0]["days"][0]["watches"][1]["start"] = "7pm"; }),
            "r.json: people[0].days[0].watches[1].start: expected a watch start (06:00, 12:00, 18:00, 00:00), got '7pm'");
  EXPECT_EQ(error_after([](J& d) { d["people"][0]["days"][0]["watches"][1]["slot"] = 3; }),
            "r.json: people[0].days[0].watches[1].slot: expected 2 (the slot starting 18:00), got 3");
  EXPECT_EQ(error_after([](J& d) {
              auto& w = d["people"][0]["days"][0]["watches"][1];
              w.erase("slot");
              w["start"] = "06:00";
            }),
            "r.json: people[0].days[0].watches[1].start: expected each watch slot once a day, got 06:00 again (first "
            "at people[0].days[0].watches[0])");
  EXPECT_EQ(error_after([](J& d) { d["people"][0]["days"][0]["watches"][0]["place"] = "depot"; }),
            "r.json: people[0].days[0].watches[0].place: expected a place with watchers, got 'depot' (a rest-center "
            "without them)");
  EXPECT_EQ(error_after([](J& d) { d["people"][0]["days"][0]["watches"][0]["place"] = "rset"; }),
            "r.json: people[0].days[0].watches[0].place: expected a place with watchers of the scenario, got 'rset' "
            "(did you mean 'rest'?)");
  EXPECT_EQ(error_after([](J& d) { d["people"][0]["days"][0]["watches"][0].erase("start"); }),
            "r.json: people[0].days[0].watches[0]: expected a \"start\" time");
  EXPECT_EQ(error_after([](J& d) { d["people"][0]["days"][1]["shower"]["start"] = "14:15"; }),
            "r.json: people[0].days[1].shower.start: expected a shower start (06:00, 06:30, ..., 21:30), got '14:15'");
  EXPECT_EQ(error_after([](J& d) { d["people"][0]["days"][1]["shower"]["place"] = "post-1"; }),
            "r.json: people[0].days[1].shower.place: expected a place with showers, got 'post-1' (a post without them)");
  EXPECT_EQ(error_after([](J& d) { d["people"][0]["days"][1]["shower"] = "14:30"; }),
            "r.json: people[0].days[1].shower: expected null or a shower {\"start\": \"HH:MM\", \"place\": ...}, got "
            "'14:30'");
}

TEST(UnitOutputsJson, SyntaxErrorsGiveLineAndColumn) {
  const Problem p = tiny_unit();
  auto r = parse_unit_roster_json(p, "{\n \"format\": \"vigil-unit-roster\",\n \"days\": x\n}\n", "r.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().format(),
            "r.json:3:10: expected valid JSON: syntax error while parsing value - invalid literal; last read: "
            "'\"days\": x'\n"
            "   \"days\": x\n"
            "           ^");
  auto cut = parse_unit_roster_json(p, "{\"format\": \"vigil-unit-roster\",\n \"people\": [", "r.json");
  ASSERT_FALSE(cut.ok());
  EXPECT_EQ(cut.error().headline(),
            "r.json:2:13: expected valid JSON: syntax error while parsing value - unexpected end of input; expected "
            "'[', '{', or a literal");
  // Columns count characters, not bytes.
  auto utf8 = parse_unit_roster_json(p, "{\"scenario\": \"Київ\" x}", "r.json");
  ASSERT_FALSE(utf8.ok());
  EXPECT_EQ(utf8.error().line, 1);
  EXPECT_EQ(utf8.error().column, 21);
}

TEST(UnitRosterJson, ANumberOutOfRangeIsAnErrorAtTheNumber) {
  const Problem p = tiny_unit();
  const auto r = parse_unit_roster_json(p, "{\"format\": \"vigil-unit-roster\", \"days\": 1e400}", "r.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().headline(), "r.json:1:41: expected a number within range, got number overflow parsing '1e400'");
}

// ---------------------------------------------------------------- watch bill

TEST(UnitOutputsWatchBill, CsvExactly) {
  const Problem p = tiny_unit();
  EXPECT_EQ(watch_bill_csv(p, tiny_roster(p)),
            "day,weekday,start,end,post-1,rest\n"
            "0,Mon,06:00,12:00,Ana / Bo,UNCOVERED\n"
            "0,Mon,12:00,18:00,Bo / UNCOVERED,UNCOVERED\n"
            "0,Mon,18:00,00:00,Ana / UNCOVERED,UNCOVERED\n"
            "0,Mon,00:00,06:00,Bo / UNCOVERED,Cy <&>\n"
            "1,Tue,06:00,12:00,UNCOVERED / UNCOVERED,Bo\n"
            "1,Tue,12:00,18:00,\"Cy <&> / Dee, Jr.\",UNCOVERED\n"
            "1,Tue,18:00,00:00,UNCOVERED / UNCOVERED,Ana\n"
            "1,Tue,00:00,06:00,UNCOVERED / UNCOVERED,UNCOVERED\n");
}

TEST(UnitOutputsWatchBill, HtmlHasNamesInTheirCellsEscaped) {
  const Problem p = tiny_unit();
  const std::string html = watch_bill_html(p, tiny_roster(p), CalendarDate{2026, 1, 5});
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n", 0), 0u);
  EXPECT_NE(html.find("<h1>Watch bill: test-unit</h1>"), std::string::npos);
  EXPECT_NE(html.find("2 days, Mon 2026-01-05 to Tue 2026-01-06."), std::string::npos);
  EXPECT_NE(html.find("<h2>test-unit &middot; day 0 (Mon), 2026-01-05</h2>"), std::string::npos);
  EXPECT_NE(html.find("<h2>test-unit &middot; day 1 (Tue), 2026-01-06</h2>"), std::string::npos);
  EXPECT_NE(html.find("<thead><tr><th class=\"time\">Watch</th><th>post-1</th><th>rest (guard)</th></tr></thead>"),
            std::string::npos);
  // Day 0: rows in slot order; the rest center's guard is missing at 06:00.
  // Each missing watcher is a red UNCOVERED in a red cell.
  const std::string uncovered = "<span class=\"uncovered\">UNCOVERED</span>";
  const std::string day0 =
      "<tr><th class=\"time\">06:00&ndash;12:00</th><td>Ana<br>Bo</td><td class=\"short\">" + uncovered + "</td></tr>\n"
      "<tr><th class=\"time\">12:00&ndash;18:00</th><td class=\"short\">Bo<br>" + uncovered + "</td><td class=\"short\">" + uncovered + "</td></tr>\n"
      "<tr><th class=\"time\">18:00&ndash;00:00</th><td class=\"short\">Ana<br>" + uncovered + "</td><td class=\"short\">" + uncovered + "</td></tr>\n"
      "<tr class=\"night\"><th class=\"time\">00:00&ndash;06:00</th><td class=\"short\">Bo<br>" + uncovered + "</td><td>Cy &lt;&amp;&gt;</td></tr>\n";
  EXPECT_NE(html.find(day0), std::string::npos) << html;
  EXPECT_NE(html.find("<tr><th class=\"time\">12:00&ndash;18:00</th><td>Cy &lt;&amp;&gt;<br>Dee, Jr.</td><td class=\"short\">" + uncovered + "</td></tr>"),
            std::string::npos);
  EXPECT_NE(html.find("<tr><th class=\"time\">06:00&ndash;12:00</th><td class=\"short\">" + uncovered + "<br>" + uncovered + "</td><td>Bo</td></tr>"),
            std::string::npos);
  EXPECT_NE(html.find("span.uncovered { color: #b00000; font-weight: bold; }"), std::string::npos);
  EXPECT_EQ(html.find("Cy <&>"), std::string::npos);
  EXPECT_NE(html.find("@page { size: A4 portrait;"), std::string::npos);
  // A short-handed night watch is red, not night-shaded: its rule comes after
  // the night rows' and is as specific (a class and two elements).
  const std::size_t night_rule = html.find("tr.night th, tr.night td {");
  const std::size_t short_rule = html.find("td.short, tr.night td.short { background: #f9d6d6; }");
  ASSERT_NE(short_rule, std::string::npos);
  EXPECT_LT(night_rule, short_rule);
  EXPECT_NE(html.find("section.day { break-after: page; page-break-after: always; }"), std::string::npos);
  std::size_t sections = 0;
  for (std::size_t at = html.find("<section class=\"day\">"); at != std::string::npos; at = html.find("<section class=\"day\">", at + 1)) ++sections;
  EXPECT_EQ(sections, 2u);
  EXPECT_EQ(html.substr(html.size() - 16), "</body>\n</html>\n");
}

TEST(UnitOutputsWatchBill, ManyPlacesSplitIntoLandscapeTables) {
  test::UnitBuilder b;
  b.days = 1;
  b.places.clear();
  for (int i = 1; i <= 10; ++i) b.places.push_back({"post-" + std::to_string(i), PlaceKind::kPost, 8, 2, 0});
  b.people = {person("Ana")};
  const Problem p = b.build();
  const std::string html = watch_bill_html(p, Roster(p), CalendarDate{2026, 1, 5});
  EXPECT_NE(html.find("size: A4 landscape"), std::string::npos);
  std::size_t tables = 0;
  for (std::size_t at = html.find("<table>"); at != std::string::npos; at = html.find("<table>", at + 1)) ++tables;
  EXPECT_EQ(tables, 2u);  // 8 + 2 columns
}

// ---------------------------------------------------------------- person schedule

TEST(UnitOutputsPerson, TextScheduleWordForWord) {
  const Problem p = tiny_unit();
  const Roster r = tiny_roster(p);
  EXPECT_EQ(person_schedule_text(p, r, 0, CalendarDate{2026, 1, 5}),
            "Schedule for Ana (test-unit)\n"
            "Day 0 is Mon 2026-01-05. Each day runs from the 06:00 changeover to 06:00 the next morning.\n"
            "\n"
            "Day 0 (Mon): at post-1. Watch 06:00-12:00 and 18:00-00:00. Alone on watch 18:00-00:00: partner UNCOVERED.\n"
            "Day 1 (Tue): at rest. Shower 14:30. Guard 18:00-00:00.\n"
            "\n"
            "In all: 2 watches and 1 guard turn (0 at night), 18 hours; 1 shower.\n");
}

TEST(UnitOutputsPerson, TextScheduleWithAbsencesAndWatchesElsewhere) {
  test::UnitBuilder b;
  b.days = 4;
  b.places = {{"post-1", PlaceKind::kPost, 8, 2, 0},
              {"post-2", PlaceKind::kPost, 8, 2, 0},
              {"rest-1", PlaceKind::kRestCenter, 70, 1, 2}};
  b.people = {person("Ana", {{"en", LanguageLevel::kFluent}}, Experience::kTrained, {},
                     {Absence{3 * 1440, Absence::kForever, "leave"}, Absence{1440 + 600, 1440 + 720, "training"}})};
  const Problem p = b.build();
  test::UnitRosterWriter w(p);
  w.place(0, 0, 1);
  w.watches(0, 0, {4, 10}, 1);  // 14:00 and 02:00 at post-2
  w.watch(0, 0, 1, 0);          // 08:00 at post-1, where she is not
  w.place(0, 1, 2);
  w.shower(0, 1, 17, 2);        // 14:30
  w.watch(0, 1, 6, 2);          // guard 18:00
  // day 2: present, placed nowhere; day 3: on leave.
  EXPECT_EQ(person_schedule_text(p, w.roster, 0, CalendarDate{2026, 1, 5}),
            "Schedule for Ana (test-unit)\n"
            "Day 0 is Mon 2026-01-05. Each day runs from the 06:00 changeover to 06:00 the next morning.\n"
            "\n"
            "Day 0 (Mon): at post-2. Watch 08:00-10:00 at post-1. Watch 14:00-16:00 and 02:00-04:00. "
            "Alone on watch 08:00-10:00: partner UNCOVERED. Alone on watch 14:00-16:00: partner UNCOVERED. "
            "Alone on watch 02:00-04:00: partner UNCOVERED.\n"
            "Day 1 (Tue): at rest-1. Away from 16:00 (training). Shower 14:30. Guard 18:00-20:00.\n"
            "Day 2 (Wed): no place planned.\n"
            "Day 3 (Thu): away (leave).\n"
            "\n"
            "In all: 3 watches and 1 guard turn (1 at night), 8 hours; 1 shower.\n");
}

struct ParsedEvent {
  std::string uid, summary, start, end;
};

std::vector<ParsedEvent> parse_events(const std::string& ics, std::string* prodid) {
  std::vector<ParsedEvent> out;
  icalcomponent* cal = icalparser_parse_string(ics.c_str());
  if (!cal) return out;
  if (icalcomponent_isa(cal) != ICAL_VCALENDAR_COMPONENT) {
    icalcomponent_free(cal);
    return out;
  }
  if (icalproperty* pid = icalcomponent_get_first_property(cal, ICAL_PRODID_PROPERTY)) *prodid = icalproperty_get_prodid(pid);
  for (icalcomponent* ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
       ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
    out.push_back(ParsedEvent{icalcomponent_get_uid(ev), icalcomponent_get_summary(ev),
                              icaltime_as_ical_string(icalcomponent_get_dtstart(ev)),
                              icaltime_as_ical_string(icalcomponent_get_dtend(ev))});
  }
  icalcomponent_free(cal);
  return out;
}

TEST(UnitOutputsPerson, CalendarParsesBackWithEveryEvent) {
  const Problem p = tiny_unit();
  const Roster r = tiny_roster(p);
  const std::string ics = person_schedule_ics(p, r, 0, CalendarDate{2026, 1, 5}, "20260101T120000Z");
  EXPECT_EQ(ics.rfind("BEGIN:VCALENDAR\r\n", 0), 0u);
  EXPECT_NE(ics.find("DTSTAMP:20260101T120000Z\r\n"), std::string::npos);
  std::string prodid;
  const auto events = parse_events(ics, &prodid);
  EXPECT_EQ(prodid, "-//vigil//unit roster//EN");
  // Two stints, two watches, one guard turn, one shower.
  ASSERT_EQ(events.size(), 6u);
  auto find = [&](const std::string& uid) -> const ParsedEvent* {
    for (const auto& e : events)
      if (e.uid == uid) return &e;
    return nullptr;
  };
  struct Expect {
    const char *uid, *summary, *start, *end;
  };
  for (const Expect& x : {
           Expect{"stay-day0-post-1.ana@test-unit.vigil", "At post-1", "20260105", "20260106"},
           Expect{"stay-day1-rest.ana@test-unit.vigil", "At rest", "20260106", "20260107"},
           Expect{"watch-day0-slot0-post-1.ana@test-unit.vigil", "Watch at post-1", "20260105T060000", "20260105T120000"},
           Expect{"watch-day0-slot2-post-1.ana@test-unit.vigil", "Watch at post-1", "20260105T180000", "20260106T000000"},
           Expect{"guard-day1-slot2-rest.ana@test-unit.vigil", "Guard at rest", "20260106T180000", "20260107T000000"},
           Expect{"shower-day1.ana@test-unit.vigil", "Shower at rest", "20260106T143000", "20260106T150000"},
       }) {
    const ParsedEvent* e = find(x.uid);
    ASSERT_NE(e, nullptr) << x.uid;
    EXPECT_EQ(e->summary, x.summary) << x.uid;
    EXPECT_EQ(e->start, x.start) << x.uid;
    EXPECT_EQ(e->end, x.end) << x.uid;
  }
  // The partner on a watch is named.
  EXPECT_NE(ics.find("With Bo."), std::string::npos);
  // The same plan gives the same file.
  EXPECT_EQ(ics, person_schedule_ics(p, r, 0, CalendarDate{2026, 1, 5}, "20260101T120000Z"));
  // A night slot after midnight lands on the next date.
  const auto bo = parse_events(person_schedule_ics(p, r, 1, CalendarDate{2026, 1, 5}, "20260101T120000Z"), &prodid);
  bool found = false;
  for (const auto& e : bo)
    if (e.uid == "watch-day0-slot3-post-1.bo@test-unit.vigil") {
      found = true;
      EXPECT_EQ(e.start, "20260106T000000");
      EXPECT_EQ(e.end, "20260106T060000");
    }
  EXPECT_TRUE(found);
}

TEST(UnitOutputsPerson, SlugsAreSafeAndUnique) {
  EXPECT_EQ(slugify("José Ñúñez"), "jose-nunez");
  EXPECT_EQ(slugify("Łukasz Wróbel"), "lukasz-wrobel");
  EXPECT_EQ(slugify("Олена Коваль"), "olena-koval");
  EXPECT_EQ(slugify("  O'Brien, Jr. "), "o-brien-jr");
  EXPECT_EQ(slugify("../../etc/passwd"), "etc-passwd");
  EXPECT_EQ(slugify("田中"), "");
  test::UnitBuilder b;
  b.people = {person("Ana"), person("ANA"), person("田中"), person("ana!"), person("Con")};
  EXPECT_EQ(person_slugs(b.build()), (std::vector<std::string>{"ana", "ana-2", "person-3", "ana-3", "person-5"}));
}

TEST(UnitOutputsJson, StartDateAndStampComeBack) {
  const Problem base = tiny_unit();
  const Roster r = tiny_roster(base);
  Problem p = base;
  p.start_date = CalendarDate{2026, 12, 7};
  ::setenv("SOURCE_DATE_EPOCH", "1765704600", 1);  // 2025-12-14 09:30:00 UTC
  const PlanStamp first = new_plan_stamp(nullptr);
  const PlanStamp second = new_plan_stamp(&first);
  ::unsetenv("SOURCE_DATE_EPOCH");
  EXPECT_EQ(first.version, 1);
  EXPECT_EQ(first.replaces, 0);
  EXPECT_EQ(second.version, 2);
  EXPECT_EQ(second.replaces, 1);
  EXPECT_EQ(second.made, "2025-12-14T09:30:00Z");
  const std::string text = unit_roster_to_json(p, r, second);
  EXPECT_NE(text.find(" \"start_date\": \"2026-12-07\",\n \"plan_version\": 2,\n \"replaces\": 1,\n"
                      " \"made\": \"2025-12-14T09:30:00Z\",\n"),
            std::string::npos);
  PlanFileInfo info;
  auto back = parse_unit_roster_json(base, text, "r.json", &info);
  ASSERT_TRUE(back.ok()) << back.error().format();
  EXPECT_EQ(*back, r);
  EXPECT_EQ(info.start_date, p.start_date);
  EXPECT_EQ(info.stamp.version, 2);
  EXPECT_EQ(info.stamp.replaces, 1);
  EXPECT_EQ(info.stamp.made, "2025-12-14T09:30:00Z");
  // An older file without them still reads; a repair of it is version 2.
  PlanFileInfo old;
  ASSERT_TRUE(parse_unit_roster_json(base, unit_roster_to_json(base, r), "r.json", &old).ok());
  EXPECT_FALSE(old.start_date);
  EXPECT_EQ(old.stamp.version, 0);
  EXPECT_EQ(new_plan_stamp(&old.stamp).version, 2);
  EXPECT_EQ(plan_stamp_text(second), "Plan version 2, made 2025-12-14 09:30 UTC, replacing version 1.");
  EXPECT_EQ(plan_stamp_text(first), "Plan version 1, made 2025-12-14 09:30 UTC (the first plan).");
  EXPECT_EQ(plan_stamp_text(PlanStamp{}), "");
  // A reason (a hand edit's) is stored, read back and said after the stamp.
  PlanStamp edited = second;
  edited.reason = "hand edit: Ana and Bo swap day 1 (Tue) (\"asked\")";
  PlanFileInfo edited_info;
  ASSERT_TRUE(parse_unit_roster_json(base, unit_roster_to_json(p, r, edited), "r.json", &edited_info).ok());
  EXPECT_EQ(edited_info.stamp.reason, edited.reason);
  EXPECT_EQ(plan_stamp_text(edited),
            "Plan version 2, made 2025-12-14 09:30 UTC, replacing version 1; hand edit: Ana and Bo swap day 1 (Tue) (\"asked\").");
  // The stamp is on each sheet.
  EXPECT_NE(watch_bill_html(p, r, p.start_date, second).find("<p class=\"stamp\">Plan version 2, made 2025-12-14 09:30 UTC, "
                                                             "replacing version 1.</p>"),
            std::string::npos);
  EXPECT_NE(person_schedule_text(p, r, 0, p.start_date, second).find("\nPlan version 2, made"), std::string::npos);
}

TEST(UnitOutputsPerson, StartDates) {
  test::UnitBuilder b;
  b.people = {person("Ana")};
  Problem p = b.build();
  std::string error;
  const auto given = [](const char* date) {
    OutputOptions o;
    o.start_date = date;
    return o;
  };
  // No date given and none in the problem: none, and no error (no silent default).
  EXPECT_FALSE(start_date_of(p, OutputOptions{}, &error));
  EXPECT_EQ(error, "");
  EXPECT_EQ(start_date_of(p, given("2026-03-02"), &error)->iso(), "2026-03-02");
  EXPECT_FALSE(start_date_of(p, given("2026-03-03"), &error));
  EXPECT_EQ(error, "start date: expected a Mon (day 0 of the scenario), got 2026-03-03, a Tue");
  EXPECT_FALSE(start_date_of(p, given("2026-02-30"), &error));
  EXPECT_EQ(error, "start date: expected a date YYYY-MM-DD, got '2026-02-30'");
  p.start_date = CalendarDate{2026, 1, 8};
  p.horizon.first_weekday = 3;
  error.clear();
  EXPECT_EQ(start_date_of(p, OutputOptions{}, &error)->iso(), "2026-01-08");
  EXPECT_EQ((CalendarDate{2024, 2, 28}.plus_days(1).iso()), "2024-02-29");
  EXPECT_EQ((CalendarDate{2025, 12, 31}.plus_days(1).iso()), "2026-01-01");
  EXPECT_EQ((CalendarDate{2026, 1, 5}.weekday()), 0);
}

// ---------------------------------------------------------------- rotation chart

// Tag names in document order, closing tags as "/name"; self-closing tags
// are left out. Empty when a tag is not closed properly.
bool tags_balance(const std::string& svg) {
  std::vector<std::string> open;
  for (std::size_t at = svg.find('<'); at != std::string::npos; at = svg.find('<', at + 1)) {
    const std::size_t end = svg.find('>', at);
    if (end == std::string::npos) return false;
    const std::string tag = svg.substr(at + 1, end - at - 1);
    if (tag.empty()) return false;
    if (tag.back() == '/') continue;
    const std::string name = tag.substr(tag[0] == '/' ? 1 : 0, tag.find_first_of(" \n/", 1) - (tag[0] == '/' ? 1 : 0));
    if (tag[0] == '/') {
      if (open.empty() || open.back() != name) return false;
      open.pop_back();
    } else {
      open.push_back(name);
    }
  }
  return open.empty();
}

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(UnitOutputsRotation, SvgHasOneCellPerPersonDayGroupedByFirstPost) {
  test::UnitBuilder b;
  b.days = 4;
  b.places = {{"post-1", PlaceKind::kPost, 8, 2, 0},
              {"post-2", PlaceKind::kPost, 8, 2, 0},
              {"rest", PlaceKind::kRestCenter, 70, 1, 2}};
  b.people = {person("Ana"), person("Bo"), person("Cy <&>"), person("Dee", {{"en", LanguageLevel::kFluent}},
                                                                    Experience::kTrained, {}, {Absence{0, 2 * 1440, "training"}})};
  const Problem p = b.build();
  test::UnitRosterWriter w(p);
  w.place_days(0, 0, 1, 1);  // Ana: post-2, rest
  w.place_days(0, 2, 3, 2);
  w.place_days(1, 0, 1, 2);  // Bo: rest, post-1
  w.place_days(1, 2, 3, 0);
  w.place_days(2, 0, 3, 2);  // Cy: never at a post
  w.place_days(3, 2, 3, 0);  // Dee: absent, then post-1
  const std::string svg = rotation_chart_svg(p, w.roster);
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
  EXPECT_EQ(svg.substr(svg.size() - 7), "</svg>\n");
  EXPECT_TRUE(tags_balance(svg));
  EXPECT_EQ(count_of(svg, "class=\"cell\""), 16u);
  EXPECT_EQ(count_of(svg, "fill=\"url(#absent)\" stroke=\"#ffffff\""), 2u);  // Dee's first two days
  EXPECT_EQ(count_of(svg, "fill=\"#1f77b4\" stroke=\"#ffffff\""), 4u);        // post-1: Bo 2 days, Dee 2 days
  EXPECT_EQ(count_of(svg, "fill=\"#ff7f0e\" stroke=\"#ffffff\""), 2u);        // post-2: Ana
  EXPECT_EQ(count_of(svg, "fill=\"#a8a8a8\" stroke=\"#ffffff\""), 8u);        // rest
  EXPECT_NE(svg.find("<title>Ana, day 0 (Mon): post-2</title>"), std::string::npos);
  EXPECT_NE(svg.find("Cy &lt;&amp;&gt;"), std::string::npos);
  EXPECT_EQ(svg.find("Cy <&>"), std::string::npos);
  // Groups: first at post-1 (Bo, Dee), first at post-2 (Ana), never at a post (Cy).
  const auto pos = [&](const std::string& s) { return svg.find(s); };
  EXPECT_LT(pos(">first at post-1<"), pos(">Bo<"));
  EXPECT_LT(pos(">Bo<"), pos(">Dee<"));
  EXPECT_LT(pos(">Dee<"), pos(">first at post-2<"));
  EXPECT_LT(pos(">first at post-2<"), pos(">Ana<"));
  EXPECT_LT(pos(">Ana<"), pos(">never at a post<"));
  EXPECT_LT(pos(">never at a post<"), pos(">Cy &lt;&amp;&gt;<"));
  // Legend: both posts, the rest center, not placed, absent.
  EXPECT_EQ(count_of(svg, "class=\"legend\""), 5u);
  EXPECT_NE(svg.find(">rest (rest center)<"), std::string::npos);
}

// ---------------------------------------------------------------- summary

// Two days of 2-hour watches (night slots 8..11); Dee is absent throughout.
Problem fairness_unit() {
  test::UnitBuilder b;
  b.days = 2;
  b.people = {person("Ana"), person("Bo"), person("Cy"),
              person("Dee", {{"en", LanguageLevel::kFluent}}, Experience::kTrained, {}, {Absence{0, Absence::kForever, "wounded"}})};
  Problem p = b.build();
  auto& req = p.unit->requests;
  req.push_back(PersonalRequest{PersonalRequest::Kind::kDayOff, PersonId(1), 1, {}, 0, INT_MAX, {}, 2});  // Bo: met
  req.push_back(PersonalRequest{PersonalRequest::Kind::kDayOff, PersonId(2), 1, {}, 0, INT_MAX, {}, 2});  // Cy guards on day 1: unmet
  req.push_back(PersonalRequest{PersonalRequest::Kind::kPartner, PersonId(0), 0, {}, 0, INT_MAX, PersonId(1), 1});  // day 1 apart: unmet
  req.push_back(PersonalRequest{PersonalRequest::Kind::kPost, PersonId(0), 0, PlaceId(0), 0, 1, {}, 1});  // met
  return p;
}

Roster fairness_roster(const Problem& p) {
  test::UnitRosterWriter w(p);
  w.place_days(0, 0, 1, 0);
  w.watches(0, 0, {0, 8, 9}, 0);  // Ana: 4 watches, 3 at night = 8 hours
  w.watch(0, 1, 10, 0);
  w.place(1, 0, 0);
  w.place(1, 1, 1);
  w.watch(1, 0, 1, 0);  // Bo: 1 watch, no night = 2 hours
  w.place_days(2, 0, 1, 1);
  w.watches(2, 1, {5, 11}, 1);  // Cy: 2 guard turns, 1 at night = 4 hours
  w.watches(3, 0, {0, 1, 2, 3, 4, 5}, 0);  // Dee (absent): not counted
  return w.roster;
}

TEST(UnitOutputsSummary, FairnessFiguresFromTheRoster) {
  const Problem p = fairness_unit();
  const UnitFairness f = unit_fairness(p, fairness_roster(p));
  EXPECT_EQ(f.people, 3);
  EXPECT_EQ(f.night_min, 0);
  EXPECT_EQ(f.night_max, 3);
  EXPECT_EQ(f.night_spread, 3);
  EXPECT_DOUBLE_EQ(f.hours_min, 2.0);
  EXPECT_DOUBLE_EQ(f.hours_max, 8.0);
  EXPECT_DOUBLE_EQ(f.hours_spread, 6.0);
  EXPECT_EQ(personal_requests_met(p, fairness_roster(p)), 2);
}

TEST(UnitOutputsSummary, TextWordForWord) {
  Problem p = fairness_unit();
  p.rule(RuleKind::kBeds).enabled = false;
  Evaluation ev;
  ev.score = Score{3, 7};
  ev.rules[static_cast<int>(RuleKind::kWatchCover)] = RuleTally{2, 3, 3};
  ev.rules[static_cast<int>(RuleKind::kNightSpread)] = RuleTally{3, 4, 4};
  ev.rules[static_cast<int>(RuleKind::kPersonalRequests)] = RuleTally{2, 2, 3};
  ev.violations.push_back(Violation{RuleKind::kWatchCover, -1, 0, 0, -1, 2, 2, "post-1 day 0 (Mon) 08:00: 1 on watch, 2 needed", {}});
  ev.violations.push_back(Violation{RuleKind::kNightSpread, 0, 0, 1, -1, 4, 4, "Ana: 3 night watches, 1 expected", {}});
  ev.violations.push_back(Violation{RuleKind::kWatchCover, -1, 1, 1, -1, 1, 1, "rest day 1 (Tue) 06:00: 0 on guard, 1 needed", {}});
  // Without a start date the uncovered watches name weekday, clock and roster day only.
  EXPECT_EQ(summarize_unit(p, fairness_roster(p), ev).uncovered.at(0),
            "post-1, Mon 06:00-08:00 (day 0): Ana alone (Dee away), 1 missing; could cover: Bo (at post-1), Cy (at rest)");
  p.start_date = CalendarDate{2026, 1, 5};
  UnitSummary s = summarize_unit(p, fairness_roster(p), ev);
  // The uncovered watches come first (UnitOutputsSummary.UncoveredWatchesComeFirst);
  // the rest of the summary word for word without them.
  ASSERT_EQ(s.uncovered.size(), 46u);
  EXPECT_EQ(s.uncovered[0], "post-1, Mon 2026-01-05 06:00-08:00 (day 0): Ana alone (Dee away), 1 missing; could cover: Bo (at post-1), Cy (at rest)");
  const std::string with_uncovered = unit_summary_text(s, 2);
  EXPECT_NE(with_uncovered.find("NOT FEASIBLE: 3 hard units of broken rules. Cost of unmet wishes: 7.\n"
                                "\n"
                                "UNCOVERED: 46 watches nobody stands (who could cover each, nearest first):\n"
                                "  - post-1, Mon 2026-01-05 06:00-08:00 (day 0): Ana alone (Dee away), 1 missing; could cover: Bo (at post-1), Cy (at rest)\n"
                                "  - rest, Mon 2026-01-05 06:00-08:00 (day 0): nobody on guard, 1 missing; could cover: Cy (at rest)\n"
                                "  ... and 44 more\n"
                                "\n"
                                "Rules (units broken):\n"),
            std::string::npos)
      << with_uncovered;
  s.uncovered.clear();
  EXPECT_EQ(s.rules.size(), 13u);
  EXPECT_EQ(s.wishes.size(), 5u);
  EXPECT_EQ(s.broken.size(), 2u);
  EXPECT_EQ(s.unmet.size(), 1u);
  EXPECT_EQ(unit_summary_text(s),
            "Summary of the plan for test-unit: 2 days, 4 people.\n"
            "\n"
            "NOT FEASIBLE: 3 hard units of broken rules. Cost of unmet wishes: 7.\n"
            "\n"
            "Rules (units broken):\n"
            "  watch-cover            3  BROKEN\n"
            "  one-place              0  kept\n"
            "  rotation               0  kept\n"
            "  beds                 off\n"
            "  shared-language        0  kept\n"
            "  novice-pair            0  kept\n"
            "  daily-rest             0  kept\n"
            "  daily-watch-hours      0  kept\n"
            "  watches-in-a-row       0  kept\n"
            "  team                   0  kept\n"
            "  unavailable            0  kept\n"
            "  showers                0  kept\n"
            "  travel               off\n"
            "\n"
            "Wishes (units, cost):\n"
            "  night-spread           4  cost 4\n"
            "  hours-spread           0  cost 0\n"
            "  native-pairs           0  cost 0\n"
            "  personal-requests      2  cost 3\n"
            "  team-continuity      off\n"
            "Personal requests met: 2 of 4.\n"
            "\n"
            "Fairness (3 people present at least one day):\n"
            "  night watches per person: min 0, max 3, spread 3\n"
            "  watch hours per person:   min 2, max 8, spread 6\n"
            // Fair shares: 24 night watches and 72 watches over 3 people
            // present both days, 8 and 24 each; Bo has 0 and 1.
            "  among the 3 present every day: night watches spread 3, watch hours spread 6\n"
            "  farthest from a fair share (in proportion to days present): 8 night watches, 46 h\n"
            "\n"
            "Teams and rest:\n"
            "  post teams going on whole to their next stint: 0 of 0\n"
            "  longest run of watches without a break (across days): 12 h\n"
            "  shortest unbroken rest anyone gets in 24 hours present: 10 h\n"
            "\n"
            "Broken rules (2):\n"
            "  - post-1 day 0 (Mon) 08:00: 1 on watch, 2 needed\n"
            "  - rest day 1 (Tue) 06:00: 0 on guard, 1 needed\n"
            "\n"
            "Wishes not met (1):\n"
            "  - Ana: 3 night watches, 1 expected\n");
}

TEST(UnitOutputsSummary, FeasiblePlanWithoutExplanations) {
  const Problem p = fairness_unit();
  Evaluation ev;
  const std::string text = unit_summary_text(summarize_unit(p, fairness_roster(p), ev));
  EXPECT_NE(text.find("Every rule is kept (0 hard units). Cost of unmet wishes: 0.\n"), std::string::npos);
  EXPECT_NE(text.find("\nBroken rules: none.\n\nWishes not met: none.\n"), std::string::npos);
  ev.score = Score{2, 0};
  EXPECT_NE(unit_summary_text(summarize_unit(p, fairness_roster(p), ev))
                .find("Broken rules: not listed (the evaluation has no explanations)."),
            std::string::npos);
}

// ---------------------------------------------------------------- output folder

TEST(UnitOutputsFolder, WritesEveryFile) {
  const Problem p = tiny_unit();
  const Roster r = tiny_roster(p);
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(::testing::TempDir()) / ("vigil_unit_outputs_" + std::to_string(::getpid())) / "plan";
  fs::remove_all(dir.parent_path());
  OutputOptions options;
  options.calendar_stamp = "20260101T000000Z";
  options.start_date = "2026-01-05";
  ASSERT_EQ(write_unit_outputs(p, r, evaluate(p, r, true), dir.string(), options), "");
  for (const char* f : {"roster.json", "watch-bill.html", "watch-bill.csv", "rotation.svg", "summary.txt",
                        "people/ana.txt", "people/ana.ics", "people/bo.txt", "people/bo.ics", "people/cy.txt",
                        "people/cy.ics", "people/dee-jr.txt", "people/dee-jr.ics"})
    EXPECT_TRUE(fs::is_regular_file(dir / f)) << f;
  EXPECT_EQ(std::distance(fs::directory_iterator(dir / "people"), fs::directory_iterator()), 8);
  auto back = read_unit_roster(p, (dir / "roster.json").string());
  ASSERT_TRUE(back.ok()) << back.error().format();
  EXPECT_EQ(*back, r);
  EXPECT_EQ(*read_text_file((dir / "watch-bill.csv").string()), watch_bill_csv(p, r));
  EXPECT_EQ(*read_text_file((dir / "people/ana.txt").string()), person_schedule_text(p, r, 0, CalendarDate{2026, 1, 5}));

  options.start_date = "2026-01-06";
  EXPECT_EQ(write_unit_outputs(p, r, Evaluation{}, dir.string(), options),
            "start date: expected a Mon (day 0 of the scenario), got 2026-01-06, a Tue");
  options.start_date = "2026-01-05";
  options.calendar_stamp = "yesterday";
  EXPECT_EQ(write_unit_outputs(p, r, Evaluation{}, dir.string(), options),
            "calendar stamp: expected a UTC date-time YYYYMMDDTHHMMSSZ, got 'yesterday'");
  options.calendar_stamp.clear();
  options.calendar_sequence = -1;
  EXPECT_EQ(write_unit_outputs(p, r, Evaluation{}, dir.string(), options),
            "calendar sequence: expected the plan's version less one, 0 or more, got -1");
  EXPECT_EQ(write_unit_outputs(p, Roster(1, 1, 1), Evaluation{}, dir.string(), OutputOptions{}),
            "the roster has 1 people x 1 days x 1 lanes, the unit needs 4 x 2 x 6");
  // A file where the folder should be.
  const fs::path blocked = dir.parent_path() / "blocked";
  std::ofstream(blocked.string()) << "x";
  const std::string err = write_unit_outputs(p, r, Evaluation{}, (blocked / "x").string(), OutputOptions{});
  EXPECT_EQ(err.rfind((blocked / "x" / "people").string() + ": cannot create the folder", 0), 0u) << err;
  fs::remove_all(dir.parent_path());
}

// A plan folder's calendars are stamped with the plan's moment (its `made`),
// not the second each file was written in: every calendar of one plan alike.
TEST(UnitOutputsFolder, CalendarsCarryThePlansMoment) {
  EXPECT_EQ(calendar_stamp_of_made("2026-01-02T03:04:05Z"), "20260102T030405Z");
  EXPECT_EQ(calendar_stamp_of_made("2026-01-02"), "");
  EXPECT_EQ(calendar_stamp_of_made(""), "");
  const Problem p = tiny_unit();
  const Roster r = tiny_roster(p);
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(::testing::TempDir()) / ("vigil_plan_stamp_" + std::to_string(::getpid())) / "plan";
  fs::remove_all(dir.parent_path());
  OutputOptions options;
  options.start_date = "2026-01-05";
  options.stamp = PlanStamp{1, 0, "2026-01-02T03:04:05Z", ""};
  ASSERT_EQ(write_plan_folder(p, r, evaluate(p, r, true), dir.string(), options), "");
  for (const char* f : {"people/ana.ics", "people/dee-jr.ics"}) {
    const std::string ics = *read_text_file((dir / f).string());
    const auto count = [&ics](const std::string& what) {
      int n = 0;
      for (auto at = ics.find(what); at != std::string::npos; at = ics.find(what, at + 1)) ++n;
      return n;
    };
    EXPECT_GT(count("DTSTAMP:20260102T030405Z\r\n"), 0) << f;
    EXPECT_EQ(count("DTSTAMP:"), count("DTSTAMP:20260102T030405Z\r\n")) << f;
  }
  fs::remove_all(dir.parent_path());
}

}  // namespace
}  // namespace vigil
