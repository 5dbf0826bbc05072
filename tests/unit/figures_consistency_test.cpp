// Issue 14: every worked-example figure of an episode has the same value and the same
// base everywhere it is printed: the JSON `figures`, the CSV figure rows, the Markdown
// key-figures table and the prose of its worked example ("What this means for you").
// Read from the golden outputs of every episode that has JSON, CSV and Markdown cases.
#include <cctype>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/decimal.h"
#include "core/format.h"
#include "core/rounding_policy.h"

namespace costproof {
namespace {

using nlohmann::json;

std::string golden_stdout(const std::string& name) {
  std::ifstream in(std::string(COSTPROOF_SOURCE_DIR) + "/tests/golden/cases/" + name, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  const std::string t = s.str();
  const std::size_t start = t.find("--- stdout\n");
  const std::size_t end = t.find("\n--- stderr\n");
  if (start == std::string::npos || end == std::string::npos) return "";
  return t.substr(start + 11, end - start - 11);
}

// RFC 4180 records: quoted fields may hold commas, quotes ("") and line ends.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
      else if (c == '"') quoted = false;
      else field += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(field), field.clear();
    } else if (c == '\n') {
      rows.back().push_back(field), field.clear();
      rows.emplace_back();
    } else if (c != '\r') {
      field += c;
    }
  }
  if (!field.empty() || !rows.back().empty()) rows.back().push_back(field);
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

std::string str(const json& v) { return v.is_null() ? "" : v.get<std::string>(); }

// The CSV's custom columns (docs/claims.md#csv).
const std::string kRecordType = "x_RecordType", kFigureId = "x_FigureId";
std::string usd(const std::string& exact) { return format_usd_rounded(Decimal::parse(exact)); }

struct Episode {
  const char* json_case;
  const char* csv_case;
  const char* md_case;     // the full notes (--detail full)
  const char* short_case;  // the short notes (the default)
};

const Episode kEpisodes[] = {
    {"episode-ep050-json.test", "episode-ep050-csv.test", "episode-ep050-full.test", "episode-ep050.test"},
};

TEST(FiguresConsistencyTest, EachFigureHasOneValueAndOneBaseEverywhere) {
  for (const Episode& e : kEpisodes) {
    SCOPED_TRACE(e.json_case);
    const json doc = json::parse(golden_stdout(e.json_case));
    const std::string md = golden_stdout(e.md_case);
    const auto csv = parse_csv(golden_stdout(e.csv_case));
    ASSERT_FALSE(csv.empty());
    std::map<std::string, std::size_t> col;
    for (std::size_t i = 0; i < csv[0].size(); ++i) col[csv[0][i]] = i;
    std::map<std::string, std::vector<std::string>> csv_rows;  // FigureId -> row
    for (const auto& r : csv)
      if (r.size() == csv[0].size() && r.at(col.at(kRecordType)) == "figure") csv_rows[r.at(col.at(kFigureId))] = r;
    std::map<std::string, json> by_id;
    for (const auto& f : doc.at("figures")) by_id[str(f.at("id"))] = f;
    ASSERT_FALSE(by_id.empty());
    EXPECT_EQ(csv_rows.size(), by_id.size());

    for (const auto& f : doc.at("figures")) {
      const std::string id = str(f.at("id"));
      SCOPED_TRACE(id);
      const std::string base = str(f.at("baseline"));
      // The base: the saving is the baseline's effective cost minus this one, and the
      // percentage is that saving over the baseline's effective cost.
      if (!base.empty()) {
        const json& b = by_id.at(base);
        EXPECT_EQ(str(b.at("scenario")), str(f.at("scenario"))) << "a baseline from another worked example";
        EXPECT_EQ(str(b.at("period")), str(f.at("period")));
        const Decimal saving = Decimal::parse(str(b.at("effective_cost"))) - Decimal::parse(str(f.at("effective_cost")));
        EXPECT_EQ(saving, Decimal::parse(str(f.at("saving_vs_baseline"))));
        EXPECT_EQ(percent_of(saving, Decimal::parse(str(b.at("effective_cost")))).to_string(),
                  str(f.at("saving_percent_of_baseline")));
      }
      // CSV: the same exact values and the same baseline.
      ASSERT_TRUE(csv_rows.count(id));
      const auto& r = csv_rows.at(id);
      EXPECT_EQ(r.at(col.at("x_ScenarioId")), str(f.at("scenario")));
      EXPECT_EQ(r.at(col.at("ListCost")), str(f.at("list_cost")));
      EXPECT_EQ(r.at(col.at("EffectiveCost")), str(f.at("effective_cost")));
      EXPECT_EQ(r.at(col.at("x_BaselineFigureId")), base);
      EXPECT_EQ(r.at(col.at("x_SavingVsBaseline")), str(f.at("saving_vs_baseline")));
      EXPECT_EQ(r.at(col.at("x_SavingPercentOfBaseline")), str(f.at("saving_percent_of_baseline")));
      // Key-figures table: the same values, rounded to the cent.
      const std::string saving_cell =
          base.empty() ? "—" : usd(str(f.at("saving_vs_baseline"))) + " (" + str(f.at("saving_percent_of_baseline")) + "%)";
      const std::string table_row = "| " + str(f.at("description")) + " | `" + str(f.at("scenario")) + "` | " +
                                    str(f.at("period")) + " | " + usd(str(f.at("list_cost"))) + " | " +
                                    usd(str(f.at("effective_cost"))) + " | " + saving_cell + " |";
      EXPECT_NE(md.find(table_row + "\n"), std::string::npos) << "no key-figures row " << table_row;
      // Prose: the worked example's paragraph states the baseline's cost, and each saving
      // with its percentage (a negative saving is said as "more": its absolute value).
      const std::regex para("\\*Worked example: [^\\n]*\\(`" + str(f.at("scenario")) + "`\\)\\.\\*\\n\\n([^\\n]*)");
      std::smatch m;
      ASSERT_TRUE(std::regex_search(md, m, para)) << "no worked-example paragraph";
      const std::string prose = m[1].str();
      if (base.empty()) {
        EXPECT_NE(prose.find(usd(str(f.at("list_cost")))), std::string::npos) << prose;
      } else {
        const Decimal saving = Decimal::parse(str(f.at("saving_vs_baseline")));
        const Decimal pct = Decimal::parse(str(f.at("saving_percent_of_baseline")));
        EXPECT_NE(prose.find(format_usd_rounded(saving.abs())), std::string::npos) << prose;
        EXPECT_NE(prose.find(pct.abs().to_string() + "%"), std::string::npos) << prose;
      }
    }
  }
}

// FOCUS "Column Handling": FOCUS column IDs first, then custom columns, each with the x_
// prefix; a FOCUS name is used only for the FOCUS columns listed in docs/claims.md#csv.
TEST(FiguresConsistencyTest, CsvColumnsAreFocusNamesOrXPrefixed) {
  const std::set<std::string> focus = {"BillingCurrency", "ChargeDescription", "ContractedCost",
                                       "EffectiveCost",   "ListCost",          "RegionId"};
  for (const Episode& e : kEpisodes) {
    SCOPED_TRACE(e.csv_case);
    const auto csv = parse_csv(golden_stdout(e.csv_case));
    ASSERT_FALSE(csv.empty());
    bool custom_seen = false;
    std::size_t focus_columns = 0;
    for (const auto& name : csv[0]) {
      const bool custom = name.rfind("x_", 0) == 0;
      EXPECT_TRUE(custom || focus.count(name)) << name << " is neither a FOCUS column nor x_-prefixed";
      EXPECT_FALSE(!custom && custom_seen) << "FOCUS column " << name << " after a custom column";
      custom_seen = custom_seen || custom;
      if (!custom) ++focus_columns;
      for (const char c : name.substr(custom ? 2 : 0))
        EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c))) << name << ": not Pascal case alphanumeric";
    }
    EXPECT_EQ(focus_columns, focus.size());
  }
}

