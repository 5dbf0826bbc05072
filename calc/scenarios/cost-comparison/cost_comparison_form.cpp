// The cost-comparison kind's companion form (templates/form.html; scenarios/companion_form.h):
// generated from the episode's own scenario files. The listener picks one of the episode's
// comparisons that has a variable and sets that variable; everything else is the episode's file.
#include "scenarios/cost-comparison/kind.h"

namespace costproof {

nlohmann::ordered_json CostComparisonKind::companion_form_options(const CompanionFormInput& in) {
  nlohmann::ordered_json o;
  o["comparisons"] = nlohmann::ordered_json::array();
  o["scenarios"] = nlohmann::ordered_json::object();
  o["defaults"] = nlohmann::ordered_json::object();
  for (const auto& s : in.scenarios) {
    if (!s.contains("variable")) continue;
    const auto& v = s.at("variable");
    const std::string scenario_id = s.at("id").get<std::string>();
    // "hint": what the chosen comparison's value means (shown in the value's label);
    // "set": the fields choosing it resets to that comparison's own example.
    const std::string value = form_text(v, "value");
    o["comparisons"].push_back({{"value", scenario_id},
                                {"label", s.at("title").get<std::string>()},
                                {"hint", v.at("what").get<std::string>() + " (" + v.at("unit").get<std::string>() + ")"},
                                {"set", {{"value", value}}}});
    o["scenarios"][scenario_id] = s;
    if (o["defaults"].empty()) o["defaults"] = {{"comparison", scenario_id}, {"value", value}};
  }
  return o;
}

nlohmann::ordered_json CostComparisonKind::companion_scenario(const CompanionFormFields& f) {
  const std::string chosen = f.raw("comparison");
  const auto& all = f.options().at("scenarios");
  // An unknown comparison cannot come from the form's own list; fall back to the first one.
  nlohmann::ordered_json s = all.contains(chosen) ? all.at(chosen) : all.begin().value();
  const auto header = f.header(CostComparisonKind::id, s.at("title").get<std::string>());
  s["id"] = header.at("id");
  s["audience"] = header.at("audience");
  s["variable"]["value"] = f.text("value");
  return s;
}

}  // namespace costproof
