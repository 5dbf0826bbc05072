#include "claims/claim.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/identifier.h"
#include "core/json_reader.h"

namespace costproof {

std::string verdict_id(Verdict v) {
  switch (v) {
    case Verdict::kSupported: return "supported";
    case Verdict::kSupportedWithCaveat: return "supported-with-caveat";
    case Verdict::kUnverified: return "unverified";
    case Verdict::kMisleading: return "misleading";
    case Verdict::kContradicted: return "contradicted";
  }
  return "";
}

std::string verdict_label(Verdict v) {
  std::string id = verdict_id(v);
  std::replace(id.begin(), id.end(), '-', ' ');
  return id;
}

int verdict_severity(Verdict v) { return static_cast<int>(v); }

Verdict worse(Verdict a, Verdict b) { return verdict_severity(a) >= verdict_severity(b) ? a : b; }

std::string number_kind_id(NumberKind k) {
  switch (k) {
    case NumberKind::kPercentage: return "percentage";
    case NumberKind::kUpToCeiling: return "up-to-ceiling";
    case NumberKind::kMultiplier: return "multiplier";
    case NumberKind::kDollarAmount: return "dollar-amount";
    case NumberKind::kCount: return "count";
    case NumberKind::kDuration: return "duration";
    case NumberKind::kDate: return "date";
    case NumberKind::kStatement: return "statement";
  }
  return "";
}

std::string comparison_id(Comparison c) {
  switch (c) {
    case Comparison::kApproximately: return "approximately";
    case Comparison::kAtLeast: return "at-least";
    case Comparison::kAtMost: return "at-most";
    case Comparison::kGreaterThan: return "greater-than";
    case Comparison::kLessThan: return "less-than";
    case Comparison::kEqual: return "equal";
    case Comparison::kCeiling: return "ceiling";
  }
  return "";
}

std::string reading_role_id(ReadingRole r) {
  switch (r) {
    case ReadingRole::kClaim: return "claim";
    case ReadingRole::kDifferentMetric: return "different-metric";
    case ReadingRole::kCaveat: return "caveat";
    case ReadingRole::kInfo: return "info";
  }
  return "";
}

std::string source_finding_id(SourceFinding f) {
  switch (f) {
    case SourceFinding::kConfirmed: return "confirmed";
    case SourceFinding::kContradicted: return "contradicted";
    case SourceFinding::kNotFound: return "not-found";
  }
  return "";
}

namespace {

// JsonReader has no accessor for arrays of strings or integers. Such keys are
// read here from the original object; the reader then works on a copy without
// them, so its unknown-key check still covers everything else.
struct Stripped {
  nlohmann::json copy;
  Stripped(const nlohmann::json& original, std::initializer_list<const char*> keys) : copy(original) {
    if (copy.is_object())
      for (const char* k : keys) copy.erase(k);
  }
};

std::vector<std::string> string_array(const nlohmann::json& obj, const std::string& file, const std::string& pointer,
                                      const std::string& key, bool required) {
  std::vector<std::string> out;
  const std::string where = pointer + "/" + key;
  if (!obj.is_object() || !obj.contains(key)) {
    if (required)
      throw_input_error(JsonOrigin::kUserInput, file, pointer.empty() ? "/" : pointer,
                        "missing required field \"" + key + "\" (an array of strings); add it");
    return out;
  }
  const auto& v = obj.at(key);
  if (!v.is_array() || v.empty())
    throw_input_error(JsonOrigin::kUserInput, file, where,
                      "expected a non-empty array of strings [\"...\"], got " + describe_json(v));
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (!v[i].is_string() || v[i].get_ref<const std::string&>().empty())
      throw_input_error(JsonOrigin::kUserInput, file, where + "/" + std::to_string(i),
                        "expected a non-empty string, got " + describe_json(v[i]));
    if (const auto bad = control_character_problem(v[i].get_ref<const std::string&>()))
      throw_input_error(JsonOrigin::kUserInput, file, where + "/" + std::to_string(i), *bad);
    out.push_back(v[i].get<std::string>());
  }
  return out;
}

std::vector<int> int_array(const nlohmann::json& obj, const std::string& file, const std::string& pointer,
                           const std::string& key) {
  std::vector<int> out;
  if (!obj.is_object() || !obj.contains(key)) return out;
  const std::string where = pointer + "/" + key;
  const auto& v = obj.at(key);
  if (!v.is_array() || v.empty())
    throw_input_error(JsonOrigin::kUserInput, file, where,
                      "expected a non-empty array of line numbers [12, 30], got " + describe_json(v));
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (!v[i].is_number_integer() || v[i].get<std::int64_t>() < 1 || v[i].get<std::int64_t>() > 1000000)
      throw_input_error(JsonOrigin::kUserInput, file, where + "/" + std::to_string(i),
                        "expected a line number (1 or more), got " + describe_json(v[i]));
    out.push_back(static_cast<int>(v[i].get<std::int64_t>()));
  }
  return out;
}

