#include "pricing/price_catalog.h"

#include <algorithm>
#include <set>
#include <string_view>

#include "core/error.h"

namespace costproof {
namespace {

// Levenshtein distance, for "did you mean" suggestions.
std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0u : 1u)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

}  // namespace

void PriceCatalog::add_table(PriceTable t) {
  for (std::size_t i = 0; i < tables_.size(); ++i) load(i);
  for (const auto& existing : tables_)
    if (existing.provider == t.provider && existing.region == t.region && existing.service == t.service)
      throw PricingDataError(t.file, "/service",
                             "a second table for " + t.provider + "/" + t.region + "/" + t.service +
                                 " (the first is " + existing.file +
                                 "); keep one file per provider/region/service");
  tables_.push_back(std::move(t));
  files_.emplace_back();
}

void PriceCatalog::add_table_file(const PricingFile& file, std::string region, std::string service) {
  PriceTable slot;
  slot.file = file.label;
  slot.region = std::move(region);
  slot.service = std::move(service);
  tables_.push_back(std::move(slot));
  files_.emplace_back(file);
}

void PriceCatalog::set_shapes_file(const PricingFile& file) { shapes_file_ = file; }

namespace {

// Parses one table file and checks that its region and service match its path
// ("aws/<folder>/<service>.json").
PriceTable parse_table_file(const PricingFile& file) {
  PriceTable table = read_price_table(file.text, file.label);
  const std::string_view path = file.path;
  const auto slash = path.rfind('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  std::string_view folder = slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
  if (const auto up = folder.rfind('/'); up != std::string_view::npos) folder = folder.substr(up + 1);
  if (table.region != folder)
    throw PricingDataError(file.label, "/region",
                           "the table says region \"" + table.region + "\" but lives in folder \"" + std::string(folder) +
                               "\"; move the file or fix the field");
  if (table.service + ".json" != name)
    throw PricingDataError(file.label, "/service",
                           "the table says service \"" + table.service + "\" but the file is named \"" + std::string(name) +
                               "\"; name it " + table.service + ".json");
  return table;
}

}  // namespace

void PriceCatalog::load(std::size_t i) const {
  if (i >= files_.size() || !files_[i]) return;
  PriceTable table = parse_table_file(*files_[i]);
  files_[i].reset();
  tables_[i] = std::move(table);
}

const std::vector<PriceTable>& PriceCatalog::tables() const {
  for (std::size_t i = 0; i < tables_.size(); ++i) load(i);
  return tables_;
}

const InstanceShapes& PriceCatalog::shapes() const {
  if (shapes_file_) {
    const PricingFile file = std::move(*shapes_file_);
    shapes_file_.reset();
    shapes_ = read_instance_shapes(file.text, file.label);
  }
  return shapes_;
}

const PriceTable* PriceCatalog::table(const std::string& service, const std::string& region) const {
  for (std::size_t i = 0; i < tables_.size(); ++i)
    if (tables_[i].service == service && tables_[i].region == region) {
      load(i);
      return &tables_[i];
    }
  return nullptr;
}

const PriceRow* PriceCatalog::try_find(const std::string& service, const std::string& region,
                                       const std::string& key) const {
  for (const std::string& r : {region, std::string("global")}) {
    if (const PriceTable* t = table(service, r))
      for (const auto& row : t->rows)
        if (row.key == key && !row.tier_start) return as_of_ ? row.as_of(*as_of_) : &row;
  }
  return nullptr;
}

const PriceRow* PriceCatalog::latest_row(const std::string& service, const std::string& region,
                                         const std::string& key) const {
  for (const std::string& r : {region, std::string("global")})
    if (const PriceTable* t = table(service, r))
      for (const auto& row : t->rows)
        if (row.key == key && !row.tier_start) return &row;
  return nullptr;
}

const PriceRow& PriceCatalog::find_on(const std::string& service, const std::string& region,
                                      const std::string& key, const Date& date) const {
  const PriceRow* latest = latest_row(service, region, key);
  if (!latest) {
    PriceCatalog undated = *this;  // the usual message (tiered row, other regions, similar keys)
    undated.as_of_.reset();
    undated.find(service, region, key);
    not_found(service, region, key);
  }
  if (const PriceRow* row = latest->as_of(date)) return *row;
  const PriceRow& oldest = latest->history.empty() ? *latest : latest->history.front();
  throw PriceNotFound("no price for " + key + " (" + service + ") in " + region + " on " + date.to_string() +
                      ": the earliest known price took effect on " +
                      (oldest.effective_from ? oldest.effective_from->to_string() : std::string("?")) +
                      "; pick a later date, or add an older price to the row's \"history\" with its source");
}

const PriceRow& PriceCatalog::find(const std::string& service, const std::string& region,
                                   const std::string& key) const {
  if (const PriceRow* row = try_find(service, region, key)) return *row;
  // Priced, but not yet on the catalog's as-of date: say since when.
  if (as_of_ && latest_row(service, region, key)) return find_on(service, region, key, *as_of_);
  // A tiered key is priced, but not at one flat rate: say so, and how to choose.
  for (const std::string& r : {region, std::string("global")}) {
    const PriceTable* t = table(service, r);
    if (!t) continue;
    std::vector<std::string> ranges;
    for (const auto& row : t->rows)
      if (row.key == key && row.tier_start)
        ranges.push_back("tier " + std::to_string(ranges.size() + 1) + " from " + row.tier_start->to_string() +
                         (row.tier_end ? " to " + row.tier_end->to_string() + " " + row.unit : " " + row.unit + " up") + " at " +
                         row.price_text());
    if (ranges.empty()) continue;
    throw PriceNotFound(key + " (" + service + ") in " + r + " is a tiered price (" + std::to_string(ranges.size()) +
                        " tiers: " + join(ranges) +
                        "), not one flat rate; choose a tier (\"tier\": 1 for the first) or apply the tiered "
                        "schedule to a monthly quantity (\"tier\": \"schedule\")");
  }
  not_found(service, region, key);
}

std::vector<const PriceRow*> PriceCatalog::tiers(const std::string& service, const std::string& region,
                                                 const std::string& key) const {
  std::vector<const PriceRow*> out;
  for (const std::string& r : {region, std::string("global")}) {
    if (const PriceTable* t = table(service, r))
      for (const auto& row : t->rows)
        if (row.key == key && row.tier_start)
          if (const PriceRow* dated = as_of_ ? row.as_of(*as_of_) : &row) out.push_back(dated);
    if (!out.empty()) break;
  }
  if (out.empty()) not_found(service, region, key);
  std::sort(out.begin(), out.end(),
            [](const PriceRow* a, const PriceRow* b) { return *a->tier_start < *b->tier_start; });
  return out;
}

std::vector<std::string> PriceCatalog::regions_with(const std::string& service,
                                                    const std::string& key) const {
  std::set<std::string> regions;
  for (std::size_t i = 0; i < tables_.size(); ++i)
    if (tables_[i].service == service) {
      load(i);
      for (const auto& row : tables_[i].rows)
        if (row.key == key) regions.insert(tables_[i].region);
    }
  return {regions.begin(), regions.end()};
}

void PriceCatalog::not_found(const std::string& service, const std::string& region,
                             const std::string& key) const {
  std::string message = "no price for " + key + " (" + service + ") in " + region;
  const auto regions = regions_with(service, key);
  if (!regions.empty()) {
    throw PriceNotFound(message + "; known regions for " + key + ": " + join(regions) +
                        ". Pick one of those regions, or add a sourced row to pricing-data/");
  }
  const PriceTable* t = table(service, region);
  if (!t) {
    std::set<std::string> with_service;
    for (const auto& tab : tables_)
      if (tab.service == service) with_service.insert(tab.region);
    throw PriceNotFound(message + "; the tables have no " + service + " prices for " + region +
                        (with_service.empty()
                             ? std::string("")
                             : "; regions with " + service + " prices: " +
                                   join({with_service.begin(), with_service.end()})) +
                        ". Add a sourced table pricing-data/aws/" + region + "/" + service +
                        ".json, or choose a covered region");
  }
  // Same region, similar keys: a typo, or a size that does not exist.
  std::vector<std::pair<std::size_t, std::string>> near;
  for (const auto& row : t->rows) {
    const std::size_t d = edit_distance(row.key, key);
    if (d <= 2) near.emplace_back(d, row.key);
  }
  std::sort(near.begin(), near.end());
  std::vector<std::string> names;
  for (std::size_t i = 0; i < near.size() && i < 5; ++i) names.push_back(near[i].second);
  throw PriceNotFound(message + (names.empty() ? "; no similar key in " + t->file
                                               : "; similar keys in " + t->file + ": " + join(names)) +
                      ". Check the spelling (costproof pricing list --region " + region +
                      " --service " + service + " shows every key)");
}

PriceCatalog build_price_catalog(const std::vector<PricingFile>& files) {
  static constexpr std::string_view kShapes = "aws/ec2-instance-shapes.json";
  PriceCatalog catalog;
  bool have_shapes = false;
  for (const auto& file : files) {
    if (file.path == kShapes) {
      catalog.set_shapes_file(file);
      have_shapes = true;
      continue;
    }
    // "aws/<folder>/<service>.json": parsed when a lookup first needs it. A path of another form
    // is parsed now, so that its folder check fails as it always did.
    const std::string_view path = file.path;
    const auto slash = path.rfind('/');
    const auto up = slash == std::string_view::npos ? std::string_view::npos : path.rfind('/', slash - 1);
    const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    constexpr std::string_view kJson = ".json";
    if (up == std::string_view::npos || slash == up + 1 || name.size() <= kJson.size() ||
        name.substr(name.size() - kJson.size()) != kJson) {
      catalog.add_table(parse_table_file(file));
      continue;
    }
    catalog.add_table_file(file, std::string(path.substr(up + 1, slash - up - 1)),
                           std::string(name.substr(0, name.size() - kJson.size())));
  }
  if (!have_shapes)
    throw PricingDataError(std::string(kShapes), "",
                           "missing: the instance shapes file is needed to find equivalent instances; restore it "
                           "from the repository");
  return catalog;
}

}  // namespace costproof
