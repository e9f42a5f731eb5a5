#include "read/html.h"

#include <cld2/public/compact_lang_det.h>
#include <gumbo.h>
#include <simdjson.h>
#include <unicode/unistr.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstdio>  // before cld2, which uses it without including it
#include <cstring>
#include <functional>
#include <unordered_map>
#include <vector>

#include "casus/types.h"
#include "util/text.h"

namespace casus {

bool Gunzip(std::string_view in, size_t max_out, std::string* out) {
  out->clear();
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 32) != Z_OK) return false;  // gzip or zlib header
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  char buf[64 * 1024];
  bool ok = true;
  while (true) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    int rc = inflate(&zs, Z_NO_FLUSH);
    out->append(buf, sizeof buf - zs.avail_out);
    if (out->size() > max_out) {
      out->resize(max_out);
      break;
    }
    if (rc == Z_STREAM_END) {
      if (zs.avail_in == 0) break;
      inflateReset(&zs);  // another gzip member follows
      continue;
    }
    if (rc != Z_OK) {
      ok = false;
      break;
    }
    if (zs.avail_in == 0 && zs.avail_out != 0) {
      ok = false;  // input ended inside a member: truncated
      break;
    }
  }
  inflateEnd(&zs);
  return ok;
}

Document DocumentFromHtml(const HtmlArticle& a) {
  Document doc;
  doc.title = a.title;
  doc.text = a.text;
  doc.url = a.canonical_url;
  doc.source = a.site_name;
  doc.layout = Layout::kBlankLines;
  doc.language = DetectLanguage(a.text);
  if (doc.language.empty()) doc.language = a.language;
  if (auto d = Date::Parse(a.date)) doc.date = *d;
  return doc;
}

std::string DetectLanguage(std::string_view text) {
  bool reliable = false;
  CLD2::Language lang = CLD2::DetectLanguage(
      text.data(), static_cast<int>(std::min<size_t>(text.size(), 64 * 1024)), true, &reliable);
  if (!reliable || lang == CLD2::UNKNOWN_LANGUAGE) return "";
  return CLD2::LanguageCode(lang);
}

namespace {

// The charset named in a Content-Type value or a <meta> tag, lower case.
std::string CharsetIn(std::string_view text) {
  std::string low = AsciiLower(text);
  size_t p = low.find("charset");
  while (p != std::string::npos) {
    size_t q = p + 7;
    while (q < low.size() && (low[q] == ' ' || low[q] == '=' || low[q] == '"' || low[q] == '\'')) ++q;
    size_t e = q;
    while (e < low.size() &&
           (std::isalnum(static_cast<unsigned char>(low[e])) || low[e] == '-' || low[e] == '_'))
      ++e;
    if (e > q) return low.substr(q, e - q);
    p = low.find("charset", p + 7);
  }
  return "";
}

std::string ToUtf8(std::string_view bytes, std::string_view content_type) {
  std::string charset = CharsetIn(content_type);
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    charset = "utf-8";
    bytes.remove_prefix(3);
  }
  if (charset.empty()) charset = CharsetIn(bytes.substr(0, 4096));
  if (charset.empty() || charset == "utf-8" || charset == "utf8") {
    std::string s(bytes);
    RepairUtf8(&s);
    return s;
  }
  if (charset == "iso-8859-1" || charset == "latin1" || charset == "us-ascii" || charset == "ascii")
    charset = "windows-1252";  // what browsers do
  icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), charset.c_str());
  if (u.isBogus()) u = icu::UnicodeString(bytes.data(), static_cast<int32_t>(bytes.size()), "windows-1252");
  std::string out;
  u.toUTF8String(out);
  return out;
}

const char* Attr(const GumboNode* n, const char* name) {
  if (n->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? a->value : nullptr;
}

bool IsElement(const GumboNode* n, GumboTag tag) {
  return n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == tag;
}

template <typename Fn>
void ForChildren(const GumboNode* n, Fn fn) {
  if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT) return;
  const GumboVector& kids = n->type == GUMBO_NODE_ELEMENT ? n->v.element.children : n->v.document.children;
  for (unsigned i = 0; i < kids.length; ++i) fn(static_cast<const GumboNode*>(kids.data[i]));
}

// Elements nested deeper than this are ignored: real pages stay far below it,
// and it bounds the recursion and the work per page that the input controls.
constexpr int kMaxDepth = 256;

