// Merging imported offer rows into one price table, and the change report.
//
// For one table (provider/region/service) and the rows an import produced
// for it, builds the new table file text and the list of changes against the
// current table:
//   changed      same key (and tier), different price or unit
//   appeared     a key the table did not have
//   disappeared  an open-family key (EC2 instance type, RDS class, Savings
//                Plans rate) the offer no longer lists: removed
//   missing      a fixed key (nat-gateway-hour) the offer does not have: kept
//                as it was, with its old source
//   history      an older offer (published before the row's current source)
//                with another price: added to the row's `history` at the
//                offer's date, the current price kept
// Prices with dates (docs/pricing-import.md, "Older offers and price history"):
// the offer's date is its publicationDate. A newer offer with another price
// moves the current price into `history` and becomes current from that date; the
// same price cites the newer offer; an older offer with the price in effect on
// its date changes nothing (`confirmed`). Either import order gives one table.
// Rows the import does not own (offer_key_scope) are kept byte for byte.
// Unchanged prices are rewritten with the new provenance (SKU, rate code,
// the offer-file source), so every owned row ends up sourced from the offer.
//
// Example:
//   TableMerge m = merge_offer_rows(&current_json, "aws/us-east-1/ec2.json", OfferKind::kEc2,
//                                   "us-east-1", "ec2", rows, source);
//   m.changes[0]  -> {kChanged, "m7i.xlarge", "$0.2016 per hour", "$0.2100 per hour", ...}
//   m.text        -> the new aws/us-east-1/ec2.json
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "offers/offer_extract.h"
#include "pricing/price_table.h"

namespace costproof {

struct RowChange {
  enum class Kind { kChanged, kAppeared, kDisappeared, kMissing, kHistory };
  Kind kind = Kind::kChanged;
  std::string key;
  std::string tier;                 // "" or "0 to 6,000,000,000"
  Decimal tier_start;               // for ordering tiers
  std::string old_price, new_price; // "$0.2016 per hour"; empty when absent (kHistory: current, older)
  std::string sku, rate_code;       // of the new row (or the old row for disappeared/missing)
};

struct TableMerge {
  std::string region, service;
  bool created = false;             // no table existed
  std::vector<RowChange> changes;   // sorted by key, tier
  std::size_t unchanged = 0;        // same price, now citing the offer file
  std::size_t confirmed = 0;        // an older offer with the price in effect on its date: kept as it was
  std::vector<std::string> gained_history;  // "key" or "key (tier)" of rows whose history grew, sorted
  std::size_t untouched = 0;        // rows this import does not own, kept as they were
  std::size_t rows = 0;             // rows in the new table
  std::string text;                 // the new table file
};

// The source entry an import adds to every table it writes.
std::shared_ptr<PriceSource> make_offer_source(const OfferImport& offer, const std::string& region,
                                               const std::string& location);

// `existing` is the current table (nullptr when there is none); `rows` are the
// imported rows for this region/service. The result's text always loads with
// parse_price_table. Throws PricingDataError if the merged table is invalid.
TableMerge merge_offer_rows(const nlohmann::ordered_json* existing, const std::string& file_label, OfferKind kind,
                            const std::string& region, const std::string& service,
                            const std::vector<const OfferRow*>& rows, const PriceSource& source);

// "changed", "appeared", "disappeared", "missing (kept)", "older price (history)".
std::string change_kind_name(RowChange::Kind kind);

}  // namespace costproof