class SourceIndex {
 public:
  explicit SourceIndex(const std::vector<std::shared_ptr<const PriceSource>>& sources) {
    for (const auto& s : sources) by_id_[s->id] = s;
  }
  std::shared_ptr<const PriceSource> get(const std::string& id, const std::string& file,
                                         const std::string& pointer) const {
    const auto it = by_id_.find(id);
    if (it != by_id_.end()) return it->second;
    std::string known;
    for (const auto& [k, unused] : by_id_) known += (known.empty() ? "" : ", ") + k;
    throw_input_error(JsonOrigin::kUserInput, file, pointer,
                      "no source with id \"" + id + "\" in this file's \"sources\" (known ids: " + known +
                          "); add the source or fix the id");
  }

 private:
  std::map<std::string, std::shared_ptr<const PriceSource>> by_id_;
};

DisplayUnit display_unit(const std::string& unit) {
  if (unit == "percent") return DisplayUnit::kPercent;
  if (unit == "usd") return DisplayUnit::kUsd;
  return DisplayUnit::kPlain;
}

QuotedTarget parse_target(JsonReader& r) {
  QuotedTarget t;
  t.quoted = r.decimal("quoted", "the quoted figure as a number (4 for \"4x\", 30 for \"$30+\")");
  t.unit_id = r.optional_string("unit").value_or("");
  t.unit = display_unit(t.unit_id);
  const std::string compare = r.one_of(
      "compare", {"approximately", "at-least", "at-most", "greater-than", "less-than", "equal", "ceiling"});
  if (compare == "approximately") t.compare = Comparison::kApproximately;
  else if (compare == "at-least") t.compare = Comparison::kAtLeast;
  else if (compare == "at-most") t.compare = Comparison::kAtMost;
  else if (compare == "greater-than") t.compare = Comparison::kGreaterThan;
  else if (compare == "less-than") t.compare = Comparison::kLessThan;
  else if (compare == "ceiling") t.compare = Comparison::kCeiling;
  else t.compare = Comparison::kEqual;
  const auto tolerance = r.optional_decimal("tolerance", "the largest allowed |computed − quoted|");
  if (t.compare == Comparison::kApproximately || t.compare == Comparison::kCeiling) {
    if (!tolerance) r.fail("", "\"compare\": \"" + compare + "\" needs a \"tolerance\" (e.g. \"0.5\"); add it");
    if (tolerance->is_negative()) r.fail("tolerance", "expected a tolerance of 0 or more");
    t.tolerance = *tolerance;
  } else if (tolerance) {
    r.fail("tolerance", "a tolerance only applies to \"compare\": \"approximately\" or \"ceiling\"; remove it");
  }
  return t;
}

// The quote's metric words for a message: "says \"cheaper\" (price)", "says \"cost\" (price) and \"faster\" (work)".
std::string describe_words(const QuoteWording& w) {
  if (w.words.empty())
    return "names no metric (no price word such as \"cheaper\", \"costs\" or \"saves\", no performance word such as "
           "\"faster\" or \"price-performance\")";
  return "says " + quoted_words(w) + (w.metric ? " (" + metric_id(*w.metric) + ")" : "");
}

