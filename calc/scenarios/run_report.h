// The document `costproof run` prints for a list of scenarios, built without
// any I/O so that the companion page (web/engine.cpp) prints exactly the same
// figures as the program for the same scenario.
//
// Example:
//   RunReport r = run_report({parse_scenario(json, "mine.json")}, catalog, {Date{2026, 11, 27}, 180});
//   render_run_json(r)      // {"costproof_version": "0.1.0", "checked_on": "2026-11-27", "results": [...]}
//   render_run_markdown(r)  // "# costproof worked examples\n\n..."
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "pricing/price_catalog.h"
#include "scenarios/rendered_scenario.h"
#include "scenarios/scenario.h"

namespace costproof {

struct RunSettings {
  Date today;                     // price staleness is judged against this date
  long max_price_age_days = 180;  // warn about prices older than this
};

struct RunReport {
  RunSettings settings;
  std::vector<RenderedScenario> scenarios;
  std::vector<std::string> warnings;  // "<scenario id>: <warning>", in scenario order
};

// Calculates every scenario against `catalog` (all of them before any output,
// so one bad scenario fails the whole run). Throws what calculate() throws.
RunReport run_report(const std::vector<Scenario>& scenarios, const PriceCatalog& catalog, const RunSettings& settings);

std::string render_run_json(const RunReport& report);      // 2-space indent, trailing newline
std::string render_run_markdown(const RunReport& report);

}  // namespace costproof
