// Unit tests for calc/claims/claim.h and calc/claims/claim_check.h: parsing claims files and
// known answers for every check kind and verdict rule (docs/claims.md).
#include "claims/claim_check.h"

#include <string>

#include <gtest/gtest.h>

#include "claims/claim.h"
#include "core/error.h"

namespace costproof {
namespace {

using nlohmann::json;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

template <typename E, typename F>
std::string message_of(F&& f) {
  try {
    f();
  } catch (const E& e) {
    return e.what();
  }
  ADD_FAILURE() << "expected an exception, none was thrown";
  return "";
}

json source(const std::string& id, const std::string& as_of = "2026-01-01") {
  return {{"id", id},      {"title", "source " + id}, {"url", "https://example.com/" + id},
          {"as_of", as_of}, {"trust", "C"},           {"trust_note", "test"}};
}

// A claims file with one claim holding `checks`. The default quote names no metric and no
// number, so the rubric leaves roles and comparisons to the test.
json claims_with(const json& checks, const std::string& quote = "better", const std::string& wording = "") {
  json claim = {{"id", "c1"},
                {"topic", "t"},
                {"quote", quote},
                {"number_kind", "percentage"},
                {"outline", json::array({{{"line", 1}, {"text", "x"}}})},
                {"checks", checks}};
  if (!wording.empty()) claim["suggested_wording"] = wording;
  return {{"schema_version", 1},
          {"episode", "999"},
          {"sources", json::array({source("s1"), source("s2", "2023-10-12")})},
          {"claims", json::array({claim})}};
}

// Scenario JSON standing in for any kind's render_json output.
struct Fixture {
  nlohmann::ordered_json scenario_a = nlohmann::ordered_json::parse(
      R"({"same_count": {"monthly_saving_usd": {"exact": "193.4208", "rounded": "193.42"}, "pct": "11.0"},
          "adjusted": {"monthly_saving_usd": {"exact": "-3657.008", "rounded": "-3657.01"}, "pct": "-9.0"},
          "ceiling": "35"})");
  std::vector<ScenarioFigures> scenarios{{"a", "Scenario A", "a.json", &scenario_a, {}}};
  PriceCatalog catalog;
  SourceNotes notes;

  Fixture() {
    catalog.add_table(parse_price_table(json::parse(R"({
      "schema_version": 1, "provider": "aws", "region": "us-east-1", "service": "vpc", "currency": "USD",
      "description": "test", "sources": [{"id": "p", "title": "price source", "url": "https://example.com/p",
      "as_of": "2025-10-28", "trust": "A", "trust_note": "test"}],
      "rows": [{"key": "nat-gateway-hour", "unit": "hour", "price": "0.045", "source": "p"}]})"),
                                        "pricing-data/aws/us-east-1/vpc.json"));
  }

  std::vector<ClaimOutcome> run(const json& claims_json) {
    claims = parse_claims_file(claims_json, "claims.json");
    CheckContext ctx;
    ctx.scenarios = &scenarios;
    ctx.catalog = &catalog;
    ctx.notes = &notes;
    return check_claims(claims, ctx);
  }
  ClaimsFile claims;
};

json computed(const std::string& compare, const std::string& quoted, const std::string& scope, const json& figures,
              const std::string& tolerance = "") {
  json c = {{"type", "computed"}, {"quoted", quoted}, {"unit", "usd"}, {"compare", compare}, {"scope", scope},
            {"figures", figures}};
  if (!tolerance.empty()) c["tolerance"] = tolerance;
  return c;
}

json figure(const std::string& pointer) { return {{"scenario", "a"}, {"figure", pointer}}; }

// ---------------------------------------------------------------- computed

TEST(ComputedCheckTest, HoldsForEveryFigureIsSupported) {
  Fixture f;
  const auto out = f.run(claims_with(json::array({computed("greater-than", "0", "every-case",
                                                           json::array({figure("/same_count/monthly_saving_usd")}))})));
  EXPECT_EQ(out[0].verdict, Verdict::kSupported);
  EXPECT_TRUE(contains(out[0].why, "$193.4208 (holds)")) << out[0].why;
}

TEST(ComputedCheckTest, HoldsForSomeDependsOnScope) {
  const json figures = json::array({figure("/same_count/monthly_saving_usd"), figure("/adjusted/monthly_saving_usd")});
  Fixture every, some;
  EXPECT_EQ(every.run(claims_with(json::array({computed("greater-than", "0", "every-case", figures)}), "x", "w"))[0].verdict,
            Verdict::kMisleading);
  EXPECT_EQ(some.run(claims_with(json::array({computed("greater-than", "0", "some-cases", figures)}), "x", "w"))[0].verdict,
            Verdict::kSupportedWithCaveat);
}