// The rubric (docs/claims.md, "The verdict rubric"): a reading of the quote's own metric is
// the claim (rule 1 for price, 2 for price-performance or work), or a caveat when it reads
// something the quote leaves open otherwise (rule 5); any other metric is a different
// metric (rule 3 when the quote is about price, 4 otherwise).
std::pair<ReadingRole, int> rubric_role(Metric quote, Metric reading, bool variant) {
  if (reading != quote) return {ReadingRole::kDifferentMetric, quote == Metric::kPrice ? 3 : 4};
  if (variant) return {ReadingRole::kCaveat, 5};
  return {ReadingRole::kClaim, quote == Metric::kPrice ? 1 : 2};
}

// The comparisons the quote's qualifier allows; a check using another is an error. A quote
// with two different qualifiers, or without a qualifier and without digits, allows any.
void check_qualifier(JsonReader& r, const QuotedTarget& t, const QuoteWording& w, const std::string& quote) {
  std::vector<Comparison> allowed;
  std::string what;
  switch (w.qualifier) {
    case Qualifier::kUpTo: allowed = {Comparison::kCeiling, Comparison::kAtMost}; what = "a ceiling"; break;
    case Qualifier::kAbout: allowed = {Comparison::kApproximately}; what = "an approximate figure"; break;
    case Qualifier::kMoreThan: allowed = {Comparison::kGreaterThan, Comparison::kAtLeast}; what = "a floor"; break;
    case Qualifier::kLessThan: allowed = {Comparison::kLessThan, Comparison::kAtMost}; what = "an upper bound"; break;
    case Qualifier::kMixed: return;
    case Qualifier::kNone:
      if (!w.has_digit) return;
      allowed = {Comparison::kApproximately, Comparison::kEqual};
      what = "the figure itself, with no \"up to\", \"about\" or \"more than\"";
      break;
  }
  if (std::find(allowed.begin(), allowed.end(), t.compare) != allowed.end()) return;
  std::string ids;
  for (std::size_t i = 0; i < allowed.size(); ++i)
    ids += std::string(i == 0 ? "" : " or ") + "\"" + comparison_id(allowed[i]) + "\"";
  const std::string said = w.qualifier == Qualifier::kNone ? "states " + what : "says \"" + w.qualifier_words + "\" (" + what + ")";
  r.fail("compare", "the quote \"" + quote + "\" " + said + ", so \"compare\" must be " + ids + ", not \"" +
                        comparison_id(t.compare) + "\"; change \"compare\" (docs/claims.md, \"The verdict rubric\"), or "
                        "the quote if it words the claim wrongly");
}

FigureRef parse_figure_ref(JsonReader& r, const std::string& scenario_key) {
  FigureRef f;
  f.scenario = r.string(scenario_key);
  f.figure = r.string("figure");
  if (f.figure.front() != '/') r.fail("figure", "expected a JSON pointer starting with \"/\", got \"" + f.figure + "\"");
  f.pointer = r.pointer();
  return f;
}

ComputedCheck parse_computed(JsonReader& r, const Claim& claim) {
  ComputedCheck c;
  c.pointer = r.pointer();
  c.target = parse_target(r);
  check_qualifier(r, c.target, claim.wording, claim.quote);
  const std::string scope = r.one_of("scope", {"every-case", "some-cases"});
  c.scope = scope == "every-case" ? Scope::kEveryCase : Scope::kSomeCases;
  const bool percent = c.target.unit_id == "percent";
  if (percent) {
    if (!r.has("base"))
      r.fail("base", "a percentage check must say what the quoted percentage is of: add \"base\" (e.g. \"eligible "
                     "spend\" or \"the whole bill\"); figures on another base get their own \"base\" and are shown "
                     "for context, never compared");
    c.base = r.string("base");
  }
  bool any_on_base = false;
  for (auto& fr : r.objects("figures", 1)) {
    FigureRef f = parse_figure_ref(fr, "scenario");
    f.label = fr.optional_string("label").value_or("");
    if (fr.has("base")) {
      if (!percent) fr.fail("base", "\"base\" applies to percentage figures only (the check's unit is \"" +
                                       c.target.unit_id + "\"); remove it");
      f.base = fr.string("base");
      if (f.base == c.base) f.base.clear();
    }
    any_on_base = any_on_base || f.base.empty();
    fr.reject_unknown_keys();
    c.figures.push_back(std::move(f));
  }
  if (!any_on_base)
    r.fail("figures", "every figure is on another base than the check's \"" + c.base +
                          "\"; at least one figure must be a percentage of the quoted base to compare with the quote");
  return c;
}

