// Markdown (show notes) and JSON renderings of a Database Savings Plan result.
// Every equation printed here re-checks from its printed operands: the
// arithmetic sections print exact values (a quotient that does not terminate
// is carried to 10 places and printed with "≈"); the headline tables print
// values rounded by rounding_policy.h, with a "Rounding" line where a rounded
// column would not add up. Every percentage names its base: eligible spend
// (usage a plan can cover) or total database spend (the whole bill).
//
// The words are in templates/ (section.md and its partials outcome-arithmetic.md and
// headline-table.md; best-commitment*.md for the explanation of the optimum, which the
// JSON carries too; assumptions.md is filled by calculate()). This file only builds their
// data, already formatted, with the field names of render_json where they overlap.
#include <sstream>

#include "scenarios/database-savings-plan/database_savings_plan.h"
#include "core/format.h"
#include "render/source_notes.h"
#include "core/rounded_column.h"
#include "core/rounding_policy.h"
#include "render/text_template.h"

namespace costproof {
namespace {

const Decimal kOne = Decimal::from_int(1);
const Decimal kTwelve = Decimal::from_int(12);
const Decimal kHundred = Decimal::from_int(100);

using R = DatabaseSavingsPlanResult;

std::string cite(const R& r, const std::shared_ptr<const PriceSource>& s) {
  for (std::size_t i = 0; i < r.notes.sources().size(); ++i)
    if (r.notes.sources()[i] == s) return "[" + std::to_string(i + 1) + "]";
  return "";
}
int cite_number(const R& r, const std::shared_ptr<const PriceSource>& s) { return std::stoi(cite(r, s).substr(1)); }

std::string usd(const Decimal& v) { return format_usd_exact(v); }
std::string usd_r(const Decimal& v) { return format_usd_rounded(v); }
std::string usd(const Money& v) { return format_usd_exact(v); }
std::string usd_r(const Money& v) { return format_usd_rounded(v); }
std::string hours_text(std::size_t n) { return format_number(Decimal::from_int(static_cast<std::int64_t>(n))); }
// part / whole of two amounts in percent at display precision: ($2,207.52, $6,307.20) -> 35.0.
Decimal percent(const Money& part, const Money& whole) { return percent_of(part.usd(), whole.usd()); }
std::string pct(const Money& part, const Money& whole) {
  return whole.usd().is_zero() ? "n/a" : format_percent(percent(part, whole));
}
// "=" or "≈" in front of a carried quotient.
std::string eq(bool exact) { return exact ? " = " : " ≈ "; }

std::string class_name(const DspClass& c) { return c.discount->key; }
// "35%", "up to 35%"
std::string discount_text(const DspClass& c) {
  const auto& row = *c.discount;
  return (row.qualifier == "exactly" ? "" : row.qualifier + " ") + format_number(*row.discount_percent) + "%";
}
// 1 - d as a decimal: 0.65
Decimal plan_factor(const DspClass& c) { return kOne - c.fraction; }
// d/(1 - d) as "35/65"
std::string gain_fraction(const DspClass& c) {
  return format_number(*c.discount->discount_percent) + "/" + format_number(kHundred - *c.discount->discount_percent);
}

// The unit of a line's yearly quantity.
std::string year_unit(const DspUsageLine& u) {
  if (u.type == "aurora-serverless-v2") return "ACU-hours";
  if (u.type == "aurora-instance" || u.type == "rds-instance") return "instance-hours";
  if (u.type == "dynamodb-on-demand-writes") return "write request units";
  if (u.type == "dynamodb-on-demand-reads") return "read request units";
  if (u.type == "dynamodb-provisioned-writes") return "WCU-hours";
  if (u.type == "dynamodb-provisioned-reads") return "RCU-hours";
  if (u.type == "aurora-io-requests") return "requests";
  if (u.type == "aurora-storage" || u.type == "aurora-backup-storage") return "GiB-months";
  return "GB-months";
}

// "6 ACU-hours per hour", "1 ACU-hour per hour", "1 instance"
std::string level_text(const DspUsageLine& u) {
  std::string unit = u.quantity_unit;
  if (u.level == kOne) {
    const auto space = unit.find(' ');
    const auto word_end = space == std::string::npos ? unit.size() : space;
    if (word_end > 0 && unit[word_end - 1] == 's') unit.erase(word_end - 1, 1);
  }
  return format_number(u.level) + " " + unit;
}

std::string profile_text(const DspUsageLine& u) {
  if (!u.hourly) return "monthly: " + level_text(u) + ", 12 months";
  return u.profile.text(level_text(u));
}

// An amount as the Markdown shows it, like money_json: {"exact": "$1,766.016", "rounded": "$1,766.02"}.
nlohmann::json money(const Money& v) { return {{"exact", usd(v)}, {"rounded", usd_r(v)}}; }

// "a + b + c = total"; "a" alone for one part.
std::string sum_text(const std::vector<Money>& parts, const Money& total) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? " + " : "") + usd(parts[i]);
  if (parts.size() > 1) out += " = " + usd(total);
  return out;
}