TEST(ComputedCheckTest, HoldsForNoneIsContradicted) {
  Fixture f;
  const auto out = f.run(claims_with(
      json::array({computed("at-least", "30", "every-case", json::array({figure("/adjusted/monthly_saving_usd")}))}), "x",
      "w"));
  EXPECT_EQ(out[0].verdict, Verdict::kContradicted);
}

TEST(ComputedCheckTest, CeilingReachedIsSupportedNeverReachedIsCaveatExceededIsMisleading) {
  Fixture a, b, c;
  EXPECT_EQ(a.run(claims_with(json::array({computed("ceiling", "35", "every-case",
                                                    json::array({figure("/ceiling"), figure("/same_count/pct")}), "0.05")})))[0]
                .verdict,
            Verdict::kSupported);
  EXPECT_EQ(b.run(claims_with(json::array({computed("ceiling", "35", "every-case", json::array({figure("/same_count/pct")}),
                                                    "0.05")}),
                              "x", "w"))[0]
                .verdict,
            Verdict::kSupportedWithCaveat);
  EXPECT_EQ(c.run(claims_with(json::array({computed("ceiling", "10", "every-case", json::array({figure("/same_count/pct")}),
                                                    "0.05")}),
                              "x", "w"))[0]
                .verdict,
            Verdict::kMisleading);
}

json percent_check(const std::string& compare, const std::string& quoted, const json& figures) {
  json c = computed(compare, quoted, "every-case", figures, "0.05");
  c["unit"] = "percent";
  c["base"] = "eligible spend";
  return c;
}

TEST(ComputedCheckTest, PercentCheckWithoutBaseIsAnErrorSayingWhatToAdd) {
  Fixture f;
  json c = percent_check("ceiling", "35", json::array({figure("/ceiling")}));
  c.erase("base");
  const std::string m = message_of<InputError>([&] { f.run(claims_with(json::array({c}))); });
  EXPECT_TRUE(contains(m, "claims.json: /claims/0/checks/0/base: a percentage check must say what the quoted percentage is of"))
      << m;
}

TEST(ComputedCheckTest, FigureOnAnotherBaseIsContextNotCompared) {
  // 11.0 is on the check's base; -9.0 (another base) would make the ceiling
  // check's verdict differ if it were counted as "never reached".
  json other = figure("/adjusted/pct");
  other["base"] = "the whole bill";
  other["label"] = "whole bill";
  Fixture f;
  const auto out =
      f.run(claims_with(json::array({percent_check("ceiling", "35", json::array({figure("/ceiling"), other}))})));
  EXPECT_EQ(out[0].verdict, Verdict::kSupported);
  EXPECT_TRUE(contains(out[0].why, "ceiling 35% of eligible spend")) << out[0].why;
  EXPECT_TRUE(contains(out[0].why, "reaches it in 1 of 1 figures")) << out[0].why;
  EXPECT_TRUE(contains(out[0].why, "For context, on another base (not compared): whole bill -9% of the whole bill"))
      << out[0].why;
}

TEST(ComputedCheckTest, EveryFigureOnAnotherBaseIsAnError) {
  json other = figure("/adjusted/pct");
  other["base"] = "the whole bill";
  Fixture f;
  const std::string m = message_of<InputError>(
      [&] { f.run(claims_with(json::array({percent_check("ceiling", "35", json::array({other}))}))); });
  EXPECT_TRUE(contains(m, "/claims/0/checks/0/figures: every figure is on another base")) << m;
}

TEST(ComputedCheckTest, BaseOnANonPercentFigureIsAnError) {
  json fig = figure("/same_count/monthly_saving_usd");
  fig["base"] = "x";
  Fixture f;
  const std::string m = message_of<InputError>(
      [&] { f.run(claims_with(json::array({computed("at-least", "1", "every-case", json::array({fig}))}))); });
  EXPECT_TRUE(contains(m, "/claims/0/checks/0/figures/0/base: \"base\" applies to percentage figures only")) << m;
}

TEST(ComputedCheckTest, MissingScenarioIsAnErrorNamingTheClaimPointer) {
  Fixture f;
  json fig = figure("/same_count/pct");
  fig["scenario"] = "nope";
  const std::string m = message_of<InputError>(
      [&] { f.run(claims_with(json::array({computed("at-least", "1", "every-case", json::array({fig}))}))); });
  EXPECT_TRUE(contains(m, "claims.json: /claims/0/checks/0/figures/0/scenario: no scenario with id \"nope\"")) << m;
}

