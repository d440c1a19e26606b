// What every search runs its workers with: the shared clock and stop signal,
// the per-thread seed, a progress reporter that passes on only improvements,
// and running one worker inline or several on threads.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
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
