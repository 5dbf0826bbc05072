#include "files.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "command_options.h"
#include "core/error.h"
#include "core/format.h"
#include "core/json_reader.h"

namespace costproof::cli {
namespace fs = std::filesystem;

namespace {

// ---------------------------------------------------------------- fault injection (tests only)
// COSTPROOF_FAULT=fail:N makes the N-th write, fsync, rename, link, mkdir, create or remove
// of this process fail with EIO; COSTPROOF_FAULT=exit:N makes the process _exit(99) just
// before it, as a kill would. COSTPROOF_FAULT_NO_EXCHANGE=1 takes replace_folder's
// two-rename path. With COSTPROOF_FAULT set (even to "off") syncs are only counted. Used by
// tests/faults/check-faults.sh.
struct FaultPlan {
  long at = 0;
  bool exit = false;
  bool no_exchange = false;
  bool active = false;  // COSTPROOF_FAULT is set (even to "off"): syncs are only counted
  long seen = 0;
};

FaultPlan& fault_plan() {
  static FaultPlan plan = [] {
    FaultPlan p;
    if (const char* v = std::getenv("COSTPROOF_FAULT")) {
      p.active = true;
      const std::string s = v;
      const auto colon = s.find(':');
      if (colon != std::string::npos) {
        p.exit = s.substr(0, colon) == "exit";
        p.at = std::atol(s.c_str() + colon + 1);
      }
    }
    p.no_exchange = std::getenv("COSTPROOF_FAULT_NO_EXCHANGE") != nullptr;
    return p;
  }();
  return plan;
}

// True when this operation must fail (errno set to EIO); does not return when told to exit.
bool injected_fault() {
  FaultPlan& p = fault_plan();
  if (p.at <= 0 || ++p.seen != p.at) return false;
  if (p.exit) ::_exit(99);
  errno = EIO;
  return true;
}

// The system calls that change files, each a fault point. They return 0 or an errno value.
int sys_write_all(int fd, const std::string& text) {
  if (injected_fault()) return errno;
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno;
    done += static_cast<std::size_t>(n);
  }
  return 0;
}
// Under a fault plan the sync is only counted: a kill, not a power cut, is what the tests simulate.
int sys_fsync(int fd) {
  if (injected_fault()) return errno;
  return fault_plan().active || ::fsync(fd) == 0 ? 0 : errno;
}
int sys_rename(const fs::path& from, const fs::path& to) {
  return injected_fault() || ::rename(from.c_str(), to.c_str()) != 0 ? errno : 0;
}
int sys_mkdir(const fs::path& dir) { return injected_fault() || ::mkdir(dir.c_str(), 0755) != 0 ? errno : 0; }
int sys_link(const fs::path& from, const fs::path& to) {
  return injected_fault() || ::link(from.c_str(), to.c_str()) != 0 ? errno : 0;
}
// Swaps two paths atomically; EINVAL where the file system cannot.
int sys_exchange(const fs::path& a, const fs::path& b) {
  if (fault_plan().no_exchange) return EINVAL;
  return injected_fault() || ::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) != 0 ? errno : 0;
}
// Removes a file or folder tree (missing is fine).
int sys_remove_all(const fs::path& p) {
  if (injected_fault()) return errno;
  std::error_code ec;
  fs::remove_all(p, ec);
  return ec.value();
}

std::string why(int err) { return std::strerror(err); }

// Syncs a folder, so that renames in it survive a power cut.
void sync_folder(const fs::path& dir) {
  const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  const int err = sys_fsync(fd);
  ::close(fd);
  if (err) throw FileError(dir.string() + ": cannot sync the folder (" + why(err) + ")");
}

fs::path folder_of(const fs::path& path) { return path.parent_path().empty() ? fs::path(".") : path.parent_path(); }

// ---------------------------------------------------------------- inputs read by this process
struct InputFile {
  dev_t dev;
  ino_t ino;
  std::string path;
};
struct InputFolder {
  dev_t dev;
  ino_t ino;
  std::string path;
  bool whole_tree;  // every *.json below it is read (price tables), not just its own (scenarios)
};
std::vector<InputFile>& input_files() {
  static std::vector<InputFile> files;
  return files;
}
std::vector<InputFolder>& input_folders() {
  static std::vector<InputFolder> folders;
  return folders;
}
void note_input_folder(const fs::path& folder, bool whole_tree) {
  struct stat st {};
  if (::stat(folder.c_str(), &st) == 0) input_folders().push_back({st.st_dev, st.st_ino, folder.string(), whole_tree});
}

