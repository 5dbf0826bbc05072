// The maths of a Database Savings Plan commitment, generic over several
// discount classes (serverless 35%, provisioned instances 20%, ...).
//
// Rules (docs/scenario-database-savings-plan.md): you commit to c dollars per
// hour at the discounted (Savings Plan) rates. Each hour the commitment pays
// for eligible usage at the discounted rates, highest discount first; usage
// it does not reach is billed On-Demand; commitment left over is still paid.
// Class k has discount d_k; its usage in hour h costs u_kh On-Demand and
// a_kh = (1 - d_k) u_kh at the plan's rates. With the classes in order and
// A_kh = a_1h + ... + a_kh, the hour costs
//   c + sum_k (u_kh - covered_kh / (1 - d_k)),  covered_kh = min(a_kh, max(0, c - A_(k-1)h))
// (covered_kh is commitment dollars spent on class k). Over the year the cost
// T(c) is piecewise linear and convex in c (highest discount first makes the
// slopes rise), with breakpoints at the values A_kh. So the optimum is 0 or
// one of the A_kh, found exactly by sorting them and walking the slope:
// O(nK log nK) for n hours and K classes.
//
// Exactness: the slope of hour h in class k's segment is 1 - 1/(1 - d_k). All
// slopes and costs are multiplied by L = product of (1 - d_k), which makes them
// exact decimals, so the optimiser compares exact numbers. Only where a report
// needs covered_kh / (1 - d_k) in dollars is a division done, once per class,
// carried to 10 places and flagged when it is not exact (rounding_policy.h).
//
// Speed: the model takes the profile as runs of identical hours (HourlyCost) and merges the hours
// with the same costs into one weighted row (when the runs average 4 hours or more; otherwise each
// run is a row): a constant profile is one row standing for 8,760 hours, business hours two. It converts the distinct rows once to exact integers at one fixed scale
// (u_kh and a_kh as int64 counts of 10^-S dollars, S = the most places of any u_kh plus the most
// places of any 1 - d_k), sorts their breakpoints once (LSD radix sort on the integer keys; each
// breakpoint carries its row's hours as a weight, so the optimum is a weighted quantile of the
// breakpoints) and keeps them: optimise(), candidates() and break_even_commitment() walk the same
// sorted array, evaluate() adds integers times weights (128-bit sums). Decimal appears only for the
// reported amounts. When every row is one hour (a matrix or runs with no two equal hours in a row,
// or Rows::kEveryHour) the model keeps no weights at all, chosen once per model: 8-byte breakpoints
// and walks that add the values themselves. A profile whose values do not fit that form (more than 18 digits at the common
// scale) uses the same algorithms on Decimal values, hour by hour: same answers, slower.
//
// Example: one class, d = 0.35, u = $0.72 in every hour of 8,760:
//   optimum c = 0.65 x 0.72 = $0.468/h; cost 0.468 x 8,760 = $4,099.68 vs $6,307.20 On-Demand.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "scenarios/database-savings-plan/database_savings_plan_outcome.h"
#include "scenarios/database-savings-plan/database_savings_plan_profile.h"
#include "core/decimal.h"
#include "core/money.h"

namespace costproof {

// `hours` consecutive hours, each with the eligible On-Demand cost cost[k] (USD, >= 0) in class k.
struct HourlyCostRun {
  std::size_t hours = 0;
  std::vector<Decimal> cost;
};
// A profile's eligible On-Demand cost per hour and class, as runs of identical hours in any order
// (the model's results depend only on how many hours have each cost).
// Example: 6 ACU of Aurora Serverless v2 at $0.12 all year: {{8760, {0.72}}}.
using HourlyCost = std::vector<HourlyCostRun>;

class CommitmentModel {
 public:
  // How the integer path holds the hours: kMergeEqualHours (the default) keeps one weighted row per
  // distinct hour; kEveryHour one row per hour (the same results, slower; for tests and benchmarks).
  enum class Rows { kMergeEqualHours, kEveryHour };
  // `discounts`: fractions in (0, 1), highest first (application order); `on_demand`: the eligible
  // On-Demand cost of each class in each hour (>= 0), one entry of cost per class. Throws
  // std::invalid_argument.
  CommitmentModel(std::vector<Decimal> discounts, HourlyCost on_demand, Rows rows = Rows::kMergeEqualHours);
  // The same from a matrix: hours x classes.
  CommitmentModel(std::vector<Decimal> discounts, const ExactMatrix& on_demand, Rows rows = Rows::kMergeEqualHours);

