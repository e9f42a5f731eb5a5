#include "read/warc.h"

#include <zlib.h>

#include <cstdio>
#include <cstring>
#include <memory>

#include "read/html.h"
#include "util/hash.h"
#include "util/text.h"

namespace casus {

namespace {

// Bytes of a file, gunzipped on the fly when it starts with the gzip magic;
// members are concatenated. Corrupt or cut-off compressed data ends the stream
// and sets truncated().
class ByteStream {
 public:
  explicit ByteStream(const std::string& path) : file_(std::fopen(path.c_str(), "rb")) {
    if (!file_) return;
    int c1 = std::fgetc(file_), c2 = std::fgetc(file_);
    gzip_ = c1 == 0x1f && c2 == 0x8b;
    std::rewind(file_);
    if (gzip_) {
      if (inflateInit2(&zs_, 15 + 16) != Z_OK) gzip_ = false;
      else zs_open_ = true;
    }
  }
  ~ByteStream() {
    if (zs_open_) inflateEnd(&zs_);
    if (file_) std::fclose(file_);
  }
  bool ok() const { return file_ != nullptr; }
  bool truncated() const { return truncated_; }

  // Up to n bytes; 0 at the end.
  size_t Read(char* out, size_t n) {
    if (!file_) return 0;
    if (!gzip_) return std::fread(out, 1, n, file_);
    size_t produced = 0;
    while (produced < n && !done_) {
      if (zs_.avail_in == 0) {
        size_t got = std::fread(in_, 1, sizeof in_, file_);
        if (got == 0) {
          if (!member_end_) truncated_ = true;
          done_ = true;
          break;
        }
        zs_.next_in = reinterpret_cast<Bytef*>(in_);
        zs_.avail_in = static_cast<uInt>(got);
      }
      if (member_end_) {
        inflateReset(&zs_);
        member_end_ = false;
      }
      zs_.next_out = reinterpret_cast<Bytef*>(out + produced);
      zs_.avail_out = static_cast<uInt>(n - produced);
      int rc = inflate(&zs_, Z_NO_FLUSH);
      produced = n - zs_.avail_out;
      if (rc == Z_STREAM_END) {
        member_end_ = true;
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        truncated_ = true;
        done_ = true;
      }
    }
    return produced;
  }

 private:
  std::FILE* file_;
  bool gzip_ = false, zs_open_ = false, member_end_ = false, done_ = false, truncated_ = false;
  z_stream zs_{};
  char in_[64 * 1024];
};

// Line and block reads over a ByteStream.
class Reader {
 public:
  explicit Reader(ByteStream* s) : s_(s) {}
  bool Fill() {
    if (pos_ > 0) {
      buf_.erase(0, pos_);
      pos_ = 0;
    }
    char tmp[64 * 1024];
    size_t n = s_->Read(tmp, sizeof tmp);
    buf_.append(tmp, n);
    return n > 0;
  }
  // A line without its CR LF; false at the end of input. Lines are capped.
  bool Line(std::string* line, size_t cap) {
    while (true) {
      size_t nl = buf_.find('\n', pos_);
      if (nl != std::string::npos) {
        line->assign(buf_, pos_, std::min(nl - pos_, cap));
        if (!line->empty() && line->back() == '\r') line->pop_back();
        pos_ = nl + 1;
        return true;
      }
      if (buf_.size() - pos_ > cap) {  // absurd line: drop what we have
        pos_ = buf_.size();
      }
      if (!Fill()) {
        if (pos_ < buf_.size()) {
          line->assign(buf_, pos_, std::min(buf_.size() - pos_, cap));
          pos_ = buf_.size();
          return true;
        }
        return false;
      }
    }
  }
  // Exactly n bytes into `out` (or discarded when out is null); false when the
  // input ends first.
  bool Block(size_t n, std::string* out) {
    if (out) out->clear();
    while (n > 0) {
      if (pos_ == buf_.size() && !Fill()) return false;
      size_t take = std::min(n, buf_.size() - pos_);
      if (out) out->append(buf_, pos_, take);
      pos_ += take;
      n -= take;
    }
    return true;
  }

