// Bad input never crashes the engine: random bytes, absurd lines, deep HTML,
// huge sentences, truncated gzip. Each case is read and coded end to end.
#include <gtest/gtest.h>

#include <random>

#include "casus/reader.h"
#include "read/html.h"
#include "testing.h"

namespace casus {

namespace {

size_t CodeAll(std::string_view name, const std::string& content) {
  size_t docs = 0;
  ReadBuffer(
      name, content, ReadOptions{},
      [&](Document&& d) {
        ++docs;
        CodedDocument out;
        TEST_Engine().CodeDocument(d, &out);
      },
      [](const ReadIssue&) {});
  return docs;
}

}  // namespace

TEST(Robustness, RandomBytesInEveryFormat) {
  std::mt19937 rng(7);
  const char* headers[] = {" date 2025-05-17 x\nTitle\n", "{\"id\":\"r\",\"date\":\"2025-05-17\",\"text\":\"",
                           "<REUTERS NEWID=\"1\"><DATE>26-FEB-1987</DATE><BODY>",
                           "<!doctype html><html><body><p>", "870226 R1-01\n"};
  for (int round = 0; round < 40; ++round) {
    std::string junk(2000 + rng() % 20000, '\0');
    for (char& c : junk) c = static_cast<char>(rng() & 0xff);
    for (const char* h : headers) {
      CodeAll("junk.txt", std::string(h) + junk);
      CodeAll("junk.html", std::string(h) + junk);
    }
  }
  SUCCEED();
}

TEST(Robustness, AbsurdSizes) {
  // One 3 MB line of words without punctuation: force-split sentences.
  std::string words;
  for (int i = 0; i < 300000; ++i) words += i % 7 ? "Russia " : "attacked ";
  EXPECT_EQ(CodeAll("long.txt", " date 2025-05-17\nTitle\n" + words + "\n"), 1u);
  // Deeply nested HTML.
  std::string deep = "<html><body>";
  for (int i = 0; i < 20000; ++i) deep += "<div>";
  deep += "<p>Russia attacked Ukraine on Friday, officials said in a long statement.</p>";
  HtmlArticle a;
  // Refused quickly with a message (the parser's work grows with the square
  // of the depth), never a crash or a stall.
  Status deep_status = ExtractHtml(deep, "", 1 << 24, &a);
  EXPECT_FALSE(deep_status.ok());
  EXPECT_NE(deep_status.message().find("nested deeper"), std::string::npos) << deep_status.message();
  // A document over the cap given to the engine directly is refused, not cut.
  Document big;
  big.id = "big";
  big.origin = "api";
  big.date = Date{2025, 5, 17};
  big.text = std::string(TEST_Options().max_document_bytes + 1, 'a');
  CodedDocument out;
  Status big_status = TEST_Engine().CodeDocument(big, &out);
  EXPECT_FALSE(big_status.ok());
  EXPECT_NE(big_status.message().find("api: document big is longer than"), std::string::npos)
      << big_status.message();
  // Empty and whitespace-only inputs.
  EXPECT_EQ(CodeAll("empty.txt", ""), 0u);
  EXPECT_EQ(CodeAll("blank.txt", " \n\n\t\n"), 0u);
}

}  // namespace casus
