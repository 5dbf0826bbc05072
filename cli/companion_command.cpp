#include "companion_command.h"

#include <unistd.h>

#include <cctype>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <optional>
#include <map>
#include <set>
#include <algorithm>

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include "command_options.h"
#include "episode_command.h"
#include "core/error.h"
#include "files.h"
#include "core/json_reader.h"
#include "markdown_html.h"
#include "core/markup.h"
#include "scenarios/companion_form.h"
#include "scenarios/companion_prices.h"
#include "render/text_template.h"
#include "zip_writer.h"

namespace costproof::cli {

namespace fs = std::filesystem;
namespace po = boost::program_options;

namespace {

// Text made safe to sit inside <script>...</script>. In JSON every "<" becomes
// "\u003c" (the same string to a JSON parser; "<" only occurs inside strings). JavaScript is refused if it holds
// "</script" or "<!--" (either would change where the browser ends the script);
// "</p>" in a string is harmless there.
std::string inside_script(const std::string& text, const std::string& what) {
  if (what != "json") {
    std::string lower = text;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower.find("</script") != std::string::npos || lower.find("<!--") != std::string::npos)
      throw FileError(what + ": contains \"</script\" or \"<!--\", which would end the page's <script> early; it "
                             "cannot be embedded");
    return text;
  }
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == '<')
      out += "\\u003c";
    else
      out += c;
  }
  return out;
}

// Base64 (RFC 4648, with padding) of `bytes`, and back; decoding gives nullopt on any other character.
constexpr std::string_view kBase64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
    std::uint32_t v = 0;
    for (std::size_t k = 0; k < 3; ++k) v = (v << 8) | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0u);
    for (std::size_t k = 0; k < 4; ++k) out += k <= n ? kBase64[(v >> (18 - 6 * k)) & 63] : '=';
  }
  return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size() / 4 * 3);
  std::uint32_t v = 0;
  int bits = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '=') {
      if (text.find_first_not_of('=', i) != std::string_view::npos) return std::nullopt;
      break;
    }
    const std::size_t d = kBase64.find(text[i]);
    if (d == std::string_view::npos) return std::nullopt;
    v = (v << 6) | static_cast<std::uint32_t>(d);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((v >> bits) & 0xFF);
    }
  }
  return out;
}

// The engine's WebAssembly moved out of its JavaScript. Emscripten's -sSINGLE_FILE puts it inside the
// script as one base64 data: URL (1.4 MB), which the browser scans as a string literal and decodes
// on the main thread before compiling. The page carries it instead deflated (a third of the bytes)
// in a non-executing element, and page.js inflates it with DecompressionStream and compiles it as it
// streams (docs/benchmarks.md, "Page ready, third pass"). An engine without that data: URL (the test
// stub) is embedded as it is, and page.js lets it load itself.
struct PageEngine {
  std::string js;
  std::string wasm_deflated_base64;  // "" when the WebAssembly stays in `js`
};

PageEngine page_engine(const std::string& engine_js) {
  // The data: URL whose bytes start with WebAssembly's magic "\0asm" (base64 "AGFzbQ"); Emscripten's
  // script also holds the bare prefix as a constant.
  static constexpr std::string_view kPrefix = "\"data:application/octet-stream;base64,";
  const std::size_t at = engine_js.find(std::string(kPrefix) + "AGFzbQ");
  if (at == std::string::npos) return {engine_js, ""};
  const std::size_t start = at + kPrefix.size(), end = engine_js.find('"', start);
  if (end == std::string::npos) return {engine_js, ""};
  const auto wasm = base64_decode(std::string_view(engine_js).substr(start, end - start));
  if (!wasm || !wasm->starts_with(std::string_view("\0asm", 4))) return {engine_js, ""};
  return {engine_js.substr(0, start) + engine_js.substr(end), base64_encode(deflate_raw(*wasm))};
}

