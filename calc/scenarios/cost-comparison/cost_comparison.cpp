#include "scenarios/cost-comparison/cost_comparison.h"

#include <algorithm>
#include <set>

#include "core/calendar.h"
#include "core/error.h"
#include "core/format.h"
#include "core/json_reader.h"
#include "core/rounding_policy.h"
#include "render/text_template.h"

namespace costproof {
namespace {

const Decimal kTwelve = Decimal::from_int(12);
const Decimal kZero = Decimal::from_int(0);
constexpr std::size_t kMaxDesigns = 12;
constexpr std::size_t kMaxItems = 50;
constexpr std::size_t kMaxLevels = 20;
const Decimal kMaxQuantity = Decimal::parse("1000000000000000");  // 10^15: a typo guard, not a limit of AWS

bool valid_id(const std::string& s, bool underscore) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (underscore ? c == '_' : c == '-'))) return false;
  return !(s[0] >= '0' && s[0] <= '9');
}

Decimal non_negative(JsonReader& r, std::string_view key, const std::string& what) {
  const Decimal d = r.decimal(key, what);
  if (d.is_negative())
    r.fail(key, "expected " + what + ": 0 or more, got " + d.to_string() + "; write 0 for none");
  if (d > kMaxQuantity)
    r.fail(key, "expected " + what + ": at most 1,000,000,000,000,000, got " + d.to_string() + "; check the unit");
  return d.normalized();
}

CostPeriod parse_period(JsonReader& r) {
  const std::string p = r.one_of("per", {"hour", "month", "year"});
  return p == "hour" ? CostPeriod::kHour : p == "month" ? CostPeriod::kMonth : CostPeriod::kYear;
}

LineItem parse_item(JsonReader& it, const CostComparisonScenario& s) {
  LineItem item;
  item.pointer = it.pointer();
  item.name = it.string("name");
  item.per = parse_period(it);
  const int forms = (it.has("price") ? 1 : 0) + (it.has("amount_usd") ? 1 : 0);
  if (forms != 1)
    it.fail("", "expected exactly one of \"price\" (a price-table row, with \"quantity\") or \"amount_usd\" "
                "(a fixed amount, with \"source\"); give one");
  if (it.has("amount_usd")) {
    item.priced = false;
    item.amount_usd = non_negative(it, "amount_usd", "a fixed amount in USD per " + period_word(item.per));
    auto src = it.object("source");
    item.amount_source = parse_price_source(src);
    return it.reject_unknown_keys(), item;
  }
  // The quantity: a number, or {"variable": name, "times": factor}.
  if (!it.has("quantity")) it.fail("", "missing required field \"quantity\" (a number, or {\"variable\": \"" +
                                           (s.variable ? s.variable->name : std::string("name")) + "\"}); add it");
  if (it.json().at("quantity").is_object()) {
    auto q = it.object("quantity");
    const std::string name = q.string("variable");
    if (!s.variable)
      q.fail("variable", "this scenario has no \"variable\"; declare {\"variable\": {\"name\": \"" + name +
                             "\", ...}} at the top, or write the quantity as a number");
    if (name != s.variable->name)
      q.fail("variable", "expected the scenario's variable \"" + s.variable->name + "\", got \"" + name + "\"");
    item.uses_variable = true;
    if (q.has("times")) item.variable_factor = non_negative(q, "times", "a factor on the variable");
    q.reject_unknown_keys();
  } else {
    item.quantity = non_negative(it, "quantity", "a quantity per " + period_word(item.per));
  }
  auto p = it.object("price");
  item.service = p.string("service");
  item.region = p.has("region") ? p.string("region") : s.region;
  item.key = p.string("key");
  if (p.has("tier")) {
    const auto& t = p.json().at("tier");
    if (t.is_string()) {
      p.one_of("tier", {"schedule"});
      item.schedule = true;
      if (item.per == CostPeriod::kYear)
        p.fail("tier", "a tiered schedule is per month; give this item's quantity \"per\": \"month\" or \"hour\"");
    } else {
      const std::int64_t n = p.integer("tier");
      if (n < 1 || n > 100) p.fail("tier", "expected a tier number from 1 (the first tier) up, got " + std::to_string(n));
      item.tier = static_cast<int>(n);
    }
  }
  p.reject_unknown_keys();
  it.reject_unknown_keys();
  return item;
}

// Monthly quantity of a quantity per `per`; `exact` false when quantity / 12 does not terminate.
Decimal monthly_of(const Decimal& q, CostPeriod per, const Decimal& hours, bool* exact) {
  *exact = true;
  switch (per) {
    case CostPeriod::kHour: return q * hours;
    case CostPeriod::kMonth: return q;
    case CostPeriod::kYear: return carried_quotient(q, kTwelve, exact);
  }
  return q;
}

}  // namespace

