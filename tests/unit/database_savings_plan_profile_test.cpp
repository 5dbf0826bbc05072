// Unit tests for calc/scenarios/database-savings-plan/database_savings_plan_profile.h: the exact Eigen scalar,
// the named profile shapes hour by hour, and hourly CSV parsing (with the line
// and column of every error).
#include "scenarios/database-savings-plan/database_savings_plan_profile.h"

#include <map>
#include <string>

#include <gtest/gtest.h>

#include "core/error.h"
#include "core/json_reader.h"

namespace costproof {
namespace {

Decimal d(const char* text) { return Decimal::parse(text); }
bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

UsageProfile parse_profile(const std::string& json, const ReadRelativeFile& read_file = {}) {
  const auto j = nlohmann::json::parse(json);
  JsonReader r(j, "scenarios/ep050/x.json", "/usage/0/profile", JsonOrigin::kUserInput);
  return parse_usage_profile(r, "scenarios/ep050/x.json", read_file);
}

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

// An hourly CSV of `rows` data lines, value `value` in column "acu".
std::string csv(std::size_t rows, const std::string& value = "6") {
  std::string out = "hour_start,acu\n";
  for (std::size_t i = 0; i < rows; ++i) out += "2026-01-01T00:00:00Z," + value + "\n";
  return out;
}

// ---------------------------------------------------------------- the exact scalar in Eigen

TEST(DatabaseSavingsPlanProfileTest, EigenProductsWithTheExactScalarStayExact) {
  ExactMatrix q(2, 2);
  q << ExactScalar(d("0.1")), ExactScalar(d("0.2")), ExactScalar(d("3")), ExactScalar(d("400000"));
  ExactMatrix p(2, 1);
  p << ExactScalar(d("0.0000166667")), ExactScalar(d("0.000000625"));
  const ExactMatrix cost = q * p;
  EXPECT_EQ(cost(0, 0).value(), d("0.00000179167"));  // 0.1 x 0.0000166667 + 0.2 x 0.000000625
  EXPECT_EQ(cost(1, 0).value(), d("0.2500500001"));
  // 400,000 x 0.0000166667 summed one by one is exact here (6.66668, not 6.666679999953738).
  const ExactVector v = ExactVector::Constant(400000, ExactScalar(d("0.0000166667")));
  EXPECT_EQ(v.sum().value(), d("6.66668"));
}

// ---------------------------------------------------------------- shapes

TEST(DatabaseSavingsPlanProfileTest, ConstantIsTheLevelEveryHour) {
  const ExactVector v = hourly_quantities(UsageProfile{}, d("6"));
  ASSERT_EQ(v.size(), 8760);
  EXPECT_EQ(v.sum().value(), d("52560"));
}

TEST(DatabaseSavingsPlanProfileTest, BusinessHoursOnWeekdays) {
  const auto p = parse_profile(
      R"({"shape": "business-hours", "start_hour": 9, "end_hour": 17, "days": "weekdays", "off_hours_percent": "25"})");
  const ExactVector v = hourly_quantities(p, d("16"));
  EXPECT_EQ(v(9).value(), d("16"));    // Monday 09:00
  EXPECT_EQ(v(16).value(), d("16"));   // Monday 16:00
  EXPECT_EQ(v(17).value(), d("4"));    // Monday 17:00: 25%
  EXPECT_EQ(v(8).value(), d("4"));     // Monday 08:00
  EXPECT_EQ(v(5 * 24 + 10).value(), d("4"));  // Saturday 10:00
  EXPECT_EQ(v(7 * 24 + 10).value(), d("16"));  // the next Monday
  // 8,760 h = 52 weeks + a Monday: 261 weekdays x 8 h at 16, the other 6,672 h at 4.
  EXPECT_EQ(v.sum().value(), d("60096"));  // 2,088 x 16 + 6,672 x 4
  EXPECT_EQ(p.text("16 ACU-hours per hour"), "16 ACU-hours per hour 09:00-17:00 Monday-Friday; 25% of that otherwise");
}

TEST(DatabaseSavingsPlanProfileTest, RunsOfIdenticalHours) {
  const auto runs = [](const UsageProfile& p, const char* level) {
    std::string out;
    for (const QuantityRun& r : hourly_quantity_runs(p, d(level))) out += std::to_string(r.hours) + "x" + r.quantity.to_string() + " ";
    return out;
  };
  EXPECT_EQ(runs(UsageProfile{}, "6"), "8760x6 ");
  const auto business = parse_profile(
      R"({"shape": "business-hours", "start_hour": 9, "end_hour": 17, "days": "weekdays", "off_hours_percent": "25"})");
  // Monday 00:00-09:00 at 25%, 8 h at the level, 16 h at 25% to Tuesday 09:00, ..., Friday 17:00 to Monday 09:00 (64 h).
  const std::string week = "9x4 8x16 16x4 8x16 16x4 8x16 16x4 8x16 16x4 8x16 64x4 8x16 ";
  EXPECT_EQ(runs(business, "16").substr(0, week.size()), week);
  const auto steady = parse_profile(R"({"shape": "steady-change", "monthly_change_percent": "-5"})");
  EXPECT_EQ(hourly_quantity_runs(steady, d("10")).size(), 12u);
  // Every shape: neighbouring runs differ, the runs cover the year, and they expand to hourly_quantities.
  for (const char* json :
       {R"({"shape": "nightly-scale-down", "start_hour": 22, "end_hour": 6, "night_percent": "50"})",
        R"({"shape": "weekly-spike", "weekday": "wednesday", "start_hour": 2, "end_hour": 4, "spike_percent": "1000"})",
        R"({"shape": "scale-to-zero", "start_hour": 8, "end_hour": 20, "days": "every-day"})",
        R"({"shape": "business-hours", "start_hour": 0, "end_hour": 24, "days": "weekdays", "off_hours_percent": "100"})"}) {
    const auto p = parse_profile(json);
    const std::vector<QuantityRun> r = hourly_quantity_runs(p, d("8"));
    const ExactVector v = hourly_quantities(p, d("8"));
    int h = 0;
    for (std::size_t i = 0; i < r.size(); ++i) {
      if (i > 0) {
        EXPECT_NE(r[i].quantity.to_string(), r[i - 1].quantity.to_string()) << json;
      }
      for (int j = 0; j < r[i].hours; ++j, ++h) EXPECT_EQ(v(h).value().to_string(), r[i].quantity.to_string()) << json;
    }
    EXPECT_EQ(h, 8760) << json;
  }
}

TEST(DatabaseSavingsPlanProfileTest, NightlyScaleDownMayWrapMidnight) {
  const auto p = parse_profile(R"({"shape": "nightly-scale-down", "start_hour": 22, "end_hour": 6, "night_percent": "50"})");
  const ExactVector v = hourly_quantities(p, d("8"), 48);
  EXPECT_EQ(v(21).value(), d("8"));
  EXPECT_EQ(v(22).value(), d("4"));
  EXPECT_EQ(v(24 + 5).value(), d("4"));
  EXPECT_EQ(v(24 + 6).value(), d("8"));
  EXPECT_EQ(v(0).value(), d("4"));
}

TEST(DatabaseSavingsPlanProfileTest, WeeklySpikeOnOneWeekday) {
  const auto p = parse_profile(
      R"({"shape": "weekly-spike", "weekday": "wednesday", "start_hour": 2, "end_hour": 4, "spike_percent": "1000"})");
  const ExactVector v = hourly_quantities(p, d("1.5"));
  EXPECT_EQ(v(2 * 24 + 2).value(), d("15"));
  EXPECT_EQ(v(2 * 24 + 4).value(), d("1.5"));
  EXPECT_EQ(v(2 + 24).value(), d("1.5"));  // Tuesday
  EXPECT_EQ(v.sum().value(), d("13140") + d("13.5") * d("104"));  // 52 Wednesdays x 2 h x 13.5 extra
}

TEST(DatabaseSavingsPlanProfileTest, SteadyChangeStepsEveryMonth) {
  const auto p = parse_profile(R"({"shape": "steady-change", "monthly_change_percent": "-5"})");
  const ExactVector v = hourly_quantities(p, d("10"));
  EXPECT_EQ(v(0).value(), d("10"));
  EXPECT_EQ(v(729).value(), d("10"));
  EXPECT_EQ(v(730).value(), d("9.5"));
  EXPECT_EQ(v(8759).value(), d("4.5"));  // month 12: 100 - 11 x 5 = 45%
  EXPECT_THROW(parse_profile(R"({"shape": "steady-change", "monthly_change_percent": "-10"})"), InputError);
}

TEST(DatabaseSavingsPlanProfileTest, ScaleToZeroOutsideTheWindow) {
  const auto p = parse_profile(R"({"shape": "scale-to-zero", "start_hour": 8, "end_hour": 20, "days": "every-day"})");
  const ExactVector v = hourly_quantities(p, d("4"));
  EXPECT_TRUE(v(7).value().is_zero());
  EXPECT_EQ(v(8).value(), d("4"));
  EXPECT_EQ(v(6 * 24 + 12).value(), d("4"));  // Sunday noon
  EXPECT_EQ(v.sum().value(), d("17520"));  // 365 days x 12 h x 4
}

TEST(DatabaseSavingsPlanProfileTest, RejectsBadShapes) {
  EXPECT_TRUE(contains(message_of([] { parse_profile(R"({"shape": "sawtooth"})"); }), "/usage/0/profile/shape"));
  EXPECT_TRUE(contains(message_of([] {
                         parse_profile(R"({"shape": "business-hours", "start_hour": 17, "end_hour": 9,
                                          "days": "weekdays", "off_hours_percent": "25"})");
                       }),
                       "expected an end hour after start_hour 17"));
  EXPECT_TRUE(contains(message_of([] {
                         parse_profile(R"({"shape": "business-hours", "start_hour": 9, "end_hour": 25,
                                          "days": "weekdays", "off_hours_percent": "25"})");
                       }),
                       "from 0 to 24"));
  EXPECT_TRUE(contains(message_of([] {
                         parse_profile(R"({"shape": "nightly-scale-down", "start_hour": 0, "end_hour": 6,
                                          "night_percent": "150"})");
                       }),
                       "from 0 to 100"));
  EXPECT_TRUE(contains(message_of([] { parse_profile(R"({"shape": "constant", "level": 3})"); }), "level"));
}

