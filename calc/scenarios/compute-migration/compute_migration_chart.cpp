// The companion page's chart for this kind (see kind.h), computed by the same
// calculator as the worked examples, then drawn by render/svg_chart.h.
#include <memory>

#include "core/format.h"
#include "scenarios/compute-migration/kind.h"

namespace costproof {

LineChart graviton_savings_chart(const ComputeMigrationScenario& scenario, const PriceCatalog& catalog,
                                 const Date& today) {
  LineChart chart;
  chart.id = "chart-graviton";
  chart.title = "Graviton savings vs the performance gain you really get: " + scenario.header.title;
  chart.x_label = "Extra work per instance-hour on the new type (%)";
  chart.y_label = "Saving per month (USD, " + format_number(scenario.hours_per_month) + " h month)";
  chart.x_format = AxisFormat::kPercent;
  chart.y_format = AxisFormat::kUsd;
  ChartSeries fewer{"Fewer instances for the same work", {}, false};
  ChartSeries same{"Same instance count", {}, true};
  // Gains from 0% to 50% in steps of 5 points (further when the scenario quotes more).
  Decimal top = Decimal::from_int(50);
  if (scenario.performance && scenario.performance->throughput_gain_percent > top)
    top = scenario.performance->throughput_gain_percent;
  // The gains the chart assumes. The calculator cites the assumption's source; a scenario without one
  // gets a placeholder dated today (so it never counts as stale). The chart reads the totals only:
  // nothing of the placeholder is printed.
  PerformanceAssumption p = scenario.performance.value_or(PerformanceAssumption{});
  if (!p.source) {
    auto placeholder = std::make_shared<PriceSource>();
    placeholder->id = "chart-assumed-gain";
    placeholder->title = "performance gain assumed by the chart";
    placeholder->as_of = today;
    placeholder->trust_note = "an axis value of the chart, not a claim";
    p.source = placeholder;
  }
  for (Decimal gain; gain <= top; gain = gain + Decimal::from_int(5)) {
    ComputeMigrationScenario assumed = scenario;
    p.throughput_gain_percent = gain;
    assumed.performance = p;
    const auto result = calculate(assumed, catalog, today, 100000);
    fewer.points.push_back({gain, (result.before - result.after_adjusted).usd()});
    same.points.push_back({gain, (result.before - result.after).usd()});
  }
  chart.series.push_back(fewer);
  chart.series.push_back(same);
  if (scenario.performance)
    chart.markers.push_back({scenario.performance->throughput_gain_percent,
                             "quoted " + format_percent(scenario.performance->throughput_gain_percent)});
  const auto& first = fewer.points.front();
  const auto& last = fewer.points.back();
  chart.description = "Monthly saving of moving the fleet of scenario \"" + scenario.header.id +
                      "\" to its Graviton targets, if each new instance does " + format_percent(first.x) + " to " +
                      format_percent(last.x) + " more work per hour, so that fewer instances do the same work: " +
                      format_usd_rounded(first.y) + " a month at " + format_percent(first.x) + ", " +
                      format_usd_rounded(last.y) + " a month at " + format_percent(last.x) +
                      ". Keeping the same number of instances saves " + format_usd_rounded(same.points.front().y) +
                      " a month whatever the gain.";
  return chart;
}

}  // namespace costproof
