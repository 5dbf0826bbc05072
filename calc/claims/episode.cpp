#include "claims/episode.h"

#include <algorithm>
#include <set>

#include "core/error.h"
#include "core/format.h"
#include "core/identifier.h"
#include "core/json_reader.h"
#include "claims/outline_lint.h"
#include "core/rounding_policy.h"
#include "render/text_template.h"

namespace costproof {

std::string team_id(Team t) {
  switch (t) {
    case Team::kSmall: return "small";
    case Team::kMedium: return "medium";
    case Team::kLarge: return "large";
    case Team::kAny: return "any";
  }
  return "";
}

std::string team_label(Team t) {
  switch (t) {
    case Team::kSmall: return "Small team";
    case Team::kMedium: return "Medium team";
    case Team::kLarge: return "Large team";
    case Team::kAny: return "Any team";
  }
  return "";
}

namespace {

Team parse_team(JsonReader& r, const std::string& key) {
  const std::string t = r.one_of(key, {"small", "medium", "large", "any"});
  if (t == "small") return Team::kSmall;
  if (t == "medium") return Team::kMedium;
  if (t == "large") return Team::kLarge;
  return Team::kAny;
}

// "small team" -> small, "mid-size platform team" -> medium, "large platform team" -> large.
std::optional<Team> team_from_audience(const std::string& audience) {
  std::string a;
  for (const char c : audience) a += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (a.find("small") != std::string::npos) return Team::kSmall;
  if (a.find("mid") != std::string::npos || a.find("medium") != std::string::npos) return Team::kMedium;
  if (a.find("large") != std::string::npos || a.find("enterprise") != std::string::npos) return Team::kLarge;
  return std::nullopt;
}

std::string pointer_check(JsonReader& r, const std::string& key) {
  const std::string p = r.string(key);
  if (p.front() != '/') r.fail(key, "expected a JSON pointer starting with \"/\", got \"" + p + "\"");
  return p;
}

}  // namespace

EpisodeFile parse_episode_file(const nlohmann::json& json, const std::string& file) {
  EpisodeFile e;
  e.file = file;
  // "assumptions" is an array of strings, which JsonReader has no accessor for: it is
  // read from `json` directly and the reader works on a copy without it.
  nlohmann::json copy = json;
  if (copy.is_object()) copy.erase("assumptions");
  JsonReader r(copy, file, "", JsonOrigin::kUserInput);
  const auto version = r.integer("schema_version");
  if (version != 1)
    r.fail("schema_version", "expected schema_version 1, got " + std::to_string(version) +
                                 "; this costproof reads version 1 episode files");
  e.number = r.string("number");
  e.title = r.string("title");
  const std::string date = r.string("date");
  const auto d = Date::parse(date);
  if (!d) r.fail("date", "expected the recording date as YYYY-MM-DD, got \"" + date + "\"");
  e.date = *d;
  if (r.has("links")) {
    for (auto& lr : r.objects("links")) {
      e.links.push_back({lr.string("title"), lr.string("url")});
      lr.reject_unknown_keys();
    }
  }
  if (auto o = r.optional_object("outline")) {
    e.outline_file = o->string("file");
    if (e.outline_file.find("..") != std::string::npos || e.outline_file.front() == '/')
      o->fail("file", "expected a file name inside the episode folder, got \"" + e.outline_file + "\"");
    JsonReader s = o->object("source");
    e.outline_source = parse_price_source(s);
    s.reject_unknown_keys();
    o->reject_unknown_keys();
  }
  std::set<std::string> topic_ids;
  for (auto& tr : r.objects("topics", 1)) {
    Topic t;
    t.pointer = tr.pointer();
    t.id = tr.string("id");
    if (!is_lowercase_id(t.id)) tr.fail("id", "expected lower-case letters, digits and '-', got \"" + t.id + "\"");
    if (!topic_ids.insert(t.id).second) tr.fail("id", "duplicate topic id \"" + t.id + "\"");
    t.title = tr.string("title");
    if (tr.has("scenarios")) {
      for (auto& sr : tr.objects("scenarios")) {
        TopicScenario ts;
        ts.pointer = sr.pointer();
        ts.id = sr.string("id");
        if (sr.has("team")) ts.team = parse_team(sr, "team");
        sr.reject_unknown_keys();
        t.scenarios.push_back(std::move(ts));
      }
    }
    if (auto fy = tr.optional_object("for_you")) {
      for (const auto& [team, name] : {std::pair{Team::kSmall, "small"}, std::pair{Team::kMedium, "medium"},
                                       std::pair{Team::kLarge, "large"}, std::pair{Team::kAny, "any"}})
        if (auto text = fy->optional_string(name)) t.for_you[team] = *text;
      fy->reject_unknown_keys();
    }
    tr.reject_unknown_keys();
    e.topics.push_back(std::move(t));
  }
  if (r.has("figures")) {
    std::set<std::string> ids;
    for (auto& fr : r.objects("figures")) {
      EpisodeFigure f;
      f.pointer = fr.pointer();
      f.id = fr.string("id");
      if (!is_lowercase_id(f.id)) fr.fail("id", "expected lower-case letters, digits and '-', got \"" + f.id + "\"");
      if (!ids.insert(f.id).second) fr.fail("id", "duplicate figure id \"" + f.id + "\"");
      f.scenario = fr.string("scenario");
      f.description = fr.string("description");
      f.period = fr.one_of("period", {"month", "year"});
      f.list_cost = pointer_check(fr, "list_cost");
      if (fr.has("contracted_cost")) f.contracted_cost = pointer_check(fr, "contracted_cost");
      if (fr.has("effective_cost")) f.effective_cost = pointer_check(fr, "effective_cost");
      if (auto b = fr.optional_string("baseline")) {
        if (!ids.count(*b)) fr.fail("baseline", "no earlier figure with id \"" + *b + "\"; a baseline must be listed before the figures compared with it");
        f.baseline = *b;
      }
      fr.reject_unknown_keys();
      e.figures.push_back(std::move(f));
    }
  }
  if (json.contains("assumptions")) {
    const auto& a = json.at("assumptions");
    if (!a.is_array()) r.fail("assumptions", "expected an array of sentences, got " + describe_json(a));
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!a[i].is_string() || a[i].get_ref<const std::string&>().empty())
        r.fail("assumptions", "item " + std::to_string(i) + ": expected a non-empty string, got " + describe_json(a[i]));
      if (const auto bad = control_character_problem(a[i].get_ref<const std::string&>()))
        r.fail("assumptions", "item " + std::to_string(i) + ": " + *bad);
      e.assumptions.push_back(a[i].get<std::string>());
    }
  }
  r.reject_unknown_keys();
  return e;
}