 private:
  ByteStream* s_;
  std::string buf_;
  size_t pos_ = 0;
};

std::string HeaderValue(const std::string& headers, const char* name) {
  std::string lower = AsciiLower(headers);
  std::string key = std::string("\n") + AsciiLower(name) + ":";
  size_t p = ("\n" + lower).find(key);
  if (p == std::string::npos) return "";
  size_t start = p + key.size() - 1;
  size_t end = headers.find('\n', start);
  return std::string(Trim(headers.substr(start, end == std::string::npos ? std::string::npos : end - start)));
}

// Undoes Transfer-Encoding: chunked; false when malformed.
bool Dechunk(std::string_view in, std::string* out) {
  out->clear();
  size_t pos = 0;
  while (pos < in.size()) {
    size_t eol = in.find('\n', pos);
    if (eol == std::string_view::npos) return false;
    std::string size_line(Trim(in.substr(pos, eol - pos)));
    size_t semi = size_line.find(';');
    if (semi != std::string::npos) size_line.resize(semi);
    char* end = nullptr;
    unsigned long long n = std::strtoull(size_line.c_str(), &end, 16);
    if (end == size_line.c_str()) return false;
    pos = eol + 1;
    if (n == 0) return true;
    if (pos + n > in.size()) {
      out->append(in.substr(pos));
      return false;
    }
    out->append(in.substr(pos, n));
    pos += n;
    if (pos < in.size() && in[pos] == '\r') ++pos;
    if (pos < in.size() && in[pos] == '\n') ++pos;
  }
  return true;
}

}  // namespace

WarcStats ReadWarc(const std::string& path, const ReadOptions& options, const DocumentCallback& on_doc,
                   const IssueCallback& on_issue) {
  WarcStats st;
  ByteStream stream(path);
  if (!stream.ok()) {
    on_issue(ReadIssue{Severity::kError, path, "cannot open"});
    return st;
  }
  Reader in(&stream);
  const size_t kLineCap = 64 * 1024;
  std::string line, headers, block, body, tmp;
  size_t record_no = 0;
  while (true) {
    // Version line, skipping blank lines between records.
    bool got = false;
    while ((got = in.Line(&line, kLineCap)) && Trim(line).empty()) {
    }
    if (!got) break;
    ++record_no;
    std::string origin = path + ":record " + std::to_string(record_no);
    if (!StartsWith(line, "WARC/")) {
      on_issue(ReadIssue{Severity::kError, origin, "not a WARC record header ('" + line.substr(0, 40) + "')"});
      break;
    }
    headers = "\n";
    while (in.Line(&line, kLineCap) && !line.empty()) headers += line + "\n";
    ++st.records;
    std::string length_text = HeaderValue(headers, "Content-Length");
    char* end = nullptr;
    unsigned long long length = std::strtoull(length_text.c_str(), &end, 10);
    if (length_text.empty() || end == length_text.c_str()) {
      on_issue(ReadIssue{Severity::kError, origin, "record without a valid Content-Length"});
      break;
    }
    std::string type = HeaderValue(headers, "WARC-Type");
    bool wanted = type == "response" && length <= options.max_file_bytes &&
                  StartsWith(AsciiLower(HeaderValue(headers, "Content-Type")), "application/http");
    if (!in.Block(length, wanted ? &block : nullptr)) {
      ++st.truncated;
      on_issue(ReadIssue{Severity::kWarning, origin,
                         "truncated record (" + std::to_string(length) + " bytes announced): skipped"});
      break;
    }
    if (!wanted) {
      ++st.skipped;
      continue;
    }
    // HTTP response: status line, headers, body.
    size_t head_end = block.find("\r\n\r\n");
    size_t sep = 4;
    if (head_end == std::string::npos) {
      head_end = block.find("\n\n");
      sep = 2;
    }
    if (head_end == std::string::npos) {
      ++st.skipped;
      on_issue(ReadIssue{Severity::kNote, origin, "response without HTTP headers: skipped"});
      continue;
    }
    std::string http = "\n" + block.substr(0, head_end) + "\n";
    std::string status_line = http.substr(1, http.find('\n', 1) - 1);
    std::string content_type = HeaderValue(http, "Content-Type");
    std::string ct = AsciiLower(content_type);
    bool html = ct.find("text/html") != std::string::npos || ct.find("xhtml") != std::string::npos;
    if (status_line.find(" 200") == std::string::npos || !html) {
      ++st.skipped;
      continue;
    }
    std::string_view payload = std::string_view(block).substr(head_end + sep);
    if (AsciiLower(HeaderValue(http, "Transfer-Encoding")).find("chunked") != std::string::npos) {
      Dechunk(payload, &body);
    } else {
      body.assign(payload);
    }
    std::string encoding = AsciiLower(HeaderValue(http, "Content-Encoding"));
    if (encoding == "gzip" || encoding == "x-gzip" || encoding == "deflate") {
      if (!Gunzip(body, options.max_html_bytes, &tmp) && tmp.empty()) {
        ++st.skipped;
        on_issue(ReadIssue{Severity::kWarning, origin, "corrupt " + encoding + " body: skipped"});
        continue;
      }
      body.swap(tmp);
    } else if (!encoding.empty() && encoding != "identity") {
      ++st.skipped;
      on_issue(ReadIssue{Severity::kNote, origin, "unsupported Content-Encoding '" + encoding + "': skipped"});
      continue;
    }
    HtmlArticle a;
    if (!ExtractHtml(body, content_type, options.max_html_bytes, &a).ok() || Trim(a.text).empty()) {
      ++st.skipped;
      continue;
    }
    std::string uri = HeaderValue(headers, "WARC-Target-URI");
    Document doc = DocumentFromHtml(a);
    doc.id = HexId(StableHash64(uri));
    doc.url = uri;  // the crawled address, whatever the page calls canonical
    std::string warc_date = HeaderValue(headers, "WARC-Date");
    if (!doc.date.valid())
      if (auto w = Date::Parse(warc_date.substr(0, 10))) doc.date = *w;
    doc.origin = origin;
    ++st.documents;
    on_doc(std::move(doc));
  }
  if (stream.truncated() && st.truncated == 0)
    on_issue(ReadIssue{Severity::kWarning, path, "compressed data ends early (truncated file)"});
  return st;
}

}  // namespace casus
