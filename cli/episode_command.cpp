#include "episode_command.h"

#include <iostream>

#include <boost/program_options.hpp>

#include "core/error.h"
#include "files.h"
#include "core/json_reader.h"
#include "scenarios/scenario.h"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace costproof::cli {

std::unique_ptr<LoadedEpisode> load_episode(const fs::path& folder, const PriceCatalog& catalog, const Date& today,
                                            long max_price_age_days) {
  std::error_code ec;
  const fs::file_status status = fs::status(folder, ec);
  if (ec && ec != std::errc::no_such_file_or_directory)  // a link loop, a permission
    throw FileError(folder.string() + ": cannot read (" + ec.message() + "); expected an episode folder");
  if (!fs::is_directory(status))
    throw FileError(folder.string() + ": not an episode folder (no such directory); an episode folder holds "
                                      "episode.json, claims.json and the scenario files");
  auto loaded = std::make_unique<LoadedEpisode>();
  EpisodeInputs& in = loaded->inputs;
  const std::string episode_file = (folder / "episode.json").string();
  in.episode = parse_episode_file(parse_json_text(read_text_file(episode_file), episode_file, JsonOrigin::kUserInput),
                                  episode_file);
  const std::string claims_file = (folder / "claims.json").string();
  in.claims = parse_claims_file(parse_json_text(read_text_file(claims_file), claims_file, JsonOrigin::kUserInput),
                                claims_file);
  if (!in.episode.outline_file.empty()) {
    in.episode.outline_file = (folder / in.episode.outline_file).string();
    in.outline_text = read_text_file(in.episode.outline_file);
  }
  // Parse every scenario first, so that a bad file fails before any calculation.
  for (const auto& f : scenario_files_in(folder)) {
    loaded->scenario_files.push_back(f.string());
    loaded->scenarios.push_back(load_scenario_file(f));
  }
  calculate_episode(*loaded, catalog, today, max_price_age_days);
  return loaded;
}

int cmd_episode(const std::vector<std::string>& args) {
  po::options_description o("Options");
  o.add_options()("help,h", "show this help")("format", po::value<std::string>()->default_value("md"),
                                              "output format: md (show notes), json or csv (one row per claim and "
                                              "per worked-example figure)")(
      "detail", po::value<std::string>()->default_value("short"),
      "how much of the Markdown show notes: short (what a producer pastes: what this means, key figures, "
      "claims, sources) or full (also every worked example and how each claim was checked); json and csv "
      "are always complete");
  add_pricing_data_option(o);
  o.add_options()("out,o", po::value<std::string>(), "write the output to this file (atomically) instead of stdout");
  add_staleness_options(o);
  const po::variables_map vm = parse_command_line(args, o, "folder");
  if (vm.count("help")) {
    std::cout << "Usage: costproof episode <folder> [options]\n\n"
                 "Writes the show notes of an episode folder (episode.json, claims.json, scenario files):\n"
                 "what the worked examples mean per team, the key figures, every claim of the outline\n"
                 "with a verdict, why and a suggested wording, one \"Prices as of\" line and the numbered\n"
                 "sources. --detail full adds the worked examples, how each claim was checked and the\n"
                 "assumptions. Stale prices are warned about on stderr, one line per source.\n"
                 "Format of the folder: docs/claims.md.\n\n"
              << o;
    return 0;
  }
  if (!vm.count("folder")) throw CommandLineError("episode needs an episode folder, e.g. costproof episode scenarios/ep050");
  const auto folders = vm["folder"].as<std::vector<std::string>>();
  if (folders.size() != 1) throw CommandLineError("episode takes one episode folder, got " + std::to_string(folders.size()));
  const std::string format = vm["format"].as<std::string>();
  if (format != "md" && format != "json" && format != "csv")
    throw CommandLineError("--format must be md, json or csv, got \"" + format + "\"");
  const std::string detail_text = vm["detail"].as<std::string>();
  const auto detail = parse_episode_detail(detail_text);
  if (!detail)
    throw CommandLineError("--detail must be short (the show notes a producer pastes) or full (with the worked "
                           "examples and how each claim was checked), got \"" + detail_text + "\"");
  const Staleness staleness = staleness_of(vm);
  PriceCatalog catalog = load_pricing_data(vm["pricing-data"].as<std::string>());
  catalog.set_as_of(staleness.today);  // every lookup prices on --as-of (or today)
  const auto loaded = load_episode(folders[0], catalog, staleness.today, staleness.max_price_age_days);
  const EpisodeReport& report = loaded->report;
  const std::string text = episode_document(report, format, *detail);
  for (const auto& w : report.warnings) std::cerr << "costproof: warning: " << w << "\n";
  if (vm.count("out"))
    write_output_file(vm["out"].as<std::string>(), text);
  else
    std::cout << text << std::flush;
  return 0;
}

}  // namespace costproof::cli
