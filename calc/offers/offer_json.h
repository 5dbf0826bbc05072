// A streaming JSON scanner for AWS offer files.
//
// Not a general JSON library: the caller walks the structure it expects
// (objects by key, arrays by element) and skips every value it does not
// need. Nothing is kept beyond the current 4 MiB chunk, so memory stays
// bounded whatever the file size, and the caller can stop at any point.
// Everything it reads or skips is validated as JSON (strings, escapes,
// numbers, literals, nesting); an error names the line, column and byte.
//
// Example (the top of an offer file):
//   OfferJsonScanner json(source, "index.json");
//   json.begin_object("the offer file");
//   OfferJsonScanner::Cursor top;
//   std::string_view key;
//   while (json.next_key(top, key)) {
//     if (key == "offerCode") code = json.string("the offer code");
//     else json.skip_value();
//   }
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "offers/offer_buffer.h"

namespace costproof {

class OfferJsonScanner : public OfferBuffer {
 public:
  OfferJsonScanner(ByteSource& source, std::string file, std::size_t chunk_bytes = std::size_t{4} << 20);

  // Position inside one object or array being walked.
  struct Cursor {
    bool first = true;
    std::string pointer;             // the object's JSON pointer, for messages ("" = the top level)
    // Keys seen so far. The first kFewKeys (an attribute object has ~20) are kept as 64-bit
    // FNV-1a hashes, inline: no allocation per object (equal hashes of different keys are so
    // unlikely that they are reported as the duplicate they almost surely are). Later keys (the
    // products object has one per SKU) are kept themselves in `many_keys`.
    std::array<std::uint64_t, 64> few_hashes{};
    std::size_t few = 0;
    std::unordered_set<std::string> many_keys;
  };
  static constexpr std::size_t kFewKeys = 64;

  // The next non-whitespace byte, not consumed; -1 at the end of the input.
  int peek();
  // Consumes '{' / '['; `what` names the value for the error message.
  void begin_object(std::string_view what);
  void begin_array(std::string_view what);
  // Moves to the next member: consumes ',' (after the first), the key and ':'.
  // Returns false (and consumes '}') at the end of the object. `key` stays
  // valid until the next scanner call. A key the object already had is an
  // InputError naming cursor.pointer and the line (import never picks one of
  // two values silently).
  bool next_key(Cursor& cursor, std::string_view& key);
  // Moves to the next element; false (consuming ']') at the end of the array.
  bool next_element(Cursor& cursor);
  // A string value, unescaped. Valid until the next scanner call.
  std::string_view string(std::string_view what);
  // Skips one value of any type, validating it.
  void skip_value();
  // Only whitespace may follow (call after the top-level value).
  void expect_end();

  // Throws InputError: "<file>: [pointer: ]invalid JSON at <position>: expected <expected>, got <what is there>".
  [[noreturn]] void syntax_error(std::string_view expected);

 private:
  // Records `key` in `cursor`; throws InputError if it is already there.
  void remember_key(Cursor& cursor, std::string_view key);
  void skip_string();
  void skip_number();
  void skip_literal();
  // The byte at pos_ after making sure one is loaded (refilling from `keep`), or -1 at the end.
  int raw_peek(const char* keep);
  [[noreturn]] void truncated(std::string_view expected);
  std::string_view scan_string(bool decode, std::string_view what);

  std::string scratch_;
  std::vector<char> stack_;
};

}  // namespace costproof
