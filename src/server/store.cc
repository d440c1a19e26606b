// The workspace store (see store.h): opening, scenario and plan versions,
// events and the audit log. Users and tokens are in store_users.cc, the
// schema and its migrations in store_schema.cc.
//
// Every public method takes mutex_ and catches what SQLite throws: a failure
// comes back as the method's error, or, where the signature has no room for
// one, as "nothing" with the cause on stderr (store_detail::report_failure).
#include "server/store.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sodium.h>
#include <sqlite3.h>

#include <cstdio>
#include <exception>

#include "base/calendar_date.h"
#include "server/store_internal.h"

namespace vigil::server {

using store_detail::append_audit;
using store_detail::report_failure;
using store_detail::stamp_or_now;

namespace store_detail {

void append_audit(SQLite::Database& db, const std::string& user, const std::string& action,
                  const std::string& target, const std::string& before, const std::string& after) {
  SQLite::Statement insert(db,
                           "INSERT INTO audit (at, who, what, target, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)");
  insert.bind(1, now_stamp());
  insert.bind(2, user);
  insert.bind(3, action);
  insert.bind(4, target);
  insert.bind(5, before);
  insert.bind(6, after);
  insert.exec();
}

std::string now_stamp() { return utc_iso_time(wall_clock_seconds()); }

std::string stamp_or_now(const std::string& stamp) { return stamp.empty() ? now_stamp() : stamp; }

void report_failure(const std::string& path, const std::string& what, const char* cause) {
  std::fprintf(stderr, "vigil store: %s: %s: %s\n", path.c_str(), what.c_str(), cause);
}

}  // namespace store_detail

const char* plan_state_name(PlanState state) {
  switch (state) {
    case PlanState::kDraft: return "draft";
    case PlanState::kPublished: return "published";
    case PlanState::kDiscarded: return "discarded";
  }
  return "draft";
}

namespace {

PlanState parse_plan_state(const std::string& name) {
  if (name == "published") return PlanState::kPublished;
  if (name == "discarded") return PlanState::kDiscarded;
  return PlanState::kDraft;  // the schema's CHECK allows nothing else
}

std::string plan_target(std::int64_t version) { return "plan " + std::to_string(version); }

// A plan row's columns in PlanVersion order; `json` is "plan_json", or "''"
// where the list leaves the (large) plan out.
std::string plan_columns(const char* json) {
  return std::string("version, COALESCE(parent, 0), COALESCE(scenario, 0), state, author, made, reason, ") + json +
         ", hard, soft, now_minute, version = COALESCE((SELECT plan_in_force FROM unit WHERE id = 1), 0)";
}

PlanVersion read_plan(SQLite::Statement& row) {
  PlanVersion plan;
  plan.version = row.getColumn(0).getInt64();
  plan.parent = row.getColumn(1).getInt64();
  plan.scenario = row.getColumn(2).getInt64();
  plan.state = parse_plan_state(row.getColumn(3).getString());
  plan.author = row.getColumn(4).getString();
  plan.made = row.getColumn(5).getString();
  plan.reason = row.getColumn(6).getString();
  plan.plan_json = row.getColumn(7).getString();
  plan.hard = row.getColumn(8).getInt64();
  plan.soft = row.getColumn(9).getInt64();
  plan.now_minute = row.getColumn(10).getInt();
  plan.in_force = row.getColumn(11).getInt() != 0;
  return plan;
}

ScenarioVersion read_scenario(SQLite::Statement& row) {
  ScenarioVersion scenario;
  scenario.id = row.getColumn(0).getInt64();
  scenario.yaml = row.getColumn(1).getString();
  scenario.file_name = row.getColumn(2).getString();
  scenario.author = row.getColumn(3).getString();
  scenario.made = row.getColumn(4).getString();
  scenario.reason = row.getColumn(5).getString();
  return scenario;
}

std::int64_t newest_plan_version(SQLite::Database& db) {
  return db.execAndGet("SELECT COALESCE(MAX(version), 0) FROM plans").getInt64();
}

bool row_exists(SQLite::Database& db, const char* sql, std::int64_t key) {
  SQLite::Statement query(db, sql);
  query.bind(1, key);
  return query.executeStep();
}

// Why `plan` may not be saved now, if it may not.
std::optional<std::string> save_refusal(SQLite::Database& db, const PlanVersion& plan) {
  const std::string version = "version " + std::to_string(plan.version);
  if (plan.version < 1) return "plan versions count from 1, got " + std::to_string(plan.version);
  const std::int64_t newest = newest_plan_version(db);
  const std::string newest_text = std::to_string(newest);
  if (plan.version <= newest) return version + " exists already: the newest is " + newest_text;
  if (plan.version > newest + 1)
    return version + " skips ahead: the newest is " + newest_text + ", so the next is " + std::to_string(newest + 1);
  if (plan.state != PlanState::kDraft)
    return version + " is saved as a draft, not " + plan_state_name(plan.state) + ": publish it afterwards";
  if (plan.parent != 0 && !row_exists(db, "SELECT 1 FROM plans WHERE version = ?", plan.parent))
    return version + ": its parent, version " + std::to_string(plan.parent) + ", does not exist";
  if (plan.scenario != 0 && !row_exists(db, "SELECT 1 FROM scenarios WHERE id = ?", plan.scenario))
    return version + ": scenario version " + std::to_string(plan.scenario) + " does not exist";
  return std::nullopt;
}

// Inserts `plan` as a draft with its audit entry; the caller holds the
// transaction and has checked save_refusal.
void insert_plan(SQLite::Database& db, const PlanVersion& plan, const std::string& audit_user) {
  SQLite::Statement insert(db,
                           "INSERT INTO plans (version, parent, scenario, state, author, made, reason, plan_json, "
                           "hard, soft, now_minute) VALUES (?, NULLIF(?, 0), NULLIF(?, 0), 'draft', ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, plan.version);
  insert.bind(2, plan.parent);
  insert.bind(3, plan.scenario);
  insert.bind(4, plan.author);
  insert.bind(5, stamp_or_now(plan.made));
  insert.bind(6, plan.reason);
  insert.bind(7, plan.plan_json);
  insert.bind(8, plan.hard);
  insert.bind(9, plan.soft);
  insert.bind(10, plan.now_minute);
  insert.exec();
  append_audit(db, audit_user, "save", plan_target(plan.version), "", plan.reason);
}

// The state of plan `version`, or "" when there is none.
std::string plan_state_text(SQLite::Database& db, std::int64_t version) {
  SQLite::Statement query(db, "SELECT state FROM plans WHERE version = ?");
  query.bind(1, version);
  return query.executeStep() ? query.getColumn(0).getString() : std::string();
}

// Why plan `version` cannot leave the draft state, if it cannot.
std::optional<std::string> draft_refusal(SQLite::Database& db, std::int64_t version) {
  const std::string state = plan_state_text(db, version);
  if (state.empty()) return "no plan version " + std::to_string(version);
  if (state != "draft") return "plan version " + std::to_string(version) + " is " + state + ", not a draft";
  return std::nullopt;
}

void set_plan_state(SQLite::Database& db, std::int64_t version, PlanState state) {
  SQLite::Statement update(db, "UPDATE plans SET state = ? WHERE version = ?");
  update.bind(1, plan_state_name(state));
  update.bind(2, version);
  update.exec();
}

}  // namespace

Store::Store(std::string path) : path_(std::move(path)) {}
Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::open(const std::string& path) {
  auto fail = [&](const std::string& message) { return InputError{path, 0, 0, message, ""}; };
  if (sodium_init() < 0) return fail("cannot start libsodium (needed for user tokens)");
  std::unique_ptr<Store> store(new Store(path));
  try {
    store->db_ = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    if (auto refused = store_detail::prepare_schema(*store->db_, kSchemaVersion)) return fail(*refused);
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() == SQLITE_NOTADB) return fail("not a vigil store (file is not a database)");
    return fail(std::string("cannot open the store: ") + e.what());
  } catch (const std::exception& e) {
    return fail(std::string("cannot open the store: ") + e.what());
  }
  return Result<std::unique_ptr<Store>>(std::move(store));
}

int Store::schema_version() {
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    return db_->execAndGet("PRAGMA user_version").getInt();
  } catch (const std::exception& e) {
    report_failure(path_, "cannot read the schema version", e.what());
    return 0;
  }
}

