// The database-savings-plan scenario kind's descriptor (see scenarios/kind_list.h):
// a year of hourly database usage against a Database Savings Plan commitment.
#pragma once

#include <optional>
#include <string_view>

#include "render/svg_chart.h"
#include "scenarios/companion_form.h"
#include "scenarios/database-savings-plan/database_savings_plan.h"

namespace costproof {

// Companion chart: the result's savings-vs-commitment curve (yearly USD vs $/hour committed),
// with the best commitment and the break-even marked.
LineChart dsp_savings_chart(const DatabaseSavingsPlanResult& result);

struct DatabaseSavingsPlanKind {
  static constexpr std::string_view id = "database-savings-plan";
  static constexpr std::string_view docs = "docs/scenario-database-savings-plan.md";  // where its fields are described
  using Scenario = DatabaseSavingsPlanScenario;
  using Result = DatabaseSavingsPlanResult;
  static Scenario parse(JsonReader& r, ScenarioHeader h, const ReadRelativeFile& read_file) {
    return parse_database_savings_plan(r, std::move(h), read_file);
  }
  static Result calculate(const Scenario& s, const PriceCatalog& c, const Date& today, long max_age) {
    return costproof::calculate(s, c, today, max_age);
  }
  static std::string markdown(const Result& r) { return render_markdown(r); }
  static nlohmann::ordered_json json(const Result& r) { return render_json(r); }
  // The curve is the result's own (price age changes only the result's warnings).
  static std::optional<LineChart> chart(const Scenario&, const Result& r, const PriceCatalog&, const Date&) {
    return dsp_savings_chart(r);
  }
  // The companion page's form (templates/form.html): its options and defaults, and the scenario
  // of its submitted fields (scenarios/companion_form.h).
  static nlohmann::ordered_json companion_form_options(const CompanionFormInput& in);
  static nlohmann::ordered_json companion_scenario(const CompanionFormFields& fields);
};

}  // namespace costproof
