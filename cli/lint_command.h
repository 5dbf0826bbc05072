// `costproof lint <outline.md> --episode <folder>`: every number of an outline,
// and which claim covers it; with --strict, a failing exit code while any
// number is unchecked or any claim is contradicted.
#pragma once

#include <string>
#include <vector>

namespace costproof::cli {

// Exit code of `lint --strict` when a number is unchecked or a claim contradicted.
// (Next free code after cli/exit_codes.h's kOverflow = 7.)
// kLintFindings (8) lives in exit_codes.h.

int cmd_lint(const std::vector<std::string>& args);

}  // namespace costproof::cli
