// A streaming JSON scanner for AWS offer files.
//
// Not a general JSON library: the caller walks the structure it expects
// (objects by key, arrays by element) and skips every value it does not
// need. Nothing is kept beyond the current 1 MiB chunk, so memory stays
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
#include <vector>

#include "offers/offer_buffer.h"

namespace costproof {

class OfferJsonScanner : public OfferBuffer {
 public:
  OfferJsonScanner(ByteSource& source, std::string file, std::size_t chunk_bytes = std::size_t{1} << 20);

  // Position inside one object or array being walked.
  struct Cursor {
    bool first = true;
    std::string pointer;             // the object's JSON pointer, for messages ("" = the top level)
    // Keys seen so far, as 64-bit hashes in an open-addressing table (0 = an empty slot):
    // kInlineSlots inline, so an attribute object (~20 keys) allocates nothing, then `more`, grown
    // 4x at half full (the products object has one key per SKU, ~90,000 for EC2: 2 MB). Two
    // different keys of one length never share a hash (remember_key); of two lengths, only by
    // a 2^-64 chance, so an equal hash is reported as the duplicate it almost surely is.
    std::array<std::uint64_t, 32> slots{};
    std::vector<std::uint64_t> more;
    std::size_t keys = 0;
  };
  static constexpr std::size_t kInlineSlots = 32;

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
  // A key, its ':' (inside a skipped object).
  void skip_key();
  // The fast part of skip_value: walks plain strings, whitespace and brackets in the bytes
  // already loaded, with no call per byte. Stops before anything else (a number, a literal, an
  // escape, the end of the chunk, an error), leaving it to the checked step by step path;
  // returns true when the value is done. `want_value`: a value comes next (else a ',' or a close).
  bool skip_fast(std::size_t depth0, bool& want_value);
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
