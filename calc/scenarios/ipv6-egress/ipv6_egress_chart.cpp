// The companion page's chart for this kind (see kind.h), computed by the same
// calculator as the worked examples, then drawn by render/svg_chart.h.
#include "core/format.h"
#include "scenarios/ipv6-egress/kind.h"

namespace costproof {

LineChart nat_vs_ipv6_chart(const Ipv6EgressScenario& scenario, const Ipv6EgressResult& result,
                            const PriceCatalog& catalog) {
  const VpcResult& first = result.vpcs.front();
  const EgressVpc& vpc = *first.vpc;
  LineChart chart;
  chart.id = "chart-nat-ipv6";
  chart.title = "NAT gateway vs IPv6 egress: monthly cost vs GB processed: VPC \"" + vpc.name + "\" of " +
                scenario.header.title;
  chart.x_label = "GB through the NAT gateways per month";
  chart.y_label = "Cost per month (USD, " + format_number(scenario.hours_per_month) + " h month)";
  chart.x_format = AxisFormat::kNumber;
  chart.y_format = AxisFormat::kUsd;
  Decimal span = vpc.monthly_gb_processed.value();
  if (first.break_even_gb && first.break_even_gb->value() > span) span = first.break_even_gb->value();
  if (span.is_zero()) span = Decimal::from_int(100);
  const VpcPrices prices = find_vpc_prices(catalog, scenario.region);
  const EgressDesign best = first.costs.best_nat_design;
  ChartSeries keep{design_name(EgressDesign::kKeepNat), {}, false};
  ChartSeries alternative{design_name(best), {}, true};
  for (const Decimal& gb : nice_ticks(Decimal(), span * Decimal::from_int(2), 10)) {
    EgressVpc at = vpc;
    at.monthly_gb_processed = Quantity(gb);
    const VpcCosts costs = price_vpc(at, prices, scenario.hours_per_month, scenario.claim.threshold_usd_per_month);
    keep.points.push_back({gb, costs[EgressDesign::kKeepNat].total().usd()});
    alternative.points.push_back({gb, costs[best].total().usd()});
  }
  chart.series = {keep, alternative};
  chart.markers.push_back({vpc.monthly_gb_processed.value(), "this VPC: " + format_number(vpc.monthly_gb_processed.value()) + " GB"});
  chart.description = "Monthly cost of VPC \"" + vpc.name + "\" (" + std::to_string(vpc.availability_zones) +
                      " Availability Zone(s), " + format_number(vpc.ipv6_reachable_percent) +
                      "% of traffic reachable over IPv6) when keeping its NAT gateways and with \"" + design_name(best) +
                      "\", as the GB processed per month grows from 0 to " + format_number(keep.points.back().x) +
                      ": keeping NAT costs " + format_usd_rounded(keep.points.front().y) + " at 0 GB and " +
                      format_usd_rounded(keep.points.back().y) + " at the end; the IPv6 design costs " +
                      format_usd_rounded(alternative.points.front().y) + " and " +
                      format_usd_rounded(alternative.points.back().y) + ".";
  return chart;
}

}  // namespace costproof