// Whether the episode has a worked example of this kind: the page offers a calculator only for
// the kinds the episode talks about (a form with nothing to start from would be empty).
template <class Kind>
bool episode_uses(const LoadedEpisode& episode) {
  return std::any_of(episode.scenarios.begin(), episode.scenarios.end(),
                     [](const Scenario& sc) { return std::holds_alternative<typename Kind::Scenario>(sc); });
}

// What the page's forms offer and start from: {"episode", "forms": {<kind id>: the kind's
// companion_form_options()}}, read off the price tables and the episode's own scenario files.
nlohmann::ordered_json form_options(const LoadedEpisode& episode, const PriceCatalog& catalog) {
  std::map<std::string, std::vector<nlohmann::ordered_json>> files_by_kind;
  for (const auto& path : episode.scenario_files) {
    auto s = nlohmann::ordered_json::parse(read_text_file(path));
    files_by_kind[s.value("kind", "")].push_back(std::move(s));
  }
  nlohmann::ordered_json o;
  o["episode"] = episode.inputs.episode.number;
  o["forms"] = nlohmann::ordered_json::object();
  ScenarioKinds::for_each([&]<class Kind>() {
    if (episode_uses<Kind>(episode))
      o["forms"][std::string(Kind::id)] = Kind::companion_form_options({catalog, files_by_kind[std::string(Kind::id)]});
  });
  return o;
}

// web/form.html with the form of every kind the episode uses (in registry order) in place of its marker line.
std::string forms_section(const std::string& form_html, const std::string& path, const LoadedEpisode& episode) {
  static constexpr std::string_view kMarker = "<!-- the scenario kinds' forms -->\n";
  const std::size_t at = form_html.find(kMarker);
  if (at == std::string::npos)
    throw FileError(path + ": lacks the line \"" + std::string(kMarker.substr(0, kMarker.size() - 1)) +
                    "\" where the forms go");
  std::string forms;
  ScenarioKinds::for_each([&]<class Kind>() {
    if (episode_uses<Kind>(episode)) forms += companion_form_html(Kind::id) + "\n\n";
  });
  return form_html.substr(0, at) + forms + form_html.substr(at + kMarker.size());
}

// The charts of the page: one per kind, from the episode's first scenario of that kind, in registry order.
std::vector<LineChart> episode_charts(const LoadedEpisode& episode, const PriceCatalog& catalog, const Date& today) {
  std::vector<LineChart> out;
  ScenarioKinds::for_each([&]<class Kind>() {
    for (const auto& scenario : episode.scenarios)
      if (const auto* s = std::get_if<typename Kind::Scenario>(&scenario)) {
        // The curves do not depend on price age: judged against a limit no table reaches.
        if (auto chart = Kind::chart(*s, Kind::calculate(*s, catalog, today, 100000), catalog, today))
          out.push_back(std::move(*chart));
        return;
      }
  });
  return out;
}

std::string charts_section(const std::vector<LineChart>& charts) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& c : charts)
    items.push_back({{"title", escape_markup(c.title)},
                     {"description", escape_markup(c.description)},
                     {"svg", render_svg_line_chart(c)},
                     {"table", render_chart_data_table(c)}});
  return fill_template("scenarios/companion-charts.html", {{"charts", items}});
}

// A table of contents from the page's <h2 id="..."> headings.
std::string table_of_contents(const std::string& html) {
  std::string items;
  for (std::size_t pos = html.find("<h2 id=\""); pos != std::string::npos; pos = html.find("<h2 id=\"", pos + 1)) {
    const std::size_t id_start = pos + 8, id_end = html.find('"', id_start);
    const std::size_t text_start = html.find('>', id_end) + 1, text_end = html.find("</h2>", text_start);
    if (id_end == std::string::npos || text_end == std::string::npos) break;
    items += "<li><a href=\"#" + html.substr(id_start, id_end - id_start) + "\">" +
             html.substr(text_start, text_end - text_start) + "</a></li>\n";
  }
  return "<nav class=\"toc\" aria-labelledby=\"contents-heading\">\n<h2 class=\"toc-heading\" "
         "id=\"contents-heading\">Contents</h2>\n<ol>\n" + items + "</ol>\n</nav>\n";
}

