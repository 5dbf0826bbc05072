// costproof: the command-line program. Parses options, calls calc/, renders,
// and maps every error to an exit code in one place (run_guarded below).
#include <iostream>
#include <set>

#include <boost/program_options.hpp>

#include "command_options.h"
#include "commands.h"
#include "companion_command.h"
#include "episode_command.h"
#include "core/error.h"
#include "exit_codes.h"
#include "files.h"
#include "lint_command.h"
#include "pricing_import.h"
#include "pricing_update.h"
#include "pricing_verify.h"

namespace po = boost::program_options;
using namespace costproof;
using namespace costproof::cli;

namespace {

constexpr const char* kVersion = COSTPROOF_VERSION;

const char* kTopHelp =
    "costproof " COSTPROOF_VERSION " - turns the cost claims of a podcast episode into numbers you can check\n"
    "\n"
    "Usage:\n"
    "  costproof run <scenario.json | folder>... [options]   render worked examples\n"
    "  costproof episode <folder> [--format md|json|csv]     show notes to paste; --detail full adds the worked examples\n"
    "  costproof lint <outline.md> --episode <folder>        every number of an outline and the claim covering it\n"
    "  costproof companion <folder> --out <dir>              listener download: offline page, charts, calculator\n"
    "  costproof pricing show <key> [--region R]             every price row for a key\n"
    "  costproof pricing list [filters]                      list price rows\n"
    "  costproof --version | --help\n"
    "  costproof <command> --help                            options of one command\n"
    "\n"
    "Exit codes: 0 ok, 2 usage, 3 bad input file, 4 price not found, 5 bad price table,\n"
    "6 file error, 7 number too large, 1 internal error (docs/errors.md).\n";

using UsageError = CommandLineError;

po::options_description common_options() {
  po::options_description o("Common options");
  o.add_options()("help,h", "show this help");
  add_report_format_option(o, "output format: md (show notes) or json");
  add_pricing_data_option(o);
  o.add_options()("out,o", po::value<std::string>(), "write the output to this file (atomically) instead of stdout");
  return o;
}

void emit(const po::variables_map& vm, const std::string& text) {
  if (vm.count("out"))
    write_output_file(vm["out"].as<std::string>(), text);
  else
    std::cout << text << std::flush;
}

int cmd_run(const std::vector<std::string>& args) {
  po::options_description o = common_options();
  add_staleness_options(o);
  const auto vm = parse_command_line(args, o, "scenario");
  if (vm.count("help")) {
    std::cout << "Usage: costproof run <scenario.json | folder>... [options]\n\n"
                 "Renders the worked example of each scenario (a folder means its *.json files).\n\n"
              << o;
    return kOk;
  }
  if (!vm.count("scenario")) throw UsageError("run needs at least one scenario file or folder");
  RunOptions options;
  options.format = output_format_of(vm);
  const Staleness staleness = staleness_of(vm);
  options.today = staleness.today;
  options.max_price_age_days = staleness.max_price_age_days;
  PriceCatalog catalog = load_pricing_data(vm["pricing-data"].as<std::string>());
  catalog.set_as_of(staleness.today);  // every lookup prices on --as-of (or today): rows with a history
  const auto scenarios = expand_scenario_args(vm["scenario"].as<std::vector<std::string>>());
  if (vm.count("out")) check_output_target(vm["out"].as<std::string>());  // before the work (checked again at the write)
  const RunOutput output = run_scenarios(scenarios, catalog, options);
  for (const auto& w : output.warnings) std::cerr << "costproof: warning: " << w << "\n";
  emit(vm, output.text);
  return kOk;
}

int cmd_pricing(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << "Usage:\n  costproof pricing show <key> [--region R] [--format md|json]\n"
                 "  costproof pricing list [--region R] [--service S] [--prefix P] [--arch arm64|amd64] "
                 "[--trust A|B|C] [--format md|json]\n"
                 "  costproof pricing import <file>... [--region R]... [--dry-run] [--full-scan] [--format md|json]\n"
                 "  costproof pricing verify [--format md|json]\n"
                 "  costproof pricing update [--service S]... [--region R]... [--dry-run] [--format md|json]\n";
    return args.empty() ? kUsageError : kOk;
  }
  const std::string sub = args[0];
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (sub == "import") return cmd_pricing_import(rest, COSTPROOF_DEFAULT_PRICING_DATA);
  if (sub == "verify") return cmd_pricing_verify(rest, COSTPROOF_DEFAULT_PRICING_DATA);
  if (sub == "update") return cmd_pricing_update(rest, COSTPROOF_DEFAULT_PRICING_DATA);
  po::options_description o = common_options();
  o.add_options()("region", po::value<std::string>(), "only this region (e.g. us-east-1)");
  add_as_of_option(o);
  po::options_description hidden;
  po::positional_options_description pos;
  if (sub == "show") {
    hidden.add_options()("key", po::value<std::string>(), "key");
    pos.add("key", 1);
  } else if (sub == "list") {
    o.add_options()("service", po::value<std::string>(), "only this service (ec2, vpc, rds, ...)")(
        "prefix", po::value<std::string>(), "only keys starting with this text (e.g. m8g.)")(
        "arch", po::value<std::string>(), "only EC2 instance types of this architecture (arm64 or amd64)")(
        "trust", po::value<std::string>(),
        "only rows graded A (AWS machine-published price data), B (AWS-written text) or C (third party)");
  } else {
    throw UsageError("unknown pricing command \"" + sub + "\"; use show, list, import, update or verify");
  }
  const auto vm = parse_command_line(rest, o, pos, hidden);
  if (vm.count("help")) {
    std::cout << "Usage: costproof pricing " << sub << (sub == "show" ? " <key>" : "") << " [options]\n\n" << o;
    return kOk;
  }
  PriceCatalog catalog = load_pricing_data(vm["pricing-data"].as<std::string>());
  if (vm.count("as-of")) catalog.set_as_of(as_of_or_today(vm));
  PricingQuery q;
  q.format = output_format_of(vm);
  if (vm.count("region")) q.region = vm["region"].as<std::string>();
  if (sub == "show") {
    if (!vm.count("key")) throw UsageError("pricing show needs a key, e.g. costproof pricing show m7i.xlarge");
    q.exact_key = vm["key"].as<std::string>();
  } else {
    if (vm.count("service")) q.service = vm["service"].as<std::string>();
    if (vm.count("prefix")) q.prefix = vm["prefix"].as<std::string>();
    if (vm.count("arch")) {
      q.arch = vm["arch"].as<std::string>();
      if (q.arch != "arm64" && q.arch != "amd64") throw UsageError("--arch must be arm64 or amd64");
    }
    if (vm.count("trust")) {
      const std::string t = vm["trust"].as<std::string>();
      if (t != "A" && t != "B" && t != "C") throw UsageError("--trust must be A, B or C, got \"" + t + "\"");
      q.trust = t[0];
    }
  }
  emit(vm, render_pricing_query(catalog, q));
  return kOk;
}

