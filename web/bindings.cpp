// WebAssembly entry points of the companion page (Embind). The page calls:
//   const engine = new Module.Engine();
//   engine.loadPricing(filesJson);          // "" or an error line
//   JSON.parse(engine.formScenario(form.dataset.kind, fieldsJson, formOptionsJson));  // {ok, scenario}
//   JSON.parse(engine.run(scenarioText, "2026-11-27"));
// Everything is computed by web/engine.cpp over the calc library.
#include <emscripten/bind.h>

#include "engine.h"

EMSCRIPTEN_BINDINGS(costproof_engine) {
  emscripten::class_<costproof::web::Engine>("Engine")
      .constructor<>()
      .function("loadPricing", &costproof::web::Engine::load_pricing)
      .function("run", &costproof::web::Engine::run)
      .function("formScenario", &costproof::web::Engine::form_scenario);
  emscripten::constant("version", std::string(COSTPROOF_VERSION));
}
