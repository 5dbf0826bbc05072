// Unit tests for calc/claims/expression.h: exact rationals, the display rule (exact
// "=" or policy-rounded "≈"), and expressions over named operands.
#include "claims/expression.h"

#include <string>

#include <gtest/gtest.h>

namespace costproof {
namespace {

Rational R(const char* text) { return Rational::from_decimal(Decimal::parse(text)); }

TEST(RationalTest, ArithmeticIsExact) {
  EXPECT_EQ(R("0.1") + R("0.2"), R("0.3"));
  EXPECT_EQ(R("1") / R("3") * R("3"), R("1"));
  EXPECT_EQ(R("2.517") / R("1.299") * R("1.299"), R("2.517"));
  EXPECT_EQ(-R("1.5"), R("-1.5"));
  EXPECT_TRUE(R("1") / R("3") < R("0.3334"));
  EXPECT_TRUE(R("1") / R("3") > R("0.3333"));
}

TEST(RationalTest, DivisionByZeroIsRefused) { EXPECT_THROW(R("1") / R("0"), DecimalError); }

TEST(RationalTest, OverflowIsRefusedNotWrapped) {
  Rational big = R("10000000000000000000");  // 1e19
  EXPECT_THROW(big * big * big, OverflowError);
}

TEST(RationalTest, ExactDecimalOnlyWhenTerminating) {
  EXPECT_EQ((R("362.448") / R("1")).exact_decimal()->to_string(), "362.448");
  EXPECT_EQ((R("1") / R("8")).exact_decimal()->to_string(), "0.125");
  EXPECT_FALSE((R("1") / R("3")).exact_decimal().has_value());
}

// Known answers for the display rule: exact values print with "=", others with
// "≈" rounded by the policy of rounding_policy.h.
TEST(DisplayTest, ExactAndRoundedValues) {
  EXPECT_EQ(display(R("144") * R("2.517"), DisplayUnit::kPlain).equals_text(), "= 362.448");
  EXPECT_EQ(display(R("362448") / R("83136"), DisplayUnit::kPlain).equals_text(), "≈ 4.3597 (rounded to 4 places)");
  EXPECT_EQ(display(R("2517") / R("1299"), DisplayUnit::kPlain).equals_text(), "≈ 1.9376 (rounded to 4 places)");
  EXPECT_EQ(display(R("0.045") * R("730"), DisplayUnit::kUsd).equals_text(), "= $32.85");
  EXPECT_EQ(display(R("2") / R("3"), DisplayUnit::kUsd).equals_text(), "≈ $0.67 (rounded to the cent)");
  // (1 − 0.19568 ÷ (0.17952 × 1.25)) × 100 = 12.7985…: 12.8 at 0.1 point.
  const Rational saving = (R("1") - R("0.19568") / (R("0.17952") * R("1.25"))) * R("100");
  EXPECT_EQ(display(saving, DisplayUnit::kPercent).equals_text(), "≈ 12.8 (rounded to 0.1 point)");
}

TEST(ExpressionTest, EvaluatesAndRendersWithOperandValues) {
  const Expression e = Expression::parse("(trn3_chips * trn3_tflops) / (trn2_chips * trn2_tflops)");
  EXPECT_EQ(e.names(), (std::vector<std::string>{"trn3_chips", "trn3_tflops", "trn2_chips", "trn2_tflops"}));
  const std::map<std::string, Rational> values = {
      {"trn3_chips", R("144")}, {"trn3_tflops", R("2517")}, {"trn2_chips", R("64")}, {"trn2_tflops", R("1299")}};
  EXPECT_EQ(e.evaluate(values), R("362448") / R("83136"));
  EXPECT_EQ(e.render({{"trn3_chips", "144"}, {"trn3_tflops", "2,517"}, {"trn2_chips", "64"}, {"trn2_tflops", "1,299"}}),
            "(144 × 2,517) ÷ (64 × 1,299)");
}

TEST(ExpressionTest, PrecedenceAndUnaryMinus) {
  EXPECT_EQ(Expression::parse("1 + 2 * 3").evaluate({}), R("7"));
  EXPECT_EQ(Expression::parse("(1 + 2) * 3").evaluate({}), R("9"));
  EXPECT_EQ(Expression::parse("10 - 4 - 3").evaluate({}), R("3"));
  EXPECT_EQ(Expression::parse("12 / 4 / 3").evaluate({}), R("1"));
  EXPECT_EQ(Expression::parse("-2 * -3").evaluate({}), R("6"));
  EXPECT_EQ(Expression::parse("(1 - 1 / (1 + 25 / 100)) * 100").evaluate({}), R("20"));
  EXPECT_EQ(Expression::parse("a - b").render({{"a", "5"}, {"b", "3"}}), "5 − 3");
}

TEST(ExpressionTest, SyntaxErrorsNameThePosition) {
  try {
    Expression::parse("a * (b + 1");
    FAIL() << "no error";
  } catch (const ExpressionError& e) {
    EXPECT_NE(std::string(e.what()).find("expected \")\""), std::string::npos) << e.what();
  }
  EXPECT_THROW(Expression::parse("a $ b"), ExpressionError);
  EXPECT_THROW(Expression::parse(""), ExpressionError);
  EXPECT_THROW(Expression::parse("Trn3"), ExpressionError);  // names are lower case
  EXPECT_THROW(Expression::parse("x").evaluate({}), ExpressionError);
}

TEST(ExpressionTest, DivisionByZeroIsAnExpressionErrorNamingTheDivisor) {
  const Expression e = Expression::parse("a / (b - b)");
  try {
    (void)e.evaluate({{"a", R("2")}, {"b", R("3")}});
    FAIL() << "no error";
  } catch (const ExpressionError& err) {
    EXPECT_NE(std::string(err.what()).find("division by zero: the divisor (b − b) is 0"), std::string::npos)
        << err.what();
  }
}

TEST(ExpressionTest, NestingAndLengthAreCapped) {
  // 100,000 nested parentheses once overflowed the stack; now the 33rd level is refused.
  const std::string deep = std::string(100000, '(') + "a" + std::string(100000, ')');
  EXPECT_THROW(Expression::parse(deep), ExpressionError);
  const std::string ok = std::string(kMaxExpressionDepth, '(') + "a" + std::string(kMaxExpressionDepth, ')');
  EXPECT_NO_THROW(Expression::parse(ok));
  const std::string levels = std::string(kMaxExpressionDepth + 1, '(') + "a" + std::string(kMaxExpressionDepth + 1, ')');
  try {
    Expression::parse(levels);
    FAIL() << "no error";
  } catch (const ExpressionError& err) {
    EXPECT_NE(std::string(err.what()).find("nest more than 32 levels"), std::string::npos) << err.what();
  }
  EXPECT_THROW(Expression::parse(std::string(kMaxExpressionDepth + 1, '-') + "a"), ExpressionError);
  std::string chain = "a";
  while (chain.size() <= kMaxExpressionLength) chain += " + a";
  EXPECT_THROW(Expression::parse(chain), ExpressionError);
}

}  // namespace
}  // namespace costproof
