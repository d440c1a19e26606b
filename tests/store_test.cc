// server/store: the workspace database behind `vigil serve`. Opening and
// migrating, refusing files that are not ours, the plan versions' life
// (draft -> published or discarded, one in force), the triggers that keep
// saved content immutable against any other program, events saved with their
// draft in one transaction, the audit log, users and their tokens, and
// concurrent writers.
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include "server/store.h"

namespace vigil::server {
namespace {

namespace fs = std::filesystem;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string test = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    path_ = (fs::temp_directory_path() / ("vigil-store-" + std::to_string(::getpid()) + "-" + test + ".db")).string();
    remove_files();
  }
  void TearDown() override { remove_files(); }

  void remove_files() const {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path_ + suffix);
  }

  std::unique_ptr<Store> open_store() const {
    auto opened = Store::open(path_);
    EXPECT_TRUE(opened.ok()) << (opened.ok() ? "" : opened.error().format());
    return opened.ok() ? std::move(*opened) : nullptr;
  }

  // The headline of the error Store::open gives, or "opened".
  std::string open_refusal() const {
    auto opened = Store::open(path_);
    return opened.ok() ? "opened" : opened.error().format();
  }

  // The file as another program sees it.
  SQLite::Database raw_database() const {
    SQLite::Database db(path_, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.setBusyTimeout(5000);
    return db;
  }

  std::string path_;
};

PlanVersion draft(std::int64_t version, std::int64_t parent, const std::string& reason) {
  PlanVersion plan;
  plan.version = version;
  plan.parent = parent;
  plan.scenario = 1;
  plan.author = "ana";
  plan.made = "2026-12-14T09:30:00Z";
  plan.reason = reason;
  plan.plan_json = "{\"plan_version\": " + std::to_string(version) + "}";
  plan.hard = 0;
  plan.soft = 100 + version;
  plan.now_minute = parent == 0 ? -1 : 8760;
  return plan;
}

ScenarioVersion unit_scenario() {
  ScenarioVersion scenario;
  scenario.yaml = "unit:\n  name: test\n";
  scenario.file_name = "unit-64.yaml";
  scenario.author = "ana";
  scenario.made = "2026-12-14T09:00:00Z";
  scenario.reason = "imported";
  return scenario;
}

// A store with the scenario its plans name.
std::unique_ptr<Store> with_scenario(std::unique_ptr<Store> store) {
  if (store) {
    EXPECT_EQ(store->add_scenario(unit_scenario(), "ana"), 1);
  }
  return store;
}

// What SQLite says to `sql` on a plain connection, or "accepted".
std::string sql_refusal(SQLite::Database& db, const std::string& sql) {
  try {
    db.exec(sql);
    return "accepted";
  } catch (const SQLite::Exception& e) {
    return e.what();
  }
}

std::string audit_line(const AuditEntry& entry) {
  return entry.user + " " + entry.action + " " + entry.target + ": '" + entry.before + "' -> '" + entry.after + "'";
}

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TEST_F(StoreTest, IsCreatedWhenMissingAndKeepsEverythingWhenReopened) {
  ASSERT_FALSE(fs::exists(path_));
  std::string token;
  {
    auto store = with_scenario(open_store());
    ASSERT_TRUE(store);
    EXPECT_TRUE(fs::exists(path_));
    ASSERT_TRUE(store->save_plan(draft(1, 0, "first plan"), "ana").ok());
    EXPECT_EQ(store->publish(1, "ana"), std::nullopt);
    auto added = store->add_user("bo", Role::kOfficer, "Bo Chen", "ana");
    ASSERT_TRUE(added.ok());
    token = *added;
  }
  auto store = open_store();
  ASSERT_TRUE(store);
  const auto scenario = store->scenario(1);
  ASSERT_TRUE(scenario);
  EXPECT_EQ(scenario->yaml, "unit:\n  name: test\n");
  EXPECT_EQ(scenario->file_name, "unit-64.yaml");
  EXPECT_EQ(scenario->author, "ana");
  EXPECT_EQ(scenario->made, "2026-12-14T09:00:00Z");
  EXPECT_EQ(scenario->reason, "imported");
  EXPECT_EQ(store->current_scenario()->id, 1);
  EXPECT_FALSE(store->scenario(2));

  const auto in_force = store->plan_in_force();
  ASSERT_TRUE(in_force);
  EXPECT_EQ(in_force->version, 1);
  EXPECT_EQ(in_force->parent, 0);
  EXPECT_EQ(in_force->scenario, 1);
  EXPECT_EQ(in_force->state, PlanState::kPublished);
  EXPECT_TRUE(in_force->in_force);
  EXPECT_EQ(in_force->plan_json, "{\"plan_version\": 1}");
  EXPECT_EQ(in_force->soft, 101);
  EXPECT_EQ(in_force->now_minute, -1);
  EXPECT_EQ(in_force->made, "2026-12-14T09:30:00Z");
  EXPECT_EQ(in_force->reason, "first plan");

  const auto bo = store->user_by_token(token);
  ASSERT_TRUE(bo);
  EXPECT_EQ(bo->name, "bo");
  EXPECT_EQ(bo->role, Role::kOfficer);
  EXPECT_EQ(bo->person, "Bo Chen");

  std::vector<std::string> log;
  for (const AuditEntry& entry : store->audit_log()) log.push_back(audit_line(entry));
  EXPECT_EQ(log, (std::vector<std::string>{"ana add user user bo: '' -> 'officer'", "ana publish plan 1: '' -> '1'",
                                           "ana save plan 1: '' -> 'first plan'",
                                           "ana save scenario 1: '' -> 'imported'"}));
}

