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

TEST(CompanionChartsTest, GravitonChartIsTheSavingByPerformanceGain) {
  const auto s = scenario<ComputeMigrationScenario>("graviton-small-team.json");
  const LineChart chart = graviton_savings_chart(s, catalog(), kToday);
  ASSERT_EQ(chart.series.size(), 2u);
  EXPECT_TRUE(chart.markers.empty());  // no performance claim in this scenario
  const auto& fewer = chart.series[0].points;
  const auto& same = chart.series[1].points;
  ASSERT_EQ(fewer.size(), 11u);  // 0%, 5%, ..., 50%
  // 12 x m7i.xlarge ($0.2016/h) -> m8g.xlarge ($0.17952/h), 730 h: 12 x 0.02208 x 730 = $193.4208.
  EXPECT_EQ(fewer[0].x, Decimal::from_int(0));
  EXPECT_EQ(fewer[0].y, Decimal::parse("193.4208"));
  EXPECT_EQ(same[10].y, Decimal::parse("193.4208"));
  // At 50%: ceil(12 / 1.5) = 8 instances: 12 x 0.2016 x 730 - 8 x 0.17952 x 730 = 1,766.016 - 1,048.3968.
  EXPECT_EQ(fewer[10].x, Decimal::from_int(50));
  EXPECT_EQ(fewer[10].y, Decimal::parse("717.6192"));
  // At 5%: ceil(12 / 1.05) = 12, no instance less yet.
  EXPECT_EQ(fewer[1].y, Decimal::parse("193.4208"));
  EXPECT_NE(render_svg_line_chart(chart).find("Extra work per instance-hour"), std::string::npos);
}

TEST(CompanionChartsTest, GravitonChartMarksTheQuotedGain) {
  const auto s = scenario<ComputeMigrationScenario>("graviton4-to-graviton5.json");
  const LineChart chart = graviton_savings_chart(s, catalog(), kToday);
  ASSERT_EQ(chart.markers.size(), 1u);
  EXPECT_EQ(chart.markers[0].x, s.performance->throughput_gain_percent);
  // The same count costs more (Graviton5 is dearer); enough gain turns it into a saving.
  EXPECT_TRUE(chart.series[1].points[0].y.is_negative());
  EXPECT_FALSE(chart.series[0].points.back().y.is_negative());
}

TEST(CompanionChartsTest, DspChartPeaksAtTheBestCommitmentAndMarksBreakEven) {
  const auto s = scenario<DatabaseSavingsPlanScenario>("dsp-small-aurora-serverless.json");
  const auto result = calculate(s, catalog(), kToday, 180);
  const LineChart chart = dsp_savings_chart(result);
  ASSERT_EQ(chart.markers.size(), 2u);
  EXPECT_EQ(chart.markers[0].x, Decimal::parse("0.468"));  // 0.65 x $0.72 (docs/scenario-database-savings-plan.md)
  EXPECT_EQ(chart.markers[1].x, result.break_even_commitment.usd_per_unit());
  EXPECT_EQ(chart.markers[0].label, "best ≈ $0.47/h");  // rounded for readers; exact in the data table
  Decimal best;
  for (const auto& p : chart.series[0].points)
    if (p.y > best) best = p.y;
  EXPECT_EQ(best, result.at_optimum.saving.usd());
}

TEST(CompanionChartsTest, NatChartStartsAtZeroGbWithTheFixedCosts) {
  const auto s = scenario<Ipv6EgressScenario>("ipv6-dev-single-az.json");
  const LineChart chart = nat_vs_ipv6_chart(s, calculate(s, catalog(), kToday, 100000), catalog());
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
