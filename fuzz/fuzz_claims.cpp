// libFuzzer target: claims file parsing, claim checking against the episode 050
// scenarios (calculated once) and rendering. See fuzz/harness.h for the contract.
#include "episode_command.h"
#include "files.h"
#include "harness.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const costproof::PriceCatalog catalog =
      costproof::cli::load_pricing_data(COSTPROOF_SOURCE_DIR "/pricing-data");
  static const auto episode =
      costproof::cli::load_episode(COSTPROOF_SOURCE_DIR "/scenarios/ep050", catalog, costproof::Date{2026, 11, 27}, 180);
  costproof::fuzz::claims_one(data, size, episode->inputs);
  return 0;
}