// Marks the items of a list "first" and "last", for separators the templates write.
nlohmann::json first_last(nlohmann::json list) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    list[i]["first"] = i == 0;
    list[i]["last"] = i + 1 == list.size();
  }
  return list;
}

// A discount class: "serverless", "up to 35%", its source "[9]", 35, 0.35, 65 (break-even %), 0.65 (1 - d).
nlohmann::json class_data(const R& r, const DspClass& c) {
  const Decimal& percent = *c.discount->discount_percent;
  return {{"class", class_name(c)},
          {"discount", discount_text(c)},
          {"source", cite(r, c.discount->source)},
          {"discount_percent", format_number(percent)},
          {"discount_fraction", format_number(c.fraction)},
          {"break_even_utilisation_percent", format_number(kHundred - percent)},
          {"plan_factor", format_number(plan_factor(c))},
          {"gain_fraction", gain_fraction(c)},
          {"eligible_on_demand_per_year_usd", money(c.on_demand_year)}};
}

// A usage line: the table row and the "without a plan" arithmetic.
nlohmann::json line_data(const R& r, const DspLine& l) {
  const DspUsageLine& u = *l.usage;
  const PriceRow& p = *l.price;
  const bool constant = u.profile.shape == UsageProfile::Shape::kConstant;
  nlohmann::json j = {
      {"name", u.name},
      {"what", l.what},
      {"price", {{"text", p.price_text()},
                 {"source", cite(r, p.source)},
                 {"usd", format_price(p.listed_price)},
                 {"per", p.per == kOne ? nlohmann::json(nullptr) : nlohmann::json(format_number(p.per))}}},
      {"multi_az", nullptr},
      {"unit_cost_usd", format_price(l.unit_cost)},
      {"unit_cost_derived", p.per != kOne || l.multi_az},  // the cost per unit is not the price itself
      {"covered_by", nullptr},
      {"not_covered", nullptr},
      {"level_text", level_text(u)},
      {"profile_text", profile_text(u)},
      {"monthly", !u.hourly},
      {"constant_hourly", u.hourly && constant},
      {"shaped_hourly", u.hourly && !constant},
      {"quantity_per_year", format_number(l.quantity_year)},
      {"quantity_unit", year_unit(u)},
      {"on_demand_per_year_usd", money(l.on_demand_year)}};
  if (l.multi_az)
    j["multi_az"] = {{"text", l.multi_az->price_text()},
                     {"source", cite(r, l.multi_az->source)},
                     {"multiplier", format_number(*l.multi_az->multiplier)},
                     {"qualifier", l.multi_az->qualifier}};
  if (l.discount_class >= 0)
    j["covered_by"] = class_data(r, r.classes[static_cast<std::size_t>(l.discount_class)]);
  else
    j["not_covered"] = {{"reason", l.not_covered_reason}, {"source", cite(r, l.eligibility->source)}};
  return j;
}

