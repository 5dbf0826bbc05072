#include "markdown_html.h"

#include <cctype>
#include <cstdlib>
#include <map>
#include <memory>
#include <stdexcept>
#include <vector>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

namespace costproof::cli {

std::string heading_id(const std::string& text) {
  std::string id;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) != 0) {
      id += static_cast<char>(std::tolower(u));
    } else if (!id.empty() && id.back() != '-') {
      id += '-';
    }
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id;
}

namespace {

// The heading's plain text (the literal text of its inline children).
std::string plain_text(cmark_node* node) {
  std::string out;
  cmark_iter* it = cmark_iter_new(node);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    const auto type = cmark_node_get_type(n);
    if (ev == CMARK_EVENT_ENTER && (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE))
      out += cmark_node_get_literal(n);
  }
  cmark_iter_free(it);
  return out;
}

// The plain text of every heading, in document order.
std::vector<std::string> heading_texts(cmark_node* document) {
  std::vector<std::string> out;
  cmark_iter* it = cmark_iter_new(document);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_HEADING) out.push_back(plain_text(n));
  }
  cmark_iter_free(it);
  return out;
}

// Gives the k-th "<hN>" tag of `html` the id of the k-th heading text (ids made
// unique with "-2", "-3"). In safe mode any "<h" in the text itself is escaped,
// so the tags found are exactly the headings, in document order.
std::string add_heading_ids(const std::string& html, const std::vector<std::string>& texts) {
  std::map<std::string, int> used;
  std::string out;
  std::size_t pos = 0, k = 0;
  while (k < texts.size()) {
    std::size_t at = html.find("<h", pos);
    if (at == std::string::npos) break;
    const bool heading = at + 3 < html.size() && html[at + 2] >= '1' && html[at + 2] <= '6' && html[at + 3] == '>';
    out.append(html, pos, at + 3 - pos);
    pos = at + 3;
    if (!heading) continue;
    std::string id = heading_id(texts[k++]);
    if (id.empty()) id = "section";
    if (const int n = used[id]++; n > 0) id += "-" + std::to_string(n + 1);
    out += " id=\"" + id + "\"";
  }
  out.append(html, pos, std::string::npos);
  return out;
}

}  // namespace

std::string markdown_to_html(const std::string& markdown) {
  cmark_gfm_core_extensions_ensure_registered();
  const int options = CMARK_OPT_DEFAULT;
  std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser(cmark_parser_new(options), &cmark_parser_free);
  for (const char* name : {"table", "strikethrough"}) {
    cmark_syntax_extension* ext = cmark_find_syntax_extension(name);
    if (ext == nullptr) throw std::runtime_error(std::string("libcmark-gfm has no \"") + name + "\" extension");
    cmark_parser_attach_syntax_extension(parser.get(), ext);
  }
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  std::unique_ptr<cmark_node, decltype(&cmark_node_free)> document(cmark_parser_finish(parser.get()),
                                                                     &cmark_node_free);
  cmark_llist* extensions = cmark_parser_get_syntax_extensions(parser.get());
  char* html = cmark_render_html(document.get(), options, extensions);  // safe: raw HTML is omitted
  std::string out = html;
  std::free(html);
  return add_heading_ids(out, heading_texts(document.get()));
}

}  // namespace costproof::cli
