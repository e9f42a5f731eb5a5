#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "casus/output.h"
#include "casus/run.h"
#include "testing.h"

namespace casus {

namespace {

// The events of a run over the bundled examples, as JSON lines.
std::string RunExamples(int threads, size_t batch, size_t batch_bytes, RunStats* stats) {
  RunOptions o;
  o.threads = threads;
  o.batch = batch;
  o.batch_bytes = batch_bytes;
  std::vector<Event> events;
  Status s = Run(
      {std::string(CASUS_SOURCE_DIR) + "/examples"}, ReadOptions{}, TEST_Engine(), nullptr, o,
      [](const ReadIssue&) {}, nullptr, &events, stats);
  EXPECT_TRUE(s.ok()) << s.ToString();
  std::string out;
  for (const Event& e : events) out += EventToJson(e) + "\n";
  return out;
}

}  // namespace

// The coding pool gives the same events whatever the number of workers and
// batches (by document count or by bytes), including more workers than
// documents in a batch.
TEST(Run, SameEventsForAnyThreadCountAndBatchSize) {
  RunStats base_stats;
  const size_t no_byte_cap = SIZE_MAX;
  std::string base = RunExamples(1, 2048, no_byte_cap, &base_stats);
  ASSERT_FALSE(base.empty());
  for (int threads : {1, 2, 4}) {
    for (size_t batch : {1, 2, 3, 2048}) {
      for (size_t bytes : {size_t{1}, size_t{4096}, no_byte_cap}) {
        RunStats stats;
        EXPECT_EQ(RunExamples(threads, batch, bytes, &stats), base)
            << threads << " threads, batches of " << batch << " documents or " << bytes << " bytes";
        EXPECT_EQ(stats.documents, base_stats.documents);
        EXPECT_EQ(stats.sentences, base_stats.sentences);
      }
    }
  }
}

}  // namespace casus
