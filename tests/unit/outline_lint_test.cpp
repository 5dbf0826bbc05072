// Unit tests for calc/claims/outline_lint.h: finding the numbers of an outline, and
// matching them to claims and ignore rules. The episode 050 outline is counted
// a second time here with a plain regular expression, independently of the
// hand-written scanner, and both counts must agree.
#include "claims/outline_lint.h"

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "core/error.h"
#include "core/json_reader.h"

namespace costproof {
namespace {

using nlohmann::json;

std::string read(const std::string& relative) {
  std::ifstream in(std::string(COSTPROOF_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> texts(const std::vector<NumberToken>& tokens) {
  std::vector<std::string> out;
  for (const auto& t : tokens) out.push_back(t.text);
  return out;
}

using V = std::vector<std::string>;

TEST(FindNumbersTest, KindsOfNumbers) {
  const auto t = find_numbers_in_line("- SAP: 35-60% faster, $30+/month, 4x and 5x, 2,048 chips, 15.6 million devs", 1);
  EXPECT_EQ(texts(t), (V{"35-60%", "$30+", "4x", "5x", "2,048", "15.6 million"}));
  EXPECT_EQ(t[0].kind, NumberTokenKind::kPercent);
  EXPECT_EQ(t[0].values.size(), 2u);
  EXPECT_EQ(t[1].kind, NumberTokenKind::kMoney);
  EXPECT_EQ(t[2].kind, NumberTokenKind::kMultiplier);
  EXPECT_EQ(t[4].kind, NumberTokenKind::kCount);
  EXPECT_EQ(t[4].values[0].to_string(), "2048");
}

TEST(FindNumbersTest, DurationsDatesAndUnits) {
  const auto t = find_numbers_in_line("15-minute timeout, 1 year, 14 years, (30-45 seconds), 12-year-old, TSMC 3nm, "
                                      "100K nodes, his 14th keynote, December 8, 2025, launching 2026, 2023-10-12", 1);
  EXPECT_EQ(texts(t), (V{"15-minute", "1 year", "14 years", "30-45 seconds", "12-year", "3nm", "100K", "14th",
                         "December 8, 2025", "2026", "2023-10-12"}));
  EXPECT_EQ(t[0].kind, NumberTokenKind::kDuration);
  EXPECT_EQ(t[8].kind, NumberTokenKind::kDate);
  EXPECT_EQ(t[9].kind, NumberTokenKind::kDate);
}

TEST(FindNumbersTest, DigitsInNamesAreNotNumbers) {
  EXPECT_TRUE(find_numbers_in_line("Graviton5 M9g IPv6 Trn2 FP8 L3 Neoverse V3 Agent2Agent S/4HANA Q4", 1).empty());
}

TEST(FindNumbersTest, RegionCodesInstanceTypesAndVersionsAreNotNumbers) {
  EXPECT_TRUE(find_numbers_in_line("prices in us-east-1, eu-west-1, ap-southeast-2 and us-gov-west-1", 1).empty());
  EXPECT_TRUE(find_numbers_in_line("a t4g.nano or a c7i.2xlarge", 1).empty());
  EXPECT_TRUE(find_numbers_in_line("playwright-core 1.64.1 and v2.3.0", 1).empty());
  EXPECT_EQ(texts(find_numbers_in_line("us-east-1 costs $32.85 a month", 1)), (V{"$32.85"}));
}

TEST(FindNumbersTest, UrlsLinkTargetsAndListMarkersAreSkipped) {
  EXPECT_TRUE(find_numbers_in_line("- **Source**: https://www.cncf.io/announcements/2025/11/11/surges-to-15-6m/", 1).empty());
  EXPECT_TRUE(find_numbers_in_line("- [Episode page](/podcasts/00049-aws-reinvent-2025)", 1).empty());
  EXPECT_EQ(texts(find_numbers_in_line("1. **Graviton5** - 192 cores", 1)), (V{"192"}));
}

TEST(FindNumbersTest, ColumnsCountCharactersNotBytes) {
  const auto t = find_numbers_in_line("× → 25%", 7);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].line, 7);
  EXPECT_EQ(t[0].column, 5);
}

TEST(FindNumbersTest, NumberWordsOnlyWhenAsked) {
  EXPECT_TRUE(find_numbers_in_line("up to one year", 1).empty());
  const auto t = find_numbers_in_line("up to one year", 1, true);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].values[0].to_string(), "1");
}

// The independent count: one regular expression per line, after removing URLs,
// link destinations, list markers and writing each "Month D, YYYY" as one date.
std::size_t count_independently(const std::string& text) {
  static const std::regex kUrl(R"(https?://[^\s)>]+)");
  static const std::regex kLinkTarget(R"(\]\([^)]*\))");
  static const std::regex kListMarker(R"(^\s*\d+\.\s)");
  static const std::regex kDate(R"((January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4})");
  static const std::regex kNumber(
      R"((?:^|[^A-Za-z0-9_.])(\$?\d[\d,]*(?:\.\d+)?(?:-\$?\d[\d,]*(?:\.\d+)?)?(?:%|x|nm|K|th)?)(?![A-Za-z0-9]))");
  std::size_t n = 0;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    line = std::regex_replace(line, kUrl, " ");
    line = std::regex_replace(line, kLinkTarget, " ");
    line = std::regex_replace(line, kListMarker, " ");
    line = std::regex_replace(line, kDate, "\x01");  // a date counts once, as this marker
    for (auto it = std::sregex_iterator(line.begin(), line.end(), kNumber); it != std::sregex_iterator(); ++it) ++n;
    n += static_cast<std::size_t>(std::count(line.begin(), line.end(), '\x01'));
  }
  return n;
}

