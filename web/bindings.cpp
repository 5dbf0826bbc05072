// WebAssembly entry points of the companion page (Embind). The page calls:
//   const engine = new Module.Engine();
//   engine.loadPricing(filesJson);          // "" or an error line; or, the page (JSON.parse is faster in JS):
//   for (const f of JSON.parse(filesJson)) engine.addPricingFile(f.path, f.label, f.text);
//   // or, with the text as UTF-8 bytes (what the page does, see add_pricing_file_bytes below):
//   engine.addPricingFileBytes(f.path, f.label, new TextEncoder().encode(f.text));
//   engine.buildCatalog();                  // "" or an error line
//   engine.setFormOptions(formOptionsJson);  // once: "" or an error line
//   JSON.parse(engine.formScenario(form.dataset.kind, fieldsJson));  // {ok, scenario}
//   JSON.parse(engine.run(scenarioText, "2026-11-27"));
//   JSON.parse(engine.runNumbers(scenarioText, "2026-11-27"));  // the same without the chart
//   engine.chart(scenarioText, "2026-11-27");                   // the chart's SVG, or ""
// Everything is computed by web/engine.cpp over the calc library.
#include <emscripten/bind.h>

#include "engine.h"

namespace {

// A pricing file whose text comes as UTF-8 bytes (a Uint8Array, e.g. from TextEncoder): copied into
// WebAssembly memory by one native TypedArray.set. A JavaScript string argument is measured and
// converted to UTF-8 by Embind's JavaScript one character at a time (~10-20 ms for the 0.57 MB of
// episode 050's tables at page load, docs/benchmarks.md "Page ready, third pass").
void add_pricing_file_bytes(costproof::web::Engine& engine, const std::string& path, const std::string& label,
                            const emscripten::val& bytes) {
  std::string text(bytes["length"].as<std::size_t>(), '\0');
  // No allocation between making the view and filling it: the memory cannot grow (and move) meanwhile.
  emscripten::val(emscripten::typed_memory_view(text.size(), reinterpret_cast<unsigned char*>(text.data())))
      .call<void>("set", bytes);
  engine.add_pricing_file(path, label, text);
}

}  // namespace

EMSCRIPTEN_BINDINGS(costproof_engine) {
  emscripten::class_<costproof::web::Engine>("Engine")
      .constructor<>()
      .function("loadPricing", &costproof::web::Engine::load_pricing)
      .function("addPricingFile", &costproof::web::Engine::add_pricing_file)
      .function("addPricingFileBytes", &add_pricing_file_bytes)
      .function("buildCatalog", &costproof::web::Engine::build_catalog)
      .function("run", &costproof::web::Engine::run)
      .function("runNumbers", &costproof::web::Engine::run_numbers)
      .function("chart", &costproof::web::Engine::chart)
      .function("setFormOptions", &costproof::web::Engine::set_form_options)
      .function("formScenario", &costproof::web::Engine::form_scenario);
  emscripten::constant("version", std::string(COSTPROOF_VERSION));
}
