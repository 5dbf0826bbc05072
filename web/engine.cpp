#include "engine.h"

#include <optional>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/json_reader.h"
#include "scenarios/companion_form.h"
#include "scenarios/run_report.h"
#include "scenarios/scenario.h"

namespace costproof::web {

namespace {

std::string failure(const std::string& message, const std::string& pointer = "") {
  nlohmann::ordered_json out;
  out["ok"] = false;
  out["message"] = message;
  out["pointer"] = pointer;
  return out.dump();
}

}  // namespace

std::string Engine::load_pricing(const std::string& files_json) {
  try {
    const auto list = parse_json_text(files_json, "embedded pricing data", JsonOrigin::kPricingData);
    std::vector<PricingFile> files;
    for (const auto& f : list)
      files.push_back({f.at("path").get<std::string>(), f.at("label").get<std::string>(), f.at("text").get<std::string>()});
    catalog_ = std::make_unique<PriceCatalog>(build_price_catalog(files));
    return "";
  } catch (const Error& e) {
    return error_report_line(e);
  } catch (const std::exception& e) {
    return std::string("costproof: internal error: embedded pricing data: ") + e.what();
  }
}

std::string Engine::run(const std::string& scenario_text, const std::string& as_of) const {
  if (!catalog_) return failure("costproof: internal error: no pricing data loaded");
  const auto today = Date::parse(as_of);
  if (!today) return failure("costproof: usage error: the date must be YYYY-MM-DD, got \"" + as_of + "\"");
  try {
    const auto json = parse_json_text(scenario_text, kFormScenarioLabel, JsonOrigin::kUserInput);
    const RunReport report = run_report({parse_scenario(json, kFormScenarioLabel)}, *catalog_, {*today, 180});
    nlohmann::ordered_json out;
    out["ok"] = true;
    out["json"] = render_run_json(report);
    out["markdown"] = render_run_markdown(report);
    out["warnings"] = report.warnings;
    return out.dump();
  } catch (const InputError& e) {
    return failure(error_report_line(e), e.pointer());
  } catch (const Error& e) {
    return failure(error_report_line(e));
  } catch (const std::exception& e) {
    return failure(std::string("costproof: internal error: ") + e.what());
  }
}

std::string Engine::form_scenario(const std::string& kind, const std::string& fields_json,
                                  const std::string& options_json) const {
  try {
    const auto options = nlohmann::ordered_json::parse(options_json);
    const auto& form_options = options.at("forms").at(kind);
    const CompanionFormFields fields(nlohmann::ordered_json::parse(fields_json), form_options,
                                     options.at("episode").get<std::string>());
    std::optional<nlohmann::ordered_json> scenario;
    ScenarioKinds::for_each([&]<class Kind>() {
      if (kind == Kind::id) scenario = Kind::companion_scenario(fields);
    });
    if (!scenario) return failure("costproof: internal error: no form for scenario kind \"" + kind + "\"");
    nlohmann::ordered_json out;
    out["ok"] = true;
    out["scenario"] = std::move(*scenario);
    return out.dump();
  } catch (const std::exception& e) {
    return failure(std::string("costproof: internal error: the form's fields: ") + e.what());
  }
}

}  // namespace costproof::web
