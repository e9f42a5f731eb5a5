// Readers for the input formats listed in casus/reader.h.
#include "casus/reader.h"

#include <simdjson.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "read/html.h"
#include "read/warc.h"
#include "util/date.h"
#include "util/hash.h"
#include "util/text.h"

namespace casus {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kStdinName = "<stdin>";

enum class Format { kUnknown, kText, kJsonl, kJson, kSgml, kTabari, kHtml };

std::string Stem(std::string_view name) {
  std::string base = fs::path(std::string(name)).filename().string();
  for (const char* ext :
       {".txt", ".jsonl", ".json", ".sgm", ".sgml", ".html.gz", ".htm.gz", ".html", ".htm"}) {
    if (EndsWith(base, ext)) return base.substr(0, base.size() - std::string_view(ext).size());
  }
  return base;
}

// TABARI's record header: "YYMMDD ID" (six digits, a space, one word).
bool IsTabariHeader(std::string_view line) {
  line = Trim(line);
  if (line.size() < 8 || line[6] != ' ') return false;
  for (int k = 0; k < 6; ++k)
    if (line[k] < '0' || line[k] > '9') return false;
  std::string_view id = Trim(line.substr(7));
  return !id.empty() && id.find(' ') == std::string_view::npos && id.find('\t') == std::string_view::npos;
}

Format Detect(std::string_view name, std::string_view content) {
  if (EndsWith(name, ".html") || EndsWith(name, ".htm") || EndsWith(name, ".html.gz") ||
      EndsWith(name, ".htm.gz"))
    return Format::kHtml;
  std::string_view head = Trim(content.substr(0, 4096));
  std::string lower_head = AsciiLower(head.substr(0, 64));
  if (StartsWith(lower_head, "<!doctype html") || StartsWith(lower_head, "<html")) return Format::kHtml;
  if (IsTabariHeader(head.substr(0, head.find('\n')))) return Format::kTabari;
  if (StartsWith(head, "date ")) return Format::kText;
  if (StartsWith(head, "<!DOCTYPE lewis") || StartsWith(head, "<REUTERS")) return Format::kSgml;
  if (StartsWith(head, "{")) {
    if (EndsWith(name, ".jsonl")) return Format::kJsonl;
    if (EndsWith(name, ".json")) return Format::kJson;
    // stdin or unknown extension: one object per line if the first line closes.
    size_t nl = content.find('\n');
    std::string_view first = Trim(content.substr(0, nl));
    if (nl != std::string_view::npos && EndsWith(first, "}") && !Trim(content.substr(nl)).empty())
      return Format::kJsonl;
    return Format::kJson;
  }
  return Format::kUnknown;
}

// Parses the publication dates found in the wild: "YYYY-MM-DD", ISO date-times,
// "YYYY-MM-DD HH:MM:SS", "MM-DD-YYYY".
std::optional<Date> ParseLooseDate(std::string_view s) {
  s = Trim(s);
  if (s.size() >= 10) {
    if (auto d = Date::Parse(s.substr(0, 10))) return d;
    std::string_view t = s.substr(0, 10);
    if (t[2] == '-' && t[5] == '-') {
      std::string iso =
          std::string(t.substr(6, 4)) + "-" + std::string(t.substr(0, 2)) + "-" + std::string(t.substr(3, 2));
      return Date::Parse(iso);
    }
  }
  return std::nullopt;
}

class Parser {
 public:
  Parser(std::string_view name, const ReadOptions& o, const DocumentCallback& d, const IssueCallback& i)
      : name_(name), options_(o), on_doc_(d), on_issue_(i) {}

  // A one-document input's id: the file name without extension, or for
  // standard input a stable hash of the content.
  std::string FileId(std::string_view content) const {
    return name_ == kStdinName ? HexId(StableHash64(content)) : Stem(name_);
  }

  void Issue(Severity s, const std::string& origin, const std::string& msg) {
    on_issue_(ReadIssue{s, origin, msg});
  }

