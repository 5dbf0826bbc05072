#include "core/calendar.h"

namespace costproof {
namespace {

void check_hours(JsonReader& r, std::string_view key, const Decimal& hours) {
  if (hours <= Decimal::from_int(0) || hours > Decimal::from_int(kMaxHoursPerMonth))
    r.fail(key, "expected hours per month above 0 and at most " + std::to_string(kMaxHoursPerMonth) + ", got " +
                    hours.to_string() + "; AWS's pricing calculator uses " + std::to_string(kHoursPerMonth));
}

}  // namespace

Decimal parse_hours_per_month(JsonReader& r, std::string_view key) {
  const Decimal hours = r.decimal(key, "the hours in a month (730 is AWS's convention)");
  check_hours(r, key, hours);
  return hours;
}

std::optional<Decimal> parse_optional_hours_per_month(JsonReader& r, std::string_view key) {
  const auto hours = r.optional_decimal(key, "hours per instance per month");
  if (hours) check_hours(r, key, *hours);
  return hours;
}

}  // namespace costproof
