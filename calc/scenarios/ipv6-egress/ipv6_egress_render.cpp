// Markdown (show notes) and JSON renderings of an IPv6 egress result.
// The Markdown's words live in templates/section.md (and its partials); this
// file fills them with already-formatted values, named as in render_json where
// the two overlap. Every equation printed re-checks from its printed operands:
// the arithmetic section prints exact values; the headline tables print values
// rounded by rounding_policy.h, with a "Rounding" line where a rounded column
// would not add up. Divisions that do not come out even are printed with "≈"
// and followed by an exact check.
#include <set>
#include <sstream>

#include "core/format.h"
#include "render/source_notes.h"
#include "render/text_template.h"
#include "scenarios/ipv6-egress/ipv6_egress.h"

#include <set>
#include "core/rounded_column.h"
#include "core/rounding_policy.h"

namespace costproof {

// The one definition of "best design" and its baseline, stated in conventions.best_design.
const char* const kBestDesignDefinition =
    "the combined design: each VPC's best available NAT design (IPv6-only where every destination answers over IPv6, "
    "else dual-stack) plus giving up its removable public IPv4 addresses; its saving is against keeping NAT, over "
    "today's whole egress bill (percent_base)";
namespace {

using nlohmann::json;

const Decimal kTwelve = Decimal::from_int(12);
const Quantity kTwelveMonths(kTwelve);  // a monthly amount x 12 = a year

constexpr EgressDesign kAllDesigns[] = {EgressDesign::kKeepNat, EgressDesign::kDualStack, EgressDesign::kIpv6Only,
                                        EgressDesign::kFewerIpv4, EgressDesign::kCombined};
constexpr EgressDesign kAlternatives[] = {EgressDesign::kDualStack, EgressDesign::kIpv6Only,
                                          EgressDesign::kFewerIpv4, EgressDesign::kCombined};

std::string cite(const Ipv6EgressResult& r, const std::shared_ptr<const PriceSource>& s) {
  for (std::size_t i = 0; i < r.notes.sources().size(); ++i)
    if (r.notes.sources()[i] == s) return "[" + std::to_string(i + 1) + "]";
  return "";
}

int cite_number(const Ipv6EgressResult& r, const std::shared_ptr<const PriceSource>& s) {
  return std::stoi(cite(r, s).substr(1));
}

std::string ex(const Money& m) { return format_usd_exact(m); }
std::string ex(const Decimal& d) { return format_usd_exact(d); }
std::string rd(const Money& m) { return format_usd_rounded(m); }
std::string rd(const Decimal& d) { return format_usd_rounded(d); }
std::string num(const Quantity& q) { return format_number(q.value()); }
std::string num(const Decimal& d) { return format_number(d); }
std::string pct(const Decimal& p) { return format_number(p) + "%"; }
bool is_one(const Quantity& q) { return q.value() == Decimal::from_int(1); }
// "$0.045/h", "$0.045/GB"
std::string rate(const PriceRow* row) {
  return format_price(row->price) + (row->unit == "hour" ? "/h" : "/" + row->unit);
}

std::string nat_basis(const EgressVpc& v) {
  switch (v.nat_layout) {
    case NatLayout::kPerAz: return "one per AZ";
    case NatLayout::kShared: return "one shared by the VPC";
    case NatLayout::kCount: return "set in the scenario";
  }
  return "";
}

// "a + b + c = d" over exact amounts; just "d" for one part.
std::string sum_text(const std::vector<Money>& parts, const Money& total) {
  if (parts.size() < 2) return ex(total);
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? " + " : "") + ex(parts[i]);
  return out + " = " + ex(total);
}

// Marks each item of a template list with "first" (for separators between items).
json mark_first(json items) {
  for (std::size_t i = 0; i < items.size(); ++i) items[i]["first"] = i == 0;
  return items;
}

// A text field that templates test with {{#field}}: null (false) when empty.
json text_or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

// One price row: its table text, its rate in equations ("$0.045/h") and its footnote number.
json price_data(const Ipv6EgressResult& r, const PriceRow* row) {
  json j = {{"description", row->description},
            {"price_text", row->price_text()},
            {"price", format_price(row->price)},
            {"rate", rate(row)},
            {"source", std::to_string(cite_number(r, row->source))},
            {"as_of", row->source->as_of.to_string()}};
  if (row->tier_start) {
    j["tier_start_gb"] = num(*row->tier_start);
    j["tier_end_gb"] = row->tier_end ? json(num(*row->tier_end)) : json(nullptr);
  }
  return j;
}

// The flags templates/short-name.md and verdict-word.md choose their words by.
json design_flags(EgressDesign d) {
  return {{"is_keep_nat", d == EgressDesign::kKeepNat},     {"is_dual_stack", d == EgressDesign::kDualStack},
          {"is_ipv6_only", d == EgressDesign::kIpv6Only},   {"is_fewer_ipv4", d == EgressDesign::kFewerIpv4},
          {"is_combined", d == EgressDesign::kCombined}};
}

json verdict_flags(const std::string& verdict) {
  return {{"verdict_yes", verdict == "yes"}, {"verdict_no", verdict == "no"},
          {"verdict_partly", verdict != "yes" && verdict != "no"}};
}

// A VPC's public IPv4 addresses, with "_one" flags for singular words.
json ipv4_data(const PublicIpv4Addresses& a) {
  return {{"nat_elastic_ips", num(a.nat_elastic_ips)},     {"nat_elastic_ips_one", is_one(a.nat_elastic_ips)},
          {"load_balancer_ips", num(a.load_balancer_ips)}, {"load_balancer_ips_one", is_one(a.load_balancer_ips)},
          {"instance_ips", num(a.instance_ips)},           {"instance_ips_one", is_one(a.instance_ips)},
          {"removable_ips", num(a.removable_ips)},         {"total", num(a.total())}};
}

// One design for one VPC: the operands of its exact lines (templates/design-lines.md).
json design_cost_data(const EgressVpc& v, const DesignCost& d) {
  json j = design_flags(d.design);
  j["name"] = design_name(d.design);
  j["available"] = d.available;
  j["not_available_reason"] = d.not_available_reason;
  j["has_egress_only_gateway"] = !d.eigw_gateways.value().is_zero();
  j["all_through_egress_only_gateway"] = d.eigw_gb == v.monthly_gb_processed;
  j["nat_removed"] = d.nat_gateways.value().is_zero();
  j["unchanged"] = d.design != EgressDesign::kKeepNat;
  j["all_through_nat"] = d.nat_gb == v.monthly_gb_processed;
  j["nat_gateways"] = num(d.nat_gateways);
  j["gb_through_nat"] = num(d.nat_gb);
  j["egress_only_gateways"] = num(d.eigw_gateways);
  j["gb_through_egress_only_gateway"] = num(d.eigw_gb);
  j["public_ipv4_addresses"] = num(d.ipv4_addresses);
  // How many addresses the design keeps: all of the VPC's, minus what it gives up.
  json a = ipv4_data(v.ipv4);
  a["minus_nat_elastic_ips"] = d.nat_gateways.value().is_zero();
  a["minus_removable"] = (d.design == EgressDesign::kFewerIpv4 || d.design == EgressDesign::kCombined) &&
                         !v.ipv4.removable_ips.value().is_zero();
  a["reduced"] = a["minus_nat_elastic_ips"].get<bool>() || a["minus_removable"].get<bool>();
  a["kept"] = num(d.ipv4_addresses);
  j["address_expression"] = a;
  j["monthly_usd"] = {{"nat_gateway_hours", ex(d.nat_hours)},
                      {"nat_processing", ex(d.nat_processing)},
                      {"egress_only_gateway_hours", ex(d.eigw_hours)},
                      {"egress_only_gateway_processing", ex(d.eigw_processing)},
                      {"public_ipv4_addresses", ex(d.public_ipv4)}};
  std::vector<Money> parts;
  if (!d.eigw_gateways.value().is_zero()) parts.insert(parts.end(), {d.eigw_processing, d.eigw_hours});
  if (!d.nat_gateways.value().is_zero()) parts.insert(parts.end(), {d.nat_hours, d.nat_processing});
  parts.push_back(d.public_ipv4);
  j["total_sum"] = sum_text(parts, d.total());
  return j;
}

// A VPC's best NAT design against keeping NAT, at one month length.
json claim_data(const VpcCosts& c) {
  json j = {{"best_available_nat_design", design_flags(c.best_nat_design)},
            {"keep_nat_monthly_usd", ex(c[EgressDesign::kKeepNat].total())},
            {"best_nat_design_monthly_usd", ex(c[c.best_nat_design].total())},
            {"monthly_nat_saving_usd", ex(c.nat_saving)},
            {"holds", c.holds}};
  return j;
}

json vpc_data(const Ipv6EgressResult& r, const VpcResult& vr) {
  const EgressVpc& v = *vr.vpc;
  json j = {{"name", v.name},
            {"availability_zones", std::to_string(v.availability_zones)},
            {"one_az", v.availability_zones == 1},
            {"nat_gateways", num(v.nat_gateways)},
            {"one_nat_gateway", is_one(v.nat_gateways)},
            {"nat_gateways_basis", nat_basis(v)},
            {"monthly_gb_processed", num(v.monthly_gb_processed)},
            {"ipv6_reachable_percent", pct(v.ipv6_reachable_percent)},
            {"public_ipv4_addresses", ipv4_data(v.ipv4)},
            {"monthly_gb_data_transfer_out", num(v.monthly_gb_data_transfer_out)}};
  json designs = json::array();
  for (EgressDesign d : kAllDesigns) designs.push_back(design_cost_data(v, vr.costs[d]));
  j["designs"] = designs;
  json claim = claim_data(vr.costs);
  claim.update(verdict_flags(vr.verdict));
  claim["explanation"] = vr.explanation;
  claim["alternative_month"] = claim_data(vr.alternative_month);
  claim["same_verdict"] = vr.alternative_month.holds == vr.costs.holds;
  claim["same_saving"] = vr.alternative_month.nat_saving == vr.costs.nat_saving;
  j["claim"] = claim;
  j["break_even_gb_through_nat"] = vr.break_even_gb ? json(num(*vr.break_even_gb)) : json(nullptr);
  j["break_even_exact"] = vr.break_even_exact;
  j["break_even_check"] = nullptr;
  if (vr.break_even_gb)  // the threshold reached: break-even GB x IPv6 share x NAT $/GB
    j["break_even_check"] = ex(r.prices.nat_gb->price *
                               Quantity(vr.break_even_gb->value() * v.ipv6_reachable_percent * Decimal::parse("0.01")));
  return j;
}

// One design summed over the VPCs: exact totals and savings, and its rounded headline column.
json design_total_data(const Ipv6EgressResult& r, const DesignTotal& t) {
  const Money& today = r[EgressDesign::kKeepNat].total;
  const DataTransferOut& dto = r.data_transfer_out;
  json j = design_flags(t.design);
  j["id"] = design_id(t.design);
  j["name"] = design_name(t.design);
  j["available"] = t.available;
  j["not_available_reason"] = t.not_available_reason;
  std::vector<Money> parts;
  for (const auto& vr : r.vpcs) parts.push_back(vr.costs[t.design].total());
  if (dto.priced) parts.push_back(dto.cost);
  j["total_sum"] = sum_text(parts, t.total);
  j["single_part"] = parts.size() < 2;
  j["monthly_usd"] = {{"total", ex(t.total)}};
  j["monthly_saving_usd"] = ex(t.saving);
  j["yearly_saving_usd"] = ex(t.saving * kTwelveMonths);
  j["saving_percent_of_today"] =
      today.usd().is_zero() ? json(nullptr) : json(format_percent(percent_of(t.saving.usd(), today.usd())));
  j["costs_more"] = t.saving.usd().is_negative();
  j["rounded"] = {{"total", rd(t.total)},
                  {"saving_amount", rd(t.saving.usd().is_negative() ? -t.saving : t.saving)},
                  {"yearly_saving_usd", rd(t.saving * kTwelveMonths)}};
  // The headline cost table's column: each line rounded, with the rounding that makes it add up.
  std::vector<Money> lines = {t.nat_hours, t.nat_processing, t.eigw, t.public_ipv4};
  if (dto.priced) lines.push_back(t.data_transfer_out);
  const RoundedColumn col = round_column(lines);
  j["rounded_column"] = {{"nat_gateway_hours", rd(col.parts[0])},
                         {"nat_processing", rd(col.parts[1])},
                         {"egress_only_gateway", rd(col.parts[2])},
                         {"public_ipv4_addresses", rd(col.parts[3])},
                         {"data_transfer_out", dto.priced ? json(rd(col.parts[4])) : json(nullptr)},
                         {"rounding", rd(col.adjustment)},
                         {"total", rd(col.total)}};
  j["adjusted"] = t.available && !col.adjustment.is_zero();
  // The headline saving table's row: today minus this design, rounded so that it adds up.
  const RoundedColumn saving = round_column({today, -t.total});
  j["saving_row"] = {{"today", rd(saving.parts[0])},
                     {"this_design", rd(-saving.parts[1])},
                     {"rounding", rd(saving.adjustment)},
                     {"saving", rd(saving.total)}};
  j["saving_adjusted"] = t.available && !saving.adjustment.is_zero();
  return j;
}

json region_data(const Ipv6EgressResult& r, const RegionComparison& c) {
  const RoundedColumn col = round_column({c.keep_total, -c.best_total});
  return {{"region", c.prices.region},
          {"this_scenario", c.prices.region == r.scenario->region},
          {"nat_gateway_hour", price_data(r, c.prices.nat_hour)},
          {"nat_gateway_gb_processed", price_data(r, c.prices.nat_gb)},
          {"one_nat_gateway_monthly_usd", ex(c.gateway_month)},
          {"break_even_ipv6_gb", num(c.break_even_ipv6_gb)},
          {"break_even_exact", c.break_even_exact},
          {"break_even_check", ex(c.prices.nat_gb->price * c.break_even_ipv6_gb)},
          {"keep_nat_monthly_usd", ex(c.keep_total)},
          {"best_nat_design_monthly_usd", ex(c.best_total)},
          {"monthly_nat_saving_usd", ex(c.nat_saving)},
          {"vpcs_holding", std::to_string(c.vpcs_holding)},
          {"rounded", {{"one_nat_gateway_monthly_usd", rd(c.gateway_month)}, {"monthly_nat_saving_usd", rd(col.total)}}}};
}

}  // namespace

