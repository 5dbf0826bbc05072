// Markdown (show notes) and JSON renderings of a Database Savings Plan result.
// Every equation printed here re-checks from its printed operands: the
// arithmetic sections print exact values (a quotient that does not terminate
// is carried to 10 places and printed with "≈"); the headline tables print
// values rounded by rounding_policy.h, with a "Rounding" line where a rounded
// column would not add up. Every percentage names its base: eligible spend
// (usage a plan can cover) or total database spend (the whole bill).
#include <sstream>

#include "scenarios/database-savings-plan/database_savings_plan.h"
#include "core/format.h"
#include "render/source_notes.h"
#include "core/rounded_column.h"
#include "core/rounding_policy.h"

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
std::string per_hour(const Decimal& c) { return format_price(c) + " per hour"; }
std::string hours_text(std::size_t n) { return format_number(Decimal::from_int(static_cast<std::int64_t>(n))); }
std::string pct(const Decimal& part, const Decimal& whole) {
  return whole.is_zero() ? "n/a" : format_percent(percent_of(part, whole));
}
// "=" or "≈" in front of a carried quotient.
std::string eq(bool exact) { return exact ? " = " : " ≈ "; }

std::string class_name(const DspClass& c) { return c.discount->key; }
// "35%", "up to 35%"
std::string discount_text(const DspClass& c) {
  const auto& row = *c.discount;
  return (row.qualifier == "exactly" ? "" : row.qualifier + " ") + format_number(*row.discount_percent) + "%";
}
std::string class_label(const R& r, const DspClass& c) {
  return class_name(c) + ", " + discount_text(c) + " " + cite(r, c.discount->source);
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

std::string coverage_text(const R& r, const DspLine& l) {
  if (l.discount_class >= 0) return class_label(r, r.classes[static_cast<std::size_t>(l.discount_class)]);
  return "not covered: " + l.not_covered_reason + " " + cite(r, l.eligibility->source);
}

// How a line's cost per unit comes from its price row, when it is not the price itself:
// "$0.456 × 2 (Multi-AZ, approximately) = $0.912", "$0.625 ÷ 1,000,000 = $0.000000625". Empty otherwise.
std::string unit_cost_derivation(const DspLine& l) {
  const PriceRow& p = *l.price;
  if (p.per == kOne && !l.multi_az) return "";
  std::string out = format_price(p.price.usd_per_unit());
  if (p.per != kOne) out += " ÷ " + format_number(p.per);
  if (l.multi_az) out += " × " + format_number(*l.multi_az->multiplier) + " (Multi-AZ, " + l.multi_az->qualifier + ")";
  return out + " = " + format_price(l.unit_cost);
}

// One line of the "without a plan" arithmetic.
std::string line_arithmetic(const DspLine& l) {
  const DspUsageLine& u = *l.usage;
  std::string out = "- " + u.name + ": ";
  if (!u.hourly) {
    out += level_text(u) + " × 12 = " + format_number(l.quantity_year) + " " +
           year_unit(u);
  } else if (u.profile.shape == UsageProfile::Shape::kConstant) {
    out += level_text(u) + " × " + format_number(Decimal::from_int(kHoursPerYear)) +
           " h = " + format_number(l.quantity_year) + " " + year_unit(u);
  } else {
    out += format_number(l.quantity_year) + " " + year_unit(u) + " over the 8,760 hours (" + profile_text(u) + ")";
  }
  const std::string derivation = unit_cost_derivation(l);
  if (!derivation.empty()) out += "; cost per unit " + derivation;
  out += "; " + format_number(l.quantity_year) + " × " + format_price(l.unit_cost) + " = " + usd(l.on_demand_year.usd());
  return out + "\n";
}

void sum_line(std::ostringstream& md, const std::string& label, const std::vector<Decimal>& parts,
              const Decimal& total) {
  md << "- " << label << ": ";
  for (std::size_t i = 0; i < parts.size(); ++i) md << (i ? " + " : "") << usd(parts[i]);
  if (parts.size() > 1) md << " = " << usd(total);
  md << "\n";
}

// The exact arithmetic of one commitment.
void outcome_arithmetic(std::ostringstream& md, const R& r, const CommitmentOutcome& o, const Decimal& not_covered) {
  const Decimal total_without = r.total_year.usd();
  md << "- Commitment paid: " << per_hour(o.commitment) << " × " << hours_text(o.hours) << " h = " << usd(o.paid)
     << "\n";
  std::vector<Decimal> covered, used;
  for (std::size_t k = 0; k < o.classes.size(); ++k) {
    const ClassCoverage& cc = o.classes[k];
    const DspClass& c = r.classes[k];
    md << "- " << class_name(c) << " (" << discount_text(c) << "): ";
    if (cc.full_hours == 0 && cc.partial_hours == 0) {
      md << "not reached by the commitment; covered $0.00\n";
    } else {
      std::vector<std::string> parts;
      if (cc.full_hours > 0)
        parts.push_back("covered entirely in " + hours_text(cc.full_hours) + " hours: " +
                        usd(cc.fully_covered_on_demand) + " of On-Demand usage for " +
                        format_number(plan_factor(c)) + " × " + usd(cc.fully_covered_on_demand) + " = " +
                        usd(cc.fully_covered_discounted) + " of commitment");
      if (cc.partial_hours > 0)
        parts.push_back("covered in part in " + hours_text(cc.partial_hours) + " hours: " +
                        usd(cc.partial_commitment) + " of commitment ÷ " + format_number(plan_factor(c)) +
                        eq(cc.partial_exact) + usd(cc.partial_on_demand) + " of On-Demand usage");
      for (std::size_t i = 0; i < parts.size(); ++i) md << (i ? "; " : "") << parts[i];
      if (cc.full_hours > 0 && cc.partial_hours > 0)
        md << "; covered in all " << usd(cc.fully_covered_on_demand) << " + " << usd(cc.partial_on_demand) << " = "
           << usd(cc.covered_on_demand) << " of On-Demand usage, using " << usd(cc.fully_covered_discounted) << " + "
           << usd(cc.partial_commitment) << " = " << usd(cc.commitment_used) << " of commitment";
      md << "\n";
    }
    covered.push_back(cc.covered_on_demand);
    used.push_back(cc.commitment_used);
  }
  if (o.classes.size() > 1) {
    sum_line(md, "Eligible usage covered (at On-Demand rates)", covered, o.covered_on_demand);
    sum_line(md, "Commitment used", used, o.used);
  }
  md << "- Eligible usage still billed On-Demand: " << usd(o.eligible_on_demand) << " − " << usd(o.covered_on_demand)
     << " = " << usd(o.left_on_demand) << "\n";
  md << "- Eligible usage with the plan: " << usd(o.paid) << " + " << usd(o.left_on_demand) << " = "
     << usd(o.eligible_cost) << " (without: " << usd(o.eligible_on_demand) << ")\n";
  md << "- Saving: " << usd(o.eligible_on_demand) << " − " << usd(o.eligible_cost) << " = " << usd(o.saving)
     << (o.saving.is_negative() ? " (a loss: the plan costs more than On-Demand)" : "") << "\n";
  md << "- As a share of eligible spend: " << usd(o.saving) << " ÷ " << usd(o.eligible_on_demand) << " = "
     << pct(o.saving, o.eligible_on_demand) << "\n";
  md << "- As a share of total database spend: " << usd(o.saving) << " ÷ " << usd(total_without) << " = "
     << pct(o.saving, total_without) << "\n";
  md << "- Whole database bill with the plan: " << usd(o.eligible_cost) << " + " << usd(not_covered) << " (not covered) = "
     << usd(o.eligible_cost + not_covered) << "\n";
  if (!o.paid.is_zero())
    md << "- Utilisation: " << usd(o.used) << " used ÷ " << usd(o.paid) << " paid = " << pct(o.used, o.paid)
       << "; unused commitment " << usd(o.paid) << " − " << usd(o.used) << " = " << usd(o.unused) << "\n";
  md << "- Coverage: " << usd(o.covered_on_demand) << " covered ÷ " << usd(o.eligible_on_demand)
     << " eligible = " << pct(o.covered_on_demand, o.eligible_on_demand) << " of eligible On-Demand spend\n";
  md << "- Hours in which eligible usage at On-Demand rates is below the commitment (the plan loses money in "
        "that hour): " << hours_text(o.hours_below) << " of " << hours_text(o.hours) << "\n";
}

// Rounded per-year and per-month (year ÷ 12) columns that still add up.
struct YearMonthRows {
  RoundedColumn year;
  std::vector<Decimal> month_parts;
  Decimal month_total, month_adjustment;
};
YearMonthRows year_month(const std::vector<Decimal>& parts) {
  YearMonthRows out;
  out.year = round_column(parts);
  Decimal exact_total, sum;
  for (const auto& p : parts) {
    exact_total += p;
    out.month_parts.push_back(money_quotient(p, kTwelve));
    sum += out.month_parts.back();
  }
  out.month_total = money_quotient(exact_total, kTwelve);
  out.month_adjustment = out.month_total - sum;
  return out;
}

void headline_table(std::ostringstream& md, const R& r, const std::string& with_label, const CommitmentOutcome& o) {
  const Decimal without = r.total_year.usd();
  const Decimal with = o.eligible_cost + r.not_covered_hourly_year.usd() + r.monthly_items_year.usd();
  const YearMonthRows t = year_month({without, -with});
  md << "| | Per year | Per month (year ÷ 12) |\n|---|---:|---:|\n";
  md << "| Whole database bill without a plan (On-Demand) | " << usd_r(t.year.parts[0]) << " | "
     << usd_r(t.month_parts[0]) << " |\n";
  md << "| " << with_label << " | " << usd_r(-t.year.parts[1]) << " | " << usd_r(-t.month_parts[1]) << " |\n";
  if (!t.year.adjustment.is_zero() || !t.month_adjustment.is_zero())
    md << "| Rounding (exact saving minus difference of rounded rows) | " << usd_r(t.year.adjustment) << " | "
       << usd_r(t.month_adjustment) << " |\n";
  md << "| **Saving** (negative = costs more) | **" << usd_r(t.year.total) << "** | **" << usd_r(t.month_total)
     << "** |\n";
  md << "| Saving as % of eligible spend (" << usd_r(o.eligible_on_demand) << " a year) | "
     << pct(o.saving, o.eligible_on_demand) << " | " << pct(o.saving, o.eligible_on_demand) << " |\n";
  md << "| Saving as % of total database spend (" << usd_r(without) << " a year) | " << pct(o.saving, without) << " | "
     << pct(o.saving, without) << " |\n\n";
}

// The one-line explanation of the optimum.
std::string optimum_explanation(const R& r) {
  const OptimumDetail& opt = r.optimum;
  std::ostringstream s;
  const std::string n = hours_text(static_cast<std::size_t>(r.hours));
  if (r.classes.size() == 1) {
    const DspClass& c = r.classes[0];
    const std::string keep = format_number(kHundred - *c.discount->discount_percent) + "%";
    if (opt.commitment.is_zero()) {
      s << "**Commit nothing.** A dollar of commitment beats On-Demand only if it is used in more than " << keep
        << " of hours (1 − " << format_number(*c.discount->discount_percent) << "%), and this usage is above zero in only "
        << hours_text(opt.class_hours_above[0]) << " of " << n << " hours.";
      return s.str();
    }
    const Decimal level = Decimal::divide(opt.commitment, plan_factor(c), opt.commitment.scale() + 12,
                                          RoundingMode::kDown).normalized();  // exact: c* = (1 - d) x level
    s << "**Commit " << per_hour(opt.commitment) << ".** A dollar of commitment beats On-Demand only if it is used in "
      << "more than " << keep << " of hours (1 − " << format_number(*c.discount->discount_percent) << "%); "
      << per_hour(level) << " is the highest eligible On-Demand spend this usage reaches in more than " << keep
      << " of hours (in " << hours_text(opt.class_hours_below[0]) << " of " << n << "), so commit "
      << format_number(plan_factor(c)) << " × " << format_price(level) << " = " << format_price(opt.commitment) << ".";
    return s.str();
  }
  if (opt.commitment.is_zero()) {
    s << "**Commit nothing.** Even the first cent of commitment would go unused in too many hours ("
      << hours_text(opt.unused_hours_above) << " of " << n << ") to be paid back by the discounts.";
    return s.str();
  }
  std::vector<std::string> used;
  for (std::size_t k = 0; k < r.classes.size(); ++k)
    if (opt.class_hours_above[k] > 0)
      used.push_back(hours_text(opt.class_hours_above[k]) + " hours (" + class_name(r.classes[k]) + ", saving " +
                     gain_fraction(r.classes[k]) + " of a cent)");
  s << "**Commit " << per_hour(opt.commitment) << ".** One more cent of commitment per hour would go unused in "
    << hours_text(opt.unused_hours_above) << " of " << n << " hours (a whole cent lost each time)";
  if (used.empty()) {
    s << " and be used in none";
  } else {
    s << " and would replace On-Demand usage only in ";
    for (std::size_t i = 0; i < used.size(); ++i) s << (i ? (i + 1 == used.size() ? " and " : ", ") : "") << used[i];
  }
  s << ", so it would cost more than it saves; every cent up to " << format_price(opt.commitment)
    << " still saves more than it costs.";
  return s.str();
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

std::string render_markdown(const DatabaseSavingsPlanResult& r) {
  const auto& sc = *r.scenario;
  const CommitmentOutcome& best = r.at_optimum;
  const Decimal total = r.total_year.usd();
  const Decimal not_covered = r.not_covered_hourly_year.usd() + r.monthly_items_year.usd();
  std::ostringstream md;
  md << "## " << sc.header.title << "\n\n";
  md << "*Scenario `" << sc.header.id << "` · region " << sc.region
     << " · Database Savings Plan: 1-year term, No Upfront · year = 8,760 h (12 × 730 h) · prices as of "
     << r.prices_as_of.to_string() << "*\n\n";
  for (const auto& w : r.warnings) md << "> **Warning:** " << w << "\n\n";

  // What this means for you.
  md << "### What this means for you\n\n";
  md << (sc.header.audience.empty() ? "A team" : "A " + sc.header.audience) << " pays " << usd_r(total)
     << " a year for this database usage at On-Demand rates; " << usd_r(r.eligible_year.usd()) << " of it ("
     << pct(r.eligible_year.usd(), total) << " of total database spend) is usage a Database Savings Plan can cover. ";
  if (r.optimum.commitment.is_zero()) {
    md << "For this usage profile the best commitment is none at all: any commitment would cost more than it saves. ";
  } else {
    md << "The best commitment for this usage profile is " << per_hour(r.optimum.commitment) << " ("
       << usd_r(best.paid) << " a year, No Upfront). It saves " << usd_r(best.saving) << " a year: "
       << pct(best.saving, best.eligible_on_demand) << " of eligible spend, which is "
       << pct(best.saving, total) << " of total database spend. ";
  }
  if (r.at_considered) {
    const auto& c = *r.at_considered;
    md << "The " << per_hour(c.commitment) << " you are considering would "
       << (c.saving.is_negative() ? "cost " + usd_r(c.saving.abs()) + " a year more than On-Demand ("
                                  : "save " + usd_r(c.saving) + " a year (")
       << pct(c.saving.abs(), c.eligible_on_demand) << " of eligible spend; " << pct(c.saving.abs(), total)
       << " of total database spend). ";
  }
  md << "Discounts are the sources' \"up to\" ceilings, so these savings are a best case, and the headline \""
     << discount_text(r.classes[0]) << "\" applies only to " << class_name(r.classes[0])
     << " usage: on this whole bill no commitment can save more than " << pct(r.ceiling_saving, total)
     << " of total database spend (see why below). ";
  if (!r.optimum.commitment.is_zero()) {
    for (const auto& d : r.downside) {
      const auto& o = d.at_optimum;
      md << "If usage falls " << format_number(d.drop_percent) << "% from month 7, the same commitment "
         << (o.saving.is_negative() ? "loses " + usd_r(o.saving.abs()) : "saves " + usd_r(o.saving))
         << " (" << pct(o.saving.abs(), o.eligible_on_demand) << " of that year's eligible spend). ";
    }
    md << "Rule of thumb: in any hour when your eligible usage at On-Demand rates is below the commitment ("
       << format_price(r.optimum.commitment) << "), the plan costs more than On-Demand in that hour.";
  }
  md << "\n\n";

  // The usage.
  md << "### The usage\n\n";
  md << "| Usage | What | On-Demand price | Covered by | Profile | Quantity over the year | On-Demand per year |\n";
  md << "|---|---|---|---|---|---:|---:|\n";
  for (const auto& l : r.lines)
    md << "| " << l.usage->name << " | " << l.what << " | " << l.price->price_text() << " " << cite(r, l.price->source)
       << (l.multi_az ? "; Multi-AZ " + l.multi_az->price_text() + " " + cite(r, l.multi_az->source) : "") << " | "
       << coverage_text(r, l) << " | " << profile_text(*l.usage) << " | " << format_number(l.quantity_year) << " "
       << year_unit(*l.usage) << " | " << usd_r(l.on_demand_year.usd()) << " |\n";
  md << "\n";

  // Discounts and break-even.
  md << "### Discounts and break-even utilisation\n\n";
  md << "| Discount class | Discount | Break-even utilisation (1 − discount) | Eligible usage, On-Demand per year |\n";
  md << "|---|---|---:|---:|\n";
  for (const auto& c : r.classes)
    md << "| " << class_name(c) << " | " << discount_text(c) << " " << cite(r, c.discount->source) << " | "
       << format_number(kHundred - *c.discount->discount_percent) << "% | " << usd_r(c.on_demand_year.usd()) << " |\n";
  md << "\nA dollar of commitment buys 1 ÷ (1 − discount) dollars of On-Demand usage, but only in an hour when the "
        "usage is there. At a " << format_number(*r.classes[0].discount->discount_percent) << "% discount ("
     << class_name(r.classes[0]) << ") it pays for itself only while more than "
     << format_number(kHundred - *r.classes[0].discount->discount_percent)
     << "% of it is used (utilisation); below that you pay for commitment that covers nothing. In hourly terms: "
        "the plan beats On-Demand in an hour exactly when that hour's eligible On-Demand usage exceeds the "
        "commitment.\n\n";

  // The arithmetic.
  md << "### The arithmetic (exact, before rounding)\n\n";
  md << "Without a plan, over the year:\n\n";
  std::vector<Decimal> eligible_parts, other_parts;
  for (const auto& l : r.lines) md << line_arithmetic(l);
  for (const auto& c : r.classes) eligible_parts.push_back(c.on_demand_year.usd());
  sum_line(md, "Eligible (a plan can cover it)", eligible_parts, r.eligible_year.usd());
  for (const auto& l : r.lines)
    if (l.discount_class < 0) other_parts.push_back(l.on_demand_year.usd());
  if (!other_parts.empty()) sum_line(md, "Not covered by any plan", other_parts, not_covered);
  md << "- Total database spend: " << usd(r.eligible_year.usd()) << " + " << usd(not_covered) << " = " << usd(total)
     << "\n\n";
  md << "With the best commitment, " << per_hour(r.optimum.commitment) << ":\n\n";
  outcome_arithmetic(md, r, best, not_covered);
  md << "\n";
  if (r.at_considered) {
    md << "With the commitment you are considering, " << per_hour(r.at_considered->commitment) << ":\n\n";
    outcome_arithmetic(md, r, *r.at_considered, not_covered);
    md << "\n";
  }

  // The best commitment.
  md << "### The best commitment\n\n";
  md << optimum_explanation(r) << "\n\n";
  md << "- Found exactly: the yearly cost is piecewise linear in the commitment and bends only where the commitment "
        "equals one hour's eligible usage at plan rates, so the best commitment is one of "
     << hours_text(r.optimum.candidates) << " candidate values (zero and every distinct breakpoint); no grid is "
        "scanned.\n";
  if (!r.optimum.commitment.is_zero())
    md << "- Just below " << format_price(r.optimum.commitment) << ", one more dollar per hour of commitment changes "
          "the yearly cost by " << slope_text(r, r.optimum.unused_hours_below, r.optimum.class_hours_below,
                                               r.optimum.slope_below_scaled)
       << " (negative: still saving).\n";
  md << "- Just above " << format_price(r.optimum.commitment) << ", it changes the yearly cost by "
     << slope_text(r, r.optimum.unused_hours_above, r.optimum.class_hours_above, r.optimum.slope_above_scaled)
     << " (zero or positive: no longer saving). Each class term is hours × discount ÷ (1 − discount), the On-Demand "
        "dollars a dollar of commitment saves in an hour it is used.\n";
  md << "- Over-committing: above " << (r.break_even_exact ? "" : "about ") << per_hour(r.break_even_commitment)
     << " the plan costs more than On-Demand over the year (the break-even commitment"
     << (r.break_even_exact ? "" : ", carried to 10 places and rounded down") << ").\n";
  md << "- Above " << per_hour(r.max_useful_commitment)
     << " (the highest hourly eligible usage at plan rates) an extra dollar of commitment is never used at all.\n\n";

  // Headline figures.
  md << "### Headline figures (rounded to the cent)\n\n";
  md << "Best commitment, " << per_hour(r.optimum.commitment) << ":\n\n";
  headline_table(md, r, "Whole database bill with the plan", best);
  if (r.at_considered) {
    md << "The commitment you are considering, " << per_hour(r.at_considered->commitment) << ":\n\n";
    headline_table(md, r, "Whole database bill with the plan", *r.at_considered);
  }

  // Downside.
  md << "### If usage falls mid-term\n\n";
  md << "The commitment cannot be cancelled. Usage falls from hour 4,380 (month 7) to the end of the term; the "
        "commitment stays at " << per_hour(r.optimum.commitment) << ".\n\n";
  md << "| Case | Bill without a plan | Bill with the plan | Saving (negative = loss) | % of eligible spend | % of total "
        "database spend | Utilisation | Best commitment in hindsight |\n";
  md << "|---|---:|---:|---:|---:|---:|---:|---:|\n";
  md << "| Usage as expected | " << usd_r(total) << " | " << usd_r(best.eligible_cost + not_covered) << " | "
     << usd_r(best.saving) << " | " << pct(best.saving, best.eligible_on_demand) << " | " << pct(best.saving, total)
     << " | " << (best.paid.is_zero() ? "n/a" : pct(best.used, best.paid)) << " | "
     << format_price(r.optimum.commitment) << " |\n";
  for (const auto& d : r.downside) {
    const auto& o = d.at_optimum;
    md << "| Usage −" << format_number(d.drop_percent) << "% from month 7 | " << usd_r(d.total_without_plan.usd())
       << " | " << usd_r(d.total_with_plan.usd()) << " | " << usd_r(o.saving) << " | "
       << pct(o.saving, o.eligible_on_demand) << " | " << pct(o.saving, d.total_without_plan.usd()) << " | "
       << (o.paid.is_zero() ? "n/a" : pct(o.used, o.paid)) << " | " << format_price(d.hindsight_commitment)
       << " (saves " << usd_r(d.at_hindsight.saving) << ") |\n";
  }
  md << "\n";
  for (const auto& d : r.downside) {
    const auto& o = d.at_optimum;
    md << "- Usage −" << format_number(d.drop_percent) << "% from month 7: eligible usage " << usd(o.eligible_on_demand)
       << " On-Demand; with the plan " << usd(o.paid) << " + " << usd(o.left_on_demand) << " = " << usd(o.eligible_cost)
       << "; saving " << usd(o.eligible_on_demand) << " − " << usd(o.eligible_cost) << " = " << usd(o.saving) << " ("
       << pct(o.saving, o.eligible_on_demand) << " of eligible spend; " << pct(o.saving, d.total_without_plan.usd())
       << " of total database spend " << usd(d.total_without_plan.usd()) << ")";
    if (!o.paid.is_zero())
      md << "; utilisation " << usd(o.used) << " ÷ " << usd(o.paid) << " = " << pct(o.used, o.paid)
         << ", unused commitment " << usd(o.unused);
    md << "\n";
  }
  md << "\n";

  // Chart data.
  md << "### Savings vs commitment (chart data)\n\n";
  md << "Yearly saving on eligible spend for a range of commitments (the JSON output has every point):\n\n";
  md << "| Commitment per hour | Commitment per year | Saving per year (negative = loss) | % of eligible spend | "
        "Note |\n|---:|---:|---:|---:|---|\n";
  for (const auto& p : r.curve) {
    const bool even_step = p.step >= 0 && p.step % 2 == 0;  // the 21 evenly spaced points thinned to 11
    if (!even_step && p.label.empty()) continue;
    md << "| " << format_price(p.outcome.commitment) << " | " << usd_r(p.outcome.paid) << " | "
       << usd_r(p.outcome.saving) << " | " << pct(p.outcome.saving, p.outcome.eligible_on_demand) << " | " << p.label
       << " |\n";
  }
  md << "\n";

  // The ceiling.
  md << "### Why \"" << discount_text(r.classes[0]) << "\" is a ceiling for the whole bill\n\n";
  md << "- The most any commitment could save, if every eligible hour were covered at the full discount: ";
  std::vector<std::string> terms;
  for (const auto& c : r.classes)
    terms.push_back(format_number(c.fraction) + " × " + usd(c.on_demand_year.usd()) + " (" + class_name(c) + ")");
  for (std::size_t i = 0; i < terms.size(); ++i) md << (i ? " + " : "") << terms[i];
  md << " = " << usd(r.ceiling_saving) << "\n";
  md << "- As a share of total database spend: " << usd(r.ceiling_saving) << " ÷ " << usd(total) << " = "
     << pct(r.ceiling_saving, total) << " at most; the best commitment for this profile saves " << usd(best.saving)
     << " ÷ " << usd(total) << " = " << pct(best.saving, total) << "\n";
  md << "- Eligible usage is " << usd(r.eligible_year.usd()) << " ÷ " << usd(total) << " = "
     << pct(r.eligible_year.usd(), total) << " of the bill";
  if (!other_parts.empty()) {
    md << "; the rest is not covered at all:";
    bool first = true;
    for (const auto& l : r.lines)
      if (l.discount_class < 0) {
        md << (first ? " " : "; ") << l.usage->name << " " << usd(l.on_demand_year.usd()) << " ("
           << l.not_covered_reason << ")";
        first = false;
      }
  }
  md << "\n";
  if (!best.left_on_demand.is_zero())
    md << "- The best commitment leaves " << (best.covered_exact ? "" : "about ") << usd_r(best.left_on_demand)
       << " of eligible usage On-Demand (coverage " << pct(best.covered_on_demand, best.eligible_on_demand)
       << " of eligible spend): covering more would need commitment that sits unused in too many hours, "
          "below the break-even utilisation.\n";
  if (r.classes.size() > 1) {
    md << "- Part of the eligible usage gets a smaller discount than " << class_name(r.classes[0]) << " ("
       << discount_text(r.classes[0]) << "):";
    for (std::size_t k = 1; k < r.classes.size(); ++k)
      md << (k > 1 ? "," : "") << " " << class_name(r.classes[k]) << " " << discount_text(r.classes[k]) << " ("
         << usd(r.classes[k].on_demand_year.usd()) << ")";
    md << ", so even full coverage saves " << usd(r.ceiling_saving) << " ÷ " << usd(r.eligible_year.usd()) << " = "
       << pct(r.ceiling_saving, r.eligible_year.usd()) << " of eligible spend, not "
       << format_number(*r.classes[0].discount->discount_percent) << "%.\n";
  }
  md << "\n";

  render_assumptions_and_sources(md, r.assumptions, r.notes);
  return md.str();
}

namespace {


nlohmann::ordered_json outcome_json(const R& r, const CommitmentOutcome& o, const Decimal& total_without,
                                    const Decimal& not_covered) {
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
  const Decimal bill_with = o.eligible_cost + not_covered;
  return {{"commitment_usd_per_hour", o.commitment.normalized().to_string()},
          {"hours", o.hours},
          {"commitment_paid_usd", money_json(o.paid)},
          {"commitment_used_usd", money_json(o.used)},
          {"commitment_unused_usd", money_json(o.unused)},
          {"utilisation_percent", o.paid.is_zero() ? nlohmann::ordered_json(nullptr)
                                                   : nlohmann::ordered_json(percent_of(o.used, o.paid).to_string())},
          {"eligible_on_demand_usd", money_json(o.eligible_on_demand)},
          {"covered_on_demand_usd", money_json(o.covered_on_demand)},
          {"covered_exact", o.covered_exact},
          {"coverage_percent_of_eligible_spend",
           o.eligible_on_demand.is_zero() ? nlohmann::ordered_json(nullptr)
                                          : nlohmann::ordered_json(percent_of(o.covered_on_demand, o.eligible_on_demand).to_string())},
          {"eligible_left_on_demand_usd", money_json(o.left_on_demand)},
          {"eligible_cost_with_plan_usd", money_json(o.eligible_cost)},
          {"total_bill_without_plan_usd", money_json(total_without)},
          {"total_bill_with_plan_usd", money_json(bill_with)},
          {"saving_usd", money_json(o.saving)},
          {"saving_percent_of_eligible_spend",
           o.eligible_on_demand.is_zero() ? nlohmann::ordered_json(nullptr)
                                          : nlohmann::ordered_json(percent_of(o.saving, o.eligible_on_demand).to_string())},
          {"saving_percent_of_total_database_spend", percent_of(o.saving, total_without).to_string()},
          {"hours_with_eligible_usage_below_commitment", o.hours_below},
          {"classes", classes}};
}

}  // namespace

nlohmann::ordered_json render_json(const DatabaseSavingsPlanResult& r) {
  const auto& sc = *r.scenario;
  const Decimal total = r.total_year.usd();
  const Decimal not_covered = r.not_covered_hourly_year.usd() + r.monthly_items_year.usd();
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
                                {"price", {{"usd", l.price->price.usd_per_unit().to_string()},
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
                                {"on_demand_per_year_usd", money_json(l.on_demand_year.usd())},
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
                       {"eligible_on_demand_per_year_usd", money_json(c.on_demand_year.usd())},
                       {"source", cite_number(r, c.discount->source)}});
  out["discount_classes"] = classes;
  out["totals_per_year"] = {{"eligible_usd", money_json(r.eligible_year.usd())},
                            {"not_covered_hourly_usd", money_json(r.not_covered_hourly_year.usd())},
                            {"monthly_items_usd", money_json(r.monthly_items_year.usd())},
                            {"total_database_spend_usd", money_json(total)},
                            {"eligible_percent_of_total_database_spend", percent_of(r.eligible_year.usd(), total).to_string()}};
  auto counts = [](const std::vector<std::size_t>& v) {
    nlohmann::ordered_json a = nlohmann::ordered_json::array();
    for (auto x : v) a.push_back(x);
    return a;
  };
  out["best_commitment"] = {
      {"commitment_usd_per_hour", r.optimum.commitment.normalized().to_string()},
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
  out["break_even_commitment_usd_per_hour"] = {{"value", r.break_even_commitment.to_string()},
                                               {"exact", r.break_even_exact}};
  out["max_useful_commitment_usd_per_hour"] = r.max_useful_commitment.normalized().to_string();
  nlohmann::ordered_json downside = nlohmann::ordered_json::array();
  for (const auto& d : r.downside) {
    const Decimal nc = d.total_without_plan.usd() - d.at_optimum.eligible_on_demand;
    downside.push_back({{"usage_drop_percent", d.drop_percent.to_string()},
                        {"from_hour", d.from_hour},
                        {"with_best_commitment_kept", outcome_json(r, d.at_optimum, d.total_without_plan.usd(), nc)},
                        {"hindsight_commitment_usd_per_hour", d.hindsight_commitment.normalized().to_string()},
                        {"with_hindsight_commitment", outcome_json(r, d.at_hindsight, d.total_without_plan.usd(), nc)}});
  }
  out["downside"] = downside;
  nlohmann::ordered_json curve = nlohmann::ordered_json::array();
  for (const auto& p : r.curve)
    curve.push_back({{"commitment_usd_per_hour", p.outcome.commitment.normalized().to_string()},
                     {"commitment_per_year_usd", money_json(p.outcome.paid)},
                     {"saving_usd", money_json(p.outcome.saving)},
                     {"saving_exact", p.outcome.covered_exact},
                     {"saving_percent_of_eligible_spend", percent_of(p.outcome.saving, p.outcome.eligible_on_demand).to_string()},
                     {"utilisation_percent", p.outcome.paid.is_zero() ? nlohmann::ordered_json(nullptr)
                                                                     : nlohmann::ordered_json(percent_of(p.outcome.used, p.outcome.paid).to_string())},
                     {"label", p.label}});
  out["savings_curve"] = curve;
  out["ceiling"] = {{"max_saving_usd", money_json(r.ceiling_saving)},
                    {"max_saving_percent_of_total_database_spend", percent_of(r.ceiling_saving, total).to_string()},
                    {"best_saving_percent_of_total_database_spend", percent_of(r.at_optimum.saving, total).to_string()}};
  out["assumptions"] = r.assumptions;
  out["sources"] = sources_json(r.notes);
  return out;
}

}  // namespace costproof
