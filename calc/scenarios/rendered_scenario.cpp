#include "scenarios/rendered_scenario.h"

#include "core/error.h"

namespace costproof {

RenderedScenario render_scenario(const Scenario& scenario, const PriceCatalog& catalog, const Date& today,
                                 long max_price_age_days) {
  return ScenarioKinds::visit(scenario, [&]<class Kind>(const typename Kind::Scenario& s) {
    // An overflow deep in the arithmetic names no file: say which scenario it came from.
    const auto result = std::make_shared<const typename Kind::Result>([&] {
      try {
        return Kind::calculate(s, catalog, today, max_price_age_days);
      } catch (const OverflowError& e) {
        throw OverflowError(s.header.file + ": " + e.what() +
                            "; the quantities in this scenario multiplied by their prices are too large: check the "
                            "largest counts, hours and quantities");
      }
    }());
    RenderedScenario r;
    r.id = s.header.id;
    r.kind = s.header.kind;
    r.title = s.header.title;
    r.audience = s.header.audience;
    r.file = s.header.file;
    r.markdown = Kind::markdown(*result);
    r.json = Kind::json(*result);
    r.sources = {result->notes.sources().begin(), result->notes.sources().end()};
    r.warnings = result->warnings;
    r.chart = [&s, &catalog, today, result] { return Kind::chart(s, *result, catalog, today); };
    return r;
  });
}

}  // namespace costproof
