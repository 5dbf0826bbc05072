#include "pricing/instance_shapes.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/flat_json.h"
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

namespace {

// The file's fields and source: everything but "shapes".
InstanceShapes parse_shapes_header(JsonReader& top, const std::string& file) {
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
  return out;
}

}  // namespace

InstanceShapes parse_instance_shapes(const nlohmann::json& json, const std::string& file) {
  JsonReader top(json, file, "", JsonOrigin::kPricingData);
  InstanceShapes out = parse_shapes_header(top, file);
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

namespace {

// The fast read: the shapes without a JSON tree (core/flat_json.h), the rest of the file in full;
// the same checks as parse_instance_shapes and the same result. nullopt for any shape outside the
// simple form (a negative number, an escape, a non-ASCII character) and for any error:
// read_instance_shapes then reads the file the full way, which raises the error with its message.
std::optional<InstanceShapes> read_plain_instance_shapes(std::string_view text, const std::string& file) {
  const auto shapes = read_flat_array(text, "shapes");
  if (!shapes || shapes->size() == 0) return std::nullopt;
  enum Field { kType, kVcpu, kMemory, kArch, kManufacturer, kFamily, kGeneration, kNetwork, kFields };
  static constexpr std::array<std::string_view, kFields> kNames = {
      "instance_type", "vcpu", "memory_mib", "arch", "cpu_manufacturer", "family", "generation", "network_mbps"};
  static constexpr std::array<bool, kFields> kString = {true, false, false, true, true, true, false, false};
  try {
    const auto json = parse_json_text(shapes->without_array(text), file, JsonOrigin::kPricingData);
    JsonReader top(json, file, "", JsonOrigin::kPricingData);
    InstanceShapes out = parse_shapes_header(top, file);
    if (!top.objects("shapes").empty()) return std::nullopt;  // the array left out is this file's "shapes"
    top.reject_unknown_keys();
    for (std::size_t i = 0; i < shapes->size(); ++i) {
      std::array<const FlatValue*, kFields> field{};
      for (const FlatMember& m : shapes->object(i)) {
        const auto f = static_cast<std::size_t>(std::find(kNames.begin(), kNames.end(), m.key) - kNames.begin());
        if (f == kFields || kString[f] != m.value.is_string) return std::nullopt;
        if (m.value.is_string && (m.value.text.empty() || control_character_problem(m.value.text))) return std::nullopt;
        field[f] = &m.value;
      }
      for (std::size_t f = 0; f < kNetwork; ++f)
        if (!field[f]) return std::nullopt;
      InstanceShape shape;
      shape.instance_type = field[kType]->text;
      shape.vcpu = static_cast<int>(field[kVcpu]->integer);
      shape.memory_mib = field[kMemory]->integer;
      shape.arch = field[kArch]->text;
      shape.cpu_manufacturer = field[kManufacturer]->text;
      shape.family = field[kFamily]->text;
      shape.generation = static_cast<int>(field[kGeneration]->integer);
      if (field[kNetwork]) shape.network_mbps = field[kNetwork]->integer;
      if ((shape.arch != "amd64" && shape.arch != "arm64") || shape.vcpu <= 0 || shape.memory_mib <= 0)
        return std::nullopt;
      // The file lists the types in order, so each one usually goes at the end of the map.
      const auto at = out.by_type.lower_bound(shape.instance_type);
      if (at != out.by_type.end() && at->first == shape.instance_type) return std::nullopt;  // a duplicate
      out.by_type.emplace_hint(at, shape.instance_type, std::move(shape));
    }
    return out;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace

InstanceShapes read_instance_shapes(std::string_view text, const std::string& file) {
  if (auto shapes = read_plain_instance_shapes(text, file)) return std::move(*shapes);
  return parse_instance_shapes(parse_json_text(text, file, JsonOrigin::kPricingData), file);
}

}  // namespace costproof