// One commitment's outcome, the fields of outcome_json formatted for the Markdown.
// `total_without` is the whole bill without a plan, `not_covered` the part no plan covers.
nlohmann::json outcome_data(const R& r, const CommitmentOutcome& o, const Money& total_without,
                            const Money& not_covered) {
  nlohmann::json classes = nlohmann::json::array();
  std::vector<Money> covered, used;
  for (std::size_t k = 0; k < o.classes.size(); ++k) {
    const ClassCoverage& cc = o.classes[k];
    nlohmann::json c = class_data(r, r.classes[k]);
    c["not_reached"] = cc.full_hours == 0 && cc.partial_hours == 0;
    c["covered_entirely"] = cc.full_hours > 0;
    c["hours_covered_entirely"] = hours_text(cc.full_hours);
    c["covered_entirely_on_demand_usd"] = money(cc.fully_covered_on_demand);
    c["covered_entirely_commitment_usd"] = money(cc.fully_covered_discounted);
    c["covered_in_part"] = cc.partial_hours > 0;
    c["hours_covered_in_part"] = hours_text(cc.partial_hours);
    c["covered_in_part_commitment_usd"] = money(cc.partial_commitment);
    c["covered_in_part_on_demand_usd"] = money(cc.partial_on_demand);
    c["covered_in_part_exact"] = cc.partial_exact;  // false: a quotient carried to 10 places
    c["covered_on_demand_usd"] = money(cc.covered_on_demand);
    c["commitment_used_usd"] = money(cc.commitment_used);
    classes.push_back(c);
    covered.push_back(cc.covered_on_demand);
    used.push_back(cc.commitment_used);
  }
  const Money saving_magnitude(o.saving.usd().abs());
  return {{"commitment_usd_per_hour", format_price(o.commitment)},
          {"hours", hours_text(o.hours)},
          {"commits", !o.paid.usd().is_zero()},
          {"commitment_paid_usd", money(o.paid)},
          {"commitment_used_usd", money(o.used)},
          {"commitment_unused_usd", money(o.unused)},
          {"utilisation_percent", pct(o.used, o.paid)},
          {"eligible_on_demand_usd", money(o.eligible_on_demand)},
          {"covered_on_demand_usd", money(o.covered_on_demand)},
          {"covered_exact", o.covered_exact},
          {"coverage_percent_of_eligible_spend", pct(o.covered_on_demand, o.eligible_on_demand)},
          {"eligible_left_on_demand_usd", money(o.left_on_demand)},
          {"leaves_eligible_on_demand", !o.left_on_demand.usd().is_zero()},
          {"eligible_cost_with_plan_usd", money(o.eligible_cost)},
          {"total_bill_without_plan_usd", money(total_without)},
          {"not_covered_usd", money(not_covered)},
          {"total_bill_with_plan_usd", money(o.eligible_cost + not_covered)},
          {"saving_usd", money(o.saving)},
          {"loss", o.saving.usd().is_negative()},
          {"saving_magnitude_usd", money(saving_magnitude)},
          {"saving_percent_of_eligible_spend", pct(o.saving, o.eligible_on_demand)},
          {"saving_percent_of_total_database_spend", pct(o.saving, total_without)},
          {"saving_magnitude_percent_of_eligible_spend", pct(saving_magnitude, o.eligible_on_demand)},
          {"saving_magnitude_percent_of_total_database_spend", pct(saving_magnitude, total_without)},
          {"hours_with_eligible_usage_below_commitment", hours_text(o.hours_below)},
          {"several_classes", o.classes.size() > 1},
          {"covered_on_demand_sum", sum_text(covered, o.covered_on_demand)},
          {"commitment_used_sum", sum_text(used, o.used)},
          {"classes", classes}};
}

// Rounded per-year and per-month (year ÷ 12) columns that still add up.
struct YearMonthRows {
  RoundedColumn year;
  std::vector<Decimal> month_parts;
  Decimal month_total, month_adjustment;
};
YearMonthRows year_month(const std::vector<Money>& parts) {
  YearMonthRows out;
  out.year = round_column(parts);
  Decimal exact_total, sum;
  for (const auto& p : parts) {
    exact_total += p.usd();
    out.month_parts.push_back(money_quotient(p.usd(), kTwelve));
    sum += out.month_parts.back();
  }
  out.month_total = money_quotient(exact_total, kTwelve);
  out.month_adjustment = out.month_total - sum;
  return out;
}

