// Markdown (show notes) and JSON renderings of a cost comparison. The words are in
// templates/section.md and its partials; this file only formats values. Every printed
// equation holds for its printed operands: line items print exact values ("≈" only
// where a per-year amount divided by 12 does not terminate), totals are the exact sums.
#include <algorithm>
#include <sstream>

#include "core/format.h"
#include "core/rounded_column.h"
#include "core/rounding_policy.h"
#include "render/source_notes.h"
#include "render/text_template.h"
#include "scenarios/cost-comparison/cost_comparison.h"

namespace costproof {
namespace {

const Decimal kTwelve = Decimal::from_int(12);

std::string usd(const Money& m) { return format_usd_exact(m); }
std::string usd_r(const Money& m) { return format_usd_rounded(m); }
std::string cell(std::string s) {
  std::string out;
  for (char c : s) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}
// The footnote number calculate() gave `src` (every source used is cited there).
int note(const CostComparisonResult& r, const std::shared_ptr<const PriceSource>& src) {
  for (std::size_t i = 0; i < r.notes.sources().size(); ++i)
    if (r.notes.sources()[i] == src) return static_cast<int>(i + 1);
  return 0;
}
std::string cite(const CostComparisonResult& r, const std::shared_ptr<const PriceSource>& src) {
  return "[" + std::to_string(note(r, src)) + "]";
}
std::string signed_usd_r(const Money& m) {
  return m.usd().is_negative() ? "−" + usd_r(-m) : (m.usd().is_zero() ? "" : "+") + usd_r(m);
}
std::string signed_usd(const Money& m) { return m.usd().is_negative() ? "−" + usd(-m) : usd(m); }
std::string signed_percent(const Decimal& p) {
  return p.is_negative() ? "−" + format_percent(p.abs()) : (p.is_zero() ? "" : "+") + format_percent(p);
}

nlohmann::json line_data(const CostComparisonResult& r, const LineCost& l) {
  const auto& s = *r.scenario;
  const LineItem& it = *l.item;
  nlohmann::json j = {{"name", it.name},
                      {"per", period_word(it.per)},
                      {"per_hour", it.per == CostPeriod::kHour},
                      {"per_year", it.per == CostPeriod::kYear},
                      {"hours", format_number(s.hours_per_month)},
                      {"exact", l.monthly_exact},
                      {"monthly_usd", usd(l.monthly)}};
  if (!it.priced) {
    j["fixed"] = true;
    j["amount_usd"] = format_usd_exact(it.amount_usd);
    j["cite"] = cite(r, it.amount_source);
    return j;
  }
  j["unit"] = l.row->unit;
  j["quantity"] = format_number(l.quantity.value());
  j["monthly_quantity"] = format_number(l.monthly_quantity.value());
  j["key"] = it.key;
  if (it.schedule) {
    j["schedule"] = true;
    nlohmann::json parts = nlohmann::json::array();
    for (std::size_t i = 0; i < l.tiers.size(); ++i)
      parts.push_back({{"quantity", format_number(l.tiers[i].quantity.value())},
                       {"price", format_price(l.tiers[i].row->price)},
                       {"cite", cite(r, l.tiers[i].row->source)},
                       {"cost", usd(l.tiers[i].cost)},
                       {"last", i + 1 == l.tiers.size()}});
    if (parts.empty()) parts.push_back({{"quantity", "0"}, {"price", format_price(l.row->price)},
                                        {"cite", cite(r, l.row->source)}, {"cost", usd(Money())}, {"last", true}});
    j["parts"] = parts;
  } else {
    j["flat"] = true;
    j["price"] = format_price(l.row->price);
    j["price_unit"] = l.row->unit;
    j["cite"] = cite(r, l.row->source);
    if (it.tier > 0) j["tier"] = std::to_string(it.tier);
  }
  return j;
}

std::string sum_text(const std::vector<Money>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : " + ") + usd(p);
  return out;
}

std::string yearly_equation(const DesignCostTotal& d) {
  bool any_year = false;
  for (const auto& l : d.lines) any_year = any_year || l.item->per == CostPeriod::kYear;
  if (!any_year) return usd(d.monthly) + " × 12 = " + usd(d.yearly);
  std::vector<Money> parts;
  for (const auto& l : d.lines) parts.push_back(l.yearly);
  return sum_text(parts) + " = " + usd(d.yearly) + " (each line a year: per-hour and per-month lines × 12)";
}

std::string break_even_value(const BreakEven& b) { return format_number(b.value); }

}  // namespace

