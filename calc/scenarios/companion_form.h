// The companion page's "plug in your numbers" forms (docs/companion.md): each
// scenario kind brings its own form, so that nothing outside the kind's folder
// knows its fields. A kind descriptor (scenarios/kind_list.h) provides
//
//   - the form's HTML: the template calc/scenarios/<kind>/templates/form.html
//     (embedded as "<kind>/form.html", companion_form_html()); its <select
//     data-options="x"> are filled from the options' "x" ([{value, label}]), its
//     <datalist data-options-by-region="y"> from the options' "y"[region];
//   - static nlohmann::ordered_json companion_form_options(const CompanionFormInput&):
//     what the form offers and starts from, read off the price tables and the
//     episode's scenario files of the kind; "defaults" maps field names to values;
//   - static nlohmann::ordered_json companion_scenario(const CompanionFormFields&):
//     the submitted fields -> the scenario file the page runs (run by the page's
//     WebAssembly engine, web/engine.cpp).
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "pricing/price_catalog.h"

namespace costproof {

struct CompanionFormInput {
  const PriceCatalog& catalog;
  // The episode's scenario files of this kind, as written (already validated), in episode order.
  const std::vector<nlohmann::ordered_json>& scenarios;
};

// A submitted form: each field's value as the page holds it (name -> text),
// the options its kind gave the page, and the episode the page belongs to.
class CompanionFormFields {
 public:
  CompanionFormFields(nlohmann::ordered_json fields, nlohmann::ordered_json options, std::string episode);

  // The field's value as typed ("" when absent).
  std::string raw(std::string_view name) const;
  // The same without surrounding white space (as JavaScript's trim() removes it).
  std::string text(std::string_view name) const;
  // A number as text(), without the thousands separators a listener may type: "1,000" and
  // "2,500.5" become "1000" and "2500.5" (only commas between groups of three digits go;
  // anything else stays as typed, for the engine to report).
  std::string number(std::string_view name) const;
  // A whole number of 1 to 15 digits (thousands separators allowed, as number()) as a JSON
  // integer (scenario counts are integers); anything else as text, so that the engine reports
  // it with the program's message. An empty field counts as `empty`.
  nlohmann::ordered_json whole_or_text(std::string_view name, std::string_view empty = "") const;
  // What companion_form_options() gave the page for this form.
  const nlohmann::ordered_json& options() const { return options_; }
  // The header every form's scenario starts with: {"schema_version": 1, "kind", "id": "your-numbers",
  // "title", "episode", "audience": "team like yours", "description"} (the kinds' summaries read
  // "A team like yours running ...").
  nlohmann::ordered_json header(std::string_view kind, std::string_view title) const;

 private:
  nlohmann::ordered_json fields_, options_;
  std::string episode_;
};

// The embedded HTML of the form of the kind `kind_id`.
std::string companion_form_html(std::string_view kind_id);

// Helpers for companion_form_options():
// The row keys starting with `prefix` of every table of `services`, by region.
std::map<std::string, std::set<std::string>> price_keys_by_region(const PriceCatalog& catalog,
                                                                  const std::vector<std::string>& services,
                                                                  std::string_view prefix = "");
// Select options [{value, label}] of region names.
nlohmann::ordered_json region_options(const std::vector<std::string>& regions);
template <class Map>
std::vector<std::string> map_keys(const Map& m) {
  std::vector<std::string> out;
  for (const auto& [k, v] : m) out.push_back(k);
  return out;
}
// "1,000" -> "1000", "12,345.6" -> "12345.6"; text that is not digits grouped by commas in threes is returned as is.
std::string without_thousands_separators(const std::string& text);
// A scenario field as the text a form field holds: "25" for 25 and for "25"; `fallback`
// when `object` lacks `key`.
std::string form_text(const nlohmann::ordered_json& object, const char* key, const std::string& fallback = "");

}  // namespace costproof
