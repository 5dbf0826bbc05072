// Hourly usage profiles for the Database Savings Plans calculator: one year
// of 8,760 hours, each hour holding an exact usage quantity.
//
// The profile arithmetic runs on Eigen matrices whose scalar is ExactScalar,
// a thin wrapper around Decimal: Eigen supplies the vector and matrix
// operations (hourly quantities × unit prices -> hourly On-Demand cost per
// discount class), Decimal keeps every value exact. No binary floating point
// enters a profile, so none reaches a printed money figure.
//
// A profile is a shape applied to a line's level (docs/scenario-database-savings-plan.md):
//   constant            level in every hour
//   business-hours      level inside a daily window (weekdays or every day), off_hours_percent outside
//   nightly-scale-down  night_percent inside a nightly window (may wrap midnight), level outside
//   weekly-spike        spike_percent inside a window on one weekday, level outside
//   steady-change       level × (100 + m × monthly_change_percent) / 100 in month m = 0..11
//   scale-to-zero       level inside a daily window (weekdays or every day), 0 outside
//   hourly-csv          the quantities of one column of an hourly CSV file (8,760 data lines)
// Hour 0 is Monday 00:00; month m is hours 730·m .. 730·m + 729 (the 12th month runs to hour 8,759).
//
// Example: business hours 09:00-17:00 on weekdays, 25% outside, level 16 ACU-hours per hour:
//   hour 9 (Monday 09:00) -> 16; hour 20 (Monday 20:00) -> 4; hour 130 (Saturday 10:00) -> 4.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <Eigen/Core>

#include "core/calendar.h"
#include "core/decimal.h"
#include "scenarios/scenario_header.h"
#include "scenarios/database-savings-plan/database_savings_plan_usage_profile.h"

namespace costproof {

// Eigen scalar holding an exact Decimal. Implicit from int so that Eigen's own
// Scalar(0) and Scalar(1) work; everything else is explicit. No division:
// a quotient must go through Decimal::divide with its rounding stated.
class ExactScalar {
 public:
  ExactScalar() = default;
  ExactScalar(int value) : value_(Decimal::from_int(value)) {}  // NOLINT: Eigen needs Scalar(0), Scalar(1)
  explicit ExactScalar(const Decimal& value) : value_(value) {}
  const Decimal& value() const { return value_; }

  ExactScalar operator+(const ExactScalar& o) const { return ExactScalar(value_ + o.value_); }
  ExactScalar operator-(const ExactScalar& o) const { return ExactScalar(value_ - o.value_); }
  ExactScalar operator*(const ExactScalar& o) const { return ExactScalar(value_ * o.value_); }
  ExactScalar operator-() const { return ExactScalar(-value_); }
  ExactScalar& operator+=(const ExactScalar& o) { return *this = *this + o; }
  ExactScalar& operator-=(const ExactScalar& o) { return *this = *this - o; }
  ExactScalar& operator*=(const ExactScalar& o) { return *this = *this * o; }
  bool operator==(const ExactScalar& o) const { return value_ == o.value_; }
  bool operator!=(const ExactScalar& o) const { return !(value_ == o.value_); }
  bool operator<(const ExactScalar& o) const { return value_ < o.value_; }
  bool operator<=(const ExactScalar& o) const { return value_ <= o.value_; }
  bool operator>(const ExactScalar& o) const { return value_ > o.value_; }
  bool operator>=(const ExactScalar& o) const { return value_ >= o.value_; }

 private:
  Decimal value_;
};

}  // namespace costproof

namespace Eigen {
template <>
struct NumTraits<costproof::ExactScalar> : GenericNumTraits<costproof::ExactScalar> {
  typedef costproof::ExactScalar Real;
  typedef costproof::ExactScalar NonInteger;
  typedef costproof::ExactScalar Nested;
  typedef costproof::ExactScalar Literal;
  enum {
    IsComplex = 0,
    IsInteger = 0,
    IsSigned = 1,
    RequireInitialization = 1,
    ReadCost = 1,
    AddCost = 4,
    MulCost = 8
  };
};
}  // namespace Eigen

namespace costproof {

using ExactVector = Eigen::Matrix<ExactScalar, Eigen::Dynamic, 1>;
using ExactMatrix = Eigen::Matrix<ExactScalar, Eigen::Dynamic, Eigen::Dynamic>;

// `hours` consecutive hours with the same quantity.
struct QuantityRun {
  int hours = 0;
  Decimal quantity;
};

// The quantity of every hour for a line whose level (quantity per hour at 100%) is `level`, as runs
// of identical hours in hour order (neighbouring runs differ; their hours add up to `hours`).
// For hourly-csv the level is ignored. `hours` is 8,760 for a scenario; tests may use fewer
// (shapes are defined hour by hour, so a shorter year is a prefix of the full one).
// Example: constant 6 -> {8760, 6}; business hours 09:00-17:00 weekdays, 25% of 16 otherwise ->
// {9, 4}, {8, 16}, {16, 4}, {8, 16}, ...
std::vector<QuantityRun> hourly_quantity_runs(const UsageProfile& profile, const Decimal& level,
                                              int hours = kHoursPerYear);
// The same, one entry per hour.
ExactVector hourly_quantities(const UsageProfile& profile, const Decimal& level, int hours = kHoursPerYear);

}  // namespace costproof
