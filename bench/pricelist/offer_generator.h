// A synthetic AWS EC2 regional offer file of any size, with the real structure
// (docs/benchmark-pricing-import.md):
//
//   { "formatVersion", "disclaimer", "offerCode" : "AmazonEC2", "version", "publicationDate",
//     "products" : { SKU : { sku, productFamily, attributes {~36 attributes} } ... },
//     "terms" : { "OnDemand" : { SKU : { SKU.JRTCKXETXF : {... priceDimensions ...} } },
//                 "Reserved" : { SKU : { SKU.<12 RI term codes> : {... Hrs + Upfront Fee ...} } } },
//     "attributesList" : { } }
//
// Per instance type: 91 compute products (13 platform variants: Linux, RHEL,
// SUSE, Windows, Ubuntu Pro, RHEL HA, Linux/Windows with SQL Std/Web/Ent,
// Windows BYOL; x Shared/Dedicated tenancy x capacity status Used /
// AllocatedCapacityReservation ($0) / UnusedCapacityReservation; plus
// Dedicated Host rows at $0), Capacity Block rows for GPU types, and 12
// Reserved terms for every Used shared/dedicated product. Plus NAT gateway,
// EBS and tiered data-transfer products. Formatted like AWS's files
// ("key" : "value", two-space indent). Deterministic for a given size.
//
// The expected import result is known: exactly one Linux / Shared / NA /
// Used / OnDemand product per instance type, priced by expected_price().
//
// Header-only so the unit tests (kill test) and bench/pricelist/gen_ec2_offer.cpp share it.
#pragma once

#include <cstdint>
#include <cstdio>
#include <ostream>
#include <string>
#include <vector>

namespace costproof::bench {

struct GeneratedType {
  std::string name;       // "m7i.xlarge"
  int vcpu = 0;
  int memory_gib = 0;
  bool gpu = false;
  std::string linux_sku;  // the SKU the importer must keep
  std::string price;      // "0.2016000000"
};

class Ec2OfferGenerator {
 public:
  // Writes about `target_bytes` (at least one instance type).
  explicit Ec2OfferGenerator(std::uint64_t target_bytes) : target_(target_bytes) {}

  void write(std::ostream& out) {
    // Measure one type's share of each section, then size the type list.
    const std::uint64_t per_type = type_bytes();
    std::uint64_t n = per_type == 0 ? 1 : target_ / per_type;
    if (n < 1) n = 1;
    types_.clear();
    for (std::uint64_t i = 0; i < n; ++i) types_.push_back(make_type(i));
    out << "{\n  \"formatVersion\" : \"v1.0\",\n"
        << "  \"disclaimer\" : \"This pricing list is for informational purposes only. All prices are subject to "
           "the additional terms included in the pricing pages on http://aws.amazon.com. Synthetic file written by "
           "costproof bench/pricelist/gen_ec2_offer.\",\n"
        << "  \"offerCode\" : \"AmazonEC2\",\n  \"version\" : \"20260925174521\",\n"
        << "  \"publicationDate\" : \"2026-09-25T17:45:21Z\",\n  \"products\" : {\n";
    first_ = true;
    for (std::size_t i = 0; i < types_.size(); ++i) products(out, types_[i], i);
    misc_products(out);
    out << "\n  },\n  \"terms\" : {\n    \"OnDemand\" : {\n";
    first_ = true;
    for (std::size_t i = 0; i < types_.size(); ++i) on_demand(out, types_[i], i);
    misc_on_demand(out);
    out << "\n    },\n    \"Reserved\" : {\n";
    first_ = true;
    for (std::size_t i = 0; i < types_.size(); ++i) reserved(out, types_[i], i);
    out << "\n    }\n  },\n  \"attributesList\" : { }\n}\n";
  }

  const std::vector<GeneratedType>& types() const { return types_; }

