// What the cost-comparison form can look up (scenarios/companion_prices.h): the form only picks
// one of the episode's comparisons and sets its variable, so exactly the rows the episode's line
// items name (with their tiers and history), in their regions.
#include "scenarios/companion_prices.h"

namespace costproof {

template <>
CompanionPriceNeeds companion_price_needs<CostComparisonKind>(
    const std::vector<const CostComparisonScenario*>& episode_scenarios) {
  CompanionPriceNeeds needs;
  for (const CostComparisonScenario* s : episode_scenarios)
    for (const auto& design : s->designs)
      for (const auto& item : design.items)
        if (item.priced) needs.rows.insert({item.service, item.region, item.key});
  return needs;
}

}  // namespace costproof
