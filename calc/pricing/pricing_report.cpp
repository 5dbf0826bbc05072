#include "pricing/pricing_report.h"

#include <algorithm>
#include <set>
#include <sstream>
#include <tuple>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/format.h"

namespace costproof {
namespace {

bool matches(const PriceCatalog& catalog, const PriceRow& row, const PricingQuery& q) {
  if (q.exact_key && row.key != *q.exact_key) return false;
  if (q.region && row.region != *q.region) return false;
  if (q.service && row.service != *q.service) return false;
  if (q.prefix && row.key.rfind(*q.prefix, 0) != 0) return false;
  if (q.trust && (!row.source || row.source->trust != *q.trust)) return false;
  if (q.arch) {
    const InstanceShape* shape = row.service == "ec2" ? catalog.shapes().find(row.key) : nullptr;
    if (!shape || shape->arch != *q.arch) return false;
  }
  return true;
}

std::string tier_text(const PriceRow& row) {
  if (!row.tier_start) return "";
  if (!row.tier_end) return "over " + format_number(*row.tier_start) + " " + row.unit + " per month";
  return format_number(*row.tier_start) + " to " + format_number(*row.tier_end) + " " + row.unit + " per month";
}

[[noreturn]] void key_not_found(const PriceCatalog& catalog, const PricingQuery& q) {
  const std::string& key = *q.exact_key;
  std::set<std::string> regions;
  for (const auto& t : catalog.tables())
    for (const auto& row : t.rows)
      if (row.key == key) regions.insert(row.region);
  std::string message = "no price for " + key + (q.region ? " in " + *q.region : std::string(" in any region"));
  if (!regions.empty()) {
    std::string list;
    for (const auto& r : regions) list += (list.empty() ? "" : ", ") + r;
    throw PriceNotFound(message + "; known regions for " + key + ": " + list);
  }
  std::set<std::string> similar;
  for (const auto& t : catalog.tables())
    for (const auto& row : t.rows)
      if (row.key.size() > 2 && key.size() > 2 && row.key.substr(0, key.find('.')) == key.substr(0, key.find('.')))
        similar.insert(row.key);
  std::string list;
  int n = 0;
  for (const auto& s : similar) {
    if (++n > 8) break;
    list += (list.empty() ? "" : ", ") + s;
  }
  throw PriceNotFound(message + (list.empty() ? "" : "; keys of the same family: " + list) +
                      ". See costproof pricing list for every key");
}

}  // namespace

std::string render_pricing_query(const PriceCatalog& catalog, const PricingQuery& q) {
  std::vector<const PriceRow*> rows;
  for (const auto& t : catalog.tables())
    for (const auto& row : t.rows)
      if (matches(catalog, row, q))
        if (const PriceRow* dated = catalog.as_of() ? row.as_of(*catalog.as_of()) : &row) rows.push_back(dated);
  if (rows.empty() && q.exact_key) key_not_found(catalog, q);
  std::sort(rows.begin(), rows.end(), [](const PriceRow* a, const PriceRow* b) {
    return std::tie(a->region, a->service, a->key) < std::tie(b->region, b->service, b->key) ||
           (std::tie(a->region, a->service, a->key) == std::tie(b->region, b->service, b->key) && a->tier_start &&
            b->tier_start && *a->tier_start < *b->tier_start);
  });

  if (q.format == OutputFormat::kJson) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const PriceRow* row : rows) {
      nlohmann::ordered_json j = {{"provider", row->provider}, {"region", row->region},
                                  {"service", row->service},   {"key", row->key}};
      // A rule row has no unit, per or price: it shows its own figure instead (never a "0" price).
      switch (row->form) {
        case PriceRow::Form::kPrice:
          j["unit"] = row->unit;
          j["per"] = row->per.to_string();
          j["price"] = row->listed_price.to_string();
          j["currency"] = row->currency;
          break;
        case PriceRow::Form::kDiscount: j["discount_percent"] = row->discount_percent->to_string(); break;
        case PriceRow::Form::kMultiplier: j["multiplier"] = row->multiplier->to_string(); break;
        case PriceRow::Form::kEligibility: j["discount"] = row->discount; break;
      }
      if (!row->is_price()) {
        if (!row->qualifier.empty()) j["qualifier"] = row->qualifier;
        j["rule"] = row->price_text();
      }
      if (row->tier_start) {
        j["tier_start"] = row->tier_start->to_string();
        j["tier_end"] = row->tier_end ? row->tier_end->to_string() : "Inf";
      }
      if (row->effective_from) j["effective_from"] = row->effective_from->to_string();
      if (!row->history.empty()) {
        nlohmann::ordered_json history = nlohmann::ordered_json::array();
        for (const auto& h : row->history)
          history.push_back({{"effective_from", h.effective_from ? nlohmann::ordered_json(h.effective_from->to_string())
                                                                 : nlohmann::ordered_json(nullptr)},
                             {"price", h.listed_price.to_string()},
                             {"source", {{"title", h.source->title}, {"citation", h.source->citation()},
                                         {"as_of", h.source->as_of.to_string()},
                                         {"trust", std::string(1, h.source->trust)}}}});
        j["history"] = history;
      }
      if (!row->description.empty()) j["description"] = row->description;
      if (!row->note.empty()) j["note"] = row->note;
      if (row->service == "ec2")
        if (const InstanceShape* s = catalog.shapes().find(row->key))
          j["shape"] = {{"vcpu", s->vcpu}, {"memory_mib", s->memory_mib}, {"arch", s->arch},
                        {"family", s->family}, {"generation", s->generation}};
      j["source"] = {{"title", row->source->title}, {"citation", row->source->citation()},
                     {"as_of", row->source->as_of.to_string()}, {"trust", std::string(1, row->source->trust)},
                     {"trust_note", row->source->trust_note}};
      if (!row->source->no_machine_data.empty()) j["source"]["no_machine_data"] = row->source->no_machine_data;
      if (!row->sku.empty()) j["sku"] = row->sku;
      if (!row->rate_code.empty()) j["rate_code"] = row->rate_code;
      j["file"] = row->file;
      out.push_back(j);
    }
    return out.dump(2) + "\n";
  }

  std::ostringstream md;
  md << "| Region | Service | Key | Price | Tier | Shape | As of | Trust | Source |\n";
  md << "|---|---|---|---|---|---|---|---|---|\n";
  for (const PriceRow* row : rows) {
    const InstanceShape* s = row->service == "ec2" ? catalog.shapes().find(row->key) : nullptr;
    md << "| " << row->region << " | " << row->service << " | " << row->key << " | " << row->price_text() << " | "
       << tier_text(*row) << " | " << (s ? s->shape_text() + ", " + s->arch : "") << " | "
       << row->source->as_of.to_string() << " | " << row->source->trust << " | " << row->source->citation()
       << " |\n";
  }
  md << "\n" << rows.size() << (rows.size() == 1 ? " row" : " rows") << ".";
  if (q.exact_key && rows.size() == 1 && !rows[0]->note.empty()) md << " Note: " << rows[0]->note;
  md << "\n";
  // Prices with dates (docs/pricing-tables.md, "Price history"): since when, and what came before.
  for (const PriceRow* row : rows) {
    if (!row->effective_from && row->history.empty()) continue;
    md << "\n" << row->key << " (" << row->service << ", " << row->region << "): " << row->price_text();
    if (row->effective_from) md << " from " << row->effective_from->to_string();
    for (auto h = row->history.rbegin(); h != row->history.rend(); ++h)
      md << "; before that " << h->price_text()
         << (h->effective_from ? " from " + h->effective_from->to_string() : std::string(" (start date not recorded)"))
         << " (" << h->source->citation() << ", as of " << h->source->as_of.to_string() << ", trust "
         << h->source->trust << ")";
    md << "\n";
  }
  return md.str();
}

}  // namespace costproof
