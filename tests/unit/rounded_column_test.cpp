// Unit tests for calc/core/rounded_column.h: rounded parts, rounded total and the
// explicit rounding adjustment.
#include "core/rounded_column.h"

#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace costproof {
namespace {

std::vector<Decimal> decimals(const std::vector<const char*>& texts) {
  std::vector<Decimal> out;
  for (const char* t : texts) out.push_back(Decimal::parse(t));
  return out;
}

std::string join(const std::vector<Decimal>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ", ") + v.to_string();
  return out;
}

struct ColumnCase {
  const char* name;
  std::vector<const char*> parts;
  std::vector<const char*> rounded_parts;
  const char* total;
  const char* adjustment;
};

std::ostream& operator<<(std::ostream& os, const ColumnCase& c) {
  os << c.name << ": [";
  for (const char* p : c.parts) os << p << " ";
  return os << "] -> total " << c.total << ", adjustment " << c.adjustment;
}

const std::vector<ColumnCase> kColumnCases = {
    {"ThreeHalfCents", {"0.005", "0.005", "0.005"}, {"0.01", "0.01", "0.01"}, "0.02", "-0.01"},
    {"AddsUp", {"1766.016", "0.004"}, {"1766.02", "0.00"}, "1766.02", "0.00"},
    {"ExactCents", {"1.10", "2.20", "3.30"}, {"1.10", "2.20", "3.30"}, "6.60", "0.00"},
    {"BeforeMinusAfter", {"1766.016", "-1572.5952"}, {"1766.02", "-1572.60"}, "193.42", "0.00"},
    {"BeforeMinusAfterOffByACent", {"1.005", "-0.004"}, {"1.01", "0.00"}, "1.00", "-0.01"},
    {"MixedSignHalfCents", {"0.015", "-0.005"}, {"0.02", "-0.01"}, "0.01", "0.00"},
    {"NegativeHalfCents", {"-0.005", "-0.005", "-0.005"}, {"-0.01", "-0.01", "-0.01"}, "-0.02", "0.01"},
    {"ThirdsOfADollar", {"0.333", "0.333", "0.334"}, {"0.33", "0.33", "0.33"}, "1.00", "0.01"},
    {"Empty", {}, {}, "0.00", "0.00"},
    {"Single", {"12.345"}, {"12.35"}, "12.35", "0.00"},
};

class RoundedColumnTest : public ::testing::TestWithParam<ColumnCase> {};

TEST_P(RoundedColumnTest, RoundsPartsAndTotalAndExplainsTheDifference) {
  const ColumnCase& c = GetParam();
  const RoundedColumn col = round_column(decimals(c.parts));
  ASSERT_EQ(col.parts.size(), c.rounded_parts.size()) << c.name;
  for (std::size_t i = 0; i < col.parts.size(); ++i)
    EXPECT_EQ(col.parts[i].to_string(), c.rounded_parts[i]) << c.name << " part " << i << "; parts: " << join(col.parts);
  EXPECT_EQ(col.total.to_string(), c.total) << c.name;
  EXPECT_EQ(col.adjustment, Decimal::parse(c.adjustment))
      << c.name << ": adjustment " << col.adjustment.to_string();
  // The printed column always adds up: sum(parts) + adjustment == total.
  Decimal sum;
  for (const auto& p : col.parts) sum += p;
  EXPECT_EQ(sum + col.adjustment, col.total) << c.name;
}

INSTANTIATE_TEST_SUITE_P(KnownAnswers, RoundedColumnTest, ::testing::ValuesIn(kColumnCases),
                         [](const ::testing::TestParamInfo<ColumnCase>& p) { return std::string(p.param.name); });

TEST(RoundedColumnTest, ColumnThatAddsUpHasZeroAdjustment) {
  const RoundedColumn col = round_column(decimals({"1572.5952", "193.4208"}));
  EXPECT_TRUE(col.adjustment.is_zero()) << col.adjustment.to_string();
  EXPECT_EQ(col.total.to_string(), "1766.02");
}

TEST(RoundedColumnTest, HalfCentColumnNeedsAnAdjustment) {
  const RoundedColumn col = round_column(decimals({"0.005", "0.005", "0.005"}));
  EXPECT_FALSE(col.adjustment.is_zero());
  EXPECT_TRUE(col.adjustment.is_negative());
  EXPECT_EQ(col.adjustment.to_string(), "-0.01");
}

}  // namespace
}  // namespace costproof
