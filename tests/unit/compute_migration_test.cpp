// Unit tests for calc/scenarios/compute-migration/compute_migration.h (with calc/scenarios/scenario.h): parsing a
// compute-migration scenario and pricing it against the shipped tables.
#include "scenarios/compute-migration/compute_migration.h"

#include <ostream>
#include <string>
#include <variant>

#include <gtest/gtest.h>

#include "core/error.h"
#include "files.h"
#include "core/rounding_policy.h"
#include "scenarios/scenario.h"

namespace costproof {
namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

Decimal d(const char* text) { return Decimal::parse(text); }

const Date kToday{2026, 7, 20};
constexpr long kMaxAgeDays = 3650;

// A whole scenario file around `fleet` (a JSON array) and optional extra top-level members.
std::string scenario_text(const std::string& fleet, const std::string& extra = "",
                          const std::string& region = "us-east-1", const std::string& hours = "730") {
  return R"({
    "schema_version": 1,
    "kind": "compute-migration",
    "id": "unit-test",
    "title": "Unit test",
    "episode": "050",
    "region": ")" +
         region + R"(",
    "hours_per_month": )" +
         hours + R"(,
    "fleet": )" +
         fleet + (extra.empty() ? "" : ",\n    " + extra) + "\n  }";
}

ComputeMigrationScenario parse(const std::string& text) {
  Scenario s = parse_scenario(nlohmann::json::parse(text), "test.json");
  return std::get<ComputeMigrationScenario>(s);
}

class ComputeMigrationTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!catalog_) catalog_ = new PriceCatalog(cli::load_pricing_data(COSTPROOF_SOURCE_DIR "/pricing-data"));
  }
  static const PriceCatalog& catalog() { return *catalog_; }

  static PriceCatalog* catalog_;  // loaded once for the suite, intentionally never freed
};

PriceCatalog* ComputeMigrationTest::catalog_ = nullptr;

// ---------------------------------------------------------------- parsing

TEST_F(ComputeMigrationTest, ParsesAScenario) {
  const auto sc = parse(scenario_text(R"([
      {"name": "web", "instance_type": "m7i.xlarge", "count": 12, "target": {"instance_type": "m8g.xlarge"}},
      {"name": "batch", "instance_type": "c7i.xlarge", "count": "3", "utilisation_percent": "50",
       "target": {"equivalent": "graviton", "generation": 8}},
      {"name": "cron", "instance_type": "r7i.2xlarge", "count": 1, "hours_per_month": "100.5",
       "target": {"equivalent": "graviton"}}])"));
  EXPECT_EQ(sc.header.file, "test.json");
  EXPECT_EQ(sc.header.kind, "compute-migration");
  EXPECT_EQ(sc.header.id, "unit-test");
  EXPECT_EQ(sc.header.episode, "050");
  EXPECT_EQ(sc.region, "us-east-1");
  EXPECT_EQ(sc.hours_per_month, Decimal::from_int(730));
  ASSERT_EQ(sc.fleet.size(), 3u);
  EXPECT_EQ(sc.fleet[0].name, "web");
  EXPECT_EQ(sc.fleet[0].count, Quantity::whole(12));
  EXPECT_EQ(sc.fleet[0].target.kind, MigrationTarget::Kind::kExplicit);
  EXPECT_EQ(sc.fleet[0].target.instance_type, "m8g.xlarge");
  EXPECT_EQ(sc.fleet[0].pointer, "/fleet/0");
  EXPECT_EQ(sc.fleet[1].count, Quantity::whole(3));
  EXPECT_EQ(sc.fleet[1].utilisation_percent, std::optional<Decimal>(d("50")));
  EXPECT_EQ(sc.fleet[1].target.kind, MigrationTarget::Kind::kEquivalentGraviton);
  EXPECT_EQ(sc.fleet[1].target.generation, std::optional<int>(8));
  EXPECT_EQ(sc.fleet[2].hours_per_month, std::optional<Decimal>(d("100.5")));
  EXPECT_FALSE(sc.fleet[2].target.generation.has_value());
  EXPECT_FALSE(sc.performance.has_value());
}