void Walk(const GumboNode* n, const std::function<bool(const GumboNode*)>& fn, int depth = 0) {
  if (depth > kMaxDepth || !fn(n)) return;
  ForChildren(n, [&](const GumboNode* c) { Walk(c, fn, depth + 1); });
}

// Splits class and id values into lower-case words ("article-body__text" ->
// article, body, text) and also keeps the whole value.
std::vector<std::string> NameWords(const GumboNode* n) {
  std::vector<std::string> words;
  for (const char* attr : {"class", "id"}) {
    const char* v = Attr(n, attr);
    if (!v) continue;
    std::string low = AsciiLower(v);
    std::string cur;
    for (char c : low + " ") {
      if (std::isalnum(static_cast<unsigned char>(c))) {
        cur += c;
      } else if (!cur.empty()) {
        words.push_back(cur);
        cur.clear();
      }
    }
  }
  return words;
}

std::string ClassAndId(const GumboNode* n) {
  std::string s;
  for (const char* attr : {"class", "id"})
    if (const char* v = Attr(n, attr)) s += AsciiLower(v) + " ";
  return s;
}

bool SkipTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_LABEL:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_MATH:
      return true;
    default:
      return false;
  }
}

// Boilerplate by its class/id/role/visibility.
bool Boilerplate(const GumboNode* n) {
  if (n->type != GUMBO_NODE_ELEMENT) return false;
  if (const char* role = Attr(n, "role")) {
    std::string r = AsciiLower(role);
    if (r == "navigation" || r == "complementary" || r == "banner" || r == "contentinfo" || r == "dialog" ||
        r == "menu" || r == "alert")
      return true;
  }
  if (const char* h = Attr(n, "aria-hidden"))
    if (AsciiLower(h) == "true") return true;
  if (Attr(n, "hidden")) return true;
  if (const char* st = Attr(n, "style")) {
    std::string s = AsciiLower(st);
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    if (s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos)
      return true;
  }
  GumboTag tag = n->v.element.tag;
  if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_MAIN || tag == GUMBO_TAG_ARTICLE)
    return false;
  // A name that also says "article", "content", "story" ... marks a wrapper of
  // the text, whatever else it says ("content-with-sidebar").
  for (const std::string& w : NameWords(n))
    for (const char* keep :
         {"article", "content", "main", "body", "story", "post", "entry", "text", "wrapper", "container",
          "page", "layout", "column", "col", "row", "grid", "site"})
      if (w == keep) return false;
  static const char* kWords[] = {
      "nav",       "navbar",        "menu",      "footer",     "sidebar",     "share",       "sharing",
      "related",   "comments",      "comment",   "ad",         "ads",         "advert",      "promo",
      "cookie",    "newsletter",    "subscribe", "breadcrumb", "breadcrumbs", "tags",        "caption",
      "credit",    "credits",       "popup",     "modal",      "trending",    "outbrain",    "taboola",
      "disqus",    "pagination",    "toolbar",   "byline",     "author",      "recommended", "recirc",
      "sponsored", "advertisement", "banner",    "signup",     "skip",        "dateline",    "timestamp",
      "meta",      "widget",        "masthead",  "sr",         "print",       "tools",       "utility",
      "more",      "episode",       "playlist"};
  for (const std::string& w : NameWords(n))
    for (const char* k : kWords)
      if (w == k) return true;
  std::string all = ClassAndId(n);
  for (const char* sub : {"advert",    "sidebar",      "newsletter",      "related-",      "recommend",
                          "cookie",    "breadcrumb",   "subscribe",       "sponsor",       "outbrain",
                          "taboola",   "popup",        "share-",          "-share",        "caption",
                          "comments",  "most-popular", "mostpopular",     "read-more",     "readmore",
                          "also-read", "more-stories", "visually-hidden", "screen-reader", "sr-only"})
    if (all.find(sub) != std::string::npos) return true;
  return false;
}

