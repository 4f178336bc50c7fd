#include "corpus/input/transcoding_source.h"

#include <fmt/format.h>

namespace archivar {
namespace {

constexpr std::size_t kChunk = 1 << 16;

}  // namespace

TranscodingSource::TranscodingSource(std::unique_ptr<ByteSource> source, const std::string& charset,
                                     std::string name)
    : source_(std::move(source)), name_(std::move(name)), input_(kChunk), pivot_(kChunk) {
  UErrorCode status = U_ZERO_ERROR;
  from_.reset(ucnv_open(charset.c_str(), &status));
  if (U_FAILURE(status) || !from_) {
    throw ReadError(fmt::format("{}: unknown encoding '{}'", name_, charset));
  }
  to_utf8_.reset(ucnv_open("UTF-8", &status));
  if (U_FAILURE(status) || !to_utf8_) throw ReadError(name_ + ": cannot set up UTF-8 output");
  pivot_source_ = pivot_target_ = pivot_.data();
}

std::size_t TranscodingSource::read(char* buffer, std::size_t size) {
  if (done_ || size == 0) return 0;
  char* target = buffer;
  char* const target_limit = buffer + size;
  while (target == buffer) {
    if (input_begin_ == input_end_ && !input_finished_) {
      input_begin_ = 0;
      input_end_ = source_->read(input_.data(), input_.size());
      input_finished_ = input_end_ == 0;
    }
    const char* source = input_.data() + input_begin_;
    UErrorCode status = U_ZERO_ERROR;
    ucnv_convertEx(to_utf8_.get(), from_.get(), &target, target_limit, &source,
                   input_.data() + input_end_, pivot_.data(), &pivot_source_, &pivot_target_,
                   pivot_.data() + pivot_.size(), first_, input_finished_, &status);
    first_ = false;
    input_begin_ = static_cast<std::size_t>(source - input_.data());
    if (status == U_BUFFER_OVERFLOW_ERROR) break;  // the buffer is full; more next time
    if (U_FAILURE(status)) {
      throw ReadError(fmt::format("{}: cannot convert to UTF-8: {}", name_, u_errorName(status)));
    }
    if (input_finished_) {
      done_ = target == buffer;
      break;
    }
  }
  return static_cast<std::size_t>(target - buffer);
}

}  // namespace archivar
