#include "core/decimal.h"

#include <algorithm>

#include "core/error.h"

namespace costproof {
namespace {

[[noreturn]] void overflow(const char* what);

// 10^n for n in [0, 38]; 10^38 < 2^127. Larger n does not fit: OverflowError.
Int128 pow10(int n) {
  if (n > 38) overflow("more than 38 digits");
  Int128 result = 1;
  for (int i = 0; i < n; ++i) result *= 10;
  return result;
}

[[noreturn]] void overflow(const char* what) {
  throw OverflowError(std::string("number too large for exact arithmetic (") + what +
                      "): the result would exceed about 1.7e38 units of its last decimal place; check the "
                      "quantities for an extra zero or a wrong unit");
}

Int128 checked_mul(Int128 a, Int128 b, const char* what) {
  Int128 r;
  if (__builtin_mul_overflow(a, b, &r)) overflow(what);
  return r;
}

Int128 checked_add(Int128 a, Int128 b, const char* what) {
  Int128 r;
  if (__builtin_add_overflow(a, b, &r)) overflow(what);
  return r;
}

// Rounds numerator/denominator (denominator > 0) to an integer with `mode`.
Int128 round_quotient(Int128 numerator, Int128 denominator, RoundingMode mode) {
  Int128 q = numerator / denominator;  // truncates toward zero
  Int128 r = numerator % denominator;  // same sign as numerator
  if (r == 0) return q;
  const bool negative = numerator < 0;
  const Int128 abs_r = r < 0 ? -r : r;
  // Compare the remainder with the rest of the step (abs_r vs denominator - abs_r)
  // instead of 2 * abs_r vs denominator, which could overflow near 2^127.
  const Int128 rest = denominator - abs_r;
  bool away = false;  // move one step away from zero?
  switch (mode) {
    case RoundingMode::kHalfUp:
      away = abs_r >= rest;
      break;
    case RoundingMode::kHalfEven:
      away = abs_r > rest || (abs_r == rest && (q % 2 != 0));
      break;
    case RoundingMode::kUp:
      away = true;
      break;
    case RoundingMode::kDown:
      away = false;
      break;
    case RoundingMode::kCeiling:
      away = !negative;
      break;
    case RoundingMode::kFloor:
      away = negative;
      break;
  }
  if (away) q += negative ? -1 : 1;
  return q;
}

}  // namespace

Decimal Decimal::parse(std::string_view text) {
  const std::string shown(text);
  auto fail = [&](const std::string& why) -> Decimal {
    throw DecimalError("\"" + shown + "\" is not a decimal number: " + why +
                       " (write plain digits with an optional '-' and '.', e.g. \"0.045\")");
  };
  if (text.empty()) return fail("it is empty");
  std::size_t i = 0;
  bool negative = false;
  if (text[0] == '-') {
    negative = true;
    i = 1;
  }
  Int128 coefficient = 0;
  int scale = 0;
  bool seen_point = false;
  int digits = 0;
  int digits_after_point = 0;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.') {
      if (seen_point) return fail("it has two decimal points");
      seen_point = true;
      continue;
    }
    if (c < '0' || c > '9') return fail(std::string("unexpected character '") + c + "'");
    ++digits;
    if (seen_point) ++digits_after_point;
    if (digits > 38) return fail("more than 38 digits");
    coefficient = coefficient * 10 + (c - '0');
    if (seen_point) ++scale;
  }
  if (digits == 0) return fail("it has no digits");
  if (seen_point && digits_after_point == 0) return fail("no digits after the decimal point");
  if (text[negative ? 1 : 0] == '.') return fail("no digit before the decimal point");
  if (scale > kMaxDecimalScale) return fail("more than 30 decimal places");
  return Decimal(negative ? -coefficient : coefficient, scale);
}

Decimal Decimal::from_int(std::int64_t value) { return Decimal(value, 0); }

Decimal Decimal::from_scaled(Int128 coefficient, int scale) {
  if (scale < 0 || scale > kMaxDecimalScale) overflow("too many decimal places");
  return Decimal(coefficient, scale);
}

Decimal Decimal::rescaled_up(int new_scale) const {
  if (new_scale > kMaxDecimalScale) overflow("too many decimal places");
  return Decimal(checked_mul(coefficient_, pow10(new_scale - scale_), "rescale"), new_scale);
}

