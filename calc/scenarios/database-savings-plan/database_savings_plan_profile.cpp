#include "scenarios/database-savings-plan/database_savings_plan_profile.h"

#include <algorithm>

#include "core/error.h"
#include "core/format.h"
#include "core/json_reader.h"

namespace costproof {
namespace {

const Decimal kHundred = Decimal::from_int(100);
constexpr int kHoursPerDay = 24;
constexpr int kDaysPerWeek = 7;
constexpr int kMaxPercentPlaces = 4;
constexpr int kMaxCsvPlaces = 6;
const std::vector<std::string> kWeekdays = {"monday", "tuesday", "wednesday", "thursday",
                                            "friday", "saturday", "sunday"};
const std::vector<std::string> kShapes = {"constant",      "business-hours", "nightly-scale-down", "weekly-spike",
                                          "steady-change", "scale-to-zero",  "hourly-csv"};

std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }
std::string clock(int hour) { return two_digits(hour) + ":00"; }
std::string capitalised(const std::string& s) {
  std::string out = s;
  if (!out.empty()) out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

int hour_of_day(JsonReader& p, std::string_view key) {
  const auto h = p.integer(key);
  if (h < 0 || h > kHoursPerDay)
    p.fail(key, "expected an hour of the day from 0 to 24 (24 = midnight at the end of the day), got " +
                    std::to_string(h));
  return static_cast<int>(h);
}

Decimal percent(JsonReader& p, std::string_view key, const Decimal& low, const Decimal& high, const std::string& what) {
  const Decimal v = p.decimal(key, what);
  if (v < low || v > high)
    p.fail(key, "expected " + what + " from " + low.to_string() + " to " + high.to_string() + ", got " + v.to_string());
  if (v.normalized().scale() > kMaxPercentPlaces)
    p.fail(key, "expected at most 4 decimal places, got " + v.to_string());
  return v.normalized();
}

// "scenarios/ep050/x.json" + "profiles/a.csv" -> "scenarios/ep050/profiles/a.csv" (string only, no I/O).
std::string beside(const std::string& scenario_file, const std::string& relative) {
  const auto slash = scenario_file.find_last_of('/');
  return slash == std::string::npos ? relative : scenario_file.substr(0, slash + 1) + relative;
}

bool in_window(int hour_of_day, int start, int end) {
  if (start <= end) return hour_of_day >= start && hour_of_day < end;
  return hour_of_day >= start || hour_of_day < end;  // wraps past midnight
}

// Splits one CSV line into fields; double quotes may enclose a field ("" is a quote inside).
// Why a path written in a scenario would reach outside the scenario's folder
// ("is absolute", "goes up with \"..\""), or nullopt when it stays inside.
std::optional<std::string> path_leaving_folder(std::string_view path) {
  if (path.front() == '/' || path.front() == '\\' || (path.size() > 1 && path[1] == ':')) return "is absolute";
  std::size_t start = 0;
  while (start <= path.size()) {
    const auto end = path.find_first_of("/\\", start);
    const auto part = path.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (part == "..") return "goes up a folder with \"..\"";
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return std::nullopt;
}

std::vector<std::string> split_csv_line(std::string_view line, const std::string& label, std::size_t line_no) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back().push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back().push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back().push_back(c);
    }
  }
  if (quoted)
    throw InputError(label, "", "line " + std::to_string(line_no) + ": a double quote is not closed; close it or "
                                                                  "remove it");
  return fields;
}

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  const auto last = s.find_last_not_of(" \t");
  return s.substr(first, last - first + 1);
}

}  // namespace

Decimal percent_of_level(const Decimal& level, const Decimal& percent) {
  const Decimal product = level * percent;
  // Dividing by 100 shifts the point two places: exact with two more places.
  return Decimal::divide(product, kHundred, product.scale() + 2, RoundingMode::kDown).normalized();
}

std::string UsageProfile::text(const std::string& level_text) const {
  const std::string days = weekdays_only ? "Monday-Friday" : "every day";
  switch (shape) {
    case Shape::kConstant:
      return level_text + " in every hour";
    case Shape::kBusinessHours:
      return level_text + " " + clock(start_hour) + "-" + clock(end_hour) + " " + days + "; " +
             format_number(percent) + "% of that otherwise";
    case Shape::kNightlyScaleDown:
      return level_text + ", scaled down to " + format_number(percent) + "% " + clock(start_hour) + "-" +
             clock(end_hour) + " every night";
    case Shape::kWeeklySpike:
      return level_text + ", rising to " + format_number(percent) + "% every " + capitalised(kWeekdays[static_cast<std::size_t>(weekday)]) +
             " " + clock(start_hour) + "-" + clock(end_hour);
    case Shape::kSteadyChange:
      return level_text + " in month 1, " + (percent.is_negative() ? "falling by " : "growing by ") +
             format_number(percent.abs()) + "% of that every month (month 12: " +
             format_number(kHundred + percent * Decimal::from_int(kMonthsPerYear - 1)) + "%)";
    case Shape::kScaleToZero:
      return level_text + " " + clock(start_hour) + "-" + clock(end_hour) + " " + days + "; scaled to zero otherwise";
    case Shape::kHourlyCsv:
      return "hourly quantities from " + csv_label + ", column \"" + csv_column + "\"";
  }
  return "";
}

