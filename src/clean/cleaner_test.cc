#include "clean/cleaner.h"

#include <gtest/gtest.h>

#include <string>

namespace casus {

namespace {

Document MakeDoc(const std::string& title, const std::string& body, Layout layout) {
  Document d;
  d.title = title;
  d.text = title + "\n" + body;
  d.body_offset = title.size() + 1;
  d.layout = layout;
  return d;
}

std::vector<std::string> Kept(const Document& d, const std::vector<Paragraph>& ps) {
  std::vector<std::string> kept;
  for (const auto& p : ps) kept.push_back(d.text.substr(p.start, p.end - p.start));
  return kept;
}

}  // namespace

TEST(Cleaner, DebrisLines) {
  struct Case {
    const char* line;
    bool debris;
  } cases[] = {
      {"1 min read", true},
      {"Photo: commons.wikimedia.org by English: Foreign Office is licensed under OGL", true},
      {"The ministry said the call took place. / REUTERS", true},
      {"SOURCE:AA", true},
      {"RelatedTRT Global - No guarantees talks with Ukraine will be smooth", true},
      {"May 17, 2025", true},
      {"By Murat Sofuoglu", true},
      {"Putin and Trump held talks on May 17, 2025.", false},
      {"Related talks were held in Geneva.", false},
      {"Moscow remains firmly committed to resolving the conflict, Lavrov added.", false},
  };
  for (const auto& c : cases) EXPECT_EQ(IsDebrisLine(c.line), c.debris) << c.line;
}

TEST(Cleaner, DropsHeadlineListsAndRepeatsKeepsBody) {
  std::string body =
      "1 min read\n"
      "Top diplomats discuss talks\n"
      "The ministers discussed the talks on Saturday.\n"
      "Recommended\n"
      "\"We will continue,\" the statement noted.\n"
      "Explore\n"
      "Ireland's president urges UN ban on Israel\n"
      "Bulgaria arrests shipowner linked to port blast\n"
      "US has a deal with China: Trump\n";
  Document d = MakeDoc("Top diplomats discuss talks", body, Layout::kLines);
  auto ps = CleanDocument(d);
  std::vector<std::string> kept = Kept(d, ps);
  ASSERT_EQ(kept.size(), 3u);
  EXPECT_TRUE(ps[0].title);
  EXPECT_EQ(kept[1], "The ministers discussed the talks on Saturday.");
  EXPECT_EQ(kept[2], "\"We will continue,\" the statement noted.");
}

TEST(Cleaner, MarksBiographyAsBackground) {
  std::string body =
      "Lavrov spoke on Monday.\n"
      "Sergey Lavrov (born 21 March 1950) is a Russian diplomat. He was appointed in March 2004.\n"
      "Boris Yeltsin (b. 1931) was the first president of Russia.\n"
      "The minister, who was born in Moscow, was born to speak.\n";
  auto ps = CleanDocument(MakeDoc("T", body, Layout::kLines));
  ASSERT_EQ(ps.size(), 5u);
  EXPECT_FALSE(ps[1].background);
  EXPECT_TRUE(ps[2].background);
  EXPECT_TRUE(ps[3].background);
  EXPECT_TRUE(ps[4].background);
}

TEST(Cleaner, WikiHeadingsSplitAndRelatedNewsEnds) {
  std::string body =
      "First part. [[Image:x.jpg|250px|thumb|Protest swept the campus.]] ===Japan, China meeting=== "
      "Second part. ==Related news== * Other story";
  Document d = MakeDoc("T", body, Layout::kBlankLines);
  std::vector<std::string> kept = Kept(d, CleanDocument(d));
  ASSERT_EQ(kept.size(), 3u) << kept.back();
  EXPECT_EQ(kept[1], "First part.");
  EXPECT_EQ(kept[2], "Second part.");
}

}  // namespace casus
