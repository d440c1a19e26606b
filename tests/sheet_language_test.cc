// Each person's sheet and calendar in their language (report/catalogs.h,
// person_schedule.h): a small hand-made unit whose sheets read word for word
// in Ukrainian and Georgian, calendar summaries and descriptions likewise,
// names of people and places untouched; a person whose native language has
// no catalog gets English; the output folder writes each person in their own
// language unless a sheet language is given (also on the command line), and
// refuses one without a catalog.
#include <gtest/gtest.h>

#include <climits>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <libical/ical.h>
#include <unistd.h>

#include "base/files.h"
#include "eval/evaluation.h"
#include "report/catalogs.h"
#include "report/person_schedule.h"
#include "report/unit_outputs.h"
#include "unit_test_support.h"

namespace vigil {
namespace {

namespace fs = std::filesystem;
using test::person;

constexpr int kOlena = 0, kNino = 1, kHans = 2;
constexpr int kPost1 = 0, kPost2 = 1, kRest1 = 2;
const CalendarDate kMonday{2026, 1, 5};

// Three days of 2-hour watches from the 06:00 changeover; Olena speaks
// Ukrainian natively, Nino Georgian, Hans German (no catalog: English).
Problem sheet_unit() {
  test::UnitBuilder b;
  b.days = 3;
  b.setup.languages = {"uk", "ka", "en", "de"};
  b.places = {{"post-1", PlaceKind::kPost, 8, 2, 0},
              {"post-2", PlaceKind::kPost, 8, 2, 0},
              {"rest-1", PlaceKind::kRestCenter, 70, 1, 2}};
  b.people = {person("Олена Коваль", {{"en", LanguageLevel::kFluent}, {"uk", LanguageLevel::kNative}},
                     Experience::kTrained, {},
                     {Absence{1440 + 840, 1440 + 960, "training"}, Absence{2 * 1440, Absence::kForever, "leave"}}),
              person("Nino Beridze", {{"ka", LanguageLevel::kNative}, {"en", LanguageLevel::kFluent}}),
              person("Hans Weber", {{"de", LanguageLevel::kNative}, {"en", LanguageLevel::kFluent}})};
  Problem p = b.build();
  p.name = "sheet-unit";
  return p;
}

Roster sheet_roster(const Problem& p, bool olena_night_watch = true) {
  test::UnitRosterWriter w(p);
  w.place(kOlena, 0, kPost1);
  w.watch(kOlena, 0, 4, kPost1);  // 14:00, with Nino
  if (olena_night_watch) w.watch(kOlena, 0, 10, kPost1);  // 02:00, alone
  w.place(kOlena, 1, kRest1);
  w.shower(kOlena, 1, 17, kRest1);  // 14:30
  w.watch(kOlena, 1, 6, kRest1);    // guard 18:00
  w.place(kNino, 0, kPost1);
  w.watch(kNino, 0, 4, kPost1);
  w.place(kNino, 1, kRest1);
  w.shower(kNino, 1, 0, kRest1);  // 06:00
  w.place(kNino, 2, kPost2);
  w.watch(kNino, 2, 1, kPost1);  // 08:00 at post-1, where he is not
  w.watch(kNino, 2, 7, kPost2);  // 20:00
  w.place_days(kHans, 0, 1, kPost2);
  w.watch(kHans, 0, 4, kPost2);
  return w.roster;
}

TEST(SheetLanguage, EachPersonsOwnNativeLanguageWithACatalogElseEnglish) {
  const Problem p = sheet_unit();
  EXPECT_EQ(sheet_catalog(p, kOlena).code(), "uk");  // native, though listed after English
  EXPECT_EQ(sheet_catalog(p, kNino).code(), "ka");
  EXPECT_EQ(sheet_catalog(p, kHans).code(), "en");  // German has no catalog
  EXPECT_EQ(sheet_catalog(p, kHans, "pl").code(), "pl");
  EXPECT_EQ(sheet_catalog(p, kOlena, "en").code(), "en");
}

TEST(SheetLanguage, UkrainianSheetWordForWord) {
  const Problem p = sheet_unit();
  const PlanStamp stamp{2, 1, "2026-01-04T09:30:00Z", ""};
  EXPECT_EQ(person_schedule_text(p, sheet_roster(p), kOlena, kMonday, stamp, sheet_catalog(p, kOlena)),
            "Розклад: Олена Коваль (sheet-unit)\n"
            "Версія плану 2, складено 4 січня 2026 о 09:30 UTC, замінює версію 1.\n"
            "День 0 — пн, 5 січня 2026. Кожен день триває від зміни о 06:00 до 06:00 наступного ранку.\n"
            "\n"
            "День 0 (пн): на post-1. Варта 14:00-16:00 і 02:00-04:00. "
            "Варта 02:00-04:00 без напарника: місце НЕ ПОКРИТО.\n"
            "День 1 (вт): на rest-1. Відсутність з 20:00 (навчання). Душ о 14:30. Охорона 18:00-20:00.\n"
            "День 2 (ср): відсутність (відпустка).\n"
            "\n"
            "Разом: 2 варти і 1 зміна охорони (1 вночі), 6 годин; 1 душ.\n");
}

TEST(SheetLanguage, GeorgianSheetWordForWord) {
  const Problem p = sheet_unit();
  EXPECT_EQ(person_schedule_text(p, sheet_roster(p), kNino, kMonday, {}, sheet_catalog(p, kNino)),
            "განრიგი: Nino Beridze (sheet-unit)\n"
            "დღე 0: ორშ, 5 იანვარი, 2026. ყოველი დღე გრძელდება 06:00-ის ცვლიდან მომდევნო დილის 06:00-მდე.\n"
            "\n"
            "დღე 0 (ორშ): ადგილი: post-1. გუშაგობა 14:00-16:00.\n"
            "დღე 1 (სამ): ადგილი: rest-1. შხაპი 06:00-ზე.\n"
            "დღე 2 (ოთხ): ადგილი: post-2. გუშაგობა 08:00-10:00, ადგილი: post-1. გუშაგობა 20:00-22:00. "
            "მარტო გუშაგობაზე 08:00-10:00: პარტნიორი დაუკავებელია. "
            "მარტო გუშაგობაზე 20:00-22:00: პარტნიორი დაუკავებელია.\n"
            "\n"
            "სულ: 3 გუშაგობა (0 ღამით), 6 საათი; 1 შხაპი.\n");
  // Without a start date: the weekday of day 0 only.
  const std::string undated = person_schedule_text(p, sheet_roster(p), kNino, std::nullopt, {}, sheet_catalog(p, kNino));
  EXPECT_NE(undated.find("\nდღე 0: ორშ. ყოველი დღე"), std::string::npos) << undated;
}

TEST(SheetLanguage, NoCatalogForTheNativeLanguageMeansEnglish) {
  const Problem p = sheet_unit();
  const Roster r = sheet_roster(p);
  const std::string hans = person_schedule_text(p, r, kHans, kMonday, {}, sheet_catalog(p, kHans));
  EXPECT_EQ(hans, person_schedule_text(p, r, kHans, kMonday));
  EXPECT_EQ(hans,
            "Schedule for Hans Weber (sheet-unit)\n"
            "Day 0 is Mon 2026-01-05. Each day runs from the 06:00 changeover to 06:00 the next morning.\n"
            "\n"
            "Day 0 (Mon): at post-2. Watch 14:00-16:00. Alone on watch 14:00-16:00: partner UNCOVERED.\n"
            "Day 1 (Tue): at post-2.\n"
            "Day 2 (Wed): no place planned.\n"
            "\n"
            "In all: 1 watch (0 at night), 2 hours; 0 showers.\n");
}

struct CalendarEvent {
  std::string summary, description;
};

// The events of a calendar by UID, with their summaries and descriptions.
std::map<std::string, CalendarEvent> events_of(const std::string& ics) {
  std::map<std::string, CalendarEvent> out;
  icalcomponent* cal = icalparser_parse_string(ics.c_str());
  if (!cal) return out;
  for (icalcomponent* ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
       ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT))
    out[icalcomponent_get_uid(ev)] = {icalcomponent_get_summary(ev),
                                      icalcomponent_get_description(ev) ? icalcomponent_get_description(ev) : ""};
  icalcomponent_free(cal);
  return out;
}

void expect_events(const std::map<std::string, CalendarEvent>& events,
                   const std::vector<std::tuple<std::string, std::string, std::string>>& expected) {
  EXPECT_EQ(events.size(), expected.size());
  for (const auto& [uid, summary, description] : expected) {
    const auto it = events.find(uid);
    ASSERT_NE(it, events.end()) << uid;
    EXPECT_EQ(it->second.summary, summary) << uid;
    EXPECT_EQ(it->second.description, description) << uid;
  }
}

TEST(SheetLanguage, UkrainianCalendarWordForWord) {
  const Problem p = sheet_unit();
  const std::string ics =
      person_schedule_ics(p, sheet_roster(p), kOlena, kMonday, "20260101T120000Z", 0, sheet_catalog(p, kOlena));
  expect_events(
      events_of(ics),
      {{"stay-day0-post-1.olena-koval@sheet-unit.vigil", "На post-1",
        "День 0 на post-1 (пост), від зміни о 06:00 (пн, 5 січня 2026) до зміни о 06:00 (вт, 6 січня 2026)."},
       {"stay-day1-rest-1.olena-koval@sheet-unit.vigil", "На rest-1",
        "День 1 на rest-1 (пункт відпочинку), від зміни о 06:00 (вт, 6 січня 2026) до зміни о 06:00 (ср, 7 січня 2026)."},
       {"watch-day0-slot4-post-1.olena-koval@sheet-unit.vigil", "Варта на post-1",
        "День 0 (пн), варта 14:00-16:00. Разом з: Nino Beridze."},
       {"watch-day0-slot10-post-1.olena-koval@sheet-unit.vigil", "Варта на post-1", "День 0 (пн), варта 02:00-04:00."},
       {"guard-day1-slot6-rest-1.olena-koval@sheet-unit.vigil", "Охорона на rest-1",
        "День 1 (вт), зміна охорони 18:00-20:00."},
       {"shower-day1.olena-koval@sheet-unit.vigil", "Душ на rest-1", "День 1 (вт), душ о 14:30."}});
  // The calendar's name is the person's and the unit's, untranslated.
  EXPECT_NE(ics.find("X-WR-CALNAME:Олена Коваль (sheet-unit)\r\n"), std::string::npos);
  // A duty gone in a repair is cancelled in the same words.
  const std::string update = person_schedule_update_ics(p, sheet_roster(p), sheet_roster(p, false), kOlena, kMonday,
                                                        "20260101T120000Z", 1, sheet_catalog(p, kOlena));
  const auto updated = events_of(update);
  ASSERT_EQ(updated.count("watch-day0-slot10-post-1.olena-koval@sheet-unit.vigil"), 1u);
  EXPECT_EQ(updated.at("watch-day0-slot10-post-1.olena-koval@sheet-unit.vigil").summary, "Скасовано: Варта на post-1");
}

TEST(SheetLanguage, GeorgianCalendarWordForWord) {
  const Problem p = sheet_unit();
  const Roster r = sheet_roster(p);
  expect_events(
      events_of(person_schedule_ics(p, r, kNino, kMonday, "20260101T120000Z", 0, sheet_catalog(p, kNino))),
      {{"stay-day0-post-1.nino-beridze@sheet-unit.vigil", "ადგილი: post-1",
        "დღე 0, ადგილი: post-1 (საგუშაგო), 06:00-ის ცვლიდან (ორშ, 5 იანვარი, 2026) 06:00-ის ცვლამდე (სამ, 6 იანვარი, 2026)."},
       {"stay-day1-rest-1.nino-beridze@sheet-unit.vigil", "ადგილი: rest-1",
        "დღე 1, ადგილი: rest-1 (დასვენების ცენტრი), 06:00-ის ცვლიდან (სამ, 6 იანვარი, 2026) 06:00-ის ცვლამდე (ოთხ, 7 იანვარი, 2026)."},
       {"stay-day2-post-2.nino-beridze@sheet-unit.vigil", "ადგილი: post-2",
        "დღე 2, ადგილი: post-2 (საგუშაგო), 06:00-ის ცვლიდან (ოთხ, 7 იანვარი, 2026) 06:00-ის ცვლამდე (ხუთ, 8 იანვარი, 2026)."},
       {"watch-day0-slot4-post-1.nino-beridze@sheet-unit.vigil", "გუშაგობა: post-1",
        "დღე 0 (ორშ), გუშაგობა 14:00-16:00. თანმხლები: Олена Коваль."},
       {"shower-day1.nino-beridze@sheet-unit.vigil", "შხაპი: rest-1", "დღე 1 (სამ), შხაპი 06:00-ზე."},
       {"watch-day2-slot1-post-1.nino-beridze@sheet-unit.vigil", "გუშაგობა: post-1", "დღე 2 (ოთხ), გუშაგობა 08:00-10:00."},
       {"watch-day2-slot7-post-2.nino-beridze@sheet-unit.vigil", "გუშაგობა: post-2", "დღე 2 (ოთხ), გუშაგობა 20:00-22:00."}});
  // A stay of several days, Hans's calendar forced into Georgian.
  const auto hans = events_of(person_schedule_ics(p, r, kHans, kMonday, "20260101T120000Z", 0, *find_catalog("ka")));
  EXPECT_EQ(hans.at("stay-day0-post-2.hans-weber@sheet-unit.vigil").description,
            "დღეები 0-1, ადგილი: post-2 (საგუშაგო), 06:00-ის ცვლიდან (ორშ, 5 იანვარი, 2026) 06:00-ის ცვლამდე (ოთხ, 7 იანვარი, 2026).");
  // Hans's own (no catalog for German) is English.
  EXPECT_EQ(events_of(person_schedule_ics(p, r, kHans, kMonday, "20260101T120000Z", 0, sheet_catalog(p, kHans)))
                .at("stay-day0-post-2.hans-weber@sheet-unit.vigil")
                .description,
            "Days 0-1 at post-2 (post), from the 06:00 changeover on Mon 2026-01-05 to the 06:00 changeover on Wed 2026-01-07.");
}

// libical folds lines at 75 octets: a fold inside a Cyrillic or Georgian
// letter would leave lines a phone cannot read.
TEST(SheetLanguage, CalendarLinesAreFoldedBetweenLetters) {
  const Problem p = sheet_unit();
  const std::string ics = person_schedule_ics(p, sheet_roster(p), kNino, kMonday, "20260101T120000Z", 0, *find_catalog("ka"));
  std::size_t lines = 0, folded = 0;
  for (std::size_t at = 0; at < ics.size();) {
    const std::size_t end = ics.find("\r\n", at);
    const std::string line = ics.substr(at, end - at);
    at = end + 2;
    ++lines;
    // A fold between the bytes of one letter would open the next line with a continuation byte (10xxxxxx).
    const bool fold = line.rfind(' ', 0) == 0;
    folded += fold ? 1 : 0;
    const std::string body = fold ? line.substr(1) : line;
    ASSERT_FALSE(!body.empty() && (static_cast<unsigned char>(body[0]) & 0xC0) == 0x80) << line;
  }
  EXPECT_GT(lines, 30u);
  EXPECT_GT(folded, 5u);  // the Georgian descriptions are long enough to fold
}

TEST(SheetLanguage, OutputFolderWritesEachPersonInTheirLanguageOrTheOneGiven) {
  const Problem p = sheet_unit();
  const Roster r = sheet_roster(p);
  const fs::path dir = fs::path(::testing::TempDir()) / ("vigil_sheet_language_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  OutputOptions options;
  options.calendar_stamp = "20260101T000000Z";
  options.start_date = "2026-01-05";
  const Evaluation ev = evaluate(p, r, true);
  ASSERT_EQ(write_unit_outputs(p, r, ev, dir.string(), options), "");
  const auto uncovered = uncovered_watches(p, r, plan_from_minute(p));
  EXPECT_EQ(*read_text_file((dir / "people/olena-koval.txt").string()),
            person_schedule_text(p, r, kOlena, kMonday, uncovered, {}, *find_catalog("uk")));
  EXPECT_EQ(*read_text_file((dir / "people/nino-beridze.ics").string()),
            person_schedule_ics(p, r, kNino, kMonday, "20260101T000000Z", 0, *find_catalog("ka")));
  EXPECT_EQ(*read_text_file((dir / "people/hans-weber.txt").string()), person_schedule_text(p, r, kHans, kMonday));
  // One language given: everyone's sheets and calendars in it.
  options.sheet_language = "es";
  ASSERT_EQ(write_unit_outputs(p, r, ev, dir.string(), options), "");
  for (const char* slug : {"olena-koval", "nino-beridze", "hans-weber"}) {
    const std::string text = *read_text_file((dir / "people" / (std::string(slug) + ".txt")).string());
    EXPECT_EQ(text.rfind("Horario de ", 0), 0u) << text;
    EXPECT_NE(text.find("El día 0 es lun, 5 de enero de 2026."), std::string::npos) << text;
  }
  options.sheet_language = "de";
  EXPECT_EQ(write_unit_outputs(p, r, ev, dir.string(), options),
            "sheet language: expected a language with a catalog in web/i18n (en, uk, pl, es, ka), got 'de'");
  fs::remove_all(dir);
}

std::string first_line(const fs::path& file) {
  const std::string text = read_text_file(file.string()).value_or("");
  return text.substr(0, text.find('\n'));
}

int run(const std::string& arguments, const fs::path& dir) {
  const std::string command = "cd '" + dir.string() + "' && '" VIGIL_BINARY "' " + arguments + " > /dev/null 2>&1";
  return WEXITSTATUS(std::system(command.c_str()));
}

// The command line: each person's own language, or --sheet-language for
// everyone, on solve and on repair (its change report's calendars too).
TEST(SheetLanguage, CommandLineWritesEachPersonsOwnOrTheLanguageGiven) {
  const std::string scenario = std::string(VIGIL_TEST_DATA) + "/scenarios/example.yaml";
  const fs::path dir = fs::temp_directory_path() / ("vigil-sheet-language-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string budget = " --work 20000 --seed 1 --start-date 2026-12-07";
  ASSERT_LE(run("solve '" + scenario + "' --out-dir own" + budget, dir), 1);
  EXPECT_EQ(first_line(dir / "own/people/olena-kovalenko.txt"), "Розклад: Olena Kovalenko (Volunteer unit North)");
  EXPECT_EQ(first_line(dir / "own/people/piotr-nowak.txt"), "Grafik: Piotr Nowak (Volunteer unit North)");
  EXPECT_EQ(first_line(dir / "own/people/camila-rojas.txt"), "Horario de Camila Rojas (Volunteer unit North)");
  EXPECT_EQ(first_line(dir / "own/people/giorgi-beridze.txt"), "განრიგი: Giorgi Beridze (Volunteer unit North)");
  EXPECT_EQ(first_line(dir / "own/people/yuki-tanaka.txt"), "Schedule for Yuki Tanaka (Volunteer unit North)");  // no ja catalog
  ASSERT_LE(run("solve '" + scenario + "' --out-dir pl --sheet-language pl" + budget, dir), 1);
  EXPECT_EQ(first_line(dir / "pl/people/olena-kovalenko.txt"), "Grafik: Olena Kovalenko (Volunteer unit North)");
  ASSERT_LE(run("repair '" + scenario + "' --roster own/roster.json --now '2026-12-08 10:00' "
                "--event 'unavailable:Olena Kovalenko@2026-12-08 11:00' --out-dir r1 --sheet-language ka --work 20000",
                dir),
            1);
  EXPECT_EQ(first_line(dir / "r1/people/john-miller.txt"), "განრიგი: John Miller (Volunteer unit North)");
  std::size_t calendars = 0;
  for (const auto& entry : fs::directory_iterator(dir / "r1/changes/people")) {
    const std::string ics = read_text_file(entry.path().string()).value_or("");
    EXPECT_NE(ics.find("\r\nSUMMARY:ადგილი: "), std::string::npos) << entry.path();
    ++calendars;
  }
  EXPECT_GT(calendars, 0u);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace vigil
