// File I/O for the CLI: reading inputs, loading pricing-data/, and writing
// outputs atomically (write aside, then rename) so no half-written file is
// ever left behind.
#pragma once

#include <filesystem>
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

std::string read_text_file(const std::filesystem::path& path);

// Reads and parses one scenario file; files it names (an hourly CSV profile)
// are read relative to its folder. Throws FileError / InputError.
Scenario load_scenario_file(const std::filesystem::path& path);

// Loads every table under `root`/aws (one file per provider/region/service)
// and the shapes file. Checks that folder and file name agree with the
// table's region and service. Throws PricingDataError / FileError.
PriceCatalog load_pricing_data(const std::filesystem::path& root);
// The files load_pricing_data reads, sorted by path (also embedded in the companion page).
std::vector<PricingFile> read_pricing_files(const std::filesystem::path& root);

// The scenario files of a folder: every *.json except episode.json and
// claims.json, in name order.
std::vector<std::filesystem::path> scenario_files_in(const std::filesystem::path& folder);

// Expands arguments: a file stays, a directory becomes scenario_files_in(it).
std::vector<std::filesystem::path> expand_scenario_args(const std::vector<std::string>& args);

// Writes `text` to `path` via a temporary file in the same directory and a rename.
void write_file_atomically(const std::filesystem::path& path, const std::string& text);

}  // namespace costproof::cli
