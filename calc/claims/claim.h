// Claims files (docs/claims.md): every number an episode quotes, where it
// appears in the outline, what kind of number it is, and how it is checked.
//
// A claim has one or more checks; each check yields a verdict by a rule
// written in code (claim_check.cpp), and the claim's verdict is the most
// severe of them. Check types:
//
//   computed      a figure of a worked example (a JSON pointer into the scenario's
//                 render_json output, any kind) compared with the quoted value
//   arithmetic    exact expressions over named, sourced operands (a value with a
//                 source, a price-table row or a scenario figure), compared with
//                 the quoted value under a stated tolerance
//   sourced-fact  a statement compared with a cited source: the source's finding
//                 (confirmed / contradicted / not-found), its wording, and the
//                 differences between quote and source
//   not-researched  nobody has checked it yet: always "unverified", with the reason
//
// Example claim (arithmetic):
//   { "id": "trn3-per-ultraserver", "topic": "trainium", "quote": "362 FP8 PFLOPs per UltraServer",
//     "outline": [{"line": 93, "text": "362 FP8 PFLOPs per UltraServer"}], "number_kind": "count",
//     "checks": [{ "type": "arithmetic", "quoted": "362", "compare": "approximately", "tolerance": "0.5",
//                  "operands": {"chips": {"value": "144", "source": "neuron-trn3", "what": "chips"}, ...},
//                  "readings": [{"label": "144 chips × 2.517 PF", "expression": "chips * pf", "role": "claim"}] }] }
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/decimal.h"
#include "claims/expression.h"
#include "claims/quote_wording.h"
#include "pricing/price_table.h"

