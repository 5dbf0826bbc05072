// Markdown (show notes), JSON and CSV renderings of an episode report.
#include <algorithm>
#include <sstream>

#include "claims/episode.h"
#include "core/format.h"
#include "render/source_notes.h"
#include "core/rounding_policy.h"

namespace costproof {
namespace {

std::string lines_text(const Claim& c) {
  std::vector<int> lines;
  for (const auto& r : c.outline)
    if (std::find(lines.begin(), lines.end(), r.line) == lines.end()) lines.push_back(r.line);
  std::string out = lines.size() == 1 ? "line " : "lines ";
  for (std::size_t i = 0; i < lines.size(); ++i) out += (i ? ", " : "") + std::to_string(lines[i]);
  return out;
}

std::string counts_text(const std::map<Verdict, std::size_t>& counts) {
  std::string out;
  for (const auto v : kAllVerdicts) {
    const auto it = counts.find(v);
    if (it == counts.end() || it->second == 0) continue;
    out += (out.empty() ? "" : ", ") + std::to_string(it->second) + " " + verdict_label(v);
  }
  return out;
}

std::string money(const Decimal& d) {
  return d.is_negative() ? "-" + format_usd_rounded(d.abs()) : format_usd_rounded(d);
}

std::string check_type_label(const std::string& type) {
  if (type == "sourced-fact") return "sourced fact";
  if (type == "not-researched") return "not researched";
  return type;
}

std::string source_line(const PriceSource& s) {
  return s.title + ". " + s.citation() + " (as of " + s.as_of.to_string() + "; trust " + s.trust_label() + ": " +
         s.trust_note + ")";
}

}  // namespace

std::string render_episode_markdown(const EpisodeReport& r) {
  const EpisodeFile& ep = r.inputs->episode;
  std::ostringstream md;
  md << "# Episode " << ep.number << ": " << ep.title << "\n\n";
  md << "*Recorded " << ep.date.to_string() << ". Every number the outline quotes is checked below";
  if (ep.outline_source) md << " (outline " << ep.outline_file << " [" << 1 << "])";
  md << "; prices checked against " << r.inputs->checked_on.to_string()
     << ". Every equation re-checks from the numbers it prints.*\n\n";
  if (!ep.links.empty()) {
    md << "Links:\n\n";
    for (const auto& l : ep.links) md << "- [" << l.title << "](" << l.url << ")\n";
    md << "\n";
  }
  md << "**" << r.claims.size() << " claims checked:** " << counts_text(r.verdict_counts) << ".\n\n";
  for (const auto& w : r.warnings) md << "> **Warning:** " << w << "\n\n";

  md << "## What this means for you\n\n";
  for (const auto& t : r.topics) {
    md << "### " << t.topic->title << "\n\n";
    Team last = Team::kAny;
    bool any = false;
    for (const auto& p : t.paragraphs) {
      if (!any || p.team != last) md << "#### " << team_label(p.team) << "\n\n";
      any = true;
      last = p.team;
      if (!p.scenario.empty()) md << "*Worked example: " << p.title << " (`" << p.scenario << "`).*\n\n";
      md << p.markdown << "\n\n";
    }
    if (!any) md << "No worked example for this topic; the claims below are what to know.\n\n";
    if (!t.claims.empty()) {
      std::map<Verdict, std::size_t> counts;
      std::string numbers;
      for (const auto* c : t.claims) {
        ++counts[c->verdict];
        const auto index = static_cast<std::size_t>(c - r.claims.data()) + 1;
        numbers += (numbers.empty() ? "" : ", ") + std::to_string(index);
      }
      md << "Claims on this topic: " << counts_text(counts) << " (" << (t.claims.size() == 1 ? "claim " : "claims ")
         << numbers << " in the table below).\n\n";
    }
  }

  md << "## Worked examples\n\n";
  if (!r.figures.empty()) {
    md << "Key figures (rounded to the cent; exact values in `--format csv`):\n\n";
    md << "| Figure | Worked example | Per | List cost | Effective cost | Saving vs baseline |\n";
    md << "|---|---|---|---:|---:|---:|\n";
    for (const auto& f : r.figures) {
      std::string saving = "—";
      if (f.saving_vs_baseline) {
        saving = money(*f.saving_vs_baseline);
        if (f.saving_percent_of_baseline) saving += " (" + format_percent(*f.saving_percent_of_baseline) + ")";
      }
      md << "| " << table_cell(f.figure->description) << " | `" << f.figure->scenario << "` | " << f.figure->period
         << " | " << money(f.list_cost) << " | " << money(f.effective_cost) << " | " << saving << " |\n";
    }
    md << "\n";
  }
  for (const auto& ex : r.examples) md << ex.markdown << "\n";

  md << "## Claims\n\n";
  md << "| # | Claim | Verdict | Why | Suggested wording |\n|---:|---|---|---|---|\n";
  for (std::size_t i = 0; i < r.claims.size(); ++i) {
    const auto& c = r.claims[i];
    const std::string wording = c.claim->suggested_wording.empty() ? "—" : c.claim->suggested_wording;
    md << "| " << i + 1 << " | \"" << table_cell(c.claim->quote) << "\" (" << lines_text(*c.claim) << ") | **"
       << verdict_label(c.verdict) << "** | " << table_cell(c.why) << " | " << table_cell(wording) << " |\n";
  }
  md << "\n## How each claim was checked\n\n";
  for (std::size_t i = 0; i < r.claims.size(); ++i) {
    const auto& c = r.claims[i];
    md << "### " << i + 1 << ". `" << c.claim->id << "`: " << verdict_label(c.verdict) << "\n\n";
    md << "\"" << c.claim->quote << "\" (" << lines_text(*c.claim) << "; " << number_kind_id(c.claim->number_kind)
       << ")\n\n";
    for (const auto& check : c.checks) {
      md << "- **" << check_type_label(check.type) << "** ("
         << (check.verdict ? verdict_label(*check.verdict) : "for reference only") << "):\n";
      for (const auto& line : check.lines) md << "  - " << line << "\n";
    }
    if (!c.claim->note.empty()) md << "- Note: " << c.claim->note << "\n";
    md << "\n";
  }

  md << "## Assumptions\n\n";
  for (const auto& a : r.assumptions) md << "- " << a << "\n";
  md << "\n## Sources\n\n";
  int n = 0;
  for (const auto& s : r.notes.sources()) md << ++n << ". " << source_line(*s) << "\n";
  return md.str();
}

nlohmann::ordered_json render_episode_json(const EpisodeReport& r) {
  const EpisodeFile& ep = r.inputs->episode;
  nlohmann::ordered_json out;
  nlohmann::ordered_json links = nlohmann::ordered_json::array();
  for (const auto& l : ep.links) links.push_back({{"title", l.title}, {"url", l.url}});
  out["episode"] = {{"number", ep.number},
                    {"title", ep.title},
                    {"date", ep.date.to_string()},
                    {"file", ep.file},
                    {"links", links},
                    {"outline", ep.outline_file.empty() ? nlohmann::ordered_json(nullptr)
                                                        : nlohmann::ordered_json(ep.outline_file)}};
  out["checked_on"] = r.inputs->checked_on.to_string();
  nlohmann::ordered_json counts;
  for (const auto v : kAllVerdicts) counts[verdict_id(v)] = r.verdict_counts.at(v);
  out["summary"] = {{"claims", r.claims.size()}, {"by_verdict", counts}};
  out["warnings"] = r.warnings;

  nlohmann::ordered_json topics = nlohmann::ordered_json::array();
  for (const auto& t : r.topics) {
    nlohmann::ordered_json paragraphs = nlohmann::ordered_json::array();
    for (const auto& p : t.paragraphs)
      paragraphs.push_back({{"team", team_id(p.team)},
                            {"scenario", p.scenario.empty() ? nlohmann::ordered_json(nullptr)
                                                            : nlohmann::ordered_json(p.scenario)},
                            {"markdown", p.markdown}});
    std::vector<std::string> ids;
    for (const auto* c : t.claims) ids.push_back(c->claim->id);
    topics.push_back({{"id", t.topic->id}, {"title", t.topic->title}, {"what_this_means", paragraphs}, {"claims", ids}});
  }
  out["topics"] = topics;

  nlohmann::ordered_json figures = nlohmann::ordered_json::array();
  for (const auto& f : r.figures) {
    nlohmann::ordered_json j = {{"id", f.figure->id},
                                {"scenario", f.figure->scenario},
                                {"topic", f.topic},
                                {"description", f.figure->description},
                                {"period", f.figure->period},
                                {"region", f.region},
                                {"currency", "USD"},
                                {"list_cost", f.list_cost.normalized().to_string()},
                                {"contracted_cost", f.contracted_cost.normalized().to_string()},
                                {"effective_cost", f.effective_cost.normalized().to_string()}};
    j["baseline"] = f.figure->baseline ? nlohmann::ordered_json(*f.figure->baseline) : nlohmann::ordered_json(nullptr);
    j["saving_vs_baseline"] = f.saving_vs_baseline ? nlohmann::ordered_json(f.saving_vs_baseline->normalized().to_string())
                                                   : nlohmann::ordered_json(nullptr);
    j["saving_percent_of_baseline"] = f.saving_percent_of_baseline
                                          ? nlohmann::ordered_json(f.saving_percent_of_baseline->to_string())
                                          : nlohmann::ordered_json(nullptr);
    figures.push_back(j);
  }
  out["figures"] = figures;

  nlohmann::ordered_json examples = nlohmann::ordered_json::array();
  for (const auto& ex : r.examples) {
    nlohmann::ordered_json numbers;
    for (const auto& [k, v] : ex.source_numbers) numbers[std::to_string(k)] = v;
    examples.push_back({{"scenario", ex.scenario->id},
                        {"topic", ex.topic.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(ex.topic)},
                        {"team", team_id(ex.team)},
                        {"page_source_numbers", numbers},
                        {"result", ex.scenario->json}});
  }
  out["worked_examples"] = examples;

  nlohmann::ordered_json claims = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < r.claims.size(); ++i) {
    const auto& c = r.claims[i];
    nlohmann::ordered_json outline = nlohmann::ordered_json::array();
    for (const auto& o : c.claim->outline) outline.push_back({{"line", o.line}, {"text", o.text}});
    nlohmann::ordered_json checks = nlohmann::ordered_json::array();
    for (const auto& check : c.checks) {
      nlohmann::ordered_json j = check.data;
      j["summary"] = check.summary;
      j["lines"] = check.lines;
      checks.push_back(j);
    }
    claims.push_back({{"number", i + 1},
                      {"id", c.claim->id},
                      {"topic", c.claim->topic},
                      {"quote", c.claim->quote},
                      {"outline", outline},
                      {"number_kind", number_kind_id(c.claim->number_kind)},
                      {"verdict", verdict_id(c.verdict)},
                      {"why", c.why},
                      {"suggested_wording", c.claim->suggested_wording.empty()
                                                ? nlohmann::ordered_json(nullptr)
                                                : nlohmann::ordered_json(c.claim->suggested_wording)},
                      {"checks", checks},
                      {"sources", c.source_numbers}});
  }
  out["claims"] = claims;
  out["assumptions"] = r.assumptions;
  out["sources"] = sources_json(r.notes, /*with_id=*/true);
  return out;
}