// ---------------------------------------------------------------- known answers

struct MigrationCase {
  const char* name;
  const char* from;
  const char* target;  // the "target" object
  int count;
  const char* expected_to;
  const char* before;
  const char* after;
};

std::ostream& operator<<(std::ostream& os, const MigrationCase& c) {
  return os << c.name << ": " << c.count << " x " << c.from << " -> " << c.target << " = " << c.expected_to
            << ", before " << c.before << ", after " << c.after;
}

const MigrationCase kMigrationCases[] = {
    {"SmallTeam", "m7i.xlarge", R"({"instance_type": "m8g.xlarge"})", 12, "m8g.xlarge", "1766.016", "1572.5952"},
    {"M7i2xlGen8", "m7i.2xlarge", R"({"equivalent": "graviton", "generation": 8})", 1, "m8g.2xlarge", "294.336",
     "262.0992"},
    {"M7i2xlNewest", "m7i.2xlarge", R"({"equivalent": "graviton"})", 1, "m9g.2xlarge", "294.336", "285.6928"},
    {"C7iXlGen8", "c7i.xlarge", R"({"equivalent": "graviton", "generation": 8})", 10, "c8g.xlarge", "1303.05",
     "1164.496"},
    {"R7i2xlGen8", "r7i.2xlarge", R"({"equivalent": "graviton", "generation": 8})", 2, "r8g.2xlarge", "772.632",
     "688.0688"},
    {"M8gToM9g", "m8g.xlarge", R"({"instance_type": "m9g.xlarge"})", 12, "m9g.xlarge", "1572.5952", "1714.1568"},
};

class ComputeMigrationKnownAnswerTest : public ComputeMigrationTest,
                                        public ::testing::WithParamInterface<MigrationCase> {};

TEST_P(ComputeMigrationKnownAnswerTest, PricesBeforeAndAfter) {
  const MigrationCase& c = GetParam();
  const auto sc = parse(scenario_text(std::string(R"([{"name": "row", "instance_type": ")") + c.from +
                                      R"(", "count": )" + std::to_string(c.count) + R"(, "target": )" + c.target +
                                      "}]"));
  const auto r = calculate(sc, catalog(), kToday, kMaxAgeDays);
  ASSERT_EQ(r.lines.size(), 1u);
  const MigrationLine& line = r.lines[0];
  EXPECT_EQ(line.from->key, c.from) << c.name;
  EXPECT_EQ(line.to->key, c.expected_to) << c.name;
  EXPECT_EQ(line.count, Quantity::whole(c.count)) << c.name;
  EXPECT_EQ(line.hours, Quantity::whole(730)) << c.name;
  EXPECT_EQ(line.before.usd(), d(c.before)) << c.name << ": before " << line.before.usd().to_string();
  EXPECT_EQ(line.after.usd(), d(c.after)) << c.name << ": after " << line.after.usd().to_string();
  EXPECT_EQ(r.before.usd(), d(c.before)) << c.name;
  EXPECT_EQ(r.after.usd(), d(c.after)) << c.name;
  // Each line is exactly count x $/h x hours.
  EXPECT_EQ(line.before, line.from->price * line.count * line.hours) << c.name;
  EXPECT_EQ(line.after, line.to->price * line.count * line.hours) << c.name;
}

INSTANTIATE_TEST_SUITE_P(Shipped, ComputeMigrationKnownAnswerTest, ::testing::ValuesIn(kMigrationCases),
                         [](const ::testing::TestParamInfo<MigrationCase>& p) { return std::string(p.param.name); });

