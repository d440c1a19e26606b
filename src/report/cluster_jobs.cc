// sbatch scripts and Indexed Job manifests (see cluster_jobs.h).
#include "report/cluster_jobs.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

namespace vigil {

std::string shell_quote(const std::string& word) {
  const bool safe = !word.empty() && word.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                            "0123456789_-+=.,/:@%") == std::string::npos;
  if (safe) return word;
  std::string out(1, '\'');
  for (char c : word) {
    if (c == '\'') out.append("'\\''");
    else out.push_back(c);
  }
  out.push_back('\'');
  return out;
}

std::string slurm_time(double seconds) {
  const auto total = static_cast<long long>(std::max(60.0, std::ceil(seconds)));
  const long long days = total / 86400, h = total % 86400 / 3600, m = total % 3600 / 60, s = total % 60;
  if (days > 0) return fmt::format("{}-{:02}:{:02}:{:02}", days, h, m, s);
  return fmt::format("{:02}:{:02}:{:02}", h, m, s);
}

std::string shard_path(const ClusterJob& job, const std::string& index) {
  return job.out_dir + "/shard-" + index + ".jsonl";
}

namespace {
std::string task_words(const ClusterJob& job) {
  std::string out;
  for (const std::string& w : job.command) {
    out.push_back(' ');
    out.append(shell_quote(w));
  }
  return out;
}
}  // namespace

std::string sbatch_script(const ClusterJob& job) {
  std::string s = "#!/bin/bash\n";
  s += "# A job array of vigil: each task runs its shard of the cases (issue 16); when every task is done,\n";
  s += fmt::format("#   {} merge {}/shard-*.jsonl --out report.txt\n", shell_quote(job.program), shell_quote(job.out_dir));
  s += "# checks that every shard is there, whole and of the same inputs, and writes the report.\n";
  s += fmt::format("#SBATCH --job-name={}\n", job.name);
  s += fmt::format("#SBATCH --array=0-{}{}\n", job.tasks - 1, job.max_running > 0 ? fmt::format("%{}", job.max_running) : "");
  s += fmt::format("#SBATCH --time={}\n", slurm_time(job.seconds_per_task));
  s += fmt::format("#SBATCH --mem={}M\n", job.memory_mib);
  s += "#SBATCH --ntasks=1\n#SBATCH --cpus-per-task=1\n";
  s += "# A task cut short (preempted, node lost, killed) is run again; its shard file is written only when whole.\n";
  s += "#SBATCH --requeue\n";
  if (!job.partition.empty()) s += fmt::format("#SBATCH --partition={}\n", job.partition);
  s += fmt::format("#SBATCH --chdir={}\n", job.workdir);
  s += fmt::format("#SBATCH --output={}/slurm-%A_%a.out\n", job.out_dir);
  s += "set -euo pipefail\n";
  s += fmt::format("mkdir -p {}\n", shell_quote(job.out_dir));
  s += fmt::format("exec {}{} --shard \"${{SLURM_ARRAY_TASK_ID}}/{}\" --out {}\n", shell_quote(job.program), task_words(job),
                   job.tasks, shard_path(job, "\"${SLURM_ARRAY_TASK_ID}\""));
  return s;
}

std::string indexed_job_manifest(const ClusterJob& job) {
  YAML::Emitter y;
  y << YAML::BeginMap;
  y << YAML::Key << "apiVersion" << YAML::Value << "batch/v1";
  y << YAML::Key << "kind" << YAML::Value << "Job";
  y << YAML::Key << "metadata" << YAML::Value << YAML::BeginMap << YAML::Key << "name" << YAML::Value << job.name
    << YAML::EndMap;
  y << YAML::Key << "spec" << YAML::Value << YAML::BeginMap;
  y << YAML::Key << "completionMode" << YAML::Value << "Indexed";
  y << YAML::Key << "completions" << YAML::Value << job.tasks;
  y << YAML::Key << "parallelism" << YAML::Value << (job.parallelism > 0 ? job.parallelism : job.tasks);
  // Retries of a failed pod (a killed task runs again, as Slurm's --requeue).
  y << YAML::Key << "backoffLimit" << YAML::Value << job.tasks * job.retries_per_task;
  y << YAML::Key << "template" << YAML::Value << YAML::BeginMap;
  y << YAML::Key << "spec" << YAML::Value << YAML::BeginMap;
  y << YAML::Key << "restartPolicy" << YAML::Value << "Never";
  y << YAML::Key << "containers" << YAML::Value << YAML::BeginSeq << YAML::BeginMap;
  y << YAML::Key << "name" << YAML::Value << "task";
  y << YAML::Key << "image" << YAML::Value << job.image;
  y << YAML::Key << "workingDir" << YAML::Value << "/data";
  const std::string line = fmt::format("mkdir -p {} && exec {}{} --shard \"$JOB_COMPLETION_INDEX/{}\" --out {}",
                                       shell_quote(job.out_dir), shell_quote(job.program), task_words(job), job.tasks,
                                       shard_path(job, "\"$JOB_COMPLETION_INDEX\""));
  y << YAML::Key << "command" << YAML::Value << YAML::BeginSeq << "sh" << "-c" << YAML::DoubleQuoted << line << YAML::EndSeq;
  const std::string memory = fmt::format("{}Mi", job.memory_mib);
  y << YAML::Key << "resources" << YAML::Value << YAML::BeginMap;
  y << YAML::Key << "requests" << YAML::Value << YAML::BeginMap << YAML::Key << "cpu" << YAML::Value << YAML::DoubleQuoted << "1" << YAML::Key
    << "memory" << YAML::Value << memory << YAML::EndMap;
  y << YAML::Key << "limits" << YAML::Value << YAML::BeginMap << YAML::Key << "memory" << YAML::Value << memory
    << YAML::EndMap;
  y << YAML::EndMap;
  y << YAML::Key << "volumeMounts" << YAML::Value << YAML::BeginSeq << YAML::BeginMap << YAML::Key << "name" << YAML::Value
    << "data" << YAML::Key << "mountPath" << YAML::Value << "/data" << YAML::EndMap << YAML::EndSeq;
  y << YAML::EndMap << YAML::EndSeq;  // the container, the containers
  y << YAML::Key << "volumes" << YAML::Value << YAML::BeginSeq << YAML::BeginMap << YAML::Key << "name" << YAML::Value
    << "data" << YAML::Key << "persistentVolumeClaim" << YAML::Value << YAML::BeginMap << YAML::Key << "claimName"
    << YAML::Value << job.claim << YAML::EndMap << YAML::EndMap << YAML::EndSeq;
  y << YAML::EndMap << YAML::EndMap;  // template.spec, template
  y << YAML::Key << "activeDeadlineSeconds" << YAML::Value
    << static_cast<long long>(std::ceil(job.seconds_per_task * std::ceil(static_cast<double>(job.tasks) /
                                                                         (job.parallelism > 0 ? job.parallelism : job.tasks)) *
                                        (1 + job.retries_per_task)));
  y << YAML::EndMap << YAML::EndMap;  // spec, document
  return std::string(y.c_str()) + "\n";
}

}  // namespace vigil
