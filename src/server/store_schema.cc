// The store's schema and its numbered migrations, keyed on PRAGMA
// user_version: migration N brings a file from version N - 1 to N. A file is
// checked before anything in it changes (a newer vigil's store, another
// program's database), so refusing a file never alters it.
#include <SQLiteCpp/SQLiteCpp.h>

#include <array>
#include <string>

#include "server/store.h"
#include "server/store_internal.h"

namespace vigil::server::store_detail {
namespace {

// Version 1: everything. The triggers hold what the store promises whoever
// else opens the file: a plan's content and a scenario never change once
// saved and are never deleted; a plan's state moves only out of draft; the
// unit's plan in force is a published plan; events and audit are append-only.
constexpr const char* kMigration1 = R"sql(
CREATE TABLE scenarios (
  id        INTEGER PRIMARY KEY,
  yaml      TEXT NOT NULL,
  file_name TEXT NOT NULL,
  author    TEXT NOT NULL,
  made      TEXT NOT NULL,
  reason    TEXT NOT NULL
);
CREATE TABLE plans (
  version    INTEGER PRIMARY KEY CHECK (version >= 1),
  parent     INTEGER REFERENCES plans(version),
  scenario   INTEGER REFERENCES scenarios(id),
  state      TEXT NOT NULL CHECK (state IN ('draft', 'published', 'discarded')),
  author     TEXT NOT NULL,
  made       TEXT NOT NULL,
  reason     TEXT NOT NULL,
  plan_json  TEXT NOT NULL,
  hard       INTEGER NOT NULL,
  soft       INTEGER NOT NULL,
  now_minute INTEGER NOT NULL
);
CREATE TABLE unit (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  plan_in_force INTEGER REFERENCES plans(version)
);
INSERT INTO unit (id, plan_in_force) VALUES (1, NULL);
CREATE TABLE events (
  id         INTEGER PRIMARY KEY,
  plan       INTEGER NOT NULL,
  event_yaml TEXT NOT NULL,
  author     TEXT NOT NULL,
  made       TEXT NOT NULL,
  FOREIGN KEY (plan) REFERENCES plans(version)
);
CREATE INDEX events_by_plan ON events(plan);
CREATE TABLE audit (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  who       TEXT NOT NULL,
  what      TEXT NOT NULL,
  target    TEXT NOT NULL,
  old_value TEXT NOT NULL,
  new_value TEXT NOT NULL
);
CREATE TABLE users (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  role       TEXT NOT NULL CHECK (role IN ('coordinator', 'officer', 'viewer')),
  person     TEXT NOT NULL,
  created    TEXT NOT NULL,
  token_hash BLOB NOT NULL UNIQUE CHECK (length(token_hash) = 32),
  revoked    INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1))
);

CREATE TRIGGER plan_content_is_immutable
BEFORE UPDATE OF version, parent, scenario, author, made, reason, plan_json, hard, soft, now_minute ON plans
BEGIN SELECT RAISE(ABORT, 'a plan version''s content is immutable: only its state may change'); END;
CREATE TRIGGER plan_state_moves_only_out_of_draft
BEFORE UPDATE OF state ON plans
WHEN NOT (OLD.state = 'draft' AND NEW.state IN ('published', 'discarded'))
BEGIN SELECT RAISE(ABORT, 'a plan version''s state moves only from draft to published or discarded'); END;
CREATE TRIGGER plans_are_never_deleted BEFORE DELETE ON plans
BEGIN SELECT RAISE(ABORT, 'plan versions are never deleted'); END;
CREATE TRIGGER scenarios_are_immutable BEFORE UPDATE ON scenarios
BEGIN SELECT RAISE(ABORT, 'scenario versions are immutable'); END;
CREATE TRIGGER scenarios_are_never_deleted BEFORE DELETE ON scenarios
BEGIN SELECT RAISE(ABORT, 'scenario versions are never deleted'); END;
CREATE TRIGGER plan_in_force_is_published
BEFORE UPDATE OF plan_in_force ON unit
WHEN NEW.plan_in_force IS NOT NULL
 AND (SELECT state FROM plans WHERE version = NEW.plan_in_force) IS NOT 'published'
BEGIN SELECT RAISE(ABORT, 'the plan in force must be a published plan version'); END;
CREATE TRIGGER unit_row_stays BEFORE DELETE ON unit
BEGIN SELECT RAISE(ABORT, 'the unit row is never deleted'); END;
CREATE TRIGGER events_are_immutable BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_are_never_deleted BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER audit_is_immutable BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_is_never_deleted BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
)sql";

// kMigrations[i] brings a file from version i to i + 1.
constexpr std::array<const char*, 1> kMigrations = {kMigration1};
static_assert(kMigrations.size() == Store::kSchemaVersion, "one migration per schema version");

// The tables every version so far has; a file claiming a version without them
// is someone else's.
constexpr std::array<const char*, 6> kTables = {"unit", "scenarios", "plans", "events", "audit", "users"};

int user_version(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

// "recipes, stock": the tables of a file with no vigil schema.
std::string table_names(SQLite::Database& db) {
  SQLite::Statement query(db, "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name");
  std::string names;
  while (query.executeStep()) names += (names.empty() ? "" : ", ") + query.getColumn(0).getString();
  return names;
}

// Why the file at `version` is not ours to open, if it is not.
std::optional<std::string> refusal(SQLite::Database& db, int version, int target_version) {
  if (version > target_version)
    return "schema version " + std::to_string(version) + " is newer than this vigil (" + std::to_string(target_version) + ")";
  if (version < 0) return "not a vigil store (schema version " + std::to_string(version) + ")";
  if (version == 0) {
    const std::string foreign = table_names(db);
    if (!foreign.empty()) return "not a vigil store (unknown table layout: " + foreign + ")";
    return std::nullopt;
  }
  for (const char* table : kTables)
    if (!db.tableExists(table))
      return "not a vigil store (schema version " + std::to_string(version) + " but no table '" + table + "')";
  return std::nullopt;
}

}  // namespace

std::optional<std::string> prepare_schema(SQLite::Database& db, int target_version) {
  db.exec("PRAGMA busy_timeout = 5000");
  // The first read of the file: a file that is not SQLite fails here, with
  // SQLITE_NOTADB, before anything is written.
  if (auto refused = refusal(db, user_version(db), target_version)) return refused;
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA foreign_keys = ON");
  db.exec("PRAGMA synchronous = FULL");

  SQLite::Transaction migration(db, SQLite::TransactionBehavior::IMMEDIATE);
  // Read again under the write lock: another process may have migrated the
  // file since.
  const int version = user_version(db);
  if (auto refused = refusal(db, version, target_version)) return refused;
  if (version == target_version) return std::nullopt;
  for (int next = version; next < target_version; ++next) db.exec(kMigrations[static_cast<std::size_t>(next)]);
  db.exec("PRAGMA user_version = " + std::to_string(target_version));
  migration.commit();
  return std::nullopt;
}

}  // namespace vigil::server::store_detail
