#include "pricing/instance_shapes.h"

#include <cctype>

#include "core/format.h"
#include "core/json_reader.h"

namespace costproof {

std::string InstanceShape::family_class() const {
  std::string out;
  for (char c : family) {
    if (std::isdigit(static_cast<unsigned char>(c))) break;
    out.push_back(c);
  }
  return out;
}

std::string InstanceShape::family_suffix() const {
  const auto digit = family.find_first_of("0123456789");
  if (digit == std::string::npos) return "";
  const auto after = family.find_first_not_of("0123456789", digit);
  return after == std::string::npos ? "" : family.substr(after);
}

std::string InstanceShape::shape_text() const {
  const Decimal gib = Decimal::divide(Decimal::from_int(memory_mib), Decimal::from_int(1024), 3,
                                      RoundingMode::kHalfUp);
  return std::to_string(vcpu) + " vCPU / " + format_number(gib) + " GiB";
}

const InstanceShape* InstanceShapes::find(const std::string& instance_type) const {
  const auto it = by_type.find(instance_type);
  return it == by_type.end() ? nullptr : &it->second;
}

InstanceShapes parse_instance_shapes(const nlohmann::json& json, const std::string& file) {
  JsonReader top(json, file, "", JsonOrigin::kPricingData);
  if (top.integer("schema_version") != 1)
    top.fail("schema_version", "expected schema_version 1");
  top.one_of("provider", {"aws"});
  InstanceShapes out;
  out.file = file;
  const auto sources = parse_price_sources(top);
  const std::string source_id = top.string("source");
  for (const auto& s : sources)
    if (s->id == source_id) out.source = s;
  if (!out.source) top.fail("source", "no source with id \"" + source_id + "\" in \"sources\"");
  for (auto& r : top.objects("shapes", 1)) {
    InstanceShape shape;
    shape.instance_type = r.string("instance_type");
    shape.vcpu = static_cast<int>(r.integer("vcpu"));
    shape.memory_mib = r.integer("memory_mib");
    shape.arch = r.one_of("arch", {"amd64", "arm64"});
    shape.cpu_manufacturer = r.string("cpu_manufacturer");
    shape.family = r.string("family");
    shape.generation = static_cast<int>(r.integer("generation"));
    shape.network_mbps = r.optional_integer("network_mbps");
    r.reject_unknown_keys();
    if (shape.vcpu <= 0) r.fail("vcpu", "expected a positive vCPU count");
    if (shape.memory_mib <= 0) r.fail("memory_mib", "expected a positive memory size");
    if (!out.by_type.emplace(shape.instance_type, shape).second)
      r.fail("instance_type", "duplicate instance type \"" + shape.instance_type + "\"");
  }
  top.reject_unknown_keys();
  return out;
}

}  // namespace costproof
