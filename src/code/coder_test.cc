// Coder cases, table-driven, through the engine with the repository's data.
#include "code/coder.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "testing.h"

namespace casus {

namespace {

std::vector<std::string> Code(const std::string& sentence, Date date = Date{2025, 5, 17}) {
  Document d;
  d.id = "t";
  d.date = date;
  d.title = "Test";
  d.text = "Test\n" + sentence;
  d.body_offset = 5;
  d.layout = Layout::kLines;
  CodedDocument out;
  EXPECT_TRUE(TEST_Engine().CodeDocument(d, &out).ok());
  std::vector<std::string> got;
  for (const Event& e : out.events)
    got.push_back(e.source.code + ">" + (e.target ? e.target->code : "-") + ":" + e.cameo + "@" +
                  e.date.ToString());
  std::sort(got.begin(), got.end());
  return got;
}

}  // namespace

TEST(Coder, Structures) {
  struct Case {
    const char* name;
    std::string sentence;
    std::vector<std::string> want;
  } cases[] = {
      {"active", "Russia attacked Ukraine.", {"RUS>UKR:190@2025-05-17"}},
      {"passive", "Ukraine was attacked by Russia.", {"RUS>UKR:190@2025-05-17"}},
      {"compound subject", "Putin and Trump met on Thursday.", {"RUSGOV>USAGOV:044@2025-05-15"}},
      {"compound object",
       "China criticised Japan and South Korea.",
       {"CHN>JPN:111@2025-05-17", "CHN>KOR:111@2025-05-17"}},
      {"reported speech", "Lavrov said Israel attacked Syria.", {"ISR>SYR:190@2025-05-17"}},
      {"negation", "Putin did not meet Trump.", {}},
      {"intent", "Putin will visit China next week.", {"RUSGOV>CHN:036@2025-05-17"}},
      {"threat", "Iran threatened to attack Israel.", {"IRN>ISR:1384@2025-05-17"}},
      {"hypothetical", "Iran could attack Israel.", {}},
      {"question", "Will Iran attack Israel?", {}},
      {"nominal between",
       "The telephone conversation between Sergey Lavrov and Marco Rubio took place.",
       {"RUSGOV>USAGOV:041@2025-05-17"}},
      {"weekday", "On Saturday, Putin met Xi Jinping.", {"RUSGOV>CHNGOV:044@2025-05-17"}},
      {"background year", "In 1994 Russia criticised NATO.", {"RUS>IGOWSTNAT:111@1994-01-01"}},
      {"no actors", "The weather was attacked by critics.", {}},
      {"bare infinitive", "Australia had troops on standby to fly to Tonga.", {}},
      {"object does not cross a comma", "France is calling for cuts, the U.S. and Japan believe.", {}},
      {"gerund without auxiliary", "The statement came after a US-Japan meeting, attended by Rumsfeld.", {}},
      {"progressive", "Putin is meeting Xi Jinping on Monday.", {"RUSGOV>CHNGOV:044@2025-05-12"}},
      {"noun after determiner", "Australia sent its support personnel to Afghanistan.", {}},
      {"apposition",
       "Marco Rubio, the US Secretary of State, met Lavrov on Tuesday.",
       {"USAGOV>RUSGOV:044@2025-05-13"}},
      {"participle with agent", "The Gaza Strip, occupied by Egypt in 1948, is disputed.", {"EGY>PSE:192@1948-01-01"}},
      {"verb inside a name", "The UN Committee Against Torture criticised Peru.", {"IGOUNO>PER:111@2025-05-17"}},
      {"topic is not a target", "Bulgaria held a meeting regarding Kosovo.", {}},
      {"noun after preposition", "The demonstration against Kosovo escalated into riots.", {}},
      {"verbal attack on a policy", "Australia attacks U.S. farm rules.", {"AUS>USA:111@2025-05-17"}},
      {"acronym in shouted text", "CAR BOMB EXPLODES AT BRITISH BASE IN GERMANY", {}},
      {"chain with article", "The US and the UN criticised the CAR government.",
       {"IGOUNO>CAFGOV:111@2025-05-17", "USA>CAFGOV:111@2025-05-17"}},
      {"currency, not a country", "The UN appealed to donors for US$42 million.", {}},
      {"alias inside another name", "Jen Wen Zhang criticised China.", {}},
      {"upper-case modal may", "SURINAM MAY TAKE NETHERLANDS TO COURT", {}},
      {"by after a longer match is not passive", "Militants denied claims by an Israeli minister.", {}},
      {"chain after a preposition is not a subject",
       "Plans for bases in Poland and the Czech Republic were condemned by Russia.", {}},
      {"praise received is not given", "Abbas is winning praise from Israel.", {}},
      {"idiom: met with surprise", "The statement was met with surprise by Iraq.", {}},
      {"idiom: meeting resistance", "Israeli troops are meeting resistance in Lebanon.", {}},
      {"anti- modifier", "Anti-Bush protests turned violent in Argentina.", {}},
      {"X-based modifier", "Bush criticised the Qatar-based network.", {}},
      {"permission is not the act", "Hamas lets Abbas negotiate with Israel.", {}},
      {"inverted quotation", "'Afghanistan is a 20-year venture' warns Canadian general", {}},
      {"topic after on", "The United States and Iran hold talks on Iraq security.", {"USA>IRN:046@2025-05-17"}},
      {"infinitive clause", "NATO envoys met in Brussels to discuss tensions with Turkey.", {}},
      {"protest needs people", "PANAMA CANAL UNAFFECTED BY POLITICAL PROTEST", {}},
      {"protest by people", "Spanish farmers staged protests on Friday.", {"ESPAGR>-:141@2025-05-16"}},
      {"target after on for coercion", "The European Union imposed new sanctions on Russia.",
       {"IGOEUREEC>RUS:163@2025-05-17"}},
      {"time clause ends the object", "Abbas and Netanyahu meet before Trump visit",
       {"PSEGOV>ISRGOV:044@2025-05-17"}},
      {"participle clause ends the object", "Poland signed a deal with the United States angering Russia.",
       {"POL>USA:057@2025-05-17"}},
      {"requested noun event", "Reporters requested a Japanese sanction of Myanmar.", {}},
      {"subject in a modified prepositional phrase", "The mother of the fallen U.S. soldier criticised Bush.", {}},
      {"direction of a capital is a place", "U.S. forces fired on a vehicle north of Baghdad.", {}},
      {"region containing a country name", "Howard criticised New South Wales.", {}},
      {"West Germany", "West Germany criticised France.", {"DEU>FRA:111@2025-05-17"}},
      {"plural demonym acts", "Greek Cypriots rejected the UN reunification plan.", {"CYP>IGOUNO:120@2025-05-17"}},
      {"adjective target of criticism", "Egeland denounced the Israeli strikes.", {}},
      {"adjective target of criticism with actor", "Lebanon denounced the Israeli strikes.",
       {"LBN>ISR:111@2025-05-17"}},
      {"air strike is not a labour strike", "Israeli troops called in an air strike.", {}},
      {"region, not a country", "A South American government criticised Colombia.", {}},
  };
  for (const auto& c : cases) EXPECT_EQ(Code(c.sentence), c.want) << c.name << ": " << c.sentence;
}

}  // namespace casus
