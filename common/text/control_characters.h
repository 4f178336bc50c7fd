// Control characters in text (ESC, BEL, NUL, the C1 block): dropped from what is read,
// since no article needs them, and escaped in what is printed, where a terminal obeys them.
#pragma once

#include <string>
#include <string_view>

namespace archivar {

/// How without_control_characters() treats line breaks and tabs.
enum class LineBreaks {
  kKeep,     ///< text: '\n' and '\t' stay, "\r\n" and a lone '\r' become '\n'
  kToSpace,  ///< one-line fields (id, source, date): each becomes a space
};

/// @a text (valid UTF-8) without the C0 controls U+0000–U+001F, DEL and the C1 controls
/// U+0080–U+009F; tabs and line breaks as @a line_breaks says, form feed and vertical tab
/// as white space. Returns @a text unchanged when it holds none.
std::string without_control_characters(std::string_view text, LineBreaks line_breaks);

/// Whether @a text holds a character that without_control_characters() would change.
bool has_control_characters(std::string_view text, LineBreaks line_breaks);

/// @a text made safe to print on a terminal on one line: every control character (line
/// breaks and tabs too; C0, DEL, C1) as a visible escape such as "\x1b" or "\u009b", and
/// each byte that is not UTF-8 as "\xNN". For file names, field values and queries in
/// messages and text output, which may come from an archive.
std::string printable(std::string_view text);

}  // namespace archivar
