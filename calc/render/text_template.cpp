#include "render/text_template.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include <kainjow/mustache.hpp>

#include "render/embedded_templates.h"

namespace costproof {
namespace {

using kainjow::mustache::data;
using kainjow::mustache::mustache;

const std::map<std::string_view, std::string_view>& templates() {
  static const std::map<std::string_view, std::string_view> all = [] {
    std::map<std::string_view, std::string_view> m;
    for (const auto& t : embedded_templates()) m.emplace(t.name, t.text);
    return m;
  }();
  return all;
}

// nlohmann JSON -> Mustache data. Partials are resolved lazily through `folder`.
data to_data(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: {
      data d{data::type::object};
      for (const auto& [k, v] : j.items()) d.set(k, to_data(v));
      return d;
    }
    case nlohmann::json::value_t::array: {
      data d{data::type::list};
      for (const auto& v : j) d.push_back(to_data(v));
      return d;
    }
    case nlohmann::json::value_t::string:
      return data{j.get<std::string>()};
    case nlohmann::json::value_t::boolean:
      return j.get<bool>() ? data{data::type::bool_true} : data{data::type::bool_false};
    case nlohmann::json::value_t::null:
      return data{data::type::bool_false};
    default:
      return data{j.dump()};
  }
}

std::string folder_of(std::string_view name) {
  const auto slash = name.rfind('/');
  return slash == std::string_view::npos ? "" : std::string(name.substr(0, slash + 1));
}

// Every template of `folder` (and every template by full name) as a partial.
void add_partials(data& d, const std::string& folder) {
  for (const auto& [name, text] : templates()) {
    const std::string full(name);
    // The embedded texts are static: the partial copies one only when a template uses it.
    auto partial = [view = text]() { return std::string(view); };
    d.set(full, data{kainjow::mustache::partial{partial}});
    if (full.rfind(folder, 0) == 0) d.set(full.substr(folder.size()), data{kainjow::mustache::partial{partial}});
  }
}

}  // namespace

std::string_view template_text(std::string_view name) {
  const auto it = templates().find(name);
  if (it == templates().end()) throw std::logic_error("no embedded text template \"" + std::string(name) + "\"");
  return it->second;
}

std::vector<std::string> template_names() {
  std::vector<std::string> out;
  for (const auto& [name, text] : templates()) out.emplace_back(name);
  return out;
}

std::string fill_template(std::string_view name, const nlohmann::json& values) {
  mustache tmpl{std::string(template_text(name))};
  if (!tmpl.is_valid())
    throw std::logic_error("text template \"" + std::string(name) + "\": " + tmpl.error_message());
  tmpl.set_custom_escape([](const std::string& s) { return s; });  // Markdown: values go in as they are
  data d = to_data(values);
  if (!d.is_object()) throw std::logic_error("text template \"" + std::string(name) + "\": data must be an object");
  add_partials(d, folder_of(name));
  std::string out = tmpl.render(d);
  if (!tmpl.is_valid())
    throw std::logic_error("text template \"" + std::string(name) + "\": " + tmpl.error_message());
  return out;
}

}  // namespace costproof
