#include "render/svg_chart.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>

#include "core/format.h"
#include "core/markup.h"
#include "core/rounding_policy.h"

namespace costproof {
namespace {

// ---- Layout, in viewBox user units (the viewBox is 640 × 360). ----
constexpr double kHeight = 360.0;  // width 640: see the viewBox in render_svg_line_chart()
constexpr double kPlotLeft = 84.0;     // room for y tick labels ("$12,500") and the rotated y title
constexpr double kPlotRight = 620.0;
constexpr double kPlotTop = 40.0;      // room for the legend above the plot
constexpr double kPlotBottom = 300.0;  // room for x tick labels and the x title below
constexpr int kMaxTicks = 6;

// Okabe–Ito colours, distinguishable with the common colour-vision deficiencies.
constexpr std::array<std::string_view, 7> kPalette = {"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                                      "#E69F00", "#56B4E9", "#000000"};
constexpr std::string_view kDashArray = "6 4";
constexpr std::string_view kEnDash = "\xE2\x80\x93";  // "–", an empty data-table cell


// POSITIONS ONLY: a Decimal as a double, to place it in pixels. Never used for a value
// that is shown or summed. Reads the digits of to_string() by hand: locale-independent,
// and (unlike floating-point from_chars) available in every standard library we build with,
// including Emscripten's libc++.
double position_of(const Decimal& value) {
  const std::string text = value.to_string();
  double whole = 0.0, fraction = 0.0, unit = 1.0;
  bool after_point = false;
  for (const char c : text) {
    if (c == '.') {
      after_point = true;
    } else if (c >= '0' && c <= '9') {
      if (after_point) {
        unit /= 10.0;
        fraction += (c - '0') * unit;
      } else {
        whole = whole * 10.0 + (c - '0');
      }
    }
  }
  return value.is_negative() ? -(whole + fraction) : whole + fraction;
}

// A coordinate with 1 decimal, locale-independent: 123.45 -> "123.5"; never "-0.0".
std::string coord(double v) {
  const long long tenths = std::llround(v * 10.0);
  if (tenths == 0) return "0.0";
  const unsigned long long magnitude = tenths < 0 ? static_cast<unsigned long long>(-tenths)
                                                  : static_cast<unsigned long long>(tenths);
  return (tenths < 0 ? "-" : "") + std::to_string(magnitude / 10) + "." + std::to_string(magnitude % 10);
}

// 10^e as an exact Decimal, for -kMaxDecimalScale <= e <= 37.
Decimal power_of_ten(int e) {
  if (e >= 0) return Decimal::parse("1" + std::string(static_cast<std::size_t>(e), '0'));
  return Decimal::parse("0." + std::string(static_cast<std::size_t>(-e - 1), '0') + "1");
}

// Number of ticks of `step` needed to cover [lo, hi], and the first of them.
std::int64_t tick_count(const Decimal& lo, const Decimal& hi, const Decimal& step, Decimal* first) {
  const Decimal f = Decimal::divide(lo, step, 0, RoundingMode::kFloor) * step;
  const Decimal last = Decimal::divide(hi, step, 0, RoundingMode::kCeiling) * step;
  if (first) *first = f;
  return Decimal::divide(last - f, step, 0, RoundingMode::kDown).to_int64() + 1;
}

// A tick label: "$1,200", "$0.25", "-$500", "12%", "12.5%", "1,200", "0.2".
std::string tick_label(const Decimal& value, AxisFormat format) {
  const Decimal v = value.normalized();
  switch (format) {
    case AxisFormat::kUsd:
    case AxisFormat::kUsdPrice:
      if (v.is_integer()) return (v.is_negative() ? "-$" : "$") + group_thousands(v.abs());
      return format_usd_exact(v);
    case AxisFormat::kPercent: return format_number(v) + "%";
    case AxisFormat::kNumber: break;
  }
  return format_number(v);
}

// A data value (hover title, table cell): "$1,200.50", "12.0%", "1,200.5".
std::string value_label(const Decimal& value, AxisFormat format) {
  switch (format) {
    case AxisFormat::kUsd: return format_usd_rounded(value);
    case AxisFormat::kUsdPrice: return format_price(value);
    case AxisFormat::kPercent: return format_percent(value.rounded(1, RoundingMode::kHalfUp));
    case AxisFormat::kNumber: break;
  }
  return format_number(value);
}

bool valid_id(std::string_view id) {
  if (id.empty()) return false;
  const auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
  if (!letter(id.front())) return false;
  return std::all_of(id.begin(), id.end(), [&](char c) {
    return letter(c) || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

// Points of a series sorted by x (stable).
std::vector<ChartPoint> sorted_points(const ChartSeries& s) {
  std::vector<ChartPoint> points = s.points;
  std::stable_sort(points.begin(), points.end(),
                   [](const ChartPoint& a, const ChartPoint& b) { return a.x < b.x; });
  return points;
}

// Throws std::invalid_argument for what neither renderer accepts.
void validate(const LineChart& chart) {
  if (!valid_id(chart.id)) {
    throw std::invalid_argument("chart id \"" + chart.id +
                                "\" must start with a letter and use only letters, digits, '-' and '_'");
  }
  bool any_point = false;
  for (const ChartSeries& s : chart.series) {
    const std::vector<ChartPoint> points = sorted_points(s);
    for (std::size_t i = 1; i < points.size(); ++i) {
      if (points[i].x == points[i - 1].x) {
        throw std::invalid_argument("chart \"" + chart.id + "\": series \"" + s.name +
                                    "\" has two points at x = " + points[i].x.to_string());
      }
    }
    any_point = any_point || !points.empty();
  }
  if (!any_point) throw std::invalid_argument("chart \"" + chart.id + "\" has no points to plot");
}

// Maps a value on an axis (ticks front..back) onto pixels [from, to].
struct Scale {
  double lo;
  double hi;
  double from;
  double to;
  double operator()(const Decimal& v) const { return from + (position_of(v) - lo) / (hi - lo) * (to - from); }
};

}  // namespace

std::vector<Decimal> nice_ticks(const Decimal& lo, const Decimal& hi, int max_ticks) {
  if (hi < lo) throw std::invalid_argument("nice_ticks: lo " + lo.to_string() + " > hi " + hi.to_string());
  if (max_ticks < 3) throw std::invalid_argument("nice_ticks: max_ticks must be at least 3");
  Decimal low = lo;
  Decimal high = hi;
  if (low == high) {
    if (low.is_zero()) {
      high = Decimal::from_int(1);
    } else {
      const Decimal pad = low.abs() * Decimal::parse("0.2");
      low = low - pad;
      high = high + pad;
    }
  }
  const Decimal span = high - low;
  // e: the power of ten with 10^e <= span < 10^(e+1).
  int e = 0;
  while (e < 37 && power_of_ten(e + 1) <= span) ++e;
  while (e > -kMaxDecimalScale && power_of_ten(e) > span) --e;
  // Steps 1, 2, 5 × 10^k, smallest first, from 10^(e-2) (at least 50 ticks: too many for any axis).
  for (int k = std::max(e - 2, -kMaxDecimalScale); k <= 37; ++k) {
    for (const int m : {1, 2, 5}) {
      const Decimal step = Decimal::from_int(m) * power_of_ten(k);
      Decimal first;
      const std::int64_t n = tick_count(low, high, step, &first);
      if (n > max_ticks) continue;
      std::vector<Decimal> ticks;
      ticks.reserve(static_cast<std::size_t>(n));
      for (std::int64_t i = 0; i < n; ++i) ticks.push_back((first + step * Decimal::from_int(i)).normalized());
      return ticks;
    }
  }
  throw std::invalid_argument("nice_ticks: range too large");  // unreachable: Decimal ranges are < 10^38
}

std::string render_svg_line_chart(const LineChart& chart) {
  validate(chart);
  const std::string& id = chart.id;

  // Ranges: every point and marker on x; every point and 0 on y.
  bool first_value = true;
  Decimal x_min, x_max, y_min, y_max;
  for (const ChartSeries& s : chart.series) {
    for (const ChartPoint& p : s.points) {
      if (first_value) {
        x_min = x_max = p.x;
        y_min = y_max = p.y;
        first_value = false;
      }
      x_min = std::min(x_min, p.x);
      x_max = std::max(x_max, p.x);
      y_min = std::min(y_min, p.y);
      y_max = std::max(y_max, p.y);
    }
  }
  for (const ChartMarker& m : chart.markers) {
    x_min = std::min(x_min, m.x);
    x_max = std::max(x_max, m.x);
  }
  y_min = std::min(y_min, Decimal());
  y_max = std::max(y_max, Decimal());
  const std::vector<Decimal> x_ticks = nice_ticks(x_min, x_max, kMaxTicks);
  const std::vector<Decimal> y_ticks = nice_ticks(y_min, y_max, kMaxTicks);
  const Scale sx{position_of(x_ticks.front()), position_of(x_ticks.back()), kPlotLeft, kPlotRight};
  const Scale sy{position_of(y_ticks.front()), position_of(y_ticks.back()), kPlotBottom, kPlotTop};

  std::string out;
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 360\" role=\"img\" aria-labelledby=\"" + id +
         "-title " + id + "-desc\" id=\"" + id + "\" class=\"chart\" font-family=\"sans-serif\" font-size=\"13\" fill=\"currentColor\">\n";
  out += "<title id=\"" + id + "-title\">" + escape_markup(chart.title) + "</title>\n";
  out += "<desc id=\"" + id + "-desc\">" + escape_markup(chart.description) + "</desc>\n";

  // Grid lines, axis lines (on the plot's left and bottom edges), tick marks and tick labels.
  out += "<g class=\"grid\" stroke=\"currentColor\" stroke-opacity=\"0.15\">\n";
  for (const Decimal& t : y_ticks) {
    const std::string y = coord(sy(t));
    out += "<line x1=\"" + coord(kPlotLeft) + "\" y1=\"" + y + "\" x2=\"" + coord(kPlotRight) + "\" y2=\"" + y +
           "\"/>\n";
  }
  out += "</g>\n";
  out += "<g class=\"axes\" stroke=\"currentColor\">\n";
  out += "<line x1=\"" + coord(kPlotLeft) + "\" y1=\"" + coord(kPlotBottom) + "\" x2=\"" + coord(kPlotRight) +
         "\" y2=\"" + coord(kPlotBottom) + "\"/>\n";
  out += "<line x1=\"" + coord(kPlotLeft) + "\" y1=\"" + coord(kPlotTop) + "\" x2=\"" + coord(kPlotLeft) +
         "\" y2=\"" + coord(kPlotBottom) + "\"/>\n";
  if (y_ticks.front().is_negative()) {  // a baseline at 0 when the plot goes below it
    const std::string y0 = coord(sy(Decimal()));
    out += "<line class=\"zero\" x1=\"" + coord(kPlotLeft) + "\" y1=\"" + y0 + "\" x2=\"" + coord(kPlotRight) +
           "\" y2=\"" + y0 + "\"/>\n";
  }
  for (const Decimal& t : x_ticks) {
    const std::string x = coord(sx(t));
    out += "<line x1=\"" + x + "\" y1=\"" + coord(kPlotBottom) + "\" x2=\"" + x + "\" y2=\"" +
           coord(kPlotBottom + 5.0) + "\"/>\n";
  }
  for (const Decimal& t : y_ticks) {
    const std::string y = coord(sy(t));
    out += "<line x1=\"" + coord(kPlotLeft - 5.0) + "\" y1=\"" + y + "\" x2=\"" + coord(kPlotLeft) + "\" y2=\"" +
           y + "\"/>\n";
  }
  out += "</g>\n";
  out += "<g class=\"tick-labels\">\n";
  for (const Decimal& t : x_ticks) {
    // A label centred on the last tick would run past the 640-unit edge when it is long
    // ("600,000,000"): it ends at the tick instead (about 7 units a character at 12 px).
    const std::string label = tick_label(t, chart.x_format);
    const bool ends_at_tick = sx(t) + 3.5 * static_cast<double>(label.size()) > 640.0;
    out += "<text x=\"" + coord(sx(t)) + "\" y=\"" + coord(kPlotBottom + 18.0) + "\" text-anchor=\"" +
           (ends_at_tick ? "end" : "middle") + "\">" + escape_markup(label) + "</text>\n";
  }
  for (const Decimal& t : y_ticks) {
    out += "<text x=\"" + coord(kPlotLeft - 8.0) + "\" y=\"" + coord(sy(t) + 4.0) + "\" text-anchor=\"end\">" +
           escape_markup(tick_label(t, chart.y_format)) + "</text>\n";
  }
  out += "</g>\n";

  // Axis titles: x centred under the tick labels, y rotated along the left edge.
  const double x_mid = (kPlotLeft + kPlotRight) / 2.0;
  const double y_mid = (kPlotTop + kPlotBottom) / 2.0;
  out += "<text class=\"axis-title\" x=\"" + coord(x_mid) + "\" y=\"" + coord(kHeight - 18.0) +
         "\" text-anchor=\"middle\">" + escape_markup(chart.x_label) + "</text>\n";
  out += "<text class=\"axis-title\" x=\"" + coord(16.0) + "\" y=\"" + coord(y_mid) + "\" transform=\"rotate(-90 " +
         coord(16.0) + " " + coord(y_mid) + ")\" text-anchor=\"middle\" dominant-baseline=\"middle\">" +
         escape_markup(chart.y_label) + "</text>\n";

  // Markers: a dashed vertical line across the plot, its label at the top. The label goes right of
  // its line, or left of it when it would not fit on the right, or when another marker lies to the
  // right and the label fits on the left (so it does not run across that marker's line). Each
  // marker's label sits one line lower than the previous one, so close markers' labels never
  // overlap, and a white halo keeps a label readable where it crosses a line.
  constexpr double kMarkerFont = 13.0;
  for (std::size_t i = 0; i < chart.markers.size(); ++i) {
    const ChartMarker& m = chart.markers[i];
    const double px = sx(m.x);
    const double width = 0.6 * kMarkerFont * static_cast<double>(m.label.size()) + 4.0;  // an estimate
    bool right_neighbour = false;
    for (const ChartMarker& other : chart.markers) right_neighbour = right_neighbour || other.x > m.x;
    const bool fits_right = px + width <= kPlotRight, fits_left = px - width >= kPlotLeft;
    const bool label_left = (!fits_right && (fits_left || px > (kPlotLeft + kPlotRight) / 2.0)) ||
                            (right_neighbour && fits_left);
    out += "<g class=\"marker\">\n";
    out += "<line x1=\"" + coord(px) + "\" y1=\"" + coord(kPlotTop) + "\" x2=\"" + coord(px) + "\" y2=\"" +
           coord(kPlotBottom) + "\" stroke=\"currentColor\" stroke-dasharray=\"2 3\"/>\n";
    out += "<text x=\"" + coord(label_left ? px - 4.0 : px + 4.0) + "\" y=\"" +
           coord(kPlotTop + 14.0 + 16.0 * static_cast<double>(i)) + "\"" + (label_left ? " text-anchor=\"end\"" : "") +
           " font-size=\"13\" stroke=\"#fff\" stroke-width=\"4\" paint-order=\"stroke\">" + escape_markup(m.label) +
           "</text>\n";
    out += "</g>\n";
  }

  // Series: a line through the points (by ascending x) and a circle per point whose
  // <title> is shown on hover: "Instances in the fleet: 10, Saving per month (USD): $120.00".
  for (std::size_t i = 0; i < chart.series.size(); ++i) {
    const ChartSeries& s = chart.series[i];
    const std::string colour(kPalette[i % kPalette.size()]);
    const std::vector<ChartPoint> points = sorted_points(s);
    out += "<g class=\"series\" stroke=\"" + colour + "\" fill=\"" + colour + "\">\n";
    if (points.size() >= 2) {
      out += "<polyline fill=\"none\" stroke-width=\"2\"";
      if (s.dashed) out += " stroke-dasharray=\"" + std::string(kDashArray) + "\"";
      out += " points=\"";
      for (std::size_t j = 0; j < points.size(); ++j) {
        if (j > 0) out += ' ';
        out += coord(sx(points[j].x)) + "," + coord(sy(points[j].y));
      }
      out += "\"/>\n";
    }
    for (const ChartPoint& p : points) {
      out += "<circle cx=\"" + coord(sx(p.x)) + "\" cy=\"" + coord(sy(p.y)) + "\" r=\"3\"><title>" +
             escape_markup(chart.x_label + ": " + value_label(p.x, chart.x_format) + ", " + chart.y_label + ": " +
                    value_label(p.y, chart.y_format)) +
             "</title></circle>\n";
    }
    out += "</g>\n";
  }

  // Legend, above the plot, when there is more than one line: a sample of each line and its name.
  if (chart.series.size() > 1) {
    out += "<g class=\"legend\">\n";
    double x = kPlotLeft;
    const double y = 18.0;
    for (std::size_t i = 0; i < chart.series.size(); ++i) {
      const ChartSeries& s = chart.series[i];
      const std::string colour(kPalette[i % kPalette.size()]);
      out += "<line x1=\"" + coord(x) + "\" y1=\"" + coord(y) + "\" x2=\"" + coord(x + 24.0) + "\" y2=\"" +
             coord(y) + "\" stroke=\"" + colour + "\" stroke-width=\"2\"";
      if (s.dashed) out += " stroke-dasharray=\"" + std::string(kDashArray) + "\"";
      out += "/>\n";
      out += "<text x=\"" + coord(x + 30.0) + "\" y=\"" + coord(y + 4.0) + "\">" + escape_markup(s.name) + "</text>\n";
      // Advance by an estimate of the text width (about 7 units a character at 12 px).
      x += 30.0 + 7.0 * static_cast<double>(s.name.size()) + 18.0;
    }
    out += "</g>\n";
  }
  out += "</svg>";
  return out;
}

std::string render_chart_data_table(const LineChart& chart) {
  validate(chart);
  std::vector<Decimal> xs;
  for (const ChartSeries& s : chart.series) {
    for (const ChartPoint& p : s.points) xs.push_back(p.x);
  }
  std::sort(xs.begin(), xs.end());
  xs.erase(std::unique(xs.begin(), xs.end()), xs.end());

  std::string out = "<table class=\"chart-data\"><caption>" + escape_markup(chart.title) + "</caption>\n";
  out += "<thead><tr><th scope=\"col\">" + escape_markup(chart.x_label) + "</th>";
  for (const ChartSeries& s : chart.series) out += "<th scope=\"col\">" + escape_markup(s.name) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const Decimal& x : xs) {
    out += "<tr><th scope=\"row\">" + escape_markup(value_label(x, chart.x_format)) + "</th>";
    for (const ChartSeries& s : chart.series) {
      const auto it = std::find_if(s.points.begin(), s.points.end(), [&](const ChartPoint& p) { return p.x == x; });
      out += "<td>" + (it == s.points.end() ? std::string(kEnDash) : escape_markup(value_label(it->y, chart.y_format))) +
             "</td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody></table>";
  return out;
}

}  // namespace costproof
