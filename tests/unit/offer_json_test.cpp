// Unit tests for the streaming offer-file scanners (calc/offers/offer_json.h,
// calc/offers/offer_csv.h, calc/offers/offer_buffer.h): tokens, escapes, every chunk
// boundary, and pointed errors for malformed and truncated input.
#include <gtest/gtest.h>

#include <string>

#include "core/error.h"
#include "offers/offer_buffer.h"
#include "offers/offer_csv.h"
#include "offers/offer_json.h"

namespace costproof {
namespace {

// Walks any JSON value, returning a compact text form, through the scanner's
// object/array/string API (numbers and literals are skipped as "#").
std::string walk(OfferJsonScanner& json) {
  const int c = json.peek();
  if (c == '{') {
    json.begin_object("x");
    OfferJsonScanner::Cursor cur;
    std::string_view key;
    std::string out = "{";
    bool first = true;
    while (json.next_key(cur, key)) {
      if (!first) out += ",";
      first = false;
      out += std::string(key) + ":";
      out += walk(json);
    }
    return out + "}";
  }
  if (c == '[') {
    json.begin_array("x");
    OfferJsonScanner::Cursor cur;
    std::string out = "[";
    bool first = true;
    while (json.next_element(cur)) {
      if (!first) out += ",";
      first = false;
      out += walk(json);
    }
    return out + "]";
  }
  if (c == '"') return "'" + std::string(json.string("x")) + "'";
  json.skip_value();
  return "#";
}

std::string walk_text(std::string_view text, std::size_t chunk, std::size_t max_read) {
  StringByteSource source(text, max_read);
  OfferJsonScanner json(source, "t.json", chunk);
  std::string out = walk(json);
  json.expect_end();
  return out;
}

TEST(OfferJsonScannerTest, WalksObjectsArraysStringsAndSkipsScalars) {
  const std::string text = R"( { "a" : "x", "b":[1, -2.5e3, true, false, null, "y"], "c" : {}, "d": [] } )";
  EXPECT_EQ(walk_text(text, 4096, 4096), "{a:'x',b:[#,#,#,#,#,'y'],c:{},d:[]}");
}

TEST(OfferJsonScannerTest, EveryChunkBoundaryGivesTheSameResult) {
  const std::string text =
      "{\n  \"products\" : {\n    \"SKU1\" : {\"sku\" : \"SKU1\", \"attributes\" : {\"k\\\"q\" : \"v\\u00e9\\n\"}}\n  },"
      " \"n\" : [0, 12.75, 3E+2, \"\\ud83d\\ude00\"]\n}\n";
  const std::string expected = walk_text(text, 1 << 16, 1 << 16);
  EXPECT_EQ(expected, "{products:{SKU1:{sku:'SKU1',attributes:{k\"q:'v\xC3\xA9\n'}}},n:[#,#,#,'\xF0\x9F\x98\x80']}");
  for (std::size_t chunk : {16u, 17u, 31u, 64u})
    for (std::size_t max_read : {1u, 2u, 3u, 7u})
      EXPECT_EQ(walk_text(text, chunk, max_read), expected) << "chunk " << chunk << " read " << max_read;
}

TEST(OfferJsonScannerTest, LongStringGrowsTheBuffer) {
  const std::string big(5000, 'x');
  EXPECT_EQ(walk_text("{\"k\": \"" + big + "\"}", 64, 13), "{k:'" + big + "'}");
}

std::string error_of(std::string_view text) {
  try {
    walk_text(text, 32, 5);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(OfferJsonScannerTest, MalformedInputNamesLineColumnAndByte) {
  EXPECT_EQ(error_of("{\n  \"a\" : \"x\"\n  \"b\" : 1\n}"),
            "t.json: invalid JSON at line 3, column 3 (byte 16): expected ',' or '}' after an object member, got '\"'. "
            "An AWS offer file is one JSON object; check that the file is not damaged");
  EXPECT_NE(error_of("{\"a\": tru}").find("expected a JSON value (\"true\")"), std::string::npos);
  EXPECT_NE(error_of("{\"a\": 01}").find("expected ',' or '}'"), std::string::npos);
  EXPECT_NE(error_of("{\"a\": \"x\\q\"}").find("an escape"), std::string::npos);
  EXPECT_NE(error_of("{\"a\": \"x\ty\"}").find("a raw control byte must be escaped"), std::string::npos);
  EXPECT_NE(error_of("{\"a\": \"\\u12G4\"}").find("four hex digits"), std::string::npos);
  EXPECT_NE(error_of("{\"a\" 1}").find("expected ':' after an object key"), std::string::npos);
  EXPECT_NE(error_of("{\"a\": 1} x").find("expected the end of the file"), std::string::npos);
}

TEST(OfferJsonScannerTest, TruncatedInputSaysSo) {
  const std::string text = "{\n \"products\" : {\n  \"A\" : {\"sku\" : \"A\"}\n }\n}";
  for (std::size_t cut = 1; cut < text.size() - 1; ++cut) {
    const std::string e = error_of(text.substr(0, cut));
    EXPECT_NE(e.find("the file ends early at line"), std::string::npos) << cut << ": " << e;
    EXPECT_NE(e.find("truncated"), std::string::npos) << cut;
  }
}

// skip_value over a whole document: "ok" or the error message.
std::string skip_text(std::string_view text, std::size_t chunk, std::size_t max_read) {
  try {
    StringByteSource source(text, max_read);
    OfferJsonScanner json(source, "t.json", chunk);
    json.skip_value();
    json.expect_end();
  } catch (const InputError& e) {
    return e.what();
  }
  return "ok";
}

TEST(OfferJsonScannerTest, SkippingChecksAsMuchAsWalkingAtEveryChunkSize) {
  // With a large chunk the fast loop of skip_value runs over most bytes; with 16-byte chunks
  // and 3-byte reads it hands almost every token to the checked path. Same answers.
  const std::string nested =
      "{\n  \"terms\" : {\n    \"Reserved\" : {\n      \"S.T\" : {\"a\" : [ ], \"b\" : { }, \"c\" : [1, -0.5e-3, true, "
      "null, false, \"x\\\"y\\u00e9\"], \"d\" : {\"e\" : {\"f\" : [[], [{}], \"g\"]}}}\n    }\n  }\n}\n";
  const std::vector<std::string> broken = {
      "{\"a\" : {\"b\" : [\"c\" \"d\"]}}",  "{\"a\" : {\"b\" : \"c\",}}",      "{\"a\" : {\"b\" : [1,]}}",
      "{\"a\" : {\"b\" \"c\"}}",            "{\"a\" : {b : 1}}",                "{\"a\" : [\"x\\q\"]}",
      "{\"a\" : [\"x\ty\"]}",                "{\"a\" : {\"b\" : [}]}",           "{\"a\" : {\"b\" : tru}}",
      "{\"a\" : {\"b\" : {\"c\" : 1}}",      "{\"a\" : [[[\"x\"]]]]}",          "{\"a\" : {\"b\" : \"c\"}} }",
  };
  EXPECT_EQ(skip_text(nested, 1 << 16, 1 << 16), "ok");
  for (const std::size_t chunk : {16u, 17u, 64u})
    for (const std::size_t max_read : {1u, 3u, 7u}) {
      EXPECT_EQ(skip_text(nested, chunk, max_read), "ok") << chunk << " " << max_read;
      for (const auto& text : broken)
        EXPECT_EQ(skip_text(text, chunk, max_read), skip_text(text, 1 << 16, 1 << 16)) << text;
    }
  EXPECT_EQ(skip_text(broken[0], 1 << 16, 1 << 16),
            "t.json: invalid JSON at line 1, column 20 (byte 19): expected ',' or ']' after an array element, got "
            "'\"'. An AWS offer file is one JSON object; check that the file is not damaged");
  for (const auto& text : broken) EXPECT_NE(skip_text(text, 1 << 16, 1 << 16), "ok") << text;
}

TEST(OfferBufferTest, CountsNewlinesExactly) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += std::string(static_cast<std::size_t>(i % 37), 'a') + (i % 3 ? "\n" : "\n\n");
  std::uint64_t expected = 0;
  for (char c : text) expected += c == '\n';
  EXPECT_EQ(count_newlines(text.data(), text.data() + text.size()), expected);
  for (std::size_t from = 0; from < 40; ++from)
    for (std::size_t len = 0; len < 70; ++len) {
      std::uint64_t naive = 0;
      for (std::size_t i = from; i < from + len; ++i) naive += text[i] == '\n';
      EXPECT_EQ(count_newlines(text.data() + from, text.data() + from + len), naive) << from << "+" << len;
    }
}

std::vector<std::vector<std::string>> csv_records(std::string_view text, std::size_t chunk, std::size_t max_read) {
  StringByteSource source(text, max_read);
  OfferCsvReader csv(source, "t.csv", chunk);
  std::vector<std::vector<std::string>> out;
  std::vector<std::string_view> f;
  while (csv.next(f)) out.emplace_back(f.begin(), f.end());
  return out;
}

TEST(OfferCsvReaderTest, QuotedUnquotedEscapedAndMultiline) {
  const std::string text = "\"SKU\",\"Price\"\r\n\"A\",\"0.1\"\nB,0.2\n\"C, \"\"quoted\"\"\",\"two\nlines\"\n,\n";
  const std::vector<std::vector<std::string>> expected = {
      {"SKU", "Price"}, {"A", "0.1"}, {"B", "0.2"}, {"C, \"quoted\"", "two\nlines"}, {"", ""}};
  EXPECT_EQ(csv_records(text, 4096, 4096), expected);
  for (std::size_t chunk : {16u, 23u})
    for (std::size_t max_read : {1u, 5u}) EXPECT_EQ(csv_records(text, chunk, max_read), expected);
  EXPECT_EQ(csv_records("a,b", 16, 1), (std::vector<std::vector<std::string>>{{"a", "b"}}));
}

TEST(OfferCsvReaderTest, LineNumbersCountNewlinesInsideQuotes) {
  StringByteSource source("a\n\"b\nc\"\nd\n");
  OfferCsvReader csv(source, "t.csv", 16);
  std::vector<std::string_view> f;
  ASSERT_TRUE(csv.next(f));
  EXPECT_EQ(csv.line(), 1u);
  ASSERT_TRUE(csv.next(f));
  EXPECT_EQ(csv.line(), 2u);
  ASSERT_TRUE(csv.next(f));
  EXPECT_EQ(csv.line(), 4u);
  EXPECT_FALSE(csv.next(f));
}

TEST(OfferCsvReaderTest, UnclosedQuoteAtTheEndIsAnError) {
  try {
    csv_records("\"a\",\"b\n", 16, 3);
    FAIL() << "expected an error";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              "t.csv: the file ends inside a quoted field that starts on line 1; the file is truncated (an incomplete "
              "download?) or a quote is missing");
  }
  EXPECT_THROW(csv_records("\"a\"x,b\n", 16, 3), InputError);
}

TEST(OfferJsonScannerTest, DuplicateKeysAreRefusedWithPointerAndLine) {
  // Few keys (the inline table) and many (the table grown on the heap, several times), the duplicate of an
  // early key and of a late one, all behave alike.
  for (const std::size_t many : {std::size_t{2}, std::size_t{100}, std::size_t{5000}}) {
    for (const std::size_t twice : {std::size_t{0}, many - 1}) {
      std::string text = "{\"products\": {";
      for (std::size_t i = 0; i < many; ++i) text += "\"SKU" + std::to_string(i) + "\": 1,\n";
      const std::string key = "SKU" + std::to_string(twice);
      text += "\"" + key + "\": 2}}";
      StringByteSource source(text, text.size());
      OfferJsonScanner json(source, "offer.json");
      try {
        (void)walk(json);
        FAIL() << "no error for " << key << " of " << many;
      } catch (const InputError& e) {
        EXPECT_EQ(e.file(), "offer.json");
        EXPECT_NE(std::string(e.what()).find("duplicate key \"" + key + "\" at line " + std::to_string(many + 1)),
                  std::string::npos)
            << e.what();
      }
    }
  }
}

}  // namespace
}  // namespace costproof