  std::size_t hours() const { return hours_; }
  std::size_t classes() const { return discounts_.size(); }
  const std::vector<Decimal>& discounts() const { return discounts_; }
  // L = product of (1 - d_k): costs and slopes times L are exact decimals.
  const Decimal& cost_scale() const { return scale_; }

  // `commitment` in USD per hour. The loop adds Decimals; the outcome wraps them as Money.
  CommitmentOutcome evaluate(const Decimal& commitment) const;
  CommitmentOutcome evaluate(const UnitPrice& commitment) const { return evaluate(commitment.usd_per_unit()); }
  // evaluate() of each commitment (USD per hour, ascending; throws std::invalid_argument otherwise), the
  // same outcomes, from one pass over the hours: each breakpoint is added to the first commitment that
  // passes it, then prefix sums over the commitments: O(nK log P + P K) for P points instead of P x n x K.
  std::vector<CommitmentOutcome> evaluate_many(const std::vector<Decimal>& commitments) const;
  // L x (eligible cost with the plan at `commitment`), exact. For comparisons (and the brute-force test).
  Decimal scaled_cost(const Decimal& commitment) const;
  // 0 and every breakpoint A_kh, sorted, without duplicates: the optimum is one of them.
  std::vector<Decimal> candidates() const;
  OptimumDetail optimise() const;
  // The highest hourly eligible usage at plan rates (max_h A_Kh): above it a commitment is never used.
  Decimal max_useful_commitment() const;
  // The largest commitment that still saves >= 0 against On-Demand, carried to 10 places (rounded
  // down, so it never overstates); `exact` tells whether the division came out exact.
  Decimal break_even_commitment(bool* exact) const;
  // True when the model runs on fixed-scale integers (the usual case); false: Decimal fallback.
  bool integer_path() const { return fixed_ != nullptr; }
  // Rows of the integer path (distinct hours when merged; 0 on the Decimal fallback).
  std::size_t integer_rows() const;

 private:
  struct Event;
  struct Fixed;  // the profile as fixed-scale integers and its sorted breakpoints
  std::vector<Event> sorted_events() const;  // Decimal fallback
  Decimal slope_of_state(std::size_t state) const;  // state = class index, or classes() for "unused"
  Decimal discounted(Eigen::Index h, Eigen::Index k) const;  // a_kh = (1 - d_k) u_kh, exact
  std::vector<std::size_t> initial_counts() const;
  Decimal slope_from_counts(const std::vector<std::size_t>& counts, int scale) const;
  CommitmentOutcome evaluate_decimal(const Decimal& commitment) const;
  void init(Rows rows);  // checks the input, then builds the integer form (or the Decimal fallback's matrix)
  void build_fixed(int u_scale, Rows rows);  // u_scale: the most places of any u_kh as stored
  // visit(hours, cost) for each run, cost(k) the On-Demand $ of class k in each of its hours.
  template <class Visit>
  void for_each_run(Visit visit) const;

  std::vector<Decimal> discounts_;
  HourlyCost runs_;         // u_kh as runs, when given so
  bool from_matrix_ = false;  // given as a matrix: on_demand_ holds it, runs_ is empty
  std::size_t hours_ = 0;
  ExactMatrix on_demand_;   // u_kh hour by hour: the matrix given, or the runs expanded for the Decimal fallback
  std::vector<Decimal> factors_;  // 1 - d_k, normalized
  Decimal scale_;           // L
  std::vector<Decimal> others_product_;  // L / (1 - d_k) = product of (1 - d_j), j != k
  std::shared_ptr<const Fixed> fixed_;   // null: the Decimal fallback
};

}  // namespace costproof
