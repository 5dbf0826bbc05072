// Unit tests for calc/claims/episode.h: the Markdown helpers used to assemble one
// page from several worked examples, CSV quoting, episode.json parsing, and a
// re-check of every equation the episode 050 golden output prints.
#include "claims/episode.h"

#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "core/error.h"
#include "claims/expression.h"

namespace costproof {
namespace {

using nlohmann::json;

std::string read(const std::string& relative) {
  std::ifstream in(std::string(COSTPROOF_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(MarkdownHelpersTest, DemoteHeadingsSkipsCodeBlocks) {
  EXPECT_EQ(demote_headings("## Title\n\ntext #1\n```\n# not a heading\n```\n### Sub\n", 1),
            "### Title\n\ntext #1\n```\n# not a heading\n```\n#### Sub\n");
}

TEST(MarkdownHelpersTest, RenumberCitationsOnlyTouchesFootnotes) {
  const std::map<int, int> map = {{1, 4}, {2, 7}};
  EXPECT_EQ(renumber_citations("price [1], shape [2], [3], [1](http://x), [a]", map),
            "price [4], shape [7], [3], [1](http://x), [a]");
}

TEST(MarkdownHelpersTest, TakeSectionRemovesItAndReturnsTheBody) {
  std::string md = "## T\n\n### What this means for you\n\nPara one.\n\n### The fleet\n\nrows\n\n### Sources\n\n1. x\n";
  EXPECT_EQ(take_section(md, "What this means for you"), "Para one.");
  EXPECT_EQ(take_section(md, "Sources"), "1. x");
  EXPECT_EQ(md, "## T\n\n### The fleet\n\nrows\n\n");
  EXPECT_EQ(take_section(md, "Missing"), "");
}

TEST(MarkdownHelpersTest, TableCellsEscapePipes) {
  EXPECT_EQ(table_cell("RDS | DSQL\nnext"), "RDS \\| DSQL next");
}

TEST(CsvTest, Rfc4180Quoting) {
  EXPECT_EQ(csv_field("plain"), "plain");
  EXPECT_EQ(csv_field("a, b"), "\"a, b\"");
  EXPECT_EQ(csv_field("say \"up to\""), "\"say \"\"up to\"\"\"");
  EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
  // Formula injection (OWASP): text a spreadsheet would run gets a leading "'"; numbers stay numbers.
  EXPECT_EQ(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
  EXPECT_EQ(csv_field("+1"), "'+1");
  EXPECT_EQ(csv_field("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(csv_field("-cmd"), "'-cmd");
  EXPECT_EQ(csv_field("-27.4"), "-27.4");
  EXPECT_EQ(csv_field("-3"), "-3");
  EXPECT_EQ(csv_field("-"), "'-");
}

TEST(TeamTest, Labels) {
  EXPECT_EQ(team_id(Team::kMedium), "medium");
  EXPECT_EQ(team_label(Team::kLarge), "Large team");
}

json episode_json() {
  return json::parse(R"({
    "schema_version": 1, "number": "900", "title": "T", "date": "2026-03-02",
    "topics": [{"id": "compute", "title": "Compute", "scenarios": [{"id": "s", "team": "small"}]}],
    "figures": [{"id": "now", "scenario": "s", "description": "d", "period": "month", "list_cost": "/a"},
                {"id": "after", "scenario": "s", "description": "d", "period": "month", "list_cost": "/b", "baseline": "now"}],
    "assumptions": ["one"]})");
}

TEST(EpisodeFileTest, ParsesTopicsFiguresAndAssumptions) {
  const EpisodeFile e = parse_episode_file(episode_json(), "episode.json");
  EXPECT_EQ(e.number, "900");
  EXPECT_EQ(e.date.to_string(), "2026-03-02");
  ASSERT_EQ(e.topics.size(), 1u);
  EXPECT_EQ(e.topics[0].scenarios[0].team, Team::kSmall);
  EXPECT_EQ(e.figures[1].baseline, "now");
  EXPECT_EQ(e.assumptions, std::vector<std::string>{"one"});
}

TEST(EpisodeFileTest, ErrorsNameTheField) {
  json j = episode_json();
  j["figures"][1]["baseline"] = "later";
  try {
    parse_episode_file(j, "episode.json");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_TRUE(contains(e.what(), "episode.json: /figures/1/baseline: no earlier figure with id \"later\"")) << e.what();
  }
  json k = episode_json();
  k["titel"] = "typo";
  EXPECT_THROW(parse_episode_file(k, "episode.json"), InputError);
  json d = episode_json();
  d["date"] = "8 December 2025";
  EXPECT_THROW(parse_episode_file(d, "episode.json"), InputError);
}

// ---------------------------------------------------------------------------
// Every equation printed for a claim re-checks from its printed operands: the
// left side, read back from the text, evaluates exactly to the right side ("=")
// or to it after the display rounding the text names ("≈ … (rounded to …)").

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
  return s;
}

std::string plain(std::string s) {
  s = replace_all(s, "×", "*");
  s = replace_all(s, "÷", "/");
  s = replace_all(s, "−", "-");
  s = replace_all(s, "$", "");
  s = replace_all(s, ",", "");
  return s;
}

void recheck(const std::string& equation) {
  SCOPED_TRACE(equation);
  const bool exact = contains(equation, " = ");
  const std::size_t split = exact ? equation.rfind(" = ") : equation.rfind(" ≈ ");
  ASSERT_NE(split, std::string::npos);
  const Rational left = Expression::parse(plain(equation.substr(0, split))).evaluate({});
  std::string right = equation.substr(split + (exact ? 3 : 5));
  if (exact) {
    EXPECT_EQ(left, Rational::from_decimal(Decimal::parse(plain(right))));
    return;
  }
  const std::size_t note = right.find(" (rounded to ");
  ASSERT_NE(note, std::string::npos);
  const std::string rule = right.substr(note);
  const DisplayUnit unit = contains(rule, "0.1 point")   ? DisplayUnit::kPercent
                           : contains(rule, "the cent") ? DisplayUnit::kUsd
                                                         : DisplayUnit::kPlain;
  EXPECT_EQ(display(left, unit).equals_text(), "≈ " + right);
}

TEST(EpisodeDetailTest, ParsesShortAndFullOnly) {
  EXPECT_EQ(parse_episode_detail("short"), EpisodeDetail::kShort);
  EXPECT_EQ(parse_episode_detail("full"), EpisodeDetail::kFull);
  EXPECT_FALSE(parse_episode_detail("Full"));
  EXPECT_FALSE(parse_episode_detail(""));
  EXPECT_FALSE(parse_episode_detail("long"));
}

// Facts (a launch date, "free to use") are cited but never judged for price age.
TEST(StalenessTest, FactSourcesAreNeverStale) {
  auto price = std::make_shared<PriceSource>();
  price->title = "a price list";
  price->as_of = Date{2024, 1, 1};
  auto fact = std::make_shared<PriceSource>();
  fact->title = "a launch post";
  fact->as_of = Date{2023, 10, 12};
  fact->fact = true;
  auto fresh = std::make_shared<PriceSource>();
  fresh->title = "a recent price list";
  fresh->as_of = Date{2026, 11, 1};
  SourceNotes notes;
  notes.cite(price);
  notes.cite(fact);
  notes.cite(fresh);
  const auto stale = stale_sources(notes, Date{2026, 11, 27}, 180);
  ASSERT_EQ(stale.size(), 1u);
  EXPECT_EQ(stale[0].source, price);
  EXPECT_EQ(stale[0].age_days, 1061);  // 366 (2024) + 365 (2025) + 330 days into 2026
  const auto lines = staleness_warnings(notes, Date{2026, 11, 27}, 180);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_TRUE(contains(lines[0], "\"a price list\" are 1,061 days old")) << lines[0];
}

TEST(Episode050GoldenTest, EveryPrintedClaimEquationRechecks) {
  const std::string golden = read("tests/golden/cases/episode-ep050-json.test");
  const auto start = golden.find("--- stdout\n");
  const auto end = golden.find("\n--- stderr\n");
  ASSERT_NE(start, std::string::npos);
  ASSERT_NE(end, std::string::npos);
  const json doc = json::parse(golden.substr(start + 11, end - start - 11));
  std::size_t checked = 0;
  for (const auto& claim : doc.at("claims"))
    for (const auto& check : claim.at("checks"))
      if (check.contains("readings"))
        for (const auto& reading : check.at("readings")) {
          const std::string eq = reading.at("equation").get<std::string>();
          if (!contains(eq, " = ") && !contains(eq, " ≈ ")) continue;
          recheck(eq);
          // The same equation is what the Markdown prints.
          EXPECT_TRUE(contains(claim.at("why").get<std::string>(), eq) ||
                      reading.at("expression").get<std::string>().find_first_of("*/+-") == std::string::npos)
              << eq;
          ++checked;
        }
  EXPECT_GT(checked, 20u);
}

}  // namespace
}  // namespace costproof
