#include "corpus/input/peekable_source.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace archivar {

PeekableSource::PeekableSource(std::unique_ptr<ByteSource> source) : source_(std::move(source)) {}

std::string_view PeekableSource::peek(std::size_t size) {
  if (consumed_ > 0) {
    pending_.erase(0, consumed_);
    consumed_ = 0;
  }
  while (pending_.size() < size && !error_) {
    const std::size_t old_size = pending_.size();
    pending_.resize(size);
    std::size_t n = 0;
    try {
      n = source_->read(pending_.data() + old_size, size - old_size);
    } catch (const ReadError&) {
      pending_.resize(old_size);
      if (pending_.empty()) throw;
      error_ = std::current_exception();
      break;
    }
    pending_.resize(old_size + n);
    if (n == 0) break;
  }
  return std::string_view(pending_).substr(0, size);
}

std::size_t PeekableSource::read(char* buffer, std::size_t size) {
  if (consumed_ < pending_.size()) {
    const std::size_t served = std::min(size, pending_.size() - consumed_);
    std::memcpy(buffer, pending_.data() + consumed_, served);
    consumed_ += served;
    if (consumed_ == pending_.size()) {
      pending_.clear();
      consumed_ = 0;
    }
    return served;
  }
  if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
  return source_->read(buffer, size);
}

}  // namespace archivar
