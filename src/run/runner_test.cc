#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "casus/output.h"
#include "casus/run.h"
#include "testing.h"

namespace casus {

namespace {

// The events of a run over the bundled examples, as JSON lines.
std::string RunExamples(int threads, size_t batch, RunStats* stats) {
  RunOptions o;
  o.threads = threads;
  o.batch = batch;
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
// batches, including more workers than documents in a batch.
TEST(Run, SameEventsForAnyThreadCountAndBatchSize) {
  RunStats base_stats;
  std::string base = RunExamples(1, 2048, &base_stats);
  ASSERT_FALSE(base.empty());
  for (int threads : {1, 2, 4}) {
    for (size_t batch : {1, 2, 3, 2048}) {
      RunStats stats;
      EXPECT_EQ(RunExamples(threads, batch, &stats), base) << threads << " threads, batches of " << batch;
      EXPECT_EQ(stats.documents, base_stats.documents);
      EXPECT_EQ(stats.sentences, base_stats.sentences);
    }
  }
}

}  // namespace casus