UsageProfile parse_usage_profile(JsonReader& p, const std::string& scenario_file, const ReadRelativeFile& read_file) {
  UsageProfile out;
  out.name = p.one_of("shape", kShapes);
  using Shape = UsageProfile::Shape;
  auto days = [&] {
    out.weekdays_only = p.one_of("days", {"weekdays", "every-day"}) == "weekdays";
  };
  auto window = [&](bool may_wrap) {
    out.start_hour = hour_of_day(p, "start_hour");
    out.end_hour = hour_of_day(p, "end_hour");
    if (may_wrap ? out.start_hour == out.end_hour : out.start_hour >= out.end_hour)
      p.fail("end_hour", std::string("expected an end hour ") + (may_wrap ? "different from" : "after") +
                             " start_hour " + std::to_string(out.start_hour) + ", got " + std::to_string(out.end_hour));
  };
  if (out.name == "constant") {
    out.shape = Shape::kConstant;
  } else if (out.name == "business-hours") {
    out.shape = Shape::kBusinessHours;
    window(false);
    days();
    out.percent = percent(p, "off_hours_percent", Decimal::from_int(0), kHundred, "a percentage of the level");
  } else if (out.name == "nightly-scale-down") {
    out.shape = Shape::kNightlyScaleDown;
    window(true);
    out.percent = percent(p, "night_percent", Decimal::from_int(0), kHundred, "a percentage of the level");
  } else if (out.name == "weekly-spike") {
    out.shape = Shape::kWeeklySpike;
    const std::string day = p.one_of("weekday", kWeekdays);
    out.weekday = static_cast<int>(std::find(kWeekdays.begin(), kWeekdays.end(), day) - kWeekdays.begin());
    window(false);
    out.percent = percent(p, "spike_percent", Decimal::from_int(100), Decimal::from_int(100000),
                          "a percentage of the level (400 = four times the level)");
  } else if (out.name == "steady-change") {
    out.shape = Shape::kSteadyChange;
    // Month 12 is at 100 + 11 x change percent, which must not fall below zero.
    out.percent = percent(p, "monthly_change_percent", Decimal::parse("-9.0909"), kHundred,
                          "a change per month in percent of month 1's level");
  } else if (out.name == "scale-to-zero") {
    out.shape = Shape::kScaleToZero;
    window(false);
    days();
  } else {
    out.shape = Shape::kHourlyCsv;
    out.csv_path = p.string("csv");
    out.csv_column = p.string("column");
    if (const auto bad = path_leaving_folder(out.csv_path))
      p.fail("csv", "\"" + out.csv_path + "\" " + *bad +
                        "; a profile must be a file in the scenario's folder or below it (such as "
                        "\"profiles/usage.csv\"): copy the CSV there");
    out.csv_label = beside(scenario_file, out.csv_path);
    if (!read_file)
      p.fail("csv", "this program was built without a way to read files next to the scenario, so \"" +
                        out.csv_path + "\" cannot be read; use another shape");
    std::string csv_text;
    try {
      csv_text = read_file(out.csv_path);
    } catch (const Error&) {
      throw;
    } catch (const std::exception& e) {
      p.fail("csv", std::string("cannot read the CSV file: ") + e.what() +
                        "; the path is relative to the scenario file's folder, check the name");
    }
    out.csv_values = parse_hourly_csv(csv_text, out.csv_label, out.csv_column, kHoursPerYear);
    if (std::all_of(out.csv_values.begin(), out.csv_values.end(), [](const Decimal& d) { return d.is_zero(); }))
      p.fail("column", "every hour of column \"" + out.csv_column + "\" in " + out.csv_label +
                           " is 0, so there is no usage to commit to; check the column, or remove this usage row");
  }
  p.reject_unknown_keys();
  return out;
}

