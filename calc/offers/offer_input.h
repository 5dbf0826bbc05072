// Where the bytes of an AWS Price List offer file come from.
//
// calc/ never opens files: the importer reads an offer file through a
// ByteSource that cli/ hands in (a file read in large chunks, with a progress
// bar), and tests hand in an in-memory string or a std::istream. Reading is
// pull-based: the parser asks for the next chunk when it needs one, so memory
// stays at one chunk however large the file is, and the parser can stop
// early by simply not asking for more. A source that can seek (a file, a
// string) lets the importer come back to a part it skipped (an offer file
// with `terms` before `products`); a pipe cannot.
//
// Example:
//   std::istringstream in(R"({"offerCode": "AmazonEC2", ...})");
//   IstreamByteSource source(in);
//   OfferImport result = extract_offer(source, "ec2.json", {});
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <istream>
#include <string>
#include <string_view>
#include <utility>

namespace costproof {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Copies up to `capacity` bytes into `buffer`; returns 0 only at the end of
  // the input. Throws on a read error.
  virtual std::size_t read(char* buffer, std::size_t capacity) = 0;
  // True when seek() works (a regular file, a string); false for a pipe.
  virtual bool seekable() const { return false; }
  // Moves to byte `offset` from the start of the input, so that the next read() returns the
  // bytes from there. Returns false (and moves nothing) when the source cannot.
  virtual bool seek(std::uint64_t /*offset*/) { return false; }
};

// Reads from a std::istream (tests, pipes).
class IstreamByteSource : public ByteSource {
 public:
  explicit IstreamByteSource(std::istream& in) : in_(in) {}
  std::size_t read(char* buffer, std::size_t capacity) override {
    in_.read(buffer, static_cast<std::streamsize>(capacity));
    return static_cast<std::size_t>(in_.gcount());
  }
  bool seekable() const override {
    return in_.rdbuf() && in_.rdbuf()->pubseekoff(0, std::ios::cur, std::ios::in) != -1;
  }
  bool seek(std::uint64_t offset) override {
    if (!seekable()) return false;
    in_.clear();
    return static_cast<bool>(in_.seekg(static_cast<std::streamoff>(offset)));
  }

 private:
  std::istream& in_;
};

// Reads from memory, at most `max_chunk` bytes per call (tests use 1 to
// exercise every chunk boundary).
class StringByteSource : public ByteSource {
 public:
  explicit StringByteSource(std::string_view text, std::size_t max_chunk = static_cast<std::size_t>(-1))
      : text_(text), max_chunk_(max_chunk) {}
  std::size_t read(char* buffer, std::size_t capacity) override {
    const std::size_t n = std::min({capacity, max_chunk_, text_.size() - pos_});
    if (n > 0) std::memcpy(buffer, text_.data() + pos_, n);
    pos_ += n;
    return n;
  }
  std::size_t consumed() const { return pos_; }
  bool seekable() const override { return true; }
  bool seek(std::uint64_t offset) override {
    if (offset > text_.size()) return false;
    pos_ = static_cast<std::size_t>(offset);
    return true;
  }

 private:
  std::string_view text_;
  std::size_t max_chunk_;
  std::size_t pos_ = 0;
};

// Up to `n` bytes from the start of `source` (fewer only at the end of the input): enough to
// tell the format of a file before reading it.
inline std::string read_head(ByteSource& source, std::size_t n) {
  std::string head(n, '\0');
  std::size_t got = 0;
  while (got < n) {
    const std::size_t k = source.read(head.data() + got, n - got);
    if (k == 0) break;
    got += k;
  }
  head.resize(got);
  return head;
}

// Serves `head` (the first bytes of `inner`, already read from it by read_head) and then the
// rest of `inner`, so a reader can sniff the format and still see the whole input. Seeks when
// `inner` can.
class PrefixedSource : public ByteSource {
 public:
  PrefixedSource(std::string head, ByteSource& inner) : head_(std::move(head)), inner_(inner) {}
  std::size_t read(char* buffer, std::size_t capacity) override {
    if (pos_ < head_.size()) {
      const std::size_t n = std::min(capacity, head_.size() - pos_);
      std::memcpy(buffer, head_.data() + pos_, n);
      pos_ += n;
      return n;
    }
    return inner_.read(buffer, capacity);
  }
  bool seekable() const override { return inner_.seekable(); }
  bool seek(std::uint64_t offset) override {
    const std::uint64_t head_size = head_.size();
    if (!inner_.seek(offset < head_size ? head_size : offset)) return false;
    pos_ = offset < head_size ? static_cast<std::size_t>(offset) : head_.size();
    return true;
  }
  const std::string& head() const { return head_; }

 private:
  std::string head_;
  ByteSource& inner_;
  std::size_t pos_ = 0;
};

}  // namespace costproof