// ---------------------------------------------------------------------------
// Markdown helpers

std::string demote_headings(const std::string& markdown, int levels) {
  std::string out;
  bool in_fence = false;
  std::size_t start = 0;
  while (start < markdown.size()) {
    std::size_t nl = markdown.find('\n', start);
    const std::size_t end = nl == std::string::npos ? markdown.size() : nl + 1;
    std::string line = markdown.substr(start, end - start);
    if (line.rfind("```", 0) == 0 || line.rfind("~~~", 0) == 0) in_fence = !in_fence;
    if (!in_fence && !line.empty() && line[0] == '#') {
      std::size_t hashes = line.find_first_not_of('#');
      if (hashes != std::string::npos && hashes <= 6 && (line[hashes] == ' ' || line[hashes] == '\n'))
        line = std::string(static_cast<std::size_t>(levels), '#') + line;
    }
    out += line;
    start = end;
  }
  return out;
}

std::string renumber_citations(const std::string& markdown, const std::map<int, int>& map) {
  std::string out;
  std::size_t i = 0;
  while (i < markdown.size()) {
    if (markdown[i] == '[') {
      std::size_t j = i + 1;
      while (j < markdown.size() && std::isdigit(static_cast<unsigned char>(markdown[j]))) ++j;
      if (j > i + 1 && j < markdown.size() && markdown[j] == ']' && (j + 1 >= markdown.size() || markdown[j + 1] != '(')) {
        const int k = std::stoi(markdown.substr(i + 1, j - i - 1));
        const auto it = map.find(k);
        if (it != map.end()) {
          out += "[" + std::to_string(it->second) + "]";
          i = j + 1;
          continue;
        }
      }
    }
    out += markdown[i++];
  }
  return out;
}

