// `vigil sweep SPEC.yaml [--shard I/N --out FILE.jsonl]`: every case of a
// sweep (io/sweep_spec.h) searched with the sweep's work budget; on one
// machine it prints the table (and writes the plot with --svg), as a task of
// a job array it writes its shard of the cases for vigil merge.
#include <fmt/format.h>

#include "app/commands.h"
#include "app/shard_support.h"
#include "base/files.h"
#include "io/sweep_spec.h"
#include "report/sweep_report.h"
#include "solve/sweep.h"

namespace vigil::app {

Handler setup_sweep(CLI::App& sub) {
  struct Args {
    std::string spec, svg;
    ShardFlags shard;
  };
  auto args = std::make_shared<Args>();
  sub.add_option("sweep", args->spec, "Sweep file (.yaml): base unit, parameters to vary, seeds, work")->required();
  add_shard_flags(sub, args->shard, "cases");
  sub.add_option("--svg", args->svg, "Without --out: also write the plot of feasibility and cost against each varied parameter");
  return [args]() -> int {
    if (args->shard.parsed.count > 1 && args->shard.out.empty()) {
      fmt::print(stderr, "--shard {}: a shard's cases go to a file for vigil merge: add --out FILE.jsonl\n", args->shard.shard);
      return kExitInputError;
    }
    auto spec = read_sweep_spec(args->spec);
    if (!spec) {
      fmt::print(stderr, "{}\n", spec.error().format());
      return kExitInputError;
    }
    std::optional<Problem> scenario;
    if (!spec->scenario.empty()) {
      scenario = load_instance(spec->scenario);
      if (!scenario) return kExitInputError;
      if (!scenario->is_unit()) {
        fmt::print(stderr, "{}: expected a scenario file (.yaml)\n", spec->scenario);
        return kExitInputError;
      }
    }
    const Problem* base = scenario ? &*scenario : nullptr;
    if (auto error = check_sweep_axes(*spec, base)) {
      fmt::print(stderr, "{}\n", error->format());
      return kExitInputError;
    }
    ShardHeader header;
    header.kind = "sweep";
    std::string error;
    header.inputs["sweep"] = input_entry(args->spec, error);
    if (error.empty() && base) header.inputs["scenario"] = input_entry(spec->scenario, error);
    if (!error.empty()) {
      fmt::print(stderr, "{}\n", error);
      return kExitInputError;
    }
    header.parameters = spec->parameters();
    header.shard = args->shard.parsed;
    const std::vector<SweepCase> cases = sweep_cases(*spec);
    header.total = cases.size();
    const double started = command_seconds();
    std::vector<ShardCase> done;
    std::optional<Problem> unit;  // the last case's unit: seeds are the fastest axis, so it serves each seed
    std::vector<std::int64_t> unit_values;
    for (std::size_t k = 0; k < cases.size(); ++k) {
      if (!header.shard.contains(k)) continue;
      if (!unit || unit_values != cases[k].values) {
        auto made = sweep_problem(*spec, base, cases[k]);
        if (!made) {
          fmt::print(stderr, "{}\n", made.error().format());
          return kExitInputError;
        }
        unit = std::move(*made);
        unit_values = cases[k].values;
      }
      const SweepOutcome o = run_sweep_case(*unit, *spec, cases[k]);
      done.push_back({k, sweep_row_json(SweepRow{cases[k].values, cases[k].seed, o.feasible, o.hard, o.cost})});
    }
    const double case_seconds = command_seconds() - started;
    if (!args->shard.out.empty()) return write_shard_output(args->shard.out, header, done, case_seconds);
    ShardFile whole{args->spec, header, done, true, case_seconds};
    auto table = sweep_table_from_shards(whole);
    if (!table) {
      fmt::print(stderr, "{}\n", table.error().headline());
      return kExitInputError;
    }
    fmt::print("{}", sweep_report_text(*table));
    if (!args->svg.empty())
      if (std::string e = write_file(args->svg, sweep_plot_svg(*table)); !e.empty()) {
        fmt::print(stderr, "{}\n", e);
        return kExitInputError;
      }
    fmt::print(stderr, "vigil sweep: {} cases in {:.1f} s\n", done.size(), case_seconds);
    return kExitOk;
  };
}

}  // namespace vigil::app
