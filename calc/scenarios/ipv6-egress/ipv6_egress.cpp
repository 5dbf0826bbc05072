#include "scenarios/ipv6-egress/ipv6_egress.h"

#include <algorithm>
#include <set>

#include "core/calendar.h"
#include "core/error.h"
#include "core/format.h"
#include "core/json_reader.h"
#include "core/rounding_policy.h"
#include "render/text_template.h"

namespace costproof {
namespace {

const Decimal kHundred = Decimal::from_int(100);
const Decimal kOnePercent = Decimal::parse("0.01");
constexpr std::int64_t kMaxAvailabilityZones = 6;          // the most any AWS Region has (us-east-1)
constexpr std::int64_t kMaxAddresses = 100'000;
constexpr std::int64_t kMaxGbPerMonth = 100'000'000;       // 100 PB: a typo guard, not a limit of AWS
const char* const kDataTransferKey = "data-transfer-out-internet";

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// A whole number from `low` to `high`.
Quantity whole_in_range(JsonReader& r, std::string_view key, std::int64_t low, std::int64_t high,
                        const std::string& what, const std::string& fix = "") {
  const std::int64_t n = r.integer(key);
  if (n < low || n > high)
    r.fail(key, "expected " + what + " from " + std::to_string(low) + " to " + std::to_string(high) + ", got " +
                    std::to_string(n) + (fix.empty() ? "" : "; " + fix));
  return Quantity::whole(n);
}

// GB a month: 0 or more.
Quantity gigabytes(JsonReader& r, std::string_view key, const std::string& what) {
  const Decimal gb = r.decimal(key, what);
  if (gb.is_negative())
    r.fail(key, "expected " + what + ": 0 or more, got " + gb.to_string() +
                    "; traffic cannot be negative (write 0 for none)");
  if (gb > Decimal::from_int(kMaxGbPerMonth))
    r.fail(key, "expected " + what + ": at most 100,000,000 GB, got " + gb.to_string() +
                    "; check the unit (GB, not bytes)");
  return Quantity(gb.normalized());
}

void parse_nat_gateways(JsonReader& v, EgressVpc& vpc) {
  const std::string azs = std::to_string(vpc.availability_zones);
  const std::string expected = "\"per-az\" (one NAT gateway per Availability Zone), \"shared\" (one for the VPC) "
                               "or a whole number of NAT gateways from 1 to " + azs;
  if (!v.has("nat_gateways"))
    v.fail("", "missing required field \"nat_gateways\" (" + expected + "); add it");
  const auto& value = v.json().at("nat_gateways");
  if (value.is_string()) {
    const std::string layout = v.one_of("nat_gateways", {"per-az", "shared"});
    vpc.nat_layout = layout == "per-az" ? NatLayout::kPerAz : NatLayout::kShared;
    vpc.nat_gateways = Quantity::whole(layout == "per-az" ? vpc.availability_zones : 1);
  } else if (value.is_number_integer()) {
    vpc.nat_layout = NatLayout::kCount;
    const std::int64_t n = v.integer("nat_gateways");
    if (n < 1)
      v.fail("nat_gateways", "expected " + expected + ", got " + std::to_string(n) +
                                 "; a VPC without a NAT gateway has no NAT cost to save, so leave it out");
    if (n > vpc.availability_zones)
      v.fail("nat_gateways", "expected " + expected + ", got " + std::to_string(n) +
                                 "; more NAT gateways than Availability Zones is not modelled (a NAT gateway "
                                 "serves one AZ), so raise \"availability_zones\" or lower this");
    vpc.nat_gateways = Quantity::whole(n);
  } else {
    v.fail("nat_gateways", "expected " + expected + ", got " + describe_json(value));
  }
}

PublicIpv4Addresses parse_addresses(JsonReader& a, const EgressVpc& vpc) {
  PublicIpv4Addresses out;
  const std::string gateways = format_number(vpc.nat_gateways.value());
  out.nat_elastic_ips = whole_in_range(a, "nat_elastic_ips", 0, kMaxAddresses, "a number of Elastic IP addresses");
  if (out.nat_elastic_ips < vpc.nat_gateways)
    a.fail("nat_elastic_ips", "expected at least " + gateways + " (each public NAT gateway holds at least one "
                              "Elastic IP, and this VPC has " + gateways + "), got " +
                              format_number(out.nat_elastic_ips.value()) + "; count the NAT gateways' addresses");
  out.load_balancer_ips = whole_in_range(a, "load_balancer_ips", 0, kMaxAddresses,
                                         "a number of public IPv4 addresses (one per AZ per internet-facing load balancer)");
  out.instance_ips = whole_in_range(a, "instance_ips", 0, kMaxAddresses, "a number of public IPv4 addresses");
  if (a.has("removable_ips")) {
    const std::int64_t others = (out.load_balancer_ips + out.instance_ips).value().to_int64();
    out.removable_ips = whole_in_range(a, "removable_ips", 0, others,
                                       "a number of addresses, at most load_balancer_ips + instance_ips,",
                                       "NAT Elastic IPs go only with the NAT gateways (the IPv6-only design)");
  }
  a.reject_unknown_keys();
  return out;
}

}  // namespace

Ipv6EgressScenario parse_ipv6_egress(JsonReader& s, ScenarioHeader header) {
  Ipv6EgressScenario out;
  out.header = std::move(header);
  out.region = s.string("region");
  out.hours_per_month = parse_hours_per_month(s, "hours_per_month");
  std::set<std::string> names;
  for (auto& v : s.objects("vpcs", 1)) {
    EgressVpc vpc;
    vpc.pointer = v.pointer();
    vpc.name = v.string("name");
    if (!names.insert(vpc.name).second)
      v.fail("name", "expected a name no other VPC in this scenario uses, got \"" + vpc.name +
                         "\" a second time; give each VPC its own name");
    vpc.availability_zones =
        whole_in_range(v, "availability_zones", 1, kMaxAvailabilityZones, "a number of Availability Zones")
            .value()
            .to_int64();
    parse_nat_gateways(v, vpc);
    vpc.monthly_gb_processed = gigabytes(v, "monthly_gb_processed", "GB processed by the NAT gateways a month");
    vpc.ipv6_reachable_percent =
        v.decimal("ipv6_reachable_percent", "the share of NAT traffic reachable over IPv6, in percent");
    if (vpc.ipv6_reachable_percent.is_negative() || vpc.ipv6_reachable_percent > kHundred)
      v.fail("ipv6_reachable_percent",
             "expected a share in percent from 0 to 100, got " + vpc.ipv6_reachable_percent.to_string() +
                 "; it is the share of the GB through NAT whose destinations answer over IPv6");
    vpc.ipv6_reachable_percent = vpc.ipv6_reachable_percent.normalized();
    auto addresses = v.object("public_ipv4_addresses");
    vpc.ipv4 = parse_addresses(addresses, vpc);
    vpc.monthly_gb_data_transfer_out =
        gigabytes(v, "monthly_gb_data_transfer_out", "GB sent to the internet a month");
    v.reject_unknown_keys();
    out.vpcs.push_back(std::move(vpc));
  }
  if (s.has("data_transfer_out_free_tier"))
    out.data_transfer_out_free_tier = s.one_of("data_transfer_out_free_tier", {"none", "account"}) == "account";
  auto c = s.object("claim");
  out.claim.quoted = c.string("quoted");
  out.claim.threshold_usd_per_month = c.decimal("threshold_usd_per_month", "the claimed saving in USD a month");
  if (out.claim.threshold_usd_per_month <= Decimal::from_int(0))
    c.fail("threshold_usd_per_month", "expected a saving above 0 USD a month, got " +
                                          out.claim.threshold_usd_per_month.to_string() +
                                          "; for \"$30+/month\" write \"30\"");
  out.claim.threshold_usd_per_month = out.claim.threshold_usd_per_month.normalized();
  c.reject_unknown_keys();
  return out;
}

std::string design_id(EgressDesign design) {
  switch (design) {
    case EgressDesign::kKeepNat: return "keep-nat";
    case EgressDesign::kDualStack: return "dual-stack-egress-only-gateway";
    case EgressDesign::kIpv6Only: return "ipv6-only-no-nat";
    case EgressDesign::kFewerIpv4: return "fewer-public-ipv4";
    case EgressDesign::kCombined: return "combined";
  }
  return "";
}

std::string design_name(EgressDesign design) {
  switch (design) {
    case EgressDesign::kKeepNat: return "Keep NAT gateways (today)";
    case EgressDesign::kDualStack: return "Dual-stack: IPv6 through an egress-only gateway, NAT kept for IPv4";
    case EgressDesign::kIpv6Only: return "IPv6-only egress, NAT gateways removed";
    case EgressDesign::kFewerIpv4: return "Fewer public IPv4 addresses";
    case EgressDesign::kCombined: return "Combined: best available NAT design and fewer public IPv4 addresses";
  }
  return "";
}

VpcPrices find_vpc_prices(const PriceCatalog& catalog, const std::string& region) {
  VpcPrices p;
  p.region = region;
  p.nat_hour = &catalog.find("vpc", region, "nat-gateway-hour");
  p.nat_gb = &catalog.find("vpc", region, "nat-gateway-gb-processed");
  p.eigw_hour = &catalog.find("vpc", region, "egress-only-internet-gateway-hour");
  p.eigw_gb = &catalog.find("vpc", region, "egress-only-internet-gateway-gb");
  p.ipv4_hour = &catalog.find("vpc", region, "public-ipv4-address-hour");
  for (const auto& [row, unit] : {std::pair{p.nat_hour, "hour"}, std::pair{p.nat_gb, "GB"},
                                  std::pair{p.eigw_hour, "hour"}, std::pair{p.eigw_gb, "GB"},
                                  std::pair{p.ipv4_hour, "hour"}})
    if (row->unit != unit)
      throw PricingDataError(row->file, row->pointer,
                             "expected " + row->key + " priced per " + unit + ", got per " + row->unit +
                                 "; fix the row");
  return p;
}

VpcCosts price_vpc(const EgressVpc& vpc, const VpcPrices& p, const Decimal& hours_per_month,
                   const Decimal& threshold_usd) {
  const Quantity hours(hours_per_month);
  const Quantity one = Quantity::whole(1);
  const Quantity ipv6_gb(vpc.monthly_gb_processed.value() * vpc.ipv6_reachable_percent * kOnePercent);
  const bool all_ipv6 = vpc.ipv6_reachable_percent == kHundred;
  auto priced = [&](DesignCost d) {
    d.nat_hours = p.nat_hour->price * d.nat_gateways * hours;
    d.nat_processing = p.nat_gb->price * d.nat_gb;
    d.eigw_hours = p.eigw_hour->price * d.eigw_gateways * hours;
    d.eigw_processing = p.eigw_gb->price * d.eigw_gb;
    d.public_ipv4 = p.ipv4_hour->price * d.ipv4_addresses * hours;
    return d;
  };

  DesignCost keep;
  keep.design = EgressDesign::kKeepNat;
  keep.nat_gateways = vpc.nat_gateways;
  keep.nat_gb = vpc.monthly_gb_processed;
  keep.ipv4_addresses = vpc.ipv4.total();

  DesignCost dual = keep;
  dual.design = EgressDesign::kDualStack;
  dual.nat_gb = vpc.monthly_gb_processed - ipv6_gb;
  dual.eigw_gateways = one;
  dual.eigw_gb = ipv6_gb;

  DesignCost only;
  only.design = EgressDesign::kIpv6Only;
  only.eigw_gateways = one;
  only.eigw_gb = vpc.monthly_gb_processed;
  only.ipv4_addresses = vpc.ipv4.total() - vpc.ipv4.nat_elastic_ips;
  if (!all_ipv6) {
    only.available = false;
    only.not_available_reason =
        fill_template("ipv6-egress/ipv6-only-unavailable.md",
                      {{"vpc", vpc.name},
                       {"reachable", format_number(vpc.ipv6_reachable_percent)},
                       {"other", format_number(kHundred - vpc.ipv6_reachable_percent)}});
  }

  DesignCost fewer = keep;
  fewer.design = EgressDesign::kFewerIpv4;
  fewer.ipv4_addresses = keep.ipv4_addresses - vpc.ipv4.removable_ips;

  VpcCosts out;
  out.best_nat_design = all_ipv6 ? EgressDesign::kIpv6Only : EgressDesign::kDualStack;
  DesignCost combined = all_ipv6 ? only : dual;
  combined.design = EgressDesign::kCombined;
  combined.ipv4_addresses = combined.ipv4_addresses - vpc.ipv4.removable_ips;

  out.designs = {priced(keep), priced(dual), priced(only), priced(fewer), priced(combined)};
  out.nat_saving = out[EgressDesign::kKeepNat].total() - out[out.best_nat_design].total();
  out.holds = out.nat_saving.usd() >= threshold_usd;
  return out;
}

namespace {

// GB a month at which a saving reaches a threshold (rounding_policy.h: break_even_quantity).
Quantity round_up_gb(const Decimal& numerator, const Decimal& denominator, bool& exact) {
  return Quantity(break_even_quantity(numerator, denominator, &exact));
}

std::string usd(const Money& m) { return format_usd_rounded(m.usd()); }

// Why the claim holds or not for one VPC, in words (rounded amounts, no equations). It follows
// the verdict word ("Yes." / "No."), so it does not repeat it.
std::string explain(const EgressVpc& v, const VpcResult& r, const VpcPrices& p, const Decimal& hours,
                    const Decimal& threshold) {
  const VpcCosts& c = r.costs;
  const DesignCost& keep = c[EgressDesign::kKeepNat];
  const DesignCost& only = c[EgressDesign::kIpv6Only];
  const DesignCost& dual = c[EgressDesign::kDualStack];
  const bool plural = v.nat_gateways.value() != Decimal::from_int(1);
  const Money per_gateway = p.nat_hour->price * Quantity::whole(1) * Quantity(hours);
  return fill_template(
      "ipv6-egress/explanation.md",
      {{"all_ipv6", only.available},
       {"none_ipv6", v.ipv6_reachable_percent.is_zero()},
       {"holds", c.holds},
       {"plural", plural},
       {"gateways", plural ? "its " + format_number(v.nat_gateways.value()) + " NAT gateways" : "its NAT gateway"},
       {"one_eip", v.ipv4.nat_elastic_ips.value() == Decimal::from_int(1)},
       {"saving", usd(c.nat_saving)},
       {"threshold", format_usd_exact(threshold)},
       {"nat_hours", usd(keep.nat_hours)},
       {"per_gateway", usd(per_gateway)},
       {"processing", usd(keep.nat_processing)},
       {"public_ipv4", usd(keep.public_ipv4 - only.public_ipv4)},
       {"no_ipv6_percent", format_number(kHundred - v.ipv6_reachable_percent)},
       {"eigw_gb", format_number(dual.eigw_gb.value())},
       {"vpc_gb", format_number(v.monthly_gb_processed.value())},
       {"break_even", r.break_even_gb ? format_number(r.break_even_gb->value()) + " GB" : "no traffic"}});
}

DataTransferOut price_data_transfer_out(const Ipv6EgressScenario& sc, const PriceCatalog& catalog) {
  DataTransferOut out;
  for (const auto& v : sc.vpcs) out.gb = out.gb + v.monthly_gb_data_transfer_out;
  const auto regions = catalog.regions_with("data-transfer", kDataTransferKey);
  const bool covered = std::find(regions.begin(), regions.end(), sc.region) != regions.end() ||
                       std::find(regions.begin(), regions.end(), "global") != regions.end();
  if (!covered) {
    if (out.gb.value().is_zero()) return out;  // nothing to price: $0 needs no price
    out.priced = false;
    nlohmann::json data = {{"region", sc.region}};
    if (!regions.empty()) data["regions"] = join(regions);
    out.not_priced_reason = fill_template("ipv6-egress/data-transfer-not-priced.md", data);
    return out;
  }
  const auto rows = catalog.tiers("data-transfer", sc.region, kDataTransferKey);
  // The free tier: the zero-priced tiers from 0 GB. Without it, these VPCs' GB start where it ends.
  for (const PriceRow* row : rows)
    if (row->tier_start && *row->tier_start == out.free_tier_gb.value() && row->price.usd_per_unit().is_zero() &&
        row->tier_end)
      out.free_tier_gb = Quantity(*row->tier_end);
  out.free_tier_applied = sc.data_transfer_out_free_tier;
  const Decimal from = out.free_tier_applied ? Decimal::from_int(0) : out.free_tier_gb.value();
  const Decimal to = from + out.gb.value();
  for (const PriceRow* row : rows) {
    if (row->unit != "GB")
      throw PricingDataError(row->file, row->pointer, "expected data transfer out priced per GB, got per " + row->unit);
    const Decimal start = std::max(*row->tier_start, from);
    const Decimal end = row->tier_end && *row->tier_end < to ? *row->tier_end : to;
    if (end <= start) continue;  // a tier these GB do not reach (or the free tier, not applied)
    TierLine line;
    line.row = row;
    line.gb = Quantity(end - start);
    line.cost = row->price * line.gb;
    out.cost += line.cost;
    out.tiers.push_back(line);
  }
  return out;
}

// The regions whose tables hold every row find_vpc_prices needs, sorted.
std::vector<VpcPrices> comparable_regions(const PriceCatalog& catalog) {
  std::vector<VpcPrices> out;
  for (const auto& region : catalog.regions_with("vpc", "nat-gateway-hour")) {
    if (region == "global") continue;
    bool complete = true;
    for (const char* key : {"nat-gateway-gb-processed", "egress-only-internet-gateway-hour",
                            "egress-only-internet-gateway-gb", "public-ipv4-address-hour"})
      complete = complete && catalog.try_find("vpc", region, key) != nullptr;
    if (complete) out.push_back(find_vpc_prices(catalog, region));
  }
  return out;
}

}  // namespace

Ipv6EgressResult calculate(const Ipv6EgressScenario& scenario, const PriceCatalog& catalog, const Date& today,
                           long max_price_age_days) {
  Ipv6EgressResult result;
  result.scenario = &scenario;
  const Decimal& hours = scenario.hours_per_month;
  const Decimal& threshold = scenario.claim.threshold_usd_per_month;
  result.prices = find_vpc_prices(catalog, scenario.region);
  const VpcPrices& p = result.prices;
  result.alternative_hours = hours == Decimal::from_int(kHoursPerMonth) ? Decimal::from_int(kHoursPer30DayMonth) : Decimal::from_int(kHoursPerMonth);

  // Footnotes in reading order: the region's prices, then data transfer out, then other regions.
  for (const PriceRow* row : {p.nat_hour, p.nat_gb, p.eigw_hour, p.eigw_gb, p.ipv4_hour}) result.notes.cite(row->source);

  for (const auto& v : scenario.vpcs) {
    VpcResult r;
    r.vpc = &v;
    r.costs = price_vpc(v, p, hours, threshold);
    r.alternative_month = price_vpc(v, p, result.alternative_hours, threshold);
    const Decimal denominator = p.nat_gb->price.usd_per_unit() * v.ipv6_reachable_percent;
    if (!denominator.is_zero()) r.break_even_gb = round_up_gb(threshold * kHundred, denominator, r.break_even_exact);
    r.verdict = r.costs.holds ? "yes" : "no";
    r.explanation = explain(v, r, p, hours, threshold);
    if (r.costs.holds) ++result.vpcs_holding;
    result.vpcs.push_back(std::move(r));
  }
  result.verdict = result.vpcs_holding == result.vpcs.size() ? "yes" : result.vpcs_holding == 0 ? "no" : "partly";

  result.data_transfer_out = price_data_transfer_out(scenario, catalog);
  for (const auto& t : result.data_transfer_out.tiers) result.notes.cite(t.row->source);

  for (std::size_t i = 0; i < kEgressDesignCount; ++i) {
    DesignTotal t;
    t.design = static_cast<EgressDesign>(i);
    std::vector<std::string> reasons;
    for (const auto& r : result.vpcs) {
      const DesignCost& d = r.costs.designs[i];
      if (!d.available) {
        t.available = false;
        reasons.push_back(d.not_available_reason);
      }
      t.nat_hours += d.nat_hours;
      t.nat_processing += d.nat_processing;
      t.eigw += d.eigw_hours + d.eigw_processing;
      t.public_ipv4 += d.public_ipv4;
    }
    t.not_available_reason = join(reasons);
    t.data_transfer_out = result.data_transfer_out.cost;
    t.total = t.nat_hours + t.nat_processing + t.eigw + t.public_ipv4 + t.data_transfer_out;
    result.designs.push_back(t);
  }
  for (auto& t : result.designs) t.saving = result[EgressDesign::kKeepNat].total - t.total;

  if (!p.nat_gb->price.usd_per_unit().is_zero())
    result.break_even_ipv6_gb = round_up_gb(threshold, p.nat_gb->price.usd_per_unit(), result.break_even_exact);
  for (std::int64_t azs = 1; azs <= 3; ++azs) {
    AzBreakEven b;
    b.availability_zones = azs;
    const Quantity n = Quantity::whole(azs);
    b.nat_hours = p.nat_hour->price * n * Quantity(hours);
    b.nat_elastic_ips = p.ipv4_hour->price * n * Quantity(hours);
    b.total = b.nat_hours + b.nat_elastic_ips;
    b.total_alternative_month = p.nat_hour->price * n * Quantity(result.alternative_hours) +
                                p.ipv4_hour->price * n * Quantity(result.alternative_hours);
    result.by_az.push_back(b);
  }

  for (const VpcPrices& other : comparable_regions(catalog)) {
    RegionComparison c;
    c.prices = other;
    c.gateway_month = other.nat_hour->price * Quantity::whole(1) * Quantity(hours);
    if (!other.nat_gb->price.usd_per_unit().is_zero())
      c.break_even_ipv6_gb = round_up_gb(threshold, other.nat_gb->price.usd_per_unit(), c.break_even_exact);
    for (const auto& v : scenario.vpcs) {
      const VpcCosts costs = price_vpc(v, other, hours, threshold);
      c.keep_total += costs[EgressDesign::kKeepNat].total();
      c.best_total += costs[costs.best_nat_design].total();
      c.nat_saving += costs.nat_saving;
      if (costs.holds) ++c.vpcs_holding;
    }
    result.notes.cite(other.nat_hour->source);
    result.notes.cite(other.nat_gb->source);
    result.regions.push_back(std::move(c));
  }

  result.prices_as_of = Date{9999, 12, 31};
  result.prices_as_of_newest = Date{1, 1, 1};
  std::vector<const PriceRow*> used = {p.nat_hour, p.nat_gb, p.eigw_hour, p.eigw_gb, p.ipv4_hour};
  for (const auto& t : result.data_transfer_out.tiers) used.push_back(t.row);
  for (const PriceRow* row : used) {
    if (row->source->fact) continue;  // a statement's date ("free to use", 2023), not a price's
    result.prices_as_of = std::min(result.prices_as_of, row->source->as_of);
    result.prices_as_of_newest = std::max(result.prices_as_of_newest, row->source->as_of);
  }
  result.checked_on = today;
  result.warnings = staleness_warnings(result.notes, today, max_price_age_days);

  const DataTransferOut& dto = result.data_transfer_out;
  nlohmann::json data = {{"region", scenario.region},
                         {"free_tier_gb", format_number(dto.free_tier_gb.value())},
                         {"free_tier_applied", dto.free_tier_applied},
                         {"month", format_number(hours)},
                         {"standard_month", hours == Decimal::from_int(kHoursPerMonth)},
                         {"dto_gb", format_number(dto.gb.value())},
                         {"eigw_footnote", result.notes.cite(p.eigw_hour->source)},
                         {"rounding", kDisplayRounding.name}};
  if (!dto.priced) data["dto_not_priced_reason"] = dto.not_priced_reason;
  result.assumptions = fill_template_lines("ipv6-egress/assumptions.md", data);
  return result;
}

}  // namespace costproof
