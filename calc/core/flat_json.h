// A quick read of one top-level array of flat JSON objects, without a JSON tree: the fast path
// of the large price files (the EC2 table's 1,367 rows, the shapes file's 1,363 shapes).
//
// A flat object holds only ASCII strings without escapes and non-negative integers:
//   {"key": "m7i.xlarge", "unit": "hour", "price": "0.201600", "source": "karpenter"}
//   {"instance_type": "m7i.xlarge", "vcpu": 4, "memory_mib": 16384}
// read_flat_array() accepts only that simple form (strict JSON syntax, no key twice in one
// object) and returns nullopt for anything else, never an error: the caller then reads the file
// with parse_json_text and JsonReader, whose messages name the file, line and JSON pointer. It
// checks nothing outside the array: the caller parses the rest, without_array(), in full.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace costproof {

struct FlatValue {
  bool is_string = false;
  std::string_view text;     // a string's characters (no quotes), or an integer's digits
  std::int64_t integer = 0;  // integers only (at most 18 digits)
};

struct FlatMember {
  std::string_view key;
  FlatValue value;
};

struct FlatArray {
  std::size_t begin = 0, end = 0;   // byte offsets of the array in the text: "[" and one past "]"
  std::vector<FlatMember> members;  // every object's members, in file order
  std::vector<std::size_t> starts;  // object i has members [starts[i], starts[i + 1])

  std::size_t size() const { return starts.size() - 1; }
  std::span<const FlatMember> object(std::size_t i) const {
    return {members.data() + starts[i], starts[i + 1] - starts[i]};
  }
  // `text` with the array replaced by an empty one, "[]": the rest of the file, to parse in full.
  std::string without_array(std::string_view text) const;
};

// The value of member `key` of the top-level object in `text`, when it is an array of flat
// objects; nullopt otherwise (and when `key` is missing or appears twice).
std::optional<FlatArray> read_flat_array(std::string_view text, std::string_view key);

}  // namespace costproof