std::string render_markdown(const Ipv6EgressResult& r) {
  const auto& sc = *r.scenario;
  const VpcPrices& p = r.prices;
  const DataTransferOut& dto = r.data_transfer_out;
  json data;
  data["scenario"] = {{"id", sc.header.id},
                      {"title", sc.header.title},
                      {"region", sc.region},
                      {"audience", text_or_null(sc.header.audience)}};
  data["conventions"] = {{"hours_per_month", num(sc.hours_per_month)},
                         {"alternative_hours_per_month", num(r.alternative_hours)},
                         {"aws_calculator_month", sc.hours_per_month == Decimal::from_int(730)}};
  data["prices_as_of"] = r.prices_as_of.to_string();
  if (r.prices_as_of_newest != r.prices_as_of) data["prices_as_of_newest"] = r.prices_as_of_newest.to_string();
  data["warnings"] = r.warnings;
  data["prices"] = {{"nat_gateway_hour", price_data(r, p.nat_hour)},
                    {"nat_gateway_gb_processed", price_data(r, p.nat_gb)},
                    {"egress_only_gateway_hour", price_data(r, p.eigw_hour)},
                    {"egress_only_gateway_gb", price_data(r, p.eigw_gb)},
                    {"public_ipv4_address_hour", price_data(r, p.ipv4_hour)}};
  data["price_rows"] = json::array();
  for (const char* key : {"nat_gateway_hour", "nat_gateway_gb_processed", "egress_only_gateway_hour",
                          "egress_only_gateway_gb", "public_ipv4_address_hour"})
    data["price_rows"].push_back(data["prices"][key]);

  json vpcs = json::array();
  for (const auto& vr : r.vpcs) vpcs.push_back(vpc_data(r, vr));
  data["vpcs"] = mark_first(vpcs);
  data["single_vpc"] = r.vpcs.size() == 1 ? data["vpcs"][0] : json(nullptr);
  data["multiple_vpcs"] = r.vpcs.size() > 1;
  Decimal gateways, removable;
  for (const auto& v : sc.vpcs) {
    gateways += v.nat_gateways.value();
    removable += v.ipv4.removable_ips.value();
  }
  data["nat_gateways_total"] = num(gateways);
  data["removable_ips_total"] = {{"count", num(removable)},
                                 {"one", removable == Decimal::from_int(1)},
                                 {"none", removable.is_zero()}};

  json tiers = json::array();
  std::vector<Money> tier_costs;
  for (const auto& t : dto.tiers) {
    json j = price_data(r, t.row);
    j["gb"] = num(t.gb);
    j["monthly_usd"] = ex(t.cost);
    tiers.push_back(j);
    tier_costs.push_back(t.cost);
  }
  data["data_transfer_out"] = {{"gb", num(dto.gb)},
                               {"priced", dto.priced},
                               {"not_priced_reason", dto.not_priced_reason},
                               {"tiers", mark_first(tiers)},
                               {"no_tiers", dto.priced && dto.tiers.empty()},
                               {"several_tiers", dto.tiers.size() > 1},
                               {"total_sum", sum_text(tier_costs, dto.cost)},
                               {"monthly_usd", rd(dto.cost)},
                               {"free_tier", !dto.free_tier_gb.value().is_zero()},
                               {"free_tier_gb", num(dto.free_tier_gb)},
                               {"free_tier_applied", dto.free_tier_applied}};

  json designs = json::array();
  for (EgressDesign d : kAllDesigns) designs.push_back(design_total_data(r, r[d]));
  data["designs"] = mark_first(designs);
  data["keep_nat"] = designs[0];
  data["dual_stack"] = designs[1];
  data["ipv6_only"] = designs[2];
  data["fewer_ipv4"] = designs[3];
  data["combined"] = designs[4];
  json alternatives = json::array(), savings = json::array();
  bool cost_adjusted = false, saving_adjusted = false;
  for (const auto& d : designs) cost_adjusted = cost_adjusted || d["adjusted"].get<bool>();
  for (EgressDesign d : kAlternatives) {
    const json& j = designs[static_cast<std::size_t>(d)];
    alternatives.push_back(j);
    if (j["available"].get<bool>()) savings.push_back(j);
    saving_adjusted = saving_adjusted || j["saving_adjusted"].get<bool>();
  }
  data["alternatives"] = alternatives;
  data["available_alternatives"] = mark_first(savings);
  data["cost_table_adjusted"] = cost_adjusted;
  data["saving_table_adjusted"] = saving_adjusted;

  data["threshold"] = ex(sc.claim.threshold_usd_per_month);
  data["claim"] = verdict_flags(r.verdict);
  data["claim"].update(json{
      {"quoted", sc.claim.quoted},
      {"vpcs_holding", std::to_string(r.vpcs_holding)},
      {"vpcs", std::to_string(sc.vpcs.size())},
      {"one_nat_gateway_monthly_usd", ex(p.nat_hour->price * Quantity::whole(1) * Quantity(sc.hours_per_month))},
      {"one_nat_gateway_alternative_month_usd",
       ex(p.nat_hour->price * Quantity::whole(1) * Quantity(r.alternative_hours))},
      {"one_public_ipv4_address_monthly_usd",
       ex(p.ipv4_hour->price * Quantity::whole(1) * Quantity(sc.hours_per_month))},
      {"one_public_ipv4_address_alternative_month_usd",
       ex(p.ipv4_hour->price * Quantity::whole(1) * Quantity(r.alternative_hours))}});

  json by_az = json::array();
  for (const auto& b : r.by_az)
    by_az.push_back({{"availability_zones", std::to_string(b.availability_zones)},
                     {"one_az", b.availability_zones == 1},
                     {"nat_gateway_hours_monthly_usd", ex(b.nat_hours)},
                     {"nat_elastic_ips_monthly_usd", ex(b.nat_elastic_ips)},
                     {"fixed_saving_monthly_usd", ex(b.total)},
                     {"fixed_saving_alternative_month_usd", ex(b.total_alternative_month)}});
  json regions = json::array();
  for (const auto& c : r.regions) regions.push_back(region_data(r, c));
  data["break_even"] = {{"processing_only_ipv6_gb", num(r.break_even_ipv6_gb)},
                        {"processing_only_exact", r.break_even_exact},
                        {"processing_only_check", ex(p.nat_gb->price * r.break_even_ipv6_gb)},
                        {"dual_stack_fixed_saving", ex(Decimal())},
                        {"nat_removal_by_availability_zones", by_az},
                        {"regions", mark_first(regions)}};

  std::ostringstream closing;  // the shared "### Assumptions" and "### Sources" sections
  render_assumptions_and_sources(closing, r.assumptions, r.notes);
  data["assumptions_and_sources"] = closing.str();
  return fill_template("ipv6-egress/section.md", data);
}

