#include "scenarios/run_report.h"

#include "core/error.h"
#include "render/text_template.h"


namespace costproof {

RunReport run_report(const std::vector<Scenario>& scenarios, const PriceCatalog& catalog, const RunSettings& settings) {
  RunReport report;
  report.settings = settings;
  // Two scenarios with one id (or one file named twice) would render twice under one name.
  for (std::size_t i = 0; i < scenarios.size(); ++i)
    for (std::size_t j = i + 1; j < scenarios.size(); ++j) {
      const ScenarioHeader& a = header_of(scenarios[i]);
      const ScenarioHeader& b = header_of(scenarios[j]);
      if (a.id == b.id)
        throw InputError(b.file, "/id",
                         "scenario id \"" + b.id + "\" is also used by " +
                             (a.file == b.file ? "the same file, named earlier on the command line" : a.file) +
                             "; ids must be unique within one run: name each scenario once");
    }
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
