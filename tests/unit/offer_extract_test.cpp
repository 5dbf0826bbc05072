// Unit tests for calc/offers/offer_extract.h: every offer kind against a small
// hand-made fixture with known answers (tests/fixtures/offers/), each pitfall
// of docs/pricing-import.md as its own test, pointed errors, early stop, and
// the real AWS samples in ../shared/aws-pricelist-samples (structure only).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "offers/offer_extract.h"
#include "offer_test_files.h"

namespace costproof {
namespace {

namespace fs = std::filesystem;

using test_files::kFixtures;
using test_files::kSamples;
using test_files::slurp;

OfferImport extract_text(const std::string& text, const std::string& label, ExtractOptions options = {},
                         std::size_t max_read = static_cast<std::size_t>(-1)) {
  StringByteSource source(text, max_read);
  return extract_offer(source, label, options);
}

OfferImport extract_fixture(const std::string& name, ExtractOptions options = {}) {
  return extract_text(slurp(kFixtures / name), name, options);
}

std::string error_of(const std::string& name) {
  return test_files::input_error_of([&] { extract_fixture(name); });
}

const OfferRow* find(const OfferImport& got, const std::string& service, const std::string& key,
                     const std::string& region = "us-east-1") {
  for (const auto& r : got.rows)
    if (r.service == service && r.key == key && r.region == region) return &r;
  return nullptr;
}

std::vector<std::string> keys(const OfferImport& got) {
  std::vector<std::string> out;
  for (const auto& r : got.rows) out.push_back(r.region + " " + r.service + " " + r.key);
  return out;
}

// ---------------------------------------------------------------- EC2

TEST(OfferExtractTest, Ec2KeepsOneLinuxSharedUsedOnDemandPricePerTypeAndTheNatRows) {
  const OfferImport got = extract_fixture("ec2-small.json");
  EXPECT_EQ(got.offer_code, "AmazonEC2");
  EXPECT_EQ(got.version, "20260925174521");
  EXPECT_EQ(got.publication_date, "2026-09-25T17:45:21Z");
  EXPECT_EQ(got.format, "json");
  EXPECT_EQ(keys(got), (std::vector<std::string>{"us-east-1 ec2 c7g.metal", "us-east-1 ec2 m7i.xlarge",
                                                 "us-east-1 ec2 p5.48xlarge", "us-east-1 vpc nat-gateway-gb-processed",
                                                 "us-east-1 vpc nat-gateway-hour"}));
  const OfferRow* m7i = find(got, "ec2", "m7i.xlarge");
  ASSERT_NE(m7i, nullptr);
  EXPECT_EQ(m7i->price_text, "0.2016000000");
  EXPECT_EQ(m7i->price, Decimal::parse("0.2016"));
  EXPECT_EQ(m7i->unit, "hour");
  EXPECT_EQ(m7i->sku, "M7IXLARGEUSED001");
  EXPECT_EQ(m7i->rate_code, "M7IXLARGEUSED001.JRTCKXETXF.6YS6EN2CT7");
  EXPECT_FALSE(m7i->tier_start);
  const OfferRow* nat = find(got, "vpc", "nat-gateway-hour");
  ASSERT_NE(nat, nullptr);
  EXPECT_EQ(nat->sku, "M2YSHUBETB3JX4M4");
  EXPECT_EQ(find(got, "vpc", "nat-gateway-gb-processed")->unit, "GB");
}

TEST(OfferExtractTest, Ec2StopsBeforeReservedUnlessFullScan) {
  const std::string text = slurp(kFixtures / "ec2-small.json");
  const OfferImport quick = extract_text(text, "x.json", {}, 1000);
  EXPECT_TRUE(quick.stopped_early);
  EXPECT_EQ(quick.stopped_before, "terms.Reserved");
  EXPECT_LT(quick.bytes_parsed, text.size());
  ExtractOptions full;
  full.full_scan = true;
  const OfferImport all = extract_text(text, "x.json", full, 1000);
  EXPECT_FALSE(all.stopped_early);
  EXPECT_EQ(all.bytes_parsed, text.size());
  EXPECT_EQ(keys(all), keys(quick));
}

// Every field of every row, for comparing two imports of the same data.
std::vector<std::string> rows_of(const OfferImport& got) {
  std::vector<std::string> out;
  for (const auto& r : got.rows)
    out.push_back(r.region + " " + r.service + " " + r.key + " " + r.unit + " " + r.price_text + " " +
                  (r.tier_start ? r.tier_start->to_string() : "-") + " " + (r.tier_end ? r.tier_end->to_string() : "-") +
                  " " + r.description + " " + r.sku + " " + r.rate_code + " " + r.where);
  return out;
}

// A source that cannot seek (a pipe).
class PipeSource : public ByteSource {
 public:
  explicit PipeSource(std::string_view text, std::size_t max_chunk = 4096) : inner_(text, max_chunk) {}
  std::size_t read(char* buffer, std::size_t capacity) override { return inner_.read(buffer, capacity); }

