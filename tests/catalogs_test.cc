// The language catalogs the sheets and calendars are written from
// (report/catalogs.h): every shipped catalog is whole, has every output key
// English has with the same placeholders, forms and list lengths; the keys
// the report code asks for exist; plural forms, numbers, dates and lists
// follow each language; a missing key falls back to English.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "report/catalogs.h"

namespace vigil {
namespace {

using nlohmann::json;

const std::filesystem::path kSource(VIGIL_SOURCE_DIR);

// The catalog files as compiled in, by path ("i18n/uk.json").
std::map<std::string, json> compiled_files() {
  std::map<std::string, json> out;
  for (const EmbeddedFile& f : embedded_catalog_files()) out[f.path] = json::parse(f.text(), nullptr, false);
  return out;
}

bool output_key(const std::string& key) {
  for (std::string_view prefix : kOutputKeyPrefixes)
    if (key.rfind(prefix, 0) == 0) return true;
  return false;
}

std::set<std::string> placeholders(const std::string& text) {
  static const std::regex placeholder(R"(\{\w+\})");
  std::set<std::string> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), placeholder); it != std::sregex_iterator(); ++it)
    out.insert(it->str());
  return out;
}

// The forms a catalog's plural.rules can choose.
std::set<std::string> plural_forms(const json& catalog) {
  std::set<std::string> out;
  for (const json& rule : catalog["plural.rules"]) out.insert(rule["form"].get<std::string>());
  return out;
}

TEST(Catalogs, EveryFileUnderWebI18nIsCompiledInAndWhole) {
  std::set<std::string> on_disk;
  for (const auto& entry : std::filesystem::directory_iterator(kSource / "web" / "i18n"))
    if (entry.path().extension() == ".json") on_disk.insert("i18n/" + entry.path().filename().string());
  const auto compiled = compiled_files();
  std::set<std::string> paths;
  for (const auto& [path, content] : compiled) {
    paths.insert(path);
    EXPECT_FALSE(content.is_discarded()) << path << " is not JSON";
  }
  EXPECT_EQ(paths, on_disk);
  EXPECT_EQ(catalog_codes(), (std::vector<std::string>{"en", "uk", "pl", "es", "ka"}));
}

TEST(Catalogs, EveryLanguageHasEveryOutputKeyOfEnglishWithTheSamePlaceholders) {
  const auto compiled = compiled_files();
  const json& en = compiled.at("i18n/en.json");
  std::size_t output_keys = 0;
  for (const auto& [key, value] : en.items()) output_keys += output_key(key) ? 1 : 0;
  ASSERT_GT(output_keys, 50u);
  for (const std::string& code : catalog_codes()) {
    SCOPED_TRACE(code);
    const json& c = compiled.at("i18n/" + code + ".json");
    ASSERT_TRUE(c.contains("plural.rules"));
    const std::set<std::string> forms = plural_forms(c);
    EXPECT_TRUE(c["plural.rules"].back().size() == 1u) << "the last plural rule takes any number";
    for (const auto& [key, english] : en.items()) {
      if (!output_key(key)) continue;
      ASSERT_TRUE(c.contains(key)) << key << " is missing from " << code << ".json";
      const json& own = c[key];
      ASSERT_EQ(own.type(), english.type()) << key;
      if (key == "date.format") {
        // A date's parts, in the language's order and choice: a year, a month and a day.
        const std::set<std::string> parts = placeholders(own);
        for (const std::string& part : parts)
          EXPECT_TRUE(std::set<std::string>({"{year}", "{mm}", "{dd}", "{d}", "{month}"}).count(part)) << part;
        EXPECT_TRUE(parts.count("{year}") && (parts.count("{mm}") || parts.count("{month}")) &&
                    (parts.count("{dd}") || parts.count("{d}")))
            << own;
      } else if (english.is_string()) {
        EXPECT_EQ(placeholders(own), placeholders(english)) << key;
      } else if (english.is_array() && key != "plural.rules") {
        EXPECT_EQ(own.size(), english.size()) << key;
        for (const json& item : own) EXPECT_TRUE(item.is_string() && !item.get<std::string>().empty()) << key;
      } else if (english.is_object()) {
        // A count: a text for every form the language's rules can choose, each with {n}.
        for (const std::string& form : forms) {
          ASSERT_TRUE(own.contains(form)) << key << " has no form '" << form << "'";
          EXPECT_EQ(placeholders(own[form]), placeholders(english["other"])) << key << " " << form;
        }
        for (const auto& [form, text] : own.items()) EXPECT_TRUE(forms.count(form)) << key << ": no rule chooses " << form;
      }
    }
  }
}

