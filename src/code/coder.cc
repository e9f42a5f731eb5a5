#include "code/coder.h"

#include <algorithm>
#include <climits>
#include <cstdlib>

#include "code/cameo.h"
#include "segment/word_class.h"

namespace casus {

namespace {

constexpr size_t kNone = static_cast<size_t>(-1);
constexpr size_t kMaxLeft = 14;           // tokens searched left for a subject
constexpr size_t kMaxRight = 12;          // tokens searched right for an object
constexpr size_t kMaxPlaceDistance = 10;  // tokens between a verb and its location

bool IsLeftBreak(const Token& t) { return t.Is(kLeftBreak); }
bool IsRightBreak(const Token& t) { return t.Is(kRightBreak); }

bool StartsWithAny(const std::string& w, std::initializer_list<const char*> stems) {
  for (const char* s : stems)
    if (w.compare(0, std::char_traits<char>::length(s), s) == 0) return true;
  return false;
}

int QuadClass(const std::string& root) {
  int r = std::atoi(root.c_str());
  if (r <= 5) return 1;
  if (r <= 8) return 2;
  if (r <= 13) return 3;
  return 4;
}

struct Match {
  size_t tb = 0, te = 0;
  int pattern = -1;
  size_t target = kNone;  // mention index from a % slot
  bool consumed = false;  // used as a modality trigger ("threatened to ...")
};

// Per-thread scratch vectors, reused sentence after sentence (one
// SentenceCoder per thread at a time).
template <typename T>
std::vector<T>& Scratch() {
  thread_local std::vector<T> v;
  v.clear();
  return v;
}

class SentenceCoder {
 public:
  SentenceCoder(const KnowledgeBase& kb, const VerbDictionary& verbs, const Options& options,
                const SentenceContext& ctx)
      : kb_(kb),
        verbs_(verbs),
        options_(options),
        ctx_(ctx),
        toks_(*ctx.tokens),
        ms_(*ctx.mentions),
        owner_(Scratch<size_t>()),
        lemmas_(Scratch<const std::vector<int>*>()),
        matches_(Scratch<Match>()) {
    owner_.assign(ctx.te - ctx.tb, kNone);
    for (size_t k = 0; k < ms_.size(); ++k)
      for (size_t t = ms_[k].tb; t < ms_[k].te; ++t) owner_[t - ctx.tb] = k;
    // A title-cased or upper-cased sentence (a headline) capitalises verbs too.
    headline_ = ctx.title || HeadlineCased(toks_, ctx.tb, ctx.te);
    lemmas_.reserve(ctx.te - ctx.tb);
    // Lemmas present in the sentence, marked with this sentence's stamp.
    thread_local std::vector<uint32_t> stamps;
    thread_local uint32_t stamp = 0;
    if (stamps.size() != verbs_.lemma_count()) {
      stamps.assign(verbs_.lemma_count(), 0);
      stamp = 0;
    }
    if (++stamp == 0) {
      std::fill(stamps.begin(), stamps.end(), 0);
      stamp = 1;
    }
    present_ = &stamps;
    stamp_ = stamp;
    for (size_t t = ctx.tb; t < ctx.te; ++t) {
      const std::vector<int>* ls = verbs_.Lemmas(toks_[t].hash);
      lemmas_.push_back(ls);
      if (ls)
        for (int l : *ls) stamps[l] = stamp;
    }
  }
  // False when some required word of a pattern is absent from the sentence;
  // `required` is the pattern's run of VerbDictionary::Required() after its
  // length.
  bool MayMatch(const int* required, const int* end) const {
    while (required < end) {
      int n = *required++;
      bool any = false;
      for (int k = 0; k < n && !any; ++k) any = (*present_)[required[k]] == stamp_;
      if (!any) return false;
      required += n;
    }
    return true;
  }

  void Run(std::vector<CodedMention>* out);

