#include "render/chart_text.h"

#include <stdexcept>
#include <string>
#include <vector>

#include "render/text_template.h"

namespace costproof {

void fill_chart_text(LineChart& chart, std::string_view name, const nlohmann::json& data) {
  const std::vector<std::string> lines = fill_template_lines(name, data);
  const std::size_t expected = 4 + chart.series.size() + chart.markers.size();
  if (lines.size() != expected)
    throw std::logic_error("chart template \"" + std::string(name) + "\" gave " + std::to_string(lines.size()) +
                           " lines; the chart has " + std::to_string(expected) + " texts");
  std::size_t i = 0;
  chart.title = lines[i++];
  chart.x_label = lines[i++];
  chart.y_label = lines[i++];
  chart.description = lines[i++];
  for (auto& s : chart.series) s.name = lines[i++];
  for (auto& m : chart.markers) m.label = lines[i++];
}

}  // namespace costproof
