// Unit tests for calc/core/identifier.h: the scans agree with the regular expressions they replace.
#include "core/identifier.h"

#include <random>
#include <regex>
#include <string>

#include <gtest/gtest.h>

namespace costproof {
namespace {

TEST(Identifier, ScansAgreeWithTheRegularExpressions) {
  const std::regex id("^[a-z0-9][a-z0-9-]*$"), operand("^[a-z_][a-z0-9_]*$");
  EXPECT_TRUE(is_lowercase_id("graviton-small-team"));
  EXPECT_FALSE(is_lowercase_id("-x"));
  EXPECT_FALSE(is_lowercase_id(""));
  EXPECT_TRUE(is_operand_name("_m7i_price"));
  EXPECT_FALSE(is_operand_name("7x"));
  const std::string alphabet = "az09-_Z. \n\xc3";
  std::mt19937 rng(16);
  for (int n = 0; n < 20000; ++n) {
    std::string s(std::uniform_int_distribution<std::size_t>(0, 5)(rng), ' ');
    for (char& c : s) c = alphabet[std::uniform_int_distribution<std::size_t>(0, alphabet.size() - 1)(rng)];
    EXPECT_EQ(is_lowercase_id(s), std::regex_match(s, id)) << s;
    EXPECT_EQ(is_operand_name(s), std::regex_match(s, operand)) << s;
  }
}

}  // namespace
}  // namespace costproof