std::string period_word(CostPeriod p) {
  switch (p) {
    case CostPeriod::kHour: return "hour";
    case CostPeriod::kMonth: return "month";
    case CostPeriod::kYear: return "year";
  }
  return "";
}

CostComparisonScenario parse_cost_comparison(JsonReader& s, ScenarioHeader header) {
  CostComparisonScenario out;
  out.header = std::move(header);
  out.region = s.string("region");
  out.hours_per_month = parse_hours_per_month(s, "hours_per_month");
  if (auto v = s.optional_object("variable")) {
    CostVariable var;
    var.name = v->string("name");
    if (!valid_id(var.name, true))
      v->fail("name", "expected a name of lower-case letters, digits and _, starting with a letter, got \"" +
                          var.name + "\"");
    var.what = v->string("what");
    var.unit = v->string("unit");
    var.value = non_negative(*v, "value", "the variable's value");
    if (v->has("levels")) {
      for (auto& l : v->objects("levels", 1)) {
        VariableLevel level;
        level.value = non_negative(l, "value", "a value of the variable");
        level.label = l.has("label") ? l.string("label") : "";
        l.reject_unknown_keys();
        var.levels.push_back(level);
      }
      if (var.levels.size() > kMaxLevels)
        v->fail("levels", "expected at most " + std::to_string(kMaxLevels) + " levels, got " +
                              std::to_string(var.levels.size()));
    }
    v->reject_unknown_keys();
    out.variable = var;
  }
  std::set<std::string> ids;
  auto designs = s.objects("designs", 2);
  if (designs.size() > kMaxDesigns)
    s.fail("designs", "expected 2 to " + std::to_string(kMaxDesigns) + " designs, got " + std::to_string(designs.size()));
  for (auto& d : designs) {
    CostDesign design;
    design.id = d.string("id");
    if (!valid_id(design.id, false))
      d.fail("id", "expected lower-case letters, digits and -, starting with a letter, got \"" + design.id + "\"");
    if (!ids.insert(design.id).second)
      d.fail("id", "expected an id no other design uses, got \"" + design.id + "\" a second time");
    design.name = d.string("name");
    if (d.has("description")) design.description = d.string("description");
    auto items = d.objects("items", 1);
    if (items.size() > kMaxItems)
      d.fail("items", "expected at most " + std::to_string(kMaxItems) + " line items, got " + std::to_string(items.size()));
    for (auto& it : items) design.items.push_back(parse_item(it, out));
    d.reject_unknown_keys();
    out.designs.push_back(std::move(design));
  }
  if (s.has("baseline")) {
    const std::string b = s.string("baseline");
    auto found = std::find_if(out.designs.begin(), out.designs.end(), [&](const CostDesign& d) { return d.id == b; });
    if (found == out.designs.end()) {
      std::string list;
      for (const auto& d : out.designs) list += (list.empty() ? "" : ", ") + d.id;
      s.fail("baseline", "expected the id of one of the designs (" + list + "), got \"" + b + "\"");
    }
    out.baseline = static_cast<std::size_t>(found - out.designs.begin());
  }
  if (s.has("assumptions"))
  for (auto& item : s.objects("assumptions")) {  // [{"text": "..."}], optional
    out.assumptions.push_back(item.string("text"));
    item.reject_unknown_keys();
  }
  s.reject_unknown_keys();
  return out;
}

