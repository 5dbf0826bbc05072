// Unit tests for scenarios/companion_form.h and the kinds' companion forms: the
// fields web/test/companion-test.mjs types make the scenario files in
// tests/fixtures/companion/, through the engine as the page calls it, and the
// options read off episode 050 start each form from the episode's values.
#include "scenarios/companion_form.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "commands.h"
#include "engine.h"
#include "files.h"
#include "scenarios/registry.h"

namespace costproof {
namespace {

const std::string kRoot = COSTPROOF_SOURCE_DIR;

// What `costproof companion scenarios/ep050` embeds as the page's form options.
const nlohmann::ordered_json& ep050_options() {
  static const nlohmann::ordered_json options = [] {
    static const PriceCatalog catalog = cli::load_pricing_data(kRoot + "/pricing-data");
    std::vector<std::string> paths;
    for (const auto& e : std::filesystem::directory_iterator(kRoot + "/scenarios/ep050"))
      if (e.path().extension() == ".json") paths.push_back(e.path().string());
    std::sort(paths.begin(), paths.end());
    nlohmann::ordered_json o = {{"episode", "050"}, {"forms", nlohmann::ordered_json::object()}};
    ScenarioKinds::for_each([&]<class Kind>() {
      std::vector<nlohmann::ordered_json> files;
      for (const auto& p : paths) {
        auto j = nlohmann::ordered_json::parse(cli::read_text_file(p));
        if (j.value("kind", "") == Kind::id) files.push_back(std::move(j));
      }
      o["forms"][std::string(Kind::id)] = Kind::companion_form_options({catalog, files});
    });
    return o;
  }();
  return options;
}

// An engine holding episode 050's form options (set once, as the page does).
const web::Engine& ep050_engine() {
  static const web::Engine engine = [] {
    web::Engine e;
    EXPECT_EQ(e.set_form_options(ep050_options().dump()), "");
    return e;
  }();
  return engine;
}

nlohmann::ordered_json form_scenario(const std::string& kind, const nlohmann::ordered_json& fields) {
  const auto out = nlohmann::ordered_json::parse(ep050_engine().form_scenario(kind, fields.dump()));
  EXPECT_TRUE(out.at("ok").get<bool>()) << out.dump();
  return out.value("scenario", nlohmann::ordered_json());
}

nlohmann::ordered_json fixture(const std::string& name) {
  return nlohmann::ordered_json::parse(cli::read_text_file(kRoot + "/tests/fixtures/companion/" + name));
}

TEST(CompanionFormTest, ComputeFieldsMakeTheFixture) {
  EXPECT_EQ(form_scenario("compute-migration", {{"region", "us-east-1"}, {"instance_type", " c7i.2xlarge "},
                                                {"count", "40"}, {"target", "equivalent"}, {"target_type", ""},
                                                {"performance", ""}}),
            fixture("form-compute.json"));
  EXPECT_EQ(form_scenario("compute-migration", {{"region", "us-east-1"}, {"instance_type", "c7i.2xlarge"},
                                                {"count", "0"}, {"target", "equivalent"}, {"performance", ""}}),
            fixture("form-compute-bad-count.json"));
}

TEST(CompanionFormTest, DatabaseFieldsMakeTheFixture) {
  EXPECT_EQ(form_scenario("database-savings-plan",
                          {{"region", "us-east-1"}, {"type", "rds-instance"}, {"acu", "8"},
                           {"db_instance_type", "db.m7g.xlarge"}, {"engine", "postgresql"}, {"deployment", "multi-az"},
                           {"db_count", "2"}, {"shape", "business-hours"}, {"storage", ""}}),
            fixture("form-database.json"));
}

TEST(CompanionFormTest, NatFieldsMakeTheFixture) {
  EXPECT_EQ(form_scenario("ipv6-egress", {{"region", "eu-west-1"}, {"azs", "3"}, {"nat_gateways", "3"},
                                          {"gb", "2500"}, {"ipv6_percent", "80"}, {"lb_ips", "3"},
                                          {"instance_ips", "2"}, {"dto", "500"}}),
            fixture("form-nat.json"));
  // Thousands separators as a listener types them ("2,500") give the same scenario.
  EXPECT_EQ(form_scenario("ipv6-egress", {{"region", "eu-west-1"}, {"azs", "3"}, {"nat_gateways", "3"},
                                          {"gb", "2,500"}, {"ipv6_percent", "80"}, {"lb_ips", "3"},
                                          {"instance_ips", "2"}, {"dto", "500"}}),
            fixture("form-nat.json"));
}

TEST(CompanionFormTest, FieldsAsThePageSendsThem) {
  const CompanionFormFields f({{"a", "\u00a0 12 \t"}, {"b", "1.5"}, {"c", "0000000000000001"}, {"d", ""}, {"e", "  "}},
                              nlohmann::ordered_json::object(), "050");
  EXPECT_EQ(f.text("a"), "12");
  EXPECT_EQ(f.whole_or_text("a"), 12);
  EXPECT_EQ(f.whole_or_text("b"), "1.5");
  EXPECT_EQ(f.whole_or_text("c"), "0000000000000001");  // 16 digits: left to the engine's message
  EXPECT_EQ(f.whole_or_text("d", "0"), 0);
  EXPECT_EQ(f.whole_or_text("e", "0"), "");  // typed blanks are not an empty field
  EXPECT_EQ(f.raw("missing"), "");
}

TEST(CompanionFormTest, ThousandsSeparators) {
  const CompanionFormFields f({{"a", " 1,000 "}, {"b", "12,345.5"}, {"c", "1,00"}, {"d", "1,0000"}, {"e", "five"},
                               {"f", "-1,234"}, {"g", "1,234,567"}},
                              nlohmann::ordered_json::object(), "050");
  EXPECT_EQ(f.whole_or_text("a"), 1000);
  EXPECT_EQ(f.number("b"), "12345.5");
  EXPECT_EQ(f.number("c"), "1,00");  // not groups of three: left to the engine's message
  EXPECT_EQ(f.number("d"), "1,0000");
  EXPECT_EQ(f.number("e"), "five");
  EXPECT_EQ(f.number("f"), "-1234");
  EXPECT_EQ(f.whole_or_text("g"), 1234567);
}

TEST(CompanionFormTest, TheDatabaseFormOffersOnlyCoveredClasses) {
  const auto& types = ep050_options().at("forms").at("database-savings-plan").at("instance-types").at("us-east-1");
  ASSERT_FALSE(types.empty());
  std::vector<std::string> values;
  for (const auto& t : types) values.push_back(t.at("value").get<std::string>());
  EXPECT_NE(std::find(values.begin(), values.end(), "db.m7g.xlarge"), values.end());
  EXPECT_NE(std::find(values.begin(), values.end(), "db.r8g.large"), values.end());
  for (const char* old : {"db.m5.large", "db.r6g.large", "db.t4g.medium", "db.t3.medium"})
    EXPECT_EQ(std::find(values.begin(), values.end(), old), values.end()) << old;
}

TEST(CompanionFormTest, NatFormStartsFromTheEpisodesGatewayCount) {
  const auto& d = ep050_options().at("forms").at("ipv6-egress").at("defaults");
  EXPECT_EQ(d.at("nat_gateways"), "1");  // episode 050's first VPC: one shared NAT gateway
}

TEST(CompanionFormTest, AnUnknownKindIsAnInternalError) {
  const auto out = nlohmann::json::parse(ep050_engine().form_scenario("no-such-kind", "{}"));
  EXPECT_FALSE(out.at("ok").get<bool>());
  // Without form options (set_form_options never called) every form is an internal error, not a crash.
  EXPECT_FALSE(nlohmann::json::parse(web::Engine().form_scenario("compute-migration", "{}")).at("ok").get<bool>());
  EXPECT_NE(web::Engine().set_form_options("{not json"), "");
}

TEST(CompanionFormTest, OptionsStartFromTheEpisodesScenarios) {
  const auto& forms = ep050_options().at("forms");
  ASSERT_EQ(forms.size(), ScenarioKinds::size);
  for (const auto& id : ScenarioKinds::ids()) {
    // cost-comparison's form is generated from the episode's own comparisons; episode 050 has none.
    if (id != "cost-comparison") {
      EXPECT_FALSE(forms.at(id).at("regions").empty()) << id;
      EXPECT_FALSE(forms.at(id).at("defaults").empty()) << id;
    }
    EXPECT_FALSE(companion_form_html(id).empty()) << id;
    EXPECT_NE(companion_form_html(id).find("data-kind=\"" + id + "\""), std::string::npos) << id;
  }
  EXPECT_EQ(forms.at("ipv6-egress").at("claim").at("threshold_usd_per_month"), "30");
  EXPECT_EQ(forms.at("database-savings-plan").at("defaults").at("type"), "aurora-serverless-v2");
  EXPECT_FALSE(forms.at("compute-migration").at("performance-claims").empty());
  EXPECT_TRUE(forms.at("cost-comparison").at("comparisons").empty());
}

}  // namespace
}  // namespace costproof