TEST_F(StoreTest, MigrationsSetTheUserVersionAndTheFileIsInWalMode) {
  auto store = open_store();
  ASSERT_TRUE(store);
  EXPECT_EQ(store->schema_version(), 1);
  SQLite::Database raw = raw_database();
  EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), 1);
  EXPECT_EQ(raw.execAndGet("PRAGMA journal_mode").getString(), "wal");
  for (const char* table : {"unit", "scenarios", "plans", "events", "audit", "users"})
    EXPECT_TRUE(raw.tableExists(table)) << table;
  EXPECT_EQ(raw.execAndGet("SELECT COUNT(*) FROM unit WHERE id = 1 AND plan_in_force IS NULL").getInt(), 1);
}

TEST_F(StoreTest, ANewerSchemaIsRefusedAndTheFileLeftAlone) {
  {
    SQLite::Database raw = raw_database();
    raw.exec("PRAGMA user_version = 9");
  }
  EXPECT_EQ(open_refusal(), path_ + ": schema version 9 is newer than this vigil (1)");
  SQLite::Database raw = raw_database();
  EXPECT_EQ(raw.execAndGet("PRAGMA journal_mode").getString(), "delete");
  EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), 9);
}

TEST_F(StoreTest, AFileThatIsNotADatabaseIsRefusedInWords) {
  const std::string text = std::string(3000, 'x') + "\nnot a database\n";
  std::ofstream(path_) << text;
  EXPECT_EQ(open_refusal(), path_ + ": not a vigil store (file is not a database)");
  EXPECT_EQ(file_bytes(path_), text);
  std::ofstream(path_) << "hello\n";
  EXPECT_EQ(open_refusal(), path_ + ": not a vigil store (file is not a database)");
}

TEST_F(StoreTest, AnotherProgramsDatabaseIsRefusedWithItsTablesNamed) {
  {
    SQLite::Database raw = raw_database();
    raw.exec("CREATE TABLE stock (item TEXT); CREATE TABLE recipes (name TEXT)");
  }
  EXPECT_EQ(open_refusal(), path_ + ": not a vigil store (unknown table layout: recipes, stock)");
  SQLite::Database raw = raw_database();
  EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), 0);
  EXPECT_FALSE(raw.tableExists("plans"));
}

TEST_F(StoreTest, AFileClaimingOurVersionWithoutOurTablesIsRefused) {
  {
    SQLite::Database raw = raw_database();
    raw.exec("CREATE TABLE unit (id INTEGER); PRAGMA user_version = 1");
  }
  EXPECT_EQ(open_refusal(), path_ + ": not a vigil store (schema version 1 but no table 'scenarios')");
}

