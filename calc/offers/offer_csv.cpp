#include "offers/offer_csv.h"

#include "core/error.h"

namespace costproof {

OfferCsvReader::OfferCsvReader(ByteSource& source, std::string file, std::size_t chunk_bytes)
    : OfferBuffer(source, std::move(file), chunk_bytes) {}

bool OfferCsvReader::next(std::vector<std::string_view>& fields) {
  fields.clear();
  if (pos_ == end_ && !refill(pos_)) return false;
  // Find the end of the record: a newline outside quotes, or the end of the input.
  std::size_t start = static_cast<std::size_t>(pos_ - data());
  std::size_t scan = start;
  bool in_quotes = false;
  std::size_t record_end = 0;  // index of the '\n' (or end of input)
  bool at_eof = false;
  for (;;) {
    const char* p = data() + scan;
    const char* const e = end_;
    while (p < e) {
      const char c = *p;
      if (c == '"') {
        in_quotes = !in_quotes;
      } else if (c == '\n' && !in_quotes) {
        break;
      }
      ++p;
    }
    if (p < e) {
      record_end = static_cast<std::size_t>(p - data());
      break;
    }
    const auto scanned = static_cast<std::size_t>(p - (data() + start));
    pos_ = data() + start;
    if (!refill(data() + start)) {
      if (in_quotes)
        throw InputError(file(), "",
                         "the file ends inside a quoted field that starts on line " + std::to_string(next_line_) +
                             "; the file is truncated (an incomplete download?) or a quote is missing");
      start = 0;
      record_end = static_cast<std::size_t>(end_ - data());
      at_eof = true;
      break;
    }
    start = 0;
    scan = scanned;
  }
  const char* rec = data() + start;
  const char* rec_end = data() + record_end;
  record_line_ = next_line_;
  next_line_ += 1 + count_newlines(rec, rec_end);
  pos_ = at_eof ? end_ : data() + record_end + 1;
  if (rec_end > rec && rec_end[-1] == '\r') --rec_end;

  // Split into fields. Unquoted contents go to unquoted_, reserved up front so views stay valid.
  unquoted_.clear();
  unquoted_.reserve(static_cast<std::size_t>(rec_end - rec));
  const char* p = rec;
  for (;;) {
    if (p < rec_end && *p == '"') {
      const std::size_t begin = unquoted_.size();
      ++p;
      for (;;) {
        if (p >= rec_end)
          throw InputError(file(), "",
                           "line " + std::to_string(record_line_) + ": a quoted field has no closing quote");
        if (*p == '"') {
          if (p + 1 < rec_end && p[1] == '"') {
            unquoted_ += '"';
            p += 2;
            continue;
          }
          ++p;
          break;
        }
        unquoted_ += *p++;
      }
      fields.emplace_back(unquoted_.data() + begin, unquoted_.size() - begin);
      if (p < rec_end && *p != ',')
        throw InputError(file(), "",
                         "line " + std::to_string(record_line_) + ", field " + std::to_string(fields.size()) +
                             ": expected ',' after a closing quote, got '" + std::string(1, *p) + "'");
    } else {
      const char* f = p;
      while (p < rec_end && *p != ',') ++p;
      fields.emplace_back(f, static_cast<std::size_t>(p - f));
    }
    if (p >= rec_end) break;
    ++p;  // the comma
  }
  return true;
}

}  // namespace costproof
