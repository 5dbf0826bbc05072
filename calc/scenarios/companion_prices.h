// The price rows a companion page embeds (issue 16): only what the page's forms can look up, so
// the page carries and parses less. Each kind the episode uses says what its form can reach
// (companion_price_needs<Kind>, defined in the kind's folder, *_companion_prices.cpp): whole
// services when the listener picks the region or key (an instance type typed in), exact rows when
// the form only changes quantities of the episode's own items. Adding a kind: declare its
// specialisation below and define it in its folder (a missing one is a link error).
//
// Example (episode 901, cost-comparison only):
//   companion_pricing_files(files, episode_price_needs(scenarios))
//   -> aws/us-east-1/vpc.json with the 5 rows its comparisons name, lambda.json with the duration
//      rows, ... ; the EC2 table with only t4g.nano; the shapes file with t4g.nano's shape only.
#pragma once

#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "pricing/price_catalog.h"
#include "scenarios/registry.h"
#include "scenarios/scenario.h"

namespace costproof {

struct CompanionPriceNeeds {
  std::set<std::string> services;                                // every table of these, every region
  std::set<std::tuple<std::string, std::string, std::string>> rows;  // (service, region, key): its rows in that
                                                                  // region's table and in "global"'s (tiers, history)
  bool shapes = false;                                           // the instance shapes (equivalent-instance search)
  void merge(const CompanionPriceNeeds& other);
};

// What the form of `Kind` can look up, given the episode's scenarios of that kind.
template <class Kind>
CompanionPriceNeeds companion_price_needs(const std::vector<const typename Kind::Scenario*>& episode_scenarios);
template <>
CompanionPriceNeeds companion_price_needs<ComputeMigrationKind>(const std::vector<const ComputeMigrationScenario*>&);
template <>
CompanionPriceNeeds companion_price_needs<Ipv6EgressKind>(const std::vector<const Ipv6EgressScenario*>&);
template <>
CompanionPriceNeeds companion_price_needs<DatabaseSavingsPlanKind>(
    const std::vector<const DatabaseSavingsPlanScenario*>&);
template <>
CompanionPriceNeeds companion_price_needs<CostComparisonKind>(const std::vector<const CostComparisonScenario*>&);

// The needs of every kind the episode's scenarios use (the page has a form for exactly those).
CompanionPriceNeeds episode_price_needs(const std::vector<Scenario>& episode_scenarios);

// `files` (a pricing-data folder, as build_price_catalog takes it) cut down to `needs`: tables of
// other services left out, tables of needed rows reduced to those rows (every source of the file
// kept, so each kept row still resolves its source), files with no row left dropped; the shapes
// file always kept (build_price_catalog needs it), cut to the kept rows' instance types unless
// needs.shapes (at least one shape stays: the format wants one). Trimmed files are re-serialised
// compactly (same values; keys in alphabetical order). Throws PricingDataError on a file that is not
// valid JSON.
std::vector<PricingFile> companion_pricing_files(const std::vector<PricingFile>& files,
                                                 const CompanionPriceNeeds& needs);

}  // namespace costproof
