// Known answers for calc/claims/quote_wording.h: which metric a quote's words name and how
// it qualifies its number (docs/claims.md, "The verdict rubric").
#include "claims/quote_wording.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace costproof {
namespace {

struct Known {
  std::string quote;
  std::string metric;  // "" = undecided
  std::vector<std::string> words;
  std::string qualifier;
  std::string qualifier_words;
};

const Known kKnown[] = {
    {"up to 35% cheaper", "price", {"cheaper"}, "up-to", "up to"},
    {"20% faster", "work", {"faster"}, "none", ""},
    {"25% better price-performance", "price-performance", {"price-performance"}, "none", ""},
    {"saves $394 a year", "price", {"saves", "$394 a year"}, "none", ""},
    {"cheaper than x86 by 20%", "price", {"cheaper"}, "none", ""},
    {"Lambda on Arm is 20% cheaper than x86", "price", {"cheaper"}, "none", ""},
    {"A single NAT gateway is about $394 a year before it processes a single byte", "price", {"$394 a year"}, "about",
     "about"},
    {"$30+/month NAT Gateway savings per VPC", "price", {"$30+/month", "savings"}, "more-than", "$30+"},
    {"At 1 TB a month, a NAT gateway costs more than ten times a NAT instance", "price", {"costs"}, "more-than",
     "more than"},
    {"Up to 35% savings for serverless databases", "price", {"savings"}, "up-to", "Up to"},
    {"25% better compute performance vs Graviton4", "work", {"performance"}, "none", ""},
    {"4x performance improvement vs Trainium2", "work", {"performance"}, "none", ""},
    {"50% cost reduction for AI training", "price", {"cost"}, "none", ""},
    {"20% off the On-Demand price", "price", {"20% off", "price"}, "none", ""},
    {"Graviton is 40% better price performance", "price-performance", {"price performance"}, "none", ""},
    {"12.8% less per unit of work", "", {"less", "per unit of work"}, "none", ""},  // price and price-performance
    {"Price-performance wins translate to infrastructure cost savings", "", {"Price-performance", "cost", "savings"},
     "none", ""},
    {"5x larger L3 cache", "", {}, "none", ""},
    {"15.6 million developers now use cloud native technologies", "", {}, "none", ""},
    {"~$3 a month", "price", {"$3 a month"}, "about", "~"},
    {"costs less than $5 a month", "price", {"costs", "$5 a month"}, "less-than", "less than"},
    {"no more than 10% of the bill", "price", {"bill"}, "up-to", "no more than"},
    {"moving over to IPv6 costs nothing", "price", {"costs"}, "none", ""},  // "over" is not before a number
    {"saves at least 10% on compute", "price", {"saves"}, "more-than", "at least"},
    {"about 20% cheaper, up to 30% at scale", "price", {"cheaper"}, "mixed", "about, up to"},
    {"DESCRIBES A COSTLY MIGRATION", "", {}, "none", ""},  // "costly" is not the word "cost"
};

TEST(QuoteWordingTest, KnownAnswers) {
  for (const auto& k : kKnown) {
    const QuoteWording w = classify_quote(k.quote);
    EXPECT_EQ(w.metric ? metric_id(*w.metric) : "", k.metric) << k.quote;
    EXPECT_EQ(w.words, k.words) << k.quote;
    EXPECT_EQ(qualifier_id(w.qualifier), k.qualifier) << k.quote;
    EXPECT_EQ(w.qualifier_words, k.qualifier_words) << k.quote;
  }
}

TEST(QuoteWordingTest, IdsRoundTrip) {
  for (const auto id : kMetricIds) EXPECT_EQ(metric_id(*parse_metric(id)), id);
  EXPECT_FALSE(parse_metric("cost"));
  for (const auto id : kVariantIds) EXPECT_EQ(kVariantIds[static_cast<int>(*parse_variant(id))], id);
  EXPECT_FALSE(parse_variant("month"));
}

}  // namespace
}  // namespace costproof
