#include "recognise/recogniser.h"

#include <algorithm>

#include "segment/word_class.h"
#include "util/text.h"

namespace casus {

namespace {

struct Hit {
  size_t tb, te;
  const Phrase* phrase;
};

const LexEntry* Pick(const Phrase& p, LexKind kind) {
  for (const LexEntry& e : p.entries)
    if (e.kind == kind) return &e;
  return nullptr;
}

// The reading of a phrase we use, by priority.
const LexEntry* Primary(const Phrase& p) {
  for (LexKind k : {LexKind::kActor, LexKind::kCountry, LexKind::kCapital, LexKind::kMetonym,
                    LexKind::kAdjective, LexKind::kAgent, LexKind::kPlace}) {
    if (const LexEntry* e = Pick(p, k)) return e;
  }
  return nullptr;
}

}  // namespace

bool IsLocativePreposition(std::string_view w) { return (ClassifyWord(w) & kLocative) != 0; }

void Recogniser::Recognise(std::string_view text, const std::vector<Token>& tokens, size_t tb, size_t te,
                           const Date& date, std::vector<ActorMention>* out) const {
  std::vector<Hit> hits;
  for (size_t i = tb; i < te;) {
    size_t len = 0;
    const Phrase* p =
        tokens[i].kind == TokenKind::kPunct ? nullptr : kb_.LongestMatch(tokens, i, te, text, &len);
    if (p) {
      hits.push_back(Hit{i, i + len, p});
      i += len;
    } else {
      ++i;
    }
  }

  size_t first_new = out->size();
  for (size_t h = 0; h < hits.size();) {
    const LexEntry* e = Primary(*hits[h].phrase);
    // "South American", "Latin American": a region, not the United States.
    if (e->kind == LexKind::kAdjective && hits[h].tb > tb &&
        (tokens[hits[h].tb - 1].lower == "south" || tokens[hits[h].tb - 1].lower == "latin" ||
         tokens[hits[h].tb - 1].lower == "central" || tokens[hits[h].tb - 1].lower == "north") &&
        tokens[hits[h].tb].capitalized && tokens[hits[h].tb - 1].capitalized &&
        StartsWith(tokens[hits[h].tb].lower, "american")) {
      ++h;
      continue;
    }
    int country = -1, actor = -1, capital = -1, metonym = -1, place = -1;
    bool adjective = false, gov_ok = true;
    std::string agent;
    auto absorb = [&](const LexEntry* x) {
      switch (x->kind) {
        case LexKind::kActor:
          actor = x->index;
          break;
        case LexKind::kCountry:
          country = x->index;
          break;
        case LexKind::kAdjective:
          country = x->index;
          adjective = true;
          break;
        case LexKind::kCapital:
          capital = x->index;
          gov_ok = x->government;
          break;
        case LexKind::kMetonym:
          metonym = x->index;
          break;
        case LexKind::kAgent:
          agent = kb_.agents()[x->index].code;
          break;
        case LexKind::kPlace:
          place = x->index;
          break;
      }
    };
    absorb(e);
    size_t gb = hits[h].tb, ge = hits[h].te;
    size_t next = h + 1;
    bool eli = false;
    for (; next < hits.size(); ++next) {
      size_t gap_b = ge, gap_e = hits[next].tb;
      bool fillers = gap_e - gap_b <= 2;
      bool of_the = false;
      for (size_t k = gap_b; k < gap_e && fillers; ++k) {
        const std::string& w = tokens[k].lower;
        if (w == "former" || w == "ex") eli = true;
        if (w == "of" && k == gap_b)
          of_the = true;
        else if (w == "the" && of_the)
          continue;
        else if (!tokens[k].Is(kActorFiller))
          fillers = false;
      }
      if (!fillers) break;
      const Phrase& np = *hits[next].phrase;
      const LexEntry* ag = Pick(np, LexKind::kAgent);
      const LexEntry* ac = Pick(np, LexKind::kActor);
      const LexEntry* co = Pick(np, LexKind::kCountry);
      if (of_the) {
        // "the President of the United States"
        if (!agent.empty() && country < 0 && actor < 0 && co) {
          country = co->index;
          ge = hits[next].te;
          continue;
        }
        break;
      }
      bool has_place_part = country >= 0 || capital >= 0 || metonym >= 0;
      if (ac && (Pick(np, LexKind::kActor)->index != actor)) {
        // country/agent/org + person: "US President Donald Trump", "UN chief Guterres"
        if (has_place_part || !agent.empty() || actor >= 0) {
          actor = ac->index;
          ge = hits[next].te;
          continue;
        }
        break;
      }
      if (ag && actor < 0 && (has_place_part || !agent.empty())) {
        agent = kb_.agents()[ag->index].code;
        ge = hits[next].te;
        continue;
      }
      break;
    }
    if (gb > tb && (tokens[gb - 1].lower == "former" || tokens[gb - 1].lower == "ex")) eli = true;
    if (gb > tb + 1 && tokens[gb - 1].lower == "-" && tokens[gb - 2].lower == "ex") eli = true;

    ActorMention m;
    m.tb = gb;
    m.te = ge;
    m.name = std::string(text.substr(tokens[gb].start, tokens[ge - 1].end - tokens[gb].start));
    std::string prep = gb > tb ? tokens[gb - 1].lower : std::string();
    if (prep == "the" && gb > tb + 1) prep = tokens[gb - 2].lower;
    bool locative = (ClassifyWord(prep) & kLocative) != 0;
    if (actor >= 0) {
      const ActorEntry& a = kb_.actors()[actor];
      ResolvedRole r = kb_.Resolve(a, date);
      m.code = r.code;
      m.country = r.country;
      m.kb_id = a.id;
      if (eli && !m.country.empty()) m.code = m.country + "ELI";
      if (m.code.empty()) m.agent_only = true;
    } else if (country >= 0 || ((capital >= 0 || metonym >= 0) && !agent.empty())) {
      int c = country >= 0 ? country : (capital >= 0 ? capital : metonym);
      m.country = kb_.countries()[c].iso3;
      m.code = m.country + (eli ? "ELI" : agent);
      m.adjective_only = adjective && agent.empty() && !eli;
      // "in Syria" / "from Iraq": a country named as a place is not an actor.
      if (agent.empty() && !adjective && locative) m.place_only = true;
    } else if (capital >= 0 || metonym >= 0) {
      int c = capital >= 0 ? capital : metonym;
      const Country& cc = kb_.countries()[c];
      m.country = cc.iso3;
      m.metonym = true;
      if (capital >= 0)
        m.place = Location{cc.capital.empty() ? cc.name : cc.capital, cc.iso3, cc.lat, cc.lon};
      if (locative || !gov_ok) {
        m.place_only = true;
        m.code.clear();
      } else if (prep == "to") {
        m.code = cc.iso3;  // "a visit to Moscow": the country
      } else {
        m.code = cc.iso3 + "GOV";
      }
    } else if (!agent.empty()) {
      m.agent_only = true;
      m.code = agent;
    } else if (place >= 0) {
      // A city is only a location when the text places something in it
      // ("in Istanbul"); a capitalised "Nice" or "Split" alone is not.
      if (!locative) {
        h = next;
        continue;
      }
      const Place& p = kb_.places()[place];
      m.place = Location{p.name, p.country, p.lat, p.lon};
      m.place_only = true;
      m.country = p.country;
    } else {
      h = next;
      continue;
    }
    out->push_back(std::move(m));
    h = next;
  }

  // Conjunction chains and agent sharing.
  int chain_id = 0;
  for (size_t k = first_new; k + 1 < out->size(); ++k) {
    ActorMention& a = (*out)[k];
    ActorMention& b = (*out)[k + 1];
    if (a.place_only || b.place_only || a.agent_only || b.agent_only) continue;
    size_t gap = b.tb - a.te;
    bool joined = false;
    if (gap == 1) joined = tokens[a.te].Is(kConjunction);
    // "X, and Y", "X and the Y"
    if (gap == 2)
      joined = (tokens[a.te].lower == "," && tokens[a.te + 1].lower == "and") ||
               (tokens[a.te].lower == "and" && tokens[a.te + 1].Is(kArticle));
    if (!joined) continue;
    if (a.chain < 0) a.chain = chain_id++;
    b.chain = a.chain;
  }
  for (size_t k = first_new; k < out->size(); ++k) {
    ActorMention& a = (*out)[k];
    if (a.chain < 0 || a.country.empty() || a.code != a.country) continue;
    // Borrow the agent of a chain partner with the same kind of code.
    for (size_t j = first_new; j < out->size(); ++j) {
      const ActorMention& b = (*out)[j];
      if (j == k || b.chain != a.chain || b.country.empty() || b.code.size() != 6 || b.kb_id.size()) continue;
      if (b.code.compare(0, 3, b.country) != 0) continue;
      a.code = a.country + b.code.substr(3);
      a.adjective_only = false;
      break;
    }
  }
}

}  // namespace casus
