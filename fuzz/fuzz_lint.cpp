// libFuzzer target: the outline number scanner and lint (calc/claims/outline_lint.h).
// See fuzz/harness.h for the contract.
#include "harness.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  costproof::fuzz::lint_one(data, size);
  return 0;
}