  // Validates, caps and emits one document.
  void Emit(Document&& doc, const std::string& origin) {
    if (RepairUtf8(&doc.title)) Issue(Severity::kWarning, origin, "invalid UTF-8 in title repaired");
    std::string body = std::move(doc.text);
    if (RepairUtf8(&body)) Issue(Severity::kWarning, origin, "invalid UTF-8 repaired");
    if (body.size() > options_.max_document_bytes) {
      size_t cut = options_.max_document_bytes;
      while (cut > 0 && (static_cast<unsigned char>(body[cut]) & 0xC0) == 0x80) --cut;
      body.resize(cut);
      Issue(Severity::kWarning, origin,
            "document longer than " + std::to_string(options_.max_document_bytes) + " bytes truncated");
    }
    for (char& c : doc.title)
      if (c == '\n' || c == '\r') c = ' ';
    doc.title = std::string(Trim(doc.title));
    doc.text.clear();
    doc.text.reserve(doc.title.size() + 1 + body.size());
    doc.text.append(doc.title).append(1, '\n').append(body);
    doc.body_offset = doc.title.size() + 1;
    doc.origin = origin;
    on_doc_(std::move(doc));
  }

  void Text(std::string_view content) {
    size_t nl = content.find('\n');
    std::string_view header = Trim(content.substr(0, nl));
    // header: "date YYYY-MM-DD words..."
    std::string_view date_text = header.size() >= 15 ? header.substr(5, 10) : std::string_view();
    auto date = Date::Parse(date_text);
    if (!date) {
      Issue(Severity::kError, std::string(name_),
            "bad date header '" + std::string(header.substr(0, 40)) + "' (want ' date YYYY-MM-DD')");
      return;
    }
    std::string_view rest = nl == std::string_view::npos ? std::string_view() : content.substr(nl + 1);
    // Title: the first non-empty line after the header.
    while (!rest.empty() && Trim(rest.substr(0, rest.find('\n'))).empty()) {
      size_t p = rest.find('\n');
      rest = p == std::string_view::npos ? std::string_view() : rest.substr(p + 1);
    }
    size_t tl = rest.find('\n');
    Document doc;
    doc.id = FileId(content);
    doc.date = *date;
    doc.title = std::string(Trim(rest.substr(0, tl)));
    doc.text = tl == std::string_view::npos ? std::string() : std::string(rest.substr(tl + 1));
    doc.layout = Layout::kLines;
    if (doc.title.empty()) {
      Issue(Severity::kError, std::string(name_), "empty article (no title line)");
      return;
    }
    Emit(std::move(doc), std::string(name_));
  }

  // Reads a string field, or "" when absent or not a string.
  template <typename Obj>
  static std::string Field(Obj& obj, std::initializer_list<const char*> keys) {
    for (const char* k : keys) {
      auto v = obj[k];
      std::string_view sv;
      if (!v.error() && v.get_string().get(sv) == simdjson::SUCCESS) return std::string(sv);
    }
    return std::string();
  }

  bool JsonObject(std::string_view json, const std::string& origin, bool one_file) {
    simdjson::padded_string padded(json);
    simdjson::dom::element root;
    auto err = dom_parser_.parse(padded).get(root);
    if (err) {
      Issue(Severity::kError, origin, std::string("malformed JSON: ") + simdjson::error_message(err));
      return false;
    }
    simdjson::dom::object obj;
    if (root.get_object().get(obj)) {
      Issue(Severity::kError, origin, "JSON value is not an object");
      return false;
    }
    Document doc;
    doc.title = DecodeEntities(Field(obj, {"title"}));
    doc.text = DecodeEntities(Field(obj, {"text", "maintext", "full_text", "body"}));
    doc.url = Field(obj, {"url"});
    doc.source = Field(obj, {"source", "source_domain", "domain"});
    doc.language = Field(obj, {"language", "lang"});
    std::string date_text = Field(obj, {"date", "date_publish", "publish_date", "published"});
    std::string id = Field(obj, {"id"});
    if (id.empty()) {
      int64_t n;
      if (!obj["id"].get_int64().get(n)) id = std::to_string(n);
    }
    if (one_file)
      doc.id = FileId(json);
    else
      doc.id = id.empty() ? HexId(StableHash64(json)) : id;
    auto date = ParseLooseDate(date_text);
    if (!date) {
      Issue(Severity::kWarning, origin,
            "document " + doc.id + " has no valid date ('" + date_text.substr(0, 30) + "'): skipped");
      return false;
    }
    doc.date = *date;
    doc.layout = Layout::kBlankLines;
    if (Trim(doc.text).empty() && Trim(doc.title).empty()) {
      Issue(Severity::kNote, origin, "document " + doc.id + " is empty: skipped");
      return false;
    }
    Emit(std::move(doc), origin);
    return true;
  }

