// A readable input error: where (file, line, column), what was expected and
// what was found, in the `file:line:col: expected X, got Y` form of compilers.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace vigil {

struct InputError {
  std::string file;
  int line = 0;    // 1-based; 0 when the error is about the whole file
  int column = 0;  // 1-based; 0 when unknown
  std::string message;
  std::string source_line;  // the offending line, for the caret display

  // "file:line:col: message" followed, when the line is known, by the line
  // and a caret under the column.
  std::string format() const;
  // Only the first line of format().
  std::string headline() const;
};

// A value or the first error met while producing it.
template <class T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}
  Result(InputError error) : state_(std::move(error)) {}

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<T>(state_); }
  const T& value() const { return std::get<T>(state_); }
  T& operator*() { return value(); }
  T* operator->() { return &value(); }
  const InputError& error() const { return std::get<InputError>(state_); }

 private:
  std::variant<T, InputError> state_;
};

}  // namespace vigil
