#include "zip_writer.h"

#include <array>
#include <cstddef>
#include <stdexcept>
#include <unordered_set>

namespace costproof::cli {
namespace {

// Record signatures and fixed field values (PKWARE APPNOTE.TXT, sections 4.3.7, 4.3.12, 4.3.16).
constexpr std::uint32_t kLocalHeaderSignature = 0x04034b50;
constexpr std::uint32_t kCentralHeaderSignature = 0x02014b50;
constexpr std::uint32_t kEndRecordSignature = 0x06054b50;
constexpr std::uint64_t kLocalHeaderSize = 30;    // bytes, before the name
constexpr std::uint64_t kCentralHeaderSize = 46;  // bytes, before the name
constexpr std::uint64_t kEndRecordSize = 22;      // bytes, with an empty comment
constexpr std::uint16_t kVersionNeeded = 10;      // 1.0: stored files only
constexpr std::uint16_t kVersionMadeBy = (3 << 8) | 20;  // host 3 = Unix (so the mode below counts), spec 2.0
constexpr std::uint16_t kFlagUtf8Names = 1 << 11;
constexpr std::uint16_t kMethodStore = 0;
constexpr std::uint16_t kDosTime = 0;                             // 00:00:00
constexpr std::uint16_t kDosDate = ((1980 - 1980) << 9) | (1 << 5) | 1;  // 1980-01-01
constexpr std::uint32_t kUnixFileMode = 0100644;                  // regular file, rw-r--r--
constexpr std::uint32_t kExternalAttributes = kUnixFileMode << 16;
constexpr std::uint64_t kMaxEntries = 0xFFFF;
constexpr std::uint64_t kMaxArchiveSize = 0xFFFFFFFF;  // largest offset a 32-bit field holds

// The table of CRC-32 remainders for each byte value.
constexpr std::array<std::uint32_t, 256> make_crc_table() {
  std::array<std::uint32_t, 256> table{};
  for (std::uint32_t n = 0; n < 256; ++n) {
    std::uint32_t c = n;
    for (int k = 0; k < 8; ++k) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    table[n] = c;
  }
  return table;
}
constexpr std::array<std::uint32_t, 256> kCrcTable = make_crc_table();

// Little-endian field writers.
void put16(std::string& out, std::uint16_t v) {
  out += static_cast<char>(v & 0xFF);
  out += static_cast<char>(v >> 8);
}
void put32(std::string& out, std::uint32_t v) {
  for (int shift = 0; shift < 32; shift += 8) out += static_cast<char>((v >> shift) & 0xFF);
}

void check_name(const std::string& name) {
  const auto reject = [&](const char* why) {
    throw std::invalid_argument("zip entry name \"" + name + "\" " + why);
  };
  if (name.empty()) reject("is empty");
  if (name.front() == '/') reject("starts with '/': names are relative paths");
  if (name.back() == '/') reject("ends with '/': directories are implied by file names");
  if (name.find("..") != std::string::npos) reject("contains \"..\"");
  if (name.find('\\') != std::string::npos) reject("contains '\\': use '/' between folders");
  if (name.find('\0') != std::string::npos) reject("contains a NUL byte");
  if (name.size() > 0xFFFF) reject("is longer than 65,535 bytes");
}

}  // namespace

std::uint32_t crc32(std::string_view bytes) {
  std::uint32_t c = 0xFFFFFFFFu;
  for (const char ch : bytes) c = kCrcTable[(c ^ static_cast<unsigned char>(ch)) & 0xFFu] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

std::string make_zip(const std::vector<ZipEntry>& entries) {
  if (entries.size() > kMaxEntries) {
    throw std::length_error("zip archive: " + std::to_string(entries.size()) +
                            " entries; at most 65,535 without ZIP64");
  }
  // Check every name and the total size before writing anything.
  std::unordered_set<std::string_view> seen;
  std::uint64_t total = kEndRecordSize;
  for (const ZipEntry& e : entries) {
    check_name(e.name);
    if (!seen.insert(e.name).second) {
      throw std::invalid_argument("zip entry name \"" + e.name + "\" appears twice");
    }
    total += kLocalHeaderSize + kCentralHeaderSize + 2 * e.name.size() + e.data.size();
  }
  if (total > kMaxArchiveSize) {
    throw std::length_error("zip archive: " + std::to_string(total) + " bytes; 4 GiB or more needs ZIP64");
  }

  std::string out;
  out.reserve(static_cast<std::size_t>(total));
  std::string central;
  for (const ZipEntry& e : entries) {
    const auto offset = static_cast<std::uint32_t>(out.size());
    const std::uint32_t crc = crc32(e.data);
    const auto size = static_cast<std::uint32_t>(e.data.size());
    const auto name_length = static_cast<std::uint16_t>(e.name.size());

    put32(out, kLocalHeaderSignature);
    put16(out, kVersionNeeded);
    put16(out, kFlagUtf8Names);
    put16(out, kMethodStore);
    put16(out, kDosTime);
    put16(out, kDosDate);
    put32(out, crc);
    put32(out, size);  // compressed size: the same, stored
    put32(out, size);
    put16(out, name_length);
    put16(out, 0);  // extra field length
    out += e.name;
    out += e.data;

    put32(central, kCentralHeaderSignature);
    put16(central, kVersionMadeBy);
    put16(central, kVersionNeeded);
    put16(central, kFlagUtf8Names);
    put16(central, kMethodStore);
    put16(central, kDosTime);
    put16(central, kDosDate);
    put32(central, crc);
    put32(central, size);
    put32(central, size);
    put16(central, name_length);
    put16(central, 0);  // extra field length
    put16(central, 0);  // comment length
    put16(central, 0);  // disk number start
    put16(central, 0);  // internal attributes
    put32(central, kExternalAttributes);
    put32(central, offset);  // of the local header
    central += e.name;
  }

  const auto central_offset = static_cast<std::uint32_t>(out.size());
  const auto count = static_cast<std::uint16_t>(entries.size());
  out += central;
  put32(out, kEndRecordSignature);
  put16(out, 0);  // this disk
  put16(out, 0);  // disk with the central directory
  put16(out, count);  // entries on this disk
  put16(out, count);  // entries in all
  put32(out, static_cast<std::uint32_t>(central.size()));
  put32(out, central_offset);
  put16(out, 0);  // comment length
  return out;
}

}  // namespace costproof::cli
