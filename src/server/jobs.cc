// Background jobs, one at a time (see jobs.h).
#include "server/jobs.h"

#include <chrono>
#include <exception>

namespace vigil::server {
namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

const char* job_state_name(JobState state) {
  switch (state) {
    case JobState::kRunning: return "running";
    case JobState::kDone: return "done";
    case JobState::kFailed: return "failed";
    case JobState::kCancelled: return "cancelled";
  }
  return "?";
}

void JobContext::report(std::int64_t hard, std::int64_t soft, std::int64_t moves) {
  runner_.update(id_, [&](JobSnapshot& s) {
    s.has_best = true;
    s.elapsed = seconds_since(runner_.started_);
    s.best_hard = hard;
    s.best_soft = soft;
    s.moves = moves;
  });
}

JobRunner::~JobRunner() { shutdown(); }

std::optional<std::int64_t> JobRunner::start(const std::string& kind, const std::string& user, Work work,
                                             std::int64_t* busy) {
  std::unique_lock lock(mutex_);
  if (running_ != 0 || closing_) {
    if (busy) *busy = running_;
    return std::nullopt;
  }
  if (thread_.joinable()) thread_.join();  // the last job's thread has finished its work
  const std::int64_t id = next_id_++;
  JobSnapshot snapshot;
  snapshot.id = id;
  snapshot.kind = kind;
  snapshot.user = user;
  jobs_[id] = snapshot;
  running_ = id;
  started_ = std::chrono::steady_clock::now();
  context_.reset(new JobContext(*this, id));
  JobContext* context = context_.get();
  thread_ = std::thread([this, id, context, work = std::move(work)]() {
    JobOutcome outcome;
    try {
      outcome = work(*context);
    } catch (const std::exception& e) {
      outcome = JobOutcome{};
      outcome.message = std::string("the job failed: ") + e.what();
    }
    std::lock_guard guard(mutex_);
    JobSnapshot& s = jobs_[id];
    s.state = context->cancelled() && outcome.version == 0 ? JobState::kCancelled
              : outcome.ok                                 ? JobState::kDone
                                                           : JobState::kFailed;
    s.message = outcome.message;
    s.version = outcome.version;
    s.result = outcome.result;
    if (outcome.scored) {
      s.has_best = true;
      s.best_hard = outcome.hard;
      s.best_soft = outcome.soft;
      s.moves = outcome.moves;
    }
    s.elapsed = seconds_since(started_);
    ++s.revision;
    running_ = 0;
    changed_.notify_all();
  });
  return id;
}

void JobRunner::update(std::int64_t id, const std::function<void(JobSnapshot&)>& change) {
  std::lock_guard lock(mutex_);
  auto it = jobs_.find(id);
  if (it == jobs_.end()) return;
  change(it->second);
  ++it->second.revision;
  changed_.notify_all();
}

JobSnapshot JobRunner::snapshot_of(const JobSnapshot& job) const {
  JobSnapshot s = job;
  if (s.state == JobState::kRunning) s.elapsed = seconds_since(started_);
  return s;
}

std::optional<JobSnapshot> JobRunner::get(std::int64_t id) const {
  std::lock_guard lock(mutex_);
  auto it = jobs_.find(id);
  if (it == jobs_.end()) return std::nullopt;
  return snapshot_of(it->second);
}

std::optional<JobSnapshot> JobRunner::running() const {
  std::lock_guard lock(mutex_);
  if (running_ == 0) return std::nullopt;
  return snapshot_of(jobs_.at(running_));
}

bool JobRunner::cancel(std::int64_t id) {
  std::lock_guard lock(mutex_);
  if (id != running_ || running_ == 0) return false;
  context_->cancel_ = true;
  return true;
}

std::optional<JobSnapshot> JobRunner::wait_for_change(std::int64_t id, std::uint64_t seen, int timeout_ms) const {
  std::unique_lock lock(mutex_);
  auto it = jobs_.find(id);
  if (it == jobs_.end()) return std::nullopt;
  changed_.wait_for(lock, std::chrono::milliseconds(timeout_ms), [&] {
    const JobSnapshot& s = jobs_.at(id);
    return s.revision > seen || s.state != JobState::kRunning || closing_;
  });
  return snapshot_of(jobs_.at(id));
}

void JobRunner::shutdown() {
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
    if (running_ != 0) context_->cancel_ = true;
    changed_.notify_all();
  }
  if (thread_.joinable()) thread_.join();
}

}  // namespace vigil::server