// The file's bytes; a FileError "<path>: cannot open (<reason>)<hint>" otherwise.
std::string read_bytes(const fs::path& path, const std::string& hint, std::uint64_t limit) {
  const int fd = open_regular_file(path, hint);
  struct stat st {};
  ::fstat(fd, &st);
  const auto limit_text = [limit] {
    return std::to_string(limit / kMiB) + " MiB (" + group_thousands(Decimal::from_int(static_cast<std::int64_t>(limit))) +
           " bytes)";
  };
  const auto too_large = [&](const std::string& size) {
    ::close(fd);
    return FileError(path.string() + ": is " + size + ", more than the " + limit_text() +
                     " this kind of file may have (docs/errors.md#limits); check that it is the right file");
  };
  if (static_cast<std::uint64_t>(st.st_size) > limit)
    throw too_large(group_thousands(Decimal::from_int(static_cast<std::int64_t>(st.st_size))) + " bytes");
  std::string out;
  out.resize(static_cast<std::size_t>(st.st_size));
  std::size_t done = 0;
  for (;;) {
    if (done == out.size()) {  // the end, or a file that grew since fstat (or reports size 0, as /proc does)
      if (done > limit) throw too_large("larger");
      out.resize(std::min<std::size_t>(limit + 1, done + std::max<std::size_t>(4096, done / 2)));
    }
    const ssize_t n = ::read(fd, out.data() + done, out.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const std::string reason = why(errno);
      ::close(fd);
      throw FileError(path.string() + ": read failed (" + reason + ")");
    }
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
  out.resize(done);
  return out;
}

// A temporary file or folder of a costproof run that no longer exists: ".costproof-<pid>-....tmp"
// with a dead pid, or the older ".<name>.tmp-XXXXXX" form for the target `name`.
bool is_stale_temp(const std::string& entry, const std::string& name) {
  static const std::string prefix = ".costproof-";
  if (entry.rfind(prefix, 0) == 0 && entry.size() > 4 && entry.compare(entry.size() - 4, 4, ".tmp") == 0) {
    const long pid = std::atol(entry.c_str() + prefix.size());
    return pid > 0 && pid != ::getpid() && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
  }
  const std::string legacy = "." + name + ".tmp-";
  return !name.empty() && entry.rfind(legacy, 0) == 0;
}

void remove_stale_temps(const fs::path& dir, const std::string& name) {
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (is_stale_temp(it->path().filename().string(), name)) sys_remove_all(it->path());
}

std::string temp_template(const fs::path& dir, const std::string& suffix) {
  return (dir / (".costproof-" + std::to_string(::getpid()) + "-XXXXXX" + suffix)).string();
}

}  // namespace

bool is_costproof_temp(const std::string& name) {
  return name.rfind(".costproof-", 0) == 0 || (name.rfind('.', 0) == 0 && name.find(".tmp-") != std::string::npos);
}

std::string file_kind_name(unsigned mode) {
  switch (mode & S_IFMT) {
    case S_IFREG: return "a regular file";
    case S_IFDIR: return "a directory";
    case S_IFIFO: return "a named pipe (FIFO)";
    case S_IFCHR: return "a character device";
    case S_IFBLK: return "a block device";
    case S_IFSOCK: return "a socket";
    default: return "not a regular file";
  }
}

int open_regular_file(const fs::path& path, const std::string& hint) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; the type is checked before any read.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) throw FileError(path.string() + ": cannot open (" + why(errno) + ")" + hint);
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    const unsigned mode = st.st_mode;
    ::close(fd);
    throw FileError(path.string() + ": is " + file_kind_name(mode) + ", expected a regular file");
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  input_files().push_back({st.st_dev, st.st_ino, path.string()});
  return fd;
}

std::string read_text_file(const fs::path& path, std::uint64_t limit) {
  return read_bytes(path, "; check the path (relative paths start from the current directory)", limit);
}

