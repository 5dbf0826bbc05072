#include "pricing/price_table.h"

#include <algorithm>
#include <array>
#include <map>
#include <unordered_set>

#include "core/error.h"
#include "core/flat_json.h"
#include "core/format.h"
#include "core/json_reader.h"

namespace costproof {

std::string PriceSource::citation() const {
  if (!url.empty()) return url;
  return repo + " " + path + " @" + commit.substr(0, 12);
}

std::string PriceSource::trust_label() const {
  switch (trust) {
    case 'A': return "A: AWS price data or AWS-written page";
    case 'B': return "B: AWS-written text";
    default: return "C: third-party only";
  }
}

std::string PriceRow::price_text() const {
  switch (form) {
    case Form::kDiscount:
      return (qualifier == "exactly" ? "" : qualifier + " ") + format_number(*discount_percent) +
             "% off the On-Demand rate";
    case Form::kMultiplier:
      return (qualifier == "exactly" ? "" : qualifier + " ") + format_number(*multiplier) + " times";
    case Form::kEligibility:
      return discount == "none" ? "not covered by any discount" : "covered by discount \"" + discount + "\"";
    case Form::kPrice:
      break;
  }
  std::string out = format_price(listed_price) + " per ";
  if (per != Decimal::from_int(1)) out += format_number(per) + " ";
  return out + unit;
}

std::shared_ptr<PriceSource> parse_price_source(JsonReader& s) {
  auto src = std::make_shared<PriceSource>();
  src->id = s.optional_string("id").value_or("");
  src->title = s.string("title");
  src->url = s.optional_string("url").value_or("");
  src->repo = s.optional_string("repo").value_or("");
  src->path = s.optional_string("path").value_or("");
  src->commit = s.optional_string("commit").value_or("");
  const bool has_repo = !src->repo.empty() || !src->path.empty() || !src->commit.empty();
  if (src->url.empty() == !has_repo)
    s.fail("", "a source needs either \"url\" or all of \"repo\", \"path\", \"commit\" (not both)");
  if (has_repo && (src->repo.empty() || src->path.empty() || src->commit.empty()))
    s.fail("", "a repository source needs all of \"repo\", \"path\" and \"commit\"");
  const bool full_commit = src->commit.size() == 40 && std::all_of(src->commit.begin(), src->commit.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  });
  if (has_repo && !full_commit)
    s.fail("commit", "expected a full 40-hex-digit commit, got \"" + src->commit + "\"");
  const std::string as_of = s.string("as_of");
  const auto date = Date::parse(as_of);
  if (!date) s.fail("as_of", "expected a date YYYY-MM-DD, got \"" + as_of + "\"");
  src->as_of = *date;
  src->trust = s.one_of("trust", {"A", "B", "C"})[0];
  src->trust_note = s.string("trust_note");
  src->offer_code = s.optional_string("offer_code").value_or("");
  src->offer_version = s.optional_string("offer_version").value_or("");
  src->publication_date = s.optional_string("publication_date").value_or("");
  if (s.has("kind")) src->fact = s.one_of("kind", {"price", "fact"}) == "fact";
  src->no_machine_data = s.optional_string("no_machine_data").value_or("");
  s.reject_unknown_keys();
  return src;
}

std::vector<std::shared_ptr<const PriceSource>> parse_price_sources(JsonReader& table) {
  std::vector<std::shared_ptr<const PriceSource>> sources;
  for (auto& s : table.objects("sources", 1)) {
    auto src = parse_price_source(s);
    if (src->id.empty()) s.fail("", "missing required field \"id\" (rows cite sources by id); add it");
    for (const auto& other : sources)
      if (other->id == src->id) s.fail("id", "duplicate source id \"" + src->id + "\"");
    sources.push_back(std::move(src));
  }
  return sources;
}

namespace {

// Tiered rows of one key must run from 0 to Inf with no gap or overlap.
void check_tiers(const PriceTable& table) {
  std::map<std::string, std::vector<const PriceRow*>> tiers;
  for (const auto& row : table.rows)
    if (row.tier_start) tiers[row.key].push_back(&row);
  for (auto& [key, rows] : tiers) {
    std::sort(rows.begin(), rows.end(),
              [](const PriceRow* a, const PriceRow* b) { return *a->tier_start < *b->tier_start; });
    Decimal expected_start = Decimal::from_int(0);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const PriceRow& row = *rows[i];
      if (*row.tier_start != expected_start)
        throw PricingDataError(table.file, row.pointer + "/tier_start",
                               "tiers of \"" + key + "\" must be contiguous: expected tier_start \"" +
                                   expected_start.to_string() + "\", got \"" +
                                   row.tier_start->to_string() + "\"");
      const bool last = i + 1 == rows.size();
      if (last != !row.tier_end)
        throw PricingDataError(table.file, row.pointer + "/tier_end",
                               last ? "the last tier of \"" + key + "\" must end at \"Inf\""
                                    : "only the last tier of \"" + key + "\" may end at \"Inf\"");
      if (row.tier_end) expected_start = *row.tier_end;
    }
  }
}

