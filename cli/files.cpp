#include "files.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <sys/stat.h>
#include <unistd.h>

#include "core/error.h"
#include "core/json_reader.h"

namespace costproof::cli {
namespace fs = std::filesystem;

namespace {

// The file's bytes; a FileError "<path>: cannot open (<reason>)<hint>" otherwise.
std::string read_bytes(const fs::path& path, const std::string& hint) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) throw FileError(path.string() + ": is a directory, expected a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw FileError(path.string() + ": cannot open (" + std::strerror(errno) + ")" + hint);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw FileError(path.string() + ": read failed");
  return buffer.str();
}

}  // namespace

std::string read_text_file(const fs::path& path) {
  return read_bytes(path, "; check the path (relative paths start from the current directory)");
}

Scenario load_scenario_file(const fs::path& path) {
  const std::string label = path.string();
  // A file the scenario names (an hourly CSV profile) is relative to the scenario's folder;
  // parse_scenario turns a failure into an error at the field that names it.
  const auto read_beside = [&path](const std::string& relative) { return read_bytes(path.parent_path() / relative, ""); };
  return parse_scenario(parse_json_text(read_text_file(path), label, JsonOrigin::kUserInput), label, read_beside);
}

PriceCatalog load_pricing_data(const fs::path& root) {
  return build_price_catalog(read_pricing_files(root));
}

std::vector<PricingFile> read_pricing_files(const fs::path& root) {
  const fs::path aws = root / "aws";
  std::error_code ec;
  if (!fs::is_directory(aws, ec))
    throw FileError(aws.string() + ": no such directory; expected the price tables there (use --pricing-data DIR "
                    "to point at the repository's pricing-data folder)");
  std::vector<fs::path> paths;
  for (const auto& entry : fs::recursive_directory_iterator(aws))
    if (entry.is_regular_file() && entry.path().extension() == ".json") paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  std::vector<PricingFile> files;
  for (const auto& path : paths)
    files.push_back({fs::relative(path, root).generic_string(),
                     fs::proximate(path).string(),  // "pricing-data/aws/us-east-1/ec2.json" from the repo root
                     read_text_file(path)});
  return files;
}

std::vector<fs::path> scenario_files_in(const fs::path& folder) {
  std::vector<fs::path> found;
  for (const auto& entry : fs::directory_iterator(folder)) {
    const auto name = entry.path().filename().string();
    if (entry.is_regular_file() && entry.path().extension() == ".json" && name != "episode.json" &&
        name != "claims.json")
      found.push_back(entry.path());
  }
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

void write_file_atomically(const fs::path& path, const std::string& text) {
  const fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  std::string tmpl = (dir / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = mkstemp(tmpl.data());
  if (fd < 0) throw FileError(path.string() + ": cannot create a file in " + dir.string() + " (" + std::strerror(errno) + ")");
  // mkstemp makes the file 0600; give it the mode a plain create would (0666 & ~umask),
  // or keep the mode of the file being replaced.
  struct stat existing {};
  mode_t mode;
  if (::stat(path.c_str(), &existing) == 0) {
    mode = existing.st_mode & 07777;
  } else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    mode = static_cast<mode_t>(0666 & ~mask);
  }
  ::fchmod(fd, mode);
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0) {
      const std::string why = std::strerror(errno);
      ::close(fd);
      ::unlink(tmpl.c_str());
      throw FileError(path.string() + ": write failed (" + why + "); nothing was written");
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    ::unlink(tmpl.c_str());
    throw FileError(path.string() + ": write failed; nothing was written");
  }
  std::error_code ec;
  fs::rename(tmpl, path, ec);
  if (ec) {
    ::unlink(tmpl.c_str());
    throw FileError(path.string() + ": cannot replace (" + ec.message() + "); nothing was written");
  }
}

}  // namespace costproof::cli
