// The fields every scenario kind shares (docs/scenarios.md).
#pragma once

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

}  // namespace costproof
