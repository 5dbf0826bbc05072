// Markdown (show notes) and JSON renderings of a compute migration result.
// The Markdown words and layout are in templates/section.md (and its partials);
// render_markdown builds their data. Every equation printed re-checks from its
// printed operands: the arithmetic section prints exact values; the headline
// table prints values rounded by rounding_policy.h, with a "Rounding" line where
// a rounded column would not add up.
#include <sstream>

#include "scenarios/compute-migration/compute_migration.h"
#include "core/format.h"
#include "render/source_notes.h"
#include "core/rounded_column.h"
#include "core/rounding_policy.h"
#include "render/text_template.h"

namespace costproof {
namespace {

const Decimal kTwelve = Decimal::from_int(12);
const Quantity kTwelveMonths = Quantity::whole(12);  // a monthly amount x 12 = a year
const Decimal kHundred = Decimal::from_int(100);

std::string join_words(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
    out += items[i];
  }
  return out;
}

// "12 × m7i.xlarge and 4 × c7i.2xlarge"
std::string fleet_summary(const ComputeMigrationResult& r, bool after, bool adjusted = false) {
  std::vector<std::string> parts;
  for (const auto& line : r.lines)
    parts.push_back(format_number(adjusted ? line.adjusted_count.value() : line.count.value()) + " × " +
                    (after ? line.to->key : line.from->key));
  return join_words(parts);
}

Decimal total_count(const ComputeMigrationResult& r, bool adjusted) {
  Decimal n;
  for (const auto& line : r.lines) n += adjusted ? line.adjusted_count.value() : line.count.value();
  return n;
}

// "a + b = c" with exact operands when a total has more than one line; false otherwise
// (the template prints no total line).
nlohmann::json sum_text(const std::vector<Money>& parts, const Money& total) {
  if (parts.size() < 2) return false;
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? " + " : "") + format_usd_exact(parts[i]);
  return out + " = " + format_usd_exact(total);
}

std::string cite(const ComputeMigrationResult& r, const std::shared_ptr<const PriceSource>& s) {
  for (std::size_t i = 0; i < r.notes.sources().size(); ++i)
    if (r.notes.sources()[i] == s) return "[" + std::to_string(i + 1) + "]";
  return "";
}

// One side of a fleet row: "m8g.xlarge (4 vCPU / 16 GiB, arm64), $0.17952 per hour [1]".
nlohmann::json instance_text(const ComputeMigrationResult& r, const PriceRow& row, const InstanceShape* shape) {
  return {{"instance_type", row.key},
          {"shape", shape ? nlohmann::json(shape->shape_text()) : nlohmann::json(false)},
          {"arch", shape ? shape->arch : ""},
          {"price_text", row.price_text()},
          {"usd_per_hour", format_price(row.price)},
          {"cite", cite(r, row.source)}};
}

// One case ("same_count" / "performance_adjusted"): the exact saving lines, the
// rounded figures the summary paragraph quotes, and the headline table's rows
// (rounded by round_column, with a rounding row where a column would not add up).
nlohmann::json totals_text(const Money& before, const Money& after, const std::vector<Money>& line_afters,
                           bool adjusted) {
  const Decimal saving = before.usd() - after.usd();
  const Decimal pct = percent_of(saving, before.usd());
  nlohmann::json out = {{"monthly_before_usd", format_usd_exact(before)},
                        {"monthly_after_usd", format_usd_exact(after)},
                        {"monthly_saving_usd", format_usd_exact(saving)},
                        {"yearly_saving_usd", format_usd_exact(saving * kTwelve)},
                        {"saving_percent", format_percent(pct)},
                        {"after_sum", sum_text(line_afters, after)},
                        {"adjusted", adjusted}};
  // In words: amounts without sign, "less" or "more" (saving < 0 costs more).
  out["in_words"] = {{"monthly_before_usd", format_usd_rounded(before)},
                     {"monthly_after_usd", format_usd_rounded(after)},
                     {"monthly_saving_usd", format_usd_rounded(saving.abs())},
                     {"yearly_saving_usd", format_usd_rounded((saving * kTwelve).abs())},
                     {"less", !saving.is_negative()},
                     {"saving_percent", format_percent(pct.abs())}};
  const RoundedColumn month = round_column({before, -after});
  const RoundedColumn year = round_column({before * kTwelveMonths, -(after * kTwelveMonths)});
  nlohmann::json rounding = false;
  if (!month.adjustment.is_zero() || !year.adjustment.is_zero())
    rounding = {{"monthly_usd", format_usd_rounded(month.adjustment)},
                {"yearly_usd", format_usd_rounded(year.adjustment)}};
  out["headline"] = {{"monthly_before_usd", format_usd_rounded(month.parts[0])},
                     {"yearly_before_usd", format_usd_rounded(year.parts[0])},
                     {"monthly_after_usd", format_usd_rounded(-month.parts[1])},
                     {"yearly_after_usd", format_usd_rounded(-year.parts[1])},
                     {"rounding", rounding},
                     {"monthly_saving_usd", format_usd_rounded(month.total)},
                     {"yearly_saving_usd", format_usd_rounded(year.total)},
                     {"saving_percent", format_percent(pct)}};
  return out;
}

}  // namespace