 private:
  struct Variant {
    const char* os;
    const char* sw;
    const char* license;
    const char* operation;
  };
  static const std::vector<Variant>& variants() {
    static const std::vector<Variant> v = {
        {"Linux", "NA", "No License required", "RunInstances"},
        {"RHEL", "NA", "No License required", "RunInstances:0010"},
        {"SUSE", "NA", "No License required", "RunInstances:000g"},
        {"Windows", "NA", "No License required", "RunInstances:0002"},
        {"Ubuntu Pro", "NA", "No License required", "RunInstances:0g00"},
        {"Red Hat Enterprise Linux with HA", "NA", "No License required", "RunInstances:1010"},
        {"Linux", "SQL Std", "No License required", "RunInstances:0004"},
        {"Linux", "SQL Web", "No License required", "RunInstances:0200"},
        {"Linux", "SQL Ent", "No License required", "RunInstances:0100"},
        {"Windows", "SQL Std", "No License required", "RunInstances:0006"},
        {"Windows", "SQL Web", "No License required", "RunInstances:0202"},
        {"Windows", "SQL Ent", "No License required", "RunInstances:0102"},
        {"Windows", "NA", "Bring your own license", "RunInstances:0800"},
    };
    return v;
  }

  static std::uint64_t mix(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
  }
  static std::string sku(std::uint64_t a, std::uint64_t b) {
    static const char kAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    std::uint64_t h = mix(a * 1000003ULL + b);
    std::string s;
    for (int i = 0; i < 16; ++i) {
      if (i == 12) h = mix(h);
      s += kAlphabet[h & 31];
      h >>= 5;
    }
    return s;
  }
  static std::string money(std::uint64_t micro_cents) {  // value in 1e-10 dollars
    char buf[64];
    std::snprintf(buf, sizeof buf, "%llu.%010llu", static_cast<unsigned long long>(micro_cents / 10000000000ULL),
                  static_cast<unsigned long long>(micro_cents % 10000000000ULL));
    return buf;
  }

  static GeneratedType make_type(std::uint64_t i) {
    static const char* kFamilies[] = {"m5",   "m6i", "m6g", "m7i",  "m7g",  "m8g", "c5",  "c6i",  "c6g",  "c7i",
                                      "c7g",  "c8g", "r5",  "r6i",  "r6g",  "r7i", "r7g", "r8g",  "t3",   "t4g",
                                      "i4i",  "x2idn", "z1d", "g5", "p4d", "p5",  "inf2", "trn1", "hpc7g", "m7a"};
    static const char* kSizes[] = {"medium",  "large",    "xlarge",   "2xlarge",  "4xlarge",  "8xlarge",
                                   "12xlarge", "16xlarge", "24xlarge", "32xlarge", "48xlarge", "metal"};
    static const int kVcpu[] = {1, 2, 4, 8, 16, 32, 48, 64, 96, 128, 192, 192};
    constexpr std::uint64_t nf = sizeof kFamilies / sizeof kFamilies[0];
    constexpr std::uint64_t ns = sizeof kSizes / sizeof kSizes[0];
    const std::uint64_t f = i % nf, s = (i / nf) % ns, gen = i / (nf * ns);
    GeneratedType t;
    t.name = std::string(kFamilies[f]) + (gen ? "x" + std::to_string(gen) : "") + "." + kSizes[s];
    t.vcpu = kVcpu[s];
    t.memory_gib = t.vcpu * 4;
    t.gpu = f >= 23 && f <= 28;
    t.linux_sku = sku(i, 0);
    // $0.048 per vCPU-hour, varied by family, in 1e-10 dollars.
    const std::uint64_t base = 480000000ULL + (f * 37 % 11) * 15000000ULL;
    t.price = money(base * static_cast<std::uint64_t>(t.vcpu) * (t.gpu ? 9 : 1));
    return t;
  }

  void sep(std::ostream& out) {
    if (!first_) out << ",\n";
    first_ = false;
  }

