#include "command_options.h"

#include <chrono>

namespace costproof::cli {

namespace po = boost::program_options;

void add_pricing_data_option(po::options_description& options) {
  options.add_options()(
      "pricing-data", po::value<std::string>()->default_value(COSTPROOF_DEFAULT_PRICING_DATA, "<repo>/pricing-data"),
      "folder of price tables");
}

void add_as_of_option(po::options_description& options) {
  options.add_options()("as-of", po::value<std::string>(),
                        "price on this date (YYYY-MM-DD): each row's price in effect then, and staleness "
                        "judged against it; default: today (pricing show/list: the latest price)");
}

void add_staleness_options(po::options_description& options) {
  add_as_of_option(options);
  options.add_options()(
      "max-price-age-days", po::value<long>()->default_value(180),
      "warn when a price's as-of date is older than this many days");
}

Date today_utc() {
  const auto now = std::chrono::system_clock::now();
  const auto days = std::chrono::duration_cast<std::chrono::days>(now.time_since_epoch()).count();
  return Date::from_days_since_epoch(static_cast<long>(days));
}

Date as_of_or_today(const po::variables_map& vm) {
  if (!vm.count("as-of")) return today_utc();
  const std::string text = vm["as-of"].as<std::string>();
  const auto d = Date::parse(text);
  if (!d) throw CommandLineError("--as-of must be a date YYYY-MM-DD, got \"" + text + "\"");
  return *d;
}

void add_report_format_option(po::options_description& options, const std::string& help) {
  options.add_options()("format", po::value<std::string>()->default_value("md"), help.c_str());
}

OutputFormat output_format_of(const po::variables_map& vm) {
  const auto f = vm["format"].as<std::string>();
  if (f == "md") return OutputFormat::kMarkdown;
  if (f == "json") return OutputFormat::kJson;
  throw CommandLineError("--format must be md or json, got \"" + f + "\"");
}

Staleness staleness_of(const po::variables_map& vm) {
  Staleness out;
  out.today = as_of_or_today(vm);
  out.max_price_age_days = vm["max-price-age-days"].as<long>();
  if (out.max_price_age_days < 0) throw CommandLineError("--max-price-age-days must be 0 or more");
  return out;
}

po::variables_map parse_command_line(const std::vector<std::string>& args, const po::options_description& visible,
                                     const po::positional_options_description& positional,
                                     const po::options_description& hidden) {
  po::options_description all;
  all.add(visible).add(hidden);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw CommandLineError(e.what());
  }
  return vm;
}

po::variables_map parse_command_line(const std::vector<std::string>& args, const po::options_description& visible,
                                     const std::string& positional) {
  po::options_description hidden;
  hidden.add_options()(positional.c_str(), po::value<std::vector<std::string>>(), "positional arguments");
  po::positional_options_description pos;
  pos.add(positional.c_str(), -1);
  return parse_command_line(args, visible, pos, hidden);
}

}  // namespace costproof::cli
