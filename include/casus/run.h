// Run: the whole job over inputs — read, code on worker threads, store, merge.
//
// Documents are read in order, coded in batches on `threads` workers, and the
// coded batches are handed in order to one writer thread that stores them, so
// storing batch k overlaps coding batch k+1. Output does not depend on the
// thread count or batch size.
#ifndef CASUS_INCLUDE_CASUS_RUN_H_
#define CASUS_INCLUDE_CASUS_RUN_H_

#include <functional>
#include <string>
#include <vector>

#include "casus/engine.h"
#include "casus/reader.h"
#include "casus/store.h"

namespace casus {

struct RunOptions {
  int threads = 1;             // coding workers (the writer thread comes on top)
  // A batch is coded, then handed to the writer, once it holds `batch`
  // documents or `batch_bytes` of text. The byte cap keeps batches of long
  // articles small, so that storing starts early and the last batch, stored
  // after all coding, is short (Wikinews into SQLite on 1 coding thread:
  // 17.1-17.8 MB/s uncapped, 19.6-20.6 with 512 KB; 256 KB and 1 MB within
  // noise of it, 128 KB slower).
  size_t batch = 2048;
  size_t batch_bytes = 512u << 10;
  bool collect_events = true;  // merge and return the events of this run
};

struct RunStats {
  size_t documents = 0, sentences = 0, input_bytes = 0, mentions = 0, events = 0;
  size_t errors = 0, warnings = 0, already_stored = 0;
  size_t not_english = 0;    // stored but not coded
  double seconds = 0;  // wall time of Run()
  // Time summed over workers, per stage.
  double read_seconds = 0, clean_seconds = 0, segment_seconds = 0, recognise_seconds = 0, code_seconds = 0,
         store_seconds = 0, merge_seconds = 0;
};

// Called on the calling thread after each stored batch.
using ProgressCallback = std::function<void(const RunStats&)>;

// Runs the job. `store` may be null (nothing stored). Read issues and coding
// errors go to `on_issue`; a store failure stops the run and is returned.
Status Run(const std::vector<std::string>& inputs, const ReadOptions& read_options, const Engine& engine,
           Store* store, const RunOptions& options, const IssueCallback& on_issue,
           const ProgressCallback& on_progress, std::vector<Event>* events, RunStats* stats);

}  // namespace casus

#endif  // CASUS_INCLUDE_CASUS_RUN_H_
