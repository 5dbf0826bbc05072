// Markdown (show notes) and JSON renderings of an IPv6 egress result.
// Every equation printed here re-checks from its printed operands: the
// arithmetic section prints exact values; the headline tables print values
// rounded by rounding_policy.h, with a "Rounding" line where a rounded column
// would not add up. Divisions that do not come out even are printed with "≈"
// and followed by an exact check.
#include <sstream>

#include "core/format.h"
#include "render/source_notes.h"
#include "scenarios/ipv6-egress/ipv6_egress.h"
#include "core/rounded_column.h"
#include "core/rounding_policy.h"

namespace costproof {
namespace {

const Decimal kTwelve = Decimal::from_int(12);
const Decimal kHundred = Decimal::from_int(100);

constexpr EgressDesign kAllDesigns[] = {EgressDesign::kKeepNat, EgressDesign::kDualStack, EgressDesign::kIpv6Only,
                                        EgressDesign::kFewerIpv4, EgressDesign::kCombined};
constexpr EgressDesign kAlternatives[] = {EgressDesign::kDualStack, EgressDesign::kIpv6Only,
                                          EgressDesign::kFewerIpv4, EgressDesign::kCombined};

// Short column labels for the headline tables.
std::string short_name(EgressDesign d) {
  switch (d) {
    case EgressDesign::kKeepNat: return "Keep NAT (today)";
    case EgressDesign::kDualStack: return "Dual-stack + egress-only gateway";
    case EgressDesign::kIpv6Only: return "IPv6-only, NAT removed";
    case EgressDesign::kFewerIpv4: return "Fewer public IPv4";
    case EgressDesign::kCombined: return "Combined";
  }
  return "";
}

std::string cite(const Ipv6EgressResult& r, const std::shared_ptr<const PriceSource>& s) {
  for (std::size_t i = 0; i < r.notes.sources().size(); ++i)
    if (r.notes.sources()[i] == s) return "[" + std::to_string(i + 1) + "]";
  return "";
}

int cite_number(const Ipv6EgressResult& r, const std::shared_ptr<const PriceSource>& s) {
  return std::stoi(cite(r, s).substr(1));
}

std::string ex(const Money& m) { return format_usd_exact(m.usd()); }
std::string ex(const Decimal& d) { return format_usd_exact(d); }
std::string rd(const Money& m) { return format_usd_rounded(m.usd()); }
std::string rd(const Decimal& d) { return format_usd_rounded(d); }
std::string num(const Quantity& q) { return format_number(q.value()); }
std::string num(const Decimal& d) { return format_number(d); }
std::string pct(const Decimal& p) { return format_number(p) + "%"; }
// "1 NAT Elastic IP", "3 NAT Elastic IPs"
std::string count(const Quantity& q, const std::string& one, const std::string& many) {
  return num(q) + " " + (q.value() == Decimal::from_int(1) ? one : many);
}
// "$0.045/h", "$0.045/GB"
std::string rate(const PriceRow* row) {
  return format_price(row->price.usd_per_unit()) + (row->unit == "hour" ? "/h" : "/" + row->unit);
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

// How many public IPv4 addresses a design keeps, as a re-checkable expression.
std::string address_expression(const EgressVpc& v, const DesignCost& d) {
  const PublicIpv4Addresses& a = v.ipv4;
  const std::string all = count(a.nat_elastic_ips, "NAT Elastic IP", "NAT Elastic IPs") + " + " +
                          count(a.load_balancer_ips, "load balancer address", "load balancer addresses") + " + " +
                          count(a.instance_ips, "instance address", "instance addresses") + " = " + num(a.total());
  std::string minus;
  if (d.nat_gateways.value().is_zero()) minus += " − " + count(a.nat_elastic_ips, "NAT Elastic IP", "NAT Elastic IPs");
  if ((d.design == EgressDesign::kFewerIpv4 || d.design == EgressDesign::kCombined) &&
      !a.removable_ips.value().is_zero())
    minus += " − " + num(a.removable_ips) + " removable";
  if (minus.empty()) return all;
  return all + "; " + num(a.total()) + minus + " = " + num(d.ipv4_addresses);
}

// The exact lines of one design for one VPC; returns the printed amounts.
void design_lines(std::ostringstream& md, const EgressVpc& v, const DesignCost& d, const VpcPrices& p,
                  const Decimal& hours, const Ipv6EgressResult& r) {
  const std::string h = num(hours) + " h";
  std::vector<Money> parts;
  if (d.eigw_gateways.value().is_zero() == false) {
    if (d.eigw_gb == v.monthly_gb_processed)
      md << "- Through the egress-only gateway: all " << num(d.eigw_gb) << " GB × " << rate(p.eigw_gb) << " "
         << cite(r, p.eigw_gb->source) << " = " << ex(d.eigw_processing) << "\n";
    else
      md << "- Reachable over IPv6, through the egress-only gateway: " << num(v.monthly_gb_processed) << " GB × "
         << pct(v.ipv6_reachable_percent) << " = " << num(d.eigw_gb) << " GB; " << num(d.eigw_gb) << " GB × "
         << rate(p.eigw_gb) << " " << cite(r, p.eigw_gb->source) << " = " << ex(d.eigw_processing) << "\n";
    md << "- Egress-only gateway-hours: " << num(d.eigw_gateways) << " × " << rate(p.eigw_hour) << " "
       << cite(r, p.eigw_hour->source) << " × " << h << " = " << ex(d.eigw_hours) << "\n";
    parts.push_back(d.eigw_processing);
    parts.push_back(d.eigw_hours);
  }
  if (d.nat_gateways.value().is_zero()) {
    md << "- NAT gateways: none (removed), so no gateway-hours and no processing\n";
  } else {
    const bool unchanged = d.design != EgressDesign::kKeepNat;
    md << "- NAT gateway-hours" << (unchanged ? " (unchanged)" : "") << ": " << num(d.nat_gateways) << " × "
       << rate(p.nat_hour) << " " << cite(r, p.nat_hour->source) << " × " << h << " = " << ex(d.nat_hours) << "\n";
    if (d.nat_gb == v.monthly_gb_processed)
      md << "- NAT data processing" << (unchanged ? " (unchanged)" : "") << ": " << num(d.nat_gb) << " GB × "
         << rate(p.nat_gb) << " " << cite(r, p.nat_gb->source) << " = " << ex(d.nat_processing) << "\n";
    else
      md << "- Still through NAT (destinations without IPv6): " << num(v.monthly_gb_processed) << " GB − "
         << num(d.eigw_gb) << " GB = " << num(d.nat_gb) << " GB; " << num(d.nat_gb) << " GB × " << rate(p.nat_gb)
         << " " << cite(r, p.nat_gb->source) << " = " << ex(d.nat_processing) << "\n";
    parts.push_back(d.nat_hours);
    parts.push_back(d.nat_processing);
  }
  md << "- Public IPv4 addresses (" << address_expression(v, d) << "): " << num(d.ipv4_addresses) << " × "
     << rate(p.ipv4_hour) << " " << cite(r, p.ipv4_hour->source) << " × " << h << " = " << ex(d.public_ipv4)
     << "\n";
  parts.push_back(d.public_ipv4);
  md << "- VPC total, without data transfer out: " << sum_text(parts, d.total()) << "\n";
}

std::string vpc_summary(const Ipv6EgressResult& r) {
  const auto& sc = *r.scenario;
  if (sc.vpcs.size() == 1) {
    const auto& v = sc.vpcs[0];
    return "one VPC (" + std::to_string(v.availability_zones) + (v.availability_zones == 1 ? " AZ, " : " AZs, ") +
           num(v.nat_gateways) + (v.nat_gateways.value() == Decimal::from_int(1) ? " NAT gateway)" : " NAT gateways)");
  }
  Decimal gateways;
  for (const auto& v : sc.vpcs) gateways += v.nat_gateways.value();
  return std::to_string(sc.vpcs.size()) + " VPCs (" + num(gateways) + " NAT gateways)";
}

std::string verdict_word(const std::string& verdict) {
  return verdict == "yes" ? "Yes" : verdict == "no" ? "No" : "Partly";
}

// "saves $21.60 a month" / "costs $3.00 more a month"
std::string saves(const Money& saving) {
  return saving.usd().is_negative() ? "costs " + rd(-saving) + " more a month" : "saves " + rd(saving) + " a month";
}

std::string tier_label(const PriceRow& row) {
  const std::string start = num(*row.tier_start);
  if (!row.tier_end) return "over " + start + " GB";
  return start + " to " + num(*row.tier_end) + " GB";
}

// Rounded headline table of the monthly cost of every design.
void cost_table(std::ostringstream& md, const Ipv6EgressResult& r) {
  const bool dto_priced = r.data_transfer_out.priced;
  std::vector<RoundedColumn> cols;
  for (EgressDesign d : kAllDesigns) {
    const DesignTotal& t = r[d];
    std::vector<Decimal> parts = {t.nat_hours.usd(), t.nat_processing.usd(), t.eigw.usd(), t.public_ipv4.usd()};
    if (dto_priced) parts.push_back(t.data_transfer_out.usd());
    cols.push_back(round_column(parts));
  }
  md << "| Per month |";
  for (EgressDesign d : kAllDesigns) md << " " << short_name(d) << " |";
  md << "\n|---|";
  for (std::size_t i = 0; i < kEgressDesignCount; ++i) md << "---:|";
  md << "\n";
  const char* labels[] = {"NAT gateway-hours", "NAT data processing", "Egress-only gateway", "Public IPv4 addresses",
                          "Data transfer out (same in every design)"};
  auto row = [&](const std::string& label, auto cell) {
    md << "| " << label << " |";
    for (std::size_t i = 0; i < kEgressDesignCount; ++i)
      md << " " << (r.designs[i].available ? cell(i) : std::string("not available")) << " |";
    md << "\n";
  };
  for (std::size_t line = 0; line < 4; ++line)
    row(labels[line], [&](std::size_t i) { return rd(cols[i].parts[line]); });
  if (dto_priced)
    row(labels[4], [&](std::size_t i) { return rd(cols[i].parts[4]); });
  else
    row(labels[4], [&](std::size_t) { return std::string("not priced"); });
  bool adjusted = false;
  for (std::size_t i = 0; i < kEgressDesignCount; ++i)
    adjusted = adjusted || (r.designs[i].available && !cols[i].adjustment.is_zero());
  if (adjusted)
    row("Rounding (exact total minus sum of rounded lines)", [&](std::size_t i) { return rd(cols[i].adjustment); });
  row(dto_priced ? "**Total**" : "**Total** (without data transfer out)",
      [&](std::size_t i) { return "**" + rd(cols[i].total) + "**"; });
  md << "\n";
}

// Rounded headline table of each design's saving against keeping NAT.
void saving_table(std::ostringstream& md, const Ipv6EgressResult& r, const std::string& base) {
  const Money& today = r[EgressDesign::kKeepNat].total;
  std::vector<RoundedColumn> month;
  bool adjusted = false;
  for (EgressDesign d : kAlternatives) {
    month.push_back(round_column({today.usd(), -r[d].total.usd()}));
    adjusted = adjusted || (r[d].available && !month.back().adjustment.is_zero());
  }
  md << "| Design | Today per month | This design per month |" << (adjusted ? " Rounding |" : "")
     << " **Saving per month** | Saving per year | Saving as % of " << base << " |\n";
  md << "|---|---:|---:|" << (adjusted ? "---:|" : "") << "---:|---:|---:|\n";
  std::size_t i = 0;
  for (EgressDesign d : kAlternatives) {
    const DesignTotal& t = r[d];
    const RoundedColumn& m = month[i++];
    md << "| " << design_name(d) << " |";
    if (!t.available) {
      md << " " << rd(m.parts[0]) << " | not available |" << (adjusted ? " |" : "") << " — | — | — |\n";
      continue;
    }
    md << " " << rd(m.parts[0]) << " | " << rd(-m.parts[1]) << " |";
    if (adjusted) md << " " << rd(m.adjustment) << " |";
    md << " **" << rd(m.total) << "** | " << rd(t.saving.usd() * kTwelve) << " | "
       << (today.usd().is_zero() ? "n/a" : format_percent(percent_of(t.saving.usd(), today.usd()))) << " |\n";
  }
  md << "\n";
}

}  // namespace

std::string render_markdown(const Ipv6EgressResult& r) {
  const auto& sc = *r.scenario;
  const VpcPrices& p = r.prices;
  const DataTransferOut& dto = r.data_transfer_out;
  const std::string hours = num(sc.hours_per_month) + " h";
  const std::string alt_hours = num(r.alternative_hours) + " h";
  const std::string threshold = ex(sc.claim.threshold_usd_per_month);
  const std::string base = dto.priced ? "today's egress bill" : "today's priced egress bill (without data transfer out)";
  std::ostringstream md;
  md << "## " << sc.header.title << "\n\n";
  md << "*Scenario `" << sc.header.id << "` · region " << sc.region << " · month = " << hours << " · prices as of "
     << r.prices_as_of.to_string() << "*\n\n";
  for (const auto& w : r.warnings) md << "> **Warning:** " << w << "\n\n";

  // What this means for you.
  const DesignTotal& keep = r[EgressDesign::kKeepNat];
  const DesignTotal& dual = r[EgressDesign::kDualStack];
  const DesignTotal& only = r[EgressDesign::kIpv6Only];
  const DesignTotal& fewer = r[EgressDesign::kFewerIpv4];
  const DesignTotal& combined = r[EgressDesign::kCombined];
  md << "### What this means for you\n\n";
  md << (sc.header.audience.empty() ? "A team" : "A " + sc.header.audience) << " with " << vpc_summary(r) << " in "
     << sc.region << " pays " << rd(keep.total) << " a month for the way out to the internet: NAT gateways, public IPv4 "
     << "addresses";
  if (dto.priced)
    md << " and data transfer out (" << rd(dto.cost) << " of it, which no design changes).";
  else
    md << "; data transfer out is not priced here (" << dto.not_priced_reason << ") and no design changes it.";
  md << " Going dual-stack, with IPv6 traffic through a free egress-only gateway, " << saves(dual.saving) << ". ";
  if (only.available)
    md << "Every destination answers over IPv6, so the NAT gateways can go: that " << saves(only.saving) << ". ";
  else
    md << "Removing the NAT gateways is not an option here: " << only.not_available_reason << ". ";
  {
    Decimal removable;
    for (const auto& v : sc.vpcs) removable += v.ipv4.removable_ips.value();
    if (removable.is_zero())
      md << "No public IPv4 address is marked removable; the best available combination ";
    else
      md << "Giving up the " << count(Quantity(removable), "public IPv4 address", "public IPv4 addresses")
         << " marked removable " << saves(fewer.saving) << "; the best available combination ";
  }
  md << saves(combined.saving) << " (" << rd(combined.saving.usd() * kTwelve) << " a year, "
     << (keep.total.usd().is_zero() ? "n/a" : format_percent(percent_of(combined.saving.usd(), keep.total.usd())))
     << " of " << base << ").\n\n";
  md << "Is it \"" << sc.claim.quoted << "\"? **" << verdict_word(r.verdict) << ".**";
  if (sc.vpcs.size() == 1)
    md << " " << r.vpcs[0].explanation << "\n\n";
  else
    md << " " << r.vpcs_holding << " of " << sc.vpcs.size() << " VPCs save " << threshold
       << " or more a month (each VPC below).\n\n";

  // The VPCs.
  md << "### The VPCs\n\n";
  md << "| VPC | Availability Zones | NAT gateways | GB through NAT per month | Destinations reachable over IPv6 "
        "(share of NAT GB) | Public IPv4 addresses | GB out to the internet per month |\n";
  md << "|---|---:|---|---:|---:|---|---:|\n";
  for (const auto& v : sc.vpcs)
    md << "| " << v.name << " | " << v.availability_zones << " | " << num(v.nat_gateways) << " (" << nat_basis(v)
       << ") | " << num(v.monthly_gb_processed) << " | " << pct(v.ipv6_reachable_percent) << " | "
       << num(v.ipv4.total()) << " (" << count(v.ipv4.nat_elastic_ips, "NAT Elastic IP", "NAT Elastic IPs") << ", "
       << num(v.ipv4.load_balancer_ips) << " load balancer, " << num(v.ipv4.instance_ips) << " instance; "
       << num(v.ipv4.removable_ips) << " removable) | " << num(v.monthly_gb_data_transfer_out) << " |\n";
  md << "\n";

  // Prices.
  md << "### Prices (" << sc.region << ")\n\n";
  md << "| Item | Price | Source |\n|---|---|---|\n";
  for (const PriceRow* row : {p.nat_hour, p.nat_gb, p.eigw_hour, p.eigw_gb, p.ipv4_hour})
    md << "| " << row->description << " | " << row->price_text() << " | " << cite(r, row->source) << " as of "
       << row->source->as_of.to_string() << " |\n";
  for (const auto& t : dto.tiers)
    md << "| Data transfer out to the internet, " << tier_label(*t.row) << " a month | " << t.row->price_text()
       << " | " << cite(r, t.row->source) << " as of " << t.row->source->as_of.to_string() << " |\n";
  if (!dto.priced) md << "| Data transfer out to the internet | not priced: " << dto.not_priced_reason << " | |\n";
  md << "\n";

  // Which designs apply.
  md << "### Which designs apply\n\n";
  md << "1. **" << design_name(EgressDesign::kKeepNat) << ".** The baseline: all outbound traffic through NAT.\n";
  md << "2. **" << design_name(EgressDesign::kDualStack) << ".** Applies to every VPC: ";
  {
    std::vector<std::string> parts;
    for (const auto& v : sc.vpcs)
      parts.push_back(pct(v.ipv6_reachable_percent) + " of \"" + v.name + "\"'s NAT traffic moves");
    for (std::size_t i = 0; i < parts.size(); ++i) md << (i ? "; " : "") << parts[i];
  }
  md << ". The NAT gateways stay for IPv4-only destinations, so their hourly charge stays; only processing shrinks.\n";
  md << "3. **" << design_name(EgressDesign::kIpv6Only) << ".** ";
  if (only.available)
    md << "Applies: every destination answers over IPv6, so the NAT gateways and their Elastic IPs can go.\n";
  else
    md << "**Not available** for this scenario, so it is not priced: " << only.not_available_reason << ".\n";
  md << "4. **" << design_name(EgressDesign::kFewerIpv4) << ".** ";
  {
    Decimal removable;
    for (const auto& v : sc.vpcs) removable += v.ipv4.removable_ips.value();
    if (removable.is_zero())
      md << "Nothing to cut: no address is marked removable (public_ipv4_addresses.removable_ips), so it costs the "
            "same as today.\n";
    else
      md << "Applies: "
         << count(Quantity(removable), "load balancer or instance address is", "load balancer or instance addresses are")
         << " marked removable; NAT "
         << "Elastic IPs go only with the NAT gateways.\n";
  }
  md << "5. **" << design_name(EgressDesign::kCombined) << ".** Per VPC: "
     << (only.available ? "IPv6-only" : "the best design that applies (IPv6-only where every destination answers "
                                        "over IPv6, else dual-stack)")
     << ", plus the removable addresses.\n\n";

  // The arithmetic, exact.
  md << "### The arithmetic (exact, before rounding)\n\n";
  for (const auto& vr : r.vpcs) {
    const auto& v = *vr.vpc;
    md << "#### VPC \"" << v.name << "\"\n\n";
    for (EgressDesign d : kAllDesigns) {
      const DesignCost& c = vr.costs[d];
      md << design_name(d) << ":\n\n";
      if (!c.available)
        md << "- Not available, not priced: " << c.not_available_reason << ".\n";
      else
        design_lines(md, v, c, p, sc.hours_per_month, r);
      md << "\n";
    }
  }
  md << "#### Data transfer out (the same in every design)\n\n";
  if (sc.vpcs.size() > 1) {
    md << "All VPCs together (the tiers count per account and month): ";
    for (std::size_t i = 0; i < sc.vpcs.size(); ++i)
      md << (i ? " + " : "") << num(sc.vpcs[i].monthly_gb_data_transfer_out) << " GB";
    md << " = " << num(dto.gb) << " GB a month.\n\n";
  } else {
    md << num(dto.gb) << " GB a month, split across the tiers:\n\n";
  }
  if (!dto.priced) {
    md << "- Not priced: " << dto.not_priced_reason << ".\n\n";
  } else if (dto.tiers.empty()) {
    md << "- 0 GB a month: nothing to price ($0.00).\n\n";
  } else {
    std::vector<Money> parts;
    for (const auto& t : dto.tiers) {
      md << "- " << tier_label(*t.row) << ": " << num(t.gb) << " GB × " << rate(t.row) << " " << cite(r, t.row->source)
         << " = " << ex(t.cost) << "\n";
      parts.push_back(t.cost);
    }
    if (parts.size() > 1) md << "- total: " << sum_text(parts, dto.cost) << "\n";
    md << "\n";
  }
  md << "#### Totals and savings per month\n\n";
  for (EgressDesign d : kAllDesigns) {
    const DesignTotal& t = r[d];
    if (!t.available) {
      md << "- " << design_name(d) << ": not available\n";
      continue;
    }
    std::vector<Money> parts;
    for (const auto& vr : r.vpcs) parts.push_back(vr.costs[d].total());
    if (dto.priced) parts.push_back(dto.cost);
    md << "- " << design_name(d) << ": " << sum_text(parts, t.total)
       << (parts.size() > 1 ? "" : " (" + std::string(dto.priced ? "the VPC" : "the VPC; no data transfer out") + ")")
       << "\n";
  }
  md << "\n";
  for (EgressDesign d : kAlternatives) {
    const DesignTotal& t = r[d];
    if (!t.available) continue;
    md << "- Saving, " << short_name(d) << ": " << ex(keep.total) << " − " << ex(t.total) << " = " << ex(t.saving)
       << " a month; " << ex(t.saving) << " × 12 = " << ex(t.saving.usd() * kTwelve) << " a year";
    if (!keep.total.usd().is_zero())
      md << "; " << ex(t.saving) << " ÷ " << ex(keep.total) << " = "
         << format_percent(percent_of(t.saving.usd(), keep.total.usd())) << " of " << base << " (rounded to 0.1 point)";
    md << "\n";
  }
  md << "\n";

  // Headline figures.
  md << "### Headline figures (rounded to the cent)\n\n";
  md << "Monthly cost of each design:\n\n";
  cost_table(md, r);
  md << "Savings against keeping the NAT gateways:\n\n";
  saving_table(md, r, base);

  // The claim.
  md << "### Is it \"" << sc.claim.quoted << "\"?\n\n";
  const Money one_gateway = p.nat_hour->price * Quantity::whole(1) * Quantity(sc.hours_per_month);
  md << "The figure matches the hourly charge of one NAT gateway: 1 × " << rate(p.nat_hour) << " "
     << cite(r, p.nat_hour->source) << " × " << hours << " = " << ex(one_gateway) << " a month in " << sc.region
     << ". That charge is per NAT gateway, not per VPC (a highly available VPC runs one per AZ), and it is saved only "
        "when the gateway is removed, which needs every destination to answer over IPv6. Going dual-stack while "
        "keeping NAT saves only the per-GB processing on the traffic that moves. Data transfer out is charged either "
        "way.\n\n";
  for (const auto& vr : r.vpcs) {
    const auto& v = *vr.vpc;
    const DesignCost& k = vr.costs[EgressDesign::kKeepNat];
    const DesignCost& b = vr.costs[vr.costs.best_nat_design];
    const DesignCost& ka = vr.alternative_month[EgressDesign::kKeepNat];
    const DesignCost& ba = vr.alternative_month[vr.alternative_month.best_nat_design];
    md << "- VPC \"" << v.name << "\": **" << verdict_word(vr.verdict) << ".** " << vr.explanation << "\n";
    md << "  - Best available NAT design: " << short_name(vr.costs.best_nat_design) << ". Saving: " << ex(k.total())
       << " − " << ex(b.total()) << " = " << ex(vr.costs.nat_saving) << " a month (VPC totals above, without data "
       << "transfer out), " << (vr.costs.holds ? "at least " : "less than ") << threshold << ".\n";
    md << "  - At a " << alt_hours << " month: " << ex(ka.total()) << " − " << ex(ba.total()) << " = "
       << ex(vr.alternative_month.nat_saving) << ", " << (vr.alternative_month.holds ? "at least " : "less than ")
       << threshold << (vr.alternative_month.holds == vr.costs.holds ? " (same verdict)" : " (the verdict flips)")
       << ".\n";
  }
  md << "\n";

  // Break-even figures.
  md << "### Break-even figures\n\n";
  md << "**Processing alone** (NAT gateways kept; only the per-GB charge on traffic that moves to IPv6 is saved):\n\n";
  md << "- " << threshold << " ÷ " << rate(p.nat_gb) << (r.break_even_exact ? " = " : " ≈ ") << num(r.break_even_ipv6_gb)
     << " GB of IPv6-reachable traffic a month";
  if (!r.break_even_exact)
    md << " (rounded up to 0.01 GB; check: " << num(r.break_even_ipv6_gb) << " GB × " << rate(p.nat_gb) << " = "
       << ex(p.nat_gb->price * r.break_even_ipv6_gb) << ", at least " << threshold << ")";
  md << ".\n";
  for (const auto& vr : r.vpcs) {
    const auto& v = *vr.vpc;
    md << "- VPC \"" << v.name << "\" (" << pct(v.ipv6_reachable_percent) << " reachable over IPv6): ";
    if (!vr.break_even_gb) {
      md << "never: no traffic moves to IPv6, so processing saves nothing.\n";
      continue;
    }
    const Money check = p.nat_gb->price * Quantity(vr.break_even_gb->value() * v.ipv6_reachable_percent *
                                                   Decimal::parse("0.01"));
    md << threshold << " ÷ (" << rate(p.nat_gb) << " × " << pct(v.ipv6_reachable_percent) << ")"
       << (vr.break_even_exact ? " = " : " ≈ ") << num(*vr.break_even_gb) << " GB through NAT a month";
    if (!vr.break_even_exact) md << " (rounded up to 0.01 GB)";
    md << "; check: " << num(*vr.break_even_gb) << " GB × " << pct(v.ipv6_reachable_percent) << " × "
       << rate(p.nat_gb) << " = " << ex(check) << ". It processes " << num(v.monthly_gb_processed)
       << " GB a month today.\n";
  }
  md << "\n**Removing the NAT gateways** (one per AZ, each with one Elastic IP; only when every destination "
        "answers over IPv6): the fixed saving per VPC, before processing:\n\n";
  for (const auto& b : r.by_az) {
    const std::string n = std::to_string(b.availability_zones);
    md << "- " << n << (b.availability_zones == 1 ? " AZ: " : " AZs: ") << n << " × " << rate(p.nat_hour) << " × "
       << hours << " = " << ex(b.nat_hours) << " gateway-hours; " << n << " × " << rate(p.ipv4_hour) << " × " << hours
       << " = " << ex(b.nat_elastic_ips) << (b.availability_zones == 1 ? " for its Elastic IP; " : " for their Elastic IPs; ") << ex(b.nat_hours) << " + " << ex(b.nat_elastic_ips)
       << " = " << ex(b.total) << " a month (at " << alt_hours << ": " << n << " × " << rate(p.nat_hour) << " × "
       << alt_hours << " + " << n << " × " << rate(p.ipv4_hour) << " × " << alt_hours << " = "
       << ex(b.total_alternative_month) << "), plus " << rate(p.nat_gb) << " processed.\n";
  }
  md << "- Dual-stack with the NAT gateways kept: " << ex(Decimal()) << " of fixed saving, whatever the number of "
        "AZs.\n\n";
  md << "**Across regions** (every region with NAT prices in the tables; this scenario's VPCs with the best "
        "available NAT design in each; data transfer out left out, it does not change the saving):\n\n";
  for (const auto& c : r.regions) {
    const VpcPrices& q = c.prices;
    md << "- " << q.region << (q.region == sc.region ? " (this scenario)" : "") << ": one NAT gateway 1 × "
       << rate(q.nat_hour) << " " << cite(r, q.nat_hour->source) << " × " << hours << " = " << ex(c.gateway_month)
       << "; processing " << rate(q.nat_gb) << " " << cite(r, q.nat_gb->source) << "; " << threshold << " ÷ "
       << rate(q.nat_gb) << (c.break_even_exact ? " = " : " ≈ ") << num(c.break_even_ipv6_gb) << " GB of IPv6 traffic";
    if (!c.break_even_exact)
      md << " (check: " << num(c.break_even_ipv6_gb) << " GB × " << rate(q.nat_gb) << " = "
         << ex(q.nat_gb->price * c.break_even_ipv6_gb) << ")";
    md << "; NAT-related saving " << ex(c.keep_total) << " − " << ex(c.best_total) << " = " << ex(c.nat_saving)
       << " a month; " << c.vpcs_holding << " of " << sc.vpcs.size() << (sc.vpcs.size() == 1 ? " VPC" : " VPCs")
       << " at " << threshold << " or more.\n";
  }
  md << "\n| Region | One NAT gateway per month | NAT per GB | IPv6 GB a month for " << threshold
     << " of processing | This scenario's NAT-related saving per month | VPCs at " << threshold << "+ |\n";
  md << "|---|---:|---:|---:|---:|---:|\n";
  for (const auto& c : r.regions) {
    const RoundedColumn col = round_column({c.keep_total.usd(), -c.best_total.usd()});
    md << "| " << c.prices.region << (c.prices.region == sc.region ? " (this scenario)" : "") << " | "
       << rd(c.gateway_month) << " | " << format_price(c.prices.nat_gb->price.usd_per_unit()) << " | "
       << num(c.break_even_ipv6_gb) << " | " << rd(col.total) << " | " << c.vpcs_holding << " of " << sc.vpcs.size()
       << " |\n";
  }
  md << "\n";

  // The month convention.
  md << "### The month convention\n\n";
  md << "This page uses " << hours << " a month"
     << (sc.hours_per_month == Decimal::from_int(730) ? " (8,760 h a year / 12, as AWS's pricing calculator)" : "")
     << ". At " << alt_hours << ":\n\n";
  md << "- One NAT gateway: 1 × " << rate(p.nat_hour) << " × " << alt_hours << " = "
     << ex(p.nat_hour->price * Quantity::whole(1) * Quantity(r.alternative_hours)) << " a month instead of "
     << ex(one_gateway) << ".\n";
  md << "- One public IPv4 address: 1 × " << rate(p.ipv4_hour) << " × " << alt_hours << " = "
     << ex(p.ipv4_hour->price * Quantity::whole(1) * Quantity(r.alternative_hours)) << " a month instead of "
     << ex(p.ipv4_hour->price * Quantity::whole(1) * Quantity(sc.hours_per_month)) << ".\n";
  for (const auto& vr : r.vpcs) {
    md << "- VPC \"" << vr.vpc->name << "\": NAT-related saving ";
    if (vr.alternative_month.nat_saving == vr.costs.nat_saving)
      md << ex(vr.costs.nat_saving) << " at both (it is all per-GB processing)";
    else
      md << ex(vr.alternative_month.nat_saving) << " instead of " << ex(vr.costs.nat_saving);
    md << "; the claim check " << (vr.alternative_month.holds == vr.costs.holds ? "does not change" : "changes")
       << ".\n";
  }
  md << "- Per-GB charges (NAT processing, data transfer out) do not depend on the month length.\n\n";

  render_assumptions_and_sources(md, r.assumptions, r.notes);
  return md.str();
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
          {"best_design_monthly_usd", money_json(c[c.best_nat_design].total())},
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
                                                      "and public IPv4 addresses (data transfer out not priced)"}};
  out["prices_as_of"] = r.prices_as_of.to_string();
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
    j["yearly_saving_usd"] = money_json(t.saving.usd() * kTwelve);
    j["saving_percent_of_today"] =
        today.usd().is_zero() ? nlohmann::ordered_json(nullptr)
                              : nlohmann::ordered_json(percent_of(t.saving.usd(), today.usd()).to_string());
    designs.push_back(j);
  }
  out["designs"] = designs;

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
                       {"best_design_monthly_usd", money_json(c.best_total)},
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