// The words are in templates/section.md (and its partials); this builds its data.
std::string render_markdown(const ComputeMigrationResult& r) {
  const auto& sc = *r.scenario;
  nlohmann::json data;
  data["scenario"] = {{"id", sc.header.id}, {"title", sc.header.title}, {"region", sc.region}};
  data["conventions"] = {{"hours_per_month", format_number(sc.hours_per_month)}};
  data["prices_as_of"] = r.prices_as_of.to_string();
  if (r.prices_as_of_newest != r.prices_as_of) data["prices_as_of_newest"] = r.prices_as_of_newest.to_string();
  data["warnings"] = r.warnings;
  data["audience"] = sc.header.audience.empty() ? nlohmann::json(false) : nlohmann::json(sc.header.audience);
  data["fleet"] = {{"now", fleet_summary(r, false)},
                   {"after", fleet_summary(r, true)},
                   {"after_adjusted", fleet_summary(r, true, true)},
                   {"count", format_number(total_count(r, false))},
                   {"adjusted_count", format_number(total_count(r, true))}};

  const Decimal& factor = r.gain_factor;
  nlohmann::json lines = nlohmann::json::array();
  std::vector<Money> befores, afters, adjusted;
  for (const auto& l : r.lines) {
    nlohmann::json j = {{"name", l.name},
                        {"from", instance_text(r, *l.from, l.from_shape)},
                        {"to", instance_text(r, *l.to, l.to_shape)},
                        {"target_rule", l.target_rule},
                        {"count", format_number(l.count.value())},
                        {"hours_per_instance_per_month", format_number(l.hours.value())},
                        {"hours_basis", l.hours_basis},
                        {"monthly_before_usd", format_usd_exact(l.before)},
                        {"monthly_after_usd", format_usd_exact(l.after)}};
    befores.push_back(l.before);
    afters.push_back(l.after);
    if (sc.performance) {
      j["instances_needed"] = format_number(l.instances_needed);
      j["instances_needed_exact"] = l.instances_needed_exact;
      j["adjusted_count"] = format_number(l.adjusted_count.value());
      j["monthly_after_adjusted_usd"] = format_usd_exact(l.after_adjusted);
      adjusted.push_back(l.after_adjusted);
      // New price ÷ (old price × work factor), display-rounded; change = (1 − ratio) × 100, to 0.01 point.
      const Decimal less = (Decimal::from_int(1) - l.unit_work_ratio) * kHundred;
      j["cost_per_unit_of_work"] = {{"denominator_usd", format_price(l.from->price.usd_per_unit() * factor)},
                                    {"ratio", l.unit_work_ratio.to_string()},
                                    {"change_percent", format_percent(less.rounded(2, RoundingMode::kHalfUp))},
                                    {"less", !less.is_negative()}};
    }
    lines.push_back(j);
  }
  data["lines"] = lines;

  data["same_count"] = totals_text(r.before, r.after, afters, false);
  data["same_count"]["before_sum"] = sum_text(befores, r.before);
  data["performance_adjusted"] = false;
  if (sc.performance) {
    const auto& p = *sc.performance;
    nlohmann::json adj = totals_text(r.before, r.after_adjusted, adjusted, true);
    adj["qualifier"] = p.qualifier.empty() ? nlohmann::json(false) : nlohmann::json(p.qualifier);
    adj["up_to"] = p.qualifier == "up to";  // a ceiling: the adjusted figures are a best case
    adj["throughput_gain_percent"] = format_number(p.throughput_gain_percent);
    adj["gain_factor"] = format_number(factor);
    adj["cite"] = cite(r, p.source);
    // The same gain at an unchanged price: 1 ÷ factor, and the change (1 − that) × 100.
    const Decimal unchanged = ratio_of(Decimal::from_int(1), factor);
    adj["unchanged_price"] = {
        {"ratio", unchanged.to_string()},
        {"change_percent",
         format_percent(((Decimal::from_int(1) - unchanged) * kHundred).rounded(2, RoundingMode::kHalfUp))}};
    data["performance_adjusted"] = adj;
  }

  std::ostringstream sources;
  render_assumptions_and_sources(sources, r.assumptions, r.notes);
  data["assumptions_and_sources"] = sources.str();
  return fill_template("compute-migration/section.md", data);
}