Decimal Decimal::operator+(const Decimal& other) const {
  const int s = std::max(scale_, other.scale_);
  const Decimal a = rescaled_up(s);
  const Decimal b = other.rescaled_up(s);
  return Decimal(checked_add(a.coefficient_, b.coefficient_, "addition"), s);
}

Decimal Decimal::operator-() const { return Decimal(-coefficient_, scale_); }

Decimal Decimal::operator-(const Decimal& other) const { return *this + (-other); }

Decimal Decimal::operator*(const Decimal& other) const {
  const Decimal a = normalized();
  const Decimal b = other.normalized();
  const int s = a.scale_ + b.scale_;
  if (s > kMaxDecimalScale) overflow("too many decimal places");
  return Decimal(checked_mul(a.coefficient_, b.coefficient_, "multiplication"), s).normalized();
}

Decimal Decimal::divide(const Decimal& a, const Decimal& b, int places, RoundingMode mode) {
  if (b.is_zero()) throw DecimalError("division by zero");
  // a / b = (ca / 10^sa) / (cb / 10^sb); result scaled by 10^places:
  // (ca * 10^(sb + places)) / (cb * 10^sa)
  Int128 numerator = checked_mul(a.coefficient_, pow10(b.scale_ + places), "division");
  Int128 denominator = checked_mul(b.coefficient_, pow10(a.scale_), "division");
  if (denominator < 0) {
    numerator = -numerator;
    denominator = -denominator;
  }
  return Decimal(round_quotient(numerator, denominator, mode), places);
}

Decimal Decimal::rounded(int places, RoundingMode mode) const {
  if (places >= scale_) return rescaled_up(places);
  return Decimal(round_quotient(coefficient_, pow10(scale_ - places), mode), places);
}

Decimal Decimal::normalized() const {
  Decimal d = *this;
  while (d.scale_ > 0 && d.coefficient_ % 10 == 0) {
    d.coefficient_ /= 10;
    --d.scale_;
  }
  return d;
}

bool Decimal::is_integer() const { return normalized().scale_ == 0; }

std::strong_ordering Decimal::operator<=>(const Decimal& other) const {
  // Never subtracts (that could overflow): signs first, then magnitudes at a common scale.
  const int sign_a = coefficient_ < 0 ? -1 : (coefficient_ > 0 ? 1 : 0);
  const int sign_b = other.coefficient_ < 0 ? -1 : (other.coefficient_ > 0 ? 1 : 0);
  if (sign_a != sign_b) return sign_a <=> sign_b;
  if (sign_a == 0) return std::strong_ordering::equal;
  const Decimal a = normalized();
  const Decimal b = other.normalized();
  // Rescale the one with fewer places; if that overflows, its magnitude is the larger one.
  Int128 ca = a.coefficient_, cb = b.coefficient_;
  if (a.scale_ < b.scale_) {
    if (__builtin_mul_overflow(ca, pow10(b.scale_ - a.scale_), &ca))
      return sign_a > 0 ? std::strong_ordering::greater : std::strong_ordering::less;
  } else if (b.scale_ < a.scale_) {
    if (__builtin_mul_overflow(cb, pow10(a.scale_ - b.scale_), &cb))
      return sign_a > 0 ? std::strong_ordering::less : std::strong_ordering::greater;
  }
  return ca <=> cb;
}

std::string Decimal::to_string() const {
  const bool negative = coefficient_ < 0;
  // Work on the magnitude as unsigned to cover the most negative coefficient.
  UInt128 magnitude = negative ? static_cast<UInt128>(-(coefficient_ + 1)) + 1
                                         : static_cast<UInt128>(coefficient_);
  std::string digits;
  do {
    digits.push_back(static_cast<char>('0' + static_cast<int>(magnitude % 10)));
    magnitude /= 10;
  } while (magnitude != 0);
  while (static_cast<int>(digits.size()) <= scale_) digits.push_back('0');
  std::reverse(digits.begin(), digits.end());
  if (scale_ > 0) digits.insert(digits.end() - scale_, '.');
  return negative ? "-" + digits : digits;
}

std::int64_t Decimal::to_int64() const {
  const Decimal n = normalized();
  if (n.scale_ != 0) throw DecimalError(to_string() + " is not a whole number");
  if (n.coefficient_ > INT64_MAX || n.coefficient_ < INT64_MIN)
    throw OverflowError(to_string() + " does not fit a 64-bit integer");
  return static_cast<std::int64_t>(n.coefficient_);
}

}  // namespace costproof
