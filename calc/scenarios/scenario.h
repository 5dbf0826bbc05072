// Scenario files (docs/scenarios.md): the fields every kind shares, and the
// dispatch from "kind" to that kind's parser, derived from the registry
// (scenarios/registry.h).
//
// Example header:
//   { "schema_version": 1, "kind": "compute-migration", "id": "graviton-small-team",
//     "title": "Small team: 12 x m7i.xlarge to m8g.xlarge", "episode": "050", ... }
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/json_reader.h"
#include "scenarios/registry.h"
#include "scenarios/scenario_header.h"

namespace costproof {

// A parsed scenario of any registered kind.
using Scenario = ScenarioKinds::Variant;

// Reads the shared header fields of a scenario object (marks them known in `reader`).
ScenarioHeader parse_scenario_header(JsonReader& reader);

// Parses any scenario. `file` is the path shown in messages. `read_file` reads a file named
// relative to the scenario's folder (an hourly CSV profile); without it such a profile is refused.
// Throws InputError.
Scenario parse_scenario(const nlohmann::json& json, const std::string& file, const ReadRelativeFile& read_file = {});

// The header of a parsed scenario of any kind.
const ScenarioHeader& header_of(const Scenario& scenario);

}  // namespace costproof
