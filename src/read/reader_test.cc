#include "casus/reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <vector>

namespace casus {

namespace {

struct Result {
  std::vector<Document> docs;
  std::vector<ReadIssue> issues;
  size_t errors() const {
    size_t n = 0;
    for (const auto& i : issues) n += i.severity == Severity::kError;
    return n;
  }
};

Result Read(std::string_view name, std::string_view content) {
  Result r;
  ReadBuffer(
      name, content, ReadOptions{}, [&](Document&& d) { r.docs.push_back(std::move(d)); },
      [&](const ReadIssue& i) { r.issues.push_back(i); });
  return r;
}

}  // namespace

TEST(Reader, TextArticleWithDateHeader) {
  Result r = Read("dir/003_abc.txt", " date 2025-05-17 WORLD News\nThe title\n\nBody one.\nBody two.\n");
  ASSERT_EQ(r.docs.size(), 1u);
  const Document& d = r.docs[0];
  EXPECT_EQ(d.id, "003_abc");
  EXPECT_EQ(d.date.ToString(), "2025-05-17");
  EXPECT_EQ(d.title, "The title");
  EXPECT_EQ(d.text.substr(0, d.body_offset), "The title\n");
  EXPECT_NE(d.text.find("Body two."), std::string::npos);
  EXPECT_EQ(d.text.find("WORLD"), std::string::npos) << "header words are navigation";
}

TEST(Reader, BadInputsAreReportedNotFatal) {
  struct Case {
    const char* name;
    const char* content;
  } cases[] = {
      {"a.txt", " date 2025-13-45 World\nTitle\nBody\n"},
      {"b.txt", ""},
      {"c.bin", "\x01\x02\x03 binary junk"},
      {"d.json", "{\"title\": \"x\", \"text\": "},
  };
  for (const auto& c : cases) {
    Result r = Read(c.name, c.content);
    EXPECT_TRUE(r.docs.empty()) << c.name;
    ASSERT_FALSE(r.issues.empty()) << c.name;
    EXPECT_NE(r.issues[0].origin.find(c.name), std::string::npos) << "issue names the file";
  }
}

TEST(Reader, JsonLinesGoesOnAfterABadLine) {
  Result r = Read("x.jsonl",
                  "{\"id\":\"a1\",\"date\":\"2006-01-03\",\"title\":\"T1\",\"text\":\"One.\"}\n"
                  "{broken\n"
                  "{\"id\":\"a3\",\"date\":\"NA\",\"title\":\"T3\",\"text\":\"Three.\"}\n"
                  "{\"id\":\"a4\",\"date\":\"2006-01-04T10:00:00Z\",\"title\":\"T4\",\"text\":\"Four.\","
                  "\"source\":\"s\"}\n");
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].id, "a1");
  EXPECT_EQ(r.docs[1].date.ToString(), "2006-01-04");
  EXPECT_EQ(r.docs[1].source, "s");
  EXPECT_EQ(r.errors(), 1u);
  EXPECT_EQ(r.issues[0].origin, "x.jsonl:2");
}

TEST(Reader, JsonHtmlEntitiesAreDecoded) {
  Result r = Read("e.jsonl",
                  "{\"id\":\"e\",\"date\":\"2006-01-03\",\"title\":\"A &amp; B\","
                  "\"text\":\"&quot;No,&quot; he said &amp;mdash; twice. It&#8217;s &#x41;.\"}\n");
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].title, "A & B");
  EXPECT_EQ(r.docs[0].text.substr(r.docs[0].body_offset),
            "\"No,\" he said \xE2\x80\x94 twice. It\xE2\x80\x99s A.");
}

TEST(Reader, StandardInputGetsAContentHashId) {
  Result a = Read("<stdin>", " date 2025-05-17\nTitle\nBody one.\n");
  Result b = Read("<stdin>", " date 2025-05-17\nTitle\nBody two.\n");
  ASSERT_EQ(a.docs.size(), 1u);
  ASSERT_EQ(b.docs.size(), 1u);
  EXPECT_EQ(a.docs[0].id.size(), 16u);
  EXPECT_NE(a.docs[0].id, b.docs[0].id);
}

