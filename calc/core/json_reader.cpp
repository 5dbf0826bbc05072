#include "core/json_reader.h"

#include <algorithm>
#include <array>
#include <deque>
#include <memory>
#include <set>
#include <unordered_set>
#include <vector>

#include "core/error.h"

namespace costproof {

void throw_input_error(JsonOrigin origin, const std::string& file, const std::string& pointer,
                       const std::string& message) {
  if (origin == JsonOrigin::kPricingData) throw PricingDataError(file, pointer, message);
  throw InputError(file, pointer, message);
}

namespace {

// "line 3, column 7" for byte `offset` of `text` (both counted from 1).
std::string line_and_column(std::string_view text, std::size_t offset) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// Offset of the bracket that first opens level kMaxJsonDepth + 1, or npos.
// Strings are skipped so a "[" inside a string does not count. Code that walks
// a parsed value (the serializer that quotes values in messages, copies)
// recurses once per level, so a file of 100,000 "[" would otherwise overflow
// the stack instead of getting a message.
std::size_t too_deep_at(std::string_view text) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::string_view::npos;
}

// Throws for the first object key that appears twice in one object. `text` has
// already parsed as JSON, so only strings, brackets, ':' and ',' need telling
// apart. nlohmann keeps one of the two values silently ("count": 12,
// "count": 1000 priced 1,000 instances), so costproof refuses the file.
// One pass without allocations for plain keys: keys are views into `text` (an escaped key is
// decoded once), looked up linearly in small objects and in a hash set in large ones; the line
// number and JSON pointer are worked out only for the message.
void reject_duplicate_keys(std::string_view text, const std::string& file, JsonOrigin origin) {
  constexpr std::size_t kLinear = 16;  // keys per object searched linearly; more go to a hash set
  struct Frame {
    bool object;
    bool expect_key;
    std::size_t index;                     // array: the current element
    std::string_view key;                  // object: the current member
    std::vector<std::string_view> keys;    // object: keys seen so far
    std::unique_ptr<std::unordered_set<std::string_view>> many;  // object: all keys, once past kLinear
  };
  std::vector<Frame> stack;
  std::deque<std::string> decoded;  // escaped keys, decoded (stable addresses for the views)
  const auto pointer = [&stack](std::size_t levels) {
    std::string out;
    for (std::size_t i = 0; i < levels; ++i)
      out += "/" + (stack[i].object ? escape_pointer_token(stack[i].key) : std::to_string(stack[i].index));
    return out;
  };
  static const auto kSpecial = [] {
    std::array<bool, 256> t{};
    for (const char c : std::string_view("{}[],\"")) t[static_cast<unsigned char>(c)] = true;
    return t;
  }();
  const char* const data = text.data();
  const std::size_t size = text.size();
  for (std::size_t i = 0; i < size; ++i) {
    while (i < size && !kSpecial[static_cast<unsigned char>(data[i])]) ++i;
    if (i == size) break;
    const char c = data[i];
    if (c == '{' || c == '[') {
      stack.push_back(Frame{c == '{', c == '{', 0, {}, {}, nullptr});
    } else if (c == '}' || c == ']') {
      if (!stack.empty()) stack.pop_back();
    } else if (c == ',') {
      if (!stack.empty()) {
        if (stack.back().object) stack.back().expect_key = true;
        else ++stack.back().index;
      }
    } else {  // '"'
      const std::size_t start = i;
      bool escaped = false;
      for (++i; i < size && data[i] != '"'; ++i)
        if (data[i] == '\\') {
          escaped = true;
          ++i;
        }
      if (stack.empty() || !stack.back().object || !stack.back().expect_key) continue;
      Frame& top = stack.back();
      top.expect_key = false;
      const std::string_view raw = text.substr(start, i + 1 - start);
      // Decode escapes so "a" and "\u0061" count as the same key.
      std::string_view key = raw.substr(1, raw.size() - 2);
      if (escaped) key = decoded.emplace_back(nlohmann::json::parse(raw).get<std::string>());
      bool seen = false;
      if (top.many) {
        seen = !top.many->insert(key).second;
      } else {
        seen = std::find(top.keys.begin(), top.keys.end(), key) != top.keys.end();
        top.keys.push_back(key);
        if (top.keys.size() > kLinear) {
          top.many = std::make_unique<std::unordered_set<std::string_view>>(top.keys.begin(), top.keys.end());
          top.keys.clear();
        }
      }
      if (seen) {
        top.key = key;
        const std::size_t line = 1 + static_cast<std::size_t>(std::count(data, data + start, '\n'));
        throw_input_error(origin, file, pointer(stack.size()),
                          "duplicate key \"" + std::string(key) + "\" at line " + std::to_string(line) +
                              " (the object already has one); JSON readers keep one of the two silently, so "
                              "costproof refuses: remove or rename one");
      }
      top.key = key;
    }
  }
}

// Offset of the first NUL byte, or npos. nlohmann stops reading at a
// NUL, so anything after one (even a second document) would be ignored silently.
std::size_t first_nul(std::string_view text) { return text.find('\0'); }

}  // namespace

