// Unit tests for calc/pricing/price_table.h (one price table file) and
// calc/pricing/instance_shapes.h (the EC2 shapes file).
#include "pricing/price_table.h"

#include <ostream>
#include <string>

#include <gtest/gtest.h>

#include "core/error.h"
#include "pricing/instance_shapes.h"
#include "pricing/price_catalog.h"

namespace costproof {
namespace {

using nlohmann::json;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

constexpr const char* kFile = "pricing-data/aws/us-east-1/test.json";

// A minimal valid table: a repository source and a URL source, a plain row, a
// "per 1M" row and a tiered key.
json valid_table() {
  return json::parse(R"({
    "schema_version": 1,
    "provider": "aws",
    "region": "us-east-1",
    "service": "ec2",
    "currency": "USD",
    "description": "test prices",
    "sources": [
      {
        "id": "karpenter",
        "title": "Karpenter price map",
        "repo": "aws/karpenter-provider-aws",
        "path": "pkg/providers/pricing/zz_generated.pricing_aws.go",
        "commit": "6fc13b5236fd04fd16ff3f9dc7490d0813994099",
        "as_of": "2026-07-20",
        "trust": "A",
        "trust_note": "AWS Price List data."
      },
      {
        "id": "page",
        "title": "AWS pricing page",
        "url": "https://aws.amazon.com/vpc/pricing/",
        "as_of": "2025-10-28",
        "trust": "B",
        "trust_note": "Approximate."
      }
    ],
    "rows": [
      {"key": "m7i.xlarge", "unit": "hour", "price": "0.201600", "source": "karpenter"},
      {"key": "requests", "unit": "request", "per": "1000000", "price": "0.20", "source": "page",
       "description": "API requests", "note": "per million"},
      {"key": "dto", "unit": "GB", "tier_start": "10240", "tier_end": "Inf", "price": "0.085", "source": "page"},
      {"key": "dto", "unit": "GB", "tier_start": "0", "tier_end": "10240", "price": "0.09", "source": "page"}
    ]
  })");
}

TEST(PriceTableTest, ParsesAValidTable) {
  const PriceTable t = parse_price_table(valid_table(), kFile);
  EXPECT_EQ(t.file, kFile);
  EXPECT_EQ(t.provider, "aws");
  EXPECT_EQ(t.region, "us-east-1");
  EXPECT_EQ(t.service, "ec2");
  EXPECT_EQ(t.currency, "USD");
  EXPECT_EQ(t.description, "test prices");
  ASSERT_EQ(t.sources.size(), 2u);
  ASSERT_EQ(t.rows.size(), 4u);

  const PriceRow& row = t.rows[0];
  EXPECT_EQ(row.key, "m7i.xlarge");
  EXPECT_EQ(row.unit, "hour");
  EXPECT_EQ(row.per, Decimal::from_int(1));  // default
  EXPECT_EQ(row.price.usd_per_unit().to_string(), "0.201600");  // exactly as the source prints it
  EXPECT_EQ(row.currency, "USD");
  EXPECT_EQ(row.provider, "aws");
  EXPECT_EQ(row.region, "us-east-1");
  EXPECT_EQ(row.service, "ec2");
  EXPECT_EQ(row.file, kFile);
  EXPECT_EQ(row.pointer, "/rows/0");
  EXPECT_FALSE(row.tier_start.has_value());
  EXPECT_FALSE(row.tier_end.has_value());
  EXPECT_EQ(row.description, "");
  EXPECT_EQ(row.price_text(), "$0.2016 per hour");

  // The source is resolved to the table's shared source object.
  ASSERT_NE(row.source, nullptr);
  EXPECT_EQ(row.source, t.sources[0]);
  EXPECT_EQ(row.source->id, "karpenter");
  EXPECT_EQ(row.source->as_of.to_string(), "2026-07-20");
  EXPECT_EQ(row.source->trust, 'A');
  EXPECT_EQ(row.source->trust_note, "AWS Price List data.");
  EXPECT_EQ(row.source->citation(),
            "aws/karpenter-provider-aws pkg/providers/pricing/zz_generated.pricing_aws.go @6fc13b5236fd");
  EXPECT_EQ(row.source->trust_label(), "A: AWS price data or AWS-written page");

  const PriceRow& per_million = t.rows[1];
  EXPECT_EQ(per_million.per.to_string(), "1000000");
  EXPECT_EQ(per_million.description, "API requests");
  EXPECT_EQ(per_million.note, "per million");
  EXPECT_EQ(per_million.price_text(), "$0.20 per 1,000,000 request");
  EXPECT_EQ(per_million.listed_price.to_string(), "0.20");               // as printed, for 1,000,000
  EXPECT_EQ(per_million.price.usd_per_unit().to_string(), "0.0000002");  // one request, divided at load
  EXPECT_EQ(per_million.source, t.sources[1]);
  EXPECT_EQ(per_million.source->citation(), "https://aws.amazon.com/vpc/pricing/");
  EXPECT_EQ(per_million.source->trust_label(), "B: AWS-written text");

  const PriceRow& top_tier = t.rows[2];
  ASSERT_TRUE(top_tier.tier_start.has_value());
  EXPECT_EQ(top_tier.tier_start->to_string(), "10240");
  EXPECT_FALSE(top_tier.tier_end.has_value());  // "Inf"
  const PriceRow& first_tier = t.rows[3];
  ASSERT_TRUE(first_tier.tier_end.has_value());
  EXPECT_EQ(first_tier.tier_end->to_string(), "10240");
}

// Prices with dates (docs/pricing-tables.md, "Price history"): a row's earlier prices, each with
// its own source, found by the catalog's as-of date or an explicit one.
TEST(PriceTableTest, HistoryGivesThePriceInEffectOnADate) {
  json t = valid_table();
  t["rows"][1]["effective_from"] = "2024-11-01";
  t["rows"][1]["history"] = json::array({{{"price", "0.40"}, {"source", "karpenter"}, {"note", "before"}},
                                         {{"effective_from", "2020-01-01"}, {"price", "0.30"}, {"source", "page"}}});
  const PriceTable table = parse_price_table(t, kFile);
  const PriceRow& row = table.rows[1];
  ASSERT_EQ(row.history.size(), 2u);
  EXPECT_EQ(row.as_of(Date{2024, 11, 1})->price.usd_per_unit(), Decimal::parse("0.0000002"));
  EXPECT_EQ(row.as_of(Date{2024, 10, 31})->price.usd_per_unit(), Decimal::parse("0.0000003"));
  EXPECT_EQ(row.as_of(Date{2019, 1, 1})->price.usd_per_unit(), Decimal::parse("0.0000004"));
  EXPECT_EQ(row.as_of(Date{2019, 1, 1})->source->id, "karpenter");
  EXPECT_EQ(row.as_of(Date{2024, 10, 31})->pointer, "/rows/1/history/1");

  PriceCatalog catalog;
  catalog.add_table(table);
  EXPECT_EQ(catalog.find_on("ec2", "us-east-1", "requests", Date{2021, 6, 1}).listed_price, Decimal::parse("0.30"));
  EXPECT_EQ(catalog.find("ec2", "us-east-1", "requests").listed_price, Decimal::parse("0.20"));  // no as-of: latest
  catalog.set_as_of(Date{2023, 1, 1});
  EXPECT_EQ(catalog.find("ec2", "us-east-1", "requests").listed_price, Decimal::parse("0.30"));
  EXPECT_EQ(catalog.find("ec2", "us-east-1", "m7i.xlarge").listed_price, Decimal::parse("0.201600"));  // undated
}

TEST(PriceTableTest, HistoryErrorsNameThePointer) {
  json t = valid_table();
  t["rows"][1]["history"] = json::array({{{"price", "0.40"}, {"source", "page"}}});
  try {
    parse_price_table(t, kFile);
    FAIL();
  } catch (const PricingDataError& e) {
    EXPECT_TRUE(contains(e.what(), "/rows/1/history: a row with a \"history\" needs \"effective_from\"")) << e.what();
  }
  t["rows"][1]["effective_from"] = "2024-11-01";
  t["rows"][1]["history"] = json::array({{{"effective_from", "2025-01-01"}, {"price", "0.40"}, {"source", "page"}}});
  try {
    parse_price_table(t, kFile);
    FAIL();
  } catch (const PricingDataError& e) {
    EXPECT_TRUE(contains(e.what(), "/rows/1/history/0/effective_from: expected a date before")) << e.what();
  }
  t["rows"][1]["history"] = json::array({{{"effective_from", "2020-01-01"}, {"price", "0.40"}, {"source", "page"}}});
  PriceCatalog catalog;
  catalog.add_table(parse_price_table(t, kFile));
  try {
    catalog.find_on("ec2", "us-east-1", "requests", Date{2019, 1, 1});
    FAIL();
  } catch (const PriceNotFound& e) {
    EXPECT_TRUE(contains(e.what(), "the earliest known price took effect on 2020-01-01")) << e.what();
  }
}

TEST(PriceTableTest, TrustLabelForThirdParty) {
  PriceSource s;
  s.trust = 'C';
  EXPECT_EQ(s.trust_label(), "C: third-party only");
}

TEST(PriceTableTest, PerThatDoesNotDivideThePriceExactlyIsRefused) {
  json j = valid_table();
  j["rows"][0]["price"] = "1";
  j["rows"][0]["per"] = "3";  // $0.333... per unit: no exact decimal
  try {
    parse_price_table(j, kFile);
    FAIL() << "expected PricingDataError";
  } catch (const PricingDataError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find(kFile), std::string::npos) << what;
    EXPECT_NE(what.find("/rows/0/per"), std::string::npos) << what;
    EXPECT_NE(what.find("(1 / 3) is not an exact decimal"), std::string::npos) << what;
  }
}

