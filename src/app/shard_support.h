// What the sharded commands (resilience --shard, sweep --shard) share: the
// --shard and --out flags, each input file's SHA-256 (libsodium, already the
// server's), and the atomic write of a shard file (io/shard_file.h).
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "base/shard.h"
#include "io/shard_file.h"

namespace vigil::app {

struct ShardFlags {
  std::string shard = "0/1";  // --shard I/N
  std::string out;            // --out FILE.jsonl
  Shard parsed;
};

// Registers --shard (checked as "I/N" when parsed) and --out.
void add_shard_flags(CLI::App& sub, ShardFlags& flags, const std::string& what);

// {"file": path, "sha256": hex} of a file's bytes, or "" in `error` naming the file.
nlohmann::json input_entry(const std::string& path, std::string& error);

// Writes the shard file atomically and prints one line to stderr: the task's
// cases, time and the overhead (reading, writing) the task spent outside its cases.
int write_shard_output(const std::string& path, const ShardHeader& header, const std::vector<ShardCase>& cases,
                       double case_seconds);

}  // namespace vigil::app
