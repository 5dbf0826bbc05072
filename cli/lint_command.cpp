#include "lint_command.h"

#include "exit_codes.h"

#include <iostream>
#include <map>

#include <boost/program_options.hpp>

#include "episode_command.h"
#include "files.h"
#include "claims/outline_lint.h"

namespace po = boost::program_options;

namespace costproof::cli {

int cmd_lint(const std::vector<std::string>& args) {
  po::options_description o("Options");
  o.add_options()("help,h", "show this help")("episode", po::value<std::string>(),
                                              "the episode folder whose claims.json covers the outline (required)")(
      "strict", "exit with code 8 while any number is unchecked or any claim is contradicted");
  add_report_format_option(o, "output format: md or json");
  add_pricing_data_option(o);
  o.add_options()("out,o", po::value<std::string>(), "write the report to this file (atomically) instead of stdout");
  add_staleness_options(o);
  const po::variables_map vm = parse_command_line(args, o, "outline");
  if (vm.count("help")) {
    std::cout << "Usage: costproof lint <outline.md> --episode <folder> [--strict] [options]\n\n"
                 "Finds every number in the outline (percentages, dollar amounts, multipliers, counts,\n"
                 "durations, dates) and reports which claim of <folder>/claims.json covers it, which are\n"
                 "ignored with a reason, and which are unchecked. Run it before publishing.\n\n"
              << o;
    return 0;
  }
  if (!vm.count("outline")) throw CommandLineError("lint needs an outline file, e.g. costproof lint outline.md --episode scenarios/ep050");
  const auto outlines = vm["outline"].as<std::vector<std::string>>();
  if (outlines.size() != 1) throw CommandLineError("lint takes one outline file, got " + std::to_string(outlines.size()));
  if (!vm.count("episode")) throw CommandLineError("lint needs --episode <folder> (the folder with claims.json)");
  const OutputFormat format = output_format_of(vm);
  const Staleness staleness = staleness_of(vm);

  const std::string outline_file = outlines[0];
  const std::string outline_text = read_text_file(outline_file);
  PriceCatalog catalog = load_pricing_data(vm["pricing-data"].as<std::string>());
  catalog.set_as_of(staleness.today);  // every lookup prices on --as-of (or today)
  const auto loaded = load_episode(vm["episode"].as<std::string>(), catalog, staleness.today,
                                    staleness.max_price_age_days);
  std::map<std::string, Verdict> verdicts;
  for (const auto& c : loaded->report.claims) verdicts[c.claim->id] = c.verdict;
  const LintReport report = lint_outline(outline_text, outline_file, loaded->inputs.claims, verdicts);
  const std::string text =
      format == OutputFormat::kJson ? render_lint_json(report).dump(2) + "\n" : render_lint_markdown(report);
  if (vm.count("out"))
    write_output_file(vm["out"].as<std::string>(), text);
  else
    std::cout << text << std::flush;
  const bool strict = vm.count("strict") > 0;
  if (strict && !report.strict_ok()) {
    std::cerr << "costproof: lint --strict: " << report.unchecked << " unchecked number(s), "
              << report.contradicted.size() << " contradicted claim(s)";
    if (!report.contradicted.empty()) {
      std::cerr << " (";
      for (std::size_t i = 0; i < report.contradicted.size(); ++i) std::cerr << (i ? ", " : "") << report.contradicted[i];
      std::cerr << ")";
    }
    std::cerr << "; fix the outline or the claims before publishing\n";
    return costproof::cli::kLintFindings;
  }
  return 0;
}

}  // namespace costproof::cli
