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

#include "compute_migration.h"
#include "scenario_header.h"
#include "json_reader.h"

namespace costproof {

// Every scenario kind this build understands.
using Scenario = std::variant<ComputeMigrationScenario>;

// Reads the shared header fields of a scenario object (marks them known in `reader`).
ScenarioHeader parse_scenario_header(JsonReader& reader);

// Parses any scenario. `file` is the path shown in messages. Throws InputError.
Scenario parse_scenario(const nlohmann::json& json, const std::string& file);

}  // namespace costproof
