// Unit tests for calc/core/money.h (the three exact number kinds and which
// operations between them compile) and calc/core/rounding_policy.h.
#include "core/money.h"

#include <functional>
#include <ostream>
#include <string>
#include <type_traits>

#include <gtest/gtest.h>

#include "core/error.h"
#include "core/rounding_policy.h"

namespace costproof {
namespace {

// ---------------------------------------------------------------- type rules (compile time)

// Allowed operations and their result types.
static_assert(std::is_same_v<std::invoke_result_t<std::multiplies<>, UnitPrice, Quantity>, Money>);
static_assert(std::is_same_v<std::invoke_result_t<std::multiplies<>, Money, Quantity>, Money>);
static_assert(std::is_same_v<std::invoke_result_t<std::plus<>, Money, Money>, Money>);
static_assert(std::is_same_v<std::invoke_result_t<std::minus<>, Money, Money>, Money>);
static_assert(std::is_same_v<std::invoke_result_t<std::multiplies<>, Quantity, Quantity>, Quantity>);

// A price is not an amount: none of these may compile.
static_assert(!std::is_invocable_v<std::plus<>, Money, UnitPrice>);
static_assert(!std::is_invocable_v<std::plus<>, UnitPrice, Money>);
static_assert(!std::is_invocable_v<std::minus<>, Money, UnitPrice>);
static_assert(!std::is_invocable_v<std::plus<>, Money, Decimal>);
static_assert(!std::is_invocable_v<std::plus<>, Decimal, Money>);
static_assert(!std::is_invocable_v<std::plus<>, UnitPrice, UnitPrice>);
static_assert(!std::is_invocable_v<std::plus<>, Money, Quantity>);
static_assert(!std::is_invocable_v<std::multiplies<>, Money, Money>);
static_assert(!std::is_invocable_v<std::multiplies<>, Money, UnitPrice>);
static_assert(!std::is_invocable_v<std::multiplies<>, UnitPrice, UnitPrice>);
static_assert(!std::is_invocable_v<std::multiplies<>, Quantity, UnitPrice>);
static_assert(!std::is_invocable_v<std::multiplies<>, Money, Decimal>);
// No implicit conversion from Decimal into the money kinds.
static_assert(!std::is_convertible_v<Decimal, Money>);
static_assert(!std::is_convertible_v<Decimal, UnitPrice>);
static_assert(!std::is_convertible_v<Decimal, Quantity>);
static_assert(!std::is_convertible_v<UnitPrice, Money>);

Decimal d(const char* text) { return Decimal::parse(text); }

// ---------------------------------------------------------------- arithmetic

TEST(MoneyTest, UnitPriceTimesQuantityIsExactMoney) {
  const UnitPrice price{d("0.2016")};
  const Money m = price * Quantity::whole(12) * Quantity::whole(730);
  EXPECT_EQ(m.usd().to_string(), "1766.016");
  EXPECT_EQ(m, Money(d("1766.016")));

  const UnitPrice lambda{d("0.0000166667")};
  EXPECT_EQ((lambda * Quantity(d("400000"))).usd().to_string(), "6.66668");
  EXPECT_EQ((UnitPrice(d("0.17952")) * Quantity(d("8760"))).usd().to_string(), "1572.5952");
}

TEST(MoneyTest, MoneyTimesQuantityIsExact) {
  EXPECT_EQ((Money(d("147.168")) * Quantity::whole(12)).usd().to_string(), "1766.016");
  EXPECT_EQ((Money(d("0.5")) * Quantity(d("0.5"))).usd().to_string(), "0.25");
}

TEST(MoneyTest, MoneyPlusAndMinusMoney) {
  Money total;
  EXPECT_TRUE(total.usd().is_zero());
  total += Money(d("1766.016"));
  total += Money(d("0.004"));
  EXPECT_EQ(total.usd().to_string(), "1766.020");
  EXPECT_EQ((Money(d("1766.016")) - Money(d("1572.5952"))).usd().to_string(), "193.4208");
  EXPECT_EQ((-Money(d("1.5"))).usd().to_string(), "-1.5");
}

TEST(MoneyTest, ComparisonsAcrossScales) {
  EXPECT_EQ(Money(d("1.50")), Money(d("1.5")));
  EXPECT_LT(Money(d("1.5")), Money(d("1.51")));
  EXPECT_EQ(UnitPrice(d("0.201600")), UnitPrice(d("0.2016")));
  EXPECT_GT(UnitPrice(d("0.2016")), UnitPrice(d("0.17952")));
  EXPECT_EQ(Quantity::whole(730), Quantity(d("730.0")));
  EXPECT_LT(Quantity::whole(9), Quantity(d("9.6")));
}

TEST(MoneyTest, QuantityArithmetic) {
  EXPECT_EQ((Quantity::whole(12) * Quantity::whole(730)).value().to_string(), "8760");
  EXPECT_EQ((Quantity(d("365.5")) + Quantity(d("0.5"))).value().to_string(), "366.0");
  EXPECT_EQ((Quantity::whole(10) - Quantity(d("0.4"))).value().to_string(), "9.6");
}

TEST(MoneyTest, UnitPriceKeepsSourcePrecision) {
  const UnitPrice p{d("0.201600")};
  EXPECT_EQ(p.usd_per_unit().to_string(), "0.201600");
}

TEST(MoneyTest, OverflowPropagatesFromMoneyArithmetic) {
  const UnitPrice p{d("99999999999999999999")};
  EXPECT_THROW((void)(p * Quantity(d("99999999999999999999"))), OverflowError);
}

// ---------------------------------------------------------------- rounding policy

TEST(RoundingPolicyTest, DisplayPolicyIsHalfAwayFromZero) {
  EXPECT_EQ(kDisplayRounding.money_places, 2);
  EXPECT_EQ(kDisplayRounding.money_mode, RoundingMode::kHalfUp);
  EXPECT_EQ(kDisplayRounding.percent_places, 1);
  EXPECT_EQ(kDisplayRounding.ratio_places, 4);
  EXPECT_EQ(std::string(kDisplayRounding.name), "cents, half away from zero");
}

struct RoundMoneyCase {
  const char* exact;
  const char* expected;
};

std::ostream& operator<<(std::ostream& os, const RoundMoneyCase& c) {
  return os << "round_money(" << c.exact << ") -> " << c.expected;
}

const RoundMoneyCase kRoundMoneyCases[] = {
    {"1766.016", "1766.02"}, {"0.005", "0.01"},   {"-0.005", "-0.01"}, {"2.675", "2.68"},
    {"0.004", "0.00"},       {"-0.004", "0.00"},  {"1.1", "1.10"},     {"1572.5952", "1572.60"},
    {"193.4208", "193.42"},  {"0", "0.00"},       {"0.0049999", "0.00"}, {"-1234.565", "-1234.57"},
    {"999.995", "1000.00"},  {"12.34", "12.34"},
};

class RoundMoneyTest : public ::testing::TestWithParam<RoundMoneyCase> {};

TEST_P(RoundMoneyTest, RoundsToTheCent) {
  const RoundMoneyCase& c = GetParam();
  EXPECT_EQ(round_money(d(c.exact)).to_string(), c.expected) << "exact " << c.exact;
}

INSTANTIATE_TEST_SUITE_P(KnownAnswers, RoundMoneyTest, ::testing::ValuesIn(kRoundMoneyCases));

struct RatioCase {
  const char* a;
  const char* b;
  const char* percent;  // percent_of(a, b)
  const char* ratio;    // ratio_of(a, b)
};

std::ostream& operator<<(std::ostream& os, const RatioCase& c) {
  return os << "a " << c.a << ", b " << c.b << ": percent_of -> " << c.percent << ", ratio_of -> " << c.ratio;
}

const RatioCase kRatioCases[] = {
    {"193.4208", "1766.016", "11.0", "0.1095"},
    {"0.19568", "0.2244", "87.2", "0.8720"},
    {"1", "3", "33.3", "0.3333"},
    {"2", "3", "66.7", "0.6667"},
    {"-1", "8", "-12.5", "-0.1250"},
    {"1", "1.25", "80.0", "0.8000"},
    {"1", "16", "6.3", "0.0625"},
    {"-1", "16", "-6.3", "-0.0625"},
    {"0", "5", "0.0", "0.0000"},
    {"3", "2", "150.0", "1.5000"},
};

class RatioTest : public ::testing::TestWithParam<RatioCase> {};

TEST_P(RatioTest, PercentAndRatioAtDisplayPrecision) {
  const RatioCase& c = GetParam();
  EXPECT_EQ(percent_of(d(c.a), d(c.b)).to_string(), c.percent) << "percent_of(" << c.a << ", " << c.b << ")";
  EXPECT_EQ(ratio_of(d(c.a), d(c.b)).to_string(), c.ratio) << "ratio_of(" << c.a << ", " << c.b << ")";
}

INSTANTIATE_TEST_SUITE_P(KnownAnswers, RatioTest, ::testing::ValuesIn(kRatioCases));

TEST(RoundingPolicyTest, PercentAndRatioOfZeroWholeThrow) {
  EXPECT_THROW((void)percent_of(d("1"), d("0")), DecimalError);
  EXPECT_THROW((void)ratio_of(d("1"), d("0.00")), DecimalError);
}

}  // namespace
}  // namespace costproof