TEST_F(ComputeMigrationTest, SmallTeamSavingIsElevenPercent) {
  const auto sc = parse(scenario_text(
      R"([{"name": "web", "instance_type": "m7i.xlarge", "count": 12, "target": {"instance_type": "m8g.xlarge"}}])"));
  const auto r = calculate(sc, catalog(), kToday, kMaxAgeDays);
  const Decimal saving = r.before.usd() - r.after.usd();
  EXPECT_EQ(saving.to_string(), "193.4208");
  EXPECT_EQ(percent_of(saving, r.before.usd()).to_string(), "11.0");
  EXPECT_EQ(round_money(r.before.usd()).to_string(), "1766.02");
  EXPECT_EQ(round_money(r.after.usd()).to_string(), "1572.60");
  EXPECT_EQ(r.lines[0].target_rule, "named in the scenario");
  EXPECT_EQ(r.lines[0].hours_basis, "730 h (the month convention)");
  EXPECT_EQ(r.prices_as_of.to_string(), "2026-07-20");
  EXPECT_EQ(r.checked_on, kToday);
  EXPECT_TRUE(r.warnings.empty());
  ASSERT_NE(r.lines[0].from_shape, nullptr);
  ASSERT_NE(r.lines[0].to_shape, nullptr);
  EXPECT_EQ(r.lines[0].to_shape->arch, "arm64");
  // Price source (one shared source for both rows) and the shapes source.
  EXPECT_EQ(r.notes.sources().size(), 2u);
}

TEST_F(ComputeMigrationTest, SeveralRowsAddUp) {
  const auto sc = parse(scenario_text(R"([
      {"name": "a", "instance_type": "m7i.xlarge", "count": 12, "target": {"instance_type": "m8g.xlarge"}},
      {"name": "b", "instance_type": "m7i.2xlarge", "count": 1, "target": {"equivalent": "graviton", "generation": 8}}])"));
  const auto r = calculate(sc, catalog(), kToday, kMaxAgeDays);
  ASSERT_EQ(r.lines.size(), 2u);
  EXPECT_EQ(r.before.usd(), d("2060.352"));   // 1766.016 + 294.336
  EXPECT_EQ(r.after.usd(), d("1834.6944"));   // 1572.5952 + 262.0992
}

TEST_F(ComputeMigrationTest, EquivalentGravitonRuleIsExplained) {
  const auto sc = parse(scenario_text(
      R"([{"name": "x", "instance_type": "m7i.2xlarge", "count": 1, "target": {"equivalent": "graviton"}}])"));
  const auto r = calculate(sc, catalog(), kToday, kMaxAgeDays);
  EXPECT_EQ(r.lines[0].target_rule,
            "equivalent Graviton: same shape (8 vCPU / 32 GiB), arm64, same family class (m), newest generation "
            "priced in us-east-1 (9)");
  const auto sc8 = parse(scenario_text(
      R"([{"name": "x", "instance_type": "m7i.2xlarge", "count": 1, "target": {"equivalent": "graviton", "generation": 8}}])"));
  const auto r8 = calculate(sc8, catalog(), kToday, kMaxAgeDays);
  EXPECT_TRUE(contains(r8.lines[0].target_rule, "generation 8 as requested")) << r8.lines[0].target_rule;
}

// ---------------------------------------------------------------- hours

struct HoursCase {
  const char* name;
  const char* row_extra;  // extra members of the fleet row
  const char* hours;
  const char* basis;
};

std::ostream& operator<<(std::ostream& os, const HoursCase& c) {
  return os << c.name << ": " << c.row_extra << " -> " << c.hours << " h (" << c.basis << ")";
}

const HoursCase kHoursCases[] = {
    {"Default", "", "730", "730 h (the month convention)"},
    {"Utilisation50", R"(, "utilisation_percent": 50)", "365", "50% × 730 h = 365 h"},
    {"Utilisation100", R"(, "utilisation_percent": "100")", "730", "100% × 730 h = 730 h"},
    {"Utilisation33", R"(, "utilisation_percent": "33")", "240.9", "33% × 730 h = 240.9 h"},
    {"UtilisationInexact", R"(, "utilisation_percent": "33.333333")", "243.333331",
     "33.333333% × 730 h ≈ 243.333331 h"},
    {"RowHours", R"(, "hours_per_month": "100.5")", "100.5", "100.5 h (set for this row)"},
    {"RowHoursMax", R"(, "hours_per_month": 744)", "744", "744 h (set for this row)"},
};

