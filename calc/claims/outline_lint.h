// Finding every number in an episode outline and saying which claim covers it.
//
// A number is written with digits: 25%, 35-60%, $30+, 4x, 2,048, 15.6 million,
// 100K, 3nm, 15-minute, 1 year, 14th, December 8, 2025, 2026. Digits inside a
// word are part of a name, not a number (Graviton5, M9g, IPv6, S/4HANA, Q4,
// Agent2Agent). URLs, Markdown link destinations and ordered-list markers
// ("1. ") are skipped. Numbers written as words ("forty-nine") are not found.
//
// Each number is then "covered" (it lies inside the outline text of a claim on
// that line), "ignored" (inside an ignore rule of the claims file, which gives
// the reason), or "unchecked".
//
// Example:
//   find_numbers_in_line("- 4x performance improvement vs Trainium2", 91)
//     -> one token: line 91, column 3, "4x", multiplier
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "claims/claim.h"
#include "core/decimal.h"

namespace costproof {

enum class NumberTokenKind { kPercent, kMoney, kMultiplier, kCount, kDuration, kDate };
std::string number_token_kind_id(NumberTokenKind k);  // "percent", "money", ...

struct NumberToken {
  int line = 0;                 // 1-based
  int column = 0;               // 1-based, in characters (UTF-8 code points)
  std::size_t begin = 0, end = 0;  // byte offsets in the line, [begin, end)
  std::string text;             // "35-60%", "$30+", "December 8, 2025"
  NumberTokenKind kind = NumberTokenKind::kCount;
  std::vector<Decimal> values;  // 35 and 60 for "35-60%"; 2025, 12, 8 for a date
};

// The numbers of one line. With `number_words`, "one" .. "twelve" count as
// numbers too (used to compare a quote with a source's wording, never by lint).
std::vector<NumberToken> find_numbers_in_line(std::string_view line, int line_number, bool number_words = false);
// Every number of a text, line by line ("\n"-separated; a trailing "\r" is ignored).
std::vector<NumberToken> find_numbers(std::string_view text, bool number_words = false);
// The text split into lines (1-based access: lines[n - 1]).
std::vector<std::string> split_lines(std::string_view text);

// Checks that every claim's outline reference and every ignore rule matches
// the outline: the line exists and contains the text; an ignore rule silences
// at least one number. Throws InputError naming the claims file and JSON pointer.
void check_outline_refs(const ClaimsFile& claims, const std::vector<std::string>& lines,
                        const std::string& outline_file);

struct LintEntry {
  NumberToken token;
  enum class Status { kCovered, kIgnored, kUnchecked } status = Status::kUnchecked;
  std::vector<std::string> claim_ids;  // kCovered: every claim whose outline text holds it
  std::string ignore_reason;           // kIgnored
};
std::string lint_status_id(LintEntry::Status s);  // "covered", "ignored", "unchecked"

struct LintReport {
  std::string outline_file;
  std::string claims_file;
  std::vector<LintEntry> entries;
  std::size_t covered = 0, ignored = 0, unchecked = 0;
  // Claims whose verdict is "contradicted" (filled when verdicts are known).
  std::vector<std::string> contradicted;
  bool strict_ok() const { return unchecked == 0 && contradicted.empty(); }
};

// Finds the numbers of `outline_text` and matches them to claims and ignore rules.
// `verdicts` (claim id -> verdict) fills `contradicted`. Calls check_outline_refs first.
LintReport lint_outline(std::string_view outline_text, const std::string& outline_file, const ClaimsFile& claims,
                        const std::map<std::string, Verdict>& verdicts);

std::string render_lint_markdown(const LintReport& report);
nlohmann::ordered_json render_lint_json(const LintReport& report);

}  // namespace costproof
