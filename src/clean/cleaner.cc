#include "clean/cleaner.h"

#include <absl/container/flat_hash_set.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "util/text.h"

namespace casus {

namespace {

bool IsMonthName(std::string_view w) {
  static const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                  "July",    "August",   "September", "October", "November", "December",
                                  "Jan",     "Feb",      "Mar",       "Apr",     "Jun",      "Jul",
                                  "Aug",     "Sep",      "Sept",      "Oct",     "Nov",      "Dec"};
  for (const char* m : kMonths)
    if (w == m) return true;
  return false;
}

// "May 17, 2025", "17 May 2025", "2025-05-17", "May 17, 2025 10:30 GMT".
bool IsDateLine(std::string_view line) {
  if (WordCount(line, 6) > 6) return false;
  bool has_month = false, has_year = false;
  std::string word;
  auto flush = [&] {
    std::string w = word;
    while (!w.empty() && (w.back() == ',' || w.back() == '.')) w.pop_back();
    if (IsMonthName(w)) has_month = true;
    if (w.size() == 4 && std::all_of(w.begin(), w.end(), ::isdigit)) has_year = true;
    if (w.size() == 10 && w[4] == '-' && w[7] == '-') has_month = has_year = true;
    word.clear();
  };
  for (char c : line) {
    if (c == ' ')
      flush();
    else
      word += c;
  }
  flush();
  return has_month && has_year;
}

bool ContainsAny(std::string_view s, std::initializer_list<std::string_view> needles) {
  for (auto n : needles)
    if (s.find(n) != std::string_view::npos) return true;
  return false;
}

// Block headers after which the page lists other articles.
bool IsBlockMarker(std::string_view line) {
  static constexpr std::string_view kMarkers[] = {
      "Explore",          "Recommended",      "Related",
      "Related Articles", "Related articles", "Related Stories",
      "Related stories",  "Read more",        "Read More",
      "Read also",        "See also",         "More from",
      "More stories",     "Most read",        "Most Read",
      "Most popular",     "Trending",         "You may also like",
      "Latest",           "Top stories",      "More on this story",
      "Also read"};
  static constexpr size_t kLongest = [] {
    size_t n = 0;
    for (std::string_view m : kMarkers) n = std::max(n, m.size());
    return n;
  }();
  std::string_view t = Trim(line);
  while (!t.empty() && (t.back() == ':')) t.remove_suffix(1);
  if (t.size() > kLongest) return false;  // most lines
  for (std::string_view m : kMarkers)
    if (t == m) return true;
  return false;
}

// A short line that is not a sentence: a headline of another article, a byline.
bool LooksLikeHeadline(std::string_view line) { return !EndsLikeSentence(line) && WordCount(line, 20) <= 20; }

bool IsBackground(std::string_view p) {
  // Most paragraphs have no "born" at all: one search settles them.
  if (p.find("born") == std::string_view::npos) return p.find("(b. ") != std::string_view::npos;
  if (ContainsAny(p, {"(born ", "; born ", "(b. ", ", born "})) return true;
  // "born 21 March 1950", "was born in 1950"
  size_t b = p.find(" born ");
  return b != std::string_view::npos && b < 400 && p.find("was born") != std::string_view::npos;
}

}  // namespace

bool IsDebrisLine(std::string_view raw) {
  std::string_view line = Trim(raw);
  if (line.empty()) return true;
  // Debris is short: credits, captions, read-time and link labels. A long
  // paragraph that mentions "licensed under" is article text.
  if (line.size() > 300) return false;
  // Only the first and last few bytes are compared case-insensitively.
  char head_bytes[16], tail_bytes[16];
  std::string_view head = AsciiLowerInto(line.substr(0, 16), head_bytes);
  std::string_view tail =
      AsciiLowerInto(line.substr(line.size() - std::min<size_t>(line.size(), 16)), tail_bytes);
  // Read-time and share lines: "1 min read", "3 minute read".
  if ((EndsWith(tail, "min read") || EndsWith(tail, "minute read") || EndsWith(tail, "mins read")) &&
      WordCount(line, 4) <= 4)
    return true;
  if (StartsWith(head, "photo:") || StartsWith(head, "photo by") || StartsWith(head, "image:") ||
      StartsWith(head, "(photo") || StartsWith(head, "picture:") || StartsWith(head, "file photo"))
    return true;
  // Credits: "Photo / REUTERS", "/AFP", "Getty Images", "(c)" and licences.
  for (size_t slash = line.find('/'); slash != std::string_view::npos; slash = line.find('/', slash + 1)) {
    std::string_view after = line.substr(slash);
    if (StartsWith(after, "/ REUTERS") || StartsWith(after, "/ AFP") || StartsWith(after, "/ AP") ||
        StartsWith(after, "/Reuters"))
      return true;
  }
  if (ContainsAny(line, {"Getty Images", "licensed under", "All rights reserved", "\xC2\xA9"})) return true;
  if (StartsWith(line, "SOURCE:") || StartsWith(line, "Source:")) return true;
  // "RelatedTRT Global - ..." (a related-story link glued to its label)
  if (StartsWith(line, "Related") && line.size() > 7 && !StartsWith(line, "Related to")) {
    char c = line[7];
    if (std::isupper(static_cast<unsigned char>(c)) || c == ':') return true;
  }
  if (StartsWith(line, "By ") && WordCount(line, 5) <= 5 && !EndsLikeSentence(line)) return true;
  if (IsDateLine(line)) return true;
  if (line.size() <= 18) {
    std::string lower = AsciiLower(line);
    if (lower == "advertisement" || lower == "share" || lower == "share this article" ||
        lower == "comments" || lower == "print")
      return true;
  }
  return false;
}

