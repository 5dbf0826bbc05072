// The compute-migration kind's companion form (templates/form.html; scenarios/companion_form.h).
#include "scenarios/compute-migration/kind.h"

namespace costproof {

nlohmann::ordered_json ComputeMigrationKind::companion_form_options(const CompanionFormInput& in) {
  const auto ec2 = price_keys_by_region(in.catalog, {"ec2"});
  nlohmann::ordered_json o;
  o["regions"] = region_options(map_keys(ec2));
  o["instance-types"] = nlohmann::ordered_json::object();
  for (const auto& [region, keys] : ec2) o["instance-types"][region] = keys;
  // Every performance assumption of the episode's scenarios is one to choose.
  o["performance-claims"] = nlohmann::ordered_json::array();
  o["performance-objects"] = nlohmann::ordered_json::object();
  for (const auto& s : in.scenarios) {
    if (!s.contains("performance")) continue;
    const std::string scenario = s.value("id", "");
    const auto& p = s.at("performance");
    const std::string qualifier = p.value("qualifier", "");
    o["performance-claims"].push_back(
        {{"value", scenario},
         {"label", qualifier + (qualifier.empty() ? "" : " ") + form_text(p, "throughput_gain_percent") +
                       "% more work per instance-hour: " + p.value("applies_to", "") +
                       " (as in the episode's scenario " + scenario + ")"}});
    o["performance-objects"][scenario] = p;
  }
  // The first scenario's first fleet row gives the starting values.
  o["defaults"] = nlohmann::ordered_json::object();
  if (!in.scenarios.empty()) {
    const auto& s = in.scenarios.front();
    const auto& row = s.at("fleet").at(0);
    const bool chosen = row.at("target").contains("instance_type");
    o["defaults"] = {{"region", s.at("region")},
                     {"instance_type", row.at("instance_type")},
                     {"count", form_text(row, "count")},
                     {"target", chosen ? "type" : "equivalent"},
                     {"target_type", chosen ? row.at("target").at("instance_type") : ""}};
  }
  return o;
}

nlohmann::ordered_json ComputeMigrationKind::companion_scenario(const CompanionFormFields& f) {
  nlohmann::ordered_json row = {
      {"name", "your fleet"}, {"instance_type", f.text("instance_type")}, {"count", f.whole_or_text("count")}};
  row["target"] = f.raw("target") == "type" ? nlohmann::ordered_json{{"instance_type", f.text("target_type")}}
                                            : nlohmann::ordered_json{{"equivalent", "graviton"}};
  auto s = f.header(id, "Your fleet");
  s["region"] = f.raw("region");
  s["hours_per_month"] = 730;
  s["fleet"] = nlohmann::ordered_json::array({row});
  // The chosen performance claim: the episode scenario's "performance" object as written.
  const std::string performance = f.raw("performance");
  const auto& objects = f.options().value("performance-objects", nlohmann::ordered_json::object());
  if (!performance.empty() && objects.contains(performance)) s["performance"] = objects.at(performance);
  return s;
}

}  // namespace costproof
