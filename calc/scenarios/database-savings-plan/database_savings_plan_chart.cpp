// The companion page's chart for this kind (see kind.h), computed by the same
// calculator as the worked examples, then drawn by render/svg_chart.h.
#include "core/format.h"
#include "render/chart_text.h"
#include "scenarios/database-savings-plan/kind.h"

namespace costproof {

LineChart dsp_savings_chart(const DatabaseSavingsPlanResult& result) {
  LineChart chart;
  chart.id = "chart-dsp";
  chart.x_format = AxisFormat::kUsdPrice;
  chart.y_format = AxisFormat::kUsd;
  ChartSeries curve{{}, {}, false};
  for (const auto& p : result.curve)  // ascending commitment; a labelled point may repeat a step's commitment
    if (curve.points.empty() || curve.points.back().x != p.outcome.commitment.usd_per_unit())
      curve.points.push_back({p.outcome.commitment.usd_per_unit(), p.outcome.saving.usd()});
  chart.series.push_back(curve);
  const Decimal& best = result.optimum.commitment.usd_per_unit();
  const Decimal& break_even = result.break_even_commitment.usd_per_unit();
  // Marker labels rounded to the cent for readers ("best ≈ $5.79/h"); the exact commitments are in the
  // description, the data table and the worked example.
  const auto rounded = [](const Decimal& usd) {
    const std::string r = format_usd_rounded(usd);
    return (r == format_price(usd) ? "" : "≈ ") + r + "/h";
  };
  chart.markers.push_back({best, {}});
  chart.markers.push_back({break_even, {}});
  fill_chart_text(chart, "database-savings-plan/chart.md",
                  {{"title", result.scenario->header.title},
                   {"id", result.scenario->header.id},
                   {"best", format_price(best)},
                   {"break_even", format_price(break_even)},
                   {"best_saving", format_usd_rounded(result.at_optimum.saving.usd())},
                   {"best_label", rounded(best)},
                   {"break_even_label", rounded(break_even)}});
  return chart;
}

}  // namespace costproof
