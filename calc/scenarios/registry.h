// The registry of scenario kinds: the one place that lists them. Adding a
// kind is one include and one entry here (docs/adding-a-scenario-kind.md).
// The order is the order of kinds in messages and of charts and forms on the companion page.
#pragma once

#include "scenarios/compute-migration/kind.h"
#include "scenarios/cost-comparison/kind.h"
#include "scenarios/database-savings-plan/kind.h"
#include "scenarios/ipv6-egress/kind.h"
#include "scenarios/kind_list.h"

namespace costproof {

using ScenarioKinds = KindList<ComputeMigrationKind, Ipv6EgressKind, DatabaseSavingsPlanKind, CostComparisonKind>;

}  // namespace costproof
