#include "scenarios/rendered_scenario.h"

#include "core/error.h"

namespace costproof {

namespace {

// Runs `step` of scenario `file`; an overflow deep in the arithmetic names no file, so it gets
// the file here, whichever step (calculation, Markdown, JSON, chart) it came from.
template <class F>
auto naming_the_file(const std::string& file, F&& step) {
  try {
    return step();
  } catch (const OverflowError& e) {
    throw OverflowError(file + ": " + e.what());
  }
}

}  // namespace

RenderedScenario render_scenario(const Scenario& scenario, const PriceCatalog& catalog, const Date& today,
                                 long max_price_age_days) {
  return ScenarioKinds::visit(scenario, [&]<class Kind>(const typename Kind::Scenario& s) {
    const std::string& file = s.header.file;
    const auto result = std::make_shared<const typename Kind::Result>(
        naming_the_file(file, [&] { return Kind::calculate(s, catalog, today, max_price_age_days); }));
    RenderedScenario r;
    r.id = s.header.id;
    r.kind = s.header.kind;
    r.title = s.header.title;
    r.audience = s.header.audience;
    r.file = file;
    r.markdown = naming_the_file(file, [&] { return Kind::markdown(*result); });
    r.json = naming_the_file(file, [&] { return Kind::json(*result); });
    r.sources = {result->notes.sources().begin(), result->notes.sources().end()};
    r.warnings = result->warnings;
    r.chart = [&s, &catalog, today, result] {
      return naming_the_file(s.header.file, [&] { return Kind::chart(s, *result, catalog, today); });
    };
    return r;
  });
}

}  // namespace costproof
