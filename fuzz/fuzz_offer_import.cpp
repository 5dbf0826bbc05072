// libFuzzer target: AWS Price List offer-file import (streaming JSON and CSV
// scanners, filters, tier checks). See fuzz/harness.h for the contract.
#include "harness.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  costproof::fuzz::offer_one(data, size);
  return 0;
}
