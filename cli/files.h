// File I/O for the CLI: reading inputs, loading pricing-data/, and writing
// outputs atomically (write aside, then rename) so no half-written file is
// ever left behind.
//
// Inputs are regular files only: a folder, FIFO, device or socket is refused
// with a message saying what it is, before anything is read (a FIFO without a
// writer would block, /dev/zero would never end). Each reader has a size limit
// (docs/errors.md#limits), checked before reading.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "pricing/price_catalog.h"
#include "scenarios/scenario.h"

namespace costproof::cli {

// Thrown when a file cannot be read or written; maps to its own exit code.
class FileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Size limits of the readers (docs/errors.md#limits).
inline constexpr std::uint64_t kMiB = 1024 * 1024;
inline constexpr std::uint64_t kInputFileLimit = 16 * kMiB;   // scenario, claims, episode, CSV profile, outline, web files
inline constexpr std::uint64_t kLargeFileLimit = 256 * kMiB;  // a price table, the companion's WebAssembly engine

// The whole file; FileError when it is missing, not a regular file or larger than `limit`.
std::string read_text_file(const std::filesystem::path& path, std::uint64_t limit = kInputFileLimit);

// Opens `path` for reading (O_RDONLY, never blocking on a FIFO) if it is a regular file and
// returns the descriptor; FileError "<path>: is a named pipe (FIFO), expected a regular file"
// otherwise. `hint` ends the "cannot open" message. The file counts as an input (see write_output_file).
int open_regular_file(const std::filesystem::path& path, const std::string& hint);

// A name costproof gives temporary files and folders (".costproof-...", or ".<name>.tmp-XXXXXX" of older versions).
bool is_costproof_temp(const std::string& name);

// "a directory", "a named pipe (FIFO)", "a character device", ... for a stat mode.
std::string file_kind_name(unsigned mode);

// Reads and parses one scenario file; files it names (an hourly CSV profile)
// are read relative to its folder. Throws FileError / InputError.
Scenario load_scenario_file(const std::filesystem::path& path);

// Loads every table under `root`/aws (one file per provider/region/service)
// and the shapes file. Checks that folder and file name agree with the
// table's region and service. Throws PricingDataError / FileError.
PriceCatalog load_pricing_data(const std::filesystem::path& root);
// The files load_pricing_data reads, sorted by path (also embedded in the companion page).
std::vector<PricingFile> read_pricing_files(const std::filesystem::path& root);

// The *.json files under `aws`, sorted; FileError for an entry whose
// type cannot be read (a symbolic link loop).
std::vector<std::filesystem::path> pricing_table_paths(const std::filesystem::path& aws);

// The scenario files of a folder: every *.json except episode.json and
// claims.json, in name order. A *.json that is not a regular file is listed,
// so that reading it says what it is.
std::vector<std::filesystem::path> scenario_files_in(const std::filesystem::path& folder);

// Expands arguments: a file stays, a directory becomes scenario_files_in(it).
std::vector<std::filesystem::path> expand_scenario_args(const std::vector<std::string>& args);

// A file written aside (complete and synced, under a short hidden name
// ".costproof-<pid>-XXXXXX.tmp" in the target's folder) and not yet renamed
// over its target. Destroying it uncommitted removes the temporary file.
class StagedFile {
 public:
  StagedFile(std::filesystem::path target, std::filesystem::path temp) : target_(std::move(target)), temp_(std::move(temp)) {}
  StagedFile(StagedFile&& other) noexcept : target_(std::move(other.target_)), temp_(std::move(other.temp_)) { other.temp_.clear(); }
  StagedFile& operator=(StagedFile&&) = delete;
  StagedFile(const StagedFile&) = delete;
  StagedFile& operator=(const StagedFile&) = delete;
  ~StagedFile();
  // Renames the file over its target and syncs the folder. Throws FileError.
  void commit();

 private:
  std::filesystem::path target_, temp_;
};

// Writes `text` aside for `path`. Refuses a target that exists and is not a regular
// file (a device node, FIFO or folder). Removes temporary files that killed runs left
// in that folder. Throws FileError.
StagedFile stage_file(const std::filesystem::path& path, const std::string& text);

// Writes `text` to `path` via a temporary file in the same directory and a rename.
void write_file_atomically(const std::filesystem::path& path, const std::string& text);

// Refuses an --out name that is empty, is a file this process read as an input, or
// would be read as an input by the next run (a *.json in a scenario folder or under
// the price tables read by this process). Throws CommandLineError.
void check_output_target(const std::string& out);
// check_output_target, then stage_file / write_file_atomically.
StagedFile stage_output_file(const std::string& out, const std::string& text);
void write_output_file(const std::string& out, const std::string& text);

// Replaces the folder `target` by a complete new version in one step. `build` fills the
// staging folder it is given (a hidden sibling of `target`); then the two are swapped
// (renameat2 RENAME_EXCHANGE; where the file system lacks it, two renames that
// recover_folder_swap() completes after a crash) and the old version is removed.
// After a crash at any point `target` is either all old or all new.
void replace_folder(const std::filesystem::path& target,
                    const std::function<void(const std::filesystem::path& staging)>& build);
// Finishes or undoes a replace_folder() that a crash interrupted and removes its leftovers.
void recover_folder_swap(const std::filesystem::path& target);

// Writes `text` to a new file `path` (must not exist) and syncs it. For building a staging folder.
void write_new_file(const std::filesystem::path& path, const std::string& text);
// Creates `dir` (and its parents) in a staging folder.
void make_folders(const std::filesystem::path& dir);
// A hard link `to` of `from` (a copy where links are not possible). For building a staging folder.
void link_or_copy(const std::filesystem::path& from, const std::filesystem::path& to);

// Takes an exclusive lock on the folder `dir` (flock) until destroyed: one replace at a time.
class FolderLock {
 public:
  explicit FolderLock(const std::filesystem::path& dir);
  ~FolderLock();
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace costproof::cli
