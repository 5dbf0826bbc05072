// Unit tests for calc/scenarios/database-savings-plan/database_savings_plan.h (with calc/scenarios/scenario.h and the rule rows of
// calc/pricing/price_table.h): parsing database-savings-plan scenarios, pricing them against the
// shipped tables (known answers for the episode 050 scenarios), and the errors.
#include "scenarios/database-savings-plan/database_savings_plan.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <variant>

#include <gtest/gtest.h>

#include "core/error.h"
#include "files.h"
#include "core/json_reader.h"
#include "core/rounding_policy.h"
#include "scenarios/scenario.h"

namespace costproof {
namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }
Decimal d(const char* text) { return Decimal::parse(text); }
Money usd(const char* text) { return Money(d(text)); }
UnitPrice per_hour(const char* text) { return UnitPrice(d(text)); }  // a commitment, USD per hour

const Date kToday{2026, 11, 27};
constexpr long kMaxAgeDays = 3650;

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "(no error)";
}

// A whole scenario around `usage` (a JSON array) and optional extra top-level members.
std::string scenario_text(const std::string& usage, const std::string& extra = "") {
  return R"({"schema_version": 1, "kind": "database-savings-plan", "id": "unit-test", "title": "Unit test",
             "episode": "050", "region": "us-east-1", "usage": )" +
         usage + (extra.empty() ? "" : ", " + extra) + "}";
}

DatabaseSavingsPlanScenario parse(const std::string& text, const ReadRelativeFile& read_file = {}) {
  return std::get<DatabaseSavingsPlanScenario>(parse_scenario(nlohmann::json::parse(text), "dir/test.json", read_file));
}

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class DatabaseSavingsPlanTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!catalog_) catalog_ = new PriceCatalog(cli::load_pricing_data(COSTPROOF_SOURCE_DIR "/pricing-data"));
  }
  static const PriceCatalog& catalog() { return *catalog_; }
  static DatabaseSavingsPlanScenario shipped(const std::string& name) {
    const std::string file = std::string(COSTPROOF_SOURCE_DIR) + "/scenarios/ep050/" + name + ".json";
    return parse(read(file));
  }
  static PriceCatalog* catalog_;  // loaded once for the suite, intentionally never freed
};
PriceCatalog* DatabaseSavingsPlanTest::catalog_ = nullptr;

// ---------------------------------------------------------------- episode 050 known answers

TEST_F(DatabaseSavingsPlanTest, SmallAuroraServerlessTeam) {
  const auto sc = shipped("dsp-small-aurora-serverless");
  const auto r = calculate(sc, catalog(), kToday, kMaxAgeDays);
  ASSERT_EQ(r.classes.size(), 1u);
  EXPECT_EQ(r.classes[0].discount->key, "serverless");
  EXPECT_EQ(r.classes[0].fraction, d("0.35"));
  EXPECT_EQ(r.eligible_year.usd(), d("6307.2"));  // 6 x 0.12 x 8,760
  EXPECT_EQ(r.monthly_items_year.usd(), d("240"));
  EXPECT_EQ(r.total_year.usd(), d("6547.2"));
  EXPECT_EQ(r.optimum.commitment, per_hour("0.468"));
  EXPECT_EQ(r.at_optimum.saving, usd("2207.52"));
  // The AWS toolkit's worked example: $526 a month On-Demand, about $342 at the 35% ceiling.
  EXPECT_EQ(money_quotient(r.eligible_year.usd(), Decimal::from_int(12)), d("525.6"));
  EXPECT_EQ(money_quotient(r.at_optimum.eligible_cost.usd(), Decimal::from_int(12)), d("341.64"));
  ASSERT_EQ(r.downside.size(), 2u);
  EXPECT_EQ(r.downside[0].at_optimum.saving, usd("1576.8"));  // -20% from month 7
  EXPECT_EQ(r.downside[1].at_optimum.saving, usd("630.72"));  // -50%: 4,380 h x 0.252 - 4,380 h x 0.108
  EXPECT_EQ(r.break_even_commitment, per_hour("0.72"));
}