void AppendText(const GumboNode* n, std::string* out, size_t* link_chars, bool in_link, bool filter,
                int depth = 0) {
  if (depth > kMaxDepth) return;
  switch (n->type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_CDATA:
    case GUMBO_NODE_WHITESPACE: {
      std::string_view t = n->v.text.text;
      for (char c : t) {
        bool sp = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
        if (sp) {
          if (!out->empty() && out->back() != ' ') *out += ' ';
        } else {
          *out += c;
          if (in_link && link_chars) ++*link_chars;
        }
      }
      return;
    }
    case GUMBO_NODE_ELEMENT: {
      GumboTag t = n->v.element.tag;
      if (SkipTag(t) || (filter && Boilerplate(n))) return;
      if (t == GUMBO_TAG_BR && !out->empty() && out->back() != ' ') *out += ' ';
      bool link = in_link || t == GUMBO_TAG_A;
      ForChildren(n, [&](const GumboNode* c) { AppendText(c, out, link_chars, link, filter, depth + 1); });
      return;
    }
    default:
      return;
  }
}

std::string NodeText(const GumboNode* n, size_t* link_chars = nullptr, bool filter = true) {
  std::string s;
  AppendText(n, &s, link_chars, false, filter);
  return std::string(Trim(s));
}

bool BlockTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
      return true;
    default:
      return false;
  }
}

bool ContainerTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_SPAN:
    case GUMBO_TAG_FONT:
      return true;
    default:
      return false;
  }
}

bool JunkBlock(const std::string& text) {
  static const char* kJunk[] = {"advertisement",
                                "continue reading",
                                "read more",
                                "share",
                                "share this",
                                "related",
                                "click here",
                                "subscribe",
                                "sign up",
                                "more",
                                "comments",
                                "share this article",
                                "story continues below advertisement",
                                "skip advertisement"};
  std::string low = AsciiLower(text);
  for (const char* j : kJunk)
    if (low == j) return true;
  if (low.size() < 30 &&
      (low.find("min read") != std::string::npos || low.find("minute read") != std::string::npos))
    return true;
  for (const char* p : {"photo:", "image:", "(photo", "photograph:", "file photo",
                        "picture:", "watch:", "read more:", "related:", "see also:", "advertisement"})
    if (StartsWith(low, p)) return true;
  return false;
}

// Paragraph blocks of `root` in reading order.
void CollectBlocks(const GumboNode* n, std::vector<std::string>* blocks, int depth = 0) {
  if (n->type != GUMBO_NODE_ELEMENT || depth > kMaxDepth) return;
  GumboTag t = n->v.element.tag;
  if (SkipTag(t) || Boilerplate(n)) return;
  if (t == GUMBO_TAG_TR) {
    // A table row is one line: its cells' text joined by spaces.
    std::string row;
    size_t links = 0;
    ForChildren(n, [&](const GumboNode* c) {
      if (!IsElement(c, GUMBO_TAG_TD) && !IsElement(c, GUMBO_TAG_TH)) return;
      std::string cell = NodeText(c, &links);
      if (cell.empty()) return;
      if (!row.empty()) row += ' ';
      row += cell;
    });
    bool nested_table = false;
    Walk(n, [&](const GumboNode* c) {
      if (c != n && (IsElement(c, GUMBO_TAG_TABLE) || IsElement(c, GUMBO_TAG_P))) nested_table = true;
      return !nested_table;
    });
    if (!nested_table) {
      if (!row.empty() && links * 2 < row.size() && !JunkBlock(row)) blocks->push_back(row);
      return;
    }
  }
  if (BlockTag(t)) {
    // A list item that holds paragraphs is a container.
    bool has_p = false;
    if (t == GUMBO_TAG_LI || t == GUMBO_TAG_BLOCKQUOTE)
      Walk(n, [&](const GumboNode* c) {
        if (c != n && IsElement(c, GUMBO_TAG_P)) has_p = true;
        return !has_p;
      });
    if (!has_p) {
      size_t link = 0;
      std::string text = NodeText(n, &link);
      if (text.empty() || JunkBlock(text)) return;
      bool heading = t >= GUMBO_TAG_H2 && t <= GUMBO_TAG_H6;
      if (link * 2 > text.size()) return;                                           // mostly links
      if (t == GUMBO_TAG_LI && text.size() < 24 && WordCount(text, 4) < 4) return;  // menu-like items
      if (heading && WordCount(text, 2) < 2) return;
      blocks->push_back(text);
      return;
    }
  }
  // Containers: inline runs between child blocks become blocks of their own.
  std::string inline_text;
  size_t inline_links = 0;
  auto flush = [&] {
    std::string_view s = Trim(inline_text);
    // Eight words, or as many bytes as a short CJK sentence.
    bool long_enough = s.size() >= 60 || WordCount(s, 8) >= 8;
    if (long_enough && inline_links * 2 < s.size() && !JunkBlock(std::string(s))) blocks->emplace_back(s);
    inline_text.clear();
    inline_links = 0;
  };
  ForChildren(n, [&](const GumboNode* c) {
    bool block_child =
        c->type == GUMBO_NODE_ELEMENT && (BlockTag(c->v.element.tag) || ContainerTag(c->v.element.tag) ||
                                          c->v.element.tag == GUMBO_TAG_BR || SkipTag(c->v.element.tag));
    if (c->type == GUMBO_NODE_ELEMENT && c->v.element.tag == GUMBO_TAG_SPAN) {
      // spans are inline unless they hold blocks
      bool holds = false;
      Walk(c, [&](const GumboNode* d) {
        if (d != c && d->type == GUMBO_NODE_ELEMENT && BlockTag(d->v.element.tag)) holds = true;
        return !holds;
      });
      block_child = holds;
    }
    if (block_child) {
      if (c->v.element.tag == GUMBO_TAG_BR) {
        // <br><br> separated text: keep accumulating; a double break ends a paragraph
        if (!inline_text.empty() && inline_text.back() == '\n')
          flush();
        else
          inline_text += '\n';
        return;
      }
      flush();
      CollectBlocks(c, blocks, depth + 1);
    } else {
      AppendText(c, &inline_text, &inline_links, false, true);
    }
  });
  flush();
}

