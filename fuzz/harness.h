// Fuzz harnesses: one function per input parser, shared by the libFuzzer
// targets (fuzz/fuzz_*.cpp) and by the regression unit test that replays
// every input the fuzzers ever crashed on (tests/unit/fuzz_regressions_test.cpp).
//
// Contract checked: for ANY bytes, the parser either succeeds or throws a
// costproof::Error with a message. Any other exception, a crash, a sanitizer
// report or a hang is a finding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "decimal.h"
#include "error.h"
#include "instance_shapes.h"
#include "json_reader.h"
#include "price_catalog.h"
#include "price_table.h"
#include "rounding_policy.h"
#include "scenario.h"

namespace costproof::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Decimal::parse, then properties every parsed value must keep.
inline void decimal_one(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = as_text(data, size);
  Decimal d;
  try {
    d = Decimal::parse(text);
  } catch (const DecimalError&) {
    return;
  }
  // to_string round-trips exactly.
  if (Decimal::parse(d.to_string()) != d || Decimal::parse(d.to_string()).scale() != d.scale())
    __builtin_trap();
  try {
    if (d + d - d != d) __builtin_trap();                  // exact addition
    const Decimal square = d * d;
    if (square.is_negative()) __builtin_trap();             // no wrap-around
    if (d > Decimal::from_int(1) && square < d) __builtin_trap();
    (void)round_money(square);
    if (!d.is_zero()) (void)percent_of(Decimal::from_int(1), d);
  } catch (const OverflowError&) {
    // refusing a too-large result is the documented behaviour
  }
}

// Any price table or the shapes file.
inline void price_table_one(const std::uint8_t* data, std::size_t size) {
  try {
    const auto json = parse_json_text(as_text(data, size), "fuzz.json", JsonOrigin::kPricingData);
    try {
      (void)parse_price_table(json, "fuzz.json");
    } catch (const Error&) {
    }
    (void)parse_instance_shapes(json, "fuzz.json");
  } catch (const Error&) {
  }
}

// Any scenario; when it parses, price and render it against `catalog`.
inline void scenario_one(const std::uint8_t* data, std::size_t size, const PriceCatalog& catalog) {
  try {
    const auto json = parse_json_text(as_text(data, size), "fuzz.json", JsonOrigin::kUserInput);
    const Scenario scenario = parse_scenario(json, "fuzz.json");
    std::visit(
        [&](const auto& s) {
          const auto result = calculate(s, catalog, Date{2026, 11, 27}, 180);
          (void)render_markdown(result);
          (void)render_json(result).dump();
        },
        scenario);
  } catch (const Error&) {
  }
}

}  // namespace costproof::fuzz
