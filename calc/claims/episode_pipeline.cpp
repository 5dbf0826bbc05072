#include "claims/episode_pipeline.h"

#include "core/error.h"
#include "scenarios/rendered_scenario.h"

namespace costproof {

void calculate_episode(LoadedEpisode& episode, const PriceCatalog& catalog, const Date& today,
                       long max_price_age_days) {
  EpisodeInputs& in = episode.inputs;
  for (const auto& scenario : episode.scenarios)
    in.scenarios.push_back(render_scenario(scenario, catalog, today, max_price_age_days));
  // Two files with the same scenario id would make claims ambiguous.
  for (std::size_t i = 0; i < in.scenarios.size(); ++i)
    for (std::size_t j = i + 1; j < in.scenarios.size(); ++j)
      if (in.scenarios[i].id == in.scenarios[j].id)
        throw InputError(in.scenarios[j].file, "/id",
                         "scenario id \"" + in.scenarios[j].id + "\" is also used by " + in.scenarios[i].file +
                             "; ids must be unique within an episode folder");
  in.catalog = &catalog;
  in.checked_on = today;
  in.max_price_age_days = max_price_age_days;
  episode.report = build_episode_report(in);
}

std::string episode_document(const EpisodeReport& report, const std::string& format, EpisodeDetail detail) {
  if (format == "json") {
    nlohmann::ordered_json doc;
    doc["costproof_version"] = COSTPROOF_VERSION;
    const nlohmann::ordered_json body = render_episode_json(report);
    for (const auto& [k, v] : body.items()) doc[k] = v;
    return doc.dump(2) + "\n";
  }
  if (format == "csv") return render_episode_csv(report);
  return detail == EpisodeDetail::kShort ? render_episode_show_notes(report) : render_episode_markdown(report);
}

}  // namespace costproof