Scenario load_scenario_file(const fs::path& path) {
  const std::string label = path.string();
  // A file the scenario names (an hourly CSV profile) is relative to the scenario's folder;
  // parse_scenario turns a failure into an error at the field that names it.
  // A link inside the folder must not lead out of it: the scenario's "stays in its
  // folder" rule is checked on the real path, not only on the text of the path.
  const auto read_beside = [&path](const std::string& relative) {
    const fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    const fs::path target = folder / relative;
    std::error_code folder_ec, target_ec;
    const fs::path real_folder = fs::weakly_canonical(folder, folder_ec);
    const fs::path real_target = fs::weakly_canonical(target, target_ec);
    if (!folder_ec && !target_ec) {
      const fs::path inside = real_target.lexically_relative(real_folder);
      if (inside.empty() || *inside.begin() == "..")
        throw FileError(target.string() + ": a link that leads outside the scenario's folder (to " +
                        inside.generic_string() + " from there); copy the file into the scenario's folder instead "
                        "of linking to it");
    }
    return read_bytes(target, "", kInputFileLimit);
  };
  return parse_scenario(parse_json_text(read_text_file(path), label, JsonOrigin::kUserInput), label, read_beside);
}

PriceCatalog load_pricing_data(const fs::path& root) {
  return build_price_catalog(read_pricing_files(root));
}

std::vector<PricingFile> read_pricing_files(const fs::path& root) {
  const fs::path aws = root / "aws";
  std::error_code ec;
  try {  // an import killed part-way: finish it or remove its leftovers (needs write access; else left as is)
    recover_folder_swap(aws);
  } catch (const FileError&) {
  }
  const fs::file_status status = fs::status(aws, ec);
  if (ec && ec != std::errc::no_such_file_or_directory)
    throw FileError(aws.string() + ": cannot read (" + ec.message() + "); expected the folder of price tables");
  if (!fs::is_directory(status))
    throw FileError(aws.string() + ": no such directory; expected the price tables there (use --pricing-data DIR "
                    "to point at the repository's pricing-data folder)");
  note_input_folder(aws, true);
  std::vector<PricingFile> files;
  for (const auto& path : pricing_table_paths(aws))
    files.push_back({path.lexically_relative(root).generic_string(),  // lexical: aws may be a link
                     fs::proximate(path).string(),  // "pricing-data/aws/us-east-1/ec2.json" from the repo root
                     read_text_file(path, kLargeFileLimit)});
  return files;
}

std::vector<fs::path> pricing_table_paths(const fs::path& aws) {
  std::vector<fs::path> paths;
  std::error_code ec;
  fs::recursive_directory_iterator it(aws, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() != ".json") continue;  // temporary files end in .tmp-XXXXXX or .tmp
    std::error_code type_ec;
    const fs::file_status st = it->status(type_ec);
    if (type_ec)
      throw FileError(it->path().string() + ": " + (it->is_symlink() ? "is a symbolic link that cannot be followed" : "cannot read") +
                      " (" + type_ec.message() + "); expected a price table");
    if (!fs::is_directory(st)) paths.push_back(it->path());  // reading a FIFO or device says what it is
  }
  if (ec) throw FileError(aws.string() + ": cannot list the folder (" + ec.message() + ")");
  std::sort(paths.begin(), paths.end());
  return paths;
}

std::vector<fs::path> scenario_files_in(const fs::path& folder) {
  std::vector<fs::path> found;
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const auto name = it->path().filename().string();
    std::error_code type_ec;
    if (it->path().extension() == ".json" && name != "episode.json" && name != "claims.json" &&
        !it->is_directory(type_ec))
      found.push_back(it->path());
  }
  if (ec) throw FileError(folder.string() + ": cannot list the folder (" + ec.message() + ")");
  note_input_folder(folder, false);
  std::sort(found.begin(), found.end());
  return found;
}

std::vector<fs::path> expand_scenario_args(const std::vector<std::string>& args) {
  std::vector<fs::path> out;
  for (const auto& arg : args) {
    std::error_code ec;
    if (fs::is_directory(arg, ec)) {
      const std::vector<fs::path> found = scenario_files_in(arg);
      if (found.empty()) throw FileError(arg + ": no scenario files (*.json) in this directory");
      out.insert(out.end(), found.begin(), found.end());
    } else {
      out.emplace_back(arg);
    }
  }
  return out;
}

// ---------------------------------------------------------------- writing

StagedFile::~StagedFile() {
  if (!temp_.empty()) ::unlink(temp_.c_str());
}

void StagedFile::commit() {
  if (const int err = sys_rename(temp_, target_)) {
    ::unlink(temp_.c_str());
    temp_.clear();
    throw FileError(target_.string() + ": cannot replace (" + why(err) + "); nothing was written");
  }
  temp_.clear();
  sync_folder(folder_of(target_));
}