// Replaces every occurrence of `from` in `text` by `to`.
std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

// Every <table> in a focusable, labelled scroll region (a wide table scrolls sideways inside it on a
// phone instead of widening the page), and header cells with no text as data cells (an empty
// <th> is a header of nothing).
std::string accessible_tables(const std::string& html) {
  std::string out;
  int n = 0;
  std::size_t pos = 0;
  for (std::size_t at = html.find("<table"); at != std::string::npos; at = html.find("<table", pos)) {
    const std::size_t end = html.find("</table>", at);
    if (end == std::string::npos) break;
    std::string table = html.substr(at, end + 8 - at);
    for (std::size_t th = table.find("<th"); th != std::string::npos; th = table.find("<th", th + 3)) {
      const std::size_t close = table.find('>', th);
      if (close != std::string::npos && table.compare(close + 1, 5, "</th>") == 0 &&
          (table[th + 3] == '>' || table[th + 3] == ' ')) {
        table.replace(close + 1, 5, "</td>");
        table.replace(th, 3, "<td");
      }
    }
    out.append(html, pos, at - pos);
    out += fill_template("scenarios/companion-table.html", {{"n", ++n}, {"table", table}});
    pos = end + 8;
  }
  return out + html.substr(pos);
}

// The first screen's key numbers: the episode's claims checked against its worked examples ("computed"
// checks), one per topic in topic order, then claims checked by arithmetic on topics not yet shown;
// at most four. Each links to its "How each claim was checked" entry.
nlohmann::json key_numbers(const EpisodeReport& report) {
  std::map<const ClaimOutcome*, std::size_t> number;
  for (std::size_t i = 0; i < report.claims.size(); ++i) number[&report.claims[i]] = i + 1;
  const auto has_check = [](const ClaimOutcome* c, const char* type) {
    for (const auto& check : c->checks)
      if (check.type == type) return true;
    return false;
  };
  std::vector<const ClaimOutcome*> picked;
  std::set<const TopicReport*> done;
  for (const char* type : {"computed", "arithmetic"})
    for (const auto& t : report.topics)
      for (const ClaimOutcome* c : t.claims)
        if (picked.size() < 4 && !done.contains(&t) && has_check(c, type) &&
            c->claim->number_kind != NumberKind::kStatement) {
          picked.push_back(c);
          done.insert(&t);
        }
  static const std::map<Verdict, std::string> kMarks = {{Verdict::kSupported, "✓"},
                                                        {Verdict::kSupportedWithCaveat, "≈"},
                                                        {Verdict::kUnverified, "?"},
                                                        {Verdict::kMisleading, "!"},
                                                        {Verdict::kContradicted, "✗"}};
  nlohmann::json out = nlohmann::json::array();
  for (const ClaimOutcome* c : picked) {
    const std::string label = verdict_label(c->verdict);
    const std::string line = !c->claim->note.empty() ? c->claim->note : c->claim->suggested_wording;
    std::string upper = label;
    upper[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(upper[0])));
    out.push_back({{"quote", escape_markup(c->claim->quote)},
                   {"verdict_id", verdict_id(c->verdict)},
                   {"verdict_label", escape_markup(upper)},
                   {"mark", kMarks.at(c->verdict)},
                   {"line", escape_markup(line)},
                   {"href", "#" + heading_id(std::to_string(number[c]) + ". " + c->claim->id + ": " + label)}});
  }
  return out;
}

// A warning as the page shows it: without the scenario ids it starts with ("a, b, claims: data from ...").
std::string reader_warning(const std::string& warning) {
  const std::size_t at = warning.find(": data from ");
  if (at == std::string::npos) return warning;
  return "Data from " + warning.substr(at + 12);
}