DesignCostTotal price_design(const CostComparisonScenario& s, const CostDesign& design, const PriceCatalog& catalog,
                             const Decimal& value) {
  DesignCostTotal total;
  total.design = &design;
  const std::string& file = s.header.file;
  for (const auto& item : design.items) {
    LineCost line;
    line.item = &item;
    if (!item.priced) {
      line.quantity = Quantity(Decimal::from_int(1));
      const Decimal per_month = item.per == CostPeriod::kHour ? item.amount_usd * s.hours_per_month
                                : item.per == CostPeriod::kMonth ? item.amount_usd
                                                                 : carried_quotient(item.amount_usd, kTwelve, &line.monthly_exact);
      line.monthly = Money(per_month);
      line.yearly = item.per == CostPeriod::kYear ? Money(item.amount_usd) : Money(per_month * kTwelve);
    } else {
      const Decimal q = item.uses_variable ? value * item.variable_factor : item.quantity;
      line.quantity = Quantity(q.normalized());
      bool exact = true;
      line.monthly_quantity = Quantity(monthly_of(q, item.per, s.hours_per_month, &exact).normalized());
      try {
        if (item.schedule || item.tier > 0) {
          const auto tiers = catalog.tiers(item.service, item.region, item.key);
          if (item.schedule) {
            line.row = tiers.front();
            Money sum;
            for (const PriceRow* t : tiers) {
              const Decimal start = *t->tier_start;
              if (line.monthly_quantity.value() <= start) break;
              Decimal upto = line.monthly_quantity.value();
              if (t->tier_end && *t->tier_end < upto) upto = *t->tier_end;
              const Quantity part((upto - start).normalized());
              const Money cost = t->price * part;
              line.tiers.push_back({t, part, cost});
              sum += cost;
            }
            line.monthly = sum;
          } else {
            if (static_cast<std::size_t>(item.tier) > tiers.size())
              throw InputError(file, item.pointer + "/price/tier",
                               "expected a tier from 1 to " + std::to_string(tiers.size()) + " of " + item.key +
                                   " (" + item.service + ") in " + item.region + ", got " + std::to_string(item.tier));
            line.row = tiers[static_cast<std::size_t>(item.tier - 1)];
            line.monthly = line.row->price * line.monthly_quantity;
            const Decimal mq = line.monthly_quantity.value();
            if (mq < *line.row->tier_start || (line.row->tier_end && mq > *line.row->tier_end))
              line.warning = design.name + ", " + item.name + ": " + format_number(mq) + " " + line.row->unit +
                             " a month is outside tier " + std::to_string(item.tier) + " of " + item.key + " (" +
                             format_number(*line.row->tier_start) + " to " +
                             (line.row->tier_end ? format_number(*line.row->tier_end) : std::string("no limit")) +
                             "); AWS would bill it by the schedule: write \"tier\": \"schedule\"";
          }
        } else {
          line.row = &catalog.find(item.service, item.region, item.key);
          if (!line.row->is_price())
            throw InputError(file, item.pointer + "/price/key",
                             item.key + " is a rule row (" + line.row->price_text() + "), not a price; name a price row");
          line.monthly = line.row->price * line.monthly_quantity;
        }
      } catch (const PriceNotFound& e) {
        throw InputError(file, item.pointer + "/price", e.what());
      }
      line.monthly_exact = exact;
      // A year is 12 months; a per-year quantity is priced for the year directly.
      line.yearly = item.per == CostPeriod::kYear && !item.schedule
                        ? line.row->price * line.quantity
                        : Money(line.monthly.usd() * kTwelve);
      if (item.per == CostPeriod::kYear) line.monthly = Money(carried_quotient(line.yearly.usd(), kTwelve, &line.monthly_exact));
    }
    total.monthly += line.monthly;
    total.yearly += line.yearly;
    total.monthly_exact = total.monthly_exact && line.monthly_exact;
    total.lines.push_back(std::move(line));
  }
  return total;
}

namespace {

Decimal diff_at(const CostComparisonScenario& s, const PriceCatalog& c, std::size_t design, const Decimal& v) {
  return price_design(s, s.designs[design], c, v).monthly.usd() -
         price_design(s, s.designs[s.baseline], c, v).monthly.usd();
}

// The variable values where some variable-priced schedule changes tier: the slope of a design's cost
// changes only there, so the difference to the baseline is linear between them.
std::vector<Decimal> breakpoints(const CostComparisonScenario& s, const PriceCatalog& c) {
  std::set<Decimal> points{kZero};
  for (const auto& d : s.designs)
    for (const auto& it : d.items) {
      if (!it.priced || !it.uses_variable || !it.schedule || it.variable_factor.is_zero()) continue;
      const Decimal per_unit = it.per == CostPeriod::kHour ? it.variable_factor * s.hours_per_month : it.variable_factor;
      for (const PriceRow* t : c.tiers(it.service, it.region, it.key)) {
        if (t->tier_start->is_zero()) continue;
        bool exact = true;
        points.insert(carried_quotient(*t->tier_start, per_unit, &exact));
      }
    }
  return {points.begin(), points.end()};
}

BreakEven break_even(const CostComparisonScenario& s, const PriceCatalog& c, std::size_t design) {
  BreakEven b;
  b.design = design;
  auto pts = breakpoints(s, c);
  std::vector<Decimal> f;
  for (const auto& p : pts) f.push_back(diff_at(s, c, design, p));
  // Beyond the last breakpoint the difference is linear: add a point one unit further.
  pts.push_back(pts.back() + Decimal::from_int(1));
  f.push_back(diff_at(s, c, design, pts.back()));
  const auto sign = [](const Decimal& d) { return d.is_zero() ? 0 : d.is_negative() ? -1 : 1; };
  b.cheaper_at_zero = sign(f[0]) <= 0;
  bool all_zero = true;
  for (const auto& x : f) all_zero = all_zero && x.is_zero();
  if (all_zero) return b.equal_everywhere = true, b;
  for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
    const bool last = i + 2 == pts.size();
    const Decimal slope = f[i + 1] - f[i];  // over pts[i+1] - pts[i]
    if (sign(f[i]) == 0 && sign(f[i + 1]) == 0) continue;
    const bool crosses = (sign(f[i]) != sign(f[i + 1]) && sign(f[i + 1]) != 0 && sign(f[i]) != 0) ||
                         (last && sign(f[i]) != 0 && sign(slope) == -sign(f[i]));
    if (!crosses) continue;
    // f(p + t) = f[i] + slope * t / width = 0  =>  t = -f[i] * width / slope
    const Decimal width = pts[i + 1] - pts[i];
    b.exists = true;
    b.low = pts[i];
    b.high = pts[i + 1];
    b.diff_low = f[i];
    b.diff_high = f[i + 1];
    b.value = (pts[i] + break_even_quantity((-f[i]) * width, slope, &b.exact)).normalized();
    b.cheaper_above = sign(f[i]) > 0;
    return b;
  }
  return b;
}

}  // namespace

