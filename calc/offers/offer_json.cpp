#include "offers/offer_json.h"

#include <array>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/error.h"
#include "core/json_reader.h"

namespace costproof {

namespace {

constexpr std::array<bool, 256> make_ws() {
  std::array<bool, 256> t{};
  t[' '] = t['\t'] = t['\n'] = t['\r'] = true;
  return t;
}
// Bytes that end the fast part of a string scan: the closing quote, an escape, a control byte.
constexpr std::array<bool, 256> make_string_stop() {
  std::array<bool, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[static_cast<std::size_t>(c)] = true;
  t['"'] = t['\\'] = true;
  return t;
}
constexpr auto kWs = make_ws();
constexpr auto kStringStop = make_string_stop();

inline unsigned char uc(char c) { return static_cast<unsigned char>(c); }

// The first byte in [p, e) that ends the plain part of a string ('"', '\\' or a
// control byte), or e. Sixteen bytes at a time where SSE2 is available.
inline char* find_string_stop(char* p, char* const e) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i control = _mm_set1_epi8(0x1F);
  while (e - p >= 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)),
                                     _mm_cmpeq_epi8(_mm_max_epu8(x, control), control));
    const int mask = _mm_movemask_epi8(hit);
    if (mask != 0) return p + __builtin_ctz(static_cast<unsigned>(mask));
    p += 16;
  }
#endif
  while (p < e && !kStringStop[uc(*p)]) ++p;
  return p;
}

// The first non-whitespace byte in [p, e), or e.
inline char* skip_whitespace(char* p, char* const e) {
  if (p < e && !kWs[uc(*p)]) return p;
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(' ');
  const __m128i newline = _mm_set1_epi8('\n');
  const __m128i tab = _mm_set1_epi8('\t');
  const __m128i cr = _mm_set1_epi8('\r');
  while (e - p >= 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i ws = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, space), _mm_cmpeq_epi8(x, newline)),
                                    _mm_or_si128(_mm_cmpeq_epi8(x, tab), _mm_cmpeq_epi8(x, cr)));
    const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(ws)) ^ 0xFFFFu;
    if (mask != 0) return p + __builtin_ctz(mask);
    p += 16;
  }
#endif
  while (p < e && kWs[uc(*p)]) ++p;
  return p;
}

int hex_value(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string describe_byte(int c) {
  if (c < 0) return "the end of the file";
  if (c >= 0x20 && c < 0x7F) return std::string("'") + static_cast<char>(c) + "'";
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = "byte 0x";
  out += kHex[(c >> 4) & 0xF];
  out += kHex[c & 0xF];
  return out;
}

}  // namespace

OfferJsonScanner::OfferJsonScanner(ByteSource& source, std::string file, std::size_t chunk_bytes)
    : OfferBuffer(source, std::move(file), chunk_bytes) {}

int OfferJsonScanner::peek() {
  for (;;) {
    char* const p = skip_whitespace(pos_, end_);
    pos_ = p;
    if (p < end_) return uc(*p);
    if (!refill(p)) return -1;
  }
}

int OfferJsonScanner::raw_peek(const char* keep) {
  if (pos_ < end_) return uc(*pos_);
  if (!refill(keep)) return -1;
  return uc(*pos_);
}

void OfferJsonScanner::syntax_error(std::string_view expected) {
  const int c = pos_ < end_ ? uc(*pos_) : -1;
  if (c < 0) truncated(expected);
  throw InputError(file(), "",
                   "invalid JSON at " + position() + ": expected " + std::string(expected) + ", got " +
                       describe_byte(c) + ". An AWS offer file is one JSON object; check that the file is not damaged");
}

void OfferJsonScanner::truncated(std::string_view expected) {
  throw InputError(file(), "",
                   "the file ends early at " + position() + " while " + std::string(expected) +
                       " was expected; the file is truncated (an incomplete download?); download it again");
}

void OfferJsonScanner::begin_object(std::string_view what) {
  if (peek() != '{') syntax_error("'{' starting " + std::string(what));
  ++pos_;
}

void OfferJsonScanner::begin_array(std::string_view what) {
  if (peek() != '[') syntax_error("'[' starting " + std::string(what));
  ++pos_;
}