  void product(std::ostream& out, const std::string& sku_text, const char* family, const GeneratedType& t,
               const Variant& v, const char* tenancy, const char* capacity, const char* usage_kind,
               const char* market) {
    sep(out);
    out << "    \"" << sku_text << "\" : {\n      \"sku\" : \"" << sku_text << "\",\n      \"productFamily\" : \""
        << family << "\",\n      \"attributes\" : {\n"
        << "        \"servicecode\" : \"AmazonEC2\",\n        \"location\" : \"US East (N. Virginia)\",\n"
        << "        \"locationType\" : \"AWS Region\",\n        \"instanceType\" : \"" << t.name << "\",\n"
        << "        \"currentGeneration\" : \"Yes\",\n        \"instanceFamily\" : \"General purpose\",\n"
        << "        \"vcpu\" : \"" << t.vcpu << "\",\n        \"physicalProcessor\" : \"Intel Xeon Platinum 8488C\",\n"
        << "        \"clockSpeed\" : \"3.2 GHz\",\n        \"memory\" : \"" << t.memory_gib << " GiB\",\n"
        << "        \"storage\" : \"EBS only\",\n        \"networkPerformance\" : \"Up to 12500 Megabit\",\n"
        << "        \"processorArchitecture\" : \"64-bit\",\n        \"tenancy\" : \"" << tenancy << "\",\n"
        << "        \"operatingSystem\" : \"" << v.os << "\",\n        \"licenseModel\" : \"" << v.license << "\",\n"
        << "        \"usagetype\" : \"" << usage_kind << ":" << t.name << "\",\n        \"operation\" : \""
        << v.operation << "\",\n        \"availabilityzone\" : \"NA\",\n        \"capacitystatus\" : \"" << capacity
        << "\",\n        \"classicnetworkingsupport\" : \"false\",\n        \"dedicatedEbsThroughput\" : \"Up to 10000 Mbps\",\n"
        << "        \"ecu\" : \"NA\",\n        \"enhancedNetworkingSupported\" : \"Yes\",\n"
        << "        \"gpuMemory\" : \"NA\",\n        \"intelAvxAvailable\" : \"Yes\",\n"
        << "        \"intelAvx2Available\" : \"Yes\",\n        \"intelTurboAvailable\" : \"Yes\",\n"
        << "        \"marketoption\" : \"" << market << "\",\n        \"normalizationSizeFactor\" : \"" << t.vcpu * 2
        << "\",\n        \"physicalCores\" : \"" << t.vcpu / 2 + 1 << "\",\n        \"preInstalledSw\" : \"" << v.sw
        << "\",\n        \"processorFeatures\" : \"Intel AVX; Intel AVX2; Intel AVX512; Intel Turbo\",\n"
        << "        \"regionCode\" : \"us-east-1\",\n        \"servicename\" : \"Amazon Elastic Compute Cloud\",\n"
        << "        \"vpcnetworkingsupport\" : \"true\"\n      }\n    }";
  }

  // Product number k of type i: variant, tenancy, capacity. Returns false past the end.
  struct Combo {
    std::size_t variant;
    int tenancy;   // 0 Shared, 1 Dedicated, 2 Host
    int capacity;  // 0 Used, 1 Allocated, 2 Unused, 3 AllocatedHost, 4 Capacity Block
  };
  std::vector<Combo> combos(const GeneratedType& t) const {
    std::vector<Combo> c;
    for (std::size_t v = 0; v < variants().size(); ++v) {
      for (int ten = 0; ten < 2; ++ten)
        for (int cap = 0; cap < 3; ++cap) c.push_back({v, ten, cap});
      c.push_back({v, 2, 3});
    }
    if (t.gpu) c.push_back({0, 0, 4});
    return c;
  }

