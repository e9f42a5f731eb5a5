// VerbDictionary: CAMEO verb and noun patterns (docs/data-formats.md), matched
// on lemmas. Inflected forms of every pattern word are generated at load time
// (English rules plus WordNet's verb.exc/noun.exc), so matching a token is one
// hash lookup of its lower-cased form.
//
// Immutable after Load(); shared read-only by all threads.
#ifndef CASUS_SRC_CODE_VERB_DICTIONARY_H_
#define CASUS_SRC_CODE_VERB_DICTIONARY_H_

#include <absl/container/flat_hash_map.h>

#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "casus/status.h"
#include "util/hash.h"

namespace casus {

struct PatternElem {
  enum class Kind : uint8_t { kWord, kGap, kTarget } kind = Kind::kWord;
  // Alternatives (kWord); each is a run of lemma ids ("half-mast" is three).
  std::vector<std::vector<int>> alts;
  bool optional = false;
};

struct VerbPattern {
  std::string code;   // CAMEO code; empty for a discard (`---`)
  bool noun = false;  // N pattern
  std::vector<PatternElem> elems;
  std::string origin;  // "verbs/01-10.txt:12"
  std::string text;    // the pattern as written
  int literals = 0;    // word elements: among matches of equal length, more literal words win
};

class VerbDictionary {
 public:
  // Loads every *.txt under `verbs_dir`; `wordnet_dir` may lack the exception
  // lists (then only regular inflections are generated).
  Status Load(const std::string& verbs_dir, const std::string& wordnet_dir);

  // Lemma ids a token can stand for (by the hash of its lower-cased form), or null.
  const std::vector<int>* Lemmas(uint64_t word_hash) const {
    auto it = forms_.find(word_hash);
    return it == forms_.end() ? nullptr : &it->second;
  }
  // Patterns whose first element accepts a lemma, grouped by the first lemma
  // of their next required word (`anchor`, -1 when there is none): a group
  // whose anchor is absent from the sentence is skipped whole. A pattern whose
  // next required word has alternatives sits in several groups.
  //
  // A sentence lacking all first lemmas of the alternatives of one required
  // word element cannot match, which lets the coder skip most patterns
  // without trying them. `required` holds, for each pattern in order, those
  // lemma sets for the required elements after the anchor's, flattened so
  // that the check reads one contiguous run:
  //   [ints that follow, for this pattern] then per element: [n, lemma_1..lemma_n]
  //
  // All of it sits in three contiguous arrays built once after loading, so
  // that looking a lemma's groups up does not chase a pointer per group.
  struct Group {
    int anchor = -1;
    uint32_t patterns_begin = 0, patterns_end = 0;  // into the pattern-index array
    uint32_t required_begin = 0;                    // into the required-lemma array
  };
  std::span<const Group> GroupsFor(int lemma) const {
    return {groups_.data() + lemma_groups_[lemma], lemma_groups_[lemma + 1] - lemma_groups_[lemma]};
  }
  std::span<const int> Patterns(const Group& g) const {
    return {group_patterns_.data() + g.patterns_begin, g.patterns_end - g.patterns_begin};
  }
  const int* Required(const Group& g) const { return group_required_.data() + g.required_begin; }
  const VerbPattern& pattern(int i) const { return patterns_[i]; }
  size_t size() const { return patterns_.size(); }
  const std::string& lemma(int id) const { return lemmas_[id]; }
  size_t lemma_count() const { return lemmas_.size(); }

 private:
  int LemmaId(const std::string& lemma);
  Status ParseFile(const std::string& path, const std::string& short_name);

  std::vector<std::string> lemmas_;
  std::unordered_map<std::string, int> lemma_ids_;
  absl::flat_hash_map<uint64_t, std::vector<int>, PrehashedKey> forms_;  // surface hash -> lemma ids
  std::vector<VerbPattern> patterns_;
  // While loading: per lemma id, its groups.
  struct GroupBuild {
    int anchor = -1;
    std::vector<int> patterns;
    std::vector<int> required;
  };
  std::vector<std::vector<GroupBuild>> by_first_;
  void FlattenGroups();
  std::vector<uint32_t> lemma_groups_;  // lemma id -> [lemma_groups_[id], lemma_groups_[id + 1]) of groups_
  std::vector<Group> groups_;
  std::vector<int> group_patterns_, group_required_;
};

// Regular English inflections of a lemma (verb and noun forms, with and
// without consonant doubling); the lemma itself first. Exposed for tests.
std::vector<std::string> RegularInflections(const std::string& lemma);

}  // namespace casus

#endif  // CASUS_SRC_CODE_VERB_DICTIONARY_H_
