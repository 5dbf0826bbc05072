// Cost comparison: two or more designs, each a list of priced line items, compared
// month by month and year by year (docs/scenario-cost-comparison.md). A general kind:
// an episode models "a NAT gateway vs a NAT instance vs IPv6 egress" or "Lambda on
// x86 vs Arm" with data only.
//
// Pipeline: scenario -> per design, per line item: monthly quantity (per hour x
// hours a month, per month, or per year / 12) x a price-table row (a chosen tier,
// or the tiered schedule applied to the monthly quantity), or a fixed sourced amount
// -> design totals a month and a year -> deltas against the baseline design,
// the cheapest design, the designs at each level of the one named variable, and the
// variable's break-even value per design -> render_markdown / render_json.
//
// Example (us-east-1, 730 h a month, 1,000 GB a month):
//   NAT gateway: 1 x $0.045/h x 730 h = $32.85; 1,000 GB x $0.045 = $45; ... total $81.50
//   NAT instance t4g.nano: 1 x $0.0042/h x 730 h = $3.066; ...
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/money.h"
#include "pricing/price_catalog.h"
#include "render/source_notes.h"
#include "scenarios/scenario_header.h"

namespace costproof {

class JsonReader;

// How often a line item's quantity recurs.
enum class CostPeriod { kHour, kMonth, kYear };
std::string period_word(CostPeriod p);  // "hour", "month", "year"

// One value of the scenario's variable that the output prices every design at.
struct VariableLevel {
  Decimal value;
  std::string label;  // "small site"
};

// The scenario's one named variable (e.g. GB a month): line items may use it as their quantity.
struct CostVariable {
  std::string name;  // "gb_per_month": [a-z_][a-z0-9_]*
  std::string what;  // "GB through the way out to the internet"
  std::string unit;  // "GB"
  Decimal value;     // the value the headline figures use
  std::vector<VariableLevel> levels;  // more values to price every design at (may be empty)
};

struct LineItem {
  std::string name;
  std::string pointer;  // JSON pointer, for messages
  CostPeriod per = CostPeriod::kMonth;
  // Quantity: a fixed number, or the variable times a factor.
  Decimal quantity;            // when !uses_variable
  bool uses_variable = false;
  Decimal variable_factor = Decimal::from_int(1);
  // Priced from a table ...
  bool priced = true;
  std::string service, region, key;
  bool schedule = false;  // apply the tiered schedule to the monthly quantity
  int tier = 0;           // 1-based chosen tier of a tiered row; 0 = an untiered row
  // ... or a fixed amount with its own source.
  Decimal amount_usd;     // per `per`
  std::shared_ptr<const PriceSource> amount_source;
};

struct CostDesign {
  std::string id, name, description;
  std::vector<LineItem> items;
};

struct CostComparisonScenario {
  ScenarioHeader header;
  std::string region;       // default region of every price
  Decimal hours_per_month;  // the month convention
  std::optional<CostVariable> variable;
  std::vector<CostDesign> designs;  // at least 2
  std::size_t baseline = 0;         // index into designs
  std::vector<std::string> assumptions;
};

// Reads the kind-specific fields (header already read by parse_scenario). Throws InputError.
CostComparisonScenario parse_cost_comparison(JsonReader& reader, ScenarioHeader header);

// One tier of a tiered schedule that a monthly quantity reaches.
struct CostTierPart {
  const PriceRow* row = nullptr;
  Quantity quantity;
  Money cost;
};

struct LineCost {
  const LineItem* item = nullptr;
  const PriceRow* row = nullptr;  // the row used (the first tier for a schedule); null for a fixed amount
  Quantity quantity;              // per `per` (the variable already substituted)
  Quantity monthly_quantity;      // quantity x hours a month, quantity, or quantity / 12 (kYear)
  std::vector<CostTierPart> tiers;  // schedule only
  Money monthly, yearly;
  bool monthly_exact = true;      // false when a per-year amount / 12 does not terminate
  std::string warning;            // a chosen tier the quantity lies outside of
};

struct DesignCostTotal {
  const CostDesign* design = nullptr;
  std::vector<LineCost> lines;
  Money monthly, yearly;
  bool monthly_exact = true;
};

// A design against the baseline (positive = dearer than the baseline).
struct CostDelta {
  std::size_t design = 0;
  Money monthly, yearly;
  std::optional<Decimal> percent_of_baseline;  // 0.1 point; nullopt when the baseline costs 0
};

struct LevelCosts {
  VariableLevel level;
  std::vector<DesignCostTotal> designs;
  std::size_t cheapest = 0;
};

// The variable's value at which a design's monthly cost equals the baseline's.
struct BreakEven {
  std::size_t design = 0;
  bool exists = false;
  Decimal value;             // rounded up to 0.01 of the variable's unit
  bool exact = true;
  bool cheaper_above = false;  // the design is cheaper than the baseline above `value`
  bool cheaper_at_zero = false;  // when !exists: the design is cheaper (or equal) everywhere
  bool equal_everywhere = false;
  // The linear piece the value lies on: the monthly difference (design - baseline) is
  // diff_low at low and diff_high at high; value = low + diff_low x (high - low) / (diff_low - diff_high).
  Decimal low, high, diff_low, diff_high;
};

struct CostComparisonResult {
  const CostComparisonScenario* scenario = nullptr;
  std::vector<DesignCostTotal> designs;  // at the variable's value
  std::vector<CostDelta> deltas;         // every design but the baseline
  std::size_t cheapest = 0;
  std::vector<LevelCosts> levels;
  std::vector<BreakEven> break_evens;    // every design but the baseline, when there is a variable
  SourceNotes notes;
  std::vector<std::string> assumptions;
  std::vector<std::string> warnings;
  Date prices_as_of, prices_as_of_newest, checked_on;
};

// Prices every design. Throws PriceNotFound / InputError naming the scenario file and item.
CostComparisonResult calculate(const CostComparisonScenario& scenario, const PriceCatalog& catalog,
                               const Date& today, long max_price_age_days);

// One design's monthly and yearly cost with the variable set to `value`.
DesignCostTotal price_design(const CostComparisonScenario& scenario, const CostDesign& design,
                             const PriceCatalog& catalog, const Decimal& value);

std::string render_markdown(const CostComparisonResult& result);
nlohmann::ordered_json render_json(const CostComparisonResult& result);

}  // namespace costproof
