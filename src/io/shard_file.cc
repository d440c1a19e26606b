// Shard files: writing, reading and merging (see shard_file.h).
#include "io/shard_file.h"

#include <cmath>

#include <fmt/format.h>

#include "base/files.h"
#include "io/json_text.h"

namespace vigil {

using nlohmann::json;

std::string shard_text(const ShardHeader& header, const std::vector<ShardCase>& cases, double seconds) {
  std::string out;
  json first = {{"vigil", "shard"}, {"version", 1},         {"kind", header.kind},
                {"shard", header.shard.text()}, {"total", header.total}, {"inputs", header.inputs},
                {"parameters", header.parameters}};
  out += first.dump() + "\n";
  for (const ShardCase& c : cases) out += json{{"case", c.index}, {"result", c.result}}.dump() + "\n";
  json end = {{"end", true}, {"cases", cases.size()}};
  if (seconds >= 0) end["seconds"] = std::round(seconds * 1000) / 1000;
  out += end.dump() + "\n";
  return out;
}

namespace {

InputError line_error(const std::string& path, int line, const std::string& message) {
  return InputError{path, line, 0, message, ""};
}

// The header line's fields, or the first one missing or of the wrong type.
Result<ShardHeader> read_header(const json& j, const std::string& path) {
  if (!j.is_object() || j.value("vigil", "") != "shard")
    return line_error(path, 1, "expected a shard file of vigil (first line {\"vigil\":\"shard\",...})");
  if (j.value("version", 0) != 1) return line_error(path, 1, "expected shard file version 1");
  ShardHeader h;
  std::string error;
  if (!j.contains("kind") || !j["kind"].is_string()) return line_error(path, 1, "expected \"kind\": a string");
  h.kind = j["kind"].get<std::string>();
  if (!j.contains("shard") || !j["shard"].is_string() || !parse_shard(j["shard"].get<std::string>(), h.shard, error))
    return line_error(path, 1, "\"shard\": " + (error.empty() ? std::string("expected \"I/N\"") : error));
  if (!j.contains("total") || !j["total"].is_number_unsigned())
    return line_error(path, 1, "expected \"total\": a whole number of cases");
  h.total = j["total"].get<std::size_t>();
  if (!j.contains("inputs") || !j["inputs"].is_object()) return line_error(path, 1, "expected \"inputs\": an object");
  h.inputs = j["inputs"];
  if (!j.contains("parameters") || !j["parameters"].is_object())
    return line_error(path, 1, "expected \"parameters\": an object");
  h.parameters = j["parameters"];
  return h;
}

// The inputs' hashes alone: the same files under other paths are the same inputs.
json input_hashes(const json& inputs) {
  json out = json::object();
  for (auto it = inputs.begin(); it != inputs.end(); ++it)
    out[it.key()] = it.value().is_object() ? it.value().value("sha256", "") : it.value().dump();
  return out;
}

}  // namespace

Result<ShardFile> parse_shard_text(const std::string& text, const std::string& path) {
  ShardFile file;
  file.path = path;
  std::size_t at = 0;
  int line = 0;
  bool have_header = false;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();  // a last line without its newline: cut short, unless whole JSON
    const std::string row = text.substr(at, end - at);
    at = end + 1;
    ++line;
    if (file.complete) return line_error(path, line, "expected nothing after the end line");
    auto parsed = parse_json_text(row, path);
    if (!parsed) {
      // A last line cut mid-way is what a killed writer leaves: say so.
      if (at >= text.size()) return line_error(path, line, "incomplete shard: its last line is cut short (a task killed while writing?)");
      InputError e = parsed.error();
      e.line = line;
      return e;
    }
    const json& j = *parsed;
    if (!have_header) {
      auto h = read_header(j, path);
      if (!h) return h.error();
      file.header = *h;
      have_header = true;
    } else if (j.is_object() && j.contains("case")) {
      if (!j["case"].is_number_unsigned() || !j.contains("result"))
        return line_error(path, line, "expected {\"case\": index, \"result\": {...}}");
      file.cases.push_back({j["case"].get<std::size_t>(), j["result"]});
    } else if (j.is_object() && j.value("end", false)) {
      if (!j.contains("cases") || !j["cases"].is_number_unsigned() || j["cases"].get<std::size_t>() != file.cases.size())
        return line_error(path, line, fmt::format("the end line counts {} cases, the file holds {}",
                                                  j.value("cases", json()).dump(), file.cases.size()));
      file.seconds = j.contains("seconds") && j["seconds"].is_number() ? j["seconds"].get<double>() : 0;
      file.complete = true;
    } else {
      return line_error(path, line, "expected a case line {\"case\":...} or the end line {\"end\":true,...}");
    }
  }
  if (!have_header) return line_error(path, 0, "empty file: expected a shard file of vigil");
  return file;
}

