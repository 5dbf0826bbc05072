// What a quote's words say it measures, and how it qualifies its number: the word
// table of the verdict rubric (docs/claims.md, "The verdict rubric"), in one place.
//
//   metric words     price ("cheaper", "costs", "saves", "$394 a year", "20% off", "less")
//                    price-performance ("price-performance", "per unit of work", "per dollar")
//                    work ("faster", "performance", "throughput")
//   qualifiers       up to / at most / as much as  -> a ceiling
//                    about / roughly / around / ~  -> approximately
//                    more than / over / at least / X+ -> at least
//                    less than / under / below     -> at most
//
// Phrases match whole words, case-insensitively, longest first; a matched phrase uses its
// words up ("price-performance" is not also "price" and "performance"). A quote with words
// of two metrics, or of none, is undecided: the rubric cannot choose the claim's metric, so
// the claims file states each reading's role. A qualifier counts only right before a
// number ("up to 35%", "more than ten times", "$30+"), so "over IPv6" is not one.
//
// Example: classify_quote("Lambda on Arm is up to 20% cheaper than x86")
//   -> metric price, words {"cheaper"}, qualifier up-to, qualifier_words "up to".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace costproof {

// What a figure measures. A reading's metric is compared with the quote's.
enum class Metric { kPrice, kPricePerformance, kWork };
inline constexpr std::string_view kMetricIds[] = {"price", "price-performance", "work"};
std::string metric_id(Metric m);                           // "price-performance"
std::optional<Metric> parse_metric(std::string_view id);  // nullopt for an unknown id

// What a quote leaves open that a reading may choose otherwise (rubric rule 5): a reading
// of the quote's own metric with a variant is a caveat, not the claim.
enum class Variant { kPeriod, kMonthLength, kSize, kTier, kRegion, kResource, kPerUnit };
inline constexpr std::string_view kVariantIds[] = {"period", "month-length", "size",    "tier",
                                                   "region", "resource",     "per-unit"};
// As the explanation names it: "month length", "set of resources", "unit of comparison".
inline constexpr std::string_view kVariantLabels[] = {"period", "month length",      "size",           "tier",
                                                      "region", "set of resources", "unit of comparison"};
std::optional<Variant> parse_variant(std::string_view id);

// How the quote qualifies its number; decides the comparisons a check may use.
enum class Qualifier { kNone, kUpTo, kAbout, kMoreThan, kLessThan, kMixed };
std::string qualifier_id(Qualifier q);  // "up-to", "none", "mixed"

struct QuoteWording {
  std::optional<Metric> metric;            // nullopt: undecided (words of two metrics, or none)
  std::vector<std::string> words;          // every metric word as the quote writes it, in order
  std::vector<Metric> word_metrics;        // the metric of each of `words`
  Qualifier qualifier = Qualifier::kNone;  // kMixed: two different qualifiers (not enforced)
  std::string qualifier_words;             // "up to", "$30+"; "" for kNone
  bool has_digit = false;                  // the quote writes a number with digits
};

QuoteWording classify_quote(std::string_view quote);

// The metric words for a sentence: "\"cost\", \"$1,564 a month\" and \"prices\"" when they name one
// metric; each with its metric when they name more: "\"cheaper\" (price) and \"faster\" (work)".
std::string quoted_words(const QuoteWording& w);

}  // namespace costproof
