// Numbered source footnotes for a report: each distinct source gets one
// number, in order of first use, and the staleness check runs over them.
//
// Example:
//   SourceNotes notes;  notes.cite(row.source) == 1;  notes.cite(other) == 2;
//   notes.cite(row.source) == 1 again.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "pricing/price_table.h"

namespace costproof {

class SourceNotes {
 public:
  // The footnote number of `source`, adding it if new.
  int cite(const std::shared_ptr<const PriceSource>& source);
  const std::vector<std::shared_ptr<const PriceSource>>& sources() const { return sources_; }
  // The oldest as-of date among the cited sources ("prices as of ...").
  Date oldest_as_of() const;

 private:
  std::vector<std::shared_ptr<const PriceSource>> sources_;
};

// One warning per cited source older than `max_age_days` on `today`:
// "data from <title> are 1,376 days old (as of 2023-02-20, checked against 2026-11-27; limit 180 days): re-check them".
// The closing "### Assumptions" and "### Sources" sections every worked example prints:
// "1. <title>. <citation> (as of 2026-07-20; trust A: ...: <note>)".
void render_assumptions_and_sources(std::ostream& md, const std::vector<std::string>& assumptions,
                                    const SourceNotes& notes);
// The "sources" array of a JSON result: number, (id when `with_id`), title, citation, as_of, trust, trust_note.
nlohmann::ordered_json sources_json(const SourceNotes& notes, bool with_id = false);

// A cited source whose as-of date is more than `max_age_days` before `today`. Sources of
// kind "fact" (PriceSource::fact: a launch date, a statement) are never stale.
struct StaleSource {
  std::shared_ptr<const PriceSource> source;
  long age_days = 0;
};
std::vector<StaleSource> stale_sources(const SourceNotes& notes, const Date& today, long max_age_days);

// One sentence per stale_sources() entry (above).
std::vector<std::string> staleness_warnings(const SourceNotes& notes, const Date& today, long max_age_days);

}  // namespace costproof