Date parse_date_field(JsonReader& r, const std::string& key);

// A reading's role: derived by the rubric from "metric" and "variant" when the quote's
// wording decides its metric; as written in "role" when it does not. "role": "info" (context,
// printed only) is always written.
void parse_reading_role(JsonReader& rr, Reading& reading, const Claim& claim) {
  const QuoteWording& w = claim.wording;
  const bool has_role = rr.has("role");
  const std::string role = has_role ? rr.one_of("role", {"claim", "different-metric", "caveat", "info"}) : "";
  if (rr.has("metric")) {
    const std::vector<std::string> ids(std::begin(kMetricIds), std::end(kMetricIds));
    reading.metric = parse_metric(rr.one_of("metric", ids));
  }
  if (rr.has("variant")) {
    const std::vector<std::string> ids(std::begin(kVariantIds), std::end(kVariantIds));
    reading.variant = parse_variant(rr.one_of("variant", ids));
    if (!reading.metric)
      rr.fail("variant", "a \"variant\" is another reading of a metric: add the \"metric\" this reading computes");
  }
  if (role == "info") {
    reading.role = ReadingRole::kInfo;
    return;
  }
  if (w.metric) {
    const std::string decided = "the quote \"" + claim.quote + "\" " + describe_words(w) + ", so the role follows from "
                                "what this reading computes: a reading of the " + metric_id(*w.metric) +
                                " is the claim, with a \"variant\" a caveat, of another metric different-metric";
    if (!reading.metric)
      rr.fail(has_role ? "role" : "", decided + "; " + (has_role ? "replace \"role\" with" : "add") +
                                          " \"metric\" (\"price\", \"price-performance\" or \"work\"), and \"variant\" if it "
                                          "reads something the quote leaves open otherwise, or \"role\": \"info\" for context "
                                          "(docs/claims.md, \"The verdict rubric\")");
    const auto [derived, rule] = rubric_role(*w.metric, *reading.metric, reading.variant.has_value());
    if (has_role)
      rr.fail("role", "\"role\": \"" + role + "\" " +
                          (role == reading_role_id(derived) ? "repeats" : "contradicts") + " the role the rubric gives this "
                          "reading, " + reading_role_id(derived) + " (rule " + std::to_string(rule) + "): " + decided +
                          "; remove \"role\" (it is written only when the quote's wording is undecided)");
    reading.role = derived;
    reading.rubric_rule = rule;
    return;
  }
  if (!has_role)
    rr.fail("", "missing \"role\": the quote \"" + claim.quote + "\" " + describe_words(w) +
                    ", so the rubric cannot derive the role; add \"role\" (\"claim\", \"caveat\", \"different-metric\" "
                    "or \"info\") by docs/claims.md, \"The verdict rubric\"");
  reading.role = role == "claim"              ? ReadingRole::kClaim
                 : role == "different-metric" ? ReadingRole::kDifferentMetric
                                              : ReadingRole::kCaveat;
}

