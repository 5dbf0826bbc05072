#include "claims/claim_check.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/error.h"
#include "core/format.h"
#include "core/json_reader.h"
#include "claims/outline_lint.h"
#include "render/text_template.h"

namespace costproof {

std::string quoted_text(const QuotedTarget& t) {
  const std::string n = format_number(t.quoted);
  if (t.unit == DisplayUnit::kPercent) return n + "%";
  // Whole dollars stay "$30"; any cents keep both places: "$43.80", never "$43.8".
  if (t.unit == DisplayUnit::kUsd) {
    const Decimal a = t.quoted.abs();
    const std::string digits = a == a.rounded(0, RoundingMode::kDown) ? format_number(a) : format_usd_exact(a).substr(1);
    return (t.quoted.is_negative() ? "-$" : "$") + digits;
  }
  if (t.unit_id == "x") return n + "x";
  if (!t.unit_id.empty()) return n + " " + t.unit_id;
  return n;
}

bool comparison_holds(const Rational& c, const QuotedTarget& t) {
  const Rational q = Rational::from_decimal(t.quoted);
  switch (t.compare) {
    case Comparison::kApproximately: return (c - q).abs() <= Rational::from_decimal(t.tolerance);
    case Comparison::kAtLeast: return c >= q;
    case Comparison::kAtMost: return c <= q;
    case Comparison::kGreaterThan: return c > q;
    case Comparison::kLessThan: return c < q;
    case Comparison::kEqual: return c == q;
    case Comparison::kCeiling: return c <= q + Rational::from_decimal(t.tolerance);
  }
  return false;
}

std::string comparison_text(const QuotedTarget& t, const std::string& base) {
  std::string key = comparison_id(t.compare);  // "at-least" -> template flag "at_least"
  std::replace(key.begin(), key.end(), '-', '_');
  nlohmann::json data = {{"quoted", quoted_text(t)}, {key, true}};
  if (!base.empty()) data["base"] = base;
  if (!t.tolerance.is_zero()) data["tolerance"] = format_number(t.tolerance);
  return fill_template("claims/check-comparison.md", data);
}

namespace {

std::string lowercase(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The footnote number of `source`; a source equal to one already cited (same
// citation and as-of date, e.g. the same page declared in a price table and in a
// claims file) reuses that number.
int cite_source(SourceNotes& notes, const std::shared_ptr<const PriceSource>& source) {
  const auto& known = notes.sources();
  for (std::size_t i = 0; i < known.size(); ++i)
    if (known[i] == source || (known[i]->citation() == source->citation() && known[i]->as_of == source->as_of))
      return static_cast<int>(i) + 1;
  return notes.cite(source);
}

std::string cite_all(SourceNotes& notes, const std::vector<std::shared_ptr<const PriceSource>>& sources,
                     std::set<int>& numbers) {
  std::string out;
  for (const auto& s : sources) {
    const int n = cite_source(notes, s);
    numbers.insert(n);
    const std::string tag = "[" + std::to_string(n) + "]";
    if (out.find(tag) == std::string::npos) out += tag;
  }
  return out;
}

// "read as ..." -> "Read as ...". A first word that looks like a name or code is left as
// written: any digit, '.', '_', '/' or capital ("us-east-1", "m7g.xlarge", "iPhone"), or a
// hyphenated word with a part of 3 letters or fewer ("fck-nat"; "price-performance" is a word).
std::string capitalized(std::string text) {
  const std::size_t end = std::min(text.find_first_of(" ,:;()"), text.size());
  std::size_t part = 0;  // letters in the current hyphen-separated part
  bool hyphenated = false, short_part = false;
  for (std::size_t i = 0; i <= end; ++i) {
    if (i == end || text[i] == '-') {
      hyphenated = hyphenated || i < end;
      short_part = short_part || part <= 3;
      part = 0;
    } else if (text[i] < 'a' || text[i] > 'z') {
      return text;
    } else {
      ++part;
    }
  }
  if (end > 0 && !(hyphenated && short_part)) text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

// Appends each "[n]" of `tags` to `out` unless it is there already.
void merge_tags(std::string& out, const std::string& tags) {
  for (std::size_t p = tags.find('['); p != std::string::npos; p = tags.find('[', p + 1)) {
    const std::string tag = tags.substr(p, tags.find(']', p) - p + 1);
    if (out.find(tag) == std::string::npos) out += tag;
  }
}

std::string cite_one(SourceNotes& notes, const std::shared_ptr<const PriceSource>& s, std::set<int>& numbers) {
  const int n = cite_source(notes, s);
  numbers.insert(n);
  return "[" + std::to_string(n) + "]";
}

const ScenarioFigures* find_scenario(const CheckContext& ctx, const std::string& id) {
  if (!ctx.scenarios) return nullptr;
  for (const auto& s : *ctx.scenarios)
    if (s.id == id) return &s;
  return nullptr;
}

struct FigureValue {
  Decimal value;
  const ScenarioFigures* scenario = nullptr;
  std::vector<std::shared_ptr<const PriceSource>> sources;  // the sources this figure used
};

// The sources a figure used: the nearest object on its path that lists them as footnote
// numbers of the scenario ("sources": [1, 2, 5]); the scenario's own "sources" (every
// source, as objects) when no nearer object says.
std::vector<std::shared_ptr<const PriceSource>> figure_sources(const ScenarioFigures& sc,
                                                                 nlohmann::ordered_json::json_pointer ptr) {
  while (!ptr.empty()) {
    ptr = ptr.parent_pointer();
    const auto& node = sc.json->at(ptr);
    if (!node.is_object() || !node.contains("sources") || !node.at("sources").is_array()) continue;
    const auto& list = node.at("sources");
    if (list.empty() || !std::all_of(list.begin(), list.end(), [](const auto& n) { return n.is_number_integer(); }))
      break;
    std::vector<std::shared_ptr<const PriceSource>> out;
    for (const auto& n : list) {
      const auto i = n.template get<std::size_t>();
      if (i >= 1 && i <= sc.sources.size()) out.push_back(sc.sources[i - 1]);
    }
    return out;
  }
  return sc.sources;
}

// The number at `ref.figure` in the scenario's JSON. Throws InputError naming the claims file.
FigureValue resolve_figure(const CheckContext& ctx, const FigureRef& ref, const std::string& file) {
  const ScenarioFigures* sc = find_scenario(ctx, ref.scenario);
  if (!sc) {
    std::string known;
    if (ctx.scenarios)
      for (const auto& s : *ctx.scenarios) known += (known.empty() ? "" : ", ") + s.id;
    throw InputError(file, ref.pointer + "/scenario",
                     "no scenario with id \"" + ref.scenario + "\" in this episode folder (scenarios: " +
                         (known.empty() ? "none" : known) + "); add the scenario file or fix the id");
  }
  nlohmann::ordered_json::json_pointer ptr;
  try {
    ptr = nlohmann::ordered_json::json_pointer(ref.figure);
  } catch (const nlohmann::json::exception&) {
    throw InputError(file, ref.pointer + "/figure", "\"" + ref.figure + "\" is not a valid JSON pointer");
  }
  if (!sc->json->contains(ptr)) {
    // Name the deepest part of the pointer that exists and what it holds.
    nlohmann::ordered_json::json_pointer parent = ptr;
    while (!parent.empty() && !sc->json->contains(parent)) parent = parent.parent_pointer();
    const auto& there = sc->json->at(parent);
    std::string keys;
    if (there.is_object())
      for (const auto& [k, unused] : there.items()) keys += (keys.empty() ? "" : ", ") + k;
    else if (there.is_array())
      keys = "indexes 0 to " + std::to_string(there.size() == 0 ? 0 : there.size() - 1);
    throw InputError(file, ref.pointer + "/figure",
                     "scenario \"" + ref.scenario + "\" has no figure at \"" + ref.figure + "\" in its JSON output; \"" +
                         (parent.empty() ? std::string("/") : parent.to_string()) + "\" holds " +
                         (keys.empty() ? describe_json(nlohmann::json::parse(there.dump())) : keys) +
                         " (see `costproof run " + sc->file + " --format json`)");
  }
  const auto* v = &sc->json->at(ptr);
  if (v->is_object() && v->contains("exact")) v = &v->at("exact");
  try {
    if (v->is_string()) return {Decimal::parse(v->get<std::string>()), sc, figure_sources(*sc, ptr)};
    if (v->is_number_integer()) return {Decimal::parse(v->dump()), sc, figure_sources(*sc, ptr)};
  } catch (const DecimalError&) {
  }
  throw InputError(file, ref.pointer + "/figure",
                   "the figure at \"" + ref.figure + "\" of scenario \"" + ref.scenario +
                       "\" is not a number (it is " + describe_json(nlohmann::json::parse(v->dump())) +
                       "); point at a decimal string or an {\"exact\": ...} amount");
}

std::string value_text(const Decimal& v, const std::string& unit_id) {
  if (unit_id == "usd") return v.is_negative() ? "-" + format_usd_exact(v.abs()) : format_usd_exact(v);
  if (unit_id == "percent") return format_number(v) + "%";
  return format_number(v);
}

// ---------------------------------------------------------------------------

CheckOutcome run_computed(const ComputedCheck& c, const CheckContext& ctx, const std::string& file,
                          std::set<int>& numbers) {
  CheckOutcome out;
  out.type = "computed";
  std::size_t holding = 0, reached = 0;
  nlohmann::ordered_json figures = nlohmann::ordered_json::array();
  std::vector<std::string> scenario_ids;
  std::string citations;
  nlohmann::json shown_figures = nlohmann::json::array();  // compared with the quote
  nlohmann::json context = nlohmann::json::array();        // figures on another base: shown, never compared
  for (const auto& f : c.figures) {
    const FigureValue fv = resolve_figure(ctx, f, file);
    if (!f.base.empty()) {
      const std::string label = f.label.empty() ? f.scenario : f.label;
      const std::string shown = value_text(fv.value, c.target.unit_id);
      context.push_back({{"label", label}, {"shown", shown}, {"base", f.base}});
      out.lines.push_back(fill_template("claims/check-computed-line.md",
                                        {{"scenario", f.scenario}, {"figure", f.figure}, {"shown", shown},
                                         {"label", label}, {"context", {{"base", f.base}, {"claim_base", c.base}}}}));
      figures.push_back({{"scenario", f.scenario},
                         {"figure", f.figure},
                         {"label", label},
                         {"value", fv.value.to_string()},
                         {"base", f.base},
                         {"compared", false}});
      continue;
    }
    const bool holds = comparison_holds(Rational::from_decimal(fv.value), c.target);
    if (holds) ++holding;
    if (c.target.compare == Comparison::kCeiling &&
        (Rational::from_decimal(fv.value) - Rational::from_decimal(c.target.quoted)).abs() <=
            Rational::from_decimal(c.target.tolerance))
      ++reached;
    if (std::find(scenario_ids.begin(), scenario_ids.end(), f.scenario) == scenario_ids.end()) {
      scenario_ids.push_back(f.scenario);
      merge_tags(citations, cite_all(*ctx.notes, fv.sources, numbers));
    }
    const std::string label = f.label.empty() ? f.scenario : f.label;
    const std::string shown = value_text(fv.value, c.target.unit_id);
    shown_figures.push_back({{"label", label}, {"shown", shown}, {"holds", holds}});
    out.lines.push_back(fill_template("claims/check-computed-line.md",
                                      {{"scenario", f.scenario}, {"figure", f.figure}, {"shown", shown}, {"label", label},
                                       {"compared", {{"comparison", comparison_text(c.target, c.base)}, {"holds", holds}}}}));
    figures.push_back({{"scenario", f.scenario},
                       {"figure", f.figure},
                       {"label", label},
                       {"value", fv.value.to_string()},
                       {"base", c.base.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(c.base)},
                       {"compared", true},
                       {"holds", holds}});
  }
  const std::size_t n = c.figures.size() - context.size();
  Verdict v;
  const char* rule_key;
  if (c.target.compare == Comparison::kCeiling && holding == n) {
    // An "up to" figure: never exceeded; is it reached somewhere?
    v = reached > 0 ? Verdict::kSupported : Verdict::kSupportedWithCaveat;
    rule_key = reached > 0 ? "ceiling_reached" : "ceiling_unreached";
  } else if (c.target.compare == Comparison::kCeiling) {
    v = Verdict::kMisleading;
    rule_key = "ceiling_exceeded";
  } else if (holding == n) {
    v = Verdict::kSupported;
    rule_key = "all";
  } else if (holding == 0) {
    v = Verdict::kContradicted;
    rule_key = "none";
  } else {
    v = c.scope == Scope::kEveryCase ? Verdict::kMisleading : Verdict::kSupportedWithCaveat;
    rule_key = "some";
  }
  const std::string rule = fill_template(
      "claims/check-computed-rule.md", {{rule_key, true}, {"n", n}, {"holding", holding}, {"reached", reached},
                                        {"exceeding", n - holding}, {"every_case", c.scope == Scope::kEveryCase}});
  out.summary = fill_template("claims/check-computed-summary.md",
                              {{"comparison", comparison_text(c.target, c.base)},
                               {"figures", separated(shown_figures, "; ")},
                               {"rule", rule},
                               {"citations", citations},
                               {"has_context", !context.empty()},
                               {"context", separated(context, "; ")}});
  out.lines.push_back("rule: " + rule + " → " + verdict_label(v));
  out.verdict = v;
  out.data = {{"type", "computed"},
              {"quoted", c.target.quoted.to_string()},
              {"unit", c.target.unit_id},
              {"compare", comparison_id(c.target.compare)},
              {"scope", c.scope == Scope::kEveryCase ? "every-case" : "some-cases"},
              {"base", c.base.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(c.base)},
              {"figures", figures},
              {"holding", holding},
              {"reaching_ceiling", c.target.compare == Comparison::kCeiling ? nlohmann::ordered_json(reached)
                                                                           : nlohmann::ordered_json(nullptr)},
              {"verdict", verdict_id(v)}};
  return out;
}

// "a or b or c" of distinct items, in first-seen order.
std::string or_list(const std::vector<std::string>& items) {
  std::vector<std::string> seen;
  for (const auto& i : items)
    if (std::find(seen.begin(), seen.end(), i) == seen.end()) seen.push_back(i);
  std::string out;
  for (std::size_t i = 0; i < seen.size(); ++i) out += (i ? " or " : "") + seen[i];
  return out;
}

// The sentence saying how the readings got their roles (template claims/reading-roles.md);
// "" for a check of info readings only.
std::string roles_sentence(const ArithmeticCheck& a, const QuoteWording& w) {
  if (std::all_of(a.readings.begin(), a.readings.end(), [](const Reading& r) { return r.role == ReadingRole::kInfo; }))
    return "";
  if (!w.metric) {
    nlohmann::json stated = nlohmann::json::object();
    if (w.words.empty()) stated["none"] = true;
    else stated["mixed"] = {{"words", quoted_words(w)}};
    return fill_template("claims/reading-roles.md", {{"stated", stated}});
  }
  int claim_rule = 0, caveat_rule = 0, different_rule = 0;
  std::vector<std::string> variants, metrics;
  for (const auto& r : a.readings) {
    if (r.role == ReadingRole::kClaim) claim_rule = r.rubric_rule;
    if (r.role == ReadingRole::kCaveat) {
      caveat_rule = r.rubric_rule;
      variants.emplace_back(kVariantLabels[static_cast<int>(*r.variant)]);
    }
    if (r.role == ReadingRole::kDifferentMetric) {
      different_rule = r.rubric_rule;
      metrics.push_back(metric_id(*r.metric));
    }
  }
  nlohmann::json roles = nlohmann::json::array();
  if (claim_rule) roles.push_back({{"claim", {{"rule", claim_rule}}}});
  if (caveat_rule) roles.push_back({{"caveat", {{"rule", caveat_rule}, {"variants", or_list(variants)}}}});
  if (different_rule) roles.push_back({{"different", {{"rule", different_rule}, {"metrics", or_list(metrics)}}}});
  return fill_template("claims/reading-roles.md", {{"derived", {{"words", quoted_words(w)},
                                                                {"metric", metric_id(*w.metric)},
                                                                {"roles", separated(roles, ", ", " and ")}}}});
}

CheckOutcome run_arithmetic(const ArithmeticCheck& a, const Claim& claim, const CheckContext& ctx,
                            const std::string& file, std::set<int>& numbers, std::vector<std::shared_ptr<const PriceSource>>& price_sources) {
  CheckOutcome out;
  out.type = "arithmetic";
  std::map<std::string, Rational> values;
  std::map<std::string, std::string> texts;
  nlohmann::ordered_json operands = nlohmann::ordered_json::array();
  std::string citations;
  for (const auto& o : a.operands) {
    Decimal v;
    std::string origin, cite;
    switch (o.kind) {
      case Operand::Kind::kValue:
        v = o.value;
        cite = cite_one(*ctx.notes, o.source, numbers);
        origin = cite;
        break;
      case Operand::Kind::kPrice: {
        if (!ctx.catalog) throw InputError(file, o.pointer + "/price", "no price tables are loaded");
        const PriceRow* row = nullptr;
        const PriceRow* latest = nullptr;  // the row's price on the catalog's date (today, or --as-of)
        try {
          if (o.price_tier > 0) {
            const auto tiers = ctx.catalog->tiers(o.price_service, o.price_region, o.price_key);
            if (static_cast<std::size_t>(o.price_tier) > tiers.size())
              throw InputError(file, o.pointer + "/price/tier",
                               "expected a tier from 1 to " + std::to_string(tiers.size()) + " of " + o.price_key +
                                   " (" + o.price_service + ") in " + o.price_region + ", got " +
                                   std::to_string(o.price_tier));
            row = latest = tiers[static_cast<std::size_t>(o.price_tier - 1)];
            if (o.price_as_of && !(row = row->as_of(*o.price_as_of)))
              throw PriceNotFound("no price for tier " + std::to_string(o.price_tier) + " of " + o.price_key +
                                  " on " + o.price_as_of->to_string());
          } else {
            row = o.price_as_of ? &ctx.catalog->find_on(o.price_service, o.price_region, o.price_key, *o.price_as_of)
                                : &ctx.catalog->find(o.price_service, o.price_region, o.price_key);
            latest = o.price_as_of ? ctx.catalog->try_find(o.price_service, o.price_region, o.price_key) : row;
          }
        } catch (const PriceNotFound& e) {
          throw InputError(file, o.pointer + "/price", e.what());
        }
        v = row->price.usd_per_unit();
        cite = cite_one(*ctx.notes, row->source, numbers);
        // A price looked up for an explicit date that has since changed (a history entry) is the
        // price of that date by design, so its source is not judged for staleness; a dated lookup
        // that lands on the current price still is (docs/pricing-tables.md, "Price history").
        if (!o.price_as_of || row == latest) price_sources.push_back(row->source);
        origin = row->price_text() + ", " + row->key + (o.price_tier ? " tier " + std::to_string(o.price_tier) : "") +
                 " in " + row->region +
                 (o.price_as_of ? " on " + o.price_as_of->to_string() +
                                      (row->effective_from ? " (price in effect from " + row->effective_from->to_string() + ")" : "")
                                : "") +
                 " " + cite;
        break;
      }
      case Operand::Kind::kFigure: {
        const FigureValue fv = resolve_figure(ctx, o.figure, file);
        v = fv.value;
        cite = cite_all(*ctx.notes, fv.sources, numbers);
        origin = "worked example `" + o.figure.scenario + "`, " + o.figure.figure;
        break;
      }
    }
    merge_tags(citations, cite);
    values[o.name] = Rational::from_decimal(v);
    texts[o.name] = o.usd ? (v.is_negative() ? "-" + format_price(v.abs()) : format_price(v)) : format_number(v);
    out.lines.push_back(o.name + " = " + texts[o.name] + ": " + o.what + " (" + origin + ")");
    operands.push_back({{"name", o.name}, {"what", o.what}, {"value", v.to_string()}, {"origin", origin}});
  }
  std::optional<Verdict> verdict;
  nlohmann::ordered_json readings = nlohmann::ordered_json::array();
  for (const auto& r : a.readings) {
    Rational result;
    try {
      result = r.expression.evaluate(values);
    } catch (const ExpressionError& e) {
      throw InputError(file, r.pointer + "/expression",
                       "claim \"" + claim.id + "\": expression \"" + r.expression.source_text() + "\" = " +
                           r.expression.render(texts) + ": " + e.what() +
                           "; check the operands' values, or drop this reading");
    } catch (const OverflowError& e) {
      throw OverflowError(file + ": " + r.pointer + "/expression: claim \"" + claim.id + "\": expression \"" +
                          r.expression.source_text() + "\": " + e.what());
    }
    const DisplayedValue shown = display(result, r.unit);
    // A reading that is just one operand prints its value, not "4.4 = 4.4".
    const bool bare = r.expression.names().size() == 1 && r.expression.render(texts) == texts[r.expression.names()[0]];
    nlohmann::json line = {{"label", r.label},
                           {"equation", bare ? shown.text : r.expression.render(texts) + " " + shown.equals_text()}};
    if (!r.unconfirmed_assumption.empty()) {
      line["assumption"] = r.unconfirmed_assumption;
      verdict = verdict ? worse(*verdict, Verdict::kSupportedWithCaveat) : Verdict::kSupportedWithCaveat;
    }
    nlohmann::ordered_json j = {{"label", r.label},
                                {"role", reading_role_id(r.role)},
                                {"expression", r.expression.source_text()},
                                {"equation", r.expression.render(texts) + " " + shown.equals_text()},
                                {"value", shown.shown.to_string()},
                                {"value_exact", shown.exact}};
    if (!r.unconfirmed_assumption.empty()) j["unconfirmed_assumption"] = r.unconfirmed_assumption;
    if (r.metric) j["metric"] = metric_id(*r.metric);
    if (r.variant) j["variant"] = std::string(kVariantIds[static_cast<int>(*r.variant)]);
    if (r.rubric_rule) j["rubric_rule"] = r.rubric_rule;
    if (r.role != ReadingRole::kInfo) {
      const bool holds = comparison_holds(result, a.target);
      Verdict rv = Verdict::kSupported;
      if (!holds) {
        rv = r.role == ReadingRole::kClaim             ? Verdict::kContradicted
             : r.role == ReadingRole::kDifferentMetric ? Verdict::kMisleading
                                                       : Verdict::kSupportedWithCaveat;
      }
      verdict = verdict ? worse(*verdict, rv) : rv;
      line["compared"] = {{"holds", holds}, {"comparison", comparison_text(a.target)},
                          {"verdict", verdict_label(rv)}, {"role", reading_role_id(r.role)}};
      j["matches_quote"] = holds;
      j["verdict"] = verdict_id(rv);
    }
    line["detail"] = true;
    out.lines.push_back(fill_template("claims/check-reading.md", line));
    line["detail"] = false;
    out.summary += (out.summary.empty() ? "" : ". ") + capitalized(fill_template("claims/check-reading.md", line));
    readings.push_back(j);
  }
  out.summary += " " + citations + ".";
  const std::string roles = roles_sentence(a, claim.wording);
  if (!roles.empty()) {
    out.lines.push_back(roles);
    if (claim.wording.metric) out.summary += " " + roles;
  }
  nlohmann::ordered_json wording = {
      {"metric", claim.wording.metric ? nlohmann::ordered_json(metric_id(*claim.wording.metric)) : nlohmann::ordered_json()},
      {"words", claim.wording.words},
      {"qualifier", qualifier_id(claim.wording.qualifier)},
      {"qualifier_words", claim.wording.qualifier_words}};
  out.verdict = verdict;
  out.data = {{"type", "arithmetic"},
              {"quoted", a.target.quoted.to_string()},
              {"unit", a.target.unit_id},
              {"compare", comparison_id(a.target.compare)},
              {"tolerance", a.target.compare == Comparison::kApproximately ? a.target.tolerance.to_string() : ""},
              {"operands", operands},
              {"readings", readings},
              {"wording", wording},
              {"verdict", verdict ? verdict_id(*verdict) : "informational"}};
  return out;
}

// Does the quote still say that its figure is a ceiling? Its qualifier (quote_wording.h: "up to",
// "at most", "as much as", "max" right before a number), or a "from ... to ..." range.
bool keeps_ceiling(const Claim& claim) {
  if (claim.wording.qualifier == Qualifier::kUpTo) return true;
  const std::string q = lowercase(claim.quote);
  const auto from = q.find("from ");
  return from != std::string::npos && q.find(" to ", from) != std::string::npos;
}

// Every value of `token` appears among `available`?
bool values_found(const NumberToken& token, const std::vector<Decimal>& available) {
  for (const auto& v : token.values)
    if (std::find(available.begin(), available.end(), v) == available.end()) return false;
  return true;
}

CheckOutcome run_sourced_fact(const SourcedFactCheck& s, const Claim& claim, const CheckContext& ctx,
                              std::set<int>& numbers) {
  CheckOutcome out;
  out.type = "sourced-fact";
  const std::string cites = cite_all(*ctx.notes, s.sources, numbers);
  // "[25] (as of 2026-06-10) and [26] (as of 2025-12-04)" for the table; titles for the details.
  std::string titles, dated;
  for (std::size_t i = 0; i < s.sources.size(); ++i) {
    const std::string as_of = "(as of " + s.sources[i]->as_of.to_string() + ")";
    titles += (i ? "; " : "") + s.sources[i]->title + " " + as_of;
    dated += std::string(i == 0 ? "" : i + 1 == s.sources.size() ? " and " : ", ") + "[" +
             std::to_string(cite_source(*ctx.notes, s.sources[i])) + "] " + as_of;
  }
  std::vector<std::string> remarks;
  nlohmann::ordered_json automatic = nlohmann::ordered_json::array();
  Verdict v = Verdict::kSupported;
  std::string said;
  if (!s.source_wording.empty())
    said = fill_template("claims/check-fact-said.md", {{"wording", s.source_wording}, {"verbatim", s.verbatim}});
  nlohmann::json summary = {{"dated", dated}};
  if (!said.empty()) summary["said"] = said;
  switch (s.finding) {
    case SourceFinding::kNotFound:
      v = Verdict::kUnverified;
      summary["not_found"] = true;
      break;
    case SourceFinding::kContradicted:
      v = Verdict::kContradicted;
      summary["contradicted"] = true;
      break;
    case SourceFinding::kConfirmed: {
      summary["confirmed"] = true;
      // "up to" kept? Only for a number the source qualifies with "up to" and the quote repeats.
      const auto wording_tokens = find_numbers_in_line(s.source_wording, 1, true);
      const auto quote_tokens = find_numbers_in_line(claim.quote, 1);
      bool ceiling_dropped = false;
      for (const auto& wt : wording_tokens) {
        const std::string before = lowercase(s.source_wording.substr(0, wt.begin));
        if (before.size() < 6 || before.compare(before.size() - 6, 6, "up to ") != 0) continue;
        for (const auto& qt : quote_tokens)
          for (const auto& value : qt.values)
            if (std::find(wt.values.begin(), wt.values.end(), value) != wt.values.end()) ceiling_dropped = true;
      }
      if (ceiling_dropped && !keeps_ceiling(claim)) {
        remarks.push_back(fill_template("claims/check-fact-remark.md", {{"ceiling_dropped", true}}));
        automatic.push_back({{"rule", "qualifier-dropped"}, {"effect", verdict_id(Verdict::kSupportedWithCaveat)}});
        v = worse(v, Verdict::kSupportedWithCaveat);
      }
      // Every number of the quote must be in the source's wording.
      std::vector<Decimal> available;
      for (const auto& t : wording_tokens) available.insert(available.end(), t.values.begin(), t.values.end());
      for (const auto& t : quote_tokens) {
        if (!values_found(t, available)) {
          remarks.push_back(fill_template("claims/check-fact-remark.md", {{"number_missing", {{"text", t.text}}}}));
          automatic.push_back({{"rule", "number-not-in-source"}, {"number", t.text}, {"effect", "unverified"}});
          v = worse(v, Verdict::kUnverified);
        }
      }
      break;
    }
  }
  if (s.finding != SourceFinding::kNotFound) {
    for (const auto& d : s.differences) {
      remarks.push_back(d.what);
      v = worse(v, d.effect);
    }
  }
  nlohmann::ordered_json timing = nullptr;
  if (s.timing) {
    const auto& t = *s.timing;
    nlohmann::json when = {{"source_date", t.source_date.to_string()}, {"claimed", t.claimed},
                           {"claimed_from", t.claimed_from.to_string()}, {"claimed_to", t.claimed_to.to_string()}};
    Verdict effect = Verdict::kSupported;
    const char* key = "within";
    if (t.source_date < t.claimed_from) {
      when["days"] = format_number(Decimal::from_int(t.source_date.days_until(t.claimed_from)));
      key = "before";
      effect = Verdict::kMisleading;
    } else if (t.claimed_to < t.source_date) {
      when["days"] = format_number(Decimal::from_int(t.claimed_to.days_until(t.source_date)));
      key = "after";
      effect = Verdict::kSupportedWithCaveat;
    }
    remarks.push_back(fill_template("claims/check-fact-remark.md", {{key, when}}));
    v = worse(v, effect);
    timing = {{"claimed", t.claimed},
              {"claimed_from", t.claimed_from.to_string()},
              {"claimed_to", t.claimed_to.to_string()},
              {"source_date", t.source_date.to_string()},
              {"effect", verdict_id(effect)}};
  }
  out.summary = fill_template("claims/check-fact-summary.md", summary);
  for (const auto& r : remarks) out.summary += " " + r;
  out.lines.push_back("source finding: " + source_finding_id(s.finding) + " (" + titles + " " + cites + ")");
  if (!said.empty()) out.lines.push_back("source wording: " + said);
  for (const auto& r : remarks) out.lines.push_back(r);
  out.lines.push_back("derived verdict: " + verdict_label(v));
  out.verdict = v;
  nlohmann::ordered_json diffs = nlohmann::ordered_json::array();
  for (const auto& d : s.differences) diffs.push_back({{"what", d.what}, {"effect", verdict_id(d.effect)}});
  out.data = {{"type", "sourced-fact"},
              {"source_finding", source_finding_id(s.finding)},
              {"source_wording", s.source_wording},
              {"verbatim", s.verbatim},
              {"automatic", automatic},
              {"differences", diffs},
              {"timing", timing},
              {"verdict", verdict_id(v)}};
  return out;
}

}  // namespace

std::vector<ClaimOutcome> check_claims(const ClaimsFile& claims, const CheckContext& ctx) {
  std::vector<ClaimOutcome> out;
  for (const auto& c : claims.claims) {
    ClaimOutcome o;
    o.claim = &c;
    std::set<int> numbers;
    std::optional<Verdict> verdict;
    for (const auto& check : c.checks) {
      CheckOutcome co;
      if (const auto* comp = std::get_if<ComputedCheck>(&check)) {
        co = run_computed(*comp, ctx, claims.file, numbers);
      } else if (const auto* arith = std::get_if<ArithmeticCheck>(&check)) {
        co = run_arithmetic(*arith, c, ctx, claims.file, numbers, o.price_sources);
      } else if (const auto* fact = std::get_if<SourcedFactCheck>(&check)) {
        co = run_sourced_fact(*fact, c, ctx, numbers);
      } else {
        const auto& nr = std::get<NotResearchedCheck>(check);
        co.type = "not-researched";
        co.verdict = Verdict::kUnverified;
        co.summary = fill_template("claims/check-not-researched.md",
                                   {{"reason", nr.reason}, {"period", !nr.reason.empty() && nr.reason.back() == '.'}});
        co.lines.push_back("not researched: " + nr.reason);
        co.data = {{"type", "not-researched"}, {"reason", nr.reason}, {"verdict", "unverified"}};
      }
      if (co.verdict) verdict = verdict ? worse(*verdict, *co.verdict) : *co.verdict;
      o.checks.push_back(std::move(co));
    }
    o.verdict = verdict.value_or(Verdict::kUnverified);
    for (const auto& co : o.checks) o.why += (o.why.empty() ? "" : " ") + co.summary;
    if (!c.note.empty()) o.why += " " + c.note;
    o.source_numbers.assign(numbers.begin(), numbers.end());
    if (o.verdict != Verdict::kSupported && c.suggested_wording.empty())
      throw InputError(claims.file, c.pointer,
                       "the checks make claim \"" + c.id + "\" " + verdict_label(o.verdict) +
                           ", so it needs a \"suggested_wording\" for the show notes; add one");
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace costproof