TEST_F(StoreTest, AMissingFolderIsAnErrorNotACrash) {
  const std::string path = (fs::temp_directory_path() / "vigil-store-no-such-folder" / "vigil.db").string();
  auto opened = Store::open(path);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().format(), path + ": cannot open the store: unable to open database file");
}

TEST_F(StoreTest, PlanVersionsFollowOneAnotherAndOneIsInForce) {
  auto store = with_scenario(open_store());
  ASSERT_TRUE(store);
  EXPECT_EQ(store->newest_version(), 0);
  const auto first = store->save_plan(draft(1, 0, "first plan"), "ana");
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first.value(), 1);
  EXPECT_EQ(store->newest_version(), 1);

  const auto ahead = store->save_plan(draft(3, 1, "too far"), "ana");
  ASSERT_FALSE(ahead.ok());
  EXPECT_EQ(ahead.error().format(), path_ + ": version 3 skips ahead: the newest is 1, so the next is 2");
  const auto again = store->save_plan(draft(1, 0, "again"), "ana");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().message, "version 1 exists already: the newest is 1");
  EXPECT_EQ(store->newest_version(), 1);

  EXPECT_FALSE(store->plan_in_force());
  EXPECT_EQ(store->plan(1)->state, PlanState::kDraft);
  EXPECT_EQ(store->publish(1, "ana"), std::nullopt);
  EXPECT_EQ(store->plan_in_force()->version, 1);

  ASSERT_TRUE(store->save_plan(draft(2, 1, "repair at day 6"), "bo").ok());
  const auto second = store->plan(2);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->state, PlanState::kDraft);
  EXPECT_FALSE(second->in_force);
  EXPECT_EQ(second->parent, 1);
  EXPECT_EQ(second->now_minute, 8760);
  EXPECT_EQ(store->plan_in_force()->version, 1);

  EXPECT_EQ(store->publish(2, "bo"), std::nullopt);
  EXPECT_EQ(store->plan_in_force()->version, 2);
  const auto former = store->plan(1);
  EXPECT_EQ(former->state, PlanState::kPublished);
  EXPECT_FALSE(former->in_force);

  const auto list = store->plans();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].version, 1);
  EXPECT_FALSE(list[0].in_force);
  EXPECT_EQ(list[1].version, 2);
  EXPECT_TRUE(list[1].in_force);
  EXPECT_EQ(list[1].reason, "repair at day 6");
  EXPECT_EQ(list[1].plan_json, "");
}

TEST_F(StoreTest, ADraftCanBeDiscardedAndOnlyADraftPublishedOrDiscarded) {
  auto store = with_scenario(open_store());
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->save_plan(draft(1, 0, "first plan"), "ana").ok());
  EXPECT_EQ(store->publish(1, "ana"), std::nullopt);
  ASSERT_TRUE(store->save_plan(draft(2, 1, "a repair"), "ana").ok());
  EXPECT_EQ(store->discard(2, "ana"), std::nullopt);
  EXPECT_EQ(store->plan(2)->state, PlanState::kDiscarded);

  EXPECT_EQ(store->publish(2, "ana"), "plan version 2 is discarded, not a draft");
  EXPECT_EQ(store->discard(2, "ana"), "plan version 2 is discarded, not a draft");
  EXPECT_EQ(store->publish(1, "ana"), "plan version 1 is published, not a draft");
  EXPECT_EQ(store->discard(1, "ana"), "plan version 1 is published, not a draft");
  EXPECT_EQ(store->publish(7, "ana"), "no plan version 7");
  EXPECT_EQ(store->discard(7, "ana"), "no plan version 7");
  EXPECT_EQ(store->plan_in_force()->version, 1);
  EXPECT_EQ(audit_line(store->audit_log(1).at(0)), "ana discard plan 2: 'draft' -> 'discarded'");
}