bool OfferJsonScanner::next_key(Cursor& cursor, std::string_view& key) {
  int c = peek();
  if (cursor.first) {
    cursor.first = false;
    if (c == '}') {
      ++pos_;
      return false;
    }
  } else {
    if (c == '}') {
      ++pos_;
      return false;
    }
    if (c != ',') syntax_error("',' or '}' after an object member");
    ++pos_;
    c = peek();
  }
  if (c != '"') syntax_error("a quoted object key");
  key = scan_string(true, "an object key");
  remember_key(cursor, key);
  // The key view points into the buffer, and a refill would move it: look for
  // ':' in the bytes already loaded first (the usual case).
  char* p = skip_whitespace(pos_, end_);
  if (p < end_) {
    pos_ = p;
    if (*p != ':') syntax_error("':' after an object key");
    ++pos_;
    return true;
  }
  pos_ = p;
  scratch_.assign(key.data(), key.size());
  key = scratch_;
  if (peek() != ':') syntax_error("':' after an object key");
  ++pos_;
  return true;
}

namespace {
// Inserts `hash` (non-zero) into the open-addressing table `slots` (a power of two long, at
// most half full); false when it is already there.
bool insert_hash(std::uint64_t* slots, std::size_t size, std::uint64_t hash) {
  for (std::size_t i = static_cast<std::size_t>(hash) & (size - 1);; i = (i + 1) & (size - 1)) {
    if (slots[i] == hash) return false;
    if (slots[i] == 0) {
      slots[i] = hash;
      return true;
    }
  }
}
}  // namespace

void OfferJsonScanner::remember_key(Cursor& cursor, std::string_view key) {
  // Eight bytes at a time, the length first. Each step (xor a word, multiply by an odd
  // constant, xor-shift) is a bijection of the state, so two different keys of one length
  // never get one hash; keys of different lengths do only by chance (2^-64).
  constexpr std::uint64_t kMul = 0xff51afd7ed558ccdull;
  std::uint64_t hash = 0x9E3779B97F4A7C15ull ^ key.size();
  const auto mix = [&hash](std::uint64_t word) {
    hash = (hash ^ word) * kMul;
    hash ^= hash >> 32;
  };
  std::size_t i = 0;
  for (; i + 8 <= key.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, key.data() + i, 8);
    mix(word);
  }
  if (i < key.size()) {
    std::uint64_t word = 0;
    std::memcpy(&word, key.data() + i, key.size() - i);
    mix(word);
  }
  if (hash == 0) hash = 1;  // 0 marks an empty slot
  std::uint64_t* slots = cursor.more.empty() ? cursor.slots.data() : cursor.more.data();
  std::size_t size = cursor.more.empty() ? kInlineSlots : cursor.more.size();
  if (2 * (cursor.keys + 1) > size) {  // grow: rehash into a table four times the size
    std::vector<std::uint64_t> grown(size * 4, 0);
    for (std::size_t k = 0; k < size; ++k)
      if (slots[k] != 0) insert_hash(grown.data(), grown.size(), slots[k]);
    cursor.more = std::move(grown);
    slots = cursor.more.data();
    size = cursor.more.size();
  }
  if (insert_hash(slots, size, hash)) {
    ++cursor.keys;
    return;
  }
  throw InputError(file(), cursor.pointer + "/" + escape_pointer_token(key),
                   "duplicate key \"" + std::string(key) + "\" at " + position() +
                       " (the object already has one); costproof does not pick one of two values silently, so "
                       "the import stops. Is the file damaged? Download it again");
}

bool OfferJsonScanner::next_element(Cursor& cursor) {
  const int c = peek();
  if (c == ']') {
    ++pos_;
    cursor.first = false;
    return false;
  }
  if (cursor.first) {
    cursor.first = false;
    return true;
  }
  if (c != ',') syntax_error("',' or ']' after an array element");
  ++pos_;
  return true;
}

std::string_view OfferJsonScanner::string(std::string_view what) {
  if (peek() != '"') syntax_error(std::string(what) + " (a quoted string)");
  return scan_string(true, what);
}

void OfferJsonScanner::skip_string() { scan_string(false, "a string"); }

