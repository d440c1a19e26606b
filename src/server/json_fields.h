// Strict reading of a JSON request body: unknown fields, missing ones and
// values of the wrong type are refused with the field named ("events[0].from:
// expected a text, got 5"), so nothing a client meant is silently dropped.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/api_error.h"

namespace vigil::server {

// Parses a request body that must be a JSON object ("" reads as {}).
Outcome<nlohmann::json> parse_body(const std::string& body);

class Fields {
 public:
  // `path` prefixes field names in errors ("" at the top of the body).
  Fields(const nlohmann::json& object, std::string path = "") : object_(object), path_(std::move(path)) {}

  // The first field not in `known`, as an error; nullopt when all are known.
  std::optional<ApiError> only(std::initializer_list<const char*> known) const;

  std::optional<ApiError> text(const char* key, std::string& out, bool required) const;
  std::optional<ApiError> whole(const char* key, std::int64_t& out, std::int64_t lo, std::int64_t hi,
                                bool required) const;
  std::optional<ApiError> number(const char* key, double& out, double lo, double hi, bool required) const;
  std::optional<ApiError> flag(const char* key, bool& out) const;
  std::optional<ApiError> texts(const char* key, std::vector<std::string>& out, bool required) const;

  std::string field(const char* key) const { return path_.empty() ? key : path_ + "." + key; }

 private:
  const nlohmann::json* find(const char* key) const;
  const nlohmann::json& object_;
  std::string path_;
};

// "5", "\"abc\"", "an object", "a list", "null": how a found value is named in errors.
std::string describe_json(const nlohmann::json& value);

}  // namespace vigil::server