// Rule rows (docs/pricing-tables.md, "Rule rows"): a discount, a multiplier or an eligibility
// statement, sourced like a price but without unit, per or price.
void parse_rule_row(JsonReader& r, PriceRow& row) {
  const int forms = (r.has("discount_percent") ? 1 : 0) + (r.has("multiplier") ? 1 : 0) + (r.has("discount") ? 1 : 0);
  if (forms != 1)
    r.fail("", "a rule row has exactly one of \"discount_percent\", \"multiplier\" or \"discount\"");
  for (const char* key : {"unit", "per", "price", "tier_start", "tier_end"})
    if (r.has(key))
      r.fail(key, std::string("a rule row (discount, multiplier or eligibility) has no \"") + key +
                      "\"; it is not a price");
  if (r.has("discount_percent")) {
    row.form = PriceRow::Form::kDiscount;
    row.discount_percent = r.decimal_string("discount_percent", "a discount in percent");
    if (*row.discount_percent <= Decimal::from_int(0) || *row.discount_percent >= Decimal::from_int(100))
      r.fail("discount_percent", "expected a percentage above 0 and below 100, got " +
                                     row.discount_percent->to_string());
  } else if (r.has("multiplier")) {
    row.form = PriceRow::Form::kMultiplier;
    row.multiplier = r.decimal_string("multiplier", "a factor");
    if (*row.multiplier <= Decimal::from_int(0) || row.multiplier->scale() > 6)
      r.fail("multiplier", "expected a positive factor with at most 6 decimal places, got " +
                               row.multiplier->to_string());
  } else {
    row.form = PriceRow::Form::kEligibility;
    row.discount = r.string("discount");
  }
  if (row.form != PriceRow::Form::kEligibility)
    row.qualifier = r.one_of("qualifier", {"up to", "about", "approximately", "exactly"});
}

// The price of one unit, listed / per, exactly; a row whose `per` does not divide its price
// exactly within the Decimal's places is refused. "0.20" per "1000000" -> 0.0000002;
// per 1 keeps the listed text's places ("0.201600").
std::optional<Decimal> exact_unit_price(const Decimal& listed, const Decimal& per) {
  if (per == Decimal::from_int(1)) return listed;
  const int places = std::min(kMaxDecimalScale, listed.scale() + per.scale() + 12);
  try {
    const Decimal q = Decimal::divide(listed, per, places, RoundingMode::kDown);
    if (q * per == listed) return q.normalized();
  } catch (const Error&) {  // the quotient does not fit: not exact either
  }
  return std::nullopt;
}

Decimal price_per_unit(JsonReader& r, const Decimal& listed, const Decimal& per) {
  if (const auto unit = exact_unit_price(listed, per)) return *unit;
  r.fail("per", "the price of one unit (" + listed.to_string() + " / " + per.to_string() +
                    ") is not an exact decimal; use a power of ten for \"per\"");
}

// Every eligibility row must name a discount row of the same table (or "none").
void check_rule_rows(const PriceTable& table) {
  for (const auto& row : table.rows) {
    if (row.form != PriceRow::Form::kEligibility || row.discount == "none") continue;
    const bool found = std::any_of(table.rows.begin(), table.rows.end(), [&](const PriceRow& other) {
      return other.form == PriceRow::Form::kDiscount && other.key == row.discount;
    });
    if (!found)
      throw PricingDataError(table.file, row.pointer + "/discount",
                             "no discount row with key \"" + row.discount +
                                 "\" in this table; name a row that has \"discount_percent\", or \"none\"");
  }
}

}  // namespace

const PriceRow* PriceRow::as_of(const Date& date) const {
  if (!effective_from || !(date < *effective_from)) return this;
  for (auto it = history.rbegin(); it != history.rend(); ++it)
    if (!it->effective_from || !(date < *it->effective_from)) return &*it;
  return nullptr;
}

