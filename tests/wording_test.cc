// The one home of vigil's wording (model/wording.h): counts, days, durations
// and what a holder of a team need is called, whatever the need's count.
#include <gtest/gtest.h>

#include "model/problem.h"
#include "model/wording.h"

namespace vigil {
namespace {

UnitSetup unit_with(std::vector<std::string> languages, std::vector<std::string> skills) {
  UnitSetup u;
  u.languages = std::move(languages);
  u.skills = std::move(skills);
  return u;
}

void expect_words(const NeedWords& w, const std::string& one, const std::string& noun, const std::string& nouns) {
  EXPECT_EQ(w.one, one);
  EXPECT_EQ(w.noun, noun);
  EXPECT_EQ(w.nouns, nouns);
}

TEST(Wording, NeedWordsIgnoreTheCountInADefaultLabel) {
  const UnitSetup u = unit_with({"en", "uk"}, {"medic", "radio operator"});
  TeamNeed speakers{TeamNeed::Kind::kLanguage, 1, 2, ""};
  speakers.label = default_team_need_label(u, speakers);
  EXPECT_EQ(speakers.label, "2 Ukrainian speakers");
  expect_words(need_words(u, speakers), "a Ukrainian speaker", "Ukrainian speaker", "Ukrainian speakers");
  TeamNeed medics{TeamNeed::Kind::kSkill, 0, 3, "3 medics"};
  expect_words(need_words(u, medics), "a medic", "medic", "medics");
  const TeamNeed veteran{TeamNeed::Kind::kExperience, static_cast<int>(Experience::kVeteran), 1, ""};
  expect_words(need_words(u, veteran), "a veteran", "veteran", "veterans");
}

TEST(Wording, NeedWordsKeepTheFilesOwnLabel) {
  const UnitSetup u = unit_with({"en", "uk"}, {"medic", "interpreter", "radio operator"});
  expect_words(need_words(u, TeamNeed{TeamNeed::Kind::kSkill, 1, 1, "an interpreter"}), "an interpreter",
               "interpreter", "interpreters");
  expect_words(need_words(u, TeamNeed{TeamNeed::Kind::kSkill, 2, 2, "A radio operator"}), "a radio operator",
               "radio operator", "radio operators");
}

TEST(Wording, CountsDaysAndDurations) {
  EXPECT_EQ(count_text(1, "watch", "watches"), "1 watch");
  EXPECT_EQ(count_text(0, "watch", "watches"), "0 watches");
  EXPECT_EQ(a_or_count(1, "a veteran", "veterans"), "a veteran");
  EXPECT_EQ(a_or_count(3, "a veteran", "veterans"), "3 veterans");
  EXPECT_EQ(article("interpreter"), "an interpreter");
  Problem p;
  p.horizon.days = 28;
  p.horizon.first_weekday = 0;
  EXPECT_EQ(day_label(p, 6), "day 6 (Sun)");
  EXPECT_STREQ(weekday_name(p, 8), "Tue");
  EXPECT_STREQ(weekday_lower(6), "sunday");
  EXPECT_EQ(duration_text(150), "2 h 30 min");
  EXPECT_EQ(duration_text(2 * kMinutesPerDay), "2 days");
  EXPECT_EQ(hours_text(7.5), "7.5");
  EXPECT_EQ(hours_text(8.0), "8");
}

}  // namespace
}  // namespace vigil
