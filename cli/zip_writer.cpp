#include "zip_writer.h"

#include <algorithm>
#include <cstddef>
#include <stdexcept>
#include <unordered_set>

#include <zlib.h>

namespace costproof::cli {
namespace {

// Record signatures and fixed field values (PKWARE APPNOTE.TXT, sections 4.3.7, 4.3.12, 4.3.16).
constexpr std::uint32_t kLocalHeaderSignature = 0x04034b50;
constexpr std::uint32_t kCentralHeaderSignature = 0x02014b50;
constexpr std::uint32_t kEndRecordSignature = 0x06054b50;
constexpr std::uint64_t kLocalHeaderSize = 30;    // bytes, before the name
constexpr std::uint64_t kCentralHeaderSize = 46;  // bytes, before the name
constexpr std::uint64_t kEndRecordSize = 22;      // bytes, with an empty comment
constexpr std::uint16_t kVersionStore = 10;       // 1.0: a stored file
constexpr std::uint16_t kVersionDeflate = 20;     // 2.0: a deflated file
constexpr std::uint16_t kVersionMadeBy = (3 << 8) | 20;  // host 3 = Unix (so the mode below counts), spec 2.0
constexpr std::uint16_t kFlagUtf8Names = 1 << 11;
constexpr std::uint16_t kMethodStore = 0;
constexpr std::uint16_t kMethodDeflate = 8;
constexpr std::uint16_t kDosTime = 0;                             // 00:00:00
constexpr std::uint16_t kDosDate = ((1980 - 1980) << 9) | (1 << 5) | 1;  // 1980-01-01
constexpr std::uint32_t kUnixFileMode = 0100644;                  // regular file, rw-r--r--
constexpr std::uint32_t kExternalAttributes = kUnixFileMode << 16;
constexpr std::uint64_t kMaxEntries = 0xFFFF;
constexpr std::uint64_t kMaxArchiveSize = 0xFFFFFFFF;  // largest offset a 32-bit field holds

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

std::string deflate_raw(std::string_view data) {
  z_stream z{};
  // windowBits -15: a raw stream, no zlib header or trailer (ZIP has its own CRC and sizes).
  if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("zlib: deflateInit2 failed");
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, Z_FINISH);
  const auto written = z.total_out;
  deflateEnd(&z);
  if (rc != Z_STREAM_END) throw std::runtime_error("zlib: deflate did not finish (" + std::to_string(rc) + ")");
  out.resize(written);
  return out;
}

std::uint32_t crc32(std::string_view bytes) {
  uLong c = ::crc32(0L, Z_NULL, 0);
  // zlib takes at most uInt bytes per call.
  while (!bytes.empty()) {
    const auto n = static_cast<uInt>(std::min<std::size_t>(bytes.size(), 1u << 30));
    c = ::crc32(c, reinterpret_cast<const Bytef*>(bytes.data()), n);
    bytes.remove_prefix(n);
  }
  return static_cast<std::uint32_t>(c);
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
    if (e.data.size() > kMaxArchiveSize)
      throw std::length_error("zip archive: \"" + e.name + "\" is 4 GiB or more; that needs ZIP64");
  }
  // Each file deflated, or stored when deflating does not make it smaller (tiny files).
  std::vector<std::string> packed(entries.size());
  std::vector<bool> deflated(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (!entries[i].data.empty()) packed[i] = deflate_raw(entries[i].data);
    deflated[i] = packed[i].size() < entries[i].data.size();
    if (!deflated[i]) packed[i].clear();
    const std::size_t size = deflated[i] ? packed[i].size() : entries[i].data.size();
    total += kLocalHeaderSize + kCentralHeaderSize + 2 * entries[i].name.size() + size;
  }
  if (total > kMaxArchiveSize) {
    throw std::length_error("zip archive: " + std::to_string(total) + " bytes; 4 GiB or more needs ZIP64");
  }

  std::string out;
  out.reserve(static_cast<std::size_t>(total));
  std::string central;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const ZipEntry& e = entries[i];
    const auto offset = static_cast<std::uint32_t>(out.size());
    const std::uint32_t crc = crc32(e.data);
    const auto size = static_cast<std::uint32_t>(e.data.size());
    const std::string& stored = deflated[i] ? packed[i] : e.data;
    const auto packed_size = static_cast<std::uint32_t>(stored.size());
    const std::uint16_t version = deflated[i] ? kVersionDeflate : kVersionStore;
    const std::uint16_t method = deflated[i] ? kMethodDeflate : kMethodStore;
    const auto name_length = static_cast<std::uint16_t>(e.name.size());

    put32(out, kLocalHeaderSignature);
    put16(out, version);
    put16(out, kFlagUtf8Names);
    put16(out, method);
    put16(out, kDosTime);
    put16(out, kDosDate);
    put32(out, crc);
    put32(out, packed_size);
    put32(out, size);
    put16(out, name_length);
    put16(out, 0);  // extra field length
    out += e.name;
    out += stored;

    put32(central, kCentralHeaderSignature);
    put16(central, kVersionMadeBy);
    put16(central, version);
    put16(central, kFlagUtf8Names);
    put16(central, method);
    put16(central, kDosTime);
    put16(central, kDosDate);
    put32(central, crc);
    put32(central, packed_size);
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
