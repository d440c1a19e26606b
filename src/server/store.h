// The workspace store behind `vigil serve`: one unit per database file
// (SQLite through SQLiteCpp; WAL, foreign keys on, synchronous=FULL so an
// acknowledged write survives a kill; the schema version in PRAGMA
// user_version, raised by numbered migrations run in one transaction).
//
// What it keeps, and why so:
//   scenarios  every version of the unit (the scenario YAML as imported or as
//              written after events were folded in), each immutable; the
//              newest is the unit now. Kept as text so import and export
//              round-trip byte for byte.
//   plans      every plan version: its parent, the scenario it plans, author,
//              time, reason, the plan JSON (io/unit_roster_json.h, stamped),
//              its hard and soft score; draft, published or discarded. The
//              content is immutable once saved (triggers refuse an UPDATE of
//              it and any DELETE); only the state moves draft -> published or
//              draft -> discarded. Exactly one published plan is in force:
//              the unit row names it.
//   events     the events that triggered repairs, one flow-style YAML line
//              each (io/events_reader.h), with the draft they led to.
//   audit      every change: who, when, what, target, before -> after.
//   users      name, role, the person they are (a viewer's own schedule), a
//              hash of their token (libsodium crypto_generichash of a 32-byte
//              random token: a token is shown once and never stored), revoked.
//
// One connection, guarded by a mutex: every method may be called from any
// thread (the server's request threads and its job thread). Each write is one
// transaction: all of it or none of it is there after a crash.
//
// No exception leaves a method. A failure of the file (disk full, locked past
// the busy timeout) comes back as the method's error where its signature has
// one; where it has none, a reader answers "nothing" (nullopt, an empty list,
// 0) and audit() writes nothing, each with the cause on stderr.
//
// Times: a `made` the caller leaves empty is stamped now (SOURCE_DATE_EPOCH
// when set); one the caller gives is kept, so a plan row and the stamp in its
// plan JSON agree. Audit entries and users are always stamped now.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/input_error.h"

namespace SQLite {
class Database;
}

namespace vigil::server {

enum class Role { kCoordinator, kOfficer, kViewer };
const char* role_name(Role role);  // "coordinator", "officer", "viewer"
std::optional<Role> parse_role(std::string_view name);

struct User {
  std::int64_t id = 0;
  std::string name;
  Role role = Role::kViewer;
  std::string person;   // the unit member this user is ("" for none)
  std::string created;  // UTC "2026-12-14T09:30:00Z" (base/calendar_date.h utc_iso_time; SOURCE_DATE_EPOCH when set)
  bool revoked = false;
};

enum class PlanState { kDraft, kPublished, kDiscarded };
const char* plan_state_name(PlanState state);  // "draft", "published", "discarded"

struct ScenarioVersion {
  std::int64_t id = 0;  // 1, 2, ...
  std::string yaml;
  std::string file_name;  // as imported ("unit-64.yaml"), or "scenario.yaml" for a version after events
  std::string author, made, reason;
};

struct PlanVersion {
  std::int64_t version = 0;   // 1, 2, ...: newest_version() + 1 when saved
  std::int64_t parent = 0;    // the version it was made from; 0 for none
  std::int64_t scenario = 0;  // the scenario version it plans
  PlanState state = PlanState::kDraft;
  std::string author, made, reason;
  std::string plan_json;
  std::int64_t hard = 0, soft = 0;
  int now_minute = -1;  // a repair's or edit's moment (unit minutes); -1 for a plan made from scratch
  bool in_force = false;  // filled on read
};

struct StoredEvent {
  std::int64_t id = 0;
  std::int64_t plan = 0;  // the draft the event led to
  std::string event_yaml;  // one flow-style event, e.g. {unavailable: Ana, from: day 6 10:00, reported: day 6 10:00}
  std::string author, made;
};

struct AuditEntry {
  std::int64_t id = 0;
  std::string at, user, action, target, before, after;
};

class Store {
 public:
  // Opens (creating when missing) and migrates to the newest schema. Errors
  // name the file: "vigil.db: not a vigil store (unknown table layout:
  // recipes)", "vigil.db: not a vigil store (file is not a database)",
  // "vigil.db: schema version 9 is newer than this vigil (3)". A refused file
  // is left as it was.
  static Result<std::unique_ptr<Store>> open(const std::string& path);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  static constexpr int kSchemaVersion = 1;
  int schema_version();
  const std::string& path() const { return path_; }

