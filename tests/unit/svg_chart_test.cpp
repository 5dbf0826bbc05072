// Unit tests for calc/render/svg_chart.h: nice axis ticks, the SVG line chart (escaping,
// accessibility attributes, one circle per point, dashes, markers, no external
// references) and the data table that is its text alternative.
#include "render/svg_chart.h"

#include <cstddef>
#include <regex>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace costproof {
namespace {

Decimal d(const char* text) { return Decimal::parse(text); }

std::vector<std::string> tick_strings(const char* lo, const char* hi, int max_ticks = 6) {
  std::vector<std::string> out;
  for (const Decimal& t : nice_ticks(d(lo), d(hi), max_ticks)) out.push_back(t.to_string());
  return out;
}

using Strings = std::vector<std::string>;

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto pos = text.find(part); pos != std::string::npos; pos = text.find(part, pos + part.size())) ++n;
  return n;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// True if a coordinate came out as "nan" or "inf" (as an attribute value or in a points list).
bool has_non_finite_number(const std::string& svg) {
  static const std::regex kBad(R"((["\s,(])-?(nan|inf))");
  return std::regex_search(svg, kBad);
}

// Two series: an on-demand line (3 points) and a dashed Graviton line (2 points), one marker.
LineChart sample_chart() {
  LineChart c;
  c.id = "chart-graviton";
  c.title = "Monthly cost by fleet size";
  c.description = "Graviton costs less at every fleet size; the gap grows to $300 at 100 instances.";
  c.x_label = "Instances in the fleet";
  c.y_label = "Cost per month (USD)";
  c.series.push_back({"On-Demand x86", {{d("10"), d("150")}, {d("50"), d("750")}, {d("100"), d("1500")}}, false});
  c.series.push_back({"Graviton", {{d("100"), d("1200")}, {d("10"), d("120.5")}}, true});
  c.markers.push_back({d("40"), "break-even"});
  return c;
}

// ---- nice_ticks ----

TEST(NiceTicks, ZeroToPositiveUsesSteps125) {
  EXPECT_EQ(tick_strings("0", "1234"), (Strings{"0", "500", "1000", "1500"}));
  EXPECT_EQ(tick_strings("0", "1000"), (Strings{"0", "200", "400", "600", "800", "1000"}));
  EXPECT_EQ(tick_strings("0", "1"), (Strings{"0", "0.2", "0.4", "0.6", "0.8", "1"}));
  EXPECT_EQ(tick_strings("0", "42"), (Strings{"0", "10", "20", "30", "40", "50"}));
  EXPECT_EQ(tick_strings("0", "0.0037"), (Strings{"0", "0.001", "0.002", "0.003", "0.004"}));
  EXPECT_EQ(tick_strings("0", "25000"), (Strings{"0", "5000", "10000", "15000", "20000", "25000"}));
}

TEST(NiceTicks, OffsetAndNegativeRanges) {
  EXPECT_EQ(tick_strings("3", "47"), (Strings{"0", "10", "20", "30", "40", "50"}));
  EXPECT_EQ(tick_strings("-120", "0"), (Strings{"-150", "-100", "-50", "0"}));
  EXPECT_EQ(tick_strings("-30", "70"), (Strings{"-50", "0", "50", "100"}));  // step 20 would need 7
  EXPECT_EQ(tick_strings("1.5", "1.9"), (Strings{"1.5", "1.6", "1.7", "1.8", "1.9"}));
}

TEST(NiceTicks, ZeroAnchoredRangesGetFourToSixTicks) {
  for (const char* hi : {"1", "1.01", "2.1", "2.6", "4.1", "5.1", "9.9", "10.1", "99", "123456.78"}) {
    const auto ticks = nice_ticks(d("0"), d(hi), 6);
    EXPECT_GE(ticks.size(), 4u) << hi;
    EXPECT_LE(ticks.size(), 6u) << hi;
    EXPECT_LE(ticks.back(), d(hi) + (ticks[1] - ticks[0])) << hi;
    EXPECT_GE(ticks.back(), d(hi)) << hi;
  }
}

