// merge_offer_rows on the shipped DynamoDB table, whose on-demand rows carry a history (the
// pre-cut rate, undated, then $0.625 per million WRU from 2024-11-01): an older offer with the
// price in effect on its date changes nothing; a price the table contradicts on that date is
// an error (docs/pricing-import.md, "Older offers and price history").
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "offers/offer_merge.h"

namespace costproof {
namespace {

nlohmann::ordered_json shipped_dynamodb() {
  std::ifstream in(std::string(COSTPROOF_SOURCE_DIR) + "/pricing-data/aws/us-east-1/dynamodb.json");
  std::ostringstream s;
  s << in.rdbuf();
  return nlohmann::ordered_json::parse(s.str());
}

OfferRow write_request_unit(const std::string& price) {
  OfferRow r;
  r.region = "us-east-1";
  r.service = "dynamodb";
  r.key = "on-demand-write-request-unit";
  r.unit = "write-request-unit";
  r.price = Decimal::parse(price);
  r.price_text = price;
  r.sku = "FGXVD96DKJMUASY3";
  r.rate_code = "FGXVD96DKJMUASY3.JRTCKXETXF.6YS6EN2CT7";
  return r;
}

PriceSource offer_of(const Date& date) {
  PriceSource s;
  s.id = "aws-offer-AmazonDynamoDB-us-east-1-test";
  s.title = "AWS Price List offer file AmazonDynamoDB (test)";
  s.url = "file:dynamodb-test.json";
  s.as_of = date;
  s.trust = 'A';
  s.trust_note = "test";
  return s;
}

TableMerge merge(const OfferRow& row, const Date& date) {
  const auto existing = shipped_dynamodb();
  return merge_offer_rows(&existing, "aws/us-east-1/dynamodb.json", OfferKind::kDynamoDb, "us-east-1", "dynamodb",
                          {&row}, offer_of(date));
}

const PriceRow& row_of(const PriceTable& t, const std::string& key) {
  for (const auto& r : t.rows)
    if (r.key == key) return r;
  throw std::logic_error("no row " + key);
}

TEST(OfferMergeTest, AnOlderOfferWithThePriceInEffectThenChangesNothing) {
  // $0.625 per million on 2025-01-15 (after the cut) and $1.25 on 2024-06-01 (before it).
  for (const auto& [price, date] : {std::pair{std::string("0.000000625"), Date{2025, 1, 15}},
                                    std::pair{std::string("0.00000125"), Date{2024, 6, 1}}}) {
    const TableMerge m = merge(write_request_unit(price), date);
    EXPECT_EQ(m.confirmed, 1u) << price;
    for (const auto& c : m.changes)  // only the keys this one-row offer lacks
      EXPECT_EQ(c.kind, RowChange::Kind::kMissing) << price << " " << c.key;
    EXPECT_TRUE(m.gained_history.empty()) << price;
    const PriceTable t = parse_price_table(nlohmann::json::parse(m.text), "dynamodb.json");
    const PriceRow& wru = row_of(t, "on-demand-write-request-unit");
    EXPECT_EQ(wru.listed_price, Decimal::parse("0.625"));
    EXPECT_EQ(wru.source->id, "aws-feed-dynamodb-us-east-1-20250909201304");
    ASSERT_EQ(wru.history.size(), 1u);
    EXPECT_EQ(wru.history[0].source->id, "dynamodb-pre-cut-rates");
    for (const auto& s : t.sources) EXPECT_NE(s->id, "aws-offer-AmazonDynamoDB-us-east-1-test");  // not cited
  }
}

TEST(OfferMergeTest, APriceTheTableContradictsOnThatDateIsAnError) {
  // The read-request rate offered as the write rate on 2025-01-15, when the table knows $0.625.
  try {
    merge(write_request_unit("0.000000125"), Date{2025, 1, 15});
    FAIL() << "expected PricingDataError";
  } catch (const PricingDataError& e) {
    EXPECT_NE(std::string(e.what()).find("the offer dated 2025-01-15 prices on-demand-write-request-unit at 0.125, "
                                         "but the table has 0.625 in effect from 2024-11-01 and still on 2025-08-28"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace costproof