int dispatch(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::cerr << kTopHelp;
    return kUsageError;
  }
  const std::string command = args[0];
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kTopHelp;
    return kOk;
  }
  if (command == "--version") {
    std::cout << "costproof " << kVersion << "\n";
    return kOk;
  }
  if (command == "run") return cmd_run(rest);
  if (command == "episode") return cmd_episode(rest);
  if (command == "lint") return cmd_lint(rest);
  if (command == "companion") return cmd_companion(rest);
  if (command == "pricing") return cmd_pricing(rest);
  throw UsageError("unknown command \"" + command + "\"; see costproof --help");
}

// The one place where errors become messages and exit codes.
int run_guarded(int argc, char** argv) {
  try {
    return dispatch(argc, argv);
  } catch (const UsageError& e) {
    std::cerr << "costproof: usage error: " << e.what() << "\n(see costproof --help)\n";
    return kUsageError;

  } catch (const PricingDataError& e) {
    std::cerr << error_report_line(e) << "\n";
    return kPricingDataError;
  } catch (const InputError& e) {
    std::cerr << error_report_line(e) << "\n";
    return kInputError;
  } catch (const PriceNotFound& e) {
    std::cerr << error_report_line(e) << "\n";
    return kPriceNotFound;
  } catch (const FileError& e) {
    std::cerr << "costproof: file error: " << e.what() << "\n";
    return kFileError;
  } catch (const OverflowError& e) {
    std::cerr << error_report_line(e) << "\n";
    return kOverflow;
  } catch (const std::filesystem::filesystem_error& e) {  // a folder that cannot be listed, a link loop, ...
    std::cerr << "costproof: file error: " << e.path1().string() << ": " << e.code().message() << "\n";
    return kFileError;
  } catch (const std::exception& e) {
    std::cerr << "costproof: internal error: " << e.what() << "\n(this is a bug; please report it with the command line)\n";
    return kInternalError;
  }
}

}  // namespace

int main(int argc, char** argv) { return run_guarded(argc, argv); }
