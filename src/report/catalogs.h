// The words of each person's own outputs — their schedule sheet
// (person_schedule_text) and calendar (person_schedule_ics) — in every
// language vigil has a catalog for. The catalogs are the page's own,
// web/i18n/<code>.json, listed in web/i18n/languages.json and compiled into
// the binary (cmake/embed_web.cmake): the sheet and the page say the same
// thing in the same words, and adding a language is adding a catalog file
// and its line in languages.json, then rebuilding (no code).
//
// Keys the outputs read (every catalog has each one en.json has; a key a
// catalog lacks reads in English, a key English lacks reads as itself):
//   sheet.*  the schedule text          ics.*    calendar summaries and descriptions
//   stamp.*  the plan's version line    place.*  kinds of place, in words
//   date.weekdays   7 short names, Monday first ("Mon", "пн")
//   date.months     12 names in the form a date takes ("січня": of January)
//   date.format     a date: {year}, {mm} and {dd} (two digits), {d}, {month}
//                   ("{year}-{mm}-{dd}", "{d} {month} {year}")
//   date.with_weekday  "{weekday} {date}"
//   number.decimal  the decimal mark ("." or ",")
//   list.separator, list.last  ", " and " and ": "a, b and c"
//   plural.rules    which form a count takes, as data (below)
// Times are always 24-hour ("02:00"), the clock of every language here.
//
// A count's words are an object of forms, {"one": "{n} watch", "other":
// "{n} watches"}, and plural.rules picks the form for a number: a list of
// {"form": F, conditions...}, the first whose conditions all hold wins:
//   "is": [1]              the number is one of these whole numbers
//   "mod10": [2, 3, 4]     a whole number whose last digit is one of these
//   "not_mod100": [12, 13, 14]  a whole number whose last two digits are none of these
//   "fraction": true       the number is not whole (7.5 hours)
// A rule without conditions takes any number; a number no rule takes, or a
// form the words lack, reads as "other". English: [{"form": "one", "is":
// [1]}, {"form": "other"}].
#pragma once

#include <array>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/calendar_date.h"
#include "base/embedded_file.h"
#include "model/problem.h"

namespace vigil {

// What fills a text's {placeholders}: {{"place", "post-2"}, {"n", "3"}}.
using TextArgs = std::initializer_list<std::pair<std::string_view, std::string>>;

// The beginnings of the keys the outputs read: every catalog has each such
// key of en.json, with the same placeholders (tests/catalogs_test.cc).
inline constexpr std::array<std::string_view, 9> kOutputKeyPrefixes = {
    "sheet.", "ics.", "stamp.", "place.", "date.", "number.", "list.", "plural.", "reason."};

// One language's words, English's where it has none of its own.
class Catalog {
 public:
  Catalog(std::string code, nlohmann::json entries, const Catalog* fallback);

  const std::string& code() const { return code_; }
  // The text of `key` with each {name} of `args` filled in ({name} without
  // an arg stays as it is).
  std::string text(std::string_view key, TextArgs args = {}) const;
  // Whether this catalog or English has `key` (a word to look up, such as
  // "reason.leave", may have none).
  bool has(std::string_view key) const;
  // `count` in words: the form of the count `key` this language's rules
  // choose, with {n} the number (number()) and the rest from `args`.
  std::string count(std::string_view key, double count, TextArgs args = {}) const;
  // The plural form ("one", "few", "many", "other") of `value` by plural.rules.
  std::string plural_form(double value) const;
  // A whole number as it is ("8"), another to one decimal with the language's mark ("7,5").
  std::string number(double value) const;
  std::string weekday(int weekday) const;  // 0 = Monday, short: "Mon", "пн"
  std::string date(const CalendarDate& date) const;               // date.format
  std::string date_with_weekday(const CalendarDate& date) const;  // date.with_weekday
  // "a", "a and b", "a, b and c" with the language's list.separator and list.last.
  std::string list(const std::vector<std::string>& items) const;

 private:
  // The entry of `key` here, else English's; null when neither has it. `owner`
  // is set to the catalog it came from (whose plural rules a count then takes).
  const nlohmann::json* find(std::string_view key, const Catalog** owner = nullptr) const;
  std::string array_item(std::string_view key, int index) const;

  std::string code_;
  nlohmann::json entries_;
  const Catalog* fallback_;
};

const Catalog& english_catalog();
// The catalog of language `code` ("uk"), or null when vigil has none.
const Catalog* find_catalog(std::string_view code);
// The codes with a catalog, in the order of languages.json: "en", "uk", ...
const std::vector<std::string>& catalog_codes();
// "" when `code` has a catalog, else what was expected: "expected a language
// with a catalog in web/i18n (en, uk, pl, es, ka), got 'de'".
std::string catalog_code_error(std::string_view code);
// The language of a person's sheet and calendar: `chosen` when given (a code
// with a catalog), else the first of their native languages (in the order the
// scenario lists them) with a catalog, else English.
const Catalog& sheet_catalog(const Problem& problem, int person, std::string_view chosen = {});

// web/i18n/*.json as compiled in (generated by cmake/embed_web.cmake),
// sorted by path: "i18n/en.json", ..., "i18n/languages.json", ...
const std::vector<EmbeddedFile>& embedded_catalog_files();

}  // namespace vigil
