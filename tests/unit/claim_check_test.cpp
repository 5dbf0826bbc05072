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

// A claims file with one claim holding `checks`.
json claims_with(const json& checks, const std::string& quote = "25% better", const std::string& wording = "") {
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
  Fixture claim, metric;
  // 4x performance vs a 50% cost cut: at the same price 4x is (1 − 1/4) × 100 = 75% lower cost per unit of work.
  auto run = [](Fixture& f, const std::string& role) {
    return f.run(claims_with(json::array({arithmetic(json::array({value("m", "4")}),
                                                     json::array({reading("same comparison", "(1 - 1 / m) * 100", role)}),
                                                     "50", "approximately", "0.5")}),
                             "50% cost reduction", "w"))[0];
  };
  EXPECT_EQ(run(claim, "claim").verdict, Verdict::kContradicted);
  EXPECT_EQ(run(metric, "different-metric").verdict, Verdict::kMisleading);
}

TEST(ArithmeticCheckTest, AnUnconfirmedAssumptionIsShownAndMakesACaveat) {
  Fixture f;
  json r = reading("the fee after a 30% discount", "m / (100 - 30) * 100", "info");
  r["unconfirmed_assumption"] = "that the plan does not discount the fee";
  const auto out = f.run(claims_with(
      json::array({arithmetic(json::array({value("m", "15")}), json::array({r, reading("fee", "m", "claim")}), "15",
                              "approximately", "0")}),
      "15% fee", "w"))[0];
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
  const auto out = f.run(claims_with(json::array({check}), "half the price"));
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
