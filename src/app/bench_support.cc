// The forked runs and command-line echo of the benchmark commands (see
// bench_support.h).
#include "app/bench_support.h"

#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>

#include <fmt/format.h>

namespace vigil::app {
namespace {

bool write_all(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

// Runs in the child: do the job, send its result as JSON, exit without
// running the parent's atexit handlers or flushing its stdio buffers.
[[noreturn]] void child_main(int fd, const std::function<nlohmann::json()>& job) {
  nlohmann::json out;
  try {
    out = job();
  } catch (const std::exception& e) {
    out = {{"error", fmt::format("exception: {}", e.what())}};
  }
  const bool sent = write_all(fd, out.dump());
  ::close(fd);
  ::_exit(sent ? 0 : 3);
}

}  // namespace

ForkedRun run_forked(const std::function<nlohmann::json()>& job, double watchdog_seconds) {
  ForkedRun result;
  int fds[2];
  if (::pipe(fds) != 0) {
    result.error = fmt::format("pipe() failed: {}", std::strerror(errno));
    return result;
  }
  std::fflush(stdout);
  std::fflush(stderr);
  const pid_t pid = ::fork();
  if (pid < 0) {
    result.error = fmt::format("fork() failed: {}", std::strerror(errno));
    ::close(fds[0]);
    ::close(fds[1]);
    return result;
  }
  if (pid == 0) {
    ::close(fds[0]);
    child_main(fds[1], job);
  }
  ::close(fds[1]);

  // Read until the child closes its end, or the watchdog fires.
  std::string text;
  bool killed = false;
  const auto started = std::chrono::steady_clock::now();
  char buffer[4096];
  while (true) {
    int timeout_ms = -1;
    if (watchdog_seconds > 0) {
      const double left =
          watchdog_seconds - std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      if (left <= 0) {
        ::kill(pid, SIGKILL);
        killed = true;
        break;
      }
      timeout_ms = static_cast<int>(std::min(left * 1000.0, 1e9)) + 1;
    }
    pollfd pfd{fds[0], POLLIN, 0};
    const int ready = ::poll(&pfd, 1, timeout_ms);
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) break;
    if (ready == 0) continue;  // the watchdog check above decides
    const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    text.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fds[0]);

  int status = 0;
  rusage usage{};
  while (::wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
  }
  result.peak_mib = static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux

  if (killed) {
    result.error = fmt::format("killed after {:.0f} s without an answer", watchdog_seconds);
    return result;
  }
  if (WIFSIGNALED(status)) {
    result.error = fmt::format("the run died of signal {} ({})", WTERMSIG(status), strsignal(WTERMSIG(status)));
    return result;
  }
  try {
    result.reply = nlohmann::json::parse(text);
  } catch (const std::exception&) {
    result.error = fmt::format("the run exited with status {} and sent no readable result",
                               WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    return result;
  }
  if (result.reply.contains("error")) result.error = result.reply["error"].get<std::string>();
  return result;
}

std::string command_line() {
  std::ifstream in("/proc/self/cmdline", std::ios::binary);
  std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string out;
  std::size_t start = 0;
  while (start < all.size()) {
    std::size_t end = all.find('\0', start);
    if (end == std::string::npos) end = all.size();
    std::string arg = all.substr(start, end - start);
    if (!out.empty()) out += ' ';
    if (arg.empty() || arg.find_first_of(" \t'\"\\$`") != std::string::npos) {
      std::string quoted = "'";
      for (char c : arg) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
      arg = quoted + "'";
    }
    out += arg;
    start = end + 1;
  }
  return out;
}

}  // namespace vigil::app