 private:
  StringByteSource inner_;
};

TEST(OfferExtractTest, TermsBeforeProductsGiveTheSameRowsAsProductsFirst) {
  // ec2-small-terms-first.json is ec2-small.json with the "terms" member moved before "products".
  const std::string first = slurp(kFixtures / "ec2-small-terms-first.json");
  const OfferImport want = extract_fixture("ec2-small.json");
  ASSERT_EQ(want.rows.size(), 5u);
  for (const std::size_t max_read : {std::size_t{7}, std::size_t{1000}, static_cast<std::size_t>(-1)})
    for (const bool full_scan : {false, true}) {
      ExtractOptions options;
      options.full_scan = full_scan;
      options.chunk_bytes = max_read == 7 ? 16 : options.chunk_bytes;  // every token across a refill
      const OfferImport got = extract_text(first, "ec2-small-terms-first.json", options, max_read);
      EXPECT_EQ(rows_of(got), rows_of(want)) << max_read << " " << full_scan;
      EXPECT_EQ(got.products, want.products);
      EXPECT_EQ(got.products_kept, want.products_kept);
      EXPECT_EQ(got.notes, want.notes);
      // The whole file was parsed (the terms skipped, then read again up to terms.Reserved).
      EXPECT_FALSE(got.stopped_early);
      EXPECT_EQ(got.bytes_parsed, first.size());
      EXPECT_GT(got.bytes_read, first.size());
    }
  // A std::istream that can seek works too.
  std::istringstream in(first);
  IstreamByteSource stream(in);
  EXPECT_EQ(rows_of(extract_offer(stream, "x.json", {})), rows_of(want));
}

TEST(OfferExtractErrorTest, TermsBeforeProductsFromAPipeSaysToSaveTheFile) {
  const std::string first = slurp(kFixtures / "ec2-small-terms-first.json");
  PipeSource pipe(first);
  try {
    extract_offer(pipe, "-", {});
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              "-: /terms: terms come before products in this file, and this input cannot be read twice (a pipe?); "
              "costproof needs the products to read the terms: save the file and import the saved copy");
  }
  // Products first, a pipe is fine.
  const std::string products_first = slurp(kFixtures / "ec2-small.json");
  PipeSource ok(products_first);
  EXPECT_EQ(extract_offer(ok, "-", {}).rows.size(), 5u);
}

TEST(OfferExtractTest, JsonAndCsvOfTheSameOfferGiveTheSameRows) {
  const OfferImport json = extract_fixture("ec2-small.json");
  const OfferImport csv = extract_fixture("ec2-small.csv");
  EXPECT_EQ(csv.format, "csv");
  EXPECT_EQ(csv.offer_code, "AmazonEC2");
  EXPECT_EQ(csv.publication_date, "2026-09-25T17:45:21Z");
  ASSERT_EQ(keys(csv), keys(json));
  for (std::size_t i = 0; i < json.rows.size(); ++i) {
    EXPECT_EQ(csv.rows[i].price_text, json.rows[i].price_text);
    EXPECT_EQ(csv.rows[i].sku, json.rows[i].sku);
    EXPECT_EQ(csv.rows[i].rate_code, json.rows[i].rate_code);
  }
}

// One test per pitfall (docs/pricing-import.md, "Pitfalls"): a product that must
// be dropped, built from a kept one by changing one attribute.
std::string ec2_offer(const std::string& attrs, const std::string& family = "Compute Instance",
                      const std::string& price = "0.2016000000") {
  return R"({"offerCode":"AmazonEC2","version":"1","publicationDate":"2026-09-25T00:00:00Z","products":{
    "KEEP":{"sku":"KEEP","productFamily":"Compute Instance","attributes":{"instanceType":"m7i.large","operatingSystem":"Linux",
      "tenancy":"Shared","preInstalledSw":"NA","capacitystatus":"Used","licenseModel":"No License required",
      "marketoption":"OnDemand","regionCode":"us-east-1","locationType":"AWS Region","usagetype":"BoxUsage:m7i.large"}},
    "TEST":{"sku":"TEST","productFamily":")" + family + R"(","attributes":{)" + attrs + R"(}}},
    "terms":{"OnDemand":{
      "KEEP":{"KEEP.JRTCKXETXF":{"offerTermCode":"JRTCKXETXF","priceDimensions":{"KEEP.JRTCKXETXF.6YS6EN2CT7":{
        "rateCode":"KEEP.JRTCKXETXF.6YS6EN2CT7","beginRange":"0","endRange":"Inf","unit":"Hrs","pricePerUnit":{"USD":"0.1008000000"},"appliesTo":[]}}}},
      "TEST":{"TEST.JRTCKXETXF":{"offerTermCode":"JRTCKXETXF","priceDimensions":{"TEST.JRTCKXETXF.6YS6EN2CT7":{
        "rateCode":"TEST.JRTCKXETXF.6YS6EN2CT7","beginRange":"0","endRange":"Inf","unit":"Hrs","pricePerUnit":{"USD":")" +
         price + R"("},"appliesTo":[]}}}}}}})";
}

