// Plain data types that cross the casus API: documents in, events out.
//
// Offsets: every `start`/`end` is a byte offset into Document::text (UTF-8),
// half-open [start, end). Document::text is the coded text: the title line,
// then the body, exactly as stored in the database.
#ifndef CASUS_INCLUDE_CASUS_TYPES_H_
#define CASUS_INCLUDE_CASUS_TYPES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace casus {

// A calendar day. Valid dates only (the readers reject 2025-13-45).
struct Date {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
  bool valid() const { return year != 0; }
  // "YYYY-MM-DD".
  std::string ToString() const;
  // Parses "YYYY-MM-DD"; nullopt when malformed or not a real day.
  static std::optional<Date> Parse(std::string_view text);
  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date&, const Date&) = default;
};

// How the input text was laid out; decides how the cleaner finds paragraphs.
// DO NOT CHANGE THESE ENUM VALUES: they are stored in the database.
enum class Layout { kLines = 0, kBlankLines = 1, kIndented = 2 };

struct Document {
  std::string id;  // file id or record id; see reader.h
  Date date;       // publication date
  std::string title;
  std::string text;        // title + "\n" + body; offsets point here
  size_t body_offset = 0;  // where the body starts in text
  std::string url;
  std::string source;  // publisher / source domain, may be empty
  std::string origin;    // file path (and record number) it came from
  std::string language;  // ISO 639-1 when known; documents not in English are stored, not coded
  Layout layout = Layout::kBlankLines;
};

struct Actor {
  std::string code;     // CAMEO actor code, e.g. "RUSGOV"
  std::string name;     // as written in the text
  std::string country;  // ISO 3166-1 alpha-3, empty for IGOs and unknown
  std::string kb_id;    // knowledge-base entry, empty when composed from parts
};

struct Location {
  std::string name;
  std::string country;  // ISO 3166-1 alpha-3
  double lat = 0;
  double lon = 0;
};

enum class Modality { kAsserted = 0, kIntent = 1, kThreat = 2 };
const char* ModalityName(Modality m);

enum class DatePrecision { kDay = 0, kMonth = 1, kYear = 2 };
const char* DatePrecisionName(DatePrecision p);

// One sentence reporting an event, with the rule that coded it.
struct Mention {
  std::string doc;
  int sentence = 0;  // index of the sentence in the document
  size_t start = 0;  // sentence span in Document::text
  size_t end = 0;
  std::string text;         // the sentence
  std::string rule;         // "verbs/01-10.txt:123 V meet with [notes]": dictionary file:line, pattern
  // The words that matched, for `casus explain`: the source and target actor
  // phrases and the verb or noun pattern, as written in the sentence.
  std::string source_text, target_text, trigger_text;
  std::string source_name;  // publisher of the document (for num_sources)
  // True when the sentence itself dated the event; false when it took the
  // publication date. Undated mentions join a dated event of the same
  // article with the same dyad and code.
  bool date_from_text = false;
};

// An actor learned from the text: "Japanese Foreign Minister Yoko Kamikawa"
// teaches that Yoko Kamikawa is JPNGOV as of the article's date. Kept apart
// from the curated knowledge base, with its evidence.
struct LearnedActor {
  std::string name;  // as written
  std::string code;  // CAMEO actor code taught by the title
  std::string country;
  std::string title;  // the words that taught it ("Japanese Foreign Minister")
  std::string doc;    // evidence: document id and sentence index
  int sentence = 0;
  Date date;  // the article's date: the role holds on it
};

struct Event {
  std::string id;  // stable: hash of date, code and dyad
  Date date;
  DatePrecision date_precision = DatePrecision::kDay;
  Actor source;
  std::optional<Actor> target;
  std::string cameo;   // 3- or 4-digit code
  std::string root;    // 2-digit root
  int quad_class = 0;  // 1..4
  double goldstein = 0;
  std::string plover_type;
  std::string plover_mode;
  std::optional<Location> location;
  bool negated = false;
  Modality modality = Modality::kAsserted;
  std::vector<Mention> mentions;
  int num_mentions() const { return static_cast<int>(mentions.size()); }
  int num_articles() const;
  int num_sources() const;
};

}  // namespace casus

#endif  // CASUS_INCLUDE_CASUS_TYPES_H_
