// Whole-file reads, atomic whole-file writes and whole-folder replacement.
#include "base/files.h"

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>
#include <vector>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace vigil {

std::optional<std::string> read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

namespace {

thread_local int g_staged_writes = 0;  // StagedWrites alive on this thread

// Writes all of `text` to `fd`; false on any failed or short write.
bool write_all(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

// Whether a process of this id runs (EPERM: it does, as another user).
bool process_runs(pid_t pid) { return ::kill(pid, 0) == 0 || errno == EPERM; }

// The pid of a name "<prefix><pid>", or 0 when the name is not one.
pid_t pid_after(const std::string& name, const std::string& prefix) {
  if (name.size() <= prefix.size() || name.size() > prefix.size() + 9 || name.compare(0, prefix.size(), prefix) != 0)
    return 0;
  pid_t pid = 0;
  for (std::size_t i = prefix.size(); i < name.size(); ++i) {
    if (name[i] < '0' || name[i] > '9') return 0;
    pid = pid * 10 + (name[i] - '0');
  }
  return pid;
}

// The entries beside `target` (in its parent folder) named
// "<target's name><mark><pid>" whose process no longer runs: what a killed
// run left. A running process's are its own, left alone.
std::vector<std::filesystem::path> left_by_the_dead(const std::filesystem::path& target, const std::string& mark) {
  namespace fs = std::filesystem;
  const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
  const std::string prefix = target.filename().string() + mark;
  std::vector<fs::path> out;
  std::error_code ec;
  for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
    const pid_t pid = pid_after(it->path().filename().string(), prefix);
    if (pid > 0 && pid != ::getpid() && !process_runs(pid)) out.push_back(it->path());
  }
  return out;
}

}  // namespace

std::string write_file(const std::string& path, const std::string& text) {
  // A device or pipe (/dev/stdout, /dev/full) is written in place: renaming
  // a file over it would replace the device itself.
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) return fmt::format("{}: cannot open it for writing", path);
    const bool ok = write_all(fd, text);
    if (::close(fd) != 0 || !ok) return fmt::format("{}: write failed", path);
    return {};
  }
  // The temporary name is unique per process, so two writers of one file
  // never share it; the rename is atomic within the folder. A file written
  // alone (not into a staged folder, which goes whole) also clears what a
  // writer of it killed mid-write left.
  if (g_staged_writes == 0)
    for (const std::filesystem::path& left : left_by_the_dead(path, ".tmp-")) std::remove(left.c_str());
  const std::string temp = fmt::format("{}.tmp-{}", path, ::getpid());
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return fmt::format("{}: cannot open the file for writing", path);
  if (!write_all(fd, text)) {
    ::close(fd);
    std::remove(temp.c_str());
    return fmt::format("{}: write failed", path);
  }
  if ((g_staged_writes == 0 && ::fsync(fd) != 0) || ::close(fd) != 0) {
    std::remove(temp.c_str());
    return fmt::format("{}: write failed", path);
  }
  std::error_code ec;
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::remove(temp.c_str());
    return fmt::format("{}: cannot replace the file ({})", path, ec.message());
  }
  return {};
}

namespace {

// The folder's path without a trailing separator ("plan/" -> "plan").
std::filesystem::path folder_path(const std::string& folder) {
  std::filesystem::path p = std::filesystem::path(folder).lexically_normal();
  if (!p.has_filename()) p = p.parent_path();
  return p;
}

}  // namespace

std::string make_staging_folder(const std::string& folder, std::string* error) {
  namespace fs = std::filesystem;
  const fs::path target = folder_path(folder);
  if (target.empty() || target.filename() == "." || target.filename() == "..") {
    *error = fmt::format("{}: expected a folder name, got the current or parent folder", folder);
    return {};
  }
  std::error_code ec;
  // What killed runs left beside the folder: a staging folder (a plan never
  // swapped in, or the old one half removed after the swap) goes; an old
  // folder moved aside (the fallback below) goes too, unless the kill came
  // before the new one took its place: then it is the plan, and comes back.
  for (const fs::path& left : left_by_the_dead(target, ".old-")) {
    if (!fs::exists(target, ec)) fs::rename(left, target, ec);
    else fs::remove_all(left, ec);
  }
  for (const fs::path& left : left_by_the_dead(target, ".new-")) fs::remove_all(left, ec);
  fs::path staged = target;
  staged += fmt::format(".new-{}", ::getpid());
  fs::remove_all(staged, ec);
  if (!ec) fs::create_directories(staged, ec);
  if (ec) {
    *error = fmt::format("{}: cannot create the folder: {}", staged.string(), ec.message());
    return {};
  }
  return staged.string();
}

std::string check_replaceable_folder(const std::string& folder, const std::string& marker) {
  namespace fs = std::filesystem;
  const fs::path target = folder_path(folder);
  std::error_code ec;
  if (!fs::exists(target, ec)) return {};
  if (!fs::is_directory(target, ec)) return fmt::format("{}: expected a folder, got a file", folder);
  if (fs::is_empty(target, ec) || fs::exists(target / marker, ec)) return {};
  return fmt::format("{}: expected a new or empty folder, or one vigil wrote (with {}), got a folder of other files; "
                     "vigil replaces the whole folder, so give another one",
                     folder, marker);
}

StagedWrites::StagedWrites() { ++g_staged_writes; }
StagedWrites::~StagedWrites() { --g_staged_writes; }

std::string replace_folder(const std::string& staged, const std::string& folder) {
  namespace fs = std::filesystem;
  // The staged files reach the disk before the swap makes them the folder.
  if (const int dir = ::open(staged.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
    const bool synced = ::syncfs(dir) == 0;
    ::close(dir);
    if (!synced) return fmt::format("{}: cannot flush the new files to disk", folder);
  }
  const fs::path target = folder_path(folder);
  std::error_code ec;
  if (!fs::exists(target, ec)) {
    fs::rename(staged, target, ec);
    if (ec) return fmt::format("{}: cannot put the new folder in place ({})", folder, ec.message());
    return {};
  }
  if (::renameat2(AT_FDCWD, staged.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) {
    fs::remove_all(staged, ec);  // now the old folder
    return {};
  }
  if (errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP)
    return fmt::format("{}: cannot put the new folder in place ({})", folder, std::generic_category().message(errno));
  fs::path old = target;
  old += fmt::format(".old-{}", ::getpid());
  fs::remove_all(old, ec);
  fs::rename(target, old, ec);
  if (ec) return fmt::format("{}: cannot move the old folder away ({})", folder, ec.message());
  fs::rename(staged, target, ec);
  if (ec) {
    std::error_code back;
    fs::rename(old, target, back);
    return fmt::format("{}: cannot put the new folder in place ({})", folder, ec.message());
  }
  fs::remove_all(old, ec);
  return {};
}

}  // namespace vigil
