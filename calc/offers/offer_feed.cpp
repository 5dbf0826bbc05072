#include "offers/offer_feed.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/error.h"
#include "core/json_reader.h"

namespace costproof {

namespace {

using Json = nlohmann::json;

// ---------------------------------------------------------------------------
// The documented mapping (docs/pricing-import.md, "Pricing-page feed"): which
// feed entry is which table row. The feed names a rate by a human-readable key
// ("Hourly charge for NAT Gateways") and gives its Price List rate code and
// price, but no unit and no tier boundaries; both are stated here.

struct FeedEntry {
  OfferKind kind;
  const char* feed_key;  // the human-readable key in regions.<location>
  const char* service;
  const char* key;
  const char* unit;
  const char* tier_start;  // "" = untiered
  const char* tier_end;    // "Inf" for the last tier
  const char* description;
};

constexpr FeedEntry kFeedMapping[] = {
    {OfferKind::kFeedNatGateway, "Hourly charge for NAT Gateways", "vpc", "nat-gateway-hour", "hour", "", "",
     "NAT gateway, per gateway-hour"},
    {OfferKind::kFeedNatGateway, "Charge for per GB data processed by NatGateways", "vpc", "nat-gateway-gb-processed",
     "GB", "", "", "NAT gateway, per GB of data processed"},
    {OfferKind::kFeedVpc, "Hourly charge for In use Public IPv4 Addresses per Hrs", "vpc", "public-ipv4-address-hour",
     "hour", "", "", "Public IPv4 address in use, per address-hour"},
    {OfferKind::kFeedDynamoDb, "PayPerRequest Read Request Units", "dynamodb", "on-demand-read-request-unit",
     "read-request-unit", "", "", "On-demand read request units, Standard table class"},
    {OfferKind::kFeedDynamoDb, "PayPerRequest Write Request Units", "dynamodb", "on-demand-write-request-unit",
     "write-request-unit", "", "", "On-demand write request units, Standard table class"},
    {OfferKind::kFeedDynamoDb, "Provisioned Read Units", "dynamodb", "provisioned-rcu-hour", "RCU-hour", "", "",
     "Provisioned read capacity unit-hour, Standard table class"},
    {OfferKind::kFeedDynamoDb, "Provisioned Write Units", "dynamodb", "provisioned-wcu-hour", "WCU-hour", "", "",
     "Provisioned write capacity unit-hour, Standard table class"},
    {OfferKind::kFeedDynamoDb, "Data Storage Indexed GB-Mo", "dynamodb", "storage", "GB-month", "", "",
     "Table storage, Standard table class"},
    {OfferKind::kFeedLambda, "Lambda Requests", "lambda", "requests-x86_64", "request", "", "", "Lambda requests, x86_64"},
    {OfferKind::kFeedLambda, "Lambda Requests-ARM", "lambda", "requests-arm64", "request", "", "",
     "Lambda requests, arm64"},
    {OfferKind::kFeedLambda, "Lambda Duration", "lambda", "duration-x86_64", "GB-second", "0", "6000000000",
     "Lambda duration, x86_64"},
    {OfferKind::kFeedLambda, "Lambda Duration Tier2", "lambda", "duration-x86_64", "GB-second", "6000000000",
     "15000000000", "Lambda duration, x86_64"},
    {OfferKind::kFeedLambda, "Lambda Duration Tier3", "lambda", "duration-x86_64", "GB-second", "15000000000", "Inf",
     "Lambda duration, x86_64"},
    {OfferKind::kFeedLambda, "Lambda Duration-ARM", "lambda", "duration-arm64", "GB-second", "0", "7500000000",
     "Lambda duration, arm64"},
    {OfferKind::kFeedLambda, "Lambda Duration-ARM Tier2", "lambda", "duration-arm64", "GB-second", "7500000000",
     "18750000000", "Lambda duration, arm64"},
    {OfferKind::kFeedLambda, "Lambda Duration-ARM Tier3", "lambda", "duration-arm64", "GB-second", "18750000000",
     "Inf", "Lambda duration, arm64"},
    {OfferKind::kFeedLambda, "Lambda Duration-ARM", "lambda", "duration-arm64-first-tier", "GB-second", "", "",
     "Lambda duration, arm64, first tier"},
    {OfferKind::kFeedLambda, "Lambda Provisioned-Concurrency", "lambda", "provisioned-concurrency-x86_64",
     "GB-second", "", "", "Lambda provisioned concurrency, x86_64, per GB-second configured"},
    {OfferKind::kFeedLambda, "Lambda Storage-Duration", "lambda", "ephemeral-storage-x86_64", "GB-second", "", "",
     "Lambda ephemeral storage above 512 MB, x86_64"},
    {OfferKind::kFeedStates, "AWS Step Functions", "stepfunctions", "standard-state-transitions", "state-transition",
     "", "", "Standard workflows, per state transition"},
    {OfferKind::kFeedStates, "Number of Workflow Requests", "stepfunctions", "express-requests", "request", "", "",
     "Express workflows, per request"},
    {OfferKind::kFeedAuroraStorage, "Aurora PostgreSQL ServerlessV2", "aurora", "serverless-v2-acu-standard",
     "ACU-hour", "", "", "Aurora Serverless v2, Aurora Standard, per ACU-hour"},
    {OfferKind::kFeedAuroraStorage, "Aurora PostgreSQL ServerlessV2 Aurora IO Optimization Mode", "aurora",
     "serverless-v2-acu-io-optimized", "ACU-hour", "", "", "Aurora Serverless v2, Aurora I/O-Optimized, per ACU-hour"},
    {OfferKind::kFeedAuroraStorage, "Database Storage DB Engine Aurora PostgreSQL General Purpose Aurora", "aurora",
     "storage-standard", "GiB-month", "", "", "Aurora storage, Aurora Standard"},
    {OfferKind::kFeedAuroraStorage, "Aurora PostgreSQL IO Optimized Aurora", "aurora", "storage-io-optimized",
     "GiB-month", "", "", "Aurora storage, Aurora I/O-Optimized"},
    {OfferKind::kFeedAuroraStorage, "System Operation Aurora I O Operation", "aurora", "io-requests-standard",
     "request", "", "", "Aurora I/O requests, Aurora Standard"},
    {OfferKind::kFeedAuroraStorage, "Storage Snapshot Aurora PostgreSQL", "aurora", "backup-storage", "GiB-month", "",
     "", "Aurora backup storage beyond the free allowance"},
    {OfferKind::kFeedRdsStorage, "Database Storage Single AZ General Purpose-GP3", "rds", "storage-gp3", "GB-month", "",
     "", "RDS gp3 storage, Single-AZ"},
    {OfferKind::kFeedRdsStorage, "Database Storage Multi AZ General Purpose-GP3", "rds", "storage-gp3-multi-az",
     "GB-month", "", "", "RDS gp3 storage, Multi-AZ"},
};

// rds-aurora-ondemand: "Database Instance Aurora PostgreSQL No license required db r7g.large Memory optimized
// Single-AZ Current Generation" (Aurora Standard; the "Aurora IO Optimization Mode" rows are I/O-Optimized),
// instance class in the entry's "Instance Type" field -> aurora/<class>, per hour.
constexpr const char* kAuroraInstancePrefix = "Database Instance Aurora PostgreSQL No license required db ";

struct FeedInfo {
  OfferKind kind;
  const char* name;        // manifest.source
  const char* service_id;  // manifest.serviceId
  const char* offer_code;  // the Price List offer the rate codes belong to
  const char* note;        // what the mapping adds, for the trust note
};

constexpr FeedInfo kFeeds[] = {
    {OfferKind::kFeedNatGateway, "natgateway", "ec2", "AmazonEC2", "units (hour, GB)"},
    {OfferKind::kFeedVpc, "vpc", "vpc", "AmazonVPC", "the unit (hour)"},
    {OfferKind::kFeedDynamoDb, "dynamodb", "dynamodb", "AmazonDynamoDB",
     "units (request unit, capacity unit-hour, GB-month); the free-tier rows are not imported"},
    {OfferKind::kFeedLambda, "lambda", "lambda", "AWSLambda",
     "units and the duration tier boundaries, which the feed does not carry: 6 and 15 billion GB-seconds a month "
     "(x86_64), 7.5 and 18.75 billion (arm64), as written on aws.amazon.com/lambda/pricing"},
    {OfferKind::kFeedStates, "states", "states", "AmazonStates", "units (state transition, request)"},
    {OfferKind::kFeedAuroraStorage, "rds-aurora-storage", "rds", "AmazonRDS",
     "units (ACU-hour, request; storage kept in the table's GiB-month); Aurora PostgreSQL rows"},
    {OfferKind::kFeedRdsStorage, "rds-storage", "rds", "AmazonRDS", "the unit (GB-month)"},
    {OfferKind::kFeedAuroraOnDemand, "rds-aurora-ondemand", "rds", "AmazonRDS",
     "the unit (hour); Aurora PostgreSQL, Aurora Standard, Single-AZ instance rows"},
};

std::string escape_pointer(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

// Reads the whole input (feeds and GetProducts answers are a few MB; the bound keeps a wrong file out).
constexpr std::size_t kMaxDocumentBytes = std::size_t{512} << 20;

std::string read_all(ByteSource& source, const std::string& file, std::string prefix) {
  std::string text = std::move(prefix);
  std::string chunk(std::size_t{1} << 20, '\0');
  for (;;) {
    const std::size_t n = source.read(chunk.data(), chunk.size());
    if (n == 0) break;
    text.append(chunk.data(), n);
    if (text.size() > kMaxDocumentBytes)
      throw InputError(file, "",
                       "the file is larger than 512 MiB; a pricing-page feed or a GetProducts answer is a few MB. "
                       "Is it the right file?");
  }
  return text;
}


// The first object key of a JSON text, "" when there is none in `head`.
std::string first_key(const std::string& head, std::size_t i) {
  ++i;  // past '{'
  while (i < head.size() && std::strchr(" \t\r\n", head[i])) ++i;
  if (i >= head.size() || head[i] != '"') return "";
  const std::size_t end = head.find('"', i + 1);
  return end == std::string::npos ? "" : head.substr(i + 1, end - i - 1);
}

const std::string& string_field(const Json& object, const std::string& field, const std::string& file,
                                const std::string& pointer, const std::string& what) {
  const auto it = object.find(field);
  if (it == object.end() || !it->is_string() || it->get_ref<const std::string&>().empty())
    throw InputError(file, pointer + "/" + field, "expected " + what + " (a non-empty string)");
  return it->get_ref<const std::string&>();
}

// "SKU.TERM.DIMENSION" with three non-empty parts of letters and digits.
bool is_rate_code(const std::string& s) {
  int dots = 0;
  std::size_t part = 0;
  for (char c : s) {
    if (c == '.') {
      if (part == 0) return false;
      ++dots;
      part = 0;
    } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      ++part;
    } else {
      return false;
    }
  }
  return dots == 2 && part > 0;
}

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<OfferImport> extract_feed(const std::string& text, const std::string& file, const ExtractOptions& options) {
  const Json doc = parse_json_text(text, file, JsonOrigin::kUserInput);
  if (!doc.is_object() || !doc.contains("manifest") || !doc["manifest"].is_object())
    throw InputError(file, "/manifest", "expected the feed's \"manifest\" object");
  const Json& manifest = doc["manifest"];
  const std::string& source = string_field(manifest, "source", file, "/manifest", "the feed name, e.g. \"natgateway\"");
  const std::string& service_id = string_field(manifest, "serviceId", file, "/manifest", "the service, e.g. \"ec2\"");
  const std::string& es_index =
      string_field(manifest, "esIndex", file, "/manifest", "the data version, e.g. \"plc-ec2-usd-20251028175455\"");
  const std::string& published = string_field(manifest, "hawkFilePublicationDate", file, "/manifest",
                                               "the publication date, e.g. \"2025-10-28T17:54:55Z\"");
  const std::string& currency = string_field(manifest, "currencyCode", file, "/manifest", "\"USD\"");
  if (currency != "USD")
    throw InputError(file, "/manifest/currencyCode",
                     "the feed is in " + currency + "; costproof's tables are in USD: fetch the USD feed "
                     "(.../meteredUnitMaps/<service>/USD/current/<name>.json)");
  const FeedInfo* info = nullptr;
  for (const auto& f : kFeeds)
    if (source == f.name) info = &f;
  if (!info) {
    std::string names;
    for (const auto& f : kFeeds) names += std::string(names.empty() ? "" : ", ") + f.name;
    throw InputError(file, "/manifest/source",
                     "costproof has no mapping for the pricing-page feed \"" + source + "\"; it reads " + names +
                         " (docs/pricing-import.md, \"Pricing-page feed\")");
  }
  if (service_id != info->service_id)
    throw InputError(file, "/manifest/serviceId",
                     "feed \"" + source + "\" belongs to service \"" + info->service_id + "\", but the manifest says \"" +
                         service_id + "\"; is the file damaged?");
  // "plc-ec2-usd-20251028175455" -> version 20251028175455
  const auto dash = es_index.rfind('-');
  const std::string version = dash == std::string::npos ? "" : es_index.substr(dash + 1);
  if (version.size() != 14 || !all_digits(version))
    throw InputError(file, "/manifest/esIndex",
                     "expected \"plc-<service>-usd-<14-digit version>\", got \"" + es_index + "\"");
  if (published.size() < 10 || !Date::parse(published.substr(0, 10)))
    throw InputError(file, "/manifest/hawkFilePublicationDate",
                     "expected a date such as \"2025-10-28T17:54:55Z\", got \"" + published + "\"");
  if (!doc.contains("regions") || !doc["regions"].is_object())
    throw InputError(file, "/regions", "expected the feed's \"regions\" object (location name -> rates)");

  OfferImport out;
  out.file = file;
  out.format = "json";
  out.document_kind = "pricing-page feed";
  out.kind = info->kind;
  out.offer_code = info->offer_code;
  out.version = version;
  out.publication_date = published;
  out.feed_name = source;
  out.feed_url = "https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/" + service_id + "/USD/current/" + source +
                 ".json";
  out.mapping_note = info->note;
  out.bytes_read = out.bytes_parsed = text.size();

  std::set<std::string> skipped_locations;
  // (region, service, key, tier start) -> the row index, to find two rates for one price.
  std::map<std::tuple<std::string, std::string, std::string, std::string>, std::size_t> seen;
  std::set<std::string> kept_rates;
  for (const auto& [location, rates] : doc["regions"].items()) {
    const std::string loc_pointer = "/regions/" + escape_pointer(location);
    if (!rates.is_object()) throw InputError(file, loc_pointer, "expected an object of rates");
    const std::string region = region_for_location(location);
    if (region.empty()) {
      skipped_locations.insert(location);
      continue;
    }
    if (!options.region.empty() && region != options.region) continue;
    for (const auto& [feed_key, rate] : rates.items()) {
      ++out.products;
      // The entries that map to rows.
      std::vector<FeedEntry> targets;
      for (const auto& e : kFeedMapping)
        if (e.kind == info->kind && feed_key == e.feed_key) targets.push_back(e);
      std::string instance_key;
      if (info->kind == OfferKind::kFeedAuroraOnDemand && feed_key.rfind(kAuroraInstancePrefix, 0) == 0 &&
          feed_key.find("IO Optimization Mode") == std::string::npos &&
          feed_key.find("Single-AZ") != std::string::npos && rate.is_object() && rate.contains("Instance Type") &&
          rate["Instance Type"].is_string()) {
        instance_key = rate["Instance Type"].get<std::string>();
        if (instance_key.rfind("db.", 0) != 0) continue;
        targets.push_back({info->kind, "", "aurora", instance_key.c_str(), "hour", "", "",
                           "Aurora PostgreSQL On-Demand, Aurora Standard"});
      }
      if (targets.empty()) continue;
      const std::string pointer = loc_pointer + "/" + escape_pointer(feed_key);
      if (!rate.is_object()) throw InputError(file, pointer, "expected an object with \"rateCode\" and \"price\"");
      const std::string& rate_code = string_field(rate, "rateCode", file, pointer, "the Price List rate code");
      const std::string& price_text = string_field(rate, "price", file, pointer, "the price as a decimal string");
      if (!is_rate_code(rate_code))
        throw InputError(file, pointer + "/rateCode",
                         "expected a Price List rate code SKU.TERM.DIMENSION, got \"" + rate_code + "\"");
      const std::string sku = rate_code.substr(0, rate_code.find('.'));
      const std::string term = rate_code.substr(sku.size() + 1, rate_code.find('.', sku.size() + 1) - sku.size() - 1);
      if (term != "JRTCKXETXF")
        throw InputError(file, pointer + "/rateCode",
                         "expected an On-Demand rate (offer term JRTCKXETXF), got rate code \"" + rate_code +
                             "\"; costproof imports On-Demand prices only");
      std::optional<Decimal> price;
      try {
        price = Decimal::parse(price_text);
      } catch (const Error&) {
      }
      if (!price || price->is_negative())
        throw InputError(file, pointer + "/price", "expected a non-negative decimal string, got \"" + price_text + "\"");
      kept_rates.insert(region + " " + rate_code);
      for (const auto& t : targets) {
        OfferRow row;
        row.region = region;
        row.service = t.service;
        row.key = t.key;
        row.unit = t.unit;
        row.price = *price;
        row.price_text = price_text;
        if (*t.tier_start) {
          row.tier_start = Decimal::parse(t.tier_start);
          if (std::string(t.tier_end) != "Inf") row.tier_end = Decimal::parse(t.tier_end);
        }
        row.description = t.description;
        row.sku = sku;
        row.rate_code = rate_code;
        row.where = pointer;
        const auto id = std::make_tuple(row.region, row.service, row.key, std::string(t.tier_start));
        const auto [it, inserted] = seen.emplace(id, out.rows.size());
        if (!inserted) {
          const OfferRow& other = out.rows[it->second];
          if (other.rate_code == row.rate_code) continue;  // the same rate under two keys
          throw InputError(file, pointer,
                           "two rates for " + row.service + " \"" + row.key + "\" in " + row.region + ": " +
                               other.rate_code + " at " + other.where + " and " + row.rate_code +
                               "; the feed is ambiguous, report it (docs/pricing-import.md)");
        }
        out.rows.push_back(std::move(row));
      }
    }
  }
  out.products_kept = kept_rates.size();
  for (const auto& l : skipped_locations)
    out.notes.push_back("location \"" + l + "\" skipped: not an AWS Region costproof knows the code of (a Local Zone?)");
  std::sort(out.rows.begin(), out.rows.end(), [](const OfferRow& a, const OfferRow& b) {
    const Decimal za = a.tier_start.value_or(Decimal::from_int(0));
    const Decimal zb = b.tier_start.value_or(Decimal::from_int(0));
    return std::tie(a.region, a.service, a.key) < std::tie(b.region, b.service, b.key) ||
           (std::tie(a.region, a.service, a.key) == std::tie(b.region, b.service, b.key) && za < zb);
  });
  return {std::move(out)};
}

// GetProducts: regroup the documents into offer-file texts, one per (serviceCode, version).
std::vector<OfferImport> extract_getproducts(const std::string& text, const std::string& file,
                                             const ExtractOptions& options) {
  const Json doc = parse_json_text(text, file, JsonOrigin::kUserInput);
  std::vector<Json> documents;
  std::vector<std::string> pointers;
  if (doc.is_array()) {
    for (std::size_t i = 0; i < doc.size(); ++i) {
      documents.push_back(doc[i]);
      pointers.push_back("/" + std::to_string(i));
    }
  } else if (doc.is_object() && doc.contains("PriceList") && doc["PriceList"].is_array()) {
    // The API answer: each document is a JSON string.
    const Json& list = doc["PriceList"];
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string pointer = "/PriceList/" + std::to_string(i);
      if (list[i].is_string())
        documents.push_back(parse_json_text(list[i].get<std::string>(), file + " " + pointer, JsonOrigin::kUserInput));
      else
        documents.push_back(list[i]);
      pointers.push_back(pointer);
    }
  } else {
    throw InputError(file, "", "expected GetProducts documents: a JSON array, or an object with \"PriceList\"");
  }
  if (documents.empty()) throw InputError(file, "", "the file holds no GetProducts documents");
  struct Group {
    std::string offer_code, version, publication_date;
    Json products = Json::object();
    Json on_demand = Json::object();
  };
  std::map<std::pair<std::string, std::string>, Group> groups;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    const Json& d = documents[i];
    const std::string& p = pointers[i];
    if (!d.is_object()) throw InputError(file, p, "expected a GetProducts document (an object)");
    const std::string& code = string_field(d, "serviceCode", file, p, "the offer code, e.g. \"AmazonVPC\"");
    const std::string& version = string_field(d, "version", file, p, "the offer version, e.g. \"20260724154225\"");
    const std::string& published =
        string_field(d, "publicationDate", file, p, "the publication date, e.g. \"2026-07-24T15:42:25Z\"");
    if (!d.contains("product") || !d["product"].is_object())
      throw InputError(file, p + "/product", "expected the product object");
    const std::string& sku = string_field(d["product"], "sku", file, p + "/product", "the product SKU");
    Group& g = groups[{code, version}];
    if (!g.publication_date.empty() && g.publication_date != published)
      throw InputError(file, p + "/publicationDate",
                       "documents of " + code + " version " + version + " give two publication dates, " +
                           g.publication_date + " and " + published);
    g.offer_code = code;
    g.version = version;
    g.publication_date = published;
    g.products[sku] = d["product"];
    if (d.contains("terms") && d["terms"].is_object() && d["terms"].contains("OnDemand"))
      g.on_demand[sku] = d["terms"]["OnDemand"];
  }
  std::vector<OfferImport> out;
  for (auto& [id, g] : groups) {
    const std::string& code = g.offer_code;  // clang 14 cannot capture a structured binding
    const bool supported = std::any_of(supported_offer_codes().begin(), supported_offer_codes().end(),
                                       [&code](const std::string& c) { return c == code; });
    if (!supported) continue;
    Json offer = Json::object();
    offer["formatVersion"] = "v1.0";
    offer["offerCode"] = g.offer_code;
    offer["version"] = g.version;
    offer["publicationDate"] = g.publication_date;
    offer["products"] = std::move(g.products);
    offer["terms"] = Json::object();
    offer["terms"]["OnDemand"] = std::move(g.on_demand);
    const std::string offer_text = offer.dump();
    StringByteSource source(offer_text);
    OfferImport o = extract_offer(source, file, options);
    o.document_kind = "GetProducts";
    o.bytes_read = o.bytes_parsed = text.size();
    o.stopped_early = false;
    if (!o.rows.empty()) out.push_back(std::move(o));
  }
  if (out.empty()) {
    std::string codes;
    for (const auto& [id, g] : groups) codes += std::string(codes.empty() ? "" : ", ") + id.first + " " + id.second;
    throw InputError(file, "",
                     "found no prices to import in the GetProducts documents (" + codes +
                         "): no product passed the filters (docs/pricing-import.md)" +
                         (options.region.empty() ? "" : " for region " + options.region));
  }
  return out;
}

}  // namespace

