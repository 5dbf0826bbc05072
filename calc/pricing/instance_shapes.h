// EC2 instance shapes (vCPU, memory, architecture, family, generation), used
// to pick an "equivalent Graviton" type for a fleet row.
//
// Example: m7i.xlarge -> {vcpu 4, memory_mib 16384, arch "amd64", family "m7i", generation 7}
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "pricing/price_table.h"

namespace costproof {

struct InstanceShape {
  std::string instance_type;
  int vcpu = 0;
  std::int64_t memory_mib = 0;
  std::string arch;              // "amd64" or "arm64"
  std::string cpu_manufacturer;  // "intel", "amd", "aws"
  std::string family;            // "m7i"
  int generation = 0;            // 7
  std::optional<std::int64_t> network_mbps;

  // The family class letters before the generation digit: "m7i" -> "m", "x2iedn" -> "x".
  std::string family_class() const;
  // The suffix after the generation digit: "m7i" -> "i", "m8g" -> "g", "m8gd" -> "gd".
  std::string family_suffix() const;
  bool is_metal() const { return instance_type.find("metal") != std::string::npos; }
  // "4 vCPU / 16 GiB" (memory shown in GiB, exact).
  std::string shape_text() const;
};

struct InstanceShapes {
  std::string file;
  std::shared_ptr<const PriceSource> source;
  std::map<std::string, InstanceShape> by_type;

  const InstanceShape* find(const std::string& instance_type) const;
};

// Parses pricing-data/aws/ec2-instance-shapes.json. Throws PricingDataError.
InstanceShapes parse_instance_shapes(const nlohmann::json& json, const std::string& file);
// Reads the shapes file's text: parse_json_text and parse_instance_shapes, with the same checks,
// errors and result, but the shapes are read without a JSON tree when they are all in the simple form.
InstanceShapes read_instance_shapes(std::string_view text, const std::string& file);

}  // namespace costproof