std::string render_episode_csv(const EpisodeReport& r) {
  static const std::vector<std::string> kColumns = {
      "RecordType",    "ClaimId",         "Topic",           "Quote",          "OutlineLines",  "NumberKind",
      "CheckTypes",    "Verdict",         "Why",             "SuggestedWording", "SourceNumbers", "SourceAsOfDates",
      "FigureId",      "ScenarioId",      "ChargeDescription", "ChargePeriod", "RegionId",      "BillingCurrency",
      "ListCost",      "ContractedCost",  "EffectiveCost",   "BaselineFigureId", "SavingVsBaseline",
      "SavingPercentOfBaseline"};
  std::ostringstream csv;
  auto row = [&](const std::map<std::string, std::string>& values) {
    for (std::size_t i = 0; i < kColumns.size(); ++i) {
      const auto it = values.find(kColumns[i]);
      csv << (i ? "," : "") << csv_field(it == values.end() ? "" : it->second);
    }
    csv << "\r\n";
  };
  for (std::size_t i = 0; i < kColumns.size(); ++i) csv << (i ? "," : "") << kColumns[i];
  csv << "\r\n";
  for (const auto& c : r.claims) {
    std::string lines, types, numbers, dates;
    for (const auto& o : c.claim->outline) {
      const std::string l = std::to_string(o.line);
      if ((";" + lines + ";").find(";" + l + ";") == std::string::npos) lines += (lines.empty() ? "" : ";") + l;
    }
    for (const auto& check : c.checks)
      if (types.find(check.type) == std::string::npos) types += (types.empty() ? "" : ";") + check.type;
    for (const int n : c.source_numbers) {
      numbers += (numbers.empty() ? "" : ";") + std::to_string(n);
      dates += (dates.empty() ? "" : ";") + r.notes.sources()[static_cast<std::size_t>(n - 1)]->as_of.to_string();
    }
    row({{"RecordType", "claim"},
         {"ClaimId", c.claim->id},
         {"Topic", c.claim->topic},
         {"Quote", c.claim->quote},
         {"OutlineLines", lines},
         {"NumberKind", number_kind_id(c.claim->number_kind)},
         {"CheckTypes", types},
         {"Verdict", verdict_id(c.verdict)},
         {"Why", c.why},
         {"SuggestedWording", c.claim->suggested_wording},
         {"SourceNumbers", numbers},
         {"SourceAsOfDates", dates}});
  }
  for (const auto& f : r.figures) {
    row({{"RecordType", "figure"},
         {"Topic", f.topic},
         {"FigureId", f.figure->id},
         {"ScenarioId", f.figure->scenario},
         {"ChargeDescription", f.figure->description},
         {"ChargePeriod", f.figure->period},
         {"RegionId", f.region},
         {"BillingCurrency", "USD"},
         {"ListCost", f.list_cost.normalized().to_string()},
         {"ContractedCost", f.contracted_cost.normalized().to_string()},
         {"EffectiveCost", f.effective_cost.normalized().to_string()},
         {"BaselineFigureId", f.figure->baseline.value_or("")},
         {"SavingVsBaseline", f.saving_vs_baseline ? f.saving_vs_baseline->normalized().to_string() : ""},
         {"SavingPercentOfBaseline",
          f.saving_percent_of_baseline ? f.saving_percent_of_baseline->to_string() : ""}});
  }
  return csv.str();
}

}  // namespace costproof
