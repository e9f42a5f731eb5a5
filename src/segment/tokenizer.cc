#include "segment/tokenizer.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "segment/word_class.h"
#include "util/hash.h"

namespace casus {

namespace {

bool IsAsciiAlpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }

// What one byte can be, so that ASCII text is classified by a table lookup;
// only the lead bytes 0xC2 and 0xE2 need a closer look (no-break and thin
// spaces, curly quotes, dashes, guillemets).
enum ByteClass : uint8_t { kOther = 0, kSpace = 1, kWordByte = 2, kLeadToCheck = 3 };

constexpr std::array<uint8_t, 256> MakeByteClasses() {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
      t[c] = kSpace;
    else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
      t[c] = kWordByte;
    else if (c == 0xC2 || c == 0xE2)
      t[c] = kLeadToCheck;
    else if (c >= 0x80)
      t[c] = kWordByte;
  }
  return t;
}
constexpr std::array<uint8_t, 256> kByteClass = MakeByteClasses();

constexpr std::array<uint8_t, 256> MakeAsciiLower() {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = static_cast<uint8_t>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return t;
}
constexpr std::array<uint8_t, 256> kAsciiLower = MakeAsciiLower();

// Multi-byte punctuation we split on: returns its byte length at s[i], or 0.
size_t UnicodePunct(std::string_view s, size_t i) {
  if (kByteClass[static_cast<unsigned char>(s[i])] != kLeadToCheck) return 0;
  static constexpr std::string_view kPunct[] = {
      "\xE2\x80\x98", "\xE2\x80\x99", "\xE2\x80\x9C", "\xE2\x80\x9D",  // ‘ ’ “ ”
      "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\xA6",                  // – — …
      "\xC2\xAB",     "\xC2\xBB",                                      // « »
  };
  for (std::string_view p : kPunct)
    if (s.compare(i, p.size(), p) == 0) return p.size();
  return 0;
}

bool IsSpaceAt(std::string_view s, size_t i, size_t* len) {
  uint8_t k = kByteClass[static_cast<unsigned char>(s[i])];
  if (k == kSpace) {
    *len = 1;
    return true;
  }
  if (k != kLeadToCheck) return false;
  if (s.compare(i, 2, "\xC2\xA0") == 0) {  // no-break space
    *len = 2;
    return true;
  }
  if (s.compare(i, 3, "\xE2\x80\x89") == 0 || s.compare(i, 3, "\xE2\x80\xAF") == 0) {
    *len = 3;
    return true;
  }
  return false;
}

inline bool WordByte(std::string_view s, size_t i) {
  uint8_t k = kByteClass[static_cast<unsigned char>(s[i])];
  if (k != kLeadToCheck) return k == kWordByte;
  size_t l;
  return UnicodePunct(s, i) == 0 && !IsSpaceAt(s, i, &l);
}

bool KnownAbbreviation(std::string_view lower_no_dot) {
  static constexpr std::string_view kAbbr[] = {
      "mr",  "mrs",  "ms",  "dr",  "gen",    "sen",  "rep", "gov",  "lt",   "col", "capt", "sgt", "maj",
      "adm", "cmdr", "st",  "jr",  "sr",     "prof", "rev", "pres", "amb",  "jan", "feb",  "mar", "apr",
      "jun", "jul",  "aug", "sep", "sept",   "oct",  "nov", "dec",  "no",   "vs",  "etc",  "inc", "corp",
      "co",  "ltd",  "mt",  "ft",  "approx", "dept", "est", "fig",  "govt", "pp",  "u.s",  "u.n", "u.k"};
  if (lower_no_dot.size() > 6) return false;
  for (std::string_view a : kAbbr)
    if (lower_no_dot == a) return true;
  return false;
}

void Push(std::string_view text, size_t b, size_t e, TokenKind kind, std::vector<Token>* out) {
  Token& t = out->emplace_back();
  t.start = static_cast<uint32_t>(b);
  t.end = static_cast<uint32_t>(e);
  t.kind = kind;
  std::string_view s = text.substr(b, e - b);
  // ASCII letters lower-cased, curly quotes and dashes folded to their ASCII
  // forms, and the FNV-1a hash (StableHash64) of the result. Short ASCII
  // tokens (nearly all) take one tight loop into a local buffer.
  uint64_t h = kFnvOffset;
  char buf[32];
  unsigned char high = 0;  // OR of the bytes: 0x80 set when any is not ASCII
  if (s.size() <= sizeof buf) {
    for (size_t i = 0; i < s.size(); ++i) {
      unsigned char c = kAsciiLower[static_cast<unsigned char>(s[i])];
      high |= c;
      buf[i] = static_cast<char>(c);
      h = StableHashStep(h, c);
    }
  }
  if (s.size() <= sizeof buf && high < 0x80) {
    t.lower.assign(buf, s.size());
  } else {
    std::string& low = t.lower;
    low.resize(s.size());
    char* out_bytes = low.data();  // a plain pointer: stores through it cannot move the string
    size_t n = 0;
    h = kFnvOffset;
    for (size_t i = 0; i < s.size(); ++i) {
      unsigned char c = kAsciiLower[static_cast<unsigned char>(s[i])];
      if (c == 0xE2 && i + 2 < s.size() && s[i + 1] == '\x80') {
        unsigned char x = s[i + 2];
        char folded = x == 0x98 || x == 0x99   ? '\''
                      : x == 0x9C || x == 0x9D ? '"'
                      : x == 0x93 || x == 0x94 ? '-'
                                               : 0;
        if (folded) {
          c = static_cast<unsigned char>(folded);
          i += 2;
        }
      }
      out_bytes[n++] = static_cast<char>(c);
      h = StableHashStep(h, c);
    }
    low.resize(n);
  }
  unsigned char f = s.empty() ? 0 : s[0];
  t.capitalized = (f >= 'A' && f <= 'Z') || f >= 0xC3;
  t.abbreviation = kind == TokenKind::kWord && !s.empty() && s.back() == '.';
  t.hash = h;
  t.flags = ClassifyWordHash(t.hash);
}

}  // namespace

