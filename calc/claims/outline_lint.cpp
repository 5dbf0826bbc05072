#include "claims/outline_lint.h"

#include <array>
#include <cctype>
#include <sstream>

#include "core/error.h"
#include "core/format.h"
#include "core/json_reader.h"

namespace costproof {

std::string number_token_kind_id(NumberTokenKind k) {
  switch (k) {
    case NumberTokenKind::kPercent: return "percent";
    case NumberTokenKind::kMoney: return "money";
    case NumberTokenKind::kMultiplier: return "multiplier";
    case NumberTokenKind::kCount: return "count";
    case NumberTokenKind::kDuration: return "duration";
    case NumberTokenKind::kDate: return "date";
  }
  return "";
}

std::string lint_status_id(LintEntry::Status s) {
  switch (s) {
    case LintEntry::Status::kCovered: return "covered";
    case LintEntry::Status::kIgnored: return "ignored";
    case LintEntry::Status::kUnchecked: return "unchecked";
  }
  return "";
}

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_word(char c) { return is_alpha(c) || is_digit(c) || c == '_'; }

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// Does `s` continue at `pos` with `word` (case-insensitive), not followed by a letter?
bool word_at(std::string_view s, std::size_t pos, std::string_view word) {
  if (pos + word.size() > s.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (lower(s[pos + i]) != lower(word[i])) return false;
  const std::size_t after = pos + word.size();
  return after >= s.size() || !is_alpha(s[after]);
}

constexpr std::array<std::string_view, 12> kMonths = {"January", "February", "March",     "April",   "May",      "June",
                                                      "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<std::string_view, 12> kNumberWords = {"one", "two",   "three", "four",   "five",   "six",
                                                           "seven", "eight", "nine", "ten", "eleven", "twelve"};
constexpr std::array<std::string_view, 7> kDurationUnits = {"second", "minute", "hour", "day", "week", "month", "year"};

// Length of a digit-holding name starting at `p`, or 0. The same matches, searched left to right,
// as the ECMAScript regular expression (case-sensitive, \b = word boundary over [A-Za-z0-9_])
//   \b[a-z]{2}(-gov)?-(north|south|east|west|central|northeast|northwest|southeast|southwest)-[0-9]+\b
//   | \bv?[0-9]+\.[0-9]+\.[0-9]+\b
// written as a scan because std::regex cost 16% of `episode` (issue 16).
std::size_t name_length_at(std::string_view s, std::size_t p) {
  if (p >= s.size() || !is_word(s[p]) || (p > 0 && is_word(s[p - 1]))) return 0;  // leading \b
  const auto digits_end = [&](std::size_t i) {
    while (i < s.size() && is_digit(s[i])) ++i;
    return i;
  };
  const auto boundary_after = [&](std::size_t i) { return i >= s.size() || !is_word(s[i]); };
  // Region code: two lower-case letters, optional "-gov", "-", a direction, "-", digits.
  if (p + 2 < s.size() && s[p] >= 'a' && s[p] <= 'z' && s[p + 1] >= 'a' && s[p + 1] <= 'z') {
    static constexpr std::array<std::string_view, 9> kDirections = {
        "north", "south", "east", "west", "central", "northeast", "northwest", "southeast", "southwest"};
    for (const std::string_view gov : {std::string_view("-gov"), std::string_view()}) {
      std::size_t i = p + 2;
      if (s.substr(i, gov.size()) != gov) continue;
      i += gov.size();
      if (i >= s.size() || s[i] != '-') continue;
      ++i;
      for (const std::string_view d : kDirections) {
        const std::size_t j = i + d.size();
        if (s.substr(i, d.size()) != d || j >= s.size() || s[j] != '-') continue;
        const std::size_t end = digits_end(j + 1);
        if (end > j + 1 && boundary_after(end)) return end - p;
      }
    }
  }
  // Dotted version: optional "v", digits "." digits "." digits.
  std::size_t i = p + (s[p] == 'v' ? 1 : 0);
  for (int group = 0; group < 3; ++group) {
    const std::size_t end = digits_end(i);
    if (end == i) return 0;
    if (group < 2) {
      if (end >= s.size() || s[end] != '.') return 0;
      i = end + 1;
    } else if (boundary_after(end)) {
      return end - p;
    }
  }
  return 0;
}

// Replaces URLs, Markdown link destinations and an ordered-list marker with spaces (offsets unchanged).
std::string blank_skipped(std::string_view line) {
  std::string s(line);
  auto blank = [&](std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to && i < s.size(); ++i) s[i] = ' ';
  };
  // Link destinations: "](...)".
  for (std::size_t p = s.find("]("); p != std::string::npos; p = s.find("](", p + 1)) {
    const std::size_t close = s.find(')', p + 2);
    blank(p + 2, close == std::string::npos ? s.size() : close);
    if (close == std::string::npos) break;  // the rest is blank: stop (linear in the line)
    p = close - 1;
  }
  // Bare URLs.
  for (const std::string_view scheme : {"https://", "http://"}) {
    for (std::size_t p = s.find(scheme); p != std::string::npos; p = s.find(scheme, p + 1)) {
      std::size_t end = p;
      while (end < s.size() && s[end] != ' ' && s[end] != ')' && s[end] != '>' && s[end] != '\t') ++end;
      blank(p, end);
    }
  }
  // Ordered-list marker: optional spaces, digits, ". ".
  std::size_t i = 0;
  while (i < s.size() && s[i] == ' ') ++i;
  const std::size_t digits_start = i;
  while (i < s.size() && is_digit(s[i])) ++i;
  if (i > digits_start && i + 1 < s.size() && s[i] == '.' && s[i + 1] == ' ') blank(digits_start, i + 1);
  // Names that hold digits but are not quantities: AWS region codes ("us-east-1", "us-gov-west-1")
  // and dotted version numbers ("1.64.1"). Instance types ("t4g.nano", "c7i.2xlarge") are words
  // already. Matches are collected first, then blanked.
  std::vector<std::pair<std::size_t, std::size_t>> names;
  for (std::size_t p = 0; p < s.size();) {
    const std::size_t len = name_length_at(s, p);
    if (len) {
      names.emplace_back(p, len);
      p += len;
    } else {
      ++p;
    }
  }
  for (const auto& [pos, len] : names) blank(pos, pos + len);
  return s;
}

int code_points(std::string_view s, std::size_t bytes) {
  int n = 0;
  for (std::size_t i = 0; i < bytes && i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
  return n;
}

// Reads digits with optional ",ddd" groups and ".ddd" at `pos`; returns the plain digits or "".
std::string read_number(std::string_view s, std::size_t& pos) {
  std::string plain;
  std::size_t i = pos;
  if (i >= s.size() || !is_digit(s[i])) return "";
  while (i < s.size() && is_digit(s[i])) plain += s[i++];
  while (i + 3 < s.size() && s[i] == ',' && is_digit(s[i + 1]) && is_digit(s[i + 2]) && is_digit(s[i + 3]) &&
         (i + 4 >= s.size() || !is_digit(s[i + 4]))) {
    plain += s.substr(i + 1, 3);
    i += 4;
  }
  if (i + 1 < s.size() && s[i] == '.' && is_digit(s[i + 1])) {
    plain += '.';
    ++i;
    while (i < s.size() && is_digit(s[i])) plain += s[i++];
  }
  pos = i;
  return plain;
}

bool is_en_dash(std::string_view s, std::size_t pos) {
  return pos + 2 < s.size() && static_cast<unsigned char>(s[pos]) == 0xE2 &&
         static_cast<unsigned char>(s[pos + 1]) == 0x80 && static_cast<unsigned char>(s[pos + 2]) == 0x93;
}

bool is_times_sign(std::string_view s, std::size_t pos) {
  return pos + 1 < s.size() && static_cast<unsigned char>(s[pos]) == 0xC3 && static_cast<unsigned char>(s[pos + 1]) == 0x97;
}

// The value of plain digits from read_number, or nullopt for none or for more
// digits than a Decimal holds (a 300-digit run is text, not a figure to check).
std::optional<Decimal> exact_value(const std::string& plain) {
  if (plain.empty()) return std::nullopt;
  try {
    return Decimal::parse(plain);
  } catch (const Error&) {
    return std::nullopt;
  }
}

// A number token starting at `start` (a digit or '$'); nullopt if the digits are part of a name.
std::optional<NumberToken> read_token(std::string_view s, std::size_t start) {
  NumberToken t;
  std::size_t i = start;
  bool money = false;
  if (s[i] == '$') {
    money = true;
    ++i;
  }
  // ISO date YYYY-MM-DD.
  if (!money && i + 10 <= s.size() && is_digit(s[i]) && is_digit(s[i + 1]) && is_digit(s[i + 2]) && is_digit(s[i + 3]) &&
      s[i + 4] == '-' && is_digit(s[i + 5]) && is_digit(s[i + 6]) && s[i + 7] == '-' && is_digit(s[i + 8]) &&
      is_digit(s[i + 9]) && (i + 10 == s.size() || !is_word(s[i + 10]))) {
    t.kind = NumberTokenKind::kDate;
    t.values = {Decimal::parse(s.substr(i, 4)), Decimal::parse(s.substr(i + 5, 2)), Decimal::parse(s.substr(i + 8, 2))};
    t.begin = start;
    t.end = i + 10;
    return t;
  }
  const std::string first = read_number(s, i);
  const auto first_value = exact_value(first);
  if (!first_value) return std::nullopt;  // none, or too long to be a figure: text
  t.values.push_back(*first_value);
  bool has_separator = s.substr(start, i - start).find(',') != std::string_view::npos;
  // A range: "35-60", "15–17", "$10-$20".
  {
    std::size_t j = i;
    std::size_t dash = 0;
    if (j < s.size() && s[j] == '-') dash = 1;
    else if (is_en_dash(s, j)) dash = 3;
    if (dash) {
      std::size_t k = j + dash;
      if (k < s.size() && s[k] == '$') ++k;
      const std::string second = read_number(s, k);
      if (const auto second_value = exact_value(second)) {
        t.values.push_back(*second_value);
        i = k;
      }
    }
  }
  NumberTokenKind kind = money ? NumberTokenKind::kMoney : NumberTokenKind::kCount;
  bool unit_found = false;
  if (i < s.size() && s[i] == '%') {
    kind = NumberTokenKind::kPercent;
    ++i;
    unit_found = true;
  } else if (i < s.size() && (s[i] == 'x' || s[i] == 'X') && (i + 1 >= s.size() || !is_word(s[i + 1]))) {
    kind = NumberTokenKind::kMultiplier;
    ++i;
    unit_found = true;
  } else if (is_times_sign(s, i)) {
    kind = NumberTokenKind::kMultiplier;
    i += 2;
    unit_found = true;
  }
  if (!unit_found) {
    // Ordinals, magnitudes and measures glued to the digits: 14th, 100K, 3nm.
    for (const std::string_view suffix : {"st", "nd", "rd", "th", "nm", "K", "k", "M", "B"}) {
      if (s.substr(i, suffix.size()) == suffix && (i + suffix.size() >= s.size() || !is_word(s[i + suffix.size()]))) {
        i += suffix.size();
        unit_found = true;
        break;
      }
    }
  }
  if (!unit_found) {
    // Magnitude words: "15.6 million".
    for (const std::string_view word : {"million", "billion", "thousand"}) {
      if (i + 1 < s.size() && s[i] == ' ' && word_at(s, i + 1, word)) {
        i += 1 + word.size();
        unit_found = true;
        break;
      }
    }
  }
  if (!unit_found) {
    // Durations: "15-minute", "1 year", "14 years", "30-45 seconds".
    if (i + 1 < s.size() && (s[i] == ' ' || s[i] == '-')) {
      for (const std::string_view unit : kDurationUnits) {
        std::size_t end = 0;
        if (word_at(s, i + 1, unit)) end = i + 1 + unit.size();
        else if (s[i] == ' ' && i + 1 + unit.size() < s.size() && word_at(s, i + 1, std::string(unit) + "s"))
          end = i + 2 + unit.size();
        if (end) {
          kind = NumberTokenKind::kDuration;
          i = end;
          unit_found = true;
          break;
        }
      }
    }
  }
  if (!unit_found && i < s.size() && s[i] == '+') ++i;  // "$30+", "500+"
  // Digits followed by a letter are part of a name ("4HANA").
  if (i < s.size() && is_word(s[i])) return std::nullopt;
  if (!money && !unit_found && t.values.size() == 1 && !has_separator && first.size() == 4 &&
      first.find('.') == std::string::npos) {
    const auto year = t.values[0].to_int64();
    if (year >= 1900 && year <= 2099) kind = NumberTokenKind::kDate;
  }
  t.kind = kind;
  t.begin = start;
  t.end = i;
  return t;
}

}  // namespace

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t nl = text.find('\n', start);
    std::string line(text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (nl == std::string_view::npos) {
      if (!line.empty()) out.push_back(line);
      break;
    }
    out.push_back(line);
    start = nl + 1;
  }
  return out;
}

