#include "util/text.h"

#include <simdjson.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "util/hash.h"

namespace casus {

std::string HexId(uint64_t h) {
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[i] = "0123456789abcdef"[h & 15];
  return out;
}

std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n')) --e;
  return s.substr(b, e - b);
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  SplitInto(s, sep, &out);
  return out;
}

void SplitInto(std::string_view s, char sep, std::vector<std::string_view>* out) {
  out->clear();
  size_t start = 0;
  while (true) {
    size_t p = s.find(sep, start);
    if (p == std::string_view::npos) {
      out->push_back(s.substr(start));
      return;
    }
    out->push_back(s.substr(start, p - start));
    start = p + 1;
  }
}

namespace {

char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Eight bytes per step, with no branch inside a 64-byte block: a fifth of the
// instructions of a byte loop (the check runs over every document).
bool IsAscii(std::string_view s) {
  const char* p = s.data();
  size_t n = s.size();
  while (n >= 64) {
    uint64_t any = 0;
    for (int k = 0; k < 8; ++k) {
      uint64_t w;
      std::memcpy(&w, p + 8 * k, 8);
      any |= w;
    }
    if (any & 0x8080808080808080ull) return false;
    p += 64;
    n -= 64;
  }
  for (; n > 0; ++p, --n)
    if (static_cast<unsigned char>(*p) >= 0x80) return false;
  return true;
}

}  // namespace

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = LowerAscii(c);
  return out;
}

std::string_view AsciiLowerInto(std::string_view s, std::span<char> buf) {
  size_t n = std::min(s.size(), buf.size());
  for (size_t i = 0; i < n; ++i) buf[i] = LowerAscii(s[i]);
  return std::string_view(buf.data(), n);
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

size_t WordCount(std::string_view s, size_t stop_after) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool sp = c == ' ' || c == '\t';
    if (!sp && !in && ++n > stop_after) return n;
    in = !sp;
  }
  return n;
}

bool EndsLikeSentence(std::string_view s) {
  std::string_view t = Trim(s);
  if (t.empty()) return false;
  char c = t.back();
  if (c == '.' || c == '!' || c == '?' || c == '"' || c == ')') return true;
  return EndsWith(t, "\xE2\x80\x9D") || EndsWith(t, "\xE3\x80\x82");
}

bool RepairUtf8(std::string* text) {
  bool valid = simdjson::validate_utf8(text->data(), text->size());
  if (valid && IsAscii(*text)) return false;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  // Valid and already NFC (most text): nothing to convert.
  if (valid && U_SUCCESS(status) && nfc->isNormalizedUTF8(*text, status) && U_SUCCESS(status)) return false;
  status = U_ZERO_ERROR;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(*text);  // invalid -> U+FFFD
  if (U_SUCCESS(status) && nfc->quickCheck(u, status) != UNORM_YES) {
    icu::UnicodeString n = nfc->normalize(u, status);
    if (U_SUCCESS(status)) u = n;
  }
  std::string out;
  u.toUTF8String(out);
  text->swap(out);
  return !valid;
}

}  // namespace casus