  void products(std::ostream& out, const GeneratedType& t, std::size_t i) {
    static const char* kTen[] = {"Shared", "Dedicated", "Host"};
    static const char* kCap[] = {"Used", "AllocatedCapacityReservation", "UnusedCapacityReservation", "AllocatedHost",
                                 "Used"};
    const auto cs = combos(t);
    for (std::size_t k = 0; k < cs.size(); ++k) {
      const Combo& c = cs[k];
      const char* kind = c.tenancy == 2   ? "HostBoxUsage"
                         : c.capacity == 1 ? (c.tenancy ? "DedicatedRes" : "Reservation")
                         : c.capacity == 2 ? (c.tenancy ? "UnusedDed" : "UnusedBox")
                         : c.capacity == 4 ? "CapacityBlock"
                         : c.tenancy      ? "DedicatedUsage"
                                          : "BoxUsage";
      const char* family = t.name.find(".metal") != std::string::npos ? "Compute Instance (bare metal)" : "Compute Instance";
      product(out, k == 0 ? t.linux_sku : sku(i, k), family, t, variants()[c.variant], kTen[c.tenancy], kCap[c.capacity],
              kind, c.capacity == 4 ? "CapacityBlock" : "OnDemand");
    }
  }

  std::string price_of(const GeneratedType& t, const Combo& c) const {
    if (c.capacity == 1 || c.capacity == 3) return "0.0000000000";
    // Variants cost more than Linux; dedicated 10% more; capacity blocks 40% less.
    std::uint64_t p = 0;
    const std::string& base = t.price;
    const auto dot = base.find('.');
    p = std::stoull(base.substr(0, dot)) * 10000000000ULL + std::stoull(base.substr(dot + 1));
    const std::uint64_t vcpu = static_cast<std::uint64_t>(t.vcpu), variant = c.variant;
    p += variant * std::uint64_t{130000000} * vcpu / 4;
    if (c.tenancy == 1) p += p / 10;
    if (c.capacity == 4) p -= p * 2 / 5;
    return money(p);
  }

  void dim(std::ostream& out, const std::string& s, const char* term, const char* rate, const std::string& desc,
           const char* begin, const char* end, const char* unit, const std::string& usd, bool last) {
    out << "          \"" << s << "." << term << "." << rate << "\" : {\n            \"rateCode\" : \"" << s << "." << term
        << "." << rate << "\",\n            \"description\" : \"" << desc << "\",\n";
    if (begin) out << "            \"beginRange\" : \"" << begin << "\",\n            \"endRange\" : \"" << end << "\",\n";
    out << "            \"unit\" : \"" << unit << "\",\n            \"pricePerUnit\" : {\n              \"USD\" : \"" << usd
        << "\"\n            },\n            \"appliesTo\" : [ ]\n          }" << (last ? "\n" : ",\n");
  }

  void term_open(std::ostream& out, const std::string& s, const char* term) {
    out << "      \"" << s << "." << term << "\" : {\n        \"offerTermCode\" : \"" << term << "\",\n        \"sku\" : \""
        << s << "\",\n        \"effectiveDate\" : \"2026-09-01T00:00:00Z\",\n        \"priceDimensions\" : {\n";
  }

  void on_demand(std::ostream& out, const GeneratedType& t, std::size_t i) {
    const auto cs = combos(t);
    for (std::size_t k = 0; k < cs.size(); ++k) {
      const std::string s = k == 0 ? t.linux_sku : sku(i, k);
      sep(out);
      out << "    \"" << s << "\" : {\n";
      term_open(out, s, "JRTCKXETXF");
      const std::string price = k == 0 ? t.price : price_of(t, cs[k]);
      dim(out, s, "JRTCKXETXF", "6YS6EN2CT7",
          "$" + price.substr(0, price.find('.') + 5) + " per On Demand " + variants()[cs[k].variant].os + " " + t.name +
              " Instance Hour",
          "0", "Inf", "Hrs", price, true);
      out << "        },\n        \"termAttributes\" : { }\n      }\n    }";
    }
  }