nlohmann::json parse_json_text(std::string_view text, const std::string& file, JsonOrigin origin) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
    throw_input_error(origin, file, "",
                      "the file is empty; expected a JSON object such as {\"schema_version\": 1, ...}");
  if (const std::size_t deep = too_deep_at(text); deep != std::string_view::npos)
    throw_input_error(origin, file, "",
                      "the JSON nests more than " + std::to_string(kMaxJsonDepth) + " levels deep at " +
                          line_and_column(text, deep) +
                          "; costproof files nest a few levels at most, so this is not a file costproof "
                          "reads (check that it is the right file)");
  if (const std::size_t nul = first_nul(text); nul != std::string_view::npos)
    throw_input_error(origin, file, "",
                      "a NUL byte (\\0) at " + line_and_column(text, nul) +
                          "; a JSON file is text and has none (write \\u0000 inside a string if you mean it, "
                          "or check that the file is not damaged or padded)");
  try {
    auto json = nlohmann::json::parse(text.begin(), text.end());
    reject_duplicate_keys(text, file, origin);
    return json;
  } catch (const nlohmann::json::parse_error& e) {
    // Convert the byte offset into a line and column a person can find.
    const std::size_t offset = e.byte == 0 ? 0 : std::min<std::size_t>(e.byte - 1, text.size());
    std::string what = e.what();
    // nlohmann's text starts with "[json.exception.parse_error.101] parse error at line ..., column ...: ".
    const auto colon = what.find(": ", what.find("parse error"));
    if (colon != std::string::npos) what = what.substr(colon + 2);
    // The message quotes the bytes last read, which may not be valid UTF-8: show those as \xNN.
    std::string printable;
    for (const char c : what) {
      const auto byte = static_cast<unsigned char>(c);
      if (byte >= 0x80 || byte < 0x20) {
        static constexpr char kHex[] = "0123456789ABCDEF";
        printable += "\\x";
        printable += kHex[byte >> 4];
        printable += kHex[byte & 0xF];
      } else {
        printable += c;
      }
    }
    what = printable;
    throw_input_error(origin, file, "",
                      "invalid JSON at " + line_and_column(text, offset) + ": " + what +
                          ". Fix the syntax there (a missing comma, quote or bracket is the usual "
                          "cause; text must be UTF-8)");
  } catch (const nlohmann::json::out_of_range& e) {
    // 406 "number overflow parsing '<digits>'": a number beyond a double's range.
    std::string what = e.what();
    const auto open = what.find('\''), close = what.rfind('\'');
    const std::string number =
        open != std::string::npos && close > open ? what.substr(open + 1, close - open - 1) : std::string();
    const std::size_t at = number.empty() ? std::string_view::npos : text.find(number);
    const std::string shown = number.size() > 40 ? number.substr(0, 37) + "..." : number;
    throw_input_error(origin, file, "",
                      "a number is too large to read" +
                          (at == std::string_view::npos ? std::string() : " at " + line_and_column(text, at)) +
                          (shown.empty() ? std::string() : " (" + shown + ")") +
                          "; costproof's numbers are far smaller: check the value, and write prices and "
                          "amounts as decimal strings such as \"0.045\"");
  }
}

