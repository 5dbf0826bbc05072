#include "companion_command.h"

#include <unistd.h>

#include <cctype>
#include <fstream>
#include <iostream>
#include <optional>
#include <map>

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
    o["forms"][std::string(Kind::id)] = Kind::companion_form_options({catalog, files_by_kind[std::string(Kind::id)]});
  });
  return o;
}

// web/form.html with every kind's form (in registry order) in place of its marker line.
std::string forms_section(const std::string& form_html, const std::string& path) {
  static constexpr std::string_view kMarker = "<!-- the scenario kinds' forms -->\n";
  const std::size_t at = form_html.find(kMarker);
  if (at == std::string::npos)
    throw FileError(path + ": lacks the line \"" + std::string(kMarker.substr(0, kMarker.size() - 1)) +
                    "\" where the forms go");
  std::string forms;
  ScenarioKinds::for_each([&]<class Kind>() { forms += companion_form_html(Kind::id) + "\n\n"; });
  return form_html.substr(0, at) + forms + form_html.substr(at + kMarker.size());
}

// The charts of the page: one per kind, from the episode's first scenario of that kind, in registry order.
std::vector<LineChart> episode_charts(const LoadedEpisode& episode, const PriceCatalog& catalog, const Date& today) {
  std::vector<LineChart> out;
  ScenarioKinds::for_each([&]<class Kind>() {
    for (const auto& scenario : episode.scenarios)
      if (const auto* s = std::get_if<typename Kind::Scenario>(&scenario)) {
        if (auto chart = Kind::chart(*s, catalog, today)) out.push_back(std::move(*chart));
        return;
      }
  });
  return out;
}

std::string charts_section(const std::vector<LineChart>& charts) {
  std::string html = "<section id=\"charts\" aria-labelledby=\"charts-heading\">\n<h2 id=\"charts-heading\">Charts</h2>\n"
                     "<p>Drawn from the same calculations as the worked examples below. Each chart's numbers are "
                     "in the table under it.</p>\n";
  for (const auto& c : charts) {
    html += "<figure class=\"chart\">\n" + render_svg_line_chart(c) + "\n<figcaption>" + escape_markup(c.title) +
            ". " + escape_markup(c.description) + "</figcaption>\n<details><summary>The chart's numbers</summary>\n" +
            render_chart_data_table(c) + "\n</details>\n</figure>\n";
  }
  return html + "</section>\n";
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
  return "<nav class=\"toc\" aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n" + items + "</ol>\n</nav>\n";
}

struct PageParts {
  const LoadedEpisode* episode = nullptr;
  std::string show_notes_markdown, css, form_html, page_js, engine_js, pricing_json, options_json;
  std::vector<LineChart> charts;
  Date today;
};

std::string render_page(const PageParts& p) {
  const EpisodeFile& e = p.episode->inputs.episode;
  std::string body = markdown_to_html(p.show_notes_markdown);
  // Charts and the calculator go right after "What this means for you", before the worked examples.
  const std::string insert = charts_section(p.charts) + p.form_html;
  const std::size_t at = body.find("<h2 id=\"worked-examples\"");
  body = at == std::string::npos ? body + insert : body.substr(0, at) + insert + body.substr(at);
  // The <h1> stays first; the contents follow it.
  const std::size_t h1_end = body.find("</h1>");
  const std::string toc = table_of_contents(body);
  if (h1_end != std::string::npos)
    body = body.substr(0, h1_end + 6) + toc + body.substr(h1_end + 6);
  else
    body = toc + body;
  std::string html;
  html += "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  // No network use of any kind: everything the page needs is inside it, and the
  // browser is told to refuse anything else. The one fetch allowed is of a data:
  // URL, the engine's own WebAssembly bytes embedded in the page (Emscripten
  // reads them with fetch() and would fall back to decoding them itself).
  html += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline' "
          "'unsafe-eval' 'wasm-unsafe-eval'; style-src 'unsafe-inline'; img-src data:; connect-src data:\">\n";
  html += "<meta name=\"generator\" content=\"costproof " COSTPROOF_VERSION "\">\n";
  html += "<title>Episode " + escape_markup(e.number) + " companion: " + escape_markup(e.title) + "</title>\n";
  html += "<style>\n" + p.css + "</style>\n</head>\n<body>\n<main>\n";
  html += "<p class=\"kicker\">Companion to episode " + escape_markup(e.number) + " · made by costproof " COSTPROOF_VERSION
          " with prices checked against " + p.today.to_string() +
          " · this page works offline and makes no network requests</p>\n";
  html += body;
  html += "</main>\n";
  html += "<script type=\"application/json\" id=\"form-options\">" + inside_script(p.options_json, "json") + "</script>\n";
  html += "<script type=\"application/json\" id=\"pricing-data\">" + inside_script(p.pricing_json, "json") + "</script>\n";
  html += "<script>\n" + inside_script(p.engine_js, "the WebAssembly engine") + "\n</script>\n";
  html += "<script>\n" + inside_script(p.page_js, "web/page.js") + "</script>\n";
  html += "</body>\n</html>\n";
  return html;
}