std::string take_section(std::string& markdown, const std::string& title) {
  const std::string heading = "### " + title + "\n";
  std::size_t start = markdown.rfind(heading, 0) == 0 ? 0 : markdown.find("\n" + heading);
  if (start == std::string::npos) return "";
  if (start != 0) ++start;
  const std::size_t body = start + heading.size();
  std::size_t end = markdown.size();
  for (std::size_t p = markdown.find('\n', body - 1); p != std::string::npos; p = markdown.find('\n', p + 1)) {
    if (markdown.compare(p + 1, 3, "## ") == 0 || markdown.compare(p + 1, 4, "### ") == 0) {
      end = p + 1;
      break;
    }
  }
  std::string section = markdown.substr(body, end - body);
  markdown.erase(start, end - start);
  // Trim blank lines around the body.
  while (!section.empty() && (section.front() == '\n')) section.erase(0, 1);
  while (!section.empty() && (section.back() == '\n')) section.pop_back();
  return section;
}

std::string table_cell(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '|') out += "\\|";
    else if (c == '\n' || c == '\r') out += ' ';
    else out += c;
  }
  return out;
}

namespace {

// "-27.4", "-3": a plain negative number, which a spreadsheet reads as a number, not a formula.
bool plain_negative_number(const std::string& text) {
  std::size_t i = 1;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
  if (i == 1) return false;
  if (i < text.size() && text[i] == '.') {
    std::size_t fraction = 0;
    for (++i; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) ++fraction;
    if (fraction == 0) return false;
  }
  return i == text.size();
}

}  // namespace

std::string csv_field(const std::string& raw) {
  // A spreadsheet runs a cell that starts with = + - @ (or tab, CR) as a formula: prefix "'"
  // (OWASP "CSV injection"), except plain negative numbers.
  const char first = raw.empty() ? '\0' : raw.front();
  const bool formula = first == '=' || first == '+' || first == '@' || first == '\t' || first == '\r' ||
                       (first == '-' && !plain_negative_number(raw));
  const std::string text = formula ? "'" + raw : raw;
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += "\"\"";
    else out += c;
  }
  return out + "\"";
}

// ---------------------------------------------------------------------------

namespace {

const RenderedScenario* find_rendered(const EpisodeInputs& in, const std::string& id) {
  for (const auto& s : in.scenarios)
    if (s.id == id) return &s;
  return nullptr;
}

Decimal figure_at(const RenderedScenario& sc, const std::string& pointer, const std::string& file,
                  const std::string& where) {
  nlohmann::ordered_json::json_pointer ptr;
  try {
    ptr = nlohmann::ordered_json::json_pointer(pointer);
  } catch (const nlohmann::json::exception&) {
    throw InputError(file, where, "\"" + pointer + "\" is not a valid JSON pointer");
  }
  if (!sc.json.contains(ptr))
    throw InputError(file, where,
                     "scenario \"" + sc.id + "\" has no figure at \"" + pointer +
                         "\" in its JSON output (see `costproof run " + sc.file + " --format json`)");
  const auto* v = &sc.json.at(ptr);
  if (v->is_object() && v->contains("exact")) v = &v->at("exact");
  try {
    if (v->is_string()) return Decimal::parse(v->get<std::string>());
    if (v->is_number_integer()) return Decimal::parse(v->dump());
  } catch (const DecimalError&) {
  }
  throw InputError(file, where, "the figure at \"" + pointer + "\" of scenario \"" + sc.id + "\" is not a number");
}

}  // namespace

