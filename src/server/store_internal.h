// What the store's source files (store.cc, store_users.cc, store_schema.cc)
// share and nobody else needs: the schema's preparation on open, the audit
// row written inside a caller's transaction, the clock stamp, and the
// reporting of a failure a method's signature cannot carry.
#pragma once

#include <optional>
#include <string>

namespace SQLite {
class Database;
}

namespace vigil::server::store_detail {

// Sets the connection's pragmas and brings the schema to `target_version`
// with the numbered migrations, all in one transaction. Returns why the file
// is refused ("schema version 9 is newer than this vigil (1)", "not a vigil
// store (unknown table layout: recipes)"), without the file name; SQLite
// failures come as SQLite::Exception.
std::optional<std::string> prepare_schema(SQLite::Database& db, int target_version);

// Appends one audit row stamped now; the caller holds the transaction.
void append_audit(SQLite::Database& db, const std::string& user, const std::string& action,
                  const std::string& target, const std::string& before, const std::string& after);

// UTC now, "2026-12-14T09:30:00Z" (SOURCE_DATE_EPOCH when set).
std::string now_stamp();

// `stamp` when given, else now_stamp(): a caller that stamped its plan JSON
// keeps the same moment on the row.
std::string stamp_or_now(const std::string& stamp);

// For a method that can only answer "nothing" (an empty list, 0, nullopt):
// says on stderr what failed, "vigil store: vigil.db: cannot read plan 3: disk I/O error".
void report_failure(const std::string& path, const std::string& what, const char* cause);

}  // namespace vigil::server::store_detail
