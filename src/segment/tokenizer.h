// Tokenizer: words, numbers and punctuation with byte offsets.
//
// Rules: whitespace separates; "U.S.", "Mr.", initials ("W.") and other known
// abbreviations keep their periods; numbers keep inner "," and "."; hyphens and
// slashes split words ("Moscow-Kiev" -> Moscow - Kiev); the clitics "'s" and
// "n't" are tokens of their own; curly quotes and apostrophes count as straight.
#ifndef CASUS_SRC_SEGMENT_TOKENIZER_H_
#define CASUS_SRC_SEGMENT_TOKENIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace casus {

enum class TokenKind : uint8_t { kWord = 0, kNumber = 1, kPunct = 2 };

struct Token {
  uint32_t start = 0;  // byte span in the tokenized text
  uint32_t end = 0;
  std::string lower;  // ASCII-lower-cased form, curly quotes folded
  TokenKind kind = TokenKind::kWord;
  bool capitalized = false;   // first character is an upper-case ASCII letter or non-ASCII
  bool abbreviation = false;  // ends with a period that is part of the token
  uint32_t flags = 0;         // WordClass bits (segment/word_class.h)
  uint64_t hash = 0;          // StableHash64(lower): the key of every dictionary lookup
  bool Is(uint32_t word_class) const { return (flags & word_class) != 0; }
};

// Appends the tokens of text[begin, end) to `out`; offsets are into `text`.
void Tokenize(std::string_view text, size_t begin, size_t end, std::vector<Token>* out);

// True for headline casing ("Minister Arrives In Lima", "CAR BOMB EXPLODES"):
// no lower-case word at all, or a capitalised function word after the first.
bool HeadlineCased(const std::vector<Token>& tokens, size_t tb, size_t te);

// Convenience for dictionaries: the lower-cased token strings of a phrase.
std::vector<std::string> TokenizePhrase(std::string_view phrase);

}  // namespace casus

#endif  // CASUS_SRC_SEGMENT_TOKENIZER_H_