  void reserved(std::ostream& out, const GeneratedType& t, std::size_t i) {
    static const struct {
      const char* code;
      const char* lease;
      const char* cls;
      const char* option;
      int upfront;  // 0 none, 1 partial, 2 all
    } kTerms[] = {{"4NA7Y494T4", "1yr", "standard", "No Upfront", 0},    {"HU7G6KETJZ", "1yr", "standard", "Partial Upfront", 1},
                  {"6QCMYABX3D", "1yr", "standard", "All Upfront", 2},   {"BPH4J8HBKS", "3yr", "standard", "No Upfront", 0},
                  {"38NPMPTW36", "3yr", "standard", "Partial Upfront", 1}, {"NQ3QZPMQV9", "3yr", "standard", "All Upfront", 2},
                  {"7NE97W5U4E", "1yr", "convertible", "No Upfront", 0}, {"CUZHX8X6JH", "1yr", "convertible", "Partial Upfront", 1},
                  {"VJWZNREJX2", "1yr", "convertible", "All Upfront", 2}, {"Z2E3P23VKM", "3yr", "convertible", "No Upfront", 0},
                  {"R5XV2EPZQZ", "3yr", "convertible", "Partial Upfront", 1}, {"MZU6U2429S", "3yr", "convertible", "All Upfront", 2}};
    const auto cs = combos(t);
    for (std::size_t k = 0; k < cs.size(); ++k) {
      if (cs[k].capacity != 0 || cs[k].tenancy == 2) continue;  // Used shared/dedicated only
      const std::string s = k == 0 ? t.linux_sku : sku(i, k);
      sep(out);
      out << "    \"" << s << "\" : {\n";
      for (std::size_t r = 0; r < 12; ++r) {
        const auto& term = kTerms[r];
        term_open(out, s, term.code);
        const std::string desc = std::string(variants()[cs[k].variant].os) + " (Amazon VPC), " + t.name +
                                 " reserved instance applied";
        if (term.upfront == 2) {
          dim(out, s, term.code, "2TG2D8R56U", "Upfront Fee", nullptr, nullptr, "Quantity", "1113", false);
          dim(out, s, term.code, "6YS6EN2CT7", "USD 0.0 per " + desc, "0", "Inf", "Hrs", "0.0000000000", true);
        } else if (term.upfront == 1) {
          dim(out, s, term.code, "2TG2D8R56U", "Upfront Fee", nullptr, nullptr, "Quantity", "556", false);
          dim(out, s, term.code, "6YS6EN2CT7", desc, "0", "Inf", "Hrs", "0.0635000000", true);
        } else {
          dim(out, s, term.code, "6YS6EN2CT7", desc, "0", "Inf", "Hrs", "0.1270000000", true);
        }
        out << "        },\n        \"termAttributes\" : {\n          \"LeaseContractLength\" : \"" << term.lease
            << "\",\n          \"OfferingClass\" : \"" << term.cls << "\",\n          \"PurchaseOption\" : \""
            << term.option << "\"\n        }\n      }" << (r + 1 < 12 ? ",\n" : "\n");
      }
      out << "    }";
    }
  }

  // NAT gateway (two wanted rows), regional NAT, EBS volumes, tiered data transfer.
  void misc_products(std::ostream& out) {
    const struct {
      const char* sku;
      const char* family;
      const char* usage;
      const char* extra;
    } kMisc[] = {
        {"M2YSHUBETB3JX4M4", "NAT Gateway", "NatGateway-Hours", "\"group\" : \"NGW:NatGateway\""},
        {"59S5R83GFPUAGVR5", "NAT Gateway", "NatGateway-Bytes", "\"group\" : \"NGW:NatGateway\""},
        {"RGNLNATGWHOURS01", "NAT Gateway", "RegionalNatGateway-Hours", "\"group\" : \"NGW:RegionalNatGateway\""},
        {"EBSGP3VOLUME0001", "Storage", "EBS:VolumeUsage.gp3", "\"volumeApiName\" : \"gp3\""},
        {"EBSGP2VOLUME0001", "Storage", "EBS:VolumeUsage.gp2", "\"volumeApiName\" : \"gp2\""},
        {"DATAXFEROUTINET1", "Data Transfer", "DataTransfer-Out-Bytes", "\"transferType\" : \"AWS Outbound\""},
    };
    for (const auto& m : kMisc) {
      sep(out);
      out << "    \"" << m.sku << "\" : {\n      \"sku\" : \"" << m.sku << "\",\n      \"productFamily\" : \"" << m.family
          << "\",\n      \"attributes\" : {\n        \"servicecode\" : \"AmazonEC2\",\n"
          << "        \"location\" : \"US East (N. Virginia)\",\n        \"locationType\" : \"AWS Region\",\n        "
          << m.extra << ",\n        \"usagetype\" : \"" << m.usage << "\",\n        \"operation\" : \"\",\n"
          << "        \"regionCode\" : \"us-east-1\",\n        \"servicename\" : \"Amazon Elastic Compute Cloud\"\n"
          << "      }\n    }";
    }
  }

