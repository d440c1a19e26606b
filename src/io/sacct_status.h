// What each task of a Slurm job array is doing, from sacct's parsable output
// (`sacct -j JOB --array --noheader --parsable2 --format=JobID,State,ExitCode`):
// done, running, pending or failed, by task index. Lines of job steps
// (JOB_3.batch, JOB_3.0) are skipped; a task listed more than once (requeued,
// with --duplicates) counts by its last line; a pending range (JOB_[4-7%2])
// stands for each task in it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/input_error.h"

namespace vigil {

enum class TaskState { kPending, kRunning, kDone, kFailed };
const char* task_state_name(TaskState s);

struct TaskStatus {
  TaskState state = TaskState::kPending;
  std::string slurm_state;  // as sacct says: COMPLETED, TIMEOUT, CANCELLED by 0, ...
  std::string exit_code;    // "0:0"
};

// Task index -> status. An unreadable line is an error at source:line.
Result<std::map<int, TaskStatus>> parse_sacct(const std::string& text, const std::string& source);

// "8 tasks: 5 done, 1 running, 1 pending, 1 failed (task 3: TIMEOUT 0:0)"
// plus, when `tasks` > 0, the tasks sacct does not list yet (as pending).
std::string sacct_summary(const std::map<int, TaskStatus>& status, int tasks);

}  // namespace vigil
