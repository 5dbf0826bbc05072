// Unit tests for calc/pricing/price_catalog.h: lookups, the "global" fallback, tiers,
// and the messages of a lookup that misses.
#include "pricing/price_catalog.h"

#include <fstream>
#include <initializer_list>
#include <iterator>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.h"

namespace costproof {
namespace {

using nlohmann::json;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

struct KeyPrice {
  const char* key;
  const char* price;
};

// A table file for `region`/`service` with one untiered hourly row per key.
PriceTable make_table(const std::string& region, const std::string& service, std::initializer_list<KeyPrice> rows) {
  json j = {
      {"schema_version", 1},
      {"provider", "aws"},
      {"region", region},
      {"service", service},
      {"currency", "USD"},
      {"description", "test " + region + " " + service},
      {"sources", json::array({json{{"id", "s"},
                                    {"title", "test source " + region},
                                    {"url", "https://example.com/" + region + "/" + service},
                                    {"as_of", "2026-07-20"},
                                    {"trust", "A"},
                                    {"trust_note", "test"}}})},
      {"rows", json::array()},
  };
  for (const auto& r : rows)
    j["rows"].push_back(json{{"key", r.key}, {"unit", "hour"}, {"price", r.price}, {"source", "s"}});
  return parse_price_table(j, "pricing-data/aws/" + region + "/" + service + ".json");
}

PriceTable make_tiered_table() {
  // Tiers deliberately listed out of order.
  return parse_price_table(json::parse(R"({
    "schema_version": 1, "provider": "aws", "region": "us-east-1", "service": "data-transfer",
    "currency": "USD", "description": "tiers",
    "sources": [{"id": "s", "title": "t", "url": "https://example.com/dt", "as_of": "2026-03-08",
                 "trust": "C", "trust_note": "third-party"}],
    "rows": [
      {"key": "dto", "unit": "GB", "tier_start": "10240", "tier_end": "51200", "price": "0.085", "source": "s"},
      {"key": "dto", "unit": "GB", "tier_start": "51200", "tier_end": "Inf", "price": "0.07", "source": "s"},
      {"key": "dto", "unit": "GB", "tier_start": "0", "tier_end": "10240", "price": "0.09", "source": "s"},
      {"key": "flat", "unit": "GB", "price": "0.02", "source": "s"}
    ]
  })"),
                           "pricing-data/aws/us-east-1/data-transfer.json");
}

class PriceCatalogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    catalog_.add_table(make_table("us-east-1", "ec2",
                                  {{"m7i.xlarge", "0.201600"}, {"m8g.xlarge", "0.179520"}, {"m9g.xlarge", "0.195680"}}));
    catalog_.add_table(make_table("eu-west-1", "ec2", {{"m6i.xlarge", "0.214"}}));
    catalog_.add_table(make_table("global", "vpc", {{"public-ipv4-address-hour", "0.005"}}));
    catalog_.add_table(make_tiered_table());
  }

  std::string miss(const std::string& service, const std::string& region, const std::string& key) const {
    try {
      const PriceRow& row = catalog_.find(service, region, key);
      ADD_FAILURE() << "find(" << service << ", " << region << ", " << key << ") found " << row.key;
    } catch (const PriceNotFound& e) {
      return e.what();
    }
    return "";
  }

  PriceCatalog catalog_;
};

TEST_F(PriceCatalogTest, FindsRowsInTheirRegion) {
  const PriceRow& m7i = catalog_.find("ec2", "us-east-1", "m7i.xlarge");
  EXPECT_EQ(m7i.key, "m7i.xlarge");
  EXPECT_EQ(m7i.region, "us-east-1");
  EXPECT_EQ(m7i.price.usd_per_unit(), Decimal::parse("0.2016"));
  EXPECT_EQ(catalog_.find("ec2", "us-east-1", "m9g.xlarge").price.usd_per_unit().to_string(), "0.195680");
  const PriceRow& m6i = catalog_.find("ec2", "eu-west-1", "m6i.xlarge");
  EXPECT_EQ(m6i.region, "eu-west-1");
  EXPECT_EQ(m6i.price.usd_per_unit().to_string(), "0.214");
  EXPECT_EQ(catalog_.try_find("ec2", "us-east-1", "m7i.xlarge"), &m7i);
}

TEST_F(PriceCatalogTest, FallsBackToGlobal) {
  for (const char* region : {"us-east-1", "eu-west-1", "ap-southeast-1"}) {
    const PriceRow& ip = catalog_.find("vpc", region, "public-ipv4-address-hour");
    EXPECT_EQ(ip.region, "global") << region;
    EXPECT_EQ(ip.price.usd_per_unit().to_string(), "0.005") << region;
  }
  EXPECT_NE(catalog_.try_find("vpc", "global", "public-ipv4-address-hour"), nullptr);
}

