// Markdown (show notes) and JSON renderings of a compute migration result.
// Every equation printed here re-checks from its printed operands: the
// arithmetic section prints exact values; the headline table prints values
// rounded by rounding_policy.h, with a "Rounding" line where a rounded column
// would not add up.
#include <sstream>

#include "scenarios/compute-migration/compute_migration.h"
#include "core/format.h"
#include "render/source_notes.h"
#include "core/rounded_column.h"
#include "core/rounding_policy.h"

namespace costproof {
namespace {

const Decimal kTwelve = Decimal::from_int(12);
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

std::string shape_label(const PriceRow& row, const InstanceShape* shape) {
  if (!shape) return row.key;
  return row.key + " (" + shape->shape_text() + ", " + shape->arch + ")";
}

// "$193.42 less" / "$117.96 more"
std::string less_or_more(const Decimal& saving) {
  return format_usd_rounded(saving.abs()) + (saving.is_negative() ? " more" : " less");
}

// "a − b = c" with exact operands; the sum of several lines when there are more than one.
void sum_line(std::ostringstream& md, const std::string& label, const std::vector<Money>& parts, const Money& total) {
  if (parts.size() < 2) return;
  md << "- " << label << ": ";
  for (std::size_t i = 0; i < parts.size(); ++i) md << (i ? " + " : "") << format_usd_exact(parts[i].usd());
  md << " = " << format_usd_exact(total.usd()) << "\n";
}

// The savings block shared by the same-count and performance-adjusted cases.
void saving_lines(std::ostringstream& md, const Money& before, const Money& after) {
  const Decimal saving = before.usd() - after.usd();
  md << "- Monthly saving: " << format_usd_exact(before.usd()) << " − " << format_usd_exact(after.usd()) << " = "
     << format_usd_exact(saving) << "\n";
  md << "- Yearly saving: " << format_usd_exact(saving) << " × 12 = " << format_usd_exact(saving * kTwelve) << "\n";
  md << "- As a share of current compute spend: " << format_usd_exact(saving) << " ÷ "
     << format_usd_exact(before.usd()) << " = " << format_percent(percent_of(saving, before.usd()))
     << " (rounded to 0.1 point)\n";
}

// One headline table: rows now / after / (rounding) / saving, monthly and yearly.
void headline_table(std::ostringstream& md, const std::string& after_label, const Money& before, const Money& after) {
  const RoundedColumn month = round_column({before.usd(), -after.usd()});
  const RoundedColumn year = round_column({before.usd() * kTwelve, -(after.usd() * kTwelve)});
  md << "| | Per month | Per year |\n|---|---:|---:|\n";
  md << "| Now | " << format_usd_rounded(month.parts[0]) << " | " << format_usd_rounded(year.parts[0]) << " |\n";
  md << "| " << after_label << " | " << format_usd_rounded(-month.parts[1]) << " | "
     << format_usd_rounded(-year.parts[1]) << " |\n";
  if (!month.adjustment.is_zero() || !year.adjustment.is_zero())
    md << "| Rounding (exact saving minus difference of rounded rows) | " << format_usd_rounded(month.adjustment)
       << " | " << format_usd_rounded(year.adjustment) << " |\n";
  md << "| **Saving** (negative = costs more) | **" << format_usd_rounded(month.total) << "** | **"
     << format_usd_rounded(year.total) << "** |\n";
  const Decimal pct = percent_of(before.usd() - after.usd(), before.usd());
  md << "| Saving as % of current compute spend | " << format_percent(pct) << " | " << format_percent(pct)
     << " |\n\n";
}

std::string cite(const ComputeMigrationResult& r, const std::shared_ptr<const PriceSource>& s) {
  for (std::size_t i = 0; i < r.notes.sources().size(); ++i)
    if (r.notes.sources()[i] == s) return "[" + std::to_string(i + 1) + "]";
  return "";
}

}  // namespace

std::string render_markdown(const ComputeMigrationResult& r) {
  const auto& sc = *r.scenario;
  std::ostringstream md;
  md << "## " << sc.header.title << "\n\n";
  md << "*Scenario `" << sc.header.id << "` · region " << sc.region << " · On-Demand Linux · month = "
     << format_number(sc.hours_per_month) << " h · prices as of " << r.prices_as_of.to_string() << "*\n\n";
  for (const auto& w : r.warnings) md << "> **Warning:** " << w << "\n\n";

  // What this means for you.
  const Decimal saving = r.before.usd() - r.after.usd();
  const Decimal pct = percent_of(saving, r.before.usd());
  md << "### What this means for you\n\n";
  md << (sc.header.audience.empty() ? "A team" : "A " + sc.header.audience) << " running "
     << fleet_summary(r, false) << " in " << sc.region << " pays " << format_usd_rounded(r.before.usd())
     << " a month at On-Demand list prices. Moving the same " << format_number(total_count(r, false))
     << " instances to " << fleet_summary(r, true) << " costs " << format_usd_rounded(r.after.usd())
     << " a month: " << less_or_more(saving) << " a month (" << less_or_more(saving * kTwelve)
     << " a year), " << format_percent(pct.abs()) << " of current compute spend.";
  if (sc.performance) {
    const auto& p = *sc.performance;
    const Decimal adj_saving = r.before.usd() - r.after_adjusted.usd();
    md << " If each new instance really does " << (p.qualifier.empty() ? "" : p.qualifier + " ")
       << format_number(p.throughput_gain_percent) << "% more work " << cite(r, p.source) << ", the same work needs "
       << format_number(total_count(r, true)) << " instances instead of " << format_number(total_count(r, false))
       << ", and the bill becomes " << format_usd_rounded(r.after_adjusted.usd()) << " a month ("
       << less_or_more(adj_saving) << ", " << format_percent(percent_of(adj_saving, r.before.usd()).abs())
       << " of current compute spend).";
    if (p.qualifier == "up to") md << " That is the best case: the gain is an \"up to\" figure.";
  }
  md << "\n\n";

  // Fleet.
  md << "### The fleet\n\n";
  md << "| Workload | Now | Moves to | Why this type | Instances | Hours per instance per month |\n";
  md << "|---|---|---|---|---:|---|\n";
  for (const auto& l : r.lines)
    md << "| " << l.name << " | " << shape_label(*l.from, l.from_shape) << ", " << l.from->price_text() << " "
       << cite(r, l.from->source) << " | " << shape_label(*l.to, l.to_shape) << ", " << l.to->price_text() << " "
       << cite(r, l.to->source) << " | " << l.target_rule << " | " << format_number(l.count.value()) << " | "
       << l.hours_basis << " |\n";
  md << "\n";

  // The arithmetic, exact.
  md << "### The arithmetic (exact, before rounding)\n\n";
  md << "Now, per month:\n\n";
  std::vector<Money> befores, afters, adjusted;
  for (const auto& l : r.lines) {
    md << "- " << l.name << ": " << format_number(l.count.value()) << " × " << format_price(l.from->price.usd_per_unit())
       << "/h × " << format_number(l.hours.value()) << " h = " << format_usd_exact(l.before.usd()) << "\n";
    befores.push_back(l.before);
  }
  sum_line(md, "total", befores, r.before);
  md << "\nAfter moving, same number of instances, per month:\n\n";
  for (const auto& l : r.lines) {
    md << "- " << l.name << ": " << format_number(l.count.value()) << " × " << format_price(l.to->price.usd_per_unit())
       << "/h × " << format_number(l.hours.value()) << " h = " << format_usd_exact(l.after.usd()) << "\n";
    afters.push_back(l.after);
  }
  sum_line(md, "total", afters, r.after);
  md << "\n";
  saving_lines(md, r.before, r.after);
  md << "\n";

  if (sc.performance) {
    const auto& p = *sc.performance;
    const Decimal& factor = r.gain_factor;
    md << "Performance-adjusted: each new instance does " << (p.qualifier.empty() ? "" : p.qualifier + " ")
       << format_number(factor) << "× the work " << cite(r, p.source)
       << ", so fewer instances carry the same load (rounded up to whole instances):\n\n";
    for (const auto& l : r.lines) {
      md << "- " << l.name << ": " << format_number(l.count.value()) << " ÷ " << format_number(factor)
         << (l.instances_needed_exact ? " = " : " ≈ ") << format_number(l.instances_needed) << " → "
         << format_number(l.adjusted_count.value()) << " instances; " << format_number(l.adjusted_count.value())
         << " × " << format_price(l.to->price.usd_per_unit()) << "/h × " << format_number(l.hours.value())
         << " h = " << format_usd_exact(l.after_adjusted.usd()) << "\n";
      adjusted.push_back(l.after_adjusted);
    }
    sum_line(md, "total", adjusted, r.after_adjusted);
    md << "\n";
    saving_lines(md, r.before, r.after_adjusted);
    md << "\nCost per unit of work (price per instance-hour ÷ work per instance-hour, now = 1):\n\n";
    for (const auto& l : r.lines) {
      const Decimal& from_price = l.from->price.usd_per_unit();
      const Decimal& to_price = l.to->price.usd_per_unit();
      const Decimal denominator = from_price * factor;
      const Decimal& ratio = l.unit_work_ratio;
      const Decimal less = (Decimal::from_int(1) - ratio) * kHundred;
      md << "- " << l.name << ": " << format_price(to_price) << " ÷ (" << format_price(from_price) << " × "
         << format_number(factor) << ") = " << format_price(to_price) << " ÷ " << format_price(denominator) << " = "
         << ratio.to_string() << " (rounded to 4 places); 1 − " << ratio.to_string() << " = "
         << format_percent(less.rounded(2, RoundingMode::kHalfUp)) << (less.is_negative() ? " more" : " less")
         << " per unit of work";
      if (p.qualifier == "up to") md << " at best";
      md << "\n";
    }
    md << "- For comparison, the same performance gain at an unchanged price: 1 ÷ " << format_number(factor) << " = "
       << ratio_of(Decimal::from_int(1), factor).to_string() << "; 1 − "
       << ratio_of(Decimal::from_int(1), factor).to_string() << " = "
       << format_percent(((Decimal::from_int(1) - ratio_of(Decimal::from_int(1), factor)) * kHundred).rounded(2, RoundingMode::kHalfUp))
       << " less per unit of work: a " << format_number(p.throughput_gain_percent)
       << "% performance gain is never a " << format_number(p.throughput_gain_percent) << "% cost cut.\n\n";
  }

  // Headline figures.
  md << "### Headline figures (rounded to the cent)\n\n";
  md << "Same number of instances (" << fleet_summary(r, false) << " → " << fleet_summary(r, true) << "):\n\n";
  headline_table(md, "After moving", r.before, r.after);
  if (sc.performance) {
    md << "Performance-adjusted (" << fleet_summary(r, true, true) << "):\n\n";
    headline_table(md, "After moving, fewer instances", r.before, r.after_adjusted);
  }

  render_assumptions_and_sources(md, r.assumptions, r.notes);
  return md.str();
}

namespace {


nlohmann::ordered_json totals(const Money& before, const Money& after) {
  const Decimal saving = before.usd() - after.usd();
  return {{"monthly_before_usd", money_json(before.usd())},
          {"monthly_after_usd", money_json(after.usd())},
          {"monthly_saving_usd", money_json(saving)},
          {"yearly_before_usd", money_json(before.usd() * kTwelve)},
          {"yearly_after_usd", money_json(after.usd() * kTwelve)},
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
                                {"monthly_before_usd", money_json(l.before.usd())},
                                {"monthly_after_usd", money_json(l.after.usd())}};
    if (sc.performance) {
      j["instances_needed"] = l.instances_needed.to_string();
      j["instances_needed_exact"] = l.instances_needed_exact;
      j["adjusted_count"] = l.adjusted_count.value().to_string();
      j["monthly_after_adjusted_usd"] = money_json(l.after_adjusted.usd());
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
