// Markdown (show notes), JSON and CSV renderings of an episode report. The show
// notes' words and layout are in templates/episode.md; render_episode_markdown
// builds its data.
#include <algorithm>
#include <set>
#include <sstream>

#include "claims/episode.h"
#include "core/format.h"
#include "render/source_notes.h"
#include "core/rounding_policy.h"
#include "render/text_template.h"

namespace costproof {
namespace {

// The outline lines a claim quotes, distinct, in order: "17, 60, 232"; `single` when there is one.
std::pair<std::string, bool> outline_lines(const Claim& c) {
  std::vector<int> lines;
  for (const auto& r : c.outline)
    if (std::find(lines.begin(), lines.end(), r.line) == lines.end()) lines.push_back(r.line);
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) out += (i ? ", " : "") + std::to_string(lines[i]);
  return {out, lines.size() == 1};
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

}  // namespace

std::optional<EpisodeDetail> parse_episode_detail(const std::string& text) {
  if (text == "short") return EpisodeDetail::kShort;
  if (text == "full") return EpisodeDetail::kFull;
  return std::nullopt;
}

namespace {

// "[4]", "[12]": the footnote numbers a Markdown text cites (as renumber_citations reads them).
void add_citations(const std::string& markdown, std::set<int>& numbers) {
  for (std::size_t i = 0; i < markdown.size(); ++i) {
    if (markdown[i] != '[') continue;
    std::size_t j = i + 1;
    while (j < markdown.size() && std::isdigit(static_cast<unsigned char>(markdown[j]))) ++j;
    if (j > i + 1 && j - i <= 6 && j < markdown.size() && markdown[j] == ']' &&
        (j + 1 >= markdown.size() || markdown[j + 1] != '('))
      numbers.insert(std::stoi(markdown.substr(i + 1, j - i - 1)));
  }
}

// The data of both show-notes templates (templates/episode.md, templates/show-notes.md): every
// number is formatted here, once, so the short notes print exactly the full notes' figures.
nlohmann::json episode_template_data(const EpisodeReport& r) {
  const EpisodeFile& ep = r.inputs->episode;
  nlohmann::json data;
  nlohmann::json links = nlohmann::json::array();
  for (const auto& l : ep.links) links.push_back({{"title", l.title}, {"url", l.url}});
  data["episode"] = {{"number", ep.number},
                     {"title", ep.title},
                     {"date", ep.date.to_string()},
                     {"has_links", !ep.links.empty()},
                     {"links", links},
                     // The outline is source [1] when there is one.
                     {"outline", ep.outline_source ? nlohmann::json(ep.outline_file) : nlohmann::json(false)}};
  for (std::size_t i = 0; i < ep.links.size(); ++i) data["episode"]["links"][i]["last"] = i + 1 == ep.links.size();
  data["checked_on"] = r.inputs->checked_on.to_string();
  data["summary"] = {{"claims", std::to_string(r.claims.size())}, {"by_verdict", counts_text(r.verdict_counts)}};
  data["other_warnings"] = r.other_warnings;
  // The one "Prices as of" statement (templates/prices-as-of.md).
  nlohmann::json prices = false;
  if (r.prices_oldest) {
    std::string numbers;
    for (const auto& st : r.stale) numbers += (numbers.empty() ? "" : ", ") + ("[" + std::to_string(st.number) + "]");
    prices = {{"oldest", r.prices_oldest->to_string()},
              {"newest", *r.prices_newest == *r.prices_oldest ? nlohmann::json(false)
                                                               : nlohmann::json(r.prices_newest->to_string())},
              {"checked_on", r.inputs->checked_on.to_string()},
              {"limit", std::to_string(r.inputs->max_price_age_days)},
              {"stale", r.stale.empty() ? nlohmann::json(false) : nlohmann::json(numbers)},
              {"stale_count", std::to_string(r.stale.size())},
              {"single", r.stale.size() == 1}};
  }
  data["prices"] = prices;

  nlohmann::json topics = nlohmann::json::array();
  for (const auto& t : r.topics) {
    nlohmann::json paragraphs = nlohmann::json::array();
    Team last = Team::kAny;
    bool any = false;
    for (const auto& p : t.paragraphs) {
      // A team's heading comes before the first of its consecutive paragraphs.
      const bool heading = !any || p.team != last;
      any = true;
      last = p.team;
      paragraphs.push_back({{"team_heading", heading ? nlohmann::json(team_label(p.team)) : nlohmann::json(false)},
                            {"team", team_label(p.team)},
                            {"scenario", p.scenario.empty() ? nlohmann::json(false) : nlohmann::json(p.scenario)},
                            {"title", p.title},
                            {"markdown", p.markdown}});
    }
    nlohmann::json summary = false;
    if (!t.claims.empty()) {
      std::map<Verdict, std::size_t> counts;
      std::string numbers;  // the claims' rows in the claims table, "1, 2, 5"
      for (const auto* c : t.claims) {
        ++counts[c->verdict];
        const auto index = static_cast<std::size_t>(c - r.claims.data()) + 1;
        numbers += (numbers.empty() ? "" : ", ") + std::to_string(index);
      }
      summary = {{"by_verdict", counts_text(counts)}, {"single", t.claims.size() == 1}, {"numbers", numbers}};
    }
    topics.push_back({{"title", t.topic->title}, {"what_this_means", paragraphs}, {"claims_summary", summary}});
  }
  data["topics"] = topics;

  nlohmann::json figures = nlohmann::json::array();
  for (const auto& f : r.figures) {
    nlohmann::json saving = false, saving_percent = false;
    if (f.saving_vs_baseline) saving = money(*f.saving_vs_baseline);
    if (f.saving_percent_of_baseline) saving_percent = format_percent(*f.saving_percent_of_baseline);
    nlohmann::json before = false;
    if (f.figure->baseline)
      for (const auto& b : r.figures)
        if (b.figure->id == *f.figure->baseline) before = money(b.effective_cost);
    std::string example;
    for (const auto& ex : r.examples)
      if (ex.scenario->id == f.figure->scenario) example = ex.scenario->title;
    figures.push_back({{"description_cell", table_cell(f.figure->description)},
                       {"scenario", f.figure->scenario},
                       {"example_cell", table_cell(example)},
                       {"baseline_effective_cost", before},
                       {"period", f.figure->period},
                       {"list_cost", money(f.list_cost)},
                       {"effective_cost", money(f.effective_cost)},
                       {"saving_vs_baseline", saving},
                       {"saving_percent_of_baseline", saving_percent}});
  }
  data["has_figures"] = !r.figures.empty();
  data["figures"] = figures;
  nlohmann::json savings = nlohmann::json::array();  // the figures compared with a baseline
  for (const auto& f : figures)
    if (f["baseline_effective_cost"].is_string()) savings.push_back(f);
  data["has_savings"] = !savings.empty();
  data["savings"] = savings;
  nlohmann::json examples = nlohmann::json::array();
  for (const auto& ex : r.examples) examples.push_back({{"markdown", ex.markdown}});
  data["examples"] = examples;

  nlohmann::json claims = nlohmann::json::array();
  for (std::size_t i = 0; i < r.claims.size(); ++i) {
    const auto& c = r.claims[i];
    const auto [lines, single_line] = outline_lines(*c.claim);
    nlohmann::json checks = nlohmann::json::array();
    for (const auto& check : c.checks)
      checks.push_back({{"type", check_type_label(check.type)},
                        {"verdict", check.verdict ? nlohmann::json(verdict_label(*check.verdict)) : nlohmann::json(false)},
                        {"lines", check.lines}});
    const std::string& wording = c.claim->suggested_wording;
    // The short notes' "why": the summary of the first check that decided the verdict (the
    // full "why" adds the other checks' summaries and the claim's note).
    std::string short_why = c.why;
    for (const auto& check : c.checks)
      if (check.verdict && *check.verdict == c.verdict && !check.summary.empty()) {
        short_why = check.summary;
        break;
      }
    claims.push_back({{"number", std::to_string(i + 1)},
                      {"short_why_cell", table_cell(short_why)},
                      {"id", c.claim->id},
                      {"quote", c.claim->quote},
                      {"quote_cell", table_cell(c.claim->quote)},
                      {"outline_lines", lines},
                      {"single_line", single_line},
                      {"number_kind", number_kind_id(c.claim->number_kind)},
                      {"verdict", verdict_label(c.verdict)},
                      {"why_cell", table_cell(c.why)},
                      {"suggested_wording_cell", wording.empty() ? nlohmann::json(false) : nlohmann::json(table_cell(wording))},
                      {"checks", checks},
                      {"note", c.claim->note.empty() ? nlohmann::json(false) : nlohmann::json(c.claim->note)}});
  }
  data["claims"] = claims;

  data["assumptions"] = r.assumptions;
  nlohmann::json sources = nlohmann::json::array();
  int n = 0;
  for (const auto& s : r.notes.sources())
    sources.push_back({{"number", std::to_string(++n)},
                       {"title", s->title},
                       {"citation", s->citation()},
                       {"as_of", s->as_of.to_string()},
                       {"trust_label", s->trust_label()},
                       {"trust_note", s->trust_note}});
  data["sources"] = sources;

  // The sources the short notes cite: the outline, the paragraphs' and claims' footnotes, the stale ones.
  std::set<int> cited;
  if (ep.outline_source) cited.insert(1);
  for (const auto& t : r.topics)
    for (const auto& p : t.paragraphs) add_citations(p.markdown, cited);
  for (const auto& c : r.claims) {
    cited.insert(c.source_numbers.begin(), c.source_numbers.end());
    add_citations(c.why, cited);
  }
  for (const auto& st : r.stale) cited.insert(st.number);
  nlohmann::json short_sources = nlohmann::json::array();
  for (const int k : cited)
    if (k >= 1 && static_cast<std::size_t>(k) <= sources.size()) short_sources.push_back(sources[static_cast<std::size_t>(k - 1)]);
  data["short_sources"] = short_sources;
  return data;
}

}  // namespace

// The words are in templates/episode.md.
std::string render_episode_markdown(const EpisodeReport& r) {
  return fill_template("claims/episode.md", episode_template_data(r));
}

// The words are in templates/show-notes.md.
std::string render_episode_show_notes(const EpisodeReport& r) {
  return fill_template("claims/show-notes.md", episode_template_data(r));
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
  // The "Prices as of" range and the stale sources (numbers into "sources"); facts excluded.
  out["prices_as_of"] = r.prices_oldest ? nlohmann::ordered_json{{"oldest", r.prices_oldest->to_string()},
                                                                 {"newest", r.prices_newest->to_string()}}
                                        : nlohmann::ordered_json(nullptr);
  nlohmann::ordered_json stale = nlohmann::ordered_json::array();
  for (const auto& st : r.stale)
    stale.push_back({{"source", st.number}, {"as_of", st.source->as_of.to_string()}, {"age_days", st.age_days}});
  out["stale_sources"] = stale;

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

// Column names: FOCUS 1.x column IDs where one means the same (ChargeDescription, BillingCurrency,
// RegionId, ListCost, ContractedCost, EffectiveCost), first; every other column is custom and
// carries the x_ prefix FOCUS requires, after them (FOCUS "Column Handling"; docs/claims.md#csv).
std::string render_episode_csv(const EpisodeReport& r) {
  static const std::vector<std::string> kColumns = {
      "BillingCurrency", "ChargeDescription", "ContractedCost", "EffectiveCost", "ListCost", "RegionId",
      "x_RecordType",    "x_ClaimId",         "x_Topic",        "x_Quote",       "x_OutlineLines", "x_NumberKind",
      "x_CheckTypes",    "x_Verdict",         "x_Why",          "x_SuggestedWording", "x_SourceNumbers",
      "x_SourceAsOfDates", "x_FigureId",      "x_ScenarioId",   "x_CostPeriod",  "x_BaselineFigureId",
      "x_SavingVsBaseline", "x_SavingPercentOfBaseline"};
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
    row({{"x_RecordType", "claim"},
         {"x_ClaimId", c.claim->id},
         {"x_Topic", c.claim->topic},
         {"x_Quote", c.claim->quote},
         {"x_OutlineLines", lines},
         {"x_NumberKind", number_kind_id(c.claim->number_kind)},
         {"x_CheckTypes", types},
         {"x_Verdict", verdict_id(c.verdict)},
         {"x_Why", c.why},
         {"x_SuggestedWording", c.claim->suggested_wording},
         {"x_SourceNumbers", numbers},
         {"x_SourceAsOfDates", dates}});
  }
  for (const auto& f : r.figures) {
    row({{"x_RecordType", "figure"},
         {"x_Topic", f.topic},
         {"x_FigureId", f.figure->id},
         {"x_ScenarioId", f.figure->scenario},
         {"ChargeDescription", f.figure->description},
         {"x_CostPeriod", f.figure->period},
         {"RegionId", f.region},
         {"BillingCurrency", "USD"},
         {"ListCost", f.list_cost.normalized().to_string()},
         {"ContractedCost", f.contracted_cost.normalized().to_string()},
         {"EffectiveCost", f.effective_cost.normalized().to_string()},
         {"x_BaselineFigureId", f.figure->baseline.value_or("")},
         {"x_SavingVsBaseline", f.saving_vs_baseline ? f.saving_vs_baseline->normalized().to_string() : ""},
         {"x_SavingPercentOfBaseline",
          f.saving_percent_of_baseline ? f.saving_percent_of_baseline->to_string() : ""}});
  }
  return csv.str();
}

}  // namespace costproof
