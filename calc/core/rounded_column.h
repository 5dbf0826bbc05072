// A column of exact amounts shown rounded, that still adds up.
//
// Rounding each line and rounding the total separately can leave them a cent
// apart. round_column() rounds each part and the exact total by the display
// policy and returns the difference as an explicit adjustment, which the
// renderer prints as a "Rounding" line whenever it is not zero.
//
// Example: parts 0.005, 0.005, 0.005 (exact total 0.015)
//   rounded parts 0.01, 0.01, 0.01 (sum 0.03), rounded total 0.02, adjustment -0.01
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "core/decimal.h"
#include "core/money.h"
#include "core/rounding_policy.h"

namespace costproof {

struct RoundedColumn {
  std::vector<Decimal> parts;  // each part rounded to the cent
  Decimal total;               // the exact total, rounded to the cent
  Decimal adjustment;          // total - sum(parts); zero when the column adds up
};

inline RoundedColumn round_column(const std::vector<Decimal>& exact_parts) {
  RoundedColumn out;
  Decimal exact_total, rounded_sum;
  for (const auto& p : exact_parts) {
    exact_total += p;
    out.parts.push_back(round_money(p));
    rounded_sum += out.parts.back();
  }
  out.total = round_money(exact_total);
  out.adjustment = out.total - rounded_sum;
  return out;
}

// The same for amounts: {$1,766.016, -$1,572.60} -> parts 1766.02, -1572.60.
inline RoundedColumn round_column(const std::vector<Money>& exact_parts) {
  std::vector<Decimal> usd;
  for (const auto& p : exact_parts) usd.push_back(p.usd());
  return round_column(usd);
}

// An amount in JSON output: the exact value and the value shown, as strings so no reader
// turns them into binary floating point. 1766.016 -> {"exact": "1766.016", "rounded": "1766.02"}.
inline nlohmann::ordered_json money_json(const Decimal& exact) {
  return {{"exact", exact.normalized().to_string()}, {"rounded", round_money(exact).to_string()}};
}
inline nlohmann::ordered_json money_json(const Money& m) { return money_json(m.usd()); }

}  // namespace costproof
