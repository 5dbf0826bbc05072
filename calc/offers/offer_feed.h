// Two more AWS-published price formats for `pricing import`, next to the bulk
// offer files of offer_extract.h:
//
// 1. AWS's pricing-page data feed ("meteredUnitMaps", the JSON behind the
//    price tables on aws.amazon.com, https://b0.p.awsstatic.com/pricing/2.0/
//    meteredUnitMaps/<service>/USD/current/<name>.json):
//      {"manifest": {"serviceId": "ec2", "esIndex": "plc-ec2-usd-20251028175455",
//                    "hawkFilePublicationDate": "2025-10-28T17:54:55Z", "currencyCode": "USD",
//                    "source": "natgateway", ...},
//       "regions": {"US East (N. Virginia)": {"Hourly charge for NAT Gateways":
//                    {"rateCode": "M2YSHUBETB3JX4M4.JRTCKXETXF.6YS6EN2CT7", "price": "0.0450000000"}, ...}}}
//    Each rate carries its Price List rate code (SKU.TERM.DIMENSION) but no
//    unit, usage type or tier boundaries: those come from the documented
//    mapping below (kFeedMapping in offer_feed.cpp; docs/pricing-import.md,
//    "Pricing-page feed"), and the imported source's trust note says so.
//
// 2. Price List GetProducts documents: a JSON array of
//      {"product": {...}, "serviceCode": "AmazonVPC", "terms": {"OnDemand": {"SKU.TERM": {...}}},
//       "version": "20260724154225", "publicationDate": "2026-07-24T15:42:25Z"}
//    (or the raw API answer {"FormatVersion": "aws_v1", "PriceList": ["<document as a string>", ...]}).
//    The documents have the product/terms shape of an offer file, so they are
//    regrouped per (serviceCode, version) into one offer-file text each and
//    read by extract_offer with the same filters.
//
// extract_price_documents sniffs which of the three formats a file is and
// returns one OfferImport per offer (a GetProducts file can hold several).
//
// Example:
//   StringByteSource source(feed_text);
//   auto got = extract_price_documents(source, "natgateway.json", {});
//   got[0].document_kind == "pricing-page feed"; got[0].offer_code == "AmazonEC2";
//   got[0].version == "20251028175455"; got[0].rows[0].rate_code == "M2YSHUBETB3JX4M4.JRTCKXETXF.6YS6EN2CT7"
//
// Errors (InputError naming the file and a JSON pointer): invalid JSON, a
// feed without manifest fields, a currency other than USD, a feed costproof
// has no mapping for (naming the ones it has), a rate code that is not
// SKU.TERM.DIMENSION, a price that is not a decimal, two rate codes for one
// table key, a GetProducts document without serviceCode/version/publicationDate.
#pragma once

#include <string>
#include <vector>

#include "offers/offer_extract.h"
#include "offers/offer_input.h"

namespace costproof {

// Reads an offer file, a pricing-page feed or GetProducts documents.
std::vector<OfferImport> extract_price_documents(ByteSource& source, const std::string& file,
                                                 const ExtractOptions& options);

// The pricing-page feed files costproof maps ("natgateway", "vpc", "dynamodb", "lambda", "states",
// "rds-aurora-storage", "rds-storage", "rds-aurora-ondemand").
const std::vector<std::string>& supported_feed_names();

// How an import of feed `kind` treats key `key` of table `service` (see offer_key_scope).
KeyScope feed_key_scope(OfferKind kind, const std::string& service, const std::string& key);

// "natgateway" for OfferKind::kFeedNatGateway, ...; "" for offer-file kinds.
std::string feed_name(OfferKind kind);

}  // namespace costproof
