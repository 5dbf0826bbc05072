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

// {"key": "a1.large", "unit": "hour", ...} on one line, as the hand-written tables are
// (a "history" array too: [{"price": "1.25", ...}]).
std::string one_line(const OJson& value) {
  std::string out;
  bool first = true;
  if (value.is_object()) {
    for (const auto& [k, v] : value.items()) {
      out += (first ? "" : ", ") + quote(k) + ": " + one_line(v);
      first = false;
    }
    return "{" + out + "}";
  }
  if (!value.is_array()) return value.dump();
  for (const auto& v : value) {
    out += (first ? "" : ", ") + one_line(v);
    first = false;
  }
  return "[" + out + "]";
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

// One dated price of a row, its current price or a history entry (docs/pricing-tables.md,
// "Price history"). Prices are per the row's `per`.
struct DatedPrice {
  std::optional<Date> from;  // effective_from; absent only on the oldest (applies on every earlier date)
  Date seen;                 // its source's as_of: the date the price was last known to be in effect
  Decimal price;
  std::string price_text, source, note;
};

// What placing an imported price in a row's timeline did.
enum class Placed { kRefreshed, kConfirmed, kNewCurrent, kOlderAdded };

// Places the imported price `n` (n.seen = the offer's date) in `t` (oldest first, the last is the
// current price). Throws PricingDataError when the table already knows another price on that date.
Placed place_dated(std::vector<DatedPrice>& t, DatedPrice n, const std::string& file_label,
                   const std::string& what) {
  const Date d = n.seen;
  // The entry in effect on d: the last whose effective_from is not after d (an undated oldest always is).
  std::size_t i = t.size();
  for (std::size_t j = 0; j < t.size(); ++j)
    if (!t[j].from || !(d < *t[j].from)) i = j;
  Placed placed;
  if (i == t.size()) {  // before the earliest dated price: the new oldest
    t.insert(t.begin(), std::move(n));
    placed = Placed::kOlderAdded;
  } else if (t[i].price == n.price) {  // same price: a newer offer is the newer citation
    if (d < t[i].seen) return Placed::kConfirmed;
    t[i].source = n.source;
    t[i].price_text = n.price_text;
    t[i].seen = d;
    return i + 1 == t.size() ? Placed::kRefreshed : Placed::kConfirmed;
  } else if (!(d < t[i].seen) && !(t[i].from && *t[i].from == d)) {  // a later price: from d on
    n.from = d;
    t.insert(t.begin() + static_cast<std::ptrdiff_t>(i) + 1, std::move(n));
    placed = i + 1 == t.size() - 1 ? Placed::kNewCurrent : Placed::kOlderAdded;
  } else if (!t[i].from && (i + 1 == t.size() || (t[i + 1].from && t[i].seen < *t[i + 1].from))) {
    // Before an undated oldest price known on its source's date: that date becomes its start.
    t[i].from = t[i].seen;
    t.insert(t.begin(), std::move(n));
    placed = Placed::kOlderAdded;
  } else {
    throw PricingDataError(file_label, "",
                           "the offer dated " + d.to_string() + " prices " + what + " at " + n.price_text +
                               ", but the table has " + t[i].price_text + " in effect from " +
                               (t[i].from ? t[i].from->to_string() : std::string("its oldest date")) +
                               " and still on " + t[i].seen.to_string() + " (source " + t[i].source +
                               "); check the offer file, or correct the row's history by hand");
  }
  // Consecutive equal prices are one price: from the earlier date, citing the newer source.
  for (std::size_t j = 1; j < t.size();)
    if (t[j].price == t[j - 1].price) {
      if (t[j - 1].seen < t[j].seen) {
        t[j - 1].source = t[j].source;
        t[j - 1].seen = t[j].seen;
      }
      t.erase(t.begin() + static_cast<std::ptrdiff_t>(j));
    } else {
      ++j;
    }
  return placed;
}

// The imported price as a dated price: known on the offer's date (source.as_of).
DatedPrice dated_import(const Decimal& price, const std::string& price_text, const PriceSource& source) {
  return {std::nullopt, source.as_of, price, price_text, source.id, ""};
}

// The dated prices of a table row, oldest first; `price` is the row's current price.
std::vector<DatedPrice> timeline_of(const OJson& row, const Decimal& price,
                                    const std::map<std::string, Date>& source_dates) {
  const auto entry = [&](const OJson& j, const Decimal& p) {
    DatedPrice e;
    if (const auto from = Date::parse(str(j, "effective_from"))) e.from = *from;
    e.price = p;
    e.price_text = str(j, "price");
    e.source = str(j, "source");
    e.note = str(j, "note");
    const auto it = source_dates.find(e.source);
    e.seen = it != source_dates.end() ? it->second : e.from.value_or(Date{});
    return e;
  };
  std::vector<DatedPrice> t;
  if (const auto h = row.find("history"); h != row.end() && h->is_array())
    for (const auto& old : *h) t.push_back(entry(old, dec(old, "price", Decimal::from_int(0))));
  t.push_back(entry(row, price));
  t.back().note.clear();  // the row's note stays on the row
  return t;
}

}  // namespace

