#include <gtest/gtest.h>
#include <sqlite3.h>
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
  // Sentences whose full-text index matches `query`, read with a separate
  // connection (so only committed rows count), or -1 on error.
  int SearchCount(const std::string& query) {
    sqlite3* db = nullptr;
    int n = -1;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK &&
        sqlite3_prepare_v2(db, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH ?1", -1, &st,
                           nullptr) == SQLITE_OK) {
      sqlite3_bind_text(st, 1, query.c_str(), -1, SQLITE_TRANSIENT);
      if (sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int(st, 0);
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
  }
  // FTS5's own check that the index matches the sentences table.
  bool IndexIntact() {
    sqlite3* db = nullptr;
    bool ok = sqlite3_open(path_.c_str(), &db) == SQLITE_OK &&
              sqlite3_exec(db, "INSERT INTO sentences_fts(sentences_fts) VALUES('integrity-check')", nullptr,
                           nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
  }
  StoreCounts CountsNow() {
    StoreCounts c;
    Status s = store_->Counts(&c);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return c;
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
  StoreCounts c = CountsNow();
  EXPECT_EQ(c.documents, 1);
  EXPECT_EQ(c.events, 0);
  EXPECT_EQ(c.mentions, 0);
}

TEST_F(StoreTest, RepeatedIdInOneBatch) {
  size_t skipped = 0;
  ASSERT_TRUE(store_
                  ->Add({CodeText("a", "Russia attacked Ukraine on Friday."),
                         CodeText("a", "Russia attacked Ukraine on Friday."),
                         CodeText("a", "Nothing happened on Friday.")},
                        &skipped)
                  .ok());
  EXPECT_EQ(skipped, 1u);
  StoreCounts c = CountsNow();
  EXPECT_EQ(c.documents, 1);
  EXPECT_EQ(c.sentences, 2);  // title and body of the last copy
  EXPECT_EQ(c.mentions, 0);
  EXPECT_EQ(SearchCount("happened"), 1);
  EXPECT_EQ(SearchCount("attacked"), 0);
  EXPECT_TRUE(IndexIntact());
}

// Replacing a document removes its old sentences from the search index,
// whether they were committed (indexed) or still pending in the transaction.
TEST_F(StoreTest, SearchIndexFollowsReplacedDocuments) {
  ASSERT_TRUE(store_->Add({CodeText("a", "Russia attacked Ukraine on Friday.")}, nullptr).ok());
  EXPECT_EQ(SearchCount("attacked"), 0);  // not committed yet
  ASSERT_TRUE(store_->Add({CodeText("a", "Nothing happened on Friday.")}, nullptr).ok());
  ASSERT_TRUE(store_->Flush().ok());
  EXPECT_EQ(SearchCount("attacked"), 0);
  EXPECT_EQ(SearchCount("happened"), 1);
  ASSERT_TRUE(store_->Add({CodeText("a", "Russia attacked Ukraine again.")}, nullptr).ok());
  ASSERT_TRUE(store_->Flush().ok());
  EXPECT_EQ(SearchCount("happened"), 0);
  EXPECT_EQ(SearchCount("attacked"), 1);
  EXPECT_TRUE(IndexIntact());
}

// Sentence text is cut out of the document by byte offsets (the view
// `sentences`), so multi-byte characters before a sentence do not shift it, and
// the search index reads it back for snippets.
TEST_F(StoreTest, SentencesAreCutFromTheirDocumentByBytes) {
  CodedDocument a = CodeText("a", "Über Zürich fiel Schnee. Путин встретился с Лавровым. Lavrov met Wang Yi.");
  ASSERT_TRUE(store_->Add({a}, nullptr).ok());
  ASSERT_TRUE(store_->Flush().ok());
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  std::vector<std::string> texts;
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT text FROM sentences WHERE doc_id = 'a' ORDER BY idx", -1, &st, nullptr),
            SQLITE_OK);
  while (sqlite3_step(st) == SQLITE_ROW) texts.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
  sqlite3_finalize(st);
  std::vector<std::string> expected;
  for (const Sentence& s : a.sentences) expected.push_back(a.doc.text.substr(s.start, s.end - s.start));
  EXPECT_EQ(texts, expected);
  ASSERT_GE(texts.size(), 4u);
  EXPECT_EQ(texts.back(), "Lavrov met Wang Yi.");
  std::string snippet;
  ASSERT_EQ(sqlite3_prepare_v2(db,
                               "SELECT snippet(sentences_fts, 0, '[', ']', '…', 8) FROM sentences_fts "
                               "WHERE sentences_fts MATCH 'zurich'",
                               -1, &st, nullptr),
            SQLITE_OK);
  if (sqlite3_step(st) == SQLITE_ROW) snippet = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  sqlite3_close(db);
  EXPECT_EQ(snippet, "Über [Zürich] fiel Schnee.");
  EXPECT_EQ(SearchCount("лавровым"), 1);
  EXPECT_TRUE(IndexIntact());
}

// A NUL byte inside a document does not cut its text short when it is read
// back to take its sentences out of the search index.
TEST_F(StoreTest, ReplacingADocumentWithANulByteKeepsTheIndexIntact) {
  CodedDocument a = CodeText("a", std::string("Talks went on.\0 Russia attacked Ukraine on Friday.", 50));
  ASSERT_NE(a.doc.text.find('\0'), std::string::npos);
  ASSERT_TRUE(store_->Add({a}, nullptr).ok());
  ASSERT_TRUE(store_->Flush().ok());
  EXPECT_EQ(SearchCount("attacked"), 1);
  ASSERT_TRUE(store_->Add({CodeText("a", "Nothing happened on Friday.")}, nullptr).ok());
  ASSERT_TRUE(store_->Flush().ok());
  EXPECT_EQ(SearchCount("attacked"), 0);
  EXPECT_EQ(SearchCount("happened"), 1);
  EXPECT_TRUE(IndexIntact());
}

// A fresh store remembers the ids it added instead of looking each new one up;
// documents another writer stored meanwhile, or that were stored before the
// store was opened, are still found.
TEST_F(StoreTest, DocumentsStoredByAnotherWriterAreFound) {
  CodedDocument a = CodeText("a", "Russia attacked Ukraine on Friday.");
  CodedDocument b = CodeText("b", "On Friday Russia attacked Ukraine.");
  size_t skipped = 0;
  ASSERT_TRUE(store_->Add({a}, &skipped).ok());
  ASSERT_TRUE(store_->Flush().ok());
  {
    std::unique_ptr<Store> other;
    ASSERT_TRUE(Store::Open(path_, &other).ok());
    ASSERT_TRUE(other->Add({b}, &skipped).ok());
    ASSERT_TRUE(other->Flush().ok());
  }
  ASSERT_TRUE(store_->Add({a, b}, &skipped).ok());
  EXPECT_EQ(skipped, 2u);
  ASSERT_TRUE(store_->Flush().ok());
  store_.reset();
  ASSERT_TRUE(Store::Open(path_, &store_).ok());
  ASSERT_TRUE(store_->Add({b, a}, &skipped).ok());
  EXPECT_EQ(skipped, 2u);
  StoreCounts c = CountsNow();
  EXPECT_EQ(c.documents, 2);
  EXPECT_EQ(c.mentions, 2);
}

// A batch that fails half-way (here a trigger refuses one of its documents)
// leaves none of its rows, and the batches before and after it are kept.
TEST_F(StoreTest, FailedBatchLeavesNothingAndOthersAreKept) {
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db,
                           "CREATE TRIGGER refuse BEFORE INSERT ON documents WHEN NEW.id = 'bad' "
                           "BEGIN SELECT RAISE(FAIL, 'refused'); END",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
  ASSERT_TRUE(store_->Add({CodeText("a", "Russia attacked Ukraine on Friday.")}, nullptr).ok());
  Status failed = store_->Add({CodeText("b", "Spain praised Portugal on Friday."),
                               CodeText("bad", "France criticised Italy on Friday."),
                               CodeText("c", "Chile thanked Peru on Friday.")},
                              nullptr);
  EXPECT_FALSE(failed.ok());
  EXPECT_NE(failed.message().find("refused"), std::string::npos) << failed.message();
  ASSERT_TRUE(store_->Add({CodeText("d", "Kenya accused Uganda on Friday.")}, nullptr).ok());
  ASSERT_TRUE(store_->Flush().ok());
  StoreCounts c = CountsNow();
  EXPECT_EQ(c.documents, 2);
  EXPECT_EQ(c.sentences, 4);  // title and body of a and d
  EXPECT_EQ(c.mentions, 2);
  EXPECT_EQ(SearchCount("Spain OR Portugal OR Chile"), 0);
  EXPECT_EQ(SearchCount("Ukraine OR Uganda"), 2);
  EXPECT_TRUE(IndexIntact());
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

TEST(Store, OtherSchemaVersionIsRefusedUntouched) {
  std::string path =
      (std::filesystem::temp_directory_path() / ("casus_old_" + std::to_string(::getpid()) + ".sqlite"))
          .string();
  std::filesystem::remove(path);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                         "INSERT INTO meta VALUES('schema_version', '2');",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  std::unique_ptr<Store> store;
  Status s = Store::Open(path, &store);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("schema version 2"), std::string::npos) << s.message();
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master WHERE type='table'", -1, &st, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(st, 0), 1);  // still only `meta`
  sqlite3_finalize(st);
  sqlite3_close(db);
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

TEST(Store, UnwritablePathIsAnError) {
  std::unique_ptr<Store> s;
  EXPECT_FALSE(Store::Open("/nonexistent-dir/x/y.sqlite", &s).ok());
}

}  // namespace casus
