#include "source_notes.h"

#include "format.h"

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

std::vector<std::string> staleness_warnings(const SourceNotes& notes, const Date& today,
                                            long max_age_days) {
  std::vector<std::string> out;
  for (const auto& s : notes.sources()) {
    const long age = s->as_of.days_until(today);
    if (age <= max_age_days) continue;
    out.push_back("data from \"" + s->title + "\" are " + format_number(Decimal::from_int(age)) +
                  " days old (as of " + s->as_of.to_string() + ", checked against " +
                  today.to_string() + "; limit " + std::to_string(max_age_days) +
                  " days): re-check them before quoting");
  }
  return out;
}

}  // namespace costproof