CostComparisonResult calculate(const CostComparisonScenario& s, const PriceCatalog& catalog, const Date& today,
                               long max_price_age_days) {
  CostComparisonResult r;
  r.scenario = &s;
  r.checked_on = today;
  const Decimal value = s.variable ? s.variable->value : kZero;
  for (const auto& d : s.designs) r.designs.push_back(price_design(s, d, catalog, value));
  const Money base = r.designs[s.baseline].monthly;
  for (std::size_t i = 0; i < r.designs.size(); ++i) {
    if (r.designs[i].monthly < r.designs[r.cheapest].monthly) r.cheapest = i;
    if (i == s.baseline) continue;
    CostDelta delta;
    delta.design = i;
    delta.monthly = r.designs[i].monthly - base;
    delta.yearly = r.designs[i].yearly - r.designs[s.baseline].yearly;
    if (!base.usd().is_zero()) delta.percent_of_baseline = percent_of(delta.monthly.usd(), base.usd());
    r.deltas.push_back(delta);
  }
  if (s.variable) {
    for (const auto& level : s.variable->levels) {
      LevelCosts lc;
      lc.level = level;
      for (const auto& d : s.designs) lc.designs.push_back(price_design(s, d, catalog, level.value));
      for (std::size_t i = 0; i < lc.designs.size(); ++i)
        if (lc.designs[i].monthly < lc.designs[lc.cheapest].monthly) lc.cheapest = i;
      r.levels.push_back(std::move(lc));
    }
    for (std::size_t i = 0; i < s.designs.size(); ++i)
      if (i != s.baseline) r.break_evens.push_back(break_even(s, catalog, i));
  }
  // Footnotes in reading order: every row (and tier) used, then the fixed amounts' sources.
  r.prices_as_of = Date{9999, 12, 31};
  r.prices_as_of_newest = Date{1, 1, 1};
  for (const auto& d : r.designs)
    for (const auto& l : d.lines) {
      std::vector<std::shared_ptr<const PriceSource>> used;
      if (l.row) used.push_back(l.row->source);
      for (const auto& t : l.tiers) used.push_back(t.row->source);
      if (l.item->amount_source) used.push_back(l.item->amount_source);
      for (const auto& src : used) {
        r.notes.cite(src);
        r.prices_as_of = std::min(r.prices_as_of, src->as_of);
        r.prices_as_of_newest = std::max(r.prices_as_of_newest, src->as_of);
      }
      if (!l.warning.empty()) r.warnings.push_back(l.warning);
    }
  for (const auto& lv : r.levels)
    for (const auto& d : lv.designs)
      for (const auto& l : d.lines)
        for (const auto& t : l.tiers) r.notes.cite(t.row->source);
  nlohmann::json data = {{"region", s.region}, {"month", format_number(s.hours_per_month)}};
  if (s.variable)
    data["variable"] = {{"value", format_number(s.variable->value)}, {"unit", s.variable->unit}, {"what", s.variable->what}};
  r.assumptions = fill_template_lines("cost-comparison/assumptions.md", data);
  for (const auto& a : s.assumptions) r.assumptions.push_back(a);
  for (auto& w : staleness_warnings(r.notes, today, max_price_age_days)) r.warnings.push_back(std::move(w));
  return r;
}

}  // namespace costproof
