// `costproof pricing import <file>...`: refreshes the price tables from AWS
// Price List offer files, GetProducts documents or AWS's pricing-page data
// feed (docs/pricing-import.md; calc/offers/offer_feed.h).
//
// Reads each file in one streaming pass (calc/offers/offer_extract.h) with a
// progress bar on a terminal, merges the rows into the tables under
// --pricing-data (calc/offers/offer_merge.h), prints the change report, and then
// replaces the tables as a whole: a complete new aws/ folder is built aside
// (unchanged tables hard-linked, changed ones written and synced) and swapped in
// with one rename (cli/files.h replace_folder). An import that fails or is
// killed at any point leaves all tables old or all new; the next run removes
// what a killed one left.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pricing/pricing_report.h"

namespace costproof::cli {

struct ImportOptions {
  std::vector<std::filesystem::path> files;
  std::filesystem::path pricing_data;
  std::vector<std::string> regions;  // only these regions (empty = all in the files)
  std::string source_url;    // recorded as the source url (one file only); default "file:<name>"
  std::vector<std::string> source_urls;  // per file (same length as files), e.g. set by pricing update
  // Per file (same length as files, or empty): the offer codes the file may name (pricing update
  // checks that it got the offer it asked for).
  std::vector<std::vector<std::string>> expected_offer_codes;
  // A file copied from a repository (one file only): recorded as repo + path + commit instead of a URL.
  std::string source_repo, source_path, source_commit;
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
// FileError (cannot read or write). `before_commit` gets the report before any
// table is replaced (to write it aside); when it throws, nothing is replaced.
ImportReport run_pricing_import(const ImportOptions& options,
                                const std::function<void(const std::string& report)>& before_commit = nullptr);

// The value of a --progress option ("auto": only when stderr is a terminal, "always", "never").
// Throws CommandLineError for anything else.
bool progress_option(const std::string& value);

// Runs an import (`pricing import` or `pricing update`) and prints its report, or writes it to
// `out`: the report file is staged before any table is replaced (a report that cannot be written
// stops the import with every table as it was) and committed after.
void run_reporting_to(const std::optional<std::string>& out,
                      const std::function<ImportReport(const std::function<void(const std::string&)>&)>& run);

// Replaces the folder `tables` by a copy in which each (path inside it, text) is
// written, all at once (replace_folder). Throws FileError; then nothing is replaced.
void write_tables_atomically(const std::filesystem::path& tables,
                             const std::vector<std::pair<std::filesystem::path, std::string>>& files);

// The subcommand: parses `args` (after "pricing import"), runs, prints.
// Returns the exit code; usage errors are printed here.
int cmd_pricing_import(const std::vector<std::string>& args, const std::string& default_pricing_data);

}  // namespace costproof::cli
