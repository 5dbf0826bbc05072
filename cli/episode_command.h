// `costproof episode <folder>`: the show notes of one episode folder
// (episode.json, claims.json, scenario files), in Markdown, JSON or CSV.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "command_options.h"
#include "core/date.h"
#include "claims/episode.h"
#include "pricing/price_catalog.h"
#include "scenarios/scenario.h"

namespace costproof::cli {

// An episode folder read, calculated and checked. Holds the inputs the report points into.
struct LoadedEpisode {
  EpisodeInputs inputs;
  EpisodeReport report;
  std::vector<std::filesystem::path> scenario_paths;  // the scenario files, by name
  std::vector<Scenario> scenarios;                    // parsed, in the same order
};

// Reads <folder>/episode.json, <folder>/claims.json, every other *.json as a
// scenario, and the outline named by episode.json; calculates the scenarios and
// checks the claims. Throws InputError, FileError, PriceNotFound, ...
std::unique_ptr<LoadedEpisode> load_episode(const std::filesystem::path& folder, const PriceCatalog& catalog,
                                            const Date& today, long max_price_age_days);

// The whole `costproof episode` output in `format` ("md", "json" or "csv").
std::string episode_document(const EpisodeReport& report, const std::string& format);

int cmd_episode(const std::vector<std::string>& args);

}  // namespace costproof::cli
