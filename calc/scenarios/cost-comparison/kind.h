// The cost-comparison scenario kind's descriptor (see scenarios/kind_list.h): designs made of
// priced line items, compared a month and a year (docs/scenario-cost-comparison.md).
#pragma once

#include <optional>
#include <string_view>

#include "render/svg_chart.h"
#include "scenarios/companion_form.h"
#include "scenarios/cost-comparison/cost_comparison.h"

namespace costproof {

// Companion chart: each design's monthly cost at 0 .. 2 x the variable's largest value (levels
// included), the headline value marked; nullopt without a variable.
std::optional<LineChart> cost_comparison_chart(const CostComparisonScenario& scenario, const PriceCatalog& catalog);

struct CostComparisonKind {
  static constexpr std::string_view id = "cost-comparison";
  static constexpr std::string_view docs = "docs/scenario-cost-comparison.md";
  using Scenario = CostComparisonScenario;
  using Result = CostComparisonResult;
  static Scenario parse(JsonReader& r, ScenarioHeader h, const ReadRelativeFile&) {
    return parse_cost_comparison(r, std::move(h));
  }
  static Result calculate(const Scenario& s, const PriceCatalog& c, const Date& today, long max_age) {
    return costproof::calculate(s, c, today, max_age);
  }
  static std::string markdown(const Result& r) { return render_markdown(r); }
  static nlohmann::ordered_json json(const Result& r) { return render_json(r); }
  static std::optional<LineChart> chart(const Scenario& s, const Result&, const PriceCatalog& c, const Date&) {
    return cost_comparison_chart(s, c);
  }
  // The companion page's form (templates/form.html): pick one of the episode's comparisons and set
  // its variable; the scenario is the episode's own file with that value (scenarios/companion_form.h).
  static nlohmann::ordered_json companion_form_options(const CompanionFormInput& in);
  static nlohmann::ordered_json companion_scenario(const CompanionFormFields& fields);
};

}  // namespace costproof
