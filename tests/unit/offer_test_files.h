// Helpers shared by the offer import tests (offer_extract_test, offer_feed_test,
// pricing_import_test, pricing_update_test): where the hand-made fixtures and the
// recorded AWS samples are, a file read whole, and the message of the InputError
// a call throws, and a temporary copy of a pricing-data folder.
#pragma once

#include <stdlib.h>

#include <filesystem>
#include <map>
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

// A fresh copy of a pricing-data folder in a temporary directory.
class TempPricingData {
 public:
  explicit TempPricingData(const std::filesystem::path& from) {
    std::string tmpl = (std::filesystem::temp_directory_path() / "costproof-pricing-test-XXXXXX").string();
    dir_ = ::mkdtemp(tmpl.data());
    std::filesystem::copy(from, dir_ / "pricing-data", std::filesystem::copy_options::recursive);
  }
  ~TempPricingData() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  std::filesystem::path root() const { return dir_ / "pricing-data"; }
  std::filesystem::path dir() const { return dir_; }
  // Every file's bytes, by relative path.
  std::map<std::string, std::string> snapshot() const {
    std::map<std::string, std::string> out;
    for (const auto& e : std::filesystem::recursive_directory_iterator(root()))
      if (e.is_regular_file()) out[std::filesystem::relative(e.path(), root()).string()] = slurp(e.path());
    return out;
  }

 private:
  std::filesystem::path dir_;
};

}  // namespace costproof::test_files
