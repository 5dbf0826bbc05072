#include "pricing_import.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/program_options.hpp>

#include "core/error.h"
#include "command_options.h"
#include "exit_codes.h"
#include "files.h"
#include "core/format.h"
#include "core/json_reader.h"
#include "offers/offer_extract.h"
#include "offers/offer_feed.h"
#include "offers/offer_merge.h"
#include "progress.h"
#include "render/text_template.h"

namespace costproof::cli {
namespace fs = std::filesystem;
namespace po = boost::program_options;

namespace {

using OJson = nlohmann::ordered_json;

// Reads a file with read(2) in the chunks the scanner asks for, feeding the progress bar.
class FileByteSource : public ByteSource {
 public:
  FileByteSource(const fs::path& path, Progress* progress) : path_(path), progress_(progress) {
    // Offer files are streamed, so any size is fine; a FIFO or device is refused (save the download to a file).
    fd_ = open_regular_file(path, "; check the path (relative paths start from the current directory)");
    struct stat st {};
    if (::fstat(fd_, &st) == 0) size_ = static_cast<std::uint64_t>(st.st_size);
#ifdef POSIX_FADV_SEQUENTIAL
    ::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
  }
  ~FileByteSource() override {
    if (fd_ >= 0) ::close(fd_);
  }
  FileByteSource(const FileByteSource&) = delete;
  FileByteSource& operator=(const FileByteSource&) = delete;

  std::size_t read(char* buffer, std::size_t capacity) override {
    for (;;) {
      const ssize_t n = ::read(fd_, buffer, capacity);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) throw FileError(path_.string() + ": read failed (" + std::strerror(errno) + ")");
      done_ += static_cast<std::uint64_t>(n);
      if (progress_) progress_->update(done_);
      return static_cast<std::size_t>(n);
    }
  }
  // A regular file (open_regular_file refuses anything else): an offer file with terms before
  // products is read twice in parts.
  bool seekable() const override { return true; }
  bool seek(std::uint64_t offset) override {
    if (::lseek(fd_, static_cast<off_t>(offset), SEEK_SET) < 0) return false;
    done_ = offset;
    return true;
  }
  std::uint64_t size() const { return size_; }

 private:
  fs::path path_;
  Progress* progress_;
  int fd_ = -1;
  std::uint64_t size_ = 0;
  std::uint64_t done_ = 0;
};

std::uint64_t size_of(const fs::path& path) {
  std::error_code ec;
  const auto n = fs::file_size(path, ec);
  return ec ? 0 : static_cast<std::uint64_t>(n);
}

std::string bytes_text(std::uint64_t n) { return group_thousands(Decimal::from_int(static_cast<std::int64_t>(n))); }

std::string md_cell(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else out += c;
  }
  return out;
}

struct TableState {
  std::optional<OJson> json;  // current content (after earlier merges of this run)
  std::string original_text;  // on disk before the run ("" when absent)
  std::string text;           // current text
};

struct FileReport {
  OfferImport offer;
  std::uint64_t size = 0;
  std::vector<std::pair<std::string, TableMerge>> tables;  // label, merge
};