std::vector<QuantityRun> hourly_quantity_runs(const UsageProfile& profile, const Decimal& level, int hours) {
  using Shape = UsageProfile::Shape;
  std::vector<QuantityRun> runs;
  // Adds one hour (or `count`) of `q`, extending the last run when its quantity is the same Decimal
  // (same digits and places: the places reach the printed figures).
  const auto add = [&runs](const Decimal& q, int count) {
    if (!runs.empty() && runs.back().quantity.coefficient() == q.coefficient() &&
        runs.back().quantity.scale() == q.scale())
      runs.back().hours += count;
    else
      runs.push_back({count, q});
  };
  if (hours <= 0) return runs;
  if (profile.shape == Shape::kHourlyCsv) {
    for (int h = 0; h < hours; ++h) add(profile.csv_values[static_cast<std::size_t>(h)], 1);
    return runs;
  }
  if (profile.shape == Shape::kConstant) {
    add(level, hours);
    return runs;
  }
  if (profile.shape == Shape::kSteadyChange) {
    for (int m = 0; m < kMonthsPerYear; ++m) {
      const int first = m * kHoursPerMonth;
      if (first >= hours) break;
      const int last = m + 1 == kMonthsPerYear ? hours : std::min(hours, first + kHoursPerMonth);
      add(percent_of_level(level, kHundred + profile.percent * Decimal::from_int(m)), last - first);
    }
    return runs;
  }
  const Decimal other = profile.shape == Shape::kScaleToZero ? Decimal() : percent_of_level(level, profile.percent);
  for (int h = 0; h < hours; ++h) {
    const int hod = h % kHoursPerDay;
    const int weekday = (h / kHoursPerDay) % kDaysPerWeek;
    const bool weekday_ok = !profile.weekdays_only || weekday < 5;
    const bool inside = in_window(hod, profile.start_hour, profile.end_hour);
    bool at_other = false;
    switch (profile.shape) {
      case Shape::kBusinessHours:
      case Shape::kScaleToZero:
        at_other = !(inside && weekday_ok);
        break;
      case Shape::kNightlyScaleDown:
        at_other = inside;
        break;
      case Shape::kWeeklySpike:
        at_other = inside && weekday == profile.weekday;
        break;
      default:
        break;
    }
    add(at_other ? other : level, 1);
  }
  return runs;
}

ExactVector hourly_quantities(const UsageProfile& profile, const Decimal& level, int hours) {
  ExactVector v(std::max(hours, 0));
  Eigen::Index h = 0;
  for (const QuantityRun& run : hourly_quantity_runs(profile, level, hours)) {
    v.segment(h, run.hours).setConstant(ExactScalar(run.quantity));
    h += run.hours;
  }
  return v;
}

std::vector<Decimal> parse_hourly_csv(std::string_view text, const std::string& label, const std::string& column,
                                      std::size_t expected_rows) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // UTF-8 byte-order mark
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = text.find('\n', start);
    std::string_view line = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();  // trailing blank lines
  if (lines.empty())
    throw InputError(label, "", "the file is empty; expected a header line naming the columns, then one line per hour");
  const auto header = split_csv_line(lines[0], label, 1);
  std::size_t col = header.size();
  std::string names;
  for (std::size_t i = 0; i < header.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j)
      if (trimmed(header[j]) == trimmed(header[i]))
        throw InputError(label, "", "line 1, columns " + std::to_string(j + 1) + " and " + std::to_string(i + 1) +
                                        ": the header names column \"" + trimmed(header[i]) +
                                        "\" twice, so which one is meant is unclear; rename one");
    if (trimmed(header[i]) == column && col == header.size()) col = i;
    names += (i ? ", \"" : "\"") + trimmed(header[i]) + "\"";
  }
  if (col == header.size())
    throw InputError(label, "", "line 1: no column named \"" + column + "\"; the header has " + names +
                                    "; fix \"column\" in the scenario or the header");
  const std::string where_col = ", column " + std::to_string(col + 1) + " (\"" + column + "\")";
  std::vector<Decimal> values;
  values.reserve(expected_rows);
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const std::size_t line_no = i + 1;
    const std::string where = "line " + std::to_string(line_no);
    if (lines[i].empty())
      throw InputError(label, "", where + ": empty line; every line after the header is one hour");
    const auto fields = split_csv_line(lines[i], label, line_no);
    if (fields.size() != header.size())
      throw InputError(label, "", where + ": expected " + std::to_string(header.size()) +
                                      " fields like the header, got " + std::to_string(fields.size()));
    const std::string field = trimmed(fields[col]);
    Decimal v;
    try {
      v = Decimal::parse(field);
    } catch (const DecimalError&) {
      throw InputError(label, "", where + where_col + ": expected a usage quantity such as 6 or 6.5, got \"" +
                                      field + "\"");
    }
    if (v.is_negative())
      throw InputError(label, "", where + where_col + ": expected a quantity of 0 or more, got " + field);
    if (v.normalized().scale() > kMaxCsvPlaces)
      throw InputError(label, "", where + where_col + ": expected at most 6 decimal places, got " + field);
    values.push_back(v.normalized());
  }
  if (values.size() != expected_rows)
    throw InputError(label, "", "expected " + format_number(Decimal::from_int(static_cast<std::int64_t>(expected_rows))) +
                                    " data lines after the header (one per hour of the year), got " +
                                    format_number(Decimal::from_int(static_cast<std::int64_t>(values.size()))));
  return values;
}

}  // namespace costproof
