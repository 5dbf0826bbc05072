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

#include "core/decimal.h"

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

// An exact amount divided by a whole number of periods, shown to the cent: one rounding of the
// exact quotient, by the money rule. ($2,207.52 a year / 12 -> $183.96 a month.)
inline Decimal money_quotient(const Decimal& a, const Decimal& b) {
  return Decimal::divide(a, b, kDisplayRounding.money_places, kDisplayRounding.money_mode);
}

// Intermediate quotients that need not terminate (commitment dollars / (1 - 35%) = On-Demand
// dollars covered): carried to 10 decimal places, the precision of AWS price-list rates, half away
// from zero. `exact` reports whether nothing was dropped; the output then prints "=" instead of
// "≈". Display rounding (above) still applies afterwards. (12.34 / 0.65 -> 18.9846153846, inexact.)
inline constexpr int kCarriedQuotientPlaces = 10;
inline Decimal carried_quotient(const Decimal& a, const Decimal& b, bool* exact) {
  const Decimal q = Decimal::divide(a, b, kCarriedQuotientPlaces, RoundingMode::kHalfUp);
  if (exact) *exact = q * b == a;
  return q.normalized();
}
// The same, rounded toward minus infinity: for limits that must not be overstated
// (the largest commitment that still saves money).
inline Decimal carried_quotient_floor(const Decimal& a, const Decimal& b, bool* exact) {
  const Decimal q = Decimal::divide(a, b, kCarriedQuotientPlaces, RoundingMode::kFloor);
  if (exact) *exact = q * b == a;
  return q.normalized();
}

// A break-even quantity (GB a month, ...) that must be reached, not approached: the smallest
// multiple of 0.01 at or above a / b, so quoting it never understates what is needed.
// ($30 / $0.045 per GB -> 666.67 GB, inexact.)
inline constexpr int kBreakEvenQuantityPlaces = 2;
inline Decimal break_even_quantity(const Decimal& a, const Decimal& b, bool* exact) {
  const Decimal q = Decimal::divide(a, b, kBreakEvenQuantityPlaces, RoundingMode::kUp);
  if (exact) *exact = q * b == a;
  return q.normalized();
}

}  // namespace costproof
