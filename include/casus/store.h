// Store: the SQLite database of documents, sentences (with FTS5 full-text
// search), events and mentions. Schema: docs/store.md.
//
// Adding the same document again changes nothing (documents are keyed by id
// and content hash); a changed document replaces its sentences and mentions.
// Batches are committed once about 4 MB of text is pending, by Flush(),
// before any read, and on destruction: a killed ingest loses only the
// documents since the last commit, and re-running resumes. Not thread-safe:
// one Store per thread.
#ifndef CASUS_INCLUDE_CASUS_STORE_H_
#define CASUS_INCLUDE_CASUS_STORE_H_

#include <memory>
#include <string>
#include <vector>

#include "casus/engine.h"
#include "casus/status.h"
#include "casus/types.h"

namespace casus {

struct StoreCounts {
  long long documents = 0, sentences = 0, events = 0, mentions = 0;
};

class Store {
 public:
  static Status Open(const std::string& path, std::unique_ptr<Store>* store);
  virtual ~Store() = default;

  // Stores a batch of coded documents and their merged events, all or
  // nothing. `skipped` (optional) receives how many were already stored
  // unchanged.
  virtual Status Add(const std::vector<CodedDocument>& batch, size_t* skipped) = 0;

  // Indexes the sentences added since the last commit for full-text search
  // and commits.
  virtual Status Flush() = 0;

  // All events with their mentions, sorted by (date, id).
  virtual Status ReadEvents(std::vector<Event>* out) = 0;

  // One event with its mentions; NotFound when no event has this id.
  virtual Status ReadEvent(const std::string& id, Event* out) = 0;

  virtual Status Counts(StoreCounts* out) = 0;

  // Actors learned from the stored documents, by name then document.
  virtual Status ReadLearned(std::vector<LearnedActor>* out) = 0;
};

}  // namespace casus

#endif  // CASUS_INCLUDE_CASUS_STORE_H_
