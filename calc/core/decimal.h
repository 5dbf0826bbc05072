// Exact base-10 numbers for prices, quantities and money.
//
// A Decimal is coefficient × 10^-scale with a signed 128-bit coefficient, so
// "0.0000166667" is held exactly as 166667 × 10^-10 (a binary double cannot
// hold it). Addition, subtraction and multiplication are exact; an operation
// whose exact result does not fit throws OverflowError instead of wrapping.
// Division is never exact by accident: it always takes an explicit number of
// places and a RoundingMode.
//
// Example:
//   Decimal price = Decimal::parse("0.2016");
//   Decimal cost  = price * Decimal::from_int(12) * Decimal::from_int(730);
//   cost.to_string()  == "1766.016"
//   cost.rounded(2, RoundingMode::kHalfUp).to_string() == "1766.02"
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace costproof {

__extension__ typedef __int128 Int128;
__extension__ typedef unsigned __int128 UInt128;

// How a value that falls between two representable results is resolved.
enum class RoundingMode {
  kHalfUp,    // ties away from zero: 0.125 -> 0.13, -0.125 -> -0.13
  kHalfEven,  // ties to the even digit: 0.125 -> 0.12, 0.135 -> 0.14
  kUp,        // away from zero (ceiling for positives): 9.6 -> 10
  kDown,      // toward zero (truncate): 9.6 -> 9
  kCeiling,   // toward +infinity: -9.6 -> -9
  kFloor,     // toward -infinity: -9.6 -> -10
};

// Largest number of decimal places a Decimal keeps exactly.
inline constexpr int kMaxDecimalScale = 30;

class Decimal {
 public:
  constexpr Decimal() = default;

  // Parses "123", "-0.045", "0.201600" (trailing zeros are kept in scale()).
  // No exponent, no thousands separators, no leading '+'. Throws DecimalError.
  static Decimal parse(std::string_view text);
  static Decimal from_int(std::int64_t value);
  // coefficient x 10^-scale, for code that computes on fixed-scale integers (the Savings Plan
  // optimiser) and reports Decimals. `scale` in [0, kMaxDecimalScale]; throws OverflowError otherwise.
  static Decimal from_scaled(Int128 coefficient, int scale);

  Decimal operator+(const Decimal& other) const;
  Decimal operator-(const Decimal& other) const;
  Decimal operator*(const Decimal& other) const;
  Decimal operator-() const;
  Decimal& operator+=(const Decimal& other) { return *this = *this + other; }
  Decimal& operator-=(const Decimal& other) { return *this = *this - other; }

  // a / b rounded to `places` decimal places with `mode`. Throws DecimalError on b == 0.
  static Decimal divide(const Decimal& a, const Decimal& b, int places, RoundingMode mode);

  // This value rounded to `places` (0 = whole number) with `mode`.
  [[nodiscard]] Decimal rounded(int places, RoundingMode mode) const;
  // Same value with trailing fractional zeros removed: 1.2500 -> 1.25.
  [[nodiscard]] Decimal normalized() const;

  std::strong_ordering operator<=>(const Decimal& other) const;
  bool operator==(const Decimal& other) const { return (*this <=> other) == 0; }

  bool is_zero() const { return coefficient_ == 0; }
  bool is_negative() const { return coefficient_ < 0; }
  bool is_integer() const;
  int scale() const { return scale_; }
  // The stored integer: value = coefficient() x 10^-scale() (trailing zeros kept, like scale()).
  Int128 coefficient() const { return coefficient_; }
  Decimal abs() const { return is_negative() ? -*this : *this; }

  // Plain text, no separators: "-1766.016". Keeps the stored scale.
  std::string to_string() const;
  // The value as int64: DecimalError if it is not a whole number, OverflowError if it does not fit.
  std::int64_t to_int64() const;

 private:
  constexpr Decimal(Int128 coefficient, int scale) : coefficient_(coefficient), scale_(scale) {}
  // Same value at a larger scale; throws OverflowError if it does not fit.
  Decimal rescaled_up(int new_scale) const;

  Int128 coefficient_ = 0;
  int scale_ = 0;
};

}  // namespace costproof
