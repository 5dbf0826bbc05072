// The companion page's chart for this kind (see kind.h), computed by the same
// calculator as the worked examples, then drawn by render/svg_chart.h.
#include "core/format.h"
#include "render/chart_text.h"
#include "scenarios/ipv6-egress/kind.h"

namespace costproof {

LineChart nat_vs_ipv6_chart(const Ipv6EgressScenario& scenario, const Ipv6EgressResult& result,
                            const PriceCatalog& catalog) {
  const VpcResult& first = result.vpcs.front();
  const EgressVpc& vpc = *first.vpc;
  LineChart chart;
  chart.id = "chart-nat-ipv6";
  chart.x_format = AxisFormat::kNumber;
  chart.y_format = AxisFormat::kUsd;
  Decimal span = vpc.monthly_gb_processed.value();
  if (first.break_even_gb && first.break_even_gb->value() > span) span = first.break_even_gb->value();
  if (span.is_zero()) span = Decimal::from_int(100);
  const VpcPrices prices = find_vpc_prices(catalog, scenario.region);
  const EgressDesign best = first.costs.best_nat_design;
  ChartSeries keep{{}, {}, false};
  ChartSeries alternative{{}, {}, true};
  for (const Decimal& gb : nice_ticks(Decimal(), span * Decimal::from_int(2), 10)) {
    EgressVpc at = vpc;
    at.monthly_gb_processed = Quantity(gb);
    const VpcCosts costs = price_vpc(at, prices, scenario.hours_per_month, scenario.claim.threshold_usd_per_month);
    keep.points.push_back({gb, costs[EgressDesign::kKeepNat].total().usd()});
    alternative.points.push_back({gb, costs[best].total().usd()});
  }
  chart.series = {keep, alternative};
  chart.markers.push_back({vpc.monthly_gb_processed.value(), {}});
  fill_chart_text(chart, "ipv6-egress/chart.md",
                  {{"vpc", vpc.name},
                   {"title", scenario.header.title},
                   {"month", format_number(scenario.hours_per_month)},
                   {"azs", std::to_string(vpc.availability_zones)},
                   {"ipv6_percent", format_number(vpc.ipv6_reachable_percent)},
                   {"keep", design_name(EgressDesign::kKeepNat)},
                   {"best", design_name(best)},
                   {"top", format_number(keep.points.back().x)},
                   {"keep_zero", format_usd_rounded(keep.points.front().y)},
                   {"keep_top", format_usd_rounded(keep.points.back().y)},
                   {"best_zero", format_usd_rounded(alternative.points.front().y)},
                   {"best_top", format_usd_rounded(alternative.points.back().y)},
                   {"gb", format_number(vpc.monthly_gb_processed.value())}});
  return chart;
}

}  // namespace costproof
