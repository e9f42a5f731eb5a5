// Cleaner: finds the title and body paragraphs of a document and drops page
// debris (read-time lines, photo credits, bylines, "Recommended"/"Related"/
// "Explore"/"SOURCE:" blocks, lists of other articles' headlines, repeated
// paragraphs).
#ifndef CASUS_SRC_CLEAN_CLEANER_H_
#define CASUS_SRC_CLEAN_CLEANER_H_

#include <string_view>
#include <vector>

#include "casus/types.h"

namespace casus {

struct Paragraph {
  size_t start = 0;  // byte span in Document::text
  size_t end = 0;
  bool title = false;
  // Background text (a biography, "born 21 March 1950"): its events must carry
  // their own dates, never the publication date.
  bool background = false;
};

// Returns the kept paragraphs in reading order; the title first.
std::vector<Paragraph> CleanDocument(const Document& doc);

// Exposed for tests: true for a line that is page debris on its own.
bool IsDebrisLine(std::string_view line);

}  // namespace casus

#endif  // CASUS_SRC_CLEAN_CLEANER_H_
