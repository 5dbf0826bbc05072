// All loaded price tables and instance shapes, with the lookups the
// calculators use. A lookup that misses throws PriceNotFound naming the key,
// the region, and what the tables do have nearby; it never returns zero.
//
// Example:
//   catalog.find("ec2", "us-east-1", "m7i.xlarge").price  -> $0.2016 per hour
//   catalog.find("ec2", "eu-west-1", "m9g.xlarge")        -> throws
//     "no price for m9g.xlarge (ec2) in eu-west-1; known regions for m9g.xlarge: us-east-1"
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "pricing/instance_shapes.h"
#include "pricing/price_table.h"

namespace costproof {

// One file of a pricing-data folder, already read: `path` is relative to the
// folder ("aws/us-east-1/ec2.json"), `label` is what messages call it
// ("pricing-data/aws/us-east-1/ec2.json").
struct PricingFile {
  std::string path;
  std::string label;
  std::string text;
};

// Tables handed in as files (build_price_catalog) are parsed on first use: a lookup parses only
// the table of its service and region (and "global"), shapes() the shapes file, tables() every
// file. A file's checks and errors are the same as when it was parsed up front; they are raised
// by the call that first needs the file. Not safe for concurrent use (the CLI and the page's
// engine are single-threaded).
class PriceCatalog {
 public:
  // Throws PricingDataError if a table for the same provider/region/service was already added.
  void add_table(PriceTable table);
  void set_shapes(InstanceShapes shapes) {
    shapes_ = std::move(shapes);
    shapes_file_.reset();
  }
  // A table file parsed on first use; `region` and `service` come from its path
  // ("aws/<region>/<service>.json") and are checked against its contents when it is parsed.
  void add_table_file(const PricingFile& file, std::string region, std::string service);
  // The shapes file, parsed on first use of shapes().
  void set_shapes_file(const PricingFile& file);
  // The date every lookup prices on (rows with a history give the price in effect then;
  // docs/pricing-tables.md, "Price history"). Unset: each row's latest price. The CLI sets
  // it from --as-of (or today).
  void set_as_of(std::optional<Date> date) { as_of_ = date; }
  const std::optional<Date>& as_of() const { return as_of_; }
  // find() on an explicit date instead of the catalog's (a claim operand with "as_of").
  const PriceRow& find_on(const std::string& service, const std::string& region, const std::string& key,
                          const Date& date) const;

  // The row for `key` in `region`, falling back to region "global". Untiered rows only.
  const PriceRow& find(const std::string& service, const std::string& region,
                       const std::string& key) const;
  // nullptr instead of throwing.
  const PriceRow* try_find(const std::string& service, const std::string& region,
                           const std::string& key) const;
  // The tier rows of `key`, ascending by tier_start. Throws PriceNotFound if none.
  std::vector<const PriceRow*> tiers(const std::string& service, const std::string& region,
                                     const std::string& key) const;

  // Every table (parses any not yet parsed).
  const std::vector<PriceTable>& tables() const;
  const InstanceShapes& shapes() const;
  // Regions (sorted) whose `service` table has `key`.
  std::vector<std::string> regions_with(const std::string& service, const std::string& key) const;

 private:
  const PriceTable* table(const std::string& service, const std::string& region) const;
  [[noreturn]] void not_found(const std::string& service, const std::string& region,
                              const std::string& key) const;

  // Parses table i if it is still a file (its slot already holds region, service and file label).
  void load(std::size_t i) const;

  // A parsed table, or a placeholder slot (region, service, file set) whose text is in files_[i].
  // Slots are created up front, so references to rows stay valid as tables are parsed.
  mutable std::vector<PriceTable> tables_;
  mutable std::vector<std::optional<PricingFile>> files_;  // parallel to tables_; nullopt once parsed
  mutable InstanceShapes shapes_;
  mutable std::optional<PricingFile> shapes_file_;  // the shapes file until parsed
  const PriceRow* latest_row(const std::string& service, const std::string& region, const std::string& key) const;
  std::optional<Date> as_of_;
};


// Builds the catalog from every table file under aws/ and the shapes file
// aws/ec2-instance-shapes.json, in the order given (callers sort by path).
// Checks that each table's region and service match its folder and file name.
// The CLI reads the files from disk (cli/files.h); the companion page hands
// in copies embedded in the page. Throws PricingDataError.
PriceCatalog build_price_catalog(const std::vector<PricingFile>& files);

}  // namespace costproof