  void Jsonl(std::string_view content) {
    size_t line_no = 0, pos = 0;
    while (pos < content.size()) {
      size_t nl = content.find('\n', pos);
      if (nl == std::string_view::npos) nl = content.size();
      std::string_view line = content.substr(pos, nl - pos);
      pos = nl + 1;
      ++line_no;
      std::string origin = std::string(name_) + ":" + std::to_string(line_no);
      if (Trim(line).empty()) continue;
      if (line.size() > options_.max_line_bytes) {
        Issue(Severity::kError, origin,
              "line longer than " + std::to_string(options_.max_line_bytes) + " bytes skipped");
        continue;
      }
      JsonObject(line, origin, false);
    }
  }

  // Decodes the character entities that scraped text and SGML carry: named
  // ones (&amp; &quot; &lt; &gt; &apos; &nbsp; &mdash; &ndash;) and numeric ones
  // (&#8217;); control characters (Reuters' &#2; &#3;) carry no text and are
  // dropped. Two passes, for doubly escaped text ("&amp;mdash;").
  static std::string DecodeEntities(std::string_view in) {
    static const std::pair<const char*, const char*> kNamed[] = {{"amp", "&"},
                                                                 {"quot", "\""},
                                                                 {"lt", "<"},
                                                                 {"gt", ">"},
                                                                 {"apos", "'"},
                                                                 {"nbsp", " "},
                                                                 {"mdash", "\xE2\x80\x94"},
                                                                 {"ndash", "\xE2\x80\x93"}};
    std::string s(in);
    for (int pass = 0; pass < 2 && s.find('&') != std::string::npos; ++pass) {
      std::string out;
      out.reserve(s.size());
      for (size_t i = 0; i < s.size(); ++i) {
        // Text up to the next '&' is copied in one piece.
        size_t amp = s.find('&', i);
        if (amp == std::string::npos) amp = s.size();
        out.append(s, i, amp - i);
        i = amp;
        if (i == s.size()) break;
        size_t semi = s.find(';', i);
        if (semi == std::string::npos || semi - i > 8) {
          out += s[i];
          continue;
        }
        std::string_view ent = std::string_view(s).substr(i + 1, semi - i - 1);
        bool done = false;
        if (!ent.empty() && ent[0] == '#') {
          bool hex = ent.size() > 1 && (ent[1] == 'x' || ent[1] == 'X');
          std::string digits(ent.substr(hex ? 2 : 1));
          char* end = nullptr;
          long cp = std::strtol(digits.c_str(), &end, hex ? 16 : 10);
          if (!digits.empty() && *end == '\0' && cp >= 0 && cp <= 0x10FFFF) {
            if (cp >= 32) icu::UnicodeString(static_cast<UChar32>(cp)).toUTF8String(out);
            done = true;
          }
        } else {
          for (const auto& [name, rep] : kNamed)
            if (ent == name) {
              out += rep;
              done = true;
              break;
            }
        }
        if (!done) out.append(s, i, semi - i + 1);
        i = semi;
      }
      s.swap(out);
    }
    return s;
  }

  static std::string_view Between(std::string_view s, std::string_view open, std::string_view close) {
    size_t b = s.find(open);
    if (b == std::string_view::npos) return {};
    b += open.size();
    size_t e = s.find(close, b);
    if (e == std::string_view::npos) return {};
    return s.substr(b, e - b);
  }

  void Sgml(std::string_view content) {
    static const char* kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                    "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    size_t pos = 0, counted = 0;
    size_t line_no = 1;
    while (true) {
      size_t b = content.find("<REUTERS", pos);
      if (b == std::string_view::npos) break;
      line_no += std::count(content.begin() + counted, content.begin() + b, '\n');
      counted = b;
      size_t e = content.find("</REUTERS>", b);
      std::string origin = std::string(name_) + ":" + std::to_string(line_no);
      if (e == std::string_view::npos) {
        Issue(Severity::kError, origin, "unterminated <REUTERS> record");
        break;
      }
      std::string_view rec = content.substr(b, e - b);
      pos = e;
      std::string_view newid = Between(rec, "NEWID=\"", "\"");
      std::string_view date_text = Trim(Between(rec, "<DATE>", "</DATE>"));
      // "26-FEB-1987 15:01:01.79" (the day may have one digit)
      std::optional<Date> date;
      auto parts = Split(date_text.substr(0, date_text.find(' ')), '-');
      if (parts.size() == 3) {
        int month = 0;
        for (int m = 0; m < 12; ++m)
          if (parts[1] == kMonths[m]) month = m + 1;
        date = MakeDate(std::atoi(std::string(parts[2]).c_str()), month,
                        std::atoi(std::string(Trim(parts[0])).c_str()));
      }
      if (newid.empty() || !date) {
        Issue(Severity::kError, origin,
              newid.empty()
                  ? std::string("record without NEWID")
                  : "record " + std::string(newid) + ": invalid <DATE> '" + std::string(date_text) + "'");
        continue;
      }
      Document doc;
      doc.id = std::string(newid);
      doc.date = *date;
      doc.source = "reuters";
      doc.title = DecodeEntities(Trim(Between(rec, "<TITLE>", "</TITLE>")));
      std::string body = DecodeEntities(Between(rec, "<BODY>", "</BODY>"));
      std::string_view bt = Trim(body);
      for (const char* tail : {"Reuter", "REUTER"}) {
        if (EndsWith(bt, tail)) bt = Trim(bt.substr(0, bt.size() - std::string_view(tail).size()));
      }
      doc.text = std::string(bt);
      doc.layout = Layout::kIndented;
      if (doc.text.empty()) {
        // Headline-only records are common (brief wires): still a document.
        if (doc.title.empty()) continue;
      }
      Emit(std::move(doc), origin);
    }
  }

