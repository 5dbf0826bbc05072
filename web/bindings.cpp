// WebAssembly entry points of the companion page (Embind). The page calls:
//   const engine = new Module.Engine();
//   engine.loadPricing(filesJson);          // "" or an error line; or, the page (JSON.parse is faster in JS):
//   for (const f of JSON.parse(filesJson)) engine.addPricingFile(f.path, f.label, f.text);
//   engine.buildCatalog();                  // "" or an error line
//   engine.setFormOptions(formOptionsJson);  // once: "" or an error line
//   JSON.parse(engine.formScenario(form.dataset.kind, fieldsJson));  // {ok, scenario}
//   JSON.parse(engine.run(scenarioText, "2026-11-27"));
//   JSON.parse(engine.runNumbers(scenarioText, "2026-11-27"));  // the same without the chart
//   engine.chart(scenarioText, "2026-11-27");                   // the chart's SVG, or ""
// Everything is computed by web/engine.cpp over the calc library.
#include <emscripten/bind.h>

#include "engine.h"

EMSCRIPTEN_BINDINGS(costproof_engine) {
  emscripten::class_<costproof::web::Engine>("Engine")
      .constructor<>()
      .function("loadPricing", &costproof::web::Engine::load_pricing)
      .function("addPricingFile", &costproof::web::Engine::add_pricing_file)
      .function("buildCatalog", &costproof::web::Engine::build_catalog)
      .function("run", &costproof::web::Engine::run)
      .function("runNumbers", &costproof::web::Engine::run_numbers)
      .function("chart", &costproof::web::Engine::chart)
      .function("setFormOptions", &costproof::web::Engine::set_form_options)
      .function("formScenario", &costproof::web::Engine::form_scenario);
  emscripten::constant("version", std::string(COSTPROOF_VERSION));
}
