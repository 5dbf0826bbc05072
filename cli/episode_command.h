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
#include "claims/episode_pipeline.h"
#include "pricing/price_catalog.h"
#include "scenarios/scenario.h"

namespace costproof::cli {

// Reads <folder>/episode.json, <folder>/claims.json, every other *.json as a
// scenario, and the outline named by episode.json; calculates the scenarios and
// checks the claims. Throws InputError, FileError, PriceNotFound, ...
std::unique_ptr<LoadedEpisode> load_episode(const std::filesystem::path& folder, const PriceCatalog& catalog,
                                            const Date& today, long max_price_age_days);

int cmd_episode(const std::vector<std::string>& args);

}  // namespace costproof::cli
