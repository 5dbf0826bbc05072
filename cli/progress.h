// A progress bar for long reads (pricing import of a 480 MB offer file).
//
// Drawn on stderr only when stderr is a terminal (isatty), so redirected
// output, CI logs and golden tests never see it:
//   AmazonEC2-us-east-1.json [#########-----------]  45%  216.0/480.0 MB  612.3 MB/s  ETA 0:00
// Redrawn at most ten times a second; finish() or the destructor erases it.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace costproof::cli {

class Progress {
 public:
  // `total_bytes` 0 = unknown (a pipe): no percentage or ETA. `enabled` false = never draw.
  Progress(std::string label, std::uint64_t total_bytes, bool enabled);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void update(std::uint64_t bytes_done);
  // Erases the bar.
  void finish();
  bool active() const { return enabled_; }

  // The bar text for a state (exposed for tests): width-limited, no '\r'.
  static std::string render(const std::string& label, std::uint64_t done, std::uint64_t total, double seconds);

 private:
  void draw(bool force);
  std::string label_;
  std::uint64_t total_;
  std::uint64_t done_ = 0;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

// True when standard error is a terminal.
bool stderr_is_terminal();

}  // namespace costproof::cli