// ---------------------------------------------------------------- hourly CSV

TEST(DatabaseSavingsPlanProfileTest, ParsesAnHourlyCsvColumn) {
  const auto v = parse_hourly_csv("\xEF\xBB\xBF" "t,\"acu\",note\r\n1,6.5,\"a, b\"\r\n2,0,\"say \"\"hi\"\"\"\r\n\r\n",
                                  "x.csv", "acu", 2);
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0], d("6.5"));
  EXPECT_TRUE(v[1].is_zero());
}

TEST(DatabaseSavingsPlanProfileTest, CsvErrorsNameLineAndColumn) {
  auto err = [](const std::string& text, std::size_t rows = 2) {
    return message_of([&] { parse_hourly_csv(text, "profiles/x.csv", "acu", rows); });
  };
  EXPECT_EQ(err("t,acu\n1,6\n2,six\n"),
            "profiles/x.csv: line 3, column 2 (\"acu\"): expected a usage quantity such as 6 or 6.5, got \"six\"");
  EXPECT_EQ(err("t,acu\n1,-1\n2,6\n"), "profiles/x.csv: line 2, column 2 (\"acu\"): expected a quantity of 0 or more, got -1");
  EXPECT_EQ(err("t,acu\n1,0.1234567\n2,6\n"),
            "profiles/x.csv: line 2, column 2 (\"acu\"): expected at most 6 decimal places, got 0.1234567");
  EXPECT_EQ(err("t,acus\n1,6\n2,6\n"),
            "profiles/x.csv: line 1: no column named \"acu\"; the header has \"t\", \"acus\"; fix \"column\" in the "
            "scenario or the header");
  EXPECT_EQ(err("t,acu\n1,6,7\n2,6\n"), "profiles/x.csv: line 2: expected 2 fields like the header, got 3");
  EXPECT_EQ(err("t,acu\n1,6\n\n2,6\n"), "profiles/x.csv: line 3: empty line; every line after the header is one hour");
  EXPECT_EQ(err("t,acu\n1,\"6\n"), "profiles/x.csv: line 2: a double quote is not closed; close it or remove it");
  EXPECT_EQ(err("t,acu\n1,6\n", 8760),
            "profiles/x.csv: expected 8,760 data lines after the header (one per hour of the year), got 1");
  EXPECT_TRUE(contains(err(""), "the file is empty"));
  // A column named twice is refused, not read from the first.
  EXPECT_EQ(err("t,acu,acu\n1,6,7\n2,6,7\n"),
            "profiles/x.csv: line 1, columns 2 and 3: the header names column \"acu\" twice, so which one is meant is "
            "unclear; rename one");
}

