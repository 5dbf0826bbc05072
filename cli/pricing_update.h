// `costproof pricing update [--service S]... [--region R]...`: fetches the
// current regional offer files (and Savings Plans rate files) from the public
// AWS Price List endpoints and imports them (docs/pricing-import.md, "pricing
// update").
//
// For each service: the region index (`/offers/v1.0/aws/<S>/current/
// region_index.json`, or `/savingsPlan/v1.0/aws/<S>/current/region_index.json`
// for Savings Plans) names the immutable versioned URL of each region's file;
// each wanted region's file is downloaded (cli/http_fetch.h: HTTPS, timeouts,
// size bound, progress bar) into a temporary folder, checked (the offer code
// the file names is the one asked for; valid JSON with a version and a
// publication date, checked by the importer), and then every file is imported
// in one run of `pricing import` (run_pricing_import): all tables old or all
// new. The all-region AmazonEC2 file is never fetched: only regional files.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "http_fetch.h"
#include "pricing_import.h"

namespace costproof::cli {

struct UpdateOptions {
  std::vector<std::string> services;  // offer codes; empty = the default set (docs)
  std::vector<std::string> regions;   // empty = every region folder under pricing-data/aws (except global)
  std::string base_url = "https://pricing.us-east-1.amazonaws.com";
  FetchOptions fetch;
  ImportOptions import;               // pricing_data, dry_run, format, progress
};

// The offer codes `pricing update` knows, and whether each is a Savings Plans rate file.
struct UpdateService {
  const char* code;
  bool savings_plan;
  bool in_default_set;
  std::vector<std::string> file_offer_codes;  // what the downloaded file may call itself
};
const std::vector<UpdateService>& update_services();

// Runs the update. Throws DownloadError (a FileError), InputError, PricingDataError, CommandLineError.
// `before_commit` as for run_pricing_import.
ImportReport run_pricing_update(const UpdateOptions& options,
                                const std::function<void(const std::string& report)>& before_commit = nullptr);

int cmd_pricing_update(const std::vector<std::string>& args, const std::string& default_pricing_data);

}  // namespace costproof::cli
