// What a Database Savings Plan commitment does over a year of usage: the
// outcome of one commitment (paid, used, saving) and where the optimum lies.
// Plain result types without Eigen, so the scenario's result (and everything
// that includes the kind registry) does not pull in the matrix library;
// CommitmentModel (database_savings_plan_commitment.h) computes them.
#pragma once

#include <cstddef>
#include <vector>

#include "core/decimal.h"
#include "core/money.h"

namespace costproof {

// What the commitment did for one discount class over the year.
struct ClassCoverage {
  Decimal discount;                 // d_k as a fraction, 0.35
  Money on_demand;                  // U_k: the class's eligible usage at On-Demand rates
  Money fully_covered_on_demand;    // F_k: On-Demand value of the hours the commitment covered entirely
  Money fully_covered_discounted;   // (1 - d_k) F_k: commitment dollars spent on those hours
  Money partial_commitment;         // S_k: commitment dollars spent on hours it covered in part
  std::size_t full_hours = 0, partial_hours = 0;
  Money partial_on_demand;          // S_k / (1 - d_k), carried to 10 places when not exact
  bool partial_exact = true;
  Money covered_on_demand;          // V_k = F_k + S_k / (1 - d_k)
  Money commitment_used;            // (1 - d_k) F_k + S_k
};

// A commitment evaluated over a profile. Money in USD over the whole profile (a year).
// Example: c = $0.468/h over 8,760 h: paid $4,099.68, saving $2,207.52.
struct CommitmentOutcome {
  UnitPrice commitment;             // c, USD per hour at Savings Plan rates
  std::size_t hours = 0;
  Money paid;                       // c x hours: owed whether used or not
  Money used;                       // commitment dollars that paid for usage
  Money unused;                     // paid - used
  std::vector<ClassCoverage> classes;
  Money eligible_on_demand;         // sum U_k: eligible usage without a plan
  Money covered_on_demand;          // sum V_k
  bool covered_exact = true;        // false when a V_k was carried to 10 places
  Money left_on_demand;             // eligible usage billed On-Demand: sum U_k - sum V_k
  Money eligible_cost;              // paid + left_on_demand: eligible usage with the plan
  Money saving;                     // eligible_on_demand - eligible_cost = covered_on_demand - paid
  std::size_t hours_below = 0;      // hours whose eligible On-Demand usage is below c: the plan loses money there
};

// Where the optimum lies and why (the slope on each side, in counts of hours).
struct OptimumDetail {
  UnitPrice commitment;                    // c*, USD per hour: the smallest cost-minimising commitment
  std::size_t candidates = 0;              // distinct breakpoints (plus 0) the optimum was chosen from
  // For one more cent of commitment above c*: hours where it would go unused, and hours
  // where it would pay for usage of class k instead of On-Demand.
  std::size_t unused_hours_above = 0;
  std::vector<std::size_t> class_hours_above;
  // The same for the last cent below c* (empty counts when c* = 0).
  std::size_t unused_hours_below = 0;
  std::vector<std::size_t> class_hours_below;
  Decimal slope_above_scaled;              // L x dT/dc just above c* (>= 0)
  Decimal slope_below_scaled;              // L x dT/dc just below c* (< 0; zero when c* = 0)
};

}  // namespace costproof
