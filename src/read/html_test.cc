#include "read/html.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "read/warc.h"

namespace casus {

namespace {

std::string Gzip(const std::string& in) {
  z_stream zs{};
  deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(compressBound(in.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

const char* kPage = R"html(<!doctype html><html lang="en-GB"><head>
<title>Ministers meet | Example News</title>
<meta property="og:title" content="Ministers meet in Geneva">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-03-12T09:30:00Z">
<link rel="canonical" href="https://news.example/ministers-meet">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<header><h1>Ministers meet in Geneva</h1></header>
<div class="content">
 <article>
  <p class="byline">By A. Writer</p>
  <p>The foreign ministers of China and Japan met in Geneva on Tuesday, their first meeting this year.</p>
  <figure><img src="x.jpg"><figcaption>The ministers, photographed on Tuesday.</figcaption></figure>
  <p>They discussed maritime disputes, trade and the situation on the Korean peninsula, officials said.</p>
  <div class="share-tools"><a href="#">Share on Facebook</a></div>
  <h2>Next steps</h2>
  <p>A follow-up meeting is planned in Tokyo next month, according to the Japanese side.</p>
 </article>
 <aside class="related"><ul><li><a href="/a">Another story with a long enough headline to count</a></li></ul></aside>
</div>
<footer>Copyright Example News</footer>
</body></html>)html";

}  // namespace

TEST(Html, MainTextAndMetadata) {
  HtmlArticle a;
  ASSERT_TRUE(ExtractHtml(kPage, "", 1 << 20, &a).ok());
  EXPECT_EQ(a.title, "Ministers meet in Geneva");
  EXPECT_EQ(a.date, "2024-03-12");
  EXPECT_EQ(a.site_name, "Example News");
  EXPECT_EQ(a.canonical_url, "https://news.example/ministers-meet");
  EXPECT_EQ(a.language, "en");
  EXPECT_EQ(
      a.text,
      "The foreign ministers of China and Japan met in Geneva on Tuesday, their first meeting this year.\n\n"
      "They discussed maritime disputes, trade and the situation on the Korean peninsula, officials said.\n\n"
      "Next steps\n\n"
      "A follow-up meeting is planned in Tokyo next month, according to the Japanese side.");
}

TEST(Html, GzipAndCharsets) {
  HtmlArticle a;
  ASSERT_TRUE(ExtractHtml(Gzip(kPage), "", 1 << 20, &a).ok());
  EXPECT_NE(a.text.find("Korean peninsula"), std::string::npos);
  // Latin-1 declared by the HTTP header: "é" is one byte 0xE9.
  std::string latin =
      "<html><body><article><p>Le minist\xE8re a publi\xE9 un communiqu\xE9 tr\xE8s long sur la "
      "r\xE9union de Gen\xE8ve, qui a dur\xE9 deux heures.</p></article></body></html>";
  ASSERT_TRUE(ExtractHtml(latin, "text/html; charset=ISO-8859-1", 1 << 20, &a).ok());
  EXPECT_NE(a.text.find("minist\xC3\xA8re"), std::string::npos) << a.text;
}

TEST(Html, BrokenInputIsNotFatal) {
  HtmlArticle a;
  EXPECT_TRUE(ExtractHtml("<p>unclosed <b>tags <div> everywhere", "", 1 << 20, &a).ok());
  EXPECT_FALSE(ExtractHtml(std::string("\x1f\x8b\x08\x00garbage", 12), "", 1 << 20, &a).ok());
}

TEST(Html, MarkupDepth) {
  EXPECT_EQ(MarkupDepth("<html><body><div><p>a<p>b<br><img src=x/></div></body></html>", 100), 3u);
  EXPECT_EQ(MarkupDepth("<div><!-- <div><div> --><script>if (a<b) x='<div>';</script></div>", 100), 2u);
  std::string deep;
  for (int i = 0; i < 20000; ++i) deep += "<span>";
  EXPECT_EQ(MarkupDepth(deep, 100), 101u);  // stops counting past the cap
  std::string list = "<ul>";
  for (int i = 0; i < 20000; ++i) list += "<li>item";  // unclosed items are siblings
  EXPECT_EQ(MarkupDepth(list, 100000), 1u);
}

TEST(Html, MultiMemberGunzip) {
  std::string two = Gzip("first ") + Gzip("second");
  std::string out;
  EXPECT_TRUE(Gunzip(two, 1 << 20, &out));
  EXPECT_EQ(out, "first second");
  std::string cut = Gzip(std::string(5000, 'x')).substr(0, 20);
  EXPECT_FALSE(Gunzip(cut, 1 << 20, &out));
}

TEST(Html, LanguageDetection) {
  EXPECT_EQ(
      DetectLanguage("The foreign ministers of China and Japan met in Geneva on Tuesday to discuss trade, "
                     "maritime disputes and the situation on the Korean peninsula."),
      "en");
  EXPECT_EQ(
      DetectLanguage("Les ministres des Affaires étrangères de la Chine et du Japon se sont rencontrés mardi "
                     "à Genève pour discuter du commerce et des différends maritimes."),
      "fr");
}

namespace {

std::string WarcRecord(const std::string& type, const std::string& uri, const std::string& block) {
  return "WARC/1.1\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
         "\r\nWARC-Date: 2024-03-13T10:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
         "Content-Length: " +
         std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

class WarcTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ =
        (std::filesystem::temp_directory_path() / ("casus_warc_" + std::to_string(::getpid()) + ".warc.gz"))
            .string();
  }
  void TearDown() override { std::filesystem::remove(path_); }
  WarcStats Read(const std::string& bytes, std::vector<Document>* docs, std::vector<ReadIssue>* issues) {
    std::ofstream(path_, std::ios::binary) << bytes;
    return ReadWarc(
        path_, ReadOptions{}, [&](Document&& d) { docs->push_back(std::move(d)); },
        [&](const ReadIssue& i) { issues->push_back(i); });
  }
  std::string path_;
};

}  // namespace

TEST_F(WarcTest, ResponsesChunkedAndGzipBodies) {
  std::string page = kPage;
  std::string plain = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page;
  std::string gz = Gzip(page);
  std::string chunked =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n"
      "Content-Encoding: gzip\r\n\r\n";
  char size[32];
  std::snprintf(size, sizeof size, "%zx\r\n", gz.size());
  chunked += size + gz + "\r\n0\r\n\r\n";
  std::string image = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG";
  std::string file = Gzip(WarcRecord("warcinfo", "", "software: test")) +
                     Gzip(WarcRecord("response", "https://a.example/1", plain)) +
                     Gzip(WarcRecord("response", "https://a.example/2", chunked)) +
                     Gzip(WarcRecord("response", "https://a.example/3", image));
  std::vector<Document> docs;
  std::vector<ReadIssue> issues;
  WarcStats st = Read(file, &docs, &issues);
  EXPECT_EQ(st.records, 4u);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].url, "https://a.example/1");
  EXPECT_EQ(docs[0].date.ToString(), "2024-03-12");  // from the page, not the crawl
  EXPECT_NE(docs[1].text.find("Korean peninsula"), std::string::npos);
  EXPECT_NE(docs[0].id, docs[1].id);
  EXPECT_TRUE(issues.empty());
}

TEST_F(WarcTest, TruncatedRecordIsReportedNotFatal) {
  std::string plain = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + std::string(kPage);
  std::string whole = WarcRecord("response", "https://a.example/1", plain);
  std::string cut = Gzip(whole);
  std::string file =
      Gzip(WarcRecord("response", "https://a.example/0", plain)) + cut.substr(0, cut.size() / 2);
  std::vector<Document> docs;
  std::vector<ReadIssue> issues;
  WarcStats st = Read(file, &docs, &issues);
  EXPECT_EQ(docs.size(), 1u);
  EXPECT_EQ(st.truncated, 1u);
  ASSERT_FALSE(issues.empty());
  EXPECT_EQ(issues[0].severity, Severity::kWarning);
}

}  // namespace casus