// The report (calc/offers/templates/import-report.md), from formatted values.
std::string render_markdown(const std::vector<FileReport>& reports, const ImportOptions& options,
                            const std::vector<std::string>& written) {
  const auto listed = [](std::vector<std::string> names) {  // table cells: '|' escaped
    for (auto& n : names) n = md_cell(n);
    return separated_texts(names, ", ");
  };
  nlohmann::json files = nlohmann::json::array();
  for (const auto& r : reports) {
    const OfferImport& o = r.offer;
    nlohmann::json f = {{"offer_code", o.offer_code},
                        {"version", o.version},
                        {"published", o.publication_date},
                        {"file", o.file},
                        {"format", o.format == "json" ? "JSON" : "CSV"},
                        {"size", bytes_text(r.size)},
                        {"rates", o.kind == OfferKind::kSavingsPlans || o.document_kind == "pricing-page feed"},
                        {"products", bytes_text(o.products)},
                        {"kept", bytes_text(o.products_kept)},
                        {"rows", std::to_string(o.rows.size())},
                        {"has_notes", !o.notes.empty()},
                        {"notes", separated_texts(o.notes, "\n")}};
    if (o.document_kind == "GetProducts") f["get_products"] = true;
    else if (o.document_kind != "offer file") f["feed"] = o.feed_name;
    if (o.stopped_early) f["stopped"] = {{"parsed", bytes_text(o.bytes_parsed)}, {"before", o.stopped_before}};
    nlohmann::json tables = nlohmann::json::array();
    for (const auto& [label, m] : r.tables) {
      std::string changes;  // row by row: an offer can change thousands of prices
      for (const auto& c : m.changes)
        changes += fill_template("offers/import-change-row.md",
                                 {{"kind", change_kind_name(c.kind)}, {"key", md_cell(c.key)}, {"tier", c.tier},
                                  {"old", c.old_price.empty() ? "-" : c.old_price},
                                  {"new", c.new_price.empty() ? "-" : c.new_price},
                                  {"sku", c.sku}, {"rate_code", c.rate_code}});
      nlohmann::json t = {{"label", label},
                          {"created", m.created},
                          {"has_changes", !m.changes.empty()},
                          {"changes", changes},
                          {"unchanged", std::to_string(m.unchanged)},
                          {"unchanged_one", m.unchanged == 1},
                          {"untouched", std::to_string(m.untouched)},
                          {"untouched_one", m.untouched == 1},
                          {"has_history", !m.gained_history.empty()},
                          {"gained", listed(m.gained_history)}};
      if (m.confirmed) t["confirmed"] = {{"count", std::to_string(m.confirmed)}, {"one", m.confirmed == 1}};
      tables.push_back(t);
    }
    f["tables"] = tables;
    files.push_back(f);
  }
  nlohmann::json data = {{"files", files}, {"dry_run", options.dry_run}};
  if (!written.empty())
    data["written"] = {{"count", std::to_string(written.size())}, {"one", written.size() == 1}, {"tables", listed(written)}};
  return fill_template("offers/import-report.md", data);
}

std::string render_json(const std::vector<FileReport>& reports, const ImportOptions& options,
                        const std::vector<std::string>& written) {
  OJson j;
  j["imports"] = OJson::array();
  for (const auto& r : reports) {
    const OfferImport& o = r.offer;
    OJson f;
    f["file"] = o.file;
    f["format"] = o.format;
    f["document_kind"] = o.document_kind;
    if (!o.feed_name.empty()) f["feed"] = o.feed_name;
    f["offer_code"] = o.offer_code;
    f["version"] = o.version;
    f["publication_date"] = o.publication_date;
    f["bytes"] = r.size;
    f["bytes_parsed"] = o.bytes_parsed;
    f["stopped_before"] = o.stopped_early ? OJson(o.stopped_before) : OJson(nullptr);
    f["products_read"] = o.products;
    f["products_kept"] = o.products_kept;
    f["rows"] = o.rows.size();
    f["tables"] = OJson::array();
    for (const auto& [label, m] : r.tables) {
      OJson t;
      t["table"] = label;
      t["created"] = m.created;
      t["changes"] = OJson::array();
      for (const auto& c : m.changes) {
        OJson cj;
        cj["change"] = change_kind_name(c.kind);
        cj["key"] = c.key;
        cj["tier"] = c.tier.empty() ? OJson(nullptr) : OJson(c.tier);
        cj["old_price"] = c.old_price.empty() ? OJson(nullptr) : OJson(c.old_price);
        cj["new_price"] = c.new_price.empty() ? OJson(nullptr) : OJson(c.new_price);
        cj["sku"] = c.sku;
        cj["rate_code"] = c.rate_code;
        t["changes"].push_back(cj);
      }
      t["unchanged"] = m.unchanged;
      t["untouched"] = m.untouched;
      t["confirmed"] = m.confirmed;
      t["gained_history"] = m.gained_history;
      f["tables"].push_back(t);
    }
    f["notes"] = o.notes;
    j["imports"].push_back(f);
  }
  j["dry_run"] = options.dry_run;
  j["written"] = written;
  return j.dump(2) + "\n";
}


}  // namespace

