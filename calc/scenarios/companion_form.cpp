#include "scenarios/companion_form.h"

#include <array>
#include <cctype>

#include "render/text_template.h"

namespace costproof {

namespace {

// The white space JavaScript's trim() removes (ASCII, no-break, BOM, Unicode spaces and line separators), UTF-8.
constexpr std::array<std::string_view, 25> kJsSpaces = {
    "\t", "\n", "\v", "\f", "\r", " ", "\u00a0", "\u1680", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004",
    "\u2005", "\u2006", "\u2007", "\u2008", "\u2009", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000",
    "\ufeff"};

std::string trim_js(std::string_view s) {
  for (bool again = true; again;) {
    again = false;
    for (const auto sp : kJsSpaces) {
      if (s.starts_with(sp)) s.remove_prefix(sp.size()), again = true;
      if (s.ends_with(sp)) s.remove_suffix(sp.size()), again = true;
    }
  }
  return std::string(s);
}

}  // namespace

CompanionFormFields::CompanionFormFields(nlohmann::ordered_json fields, nlohmann::ordered_json options,
                                         std::string episode)
    : fields_(std::move(fields)), options_(std::move(options)), episode_(std::move(episode)) {}

std::string CompanionFormFields::raw(std::string_view name) const {
  const auto it = fields_.is_object() ? fields_.find(std::string(name)) : fields_.end();
  return it != fields_.end() && it->is_string() ? it->get<std::string>() : "";
}

std::string CompanionFormFields::text(std::string_view name) const { return trim_js(raw(name)); }

std::string CompanionFormFields::number(std::string_view name) const {
  return without_thousands_separators(text(name));
}

std::string without_thousands_separators(const std::string& text) {
  // [-]d{1,3}(,ddd)+[.d+]
  const std::size_t sign = text.starts_with('-') ? 1 : 0;
  const std::size_t point = text.find('.');
  const std::string whole = text.substr(sign, point == std::string::npos ? std::string::npos : point - sign);
  if (whole.find(',') == std::string::npos) return text;
  const std::size_t first = whole.find(',');
  if (first == 0 || first > 3) return text;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    const bool comma_place = i >= first && (i - first) % 4 == 0;
    if (comma_place ? whole[i] != ',' : !std::isdigit(static_cast<unsigned char>(whole[i]))) return text;
  }
  if ((whole.size() - first) % 4 != 0) return text;  // the last group has three digits
  std::string out = text.substr(0, sign);
  for (const char c : whole)
    if (c != ',') out += c;
  return out + (point == std::string::npos ? "" : text.substr(point));
}

nlohmann::ordered_json CompanionFormFields::whole_or_text(std::string_view name, std::string_view empty) const {
  const std::string value = raw(name);
  const std::string t = without_thousands_separators(trim_js(value.empty() ? empty : value));
  const bool whole = !t.empty() && t.size() <= 15 && t.find_first_not_of("0123456789") == std::string::npos;
  return whole ? nlohmann::ordered_json(std::stoll(t)) : nlohmann::ordered_json(t);
}

nlohmann::ordered_json CompanionFormFields::header(std::string_view kind, std::string_view title) const {
  return {{"schema_version", 1},
          {"kind", kind},
          {"id", "your-numbers"},
          {"title", title},
          {"episode", episode_},
          {"audience", "team like yours"},
          {"description", "Entered in the companion page of episode " + episode_ + "."}};
}

std::string companion_form_html(std::string_view kind_id) {
  return std::string(template_text(std::string(kind_id) + "/form.html"));
}

std::map<std::string, std::set<std::string>> price_keys_by_region(const PriceCatalog& catalog,
                                                                  const std::vector<std::string>& services,
                                                                  std::string_view prefix) {
  std::map<std::string, std::set<std::string>> out;
  for (const auto& t : catalog.tables())
    for (const auto& service : services)
      if (t.service == service)
        for (const auto& r : t.rows)
          if (r.key.starts_with(prefix)) out[t.region].insert(r.key);
  return out;
}

nlohmann::ordered_json region_options(const std::vector<std::string>& regions) {
  auto out = nlohmann::ordered_json::array();
  for (const auto& r : regions) out.push_back({{"value", r}, {"label", r}});
  return out;
}

std::string form_text(const nlohmann::ordered_json& object, const char* key, const std::string& fallback) {
  if (!object.is_object() || !object.contains(key)) return fallback;
  const auto& j = object.at(key);
  return j.is_string() ? j.get<std::string>() : j.dump();
}

}  // namespace costproof
