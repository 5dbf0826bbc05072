// What the database-savings-plan form can look up (scenarios/companion_prices.h): the listener
// picks the region, the database type and the instance class, so every table of the services its
// usage types price (the usage-type table of database_savings_plan.cpp) and the Database Savings
// Plan rates.
#include "scenarios/companion_prices.h"

namespace costproof {

template <>
CompanionPriceNeeds companion_price_needs<DatabaseSavingsPlanKind>(
    const std::vector<const DatabaseSavingsPlanScenario*>&) {
  CompanionPriceNeeds needs;
  needs.services = {"aurora", "rds", "dynamodb", kDatabaseSavingsPlansService};
  return needs;
}

}  // namespace costproof