void write_tables_atomically(const fs::path& tables, const std::vector<std::pair<fs::path, std::string>>& files) {
  std::map<fs::path, const std::string*> changed;  // relative path -> new text
  for (const auto& [path, text] : files) changed[fs::relative(path, tables)] = &text;
  // A symbolic link aws -> elsewhere: replace the folder it points to, keep the link.
  std::error_code link_ec;
  const fs::path real = fs::is_symlink(tables, link_ec) ? fs::canonical(tables, link_ec) : tables;
  replace_folder(real, [&](const fs::path& staging) {
    // The new version: every unchanged entry of the current folder linked in, the changed tables written.
    std::error_code ec;
    if (fs::is_directory(real, ec)) {
      fs::recursive_directory_iterator it(real, ec), end;
      for (; !ec && it != end; it.increment(ec)) {
        const fs::path rel = fs::relative(it->path(), real);
        if (is_costproof_temp(rel.filename().string())) {  // left by killed runs of older versions: dropped
          if (it->is_directory(ec)) it.disable_recursion_pending();
          continue;
        }
        const fs::file_status st = it->symlink_status(ec);
        if (fs::is_symlink(st)) fs::copy_symlink(it->path(), staging / rel, ec);
        else if (fs::is_directory(st)) make_folders(staging / rel);
        else if (fs::is_regular_file(st) && !changed.count(rel)) link_or_copy(it->path(), staging / rel);
        if (ec) break;
      }
      if (ec) throw FileError(tables.string() + ": cannot copy the folder (" + ec.message() + "); nothing was replaced");
    }
    for (const auto& [rel, text] : changed) {
      make_folders((staging / rel).parent_path());
      write_new_file(staging / rel, *text);
    }
  });
}

