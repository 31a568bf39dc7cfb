// Status and StatusOr<T>: errors as values at every stage boundary.
//
// A Status is either OK or carries a stable machine-readable `code` (for
// metrics labels and dead-letter headers, e.g. "json_syntax") and a
// human-readable `message`. StatusOr<T> holds either a value or a non-OK
// Status. Both are cheap to move and are [[nodiscard]] so that an ignored
// error is a compiler warning, not a silent loss.
//
// Thread safety: plain values; no shared state.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace earshot {

class [[nodiscard]] Status {
 public:
  // An OK status.
  Status() = default;
  Status(std::string code, std::string message)
      : code_(std::move(code)), message_(std::move(message)) {
    assert(!code_.empty());
  }

  static Status Ok() { return Status(); }

  bool ok() const { return code_.empty(); }
  // Stable, lower_snake_case error code; empty when ok().
  const std::string& code() const { return code_; }
  const std::string& message() const { return message_; }
  // "code: message", or "ok".
  std::string ToString() const { return ok() ? "ok" : code_ + ": " + message_; }

 private:
  std::string code_;
  std::string message_;
};

template <typename T>
class [[nodiscard]] StatusOr {
 public:
  StatusOr(T value) : state_(std::move(value)) {}        // NOLINT: implicit by design
  StatusOr(Status status) : state_(std::move(status)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(state_).ok());
  }

  bool ok() const { return std::holds_alternative<T>(state_); }
  // The error; an OK Status when ok().
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(state_); }

  // Precondition: ok().
  const T& value() const& { return std::get<T>(state_); }
  T& value() & { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace earshot