TEST_F(StoreTest, ASaveIsRefusedInWordsAndLeavesNothing) {
  auto store = with_scenario(open_store());
  ASSERT_TRUE(store);
  auto refusal = [&](const PlanVersion& plan) {
    const auto saved = store->save_plan(plan, "ana");
    return saved.ok() ? "saved" : saved.error().message;
  };
  EXPECT_EQ(refusal(draft(0, 0, "")), "plan versions count from 1, got 0");
  PlanVersion published = draft(1, 0, "");
  published.state = PlanState::kPublished;
  EXPECT_EQ(refusal(published), "version 1 is saved as a draft, not published: publish it afterwards");
  EXPECT_EQ(refusal(draft(1, 5, "")), "version 1: its parent, version 5, does not exist");
  PlanVersion elsewhere = draft(1, 0, "");
  elsewhere.scenario = 9;
  EXPECT_EQ(refusal(elsewhere), "version 1: scenario version 9 does not exist");
  EXPECT_EQ(store->newest_version(), 0);
  EXPECT_EQ(store->audit_log().size(), 1u);  // the scenario's
}

TEST_F(StoreTest, TriggersRefuseChangingOrDeletingSavedContentFromAnyConnection) {
  auto store = with_scenario(open_store());
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->save_plan(draft(1, 0, "first plan"), "ana").ok());
  EXPECT_EQ(store->publish(1, "ana"), std::nullopt);
  ASSERT_TRUE(store->save_plan(draft(2, 1, "a repair"), "ana").ok());

  SQLite::Database raw = raw_database();
  const std::string immutable = "a plan version's content is immutable: only its state may change";
  EXPECT_EQ(sql_refusal(raw, "UPDATE plans SET plan_json = '{}' WHERE version = 1"), immutable);
  EXPECT_EQ(sql_refusal(raw, "UPDATE plans SET soft = 0, state = 'published' WHERE version = 2"), immutable);
  EXPECT_EQ(sql_refusal(raw, "DELETE FROM plans WHERE version = 2"), "plan versions are never deleted");
  EXPECT_EQ(sql_refusal(raw, "UPDATE plans SET state = 'draft' WHERE version = 1"),
            "a plan version's state moves only from draft to published or discarded");
  EXPECT_EQ(sql_refusal(raw, "DELETE FROM scenarios"), "scenario versions are never deleted");
  EXPECT_EQ(sql_refusal(raw, "UPDATE scenarios SET yaml = ''"), "scenario versions are immutable");
  EXPECT_EQ(sql_refusal(raw, "UPDATE unit SET plan_in_force = 2"), "the plan in force must be a published plan version");
  EXPECT_EQ(sql_refusal(raw, "DELETE FROM audit"), "the audit log is append-only");

  const auto first = store->plan(1);
  EXPECT_EQ(first->plan_json, "{\"plan_version\": 1}");
  EXPECT_TRUE(first->in_force);
  EXPECT_EQ(store->plan(2)->soft, 102);
  // The state itself may move out of draft, from anywhere.
  EXPECT_EQ(sql_refusal(raw, "UPDATE plans SET state = 'discarded' WHERE version = 2"), "accepted");
  EXPECT_EQ(store->plan(2)->state, PlanState::kDiscarded);
}

TEST_F(StoreTest, EventsAreSavedWithTheirDraftInOneTransaction) {
  auto store = with_scenario(open_store());
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->save_plan(draft(1, 0, "first plan"), "ana").ok());
  const std::vector<std::string> loss = {"{unavailable: Ana, from: day 6 10:00, reported: day 6 10:00}",
                                         "{unavailable: Bo, from: day 6 12:00, reported: day 6 10:00}"};
  const auto repaired = store->save_repair(draft(2, 1, "Ana and Bo unavailable"), loss, "bo");
  ASSERT_TRUE(repaired.ok()) << repaired.error().format();
  EXPECT_EQ(repaired.value(), 2);
  auto events = store->events();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].plan, 2);
  EXPECT_EQ(events[0].event_yaml, loss[0]);
  EXPECT_EQ(events[0].author, "ana");
  EXPECT_EQ(events[0].made, "2026-12-14T09:30:00Z");
  EXPECT_EQ(events[1].event_yaml, loss[1]);

  // A refused draft brings no events in.
  EXPECT_FALSE(store->save_repair(draft(2, 1, "again"), loss, "bo").ok());
  EXPECT_EQ(store->events().size(), 2u);

  // A failure after the draft is in takes the draft back out: another
  // program's trigger refuses the second event.
  {
    SQLite::Database raw = raw_database();
    raw.exec("CREATE TRIGGER poison BEFORE INSERT ON events WHEN NEW.event_yaml = 'poison' "
             "BEGIN SELECT RAISE(ABORT, 'poisoned event'); END");
  }
  const auto failed = store->save_repair(draft(3, 2, "half a repair"), {"{unavailable: Cy}", "poison"}, "bo");
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().format(), path_ + ": cannot save plan version 3: poisoned event");
  EXPECT_EQ(store->newest_version(), 2);
  EXPECT_FALSE(store->plan(3));
  EXPECT_EQ(store->events().size(), 2u);
  EXPECT_EQ(audit_line(store->audit_log(1).at(0)), "bo save plan 2: '' -> 'Ana and Bo unavailable'");
}