TEST(DatabaseSavingsPlanProfileTest, CsvPathStaysInTheScenarioFolder) {
  int reads = 0;
  const ReadRelativeFile reader = [&](const std::string&) {
    ++reads;
    return csv(8760);
  };
  for (const char* path : {"../../etc/passwd", "/etc/passwd", "profiles/../../x.csv", "..\\x.csv", "C:x.csv"}) {
    const std::string message = message_of([&] {
      parse_profile(R"({"shape": "hourly-csv", "csv": )" + nlohmann::json(path).dump() + R"(, "column": "acu"})",
                    reader);
    });
    EXPECT_TRUE(contains(message, "/usage/0/profile/csv")) << message;
    EXPECT_TRUE(contains(message, "a profile must be a file in the scenario's folder")) << message;
  }
  EXPECT_EQ(reads, 0);  // refused before anything is read
  // An all-zero profile has no usage to commit to.
  const ReadRelativeFile zeros = [](const std::string&) {
    std::string text = "h,acu\n";
    for (int h = 0; h < 8760; ++h) text += "1,0\n";
    return text;
  };
  EXPECT_TRUE(contains(message_of([&] {
                         parse_profile(R"({"shape": "hourly-csv", "csv": "a.csv", "column": "acu"})", zeros);
                       }),
                       "is 0, so there is no usage to commit to"));
}

