// KnowledgeBase: countries, agents, actors with dated roles, places and the
// CAMEO codebook, compiled from the files described in docs/data-formats.md.
//
// Immutable after Load(); shared read-only by all threads.
#ifndef CASUS_SRC_KB_KNOWLEDGE_BASE_H_
#define CASUS_SRC_KB_KNOWLEDGE_BASE_H_

#include <absl/container/flat_hash_map.h>

#include <climits>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "casus/options.h"
#include "casus/status.h"
#include "casus/types.h"
#include "segment/tokenizer.h"
#include "util/hash.h"

namespace casus {

struct Country {
  std::string iso3, iso2, name;
  std::string capital;
  double lat = 0, lon = 0;
};

struct Role {
  std::string code;
  int from = INT_MIN;  // days since epoch, inclusive
  int to = INT_MAX;    // inclusive
  std::string title;
};

struct ActorEntry {
  std::string id;
  std::string name;  // canonical (first) name
  std::vector<Role> roles;
  bool person = true;  // false when every role is an organisation's
};

struct Place {
  std::string name;
  std::string country;  // ISO3
  double lat = 0, lon = 0;
  int64_t population = 0;
};

// How a dictionary phrase must be cased in the text.
enum class CaseRule : uint8_t { kAny = 0, kCapitalized = 1, kUpper = 2 };

enum class LexKind : uint8_t {
  kActor = 0,      // person or organisation (index into actors)
  kCountry = 1,    // country name (index into countries)
  kCapital = 2,    // capital city: place, and government metonym
  kMetonym = 3,    // seat of government (Kremlin)
  kAdjective = 4,  // country adjective or demonym
  kAgent = 5,      // agent phrase (index into agents)
  kPlace = 6,      // other place (index into places)
};

struct LexEntry {
  LexKind kind;
  int index;
  CaseRule case_rule;
  bool government = true;  // capitals: may stand for the government
};

struct Phrase {
  std::vector<std::string> tokens;
  std::vector<uint64_t> hashes;  // StableHash64 of each token
  std::vector<LexEntry> entries;
};

struct Agent {
  std::string code;
  std::string phrase;
};

struct CameoCode {
  std::string code, name;
  double goldstein = 0;
  std::string plover_type, plover_mode;
};

// The code of an actor on a date, following its dated roles.
struct ResolvedRole {
  std::string code;
  std::string country;
  const Role* role = nullptr;  // null when no role is active (ELI or pre-role)
};

class KnowledgeBase {
 public:
  // Loads every file; errors read "FILE:LINE: message".
  Status Load(const Options& options);

  // Longest dictionary phrase starting at tokens[i], or null.
  // `*length` receives its token count. Case rules are checked against `text`.
  const Phrase* LongestMatch(const std::vector<Token>& tokens, size_t i, size_t end, std::string_view text,
                             size_t* length) const;

  ResolvedRole Resolve(const ActorEntry& actor, const Date& date) const;

  // The dictionary phrase spelled exactly `name` (case-insensitive), or null.
  const Phrase* FindPhrase(std::string_view name) const;

  // ISO3 when `code` starts with a known country code, else "".
  std::string CountryOfCode(std::string_view code) const;
  const Country* FindCountry(std::string_view iso3) const;
  const ActorEntry* FindActor(std::string_view id) const;
  const CameoCode* FindCameo(std::string_view code) const;
  // Intent (threat=false) or threat code for a root; "" when such mentions are dropped.
  std::string ModalCode(std::string_view root, bool threat) const;

  const std::vector<Country>& countries() const { return countries_; }
  const std::vector<Agent>& agents() const { return agents_; }
  const std::vector<ActorEntry>& actors() const { return actors_; }
  const std::vector<Place>& places() const { return places_; }
  size_t role_count() const;
  size_t cameo_count() const { return cameo_.size(); }

 private:
  Status LoadCountries(const std::string& path);
  Status LoadAgents(const std::string& path);
  Status LoadActors(const std::string& path);
  Status LoadGazetteer(const std::string& path);
  Status LoadCameo(const std::string& path);
  Status LoadModality(const std::string& path);
  void AddPhrase(std::string_view text, LexEntry entry);

  std::vector<Country> countries_;
  std::unordered_map<std::string, int> country_index_;
  std::vector<Agent> agents_;
  std::vector<ActorEntry> actors_;
  std::unordered_map<std::string, int> actor_index_;
  std::vector<Place> places_;
  std::unordered_map<std::string, CameoCode> cameo_;
  std::unordered_map<std::string, std::pair<std::string, std::string>> modality_;
  std::vector<Phrase> phrases_;
  std::unordered_map<std::string, int> phrase_index_;  // joined tokens -> phrase
  // Built once after loading (BuildStarts): for each first token, the phrases
  // starting with it, longest first, in one contiguous array. A lookup then
  // touches one hash slot and one run of starts instead of a vector, a
  // phrase and its hash vector per candidate (a third of all tokens start
  // some phrase, with four candidates on average).
  struct PhraseStart {
    uint64_t second = 0;     // hash of the second token (0 for one-token phrases)
    uint32_t phrase = 0;     // index into phrases_
    uint32_t rest = 0;       // hashes of tokens 3.. start at rest_hashes_[rest]
    uint32_t length = 0;     // tokens
    uint8_t case_rules = 0;  // bit (1 << CaseRule) for each rule among the entries
    bool dotted = false;     // first token has a period ("U.S."): never mistaken for shouting
  };
  struct StartIndex {
    absl::flat_hash_map<uint64_t, std::pair<uint32_t, uint32_t>, PrehashedKey> first;  // -> [begin, end)
    std::vector<PhraseStart> starts;
  };
  void BuildStarts();
  bool CaseRulesHold(const PhraseStart& c, const std::vector<Token>& tokens, size_t i,
                     std::string_view text) const;
  StartIndex all_starts_;
  // Only the phrases a token that is not capitalised can start (most are
  // capitalised names; the commonest words, "of", "to", "said", start some
  // place name each and would otherwise check it every time).
  StartIndex uncapitalised_starts_;
  std::vector<uint64_t> rest_hashes_;
};

// Reads a data file's records: calls fn(line_no, fields) for every non-comment,
// non-blank line; fn returns an error message or "".
Status ForEachRecord(const std::string& path, size_t min_fields, size_t max_fields,
                     const std::function<std::string(int, const std::vector<std::string_view>&)>& fn);

// Parses "YYYY", "YYYY-MM", "YYYY-MM-DD" or "-" into days; `end` picks the
// last day of a partial date.
std::optional<int> ParseRoleDate(std::string_view s, bool end);

}  // namespace casus

#endif  // CASUS_SRC_KB_KNOWLEDGE_BASE_H_
