// Unit tests for web/engine.h, built natively: the companion page's engine
// prints exactly what `costproof run --format json` prints for the same
// scenario, and reports bad input with the program's own error line.
#include "engine.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "core/json_reader.h"
#include "files.h"
#include "scenarios/companion_prices.h"
#include "scenarios/scenario.h"

namespace costproof::web {
namespace {

const std::string kRoot = COSTPROOF_SOURCE_DIR;

std::string pricing_json(const std::vector<PricingFile>& list) {
  nlohmann::json files = nlohmann::json::array();
  for (const auto& f : list) files.push_back({{"path", f.path}, {"label", "pricing-data/" + f.path}, {"text", f.text}});
  return files.dump();
}
std::string pricing_json() { return pricing_json(cli::read_pricing_files(kRoot + "/pricing-data")); }

// An episode folder's scenario files (sorted) and their parsed scenarios.
struct EpisodeScenarios {
  std::vector<std::string> files;
  std::vector<Scenario> scenarios;
};
EpisodeScenarios episode_scenarios(const std::string& folder) {
  EpisodeScenarios out;
  for (const auto& e : std::filesystem::directory_iterator(kRoot + "/scenarios/" + folder)) {
    const std::string path = e.path().string();
    if (e.path().extension() != ".json") continue;
    const auto json = parse_json_text(cli::read_text_file(path), path, JsonOrigin::kUserInput);
    if (!json.contains("kind")) continue;  // episode.json, claims.json
    out.files.push_back(path);
  }
  std::sort(out.files.begin(), out.files.end());
  for (const auto& path : out.files)
    out.scenarios.push_back(parse_scenario(parse_json_text(cli::read_text_file(path), path, JsonOrigin::kUserInput), path));
  return out;
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

// The page embeds only the rows its forms can look up (scenarios/companion_prices.h); with those
// alone, the engine still prints what `costproof run` prints for every scenario of the episode.
class TrimmedPricingMatchesCliTest : public ::testing::TestWithParam<const char*> {};

TEST_P(TrimmedPricingMatchesCliTest, EveryEpisodeScenarioSameJsonAsCostproofRun) {
  const auto episode = episode_scenarios(GetParam());
  ASSERT_FALSE(episode.files.empty());
  const auto trimmed = companion_pricing_files(cli::read_pricing_files(kRoot + "/pricing-data"),
                                               episode_price_needs(episode.scenarios));
  Engine e;
  ASSERT_EQ(e.load_pricing(pricing_json(trimmed)), "");
  for (const auto& file : episode.files) {
    const auto out = nlohmann::json::parse(e.run(cli::read_text_file(file), "2026-11-27"));
    ASSERT_TRUE(out.at("ok").get<bool>()) << file << ": " << out.dump();
    EXPECT_EQ(without_file(out.at("json").get<std::string>()), without_file(cli_json(file))) << file;
  }
}

INSTANTIATE_TEST_SUITE_P(BothEpisodes, TrimmedPricingMatchesCliTest,
                         ::testing::Values("ep050", "ep-example-egress-serverless"));

TEST(WebEngineTest, TheExampleEpisodeEmbedsOnlyTheRowsItsComparisonsName) {
  const auto all = cli::read_pricing_files(kRoot + "/pricing-data");
  const auto trimmed =
      companion_pricing_files(all, episode_price_needs(episode_scenarios("ep-example-egress-serverless").scenarios));
  std::map<std::string, std::vector<std::string>> keys;  // path -> row keys
  for (const auto& f : trimmed) {
    const auto doc = nlohmann::json::parse(f.text);
    if (f.path == "aws/ec2-instance-shapes.json") {
      ASSERT_EQ(doc.at("shapes").size(), 1u);  // no kind of this episode looks up a shape: only the kept row's
      EXPECT_EQ(doc.at("shapes")[0].at("instance_type"), "t4g.nano");
      EXPECT_FALSE(doc.at("sources").empty());
      continue;
    }
    EXPECT_FALSE(doc.at("sources").empty()) << f.path;
    for (const auto& row : doc.at("rows")) keys[f.path].push_back(row.at("key").get<std::string>());
  }
  EXPECT_EQ(keys["aws/us-east-1/ec2.json"], std::vector<std::string>{"t4g.nano"});
  EXPECT_EQ(keys.count("aws/us-west-2/ec2.json"), 0u);
  EXPECT_EQ(keys.count("aws/us-east-1/rds.json"), 0u);
  // The x86 duration schedule keeps all its tiers.
  EXPECT_EQ(std::count(keys["aws/us-east-1/lambda.json"].begin(), keys["aws/us-east-1/lambda.json"].end(),
                       "duration-x86_64"),
            3);
  std::size_t before = 0, after = 0;
  for (const auto& f : all) before += f.text.size();
  for (const auto& f : trimmed) after += f.text.size();
  EXPECT_LT(after * 10, before) << after << " of " << before << " bytes";
}

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

TEST(WebEngineTest, NumbersAndChartApartAreRunInTwo) {
  const std::string scenario = cli::read_text_file(kRoot + "/scenarios/ep050/ipv6-prod-three-az.json");
  const auto whole = nlohmann::json::parse(engine().run(scenario, "2026-11-27"));
  auto numbers = nlohmann::json::parse(engine().run_numbers(scenario, "2026-11-27"));
  ASSERT_TRUE(numbers.at("ok").get<bool>()) << numbers.dump();
  EXPECT_EQ(numbers.at("chart_svg"), "");
  EXPECT_FALSE(whole.at("chart_svg").get<std::string>().empty());
  EXPECT_EQ(engine().chart(scenario, "2026-11-27"), whole.at("chart_svg").get<std::string>());
  numbers["chart_svg"] = whole.at("chart_svg");
  EXPECT_EQ(numbers, whole);
  EXPECT_EQ(engine().chart("{not json", "2026-11-27"), "");
}

// The chart of the numbers run_numbers() calculated last is drawn from that result; it is the chart of a
// fresh calculation (another engine, tables added one file at a time as the page does), and a chart of
// other numbers is calculated first.
TEST(WebEngineTest, ChartFromTheLastNumbersEqualsAFreshOne) {
  Engine fresh;
  for (const auto& f : cli::read_pricing_files(kRoot + "/pricing-data")) fresh.add_pricing_file(f.path, "pricing-data/" + f.path, f.text);
  ASSERT_EQ(fresh.build_catalog(), "");
  const std::string other = cli::read_text_file(kRoot + "/scenarios/ep050/graviton-small-team.json");
  for (const char* file : {"ipv6-prod-three-az.json", "dsp-mid-size-mixed.json", "graviton-small-team.json"}) {
    const std::string scenario = cli::read_text_file(kRoot + "/scenarios/ep050/" + file);
    const std::string chart = fresh.chart(scenario, "2026-11-27");  // calculated first: nothing run yet
    EXPECT_FALSE(chart.empty()) << file;
    EXPECT_EQ(fresh.run_numbers(scenario, "2026-11-27"), engine().run_numbers(scenario, "2026-11-27")) << file;
    EXPECT_EQ(engine().chart(scenario, "2026-11-27"), chart) << file;  // from the last numbers
    EXPECT_EQ(fresh.run_numbers(other, "2026-11-27").empty(), false);
    EXPECT_EQ(fresh.chart(scenario, "2026-11-27"), chart) << file;  // not the last: calculated again
  }
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