TEST_F(StoreTest, TheAuditLogIsNewestFirstWithBeforeAndAfter) {
  auto store = with_scenario(open_store());
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->save_plan(draft(1, 0, "first plan"), "ana").ok());
  EXPECT_EQ(store->publish(1, "ana"), std::nullopt);
  ASSERT_TRUE(store->save_plan(draft(2, 1, "a repair"), "bo").ok());
  EXPECT_EQ(store->publish(2, "cy"), std::nullopt);
  store->audit("cy", "export", "plan 2", "", "roster.json");

  std::vector<std::string> log;
  for (const AuditEntry& entry : store->audit_log()) log.push_back(audit_line(entry));
  EXPECT_EQ(log, (std::vector<std::string>{
                     "cy export plan 2: '' -> 'roster.json'", "cy publish plan 2: '1' -> '2'",
                     "bo save plan 2: '' -> 'a repair'", "ana publish plan 1: '' -> '1'",
                     "ana save plan 1: '' -> 'first plan'", "ana save scenario 1: '' -> 'imported'"}));
  const auto newest = store->audit_log(2);
  ASSERT_EQ(newest.size(), 2u);
  EXPECT_GT(newest[0].id, newest[1].id);
  EXPECT_EQ(newest[1].action, "publish");
  EXPECT_TRUE(store->audit_log(0).empty());
}

TEST_F(StoreTest, UsersHoldAHashOfTheirTokenAndCanBeRevoked) {
  auto store = open_store();
  ASSERT_TRUE(store);
  const auto ana = store->add_user("ana", Role::kCoordinator, "", "setup");
  ASSERT_TRUE(ana.ok());
  const std::string token = ana.value();
  EXPECT_EQ(token.size(), 43u);
  EXPECT_EQ(token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos);
  const auto bo = store->add_user("bo", Role::kViewer, "Bo Chen", "ana");
  ASSERT_TRUE(bo.ok());
  EXPECT_NE(bo.value(), token);

  const auto found = store->user_by_token(token);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->name, "ana");
  EXPECT_EQ(found->role, Role::kCoordinator);
  EXPECT_FALSE(found->revoked);
  EXPECT_EQ(store->user_by_token(bo.value())->person, "Bo Chen");
  std::string wrong = token;
  wrong[10] = wrong[10] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(store->user_by_token(wrong));
  EXPECT_FALSE(store->user_by_token(""));
  EXPECT_FALSE(store->user_by_token(token + "x"));

  const auto taken = store->add_user("ana", Role::kViewer, "", "bo");
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().message, "user 'ana' exists already");
  EXPECT_EQ(store->add_user("", Role::kViewer, "", "bo").error().message,
            "expected a name of 1 to 100 characters, without slashes, line breaks or spaces at either end, got \"\"");
  EXPECT_FALSE(store->add_user(" x", Role::kViewer, "", "bo").ok());
  EXPECT_FALSE(store->add_user("a/b", Role::kViewer, "", "bo").ok());

  EXPECT_TRUE(store->revoke_user("bo", "ana"));
  EXPECT_FALSE(store->user_by_token(bo.value()));
  EXPECT_TRUE(store->user_by_token(token));
  EXPECT_FALSE(store->revoke_user("nobody", "ana"));
  const auto users = store->users();
  ASSERT_EQ(users.size(), 2u);
  EXPECT_FALSE(users[0].revoked);
  EXPECT_TRUE(users[1].revoked);
  EXPECT_EQ(users[1].role, Role::kViewer);
  EXPECT_EQ(audit_line(store->audit_log(1).at(0)), "ana revoke user user bo: 'active' -> 'revoked'");
  // Revoking again changes nothing and writes nothing.
  EXPECT_TRUE(store->revoke_user("bo", "ana"));
  // The last coordinator stays.
  std::string why;
  EXPECT_FALSE(store->revoke_user("ana", "ana", &why));
  EXPECT_EQ(why, "'ana' is the last coordinator: add another first");
  EXPECT_EQ(store->audit_log().size(), 3u);

  // No copy of the file holds a token.
  store.reset();
  const std::string bytes = file_bytes(path_) + file_bytes(path_ + "-wal");
  EXPECT_EQ(bytes.find(token), std::string::npos);
  EXPECT_NE(bytes.find("Bo Chen"), std::string::npos);
}

