// The database-savings-plan kind's companion form (templates/form.html; scenarios/companion_form.h).
#include "scenarios/database-savings-plan/kind.h"

namespace costproof {

nlohmann::ordered_json DatabaseSavingsPlanKind::companion_form_options(const CompanionFormInput& in) {
  nlohmann::ordered_json o;
  o["regions"] = region_options(map_keys(price_keys_by_region(in.catalog, {"aurora", "rds"})));
  // Only the instance classes a Database Savings Plan covers (the family's eligibility rule in the
  // plan's table names a discount), each marked with the engines that have a price for it.
  o["instance-types"] = nlohmann::ordered_json::object();
  const auto rds = price_keys_by_region(in.catalog, {"rds"}, "db.");
  const auto aurora = price_keys_by_region(in.catalog, {"aurora"}, "db.");
  for (const auto& [region, keys] : price_keys_by_region(in.catalog, {"rds", "aurora"}, "db.")) {
    auto list = nlohmann::ordered_json::array();
    for (const auto& key : keys) {
      const PriceRow* rule = in.catalog.try_find(kDatabaseSavingsPlansService, region,
                                                 "instance-family:" + key.substr(0, key.find('.', 3)));
      if (!rule || rule->discount == "none") continue;
      const bool in_rds = rds.contains(region) && rds.at(region).contains(key);
      const bool in_aurora = aurora.contains(region) && aurora.at(region).contains(key);
      list.push_back({{"value", key},
                      {"label", key + (in_rds && in_aurora ? " (RDS and Aurora)" : in_rds ? " (RDS only)" : " (Aurora only)")}});
    }
    o["instance-types"][region] = list;
  }
  // The first Aurora Serverless v2 line of the episode's scenarios gives the starting values.
  o["defaults"] = nlohmann::ordered_json::object();
  for (const auto& s : in.scenarios)
    for (const auto& u : s.at("usage"))
      if (u.value("type", "") == "aurora-serverless-v2") {
        o["defaults"] = {{"region", s.at("region")},
                         {"type", "aurora-serverless-v2"},
                         {"acu", form_text(u, "acu_hours_per_hour")},
                         {"shape", "constant"}};
        return o;
      }
  return o;
}

nlohmann::ordered_json DatabaseSavingsPlanKind::companion_scenario(const CompanionFormFields& f) {
  const std::string type = f.raw("type");
  nlohmann::ordered_json line = {{"name", "your database"}, {"type", type}};
  if (type == "aurora-serverless-v2") {
    line["configuration"] = "standard";
    line["acu_hours_per_hour"] = f.number("acu");
  } else {
    line["instance_type"] = f.text("db_instance_type");
    line["engine"] = f.raw("engine");
    if (type == "rds-instance") line["deployment"] = f.raw("deployment");
    line["count"] = f.whole_or_text("db_count");
  }
  // The week's shapes the form offers ("constant" needs no profile).
  const std::string shape = f.raw("shape");
  if (shape == "business-hours")
    line["profile"] = {{"shape", shape}, {"start_hour", 9}, {"end_hour", 18}, {"days", "weekdays"},
                       {"off_hours_percent", 0}};
  else if (shape == "nightly-scale-down")
    line["profile"] = {{"shape", shape}, {"start_hour", 22}, {"end_hour", 6}, {"night_percent", 25}};
  auto usage = nlohmann::ordered_json::array({line});
  if (!f.number("storage").empty())
    usage.push_back({{"name", "your storage"},
                     {"type", "aurora-storage"},
                     {"configuration", "standard"},
                     {"gib_months_per_month", f.number("storage")}});
  auto s = f.header(id, "Your database");
  s["region"] = f.raw("region");
  s["usage"] = usage;
  return s;
}

}  // namespace costproof
