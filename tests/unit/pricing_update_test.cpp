// `costproof pricing update` against a small HTTP server on 127.0.0.1 started
// by the test itself, serving offer files under a fake Price List index tree:
// success (a hand-made offer file modelled on the real ones, and the real
// Database Savings Plans region index and rate file from
// ../shared/aws-pricelist-samples when present), and each failure - 404, a
// truncated body, a server that stalls, the wrong offer, not JSON, a region
// index pointing outside the region - as a clear error with every table as it
// was.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include "core/error.h"
#include "files.h"
#include "http_fetch.h"
#include "pricing/price_catalog.h"
#include "pricing_update.h"
#include "pricing_verify.h"
#include "offer_test_files.h"

namespace costproof::cli {
namespace {

namespace fs = std::filesystem;

using test_files::kFixtures;
using test_files::kSamples;
using test_files::kSource;
using test_files::slurp;
using test_files::TempPricingData;

// How the server answers one path.
struct Route {
  enum Mode { kWhole, kTruncated, kStall };
  int status = 200;
  std::string body;
  Mode mode = kWhole;
};

// One thread, one connection at a time, HTTP/1.1 with Connection: close.
class LoopbackServer {
 public:
  explicit LoopbackServer(std::map<std::string, Route> routes) : routes_(std::move(routes)) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ::setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(fd_, 8) != 0)
      throw std::runtime_error("cannot listen on 127.0.0.1");
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~LoopbackServer() {
    stop_ = true;
    thread_.join();
    ::close(fd_);
  }
  std::string base() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  void send_all(int c, const std::string& data) {
    std::size_t done = 0;
    while (done < data.size()) {
      const ssize_t n = ::send(c, data.data() + done, data.size() - done, MSG_NOSIGNAL);
      if (n <= 0) return;
      done += static_cast<std::size_t>(n);
    }
  }
  void serve() {
    while (!stop_) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      const int c = ::accept(fd_, nullptr, nullptr);
      if (c < 0) continue;
      std::string request;
      char buf[4096];
      while (request.find("\r\n\r\n") == std::string::npos) {
        const ssize_t n = ::recv(c, buf, sizeof buf, 0);
        if (n <= 0) break;
        request.append(buf, static_cast<std::size_t>(n));
      }
      const auto sp1 = request.find(' ');
      const auto sp2 = request.find(' ', sp1 + 1);
      const std::string path = sp1 == std::string::npos ? "" : request.substr(sp1 + 1, sp2 - sp1 - 1);
      const auto it = routes_.find(path);
      Route r = it == routes_.end() ? Route{404, "not found", Route::kWhole} : it->second;
      std::string head = "HTTP/1.1 " + std::to_string(r.status) + (r.status == 200 ? " OK" : " Not Found") +
                         "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(r.body.size()) +
                         "\r\nConnection: close\r\n\r\n";
      if (r.mode == Route::kWhole) {
        send_all(c, head + r.body);
      } else if (r.mode == Route::kTruncated) {
        send_all(c, head + r.body.substr(0, r.body.size() / 2));
      } else {  // a stall: some bytes, then nothing until the client gives up
        send_all(c, head + r.body.substr(0, 10));
        while (!stop_) {
          pollfd q{c, POLLIN, 0};
          if (::poll(&q, 1, 50) > 0 && ::recv(c, buf, sizeof buf, 0) <= 0) break;  // the client closed
        }
      }
      ::close(c);
    }
  }

  std::map<std::string, Route> routes_;
  int fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

const std::string kVpcIndex = "/offers/v1.0/aws/AmazonVPC/current/region_index.json";
const std::string kVpcFile = "/offers/v1.0/aws/AmazonVPC/20260920000000/us-east-1/index.json";

std::string vpc_index(const std::string& url = kVpcFile) {
  return R"({"formatVersion": "v1.0", "disclaimer": "x", "publicationDate": "2026-09-20T00:00:00Z",
  "regions": {"us-east-1": {"regionCode": "us-east-1", "currentVersionUrl": ")" + url + R"("}}})";
}

UpdateOptions options_for(const TempPricingData& pd, const LoopbackServer& server) {
  UpdateOptions o;
  o.services = {"AmazonVPC"};
  o.regions = {"us-east-1"};
  o.base_url = server.base();
  o.fetch.stall_seconds = 2;
  o.import.pricing_data = pd.root();
  return o;
}

TEST(PricingUpdateTest, FetchesTheRegionalFileAndImportsItWithItsUrl) {
  LoopbackServer server({{kVpcIndex, {200, vpc_index()}}, {kVpcFile, {200, slurp(kFixtures / "vpc-small.json")}}});
  TempPricingData pd(kFixtures / "pricing-data");
  const ImportReport report = run_pricing_update(options_for(pd, server));
  EXPECT_NE(report.text.find("## AmazonVPC, version 20260920000000"), std::string::npos) << report.text;
  const PriceCatalog catalog = load_pricing_data(pd.root());
  const PriceRow& ipv4 = catalog.find("vpc", "us-east-1", "public-ipv4-address-hour");
  EXPECT_EQ(ipv4.source->url, server.base() + kVpcFile);
  EXPECT_EQ(ipv4.source->offer_code, "AmazonVPC");
  EXPECT_EQ(ipv4.sku, "4GQUNXTFWVSGPUZK");
  // The file also lists eu-west-1: only the region asked for is imported.
  EXPECT_EQ(catalog.try_find("vpc", "eu-west-1", "public-ipv4-address-hour"), nullptr);
}

