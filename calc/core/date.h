// A calendar date (proleptic Gregorian, no time zone), for as-of dates.
//
// Example:
//   Date::parse("2026-07-20").days_until(Date::parse("2026-11-27")) == 130
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace costproof {

struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;

  // "YYYY-MM-DD" with a real day of that month; nullopt otherwise.
  static std::optional<Date> parse(std::string_view text);
  // Days since 1970-01-01.
  long days_since_epoch() const;
  static Date from_days_since_epoch(long days);
  // other - this, in days.
  long days_until(const Date& other) const { return other.days_since_epoch() - days_since_epoch(); }
  std::string to_string() const;
  auto operator<=>(const Date&) const = default;
};

}  // namespace costproof