namespace {


nlohmann::ordered_json price_json(const Ipv6EgressResult& r, const PriceRow* row) {
  nlohmann::ordered_json j = {{"key", row->key},
                              {"region", row->region},
                              {"unit", row->unit},
                              {"usd_per_unit", row->price.usd_per_unit().to_string()},
                              {"source", cite_number(r, row->source)}};
  if (row->tier_start) {
    j["tier_start_gb"] = row->tier_start->to_string();
    j["tier_end_gb"] = row->tier_end ? nlohmann::ordered_json(row->tier_end->to_string()) : nlohmann::ordered_json("Inf");
  }
  return j;
}

// The distinct footnote numbers of `rows`, ascending.
nlohmann::ordered_json used_sources(const Ipv6EgressResult& r, const std::vector<const PriceRow*>& rows) {
  std::set<int> numbers;
  for (const PriceRow* row : rows) numbers.insert(cite_number(r, row->source));
  return nlohmann::ordered_json(std::vector<int>(numbers.begin(), numbers.end()));
}

nlohmann::ordered_json design_cost_json(const DesignCost& d) {
  nlohmann::ordered_json j = {{"id", design_id(d.design)}, {"available", d.available}};
  if (!d.available) {  // not priced: the design cannot carry this VPC's traffic
    j["not_available_reason"] = d.not_available_reason;
    return j;
  }
  j["not_available_reason"] = nullptr;
  j["nat_gateways"] = d.nat_gateways.value().to_string();
  j["gb_through_nat"] = d.nat_gb.value().to_string();
  j["egress_only_gateways"] = d.eigw_gateways.value().to_string();
  j["gb_through_egress_only_gateway"] = d.eigw_gb.value().to_string();
  j["public_ipv4_addresses"] = d.ipv4_addresses.value().to_string();
  j["monthly_usd"] = {{"nat_gateway_hours", money_json(d.nat_hours)},
                      {"nat_processing", money_json(d.nat_processing)},
                      {"egress_only_gateway_hours", money_json(d.eigw_hours)},
                      {"egress_only_gateway_processing", money_json(d.eigw_processing)},
                      {"public_ipv4_addresses", money_json(d.public_ipv4)},
                      {"total_without_data_transfer_out", money_json(d.total())}};
  return j;
}

nlohmann::ordered_json claim_json(const VpcCosts& c) {
  return {{"best_available_nat_design", design_id(c.best_nat_design)},
          {"keep_nat_monthly_usd", money_json(c[EgressDesign::kKeepNat].total())},
          {"best_nat_design_monthly_usd", money_json(c[c.best_nat_design].total())},
          {"monthly_nat_saving_usd", money_json(c.nat_saving)},
          {"holds", c.holds}};
}

}  // namespace