StagedFile stage_file(const fs::path& path, const std::string& text) {
  if (path.empty()) throw FileError("the file name is empty; nothing was written");
  if (!path.has_filename())
    throw FileError(path.string() + ": names a folder, expected a file name; nothing was written");
  struct stat existing {};
  const bool exists = ::stat(path.c_str(), &existing) == 0;
  if (exists && !S_ISREG(existing.st_mode))
    throw FileError(path.string() + ": is " + file_kind_name(existing.st_mode) +
                    "; only a regular file is replaced, so name a new file or a regular one; nothing was written");
  const fs::path dir = folder_of(path);
  remove_stale_temps(dir, path.filename().string());
  std::string tmpl = temp_template(dir, ".tmp");
  const int fd = injected_fault() ? -1 : ::mkstemps(tmpl.data(), 4);
  if (fd < 0) throw FileError(path.string() + ": cannot create a file in " + dir.string() + " (" + why(errno) + ")");
  StagedFile staged(path, tmpl);
  // mkstemp makes the file 0600; give it the mode a plain create would (0666 & ~umask),
  // or keep the mode of the file being replaced.
  mode_t mode;
  if (exists) {
    mode = existing.st_mode & 07777;
  } else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    mode = static_cast<mode_t>(0666 & ~mask);
  }
  ::fchmod(fd, mode);
  int err = sys_write_all(fd, text);
  if (!err) err = sys_fsync(fd);
  if (::close(fd) != 0 && !err) err = errno;
  if (err) throw FileError(path.string() + ": write failed (" + why(err) + "); nothing was written");
  return staged;
}

void write_file_atomically(const fs::path& path, const std::string& text) { stage_file(path, text).commit(); }

void check_output_target(const std::string& out) {
  if (out.empty()) throw CommandLineError("--out: the file name is empty; give one, e.g. --out report.md");
  const auto refuse = [&out](const std::string& what) {
    throw CommandLineError("--out " + out + ": " + what + "; choose another --out file; nothing was written");
  };
  struct stat st {};
  if (::stat(out.c_str(), &st) == 0)
    for (const auto& in : input_files())
      if (in.dev == st.st_dev && in.ino == st.st_ino)
        refuse("is also an input of this command (" + in.path + "), which the output would replace");
  const fs::path path(out);
  const std::string name = path.filename().string();
  if (path.extension() != ".json") return;
  // The folder of the target, then each folder above it: is one a folder this run read *.json files from?
  std::error_code ec;
  fs::path dir = fs::weakly_canonical(fs::absolute(folder_of(path), ec), ec);
  if (ec) return;  // a folder that cannot be resolved: the write itself reports it
  for (bool own_folder = true;; own_folder = false) {
    struct stat ds {};
    if (::stat(dir.c_str(), &ds) == 0)
      for (const auto& f : input_folders())
        if (f.dev == ds.st_dev && f.ino == ds.st_ino &&
            (f.whole_tree || (own_folder && name != "episode.json" && name != "claims.json")))
          refuse(f.whole_tree ? "is inside the price tables this command reads (" + f.path +
                                    "), where the next run would read it as a table"
                              : "is a *.json in the folder of scenarios this command reads (" + f.path +
                                    "), where the next run would read it as a scenario");
    if (dir == dir.root_path() || dir.empty()) break;
    dir = dir.parent_path();
  }
}

StagedFile stage_output_file(const std::string& out, const std::string& text) {
  check_output_target(out);
  return stage_file(out, text);
}

void write_output_file(const std::string& out, const std::string& text) { stage_output_file(out, text).commit(); }

// ---------------------------------------------------------------- replacing a folder

namespace {
// The hidden siblings replace_folder uses: the new version being built, and the old one
// during the two-rename swap.
// Short names (a hash of the target's), so that any legal target name works.
fs::path sibling_of(const fs::path& target, const char* role) {
  char hash[17];
  std::snprintf(hash, sizeof hash, "%016zx", std::hash<std::string>{}(target.filename().string()));
  return folder_of(target) / (std::string(".costproof-") + role + "-" + hash);
}
fs::path staging_of(const fs::path& target) { return sibling_of(target, "new"); }
fs::path old_of(const fs::path& target) { return sibling_of(target, "old"); }
}  // namespace

FolderLock::FolderLock(const fs::path& dir) {
  fd_ = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd_ < 0) throw FileError(dir.string() + ": cannot open the folder (" + why(errno) + ")");
  while (::flock(fd_, LOCK_EX) != 0 && errno == EINTR) {
  }
}
FolderLock::~FolderLock() {
  if (fd_ >= 0) ::close(fd_);
}

