// Child processes for the tests that run the built `vigil` and kill it:
// started without a shell (so the pid is vigil's own), watched without being
// reaped (so a kill can never reach a pid the system gave to another
// process), then killed and reaped.
#pragma once

#include <algorithm>
#include <csignal>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace vigil::test {

// Starts the built vigil with `args` in the folder `dir`, with `env`
// ("NAME=value", replacing a variable of that name) added to this process's
// environment, its output (stdout and stderr) to the file `output`. Returns
// the child's pid, or -1.
inline pid_t start_vigil(const std::vector<std::string>& args, const std::string& dir,
                         const std::vector<std::string>& env = {}, const std::string& output = "/dev/null") {
  std::vector<std::string> words = {VIGIL_BINARY};
  words.insert(words.end(), args.begin(), args.end());
  const auto name_of = [](const std::string& var) { return var.substr(0, var.find('=') + 1); };
  std::vector<std::string> vars;
  for (char** e = environ; *e; ++e) {
    const std::string var = *e;
    if (std::none_of(env.begin(), env.end(), [&](const std::string& given) { return name_of(given) == name_of(var); }))
      vars.push_back(var);
  }
  vars.insert(vars.end(), env.begin(), env.end());
  // Built before the fork: the child only calls what is safe after one.
  std::vector<char*> argv, envp;
  for (std::string& w : words) argv.push_back(w.data());
  for (std::string& v : vars) envp.push_back(v.data());
  argv.push_back(nullptr);
  envp.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid == 0) {
    if (::chdir(dir.c_str()) != 0) ::_exit(127);
    const int fd = ::open(output.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd >= 0) {
      ::dup2(fd, STDOUT_FILENO);
      ::dup2(fd, STDERR_FILENO);
    }
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  return pid;
}

// Whether the child has ended. It is not reaped, so its pid stays its own
// until kill_and_reap or reap.
inline bool has_ended(pid_t pid) {
  siginfo_t info{};
  return ::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == pid;
}

// Waits for the child to end; its wait status.
inline int reap(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return status;
}

// Kills the child with SIGKILL (no effect when it has already ended) and
// reaps it; its wait status.
inline int kill_and_reap(pid_t pid) {
  ::kill(pid, SIGKILL);
  return reap(pid);
}

}  // namespace vigil::test
