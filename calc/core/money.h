// The three exact number kinds on the money path, kept apart by type:
//
//   UnitPrice  USD per one unit, full source precision     $0.0000166667 per GB-second
//   Quantity   a count of units (hours, instances, GB)     730 hours, 12 instances
//   Money      an amount of USD, exact until displayed      $1,766.016
//
// UnitPrice × Quantity -> Money; Money ± Money -> Money; Money × Quantity -> Money.
// Money + UnitPrice does not compile (tests/money_test.cpp checks this), so a
// price cannot be added to a total by mistake. None of them is ever rounded
// here: rounding happens once, at display, by the policy in rounding_policy.h.
//
// Example:
//   UnitPrice p{Decimal::parse("0.2016")};
//   Money m = p * Quantity::whole(12) * Quantity::whole(730);   // $1766.016 exactly
#pragma once

#include <compare>

#include "core/decimal.h"

namespace costproof {

class Quantity {
 public:
  constexpr Quantity() = default;
  explicit Quantity(Decimal value) : value_(value) {}
  static Quantity whole(std::int64_t n) { return Quantity(Decimal::from_int(n)); }
  const Decimal& value() const { return value_; }
  Quantity operator*(const Quantity& o) const { return Quantity(value_ * o.value_); }
  Quantity operator+(const Quantity& o) const { return Quantity(value_ + o.value_); }
  Quantity operator-(const Quantity& o) const { return Quantity(value_ - o.value_); }
  auto operator<=>(const Quantity& o) const { return value_ <=> o.value_; }
  bool operator==(const Quantity& o) const { return value_ == o.value_; }

 private:
  Decimal value_;
};

class Money {
 public:
  constexpr Money() = default;
  explicit Money(Decimal usd) : usd_(usd) {}
  const Decimal& usd() const { return usd_; }
  Money operator+(const Money& o) const { return Money(usd_ + o.usd_); }
  Money operator-(const Money& o) const { return Money(usd_ - o.usd_); }
  Money operator-() const { return Money(-usd_); }
  Money& operator+=(const Money& o) { return *this = *this + o; }
  Money operator*(const Quantity& q) const { return Money(usd_ * q.value()); }
  auto operator<=>(const Money& o) const { return usd_ <=> o.usd_; }
  bool operator==(const Money& o) const { return usd_ == o.usd_; }

 private:
  Decimal usd_;
};

class UnitPrice {
 public:
  constexpr UnitPrice() = default;
  explicit UnitPrice(Decimal usd_per_unit) : usd_(usd_per_unit) {}
  const Decimal& usd_per_unit() const { return usd_; }
  Money operator*(const Quantity& q) const { return Money(usd_ * q.value()); }
  auto operator<=>(const UnitPrice& o) const { return usd_ <=> o.usd_; }
  bool operator==(const UnitPrice& o) const { return usd_ == o.usd_; }

 private:
  Decimal usd_;
};

}  // namespace costproof
