// `vigil slurm` and `vigil k8s`: the submission files of a sharded run (an
// sbatch job-array script, an Indexed Job manifest), its time and memory per
// task from a short calibration run of the same task command on a small
// slice; `vigil sweep-status`: what each task of the array is doing (sacct).
#include <sys/resource.h>
#include <sys/wait.h>
#include <spawn.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>

#include <fmt/format.h>

#include "app/commands.h"
#include "base/files.h"
#include "base/shard.h"
#include "io/sacct_status.h"
#include "io/shard_file.h"
#include "report/cluster_jobs.h"

extern char** environ;

namespace vigil::app {

namespace {

struct JobArgs {
  std::vector<std::string> task;
  std::string out, program;
  int calibrate = 10;
  double task_seconds = 0;
  std::int64_t task_memory = 0;
  ClusterJob job;
};

// The calibration: shard 0 of N*K (1/K of a task's cases, the same mix, as the
// slices are strided) run as a child; its wall time and peak memory.
bool calibrate(JobArgs& a, std::string& error) {
  const long long split = std::min<long long>(static_cast<long long>(a.job.tasks) * a.calibrate, kMaxShards);
  const double factor = static_cast<double>(split) / a.job.tasks;
  const std::string out = (std::filesystem::temp_directory_path() / fmt::format("vigil-calibrate-{}.jsonl", getpid())).string();
  std::vector<std::string> words = {a.job.program};
  words.insert(words.end(), a.job.command.begin(), a.job.command.end());
  words.insert(words.end(), {"--shard", fmt::format("0/{}", split), "--out", out});
  std::vector<char*> argv;
  for (std::string& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  const double t0 = command_seconds();
  pid_t pid = 0;
  if (posix_spawn(&pid, a.job.program.c_str(), nullptr, nullptr, argv.data(), environ) != 0) {
    error = "cannot run " + a.job.program + " for the calibration";
    return false;
  }
  int status = 0;
  waitpid(pid, &status, 0);
  const double seconds = command_seconds() - t0;
  std::filesystem::remove(out);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    error = "the calibration run (the task command on shard 0/" + std::to_string(split) + ") failed: see its message above";
    return false;
  }
  rusage usage{};
  getrusage(RUSAGE_CHILDREN, &usage);
  const double peak_mib = static_cast<double>(usage.ru_maxrss) / 1024.0;
  // A task: K times the slice's time; then twice that and a minute for a
  // slower node and the start; memory half again and 64 MiB.
  const double task = seconds * factor;
  a.job.seconds_per_task = 2 * task + 60;
  a.job.memory_mib = static_cast<std::int64_t>(std::ceil(peak_mib * 1.5 + 64));
  fmt::print(stderr, "calibration: shard 0/{} ({} of a task) in {:.2f} s, peak {:.0f} MiB: a task about {:.0f} s; "
             "asking {} and {} MiB per task\n", split, factor == 1 ? std::string("all") : fmt::format("1/{:.0f}", factor),
             seconds, peak_mib, task, slurm_time(a.job.seconds_per_task), a.job.memory_mib);
  return true;
}

// Registers the options shared by slurm and k8s.
void add_job_flags(CLI::App& sub, JobArgs& a, const std::string& what) {
  sub.add_option("task", a.task,
                 "SWEEP.yaml, or the task command after --: resilience SCENARIO --roster PLAN --pairs ... (without --shard and --out)")
      ->required()
      ->expected(-1);
  sub.add_option("--tasks", a.job.tasks, "N: the number of tasks (shards)")->check(CLI::Range(1, kMaxShards))->required();
  sub.add_option("--out", a.out, "The " + what + " to write (atomically)")->required();
  sub.add_option("--name", a.job.name, "The job's name")->capture_default_str();
  sub.add_option("--out-dir", a.job.out_dir, "Folder of the shard files, relative to the working folder")->capture_default_str();
  sub.add_option("--program", a.job.program, "The vigil binary the tasks run (default: this one)");
  sub.add_option("--calibrate", a.calibrate, "Time 1/K of one task's cases to set the time and memory per task")
      ->check(CLI::Range(1, 10000))
      ->capture_default_str();
  sub.add_option("--task-seconds", a.task_seconds, "Seconds per task instead of a calibration (with --task-memory)")
      ->check(CLI::Range(1.0, 1e8));
  sub.add_option("--task-memory", a.task_memory, "MiB per task instead of a calibration")->check(CLI::Range(1, 10000000));
}

// The task command, the program and the sizes; false after printing why not.
bool settle_job(JobArgs& a) {
  a.job.command = a.task;
  if (a.task.size() == 1 && (a.task[0].ends_with(".yaml") || a.task[0].ends_with(".yml"))) a.job.command = {"sweep", a.task[0]};
  if (a.job.command[0] != "sweep" && a.job.command[0] != "resilience") {
    fmt::print(stderr, "task: expected SWEEP.yaml, or a command 'sweep ...' or 'resilience ...' after --, got '{}'\n", a.job.command[0]);
    return false;
  }
  for (const std::string& w : a.job.command)
    if (w == "--shard" || w == "--out" || w.starts_with("--shard=") || w.starts_with("--out=")) {
      fmt::print(stderr, "task: leave out {}: each task gets its own --shard and --out\n", w);
      return false;
    }
  if (a.job.program.empty()) a.job.program = std::filesystem::canonical("/proc/self/exe").string();
  a.job.workdir = std::filesystem::current_path().string();
  if (a.task_seconds > 0 || a.task_memory > 0) {
    if (a.task_seconds <= 0 || a.task_memory <= 0) {
      fmt::print(stderr, "--task-seconds and --task-memory go together (or neither: a calibration run sets them)\n");
      return false;
    }
    a.job.seconds_per_task = a.task_seconds;
    a.job.memory_mib = a.task_memory;
    return true;
  }
  std::string error;
  if (!calibrate(a, error)) {
    fmt::print(stderr, "{}\n", error);
    return false;
  }
  return true;
}

// Runs a shell command and collects what it prints; false when it fails.
bool run_command(const std::string& command, std::string& out) {
  FILE* p = popen(command.c_str(), "r");
  if (!p) return false;
  char buffer[4096];
  for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, p)) > 0;) out.append(buffer, n);
  return pclose(p) == 0;
}

