// An episode: its file (number, title, date, links, topics, figures), its
// worked examples (scenarios of any kind, already calculated and rendered),
// and its claims, put together into one page of show notes.
//
//   episode.json + claims.json + rendered scenarios
//     -> build_episode_report (one numbered source list, every claim checked)
//     -> render_episode_markdown / render_episode_json / render_episode_csv
//
// Format of episode.json: docs/claims.md.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "claims/claim.h"
#include "claims/claim_check.h"
#include "core/date.h"
#include "pricing/price_catalog.h"
#include "render/source_notes.h"
#include "scenarios/rendered_scenario.h"

namespace costproof {

enum class Team { kSmall, kMedium, kLarge, kAny };
std::string team_id(Team t);     // "small"
std::string team_label(Team t);  // "Small team"

struct TopicScenario {
  std::string id;
  std::optional<Team> team;  // from the file; otherwise from the scenario's audience
  std::string pointer;
};

struct Topic {
  std::string id;
  std::string title;
  std::vector<TopicScenario> scenarios;
  std::map<Team, std::string> for_you;  // hand-written notes per team (Markdown, one paragraph)
  std::string pointer;
};

// A worked-example figure for the CSV and the key-figures table, in FinOps FOCUS terms.
struct EpisodeFigure {
  std::string id;
  std::string scenario;
  std::string description;                         // ChargeDescription
  std::string period;                              // "month" or "year"
  std::string list_cost;                           // JSON pointer into the scenario's JSON
  std::optional<std::string> contracted_cost;      // defaults to list_cost
  std::optional<std::string> effective_cost;       // defaults to contracted_cost
  std::optional<std::string> baseline;             // another figure's id
  std::string pointer;
};

struct EpisodeLink {
  std::string title;
  std::string url;
};

struct EpisodeFile {
  std::string file;
  std::string number;  // "050"
  std::string title;
  Date date;           // recording date
  std::vector<EpisodeLink> links;
  std::string outline_file;                           // relative to the episode folder; empty if none
  std::shared_ptr<const PriceSource> outline_source;  // provenance of the outline copy
  std::vector<Topic> topics;
  std::vector<EpisodeFigure> figures;
  std::vector<std::string> assumptions;
};

// Throws InputError naming the file and JSON pointer.
EpisodeFile parse_episode_file(const nlohmann::json& json, const std::string& file);

struct EpisodeInputs {
  EpisodeFile episode;
  ClaimsFile claims;
  std::vector<RenderedScenario> scenarios;
  const PriceCatalog* catalog = nullptr;
  Date checked_on;
  long max_price_age_days = 180;
  std::optional<std::string> outline_text;  // when given, claim outline references are checked against it
};

struct TeamParagraph {
  Team team = Team::kAny;
  std::string scenario;  // empty for a hand-written note
  std::string title;     // the scenario's title
  std::string markdown;  // citations renumbered to the page's sources
};

struct TopicReport {
  const Topic* topic = nullptr;
  std::vector<TeamParagraph> paragraphs;  // small, medium, large, any
  std::vector<const ClaimOutcome*> claims;
};

struct WorkedExample {
  const RenderedScenario* scenario = nullptr;
  std::string topic;
  Team team = Team::kAny;
  std::string markdown;                 // headings demoted, citations renumbered, no sources list
  std::map<int, int> source_numbers;    // the scenario's own [k] -> the page's [n]
};

struct FigureRow {
  const EpisodeFigure* figure = nullptr;
  std::string topic, region;
  Decimal list_cost, contracted_cost, effective_cost;
  std::optional<Decimal> saving_vs_baseline;
  std::optional<Decimal> saving_percent_of_baseline;  // percent_of, 0.1 point
};

// A source older than the price-age limit, with its number in the page's source list.
struct PageStaleSource {
  int number = 0;
  std::shared_ptr<const PriceSource> source;
  long age_days = 0;
};

struct EpisodeReport {
  const EpisodeInputs* inputs = nullptr;
  SourceNotes notes;
  // Price age: judged over the sources of the worked examples and the price rows the claims
  // use, except sources of kind "fact" (PriceSource::fact). Empty when no such source.
  std::optional<Date> prices_oldest, prices_newest;
  std::vector<PageStaleSource> stale;  // page order; one per source, whatever uses it
  std::vector<TopicReport> topics;
  std::vector<WorkedExample> examples;
  std::vector<ClaimOutcome> claims;
  std::vector<FigureRow> figures;
  std::vector<std::string> assumptions;
  // For stderr (and JSON "warnings"): the other warnings, then one line per stale source.
  // No scenario ids in the source lines.
  std::vector<std::string> warnings;
  // The warnings that are not about price age (a scenario no topic lists, ...), shown in the notes.
  std::vector<std::string> other_warnings;
  std::map<Verdict, std::size_t> verdict_counts;
};

// Checks the episode against its claims and scenarios and checks every claim.
// Throws InputError for a topic, scenario, figure or source that does not exist.
EpisodeReport build_episode_report(const EpisodeInputs& inputs);

// How much of the show notes `costproof episode` prints (--detail).
enum class EpisodeDetail {
  kShort,  // what a producer pastes (templates/show-notes.md): the default
  kFull,   // the whole page: worked examples and how each claim was checked (templates/episode.md)
};
// "short" / "full" -> the detail; nullopt for anything else.
std::optional<EpisodeDetail> parse_episode_detail(const std::string& text);

// The full show notes (worked examples, claim checks, assumptions, every source).
std::string render_episode_markdown(const EpisodeReport& report);
// The short show notes: title, what this means per topic, key figures, claims table, one
// "Prices as of" line, the sources they cite. Every figure is formatted by the same code as
// in render_episode_markdown.
std::string render_episode_show_notes(const EpisodeReport& report);
nlohmann::ordered_json render_episode_json(const EpisodeReport& report);
// RFC 4180: CRLF line ends, every field quoted when it holds a comma, quote or line break.
std::string render_episode_csv(const EpisodeReport& report);

// Helpers, exposed for tests.
// Adds `levels` '#' to every ATX heading outside fenced code blocks.
std::string demote_headings(const std::string& markdown, int levels);
// Replaces footnote references "[k]" (not followed by "(") by "[map[k]]"; other brackets are kept.
std::string renumber_citations(const std::string& markdown, const std::map<int, int>& map);
// Removes the "### <title>" section (up to the next "## " or "### " heading); returns its body.
std::string take_section(std::string& markdown, const std::string& title);
// A Markdown table cell: pipes escaped, line breaks as spaces.
std::string table_cell(const std::string& text);
// One CSV field, quoted when needed (RFC 4180); text a spreadsheet would run as a formula
// (starting with = + - @) gets a leading "'" (plain negative numbers such as -27.4 stay numbers).
std::string csv_field(const std::string& text);

}  // namespace costproof
