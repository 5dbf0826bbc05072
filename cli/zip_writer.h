// A minimal ZIP archive builder: each file deflated by zlib (method 8, DEFLATE), or stored
// (method 0, STORE) when deflating would not make it smaller, for bundling the companion
// into one download. Pure: builds the bytes in memory. zlib (Debian zlib1g-dev) does the
// compression and the CRC-32; this file only lays out the ZIP records around them.
//
// Deterministic: every entry gets the same timestamp (1980-01-01 00:00, the earliest
// a ZIP can hold) and Unix mode rw-r--r--, so the same entries give the same bytes.
// Names are flagged as UTF-8 (general-purpose bit 11). No ZIP64, no comments, no extra fields.
//
// Example:
//   std::string zip = make_zip({{"scenarios/graviton-small-team.json", json_text},
//                               {"README.txt", "Run: costproof check scenarios/\n"}});
//   write_file_atomically("scenarios.zip", zip);   // `unzip -t scenarios.zip` passes
//   crc32("123456789") == 0xCBF43926
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace costproof::cli {

// One file in the archive.
struct ZipEntry {
  std::string name;  // path inside the archive, '/' separators: "scenarios/graviton-small-team.json"
  std::string data;  // the file's bytes (unzip gives them back exactly)
};

// The bytes of a .zip holding `entries` (deflated, or stored when that is smaller), in the given order: a local header
// and the data for each entry, then the central directory and the end record.
// Throws std::invalid_argument for a name that is empty, starts or ends with '/', contains
// "..", '\' or a NUL byte, is longer than 65,535 bytes, or repeats an earlier name.
// Throws std::length_error past 65,535 entries or an archive of 4 GiB or more (that needs ZIP64).
std::string make_zip(const std::vector<ZipEntry>& entries);

// CRC-32 of `bytes` as ZIP, gzip and PNG use it (IEEE 802.3, reflected polynomial 0xEDB88320,
// initial value and final XOR 0xFFFFFFFF): crc32("123456789") == 0xCBF43926, crc32("") == 0.
// `data` as a raw DEFLATE stream (RFC 1951: what ZIP method 8 holds, and what a browser's
// DecompressionStream("deflate-raw") inflates), by zlib at its best compression. Deterministic: the
// same bytes and zlib version give the same stream.
std::string deflate_raw(std::string_view data);

std::uint32_t crc32(std::string_view bytes);

}  // namespace costproof::cli
