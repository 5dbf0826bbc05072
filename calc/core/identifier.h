// The two identifier forms of hand-written files, checked by a scan: std::regex cost about
// 0.6 M instructions to compile each pattern, once per process (issue 16).
//
//   is_lowercase_id("graviton-small-team") -> true   (scenario, claim, topic and figure ids)
//   is_operand_name("m7i_price")           -> true   (claim operand names)
#pragma once

#include <string_view>

namespace costproof {

// ^[a-z0-9][a-z0-9-]*$
inline bool is_lowercase_id(std::string_view s) {
  if (s.empty() || s.front() == '-') return false;
  for (const char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

// ^[a-z_][a-z0-9_]*$
inline bool is_operand_name(std::string_view s) {
  if (s.empty() || (s.front() >= '0' && s.front() <= '9')) return false;
  for (const char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

}  // namespace costproof
