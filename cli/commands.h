// The work behind `costproof run`: read each scenario, calculate, render.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/date.h"
#include "pricing/price_catalog.h"
#include "pricing/pricing_report.h"

namespace costproof::cli {

struct RunOptions {
  OutputFormat format = OutputFormat::kMarkdown;
  Date today;                    // staleness is judged against this date
  long max_price_age_days = 180;
};

struct RunOutput {
  std::string text;                   // the whole rendered document
  std::vector<std::string> warnings;  // also printed to stderr
};

RunOutput run_scenarios(const std::vector<std::filesystem::path>& files, const PriceCatalog& catalog,
                        const RunOptions& options);

}  // namespace costproof::cli
