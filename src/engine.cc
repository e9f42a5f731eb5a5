// Engine implementation: clean -> segment -> recognise -> code, per document.
#include "casus/engine.h"

#include <absl/container/flat_hash_set.h>

#include <chrono>
#include <algorithm>
#include <climits>
#include <cstdlib>

#include "clean/cleaner.h"
#include "code/cameo.h"
#include "code/coder.h"
#include "code/verb_dictionary.h"
#include "kb/knowledge_base.h"
#include "recognise/recogniser.h"
#include "segment/segmenter.h"
#include "util/date.h"
#include "util/hash.h"
#include "util/text.h"

#ifndef CASUS_DEFAULT_DATA_DIR
#define CASUS_DEFAULT_DATA_DIR "data"
#endif
#ifndef CASUS_DEFAULT_GAZETTEER
#define CASUS_DEFAULT_GAZETTEER ""
#endif

namespace casus {

Options Options::Defaults() {
  Options o;
  const char* d = std::getenv("CASUS_DATA_DIR");
  o.data_dir = d && *d ? d : CASUS_DEFAULT_DATA_DIR;
  const char* g = std::getenv("CASUS_GAZETTEER");
  o.gazetteer_path = g ? g : CASUS_DEFAULT_GAZETTEER;
  return o;
}

namespace {

class EngineImpl : public Engine {
 public:
  explicit EngineImpl(const Options& o) : options_(o), coder_(kb_, verbs_, options_), recogniser_(kb_) {}

  Status Load() {
    auto t0 = std::chrono::steady_clock::now();
    Status s = kb_.Load(options_);
    if (!s.ok()) return s;
    s = verbs_.Load(options_.data_dir + "/verbs", options_.wordnet_dir);
    if (!s.ok()) return s;
    load_seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return Status::OK();
  }

  Status CodeDocument(Document document, CodedDocument* out) const override {
    thread_local Segmenter segmenter;
    thread_local std::vector<Token> tokens;
    thread_local std::vector<SentenceSpan> spans;
    thread_local std::vector<ActorMention> mentions;
    thread_local std::vector<CodedMention> coded;
    out->doc = std::move(document);
    out->times = StageTimes{};
    const Document& doc = out->doc;
    out->fingerprint = StableHash64(doc.text, StableHash64("\x1f", StableHash64(doc.date.ToString())));
    out->sentences.clear();
    out->events.clear();
    out->learned.clear();
    out->coded = true;
    out->warnings.clear();
    if (!doc.date.valid()) return Status::InvalidInput(doc.origin + ": document " + doc.id + " has no date");
    // The readers truncate to this cap; documents given to the library
    // directly are held to it too (text offsets are 32-bit).
    const size_t cap = std::min<size_t>(options_.max_document_bytes, INT32_MAX);
    if (doc.text.size() > cap)
      return Status::InvalidInput(doc.origin + ": document " + doc.id + " is longer than " +
                                  std::to_string(cap) + " bytes");
    out->coded = doc.language.empty() || doc.language == "en";
    if (!out->coded) return Status::OK();
    using Clock = std::chrono::steady_clock;
    auto seconds = [](Clock::time_point a, Clock::time_point b) {
      return std::chrono::duration<double>(b - a).count();
    };
    auto t0 = Clock::now();
    std::vector<Paragraph> paragraphs = CleanDocument(doc);
    auto t1 = Clock::now();
    out->times.clean = seconds(t0, t1);
    SegmentCaps caps{options_.max_sentence_tokens, options_.max_sentence_bytes};
    segmenter.Segment(doc.text, paragraphs, caps, &tokens, &spans);
    auto t2 = Clock::now();
    out->times.segment = seconds(t1, t2);
    thread_local absl::flat_hash_set<std::string_view> seen_sentences;  // views into doc.text
    seen_sentences.clear();
    thread_local DocumentMemory memory;
    memory.Start(tokens);
    for (size_t si = 0; si < spans.size(); ++si) {
      const SentenceSpan& sp = spans[si];
      Sentence s;
      s.index = static_cast<int>(si);
      s.start = sp.start;
      s.end = sp.end;
      if (sp.title && !options_.code_title) {
        out->sentences.push_back(std::move(s));
        continue;
      }
      // A sentence repeated in the same article (captions, pull quotes) is coded once.
      bool repeated =
          !seen_sentences.insert(std::string_view(doc.text).substr(sp.start, sp.end - sp.start)).second;
      mentions.clear();
      coded.clear();
      if (!repeated) {
        auto r0 = Clock::now();
        recogniser_.Recognise(doc.text, tokens, sp.tok_begin, sp.tok_end, doc.date, &mentions, &memory);
        auto r1 = Clock::now();
        out->times.recognise += seconds(r0, r1);
        SentenceContext ctx{doc.text,  &tokens,  sp.tok_begin,  sp.tok_end,
                            &mentions, doc.date, sp.background, sp.title};
        coder_.CodeSentence(ctx, &coded);
        out->times.code += seconds(r1, Clock::now());
      }
      // Within a sentence keep one event per dyad and root: the most specific code.
      for (size_t i = 0; i < coded.size(); ++i) {
        Event& e = coded[i].event;
        bool dominated = false;
        for (size_t j = 0; j < coded.size() && !dominated; ++j) {
          if (i == j) continue;
          const Event& f = coded[j].event;
          bool same_dyad = f.source.code == e.source.code &&
                           (f.target ? f.target->code : "") == (e.target ? e.target->code : "");
          bool same_dyad_rev = e.target && f.target && f.source.code == e.target->code &&
                               f.target->code == e.source.code && SymmetricCode(e.cameo);
          if (!(same_dyad || same_dyad_rev) || f.root != e.root) continue;
          bool f_specific = f.cameo.back() != '0' || f.cameo.size() > e.cameo.size();
          bool e_specific = e.cameo.back() != '0' || e.cameo.size() > f.cameo.size();
          if ((f_specific && !e_specific) ||
              (f_specific == e_specific && (f.cameo > e.cameo || (f.cameo == e.cameo && j < i))))
            dominated = true;
        }
        if (dominated) continue;
        Mention& m = e.mentions[0];
        m.doc = doc.id;
        m.sentence = s.index;
        m.start = s.start;
        m.end = s.end;
        m.text = doc.text.substr(s.start, s.end - s.start);
        m.source_name = doc.source;
        m.date_from_text = coded[i].date_from_text;
        out->events.push_back(std::move(e));
      }
      out->sentences.push_back(std::move(s));
    }
    for (LearnedActor& l : memory.evidence) {
      l.doc = doc.id;
      l.date = doc.date;
      out->learned.push_back(std::move(l));
    }
    return Status::OK();
  }