// "kind": "fact": the source's as-of date is a statement's, not a price list's (docs/pricing-tables.md).
TEST(PriceTableTest, SourceKindFactIsRead) {
  json j = valid_table();
  j["sources"][1]["kind"] = "fact";
  j["sources"][0]["kind"] = "price";
  const PriceTable t = parse_price_table(j, kFile);
  EXPECT_FALSE(t.sources[0]->fact);
  EXPECT_TRUE(t.sources[1]->fact);
  EXPECT_FALSE(parse_price_table(valid_table(), kFile).sources[1]->fact);  // the default is a price
}

TEST(PriceTableTest, ZeroPriceIsAllowed) {
  json j = valid_table();
  j["rows"][0]["price"] = "0";
  const PriceTable t = parse_price_table(j, kFile);
  EXPECT_TRUE(t.rows[0].price.usd_per_unit().is_zero());
  EXPECT_EQ(t.rows[0].price_text(), "$0.00 per hour");
}

// ---------------------------------------------------------------- error cases

struct TableErrorCase {
  const char* name;
  void (*mutate)(json&);
  const char* pointer;  // expected PricingDataError::pointer()
  const char* message;  // expected substring of what()
};

std::ostream& operator<<(std::ostream& os, const TableErrorCase& c) {
  return os << c.name << ": expect pointer " << c.pointer << " and \"" << c.message << "\"";
}