std::int64_t Store::add_scenario(const ScenarioVersion& scenario, const std::string& audit_user) {
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement insert(*db_,
                             "INSERT INTO scenarios (yaml, file_name, author, made, reason) VALUES (?, ?, ?, ?, ?)");
    insert.bind(1, scenario.yaml);
    insert.bind(2, scenario.file_name);
    insert.bind(3, scenario.author);
    insert.bind(4, stamp_or_now(scenario.made));
    insert.bind(5, scenario.reason);
    insert.exec();
    const std::int64_t id = db_->getLastInsertRowid();
    append_audit(*db_, audit_user, "save", "scenario " + std::to_string(id), "", scenario.reason);
    transaction.commit();
    return id;
  } catch (const std::exception& e) {
    report_failure(path_, "cannot save the scenario", e.what());
    return 0;
  }
}

std::optional<ScenarioVersion> Store::scenario(std::int64_t id) {
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    SQLite::Statement query(*db_, "SELECT id, yaml, file_name, author, made, reason FROM scenarios WHERE id = ?");
    query.bind(1, id);
    if (!query.executeStep()) return std::nullopt;
    return read_scenario(query);
  } catch (const std::exception& e) {
    report_failure(path_, "cannot read scenario " + std::to_string(id), e.what());
    return std::nullopt;
  }
}