TEST_F(DatabaseSavingsPlanTest, MixedFleetSavesFarLessThanTheCeilingOnTheWholeBill) {
  const auto sc = shipped("dsp-mixed-fleet-ceiling");
  const auto r = calculate(sc, catalog(), kToday, kMaxAgeDays);
  EXPECT_EQ(r.total_year.usd(), d("39059.52"));
  EXPECT_EQ(r.eligible_year.usd(), d("7673.76"));
  EXPECT_EQ(r.ceiling_saving, usd("2323.152"));  // 0.35 x 5,256 + 0.2 x 2,417.76
  EXPECT_EQ(r.at_optimum.saving, r.ceiling_saving);
  EXPECT_EQ(percent_of(r.at_optimum.saving.usd(), r.total_year.usd()), d("5.9"));
  EXPECT_LT(percent_of(r.at_optimum.saving.usd(), r.total_year.usd()), d("35"));
  // db.r6g is generation 6: not covered, with the reason from the table.
  EXPECT_EQ(r.lines[0].discount_class, -1);
  EXPECT_TRUE(contains(r.lines[0].not_covered_reason, "generation 6"));
  const std::string md = render_markdown(r);
  EXPECT_TRUE(contains(md, "$2,323.152 ÷ $39,059.52 ≈ 5.9%"));
  EXPECT_TRUE(contains(md, "legacy cluster $18,185.76 (generation 6"));
}

TEST_F(DatabaseSavingsPlanTest, SpikyServerlessOverCommitmentLosesMoney) {
  const auto sc = shipped("dsp-spiky-serverless");
  const auto r = calculate(sc, catalog(), kToday, kMaxAgeDays);
  EXPECT_EQ(r.optimum.commitment, per_hour("0.078"));  // the 1-ACU floor: 0.65 x 0.12
  EXPECT_EQ(r.at_optimum.saving, usd("367.92"));
  ASSERT_TRUE(r.at_considered.has_value());
  EXPECT_TRUE(r.at_considered->saving.usd().is_negative());
  EXPECT_EQ(r.at_considered->saving, usd("-970.5046153846"));
  EXPECT_FALSE(r.at_considered->covered_exact);
  EXPECT_LT(r.break_even_commitment, per_hour("0.25"));
}

TEST_F(DatabaseSavingsPlanTest, MidSizeMixedShop) {
  const auto sc = shipped("dsp-mid-size-mixed");
  const auto r = calculate(sc, catalog(), kToday, kMaxAgeDays);
  ASSERT_EQ(r.classes.size(), 4u);  // highest discount first
  EXPECT_EQ(r.classes[0].discount->key, "serverless");
  EXPECT_EQ(r.classes[1].discount->key, "provisioned-instance");
  EXPECT_EQ(r.classes[2].discount->key, "dynamodb-on-demand-throughput");
  EXPECT_EQ(r.classes[3].discount->key, "dynamodb-provisioned-capacity");
  EXPECT_EQ(r.optimum.commitment, per_hour("4.2165"));
  // Multi-AZ at the approximate 2x multiplier: 2 x 0.456 x 2 x 8,760.
  ASSERT_NE(r.lines[0].multi_az, nullptr);
  EXPECT_EQ(r.lines[0].unit_cost, d("0.912"));
  EXPECT_EQ(r.lines[0].on_demand_year.usd(), d("15978.24"));
  const std::string md = render_markdown(r);
  EXPECT_TRUE(contains(md, "Multi-AZ, approximately"));
  EXPECT_TRUE(contains(md, "approximately 2 times the Single-AZ price"));
  // The downside cases never save more than the expected year.
  for (const auto& dc : r.downside) EXPECT_LT(dc.at_optimum.saving, r.at_optimum.saving);
  // Issue 14, finding 5: the Multi-AZ pair's 1,000 GB at the gp3 Multi-AZ list price, no multiplier:
  // 1,000 x 12 x $0.23 = $2,760 a year ($1,380 more than at the Single-AZ $0.115).
  const DspLine& storage = r.lines[8];
  EXPECT_EQ(storage.price->key, "storage-gp3-multi-az");
  EXPECT_EQ(storage.multi_az, nullptr);
  EXPECT_EQ(storage.unit_cost, d("0.23"));
  EXPECT_EQ(storage.on_demand_year.usd(), d("2760"));
}