void write_new_file(const fs::path& path, const std::string& text) {
  const int fd = injected_fault() ? -1 : ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) throw FileError(path.string() + ": cannot create (" + why(errno) + "); nothing was replaced");
  ::fchmod(fd, 0644);
  int err = sys_write_all(fd, text);
  if (!err) err = sys_fsync(fd);
  if (::close(fd) != 0 && !err) err = errno;
  if (err) throw FileError(path.string() + ": write failed (" + why(err) + "); nothing was replaced");
}

void make_folders(const fs::path& dir) {
  std::error_code ec;
  if (fs::is_directory(dir, ec)) return;
  if (dir.has_parent_path()) make_folders(dir.parent_path());
  if (const int err = sys_mkdir(dir); err && err != EEXIST)
    throw FileError(dir.string() + ": cannot create the folder (" + why(err) + "); nothing was replaced");
}

void link_or_copy(const fs::path& from, const fs::path& to) {
  // Files costproof writes are replaced by rename, never changed in place, so a link is a safe copy.
  const int err = sys_link(from, to);
  if (err == 0) return;
  if (err == EIO) throw FileError(to.string() + ": cannot create (" + why(err) + "); nothing was replaced");
  std::error_code ec;
  if (injected_fault() || !fs::copy_file(from, to, ec))
    throw FileError(to.string() + ": cannot copy " + from.string() + " (" + (ec ? ec.message() : why(errno)) +
                    "); nothing was replaced");
}

namespace {
// recover_folder_swap with the folder lock held.
void recover_locked(const fs::path& target) {
  const fs::path staging = staging_of(target), old = old_of(target);
  std::error_code ec;
  // Killed between the two renames of the fallback swap: the staging folder is complete
  // (the old version is moved away only then), so finish the swap.
  if (!fs::exists(target, ec) && fs::exists(old, ec) && fs::exists(staging, ec)) {
    if (const int err = sys_rename(staging, target))
      throw FileError(target.string() + ": cannot finish an interrupted replace (" + why(err) + ")");
    sync_folder(folder_of(target));
  }
  if (!fs::exists(target, ec)) return;  // nothing to finish with; leave everything for a person to see
  for (const auto& leftover : {staging, old})
    if (const int err = sys_remove_all(leftover))
      throw FileError(leftover.string() + ": cannot remove a leftover of an interrupted run (" + why(err) + ")");
}
}  // namespace

void recover_folder_swap(const fs::path& target) {
  std::error_code ec;
  if (!fs::exists(staging_of(target), ec) && !fs::exists(old_of(target), ec)) return;
  FolderLock lock(folder_of(target));
  recover_locked(target);
}

void replace_folder(const fs::path& target, const std::function<void(const fs::path&)>& build) {
  const fs::path parent = folder_of(target), staging = staging_of(target), old = old_of(target);
  FolderLock lock(parent);
  recover_locked(target);
  std::error_code ec;
  fs::remove_all(staging, ec);
  try {
    if (const int err = sys_mkdir(staging))
      throw FileError(staging.string() + ": cannot create the folder (" + why(err) + "); nothing was replaced");
    build(staging);
    // Sync every folder of the new version, then swap it in with one rename.
    for (fs::recursive_directory_iterator it(staging, ec), end; !ec && it != end; it.increment(ec))
      if (it->is_directory(ec)) sync_folder(it->path());
    sync_folder(staging);
  } catch (...) {
    sys_remove_all(staging);
    throw;
  }
  fs::path leftover = staging;  // after the swap: the old version, or nothing when there was none
  const bool target_exists = fs::exists(target, ec);
  int err = target_exists ? sys_exchange(staging, target) : sys_rename(staging, target);
  if (err == EINVAL || err == ENOSYS) {  // no RENAME_EXCHANGE here: two renames, completed by recover_folder_swap
    err = sys_rename(target, old);
    if (!err) {
      err = sys_rename(staging, target);
      if (err) sys_rename(old, target);  // put the old version back
    }
    if (!err) leftover = old;
  }
  if (err) {
    sys_remove_all(staging);
    throw FileError(target.string() + ": cannot replace (" + why(err) + "); nothing was replaced");
  }
  sync_folder(parent);
  sys_remove_all(leftover);  // on failure the next run removes it (recover_folder_swap)
}

}  // namespace costproof::cli
