// Unit tests for calc/core/flat_json.h and the fast reads built on it (read_price_table,
// read_instance_shapes): on the shipped files and on thousands of damaged copies, the fast read
// gives exactly what the full read (parse_json_text + parse_price_table / parse_instance_shapes)
// gives: the same table, field by field, or the same error message.
#include "core/flat_json.h"

#include <algorithm>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.h"
#include "core/json_reader.h"
#include "pricing/instance_shapes.h"
#include "pricing/price_table.h"

namespace costproof {
namespace {

std::string read_file(const std::string& relative) {
  std::ifstream in(COSTPROOF_SOURCE_DIR "/" + relative, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string describe_source(const PriceSource& s) {
  return s.id + "|" + s.title + "|" + s.url + "|" + s.repo + "|" + s.path + "|" + s.commit + "|" +
         s.as_of.to_string() + "|" + s.trust + "|" + s.trust_note + "|" + s.offer_code + "|" + s.offer_version + "|" +
         s.publication_date + "|" + (s.fact ? "fact" : "price") + "|" + s.no_machine_data;
}

std::string opt(const std::optional<Decimal>& d) { return d ? d->to_string() : "-"; }

std::string describe_row(const PriceRow& r) {
  std::string out = r.provider + "|" + r.region + "|" + r.service + "|" + r.key + "|" + r.unit + "|" +
                    r.per.to_string() + "|" + r.listed_price.to_string() + "|" + r.price.usd_per_unit().to_string() +
                    "|" + r.currency + "|" + opt(r.tier_start) + "|" + opt(r.tier_end) + "|" + r.description + "|" +
                    r.note + "|" + r.sku + "|" + r.rate_code + "|" + (r.source ? r.source->id : "-") + "|" + r.file +
                    "|" + r.pointer + "|" + std::to_string(static_cast<int>(r.form)) + "|" + opt(r.discount_percent) +
                    "|" + opt(r.multiplier) + "|" + r.discount + "|" + r.qualifier + "|" +
                    (r.effective_from ? r.effective_from->to_string() : "-") + "\n";
  for (const auto& h : r.history) out += "  history " + describe_row(h);
  return out;
}

// Every field of the table, or the error message.
std::string table_or_error(const std::function<PriceTable()>& read) {
  try {
    const PriceTable t = read();
    std::string out = t.file + "|" + t.provider + "|" + t.region + "|" + t.service + "|" + t.currency + "|" +
                      t.description + "\n";
    for (const auto& s : t.sources) out += describe_source(*s) + "\n";
    for (const auto& r : t.rows) {
      out += describe_row(r);
      // Rows share the table's source objects.
      if (std::find(t.sources.begin(), t.sources.end(), r.source) == t.sources.end()) out += "  (foreign source)\n";
    }
    return out;
  } catch (const std::exception& e) {
    return std::string("error: ") + e.what();
  }
}

std::string shapes_or_error(const std::function<InstanceShapes()>& read) {
  try {
    const InstanceShapes s = read();
    std::string out = s.file + "|" + describe_source(*s.source) + "\n";
    for (const auto& [type, shape] : s.by_type)
      out += type + "|" + shape.instance_type + "|" + std::to_string(shape.vcpu) + "|" +
             std::to_string(shape.memory_mib) + "|" + shape.arch + "|" + shape.cpu_manufacturer + "|" + shape.family +
             "|" + std::to_string(shape.generation) + "|" +
             (shape.network_mbps ? std::to_string(*shape.network_mbps) : "-") + "\n";
    return out;
  } catch (const std::exception& e) {
    return std::string("error: ") + e.what();
  }
}

constexpr const char* kTableLabel = "pricing-data/aws/us-east-1/ec2.json";
constexpr const char* kShapesLabel = "pricing-data/aws/ec2-instance-shapes.json";

std::string full_table(const std::string& text) {
  return table_or_error(
      [&] { return parse_price_table(parse_json_text(text, kTableLabel, JsonOrigin::kPricingData), kTableLabel); });
}
std::string fast_table(const std::string& text) {
  return table_or_error([&] { return read_price_table(text, kTableLabel); });
}
std::string full_shapes(const std::string& text) {
  return shapes_or_error([&] {
    return parse_instance_shapes(parse_json_text(text, kShapesLabel, JsonOrigin::kPricingData), kShapesLabel);
  });
}
std::string fast_shapes(const std::string& text) {
  return shapes_or_error([&] { return read_instance_shapes(text, kShapesLabel); });
}

TEST(FlatJson, ReadsAnArrayOfFlatObjectsAndLeavesTheRest) {
  const std::string text = R"({"a": {"rows": [1]}, "rows": [ {"k": "v", "n": 12}, {} ,{"x":0}], "b": "]"})";
  const auto rows = read_flat_array(text, "rows");
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->size(), 3u);
  ASSERT_EQ(rows->object(0).size(), 2u);
  EXPECT_EQ(rows->object(0)[0].key, "k");
  EXPECT_TRUE(rows->object(0)[0].value.is_string);
  EXPECT_EQ(rows->object(0)[0].value.text, "v");
  EXPECT_FALSE(rows->object(0)[1].value.is_string);
  EXPECT_EQ(rows->object(0)[1].value.integer, 12);
  EXPECT_EQ(rows->object(1).size(), 0u);
  EXPECT_EQ(rows->object(2)[0].value.integer, 0);
  EXPECT_EQ(rows->without_array(text), R"({"a": {"rows": [1]}, "rows": [], "b": "]"})");
}

TEST(FlatJson, DeclinesAnythingOutsideTheSimpleForm) {
  for (const std::string& text : std::vector<std::string>{
           R"({"rows": [{"k": "a\"b"}]})", R"({"rows": [{"k": "é"}]})", R"({"rows": [{"k": -1}]})",
        R"({"rows": [{"k": 1.5}]})", R"({"rows": [{"k": 1e3}]})", R"({"rows": [{"k": 012}]})",
        R"({"rows": [{"k": 1234567890123456789}]})", R"({"rows": [{"k": true}]})", R"({"rows": [{"k": [1]}]})",
        R"({"rows": [{"k": 1, "k": 2}]})", R"({"rows": [{"k": 1},]})", R"({"rows": [{"k": 1} {"k": 2}]})",
        R"({"rows": [], "rows": []})", R"({"rows": {}})", R"({"other": []})", R"([{"rows": []}])",
        "{\"rows\": [{\"k\": \"a\tb\"}]}"})
    EXPECT_FALSE(read_flat_array(text, "rows")) << text;
}

