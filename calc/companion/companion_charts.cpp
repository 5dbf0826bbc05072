#include "companion/companion_charts.h"

#include "core/format.h"

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
    if (curve.points.empty() || curve.points.back().x != p.outcome.commitment)
      curve.points.push_back({p.outcome.commitment, p.outcome.saving});
  chart.series.push_back(curve);
  chart.markers.push_back({result.optimum.commitment, "best " + format_price(result.optimum.commitment) + "/h"});
  chart.markers.push_back({result.break_even_commitment, "break-even " + format_price(result.break_even_commitment) + "/h"});
  chart.description = "Yearly saving of a Database Savings Plan for scenario \"" + result.scenario->header.id +
                      "\" as the hourly commitment grows: it peaks at the best commitment, " +
                      format_price(result.optimum.commitment) + " per hour (saving " +
                      format_usd_rounded(result.at_optimum.saving) +
                      " a year), falls back to zero at the break-even commitment, " +
                      format_price(result.break_even_commitment) + " per hour, and is a loss above it.";
  return chart;
}

LineChart nat_vs_ipv6_chart(const Ipv6EgressScenario& scenario, const PriceCatalog& catalog, const Date& today) {
  const auto result = calculate(scenario, catalog, today, 100000);
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