TEST(Episode050OutlineTest, LintFindsEveryNumberCountedIndependently) {
  const std::string outline = read("scenarios/ep050/outline.md");
  ASSERT_FALSE(outline.empty());
  const auto found = find_numbers(outline);
  EXPECT_EQ(found.size(), count_independently(outline));
  // Counted by hand as well. lint lists 92 of them (docs/claims.md): the recording date is not a quantity.
  EXPECT_EQ(found.size(), 93u);
}

TEST(Episode050OutlineTest, EveryNumberIsCoveredOrIgnored) {
  const std::string file = "scenarios/ep050/claims.json";
  const ClaimsFile claims =
      parse_claims_file(parse_json_text(read(file), file, JsonOrigin::kUserInput), file);
  const LintReport r = lint_outline(read("scenarios/ep050/outline.md"), "outline.md", claims, {});
  EXPECT_EQ(r.unchecked, 0u);
  EXPECT_EQ(r.covered + r.ignored, r.entries.size());
  for (const auto& e : r.entries)
    EXPECT_NE(e.status, LintEntry::Status::kUnchecked) << "line " << e.token.line << ": " << e.token.text;
}

// ---------------------------------------------------------------- coverage

ClaimsFile small_claims(const json& ignore, const json& outline) {
  json j = {{"schema_version", 1},
            {"episode", "1"},
            {"claims", json::array({{{"id", "c"},
                                     {"topic", "t"},
                                     {"quote", "q"},
                                     {"number_kind", "percentage"},
                                     {"outline", outline},
                                     {"checks", json::array({{{"type", "not-researched"}, {"reason", "r"}}})},
                                     {"suggested_wording", "w"}}})}};
  if (!ignore.is_null()) j["ignore"] = ignore;
  return parse_claims_file(j, "claims.json");
}

const std::string kOutline = "# Episode 7\n- saves 25% and 30%\n- Target: 15 minutes\n";

TEST(LintOutlineTest, CoveredIgnoredAndUnchecked) {
  const auto claims = small_claims(json::array({{{"line", 1}, {"reason", "episode number"}}}),
                                   json::array({{{"line", 2}, {"text", "saves 25%"}}}));
  const LintReport r = lint_outline(kOutline, "o.md", claims, {{"c", Verdict::kContradicted}});
  ASSERT_EQ(r.entries.size(), 4u);
  EXPECT_EQ(r.entries[0].status, LintEntry::Status::kIgnored);
  EXPECT_EQ(r.entries[1].status, LintEntry::Status::kCovered);
  EXPECT_EQ(r.entries[2].status, LintEntry::Status::kUnchecked);  // 30% is on the line but outside the claim's text
  EXPECT_EQ(r.entries[3].status, LintEntry::Status::kUnchecked);
  EXPECT_EQ(r.unchecked, 2u);
  EXPECT_EQ(r.contradicted, std::vector<std::string>{"c"});
  EXPECT_FALSE(r.strict_ok());
}