TEST(ComputedCheckTest, MissingFigureIsAnErrorListingWhatExists) {
  Fixture f;
  const std::string m = message_of<InputError>([&] {
    f.run(claims_with(json::array({computed("at-least", "1", "every-case", json::array({figure("/same_count/nope")}))})));
  });
  EXPECT_TRUE(contains(m, "/claims/0/checks/0/figures/0/figure: scenario \"a\" has no figure at \"/same_count/nope\""))
      << m;
  EXPECT_TRUE(contains(m, "monthly_saving_usd, pct")) << m;
}

// ---------------------------------------------------------------- arithmetic

json arithmetic(const json& operands, const json& readings, const std::string& quoted = "4",
                const std::string& compare = "approximately", const std::string& tolerance = "0.5") {
  json a = {{"type", "arithmetic"}, {"quoted", quoted}, {"unit", "x"}, {"compare", compare}, {"operands", operands},
            {"readings", readings}};
  if (!tolerance.empty()) a["tolerance"] = tolerance;
  return a;
}

json value(const std::string& name, const std::string& v) {
  return {{"name", name}, {"what", name}, {"value", v}, {"source", "s1"}};
}

json reading(const std::string& label, const std::string& expr, const std::string& role) {
  return {{"label", label}, {"expression", expr}, {"role", role}};
}

const json kTrainiumOperands = json::array({value("c3", "144"), value("t3", "2517"), value("c2", "64"), value("t2", "1299")});

TEST(ArithmeticCheckTest, UltraServerRatioMatchesPerChipIsACaveat) {
  Fixture f;
  const auto out = f.run(claims_with(
      json::array({arithmetic(kTrainiumOperands, json::array({reading("UltraServer", "(c3 * t3) / (c2 * t2)", "claim"),
                                                               reading("per chip", "t3 / t2", "caveat")}))}),
      "4x", "w"));
  EXPECT_EQ(out[0].verdict, Verdict::kSupportedWithCaveat);
  EXPECT_TRUE(contains(out[0].why, "(144 × 2,517) ÷ (64 × 1,299) ≈ 4.3597 (rounded to 4 places), within ±0.5 of the quoted 4x"))
      << out[0].why;
  EXPECT_TRUE(contains(out[0].why, "2,517 ÷ 1,299 ≈ 1.9376 (rounded to 4 places), not within ±0.5")) << out[0].why;
}

TEST(ArithmeticCheckTest, RolesDecideTheMismatchVerdict) {
  Fixture claim, metric, caveat;
  // A quote whose wording names no metric: the claims file states the role.
  auto run = [](Fixture& f, const std::string& role) {
    return f.run(claims_with(json::array({arithmetic(json::array({value("m", "4")}),
                                                     json::array({reading("same comparison", "(1 - 1 / m) * 100", role)}),
                                                     "50", "approximately", "0.5")}),
                             "a 50% reduction", "w"))[0];
  };
  EXPECT_EQ(run(claim, "claim").verdict, Verdict::kContradicted);
  EXPECT_EQ(run(metric, "different-metric").verdict, Verdict::kMisleading);
  EXPECT_EQ(run(caveat, "caveat").verdict, Verdict::kSupportedWithCaveat);
}

// ---------------------------------------------------------------- the rubric: roles from the quote's wording

json derived(const std::string& label, const std::string& expr, const std::string& metric,
             const std::string& variant = "") {
  json r = {{"label", label}, {"expression", expr}, {"metric", metric}};
  if (!variant.empty()) r["variant"] = variant;
  return r;
}

// One reading of 4 → (1 − 1/4) × 100 = 75, checked against the quoted 50 (a mismatch), under `quote`.
ClaimOutcome one_reading(Fixture& f, const std::string& quote, const json& r) {
  return f.run(claims_with(
      json::array({arithmetic(json::array({value("m", "4")}), json::array({r}), "50", "approximately", "0.5")}), quote,
      "w"))[0];
}