// The show notes' HTML split at its <h2> headings: the part before the first (title and introduction)
// and one part per section.
struct Section {
  std::string id, heading, html;  // heading: the whole "<h2 ...>...</h2>"; html: what follows it
};

std::vector<Section> split_sections(const std::string& html, std::string& before) {
  std::vector<Section> out;
  std::size_t at = html.find("<h2");
  before = html.substr(0, at);
  while (at != std::string::npos) {
    const std::size_t heading_end = html.find("</h2>", at) + 5;
    const std::size_t next = html.find("<h2", heading_end);
    Section s;
    s.heading = html.substr(at, heading_end - at);
    const std::size_t id = s.heading.find("id=\"");
    if (id != std::string::npos) s.id = s.heading.substr(id + 4, s.heading.find('"', id + 4) - id - 4);
    s.html = html.substr(heading_end, next == std::string::npos ? std::string::npos : next - heading_end);
    out.push_back(std::move(s));
    at = next;
  }
  return out;
}

struct PageParts {
  const LoadedEpisode* episode = nullptr;
  std::string show_notes_markdown, css, form_html, page_js, pricing_json, options_json;
  PageEngine engine;
  std::vector<LineChart> charts;
  Date today;
};

std::string render_page(const PageParts& p) {
  const EpisodeFile& e = p.episode->inputs.episode;
  std::string intro;
  const std::vector<Section> sections = split_sections(markdown_to_html(p.show_notes_markdown), intro);
  // The introduction without its <h1> (the first screen has the title) and without the warning boxes
  // (one box of price-age notes instead).
  std::string h1_id;
  if (const std::size_t h1 = intro.find("<h1"); h1 != std::string::npos) {
    const std::size_t end = intro.find("</h1>", h1);
    const std::size_t id = intro.find("id=\"", h1);
    if (id != std::string::npos && id < end) h1_id = intro.substr(id + 4, intro.find('"', id + 4) - id - 4);
    intro.erase(h1, end + 5 - h1);
  }
  std::vector<std::string> notes;
  for (std::size_t q = intro.find("<blockquote>"); q != std::string::npos; q = intro.find("<blockquote>", q)) {
    const std::size_t end = intro.find("</blockquote>", q);
    if (end == std::string::npos) break;
    std::string inner = intro.substr(q + 12, end - q - 12);
    const std::size_t text = inner.find("</strong>");
    if (inner.find("<strong>Warning:</strong>") == std::string::npos || text == std::string::npos) {
      q = end;
      continue;
    }
    inner = inner.substr(text + 9);
    inner = replace_all(replace_all(inner, "<p>", ""), "</p>", "");
    while (!inner.empty() && std::isspace(static_cast<unsigned char>(inner.front()))) inner.erase(0, 1);
    while (!inner.empty() && std::isspace(static_cast<unsigned char>(inner.back()))) inner.pop_back();
    inner = reader_warning(inner);
    if (std::find(notes.begin(), notes.end(), inner) == notes.end()) notes.push_back(inner);
    intro.erase(q, end + 13 - q);
  }
  // One note per stale price source (the show notes state it once, in their "Prices as of" line).
  for (const auto& st : p.episode->report.stale)
    notes.push_back(escape_markup(fill_template("scenarios/companion-stale-note.html",
                                                {{"title", st.source->title},
                                                 {"number", st.number},
                                                 {"age", st.age_days},
                                                 {"as_of", st.source->as_of.to_string()}})));
  const nlohmann::json keys = key_numbers(p.episode->report);
  std::string first = fill_template("scenarios/companion-first-screen.html",
                                    {{"number", escape_markup(e.number)},
                                     {"checked_on", p.today.to_string()},
                                     {"title", escape_markup("Episode " + e.number + ": " + e.title)},
                                     {"h1_id", h1_id.empty() ? std::string("title") : h1_id},
                                     {"has_key_numbers", !keys.empty()},
                                     {"key_numbers", keys}});
  std::string price_notes;
  if (!notes.empty())
    price_notes = fill_template("scenarios/companion-price-notes.html",
                                {{"count", notes.size()}, {"one", notes.size() == 1}, {"notes", notes}});

  // The calculators first (the listener's "plug in your numbers"); then the sections before the
  // worked examples, open; then the charts; then the long parts (worked examples, claims, how each
  // was checked, assumptions, sources) collapsed, each reachable from the contents (page.js opens
  // the one a link points into).
  const std::string back_to_top = fill_template("scenarios/companion-back-to-top.html", nlohmann::json::object());
  std::string body = p.form_html + back_to_top;
  bool collapsed = false;
  const std::string calculators = charts_section(p.charts);
  for (const Section& s : sections) {
    if (!collapsed && s.id == "worked-examples") {
      body += calculators + back_to_top;
      collapsed = true;
    }
    if (collapsed)
      body += "<details class=\"part\" id=\"part-" + s.id + "\">\n<summary>" + s.heading + "</summary>\n" + s.html +
              back_to_top + "</details>\n";
    else
      body += "<section class=\"part\" id=\"part-" + s.id + "\">\n" + s.heading + s.html + back_to_top + "</section>\n";
  }
  if (!collapsed) body += calculators + back_to_top;
  body = accessible_tables(body);
  const std::string toc = table_of_contents(body);
  nlohmann::json page = {{"version", COSTPROOF_VERSION},
                         {"number", escape_markup(e.number)},
                         {"title", escape_markup(e.title)},
                         {"css", p.css},
                         {"first_screen", first},
                         {"contents", toc},
                         {"intro", accessible_tables(intro)},
                         {"price_notes", price_notes},
                         {"body", body},
                         {"form_options", inside_script(p.options_json, "json")},
                         {"pricing_data", inside_script(p.pricing_json, "json")},
                         {"engine", inside_script(p.engine.js, "the WebAssembly engine")},
                         {"page_js", inside_script(p.page_js, "web/page.js")}};
  if (!p.engine.wasm_deflated_base64.empty()) page["engine_wasm"] = p.engine.wasm_deflated_base64;  // base64 holds no "<"
  return fill_template("scenarios/companion-page.html", page);
}

