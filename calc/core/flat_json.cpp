#include "core/flat_json.h"

#include <algorithm>

namespace costproof {

std::string FlatArray::without_array(std::string_view text) const {
  std::string out;
  out.reserve(begin + 2 + (text.size() - end));
  out.append(text.substr(0, begin)).append("[]").append(text.substr(end));
  return out;
}

namespace {

// A cursor over the text; every reader returns false for anything outside the simple form.
struct Scanner {
  std::string_view text;
  std::size_t pos = 0;

  bool at_end() const { return pos >= text.size(); }
  char peek() const { return at_end() ? '\0' : text[pos]; }
  void skip_ws() {
    while (!at_end() && (text[pos] == ' ' || text[pos] == '\n' || text[pos] == '\r' || text[pos] == '\t')) ++pos;
  }
  bool consume(char c) {
    if (peek() != c) return false;
    ++pos;
    return true;
  }
  // A string of printable ASCII without escapes (JSON's own rule refuses bytes below 0x20).
  bool plain_string(std::string_view& out) {
    if (!consume('"')) return false;
    const std::size_t start = pos;
    for (; !at_end(); ++pos) {
      const auto byte = static_cast<unsigned char>(text[pos]);
      if (byte == '"') {
        out = text.substr(start, pos - start);
        ++pos;
        return true;
      }
      if (byte == '\\' || byte < 0x20 || byte >= 0x80) return false;
    }
    return false;
  }
  // A non-negative JSON integer of at most 18 digits (no fraction, exponent or leading zero).
  bool small_integer(FlatValue& out) {
    const std::size_t start = pos;
    std::int64_t value = 0;
    for (; !at_end() && text[pos] >= '0' && text[pos] <= '9'; ++pos)
      if (pos - start < 18) value = value * 10 + (text[pos] - '0');  // 19+ digits are declined below
    const std::size_t digits = pos - start;
    if (digits == 0 || digits > 18 || (digits > 1 && text[start] == '0')) return false;
    const char next = peek();
    if (next == '.' || next == 'e' || next == 'E') return false;
    out = FlatValue{false, text.substr(start, digits), value};
    return true;
  }
  // Skips any value without checking it (the caller parses this part in full): a string, a
  // bracketed value (strings inside it skipped) or a literal or number up to the next , } ] or space.
  bool skip_value() {
    if (peek() == '"') {
      for (++pos; !at_end() && text[pos] != '"'; ++pos)
        if (text[pos] == '\\') ++pos;
      return consume('"');
    }
    if (peek() == '[' || peek() == '{') {
      std::size_t depth = 0;
      for (; !at_end(); ++pos) {
        const char c = text[pos];
        if (c == '"') {
          for (++pos; !at_end() && text[pos] != '"'; ++pos)
            if (text[pos] == '\\') ++pos;
          if (at_end()) return false;
        } else if (c == '[' || c == '{') {
          ++depth;
        } else if ((c == ']' || c == '}') && --depth == 0) {
          ++pos;
          return true;
        }
      }
      return false;
    }
    const std::size_t start = pos;
    while (!at_end() && std::string_view(",}] \n\r\t").find(text[pos]) == std::string_view::npos) ++pos;
    return pos > start;
  }
  // "[" {flat object} "]", appending to `out`.
  bool flat_array(FlatArray& out) {
    out.begin = pos;
    if (!consume('[')) return false;
    out.starts.assign(1, 0);
    skip_ws();
    if (consume(']')) {
      out.end = pos;
      return true;
    }
    while (true) {
      if (!flat_object(out)) return false;
      out.starts.push_back(out.members.size());
      skip_ws();
      if (consume(']')) break;
      if (!consume(',')) return false;
      skip_ws();
    }
    out.end = pos;
    return true;
  }
  bool flat_object(FlatArray& out) {
    if (!consume('{')) return false;
    const std::size_t first = out.members.size();
    skip_ws();
    if (consume('}')) return true;
    while (true) {
      FlatMember m;
      if (!plain_string(m.key)) return false;
      skip_ws();
      if (!consume(':')) return false;
      skip_ws();
      if (peek() == '"') {
        m.value.is_string = true;
        if (!plain_string(m.value.text)) return false;
      } else if (!small_integer(m.value)) {
        return false;
      }
      const auto begin = out.members.begin() + static_cast<std::ptrdiff_t>(first);
      if (std::any_of(begin, out.members.end(), [&m](const FlatMember& o) { return o.key == m.key; })) return false;
      out.members.push_back(m);
      skip_ws();
      if (consume('}')) return true;
      if (!consume(',')) return false;
      skip_ws();
    }
  }
};

}  // namespace

std::optional<FlatArray> read_flat_array(std::string_view text, std::string_view key) {
  Scanner s{text};
  std::optional<FlatArray> found;
  s.skip_ws();
  if (!s.consume('{')) return std::nullopt;
  s.skip_ws();
  if (s.consume('}')) return std::nullopt;
  while (true) {
    std::string_view name;
    if (!s.plain_string(name)) return std::nullopt;
    s.skip_ws();
    if (!s.consume(':')) return std::nullopt;
    s.skip_ws();
    if (name == key) {
      if (found) return std::nullopt;
      found.emplace();
      if (!s.flat_array(*found)) return std::nullopt;
    } else if (!s.skip_value()) {
      return std::nullopt;
    }
    s.skip_ws();
    if (s.consume('}')) return found;
    if (!s.consume(',')) return std::nullopt;
    s.skip_ws();
  }
}

}  // namespace costproof
