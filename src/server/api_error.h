// What an API call returns: a value, or an error with the HTTP status, the
// request field it is about and what was expected, sent to the client as
// {"error": {"status": 400, "field": "events[0].from", "message": "...", "details": ...}}.
#pragma once

#include <string>
#include <utility>
#include <variant>

#include <nlohmann/json.hpp>

namespace vigil::server {

struct ApiError {
  int status = 400;
  std::string field;    // "" when the error is about the whole request
  std::string message;  // "expected ..., got ..."
  nlohmann::json details = nullptr;  // sent as "details" when set: e.g. the hard rules an edit would break
};

template <class T>
class Outcome {
 public:
  Outcome(T value) : state_(std::move(value)) {}
  Outcome(ApiError error) : state_(std::move(error)) {}
  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }
  T& operator*() { return std::get<T>(state_); }
  const T& operator*() const { return std::get<T>(state_); }
  T* operator->() { return &std::get<T>(state_); }
  const ApiError& error() const { return std::get<ApiError>(state_); }

 private:
  std::variant<T, ApiError> state_;
};

inline ApiError bad_request(std::string field, std::string message) { return {400, std::move(field), std::move(message)}; }
inline ApiError not_found(std::string field, std::string message) { return {404, std::move(field), std::move(message)}; }
inline ApiError conflict(std::string field, std::string message) { return {409, std::move(field), std::move(message)}; }

}  // namespace vigil::server
