// Inline SVG line charts for the HTML pages, with a table as their text alternative.
//
// A chart is data in exact Decimals. The values shown as text (tick labels, the
// hover title of each point, the data table) are formatted from those Decimals
// exactly (format.h). Only pixel positions are computed in double.
//
// Output is one self-contained <svg> element: viewBox 640 × 360 user units, no
// width/height (the page's CSS sizes it, so it shrinks on phones), no scripts, no
// external references, font-family="sans-serif". role="img" plus <title> and <desc>
// give screen readers a name and a description. render_chart_data_table() gives
// every plotted number as an HTML table.
//
// Example:
//   LineChart c{.id = "chart-graviton", .title = "Graviton saving by fleet size",
//               .description = "The saving grows linearly from $120 at 10 instances to $1,200 at 100.",
//               .x_label = "Instances in the fleet", .y_label = "Saving per month (USD)"};
//   c.series.push_back({"Saving", {{Decimal::parse("10"), Decimal::parse("120")},
//                                  {Decimal::parse("100"), Decimal::parse("1200")}}});
//   render_svg_line_chart(c);   // "<svg xmlns=... id=\"chart-graviton\" ...>...</svg>"
//   nice_ticks(Decimal::parse("0"), Decimal::parse("1234"), 6)  // 0, 500, 1000, 1500
#pragma once

#include <string>
#include <vector>

#include "core/decimal.h"

namespace costproof {

// How the values of one axis are written.
//   kNumber:  a plain quantity            ticks "1,200"   table "1,200.5"
//   kUsd:     US dollars                  ticks "$1,200"  table "$1,200.50" (format_usd_rounded)
//   kPercent: percentage points, 12 = 12% ticks "12%"     table "12.0%" (0.1 point, half up)
//   kUsdPrice: a unit price in US dollars ticks "$0.25"  table "$0.234" (format_price: source precision)
enum class AxisFormat { kNumber, kUsd, kUsdPrice, kPercent };

// One data point, in the units of the chart's axes.
struct ChartPoint {
  Decimal x;
  Decimal y;
};

// One line. Points may be given in any order (they are drawn by ascending x);
// two points of one series may not share an x. A series may be empty.
struct ChartSeries {
  std::string name;  // shown in the legend and as a data-table column heading
  std::vector<ChartPoint> points;
  bool dashed = false;  // drawn with stroke-dasharray, also in the legend
};

// A vertical dashed line across the plot at x, labelled near the top: "break-even".
// The x range of the chart is widened to include every marker.
struct ChartMarker {
  Decimal x;
  std::string label;
};

struct LineChart {
  std::string id;           // svg id and prefix of the aria ids: "chart-graviton" (letter, then [A-Za-z0-9_-])
  std::string title;        // becomes <title>, and the table caption
  std::string description;  // becomes <desc>: the text alternative a screen reader reads
  std::string x_label;      // axis title with units: "Instances in the fleet"
  std::string y_label;      // axis title with units: "Saving per month (USD)"
  AxisFormat x_format = AxisFormat::kNumber;
  AxisFormat y_format = AxisFormat::kUsd;
  std::vector<ChartSeries> series;
  std::vector<ChartMarker> markers;
};

// The <svg>...</svg> element for `chart`. The y axis always includes 0. Throws
// std::invalid_argument for a chart without any point, a bad id, or a series with a repeated x.
std::string render_svg_line_chart(const LineChart& chart);

// An HTML table of every point, the chart's text alternative:
//   <table class="chart-data"><caption>title</caption>
//   <thead><tr><th scope="col">x_label</th><th scope="col">series name</th>...</tr></thead>
//   <tbody><tr><th scope="row">10</th><td>$120.00</td><td>–</td></tr>...</tbody></table>
// One row per distinct x, ascending; "–" where a series has no point at that x.
// Same exceptions as render_svg_line_chart().
std::string render_chart_data_table(const LineChart& chart);

// "Nice" axis ticks covering [lo, hi]: the smallest step of the form 1, 2 or 5 × 10^k
// that needs at most `max_ticks` ticks, from the multiple of the step at or below lo to the
// one at or above hi. Exact: each tick is first + step × i, normalized.
// With max_ticks 6 a range starting at 0 gets 4 to 6 ticks (other ranges 3 to 6):
//   (0, 1234, 6) -> 0, 500, 1000, 1500      (0, 1, 6)    -> 0, 0.2, 0.4, 0.6, 0.8, 1
//   (3, 47, 6)   -> 0, 10, 20, 30, 40, 50   (-120, 0, 6) -> -150, -100, -50, 0 (step 20 needs 7)
// A degenerate range lo == hi is widened first: 0 -> [0, 1], v -> [v - |v|/5, v + |v|/5].
// Throws std::invalid_argument if lo > hi or max_ticks < 3.
std::vector<Decimal> nice_ticks(const Decimal& lo, const Decimal& hi, int max_ticks);

}  // namespace costproof
