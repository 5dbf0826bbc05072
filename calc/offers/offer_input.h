// Where the bytes of an AWS Price List offer file come from.
//
// calc/ never opens files: the importer reads an offer file through a
// ByteSource that cli/ hands in (a file read in large chunks, with a progress
// bar), and tests hand in an in-memory string or a std::istream. Reading is
// pull-based: the parser asks for the next chunk when it needs one, so memory
// stays at one chunk however large the file is, and the parser can stop
// early by simply not asking for more.
//
// Example:
//   std::istringstream in(R"({"offerCode": "AmazonEC2", ...})");
//   IstreamByteSource source(in);
//   OfferImport result = extract_offer(source, "ec2.json", {});
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <istream>
#include <string>
#include <string_view>

namespace costproof {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Copies up to `capacity` bytes into `buffer`; returns 0 only at the end of
  // the input. Throws on a read error.
  virtual std::size_t read(char* buffer, std::size_t capacity) = 0;
};

// Reads from a std::istream (tests, pipes).
class IstreamByteSource : public ByteSource {
 public:
  explicit IstreamByteSource(std::istream& in) : in_(in) {}
  std::size_t read(char* buffer, std::size_t capacity) override {
    in_.read(buffer, static_cast<std::streamsize>(capacity));
    return static_cast<std::size_t>(in_.gcount());
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

 private:
  std::string_view text_;
  std::size_t max_chunk_;
  std::size_t pos_ = 0;
};

}  // namespace costproof