std::vector<NumberToken> find_numbers_in_line(std::string_view original, int line_number, bool number_words) {
  const std::string s = blank_skipped(original);
  std::vector<NumberToken> out;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (is_alpha(c) || c == '_') {
      // A word; a month name may start a date ("December 8, 2025", "June 2026").
      std::size_t end = i;
      while (end < s.size() && is_word(s[end])) ++end;
      const std::string_view word(s.data() + i, end - i);
      const bool boundary = i == 0 || !is_word(s[i - 1]);
      if (boundary) {
        for (std::size_t m = 0; m < kMonths.size(); ++m) {
          if (word != kMonths[m] || end + 1 >= s.size() || s[end] != ' ' || !is_digit(s[end + 1])) continue;
          std::size_t p = end + 1;
          const std::string day_or_year = read_number(s, p);
          NumberToken t;
          t.kind = NumberTokenKind::kDate;
          t.begin = i;
          if (day_or_year.size() <= 2 && p + 6 <= s.size() && s[p] == ',' && s[p + 1] == ' ') {
            std::size_t q = p + 2;
            const std::string year = read_number(s, q);
            if (year.size() == 4 && (q >= s.size() || !is_word(s[q]))) {
              t.values = {Decimal::parse(year), Decimal::from_int(static_cast<std::int64_t>(m) + 1),
                          Decimal::parse(day_or_year)};
              t.end = q;
            }
          } else if (day_or_year.size() == 4 && (p >= s.size() || !is_word(s[p]))) {
            t.values = {Decimal::parse(day_or_year), Decimal::from_int(static_cast<std::int64_t>(m) + 1)};
            t.end = p;
          }
          if (t.end) {
            out.push_back(t);
            end = t.end;
          }
          break;
        }
        if (number_words) {
          for (std::size_t n = 0; n < kNumberWords.size(); ++n) {
            if (word.size() == kNumberWords[n].size() && word_at(s, i, kNumberWords[n])) {
              NumberToken t;
              t.kind = NumberTokenKind::kCount;
              t.begin = i;
              t.end = end;
              t.values = {Decimal::from_int(static_cast<std::int64_t>(n) + 1)};
              out.push_back(t);
            }
          }
        }
      }
      i = end;
      continue;
    }
    const bool starts = is_digit(c) || (c == '$' && i + 1 < s.size() && is_digit(s[i + 1]));
    if (starts && (i == 0 || !(is_word(s[i - 1]) || s[i - 1] == '.'))) {
      if (auto t = read_token(s, i)) {
        out.push_back(*t);
        i = t->end;
        continue;
      }
      // Part of a name: skip the digits and the word they belong to.
      while (i < s.size() && (is_word(s[i]) || s[i] == '$')) ++i;
      continue;
    }
    if (is_digit(c)) {
      while (i < s.size() && is_word(s[i])) ++i;
      continue;
    }
    ++i;
  }
  // Columns counted incrementally (tokens are in order), so a line of n numbers costs O(n), not O(n^2).
  std::size_t counted = 0;  // bytes of `original` counted so far
  int column = 0;           // code points in those bytes
  for (auto& t : out) {
    t.line = line_number;
    t.text = std::string(original.substr(t.begin, t.end - t.begin));
    if (t.begin >= counted) {
      column += code_points(original.substr(counted), t.begin - counted);
      counted = t.begin;
    } else {
      column = code_points(original, t.begin);
      counted = t.begin;
    }
    t.column = column + 1;
  }
  return out;
}

