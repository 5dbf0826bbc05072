#include "render/text_template.h"

#include <algorithm>
#include <map>
#include <memory>
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

// nlohmann JSON -> Mustache data. Each child is built once and moved into its slot (kainjow's set()
// and push_back() copy, which would copy every subtree once per level above it).
data to_data(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: {
      data d{data::type::object};
      for (const auto& [k, v] : j.items()) {
        d.set(k, data{data::type::bool_false});
        *const_cast<data*>(d.get(k)) = to_data(v);  // d owns the slot: not a const object
      }
      return d;
    }
    case nlohmann::json::value_t::array: {
      data d{data::type::list};
      for (const auto& v : j) {
        d.push_back(data{data::type::bool_false});
        const_cast<data&>(d.list_value().back()) = to_data(v);
      }
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

// The rendering context: the values, and every template as a partial, by its full name or by its
// name inside the folder of the template being filled. When both exist, the one whose full name
// sorts last wins (what setting every template in name order, as data keys, used to give). A
// partial is looked up only when a template uses it.
class TemplateContext : public kainjow::mustache::context<std::string> {
 public:
  TemplateContext(const data* values, std::string folder) : context(values), folder_(std::move(folder)) {}
  const data* get_partial(const std::string& name) const override {
    if (const auto it = partials_.find(name); it != partials_.end()) return &it->second;
    const auto& all = templates();
    const auto full = all.find(name), relative = all.find(folder_ + name);
    const auto found = full == all.end() ? relative
                       : relative == all.end() ? full
                       : (relative->first > full->first ? relative : full);
    if (found == all.end()) return context::get_partial(name);
    auto partial = [view = found->second]() { return std::string(view); };
    return &partials_.emplace(name, data{kainjow::mustache::partial{partial}}).first->second;
  }

 private:
  std::string folder_;
  mutable std::map<std::string, data> partials_;
};

// Each template parsed once per thread. render() keeps no state between calls but its error
// message, so a template whose rendering failed is dropped (parsed again on its next use).
std::map<std::string_view, std::unique_ptr<mustache>>& parsed_templates() {
  thread_local std::map<std::string_view, std::unique_ptr<mustache>> cache;
  return cache;
}

mustache& parsed_template(std::string_view name) {
  auto& slot = parsed_templates()[name];
  if (!slot) {
    const std::string_view text = template_text(name);
    slot = std::make_unique<mustache>(std::string(text));
    if (!slot->is_valid()) {
      const std::string message = slot->error_message();
      slot.reset();
      throw std::logic_error("text template \"" + std::string(name) + "\": " + message);
    }
    slot->set_custom_escape([](const std::string& s) { return s; });  // Markdown: values go in as they are
  }
  return *slot;
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
  const auto it = templates().find(name);
  if (it == templates().end()) throw std::logic_error("no embedded text template \"" + std::string(name) + "\"");
  mustache& tmpl = parsed_template(it->first);  // keyed by the static name, not the caller's view
  const data d = to_data(values);
  if (!d.is_object()) throw std::logic_error("text template \"" + std::string(name) + "\": data must be an object");
  TemplateContext ctx(&d, folder_of(name));
  std::string out = tmpl.render(ctx);
  if (!tmpl.is_valid()) {
    const std::string message = tmpl.error_message();
    parsed_templates().erase(it->first);
    throw std::logic_error("text template \"" + std::string(name) + "\": " + message);
  }
  return out;
}

nlohmann::json separated(nlohmann::json items, std::string_view sep, std::string_view last) {
  for (std::size_t i = 0; i < items.size(); ++i)
    items[i]["sep"] = i == 0 ? std::string_view() : (i + 1 == items.size() && !last.empty() ? last : sep);
  return items;
}

nlohmann::json separated_texts(const std::vector<std::string>& texts, std::string_view sep, std::string_view last) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& t : texts) items.push_back({{"text", t}});
  return separated(std::move(items), sep, last);
}

std::vector<std::string> fill_template_lines(std::string_view name, const nlohmann::json& data) {
  const std::string text = fill_template(name, data);
  std::vector<std::string> lines;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    if (end > start) lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

}  // namespace costproof