TEST(RubricTest, TheQuotesWordingDerivesTheRole) {
  struct Case {
    std::string quote, metric, variant, role;
    int rule;
    Verdict verdict;  // of the mismatching reading
  };
  const Case cases[] = {
      {"50% cost reduction", "price", "", "claim", 1, Verdict::kContradicted},
      {"50% cheaper", "price", "tier", "caveat", 5, Verdict::kSupportedWithCaveat},
      {"50% cost reduction", "price-performance", "", "different-metric", 3, Verdict::kMisleading},
      {"50% cost reduction", "work", "size", "different-metric", 3, Verdict::kMisleading},
      {"50% faster", "work", "", "claim", 2, Verdict::kContradicted},
      {"50% better price-performance", "price-performance", "", "claim", 2, Verdict::kContradicted},
      {"50% better price-performance", "price", "", "different-metric", 4, Verdict::kMisleading},
      {"50% faster", "price-performance", "", "different-metric", 4, Verdict::kMisleading},
      {"50% faster", "work", "per-unit", "caveat", 5, Verdict::kSupportedWithCaveat},
  };
  for (const auto& c : cases) {
    Fixture f;
    const auto out = one_reading(f, c.quote, derived("r", "(1 - 1 / m) * 100", c.metric, c.variant));
    const auto& reading = f.claims.claims[0].checks[0];
    const auto& r = std::get<ArithmeticCheck>(reading).readings[0];
    EXPECT_EQ(reading_role_id(r.role), c.role) << c.quote << " / " << c.metric;
    EXPECT_EQ(r.rubric_rule, c.rule) << c.quote << " / " << c.metric;
    EXPECT_EQ(out.verdict, c.verdict) << c.quote << " / " << c.metric;
  }
}

TEST(RubricTest, TheExplanationSaysWhichWordsDecided) {
  Fixture f;
  const auto out = f.run(claims_with(
      json::array({arithmetic(json::array({value("m", "20"), value("n", "18.8")}),
                              json::array({derived("first tiers", "m", "price"),
                                           derived("through the tiers", "n", "price", "tier"),
                                           derived("per unit of work", "m * 2", "price-performance")}),
                              "20", "approximately", "0.5")}),
      "Lambda on Arm is 20% cheaper than x86", "w"))[0];
  EXPECT_TRUE(contains(out.why, "The quote says \"cheaper\", so a price reading is the claim (rubric rule 1), one with "
                                "another tier is a caveat (rubric rule 5) and a price-performance reading is a "
                                "different metric (rubric rule 3)."))
      << out.why;
  EXPECT_EQ(out.checks[0].data["wording"]["metric"], "price");
  EXPECT_EQ(out.checks[0].data["readings"][1]["variant"], "tier");
  EXPECT_EQ(out.checks[0].data["readings"][1]["rubric_rule"], 5);
}

TEST(RubricTest, UndecidedWordingKeepsTheStatedRoleAndSaysSo) {
  Fixture f;
  const auto out = one_reading(f, "50% cheaper and 2x faster", reading("r", "(1 - 1 / m) * 100", "caveat"));
  EXPECT_EQ(out.verdict, Verdict::kSupportedWithCaveat);
  bool said = false;
  for (const auto& line : out.checks[0].lines)
    said = said || line == "The quote says \"cheaper\" (price) and \"faster\" (work), words of more than one metric, "
                           "so the rubric cannot decide the roles: they are as the claims file states them.";
  EXPECT_TRUE(said);
  Fixture g;
  const std::string m = message_of<InputError>([&] { one_reading(g, "50% cheaper and 2x faster", derived("r", "m", "price")); });
  EXPECT_EQ(m, "claims.json: /claims/0/checks/0/readings/0: missing \"role\": the quote \"50% cheaper and 2x faster\" "
               "says \"cheaper\" (price) and \"faster\" (work), so the rubric cannot derive the role; add \"role\" "
               "(\"claim\", \"caveat\", \"different-metric\" or \"info\") by docs/claims.md, \"The verdict rubric\"");
}

// Two producers model the same claim; one swaps the roles. Before the rubric was code that
// changed the verdict; now it is an error naming the words that decide.
TEST(RubricTest, SwappedRolesAreAnErrorNotAnotherVerdict) {
  Fixture f;
  json swapped = derived("730-hour month", "m", "price");
  swapped["role"] = "caveat";
  const std::string m = message_of<InputError>([&] { one_reading(f, "50% cheaper", swapped); });
  EXPECT_EQ(m, "claims.json: /claims/0/checks/0/readings/0/role: \"role\": \"caveat\" contradicts the role the rubric "
               "gives this reading, claim (rule 1): the quote \"50% cheaper\" says \"cheaper\" (price), so the role "
               "follows from what this reading computes: a reading of the price is the claim, with a \"variant\" a "
               "caveat, of another metric different-metric; remove \"role\" (it is written only when the quote's "
               "wording is undecided)");
  Fixture g;
  const std::string repeated = message_of<InputError>([&] { one_reading(g, "50% cheaper", reading("r", "m", "claim")); });
  EXPECT_TRUE(contains(repeated, "/readings/0/role: ")) << repeated;
  EXPECT_TRUE(contains(repeated, "replace \"role\" with \"metric\"")) << repeated;
  Fixture h;  // "role": "info" is written on any quote, and stays info
  h.run(claims_with(json::array({arithmetic(json::array({value("m", "4")}),
                                            json::array({derived("r", "m", "price"), reading("context", "m * 2", "info")}),
                                            "4", "approximately", "0.5")}),
                    "4% cheaper", "w"));
  EXPECT_EQ(std::get<ArithmeticCheck>(h.claims.claims[0].checks[0]).readings[1].role, ReadingRole::kInfo);
}