// The rows of a commitment's headline table (rounded): whole bill without and with the
// plan, the rounding adjustment (null when none is needed) and the saving, per year and per month.
nlohmann::json headline_data(const R& r, const CommitmentOutcome& o) {
  const Money with = o.eligible_cost + r.not_covered_hourly_year + r.monthly_items_year;
  const YearMonthRows t = year_month({r.total_year, -with});
  nlohmann::json rounding = nullptr;
  if (!t.year.adjustment.is_zero() || !t.month_adjustment.is_zero())
    rounding = {{"year", usd_r(t.year.adjustment)}, {"month", usd_r(t.month_adjustment)}};
  return {{"without", {{"year", usd_r(t.year.parts[0])}, {"month", usd_r(t.month_parts[0])}}},
          {"with", {{"year", usd_r(-t.year.parts[1])}, {"month", usd_r(-t.month_parts[1])}}},
          {"rounding", rounding},
          {"saving", {{"year", usd_r(t.year.total)}, {"month", usd_r(t.month_total)}}}};
}

// The one-paragraph explanation of the optimum (templates best-commitment*.md).
std::string optimum_explanation(const R& r) {
  const OptimumDetail& opt = r.optimum;
  const Decimal& commitment = opt.commitment.usd_per_unit();  // USD per hour
  nlohmann::json data = {{"commitment_usd_per_hour", format_price(commitment)},
                         {"hours", hours_text(static_cast<std::size_t>(r.hours))},
                         {"hours_unused_above", hours_text(opt.unused_hours_above)}};
  if (r.classes.size() == 1) {
    const DspClass& c = r.classes[0];
    data.update(class_data(r, c));
    if (opt.commitment.usd_per_unit().is_zero()) {
      data["hours_used_above"] = hours_text(opt.class_hours_above[0]);
      return fill_template("database-savings-plan/best-commitment-one-class-none.md", data);
    }
    const Decimal level = Decimal::divide(commitment, plan_factor(c), commitment.scale() + 12,
                                          RoundingMode::kDown).normalized();  // exact: c* = (1 - d) x level
    data["level_usd_per_hour"] = format_price(level);
    data["hours_used_below"] = hours_text(opt.class_hours_below[0]);
    return fill_template("database-savings-plan/best-commitment-one-class.md", data);
  }
  if (opt.commitment.usd_per_unit().is_zero()) return fill_template("database-savings-plan/best-commitment-none.md", data);
  // The classes one more cent would pay for, and in how many hours.
  nlohmann::json used = nlohmann::json::array();
  for (std::size_t k = 0; k < r.classes.size(); ++k)
    if (opt.class_hours_above[k] > 0)
      used.push_back({{"hours_used", hours_text(opt.class_hours_above[k])},
                      {"class", class_name(r.classes[k])},
                      {"gain_fraction", gain_fraction(r.classes[k])}});
  data["used_above"] = first_last(used);
  return fill_template("database-savings-plan/best-commitment.md", data);
}

// L = product of (1 - d_k): the factor the optimiser's slopes are scaled by.
Decimal slope_scale(const R& r) {
  Decimal scale = kOne;
  for (const auto& c : r.classes) scale = scale * plan_factor(c);
  return scale;
}

// "8,760 × $1 − 0 × 35/65 ..." for one side of the optimum.
std::string slope_text(const R& r, std::size_t unused, const std::vector<std::size_t>& per_class,
                       const Decimal& scaled) {
  std::string out = hours_text(unused) + " h × $1";
  for (std::size_t k = 0; k < per_class.size(); ++k)
    if (per_class[k] > 0) out += " − " + hours_text(per_class[k]) + " h × " + gain_fraction(r.classes[k]);
  bool exact = true;
  const Decimal value = carried_quotient(scaled, slope_scale(r), &exact);
  return out + eq(exact) + (value.is_negative() ? "−" : "+") + usd(value.abs());
}

}  // namespace