const TableErrorCase kTableErrors[] = {
    {"SourceKindUnknown", [](json& j) { j["sources"][1]["kind"] = "news"; }, "/sources/1/kind",
     "expected one of \"price\", \"fact\", got \"news\""},
    {"PriceAsNumber", [](json& j) { j["rows"][0]["price"] = 0.045; }, "/rows/0/price",
     "expected a price in USD as a decimal string such as \"0.045\", got number 0.045; write it in quotes"},
    {"NegativePrice", [](json& j) { j["rows"][0]["price"] = "-0.01"; }, "/rows/0/price",
     "expected a non-negative price, got -0.01"},
    {"PriceNotADecimal", [](json& j) { j["rows"][0]["price"] = "$0.20"; }, "/rows/0/price",
     "\"$0.20\" is not a decimal number"},
    {"PriceTooManyPlaces", [](json& j) { j["rows"][0]["price"] = "0.0000000000001"; }, "/rows/0/price",
     "expected at most 12 decimal places, got 0.0000000000001"},
    {"UnknownRowField", [](json& j) { j["rows"][0]["prcie"] = "0.2"; }, "/rows/0/prcie",
     "unknown field \"prcie\"; the fields allowed here are:"},
    {"UnknownTableField", [](json& j) { j["regoin"] = "x"; }, "/regoin", "unknown field \"regoin\""},
    {"RowCitesMissingSource", [](json& j) { j["rows"][0]["source"] = "nope"; }, "/rows/0/source",
     "no source with id \"nope\" in this file's \"sources\""},
    {"RowWithoutSource", [](json& j) { j["rows"][0].erase("source"); }, "/rows/0",
     "missing required field \"source\""},
    {"SourceWithoutId", [](json& j) { j["sources"][0].erase("id"); }, "/sources/0",
     "missing required field \"id\" (rows cite sources by id)"},
    {"DuplicateSourceId", [](json& j) { j["sources"][1]["id"] = "karpenter"; }, "/sources/1/id",
     "duplicate source id \"karpenter\""},
    {"SourceWithUrlAndRepo", [](json& j) { j["sources"][0]["url"] = "https://example.com/"; }, "/sources/0",
     "a source needs either \"url\" or all of \"repo\", \"path\", \"commit\" (not both)"},
    {"SourceWithNeither", [](json& j) { j["sources"][1].erase("url"); }, "/sources/1",
     "a source needs either \"url\" or all of"},
    {"RepoWithoutCommit", [](json& j) { j["sources"][0].erase("commit"); }, "/sources/0",
     "a repository source needs all of \"repo\", \"path\" and \"commit\""},
    {"ShortCommit", [](json& j) { j["sources"][0]["commit"] = "6fc13b5"; }, "/sources/0/commit",
     "expected a full 40-hex-digit commit, got \"6fc13b5\""},
    {"UpperCaseCommit", [](json& j) { j["sources"][0]["commit"] = "6FC13B5236FD04FD16FF3F9DC7490D0813994099"; },
     "/sources/0/commit", "expected a full 40-hex-digit commit"},
    {"BadAsOf", [](json& j) { j["sources"][0]["as_of"] = "2026-02-30"; }, "/sources/0/as_of",
     "expected a date YYYY-MM-DD, got \"2026-02-30\""},
    {"SourceWithoutAsOf", [](json& j) { j["sources"][0].erase("as_of"); }, "/sources/0",
     "missing required field \"as_of\""},
    {"BadTrust", [](json& j) { j["sources"][0]["trust"] = "D"; }, "/sources/0/trust",
     "expected one of \"A\", \"B\", \"C\", got \"D\""},
    {"EmptyTrustNote", [](json& j) { j["sources"][0]["trust_note"] = ""; }, "/sources/0/trust_note",
     "expected a non-empty string"},
    {"UnknownSourceField", [](json& j) { j["sources"][0]["licence"] = "MIT"; }, "/sources/0/licence",
     "unknown field \"licence\""},
    {"NoSources", [](json& j) { j["sources"] = json::array(); }, "/sources", "expected at least 1 item(s), got 0"},
    {"NoRows", [](json& j) { j["rows"] = json::array(); }, "/rows", "expected at least 1 item(s), got 0"},
    {"DuplicateKey",
     [](json& j) {
       j["rows"][1]["key"] = "m7i.xlarge";
     },
     "/rows/1/key", "duplicate key \"m7i.xlarge\" (also at /rows/0)"},
    {"DuplicateTier",
     [](json& j) {
       j["rows"][3]["tier_start"] = "10240";
       j["rows"][3]["tier_end"] = "Inf";
     },
     "/rows/3/key",
     "duplicate key \"dto\" (also at /rows/2)"},
    {"SchemaVersion2", [](json& j) { j["schema_version"] = 2; }, "/schema_version",
     "expected schema_version 1, got 2; this costproof reads version 1 tables only"},
    {"SchemaVersionString", [](json& j) { j["schema_version"] = "1"; }, "/schema_version",
     "expected a whole number, got string \"1\""},
    {"OtherProvider", [](json& j) { j["provider"] = "gcp"; }, "/provider", "expected one of \"aws\", got \"gcp\""},
    {"OtherCurrency", [](json& j) { j["currency"] = "EUR"; }, "/currency", "expected one of \"USD\", got \"EUR\""},
    {"PerZero", [](json& j) { j["rows"][1]["per"] = "0"; }, "/rows/1/per", "expected a positive number of units"},
    {"TiersWithAGap", [](json& j) { j["rows"][2]["tier_start"] = "20000"; }, "/rows/2/tier_start",
     "tiers of \"dto\" must be contiguous: expected tier_start \"10240\", got \"20000\""},
    {"TiersNotFromZero", [](json& j) { j["rows"][3]["tier_start"] = "1"; }, "/rows/3/tier_start",
     "expected tier_start \"0\", got \"1\""},
    {"LastTierNotInf", [](json& j) { j["rows"][2]["tier_end"] = "51200"; }, "/rows/2/tier_end",
     "the last tier of \"dto\" must end at \"Inf\""},
    {"TwoInfTiers", [](json& j) { j["rows"][3]["tier_end"] = "Inf"; }, "/rows/3/tier_end",
     "only the last tier of \"dto\" may end at \"Inf\""},
    {"TierEndBelowStart", [](json& j) { j["rows"][3]["tier_end"] = "0"; }, "/rows/3/tier_end",
     "expected tier_end above tier_start"},
    {"TierStartWithoutEnd", [](json& j) { j["rows"][3].erase("tier_end"); }, "/rows/3",
     "missing required field \"tier_end\""},
};