class ComputeMigrationHoursTest : public ComputeMigrationTest, public ::testing::WithParamInterface<HoursCase> {};

TEST_P(ComputeMigrationHoursTest, HoursPerInstance) {
  const HoursCase& c = GetParam();
  const auto sc = parse(scenario_text(std::string(R"([{"name": "r", "instance_type": "m7i.xlarge", "count": 2)") +
                                      c.row_extra + R"(, "target": {"instance_type": "m8g.xlarge"}}])"));
  const auto r = calculate(sc, catalog(), kToday, kMaxAgeDays);
  const MigrationLine& line = r.lines[0];
  EXPECT_EQ(line.hours.value(), d(c.hours)) << c.name << ": got " << line.hours.value().to_string();
  EXPECT_EQ(line.hours_basis, c.basis) << c.name;
  EXPECT_EQ(line.before.usd(), d("0.2016") * Decimal::from_int(2) * d(c.hours)) << c.name;
}

INSTANTIATE_TEST_SUITE_P(Shipped, ComputeMigrationHoursTest, ::testing::ValuesIn(kHoursCases),
                         [](const ::testing::TestParamInfo<HoursCase>& p) { return std::string(p.param.name); });

TEST_F(ComputeMigrationTest, ScenarioMonthOtherThan730) {
  const auto sc = parse(scenario_text(
      R"([{"name": "r", "instance_type": "m7i.xlarge", "count": 1, "target": {"instance_type": "m8g.xlarge"}}])", "",
      "us-east-1", "720"));
  const auto r = calculate(sc, catalog(), kToday, kMaxAgeDays);
  EXPECT_EQ(r.before.usd(), d("145.152"));  // 0.2016 x 720
  EXPECT_TRUE(contains(r.assumptions[1], "A month is 720 hours (set by this scenario")) << r.assumptions[1];
}

// ---------------------------------------------------------------- performance assumption

constexpr const char* kPerformance25 = R"("performance": {
      "throughput_gain_percent": 25, "qualifier": "up to", "statement": "up to 25% better performance",
      "applies_to": "M9g vs M8g",
      "source": {"title": "AWS news", "url": "https://aws.amazon.com/m9g", "as_of": "2026-06-01", "trust": "A",
                 "trust_note": "AWS-written launch post"}})";

struct PerformanceCase {
  int count;
  const char* instances_needed;
  bool exact;
  int adjusted;
  const char* after_adjusted;  // adjusted x 0.19568 (m9g.xlarge) x 730
};

std::ostream& operator<<(std::ostream& os, const PerformanceCase& c) {
  return os << c.count << " / 1.25 = " << c.instances_needed << (c.exact ? " exactly" : " (rounded up)") << " -> "
            << c.adjusted << " instances, " << c.after_adjusted;
}

const PerformanceCase kPerformanceCases[] = {
    {150, "120", true, 120, "17141.568"},
    {12, "9.6", true, 10, "1428.464"},
    {1, "0.8", true, 1, "142.8464"},
    {5, "4", true, 4, "571.3856"},
    {7, "5.6", true, 6, "857.0784"},
};

class ComputeMigrationPerformanceTest : public ComputeMigrationTest,
                                        public ::testing::WithParamInterface<PerformanceCase> {};