// Fills templates/section.md from the result: the fields follow render_json, formatted.
std::string render_markdown(const DatabaseSavingsPlanResult& r) {
  const auto& sc = *r.scenario;
  const OptimumDetail& opt = r.optimum;
  const Money& total = r.total_year;
  const Money& eligible = r.eligible_year;
  const Money not_covered = r.not_covered_hourly_year + r.monthly_items_year;

  nlohmann::json data;
  data["scenario"] = {{"id", sc.header.id},
                      {"title", sc.header.title},
                      {"region", sc.region},
                      {"audience", sc.header.audience.empty() ? nlohmann::json(nullptr)
                                                              : nlohmann::json(sc.header.audience)}};
  data["prices_as_of"] = r.prices_as_of.to_string();
  if (r.prices_as_of_newest != r.prices_as_of) data["prices_as_of_newest"] = r.prices_as_of_newest.to_string();
  data["warnings"] = r.warnings;
  data["hours_per_year"] = format_number(Decimal::from_int(kHoursPerYear));

  nlohmann::json lines = nlohmann::json::array(), not_covered_lines = nlohmann::json::array();
  std::vector<Money> not_covered_parts;
  for (const auto& l : r.lines) {
    lines.push_back(line_data(r, l));
    if (l.discount_class >= 0) continue;
    not_covered_lines.push_back(lines.back());
    not_covered_parts.push_back(l.on_demand_year);
  }
  data["lines"] = lines;
  data["not_covered_lines"] = first_last(not_covered_lines);

  nlohmann::json classes = nlohmann::json::array();
  std::vector<Money> eligible_parts;
  for (const auto& c : r.classes) {
    classes.push_back(class_data(r, c));
    eligible_parts.push_back(c.on_demand_year);
  }
  data["headline_class"] = classes[0];  // the highest discount, the one headlines quote
  data["other_classes"] = first_last(nlohmann::json(classes.begin() + 1, classes.end()));
  data["several_classes"] = classes.size() > 1;
  data["discount_classes"] = first_last(classes);

  data["totals_per_year"] = {
      {"eligible_usd", money(eligible)},
      {"not_covered_usd", money(not_covered)},
      {"total_database_spend_usd", money(total)},
      {"eligible_percent_of_total_database_spend", pct(eligible, total)},
      {"eligible_sum", sum_text(eligible_parts, eligible)},
      {"not_covered_sum", not_covered_parts.empty() ? nlohmann::json(nullptr)
                                                    : nlohmann::json(sum_text(not_covered_parts, not_covered))}};

  nlohmann::json best = outcome_data(r, r.at_optimum, total, not_covered);
  best["headline"] = headline_data(r, r.at_optimum);
  data["best_commitment"] = {
      {"commitment_usd_per_hour", format_price(opt.commitment)},
      {"commit_nothing", opt.commitment.usd_per_unit().is_zero()},
      {"explanation", optimum_explanation(r)},
      {"candidates_considered", hours_text(opt.candidates)},
      {"just_below", opt.commitment.usd_per_unit().is_zero()
                         ? nlohmann::json(nullptr)
                         : nlohmann::json{{"slope", slope_text(r, opt.unused_hours_below, opt.class_hours_below,
                                                               opt.slope_below_scaled)}}},
      {"just_above",
       {{"slope", slope_text(r, opt.unused_hours_above, opt.class_hours_above, opt.slope_above_scaled)}}},
      {"outcome", best}};
  data["considered_commitment"] = nullptr;
  if (r.at_considered) {
    nlohmann::json considered = outcome_data(r, *r.at_considered, total, not_covered);
    considered["headline"] = headline_data(r, *r.at_considered);
    data["considered_commitment"] = considered;
  }
  data["break_even_commitment_usd_per_hour"] = {{"value", format_price(r.break_even_commitment)},
                                                {"exact", r.break_even_exact}};
  data["max_useful_commitment_usd_per_hour"] = format_price(r.max_useful_commitment);

  nlohmann::json downside = nlohmann::json::array();
  for (const auto& d : r.downside) {
    const Money& without = d.total_without_plan;
    const Money nc = without - d.at_optimum.eligible_on_demand;
    downside.push_back({{"usage_drop_percent", format_number(d.drop_percent)},
                        {"total_without_plan_usd", money(without)},
                        {"total_with_plan_usd", money(d.total_with_plan)},
                        {"with_best_commitment_kept", outcome_data(r, d.at_optimum, without, nc)},
                        {"hindsight_commitment_usd_per_hour", format_price(d.hindsight_commitment)},
                        {"with_hindsight_commitment", outcome_data(r, d.at_hindsight, without, nc)}});
  }
  data["downside"] = downside;

  nlohmann::json curve = nlohmann::json::array();  // the points the table shows
  for (const auto& p : r.curve) {
    const bool even_step = p.step >= 0 && p.step % 2 == 0;  // the 21 evenly spaced points thinned to 11
    if (!even_step && p.label.empty()) continue;
    curve.push_back({{"commitment_usd_per_hour", format_price(p.outcome.commitment)},
                     {"commitment_per_year_usd", money(p.outcome.paid)},
                     {"saving_usd", money(p.outcome.saving)},
                     {"saving_percent_of_eligible_spend", pct(p.outcome.saving, p.outcome.eligible_on_demand)},
                     {"label", p.label}});
  }
  data["savings_curve_table"] = curve;

  data["ceiling"] = {{"max_saving_usd", money(r.ceiling_saving)},
                     {"max_saving_percent_of_total_database_spend", pct(r.ceiling_saving, total)},
                     {"max_saving_percent_of_eligible_spend", pct(r.ceiling_saving, eligible)},
                     {"best_saving_percent_of_total_database_spend", pct(r.at_optimum.saving, total)}};

  std::ostringstream closing;
  render_assumptions_and_sources(closing, r.assumptions, r.notes);
  data["assumptions_and_sources"] = closing.str();
  return fill_template("database-savings-plan/section.md", data);
}

