// Helpers shared by the offer import tests (offer_extract_test, offer_feed_test,
// pricing_import_test, pricing_update_test): where the hand-made fixtures and the
// recorded AWS samples are, a file read whole, and the message of the InputError
// a call throws.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/error.h"

namespace costproof::test_files {

inline const std::filesystem::path kSource = COSTPROOF_SOURCE_DIR;
inline const std::filesystem::path kFixtures = kSource / "tests/fixtures/offers";
// Real AWS files beside the repository (tests that need them skip when absent).
inline const std::filesystem::path kSamples = kSource / "../shared/aws-pricelist-samples";

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// What `call()` throws as an InputError, or "(no error)".
template <class Call>
std::string input_error_of(Call&& call) {
  try {
    call();
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace costproof::test_files