TEST_F(DatabaseSavingsPlanTest, OutputNamesTheBaseOfEveryPercentage) {
  const auto sc = shipped("dsp-small-aurora-serverless");
  const auto r = calculate(sc, catalog(), kToday, kMaxAgeDays);
  const std::string md = render_markdown(r);
  EXPECT_TRUE(contains(md, "35.0% of eligible spend, which is 33.7% of total database spend"));
  EXPECT_TRUE(contains(md, "| Saving as % of eligible spend ($6,307.20 a year) | 35.0% | 35.0% |"));
  EXPECT_TRUE(contains(md, "| serverless | up to 35% [2] | 65% | $6,307.20 |"));  // ACU-hours and storage now share one source
  const auto j = render_json(r);
  EXPECT_EQ(j["best_commitment"]["commitment_usd_per_hour"], "0.468");
  EXPECT_EQ(j["best_commitment"]["outcome"]["saving_usd"]["exact"], "2207.52");
  EXPECT_EQ(j["best_commitment"]["outcome"]["saving_percent_of_eligible_spend"], "35.0");
  EXPECT_EQ(j["best_commitment"]["outcome"]["saving_percent_of_total_database_spend"], "33.7");
  EXPECT_EQ(j["discount_classes"][0]["break_even_utilisation_percent"], "65");
  EXPECT_TRUE(j["conventions"]["percent_bases"].contains("eligible_spend"));
  EXPECT_GE(j["savings_curve"].size(), 10u);
}

// ---------------------------------------------------------------- the text (templates/)
// Branches of the templates no golden file shows. A template section that is not rendered
// must not leave an empty line behind (the engine keeps a standalone tag's line then).

const char* const kSpikyServerless =
    R"({"name": "s", "type": "aurora-serverless-v2", "configuration": "standard", "acu_hours_per_hour": 8,
        "profile": {"shape": "scale-to-zero", "start_hour": 9, "end_hour": 10, "days": "every-day"}})";
const char* const kSpikyInstances =
    R"({"name": "r", "type": "rds-instance", "engine": "postgresql", "instance_type": "db.r7g.xlarge",
        "deployment": "single-az", "count": 3,
        "profile": {"shape": "scale-to-zero", "start_hour": 9, "end_hour": 11, "days": "weekdays"}})";

TEST_F(DatabaseSavingsPlanTest, OneClassCommitNothingIsExplained) {
  const auto sc = parse(scenario_text(std::string("[") + kSpikyServerless + "]", R"("commitment_usd_per_hour": "0.5")"));
  const std::string md = render_markdown(calculate(sc, catalog(), kToday, kMaxAgeDays));
  EXPECT_TRUE(contains(md, "\nA team pays "));
  EXPECT_TRUE(contains(md, "For this usage profile the best commitment is none at all: any commitment would cost more "
                           "than it saves. The $0.50 per hour you are considering would cost $"));
  EXPECT_TRUE(contains(md, "\n**Commit nothing.** A dollar of commitment beats On-Demand only if it is used in more "
                           "than 65% of hours (1 − 35%), and this usage is above zero in only 365 of 8,760 hours.\n"));
  EXPECT_TRUE(contains(md, "(see why below). \n\n### The usage\n"));  // no downside sentences, no rule of thumb
  EXPECT_FALSE(contains(md, "- Just below"));
  EXPECT_FALSE(contains(md, "\n\n\n"));
}

TEST_F(DatabaseSavingsPlanTest, SeveralClassesCommitNothingIsExplained) {
  const auto sc = parse(scenario_text(std::string("[") + kSpikyServerless + ", " + kSpikyInstances + "]"));
  const std::string md = render_markdown(calculate(sc, catalog(), kToday, kMaxAgeDays));
  EXPECT_TRUE(contains(md, "\n**Commit nothing.** Even the first cent of commitment would go unused in too many hours "
                           "(8,134 of 8,760) to be paid back by the discounts.\n"));
  EXPECT_TRUE(contains(md, "- Just above $0.00, it changes the yearly cost by 8,134 h × $1 − 365 h × 35/65 − 261 h × "
                           "20/80 ≈ +$7,872.2115384615 (zero or positive"));
  EXPECT_FALSE(contains(md, "- Just below"));
  EXPECT_FALSE(contains(md, "Not covered by any plan"));
  EXPECT_FALSE(contains(md, "the rest is not covered"));
  EXPECT_FALSE(contains(md, "\n\n\n"));
}

