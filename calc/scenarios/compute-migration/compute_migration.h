// Compute migration (e.g. x86 to Graviton): what a fleet costs per month
// before and after moving instance types, at the same instance count and,
// when a sourced performance assumption is given, with fewer instances.
//
// Pipeline: scenario -> usage (instance-hours per row) -> priced lines
// (count x $/hour x hours) -> result -> render_markdown / render_json.
//
// Example: 12 x m7i.xlarge -> m8g.xlarge in us-east-1, 730 h/month:
//   before 12 x $0.2016 x 730 = $1,766.016; after 12 x $0.17952 x 730 = $1,572.5952
//   saving $193.4208 a month = 11.0% of current compute spend.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/money.h"
#include "pricing/price_catalog.h"
#include "scenarios/scenario_header.h"
#include "render/source_notes.h"

namespace costproof {

class JsonReader;

// Which instance type a fleet row moves to.
struct MigrationTarget {
  enum class Kind { kExplicit, kEquivalentGraviton };
  Kind kind = Kind::kExplicit;
  std::string instance_type;      // kExplicit
  std::optional<int> generation;  // kEquivalentGraviton: nullopt = newest priced generation
};

struct FleetRow {
  std::string name;               // "web tier"
  std::string instance_type;      // "m7i.xlarge"
  Quantity count;                 // whole instances, 1..1,000,000
  std::optional<Decimal> hours_per_month;      // overrides the scenario's month, 0..744
  std::optional<Decimal> utilisation_percent;  // share of the month the instances run, (0, 100]
  MigrationTarget target;
  std::string pointer;            // JSON pointer, for messages
};

// A sourced performance claim: the target does `throughput_gain_percent` more
// work per instance-hour than the source type ("up to 25%").
struct PerformanceAssumption {
  Decimal throughput_gain_percent;  // 25 -> each target instance does 1.25x the work
  std::string qualifier;            // "up to", "about", "" (as the source words it)
  std::string statement;            // the claim, as the source words it
  std::string applies_to;           // "M9g vs M8g (Graviton5 vs Graviton4)"
  std::shared_ptr<const PriceSource> source;
};

struct ComputeMigrationScenario {
  ScenarioHeader header;
  std::string region;             // "us-east-1"
  Decimal hours_per_month;        // the month convention: 730 (= 8,760 h / 12, as AWS's calculator)
  std::vector<FleetRow> fleet;
  std::optional<PerformanceAssumption> performance;
};

// Reads the kind-specific fields (header already read by parse_scenario). Throws InputError.
ComputeMigrationScenario parse_compute_migration(JsonReader& reader, ScenarioHeader header);

// One priced fleet row.
struct MigrationLine {
  std::string name;
  const PriceRow* from = nullptr;
  const PriceRow* to = nullptr;
  const InstanceShape* from_shape = nullptr;  // nullptr if the shapes table lacks the type
  const InstanceShape* to_shape = nullptr;
  std::string target_rule;   // why `to` was chosen, in words
  Quantity count;            // instances before (and after, same-count)
  Quantity hours;            // hours per instance per month
  std::string hours_basis;   // "730 h (month convention)", "50% x 730 h = 365 h"
  Money before, after;       // count x $/h x hours
  // With a performance assumption:
  Decimal instances_needed;  // count / (1 + g), exact to 6 places (rounded up)
  bool instances_needed_exact = true;
  Quantity adjusted_count;   // instances_needed rounded up to whole instances
  Money after_adjusted;      // adjusted_count x $/h x hours
  // Cost per unit of work, new vs now: to_price / (from_price x (1 + g)), display-rounded
  // (ratio_of). 0.8720 means 12.80% less per unit of work.
  Decimal unit_work_ratio;
};

struct ComputeMigrationResult {
  const ComputeMigrationScenario* scenario = nullptr;
  std::vector<MigrationLine> lines;
  Money before, after, after_adjusted;  // monthly totals, exact
  Decimal gain_factor;                  // 1 + g/100 (1.25 for "25%"); 1 without a performance claim
  SourceNotes notes;                    // every source used, numbered
  std::vector<std::string> assumptions;
  std::vector<std::string> warnings;
  Date prices_as_of;                    // oldest as-of among the price rows used
  Date prices_as_of_newest;             // newest as-of among them: the header shows the range
  Date checked_on;                      // the date staleness was judged against
};

// Prices every row. Throws PriceNotFound, InputError (e.g. no Graviton equivalent).
// `today` and `max_price_age_days` decide the staleness warnings.
ComputeMigrationResult calculate(const ComputeMigrationScenario& scenario, const PriceCatalog& catalog,
                                 const Date& today, long max_price_age_days);

std::string render_markdown(const ComputeMigrationResult& result);
nlohmann::ordered_json render_json(const ComputeMigrationResult& result);

}  // namespace costproof
