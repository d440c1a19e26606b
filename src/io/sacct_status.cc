// sacct's output read into task states (see sacct_status.h).
#include "io/sacct_status.h"

#include <charconv>

#include <fmt/format.h>

#include "base/shard.h"
#include "base/text.h"

namespace vigil {

const char* task_state_name(TaskState s) {
  switch (s) {
    case TaskState::kPending: return "pending";
    case TaskState::kRunning: return "running";
    case TaskState::kDone: return "done";
    case TaskState::kFailed: return "failed";
  }
  return "?";
}

namespace {

TaskState state_of(const std::string& slurm) {
  const std::string word = slurm.substr(0, slurm.find(' '));  // "CANCELLED by 0"
  if (word == "COMPLETED") return TaskState::kDone;
  if (word == "RUNNING" || word == "COMPLETING" || word == "CONFIGURING" || word == "STAGE_OUT" || word == "SUSPENDED")
    return TaskState::kRunning;
  if (word == "PENDING" || word == "REQUEUED" || word == "REQUEUE_HOLD" || word == "REQUEUE_FED" || word == "RESIZING")
    return TaskState::kPending;
  return TaskState::kFailed;  // FAILED, TIMEOUT, CANCELLED, OUT_OF_MEMORY, NODE_FAIL, PREEMPTED, BOOT_FAIL, DEADLINE
}

bool to_int(const std::string& s, int& v) {
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  return r.ec == std::errc() && r.ptr == s.data() + s.size() && v >= 0;
}

// The task indices of "123_4" or "123_[4-7,9%2]"; false when not of a task.
bool task_indices(const std::string& id, std::vector<int>& out) {
  const std::size_t underscore = id.find('_');
  if (underscore == std::string::npos) return false;
  std::string rest = id.substr(underscore + 1);
  if (rest.empty()) return false;
  if (rest.front() != '[') {
    int v = 0;
    if (!to_int(rest, v)) return false;
    out.push_back(v);
    return true;
  }
  if (rest.back() != ']') return false;
  rest = rest.substr(1, rest.size() - 2);
  std::string error;
  const auto list = parse_number_list(rest.substr(0, rest.find('%')), error);
  if (!list) return false;
  for (std::uint64_t v : *list) {
    if (v > static_cast<std::uint64_t>(kMaxShards)) return false;
    out.push_back(static_cast<int>(v));
  }
  return true;
}

}  // namespace

Result<std::map<int, TaskStatus>> parse_sacct(const std::string& text, const std::string& source) {
  std::map<int, TaskStatus> out;
  int line_number = 0;
  for (const std::string& line : split_lines(text)) {
    ++line_number;
    if (line.empty()) continue;
    const std::vector<std::string> f = [&] {
      std::vector<std::string> v;
      std::size_t at = 0;
      for (std::size_t bar; (bar = line.find('|', at)) != std::string::npos; at = bar + 1) v.push_back(line.substr(at, bar - at));
      v.push_back(line.substr(at));
      return v;
    }();
    if (f.size() < 2)
      return InputError{source, line_number, 0,
                        "expected JobID|State|ExitCode (sacct --parsable2 --format=JobID,State,ExitCode), got '" + line + "'", line};
    if (f[0] == "JobID" || f[0].find('.') != std::string::npos) continue;  // a header, a job step
    std::vector<int> indices;
    if (!task_indices(f[0], indices)) continue;  // a job that is not an array, or the array's own line
    for (int i : indices) out[i] = TaskStatus{state_of(f[1]), f[1], f.size() > 2 ? f[2] : ""};
  }
  return out;
}

std::string sacct_summary(const std::map<int, TaskStatus>& status, int tasks) {
  int count[4] = {0, 0, 0, 0};
  std::string failed;
  for (const auto& [index, s] : status) {
    ++count[static_cast<int>(s.state)];
    if (s.state == TaskState::kFailed) failed += fmt::format("{}task {}: {}{}", failed.empty() ? "" : "; ", index, s.slurm_state,
                                                             s.exit_code.empty() ? "" : " " + s.exit_code);
  }
  int unlisted = 0;
  for (int i = 0; i < tasks; ++i) unlisted += status.count(i) ? 0 : 1;
  count[static_cast<int>(TaskState::kPending)] += unlisted;
  const int total = std::max<int>(tasks, static_cast<int>(status.size()));
  std::string out = fmt::format("{} tasks: {} done, {} running, {} pending, {} failed", total, count[2], count[1], count[0], count[3]);
  if (!failed.empty()) out += " (" + failed + ")";
  if (unlisted > 0) out += fmt::format("; {} not listed by sacct yet (counted pending)", unlisted);
  return out;
}

}  // namespace vigil
