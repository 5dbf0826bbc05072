#include "offers/offer_extract.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "core/error.h"
#include "core/format.h"
#include "core/json_reader.h"
#include "offers/offer_csv.h"
#include "offers/offer_feed.h"
#include "offers/offer_json.h"
#include "pricing/price_table.h"

namespace costproof {

namespace {

// ---------------------------------------------------------------------------
// Regions

struct RegionPrefix {
  const char* region;
  const char* prefix;
};
// Usage-type prefixes (AWS writes "<prefix>-BoxUsage:..."); us-east-1 is often unprefixed.
constexpr RegionPrefix kPrefixes[] = {
    {"us-east-1", "USE1"},      {"us-east-2", "USE2"},      {"us-west-1", "USW1"},      {"us-west-2", "USW2"},
    {"ca-central-1", "CAN1"},   {"ca-west-1", "CAN2"},      {"eu-west-1", "EU"},        {"eu-west-2", "EUW2"},
    {"eu-west-3", "EUW3"},      {"eu-central-1", "EUC1"},   {"eu-central-2", "EUC2"},   {"eu-north-1", "EUN1"},
    {"eu-south-1", "EUS1"},     {"eu-south-2", "EUS2"},     {"ap-northeast-1", "APN1"}, {"ap-northeast-2", "APN2"},
    {"ap-northeast-3", "APN3"}, {"ap-southeast-1", "APS1"}, {"ap-southeast-2", "APS2"}, {"ap-south-1", "APS3"},
    {"ap-southeast-3", "APS4"}, {"ap-south-2", "APS5"},     {"ap-southeast-4", "APS6"}, {"ap-east-1", "APE1"},
    {"ap-east-2", "APE2"},      {"sa-east-1", "SAE1"},      {"me-south-1", "MES1"},     {"me-central-1", "MEC1"},
    {"af-south-1", "AFS1"},     {"il-central-1", "ILC1"},   {"us-gov-west-1", "UGW1"},  {"us-gov-east-1", "UGE1"},
    {"mx-central-1", "MXC1"},
};

struct LocationName {
  const char* name;
  const char* region;
};
// For files from before 2019, which have no regionCode ("EU" and "Europe" both appear).
constexpr LocationName kLocations[] = {
    {"US East (N. Virginia)", "us-east-1"},      {"US East (Ohio)", "us-east-2"},
    {"US West (N. California)", "us-west-1"},    {"US West (Oregon)", "us-west-2"},
    {"Canada (Central)", "ca-central-1"},        {"EU (Ireland)", "eu-west-1"},
    {"EU (London)", "eu-west-2"},                {"EU (Paris)", "eu-west-3"},
    {"EU (Frankfurt)", "eu-central-1"},          {"EU (Stockholm)", "eu-north-1"},
    {"EU (Milan)", "eu-south-1"},                {"Asia Pacific (Tokyo)", "ap-northeast-1"},
    {"Asia Pacific (Seoul)", "ap-northeast-2"},  {"Asia Pacific (Osaka)", "ap-northeast-3"},
    {"Asia Pacific (Osaka-Local)", "ap-northeast-3"}, {"Asia Pacific (Singapore)", "ap-southeast-1"},
    {"Asia Pacific (Sydney)", "ap-southeast-2"}, {"Asia Pacific (Mumbai)", "ap-south-1"},
    {"Asia Pacific (Hong Kong)", "ap-east-1"},   {"South America (Sao Paulo)", "sa-east-1"},
    {"Middle East (Bahrain)", "me-south-1"},     {"Africa (Cape Town)", "af-south-1"},
    {"AWS GovCloud (US)", "us-gov-west-1"},      {"AWS GovCloud (US-West)", "us-gov-west-1"},
    {"AWS GovCloud (US-East)", "us-gov-east-1"},
    // Regions opened after 2019 (named so in the pricing-page feed).
    {"EU (Zurich)", "eu-central-2"},             {"EU (Spain)", "eu-south-2"},
    {"Asia Pacific (Hyderabad)", "ap-south-2"},  {"Asia Pacific (Jakarta)", "ap-southeast-3"},
    {"Asia Pacific (Melbourne)", "ap-southeast-4"}, {"Asia Pacific (Malaysia)", "ap-southeast-5"},
    {"Asia Pacific (New Zealand)", "ap-southeast-6"}, {"Asia Pacific (Thailand)", "ap-southeast-7"},
    {"Asia Pacific (Taipei)", "ap-east-2"},      {"Middle East (UAE)", "me-central-1"},
    {"Israel (Tel Aviv)", "il-central-1"},       {"Canada West (Calgary)", "ca-west-1"},
    {"Mexico (Central)", "mx-central-1"},
};

const char* prefix_of(std::string_view region) {
  for (const auto& p : kPrefixes)
    if (region == p.region) return p.prefix;
  return nullptr;
}

// A prefix-looking token for regions missing from the table: "EU" or 2-4 capitals then digits.
bool looks_like_prefix(std::string_view p) {
  if (p == "EU") return true;
  std::size_t i = 0;
  while (i < p.size() && p[i] >= 'A' && p[i] <= 'Z') ++i;
  if (i < 2 || i > 4) return false;
  const std::size_t digits = p.size() - i;
  if (digits < 1 || digits > 2) return false;
  for (; i < p.size(); ++i)
    if (p[i] < '0' || p[i] > '9') return false;
  return true;
}

// "BoxUsage:m7i.xlarge" from "USE2-BoxUsage:m7i.xlarge" in us-east-2.
std::string_view strip_usage_prefix(std::string_view usage, std::string_view region) {
  if (const char* p = prefix_of(region)) {
    const std::string_view pre(p);
    if (usage.size() > pre.size() && usage.substr(0, pre.size()) == pre && usage[pre.size()] == '-')
      return usage.substr(pre.size() + 1);
    return usage;
  }
  const auto dash = usage.find('-');
  if (dash != std::string_view::npos && looks_like_prefix(usage.substr(0, dash))) return usage.substr(dash + 1);
  return usage;
}

// "us-east-1", "us-gov-west-1", "ap-southeast-4"; not Local Zones ("us-west-2-den-1").
bool is_region_code(std::string_view r) {
  int parts = 0;
  std::size_t start = 0;
  std::vector<std::string_view> tokens;
  for (;;) {
    const auto dash = r.find('-', start);
    tokens.push_back(r.substr(start, dash == std::string_view::npos ? std::string_view::npos : dash - start));
    ++parts;
    if (dash == std::string_view::npos) break;
    start = dash + 1;
  }
  if (parts < 3 || parts > 4) return false;
  for (const auto& t : tokens)
    if (t.empty()) return false;
  const auto& last = tokens.back();
  for (char c : last)
    if (c < '0' || c > '9') return false;
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i)
    for (char c : tokens[i])
      if (c < 'a' || c > 'z') return false;
  return parts == 3 || tokens[1] == "gov";
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// ---------------------------------------------------------------------------
// Products and their attributes

enum Attr : int {
  kSku,
  kFamily,
  kInstanceType,
  kOs,
  kTenancy,
  kPreSw,
  kCapacity,
  kLicense,
  kMarket,
  kRegionCode,
  kLocation,
  kLocationType,
  kUsage,
  kOperation,
  kGroup,
  kEngine,
  kEdition,
  kDeployment,
  kServiceCode,
  kAttrCount
};

struct AttrName {
  std::string_view json;  // key in the JSON "attributes" (or the product object for sku/productFamily)
  Attr attr;
};
constexpr AttrName kAttrNames[] = {
    {"sku", kSku},
    {"productFamily", kFamily},
    {"instanceType", kInstanceType},
    {"operatingSystem", kOs},
    {"tenancy", kTenancy},
    {"preInstalledSw", kPreSw},
    {"capacitystatus", kCapacity},
    {"licenseModel", kLicense},
    {"marketoption", kMarket},
    {"regionCode", kRegionCode},
    {"location", kLocation},
    {"locationType", kLocationType},
    {"usagetype", kUsage},
    {"operation", kOperation},
    {"group", kGroup},
    {"databaseEngine", kEngine},
    {"databaseEdition", kEdition},
    {"deploymentOption", kDeployment},
    {"servicecode", kServiceCode},
};

int json_attr(std::string_view key) {
  for (const auto& a : kAttrNames)
    if (a.json.size() == key.size() && a.json == key) return a.attr;
  return -1;
}

// CSV labels differ from JSON keys ("Pre Installed S/W" vs "preInstalledSw"): compare
// lower-case letters and digits only.
std::string normalize_label(std::string_view s) {
  std::string out;
  for (char c : s)
    if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

struct Product {
  std::array<std::string, kAttrCount> a;
  void clear() {
    for (auto& s : a) s.clear();
  }
  const std::string& operator[](Attr i) const { return a[static_cast<std::size_t>(i)]; }
  void set(Attr i, std::string_view v) { a[static_cast<std::size_t>(i)].assign(v); }
};

// Where a kept product's prices go.
struct Target {
  std::string region, service, key, unit, description;
};

std::optional<std::string> product_region(const Product& p) {
  if (!p[kLocationType].empty() && p[kLocationType] != "AWS Region") return std::nullopt;  // Local Zones, Outposts
  if (!p[kRegionCode].empty()) {
    if (!is_region_code(p[kRegionCode])) return std::nullopt;
    return p[kRegionCode];
  }
  const std::string r = region_for_location(p[kLocation]);
  if (r.empty()) return std::nullopt;
  return r;
}

std::optional<Target> classify(OfferKind kind, const Product& p, const std::string& only_region) {
  const auto region = product_region(p);
  if (!region) return std::nullopt;
  if (!only_region.empty() && *region != only_region) return std::nullopt;
  const std::string& usage = p[kUsage];
  const auto make = [&](std::string service, std::string key, std::string unit, std::string description) {
    return Target{*region, std::move(service), std::move(key), std::move(unit), std::move(description)};
  };
  switch (kind) {
    case OfferKind::kEc2: {
      const std::string& family = p[kFamily];
      if (family == "Compute Instance" || family == "Compute Instance (bare metal)") {
        if (p[kOs] != "Linux" || p[kTenancy] != "Shared" || p[kPreSw] != "NA") return std::nullopt;
        if (!p[kCapacity].empty() && p[kCapacity] != "Used") return std::nullopt;
        if (!p[kLicense].empty() && !iequals(p[kLicense], "No License required")) return std::nullopt;
        if (!p[kMarket].empty() && p[kMarket] != "OnDemand") return std::nullopt;
        if (p[kInstanceType].empty()) return std::nullopt;
        return make("ec2", p[kInstanceType], "hour", "");
      }
      if (family == "Storage" && usage_type_is(usage, *region, "EBS:VolumeUsage.gp3"))
        return make("ebs", "gp3-storage", "GB-month", "EBS gp3 volume storage, per GB-month");
      if (family == "NAT Gateway") {
        if (usage_type_is(usage, *region, "NatGateway-Hours"))
          return make("vpc", "nat-gateway-hour", "hour", "NAT gateway, per gateway-hour");
        if (usage_type_is(usage, *region, "NatGateway-Bytes"))
          return make("vpc", "nat-gateway-gb-processed", "GB", "NAT gateway, per GB of data processed");
      }
      return std::nullopt;
    }
    case OfferKind::kVpc:
      if (p[kGroup] == "VPCPublicIPv4Address" && usage_type_is(usage, *region, "PublicIPv4:InUseAddress"))
        return make("vpc", "public-ipv4-address-hour", "hour", "Public IPv4 address in use, per address-hour");
      return std::nullopt;
    case OfferKind::kRds: {
      if (p[kFamily] == "Database Instance") {
        const std::string& engine = p[kEngine];
        if (engine != "MySQL" && engine != "PostgreSQL" && engine != "MariaDB") return std::nullopt;
        if (p[kDeployment] != "Single-AZ" || !p[kEdition].empty()) return std::nullopt;
        if (!p[kLicense].empty() && !iequals(p[kLicense], "No license required")) return std::nullopt;
        if (p[kInstanceType].empty()) return std::nullopt;
        return make("rds", p[kInstanceType] + "/" + lower(engine), "hour",
                    "RDS for " + engine + " " + p[kInstanceType] + ", Single-AZ, per instance-hour");
      }
      if (p[kFamily] == "Database Storage" && usage_type_is(usage, *region, "RDS:GP3-Storage") &&
          (p[kEngine].empty() || p[kEngine] == "Any"))
        return make("rds", "storage-gp3", "GB-month", "RDS gp3 general-purpose SSD storage, Single-AZ, per GB-month");
      return std::nullopt;
    }
    case OfferKind::kLambda: {
      const std::string& g = p[kGroup];
      if (g == "AWS-Lambda-Requests") return make("lambda", "requests-x86_64", "request", "Lambda requests, x86_64");
      if (g == "AWS-Lambda-Requests-ARM") return make("lambda", "requests-arm64", "request", "Lambda requests, arm64");
      if (g == "AWS-Lambda-Duration") return make("lambda", "duration-x86_64", "GB-second", "Lambda duration, x86_64");
      if (g == "AWS-Lambda-Duration-ARM") return make("lambda", "duration-arm64", "GB-second", "Lambda duration, arm64");
      return std::nullopt;
    }
    case OfferKind::kDynamoDb:
      if (usage_type_is(usage, *region, "ReadRequestUnits"))
        return make("dynamodb", "on-demand-read-request-unit", "read-request-unit",
                    "On-demand read request units (strongly consistent reads)");
      if (usage_type_is(usage, *region, "WriteRequestUnits"))
        return make("dynamodb", "on-demand-write-request-unit", "write-request-unit", "On-demand write request units");
      if (usage_type_is(usage, *region, "ReadCapacityUnit-Hrs"))
        return make("dynamodb", "provisioned-rcu-hour", "RCU-hour", "Provisioned read capacity, per RCU-hour");
      if (usage_type_is(usage, *region, "WriteCapacityUnit-Hrs"))
        return make("dynamodb", "provisioned-wcu-hour", "WCU-hour", "Provisioned write capacity, per WCU-hour");
      if (usage_type_is(usage, *region, "TimedStorage-ByteHrs"))
        return make("dynamodb", "storage", "GB-month", "Table storage, Standard table class, per GB-month");
      return std::nullopt;
    case OfferKind::kSavingsPlans:
    default:  // pricing-page feeds are read by offer_feed.cpp
      return std::nullopt;
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// Price dimensions -> rows

struct Dim {
  std::string rate_code, description, begin, end, unit, usd, currency_seen, where;
  bool applies_to_others = false;
};

struct Kept {
  Target target;
  std::string sku;
  std::string where;      // pointer or line of the product
  std::string term_code;  // the OnDemand term seen
  std::string term_where;
  std::vector<Dim> dims;
};

struct SvHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

[[noreturn]] void fail(const std::string& file, const std::string& where, const std::string& message) {
  // `where` is a JSON pointer ("/products/X") or "line N" (CSV).
  if (!where.empty() && where[0] == '/') throw InputError(file, where, message);
  throw InputError(file, "", where.empty() ? message : where + ": " + message);
}

// A JSON pointer one level down; a CSV "line N" stays as it is.
std::string sub(const std::string& where, std::string_view suffix) {
  return !where.empty() && where[0] == '/' ? where + std::string(suffix) : where;
}

Decimal parse_price(const std::string& file, const std::string& where, const std::string& text) {
  Decimal d;
  try {
    d = Decimal::parse(text);
  } catch (const Error&) {
    fail(file, where, "expected a price as a decimal string such as \"0.0450000000\", got \"" + text + "\"");
  }
  if (d.is_negative()) fail(file, where, "expected a non-negative price, got \"" + text + "\"");
  if (d.scale() > 12) fail(file, where, "expected at most 12 decimal places, got \"" + text + "\"");
  if (d > kMaxUnitPriceUsd)
    fail(file, where, "expected a price of at most $" + format_number(kMaxUnitPriceUsd) + " per unit, got \"" +
                          (text.size() > 40 ? text.substr(0, 37) + "..." : text) +
                          "\"; the dearest AWS rates are a few hundred dollars an hour, so the file is damaged");
  return d;
}

// Does an offer's price description state the item is free ("... free ...", any case)?
bool says_free(std::string_view description) {
  std::string lower;
  for (const char c : description) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower.find("free") != std::string::npos;
}

std::optional<Decimal> parse_range(const std::string& file, const std::string& where, const std::string& text) {
  if (text.empty() || text == "Inf") return std::nullopt;
  try {
    return Decimal::parse(text);
  } catch (const Error&) {
    fail(file, where, "expected a range bound as a decimal string or \"Inf\", got \"" + text + "\"");
  }
}

std::string default_unit(std::string_view offer_unit) {
  const std::string n = normalize_offer_unit(offer_unit);
  return n.empty() ? std::string(offer_unit) : n;
}

class Collector {
 public:
  explicit Collector(OfferImport& out) : out_(out) {}

  // Registers a kept product; two SKUs for one table key is an error naming both.
  Kept& keep(const Target& t, const std::string& sku, const std::string& where) {
    auto [it, inserted] = by_key_.emplace(std::make_tuple(t.region, t.service, t.key), sku);
    if (!inserted && it->second != sku) {
      const Kept& other = kept_.find(it->second)->second;
      fail(out_.file, where,
           "ambiguous: SKU " + sku + " and SKU " + other.sku + " (at " + other.where + ") both give " + t.service +
               " \"" + t.key + "\" in " + t.region +
               "; costproof never picks one silently. Check the filters in docs/pricing-import.md, or report the file");
    }
    auto kit = kept_.find(sku);
    if (kit == kept_.end()) {
      kit = kept_.emplace(sku, Kept{t, sku, where, "", "", {}}).first;
      ++out_.products_kept;
    }
    return kit->second;
  }
  Kept* find(std::string_view sku) {
    const auto it = kept_.find(sku);
    return it == kept_.end() ? nullptr : &it->second;
  }
  bool empty() const { return kept_.empty(); }

  // A dimension of the OnDemand term `term_code` of a kept SKU.
  void add_dim(Kept& k, const std::string& term_code, const std::string& term_where, Dim dim) {
    if (k.term_code.empty()) {
      k.term_code = term_code;
      k.term_where = term_where;
    } else if (k.term_code != term_code) {
      fail(out_.file, term_where,
           "ambiguous: SKU " + k.sku + " (" + k.target.service + " \"" + k.target.key + "\" in " + k.target.region +
               ") has two OnDemand terms, " + k.term_code + " (at " + k.term_where + ") and " + term_code +
               "; costproof never picks one silently");
    }
    k.dims.push_back(std::move(dim));
  }

  // Turns the kept products' dimensions into rows (sorted).
  void finish() {
    std::vector<const Kept*> all;
    all.reserve(kept_.size());
    for (const auto& [sku, k] : kept_) all.push_back(&k);
    std::sort(all.begin(), all.end(), [](const Kept* a, const Kept* b) {
      return std::tie(a->target.region, a->target.service, a->target.key) <
             std::tie(b->target.region, b->target.service, b->target.key);
    });
    for (const Kept* k : all) rows_for(*k);
  }

  // A Savings Plans rate: one row, no tiers.
  void add_rate(const Target& t, const std::string& plan_sku, Dim dim) {
    auto [it, inserted] = rate_keys_.emplace(std::make_tuple(t.region, t.service, t.key), dim.rate_code + " (at " + dim.where + ")");
    if (!inserted)
      fail(out_.file, dim.where,
           "ambiguous: rate " + dim.rate_code + " and rate " + it->second + " both give " + t.service + " \"" + t.key +
               "\" in " + t.region + "; costproof never picks one silently");
    ++out_.products_kept;
    OfferRow row;
    row.region = t.region;
    row.service = t.service;
    row.key = t.key;
    row.unit = t.unit;
    row.price = parse_price(out_.file, dim.where, dim.usd);
    row.price_text = dim.usd;
    row.description = t.description;
    row.sku = plan_sku;
    row.rate_code = dim.rate_code;
    row.where = dim.where;
    out_.rows.push_back(std::move(row));
  }

 private:
  void rows_for(const Kept& k) {
    std::vector<const Dim*> dims;
    for (const auto& d : k.dims)
      if (!d.applies_to_others) dims.push_back(&d);
    if (dims.empty()) {
      out_.notes.push_back(k.target.service + " \"" + k.target.key + "\" in " + k.target.region + " (SKU " + k.sku +
                           "): no OnDemand price in this file; not imported");
      return;
    }
    for (const Dim* d : dims) {
      if (d->usd.empty())
        fail(out_.file, d->where,
             "no USD price (pricePerUnit has " + (d->currency_seen.empty() ? std::string("no currency") : d->currency_seen) +
                 "); costproof imports USD prices only");
      const std::string unit = normalize_offer_unit(d->unit);
      if (unit != k.target.unit)
        fail(out_.file, d->where,
             "unit \"" + d->unit + "\" for " + k.target.service + " \"" + k.target.key + "\": expected a price per " +
                 k.target.unit + "; the offer file may have changed its format, check docs/pricing-import.md");
    }
    std::vector<std::pair<Decimal, const Dim*>> sorted;
    for (const Dim* d : dims) {
      const auto begin = parse_range(out_.file, sub(d->where, "/beginRange"), d->begin);
      sorted.emplace_back(begin.value_or(Decimal::from_int(0)), d);
    }
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    const bool single = sorted.size() == 1 && sorted[0].first.is_zero() &&
                        !parse_range(out_.file, sub(sorted[0].second->where, "/endRange"), sorted[0].second->end);
    Decimal expected = Decimal::from_int(0);
    for (std::size_t i = 0; i < sorted.size(); ++i) {
      const Dim& d = *sorted[i].second;
      const auto end = parse_range(out_.file, sub(d.where, "/endRange"), d.end);
      OfferRow row;
      row.region = k.target.region;
      row.service = k.target.service;
      row.key = k.target.key;
      row.unit = k.target.unit;
      row.price = parse_price(out_.file, sub(d.where, "/pricePerUnit/USD"), d.usd);
      // A $0 flat rate for a wanted key is most likely a damaged or placeholder file; it would
      // price the item at nothing. Imported only when the offer itself says it is free.
      if (single && row.price.is_zero() && !says_free(d.description))
        fail(out_.file, sub(d.where, "/pricePerUnit/USD"),
             "a $0 price for " + k.target.service + " \"" + k.target.key + "\" (SKU " + k.sku +
                 "), and its description (\"" + d.description +
                 "\") does not say it is free; costproof does not import a $0 rate that is not stated as free. "
                 "Check the file, or report it");
      row.price_text = d.usd;
      row.description = k.target.description;
      row.sku = k.sku;
      row.rate_code = d.rate_code;
      row.where = d.where;
      if (!single) {
        if (sorted[i].first != expected)
          fail(out_.file, d.where,
               "tiers of " + k.target.service + " \"" + k.target.key + "\" (SKU " + k.sku +
                   ") must be contiguous from 0 to Inf: expected a tier starting at " + expected.to_string() +
                   ", got " + sorted[i].first.to_string());
        const bool last = i + 1 == sorted.size();
        if (last != !end)
          fail(out_.file, d.where,
               "tiers of " + k.target.service + " \"" + k.target.key + "\" (SKU " + k.sku + ") must end at \"Inf\"" +
                   (last ? "" : " only in the last tier"));
        if (end && *end <= sorted[i].first)
          fail(out_.file, d.where, "a tier must end above its start, got " + d.begin + " to " + d.end);
        row.tier_start = sorted[i].first;
        row.tier_end = end;
        if (end) expected = *end;
        if (!row.description.empty())
          row.description += " (usage from " + sorted[i].first.to_string() + " to " + (end ? end->to_string() : "Inf") +
                             " " + k.target.unit + " a month)";
      }
      out_.rows.push_back(std::move(row));
    }
  }

  OfferImport& out_;
  std::unordered_map<std::string, Kept, SvHash, std::equal_to<>> kept_;
  std::map<std::tuple<std::string, std::string, std::string>, std::string> by_key_;
  std::map<std::tuple<std::string, std::string, std::string>, std::string> rate_keys_;
};

// ---------------------------------------------------------------------------
// Savings Plans

struct Plan {
  std::string family, usage_type, description;
};

std::string plan_service(const std::string& family) {
  if (family == "ComputeSavingsPlans" || family == "EC2InstanceSavingsPlans") return "compute-sp-rates";
  if (family == "DatabaseSavingsPlans") return "database-sp-rates";
  return "";
}

struct Rate {
  std::string discounted_sku, usage, operation, service, rate_code, unit, price, currency, region, where;
};

std::optional<Target> classify_rate(const Plan& plan, const Rate& r, const std::string& only_region) {
  const std::string table = plan_service(plan.family);
  if (table.empty()) return std::nullopt;
  if (!is_region_code(r.region)) return std::nullopt;  // Local and Wavelength Zones
  if (!only_region.empty() && r.region != only_region) return std::nullopt;
  const std::string usage(strip_usage_prefix(r.usage, r.region));
  if (r.service == "AmazonEC2") {
    if (usage.rfind("BoxUsage:", 0) != 0 || r.operation != "RunInstances") return std::nullopt;  // Linux, shared
  } else if (r.service != "AWSLambda" && r.service != "AmazonRDS" && r.service != "AmazonDynamoDB") {
    return std::nullopt;
  }
  const std::string plan_usage(strip_usage_prefix(plan.usage_type, r.region));
  std::string key = plan_usage + "/" + r.service + "/" + usage;
  if (!r.operation.empty()) key += "/" + r.operation;
  std::string description = plan.description.empty() ? plan_usage : plan.description;
  description += " rate for " + r.service + " " + usage + (r.operation.empty() ? "" : " (" + r.operation + ")");
  return Target{r.region, table, key, default_unit(r.unit), description};
}

// ---------------------------------------------------------------------------
// JSON

std::string ptr(std::string_view token) { return escape_pointer_token(token); }

class JsonExtractor {
 public:
  JsonExtractor(OfferJsonScanner& json, OfferImport& out, const ExtractOptions& opt)
      : json_(json), out_(out), opt_(opt), collect_(out) {}

  void run() {
    json_.begin_object("the offer file");
    OfferJsonScanner::Cursor top;
    std::string_view key;
    bool seen_products = false;
    std::optional<std::uint64_t> terms_at;  // where a "terms" value before "products" starts
    while (json_.next_key(top, key)) {
      if (key == "offerCode") {
        out_.offer_code = std::string(json_.string("offerCode"));
      } else if (key == "version") {
        out_.version = std::string(json_.string("version"));
      } else if (key == "publicationDate") {
        out_.publication_date = std::string(json_.string("publicationDate"));
      } else if (key == "products") {
        seen_products = true;
        if (json_.peek() == '[') {
          out_.kind = OfferKind::kSavingsPlans;
          sp_products();
        } else {
          out_.kind = kind_for(out_.offer_code, "/products");
          products();
        }
      } else if (key == "terms" && !seen_products) {
        // JSON objects have no key order: skip the terms (validating them), read the products,
        // then come back. Memory stays at one chunk; only a pipe cannot be read twice.
        if (!json_.seekable()) terms_first_error();
        terms_at = json_.offset();
        json_.skip_value();
      } else if (key == "terms") {
        if (terms(false)) {  // stopped early
          out_.stopped_early = true;
          return;
        }
      } else {
        json_.skip_value();
      }
    }
    json_.expect_end();
    if (!seen_products) fail(out_.file, "", "no \"products\" in this file; is it an AWS Price List offer file?");
    out_.bytes_parsed = json_.offset();
    if (terms_at) {
      if (!json_.seek(*terms_at)) terms_first_error();
      terms(true);
    }
  }

  Collector& collector() { return collect_; }

 private:
  void products() {
    json_.begin_object("products");
    OfferJsonScanner::Cursor c;
    c.pointer = "/products";
    std::string_view key;
    std::string sku;
    while (json_.next_key(c, key)) {
      sku.assign(key);
      product(sku);
      ++out_.products;
      if (const auto t = classify(out_.kind, p_, opt_.region)) collect_.keep(*t, sku, "/products/" + ptr(sku));
    }
  }

  void product(const std::string& sku) {
    p_.clear();
    json_.begin_object("the product " + sku);
    OfferJsonScanner::Cursor c;
    c.pointer = "/products/" + ptr(sku);
    std::string_view key;
    while (json_.next_key(c, key)) {
      if (key == "attributes") {
        json_.begin_object("the attributes of product " + sku);
        OfferJsonScanner::Cursor ac;
        ac.pointer = c.pointer + "/attributes";
        std::string_view akey;
        while (json_.next_key(ac, akey)) {
          const int a = json_attr(akey);
          if (a > kFamily) {
            const int c2 = json_.peek();
            if (c2 == '"')
              p_.a[static_cast<std::size_t>(a)].assign(json_.string("an attribute"));
            else
              json_.skip_value();
          } else {
            json_.skip_value();
          }
        }
      } else if (key == "productFamily" && json_.peek() == '"') {
        p_.set(kFamily, json_.string("productFamily"));
      } else if (key == "sku" && json_.peek() == '"') {
        p_.set(kSku, json_.string("sku"));
      } else {
        json_.skip_value();
      }
    }
  }

  [[noreturn]] void terms_first_error() {
    fail(out_.file, "/terms",
         "terms come before products in this file, and this input cannot be read twice (a pipe?); costproof needs "
         "the products to read the terms: save the file and import the saved copy");
  }

  // Returns true when it stopped early (the rest of the file is not needed). `again`: the file
  // was parsed whole already (terms came first), so stop after terms.OnDemand, and report nothing.
  bool terms(bool again) {
    json_.begin_object("terms");
    OfferJsonScanner::Cursor c;
    c.pointer = "/terms";
    std::string_view key;
    bool on_demand_done = false;
    while (json_.next_key(c, key)) {
      if (on_demand_done && again) return true;
      if (on_demand_done && !opt_.full_scan) {
        out_.stopped_before = "terms." + std::string(key);
        out_.bytes_parsed = json_.offset();
        return true;
      }
      if (key == "OnDemand" && out_.kind != OfferKind::kSavingsPlans) {
        on_demand();
        on_demand_done = true;
      } else if (key == "savingsPlan" && out_.kind == OfferKind::kSavingsPlans) {
        sp_terms();
      } else {
        json_.skip_value();
      }
    }
    return false;
  }

  void on_demand() {
    json_.begin_object("terms.OnDemand");
    OfferJsonScanner::Cursor c;
    c.pointer = "/terms/OnDemand";
    std::string_view key;
    std::string sku, term_key;
    while (json_.next_key(c, key)) {
      Kept* k = collect_.find(key);
      if (!k) {
        json_.skip_value();
        continue;
      }
      sku.assign(key);
      const std::string base = "/terms/OnDemand/" + ptr(sku);
      json_.begin_object("the OnDemand terms of " + sku);
      OfferJsonScanner::Cursor tc;
      tc.pointer = base;
      while (json_.next_key(tc, key)) {
        term_key.assign(key);
        term(*k, base + "/" + ptr(term_key), term_key);
      }
    }
  }

  void term(Kept& k, const std::string& where, const std::string& term_key) {
    json_.begin_object("the term " + term_key);
    OfferJsonScanner::Cursor c;
    c.pointer = where;
    std::string_view key;
    std::string term_code;
    std::vector<Dim> dims;
    while (json_.next_key(c, key)) {
      if (key == "offerTermCode") {
        term_code = std::string(json_.string("offerTermCode"));
      } else if (key == "priceDimensions") {
        json_.begin_object("priceDimensions");
        OfferJsonScanner::Cursor dc;
        dc.pointer = where + "/priceDimensions";
        std::string_view rate;
        while (json_.next_key(dc, rate)) {
          Dim d;
          d.rate_code = std::string(rate);
          d.where = where + "/priceDimensions/" + ptr(d.rate_code);
          dimension(d);
          dims.push_back(std::move(d));
        }
      } else {
        json_.skip_value();
      }
    }
    if (term_code.empty()) {
      const auto dot = term_key.find('.');
      term_code = dot == std::string::npos ? term_key : term_key.substr(dot + 1);
    }
    for (auto& d : dims) collect_.add_dim(k, term_code, where, std::move(d));
  }

  void dimension(Dim& d) {
    json_.begin_object("a price dimension");
    OfferJsonScanner::Cursor c;
    c.pointer = d.where;
    std::string_view key;
    while (json_.next_key(c, key)) {
      if (key == "rateCode") {
        d.rate_code = std::string(json_.string("rateCode"));
      } else if (key == "description") {
        d.description = std::string(json_.string("description"));
      } else if (key == "beginRange") {
        d.begin = std::string(json_.string("beginRange"));
      } else if (key == "endRange") {
        d.end = std::string(json_.string("endRange"));
      } else if (key == "unit") {
        d.unit = std::string(json_.string("unit"));
      } else if (key == "pricePerUnit") {
        json_.begin_object("pricePerUnit");
        OfferJsonScanner::Cursor pc;
        std::string_view cur;
        while (json_.next_key(pc, cur)) {
          if (cur == "USD") {
            d.usd = std::string(json_.string("the USD price"));
          } else {
            if (!d.currency_seen.empty()) d.currency_seen += ", ";
            d.currency_seen += std::string(cur);
            json_.skip_value();
          }
        }
      } else if (key == "appliesTo") {
        json_.begin_array("appliesTo");
        OfferJsonScanner::Cursor ac;
        while (json_.next_element(ac)) {
          d.applies_to_others = true;
          json_.skip_value();
        }
      } else {
        json_.skip_value();
      }
    }
  }

  // Savings Plans: "products" is an array of plans.
  void sp_products() {
    json_.begin_array("products");
    OfferJsonScanner::Cursor c;
    std::size_t index = 0;
    while (json_.next_element(c)) {
      Plan plan;
      std::string sku;
      json_.begin_object("a Savings Plans product");
      OfferJsonScanner::Cursor pc;
      std::string_view key;
      while (json_.next_key(pc, key)) {
        if (key == "sku") sku = std::string(json_.string("sku"));
        else if (key == "productFamily") plan.family = std::string(json_.string("productFamily"));
        else if (key == "usageType") plan.usage_type = std::string(json_.string("usageType"));
        else json_.skip_value();
      }
      ++out_.products;
      if (sku.empty()) fail(out_.file, "/products/" + std::to_string(index), "a Savings Plans product without \"sku\"");
      if (out_.offer_code.empty() && plan.family == "ComputeSavingsPlans") out_.offer_code = "AWSComputeSavingsPlan";
      if (out_.offer_code.empty() && plan.family == "DatabaseSavingsPlans") out_.offer_code = "AWSDatabaseSavingsPlans";
      if (!plans_.emplace(sku, std::move(plan)).second)
        fail(out_.file, "/products/" + std::to_string(index) + "/sku",
             "a second Savings Plans product with SKU " + sku +
                 "; costproof does not pick one of two products silently, so the import stops (is the file damaged?)");
      ++index;
    }
  }

  void sp_terms() {
    json_.begin_array("terms.savingsPlan");
    OfferJsonScanner::Cursor c;
    std::size_t index = 0;
    while (json_.next_element(c)) {
      const std::string where = "/terms/savingsPlan/" + std::to_string(index++);
      json_.begin_object("a Savings Plans term");
      OfferJsonScanner::Cursor tc;
      std::string_view key;
      std::string sku, description;
      std::vector<Rate> pending;
      const Plan* plan = nullptr;
      while (json_.next_key(tc, key)) {
        if (key == "sku") {
          sku = std::string(json_.string("sku"));
          const auto it = plans_.find(sku);
          if (it == plans_.end())
            fail(out_.file, where + "/sku", "no product with SKU " + sku + " in \"products\"");
          plan = &it->second;
        } else if (key == "description") {
          description = std::string(json_.string("description"));
        } else if (key == "rates") {
          json_.begin_array("rates");
          OfferJsonScanner::Cursor rc;
          std::size_t ri = 0;
          while (json_.next_element(rc)) {
            Rate r;
            r.where = where + "/rates/" + std::to_string(ri++);
            rate(r);
            pending.push_back(std::move(r));
            if (plan) flush(*plan, sku, description, pending);
          }
        } else {
          json_.skip_value();
        }
      }
      if (!plan) fail(out_.file, where, "a Savings Plans term without \"sku\"");
      flush(*plan, sku, description, pending);
    }
  }

  void flush(const Plan& plan, const std::string& sku, const std::string& description, std::vector<Rate>& pending) {
    Plan p = plan;
    if (p.description.empty()) p.description = description;
    for (auto& r : pending) {
      ++out_.products;
      const auto t = classify_rate(p, r, opt_.region);
      if (!t) continue;
      if (r.currency != "USD")
        fail(out_.file, sub(r.where, "/discountedRate/currency"), "currency \"" + r.currency + "\"; costproof imports USD prices only");
      Dim d;
      d.rate_code = r.rate_code;
      d.usd = r.price;
      d.where = r.where + "/discountedRate/price";
      collect_.add_rate(*t, sku, std::move(d));
    }
    pending.clear();
  }

  void rate(Rate& r) {
    json_.begin_object("a Savings Plans rate");
    OfferJsonScanner::Cursor c;
    std::string_view key;
    while (json_.next_key(c, key)) {
      if (key == "discountedSku") r.discounted_sku = std::string(json_.string("discountedSku"));
      else if (key == "discountedUsageType") r.usage = std::string(json_.string("discountedUsageType"));
      else if (key == "discountedOperation") r.operation = std::string(json_.string("discountedOperation"));
      else if (key == "discountedServiceCode") r.service = std::string(json_.string("discountedServiceCode"));
      else if (key == "rateCode") r.rate_code = std::string(json_.string("rateCode"));
      else if (key == "unit") r.unit = std::string(json_.string("unit"));
      else if (key == "discountedRegionCode") r.region = std::string(json_.string("discountedRegionCode"));
      else if (key == "discountedRate") {
        json_.begin_object("discountedRate");
        OfferJsonScanner::Cursor dc;
        std::string_view k2;
        while (json_.next_key(dc, k2)) {
          if (k2 == "price") r.price = std::string(json_.string("price"));
          else if (k2 == "currency") r.currency = std::string(json_.string("currency"));
          else json_.skip_value();
        }
      } else {
        json_.skip_value();
      }
    }
  }

  OfferKind kind_for(const std::string& code, const std::string& where) {
    if (code.empty())
      fail(out_.file, where, "no \"offerCode\" before \"products\"; is this an AWS Price List offer file?");
    if (code == "AmazonEC2") return OfferKind::kEc2;
    if (code == "AmazonVPC") return OfferKind::kVpc;
    if (code == "AmazonRDS") return OfferKind::kRds;
    if (code == "AWSLambda") return OfferKind::kLambda;
    if (code == "AmazonDynamoDB") return OfferKind::kDynamoDb;
    std::string list;
    for (const auto& s : supported_offer_codes()) list += (list.empty() ? "" : ", ") + s;
    fail(out_.file, "/offerCode", "offer \"" + code + "\" is not one costproof imports; supported: " + list);
  }

  OfferJsonScanner& json_;
  OfferImport& out_;
  const ExtractOptions& opt_;
  Collector collect_;
  Product p_;
  std::unordered_map<std::string, Plan> plans_;
};

// ---------------------------------------------------------------------------
// CSV

class CsvExtractor {
 public:
  CsvExtractor(OfferCsvReader& csv, OfferImport& out, const ExtractOptions& opt)
      : csv_(csv), out_(out), opt_(opt), collect_(out) {}

  void run() {
    std::vector<std::string_view> f;
    // Metadata lines ("OfferCode","AmazonEC2"), then the header starting with "SKU".
    for (;;) {
      if (!csv_.next(f)) fail(out_.file, "", "no header line (a line starting with \"SKU\") in this CSV file");
      if (!f.empty() && f[0] == "SKU") break;
      if (csv_.line() > 20)
        fail(out_.file, "", "no header line (a line starting with \"SKU\") in the first 20 lines; is this an AWS offer CSV?");
      if (f.size() < 2) continue;
      if (f[0] == "OfferCode") out_.offer_code = std::string(f[1]);
      else if (f[0] == "Version") out_.version = std::string(f[1]);
      else if (f[0] == "Publication Date") out_.publication_date = std::string(f[1]);
    }
    header_.clear();
    for (const auto& h : f) header_.push_back(normalize_label(h));
    const std::string header_line = "line " + std::to_string(csv_.line());
    const bool savings_plans = col("discountedrate") >= 0;
    if (savings_plans) {
      out_.kind = OfferKind::kSavingsPlans;
      sp_rows(header_line);
    } else {
      out_.kind = kind_for(out_.offer_code);
      service_rows(header_line);
    }
  }

  Collector& collector() { return collect_; }

 private:
  // The column of a header label, or -1. A label the header has twice is refused: which one
  // holds the value is unclear, and import never picks one silently.
  int col(std::string_view normalized) const {
    int found = -1;
    for (std::size_t i = 0; i < header_.size(); ++i) {
      if (header_[i] != normalized) continue;
      if (found >= 0)
        fail(out_.file, "",
             "the header names one column twice (columns " + std::to_string(found + 1) + " and " +
                 std::to_string(i + 1) + ", \"" + std::string(normalized) +
                 "\"), so which one holds the value is unclear; is the file damaged?");
      found = static_cast<int>(i);
    }
    return found;
  }
  int need(std::string_view normalized, std::string_view label, const std::string& where) const {
    const int i = col(normalized);
    if (i < 0) fail(out_.file, where, "the header has no column \"" + std::string(label) + "\"");
    return i;
  }
  static std::string_view at(const std::vector<std::string_view>& f, int i) {
    return i >= 0 && static_cast<std::size_t>(i) < f.size() ? f[static_cast<std::size_t>(i)] : std::string_view{};
  }

  void service_rows(const std::string& header_line) {
    const int sku = need("sku", "SKU", header_line);
    const int term_code = need("offertermcode", "OfferTermCode", header_line);
    const int rate_code = need("ratecode", "RateCode", header_line);
    const int term_type = need("termtype", "TermType", header_line);
    const int begin = need("startingrange", "StartingRange", header_line);
    const int end = need("endingrange", "EndingRange", header_line);
    const int unit = need("unit", "Unit", header_line);
    const int price = need("priceperunit", "PricePerUnit", header_line);
    const int currency = need("currency", "Currency", header_line);
    const int description = col("pricedescription");
    std::array<int, kAttrCount> attr_col{};
    for (auto& a : attr_col) a = -1;
    for (const auto& a : kAttrNames) attr_col[static_cast<std::size_t>(a.attr)] = col(normalize_label(a.json));
    std::vector<std::string_view> f;
    while (csv_.next(f)) {
      if (f.size() == 1 && f[0].empty()) continue;  // blank line
      ++out_.products;
      if (at(f, term_type) != "OnDemand") continue;
      p_.clear();
      for (std::size_t a = 0; a < attr_col.size(); ++a) p_.a[a].assign(at(f, attr_col[a]));
      const auto t = classify(out_.kind, p_, opt_.region);
      if (!t) continue;
      const std::string where = "line " + std::to_string(csv_.line());
      const std::string sku_text(at(f, sku));
      Kept& k = collect_.keep(*t, sku_text, where);
      Dim d;
      d.rate_code = std::string(at(f, rate_code));
      d.description = std::string(at(f, description));
      d.begin = std::string(at(f, begin));
      d.end = std::string(at(f, end));
      d.unit = std::string(at(f, unit));
      if (at(f, currency) == "USD") d.usd = std::string(at(f, price));
      else d.currency_seen = std::string(at(f, currency));
      d.where = where;
      collect_.add_dim(k, std::string(at(f, term_code)), where, std::move(d));
    }
  }

  void sp_rows(const std::string& header_line) {
    const int sku = need("sku", "SKU", header_line);
    const int rate_code = need("ratecode", "RateCode", header_line);
    const int unit = need("unit", "Unit", header_line);
    const int price = need("discountedrate", "DiscountedRate", header_line);
    const int currency = need("currency", "Currency", header_line);
    const int service = need("discountedservicecode", "DiscountedServiceCode", header_line);
    const int usage = need("discountedusagetype", "DiscountedUsageType", header_line);
    const int operation = need("discountedoperation", "DiscountedOperation", header_line);
    const int region = need("discountedregioncode", "DiscountedRegionCode", header_line);
    const int plan_usage = need("usagetype", "UsageType", header_line);
    const int family = need("productfamily", "Product Family", header_line);
    const int description = col("description");
    std::vector<std::string_view> f;
    while (csv_.next(f)) {
      if (f.size() == 1 && f[0].empty()) continue;
      ++out_.products;
      Plan plan{std::string(at(f, family)), std::string(at(f, plan_usage)), std::string(at(f, description))};
      Rate r;
      r.usage = std::string(at(f, usage));
      r.operation = std::string(at(f, operation));
      r.service = std::string(at(f, service));
      r.rate_code = std::string(at(f, rate_code));
      r.unit = std::string(at(f, unit));
      r.price = std::string(at(f, price));
      r.currency = std::string(at(f, currency));
      r.region = std::string(at(f, region));
      r.where = "line " + std::to_string(csv_.line());
      const auto t = classify_rate(plan, r, opt_.region);
      if (!t) continue;
      if (r.currency != "USD") fail(out_.file, r.where, "currency \"" + r.currency + "\"; costproof imports USD prices only");
      Dim d;
      d.rate_code = r.rate_code;
      d.usd = r.price;
      d.where = r.where;
      collect_.add_rate(*t, std::string(at(f, sku)), std::move(d));
    }
  }

  OfferKind kind_for(const std::string& code) {
    if (code == "AmazonEC2") return OfferKind::kEc2;
    if (code == "AmazonVPC") return OfferKind::kVpc;
    if (code == "AmazonRDS") return OfferKind::kRds;
    if (code == "AWSLambda") return OfferKind::kLambda;
    if (code == "AmazonDynamoDB") return OfferKind::kDynamoDb;
    std::string list;
    for (const auto& s : supported_offer_codes()) list += (list.empty() ? "" : ", ") + s;
    if (code.empty()) fail(out_.file, "", "no \"OfferCode\" line before the header; is this an AWS offer CSV?");
    fail(out_.file, "", "offer \"" + code + "\" is not one costproof imports; supported: " + list);
  }

  OfferCsvReader& csv_;
  OfferImport& out_;
  const ExtractOptions& opt_;
  Collector collect_;
  Product p_;
  std::vector<std::string> header_;
};


}  // namespace

bool usage_type_is(std::string_view usage, std::string_view region, std::string_view base) {
  if (usage.size() < base.size() || usage.substr(usage.size() - base.size()) != base) return false;
  if (usage.size() == base.size()) return region == "us-east-1";
  const std::string_view head = usage.substr(0, usage.size() - base.size());
  if (head.back() != '-') return false;
  const std::string_view prefix = head.substr(0, head.size() - 1);
  if (const char* p = prefix_of(region)) return prefix == p;
  return looks_like_prefix(prefix);
}

std::string region_for_location(std::string_view location) {
  for (const auto& l : kLocations) {
    const std::string_view name(l.name);
    if (location == name) return l.region;
    // "Europe (Ireland)" is the newer spelling of "EU (Ireland)".
    if (name.substr(0, 4) == "EU (" && location.size() > 8 && location.substr(0, 8) == "Europe (" &&
        location.substr(8) == name.substr(4))
      return l.region;
  }
  return "";
}

std::string normalize_offer_unit(std::string_view unit) {
  const std::string u = lower(unit);
  if (u == "hrs" || u == "hr" || u == "hours" || u == "hour") return "hour";
  if (u == "gb") return "GB";
  if (u == "gb-mo" || u == "gb-month") return "GB-month";
  if (u == "gib-mo" || u == "gib-month") return "GiB-month";
  if (u == "seconds" || u == "second" || u == "gb-seconds" || u == "gb-second" || u == "lambda-gb-second")
    return "GB-second";
  if (u == "requests" || u == "request") return "request";
  if (u == "readrequestunits") return "read-request-unit";
  if (u == "writerequestunits") return "write-request-unit";
  if (u == "readcapacityunit-hrs") return "RCU-hour";
  if (u == "writecapacityunit-hrs") return "WCU-hour";
  if (u == "acu-hr" || u == "acu-hrs") return "ACU-hour";
  return "";
}

std::string offer_kind_name(OfferKind kind) {
  switch (kind) {
    case OfferKind::kEc2: return "AmazonEC2";
    case OfferKind::kVpc: return "AmazonVPC";
    case OfferKind::kRds: return "AmazonRDS";
    case OfferKind::kLambda: return "AWSLambda";
    case OfferKind::kDynamoDb: return "AmazonDynamoDB";
    case OfferKind::kSavingsPlans: return "Savings Plans";
    default: return "pricing-page feed " + feed_name(kind);
  }
  return "";
}

const std::vector<std::string>& supported_offer_codes() {
  static const std::vector<std::string> codes = {
      "AmazonEC2", "AmazonVPC", "AmazonRDS", "AWSLambda", "AmazonDynamoDB",
      "AWSComputeSavingsPlan (Compute and EC2 Instance Savings Plans)", "AWSDatabaseSavingsPlans"};
  return codes;
}

KeyScope offer_key_scope(OfferKind kind, const std::string& service, const std::string& key) {
  const auto ends_with = [&](std::string_view s) {
    return key.size() >= s.size() && std::string_view(key).substr(key.size() - s.size()) == s;
  };
  switch (kind) {
    case OfferKind::kEc2:
      if (service == "ec2") return KeyScope::kOpen;
      if (service == "vpc" && (key == "nat-gateway-hour" || key == "nat-gateway-gb-processed")) return KeyScope::kClosed;
      if (service == "ebs" && key == "gp3-storage") return KeyScope::kClosed;
      return KeyScope::kNotOwned;
    case OfferKind::kVpc:
      return service == "vpc" && key == "public-ipv4-address-hour" ? KeyScope::kClosed : KeyScope::kNotOwned;
    case OfferKind::kRds:
      if (service != "rds") return KeyScope::kNotOwned;
      if (key.rfind("db.", 0) == 0 && (ends_with("/mysql") || ends_with("/postgresql") || ends_with("/mariadb")))
        return KeyScope::kOpen;
      return key == "storage-gp3" ? KeyScope::kClosed : KeyScope::kNotOwned;
    case OfferKind::kLambda:
      if (service == "lambda" && (key == "requests-x86_64" || key == "requests-arm64" || key == "duration-x86_64" ||
                                  key == "duration-arm64"))
        return KeyScope::kClosed;
      return KeyScope::kNotOwned;
    case OfferKind::kDynamoDb:
      if (service == "dynamodb" &&
          (key == "on-demand-read-request-unit" || key == "on-demand-write-request-unit" ||
           key == "provisioned-rcu-hour" || key == "provisioned-wcu-hour" || key == "storage"))
        return KeyScope::kClosed;
      return KeyScope::kNotOwned;
    case OfferKind::kSavingsPlans:
      return service == "compute-sp-rates" || service == "database-sp-rates" ? KeyScope::kOpen
                                                                                       : KeyScope::kNotOwned;
    default:
      return feed_key_scope(kind, service, key);
  }
  return KeyScope::kNotOwned;
}

OfferImport extract_offer(ByteSource& source, const std::string& file, const ExtractOptions& options) {
  OfferImport out;
  out.file = file;
  PrefixedSource sniffed(read_head(source, 4096), source);  // the format is told by the first bytes
  const std::string& head = sniffed.head();
  std::size_t i = 0;
  if (head.size() >= 3 && head.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;  // UTF-8 byte order mark
  while (i < head.size() && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t')) ++i;
  if (i == head.size())
    throw InputError(file, "", "the file is empty; expected an AWS Price List offer file (JSON or CSV)");
  const char first = head[i];
  if (first == '{') {
    out.format = "json";
    OfferJsonScanner json(sniffed, file, options.chunk_bytes);
    JsonExtractor ex(json, out, options);
    ex.run();
    ex.collector().finish();
    out.bytes_read = json.bytes_read();
  } else if (first == '"' || std::isalpha(static_cast<unsigned char>(first))) {
    out.format = "csv";
    OfferCsvReader csv(sniffed, file, options.chunk_bytes);
    CsvExtractor ex(csv, out, options);
    ex.run();
    ex.collector().finish();
    out.bytes_parsed = csv.offset();
    out.bytes_read = csv.bytes_read();
  } else {
    throw InputError(file, "",
                     "not an AWS Price List offer file: expected JSON (starting with '{') or CSV (starting with "
                     "\"FormatVersion\"), got a file starting with byte 0x" +
                         [&] {
                           static constexpr char kHex[] = "0123456789ABCDEF";
                           const auto b = static_cast<unsigned char>(first);
                           return std::string{kHex[b >> 4], kHex[b & 0xF]};
                         }());
  }
  if (out.offer_code.empty())
    throw InputError(file, "", "the file names no offer code (\"offerCode\"); is it an AWS Price List offer file?");
  if (out.version.empty())
    throw InputError(file, "", "the file has no \"version\"; costproof records it with every imported price");
  if (out.publication_date.empty())
    throw InputError(file, "", "the file has no \"publicationDate\"; costproof needs it to date the imported prices");
  // The offer code and version become a source id (and so part of names and paths): AWS writes
  // them as "AmazonEC2" and "20261120183022"; anything else ("../../x") is refused, not copied.
  for (const auto& [field, value] : {std::pair<std::string, const std::string*>{"offerCode", &out.offer_code},
                                     std::pair<std::string, const std::string*>{"version", &out.version}}) {
    const bool safe = value->size() <= 64 && value->front() != '.' &&
                      std::all_of(value->begin(), value->end(), [](char c) {
                        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                               c == '.' || c == '_' || c == '-';
                      });
    if (!safe) {
      std::string shown;
      for (const char c : value->substr(0, 40)) shown += (c >= 0x20 && c < 0x7F) ? c : '?';
      throw InputError(file, "/" + field,
                       "\"" + field + "\" is \"" + shown + (value->size() > 40 ? "..." : "") +
                           "\"; costproof names the imported source after it, so it must be at most 64 letters, "
                           "digits, '.', '_' or '-' and not start with '.' (AWS writes e.g. \"20261120183022\"); "
                           "is the file damaged?");
    }
  }
  std::sort(out.rows.begin(), out.rows.end(), [](const OfferRow& a, const OfferRow& b) {
    const Decimal za = a.tier_start.value_or(Decimal::from_int(0));
    const Decimal zb = b.tier_start.value_or(Decimal::from_int(0));
    return std::tie(a.region, a.service, a.key) < std::tie(b.region, b.service, b.key) ||
           (std::tie(a.region, a.service, a.key) == std::tie(b.region, b.service, b.key) && za < zb);
  });
  return out;
}

}  // namespace costproof
