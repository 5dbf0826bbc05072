// Unit tests for cli/zip_writer.h: CRC-32 known answers, the byte layout of a
// two-entry archive of tiny files (stored, as deflating would not shrink them; parsed back
// here), a deflated entry, determinism, rejected names and
// sizes, and, where /usr/bin/unzip exists, that unzip accepts the archive.
#include "zip_writer.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace costproof::cli {
namespace {

namespace fs = std::filesystem;

std::uint16_t read16(const std::string& bytes, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(bytes.at(at)) |
                                    (static_cast<unsigned char>(bytes.at(at + 1)) << 8));
}

std::uint32_t read32(const std::string& bytes, std::size_t at) {
  return static_cast<std::uint32_t>(read16(bytes, at)) | (static_cast<std::uint32_t>(read16(bytes, at + 2)) << 16);
}

// "a.txt" (6 bytes) and "dir/b.json" (2 bytes).
std::vector<ZipEntry> two_entries() { return {{"a.txt", "hello\n"}, {"dir/b.json", "{}"}}; }

TEST(Crc32, KnownAnswers) {
  EXPECT_EQ(crc32("123456789"), 0xCBF43926u);
  EXPECT_EQ(crc32(""), 0u);
  EXPECT_EQ(crc32("hello\n"), 0x363A3020u);  // zlib.crc32(b"hello\n")
  EXPECT_EQ(crc32(std::string("\0\xff", 2)), crc32(std::string_view("\0\xff", 2)));
}

TEST(MakeZip, LocalHeadersCentralDirectoryAndEndRecord) {
  const std::string zip = make_zip(two_entries());
  // Layout: local "a.txt" at 0 (30 + 5 + 6 bytes), local "dir/b.json" at 41 (30 + 10 + 2),
  // central directory at 83 (46 + 5 + 46 + 10 = 107 bytes), end record at 190 (22 bytes).
  ASSERT_EQ(zip.size(), 212u);

  // First local header.
  EXPECT_EQ(read32(zip, 0), 0x04034b50u);
  EXPECT_EQ(read16(zip, 4), 10u);       // version needed: 1.0
  EXPECT_EQ(read16(zip, 6), 0x0800u);   // UTF-8 names
  EXPECT_EQ(read16(zip, 8), 0u);        // STORE
  EXPECT_EQ(read16(zip, 10), 0u);       // 00:00
  EXPECT_EQ(read16(zip, 12), 0x0021u);  // 1980-01-01
  EXPECT_EQ(read32(zip, 14), 0x363A3020u);
  EXPECT_EQ(read32(zip, 18), 6u);
  EXPECT_EQ(read32(zip, 22), 6u);
  EXPECT_EQ(read16(zip, 26), 5u);
  EXPECT_EQ(read16(zip, 28), 0u);
  EXPECT_EQ(zip.substr(30, 5), "a.txt");
  EXPECT_EQ(zip.substr(35, 6), "hello\n");
  // Second local header.
  EXPECT_EQ(read32(zip, 41), 0x04034b50u);
  EXPECT_EQ(read32(zip, 41 + 14), crc32("{}"));
  EXPECT_EQ(zip.substr(41 + 30, 10), "dir/b.json");
  EXPECT_EQ(zip.substr(41 + 40, 2), "{}");

  // End record: found by its signature 22 bytes from the end, as readers do.
  const std::size_t end = zip.size() - 22;
  EXPECT_EQ(read32(zip, end), 0x06054b50u);
  EXPECT_EQ(read16(zip, end + 4), 0u);
  EXPECT_EQ(read16(zip, end + 6), 0u);
  EXPECT_EQ(read16(zip, end + 8), 2u);   // entries on this disk
  EXPECT_EQ(read16(zip, end + 10), 2u);  // entries in all
  const std::uint32_t cd_size = read32(zip, end + 12);
  const std::uint32_t cd_offset = read32(zip, end + 16);
  EXPECT_EQ(read16(zip, end + 20), 0u);  // comment length
  EXPECT_EQ(cd_offset, 83u);
  EXPECT_EQ(cd_size, 107u);
  EXPECT_EQ(cd_offset + cd_size, end);

  // Walk the central directory: each record points back at its local header.
  std::size_t at = cd_offset;
  const std::vector<std::string> names = {"a.txt", "dir/b.json"};
  const std::vector<std::uint32_t> local_offsets = {0, 41};
  const std::vector<std::string> data = {"hello\n", "{}"};
  for (std::size_t i = 0; i < 2; ++i) {
    SCOPED_TRACE(names[i]);
    EXPECT_EQ(read32(zip, at), 0x02014b50u);
    EXPECT_EQ(read16(zip, at + 4), 0x0314u);  // made by: Unix, 2.0
    EXPECT_EQ(read16(zip, at + 6), 10u);
    EXPECT_EQ(read16(zip, at + 8), 0x0800u);
    EXPECT_EQ(read16(zip, at + 10), 0u);
    EXPECT_EQ(read16(zip, at + 12), 0u);
    EXPECT_EQ(read16(zip, at + 14), 0x0021u);
    EXPECT_EQ(read32(zip, at + 16), crc32(data[i]));
    EXPECT_EQ(read32(zip, at + 20), data[i].size());
    EXPECT_EQ(read32(zip, at + 24), data[i].size());
    const std::uint16_t name_length = read16(zip, at + 28);
    EXPECT_EQ(name_length, names[i].size());
    EXPECT_EQ(read16(zip, at + 30), 0u);  // extra
    EXPECT_EQ(read16(zip, at + 32), 0u);  // comment
    EXPECT_EQ(read32(zip, at + 38), 0100644u << 16);
    const std::uint32_t local = read32(zip, at + 42);
    EXPECT_EQ(local, local_offsets[i]);
    EXPECT_EQ(zip.substr(at + 46, name_length), names[i]);
    EXPECT_EQ(read32(zip, local), 0x04034b50u);
    EXPECT_EQ(zip.substr(local + 30 + name_length, data[i].size()), data[i]);
    at += 46 + name_length;
  }
  EXPECT_EQ(at, end);
}

