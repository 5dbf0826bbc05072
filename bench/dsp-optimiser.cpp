// Benchmark of the Database Savings Plan optimiser (calc/scenarios/database-savings-plan/database_savings_plan_commitment.h).
//
// For one-year hourly profiles (8,760 hours) it measures how many profiles per second
// CommitmentModel can take from hourly costs to the exact best commitment (model built,
// optimise(), evaluate() at the optimum), for one discount class and for four, on two kinds
// of profile: "random" (every hour a different value, the worst case for the sort) and
// "shaped" (business hours: two distinct values). Then it times the random one-class case
// at 1/8x .. 4x a year to show how the cost grows with profile length (n log n expected),
// and prints the fitted exponent of time against length. Every case also times a plain
// std::sort of the same values as doubles (hours x classes of them) and prints the ratio:
// the model's whole path (exact integers, radix-sorted breakpoints) against one sort.
//
// Usage: build/bench/costproof_bench_dsp_optimiser [seconds-per-case]   (default 1)
// Results are recorded in docs/benchmark-dsp-optimiser.md.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "scenarios/database-savings-plan/database_savings_plan_commitment.h"

namespace {

using costproof::CommitmentModel;
using costproof::Decimal;
using costproof::ExactMatrix;
using costproof::ExactScalar;

ExactMatrix random_profile(int hours, int classes, std::mt19937_64& rng) {
  std::uniform_int_distribution<int> mills(0, 5'000'000);  // $0.000 .. $5,000.000 in thousandths
  ExactMatrix m(hours, classes);
  const Decimal thousandth = Decimal::parse("0.001");
  for (int h = 0; h < hours; ++h)
    for (int k = 0; k < classes; ++k) m(h, k) = ExactScalar(Decimal::from_int(mills(rng)) * thousandth);
  return m;
}

ExactMatrix shaped_profile(int hours, int classes) {
  ExactMatrix m(hours, classes);
  for (int h = 0; h < hours; ++h) {
    const bool business = (h / 24) % 7 < 5 && h % 24 >= 9 && h % 24 < 17;
    for (int k = 0; k < classes; ++k) m(h, k) = ExactScalar(Decimal::parse(business ? "1.92" : "0.48"));
  }
  return m;
}

std::vector<Decimal> discounts(int classes) {
  const char* all[] = {"0.35", "0.2", "0.18", "0.12"};
  std::vector<Decimal> out;
  for (int k = 0; k < classes; ++k) out.push_back(Decimal::parse(all[k]));
  return out;
}

// Median seconds of std::sort on the profile's values as doubles (a copy sorted each run).
double time_std_sort(const ExactMatrix& profile, double budget) {
  using clock = std::chrono::steady_clock;
  std::vector<double> values;
  for (Eigen::Index h = 0; h < profile.rows(); ++h)
    for (Eigen::Index k = 0; k < profile.cols(); ++k) values.push_back(std::stod(profile(h, k).value().to_string()));
  std::vector<double> runs, work;
  double sink = 0;
  const auto start = clock::now();
  do {
    work = values;
    const auto t0 = clock::now();
    std::sort(work.begin(), work.end());
    runs.push_back(std::chrono::duration<double>(clock::now() - t0).count());
    sink += work[work.size() / 2];
  } while (std::chrono::duration<double>(clock::now() - start).count() < budget || runs.size() < 5);
  if (sink < 0) std::puts("");
  std::sort(runs.begin(), runs.end());
  return runs[runs.size() / 2];
}

struct Timing {
  double seconds_per_profile;  // the median run: robust to other work on a shared machine
  double fastest;
  long runs;
};

// Repeats model + optimise + evaluate on the same profile until `budget` seconds have passed
// (at least 5 runs).
Timing time_case(const ExactMatrix& profile, int classes, double budget) {
  using clock = std::chrono::steady_clock;
  const auto start = clock::now();
  std::vector<double> runs;
  Decimal sink;
  do {
    const auto t0 = clock::now();
    const CommitmentModel model(discounts(classes), profile);
    const auto opt = model.optimise();
    sink += model.evaluate(opt.commitment).saving.usd();
    runs.push_back(std::chrono::duration<double>(clock::now() - t0).count());
  } while (std::chrono::duration<double>(clock::now() - start).count() < budget || runs.size() < 5);
  if (sink.is_negative()) std::puts("");  // keep the work observable
  std::sort(runs.begin(), runs.end());
  return {runs[runs.size() / 2], runs.front(), static_cast<long>(runs.size())};
}

}  // namespace

int main(int argc, char** argv) {
  const double budget = argc > 1 ? std::atof(argv[1]) : 1.0;
  std::mt19937_64 rng(20261127);
  std::printf("Database Savings Plan optimiser benchmark (model + optimise + evaluate at the optimum)\n\n");
  std::printf("%-8s %-8s %-8s %14s %12s %16s %8s %14s %10s\n", "profile", "classes", "hours", "median ms",
              "fastest ms", "profiles/second", "runs", "std::sort ms", "ratio");
  for (const char* kind : {"shaped", "random"})
    for (int classes : {1, 4}) {
      const ExactMatrix p = std::string(kind) == "random" ? random_profile(8760, classes, rng) : shaped_profile(8760, classes);
      if (!CommitmentModel(discounts(classes), p).integer_path()) std::printf("(Decimal fallback!)\n");
      const Timing t = time_case(p, classes, budget);
      const double sort_seconds = time_std_sort(p, budget);
      std::printf("%-8s %-8d %-8d %14.3f %12.3f %16.1f %8ld %14.3f %10.2f\n", kind, classes, 8760,
                  t.seconds_per_profile * 1e3, t.fastest * 1e3, 1.0 / t.seconds_per_profile, t.runs, sort_seconds * 1e3,
                  t.seconds_per_profile / sort_seconds);
    }
  std::printf("\nGrowth with profile length (random, 1 class):\n");
  std::printf("%-8s %14s %16s %18s\n", "hours", "median ms", "ns per hour", "ratio to previous");
  double previous = 0, first_t = 0, last_t = 0;
  int first_n = 0, last_n = 0;
  for (int n : {1095, 2190, 4380, 8760, 17520, 35040}) {
    const ExactMatrix p = random_profile(n, 1, rng);
    const Timing t = time_case(p, 1, budget);
    std::printf("%-8d %14.3f %16.1f %18s\n", n, t.seconds_per_profile * 1e3, t.seconds_per_profile * 1e9 / n,
                previous > 0 ? std::to_string(t.seconds_per_profile / previous).substr(0, 5).c_str() : "-");
    previous = t.seconds_per_profile;
    if (first_n == 0) {
      first_n = n;
      first_t = t.seconds_per_profile;
    }
    last_n = n;
    last_t = t.seconds_per_profile;
  }
  std::printf("\nFitted exponent (time ~ hours^e) from %d to %d hours: e = %.3f (n log n over this range gives about %.3f)\n",
              first_n, last_n, std::log(last_t / first_t) / std::log(static_cast<double>(last_n) / first_n),
              std::log((last_n * std::log(static_cast<double>(last_n))) / (first_n * std::log(static_cast<double>(first_n)))) /
                  std::log(static_cast<double>(last_n) / first_n));
  return 0;
}
