// End-to-end checks on the two seed articles (../shared/seeds).
#include "casus/engine.h"

#include <gtest/gtest.h>

#include "casus/reader.h"
#include "testing.h"

namespace casus {

namespace {

std::vector<Event> CodeSeeds() {
  std::vector<Event> all;
  ReadInputs(
      {TEST_SharedPath("seeds")}, ReadOptions{},
      [&](Document&& d) {
        CodedDocument out;
        EXPECT_TRUE(TEST_Engine().CodeDocument(d, &out).ok());
        for (auto& e : out.events) all.push_back(std::move(e));
      },
      [](const ReadIssue& i) { ADD_FAILURE() << i.origin << ": " << i.message; });
  return MergeEvents(std::move(all));
}

bool Dyad(const Event& e, const std::string& a, const std::string& b) {
  if (!e.target) return false;
  auto starts = [](const std::string& code, const std::string& p) {
    return code.compare(0, p.size(), p) == 0;
  };
  return (starts(e.source.code, a) && starts(e.target->code, b)) ||
         (starts(e.source.code, b) && starts(e.target->code, a));
}

}  // namespace

TEST(Seeds, ExpectedEvents) {
  CASUS_REQUIRE_SHARED("seeds/000_7d0439e0854b17f7.txt");
  std::vector<Event> events = CodeSeeds();
  int phone_19 = 0, phone_17 = 0, istanbul = 0;
  for (const Event& e : events) {
    std::string date = e.date.ToString();
    if (e.cameo == "041" && Dyad(e, "RUSGOV", "USAGOV") && date == "2025-05-19") {
      ++phone_19;
      EXPECT_GE(e.num_mentions(), 2);
    }
    if (e.cameo == "041" && Dyad(e, "RUSGOV", "USAGOV") && date == "2025-05-17") {
      ++phone_17;
      EXPECT_GE(e.num_mentions(), 2);
    }
    if (e.root == "04" && Dyad(e, "RUS", "UKR") && date == "2025-05-16") {
      ++istanbul;
      ASSERT_TRUE(e.location.has_value());
      EXPECT_EQ(e.location->name, "Istanbul");
      EXPECT_EQ(e.location->country, "TUR");
    }
    for (const Mention& m : e.mentions) {
      EXPECT_EQ(m.text.find("Ireland's president"), std::string::npos);
      EXPECT_EQ(m.text.find("Qatar"), std::string::npos) << "Explore headline coded: " << m.text;
      bool biography =
          m.doc == "000_7d0439e0854b17f7" &&
          (m.text.find("Soviet") != std::string::npos || m.text.find("born") != std::string::npos ||
           m.text.find("appointed") != std::string::npos || m.text.find("tenure") != std::string::npos);
      EXPECT_FALSE(biography && e.date.year == 2025) << m.text;
    }
  }
  EXPECT_EQ(phone_19, 1);
  EXPECT_EQ(phone_17, 1);
  EXPECT_EQ(istanbul, 1);
}

}  // namespace casus