std::vector<Paragraph> CleanDocument(const Document& doc) {
  std::vector<Paragraph> out;
  std::string_view text = doc.text;
  size_t title_end = std::min(doc.body_offset > 0 ? doc.body_offset - 1 : 0, text.size());
  if (title_end > 0) out.push_back(Paragraph{0, title_end, true, false});

  // Raw paragraphs by layout.
  thread_local std::vector<std::pair<size_t, size_t>> raw;  // scratch
  raw.clear();
  size_t pos = std::min(doc.body_offset, text.size());
  auto push = [&](size_t b, size_t e) {
    while (b < e && std::isspace(static_cast<unsigned char>(text[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1]))) --e;
    if (e > b) raw.emplace_back(b, e);
  };
  size_t para_start = pos;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    size_t next = nl + 1;
    bool boundary = nl == text.size();
    if (!boundary) {
      switch (doc.layout) {
        case Layout::kLines:
          boundary = true;
          break;
        case Layout::kBlankLines: {
          size_t q = next;
          while (q < text.size() && (text[q] == ' ' || text[q] == '\t' || text[q] == '\r')) ++q;
          boundary = q >= text.size() || text[q] == '\n';
          break;
        }
        case Layout::kIndented:
          boundary = next < text.size() && (text[next] == ' ' || text[next] == '\t' || text[next] == '\n');
          break;
      }
    }
    if (boundary) {
      push(para_start, nl);
      para_start = next;
    }
    if (nl == text.size()) break;
    pos = next;
  }

  // Wiki-style section headings ("==Related news==") inside a paragraph split
  // it; link sections end the article.
  if (doc.layout == Layout::kBlankLines) {
    std::vector<std::pair<size_t, size_t>> split;
    bool stop = false;
    for (auto [b, e] : raw) {
      if (stop) break;
      size_t cur = b;
      const std::string_view upto = text.substr(0, e);  // searches stop at the paragraph's end
      size_t img = upto.find("[[", cur);  // the next "[[", kept until passed (linear in headings)
      while (cur < e) {
        // "[[Image:x.jpg|250px|thumb|Caption]]": a picture and its caption.
        if (img < cur) img = upto.find("[[", cur);
        if (img < e && (text.compare(img + 2, 6, "Image:") == 0 || text.compare(img + 2, 5, "File:") == 0)) {
          size_t close = upto.find("]]", img);
          size_t h0 = upto.find("==", cur);
          if (close != std::string_view::npos && close < e && (h0 == std::string_view::npos || img < h0)) {
            if (img > cur) split.emplace_back(cur, img);
            cur = close + 2;
            continue;
          }
        }
        size_t h = upto.find("==", cur);
        if (h == std::string_view::npos || h >= e) break;
        size_t hb = h;
        while (hb > cur && text[hb - 1] == '=') --hb;
        size_t title_b = h;
        while (title_b < e && text[title_b] == '=') ++title_b;
        size_t title_e = upto.find("==", title_b);
        if (title_e == std::string_view::npos || title_e >= e || title_e - title_b > 80) break;
        size_t he = title_e;
        while (he < e && text[he] == '=') ++he;
        if (hb > cur) split.emplace_back(cur, hb);
        std::string_view heading = Trim(text.substr(title_b, title_e - title_b));
        if (IsBlockMarker(heading) || heading == "Related news" || heading == "Sources" ||
            heading == "External links" || heading == "References" || heading == "Source") {
          stop = true;
          cur = e;
          break;
        }
        cur = he;
      }
      if (!stop && cur < e) split.emplace_back(cur, e);
    }
    raw.clear();
    for (auto [b, e] : split) push(b, e);
  }

  thread_local absl::flat_hash_set<std::string_view> seen;  // scratch: views into this text
  seen.clear();
  seen.insert(Trim(text.substr(0, title_end)));
  bool in_list = false;
  // A trailing run of three or more headline-like lines is a link list.
  size_t tail_list_from = raw.size();
  if (doc.layout == Layout::kLines) {
    size_t i = raw.size();
    while (i > 0 && LooksLikeHeadline(text.substr(raw[i - 1].first, raw[i - 1].second - raw[i - 1].first)))
      --i;
    if (raw.size() - i >= 3) tail_list_from = i;
  }
  for (size_t i = 0; i < raw.size(); ++i) {
    auto [b, e] = raw[i];
    std::string_view p = text.substr(b, e - b);
    if (i >= tail_list_from) break;
    if (IsBlockMarker(p)) {
      in_list = true;
      continue;
    }
    if (in_list) {
      if (LooksLikeHeadline(p)) continue;
      in_list = false;
    }
    if (IsDebrisLine(p)) continue;
    if (!seen.insert(p).second) continue;  // repeated headline or paragraph
    out.push_back(Paragraph{b, e, false, IsBackground(p)});
  }
  return out;
}

}  // namespace casus
