// The store's users and their tokens (see store.h). A token is 32 random
// bytes written as URL-safe base64 (43 characters), shown once; the store
// keeps only its BLAKE2b hash (crypto_generichash, 32 bytes), so a copy of the
// file lets nobody in. A lookup hashes the token offered and finds the user by
// that hash (a unique index): the token itself is never compared.
#include <SQLiteCpp/SQLiteCpp.h>
#include <sodium.h>

#include <array>
#include <exception>

#include "server/store.h"

#include <nlohmann/json.hpp>
#include "server/store_internal.h"

namespace vigil::server {

using store_detail::append_audit;
using store_detail::report_failure;

const char* role_name(Role role) {
  switch (role) {
    case Role::kCoordinator: return "coordinator";
    case Role::kOfficer: return "officer";
    case Role::kViewer: return "viewer";
  }
  return "viewer";
}

std::optional<Role> parse_role(std::string_view name) {
  for (Role role : {Role::kCoordinator, Role::kOfficer, Role::kViewer})
    if (name == role_name(role)) return role;
  return std::nullopt;
}

namespace {

constexpr std::size_t kTokenBytes = 32;
constexpr std::size_t kTokenLength = 43;  // base64 of 32 bytes, no padding
using TokenHash = std::array<unsigned char, crypto_generichash_BYTES>;
static_assert(crypto_generichash_BYTES == 32, "the users table checks for 32-byte hashes");

std::string new_token() {
  std::array<unsigned char, kTokenBytes> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::array<char, sodium_base64_ENCODED_LEN(kTokenBytes, kVariant)> text{};
  sodium_bin2base64(text.data(), text.size(), bytes.data(), bytes.size(), kVariant);
  sodium_memzero(bytes.data(), bytes.size());
  return std::string(text.data());
}

TokenHash hash_token(const std::string& token) {
  TokenHash hash{};
  crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                     nullptr, 0);
  return hash;
}

std::string user_target(const std::string& name) { return "user " + name; }

// The columns read_user reads, in its order.
constexpr const char* kUserColumns = "id, name, role, person, created, revoked";

User read_user(SQLite::Statement& row) {
  User user;
  user.id = row.getColumn(0).getInt64();
  user.name = row.getColumn(1).getString();
  // The schema's CHECK allows only the three names; the least right otherwise.
  user.role = parse_role(row.getColumn(2).getString()).value_or(Role::kViewer);
  user.person = row.getColumn(3).getString();
  user.created = row.getColumn(4).getString();
  user.revoked = row.getColumn(5).getInt() != 0;
  return user;
}

}  // namespace

Result<std::string> Store::add_user(const std::string& name, Role role, const std::string& person,
                                    const std::string& audit_user) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto fail = [&](const std::string& message) { return InputError{path_, 0, 0, message, ""}; };
  const auto first = name.find_first_not_of(" \t");
  if (first != 0 || name.size() > 100 || name.back() == ' ' || name.back() == '\t' ||
      name.find_first_of("\n\r/") != std::string::npos)
    return fail("expected a name of 1 to 100 characters, without slashes, line breaks or spaces at either end, got " +
                nlohmann::json(name).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  try {
    SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement taken(*db_, "SELECT 1 FROM users WHERE name = ?");
    taken.bind(1, name);
    if (taken.executeStep()) return fail("user '" + name + "' exists already");
    const std::string token = new_token();
    const TokenHash hash = hash_token(token);
    SQLite::Statement insert(*db_,
                             "INSERT INTO users (name, role, person, created, token_hash) VALUES (?, ?, ?, ?, ?)");
    insert.bind(1, name);
    insert.bind(2, role_name(role));
    insert.bind(3, person);
    insert.bind(4, store_detail::now_stamp());
    insert.bind(5, hash.data(), static_cast<int>(hash.size()));
    insert.exec();
    append_audit(*db_, audit_user, "add user", user_target(name), "", role_name(role));
    transaction.commit();
    return token;
  } catch (const std::exception& e) {
    return fail("cannot add user '" + name + "': " + e.what());
  }
}

std::optional<User> Store::user_by_token(const std::string& token) {
  // Not one of ours: no need to ask the file.
  if (token.size() != kTokenLength) return std::nullopt;
  const TokenHash hash = hash_token(token);
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    SQLite::Statement query(*db_, std::string("SELECT ") + kUserColumns +
                                      " FROM users WHERE token_hash = ? AND revoked = 0");
    query.bind(1, hash.data(), static_cast<int>(hash.size()));
    if (!query.executeStep()) return std::nullopt;
    return read_user(query);
  } catch (const std::exception& e) {
    report_failure(path_, "cannot look up a token", e.what());
    return std::nullopt;
  }
}

bool Store::revoke_user(const std::string& name, const std::string& audit_user, std::string* error) {
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement query(*db_, "SELECT revoked, role FROM users WHERE name = ?");
    query.bind(1, name);
    if (!query.executeStep()) {
      if (error) *error = "no user '" + name + "'";
      return false;
    }
    if (query.getColumn(0).getInt() != 0) return true;  // revoked already: nothing changes
    if (query.getColumn(1).getString() == role_name(Role::kCoordinator) &&
        db_->execAndGet("SELECT COUNT(*) FROM users WHERE revoked = 0 AND role = 'coordinator'").getInt() == 1) {
      if (error) *error = "'" + name + "' is the last coordinator: add another first";
      return false;
    }
    SQLite::Statement revoke(*db_, "UPDATE users SET revoked = 1 WHERE name = ?");
    revoke.bind(1, name);
    revoke.exec();
    append_audit(*db_, audit_user, "revoke user", user_target(name), "active", "revoked");
    transaction.commit();
    return true;
  } catch (const std::exception& e) {
    report_failure(path_, "cannot revoke user '" + name + "'", e.what());
    return false;
  }
}

std::vector<User> Store::users() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<User> out;
  try {
    SQLite::Statement query(*db_, std::string("SELECT ") + kUserColumns + " FROM users ORDER BY id");
    while (query.executeStep()) out.push_back(read_user(query));
  } catch (const std::exception& e) {
    report_failure(path_, "cannot list the users", e.what());
    out.clear();
  }
  return out;
}

}  // namespace vigil::server
