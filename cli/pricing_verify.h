// `costproof pricing verify`: checks the price tables themselves.
//
// Every file under <pricing-data>/aws is loaded on its own (so one bad file
// does not hide the others) and checked for:
//   schema      the loader's rules (docs/pricing-tables.md): fields, decimal
//               strings, sources, tiers, duplicate keys, folder and file name
//   sourced     every row cites a source with an as-of date not in the future
//   no zero     a price of "0" only where the source states it: an imported
//               row (the offer file prints 0) or a row whose note says why
//   provenance  an imported row (one with "sku") has its rate code, and its
//               source names the offer code, version and publication date
//   trust       the grades (docs/pricing-tables.md, "Trust grades"): A only for
//               AWS machine-published price data (offer code + version or
//               publication date on the source, SKU and rate code on every
//               price row); B only for an AWS site or repository; a B or C
//               source states why no AWS machine data backs it
//               ("no_machine_data")
// Unused sources are reported as warnings.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/date.h"
#include "pricing/pricing_report.h"

namespace costproof::cli {

struct VerifyResult {
  std::size_t files = 0, tables = 0, rows = 0, sources = 0, imported_rows = 0;
  std::size_t grade_a = 0, grade_b = 0, grade_c = 0;  // rows by their source's grade
  std::vector<std::string> problems;  // "<file>: <pointer>: <message>", by check
  std::vector<std::string> warnings;
  // Problems per check, in the order above.
  std::size_t schema = 0, sourced = 0, zero = 0, provenance = 0, trust = 0;
};

VerifyResult verify_pricing_data(const std::filesystem::path& root, const Date& today);
std::string render_verify(const VerifyResult& result, const std::string& root_label, OutputFormat format);

// The subcommand: parses `args` (after "pricing verify"), prints the report;
// exit 0 when every check passes, 5 (price table error) otherwise.
int cmd_pricing_verify(const std::vector<std::string>& args, const std::string& default_pricing_data);

}  // namespace costproof::cli
