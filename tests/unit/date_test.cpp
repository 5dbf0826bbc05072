// Unit tests for calc/core/date.h: parsing, day arithmetic and the epoch round trip.
#include "core/date.h"

#include <optional>
#include <ostream>
#include <string>

#include <gtest/gtest.h>

namespace costproof {
namespace {

Date date(const char* text) {
  const auto parsed = Date::parse(text);
  EXPECT_TRUE(parsed.has_value()) << "\"" << text << "\" should parse";
  return parsed.value_or(Date{});
}

struct ValidDateCase {
  const char* text;
  int year, month, day;
};

std::ostream& operator<<(std::ostream& os, const ValidDateCase& c) {
  return os << "\"" << c.text << "\" -> " << c.year << "/" << c.month << "/" << c.day;
}

const ValidDateCase kValidDates[] = {
    {"2026-07-20", 2026, 7, 20}, {"2024-02-29", 2024, 2, 29}, {"2000-02-29", 2000, 2, 29},
    {"1970-01-01", 1970, 1, 1},  {"2026-12-31", 2026, 12, 31}, {"2026-04-30", 2026, 4, 30},
    {"2026-01-31", 2026, 1, 31}, {"2099-11-27", 2099, 11, 27},
};

class DateParseValidTest : public ::testing::TestWithParam<ValidDateCase> {};

TEST_P(DateParseValidTest, ParsesFields) {
  const ValidDateCase& c = GetParam();
  const auto parsed = Date::parse(c.text);
  ASSERT_TRUE(parsed.has_value()) << "\"" << c.text << "\" was refused";
  EXPECT_EQ(parsed->year, c.year) << c.text;
  EXPECT_EQ(parsed->month, c.month) << c.text;
  EXPECT_EQ(parsed->day, c.day) << c.text;
  EXPECT_EQ(parsed->to_string(), c.text);
}

INSTANTIATE_TEST_SUITE_P(KnownAnswers, DateParseValidTest, ::testing::ValuesIn(kValidDates));

const char* const kInvalidDates[] = {
    "2026-02-29",   // not a leap year
    "1900-02-29",   // century, not a leap year
    "2026-13-01",   // month 13
    "2026-00-10",   // month 0
    "2026-04-31",   // April has 30 days
    "2026-01-32",   // day 32
    "2026-01-00",   // day 0
    "26-01-01",     // two-digit year
    "2026-1-01",    // one-digit month
    "2026-01-1",    // one-digit day
    "2026/01/01",   // wrong separator
    "2026-01-01T00:00:00Z",
    " 2026-01-01",
    "2026-01-01 ",
    "",
    "abcd-ef-gh",
    "2026-0a-01",
    "+026-01-01",
    "-026-01-01",
    "20260101",
};

class DateParseInvalidTest : public ::testing::TestWithParam<const char*> {};

TEST_P(DateParseInvalidTest, IsRefused) {
  const auto parsed = Date::parse(GetParam());
  EXPECT_FALSE(parsed.has_value()) << "\"" << GetParam() << "\" parsed as "
                                   << (parsed ? parsed->to_string() : std::string());
}

INSTANTIATE_TEST_SUITE_P(KnownAnswers, DateParseInvalidTest, ::testing::ValuesIn(kInvalidDates));

struct DaysCase {
  const char* from;
  const char* to;
  long days;
};

std::ostream& operator<<(std::ostream& os, const DaysCase& c) {
  return os << c.from << " -> " << c.to << " = " << c.days << " days";
}

const DaysCase kDaysCases[] = {
    {"2026-07-20", "2026-11-27", 130},  {"2026-11-27", "2026-07-20", -130}, {"2026-07-20", "2026-07-20", 0},
    {"2024-02-28", "2024-03-01", 2},    {"2026-02-28", "2026-03-01", 1},    {"2025-12-31", "2026-01-01", 1},
    {"2023-02-20", "2026-11-27", 1376}, {"2026-01-01", "2027-01-01", 365},  {"2024-01-01", "2025-01-01", 366},
    {"1970-01-01", "2000-01-01", 10957},
};

class DateDaysUntilTest : public ::testing::TestWithParam<DaysCase> {};

TEST_P(DateDaysUntilTest, CountsDays) {
  const DaysCase& c = GetParam();
  EXPECT_EQ(date(c.from).days_until(date(c.to)), c.days) << c.from << " -> " << c.to;
}

INSTANTIATE_TEST_SUITE_P(KnownAnswers, DateDaysUntilTest, ::testing::ValuesIn(kDaysCases));

TEST(DateTest, DaysSinceEpochKnownValues) {
  EXPECT_EQ(date("1970-01-01").days_since_epoch(), 0);
  EXPECT_EQ(date("1970-01-02").days_since_epoch(), 1);
  EXPECT_EQ(date("1969-12-31").days_since_epoch(), -1);
  EXPECT_EQ(date("2000-03-01").days_since_epoch(), 11017);
  EXPECT_EQ(Date::from_days_since_epoch(0).to_string(), "1970-01-01");
  EXPECT_EQ(Date::from_days_since_epoch(-1).to_string(), "1969-12-31");
  EXPECT_EQ(Date::from_days_since_epoch(11016).to_string(), "2000-02-29");
}

TEST(DateTest, RoundTripsEveryDayFrom1900To2100) {
  const long first = date("1900-01-01").days_since_epoch();
  const long last = date("2100-12-31").days_since_epoch();
  Date previous = Date::from_days_since_epoch(first - 1);
  for (long n = first; n <= last; ++n) {
    const Date day = Date::from_days_since_epoch(n);
    ASSERT_EQ(day.days_since_epoch(), n) << day.to_string();
    ASSERT_LT(previous, day) << previous.to_string() << " vs " << day.to_string();
    const auto reparsed = Date::parse(day.to_string());
    ASSERT_TRUE(reparsed.has_value()) << day.to_string();
    ASSERT_EQ(*reparsed, day) << day.to_string();
    previous = day;
  }
}

TEST(DateTest, OrdersChronologically) {
  EXPECT_LT(date("2026-07-20"), date("2026-11-27"));
  EXPECT_LT(date("2025-12-31"), date("2026-01-01"));
  EXPECT_LT(date("2026-01-31"), date("2026-02-01"));
  EXPECT_EQ(date("2026-07-20"), (Date{2026, 7, 20}));
}

TEST(DateTest, ToStringPadsWithZeros) {
  EXPECT_EQ((Date{2026, 1, 5}).to_string(), "2026-01-05");
  EXPECT_EQ((Date{}).to_string(), "1970-01-01");
}

}  // namespace
}  // namespace costproof
