// GitHub-flavoured Markdown to HTML, for the companion page: the page shows
// the same show-notes Markdown `costproof episode` prints, so its numbers
// cannot drift from the show notes. Uses Debian's libcmark-gfm (the reference
// GFM implementation, also what tests/gfm checks the show notes with), with
// the table and strikethrough extensions; raw HTML in the input is not passed
// through (safe mode). Headings get ids ("what-this-means-for-you") so the
// page can link to them.
//
// Example:
//   markdown_to_html("## Sources\n\n| a |\n|---|\n| 1 |\n")
//     == "<h2 id=\"sources\">Sources</h2>\n<table>\n<thead>..."
#pragma once

#include <string>

namespace costproof::cli {

std::string markdown_to_html(const std::string& markdown);

// "What this means for you" -> "what-this-means-for-you" (lower case, runs of
// anything but letters and digits become one '-').
std::string heading_id(const std::string& text);

}  // namespace costproof::cli