TEST_F(PriceCatalogTest, RegionalRowWinsOverGlobal) {
  catalog_.add_table(make_table("us-east-2", "vpc", {{"public-ipv4-address-hour", "0.006"}}));
  EXPECT_EQ(catalog_.find("vpc", "us-east-2", "public-ipv4-address-hour").price.usd_per_unit().to_string(), "0.006");
  EXPECT_EQ(catalog_.find("vpc", "us-east-1", "public-ipv4-address-hour").price.usd_per_unit().to_string(), "0.005");
}

TEST_F(PriceCatalogTest, TryFindReturnsNullOnMiss) {
  EXPECT_EQ(catalog_.try_find("ec2", "eu-west-1", "m9g.xlarge"), nullptr);
  EXPECT_EQ(catalog_.try_find("ec2", "ap-south-1", "m7i.xlarge"), nullptr);
  EXPECT_EQ(catalog_.try_find("rds", "us-east-1", "m7i.xlarge"), nullptr);
  // Tiered rows are not returned by try_find/find.
  EXPECT_EQ(catalog_.try_find("data-transfer", "us-east-1", "dto"), nullptr);
}

TEST_F(PriceCatalogTest, MissNamesTheRegionsThatHaveTheKey) {
  const std::string message = miss("ec2", "eu-west-1", "m9g.xlarge");
  EXPECT_TRUE(contains(message, "no price for m9g.xlarge (ec2) in eu-west-1; known regions for m9g.xlarge: us-east-1"))
      << message;
  EXPECT_TRUE(contains(message, "Pick one of those regions, or add a sourced row to pricing-data/")) << message;
}

TEST_F(PriceCatalogTest, MissListsSeveralKnownRegionsSorted) {
  catalog_.add_table(make_table("ap-southeast-2", "ec2", {{"m6i.xlarge", "0.24"}}));
  const std::string message = miss("ec2", "us-east-1", "m6i.xlarge");
  EXPECT_TRUE(contains(message, "known regions for m6i.xlarge: ap-southeast-2, eu-west-1")) << message;
  EXPECT_EQ(catalog_.regions_with("ec2", "m6i.xlarge"), (std::vector<std::string>{"ap-southeast-2", "eu-west-1"}));
}

TEST_F(PriceCatalogTest, TypoSuggestsSimilarKeys) {
  const std::string message = miss("ec2", "us-east-1", "m7i.xlarg");
  EXPECT_TRUE(contains(message, "no price for m7i.xlarg (ec2) in us-east-1; similar keys in "
                                "pricing-data/aws/us-east-1/ec2.json: m7i.xlarge"))
      << message;
  EXPECT_TRUE(contains(message, "costproof pricing list --region us-east-1 --service ec2")) << message;
}

TEST_F(PriceCatalogTest, SimilarKeysAreOrderedByDistance) {
  // Edit distances from "m8g.xlarg": m8g.xlarge 1, m9g.xlarge 2, m7i.xlarge 3 (too far to list).
  const std::string message = miss("ec2", "us-east-1", "m8g.xlarg");
  EXPECT_TRUE(contains(message, "similar keys in pricing-data/aws/us-east-1/ec2.json: m8g.xlarge, m9g.xlarge.")) << message;
}

TEST_F(PriceCatalogTest, NothingSimilarSaysSo) {
  const std::string message = miss("ec2", "us-east-1", "p5.48xlarge");
  EXPECT_TRUE(contains(message, "no price for p5.48xlarge (ec2) in us-east-1; no similar key in "
                                "pricing-data/aws/us-east-1/ec2.json"))
      << message;
}

TEST_F(PriceCatalogTest, RegionWithoutTheServiceNamesRegionsThatHaveIt) {
  const std::string message = miss("ec2", "ap-south-1", "z9.large");
  EXPECT_TRUE(contains(message, "no price for z9.large (ec2) in ap-south-1; the tables have no ec2 prices for "
                                "ap-south-1; regions with ec2 prices: eu-west-1, us-east-1"))
      << message;
  EXPECT_TRUE(contains(message, "Add a sourced table pricing-data/aws/ap-south-1/ec2.json")) << message;
}

TEST_F(PriceCatalogTest, UnknownServiceHasNoRegionList) {
  const std::string message = miss("lambda", "us-east-1", "requests");
  EXPECT_TRUE(contains(message, "the tables have no lambda prices for us-east-1. Add a sourced table")) << message;
  EXPECT_FALSE(contains(message, "regions with")) << message;
}

