// What every search runs its workers with: the shared clock and stop signal,
// the one rule for when a budget is spent and how much of it is used, the
// per-thread seed, a progress reporter that passes on only improvements,
// and running one worker inline or several on threads.
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "solve/solve_options.h"

namespace vigil {

// Thread-shared stop signal and clock, and the caller's cancel flag.
struct SearchControl {
  std::atomic<bool> stop{false};
  const std::atomic<bool>* cancel = nullptr;  // SolveOptions::cancel
  std::chrono::steady_clock::time_point start;
  double time_limit = 0;
  bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
  double elapsed() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
};

// Why a worker's budget is spent, or nullopt while it is not: a caller's
// cancel, the work limit (moves, when one is set: then the clock is not read,
// so a run is the same on any machine) or else the time limit. Both searches
// stop by this one rule.
inline std::optional<StopReason> budget_spent(const SearchControl& control, const SolveOptions& options,
                                              std::int64_t moves) {
  if (control.cancelled()) return StopReason::kInterrupted;
  if (options.work_limit > 0) {
    if (moves >= options.work_limit) return StopReason::kWorkLimit;
  } else if (control.elapsed() >= control.time_limit) {
    return StopReason::kTimeLimit;
  }
  return std::nullopt;
}

// How much of the budget is used, from 0 to 1, counted from a phase that
// began after `start_moves` moves and `start_seconds` seconds (the walk
// after a construction, say): by moves under a work limit, else by the clock.
inline double budget_used(const SearchControl& control, const SolveOptions& options, std::int64_t moves,
                          std::int64_t start_moves = 0, double start_seconds = 0) {
  const double used =
      options.work_limit > 0
          ? static_cast<double>(moves - start_moves) /
                static_cast<double>(std::max<std::int64_t>(1, options.work_limit - start_moves))
          : (control.elapsed() - start_seconds) / std::max(1e-9, control.time_limit - start_seconds);
  return std::clamp(used, 0.0, 1.0);
}

// Thread t's seed: far apart from every other thread's.
inline std::uint64_t worker_seed(std::uint64_t seed, int thread) {
  return seed + 0x9E3779B97F4A7C15ULL * static_cast<std::uint64_t>(thread);
}

// Passes a worker's progress on only when it beats every report so far.
class BestReporter {
 public:
  explicit BestReporter(const std::function<void(const Progress&)>& on_progress) : on_progress_(on_progress) {}
  void operator()(const Progress& p) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (have_ && !(p.best < best_)) return;
    have_ = true;
    best_ = p.best;
    if (on_progress_) on_progress_(p);
  }

 private:
  const std::function<void(const Progress&)>& on_progress_;
  std::mutex mutex_;
  bool have_ = false;
  Score best_;
};

// One worker runs on the calling thread; more run on their own threads.
template <class Worker>
void run_workers(std::vector<std::unique_ptr<Worker>>& workers) {
  if (workers.size() == 1) {
    workers[0]->run();
    return;
  }
  std::vector<std::thread> pool;
  for (auto& w : workers) pool.emplace_back([&w] { w->run(); });
  for (auto& th : pool) th.join();
}

}  // namespace vigil
