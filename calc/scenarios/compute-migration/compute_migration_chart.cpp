// The companion page's chart for this kind (see kind.h), computed by the same
// calculator as the worked examples, then drawn by render/svg_chart.h.
#include <memory>

#include "core/format.h"
#include "render/chart_text.h"
#include "scenarios/compute-migration/kind.h"

namespace costproof {

LineChart graviton_savings_chart(const ComputeMigrationScenario& scenario, const PriceCatalog& catalog,
                                 const Date& today) {
  LineChart chart;
  chart.id = "chart-graviton";
  chart.x_format = AxisFormat::kPercent;
  chart.y_format = AxisFormat::kUsd;
  ChartSeries fewer{{}, {}, false};
  ChartSeries same{{}, {}, true};
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
  const auto& first = chart.series.front().points.front();
  const auto& last = chart.series.front().points.back();
  nlohmann::json data = {{"title", scenario.header.title},
                         {"id", scenario.header.id},
                         {"month", format_number(scenario.hours_per_month)},
                         {"from", format_percent(first.x)},
                         {"to", format_percent(last.x)},
                         {"at_from", format_usd_rounded(first.y)},
                         {"at_to", format_usd_rounded(last.y)},
                         {"same", format_usd_rounded(chart.series.back().points.front().y)}};
  if (scenario.performance) {
    chart.markers.push_back({scenario.performance->throughput_gain_percent, {}});
    data["quoted"] = format_percent(scenario.performance->throughput_gain_percent);
  }
  fill_chart_text(chart, "compute-migration/chart.md", data);
  return chart;
}

}  // namespace costproof
