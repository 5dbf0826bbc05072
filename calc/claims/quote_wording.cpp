#include "claims/quote_wording.h"

#include <algorithm>
#include <cctype>
#include <regex>

namespace costproof {

std::string metric_id(Metric m) { return std::string(kMetricIds[static_cast<int>(m)]); }

std::optional<Metric> parse_metric(std::string_view id) {
  for (int i = 0; i < 3; ++i)
    if (kMetricIds[i] == id) return static_cast<Metric>(i);
  return std::nullopt;
}

std::optional<Variant> parse_variant(std::string_view id) {
  for (int i = 0; i < 7; ++i)
    if (kVariantIds[i] == id) return static_cast<Variant>(i);
  return std::nullopt;
}

std::string qualifier_id(Qualifier q) {
  switch (q) {
    case Qualifier::kNone: return "none";
    case Qualifier::kUpTo: return "up-to";
    case Qualifier::kAbout: return "about";
    case Qualifier::kMoreThan: return "more-than";
    case Qualifier::kLessThan: return "less-than";
    case Qualifier::kMixed: return "mixed";
  }
  return "";
}

namespace {

// The word table. A phrase without a metric only uses its words up ("less than" is a
// qualifier, not the price word "less").
struct MetricPhrase {
  std::string_view text;
  std::optional<Metric> metric;
};
constexpr MetricPhrase kMetricPhrases[] = {
    {"price-performance", Metric::kPricePerformance}, {"price performance", Metric::kPricePerformance},
    {"price/performance", Metric::kPricePerformance}, {"cost per unit of work", Metric::kPricePerformance},
    {"performance per dollar", Metric::kPricePerformance}, {"per unit of work", Metric::kPricePerformance},
    {"per dollar", Metric::kPricePerformance},
    {"faster", Metric::kWork}, {"performance", Metric::kWork}, {"throughput", Metric::kWork},
    {"quicker", Metric::kWork}, {"speedup", Metric::kWork}, {"speed-up", Metric::kWork},
    {"cheaper", Metric::kPrice}, {"cheapest", Metric::kPrice}, {"cheap", Metric::kPrice},
    {"cost", Metric::kPrice}, {"costs", Metric::kPrice}, {"costing", Metric::kPrice},
    {"save", Metric::kPrice}, {"saves", Metric::kPrice}, {"saved", Metric::kPrice}, {"saving", Metric::kPrice},
    {"savings", Metric::kPrice}, {"price", Metric::kPrice}, {"prices", Metric::kPrice}, {"priced", Metric::kPrice},
    {"bill", Metric::kPrice}, {"charge", Metric::kPrice}, {"charges", Metric::kPrice}, {"fee", Metric::kPrice},
    {"pay", Metric::kPrice}, {"spend", Metric::kPrice}, {"less", Metric::kPrice},
    {"less than", std::nullopt}, {"no less than", std::nullopt},
};

struct QualifierPhrase {
  std::string_view text;
  Qualifier qualifier;
};
constexpr QualifierPhrase kQualifierPhrases[] = {
    {"up to", Qualifier::kUpTo},          {"as much as", Qualifier::kUpTo},     {"at most", Qualifier::kUpTo},
    {"max", Qualifier::kUpTo},            {"maximum", Qualifier::kUpTo},        {"no more than", Qualifier::kUpTo},
    {"about", Qualifier::kAbout},         {"roughly", Qualifier::kAbout},       {"around", Qualifier::kAbout},
    {"approximately", Qualifier::kAbout}, {"nearly", Qualifier::kAbout},        {"almost", Qualifier::kAbout},
    {"more than", Qualifier::kMoreThan},  {"over", Qualifier::kMoreThan},       {"at least", Qualifier::kMoreThan},
    {"above", Qualifier::kMoreThan},      {"no less than", Qualifier::kMoreThan},
    {"less than", Qualifier::kLessThan},  {"under", Qualifier::kLessThan},      {"below", Qualifier::kLessThan},
    {"fewer than", Qualifier::kLessThan},
};

constexpr std::string_view kNumberWords[] = {"one",    "two",     "three",  "four",    "five",    "six",
                                             "seven",  "eight",   "nine",   "ten",     "eleven",  "twelve",
                                             "twenty", "thirty",  "forty",  "fifty",   "hundred", "half",
                                             "a",      "an"};  // "more than a million", "up to an hour"

// Letters, digits, '-' and any byte of a multi-byte UTF-8 character belong to a word.
bool word_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '-' || u >= 0x80;
}

// Does `phrase` occur in `s` at `p` as whole words?
bool whole_words_at(std::string_view s, std::size_t p, std::string_view phrase) {
  if (s.compare(p, phrase.size(), phrase) != 0) return false;
  const std::size_t end = p + phrase.size();
  return (p == 0 || !word_char(s[p - 1])) && (end == s.size() || !word_char(s[end]));
}

// Is a number (digits, "$", "~" or a number word) the next thing after position `p`?
bool number_follows(std::string_view s, std::size_t p) {
  while (p < s.size() && s[p] == ' ') ++p;
  if (p == s.size()) return false;
  if (std::isdigit(static_cast<unsigned char>(s[p])) || s[p] == '$' || s[p] == '~') return true;
  for (const auto w : kNumberWords)
    if (whole_words_at(s, p, w)) return w.size() > 2 || number_follows(s, p + w.size());
  return false;
}

struct Hit {
  std::size_t at;
  std::string text;
  std::optional<Metric> metric;
};

}  // namespace

