// Unit tests for calc/scenarios/database-savings-plan/database_savings_plan_commitment.h: the commitment
// maths (known answers), the exact optimiser against a brute-force search over
// every candidate commitment on random profiles, and the invariants (savings
// never exceed the discounts on eligible usage; the cost with a plan never
// falls below the commitment).
#include "scenarios/database-savings-plan/database_savings_plan_commitment.h"

#include <algorithm>
#include <cstdint>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace costproof {
namespace {

Decimal d(const char* text) { return Decimal::parse(text); }
Money usd(const char* text) { return Money(d(text)); }
UnitPrice per_hour(const char* text) { return UnitPrice(d(text)); }  // a commitment, USD per hour

// A profile of `rows` hours from a flat list of per-class hourly On-Demand costs (row by row).
ExactMatrix profile(std::size_t rows, const std::vector<const char*>& values) {
  const std::size_t cols = values.size() / rows;
  ExactMatrix m(static_cast<Eigen::Index>(rows), static_cast<Eigen::Index>(cols));
  for (std::size_t i = 0; i < values.size(); ++i)
    m(static_cast<Eigen::Index>(i / cols), static_cast<Eigen::Index>(i % cols)) = ExactScalar(d(values[i]));
  return m;
}

// ---------------------------------------------------------------- known answers

TEST(DatabaseSavingsPlanCommitmentTest, SteadyAuroraServerlessSixAcu) {
  // 6 ACU x $0.12 = $0.72 On-Demand in every hour of the year; serverless up to 35%.
  const CommitmentModel model({d("0.35")}, ExactMatrix::Constant(8760, 1, ExactScalar(d("0.72"))));
  const OptimumDetail opt = model.optimise();
  EXPECT_EQ(opt.commitment, per_hour("0.468"));  // 0.65 x 0.72
  EXPECT_EQ(opt.candidates, 2u);          // 0 and 0.468
  EXPECT_EQ(opt.class_hours_below, std::vector<std::size_t>{8760});
  EXPECT_EQ(opt.unused_hours_above, 8760u);
  const CommitmentOutcome o = model.evaluate(opt.commitment);
  EXPECT_EQ(o.paid, usd("4099.68"));
  EXPECT_EQ(o.eligible_on_demand, usd("6307.2"));
  EXPECT_EQ(o.saving, usd("2207.52"));  // 35% of 6,307.20
  EXPECT_EQ(o.used, o.paid);
  EXPECT_TRUE(o.unused.usd().is_zero());
  EXPECT_TRUE(o.covered_exact);
  EXPECT_EQ(o.hours_below, 0u);
  EXPECT_EQ(model.max_useful_commitment(), d("0.468"));
  bool exact = false;
  EXPECT_EQ(model.break_even_commitment(&exact), d("0.72"));  // commitment = the whole On-Demand usage
  EXPECT_TRUE(exact);
}

TEST(DatabaseSavingsPlanCommitmentTest, OptimumCoversTheLevelReachedInMoreThanOneMinusDOfHours) {
  // One class, d = 35%: commit to the highest level that usage reaches in more than 65% of hours.
  // Usage $0.96 in 2 of 3 hours (67% > 65%): commit 0.65 x 0.96.
  EXPECT_EQ(CommitmentModel({d("0.35")}, profile(3, {"0.24", "0.96", "0.96"})).optimise().commitment, per_hour("0.624"));
  // Usage $0.96 in 1 of 3 hours (33%): commit only to the level of every hour, 0.65 x 0.24.
  EXPECT_EQ(CommitmentModel({d("0.35")}, profile(3, {"0.24", "0.24", "0.96"})).optimise().commitment, per_hour("0.156"));
  // d = 20%: usage reached in 3 of 4 hours (75% < 80%) is not enough.
  EXPECT_EQ(CommitmentModel({d("0.2")}, profile(4, {"1", "2", "2", "2"})).optimise().commitment, per_hour("0.8"));
  // ... but 9 of 10 hours (90% > 80%) is.
  EXPECT_EQ(CommitmentModel({d("0.2")}, profile(10, {"1", "2", "2", "2", "2", "2", "2", "2", "2", "2"}))
                .optimise()
                .commitment,
            per_hour("1.6"));
}

TEST(DatabaseSavingsPlanCommitmentTest, ScaleToZeroMostHoursMeansNoCommitment) {
  // Usage in only 1 of 3 hours: the first cent would be wasted in 2 hours and save 35/65 in one.
  const CommitmentModel model({d("0.35")}, profile(3, {"0", "0", "5"}));
  const OptimumDetail opt = model.optimise();
  EXPECT_TRUE(opt.commitment.usd_per_unit().is_zero());
  EXPECT_EQ(opt.unused_hours_above, 2u);
  EXPECT_EQ(opt.class_hours_above, std::vector<std::size_t>{1});
  bool exact = false;
  EXPECT_TRUE(model.break_even_commitment(&exact).is_zero());
}

TEST(DatabaseSavingsPlanCommitmentTest, TwoClassesHighestDiscountFirst) {
  // Every hour: serverless $1.00 On-Demand (plan $0.65), provisioned $1.00 (plan $0.80).
  const CommitmentModel model({d("0.35"), d("0.2")}, profile(2, {"1", "1", "1", "1"}));
  EXPECT_EQ(model.optimise().commitment, per_hour("1.45"));
  // $1.00 an hour covers all serverless usage ($0.65) and $0.35 of provisioned, worth 0.35 / 0.8 = $0.4375.
  const CommitmentOutcome o = model.evaluate(d("1"));
  ASSERT_EQ(o.classes.size(), 2u);
  EXPECT_EQ(o.classes[0].full_hours, 2u);
  EXPECT_EQ(o.classes[0].covered_on_demand, usd("2"));
  EXPECT_EQ(o.classes[1].partial_hours, 2u);
  EXPECT_EQ(o.classes[1].partial_commitment, usd("0.7"));
  EXPECT_EQ(o.classes[1].partial_on_demand, usd("0.875"));
  EXPECT_TRUE(o.classes[1].partial_exact);
  EXPECT_EQ(o.eligible_cost, usd("3.125"));  // 2 x (1 + (1 - 0.4375))
  EXPECT_EQ(o.saving, usd("0.875"));
  EXPECT_EQ(model.scaled_cost(d("1")), o.eligible_cost.usd() * model.cost_scale());
}

TEST(DatabaseSavingsPlanCommitmentTest, NonTerminatingCoverageIsCarriedAndFlagged) {
  // $0.10 of commitment on serverless usage buys 0.10 / 0.65 = 0.153846... of On-Demand usage.
  const CommitmentModel model({d("0.35")}, profile(1, {"1"}));
  const CommitmentOutcome o = model.evaluate(d("0.1"));
  EXPECT_FALSE(o.covered_exact);
  EXPECT_EQ(o.classes[0].partial_on_demand, usd("0.1538461538"));
  // The exact comparison still holds: L x cost = 0.65 x 0.1 + 0.65 x 1 - 0.1.
  EXPECT_EQ(model.scaled_cost(d("0.1")), d("0.615"));
}

TEST(DatabaseSavingsPlanCommitmentTest, RejectsBadInput) {
  EXPECT_THROW(CommitmentModel({d("0.2"), d("0.35")}, profile(1, {"1", "1"})), std::invalid_argument);  // order
  EXPECT_THROW(CommitmentModel({d("1")}, profile(1, {"1"})), std::invalid_argument);
  EXPECT_THROW(CommitmentModel({d("0")}, profile(1, {"1"})), std::invalid_argument);
  EXPECT_THROW(CommitmentModel({d("0.35")}, profile(1, {"-1"})), std::invalid_argument);
  EXPECT_THROW(CommitmentModel({d("0.35")}, profile(1, {"1", "1"})), std::invalid_argument);  // 2 columns, 1 class
  const CommitmentModel model({d("0.35")}, profile(1, {"1"}));
  EXPECT_THROW(model.evaluate(d("-0.01")), std::invalid_argument);
}

// ---------------------------------------------------------------- brute force and invariants

// Random profiles: 1-4 classes with random discounts (highest first), 1-60 hours, values with
// up to 3 decimal places and about a quarter of them zero.
struct RandomProfile {
  std::vector<Decimal> discounts;
  ExactMatrix on_demand;
};

RandomProfile random_profile(std::mt19937_64& rng) {
  std::uniform_int_distribution<int> classes(1, 4), hours(1, 60), pct(1, 99), cents(0, 5000), zero(0, 3),
      places(0, 3);
  RandomProfile p;
  const int k = classes(rng);
  std::vector<int> percents;
  for (int i = 0; i < k; ++i) percents.push_back(pct(rng));
  std::sort(percents.rbegin(), percents.rend());
  for (int v : percents) p.discounts.push_back(Decimal::divide(Decimal::from_int(v), Decimal::from_int(100), 2,
                                                               RoundingMode::kDown));
  const int n = hours(rng);
  p.on_demand.resize(n, k);
  for (int h = 0; h < n; ++h)
    for (int c = 0; c < k; ++c) {
      Decimal v = zero(rng) == 0 ? Decimal() : Decimal::from_int(cents(rng));
      for (int i = places(rng); i > 0; --i) v = v * d("0.1");
      p.on_demand(h, c) = ExactScalar(v);
    }
  return p;
}

TEST(DatabaseSavingsPlanCommitmentTest, OptimiserAgreesWithBruteForceOnRandomProfiles) {
  std::mt19937_64 rng(20261127);
  for (int trial = 0; trial < 400; ++trial) {
    const RandomProfile p = random_profile(rng);
    const CommitmentModel model(p.discounts, p.on_demand);
    // Brute force: the exact scaled cost at every candidate commitment.
    const std::vector<Decimal> candidates = model.candidates();
    Decimal best_cost = model.scaled_cost(candidates[0]);
    Decimal best = candidates[0];
    for (const auto& c : candidates) {
      const Decimal cost = model.scaled_cost(c);
      if (cost < best_cost) {
        best_cost = cost;
        best = c;
      }
    }
    const OptimumDetail opt = model.optimise();
    ASSERT_EQ(opt.commitment.usd_per_unit(), best) << "trial " << trial;  // the smallest among equally cheap ones
    ASSERT_EQ(opt.candidates, candidates.size()) << "trial " << trial;
    // Nothing between or beyond the candidates does better (the cost is piecewise linear between them).
    for (std::size_t i = 0; i + 1 < candidates.size(); ++i) {
      const Decimal mid = Decimal::divide(candidates[i] + candidates[i + 1], Decimal::from_int(2), 20,
                                          RoundingMode::kDown);
      ASSERT_GE(model.scaled_cost(mid), best_cost) << "trial " << trial;
    }
    ASSERT_GE(model.scaled_cost(candidates.back() + Decimal::from_int(1)), best_cost) << "trial " << trial;
    // The slopes at the optimum: falling below it, not falling above it.
    EXPECT_GE(opt.slope_above_scaled, Decimal()) << "trial " << trial;
    if (!opt.commitment.usd_per_unit().is_zero()) {
      EXPECT_LT(opt.slope_below_scaled, Decimal()) << "trial " << trial;
    }
  }
}

TEST(DatabaseSavingsPlanCommitmentTest, IntegerPathAndDecimalFallbackAgree) {
  // The same profiles times 10^14 no longer fit the fixed-scale int64 form, so the model falls back
  // to Decimal arithmetic: both paths must give the same answers (scaled by 10^14).
  std::mt19937_64 rng(17);
  const Decimal big = Decimal::parse("100000000000000");
  int fallbacks = 0;
  for (int trial = 0; trial < 200; ++trial) {
    const RandomProfile p = random_profile(rng);
    ExactMatrix scaled = p.on_demand;
    for (Eigen::Index h = 0; h < scaled.rows(); ++h)
      for (Eigen::Index k = 0; k < scaled.cols(); ++k) scaled(h, k) = ExactScalar(scaled(h, k).value() * big);
    const CommitmentModel fast(p.discounts, p.on_demand), slow(p.discounts, scaled);
    ASSERT_TRUE(fast.integer_path()) << "trial " << trial;
    if (slow.integer_path()) continue;  // every value was small enough
    ++fallbacks;
    const OptimumDetail a = fast.optimise(), b = slow.optimise();
    ASSERT_EQ(a.commitment.usd_per_unit() * big, b.commitment.usd_per_unit()) << "trial " << trial;
    ASSERT_EQ(a.candidates, b.candidates) << "trial " << trial;
    ASSERT_EQ(a.class_hours_above, b.class_hours_above) << "trial " << trial;
    ASSERT_EQ(a.class_hours_below, b.class_hours_below) << "trial " << trial;
    ASSERT_EQ(a.unused_hours_above, b.unused_hours_above) << "trial " << trial;
    ASSERT_EQ(a.slope_above_scaled.to_string(), b.slope_above_scaled.to_string()) << "trial " << trial;
    ASSERT_EQ(a.slope_below_scaled.to_string(), b.slope_below_scaled.to_string()) << "trial " << trial;
    ASSERT_EQ(fast.max_useful_commitment() * big, slow.max_useful_commitment()) << "trial " << trial;
    const std::vector<Decimal> ca = fast.candidates(), cb = slow.candidates();
    ASSERT_EQ(ca.size(), cb.size()) << "trial " << trial;
    for (std::size_t i = 0; i < ca.size(); ++i) {
      ASSERT_EQ(ca[i] * big, cb[i]) << "trial " << trial;
      const CommitmentOutcome oa = fast.evaluate(ca[i]), ob = slow.evaluate(cb[i]);
      ASSERT_EQ(oa.used.usd() * big, ob.used.usd()) << "trial " << trial;
      ASSERT_EQ(oa.eligible_on_demand.usd() * big, ob.eligible_on_demand.usd()) << "trial " << trial;
      if (oa.covered_exact && ob.covered_exact) {  // else each was carried to 10 places at its own size
        ASSERT_EQ(oa.saving.usd() * big, ob.saving.usd()) << "trial " << trial;
      }
      ASSERT_EQ(oa.unused.usd() * big, ob.unused.usd()) << "trial " << trial;
      ASSERT_EQ(oa.hours_below, ob.hours_below) << "trial " << trial;
      for (std::size_t k = 0; k < oa.classes.size(); ++k) {
        ASSERT_EQ(oa.classes[k].full_hours, ob.classes[k].full_hours) << "trial " << trial;
        ASSERT_EQ(oa.classes[k].partial_hours, ob.classes[k].partial_hours) << "trial " << trial;
        ASSERT_EQ(oa.classes[k].partial_commitment.usd() * big, ob.classes[k].partial_commitment.usd());
      }
      // The same commitment through both paths of one model (a commitment with more places than
      // the model's scale is evaluated with Decimals).
      const Decimal odd = ca[i] + Decimal::parse("0.0000000000000000001");
      const CommitmentOutcome oc = fast.evaluate(odd);
      ASSERT_EQ(oc.used + oc.unused, oc.paid) << "trial " << trial;
    }
    bool ea = false, eb = false;
    ASSERT_LE(fast.scaled_cost(fast.break_even_commitment(&ea)), fast.scaled_cost(Decimal())) << "trial " << trial;
    ASSERT_LE(slow.scaled_cost(slow.break_even_commitment(&eb)), slow.scaled_cost(Decimal())) << "trial " << trial;
  }
  EXPECT_GT(fallbacks, 100);
}

TEST(DatabaseSavingsPlanCommitmentTest, SavingsNeverExceedTheDiscountsAndCostNeverFallsBelowTheCommitment) {
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<int> cents(0, 20000);
  for (int trial = 0; trial < 300; ++trial) {
    const RandomProfile p = random_profile(rng);
    const CommitmentModel model(p.discounts, p.on_demand);
    std::vector<Decimal> commitments = model.candidates();
    for (int i = 0; i < 5; ++i) commitments.push_back(Decimal::from_int(cents(rng)) * d("0.001"));
    for (const auto& c : commitments) {
      const CommitmentOutcome o = model.evaluate(c);
      Decimal ceiling;  // sum_k d_k x U_k
      for (std::size_t k = 0; k < o.classes.size(); ++k) ceiling += p.discounts[k] * o.classes[k].on_demand.usd();
      // The saving is at most the discount on the covered usage, at most the highest discount on all of it.
      ASSERT_LE(o.saving.usd(), ceiling) << "trial " << trial << " c " << c.to_string();
      ASSERT_LE(o.saving.usd(), p.discounts[0] * o.eligible_on_demand.usd()) << "trial " << trial;
      // With a plan you pay at least the commitment.
      ASSERT_GE(o.eligible_cost, o.paid) << "trial " << trial << " c " << c.to_string();
      ASSERT_EQ(o.used + o.unused, o.paid) << "trial " << trial;
      ASSERT_LE(o.covered_on_demand, o.eligible_on_demand + usd("0.00000001")) << "trial " << trial;
      ASSERT_FALSE(o.unused.usd().is_negative()) << "trial " << trial;
      // The displayed (carried) cost matches the exact scaled cost to the carried precision.
      const Decimal diff = o.eligible_cost.usd() * model.cost_scale() - model.scaled_cost(c);
      ASSERT_LE(diff.abs(), d("0.00000001")) << "trial " << trial;
      if (o.covered_exact) {
        ASSERT_TRUE(diff.is_zero()) << "trial " << trial;
      }
    }
  }
}

TEST(DatabaseSavingsPlanCommitmentTest, BreakEvenCommitmentBracketsZeroSaving) {
  std::mt19937_64 rng(99);
  for (int trial = 0; trial < 200; ++trial) {
    const RandomProfile p = random_profile(rng);
    const CommitmentModel model(p.discounts, p.on_demand);
    bool exact = false;
    const Decimal be = model.break_even_commitment(&exact);
    const Decimal no_plan = model.scaled_cost(Decimal());
    ASSERT_LE(model.scaled_cost(be), no_plan) << "trial " << trial;                     // still saves >= 0
    ASSERT_GT(model.scaled_cost(be + d("0.0000000001")), no_plan) << "trial " << trial;  // one step more loses
    ASSERT_GE(be, model.optimise().commitment.usd_per_unit()) << "trial " << trial;
  }
}

// Every field of an outcome as text (Decimal scales included: the output prints them).
std::string outcome_text(const CommitmentOutcome& o) {
  auto m = [](const Money& x) { return x.usd().to_string() + " "; };
  std::string t = o.commitment.usd_per_unit().to_string() + " " + std::to_string(o.hours) + " " + m(o.paid) + m(o.used) +
                  m(o.unused) + m(o.eligible_on_demand) + m(o.covered_on_demand) + std::to_string(o.covered_exact) +
                  " " + m(o.left_on_demand) + m(o.eligible_cost) + m(o.saving) + std::to_string(o.hours_below);
  for (const ClassCoverage& c : o.classes)
    t += " | " + c.discount.to_string() + " " + m(c.on_demand) + m(c.fully_covered_on_demand) +
         m(c.fully_covered_discounted) + m(c.partial_commitment) + std::to_string(c.full_hours) + " " +
         std::to_string(c.partial_hours) + " " + m(c.partial_on_demand) + std::to_string(c.partial_exact) + " " +
         m(c.covered_on_demand) + m(c.commitment_used);
  return t;
}

TEST(DatabaseSavingsPlanCommitmentTest, EvaluateManyEqualsEvaluateOnRandomProfiles) {
  std::mt19937_64 rng(23);
  std::uniform_int_distribution<int> cents(0, 20000);
  for (int trial = 0; trial < 300; ++trial) {
    const RandomProfile p = random_profile(rng);
    const CommitmentModel model(p.discounts, p.on_demand);
    // The breakpoints (ties at every key), points between them, a break-even carried to 10 places
    // (more places than the model's scale: the single walk's 128-bit path) and repeats.
    std::vector<Decimal> commitments = model.candidates();
    for (int i = 0; i < 12; ++i) commitments.push_back(Decimal::from_int(cents(rng)) * d("0.001"));
    bool exact = false;
    commitments.push_back(model.break_even_commitment(&exact));
    commitments.push_back(model.max_useful_commitment() + d("1"));
    commitments.push_back(commitments.front());
    std::sort(commitments.begin(), commitments.end());
    const std::vector<CommitmentOutcome> many = model.evaluate_many(commitments);
    ASSERT_EQ(many.size(), commitments.size());
    for (std::size_t i = 0; i < commitments.size(); ++i)
      ASSERT_EQ(outcome_text(many[i]), outcome_text(model.evaluate(commitments[i])))
          << "trial " << trial << " c " << commitments[i].to_string();
  }
  const CommitmentModel model({d("0.35")}, random_profile(rng).on_demand.leftCols(1));
  EXPECT_THROW(model.evaluate_many({d("0.2"), d("0.1")}), std::invalid_argument);
  EXPECT_THROW(model.evaluate_many({d("-0.1")}), std::invalid_argument);
}

// ---------------------------------------------------------------- merged rows (weighted hours)

TEST(DatabaseSavingsPlanCommitmentTest, ConstantProfileIsOneWeightedRow) {
  // The same year as SteadyAuroraServerlessSixAcu, given as one run of 8,760 hours.
  const CommitmentModel model({d("0.35")}, HourlyCost{{8760, {d("0.72")}}});
  EXPECT_EQ(model.hours(), 8760u);
  EXPECT_EQ(model.integer_rows(), 1u);
  EXPECT_EQ(model.optimise().commitment, per_hour("0.468"));
  EXPECT_EQ(model.optimise().class_hours_below, std::vector<std::size_t>{8760});
  const CommitmentOutcome o = model.evaluate(d("0.468"));
  EXPECT_EQ(o.paid, usd("4099.68"));
  EXPECT_EQ(o.saving, usd("2207.52"));
  EXPECT_EQ(o.classes[0].full_hours, 8760u);
  EXPECT_EQ(model.evaluate(d("0.5")).hours_below, 0u);
  EXPECT_EQ(model.evaluate(d("0.8")).hours_below, 8760u);
  EXPECT_EQ(model.scaled_cost(d("0.468")), d("4099.68") * d("0.65"));
  bool exact = false;
  EXPECT_EQ(model.break_even_commitment(&exact), d("0.72"));
  // Business hours: two distinct hours whatever the number of runs.
  HourlyCost week;
  for (int day = 0; day < 7; ++day) {
    week.push_back({9, {d("0.18")}});
    week.push_back({8, {d("0.72")}});
    week.push_back({7, {d("0.18")}});
  }
  EXPECT_EQ(CommitmentModel({d("0.35")}, week).integer_rows(), 2u);
  EXPECT_EQ(CommitmentModel({d("0.35")}, week, CommitmentModel::Rows::kEveryHour).integer_rows(), 168u);
  EXPECT_THROW(CommitmentModel({d("0.35")}, HourlyCost{{0, {d("1")}}}), std::invalid_argument);  // no hours
  EXPECT_THROW(CommitmentModel({d("0.35")}, HourlyCost{{1, {d("1"), d("1")}}}), std::invalid_argument);
}

// Random profiles whose hours repeat: 1-4 classes, 1-300 hours, each hour one of 1-5 distinct rows
// (as random_profile's values), often in runs; returned as runs of identical hours.
struct RandomRuns {
  std::vector<Decimal> discounts;
  HourlyCost runs;
};

RandomRuns random_runs(std::mt19937_64& rng) {
  const RandomProfile pool = random_profile(rng);
  std::uniform_int_distribution<Eigen::Index> pick(0, std::min<Eigen::Index>(pool.on_demand.rows(), 5) - 1);
  std::uniform_int_distribution<std::size_t> length(1, 40), runs(1, 30);
  RandomRuns out{pool.discounts, {}};
  for (std::size_t r = runs(rng); r > 0; --r) {
    const Eigen::Index row = pick(rng);
    HourlyCostRun run{length(rng), {}};
    for (Eigen::Index k = 0; k < pool.on_demand.cols(); ++k) run.cost.push_back(pool.on_demand(row, k).value());
    out.runs.push_back(std::move(run));
  }
  return out;
}

TEST(DatabaseSavingsPlanCommitmentTest, MergedRowsEqualEveryHourOnRandomProfiles) {
  // The model on distinct hours with weights (the default) and on every hour (the earlier form) give
  // the same optimum, candidates, break-even and outcomes, field by field and place by place.
  std::mt19937_64 rng(31);
  std::uniform_int_distribution<int> cents(0, 20000);
  std::size_t merged_rows = 0, hours = 0;
  for (int trial = 0; trial < 300; ++trial) {
    const RandomRuns p = random_runs(rng);
    const CommitmentModel merged(p.discounts, p.runs), every(p.discounts, p.runs, CommitmentModel::Rows::kEveryHour);
    ASSERT_TRUE(merged.integer_path() && every.integer_path()) << "trial " << trial;
    ASSERT_EQ(every.integer_rows(), every.hours()) << "trial " << trial;
    merged_rows += merged.integer_rows();
    hours += merged.hours();
    const OptimumDetail a = merged.optimise(), b = every.optimise();
    ASSERT_EQ(a.commitment.usd_per_unit().to_string(), b.commitment.usd_per_unit().to_string()) << "trial " << trial;
    ASSERT_EQ(a.candidates, b.candidates) << "trial " << trial;
    ASSERT_EQ(a.class_hours_above, b.class_hours_above) << "trial " << trial;
    ASSERT_EQ(a.class_hours_below, b.class_hours_below) << "trial " << trial;
    ASSERT_EQ(a.unused_hours_above, b.unused_hours_above) << "trial " << trial;
    ASSERT_EQ(a.unused_hours_below, b.unused_hours_below) << "trial " << trial;
    ASSERT_EQ(a.slope_above_scaled.to_string(), b.slope_above_scaled.to_string()) << "trial " << trial;
    ASSERT_EQ(a.slope_below_scaled.to_string(), b.slope_below_scaled.to_string()) << "trial " << trial;
    ASSERT_EQ(merged.max_useful_commitment().to_string(), every.max_useful_commitment().to_string());
    bool ea = false, eb = false;
    const Decimal be = merged.break_even_commitment(&ea);
    ASSERT_EQ(be.to_string(), every.break_even_commitment(&eb).to_string()) << "trial " << trial;
    ASSERT_EQ(ea, eb) << "trial " << trial;
    std::vector<Decimal> commitments = merged.candidates();
    const std::vector<Decimal> every_candidates = every.candidates();
    ASSERT_EQ(commitments.size(), every_candidates.size()) << "trial " << trial;
    for (std::size_t i = 0; i < commitments.size(); ++i)
      ASSERT_EQ(commitments[i].to_string(), every_candidates[i].to_string()) << "trial " << trial;
    for (int i = 0; i < 8; ++i) commitments.push_back(Decimal::from_int(cents(rng)) * d("0.001"));
    commitments.push_back(be);
    commitments.push_back(commitments.front() + d("0.0000000000000000001"));  // more places than the scale
    std::sort(commitments.begin(), commitments.end());
    const std::vector<CommitmentOutcome> many = merged.evaluate_many(commitments);
    for (std::size_t i = 0; i < commitments.size(); ++i) {
      const std::string expected = outcome_text(every.evaluate(commitments[i]));
      ASSERT_EQ(outcome_text(merged.evaluate(commitments[i])), expected) << "trial " << trial;
      ASSERT_EQ(outcome_text(many[i]), expected) << "trial " << trial;
      ASSERT_EQ(merged.scaled_cost(commitments[i]), every.scaled_cost(commitments[i])) << "trial " << trial;
    }
  }
  EXPECT_LT(merged_rows * 4, hours);  // the merging happened: on average under a quarter of the hours
}

TEST(DatabaseSavingsPlanCommitmentTest, MatrixWithRepeatedHoursEqualsEveryHour) {
  // A matrix whose consecutive hours repeat: runs of 1-3 hours (joined into weighted rows, not
  // sorted) or 1-40 hours (joined, then equal rows sorted together), against every hour unweighted.
  std::mt19937_64 rng(37);
  std::size_t rows = 0, hours = 0;
  for (int trial = 0; trial < 200; ++trial) {
    RandomRuns p = random_runs(rng);
    if (trial % 2 == 1)
      for (HourlyCostRun& run : p.runs) run.hours = 1 + run.hours % 3;
    std::size_t n = 0;
    for (const HourlyCostRun& run : p.runs) n += run.hours;
    ExactMatrix m(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(p.discounts.size()));
    Eigen::Index h = 0;
    for (const HourlyCostRun& run : p.runs)
      for (std::size_t i = 0; i < run.hours; ++i, ++h)
        for (std::size_t k = 0; k < run.cost.size(); ++k) m(h, static_cast<Eigen::Index>(k)) = ExactScalar(run.cost[k]);
    const CommitmentModel matrix(p.discounts, m), every(p.discounts, p.runs, CommitmentModel::Rows::kEveryHour);
    ASSERT_TRUE(matrix.integer_path()) << "trial " << trial;
    rows += matrix.integer_rows();
    hours += matrix.hours();
    const OptimumDetail a = matrix.optimise(), b = every.optimise();
    ASSERT_EQ(a.commitment.usd_per_unit().to_string(), b.commitment.usd_per_unit().to_string()) << "trial " << trial;
    ASSERT_EQ(a.class_hours_above, b.class_hours_above) << "trial " << trial;
    ASSERT_EQ(a.class_hours_below, b.class_hours_below) << "trial " << trial;
    ASSERT_EQ(a.slope_below_scaled.to_string(), b.slope_below_scaled.to_string()) << "trial " << trial;
    bool ea = false, eb = false;
    ASSERT_EQ(matrix.break_even_commitment(&ea).to_string(), every.break_even_commitment(&eb).to_string()) << "trial " << trial;
    ASSERT_EQ(ea, eb) << "trial " << trial;
    const std::vector<Decimal> commitments = every.candidates();
    ASSERT_EQ(matrix.candidates().size(), commitments.size()) << "trial " << trial;
    const std::vector<CommitmentOutcome> many = matrix.evaluate_many(commitments);
    for (std::size_t i = 0; i < commitments.size(); ++i) {
      const std::string expected = outcome_text(every.evaluate(commitments[i]));
      ASSERT_EQ(outcome_text(matrix.evaluate(commitments[i])), expected) << "trial " << trial;
      ASSERT_EQ(outcome_text(many[i]), expected) << "trial " << trial;
    }
  }
  EXPECT_LT(rows * 2, hours);  // consecutive equal hours were joined
}

}  // namespace
}  // namespace costproof
