#include "scenarios/scenario.h"

#include "core/error.h"
#include "core/identifier.h"

namespace costproof {

ScenarioHeader parse_scenario_header(JsonReader& s) {
  ScenarioHeader h;
  h.file = s.file();
  const auto version = s.integer("schema_version");
  if (version != 1)
    s.fail("schema_version", "expected schema_version 1, got " + std::to_string(version) +
                                 "; this costproof reads version 1 scenarios");
  static const std::vector<std::string> kKinds = ScenarioKinds::ids();
  h.kind = s.one_of("kind", kKinds);
  h.id = s.string("id");
  if (!is_lowercase_id(h.id))
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
  Scenario out = ScenarioKinds::parse(s, std::move(header), read_file);
  s.reject_unknown_keys();
  return out;
}

const ScenarioHeader& header_of(const Scenario& scenario) {
  return std::visit([](const auto& s) -> const ScenarioHeader& { return s.header; }, scenario);
}

}  // namespace costproof