// pos_ is at the opening quote. Returns the contents (unescaped into scratch_
// when `decode` and the string has escapes); the view is valid until the next call.
std::string_view OfferJsonScanner::scan_string(bool decode, std::string_view what) {
  std::size_t start = static_cast<std::size_t>(pos_ - data());  // the opening quote
  char* p = pos_ + 1;
  bool escaped = false;
  // Loads more input, keeping the string from its opening quote; p keeps its place.
  const auto more = [&](std::string_view expected) {
    const auto scanned = static_cast<std::size_t>(p - (data() + start));
    pos_ = p;
    if (!refill(data() + start)) {
      pos_ = end_;
      truncated(expected);
    }
    start = 0;
    p = data() + scanned;
  };
  for (;;) {
    p = find_string_stop(p, end_);
    if (p == end_) {
      more("the closing quote of " + std::string(what));
      continue;
    }
    const char c = *p;
    if (c == '"') break;
    if (c != '\\') {
      pos_ = p;
      syntax_error("the rest of " + std::string(what) + " (a raw control byte must be escaped as \\uXXXX)");
    }
    escaped = true;
    if (end_ - p < 2) {
      more("an escape in " + std::string(what));
      continue;
    }
    const char n = p[1];
    if (n == 'u') {
      if (end_ - p < 6) {
        more("a \\u escape in " + std::string(what));
        if (end_ - p < 6) {
          pos_ = end_;
          truncated("a \\u escape in " + std::string(what));
        }
      }
      for (int i = 2; i < 6; ++i)
        if (hex_value(uc(p[i])) < 0) {
          pos_ = p + i;
          syntax_error("four hex digits after \\u in " + std::string(what));
        }
      p += 6;
    } else if (n == '"' || n == '\\' || n == '/' || n == 'b' || n == 'f' || n == 'n' || n == 'r' || n == 't') {
      p += 2;
    } else {
      pos_ = p + 1;
      syntax_error("an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX) in " + std::string(what));
    }
  }
  const char* s = data() + start + 1;
  const auto n = static_cast<std::size_t>(p - s);
  pos_ = p + 1;
  if (!escaped || !decode) return {s, n};
  scratch_.clear();
  for (std::size_t i = 0; i < n; ++i) {
    if (s[i] != '\\') {
      scratch_ += s[i];
      continue;
    }
    const char k = s[++i];
    switch (k) {
      case 'b': scratch_ += '\b'; break;
      case 'f': scratch_ += '\f'; break;
      case 'n': scratch_ += '\n'; break;
      case 'r': scratch_ += '\r'; break;
      case 't': scratch_ += '\t'; break;
      case 'u': {
        std::uint32_t cp = 0;
        for (int j = 1; j <= 4; ++j) cp = cp * 16 + static_cast<std::uint32_t>(hex_value(uc(s[i + static_cast<std::size_t>(j)])));
        i += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 < n + 1 && s[i + 1] == '\\' && s[i + 2] == 'u') {
          std::uint32_t lo = 0;
          for (int j = 3; j <= 6; ++j) lo = lo * 16 + static_cast<std::uint32_t>(hex_value(uc(s[i + static_cast<std::size_t>(j)])));
          if (lo >= 0xDC00 && lo <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            i += 6;
          }
        }
        append_utf8(scratch_, cp);
        break;
      }
      default: scratch_ += k; break;  // " \ /
    }
  }
  return scratch_;
}

void OfferJsonScanner::skip_number() {
  // Grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
  const auto keep = [this] { return pos_; };
  int c = raw_peek(keep());
  if (c == '-') {
    ++pos_;
    c = raw_peek(keep());
  }
  if (c < '0' || c > '9') syntax_error("a digit in a number");
  if (c == '0') {
    ++pos_;
    c = raw_peek(keep());
  } else {
    while (c >= '0' && c <= '9') {
      ++pos_;
      c = raw_peek(keep());
    }
  }
  if (c == '.') {
    ++pos_;
    c = raw_peek(keep());
    if (c < '0' || c > '9') syntax_error("a digit after the decimal point");
    while (c >= '0' && c <= '9') {
      ++pos_;
      c = raw_peek(keep());
    }
  }
  if (c == 'e' || c == 'E') {
    ++pos_;
    c = raw_peek(keep());
    if (c == '+' || c == '-') {
      ++pos_;
      c = raw_peek(keep());
    }
    if (c < '0' || c > '9') syntax_error("a digit in the exponent");
    while (c >= '0' && c <= '9') {
      ++pos_;
      c = raw_peek(keep());
    }
  }
}

void OfferJsonScanner::skip_literal() {
  const int first = peek();
  const char* word = first == 't' ? "true" : first == 'f' ? "false" : "null";
  for (const char* w = word; *w; ++w) {
    const int c = raw_peek(pos_);
    if (c != uc(*w)) syntax_error(std::string("a JSON value (\"") + word + "\")");
    ++pos_;
  }
}

