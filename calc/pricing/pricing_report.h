// Renders price-table rows for `costproof pricing show` and `pricing list`.
//
// Example (show m7i.xlarge, Markdown):
//   | Region | Service | Key | Price | As of | Trust | Source |
//   | us-east-1 | ec2 | m7i.xlarge | $0.2016 per hour | 2026-07-20 | A | aws/karpenter-provider-aws ... |
#pragma once

#include <optional>
#include <string>

#include "pricing/price_catalog.h"

namespace costproof {

enum class OutputFormat { kMarkdown, kJson };

struct PricingQuery {
  OutputFormat format = OutputFormat::kMarkdown;
  std::optional<std::string> exact_key;  // show: this key only; a miss throws PriceNotFound
  std::optional<std::string> region, service, prefix, arch;
  std::optional<char> trust;  // list: only rows whose source has this grade ('A', 'B', 'C')
};

std::string render_pricing_query(const PriceCatalog& catalog, const PricingQuery& query);

}  // namespace costproof
