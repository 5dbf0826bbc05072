// The fields every scenario kind shares (docs/scenarios.md).
#pragma once

#include <functional>
#include <string>

namespace costproof {

struct ScenarioHeader {
  std::string file;         // where it was read from, for messages and output
  std::string kind;         // "compute-migration"
  std::string id;           // "graviton-small-team": stable, used in output and golden names
  std::string title;        // one line for the heading
  std::string episode;      // "050"
  std::string audience;     // "small team", "mid-size platform team", ... (optional)
  std::string description;  // a sentence on what the scenario models (optional)
};

// Reads a file named relative to the scenario file's folder and returns its text
// (a Database Savings Plan hourly CSV profile). Supplied by the caller (cli/);
// calc itself never touches the file system.
using ReadRelativeFile = std::function<std::string(const std::string& relative_path)>;

}  // namespace costproof
