#include "recognise/recogniser.h"

#include <gtest/gtest.h>

#include "testing.h"

namespace casus {

namespace {

const KnowledgeBase& Kb() {
  static KnowledgeBase* kb = [] {
    auto* k = new KnowledgeBase;
    Options o = TEST_Options();
    Status s = k->Load(o);
    if (!s.ok()) std::abort();
    return k;
  }();
  return *kb;
}

std::vector<ActorMention> Recognise(const std::string& text, Date date) {
  std::vector<Token> toks;
  Tokenize(text, 0, text.size(), &toks);
  std::vector<ActorMention> out;
  Recogniser(Kb()).Recognise(text, toks, 0, toks.size(), date, &out);
  return out;
}

}  // namespace

TEST(Recogniser, ComposesCountryAgentPerson) {
  const Date d{2025, 5, 20};
  struct Case {
    const char* text;
    const char* name;
    const char* code;
  } cases[] = {
      {"Russian Foreign Minister Sergey Lavrov said", "Russian Foreign Minister Sergey Lavrov", "RUSGOV"},
      {"US President Donald Trump said", "US President Donald Trump", "USAGOV"},
      {"the President of the United States spoke", "President of the United States", "USAGOV"},
      {"Russia's foreign minister spoke", "Russia's foreign minister", "RUSGOV"},
      {"The Kremlin said", "Kremlin", "RUSGOV"},
      {"Iraqi police arrested", "Iraqi police", "IRQCOP"},
      {"Lavrov said", "Lavrov", "RUSGOV"},
  };
  for (const auto& c : cases) {
    auto ms = Recognise(c.text, d);
    ASSERT_FALSE(ms.empty()) << c.text;
    EXPECT_EQ(ms[0].name, c.name) << c.text;
    EXPECT_EQ(ms[0].code, c.code) << c.text;
  }
}

TEST(Recogniser, DatedRoleOfAPerson) {
  auto early = Recognise("Lavrov said", Date{2003, 6, 1});
  auto late = Recognise("Lavrov said", Date{2025, 5, 20});
  ASSERT_EQ(early.size(), 1u);
  ASSERT_EQ(late.size(), 1u);
  EXPECT_NE(early[0].code, late[0].code);
  EXPECT_EQ(late[0].kb_id, early[0].kb_id);
}

TEST(Recogniser, CapitalsArePlacesAfterPrepositions) {
  auto ms = Recognise("Moscow accused Kyiv of talks held in Istanbul", Date{2025, 5, 17});
  ASSERT_EQ(ms.size(), 3u);
  EXPECT_EQ(ms[0].code, "RUSGOV");
  EXPECT_EQ(ms[1].code, "UKRGOV");
  EXPECT_TRUE(ms[2].place_only);
  ASSERT_TRUE(ms[2].place.has_value());
  EXPECT_EQ(ms[2].place->country, "TUR");
}

TEST(Recogniser, ChainsShareAgents) {
  auto ms = Recognise("The Russian and US top diplomats met", Date{2025, 5, 17});
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[0].code, "RUSGOV");
  EXPECT_EQ(ms[1].code, "USAGOV");
  EXPECT_EQ(ms[0].chain, ms[1].chain);
  auto hy = Recognise("Moscow-Kiev peace talks", Date{2025, 5, 17});
  ASSERT_EQ(hy.size(), 2u);
  EXPECT_GE(hy[0].chain, 0);
  EXPECT_EQ(hy[0].chain, hy[1].chain);
}

TEST(Recogniser, LowerCaseWordsAreNotCountries) {
  auto ms = Recognise("they told us to chad the turkey", Date{2025, 5, 17});
  for (const auto& m : ms) EXPECT_TRUE(m.agent_only || m.code.empty()) << m.name;
}

}  // namespace casus