std::optional<ScenarioVersion> Store::current_scenario() {
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    SQLite::Statement query(*db_,
                            "SELECT id, yaml, file_name, author, made, reason FROM scenarios ORDER BY id DESC LIMIT 1");
    if (!query.executeStep()) return std::nullopt;
    return read_scenario(query);
  } catch (const std::exception& e) {
    report_failure(path_, "cannot read the newest scenario", e.what());
    return std::nullopt;
  }
}

Result<std::int64_t> Store::save_plan(const PlanVersion& plan, const std::string& audit_user) {
  return save_repair(plan, {}, audit_user);
}

Result<std::int64_t> Store::save_repair(const PlanVersion& draft, const std::vector<std::string>& event_yaml,
                                        const std::string& audit_user) {
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    if (auto refused = save_refusal(*db_, draft)) return InputError{path_, 0, 0, *refused, ""};
    insert_plan(*db_, draft, audit_user);
    SQLite::Statement insert(*db_, "INSERT INTO events (plan, event_yaml, author, made) VALUES (?, ?, ?, ?)");
    const std::string made = stamp_or_now(draft.made);
    for (const std::string& event : event_yaml) {
      insert.reset();
      insert.bind(1, draft.version);
      insert.bind(2, event);
      insert.bind(3, draft.author);
      insert.bind(4, made);
      insert.exec();
    }
    transaction.commit();
    return draft.version;
  } catch (const std::exception& e) {
    return InputError{path_, 0, 0, "cannot save plan version " + std::to_string(draft.version) + ": " + e.what(), ""};
  }
}

std::optional<PlanVersion> Store::plan(std::int64_t version) {
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    SQLite::Statement query(*db_, "SELECT " + plan_columns("plan_json") + " FROM plans WHERE version = ?");
    query.bind(1, version);
    if (!query.executeStep()) return std::nullopt;
    return read_plan(query);
  } catch (const std::exception& e) {
    report_failure(path_, "cannot read plan version " + std::to_string(version), e.what());
    return std::nullopt;
  }
}

std::optional<PlanVersion> Store::plan_record(std::int64_t version) {
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    SQLite::Statement query(*db_, "SELECT " + plan_columns("''") + " FROM plans WHERE version = ?");
    query.bind(1, version);
    if (!query.executeStep()) return std::nullopt;
    return read_plan(query);
  } catch (const std::exception& e) {
    report_failure(path_, "cannot read plan version " + std::to_string(version), e.what());
    return std::nullopt;
  }
}

std::int64_t Store::in_force_version() {
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    return db_->execAndGet("SELECT COALESCE(plan_in_force, 0) FROM unit WHERE id = 1").getInt64();
  } catch (const std::exception& e) {
    report_failure(path_, "cannot read the plan in force", e.what());
    return 0;
  }
}

std::vector<PlanVersion> Store::plans() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<PlanVersion> out;
  try {
    SQLite::Statement query(*db_, "SELECT " + plan_columns("''") + " FROM plans ORDER BY version");
    while (query.executeStep()) out.push_back(read_plan(query));
  } catch (const std::exception& e) {
    report_failure(path_, "cannot list the plan versions", e.what());
    out.clear();
  }
  return out;
}

std::optional<PlanVersion> Store::plan_in_force() {
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    SQLite::Statement query(*db_, "SELECT " + plan_columns("plan_json") +
                                      " FROM plans WHERE version = (SELECT plan_in_force FROM unit WHERE id = 1)");
    if (!query.executeStep()) return std::nullopt;
    return read_plan(query);
  } catch (const std::exception& e) {
    report_failure(path_, "cannot read the plan in force", e.what());
    return std::nullopt;
  }
}

