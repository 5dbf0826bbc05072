// Checks the price tables shipped under pricing-data/, loaded the way the CLI
// loads them: every EC2 us-east-1 price against the raw source file, every
// row's source, and known prices from the reference.
#include <fstream>
#include <map>
#include <ostream>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "core/error.h"
#include "files.h"
#include "pricing/price_catalog.h"
#include "pricing_verify.h"

namespace costproof {
namespace {

const PriceCatalog& shipped() {
  static const PriceCatalog catalog = cli::load_pricing_data(COSTPROOF_SOURCE_DIR "/pricing-data");
  return catalog;
}

const PriceTable* find_table(const std::string& region, const std::string& service) {
  for (const auto& t : shipped().tables())
    if (t.region == region && t.service == service) return &t;
  return nullptr;
}

// instance_type -> price text, from the generator's input CSV.
std::map<std::string, std::string> read_source_csv() {
  std::ifstream in(COSTPROOF_SOURCE_DIR "/pricing-data/sources/ec2-ondemand-linux-us-east-1-2026-07-20.csv");
  EXPECT_TRUE(in.good()) << "cannot open the source CSV";
  std::map<std::string, std::string> prices;
  std::string line;
  bool header_seen = false;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (!header_seen) {
      EXPECT_EQ(line, "instance_type,usd_per_hour");
      header_seen = true;
      continue;
    }
    const auto comma = line.find(',');
    EXPECT_NE(comma, std::string::npos) << "bad CSV line: " << line;
    if (comma == std::string::npos) continue;
    const bool inserted = prices.emplace(line.substr(0, comma), line.substr(comma + 1)).second;
    EXPECT_TRUE(inserted) << "duplicate CSV key: " << line;
  }
  return prices;
}

TEST(ShippedPricingDataTest, LoadsWithoutErrors) {
  ASSERT_NO_THROW((void)shipped());
  EXPECT_GE(shipped().tables().size(), 15u);
  EXPECT_NE(find_table("us-east-1", "ec2"), nullptr);
  EXPECT_NE(find_table("global", "vpc"), nullptr);
}

TEST(ShippedPricingDataTest, UsEast1Ec2MatchesTheSourceCsvRowForRow) {
  const PriceTable* ec2 = find_table("us-east-1", "ec2");
  ASSERT_NE(ec2, nullptr);
  EXPECT_EQ(ec2->rows.size(), 1367u);

  const auto csv = read_source_csv();
  EXPECT_EQ(csv.size(), 1367u);

  std::set<std::string> seen;
  for (const auto& row : ec2->rows) {
    seen.insert(row.key);
    const auto it = csv.find(row.key);
    if (it == csv.end()) {
      ADD_FAILURE() << row.key << " (" << row.pointer << ") is not in the source CSV";
      continue;
    }
    EXPECT_EQ(row.price.usd_per_unit(), Decimal::parse(it->second))
        << row.key << ": table " << row.price.usd_per_unit().to_string() << ", CSV " << it->second;
    EXPECT_EQ(row.unit, "hour") << row.key;
    EXPECT_EQ(row.per, Decimal::from_int(1)) << row.key;
    EXPECT_FALSE(row.tier_start.has_value()) << row.key;
  }
  for (const auto& [key, price] : csv) EXPECT_TRUE(seen.count(key)) << key << " (" << price << ") missing from the table";
}

TEST(ShippedPricingDataTest, EveryRowHasAGradedSource) {
  std::size_t rows = 0;
  for (const auto& table : shipped().tables()) {
    EXPECT_FALSE(table.sources.empty()) << table.file;
    for (const auto& row : table.rows) {
      ++rows;
      const std::string where = table.file + " " + row.pointer + " (" + row.key + ")";
      ASSERT_NE(row.source, nullptr) << where;
      EXPECT_TRUE(row.source->trust == 'A' || row.source->trust == 'B' || row.source->trust == 'C')
          << where << ": trust " << row.source->trust;
      EXPECT_FALSE(row.source->trust_note.empty()) << where;
      EXPECT_FALSE(row.source->title.empty()) << where;
      EXPECT_FALSE(row.source->citation().empty()) << where;
      EXPECT_GE(row.source->as_of.year, 2020) << where;
      EXPECT_EQ(row.currency, "USD") << where;
      EXPECT_EQ(row.region, table.region) << where;
      EXPECT_EQ(row.service, table.service) << where;
      EXPECT_FALSE(row.price.usd_per_unit().is_negative()) << where;
    }
  }
  EXPECT_GT(rows, 1367u);
  ASSERT_NE(shipped().shapes().source, nullptr);
  EXPECT_FALSE(shipped().shapes().source->trust_note.empty());
}

TEST(ShippedPricingDataTest, TableFilesAgreeWithTheirFolderAndName) {
  for (const auto& table : shipped().tables())
    EXPECT_EQ(table.file, "pricing-data/aws/" + table.region + "/" + table.service + ".json");
}

struct KnownPrice {
  const char* service;
  const char* region;
  const char* key;
  const char* price;
  const char* found_in_region;  // the region of the row found ("global" for the fallback)
};

std::ostream& operator<<(std::ostream& os, const KnownPrice& c) {
  return os << c.service << "/" << c.region << "/" << c.key << " = " << c.price;
}

const KnownPrice kKnownPrices[] = {
    {"ec2", "us-east-1", "m7i.xlarge", "0.2016", "us-east-1"},
    {"ec2", "us-east-1", "m8g.xlarge", "0.17952", "us-east-1"},
    {"ec2", "us-east-1", "m9g.xlarge", "0.19568", "us-east-1"},
    {"ec2", "us-east-1", "c9g.xlarge", "0.17388", "us-east-1"},
    {"ec2", "us-east-1", "m7i.2xlarge", "0.4032", "us-east-1"},
    {"ec2", "us-east-1", "m8g.2xlarge", "0.35904", "us-east-1"},
    {"ec2", "us-east-1", "p5.48xlarge", "55.04", "us-east-1"},
    {"ec2", "eu-west-1", "m6i.xlarge", "0.214", "eu-west-1"},
    {"vpc", "us-east-1", "nat-gateway-hour", "0.045", "us-east-1"},
    {"vpc", "eu-west-1", "nat-gateway-hour", "0.048", "eu-west-1"},
    {"vpc", "ap-southeast-1", "nat-gateway-hour", "0.059", "ap-southeast-1"},
    {"vpc", "us-east-1", "public-ipv4-address-hour", "0.005", "us-east-1"},
    {"vpc", "eu-west-1", "public-ipv4-address-hour", "0.005", "eu-west-1"},
    {"vpc", "sa-east-1", "public-ipv4-address-hour", "0.005", "global"},
    // From AWS's pricing-page feed and GetProducts (aws-pricelist-samples README, "Prices read").
    {"vpc", "eu-central-1", "nat-gateway-hour", "0.052", "eu-central-1"},
    {"vpc", "ap-southeast-2", "nat-gateway-gb-processed", "0.059", "ap-southeast-2"},
    {"aurora", "us-east-1", "serverless-v2-acu-io-optimized", "0.16", "us-east-1"},
    {"aurora", "us-east-1", "db.t4g.medium", "0.073", "us-east-1"},
    {"rds", "us-east-1", "storage-gp3", "0.115", "us-east-1"},
    {"dynamodb", "us-east-1", "provisioned-wcu-hour", "0.00065", "us-east-1"},
    {"stepfunctions", "us-east-1", "standard-state-transitions", "0.000025", "us-east-1"},
    {"ebs", "us-east-1", "gp3-storage", "0.08", "us-east-1"},
};

class ShippedPriceTest : public ::testing::TestWithParam<KnownPrice> {};

TEST_P(ShippedPriceTest, MatchesTheReference) {
  const KnownPrice& c = GetParam();
  const PriceRow& row = shipped().find(c.service, c.region, c.key);
  EXPECT_EQ(row.price.usd_per_unit(), Decimal::parse(c.price))
      << c.key << " in " << c.region << ": got " << row.price.usd_per_unit().to_string();
  EXPECT_EQ(row.region, c.found_in_region) << c.key;
}

INSTANTIATE_TEST_SUITE_P(Reference, ShippedPriceTest, ::testing::ValuesIn(kKnownPrices));

TEST(ShippedPricingDataTest, PassesPricingVerifyIncludingTrustGrades) {
  const cli::VerifyResult v = cli::verify_pricing_data(COSTPROOF_SOURCE_DIR "/pricing-data", Date{2026, 11, 30});
  for (const auto& p : v.problems) ADD_FAILURE() << p;
  EXPECT_GT(v.grade_a, 100u);
}

TEST(ShippedPricingDataTest, LambdaArmDurationTiersFromTheFeed) {
  const auto tiers = shipped().tiers("lambda", "us-east-1", "duration-arm64");
  ASSERT_EQ(tiers.size(), 3u);
  EXPECT_EQ(tiers[1]->price.usd_per_unit(), Decimal::parse("0.0000120001"));
  EXPECT_EQ(*tiers[1]->tier_start, Decimal::parse("7500000000"));
  EXPECT_EQ(*tiers[1]->tier_end, Decimal::parse("18750000000"));
  EXPECT_EQ(tiers[2]->rate_code, "72SBSFWPMDTH8S3J.JRTCKXETXF.AVR3V96UTF");
  EXPECT_EQ(tiers[2]->source->repo, "v0rts/aws-price-watcher");
  EXPECT_EQ(tiers[2]->source->offer_version, "20251202153900");
}

TEST(ShippedPricingDataTest, DataTransferTiersCoverZeroToInf) {
  const auto tiers = shipped().tiers("data-transfer", "us-east-1", "data-transfer-out-internet");
  ASSERT_FALSE(tiers.empty());
  EXPECT_EQ(*tiers.front()->tier_start, Decimal::from_int(0));
  EXPECT_FALSE(tiers.back()->tier_end.has_value());
  for (std::size_t i = 1; i < tiers.size(); ++i) {
    ASSERT_TRUE(tiers[i - 1]->tier_end.has_value());
    EXPECT_EQ(*tiers[i - 1]->tier_end, *tiers[i]->tier_start);
  }
}

TEST(ShippedPricingDataTest, M9gXlargeShape) {
  const InstanceShape* s = shipped().shapes().find("m9g.xlarge");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->vcpu, 4);
  EXPECT_EQ(s->memory_mib, 16384);
  EXPECT_EQ(s->arch, "arm64");
  EXPECT_EQ(s->generation, 9);
  EXPECT_EQ(s->family, "m9g");
  EXPECT_EQ(s->family_class(), "m");
  EXPECT_EQ(s->family_suffix(), "g");
  EXPECT_EQ(s->shape_text(), "4 vCPU / 16 GiB");
}

TEST(ShippedPricingDataTest, M7iXlargeShape) {
  const InstanceShape* s = shipped().shapes().find("m7i.xlarge");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->vcpu, 4);
  EXPECT_EQ(s->memory_mib, 16384);
  EXPECT_EQ(s->arch, "amd64");
  EXPECT_EQ(s->cpu_manufacturer, "intel");
  EXPECT_EQ(s->generation, 7);
}

TEST(ShippedPricingDataTest, MissingPricingDataDirectoryIsAFileError) {
  try {
    (void)cli::load_pricing_data(COSTPROOF_SOURCE_DIR "/no-such-pricing-data");
    ADD_FAILURE() << "no FileError";
  } catch (const cli::FileError& e) {
    EXPECT_NE(std::string(e.what()).find("no-such-pricing-data/aws: no such directory"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace costproof