TEST_F(DatabaseSavingsPlanTest, CommitmentAboveEveryHourIsUsedInNone) {
  const auto sc = parse(scenario_text(
      R"([{"name": "s", "type": "aurora-serverless-v2", "configuration": "standard", "acu_hours_per_hour": 1},
          {"name": "r", "type": "rds-instance", "engine": "postgresql", "instance_type": "db.r7g.xlarge",
           "deployment": "single-az", "count": 1}])"));
  const std::string md = render_markdown(calculate(sc, catalog(), kToday, kMaxAgeDays));
  EXPECT_TRUE(contains(md, "\n**Commit $0.4428 per hour.** One more cent of commitment per hour would go unused in 8,760 "
                           "of 8,760 hours (a whole cent lost each time) and be used in none, so it would cost more than "
                           "it saves; every cent up to $0.4428 still saves more than it costs.\n"));
  EXPECT_FALSE(contains(md, "- The best commitment leaves"));  // every eligible hour covered
  EXPECT_FALSE(contains(md, "\n\n\n"));
}

TEST_F(DatabaseSavingsPlanTest, HeadlineTableShowsTheRoundingRowWhenRowsDoNotAddUp) {
  const auto sc = parse(scenario_text(
      R"([{"name": "w", "type": "dynamodb-on-demand-writes", "write_request_units_per_hour": 1234567,
           "profile": {"shape": "business-hours", "start_hour": 8, "end_hour": 20, "days": "weekdays",
                       "off_hours_percent": "10"}}])"));
  const std::string md = render_markdown(calculate(sc, catalog(), kToday, kMaxAgeDays));
  EXPECT_TRUE(contains(md, "|\n| Rounding (exact saving minus difference of rounded rows) | $0.01 | $0.00 |\n| **Saving**"));
  EXPECT_FALSE(contains(md, "\n\n\n"));
}

// ---------------------------------------------------------------- parsing and errors

TEST_F(DatabaseSavingsPlanTest, ParsesAnHourlyCsvProfileThroughTheReader) {
  std::string csv = "hour,acu\n";
  for (int h = 0; h < 8760; ++h) csv += std::to_string(h) + "," + (h % 2 == 0 ? "2" : "4") + "\n";
  std::string asked;
  const auto sc = parse(scenario_text(R"([{"name": "db", "type": "aurora-serverless-v2",
      "profile": {"shape": "hourly-csv", "csv": "usage.csv", "column": "acu"}}])"),
                        [&](const std::string& path) {
                          asked = path;
                          return csv;
                        });
  EXPECT_EQ(asked, "usage.csv");
  EXPECT_EQ(sc.usage[0].profile.csv_label, "dir/usage.csv");
  const auto r = calculate(sc, catalog(), kToday, kMaxAgeDays);
  EXPECT_EQ(r.lines[0].quantity_year, d("26280"));  // 4,380 x 2 + 4,380 x 4
  // Usage is $0.48 in half the hours (50% < 65%): commit to the $0.24 floor only.
  EXPECT_EQ(r.optimum.commitment, per_hour("0.156"));
}

// The fixture a bill export would give, read the way the CLI reads it: relative to the scenario.
TEST_F(DatabaseSavingsPlanTest, HourlyCsvFixtureFromABillExport) {
  const std::filesystem::path dir = std::filesystem::path(COSTPROOF_SOURCE_DIR) / "tests/fixtures/scenarios";
  const ReadRelativeFile reader = [&](const std::string& relative) { return read(dir / relative); };
  const auto sc = std::get<DatabaseSavingsPlanScenario>(parse_scenario(
      nlohmann::json::parse(read(dir / "dsp-hourly-csv.json")), "tests/fixtures/scenarios/dsp-hourly-csv.json", reader));
  const auto r = calculate(sc, catalog(), kToday, kMaxAgeDays);
  EXPECT_EQ(r.lines[0].usage->profile.csv_values.size(), 8760u);
  EXPECT_GT(r.at_optimum.saving, Money());
  EXPECT_LE(r.at_optimum.saving.usd(), d("0.35") * r.eligible_year.usd());
  const std::string m = message_of([&] {
    parse_scenario(nlohmann::json::parse(read(dir / "dsp-bad-csv.json")), "tests/fixtures/scenarios/dsp-bad-csv.json",
                   reader);
  });
  EXPECT_EQ(m, "tests/fixtures/scenarios/dsp-bad-csv.csv: line 3, column 2 (\"acu_hours\"): expected a usage quantity "
               "such as 6 or 6.5, got \"n/a\"");
}