void Tokenize(std::string_view text, size_t begin, size_t end, std::vector<Token>* out) {
  size_t i = begin;
  while (i < end) {
    unsigned char c = text[i];
    // ASCII is told apart by the byte's class alone; only the lead bytes
    // 0xC2 and 0xE2 need the closer look.
    uint8_t k = kByteClass[c];
    if (k == kSpace) {
      ++i;
      continue;
    }
    if (k == kOther) {
      Push(text, i, i + 1, TokenKind::kPunct, out);
      ++i;
      continue;
    }
    if (k == kLeadToCheck) {
      size_t sl;
      if (IsSpaceAt(text, i, &sl)) {
        i += sl;
        continue;
      }
      if (size_t n = UnicodePunct(text, i)) {
        // A curly apostrophe inside a word is handled below; here it is a quote.
        Push(text, i, i + n, TokenKind::kPunct, out);
        i += n;
        continue;
      }
    }
    // A word or number: maximal run of word bytes, with inner periods/commas
    // for numbers and inner periods for dotted abbreviations.
    size_t b = i;
    bool number = IsDigit(c);
    while (i < end) {
      if (kByteClass[static_cast<unsigned char>(text[i])] == kWordByte) {
        ++i;
        continue;
      }
      if (WordByte(text, i)) {  // a lead byte that is neither space nor punctuation
        ++i;
        continue;
      }
      unsigned char d = text[i];
      if (number && (d == ',' || d == '.') && i + 1 < end && IsDigit(text[i + 1])) {
        i += 2;
        continue;
      }
      // "U.S." / "a.m.": letter '.' letter
      if (!number && d == '.' && i + 1 < end && IsAsciiAlpha(text[i + 1]) && i - b == 1 &&
          (i + 2 >= end || text[i + 2] == '.')) {
        i += 2;
        continue;
      }
      if (!number && d == '.' && i + 1 < end && IsAsciiAlpha(text[i + 1]) && i >= b + 2 &&
          text[i - 2] == '.') {
        i += 2;
        continue;
      }
      break;
    }
    // Split off clitics: "Russia's" / "Russia’s" / "didn't".
    size_t word_end = i;
    size_t clitic = 0;  // bytes of the clitic that follows
    if (i < end) {
      size_t al = text[i] == '\'' ? 1 : text[i] == '\xE2' && text.compare(i, 3, "\xE2\x80\x99") == 0 ? 3 : 0;
      if (al) {
        size_t j = i + al;
        if (j < end && (text[j] | 0x20) == 's' && (j + 1 >= end || !WordByte(text, j + 1)))
          clitic = al + 1;
        else if (j < end && (text[j] | 0x20) == 't' && i > b && (text[i - 1] | 0x20) == 'n' &&
                 (j + 1 >= end || !WordByte(text, j + 1))) {
          word_end = i - 1;  // "did" + "n't"
          clitic = al + 2;
        } else if (j >= end || !WordByte(text, j)) {
          clitic = al;  // plural possessive "leaders'"
        }
      }
    }
    // Trailing period of a known abbreviation, a dotted acronym or an initial.
    if (clitic == 0 && i < end && text[i] == '.') {
      char low[8];
      size_t len = std::min<size_t>(i - b, sizeof low);
      for (size_t k = 0; k < len; ++k)
        low[k] = static_cast<char>(kAsciiLower[static_cast<unsigned char>(text[b + k])]);
      bool initial = i - b == 1 && c >= 'A' && c <= 'Z';
      bool dotted = std::string_view(text.data() + b, i - b).find('.') != std::string_view::npos;
      if (initial || dotted || (i - b <= 6 && KnownAbbreviation(std::string_view(low, len)))) {
        ++i;
        word_end = i;
      }
    }
    Push(text, b, word_end, number ? TokenKind::kNumber : TokenKind::kWord, out);
    if (clitic) {
      size_t cb = word_end;  // "'s" starts at the apostrophe, "n't" at the n
      size_t ce = cb + clitic;
      Push(text, cb, ce, TokenKind::kWord, out);
      i = ce;
    }
  }
}

bool HeadlineCased(const std::vector<Token>& tokens, size_t tb, size_t te) {
  bool any_lower = false, first = true;
  for (size_t t = tb; t < te; ++t) {
    const Token& tok = tokens[t];
    if (tok.kind != TokenKind::kWord) continue;
    if (!tok.capitalized && tok.lower[0] >= 'a' && tok.lower[0] <= 'z') any_lower = true;
    if (!first && tok.capitalized && tok.Is(kFunctionWord) && tok.lower.size() > 1) return true;
    first = false;
  }
  return !any_lower;
}

std::vector<std::string> TokenizePhrase(std::string_view phrase) {
  std::vector<Token> toks;
  Tokenize(phrase, 0, phrase.size(), &toks);
  std::vector<std::string> out;
  out.reserve(toks.size());
  for (auto& t : toks) out.push_back(std::move(t.lower));
  return out;
}

}  // namespace casus