// The bundle's README: what each file is (only the files written, not the README itself nor the zip
// it travels in), what to open, and how to run costproof on your own numbers.
std::string bundle_readme(const LoadedEpisode& episode, const Date& today, const std::vector<ZipEntry>& files) {
  const EpisodeFile& e = episode.inputs.episode;
  const auto has = [&](const std::string& name) {
    return std::any_of(files.begin(), files.end(), [&](const ZipEntry& f) { return f.name == name; });
  };
  std::vector<std::string> inputs;
  for (const auto& f : files)
    if (f.name.starts_with("scenarios/")) inputs.push_back(f.name);
  // The file to start from: the first topic's first worked example when the bundle has it
  // (the small team's case), else the first scenario file of the bundle.
  std::string example;
  const std::string first_id =
      e.topics.empty() || e.topics.front().scenarios.empty() ? "" : e.topics.front().scenarios.front().id;
  for (std::size_t i = 0; i < episode.scenarios.size() && i < episode.scenario_files.size(); ++i)
    if (header_of(episode.scenarios[i]).id == first_id &&
        has("scenarios/" + fs::path(episode.scenario_files[i]).filename().string()))
      example = "scenarios/" + fs::path(episode.scenario_files[i]).filename().string();
  for (const auto& path : episode.scenario_files)
    if (example.empty() && has("scenarios/" + fs::path(path).filename().string()))
      example = "scenarios/" + fs::path(path).filename().string();
  // "`a`, `b` and `c`": the documentation of each kind this episode uses, in registry order.
  std::vector<std::string> docs;
  ScenarioKinds::for_each([&]<class Kind>() {
    const bool used = std::any_of(episode.scenarios.begin(), episode.scenarios.end(),
                                  [](const Scenario& sc) { return std::holds_alternative<typename Kind::Scenario>(sc); });
    if (used) docs.emplace_back(Kind::docs);
  });
  if (docs.empty()) docs.push_back("docs/scenarios.md");
  nlohmann::json data = {{"number", e.number},
                         {"title", e.title},
                         {"version", COSTPROOF_VERSION},
                         {"checked_on", today.to_string()},
                         {"index", has("index.html")},
                         {"show_notes", has("show-notes.md")},
                         {"results", has("results.json") && has("results.csv")},
                         {"docs", separated_texts(docs, ", ", " and ")}};
  if (!inputs.empty()) data["inputs"] = std::to_string(inputs.size());
  if (!example.empty()) data["example"] = example;
  return fill_template("claims/companion-readme.md", data);
}

