// The `vigil` subcommands. Each registers its options on a CLI11 subcommand
// and returns the handler to run when it is chosen; main.cc holds the table.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "model/problem.h"

namespace vigil::app {

using Handler = std::function<int()>;

struct Command {
  const char* name;
  const char* help;
  Handler (*setup)(CLI::App& sub);
};

Handler setup_check(CLI::App& sub);
Handler setup_solve(CLI::App& sub);
Handler setup_bench(CLI::App& sub);
Handler setup_speed(CLI::App& sub);

// Reads an instance; on failure prints the reader's error (file:line:col
// and a caret) to stderr and returns nullopt.
std::optional<Problem> load_instance(const std::string& path);

// Exit codes shared by the commands.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInfeasible = 1;  // a roster or result that breaks a hard rule
inline constexpr int kExitInputError = 2;  // unreadable or malformed input

}  // namespace vigil::app