TEST(RubricTest, AVariantNeedsAMetric) {
  Fixture f;
  json r = reading("r", "m", "caveat");
  r["variant"] = "tier";
  EXPECT_TRUE(contains(message_of<InputError>([&] { one_reading(f, "50% more", r); }),
                       "/readings/0/variant: a \"variant\" is another reading of a metric"));
}

TEST(RubricTest, TheComparisonMustFitTheQuotesQualifier) {
  struct Case {
    std::string quote, compare;
    bool allowed;
  };
  const Case cases[] = {
      {"up to 35% cheaper", "ceiling", true},     {"up to 35% cheaper", "at-most", true},
      {"up to 35% cheaper", "approximately", false}, {"about 35% cheaper", "approximately", true},
      {"about 35% cheaper", "at-least", false},    {"more than 35% cheaper", "greater-than", true},
      {"$35+ a month", "at-least", true},          {"35% cheaper", "approximately", true},
      {"35% cheaper", "ceiling", false},           {"35% cheaper", "at-least", false},
      {"costs less than $35", "less-than", true},  {"cheaper", "greater-than", true},  // no number: any
  };
  for (const auto& c : cases) {
    Fixture f;
    const json check = computed(c.compare, "35", "some-cases", json::array({figure("/ceiling")}),
                                c.compare == "ceiling" || c.compare == "approximately" ? "0.5" : "");
    std::string m;
    try {
      f.run(claims_with(json::array({check}), c.quote, "w"));
    } catch (const InputError& e) {
      m = e.what();
    }
    EXPECT_EQ(m.empty(), c.allowed) << c.quote << " / " << c.compare << ": " << m;
  }
  Fixture g;
  const std::string m = message_of<InputError>([&] {
    g.run(claims_with(json::array({computed("approximately", "35", "every-case", json::array({figure("/ceiling")}), "0.5")}),
                      "Up to 35% savings", "w"));
  });
  EXPECT_EQ(m, "claims.json: /claims/0/checks/0/compare: the quote \"Up to 35% savings\" says \"Up to\" (a ceiling), so "
               "\"compare\" must be \"ceiling\" or \"at-most\", not \"approximately\"; change \"compare\" "
               "(docs/claims.md, \"The verdict rubric\"), or the quote if it words the claim wrongly");
}

TEST(ArithmeticCheckTest, AnUnconfirmedAssumptionIsShownAndMakesACaveat) {
  Fixture f;
  json r = reading("the fee after a 30% discount", "m / (100 - 30) * 100", "info");
  r["unconfirmed_assumption"] = "that the plan does not discount the fee";
  const auto out = f.run(claims_with(
      json::array({arithmetic(json::array({value("m", "15")}), json::array({r, reading("fee", "m", "claim")}), "15",
                              "approximately", "0")}),
      "a 15% premium", "w"))[0];
  EXPECT_EQ(out.verdict, Verdict::kSupportedWithCaveat);
  EXPECT_TRUE(contains(out.why, "(assuming that the plan does not discount the fee, which the sources do not confirm)"))
      << out.why;
}

// Issue 14, finding 8: names keep their case, quoted amounts keep their cents.
TEST(ArithmeticCheckTest, LabelsKeepNamesAndQuotedDollarsKeepCents) {
  for (const std::string label : {"us-east-1 prices", "m7g.xlarge", "fck-nat instead"}) {
    Fixture f;
    const auto out = f.run(claims_with(
        json::array({arithmetic(json::array({value("m", "4")}), json::array({reading(label, "m", "claim")}))}), "4x"))[0];
    EXPECT_TRUE(contains(out.why, label + ": 4")) << out.why;
  }
  Fixture g;
  const auto plain = g.run(claims_with(
      json::array({arithmetic(json::array({value("m", "4")}), json::array({reading("price-performance", "m", "claim")}))}),
      "4x"))[0];
  EXPECT_TRUE(contains(plain.why, "Price-performance: 4")) << plain.why;
  QuotedTarget t;
  t.unit = DisplayUnit::kUsd;
  t.quoted = Decimal::parse("43.8");
  EXPECT_EQ(quoted_text(t), "$43.80");
  t.quoted = Decimal::parse("30");
  EXPECT_EQ(quoted_text(t), "$30");
  t.quoted = Decimal::parse("-0.5");
  EXPECT_EQ(quoted_text(t), "-$0.50");
}