std::string attrs_with(const std::string& name, const std::string& value) {
  std::vector<std::pair<std::string, std::string>> a = {
      {"instanceType", "m7i.xlarge"}, {"operatingSystem", "Linux"}, {"tenancy", "Shared"},
      {"preInstalledSw", "NA"},       {"capacitystatus", "Used"},   {"licenseModel", "No License required"},
      {"marketoption", "OnDemand"},   {"regionCode", "us-east-1"},  {"locationType", "AWS Region"},
      {"usagetype", "BoxUsage:m7i.xlarge"}};
  std::string out;
  for (auto& [k, v] : a) {
    if (k == name) v = value;
    out += (out.empty() ? "" : ",") + ("\"" + k + "\":\"" + v + "\"");
  }
  return out;
}

bool keeps_test_product(const std::string& text) {
  const OfferImport got = extract_text(text, "p.json");
  return find(got, "ec2", "m7i.xlarge") != nullptr;
}

TEST(OfferExtractPitfallTest, BaselineProductIsKept) { EXPECT_TRUE(keeps_test_product(ec2_offer(attrs_with("", "")))); }

TEST(OfferExtractPitfallTest, CapacityReservationDuplicatesAreDropped) {
  EXPECT_FALSE(keeps_test_product(ec2_offer(attrs_with("capacitystatus", "AllocatedCapacityReservation"), "Compute Instance", "0.0000000000")));
  EXPECT_FALSE(keeps_test_product(ec2_offer(attrs_with("capacitystatus", "UnusedCapacityReservation"))));
}

TEST(OfferExtractPitfallTest, CapacityBlocksAreDropped) {
  EXPECT_FALSE(keeps_test_product(ec2_offer(attrs_with("marketoption", "CapacityBlock"))));
}

TEST(OfferExtractPitfallTest, HostAndDedicatedTenancyAreDropped) {
  EXPECT_FALSE(keeps_test_product(ec2_offer(attrs_with("tenancy", "Host"), "Compute Instance", "0.0000000000")));
  EXPECT_FALSE(keeps_test_product(ec2_offer(attrs_with("tenancy", "Dedicated"))));
}

TEST(OfferExtractPitfallTest, ByolAndOtherOperatingSystemsAreDropped) {
  EXPECT_FALSE(keeps_test_product(ec2_offer(attrs_with("licenseModel", "Bring your own license"))));
  EXPECT_FALSE(keeps_test_product(ec2_offer(attrs_with("operatingSystem", "Windows"))));
  EXPECT_FALSE(keeps_test_product(ec2_offer(attrs_with("operatingSystem", "RHEL"))));
}