ImportReport run_pricing_import(const ImportOptions& options, const std::function<void(const std::string&)>& before_commit) {
  // The current tables must load: they are the base of the change report.
  load_pricing_data(options.pricing_data);
  const fs::path aws = options.pricing_data / "aws";

  std::map<fs::path, TableState> states;
  std::map<std::tuple<std::string, std::string, std::string>, std::string> key_owner;  // -> file
  std::vector<FileReport> reports;
  ExtractOptions extract;
  if (options.regions.size() == 1) extract.region = options.regions.front();
  extract.full_scan = options.full_scan;
  if (!options.source_urls.empty() && options.source_urls.size() != options.files.size())
    throw CommandLineError("internal: one source URL per file expected");

  for (std::size_t i = 0; i < options.files.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (options.files[i] == options.files[j])
        throw InputError(options.files[i].string(), "", "this offer file is named twice; name it once");
  for (std::size_t file_index = 0; file_index < options.files.size(); ++file_index) {
    const fs::path& file = options.files[file_index];
    const std::uint64_t size = size_of(file);
    // A downloaded file (pricing update) is named by its URL in the report and in errors.
    const std::string file_label = options.source_urls.empty() ? file.string() : options.source_urls[file_index];
    std::vector<OfferImport> offers;
    Progress progress(file.string(), size, options.progress);
    {
      FileByteSource source(file, &progress);
      offers = extract_price_documents(source, file_label, extract);
    }
    progress.finish();
    if (!options.expected_offer_codes.empty())
      for (const auto& offer : offers) {
        const auto& ok = options.expected_offer_codes[file_index];
        if (std::find(ok.begin(), ok.end(), offer.offer_code) == ok.end())
          throw InputError(file_label, "/offerCode",
                           "expected the offer " + ok.front() + ", but the file is offer \"" + offer.offer_code +
                               "\"; the server sent the wrong file");
      }
    std::size_t rows_in_file = 0;
    for (auto& offer : offers) {
      if (options.regions.size() > 1)
        offer.rows.erase(std::remove_if(offer.rows.begin(), offer.rows.end(),
                                        [&](const OfferRow& r) {
                                          return std::find(options.regions.begin(), options.regions.end(),
                                                           r.region) == options.regions.end();
                                        }),
                         offer.rows.end());
      rows_in_file += offer.rows.size();
    }
    if (rows_in_file == 0) {
      const OfferImport& offer = offers.front();
      std::string regions;
      for (const auto& r : options.regions) regions += (regions.empty() ? "" : ", ") + r;
      throw InputError(file_label, "",
                       "found no prices to import: " + std::to_string(offer.products) +
                           (offer.kind == OfferKind::kSavingsPlans || offer.document_kind == "pricing-page feed"
                                ? " rates"
                                : " products") +
                           " read, " + std::to_string(offer.products_kept) + " passed the filters" +
                           (regions.empty() ? "" : " for region " + regions) +
                           " (filters per offer: docs/pricing-import.md)");
    }
    for (auto& offer_in : offers) {
      FileReport report;
      report.size = size;
      report.offer = std::move(offer_in);
      const OfferImport& offer = report.offer;
      if (offer.rows.empty()) continue;

      // Group rows by table.
      std::map<std::pair<std::string, std::string>, std::vector<const OfferRow*>> by_table;
      for (const auto& row : offer.rows) {
        const std::string owner = file_label + " (" + offer.offer_code + " " + offer.version + ")";
        const auto [it, inserted] = key_owner.emplace(std::make_tuple(row.region, row.service, row.key), owner);
        if (!inserted && it->second != owner)
          throw InputError(file_label, "",
                           "both " + it->second + " and " + owner + " give " + row.service + " \"" + row.key +
                               "\" in " + row.region + "; import them one at a time, or drop one");
        by_table[{row.region, row.service}].push_back(&row);
      }
      std::string location = "file:" + file.filename().string();
      if (!options.source_urls.empty()) location = options.source_urls[file_index];
      else if (!options.source_url.empty()) location = options.source_url;
      for (const auto& [table_id, rows] : by_table) {
        const auto& [region, service] = table_id;
        const fs::path path = aws / region / (service + ".json");
        const std::string label = "aws/" + region + "/" + service + ".json";
        auto sit = states.find(path);
        if (sit == states.end()) {
          TableState st;
          std::error_code ec;
          if (fs::exists(path, ec)) {
            st.original_text = read_text_file(path);
            st.text = st.original_text;
            try {
              st.json = OJson::parse(st.original_text);
            } catch (const nlohmann::json::exception&) {
              throw PricingDataError(path.string(), "", "cannot be parsed as JSON; run costproof pricing verify");
            }
          }
          sit = states.emplace(path, std::move(st)).first;
        }
        TableState& st = sit->second;
        auto source = make_offer_source(offer, region, location);
        if (!options.source_repo.empty()) {
          source->url.clear();
          source->repo = options.source_repo;
          source->path = options.source_path;
          source->commit = options.source_commit;
        }
        TableMerge m = merge_offer_rows(st.json ? &*st.json : nullptr, path.string(), offer.kind, region, service,
                                        rows, *source);
        st.text = m.text;
        st.json = OJson::parse(m.text);
        report.tables.emplace_back(label, std::move(m));
      }
      reports.push_back(std::move(report));
    }
  }

  std::vector<std::pair<fs::path, std::string>> to_write;
  std::vector<std::string> written_labels;
  ImportReport result;
  for (const auto& [path, st] : states)
    if (st.text != st.original_text) {
      to_write.emplace_back(path, st.text);
      written_labels.push_back(path.lexically_relative(options.pricing_data).generic_string());
      result.written.push_back(path);
    }
  if (options.dry_run) {
    written_labels.clear();
    result.written.clear();
  }
  result.text = options.format == OutputFormat::kJson ? render_json(reports, options, written_labels)
                                                      : render_markdown(reports, options, written_labels);
  if (before_commit) before_commit(result.text);
  if (!options.dry_run && !to_write.empty()) write_tables_atomically(aws, to_write);
  return result;
}

int cmd_pricing_import(const std::vector<std::string>& args, const std::string& default_pricing_data) {
  po::options_description o("Options");
  o.add_options()("help,h", "show this help")(
      "pricing-data", po::value<std::string>()->default_value(default_pricing_data), "folder of price tables to refresh")(
      "region", po::value<std::vector<std::string>>()->composing(),
      "import only this region's prices (e.g. us-east-1); repeat for several")(
      "dry-run", "print the change report, write nothing")(
      "full-scan", "read and validate the whole file instead of stopping after terms.OnDemand")(
      "source-url", po::value<std::string>(),
      "URL the file was downloaded from, recorded as the rows' source (one file only; default file:<name>)")(
      "source-repo", po::value<std::string>(),
      "the file is a copy from this repository (owner/name): recorded as the rows' source with --source-path and "
      "--source-commit (one file only)")(
      "source-path", po::value<std::string>(), "path of the file in --source-repo")(
      "source-commit", po::value<std::string>(), "40-hex commit of --source-repo the file was copied from")(
      "progress", po::value<std::string>()->default_value("auto"), "progress bar on stderr: auto (on a terminal), always, never")(
      "out,o", po::value<std::string>(), "write the change report to this file (atomically) instead of stdout");
  add_report_format_option(o, "change report format: md or json");
  const po::variables_map vm = parse_command_line(args, o, "file");
  if (vm.count("help")) {
    std::cout << "Usage: costproof pricing import <file>... [options]\n\n"
                 "Refreshes the price tables from AWS Price List offer files (JSON or CSV): AmazonEC2,\n"
                 "AmazonVPC, AmazonRDS, AWSLambda, AmazonDynamoDB, Compute and Database Savings Plans;\n"
                 "from Price List GetProducts documents; and from AWS's pricing-page data feed\n"
                 "(meteredUnitMaps JSON: natgateway, vpc, dynamodb, lambda, states, rds-aurora-storage,\n"
                 "rds-storage, rds-aurora-ondemand).\n"
                 "Prints what changed; replaces the tables atomically (docs/pricing-import.md).\n\n"
              << o;
    return kOk;
  }
  ImportOptions options;
  if (!vm.count("file"))
    throw CommandLineError(
        "pricing import needs at least one offer file, e.g. costproof pricing import AmazonEC2-us-east-1.json");
  for (const auto& f : vm["file"].as<std::vector<std::string>>()) options.files.emplace_back(f);
  options.pricing_data = vm["pricing-data"].as<std::string>();
  if (vm.count("region")) options.regions = vm["region"].as<std::vector<std::string>>();
  const int repo_parts = static_cast<int>(vm.count("source-repo") + vm.count("source-path") + vm.count("source-commit"));
  if (repo_parts != 0) {
    if (repo_parts != 3)
      throw CommandLineError("--source-repo, --source-path and --source-commit go together; give all three");
    if (options.files.size() != 1) throw CommandLineError("--source-repo needs exactly one file");
    if (vm.count("source-url")) throw CommandLineError("give --source-url or --source-repo, not both");
    options.source_repo = vm["source-repo"].as<std::string>();
    options.source_path = vm["source-path"].as<std::string>();
    options.source_commit = vm["source-commit"].as<std::string>();
    const bool hex40 = options.source_commit.size() == 40 &&
                       std::all_of(options.source_commit.begin(), options.source_commit.end(), [](char c) {
                         return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
                       });
    if (!hex40)
      throw CommandLineError("--source-commit must be a full 40-hex-digit commit, got \"" + options.source_commit + "\"");
  }
  if (vm.count("source-url")) {
    if (options.files.size() != 1) throw CommandLineError("--source-url needs exactly one offer file");
    options.source_url = vm["source-url"].as<std::string>();
  }
  options.dry_run = vm.count("dry-run") > 0;
  options.full_scan = vm.count("full-scan") > 0;
  options.progress = progress_option(vm["progress"].as<std::string>());
  options.format = output_format_of(vm);
  std::optional<std::string> out;
  if (vm.count("out")) out = vm["out"].as<std::string>();
  run_reporting_to(out, [&](const auto& before_commit) { return run_pricing_import(options, before_commit); });
  return kOk;
}

bool progress_option(const std::string& value) {
  if (value == "auto") return stderr_is_terminal();
  if (value == "always") return true;
  if (value == "never") return false;
  throw CommandLineError("--progress must be auto, always or never, got \"" + value + "\"");
}

void run_reporting_to(const std::optional<std::string>& out,
                      const std::function<ImportReport(const std::function<void(const std::string&)>&)>& run) {
  std::optional<StagedFile> staged;
  const ImportReport report = run([&](const std::string& text) {
    if (!out) return;
    try {
      staged.emplace(stage_output_file(*out, text));
    } catch (const FileError& e) {
      throw FileError(std::string(e.what()) + "; no table was replaced");
    }
  });
  if (staged)
    staged->commit();
  else
    std::cout << report.text << std::flush;
}

}  // namespace costproof::cli