int write_output(const std::string& path, const std::string& text, const std::string& next) {
  if (std::string e = write_file(path, text); !e.empty()) {
    fmt::print(stderr, "{}\n", e);
    return kExitInputError;
  }
  fmt::print("{}\n", next);
  return kExitOk;
}

}  // namespace

Handler setup_slurm(CLI::App& sub) {
  auto a = std::make_shared<JobArgs>();
  add_job_flags(sub, *a, "sbatch script");
  sub.add_option("--max-running", a->job.max_running, "At most so many tasks at once (the array's %limit)")->check(CLI::Range(0, kMaxShards));
  sub.add_option("--partition", a->job.partition, "Slurm partition");
  return [a]() -> int {
    if (!settle_job(*a)) return kExitInputError;
    // Slurm opens each task's --output file in the shard folder before the script runs.
    std::error_code ec;
    std::filesystem::create_directories(a->job.out_dir, ec);
    if (ec) {
      fmt::print(stderr, "--out-dir {}: cannot create it: {}\n", a->job.out_dir, ec.message());
      return kExitInputError;
    }
    return write_output(a->out, sbatch_script(a->job),
                        fmt::format("wrote {}: sbatch {}; then vigil sweep-status JOBID --tasks {} --shards {}; "
                                    "vigil merge {}/shard-*.jsonl --out report.txt",
                                    a->out, a->out, a->job.tasks, a->job.out_dir, a->job.out_dir));
  };
}

Handler setup_k8s(CLI::App& sub) {
  auto a = std::make_shared<JobArgs>();
  add_job_flags(sub, *a, "Job manifest (.yaml)");
  sub.add_option("--image", a->job.image, "Container image holding vigil")->capture_default_str();
  sub.add_option("--claim", a->job.claim, "PersistentVolumeClaim with the inputs and shard files, mounted at /data")
      ->capture_default_str();
  sub.add_option("--parallelism", a->job.parallelism, "Pods at once (0: every task)")->check(CLI::Range(0, kMaxShards));
  return [a]() -> int {
    const bool program_given = !a->job.program.empty();
    if (!settle_job(*a)) return kExitInputError;
    if (!program_given) a->job.program = "vigil";  // in the image's PATH; the calibration used this binary
    return write_output(a->out, indexed_job_manifest(a->job),
                        fmt::format("wrote {}: kubectl apply -f {}; then merge the shard files of {} on the volume", a->out,
                                    a->out, a->job.out_dir));
  };
}