Result<ShardFile> read_shard_file(const std::string& path) {
  auto text = read_text_file(path);
  if (!text) return InputError{path, 0, 0, "cannot open the shard file (missing shard?)", ""};
  return parse_shard_text(*text, path);
}

Result<ShardFile> merge_shards(const std::vector<ShardFile>& files) {
  if (files.empty()) return InputError{"the shard files given", 0, 0, "expected at least one shard file", ""};
  const ShardFile& first = files[0];
  const int count = first.header.shard.count;
  std::vector<const ShardFile*> by_index(static_cast<std::size_t>(count), nullptr);
  for (const ShardFile& f : files) {
    const ShardHeader& h = f.header;
    auto refuse = [&](const std::string& what) { return InputError{f.path, 0, 0, what, ""}; };
    if (h.kind != first.header.kind)
      return refuse(fmt::format("a {} shard, but {} is a {} shard", h.kind, first.path, first.header.kind));
    if (input_hashes(h.inputs) != input_hashes(first.header.inputs))
      return refuse(fmt::format("shard of other inputs than {}: {} against {}", first.path,
                                input_hashes(h.inputs).dump(), input_hashes(first.header.inputs).dump()));
    if (h.parameters != first.header.parameters)
      return refuse(fmt::format("shard of other parameters than {}: {} against {}", first.path, h.parameters.dump(),
                                first.header.parameters.dump()));
    if (h.shard.count != count)
      return refuse(fmt::format("shard {} of a run split {} ways, but {} is of one split {} ways", h.shard.text(),
                                h.shard.count, first.path, count));
    if (h.total != first.header.total)
      return refuse(fmt::format("counts {} cases in the run, {} counts {}", h.total, first.path, first.header.total));
    if (!f.complete)
      return refuse(fmt::format("incomplete shard {}: {} of its {} cases and no end line (a task cut short? run it again)",
                                h.shard.text(), f.cases.size(), h.shard.size_of(h.total)));
    const ShardFile*& slot = by_index[static_cast<std::size_t>(h.shard.index)];
    if (slot) return refuse(fmt::format("shard {} given twice (also {})", h.shard.text(), slot->path));
    slot = &f;
    if (f.cases.size() != h.shard.size_of(h.total))
      return refuse(fmt::format("shard {} holds {} cases, expected {}", h.shard.text(), f.cases.size(), h.shard.size_of(h.total)));
    std::size_t expect = static_cast<std::size_t>(h.shard.index);
    for (const ShardCase& c : f.cases) {
      if (c.index != expect)
        return refuse(fmt::format("shard {}: case {} where case {} was expected", h.shard.text(), c.index, expect));
      expect += static_cast<std::size_t>(count);
    }
  }
  std::string missing;
  int missing_count = 0;
  for (int i = 0; i < count; ++i)
    if (!by_index[static_cast<std::size_t>(i)]) {
      if (++missing_count <= 10) missing += (missing.empty() ? "" : ", ") + fmt::format("{}/{}", i, count);
    }
  if (missing_count > 0)
    return InputError{"the shard files given", 0, 0,
                      fmt::format("missing shard{} {}{} (no file given holds {}; {} of {} given)", missing_count == 1 ? "" : "s",
                                  missing, missing_count > 10 ? fmt::format(" and {} more", missing_count - 10) : "",
                                  missing_count == 1 ? "it" : "them", files.size(), count),
                      ""};
  ShardFile merged;
  merged.path = "merged";
  merged.header = first.header;
  merged.header.shard = Shard{};
  merged.complete = true;
  merged.cases.resize(first.header.total);
  for (const ShardFile* f : by_index) {
    merged.seconds += f->seconds;
    for (const ShardCase& c : f->cases) merged.cases[c.index] = c;
  }
  return merged;
}

}  // namespace vigil
