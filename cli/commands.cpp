#include "commands.h"

#include "files.h"
#include "scenarios/run_report.h"

namespace costproof::cli {

RunOutput run_scenarios(const std::vector<std::filesystem::path>& files, const PriceCatalog& catalog,
                        const RunOptions& options) {
  // Parse everything first, so a bad file fails before any calculation or output.
  std::vector<Scenario> scenarios;
  scenarios.reserve(files.size());
  for (const auto& f : files) scenarios.push_back(load_scenario_file(f));
  const RunReport report = run_report(scenarios, catalog, {options.today, options.max_price_age_days});
  RunOutput out;
  out.warnings = report.warnings;
  out.text = options.format == OutputFormat::kJson ? render_run_json(report) : render_run_markdown(report);
  return out;
}

}  // namespace costproof::cli