TEST(FlatJson, ShippedTablesReadTheSameFastAndFull) {
  for (const char* path :
       {"pricing-data/aws/us-east-1/ec2.json", "pricing-data/aws/us-east-1/vpc.json", "pricing-data/aws/us-east-1/rds.json",
        "pricing-data/aws/us-east-1/dynamodb.json", "pricing-data/aws/us-east-1/data-transfer.json",
        "pricing-data/aws/eu-west-1/ec2.json", "pricing-data/aws/global/database-savings-plans.json",
        "pricing-data/aws/us-east-1/aurora.json", "pricing-data/aws/us-east-1/stepfunctions.json"}) {
    const std::string text = read_file(path);
    EXPECT_EQ(fast_table(text), full_table(text)) << path;
  }
  const std::string ec2 = read_file("pricing-data/aws/us-east-1/ec2.json");
  const auto rows = read_flat_array(ec2, "rows");
  ASSERT_TRUE(rows);  // the EC2 table takes the fast path
  EXPECT_GT(rows->size(), 1000u);
  const std::string shapes = read_file(kShapesLabel);
  EXPECT_EQ(fast_shapes(shapes), full_shapes(shapes));
  ASSERT_TRUE(read_flat_array(shapes, "shapes"));
  EXPECT_EQ(full_shapes(shapes).find("error"), std::string::npos);
}

// Deterministic damage: delete, insert or replace a byte (from characters that matter to JSON
// and to the checks), or copy a stretch of the text elsewhere (a second row, a second member).
std::string damage(const std::string& text, std::mt19937& rng) {
  static const std::string kBytes = std::string("\"{}[],:\\ \n09-.eE+aZ\x7f\x01") + '\0' + "\xc3\xa9";
  std::string out = text;
  const auto at = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
  const std::size_t i = at(out.size());
  switch (at(4)) {
    case 0: out.erase(i, 1); break;
    case 1: out.insert(i, 1, kBytes[at(kBytes.size())]); break;
    case 2: out[i] = kBytes[at(kBytes.size())]; break;
    default: {
      const std::size_t from = at(out.size()), length = 1 + at(60);
      out.insert(i, out.substr(from, length));
    }
  }
  return out;
}

// A table of a few rows, in the shipped file's layout and compact, and damaged copies of each.
TEST(FlatJson, DamagedTablesGiveTheSameResultOrErrorFastAndFull) {
  auto json = nlohmann::json::parse(read_file("pricing-data/aws/us-east-1/ec2.json"));
  json["rows"].erase(json["rows"].begin() + 6, json["rows"].end());
  json["rows"][1]["description"] = "a described row";
  json["rows"][2]["note"] = "a note";
  json["rows"][3]["sku"] = "ABC";
  json["rows"][3]["rate_code"] = "ABC.1.2";
  json["rows"][4]["per"] = "1000";
  json["rows"][5]["per"] = 1000;
  std::mt19937 rng(16);
  int fast_read = 0;
  for (const std::string& base : {json.dump(2), json.dump()}) {
    ASSERT_EQ(fast_table(base), full_table(base));
    for (int n = 0; n < 4000; ++n) {
      std::string text = damage(base, rng);
      if (n % 3 == 0) text = damage(text, rng);
      const std::string full = full_table(text);
      ASSERT_EQ(fast_table(text), full) << text;
      if (full.rfind("error", 0) != 0 && read_flat_array(text, "rows")) ++fast_read;
    }
  }
  EXPECT_GT(fast_read, 100);  // damage that leaves a valid table also goes through the fast path
}

TEST(FlatJson, DamagedShapesGiveTheSameResultOrErrorFastAndFull) {
  auto json = nlohmann::json::parse(read_file(kShapesLabel));
  json["shapes"].erase(json["shapes"].begin() + 6, json["shapes"].end());
  json["shapes"][2].erase("network_mbps");
  std::mt19937 rng(16);
  for (const std::string& base : {json.dump(2), json.dump()}) {
    ASSERT_EQ(fast_shapes(base), full_shapes(base));
    for (int n = 0; n < 4000; ++n) {
      std::string text = damage(base, rng);
      if (n % 3 == 0) text = damage(text, rng);
      ASSERT_EQ(fast_shapes(text), full_shapes(text)) << text;
    }
  }
}

}  // namespace
}  // namespace costproof