std::string render_markdown(const CostComparisonResult& r) {
  const auto& s = *r.scenario;
  const std::string base = s.designs[s.baseline].name;
  nlohmann::json data;
  data["scenario"] = {{"id", s.header.id}, {"title", s.header.title}, {"region", s.region}};
  data["hours_per_month"] = format_number(s.hours_per_month);
  data["prices_as_of"] = r.prices_as_of.to_string();
  if (r.prices_as_of_newest != r.prices_as_of) data["prices_as_of_newest"] = r.prices_as_of_newest.to_string();
  data["warnings"] = r.warnings;
  if (!s.header.description.empty()) data["description"] = s.header.description;
  if (s.variable)
    data["variable"] = {{"value", format_number(s.variable->value)}, {"unit", s.variable->unit}, {"what", s.variable->what}};
  data["cheapest"] = {{"name", s.designs[r.cheapest].name},
                      {"monthly_usd", usd_r(r.designs[r.cheapest].monthly)},
                      {"yearly_usd", usd_r(r.designs[r.cheapest].yearly)}};
  data["baseline"] = cell(base);
  nlohmann::json deltas = nlohmann::json::array();
  for (const auto& d : r.deltas) {
    const auto& t = r.designs[d.design];
    const auto& b = r.designs[s.baseline];
    nlohmann::json j = {{"name", s.designs[d.design].name},
                        {"base", base},
                        {"dearer", !d.monthly.usd().is_negative()},
                        {"monthly_abs_usd", usd_r(d.monthly.usd().is_negative() ? -d.monthly : d.monthly)},
                        {"yearly_abs_usd", usd_r(d.yearly.usd().is_negative() ? -d.yearly : d.yearly)},
                        {"monthly_exact_usd", usd(t.monthly)},
                        {"base_monthly_exact_usd", usd(b.monthly)},
                        {"monthly_delta_exact_usd", signed_usd(d.monthly)},
                        {"yearly_exact_usd", usd(t.yearly)},
                        {"base_yearly_exact_usd", usd(b.yearly)},
                        {"yearly_delta_exact_usd", signed_usd(d.yearly)}};
    j["design_index"] = d.design;
    if (d.percent_of_baseline) {
      j["percent"] = signed_percent(*d.percent_of_baseline);
      j["percent_abs"] = format_percent(d.percent_of_baseline->abs());
    }
    deltas.push_back(j);
  }
  nlohmann::json bes = nlohmann::json::array();
  for (const auto& b : r.break_evens) {
    nlohmann::json j = {{"name", s.designs[b.design].name}, {"base", base},
                        {"what", s.variable->what}, {"unit", s.variable->unit}, {"exact", b.exact}};
    if (b.equal_everywhere) j["equal"] = true;
    else if (b.exists) {
      j["exists"] = true;
      j["value"] = break_even_value(b);
      j["cheaper_above"] = b.cheaper_above;
      j["low"] = format_number(b.low);
      j["high"] = format_number(b.high);
      j["diff_low"] = signed_usd(Money(b.diff_low));
      j["diff_high"] = signed_usd(Money(b.diff_high));
    } else {
      j["never"] = true;
      j["cheaper"] = b.cheaper_at_zero;
    }
    bes.push_back(j);
    for (auto& delta : deltas)
      if (delta["design_index"] == b.design && b.exists) delta["break_even"] = j;
  }
  data["break_evens"] = bes;
  data["deltas"] = deltas;
  nlohmann::json designs = nlohmann::json::array();
  for (std::size_t i = 0; i < r.designs.size(); ++i) {
    const auto& d = r.designs[i];
    nlohmann::json j = {{"name", cell(s.designs[i].name)},
                        {"cheapest", i == r.cheapest},
                        {"monthly_usd", usd_r(d.monthly)},
                        {"yearly_usd", usd_r(d.yearly)},
                        {"monthly_exact_usd", usd(d.monthly)},
                        {"yearly_equation", yearly_equation(d)}};
    const CostDelta* delta = nullptr;
    for (const auto& x : r.deltas)
      if (x.design == i) delta = &x;
    j["delta_usd"] = delta ? signed_usd_r(delta->monthly) : "(baseline)";
    j["delta_percent"] = delta && delta->percent_of_baseline ? signed_percent(*delta->percent_of_baseline) : "–";
    nlohmann::json lines = nlohmann::json::array();
    std::vector<Money> parts;
    for (const auto& l : d.lines) {
      lines.push_back(line_data(r, l));
      parts.push_back(l.monthly);
    }
    j["lines"] = lines;
    if (parts.size() > 1) j["sum"] = sum_text(parts);
    designs.push_back(j);
  }
  data["designs"] = designs;
  if (!r.levels.empty()) {
    nlohmann::json names = nlohmann::json::array();
    for (const auto& d : s.designs) names.push_back(cell(d.name));
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& lv : r.levels) {
      nlohmann::json cells = nlohmann::json::array();
      for (const auto& d : lv.designs) cells.push_back(usd_r(d.monthly));
      rows.push_back({{"value", format_number(lv.level.value) + (lv.level.label.empty() ? "" : " (" + cell(lv.level.label) + ")")},
                      {"cells", cells},
                      {"cheapest", cell(s.designs[lv.cheapest].name)}});
    }
    data["levels"] = {{"variable_name", s.variable->what},
                      {"variable_header", cell(s.variable->what + " (" + s.variable->unit + ")")},
                      {"design_names", names},
                      {"rows", rows}};
  }
  std::ostringstream sources;
  render_assumptions_and_sources(sources, r.assumptions, r.notes);
  data["assumptions_and_sources"] = sources.str();
  return fill_template("cost-comparison/section.md", data);
}

