// Text forms of numbers, the same in Markdown, JSON and every table.
// Locale-independent: '.' decimal point, ',' thousands separator.
//
// Example:
//   format_usd_exact(Decimal::parse("1766.016"))    == "$1,766.016"
//   format_usd_rounded(Decimal::parse("1766.016"))  == "$1,766.02"
//   format_price(Decimal::parse("0.0000166667"))    == "$0.0000166667"
//   format_price(Decimal::parse("0.2"))             == "$0.20"
//   format_number(Decimal::parse("8760.50"))        == "8,760.5"
//   format_percent(Decimal::parse("11.0"))          == "11.0%"
//   format_usd_exact(Money(...1766.016))            == "$1,766.016"   (Money / UnitPrice overloads)
#pragma once

#include <string>

#include "core/decimal.h"
#include "core/money.h"

namespace costproof {

// An exact amount at its full precision, at least 2 decimals: "$1,766.016".
std::string format_usd_exact(const Decimal& usd);
// An amount rounded by the display policy (rounding_policy.h): "$1,766.02".
std::string format_usd_rounded(const Decimal& usd);
// A unit price at source precision, at least 2 decimals, never "$0.00" for a non-zero price.
std::string format_price(const Decimal& usd_per_unit);
// The same for the money types, so renderers need not unwrap them.
std::string format_usd_exact(const Money& amount);      // $1,766.016
std::string format_usd_rounded(const Money& amount);    // $1,766.02
std::string format_price(const UnitPrice& price);       // $0.0000166667 (a price of one unit, or $0.468 an hour)
// A plain quantity with thousands separators and no trailing zeros: "8,760.5".
std::string format_number(const Decimal& value);
// A percentage already rounded by percent_of(): keeps its places, adds '%'.
std::string format_percent(const Decimal& percent);
// The digits of `value` with ',' grouping; keeps the value's scale.
std::string group_thousands(const Decimal& value);

}  // namespace costproof