// Writes `files` (relative path -> bytes) as the folder `out`, all or nothing.
void write_bundle(const fs::path& out, const std::vector<ZipEntry>& files) {
  static constexpr const char* kMarker = ".costproof-companion";
  const fs::path parent = out.parent_path().empty() ? fs::path(".") : out.parent_path();
  std::error_code ec;
  if (!fs::is_directory(parent, ec))
    throw FileError(out.string() + ": cannot create the bundle in " + parent.string() +
                    " (no such folder); nothing was written");
  if (fs::exists(out, ec) && !(fs::is_directory(out, ec) && (fs::is_empty(out, ec) || fs::exists(out / kMarker, ec))))
    throw FileError(out.string() + ": exists and is not a companion bundle; choose another --out folder or remove "
                    "it; nothing was written");
  // Folders older versions left behind when killed (".<name>.tmp-<pid>").
  const std::string legacy = "." + out.filename().string() + ".tmp-";
  for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().filename().string().rfind(legacy, 0) == 0) fs::remove_all(it->path(), ec);
  // Built aside and swapped in with one rename: after a crash the bundle is all old or all new.
  replace_folder(out, [&files](const fs::path& staging) {
    for (const auto& f : files) {
      make_folders((staging / f.name).parent_path());
      write_new_file(staging / f.name, f.data);
    }
    write_new_file(staging / kMarker, "a bundle written by costproof companion; it may be replaced by the next run\n");
  });
}

}  // namespace