std::string describe_json(const nlohmann::json& value) {
  std::string shown = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (shown.size() > 60) shown = shown.substr(0, 57) + "...";
  switch (value.type()) {
    case nlohmann::json::value_t::null: return "null";
    case nlohmann::json::value_t::boolean: return "boolean " + shown;
    case nlohmann::json::value_t::string: return "string " + shown;
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float: return "number " + shown;
    case nlohmann::json::value_t::object: return "an object";
    case nlohmann::json::value_t::array: return "an array";
    default: return shown;
  }
}

std::optional<std::string> control_character_problem(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x20 && byte != 0x7F) continue;
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string code = "U+00";
    code += kHex[byte >> 4];
    code += kHex[byte & 0xF];
    return "the text has a control character (" + code + ") at character " + std::to_string(i + 1) +
           "; costproof copies text into Markdown, CSV and HTML, where it would be invisible or break the "
           "layout: remove it (a space can stand for a line break or tab)";
  }
  return std::nullopt;
}

std::string escape_pointer_token(std::string_view token) {
  std::string out;
  for (char c : token) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out.push_back(c);
  }
  return out;
}

JsonReader::JsonReader(const nlohmann::json& value, std::string file, std::string pointer,
                       JsonOrigin origin)
    : value_(&value), file_(std::move(file)), pointer_(std::move(pointer)), origin_(origin) {
  if (!value.is_object())
    throw_input_error(origin_, file_, pointer_.empty() ? "/" : pointer_,
                      "expected a JSON object {...}, got " + describe_json(value));
}

std::string JsonReader::pointer_to(std::string_view key) const {
  if (key.empty()) return pointer_.empty() ? "/" : pointer_;
  return pointer_ + "/" + escape_pointer_token(key);
}

void JsonReader::fail(std::string_view key, const std::string& message) const {
  throw_input_error(origin_, file_, pointer_to(key), message);
}

bool JsonReader::has(std::string_view key) const {
  return value_->contains(key);  // nlohmann's object map compares transparently: no string built
}

const nlohmann::json& JsonReader::require(std::string_view key, std::string_view expected) {
  known_.emplace(key);
  const auto it = value_->find(key);
  if (it == value_->end())
    throw_input_error(origin_, file_, pointer_to(""),
                      "missing required field \"" + std::string(key) + "\" (" +
                          std::string(expected) + "); add it");
  return *it;
}

std::string JsonReader::string(std::string_view key) {
  const auto& v = require(key, "a string");
  if (!v.is_string()) fail(key, "expected a string, got " + describe_json(v));
  const auto& s = v.get_ref<const std::string&>();
  if (s.empty()) fail(key, "expected a non-empty string, got an empty one");
  if (s.find_first_not_of(" \t\r\n") == std::string::npos)
    fail(key, "expected a non-empty string, got only spaces; write the text it stands for");
  if (const auto bad = control_character_problem(s)) fail(key, *bad);
  return s;
}

std::optional<std::string> JsonReader::optional_string(std::string_view key) {
  known_.emplace(key);
  if (!has(key)) return std::nullopt;
  return string(key);
}

std::string JsonReader::one_of(std::string_view key, const std::vector<std::string>& allowed) {
  const std::string s = string(key);
  for (const auto& a : allowed)
    if (a == s) return s;
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "\"" : ", \"") + a + "\"";
  fail(key, "expected one of " + list + ", got \"" + s + "\"");
}

std::int64_t JsonReader::integer(std::string_view key) {
  const auto& v = require(key, "a whole number");
  if (!v.is_number_integer())
    fail(key, "expected a whole number, got " + describe_json(v));
  if (v.is_number_unsigned() && v.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX))
    fail(key, "the number " + v.dump() + " is too large");
  return v.get<std::int64_t>();
}