std::int64_t Store::newest_version() {
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    return newest_plan_version(*db_);
  } catch (const std::exception& e) {
    report_failure(path_, "cannot read the newest plan version", e.what());
    return 0;
  }
}

std::optional<std::string> Store::publish(std::int64_t version, const std::string& audit_user) {
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    if (auto refused = draft_refusal(*db_, version)) return refused;
    const std::int64_t before =
        db_->execAndGet("SELECT COALESCE(plan_in_force, 0) FROM unit WHERE id = 1").getInt64();
    set_plan_state(*db_, version, PlanState::kPublished);
    SQLite::Statement in_force(*db_, "UPDATE unit SET plan_in_force = ? WHERE id = 1");
    in_force.bind(1, version);
    in_force.exec();
    append_audit(*db_, audit_user, "publish", plan_target(version), before == 0 ? "" : std::to_string(before),
                 std::to_string(version));
    transaction.commit();
    return std::nullopt;
  } catch (const std::exception& e) {
    return path_ + ": cannot publish plan version " + std::to_string(version) + ": " + e.what();
  }
}

std::optional<std::string> Store::discard(std::int64_t version, const std::string& audit_user) {
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    if (auto refused = draft_refusal(*db_, version)) return refused;
    set_plan_state(*db_, version, PlanState::kDiscarded);
    append_audit(*db_, audit_user, "discard", plan_target(version), "draft", "discarded");
    transaction.commit();
    return std::nullopt;
  } catch (const std::exception& e) {
    return path_ + ": cannot discard plan version " + std::to_string(version) + ": " + e.what();
  }
}

std::vector<StoredEvent> Store::events() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<StoredEvent> out;
  try {
    SQLite::Statement query(*db_, "SELECT id, plan, event_yaml, author, made FROM events ORDER BY id");
    while (query.executeStep()) {
      out.push_back(StoredEvent{query.getColumn(0).getInt64(), query.getColumn(1).getInt64(),
                                query.getColumn(2).getString(), query.getColumn(3).getString(),
                                query.getColumn(4).getString()});
    }
  } catch (const std::exception& e) {
    report_failure(path_, "cannot list the events", e.what());
    out.clear();
  }
  return out;
}

void Store::audit(const std::string& user, const std::string& action, const std::string& target,
                  const std::string& before, const std::string& after) {
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    append_audit(*db_, user, action, target, before, after);
    transaction.commit();
  } catch (const std::exception& e) {
    report_failure(path_, "cannot write the audit entry '" + action + " " + target + "'", e.what());
  }
}

std::vector<AuditEntry> Store::audit_log(int limit) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<AuditEntry> out;
  if (limit <= 0) return out;
  try {
    SQLite::Statement query(
        *db_, "SELECT id, at, who, what, target, old_value, new_value FROM audit ORDER BY id DESC LIMIT ?");
    query.bind(1, limit);
    while (query.executeStep()) {
      out.push_back(AuditEntry{query.getColumn(0).getInt64(), query.getColumn(1).getString(),
                               query.getColumn(2).getString(), query.getColumn(3).getString(),
                               query.getColumn(4).getString(), query.getColumn(5).getString(),
                               query.getColumn(6).getString()});
    }
  } catch (const std::exception& e) {
    report_failure(path_, "cannot read the audit log", e.what());
    out.clear();
  }
  return out;
}

std::int64_t Store::last_job_id() {
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    // "job 12" -> 12; the prefix is 4 characters.
    return db_->execAndGet("SELECT COALESCE(MAX(CAST(substr(target, 5) AS INTEGER)), 0) FROM audit "
                           "WHERE what = 'start' AND target LIKE 'job %'")
        .getInt64();
  } catch (const std::exception& e) {
    report_failure(path_, "cannot read the last job id", e.what());
    return 0;
  }
}

std::string Store::integrity_check() {
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    const std::string verdict = db_->execAndGet("PRAGMA integrity_check").getString();
    if (verdict != "ok") return verdict;
    // integrity_check does not look at foreign keys; a row naming a missing
    // plan or scenario is a complaint too.
    SQLite::Statement broken(*db_, "PRAGMA foreign_key_check");
    if (broken.executeStep()) {
      return "table " + broken.getColumn(0).getString() + " row " + broken.getColumn(1).getString() +
             ": no row in " + broken.getColumn(2).getString() + " for its reference";
    }
    return "ok";
  } catch (const std::exception& e) {
    return path_ + ": cannot check the store: " + e.what();
  }
}

}  // namespace vigil::server