TEST(OfferExtractPitfallTest, PreInstalledSoftwareIsDropped) {
  EXPECT_FALSE(keeps_test_product(ec2_offer(attrs_with("preInstalledSw", "SQL Std"))));
}

TEST(OfferExtractPitfallTest, LocalZonesAndOtherLocationTypesAreDropped) {
  EXPECT_FALSE(keeps_test_product(ec2_offer(attrs_with("locationType", "AWS Local Zone"))));
  EXPECT_FALSE(keeps_test_product(ec2_offer(attrs_with("regionCode", "us-east-1-bos-1"))));
}

TEST(OfferExtractPitfallTest, RegionCodeWinsOverLocationNamesAndOldFilesUseLocation) {
  // No regionCode (files before 2019): the location name is mapped, "EU" and "Europe" alike.
  std::string a = attrs_with("regionCode", "x");
  a.replace(a.find("\"regionCode\":\"x\""), 16, "\"location\":\"Europe (Ireland)\"");
  const OfferImport got = extract_text(ec2_offer(a), "p.json");
  EXPECT_NE(find(got, "ec2", "m7i.xlarge", "eu-west-1"), nullptr);
  EXPECT_EQ(region_for_location("EU (Ireland)"), "eu-west-1");
  EXPECT_EQ(region_for_location("Asia Pacific (Osaka-Local)"), "ap-northeast-3");
  EXPECT_EQ(region_for_location("Mars (Olympus)"), "");
}

TEST(OfferExtractPitfallTest, BareMetalFamilyIsAccepted) {
  EXPECT_TRUE(keeps_test_product(ec2_offer(attrs_with("", ""), "Compute Instance (bare metal)")));
}

TEST(OfferExtractPitfallTest, OtherFamiliesAndProductsWithoutFamilyAreIgnored) {
  EXPECT_FALSE(keeps_test_product(ec2_offer(attrs_with("", ""), "Dedicated Host")));
  EXPECT_FALSE(keeps_test_product(ec2_offer(attrs_with("", ""), "Data Transfer")));
}

TEST(OfferExtractPitfallTest, UnitSpellingsAreNormalised) {
  EXPECT_EQ(normalize_offer_unit("Hrs"), "hour");
  EXPECT_EQ(normalize_offer_unit("hrs"), "hour");
  EXPECT_EQ(normalize_offer_unit("Hours"), "hour");
  EXPECT_EQ(normalize_offer_unit("GB-Mo"), "GB-month");
  EXPECT_EQ(normalize_offer_unit("Requests"), "request");
  EXPECT_EQ(normalize_offer_unit("Request"), "request");
  EXPECT_EQ(normalize_offer_unit("seconds"), "GB-second");
  EXPECT_EQ(normalize_offer_unit("Lambda-GB-Second"), "GB-second");
  EXPECT_EQ(normalize_offer_unit("Quantity"), "");
}

TEST(OfferExtractPitfallTest, UsageTypePrefixesAreMatchedPerRegionNotBySubstring) {
  EXPECT_TRUE(usage_type_is("NatGateway-Hours", "us-east-1", "NatGateway-Hours"));
  EXPECT_TRUE(usage_type_is("USE1-NatGateway-Hours", "us-east-1", "NatGateway-Hours"));
  EXPECT_TRUE(usage_type_is("EU-NatGateway-Hours", "eu-west-1", "NatGateway-Hours"));
  EXPECT_TRUE(usage_type_is("USE2-NatGateway-Hours", "us-east-2", "NatGateway-Hours"));
  EXPECT_FALSE(usage_type_is("NatGateway-Hours", "us-east-2", "NatGateway-Hours"));
  EXPECT_FALSE(usage_type_is("USE1-RegionalNatGateway-Hours", "us-east-1", "NatGateway-Hours"));
  EXPECT_FALSE(usage_type_is("EUW2-NatGateway-Hours", "eu-west-1", "NatGateway-Hours"));
  EXPECT_FALSE(usage_type_is("IA-ReadRequestUnits", "us-east-1", "ReadRequestUnits"));
  EXPECT_TRUE(usage_type_is("XYZ9-ReadRequestUnits", "xx-new-1", "ReadRequestUnits"));  // region not in the table
  EXPECT_FALSE(usage_type_is("IA-ReadRequestUnits", "xx-new-1", "ReadRequestUnits"));
}