std::string bundle_readme(const LoadedEpisode& episode, const fs::path& folder, const Date& today,
                          const std::string& zip_name) {
  const EpisodeFile& e = episode.inputs.episode;
  // The file to start from: the first topic's first worked example (else the first file), in this
  // episode's own folder, so the command works for any episode.
  std::string example = episode.scenario_files.empty() ? "scenario.json" : episode.scenario_files.front();
  const std::string first_id =
      e.topics.empty() || e.topics.front().scenarios.empty() ? "" : e.topics.front().scenarios.front().id;
  for (std::size_t i = 0; i < episode.scenarios.size() && i < episode.scenario_files.size(); ++i)
    if (header_of(episode.scenarios[i]).id == first_id) example = episode.scenario_files[i];
  example = fs::path(example).filename().string();
  std::string s = "# Companion to episode " + e.number + ": " + e.title + "\n\n";
  s += "Made by costproof " COSTPROOF_VERSION ", prices checked against " + today.to_string() + ".\n\n";
  s += "| file | what it is |\n|---|---|\n";
  s += "| `index.html` | open it in a browser (double-click; no network needed): the show notes, charts, every claim "
       "with its verdict, sources with their as-of dates, and forms that compute your own numbers offline |\n";
  s += "| `show-notes.md` | the same show notes as Markdown |\n";
  s += "| `results.json`, `results.csv` | every claim and worked-example figure, for a spreadsheet or a script |\n";
  s += "| `scenarios/` | the episode's scenario and claims files: the inputs of every number above |\n";
  s += "| `" + zip_name + "` | all of the above in one file |\n\n";
  s += "## Your own numbers with costproof\n\n";
  s += "The page's forms cover the common cases. For anything else (several instance types, hourly usage from "
       "your bill, your own month convention), copy a scenario file and change it:\n\n";
  s += "```sh\n# in a clone of the costproof repository (its README has the two set-up commands)\n";
  const fs::path name = folder.filename().empty() ? folder.parent_path().filename() : folder.filename();
  s += "cp scenarios/" + name.string() + "/" + example + " my-fleet.json   # or a file from scenarios/ here\n";
  s += "# edit my-fleet.json: its fields are described in the documents below\n";
  s += "./build/cli/costproof run my-fleet.json\n./build/cli/costproof run my-fleet.json --format json\n```\n\n";
  // "`a`, `b` and `c`": every kind's documentation, in registry order.
  std::vector<std::string> docs;
  ScenarioKinds::for_each([&]<class Kind>() { docs.push_back("`" + std::string(Kind::docs) + "`"); });
  std::string listed = docs.front();
  for (std::size_t i = 1; i < docs.size(); ++i) listed += (i + 1 == docs.size() ? " and " : ", ") + docs[i];
  s += "Every field is described in the repository's " + listed +
       ". Each form on the page also shows the scenario file it ran, ready to download and run with "
       "`costproof run`.\n\n";
  s += "Prices are list prices from the sources named in the page, each with its as-of date; check them before "
       "you commit money.\n";
  return s;
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
    parts.engine_js = read_text_file(engine_path, kLargeFileLimit);
  } catch (const FileError& e) {  // a folder, device or loop: say what --engine is for
    throw FileError(std::string(e.what()) + "; --engine names the page's WebAssembly engine, costproof_engine.js, "
                                            "built by scripts/companion.sh");
  }
  parts.css = read_text_file(web / "page.css");
  parts.page_js = read_text_file(web / "page.js");
  parts.form_html = forms_section(read_text_file(web / "form.html"), (web / "form.html").string());
  std::vector<PricingFile> pricing = read_pricing_files(vm["pricing-data"].as<std::string>());
  for (auto& f : pricing) f.label = "pricing-data/" + f.path;
  PriceCatalog catalog = build_price_catalog(pricing);
  catalog.set_as_of(today);  // every lookup prices on --as-of (or today)
  const fs::path folder = folders[0];
  const auto loaded = load_episode(folder, catalog, today, max_age);
  const EpisodeReport& report = loaded->report;

  parts.episode = loaded.get();
  parts.today = today;
  parts.show_notes_markdown = episode_document(report, "md");
  parts.charts = episode_charts(*loaded, catalog, today);
  parts.options_json = form_options(*loaded, catalog).dump();
  nlohmann::ordered_json pricing_json = nlohmann::ordered_json::array();
  for (const auto& f : pricing) pricing_json.push_back({{"path", f.path}, {"label", f.label}, {"text", f.text}});
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
  files.push_back({"README.md", bundle_readme(*loaded, folder, today, zip_name)});
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