int cmd_companion(const std::vector<std::string>& args) {
  po::options_description o("Options");
  o.add_options()("help,h", "show this help")("out,o", po::value<std::string>(), "folder to write the bundle into (required)");
  add_pricing_data_option(o);
  o.add_options()(
      "engine", po::value<std::string>()->default_value(COSTPROOF_DEFAULT_ENGINE, "<repo>/build-wasm/web/costproof_engine.js"),
      "the page's WebAssembly engine (built by: cmake --preset wasm && cmake --build --preset wasm)")(
      "web", po::value<std::string>()->default_value(COSTPROOF_DEFAULT_WEB_DIR, "<repo>/web"),
      "folder with the page's page.css, page.js and form.html");
  add_staleness_options(o);
  const po::variables_map vm = parse_command_line(args, o, "folder");
  if (vm.count("help")) {
    std::cout << "Usage: costproof companion <episode folder> --out <folder> [options]\n\n"
                 "Writes the listener's download for an episode: index.html (show notes, charts, claims, sources\n"
                 "and offline \"plug in your numbers\" forms, one self-contained file), results.json/.csv,\n"
                 "show-notes.md, the scenario files, a README and a zip of it all. docs/companion.md.\n\n"
              << o;
    return 0;
  }
  if (!vm.count("folder"))
    throw CommandLineError("companion needs an episode folder, e.g. costproof companion scenarios/ep050 --out site");
  const auto folders = vm["folder"].as<std::vector<std::string>>();
  if (folders.size() != 1) throw CommandLineError("companion takes one episode folder, got " + std::to_string(folders.size()));
  if (!vm.count("out")) throw CommandLineError("companion needs --out <folder> for the bundle");
  const auto [today, max_age] = staleness_of(vm);

  // Read everything first: a missing engine or web file fails before any work is written.
  const fs::path web = vm["web"].as<std::string>();
  const fs::path engine_path = vm["engine"].as<std::string>();
  std::error_code ec;
  const char* build_hint = "the page's WebAssembly engine is built with scripts/companion.sh (or: cmake --preset wasm "
                           "&& cmake --build --preset wasm), or pass --engine";
  if (fs::status(engine_path, ec).type() == fs::file_type::not_found)
    throw FileError(engine_path.string() + ": no such file; " + build_hint);
  PageParts parts;
  try {
    parts.engine = page_engine(read_text_file(engine_path, kLargeFileLimit));
  } catch (const FileError& e) {  // a folder, device or loop: say what --engine is for
    throw FileError(std::string(e.what()) + "; --engine names the page's WebAssembly engine, costproof_engine.js, "
                                            "built by scripts/companion.sh");
  }
  parts.css = read_text_file(web / "page.css");
  parts.page_js = read_text_file(web / "page.js");
  const std::string form_html = read_text_file(web / "form.html");
  std::vector<PricingFile> pricing = read_pricing_files(vm["pricing-data"].as<std::string>());
  for (auto& f : pricing) f.label = "pricing-data/" + f.path;
  PriceCatalog catalog = build_price_catalog(pricing);
  catalog.set_as_of(today);  // every lookup prices on --as-of (or today)
  const fs::path folder = folders[0];
  const auto loaded = load_episode(folder, catalog, today, max_age);
  const EpisodeReport& report = loaded->report;

  parts.episode = loaded.get();
  parts.form_html = forms_section(form_html, (web / "form.html").string(), *loaded);
  parts.today = today;
  parts.show_notes_markdown = episode_document(report, "md");
  parts.charts = episode_charts(*loaded, catalog, today);
  parts.options_json = form_options(*loaded, catalog).dump();
  // Only the rows the page's forms can look up (scenarios/companion_prices.h), each file with its sources.
  nlohmann::ordered_json pricing_json = nlohmann::ordered_json::array();
  for (const auto& f : companion_pricing_files(pricing, episode_price_needs(loaded->scenarios)))
    pricing_json.push_back({{"path", f.path}, {"label", f.label}, {"text", f.text}});
  parts.pricing_json = pricing_json.dump();

  const std::string zip_name = "costproof-companion-ep" + loaded->inputs.episode.number + ".zip";
  std::vector<ZipEntry> files;
  files.push_back({"index.html", render_page(parts)});
  files.push_back({"show-notes.md", parts.show_notes_markdown});
  files.push_back({"results.json", episode_document(report, "json")});
  files.push_back({"results.csv", episode_document(report, "csv")});
  std::vector<fs::path> inputs;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    if (it->is_regular_file(type_ec)) inputs.push_back(it->path());
  }
  std::sort(inputs.begin(), inputs.end());
  for (const auto& p : inputs) files.push_back({"scenarios/" + p.filename().string(), read_text_file(p)});
  files.push_back({"README.md", bundle_readme(*loaded, today, files)});
  std::vector<ZipEntry> with_zip = files;
  with_zip.push_back({zip_name, make_zip(files)});
  fs::path out = vm["out"].as<std::string>();
  if (!out.has_filename()) out = out.parent_path();  // "site/" is the folder "site"
  if (out.empty()) throw CommandLineError("--out: the folder name is empty; give one, e.g. --out site");
  write_bundle(out, with_zip);

  for (const auto& w : report.warnings) std::cerr << "costproof: warning: " << w << "\n";
  for (const auto& f : with_zip) std::cout << (out / f.name).string() << "\n";
  return 0;
}

}  // namespace costproof::cli