TEST(ArithmeticCheckTest, InfoOnlyClaimIsRefused) {
  Fixture f;
  const std::string m = message_of<InputError>([&] {
    f.run(claims_with(json::array({arithmetic(json::array({value("m", "4")}), json::array({reading("r", "m", "info")}))})));
  });
  EXPECT_TRUE(contains(m, "every check of this claim is informational")) << m;
}

TEST(ArithmeticCheckTest, PriceOperandsComeFromThePriceTablesWithTheirSource) {
  Fixture f;
  const json op = {{"name", "nat"}, {"what", "NAT hour"},
                   {"price", {{"service", "vpc"}, {"region", "us-east-1"}, {"key", "nat-gateway-hour"}}}};
  json check = arithmetic(json::array({op}), json::array({{{"label", "one NAT gateway"}, {"expression", "nat * 730"},
                                                           {"role", "claim"}, {"unit", "usd"}}}),
                          "30", "at-least", "");
  check["unit"] = "usd";
  const auto out = f.run(claims_with(json::array({check}), "$30+"));
  EXPECT_EQ(out[0].verdict, Verdict::kSupported);
  EXPECT_TRUE(contains(out[0].why, "$0.045 × 730 = $32.85, at least the quoted $30")) << out[0].why;
  ASSERT_EQ(out[0].price_sources.size(), 1u);
  EXPECT_EQ(out[0].price_sources[0]->as_of.to_string(), "2025-10-28");
}

// A row with a price history: $1.25 (source "old", dated 2024-06-01) until 2024-10-31, $0.625
// (source "cur") from 2024-11-01.
void add_dated_row(PriceCatalog& catalog) {
  catalog.add_table(parse_price_table(json::parse(R"({
    "schema_version": 1, "provider": "aws", "region": "us-east-1", "service": "dynamodb", "currency": "USD",
    "description": "test", "sources": [
      {"id": "cur", "title": "current price", "url": "https://example.com/cur", "as_of": "2025-10-28", "trust": "A", "trust_note": "test"},
      {"id": "old", "title": "pre-cut price", "url": "https://example.com/old", "as_of": "2024-06-01", "trust": "A", "trust_note": "test"}],
    "rows": [{"key": "wru", "unit": "write-request-unit", "per": "1000000", "price": "0.625", "source": "cur",
              "effective_from": "2024-11-01", "history": [{"price": "1.25", "source": "old"}]}]})"),
                                      "pricing-data/aws/us-east-1/dynamodb.json"));
}

json dated_price(const std::string& name, const std::string& as_of) {
  json price = {{"service", "dynamodb"}, {"region", "us-east-1"}, {"key", "wru"}};
  if (!as_of.empty()) price["as_of"] = as_of;
  return {{"name", name}, {"what", name}, {"price", price}};
}

TEST(ArithmeticCheckTest, APastPriceLookedUpByDateIsNotJudgedForStaleness) {
  // Before and after the cut, both by date: the pre-cut price is that date's price by design,
  // so only the current price's source is judged for age.
  Fixture f;
  add_dated_row(f.catalog);
  json check = arithmetic(json::array({dated_price("before", "2024-10-31"), dated_price("after", "2024-11-01")}),
                          json::array({reading("cut", "before / after", "claim")}), "2", "approximately", "0.5");
  const auto out = f.run(claims_with(json::array({check}), "halved"));
  EXPECT_EQ(out[0].verdict, Verdict::kSupported);
  ASSERT_EQ(out[0].price_sources.size(), 1u);
  EXPECT_EQ(out[0].price_sources[0]->id, "cur");
  // The pre-cut source is still cited (a footnote), just not judged.
  bool cited_old = false;
  for (const auto& s : f.notes.sources()) cited_old = cited_old || s->id == "old";
  EXPECT_TRUE(cited_old);
}

TEST(ArithmeticCheckTest, ACurrentPriceIsJudgedWithOrWithoutADate) {
  Fixture f;
  add_dated_row(f.catalog);
  json check = arithmetic(json::array({dated_price("now", ""), dated_price("after", "2024-11-01")}),
                          json::array({reading("same", "now / after", "claim")}), "1", "approximately", "0.5");
  const auto out = f.run(claims_with(json::array({check}), "1x"));
  ASSERT_EQ(out[0].price_sources.size(), 2u);
  EXPECT_EQ(out[0].price_sources[0]->id, "cur");
  EXPECT_EQ(out[0].price_sources[1]->id, "cur");
}

