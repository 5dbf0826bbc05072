#include "scenarios/database-savings-plan/database_savings_plan.h"
#include "scenarios/database-savings-plan/database_savings_plan_commitment.h"
#include "scenarios/database-savings-plan/database_savings_plan_profile.h"

#include <algorithm>
#include <map>

#include "core/error.h"
#include "core/format.h"
#include "core/json_reader.h"
#include "core/rounding_policy.h"
#include "render/text_template.h"

namespace costproof {
namespace {

const Decimal kHundred = Decimal::from_int(100);
constexpr std::int64_t kMaxInstancesPerLine = 100'000;
constexpr int kMaxQuantityPlaces = 6;
constexpr int kDownsideFromHour = 6 * kHoursPerMonth;  // hour 4,380: the start of month 7
const std::vector<std::int64_t> kDownsideDropsPercent = {20, 50};
constexpr int kCurveSteps = 20;  // about this many evenly spaced chart points

// What each usage type is: its price table, the scenario key holding its quantity and the unit
// that key is in, the unit its price row must have, and whether it is billed by the hour.
struct UsageType {
  const char* type;
  const char* service;
  bool hourly;
  const char* quantity_key;
  const char* quantity_unit;  // for text: "ACU-hours per hour"
  const char* price_unit;     // must match the price row's "unit"
  const char* price_key;      // fixed key, or "" when it depends on the line (instance type, configuration)
};

const std::vector<UsageType> kUsageTypes = {
    {"aurora-serverless-v2", "aurora", true, "acu_hours_per_hour", "ACU-hours per hour", "ACU-hour", ""},
    {"aurora-instance", "aurora", true, "count", "instances", "hour", ""},
    {"rds-instance", "rds", true, "count", "instances", "hour", ""},
    {"dynamodb-on-demand-writes", "dynamodb", true, "write_request_units_per_hour", "write request units per hour",
     "write-request-unit", "on-demand-write-request-unit"},
    {"dynamodb-on-demand-reads", "dynamodb", true, "read_request_units_per_hour", "read request units per hour",
     "read-request-unit", "on-demand-read-request-unit"},
    {"dynamodb-provisioned-writes", "dynamodb", true, "write_capacity_units", "write capacity units", "WCU-hour",
     "provisioned-wcu-hour"},
    {"dynamodb-provisioned-reads", "dynamodb", true, "read_capacity_units", "read capacity units", "RCU-hour",
     "provisioned-rcu-hour"},
    {"aurora-storage", "aurora", false, "gib_months_per_month", "GiB-months per month", "GiB-month", ""},
    {"aurora-io-requests", "aurora", false, "requests_per_month", "requests per month", "request",
     "io-requests-standard"},
    {"aurora-backup-storage", "aurora", false, "gib_months_per_month", "GiB-months per month", "GiB-month",
     "backup-storage"},
    {"rds-storage", "rds", false, "gb_months_per_month", "GB-months per month", "GB-month", "storage-gp3"},
    {"dynamodb-storage", "dynamodb", false, "gb_months_per_month", "GB-months per month", "GB-month", "storage"},
};

// The smallest "round" step (1, 2, 2.5 or 5 times a power of ten) of at least `x`, for chart points.
Decimal nice_step(const Decimal& x) {
  for (int exponent = -8; exponent <= 8; ++exponent)
    for (const char* mantissa : {"1", "2", "2.5", "5"}) {
      Decimal step = Decimal::parse(mantissa);
      for (int i = 0; i < exponent; ++i) step = step * Decimal::from_int(10);
      for (int i = 0; i > exponent; --i) step = step * Decimal::parse("0.1");
      if (step >= x) return step.normalized();
    }
  return x;
}

// n x `x` at x's places at least: the same Decimal as adding x n times (a product drops trailing
// zeros, a sum keeps the places of its terms, and the places reach the printed figures).
Decimal times_hours(std::size_t n, const Decimal& x) {
  const Decimal product = Decimal::from_int(static_cast<std::int64_t>(n)) * x;
  return product.scale() < x.scale() ? product.rounded(x.scale(), RoundingMode::kDown) : product;  // exact: adds zeros
}

// Orders Decimals by their digits and places (1.5 and 1.50 differ: the places reach the printed figures).
bool digits_less(const Decimal& a, const Decimal& b) {
  return a.coefficient() != b.coefficient() ? a.coefficient() < b.coefficient() : a.scale() < b.scale();
}

// The hourly costs of a year: hours with the same costs in the same half of the year (before or
// from the downside cases' first hour) as one group, in no particular order. row(g)[k] is the
// On-Demand $ per hour of discount class k in each hour of group g, row(g)[classes] the $ per hour
// that no plan covers.
struct CostGroups {
  std::size_t classes = 0;
  std::vector<Decimal> costs;   // groups x (classes + 1)
  std::vector<std::size_t> hours;
  std::vector<bool> later;      // from the downside cases' first hour on
  const Decimal* row(std::size_t g) const { return &costs[g * (classes + 1)]; }
};

const UsageType& usage_type(const std::string& type) {
  for (const auto& t : kUsageTypes)
    if (type == t.type) return t;
  throw std::logic_error("unknown usage type " + type);  // one_of() has checked it
}

std::vector<std::string> usage_type_names() {
  std::vector<std::string> out;
  for (const auto& t : kUsageTypes) out.emplace_back(t.type);
  return out;
}

// "db.r7g.xlarge" -> "db.r7g"
std::string instance_family(const std::string& instance_type) {
  const auto second_dot = instance_type.find('.', 3);
  return instance_type.substr(0, second_dot);
}

Decimal quantity(JsonReader& r, const std::string& key, const std::string& what) {
  const Decimal v = r.decimal(key, what);
  if (v.is_negative()) r.fail(key, "expected " + what + " of 0 or more, got " + v.to_string());
  if (v.normalized().scale() > kMaxQuantityPlaces)
    r.fail(key, "expected at most 6 decimal places, got " + v.to_string());
  if (v > Decimal::from_int(1'000'000'000'000))
    r.fail(key, "expected at most 1,000,000,000,000, got " + v.to_string() + "; check the unit");
  return v.normalized();
}

DspUsageLine parse_usage_line(JsonReader& r, const std::string& scenario_file, const ReadRelativeFile& read_file) {
  DspUsageLine line;
  line.pointer = r.pointer();
  line.name = r.string("name");
  line.type = r.one_of("type", usage_type_names());
  const UsageType& t = usage_type(line.type);
  line.service = t.service;
  line.hourly = t.hourly;
  line.quantity_key = t.quantity_key;
  line.quantity_unit = t.quantity_unit;
  line.price_key = t.price_key;

  if (line.type == "aurora-serverless-v2" || line.type == "aurora-storage") {
    line.configuration = r.optional_string("configuration").value_or("standard");
    if (line.configuration != "standard" && line.configuration != "io-optimized")
      r.fail("configuration", "expected \"standard\" (Aurora Standard) or \"io-optimized\", got \"" +
                                  line.configuration + "\"");
    line.price_key = std::string(line.type == "aurora-storage" ? "storage-" : "serverless-v2-acu-") + line.configuration;
  }
  if (line.type == "aurora-instance" || line.type == "rds-instance") {
    line.instance_type = r.string("instance_type");
    if (line.instance_type.rfind("db.", 0) != 0 || line.instance_type.find('.', 3) == std::string::npos)
      r.fail("instance_type", "expected a DB instance class such as \"db.r7g.xlarge\", got \"" + line.instance_type + "\"");
    line.price_key = line.instance_type;
    if (line.type == "aurora-instance") {
      line.engine = r.one_of("engine", {"aurora-postgresql", "aurora-mysql"});
      if (r.has("deployment"))
        r.fail("deployment", "Aurora bills each instance of a cluster: a Multi-AZ cluster is a writer plus reader "
                             "instances in other zones, so count them all in \"count\" instead");
      if (auto cfg = r.optional_string("configuration"); cfg && *cfg != "standard")
        r.fail("configuration", "only \"standard\" Aurora instance prices are in the tables (the I/O-Optimized "
                                "instance price is not), got \"" + *cfg + "\"");
      line.configuration = "standard";
    } else {
      line.engine = r.one_of("engine", {"postgresql", "mysql", "mariadb"});
      line.deployment = r.one_of("deployment", {"single-az", "multi-az"});
    }
  }
  if (line.type == "rds-storage") {
    // Multi-AZ storage is billed for the primary and the standby: its own rate ($0.23 vs $0.115 gp3).
    line.deployment = r.one_of("deployment", {"single-az", "multi-az"});
    if (line.deployment == "multi-az") line.price_key = "storage-gp3-multi-az";
  }

  if (line.hourly) {
    const auto& json = r.json();
    // (A "shape" that is not a string is reported by parse_usage_profile below, with its pointer.)
    if (r.has(line.quantity_key) && r.has("profile") && json.at("profile").is_object() &&
        json.at("profile").contains("shape") && json.at("profile").at("shape") == "hourly-csv")
      r.fail(line.quantity_key, "give either \"" + line.quantity_key +
                                    "\" or an hourly-csv profile (which holds every hour's quantity), not both");
    if (auto p = r.optional_object("profile")) line.profile = parse_usage_profile(*p, scenario_file, read_file);
    if (line.profile.shape != UsageProfile::Shape::kHourlyCsv) {
      if (line.quantity_key == "count") {
        const Decimal count = r.decimal("count", "the number of instances");
        if (!count.is_integer() || count <= Decimal() || count > Decimal::from_int(kMaxInstancesPerLine))
          r.fail("count", "expected a whole number of instances from 1 to 100,000, got " + count.to_string());
        line.level = count.normalized();
      } else {
        line.level = quantity(r, line.quantity_key, line.quantity_unit);
      }
    }
  } else {
    if (r.has("profile"))
      r.fail("profile", "a monthly item (storage, I/O requests, backup) has no hourly profile: give \"" +
                            line.quantity_key + "\" as the monthly average");
    line.level = quantity(r, line.quantity_key, line.quantity_unit);
  }
  r.reject_unknown_keys();
  return line;
}

std::string engine_name(const std::string& engine) {
  if (engine == "postgresql") return "PostgreSQL";
  if (engine == "mysql") return "MySQL";
  if (engine == "mariadb") return "MariaDB";
  if (engine == "aurora-postgresql") return "PostgreSQL";
  return "MySQL";
}

std::string configuration_name(const std::string& cfg) {
  return cfg == "io-optimized" ? "Aurora I/O-Optimized" : "Aurora Standard";
}

std::string describe(const DspUsageLine& u) {
  if (u.type == "aurora-serverless-v2") return "Aurora Serverless v2 (" + configuration_name(u.configuration) + ")";
  if (u.type == "aurora-instance")
    return "Aurora " + engine_name(u.engine) + " " + u.instance_type + " (" + configuration_name(u.configuration) + ")";
  if (u.type == "rds-instance")
    return "RDS for " + engine_name(u.engine) + " " + u.instance_type +
           (u.deployment == "multi-az" ? ", Multi-AZ" : ", Single-AZ");
  if (u.type == "dynamodb-on-demand-writes") return "DynamoDB on-demand writes";
  if (u.type == "dynamodb-on-demand-reads") return "DynamoDB on-demand reads";
  if (u.type == "dynamodb-provisioned-writes") return "DynamoDB provisioned write capacity";
  if (u.type == "dynamodb-provisioned-reads") return "DynamoDB provisioned read capacity";
  if (u.type == "aurora-storage") return "Aurora storage (" + configuration_name(u.configuration) + ")";
  if (u.type == "aurora-io-requests") return "Aurora I/O requests (Aurora Standard)";
  if (u.type == "aurora-backup-storage") return "Aurora backup storage";
  if (u.type == "rds-storage") return u.deployment == "multi-az" ? "RDS gp3 storage, Multi-AZ" : "RDS gp3 storage, Single-AZ";
  return "DynamoDB storage";
}

const PriceRow& rule_row(const PriceCatalog& catalog, const std::string& region, const std::string& key,
                         PriceRow::Form form, const std::string& what) {
  const PriceRow* row = catalog.try_find(kDatabaseSavingsPlansService, region, key);
  if (!row)
    throw PriceNotFound("no Database Savings Plans rule for " + what + " (key \"" + key + "\", table \"" +
                        kDatabaseSavingsPlansService + "\", region " + region +
                        " or global); add a row with its source to pricing-data/aws/global/database-savings-plans.json");
  if (row->form != form)
    throw PricingDataError(row->file, row->pointer, "the row \"" + key + "\" is not the kind of rule expected for " + what);
  return *row;
}

}  // namespace

DatabaseSavingsPlanScenario parse_database_savings_plan(JsonReader& s, ScenarioHeader header,
                                                        const ReadRelativeFile& read_file) {
  DatabaseSavingsPlanScenario out;
  out.header = std::move(header);
  out.region = s.string("region");
  for (auto& r : s.objects("usage", 1)) out.usage.push_back(parse_usage_line(r, out.header.file, read_file));
  if (auto c = s.optional_decimal("commitment_usd_per_hour", "a commitment in USD per hour")) {
    if (c->is_negative() || c->is_zero() || c->normalized().scale() > 6 || *c > Decimal::from_int(1'000'000))
      s.fail("commitment_usd_per_hour",
             "expected a commitment above 0 and at most 1,000,000 USD per hour with at most 6 decimal places, got " +
                 c->to_string());
    out.commitment_usd_per_hour = c->normalized();
  }
  std::map<std::string, std::string> names;
  for (const auto& u : out.usage) {
    if (auto it = names.find(u.name); it != names.end())
      throw InputError(out.header.file, u.pointer + "/name",
                       "duplicate usage name \"" + u.name + "\" (also at " + it->second + "); give each line its own name");
    names.emplace(u.name, u.pointer);
  }
  return out;
}

DatabaseSavingsPlanResult calculate(const DatabaseSavingsPlanScenario& scenario, const PriceCatalog& catalog,
                                    const Date& today, long max_price_age_days) {
  DatabaseSavingsPlanResult result;
  result.scenario = &scenario;
  const std::string& region = scenario.region;
  const int n = result.hours;

  // 1. Price each line and find which discount covers it.
  std::map<std::string, const PriceRow*> discount_rows;  // key -> row
  for (const auto& u : scenario.usage) {
    DspLine line;
    line.usage = &u;
    line.what = describe(u);
    line.price = &catalog.find(u.service, region, u.price_key);
    const UsageType& t = usage_type(u.type);
    if (!line.price->is_price() || line.price->unit != t.price_unit)
      throw PricingDataError(line.price->file, line.price->pointer + "/unit",
                             "expected a price per " + std::string(t.price_unit) + " for " + line.what + ", got \"" +
                                 line.price->unit + "\"");
    line.unit_price = line.price->price.usd_per_unit();
    line.unit_cost = line.unit_price;
    if (u.deployment == "multi-az" && u.type == "rds-instance") {  // storage has its own Multi-AZ row
      line.multi_az = &rule_row(catalog, region, "rds-multi-az-instance-hour", PriceRow::Form::kMultiplier,
                                "RDS Multi-AZ instance-hours");
      line.unit_cost = line.unit_cost * *line.multi_az->multiplier;
    }
    const bool instance = !u.instance_type.empty();
    const std::string elig_key = instance ? "instance-family:" + instance_family(u.instance_type)
                                          : "usage:" + u.service + "/" + u.price_key;
    line.eligibility = &rule_row(catalog, region, elig_key, PriceRow::Form::kEligibility,
                                 instance ? "instance family " + instance_family(u.instance_type) : line.what);
    if (line.eligibility->discount != "none") {
      const PriceRow& d = rule_row(catalog, region, line.eligibility->discount, PriceRow::Form::kDiscount,
                                   "discount \"" + line.eligibility->discount + "\"");
      if (!u.hourly)
        throw PricingDataError(line.eligibility->file, line.eligibility->pointer,
                               "a monthly item (" + line.what + ") cannot be covered by an hourly commitment");
      discount_rows[d.key] = &d;
    } else {
      line.not_covered_reason = line.eligibility->note.empty() ? line.eligibility->description : line.eligibility->note;
    }
    result.lines.push_back(std::move(line));
  }

  // 2. Discount classes in application order: highest discount first (ties by key, for a stable order).
  for (const auto& [key, row] : discount_rows) {
    DspClass c;
    c.discount = row;
    c.fraction = Decimal::divide(*row->discount_percent, kHundred, row->discount_percent->scale() + 2,
                                 RoundingMode::kDown).normalized();  // exact: shifts the point
    result.classes.push_back(c);
  }
  std::stable_sort(result.classes.begin(), result.classes.end(),
                   [](const DspClass& a, const DspClass& b) { return a.fraction > b.fraction; });
  for (std::size_t i = 0; i < result.lines.size(); ++i) {
    DspLine& line = result.lines[i];
    if (line.eligibility->discount == "none") continue;
    for (std::size_t k = 0; k < result.classes.size(); ++k)
      if (result.classes[k].discount->key == line.eligibility->discount) {
        line.discount_class = static_cast<int>(k);
        result.classes[k].lines.push_back(i);
      }
  }
  if (result.classes.empty())
    throw InputError(scenario.header.file, "/usage",
                     "none of the usage is covered by a Database Savings Plan (see each line's eligibility in "
                     "pricing-data/aws/global/database-savings-plans.json), so there is no commitment to work out");

  // 3. The profile: each hourly line's exact quantities as runs of identical hours, times its $/unit,
  //    added to its class's hourly On-Demand cost, or to the usage no plan covers, in segments of
  //    hours where no line's quantity changes; then segments with the same costs are grouped (a
  //    constant profile is two groups: the halves of the year the downside cases tell apart).
  //    Per-line accumulation: each line has one price, and its product is computed once per run.
  const std::size_t kc = result.classes.size(), width = kc + 1;
  std::vector<std::vector<QuantityRun>> line_runs(result.lines.size());
  std::vector<int> cuts = {0, kDownsideFromHour, n};
  for (std::size_t i = 0; i < result.lines.size(); ++i) {
    const DspUsageLine& u = *result.lines[i].usage;
    if (!u.hourly) continue;
    line_runs[i] = hourly_quantity_runs(u.profile, u.level, n);
    int h = 0;
    for (const QuantityRun& run : line_runs[i]) cuts.push_back(h += run.hours);
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  const std::size_t segments = cuts.size() - 1;
  std::vector<Decimal> segment_costs(segments * width);  // as CostGroups::costs, one row per segment
  for (std::size_t i = 0; i < result.lines.size(); ++i) {
    DspLine& line = result.lines[i];
    const DspUsageLine& u = *line.usage;
    if (u.hourly) {
      const std::size_t column = line.discount_class < 0 ? kc : static_cast<std::size_t>(line.discount_class);
      Decimal year;
      std::size_t s = 0;
      int run_end = 0;
      for (const QuantityRun& run : line_runs[i]) {
        run_end += run.hours;
        const Decimal cost = run.quantity * line.unit_cost;
        for (; s < segments && cuts[s] < run_end; ++s) segment_costs[s * width + column] += cost;
        year += times_hours(static_cast<std::size_t>(run.hours), run.quantity);
      }
      line.quantity_year = year.normalized();
    } else {
      line.quantity_year = (u.level * Decimal::from_int(kMonthsPerYear)).normalized();
    }
    line.on_demand_year = Money(line.quantity_year * line.unit_cost);
    if (!u.hourly) result.monthly_items_year += line.on_demand_year;
  }
  CostGroups groups;
  groups.classes = kc;
  {
    const auto later = [&](std::size_t s) { return cuts[s] >= kDownsideFromHour; };
    const auto row_less = [&](std::size_t a, std::size_t b) {
      if (later(a) != later(b)) return later(b);
      return std::lexicographical_compare(segment_costs.begin() + static_cast<std::ptrdiff_t>(a * width),
                                          segment_costs.begin() + static_cast<std::ptrdiff_t>(a * width + width),
                                          segment_costs.begin() + static_cast<std::ptrdiff_t>(b * width),
                                          segment_costs.begin() + static_cast<std::ptrdiff_t>(b * width + width),
                                          digits_less);
    };
    std::vector<std::size_t> order(segments);
    for (std::size_t s = 0; s < segments; ++s) order[s] = s;
    std::sort(order.begin(), order.end(), row_less);
    for (std::size_t i = 0; i < segments; ++i) {
      const std::size_t s = order[i];
      const auto hours = static_cast<std::size_t>(cuts[s + 1] - cuts[s]);
      if (i > 0 && !row_less(order[i - 1], s)) {  // the same costs as the group before
        groups.hours.back() += hours;
        continue;
      }
      groups.costs.insert(groups.costs.end(), segment_costs.begin() + static_cast<std::ptrdiff_t>(s * width),
                          segment_costs.begin() + static_cast<std::ptrdiff_t>(s * width + width));
      groups.hours.push_back(hours);
      groups.later.push_back(later(s));
    }
  }
  Decimal not_covered_year;
  std::vector<Decimal> class_year(kc);
  HourlyCost eligible_hourly;  // the groups' eligible costs
  for (std::size_t g = 0; g < groups.hours.size(); ++g) {
    const Decimal* row = groups.row(g);
    not_covered_year += times_hours(groups.hours[g], row[kc]);
    for (std::size_t k = 0; k < kc; ++k) class_year[k] += times_hours(groups.hours[g], row[k]);
    eligible_hourly.push_back({groups.hours[g], std::vector<Decimal>(row, row + kc)});
  }
  result.not_covered_hourly_year = Money(not_covered_year);
  for (std::size_t k = 0; k < result.classes.size(); ++k) {
    auto& c = result.classes[k];
    c.on_demand_year = Money(class_year[k]);
    result.eligible_year += c.on_demand_year;
    result.ceiling_saving += Money(c.fraction * c.on_demand_year.usd());
  }
  result.total_year = result.eligible_year + result.not_covered_hourly_year + result.monthly_items_year;
  // Every percentage below is of the eligible (or total) spend: with none there is nothing to compare.
  if (result.eligible_year.usd().is_zero())
    throw InputError(scenario.header.file, "/usage",
                     "the usage a Database Savings Plan covers costs $0 a year (each eligible line's quantity, "
                     "profile or price is 0), so there is no spend to compare a commitment with; check the "
                     "quantities and the \"profile\" of the eligible lines");

  // 4. The commitment: best, considered, break-even, curve.
  std::vector<Decimal> fractions;
  for (const auto& c : result.classes) fractions.push_back(c.fraction);
  const CommitmentModel model(fractions, std::move(eligible_hourly));
  result.optimum = model.optimise();
  result.at_optimum = model.evaluate(result.optimum.commitment);
  if (scenario.commitment_usd_per_hour) result.at_considered = model.evaluate(*scenario.commitment_usd_per_hour);
  result.max_useful_commitment = UnitPrice(model.max_useful_commitment());
  result.break_even_commitment = UnitPrice(model.break_even_commitment(&result.break_even_exact));

  std::map<Decimal, std::pair<std::string, int>> points;  // commitment -> label, step
  auto add_point = [&](const Decimal& c, const std::string& label, int step = -1) {
    auto& [l, s] = points.try_emplace(c.normalized(), "", -1).first->second;
    if (!label.empty()) l += (l.empty() ? "" : ", ") + label;
    if (step >= 0) s = step;
  };
  // Evenly spaced round commitments from 0 to the interesting end of the curve: twice the largest of the
  // best, considered and break-even commitments, but not past the highest useful commitment.
  Decimal end = std::max(result.optimum.commitment, result.break_even_commitment).usd_per_unit();
  if (scenario.commitment_usd_per_hour) end = std::max(end, *scenario.commitment_usd_per_hour);
  end = std::min(end * Decimal::from_int(2), result.max_useful_commitment.usd_per_unit());
  const Decimal step = nice_step(Decimal::divide(end, Decimal::from_int(kCurveSteps), 10, RoundingMode::kUp));
  for (int i = 0; step * Decimal::from_int(i) <= end && i <= 2 * kCurveSteps; ++i)
    add_point(step * Decimal::from_int(i), "", i);
  add_point(result.max_useful_commitment.usd_per_unit(), "max useful");
  add_point(result.optimum.commitment.usd_per_unit(), "best");
  if (scenario.commitment_usd_per_hour) add_point(*scenario.commitment_usd_per_hour, "considered");
  add_point(result.break_even_commitment.usd_per_unit(), "break-even");
  std::vector<Decimal> curve_commitments;  // ascending: the map's order
  for (const auto& point : points) curve_commitments.push_back(point.first);
  std::vector<CommitmentOutcome> curve_outcomes = model.evaluate_many(curve_commitments);
  std::size_t next = 0;
  for (const auto& point : points)
    result.curve.push_back({std::move(curve_outcomes[next++]), point.second.first, point.second.second});

  // 5. Downside: usage falls mid-term and the commitment stays.
  for (const auto drop : kDownsideDropsPercent) {
    DspDownside d;
    d.drop_percent = Decimal::from_int(drop);
    d.from_hour = kDownsideFromHour;
    // Cost is linear in the quantities: scaling the hourly costs is exactly scaling the quantities.
    const Decimal factor = Decimal::divide(Decimal::from_int(100 - drop), kHundred, 2, RoundingMode::kDown);
    HourlyCost eligible;
    Decimal not_covered_usd;
    for (std::size_t g = 0; g < groups.hours.size(); ++g) {
      const Decimal* row = groups.row(g);
      HourlyCostRun run{groups.hours[g], std::vector<Decimal>(row, row + kc)};
      Decimal nc = row[kc];
      if (groups.later[g]) {
        for (Decimal& c : run.cost) c = c * factor;
        nc = nc * factor;
      }
      not_covered_usd += times_hours(run.hours, nc);
      eligible.push_back(std::move(run));
    }
    const CommitmentModel reduced_model(fractions, std::move(eligible));
    const Money not_covered(not_covered_usd);
    d.at_optimum = reduced_model.evaluate(result.optimum.commitment);
    d.total_without_plan = d.at_optimum.eligible_on_demand + not_covered + result.monthly_items_year;
    d.total_with_plan = d.at_optimum.eligible_cost + not_covered + result.monthly_items_year;
    d.hindsight_commitment = reduced_model.optimise().commitment;
    d.at_hindsight = reduced_model.evaluate(d.hindsight_commitment);
    result.downside.push_back(std::move(d));
  }

  // 6. Sources, staleness, assumptions.
  bool multi_az = false, partial_coverage = false;
  for (const auto& line : result.lines) result.notes.cite(line.price->source);
  for (const auto& line : result.lines)
    if (line.multi_az) {
      result.notes.cite(line.multi_az->source);
      multi_az = true;
    }
  for (const auto& c : result.classes) result.notes.cite(c.discount->source);
  for (const auto& line : result.lines) result.notes.cite(line.eligibility->source);
  for (const auto& cc : result.at_optimum.classes) partial_coverage = partial_coverage || cc.partial_hours > 0;
  // "Prices as of": the range of the price and discount rows used; the eligibility
  // sources are facts (which classes are covered), not prices, so they don't count.
  result.prices_as_of = Date{9999, 12, 31};
  result.prices_as_of_newest = Date{1, 1, 1};
  const auto widen = [&](const PriceRow& row) {
    result.prices_as_of = std::min(result.prices_as_of, row.source->as_of);
    result.prices_as_of_newest = std::max(result.prices_as_of_newest, row.source->as_of);
  };
  for (const auto& line : result.lines) {
    widen(*line.price);
    if (line.multi_az) widen(*line.multi_az);
  }
  for (const auto& c : result.classes) widen(*c.discount);
  result.checked_on = today;
  result.warnings = staleness_warnings(result.notes, today, max_price_age_days);

  // The assumptions: one a line of templates/assumptions.md.
  result.assumptions = fill_template_lines(
      "database-savings-plan/assumptions.md",
      {{"region", region}, {"rounding", kDisplayRounding.name}, {"multi_az", multi_az},
       {"partial_coverage", partial_coverage}});
  return result;
}

}  // namespace costproof
