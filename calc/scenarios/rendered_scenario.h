// One scenario of any kind, calculated and rendered: what `run`, `episode`
// and the companion page print for it.
//
// Example:
//   RenderedScenario r = render_scenario(parse_scenario(json, "mine.json"), catalog, {2026, 11, 27}, 180);
//   r.markdown  // "## Small team: 12 x m7i.xlarge to m8g.xlarge\n\n..."
//   r.json      // {"id": "graviton-small-team", ...}
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "pricing/price_catalog.h"
#include "pricing/price_table.h"
#include "render/svg_chart.h"
#include "scenarios/scenario.h"

namespace costproof {

struct RenderedScenario {
  std::string id, kind, title, audience, file;
  std::string markdown;                                     // the kind's show-notes section
  nlohmann::ordered_json json;                              // the kind's JSON object
  std::vector<std::shared_ptr<const PriceSource>> sources;  // result's own footnotes, in order ([1], [2], ...)
  std::vector<std::string> warnings;                        // "data from ... are 395 days old ..."
  // The kind's companion chart drawn from this same result (no second calculation); it refers to
  // the scenario and catalog it was rendered from, so call it only while both live (web/engine.cpp).
  std::function<std::optional<LineChart>()> chart;
};

// Calculates `scenario` against `catalog` with its kind's calculator and renders it.
// Price ages are judged against `today`. Throws what the kind's calculate() throws.
RenderedScenario render_scenario(const Scenario& scenario, const PriceCatalog& catalog, const Date& today,
                                 long max_price_age_days);

}  // namespace costproof
