// The episode pipeline, without I/O: an episode folder's files, already read
// and parsed by the caller, calculated, checked and rendered.
//
// Example (cli/episode_command.cpp reads the files):
//   LoadedEpisode e;
//   e.inputs.episode = parse_episode_file(episode_json, "scenarios/ep050/episode.json");
//   e.inputs.claims = parse_claims_file(claims_json, "scenarios/ep050/claims.json");
//   e.scenarios = {parse_scenario(...), ...};
//   calculate_episode(e, catalog, Date{2026, 11, 27}, 180);
//   episode_document(e.report, "md", EpisodeDetail::kShort)   // the short show notes
#pragma once

#include <string>
#include <vector>

#include "claims/episode.h"
#include "core/date.h"
#include "pricing/price_catalog.h"
#include "scenarios/scenario.h"

namespace costproof {

// An episode folder read, calculated and checked. Holds the inputs the report points into,
// so it is neither copied nor moved once calculated.
struct LoadedEpisode {
  EpisodeInputs inputs;
  EpisodeReport report;
  std::vector<std::string> scenario_files;  // the scenario files, by name
  std::vector<Scenario> scenarios;          // parsed, in the same order
  LoadedEpisode() = default;
  LoadedEpisode(const LoadedEpisode&) = delete;
  LoadedEpisode& operator=(const LoadedEpisode&) = delete;
};

// Calculates and renders every scenario (all before any claim is checked), refuses two
// scenarios with one id, then checks the claims: fills episode.inputs.scenarios and episode.report.
// Throws InputError, PriceNotFound, ...
void calculate_episode(LoadedEpisode& episode, const PriceCatalog& catalog, const Date& today,
                       long max_price_age_days);

// The whole `costproof episode` output in `format` ("md", "json" or "csv"). `detail` chooses
// the Markdown only: JSON and CSV always hold every claim, check and figure. The default
// (full) is for callers that embed the whole page (the companion); `costproof episode`
// passes its --detail, short by default.
std::string episode_document(const EpisodeReport& report, const std::string& format,
                             EpisodeDetail detail = EpisodeDetail::kFull);

}  // namespace costproof