TEST_F(PriceCatalogTest, DuplicateTableThrowsPricingDataError) {
  try {
    catalog_.add_table(make_table("us-east-1", "ec2", {{"a1.large", "0.051"}}));
    ADD_FAILURE() << "no PricingDataError";
  } catch (const PricingDataError& e) {
    const std::string message = e.what();
    EXPECT_TRUE(contains(message, "a second table for aws/us-east-1/ec2 (the first is pricing-data/aws/us-east-1/ec2.json)"))
        << message;
    EXPECT_EQ(e.pointer(), "/service");
  }
  EXPECT_EQ(catalog_.tables().size(), 4u);
  // Same service in another region, or another service in the same region, is fine.
  EXPECT_NO_THROW(catalog_.add_table(make_table("us-west-2", "ec2", {{"m7i.xlarge", "0.2016"}})));
  EXPECT_NO_THROW(catalog_.add_table(make_table("us-east-1", "vpc", {{"nat-gateway-hour", "0.045"}})));
  EXPECT_EQ(catalog_.tables().size(), 6u);
}

TEST_F(PriceCatalogTest, TiersAreAscending) {
  const auto tiers = catalog_.tiers("data-transfer", "us-east-1", "dto");
  ASSERT_EQ(tiers.size(), 3u);
  EXPECT_EQ(tiers[0]->tier_start->to_string(), "0");
  EXPECT_EQ(tiers[0]->price.usd_per_unit().to_string(), "0.09");
  EXPECT_EQ(tiers[1]->tier_start->to_string(), "10240");
  EXPECT_EQ(tiers[1]->price.usd_per_unit().to_string(), "0.085");
  EXPECT_EQ(tiers[2]->tier_start->to_string(), "51200");
  EXPECT_FALSE(tiers[2]->tier_end.has_value());
}

TEST_F(PriceCatalogTest, TiersOfAnUntieredOrMissingKeyThrow) {
  EXPECT_THROW((void)catalog_.tiers("data-transfer", "us-east-1", "flat"), PriceNotFound);
  EXPECT_THROW((void)catalog_.tiers("data-transfer", "eu-west-1", "dto"), PriceNotFound);
  EXPECT_EQ(catalog_.find("data-transfer", "us-east-1", "flat").price.usd_per_unit().to_string(), "0.02");
}

TEST_F(PriceCatalogTest, RegionsWithIsSortedAndUnique) {
  EXPECT_EQ(catalog_.regions_with("ec2", "m7i.xlarge"), std::vector<std::string>{"us-east-1"});
  EXPECT_EQ(catalog_.regions_with("vpc", "public-ipv4-address-hour"), std::vector<std::string>{"global"});
  EXPECT_TRUE(catalog_.regions_with("ec2", "nope").empty());
  EXPECT_TRUE(catalog_.regions_with("rds", "m7i.xlarge").empty());
}

TEST(PriceCatalogEmptyTest, EmptyCatalogMisses) {
  const PriceCatalog empty;
  EXPECT_EQ(empty.try_find("ec2", "us-east-1", "m7i.xlarge"), nullptr);
  EXPECT_THROW((void)empty.find("ec2", "us-east-1", "m7i.xlarge"), PriceNotFound);
  EXPECT_TRUE(empty.tables().empty());
  EXPECT_TRUE(empty.shapes().by_type.empty());
}

}  // namespace
}  // namespace costproof

namespace costproof {
namespace {

// build_price_catalog parses a table file when a lookup first needs it: a damaged table that a
// lookup never touches does not stop it, and tables() (which reads every file) still reports it.
TEST(PriceCatalogLazyTest, ParsesATableOnFirstUseWithTheSameChecks) {
  std::ifstream in(COSTPROOF_SOURCE_DIR "/pricing-data/aws/us-east-1/dynamodb.json");
  const std::string dynamodb((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_FALSE(dynamodb.empty());
  const std::string shapes = R"({"schema_version": 1, "sources": [], "shapes": []})";
  const std::vector<PricingFile> files = {
      {"aws/ec2-instance-shapes.json", "pricing-data/aws/ec2-instance-shapes.json", shapes},
      {"aws/us-east-1/dynamodb.json", "pricing-data/aws/us-east-1/dynamodb.json", dynamodb},
      {"aws/us-east-1/ec2.json", "pricing-data/aws/us-east-1/ec2.json", "{\"rows\": [ broken"}};
  const PriceCatalog catalog = build_price_catalog(files);
  EXPECT_EQ(catalog.find("dynamodb", "us-east-1", "storage").unit, "GB-month");
  try {
    (void)catalog.tables();
    FAIL() << "expected PricingDataError";
  } catch (const PricingDataError& e) {
    EXPECT_NE(std::string(e.what()).find("pricing-data/aws/us-east-1/ec2.json"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("invalid JSON"), std::string::npos) << e.what();
  }
  EXPECT_THROW((void)catalog.find("ec2", "us-east-1", "m7i.xlarge"), PricingDataError);
}

}  // namespace
}  // namespace costproof
