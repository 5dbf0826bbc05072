// The read buffer shared by the offer-file scanners (offer_json.h, offer_csv.h).
//
// Holds one chunk (1 MiB by default) of the input. When a token reaches the
// end of the chunk, refill() moves the unread tail (from `keep_from`) to the
// front and reads the next chunk behind it, so a token never needs more than
// one buffer. An error anywhere in a 500 MB file still names its line and
// column: when the source can seek (a file), position() reads the input again
// up to the error to count the lines (reading stays free of line counting);
// otherwise the newlines in the bytes that are dropped are counted on the way.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "offers/offer_input.h"

namespace costproof {

class OfferBuffer {
 public:
  OfferBuffer(ByteSource& source, std::string file, std::size_t chunk_bytes);

  const std::string& file() const { return file_; }
  // Absolute offset (from the start of the file) of the next unread byte.
  std::uint64_t offset() const { return base_ + static_cast<std::uint64_t>(pos_ - data()); }
  // Bytes taken from the source so far (>= offset(): the rest of the chunk is read ahead).
  std::uint64_t bytes_read() const { return bytes_read_; }
  // "line 12, column 5 (byte 301)" for an offset not before the current chunk. May re-read the
  // input before the chunk (then the source is left where it was).
  std::string position(std::uint64_t offset);
  std::string position() { return position(offset()); }
  // True when seek() works (the source is a file or a string, not a pipe).
  bool seekable() const { return !count_lines_; }
  // Continues reading at byte `offset` of the input (before or after the current one): the
  // chunk is dropped and refilled from there. False (nothing moved) when the source cannot seek.
  bool seek(std::uint64_t offset);

 protected:
  char* data() { return buf_.data(); }
  const char* data() const { return buf_.data(); }
  // Drops the bytes before `keep_from`, moves the rest to the front and reads
  // more behind it. Returns false when the source has nothing more (then no
  // pointer moved). Pointers into the buffer are invalid afterwards unless
  // re-derived from data(); `keep_from` ends up at data().
  bool refill(const char* keep_from);

  char* pos_;
  char* end_;

 private:
  ByteSource& source_;
  std::string file_;
  std::vector<char> buf_;
  std::size_t chunk_;
  std::uint64_t base_ = 0;        // absolute offset of data()[0]
  std::uint64_t bytes_read_ = 0;
  bool count_lines_;                             // count newlines on refill (the source cannot seek)
  std::uint64_t lines_before_ = 0;               // newlines before base_ (when count_lines_)
  std::uint64_t line_start_before_ = 0;          // offset just after the last newline before base_ (same)
  bool eof_ = false;
};

// Number of '\n' bytes in [begin, end), eight bytes at a time.
std::uint64_t count_newlines(const char* begin, const char* end);

}  // namespace costproof
