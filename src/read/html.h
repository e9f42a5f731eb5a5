// HTML pages to article text: decoding (gzip, declared or sniffed charset to
// UTF-8 with ICU), HTML5 parsing (gumbo), metadata and main-text extraction.
//
// Main text: the page's article container (itemprop=articleBody, a known
// article-body class, <article>, else the element whose paragraphs score
// highest by text length and link density), minus boilerplate subtrees
// (navigation, headers, footers, asides, forms, share bars, related-story
// lists, captions, credits, comments), as paragraphs in reading order joined
// by blank lines, without the headline.
#ifndef CASUS_SRC_READ_HTML_H_
#define CASUS_SRC_READ_HTML_H_

#include <string>
#include <string_view>

#include "casus/status.h"
#include "casus/types.h"

namespace casus {

struct HtmlArticle {
  std::string title;  // headline: og:title, JSON-LD headline, <h1> or <title>
  std::string text;   // article body, paragraphs separated by "\n\n"
  std::string date;   // publication date as YYYY-MM-DD, "" when unknown
  std::string site_name;
  std::string canonical_url;
  std::string language;  // <html lang> (primary subtag), "" when absent
};

// Bytes may be gzip-compressed. `content_type` is an HTTP Content-Type header
// value ("" when unknown) whose charset wins over the page's own declaration.
// Caps: at most `max_bytes` of decompressed HTML are parsed; markup nested
// deeper than kMaxMarkupDepth elements is refused (InvalidInput).
Status ExtractHtml(std::string_view bytes, std::string_view content_type, size_t max_bytes, HtmlArticle* out);

constexpr size_t kMaxMarkupDepth = 10000;

// How deeply the elements of `html` nest (void and self-closing elements,
// and those that close themselves such as <p> and <li>, do not count;
// comments, scripts and styles are skipped). Counting stops once the depth
// exceeds `stop_above`.
size_t MarkupDepth(std::string_view html, size_t stop_above);

// A document from an extracted page: title, body, canonical URL, site name as
// source, language (CLD2 on the text, else the page's own), and the page's
// publication date when it gives a valid one. The id is the caller's.
Document DocumentFromHtml(const HtmlArticle& a);

// Inflates gzip or zlib data (all members of a multi-member gzip) up to
// `max_out` bytes. Returns false on corrupt or truncated input, with what was
// decoded so far in `out`.
bool Gunzip(std::string_view in, size_t max_out, std::string* out);

// Language of a text (ISO 639-1, "" when unreliable), by CLD2.
std::string DetectLanguage(std::string_view text);

}  // namespace casus

#endif  // CASUS_SRC_READ_HTML_H_
