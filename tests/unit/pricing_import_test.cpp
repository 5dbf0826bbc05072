// End-to-end tests of `costproof pricing import` / `pricing verify` on temporary
// copies of a pricing-data folder (never the repository's own): provenance,
// change report, atomic replacement, and a child process killed with SIGKILL
// in the middle of an import of a large generated offer file.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../bench/pricelist/offer_generator.h"
#include "core/error.h"
#include "files.h"
#include "offers/offer_merge.h"
#include "pricing_import.h"
#include "pricing_verify.h"
#include "offer_test_files.h"
#include "progress.h"

namespace costproof::cli {
namespace {

namespace fs = std::filesystem;

using test_files::kFixtures;
using test_files::kSource;
using test_files::slurp;
using test_files::TempPricingData;

ImportOptions options_for(const TempPricingData& pd, std::vector<std::string> files) {
  ImportOptions o;
  for (const auto& f : files) o.files.push_back(kFixtures / f);
  o.pricing_data = pd.root();
  return o;
}

TEST(PricingImportTest, RefreshesTablesWithProvenanceAndReportsChanges) {
  TempPricingData pd(kFixtures / "pricing-data");
  const ImportReport report = run_pricing_import(options_for(pd, {"ec2-small.json"}));
  EXPECT_NE(report.text.find("| changed | c7g.metal |  | $2.10 per hour | $2.32 per hour | C7GMETALUSED0012 | "
                             "C7GMETALUSED0012.JRTCKXETXF.6YS6EN2CT7 |"),
            std::string::npos)
      << report.text;
  EXPECT_NE(report.text.find("| disappeared | m6i.large |  | $0.096 per hour | - |"), std::string::npos);
  EXPECT_NE(report.text.find("| appeared | p5.48xlarge |  | - | $55.04 per hour |"), std::string::npos);
  EXPECT_EQ(report.written.size(), 2u);

  const PriceCatalog catalog = load_pricing_data(pd.root());
  const PriceRow& m7i = catalog.find("ec2", "us-east-1", "m7i.xlarge");
  EXPECT_EQ(m7i.price.usd_per_unit(), Decimal::parse("0.2016"));
  EXPECT_EQ(m7i.sku, "M7IXLARGEUSED001");
  EXPECT_EQ(m7i.rate_code, "M7IXLARGEUSED001.JRTCKXETXF.6YS6EN2CT7");
  EXPECT_EQ(m7i.source->offer_code, "AmazonEC2");
  EXPECT_EQ(m7i.source->offer_version, "20260925174521");
  EXPECT_EQ(m7i.source->publication_date, "2026-09-25T17:45:21Z");
  EXPECT_EQ(m7i.source->as_of.to_string(), "2026-09-25");
  EXPECT_EQ(m7i.source->trust, 'A');
  EXPECT_EQ(m7i.source->url, "file:ec2-small.json");
  EXPECT_EQ(catalog.try_find("ec2", "us-east-1", "m6i.large"), nullptr);  // disappeared from the offer
  // NAT rows replaced, the egress-only row (not in the offer) kept with its source and note.
  const PriceRow& nat = catalog.find("vpc", "us-east-1", "nat-gateway-hour");
  EXPECT_EQ(nat.sku, "M2YSHUBETB3JX4M4");
  EXPECT_EQ(nat.note, "A public NAT gateway also holds a public IPv4 address, charged separately.");
  const PriceRow& eigw = catalog.find("vpc", "us-east-1", "egress-only-internet-gateway-hour");
  EXPECT_EQ(eigw.source->id, "aws-compute-blog-lambda-ipv6");

  const VerifyResult v = verify_pricing_data(pd.root(), Date{2026, 11, 27});
  EXPECT_TRUE(v.problems.empty()) << v.problems.front();
  EXPECT_EQ(v.imported_rows, 5u);

  // Importing the same file again changes nothing.
  const ImportReport again = run_pricing_import(options_for(pd, {"ec2-small.json"}));
  EXPECT_TRUE(again.written.empty());
  EXPECT_NE(again.text.find("No table needed rewriting."), std::string::npos);
}

TEST(PricingImportTest, EveryOfferKindTogetherGivesLoadableVerifiedTables) {
  TempPricingData pd(kFixtures / "pricing-data");
  run_pricing_import(options_for(pd, {"ec2-small.csv", "vpc-small.json", "rds-small.json", "lambda-small.json",
                                      "dynamodb-small.json", "compute-sp-small.json", "database-sp-small.csv"}));
  const PriceCatalog catalog = load_pricing_data(pd.root());
  // per is kept from the existing row: $0.20 per 1,000,000 requests, not $0.0000002 per request.
  const PriceRow& req = catalog.find("lambda", "us-east-1", "requests-x86_64");
  EXPECT_EQ(req.per, Decimal::from_int(1000000));
  EXPECT_EQ(req.listed_price, Decimal::parse("0.2"));
  EXPECT_EQ(req.price.usd_per_unit(), Decimal::parse("0.0000002"));  // one request
  EXPECT_EQ(catalog.tiers("lambda", "us-east-1", "duration-x86_64").size(), 3u);
  EXPECT_NE(catalog.try_find("lambda", "us-east-1", "duration-arm64-first-tier"), nullptr);  // not owned: kept
  EXPECT_EQ(catalog.find("rds", "us-east-1", "db.m7g.large/postgresql").price.usd_per_unit(), Decimal::parse("0.168"));
  EXPECT_EQ(catalog.find("vpc", "eu-west-1", "public-ipv4-address-hour").sku, "EU4GQUNXTFWVSGPU");
  EXPECT_EQ(catalog.find("compute-sp-rates", "us-east-1",
                         "ComputeSP:1yrNoUpfront/AmazonEC2/BoxUsage:m7i.xlarge/RunInstances")
                .rate_code,
            "BB7BKBSC6NZW7P5B.M7IXLARGEUSED001");
  const VerifyResult v = verify_pricing_data(pd.root(), Date{2026, 11, 27});
  EXPECT_TRUE(v.problems.empty()) << v.problems.front();
}

// Two versions of one offer (DynamoDB us-east-1, before and after the 2024-11-01 on-demand cut),
// imported in either order, give the same table: the older price in the row's history, the
// newer one current from the newer offer's date (docs/pricing-import.md, "Older offers").
TEST(PricingImportTest, TwoOfferVersionsInEitherOrderGiveOneDatedTable) {
  const std::string older = "history/dynamodb-2024-10-15.json", newer = "history/dynamodb-2024-11-01.json";
  std::map<std::string, std::string> tables;  // order -> the dynamodb table written
  std::map<std::string, std::string> second_report;
  for (const auto& order : {std::vector<std::string>{older, newer}, std::vector<std::string>{newer, older}}) {
    TempPricingData pd(kFixtures / "history/pricing-data");
    run_pricing_import(options_for(pd, {order[0]}));
    const std::string name = order[0] == older ? "older first" : "newer first";
    second_report[name] = run_pricing_import(options_for(pd, {order[1]})).text;
    tables[name] = pd.snapshot().at("aws/us-east-1/dynamodb.json");
    // Importing either version again changes nothing.
    run_pricing_import(options_for(pd, {order[0]}));
    run_pricing_import(options_for(pd, {order[1]}));
    EXPECT_EQ(pd.snapshot().at("aws/us-east-1/dynamodb.json"), tables[name]) << name;

    PriceCatalog catalog = load_pricing_data(pd.root());
    const PriceRow& wru = catalog.find("dynamodb", "us-east-1", "on-demand-write-request-unit");
    ASSERT_TRUE(wru.effective_from) << name;
    EXPECT_EQ(*wru.effective_from, (Date{2024, 11, 1}));
    EXPECT_EQ(wru.listed_price, Decimal::parse("0.625"));
    EXPECT_EQ(wru.source->id, "aws-offer-AmazonDynamoDB-us-east-1-20241101000000");
    ASSERT_EQ(wru.history.size(), 1u);
    EXPECT_FALSE(wru.history[0].effective_from);  // the oldest known price: applies on every earlier date
    EXPECT_EQ(wru.history[0].listed_price, Decimal::parse("1.25"));
    EXPECT_EQ(wru.history[0].source->id, "aws-offer-AmazonDynamoDB-us-east-1-20241015000000");
    EXPECT_EQ(catalog.find_on("dynamodb", "us-east-1", "on-demand-write-request-unit", Date{2024, 10, 31})
                  .price.usd_per_unit(),
              Decimal::parse("0.00000125"));
    EXPECT_EQ(catalog.find_on("dynamodb", "us-east-1", "on-demand-read-request-unit", Date{2024, 11, 1})
                  .price.usd_per_unit(),
              Decimal::parse("0.000000125"));
    // The same price in both versions: no history, cited from the newer offer.
    const PriceRow& wcu = catalog.find("dynamodb", "us-east-1", "provisioned-wcu-hour");
    EXPECT_TRUE(wcu.history.empty());
    EXPECT_FALSE(wcu.effective_from);
    EXPECT_EQ(wcu.source->id, "aws-offer-AmazonDynamoDB-us-east-1-20241101000000");
  }
  EXPECT_EQ(tables["older first"], tables["newer first"]);
  const std::string gained =
      "Rows that gained an earlier price in their history: on-demand-read-request-unit, on-demand-write-request-unit.";
  EXPECT_NE(second_report["older first"].find("| changed | on-demand-write-request-unit |"), std::string::npos);
  EXPECT_NE(second_report["older first"].find(gained), std::string::npos);
  EXPECT_NE(second_report["newer first"].find("| older price (history) | on-demand-write-request-unit |"),
            std::string::npos);
  EXPECT_NE(second_report["newer first"].find(gained), std::string::npos);
  EXPECT_NE(second_report["newer first"].find("1 price this older offer confirms kept as they were."),
            std::string::npos);
}

TEST(PricingImportTest, AFailedImportLeavesEveryTableAsItWas) {
  TempPricingData pd(kFixtures / "pricing-data");
  const auto before = pd.snapshot();
  for (const char* bad : {"err-truncated.json", "err-malformed.json", "err-ambiguous-sku.json", "err-bad-price.json"}) {
    // The good file first: its tables are merged in memory but must not be written.
    EXPECT_THROW(run_pricing_import(options_for(pd, {"vpc-small.json", bad})), InputError) << bad;
    EXPECT_EQ(pd.snapshot(), before) << bad;
  }
  ImportOptions dry = options_for(pd, {"ec2-small.json"});
  dry.dry_run = true;
  run_pricing_import(dry);
  EXPECT_EQ(pd.snapshot(), before);
}

TEST(PricingImportTest, WriteTablesAtomicallyReplacesAllOrNothing) {
  TempPricingData pd(kFixtures / "pricing-data");
  const fs::path tables = pd.dir() / "tables";
  const fs::path a = tables / "a.json", b = tables / "sub/b.json";
  write_tables_atomically(tables, {{a, "A1"}, {b, "B1"}});
  EXPECT_EQ(slurp(a), "A1");
  EXPECT_EQ(slurp(b), "B1");
  write_tables_atomically(tables, {{b, "B2"}});
  EXPECT_EQ(slurp(a), "A1");  // unchanged tables are kept
  EXPECT_EQ(slurp(b), "B2");
  // A folder that cannot be written: nothing is replaced, nothing is left beside the tables.
  ::chmod(pd.dir().c_str(), 0500);
  const bool enforced = ::access(pd.dir().c_str(), W_OK) != 0;
  if (enforced) {
    EXPECT_THROW(write_tables_atomically(tables, {{a, "A2"}, {tables / "c.json", "C"}}), FileError);
  }
  ::chmod(pd.dir().c_str(), 0700);
  if (!enforced) GTEST_SKIP() << "running as root: permissions are not enforced";
  EXPECT_EQ(slurp(a), "A1");
  EXPECT_FALSE(fs::exists(tables / "c.json"));
  for (const auto& e : fs::directory_iterator(pd.dir()))
    EXPECT_NE(e.path().filename().string().rfind('.', 0), 0u) << e.path();
}

// The kill test: an import of a large generated EC2 offer file runs in a child
// process and is killed with SIGKILL part-way, at several moments. After each
// kill every table must load and equal either the original or the fully
// imported version, byte for byte, and the loader must accept the folder.
TEST(PricingImportKillTest, SigkillDuringImportLeavesReadableTables) {
  TempPricingData pd(kFixtures / "pricing-data");
  const fs::path offer = pd.dir() / "AmazonEC2-synthetic.json";
  bench::Ec2OfferGenerator gen(60'000'000);  // ~60 MB
  {
    std::ofstream out(offer, std::ios::binary);
    gen.write(out);
  }
  const auto original = pd.snapshot();
  // The fully imported state, from a separate copy.
  TempPricingData done(kFixtures / "pricing-data");
  ImportOptions full;
  full.files = {offer};
  full.pricing_data = done.root();
  run_pricing_import(full);
  const auto imported = done.snapshot();
  ASSERT_NE(imported, original);
  ASSERT_EQ(load_pricing_data(done.root()).find("ec2", "us-east-1", gen.types()[0].name).price.usd_per_unit(),
            Decimal::parse(gen.types()[0].price));

  int killed_mid_way = 0;
  for (int delay_ms : {0, 5, 20, 40, 60, 80, 120, 160, 240, 400}) {
    ImportOptions o;
    o.files = {offer};
    o.pricing_data = pd.root();
    o.full_scan = true;  // read the whole file: a longer window to be killed in
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      try {
        run_pricing_import(o);
      } catch (...) {
        ::_exit(3);
      }
      ::_exit(0);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    if (WIFSIGNALED(status)) ++killed_mid_way;
    // Every table readable; each one old or new, never a mix or a torn file.
    ASSERT_NO_THROW(load_pricing_data(pd.root())) << "after a kill at " << delay_ms << " ms";
    auto now = pd.snapshot();
    for (auto it = now.begin(); it != now.end();) {  // what a killed import leaves is hidden, ignored
      if (it->first.rfind('.', 0) == 0 || it->first.find("/.") != std::string::npos)
        it = now.erase(it);
      else
        ++it;
    }
    for (const auto& [file, text] : now) {
      const bool is_old = original.count(file) && original.at(file) == text;
      const bool is_new = imported.count(file) && imported.at(file) == text;
      EXPECT_TRUE(is_old || is_new) << file << " after a kill at " << delay_ms << " ms";
    }
    if (now != original) break;  // the import finished; later kills test nothing new
  }
  EXPECT_GE(killed_mid_way, 1) << "no kill landed during the import";
}

TEST(PricingVerifyTest, FindsZeroPricesWithoutNotesAndBrokenProvenance) {
  const VerifyResult v = verify_pricing_data(kFixtures / "verify-bad", Date{2026, 11, 27});
  EXPECT_EQ(v.zero, 1u);
  EXPECT_EQ(v.provenance, 2u);
  EXPECT_EQ(v.sourced, 1u);
  EXPECT_EQ(v.schema, 1u);
  EXPECT_EQ(v.warnings.size(), 1u);  // the unused source
  const VerifyResult good = verify_pricing_data(kFixtures / "pricing-data", Date{2026, 11, 27});
  EXPECT_TRUE(good.problems.empty()) << good.problems.front();
}

TEST(ProgressTest, RendersBytesRateAndEta) {
  EXPECT_EQ(Progress::render("/tmp/AmazonEC2.json", 240'000'000, 480'000'000, 1.0),
            "AmazonEC2.json [##########----------]  50%  240.0/480.0 MB  240.0 MB/s  ETA 0:01");
  EXPECT_EQ(Progress::render("pipe", 5'000'000, 0, 2.0), "pipe 5.0 MB  2.5 MB/s");
}

}  // namespace
}  // namespace costproof::cli
