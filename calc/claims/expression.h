// Exact arithmetic for claim checks: rational numbers and small expressions
// over named operands, printed so that every equation re-checks by hand.
//
// A claim's arithmetic ("4x performance" of a 144-chip UltraServer against a
// 64-chip one) is written as an expression over named, sourced operands:
//
//   Expression e = Expression::parse("(trn3_chips * trn3_pf) / (trn2_chips * trn2_pf)");
//   Rational r = e.evaluate({{"trn3_chips", 144}, {"trn3_pf", 2.517}, ...});   // 362448/83136, exactly
//   e.render({{"trn3_chips", "144"}, ...})  == "(144 × 2.517) ÷ (64 × 1.299)"
//
// Division is exact here (a Rational keeps numerator and denominator), so
// nothing is rounded while checking. A result is shown exactly when it is a
// terminating decimal, otherwise rounded once by the display policy
// (rounding_policy.h) and printed as "≈ 4.3597 (rounded to 4 places)".
#pragma once

#include <compare>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/decimal.h"
#include "core/error.h"

namespace costproof {

// A syntax error in an expression, or a name with no value. The message
// names the position; the caller adds the file and JSON pointer.
class ExpressionError : public Error {
 public:
  using Error::Error;
};

// An exact fraction num/den with den > 0, always in lowest terms.
// Every operation checks for overflow (OverflowError) and division by zero (DecimalError).
class Rational {
 public:
  Rational() = default;
  static Rational from_decimal(const Decimal& value);
  static Rational from_int(std::int64_t value);

  Rational operator+(const Rational& o) const;
  Rational operator-(const Rational& o) const;
  Rational operator*(const Rational& o) const;
  Rational operator/(const Rational& o) const;
  Rational operator-() const;
  std::strong_ordering operator<=>(const Rational& o) const;
  bool operator==(const Rational& o) const { return (*this <=> o) == 0; }

  bool is_negative() const { return num_ < 0; }
  Rational abs() const { return is_negative() ? -*this : *this; }
  // The exact decimal value, if the fraction terminates within kMaxDecimalScale places.
  std::optional<Decimal> exact_decimal() const;
  // num / den rounded to `places` with `mode` (Decimal::divide).
  Decimal divided(int places, RoundingMode mode) const;
  Decimal numerator() const;
  Decimal denominator() const;

 private:
  Rational(Int128 num, Int128 den);
  Int128 num_ = 0;
  Int128 den_ = 1;
};

// How a computed value is displayed when it does not terminate. Each maps to
// one helper of rounding_policy.h.
enum class DisplayUnit {
  kPlain,    // ratio_of: 4 places, "(rounded to 4 places)"
  kPercent,  // percent_of: 0.1 point, "(rounded to 0.1 point)"
  kUsd,      // the money places and mode of kDisplayRounding, "(rounded to the cent)"
};

// A value as printed: "= 362.448" or "≈ 4.3597 (rounded to 4 places)".
struct DisplayedValue {
  Decimal shown;     // the exact value, or the rounded one
  bool exact = true;
  std::string text;  // "362.448", "$32.85", "4.3597"
  std::string equals_text() const;  // "= 362.448" / "≈ 4.3597 (rounded to 4 places)"
  std::string rounding_note;        // "rounded to 4 places" when !exact
};
DisplayedValue display(const Rational& value, DisplayUnit unit);

// Limits that keep parsing and evaluation (both recursive) far from the stack's end.
inline constexpr std::size_t kMaxExpressionLength = 2000;  // characters
inline constexpr std::size_t kMaxExpressionDepth = 32;     // nested "(" and unary "-"

class Expression {
 public:
  struct Node;
  // Grammar: sum := product (("+"|"-") product)*; product := factor (("*"|"/") factor)*;
  // factor := "-" factor | number | name | "(" sum ")". Numbers are plain decimals ("2.517");
  // names are [a-z_][a-z0-9_]*. Throws ExpressionError (also beyond
  // kMaxExpressionLength or kMaxExpressionDepth).
  static Expression parse(std::string_view text);

  // The names used, each once, in order of first use.
  std::vector<std::string> names() const;
  // Throws ExpressionError for a name with no value or a divisor that is 0.
  Rational evaluate(const std::map<std::string, Rational>& values) const;
  // The expression with each name replaced by its text and × ÷ − for * / -,
  // keeping the parentheses as written: "(144 × 2.517) ÷ (64 × 1.299)".
  std::string render(const std::map<std::string, std::string>& texts) const;
  const std::string& source_text() const { return text_; }

 private:
  std::string text_;
  std::shared_ptr<const Node> root_;
};

}  // namespace costproof