// A container holding only inline content and enough of its own text to be a
// paragraph: <div class="zn-body__paragraph">, text broken by <br>.
bool InlineParagraph(const GumboNode* n) {
  if (n->type != GUMBO_NODE_ELEMENT) return false;
  GumboTag t = n->v.element.tag;
  if (t != GUMBO_TAG_DIV && t != GUMBO_TAG_TD && t != GUMBO_TAG_SECTION && t != GUMBO_TAG_SPAN &&
      t != GUMBO_TAG_FONT && t != GUMBO_TAG_CENTER)
    return false;
  size_t own = 0;
  bool blocks = false;
  ForChildren(n, [&](const GumboNode* c) {
    if (c->type == GUMBO_NODE_TEXT) own += Trim(c->v.text.text).size();
    if (c->type == GUMBO_NODE_ELEMENT && BlockTag(c->v.element.tag)) blocks = true;
  });
  return !blocks && own >= 80;
}

size_t ParagraphChars(const GumboNode* n) {
  size_t total = 0;
  Walk(n, [&](const GumboNode* c) {
    if (c->type != GUMBO_NODE_ELEMENT) return true;
    if (SkipTag(c->v.element.tag) || Boilerplate(c)) return false;
    if (c->v.element.tag == GUMBO_TAG_P) {
      size_t link = 0;
      std::string t = NodeText(c, &link);
      if (t.size() >= 25 && link * 2 < t.size()) total += t.size();
      return false;
    }
    return true;
  });
  return total;
}

bool ArticleBodyName(const GumboNode* n) {
  if (const char* ip = Attr(n, "itemprop"))
    if (AsciiLower(ip) == "articlebody") return true;
  std::string all = ClassAndId(n);
  for (const char* name :
       {"article-body",  "articlebody",  "article__body",    "story-body",    "storybody",
        "entry-content", "post-content", "article-content",  "story-content", "article-text",
        "articletext",   "body-text",    "post-body",        "postbody",      "article_body",
        "story_body",    "content-body", "article__content", "story__body",   "paywall",
        "zn-body"})
    if (all.find(name) != std::string::npos) return true;
  return false;
}

const GumboNode* ScoreRoot(const GumboNode* body, bool inline_paragraphs);

