#include "scenarios/companion_prices.h"

#include <string_view>

#include "core/error.h"
#include "core/json_reader.h"

namespace costproof {

void CompanionPriceNeeds::merge(const CompanionPriceNeeds& other) {
  services.insert(other.services.begin(), other.services.end());
  rows.insert(other.rows.begin(), other.rows.end());
  shapes = shapes || other.shapes;
}

CompanionPriceNeeds episode_price_needs(const std::vector<Scenario>& episode_scenarios) {
  CompanionPriceNeeds needs;
  ScenarioKinds::for_each([&]<class Kind>() {
    std::vector<const typename Kind::Scenario*> of_kind;
    for (const auto& s : episode_scenarios)
      if (const auto* p = std::get_if<typename Kind::Scenario>(&s)) of_kind.push_back(p);
    if (!of_kind.empty()) needs.merge(companion_price_needs<Kind>(of_kind));
  });
  return needs;
}

std::vector<PricingFile> companion_pricing_files(const std::vector<PricingFile>& files,
                                                 const CompanionPriceNeeds& needs) {
  static constexpr std::string_view kShapes = "aws/ec2-instance-shapes.json";
  std::vector<PricingFile> out;
  std::set<std::string> kept_keys;  // row keys of the trimmed tables (their instance shapes stay)
  const PricingFile* shapes = nullptr;
  for (const auto& f : files) {
    if (f.path == kShapes) {
      shapes = &f;
      continue;
    }
    // "aws/<region>/<service>.json"
    const std::string_view path = f.path;
    const auto slash = path.rfind('/');
    const auto up = slash == std::string_view::npos ? std::string_view::npos : path.rfind('/', slash - 1);
    if (up == std::string_view::npos || !path.ends_with(".json")) {
      out.push_back(f);  // not a table path: kept, so that build_price_catalog reports it as before
      continue;
    }
    const std::string region(path.substr(up + 1, slash - up - 1));
    const std::string service(path.substr(slash + 1, path.size() - slash - 1 - 5));
    if (needs.services.contains(service)) {
      out.push_back(f);
      continue;
    }
    bool any = false;
    for (const auto& [s, r, k] : needs.rows) any = any || (s == service && (r == region || region == "global"));
    if (!any) continue;
    auto doc = parse_json_text(f.text, f.label, JsonOrigin::kPricingData);
    if (!doc.contains("rows") || !doc["rows"].is_array()) {
      out.push_back(f);
      continue;
    }
    nlohmann::json kept = nlohmann::json::array();
    for (auto& row : doc["rows"]) {
      if (!row.is_object() || !row.contains("key") || !row["key"].is_string()) continue;
      const std::string key = row["key"].get<std::string>();
      bool wanted = false;
      for (const auto& [s, r, k] : needs.rows) wanted = wanted || (s == service && k == key && (r == region || region == "global"));
      if (wanted) {
        kept_keys.insert(key);
        kept.push_back(std::move(row));
      }
    }
    if (kept.empty()) continue;
    doc["rows"] = std::move(kept);
    out.push_back({f.path, f.label, doc.dump()});
  }
  if (shapes && needs.shapes) {
    out.push_back(*shapes);
  } else if (shapes) {
    // The shapes of the kept rows' instance types; the file must list one at least, so the first
    // stays when none is kept (no form looks shapes up then).
    auto doc = parse_json_text(shapes->text, shapes->label, JsonOrigin::kPricingData);
    if (doc.contains("shapes") && doc["shapes"].is_array() && !doc["shapes"].empty()) {
      nlohmann::json kept = nlohmann::json::array();
      for (auto& shape : doc["shapes"])
        if (shape.is_object() && shape.contains("instance_type") && shape["instance_type"].is_string() &&
            kept_keys.contains(shape["instance_type"].get<std::string>()))
          kept.push_back(shape);
      if (kept.empty()) kept.push_back(doc["shapes"].front());
      doc["shapes"] = std::move(kept);
    }
    out.push_back({shapes->path, shapes->label, doc.dump()});
  }
  return out;
}

}  // namespace costproof
