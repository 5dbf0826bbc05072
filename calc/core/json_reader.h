// Strict, pointer-aware reading of JSON objects for hand-written files.
//
// A JsonReader wraps one JSON object together with the file it came from and
// its JSON pointer, so that every error names both:
//   scenarios/ep050/x.json: /fleet/0/count: expected a whole number of instances, got string "twelve".
// Each accessor records the key as known; reject_unknown_keys() then turns any
// key nobody asked for (a typo such as "cuont") into an error.
//
// Numbers: money and quantities must stay exact, so a decimal value is either
// a JSON integer (12) or a decimal string ("0.75"). A JSON number with a
// fraction or exponent (0.75, 1e3) is refused: nlohmann would hold it as a
// binary double.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/decimal.h"

namespace costproof {

// Whose file it is: decides which error type is thrown.
enum class JsonOrigin { kUserInput, kPricingData };

// Deepest nesting of arrays and objects parse_json_text accepts (scenario,
// claims and price files use fewer than 10 levels).
inline constexpr std::size_t kMaxJsonDepth = 64;

// Parses `text` as JSON; a syntax error names the file, line and column, and
// so does nesting deeper than kMaxJsonDepth (refused before parsing).
nlohmann::json parse_json_text(std::string_view text, const std::string& file, JsonOrigin origin);

class JsonReader {
 public:
  // Throws if `value` is not an object.
  JsonReader(const nlohmann::json& value, std::string file, std::string pointer, JsonOrigin origin);

  bool has(std::string_view key) const;
  std::string string(std::string_view key);
  std::optional<std::string> optional_string(std::string_view key);
  // A string that must be one of `allowed`.
  std::string one_of(std::string_view key, const std::vector<std::string>& allowed);
  std::int64_t integer(std::string_view key);
  std::optional<std::int64_t> optional_integer(std::string_view key);
  // A JSON integer or a decimal string; `what` describes it for the message ("a share in percent").
  Decimal decimal(std::string_view key, std::string_view what);
  std::optional<Decimal> optional_decimal(std::string_view key, std::string_view what);
  // A decimal string only (prices in price tables).
  Decimal decimal_string(std::string_view key, std::string_view what);
  JsonReader object(std::string_view key);
  std::optional<JsonReader> optional_object(std::string_view key);
  // An array of objects, each wrapped in its own reader; `min_items` enforced.
  std::vector<JsonReader> objects(std::string_view key, std::size_t min_items = 0);

  // Throws for the first key that no accessor has asked about.
  void reject_unknown_keys() const;

  // Throws the origin's error type for `key` (or the object itself when key is empty).
  [[noreturn]] void fail(std::string_view key, const std::string& message) const;

  std::string pointer_to(std::string_view key) const;
  const std::string& file() const { return file_; }
  const std::string& pointer() const { return pointer_; }
  const nlohmann::json& json() const { return *value_; }

 private:
  const nlohmann::json& require(std::string_view key, std::string_view expected);
  const nlohmann::json* value_;
  std::string file_;
  std::string pointer_;
  JsonOrigin origin_;
  std::set<std::string, std::less<>> known_;
};

// "string \"abc\"", "number 0.75", "object", ... for messages.
std::string describe_json(const nlohmann::json& value);
// The problem with a control character (U+0000-U+001F, U+007F) in text a
// person wrote, or nullopt when there is none.
std::optional<std::string> control_character_problem(std::string_view text);
// Escapes a key for use in a JSON pointer (RFC 6901: "~" -> "~0", "/" -> "~1").
std::string escape_pointer_token(std::string_view token);

[[noreturn]] void throw_input_error(JsonOrigin origin, const std::string& file,
                                    const std::string& pointer, const std::string& message);

}  // namespace costproof