  // TABARI records: "YYMMDD ID" line, text lines, blank line. Each record is
  // one document (id = the record ID); two-digit years below 50 are 20xx.
  void Tabari(std::string_view content) {
    size_t pos = 0, line_no = 0, doc_line = 0;
    Document doc;
    bool open = false, skipping = false;
    auto finish = [&] {
      if (open && !Trim(doc.text).empty()) {
        doc.layout = Layout::kBlankLines;
        Emit(std::move(doc), std::string(name_) + ":" + std::to_string(doc_line));
      }
      doc = Document();
      open = false;
    };
    while (pos < content.size()) {
      size_t nl = content.find('\n', pos);
      if (nl == std::string_view::npos) nl = content.size();
      std::string_view line = content.substr(pos, nl - pos);
      pos = nl + 1;
      ++line_no;
      if (Trim(line).empty()) {
        finish();
        skipping = false;
        continue;
      }
      if (skipping) continue;
      if (!open && IsTabariHeader(line)) {
        std::string_view t = Trim(line);
        int yy = (t[0] - '0') * 10 + (t[1] - '0');
        int mm = (t[2] - '0') * 10 + (t[3] - '0');
        int dd = (t[4] - '0') * 10 + (t[5] - '0');
        auto date = MakeDate(yy < 50 ? 2000 + yy : 1900 + yy, mm, dd);
        if (!date) {
          Issue(Severity::kError, std::string(name_) + ":" + std::to_string(line_no),
                "invalid date in record header '" + std::string(t) + "'");
          skipping = true;  // the record's text lines
          continue;
        }
        doc.id = std::string(Trim(t.substr(7)));
        doc.date = *date;
        doc_line = line_no;
        open = true;
        continue;
      }
      if (!open) {
        Issue(Severity::kError, std::string(name_) + ":" + std::to_string(line_no),
              "text outside a record (want a 'YYMMDD ID' header line)");
        skipping = true;
        continue;
      }
      if (!doc.text.empty()) doc.text += ' ';
      doc.text.append(Trim(line));
    }
    finish();
  }

  void Html(std::string_view content) {
    HtmlArticle a;
    Status s = ExtractHtml(content, "", options_.max_html_bytes, &a);
    if (!s.ok()) {
      Issue(Severity::kError, std::string(name_), s.message());
      return;
    }
    Document doc = DocumentFromHtml(a);
    doc.id = FileId(content);
    if (!doc.date.valid() && options_.require_date) {
      Issue(Severity::kWarning, std::string(name_), "no publication date in the page: skipped");
      return;
    }
    if (Trim(doc.text).empty()) Issue(Severity::kWarning, std::string(name_), "no article text found");
    Emit(std::move(doc), std::string(name_));
  }

  void Run(std::string_view content) {
    switch (Detect(name_, content)) {
      case Format::kText:
        Text(content);
        break;
      case Format::kJsonl:
        Jsonl(content);
        break;
      case Format::kJson:
        JsonObject(content, std::string(name_), true);
        break;
      case Format::kSgml:
        Sgml(content);
        break;
      case Format::kTabari:
        Tabari(content);
        break;
      case Format::kHtml:
        Html(content);
        break;
      case Format::kUnknown:
        if (Trim(content).empty())
          Issue(Severity::kError, std::string(name_), "empty input");
        else
          Issue(Severity::kError, std::string(name_),
                "unrecognised format (want text with ' date YYYY-MM-DD' header, JSON Lines, "
                "news-please JSON or Reuters SGML)");
        break;
    }
  }