ArithmeticCheck parse_arithmetic(JsonReader& r, const SourceIndex& sources, const Claim& claim) {
  ArithmeticCheck a;
  a.pointer = r.pointer();
  a.target = parse_target(r);
  std::set<std::string> names;
  for (auto& orr : r.objects("operands", 1)) {
    Operand o;
    o.pointer = orr.pointer();
    o.name = orr.string("name");
    if (!is_operand_name(o.name))
      orr.fail("name", "expected lower-case letters, digits and '_' starting with a letter (e.g. \"trn3_chips\"), got \"" +
                           o.name + "\"");
    if (!names.insert(o.name).second) orr.fail("name", "duplicate operand name \"" + o.name + "\"");
    o.what = orr.string("what");
    const int forms = (orr.has("value") ? 1 : 0) + (orr.has("price") ? 1 : 0) + (orr.has("scenario") ? 1 : 0);
    if (forms != 1)
      orr.fail("", "an operand needs exactly one of \"value\" (with \"source\"), \"price\" or \"scenario\" (with \"figure\")");
    if (orr.has("value")) {
      o.kind = Operand::Kind::kValue;
      o.value = orr.decimal("value", "the operand's value");
      o.source = sources.get(orr.string("source"), r.file(), orr.pointer_to("source"));
      o.usd = orr.optional_string("unit").value_or("") == "usd";
    } else if (orr.has("price")) {
      o.kind = Operand::Kind::kPrice;
      JsonReader p = orr.object("price");
      o.price_service = p.string("service");
      o.price_region = p.string("region");
      o.price_key = p.string("key");
      if (p.has("tier")) {
        const std::int64_t n = p.integer("tier");
        if (n < 1 || n > 100) p.fail("tier", "expected a tier number from 1 (the first tier) up, got " + std::to_string(n));
        o.price_tier = static_cast<int>(n);
      }
      if (p.has("as_of")) o.price_as_of = parse_date_field(p, "as_of");
      p.reject_unknown_keys();
      o.usd = true;
    } else {
      o.kind = Operand::Kind::kFigure;
      o.figure = parse_figure_ref(orr, "scenario");
      o.figure.label = o.what;
      o.usd = orr.optional_string("unit").value_or("") == "usd";
    }
    orr.reject_unknown_keys();
    a.operands.push_back(std::move(o));
  }
  std::set<std::string> used;
  for (auto& rr : r.objects("readings", 1)) {
    Reading reading;
    reading.pointer = rr.pointer();
    reading.label = rr.string("label");
    try {
      reading.expression = Expression::parse(rr.string("expression"));
    } catch (const ExpressionError& e) {
      rr.fail("expression", e.what());
    }
    for (const auto& n : reading.expression.names()) {
      if (!names.count(n))
        rr.fail("expression", "the expression uses \"" + n + "\", which is not one of this check's operands; add it to \"operands\"");
      used.insert(n);
    }
    parse_reading_role(rr, reading, claim);
    reading.unit_id = rr.optional_string("unit").value_or(a.target.unit_id);
    reading.unit = display_unit(reading.unit_id);
    reading.unconfirmed_assumption = rr.optional_string("unconfirmed_assumption").value_or("");
    rr.reject_unknown_keys();
    a.readings.push_back(std::move(reading));
  }
  for (const auto& o : a.operands)
    if (!used.count(o.name))
      throw_input_error(JsonOrigin::kUserInput, r.file(), o.pointer,
                        "operand \"" + o.name + "\" is not used by any reading; use it or remove it");
  if (std::any_of(a.readings.begin(), a.readings.end(), [](const Reading& x) { return x.role != ReadingRole::kInfo; }))
    check_qualifier(r, a.target, claim.wording, claim.quote);
  return a;
}

Date parse_date_field(JsonReader& r, const std::string& key) {
  const std::string text = r.string(key);
  const auto d = Date::parse(text);
  if (!d) r.fail(key, "expected a date YYYY-MM-DD, got \"" + text + "\"");
  return *d;
}

