// The compute-migration scenario kind's descriptor (see scenarios/kind_list.h):
// a fleet moved to other instance types (Graviton), priced On-Demand.
#pragma once

#include <optional>
#include <string_view>

#include "render/svg_chart.h"
#include "scenarios/companion_form.h"
#include "scenarios/compute-migration/compute_migration.h"

namespace costproof {

// Companion chart: the monthly saving as a function of the performance gain the new instances really
// deliver (0% to 50% in steps of 5, or to the quoted gain if higher): with that gain, fewer instances
// do the same work (rounded up to whole instances), against keeping the same count. The scenario's
// quoted gain, if any, is marked.
// Example: graviton_savings_chart(s, catalog, today).series[0].points[0] == {0, 193.4208}
LineChart graviton_savings_chart(const ComputeMigrationScenario& scenario, const PriceCatalog& catalog,
                                 const Date& today);

struct ComputeMigrationKind {
  static constexpr std::string_view id = "compute-migration";
  static constexpr std::string_view docs = "docs/scenarios.md";  // where its fields are described
  using Scenario = ComputeMigrationScenario;
  using Result = ComputeMigrationResult;
  static Scenario parse(JsonReader& r, ScenarioHeader h, const ReadRelativeFile&) {
    return parse_compute_migration(r, std::move(h));
  }
  static Result calculate(const Scenario& s, const PriceCatalog& c, const Date& today, long max_age) {
    return costproof::calculate(s, c, today, max_age);
  }
  static std::string markdown(const Result& r) { return render_markdown(r); }
  static nlohmann::ordered_json json(const Result& r) { return render_json(r); }
  static std::optional<LineChart> chart(const Scenario& s, const Result&, const PriceCatalog& c, const Date& today) {
    return graviton_savings_chart(s, c, today);
  }
  // The companion page's form (templates/form.html): its options and defaults, and the scenario
  // of its submitted fields (scenarios/companion_form.h).
  static nlohmann::ordered_json companion_form_options(const CompanionFormInput& in);
  static nlohmann::ordered_json companion_scenario(const CompanionFormFields& fields);
};

}  // namespace costproof
