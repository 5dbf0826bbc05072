// The companion page's engine (web/engine.h) built natively, for profiling a form's recompute under
// callgrind without a browser: loads every table under pricing-data/ as the page does (one JSON
// array), then calculates one scenario file `runs` times with run_numbers() and draws its chart.
//   cmake --build build --target costproof_bench_companion_engine
//   valgrind --tool=callgrind build/bench/costproof_bench_companion_engine scenarios/ep050/ipv6-prod-three-az.json 5
// Prints the time of each phase (ms, wall clock; for orientation only: the numbers are in docs/benchmarks.md).
#include <chrono>
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "engine.h"
#include "files.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s <scenario.json> [runs] [pricing-data folder]\n", argv[0]);
    return 2;
  }
  const int runs = argc > 2 ? std::stoi(argv[2]) : 10;
  nlohmann::json files = nlohmann::json::array();
  for (const auto& f : costproof::cli::read_pricing_files(argc > 3 ? argv[3] : "pricing-data"))
    files.push_back({{"path", f.path}, {"label", "pricing-data/" + f.path}, {"text", f.text}});
  const std::string pricing = files.dump(), scenario = costproof::cli::read_text_file(argv[1]);
  using Clock = std::chrono::steady_clock;
  const auto ms = [](Clock::time_point a) { return std::chrono::duration<double, std::milli>(Clock::now() - a).count(); };
  costproof::web::Engine engine;
  auto t = Clock::now();
  if (const std::string error = engine.load_pricing(pricing); !error.empty()) return std::fprintf(stderr, "%s\n", error.c_str()), 1;
  std::printf("load_pricing %.2f ms (%zu bytes)\n", ms(t), pricing.size());
  for (int i = 0; i < runs; ++i) {
    t = Clock::now();
    const std::string out = engine.run_numbers(scenario, "2026-11-27");
    const double numbers = ms(t);
    t = Clock::now();
    const std::string svg = engine.chart(scenario, "2026-11-27");
    std::printf("run_numbers %.2f ms (%zu bytes), chart %.2f ms (%zu bytes)\n", numbers, out.size(), ms(t), svg.size());
  }
}
