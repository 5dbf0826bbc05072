// Unit tests for calc/core/decimal.h: parsing, exact arithmetic, rounding in every
// mode, division, overflow detection and conversions.
#include "core/decimal.h"

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.h"

namespace costproof {
namespace {

const char* mode_name(RoundingMode mode) {
  switch (mode) {
    case RoundingMode::kHalfUp: return "kHalfUp";
    case RoundingMode::kHalfEven: return "kHalfEven";
    case RoundingMode::kUp: return "kUp";
    case RoundingMode::kDown: return "kDown";
    case RoundingMode::kCeiling: return "kCeiling";
    case RoundingMode::kFloor: return "kFloor";
  }
  return "?";
}

Decimal d(const char* text) { return Decimal::parse(text); }

// The message of the DecimalError thrown by parse(text), or "" (and a failure) if none.
std::string parse_error_message(const std::string& text) {
  try {
    const Decimal value = Decimal::parse(text);
    ADD_FAILURE() << "parse(\"" << text << "\") did not throw; got " << value.to_string();
  } catch (const DecimalError& e) {
    return e.what();
  }
  return "";
}

// ---------------------------------------------------------------- parse (valid)

struct ParseCase {
  const char* input;
  const char* to_string;  // expected to_string() of the parsed value
  int scale;
};

std::ostream& operator<<(std::ostream& os, const ParseCase& c) {
  return os << "parse(\"" << c.input << "\") -> \"" << c.to_string << "\" scale " << c.scale;
}

const ParseCase kParseCases[] = {
    {"0", "0", 0},
    {"7", "7", 0},
    {"-0.045", "-0.045", 3},
    {"0.0000166667", "0.0000166667", 10},
    {"0.201600", "0.201600", 6},
    {"1766.016", "1766.016", 3},
    {"-1766.016", "-1766.016", 3},
    {"007", "7", 0},
    {"00.50", "0.50", 2},
    {"-0", "0", 0},
    {"-0.00", "0.00", 2},
    {"123456789012345678901234567890.5", "123456789012345678901234567890.5", 1},
    {"12345678901234567890123456789012345678", "12345678901234567890123456789012345678", 0},
    {"-99999999999999999999999999999999999999", "-99999999999999999999999999999999999999", 0},
    {"0.000000000000000000000000000001", "0.000000000000000000000000000001", 30},
    {"99999999.999999999999999999999999999999", "99999999.999999999999999999999999999999", 30},
};

class DecimalParseValidTest : public ::testing::TestWithParam<ParseCase> {};

TEST_P(DecimalParseValidTest, ParsesAndPrintsAtStoredScale) {
  const ParseCase& c = GetParam();
  const Decimal value = Decimal::parse(c.input);
  EXPECT_EQ(value.to_string(), c.to_string) << "input \"" << c.input << "\"";
  EXPECT_EQ(value.scale(), c.scale) << "input \"" << c.input << "\"";
  // to_string() output parses back to the same value and scale.
  const Decimal again = Decimal::parse(value.to_string());
  EXPECT_EQ(again, value) << "input \"" << c.input << "\"";
  EXPECT_EQ(again.scale(), value.scale()) << "input \"" << c.input << "\"";
}

INSTANTIATE_TEST_SUITE_P(KnownAnswers, DecimalParseValidTest, ::testing::ValuesIn(kParseCases));

// ---------------------------------------------------------------- parse (invalid)

struct ParseErrorCase {
  const char* input;
  const char* reason;  // expected substring of the message, besides the quoted input
};

std::ostream& operator<<(std::ostream& os, const ParseErrorCase& c) {
  return os << "parse(\"" << c.input << "\") must fail with \"" << c.reason << "\"";
}

const ParseErrorCase kParseErrorCases[] = {
    {"", "it is empty"},
    {"-", "it has no digits"},
    {".", "it has no digits"},
    {".5", "no digit before the decimal point"},
    {"-.5", "no digit before the decimal point"},
    {"5.", "no digits after the decimal point"},
    {"1.2.3", "it has two decimal points"},
    {"1e3", "unexpected character 'e'"},
    {"1E3", "unexpected character 'E'"},
    {"+1", "unexpected character '+'"},
    {" 1", "unexpected character ' '"},
    {"1 ", "unexpected character ' '"},
    {"1,000", "unexpected character ','"},
    {"--1", "unexpected character '-'"},
    {"1-", "unexpected character '-'"},
    {"0x10", "unexpected character 'x'"},
    {"NaN", "unexpected character 'N'"},
    {"$1", "unexpected character '$'"},
    {"0.0000000000000000000000000000001", "more than 30 decimal places"},
    {"123456789012345678901234567890123456789", "more than 38 digits"},
};

class DecimalParseInvalidTest : public ::testing::TestWithParam<ParseErrorCase> {};

TEST_P(DecimalParseInvalidTest, ThrowsDecimalErrorNamingTheInput) {
  const ParseErrorCase& c = GetParam();
  const std::string message = parse_error_message(c.input);
  EXPECT_NE(message.find("\"" + std::string(c.input) + "\" is not a decimal number"), std::string::npos)
      << "input \"" << c.input << "\", message: " << message;
  EXPECT_NE(message.find(c.reason), std::string::npos)
      << "input \"" << c.input << "\", expected reason \"" << c.reason << "\", message: " << message;
}

INSTANTIATE_TEST_SUITE_P(KnownAnswers, DecimalParseInvalidTest, ::testing::ValuesIn(kParseErrorCases));

TEST(DecimalTest, ParseErrorIsAnError) {
  EXPECT_THROW(Decimal::parse("abc"), Error);
  EXPECT_THROW(Decimal::parse("abc"), DecimalError);
}

// ---------------------------------------------------------------- arithmetic

TEST(DecimalTest, AdditionIsExact) {
  EXPECT_EQ((d("0.1") + d("0.2")).to_string(), "0.3");
  EXPECT_EQ(d("0.1") + d("0.2"), d("0.3"));
  EXPECT_EQ((d("1.5") + d("0.25")).to_string(), "1.75");
  EXPECT_EQ((d("-1.5") + d("0.25")).to_string(), "-1.25");
  EXPECT_EQ((d("0.0000166667") + d("1")).to_string(), "1.0000166667");
  // The wider scale is kept.
  EXPECT_EQ((d("1.10") + d("2")).to_string(), "3.10");
}

TEST(DecimalTest, SubtractionIsExact) {
  EXPECT_EQ((d("0.3") - d("0.1")).to_string(), "0.2");
  EXPECT_EQ((d("1766.016") - d("1572.5952")).to_string(), "193.4208");
  EXPECT_EQ((d("0.1") - d("0.3")).to_string(), "-0.2");
  EXPECT_EQ((d("5") - d("5")), Decimal::from_int(0));
  EXPECT_TRUE((d("5.00") - d("5")).is_zero());
}

TEST(DecimalTest, CompoundAssignment) {
  Decimal sum;
  for (int i = 0; i < 10; ++i) sum += d("0.1");
  EXPECT_EQ(sum, Decimal::from_int(1));
  EXPECT_EQ(sum.to_string(), "1.0");
  sum -= d("0.25");
  EXPECT_EQ(sum.to_string(), "0.75");
}

TEST(DecimalTest, MultiplicationIsExact) {
  EXPECT_EQ((d("0.0000166667") * Decimal::from_int(400000)).to_string(), "6.66668");
  EXPECT_EQ((d("0.2016") * Decimal::from_int(12) * Decimal::from_int(730)).to_string(), "1766.016");
  EXPECT_EQ((d("0.17952") * Decimal::from_int(12) * Decimal::from_int(730)).to_string(), "1572.5952");
  EXPECT_EQ((d("0.1") * d("0.1")).to_string(), "0.01");
  EXPECT_EQ((d("-1.5") * d("2")).to_string(), "-3");
  EXPECT_EQ((d("-1.5") * d("-1.5")).to_string(), "2.25");
  // Trailing zeros of the operands do not eat scale: 0.201600 x 12 x 730.
  EXPECT_EQ(d("0.201600") * Decimal::from_int(12) * Decimal::from_int(730), d("1766.016"));
}

TEST(DecimalTest, NegationAndAbs) {
  EXPECT_EQ((-d("0.045")).to_string(), "-0.045");
  EXPECT_EQ((-d("-0.045")).to_string(), "0.045");
  EXPECT_EQ(d("-2.50").abs().to_string(), "2.50");
  EXPECT_EQ(d("2.50").abs().to_string(), "2.50");
  EXPECT_TRUE(d("-0.001").is_negative());
  EXPECT_FALSE(d("0").is_negative());
  EXPECT_FALSE(d("-0").is_negative());
}

TEST(DecimalTest, NormalizedDropsTrailingZeros) {
  EXPECT_EQ(d("1.2500").normalized().to_string(), "1.25");
  EXPECT_EQ(d("100").normalized().to_string(), "100");
  EXPECT_EQ(d("100.000").normalized().to_string(), "100");
  EXPECT_EQ(d("0.000").normalized().to_string(), "0");
  EXPECT_EQ(d("0.201600").normalized().scale(), 4);
}

TEST(DecimalTest, IsIntegerIgnoresTrailingZeros) {
  EXPECT_TRUE(d("12").is_integer());
  EXPECT_TRUE(d("12.000").is_integer());
  EXPECT_TRUE(d("-3.0").is_integer());
  EXPECT_FALSE(d("12.5").is_integer());
  EXPECT_FALSE(d("0.001").is_integer());
}

// ---------------------------------------------------------------- comparison

TEST(DecimalTest, ComparesValuesAcrossScales) {
  EXPECT_EQ(d("1.50"), d("1.5"));
  EXPECT_EQ(d("0"), d("0.000"));
  EXPECT_EQ(d("-0"), d("0"));
  EXPECT_NE(d("1.5"), d("1.51"));
  EXPECT_LT(d("1.5"), d("1.51"));
  EXPECT_GT(d("1.51"), d("1.5"));
  EXPECT_LT(d("-0.1"), d("0"));
  EXPECT_LT(d("-2"), d("-1.99"));
  EXPECT_LE(d("2.0"), d("2"));
  EXPECT_GE(d("2.0"), d("2"));
  EXPECT_TRUE((d("0.0000166667") <=> d("0.00001666670")) == 0);
  EXPECT_TRUE((d("0.0000166667") <=> d("0.0000166668")) < 0);
}

TEST(DecimalTest, ComparesExtremeValuesWithoutThrowing) {
  const Decimal big = d("99999999999999999999999999999999999999");
  EXPECT_GT(big, d("0.1"));
  EXPECT_LT(-big, big);
  EXPECT_NE(big, -big);
}

// ---------------------------------------------------------------- rounding

struct RoundingRow {
  const char* value;
  int places;
  // Expected results, in the order of the RoundingMode enumerators:
  // kHalfUp, kHalfEven, kUp, kDown, kCeiling, kFloor.
  const char* expected[6];
};

const RoundingRow kRoundingRows[] = {
    // ties, positive and negative
    {"0.125", 2, {"0.13", "0.12", "0.13", "0.12", "0.13", "0.12"}},
    {"0.135", 2, {"0.14", "0.14", "0.14", "0.13", "0.14", "0.13"}},
    {"-0.125", 2, {"-0.13", "-0.12", "-0.13", "-0.12", "-0.12", "-0.13"}},
    {"-0.135", 2, {"-0.14", "-0.14", "-0.14", "-0.13", "-0.13", "-0.14"}},
    {"2.5", 0, {"3", "2", "3", "2", "3", "2"}},
    {"-2.5", 0, {"-3", "-2", "-3", "-2", "-2", "-3"}},
    {"3.5", 0, {"4", "4", "4", "3", "4", "3"}},
    {"-3.5", 0, {"-4", "-4", "-4", "-3", "-3", "-4"}},
    {"0.5", 0, {"1", "0", "1", "0", "1", "0"}},
    {"-0.5", 0, {"-1", "0", "-1", "0", "0", "-1"}},
    {"2.675", 2, {"2.68", "2.68", "2.68", "2.67", "2.68", "2.67"}},
    {"0.005", 2, {"0.01", "0.00", "0.01", "0.00", "0.01", "0.00"}},
    // non-ties
    {"9.6", 0, {"10", "10", "10", "9", "10", "9"}},
    {"-9.6", 0, {"-10", "-10", "-10", "-9", "-9", "-10"}},
    {"9.4", 0, {"9", "9", "10", "9", "10", "9"}},
    {"-9.4", 0, {"-9", "-9", "-10", "-9", "-9", "-10"}},
    {"1.0049", 2, {"1.00", "1.00", "1.01", "1.00", "1.01", "1.00"}},
    {"-1.0049", 2, {"-1.00", "-1.00", "-1.01", "-1.00", "-1.00", "-1.01"}},
    {"1.0051", 2, {"1.01", "1.01", "1.01", "1.00", "1.01", "1.00"}},
    {"0.126", 2, {"0.13", "0.13", "0.13", "0.12", "0.13", "0.12"}},
    {"-0.124", 2, {"-0.12", "-0.12", "-0.13", "-0.12", "-0.12", "-0.13"}},
    {"0.2", 0, {"0", "0", "1", "0", "1", "0"}},
    {"-0.2", 0, {"0", "0", "-1", "0", "0", "-1"}},
    {"1766.016", 2, {"1766.02", "1766.02", "1766.02", "1766.01", "1766.02", "1766.01"}},
    {"0.1249999", 2, {"0.12", "0.12", "0.13", "0.12", "0.13", "0.12"}},
    {"0.1250001", 2, {"0.13", "0.13", "0.13", "0.12", "0.13", "0.12"}},
    // already representable: unchanged, scale padded or kept
    {"1.20", 2, {"1.20", "1.20", "1.20", "1.20", "1.20", "1.20"}},
    {"1.2", 4, {"1.2000", "1.2000", "1.2000", "1.2000", "1.2000", "1.2000"}},
    {"-7", 1, {"-7.0", "-7.0", "-7.0", "-7.0", "-7.0", "-7.0"}},
    {"0", 2, {"0.00", "0.00", "0.00", "0.00", "0.00", "0.00"}},
    {"12.000", 0, {"12", "12", "12", "12", "12", "12"}},
};

constexpr RoundingMode kAllModes[] = {RoundingMode::kHalfUp, RoundingMode::kHalfEven, RoundingMode::kUp,
                                      RoundingMode::kDown,   RoundingMode::kCeiling,  RoundingMode::kFloor};

struct RoundingCase {
  const char* value;
  int places;
  RoundingMode mode;
  const char* expected;
};

std::ostream& operator<<(std::ostream& os, const RoundingCase& c) {
  return os << "\"" << c.value << "\".rounded(" << c.places << ", " << mode_name(c.mode) << ") -> \""
            << c.expected << "\"";
}

std::vector<RoundingCase> rounding_cases() {
  std::vector<RoundingCase> out;
  for (const RoundingRow& row : kRoundingRows)
    for (std::size_t m = 0; m < 6; ++m) out.push_back({row.value, row.places, kAllModes[m], row.expected[m]});
  return out;
}

class DecimalRoundingTest : public ::testing::TestWithParam<RoundingCase> {};

TEST_P(DecimalRoundingTest, RoundsToKnownAnswer) {
  const RoundingCase& c = GetParam();
  const Decimal actual = Decimal::parse(c.value).rounded(c.places, c.mode);
  EXPECT_EQ(actual.to_string(), c.expected)
      << "value " << c.value << ", places " << c.places << ", mode " << mode_name(c.mode);
  EXPECT_EQ(actual.scale(), c.places);
}

INSTANTIATE_TEST_SUITE_P(EveryMode, DecimalRoundingTest, ::testing::ValuesIn(rounding_cases()));

TEST(DecimalTest, RoundsHalfUpAwayFromZero) {
  EXPECT_EQ(d("0.125").rounded(2, RoundingMode::kHalfUp).to_string(), "0.13");
  EXPECT_EQ(d("-0.125").rounded(2, RoundingMode::kHalfUp).to_string(), "-0.13");
}

TEST(DecimalTest, RoundingToMoreThanMaxScaleOverflows) {
  EXPECT_THROW((void)d("1").rounded(kMaxDecimalScale + 1, RoundingMode::kHalfUp), OverflowError);
  EXPECT_EQ(d("1").rounded(kMaxDecimalScale, RoundingMode::kHalfUp).scale(), kMaxDecimalScale);
}

// ---------------------------------------------------------------- divide

struct DivideCase {
  const char* a;
  const char* b;
  int places;
  RoundingMode mode;
  const char* expected;
};

std::ostream& operator<<(std::ostream& os, const DivideCase& c) {
  return os << "divide(" << c.a << ", " << c.b << ", " << c.places << ", " << mode_name(c.mode) << ") -> "
            << c.expected;
}

const DivideCase kDivideCases[] = {
    {"1", "3", 4, RoundingMode::kHalfUp, "0.3333"},
    {"2", "3", 4, RoundingMode::kHalfUp, "0.6667"},
    {"2", "3", 4, RoundingMode::kDown, "0.6666"},
    {"2", "3", 0, RoundingMode::kHalfUp, "1"},
    {"1", "3", 2, RoundingMode::kUp, "0.34"},
    {"1", "-3", 4, RoundingMode::kHalfUp, "-0.3333"},
    {"-2", "3", 4, RoundingMode::kHalfUp, "-0.6667"},
    {"-2", "-3", 4, RoundingMode::kHalfUp, "0.6667"},
    {"2", "-3", 4, RoundingMode::kFloor, "-0.6667"},
    {"2", "-3", 4, RoundingMode::kCeiling, "-0.6666"},
    {"-1", "3", 2, RoundingMode::kFloor, "-0.34"},
    {"-1", "3", 2, RoundingMode::kCeiling, "-0.33"},
    {"1", "8", 2, RoundingMode::kHalfUp, "0.13"},
    {"1", "8", 2, RoundingMode::kHalfEven, "0.12"},
    {"3", "8", 2, RoundingMode::kHalfEven, "0.38"},
    {"-1", "8", 2, RoundingMode::kHalfUp, "-0.13"},
    {"10", "4", 0, RoundingMode::kHalfEven, "2"},
    {"10", "4", 1, RoundingMode::kHalfEven, "2.5"},
    {"7", "0.5", 2, RoundingMode::kHalfUp, "14.00"},
    {"1766.016", "12", 3, RoundingMode::kHalfUp, "147.168"},
    {"0.19568", "0.2244", 4, RoundingMode::kHalfUp, "0.8720"},
    {"1200", "125", 6, RoundingMode::kUp, "9.600000"},
    {"1000", "120", 6, RoundingMode::kUp, "8.333334"},
    {"0.0000166667", "0.0000000001", 0, RoundingMode::kHalfUp, "166667"},
    {"0", "7", 3, RoundingMode::kUp, "0.000"},
};

class DecimalDivideTest : public ::testing::TestWithParam<DivideCase> {};

TEST_P(DecimalDivideTest, DividesToKnownAnswer) {
  const DivideCase& c = GetParam();
  const Decimal actual = Decimal::divide(d(c.a), d(c.b), c.places, c.mode);
  EXPECT_EQ(actual.to_string(), c.expected) << c.a << " / " << c.b << " at " << c.places << " places, "
                                            << mode_name(c.mode);
}

INSTANTIATE_TEST_SUITE_P(KnownAnswers, DecimalDivideTest, ::testing::ValuesIn(kDivideCases));

TEST(DecimalTest, DivisionByZeroThrows) {
  try {
    (void)Decimal::divide(d("1"), d("0.00"), 2, RoundingMode::kHalfUp);
    ADD_FAILURE() << "divide by zero did not throw";
  } catch (const DecimalError& e) {
    EXPECT_NE(std::string(e.what()).find("division by zero"), std::string::npos) << e.what();
  }
  EXPECT_THROW(Decimal::divide(d("0"), d("0"), 0, RoundingMode::kDown), DecimalError);
}

TEST(DecimalTest, DivisionRoundsNearTheInt128Limit) {
  const Decimal a = d("90000000000000000000000000000000000000");
  const Decimal b = d("99999999999999999999999999999999999999");
  EXPECT_EQ(Decimal::divide(a, b, 0, RoundingMode::kHalfUp).to_string(), "1");
}

TEST(DecimalTest, DivisionWhoseScalingDoesNotFitThrowsOverflow) {
  EXPECT_THROW(Decimal::divide(d("1"), d("0.000000000000000000000000000003"), 9, RoundingMode::kHalfUp),
               OverflowError);
}

// ---------------------------------------------------------------- overflow

TEST(DecimalTest, MultiplicationOverflowThrows) {
  const Decimal big = d("99999999999999999999");
  EXPECT_THROW(big * big * big, OverflowError);
  EXPECT_THROW(big * big, OverflowError);  // ~1e40 > 1.7e38
  try {
    (void)(big * big);
  } catch (const OverflowError& e) {
    EXPECT_NE(std::string(e.what()).find("number too large for exact arithmetic (multiplication)"),
              std::string::npos)
        << e.what();
  }
  // 10^19 x 10^18 = 10^37 still fits.
  EXPECT_EQ((d("10000000000000000000") * d("1000000000000000000")).to_string(),
            "10000000000000000000000000000000000000");
}

TEST(DecimalTest, MultiplicationBeyondMaxScaleThrows) {
  // 1e-16 x 1e-16 = 1e-32: more places than a Decimal keeps exactly.
  EXPECT_THROW(d("0.0000000000000001") * d("0.0000000000000001"), OverflowError);
  EXPECT_EQ((d("0.000000000000001") * d("0.000000000000001")).to_string(), "0.000000000000000000000000000001");
}

TEST(DecimalTest, AdditionOverflowThrows) {
  const Decimal big = d("99999999999999999999999999999999999999");
  EXPECT_THROW(big + big, OverflowError);
  EXPECT_THROW(-big - big, OverflowError);
  // Aligning scales can overflow too: 38 nines cannot be held at one decimal place.
  EXPECT_THROW(big + d("0.1"), OverflowError);
  // Within range it is exact.
  EXPECT_EQ((big - big).to_string(), "0");
  EXPECT_EQ((d("50000000000000000000000000000000000000") + d("50000000000000000000000000000000000000")).to_string(),
            "100000000000000000000000000000000000000");
}

// ---------------------------------------------------------------- conversions

TEST(DecimalTest, FromIntRoundTrips) {
  EXPECT_EQ(Decimal::from_int(0).to_string(), "0");
  EXPECT_EQ(Decimal::from_int(-42).to_string(), "-42");
  EXPECT_EQ(Decimal::from_int(INT64_MAX).to_string(), "9223372036854775807");
  EXPECT_EQ(Decimal::from_int(INT64_MIN).to_string(), "-9223372036854775808");
  EXPECT_EQ(Decimal::from_int(INT64_MIN).to_int64(), INT64_MIN);
  EXPECT_EQ(Decimal::from_int(INT64_MAX).to_int64(), INT64_MAX);
}

TEST(DecimalTest, ToInt64OfWholeNumbers) {
  EXPECT_EQ(d("42").to_int64(), 42);
  EXPECT_EQ(d("-7.000").to_int64(), -7);
  EXPECT_EQ(d("0.0").to_int64(), 0);
  EXPECT_EQ(d("1000000").to_int64(), 1000000);
}

TEST(DecimalTest, ToInt64RefusesFractions) {
  try {
    (void)d("1.5").to_int64();
    ADD_FAILURE() << "to_int64 of 1.5 did not throw";
  } catch (const DecimalError& e) {
    EXPECT_NE(std::string(e.what()).find("1.5 is not a whole number"), std::string::npos) << e.what();
  }
  EXPECT_THROW((void)d("-0.001").to_int64(), DecimalError);
}

TEST(DecimalTest, ToInt64RefusesValuesOutsideInt64) {
  // Whatever the type, it must throw rather than truncate.
  EXPECT_THROW((void)d("9223372036854775808").to_int64(), Error);
  EXPECT_THROW((void)d("-9223372036854775809").to_int64(), Error);
}

TEST(DecimalTest, ToInt64OutOfRangeThrowsOverflowErrorAsDocumented) {
  EXPECT_THROW((void)d("9223372036854775808").to_int64(), OverflowError);
  EXPECT_THROW((void)d("-9223372036854775809").to_int64(), OverflowError);
}

}  // namespace
}  // namespace costproof