std::string change_kind_name(RowChange::Kind kind) {
  switch (kind) {
    case RowChange::Kind::kChanged: return "changed";
    case RowChange::Kind::kAppeared: return "appeared";
    case RowChange::Kind::kDisappeared: return "disappeared";
    case RowChange::Kind::kMissing: return "missing (kept)";
    case RowChange::Kind::kHistory: return "older price (history)";
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
  std::map<std::string, Date> source_dates;  // id -> as_of
  std::vector<OldRow> old_rows;
  if (existing) {
    description = str(*existing, "description");
    for (const auto& s : existing->at("sources")) {
      old_sources.push_back(s);
      if (const auto d = Date::parse(str(s, "as_of"))) source_dates[str(s, "id")] = *d;
    }
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
    // Same key, tier, unit and `per`: the import is one more dated price of the row.
    const bool same_shape = match && match->unit == r->unit && match->per == per &&
                            ((!match->tier_end && !r->tier_end) ||
                             (match->tier_end && r->tier_end && *match->tier_end == *r->tier_end));
    const std::string tier = tier_label(r->tier_start, r->tier_end);
    std::vector<DatedPrice> dated{dated_import(price, price_text, source)};
    Placed placed = match ? Placed::kNewCurrent : Placed::kOlderAdded;
    if (same_shape) {
      dated = timeline_of(match->json, match->price, source_dates);
      placed = place_dated(dated, dated_import(price, price_text, source), file_label,
                           r->key + (tier.empty() ? "" : " (tier " + tier + ")"));
    }
    const DatedPrice& current = dated.back();
    const bool cites_import = current.source == source.id;
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
    row["price"] = current.price_text;
    row["source"] = current.source;
    // SKU and rate code of the current price's source (a hand-written source may have none).
    for (const char* field : {"sku", "rate_code"}) {
      const std::string value = cites_import ? (*field == 's' ? r->sku : r->rate_code) : str(match->json, field);
      if (!value.empty()) row[field] = value;
    }
    if (match && !str(match->json, "note").empty()) row["note"] = str(match->json, "note");
    if (current.from) row["effective_from"] = current.from->to_string();
    if (dated.size() > 1) {
      OJson history = OJson::array();
      for (std::size_t i = 0; i + 1 < dated.size(); ++i) {
        OJson h;
        if (dated[i].from) h["effective_from"] = dated[i].from->to_string();
        h["price"] = dated[i].price_text;
        h["source"] = dated[i].source;
        if (!dated[i].note.empty()) h["note"] = dated[i].note;
        history.push_back(std::move(h));
      }
      row["history"] = std::move(history);
    }
    out_rows.emplace_back(sort_key(r->key, r->tier_start), row);

    if (placed == Placed::kRefreshed || placed == Placed::kConfirmed) {
      ++(placed == Placed::kRefreshed ? m.unchanged : m.confirmed);
      continue;
    }
    if (same_shape) m.gained_history.push_back(r->key + (tier.empty() ? "" : " (" + tier + ")"));
    RowChange c;
    c.kind = !match ? RowChange::Kind::kAppeared
                    : placed == Placed::kOlderAdded ? RowChange::Kind::kHistory : RowChange::Kind::kChanged;
    c.key = r->key;
    c.tier = tier;
    c.tier_start = r->tier_start.value_or(Decimal::from_int(0));
    if (match) c.old_price = price_label(match->price, match->per, match->unit);
    c.new_price = price_label(price, per, r->unit);
    if (c.kind == RowChange::Kind::kHistory) c.new_price += " on " + source.as_of.to_string();
    c.sku = r->sku;
    c.rate_code = r->rate_code;
    m.changes.push_back(std::move(c));
  }
  std::sort(m.gained_history.begin(), m.gained_history.end());
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
  for (const auto& [k, r] : out_rows) {
    cited.insert(str(r, "source"));
    if (const auto h = r.find("history"); h != r.end())
      for (const auto& e : *h) cited.insert(str(e, "source"));
  }
  std::vector<OJson> sources;
  for (const auto& s : old_sources)
    if (cited.count(str(s, "id")) && str(s, "id") != source.id) sources.push_back(s);
  // The import's source before the first one it is older than (at the end, as usual, when it is
  // the newest), so that importing offer versions in either order gives the same file.
  if (cited.count(source.id)) {
    auto at = sources.end();
    for (auto it = sources.begin(); it != sources.end(); ++it)
      if (const auto d = Date::parse(str(*it, "as_of")); d && source.as_of < *d) {
        at = it;
        break;
      }
    sources.insert(at, source_json(source));
  }

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