class PriceTableErrorTest : public ::testing::TestWithParam<TableErrorCase> {};

TEST_P(PriceTableErrorTest, ThrowsPricingDataErrorWithPointer) {
  const TableErrorCase& c = GetParam();
  json j = valid_table();
  c.mutate(j);
  try {
    (void)parse_price_table(j, kFile);
    ADD_FAILURE() << c.name << ": no PricingDataError";
  } catch (const PricingDataError& e) {
    const std::string message = e.what();
    EXPECT_EQ(e.file(), kFile) << c.name;
    EXPECT_EQ(e.pointer(), c.pointer) << c.name << ": " << message;
    EXPECT_TRUE(contains(message, std::string(kFile) + ": " + c.pointer + ": ")) << c.name << ": " << message;
    EXPECT_TRUE(contains(message, c.message)) << c.name << ": expected \"" << c.message << "\" in: " << message;
  }
}

std::string table_error_name(const ::testing::TestParamInfo<TableErrorCase>& p) { return p.param.name; }

INSTANTIATE_TEST_SUITE_P(KnownAnswers, PriceTableErrorTest, ::testing::ValuesIn(kTableErrors), table_error_name);

// ---------------------------------------------------------------- instance shapes

json valid_shapes() {
  return json::parse(R"({
    "schema_version": 1,
    "provider": "aws",
    "sources": [{"id": "k", "title": "Karpenter instance types", "repo": "aws/karpenter-provider-aws",
                 "path": "website/content/en/preview/reference/instance-types.md",
                 "commit": "692ccdd0629e488300821443f0fa0bc3c3e08047", "as_of": "2026-07-11", "trust": "A",
                 "trust_note": "generated"}],
    "source": "k",
    "shapes": [
      {"instance_type": "m7i.xlarge", "vcpu": 4, "memory_mib": 16384, "arch": "amd64", "cpu_manufacturer": "intel",
       "family": "m7i", "generation": 7, "network_mbps": 1562},
      {"instance_type": "m9g.xlarge", "vcpu": 4, "memory_mib": 16384, "arch": "arm64", "cpu_manufacturer": "aws",
       "family": "m9g", "generation": 9},
      {"instance_type": "t4g.nano", "vcpu": 2, "memory_mib": 512, "arch": "arm64", "cpu_manufacturer": "aws",
       "family": "t4g", "generation": 4}
    ]
  })");
}