TEST_P(ComputeMigrationPerformanceTest, FewerInstancesRoundedUp) {
  const PerformanceCase& c = GetParam();
  const auto sc = parse(scenario_text(R"([{"name": "r", "instance_type": "m8g.xlarge", "count": )" +
                                          std::to_string(c.count) + R"(, "target": {"instance_type": "m9g.xlarge"}}])",
                                      kPerformance25));
  ASSERT_TRUE(sc.performance.has_value());
  const auto r = calculate(sc, catalog(), kToday, kMaxAgeDays);
  const MigrationLine& line = r.lines[0];
  EXPECT_EQ(line.instances_needed, d(c.instances_needed))
      << c.count << " instances: needed " << line.instances_needed.to_string();
  EXPECT_EQ(line.instances_needed_exact, c.exact) << c.count << " instances";
  EXPECT_EQ(line.adjusted_count, Quantity::whole(c.adjusted))
      << c.count << " instances: adjusted " << line.adjusted_count.value().to_string();
  EXPECT_EQ(line.after_adjusted.usd(), d(c.after_adjusted))
      << c.count << " instances: after_adjusted " << line.after_adjusted.usd().to_string();
  EXPECT_EQ(r.after_adjusted.usd(), d(c.after_adjusted));
  // The same-count figure does not depend on the assumption.
  EXPECT_EQ(line.after.usd(), d("0.19568") * Decimal::from_int(c.count) * Decimal::from_int(730));
}

INSTANTIATE_TEST_SUITE_P(Shipped, ComputeMigrationPerformanceTest, ::testing::ValuesIn(kPerformanceCases));

TEST_F(ComputeMigrationTest, InstancesNeededThatDoNotTerminateAreMarkedInexact) {
  const std::string perf20 = R"("performance": {"throughput_gain_percent": "20", "statement": "20% faster",
      "applies_to": "test", "source": {"title": "t", "url": "https://example.com", "as_of": "2026-06-01",
      "trust": "C", "trust_note": "test"}})";
  const auto sc = parse(scenario_text(
      R"([{"name": "r", "instance_type": "m8g.xlarge", "count": 10, "target": {"instance_type": "m9g.xlarge"}}])",
      perf20));
  const auto r = calculate(sc, catalog(), kToday, kMaxAgeDays);
  EXPECT_EQ(r.lines[0].instances_needed.to_string(), "8.333334");  // 10 / 1.2, rounded up at 6 places
  EXPECT_FALSE(r.lines[0].instances_needed_exact);
  EXPECT_EQ(r.lines[0].adjusted_count, Quantity::whole(9));
}

TEST_F(ComputeMigrationTest, PerUnitOfWorkRatioM8gToM9g) {
  const auto sc = parse(scenario_text(
      R"([{"name": "r", "instance_type": "m8g.xlarge", "count": 12, "target": {"instance_type": "m9g.xlarge"}}])",
      kPerformance25));
  const auto r = calculate(sc, catalog(), kToday, kMaxAgeDays);
  const MigrationLine& line = r.lines[0];
  const Decimal factor = d("1.25");
  const Decimal per_work_before = line.from->price.usd_per_unit() * factor;
  EXPECT_EQ(per_work_before, d("0.2244"));
  EXPECT_EQ(ratio_of(line.to->price.usd_per_unit(), per_work_before).to_string(), "0.8720");
  // Performance source is cited after the price and shape sources.
  EXPECT_EQ(r.notes.sources().size(), 3u);
  EXPECT_EQ(r.notes.sources().back()->url, "https://aws.amazon.com/m9g");
  bool ceiling_noted = false;
  for (const auto& a : r.assumptions)
    if (contains(a, "Performance: up to 25% more work per instance-hour (M9g vs M8g)") &&
        contains(a, "It is a ceiling")) ceiling_noted = true;
  EXPECT_TRUE(ceiling_noted);
}

TEST_F(ComputeMigrationTest, StalePricesAreWarned) {
  const auto sc = parse(scenario_text(
      R"([{"name": "r", "instance_type": "m7i.xlarge", "count": 1, "target": {"instance_type": "m8g.xlarge"}}])"));
  const auto r = calculate(sc, catalog(), Date{2027, 7, 20}, 180);
  ASSERT_FALSE(r.warnings.empty());
  EXPECT_TRUE(contains(r.warnings[0], "are 365 days old (as of 2026-07-20, checked against 2027-07-20; limit 180 days)"))
      << r.warnings[0];
}

// ---------------------------------------------------------------- parse errors

