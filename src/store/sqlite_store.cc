#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>
#include <sqlite3.h>

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <mutex>

#include "casus/store.h"
#include "util/hash.h"

namespace casus {

namespace {

// DO NOT CHANGE a released version's schema: bump the version instead.
constexpr const char* kSchemaVersion = "4";

// 16 KB pages (new databases only): a quarter of the write calls of 4 KB
// pages; storing the Reuters bench file took 0.25-0.30 s of system time
// instead of 0.32-0.40 s.
const char* kPragmas = R"sql(
PRAGMA page_size=16384;
PRAGMA journal_mode=WAL;
PRAGMA synchronous=NORMAL;
PRAGMA wal_autocheckpoint=16384;
PRAGMA cache_size=-65536;
)sql";

// Sentence ids are given by the store: a transaction numbers its sentences
// from above the largest id at its start, so the ids above that mark are
// exactly the sentences not yet in the search index (implicit rowids could
// reuse the id of a deleted, indexed sentence). A document's sentences have
// consecutive ids from documents.first_sentence, so no index on
// sentence_spans(doc_id, idx) is kept up (a tenth of the cost of storing).
// A sentence's text is not stored twice: the view `sentences` cuts it out of
// its document's text by byte offsets (a quarter of the database's size),
// and the search index reads its content through that view.
const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT OR IGNORE INTO meta(key, value) VALUES('schema_version', '4');
CREATE TABLE IF NOT EXISTS documents(
  id TEXT PRIMARY KEY, date TEXT NOT NULL, title TEXT, url TEXT, source TEXT,
  origin TEXT, text TEXT NOT NULL, hash TEXT NOT NULL,
  first_sentence INTEGER NOT NULL, sentence_count INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS sentence_spans(
  id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL, idx INTEGER NOT NULL,
  byte_start INTEGER NOT NULL, byte_end INTEGER NOT NULL);
CREATE VIEW IF NOT EXISTS sentences(id, doc_id, idx, byte_start, byte_end, text) AS
  SELECT s.id, s.doc_id, s.idx, s.byte_start, s.byte_end,
         CAST(substr(CAST(d.text AS BLOB), s.byte_start + 1, s.byte_end - s.byte_start) AS TEXT)
  FROM sentence_spans s JOIN documents d ON d.id = s.doc_id;
CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5(
  text, content='sentences', content_rowid='id', columnsize=0, tokenize='unicode61 remove_diacritics 2');
INSERT INTO sentences_fts(sentences_fts, rank) VALUES('hashsize', 134217728);
CREATE TABLE IF NOT EXISTS events(
  id TEXT PRIMARY KEY, date TEXT NOT NULL, date_precision TEXT NOT NULL,
  cameo TEXT NOT NULL, root TEXT NOT NULL, quad_class INTEGER, goldstein REAL,
  plover_type TEXT, plover_mode TEXT,
  source_code TEXT, source_name TEXT, source_country TEXT, source_kb TEXT,
  target_code TEXT, target_name TEXT, target_country TEXT, target_kb TEXT,
  loc_name TEXT, loc_country TEXT, loc_lat REAL, loc_lon REAL,
  negated INTEGER NOT NULL, modality TEXT NOT NULL, rep_key TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE TABLE IF NOT EXISTS mentions(
  event_id TEXT NOT NULL, doc_id TEXT NOT NULL, sentence INTEGER NOT NULL,
  byte_start INTEGER NOT NULL, byte_end INTEGER NOT NULL, rule TEXT NOT NULL,
  source_text TEXT, target_text TEXT, trigger_text TEXT,
  PRIMARY KEY(event_id, doc_id, sentence));
CREATE INDEX IF NOT EXISTS mentions_doc ON mentions(doc_id);
CREATE TABLE IF NOT EXISTS learned_actors(
  name TEXT NOT NULL, code TEXT NOT NULL, country TEXT, title TEXT NOT NULL,
  doc_id TEXT NOT NULL, sentence INTEGER NOT NULL, date TEXT NOT NULL,
  PRIMARY KEY(doc_id, sentence, name));
)sql";

class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) { rc_ = sqlite3_prepare_v2(db, sql, -1, &s_, nullptr); }
  ~Stmt() { sqlite3_finalize(s_); }
  bool ok() const { return rc_ == SQLITE_OK; }
  // Text is bound without a copy: it must outlive the next Step() (and
  // Reset() clears the bindings), so temporaries are refused.
  Stmt& Bind(int i, const std::string& v) { return BindView(i, v); }
  Stmt& Bind(int i, std::string&& v) = delete;
  Stmt& BindView(int i, std::string_view v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
    return *this;
  }
  // Bytes as a BLOB, without a copy (substr() then counts bytes, not characters).
  Stmt& BindBlob(int i, std::string_view v) {
    sqlite3_bind_blob(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
    return *this;
  }
  Stmt& BindCopy(int i, std::string_view v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& Bind(int i, long long v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  Stmt& Bind(int i, double v) {
    sqlite3_bind_double(s_, i, v);
    return *this;
  }
  Stmt& BindNull(int i) {
    sqlite3_bind_null(s_, i);
    return *this;
  }
  int Step() { return sqlite3_step(s_); }
  void Reset() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }
  // All the value's bytes (a NUL inside text does not end it; byte offsets
  // into a document's text must hold).
  std::string Text(int c) const {
    const unsigned char* t = sqlite3_column_text(s_, c);
    return t ? std::string(reinterpret_cast<const char*>(t), sqlite3_column_bytes(s_, c)) : "";
  }
  long long Int(int c) const { return sqlite3_column_int64(s_, c); }
  double Real(int c) const { return sqlite3_column_double(s_, c); }
  bool Null(int c) const { return sqlite3_column_type(s_, c) == SQLITE_NULL; }

 private:
  sqlite3_stmt* s_ = nullptr;
  int rc_;
};

// A value of a queued row: text (not copied) or an integer.
struct Value {
  Value(const std::string& t) : text(t), is_text(true) {}  // NOLINT: rows are brace lists
  Value(std::string&&) = delete;                           // would dangle: text is bound without a copy
  explicit Value(std::string_view t) : text(t), is_text(true) {}
  Value(long long i) : integer(i) {}  // NOLINT
  std::string_view text;
  long long integer = 0;
  bool is_text = false;
};

// Prepared statements over `n` rows or keys, built on first use and kept.
class StatementCache {
 public:
  StatementCache(sqlite3* db, std::function<std::string(size_t)> sql) : db_(db), sql_(std::move(sql)) {}
  Stmt* Get(size_t n) {
    auto& st = cache_[n];
    if (!st) st = std::make_unique<Stmt>(db_, sql_(n).c_str());
    return st->ok() ? st.get() : nullptr;
  }

 private:
  sqlite3* db_;
  std::function<std::string(size_t)> sql_;
  std::map<size_t, std::unique_ptr<Stmt>> cache_;
};

// "(?,?,?),(?,?,?)": `rows` groups of `columns` parameters.
std::string Placeholders(size_t rows, size_t columns) {
  std::string group = "(";
  for (size_t c = 0; c < columns; ++c) group += c ? ",?" : "?";
  group += ")";
  std::string out;
  for (size_t r = 0; r < rows; ++r) out += (r ? "," : "") + group;
  return out;
}

// Rows queued and inserted up to kRowsPerInsert at a time by one multi-row
// INSERT: per-statement work in SQLite costs about as much as writing a row.
// Queued text must stay alive until Flush(). Callers use INSERT OR FAIL: a
// multi-row INSERT that may abort half-way makes SQLite copy every page it
// touches that is already dirty to a statement journal, to undo the
// statement alone (about 19 MB of journal writes per MB of Reuters text);
// FAIL keeps the rows before the failing one, and the failed batch is rolled
// back to its savepoint anyway.
class RowInserter {
 public:
  static constexpr size_t kRowsPerInsert = 32;
  RowInserter(sqlite3* db, const std::string& head, size_t columns)
      : columns_(columns), statements_(db, [head, columns](size_t rows) {
          return head + " VALUES" + Placeholders(rows, columns);
        }) {}
  bool Add(std::initializer_list<Value> row) {
    values_.insert(values_.end(), row);
    return values_.size() < kRowsPerInsert * columns_ || Flush();
  }
  // Drops queued rows (after a failed batch, whose text they point into).
  void Clear() { values_.clear(); }
  // False on error (sqlite3_errmsg tells).
  bool Flush() {
    size_t rows = values_.size() / columns_;
    if (rows == 0) return true;
    Stmt* st = statements_.Get(rows);
    if (!st) return false;
    for (size_t i = 0; i < values_.size(); ++i) {
      int param = static_cast<int>(i + 1);
      if (values_[i].is_text)
        st->BindView(param, values_[i].text);
      else
        st->Bind(param, values_[i].integer);
    }
    bool ok = st->Step() == SQLITE_DONE;
    st->Reset();
    values_.clear();
    return ok;
  }

 private:
  size_t columns_;
  StatementCache statements_;
  std::vector<Value> values_;
};

std::string RepKey(const Mention& m) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "|%08d|%012zu", m.sentence, m.start);
  return m.doc + buf;
}

