#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "casus/run.h"

namespace casus {

namespace {

using Clock = std::chrono::steady_clock;

double Since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// Codes batches on `threads` workers: the caller and threads - 1 others
// that live as long as the pool, so that their per-thread state (segmenter,
// scratch vectors) is made once, not once per batch. Each document moves into
// its result, and results keep input order.
class CodingPool {
 public:
  CodingPool(const Engine& engine, int threads) : engine_(engine) {
    for (int t = 1; t < threads; ++t) workers_.emplace_back([this] { Loop(); });
  }
  ~CodingPool() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    start_.notify_all();
    for (auto& w : workers_) w.join();
  }

  void Code(std::vector<Document>& docs, std::vector<CodedDocument>* out, std::vector<Status>* status) {
    out->resize(docs.size());  // reused results are overwritten by the workers
    status->assign(docs.size(), Status::OK());
    {
      std::lock_guard<std::mutex> lock(mu_);
      docs_ = &docs;
      out_ = out;
      status_ = status;
      next_ = 0;
      busy_ = workers_.size();
      ++round_;
    }
    start_.notify_all();
    Work();
    std::unique_lock<std::mutex> lock(mu_);
    done_.wait(lock, [&] { return busy_ == 0; });
  }

 private:
  void Work() {
    for (size_t i = next_++; i < docs_->size(); i = next_++)
      (*status_)[i] = engine_.CodeDocument(std::move((*docs_)[i]), &(*out_)[i]);
  }
  void Loop() {
    uint64_t seen = 0;
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      start_.wait(lock, [&] { return stop_ || round_ != seen; });
      if (stop_) return;
      seen = round_;
      lock.unlock();
      Work();
      lock.lock();
      if (--busy_ == 0) done_.notify_one();
    }
  }

  const Engine& engine_;
  std::mutex mu_;
  std::condition_variable start_, done_;
  std::vector<Document>* docs_ = nullptr;
  std::vector<CodedDocument>* out_ = nullptr;
  std::vector<Status>* status_ = nullptr;
  std::atomic<size_t> next_{0};
  size_t busy_ = 0;
  uint64_t round_ = 0;
  bool stop_ = false;
  std::vector<std::thread> workers_;  // last: started after the members they use
};

// One writer thread storing coded batches in the order they were queued.
class Writer {
 public:
  Writer(Store* store, bool collect, std::vector<Event>* mentions)
      : store_(store), collect_(collect), mentions_(mentions), thread_([this] { Loop(); }) {}
  ~Writer() { Close(); }

  // Blocks while six batches are already waiting: enough that coding goes on
  // while the store indexes a commit (a queue of two stalled it).
  void Push(std::vector<CodedDocument>&& batch) {
    std::unique_lock<std::mutex> lock(mu_);
    space_.wait(lock, [&] { return queue_.size() < 6; });
    queue_.push_back(std::move(batch));
    ready_.notify_one();
  }