std::vector<NumberToken> find_numbers(std::string_view text, bool number_words) {
  std::vector<NumberToken> out;
  const auto lines = split_lines(text);
  for (std::size_t n = 0; n < lines.size(); ++n) {
    auto found = find_numbers_in_line(lines[n], static_cast<int>(n) + 1, number_words);
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

namespace {

// Is [begin, end) inside some occurrence of `text` in `line`?
// Only occurrences starting in [end - text.size(), begin] can hold the token, so
// the search starts there: checking every number of a long line stays linear.
bool inside_occurrence(const std::string& line, const std::string& text, std::size_t begin, std::size_t end) {
  if (text.empty()) return true;
  const std::size_t from = end > text.size() ? end - text.size() : 0;
  for (std::size_t p = line.find(text, from); p != std::string::npos && p <= begin; p = line.find(text, p + 1))
    if (end <= p + text.size()) return true;
  return false;
}

bool rule_applies(const IgnoreRule& rule, const std::string& line, const NumberToken& t) {
  if (!rule.lines.empty()) {
    bool on_line = false;
    for (const int l : rule.lines) on_line = on_line || l == t.line;
    if (!on_line) return false;
  }
  return inside_occurrence(line, rule.text, t.begin, t.end);
}

// Dates are not quantities for lint (docs/claims.md, "Lint"): an ISO date ("2024-11-01"), a date
// led by a month name ("November 2024", "December 8, 2025"), and a year right after a month name
// or its abbreviation ("Nov 2024", "Sept. 2025", "november 2024"). A year on its own ("in 2026")
// is still a number to check. Only lint skips them: find_numbers_in_line keeps dates, because a
// sourced fact's quote and source wording are compared date for date (claim_check.cpp).
bool is_calendar_date(const std::string& line, const NumberToken& t) {
  if (t.kind != NumberTokenKind::kDate) return false;
  if (t.values.size() >= 2) return true;  // ISO (year, month, day) or month-led (year, month[, day])
  // A plain year: is the word just before it (one space, an optional ".") a month?
  if (t.begin < 2 || line[t.begin - 1] != ' ') return false;
  std::size_t end = t.begin - 1;
  if (line[end - 1] == '.') --end;
  std::size_t start = end;
  while (start > 0 && is_alpha(line[start - 1])) --start;
  if (start == end || (start > 0 && is_word(line[start - 1]))) return false;
  std::string word;
  for (std::size_t k = start; k < end; ++k) word += lower(line[k]);
  for (const auto month : kMonths) {
    std::string name;
    for (const char c : month) name += lower(c);
    if (word == name || word == name.substr(0, 3) || (name == "september" && word == "sept")) return true;
  }
  return false;
}

std::string shorten(const std::string& s) { return s.size() > 100 ? s.substr(0, 97) + "..." : s; }

}  // namespace

void check_outline_refs(const ClaimsFile& claims, const std::vector<std::string>& lines,
                        const std::string& outline_file) {
  const int count = static_cast<int>(lines.size());
  for (const auto& c : claims.claims) {
    for (const auto& ref : c.outline) {
      if (ref.line > count)
        throw InputError(claims.file, ref.pointer + "/line",
                         "line " + std::to_string(ref.line) + " is past the end of " + outline_file + " (" +
                             std::to_string(count) + " lines); fix the line number");
      const std::string& line = lines[static_cast<std::size_t>(ref.line - 1)];
      if (line.find(ref.text) == std::string::npos)
        throw InputError(claims.file, ref.pointer + "/text",
                         "line " + std::to_string(ref.line) + " of " + outline_file + " does not contain \"" + ref.text +
                             "\"; the line is \"" + shorten(line) + "\". Fix the line number or copy the text exactly");
    }
  }
  for (const auto& rule : claims.ignore) {
    for (const int l : rule.lines) {
      if (l > count)
        throw InputError(claims.file, rule.pointer,
                         "line " + std::to_string(l) + " is past the end of " + outline_file + " (" +
                             std::to_string(count) + " lines)");
      if (!rule.text.empty() && lines[static_cast<std::size_t>(l - 1)].find(rule.text) == std::string::npos)
        throw InputError(claims.file, rule.pointer + "/text",
                         "line " + std::to_string(l) + " of " + outline_file + " does not contain \"" + rule.text +
                             "\"; the line is \"" + shorten(lines[static_cast<std::size_t>(l - 1)]) + "\"");
    }
    bool silences = false;
    for (int n = 1; n <= count && !silences; ++n) {
      const std::string& line = lines[static_cast<std::size_t>(n - 1)];
      for (const auto& t : find_numbers_in_line(line, n))
        if (!is_calendar_date(line, t) && rule_applies(rule, line, t)) silences = true;
    }
    if (!silences)
      throw InputError(claims.file, rule.pointer,
                       "this ignore rule matches no number in " + outline_file + "; fix it or remove it");
  }
}

LintReport lint_outline(std::string_view outline_text, const std::string& outline_file, const ClaimsFile& claims,
                        const std::map<std::string, Verdict>& verdicts) {
  const auto lines = split_lines(outline_text);
  check_outline_refs(claims, lines, outline_file);
  LintReport report;
  report.outline_file = outline_file;
  report.claims_file = claims.file;
  for (const auto& t : find_numbers(outline_text)) {
    const std::string& line = lines[static_cast<std::size_t>(t.line - 1)];
    if (is_calendar_date(line, t)) continue;  // not a quantity
    LintEntry e;
    e.token = t;
    for (const auto& c : claims.claims) {
      for (const auto& ref : c.outline) {
        if (ref.line == t.line && inside_occurrence(line, ref.text, t.begin, t.end)) {
          e.claim_ids.push_back(c.id);
          break;
        }
      }
    }
    if (!e.claim_ids.empty()) {
      e.status = LintEntry::Status::kCovered;
      ++report.covered;
    } else {
      for (const auto& rule : claims.ignore) {
        if (rule_applies(rule, line, t)) {
          e.status = LintEntry::Status::kIgnored;
          e.ignore_reason = rule.reason;
          break;
        }
      }
      if (e.status == LintEntry::Status::kIgnored) ++report.ignored;
      else ++report.unchecked;
    }
    report.entries.push_back(std::move(e));
  }
  for (const auto& c : claims.claims) {
    const auto it = verdicts.find(c.id);
    if (it != verdicts.end() && it->second == Verdict::kContradicted) report.contradicted.push_back(c.id);
  }
  return report;
}

namespace {

std::string cell(std::string s) {
  std::string out;
  for (const char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

std::string join(const std::vector<std::string>& items, const std::string& sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? sep : "") + items[i];
  return out;
}

}  // namespace

std::string render_lint_markdown(const LintReport& r) {
  std::ostringstream md;
  md << "# Numbers in " << r.outline_file << "\n\n";
  md << "Checked against `" << r.claims_file << "`. " << r.entries.size() << " numbers found: " << r.covered
     << " covered by a claim, " << r.ignored << " ignored with a reason, " << r.unchecked << " unchecked.";
  if (!r.contradicted.empty())
    md << " Contradicted claims: " << join(r.contradicted, ", ") << ".";
  md << "\n\n";
  if (r.unchecked > 0) {
    md << "## Unchecked numbers\n\n";
    for (const auto& e : r.entries)
      if (e.status == LintEntry::Status::kUnchecked)
        md << "- line " << e.token.line << ", column " << e.token.column << ": `" << e.token.text << "` ("
           << number_token_kind_id(e.token.kind) << ")\n";
    md << "\n";
  }
  md << "## Every number\n\n";
  md << "| Line | Column | Number | Kind | Status | Claim or reason |\n|---:|---:|---|---|---|---|\n";
  for (const auto& e : r.entries) {
    std::string why = e.status == LintEntry::Status::kCovered   ? join(e.claim_ids, ", ")
                      : e.status == LintEntry::Status::kIgnored ? e.ignore_reason
                                                                : "no claim covers it";
    md << "| " << e.token.line << " | " << e.token.column << " | " << cell(e.token.text) << " | "
       << number_token_kind_id(e.token.kind) << " | " << lint_status_id(e.status) << " | " << cell(why) << " |\n";
  }
  md << "\n";
  return md.str();
}

nlohmann::ordered_json render_lint_json(const LintReport& r) {
  nlohmann::ordered_json out;
  out["outline"] = r.outline_file;
  out["claims_file"] = r.claims_file;
  out["numbers_found"] = r.entries.size();
  out["covered"] = r.covered;
  out["ignored"] = r.ignored;
  out["unchecked"] = r.unchecked;
  out["contradicted_claims"] = r.contradicted;
  out["strict_ok"] = r.strict_ok();
  nlohmann::ordered_json entries = nlohmann::ordered_json::array();
  for (const auto& e : r.entries) {
    nlohmann::ordered_json j = {{"line", e.token.line},
                                {"column", e.token.column},
                                {"text", e.token.text},
                                {"kind", number_token_kind_id(e.token.kind)},
                                {"status", lint_status_id(e.status)}};
    if (e.status == LintEntry::Status::kCovered) j["claims"] = e.claim_ids;
    if (e.status == LintEntry::Status::kIgnored) j["reason"] = e.ignore_reason;
    entries.push_back(j);
  }
  out["numbers"] = entries;
  return out;
}

}  // namespace costproof
