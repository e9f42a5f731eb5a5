#include "segment/sentence_rules.h"

#include <unicode/uchar.h>
#include <unicode/udata.h>
#include <unicode/ures.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <string>

namespace casus {

namespace {

bool IsParaSep(uint8_t c) { return c == U_SB_SEP || c == U_SB_CR || c == U_SB_LF; }
bool IsTerm(uint8_t c) { return c == U_SB_STERM || c == U_SB_ATERM; }

// Sentence_Break of each ASCII character, from ICU's property data.
const std::array<uint8_t, 128>& AsciiClasses() {
  static const std::array<uint8_t, 128> classes = [] {
    std::array<uint8_t, 128> t{};
    for (int c = 0; c < 128; ++c) t[c] = static_cast<uint8_t>(u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK));
    return t;
  }();
  return classes;
}

// The English suppressions ("exceptions/SentenceBreak" of ICU's break
// iterator data for en_US, falling back to en), sorted as ICU keeps them
// (code point order, the same as its UTF-16 order for these BMP strings).
std::vector<std::u32string> Suppressions() {
  std::vector<std::u32string> out;
  UErrorCode status = U_ZERO_ERROR;
  UResourceBundle* bundle = ures_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", "en_US", &status);
  UResourceBundle* exceptions = ures_getByKey(bundle, "exceptions", nullptr, &status);
  UResourceBundle* list = ures_getByKey(exceptions, "SentenceBreak", nullptr, &status);
  while (U_SUCCESS(status) && ures_hasNext(list)) {
    int32_t len = 0;
    const UChar* s = ures_getNextString(list, &len, nullptr, &status);
    if (U_FAILURE(status)) break;
    std::u32string cps;
    for (int32_t i = 0; i < len;) {
      UChar32 c;
      U16_NEXT(s, i, len, c);
      cps.push_back(static_cast<char32_t>(c));
    }
    out.push_back(std::move(cps));
  }
  ures_close(list);
  ures_close(exceptions);
  ures_close(bundle);
  if (U_FAILURE(status)) out.clear();
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

void SentenceRules::Add(std::vector<Node>* trie, const std::u32string& s, int value) {
  if (trie->empty()) trie->emplace_back();
  int node = 0;
  for (char32_t c : s) {
    auto it = (*trie)[node].next.find(static_cast<int32_t>(c));
    if (it == (*trie)[node].next.end()) {
      int child = static_cast<int>(trie->size());
      trie->emplace_back();
      (*trie)[node].next.emplace(static_cast<int32_t>(c), child);
      node = child;
    } else {
      node = it->second;
    }
  }
  if ((*trie)[node].value == kNone) (*trie)[node].value = value;
}

SentenceRules::SentenceRules() {
  std::vector<std::u32string> list = Suppressions();
  if (list.empty()) return;
  // An abbreviation with an inner period ("U.S.") is looked up backwards by
  // its first part ("U.", once for all that share it) and then forwards
  // whole; the others backwards whole.
  std::vector<bool> forward(list.size(), false);
  for (size_t i = 0; i < list.size(); ++i) {
    size_t dot = list[i].find(U'.');
    if (dot == std::u32string::npos || dot + 1 == list[i].size()) continue;
    bool prefix_added = false;  // by an earlier entry with the same first part
    for (size_t j = 0; j < list.size(); ++j) {
      if (j == i || list[i].compare(0, dot + 1, list[j], 0, dot + 1) != 0) continue;
      if (!forward[j])
        forward[j] = true;
      else
        prefix_added = true;
    }
    if (!prefix_added && !forward[i]) {
      std::u32string prefix = list[i].substr(0, dot + 1);
      std::reverse(prefix.begin(), prefix.end());
      Add(&backwards_, prefix, kPartial);
      forward[i] = true;
    }
  }
  for (size_t i = 0; i < list.size(); ++i) {
    if (forward[i]) {
      Add(&forwards_, list[i], kMatch);
    } else {
      std::u32string reversed = list[i];
      std::reverse(reversed.begin(), reversed.end());
      Add(&backwards_, reversed, kMatch);
    }
  }
  ok_ = true;
}

// Whether a boundary at para[n] is one of the suppressions: the text just
// before it (a space skipped) read backwards spells an abbreviation, or the
// first part of one that the text then spells forwards.
bool SentenceRules::Suppressed(std::string_view para, size_t n) const {
  if (backwards_.empty()) return false;
  const auto* s = reinterpret_cast<const uint8_t*>(para.data());
  size_t pos = para[n - 1] == ' ' ? n - 1 : n;
  int node = 0, best_value = kNone;
  size_t best_pos = 0;
  for (size_t p = pos; p > 0;) {
    int32_t i = static_cast<int32_t>(p);
    UChar32 c;
    U8_PREV(s, 0, i, c);
    auto it = backwards_[node].next.find(c);
    if (it == backwards_[node].next.end()) break;
    node = it->second;
    if (backwards_[node].value != kNone) {
      best_value = backwards_[node].value;
      best_pos = static_cast<size_t>(i);
    }
    if (backwards_[node].next.empty()) break;
    p = static_cast<size_t>(i);
  }
  if (best_value == kMatch) return true;
  if (best_value != kPartial || forwards_.empty()) return false;
  // The last step of the forward walk decides: a match that is not a
  // prefix of a longer entry, or the end of the text after a match.
  bool matched = true;  // as if "intermediate value" before the first step
  node = 0;
  for (int32_t i = static_cast<int32_t>(best_pos), len = static_cast<int32_t>(para.size()); i < len;) {
    UChar32 c;
    U8_NEXT(s, i, len, c);
    auto it = forwards_[node].next.find(c);
    if (it == forwards_[node].next.end()) return false;
    node = it->second;
    matched = forwards_[node].value != kNone;
    if (forwards_[node].next.empty()) break;
  }
  return matched;
}

namespace {

constexpr uint8_t kInvalid = 0xFF;  // not UTF-8

// Sentence_Break of a decoded code point (negative: not UTF-8).
uint8_t ClassOf(UChar32 c) {
  if (c < 0) return kInvalid;
  if (c < 0x80) return AsciiClasses()[c];
  return static_cast<uint8_t>(u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK));
}

// Sentence_Break of the code point at s[*i], which moves past it.
uint8_t ClassAt(const uint8_t* s, int32_t* i, int32_t len) {
  if (s[*i] < 0x80) return AsciiClasses()[s[(*i)++]];
  UChar32 c;
  U8_NEXT(s, *i, len, c);
  return ClassOf(c);
}

// The unit at s[*i] (a character with its Extend/Format marks, SB5; CR LF
// as one, SB3): its class, and *i moved past it.
uint8_t UnitAt(const uint8_t* s, int32_t* i, int32_t len) {
  uint8_t cls = ClassAt(s, i, len);
  if (cls == U_SB_CR) {
    if (*i < len && s[*i] == '\n') ++*i;
    return cls;
  }
  if (cls == kInvalid || IsParaSep(cls)) return cls;
  while (*i < len && s[*i] >= 0x80) {
    int32_t j = *i;
    uint8_t next = ClassAt(s, &j, len);
    if (next == kInvalid) return kInvalid;
    if (next != U_SB_EXTEND && next != U_SB_FORMAT) break;
    *i = j;
  }
  return cls;
}

// The class of the unit that ends at s[t] (kInvalid at the start).
uint8_t UnitBefore(const uint8_t* s, int32_t t) {
  bool marks = false;
  while (t > 0) {
    UChar32 c;
    U8_PREV(s, 0, t, c);
    uint8_t cls = ClassOf(c);
    if (cls == U_SB_EXTEND || cls == U_SB_FORMAT) {
      marks = true;
      continue;
    }
    // Marks after a paragraph separator are a unit of their own.
    return marks && IsParaSep(cls) ? static_cast<uint8_t>(U_SB_EXTEND) : cls;
  }
  return marks ? static_cast<uint8_t>(U_SB_EXTEND) : kInvalid;
}

// Bytes that need a closer look: ASCII terminators and line ends, and every
// byte of a multi-byte character (which may be one of those, or a mark).
const std::array<bool, 256>& Stops() {
  static const std::array<bool, 256> stops = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 256; ++c)
      t[c] = c >= 0x80 || IsTerm(AsciiClasses()[c]) || IsParaSep(AsciiClasses()[c]);
    return t;
  }();
  return stops;
}

}  // namespace