std::optional<std::int64_t> JsonReader::optional_integer(std::string_view key) {
  known_.emplace(key);
  if (!has(key)) return std::nullopt;
  return integer(key);
}

Decimal JsonReader::decimal(std::string_view key, std::string_view what) {
  const auto& v = require(key, what);
  if (v.is_number_integer()) {
    if (v.is_number_unsigned()) return Decimal::parse(std::to_string(v.get<std::uint64_t>()));
    return Decimal::from_int(v.get<std::int64_t>());
  }
  if (v.is_number_float()) {
    const std::string shown = v.dump();
    // 1e30 or 2^64 (beyond a 64-bit integer, so nlohmann reads a double): quoting "1e+30" would
    // not help, as a decimal string has no exponent.
    if (shown.find_first_of("eE") != std::string::npos)
      fail(key, "expected " + std::string(what) + " as a whole number or a decimal string, got number " + shown +
                    " (an exponent or more than 19 digits, so it cannot be held exactly); write the digits out "
                    "in quotes (\"1000000\"), and check the value: costproof's quantities and prices are far "
                    "smaller");
    fail(key, "expected " + std::string(what) + " as a whole number or a decimal string, got " +
                  describe_json(v) + "; write it in quotes (\"" + shown + "\") so it stays exact");
  }
  if (!v.is_string())
    fail(key, "expected " + std::string(what) + " (a whole number or a decimal string such as \"0.75\"), got " +
                  describe_json(v));
  try {
    return Decimal::parse(v.get_ref<const std::string&>());
  } catch (const DecimalError& e) {
    fail(key, "expected " + std::string(what) + ": " + e.what());
  }
}

std::optional<Decimal> JsonReader::optional_decimal(std::string_view key, std::string_view what) {
  known_.emplace(key);
  if (!has(key)) return std::nullopt;
  return decimal(key, what);
}

Decimal JsonReader::decimal_string(std::string_view key, std::string_view what) {
  const auto& v = require(key, what);
  if (!v.is_string())
    fail(key, "expected " + std::string(what) + " as a decimal string such as \"0.045\", got " +
                  describe_json(v) + "; write it in quotes so it stays exact");
  try {
    return Decimal::parse(v.get_ref<const std::string&>());
  } catch (const DecimalError& e) {
    fail(key, "expected " + std::string(what) + ": " + e.what());
  }
}

JsonReader JsonReader::object(std::string_view key) {
  const auto& v = require(key, "an object");
  return JsonReader(v, file_, pointer_to(key), origin_);
}

std::optional<JsonReader> JsonReader::optional_object(std::string_view key) {
  known_.emplace(key);
  if (!has(key)) return std::nullopt;
  return object(key);
}

std::vector<JsonReader> JsonReader::objects(std::string_view key, std::size_t min_items) {
  const auto& v = require(key, "an array of objects");
  if (!v.is_array()) fail(key, "expected an array [...], got " + describe_json(v));
  if (v.size() < min_items)
    fail(key, "expected at least " + std::to_string(min_items) + " item(s), got " +
                  std::to_string(v.size()));
  std::vector<JsonReader> out;
  out.reserve(v.size());
  for (std::size_t i = 0; i < v.size(); ++i)
    out.emplace_back(v[i], file_, pointer_to(key) + "/" + std::to_string(i), origin_);
  return out;
}

void JsonReader::reject_unknown_keys() const {
  for (const auto& [key, unused] : value_->items()) {
    if (known_.find(key) != known_.end()) continue;
    std::string list;
    for (const auto& k : known_) list += (list.empty() ? "" : ", ") + k;
    throw_input_error(origin_, file_, pointer_to(key),
                      "unknown field \"" + key + "\"; the fields allowed here are: " + list +
                          ". Check the spelling, or remove it");
  }
}

}  // namespace costproof
