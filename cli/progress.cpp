#include "progress.h"

#include <algorithm>
#include <cstdio>

#include <unistd.h>

namespace costproof::cli {

namespace {

std::string fixed1(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

}  // namespace

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

Progress::Progress(std::string label, std::uint64_t total_bytes, bool enabled)
    : label_(std::move(label)), total_(total_bytes), enabled_(enabled),
      start_(std::chrono::steady_clock::now()), last_draw_(start_) {}

Progress::~Progress() { finish(); }

std::string Progress::render(const std::string& label, std::uint64_t done, std::uint64_t total, double seconds) {
  constexpr double kMB = 1e6;
  std::string name = label;
  const auto slash = name.find_last_of('/');
  if (slash != std::string::npos) name = name.substr(slash + 1);
  if (name.size() > 28) name = "..." + name.substr(name.size() - 25);
  const double rate = seconds > 0 ? static_cast<double>(done) / kMB / seconds : 0.0;
  std::string out = name + " ";
  if (total > 0) {
    const double frac = std::min(1.0, static_cast<double>(done) / static_cast<double>(total));
    constexpr int kWidth = 20;
    const int filled = static_cast<int>(frac * kWidth);
    out += "[" + std::string(static_cast<std::size_t>(filled), '#') +
           std::string(static_cast<std::size_t>(kWidth - filled), '-') + "] ";
    const int pct = static_cast<int>(frac * 100);
    out += (pct < 10 ? "  " : pct < 100 ? " " : "") + std::to_string(pct) + "%  ";
    out += fixed1(static_cast<double>(done) / kMB) + "/" + fixed1(static_cast<double>(total) / kMB) + " MB  ";
  } else {
    out += fixed1(static_cast<double>(done) / kMB) + " MB  ";
  }
  out += fixed1(rate) + " MB/s";
  if (total > 0 && rate > 0 && done < total) {
    const auto eta = static_cast<long>(static_cast<double>(total - done) / kMB / rate + 0.5);
    char buf[32];
    std::snprintf(buf, sizeof buf, "  ETA %ld:%02ld", eta / 60, eta % 60);
    out += buf;
  }
  return out;
}

void Progress::update(std::uint64_t bytes_done) {
  done_ = bytes_done;
  if (enabled_) draw(false);
}

void Progress::draw(bool force) {
  const auto now = std::chrono::steady_clock::now();
  if (!force && drawn_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const std::string line = render(label_, done_, total_, seconds);
  std::fprintf(stderr, "\r%-79s", line.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::finish() {
  if (!enabled_ || !drawn_) return;
  std::fprintf(stderr, "\r%79s\r", "");
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace costproof::cli