  void misc_on_demand(std::ostream& out) {
    const struct {
      const char* sku;
      const char* unit;
      const char* usd;
    } kMisc[] = {{"M2YSHUBETB3JX4M4", "Hrs", "0.0450000000"}, {"59S5R83GFPUAGVR5", "GB", "0.0450000000"},
                 {"RGNLNATGWHOURS01", "Hrs", "0.0450000000"}, {"EBSGP3VOLUME0001", "GB-Mo", "0.0800000000"},
                 {"EBSGP2VOLUME0001", "GB-Mo", "0.1000000000"}};
    for (const auto& m : kMisc) {
      sep(out);
      out << "    \"" << m.sku << "\" : {\n";
      term_open(out, m.sku, "JRTCKXETXF");
      dim(out, m.sku, "JRTCKXETXF", "6YS6EN2CT7", std::string("$") + m.usd + " per " + m.unit, "0", "Inf", m.unit, m.usd,
          true);
      out << "        },\n        \"termAttributes\" : { }\n      }\n    }";
    }
    sep(out);
    const std::string s = "DATAXFEROUTINET1";
    out << "    \"" << s << "\" : {\n";
    term_open(out, s, "JRTCKXETXF");
    dim(out, s, "JRTCKXETXF", "GPHBB7E9XS", "$0.07 per GB - next 100 TB", "51200", "153600", "GB", "0.0700000000", false);
    dim(out, s, "JRTCKXETXF", "6YS6EN2CT7", "$0.00 per GB - first 100 GB", "0", "100", "GB", "0.0000000000", false);
    dim(out, s, "JRTCKXETXF", "8EEUB22XNJ", "$0.09 per GB - up to 10 TB", "100", "10240", "GB", "0.0900000000", false);
    dim(out, s, "JRTCKXETXF", "VF6BFR3QX2", "$0.085 per GB - next 40 TB", "10240", "51200", "GB", "0.0850000000", false);
    dim(out, s, "JRTCKXETXF", "N9EW5UVVPA", "$0.05 per GB - over 150 TB", "153600", "Inf", "GB", "0.0500000000", true);
    out << "        },\n        \"termAttributes\" : { }\n      }\n    }";
  }

  // Bytes one instance type adds (products + OnDemand + Reserved).
  std::uint64_t type_bytes() {
    struct Counter : std::streambuf {
      std::uint64_t n = 0;
      int_type overflow(int_type c) override {
        ++n;
        return c;
      }
      std::streamsize xsputn(const char*, std::streamsize count) override {
        n += static_cast<std::uint64_t>(count);
        return count;
      }
    } counter;
    std::ostream os(&counter);
    std::uint64_t total = 0;
    for (std::uint64_t i = 0; i < 30; ++i) {  // one of each family
      const GeneratedType t = make_type(i * 7);
      first_ = false;
      products(os, t, i);
      on_demand(os, t, i);
      reserved(os, t, i);
    }
    total = counter.n / 30;
    return total;
  }

  std::uint64_t target_;
  std::vector<GeneratedType> types_;
  bool first_ = true;
};

}  // namespace costproof::bench
