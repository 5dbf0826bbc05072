// The companion page's chart for this kind (see kind.h), computed by the same calculator as the
// worked examples, then drawn by render/svg_chart.h.
#include <algorithm>

#include "core/format.h"
#include "render/chart_text.h"
#include "render/text_template.h"
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
  chart.x_format = AxisFormat::kNumber;
  chart.y_format = AxisFormat::kUsd;
  const auto xs = nice_ticks(Decimal(), span * Decimal::from_int(2), 10);
  nlohmann::json designs = nlohmann::json::array();
  for (std::size_t i = 0; i < s.designs.size(); ++i) {
    ChartSeries series{{}, {}, i % 2 == 1};
    for (const Decimal& x : xs) series.points.push_back({x, price_design(s, s.designs[i], catalog, x).monthly.usd()});
    designs.push_back({{"name", s.designs[i].name},
                       {"at_zero", format_usd_rounded(series.points.front().y)},
                       {"at_top", format_usd_rounded(series.points.back().y)}});
    chart.series.push_back(std::move(series));
  }
  chart.markers.push_back({v.value, {}});
  fill_chart_text(chart, "cost-comparison/chart.md",
                  {{"title", s.header.title}, {"what", v.what}, {"unit", v.unit},
                   {"month", format_number(s.hours_per_month)}, {"top", format_number(xs.back())},
                   {"designs", separated(std::move(designs), "; ")}, {"example", format_number(v.value)}});
  return chart;
}

}  // namespace costproof
