// What the compute-migration form can look up (scenarios/companion_prices.h): the listener picks
// the region and types any instance type, and the equivalent Graviton is searched among every
// shape priced in that region, so every EC2 table and the shapes file.
#include "scenarios/companion_prices.h"

namespace costproof {

template <>
CompanionPriceNeeds companion_price_needs<ComputeMigrationKind>(const std::vector<const ComputeMigrationScenario*>&) {
  CompanionPriceNeeds needs;
  needs.services = {"ec2"};
  needs.shapes = true;
  return needs;
}

}  // namespace costproof
