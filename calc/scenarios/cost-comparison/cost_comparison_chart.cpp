// The companion page's chart for this kind (see kind.h), computed by the same calculator as the
// worked examples, then drawn by render/svg_chart.h.
#include <algorithm>

#include "core/format.h"
#include "scenarios/cost-comparison/kind.h"

namespace costproof {

std::optional<LineChart> cost_comparison_chart(const CostComparisonScenario& s, const PriceCatalog& catalog) {
  if (!s.variable) return std::nullopt;
  const CostVariable& v = *s.variable;
  Decimal span = v.value;
  for (const auto& l : v.levels) span = std::max(span, l.value);
  if (span.is_zero()) span = Decimal::from_int(100);
  LineChart chart;
  chart.id = "chart-cost-comparison";
  chart.title = s.header.title + ": monthly cost of each design vs " + v.name + " (" + v.unit + ")";
  chart.x_label = v.what + " (" + v.unit + ")";
  chart.y_label = "Cost per month (USD, " + format_number(s.hours_per_month) + " h month)";
  chart.x_format = AxisFormat::kNumber;
  chart.y_format = AxisFormat::kUsd;
  const auto xs = nice_ticks(Decimal(), span * Decimal::from_int(2), 10);
  std::string ends;
  for (std::size_t i = 0; i < s.designs.size(); ++i) {
    ChartSeries series{s.designs[i].name, {}, i % 2 == 1};
    for (const Decimal& x : xs) series.points.push_back({x, price_design(s, s.designs[i], catalog, x).monthly.usd()});
    ends += (ends.empty() ? "" : "; ") + s.designs[i].name + " " + format_usd_rounded(series.points.front().y) + " at 0 and " +
            format_usd_rounded(series.points.back().y) + " at " + format_number(series.points.back().x);
    chart.series.push_back(std::move(series));
  }
  chart.markers.push_back({v.value, "this example: " + format_number(v.value) + " " + v.unit});
  chart.description = "Monthly cost of each design of \"" + s.header.title + "\" as " + v.what + " grows from 0 to " +
                      format_number(xs.back()) + " " + v.unit + ": " + ends + ".";
  return chart;
}

}  // namespace costproof
