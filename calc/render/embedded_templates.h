// The text templates compiled into the program (generated at build time by
// cmake/embed-templates.cmake from every calc/**/templates/*.md and *.html; see text_template.h).
#pragma once

#include <span>
#include <string_view>

namespace costproof {

struct EmbeddedTemplate {
  std::string_view name;  // "ipv6-egress/section.md"
  std::string_view text;
};

std::span<const EmbeddedTemplate> embedded_templates();

}  // namespace costproof
