#include "scenarios/rendered_scenario.h"

namespace costproof {

RenderedScenario render_scenario(const Scenario& scenario, const PriceCatalog& catalog, const Date& today,
                                 long max_price_age_days) {
  return ScenarioKinds::visit(scenario, [&]<class Kind>(const typename Kind::Scenario& s) {
    const auto result = Kind::calculate(s, catalog, today, max_price_age_days);
    RenderedScenario r;
    r.id = s.header.id;
    r.kind = s.header.kind;
    r.title = s.header.title;
    r.audience = s.header.audience;
    r.file = s.header.file;
    r.markdown = Kind::markdown(result);
    r.json = Kind::json(result);
    r.sources = {result.notes.sources().begin(), result.notes.sources().end()};
    r.warnings = result.warnings;
    return r;
  });
}

}  // namespace costproof
