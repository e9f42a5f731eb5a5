#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "casus/store.h"
#include "testing.h"

namespace casus {

namespace {

CodedDocument CodeText(const std::string& id, const std::string& body) {
  Document d;
  d.id = id;
  d.date = Date{2025, 5, 17};
  d.title = "Title";
  d.text = "Title\n" + body;
  d.body_offset = 6;
  d.layout = Layout::kLines;
  CodedDocument out;
  EXPECT_TRUE(TEST_Engine().CodeDocument(d, &out).ok());
  return out;
}

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ =
        (std::filesystem::temp_directory_path() / ("casus_store_" + std::to_string(::getpid()) + ".sqlite"))
            .string();
    std::filesystem::remove(path_);
    ASSERT_TRUE(Store::Open(path_, &store_).ok());
  }
  void TearDown() override {
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }
  std::string path_;
  std::unique_ptr<Store> store_;
};

}  // namespace

TEST_F(StoreTest, ReingestingChangesNothing) {
  std::vector<CodedDocument> batch = {CodeText("a", "Russia attacked Ukraine on Friday."),
                                      CodeText("b", "On Friday Russia attacked Ukraine.")};
  size_t skipped = 0;
  ASSERT_TRUE(store_->Add(batch, &skipped).ok());
  EXPECT_EQ(skipped, 0u);
  StoreCounts first;
  ASSERT_TRUE(store_->Counts(&first).ok());
  EXPECT_EQ(first.documents, 2);
  EXPECT_EQ(first.events, 1);
  EXPECT_EQ(first.mentions, 2);
  ASSERT_TRUE(store_->Add(batch, &skipped).ok());
  EXPECT_EQ(skipped, 2u);
  StoreCounts second;
  ASSERT_TRUE(store_->Counts(&second).ok());
  EXPECT_EQ(second.documents, first.documents);
  EXPECT_EQ(second.events, first.events);
  EXPECT_EQ(second.mentions, first.mentions);
}

TEST_F(StoreTest, ChangedDocumentReplacesItsMentions) {
  ASSERT_TRUE(store_->Add({CodeText("a", "Russia attacked Ukraine on Friday.")}, nullptr).ok());
  ASSERT_TRUE(store_->Add({CodeText("a", "Nothing happened on Friday.")}, nullptr).ok());
  StoreCounts c;
  ASSERT_TRUE(store_->Counts(&c).ok());
  EXPECT_EQ(c.documents, 1);
  EXPECT_EQ(c.events, 0);
  EXPECT_EQ(c.mentions, 0);
}

TEST_F(StoreTest, EventsReadBackWithMentions) {
  ASSERT_TRUE(store_->Add({CodeText("a", "Russia attacked Ukraine on Friday.")}, nullptr).ok());
  std::vector<Event> events;
  ASSERT_TRUE(store_->ReadEvents(&events).ok());
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].date.ToString(), "2025-05-16");
  ASSERT_EQ(events[0].mentions.size(), 1u);
  EXPECT_EQ(events[0].mentions[0].text, "Russia attacked Ukraine on Friday.");
}

TEST_F(StoreTest, ReadEventKeepsTheMatchedWords) {
  ASSERT_TRUE(store_->Add({CodeText("a", "Russian troops attacked Ukraine on Friday.")}, nullptr).ok());
  std::vector<Event> events;
  ASSERT_TRUE(store_->ReadEvents(&events).ok());
  ASSERT_EQ(events.size(), 1u);
  Event e;
  ASSERT_TRUE(store_->ReadEvent(events[0].id, &e).ok());
  ASSERT_EQ(e.mentions.size(), 1u);
  EXPECT_EQ(e.mentions[0].source_text, "Russian troops");
  EXPECT_EQ(e.mentions[0].target_text, "Ukraine");
  EXPECT_EQ(e.mentions[0].trigger_text, "attacked");
  EXPECT_EQ(store_->ReadEvent("0000000000000000", &e).code(), Status::Code::kNotFound);
}

TEST(Store, UnwritablePathIsAnError) {
  std::unique_ptr<Store> s;
  EXPECT_FALSE(Store::Open("/nonexistent-dir/x/y.sqlite", &s).ok());
}

}  // namespace casus
