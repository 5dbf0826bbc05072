// Unit tests for calc/core/json_reader.h: JSON syntax errors with line and column,
// and the strict, pointer-aware JsonReader.
#include "core/json_reader.h"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.h"

namespace costproof {
namespace {

using nlohmann::json;

// Runs `f`, which must throw E; returns what() (and records a failure if nothing is thrown).
template <typename E, typename F>
std::string message_of(F&& f) {
  try {
    f();
  } catch (const E& e) {
    return e.what();
  }
  ADD_FAILURE() << "expected an exception, none was thrown";
  return "";
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// ---------------------------------------------------------------- parse_json_text

TEST(ParseJsonTextTest, ParsesAnObject) {
  const json j = parse_json_text(R"({"a": 1, "b": "x"})", "f.json", JsonOrigin::kUserInput);
  EXPECT_EQ(j.at("a").get<int>(), 1);
  EXPECT_EQ(j.at("b").get<std::string>(), "x");
}

struct SyntaxCase {
  const char* text;
  const char* where;  // "line L, column C"
};

std::ostream& operator<<(std::ostream& os, const SyntaxCase& c) {
  return os << "json " << ::testing::PrintToString(std::string(c.text)) << " -> " << c.where;
}

const SyntaxCase kSyntaxCases[] = {
    {"{\n  \"a\": 1,\n}", "line 3, column 1"},
    {"{\"a\" 1}", "line 1, column 6"},
    {"{\n\"a\": [1, 2\n}", "line 3, column 1"},
    {"{\n  \"a\": tru\n}", "line 2"},
    {"{", "line 1"},
};

class ParseJsonSyntaxTest : public ::testing::TestWithParam<SyntaxCase> {};

TEST_P(ParseJsonSyntaxTest, NamesFileLineAndColumn) {
  const SyntaxCase& c = GetParam();
  const std::string message = message_of<InputError>(
      [&] { (void)parse_json_text(c.text, "scenarios/x.json", JsonOrigin::kUserInput); });
  EXPECT_TRUE(contains(message, "scenarios/x.json: invalid JSON at " + std::string(c.where)))
      << "expected \"" << c.where << "\" in: " << message;
  EXPECT_TRUE(contains(message, "Fix the syntax there")) << message;
}

INSTANTIATE_TEST_SUITE_P(KnownAnswers, ParseJsonSyntaxTest, ::testing::ValuesIn(kSyntaxCases));

TEST(ParseJsonTextTest, TrailingCommaIsOnLineThree) {
  const std::string message = message_of<InputError>(
      [] { (void)parse_json_text("{\n  \"a\": 1,\n}", "f.json", JsonOrigin::kUserInput); });
  EXPECT_TRUE(contains(message, "line 3")) << message;
}

TEST(ParseJsonTextTest, EmptyFileHasItsOwnMessage) {
  for (const char* text : {"", "   ", "\n\t\r\n"}) {
    const std::string message =
        message_of<InputError>([&] { (void)parse_json_text(text, "empty.json", JsonOrigin::kUserInput); });
    EXPECT_TRUE(contains(message, "empty.json: the file is empty; expected a JSON object")) << message;
  }
}

TEST(ParseJsonTextTest, NestingDeeperThanTheLimitIsRefusedWithItsPosition) {
  // 64 levels parse; the 65th "[" (line 2, column 2) is refused before the
  // parser could recurse 100,000 times and overflow the stack.
  const std::string ok = std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
  EXPECT_NO_THROW((void)parse_json_text(ok, "ok.json", JsonOrigin::kUserInput));
  const std::string deep = std::string(kMaxJsonDepth - 1, '[') + "\n[[" + std::string(100000, '[');
  const std::string message =
      message_of<InputError>([&] { (void)parse_json_text(deep, "deep.json", JsonOrigin::kUserInput); });
  EXPECT_TRUE(contains(message, "deep.json: the JSON nests more than 64 levels deep at line 2, column 2;")) << message;
  // Brackets inside strings (with escaped quotes) do not count.
  const std::string in_string = "{\"a\": \"\\\"" + std::string(1000, '[') + "\"}";
  EXPECT_NO_THROW((void)parse_json_text(in_string, "s.json", JsonOrigin::kUserInput));
  EXPECT_THROW((void)parse_json_text(deep, "t.json", JsonOrigin::kPricingData), PricingDataError);
}

TEST(ParseJsonTextTest, ANumberBeyondADoubleIsAnInputErrorWithItsPosition) {
  // Found by fuzz_price_table: nlohmann throws out_of_range (not parse_error) for it.
  const std::string text = "{\"a\": 1,\n \"b\": 1" + std::string(400, '0') + "}";
  const std::string message =
      message_of<InputError>([&] { (void)parse_json_text(text, "big.json", JsonOrigin::kUserInput); });
  EXPECT_TRUE(contains(message, "big.json: a number is too large to read at line 2, column 7 (1000000000000000000000000000000000000...)"))
      << message;
  EXPECT_THROW((void)parse_json_text(text, "t.json", JsonOrigin::kPricingData), PricingDataError);
}

TEST(ParseJsonTextTest, NonUtf8BytesAreAnInputError) {
  const std::string latin1 = "{\"name\": \"caf\xe9\"}";
  const std::string message =
      message_of<InputError>([&] { (void)parse_json_text(latin1, "latin1.json", JsonOrigin::kUserInput); });
  EXPECT_TRUE(contains(message, "latin1.json: invalid JSON at line 1")) << message;
  EXPECT_TRUE(contains(message, "ill-formed UTF-8 byte")) << message;

  const std::string stray = "{\"a\": 1}\xff";
  const std::string stray_message =
      message_of<InputError>([&] { (void)parse_json_text(stray, "stray.json", JsonOrigin::kUserInput); });
  EXPECT_TRUE(contains(stray_message, "stray.json: invalid JSON at line 1, column 9")) << stray_message;
  const std::string bare = "\xff\xfe{}";
  EXPECT_THROW((void)parse_json_text(bare, "bom16.json", JsonOrigin::kUserInput), InputError);
}

TEST(ParseJsonTextTest, PricingDataOriginThrowsPricingDataError) {
  EXPECT_THROW((void)parse_json_text("{,}", "pricing-data/aws/x/ec2.json", JsonOrigin::kPricingData),
               PricingDataError);
  EXPECT_THROW((void)parse_json_text("", "pricing-data/aws/x/ec2.json", JsonOrigin::kPricingData),
               PricingDataError);
  // A user file's error is an InputError but not a PricingDataError.
  try {
    (void)parse_json_text("{,}", "s.json", JsonOrigin::kUserInput);
    ADD_FAILURE() << "no exception";
  } catch (const InputError& e) {
    EXPECT_EQ(dynamic_cast<const PricingDataError*>(&e), nullptr) << e.what();
    EXPECT_EQ(e.file(), "s.json");
  }
}

// ---------------------------------------------------------------- JsonReader

TEST(JsonReaderTest, RefusesANonObject) {
  const json j = json::array({1, 2});
  const std::string message =
      message_of<InputError>([&] { JsonReader r(j, "f.json", "", JsonOrigin::kUserInput); });
  EXPECT_EQ(message, "f.json: /: expected a JSON object {...}, got an array");
  const json s = "text";
  const std::string nested =
      message_of<InputError>([&] { JsonReader r(s, "f.json", "/fleet/0", JsonOrigin::kUserInput); });
  EXPECT_EQ(nested, "f.json: /fleet/0: expected a JSON object {...}, got string \"text\"");
}

TEST(JsonReaderTest, MissingFieldNamesTheField) {
  const json j = json::parse(R"({"fleet": [{"name": "web"}]})");
  JsonReader top(j, "s.json", "", JsonOrigin::kUserInput);
  const std::string at_top = message_of<InputError>([&] { (void)top.string("x"); });
  EXPECT_TRUE(contains(at_top, "missing required field \"x\"")) << at_top;
  EXPECT_TRUE(contains(at_top, "s.json: /: ")) << at_top;

  auto rows = top.objects("fleet");
  ASSERT_EQ(rows.size(), 1u);
  const std::string nested = message_of<InputError>([&] { (void)rows[0].integer("count"); });
  EXPECT_EQ(nested, "s.json: /fleet/0: missing required field \"count\" (a whole number); add it");
}

TEST(JsonReaderTest, WrongTypesNameThePointer) {
  const json j = json::parse(R"({"fleet": [{"count": "twelve", "name": 5, "flag": true, "list": {}}]})");
  JsonReader top(j, "s.json", "", JsonOrigin::kUserInput);
  auto rows = top.objects("fleet");
  JsonReader& row = rows[0];
  EXPECT_EQ(message_of<InputError>([&] { (void)row.integer("count"); }),
            "s.json: /fleet/0/count: expected a whole number, got string \"twelve\"");
  EXPECT_EQ(message_of<InputError>([&] { (void)row.string("name"); }),
            "s.json: /fleet/0/name: expected a string, got number 5");
  EXPECT_TRUE(contains(message_of<InputError>([&] { (void)row.decimal("flag", "a share in percent"); }),
                       "/fleet/0/flag: expected a share in percent (a whole number or a decimal string such as "
                       "\"0.75\"), got boolean true"));
  EXPECT_TRUE(contains(message_of<InputError>([&] { (void)row.objects("list"); }),
                       "/fleet/0/list: expected an array [...], got an object"));
  EXPECT_TRUE(contains(message_of<InputError>([&] { (void)top.object("fleet"); }),
                       "s.json: /fleet: expected a JSON object {...}, got an array"));
}

TEST(JsonReaderTest, IntegerRefusesFloatsAndHugeNumbers) {
  const json j = json::parse(R"({"a": 1.0, "b": 18446744073709551615, "c": -3})");
  JsonReader r(j, "f.json", "", JsonOrigin::kUserInput);
  EXPECT_TRUE(contains(message_of<InputError>([&] { (void)r.integer("a"); }), "/a: expected a whole number, got number"));
  EXPECT_TRUE(contains(message_of<InputError>([&] { (void)r.integer("b"); }),
                       "/b: the number 18446744073709551615 is too large"));
  EXPECT_EQ(r.integer("c"), -3);
}

TEST(JsonReaderTest, EmptyStringIsRefused) {
  const json j = json::parse(R"({"name": ""})");
  JsonReader r(j, "f.json", "", JsonOrigin::kUserInput);
  EXPECT_EQ(message_of<InputError>([&] { (void)r.string("name"); }),
            "f.json: /name: expected a non-empty string, got an empty one");
}

TEST(JsonReaderTest, StringOfOnlySpacesIsRefused) {
  const json j = json::parse(R"({"what": "   ", "tabbed": " \t ", "ok": " x "})");
  JsonReader r(j, "f.json", "", JsonOrigin::kUserInput);
  const std::string expected = "expected a non-empty string, got only spaces; write the text it stands for";
  EXPECT_EQ(message_of<InputError>([&] { (void)r.string("what"); }), "f.json: /what: " + expected);
  EXPECT_TRUE(contains(message_of<InputError>([&] { (void)r.string("tabbed"); }), "/tabbed: " + expected));
  EXPECT_EQ(r.string("ok"), " x ");
}

TEST(JsonReaderTest, DecimalRefusesAJsonFloatWithAdviceToQuoteIt) {
  const json j = json::parse(R"({"share": 0.75, "big": 1e3})");
  JsonReader r(j, "s.json", "/performance", JsonOrigin::kUserInput);
  const std::string message = message_of<InputError>([&] { (void)r.decimal("share", "a share in percent"); });
  EXPECT_EQ(message,
            "s.json: /performance/share: expected a share in percent as a whole number or a decimal string, got "
            "number 0.75; write it in quotes (\"0.75\") so it stays exact");
  EXPECT_TRUE(contains(message_of<InputError>([&] { (void)r.decimal("big", "a count"); }), "write it in quotes"));
}

TEST(JsonReaderTest, DecimalAcceptsIntegersAndDecimalStrings) {
  const json j = json::parse(
      R"({"n": 12, "s": "0.75", "neg": -4, "u": 18446744073709551615, "keep": "0.201600", "bad": "0,75"})");
  JsonReader r(j, "s.json", "", JsonOrigin::kUserInput);
  EXPECT_EQ(r.decimal("n", "x").to_string(), "12");
  EXPECT_EQ(r.decimal("s", "x").to_string(), "0.75");
  EXPECT_EQ(r.decimal("neg", "x").to_string(), "-4");
  EXPECT_EQ(r.decimal("u", "x").to_string(), "18446744073709551615");
  EXPECT_EQ(r.decimal("keep", "x").to_string(), "0.201600");
  const std::string bad = message_of<InputError>([&] { (void)r.decimal("bad", "a share in percent"); });
  EXPECT_TRUE(contains(bad, "s.json: /bad: expected a share in percent: \"0,75\" is not a decimal number")) << bad;
  EXPECT_FALSE(r.optional_decimal("absent", "x").has_value());
  EXPECT_EQ(r.optional_decimal("s", "x")->to_string(), "0.75");
}

TEST(JsonReaderTest, DecimalStringRefusesNumbers) {
  const json j = json::parse(R"({"price": 0.045, "whole": 1, "ok": "0.045"})");
  JsonReader r(j, "t.json", "/rows/3", JsonOrigin::kPricingData);
  EXPECT_EQ(message_of<PricingDataError>([&] { (void)r.decimal_string("price", "a price in USD"); }),
            "t.json: /rows/3/price: expected a price in USD as a decimal string such as \"0.045\", got number "
            "0.045; write it in quotes so it stays exact");
  EXPECT_THROW((void)r.decimal_string("whole", "a price"), PricingDataError);
  EXPECT_EQ(r.decimal_string("ok", "a price").to_string(), "0.045");
}

TEST(JsonReaderTest, OneOfListsTheAllowedValues) {
  const json j = json::parse(R"({"trust": "D", "kind": "A"})");
  JsonReader r(j, "f.json", "", JsonOrigin::kUserInput);
  EXPECT_EQ(message_of<InputError>([&] { (void)r.one_of("trust", {"A", "B", "C"}); }),
            "f.json: /trust: expected one of \"A\", \"B\", \"C\", got \"D\"");
  EXPECT_EQ(r.one_of("kind", {"A", "B"}), "A");
}

TEST(JsonReaderTest, OptionalAccessors) {
  const json j = json::parse(R"({"s": "x", "i": 3, "o": {"k": 1}})");
  JsonReader r(j, "f.json", "", JsonOrigin::kUserInput);
  EXPECT_EQ(r.optional_string("s"), std::optional<std::string>("x"));
  EXPECT_FALSE(r.optional_string("missing").has_value());
  EXPECT_EQ(r.optional_integer("i"), std::optional<std::int64_t>(3));
  EXPECT_FALSE(r.optional_integer("missing2").has_value());
  auto o = r.optional_object("o");
  ASSERT_TRUE(o.has_value());
  EXPECT_EQ(o->pointer(), "/o");
  EXPECT_EQ(o->integer("k"), 1);
  EXPECT_FALSE(r.optional_object("missing3").has_value());
  // Asking about a missing optional key marks it known, and nothing else is left over.
  EXPECT_NO_THROW(r.reject_unknown_keys());
}

TEST(JsonReaderTest, ObjectsEnforcesMinItemsAndPointers) {
  const json j = json::parse(R"({"rows": [], "fleet": [{"a": 1}, {"a": 2}], "mixed": [{"a": 1}, 7]})");
  JsonReader r(j, "f.json", "", JsonOrigin::kUserInput);
  EXPECT_EQ(message_of<InputError>([&] { (void)r.objects("rows", 1); }),
            "f.json: /rows: expected at least 1 item(s), got 0");
  auto fleet = r.objects("fleet", 1);
  ASSERT_EQ(fleet.size(), 2u);
  EXPECT_EQ(fleet[1].pointer(), "/fleet/1");
  EXPECT_EQ(fleet[1].integer("a"), 2);
  EXPECT_EQ(fleet[1].pointer_to("a"), "/fleet/1/a");
  EXPECT_TRUE(contains(message_of<InputError>([&] { (void)r.objects("mixed"); }),
                       "/mixed/1: expected a JSON object {...}, got number 7"));
}

TEST(JsonReaderTest, RejectUnknownKeysNamesTheKeyAndListsAllowedOnes) {
  const json j = json::parse(R"({"name": "web", "count": 12, "cuont": 3})");
  auto rows_json = json::array({j});
  JsonReader row(rows_json[0], "s.json", "/fleet/0", JsonOrigin::kUserInput);
  (void)row.string("name");
  (void)row.integer("count");
  const std::string message = message_of<InputError>([&] { row.reject_unknown_keys(); });
  EXPECT_EQ(message,
            "s.json: /fleet/0/cuont: unknown field \"cuont\"; the fields allowed here are: count, name. Check the "
            "spelling, or remove it");
}

TEST(JsonReaderTest, RejectUnknownKeysPassesWhenEveryKeyWasRead) {
  const json j = json::parse(R"({"name": "web", "count": 12})");
  JsonReader r(j, "s.json", "", JsonOrigin::kUserInput);
  EXPECT_TRUE(r.has("name"));
  EXPECT_FALSE(r.has("nmae"));
  (void)r.string("name");
  EXPECT_THROW(r.reject_unknown_keys(), InputError);  // "count" not read yet
  (void)r.integer("count");
  EXPECT_NO_THROW(r.reject_unknown_keys());
}

TEST(JsonReaderTest, PricingDataOriginThrowsPricingDataError) {
  const json j = json::parse(R"({"price": "abc", "extra": 1})");
  JsonReader r(j, "pricing-data/aws/us-east-1/vpc.json", "/rows/3", JsonOrigin::kPricingData);
  EXPECT_THROW((void)r.decimal_string("price", "a price"), PricingDataError);
  EXPECT_THROW((void)r.string("missing"), PricingDataError);
  EXPECT_THROW(r.reject_unknown_keys(), PricingDataError);
  try {
    r.fail("price", "custom");
  } catch (const PricingDataError& e) {
    EXPECT_EQ(std::string(e.what()), "pricing-data/aws/us-east-1/vpc.json: /rows/3/price: custom");
    EXPECT_EQ(e.file(), "pricing-data/aws/us-east-1/vpc.json");
    EXPECT_EQ(e.pointer(), "/rows/3/price");
  }
}

TEST(JsonReaderTest, FailWithEmptyKeyNamesTheObject) {
  const json j = json::object();
  JsonReader top(j, "f.json", "", JsonOrigin::kUserInput);
  EXPECT_EQ(message_of<InputError>([&] { top.fail("", "bad"); }), "f.json: /: bad");
  JsonReader nested(j, "f.json", "/a/0", JsonOrigin::kUserInput);
  EXPECT_EQ(message_of<InputError>([&] { nested.fail("", "bad"); }), "f.json: /a/0: bad");
}

TEST(JsonReaderTest, PointerTokensAreEscaped) {
  EXPECT_EQ(escape_pointer_token("a/b"), "a~1b");
  EXPECT_EQ(escape_pointer_token("a~b"), "a~0b");
  EXPECT_EQ(escape_pointer_token("~/"), "~0~1");
  EXPECT_EQ(escape_pointer_token("plain"), "plain");
  const json j = json::parse(R"({"a/b": 1})");
  JsonReader r(j, "f.json", "/x", JsonOrigin::kUserInput);
  EXPECT_EQ(r.pointer_to("a/b"), "/x/a~1b");
  EXPECT_TRUE(contains(message_of<InputError>([&] { r.reject_unknown_keys(); }), "f.json: /x/a~1b: unknown field"));
}

struct DescribeCase {
  const char* json_text;
  const char* described;
};

std::ostream& operator<<(std::ostream& os, const DescribeCase& c) {
  return os << c.json_text << " -> " << c.described;
}

const DescribeCase kDescribeCases[] = {
    {"null", "null"},
    {"true", "boolean true"},
    {"\"abc\"", "string \"abc\""},
    {"12", "number 12"},
    {"-3", "number -3"},
    {"0.75", "number 0.75"},
    {"{\"a\": 1}", "an object"},
    {"[1, 2]", "an array"},
    {"\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"",
     "string \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa..."},
};

class DescribeJsonTest : public ::testing::TestWithParam<DescribeCase> {};

TEST_P(DescribeJsonTest, DescribesTypeAndValue) {
  const DescribeCase& c = GetParam();
  EXPECT_EQ(describe_json(json::parse(c.json_text)), c.described) << c.json_text;
}

INSTANTIATE_TEST_SUITE_P(KnownAnswers, DescribeJsonTest, ::testing::ValuesIn(kDescribeCases));

TEST(ParseJsonTextTest, DuplicateKeysAreRefusedWithPointerAndLine) {
  // nlohmann keeps one of the two silently; "count": 12, "count": 1000 once priced 1,000 instances.
  try {
    (void)parse_json_text("{\"fleet\": [{\"count\": 12,\n \"count\": 1000}]}", "s.json", JsonOrigin::kUserInput);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.pointer(), "/fleet/0/count");
    EXPECT_NE(std::string(e.what()).find("duplicate key \"count\" at line 2"), std::string::npos) << e.what();
  }
  // An escape spelling the same key is the same key; one key in two objects is fine.
  EXPECT_THROW((void)parse_json_text(R"({"a": 1, "\u0061": 2})", "s.json", JsonOrigin::kUserInput), InputError);
  EXPECT_NO_THROW((void)parse_json_text(R"({"a": {"a": 1}, "b": [{"a": 1}, {"a": 2}]})", "s.json",
                                        JsonOrigin::kUserInput));
  EXPECT_THROW((void)parse_json_text(R"({"k": 1, "k": 2})", "t.json", JsonOrigin::kPricingData), PricingDataError);
}

TEST(ParseJsonTextTest, NulBytesAreRefused) {
  const std::string text = std::string("{\"a\": 1}") + '\0' + "{\"a\": 2}";
  const std::string message =
      message_of<InputError>([&] { (void)parse_json_text(text, "s.json", JsonOrigin::kUserInput); });
  EXPECT_TRUE(contains(message, "a NUL byte (\\0) at line 1, column 9")) << message;
}

TEST(JsonReaderTest, ControlCharactersInTextAreRefused) {
  const json j = json::parse(R"({"title": "bad\u0000title", "ok": "fine"})");
  JsonReader r(j, "s.json", "", JsonOrigin::kUserInput);
  EXPECT_EQ(r.string("ok"), "fine");
  const std::string message = message_of<InputError>([&] { (void)r.string("title"); });
  EXPECT_TRUE(contains(message, "/title: the text has a control character (U+0000) at character 4")) << message;
}

TEST(JsonReaderTest, HugeNumbersGetAHintThatWorks) {
  // 2^64 and 1e30 are doubles to nlohmann; quoting their exponent form would be refused too.
  for (const char* text : {R"({"n": 18446744073709551616})", R"({"n": 1e30})"}) {
    const json j = json::parse(text);
    JsonReader r(j, "s.json", "", JsonOrigin::kUserInput);
    const std::string message = message_of<InputError>([&] { (void)r.decimal("n", "a count"); });
    EXPECT_TRUE(contains(message, "write the digits out in quotes")) << message;
    EXPECT_FALSE(contains(message, "e+")  && contains(message, "write it in quotes")) << message;
  }
}

}  // namespace
}  // namespace costproof