Handler setup_sweep_status(CLI::App& sub) {
  struct Args {
    std::string job, sacct_file, shards;
    int tasks = 0;
  };
  auto a = std::make_shared<Args>();
  sub.add_option("job", a->job, "The array's job id (sacct -j JOB)");
  sub.add_option("--sacct-file", a->sacct_file,
                 "Read this output of sacct --array --noheader --parsable2 --format=JobID,State,ExitCode instead of running it");
  sub.add_option("--tasks", a->tasks, "N: the array's size (tasks sacct does not list yet count as pending)")
      ->check(CLI::Range(0, kMaxShards));
  sub.add_option("--shards", a->shards, "Also check the shard files in this folder (shard-I.jsonl): whole or not");
  return [a]() -> int {
    std::string text, source = a->sacct_file;
    bool from_squeue = false;
    if (!a->sacct_file.empty()) {
      auto t = read_text_file(a->sacct_file);
      if (!t) {
        fmt::print(stderr, "{}: cannot read it\n", a->sacct_file);
        return kExitInputError;
      }
      text = *t;
    } else {
      if (a->job.empty() || a->job.find_first_not_of("0123456789") != std::string::npos) {
        fmt::print(stderr, "expected a job id (digits) or --sacct-file FILE\n");
        return kExitInputError;
      }
      // sacct needs Slurm's accounting database; without one, squeue lists
      // the tasks still queued or running in the same form.
      source = "sacct -j " + a->job;
      if (!run_command(source + " --array --noheader --parsable2 --format=JobID,State,ExitCode 2>/dev/null", text)) {
        from_squeue = true;
        source = "squeue -j " + a->job;
        // A job gone from the controller's memory is refused by squeue: then nothing is queued.
        text.clear();
        if (!run_command(source + " --array --noheader --format='%i|%T|%r' 2>/dev/null", text)) text.clear();
      }
    }
    auto status = parse_sacct(text, source);
    if (!status) {
      fmt::print(stderr, "{}\n", status.error().format());
      return kExitInputError;
    }
    // What squeue no longer lists has ended: done when its shard file is whole.
    std::vector<char> whole(static_cast<std::size_t>(a->tasks), 0);
    if (!a->shards.empty())
      for (int i = 0; i < a->tasks; ++i) {
        auto f = read_shard_file(a->shards + "/shard-" + std::to_string(i) + ".jsonl");
        whole[static_cast<std::size_t>(i)] = f && f->complete;
      }
    if (from_squeue)
      for (int i = 0; i < a->tasks; ++i)
        if (!status->count(i))
          (*status)[i] = whole[static_cast<std::size_t>(i)] ? TaskStatus{TaskState::kDone, "ended", ""}
                                                            : TaskStatus{TaskState::kFailed, "ended without a whole shard file", ""};
    fmt::print("{}{}\n", sacct_summary(*status, a->tasks), from_squeue ? " (from squeue: no accounting database)" : "");
    bool all_done = a->tasks == 0 || static_cast<int>(status->size()) >= a->tasks;
    for (const auto& [index, s] : *status) all_done = all_done && s.state == TaskState::kDone;
    if (!a->shards.empty()) {
      int count = 0;
      std::string missing;
      for (int i = 0; i < a->tasks; ++i) {
        if (whole[static_cast<std::size_t>(i)]) ++count;
        else missing += (missing.empty() ? "" : ", ") + std::to_string(i);
      }
      fmt::print("shard files: {} of {} whole{}\n", count, a->tasks, missing.empty() ? "" : " (not yet: " + missing + ")");
      all_done = all_done && count == a->tasks;
    }
    return all_done ? kExitOk : kExitInfeasible;
  };
}

}  // namespace vigil::app
