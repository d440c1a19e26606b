// The file one task of a sharded run writes (issue 16), JSON lines:
//   {"vigil":"shard","version":1,"kind":"resilience","shard":"3/8","total":420,
//    "inputs":{"scenario":{"file":"u.yaml","sha256":"..."},...},"parameters":{...}}
//   {"case":3,"result":{...}}          one per case of the shard, in index order
//   {"end":true,"cases":53,"seconds":12.5}
// The first line says what was run (kind, the inputs' hashes, the parameters
// that decide the case list and each case's answer) and which slice; the last
// line is written only when every case of the slice is done, so a file cut
// short (a task killed while writing, a partial copy) is told from a whole one.
// merge_shards() checks a set of them and puts the cases back in order.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/input_error.h"
#include "base/shard.h"

namespace vigil {

struct ShardHeader {
  std::string kind;                                      // "resilience", "sweep"
  nlohmann::json inputs = nlohmann::json::object();      // name -> {"file": path, "sha256": hex}
  nlohmann::json parameters = nlohmann::json::object();  // what decides the cases and their answers
  Shard shard;
  std::size_t total = 0;  // cases in the whole run
};

struct ShardCase {
  std::size_t index = 0;  // in the whole run's list
  nlohmann::json result;
};

struct ShardFile {
  std::string path;
  ShardHeader header;
  std::vector<ShardCase> cases;
  bool complete = false;  // the end line was read
  double seconds = 0;     // the task's own time, from the end line
};

// The whole file's text. `seconds` < 0 leaves the time out of the end line
// (a merged file: its bytes depend on the cases alone).
std::string shard_text(const ShardHeader& header, const std::vector<ShardCase>& cases, double seconds);

// Reads a shard file; a bad line is an error at path:line. A file without its
// end line is read (complete = false): merge_shards() refuses it by name.
Result<ShardFile> read_shard_file(const std::string& path);
Result<ShardFile> parse_shard_text(const std::string& text, const std::string& path);

// Checks that `files` are the N shards of one run, each once, complete, of
// the same kind, inputs (by hash), parameters and case count, each holding
// exactly its own cases; returns the whole run as shard 0/1 with every case in
// index order (seconds: the tasks' summed time). The first problem is an
// InputError naming the file (or, for a shard no file holds, its number).
Result<ShardFile> merge_shards(const std::vector<ShardFile>& files);

}  // namespace vigil
