// Database Savings Plans: what a 1-year, No Upfront $/hour commitment saves
// on a year of database usage, the best commitment for the usage profile,
// break-even utilisation, what a mid-term drop in usage does, and why "up to
// 35%" is a ceiling for a whole database bill.
//
// Pipeline: scenario -> usage lines (service, type, quantity, hourly profile)
// -> priced from pricing-data/ (On-Demand $/unit; Multi-AZ multiplier; which
// discount class covers the line, from pricing-data/aws/global/database-savings-plans.json)
// -> hourly On-Demand cost per discount class (Eigen, exact) -> CommitmentModel
// (database_savings_plan_commitment.h) -> result -> render_markdown / render_json.
//
// Example: Aurora Serverless v2 at 6 ACU in every hour, us-east-1, $0.12 per ACU-hour:
//   On-Demand 6 x $0.12 x 8,760 h = $6,307.20 a year; serverless discount up to 35%;
//   best commitment 0.65 x $0.72 = $0.468/h -> $4,099.68 a year; saving $2,207.52 = 35.0% of eligible spend.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "scenarios/database-savings-plan/database_savings_plan_outcome.h"
#include "scenarios/database-savings-plan/database_savings_plan_usage_profile.h"
#include "core/calendar.h"
#include "core/date.h"
#include "core/money.h"
#include "pricing/price_catalog.h"
#include "scenarios/scenario_header.h"
#include "render/source_notes.h"

namespace costproof {

class JsonReader;

// One line of database usage as the scenario states it.
struct DspUsageLine {
  std::string name;            // "api database"
  std::string type;            // "aurora-serverless-v2", "rds-instance", "dynamodb-on-demand", "aurora-storage", ...
  std::string pointer;         // JSON pointer, for messages
  std::string service;         // price table: "aurora", "rds", "dynamodb"
  std::string price_key;       // row in that table: "serverless-v2-acu-standard", "db.r7g.xlarge", "storage-gp3"
  std::string instance_type;   // instance lines
  std::string engine;          // instance lines: "postgresql", "aurora-mysql", ...
  std::string deployment;      // rds-instance: "single-az" or "multi-az"
  std::string configuration;   // aurora: "standard" or "io-optimized"
  bool hourly = true;          // false: a monthly item (storage, I/O requests, backup)
  std::string quantity_key;    // the scenario key that gave the quantity: "acu_hours_per_hour", "count", ...
  std::string quantity_unit;   // "ACU-hours per hour", "instances", "GiB-months per month", ...
  Decimal level;               // hourly: quantity per hour at 100% of the profile; monthly: quantity per month
  UsageProfile profile;        // hourly lines
};

struct DatabaseSavingsPlanScenario {
  ScenarioHeader header;
  std::string region;                             // "us-east-1"
  std::vector<DspUsageLine> usage;
  std::optional<Decimal> commitment_usd_per_hour;  // a commitment the listener is considering (optional)
};

// Reads the kind-specific fields (header already read by parse_scenario). `read_file` reads an
// hourly CSV named relative to the scenario file (may be empty: then a CSV profile is refused).
// Throws InputError.
DatabaseSavingsPlanScenario parse_database_savings_plan(JsonReader& reader, ScenarioHeader header,
                                                        const ReadRelativeFile& read_file = {});

// One priced usage line.
struct DspLine {
  const DspUsageLine* usage = nullptr;
  const PriceRow* price = nullptr;        // the On-Demand price row
  const PriceRow* eligibility = nullptr;  // the rule row saying which discount covers it
  const PriceRow* multi_az = nullptr;     // the multiplier row, for Multi-AZ RDS lines
  std::string what;                       // "Aurora Serverless v2 ACU-hours (Aurora Standard)"
  Decimal unit_price;                     // USD per unit: the row's price (listed / per), exact
  Decimal unit_cost;                      // USD per unit paid: unit_price (x Multi-AZ multiplier), exact
  Decimal quantity_year;                  // sum of the hourly quantities, or 12 x the monthly quantity
  Money on_demand_year;                   // quantity_year x unit_cost
  int discount_class = -1;                // index into DatabaseSavingsPlanResult::classes; -1 = not covered
  std::string not_covered_reason;         // why not, for the output
};

// One discount class in application order (highest discount first).
struct DspClass {
  const PriceRow* discount = nullptr;     // the discount rule row ("serverless", up to 35%)
  Decimal fraction;                       // 0.35
  Money on_demand_year;                   // eligible usage of this class without a plan
  std::vector<std::size_t> lines;         // indices into DatabaseSavingsPlanResult::lines
};

// A year with usage falling by `drop_percent` from hour `from_hour` on.
struct DspDownside {
  Decimal drop_percent;                   // 20, 50
  int from_hour = 0;                      // 4,380: the start of month 7
  Money total_without_plan;               // whole database bill, no plan
  CommitmentOutcome at_optimum;           // the commitment chosen for the expected profile, kept
  Money total_with_plan;
  UnitPrice hindsight_commitment;         // USD per hour: the best commitment had the drop been known
  CommitmentOutcome at_hindsight;
};

struct DspCurvePoint {
  CommitmentOutcome outcome;
  std::string label;                      // "", "best", "considered", "break-even", "max useful"
  int step = -1;                          // i for the evenly spaced point i/20 x max useful; -1 otherwise
};

struct DatabaseSavingsPlanResult {
  const DatabaseSavingsPlanScenario* scenario = nullptr;
  std::vector<DspLine> lines;
  std::vector<DspClass> classes;
  int hours = kHoursPerYear;
  Money eligible_year;                    // usage a plan can cover, On-Demand
  Money not_covered_hourly_year;          // hourly usage no plan covers (e.g. db.r6g), On-Demand
  Money monthly_items_year;               // storage, I/O, backup: 12 x monthly
  Money total_year;                       // the whole database bill without a plan
  Money ceiling_saving;                   // sum_k d_k x U_k: the most any commitment could save
  OptimumDetail optimum;
  CommitmentOutcome at_optimum;
  std::optional<CommitmentOutcome> at_considered;
  UnitPrice max_useful_commitment;        // USD per hour; above it a commitment is never used
  UnitPrice break_even_commitment;        // USD per hour; above it the plan costs more than On-Demand
  bool break_even_exact = true;
  std::vector<DspDownside> downside;
  std::vector<DspCurvePoint> curve;       // savings vs commitment, ascending commitment
  SourceNotes notes;
  std::vector<std::string> assumptions;
  std::vector<std::string> warnings;
  Date prices_as_of;         // oldest as-of date of the price and discount rows used (not of facts)
  Date prices_as_of_newest;  // newest; equal to prices_as_of when every row has one date
  Date checked_on;
};

// Prices every line and evaluates the plan. Throws PriceNotFound, PricingDataError, InputError.
DatabaseSavingsPlanResult calculate(const DatabaseSavingsPlanScenario& scenario, const PriceCatalog& catalog,
                                    const Date& today, long max_price_age_days);

std::string render_markdown(const DatabaseSavingsPlanResult& result);
nlohmann::ordered_json render_json(const DatabaseSavingsPlanResult& result);

// The table that holds the discount, eligibility and Multi-AZ rule rows.
inline constexpr const char* kDatabaseSavingsPlansService = "database-savings-plans";

}  // namespace costproof