TEST(NiceTicks, DegenerateRangesAreWidened) {
  EXPECT_EQ(tick_strings("0", "0"), (Strings{"0", "0.2", "0.4", "0.6", "0.8", "1"}));
  EXPECT_EQ(tick_strings("5", "5"), (Strings{"4", "4.5", "5", "5.5", "6"}));
  EXPECT_EQ(tick_strings("-1000", "-1000"), (Strings{"-1200", "-1100", "-1000", "-900", "-800"}));
}

TEST(NiceTicks, MoreTicksAllowedGivesSmallerStep) {
  EXPECT_EQ(tick_strings("0", "1234", 14), (Strings{"0", "100", "200", "300", "400", "500", "600", "700", "800", "900",
                                                    "1000", "1100", "1200", "1300"}));
}

TEST(NiceTicks, RejectsBadArguments) {
  EXPECT_THROW(nice_ticks(d("2"), d("1"), 6), std::invalid_argument);
  EXPECT_THROW(nice_ticks(d("0"), d("1"), 2), std::invalid_argument);
}

// ---- render_svg_line_chart ----

TEST(SvgLineChart, RootElementTitleDescAndAria) {
  const std::string svg = render_svg_line_chart(sample_chart());
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 360\" role=\"img\" "
                      "aria-labelledby=\"chart-graviton-title chart-graviton-desc\" id=\"chart-graviton\" "
                      "class=\"chart\"",
                      0),
            0u);
  EXPECT_TRUE(contains(svg, "<title id=\"chart-graviton-title\">Monthly cost by fleet size</title>"));
  EXPECT_TRUE(contains(svg, "<desc id=\"chart-graviton-desc\">Graviton costs less"));
  EXPECT_TRUE(contains(svg, "font-family=\"sans-serif\""));
  EXPECT_EQ(svg.substr(svg.size() - 6), "</svg>");
  EXPECT_FALSE(contains(svg, " width="));
  EXPECT_FALSE(contains(svg, " height="));
}

TEST(SvgLineChart, LongLastXLabelEndsAtItsTickInsteadOfLeavingTheChart) {
  LineChart c = sample_chart();
  const std::string short_svg = render_svg_line_chart(c);  // last x label "100": centred
  EXPECT_TRUE(contains(short_svg, "text-anchor=\"middle\">100</text>"));
  EXPECT_FALSE(contains(short_svg, "text-anchor=\"end\">100</text>"));
  c.series = {{"On-demand", {{d("0"), d("0")}, {d("600000000"), d("375")}}, false}};
  c.markers.clear();
  const std::string svg = render_svg_line_chart(c);
  EXPECT_TRUE(contains(svg, "text-anchor=\"end\">600,000,000</text>")) << svg;
  EXPECT_TRUE(contains(svg, "text-anchor=\"middle\">200,000,000</text>"));
}

TEST(SvgLineChart, NoExternalReferencesOrScripts) {
  const std::string svg = render_svg_line_chart(sample_chart());
  EXPECT_EQ(count(svg, "http"), 1u);  // the xmlns only
  EXPECT_FALSE(contains(svg, "<script"));
  EXPECT_FALSE(contains(svg, "href"));
  EXPECT_FALSE(contains(svg, "url("));
  EXPECT_FALSE(contains(svg, "@import"));
}

TEST(SvgLineChart, EscapesAllText) {
  LineChart c = sample_chart();
  c.title = "Cost <&\"> 'x'";
  c.description = "a < b & c";
  c.series[0].name = "A&B";
  c.markers[0].label = "<break>";
  const std::string svg = render_svg_line_chart(c);
  EXPECT_TRUE(contains(svg, "<title id=\"chart-graviton-title\">Cost &lt;&amp;&quot;&gt; &#39;x&#39;</title>"));
  EXPECT_TRUE(contains(svg, ">a &lt; b &amp; c</desc>"));
  EXPECT_TRUE(contains(svg, ">A&amp;B</text>"));
  EXPECT_TRUE(contains(svg, ">&lt;break&gt;</text>"));
  EXPECT_FALSE(contains(svg, "<&"));
  EXPECT_FALSE(contains(svg, "<break>"));
}

TEST(SvgLineChart, OneCircleWithExactTitlePerPoint) {
  const std::string svg = render_svg_line_chart(sample_chart());
  EXPECT_EQ(count(svg, "<circle "), 5u);
  EXPECT_TRUE(contains(svg, "<title>Instances in the fleet: 10, Cost per month (USD): $120.50</title>"));
  EXPECT_TRUE(contains(svg, "<title>Instances in the fleet: 100, Cost per month (USD): $1,500.00</title>"));
  EXPECT_EQ(count(svg, "<polyline "), 2u);
}

