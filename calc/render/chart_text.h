// A chart's words from a text template (text_template.h), so no sentence of a chart is C++.
//
// The template gives one text a line, in this order: the title, the x axis title, the
// y axis title, the description (the text alternative a screen reader reads), then one
// line per series name and per marker label, in the order the chart lists them.
//
// Example (calc/scenarios/ipv6-egress/templates/chart.md, a chart of 2 series and 1 marker):
//   fill_chart_text(chart, "ipv6-egress/chart.md", {{"vpc", "prod"}, ...});
//   // chart.title = "NAT gateway vs IPv6 egress: …", …, chart.markers[0].label = "this VPC: 60 GB"
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "render/svg_chart.h"

namespace costproof {

// Fills the chart's title, axis titles, description, series names and marker labels from
// the template `name`. Throws std::logic_error when the template gives another number of
// lines than the chart has texts (a build defect, caught by the tests of each chart).
void fill_chart_text(LineChart& chart, std::string_view name, const nlohmann::json& data);

}  // namespace costproof
