// The error types calc throws. cli/ catches them in one place and maps each
// to an exit code (see docs/errors.md).
//
// Every message says where (file and JSON pointer, when there is one), what
// was expected, what was found, and how to fix it.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace costproof {

// Base of everything calc throws on purpose.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A number that is not a valid decimal, or a division by zero.
class DecimalError : public Error {
 public:
  using Error::Error;
};

// An exact result that does not fit the money types: refused, never wrapped.
class OverflowError : public Error {
 public:
  using Error::Error;
};

// A scenario, claims or other user-written file is wrong.
// Message form: "<file>: <pointer>: expected <what>, got <found>. <fix>"
class InputError : public Error {
 public:
  InputError(std::string file, std::string pointer, std::string message)
      : Error(compose(file, pointer, message)),
        file_(std::move(file)),
        pointer_(std::move(pointer)) {}
  const std::string& file() const { return file_; }
  const std::string& pointer() const { return pointer_; }

 private:
  static std::string compose(const std::string& file, const std::string& pointer,
                             const std::string& message) {
    std::string out = file;
    if (!pointer.empty()) out += ": " + pointer;
    return out + ": " + message;
  }
  std::string file_;
  std::string pointer_;
};

// A price table under pricing-data/ is malformed. Same message form as InputError.
class PricingDataError : public InputError {
 public:
  using InputError::InputError;
};

// A lookup found no price. The message names the key, the region and what the
// tables do have nearby.
class PriceNotFound : public Error {
 public:
  using Error::Error;
};

// The line an error is reported with, the same in the costproof program
// (stderr) and the companion page:
//   "costproof: error: s.json: /fleet/0/count: expected ..."     (InputError, OverflowError, others)
//   "costproof: error in price table: pricing-data/...: ..."     (PricingDataError)
//   "costproof: price not found: no price for ..."               (PriceNotFound)
inline std::string error_report_line(const Error& e) {
  if (dynamic_cast<const PricingDataError*>(&e)) return std::string("costproof: error in price table: ") + e.what();
  if (dynamic_cast<const PriceNotFound*>(&e)) return std::string("costproof: price not found: ") + e.what();
  return std::string("costproof: error: ") + e.what();
}

}  // namespace costproof