// Issue 13: the short show notes print only figures of the full notes. Every dollar amount and
// every percentage of the short notes is printed in the full notes, or is a JSON figure
// formatted as the notes format it; each key-figures row is its JSON figure, rounded; and no
// scenario id appears (the short notes name worked examples by title).
TEST(FiguresConsistencyTest, ShortNotesPrintTheFullNotesFigures) {
  for (const Episode& e : kEpisodes) {
    SCOPED_TRACE(e.short_case);
    const json doc = json::parse(golden_stdout(e.json_case));
    const std::string full = golden_stdout(e.md_case);
    const std::string notes = golden_stdout(e.short_case);
    ASSERT_FALSE(notes.empty());
    ASSERT_FALSE(full.empty());
    std::set<std::string> known;  // JSON figures as the notes print them
    std::map<std::string, json> by_id;
    for (const auto& f : doc.at("figures")) {
      by_id[str(f.at("id"))] = f;
      for (const char* k : {"list_cost", "contracted_cost", "effective_cost", "saving_vs_baseline"})
        if (!f.at(k).is_null()) {
          const Decimal d = Decimal::parse(str(f.at(k)));
          known.insert((d.is_negative() ? "-" : "") + format_usd_rounded(d.abs()));
        }
      if (!f.at("saving_percent_of_baseline").is_null()) known.insert(str(f.at("saving_percent_of_baseline")) + "%");
    }
    const std::regex figure("-?\\$[0-9][0-9,]*(\\.[0-9]+)?|-?[0-9]+(\\.[0-9]+)?%");
    std::size_t checked = 0;
    for (auto it = std::sregex_iterator(notes.begin(), notes.end(), figure); it != std::sregex_iterator(); ++it) {
      const std::string f = it->str();
      ++checked;
      EXPECT_TRUE(full.find(f) != std::string::npos || known.count(f)) << "the short notes print " << f
                                                                        << ", which the full notes do not";
    }
    EXPECT_GT(checked, 50u);
    // Key figures: each figure with a baseline is one row, its values rounded to the cent.
    for (const auto& f : doc.at("figures")) {
      if (f.at("baseline").is_null()) continue;
      const json& b = by_id.at(str(f.at("baseline")));
      const Decimal saving = Decimal::parse(str(f.at("saving_vs_baseline")));
      const std::string row = " | " + str(f.at("description")) + " | " + str(f.at("period")) + " | " +
                              usd(str(b.at("effective_cost"))) + " | " + usd(str(f.at("effective_cost"))) + " | " +
                              (saving.is_negative() ? "-" : "") + format_usd_rounded(saving.abs()) + " (" +
                              str(f.at("saving_percent_of_baseline")) + "%) |\n";
      EXPECT_NE(notes.find(row), std::string::npos) << "no key-figures row ending" << row;
    }
    // No scenario id in the reader-facing text.
    for (const auto& ex : doc.at("worked_examples")) {
      const std::string id = str(ex.at("scenario"));
      EXPECT_EQ(notes.find(id), std::string::npos) << "scenario id " << id << " in the short notes";
    }
  }
}

}  // namespace
}  // namespace costproof
