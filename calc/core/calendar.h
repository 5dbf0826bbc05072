// The calendar conventions every calculation shares, in one place.
//
//   a year   = 8,760 h  (365 × 24; a 1-year Savings Plan term)
//   a month  =   730 h  (8,760 / 12: AWS's pricing-calculator month, the default)
//   a 30-day month = 720 h, a 31-day month = 744 h (the most hours a month can hold)
//
// Example:
//   const Decimal h = parse_hours_per_month(reader, "hours_per_month");   // 730, or the scenario's value
#pragma once

#include <optional>
#include <string_view>

#include "core/decimal.h"
#include "core/json_reader.h"

namespace costproof {

inline constexpr int kHoursPerYear = 8760;        // 365 × 24
inline constexpr int kMonthsPerYear = 12;
inline constexpr int kHoursPerMonth = 730;        // kHoursPerYear / 12, AWS's pricing-calculator month
inline constexpr int kHoursPer30DayMonth = 720;   // 30 × 24
inline constexpr int kMaxHoursPerMonth = 744;     // 31 × 24: no month has more

// Reads the required hours-per-month field `key`: a number above 0 and at most 744.
// Throws InputError naming the field, e.g. "expected hours per month above 0 and at most 744, got 800".
Decimal parse_hours_per_month(JsonReader& reader, std::string_view key);

// The same for an optional field (absent: std::nullopt).
std::optional<Decimal> parse_optional_hours_per_month(JsonReader& reader, std::string_view key);

}  // namespace costproof
