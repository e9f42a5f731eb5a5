#include "kb/knowledge_base.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "testing.h"

namespace casus {

namespace {

// A knowledge base written by the test itself.
class KbFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("casus_kb_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_ / "kb/actors");
    std::filesystem::create_directories(dir_ / "cameo");
    Write("kb/countries.tsv",
          "RUS\tRU\tRussia\tRussian Federation\tRussian|Russians\tMoscow\t55.75\t37.61\tKremlin\n"
          "UKR\tUA\tUkraine\t-\tUkrainian\tKyiv|Kiev\t50.45\t30.52\t-\n");
    Write("kb/agents.tsv", "GOV\tforeign minister|government\n");
    Write("kb/actors/people.tsv",
          "sergey_lavrov\tIGOUNO\t1994-04\t2004-03-08\tun ambassador\tSergey Lavrov|Lavrov\n"
          "sergey_lavrov\tRUSGOV\t2004-03-09\t-\tforeign minister\t-\n"
          "boris_yeltsin\tRUSGOV\t1991\t1999-12-31\tpresident\tBoris Yeltsin|Yeltsin\n");
    Write("cameo/events.tsv", "04\tConsult\t1.0\tCONSULT\t-\n036\tIntend to meet\t4.0\tCONSULT\t-\n");
    Write("cameo/modality.tsv", "04\t036\t-\n");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::string& rel, const std::string& content) { std::ofstream(dir_ / rel) << content; }
  Status Load() {
    Options o;
    o.data_dir = dir_.string();
    return kb_.Load(o);
  }
  const ActorEntry& Actor(const std::string& id) {
    for (const auto& a : kb_.actors())
      if (a.id == id) return a;
    static ActorEntry none;
    return none;
  }
  std::filesystem::path dir_;
  KnowledgeBase kb_;
};

}  // namespace

TEST_F(KbFixture, DatedRoles) {
  ASSERT_TRUE(Load().ok());
  struct Case {
    const char* id;
    Date date;
    const char* code;
  } cases[] = {
      {"sergey_lavrov", {2003, 6, 1}, "IGOUNO"},
      {"sergey_lavrov", {2025, 5, 20}, "RUSGOV"},
      {"boris_yeltsin", {1995, 1, 1}, "RUSGOV"},
      {"boris_yeltsin", {2005, 1, 1}, "RUSELI"},  // former president
      {"boris_yeltsin", {1980, 1, 1}, "RUS"},     // before any role
  };
  for (const auto& c : cases) EXPECT_EQ(kb_.Resolve(Actor(c.id), c.date).code, c.code) << c.id;
}

TEST_F(KbFixture, ErrorsNameFileAndLine) {
  Write("kb/actors/bad.tsv", "x\tRUSGOV\t2004-13\t-\tminister\tX\n");
  Status s = Load();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("bad.tsv:1"), std::string::npos) << s.message();
}

TEST_F(KbFixture, BadNumbersAreErrors) {
  for (const char* lat : {"5o.45", "50.45x", "", "0x1p3", "+-1"}) {
    Write("kb/countries.tsv",
          "RUS\tRU\tRussia\t-\tRussian\tMoscow\t+55.75\t37.61\t-\n"
          "UKR\tUA\tUkraine\t-\tUkrainian\tKyiv\t" +
              std::string(*lat ? lat : "-") + "\t30.52\t-\n");
    Options o;
    o.data_dir = dir_.string();
    KnowledgeBase kb;  // a fresh one each time
    Status s = kb.Load(o);
    ASSERT_FALSE(s.ok()) << lat;
    EXPECT_NE(s.message().find("countries.tsv:2: bad coordinates"), std::string::npos) << s.message();
  }
}

TEST_F(KbFixture, WrongFieldCountIsAnError) {
  Write("kb/agents.tsv", "GOV\n");
  Status s = Load();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("agents.tsv:1"), std::string::npos) << s.message();
}

TEST_F(KbFixture, KyivAndKievAreOnePlace) {
  ASSERT_TRUE(Load().ok());
  std::string text = "Kyiv Kiev";
  std::vector<Token> toks;
  Tokenize(text, 0, text.size(), &toks);
  size_t len = 0;
  const Phrase* a = kb_.LongestMatch(toks, 0, 2, text, &len);
  const Phrase* b = kb_.LongestMatch(toks, 1, 2, text, &len);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->entries[0].index, b->entries[0].index);
}

TEST_F(KbFixture, CaseRulesDecideWhatATokenStarts) {
  Write("kb/actors/orgs.tsv", "un\tIGOUNO\t1945\t-\torganisation\tUN|United Nations\n");
  ASSERT_TRUE(Load().ok());
  struct Case {
    const char* text;
    size_t length;  // of the match at the first token, 0 for none
  } cases[] = {
      {"Lavrov said", 1},
      {"lavrov said", 0},  // a name needs its capital
      {"Sergey Lavrov said", 2},
      {"the government said", 0},
      {"government said", 1},  // an agent matches in any case
      {"Government said", 1},
      {"UN envoy", 1},
      {"un envoy", 0},       // an acronym needs upper case
      {"UN ENVOY SAYS", 0},  // and a lower-case neighbour
      {"United Nations envoy", 2},
      {"Kremlin sources", 1},
      {"kremlin sources", 0},
  };
  for (const auto& c : cases) {
    std::string text = c.text;
    std::vector<Token> toks;
    Tokenize(text, 0, text.size(), &toks);
    size_t len = 0;
    const Phrase* p = kb_.LongestMatch(toks, 0, toks.size(), text, &len);
    EXPECT_EQ(p ? len : 0, c.length) << c.text;
  }
}

TEST(KnowledgeBase, RepositoryDataLoads) {
  KnowledgeBase kb;
  ASSERT_TRUE(kb.Load(TEST_Options()).ok());
  EXPECT_GE(kb.countries().size(), 195u);
  EXPECT_GE(kb.actors().size(), 1000u);
  EXPECT_TRUE(kb.FindCameo("041"));
}

TEST(RoleDate, PartialDates) {
  EXPECT_EQ(ParseRoleDate("2004", false), ParseRoleDate("2004-01-01", false));
  EXPECT_EQ(ParseRoleDate("2004-02", true), ParseRoleDate("2004-02-29", true));
  EXPECT_FALSE(ParseRoleDate("2004-13", false));
  EXPECT_EQ(ParseRoleDate("-", true), INT_MAX);
}

}  // namespace casus
