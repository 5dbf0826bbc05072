// Unit tests for each kind's chart (calc/scenarios/<kind>/*_chart.cpp): each chart's points are the
// calculators' own figures (known answers from the worked examples).
#include "scenarios/compute-migration/kind.h"
#include "scenarios/database-savings-plan/kind.h"
#include "scenarios/ipv6-egress/kind.h"

#include <gtest/gtest.h>

#include "files.h"

namespace costproof {
namespace {

const std::string kRoot = COSTPROOF_SOURCE_DIR;
const Date kToday{2026, 11, 27};

const PriceCatalog& catalog() {
  static const PriceCatalog c = cli::load_pricing_data(kRoot + "/pricing-data");
  return c;
}

template <class S>
S scenario(const std::string& name) {
  return std::get<S>(cli::load_scenario_file(kRoot + "/scenarios/ep050/" + name));
}

TEST(CompanionChartsTest, GravitonChartIsTheSavingAtOneToTenTimesTheFleet) {
  const auto s = scenario<ComputeMigrationScenario>("graviton-small-team.json");
  const LineChart chart = graviton_savings_chart(s, catalog(), kToday);
  ASSERT_EQ(chart.series.size(), 1u);  // no performance claim in this scenario
  const auto& p = chart.series[0].points;
  ASSERT_EQ(p.size(), 10u);
  // 12 x m7i.xlarge ($0.2016/h) -> m8g.xlarge ($0.17952/h), 730 h: 12 x 0.02208 x 730 = $193.4208.
  EXPECT_EQ(p[0].x, Decimal::from_int(12));
  EXPECT_EQ(p[0].y, Decimal::parse("193.4208"));
  EXPECT_EQ(p[9].x, Decimal::from_int(120));
  EXPECT_EQ(p[9].y, Decimal::parse("1934.208"));
  EXPECT_NE(render_svg_line_chart(chart).find("Instances in the fleet"), std::string::npos);
}

TEST(CompanionChartsTest, GravitonChartWithPerformanceHasTwoSeries) {
  const auto s = scenario<ComputeMigrationScenario>("graviton4-to-graviton5.json");
  EXPECT_EQ(graviton_savings_chart(s, catalog(), kToday).series.size(), 2u);
}

TEST(CompanionChartsTest, DspChartPeaksAtTheBestCommitmentAndMarksBreakEven) {
  const auto s = scenario<DatabaseSavingsPlanScenario>("dsp-small-aurora-serverless.json");
  const auto result = calculate(s, catalog(), kToday, 180);
  const LineChart chart = dsp_savings_chart(result);
  ASSERT_EQ(chart.markers.size(), 2u);
  EXPECT_EQ(chart.markers[0].x, Decimal::parse("0.468"));  // 0.65 x $0.72 (docs/scenario-database-savings-plan.md)
  EXPECT_EQ(chart.markers[1].x, result.break_even_commitment.usd_per_unit());
  Decimal best;
  for (const auto& p : chart.series[0].points)
    if (p.y > best) best = p.y;
  EXPECT_EQ(best, result.at_optimum.saving.usd());
}

TEST(CompanionChartsTest, NatChartStartsAtZeroGbWithTheFixedCosts) {
  const auto s = scenario<Ipv6EgressScenario>("ipv6-dev-single-az.json");
  const LineChart chart = nat_vs_ipv6_chart(s, catalog(), kToday);
  ASSERT_EQ(chart.series.size(), 2u);
  const auto& keep = chart.series[0].points;
  EXPECT_TRUE(keep.front().x.is_zero());
  // One NAT gateway (0.045 x 730 = $32.85) plus 2 public IPv4 addresses (2 x 0.005 x 730 = $7.30) at 0 GB.
  EXPECT_EQ(keep.front().y, Decimal::parse("40.15"));
  // The IPv6-only design keeps only the instance's address: $3.65 whatever the GB.
  for (const auto& p : chart.series[1].points) EXPECT_EQ(p.y, Decimal::parse("3.65"));
  ASSERT_EQ(chart.markers.size(), 1u);
  EXPECT_EQ(chart.markers[0].x, Decimal::from_int(60));
}

}  // namespace
}  // namespace costproof