SourcedFactCheck parse_sourced_fact(JsonReader& r, const nlohmann::json& original, const SourceIndex& sources) {
  SourcedFactCheck s;
  s.pointer = r.pointer();
  const auto ids = string_array(original, r.file(), r.pointer(), "sources", true);
  for (std::size_t i = 0; i < ids.size(); ++i)
    s.sources.push_back(sources.get(ids[i], r.file(), r.pointer() + "/sources/" + std::to_string(i)));
  const std::string finding = r.one_of("source_finding", {"confirmed", "contradicted", "not-found"});
  s.finding = finding == "confirmed"      ? SourceFinding::kConfirmed
              : finding == "contradicted" ? SourceFinding::kContradicted
                                          : SourceFinding::kNotFound;
  if (s.finding == SourceFinding::kNotFound)
    s.source_wording = r.optional_string("source_wording").value_or("");
  else
    s.source_wording = r.string("source_wording");
  if (original.contains("verbatim")) {
    const auto& v = original.at("verbatim");
    if (!v.is_boolean()) r.fail("verbatim", "expected true or false, got " + describe_json(v));
    s.verbatim = v.get<bool>();
  }
  if (r.has("differences")) {
    for (auto& dr : r.objects("differences", 1)) {
      Difference d;
      d.pointer = dr.pointer();
      d.what = dr.string("what");
      d.effect = dr.one_of("effect", {"supported-with-caveat", "misleading"}) == "misleading"
                     ? Verdict::kMisleading
                     : Verdict::kSupportedWithCaveat;
      dr.reject_unknown_keys();
      s.differences.push_back(std::move(d));
    }
  }
  if (auto tr = r.optional_object("timing")) {
    Timing t;
    t.pointer = tr->pointer();
    t.claimed = tr->string("claimed");
    t.claimed_from = parse_date_field(*tr, "claimed_from");
    t.claimed_to = parse_date_field(*tr, "claimed_to");
    if (t.claimed_to < t.claimed_from) tr->fail("claimed_to", "expected a date on or after claimed_from");
    t.source_date = parse_date_field(*tr, "source_date");
    tr->reject_unknown_keys();
    s.timing = t;
  }
  return s;
}

Check parse_check(const nlohmann::json& original, const std::string& file, const std::string& pointer,
                  const SourceIndex& sources, const Claim& claim) {
  Stripped stripped(original, {"sources", "verbatim"});
  JsonReader r(stripped.copy, file, pointer, JsonOrigin::kUserInput);
  const std::string type = r.one_of("type", {"computed", "arithmetic", "sourced-fact", "not-researched"});
  Check out;
  if (type == "computed") {
    out = parse_computed(r, claim);
  } else if (type == "arithmetic") {
    out = parse_arithmetic(r, sources, claim);
  } else if (type == "sourced-fact") {
    out = parse_sourced_fact(r, original, sources);
  } else {
    NotResearchedCheck n;
    n.pointer = pointer;
    n.reason = r.string("reason");
    out = n;
  }
  if (type != "sourced-fact") {
    if (original.contains("sources")) r.fail("sources", "only a sourced-fact check has \"sources\"; remove it");
    if (original.contains("verbatim")) r.fail("verbatim", "only a sourced-fact check has \"verbatim\"; remove it");
  }
  r.reject_unknown_keys();
  return out;
}

bool contributes(const Check& c) {
  if (const auto* a = std::get_if<ArithmeticCheck>(&c))
    return std::any_of(a->readings.begin(), a->readings.end(),
                       [](const Reading& r) { return r.role != ReadingRole::kInfo; });
  return true;
}

NumberKind parse_number_kind(JsonReader& r) {
  const std::string k = r.one_of("number_kind", {"percentage", "up-to-ceiling", "multiplier", "dollar-amount", "count",
                                                 "duration", "date", "statement"});
  if (k == "percentage") return NumberKind::kPercentage;
  if (k == "up-to-ceiling") return NumberKind::kUpToCeiling;
  if (k == "multiplier") return NumberKind::kMultiplier;
  if (k == "dollar-amount") return NumberKind::kDollarAmount;
  if (k == "count") return NumberKind::kCount;
  if (k == "duration") return NumberKind::kDuration;
  if (k == "date") return NumberKind::kDate;
  return NumberKind::kStatement;
}

}  // namespace