struct ParseErrorCase {
  const char* name;
  const char* fleet;     // the "fleet" array
  const char* extra;     // extra top-level members, or ""
  const char* hours;     // top-level hours_per_month
  const char* pointer;   // expected InputError::pointer()
  const char* message;   // expected substring
};

std::ostream& operator<<(std::ostream& os, const ParseErrorCase& c) {
  return os << c.name << ": pointer " << c.pointer << ", \"" << c.message << "\"";
}

#define ROW_START R"([{"name": "web", "instance_type": "m7i.xlarge", )"
#define TARGET R"("target": {"instance_type": "m8g.xlarge"})"

const ParseErrorCase kParseErrors[] = {
    {"CountZero", ROW_START R"("count": 0, )" TARGET "}]", "", "730", "/fleet/0/count",
     "expected a whole number of instances from 1 to 1,000,000, got 0; split a larger fleet into several rows"},
    {"CountFraction", ROW_START R"("count": "1.5", )" TARGET "}]", "", "730", "/fleet/0/count",
     "expected a whole number of instances from 1 to 1,000,000, got 1.5"},
    {"CountTooLarge", ROW_START R"("count": 1000001, )" TARGET "}]", "", "730", "/fleet/0/count",
     "from 1 to 1,000,000, got 1000001"},
    {"CountNegative", ROW_START R"("count": -3, )" TARGET "}]", "", "730", "/fleet/0/count", "got -3"},
    {"CountJsonFloat", ROW_START R"("count": 1.5, )" TARGET "}]", "", "730", "/fleet/0/count",
     "got number 1.5; write it in quotes"},
    {"CountWord", ROW_START R"("count": "twelve", )" TARGET "}]", "", "730", "/fleet/0/count",
     "\"twelve\" is not a decimal number"},
    {"Utilisation150", ROW_START R"("count": 1, "utilisation_percent": "150", )" TARGET "}]", "", "730",
     "/fleet/0/utilisation_percent", "expected a percentage above 0 and at most 100, got 150"},
    {"UtilisationZero", ROW_START R"("count": 1, "utilisation_percent": 0, )" TARGET "}]", "", "730",
     "/fleet/0/utilisation_percent", "expected a percentage above 0 and at most 100, got 0"},
    {"ScenarioHours800", ROW_START R"("count": 1, )" TARGET "}]", "", "800", "/hours_per_month",
     "expected hours per month above 0 and at most 744, got 800"},
    {"RowHours800", ROW_START R"("count": 1, "hours_per_month": 800, )" TARGET "}]", "", "730",
     "/fleet/0/hours_per_month", "expected hours per month above 0 and at most 744, got 800"},
    {"HoursAndUtilisation", ROW_START R"("count": 1, "hours_per_month": 100, "utilisation_percent": 50, )" TARGET "}]",
     "", "730", "/fleet/0/utilisation_percent",
     "give either \"hours_per_month\" or \"utilisation_percent\", not both"},
    {"UnknownRowKey", ROW_START R"("count": 1, "cuont": 2, )" TARGET "}]", "", "730", "/fleet/0/cuont",
     "unknown field \"cuont\"; the fields allowed here are: count, hours_per_month, instance_type, name, target, "
     "utilisation_percent"},
    {"UnknownTargetKey", ROW_START R"("count": 1, "target": {"instance_type": "m8g.xlarge", "gen": 8}}])", "", "730",
     "/fleet/0/target/gen", "unknown field \"gen\""},
    {"TargetBoth", ROW_START R"("count": 1, "target": {"instance_type": "m8g.xlarge", "equivalent": "graviton"}}])", "",
     "730", "/fleet/0/target", "give either \"instance_type\" or \"equivalent\", not both"},
    {"TargetNeither", ROW_START R"("count": 1, "target": {}}])", "", "730", "/fleet/0/target",
     "expected either \"instance_type\": \"m8g.xlarge\" or \"equivalent\": \"graviton\""},
    {"TargetEquivalentIntel", ROW_START R"("count": 1, "target": {"equivalent": "intel"}}])", "", "730",
     "/fleet/0/target/equivalent", "expected one of \"graviton\", got \"intel\""},
    {"TargetGeneration5", ROW_START R"("count": 1, "target": {"equivalent": "graviton", "generation": 5}}])", "", "730",
     "/fleet/0/target/generation", "expected an EC2 generation number such as 8 (Graviton4) or 9 (Graviton5), got 5"},
    {"MissingTarget", ROW_START R"("count": 1}])", "", "730", "/fleet/0", "missing required field \"target\""},
    {"EmptyFleet", "[]", "", "730", "/fleet", "expected at least 1 item(s), got 0"},
    {"UnknownTopLevelKey", ROW_START R"("count": 1, )" TARGET "}]", R"("regoin": "x")", "730", "/regoin",
     "unknown field \"regoin\""},
    {"HoursAsFloat", ROW_START R"("count": 1, )" TARGET "}]", "", "730.5", "/hours_per_month",
     "write it in quotes (\"730.5\")"},
    {"PerformanceGainTooLow", ROW_START R"("count": 1, )" TARGET "}]",
     R"("performance": {"throughput_gain_percent": -100, "statement": "s", "applies_to": "a",
        "source": {"title": "t", "url": "https://e.com", "as_of": "2026-01-01", "trust": "C", "trust_note": "n"}})",
     "730", "/performance/throughput_gain_percent", "expected a percentage above -100 and at most 1000, got -100"},
    {"PerformanceSourceBadDate", ROW_START R"("count": 1, )" TARGET "}]",
     R"("performance": {"throughput_gain_percent": 25, "statement": "s", "applies_to": "a",
        "source": {"title": "t", "url": "https://e.com", "as_of": "2026-02-30", "trust": "C", "trust_note": "n"}})",
     "730", "/performance/source/as_of", "expected a date YYYY-MM-DD, got \"2026-02-30\""},
};

