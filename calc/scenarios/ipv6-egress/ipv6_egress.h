// IPv6 egress: what a VPC's way out to the internet costs a month with NAT
// gateways, and what changes when IPv6 traffic leaves through a free
// egress-only internet gateway instead (docs/scenario-ipv6-egress.md).
//
// Pipeline: scenario -> per VPC, per design: NAT gateway-hours, NAT GB
// processed, egress-only gateway, public IPv4 address-hours -> data transfer
// out (tiered, once for the account, the same in every design) -> totals,
// savings, the claim check, break-even figures -> render_markdown / render_json.
//
// The designs compared:
//   keep NAT (today) | dual-stack: IPv6 via the egress-only gateway, NAT kept for
//   IPv4-only destinations | IPv6-only egress, NAT removed (only when every
//   destination answers over IPv6) | fewer public IPv4 addresses | combined.
//
// Example: 3 AZs, one NAT gateway per AZ, us-east-1, 730 h/month:
//   NAT gateway-hours 3 x $0.045 x 730 = $98.55 in every design that keeps NAT;
//   800 GB through NAT, 60% reachable over IPv6: dual-stack moves 480 GB and
//   saves 480 x $0.045 = $21.60 a month, which is not "$30+ per VPC".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/money.h"
#include "pricing/price_catalog.h"
#include "scenarios/scenario_header.h"
#include "render/source_notes.h"

