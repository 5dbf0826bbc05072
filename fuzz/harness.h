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

#include "claims/claim.h"
#include "core/decimal.h"
#include "claims/episode.h"
#include "claims/outline_lint.h"
#include "core/error.h"
#include "pricing/instance_shapes.h"
#include "core/json_reader.h"
#include "offers/offer_extract.h"
#include "offers/offer_input.h"
#include "pricing/price_catalog.h"
#include "pricing/price_table.h"
#include "core/rounding_policy.h"
#include "scenarios/scenario.h"

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

// What a read gave, for comparing two reads: the error message, or the given summary.
template <typename Read, typename Summary>
std::string outcome_of(Read read, Summary summary) {
  try {
    return summary(read());
  } catch (const Error& e) {
    return std::string("error: ") + e.what();
  }
}

// Any price table or the shapes file; the fast reads (read_price_table, read_instance_shapes) give
// the same rows, or the same error, as the full reads.
inline void price_table_one(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = as_text(data, size);
  const auto rows = [](const PriceTable& t) {
    std::string out;
    for (const auto& r : t.rows)
      out += r.pointer + " " + r.key + " " + r.price.usd_per_unit().to_string() + " " + r.source->id + "\n";
    return out;
  };
  const auto shapes = [](const InstanceShapes& s) {
    std::string out;
    for (const auto& [type, shape] : s.by_type) out += type + " " + shape.shape_text() + "\n";
    return out;
  };
  const std::string full_table = outcome_of(
      [&] { return parse_price_table(parse_json_text(text, "fuzz.json", JsonOrigin::kPricingData), "fuzz.json"); }, rows);
  if (outcome_of([&] { return read_price_table(text, "fuzz.json"); }, rows) != full_table) __builtin_trap();
  const std::string full_shapes = outcome_of(
      [&] { return parse_instance_shapes(parse_json_text(text, "fuzz.json", JsonOrigin::kPricingData), "fuzz.json"); },
      shapes);
  if (outcome_of([&] { return read_instance_shapes(text, "fuzz.json"); }, shapes) != full_shapes) __builtin_trap();
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

// Any claims file, checked against an episode's calculated scenarios
// (`base`, e.g. scenarios/ep050) and rendered in every format.
inline void claims_one(const std::uint8_t* data, std::size_t size, const EpisodeInputs& base) {
  try {
    const auto json = parse_json_text(as_text(data, size), "claims.json", JsonOrigin::kUserInput);
    EpisodeInputs inputs = base;
    inputs.claims = parse_claims_file(json, "claims.json");
    const EpisodeReport report = build_episode_report(inputs);
    (void)render_episode_markdown(report);
    (void)render_episode_show_notes(report);
    (void)render_episode_json(report).dump();
    (void)render_episode_csv(report);
  } catch (const Error&) {
  }
}

// Any offer file (JSON or CSV, sniffed). The first byte picks a tiny chunk
// size (1..64 bytes) so every token also meets a buffer boundary, or with its
// high bit a 1 MiB chunk (the fast skipping loop then runs over whole values),
// and whether to scan the whole file instead of stopping before terms.Reserved.
inline void offer_one(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return;
  ExtractOptions options;
  options.chunk_bytes = (data[0] & 0x80) != 0 ? std::size_t{1} << 20 : 1 + data[0] % 64;
  options.full_scan = (data[0] & 0x40) != 0;
  StringByteSource source(as_text(data + 1, size - 1));
  try {
    const OfferImport got = extract_offer(source, "offer.json", options);
    if (got.bytes_parsed > size - 1) __builtin_trap();  // cannot parse more than there is
  } catch (const Error&) {
  }
}

// Any outline text: the number scanner (with number words) and lint against an
// empty claims file, rendered in both formats. Guards the bounds docs/errors.md
// states for outlines (long numbers are text, time linear in the line length).
inline void lint_one(const std::uint8_t* data, std::size_t size) {
  static const ClaimsFile no_claims{};
  try {
    (void)find_numbers(as_text(data, size), true);
    const LintReport report = lint_outline(as_text(data, size), "outline.md", no_claims, {});
    (void)render_lint_markdown(report);
    (void)render_lint_json(report).dump();
  } catch (const Error&) {
  }
}

}  // namespace costproof::fuzz