EpisodeReport build_episode_report(const EpisodeInputs& in) {
  EpisodeReport rep;
  rep.inputs = &in;
  const EpisodeFile& ep = in.episode;

  // Every topic scenario exists; every scenario belongs to a topic (or "other").
  std::map<std::string, std::pair<std::string, Team>> placement;  // scenario id -> topic id, team
  for (const auto& t : ep.topics) {
    for (const auto& ts : t.scenarios) {
      const RenderedScenario* sc = find_rendered(in, ts.id);
      if (!sc) {
        std::string known;
        for (const auto& s : in.scenarios) known += (known.empty() ? "" : ", ") + s.id;
        throw InputError(ep.file, ts.pointer + "/id",
                         "no scenario with id \"" + ts.id + "\" in the episode folder (scenarios: " +
                             (known.empty() ? "none" : known) + "); add its file or fix the id");
      }
      if (placement.count(ts.id))
        throw InputError(ep.file, ts.pointer + "/id", "scenario \"" + ts.id + "\" is listed in two topics");
      std::optional<Team> team = ts.team ? ts.team : team_from_audience(sc->audience);
      if (!team)
        throw InputError(ep.file, ts.pointer,
                         "cannot tell the team size of scenario \"" + ts.id + "\" from its audience \"" + sc->audience +
                             "\"; add \"team\": \"small\", \"medium\", \"large\" or \"any\"");
      placement[ts.id] = {t.id, *team};
    }
  }
  for (const auto& s : in.scenarios)
    if (!placement.count(s.id)) {
      placement[s.id] = {"", team_from_audience(s.audience).value_or(Team::kAny)};
      rep.other_warnings.push_back("scenario \"" + s.id + "\" (" + s.file + ") is in the episode folder but no topic of " +
                                   ep.file + " lists it; it is shown under \"Other worked examples\"");
    }

  // Claims name existing topics.
  std::set<std::string> topic_ids;
  for (const auto& t : ep.topics) topic_ids.insert(t.id);
  for (const auto& c : in.claims.claims)
    if (!topic_ids.count(c.topic))
      throw InputError(in.claims.file, c.pointer + "/topic",
                       "no topic \"" + c.topic + "\" in " + ep.file + "; use one of its topic ids");
  if (in.outline_text) check_outline_refs(in.claims, split_lines(*in.outline_text), ep.outline_file);

  // Distinct warnings in order of first appearance, each with the worked examples (or "claims") it applies to.
  std::vector<std::pair<std::string, std::vector<std::string>>> grouped;
  auto add_warning = [&grouped](const std::string& text, const std::string& where) {
    for (auto& [t, w] : grouped)
      if (t == text) {
        if (std::find(w.begin(), w.end(), where) == w.end()) w.push_back(where);
        return;
      }
    grouped.push_back({text, {where}});
  };

  // Sources: the outline first, then each worked example's, then the claims'.
  if (ep.outline_source) rep.notes.cite(ep.outline_source);
  // Worked examples in topic order, then the unplaced ones.
  std::vector<const RenderedScenario*> order;
  for (const auto& t : ep.topics)
    for (const auto& ts : t.scenarios) order.push_back(find_rendered(in, ts.id));
  for (const auto& s : in.scenarios)
    if (placement[s.id].first.empty()) order.push_back(&s);
  std::map<std::string, std::string> for_you_text;  // scenario id -> paragraph
  for (const RenderedScenario* sc : order) {
    WorkedExample ex;
    ex.scenario = sc;
    ex.topic = placement[sc->id].first;
    ex.team = placement[sc->id].second;
    for (std::size_t k = 0; k < sc->sources.size(); ++k)
      ex.source_numbers[static_cast<int>(k) + 1] = rep.notes.cite(sc->sources[k]);
    std::string md = sc->markdown;
    const std::string for_you = take_section(md, "What this means for you");
    if (!sc->sources.empty()) take_section(md, "Sources");
    for_you_text[sc->id] = renumber_citations(for_you, ex.source_numbers);
    ex.markdown = demote_headings(renumber_citations(md, ex.source_numbers), 1);
    while (ex.markdown.size() >= 2 && ex.markdown.compare(ex.markdown.size() - 2, 2, "\n\n") == 0)
      ex.markdown.pop_back();
    rep.examples.push_back(std::move(ex));
    // Price-age warnings are gathered per source below; any other warning is kept, with the
    // worked example's title (not its id: the notes are for readers).
    SourceNotes own;
    for (const auto& src : sc->sources) own.cite(src);
    const auto age = staleness_warnings(own, in.checked_on, in.max_price_age_days);
    for (const auto& w : sc->warnings)
      if (std::find(age.begin(), age.end(), w) == age.end()) add_warning(w, sc->title);
  }

  // Claims.
  std::vector<ScenarioFigures> figures;
  for (const auto& s : in.scenarios) figures.push_back({s.id, s.title, s.file, &s.json, s.sources});
  CheckContext ctx;
  ctx.scenarios = &figures;
  ctx.catalog = in.catalog;
  ctx.notes = &rep.notes;
  rep.claims = check_claims(in.claims, ctx);
  for (const auto v : kAllVerdicts) rep.verdict_counts[v] = 0;
  for (const auto& c : rep.claims) ++rep.verdict_counts[c.verdict];
  // Price age, once per source: the worked examples' sources and the price rows the claims use.
  SourceNotes judged;
  for (const auto& ex : rep.examples)
    for (const auto& src : ex.scenario->sources) judged.cite(src);
  for (const auto& c : rep.claims)
    for (const auto& src : c.price_sources) judged.cite(src);
  for (const auto& src : judged.sources()) {
    if (src->fact) continue;
    if (!rep.prices_oldest || src->as_of < *rep.prices_oldest) rep.prices_oldest = src->as_of;
    if (!rep.prices_newest || *rep.prices_newest < src->as_of) rep.prices_newest = src->as_of;
  }
  for (const auto& [src, age] : stale_sources(judged, in.checked_on, in.max_price_age_days))
    rep.stale.push_back({rep.notes.cite(src), src, age});
  std::sort(rep.stale.begin(), rep.stale.end(),
            [](const PageStaleSource& a, const PageStaleSource& b) { return a.number < b.number; });
  // One line per distinct other warning, naming where it applies; then one per stale source.
  for (const auto& [text, where] : grouped) {
    std::string names;
    for (std::size_t i = 0; i < where.size(); ++i) names += (i ? ", " : "") + where[i];
    rep.other_warnings.push_back(names + ": " + text);
  }
  rep.warnings = rep.other_warnings;
  for (const auto& st : rep.stale)
    rep.warnings.push_back(fill_template("render/stale-warning.md",
                                         {{"title", st.source->title},
                                          {"number", std::to_string(st.number)},
                                          {"age", format_number(Decimal::from_int(st.age_days))},
                                          {"as_of", st.source->as_of.to_string()},
                                          {"checked_on", in.checked_on.to_string()},
                                          {"limit", std::to_string(in.max_price_age_days)}}));

  // Topics: paragraphs per team, then the claims on the topic.
  for (const auto& t : ep.topics) {
    TopicReport tr;
    tr.topic = &t;
    for (const Team team : {Team::kSmall, Team::kMedium, Team::kLarge, Team::kAny}) {
      for (const auto& ex : rep.examples)
        if (ex.topic == t.id && ex.team == team)
          tr.paragraphs.push_back({team, ex.scenario->id, ex.scenario->title, for_you_text[ex.scenario->id]});
      const auto it = t.for_you.find(team);
      if (it != t.for_you.end()) tr.paragraphs.push_back({team, "", "", it->second});
    }
    for (const auto& c : rep.claims)
      if (c.claim->topic == t.id) tr.claims.push_back(&c);
    rep.topics.push_back(std::move(tr));
  }

  // Figures for the CSV and the key-figures table.
  std::map<std::string, const FigureRow*> by_id;
  rep.figures.reserve(ep.figures.size());
  for (const auto& f : ep.figures) {
    const RenderedScenario* sc = find_rendered(in, f.scenario);
    if (!sc)
      throw InputError(ep.file, f.pointer + "/scenario", "no scenario with id \"" + f.scenario + "\" in the episode folder");
    FigureRow row;
    row.figure = &f;
    row.topic = placement[f.scenario].first;
    const auto region = nlohmann::ordered_json::json_pointer("/scenario/region");
    if (sc->json.contains(region) && sc->json.at(region).is_string()) row.region = sc->json.at(region).get<std::string>();
    row.list_cost = figure_at(*sc, f.list_cost, ep.file, f.pointer + "/list_cost");
    row.contracted_cost = f.contracted_cost ? figure_at(*sc, *f.contracted_cost, ep.file, f.pointer + "/contracted_cost")
                                            : row.list_cost;
    row.effective_cost = f.effective_cost ? figure_at(*sc, *f.effective_cost, ep.file, f.pointer + "/effective_cost")
                                          : row.contracted_cost;
    if (f.baseline) {
      const FigureRow* base = by_id.at(*f.baseline);
      row.saving_vs_baseline = base->effective_cost - row.effective_cost;
      if (!base->effective_cost.is_zero())
        row.saving_percent_of_baseline = percent_of(*row.saving_vs_baseline, base->effective_cost);
    }
    rep.figures.push_back(row);
    by_id[f.id] = &rep.figures.back();
  }

  rep.assumptions = ep.assumptions;
  for (auto& line : fill_template_lines("claims/episode-assumptions.md",
                                        {{"recorded", ep.date.to_string()},
                                         {"checked_on", in.checked_on.to_string()},
                                         {"max_age_days", std::to_string(in.max_price_age_days)}}))
    rep.assumptions.push_back(std::move(line));
  return rep;
}

}  // namespace costproof