const GumboNode* ChooseRoot(const GumboNode* body) {
  // 1. Marked article bodies: take the lowest common container of all of them
  //    when several (split bodies), else the best one.
  std::vector<const GumboNode*> marked;
  Walk(body, [&](const GumboNode* n) {
    if (n->type != GUMBO_NODE_ELEMENT) return true;
    if (SkipTag(n->v.element.tag)) return false;
    if (ArticleBodyName(n) && ParagraphChars(n) >= 150) {
      marked.push_back(n);
      return false;
    }
    return true;
  });
  if (marked.size() == 1) return marked[0];
  if (marked.size() > 1) {
    // Common ancestor.
    std::vector<const GumboNode*> path;
    for (const GumboNode* p = marked[0]; p; p = p->parent) path.push_back(p);
    for (const GumboNode* anc : path) {
      bool all = true;
      for (const GumboNode* m : marked) {
        bool under = false;
        for (const GumboNode* p = m; p && !under; p = p->parent) under = p == anc;
        all = all && under;
      }
      if (all && anc->type == GUMBO_NODE_ELEMENT) return anc;
    }
  }
  // 2. <article> with the most paragraph text.
  const GumboNode* best_article = nullptr;
  size_t best_chars = 0;
  Walk(body, [&](const GumboNode* n) {
    if (n->type != GUMBO_NODE_ELEMENT) return true;
    if (SkipTag(n->v.element.tag)) return false;
    if (n->v.element.tag == GUMBO_TAG_ARTICLE) {
      size_t c = ParagraphChars(n);
      if (c > best_chars) {
        best_chars = c;
        best_article = n;
      }
    }
    return true;
  });
  // 3. Paragraph scoring.
  const GumboNode* best = ScoreRoot(body, false);
  if (best_article && best_chars >= 200) {
    // Prefer the article unless the scored block holds clearly more text.
    if (!best || ParagraphChars(best) <= best_chars * 12 / 10) return best_article;
  }
  return best ? best : body;
}

// Each paragraph scores its parent and grandparent by its length and commas;
// the best-scoring element is the article container. With
// `inline_paragraphs`, text-bearing containers count as paragraphs too.
const GumboNode* ScoreRoot(const GumboNode* body, bool inline_paragraphs) {
  std::unordered_map<const GumboNode*, double> scores;
  Walk(body, [&](const GumboNode* n) {
    if (n->type != GUMBO_NODE_ELEMENT) return true;
    if (SkipTag(n->v.element.tag) || Boilerplate(n)) return false;
    if (n->v.element.tag == GUMBO_TAG_P || (inline_paragraphs && InlineParagraph(n))) {
      size_t link = 0;
      std::string t = NodeText(n, &link);
      if (t.size() < 25 || link * 2 > t.size()) return false;
      double s = 1 + std::count(t.begin(), t.end(), ',') + std::min<double>(t.size() / 100.0, 3);
      if (n->parent) scores[n->parent] += s;
      if (n->parent && n->parent->parent) scores[n->parent->parent] += s / 2;
      return false;
    }
    return true;
  });
  const GumboNode* best = nullptr;
  double best_score = 0;
  Walk(body, [&](const GumboNode* n) {  // document order breaks ties
    auto it = scores.find(n);
    if (it != scores.end() && it->second > best_score) {
      best_score = it->second;
      best = n;
    }
    return true;
  });
  return best;
}

bool DateLike(std::string_view v, std::string* out) {
  v = Trim(v);
  if (v.size() < 10) return false;
  std::string d(v.substr(0, 10));
  if (d[4] == '/' && d[7] == '/') {
    d[4] = '-';
    d[7] = '-';
  }
  if (!(std::isdigit(static_cast<unsigned char>(d[0])) && d[4] == '-' && d[7] == '-')) return false;
  auto parsed = Date::Parse(d);
  if (!parsed) return false;
  *out = d;
  return true;
}

void JsonLdDates(const simdjson::dom::element& e, std::string* date, std::string* headline, int depth = 0) {
  if (depth > 8) return;
  if (e.is_object()) {
    for (auto [k, v] : e.get_object()) {
      std::string_view key = k;
      std::string_view s;
      if (key == "datePublished" && date->empty() && v.get_string().get(s) == simdjson::SUCCESS)
        DateLike(s, date);
      if (key == "headline" && headline->empty() && v.get_string().get(s) == simdjson::SUCCESS) *headline = s;
      if (v.is_object() || v.is_array()) JsonLdDates(v, date, headline, depth + 1);
    }
  } else if (e.is_array()) {
    for (auto v : e.get_array()) JsonLdDates(v, date, headline, depth + 1);
  }
}

// Elements that never hold others, or that close themselves when a sibling
// opens: they do not deepen the tree.
bool NonNesting(std::string_view tag) {
  static constexpr std::string_view kTags[] = {
      "area",  "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",   "param",   "source",
      "track", "wbr",  "p",  "li",  "dt",    "dd", "tr",  "td",    "th",   "option", "!doctype"};
  for (std::string_view t : kTags)
    if (tag == t) return true;
  return false;
}

}  // namespace

