#include "recognise/recogniser.h"

#include <algorithm>

#include "segment/word_class.h"
#include "util/hash.h"
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

void Recogniser::Recognise(std::string_view text, const std::vector<Token>& tokens, size_t tb, size_t te,
                           const Date& date, std::vector<ActorMention>* out, DocumentMemory* memory) const {
  thread_local std::vector<Hit> hits;  // scratch
  hits.clear();
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
  const bool headline = HeadlineCased(tokens, tb, te);
  for (size_t h = 0; h < hits.size();) {
    const LexEntry* e = Primary(*hits[h].phrase);
    // "US$42 million": a currency, not a country.
    if (hits[h].te < te && tokens[hits[h].te].lower == "$") {
      ++h;
      continue;
    }
    // A one-word person alias inside a longer unknown name ("Jen Wen Zhang",
    // "Laura Bush") is somebody else.
    if (e->kind == LexKind::kActor && hits[h].te - hits[h].tb == 1) {
      auto unknown_name = [&](size_t t) {
        if (t < tb || t >= te) return false;
        const Token& k = tokens[t];
        if (k.kind != TokenKind::kWord || !k.capitalized || k.Is(kFunctionWord) || k.abbreviation)
          return false;
        for (const Hit& o : hits)
          if (o.tb <= t && t < o.te) return false;
        return true;
      };
      if (!headline && ((hits[h].tb > tb && unknown_name(hits[h].tb - 1)) || unknown_name(hits[h].te))) {
        ++h;
        continue;
      }
    }
    // "South American", "New South Wales", "New England", "East Germany": a
    // region, not the country. (Countries named so are phrases of their own:
    // "South Korea", "New Zealand".)
    if ((e->kind == LexKind::kAdjective || e->kind == LexKind::kCountry) && hits[h].tb > tb &&
        tokens[hits[h].tb].capitalized && tokens[hits[h].tb - 1].capitalized) {
      const std::string& w = tokens[hits[h].tb - 1].lower;
      if (w == "south" || w == "latin" || w == "central" || w == "north" || w == "new" || w == "east" ||
          w == "west" || w == "northern" || w == "southern" || w == "eastern" || w == "western") {
        ++h;
        continue;
      }
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
    // "north of Baghdad", "outside of Kabul"
    if (prep == "of" && gb >= tb + 2) {
      const std::string& d =
          tokens[gb - 2].lower == "the" && gb >= tb + 3 ? tokens[gb - 3].lower : tokens[gb - 2].lower;
      for (const char* dir : {"north", "south", "east", "west", "northeast", "northwest", "southeast",
                              "southwest", "outside", "center", "centre", "heart", "outskirts"})
        if (d == dir) locative = true;
    }
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
      // A plural demonym names people ("Cypriots rejected the plan"); an
      // adjective alone ("the Israeli strikes") only modifies.
      const std::string& last = tokens[ge - 1].lower;
      bool demonym = ge - gb == 1 && last.size() > 3 && last.back() == 's' && last[last.size() - 2] != 's';
      m.adjective_only = adjective && agent.empty() && !eli && !demonym;
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
    // "Anti-Bush protests", "the Qatar-based network": the actor only
    // modifies another word; it neither acts nor is acted on.
    if (gb >= tb + 2 && tokens[gb - 1].lower == "-" && tokens[gb - 2].lower == "anti") m.modifier_only = true;
    if (ge + 1 < te && tokens[ge].lower == "-" &&
        (tokens[ge + 1].lower == "based" || tokens[ge + 1].lower == "backed" ||
         tokens[ge + 1].lower == "led" || tokens[ge + 1].lower == "owned" || tokens[ge + 1].lower == "born" ||
         tokens[ge + 1].lower == "made"))
      m.modifier_only = true;
    out->push_back(std::move(m));
    h = next;
  }
  if (memory) {
    // Tokens of mentions are taken; a dictionary hit that made no mention
    // (a city "Anna" outside a place phrase) may still be part of a name.
    std::vector<char> covered(te - tb, 0);  // bytes: read per token below, often
    for (size_t k = first_new; k < out->size(); ++k)
      for (size_t t = (*out)[k].tb; t < (*out)[k].te; ++t) covered[t - tb] = true;
    UseMemory(text, tokens, tb, te, std::move(covered), headline, first_new, out, memory);
  }

  // Conjunction chains and agent sharing.
  int chain_id = 0;
  for (size_t k = first_new; k + 1 < out->size(); ++k) {
    ActorMention& a = (*out)[k];
    ActorMention& b = (*out)[k + 1];
    if (a.agent_only || b.agent_only) continue;
    size_t gap = b.tb - a.te;
    bool joined = false;
    if (gap == 1) joined = tokens[a.te].Is(kConjunction);
    // "X, and Y", "X and the Y"
    if (gap == 2)
      joined = (tokens[a.te].lower == "," && tokens[a.te + 1].lower == "and") ||
               (tokens[a.te].lower == "and" && tokens[a.te + 1].Is(kArticle));
    if (!joined) continue;
    // "in Poland and the Czech Republic": the preposition governs both.
    if (a.place_only && !b.place_only && (b.code == b.country || b.metonym)) {
      b.place_only = true;
      b.code.clear();
    }
    if (a.place_only || b.place_only) continue;
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

namespace {

// "he" or "she": resolved to the one person named just before.
bool HeOrShe(const Token& t) {
  constexpr uint64_t kHe = StableHash64("he"), kShe = StableHash64("she");
  return t.hash == kHe || t.hash == kShe;
}

// A capitalised open-class word that no dictionary knows: part of a name.
bool NameToken(const Token& t, bool covered) {
  return !covered && t.kind == TokenKind::kWord && t.capitalized && !t.Is(kFunctionWord) &&
         t.lower.size() >= 2 && t.lower.find('.') == std::string::npos;
}

// Words that end names of institutions, laws and programmes, not of people:
// "Criminal Assets Bureau", "Military Commissions Act".
bool InstitutionWord(const std::string& w) {
  static const char* kWords[] = {
      "act",         "bill",        "law",          "bureau",       "agency",     "council",    "committee",
      "commission",  "party",       "court",        "office",       "department", "ministry",   "service",
      "union",       "association", "organization", "organisation", "institute",  "university", "company",
      "corporation", "group",       "forces",       "army",         "police",     "bank",       "fund",
      "program",     "programme",   "treaty",       "agreement",    "accord",     "authority",  "centre",
      "center",      "board",       "front",        "movement",     "news",       "times",      "post",
      "airlines",    "press"};
  for (const char* k : kWords)
    if (w == k) return true;
  return false;
}

// A run [b, e) of name tokens that reads as a person's name: two or three
// words, not running on into more capitalised words, no institution word.
bool PersonName(const std::vector<Token>& tokens, size_t b, size_t e, size_t te) {
  if (e - b < 2 || e - b > 3) return false;
  if (e < te && tokens[e].kind == TokenKind::kWord && tokens[e].capitalized) return false;
  for (size_t t = b; t < e; ++t)
    if (InstitutionWord(tokens[t].lower)) return false;
  return true;
}

std::string Slug(std::string_view lower) {
  std::string out;
  for (char c : lower) out += (c == ' ' || c == '-') ? '_' : c;
  return out;
}

// Country + agent with no person: "Japanese Foreign Minister".
bool TitleMention(const ActorMention& m) {
  return m.kb_id.empty() && !m.country.empty() && m.code.size() == 6 &&
         m.code.compare(0, 3, m.country) == 0 && !m.place_only && !m.adjective_only && !m.metonym;
}

}  // namespace

void Recogniser::UseMemory(std::string_view text, const std::vector<Token>& tokens, size_t tb, size_t te,
                           std::vector<char> covered, bool headline, size_t first_new,
                           std::vector<ActorMention>* out, DocumentMemory* memory) const {
  auto span_text = [&](size_t b, size_t e) {
    return std::string(text.substr(tokens[b].start, tokens[e - 1].end - tokens[b].start));
  };
  auto lower_of = [&](size_t b, size_t e) {
    std::string s;
    for (size_t t = b; t < e; ++t) {
      if (t > b) s += ' ';
      s += tokens[t].lower;
    }
    return s;
  };
  auto learn = [&](size_t b, size_t e, const ActorMention& title) {
    DocumentMemory::Person p;
    p.full_lower = lower_of(b, e);
    p.last_lower = tokens[e - 1].lower;
    p.name = span_text(b, e);
    p.code = title.code;
    p.country = title.country;
    p.kb_id = "learned:" + Slug(p.full_lower);
    auto [known, added_now] = memory->learned_index.emplace(p.full_lower, memory->learned.size());
    if (!added_now) return memory->learned[known->second];
    memory->by_word[tokens[b].lower].push_back(known->second);
    if (e - b > 1) memory->by_word[p.last_lower].push_back(known->second);
    memory->learned.push_back(p);
    memory->evidence.push_back(LearnedActor{p.name, p.code, p.country, title.name, "", memory->sentence, {}});
    return p;
  };
  // Headlines capitalise every word: no learning there.

  std::vector<ActorMention> added;
  if (!headline) {
    for (size_t k = first_new; k < out->size(); ++k) {
      ActorMention& m = (*out)[k];
      if (!TitleMention(m)) continue;
      // "Japanese Foreign Minister Yoko Kamikawa": a title, then an unknown name.
      size_t e = m.te;
      while (e < te && e - m.te < 3 && NameToken(tokens[e], covered[e - tb])) ++e;
      if (PersonName(tokens, m.te, e, te)) {
        DocumentMemory::Person p = learn(m.te, e, m);
        for (size_t t = m.te; t < e; ++t) covered[t - tb] = true;
        m.te = e;
        m.name = span_text(m.tb, e);
        m.kb_id = p.kb_id;
        continue;
      }
      // "Yoko Kamikawa, the Japanese Foreign Minister": an apposition.
      size_t b = m.tb;
      if (b > tb && tokens[b - 1].Is(kArticle)) --b;
      if (b > tb + 2 && tokens[b - 1].lower == ",") {
        size_t nb = b - 1;
        while (nb > tb && b - 1 - nb < 3 && NameToken(tokens[nb - 1], covered[nb - 1 - tb])) --nb;
        if (PersonName(tokens, nb, b - 1, te) && (nb == tb || !tokens[nb - 1].capitalized)) {
          DocumentMemory::Person p = learn(nb, b - 1, m);
          for (size_t t = nb; t < b - 1; ++t) covered[t - tb] = true;
          ActorMention a;
          a.tb = nb;
          a.te = b - 1;
          a.name = p.name;
          a.code = p.code;
          a.country = p.country;
          a.kb_id = p.kb_id;
          added.push_back(a);
        }
      }
    }
  }
  // Names learned earlier in the document: "Kamikawa", "Ms. Kamikawa".
  // (Most documents have learned none: no token needs looking up.)
  const size_t names_from = memory->by_word.empty() ? te : tb;
  for (size_t t = names_from; t < te; ++t) {
    if (!NameToken(tokens[t], covered[t - tb])) continue;
    // Only names whose first or last word this is can match, in learning order.
    auto candidates = memory->by_word.find(tokens[t].lower);
    if (candidates == memory->by_word.end()) continue;
    for (size_t index : candidates->second) {
      const DocumentMemory::Person& p = memory->learned[index];
      size_t n = 1 + std::count(p.full_lower.begin(), p.full_lower.end(), ' ');
      bool full = t + n <= te && lower_of(t, t + n) == p.full_lower;
      if (!full && tokens[t].lower != p.last_lower) continue;
      size_t e = full ? t + n : t + 1;
      ActorMention a;
      a.tb = t;
      a.te = e;
      a.name = span_text(t, e);
      a.code = p.code;
      a.country = p.country;
      a.kb_id = p.kb_id;
      added.push_back(a);
      for (size_t k = t; k < e; ++k) covered[k - tb] = true;
      t = e - 1;
      break;
    }
  }
  // Persons named in this sentence's mentions (`out` from first_new, and
  // `extra`) before token `before`: known and learned persons, each once.
  auto persons_in = [&](const std::vector<ActorMention>& extra, size_t before) {
    DocumentMemory::PersonsNamed ps;
    size_t n_out = out->size() - first_new;
    for (size_t k = 0; k < n_out + extra.size() && ps.count < 2; ++k) {
      const ActorMention& m = k < n_out ? (*out)[first_new + k] : extra[k - n_out];
      if (m.kb_id.empty() || m.tb >= before || m.coreferent) continue;
      if (ps.count == 1 && m.kb_id == ps.kb_id) continue;
      const ActorEntry* entry = kb_.FindActor(m.kb_id);
      if (!StartsWith(m.kb_id, "learned:") && !(entry && entry->person)) continue;
      if (ps.count++ == 0) {
        ps.code = m.code;
        ps.country = m.country;
        ps.kb_id = m.kb_id;
      }
    }
    // Unknown names ("Anna Kovac") count too: they make a pronoun ambiguous.
    for (size_t t = tb; t + 1 < std::min(te, before) && ps.count < 2; ++t) {
      if (!NameToken(tokens[t], covered[t - tb]) || !NameToken(tokens[t + 1], covered[t + 1 - tb])) continue;
      if (t > tb && NameToken(tokens[t - 1], covered[t - 1 - tb])) continue;
      ++ps.count;  // never resolved to: it only makes a pronoun ambiguous
      ++t;
    }
    return ps;
  };
  // "He"/"she": the one person named earlier in this sentence, else in the
  // nearest earlier sentence that names any; two or more leave it unresolved.
  // (A document without he/she has none to resolve.)
  const size_t pronouns_from = memory->pronouns ? tb : te;
  for (size_t t = pronouns_from; t < te; ++t) {
    if (!HeOrShe(tokens[t])) continue;
    DocumentMemory::PersonsNamed here = persons_in(added, t);
    const DocumentMemory::PersonsNamed* pick = here.count ? &here : nullptr;
    for (auto it = memory->persons_by_sentence.rbegin(); !pick && it != memory->persons_by_sentence.rend(); ++it)
      if (it->count) pick = &*it;
    if (!pick || pick->count != 1) continue;
    const auto& p = *pick;
    ActorMention a;
    a.tb = t;
    a.te = t + 1;
    a.name = span_text(t, t + 1);
    a.code = p.code;
    a.country = p.country;
    a.kb_id = p.kb_id;
    a.coreferent = true;
    added.push_back(a);
  }
  // "the ministry", "the government": the one country recently named with that agent.
  for (size_t k = first_new; k < out->size(); ++k) {
    ActorMention& m = (*out)[k];
    if (!m.agent_only || m.tb == tb || !tokens[m.tb - 1].Is(kArticle) || m.code.size() != 3) continue;
    std::string country;
    bool unique = true;
    size_t seen = 0;
    for (auto it = memory->agent_uses.rbegin(); it != memory->agent_uses.rend() && seen < 8; ++it, ++seen) {
      if (it->agent != m.code) continue;
      if (country.empty())
        country = it->country;
      else if (country != it->country)
        unique = false;
    }
    if (country.empty() || !unique) continue;
    m.code = country + m.code;
    m.country = country;
    m.agent_only = false;
    m.coreferent = true;
  }
  for (auto& a : added) out->push_back(std::move(a));
  // In token order (mentions are heavy to move: most sentences, already in
  // order, are only checked).
  auto by_start = [](const ActorMention& x, const ActorMention& y) { return x.tb < y.tb; };
  if (!std::is_sorted(out->begin() + first_new, out->end(), by_start))
    std::sort(out->begin() + first_new, out->end(), by_start);
  // Remember this sentence for the next ones.
  if (memory->pronouns) {
    auto& recent = memory->persons_by_sentence;
    if (recent.size() == DocumentMemory::kPronounReach) recent.erase(recent.begin());
    recent.push_back(persons_in({}, te));
  }
  for (size_t k = first_new; k < out->size(); ++k) {
    const ActorMention& m = (*out)[k];
    if (!m.country.empty() && m.code.size() == 6 && m.code.compare(0, 3, m.country) == 0 && !m.place_only)
      memory->agent_uses.push_back(DocumentMemory::AgentUse{m.code.substr(3), m.country});
  }
  ++memory->sentence;
}

void DocumentMemory::Start(const std::vector<Token>& document_tokens) {
  Clear();
  pronouns =
      std::any_of(document_tokens.begin(), document_tokens.end(), [](const Token& t) { return HeOrShe(t); });
}

}  // namespace casus