TEST(OfferExtractPitfallTest, UnorderedTieredDimensionsAreSortedAndChecked) {
  const OfferImport got = extract_fixture("lambda-small.json");
  std::vector<std::string> tiers;
  for (const auto& r : got.rows)
    if (r.key == "duration-x86_64")
      tiers.push_back(r.tier_start->to_string() + "-" + (r.tier_end ? r.tier_end->to_string() : "Inf") + "@" +
                      r.price_text);
  EXPECT_EQ(tiers, (std::vector<std::string>{"0-6000000000@0.0000166667", "6000000000-15000000000@0.0000150000",
                                             "15000000000-Inf@0.0000133334"}));
  EXPECT_NE(error_of("err-tier-gap.json").find("must be contiguous from 0 to Inf"), std::string::npos);
}

TEST(OfferExtractPitfallTest, FreeTierSkusWithLocationAnyAreIgnored) {
  const OfferImport got = extract_fixture("lambda-small.json");
  for (const auto& r : got.rows) EXPECT_NE(r.sku, "FREETIERREQUEST1");
  const OfferRow* req = find(got, "lambda", "requests-x86_64");
  ASSERT_NE(req, nullptr);
  EXPECT_EQ(req->sku, "GU2ZS9HVP6QTQ7KE");
  EXPECT_EQ(req->unit, "request");
  EXPECT_EQ(req->price_text, "0.0000002000");
}

// ---------------------------------------------------------------- other offers

TEST(OfferExtractTest, VpcPublicIpv4InUseOnlyPerRegion) {
  const OfferImport got = extract_fixture("vpc-small.json");
  EXPECT_EQ(keys(got), (std::vector<std::string>{"eu-west-1 vpc public-ipv4-address-hour",
                                                 "us-east-1 vpc public-ipv4-address-hour"}));
  EXPECT_EQ(find(got, "vpc", "public-ipv4-address-hour")->sku, "4GQUNXTFWVSGPUZK");
  ExtractOptions only;
  only.region = "eu-west-1";
  EXPECT_EQ(keys(extract_fixture("vpc-small.json", only)),
            (std::vector<std::string>{"eu-west-1 vpc public-ipv4-address-hour"}));
}

TEST(OfferExtractTest, RdsSingleAzPerEngineAndGp3Storage) {
  const OfferImport got = extract_fixture("rds-small.json");
  EXPECT_EQ(keys(got), (std::vector<std::string>{"us-east-1 rds db.m7g.large/mariadb", "us-east-1 rds db.m7g.large/mysql",
                                                 "us-east-1 rds db.m7g.large/postgresql",
                                                 "us-east-1 rds db.r7g.large/postgresql", "us-east-1 rds storage-gp3"}));
  EXPECT_EQ(find(got, "rds", "db.m7g.large/postgresql")->price_text, "0.1680000000");
  EXPECT_EQ(find(got, "rds", "storage-gp3")->unit, "GB-month");
}

TEST(OfferExtractTest, DynamoDbStandardTableClassWithTieredStorage) {
  const OfferImport got = extract_fixture("dynamodb-small.json");
  std::vector<std::string> k = keys(got);
  k.erase(std::unique(k.begin(), k.end()), k.end());
  EXPECT_EQ(k, (std::vector<std::string>{"us-east-1 dynamodb on-demand-read-request-unit",
                                         "us-east-1 dynamodb on-demand-write-request-unit",
                                         "us-east-1 dynamodb provisioned-rcu-hour", "us-east-1 dynamodb provisioned-wcu-hour",
                                         "us-east-1 dynamodb storage"}));
  EXPECT_EQ(find(got, "dynamodb", "on-demand-read-request-unit")->unit, "read-request-unit");
  EXPECT_EQ(find(got, "dynamodb", "on-demand-read-request-unit")->sku, "DDBREADREQUEST01");  // not the IA SKU
}