size_t MarkupDepth(std::string_view html, size_t stop_above) {
  size_t depth = 0, deepest = 0;
  for (size_t i = html.find('<'); i != std::string_view::npos && deepest <= stop_above;
       i = html.find('<', i + 1)) {
    if (html.compare(i, 4, "<!--") == 0) {  // comments hold no markup
      size_t end = html.find("-->", i + 4);
      if (end == std::string_view::npos) break;
      i = end + 2;
      continue;
    }
    bool closing = i + 1 < html.size() && html[i + 1] == '/';
    size_t b = i + (closing ? 2 : 1), e = b;
    while (e < html.size() && e - b < 16 &&
           (std::isalnum(static_cast<unsigned char>(html[e])) || html[e] == '!'))
      ++e;
    if (e == b) continue;  // "a < b" in text
    std::string tag = AsciiLower(html.substr(b, e - b));
    size_t gt = html.find('>', e);
    if (gt == std::string_view::npos) break;
    if (closing) {
      if (!NonNesting(tag) && depth > 0) --depth;
    } else if (!NonNesting(tag) && html[gt - 1] != '/') {
      deepest = std::max(deepest, ++depth);
      if (tag == "script" || tag == "style") {  // their text is not markup
        size_t end = html.find("</", gt);
        while (end != std::string_view::npos && AsciiLower(html.substr(end + 2, tag.size())) != tag)
          end = html.find("</", end + 2);
        if (end == std::string_view::npos) break;
        i = end - 1;
      }
    }
    i = std::max(i, gt - 1);
  }
  return deepest;
}

