// Text made safe to put inside HTML or XML (the companion page, its SVG charts).
//
// Example:
//   escape_markup("Graviton <4> & \"5\"")  == "Graviton &lt;4&gt; &amp; &quot;5&quot;"
#pragma once

#include <string>
#include <string_view>

namespace costproof {

// & < > " ' escaped; the control characters XML 1.0 forbids (all below 0x20
// except tab, newline, carriage return) are dropped.
std::string escape_markup(std::string_view text);

}  // namespace costproof