TEST(Reader, NewsPleaseJson) {
  Result r = Read("path/art42.json",
                  "{\"date_publish\":\"2017-10-25 14:12:00\",\"title\":\"T\",\"maintext\":\"Body.\","
                  "\"source_domain\":\"example.com\",\"url\":\"http://example.com/a\"}");
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].id, "art42");
  EXPECT_EQ(r.docs[0].source, "example.com");
  EXPECT_EQ(r.docs[0].date.ToString(), "2017-10-25");
}

TEST(Reader, ReutersSgml) {
  Result r = Read(
      "reut2-000.sgm",
      "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"
      "<REUTERS TOPICS=\"YES\" NEWID=\"7\">\n<DATE>26-FEB-1987 15:01:01.79</DATE>\n"
      "<TEXT>&#2;\n<TITLE>IRAN &lt;SAYS&gt; IT</TITLE>\n<BODY>Iran said it attacked\n"
      "a tanker.\n    Second paragraph.\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n"
      "<REUTERS NEWID=\"8\">\n<DATE>31-FEB-1987 10:00:00.00</DATE><TEXT><BODY>x</BODY></TEXT></REUTERS>\n");
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].id, "7");
  EXPECT_EQ(r.docs[0].title, "IRAN <SAYS> IT");
  EXPECT_EQ(r.docs[0].date.ToString(), "1987-02-26");
  EXPECT_EQ(r.docs[0].text.find("Reuter", r.docs[0].body_offset), std::string::npos);
  EXPECT_EQ(r.errors(), 1u) << "31 February is reported";
}

TEST(Reader, InvalidUtf8IsRepairedWithAWarning) {
  Result r = Read("u.txt", " date 2025-05-17\nTitle\nBad \xff\xfe bytes.\n");
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_NE(r.docs[0].text.find("\xEF\xBF\xBD"), std::string::npos);
  ASSERT_FALSE(r.issues.empty());
  EXPECT_EQ(r.issues[0].severity, Severity::kWarning);
}

TEST(Reader, OversizedDocumentIsTruncated) {
  ReadOptions o;
  o.max_document_bytes = 100;
  std::string body(1000, 'a');
  std::vector<Document> docs;
  std::vector<ReadIssue> issues;
  ReadBuffer(
      "big.txt", " date 2025-05-17\nTitle\n" + body, o, [&](Document&& d) { docs.push_back(d); },
      [&](const ReadIssue& i) { issues.push_back(i); });
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_LE(docs[0].text.size(), 100u + 7u);
  ASSERT_EQ(issues.size(), 1u);
}

TEST(Reader, FilesAreReadWholeAndOversizedFilesRefused) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("casus_reader_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  // TABARI records over more than one read block (1 MB).
  std::string content;
  size_t records = 0;
  while (content.size() < (3u << 20) + 12345) {
    content += "870226 R" + std::to_string(records++) + "\nThe minister met the envoy in the capital.\n\n";
  }
  fs::path big = dir / "records.txt";
  std::ofstream(big, std::ios::binary) << content;
  auto read = [&](const ReadOptions& o, std::vector<Document>* docs, std::vector<ReadIssue>* issues) {
    ReadInputs(
        {big.string()}, o, [&](Document&& d) { docs->push_back(std::move(d)); },
        [&](const ReadIssue& i) { issues->push_back(i); });
  };
  std::vector<Document> docs;
  std::vector<ReadIssue> issues;
  read(ReadOptions{}, &docs, &issues);
  EXPECT_EQ(docs.size(), records);
  ASSERT_FALSE(docs.empty());
  EXPECT_EQ(docs.back().id, "R" + std::to_string(records - 1));

  ReadOptions small;
  small.max_file_bytes = content.size() - 1;
  docs.clear();
  issues.clear();
  read(small, &docs, &issues);
  EXPECT_TRUE(docs.empty());
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].severity, Severity::kError);
  EXPECT_NE(issues[0].message.find("larger than"), std::string::npos);
  EXPECT_NE(issues[0].origin.find("records.txt"), std::string::npos);
  fs::remove_all(dir);
}

}  // namespace casus
