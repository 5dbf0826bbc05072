// The ipv6-egress kind's companion form (templates/form.html; scenarios/companion_form.h).
#include "scenarios/ipv6-egress/kind.h"

namespace costproof {

nlohmann::ordered_json Ipv6EgressKind::companion_form_options(const CompanionFormInput& in) {
  nlohmann::ordered_json o;
  o["regions"] = region_options(in.catalog.regions_with("vpc", "nat-gateway-hour"));
  o["defaults"] = nlohmann::ordered_json::object();
  if (in.scenarios.empty()) return o;
  // The first scenario's claim is the form's; its first VPC gives the starting values.
  const auto& s = in.scenarios.front();
  o["claim"] = s.at("claim");
  const auto& v = s.at("vpcs").at(0);
  const auto addresses = v.value("public_ipv4_addresses", nlohmann::ordered_json::object());
  o["defaults"] = {{"region", s.at("region")},
                   {"azs", form_text(v, "availability_zones")},
                   // How many NAT gateways: one per AZ, one shared, or the number written.
                   {"nat_gateways", v.at("nat_gateways") == "per-az" ? form_text(v, "availability_zones")
                                    : v.at("nat_gateways") == "shared" ? "1"
                                                                       : form_text(v, "nat_gateways")},
                   {"gb", form_text(v, "monthly_gb_processed")},
                   {"ipv6_percent", form_text(v, "ipv6_reachable_percent")},
                   {"lb_ips", form_text(addresses, "load_balancer_ips", "0")},
                   {"instance_ips", form_text(addresses, "instance_ips", "0")},
                   {"dto", form_text(v, "monthly_gb_data_transfer_out", "0")}};
  return o;
}

nlohmann::ordered_json Ipv6EgressKind::companion_scenario(const CompanionFormFields& f) {
  // The NAT gateway count as typed (a whole number, 1 to the AZ count); each has one Elastic IP.
  const auto nat_gateways = f.whole_or_text("nat_gateways");
  nlohmann::ordered_json vpc = {
      {"name", "your VPC"},
      {"availability_zones", f.whole_or_text("azs")},
      {"nat_gateways", nat_gateways},
      {"monthly_gb_processed", f.number("gb")},
      {"ipv6_reachable_percent", f.number("ipv6_percent")},
      {"public_ipv4_addresses",
       {{"nat_elastic_ips", nat_gateways.is_number_integer() ? nat_gateways : nlohmann::ordered_json(1)},
        {"load_balancer_ips", f.whole_or_text("lb_ips", "0")},
        {"instance_ips", f.whole_or_text("instance_ips", "0")},
        {"removable_ips", 0}}},
      {"monthly_gb_data_transfer_out", f.raw("dto").empty() ? "0" : f.number("dto")}};
  auto s = f.header(id, "Your VPC");
  s["region"] = f.raw("region");
  s["hours_per_month"] = 730;
  s["vpcs"] = nlohmann::ordered_json::array({vpc});
  if (f.options().contains("claim")) s["claim"] = f.options().at("claim");
  return s;
}

}  // namespace costproof
