// Small text helpers shared by the stages. All work on UTF-8 bytes.
#ifndef CASUS_SRC_UTIL_TEXT_H_
#define CASUS_SRC_UTIL_TEXT_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace casus {

std::string_view Trim(std::string_view s);
// Splits on a single character; keeps empty fields.
std::vector<std::string_view> Split(std::string_view s, char sep);
// The same into `out` (cleared first), reusing its storage.
void SplitInto(std::string_view s, char sep, std::vector<std::string_view>* out);
std::string AsciiLower(std::string_view s);
// The same for as much of `s` as fits in `buf`, written there (no allocation).
std::string_view AsciiLowerInto(std::string_view s, std::span<char> buf);
bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);
// Words separated by spaces or tabs.
// Words separated by spaces or tabs; counting stops once it exceeds `stop_after`.
size_t WordCount(std::string_view s, size_t stop_after = SIZE_MAX);
// True when the trimmed text ends as a sentence does: . ! ? " ) or a closing
// curly quote or an ideographic full stop.
bool EndsLikeSentence(std::string_view s);

// Makes `text` valid NFC-normalised UTF-8: invalid sequences become U+FFFD.
// Returns true when anything had to be repaired (not counting normalisation).
bool RepairUtf8(std::string* text);

}  // namespace casus

#endif  // CASUS_SRC_UTIL_TEXT_H_
