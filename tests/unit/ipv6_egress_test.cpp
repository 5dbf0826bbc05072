// Unit tests for calc/scenarios/ipv6-egress/ipv6_egress.h: known answers for every design, the
// claim check, break-even figures, data transfer out tiers, bad input, and
// the episode 050 scenarios against the real price tables.
#include "scenarios/ipv6-egress/ipv6_egress.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "core/error.h"
#include "files.h"
#include "core/json_reader.h"
#include "scenarios/scenario.h"

namespace costproof {
namespace {

using nlohmann::json;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }
Decimal d(const char* text) { return Decimal::parse(text); }
const Date kToday{2026, 11, 27};
constexpr const char* kFile = "scenarios/test/ipv6.json";

json source(const char* id, const char* as_of) {
  return {{"id", id}, {"title", std::string("test source ") + id}, {"url", "https://example.com/"},
          {"as_of", as_of}, {"trust", "A"}, {"trust_note", "test"}};
}

json row(const char* key, const char* unit, const char* price, const char* src) {
  return {{"key", key}, {"unit", unit}, {"price", price}, {"source", src}, {"description", key}};
}

json vpc_table(const char* region, const char* nat_price) {
  return {{"schema_version", 1}, {"provider", "aws"}, {"region", region}, {"service", "vpc"}, {"currency", "USD"},
          {"description", "test"}, {"sources", json::array({source("nat", "2025-10-28"), source("blog", "2023-10-12")})},
          {"rows", json::array({row("nat-gateway-hour", "hour", nat_price, "nat"),
                                row("nat-gateway-gb-processed", "GB", nat_price, "nat"),
                                row("egress-only-internet-gateway-hour", "hour", "0", "blog"),
                                row("egress-only-internet-gateway-gb", "GB", "0", "blog")})}};
}

json tier(const char* start, const char* end, const char* price) {
  json r = row("data-transfer-out-internet", "GB", price, "dto");
  r["tier_start"] = start;
  r["tier_end"] = end;
  return r;
}

// us-east-1 and eu-west-1 NAT prices, the global IPv4 price, and us-east-1 data transfer out only.
// Results point into the catalog, so it lives for the whole test program.
PriceCatalog make_test_catalog() {
  PriceCatalog c;
  c.add_table(parse_price_table(vpc_table("us-east-1", "0.045"), "pricing-data/aws/us-east-1/vpc.json"));
  c.add_table(parse_price_table(vpc_table("eu-west-1", "0.048"), "pricing-data/aws/eu-west-1/vpc.json"));
  c.add_table(parse_price_table(
      {{"schema_version", 1}, {"provider", "aws"}, {"region", "global"}, {"service", "vpc"}, {"currency", "USD"},
       {"description", "test"}, {"sources", json::array({source("ipv4", "2024-02-08")})},
       {"rows", json::array({row("public-ipv4-address-hour", "hour", "0.005", "ipv4")})}},
      "pricing-data/aws/global/vpc.json"));
  c.add_table(parse_price_table(
      {{"schema_version", 1}, {"provider", "aws"}, {"region", "us-east-1"}, {"service", "data-transfer"},
       {"currency", "USD"}, {"description", "test"}, {"sources", json::array({source("dto", "2026-03-08")})},
       {"rows", json::array({tier("0", "100", "0"), tier("100", "10240", "0.09"), tier("10240", "51200", "0.085"),
                             tier("51200", "153600", "0.07"), tier("153600", "Inf", "0.05")})}},
      "pricing-data/aws/us-east-1/data-transfer.json"));
  return c;
}

const PriceCatalog& test_catalog() {
  static const PriceCatalog c = make_test_catalog();
  return c;
}

json vpc(const char* name, int azs, json nat, const char* gb, const char* percent, int nat_eips, int lb, int inst,
         int removable, const char* dto) {
  return {{"name", name},
          {"availability_zones", azs},
          {"nat_gateways", nat},
          {"monthly_gb_processed", gb},
          {"ipv6_reachable_percent", percent},
          {"public_ipv4_addresses",
           {{"nat_elastic_ips", nat_eips}, {"load_balancer_ips", lb}, {"instance_ips", inst}, {"removable_ips", removable}}},
          {"monthly_gb_data_transfer_out", dto}};
}

// The known answers below give these VPCs the account's free 100 GB ("account"); "" leaves the
// field out (the default, "none").
json scenario_json(json vpcs, const char* region = "us-east-1", const char* free_tier = "account") {
  json j = {{"schema_version", 1}, {"kind", "ipv6-egress"}, {"id", "test"}, {"title", "test"}, {"episode", "050"},
            {"region", region}, {"hours_per_month", 730}, {"vpcs", vpcs},
            {"claim", {{"quoted", "$30+/month NAT Gateway savings per VPC"}, {"threshold_usd_per_month", "30"}}}};
  if (*free_tier) j["data_transfer_out_free_tier"] = free_tier;
  return j;
}

json prod_vpc() { return vpc("production", 3, "per-az", "800", "60", 3, 6, 4, 4, "1500"); }
json dev_vpc() { return vpc("dev", 1, "shared", "60", "100", 1, 0, 1, 1, "40"); }

Ipv6EgressScenario parse(const json& j) {
  return std::get<Ipv6EgressScenario>(parse_scenario(j, kFile));
}

// Parses `j` and returns the InputError message, or "" if it parsed.
std::string parse_error(const json& j) {
  try {
    parse(j);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

const Decimal& usd(const Money& m) { return m.usd(); }

TEST(Ipv6EgressTest, KeepNatKnownAnswer) {
  const auto sc = parse(scenario_json(json::array({prod_vpc()})));
  const auto r = calculate(sc, test_catalog(), kToday, 180);
  const DesignCost& keep = r.vpcs[0].costs[EgressDesign::kKeepNat];
  EXPECT_EQ(usd(keep.nat_hours), d("98.55"));       // 3 x 0.045 x 730
  EXPECT_EQ(usd(keep.nat_processing), d("36"));     // 800 x 0.045
  EXPECT_EQ(usd(keep.public_ipv4), d("47.45"));     // 13 x 0.005 x 730
  EXPECT_EQ(usd(keep.total()), d("182"));
  EXPECT_EQ(usd(r.data_transfer_out.cost), d("126"));  // 100 x 0 + 1,400 x 0.09
  EXPECT_EQ(usd(r[EgressDesign::kKeepNat].total), d("308"));
}

TEST(Ipv6EgressTest, DualStackKeepsTheHourlyChargeAndCutsProcessing) {
  const auto sc = parse(scenario_json(json::array({prod_vpc()})));
  const auto r = calculate(sc, test_catalog(), kToday, 180);
  const DesignCost& dual = r.vpcs[0].costs[EgressDesign::kDualStack];
  EXPECT_EQ(dual.eigw_gb.value(), d("480"));        // 800 x 60%
  EXPECT_EQ(dual.nat_gb.value(), d("320"));
  EXPECT_EQ(usd(dual.nat_hours), d("98.55"));       // unchanged
  EXPECT_EQ(usd(dual.nat_processing), d("14.4"));   // 320 x 0.045
  EXPECT_EQ(usd(dual.eigw_hours + dual.eigw_processing), d("0"));
  EXPECT_EQ(usd(dual.total()), d("160.4"));
  EXPECT_EQ(usd(r[EgressDesign::kDualStack].saving), d("21.6"));
  EXPECT_EQ(usd(r[EgressDesign::kDualStack].data_transfer_out), d("126"));  // the same in every design
}

TEST(Ipv6EgressTest, Ipv6OnlyIsNotAvailableBelowOneHundredPercent) {
  const auto sc = parse(scenario_json(json::array({prod_vpc()})));
  const auto r = calculate(sc, test_catalog(), kToday, 180);
  EXPECT_FALSE(r[EgressDesign::kIpv6Only].available);
  EXPECT_TRUE(contains(r[EgressDesign::kIpv6Only].not_available_reason, "only 60%"));
  EXPECT_TRUE(contains(r[EgressDesign::kIpv6Only].not_available_reason, "other 40%"));
  EXPECT_EQ(r.vpcs[0].costs.best_nat_design, EgressDesign::kDualStack);
  const std::string md = render_markdown(r);
  EXPECT_TRUE(contains(md, "**Not available** for this scenario"));
  const auto j = render_json(r);
  EXPECT_FALSE(j["designs"][2]["available"].get<bool>());
  EXPECT_FALSE(j["designs"][2].contains("monthly_usd"));
  EXPECT_FALSE(j["vpcs"][0]["designs"][2].contains("monthly_usd"));
}

TEST(Ipv6EgressTest, Ipv6OnlyRemovesNatGatewaysAndTheirAddresses) {
  const auto sc = parse(scenario_json(json::array({dev_vpc()})));
  const auto r = calculate(sc, test_catalog(), kToday, 180);
  const VpcCosts& c = r.vpcs[0].costs;
  EXPECT_TRUE(c[EgressDesign::kIpv6Only].available);
  EXPECT_EQ(usd(c[EgressDesign::kKeepNat].total()), d("42.85"));  // 32.85 + 2.70 + 2 x 3.65
  EXPECT_EQ(c[EgressDesign::kIpv6Only].ipv4_addresses.value(), d("1"));
  EXPECT_EQ(usd(c[EgressDesign::kIpv6Only].total()), d("3.65"));
  EXPECT_EQ(c.best_nat_design, EgressDesign::kIpv6Only);
  EXPECT_EQ(usd(c.nat_saving), d("39.2"));
  EXPECT_TRUE(c.holds);
  EXPECT_EQ(r.verdict, "yes");
  // At 720 h: 32.40 + 2.70 + 3.60 saved.
  EXPECT_EQ(r.alternative_hours, d("720"));
  EXPECT_EQ(usd(r.vpcs[0].alternative_month.nat_saving), d("38.7"));
}

TEST(Ipv6EgressTest, FewerIpv4AndCombined) {
  const auto sc = parse(scenario_json(json::array({prod_vpc()})));
  const auto r = calculate(sc, test_catalog(), kToday, 180);
  EXPECT_EQ(usd(r.vpcs[0].costs[EgressDesign::kFewerIpv4].public_ipv4), d("32.85"));  // 9 x 0.005 x 730
  EXPECT_EQ(usd(r[EgressDesign::kFewerIpv4].saving), d("14.6"));
  EXPECT_EQ(usd(r[EgressDesign::kCombined].saving), d("36.2"));  // 21.60 + 14.60
  const auto dev_sc = parse(scenario_json(json::array({dev_vpc()})));
  const auto dev = calculate(dev_sc, test_catalog(), kToday, 180);
  EXPECT_EQ(dev.vpcs[0].costs[EgressDesign::kCombined].ipv4_addresses.value(), d("0"));  // 2 - 1 NAT EIP - 1 removable
  EXPECT_EQ(usd(dev[EgressDesign::kCombined].total), d("0"));  // 40 GB out is inside the free 100 GB
}

// Issue 14, finding 6: the free 100 GB a month is per account; by default it is not these VPCs'.
TEST(Ipv6EgressTest, FreeDataTransferOutIsAnExplicitOptionDefaultNone) {
  const auto none_sc = parse(scenario_json(json::array({dev_vpc()}), "us-east-1", ""));
  const auto none = calculate(none_sc, test_catalog(), kToday, 180);
  EXPECT_FALSE(none.data_transfer_out.free_tier_applied);
  EXPECT_EQ(none.data_transfer_out.free_tier_gb.value(), d("100"));
  ASSERT_EQ(none.data_transfer_out.tiers.size(), 1u);
  EXPECT_EQ(usd(none.data_transfer_out.cost), d("3.6"));  // 40 x 0.09, from the first paid tier
  EXPECT_EQ(usd(none[EgressDesign::kKeepNat].total), d("46.45"));
  EXPECT_EQ(usd(none[EgressDesign::kCombined].saving), d("42.85"));
  EXPECT_TRUE(contains(none.assumptions[1], "\"data_transfer_out_free_tier\": \"none\""));
  const auto j = render_json(none);
  EXPECT_EQ(j["best_design"]["id"], "combined");
  EXPECT_EQ(j["best_design"]["saving_percent_of_today"], "92.2");  // 42.85 / 46.45
  const auto account_sc = parse(scenario_json(json::array({dev_vpc()}), "us-east-1", "account"));
  const auto account = calculate(account_sc, test_catalog(), kToday, 180);
  EXPECT_TRUE(account.data_transfer_out.free_tier_applied);
  EXPECT_EQ(usd(account.data_transfer_out.cost), d("0"));  // 40 GB inside the free 100 GB
  EXPECT_EQ(render_json(account)["best_design"]["saving_percent_of_today"], "100.0");
  json bad = scenario_json(json::array({dev_vpc()}), "us-east-1", "per-vpc");
  EXPECT_TRUE(contains(parse_error(bad), "/data_transfer_out_free_tier")) << parse_error(bad);
}

TEST(Ipv6EgressTest, ClaimCheckAndBreakEven) {
  const auto sc = parse(scenario_json(json::array({prod_vpc()})));  // the result points into it
  const auto r = calculate(sc, test_catalog(), kToday, 180);
  EXPECT_EQ(r.verdict, "no");
  EXPECT_EQ(r.vpcs[0].verdict, "no");
  EXPECT_EQ(r.break_even_ipv6_gb.value(), d("666.67"));  // 30 / 0.045 rounded up
  EXPECT_FALSE(r.break_even_exact);
  ASSERT_TRUE(r.vpcs[0].break_even_gb);
  EXPECT_EQ(r.vpcs[0].break_even_gb->value(), d("1111.12"));  // 30 / (0.045 x 60%) rounded up
  ASSERT_EQ(r.by_az.size(), 3u);
  EXPECT_EQ(usd(r.by_az[0].nat_hours), d("32.85"));
  EXPECT_EQ(usd(r.by_az[0].total), d("36.5"));
  EXPECT_EQ(usd(r.by_az[2].nat_hours), d("98.55"));
  EXPECT_EQ(usd(r.by_az[2].total), d("109.5"));
  EXPECT_EQ(usd(r.by_az[2].total_alternative_month), d("108"));
  ASSERT_EQ(r.regions.size(), 2u);  // eu-west-1, us-east-1: every region with NAT prices
  EXPECT_EQ(r.regions[0].prices.region, "eu-west-1");
  EXPECT_EQ(r.regions[0].break_even_ipv6_gb.value(), d("625"));
  EXPECT_TRUE(r.regions[0].break_even_exact);
  EXPECT_EQ(usd(r.regions[0].gateway_month), d("35.04"));
  EXPECT_EQ(usd(r.regions[0].nat_saving), d("23.04"));  // 480 x 0.048
}

TEST(Ipv6EgressTest, HighTrafficHoldsThroughProcessing) {
  const auto sc = parse(scenario_json(json::array({vpc("big", 3, "per-az", "20000", "75", 3, 3, 0, 0, "12000")})));
  const auto r = calculate(sc, test_catalog(), kToday, 180);
  EXPECT_EQ(usd(r.vpcs[0].costs.nat_saving), d("675"));  // 15,000 x 0.045
  EXPECT_EQ(r.verdict, "yes");
  EXPECT_TRUE(contains(r.vpcs[0].explanation, "not for the reason the claim suggests"));
  ASSERT_EQ(r.data_transfer_out.tiers.size(), 3u);
  EXPECT_EQ(r.data_transfer_out.tiers[1].gb.value(), d("10140"));
  EXPECT_EQ(r.data_transfer_out.tiers[2].gb.value(), d("1760"));
  EXPECT_EQ(usd(r.data_transfer_out.cost), d("1062.2"));
}

TEST(Ipv6EgressTest, DataTransferOutSplitsAcrossEveryTier) {
  const auto sc = parse(scenario_json(json::array({vpc("a", 2, 1, "0", "0", 1, 0, 0, 0, "150000"),
                                                   vpc("b", 1, "shared", "0", "0", 1, 0, 0, 0, "50000")})));
  const auto r = calculate(sc, test_catalog(), kToday, 180);
  EXPECT_EQ(r.data_transfer_out.gb.value(), d("200000"));  // the tiers count per account
  ASSERT_EQ(r.data_transfer_out.tiers.size(), 5u);
  EXPECT_EQ(r.data_transfer_out.tiers[4].gb.value(), d("46400"));
  EXPECT_EQ(usd(r.data_transfer_out.cost), d("13882.2"));
  EXPECT_EQ(r.verdict, "no");  // no IPv6 traffic, NAT must stay: saving 0
  EXPECT_FALSE(r.vpcs[0].break_even_gb);
}

TEST(Ipv6EgressTest, MixedVpcsArePartlyAndRegionWithoutDataTransferIsNotPriced) {
  const auto sc = parse(scenario_json(json::array({prod_vpc(), dev_vpc()}), "eu-west-1"));
  const auto r = calculate(sc, test_catalog(), kToday, 180);
  EXPECT_EQ(r.verdict, "partly");
  EXPECT_EQ(r.vpcs_holding, 1u);
  EXPECT_FALSE(r.data_transfer_out.priced);
  EXPECT_EQ(r.data_transfer_out.not_priced_reason,
            "the price tables have no data-transfer-out prices for eu-west-1 (only for us-east-1; add a sourced "
            "pricing-data/aws/eu-west-1/data-transfer.json to price it)");
  EXPECT_EQ(r.assumptions[7],
            "Data transfer out is NOT priced: " + r.data_transfer_out.not_priced_reason +
                ". Every total below leaves it out; the savings do not change, because it is the same in every design.");
  // Totals leave data transfer out out: 3 x 0.048 x 730 + 800 x 0.048 + 13 x 3.65, plus the dev VPC.
  EXPECT_EQ(usd(r[EgressDesign::kKeepNat].total), d("236.19"));
  EXPECT_FALSE(r[EgressDesign::kIpv6Only].available);
  const std::string md = render_markdown(r);
  EXPECT_TRUE(contains(md, "**Partly.**"));
  EXPECT_TRUE(contains(md, "(without data transfer out)"));
  EXPECT_TRUE(render_json(r)["data_transfer_out"]["monthly_usd"].is_null());
}

TEST(Ipv6EgressTest, RegionWithoutNatPricesIsPriceNotFound) {
  const auto sc = parse(scenario_json(json::array({prod_vpc()}), "us-west-2"));
  try {
    calculate(sc, test_catalog(), kToday, 180);
    FAIL() << "expected PriceNotFound";
  } catch (const PriceNotFound& e) {
    const std::string m = e.what();
    EXPECT_TRUE(contains(m, "us-west-2")) << m;
    EXPECT_TRUE(contains(m, "nat-gateway-hour")) << m;
    EXPECT_TRUE(contains(m, "eu-west-1, us-east-1")) << m;
  }
}

TEST(Ipv6EgressTest, ShareAboveOneHundredPercentIsAnError) {
  json v = prod_vpc();
  v["ipv6_reachable_percent"] = "100.5";
  const std::string m = parse_error(scenario_json(json::array({v})));
  EXPECT_TRUE(contains(m, std::string(kFile) + ": /vpcs/0/ipv6_reachable_percent: expected a share in percent from 0 to 100"))
      << m;
  EXPECT_TRUE(contains(m, "got 100.5")) << m;
}

TEST(Ipv6EgressTest, NegativeTrafficIsAnError) {
  json v = prod_vpc();
  v["monthly_gb_processed"] = -5;
  std::string m = parse_error(scenario_json(json::array({v})));
  EXPECT_TRUE(contains(m, "/vpcs/0/monthly_gb_processed: expected GB processed by the NAT gateways a month: 0 or more, got -5"))
      << m;
  v = prod_vpc();
  v["monthly_gb_data_transfer_out"] = "-0.5";
  m = parse_error(scenario_json(json::array({v})));
  EXPECT_TRUE(contains(m, "/vpcs/0/monthly_gb_data_transfer_out:")) << m;
  EXPECT_TRUE(contains(m, "cannot be negative")) << m;
}

TEST(Ipv6EgressTest, OtherBadInput) {
  auto with = [](const char* key, json value) {
    json v = prod_vpc();
    v[key] = value;
    return parse_error(scenario_json(json::array({v})));
  };
  EXPECT_TRUE(contains(with("nat_gateways", 4), "/vpcs/0/nat_gateways: expected \"per-az\""));
  EXPECT_TRUE(contains(with("nat_gateways", 0), "no NAT cost to save"));
  EXPECT_TRUE(contains(with("nat_gateways", "per-vpc"), "expected one of \"per-az\", \"shared\""));
  EXPECT_TRUE(contains(with("nat_gateways", 2.5), "got number 2.5"));
  EXPECT_TRUE(contains(with("availability_zones", 7), "/vpcs/0/availability_zones: expected a number of Availability Zones from 1 to 6"));
  EXPECT_TRUE(contains(with("ipv6_reachable_percent", 0.5), "write it in quotes"));
  EXPECT_TRUE(contains(with("nat_gatways", 3), "/vpcs/0/nat_gatways: unknown field"));

  json v = prod_vpc();
  v["public_ipv4_addresses"]["nat_elastic_ips"] = 2;
  EXPECT_TRUE(contains(parse_error(scenario_json(json::array({v}))), "expected at least 3"));
  v = prod_vpc();
  v["public_ipv4_addresses"]["removable_ips"] = 11;
  EXPECT_TRUE(contains(parse_error(scenario_json(json::array({v}))),
                       "/vpcs/0/public_ipv4_addresses/removable_ips: expected a number of addresses"));
  EXPECT_TRUE(contains(parse_error(scenario_json(json::array({prod_vpc(), prod_vpc()}))),
                       "/vpcs/1/name: expected a name no other VPC"));
  json s = scenario_json(json::array({prod_vpc()}));
  s["claim"]["threshold_usd_per_month"] = "0";
  EXPECT_TRUE(contains(parse_error(s), "/claim/threshold_usd_per_month: expected a saving above 0"));
  s = scenario_json(json::array({prod_vpc()}));
  s["hours_per_month"] = 800;
  EXPECT_TRUE(contains(parse_error(s), "/hours_per_month: expected hours per month above 0 and at most 744"));
  s = scenario_json(json::array());
  EXPECT_TRUE(contains(parse_error(s), "/vpcs: expected at least 1 item(s)"));
}

TEST(Ipv6EgressTest, RenderedEquationsUseExactOperands) {
  const auto sc = parse(scenario_json(json::array({prod_vpc()})));  // the result points into it
  const auto r = calculate(sc, test_catalog(), kToday, 180);
  const std::string md = render_markdown(r);
  EXPECT_TRUE(contains(md, "- NAT gateway-hours: 3 × $0.045/h [1] × 730 h = $98.55\n"));
  EXPECT_TRUE(contains(md, "800 GB − 480 GB = 320 GB; 320 GB × $0.045/GB [1] = $14.40\n"));
  EXPECT_TRUE(contains(md, "- 100 to 10,240 GB: 1,400 GB × $0.09/GB [4] = $126.00\n"));
  EXPECT_TRUE(contains(md, "$308.00 − $286.40 = $21.60 a month; $21.60 × 12 = $259.20 a year"));
  EXPECT_TRUE(contains(md, "check: 1,111.12 GB × 60% × $0.045/GB = $30.00024."));
  EXPECT_TRUE(contains(md, "**No.**"));
  const auto j = render_json(r);
  EXPECT_EQ(j["claim"]["verdict"], "no");
  EXPECT_EQ(j["designs"][1]["monthly_saving_usd"]["exact"], "21.6");
  EXPECT_EQ(j["break_even"]["processing_only_ipv6_gb"], "666.67");
  EXPECT_EQ(j["vpcs"][0]["break_even_gb_through_nat"], "1111.12");
}

// The episode 050 scenarios, priced from the real tables.
class Ipv6EgressEpisodeTest : public ::testing::Test {
 protected:
  static Ipv6EgressScenario load(const std::string& name) {
    const std::filesystem::path path = std::filesystem::path(COSTPROOF_SOURCE_DIR) / "scenarios/ep050" / name;
    const std::string file = "scenarios/ep050/" + name;
    return std::get<Ipv6EgressScenario>(
        parse_scenario(parse_json_text(cli::read_text_file(path), file, JsonOrigin::kUserInput), file));
  }
  static const PriceCatalog& catalog() {
    static const PriceCatalog c = cli::load_pricing_data(std::filesystem::path(COSTPROOF_SOURCE_DIR) / "pricing-data");
    return c;
  }
};

TEST_F(Ipv6EgressEpisodeTest, DevSingleAz) {
  const auto sc = load("ipv6-dev-single-az.json");
  const auto r = calculate(sc, catalog(), kToday, 180);
  EXPECT_EQ(r.verdict, "yes");
  EXPECT_EQ(usd(r.vpcs[0].costs.nat_saving), d("39.2"));
  EXPECT_EQ(usd(r[EgressDesign::kKeepNat].total), d("46.45"));  // 40 GB out from the first paid tier: $3.60
}

TEST_F(Ipv6EgressEpisodeTest, ProductionThreeAz) {
  const auto sc = load("ipv6-prod-three-az.json");
  const auto r = calculate(sc, catalog(), kToday, 180);
  EXPECT_EQ(r.verdict, "no");
  EXPECT_EQ(usd(r.vpcs[0].costs.nat_saving), d("21.6"));
  EXPECT_EQ(usd(r[EgressDesign::kKeepNat].total), d("317"));  // 1,500 GB x 0.09 = $135 out
  EXPECT_EQ(r.regions.size(), 4u);  // ap-southeast-1, eu-west-1, us-east-1, us-east-2
}

TEST_F(Ipv6EgressEpisodeTest, HighTraffic) {
  const auto sc = load("ipv6-high-traffic.json");
  const auto r = calculate(sc, catalog(), kToday, 180);
  EXPECT_EQ(r.verdict, "yes");
  EXPECT_EQ(usd(r.vpcs[0].costs.nat_saving), d("675"));
  EXPECT_EQ(usd(r[EgressDesign::kKeepNat].total), d("2091.15"));
}

}  // namespace
}  // namespace costproof
