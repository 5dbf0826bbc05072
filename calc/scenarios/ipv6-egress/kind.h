// The ipv6-egress scenario kind's descriptor (see scenarios/kind_list.h):
// NAT gateways vs IPv6 egress designs for one or more VPCs.
#pragma once

#include <optional>
#include <string_view>

#include "render/svg_chart.h"
#include "scenarios/companion_form.h"
#include "scenarios/ipv6-egress/ipv6_egress.h"

namespace costproof {

// Companion chart: the scenario's first VPC with 0 .. 2 x max(its GB, the GB at which the claim's
// saving is reached by dual-stack) processed a month, its own GB marked; y = monthly cost of keeping
// the NAT gateways and of the best available IPv6 design (without data transfer out, which is the
// same in every design). `result`: calculate()'s result for `scenario` (its first VPC's costs and break-even).
LineChart nat_vs_ipv6_chart(const Ipv6EgressScenario& scenario, const Ipv6EgressResult& result,
                            const PriceCatalog& catalog);

struct Ipv6EgressKind {
  static constexpr std::string_view id = "ipv6-egress";
  static constexpr std::string_view docs = "docs/scenario-ipv6-egress.md";  // where its fields are described
  using Scenario = Ipv6EgressScenario;
  using Result = Ipv6EgressResult;
  static Scenario parse(JsonReader& r, ScenarioHeader h, const ReadRelativeFile&) {
    return parse_ipv6_egress(r, std::move(h));
  }
  static Result calculate(const Scenario& s, const PriceCatalog& c, const Date& today, long max_age) {
    return costproof::calculate(s, c, today, max_age);
  }
  static std::string markdown(const Result& r) { return render_markdown(r); }
  static nlohmann::ordered_json json(const Result& r) { return render_json(r); }
  static std::optional<LineChart> chart(const Scenario& s, const Result& r, const PriceCatalog& c, const Date&) {
    return nat_vs_ipv6_chart(s, r, c);
  }
  // The companion page's form (templates/form.html): its options and defaults, and the scenario
  // of its submitted fields (scenarios/companion_form.h).
  static nlohmann::ordered_json companion_form_options(const CompanionFormInput& in);
  static nlohmann::ordered_json companion_scenario(const CompanionFormFields& fields);
};

}  // namespace costproof
