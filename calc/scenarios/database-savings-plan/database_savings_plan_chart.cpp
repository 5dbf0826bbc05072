// The companion page's chart for this kind (see kind.h), computed by the same
// calculator as the worked examples, then drawn by render/svg_chart.h.
#include "core/format.h"
#include "scenarios/database-savings-plan/kind.h"

namespace costproof {

LineChart dsp_savings_chart(const DatabaseSavingsPlanResult& result) {
  LineChart chart;
  chart.id = "chart-dsp";
  chart.title = "Database Savings Plan: yearly saving vs hourly commitment: " + result.scenario->header.title;
  chart.x_label = "Commitment (USD per hour at Savings Plan rates)";
  chart.y_label = "Saving per year (USD; negative = loss)";
  chart.x_format = AxisFormat::kUsdPrice;
  chart.y_format = AxisFormat::kUsd;
  ChartSeries curve{"Saving against On-Demand", {}, false};
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
  chart.markers.push_back({best, "best " + rounded(best)});
  chart.markers.push_back({break_even, "break-even " + rounded(break_even)});
  chart.description = "Yearly saving of a Database Savings Plan for scenario \"" + result.scenario->header.id +
                      "\" as the hourly commitment grows: it peaks at the best commitment, " +
                      format_price(best) + " per hour (saving " + format_usd_rounded(result.at_optimum.saving.usd()) +
                      " a year), falls back to zero at the break-even commitment, " +
                      format_price(break_even) + " per hour, and is a loss above it.";
  return chart;
}

}  // namespace costproof
