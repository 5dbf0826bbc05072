#include "offers/offer_merge.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/error.h"
#include "core/format.h"

namespace costproof {

namespace {

using OJson = nlohmann::ordered_json;

std::string quote(const std::string& s) { return nlohmann::json(s).dump(); }

// {"key": "a1.large", "unit": "hour", ...} on one line, as the hand-written tables are.
std::string one_line(const OJson& object) {
  std::string out = "{";
  bool first = true;
  for (const auto& [k, v] : object.items()) {
    if (!first) out += ", ";
    first = false;
    out += quote(k) + ": " + v.dump();
  }
  return out + "}";
}

std::string source_block(const OJson& source) {
  std::string out = "    {\n";
  bool first = true;
  for (const auto& [k, v] : source.items()) {
    if (!first) out += ",\n";
    first = false;
    out += "      " + quote(k) + ": " + v.dump();
  }
  return out + "\n    }";
}

OJson source_json(const PriceSource& s) {
  OJson j;
  j["id"] = s.id;
  j["title"] = s.title;
  if (!s.url.empty()) {
    j["url"] = s.url;
  } else {
    j["repo"] = s.repo;
    j["path"] = s.path;
    j["commit"] = s.commit;
  }
  j["as_of"] = s.as_of.to_string();
  j["trust"] = std::string(1, s.trust);
  j["trust_note"] = s.trust_note;
  if (!s.offer_code.empty()) j["offer_code"] = s.offer_code;
  if (!s.offer_version.empty()) j["offer_version"] = s.offer_version;
  if (!s.publication_date.empty()) j["publication_date"] = s.publication_date;
  if (s.fact) j["kind"] = "fact";
  if (!s.no_machine_data.empty()) j["no_machine_data"] = s.no_machine_data;
  return j;
}

std::string str(const OJson& row, const char* field) {
  const auto it = row.find(field);
  return it != row.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Decimal dec(const OJson& row, const char* field, const Decimal& fallback) {
  const std::string s = str(row, field);
  return s.empty() ? fallback : Decimal::parse(s);
}

std::string price_label(const Decimal& price, const Decimal& per, const std::string& unit) {
  std::string out = format_price(price) + " per ";
  if (per != Decimal::from_int(1)) out += format_number(per) + " ";
  return out + unit;
}

std::string tier_label(const std::optional<Decimal>& start, const std::optional<Decimal>& end) {
  if (!start) return "";
  return format_number(*start) + " to " + (end ? format_number(*end) : std::string("Inf"));
}

// The `per` a new row gets when the table has no row for its key: per million for request-like units.
Decimal default_per(const std::string& unit) {
  if (unit == "request" || unit == "read-request-unit" || unit == "write-request-unit")
    return Decimal::from_int(1000000);
  return Decimal::from_int(1);
}

std::string default_description(const std::string& service, const std::string& region) {
  if (service == "ec2")
    return "EC2 On-Demand instance prices per instance-hour: Linux, shared tenancy, no pre-installed software, " +
           region;
  if (service == "vpc") return "VPC networking list prices, " + region + ": NAT gateway, public IPv4 addresses";
  if (service == "rds") return "Amazon RDS On-Demand list prices, " + region + ": Single-AZ instance-hours per engine, gp3 storage";
  if (service == "lambda") return "AWS Lambda on-demand list prices, " + region + ": requests and duration";
  if (service == "dynamodb") return "Amazon DynamoDB list prices, " + region + ", Standard table class";
  if (service == "compute-sp-rates")
    return "Compute and EC2 Instance Savings Plans rates, " + region +
           ": EC2 Linux shared-tenancy instance-hours and Lambda (key: plan/service/usage type/operation)";
  if (service == "database-sp-rates")
    return "Database Savings Plans rates, " + region + ": RDS and DynamoDB (key: plan/service/usage type/operation)";
  if (service == "ebs") return "Amazon EBS list prices, " + region + ": volume storage";
  return service + " prices, " + region;
}

struct OldRow {
  OJson json;
  std::string key;
  std::optional<Decimal> tier_start, tier_end;
  Decimal per, price;
  std::string unit;
};

}  // namespace

std::string change_kind_name(RowChange::Kind kind) {
  switch (kind) {
    case RowChange::Kind::kChanged: return "changed";
    case RowChange::Kind::kAppeared: return "appeared";
    case RowChange::Kind::kDisappeared: return "disappeared";
    case RowChange::Kind::kMissing: return "missing (kept)";
  }
  return "";
}

std::shared_ptr<PriceSource> make_offer_source(const OfferImport& offer, const std::string& region,
                                               const std::string& location) {
  auto s = std::make_shared<PriceSource>();
  s->url = location;
  const auto date = Date::parse(offer.publication_date.substr(0, 10));
  if (!date)
    throw InputError(offer.file, "/publicationDate",
                     "expected a date such as \"2026-09-25T17:45:21Z\", got \"" + offer.publication_date + "\"");
  s->as_of = *date;
  s->trust = 'A';
  if (offer.document_kind == "pricing-page feed") {
    s->id = "aws-feed-" + offer.feed_name + "-" + region + "-" + offer.version;
    s->title = "AWS pricing-page data feed " + offer.feed_name + " (" + offer.offer_code + " rates), data version " +
               offer.version + " (" + region + " prices)";
    s->trust_note = "AWS machine-published price data: the pricing-page feed " + offer.feed_url +
                    " (generated by AWS from the Price List), published " + offer.publication_date +
                    "; every row names its Price List SKU and rate code. The feed has no units or tier boundaries: "
                    "costproof's documented mapping (docs/pricing-import.md, \"Pricing-page feed\") adds " +
                    offer.mapping_note + ".";
  } else if (offer.document_kind == "GetProducts") {
    s->id = "aws-getproducts-" + offer.offer_code + "-" + region + "-" + offer.version;
    s->title = "AWS Price List GetProducts documents " + offer.offer_code + ", version " + offer.version + " (" +
               region + " prices)";
    s->trust_note = "AWS machine-published price data: Price List GetProducts documents, publicationDate " +
                    offer.publication_date +
                    ", imported by costproof pricing import; every row names its SKU and rate code, and its unit and "
                    "range come from the document.";
  } else {
    s->id = "aws-offer-" + offer.offer_code + "-" + region + "-" + offer.version;
    s->title = "AWS Price List offer file " + offer.offer_code + ", version " + offer.version + " (" + region +
               " prices)";
    s->trust_note = "AWS Price List offer file, publicationDate " + offer.publication_date +
                    ", imported by costproof pricing import; every row names its SKU and rate code in that file.";
  }
  s->offer_code = offer.offer_code;
  s->offer_version = offer.version;
  s->publication_date = offer.publication_date;
  return s;
}

TableMerge merge_offer_rows(const OJson* existing, const std::string& file_label, OfferKind kind,
                            const std::string& region, const std::string& service,
                            const std::vector<const OfferRow*>& rows, const PriceSource& source) {
  TableMerge m;
  m.region = region;
  m.service = service;
  m.created = existing == nullptr;

  std::string description = default_description(service, region);
  std::vector<OJson> old_sources;
  std::vector<OldRow> old_rows;
  if (existing) {
    description = str(*existing, "description");
    for (const auto& s : existing->at("sources")) old_sources.push_back(s);
    for (const auto& r : existing->at("rows")) {
      OldRow o;
      o.json = r;
      o.key = str(r, "key");
      o.unit = str(r, "unit");
      o.per = dec(r, "per", Decimal::from_int(1));
      o.price = dec(r, "price", Decimal::from_int(0));
      if (!str(r, "tier_start").empty()) {
        o.tier_start = Decimal::parse(str(r, "tier_start"));
        if (str(r, "tier_end") != "Inf") o.tier_end = Decimal::parse(str(r, "tier_end"));
      }
      old_rows.push_back(std::move(o));
    }
  }

  std::set<std::string> imported_keys;
  for (const OfferRow* r : rows) imported_keys.insert(r->key);

  // Old rows: kept as they are unless the import owns and supplies the key.
  std::vector<std::pair<std::string, OJson>> out_rows;  // sort key, row
  const auto sort_key = [](const std::string& key, const std::optional<Decimal>& start) {
    // Tiers in numeric order: pad the tier start.
    std::string s = start ? start->normalized().to_string() : std::string();
    const auto dot = s.find('.');
    const std::size_t int_len = dot == std::string::npos ? s.size() : dot;
    if (start) s = std::string(40 - std::min<std::size_t>(40, int_len), '0') + s;
    return key + '\x01' + s;
  };
  std::map<std::string, std::vector<const OldRow*>> old_by_key;
  for (const auto& o : old_rows) {
    const KeyScope scope = offer_key_scope(kind, service, o.key);
    if (scope == KeyScope::kNotOwned) {
      ++m.untouched;
      out_rows.emplace_back(sort_key(o.key, o.tier_start), o.json);
      continue;
    }
    if (!imported_keys.count(o.key)) {
      RowChange c;
      c.key = o.key;
      c.tier = tier_label(o.tier_start, o.tier_end);
      c.tier_start = o.tier_start.value_or(Decimal::from_int(0));
      c.old_price = price_label(o.price, o.per, o.unit);
      c.sku = str(o.json, "sku");
      c.rate_code = str(o.json, "rate_code");
      if (scope == KeyScope::kClosed) {
        c.kind = RowChange::Kind::kMissing;
        out_rows.emplace_back(sort_key(o.key, o.tier_start), o.json);
      } else {
        c.kind = RowChange::Kind::kDisappeared;
      }
      m.changes.push_back(std::move(c));
      continue;
    }
    old_by_key[o.key].push_back(&o);
  }

  // Imported rows.
  for (const OfferRow* r : rows) {
    const auto& olds = old_by_key[r->key];
    const OldRow* match = nullptr;
    for (const OldRow* o : olds) {
      const bool same_tier = (!o->tier_start && !r->tier_start) ||
                             (o->tier_start && r->tier_start && *o->tier_start == *r->tier_start);
      if (same_tier) match = o;
    }
    const Decimal per = !olds.empty() ? olds.front()->per : default_per(r->unit);
    const Decimal price = r->price * per;
    const std::string price_text = per == Decimal::from_int(1) ? r->price_text : price.normalized().to_string();
    if (price.normalized().scale() > 12)
      throw PricingDataError(file_label, "", "the imported price " + r->price_text + " for \"" + r->key +
                                                 "\" needs more than 12 decimal places per " + per.to_string());
    OJson row;
    row["key"] = r->key;
    const std::string desc = match ? str(match->json, "description") : r->description;
    if (!desc.empty()) row["description"] = desc;
    row["unit"] = r->unit;
    if (per != Decimal::from_int(1)) row["per"] = per.to_string();
    if (r->tier_start) {
      row["tier_start"] = r->tier_start->to_string();
      row["tier_end"] = r->tier_end ? r->tier_end->to_string() : std::string("Inf");
    }
    row["price"] = price_text;
    row["source"] = source.id;
    row["sku"] = r->sku;
    row["rate_code"] = r->rate_code;
    if (match && !str(match->json, "note").empty()) row["note"] = str(match->json, "note");
    out_rows.emplace_back(sort_key(r->key, r->tier_start), row);

    const bool same = match && match->unit == r->unit && match->price * per == price * match->per &&
                      ((!match->tier_end && !r->tier_end) ||
                       (match->tier_end && r->tier_end && *match->tier_end == *r->tier_end));
    if (same) {
      ++m.unchanged;
      continue;
    }
    RowChange c;
    c.kind = match ? RowChange::Kind::kChanged : RowChange::Kind::kAppeared;
    c.key = r->key;
    c.tier = tier_label(r->tier_start, r->tier_end);
    c.tier_start = r->tier_start.value_or(Decimal::from_int(0));
    if (match) c.old_price = price_label(match->price, match->per, match->unit);
    c.new_price = price_label(price, per, r->unit);
    c.sku = r->sku;
    c.rate_code = r->rate_code;
    m.changes.push_back(std::move(c));
  }
  // Old tiers of an imported key that the new tiering no longer has.
  for (const auto& [key, olds] : old_by_key)
    for (const OldRow* o : olds) {
      bool found = false;
      for (const OfferRow* r : rows)
        if (r->key == key && ((!o->tier_start && !r->tier_start) ||
                              (o->tier_start && r->tier_start && *o->tier_start == *r->tier_start)))
          found = true;
      if (found) continue;
      RowChange c;
      c.kind = RowChange::Kind::kDisappeared;
      c.key = key;
      c.tier = tier_label(o->tier_start, o->tier_end);
      c.tier_start = o->tier_start.value_or(Decimal::from_int(0));
      c.old_price = price_label(o->price, o->per, o->unit);
      c.sku = str(o->json, "sku");
      c.rate_code = str(o->json, "rate_code");
      m.changes.push_back(std::move(c));
    }
  std::stable_sort(m.changes.begin(), m.changes.end(),
                   [](const RowChange& a, const RowChange& b) {
                     return a.key < b.key || (a.key == b.key && a.tier_start < b.tier_start);
                   });
  std::stable_sort(out_rows.begin(), out_rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  m.rows = out_rows.size();

  // Sources: those still cited, then the import's.
  std::set<std::string> cited;
  for (const auto& [k, r] : out_rows) cited.insert(str(r, "source"));
  std::vector<OJson> sources;
  for (const auto& s : old_sources)
    if (cited.count(str(s, "id")) && str(s, "id") != source.id) sources.push_back(s);
  if (!rows.empty()) sources.push_back(source_json(source));

  std::string text = "{\n";
  text += "  \"schema_version\": 1,\n";
  text += "  \"provider\": \"aws\",\n";
  text += "  \"region\": " + quote(region) + ",\n";
  text += "  \"service\": " + quote(service) + ",\n";
  text += "  \"currency\": \"USD\",\n";
  text += "  \"description\": " + quote(description) + ",\n";
  text += "  \"sources\": [\n";
  for (std::size_t i = 0; i < sources.size(); ++i)
    text += source_block(sources[i]) + (i + 1 < sources.size() ? ",\n" : "\n");
  text += "  ],\n";
  text += "  \"rows\": [\n";
  for (std::size_t i = 0; i < out_rows.size(); ++i)
    text += "    " + one_line(out_rows[i].second) + (i + 1 < out_rows.size() ? ",\n" : "\n");
  text += "  ]\n}\n";
  m.text = std::move(text);

  // The new table must load like any other.
  parse_price_table(nlohmann::json::parse(m.text), file_label);
  return m;
}

}  // namespace costproof