namespace {


nlohmann::ordered_json outcome_json(const R& r, const CommitmentOutcome& o, const Money& total_without,
                                    const Money& not_covered) {
  nlohmann::ordered_json classes = nlohmann::ordered_json::array();
  for (std::size_t k = 0; k < o.classes.size(); ++k) {
    const auto& cc = o.classes[k];
    classes.push_back({{"class", r.classes[k].discount->key},
                       {"discount_fraction", cc.discount.to_string()},
                       {"eligible_on_demand_usd", money_json(cc.on_demand)},
                       {"hours_covered_entirely", cc.full_hours},
                       {"covered_entirely_on_demand_usd", money_json(cc.fully_covered_on_demand)},
                       {"covered_entirely_commitment_usd", money_json(cc.fully_covered_discounted)},
                       {"hours_covered_in_part", cc.partial_hours},
                       {"covered_in_part_commitment_usd", money_json(cc.partial_commitment)},
                       {"covered_in_part_on_demand_usd", money_json(cc.partial_on_demand)},
                       {"covered_in_part_exact", cc.partial_exact},
                       {"covered_on_demand_usd", money_json(cc.covered_on_demand)},
                       {"commitment_used_usd", money_json(cc.commitment_used)}});
  }
  const Money bill_with = o.eligible_cost + not_covered;
  return {{"commitment_usd_per_hour", o.commitment.usd_per_unit().normalized().to_string()},
          {"hours", o.hours},
          {"commitment_paid_usd", money_json(o.paid)},
          {"commitment_used_usd", money_json(o.used)},
          {"commitment_unused_usd", money_json(o.unused)},
          {"utilisation_percent", o.paid.usd().is_zero() ? nlohmann::ordered_json(nullptr)
                                                   : nlohmann::ordered_json(percent(o.used, o.paid).to_string())},
          {"eligible_on_demand_usd", money_json(o.eligible_on_demand)},
          {"covered_on_demand_usd", money_json(o.covered_on_demand)},
          {"covered_exact", o.covered_exact},
          {"coverage_percent_of_eligible_spend",
           o.eligible_on_demand.usd().is_zero() ? nlohmann::ordered_json(nullptr)
                                          : nlohmann::ordered_json(percent(o.covered_on_demand, o.eligible_on_demand).to_string())},
          {"eligible_left_on_demand_usd", money_json(o.left_on_demand)},
          {"eligible_cost_with_plan_usd", money_json(o.eligible_cost)},
          {"total_bill_without_plan_usd", money_json(total_without)},
          {"total_bill_with_plan_usd", money_json(bill_with)},
          {"saving_usd", money_json(o.saving)},
          {"saving_percent_of_eligible_spend",
           o.eligible_on_demand.usd().is_zero() ? nlohmann::ordered_json(nullptr)
                                          : nlohmann::ordered_json(percent(o.saving, o.eligible_on_demand).to_string())},
          {"saving_percent_of_total_database_spend", percent(o.saving, total_without).to_string()},
          {"hours_with_eligible_usage_below_commitment", o.hours_below},
          {"classes", classes}};
}

}  // namespace

