#include "scenarios/run_report.h"

#include "render/text_template.h"


namespace costproof {

RunReport run_report(const std::vector<Scenario>& scenarios, const PriceCatalog& catalog, const RunSettings& settings) {
  RunReport report;
  report.settings = settings;
  for (const auto& scenario : scenarios)
    report.scenarios.push_back(render_scenario(scenario, catalog, settings.today, settings.max_price_age_days));
  for (const auto& s : report.scenarios)
    for (const auto& w : s.warnings) report.warnings.push_back(s.id + ": " + w);
  return report;
}

std::string render_run_json(const RunReport& report) {
  nlohmann::ordered_json doc;
  doc["costproof_version"] = COSTPROOF_VERSION;
  doc["checked_on"] = report.settings.today.to_string();
  doc["results"] = nlohmann::ordered_json::array();
  for (const auto& s : report.scenarios) doc["results"].push_back(s.json);
  return doc.dump(2) + "\n";
}

std::string render_run_markdown(const RunReport& report) {
  nlohmann::json data{{"version", COSTPROOF_VERSION}, {"checked_on", report.settings.today.to_string()}};
  data["scenarios"] = nlohmann::json::array();
  for (const auto& s : report.scenarios) data["scenarios"].push_back({{"markdown", s.markdown}});
  return fill_template("scenarios/run.md", data);
}

}  // namespace costproof