TEST(SvgLineChart, TickLabelsFollowAxisFormat) {
  const std::string svg = render_svg_line_chart(sample_chart());
  // y: 0..1500 -> 0, 500, 1000, 1500 in whole dollars; x: 10..100 -> 0, 20, ..., 100.
  for (const char* label : {">$0</text>", ">$500</text>", ">$1,000</text>", ">$1,500</text>", ">0</text>",
                            ">20</text>", ">100</text>"}) {
    EXPECT_TRUE(contains(svg, label)) << label;
  }
  LineChart p = sample_chart();
  p.y_format = AxisFormat::kPercent;
  p.series = {{"Share", {{d("1"), d("12.25")}, {d("2"), d("30")}}, false}};
  p.markers.clear();
  const std::string psvg = render_svg_line_chart(p);
  EXPECT_TRUE(contains(psvg, ">10%</text>"));
  EXPECT_TRUE(contains(psvg, ">30%</text>"));
  EXPECT_TRUE(contains(psvg, "Cost per month (USD): 12.3%</title>"));  // 12.25 -> 12.3, half up
}

TEST(SvgLineChart, DashedSeriesAndLegend) {
  const std::string svg = render_svg_line_chart(sample_chart());
  // The Graviton polyline and its legend sample are dashed; the marker line has its own dashes.
  EXPECT_EQ(count(svg, "stroke-dasharray=\"6 4\""), 2u);
  EXPECT_TRUE(contains(svg, "stroke=\"#0072B2\""));
  EXPECT_TRUE(contains(svg, "stroke=\"#D55E00\""));
  EXPECT_TRUE(contains(svg, "<g class=\"legend\">"));
  EXPECT_TRUE(contains(svg, ">On-Demand x86</text>"));
  EXPECT_TRUE(contains(svg, ">Graviton</text>"));

  LineChart one = sample_chart();
  one.series.pop_back();
  EXPECT_FALSE(contains(render_svg_line_chart(one), "class=\"legend\""));
}

TEST(SvgLineChart, MarkerLineAndLabel) {
  const std::string svg = render_svg_line_chart(sample_chart());
  // x axis 0..100 over pixels 84..620: x = 40 is at 84 + 0.4 * 536 = 298.4.
  EXPECT_TRUE(contains(svg, "<line x1=\"298.4\" y1=\"40.0\" x2=\"298.4\" y2=\"300.0\" stroke=\"currentColor\" "
                            "stroke-dasharray=\"2 3\"/>"));
  EXPECT_TRUE(contains(svg, ">break-even</text>"));
}

TEST(SvgLineChart, MarkerLabelsStayOffTheOtherMarkersLine) {
  LineChart c = sample_chart();
  c.markers = {{d("40"), "best $5.79/h"}, {d("60"), "break-even $9.12/h"}};
  const std::string svg = render_svg_line_chart(c);
  // x 40 -> 298.4, x 60 -> 405.6: the left marker's label ends left of its line, the right one's starts right of it.
  EXPECT_TRUE(contains(svg, "<text x=\"294.4\" y=\"54.0\" text-anchor=\"end\" font-size=\"13\""));
  EXPECT_TRUE(contains(svg, "<text x=\"409.6\" y=\"70.0\" font-size=\"13\""));
}

TEST(SvgLineChart, ZeroLineWhenValuesGoNegativeAndMarkerLabelStaysInside) {
  LineChart c = sample_chart();
  EXPECT_FALSE(contains(render_svg_line_chart(c), "class=\"zero\""));
  c.series[0].points.push_back({d("20"), d("-100")});
  c.markers = {{d("95"), "limit"}};
  const std::string svg = render_svg_line_chart(c);
  // y -500..1500 -> 300..40: 0 is at 235.0.
  EXPECT_TRUE(contains(svg, "<line class=\"zero\" x1=\"84.0\" y1=\"235.0\" x2=\"620.0\" y2=\"235.0\"/>"));
  EXPECT_TRUE(contains(svg, "text-anchor=\"end\" font-size=\"13\" stroke=\"#fff\" stroke-width=\"4\" paint-order=\"stroke\">limit</text>"));
}

