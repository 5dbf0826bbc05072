// Unit tests for web/engine.h, built natively: the companion page's engine
// prints exactly what `costproof run --format json` prints for the same
// scenario, and reports bad input with the program's own error line.
#include "engine.h"

#include <cctype>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "files.h"

namespace costproof::web {
namespace {

const std::string kRoot = COSTPROOF_SOURCE_DIR;

std::string pricing_json() {
  nlohmann::json files = nlohmann::json::array();
  for (const auto& f : cli::read_pricing_files(kRoot + "/pricing-data"))
    files.push_back({{"path", f.path}, {"label", "pricing-data/" + f.path}, {"text", f.text}});
  return files.dump();
}

const Engine& engine() {
  static const Engine e = [] {
    Engine made;
    EXPECT_EQ(made.load_pricing(pricing_json()), "");
    return made;
  }();
  return e;
}

// `costproof run --format json <file> --as-of 2026-11-27`, as text.
std::string cli_json(const std::string& file) {
  static const PriceCatalog catalog = cli::load_pricing_data(kRoot + "/pricing-data");
  cli::RunOptions options;
  options.format = OutputFormat::kJson;
  options.today = Date{2026, 11, 27};
  return cli::run_scenarios({file}, catalog, options).text;
}

// The run document with every result's "file" (the CLI's path, the engine's form label) removed.
nlohmann::json without_file(const std::string& text) {
  auto doc = nlohmann::json::parse(text);
  for (auto& r : doc["results"]) r["scenario"].erase("file");
  return doc;
}

class WebEngineMatchesCliTest : public ::testing::TestWithParam<const char*> {};

TEST_P(WebEngineMatchesCliTest, SameJsonAsCostproofRun) {
  const std::string file = kRoot + "/scenarios/ep050/" + GetParam();
  const auto out = nlohmann::json::parse(engine().run(cli::read_text_file(file), "2026-11-27"));
  ASSERT_TRUE(out.at("ok").get<bool>()) << out.dump();
  EXPECT_EQ(without_file(out.at("json").get<std::string>()), without_file(cli_json(file)));
  EXPECT_NE(out.at("markdown").get<std::string>().find("# costproof worked examples"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(EveryEpisodeKind, WebEngineMatchesCliTest,
                         ::testing::Values("graviton-small-team.json", "graviton4-to-graviton5.json",
                                           "ipv6-prod-three-az.json", "dsp-mid-size-mixed.json"));

TEST(WebEngineTest, BadInputGetsTheProgramsErrorLineAndPointer) {
  const auto out = nlohmann::json::parse(engine().run(
      R"({"schema_version": 1, "kind": "compute-migration", "id": "x", "title": "t", "episode": "050", "region": "us-east-1",
          "hours_per_month": 730, "fleet": [{"name": "a", "instance_type": "m7i.xlarge", "count": 0,
          "target": {"equivalent": "graviton"}}]})",
      "2026-11-27"));
  EXPECT_FALSE(out.at("ok").get<bool>());
  EXPECT_EQ(out.at("pointer"), "/fleet/0/count");
  EXPECT_EQ(out.at("message").get<std::string>().rfind("costproof: error: your-numbers.json: /fleet/0/count: ", 0), 0u)
      << out.dump();
  // The listener's version: the same message without the program's prefix, file and pointer.
  const std::string message = out.at("message"), plain = out.at("plain");
  const std::string tail = message.substr(std::string("costproof: error: your-numbers.json: /fleet/0/count: ").size());
  EXPECT_EQ(plain.substr(1), tail.substr(1, plain.size() - 1)) << plain;
  EXPECT_TRUE(std::isupper(static_cast<unsigned char>(plain[0]))) << plain;
  EXPECT_EQ(plain.find("costproof"), std::string::npos) << plain;
}

TEST(WebEngineTest, ResultsCarryTheirOneParagraphSummary) {
  const auto out = nlohmann::json::parse(engine().run(
      R"({"schema_version": 1, "kind": "compute-migration", "id": "x", "title": "t", "episode": "050", "region": "us-east-1",
          "audience": "team like yours", "hours_per_month": 730, "fleet": [{"name": "a", "instance_type": "m7i.xlarge",
          "count": 10, "target": {"equivalent": "graviton"}}]})",
      "2026-11-27"));
  ASSERT_TRUE(out.at("ok").get<bool>()) << out.dump();
  const std::string summary = out.at("summary");
  EXPECT_EQ(summary.rfind("A team like yours running 10 ", 0), 0u) << summary;
  EXPECT_NE(summary.find(" of current compute spend"), std::string::npos) << summary;
  EXPECT_EQ(summary.find("###"), std::string::npos) << summary;
  // The kind's chart for these numbers.
  const std::string chart = out.at("chart_svg");
  EXPECT_EQ(chart.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u) << chart.substr(0, 80);
  EXPECT_NE(chart.find("id=\"chart-graviton-yours\""), std::string::npos);
}

TEST(WebEngineTest, MissingPriceAndBadDateAndNoPricing) {
  const auto missing = nlohmann::json::parse(engine().run(
      R"({"schema_version": 1, "kind": "compute-migration", "id": "x", "title": "t", "episode": "050", "region": "us-east-1",
          "hours_per_month": 730, "fleet": [{"name": "a", "instance_type": "m7i.xlarg", "count": 1,
          "target": {"equivalent": "graviton"}}]})",
      "2026-11-27"));
  EXPECT_EQ(missing.at("message").get<std::string>().rfind("costproof: price not found: no price for m7i.xlarg", 0), 0u)
      << missing.dump();
  EXPECT_EQ(missing.at("plain").get<std::string>().find("costproof "), std::string::npos) << missing.dump();
  const auto bad_date = nlohmann::json::parse(engine().run("{}", "27/11/2026"));
  EXPECT_EQ(bad_date.at("message"), "costproof: usage error: the date must be YYYY-MM-DD, got \"27/11/2026\"");
  Engine empty;
  EXPECT_EQ(nlohmann::json::parse(empty.run("{}", "2026-11-27")).at("message"),
            "costproof: internal error: no pricing data loaded");
  EXPECT_NE(empty.load_pricing("[]").find("ec2-instance-shapes.json: missing"), std::string::npos);
}

}  // namespace
}  // namespace costproof::web
