// Running the checks of a claims file and deriving each verdict by rule.
//
// The rules (docs/claims.md, "How verdicts are derived"):
//
//   computed      the quoted comparison holds for every figure -> supported; for
//                 none -> contradicted; for some -> misleading ("every-case"
//                 scope) or supported with caveat ("some-cases" scope).
//   arithmetic    each reading is compared with the quote; a mismatch counts by
//                 the reading's role: claim -> contradicted, different-metric ->
//                 misleading, caveat -> supported with caveat; info readings are
//                 printed only. The check's verdict is the worst reading.
//   sourced-fact  source_finding not-found -> unverified, contradicted ->
//                 contradicted, confirmed -> supported, lowered by:
//                   the source says "up to" and the quote does not -> supported with caveat;
//                   a number of the quote missing from the source's wording -> unverified;
//                   each recorded difference -> its effect;
//                   timing: source dated before the claimed period -> misleading
//                   (old news presented as new), after it -> supported with caveat.
//   not-researched -> unverified.
//
// A claim's verdict is the worst of its checks (order: supported, supported
// with caveat, unverified, misleading, contradicted).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "claims/claim.h"
#include "pricing/price_catalog.h"
#include "render/source_notes.h"

namespace costproof {

// One worked example as the checks see it: its JSON rendering and its sources.
struct ScenarioFigures {
  std::string id;
  std::string title;
  std::string file;                              // the scenario file, for messages
  const nlohmann::ordered_json* json = nullptr;  // render_json(result) of the scenario
  std::vector<std::shared_ptr<const PriceSource>> sources;
};

struct CheckContext {
  const std::vector<ScenarioFigures>* scenarios = nullptr;
  const PriceCatalog* catalog = nullptr;
  SourceNotes* notes = nullptr;  // footnote numbers, shared with the rest of the page
};

struct CheckOutcome {
  std::string type;                // "computed", "arithmetic", "sourced-fact", "not-researched"
  std::optional<Verdict> verdict;  // nullopt for an arithmetic check of info readings only
  std::string summary;             // the sentence(s) this check adds to "why"
  std::vector<std::string> lines;  // every operand, equation and comparison, one per line
  nlohmann::ordered_json data;     // the same as data, for --format json
};

struct ClaimOutcome {
  const Claim* claim = nullptr;
  Verdict verdict = Verdict::kSupported;
  std::vector<CheckOutcome> checks;
  std::string why;                        // summaries of the checks, then the claim's note
  std::vector<int> source_numbers;        // footnotes cited, ascending
  std::vector<std::shared_ptr<const PriceSource>> price_sources;  // sources of the current prices used (for staleness; not those of superseded prices looked up by date)
};

// Runs every check. Throws InputError (claims file + JSON pointer) for a
// scenario id, figure pointer or price that does not exist, and for a claim
// whose derived verdict is short of supported but has no suggested_wording.
std::vector<ClaimOutcome> check_claims(const ClaimsFile& claims, const CheckContext& context);

// Text helpers shared with the renderers.
std::string quoted_text(const QuotedTarget& target);                 // "4x", "25%", "$30", "362"
bool comparison_holds(const Rational& computed, const QuotedTarget& target);
// "within ±0.5 of the quoted 4x"; with a base: "at most the quoted ceiling 35% of eligible spend (±0.05)"
std::string comparison_text(const QuotedTarget& target, const std::string& base = "");

}  // namespace costproof
