#include "corpus/input/line_reader.h"

#include <cstring>

namespace archivar {

LineReader::LineReader(std::unique_ptr<ByteSource> source)
    : source_(std::move(source)), buffer_(1 << 16) {}

bool LineReader::fill() {
  if (eof_) return false;
  const std::size_t n = source_->read(buffer_.data(), buffer_.size());
  begin_ = 0;
  end_ = n;
  eof_ = n == 0;
  return n > 0;
}

bool LineReader::next(std::string& line) {
  line.clear();
  bool any = false;
  while (true) {
    if (begin_ == end_ && !fill()) break;
    any = true;
    const char* start = buffer_.data() + begin_;
    const auto* newline = static_cast<const char*>(std::memchr(start, '\n', end_ - begin_));
    if (newline != nullptr) {
      const auto length = static_cast<std::size_t>(newline - start);
      line.append(start, length);
      begin_ += length + 1;
      bytes_read_ += length + 1;
      break;
    }
    line.append(start, end_ - begin_);
    bytes_read_ += end_ - begin_;
    begin_ = end_;
  }
  if (!any) return false;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line_number_ == 0 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);  // UTF-8 BOM
  ++line_number_;
  return true;
}

}  // namespace archivar