  static bool Recognised(std::string_view name, std::string_view head) {
    return Detect(name, head) != Format::kUnknown;
  }

 private:
  std::string_view name_;
  const ReadOptions& options_;
  const DocumentCallback& on_doc_;
  const IssueCallback& on_issue_;
  simdjson::dom::parser dom_parser_;
};

bool ReadFile(const fs::path& path, const ReadOptions& options, std::string* out,
              const IssueCallback& on_issue) {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (ec) {
    on_issue(ReadIssue{Severity::kError, path.string(), "cannot read: " + ec.message()});
    return false;
  }
  if (size > options.max_file_bytes) {
    on_issue(ReadIssue{Severity::kError, path.string(),
                       "file larger than " + std::to_string(options.max_file_bytes) + " bytes refused"});
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    on_issue(ReadIssue{Severity::kError, path.string(), "cannot open"});
    return false;
  }
  // Read in blocks rather than through a character iterator (ten times the
  // instructions); the size is re-checked because the file may have grown.
  out->clear();
  constexpr size_t kBlock = 1 << 20;
  while (in) {
    size_t have = out->size();
    size_t room = options.max_file_bytes - have;  // one byte more shows the file is too large
    out->resize(have + (room >= kBlock ? kBlock : room + 1));
    in.read(out->data() + have, static_cast<std::streamsize>(out->size() - have));
    out->resize(have + static_cast<size_t>(in.gcount()));
    if (out->size() > options.max_file_bytes) {
      on_issue(ReadIssue{Severity::kError, path.string(),
                         "file larger than " + std::to_string(options.max_file_bytes) + " bytes refused"});
      return false;
    }
  }
  if (in.bad()) {
    on_issue(ReadIssue{Severity::kError, path.string(), "read error"});
    return false;
  }
  return true;
}

}  // namespace

void ReadBuffer(std::string_view name, std::string_view content, const ReadOptions& options,
                const DocumentCallback& on_doc, const IssueCallback& on_issue) {
  Parser(name, options, on_doc, on_issue).Run(content);
}

namespace {

bool IsWarc(const std::string& name) {
  for (const char* ext : {".warc", ".warc.gz", ".wet", ".wet.gz", ".wat", ".wat.gz"})
    if (EndsWith(name, ext)) return true;
  return false;
}

// WARC files are streamed, never read whole; their documents pass through
// the same checks as every other document.
void ReadWarcFile(const std::string& path, const ReadOptions& options, const DocumentCallback& on_doc,
                  const IssueCallback& on_issue) {
  Parser parser(path, options, on_doc, on_issue);
  ReadWarc(
      path, options,
      [&](Document&& d) {
        std::string origin = d.origin;
        if (!d.date.valid() && options.require_date) {
          on_issue(ReadIssue{Severity::kWarning, origin, "no publication date: skipped"});
          return;
        }
        parser.Emit(std::move(d), origin);
      },
      on_issue);
}

}  // namespace

void ReadInputs(const std::vector<std::string>& paths, const ReadOptions& options,
                const DocumentCallback& on_doc, const IssueCallback& on_issue) {
  std::string content;
  for (const std::string& p : paths) {
    if (p == "-") {
      std::ostringstream ss;
      ss << std::cin.rdbuf();
      content = ss.str();
      ReadBuffer(kStdinName, content, options, on_doc, on_issue);
      continue;
    }
    std::error_code ec;
    fs::path path(p);
    if (fs::is_directory(path, ec)) {
      std::vector<fs::path> files;
      for (auto it =
               fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec)) files.push_back(it->path());
      }
      std::sort(files.begin(), files.end());
      for (const fs::path& f : files) {
        if (IsWarc(f.string())) {
          ReadWarcFile(f.string(), options, on_doc, on_issue);
          continue;
        }
        if (!ReadFile(f, options, &content, on_issue)) continue;
        if (!Parser::Recognised(f.string(), std::string_view(content).substr(0, 4096))) {
          on_issue(ReadIssue{Severity::kNote, f.string(), "not an article file: skipped"});
          continue;
        }
        ReadBuffer(f.string(), content, options, on_doc, on_issue);
      }
      continue;
    }
    if (!fs::exists(path, ec)) {
      on_issue(ReadIssue{Severity::kError, p, "no such file or directory"});
      continue;
    }
    if (IsWarc(p)) {
      ReadWarcFile(p, options, on_doc, on_issue);
      continue;
    }
    if (ReadFile(path, options, &content, on_issue)) ReadBuffer(p, content, options, on_doc, on_issue);
  }
}

}  // namespace casus
