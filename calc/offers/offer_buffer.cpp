#include "offers/offer_buffer.h"

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/error.h"

namespace costproof {

namespace {
// A single token (a string, a CSV record) may grow the buffer up to this size.
constexpr std::size_t kMaxBuffer = std::size_t{256} << 20;
}  // namespace

std::uint64_t count_newlines(const char* begin, const char* end) {
  std::uint64_t count = 0;
  const char* p = begin;
#if defined(__SSE2__)
  const __m128i newline = _mm_set1_epi8('\n');
  const __m128i zero = _mm_setzero_si128();
  while (end - p >= 16) {
    // Up to 255 blocks per byte counter, then sum the counters.
    __m128i counts = zero;
    for (int blocks = 0; blocks < 255 && end - p >= 16; ++blocks, p += 16)
      counts = _mm_sub_epi8(counts, _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)), newline));
    const __m128i sums = _mm_sad_epu8(counts, zero);
    count += static_cast<std::uint64_t>(_mm_cvtsi128_si64(sums)) +
             static_cast<std::uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
  }
#else
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
  while (end - p >= 8) {
    std::uint64_t word;
    std::memcpy(&word, p, 8);
    const std::uint64_t x = word ^ (kOnes * '\n');  // zero bytes where '\n' was
    // Exact zero-byte test: the high bit of a byte is set iff that byte is zero.
    const std::uint64_t t = ~(((x & kLow7) + kLow7) | x | kLow7);
    count += ((t >> 7) * kOnes) >> 56;  // sum of the 0/1 bytes
    p += 8;
  }
#endif
  for (; p < end; ++p) count += *p == '\n' ? 1 : 0;
  return count;
}

OfferBuffer::OfferBuffer(ByteSource& source, std::string file, std::size_t chunk_bytes)
    : source_(source),
      file_(std::move(file)),
      chunk_(chunk_bytes < 16 ? 16 : chunk_bytes),
      count_lines_(!source.seekable()) {
  buf_.resize(chunk_);
  pos_ = end_ = buf_.data();
}

bool OfferBuffer::refill(const char* keep_from) {
  if (eof_) return false;
  char* const begin = buf_.data();
  const auto dropped = static_cast<std::size_t>(keep_from - begin);
  const auto kept = static_cast<std::size_t>(end_ - keep_from);
  const auto pos_rel = static_cast<std::size_t>(pos_ - keep_from);
  if (dropped > 0) {
    if (count_lines_) {
      lines_before_ += count_newlines(begin, keep_from);
      for (const char* p = keep_from; p > begin; --p)
        if (p[-1] == '\n') {
          line_start_before_ = base_ + static_cast<std::uint64_t>(p - begin);
          break;
        }
    }
    base_ += dropped;
    std::memmove(begin, keep_from, kept);
  }
  if (kept == buf_.size()) {
    if (buf_.size() >= kMaxBuffer)
      throw InputError(file_, "",
                       "at " + position(base_) + ": a single value longer than 256 MiB; this is not an AWS offer file");
    buf_.resize(buf_.size() * 2);
  }
  char* const nb = buf_.data();
  std::size_t n = 0;
  // Read until the buffer holds a full chunk of new bytes or the input ends.
  while (kept + n < buf_.size()) {
    const std::size_t got = source_.read(nb + kept + n, buf_.size() - kept - n);
    if (got == 0) {
      eof_ = true;
      break;
    }
    n += got;
    if (n >= chunk_ / 2) break;
  }
  bytes_read_ += n;
  pos_ = nb + pos_rel;
  end_ = nb + kept + n;
  return n > 0;
}

bool OfferBuffer::seek(std::uint64_t offset) {
  if (count_lines_ || !source_.seek(offset)) return false;
  base_ = offset;
  pos_ = end_ = buf_.data();
  eof_ = false;
  return true;
}

std::string OfferBuffer::position(std::uint64_t offset) {
  std::uint64_t line = lines_before_ + 1;
  std::uint64_t line_start = line_start_before_;
  if (!count_lines_ && base_ > 0) {
    // Count the lines before the chunk by reading the input again from its start.
    const std::uint64_t resume = base_ + static_cast<std::uint64_t>(end_ - buf_.data());
    if (source_.seek(0)) {
      std::vector<char> block(std::size_t{1} << 20);
      std::uint64_t done = 0;
      while (done < base_) {
        const auto want = static_cast<std::size_t>(std::min<std::uint64_t>(block.size(), base_ - done));
        const std::size_t n = source_.read(block.data(), want);
        if (n == 0) break;
        line += count_newlines(block.data(), block.data() + n);
        for (std::size_t i = n; i > 0; --i)
          if (block[i - 1] == '\n') {
            line_start = done + i;
            break;
          }
        done += n;
      }
      source_.seek(resume);
    }
  }
  if (offset >= base_) {
    const char* begin = buf_.data();
    const std::uint64_t avail = static_cast<std::uint64_t>(end_ - begin);
    const char* at = begin + static_cast<std::size_t>(std::min(offset - base_, avail));
    line += count_newlines(begin, at);
    for (const char* p = at; p > begin; --p)
      if (p[-1] == '\n') {
        line_start = base_ + static_cast<std::uint64_t>(p - begin);
        break;
      }
  }
  const std::uint64_t column = offset >= line_start ? offset - line_start + 1 : 1;
  return "line " + std::to_string(line) + ", column " + std::to_string(column) + " (byte " +
         std::to_string(offset) + ")";
}

}  // namespace costproof