TEST(OfferExtractTest, ComputeSavingsPlansJsonKeepsLinuxSharedEc2AndLambdaRates) {
  const OfferImport got = extract_fixture("compute-sp-small.json");
  EXPECT_EQ(got.kind, OfferKind::kSavingsPlans);
  EXPECT_EQ(got.offer_code, "AWSComputeSavingsPlan");
  EXPECT_EQ(keys(got),
            (std::vector<std::string>{
                "us-east-1 compute-sp-rates ComputeSP:1yrNoUpfront/AWSLambda/Lambda-GB-Second/Invoke",
                "us-east-1 compute-sp-rates ComputeSP:1yrNoUpfront/AmazonEC2/BoxUsage:m7i.xlarge/RunInstances",
                "us-east-1 compute-sp-rates EC2SP:m7i.3yrPartialUpfront/AmazonEC2/BoxUsage:m7i.xlarge/RunInstances"}));
  const OfferRow* r = find(got, "compute-sp-rates", "ComputeSP:1yrNoUpfront/AmazonEC2/BoxUsage:m7i.xlarge/RunInstances");
  EXPECT_EQ(r->price_text, "0.1436");
  EXPECT_EQ(r->sku, "BB7BKBSC6NZW7P5B");
  EXPECT_EQ(r->rate_code, "BB7BKBSC6NZW7P5B.M7IXLARGEUSED001");
  EXPECT_EQ(r->unit, "hour");
}

TEST(OfferExtractTest, DatabaseSavingsPlansCsvKeepsRdsAndDynamoDb) {
  const OfferImport got = extract_fixture("database-sp-small.csv");
  EXPECT_EQ(got.offer_code, "AmazonDatabaseSavingsPlans");
  EXPECT_EQ(got.rows.size(), 4u);  // the DMS rate is not kept
  const OfferRow* r = find(got, "database-sp-rates",
                           "DatabaseSP:1yrNoUpfront/AmazonRDS/InstanceUsage:db.m7g.large/CreateDBInstance:0014");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->price_text, "0.1344");
  EXPECT_EQ(find(got, "database-sp-rates",
                 "DatabaseSP:1yrNoUpfront/AmazonDynamoDB/WriteRequestUnits/PayPerRequestThroughput")
                ->unit,
            "write-request-unit");
}

// ---------------------------------------------------------------- errors

TEST(OfferExtractErrorTest, AmbiguousSkusNameBoth) {
  EXPECT_EQ(error_of("err-ambiguous-sku.json"),
            "err-ambiguous-sku.json: /products/M7IXLARGEDUPL014: ambiguous: SKU M7IXLARGEDUPL014 and SKU "
            "M7IXLARGEUSED001 (at /products/M7IXLARGEUSED001) both give ec2 \"m7i.xlarge\" in us-east-1; costproof "
            "never picks one silently. Check the filters in docs/pricing-import.md, or report the file");
}

TEST(OfferExtractErrorTest, TwoOnDemandTermsForOneSkuAreAmbiguous) {
  const std::string e = error_of("err-two-ondemand-terms.json");
  EXPECT_NE(e.find("has two OnDemand terms, JRTCKXETXF"), std::string::npos) << e;
  EXPECT_NE(e.find("and ABCDEFGHIJ"), std::string::npos) << e;
}

// vpc-small.json with `from` replaced by `to` (first occurrence); the error text.
std::string error_of_edited(const std::string& from, const std::string& to) {
  std::string text = slurp(kFixtures / "vpc-small.json");
  const auto at = text.find(from);
  if (at == std::string::npos) return "fixture has no " + from;
  text.replace(at, from.size(), to);
  return test_files::input_error_of([&] { extract_text(text, "vpc.json"); });
}

TEST(OfferExtractErrorTest, DuplicateKeysAndSkusAreRefusedNotPicked) {
  // A second product with the SKU of the first: import never picks one silently.
  const std::string sku = error_of_edited("\"products\" : {",
                                          "\"products\" : {\n    \"4GQUNXTFWVSGPUZK\" : {},");
  EXPECT_NE(sku.find("vpc.json: /products/4GQUNXTFWVSGPUZK: duplicate key \"4GQUNXTFWVSGPUZK\" at line"),
            std::string::npos)
      << sku;
  // A price with two "USD" keys.
  const std::string usd = error_of_edited("\"USD\" : \"0.0050000000\"", "\"USD\" : \"0.005\", \"USD\" : \"5\"");
  EXPECT_NE(usd.find("duplicate key \"USD\""), std::string::npos) << usd;
}

