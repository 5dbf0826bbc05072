// Exit codes of the costproof program (documented in docs/errors.md).
#pragma once

namespace costproof::cli {

enum ExitCode : int {
  kOk = 0,
  kInternalError = 1,     // a bug: please report it
  kUsageError = 2,        // bad command line
  kInputError = 3,        // a scenario (or other user file) is invalid
  kPriceNotFound = 4,     // a price the scenario needs is not in the tables
  kPricingDataError = 5,  // a table under pricing-data/ is invalid
  kFileError = 6,         // a file could not be read or written
  kOverflow = 7,          // a result too large for the exact money types
  kLintFindings = 8,      // lint --strict: an unchecked number or a contradicted claim
};

}  // namespace costproof::cli