// Text per transaction. Each commit indexes its sentences, and FTS5 writes
// one segment per commit: per-batch commits (~0.3 MB) cost a third more than
// one big one, while 4 MB costs within 1% of 16 MB (callgrind, 8 MB of the
// Reuters bench file) and keeps the search index close behind the writes.
constexpr size_t kCommitBytes = 4u << 20;

class SqliteStore : public Store {
 public:
  ~SqliteStore() override {
    Flush();
    statements_.reset();
    sqlite3_close(db_);
  }

  Status Init(const std::string& path) {
    // One Store is used by one thread at a time (the run's writer, then the
    // caller): SQLite's per-call connection mutex is not needed.
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK)
      return Status::IOError(path + ": " + (db_ ? sqlite3_errmsg(db_) : "cannot open"));
    sqlite3_busy_timeout(db_, 5000);
    if (sqlite3_create_function_v2(db_, "casus_pending_sentence", 1, SQLITE_UTF8 | SQLITE_DIRECTONLY, this,
                                   &PendingSentence, nullptr, nullptr, nullptr) != SQLITE_OK)
      return Error(path);
    Status s = Exec(kPragmas, path);
    if (!s.ok()) return s;
    // Another version's database is refused before anything is written to it.
    Stmt has_meta(db_, "SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'");
    if (!has_meta.ok()) return Error(path);
    if (has_meta.Step() == SQLITE_ROW) {
      Stmt v(db_, "SELECT value FROM meta WHERE key='schema_version'");
      std::string version = v.ok() && v.Step() == SQLITE_ROW ? v.Text(0) : "unknown";
      if (version != kSchemaVersion)
        return Status::InvalidInput(path + ": database schema version " + version + ", this casus writes " +
                                    kSchemaVersion + "; use a new database file");
    }
    s = Exec(kSchema, path);
    if (!s.ok()) return s;
    Stmt any(db_, "SELECT EXISTS(SELECT 1 FROM documents)");
    if (!any.ok() || any.Step() != SQLITE_ROW) return Error(path);
    tracking_ids_ = any.Int(0) == 0;
    return DataVersion(&data_version_) ? Status::OK() : Error(path);
  }

  // PRAGMA data_version: changes when another connection commits.
  bool DataVersion(long long* out) {
    Stmt v(db_, "PRAGMA data_version");
    if (!v.ok() || v.Step() != SQLITE_ROW) return false;
    *out = v.Int(0);
    return true;
  }

  Status Exec(const char* sql, const std::string& what) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = what + ": " + (err ? err : "sqlite error");
      sqlite3_free(err);
      return Status::IOError(msg);
    }
    return Status::OK();
  }

  Status Error(const std::string& what) { return Status::IOError(what + ": " + sqlite3_errmsg(db_)); }

  // Consecutive Add() calls share one transaction until kCommitBytes of
  // document text are pending; each batch is a savepoint inside it.
  Status Add(const std::vector<CodedDocument>& batch, size_t* skipped) override {
    if (!in_transaction_) {
      Status s = Exec("BEGIN IMMEDIATE", "begin");
      if (!s.ok()) return s;
      Stmt last_id(db_, "SELECT COALESCE(MAX(id), 0) FROM sentence_spans");
      if (!last_id.ok() || last_id.Step() != SQLITE_ROW) {
        Status e = Error("read sentences");
        Exec("ROLLBACK", "rollback");
        return e;
      }
      indexed_up_to_ = last_id.Int(0);
      next_sentence_id_ = indexed_up_to_ + 1;
      in_transaction_ = true;
      long long version = 0;
      if (!DataVersion(&version) || version != data_version_) StopTrackingIds();
    }
    Status s = Exec("SAVEPOINT batch", "savepoint");
    size_t batch_ids_from = pending_ids_.size();
    if (s.ok()) s = AddInTransaction(batch, skipped);
    if (!s.ok()) {
      // Earlier batches of the transaction are kept.
      ForgetPendingIds(batch_ids_from);
      Exec("ROLLBACK TO batch", "rollback");
      Exec("RELEASE batch", "release");
      Flush();
      return s;
    }
    s = Exec("RELEASE batch", "release");
    if (!s.ok()) return s;
    return pending_bytes_ >= kCommitBytes ? Flush() : Status::OK();
  }

  // Indexes the pending sentences for search in one statement (FTS5 then
  // writes one segment per commit) and commits. Their text is taken from
  // pending_text_: through the view, each sentence would read its whole
  // document.
  Status Flush() override {
    if (!in_transaction_) return Status::OK();
    in_transaction_ = false;
    pending_bytes_ = 0;
    Stmt fts(db_,
             "INSERT INTO sentences_fts(rowid, text) SELECT id, casus_pending_sentence(id) FROM sentence_spans "
             "WHERE id > ?1");
    Status s = fts.ok() ? Status::OK() : Error("prepare");
    if (s.ok()) {
      fts.Bind(1, indexed_up_to_);
      if (fts.Step() != SQLITE_DONE) s = Error("index sentences");
    }
    if (s.ok()) s = Exec("COMMIT", "commit");
    if (!s.ok()) {
      Exec("ROLLBACK", "rollback");
      ForgetPendingIds(0);
    }
    pending_ids_.clear();
    pending_text_.clear();
    pending_ends_.clear();
    return s;
  }

  // casus_pending_sentence(id): the text of a sentence added in the open
  // transaction (the connection's own function, for Flush).
  static void PendingSentence(sqlite3_context* ctx, int, sqlite3_value** argv) {
    const auto* self = static_cast<const SqliteStore*>(sqlite3_user_data(ctx));
    long long k = sqlite3_value_int64(argv[0]) - self->indexed_up_to_ - 1;
    if (k < 0 || k >= static_cast<long long>(self->pending_ends_.size())) {
      sqlite3_result_error(ctx, "casus: sentence is not pending", -1);
      return;
    }
    size_t begin = k == 0 ? 0 : self->pending_ends_[k - 1];
    sqlite3_result_text(ctx, self->pending_text_.data() + begin, static_cast<int>(self->pending_ends_[k] - begin),
                        SQLITE_STATIC);
  }

  // The statements of AddInTransaction, prepared once per connection.
  struct Statements {
    explicit Statements(sqlite3* db)
        : del_doc(db, "DELETE FROM documents WHERE id=?1"),
          old_doc(db, "SELECT text, first_sentence, sentence_count FROM documents WHERE id=?1"),
          // The sentences ?1..?2 of document text ?3, bound once (through the
          // view, each sentence would read the whole document).
          unindex(db,
                  "INSERT INTO sentences_fts(sentences_fts, rowid, text) SELECT 'delete', id, "
                  "CAST(substr(?3, byte_start + 1, byte_end - byte_start) AS TEXT) FROM sentence_spans "
                  "WHERE id BETWEEN ?1 AND ?2"),
          del_sent(
              db,
              "DELETE FROM sentence_spans WHERE id BETWEEN (SELECT first_sentence FROM documents WHERE id=?1) "
              "AND (SELECT first_sentence + sentence_count - 1 FROM documents WHERE id=?1)"),
          del_ment(db, "DELETE FROM mentions WHERE doc_id=?1"),
          del_learned(db, "DELETE FROM learned_actors WHERE doc_id=?1"),
          ins_learned(db,
                      "INSERT OR IGNORE INTO learned_actors(name,code,country,title,doc_id,sentence,date) "
                      "VALUES(?1,?2,?3,?4,?5,?6,?7)"),
          ins_ment(db,
                   "INSERT OR IGNORE INTO mentions(event_id,doc_id,sentence,byte_start,byte_end,rule,"
                   "source_text,target_text,trigger_text) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)"),
          up_event(db, R"sql(INSERT INTO events(id,date,date_precision,cameo,root,quad_class,goldstein,
        plover_type,plover_mode,source_code,source_name,source_country,source_kb,target_code,target_name,
        target_country,target_kb,loc_name,loc_country,loc_lat,loc_lon,negated,modality,rep_key)
        VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23,?24)
        ON CONFLICT(id) DO UPDATE SET cameo=excluded.cameo, source_name=excluded.source_name,
        source_kb=excluded.source_kb, target_name=excluded.target_name, target_kb=excluded.target_kb,
        source_code=excluded.source_code, source_country=excluded.source_country,
        target_code=excluded.target_code, target_country=excluded.target_country,
        loc_name=COALESCE(excluded.loc_name, loc_name), loc_country=COALESCE(excluded.loc_country, loc_country),
        loc_lat=COALESCE(excluded.loc_lat, loc_lat), loc_lon=COALESCE(excluded.loc_lon, loc_lon),
        rep_key=excluded.rep_key WHERE excluded.rep_key < events.rep_key)sql"),
          gc(db, "DELETE FROM events WHERE id NOT IN (SELECT DISTINCT event_id FROM mentions)"),
          docs(db,
               "INSERT OR FAIL INTO "
               "documents(id,date,title,url,source,origin,text,hash,first_sentence,sentence_count)",
               10),
          sentences(db, "INSERT OR FAIL INTO sentence_spans(id,doc_id,idx,byte_start,byte_end)", 5),
          lookup(db, [](size_t n) {
            return "SELECT id, hash FROM documents WHERE id IN " + Placeholders(1, n);
          }) {}
    bool ok() const {
      for (const Stmt* st :
           {&del_doc, &old_doc, &unindex, &del_sent, &del_ment, &del_learned, &ins_learned, &ins_ment, &up_event,
            &gc})
        if (!st->ok()) return false;
      return true;
    }
    Stmt del_doc, old_doc, unindex, del_sent, del_ment, del_learned, ins_learned, ins_ment, up_event, gc;
    RowInserter docs, sentences;
    StatementCache lookup;
  };

  Status AddInTransaction(const std::vector<CodedDocument>& batch, size_t* skipped) {
    if (!statements_) {
      statements_ = std::make_unique<Statements>(db_);
      if (!statements_->ok()) {
        statements_.reset();
        return Error("prepare");
      }
    }
    Statements& q = *statements_;
    Stmt &del_doc = q.del_doc, &old_doc = q.old_doc, &unindex = q.unindex, &del_sent = q.del_sent, &del_ment = q.del_ment,
         &del_learned = q.del_learned, &ins_learned = q.ins_learned, &ins_ment = q.ins_ment,
         &up_event = q.up_event, &gc = q.gc;
    RowInserter &docs = q.docs, &sentences = q.sentences;
    StatementCache& lookup = q.lookup;
    docs.Clear();
    sentences.Clear();

    // The stored hash of every id in the batch that is already stored. While
    // the ids this store added are tracked, only those may be stored: the
    // others need no query.
    std::vector<uint64_t> id_hashes(batch.size());
    std::vector<const std::string*> to_look_up;
    for (size_t i = 0; i < batch.size(); ++i) {
      id_hashes[i] = StableHash64(batch[i].doc.id);
      if (!tracking_ids_ || added_ids_.contains(id_hashes[i])) to_look_up.push_back(&batch[i].doc.id);
    }
    absl::flat_hash_map<std::string, std::string> stored;
    for (size_t i = 0; i < to_look_up.size();) {
      size_t n = std::min<size_t>(to_look_up.size() - i, 64);
      Stmt* query = lookup.Get(n);
      if (!query) return Error("prepare");
      for (size_t k = 0; k < n; ++k) query->Bind(static_cast<int>(k + 1), *to_look_up[i + k]);
      int rc;
      while ((rc = query->Step()) == SQLITE_ROW) stored[query->Text(0)] = query->Text(1);
      query->Reset();
      if (rc != SQLITE_DONE) return Error("read documents");
      i += n;
    }
    // Date and content hash per document: bound without copies, so kept here.
    std::vector<std::string> dates(batch.size()), hashes(batch.size());
    absl::flat_hash_map<std::string_view, size_t> in_batch;  // id -> index of its last copy here
    std::vector<Event> mention_events;
    bool deleted_any = false;
    size_t skip = 0;
    for (size_t i = 0; i < batch.size(); ++i) {
      const CodedDocument& cd = batch[i];
      const Document& d = cd.doc;
      dates[i] = d.date.ToString();
      hashes[i] = HexId(cd.fingerprint);
      // The same content is skipped; changed content replaces the stored
      // document (or an earlier copy in this batch) and all derived from it.
      auto earlier = in_batch.find(d.id);
      auto old = stored.find(d.id);
      const std::string* old_hash = earlier != in_batch.end() ? &hashes[earlier->second]
                                    : old != stored.end()     ? &old->second
                                                              : nullptr;
      if (old_hash && *old_hash == hashes[i]) {
        ++skip;
        continue;
      }
      if (old_hash) {
        if (!docs.Flush() || !sentences.Flush()) return Error("insert " + d.id);
        // Only committed sentences are in the search index (see Flush).
        old_doc.Bind(1, d.id);
        int rc = old_doc.Step();
        std::string old_text;
        long long first = 0, count = 0;
        if (rc == SQLITE_ROW) {
          old_text = old_doc.Text(0);
          first = old_doc.Int(1);
          count = old_doc.Int(2);
        }
        Status read = rc == SQLITE_ROW || rc == SQLITE_DONE ? Status::OK() : Error("read " + d.id);
        old_doc.Reset();
        if (!read.ok()) return read;
        if (rc == SQLITE_ROW) {
          unindex.Bind(1, first).Bind(2, std::min(first + count - 1, indexed_up_to_)).BindBlob(3, old_text);
          Status unindexed = unindex.Step() == SQLITE_DONE ? Status::OK() : Error("unindex " + d.id);
          unindex.Reset();
          if (!unindexed.ok()) return unindexed;
        }
        for (Stmt* st :
             {&del_sent, &del_doc, &del_ment, &del_learned}) {  // sentences first: found via the document
          st->Bind(1, d.id);
          if (st->Step() != SQLITE_DONE) return Error("delete " + d.id);
          st->Reset();
        }
        // An earlier copy in this batch has its events still queued.
        std::erase_if(mention_events, [&](const Event& e) { return e.mentions.front().doc == d.id; });
        deleted_any = true;
      }
      in_batch[d.id] = i;
      TrackId(id_hashes[i]);
      if (!docs.Add({d.id, dates[i], d.title, d.url, d.source, d.origin, d.text, hashes[i], next_sentence_id_,
                     static_cast<long long>(cd.sentences.size())}))
        return Error("insert document " + d.id);
      pending_bytes_ += d.text.size();
      for (const Sentence& s : cd.sentences) {
        pending_text_.append(d.text, s.start, s.end - s.start);
        pending_ends_.push_back(pending_text_.size());
        if (!sentences.Add({next_sentence_id_++, d.id, static_cast<long long>(s.index),
                            static_cast<long long>(s.start), static_cast<long long>(s.end)}))
          return Error("insert sentence of " + d.id);
      }
      for (const Event& e : cd.events) mention_events.push_back(e);
      for (const LearnedActor& l : cd.learned) {
        ins_learned.Bind(1, l.name)
            .Bind(2, l.code)
            .Bind(3, l.country)
            .Bind(4, l.title)
            .Bind(5, d.id)
            .Bind(6, static_cast<long long>(l.sentence))
            .Bind(7, dates[i]);
        if (ins_learned.Step() != SQLITE_DONE) return Error("insert learned actor");
        ins_learned.Reset();
      }
    }
    if (!docs.Flush() || !sentences.Flush()) return Error("insert documents");
    if (skipped) *skipped = skip;
    for (const Event& e : MergeEvents(std::move(mention_events))) {
      const Mention& rep = e.mentions.front();
      up_event.Bind(1, e.id)
          .BindCopy(2, e.date.ToString())
          .BindCopy(3, DatePrecisionName(e.date_precision))
          .Bind(4, e.cameo)
          .Bind(5, e.root)
          .Bind(6, static_cast<long long>(e.quad_class))
          .Bind(7, e.goldstein)
          .Bind(8, e.plover_type)
          .Bind(9, e.plover_mode)
          .Bind(10, e.source.code)
          .Bind(11, e.source.name)
          .Bind(12, e.source.country)
          .Bind(13, e.source.kb_id);
      if (e.target) {
        up_event.Bind(14, e.target->code)
            .Bind(15, e.target->name)
            .Bind(16, e.target->country)
            .Bind(17, e.target->kb_id);
      } else {
        for (int i = 14; i <= 17; ++i) up_event.BindNull(i);
      }
      if (e.location) {
        up_event.Bind(18, e.location->name)
            .Bind(19, e.location->country)
            .Bind(20, e.location->lat)
            .Bind(21, e.location->lon);
      } else {
        for (int i = 18; i <= 21; ++i) up_event.BindNull(i);
      }
      up_event.Bind(22, static_cast<long long>(e.negated))
          .BindCopy(23, ModalityName(e.modality))
          .BindCopy(24, RepKey(rep));
      if (up_event.Step() != SQLITE_DONE) return Error("upsert event");
      up_event.Reset();
      for (const Mention& m : e.mentions) {
        ins_ment.Bind(1, e.id)
            .Bind(2, m.doc)
            .Bind(3, static_cast<long long>(m.sentence))
            .Bind(4, static_cast<long long>(m.start))
            .Bind(5, static_cast<long long>(m.end))
            .Bind(6, m.rule)
            .Bind(7, m.source_text)
            .Bind(8, m.target_text)
            .Bind(9, m.trigger_text);
        if (ins_ment.Step() != SQLITE_DONE) return Error("insert mention");
        ins_ment.Reset();
      }
    }
    if (deleted_any && gc.Step() != SQLITE_DONE) return Error("delete orphan events");
    return Status::OK();
  }

  Status ReadEvents(std::vector<Event>* out) override { return Read("", out); }

  Status ReadEvent(const std::string& id, Event* out) override {
    std::vector<Event> events;
    Status s = Read(id, &events);
    if (!s.ok()) return s;
    if (events.empty()) return Status::NotFound("no event with id " + id);
    *out = std::move(events[0]);
    return Status::OK();
  }

  // Events (all, or the one with `id`) with their mentions.
  Status Read(const std::string& id, std::vector<Event>* out) {
    out->clear();
    if (Status f = Flush(); !f.ok()) return f;
    Stmt ev(
        db_,
        "SELECT id,date,date_precision,cameo,root,quad_class,goldstein,plover_type,plover_mode,"
        "source_code,source_name,source_country,source_kb,target_code,target_name,target_country,target_kb,"
        "loc_name,loc_country,loc_lat,loc_lon,negated,modality FROM events WHERE ?1 = '' OR id = ?1 "
        "ORDER BY date, id");
    Stmt mt(db_,
            "SELECT m.event_id,m.doc_id,m.sentence,m.byte_start,m.byte_end,m.rule,"
            "CAST(substr(CAST(d.text AS BLOB), m.byte_start + 1, m.byte_end - m.byte_start) AS TEXT),d.source,"
            "m.source_text,m.target_text,m.trigger_text FROM mentions m JOIN documents d ON d.id=m.doc_id "
            "WHERE ?1 = '' OR m.event_id = ?1 "
            "ORDER BY m.event_id, m.doc_id, m.sentence");
    if (!ev.ok() || !mt.ok()) return Error("prepare");
    ev.Bind(1, id);
    mt.Bind(1, id);
    std::map<std::string, size_t> index;
    while (ev.Step() == SQLITE_ROW) {
      Event e;
      e.id = ev.Text(0);
      e.date = Date::Parse(ev.Text(1)).value_or(Date{});
      std::string p = ev.Text(2);
      e.date_precision = p == "year"    ? DatePrecision::kYear
                         : p == "month" ? DatePrecision::kMonth
                                        : DatePrecision::kDay;
      e.cameo = ev.Text(3);
      e.root = ev.Text(4);
      e.quad_class = static_cast<int>(ev.Int(5));
      e.goldstein = ev.Real(6);
      e.plover_type = ev.Text(7);
      e.plover_mode = ev.Text(8);
      e.source = Actor{ev.Text(9), ev.Text(10), ev.Text(11), ev.Text(12)};
      if (!ev.Null(13)) e.target = Actor{ev.Text(13), ev.Text(14), ev.Text(15), ev.Text(16)};
      if (!ev.Null(17)) e.location = Location{ev.Text(17), ev.Text(18), ev.Real(19), ev.Real(20)};
      e.negated = ev.Int(21) != 0;
      std::string mod = ev.Text(22);
      e.modality = mod == "intent"   ? Modality::kIntent
                   : mod == "threat" ? Modality::kThreat
                                     : Modality::kAsserted;
      index[e.id] = out->size();
      out->push_back(std::move(e));
    }
    while (mt.Step() == SQLITE_ROW) {
      auto it = index.find(mt.Text(0));
      if (it == index.end()) continue;
      Mention m;
      m.doc = mt.Text(1);
      m.sentence = static_cast<int>(mt.Int(2));
      m.start = static_cast<size_t>(mt.Int(3));
      m.end = static_cast<size_t>(mt.Int(4));
      m.rule = mt.Text(5);
      m.text = mt.Text(6);
      m.source_name = mt.Text(7);
      m.source_text = mt.Text(8);
      m.target_text = mt.Text(9);
      m.trigger_text = mt.Text(10);
      (*out)[it->second].mentions.push_back(std::move(m));
    }
    return Status::OK();
  }

  Status ReadLearned(std::vector<LearnedActor>* out) override {
    out->clear();
    if (Status f = Flush(); !f.ok()) return f;
    Stmt q(db_,
           "SELECT name,code,country,title,doc_id,sentence,date FROM learned_actors ORDER BY name, doc_id, "
           "sentence");
    if (!q.ok()) return Error("prepare");
    while (q.Step() == SQLITE_ROW) {
      LearnedActor l;
      l.name = q.Text(0);
      l.code = q.Text(1);
      l.country = q.Text(2);
      l.title = q.Text(3);
      l.doc = q.Text(4);
      l.sentence = static_cast<int>(q.Int(5));
      l.date = Date::Parse(q.Text(6)).value_or(Date{});
      out->push_back(std::move(l));
    }
    return Status::OK();
  }

  Status Counts(StoreCounts* out) override {
    if (Status f = Flush(); !f.ok()) return f;
    struct {
      const char* sql;
      long long* dst;
    } q[] = {{"SELECT count(*) FROM documents", &out->documents},
             {"SELECT count(*) FROM sentence_spans", &out->sentences},
             {"SELECT count(*) FROM events", &out->events},
             {"SELECT count(*) FROM mentions", &out->mentions}};
    for (auto& x : q) {
      Stmt s(db_, x.sql);
      if (!s.ok() || s.Step() != SQLITE_ROW) return Error("count");
      *x.dst = s.Int(0);
    }
    return Status::OK();
  }

 private:
  sqlite3* db_ = nullptr;
  std::unique_ptr<Statements> statements_;  // finalized before db_ closes
  // Ids (StableHash64) of the documents this store has added, kept while the
  // database had no documents when opened and no other connection has
  // written to it since: an id not among them is not stored, so a batch of
  // new documents needs no lookup query (a tenth of the cost of storing).
  // Capped; past the cap, and once another writer is seen, every id is
  // looked up.
  static constexpr size_t kMaxTrackedIds = 4u << 20;
  void TrackId(uint64_t h) {  // StableHash64 of the id
    if (!tracking_ids_) return;
    if (added_ids_.insert(h).second) pending_ids_.push_back(h);
    if (added_ids_.size() > kMaxTrackedIds) StopTrackingIds();
  }
  // Forgets the ids added since pending_ids_[from] (their rows were rolled back).
  void ForgetPendingIds(size_t from) {
    for (size_t k = from; k < pending_ids_.size(); ++k) added_ids_.erase(pending_ids_[k]);
    pending_ids_.resize(std::min(from, pending_ids_.size()));
  }
  void StopTrackingIds() {
    tracking_ids_ = false;
    added_ids_ = {};
    pending_ids_ = {};
  }
  bool tracking_ids_ = false;
  long long data_version_ = 0;
  absl::flat_hash_set<uint64_t> added_ids_;
  std::vector<uint64_t> pending_ids_;  // added in the open transaction, in order
  bool in_transaction_ = false;
  long long indexed_up_to_ = 0;  // sentence ids above this await indexing
  long long next_sentence_id_ = 1;
  size_t pending_bytes_ = 0;
  // The text of the sentences added in the open transaction, indexed at
  // commit: sentence indexed_up_to_ + 1 + k ends at pending_ends_[k]. A
  // failed batch's sentences stay (unused) so that later ids keep their place.
  std::string pending_text_;
  std::vector<size_t> pending_ends_;
};

}  // namespace

Status Store::Open(const std::string& path, std::unique_ptr<Store>* store) {
  // SQLite's memory statistics take a global mutex on every allocation; casus
  // does not read them. Only possible before SQLite is first used in the
  // process (afterwards the call fails harmlessly).
  static std::once_flag once;
  std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
  auto s = std::make_unique<SqliteStore>();
  Status st = s->Init(path);
  if (!st.ok()) return st;
  *store = std::move(s);
  return Status::OK();
}

}  // namespace casus
