#include "segment/word_class.h"

#include <absl/container/flat_hash_map.h>

#include <array>
#include <string>
#include <unordered_map>

#include "util/hash.h"

namespace casus {

namespace {

struct ClassList {
  uint32_t flag;
  const char* words;  // space-separated
};

const ClassList kLists[] = {
    {kArticle, "the a an"},
    {kDeterminer,
     "the a an these those his her its their our my your 's some any every each another further"},
    {kPossessivePronoun, "his her their its"},
    {kPreposition,
     "of in at to from with for by on against between among about over into near during after "
     "before under toward towards through like than including via within without behind across "
     "following upon amid despite"},
    {kLeftBreak,
     "; : \" said says told added stated according that which because although while whereas but "
     "( ) whether if"},
    {kRightBreak,
     "; : \" . said says told added which who while whereas but because although when ( ) if and before "
     "after during until since"},
    {kClausePunct, ", ; : . \" ( ) ? !"},
    {kNegator, "not n't never no neither nor"},
    {kAuxProgressive, "is are was were be been 's 're am"},
    {kAuxPassive, "is are was were been be being get got gets"},
    {kAdverbSkip,
     "once again also already reportedly allegedly just still later not n't never then recently "
     "previously"},
    {kFuture, "will 'll shall"},
    {kHypothetical, "would could might should"},
    {kConditional, "if unless whether"},
    {kConjunction, "and , - & /"},
    {kActorFiller, "'s ' top senior acting then new interim outgoing incoming former ex - current"},
    {kLocative, "in at near outside from inside across around throughout via into within"},
    {kTopicWord, "about regarding concerning what on over"},
    // Every word FindDates() can start from, except numbers (checked by kind).
    {kDateWord,
     "yesterday today tonight tomorrow sunday monday tuesday wednesday thursday friday saturday last past "
     "day previous preceding zero one two three four five six seven eight nine ten a an "
     "january jan. jan february feb. feb march mar. april apr. apr may june jun. jun july jul. jul august "
     "aug. aug september sep. sept. sept sep october oct. oct november nov. nov december dec. dec"},
    {kSentenceStarter,
     "the he she it they we i but and in on at this that these those a an there his her its their "
     "our after before when while however meanwhile earlier later according last if as for some"},
};

const absl::flat_hash_map<uint64_t, uint32_t, PrehashedKey>& Table() {
  static const auto* table = [] {
    auto* t = new absl::flat_hash_map<uint64_t, uint32_t, PrehashedKey>;
    for (const ClassList& list : kLists) {
      std::string_view words = list.words;
      size_t pos = 0;
      while (pos < words.size()) {
        size_t sp = words.find(' ', pos);
        if (sp == std::string_view::npos) sp = words.size();
        if (sp > pos) (*t)[StableHash64(words.substr(pos, sp - pos))] |= list.flag;
        pos = sp + 1;
      }
    }
    return t;
  }();
  return *table;
}

// One bit for each of 2^16 hash buckets, set for the listed words: most words (the
// open-class ones) are ruled out by one load before the hash table is asked.
struct Filter {
  std::array<uint64_t, 1024> bits{};
  static size_t Bucket(uint64_t hash) { return (hash >> 20) & 0xFFFF; }
  bool MayContain(uint64_t hash) const { return (bits[Bucket(hash) >> 6] >> (Bucket(hash) & 63)) & 1; }
};

const Filter& TheFilter() {
  static const Filter filter = [] {
    Filter f;
    for (const auto& [hash, flags] : Table())
      f.bits[Filter::Bucket(hash) >> 6] |= uint64_t{1} << (Filter::Bucket(hash) & 63);
    return f;
  }();
  return filter;
}

}  // namespace

uint32_t ClassifyWordHash(uint64_t hash) {
  if (!TheFilter().MayContain(hash)) return 0;
  const auto& t = Table();
  auto it = t.find(hash);
  return it == t.end() ? 0 : it->second;
}

uint32_t ClassifyWord(std::string_view lower) { return ClassifyWordHash(StableHash64(lower)); }

}  // namespace casus
