// A streaming CSV reader for AWS offer files (RFC 4180: fields quoted or not,
// "" inside quotes is one quote, a quoted field may hold commas and newlines).
//
// Service CSVs quote every field, Savings Plans CSVs quote none; both work.
// One record at a time is held (in the 1 MiB buffer), so memory is bounded.
//
// Example:
//   OfferCsvReader csv(source, "index.csv");
//   std::vector<std::string_view> fields;
//   while (csv.next(fields)) use(fields);   // views valid until the next call
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "offers/offer_buffer.h"

namespace costproof {

class OfferCsvReader : public OfferBuffer {
 public:
  OfferCsvReader(ByteSource& source, std::string file, std::size_t chunk_bytes = std::size_t{1} << 20);

  // Reads the next record; false at the end of the input. A blank line is a
  // record with one empty field. Views stay valid until the next call.
  bool next(std::vector<std::string_view>& fields);
  // Line number (1-based) where the record last returned by next() starts.
  std::uint64_t line() const { return record_line_; }

 private:
  std::string unquoted_;
  std::uint64_t next_line_ = 1;
  std::uint64_t record_line_ = 0;
};

}  // namespace costproof