nlohmann::ordered_json render_json(const CostComparisonResult& r) {
  const auto& s = *r.scenario;
  nlohmann::ordered_json out;
  out["scenario"] = {{"id", s.header.id},       {"kind", s.header.kind},     {"title", s.header.title},
                     {"episode", s.header.episode}, {"file", s.header.file}, {"region", s.region}};
  out["conventions"] = {{"hours_per_month", s.hours_per_month.to_string()},
                        {"months_per_year", "12"},
                        {"purchase_option", "On-Demand"},
                        {"currency", "USD"},
                        {"rounding", kDisplayRounding.name},
                        {"percent_base", "the baseline design's monthly cost"}};
  out["prices_as_of"] = r.prices_as_of.to_string();
  out["prices_as_of_newest"] = r.prices_as_of_newest.to_string();
  out["checked_on"] = r.checked_on.to_string();
  out["warnings"] = r.warnings;
  if (s.variable)
    out["variable"] = {{"name", s.variable->name}, {"what", s.variable->what}, {"unit", s.variable->unit},
                       {"value", s.variable->value.to_string()}};
  else
    out["variable"] = nullptr;
  out["baseline"] = s.designs[s.baseline].id;
  nlohmann::ordered_json designs = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < r.designs.size(); ++i) {
    const auto& d = r.designs[i];
    nlohmann::ordered_json lines = nlohmann::ordered_json::array();
    std::vector<int> design_sources;
    for (const auto& l : d.lines) {
      nlohmann::ordered_json j = {{"name", l.item->name}, {"per", period_word(l.item->per)}};
      std::vector<int> line_sources;
      if (l.item->priced) {
        j["price"] = {{"service", l.item->service}, {"region", l.item->region}, {"key", l.item->key},
                      {"tier", l.item->schedule ? nlohmann::ordered_json("schedule")
                                                : l.item->tier ? nlohmann::ordered_json(l.item->tier)
                                                               : nlohmann::ordered_json(nullptr)},
                      {"unit", l.row->unit}};
        j["quantity"] = l.quantity.value().to_string();
        j["monthly_quantity"] = l.monthly_quantity.value().to_string();
        if (l.item->schedule) {
          nlohmann::ordered_json tiers = nlohmann::ordered_json::array();
          for (const auto& t : l.tiers) {
            tiers.push_back({{"tier_start", t.row->tier_start->to_string()},
                             {"quantity", t.quantity.value().to_string()},
                             {"usd_per_unit", t.row->price.usd_per_unit().to_string()},
                             {"cost_usd", money_json(t.cost)},
                             {"source", note(r, t.row->source)}});
            line_sources.push_back(note(r, t.row->source));
          }
          j["tiers"] = tiers;
        } else {
          j["usd_per_unit"] = l.row->price.usd_per_unit().to_string();
          line_sources.push_back(note(r, l.row->source));
        }
      } else {
        j["amount_usd"] = l.item->amount_usd.to_string();
        line_sources.push_back(note(r, l.item->amount_source));
      }
      j["monthly_usd"] = money_json(l.monthly);
      j["monthly_exact"] = l.monthly_exact;
      j["yearly_usd"] = money_json(l.yearly);
      j["sources"] = line_sources;
      for (int n : line_sources)
        if (std::find(design_sources.begin(), design_sources.end(), n) == design_sources.end()) design_sources.push_back(n);
      lines.push_back(j);
    }
    designs.push_back({{"id", s.designs[i].id},
                       {"name", s.designs[i].name},
                       {"monthly_usd", money_json(d.monthly)},
                       {"yearly_usd", money_json(d.yearly)},
                       {"lines", lines},
                       {"sources", design_sources}});
  }
  out["designs"] = designs;
  out["cheapest"] = {{"id", s.designs[r.cheapest].id},
                     {"name", s.designs[r.cheapest].name},
                     {"monthly_usd", money_json(r.designs[r.cheapest].monthly)},
                     {"yearly_usd", money_json(r.designs[r.cheapest].yearly)}};
  nlohmann::ordered_json deltas = nlohmann::ordered_json::array();
  for (const auto& d : r.deltas)
    deltas.push_back({{"design", s.designs[d.design].id},
                      {"base", s.designs[s.baseline].id},
                      {"monthly_usd", money_json(d.monthly)},
                      {"yearly_usd", money_json(d.yearly)},
                      {"percent_of_base_monthly",
                       d.percent_of_baseline ? nlohmann::ordered_json(d.percent_of_baseline->to_string()) : nullptr},
                      {"percent_base", "the monthly cost of " + s.designs[s.baseline].name}});
  out["deltas"] = deltas;
  nlohmann::ordered_json levels = nlohmann::ordered_json::array();
  for (const auto& lv : r.levels) {
    nlohmann::ordered_json costs = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < lv.designs.size(); ++i) costs[s.designs[i].id] = money_json(lv.designs[i].monthly);
    levels.push_back({{"value", lv.level.value.to_string()}, {"label", lv.level.label},
                      {"monthly_usd", costs}, {"cheapest", s.designs[lv.cheapest].id}});
  }
  out["levels"] = levels;
  nlohmann::ordered_json bes = nlohmann::ordered_json::array();
  for (const auto& b : r.break_evens)
    bes.push_back({{"design", s.designs[b.design].id},
                   {"base", s.designs[s.baseline].id},
                   {"variable", s.variable->name},
                   {"value", b.exists ? nlohmann::ordered_json(b.value.to_string()) : nullptr},
                   {"exact", b.exact},
                   {"cheaper_above", b.exists ? nlohmann::ordered_json(b.cheaper_above) : nullptr},
                   {"cheaper_everywhere", !b.exists && !b.equal_everywhere && b.cheaper_at_zero},
                   {"equal_everywhere", b.equal_everywhere}});
  out["break_even"] = bes;
  out["assumptions"] = r.assumptions;
  out["sources"] = sources_json(r.notes);
  return out;
}

}  // namespace costproof