namespace costproof {

class JsonReader;

// How a VPC's NAT gateways are laid out.
enum class NatLayout {
  kPerAz,   // one per Availability Zone (the highly available design)
  kShared,  // one for the whole VPC
  kCount,   // a number given in the scenario
};

// Public IPv4 addresses a VPC holds; each costs the same per address-hour.
struct PublicIpv4Addresses {
  Quantity nat_elastic_ips;    // held by the VPC's public NAT gateways (at least one each)
  Quantity load_balancer_ips;  // internet-facing load balancers hold one per enabled AZ
  Quantity instance_ips;       // EC2 public IPs and Elastic IPs on instances
  Quantity removable_ips;      // of load_balancer_ips + instance_ips: what the team can give up
  Quantity total() const { return nat_elastic_ips + load_balancer_ips + instance_ips; }
};

struct EgressVpc {
  std::string name;                     // "production"
  std::int64_t availability_zones = 1;  // 1..6
  NatLayout nat_layout = NatLayout::kPerAz;
  Quantity nat_gateways;                // resolved from the layout: 1..availability_zones
  Quantity monthly_gb_processed;        // GB through the NAT gateways a month, today
  Decimal ipv6_reachable_percent;       // share of that traffic whose destinations answer over IPv6, [0, 100]
  PublicIpv4Addresses ipv4;
  Quantity monthly_gb_data_transfer_out;  // GB sent to the internet a month (IPv4 and IPv6)
  std::string pointer;                  // JSON pointer, for messages
};

// The episode's claim, checked per VPC.
struct EgressClaim {
  std::string quoted;   // "$30+/month NAT Gateway savings per VPC"
  Decimal threshold_usd_per_month;  // 30
};

struct Ipv6EgressScenario {
  ScenarioHeader header;
  std::string region;        // "us-east-1"
  Decimal hours_per_month;   // the month convention: 730 (= 8,760 h / 12, as AWS's calculator)
  std::vector<EgressVpc> vpcs;
  // "data_transfer_out_free_tier": the free first 100 GB a month of data transfer out is
  // counted once per account, not per VPC. "none" (default): the account's other traffic
  // uses it, so these VPCs' GB are priced from the first paid tier. "account": these VPCs
  // are the account's only traffic out, so the free GB apply to them.
  bool data_transfer_out_free_tier = false;
  EgressClaim claim;
};

// Reads the kind-specific fields (header already read by parse_scenario). Throws InputError.
Ipv6EgressScenario parse_ipv6_egress(JsonReader& reader, ScenarioHeader header);

// The designs, in the order they are printed.
enum class EgressDesign { kKeepNat, kDualStack, kIpv6Only, kFewerIpv4, kCombined };
inline constexpr std::size_t kEgressDesignCount = 5;
std::string design_id(EgressDesign design);    // "dual-stack-egress-only-gateway"
std::string design_name(EgressDesign design);  // "Dual-stack, egress-only gateway for IPv6"

// The price rows of one region that the designs use.
struct VpcPrices {
  std::string region;
  const PriceRow* nat_hour = nullptr;   // $ per NAT gateway-hour
  const PriceRow* nat_gb = nullptr;     // $ per GB processed by a NAT gateway
  const PriceRow* eigw_hour = nullptr;  // egress-only internet gateway, $ per gateway-hour (0)
  const PriceRow* eigw_gb = nullptr;    // egress-only internet gateway, $ per GB (0)
  const PriceRow* ipv4_hour = nullptr;  // $ per public IPv4 address-hour (global)
};

// The rows for `region`. Throws PriceNotFound naming the region and the regions that have them.
VpcPrices find_vpc_prices(const PriceCatalog& catalog, const std::string& region);

// One design for one VPC, one month (data transfer out is priced once for the scenario).
struct DesignCost {
  EgressDesign design = EgressDesign::kKeepNat;
  bool available = true;
  std::string not_available_reason;  // why the design cannot carry this VPC's traffic
  Quantity nat_gateways;             // NAT gateways kept
  Quantity nat_gb;                   // GB still through NAT
  Quantity eigw_gateways;            // 0 or 1 egress-only internet gateway
  Quantity eigw_gb;                  // GB through the egress-only gateway
  Quantity ipv4_addresses;           // public IPv4 addresses kept
  Money nat_hours, nat_processing, eigw_hours, eigw_processing, public_ipv4;
  Money total() const { return nat_hours + nat_processing + eigw_hours + eigw_processing + public_ipv4; }
};

// A VPC priced with one region's prices and one month length. Design costs
// are computed even for a design that is not available (for "it would save"),
// but never shown as a priced option.
struct VpcCosts {
  std::vector<DesignCost> designs;  // indexed by EgressDesign
  EgressDesign best_nat_design = EgressDesign::kDualStack;  // kIpv6Only when available
  Money nat_saving;                 // keep NAT - best NAT design, without data transfer out
  bool holds = false;               // nat_saving >= the claim's threshold
  const DesignCost& operator[](EgressDesign d) const { return designs[static_cast<std::size_t>(d)]; }
};

VpcCosts price_vpc(const EgressVpc& vpc, const VpcPrices& prices, const Decimal& hours_per_month,
                   const Decimal& threshold_usd);

struct VpcResult {
  const EgressVpc* vpc = nullptr;
  VpcCosts costs;              // the scenario's region and month
  VpcCosts alternative_month;  // the same at the other month convention (720 h for 730, else 730)
  std::string verdict;         // "yes" or "no": does this VPC save the claimed amount?
  std::string explanation;     // why, in words
  // GB through NAT a month at which dual-stack's processing saving alone reaches
  // the threshold, at this VPC's IPv6 share; rounded up to 0.01 GB. nullopt at 0%.
  std::optional<Quantity> break_even_gb;
  bool break_even_exact = true;
};

// One tier of data transfer out that the traffic reaches.
struct TierLine {
  const PriceRow* row = nullptr;
  Quantity gb;
  Money cost;
};

struct DataTransferOut {
  Quantity gb;                     // all VPCs together: the tiers are per account and month
  bool free_tier_applied = false;  // the scenario's data_transfer_out_free_tier is "account"
  Quantity free_tier_gb;           // GB a month of the table's free tier (0 to this; 100 in us-east-1)
  bool priced = true;
  std::string not_priced_reason;   // set when the region has no data-transfer table
  std::vector<TierLine> tiers;
  Money cost;
};

// A design summed over the scenario's VPCs, with data transfer out.
struct DesignTotal {
  EgressDesign design = EgressDesign::kKeepNat;
  bool available = true;
  std::string not_available_reason;
  Money nat_hours, nat_processing, eigw, public_ipv4, data_transfer_out;
  Money total;   // every line above
  Money saving;  // keep NAT total - this total
};

// Removing one NAT gateway per AZ: the fixed part of the saving, before processing.
struct AzBreakEven {
  std::int64_t availability_zones = 1;
  Money nat_hours, nat_elastic_ips, total;  // at the scenario's month
  Money total_alternative_month;
};

// The scenario's NAT-related saving with another region's prices.
struct RegionComparison {
  VpcPrices prices;
  Money gateway_month;         // 1 NAT gateway x $/h x hours
  Quantity break_even_ipv6_gb;  // threshold / NAT $/GB, rounded up to 0.01 GB
  bool break_even_exact = true;
  Money keep_total, best_total;  // sums over VPCs, without data transfer out
  Money nat_saving;            // keep_total - best_total: each VPC's best available NAT design
  std::size_t vpcs_holding = 0;
};

struct Ipv6EgressResult {
  const Ipv6EgressScenario* scenario = nullptr;
  VpcPrices prices;
  Decimal alternative_hours;   // 720 when the scenario uses 730, else 730
  std::vector<VpcResult> vpcs;
  DataTransferOut data_transfer_out;
  std::vector<DesignTotal> designs;  // indexed by EgressDesign
  std::string verdict;               // "yes" (every VPC), "partly", "no"
  std::size_t vpcs_holding = 0;
  Quantity break_even_ipv6_gb;       // threshold / NAT $/GB in the scenario's region, rounded up to 0.01 GB
  bool break_even_exact = true;
  std::vector<AzBreakEven> by_az;    // 1, 2 and 3 AZs
  std::vector<RegionComparison> regions;  // every region with NAT prices, sorted
  SourceNotes notes;                 // every source used, numbered
  std::vector<std::string> assumptions;
  std::vector<std::string> warnings;
  Date prices_as_of;                 // oldest as-of among the scenario region's price rows used
  Date prices_as_of_newest;          // newest as-of among them: the header shows the range
  Date checked_on;                   // the date staleness was judged against
  const DesignTotal& operator[](EgressDesign d) const { return designs[static_cast<std::size_t>(d)]; }
};

// Prices every design. Throws PriceNotFound (e.g. no NAT prices for the region).
// `today` and `max_price_age_days` decide the staleness warnings.
Ipv6EgressResult calculate(const Ipv6EgressScenario& scenario, const PriceCatalog& catalog, const Date& today,
                           long max_price_age_days);

std::string render_markdown(const Ipv6EgressResult& result);
nlohmann::ordered_json render_json(const Ipv6EgressResult& result);

}  // namespace costproof