TEST(StoreNames, RolesAndStatesHaveTheirWords) {
  EXPECT_STREQ(role_name(Role::kCoordinator), "coordinator");
  EXPECT_STREQ(role_name(Role::kOfficer), "officer");
  EXPECT_STREQ(role_name(Role::kViewer), "viewer");
  EXPECT_EQ(parse_role("officer"), Role::kOfficer);
  EXPECT_EQ(parse_role("admin"), std::nullopt);
  EXPECT_STREQ(plan_state_name(PlanState::kDraft), "draft");
  EXPECT_STREQ(plan_state_name(PlanState::kPublished), "published");
  EXPECT_STREQ(plan_state_name(PlanState::kDiscarded), "discarded");
}

TEST_F(StoreTest, TwoThreadsWritingAtOnceLoseNothing) {
  auto store = open_store();
  ASSERT_TRUE(store);
  auto writer = [&](const std::string& user) {
    for (int i = 0; i < 200; ++i) store->audit(user, "note", "entry " + std::to_string(i), "", "");
  };
  std::thread first(writer, "ana");
  std::thread second(writer, "bo");
  first.join();
  second.join();
  const auto log = store->audit_log(1000);
  ASSERT_EQ(log.size(), 400u);
  int by_ana = 0;
  for (const AuditEntry& entry : log) by_ana += entry.user == "ana";
  EXPECT_EQ(by_ana, 200);
  EXPECT_EQ(store->integrity_check(), "ok");
}

TEST_F(StoreTest, TheIntegrityCheckPassesAndNamesABrokenReference) {
  auto store = with_scenario(open_store());
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->save_repair(draft(1, 0, "first plan"), {"{unavailable: Ana}"}, "ana").ok());
  EXPECT_EQ(store->integrity_check(), "ok");
  SQLite::Database raw = raw_database();  // foreign keys off, as in any plain connection
  raw.exec("INSERT INTO events (plan, event_yaml, author, made) VALUES (99, '{}', 'x', 'x')");
  EXPECT_EQ(store->integrity_check(), "table events row 2: no row in plans for its reference");
}

TEST_F(StoreTest, SourceDateEpochStampsWhatTheCallerLeftUnstamped) {
  ::setenv("SOURCE_DATE_EPOCH", "1765704600", 1);  // 2025-12-14 09:30:00 UTC
  auto store = open_store();
  ASSERT_TRUE(store);
  ScenarioVersion scenario = unit_scenario();
  scenario.made = "";
  EXPECT_EQ(store->add_scenario(scenario, "ana"), 1);
  PlanVersion unstamped = draft(1, 0, "first plan");
  unstamped.made = "";
  ASSERT_TRUE(store->save_plan(unstamped, "ana").ok());
  ASSERT_TRUE(store->save_plan(draft(2, 1, "stamped by the caller"), "ana").ok());
  ASSERT_TRUE(store->add_user("ana", Role::kOfficer, "", "ana").ok());
  ::unsetenv("SOURCE_DATE_EPOCH");

  EXPECT_EQ(store->scenario(1)->made, "2025-12-14T09:30:00Z");
  EXPECT_EQ(store->plan(1)->made, "2025-12-14T09:30:00Z");
  EXPECT_EQ(store->plan(2)->made, "2026-12-14T09:30:00Z");
  EXPECT_EQ(store->users().at(0).created, "2025-12-14T09:30:00Z");
  for (const AuditEntry& entry : store->audit_log()) EXPECT_EQ(entry.at, "2025-12-14T09:30:00Z");
}

}  // namespace
}  // namespace vigil::server
