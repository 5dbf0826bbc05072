// libFuzzer target: scenario parsing, calculation and rendering against the
// shipped price tables (loaded once). See fuzz/harness.h for the contract.
#include "files.h"
#include "harness.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const costproof::PriceCatalog catalog =
      costproof::cli::load_pricing_data(COSTPROOF_SOURCE_DIR "/pricing-data");
  costproof::fuzz::scenario_one(data, size, catalog);
  return 0;
}
