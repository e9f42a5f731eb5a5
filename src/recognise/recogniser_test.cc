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

namespace casus {

namespace {

// Recognises a document sentence by sentence with one memory; returns, per
// sentence, "name=code" for every mention that is an actor.
std::vector<std::string> RecogniseDocument(const std::vector<std::string>& sentences,
                                           DocumentMemory* memory) {
  std::vector<std::string> out;
  for (const std::string& s : sentences) {
    std::vector<Token> toks;
    Tokenize(s, 0, s.size(), &toks);
    std::vector<ActorMention> ms;
    Recogniser(Kb()).Recognise(s, toks, 0, toks.size(), Date{2024, 3, 14}, &ms, memory);
    std::string line;
    for (const auto& m : ms) {
      if (m.place_only || m.code.empty() || m.agent_only) continue;
      if (!line.empty()) line += " ";
      line += m.name + "=" + m.code;
    }
    out.push_back(line);
  }
  return out;
}

}  // namespace

TEST(Recogniser, LearnsFromTitlesAndAppositionsAndResolvesLaterMentions) {
  struct Case {
    const char* name;
    std::vector<std::string> sentences;
    std::vector<std::string> want;
  } cases[] = {
      {"title then surname",
       {"Chilean Foreign Minister Ana Valdes arrived.", "Valdes criticised Bolivia.", "Ms. Valdes left."},
       {"Chilean Foreign Minister Ana Valdes=CHLGOV", "Valdes=CHLGOV Bolivia=BOL", "Valdes=CHLGOV"}},
      {"apposition",
       {"Boris Petrov, the Bulgarian defence minister, spoke.", "Petrov left."},
       {"Boris Petrov=BGRGOV Bulgarian defence minister=BGRGOV", "Petrov=BGRGOV"}},
      {"pronoun with one antecedent",
       {"Putin arrived in Beijing.", "He met Xi Jinping."},
       {"Putin=RUSGOV", "He=RUSGOV Xi Jinping=CHNGOV"}},
      {"pronoun with two antecedents stays unresolved",
       {"Putin met Xi Jinping.", "He later criticised Japan."},
       {"Putin=RUSGOV Xi Jinping=CHNGOV", "Japan=JPN"}},
      {"a pronoun reaches back three sentences",
       {"Putin arrived in Beijing.", "Talks began.", "Nothing was agreed.", "He met Xi Jinping."},
       {"Putin=RUSGOV", "", "", "He=RUSGOV Xi Jinping=CHNGOV"}},
      {"but not four",
       {"Putin arrived in Beijing.", "Talks began.", "Nothing was agreed.", "Rain fell.", "He met Xi Jinping."},
       {"Putin=RUSGOV", "", "", "", "Xi Jinping=CHNGOV"}},
      {"the nearest sentence naming anyone decides",
       {"Putin arrived.", "Xi Jinping welcomed Putin.", "Talks began.", "He left."},
       {"Putin=RUSGOV", "Xi Jinping=CHNGOV Putin=RUSGOV", "", ""}},
      {"the same person twice is one antecedent",
       {"Putin said Putin would stay.", "He left."},
       {"Putin=RUSGOV Putin=RUSGOV", "He=RUSGOV"}},
      {"unknown name makes a pronoun ambiguous",
       {"Putin met Anna Kovac.", "She criticised Japan."},
       {"Putin=RUSGOV", "Japan=JPN"}},
      {"the ministry after one country's ministry",
       {"The Russian Foreign Ministry said talks failed.", "The ministry criticised Ukraine."},
       {"Russian Foreign Ministry=RUSGOV", "ministry=RUSGOV Ukraine=UKR"}},
      {"the ministry after two countries' ministries stays unresolved",
       {"The Russian Foreign Ministry and the Ukrainian foreign ministry spoke.", "The ministry left."},
       {"Russian Foreign Ministry=RUSGOV Ukrainian foreign ministry=UKRGOV", ""}},
      {"headlines teach nothing",
       {"Chilean Foreign Minister Ana Valdes Arrives In Lima", "Valdes criticised Bolivia."},
       {"Chilean Foreign Minister=CHLGOV", "Bolivia=BOL"}},
  };
  for (const auto& c : cases) {
    DocumentMemory memory;
    EXPECT_EQ(RecogniseDocument(c.sentences, &memory), c.want) << c.name;
  }
}

TEST(Recogniser, LearnedActorsKeepTheirEvidence) {
  DocumentMemory memory;
  RecogniseDocument({"Nothing here.", "Chilean Foreign Minister Ana Valdes arrived."}, &memory);
  ASSERT_EQ(memory.evidence.size(), 1u);
  EXPECT_EQ(memory.evidence[0].name, "Ana Valdes");
  EXPECT_EQ(memory.evidence[0].code, "CHLGOV");
  EXPECT_EQ(memory.evidence[0].title, "Chilean Foreign Minister");
  EXPECT_EQ(memory.evidence[0].sentence, 1);
}

}  // namespace casus
