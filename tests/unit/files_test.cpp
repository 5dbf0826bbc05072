// Unit tests for cli/files.h: reading inputs, atomic writes, and expanding
// scenario directory arguments. Each test works in its own temporary directory.
#include "files.h"

#include "command_options.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace costproof::cli {
namespace {

namespace fs = std::filesystem;
using namespace std::string_literals;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A fresh directory under the system temp directory, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    const std::string test = info ? std::string(info->test_suite_name()) + "-" + info->name() : "none";
    path_ = fs::temp_directory_path() /
            ("costproof-files-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" + test);
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

void write_plain(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
}

std::vector<std::string> names_in(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// ---------------------------------------------------------------- write_file_atomically

TEST(WriteFileAtomicallyTest, WritesContentAndLeavesNoTempFile) {
  TempDir dir;
  const fs::path target = dir.path() / "report.md";
  const std::string text = "# Report\n\n$1,766.02\r\nline with \0 nul"s;
  write_file_atomically(target, text);
  EXPECT_EQ(read_text_file(target), text);
  EXPECT_EQ(names_in(dir.path()), std::vector<std::string>{"report.md"});
}

TEST(WriteFileAtomicallyTest, ReplacesAnExistingFile) {
  TempDir dir;
  const fs::path target = dir.path() / "out.json";
  write_plain(target, "old content that is longer than the new one");
  write_file_atomically(target, "{}\n");
  EXPECT_EQ(read_text_file(target), "{}\n");
  EXPECT_EQ(names_in(dir.path()), std::vector<std::string>{"out.json"});
}

TEST(WriteFileAtomicallyTest, WritesAnEmptyFile) {
  TempDir dir;
  const fs::path target = dir.path() / "empty.txt";
  write_file_atomically(target, "");
  ASSERT_TRUE(fs::exists(target));
  EXPECT_EQ(fs::file_size(target), 0u);
  EXPECT_EQ(names_in(dir.path()), std::vector<std::string>{"empty.txt"});
}

TEST(WriteFileAtomicallyTest, MissingDirectoryThrowsAndCreatesNothing) {
  TempDir dir;
  const fs::path missing = dir.path() / "no-such-dir";
  const fs::path target = missing / "report.md";
  try {
    write_file_atomically(target, "text");
    ADD_FAILURE() << "no FileError";
  } catch (const FileError& e) {
    EXPECT_TRUE(contains(e.what(), target.string() + ": cannot create a file in " + missing.string())) << e.what();
  }
  EXPECT_FALSE(fs::exists(missing));
  EXPECT_TRUE(names_in(dir.path()).empty());
}

TEST(WriteFileAtomicallyTest, TargetThatIsADirectoryThrowsAndLeavesNoTempFile) {
  TempDir dir;
  const fs::path target = dir.path() / "taken";
  fs::create_directory(target);
  write_plain(target / "inside.txt", "keep");
  try {
    write_file_atomically(target, "text");
    ADD_FAILURE() << "no FileError";
  } catch (const FileError& e) {
    EXPECT_TRUE(contains(e.what(), target.string() + ": is a directory; only a regular file is replaced")) << e.what();
    EXPECT_TRUE(contains(e.what(), "nothing was written")) << e.what();
  }
  EXPECT_EQ(names_in(dir.path()), std::vector<std::string>{"taken"});
  EXPECT_EQ(read_text_file(target / "inside.txt"), "keep");
}

TEST(WriteFileAtomicallyTest, NewFileGetsTheUsualPermissions) {
  TempDir dir;
  const fs::path target = dir.path() / "report.md";
  const mode_t mask = ::umask(022);
  write_file_atomically(target, "text");
  ::umask(mask);
  struct stat st {};
  ASSERT_EQ(::stat(target.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0644u);
}

// ---------------------------------------------------------------- read_text_file

TEST(ReadTextFileTest, ReadsBytesExactly) {
  TempDir dir;
  const fs::path p = dir.path() / "in.json";
  const std::string text = "{\r\n  \"a\": \"caf\xc3\xa9\"\n}\n";
  write_plain(p, text);
  EXPECT_EQ(read_text_file(p), text);
}

TEST(ReadTextFileTest, MissingFileThrowsNamingThePath) {
  TempDir dir;
  const fs::path p = dir.path() / "missing.json";
  try {
    (void)read_text_file(p);
    ADD_FAILURE() << "no FileError";
  } catch (const FileError& e) {
    EXPECT_TRUE(contains(e.what(), p.string() + ": cannot open (No such file or directory)")) << e.what();
  }
}

TEST(ReadTextFileTest, DirectoryThrows) {
  TempDir dir;
  try {
    (void)read_text_file(dir.path());
    ADD_FAILURE() << "no FileError";
  } catch (const FileError& e) {
    EXPECT_EQ(std::string(e.what()), dir.path().string() + ": is a directory, expected a regular file");
  }
}

TEST(ReadTextFileTest, FifoIsRefusedWithoutWaitingForAWriter) {
  TempDir dir;
  const fs::path p = dir.path() / "pipe.json";
  ASSERT_EQ(::mkfifo(p.c_str(), 0600), 0);
  try {
    (void)read_text_file(p);
    ADD_FAILURE() << "no FileError";
  } catch (const FileError& e) {
    EXPECT_EQ(std::string(e.what()), p.string() + ": is a named pipe (FIFO), expected a regular file");
  }
}

TEST(ReadTextFileTest, DeviceIsRefused) {
  EXPECT_THROW((void)read_text_file("/dev/zero"), FileError);
}

TEST(ReadTextFileTest, FileLargerThanTheLimitIsRefusedBeforeReading) {
  TempDir dir;
  const fs::path p = dir.path() / "big.md";
  write_plain(p, std::string(100, 'x'));
  EXPECT_EQ(read_text_file(p, 100).size(), 100u);
  try {
    (void)read_text_file(p, 99);
    ADD_FAILURE() << "no FileError";
  } catch (const FileError& e) {
    EXPECT_TRUE(contains(e.what(), p.string() + ": is 100 bytes, more than the ")) << e.what();
  }
}

TEST(WriteFileAtomicallyTest, DeviceTargetIsRefusedAndKept) {
  try {
    write_file_atomically("/dev/null", "text");
    ADD_FAILURE() << "no FileError";
  } catch (const FileError& e) {
    EXPECT_TRUE(contains(e.what(), "/dev/null: is a character device; only a regular file is replaced")) << e.what();
  }
  struct stat st {};
  ASSERT_EQ(::stat("/dev/null", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
}

TEST(WriteFileAtomicallyTest, A253CharacterNameWorks) {
  TempDir dir;
  const fs::path target = dir.path() / (std::string(250, 'r') + ".md");
  write_file_atomically(target, "text");
  EXPECT_EQ(read_text_file(target), "text");
  EXPECT_EQ(names_in(dir.path()).size(), 1u);
}

TEST(WriteFileAtomicallyTest, UncommittedStagedFileLeavesNothing) {
  TempDir dir;
  { StagedFile staged = stage_file(dir.path() / "r.md", "text"); }
  EXPECT_TRUE(names_in(dir.path()).empty());
}

TEST(CheckOutputTargetTest, EmptyNameAndAnInputAreRefused) {
  TempDir dir;
  EXPECT_THROW(check_output_target(""), CommandLineError);
  const fs::path input = dir.path() / "in.md";
  write_plain(input, "x");
  (void)read_text_file(input);
  EXPECT_THROW(check_output_target(input.string()), CommandLineError);
  EXPECT_NO_THROW(check_output_target((dir.path() / "other.md").string()));
}

TEST(ReplaceFolderTest, ReplacesTheWholeFolderOrNothing) {
  TempDir dir;
  const fs::path target = dir.path() / "tables";
  fs::create_directory(target);
  write_plain(target / "old.json", "old");
  replace_folder(target, [](const fs::path& staging) { write_new_file(staging / "new.json", "new"); });
  EXPECT_EQ(names_in(target), std::vector<std::string>{"new.json"});
  EXPECT_THROW(replace_folder(target,
                              [](const fs::path& staging) {
                                write_new_file(staging / "half.json", "half");
                                throw FileError("stop");
                              }),
               FileError);
  EXPECT_EQ(names_in(target), std::vector<std::string>{"new.json"});
  EXPECT_EQ(names_in(dir.path()), std::vector<std::string>{"tables"});  // no staging folder left
}

// ---------------------------------------------------------------- expand_scenario_args

TEST(ExpandScenarioArgsTest, DirectoryBecomesSortedJsonFilesWithoutEpisodeAndClaims) {
  TempDir dir;
  for (const char* name : {"b.json", "a.json", "episode.json", "claims.json", "notes.md", "c.json.bak", "A.json"})
    write_plain(dir.path() / name, "{}");
  fs::create_directory(dir.path() / "sub.json");  // a directory, not a scenario file
  write_plain(dir.path() / "sub.json" / "d.json", "{}");

  const auto paths = expand_scenario_args({dir.path().string()});
  std::vector<std::string> names;
  for (const auto& p : paths) {
    EXPECT_EQ(p.parent_path(), dir.path());
    names.push_back(p.filename().string());
  }
  EXPECT_EQ(names, (std::vector<std::string>{"A.json", "a.json", "b.json"}));
}

TEST(ExpandScenarioArgsTest, FilesStayAsGivenAndOrderIsKept) {
  TempDir dir;
  const fs::path sub = dir.path() / "ep050";
  fs::create_directory(sub);
  write_plain(sub / "z.json", "{}");
  write_plain(sub / "y.json", "{}");
  const std::string single = (dir.path() / "single.json").string();
  write_plain(single, "{}");
  const std::string missing = (dir.path() / "not-there.json").string();

  const auto paths = expand_scenario_args({single, sub.string(), missing});
  ASSERT_EQ(paths.size(), 4u);
  EXPECT_EQ(paths[0], fs::path(single));
  EXPECT_EQ(paths[1], sub / "y.json");
  EXPECT_EQ(paths[2], sub / "z.json");
  // A path that does not exist is passed through; reading it reports the error later.
  EXPECT_EQ(paths[3], fs::path(missing));
  // An explicitly named episode.json is kept: only directory expansion skips it.
  EXPECT_EQ(expand_scenario_args({(sub / "episode.json").string()}).size(), 1u);
}

TEST(ExpandScenarioArgsTest, DirectoryWithoutScenariosThrows) {
  TempDir dir;
  write_plain(dir.path() / "episode.json", "{}");
  write_plain(dir.path() / "claims.json", "{}");
  try {
    (void)expand_scenario_args({dir.path().string()});
    ADD_FAILURE() << "no FileError";
  } catch (const FileError& e) {
    EXPECT_EQ(std::string(e.what()), dir.path().string() + ": no scenario files (*.json) in this directory");
  }
}

TEST(ExpandScenarioArgsTest, NoArgumentsGiveNoPaths) { EXPECT_TRUE(expand_scenario_args({}).empty()); }

}  // namespace
}  // namespace costproof::cli