  void Close() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (closed_) return;
      closed_ = true;
    }
    ready_.notify_one();
    thread_.join();
  }

  // A batch the writer is done with, for reuse (its strings and vectors keep
  // their memory, and freeing the rest happens on the coding threads instead
  // of the writer's); empty when there is none.
  std::vector<CodedDocument> TakeDone() {
    std::lock_guard<std::mutex> lock(mu_);
    if (done_.empty()) return {};
    std::vector<CodedDocument> out = std::move(done_.back());
    done_.pop_back();
    return out;
  }

  // Valid after Close().
  const Status& status() const { return status_; }
  size_t skipped() const { return skipped_; }
  double store_seconds() const { return store_seconds_; }

 private:
  void Loop() {
    while (true) {
      std::vector<CodedDocument> batch;
      {
        std::unique_lock<std::mutex> lock(mu_);
        ready_.wait(lock, [&] { return closed_ || !queue_.empty(); });
        if (queue_.empty()) break;
        batch = std::move(queue_.front());
        queue_.pop_front();
        space_.notify_one();
      }
      if (store_ && status_.ok()) {
        auto t = Clock::now();
        size_t skip = 0;
        status_ = store_->Add(batch, &skip);
        skipped_ += skip;
        store_seconds_ += Since(t);
      }
      if (collect_)
        for (auto& cd : batch)
          for (auto& e : cd.events) mentions_->push_back(std::move(e));
      std::lock_guard<std::mutex> lock(mu_);
      if (done_.size() < 2) done_.push_back(std::move(batch));
    }
    if (store_ && status_.ok()) {
      auto t = Clock::now();
      status_ = store_->Flush();
      store_seconds_ += Since(t);
    }
  }

  Store* store_;
  bool collect_;
  std::vector<Event>* mentions_;
  std::mutex mu_;
  std::condition_variable ready_, space_;
  std::deque<std::vector<CodedDocument>> queue_;
  std::vector<std::vector<CodedDocument>> done_;
  bool closed_ = false;
  Status status_;
  size_t skipped_ = 0;
  double store_seconds_ = 0;
  std::thread thread_;  // last: starts after the members it uses exist
};

}  // namespace

Status Run(const std::vector<std::string>& inputs, const ReadOptions& read_options, const Engine& engine,
           Store* store, const RunOptions& options, const IssueCallback& on_issue,
           const ProgressCallback& on_progress, std::vector<Event>* events, RunStats* stats) {
  auto start = Clock::now();
  RunStats st;
  std::vector<Event> mentions;
  Writer writer(store, options.collect_events && events, &mentions);
  CodingPool pool(engine, std::max(1, options.threads));
  std::vector<Document> batch;
  size_t batch_bytes = 0;
  std::vector<CodedDocument> coded;
  std::vector<Status> status;
  auto read_mark = Clock::now();
  auto flush = [&] {
    if (batch.empty()) return;
    st.read_seconds += Since(read_mark);
    coded = writer.TakeDone();
    pool.Code(batch, &coded, &status);
    for (size_t i = 0; i < coded.size(); ++i) {
      if (!status[i].ok()) {
        ++st.errors;
        on_issue(ReadIssue{Severity::kError, coded[i].doc.origin, status[i].message()});
      }
      const CodedDocument& cd = coded[i];
      for (const auto& w : cd.warnings) {
        ++st.warnings;
        on_issue(ReadIssue{Severity::kWarning, cd.doc.origin, w});
      }
      st.sentences += cd.sentences.size();
      if (!cd.coded) ++st.not_english;
      st.mentions += cd.events.size();
      st.clean_seconds += cd.times.clean;
      st.segment_seconds += cd.times.segment;
      st.recognise_seconds += cd.times.recognise;
      st.code_seconds += cd.times.code;
    }
    writer.Push(std::move(coded));
    coded.clear();
    batch.clear();
    batch_bytes = 0;
    if (on_progress) on_progress(st);
    read_mark = Clock::now();
  };
  ReadInputs(
      inputs, read_options,
      [&](Document&& d) {
        ++st.documents;
        st.input_bytes += d.text.size();
        batch_bytes += d.text.size();
        batch.push_back(std::move(d));
        if (batch.size() >= options.batch || batch_bytes >= options.batch_bytes) flush();
      },
      [&](const ReadIssue& issue) {
        if (issue.severity == Severity::kError) ++st.errors;
        if (issue.severity == Severity::kWarning) ++st.warnings;
        on_issue(issue);
      });
  flush();
  writer.Close();
  st.store_seconds = writer.store_seconds();
  st.already_stored = writer.skipped();
  if (events && options.collect_events) {
    auto t = Clock::now();
    *events = MergeEvents(std::move(mentions));
    st.events = events->size();
    st.merge_seconds = Since(t);
  }
  st.seconds = Since(start);
  if (stats) *stats = st;
  return writer.status();
}

}  // namespace casus