namespace {


nlohmann::ordered_json totals(const Money& before, const Money& after) {
  const Decimal saving = before.usd() - after.usd();
  return {{"monthly_before_usd", money_json(before)},
          {"monthly_after_usd", money_json(after)},
          {"monthly_saving_usd", money_json(saving)},
          {"yearly_before_usd", money_json(before * kTwelveMonths)},
          {"yearly_after_usd", money_json(after * kTwelveMonths)},
          {"yearly_saving_usd", money_json(saving * kTwelve)},
          {"saving_percent_of_current_compute_spend", percent_of(saving, before.usd()).to_string()}};
}

nlohmann::ordered_json price_json(const ComputeMigrationResult& r, const PriceRow& row) {
  return {{"instance_type", row.key},
          {"usd_per_hour", row.price.usd_per_unit().to_string()},
          {"source", std::stoi(cite(r, row.source).substr(1))}};
}

}  // namespace

nlohmann::ordered_json render_json(const ComputeMigrationResult& r) {
  const auto& sc = *r.scenario;
  nlohmann::ordered_json out;
  out["scenario"] = {{"id", sc.header.id},       {"kind", sc.header.kind},     {"title", sc.header.title},
                     {"episode", sc.header.episode}, {"file", sc.header.file}, {"region", sc.region}};
  out["conventions"] = {{"hours_per_month", sc.hours_per_month.to_string()},
                        {"months_per_year", "12"},
                        {"purchase_option", "On-Demand"},
                        {"operating_system", "Linux"},
                        {"currency", "USD"},
                        {"rounding", kDisplayRounding.name},
                        {"percent_base", "current compute spend (the fleet before the move)"}};
  out["prices_as_of"] = r.prices_as_of.to_string();
  out["prices_as_of_newest"] = r.prices_as_of_newest.to_string();
  out["checked_on"] = r.checked_on.to_string();
  out["warnings"] = r.warnings;
  nlohmann::ordered_json lines = nlohmann::ordered_json::array();
  for (const auto& l : r.lines) {
    nlohmann::ordered_json j = {{"name", l.name},
                                {"from", price_json(r, *l.from)},
                                {"to", price_json(r, *l.to)},
                                {"target_rule", l.target_rule},
                                {"count", l.count.value().to_string()},
                                {"hours_per_instance_per_month", l.hours.value().to_string()},
                                {"monthly_before_usd", money_json(l.before)},
                                {"monthly_after_usd", money_json(l.after)}};
    if (sc.performance) {
      j["instances_needed"] = l.instances_needed.to_string();
      j["instances_needed_exact"] = l.instances_needed_exact;
      j["adjusted_count"] = l.adjusted_count.value().to_string();
      j["monthly_after_adjusted_usd"] = money_json(l.after_adjusted);
      j["cost_per_unit_of_work_ratio"] = l.unit_work_ratio.to_string();
      j["cost_per_unit_of_work_change_percent"] =
          ((l.unit_work_ratio - Decimal::from_int(1)) * kHundred).rounded(2, RoundingMode::kHalfUp).to_string();
    }
    lines.push_back(j);
  }
  out["lines"] = lines;
  out["same_count"] = totals(r.before, r.after);
  if (sc.performance) {
    const auto& p = *sc.performance;
    auto adj = totals(r.before, r.after_adjusted);
    adj["throughput_gain_percent"] = p.throughput_gain_percent.to_string();
    adj["qualifier"] = p.qualifier;
    adj["source"] = std::stoi(cite(r, p.source).substr(1));
    out["performance_adjusted"] = adj;
  } else {
    out["performance_adjusted"] = nullptr;
  }
  out["assumptions"] = r.assumptions;
  out["sources"] = sources_json(r.notes);
  return out;
}

}  // namespace costproof