namespace {

Date parse_effective_from(JsonReader& r) {
  const std::string text = r.string("effective_from");
  const auto d = Date::parse(text);
  if (!d) r.fail("effective_from", "expected a date YYYY-MM-DD (the day this price took effect), got \"" + text + "\"");
  return *d;
}

const std::shared_ptr<const PriceSource>& find_source(JsonReader& r, const PriceTable& table) {
  const std::string source_id = r.string("source");
  for (const auto& s : table.sources)
    if (s->id == source_id) return s;
  r.fail("source", "no source with id \"" + source_id + "\" in this file's \"sources\"; add it there");
}

// "history": earlier prices of a price row, oldest first (docs/pricing-tables.md, "Price history").
void parse_history(JsonReader& r, PriceRow& row, const PriceTable& table) {
  if (!row.is_price()) r.fail("history", "a rule row has no price history; only price rows carry one");
  if (!row.effective_from)
    r.fail("history", "a row with a \"history\" needs \"effective_from\": the day its current price took effect");
  for (auto& h : r.objects("history", 1)) {
    PriceRow old = row;
    old.history.clear();
    old.pointer = h.pointer();
    old.effective_from.reset();
    if (h.has("effective_from")) old.effective_from = parse_effective_from(h);
    else if (!row.history.empty())
      h.fail("", "missing \"effective_from\"; only the oldest entry of a history may leave it out (date not known)");
    const Decimal price = h.decimal_string("price", "a price in USD");
    if (price.is_negative() || price.scale() > 12 || price > kMaxUnitPriceUsd)
      h.fail("price", "expected a non-negative price with at most 12 decimal places, got " + price.to_string());
    old.listed_price = price;
    old.price = UnitPrice(price_per_unit(h, price, row.per));
    old.source = find_source(h, table);
    old.note = h.optional_string("note").value_or("");
    h.reject_unknown_keys();
    if (!row.history.empty() && row.history.back().effective_from &&
        !(*row.history.back().effective_from < *old.effective_from))
      h.fail("effective_from", "history entries must be oldest first, each after the one before");
    if (old.effective_from && !(*old.effective_from < *row.effective_from))
      h.fail("effective_from", "expected a date before the row's effective_from " + row.effective_from->to_string() +
                                   ", got " + old.effective_from->to_string());
    row.history.push_back(std::move(old));
  }
}

}  // namespace

namespace {

// The table's fields and sources: everything but "rows".
PriceTable parse_table_header(JsonReader& table, const std::string& file) {
  const auto version = table.integer("schema_version");
  if (version != 1)
    table.fail("schema_version", "expected schema_version 1, got " + std::to_string(version) +
                                     "; this costproof reads version 1 tables only");
  PriceTable out;
  out.file = file;
  out.provider = table.one_of("provider", {"aws"});
  out.region = table.string("region");
  out.service = table.string("service");
  out.currency = table.one_of("currency", {"USD"});
  out.description = table.string("description");
  out.sources = parse_price_sources(table);
  return out;
}

}  // namespace

PriceTable parse_price_table(const nlohmann::json& json, const std::string& file) {
  JsonReader table(json, file, "", JsonOrigin::kPricingData);
  PriceTable out = parse_table_header(table, file);
  std::map<std::pair<std::string, std::string>, std::string> seen;  // (key, tier_start) -> pointer
  for (auto& r : table.objects("rows", 1)) {
    PriceRow row;
    row.provider = out.provider;
    row.region = out.region;
    row.service = out.service;
    row.currency = out.currency;
    row.file = file;
    row.pointer = r.pointer();
    row.key = r.string("key");
    if (r.has("discount_percent") || r.has("multiplier") || r.has("discount")) {
      parse_rule_row(r, row);  // a discount, multiplier or eligibility row: no unit, per or price
    } else {
      row.unit = r.string("unit");
      row.per = r.optional_decimal("per", "the number of units the price is for").value_or(Decimal::from_int(1));
      if (row.per <= Decimal::from_int(0)) r.fail("per", "expected a positive number of units");
      const Decimal price = r.decimal_string("price", "a price in USD");
      if (price.is_negative()) r.fail("price", "expected a non-negative price, got " + price.to_string());
      if (price.scale() > 12) r.fail("price", "expected at most 12 decimal places, got " + price.to_string());
      if (price > kMaxUnitPriceUsd)
        r.fail("price", "expected at most $" + format_number(kMaxUnitPriceUsd) + " per " +
                            (row.per == Decimal::from_int(1) ? std::string("unit") : row.per.to_string() + " units") +
                            ", got " + (price.to_string().size() > 40 ? price.to_string().substr(0, 37) + "..."
                                                                      : price.to_string()) +
                            "; the dearest AWS rates are a few hundred dollars an hour, so this is a typo or "
                            "a damaged file (and would overflow the exact money types once multiplied)");
      row.listed_price = price;
      row.price = UnitPrice(price_per_unit(r, price, row.per));
    }
    row.description = r.optional_string("description").value_or("");
    row.note = r.optional_string("note").value_or("");
    row.sku = r.optional_string("sku").value_or("");
    row.rate_code = r.optional_string("rate_code").value_or("");
    if (r.has("tier_start") || r.has("tier_end")) {
      row.tier_start = r.decimal_string("tier_start", "the first unit of the tier");
      const std::string end = r.string("tier_end");
      if (end != "Inf") row.tier_end = r.decimal_string("tier_end", "the last unit of the tier, or \"Inf\"");
      if (row.tier_end && *row.tier_end <= *row.tier_start)
        r.fail("tier_end", "expected tier_end above tier_start");
    }
    const std::string source_id = r.string("source");
    for (const auto& s : out.sources)
      if (s->id == source_id) row.source = s;
    if (!row.source)
      r.fail("source", "no source with id \"" + source_id + "\" in this file's \"sources\"; add it there");
    if (r.has("effective_from")) row.effective_from = parse_effective_from(r);
    if (r.has("history")) parse_history(r, row, out);
    r.reject_unknown_keys();
    const auto dup_key = std::make_pair(row.key, row.tier_start ? row.tier_start->to_string() : "");
    if (auto it = seen.find(dup_key); it != seen.end())
      r.fail("key", "duplicate key \"" + row.key + "\" (also at " + it->second +
                        "); each key may appear once per table (or once per tier)");
    seen.emplace(dup_key, row.pointer);
    out.rows.push_back(std::move(row));
  }
  table.reject_unknown_keys();
  check_tiers(out);
  check_rule_rows(out);
  return out;
}