TEST(ArithmeticCheckTest, MissingPriceIsAnErrorNamingTheOperand) {
  Fixture f;
  const json op = {{"name", "nat"}, {"what", "NAT hour"},
                   {"price", {{"service", "vpc"}, {"region", "eu-west-1"}, {"key", "nat-gateway-hour"}}}};
  const std::string m = message_of<InputError>([&] {
    f.run(claims_with(json::array({arithmetic(json::array({op}), json::array({reading("r", "nat", "claim")}))})));
  });
  EXPECT_TRUE(contains(m, "claims.json: /claims/0/checks/0/operands/0/price:")) << m;
}

TEST(ArithmeticCheckTest, UnknownOperandAndUnusedOperandAreErrors) {
  Fixture a, b;
  EXPECT_TRUE(contains(message_of<InputError>([&] {
                         a.run(claims_with(json::array({arithmetic(json::array({value("m", "4")}),
                                                                   json::array({reading("r", "m * k", "claim")}))})));
                       }),
                       "uses \"k\", which is not one of this check's operands"));
  EXPECT_TRUE(contains(message_of<InputError>([&] {
                         b.run(claims_with(json::array({arithmetic(json::array({value("m", "4"), value("k", "1")}),
                                                                   json::array({reading("r", "m", "claim")}))})));
                       }),
                       "operand \"k\" is not used by any reading"));
}

// ---------------------------------------------------------------- sourced facts

json fact(const std::string& finding, const std::string& wording, const json& extra = json::object()) {
  json f = {{"type", "sourced-fact"}, {"sources", json::array({"s1"})}, {"source_finding", finding}};
  if (!wording.empty()) f["source_wording"] = wording;  // a not-found finding may have none
  f.update(extra);
  return f;
}

TEST(SourcedFactTest, TheSourceFindingDecides) {
  Fixture a, b, c;
  EXPECT_EQ(a.run(claims_with(json::array({fact("confirmed", "25% better than before")})))[0].verdict,
            Verdict::kSupported);
  EXPECT_EQ(b.run(claims_with(json::array({fact("contradicted", "10% better")}), "25% better", "w"))[0].verdict,
            Verdict::kContradicted);
  EXPECT_EQ(c.run(claims_with(json::array({fact("not-found", "")}), "25% better", "w"))[0].verdict, Verdict::kUnverified);
}

TEST(SourcedFactTest, DroppingUpToIsACaveatAutomatically) {
  Fixture a, b, c;
  const auto dropped = a.run(claims_with(json::array({fact("confirmed", "up to 25% better compute performance")}),
                                         "25% better compute performance", "up to 25% better"))[0];
  EXPECT_EQ(dropped.verdict, Verdict::kSupportedWithCaveat);
  EXPECT_TRUE(contains(dropped.why, "The source says \"up to\"; the quote drops it.")) << dropped.why;
  EXPECT_EQ(b.run(claims_with(json::array({fact("confirmed", "up to 25% better compute performance")}),
                              "Up to 25% better compute performance"))[0]
                .verdict,
            Verdict::kSupported);
  // "up to one year" and "from seconds to 1 year" keep the ceiling; "up to" before another number does not count.
  EXPECT_EQ(c.run(claims_with(json::array({fact("confirmed", "execute for up to one year")}),
                              "Workflows can run from seconds to 1 year"))[0]
                .verdict,
            Verdict::kSupported);
}

TEST(SourcedFactTest, AQuotedNumberMissingFromTheWordingIsUnverified) {
  Fixture f;
  const auto out = f.run(claims_with(json::array({fact("confirmed", "4.4x more compute")}), "4x performance", "w"))[0];
  EXPECT_EQ(out.verdict, Verdict::kUnverified);
  EXPECT_TRUE(contains(out.why, "The quoted \"4x\" is not in the cited wording")) << out.why;
}

TEST(SourcedFactTest, DifferencesCarryTheirEffect) {
  Fixture a, b;
  const json caveat = {{"differences", json::array({{{"what", "per core"}, {"effect", "supported-with-caveat"}}})}};
  const json misleading = {{"differences", json::array({{{"what", "vs GPUs"}, {"effect", "misleading"}}})}};
  EXPECT_EQ(a.run(claims_with(json::array({fact("confirmed", "25% better", caveat)}), "25% better", "w"))[0].verdict,
            Verdict::kSupportedWithCaveat);
  EXPECT_EQ(b.run(claims_with(json::array({fact("confirmed", "25% better", misleading)}), "25% better", "w"))[0].verdict,
            Verdict::kMisleading);
}

