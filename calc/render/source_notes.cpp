#include "render/source_notes.h"

#include "core/format.h"
#include "render/text_template.h"

namespace costproof {

int SourceNotes::cite(const std::shared_ptr<const PriceSource>& source) {
  for (std::size_t i = 0; i < sources_.size(); ++i)
    if (sources_[i] == source) return static_cast<int>(i) + 1;
  sources_.push_back(source);
  return static_cast<int>(sources_.size());
}

Date SourceNotes::oldest_as_of() const {
  Date oldest{9999, 12, 31};
  for (const auto& s : sources_)
    if (s->as_of < oldest) oldest = s->as_of;
  return oldest;
}

void render_assumptions_and_sources(std::ostream& md, const std::vector<std::string>& assumptions,
                                    const SourceNotes& notes) {
  md << "### Assumptions\n\n";
  for (const auto& a : assumptions) md << "- " << a << "\n";
  md << "\n### Sources\n\n";
  int n = 0;
  for (const auto& s : notes.sources())
    md << ++n << ". " << s->title << ". " << s->citation() << " (as of " << s->as_of.to_string() << "; trust "
       << s->trust_label() << ": " << s->trust_note << ")\n";
  md << "\n";
}

nlohmann::ordered_json sources_json(const SourceNotes& notes, bool with_id) {
  nlohmann::ordered_json sources = nlohmann::ordered_json::array();
  int n = 0;
  for (const auto& s : notes.sources()) {
    nlohmann::ordered_json j = {{"number", ++n}};
    if (with_id) j["id"] = s->id;
    j["title"] = s->title;
    j["citation"] = s->citation();
    j["as_of"] = s->as_of.to_string();
    j["trust"] = std::string(1, s->trust);
    j["trust_note"] = s->trust_note;
    sources.push_back(j);
  }
  return sources;
}

std::vector<StaleSource> stale_sources(const SourceNotes& notes, const Date& today, long max_age_days) {
  std::vector<StaleSource> out;
  for (const auto& s : notes.sources()) {
    if (s->fact) continue;
    const long age = s->as_of.days_until(today);
    if (age > max_age_days) out.push_back({s, age});
  }
  return out;
}

std::vector<std::string> staleness_warnings(const SourceNotes& notes, const Date& today,
                                            long max_age_days) {
  std::vector<std::string> out;
  for (const auto& [s, age] : stale_sources(notes, today, max_age_days))
    out.push_back(fill_template("render/stale-warning.md",
                                {{"title", s->title},
                                 {"age", format_number(Decimal::from_int(age))},
                                 {"as_of", s->as_of.to_string()},
                                 {"checked_on", today.to_string()},
                                 {"limit", std::to_string(max_age_days)}}));
  return out;
}

}  // namespace costproof
