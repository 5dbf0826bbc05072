// Unit tests for calc/core/format.h: the text forms of amounts, prices, numbers and
// percentages.
#include "core/format.h"

#include <ostream>
#include <string>

#include <gtest/gtest.h>

namespace costproof {
namespace {

enum class Formatter { kUsdExact, kUsdRounded, kPrice, kNumber, kPercent, kGroupThousands };

const char* formatter_name(Formatter f) {
  switch (f) {
    case Formatter::kUsdExact: return "format_usd_exact";
    case Formatter::kUsdRounded: return "format_usd_rounded";
    case Formatter::kPrice: return "format_price";
    case Formatter::kNumber: return "format_number";
    case Formatter::kPercent: return "format_percent";
    case Formatter::kGroupThousands: return "group_thousands";
  }
  return "?";
}

std::string apply(Formatter f, const Decimal& value) {
  switch (f) {
    case Formatter::kUsdExact: return format_usd_exact(value);
    case Formatter::kUsdRounded: return format_usd_rounded(value);
    case Formatter::kPrice: return format_price(value);
    case Formatter::kNumber: return format_number(value);
    case Formatter::kPercent: return format_percent(value);
    case Formatter::kGroupThousands: return group_thousands(value);
  }
  return "?";
}

struct FormatCase {
  Formatter formatter;
  const char* input;
  const char* expected;
};

std::ostream& operator<<(std::ostream& os, const FormatCase& c) {
  return os << formatter_name(c.formatter) << "(" << c.input << ") -> \"" << c.expected << "\"";
}

const FormatCase kFormatCases[] = {
    // exact amounts: full precision, at least two places
    {Formatter::kUsdExact, "1766.016", "$1,766.016"},
    {Formatter::kUsdExact, "0", "$0.00"},
    {Formatter::kUsdExact, "-1234.5", "-$1,234.50"},
    {Formatter::kUsdExact, "1000000", "$1,000,000.00"},
    {Formatter::kUsdExact, "1572.5952", "$1,572.5952"},
    {Formatter::kUsdExact, "1766.0160", "$1,766.016"},
    {Formatter::kUsdExact, "-0.5", "-$0.50"},
    {Formatter::kUsdExact, "999.999", "$999.999"},
    {Formatter::kUsdExact, "12", "$12.00"},
    {Formatter::kUsdExact, "0.00", "$0.00"},
    // rounded amounts: cents, half away from zero
    {Formatter::kUsdRounded, "1766.016", "$1,766.02"},
    {Formatter::kUsdRounded, "0.004", "$0.00"},
    {Formatter::kUsdRounded, "-0.004", "$0.00"},
    {Formatter::kUsdRounded, "0.005", "$0.01"},
    {Formatter::kUsdRounded, "-0.005", "-$0.01"},
    {Formatter::kUsdRounded, "1234.565", "$1,234.57"},
    {Formatter::kUsdRounded, "-1234.565", "-$1,234.57"},
    {Formatter::kUsdRounded, "2.675", "$2.68"},
    {Formatter::kUsdRounded, "999999.995", "$1,000,000.00"},
    {Formatter::kUsdRounded, "7", "$7.00"},
    {Formatter::kUsdRounded, "1572.5952", "$1,572.60"},
    // unit prices: source precision, never "$0.00" for a non-zero price
    {Formatter::kPrice, "0.0000166667", "$0.0000166667"},
    {Formatter::kPrice, "0.2", "$0.20"},
    {Formatter::kPrice, "0.201600", "$0.2016"},
    {Formatter::kPrice, "21.50", "$21.50"},
    {Formatter::kPrice, "0.045", "$0.045"},
    {Formatter::kPrice, "0.005", "$0.005"},
    {Formatter::kPrice, "0.000000000001", "$0.000000000001"},
    {Formatter::kPrice, "55.040000", "$55.04"},
    {Formatter::kPrice, "1234.5", "$1,234.50"},
    {Formatter::kPrice, "0", "$0.00"},
    // plain numbers: grouped, no trailing zeros
    {Formatter::kNumber, "8760.50", "8,760.5"},
    {Formatter::kNumber, "730", "730"},
    {Formatter::kNumber, "1000000", "1,000,000"},
    {Formatter::kNumber, "0.000", "0"},
    {Formatter::kNumber, "-1234567.8900", "-1,234,567.89"},
    {Formatter::kNumber, "9.600000", "9.6"},
    {Formatter::kNumber, "1000", "1,000"},
    {Formatter::kNumber, "999", "999"},
    // percentages: keep their places
    {Formatter::kPercent, "11.0", "11.0%"},
    {Formatter::kPercent, "-5.25", "-5.25%"},
    {Formatter::kPercent, "1234.5", "1,234.5%"},
    {Formatter::kPercent, "0", "0%"},
    // grouping: keeps the value's scale
    {Formatter::kGroupThousands, "1234567.000", "1,234,567.000"},
    {Formatter::kGroupThousands, "999", "999"},
    {Formatter::kGroupThousands, "-1000", "-1,000"},
    {Formatter::kGroupThousands, "100000", "100,000"},
    {Formatter::kGroupThousands, "12345", "12,345"},
    {Formatter::kGroupThousands, "0.5", "0.5"},
    {Formatter::kGroupThousands, "-999999.99", "-999,999.99"},
    {Formatter::kGroupThousands, "1234567890123", "1,234,567,890,123"},
};

class FormatTest : public ::testing::TestWithParam<FormatCase> {};

TEST_P(FormatTest, FormatsToKnownText) {
  const FormatCase& c = GetParam();
  EXPECT_EQ(apply(c.formatter, Decimal::parse(c.input)), c.expected)
      << formatter_name(c.formatter) << "(" << c.input << ")";
}

INSTANTIATE_TEST_SUITE_P(KnownAnswers, FormatTest, ::testing::ValuesIn(kFormatCases));

TEST(FormatPriceTest, NeverShowsZeroForANonZeroPrice) {
  for (const char* text : {"0.0000166667", "0.000000000001", "0.001", "0.0049", "0.00000001"}) {
    const std::string shown = format_price(Decimal::parse(text));
    EXPECT_NE(shown, "$0.00") << "price " << text;
    // The shown text parses back to the exact price.
    ASSERT_EQ(shown.substr(0, 1), "$") << shown;
    EXPECT_EQ(Decimal::parse(shown.substr(1)), Decimal::parse(text)) << "price " << text << " shown " << shown;
  }
}

TEST(FormatTest, ExactAmountsRoundTripThroughTheirText) {
  for (const char* text : {"1766.016", "-1234.5", "0.0000166667", "1572.5952"}) {
    std::string shown = format_usd_exact(Decimal::parse(text));
    std::string digits;
    for (char c : shown)
      if (c != '$' && c != ',') digits.push_back(c);
    EXPECT_EQ(Decimal::parse(digits), Decimal::parse(text)) << text << " shown as " << shown;
  }
}

}  // namespace
}  // namespace costproof
