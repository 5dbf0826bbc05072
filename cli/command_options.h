// Options several commands share, declared once so that their names, defaults
// and help text read the same in every `costproof <command> --help`.
//
// Example:
//   po::options_description o("Options");
//   o.add_options()("help,h", "show this help");
//   add_pricing_data_option(o);
//   add_staleness_options(o);
//   const auto vm = parse_command_line(args, o, "scenario");
//   const Staleness s = staleness_of(vm);   // s.today, s.max_price_age_days
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "core/date.h"
#include "pricing/pricing_report.h"

namespace costproof::cli {

// A bad command line; run_guarded() in main.cpp reports it with the usage-error exit code.
class CommandLineError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// --pricing-data DIR (default: the repository's pricing-data folder).
void add_pricing_data_option(boost::program_options::options_description& options);

// --as-of YYYY-MM-DD: the date every price lookup prices on (and staleness is judged
// against); one definition and help text for every command that reads prices.
void add_as_of_option(boost::program_options::options_description& options);

// add_as_of_option() and --max-price-age-days N (default 180).
void add_staleness_options(boost::program_options::options_description& options);

// What staleness warnings are judged against.
struct Staleness {
  Date today;                     // --as-of, or today's date (UTC): the pricing date too
  long max_price_age_days = 180;  // --max-price-age-days
};
// Reads the options add_staleness_options() declared. Throws CommandLineError.
Staleness staleness_of(const boost::program_options::variables_map& vm);

// Today's date in UTC.
Date today_utc();

// --as-of YYYY-MM-DD when given (declared by the command), else today_utc(). Throws CommandLineError.
Date as_of_or_today(const boost::program_options::variables_map& vm);

// --format md|json (default md), with the command's own help text.
void add_report_format_option(boost::program_options::options_description& options, const std::string& help);
// Reads it. Throws CommandLineError for anything but md or json.
OutputFormat output_format_of(const boost::program_options::variables_map& vm);

// Parses `args` against `visible` plus one hidden positional option `positional`
// that takes every positional argument. Throws CommandLineError.
boost::program_options::variables_map parse_command_line(const std::vector<std::string>& args,
                                                         const boost::program_options::options_description& visible,
                                                         const std::string& positional);
// The same with the caller's own hidden options and positional layout (`pricing show <key>`).
boost::program_options::variables_map parse_command_line(
    const std::vector<std::string>& args, const boost::program_options::options_description& visible,
    const boost::program_options::positional_options_description& positional,
    const boost::program_options::options_description& hidden);

}  // namespace costproof::cli
