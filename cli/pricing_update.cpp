#include "pricing_update.h"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <set>

#include <stdlib.h>

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include "command_options.h"
#include "core/error.h"
#include "core/json_reader.h"
#include "exit_codes.h"
#include "progress.h"

namespace costproof::cli {
namespace fs = std::filesystem;
namespace po = boost::program_options;

namespace {

constexpr std::uint64_t kIndexLimit = 16 * kMiB;  // a region index is a few KB

// A temporary folder for the downloads, removed with everything in it.
class TempFolder {
 public:
  TempFolder() {
    std::string tmpl = (fs::temp_directory_path() / "costproof-update-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) throw FileError(tmpl + ": cannot create a temporary folder for the downloads");
    path_ = tmpl;
  }
  ~TempFolder() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

const UpdateService& service_named(const std::string& code) {
  for (const auto& s : update_services())
    if (s.code == code) return s;
  std::string names;
  for (const auto& s : update_services()) names += std::string(names.empty() ? "" : ", ") + s.code;
  throw CommandLineError("--service \"" + code + "\" is not one costproof imports; use one of " + names);
}

// "/offers/v1.0/aws/AmazonVPC/20260724154225/us-east-1/index.json" for region R: a path on the same
// server, for that region's file only (never the all-region file).
void check_version_url(const std::string& index_url, const std::string& pointer, const std::string& url,
                       const std::string& region) {
  const bool relative = url.rfind("/offers/", 0) == 0 || url.rfind("/savingsPlan/", 0) == 0;
  if (!relative || url.find("..") != std::string::npos || url.find("//") != std::string::npos ||
      url.find('?') != std::string::npos)
    throw InputError(index_url, pointer,
                     "expected a path on the Price List server such as \"/offers/v1.0/aws/AmazonVPC/<version>/" +
                         region + "/index.json\", got \"" + url + "\"");
  if (url.find("/" + region + "/index.") == std::string::npos)
    throw InputError(index_url, pointer,
                     "the URL \"" + url + "\" is not the " + region +
                         " regional file; costproof fetches regional files only (never the all-region file)");
}

// The versioned URL path of `region`'s file in a region index (object form for offers, array for Savings Plans).
std::optional<std::string> version_url(const nlohmann::json& index, const std::string& index_url,
                                       const std::string& region, bool savings_plan) {
  if (!index.is_object() || !index.contains("regions"))
    throw InputError(index_url, "/regions", "expected a Price List region index with \"regions\"");
  const auto& regions = index["regions"];
  if (!index.contains("publicationDate") || !index["publicationDate"].is_string())
    throw InputError(index_url, "/publicationDate", "expected the region index's publication date");
  if (regions.is_object()) {
    const auto it = regions.find(region);
    if (it == regions.end()) return std::nullopt;
    const std::string pointer = "/regions/" + region + "/currentVersionUrl";
    if (!it->is_object() || !it->contains("currentVersionUrl") || !(*it)["currentVersionUrl"].is_string())
      throw InputError(index_url, pointer, "expected the region's versioned URL (a string)");
    return (*it)["currentVersionUrl"].get<std::string>();
  }
  if (regions.is_array()) {
    for (std::size_t i = 0; i < regions.size(); ++i) {
      const auto& r = regions[i];
      if (!r.is_object() || !r.contains("regionCode") || r["regionCode"] != region) continue;
      const std::string key = r.contains("versionUrl") ? "versionUrl" : "currentVersionUrl";
      const std::string pointer = "/regions/" + std::to_string(i) + "/" + key;
      if (!r.contains(key) || !r[key].is_string())
        throw InputError(index_url, pointer, "expected the region's versioned URL (a string)");
      return r[key].get<std::string>();
    }
    return std::nullopt;
  }
  (void)savings_plan;
  throw InputError(index_url, "/regions", "expected an object or an array of regions");
}

std::vector<std::string> default_regions(const fs::path& pricing_data) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(pricing_data / "aws", ec)) {
    const std::string name = e.path().filename().string();
    if (e.is_directory() && name != "global" && !name.empty() && name[0] != '.') out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

const std::vector<UpdateService>& update_services() {
  static const std::vector<UpdateService> services = {
      {"AmazonVPC", false, true, {"AmazonVPC"}},
      {"AWSLambda", false, true, {"AWSLambda"}},
      {"AmazonDynamoDB", false, true, {"AmazonDynamoDB"}},
      {"AmazonRDS", false, true, {"AmazonRDS"}},
      // ~480 MB for us-east-1: only when asked for.
      {"AmazonEC2", false, false, {"AmazonEC2"}},
      {"AWSComputeSavingsPlan", true, false, {"AWSComputeSavingsPlan", "AmazonComputeSavingsPlan"}},
      {"AWSDatabaseSavingsPlans", true, false, {"AWSDatabaseSavingsPlans", "AmazonDatabaseSavingsPlans"}},
  };
  return services;
}

ImportReport run_pricing_update(const UpdateOptions& options,
                                const std::function<void(const std::string&)>& before_commit) {
  std::vector<std::string> services = options.services;
  if (services.empty())
    for (const auto& s : update_services())
      if (s.in_default_set) services.emplace_back(s.code);
  std::vector<std::string> regions = options.regions;
  if (regions.empty()) regions = default_regions(options.import.pricing_data);
  if (regions.empty())
    throw CommandLineError("no region to update: name one with --region (e.g. --region us-east-1)");
  std::string base = options.base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  if (!fetch_url_allowed(base + "/"))
    throw CommandLineError("--base-url must be an https:// URL (http:// only to 127.0.0.1 or localhost), got \"" +
                           options.base_url + "\"");

  TempFolder downloads;
  ImportOptions import = options.import;
  import.files.clear();
  import.source_urls.clear();
  import.expected_offer_codes.clear();
  import.regions = regions;  // a regional file holds its region only; anything else is not imported
  for (const auto& code : services) {
    const UpdateService& service = service_named(code);
    const std::string index_url = base + (service.savings_plan ? "/savingsPlan/v1.0/aws/" : "/offers/v1.0/aws/") +
                                  code + "/current/region_index.json";
    const std::string text = fetch_text(index_url, options.fetch, kIndexLimit);
    const nlohmann::json index = parse_json_text(text, index_url, JsonOrigin::kUserInput);
    for (const auto& region : regions) {
      const auto path = version_url(index, index_url, region, service.savings_plan);
      if (!path)
        throw InputError(index_url, "/regions",
                         code + " has no file for region \"" + region +
                             "\" in the region index; check the region code, or leave it out with --region");
      check_version_url(index_url, "/regions", *path, region);
      const std::string url = base + *path;
      const fs::path file = downloads.path() / (code + "-" + region + ".json");
      fetch_to_file(url, file, options.fetch, code + " " + region);
      import.files.push_back(file);
      import.source_urls.push_back(url);
      import.expected_offer_codes.push_back(service.file_offer_codes);
    }
  }
  return run_pricing_import(import, before_commit);
}

int cmd_pricing_update(const std::vector<std::string>& args, const std::string& default_pricing_data) {
  po::options_description o("Options");
  o.add_options()("help,h", "show this help")(
      "service", po::value<std::vector<std::string>>()->composing(),
      "offer to fetch, repeatable: AmazonVPC, AWSLambda, AmazonDynamoDB, AmazonRDS (the default set), AmazonEC2 "
      "(regional file, ~480 MB for us-east-1), AWSComputeSavingsPlan, AWSDatabaseSavingsPlans")(
      "region", po::value<std::vector<std::string>>()->composing(),
      "region to fetch, repeatable (default: every region folder under pricing-data/aws)")(
      "pricing-data", po::value<std::string>()->default_value(default_pricing_data), "folder of price tables to refresh")(
      "base-url", po::value<std::string>(),
      "Price List server (default https://pricing.us-east-1.amazonaws.com, or $COSTPROOF_PRICELIST_BASE_URL)")(
      "timeout", po::value<long>()->default_value(60), "seconds without progress after which a download is abandoned")(
      "max-bytes", po::value<std::uint64_t>()->default_value(8ull << 30), "largest file accepted, in bytes")(
      "dry-run", "download and print the change report, write nothing")(
      "progress", po::value<std::string>()->default_value("auto"), "progress bar on stderr: auto (on a terminal), always, never")(
      "out,o", po::value<std::string>(), "write the change report to this file (atomically) instead of stdout");
  add_report_format_option(o, "change report format: md or json");
  const po::variables_map vm = parse_command_line(args, o, {}, {});
  if (vm.count("help")) {
    std::cout << "Usage: costproof pricing update [--service S]... [--region R]... [options]\n\n"
                 "Fetches the current regional AWS Price List files (region index -> versioned URL) over\n"
                 "HTTPS and imports them like pricing import: all tables replaced at once, or none.\n"
                 "Never fetches the all-region EC2 file (docs/pricing-import.md).\n\n"
              << o;
    return kOk;
  }
  UpdateOptions options;
  if (vm.count("service")) options.services = vm["service"].as<std::vector<std::string>>();
  for (const auto& s : options.services) (void)service_named(s);
  if (vm.count("region")) options.regions = vm["region"].as<std::vector<std::string>>();
  if (const char* env = std::getenv("COSTPROOF_PRICELIST_BASE_URL"); env && *env) options.base_url = env;
  if (vm.count("base-url")) options.base_url = vm["base-url"].as<std::string>();
  options.fetch.stall_seconds = vm["timeout"].as<long>();
  if (options.fetch.stall_seconds < 1) throw CommandLineError("--timeout must be at least 1 second");
  options.fetch.max_bytes = vm["max-bytes"].as<std::uint64_t>();
  options.fetch.progress = progress_option(vm["progress"].as<std::string>());
  options.import.progress = options.fetch.progress;
  options.import.pricing_data = vm["pricing-data"].as<std::string>();
  options.import.dry_run = vm.count("dry-run") > 0;
  options.import.format = output_format_of(vm);
  std::optional<std::string> out;
  if (vm.count("out")) out = vm["out"].as<std::string>();
  run_reporting_to(out, [&](const auto& before_commit) { return run_pricing_update(options, before_commit); });
  return kOk;
}

}  // namespace costproof::cli