namespace {

// The fast read of a table whose rows are all plain price rows: "key", "unit", "price" and
// "source", and optionally "per" (a string or an integer), "description", "note", "sku" and
// "rate_code", all ASCII strings without escapes (the EC2 table). The rows are read without a JSON tree (core/flat_json.h), the rest of the
// file in full; the same checks as parse_price_table, and the same table. nullopt for any other
// file and for any error: read_price_table then reads the file the full way, which raises the
// error with its usual message.
std::optional<PriceTable> read_plain_price_table(std::string_view text, const std::string& file) {
  const auto rows = read_flat_array(text, "rows");
  if (!rows || rows->size() == 0) return std::nullopt;
  enum Field { kKey, kUnit, kPrice, kSource, kDescription, kNote, kSku, kRateCode, kPer, kFields };
  static constexpr std::array<std::string_view, kFields> kNames = {
      "key", "unit", "price", "source", "description", "note", "sku", "rate_code", "per"};
  try {
    const auto json = parse_json_text(rows->without_array(text), file, JsonOrigin::kPricingData);
    JsonReader table(json, file, "", JsonOrigin::kPricingData);
    PriceTable out = parse_table_header(table, file);
    if (!table.objects("rows").empty()) return std::nullopt;  // the array left out is this file's "rows"
    table.reject_unknown_keys();
    std::unordered_set<std::string_view> keys;
    out.rows.reserve(rows->size());
    for (std::size_t i = 0; i < rows->size(); ++i) {
      std::array<std::optional<std::string_view>, kFields> field{};
      Decimal per = Decimal::from_int(1);
      for (const FlatMember& m : rows->object(i)) {
        const auto f = static_cast<std::size_t>(std::find(kNames.begin(), kNames.end(), m.key) - kNames.begin());
        if (f == kFields) return std::nullopt;
        if (f == kPer) {
          per = m.value.is_string ? Decimal::parse(m.value.text) : Decimal::from_int(m.value.integer);
          if (per <= Decimal::from_int(0)) return std::nullopt;
        } else if (!m.value.is_string) {
          return std::nullopt;
        } else {
          field[f] = m.value.text;
        }
      }
      if (!field[kKey] || !field[kUnit] || !field[kPrice] || !field[kSource]) return std::nullopt;
      for (const auto& v : field)
        if (v && (v->empty() || control_character_problem(*v))) return std::nullopt;
      const Decimal price = Decimal::parse(*field[kPrice]);
      if (price.is_negative() || price.scale() > 12 || price > kMaxUnitPriceUsd) return std::nullopt;
      const auto unit_price = exact_unit_price(price, per);
      if (!unit_price || !keys.insert(*field[kKey]).second) return std::nullopt;
      PriceRow& row = out.rows.emplace_back();
      for (const auto& s : out.sources)
        if (s->id == *field[kSource]) row.source = s;
      if (!row.source) return std::nullopt;
      row.provider = out.provider;
      row.region = out.region;
      row.service = out.service;
      row.currency = out.currency;
      row.file = file;
      row.pointer = "/rows/" + std::to_string(i);
      row.key = *field[kKey];
      row.unit = *field[kUnit];
      row.per = per;
      row.listed_price = price;
      row.price = UnitPrice(*unit_price);
      row.description = field[kDescription].value_or("");
      row.note = field[kNote].value_or("");
      row.sku = field[kSku].value_or("");
      row.rate_code = field[kRateCode].value_or("");
    }
    check_tiers(out);
    check_rule_rows(out);
    return out;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace

PriceTable read_price_table(std::string_view text, const std::string& file) {
  if (auto table = read_plain_price_table(text, file)) return std::move(*table);
  return parse_price_table(parse_json_text(text, file, JsonOrigin::kPricingData), file);
}

}  // namespace costproof