QuoteWording classify_quote(std::string_view quote) {
  std::string s(quote);
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  QuoteWording out;
  out.has_digit = std::any_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });

  // Metric words: patterns first ("$394 a year", "20% off"), then phrases, longest first.
  std::vector<Hit> hits;
  std::string used = s;  // matched text is blanked here, so a word counts once
  static const std::regex kDollarPeriod(R"(\$[0-9][0-9,]*(\.[0-9]+)?\+?\s*(/|a |an |per |each )\s*(month|year|hour|day|mo|yr)\b)");
  static const std::regex kPercentOff(R"([0-9][0-9.]*%\s*off\b)");
  for (const auto* re : {&kDollarPeriod, &kPercentOff})
    for (auto it = std::sregex_iterator(s.begin(), s.end(), *re); it != std::sregex_iterator(); ++it) {
      const auto at = static_cast<std::size_t>(it->position());
      hits.push_back({at, std::string(quote.substr(at, static_cast<std::size_t>(it->length()))), Metric::kPrice});
      std::fill_n(used.begin() + static_cast<std::ptrdiff_t>(at), it->length(), ' ');
    }
  std::vector<MetricPhrase> phrases(std::begin(kMetricPhrases), std::end(kMetricPhrases));
  std::stable_sort(phrases.begin(), phrases.end(),
                   [](const MetricPhrase& a, const MetricPhrase& b) { return a.text.size() > b.text.size(); });
  for (const auto& ph : phrases)
    for (std::size_t p = used.find(ph.text); p != std::string::npos; p = used.find(ph.text, p + 1)) {
      if (!whole_words_at(used, p, ph.text)) continue;
      hits.push_back({p, std::string(quote.substr(p, ph.text.size())), ph.metric});
      std::fill_n(used.begin() + static_cast<std::ptrdiff_t>(p), ph.text.size(), ' ');
    }
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.at < b.at; });
  for (const auto& h : hits) {
    if (!h.metric) continue;
    out.words.push_back(h.text);
    out.word_metrics.push_back(*h.metric);
  }
  if (!out.word_metrics.empty() &&
      std::all_of(out.word_metrics.begin(), out.word_metrics.end(), [&](Metric m) { return m == out.word_metrics[0]; }))
    out.metric = out.word_metrics[0];

  // Qualifiers: a phrase right before a number, "~" before a number, or a number followed by "+".
  std::vector<std::pair<std::size_t, std::pair<Qualifier, std::string>>> found;
  for (const auto& q : kQualifierPhrases)
    for (std::size_t p = s.find(q.text); p != std::string::npos; p = s.find(q.text, p + 1))
      if (whole_words_at(s, p, q.text) && number_follows(s, p + q.text.size()) &&
          !(q.text == "more than" && p >= 3 && whole_words_at(s, p - 3, "no more than")) &&
          !(q.text == "less than" && p >= 3 && whole_words_at(s, p - 3, "no less than")))
        found.push_back({p, {q.qualifier, std::string(quote.substr(p, q.text.size()))}});
  for (std::size_t p = s.find('~'); p != std::string::npos; p = s.find('~', p + 1))
    if (number_follows(s, p + 1)) found.push_back({p, {Qualifier::kAbout, "~"}});
  static const std::regex kPlus(R"(\$?[0-9][0-9,.]*[%x]?\+)");
  for (auto it = std::sregex_iterator(s.begin(), s.end(), kPlus); it != std::sregex_iterator(); ++it)
    found.push_back({static_cast<std::size_t>(it->position()),
                     {Qualifier::kMoreThan, std::string(quote.substr(static_cast<std::size_t>(it->position()),
                                                                     static_cast<std::size_t>(it->length())))}});
  std::sort(found.begin(), found.end());
  for (const auto& [at, q] : found) {
    if (out.qualifier == Qualifier::kNone) {
      out.qualifier = q.first;
      out.qualifier_words = q.second;
    } else if (out.qualifier != q.first) {
      out.qualifier = Qualifier::kMixed;
      out.qualifier_words += ", " + q.second;
    }
  }
  return out;
}

std::string quoted_words(const QuoteWording& w) {
  std::string out;
  for (std::size_t i = 0; i < w.words.size(); ++i)
    out += std::string(i == 0 ? "" : i + 1 == w.words.size() ? " and " : ", ") + "\"" + w.words[i] + "\"" +
           (w.metric ? "" : " (" + metric_id(w.word_metrics[i]) + ")");
  return out;
}

}  // namespace costproof