#undef ROW_START
#undef TARGET

class ComputeMigrationParseErrorTest : public ::testing::TestWithParam<ParseErrorCase> {};

TEST_P(ComputeMigrationParseErrorTest, ThrowsInputErrorWithPointer) {
  const ParseErrorCase& c = GetParam();
  const std::string text = scenario_text(c.fleet, c.extra, "us-east-1", c.hours);
  try {
    (void)parse(text);
    ADD_FAILURE() << c.name << ": no InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), "test.json") << c.name;
    EXPECT_EQ(e.pointer(), c.pointer) << c.name << ": " << e.what();
    EXPECT_TRUE(contains(e.what(), c.message)) << c.name << ": expected \"" << c.message << "\" in: " << e.what();
    EXPECT_EQ(dynamic_cast<const PricingDataError*>(&e), nullptr) << c.name << ": user input, not pricing data";
  }
}

INSTANTIATE_TEST_SUITE_P(KnownAnswers, ComputeMigrationParseErrorTest, ::testing::ValuesIn(kParseErrors),
                         [](const ::testing::TestParamInfo<ParseErrorCase>& p) { return std::string(p.param.name); });

TEST(ScenarioHeaderTest, HeaderErrors) {
  auto message = [](const std::string& text) -> std::string {
    try {
      (void)parse_scenario(nlohmann::json::parse(text), "h.json");
    } catch (const InputError& e) {
      return e.what();
    }
    return "no error";
  };
  EXPECT_TRUE(contains(message(R"({"schema_version": 2})"),
                       "h.json: /schema_version: expected schema_version 1, got 2"));
  // Other kinds may be added to the list; compute-migration must be in it.
  const std::string kind = message(R"({"schema_version": 1, "kind": "lift-and-shift"})");
  EXPECT_TRUE(contains(kind, "h.json: /kind: expected one of \"")) << kind;
  EXPECT_TRUE(contains(kind, "\"compute-migration\"")) << kind;
  EXPECT_TRUE(contains(kind, ", got \"lift-and-shift\"")) << kind;
  EXPECT_TRUE(contains(message(R"({"schema_version": 1, "kind": "compute-migration", "id": "Bad Id"})"),
                       "h.json: /id: expected lower-case letters, digits and '-'"));
  EXPECT_TRUE(contains(message(R"([1])"), "h.json: /: expected a JSON object"));
}