  Status Lookup(std::string_view name, const Date& date, KbEntry* out) const override {
    const Phrase* p = kb_.FindPhrase(name);
    if (!p || p->entries.empty())
      return Status::NotFound("'" + std::string(name) + "' is not in the knowledge base");
    // The same reading the recogniser prefers.
    const LexEntry* e = nullptr;
    for (LexKind k : {LexKind::kActor, LexKind::kCountry, LexKind::kCapital, LexKind::kMetonym,
                      LexKind::kAdjective, LexKind::kAgent, LexKind::kPlace})
      for (const LexEntry& x : p->entries)
        if (!e && x.kind == k) e = &x;
    *out = KbEntry{};
    switch (e->kind) {
      case LexKind::kActor: {
        const ActorEntry& a = kb_.actors()[e->index];
        ResolvedRole r = kb_.Resolve(a, date);
        out->name = a.name;
        out->kb_id = a.id;
        out->kind = a.person ? "person" : "organisation";
        out->code = r.code;
        out->country = r.country;
        if (r.role) {
          out->role_title = r.role->title;
          if (r.role->from != INT_MIN) out->role_from = DateFromDays(r.role->from).ToString();
          if (r.role->to != INT_MAX) out->role_to = DateFromDays(r.role->to).ToString();
        }
        break;
      }
      case LexKind::kCountry:
      case LexKind::kAdjective: {
        const Country& c = kb_.countries()[e->index];
        out->name = c.name;
        out->kb_id = "country:" + c.iso3;
        out->kind = e->kind == LexKind::kCountry ? "country" : "adjective";
        out->code = out->country = c.iso3;
        break;
      }
      case LexKind::kCapital:
      case LexKind::kMetonym: {
        const Country& c = kb_.countries()[e->index];
        out->name = e->kind == LexKind::kCapital ? c.capital : std::string(Trim(name));
        out->kb_id = (e->kind == LexKind::kCapital ? "capital:" : "seat:") + c.iso3;
        out->kind = e->kind == LexKind::kCapital ? "capital" : "seat";
        out->code = e->government ? c.iso3 + "GOV" : "";
        out->country = c.iso3;
        if (e->kind == LexKind::kCapital) out->location = Location{c.capital, c.iso3, c.lat, c.lon};
        break;
      }
      case LexKind::kAgent: {
        const Agent& a = kb_.agents()[e->index];
        out->name = a.phrase;
        out->kb_id = "agent:" + a.code;
        out->kind = "agent";
        out->code = a.code;
        break;
      }
      case LexKind::kPlace: {
        const Place& pl = kb_.places()[e->index];
        out->name = pl.name;
        out->kb_id = "place:" + pl.name + ":" + pl.country;
        out->kind = "place";
        out->country = pl.country;
        out->location = Location{pl.name, pl.country, pl.lat, pl.lon};
        break;
      }
    }
    return Status::OK();
  }

  KbStats Stats() const override {
    KbStats st;
    st.countries = kb_.countries().size();
    st.agents = kb_.agents().size();
    st.actors = kb_.actors().size();
    st.roles = kb_.role_count();
    st.places = kb_.places().size();
    st.verb_patterns = verbs_.size();
    st.cameo_codes = kb_.cameo_count();
    st.load_seconds = load_seconds_;
    return st;
  }

 private:
  Options options_;
  KnowledgeBase kb_;
  VerbDictionary verbs_;
  Coder coder_;
  Recogniser recogniser_;
  double load_seconds_ = 0;
};

}  // namespace

Status Engine::Open(const Options& options, std::unique_ptr<Engine>* engine) {
  auto impl = std::make_unique<EngineImpl>(options);
  Status s = impl->Load();
  if (!s.ok()) return s;
  *engine = std::move(impl);
  return Status::OK();
}

}  // namespace casus
