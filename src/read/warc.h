// WARC reader: WARC/1.0 and 1.1 files, plain or gzip (one member per record,
// as Common Crawl writes them, or one for the whole file), read as a stream in
// constant memory. `response` records carrying HTML become documents (HTTP
// headers parsed, chunked transfer and gzip/deflate content encodings undone);
// other records are skipped and counted; a truncated record is reported and
// ends the file without failing the batch.
#ifndef CASUS_SRC_READ_WARC_H_
#define CASUS_SRC_READ_WARC_H_

#include <string>

#include "casus/reader.h"

namespace casus {

struct WarcStats {
  size_t records = 0, documents = 0, skipped = 0, truncated = 0;
};

// Reads `path`; documents (id = hash of WARC-Target-URI, url, fallback date =
// WARC-Date) go to `on_doc`, problems to `on_issue`.
WarcStats ReadWarc(const std::string& path, const ReadOptions& options, const DocumentCallback& on_doc,
                   const IssueCallback& on_issue);

}  // namespace casus

#endif  // CASUS_SRC_READ_WARC_H_