namespace costproof {

// The verdicts, from best to worst for the reader (see verdict_severity).
enum class Verdict { kSupported, kSupportedWithCaveat, kUnverified, kMisleading, kContradicted };
inline constexpr Verdict kAllVerdicts[] = {Verdict::kSupported, Verdict::kSupportedWithCaveat, Verdict::kUnverified,
                                           Verdict::kMisleading, Verdict::kContradicted};
std::string verdict_id(Verdict v);     // "supported-with-caveat"
std::string verdict_label(Verdict v);  // "supported with caveat"
// 0 supported, 1 supported with caveat, 2 unverified, 3 misleading, 4 contradicted.
int verdict_severity(Verdict v);
Verdict worse(Verdict a, Verdict b);

enum class NumberKind { kPercentage, kUpToCeiling, kMultiplier, kDollarAmount, kCount, kDuration, kDate, kStatement };
std::string number_kind_id(NumberKind k);  // "up-to-ceiling"

// Where a claim appears in the outline: a 1-based line and text that occurs on it.
struct OutlineRef {
  int line = 0;
  std::string text;
  std::string pointer;
};

// How a computed value is compared with the quoted figure.
// kCeiling is for "up to" figures: every value at most quoted + tolerance; a computed check
// also asks whether some worked example reaches the ceiling (within the tolerance).
enum class Comparison { kApproximately, kAtLeast, kAtMost, kGreaterThan, kLessThan, kEqual, kCeiling };
std::string comparison_id(Comparison c);  // "at-least"

struct QuotedTarget {
  Decimal quoted;       // the figure as the quote states it: 4 for "4x", 30 for "$30+"
  Comparison compare = Comparison::kApproximately;
  Decimal tolerance;    // kApproximately: |computed − quoted| <= tolerance; kCeiling: computed <= quoted + tolerance
  DisplayUnit unit = DisplayUnit::kPlain;
  std::string unit_id;  // "percent", "x", "usd", "" as written
};

// ---------------------------------------------------------------------------
// Check types

// A figure of a worked example: scenario id + JSON pointer into render_json(result).
struct FigureRef {
  std::string scenario;
  std::string figure;   // "/performance_adjusted/monthly_saving_usd"
  std::string label;    // "Graviton4 → Graviton5, performance-adjusted"
  std::string base;     // what a percentage figure is of, e.g. "the whole database bill"; "" = the check's base
  std::string pointer;  // where this reference is in the claims file
};

// How far a claim reaches: "every-case" claims are stated as true for everyone,
// so holding in only some cases is misleading; "some-cases" claims say what can
// happen, so holding in some cases is supported with a caveat.
enum class Scope { kEveryCase, kSomeCases };

struct ComputedCheck {
  std::vector<FigureRef> figures;
  QuotedTarget target;
  // What the quoted percentage is of ("eligible spend"); required when the unit is
  // "percent". Figures on another base are shown for context and never compared,
  // so one comparison never mixes bases.
  std::string base;
  Scope scope = Scope::kEveryCase;
  std::string pointer;
};

// One operand of an arithmetic check: a sourced value, a price-table row, or a scenario figure.
struct Operand {
  std::string name;
  std::string what;  // "Trainium3 chips per Gen2 UltraServer"
  enum class Kind { kValue, kPrice, kFigure } kind = Kind::kValue;
  Decimal value;                                 // kValue
  std::shared_ptr<const PriceSource> source;     // kValue
  std::string price_service, price_region, price_key;  // kPrice
  int price_tier = 0;                            // kPrice: 1-based tier of a tiered row; 0 = untiered
  std::optional<Date> price_as_of;               // kPrice: the price in effect on this date (a price cut)
  FigureRef figure;                              // kFigure
  bool usd = false;                              // printed as $ (prices and money figures)
  std::string pointer;
};

// How a reading's mismatch with the quote counts (docs/claims.md, "The verdict rubric"):
//   claim            the figure the quote asserts; mismatch -> contradicted
//   different-metric a figure the quote could be mistaken for; mismatch -> misleading
//   caveat           another way a listener may read the figure; mismatch -> supported with caveat
//   info             printed only
enum class ReadingRole { kClaim, kDifferentMetric, kCaveat, kInfo };
std::string reading_role_id(ReadingRole r);

struct Reading {
  std::string label;
  Expression expression;
  ReadingRole role = ReadingRole::kClaim;
  // What the reading computes and what it reads otherwise than the quote ("metric",
  // "variant" in the file). When the quote's wording decides its metric, the role is
  // derived from these by the rubric and `rubric_rule` is its number (1-6); 0 when the
  // wording is undecided and the claims file states the role.
  std::optional<Metric> metric;
  std::optional<Variant> variant;
  int rubric_rule = 0;
  DisplayUnit unit = DisplayUnit::kPlain;
  std::string unit_id;
  // An assumption the value rests on that no cited source confirms ("Savings Plans do not
  // discount the fee"); printed with the value, and it caps the check at supported with caveat.
  std::string unconfirmed_assumption;
  std::string pointer;
};

struct ArithmeticCheck {
  std::vector<Operand> operands;
  std::vector<Reading> readings;
  QuotedTarget target;
  std::string pointer;
};

enum class SourceFinding { kConfirmed, kContradicted, kNotFound };
std::string source_finding_id(SourceFinding f);  // "not-found"

// A way the quote departs from what the source says.
struct Difference {
  std::string what;
  Verdict effect = Verdict::kSupportedWithCaveat;  // kSupportedWithCaveat or kMisleading
  std::string pointer;
};

// When the claim says something happened (e.g. "new at re:Invent 2025") and when the source dates it.
struct Timing {
  std::string claimed;  // "a re:Invent 2025 launch"
  Date claimed_from, claimed_to;
  Date source_date;
  std::string pointer;
};

struct SourcedFactCheck {
  std::vector<std::shared_ptr<const PriceSource>> sources;
  SourceFinding finding = SourceFinding::kConfirmed;
  std::string source_wording;  // the source's words (English; translations say so in the source title)
  bool verbatim = true;        // false: a summary of the source, not its exact words
  std::vector<Difference> differences;
  std::optional<Timing> timing;
  std::string pointer;
};

struct NotResearchedCheck {
  std::string reason;
  std::string pointer;
};

using Check = std::variant<ComputedCheck, ArithmeticCheck, SourcedFactCheck, NotResearchedCheck>;

struct Claim {
  std::string id;
  std::string topic;
  std::string quote;  // the wording, as the outline has it
  QuoteWording wording;  // classify_quote(quote): the metric and qualifier the rubric reads
  std::vector<OutlineRef> outline;
  NumberKind number_kind = NumberKind::kStatement;
  std::vector<Check> checks;
  std::string note;               // one sentence added to the explanation
  std::string suggested_wording;  // required when the derived verdict is short of supported
  std::string pointer;            // "/claims/3"
};

// A number in the outline that is deliberately not a claim, with the reason.
// It applies to the numbers on `lines` (all lines when empty) that lie inside
// an occurrence of `text` (anywhere on the line when empty).
struct IgnoreRule {
  std::vector<int> lines;
  std::string text;
  std::string reason;
  std::string pointer;
};

struct ClaimsFile {
  std::string file;
  std::vector<std::shared_ptr<const PriceSource>> sources;
  std::vector<Claim> claims;
  std::vector<IgnoreRule> ignore;
};

// Reads a claims file. Checks everything one file can check: fields, ids,
// source ids, expression syntax and operand names; derives each reading's role from the
// quote's wording (a "role" contradicting the rubric is an error) and refuses a "compare"
// the quote's qualifier rules out ("up to" checked as "approximately"). Throws InputError naming
// the file and the JSON pointer.
ClaimsFile parse_claims_file(const nlohmann::json& json, const std::string& file);

}  // namespace costproof
