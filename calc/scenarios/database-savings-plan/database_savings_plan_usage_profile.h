// A usage profile as the scenario states it: a shape applied to a line's level,
// or one column of an hourly CSV (docs/scenario-database-savings-plan.md). This
// header has no Eigen: the scenario and result types include it, and only the
// calculator's own files turn a profile into hourly quantities
// (database_savings_plan_profile.h, Eigen matrices of exact decimals).
//
// Example: {"shape": "business-hours", "start_hour": 9, "end_hour": 17,
//           "weekdays_only": true, "off_hours_percent": 25} on a level of 16 ACU-hours per hour.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/decimal.h"
#include "scenarios/scenario_header.h"

namespace costproof {

struct UsageProfile {
  enum class Shape { kConstant, kBusinessHours, kNightlyScaleDown, kWeeklySpike, kSteadyChange, kScaleToZero, kHourlyCsv };
  Shape shape = Shape::kConstant;
  std::string name = "constant";  // as written in the scenario
  int start_hour = 0;             // daily window [start_hour, end_hour), hours of the day 0..24
  int end_hour = 0;               // nightly-scale-down may wrap: 22 -> 6 means 22:00-06:00
  bool weekdays_only = false;     // business-hours, scale-to-zero: Monday-Friday only
  int weekday = 0;                // weekly-spike: 0 = Monday .. 6 = Sunday
  Decimal percent;                // off-hours, night or spike percent of the level; steady-change: change per month
  std::string csv_path;           // hourly-csv: as written, relative to the scenario file
  std::string csv_label;          // hourly-csv: the path shown in messages (scenario folder + csv_path)
  std::string csv_column;         // hourly-csv: the column holding the quantities
  std::vector<Decimal> csv_values;  // hourly-csv: one quantity per hour, parsed at scenario-parse time

  // One phrase for tables: "business hours 09:00-17:00 Mon-Fri; 25% of the level otherwise".
  std::string text(const std::string& level_text) const;
};

class JsonReader;

// Reads a "profile" object. `scenario_file` locates a CSV (its folder); `read_file` reads it.
// Throws InputError (with line and column for a bad CSV).
UsageProfile parse_usage_profile(JsonReader& reader, const std::string& scenario_file,
                                 const ReadRelativeFile& read_file);

// level × percent / 100, exactly (dividing by 100 only shifts the decimal point).
Decimal percent_of_level(const Decimal& level, const Decimal& percent);

// Parses hourly CSV text: a header line naming the columns, then exactly `expected_rows` data
// lines; returns the values of `column` (non-negative decimals, at most 6 places). Fields are
// separated by commas and may be double-quoted. `label` names the file in messages, which give
// the line and column: "x.csv: line 17, column 2 (\"acu_hours\"): expected ...". Throws InputError.
std::vector<Decimal> parse_hourly_csv(std::string_view text, const std::string& label, const std::string& column,
                                      std::size_t expected_rows);

}  // namespace costproof
