#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "casus/engine.h"

namespace casus {

namespace {

Event Mk(const std::string& doc, int sentence, const std::string& src, const std::string& tgt,
         const std::string& code, Date date, bool dated = true) {
  Event e;
  e.date = date;
  e.source.code = src;
  e.target = Actor{tgt, tgt, "", ""};
  e.cameo = code;
  e.root = code.substr(0, 2);
  Mention m;
  m.doc = doc;
  m.sentence = sentence;
  m.rule = "r";
  m.date_from_text = dated;
  e.mentions.push_back(m);
  return e;
}

}  // namespace

TEST(Merge, SameDateDyadAndCodeMerge) {
  const Date d{2025, 5, 19};
  std::vector<Event> in = {
      Mk("a", 1, "RUSGOV", "USAGOV", "041", d),
      Mk("a", 4, "USAGOV", "RUSGOV", "041", d),  // symmetric
      Mk("b", 2, "RUSGOV", "USAGOV", "041", d),
      Mk("a", 5, "RUSGOV", "USAGOV", "041", Date{2025, 5, 17}),  // other day
      Mk("a", 6, "RUSGOV", "UKRGOV", "111", d),
      Mk("a", 7, "UKRGOV", "RUSGOV", "111", d),  // directed
  };
  auto out = MergeEvents(in);
  ASSERT_EQ(out.size(), 4u);
  auto it = std::find_if(out.begin(), out.end(),
                         [](const Event& e) { return e.cameo == "041" && e.date.day == 19; });
  ASSERT_NE(it, out.end());
  EXPECT_EQ(it->num_mentions(), 3);
  EXPECT_EQ(it->num_articles(), 2);
}

TEST(Merge, UndatedMentionJoinsDatedEventOfSameArticle) {
  std::vector<Event> in = {Mk("a", 0, "RUSGOV", "UKRGOV", "046", Date{2025, 5, 17}, false),
                           Mk("a", 3, "RUSGOV", "UKRGOV", "046", Date{2025, 5, 16}, true)};
  auto out = MergeEvents(in);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].date.ToString(), "2025-05-16");
  EXPECT_EQ(out[0].num_mentions(), 2);
}

TEST(Merge, IdsAndOrderDoNotDependOnInputOrder) {
  const Date d{2025, 5, 19};
  std::vector<Event> in;
  for (int i = 0; i < 30; ++i)
    in.push_back(Mk("doc" + std::to_string(i % 7), i, i % 2 ? "RUSGOV" : "USAGOV", i % 3 ? "CHN" : "UKR",
                    i % 4 ? "041" : "111", Date{2025, 5, 10 + i % 5}));
  auto a = MergeEvents(in);
  std::mt19937 rng(42);
  std::shuffle(in.begin(), in.end(), rng);
  auto b = MergeEvents(in);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].id, b[i].id);
    EXPECT_EQ(a[i].source.code, b[i].source.code);
    EXPECT_EQ(a[i].num_mentions(), b[i].num_mentions());
  }
  (void)d;
}

}  // namespace casus
