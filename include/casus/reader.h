// Readers: files, directories and standard input to Documents.
//
// Formats (detected from the content, helped by the file extension):
//   text     first line ` date YYYY-MM-DD` plus page-header words, then the
//            title line, then the body (one paragraph per line).
//            id = file name without extension.
//   jsonl    one JSON object per line: id, date, title, text, optional url,
//            source, language. id = the `id` field, else a hash of the line.
//   json     one news-please article: date_publish, title, maintext or text,
//            source_domain, url. id = file name without extension.
//   sgml     Reuters-21578 <REUTERS NEWID=...> records. id = NEWID.
//   tabari   TABARI records: "YYMMDD ID" line, text lines, blank line. id = ID.
//   html     a web page, plain or gzip (.html, .htm, .html.gz): main text
//            extracted, date from the page's metadata. id = file name
//            without .html/.html.gz.
// Directories are walked recursively in sorted order; files in them that are
// none of the above are skipped (reported as notes, not errors).
//
// Every problem is reported through the error callback with the origin
// ("FILE" or "FILE:LINE") and the reading goes on with the next record or file.
#ifndef CASUS_INCLUDE_CASUS_READER_H_
#define CASUS_INCLUDE_CASUS_READER_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "casus/types.h"

namespace casus {

struct ReadOptions {
  size_t max_file_bytes = 512u << 20;    // larger files are refused
  size_t max_line_bytes = 16u << 20;     // longer JSONL lines are skipped
  size_t max_document_bytes = 4u << 20;  // longer texts are truncated (warned)
  size_t max_html_bytes = 8u << 20;      // larger pages are cut before parsing
  bool require_date = true;              // documents without a publication date are skipped (warned)
};

enum class Severity { kNote = 0, kWarning = 1, kError = 2 };

struct ReadIssue {
  Severity severity = Severity::kError;
  std::string origin;  // "FILE" or "FILE:LINE"
  std::string message;
};

using DocumentCallback = std::function<void(Document&&)>;
using IssueCallback = std::function<void(const ReadIssue&)>;

// Reads every path ("-" = standard input) and calls `on_doc` for each document,
// in a deterministic order.
void ReadInputs(const std::vector<std::string>& paths, const ReadOptions& options,
                const DocumentCallback& on_doc, const IssueCallback& on_issue);

// Parses one in-memory input named `name` (used for stdin and by tests).
void ReadBuffer(std::string_view name, std::string_view content, const ReadOptions& options,
                const DocumentCallback& on_doc, const IssueCallback& on_issue);

}  // namespace casus

#endif  // CASUS_INCLUDE_CASUS_READER_H_