Status ExtractHtml(std::string_view bytes, std::string_view content_type, size_t max_bytes,
                   HtmlArticle* out) {
  *out = HtmlArticle{};
  std::string inflated;
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
      static_cast<unsigned char>(bytes[1]) == 0x8b) {
    if (!Gunzip(bytes, max_bytes, &inflated) && inflated.empty())
      return Status::InvalidInput("corrupt gzip data");
    bytes = inflated;
  }
  if (bytes.size() > max_bytes) bytes = bytes.substr(0, max_bytes);
  std::string html = ToUtf8(bytes, content_type);
  // The HTML5 parser's work grows with the square of the nesting depth
  // (40,000 nested elements: 2.5 s), so absurdly deep markup is refused.
  if (MarkupDepth(html, kMaxMarkupDepth) > kMaxMarkupDepth)
    return Status::InvalidInput("markup nested deeper than " + std::to_string(kMaxMarkupDepth) +
                                " elements; page not parsed");
  // Parse errors are not needed; recording them (each with a copy of the open
  // element stack) is quadratic on deeply nested junk.
  GumboOptions gumbo_options = kGumboDefaultOptions;
  gumbo_options.max_errors = 0;
  GumboOutput* g = gumbo_parse_with_options(&gumbo_options, html.data(), html.size());
  if (!g) return Status::InvalidInput("unparsable HTML");
  const GumboNode* root = g->root;
  const GumboNode* body = nullptr;
  std::string title_tag, og_title, h1, ld_headline, ld_date;
  if (const char* lang = Attr(root, "lang")) {
    std::string l = AsciiLower(lang);
    out->language = l.substr(0, l.find_first_of("-_"));
  }
  simdjson::dom::parser json;
  Walk(root, [&](const GumboNode* n) {
    if (n->type != GUMBO_NODE_ELEMENT) return true;
    GumboTag t = n->v.element.tag;
    if (t == GUMBO_TAG_BODY && !body) body = n;
    if (t == GUMBO_TAG_TITLE && title_tag.empty()) title_tag = NodeText(n, nullptr, false);
    if (t == GUMBO_TAG_H1 && h1.empty()) h1 = NodeText(n, nullptr, false);
    if (t == GUMBO_TAG_META) {
      const char* key = Attr(n, "property");
      if (!key) key = Attr(n, "name");
      if (!key) key = Attr(n, "itemprop");
      const char* content = Attr(n, "content");
      if (key && content) {
        std::string k = AsciiLower(key);
        if (k == "og:title" && og_title.empty()) og_title = content;
        if (k == "og:site_name" && out->site_name.empty()) out->site_name = content;
        if (out->date.empty() &&
            (k == "article:published_time" || k == "og:published_time" || k == "datepublished" ||
             k == "pubdate" || k == "publishdate" || k == "publish-date" || k == "date" || k == "dc.date" ||
             k == "dc.date.issued" || k == "dcterms.created" || k == "sailthru.date" ||
             k == "parsely-pub-date" || k == "article.published" || k == "article_date_original" ||
             k == "originalpublicationdate" || k == "cxenseparse:recs:publishtime" ||
             k == "og:article:published_time"))
          DateLike(content, &out->date);
      }
    }
    if (t == GUMBO_TAG_LINK) {
      const char* rel = Attr(n, "rel");
      const char* href = Attr(n, "href");
      if (rel && href && AsciiLower(rel) == "canonical" && out->canonical_url.empty())
        out->canonical_url = href;
    }
    if (t == GUMBO_TAG_SCRIPT) {
      const char* type = Attr(n, "type");
      if (type && AsciiLower(type) == "application/ld+json" && n->v.element.children.length > 0) {
        const GumboNode* c = static_cast<const GumboNode*>(n->v.element.children.data[0]);
        if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA) {
          // Some sites wrap the JSON in <![CDATA[ ... ]]>.
          std::string_view js = Trim(c->v.text.text);
          if (StartsWith(js, "<![CDATA[")) js = Trim(js.substr(9));
          if (EndsWith(js, "]]>")) js = Trim(js.substr(0, js.size() - 3));
          simdjson::padded_string ps(js);
          simdjson::dom::element e;
          if (json.parse(ps).get(e) == simdjson::SUCCESS) JsonLdDates(e, &ld_date, &ld_headline);
        }
      }
      return false;
    }
    if (t == GUMBO_TAG_TIME && out->date.empty()) {
      if (const char* dt = Attr(n, "datetime")) {
        std::string d;
        if (DateLike(dt, &d) && ld_date.empty()) ld_date = d;
      }
    }
    return true;
  });
  if (out->date.empty()) out->date = ld_date;
  out->title = !og_title.empty()      ? og_title
               : !ld_headline.empty() ? ld_headline
               : !h1.empty()          ? h1
                                      : title_tag;
  out->title = std::string(Trim(out->title));
  if (body) {
    const GumboNode* main = ChooseRoot(body);
    if (std::getenv("CASUS_DEBUG_HTML"))
      std::fprintf(stderr, "root: <%s class=%s> chars=%zu\n", gumbo_normalized_tagname(main->v.element.tag),
                   ClassAndId(main).c_str(), ParagraphChars(main));
    std::vector<std::string> blocks;
    CollectBlocks(main, &blocks);
    size_t chars = 0;
    for (const auto& b : blocks) chars += b.size();
    if (chars < 500) {
      // Little text in <p>s: the page may write paragraphs as <div>s or
      // <br>-separated text; score those too and keep the longer result.
      if (const GumboNode* alt = ScoreRoot(body, true)) {
        std::vector<std::string> alt_blocks;
        CollectBlocks(alt, &alt_blocks);
        size_t alt_chars = 0;
        for (const auto& b : alt_blocks) alt_chars += b.size();
        if (alt_chars > chars) blocks.swap(alt_blocks);
      }
    }
    // Lists of other stories trail the article: short lines that are not
    // sentences. A card that repeats its own headline ("X X summary") is one.
    // Also kept: a closing colon, and text ending in a non-Latin script.
    auto sentence_end = [](const std::string& b) {
      std::string_view t = Trim(b);
      return EndsLikeSentence(t) ||
             (!t.empty() && (t.back() == ':' || static_cast<unsigned char>(t.back()) >= 0x80));
    };
    while (!blocks.empty() && !sentence_end(blocks.back()) && WordCount(blocks.back(), 40) < 40)
      blocks.pop_back();
    blocks.erase(
        std::remove_if(blocks.begin(), blocks.end(),
                       [](const std::string& b) {
                         size_t half = b.size() / 2;
                         if (b.size() < 40) return false;
                         std::string_view head = std::string_view(b).substr(0, std::min<size_t>(40, half));
                         return std::string_view(b).substr(half).find(head) != std::string_view::npos;
                       }),
        blocks.end());
    // The headline repeated in the body is not body text.
    std::string joined;
    for (const auto& b : blocks) {
      if (b == out->title || b == h1) continue;
      if (!joined.empty()) joined += "\n\n";
      joined += b;
    }
    out->text = std::move(joined);
  }
  gumbo_destroy_output(&gumbo_options, g);
  return Status::OK();
}

}  // namespace casus