TEST(LintOutlineTest, OutlineTextMustBeOnItsLine) {
  const auto claims = small_claims(nullptr, json::array({{{"line", 2}, {"text", "saves 26%"}}}));
  try {
    lint_outline(kOutline, "o.md", claims, {});
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("claims.json: /claims/0/outline/0/text: line 2 of o.md does not contain"),
              std::string::npos)
        << e.what();
  }
}

TEST(LintOutlineTest, AnIgnoreRuleThatMatchesNothingIsAnError) {
  const auto claims = small_claims(json::array({{{"text", "no such text"}, {"reason", "stale"}}}),
                                   json::array({{{"line", 2}, {"text", "saves 25%"}}}));
  EXPECT_THROW(lint_outline(kOutline, "o.md", claims, {}), InputError);
}

TEST(LintOutlineTest, DatesAreNotQuantities) {
  // ISO dates, month-led dates and a year right after a (possibly abbreviated) month are not
  // listed; a year on its own and the quantities beside the dates still are.
  const std::string outline =
      "# Cut\n"
      "- On 2024-11-01 (November 2024, Nov 2024, Sept. 2025, december 2025) DynamoDB got 50% cheaper\n"
      "- Recorded on December 8, 2025; prices hold in 2026\n";
  const auto claims = small_claims(nullptr, json::array({{{"line", 2}, {"text", "50% cheaper"}}}));
  const LintReport r = lint_outline(outline, "o.md", claims, {});
  std::vector<std::string> listed;
  for (const auto& e : r.entries) listed.push_back(e.token.text);
  EXPECT_EQ(listed, (V{"50%", "2026"}));
  EXPECT_EQ(r.covered, 1u);
  EXPECT_EQ(r.unchecked, 1u);
  // find_numbers still returns the dates (a sourced fact's quote is compared date for date).
  EXPECT_EQ(texts(find_numbers_in_line("- Recorded on December 8, 2025 and 2024-11-01", 1)),
            (V{"December 8, 2025", "2024-11-01"}));
}

TEST(LintOutlineTest, AYearAfterAWordThatIsNotAMonthIsStillANumber) {
  const std::string outline = "# x\n- re:Invent 2025 and Mayday 2024 and Marcus 2023\n";
  const auto claims = small_claims(nullptr, json::array({{{"line", 2}, {"text", "re:Invent"}}}));
  const LintReport r = lint_outline(outline, "o.md", claims, {});
  std::vector<std::string> listed;
  for (const auto& e : r.entries) listed.push_back(e.token.text);
  EXPECT_EQ(listed, (V{"2025", "2024", "2023"}));
}

TEST(LintOutlineTest, AnIgnoreRuleThatMatchesOnlyADateIsUnused) {
  const std::string outline = "# x\n- Recording date: 2026-11-30\n- saves 25%\n";
  const auto claims = small_claims(json::array({{{"line", 2}, {"reason", "recording date"}}}),
                                   json::array({{{"line", 3}, {"text", "saves 25%"}}}));
  try {
    lint_outline(outline, "o.md", claims, {});
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("claims.json: /ignore/0: this ignore rule matches no number in o.md"),
              std::string::npos)
        << e.what();
  }
}

TEST(LintOutlineTest, AnIgnoreRuleNeedsALineOrText) {
  EXPECT_THROW(small_claims(json::array({{{"reason", "everything"}}}), json::array({{{"line", 2}, {"text", "saves"}}})),
               InputError);
}

TEST(FindNumbersTest, AHugeDigitRunIsTextNotAnInternalError) {
  // 300 digits do not fit a Decimal: the run is text, the numbers around it still count.
  const auto found = find_numbers("It costs 2 times as much; serial " + std::string(300, '7') + " ends.");
  EXPECT_EQ(texts(found), (V{"2"}));
}

TEST(FindNumbersTest, ManyNumbersOnOneLineStayFast) {
  // Was quadratic (each number's column recounted the line from its start).
  std::string line;
  for (int i = 0; i < 200000; ++i) line += "1 ";
  const auto found = find_numbers(line);
  ASSERT_EQ(found.size(), 200000u);
  EXPECT_EQ(found.back().column, 399999);
}

}  // namespace
}  // namespace costproof
