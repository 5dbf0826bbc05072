#include "pricing_verify.h"

#include <algorithm>
#include <chrono>
#include <iostream>
#include <optional>
#include <set>
#include <sstream>

#include <boost/program_options.hpp>

#include "core/error.h"
#include "command_options.h"
#include "exit_codes.h"
#include "files.h"
#include "core/format.h"
#include "pricing/instance_shapes.h"
#include "core/json_reader.h"
#include "pricing/price_table.h"
#include "render/text_template.h"

namespace costproof::cli {
namespace fs = std::filesystem;
namespace po = boost::program_options;

namespace {

std::string where(const std::string& file, const std::string& pointer, const std::string& message) {
  return file + (pointer.empty() ? "" : ": " + pointer) + ": " + message;
}

// B is for AWS-written text: an AWS web site, or a repository of an AWS GitHub organisation.
bool aws_owned(const PriceSource& s) {
  static const std::set<std::string> kOrgs = {"aws", "awslabs", "aws-samples", "aws-solutions", "amazon-archives"};
  const auto owner_of = [](const std::string& path) { return path.substr(0, path.find('/')); };
  if (!s.repo.empty()) return kOrgs.count(owner_of(s.repo)) > 0;
  const auto scheme = s.url.find("://");
  if (scheme == std::string::npos) return false;
  const std::string rest = s.url.substr(scheme + 3);
  const std::string host = rest.substr(0, rest.find('/'));
  const std::string path = rest.find('/') == std::string::npos ? "" : rest.substr(rest.find('/') + 1);
  const auto ends_with = [&](const std::string& suffix) {
    return host == suffix.substr(1) ||
           (host.size() > suffix.size() && host.compare(host.size() - suffix.size(), suffix.size(), suffix) == 0);
  };
  if (ends_with(".amazon.com") || ends_with(".amazonaws.com") || ends_with(".awsstatic.com") || ends_with(".aws"))
    return true;
  if (host == "github.com" || host == "raw.githubusercontent.com") return kOrgs.count(owner_of(path)) > 0;
  return false;
}

std::string count(std::size_t n) { return group_thousands(Decimal::from_int(static_cast<std::int64_t>(n))); }

}  // namespace

VerifyResult verify_pricing_data(const fs::path& root, const Date& today) {
  VerifyResult r;
  const fs::path aws = root / "aws";
  std::error_code ec;
  if (!fs::is_directory(aws, ec))
    throw FileError(aws.string() + ": no such directory; expected the price tables there (use --pricing-data DIR)");
  const std::vector<fs::path> files = pricing_table_paths(aws);
  std::vector<std::string> schema, sourced, zero, provenance, trust;
  bool have_shapes = false;
  for (const auto& file : files) {
    ++r.files;
    const std::string label = fs::proximate(file).generic_string();  // as the loader names it
    std::optional<PriceTable> table;
    try {
      const auto json = parse_json_text(read_text_file(file, kLargeFileLimit), label, JsonOrigin::kPricingData);
      if (file.filename() == "ec2-instance-shapes.json" && file.parent_path() == aws) {
        parse_instance_shapes(json, label);
        have_shapes = true;
        continue;
      }
      table = parse_price_table(json, label);
      const std::string folder = file.parent_path().filename().string();
      if (table->region != folder)
        throw PricingDataError(label, "/region",
                               "the table says region \"" + table->region + "\" but lives in folder \"" + folder + "\"");
      if (table->service != file.stem().string())
        throw PricingDataError(label, "/service",
                               "the table says service \"" + table->service + "\" but the file is named \"" +
                                   file.filename().string() + "\"");
    } catch (const InputError& e) {
      schema.push_back(e.what());
      continue;
    } catch (const FileError& e) {
      schema.push_back(e.what());
      continue;
    }
    ++r.tables;
    r.sources += table->sources.size();
    std::set<const PriceSource*> cited;
    for (const auto& row : table->rows) {
      ++r.rows;
      if (!row.source) {
        sourced.push_back(where(label, row.pointer, "the row has no source"));
        continue;
      }
      cited.insert(row.source.get());
      for (const auto& earlier : row.history) cited.insert(earlier.source.get());  // a history entry cites too
      if (today < row.source->as_of)
        sourced.push_back(where(label, row.pointer,
                                "source \"" + row.source->id + "\" is dated " + row.source->as_of.to_string() +
                                    ", after today (" + today.to_string() + ")"));
      const bool imported = !row.sku.empty() || !row.rate_code.empty();
      if (imported) ++r.imported_rows;
      if (row.is_price() && row.price.usd_per_unit().is_zero() && !imported && row.note.empty())
        zero.push_back(where(label, row.pointer + "/price",
                             "price \"0\" for \"" + row.key +
                                 "\" with no note: a zero price needs the source's statement that the item is free "
                                 "(add a \"note\"), or comes from an offer file"));
      if (imported) {
        if (row.sku.empty() || row.rate_code.empty())
          provenance.push_back(where(label, row.pointer, "an imported row needs both \"sku\" and \"rate_code\""));
        else if (row.rate_code.rfind(row.sku + ".", 0) != 0)
          provenance.push_back(where(label, row.pointer + "/rate_code",
                                     "rate code \"" + row.rate_code + "\" does not belong to SKU \"" + row.sku + "\""));
        const PriceSource& s = *row.source;
        if (s.offer_code.empty() || s.offer_version.empty() || s.publication_date.empty())
          provenance.push_back(where(label, row.pointer + "/source",
                                     "source \"" + s.id +
                                         "\" of an imported row needs \"offer_code\", \"offer_version\" and "
                                         "\"publication_date\""));
        else if (s.publication_date.substr(0, 10) != s.as_of.to_string())
          provenance.push_back(where(label, row.pointer + "/source",
                                     "source \"" + s.id + "\" has as_of " + s.as_of.to_string() +
                                         " but publication_date " + s.publication_date));
      }
    }
    // Trust grades, per source that rows cite.
    for (std::size_t i = 0; i < table->sources.size(); ++i) {
      const PriceSource& s = *table->sources[i];
      if (!cited.count(&s)) continue;
      const std::string at = "/sources/" + std::to_string(i);
      if (s.trust == 'A') {
        if (s.offer_code.empty() || (s.offer_version.empty() && s.publication_date.empty()))
          trust.push_back(where(label, at,
                                "source \"" + s.id +
                                    "\" is graded A but names no \"offer_code\" and \"offer_version\" or "
                                    "\"publication_date\": A is only for AWS machine-published price data (offer "
                                    "files, GetProducts, the pricing-page feed); import the data with costproof "
                                    "pricing import, or grade the source B (AWS-written text) or C (third party)"));
        for (const auto& row : table->rows)
          if (row.source.get() == &s && row.is_price() && (row.sku.empty() || row.rate_code.empty()))
            trust.push_back(where(label, row.pointer,
                                  "\"" + row.key + "\" cites source \"" + s.id +
                                      "\", graded A, but has no \"sku\" and \"rate_code\": an A price names the "
                                      "SKU and rate code it was read from"));
      } else {
        if (s.trust == 'B' && !aws_owned(s))
          trust.push_back(where(label, at,
                                "source \"" + s.id + "\" is graded B but " + s.citation() +
                                    " is not an AWS site or AWS GitHub organisation: B is for AWS-written text; "
                                    "grade it C"));
        if (s.no_machine_data.empty())
          trust.push_back(where(label, at,
                                "source \"" + s.id + "\" is graded " + std::string(1, s.trust) +
                                    " and has no \"no_machine_data\": say why no AWS machine-published price data "
                                    "(offer file, GetProducts, pricing-page feed) backs its figures, or import that "
                                    "data (costproof pricing import)"));
      }
    }
    for (const auto& row : table->rows)
      if (row.source) {
        if (row.source->trust == 'A') ++r.grade_a;
        else if (row.source->trust == 'B') ++r.grade_b;
        else ++r.grade_c;
      }
    for (std::size_t i = 0; i < table->sources.size(); ++i)
      if (!cited.count(table->sources[i].get()))
        r.warnings.push_back(where(label, "/sources/" + std::to_string(i),
                                   "source \"" + table->sources[i]->id + "\" is not cited by any row"));
  }
  if (!have_shapes) schema.push_back((aws / "ec2-instance-shapes.json").string() + ": missing");
  r.schema = schema.size();
  r.sourced = sourced.size();
  r.zero = zero.size();
  r.provenance = provenance.size();
  r.trust = trust.size();
  for (auto* list : {&schema, &sourced, &zero, &provenance, &trust})
    r.problems.insert(r.problems.end(), list->begin(), list->end());
  return r;
}

std::string render_verify(const VerifyResult& r, const std::string& root_label, OutputFormat format) {
  if (format == OutputFormat::kJson) {
    nlohmann::ordered_json j;
    j["pricing_data"] = root_label;
    j["files"] = r.files;
    j["tables"] = r.tables;
    j["rows"] = r.rows;
    j["sources"] = r.sources;
    j["imported_rows"] = r.imported_rows;
    j["checks"] = {{"schema", r.schema}, {"sourced_and_dated", r.sourced}, {"zero_prices", r.zero},
                   {"import_provenance", r.provenance}, {"trust_grades", r.trust}};
    j["rows_by_trust"] = {{"A", r.grade_a}, {"B", r.grade_b}, {"C", r.grade_c}};
    j["ok"] = r.problems.empty();
    j["problems"] = r.problems;
    j["warnings"] = r.warnings;
    return j.dump(2) + "\n";
  }
  const auto check = [](std::size_t n) {
    return nlohmann::json{{"ok", n == 0}, {"n", count(n)}, {"one", n == 1}};
  };
  return fill_template("pricing/verify-report.md",
                       {{"root", root_label},
                        {"files", count(r.files)},
                        {"tables", count(r.tables)},
                        {"rows", count(r.rows)},
                        {"imported", count(r.imported_rows)},
                        {"sources", count(r.sources)},
                        {"schema", check(r.schema)},
                        {"sourced", check(r.sourced)},
                        {"zero", check(r.zero)},
                        {"provenance", check(r.provenance)},
                        {"trust", check(r.trust)},
                        {"grade_a", count(r.grade_a)},
                        {"grade_b", count(r.grade_b)},
                        {"grade_c", count(r.grade_c)},
                        {"has_problems", !r.problems.empty()},
                        {"problems", separated_texts(r.problems, "\n")},
                        {"has_warnings", !r.warnings.empty()},
                        {"warnings", separated_texts(r.warnings, "\n")}});
}

int cmd_pricing_verify(const std::vector<std::string>& args, const std::string& default_pricing_data) {
  po::options_description o("Options");
  o.add_options()("help,h", "show this help")(
      "pricing-data", po::value<std::string>()->default_value(default_pricing_data), "folder of price tables")(
      "as-of", po::value<std::string>(), "judge 'as-of in the future' against this date (YYYY-MM-DD) instead of today")(
      "out,o", po::value<std::string>(), "write the report to this file (atomically) instead of stdout");
  add_report_format_option(o, "output format: md or json");
  const po::variables_map vm = parse_command_line(args, o, {}, {});
  if (vm.count("help")) {
    std::cout << "Usage: costproof pricing verify [options]\n\n"
                 "Checks the price tables: schema, every row sourced and dated, no duplicate keys,\n"
                 "no zero price the source does not state, provenance of imported rows, trust grades.\n"
                 "Exit 0 when every check passes, 5 otherwise.\n\n"
              << o;
    return kOk;
  }
  const std::string root = vm["pricing-data"].as<std::string>();
  const OutputFormat format = output_format_of(vm);
  const Date today = as_of_or_today(vm);
  const VerifyResult result = verify_pricing_data(root, today);
  const std::string text = render_verify(result, root, format);
  if (vm.count("out"))
    write_output_file(vm["out"].as<std::string>(), text);
  else
    std::cout << text << std::flush;
  if (!result.problems.empty()) {
    std::cerr << "costproof: error in price table: " << result.problems.size()
              << (result.problems.size() == 1 ? " problem" : " problems") << " found by pricing verify (listed above)\n";
    return kPricingDataError;
  }
  return kOk;
}

}  // namespace costproof::cli