TEST_F(DatabaseSavingsPlanTest, RejectsBadScenarios) {
  auto err = [](const std::string& usage, const std::string& extra = "") {
    return message_of([&] { parse(scenario_text(usage, extra)); });
  };
  EXPECT_TRUE(contains(err(R"([{"name": "a", "type": "aurora-instance", "engine": "aurora-mysql",
                              "instance_type": "db.r7g.large", "count": 2, "deployment": "multi-az"}])"),
                       "/usage/0/deployment: Aurora bills each instance"));
  EXPECT_TRUE(contains(err(R"([{"name": "s", "type": "aurora-storage", "gib_months_per_month": 10,
                              "profile": {"shape": "constant"}}])"),
                       "/usage/0/profile: a monthly item"));
  EXPECT_TRUE(contains(err(R"([{"name": "a", "type": "rds-instance", "engine": "postgresql",
                              "instance_type": "db.r7g.large", "deployment": "single-az", "count": 0}])"),
                       "/usage/0/count: expected a whole number of instances from 1 to 100,000, got 0"));
  EXPECT_TRUE(contains(err(R"([{"name": "a", "type": "rds-instance", "engine": "oracle",
                              "instance_type": "db.r7g.large", "deployment": "single-az", "count": 1}])"),
                       "/usage/0/engine: expected one of \"postgresql\", \"mysql\", \"mariadb\""));
  EXPECT_TRUE(contains(err(R"([{"name": "a", "type": "aurora-serverless-v2", "acu_hours_per_hour": "6.5"},
                              {"name": "a", "type": "aurora-serverless-v2", "acu_hours_per_hour": 1}])"),
                       "duplicate usage name \"a\""));
  EXPECT_TRUE(contains(err(R"([{"name": "a", "type": "aurora-serverless-v2", "acu_hours_per_hour": 6.5}])"),
                       "write it in quotes"));
  EXPECT_TRUE(contains(err(R"([{"name": "a", "type": "aurora-serverless-v2", "acu_hours_per_hour": 6}])",
                           R"("commitment_usd_per_hour": "-1")"),
                       "/commitment_usd_per_hour: expected a commitment above 0"));
  EXPECT_TRUE(contains(err(R"([{"name": "a", "type": "aurora-serverless-v2", "acu_hours_per_hour": 6, "cuont": 1}])"),
                       "cuont"));
  EXPECT_TRUE(contains(err(R"([{"name": "a", "type": "elasticache-node"}])"), "/usage/0/type: expected one of"));
  EXPECT_TRUE(contains(err(R"([{"name": "s", "type": "rds-storage", "gb_months_per_month": 10}])"),
                       "/usage/0: missing required field \"deployment\""));
  EXPECT_TRUE(contains(message_of([] {
                         parse(scenario_text(R"([{"name": "a", "type": "aurora-serverless-v2", "acu_hours_per_hour": 1,
                             "profile": {"shape": "hourly-csv", "csv": "u.csv", "column": "acu"}}])"),
                               [](const std::string&) { return std::string("acu\n"); });
                       }),
                       "give either \"acu_hours_per_hour\" or an hourly-csv profile"));
}

TEST_F(DatabaseSavingsPlanTest, NothingEligibleIsAnError) {
  const auto sc = parse(scenario_text(R"([{"name": "old", "type": "rds-instance", "engine": "mysql",
      "instance_type": "db.r6g.large", "deployment": "single-az", "count": 1}])"));
  EXPECT_TRUE(contains(message_of([&] { calculate(sc, catalog(), kToday, kMaxAgeDays); }),
                       "none of the usage is covered by a Database Savings Plan"));
}

// ---------------------------------------------------------------- rule rows in price tables

nlohmann::json rule_table(const std::string& rows) {
  return nlohmann::json::parse(R"({"schema_version": 1, "provider": "aws", "region": "global",
      "service": "database-savings-plans", "currency": "USD", "description": "test",
      "sources": [{"id": "s", "title": "t", "url": "https://example.com", "as_of": "2026-01-01", "trust": "C",
                   "trust_note": "n"}], "rows": )" + rows + "}");
}

