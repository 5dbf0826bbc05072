// Extraction of price rows from AWS Price List offer files (JSON or CSV).
//
// One streaming pass: while reading `products`, keep only the products that
// pass the filters (a map SKU -> table key, a few thousand entries for EC2);
// then read `terms.OnDemand` for those SKUs only, and stop before
// `terms.Reserved` (the bulk of an EC2 file) unless `full_scan` is set.
// Memory stays at one 1 MiB chunk plus the kept products, whatever the size
// of the file. A file with `terms` before `products` (JSON keys have no order)
// is read in two parts: `terms` skipped, `products` read, then the source is
// sought back to `terms` (a source that cannot seek gets an error saying to
// save the file first). Filters and keys per offer: docs/pricing-import.md.
//
// Example:
//   StringByteSource source(text);
//   OfferImport got = extract_offer(source, "AmazonEC2-us-east-1.json", {});
//   got.offer_code == "AmazonEC2"; got.rows[0].key == "m7i.xlarge";
//   got.rows[0].price_text == "0.2016000000"; got.rows[0].sku == "..."; got.stopped_early
//
// Errors (InputError, naming the file and a JSON pointer or line): invalid or
// truncated JSON/CSV, two SKUs for one table key ("ambiguous", naming both),
// a price that is not a decimal, an unexpected unit, tiers that do not cover
// 0..Inf, terms before products from a source that cannot seek, an offer code
// costproof does not import.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/decimal.h"
#include "offers/offer_input.h"

namespace costproof {

enum class OfferKind {
  kEc2, kVpc, kRds, kLambda, kDynamoDb, kSavingsPlans,
  // AWS's pricing-page data feed (offer_feed.h), one kind per feed file costproof maps.
  kFeedNatGateway, kFeedVpc, kFeedDynamoDb, kFeedLambda, kFeedStates, kFeedAuroraStorage, kFeedRdsStorage,
  kFeedAuroraOnDemand,
};

// One price as it will enter a table (before the table's `per` is applied).
struct OfferRow {
  std::string region, service, key;
  std::string unit;                   // table unit: "hour", "GB", "GB-month", "GB-second", "request", ...
  Decimal price;                      // USD per one unit, exactly as the offer prints it
  std::string price_text;             // "0.2016000000"
  std::optional<Decimal> tier_start;  // set for tiered prices (tier_end nullopt = "Inf")
  std::optional<Decimal> tier_end;
  std::string description;            // a label for new rows ("" for EC2 instance rows)
  std::string sku, rate_code;         // provenance
  std::string where;                  // JSON pointer or "line N" in the offer file
};

struct OfferImport {
  std::string file;
  std::string format;  // "json" or "csv"
  OfferKind kind = OfferKind::kEc2;
  std::string offer_code, version, publication_date;
  std::uint64_t bytes_read = 0;    // taken from the source
  std::uint64_t bytes_parsed = 0;  // where parsing ended
  bool stopped_early = false;      // the rest of the file was not needed
  std::string stopped_before;      // "terms.Reserved"
  std::uint64_t products = 0;      // products (or CSV price rows) read
  std::uint64_t products_kept = 0; // products that passed the filters
  std::vector<OfferRow> rows;      // sorted by region, service, key, tier_start
  std::vector<std::string> notes;  // e.g. a kept product without an OnDemand price
  // What was read (offer_feed.h): "offer file", "GetProducts" or "pricing-page feed".
  std::string document_kind = "offer file";
  std::string feed_name;     // pricing-page feed: "natgateway"
  std::string feed_url;      // pricing-page feed: where AWS serves it
  std::string mapping_note;  // pricing-page feed: what costproof's mapping adds (units, tier boundaries)
};

struct ExtractOptions {
  std::string region;       // only this region ("" = every region in the file)
  bool full_scan = false;   // read and validate the whole file instead of stopping early
  std::size_t chunk_bytes = std::size_t{1} << 20;  // read size; 1 MiB: as fast as 4 MiB, 2 MB less memory
};

// Reads one offer file. Throws InputError for a malformed file (see above).
OfferImport extract_offer(ByteSource& source, const std::string& file, const ExtractOptions& options);

// How an import of `kind` treats key `key` of table `service`:
enum class KeyScope {
  kNotOwned,  // the import never writes this key: the row stays as it is
  kOpen,      // an open family (EC2 instance types, RDS classes, Savings Plans rates):
              // a key the offer no longer lists has disappeared and is removed
  kClosed,    // a fixed key (nat-gateway-hour): replaced when the offer has it, kept (with a note) when not
};
KeyScope offer_key_scope(OfferKind kind, const std::string& service, const std::string& key);

// "AmazonEC2", ... for messages; the offer codes costproof imports.
std::string offer_kind_name(OfferKind kind);
const std::vector<std::string>& supported_offer_codes();

// "hour" for "Hrs", "GB-month" for "GB-Mo", ...; "" when unknown.
std::string normalize_offer_unit(std::string_view unit);
// True when `usage` is usage type `base` in `region`: "NatGateway-Hours",
// "USE2-NatGateway-Hours" (us-east-2), "EU-NatGateway-Hours" (eu-west-1).
bool usage_type_is(std::string_view usage, std::string_view region, std::string_view base);
// The region code for an offer `location` name in old files without regionCode
// ("US East (N. Virginia)" -> "us-east-1"); "" when unknown.
std::string region_for_location(std::string_view location);

}  // namespace costproof
