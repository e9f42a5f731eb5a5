// Status: the result of a library call that can fail.
//
// Every public casus function that can fail returns a Status (never throws across
// the library boundary). A Status is cheap to copy; ok() statuses carry no message.
#ifndef CASUS_INCLUDE_CASUS_STATUS_H_
#define CASUS_INCLUDE_CASUS_STATUS_H_

#include <string>
#include <string_view>
#include <utility>

namespace casus {

class Status {
 public:
  // DO NOT CHANGE THESE ENUM VALUES: the CLI maps them to exit codes.
  enum class Code { kOk = 0, kNotFound = 1, kInvalidInput = 2, kIOError = 3, kInternal = 4 };

  Status() = default;

  static Status OK() { return Status(); }
  static Status NotFound(std::string_view what) { return Status(Code::kNotFound, what); }
  static Status InvalidInput(std::string_view what) { return Status(Code::kInvalidInput, what); }
  static Status IOError(std::string_view what) { return Status(Code::kIOError, what); }
  static Status Internal(std::string_view what) { return Status(Code::kInternal, what); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // "OK" or "<kind>: <message>".
  std::string ToString() const;

 private:
  Status(Code code, std::string_view message) : code_(code), message_(message) {}
  Code code_ = Code::kOk;
  std::string message_;
};

}  // namespace casus

#endif  // CASUS_INCLUDE_CASUS_STATUS_H_
