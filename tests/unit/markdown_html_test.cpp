// Unit tests for cli/markdown_html.h: GFM tables become real tables, headings
// get unique ids, raw HTML in the Markdown never reaches the page.
#include "markdown_html.h"

#include <gtest/gtest.h>

namespace costproof::cli {
namespace {

TEST(MarkdownHtmlTest, HeadingIdsAreSlugsMadeUnique) {
  EXPECT_EQ(heading_id("What this means for you"), "what-this-means-for-you");
  EXPECT_EQ(heading_id("Is it \"$30+/month NAT Gateway savings per VPC\"?"), "is-it-30-month-nat-gateway-savings-per-vpc");
  EXPECT_EQ(markdown_to_html("## Assumptions\n\n### Assumptions\n\n# `code` & more\n"),
            "<h2 id=\"assumptions\">Assumptions</h2>\n<h3 id=\"assumptions-2\">Assumptions</h3>\n"
            "<h1 id=\"code-more\"><code>code</code> &amp; more</h1>\n");
}

TEST(MarkdownHtmlTest, TablesAreRealTablesWithAlignment) {
  EXPECT_EQ(markdown_to_html("| Usage | Cost |\n|---|---:|\n| api | $1,766.02 |\n"),
            "<table>\n<thead>\n<tr>\n<th>Usage</th>\n<th align=\"right\">Cost</th>\n</tr>\n</thead>\n<tbody>\n"
            "<tr>\n<td>api</td>\n<td align=\"right\">$1,766.02</td>\n</tr>\n</tbody>\n</table>\n");
}

TEST(MarkdownHtmlTest, RawHtmlIsNotPassedThrough) {
  const std::string html = markdown_to_html("A title <script>alert(1)</script> and <h2>x</h2>\n\n<div onclick=\"x\">\n");
  EXPECT_EQ(html.find("<script>"), std::string::npos) << html;
  EXPECT_EQ(html.find("<div"), std::string::npos) << html;
  EXPECT_EQ(html.find("<h2"), std::string::npos) << html;  // and no heading id was given to it
}

}  // namespace
}  // namespace costproof::cli
