// Downloads over HTTPS with libcurl (Debian libcurl4-openssl-dev), for
// `costproof pricing update`.
//
// Every transfer has a connect timeout and a stall timeout (less than 1 byte
// a second for `stall_seconds` ends it), a size bound, and fails on an HTTP
// error status. A body shorter than its Content-Length is an error (a
// truncated download). Plain http:// is refused except to the loopback
// address (tests serve files from 127.0.0.1).
//
// Example:
//   FetchOptions o;
//   std::string index = fetch_text("https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonVPC/current/"
//                                  "region_index.json", o, 16 * kMiB);
//   fetch_to_file(url, "/tmp/x/AmazonVPC-us-east-1.json", o, "AmazonVPC us-east-1");
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "files.h"

namespace costproof::cli {

// A download that failed: the message names the URL and what happened.
class DownloadError : public FileError {
 public:
  using FileError::FileError;
};

struct FetchOptions {
  long connect_seconds = 30;              // to open the connection
  long stall_seconds = 60;                // no progress for this long ends the transfer
  std::uint64_t max_bytes = 8ull << 30;   // bound on one file (us-east-1 AmazonEC2 is ~480 MB)
  bool progress = false;                  // progress bar on stderr
};

// True for URLs costproof may fetch: https://..., or http:// to 127.0.0.1 / localhost / [::1].
bool fetch_url_allowed(const std::string& url);

// The whole body, at most `max_bytes`. Throws DownloadError.
std::string fetch_text(const std::string& url, const FetchOptions& options, std::uint64_t max_bytes);

// Writes the body to `path` (a new file). Returns the bytes written. Throws DownloadError;
// then `path` is removed.
std::uint64_t fetch_to_file(const std::string& url, const std::filesystem::path& path, const FetchOptions& options,
                            const std::string& label);

}  // namespace costproof::cli