nlohmann::ordered_json render_json(const DatabaseSavingsPlanResult& r) {
  const auto& sc = *r.scenario;
  const Money& total = r.total_year;
  const Money not_covered = r.not_covered_hourly_year + r.monthly_items_year;
  nlohmann::ordered_json out;
  out["scenario"] = {{"id", sc.header.id},       {"kind", sc.header.kind},     {"title", sc.header.title},
                     {"episode", sc.header.episode}, {"file", sc.header.file}, {"region", sc.region}};
  out["conventions"] = {{"hours_per_year", std::to_string(kHoursPerYear)},
                        {"hours_per_month", std::to_string(kHoursPerMonth)},
                        {"hour_0", "Monday 00:00"},
                        {"term", "1 year"},
                        {"payment_option", "No Upfront"},
                        {"currency", "USD"},
                        {"rounding", kDisplayRounding.name},
                        {"carried_quotient_places", kCarriedQuotientPlaces},
                        {"percent_bases",
                         {{"eligible_spend", "usage a Database Savings Plan can cover, at On-Demand rates"},
                          {"total_database_spend", "the whole database bill of the scenario without a plan"}}}};
  out["prices_as_of"] = r.prices_as_of.to_string();
  out["prices_as_of_newest"] = r.prices_as_of_newest.to_string();
  out["checked_on"] = r.checked_on.to_string();
  out["warnings"] = r.warnings;
  nlohmann::ordered_json lines = nlohmann::ordered_json::array();
  for (const auto& l : r.lines) {
    const auto& u = *l.usage;
    nlohmann::ordered_json j = {{"name", u.name},
                                {"type", u.type},
                                {"what", l.what},
                                {"service", u.service},
                                {"price_key", u.price_key},
                                {"price", {{"usd", l.price->listed_price.to_string()},
                                           {"per", l.price->per.to_string()},
                                           {"unit", l.price->unit},
                                           {"source", cite_number(r, l.price->source)}}},
                                {"multi_az", l.multi_az ? nlohmann::ordered_json{{"multiplier", l.multi_az->multiplier->to_string()},
                                                                                 {"qualifier", l.multi_az->qualifier},
                                                                                 {"source", cite_number(r, l.multi_az->source)}}
                                                        : nlohmann::ordered_json(nullptr)},
                                {"unit_cost_usd", l.unit_cost.to_string()},
                                {"hourly", u.hourly},
                                {u.quantity_key, u.hourly && u.profile.shape == UsageProfile::Shape::kHourlyCsv
                                                     ? nlohmann::ordered_json(nullptr)
                                                     : nlohmann::ordered_json(u.level.to_string())},
                                {"profile", u.hourly ? nlohmann::ordered_json(u.profile.name) : nlohmann::ordered_json(nullptr)},
                                {"profile_text", profile_text(u)},
                                {"quantity_per_year", l.quantity_year.to_string()},
                                {"quantity_unit", year_unit(u)},
                                {"on_demand_per_year_usd", money_json(l.on_demand_year)},
                                {"discount_class", l.discount_class < 0 ? nlohmann::ordered_json(nullptr)
                                                                        : nlohmann::ordered_json(r.classes[static_cast<std::size_t>(l.discount_class)].discount->key)},
                                {"not_covered_reason", l.discount_class < 0 ? nlohmann::ordered_json(l.not_covered_reason)
                                                                            : nlohmann::ordered_json(nullptr)},
                                {"eligibility_source", cite_number(r, l.eligibility->source)}};
    lines.push_back(j);
  }
  out["lines"] = lines;
  nlohmann::ordered_json classes = nlohmann::ordered_json::array();
  for (const auto& c : r.classes)
    classes.push_back({{"class", c.discount->key},
                       {"discount_percent", c.discount->discount_percent->to_string()},
                       {"qualifier", c.discount->qualifier},
                       {"break_even_utilisation_percent", (kHundred - *c.discount->discount_percent).to_string()},
                       {"eligible_on_demand_per_year_usd", money_json(c.on_demand_year)},
                       {"source", cite_number(r, c.discount->source)}});
  out["discount_classes"] = classes;
  out["totals_per_year"] = {{"eligible_usd", money_json(r.eligible_year)},
                            {"not_covered_hourly_usd", money_json(r.not_covered_hourly_year)},
                            {"monthly_items_usd", money_json(r.monthly_items_year)},
                            {"total_database_spend_usd", money_json(total)},
                            {"eligible_percent_of_total_database_spend", percent(r.eligible_year, total).to_string()}};
  auto counts = [](const std::vector<std::size_t>& v) {
    nlohmann::ordered_json a = nlohmann::ordered_json::array();
    for (auto x : v) a.push_back(x);
    return a;
  };
  out["best_commitment"] = {
      {"commitment_usd_per_hour", r.optimum.commitment.usd_per_unit().normalized().to_string()},
      {"explanation", optimum_explanation(r)},
      {"candidates_considered", r.optimum.candidates},
      {"just_above", {{"hours_unused", r.optimum.unused_hours_above}, {"hours_by_class", counts(r.optimum.class_hours_above)},
                      {"yearly_cost_change_per_usd_per_hour_scaled", r.optimum.slope_above_scaled.to_string()}}},
      {"just_below", {{"hours_unused", r.optimum.unused_hours_below}, {"hours_by_class", counts(r.optimum.class_hours_below)},
                      {"yearly_cost_change_per_usd_per_hour_scaled", r.optimum.slope_below_scaled.to_string()}}},
      {"slope_scale_factor", slope_scale(r).to_string()},
      {"slope_scale_note", "the slopes are in USD per year per USD per hour of commitment, multiplied by "
                           "slope_scale_factor (the product of 1 - discount over the classes), which keeps them exact"},
      {"outcome", outcome_json(r, r.at_optimum, total, not_covered)}};
  out["considered_commitment"] = r.at_considered ? outcome_json(r, *r.at_considered, total, not_covered)
                                                 : nlohmann::ordered_json(nullptr);
  out["break_even_commitment_usd_per_hour"] = {{"value", r.break_even_commitment.usd_per_unit().to_string()},
                                               {"exact", r.break_even_exact}};
  out["max_useful_commitment_usd_per_hour"] = r.max_useful_commitment.usd_per_unit().normalized().to_string();
  nlohmann::ordered_json downside = nlohmann::ordered_json::array();
  for (const auto& d : r.downside) {
    const Money nc = d.total_without_plan - d.at_optimum.eligible_on_demand;
    downside.push_back({{"usage_drop_percent", d.drop_percent.to_string()},
                        {"from_hour", d.from_hour},
                        {"with_best_commitment_kept", outcome_json(r, d.at_optimum, d.total_without_plan, nc)},
                        {"hindsight_commitment_usd_per_hour", d.hindsight_commitment.usd_per_unit().normalized().to_string()},
                        {"with_hindsight_commitment", outcome_json(r, d.at_hindsight, d.total_without_plan, nc)}});
  }
  out["downside"] = downside;
  nlohmann::ordered_json curve = nlohmann::ordered_json::array();
  for (const auto& p : r.curve)
    curve.push_back({{"commitment_usd_per_hour", p.outcome.commitment.usd_per_unit().normalized().to_string()},
                     {"commitment_per_year_usd", money_json(p.outcome.paid)},
                     {"saving_usd", money_json(p.outcome.saving)},
                     {"saving_exact", p.outcome.covered_exact},
                     {"saving_percent_of_eligible_spend", percent(p.outcome.saving, p.outcome.eligible_on_demand).to_string()},
                     {"utilisation_percent", p.outcome.paid.usd().is_zero() ? nlohmann::ordered_json(nullptr)
                                                                     : nlohmann::ordered_json(percent(p.outcome.used, p.outcome.paid).to_string())},
                     {"label", p.label}});
  out["savings_curve"] = curve;
  out["ceiling"] = {{"max_saving_usd", money_json(r.ceiling_saving)},
                    {"max_saving_percent_of_total_database_spend", percent(r.ceiling_saving, total).to_string()},
                    {"best_saving_percent_of_total_database_spend", percent(r.at_optimum.saving, total).to_string()}};
  out["assumptions"] = r.assumptions;
  out["sources"] = sources_json(r.notes);
  return out;
}

}  // namespace costproof