TEST(MakeZip, DeflatesWhatShrinks) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "| a table row of the show notes | $1,234.56 |\n";
  const std::string zip = make_zip({{"notes.md", text}});
  EXPECT_EQ(read32(zip, 0), 0x04034b50u);
  EXPECT_EQ(read16(zip, 4), 20u);  // version needed: 2.0 (deflate)
  EXPECT_EQ(read16(zip, 8), 8u);   // DEFLATE
  EXPECT_EQ(read32(zip, 14), crc32(text));
  const std::uint32_t packed = read32(zip, 18);
  EXPECT_EQ(read32(zip, 22), text.size());
  EXPECT_LT(packed, text.size() / 10);
  EXPECT_EQ(zip.size(), 30u + 8 + packed + 46 + 8 + 22);
  const std::size_t central = 30 + 8 + packed;
  EXPECT_EQ(read16(zip, central + 6), 20u);
  EXPECT_EQ(read16(zip, central + 10), 8u);
  EXPECT_EQ(read32(zip, central + 20), packed);
  EXPECT_EQ(read32(zip, central + 24), text.size());
}

TEST(MakeZip, EmptyArchiveIsJustTheEndRecord) {
  const std::string zip = make_zip({});
  ASSERT_EQ(zip.size(), 22u);
  EXPECT_EQ(read32(zip, 0), 0x06054b50u);
  EXPECT_EQ(read16(zip, 10), 0u);
  EXPECT_EQ(read32(zip, 16), 0u);
}

TEST(MakeZip, SameInputGivesSameBytes) {
  EXPECT_EQ(make_zip(two_entries()), make_zip(two_entries()));
  std::vector<ZipEntry> swapped = two_entries();
  std::swap(swapped[0], swapped[1]);
  EXPECT_NE(make_zip(two_entries()), make_zip(swapped));  // order is kept
}

TEST(MakeZip, RejectsBadNames) {
  const std::vector<std::string> bad = {"",     "/etc/passwd", "../up.json", "a/../b.json",          "a/..",
                                        "dir/", "a\\b.json",   "a..b.json",  std::string("a\0b", 3), std::string(65536, 'x')};
  for (const std::string& name : bad) {
    EXPECT_THROW(make_zip({{name, "x"}}), std::invalid_argument) << name.substr(0, 20);
  }
  EXPECT_THROW(make_zip({{"a.json", "1"}, {"b.json", "2"}, {"a.json", "3"}}), std::invalid_argument);
  EXPECT_NO_THROW(make_zip({{"a.json", "1"}, {"A.json", "2"}, {"dir/a.json", "3"}, {"sc\xC3\xA9nario.json", ""}}));
}

TEST(MakeZip, AtMost65535Entries) {
  std::vector<ZipEntry> entries;
  entries.reserve(65536);
  for (int i = 0; i < 65535; ++i) entries.push_back({"f" + std::to_string(i), ""});
  std::string zip;
  ASSERT_NO_THROW(zip = make_zip(entries));
  EXPECT_EQ(read16(zip, zip.size() - 22 + 10), 65535u);
  entries.push_back({"one-too-many", ""});
  EXPECT_THROW(make_zip(entries), std::length_error);
}

// Runs `command` through the shell and returns its exit status (-1 if it did not exit normally).
int run(const std::string& command) {
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(MakeZip, UnzipAcceptsTheArchive) {
  if (!fs::exists("/usr/bin/unzip")) GTEST_SKIP() << "/usr/bin/unzip is not installed";
  const fs::path dir = fs::temp_directory_path() / ("costproof-zip-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path path = dir / "test.zip";
  std::vector<ZipEntry> entries = two_entries();
  entries.push_back({"scenarios/graviton-small-team.json", "{\"fleet\": []}\n"});
  entries.push_back({"empty.txt", ""});
  std::string big;
  for (int i = 0; i < 5000; ++i) big += "line " + std::to_string(i % 97) + " of a deflated file\n";
  entries.push_back({"big.md", big});
  {
    std::ofstream out(path, std::ios::binary);
    const std::string zip = make_zip(entries);
    out.write(zip.data(), static_cast<std::streamsize>(zip.size()));
  }
  EXPECT_EQ(run("/usr/bin/unzip -tq '" + path.string() + "' >/dev/null 2>&1"), 0);
  // Extract and compare each file's bytes.
  ASSERT_EQ(run("/usr/bin/unzip -q '" + path.string() + "' -d '" + (dir / "out").string() + "' >/dev/null 2>&1"), 0);
  for (const ZipEntry& e : entries) {
    std::ifstream in(dir / "out" / e.name, std::ios::binary);
    ASSERT_TRUE(in) << e.name;
    const std::string got((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(got, e.data) << e.name;
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace costproof::cli
