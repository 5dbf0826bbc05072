// One price table: the prices of one provider / region / service, as read
// from one file under pricing-data/ (format: docs/pricing-tables.md).
//
// Example row, after loading:
//   key "m7i.xlarge", unit "hour", per 1, listed price 0.2016, price $0.2016 per hour, currency USD,
//   source "aws/karpenter-provider-aws pkg/.../zz_generated.pricing_aws.go @6fc13b5",
//   as of 2026-07-20, trust A.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/decimal.h"
#include "core/money.h"

namespace costproof {

// Where a price came from. Either a URL or a repository file at a commit.
struct PriceSource {
  std::string id;
  std::string title;
  std::string url;                 // empty when repo/path/commit are set
  std::string repo, path, commit;  // empty when url is set
  Date as_of;
  // 'A' AWS machine-published price data (offer file, GetProducts, pricing-page feed) with a version or
  // publication date and a SKU / rate code per row; 'B' AWS-written text; 'C' third-party. `pricing verify`
  // enforces the rules (docs/pricing-tables.md, "Trust grades").
  char trust = 'C';
  std::string trust_note;
  // Set for sources written by `costproof pricing import` (docs/pricing-import.md); empty otherwise.
  std::string offer_code;        // "AmazonEC2"
  std::string offer_version;     // "20260925174521"
  std::string publication_date;  // "2026-09-25T17:45:21Z", exactly as the offer file prints it
  // "kind": "fact" in the table: the source states a lasting fact (a launch date, "free to use"),
  // and as_of is the date of that statement, not of a price list. Facts are not judged for price
  // staleness (staleness_warnings) and do not count in "prices as of" (docs/pricing-tables.md).
  bool fact = false;
  // B and C sources: why no AWS machine-published price data backs the figures ("discount ceilings
  // are published only in text"). Required by `pricing verify` for a B or C source a price row cites.
  std::string no_machine_data;

  // One line for footnotes: the URL, or "repo path @commit".
  std::string citation() const;
  // "A: AWS price data or AWS-written page", "B: AWS-written text", "C: third-party only".
  std::string trust_label() const;
};

// Highest price a row may state, in USD for its `per` units. The dearest AWS
// rates are a few hundred dollars an hour; a bound keeps a typo (or 1e32 from a
// damaged file) out of the tables and far from the money types' limits.
inline const Decimal kMaxUnitPriceUsd = Decimal::from_int(1'000'000);

struct PriceRow {
  std::string provider, region, service;
  std::string key;
  std::string unit;          // "hour", "GB", "GB-second", ...
  Decimal per;               // the listed price is for `per` units (1, or 1000000 for "per 1M requests")
  Decimal listed_price;      // USD for `per` units, exactly as the source prints it: "0.20" (per 1M requests)
  UnitPrice price;           // USD per ONE unit: listed_price / per, exact (checked at load): $0.0000002
  std::string currency;      // "USD"
  std::optional<Decimal> tier_start;  // tiered rows: usage range in units per month
  std::optional<Decimal> tier_end;    // nullopt with tier_start set means "Inf"
  std::string description, note;
  // Provenance of an imported row (empty for hand-curated rows): the offer file's
  // product SKU and the rate code of the price dimension ("SKU.TERM.DIMENSION").
  std::string sku, rate_code;
  std::shared_ptr<const PriceSource> source;
  std::string file;          // the table file, for messages
  std::string pointer;       // JSON pointer of this row in `file`

  // Rule rows (docs/pricing-tables.md, "Rule rows"): sourced figures that are not prices.
  // A rule row has no unit, per or price (`listed_price` and `price` stay zero and must not be used).
  enum class Form { kPrice, kDiscount, kMultiplier, kEligibility };
  Form form = Form::kPrice;
  std::optional<Decimal> discount_percent;  // kDiscount: percent off the On-Demand rate, "35"
  std::optional<Decimal> multiplier;         // kMultiplier: factor on another row's price, "2"
  std::string discount;                      // kEligibility: key of a kDiscount row in this table, or "none"
  std::string qualifier;                     // kDiscount / kMultiplier: "up to", "about", "approximately", "exactly"
  bool is_price() const { return form == Form::kPrice; }

  // "$0.045 per hour", "$0.20 per 1,000,000 request"; for rule rows "up to 35% off the On-Demand rate",
  // "approximately 2 times", "covered by discount \"serverless\"", "not covered by any discount".
  std::string price_text() const;

  // Prices with dates (docs/pricing-tables.md, "Price history"): the day this price took effect
  // (nullopt: not known, so it applies on every date), and the row's earlier prices, oldest
  // first, each a whole row with its own price, source, note and effective_from (only the
  // oldest may lack one). Example: DynamoDB on-demand WRU $0.625 per million from 2024-11-01,
  // history [$1.25 per million].
  std::optional<Date> effective_from;
  std::vector<PriceRow> history;
  // The row as priced on `date`: this row, or the history entry in effect then; nullptr when
  // `date` is before the earliest effective_from.
  const PriceRow* as_of(const Date& date) const;
};

struct PriceTable {
  std::string file;
  std::string provider, region, service, currency, description;
  std::vector<std::shared_ptr<const PriceSource>> sources;
  std::vector<PriceRow> rows;
};

// Builds a table from parsed JSON; `file` is the path used in messages.
// Checks every rule in docs/pricing-tables.md that one file can check
// (fields, decimal strings, sources, duplicate keys, tier coverage).
// Throws PricingDataError.
PriceTable parse_price_table(const nlohmann::json& json, const std::string& file);
// Reads a table file's text: parse_json_text and parse_price_table, with the same checks, errors and
// result, but a table of plain price rows (the EC2 table) is read without a JSON tree of its rows.
PriceTable read_price_table(std::string_view text, const std::string& file);

class JsonReader;
// Reads one source object (fields in docs/pricing-tables.md; "id" optional here).
std::shared_ptr<PriceSource> parse_price_source(JsonReader& reader);
// Reads the "sources" array shared by price tables and the shapes file (ids required, unique).
std::vector<std::shared_ptr<const PriceSource>> parse_price_sources(JsonReader& reader);

}  // namespace costproof
