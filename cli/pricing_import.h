// `costproof pricing import <offer file>...`: refreshes the price tables from
// AWS Price List offer files (docs/pricing-import.md).
//
// Reads each file in one streaming pass (calc/offers/offer_extract.h) with a
// progress bar on a terminal, merges the rows into the tables under
// --pricing-data (calc/offers/offer_merge.h), prints the change report, and then
// replaces every changed table atomically: all new tables are written aside
// first, then each is renamed over the old one. An import that fails or is
// killed before the renames leaves every table as it was; one killed during
// the renames leaves each table either old or new, and every one readable.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "pricing/pricing_report.h"

namespace costproof::cli {

struct ImportOptions {
  std::vector<std::filesystem::path> files;
  std::filesystem::path pricing_data;
  std::string region;        // only this region ("" = all in the files)
  std::string source_url;    // recorded as the source url (one file only); default "file:<name>"
  bool full_scan = false;    // read the whole file instead of stopping after terms.OnDemand
  bool dry_run = false;      // report only, write nothing
  bool progress = false;     // draw the progress bar (the command sets it when stderr is a terminal)
  OutputFormat format = OutputFormat::kMarkdown;
};

struct ImportReport {
  std::string text;                                // the change report
  std::vector<std::filesystem::path> written;      // tables replaced
};

// Throws InputError (bad offer file), PricingDataError (bad current tables),
// FileError (cannot read or write).
ImportReport run_pricing_import(const ImportOptions& options);

// Writes every (path, text) aside (temporary file in the same folder, fsync),
// then renames each over its target and syncs the folders. On a failure
// before the renames nothing is replaced. Throws FileError.
void write_files_atomically(const std::vector<std::pair<std::filesystem::path, std::string>>& files);

// The subcommand: parses `args` (after "pricing import"), runs, prints.
// Returns the exit code; usage errors are printed here.
int cmd_pricing_import(const std::vector<std::string>& args, const std::string& default_pricing_data);

}  // namespace costproof::cli
