// The three charts of the companion page, each computed by the same
// calculators as the worked examples (no arithmetic of its own beyond
// choosing the points), then drawn by svg_chart.h.
//
//   graviton_savings_chart: the scenario's fleet at 1, 2, ..., 10 times its
//     instance counts (stopping at the 1,000,000-instance row limit); y = monthly saving (before - after, and
//     before - after with the performance assumption when the scenario has one).
//   dsp_savings_chart: the result's savings-vs-commitment curve (yearly USD vs
//     $/hour committed), with the best commitment and the break-even marked.
//   nat_vs_ipv6_chart: the scenario's first VPC with 0 .. 2 x max(its GB, the
//     GB at which the claim's saving is reached by dual-stack) processed a month,
//     its own GB marked; y = monthly cost of keeping the
//     NAT gateways and of the best available IPv6 design (without data
//     transfer out, which is the same in every design).
//
// Example:
//   LineChart c = graviton_savings_chart(scenario, catalog, Date{2026, 11, 27});
//   c.series[0].points[0] == {12, 123.66}   // 12 instances save $123.66 a month
#pragma once

#include "scenarios/compute-migration/compute_migration.h"
#include "scenarios/database-savings-plan/database_savings_plan.h"
#include "core/date.h"
#include "scenarios/ipv6-egress/ipv6_egress.h"
#include "pricing/price_catalog.h"
#include "render/svg_chart.h"

namespace costproof {

LineChart graviton_savings_chart(const ComputeMigrationScenario& scenario, const PriceCatalog& catalog,
                                 const Date& today);
LineChart dsp_savings_chart(const DatabaseSavingsPlanResult& result);
LineChart nat_vs_ipv6_chart(const Ipv6EgressScenario& scenario, const PriceCatalog& catalog, const Date& today);

}  // namespace costproof
