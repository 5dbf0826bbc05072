#include "scenarios/scenario.h"

#include <regex>

#include "core/error.h"

namespace costproof {

ScenarioHeader parse_scenario_header(JsonReader& s) {
  ScenarioHeader h;
  h.file = s.file();
  const auto version = s.integer("schema_version");
  if (version != 1)
    s.fail("schema_version", "expected schema_version 1, got " + std::to_string(version) +
                                 "; this costproof reads version 1 scenarios");
  h.kind = s.one_of("kind", {"compute-migration", "ipv6-egress", "database-savings-plan"});
  h.id = s.string("id");
  static const std::regex kId("^[a-z0-9][a-z0-9-]*$");
  if (!std::regex_match(h.id, kId))
    s.fail("id", "expected lower-case letters, digits and '-' (e.g. \"graviton-small-team\"), got \"" + h.id + "\"");
  h.title = s.string("title");
  h.episode = s.string("episode");
  h.audience = s.optional_string("audience").value_or("");
  h.description = s.optional_string("description").value_or("");
  return h;
}

Scenario parse_scenario(const nlohmann::json& json, const std::string& file, const ReadRelativeFile& read_file) {
  JsonReader s(json, file, "", JsonOrigin::kUserInput);
  ScenarioHeader header = parse_scenario_header(s);
  Scenario out = header.kind == "ipv6-egress" ? Scenario(parse_ipv6_egress(s, std::move(header)))
                 : header.kind == "database-savings-plan"
                     ? Scenario(parse_database_savings_plan(s, std::move(header), read_file))
                     : Scenario(parse_compute_migration(s, std::move(header)));
  s.reject_unknown_keys();
  return out;
}

}  // namespace costproof
