// `vigil merge SHARDS... --out REPORT`: checks that the shard files of a
// sharded run (vigil resilience --shard, vigil sweep --shard) are all there,
// whole and of the same inputs, and writes the report the run on one machine
// writes: the resilience report in words, or a sweep's table (and its plot
// with --svg). --jsonl also writes the merged cases as one shard file (0/1).
#include <fmt/format.h>

#include "app/commands.h"
#include "base/files.h"
#include "io/shard_file.h"
#include "report/resilience_report.h"
#include "report/sweep_report.h"

namespace vigil::app {

namespace {

// The resilience report of the merged cases; "" in `error` on a bad case.
std::string resilience_text(const ShardFile& merged, int listed, std::string& error) {
  ResilienceSummary s;
  const auto& p = merged.header.parameters;
  s.scenario = merged.header.inputs.value("scenario", nlohmann::json::object()).value("file", "");
  s.pairs = p.value("pairs", false);
  s.work_per_case = p.value("work", std::int64_t{0});
  s.seed = p.value("seed", std::uint64_t{1});
  for (const ShardCase& c : merged.cases) {
    auto row = loss_row_from_json(c.result, fmt::format("case {}", c.index));
    if (!row) {
      error = row.error().headline();
      return "";
    }
    s.rows.push_back(*row);
  }
  return resilience_report_text(s, listed);
}

}  // namespace

Handler setup_merge(CLI::App& sub) {
  struct Args {
    std::vector<std::string> files;
    std::string out, jsonl, svg;
    int listed = 20;
  };
  auto args = std::make_shared<Args>();
  sub.add_option("shards", args->files, "The shard files (.jsonl), every one of the run, in any order")->required();
  sub.add_option("--out", args->out, "The report (written atomically; without it, printed)");
  sub.add_option("--jsonl", args->jsonl, "Also write the merged cases as one shard file (0/1)");
  sub.add_option("--svg", args->svg, "A sweep: also write the plot of feasibility and cost against each varied parameter");
  sub.add_option("--list", args->listed, "Resilience: how many weak points to list")
      ->check(CLI::Range(0, 1000000))
      ->capture_default_str();
  return [args]() -> int {
    std::vector<ShardFile> files;
    for (const std::string& path : args->files) {
      auto f = read_shard_file(path);
      if (!f) {
        fmt::print(stderr, "vigil merge: {}\n", f.error().format());
        return kExitInputError;
      }
      files.push_back(std::move(*f));
    }
    auto merged = merge_shards(files);
    if (!merged) {
      fmt::print(stderr, "vigil merge: {}\n", merged.error().headline());
      return kExitInputError;
    }
    std::string error, report, svg;
    if (merged->header.kind == "resilience") {
      report = resilience_text(*merged, args->listed, error);
      if (error.empty() && !args->svg.empty()) error = "--svg: a resilience run has no plot (only a sweep has)";
    } else if (merged->header.kind == "sweep") {
      auto table = sweep_table_from_shards(*merged);
      if (!table) error = table.error().headline();
      else {
        report = sweep_report_text(*table);
        svg = sweep_plot_svg(*table);
      }
    } else {
      error = fmt::format("{}: unknown kind of run '{}'", files[0].path, merged->header.kind);
    }
    if (!error.empty()) {
      fmt::print(stderr, "vigil merge: {}\n", error);
      return kExitInputError;
    }
    for (const auto& [path, text] : {std::pair{args->out, report}, std::pair{args->jsonl, shard_text(merged->header, merged->cases, -1)},
                                     std::pair{args->svg, svg}}) {
      if (path.empty()) continue;
      if (std::string e = write_file(path, text); !e.empty()) {
        fmt::print(stderr, "vigil merge: {}\n", e);
        return kExitInputError;
      }
    }
    if (args->out.empty()) fmt::print("{}", report);
    fmt::print(stderr, "vigil merge: {} shard{}, {} cases, {:.1f} s of tasks\n", files.size(), files.size() == 1 ? "" : "s",
               merged->cases.size(), merged->seconds);
    return kExitOk;
  };
}

}  // namespace vigil::app