// Every key the report code names in a string literal is one of English's.
TEST(Catalogs, EveryKeyTheReportsAskForIsInEnglish) {
  const Catalog& en = english_catalog();
  const std::regex literal(R"re("((?:sheet|ics|stamp|place|date|number|list|plural)\.[a-z_0-9]+)")re");
  std::set<std::string> asked;
  for (const auto& entry : std::filesystem::directory_iterator(kSource / "src" / "report")) {
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string s = text.str();
    for (auto it = std::sregex_iterator(s.begin(), s.end(), literal); it != std::sregex_iterator(); ++it)
      asked.insert((*it)[1]);
  }
  // Made of two parts in person_schedule.cc ("sheet.watch" + "_at").
  asked.insert({"sheet.watch_at", "sheet.guard_at"});
  EXPECT_GT(asked.size(), 40u);
  for (const std::string& key : asked) EXPECT_TRUE(en.has(key)) << key << " is asked for but not in en.json";
}

TEST(Catalogs, PluralFormsFollowEachLanguagesRules) {
  const Catalog& uk = *find_catalog("uk");
  const Catalog& pl = *find_catalog("pl");
  const Catalog& en = english_catalog();
  const Catalog& ka = *find_catalog("ka");
  EXPECT_EQ(uk.count("sheet.watches", 1), "1 варта");
  EXPECT_EQ(uk.count("sheet.watches", 2), "2 варти");
  EXPECT_EQ(uk.count("sheet.watches", 5), "5 варт");
  EXPECT_EQ(uk.count("sheet.watches", 11), "11 варт");
  EXPECT_EQ(uk.count("sheet.watches", 21), "21 варта");
  EXPECT_EQ(uk.count("sheet.watches", 22), "22 варти");
  EXPECT_EQ(uk.count("sheet.watches", 112), "112 варт");
  EXPECT_EQ(uk.count("sheet.hours", 7.5), "7,5 години");
  EXPECT_EQ(pl.count("sheet.hours", 1), "1 godzina");
  EXPECT_EQ(pl.count("sheet.hours", 21), "21 godzin");  // Polish: only 1 itself takes "one"
  EXPECT_EQ(pl.count("sheet.hours", 24), "24 godziny");
  EXPECT_EQ(pl.count("sheet.hours", 0.5), "0,5 godziny");
  EXPECT_EQ(en.count("sheet.hours", 1), "1 hour");
  EXPECT_EQ(en.count("sheet.hours", 7.5), "7.5 hours");
  EXPECT_EQ(ka.count("sheet.showers", 3), "3 შხაპი");  // a Georgian noun after a number stays singular
}

TEST(Catalogs, DatesNumbersAndListsFollowTheLanguage) {
  const CalendarDate monday{2026, 1, 5};
  EXPECT_EQ(english_catalog().date_with_weekday(monday), "Mon 2026-01-05");
  EXPECT_EQ(find_catalog("uk")->date_with_weekday(monday), "пн, 5 січня 2026");
  EXPECT_EQ(find_catalog("pl")->date_with_weekday(CalendarDate{2026, 12, 13}), "niedz., 13 grudnia 2026");
  EXPECT_EQ(find_catalog("es")->date(monday), "5 de enero de 2026");
  EXPECT_EQ(find_catalog("ka")->date_with_weekday(monday), "ორშ, 5 იანვარი, 2026");
  EXPECT_EQ(find_catalog("uk")->number(7.5), "7,5");
  EXPECT_EQ(find_catalog("uk")->number(8), "8");
  EXPECT_EQ(english_catalog().list({"Ana", "Bo", "Cy"}), "Ana, Bo and Cy");
  EXPECT_EQ(find_catalog("ka")->list({"Ana", "Bo"}), "Ana და Bo");
  EXPECT_EQ(find_catalog("es")->list({"Ana"}), "Ana");
}

TEST(Catalogs, AMissingKeyReadsInEnglishAndAnUnknownOneAsItself) {
  const Catalog partial("xx", json{{"sheet.at", "bei {place}"}, {"plural.rules", json::array()}}, &english_catalog());
  EXPECT_EQ(partial.text("sheet.at", {{"place", "post-1"}}), "bei post-1");
  EXPECT_EQ(partial.text("sheet.away_why", {{"reason", "leave"}}), "away (leave)");
  EXPECT_EQ(partial.weekday(6), "Sun");
  // English's words with English's rules: "1 watch", not the other form.
  EXPECT_EQ(partial.count("sheet.watches", 1), "1 watch");
  EXPECT_EQ(partial.text("sheet.nothing"), "sheet.nothing");
  // A value filled in is never read again for placeholders.
  EXPECT_EQ(partial.text("sheet.at", {{"place", "{place}"}}), "bei {place}");
}

TEST(Catalogs, ACodeWithoutACatalogIsNamedWithTheCodesThereAre) {
  EXPECT_EQ(find_catalog("de"), nullptr);
  EXPECT_EQ(catalog_code_error("uk"), "");
  EXPECT_EQ(catalog_code_error("de"), "expected a language with a catalog in web/i18n (en, uk, pl, es, ka), got 'de'");
  EXPECT_EQ(catalog_code_error("languages"), "expected a language with a catalog in web/i18n (en, uk, pl, es, ka), got 'languages'");
}

}  // namespace
}  // namespace vigil