TEST(DatabaseSavingsPlanProfileTest, CsvProfileIsReadThroughTheCallerAndRelativeToTheScenario) {
  std::map<std::string, int> reads;
  const ReadRelativeFile reader = [&](const std::string& path) {
    ++reads[path];
    return csv(8760);
  };
  const auto p = parse_profile(R"({"shape": "hourly-csv", "csv": "profiles/acu.csv", "column": "acu"})", reader);
  EXPECT_EQ(reads["profiles/acu.csv"], 1);
  EXPECT_EQ(p.csv_label, "scenarios/ep050/profiles/acu.csv");
  const ExactVector v = hourly_quantities(p, Decimal());
  EXPECT_EQ(v.sum().value(), d("52560"));
  // Without a reader (a caller that cannot read files) the profile is refused, not guessed.
  EXPECT_TRUE(contains(message_of([] {
                         parse_profile(R"({"shape": "hourly-csv", "csv": "profiles/acu.csv", "column": "acu"})");
                       }),
                       "cannot be read"));
  // A bad CSV reports its own file, line and column.
  const ReadRelativeFile bad = [](const std::string&) { return std::string("h,acu\n1,x\n"); };
  EXPECT_EQ(message_of([&] {
              parse_profile(R"({"shape": "hourly-csv", "csv": "a.csv", "column": "acu"})", bad);
            }),
            "scenarios/ep050/a.csv: line 2, column 2 (\"acu\"): expected a usage quantity such as 6 or 6.5, got \"x\"");
}

}  // namespace
}  // namespace costproof