 private:
  size_t Owner(size_t t) const { return t >= ctx_.tb && t < ctx_.te ? owner_[t - ctx_.tb] : kNone; }
  bool Usable(size_t m, bool allow_adjective) const { return ms_[m].CanAct(allow_adjective); }
  bool BlocksWord(size_t t) const {
    size_t m = Owner(t);
    return m != kNone && !ms_[m].agent_only;
  }
  bool TokenHasLemma(size_t t, int lemma) const {
    const std::vector<int>* ls = lemmas_[t - ctx_.tb];
    return ls && std::find(ls->begin(), ls->end(), lemma) != ls->end();
  }
  // Length in tokens of an alternative of `e` matching at `pos`, or 0.
  size_t MatchWord(const PatternElem& e, size_t pos, size_t alt) const {
    const std::vector<int>& run = e.alts[alt];
    for (size_t k = 0; k < run.size(); ++k)
      if (pos + k >= ctx_.te || BlocksWord(pos + k) || !TokenHasLemma(pos + k, run[k])) return 0;
    return run.size();
  }
  bool TryMatch(const VerbPattern& p, size_t k, size_t pos, size_t* end, size_t* target) const;
  void FindMatches();
  size_t LeftSubject(size_t from, bool allow_prep) const;
  // The first actor after `from` in the clause. With `topic_stop`, "on" and
  // "over" end the search: "talks on Iraq" names a topic, while "sanctions
  // on Russia" (coercive codes, roots 14-20) names the target.
  // With `adjectives`, an adjective names the target too: "denounced the
  // Israeli strikes" (criticism, rejection and threats aim at what X did).
  size_t RightObject(size_t from, bool topic_stop = true, bool adjectives = false) const;
  size_t AfterBy(size_t from) const;
  std::vector<size_t> Chain(size_t m) const;
  bool Passive(const Match& mt) const;
  // 0 asserted, 1 intent, 2 threat, -1 drop (hypothetical)
  int ModalityOf(size_t from, size_t verb_tb, size_t* trigger) const;
  bool Negated(size_t from, size_t verb_tb) const;
  void Emit(const Match& mt, size_t src, size_t tgt, const std::string& note, std::vector<CodedMention>* out);