TEST(InstanceShapesTest, ParsesShapes) {
  const InstanceShapes shapes = parse_instance_shapes(valid_shapes(), "shapes.json");
  EXPECT_EQ(shapes.file, "shapes.json");
  ASSERT_NE(shapes.source, nullptr);
  EXPECT_EQ(shapes.source->id, "k");
  EXPECT_EQ(shapes.by_type.size(), 3u);
  const InstanceShape* m7i = shapes.find("m7i.xlarge");
  ASSERT_NE(m7i, nullptr);
  EXPECT_EQ(m7i->vcpu, 4);
  EXPECT_EQ(m7i->memory_mib, 16384);
  EXPECT_EQ(m7i->arch, "amd64");
  EXPECT_EQ(m7i->cpu_manufacturer, "intel");
  EXPECT_EQ(m7i->family, "m7i");
  EXPECT_EQ(m7i->generation, 7);
  EXPECT_EQ(m7i->network_mbps, std::optional<std::int64_t>(1562));
  EXPECT_EQ(m7i->shape_text(), "4 vCPU / 16 GiB");
  const InstanceShape* m9g = shapes.find("m9g.xlarge");
  ASSERT_NE(m9g, nullptr);
  EXPECT_FALSE(m9g->network_mbps.has_value());
  EXPECT_EQ(shapes.find("t4g.nano")->shape_text(), "2 vCPU / 0.5 GiB");
  EXPECT_EQ(shapes.find("m7i.xlarg"), nullptr);
}

