// Whole-file reads and writes, and whole-folder replacement. A write goes to
// a temporary file beside the target and is renamed over it once complete, so
// a reader (or a kill at any moment) sees either the old file or the new one,
// never a cut one. A folder of outputs is written the same way: into a fresh
// sibling folder, which then takes the old folder's place, so nothing of a
// former plan (a sheet of someone since removed, last time's calendars) stays.
#pragma once

#include <optional>
#include <string>

namespace vigil {

// The whole file as bytes, or nullopt when it cannot be opened.
std::optional<std::string> read_text_file(const std::string& path);

// Writes `text` to `path` atomically (temporary file "<path>.tmp-<pid>",
// flush, rename). Outside StagedWrites it also removes the temporary files
// of `path` that killed writers left (their process gone). Returns an error
// message naming the path, or "" on success.
std::string write_file(const std::string& path, const std::string& text);

// While one lives on this thread, write_file leaves the flush to disk to
// replace_folder, which flushes the staged folder's file system once before
// the swap: one flush for a plan's hundreds of files instead of one each
// (which made writing a battalion's plan take seconds on a busy disk).
class StagedWrites {
 public:
  StagedWrites();
  ~StagedWrites();
  StagedWrites(const StagedWrites&) = delete;
  StagedWrites& operator=(const StagedWrites&) = delete;
};

// A fresh, empty sibling folder to write the new contents of `folder` into:
// "<folder>.new-<pid>" beside it. What killed runs left beside `folder` (their
// process gone) is cleared first: their "<folder>.new-<pid>" go, and so do
// their "<folder>.old-<pid>", but for one that is put back as `folder` when
// `folder` is missing (a kill between the fallback's two renames). Returns
// its path, or "" with `error` set.
std::string make_staging_folder(const std::string& folder, std::string* error);

// "" when `folder` may be replaced wholesale: it does not exist, is empty, or
// holds `marker` (a file only the program that owns the folder writes, so a
// folder of the user's own files is never swept away). Else an error naming
// the folder.
std::string check_replaceable_folder(const std::string& folder, const std::string& marker);

// Puts the folder `staged` in the place of `folder` and removes the old one.
// Where the system can (Linux renameat2 RENAME_EXCHANGE), the two are swapped
// in one atomic step, after its files are flushed to disk (syncfs); otherwise
// the old folder is renamed away first. A kill
// at any moment leaves `folder` old or new and whole (in the fallback, for an
// instant, the old one whole under "<folder>.old-<pid>"). Returns an error
// message, or "" on success.
std::string replace_folder(const std::string& staged, const std::string& folder);

}  // namespace vigil
