// `costproof companion <episode folder> --out <dir>`: the listener's download.
//
// Writes into <dir> (all or nothing: built in a sibling temporary folder, then
// renamed into place):
//   index.html        one self-contained page: the show notes as HTML, three
//                     inline SVG charts, and "plug in your numbers" forms run by
//                     the calc library compiled to WebAssembly (no network use)
//   results.json      what `costproof episode --format json` prints
//   results.csv       what `costproof episode --format csv` prints
//   show-notes.md     what `costproof episode` prints
//   scenarios/        the episode folder's files (scenarios, claims, episode, outline)
//   README.md         how to use the bundle and run costproof with your own numbers
//   costproof-companion-ep<NNN>.zip   all of the above
#pragma once

#include <string>
#include <vector>

namespace costproof::cli {

int cmd_companion(const std::vector<std::string>& args);

}  // namespace costproof::cli
