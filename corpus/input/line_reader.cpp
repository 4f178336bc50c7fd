#include "corpus/input/line_reader.h"

#include <cstring>

namespace archivar {

LineReader::LineReader(std::unique_ptr<ByteSource> source, std::size_t max_line_bytes)
    : source_(std::move(source)), max_line_bytes_(max_line_bytes), buffer_(1 << 16) {}

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
  overlong_ = false;
  bool any = false;
  while (true) {
    if (begin_ == end_ && !fill()) break;
    any = true;
    const char* start = buffer_.data() + begin_;
    const auto* newline = static_cast<const char*>(std::memchr(start, '\n', end_ - begin_));
    const std::size_t length =
        newline != nullptr ? static_cast<std::size_t>(newline - start) : end_ - begin_;
    if (!overlong_ && line.size() + length > max_line_bytes_ + 1) {  // + 1: a '\r' before '\n'
      overlong_ = true;
      std::string().swap(line);  // give the memory back
    }
    if (!overlong_) line.append(start, length);
    const std::size_t consumed = length + (newline != nullptr ? 1 : 0);
    begin_ += consumed;
    bytes_read_ += consumed;
    if (newline != nullptr) break;
  }
  if (!any) return false;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line_number_ == 0 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);  // UTF-8 BOM
  ++line_number_;
  return true;
}

}  // namespace archivar