nlohmann::ordered_json render_json(const Ipv6EgressResult& r) {
  const auto& sc = *r.scenario;
  const VpcPrices& p = r.prices;
  const DataTransferOut& dto = r.data_transfer_out;
  const Money& today = r[EgressDesign::kKeepNat].total;
  nlohmann::ordered_json out;
  out["scenario"] = {{"id", sc.header.id},           {"kind", sc.header.kind}, {"title", sc.header.title},
                     {"episode", sc.header.episode}, {"file", sc.header.file}, {"region", sc.region}};
  out["conventions"] = {{"hours_per_month", sc.hours_per_month.to_string()},
                        {"alternative_hours_per_month", r.alternative_hours.to_string()},
                        {"months_per_year", "12"},
                        {"currency", "USD"},
                        {"rounding", kDisplayRounding.name},
                        {"break_even_rounding", "GB rounded up to 0.01"},
                        {"percent_base", dto.priced ? "today's egress bill: NAT gateways, egress-only gateways, public "
                                                      "IPv4 addresses and data transfer out of the scenario's VPCs"
                                                    : "today's priced egress bill: NAT gateways, egress-only gateways "
                                                      "and public IPv4 addresses (data transfer out not priced)"},
                        {"best_design", kBestDesignDefinition}};
  out["prices_as_of"] = r.prices_as_of.to_string();
  out["prices_as_of_newest"] = r.prices_as_of_newest.to_string();
  out["checked_on"] = r.checked_on.to_string();
  out["warnings"] = r.warnings;
  out["prices"] = {{"nat_gateway_hour", price_json(r, p.nat_hour)},
                   {"nat_gateway_gb_processed", price_json(r, p.nat_gb)},
                   {"egress_only_gateway_hour", price_json(r, p.eigw_hour)},
                   {"egress_only_gateway_gb", price_json(r, p.eigw_gb)},
                   {"public_ipv4_address_hour", price_json(r, p.ipv4_hour)}};

  nlohmann::ordered_json vpcs = nlohmann::ordered_json::array();
  for (const auto& vr : r.vpcs) {
    const auto& v = *vr.vpc;
    nlohmann::ordered_json j = {{"name", v.name},
                                {"availability_zones", v.availability_zones},
                                {"nat_gateways", v.nat_gateways.value().to_string()},
                                {"nat_gateways_basis", nat_basis(v)},
                                {"monthly_gb_processed", v.monthly_gb_processed.value().to_string()},
                                {"ipv6_reachable_percent", v.ipv6_reachable_percent.to_string()},
                                {"public_ipv4_addresses",
                                 {{"nat_elastic_ips", v.ipv4.nat_elastic_ips.value().to_string()},
                                  {"load_balancer_ips", v.ipv4.load_balancer_ips.value().to_string()},
                                  {"instance_ips", v.ipv4.instance_ips.value().to_string()},
                                  {"removable_ips", v.ipv4.removable_ips.value().to_string()},
                                  {"total", v.ipv4.total().value().to_string()}}},
                                {"monthly_gb_data_transfer_out", v.monthly_gb_data_transfer_out.value().to_string()}};
    nlohmann::ordered_json designs = nlohmann::ordered_json::array();
    for (const auto& d : vr.costs.designs) designs.push_back(design_cost_json(d));
    j["designs"] = designs;
    nlohmann::ordered_json claim = claim_json(vr.costs);
    claim["verdict"] = vr.verdict;
    claim["explanation"] = vr.explanation;
    claim["alternative_month"] = claim_json(vr.alternative_month);
    // The footnotes this VPC's NAT-related saving used (claims cite only these).
    claim["sources"] = used_sources(r, {p.nat_hour, p.nat_gb, p.eigw_hour, p.eigw_gb, p.ipv4_hour});
    j["claim"] = claim;
    j["break_even_gb_through_nat"] =
        vr.break_even_gb ? nlohmann::ordered_json(vr.break_even_gb->value().to_string()) : nlohmann::ordered_json(nullptr);
    j["break_even_exact"] = vr.break_even_exact;
    vpcs.push_back(j);
  }
  out["vpcs"] = vpcs;

  nlohmann::ordered_json tiers = nlohmann::ordered_json::array();
  for (const auto& t : dto.tiers)
    tiers.push_back({{"price", price_json(r, t.row)}, {"gb", t.gb.value().to_string()}, {"monthly_usd", money_json(t.cost)}});
  out["data_transfer_out"] = {{"gb", dto.gb.value().to_string()},
                              {"priced", dto.priced},
                              {"not_priced_reason", dto.priced ? nlohmann::ordered_json(nullptr)
                                                               : nlohmann::ordered_json(dto.not_priced_reason)},
                              {"tiers", tiers},
                              {"monthly_usd", dto.priced ? money_json(dto.cost) : nlohmann::ordered_json(nullptr)}};

  nlohmann::ordered_json designs = nlohmann::ordered_json::array();
  for (const auto& t : r.designs) {
    nlohmann::ordered_json j = {{"id", design_id(t.design)}, {"name", design_name(t.design)}, {"available", t.available}};
    if (!t.available) {
      j["not_available_reason"] = t.not_available_reason;
      designs.push_back(j);
      continue;
    }
    j["not_available_reason"] = nullptr;
    j["monthly_usd"] = {{"nat_gateway_hours", money_json(t.nat_hours)},
                        {"nat_processing", money_json(t.nat_processing)},
                        {"egress_only_gateway", money_json(t.eigw)},
                        {"public_ipv4_addresses", money_json(t.public_ipv4)},
                        {"data_transfer_out", dto.priced ? money_json(t.data_transfer_out) : nlohmann::ordered_json(nullptr)},
                        {"total", money_json(t.total)}};
    j["monthly_saving_usd"] = money_json(t.saving);
    j["yearly_saving_usd"] = money_json(t.saving * kTwelveMonths);
    j["saving_percent_of_today"] =
        today.usd().is_zero() ? nlohmann::ordered_json(nullptr)
                              : nlohmann::ordered_json(percent_of(t.saving.usd(), today.usd()).to_string());
    designs.push_back(j);
  }
  out["designs"] = designs;
  // The one "best design" of every output (key figures, CSV, prose): conventions.best_design.
  const DesignTotal& best = r[EgressDesign::kCombined];
  out["best_design"] = {{"id", design_id(best.design)},
                        {"baseline", design_id(EgressDesign::kKeepNat)},
                        {"baseline_monthly_usd", money_json(today)},
                        {"monthly_usd", money_json(best.total)},
                        {"monthly_saving_usd", money_json(best.saving)},
                        {"saving_percent_of_today",
                         today.usd().is_zero() ? nlohmann::ordered_json(nullptr)
                                               : nlohmann::ordered_json(percent_of(best.saving.usd(), today.usd()).to_string())}};
  std::vector<const PriceRow*> best_rows = {p.nat_hour, p.nat_gb, p.eigw_hour, p.eigw_gb, p.ipv4_hour};
  for (const auto& t : dto.tiers) best_rows.push_back(t.row);
  out["best_design"]["sources"] = used_sources(r, best_rows);

  out["claim"] = {{"quoted", sc.claim.quoted},
                  {"threshold_usd_per_month", sc.claim.threshold_usd_per_month.to_string()},
                  {"verdict", r.verdict},
                  {"vpcs_holding", r.vpcs_holding},
                  {"vpcs", r.vpcs.size()},
                  {"one_nat_gateway_monthly_usd",
                   money_json(p.nat_hour->price * Quantity::whole(1) * Quantity(sc.hours_per_month))},
                  {"one_nat_gateway_alternative_month_usd",
                   money_json(p.nat_hour->price * Quantity::whole(1) * Quantity(r.alternative_hours))}};

  nlohmann::ordered_json by_az = nlohmann::ordered_json::array();
  for (const auto& b : r.by_az)
    by_az.push_back({{"availability_zones", b.availability_zones},
                     {"nat_gateway_hours_monthly_usd", money_json(b.nat_hours)},
                     {"nat_elastic_ips_monthly_usd", money_json(b.nat_elastic_ips)},
                     {"fixed_saving_monthly_usd", money_json(b.total)},
                     {"fixed_saving_alternative_month_usd", money_json(b.total_alternative_month)}});
  nlohmann::ordered_json regions = nlohmann::ordered_json::array();
  for (const auto& c : r.regions)
    regions.push_back({{"region", c.prices.region},
                       {"nat_gateway_hour", price_json(r, c.prices.nat_hour)},
                       {"nat_gateway_gb_processed", price_json(r, c.prices.nat_gb)},
                       {"one_nat_gateway_monthly_usd", money_json(c.gateway_month)},
                       {"break_even_ipv6_gb", c.break_even_ipv6_gb.value().to_string()},
                       {"break_even_exact", c.break_even_exact},
                       {"keep_nat_monthly_usd", money_json(c.keep_total)},
                       {"best_nat_design_monthly_usd", money_json(c.best_total)},
                       {"monthly_nat_saving_usd", money_json(c.nat_saving)},
                       {"vpcs_holding", c.vpcs_holding}});
  out["break_even"] = {{"processing_only_ipv6_gb", r.break_even_ipv6_gb.value().to_string()},
                       {"processing_only_exact", r.break_even_exact},
                       {"nat_removal_by_availability_zones", by_az},
                       {"regions", regions}};
  out["assumptions"] = r.assumptions;
  out["sources"] = sources_json(r.notes);
  return out;
}

}  // namespace costproof
