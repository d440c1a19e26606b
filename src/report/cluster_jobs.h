// The submission files of a sharded run (issue 16): a Slurm sbatch script of
// a job array and a Kubernetes Indexed Job manifest. Both run the same task
// command, each task with its own --shard I/N and --out shard file, so the
// shard files are the same whichever scheduler ran them. Text only: the
// commands (src/app/cluster_commands.cc) measure the time and memory.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace vigil {

struct ClusterJob {
  std::string name = "vigil-sweep";  // job name (Kubernetes: a DNS label)
  int tasks = 1;                     // N: the array's size, the Job's completions
  std::string program;               // the vigil binary (absolute path on the cluster, or in the image)
  std::vector<std::string> command;  // the task command after the program, without --shard and --out
  std::string workdir;               // where the task runs (Slurm --chdir; the volume's mount in a pod)
  std::string out_dir = "shards";    // shard files: OUT_DIR/shard-I.jsonl, relative to workdir
  double seconds_per_task = 60;      // estimated, margin included
  std::int64_t memory_mib = 256;     // per task, margin included
  // Slurm only.
  int max_running = 0;  // the array's %limit: at most so many tasks at once (0: no limit)
  std::string partition;
  // Kubernetes only.
  std::string image = "vigil:latest";
  std::string claim = "vigil-data";  // the PersistentVolumeClaim holding the inputs and shard files
  int parallelism = 0;               // 0: as many as tasks
  int retries_per_task = 3;
};

// A word for a POSIX shell: as is when safe, else in single quotes.
std::string shell_quote(const std::string& word);

// "HH:MM:SS" of at least one minute (Slurm's --time), or "D-HH:MM:SS" past a day.
std::string slurm_time(double seconds);

// The task's shard file, with `index` the shell expression of the task index.
std::string shard_path(const ClusterJob& job, const std::string& index);

// The sbatch script: #SBATCH --array=0-(N-1)[%max], --time, --mem,
// --requeue, --chdir; one `exec` of the task command with its shard.
std::string sbatch_script(const ClusterJob& job);

// The Job manifest (batch/v1, completionMode Indexed), YAML.
std::string indexed_job_manifest(const ClusterJob& job);

}  // namespace vigil
