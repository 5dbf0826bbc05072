// Scenario files (docs/scenarios.md): the fields every kind shares, and the
// dispatch from "kind" to that kind's parser.
//
// Example header:
//   { "schema_version": 1, "kind": "compute-migration", "id": "graviton-small-team",
//     "title": "Small team: 12 x m7i.xlarge to m8g.xlarge", "episode": "050", ... }
#pragma once

#include <string>
#include <variant>

#include <nlohmann/json.hpp>

#include "scenarios/compute-migration/compute_migration.h"
#include "scenarios/database-savings-plan/database_savings_plan.h"
#include "scenarios/ipv6-egress/ipv6_egress.h"
#include "scenarios/scenario_header.h"
#include "core/json_reader.h"

namespace costproof {

// Every scenario kind this build understands.
using Scenario = std::variant<ComputeMigrationScenario, Ipv6EgressScenario, DatabaseSavingsPlanScenario>;

// Reads the shared header fields of a scenario object (marks them known in `reader`).
ScenarioHeader parse_scenario_header(JsonReader& reader);

// Parses any scenario. `file` is the path shown in messages. `read_file` reads a file named
// relative to the scenario's folder (an hourly CSV profile); without it such a profile is refused.
// Throws InputError.
Scenario parse_scenario(const nlohmann::json& json, const std::string& file, const ReadRelativeFile& read_file = {});

}  // namespace costproof
