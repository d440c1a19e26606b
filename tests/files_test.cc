// base/files: atomic file writes and whole-folder replacement (a repair or a
// re-solve into the same folder leaves nothing of the former plan behind),
// and base/calendar_date's clock and dates.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include <sys/wait.h>
#include <unistd.h>

#include "base/calendar_date.h"
#include "base/files.h"

namespace vigil {
namespace {

namespace fs = std::filesystem;

fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

TEST(ReplaceFolder, TheNewFolderTakesThePlaceOfTheOldAndNothingStaleRemains) {
  const fs::path root = fresh_dir("vigil-replace-folder");
  const fs::path plan = root / "plan";
  fs::create_directories(plan / "people");
  ASSERT_EQ(write_file((plan / "roster.json").string(), "old"), "");
  ASSERT_EQ(write_file((plan / "people" / "removed-person.txt").string(), "old sheet"), "");

  std::string error;
  const std::string staged = make_staging_folder((plan.string() + "/"), &error);
  ASSERT_EQ(error, "");
  EXPECT_EQ(staged, (root / ("plan.new-" + std::to_string(::getpid()))).string());
  fs::create_directories(fs::path(staged) / "people");
  ASSERT_EQ(write_file((fs::path(staged) / "roster.json").string(), "new"), "");
  ASSERT_EQ(write_file((fs::path(staged) / "people" / "ana.txt").string(), "new sheet"), "");

  EXPECT_EQ(replace_folder(staged, plan.string()), "");
  EXPECT_EQ(*read_text_file((plan / "roster.json").string()), "new");
  EXPECT_TRUE(fs::exists(plan / "people" / "ana.txt"));
  EXPECT_FALSE(fs::exists(plan / "people" / "removed-person.txt"));
  // Only the folder itself is left: no staging or old copy beside it.
  int entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(root)) ++entries;
  EXPECT_EQ(entries, 1);
  fs::remove_all(root);
}

TEST(ReplaceFolder, AFolderThatDoesNotExistYetIsCreated) {
  const fs::path root = fresh_dir("vigil-replace-new");
  std::string error;
  const std::string staged = make_staging_folder((root / "a" ).string(), &error);
  ASSERT_EQ(write_file((fs::path(staged) / "roster.json").string(), "x"), "");
  EXPECT_EQ(replace_folder(staged, (root / "a").string()), "");
  EXPECT_EQ(*read_text_file((root / "a" / "roster.json").string()), "x");
  EXPECT_FALSE(fs::exists(staged));
  fs::remove_all(root);
}

TEST(ReplaceFolder, AFolderOfOtherFilesIsNeverSweptAway) {
  const fs::path root = fresh_dir("vigil-replace-check");
  EXPECT_EQ(check_replaceable_folder((root / "new").string(), "roster.json"), "");
  fs::create_directories(root / "empty");
  EXPECT_EQ(check_replaceable_folder((root / "empty").string(), "roster.json"), "");
  fs::create_directories(root / "mine");
  ASSERT_EQ(write_file((root / "mine" / "thesis.tex").string(), "x"), "");
  const std::string mine = (root / "mine").string();
  EXPECT_EQ(check_replaceable_folder(mine, "roster.json"),
            mine + ": expected a new or empty folder, or one vigil wrote (with roster.json), got a folder of other "
                   "files; vigil replaces the whole folder, so give another one");
  ASSERT_EQ(write_file((root / "mine" / "roster.json").string(), "x"), "");
  EXPECT_EQ(check_replaceable_folder(mine, "roster.json"), "");
  EXPECT_EQ(check_replaceable_folder((root / "mine" / "thesis.tex").string(), "roster.json"),
            (root / "mine" / "thesis.tex").string() + ": expected a folder, got a file");
  std::string error;
  EXPECT_EQ(make_staging_folder(".", &error), "");
  EXPECT_EQ(error, ".: expected a folder name, got the current or parent folder");
  fs::remove_all(root);
}

// The pid of a process that has ended: a child's, reaped.
pid_t ended_pid() {
  const pid_t pid = ::fork();
  if (pid == 0) ::_exit(0);
  ::waitpid(pid, nullptr, 0);
  return pid;
}

TEST(ReplaceFolder, WhatKilledRunsLeftBesideTheFolderIsCleared) {
  const fs::path root = fresh_dir("vigil-replace-leftovers");
  const fs::path plan = root / "plan";
  const std::string dead = std::to_string(ended_pid()), running = std::to_string(::getppid());
  fs::create_directories(plan);
  ASSERT_EQ(write_file((plan / "roster.json").string(), "in force"), "");
  for (const std::string& left : {"plan.new-" + dead, "plan.old-" + dead, "plan.new-" + running, "other.new-" + dead}) {
    fs::create_directories(root / left);
    ASSERT_EQ(write_file((root / left / "roster.json").string(), left), "");
  }
  std::string error;
  const std::string staged = make_staging_folder(plan.string(), &error);
  ASSERT_EQ(error, "");
  EXPECT_FALSE(fs::exists(root / ("plan.new-" + dead)));  // a new plan never swapped in
  EXPECT_FALSE(fs::exists(root / ("plan.old-" + dead)));  // an old one, the folder in place
  EXPECT_TRUE(fs::exists(root / ("plan.new-" + running)));  // a running process's own
  EXPECT_TRUE(fs::exists(root / ("other.new-" + dead)));  // another folder's
  EXPECT_EQ(*read_text_file((plan / "roster.json").string()), "in force");
  fs::remove_all(staged);

  // Killed between the fallback's two renames: the old folder aside, none in
  // its place. It comes back before anything else is done.
  fs::rename(plan, root / ("plan.old-" + dead));
  EXPECT_NE(make_staging_folder(plan.string(), &error), "");
  EXPECT_EQ(read_text_file((plan / "roster.json").string()).value_or("missing"), "in force");
  EXPECT_FALSE(fs::exists(root / ("plan.old-" + dead)));
  fs::remove_all(root);
}

TEST(WriteFile, TheTemporaryFileOfAKilledWriterIsCleared) {
  const fs::path root = fresh_dir("vigil-write-leftovers");
  const std::string dead = std::to_string(ended_pid()), running = std::to_string(::getppid());
  const fs::path out = root / "roster.csv";
  for (const std::string& left : {"roster.csv.tmp-" + dead, "roster.csv.tmp-" + running, "other.csv.tmp-" + dead})
    ASSERT_EQ(write_file((root / left).string(), "cut sh"), "");
  ASSERT_EQ(write_file(out.string(), "whole"), "");
  EXPECT_FALSE(fs::exists(root / ("roster.csv.tmp-" + dead)));
  EXPECT_TRUE(fs::exists(root / ("roster.csv.tmp-" + running)));
  EXPECT_TRUE(fs::exists(root / ("other.csv.tmp-" + dead)));
  EXPECT_EQ(*read_text_file(out.string()), "whole");
  fs::remove_all(root);
}

TEST(WallClock, SourceDateEpochFixesTheStamp) {
  ::setenv("SOURCE_DATE_EPOCH", "1765704600", 1);  // 2025-12-14 09:30:00 UTC
  EXPECT_EQ(wall_clock_seconds(), 1765704600);
  EXPECT_EQ(utc_iso_time(wall_clock_seconds()), "2025-12-14T09:30:00Z");
  ::unsetenv("SOURCE_DATE_EPOCH");
  EXPECT_GT(wall_clock_seconds(), 1765704600);
  EXPECT_EQ(utc_iso_time(0), "1970-01-01T00:00:00Z");
}

TEST(CalendarDates, DaysBetweenDatesAcrossMonthsAndLeapDays) {
  EXPECT_EQ(parse_date("2026-12-14")->days_since(*parse_date("2026-12-08")), 6);
  EXPECT_EQ(parse_date("2028-03-01")->days_since(*parse_date("2028-02-28")), 2);
  EXPECT_EQ(parse_date("2026-12-01")->days_since(*parse_date("2026-12-08")), -7);
  EXPECT_FALSE(parse_date("2026-02-29"));
}

// A device is written in place, never replaced by a renamed file, and a
// failed write is an error (`--out /dev/full` said "written" and exited 0,
// and replaced the device with a file).
TEST(WriteFile, ADeviceIsWrittenInPlaceAndAFullOneIsAnError) {
  ASSERT_TRUE(std::filesystem::is_character_file("/dev/full"));
  EXPECT_EQ(write_file("/dev/full", "text"), "/dev/full: write failed");
  EXPECT_TRUE(std::filesystem::is_character_file("/dev/full"));
  EXPECT_EQ(write_file("/dev/null", "text"), "");
  EXPECT_TRUE(std::filesystem::is_character_file("/dev/null"));
}

}  // namespace
}  // namespace vigil