ClaimsFile parse_claims_file(const nlohmann::json& json, const std::string& file) {
  ClaimsFile out;
  out.file = file;
  // "sources" may be left out or empty (a claims file with computed checks only);
  // parse_price_sources insists on at least one, so an empty list is dropped first.
  nlohmann::json copy = json;
  const bool has_sources = copy.is_object() && copy.contains("sources") &&
                           !(copy.at("sources").is_array() && copy.at("sources").empty());
  if (copy.is_object() && !has_sources) copy.erase("sources");
  JsonReader top(copy, file, "", JsonOrigin::kUserInput);
  const auto version = top.integer("schema_version");
  if (version != 1)
    top.fail("schema_version", "expected schema_version 1, got " + std::to_string(version) +
                                   "; this costproof reads version 1 claims files");
  top.string("episode");
  if (has_sources) out.sources = parse_price_sources(top);
  const SourceIndex sources(out.sources);

  if (top.has("ignore")) {
    const auto& arr = json.at("ignore");
    std::size_t i = 0;
    for (auto& ir : top.objects("ignore")) {
      const nlohmann::json& original = arr.at(i++);
      Stripped stripped(original, {"lines"});
      JsonReader r(stripped.copy, file, ir.pointer(), JsonOrigin::kUserInput);
      IgnoreRule rule;
      rule.pointer = r.pointer();
      rule.lines = int_array(original, file, r.pointer(), "lines");
      if (auto line = r.optional_integer("line")) {
        if (!rule.lines.empty()) r.fail("line", "give \"line\" or \"lines\", not both");
        if (*line < 1 || *line > 1000000) r.fail("line", "expected a line number (1 or more), got " + std::to_string(*line));
        rule.lines.push_back(static_cast<int>(*line));
      }
      rule.text = r.optional_string("text").value_or("");
      rule.reason = r.string("reason");
      if (rule.lines.empty() && rule.text.empty())
        r.fail("", "an ignore rule needs \"line\", \"lines\" or \"text\" (or both), so it cannot silence the whole outline");
      r.reject_unknown_keys();
      out.ignore.push_back(std::move(rule));
    }
  }

  std::set<std::string> ids;
  const auto& claims_json = json.contains("claims") ? json.at("claims") : nlohmann::json();
  std::size_t index = 0;
  for (auto& cr : top.objects("claims", 1)) {
    const nlohmann::json& original = claims_json.at(index++);
    Claim c;
    c.pointer = cr.pointer();
    c.id = cr.string("id");
    if (!is_lowercase_id(c.id))
      cr.fail("id", "expected lower-case letters, digits and '-' (e.g. \"g5-cores\"), got \"" + c.id + "\"");
    if (!ids.insert(c.id).second) cr.fail("id", "duplicate claim id \"" + c.id + "\"");
    c.topic = cr.string("topic");
    c.quote = cr.string("quote");
    c.wording = classify_quote(c.quote);
    c.number_kind = parse_number_kind(cr);
    for (auto& orr : cr.objects("outline", 1)) {
      OutlineRef o;
      o.pointer = orr.pointer();
      const auto line = orr.integer("line");
      if (line < 1 || line > 1000000) orr.fail("line", "expected a line number (1 or more), got " + std::to_string(line));
      o.line = static_cast<int>(line);
      o.text = orr.string("text");
      orr.reject_unknown_keys();
      c.outline.push_back(std::move(o));
    }
    // Checks: read from the original JSON so that each check can strip its own array keys.
    cr.objects("checks", 1);  // marks the key known and checks the shape
    const auto& checks = original.at("checks");
    for (std::size_t i = 0; i < checks.size(); ++i)
      c.checks.push_back(parse_check(checks[i], file, cr.pointer_to("checks") + "/" + std::to_string(i), sources, c));
    if (std::none_of(c.checks.begin(), c.checks.end(), contributes))
      cr.fail("checks", "every check of this claim is informational (arithmetic readings with role \"info\" only); "
                        "add a check or a reading that can decide a verdict");
    c.note = cr.optional_string("note").value_or("");
    c.suggested_wording = cr.optional_string("suggested_wording").value_or("");
    cr.reject_unknown_keys();
    out.claims.push_back(std::move(c));
  }
  top.reject_unknown_keys();
  return out;
}

}  // namespace costproof
