// Engine: codes dated news documents into CAMEO/PLOVER events.
//
// An Engine holds the compiled knowledge base and verb dictionary. It is
// immutable after Open(): CodeDocument() is const and may be called from any
// number of threads at once; each call uses its own scratch state.
//
//   std::unique_ptr<casus::Engine> engine;
//   casus::Status s = casus::Engine::Open(casus::Options::Defaults(), &engine);
//   casus::CodedDocument out;
//   if (s.ok()) engine->CodeDocument(doc, &out);
//   std::vector<casus::Event> events = casus::MergeEvents(std::move(out.events));
#ifndef CASUS_INCLUDE_CASUS_ENGINE_H_
#define CASUS_INCLUDE_CASUS_ENGINE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "casus/options.h"
#include "casus/status.h"
#include "casus/types.h"

namespace casus {

// A sentence's text is Document::text.substr(start, end - start).
struct Sentence {
  int index = 0;
  size_t start = 0;  // byte span in Document::text
  size_t end = 0;
};

// The result of coding one document: its sentences and one Event per mention
// (not yet merged: each Event has exactly one Mention).
// Seconds spent in each stage for one document.
struct StageTimes {
  double clean = 0, segment = 0, recognise = 0, code = 0;
};

struct CodedDocument {
  Document doc;
  StageTimes times;
  std::vector<Sentence> sentences;
  std::vector<Event> events;
  std::vector<LearnedActor> learned;  // actors learned from titles and appositions
  std::vector<std::string> warnings;  // e.g. truncation
  bool coded = true;                  // false for documents not in English: stored, not coded
  // Of the publication date and text (StableHash64 of "YYYY-MM-DD\x1f" + text):
  // the store tells a changed document from a repeated one by it.
  uint64_t fingerprint = 0;
};

// What a name means in the knowledge base on a date (`casus kb lookup`).
struct KbEntry {
  std::string name;     // canonical name
  std::string kb_id;    // "sergey_lavrov", "country:RUS", "capital:UKR", "place:Istanbul:TUR", "agent:GOV"
  std::string kind;     // person, organisation, country, capital, seat, adjective, agent, place
  std::string code;     // CAMEO actor code on the date ("" for a plain place)
  std::string country;  // ISO 3166-1 alpha-3
  std::string role_title, role_from, role_to;  // the role held on the date, if any
  std::optional<Location> location;
};

struct KbStats {
  size_t countries = 0, agents = 0, actors = 0, roles = 0, places = 0;
  size_t verb_patterns = 0, cameo_codes = 0;
  double load_seconds = 0;
};

class Engine {
 public:
  // Loads and compiles the data files named by `options`. Errors name the file
  // and line.
  static Status Open(const Options& options, std::unique_ptr<Engine>* engine);

  virtual ~Engine() = default;

  // Codes one document into `out` (out->doc receives the document: pass an
  // rvalue to avoid copying its text). Thread-safe.
  virtual Status CodeDocument(Document doc, CodedDocument* out) const = 0;

  virtual KbStats Stats() const = 0;

  // Resolves `name` as the coder would on `date`. NotFound when unknown.
  virtual Status Lookup(std::string_view name, const Date& date, KbEntry* out) const = 0;
};

// Merges mention-level events: mentions with the same date, 3-digit code and
// dyad (unordered for symmetric codes such as 04x) become one event. The result
// is sorted by (date, id) and does not depend on the input order.
std::vector<Event> MergeEvents(std::vector<Event> mention_events);

// The stable id of the event an (unmerged) event's mention belongs to.
std::string EventKeyId(const Event& e);

}  // namespace casus

#endif  // CASUS_INCLUDE_CASUS_ENGINE_H_