  const KnowledgeBase& kb_;
  const VerbDictionary& verbs_;
  const Options& options_;
  const SentenceContext& ctx_;
  const std::vector<Token>& toks_;
  const std::vector<ActorMention>& ms_;
  std::vector<size_t>& owner_;                    // per token: mention index or kNone
  std::vector<const std::vector<int>*>& lemmas_;  // per token: lemma ids or null
  const std::vector<uint32_t>* present_ = nullptr;
  bool headline_ = false;
  uint32_t stamp_ = 0;
  std::vector<Match>& matches_;
  std::vector<DateExpr> dates_;
  std::vector<size_t> date_owner_;  // per date expression: match index
};

bool SentenceCoder::TryMatch(const VerbPattern& p, size_t k, size_t pos, size_t* end, size_t* target) const {
  if (k == p.elems.size()) {
    *end = pos;
    return true;
  }
  const PatternElem& e = p.elems[k];
  switch (e.kind) {
    case PatternElem::Kind::kWord:
      for (size_t a = 0; a < e.alts.size(); ++a) {
        size_t n = MatchWord(e, pos, a);
        if (n && TryMatch(p, k + 1, pos + n, end, target)) return true;
      }
      return e.optional && TryMatch(p, k + 1, pos, end, target);
    case PatternElem::Kind::kGap:
      for (size_t g = 0; g <= 3; ++g) {
        if (g > 0) {
          size_t t = pos + g - 1;
          if (t >= ctx_.te || Owner(t) != kNone || toks_[t].Is(kClausePunct)) break;
        }
        if (TryMatch(p, k + 1, pos + g, end, target)) return true;
      }
      return false;
    case PatternElem::Kind::kTarget: {
      size_t q = pos;
      if (q < ctx_.te && toks_[q].Is(kArticle)) ++q;
      size_t m = Owner(q);
      if (m == kNone || ms_[m].tb != q || !Usable(m, false)) return false;
      size_t saved = *target;
      *target = m;
      if (TryMatch(p, k + 1, ms_[m].te, end, target)) return true;
      *target = saved;
      return false;
    }
  }
  return false;
}

void SentenceCoder::FindMatches() {
  for (size_t i = ctx_.tb; i < ctx_.te; ++i) {
    if (BlocksWord(i)) continue;
    const std::vector<int>* ls = lemmas_[i - ctx_.tb];
    if (!ls) continue;
    Match best;
    for (int l : *ls) {
      for (const auto& group : verbs_.GroupsFor(l)) {
        if (group.anchor >= 0 && (*present_)[group.anchor] != stamp_) continue;
        const int* required = verbs_.Required(group);
        for (int pi : verbs_.Patterns(group)) {
          const int* next = required + 1 + *required;
          bool may = MayMatch(required + 1, next);
          required = next;
          size_t end = 0, target = kNone;
          if (!may || pi == best.pattern) continue;
          const VerbPattern& p = verbs_.pattern(pi);
          if (!TryMatch(p, 0, i, &end, &target)) continue;
          // Longest match; then the most literal words ("call in * air strike"
          // over "call * strike"); then the first in the files.
          int lit = p.literals, best_lit = best.pattern < 0 ? -1 : verbs_.pattern(best.pattern).literals;
          if (best.pattern < 0 || end > best.te ||
              (end == best.te && (lit > best_lit || (lit == best_lit && pi < best.pattern)))) {
            best.tb = i;
            best.te = end;
            best.pattern = pi;
            best.target = target;
          }
        }
      }
    }
    if (best.pattern < 0) continue;
    // After a preposition other than "to" a word is a noun ("escalated into
    // riots"); a capitalised word between capitalised words in running text
    // is part of a name ("the Committee Against Torture").
    if (!verbs_.pattern(best.pattern).noun && i > ctx_.tb &&
        ((toks_[i - 1].Is(kPreposition) && toks_[i - 1].lower != "to") ||
         (!headline_ && toks_[i].capitalized && toks_[i - 1].capitalized && i - 1 > ctx_.tb)))
      continue;
    // "before Bush visit": an actor inside a prepositional phrase is not the
    // subject of the word after it, which is a noun.
    if (!verbs_.pattern(best.pattern).noun && i > ctx_.tb && Owner(i - 1) != kNone) {
      size_t b = ms_[Owner(i - 1)].tb;
      if (ms_[Owner(i - 1)].te == i && b > ctx_.tb && toks_[b - 1].Is(kPreposition)) continue;
    }
    // After a determiner a word is a noun: "the attack", "their support".
    if (!verbs_.pattern(best.pattern).noun && i > ctx_.tb && toks_[i - 1].Is(kDeterminer)) continue;
    // An -ing form is a verb only after a form of "be" ("are meeting"); "a
    // US-Japan meeting" or "rulers expressing concern" is a noun or a
    // participle, which only N patterns may code.
    if (!verbs_.pattern(best.pattern).noun && toks_[i].lower.size() > 4 &&
        toks_[i].lower.compare(toks_[i].lower.size() - 3, 3, "ing") == 0) {
      bool aux = false;
      for (size_t t = i; t > ctx_.tb;) {
        --t;
        if (toks_[t].Is(kAuxProgressive)) aux = true;
        if (!toks_[t].Is(kAdverbSkip)) break;
      }
      if (!aux) continue;
    }
    matches_.push_back(best);
    i = best.te - 1;
  }
}

size_t SentenceCoder::LeftSubject(size_t from, bool allow_prep) const {
  size_t steps = 0;
  for (size_t t = from; t > ctx_.tb && steps < kMaxLeft; ++steps) {
    --t;
    if (IsLeftBreak(toks_[t])) return kNone;
    size_t m = Owner(t);
    if (m == kNone) continue;
    t = ms_[m].tb;
    if (!Usable(m, false)) continue;
    // A conjoined actor stands where its chain starts: "in Poland and the
    // Czech Republic" is as prepositional as "in Poland".
    size_t before = ms_[Chain(m).front()].tb;
    // Skip an article and up to two modifiers: "of the fallen U.S. soldier".
    for (int mods = 0; before > ctx_.tb; --before) {
      const Token& b = toks_[before - 1];
      if (b.Is(kArticle)) continue;
      if (mods < 2 && b.kind == TokenKind::kWord && !b.Is(kFunctionWord) && !b.capitalized &&
          Owner(before - 1) == kNone) {
        ++mods;
        continue;
      }
      break;
    }
    if (!allow_prep && before > ctx_.tb && toks_[before - 1].Is(kPreposition)) {
      t = std::min(t, before);
      continue;
    }
    return m;
  }
  return kNone;
}

size_t SentenceCoder::RightObject(size_t from, bool topic_stop, bool adjectives) const {
  for (size_t t = from, steps = 0; t < ctx_.te && steps < kMaxRight; ++t, ++steps) {
    if (IsRightBreak(toks_[t]) || toks_[t].lower == ",") return kNone;
    if (toks_[t].Is(kTopicWord) && (topic_stop || (toks_[t].lower != "on" && toks_[t].lower != "over")))
      return kNone;
    // "sign a deal angering Russia": a participle opens a new clause.
    if (toks_[t].kind == TokenKind::kWord && !toks_[t].capitalized && toks_[t].lower.size() > 5 &&
        toks_[t].lower.compare(toks_[t].lower.size() - 3, 3, "ing") == 0 && Owner(t) == kNone &&
        (t == 0 || !toks_[t - 1].Is(kDeterminer)))
      return kNone;
    // "met in Brussels to discuss tensions between Greece and Turkey": an
    // infinitive opens a new clause ("to Moscow", "to the US" do not).
    if (toks_[t].lower == "to" && t + 1 < ctx_.te && toks_[t + 1].kind == TokenKind::kWord &&
        !toks_[t + 1].capitalized && !toks_[t + 1].Is(kDeterminer) && Owner(t + 1) == kNone)
      return kNone;
    size_t m = Owner(t);
    if (m == kNone) continue;
    if (Usable(m, adjectives)) return m;
    t = ms_[m].te - 1;
  }
  return kNone;
}

size_t SentenceCoder::AfterBy(size_t from) const {
  for (size_t t = from; t < ctx_.te && t < from + 8; ++t) {
    if (IsRightBreak(toks_[t])) return kNone;
    if (toks_[t].lower != "by") continue;
    size_t q = t + 1;
    if (q < ctx_.te && toks_[q].Is(kArticle)) ++q;
    size_t m = Owner(q);
    if (m != kNone && ms_[m].tb == q && Usable(m, false)) return m;
    return kNone;
  }
  return kNone;
}

std::vector<size_t> SentenceCoder::Chain(size_t m) const {
  std::vector<size_t> out;
  if (ms_[m].chain < 0) return {m};
  for (size_t k = 0; k < ms_.size(); ++k)
    if (ms_[k].chain == ms_[m].chain && !ms_[k].place_only && !ms_[k].agent_only) out.push_back(k);
  return out;
}

bool SentenceCoder::Passive(const Match& mt) const {
  const std::string& w = toks_[mt.tb].lower;
  if (w.size() < 3 || w.compare(w.size() - 3, 3, "ing") == 0) return false;
  const VerbPattern& p = verbs_.pattern(mt.pattern);
  if (p.noun) return false;
  // Inflected form, not the bare lemma: "met", "attacked".
  bool bare = false;
  for (const auto& alt : p.elems[0].alts)
    if (verbs_.lemma(alt[0]) == w) bare = true;
  if (bare && w.back() != 'd' && w.back() != 'n' && w.back() != 't') return false;
  if (w.back() == 's' && w[w.size() - 2] != 's') return false;
  // "The Gaza Strip, occupied by Egypt": a participle with its agent.
  if (mt.te == mt.tb + 1 && mt.te < ctx_.te && toks_[mt.te].lower == "by" && !bare && mt.tb > ctx_.tb &&
      toks_[mt.tb - 1].lower == ",")
    return true;
  for (size_t t = mt.tb, steps = 0; t > ctx_.tb && steps < 4; ++steps) {
    --t;
    if (toks_[t].Is(kAuxPassive)) return true;
    const std::string& b = toks_[t].lower;
    bool adverb = (b.size() > 3 && b.compare(b.size() - 2, 2, "ly") == 0) || toks_[t].Is(kAdverbSkip);
    if (!adverb) return false;
  }
  return false;
}

int SentenceCoder::ModalityOf(size_t from, size_t verb_tb, size_t* trigger) const {
  *trigger = kNone;
  for (size_t t = ctx_.tb; t < verb_tb; ++t)
    if (toks_[t].Is(kConditional)) return -1;
  if (ctx_.te > ctx_.tb && toks_[ctx_.te - 1].lower == "?") return -1;
  size_t lo = verb_tb > 6 ? std::max(from, verb_tb - 6) : from;
  for (size_t t = verb_tb; t > lo;) {
    --t;
    const Token& tok = toks_[t];
    const std::string& w = tok.lower;
    if (tok.Is(kFuture)) return 1;
    if (tok.Is(kHypothetical)) return -1;
    // "let him negotiate": permission, not the act.
    if (w == "let" || w == "lets" || w == "letting") return -1;
    // "may" is a modal unless it is the month ("May 19", "in May"); in
    // upper-case headlines ("SURINAM MAY TAKE ...") capitals tell nothing.
    if (w == "may") {
      bool month = tok.capitalized && !headline_;
      if (t + 1 < ctx_.te && toks_[t + 1].kind == TokenKind::kNumber) month = true;
      if (!month) return -1;
    }
    if (w == "to" && t > ctx_.tb) {
      const std::string& v = toks_[t - 1].lower;
      if (StartsWithAny(v, {"threat", "warn"})) {
        *trigger = t - 1;
        return 2;
      }
      if (StartsWithAny(
              v, {"plan",  "intend",  "aim",   "want",  "hope",     "expect", "seek",    "sought", "agree",
                  "decid", "promis",  "pledg", "vow",   "offer",    "prepar", "schedul", "due",    "likely",
                  "ready", "willing", "set",   "going", "prepared", "wish",   "propos"})) {
        *trigger = t - 1;
        return 1;
      }
      // Any other infinitive ("on standby to fly to Tonga", "took to the
      // streets to protest") does not report the act itself.
      return t + 1 == verb_tb ? -1 : 0;
    }
  }
  return 0;
}

bool SentenceCoder::Negated(size_t from, size_t verb_tb) const {
  size_t lo = verb_tb > 5 ? std::max(from, verb_tb - 5) : from;
  for (size_t t = lo; t < verb_tb; ++t) {
    const std::string& w = toks_[t].lower;
    if (toks_[t].Is(kNegator)) return true;
    if (StartsWithAny(w, {"refus", "fail", "declin"}) && t + 1 < ctx_.te && toks_[t + 1].lower == "to")
      return true;
  }
  return false;
}

void SentenceCoder::Emit(const Match& mt, size_t src, size_t tgt, const std::string& note,
                         std::vector<CodedMention>* out) {
  const VerbPattern& p = verbs_.pattern(mt.pattern);
  if (src == kNone || src == tgt) return;
  const ActorMention& s = ms_[src];
  if (tgt != kNone) {
    const ActorMention& t = ms_[tgt];
    if (t.code == s.code) return;
    // "US ... US Defense Secretary": a country acting on its own government.
    if (!t.country.empty() && t.country == s.country && (t.code == t.country || s.code == s.country)) return;
  }
  // Only protests go without a target, and only by people named as a group
  // ("Spanish farmers", "Belgrade protesters"), not by a bare country.
  if (tgt == kNone && (p.code.compare(0, 2, "14") != 0 || s.code.size() != 6 || s.code == s.country + "GOV"))
    return;

  size_t from = s.te <= mt.tb ? s.te : ctx_.tb;
  // "requested Japanese sanctions on Myanmar", "called for talks": a noun
  // event that is asked for, planned or threatened has not happened.
  if (p.noun) {
    for (size_t t = mt.tb > ctx_.tb + 5 ? mt.tb - 5 : ctx_.tb; t < mt.tb; ++t)
      if (StartsWithAny(toks_[t].lower, {"request", "call", "urg", "demand", "seek", "sought", "ask",
                                         "propos", "want", "plan", "threat", "consider", "push"}))
        return;
  }
  // "Hamas lets Abbas negotiate", "made Iran attack": the subject is the
  // object of a causative verb; the act is permitted or caused, not reported.
  if (s.te <= mt.tb && s.tb > ctx_.tb) {
    size_t b = s.tb - 1;
    if (b > ctx_.tb && toks_[b].Is(kArticle)) --b;
    const std::string& w = toks_[b].lower;
    if (w == "let" || w == "lets" || w == "letting" || w == "make" || w == "made" || w == "makes" ||
        w == "help" || w == "helped" || w == "helps")
      return;
  }
  bool negated = p.noun ? (mt.tb > ctx_.tb && toks_[mt.tb - 1].Is(kNegator)) || Negated(from, mt.tb)
                        : Negated(from, mt.tb);
  if (negated && !options_.keep_negated) return;
  size_t trigger = kNone;
  int modality = p.noun ? 0 : ModalityOf(from, mt.tb, &trigger);
  if (modality < 0) return;
  std::string code = p.code;
  if (modality > 0) {
    code = kb_.ModalCode(code.substr(0, 2), modality == 2);
    if (code.empty()) return;
  }
  const CameoCode* cc = kb_.FindCameo(code);
  if (!cc && code.size() > 3) cc = kb_.FindCameo(code.substr(0, 3));
  if (!cc) return;

  // Date: the nearest date expression this match owns.
  size_t mi = &mt - matches_.data();
  const DateExpr* date = nullptr;
  size_t best = kNone;
  for (size_t d = 0; d < dates_.size(); ++d) {
    if (date_owner_[d] != mi) continue;
    size_t dist =
        dates_[d].tb >= mt.te ? dates_[d].tb - mt.te : (mt.tb >= dates_[d].te ? mt.tb - dates_[d].te : 0);
    if (dist < best) {
      best = dist;
      date = &dates_[d];
    }
  }
  if (!date && ctx_.background) return;

  CodedMention cm;
  Event& e = cm.event;
  // "Russian-Ukrainian negotiations": adjectives in a diplomatic noun event
  // stand for the governments.
  auto actor_of = [&](const ActorMention& a) {
    Actor out{a.code, a.name, a.country, a.kb_id};
    int root = std::atoi(cc->code.substr(0, 2).c_str());
    if (p.noun && a.adjective_only && root >= 3 && root <= 6) out.code = a.country + "GOV";
    return out;
  };
  e.date = date ? date->date : ctx_.published;
  e.date_precision = date ? date->precision : DatePrecision::kDay;
  cm.date_from_text = date != nullptr;
  e.source = actor_of(s);
  if (tgt != kNone) e.target = actor_of(ms_[tgt]);
  e.cameo = cc->code;
  e.root = cc->code.substr(0, 2);
  e.quad_class = QuadClass(e.root);
  e.goldstein = cc->goldstein;
  e.plover_type = cc->plover_type;
  e.plover_mode = cc->plover_mode;
  e.negated = negated;
  e.modality = modality == 0 ? Modality::kAsserted : (modality == 1 ? Modality::kIntent : Modality::kThreat);
  // Location: the nearest place named in the sentence ("in Istanbul").
  size_t best_place = kNone;
  for (size_t k = 0; k < ms_.size(); ++k) {
    if (!ms_[k].place || !ms_[k].place_only) continue;
    size_t lo = std::min(ms_[k].te, mt.tb), hi = std::max(ms_[k].tb, mt.te);
    bool crosses = false;  // a comma or clause break between place and verb
    for (size_t t = lo; t < hi && !crosses; ++t) crosses = toks_[t].lower == "," || IsLeftBreak(toks_[t]);
    size_t dist = ms_[k].tb >= mt.te ? ms_[k].tb - mt.te : mt.tb - std::min(mt.tb, ms_[k].te);
    if (crosses || dist > kMaxPlaceDistance) continue;
    if (dist < best_place) {
      best_place = dist;
      e.location = ms_[k].place;
    }
  }
  Mention m;
  m.rule = p.origin + " " + (p.noun ? "N " : "V ") + p.text + note;
  auto span = [&](size_t b, size_t e) {
    return std::string(ctx_.text.substr(toks_[b].start, toks_[e - 1].end - toks_[b].start));
  };
  m.source_text = span(s.tb, s.te);
  if (tgt != kNone) m.target_text = span(ms_[tgt].tb, ms_[tgt].te);
  m.trigger_text = span(mt.tb, mt.te);
  if (modality == 1) m.rule += " [intent]";
  if (modality == 2) m.rule += " [threat]";
  if (negated) m.rule += " [negated]";
  if (date) {
    m.rule += " [date: " +
              std::string(
                  ctx_.text.substr(toks_[date->tb].start, toks_[date->te - 1].end - toks_[date->tb].start)) +
              "]";
  }
  e.mentions.push_back(std::move(m));
  out->push_back(std::move(cm));
}

void SentenceCoder::Run(std::vector<CodedMention>* out) {
  FindMatches();
  if (matches_.empty()) return;
  // Modality triggers that are themselves matches ("threatened to attack")
  // yield to the verb they govern.
  for (Match& mt : matches_) {
    size_t trigger;
    ModalityOf(ctx_.tb, mt.tb, &trigger);
    if (trigger == kNone) continue;
    for (Match& other : matches_)
      if (&other != &mt && other.tb <= trigger && trigger < other.te) other.consumed = true;
  }
  bool future = false;
  for (size_t t = ctx_.tb; t < ctx_.te; ++t)
    if (toks_[t].Is(kFuture)) future = true;
  struct Candidate {
    size_t match;
    std::vector<std::pair<size_t, size_t>> pairs;
    std::string note;
  };
  std::vector<Candidate> actors;
  for (const Match& mt : matches_) {
    const VerbPattern& p = verbs_.pattern(mt.pattern);
    if (p.code.empty() || mt.consumed) continue;
    std::vector<std::pair<size_t, size_t>> pairs;
    std::string note;
    if (!p.noun) {
      size_t src = kNone, tgt = mt.target;
      // "'Afghanistan is a long venture', warns Canadian general": after a
      // quotation the verb comes before its subject, and what was said is no
      // actor. Not coded.
      if (mt.tb > ctx_.tb && (toks_[mt.tb - 1].lower == "\"" || toks_[mt.tb - 1].lower == "'" ||
                              toks_[mt.tb - 1].lower == ",")) {
        size_t q = mt.tb + 1;  // the word after the verb
        if (q < ctx_.te && toks_[q].Is(kArticle)) ++q;
        size_t after = Owner(q);
        bool quoted = false;
        for (size_t t = ctx_.tb; t < mt.tb && !quoted; ++t)
          quoted = toks_[t].lower == "\"" || toks_[t].lower == "'";
        if (after != kNone && ms_[after].tb == q && quoted) continue;
      }
      if (Passive(mt)) {
        tgt = LeftSubject(mt.tb, false);
        src = AfterBy(mt.te);
        note = " [passive]";
      } else {
        src = LeftSubject(mt.tb, false);
        int root = std::atoi(p.code.substr(0, 2).c_str());
        if (tgt == kNone) tgt = RightObject(mt.te, root <= 13, root >= 11 && root <= 13);
      }
      if (src == kNone) continue;
      std::vector<size_t> srcs = Chain(src);
      if (tgt == kNone && srcs.size() >= 2 && SymmetricCode(p.code)) {
        pairs.emplace_back(srcs[0], srcs[1]);
      } else {
        std::vector<size_t> tgts = tgt == kNone ? std::vector<size_t>{kNone} : Chain(tgt);
        for (size_t s : srcs)
          for (size_t t : tgts) pairs.emplace_back(s, t);
      }
    } else {
      // Noun events.
      size_t after = mt.te;
      size_t with = kNone;
      if (after < ctx_.te && toks_[after].lower == "between") {
        size_t q = after + 1;
        if (q < ctx_.te && toks_[q].lower == "the") ++q;
        size_t a = Owner(q);
        if (a != kNone && Usable(a, true)) {
          std::vector<size_t> chain = Chain(a);
          if (chain.size() >= 2) pairs.emplace_back(chain[0], chain[1]);
        }
      }
      for (size_t q = after; pairs.empty() && q < std::min(after + 2, ctx_.te); ++q) {
        if (toks_[q].lower != "with") continue;
        size_t r = q + 1;
        if (r < ctx_.te && toks_[r].Is(kArticle)) ++r;
        size_t m = Owner(r);
        if (m != kNone && Usable(m, true)) with = m;
        break;
      }
      // Pre-modifiers: "Moscow-Kiev peace talks", "Russia's talks", "his call".
      size_t pre = kNone;
      bool pronoun = false;
      for (size_t t = mt.tb, steps = 0; pairs.empty() && t > ctx_.tb && steps < 3; ++steps) {
        --t;
        const std::string& w = toks_[t].lower;
        if (toks_[t].Is(kPossessivePronoun)) {
          pronoun = true;
          break;
        }
        size_t m = Owner(t);
        if (m != kNone) {
          if (Usable(m, true)) pre = m;
          break;
        }
        if (w == "'s" ||
            (toks_[t].kind == TokenKind::kWord && !toks_[t].Is(kPreposition | kArticle) && w != "and"))
          continue;
        break;
      }
      if (pairs.empty() && pre != kNone) {
        std::vector<size_t> chain = Chain(pre);
        if (chain.size() >= 2)
          pairs.emplace_back(chain[0], chain[1]);
        else if (with != kNone)
          pairs.emplace_back(pre, with);
      }
      if (pairs.empty() && with != kNone) {
        size_t src = kNone;
        if (pronoun) {
          for (size_t t = mt.tb; t > ctx_.tb && src == kNone;) {
            --t;
            size_t m = Owner(t);
            if (m != kNone && Usable(m, false)) src = m;
          }
        } else {
          src = LeftSubject(mt.tb, false);
        }
        if (src == kNone && ctx_.te > ctx_.tb && toks_[ctx_.tb].Is(kPreposition)) {
          // "During the phone call with X ..., Y reaffirmed": Y is the caller.
          size_t comma = kNone;
          for (size_t t = mt.te; t < ctx_.te; ++t)
            if (toks_[t].lower == ",") {
              comma = t;
              break;
            }
          if (comma != kNone) {
            size_t m = RightObject(comma + 1);
            if (m != kNone && m != with) src = m;
          }
        }
        if (src != kNone) {
          for (size_t t : Chain(with)) pairs.emplace_back(src, t);
          note = " [with]";
        }
      }
      if (pairs.empty() && SymmetricCode(p.code)) {
        // "Putin and Trump held talks": a conjoined subject of the clause.
        size_t src = LeftSubject(mt.tb, false);
        bool comma = false;
        for (size_t t = src == kNone ? mt.tb : ms_[src].te; t < mt.tb; ++t)
          comma = comma || toks_[t].lower == ",";
        // Across a comma only when the pair opens the sentence ("Lavrov,
        // Rubio discuss settlement, prospects in phone call").
        size_t first = src == kNone ? kNone : Chain(src).front();
        bool opens = first != kNone && (ms_[first].tb == ctx_.tb ||
                                        (ms_[first].tb == ctx_.tb + 1 && toks_[ctx_.tb].Is(kArticle)));
        if (src != kNone && (!comma || opens)) {
          std::vector<size_t> chain = Chain(src);
          if (chain.size() >= 2) pairs.emplace_back(chain[0], chain[1]);
        }
      }
    }
    if (!pairs.empty())
      actors.push_back(Candidate{static_cast<size_t>(&mt - matches_.data()), std::move(pairs), note});
  }
  // A date expression belongs to the nearest match that has actors.
  dates_ = FindDates(toks_, ctx_.tb, ctx_.te, ctx_.published, future);
  for (const DateExpr& d : dates_) {
    size_t owner = kNone, best = kNone;
    for (const Candidate& c : actors) {
      const Match& m = matches_[c.match];
      size_t dist = d.tb >= m.te ? d.tb - m.te : m.tb - std::min(m.tb, d.te);
      if (dist < best) {
        best = dist;
        owner = c.match;
      }
    }
    date_owner_.push_back(owner);
  }
  for (const Candidate& c : actors)
    for (auto [src, tgt] : c.pairs) Emit(matches_[c.match], src, tgt, c.note, out);
}

}  // namespace

void Coder::CodeSentence(const SentenceContext& ctx, std::vector<CodedMention>* out) const {
  // Every event needs an actor (as source, or as one of a pair): a sentence
  // naming none is not matched against the verb dictionary at all.
  if (std::none_of(ctx.mentions->begin(), ctx.mentions->end(),
                   [](const ActorMention& a) { return a.CanAct(true); }))
    return;
  SentenceCoder(kb_, verbs_, options_, ctx).Run(out);
}

}  // namespace casus
