// The companion page's chart for this kind (see kind.h), computed by the same
// calculator as the worked examples, then drawn by render/svg_chart.h.
#include "core/format.h"
#include "scenarios/compute-migration/kind.h"

namespace costproof {

LineChart graviton_savings_chart(const ComputeMigrationScenario& scenario, const PriceCatalog& catalog,
                                 const Date& today) {
  LineChart chart;
  chart.id = "chart-graviton";
  chart.title = "Graviton savings vs fleet size: " + scenario.header.title;
  chart.x_label = "Instances in the fleet";
  chart.y_label = "Saving per month (USD, " + format_number(scenario.hours_per_month) + " h month)";
  chart.x_format = AxisFormat::kNumber;
  chart.y_format = AxisFormat::kUsd;
  ChartSeries same{"Same instance count", {}, false};
  ChartSeries adjusted{"Performance-adjusted (fewer instances)", {}, true};
  for (std::int64_t k = 1; k <= 10; ++k) {
    ComputeMigrationScenario scaled = scenario;
    Decimal instances;
    bool fits = true;
    for (auto& row : scaled.fleet) {
      row.count = Quantity(row.count.value() * Decimal::from_int(k));
      if (row.count.value() > Decimal::from_int(1'000'000)) fits = false;  // the scenario limit
      instances = instances + row.count.value();
    }
    if (!fits) break;
    const auto result = calculate(scaled, catalog, today, 100000);
    same.points.push_back({instances, (result.before - result.after).usd()});
    if (scenario.performance) adjusted.points.push_back({instances, (result.before - result.after_adjusted).usd()});
  }
  chart.series.push_back(same);
  if (scenario.performance) chart.series.push_back(adjusted);
  const auto& first = same.points.front();
  chart.description = "Monthly saving of moving the fleet of scenario \"" + scenario.header.id +
                      "\" to its Graviton targets, for the fleet at 1 to 10 times its size: " +
                      format_number(first.x) + " instances save " + format_usd_rounded(first.y) +
                      " a month, and the saving grows in proportion to the fleet (" +
                      format_number(same.points.back().x) + " instances save " +
                      format_usd_rounded(same.points.back().y) + " a month).";
  return chart;
}

}  // namespace costproof