TEST(PricingUpdateTest, RealDatabaseSavingsPlansIndexAndRateFile) {
  const fs::path index = kSamples / "timfanda35-aws-pricing-list-loader/AWSDatabaseSavingsPlans-region_index.json";
  const fs::path rates = kSamples / "timfanda35-aws-pricing-list-loader/AWSDatabaseSavingsPlans-ap-south-2-index.csv";
  if (!fs::exists(index) || !fs::exists(rates)) GTEST_SKIP() << "samples not present";
  // The sample is the CSV variant of the file the index names (.json): the importer reads either.
  LoopbackServer server(
      {{"/savingsPlan/v1.0/aws/AWSDatabaseSavingsPlans/current/region_index.json", {200, slurp(index)}},
       {"/savingsPlan/v1.0/aws/AWSDatabaseSavingsPlans/20260422194203/ap-south-2/index.json", {200, slurp(rates)}}});
  TempPricingData pd(kFixtures / "pricing-data");
  UpdateOptions o = options_for(pd, server);
  o.services = {"AWSDatabaseSavingsPlans"};
  o.regions = {"ap-south-2"};
  run_pricing_update(o);
  const PriceCatalog catalog = load_pricing_data(pd.root());
  std::size_t rates_read = 0;
  for (const auto& t : catalog.tables())
    if (t.region == "ap-south-2" && t.service == "database-sp-rates") rates_read = t.rows.size();
  EXPECT_EQ(rates_read, 309u);  // every RDS and DynamoDB rate (offer_extract_test)
  const VerifyResult v = verify_pricing_data(pd.root(), Date{2026, 11, 27});
  for (const auto& p : v.problems) EXPECT_EQ(p.find("ap-south-2"), std::string::npos) << p;
}

std::string failure_of(const std::map<std::string, Route>& routes, const std::string& index_url = kVpcFile) {
  std::map<std::string, Route> all = routes;
  all.emplace(kVpcIndex, Route{200, vpc_index(index_url)});
  LoopbackServer server(all);
  TempPricingData pd(kFixtures / "pricing-data");
  const auto before = pd.snapshot();
  std::string message = "(no error)";
  try {
    run_pricing_update(options_for(pd, server));
  } catch (const std::exception& e) {
    message = e.what();
  }
  EXPECT_EQ(pd.snapshot(), before) << "a failed update changed the tables: " << message;
  return message;
}

TEST(PricingUpdateTest, EachFailureIsAClearErrorWithNothingChanged) {
  const std::string offer = slurp(kFixtures / "vpc-small.json");
  std::string e = failure_of({});  // 404
  EXPECT_NE(e.find(kVpcFile + ": the server answered HTTP 404 (not found)"), std::string::npos) << e;

  e = failure_of({{kVpcFile, {200, offer, Route::kTruncated}}});
  EXPECT_NE(e.find(": the download ended early: got "), std::string::npos) << e;

  e = failure_of({{kVpcFile, {200, offer, Route::kStall}}});
  EXPECT_NE(e.find(": timed out after 10 bytes"), std::string::npos) << e;

  e = failure_of({{kVpcFile, {200, slurp(kFixtures / "lambda-small.json")}}});
  EXPECT_NE(e.find("/offerCode: expected the offer AmazonVPC, but the file is offer \"AWSLambda\""), std::string::npos)
      << e;

  e = failure_of({{kVpcFile, {200, "<html><body>Service Unavailable</body></html>"}}});
  EXPECT_NE(e.find("not an AWS Price List offer file: expected JSON"), std::string::npos) << e;

  e = failure_of({{kVpcFile, {200, "{\"formatVersion\": \"v1.0\", \"offerCode\": \"AmazonVPC\", \"products\": {"}}});
  EXPECT_NE(e.find("truncated"), std::string::npos) << e;

  // A region index that points at the all-region file (or off the server) is refused before any download.
  e = failure_of({}, "/offers/v1.0/aws/AmazonVPC/20260920000000/index.json");
  EXPECT_NE(e.find("is not the us-east-1 regional file; costproof fetches regional files only"), std::string::npos)
      << e;
  e = failure_of({}, "https://example.com/offers/v1.0/aws/AmazonVPC/x/us-east-1/index.json");
  EXPECT_NE(e.find("expected a path on the Price List server"), std::string::npos) << e;
}

TEST(PricingUpdateTest, OnlyHttpsOrLoopback) {
  EXPECT_TRUE(fetch_url_allowed("https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/index.json"));
  EXPECT_TRUE(fetch_url_allowed("http://127.0.0.1:8080/x"));
  EXPECT_FALSE(fetch_url_allowed("http://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/index.json"));
  EXPECT_FALSE(fetch_url_allowed("http://127.0.0.1.evil.example/x"));
  EXPECT_FALSE(fetch_url_allowed("file:///etc/passwd"));
  UpdateOptions o;
  o.services = {"AmazonVPC"};
  o.regions = {"us-east-1"};
  o.base_url = "http://pricing.example.com";
  try {
    run_pricing_update(o);
    ADD_FAILURE() << "no error";
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find("--base-url must be an https:// URL"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace costproof::cli
