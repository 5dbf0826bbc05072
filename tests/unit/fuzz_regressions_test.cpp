// Replays every input a fuzzer ever found a problem with
// (tests/fixtures/fuzz-regressions/<target>/*) through the same harness the
// fuzzer uses (fuzz/harness.h), in the normal and the sanitizer builds.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "episode_command.h"
#include "files.h"
#include "harness.h"

namespace {

namespace fs = std::filesystem;

std::vector<std::string> inputs(const std::string& target) {
  std::vector<std::string> out;
  const fs::path dir = fs::path(COSTPROOF_SOURCE_DIR) / "tests/fixtures/fuzz-regressions" / target;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (!e.is_regular_file() || e.path().filename() == "README.md") continue;
    std::ifstream in(e.path(), std::ios::binary);
    out.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return out;
}

const std::uint8_t* bytes(const std::string& s) { return reinterpret_cast<const std::uint8_t*>(s.data()); }

TEST(FuzzRegressionsTest, DecimalInputsNeitherCrashNorEscape) {
  const auto all = inputs("decimal");
  ASSERT_FALSE(all.empty());
  for (const auto& s : all) costproof::fuzz::decimal_one(bytes(s), s.size());
}

TEST(FuzzRegressionsTest, PriceTableInputsNeitherCrashNorEscape) {
  const auto all = inputs("price_table");
  ASSERT_FALSE(all.empty());
  for (const auto& s : all) costproof::fuzz::price_table_one(bytes(s), s.size());
}

TEST(FuzzRegressionsTest, ScenarioInputsNeitherCrashNorEscape) {
  static const auto catalog = costproof::cli::load_pricing_data(COSTPROOF_SOURCE_DIR "/pricing-data");
  const auto all = inputs("scenario");
  ASSERT_FALSE(all.empty());
  for (const auto& s : all) costproof::fuzz::scenario_one(bytes(s), s.size(), catalog);
}

TEST(FuzzRegressionsTest, ClaimsInputsNeitherCrashNorEscape) {
  static const auto catalog = costproof::cli::load_pricing_data(COSTPROOF_SOURCE_DIR "/pricing-data");
  static const auto episode = costproof::cli::load_episode(COSTPROOF_SOURCE_DIR "/scenarios/ep050", catalog,
                                                           costproof::Date{2026, 11, 27}, 180);
  const auto all = inputs("claims");
  ASSERT_FALSE(all.empty());
  for (const auto& s : all) costproof::fuzz::claims_one(bytes(s), s.size(), episode->inputs);
}

TEST(FuzzRegressionsTest, OfferImportInputsNeitherCrashNorEscape) {
  const auto all = inputs("offer_import");
  ASSERT_FALSE(all.empty());
  for (const auto& s : all) costproof::fuzz::offer_one(bytes(s), s.size());
}

TEST(FuzzRegressionsTest, LintInputsNeitherCrashNorEscape) {
  const auto all = inputs("lint");
  ASSERT_FALSE(all.empty());
  for (const auto& s : all) costproof::fuzz::lint_one(bytes(s), s.size());
}

}  // namespace
