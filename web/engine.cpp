#include "engine.h"

#include <cctype>
#include <optional>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/json_reader.h"
#include "render/svg_chart.h"
#include "scenarios/companion_form.h"
#include "scenarios/registry.h"
#include "scenarios/run_report.h"
#include "scenarios/scenario.h"

namespace costproof::web {

namespace {

// `plain`: the message without the program's prefix, file name and JSON pointer, and without
// sentences that tell a command-line user which command to run: what a listener reads next to the field.
std::string failure(const std::string& message, const std::string& pointer = "", std::string plain = "") {
  for (std::size_t at = plain.find(". "); at != std::string::npos;) {
    const std::size_t next = plain.find(". ", at + 2);
    const std::string sentence = plain.substr(at + 2, next == std::string::npos ? std::string::npos : next - at - 2);
    if (sentence.find("costproof ") != std::string::npos || sentence.find("pricing-data/") != std::string::npos) {
      plain.erase(at + 1, next == std::string::npos ? std::string::npos : next - at);
      if (next == std::string::npos) break;
      continue;
    }
    at = next;
  }
  // "similar keys in pricing-data/aws/us-east-1/ec2.json: ..." -> "similar keys: ..." (the page has no files).
  for (std::size_t at = plain.find(" in pricing-data/"); at != std::string::npos; at = plain.find(" in pricing-data/", at)) {
    const std::size_t end = plain.find_first_of(":;,", at + 1);
    plain.erase(at, end == std::string::npos ? std::string::npos : end - at);
  }
  if (!plain.empty()) plain[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(plain[0])));
  nlohmann::ordered_json out;
  out["ok"] = false;
  out["message"] = message;
  out["pointer"] = pointer;
  out["plain"] = plain.empty() ? message : plain;
  return out.dump();
}

// The body of the "### What this means for you" section of a scenario's Markdown (the kinds' summaries).
std::string summary_of(const std::string& markdown) {
  static const std::string kHeading = "### What this means for you\n";
  const std::size_t at = markdown.find(kHeading);
  if (at == std::string::npos) return "";
  const std::size_t body = at + kHeading.size();
  std::size_t end = markdown.size();
  for (std::size_t p = markdown.find('\n', body); p != std::string::npos; p = markdown.find('\n', p + 1))
    if (markdown.compare(p + 1, 3, "## ") == 0 || markdown.compare(p + 1, 4, "### ") == 0) {
      end = p + 1;
      break;
    }
  std::string out = markdown.substr(body, end - body);
  while (!out.empty() && out.front() == '\n') out.erase(0, 1);
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

// The kind's chart drawn for these numbers (the same chart the page shows for the episode) by a
// RenderedScenario's drawer; "" when the kind has none or it cannot be drawn for these numbers.
std::string chart_of(const std::function<std::optional<LineChart>()>& draw) {
  try {
    if (auto c = draw ? draw() : std::nullopt) {
      c->id += "-yours";
      return render_svg_line_chart(*c);
    }
  } catch (const std::exception&) {
  }
  return "";
}

}  // namespace

std::string Engine::load_pricing(const std::string& files_json) {
  try {
    const auto list = parse_json_text(files_json, "embedded pricing data", JsonOrigin::kPricingData);
    files_.clear();
    for (const auto& f : list)
      add_pricing_file(f.at("path").get<std::string>(), f.at("label").get<std::string>(), f.at("text").get<std::string>());
  } catch (const Error& e) {
    return error_report_line(e);
  } catch (const std::exception& e) {
    return std::string("costproof: internal error: embedded pricing data: ") + e.what();
  }
  return build_catalog();
}

void Engine::add_pricing_file(const std::string& path, const std::string& label, const std::string& text) {
  files_.push_back({path, label, text});
}

std::string Engine::build_catalog() {
  try {
    catalog_ = std::make_unique<PriceCatalog>(build_price_catalog(files_));
    files_.clear();
    return "";
  } catch (const Error& e) {
    return error_report_line(e);
  } catch (const std::exception& e) {
    return std::string("costproof: internal error: embedded pricing data: ") + e.what();
  }
}

std::string Engine::run(const std::string& scenario_text, const std::string& as_of) const {
  return evaluate(scenario_text, as_of, true);
}

std::string Engine::run_numbers(const std::string& scenario_text, const std::string& as_of) const {
  return evaluate(scenario_text, as_of, false);
}

std::string Engine::chart(const std::string& scenario_text, const std::string& as_of) const {
  const auto today = Date::parse(as_of);
  if (!catalog_ || !today) return "";
  const auto calculated = [&] { return last_.chart && last_.text == scenario_text && last_.as_of == as_of; };
  if (!calculated()) evaluate(scenario_text, as_of, false);
  if (!calculated()) return "";  // the scenario fails
  catalog_->set_as_of(*today);  // the prices in effect on that date, as the CLI's --as-of
  return chart_of(last_.chart);
}

std::string Engine::evaluate(const std::string& scenario_text, const std::string& as_of, bool with_chart) const {
  if (!catalog_) return failure("costproof: internal error: no pricing data loaded");
  const auto today = Date::parse(as_of);
  if (!today) return failure("costproof: usage error: the date must be YYYY-MM-DD, got \"" + as_of + "\"");
  catalog_->set_as_of(*today);  // the prices in effect on that date, as the CLI's --as-of
  try {
    last_ = {};
    const auto json = parse_json_text(scenario_text, kFormScenarioLabel, JsonOrigin::kUserInput);
    last_.scenarios.push_back(parse_scenario(json, kFormScenarioLabel));
    const RunReport report = run_report(last_.scenarios, *catalog_, {*today, 180});
    nlohmann::ordered_json out;
    out["ok"] = true;
    out["json"] = render_run_json(report);
    out["markdown"] = render_run_markdown(report);
    out["warnings"] = report.warnings;
    out["summary"] = report.scenarios.empty() ? "" : summary_of(report.scenarios.front().markdown);
    out["chart_svg"] = with_chart ? chart_of(report.scenarios.front().chart) : "";
    last_.text = scenario_text;
    last_.as_of = as_of;
    last_.chart = report.scenarios.front().chart;
    return out.dump();
  } catch (const InputError& e) {
    const std::string what = e.what();
    const std::size_t prefix = e.file().size() + 2 + (e.pointer().empty() ? 0 : e.pointer().size() + 2);
    return failure(error_report_line(e), e.pointer(), what.size() > prefix ? what.substr(prefix) : what);
  } catch (const Error& e) {
    return failure(error_report_line(e), "", e.what());
  } catch (const std::exception& e) {
    return failure(std::string("costproof: internal error: ") + e.what());
  }
}

std::string Engine::set_form_options(const std::string& options_json) {
  try {
    options_ = nlohmann::ordered_json::parse(options_json);
    return "";
  } catch (const std::exception& e) {
    options_ = nullptr;
    return std::string("costproof: internal error: the page's form options: ") + e.what();
  }
}

std::string Engine::form_scenario(const std::string& kind, const std::string& fields_json) const {
  try {
    const auto& form_options = options_.at("forms").at(kind);
    const CompanionFormFields fields(nlohmann::ordered_json::parse(fields_json), form_options,
                                     options_.at("episode").get<std::string>());
    std::optional<nlohmann::ordered_json> scenario;
    ScenarioKinds::for_each([&]<class Kind>() {
      if (kind == Kind::id) scenario = Kind::companion_scenario(fields);
    });
    if (!scenario) return failure("costproof: internal error: no form for scenario kind \"" + kind + "\"");
    nlohmann::ordered_json out;
    out["ok"] = true;
    out["scenario"] = std::move(*scenario);
    return out.dump();
  } catch (const std::exception& e) {
    return failure(std::string("costproof: internal error: the form's fields: ") + e.what());
  }
}

}  // namespace costproof::web
