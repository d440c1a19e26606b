// Warnings before the search for people nobody could share a watch with
// (eval/precheck_partners.h): word for word, and when they are not given.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "eval/precheck_partners.h"
#include "unit_test_support.h"

namespace vigil {
namespace {

using test::person;
using test::UnitBuilder;

constexpr int kDay = 24 * 60;

UnitBuilder partners_unit() {
  UnitBuilder b;
  b.days = 6;
  for (int i = 0; i < 8; ++i) b.people.push_back(person("En" + std::to_string(i)));
  return b;
}

TEST(PrecheckPartners, SomeoneWhoSharesNoLanguageWithAnyoneIsNamedWithNationalityAndLanguages) {
  UnitBuilder b = partners_unit();
  b.people.push_back(person("Haruto Sato", {{"ja", LanguageLevel::kNative}}));
  Problem p = b.build();
  p.people.back().unit.nationality = "Japanese";
  EXPECT_EQ(partner_warnings(p),
            std::vector<std::string>{
                "Haruto Sato (Japanese): speaks Japanese (native), and nobody with the unit on the same days speaks "
                "any of it: every watch they share breaks shared-language (add someone who speaks one of their "
                "languages)"});
}

TEST(PrecheckPartners, ASpeakerWhoIsAwayWhileTheyAreThereIsNoPartner) {
  UnitBuilder b = partners_unit();
  // Two Polish speakers who are never with the unit on the same day.
  b.people.push_back(person("Piotr", {{"pl", LanguageLevel::kNative}, {"es", LanguageLevel::kBasic}}, Experience::kTrained,
                            {}, {Absence{3 * kDay, Absence::kForever, "sent home"}}));
  b.people.push_back(person("Anna", {{"pl", LanguageLevel::kNative}}, Experience::kTrained, {},
                            {Absence{0, 3 * kDay, "training"}}));
  const std::vector<std::string> w = partner_warnings(b.build());
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[0].substr(0, 50), "Piotr: speaks Polish (native) and Spanish (basic),");
  EXPECT_EQ(w[1].substr(0, 29), "Anna: speaks Polish (native),");
  // Together on day 2 they could stand a watch: no warning.
  b.people[b.people.size() - 2].absences = {Absence{4 * kDay, Absence::kForever, "sent home"}};
  b.people.back().absences = {Absence{0, 2 * kDay, "training"}};
  EXPECT_TRUE(partner_warnings(b.build()).empty());
}

TEST(PrecheckPartners, NoWarningWhenNobodyWatchesInPairsOrTheRuleIsOff) {
  UnitBuilder b = partners_unit();
  b.people.push_back(person("Haruto", {{"ja", LanguageLevel::kNative}}));
  Problem p = b.build();
  ASSERT_EQ(partner_warnings(p).size(), 1u);
  p.rule(RuleKind::kSharedLanguage).enabled = false;
  EXPECT_TRUE(partner_warnings(p).empty());
  b.places = {{"post-1", PlaceKind::kPost, 8, 1, 0}, {"rest", PlaceKind::kRestCenter, 70, 1, 2}};
  EXPECT_TRUE(partner_warnings(b.build()).empty());
}

}  // namespace
}  // namespace vigil