TEST(SvgLineChart, PointCoordinates) {
  const std::string svg = render_svg_line_chart(sample_chart());
  // x 0..100 -> 84..620; y 0..1500 -> 300..40. (50, 750) -> (352.0, 170.0).
  EXPECT_TRUE(contains(svg, "<circle cx=\"352.0\" cy=\"170.0\" r=\"3\">"));
  // On-Demand line by ascending x: (10,150) (50,750) (100,1500).
  EXPECT_TRUE(contains(svg, "points=\"137.6,274.0 352.0,170.0 620.0,40.0\""));
}

TEST(SvgLineChart, DegenerateChartsRender) {
  LineChart c;
  c.id = "c1";
  c.title = "One point";
  c.series = {{"Only", {{d("5"), d("0")}}, false}};
  std::string svg;
  ASSERT_NO_THROW(svg = render_svg_line_chart(c));
  ASSERT_TRUE(has_non_finite_number("<circle cx=\"-nan\"")) << "the check itself";
  EXPECT_EQ(count(svg, "<circle "), 1u);
  EXPECT_EQ(count(svg, "<polyline "), 0u);
  EXPECT_FALSE(has_non_finite_number(svg));

  // All-equal values and an empty series next to a real one.
  c.series = {{"Flat", {{d("1"), d("7")}, {d("2"), d("7")}, {d("3"), d("7")}}, false}, {"Empty", {}, true}};
  ASSERT_NO_THROW(svg = render_svg_line_chart(c));
  EXPECT_EQ(count(svg, "<circle "), 3u);
  EXPECT_FALSE(has_non_finite_number(svg));
}

TEST(SvgLineChart, RejectsChartsWithoutPointsBadIdsAndRepeatedX) {
  LineChart c = sample_chart();
  c.series = {{"Empty", {}, false}};
  EXPECT_THROW(render_svg_line_chart(c), std::invalid_argument);
  EXPECT_THROW(render_chart_data_table(c), std::invalid_argument);
  c.series.clear();
  EXPECT_THROW(render_svg_line_chart(c), std::invalid_argument);

  LineChart bad_id = sample_chart();
  bad_id.id = "two words";
  EXPECT_THROW(render_svg_line_chart(bad_id), std::invalid_argument);
  bad_id.id = "";
  EXPECT_THROW(render_svg_line_chart(bad_id), std::invalid_argument);

  LineChart repeated = sample_chart();
  repeated.series[0].points.push_back({d("50.0"), d("1")});
  EXPECT_THROW(render_svg_line_chart(repeated), std::invalid_argument);
}

// ---- render_chart_data_table ----

TEST(ChartDataTable, OneRowPerDistinctXAscending) {
  LineChart c = sample_chart();
  c.title = "Cost & size";
  EXPECT_EQ(render_chart_data_table(c),
            "<table class=\"chart-data\"><caption>Cost &amp; size</caption>\n"
            "<thead><tr><th scope=\"col\">Instances in the fleet</th><th scope=\"col\">On-Demand x86</th>"
            "<th scope=\"col\">Graviton</th></tr></thead>\n"
            "<tbody>\n"
            "<tr><th scope=\"row\">10</th><td>$150.00</td><td>$120.50</td></tr>\n"
            "<tr><th scope=\"row\">50</th><td>$750.00</td><td>\xE2\x80\x93</td></tr>\n"
            "<tr><th scope=\"row\">100</th><td>$1,500.00</td><td>$1,200.00</td></tr>\n"
            "</tbody></table>");
}

TEST(ChartDataTable, PercentAndNumberFormats) {
  LineChart c;
  c.id = "chart-share";
  c.title = "Share";
  c.x_label = "Hours";
  c.y_label = "Share";
  c.x_format = AxisFormat::kNumber;
  c.y_format = AxisFormat::kPercent;
  c.series = {{"Covered", {{d("8760.50"), d("10.95")}, {d("1000"), d("11")}}, false}};
  const std::string table = render_chart_data_table(c);
  EXPECT_TRUE(contains(table, "<tr><th scope=\"row\">1,000</th><td>11.0%</td></tr>\n"
                              "<tr><th scope=\"row\">8,760.5</th><td>11.0%</td></tr>"));
}

}  // namespace
}  // namespace costproof
