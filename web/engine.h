// The calculation behind the companion page's "plug in your numbers" form:
// the calc library with a string-in, string-out interface, so that it can be
// compiled to WebAssembly (web/bindings.cpp) and also tested natively against
// the costproof program (tests/unit/web_engine_test.cpp).
//
// Example:
//   Engine engine;
//   engine.load_pricing(R"([{"path": "aws/us-east-1/ec2.json", "label": "...", "text": "{...}"}, ...])");
//   std::string out = engine.run(R"({"schema_version": 1, "kind": ..., ...})", "2026-11-27");
//   // out == {"ok": true, "json": "<what costproof run --format json prints>",
//   //         "markdown": "<what costproof run prints>", "warnings": ["..."],
//   //         "summary": "<the scenario's \"What this means for you\" paragraph, Markdown>",
//   //         "chart_svg": "<svg ...>: the kind's companion chart for these numbers, or \"\">"}
//   // or      {"ok": false, "message": "costproof: error: your-numbers.json: /fleet/0/count: ...",
//   //          "pointer": "/fleet/0/count", "plain": "Expected ...: the message alone, shown next to the field"}
//   engine.set_form_options(options_json);   // once: the page's form options ({"episode", "forms": {kind: ...}})
//   engine.form_scenario(form.dataset.kind, R"({"region": "us-east-1", "count": "40", ...})");
//   // {"ok": true, "scenario": {"schema_version": 1, "kind": ..., "fleet": [{..., "count": 40, ...}]}}
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pricing/price_catalog.h"
#include "render/svg_chart.h"
#include "scenarios/scenario.h"

namespace costproof::web {

// What messages call the form's scenario (the CLI names the scenario file).
inline constexpr const char* kFormScenarioLabel = "your-numbers.json";

class Engine {
 public:
  // `files_json`: a JSON array of {"path", "label", "text"} (PricingFile) objects.
  // Returns "" or the error line (same text as the program's stderr).
  std::string load_pricing(const std::string& files_json);
  // The same, one file at a time: the page parses its embedded array with the browser's own
  // JSON.parse (several times faster than in WebAssembly), adds each file, then builds the catalog
  // (tables are parsed on first use). Returns "" or the error line.
  void add_pricing_file(const std::string& path, const std::string& label, const std::string& text);
  std::string build_catalog();
  // Parses, calculates and renders one scenario (JSON text); `as_of` is the
  // date price staleness is judged against (YYYY-MM-DD). Returns the JSON
  // described above; never throws.
  std::string run(const std::string& scenario_text, const std::string& as_of) const;
  // run() without the chart ("chart_svg": ""), and the chart alone (its SVG, or "" when the kind
  // has none or the scenario fails): the page shows a keystroke's numbers at once and draws the
  // chart in the next task. The chart of the scenario text and date run_numbers() calculated last
  // is drawn from that result (no second calculation); any other is calculated first.
  std::string run_numbers(const std::string& scenario_text, const std::string& as_of) const;
  std::string chart(const std::string& scenario_text, const std::string& as_of) const;
  // The page's form options ({"episode", "forms": {kind: ...}}, what `costproof companion` embeds),
  // parsed once here instead of on every keystroke. Returns "" or an internal-error line.
  std::string set_form_options(const std::string& options_json);
  // The scenario a companion form's fields make, by the kind's companion_scenario()
  // (scenarios/companion_form.h), with the options of set_form_options(). `kind`: the form's
  // data-kind; `fields_json`: {field name: value}. Returns {"ok": true, "scenario": {...}} or
  // {"ok": false, "message": "..."}; never throws.
  std::string form_scenario(const std::string& kind, const std::string& fields_json) const;

 private:
  std::string evaluate(const std::string& scenario_text, const std::string& as_of, bool with_chart) const;

  // The last scenario calculated and its report's chart drawer (which refers to the scenario).
  struct LastRun {
    std::string text, as_of;
    std::vector<Scenario> scenarios;  // one; a vector because run_report() keeps references into it
    std::function<std::optional<LineChart>()> chart;
  };

  std::vector<PricingFile> files_;  // add_pricing_file(), until build_catalog()
  std::unique_ptr<PriceCatalog> catalog_;
  mutable LastRun last_;
  nlohmann::ordered_json options_;  // set_form_options(); null until then
};

}  // namespace costproof::web
