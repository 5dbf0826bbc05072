// THE rounding policy of costproof: the only place where a rounding rule for
// displayed figures is written down. Everything upstream is exact (decimal.h).
//
//   money       -> whole cents, half away from zero      $1,766.016 -> $1,766.02
//   percentages -> 0.1 percentage point, half away from zero   10.952% -> 11.0%
//   ratios      -> 4 decimal places, half away from zero       0.872014 -> 0.8720
//   unit prices -> never rounded: shown at source precision    $0.0000166667
//
// "Half away from zero" is the rounding a listener does by hand (0.125 -> 0.13);
// we chose it over banker's rounding so a reader re-checking a figure with a
// calculator gets the same cent. Where rounded lines would not add up to their
// rounded total, the renderer prints an explicit "rounding" line (rounded_column.h).
#pragma once

#include "decimal.h"

namespace costproof {

struct RoundingPolicy {
  const char* name;
  int money_places;
  RoundingMode money_mode;
  int percent_places;
  RoundingMode percent_mode;
  int ratio_places;
  RoundingMode ratio_mode;
};

inline constexpr RoundingPolicy kDisplayRounding{
    .name = "cents, half away from zero",
    .money_places = 2,
    .money_mode = RoundingMode::kHalfUp,
    .percent_places = 1,
    .percent_mode = RoundingMode::kHalfUp,
    .ratio_places = 4,
    .ratio_mode = RoundingMode::kHalfUp,
};

// Money rounded to display precision: $1766.016 -> 1766.02.
inline Decimal round_money(const Decimal& usd) {
  return usd.rounded(kDisplayRounding.money_places, kDisplayRounding.money_mode);
}

// part / whole as a percentage at display precision: (193.4208, 1766.016) -> 11.0.
inline Decimal percent_of(const Decimal& part, const Decimal& whole) {
  return Decimal::divide(part * Decimal::from_int(100), whole, kDisplayRounding.percent_places,
                         kDisplayRounding.percent_mode);
}

// a / b at display precision for ratios: (0.19568, 0.2244) -> 0.8720.
inline Decimal ratio_of(const Decimal& a, const Decimal& b) {
  return Decimal::divide(a, b, kDisplayRounding.ratio_places, kDisplayRounding.ratio_mode);
}

}  // namespace costproof
