// Background jobs of the workspace server: planning the unit, a repair, a
// resilience check. One job runs at a time (the store holds one unit, and a
// second search would only halve the first one's speed on a small machine);
// each reports its progress (best score so far, hard rules left, elapsed),
// can be cancelled, and ends with a result message and, for a plan or a
// repair, the version it saved. Clients poll a job or wait for its next
// change (server-sent events are built on wait_for_change).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace vigil::server {

enum class JobState { kRunning, kDone, kFailed, kCancelled };
const char* job_state_name(JobState state);  // "running", "done", "failed", "cancelled"

struct JobSnapshot {
  std::int64_t id = 0;
  std::string kind;  // "plan", "repair", "resilience"
  std::string user;  // who started it
  JobState state = JobState::kRunning;
  std::uint64_t revision = 0;  // raised on every change
  double elapsed = 0;          // seconds
  bool has_best = false;       // a best plan so far is known
  std::int64_t best_hard = 0, best_soft = 0, moves = 0;
  std::string message;         // the result or the error, in words
  std::int64_t version = 0;    // the plan version saved, when there is one
  std::string result;          // a JSON document with the job's own result ("" for none)
};

// What a job's work function gets: the cancel flag to pass to the search and
// a way to report progress.
class JobContext {
 public:
  const std::atomic<bool>* cancel_flag() const { return &cancel_; }
  bool cancelled() const { return cancel_.load(); }
  void report(std::int64_t hard, std::int64_t soft, std::int64_t moves);

 private:
  friend class JobRunner;
  JobContext(class JobRunner& runner, std::int64_t id) : runner_(runner), id_(id) {}
  JobRunner& runner_;
  std::int64_t id_;
  std::atomic<bool> cancel_{false};
};

struct JobOutcome {
  bool ok = false;
  std::string message;
  std::int64_t version = 0;
  std::string result;  // JSON, see JobSnapshot::result
  // The score of what was saved, which replaces the last progress report.
  bool scored = false;
  std::int64_t hard = 0, soft = 0, moves = 0;
};

class JobRunner {
 public:
  using Work = std::function<JobOutcome(JobContext&)>;
  // Ids count up from `first_id`: a server started again over the same store
  // passes one past the last id it handed out, so a client holding the id of
  // a job from before the restart is told it is unknown, not shown another.
  explicit JobRunner(std::int64_t first_id = 1) : next_id_(first_id) {}
  ~JobRunner();
  JobRunner(const JobRunner&) = delete;
  JobRunner& operator=(const JobRunner&) = delete;

  // Starts `work` on its own thread; nullopt (and the running job's id in
  // `busy`) when a job is running or the runner is shutting down.
  std::optional<std::int64_t> start(const std::string& kind, const std::string& user, Work work,
                                    std::int64_t* busy = nullptr);
  std::optional<JobSnapshot> get(std::int64_t id) const;
  std::optional<JobSnapshot> running() const;
  // Asks a running job to stop; false when it is not running.
  bool cancel(std::int64_t id);
  // The job's state once its revision passes `seen` or `timeout_ms` passes
  // (then as it is); nullopt for an unknown job.
  std::optional<JobSnapshot> wait_for_change(std::int64_t id, std::uint64_t seen, int timeout_ms) const;
  // Cancels the running job, waits for it, and refuses new ones.
  void shutdown();

 private:
  friend class JobContext;
  void update(std::int64_t id, const std::function<void(JobSnapshot&)>& change);
  JobSnapshot snapshot_of(const JobSnapshot& job) const;  // with the elapsed time of a running job (mutex held)

  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::map<std::int64_t, JobSnapshot> jobs_;
  std::int64_t next_id_ = 1;
  std::int64_t running_ = 0;  // 0: none
  std::chrono::steady_clock::time_point started_;
  std::unique_ptr<JobContext> context_;
  std::thread thread_;
  bool closing_ = false;
};

}  // namespace vigil::server
