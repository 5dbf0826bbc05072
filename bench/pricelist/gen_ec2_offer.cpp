// Writes a synthetic AWS EC2 regional offer file of about the given size.
//
//   g++ -O2 -std=c++20 -o gen_ec2_offer bench/pricelist/gen_ec2_offer.cpp
//   ./gen_ec2_offer 500 /tmp/costproof-bench/AmazonEC2-synthetic-500MB.json
//
// Structure and what the importer should find: offer_generator.h.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <vector>

#include "offer_generator.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: gen_ec2_offer <size in MB (10^6 bytes)> <output file>\n";
    return 2;
  }
  const double mb = std::atof(argv[1]);
  if (mb <= 0) {
    std::cerr << "gen_ec2_offer: size must be a positive number of MB\n";
    return 2;
  }
  std::ofstream out(argv[2], std::ios::binary);
  if (!out) {
    std::cerr << "gen_ec2_offer: cannot write " << argv[2] << "\n";
    return 1;
  }
  std::vector<char> buffer(std::size_t{8} << 20);
  out.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  costproof::bench::Ec2OfferGenerator gen(static_cast<std::uint64_t>(mb * 1e6));
  gen.write(out);
  out.close();
  if (!out) {
    std::cerr << "gen_ec2_offer: write failed\n";
    return 1;
  }
  std::cerr << "gen_ec2_offer: wrote " << argv[2] << " with " << gen.types().size()
            << " instance types (one Linux/Shared/Used On-Demand price each)\n";
  return 0;
}