namespace {
// Helpers of skip_fast over the loaded bytes [p, e), inlined into its loop.
#define COSTPROOF_INLINE inline __attribute__((always_inline))
// Skips whitespace; false when the chunk ends first.
COSTPROOF_INLINE bool fast_ws(char*& p, char* const e) {
  if (p < e && kWs[uc(*p)]) p = skip_whitespace(p + 1, e);
  return p < e;
}
// A string without escapes from p (at its '"'); false (p unmoved) for anything else.
COSTPROOF_INLINE bool fast_plain_string(char*& p, char* const e) {
  char* const q = find_string_stop(p + 1, e);
  if (q == e || *q != '"') return false;
  p = q + 1;
  return true;
}
// An object key from p (whitespace first), its ':' and the whitespace after; false (p unmoved)
// for anything else.
COSTPROOF_INLINE bool fast_key(char*& p, char* const e) {
  char* q = p;
  if (!fast_ws(q, e) || *q != '"' || !fast_plain_string(q, e) || !fast_ws(q, e) || *q != ':') return false;
  p = q + 1;
  return true;
}
#undef COSTPROOF_INLINE
}  // namespace

bool OfferJsonScanner::skip_fast(std::size_t depth0, bool& want_value) {
  char* p = pos_;
  char* const e = end_;
  const auto ws = [&p, e]() { return fast_ws(p, e); };
  const auto plain_string = [&p, e]() { return fast_plain_string(p, e); };
  const auto key = [&p, e]() { return fast_key(p, e); };
  for (;;) {
    pos_ = p;  // every token before p is complete and valid
    if (want_value) {
      if (!ws()) return false;
      pos_ = p;
      const char c = *p;
      if (c == '"') {
        if (!plain_string()) return false;
      } else if (c == '{' || c == '[') {
        char* const open = p++;
        const char close = c == '{' ? '}' : ']';
        if (!ws()) {
          p = open;
          return false;
        }
        if (*p == close) {
          ++p;
        } else {
          if (c == '{' && !key()) {
            p = open;
            return false;
          }
          stack_.push_back(c);
          continue;
        }
      } else {
        return false;  // a number, a literal or an error
      }
      want_value = false;
      continue;
    }
    if (stack_.size() == depth0) return true;
    if (!ws()) return false;
    const char top = stack_.back();
    const char d = *p;
    if (d == ',') {
      ++p;
      if (top == '{' && !key()) {
        p = pos_;
        return false;
      }
      want_value = true;
    } else if (d == (top == '{' ? '}' : ']')) {
      ++p;
      stack_.pop_back();
    } else {
      return false;
    }
  }
}

void OfferJsonScanner::skip_key() {
  if (peek() != '"') syntax_error("a quoted object key");
  skip_string();
  if (peek() != ':') syntax_error("':' after an object key");
  ++pos_;
}

void OfferJsonScanner::skip_value() {
  const std::size_t depth0 = stack_.size();
  bool want_value = true;
  for (;;) {
    if (skip_fast(depth0, want_value)) return;
    // One token the fast path left, checked step by step (refilling, reporting errors).
    if (want_value) {
      want_value = false;
      const int c = peek();
      if (c == '"') {
        skip_string();
      } else if (c == '{') {
        ++pos_;
        if (peek() == '}') {
          ++pos_;
        } else {
          stack_.push_back('{');
          skip_key();
          want_value = true;
        }
      } else if (c == '[') {
        ++pos_;
        if (peek() == ']') {
          ++pos_;
        } else {
          stack_.push_back('[');
          want_value = true;
        }
      } else if (c == '-' || (c >= '0' && c <= '9')) {
        skip_number();
      } else if (c == 't' || c == 'f' || c == 'n') {
        skip_literal();
      } else {
        syntax_error("a JSON value");
      }
      continue;
    }
    // After a value: close containers or move to the next member/element.
    if (stack_.size() == depth0) return;
    const int d = peek();
    const char top = stack_.back();
    if (d == ',') {
      ++pos_;
      if (top == '{') skip_key();
      want_value = true;
    } else if ((top == '{' && d == '}') || (top == '[' && d == ']')) {
      ++pos_;
      stack_.pop_back();
    } else {
      syntax_error(top == '{' ? "',' or '}' after an object member" : "',' or ']' after an array element");
    }
  }
}

void OfferJsonScanner::expect_end() {
  const int c = peek();
  if (c >= 0) syntax_error("the end of the file after the top-level object");
}

}  // namespace costproof