TEST(SourcedFactTest, TimingBeforeTheClaimedPeriodIsMisleadingAfterIsACaveat) {
  Fixture a, b, c;
  auto timing = [](const std::string& source_date) {
    return json{{"timing",
                 {{"claimed", "a re:Invent 2025 launch"},
                  {"claimed_from", "2025-11-30"},
                  {"claimed_to", "2025-12-05"},
                  {"source_date", source_date}}}};
  };
  const auto old_news = a.run(claims_with(json::array({fact("confirmed", "IPv6 egress", timing("2023-10-12"))}),
                                          "IPv6 egress", "w"))[0];
  EXPECT_EQ(old_news.verdict, Verdict::kMisleading);
  EXPECT_TRUE(contains(old_news.why, "The source dates it 2023-10-12, 780 days before 2025-11-30")) << old_news.why;
  EXPECT_EQ(b.run(claims_with(json::array({fact("confirmed", "IPv6 egress", timing("2026-06-10"))}), "IPv6 egress", "w"))[0]
                .verdict,
            Verdict::kSupportedWithCaveat);
  EXPECT_EQ(c.run(claims_with(json::array({fact("confirmed", "IPv6 egress", timing("2025-12-02"))}), "IPv6 egress"))[0]
                .verdict,
            Verdict::kSupported);
}

TEST(SourcedFactTest, MissingSourceIdIsAnErrorNamingThePointer) {
  Fixture f;
  json check = fact("confirmed", "x");
  check["sources"] = json::array({"s1", "nope"});
  const std::string m = message_of<InputError>([&] { f.run(claims_with(json::array({check}))); });
  EXPECT_TRUE(contains(m, "claims.json: /claims/0/checks/0/sources/1: no source with id \"nope\"")) << m;
}

// ---------------------------------------------------------------- claims

TEST(ClaimTest, WorstCheckWinsAndNotResearchedIsUnverified) {
  Fixture f;
  const json checks = json::array({fact("confirmed", "25% better"), {{"type", "not-researched"}, {"reason", "later"}}});
  const auto out = f.run(claims_with(checks, "25% better", "w"))[0];
  EXPECT_EQ(out.verdict, Verdict::kUnverified);
  EXPECT_TRUE(contains(out.why, "Not researched yet: later.")) << out.why;
}

TEST(ClaimTest, ShortOfSupportedNeedsASuggestedWording) {
  Fixture f;
  const std::string m =
      message_of<InputError>([&] { f.run(claims_with(json::array({fact("contradicted", "10% better")}))); });
  EXPECT_TRUE(contains(m, "claims.json: /claims/0: the checks make claim \"c1\" contradicted, so it needs a "
                          "\"suggested_wording\""))
      << m;
}

TEST(ClaimTest, SourcesAreNumberedOnceForThePage) {
  Fixture f;
  const json checks = json::array({fact("confirmed", "25% better")});
  const auto out = f.run(claims_with(checks));
  ASSERT_EQ(f.notes.sources().size(), 1u);
  EXPECT_EQ(out[0].source_numbers, std::vector<int>{1});
}

TEST(ClaimTest, UnknownKeysAndBadIdsAreRefused) {
  json j = claims_with(json::array({fact("confirmed", "25% better")}));
  j["claims"][0]["qoute"] = "typo";
  EXPECT_TRUE(contains(message_of<InputError>([&] { parse_claims_file(j, "claims.json"); }), "/claims/0/qoute: unknown field"));
  json k = claims_with(json::array({fact("confirmed", "25% better")}));
  k["claims"][0]["id"] = "Bad Id";
  EXPECT_TRUE(contains(message_of<InputError>([&] { parse_claims_file(k, "claims.json"); }), "/claims/0/id"));
}

TEST(VerdictTest, SeverityOrder) {
  EXPECT_EQ(worse(Verdict::kSupported, Verdict::kSupportedWithCaveat), Verdict::kSupportedWithCaveat);
  EXPECT_EQ(worse(Verdict::kUnverified, Verdict::kMisleading), Verdict::kMisleading);
  EXPECT_EQ(worse(Verdict::kContradicted, Verdict::kMisleading), Verdict::kContradicted);
  EXPECT_EQ(verdict_id(Verdict::kSupportedWithCaveat), "supported-with-caveat");
  EXPECT_EQ(verdict_label(Verdict::kSupportedWithCaveat), "supported with caveat");
}

}  // namespace
}  // namespace costproof
