#include "core/format.h"

#include "core/rounding_policy.h"

namespace costproof {
namespace {

// Pads `value` with fractional zeros up to at least `min_places`.
Decimal at_least_places(const Decimal& value, int min_places) {
  const Decimal n = value.normalized();
  return n.scale() >= min_places ? n : n.rounded(min_places, RoundingMode::kDown);
}

std::string dollars(const Decimal& value) {
  std::string digits = group_thousands(value.abs());
  return (value.is_negative() ? "-$" : "$") + digits;
}

}  // namespace

std::string group_thousands(const Decimal& value) {
  std::string text = value.abs().to_string();
  const auto point = text.find('.');
  std::string whole = text.substr(0, point);
  const std::string fraction = point == std::string::npos ? "" : text.substr(point);
  std::string grouped;
  const int n = static_cast<int>(whole.size());
  for (int i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) grouped.push_back(',');
    grouped.push_back(whole[static_cast<std::size_t>(i)]);
  }
  return (value.is_negative() ? "-" : "") + grouped + fraction;
}

std::string format_usd_exact(const Decimal& usd) { return dollars(at_least_places(usd, 2)); }

std::string format_usd_rounded(const Decimal& usd) {
  return dollars(round_money(usd));
}

std::string format_usd_exact(const Money& amount) { return format_usd_exact(amount.usd()); }
std::string format_usd_rounded(const Money& amount) { return format_usd_rounded(amount.usd()); }
std::string format_price(const UnitPrice& price) { return format_price(price.usd_per_unit()); }

std::string format_price(const Decimal& usd_per_unit) {
  return dollars(at_least_places(usd_per_unit, 2));
}

std::string format_number(const Decimal& value) { return group_thousands(value.normalized()); }

std::string format_percent(const Decimal& percent) { return group_thousands(percent) + "%"; }

}  // namespace costproof