struct ShapesErrorCase {
  const char* name;
  void (*mutate)(json&);
  const char* pointer;
  const char* message;
};

std::ostream& operator<<(std::ostream& os, const ShapesErrorCase& c) {
  return os << c.name << ": expect pointer " << c.pointer << " and \"" << c.message << "\"";
}

const ShapesErrorCase kShapesErrors[] = {
    {"DuplicateType", [](json& j) { j["shapes"][1]["instance_type"] = "m7i.xlarge"; }, "/shapes/1/instance_type",
     "duplicate instance type \"m7i.xlarge\""},
    {"BadArch", [](json& j) { j["shapes"][0]["arch"] = "x86_64"; }, "/shapes/0/arch",
     "expected one of \"amd64\", \"arm64\", got \"x86_64\""},
    {"ZeroVcpu", [](json& j) { j["shapes"][0]["vcpu"] = 0; }, "/shapes/0/vcpu", "expected a positive vCPU count"},
    {"ZeroMemory", [](json& j) { j["shapes"][0]["memory_mib"] = 0; }, "/shapes/0/memory_mib",
     "expected a positive memory size"},
    {"UnknownField", [](json& j) { j["shapes"][0]["gpu"] = 1; }, "/shapes/0/gpu", "unknown field \"gpu\""},
    {"MissingSource", [](json& j) { j["source"] = "nope"; }, "/source", "no source with id \"nope\""},
    {"SchemaVersion", [](json& j) { j["schema_version"] = 2; }, "/schema_version", "expected schema_version 1"},
};

class InstanceShapesErrorTest : public ::testing::TestWithParam<ShapesErrorCase> {};

TEST_P(InstanceShapesErrorTest, ThrowsPricingDataErrorWithPointer) {
  const ShapesErrorCase& c = GetParam();
  json j = valid_shapes();
  c.mutate(j);
  try {
    (void)parse_instance_shapes(j, "shapes.json");
    ADD_FAILURE() << c.name << ": no PricingDataError";
  } catch (const PricingDataError& e) {
    EXPECT_EQ(e.pointer(), c.pointer) << c.name << ": " << e.what();
    EXPECT_TRUE(contains(e.what(), c.message)) << c.name << ": expected \"" << c.message << "\" in: " << e.what();
  }
}

