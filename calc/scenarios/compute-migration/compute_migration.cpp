#include "scenarios/compute-migration/compute_migration.h"

#include <algorithm>
#include <tuple>

#include "core/calendar.h"
#include "core/error.h"
#include "core/format.h"
#include "core/json_reader.h"
#include "core/rounding_policy.h"
#include "render/text_template.h"

namespace costproof {
namespace {

const Decimal kHundred = Decimal::from_int(100);
constexpr std::int64_t kMaxInstancesPerRow = 1'000'000;

MigrationTarget parse_target(JsonReader& t) {
  MigrationTarget target;
  if (t.has("instance_type")) {
    target.kind = MigrationTarget::Kind::kExplicit;
    target.instance_type = t.string("instance_type");
  } else if (t.has("equivalent")) {
    target.kind = MigrationTarget::Kind::kEquivalentGraviton;
    t.one_of("equivalent", {"graviton"});
    if (auto g = t.optional_integer("generation")) {
      if (*g < 6 || *g > 20)
        t.fail("generation", "expected an EC2 generation number such as 8 (Graviton4) or 9 (Graviton5), got " +
                                 std::to_string(*g));
      target.generation = static_cast<int>(*g);
    }
  } else {
    t.fail("", "expected either \"instance_type\": \"m8g.xlarge\" or \"equivalent\": \"graviton\" "
               "(optionally with \"generation\": 8); add one");
  }
  if (t.has("instance_type") && t.has("equivalent"))
    t.fail("", "give either \"instance_type\" or \"equivalent\", not both");
  t.reject_unknown_keys();
  return target;
}

void check_range(JsonReader& r, std::string_view key, const Decimal& v, const Decimal& low_exclusive,
                 const Decimal& high_inclusive, const std::string& what) {
  if (v <= low_exclusive || v > high_inclusive)
    r.fail(key, "expected " + what + " above " + low_exclusive.to_string() + " and at most " +
                    high_inclusive.to_string() + ", got " + v.to_string());
}

}  // namespace

ComputeMigrationScenario parse_compute_migration(JsonReader& s, ScenarioHeader header) {
  ComputeMigrationScenario out;
  out.header = std::move(header);
  out.region = s.string("region");
  out.hours_per_month = parse_hours_per_month(s, "hours_per_month");
  for (auto& r : s.objects("fleet", 1)) {
    FleetRow row;
    row.pointer = r.pointer();
    row.name = r.string("name");
    row.instance_type = r.string("instance_type");
    const Decimal count = r.decimal("count", "the number of instances");
    if (!count.is_integer() || count <= Decimal::from_int(0) ||
        count > Decimal::from_int(kMaxInstancesPerRow))
      r.fail("count", "expected a whole number of instances from 1 to 1,000,000, got " + count.to_string() +
                          "; split a larger fleet into several rows");
    row.count = Quantity(count.normalized());
    row.hours_per_month = parse_optional_hours_per_month(r, "hours_per_month");
    row.utilisation_percent = r.optional_decimal("utilisation_percent", "a share of the month in percent");
    if (row.utilisation_percent)
      check_range(r, "utilisation_percent", *row.utilisation_percent, Decimal::from_int(0), kHundred,
                  "a percentage");
    if (row.hours_per_month && row.utilisation_percent)
      r.fail("utilisation_percent", "give either \"hours_per_month\" or \"utilisation_percent\", not both");
    auto target = r.object("target");
    row.target = parse_target(target);
    r.reject_unknown_keys();
    out.fleet.push_back(std::move(row));
  }
  if (auto p = s.optional_object("performance")) {
    PerformanceAssumption perf;
    perf.throughput_gain_percent =
        p->decimal("throughput_gain_percent", "the extra work per instance-hour in percent");
    check_range(*p, "throughput_gain_percent", perf.throughput_gain_percent, Decimal::from_int(-100),
                Decimal::from_int(1000), "a percentage");
    perf.qualifier = p->optional_string("qualifier").value_or("");
    perf.statement = p->string("statement");
    perf.applies_to = p->string("applies_to");
    auto src = p->object("source");
    perf.source = parse_price_source(src);
    p->reject_unknown_keys();
    out.performance = std::move(perf);
  }
  return out;
}

namespace {

// The arm64 type with the same shape and family class, of the requested or newest generation.
std::pair<const PriceRow*, std::string> equivalent_graviton(const FleetRow& row, const InstanceShape& from,
                                                            const PriceCatalog& catalog,
                                                            const std::string& region,
                                                            const std::string& file) {
  const InstanceShape* best = nullptr;
  const PriceRow* best_price = nullptr;
  for (const auto& [type, shape] : catalog.shapes().by_type) {
    if (shape.arch != "arm64" || shape.vcpu != from.vcpu || shape.memory_mib != from.memory_mib ||
        shape.is_metal() || shape.family_class() != from.family_class() || shape.family_suffix() != "g")
      continue;
    if (row.target.generation && shape.generation != *row.target.generation) continue;
    const PriceRow* price = catalog.try_find("ec2", region, type);
    if (!price) continue;
    if (!best || shape.generation > best->generation) {
      best = &shape;
      best_price = price;
    }
  }
  if (!best) {
    throw InputError(file, row.pointer + "/target",
                     "no priced Graviton instance in " + region + " has the shape of " + row.instance_type +
                         " (" + from.shape_text() + ", family class \"" + from.family_class() + "\"" +
                         (row.target.generation ? ", generation " + std::to_string(*row.target.generation) : "") +
                         "); name the target explicitly with \"instance_type\"");
  }
  std::string rule = "equivalent Graviton: same shape (" + from.shape_text() + "), arm64, same family class (" +
                     from.family_class() + "), " +
                     (row.target.generation ? "generation " + std::to_string(*row.target.generation) + " as requested"
                                            : "newest generation priced in " + region + " (" +
                                                  std::to_string(best->generation) + ")");
  return {best_price, rule};
}

}  // namespace

ComputeMigrationResult calculate(const ComputeMigrationScenario& scenario, const PriceCatalog& catalog,
                                 const Date& today, long max_price_age_days) {
  ComputeMigrationResult result;
  result.scenario = &scenario;
  const std::string& region = scenario.region;
  const std::string& file = scenario.header.file;
  std::optional<Decimal> gain_factor_x100;  // 100 + g
  result.gain_factor = Decimal::from_int(1);
  if (scenario.performance) {
    gain_factor_x100 = kHundred + scenario.performance->throughput_gain_percent;
    // (100 + g) / 100 is exact: g has at most 30 places, so 2 more places always suffice.
    result.gain_factor = Decimal::divide(*gain_factor_x100, kHundred, gain_factor_x100->scale() + 2,
                                         RoundingMode::kDown).normalized();
  }

  for (const auto& row : scenario.fleet) {
    MigrationLine line;
    line.name = row.name;
    line.from = &catalog.find("ec2", region, row.instance_type);
    line.from_shape = catalog.shapes().find(row.instance_type);
    if (row.target.kind == MigrationTarget::Kind::kExplicit) {
      line.to = &catalog.find("ec2", region, row.target.instance_type);
      line.target_rule = "named in the scenario";
    } else {
      if (!line.from_shape)
        throw InputError(file, row.pointer + "/instance_type",
                         "the shapes table has no entry for " + row.instance_type +
                             ", so no equivalent can be chosen; name the target with \"instance_type\"");
      std::tie(line.to, line.target_rule) =
          equivalent_graviton(row, *line.from_shape, catalog, region, file);
    }
    line.to_shape = catalog.shapes().find(line.to->key);
    if (line.from->unit != "hour" || line.to->unit != "hour")
      throw PricingDataError(line.from->file, line.from->pointer, "EC2 prices must be per hour");
    // Savings are percentages of today's spend: a $0 rate leaves nothing to compare with.
    if (line.from->price.usd_per_unit().is_zero())
      throw PricingDataError(line.from->file, line.from->pointer + "/price",
                             "the On-Demand price of " + line.from->key +
                                 " is $0, so there is no spend to compare a migration with; no EC2 instance is "
                                 "free, so the table is damaged: import the price again");

    line.count = row.count;
    if (row.hours_per_month) {
      line.hours = Quantity(*row.hours_per_month);
      line.hours_basis = format_number(*row.hours_per_month) + " h (set for this row)";
    } else if (row.utilisation_percent) {
      line.hours = Quantity(Decimal::divide(*row.utilisation_percent * scenario.hours_per_month, kHundred, 6,
                                            RoundingMode::kHalfUp).normalized());
      // Hours are kept to 6 places: a share so small it rounds to 0 h leaves no spend to compare.
      if (line.hours.value().is_zero())
        throw InputError(file, row.pointer + "/utilisation_percent",
                         "expected a share of the month that comes to at least 0.000001 h, got " +
                             row.utilisation_percent->to_string() + "% of " +
                             format_number(scenario.hours_per_month) +
                             " h, which rounds to 0 h, so there is no spend to compare; check the value");
      const bool exact = line.hours.value() * kHundred == *row.utilisation_percent * scenario.hours_per_month;
      line.hours_basis = format_number(*row.utilisation_percent) + "% × " + format_number(scenario.hours_per_month) +
                         " h " + (exact ? "= " : "≈ ") + format_number(line.hours.value()) + " h";
    } else {
      line.hours = Quantity(scenario.hours_per_month);
      line.hours_basis = format_number(scenario.hours_per_month) + " h (the month convention)";
    }
    line.before = line.from->price * line.count * line.hours;
    line.after = line.to->price * line.count * line.hours;
    result.before += line.before;
    result.after += line.after;
    if (gain_factor_x100) {
      const Decimal numerator = line.count.value() * kHundred;
      line.instances_needed = Decimal::divide(numerator, *gain_factor_x100, 6, RoundingMode::kUp).normalized();
      line.instances_needed_exact = line.instances_needed * *gain_factor_x100 == numerator;
      line.adjusted_count = Quantity(Decimal::divide(numerator, *gain_factor_x100, 0, RoundingMode::kUp));
      line.after_adjusted = line.to->price * line.adjusted_count * line.hours;
      result.after_adjusted += line.after_adjusted;
      line.unit_work_ratio =
          ratio_of(line.to->price.usd_per_unit(), line.from->price.usd_per_unit() * result.gain_factor);
    }
    result.notes.cite(line.from->source);
    result.notes.cite(line.to->source);
    if (line.to_shape) result.notes.cite(catalog.shapes().source);
    result.lines.push_back(std::move(line));
  }
  if (scenario.performance) result.notes.cite(scenario.performance->source);

  result.prices_as_of = Date{9999, 12, 31};
  result.prices_as_of_newest = Date{1, 1, 1};
  for (const auto& line : result.lines) {
    result.prices_as_of = std::min({result.prices_as_of, line.from->source->as_of, line.to->source->as_of});
    result.prices_as_of_newest =
        std::max({result.prices_as_of_newest, line.from->source->as_of, line.to->source->as_of});
  }
  result.checked_on = today;
  result.warnings = staleness_warnings(result.notes, today, max_price_age_days);

  nlohmann::json data = {{"region", region},
                         {"month", format_number(scenario.hours_per_month)},
                         {"standard_month", scenario.hours_per_month == Decimal::from_int(kHoursPerMonth)},
                         {"rounding", kDisplayRounding.name}};
  if (scenario.performance) {
    const auto& p = *scenario.performance;
    data["performance"] = {{"ceiling", p.qualifier == "up to"},
                           {"gain_percent", format_number(p.throughput_gain_percent)},
                           {"applies_to", p.applies_to},
                           {"statement", p.statement}};
    if (!p.qualifier.empty()) data["performance"]["qualifier"] = p.qualifier;
  }
  result.assumptions = fill_template_lines("compute-migration/assumptions.md", data);
  return result;
}

}  // namespace costproof
