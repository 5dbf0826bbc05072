// What the ipv6-egress form can look up (scenarios/companion_prices.h): the listener picks the
// region, and a design is priced from that region's VPC rows (NAT gateway, egress-only internet
// gateway, public IPv4) and its data-transfer-out tiers, so every VPC and data-transfer table.
#include "scenarios/companion_prices.h"

namespace costproof {

template <>
CompanionPriceNeeds companion_price_needs<Ipv6EgressKind>(const std::vector<const Ipv6EgressScenario*>&) {
  CompanionPriceNeeds needs;
  needs.services = {"vpc", "data-transfer"};
  return needs;
}

}  // namespace costproof