bool SentenceRules::Breaks(std::string_view text, size_t b, size_t e, std::vector<size_t>* out) const {
  std::string_view para = text.substr(b, e - b);
  if (para.empty()) return true;
  const auto* s = reinterpret_cast<const uint8_t*>(para.data());
  const int32_t len = static_cast<int32_t>(para.size());
  const auto& stops = Stops();
  const size_t first = out->size();
  auto boundary = [&](int32_t pos) {
    if (pos < len && (!ok_ || !Suppressed(para, static_cast<size_t>(pos)))) out->push_back(b + pos);
  };
  auto refuse = [&] {
    out->resize(first);
    return false;
  };
  // Only a paragraph separator (SB4) or the end of a run "SATerm Close*
  // Sp*" (SB11) can be followed by a boundary; inside the run none (SB9,
  // SB10). Everything else is skipped a byte at a time.
  for (int32_t i = 0; i < len;) {
    while (i < len && !stops[s[i]]) ++i;
    if (i == len) break;
    const int32_t t = i;
    const uint8_t cls = UnitAt(s, &i, len);
    if (cls == kInvalid) return refuse();
    if (IsParaSep(cls)) {
      boundary(i);  // SB4
      continue;
    }
    if (!IsTerm(cls)) continue;
    const int32_t term_end = i;
    bool spaces = false;
    uint8_t v = kInvalid;  // the unit after the run
    int32_t p = i;
    while (p < len) {
      int32_t q = p;
      uint8_t c = UnitAt(s, &q, len);
      if (c == kInvalid) return refuse();
      if (c == U_SB_SP) {
        spaces = true;
      } else if (c != U_SB_CLOSE || spaces) {
        v = c;
        break;
      }
      p = q;
    }
    i = p;
    if (p >= len || IsParaSep(v)) continue;  // SB2 / SB9, SB10: the boundary follows the separator
    const bool aterm = cls == U_SB_ATERM;
    if (aterm && p == term_end) {
      if (v == U_SB_NUMERIC) continue;  // SB6
      if (v == U_SB_UPPER) {            // SB7
        uint8_t before = UnitBefore(s, t);
        if (before == U_SB_UPPER || before == U_SB_LOWER) continue;
      }
    }
    if (aterm) {  // SB8
      int32_t k = p;
      uint8_t c = kInvalid;
      while (k < len) {
        c = UnitAt(s, &k, len);
        if (c == kInvalid) return refuse();
        if (c == U_SB_OLETTER || c == U_SB_UPPER || c == U_SB_LOWER || IsParaSep(c) || IsTerm(c)) break;
      }
      if (c == U_SB_LOWER) continue;
    }
    if (v == U_SB_SCONTINUE || IsTerm(v)) continue;  // SB8a
    boundary(p);                                     // SB11
  }
  out->push_back(e);
  return true;
}

}  // namespace casus
