// Unit tests for calc/scenarios/cost-comparison/cost_comparison.h: known answers for flat,
// per-hour, per-year, chosen-tier and scheduled items, deltas, the cheapest design, levels,
// break-even (linear and across a tier edge), and the errors a producer meets.
#include "scenarios/cost-comparison/cost_comparison.h"

#include <string>

#include <gtest/gtest.h>

#include "core/error.h"
#include "scenarios/scenario.h"

namespace costproof {
namespace {

using nlohmann::json;

Decimal d(const char* text) { return Decimal::parse(text); }
const Date kToday{2026, 11, 27};
constexpr const char* kFile = "scenarios/test/compare.json";

json source() {
  return {{"id", "s"}, {"title", "test source"}, {"url", "https://example.com/"}, {"as_of", "2026-10-01"},
          {"trust", "A"}, {"trust_note", "test"}};
}

PriceCatalog catalog() {
  json rows = json::array(
      {{{"key", "gw-hour"}, {"unit", "hour"}, {"price", "0.045"}, {"source", "s"}},
       {{"key", "gw-gb"}, {"unit", "GB"}, {"price", "0.045"}, {"source", "s"}},
       {{"key", "box-hour"}, {"unit", "hour"}, {"price", "0.0042"}, {"source", "s"}},
       {{"key", "tiered"}, {"unit", "GB"}, {"tier_start", "0"}, {"tier_end", "100"}, {"price", "0.10"}, {"source", "s"}},
       {{"key", "tiered"}, {"unit", "GB"}, {"tier_start", "100"}, {"tier_end", "Inf"}, {"price", "0.05"}, {"source", "s"}}});
  PriceCatalog c;
  c.add_table(parse_price_table({{"schema_version", 1}, {"provider", "aws"}, {"region", "us-east-1"},
                                 {"service", "svc"}, {"currency", "USD"}, {"description", "test"},
                                 {"sources", json::array({source()})}, {"rows", rows}},
                                "svc.json"));
  return c;
}

json item(const char* name, json quantity, const char* per, const char* key, json tier = nullptr) {
  json price = {{"service", "svc"}, {"key", key}};
  if (!tier.is_null()) price["tier"] = tier;
  return {{"name", name}, {"quantity", quantity}, {"per", per}, {"price", price}};
}

json scenario(json designs, json variable = nullptr) {
  json s = {{"schema_version", 1}, {"kind", "cost-comparison"}, {"id", "t"}, {"title", "T"}, {"episode", "901"},
            {"region", "us-east-1"}, {"hours_per_month", 730}, {"designs", designs}};
  if (!variable.is_null()) s["variable"] = variable;
  return s;
}

json gb_variable(const char* value) {
  return {{"name", "gb"}, {"what", "GB a month"}, {"unit", "GB"}, {"value", value},
          {"levels", json::array({{{"value", "0"}}, {{"value", "1000"}}})}};
}

CostComparisonResult run(const json& j, const PriceCatalog& c, CostComparisonScenario& keep) {
  keep = std::get<CostComparisonScenario>(parse_scenario(j, kFile));
  return calculate(keep, c, kToday, 100000);
}

TEST(CostComparisonTest, GatewayVersusInstanceKnownAnswers) {
  const auto c = catalog();
  json designs = json::array(
      {{{"id", "gw"}, {"name", "Gateway"},
        {"items", json::array({item("hours", 1, "hour", "gw-hour"), item("gb", {{"variable", "gb"}}, "month", "gw-gb")})}},
       {{"id", "box"}, {"name", "Box"}, {"items", json::array({item("hours", 1, "hour", "box-hour")})}}});
  CostComparisonScenario s;
  const auto r = run(scenario(designs, gb_variable("1000")), c, s);
  // 1 x 0.045 x 730 + 1000 x 0.045 = 32.85 + 45 = 77.85; 0.0042 x 730 = 3.066
  EXPECT_EQ(r.designs[0].monthly.usd(), d("77.85"));
  EXPECT_EQ(r.designs[0].yearly.usd(), d("934.2"));
  EXPECT_EQ(r.designs[1].monthly.usd(), d("3.066"));
  EXPECT_EQ(r.cheapest, 1u);
  ASSERT_EQ(r.deltas.size(), 1u);
  EXPECT_EQ(r.deltas[0].monthly.usd(), d("-74.784"));
  EXPECT_EQ(*r.deltas[0].percent_of_baseline, d("-96.1"));  // 74.784 / 77.85 = 96.06%
  ASSERT_EQ(r.levels.size(), 2u);
  EXPECT_EQ(r.levels[0].designs[0].monthly.usd(), d("32.85"));
  ASSERT_EQ(r.break_evens.size(), 1u);
  EXPECT_FALSE(r.break_evens[0].exists);  // the box is cheaper at every GB
  EXPECT_TRUE(r.break_evens[0].cheaper_at_zero);
}

TEST(CostComparisonTest, BreakEvenIsExactOnALinearPiece) {
  const auto c = catalog();
  // on demand: gb x 0.045; fixed: 1 x 0.045 x 730 = 32.85  ->  equal at 730 GB
  json designs = json::array(
      {{{"id", "per-gb"}, {"name", "Per GB"}, {"items", json::array({item("gb", {{"variable", "gb"}}, "month", "gw-gb")})}},
       {{"id", "fixed"}, {"name", "Fixed"}, {"items", json::array({item("hours", 1, "hour", "gw-hour")})}}});
  CostComparisonScenario s;
  const auto r = run(scenario(designs, gb_variable("100")), c, s);
  ASSERT_TRUE(r.break_evens[0].exists);
  EXPECT_EQ(r.break_evens[0].value, d("730"));
  EXPECT_TRUE(r.break_evens[0].exact);
  EXPECT_TRUE(r.break_evens[0].cheaper_above);
}

TEST(CostComparisonTest, ScheduleBillsEachTierAndBreakEvenCrossesTheEdge) {
  const auto c = catalog();
  // tiered: 100 x 0.10 + (gb - 100) x 0.05; flat box: 0.0042 x 730 = 3.066 ... use 20 box-hours a month
  json designs = json::array(
      {{{"id", "sched"}, {"name", "Schedule"},
        {"items", json::array({item("gb", {{"variable", "gb"}}, "month", "tiered", "schedule")})}},
       {{"id", "flat"}, {"name", "Flat"}, {"items", json::array({item("gb", {{"variable", "gb"}}, "month", "gw-gb")})}}});
  CostComparisonScenario s;
  const auto r = run(scenario(designs, gb_variable("300")), c, s);
  // 300 GB: 100 x 0.10 + 200 x 0.05 = 20; flat 300 x 0.045 = 13.5
  EXPECT_EQ(r.designs[0].monthly.usd(), d("20"));
  ASSERT_EQ(r.designs[0].lines[0].tiers.size(), 2u);
  EXPECT_EQ(r.designs[0].lines[0].tiers[1].quantity.value(), d("200"));
  // flat - sched: at 0 it is 0; at 100: 4.5 - 10 = -5.5; beyond, slope 0.045 - 0.05 < 0: never crosses back
  ASSERT_EQ(r.break_evens.size(), 1u);
  EXPECT_FALSE(r.break_evens[0].exists);
}

TEST(CostComparisonTest, YearlyAmountDividedByTwelveIsMarkedInexact) {
  const auto c = catalog();
  json fee = {{"name", "fee"}, {"amount_usd", "100"}, {"per", "year"},
              {"source", {{"title", "fee"}, {"url", "https://example.com/fee"}, {"as_of", "2026-01-01"},
                          {"trust", "C"}, {"trust_note", "test"}}}};
  json designs = json::array({{{"id", "fee"}, {"name", "Fee"}, {"items", json::array({fee})}},
                              {{"id", "box"}, {"name", "Box"}, {"items", json::array({item("h", 1, "hour", "box-hour")})}}});
  CostComparisonScenario s;
  const auto r = run(scenario(designs), c, s);
  EXPECT_EQ(r.designs[0].yearly.usd(), d("100"));
  EXPECT_FALSE(r.designs[0].monthly_exact);
  EXPECT_EQ(r.designs[0].monthly.usd(), d("8.3333333333"));
  const std::string md = render_markdown(r);
  EXPECT_NE(md.find("$100.00 a year ÷ 12 ≈ $8.3333333333"), std::string::npos) << md;
}

TEST(CostComparisonTest, TieredRowAsFlatPriceSaysHowToChoose) {
  const auto c = catalog();
  json designs = json::array({{{"id", "a"}, {"name", "A"}, {"items", json::array({item("gb", 10, "month", "tiered")})}},
                              {{"id", "b"}, {"name", "B"}, {"items", json::array({item("gb", 10, "month", "gw-gb")})}}});
  CostComparisonScenario s;
  try {
    run(scenario(designs), c, s);
    FAIL() << "expected an error";
  } catch (const InputError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("/designs/0/items/0/price"), std::string::npos) << m;
    EXPECT_NE(m.find("is a tiered price (2 tiers"), std::string::npos) << m;
    EXPECT_NE(m.find("\"tier\": \"schedule\""), std::string::npos) << m;
    EXPECT_EQ(m.find("known regions"), std::string::npos) << m;
  }
}

TEST(CostComparisonTest, ChosenTierOutsideItsRangeWarns) {
  const auto c = catalog();
  json designs = json::array({{{"id", "a"}, {"name", "A"}, {"items", json::array({item("gb", 10, "month", "tiered", 2)})}},
                              {{"id", "b"}, {"name", "B"}, {"items", json::array({item("gb", 10, "month", "gw-gb")})}}});
  CostComparisonScenario s;
  const auto r = run(scenario(designs), c, s);
  EXPECT_EQ(r.designs[0].monthly.usd(), d("0.5"));
  ASSERT_FALSE(r.warnings.empty());
  EXPECT_NE(r.warnings[0].find("outside tier 2"), std::string::npos) << r.warnings[0];
}

TEST(CostComparisonTest, BadInputNamesThePointer) {
  json designs = json::array({{{"id", "a"}, {"name", "A"}, {"items", json::array({item("gb", {{"variable", "tb"}}, "month", "gw-gb")})}},
                              {{"id", "b"}, {"name", "B"}, {"items", json::array({item("gb", 10, "month", "gw-gb")})}}});
  EXPECT_THROW(parse_scenario(scenario(designs, gb_variable("1")), kFile), InputError);
  json one = json::array({{{"id", "a"}, {"name", "A"}, {"items", json::array({item("gb", 10, "month", "gw-gb")})}}});
  try {
    parse_scenario(scenario(one), kFile);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("/designs: expected at least 2"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace costproof
