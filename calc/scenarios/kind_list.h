// The scenario-kind registry's machinery: a compile-time list of kind
// descriptors from which the Scenario variant, the list of kind ids in error
// messages, parsing by "kind" and every dispatch are derived.
//
// A kind descriptor (calc/scenarios/<kind>/kind.h, docs/adding-a-scenario-kind.md) is a struct:
//
//   struct Ipv6EgressKind {
//     static constexpr std::string_view id = "ipv6-egress";   // the scenario file's "kind"
//     using Scenario = Ipv6EgressScenario;                       // parsed scenario
//     using Result = Ipv6EgressResult;                           // calculated result
//     static Scenario parse(JsonReader&, ScenarioHeader, const ReadRelativeFile&);
//     static Result calculate(const Scenario&, const PriceCatalog&, const Date& today, long max_price_age_days);
//     static std::string markdown(const Result&);               // its show-notes section
//     static nlohmann::ordered_json json(const Result&);        // its `run --format json` object
//     // The companion page's chart, from the result calculate() gave for this scenario (no second
//     // calculation of the scenario itself; a curve may price other points with the catalog).
//     static std::optional<LineChart> chart(const Scenario&, const Result&, const PriceCatalog&, const Date& today);
//     static constexpr std::string_view docs = "docs/scenario-ipv6-egress.md";  // where its fields are described
//     // The companion page's form: templates/form.html, and (scenarios/companion_form.h)
//     static nlohmann::ordered_json companion_form_options(const CompanionFormInput&);   // options, defaults
//     static nlohmann::ordered_json companion_scenario(const CompanionFormFields&);       // fields -> scenario
//   };
// Its Result holds `SourceNotes notes` and `std::vector<std::string> warnings` (render_scenario reads both).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "core/json_reader.h"
#include "scenarios/scenario_header.h"

namespace costproof {

template <class... Kinds>
struct KindList {
  using Variant = std::variant<typename Kinds::Scenario...>;
  static constexpr std::size_t size = sizeof...(Kinds);

  // {"compute-migration", "ipv6-egress", ...}, in registry order.
  static std::vector<std::string> ids() { return {std::string(Kinds::id)...}; }

  // Parses the body of a scenario whose header says `header.kind` (one of ids()).
  static Variant parse(JsonReader& reader, ScenarioHeader header, const ReadRelativeFile& read_file) {
    std::optional<Variant> out;
    const std::string kind = header.kind;
    ((kind == Kinds::id && !out ? (out.emplace(Kinds::parse(reader, std::move(header), read_file)), 0) : 0), ...);
    return std::move(*out);  // header.kind was checked against ids()
  }

  // Calls f.template operator()<Kind>(scenario) with the descriptor of the scenario's kind.
  template <class F>
  static decltype(auto) visit(const Variant& scenario, F&& f) {
    return std::visit(
        [&](const auto& s) -> decltype(auto) {
          using S = std::decay_t<decltype(s)>;
          return f.template operator()<KindOf<S>>(s);
        },
        scenario);
  }

  // Calls f.template operator()<Kind>() once per kind, in registry order.
  template <class F>
  static void for_each(F&& f) {
    (f.template operator()<Kinds>(), ...);
  }

 private:
  template <class S, class K, class... Rest>
  static auto find_kind() {
    if constexpr (std::is_same_v<S, typename K::Scenario>)
      return std::type_identity<K>{};
    else
      return find_kind<S, Rest...>();
  }

 public:
  // The descriptor whose Scenario is S.
  template <class S>
  using KindOf = typename decltype(find_kind<S, Kinds...>())::type;
};

}  // namespace costproof