  // The unit: scenario versions. add_scenario validates nothing (the caller
  // parsed it); it appends a version and an audit entry ("save", "scenario N",
  // "", reason) in one transaction and returns its id (scenario.id is
  // ignored), or 0 when the write failed (cause on stderr).
  std::int64_t add_scenario(const ScenarioVersion& scenario, const std::string& audit_user);
  std::optional<ScenarioVersion> scenario(std::int64_t id);
  std::optional<ScenarioVersion> current_scenario();  // the newest

  // Plan versions. save_plan stores `plan` under plan.version, which must be
  // newest_version() + 1 (the caller stamps the plan JSON with it), with an
  // audit entry ("save", "plan N", "", reason), in one transaction; returns
  // the version, or an error "version 4 exists already: the newest is 4" when
  // another write came first. Also refused: "version 6 skips ahead: the newest
  // is 4, so the next is 5", a version below 1, a state other than draft
  // (saved plans start as drafts), a parent or scenario that does not exist.
  Result<std::int64_t> save_plan(const PlanVersion& plan, const std::string& audit_user);
  std::optional<PlanVersion> plan(std::int64_t version);
  // The same without its plan_json (cheap: for readers that have the content cached).
  std::optional<PlanVersion> plan_record(std::int64_t version);
  // The version in force, 0 for none, without reading the plan.
  std::int64_t in_force_version();
  std::vector<PlanVersion> plans();  // oldest first, plan_json left empty
  std::optional<PlanVersion> plan_in_force();
  std::int64_t newest_version();  // 0 when there is none
  // Draft -> published and in force (the one in force before stays published,
  // no longer in force); audit ("publish", "plan N", the version in force
  // before or "", "N"). Errors: "no plan version 7", "plan version 2 is
  // published, not a draft" ("... is discarded, not a draft").
  std::optional<std::string> publish(std::int64_t version, const std::string& audit_user);
  // Draft -> discarded; audit ("discard", "plan N", "draft", "discarded").
  // Errors as publish.
  std::optional<std::string> discard(std::int64_t version, const std::string& audit_user);

  // Events, saved with the draft they led to (one transaction with save_plan
  // when called through save_repair), author and made as the draft's. events()
  // lists them oldest first.
  Result<std::int64_t> save_repair(const PlanVersion& draft, const std::vector<std::string>& event_yaml,
                                   const std::string& audit_user);
  std::vector<StoredEvent> events();

  // The audit log, newest first, at most `limit` entries. A failed audit()
  // is reported on stderr (it has no error to return).
  void audit(const std::string& user, const std::string& action, const std::string& target,
             const std::string& before, const std::string& after);
  std::vector<AuditEntry> audit_log(int limit = 200);
  // The highest N of an audit entry "job N" (the workspace audits every job it
  // starts), 0 for none.
  std::int64_t last_job_id();

  // Users. add_user returns the new token (43 characters, URL-safe base64 of
  // 32 random bytes), shown once; errors: "user 'ana' exists already" (a
  // revoked user keeps the name), "expected a name of 1 to 100 characters,
  // without slashes, line breaks or spaces at either end, got \"\"".
  // revoke_user returns false for a name no user has (or a failed write), and
  // refuses the last coordinator (nobody could manage users after it), with
  // `error` saying so; revoking a revoked user changes nothing and returns
  // true. users() lists all, revoked too, oldest first.
  Result<std::string> add_user(const std::string& name, Role role, const std::string& person,
                               const std::string& audit_user);
  std::optional<User> user_by_token(const std::string& token);  // nullopt: unknown or revoked
  bool revoke_user(const std::string& name, const std::string& audit_user, std::string* error = nullptr);
  std::vector<User> users();

  // "ok" when PRAGMA integrity_check and foreign_key_check pass, else the
  // first complaint ("table events row 2: no row in plans for its reference").
  std::string integrity_check();

 private:
  explicit Store(std::string path);
  std::string path_;
  std::unique_ptr<SQLite::Database> db_;
  std::mutex mutex_;
};

}  // namespace vigil::server