// ---------------------------------------------------------------- calculation errors

TEST_F(ComputeMigrationTest, GpuTypeHasNoGravitonEquivalent) {
  const auto sc = parse(scenario_text(
      R"([{"name": "gpu", "instance_type": "p5.48xlarge", "count": 1, "target": {"equivalent": "graviton"}}])"));
  try {
    (void)calculate(sc, catalog(), kToday, kMaxAgeDays);
    ADD_FAILURE() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.pointer(), "/fleet/0/target");
    EXPECT_TRUE(contains(e.what(), "no priced Graviton instance in us-east-1 has the shape of p5.48xlarge "
                                   "(192 vCPU / 2,048 GiB, family class \"p\"); name the target explicitly"))
        << e.what();
  }
}

TEST_F(ComputeMigrationTest, RequestedGenerationWithoutAMatchIsAnInputError) {
  // Generation 10 passes the range check (6..20), but no such Graviton type is priced.
  const auto sc = parse(scenario_text(
      R"([{"name": "r", "instance_type": "r7i.2xlarge", "count": 1, "target": {"equivalent": "graviton", "generation": 10}}])"));
  try {
    (void)calculate(sc, catalog(), kToday, kMaxAgeDays);
    ADD_FAILURE() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_TRUE(contains(e.what(), "no priced Graviton instance in us-east-1 has the shape of r7i.2xlarge "
                                   "(8 vCPU / 64 GiB, family class \"r\", generation 10)"))
        << e.what();
  }
}

TEST_F(ComputeMigrationTest, PriceMissingInRegionIsPriceNotFound) {
  const auto sc = parse(scenario_text(
      R"([{"name": "r", "instance_type": "m6i.xlarge", "count": 1, "target": {"instance_type": "m9g.xlarge"}}])", "",
      "eu-west-1"));
  try {
    (void)calculate(sc, catalog(), kToday, kMaxAgeDays);
    ADD_FAILURE() << "no PriceNotFound";
  } catch (const PriceNotFound& e) {
    EXPECT_TRUE(contains(e.what(), "no price for m9g.xlarge (ec2) in eu-west-1; known regions for m9g.xlarge: us-east-1"))
        << e.what();
  }
}

TEST_F(ComputeMigrationTest, SourceTypeMissingInRegionIsPriceNotFound) {
  const auto sc = parse(scenario_text(
      R"([{"name": "r", "instance_type": "m7i.xlarg", "count": 1, "target": {"instance_type": "m8g.xlarge"}}])"));
  try {
    (void)calculate(sc, catalog(), kToday, kMaxAgeDays);
    ADD_FAILURE() << "no PriceNotFound";
  } catch (const PriceNotFound& e) {
    EXPECT_TRUE(contains(e.what(), "no price for m7i.xlarg (ec2) in us-east-1; similar keys in "
                                   "pricing-data/aws/us-east-1/ec2.json: m7i.xlarge"))
        << e.what();
  }
}

TEST_F(ComputeMigrationTest, EquivalentNeedsAKnownShape) {
  // A priced type that the shapes table lacks cannot get an equivalent; use a catalog without shapes.
  PriceCatalog no_shapes;
  for (const auto& t : catalog().tables())
    if (t.region == "us-east-1" && t.service == "ec2") no_shapes.add_table(t);
  const auto sc = parse(scenario_text(
      R"([{"name": "r", "instance_type": "m7i.xlarge", "count": 1, "target": {"equivalent": "graviton"}}])"));
  try {
    (void)calculate(sc, no_shapes, kToday, kMaxAgeDays);
    ADD_FAILURE() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.pointer(), "/fleet/0/instance_type");
    EXPECT_TRUE(contains(e.what(), "the shapes table has no entry for m7i.xlarge")) << e.what();
  }
}

}  // namespace
}  // namespace costproof