std::string shapes_error_name(const ::testing::TestParamInfo<ShapesErrorCase>& p) { return p.param.name; }

INSTANTIATE_TEST_SUITE_P(KnownAnswers, InstanceShapesErrorTest, ::testing::ValuesIn(kShapesErrors),
                         shapes_error_name);

struct FamilyCase {
  const char* family;
  const char* family_class;
  const char* family_suffix;
};

std::ostream& operator<<(std::ostream& os, const FamilyCase& c) {
  return os << c.family << " -> class \"" << c.family_class << "\", suffix \"" << c.family_suffix << "\"";
}

const FamilyCase kFamilies[] = {
    {"m7i", "m", "i"},   {"m8g", "m", "g"},     {"m8gd", "m", "gd"},       {"x2iedn", "x", "iedn"},
    {"c7gn", "c", "gn"}, {"r7iz", "r", "iz"},   {"t4g", "t", "g"},         {"p5", "p", ""},
    {"inf2", "inf", ""}, {"trn1n", "trn", "n"}, {"hpc7g", "hpc", "g"},     {"m7i-flex", "m", "i-flex"},
    {"a1", "a", ""},     {"mac2", "mac", ""},   {"x8aedz", "x", "aedz"},   {"im4gn", "im", "gn"},
};

class FamilyTest : public ::testing::TestWithParam<FamilyCase> {};

TEST_P(FamilyTest, SplitsClassAndSuffix) {
  const FamilyCase& c = GetParam();
  InstanceShape s;
  s.family = c.family;
  EXPECT_EQ(s.family_class(), c.family_class) << "family " << c.family;
  EXPECT_EQ(s.family_suffix(), c.family_suffix) << "family " << c.family;
}

INSTANTIATE_TEST_SUITE_P(KnownAnswers, FamilyTest, ::testing::ValuesIn(kFamilies));

struct ShapeTextCase {
  int vcpu;
  std::int64_t memory_mib;
  const char* text;
};

std::ostream& operator<<(std::ostream& os, const ShapeTextCase& c) {
  return os << c.vcpu << " vCPU, " << c.memory_mib << " MiB -> \"" << c.text << "\"";
}

const ShapeTextCase kShapeTexts[] = {
    {4, 16384, "4 vCPU / 16 GiB"},      {2, 512, "2 vCPU / 0.5 GiB"},       {1, 768, "1 vCPU / 0.75 GiB"},
    {2, 1536, "2 vCPU / 1.5 GiB"},      {1, 128, "1 vCPU / 0.125 GiB"},     {192, 2097152, "192 vCPU / 2,048 GiB"},
    {896, 12582912, "896 vCPU / 12,288 GiB"},
};

class ShapeTextTest : public ::testing::TestWithParam<ShapeTextCase> {};

TEST_P(ShapeTextTest, ShowsVcpuAndGib) {
  const ShapeTextCase& c = GetParam();
  InstanceShape s;
  s.vcpu = c.vcpu;
  s.memory_mib = c.memory_mib;
  EXPECT_EQ(s.shape_text(), c.text) << c.vcpu << " vCPU, " << c.memory_mib << " MiB";
}

INSTANTIATE_TEST_SUITE_P(KnownAnswers, ShapeTextTest, ::testing::ValuesIn(kShapeTexts));

TEST(InstanceShapesTest, MetalIsRecognised) {
  InstanceShape s;
  s.instance_type = "m7g.metal";
  EXPECT_TRUE(s.is_metal());
  s.instance_type = "m7i.metal-24xl";
  EXPECT_TRUE(s.is_metal());
  s.instance_type = "m7g.16xlarge";
  EXPECT_FALSE(s.is_metal());
}

}  // namespace
}  // namespace costproof
