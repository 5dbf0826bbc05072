// libFuzzer target: see fuzz/harness.h for the contract.
#include "harness.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  costproof::fuzz::price_table_one(data, size);
  return 0;
}