const std::vector<std::string>& supported_feed_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const auto& f : kFeeds) v.emplace_back(f.name);
    return v;
  }();
  return names;
}

std::string feed_name(OfferKind kind) {
  for (const auto& f : kFeeds)
    if (f.kind == kind) return f.name;
  return "";
}

KeyScope feed_key_scope(OfferKind kind, const std::string& service, const std::string& key) {
  if (kind == OfferKind::kFeedAuroraOnDemand)
    return service == "aurora" && key.rfind("db.", 0) == 0 ? KeyScope::kClosed : KeyScope::kNotOwned;
  for (const auto& e : kFeedMapping)
    if (e.kind == kind && service == e.service && key == e.key) return KeyScope::kClosed;
  return KeyScope::kNotOwned;
}

std::vector<OfferImport> extract_price_documents(ByteSource& source, const std::string& file,
                                                 const ExtractOptions& options) {
  std::string head = read_head(source, 4096);
  std::size_t i = 0;
  if (head.size() >= 3 && head.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;
  while (i < head.size() && std::strchr(" \t\r\n", head[i]) && head[i] != '\0') ++i;
  if (i < head.size() && head[i] == '[') return extract_getproducts(read_all(source, file, head), file, options);
  if (i < head.size() && head[i] == '{') {
    const std::string key = first_key(head, i);
    if (key == "manifest") return extract_feed(read_all(source, file, head), file, options);
    if (key == "FormatVersion" || key == "PriceList")
      return extract_getproducts(read_all(source, file, head), file, options);
  }
  PrefixedSource rest(std::move(head), source);
  std::vector<OfferImport> out;
  out.push_back(extract_offer(rest, file, options));
  out.back().document_kind = "offer file";
  return out;
}

}  // namespace costproof