TEST(OfferExtractErrorTest, ACsvHeaderNamingAColumnTwiceIsRefused) {
  std::string text = slurp(kFixtures / "ec2-small.csv");
  const auto at = text.find("\"PriceDescription\"");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 18, "\"PricePerUnit\"");  // now two PricePerUnit columns
  try {
    extract_text(text, "ec2.csv");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("the header names one column twice (columns 5 and 10"), std::string::npos)
        << e.what();
  }
}

TEST(OfferExtractErrorTest, AZeroFlatPriceIsRefusedUnlessStatedFree) {
  const std::string zero = error_of_edited("\"USD\" : \"0.0050000000\"", "\"USD\" : \"0.0000000000\"");
  EXPECT_NE(zero.find("does not say it is free; costproof does not import a $0 rate"), std::string::npos) << zero;
}

TEST(OfferExtractErrorTest, NamesThatBecomePathsAndAbsurdPricesAreRefused) {
  const std::string v = error_of_edited("\"20260920000000\"", "\"../../../x\"");
  EXPECT_NE(v.find("vpc.json: /version: \"version\" is \"../../../x\"; costproof names the imported source after it"),
            std::string::npos)
      << v;
  const std::string p = error_of_edited("\"0.0050000000\"", "\"100000000000000000000000000000000\"");
  EXPECT_NE(p.find("expected a price of at most $1,000,000 per unit"), std::string::npos) << p;
}

TEST(OfferExtractErrorTest, TruncatedAndMalformedFilesGetPositions) {
  const std::string t = error_of("err-truncated.json");
  EXPECT_NE(t.find("the file ends early at line"), std::string::npos) << t;
  const std::string m = error_of("err-malformed.json");
  EXPECT_NE(m.find("invalid JSON at line 20, column 9 (byte 642)"), std::string::npos) << m;
  EXPECT_NE(error_of("err-csv-unclosed-quote.csv").find("ends inside a quoted field"), std::string::npos);
}

// A file (seekable) gets its line counted on error by reading it again; a pipe counts lines
// while reading. Both name the same position, whatever the chunk size.
TEST(OfferExtractErrorTest, PositionsAreTheSameFromAFileAndFromAPipe) {
  for (const std::string name : {"err-truncated.json", "err-malformed.json"}) {
    const std::string text = slurp(kFixtures / name);
    for (const std::size_t chunk : {std::size_t{16}, std::size_t{100}, std::size_t{4} << 20}) {
      ExtractOptions options;
      options.chunk_bytes = chunk;
      std::string from_file, from_pipe;
      try {
        extract_text(text, name, options, 37);
      } catch (const InputError& e) {
        from_file = e.what();
      }
      try {
        PipeSource pipe(text, 37);
        extract_offer(pipe, name, options);
      } catch (const InputError& e) {
        from_pipe = e.what();
      }
      EXPECT_NE(from_file.find(" at line "), std::string::npos) << from_file;
      EXPECT_EQ(from_file, from_pipe) << chunk;
    }
  }
  EXPECT_NE(error_of("err-malformed.json").find("invalid JSON at line 20, column 9 (byte 642)"), std::string::npos);
}

TEST(OfferExtractErrorTest, BadPriceUnitOrderAndOfferAreNamed) {
  EXPECT_EQ(error_of("err-bad-price.json"),
            "err-bad-price.json: /terms/OnDemand/M7IXLARGEUSED001/M7IXLARGEUSED001.JRTCKXETXF/priceDimensions/"
            "M7IXLARGEUSED001.JRTCKXETXF.6YS6EN2CT7/pricePerUnit/USD: expected a price as a decimal string such as "
            "\"0.0450000000\", got \"0.20.16\"");
  EXPECT_NE(error_of("err-bad-unit.json").find("unit \"Quantity\" for vpc \"nat-gateway-hour\""), std::string::npos);
  EXPECT_NE(error_of("err-unknown-offer.json").find("offer \"AmazonS3\" is not one costproof imports"),
            std::string::npos);
  EXPECT_THROW(extract_text("", "e.json"), InputError);
  EXPECT_THROW(extract_text("\x01\x02", "e.json"), InputError);
}