TEST(DatabaseSavingsPlanTableTest, RuleRowsLoadAndDescribeThemselves) {
  const PriceTable t = parse_price_table(rule_table(R"([
      {"key": "serverless", "discount_percent": "35", "qualifier": "up to", "source": "s"},
      {"key": "usage:aurora/serverless-v2-acu-standard", "discount": "serverless", "source": "s"},
      {"key": "instance-family:db.r6g", "discount": "none", "note": "generation 6", "source": "s"},
      {"key": "rds-multi-az-instance-hour", "multiplier": "2", "qualifier": "approximately", "source": "s"}])"),
                                         "t.json");
  ASSERT_EQ(t.rows.size(), 4u);
  EXPECT_EQ(t.rows[0].form, PriceRow::Form::kDiscount);
  EXPECT_EQ(t.rows[0].price_text(), "up to 35% off the On-Demand rate");
  EXPECT_EQ(t.rows[1].price_text(), "covered by discount \"serverless\"");
  EXPECT_EQ(t.rows[2].price_text(), "not covered by any discount");
  EXPECT_EQ(t.rows[3].price_text(), "approximately 2 times");
  EXPECT_FALSE(t.rows[3].is_price());
}

TEST(DatabaseSavingsPlanTableTest, RuleRowErrors) {
  auto err = [](const std::string& rows) { return message_of([&] { parse_price_table(rule_table(rows), "t.json"); }); };
  EXPECT_TRUE(contains(err(R"([{"key": "x", "discount_percent": "35", "qualifier": "up to", "unit": "hour", "source": "s"}])"),
                       "/rows/0/unit: a rule row"));
  EXPECT_TRUE(contains(err(R"([{"key": "x", "discount_percent": "35", "multiplier": "2", "qualifier": "up to", "source": "s"}])"),
                       "exactly one of"));
  EXPECT_TRUE(contains(err(R"([{"key": "x", "discount_percent": "100", "qualifier": "up to", "source": "s"}])"),
                       "above 0 and below 100"));
  EXPECT_TRUE(contains(err(R"([{"key": "x", "discount_percent": 35, "qualifier": "up to", "source": "s"}])"),
                       "decimal string"));
  EXPECT_TRUE(contains(err(R"([{"key": "x", "discount_percent": "35", "source": "s"}])"), "qualifier"));
  EXPECT_TRUE(contains(err(R"([{"key": "x", "discount": "serverles", "source": "s"}])"),
                       "t.json: /rows/0/discount: no discount row with key \"serverles\""));
  // Price rows are unchanged: a row without the rule fields still needs unit and price.
  EXPECT_TRUE(contains(err(R"([{"key": "x", "source": "s"}])"), "missing required field \"unit\""));
}

TEST(DatabaseSavingsPlanTableTest, AMissingEligibilityRuleIsAnErrorNotAZeroDiscount) {
  PriceCatalog catalog;
  catalog.add_table(parse_price_table(nlohmann::json::parse(R"({"schema_version": 1, "provider": "aws",
      "region": "us-east-1", "service": "rds", "currency": "USD", "description": "test",
      "sources": [{"id": "s", "title": "t", "url": "https://example.com", "as_of": "2026-01-01", "trust": "C",
                   "trust_note": "n"}],
      "rows": [{"key": "db.x9g.large", "unit": "hour", "price": "1", "source": "s"}]})"),
                                      "rds.json"));
  catalog.add_table(parse_price_table(rule_table(R"([
      {"key": "provisioned-instance", "discount_percent": "20", "qualifier": "up to", "source": "s"}])"),
                                      "dsp.json"));
  const auto sc = parse(scenario_text(R"([{"name": "new", "type": "rds-instance", "engine": "mysql",
      "instance_type": "db.x9g.large", "deployment": "single-az", "count": 1}])"));
  const std::string m = message_of([&] { calculate(sc, catalog, kToday, kMaxAgeDays); });
  EXPECT_TRUE(contains(m, "no Database Savings Plans rule for instance family db.x9g"));
  EXPECT_TRUE(contains(m, "instance-family:db.x9g"));
}

}  // namespace
}  // namespace costproof