// ---------------------------------------------------------------- real AWS samples (structure)

TEST(OfferExtractSampleTest, RealLambdaOfferFile2016) {
  const fs::path f = kSamples / "concurrencylabs-aws-pricing-tools/AWSLambda-index-20161207.json";
  if (!fs::exists(f)) GTEST_SKIP() << "samples not present: " << f;
  ExtractOptions full;
  full.full_scan = true;
  const OfferImport got = extract_text(slurp(f), "AWSLambda.json", full);
  EXPECT_EQ(got.offer_code, "AWSLambda");
  EXPECT_EQ(got.version, "20161207235208");
  EXPECT_EQ(got.products, 403u);
  const OfferRow* req = find(got, "lambda", "requests-x86_64");
  ASSERT_NE(req, nullptr);
  EXPECT_EQ(req->sku, "GU2ZS9HVP6QTQ7KE");
  EXPECT_EQ(req->price, Decimal::parse("0.0000002"));
  const OfferRow* dur = find(got, "lambda", "duration-x86_64");
  ASSERT_NE(dur, nullptr);
  EXPECT_EQ(dur->sku, "TG3M4CAGBA3NYQBH");
  EXPECT_EQ(dur->price, Decimal::parse("0.0000166667"));
  EXPECT_EQ(dur->unit, "GB-second");
  std::set<std::string> regions;
  for (const auto& r : got.rows) regions.insert(r.region);
  EXPECT_GE(regions.size(), 10u);  // old file: regions from location names
}

TEST(OfferExtractSampleTest, RealTrimmedEc2OfferParsesToTheEnd) {
  const fs::path f = kSamples / "spinnaker-clouddriver/AmazonEC2-us-west-2-trimmed-2018-05.json";
  if (!fs::exists(f)) GTEST_SKIP() << "samples not present: " << f;
  ExtractOptions full;
  full.full_scan = true;
  const OfferImport got = extract_text(slurp(f), "ec2.json", full, 4096);
  EXPECT_EQ(got.offer_code, "AmazonEC2");
  EXPECT_EQ(got.products, 7u);
  EXPECT_FALSE(got.stopped_early);
  EXPECT_TRUE(got.rows.empty());  // no Linux/Shared/NA product in the trimmed sample
  const OfferImport quick = extract_text(slurp(f), "ec2.json");
  EXPECT_TRUE(quick.stopped_early);
}

TEST(OfferExtractSampleTest, RealGlobalEc2CsvHead) {
  const fs::path f = kSamples / "jtdelia-ec2-priceit/3-global-pricing-file-sample.csv";
  if (!fs::exists(f)) GTEST_SKIP() << "samples not present: " << f;
  const OfferImport got = extract_text(slurp(f), "ec2.csv");
  EXPECT_EQ(got.offer_code, "AmazonEC2");
  EXPECT_EQ(got.version, "20250912225308");
  EXPECT_EQ(got.products, 44u);
  for (const auto& r : got.rows) EXPECT_EQ(r.unit, "hour");
}

TEST(OfferExtractSampleTest, RealSavingsPlansCsvFiles) {
  const fs::path db = kSamples / "timfanda35-aws-pricing-list-loader/AWSDatabaseSavingsPlans-ap-south-2-index.csv";
  const fs::path compute = kSamples / "jtdelia-ec2-priceit/5-ap-east-2-savingsplan-pricing.csv";
  if (!fs::exists(db) || !fs::exists(compute)) GTEST_SKIP() << "samples not present";
  const OfferImport d = extract_text(slurp(db), "dsp.csv");
  EXPECT_EQ(d.offer_code, "AmazonDatabaseSavingsPlans");
  EXPECT_EQ(d.products, 455u);
  EXPECT_EQ(d.rows.size(), 297u + 12u);  // every RDS and DynamoDB rate, nothing else
  for (const auto& r : d.rows) EXPECT_EQ(r.region, "ap-south-2");
  const OfferImport c = extract_text(slurp(compute), "csp.csv");
  EXPECT_EQ(c.offer_code, "AmazonComputeSavingsPlan");
  for (const auto& r : c.rows) EXPECT_NE(r.key.find("/BoxUsage:"), std::string::npos);  // Linux shared only
}

}  // namespace
}  // namespace costproof
