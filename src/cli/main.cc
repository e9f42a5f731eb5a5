// casus: the command-line front end over libcasus.
//
// Exit codes: 0 success; 1 usage error; 2 done, but some inputs had errors
// (each reported on stderr as FILE[:LINE]: message); 3 fatal (knowledge base
// or database failure).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <thread>

#include "casus/engine.h"
#include "casus/output.h"
#include "casus/reader.h"
#include "casus/store.h"

namespace {

constexpr int kExitInputErrors = 2;
constexpr int kExitFatal = 3;

struct CodeArgs {
  std::vector<std::string> inputs;
  std::string db;
  std::string format = "auto";
  int threads = 1;
  size_t batch = 512;
  bool keep_negated = false;
  bool quiet = false;
};

class Progress {
 public:
  explicit Progress(bool enabled) : enabled_(enabled && isatty(STDERR_FILENO)) {}
  void Update(size_t docs, size_t events) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    double secs = std::chrono::duration<double>(now - start_).count();
    std::fprintf(stderr, "\r  coded %zu documents, %zu events, %.0f docs/s   ", docs, events,
                 secs > 0 ? docs / secs : 0.0);
  }
  void Done() {
    if (enabled_) std::fprintf(stderr, "\r%70s\r", "");
  }

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

// Codes `docs` on `threads` workers; results keep input order.
void CodeBatch(const casus::Engine& engine, const std::vector<casus::Document>& docs, int threads,
               std::vector<casus::CodedDocument>* out, std::vector<std::string>* errors) {
  out->assign(docs.size(), casus::CodedDocument{});
  std::vector<casus::Status> status(docs.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < docs.size(); i = next++) status[i] = engine.CodeDocument(docs[i], &(*out)[i]);
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& th : pool) th.join();
  for (size_t i = 0; i < docs.size(); ++i)
    if (!status[i].ok()) errors->push_back(status[i].message());
}

int RunCode(const CodeArgs& args) {
  casus::Options options = casus::Options::Defaults();
  options.keep_negated = args.keep_negated;
  std::unique_ptr<casus::Engine> engine;
  casus::Status s = casus::Engine::Open(options, &engine);
  if (!s.ok()) {
    std::cerr << "casus: cannot load knowledge base: " << s.ToString() << "\n";
    return kExitFatal;
  }
  std::unique_ptr<casus::Store> store;
  if (!args.db.empty()) {
    s = casus::Store::Open(args.db, &store);
    if (!s.ok()) {
      std::cerr << "casus: " << s.ToString() << "\n";
      return kExitFatal;
    }
  }
  bool jsonl = args.format == "jsonl" || (args.format == "auto" && args.db.empty());
  size_t errors = 0, warnings = 0, docs_read = 0, skipped = 0;
  std::vector<casus::Event> all_events;
  std::vector<casus::Document> batch;
  std::vector<casus::CodedDocument> coded;
  Progress progress(!args.quiet);
  int fatal = 0;
  auto flush = [&] {
    if (batch.empty() || fatal) return;
    std::vector<std::string> errs;
    CodeBatch(*engine, batch, args.threads, &coded, &errs);
    for (const auto& e : errs) std::cerr << e << "\n";
    errors += errs.size();
    if (store) {
      size_t skip = 0;
      casus::Status st = store->Add(coded, &skip);
      if (!st.ok()) {
        std::cerr << "casus: " << st.ToString() << "\n";
        fatal = kExitFatal;
      }
      skipped += skip;
    }
    for (auto& cd : coded) {
      for (const auto& w : cd.warnings) std::cerr << cd.doc.origin << ": warning: " << w << "\n";
      for (auto& e : cd.events) all_events.push_back(std::move(e));
    }
    batch.clear();
    progress.Update(docs_read, all_events.size());
  };
  casus::ReadOptions ropts;
  ropts.max_document_bytes = options.max_document_bytes;
  casus::ReadInputs(
      args.inputs, ropts,
      [&](casus::Document&& d) {
        ++docs_read;
        batch.push_back(std::move(d));
        if (batch.size() >= args.batch) flush();
      },
      [&](const casus::ReadIssue& issue) {
        const char* kind = issue.severity == casus::Severity::kError     ? "error"
                           : issue.severity == casus::Severity::kWarning ? "warning"
                                                                         : "note";
        if (issue.severity == casus::Severity::kError) ++errors;
        if (issue.severity == casus::Severity::kWarning) ++warnings;
        if (issue.severity != casus::Severity::kNote || !args.quiet)
          std::cerr << issue.origin << ": " << kind << ": " << issue.message << "\n";
      });
  flush();
  progress.Done();
  if (fatal) return fatal;
  size_t mention_count = all_events.size();
  std::vector<casus::Event> events = casus::MergeEvents(std::move(all_events));
  if (jsonl) {
    for (const auto& e : events) std::cout << casus::EventToJson(e) << "\n";
  }
  if (!args.quiet) {
    std::cerr << "casus: " << docs_read << " documents, " << mention_count << " event mentions, "
              << events.size() << " events; " << errors << " errors, " << warnings << " warnings";
    if (store) std::cerr << "; " << skipped << " documents already stored unchanged";
    std::cerr << "\n";
  }
  return errors ? kExitInputErrors : 0;
}

int RunKbStats() {
  std::unique_ptr<casus::Engine> engine;
  casus::Status s = casus::Engine::Open(casus::Options::Defaults(), &engine);
  if (!s.ok()) {
    std::cerr << "casus: " << s.ToString() << "\n";
    return kExitFatal;
  }
  casus::KbStats st = engine->Stats();
  std::printf(
      "{\"countries\":%zu,\"agent_phrases\":%zu,\"actors\":%zu,\"roles\":%zu,\"places\":%zu,"
      "\"verb_patterns\":%zu,\"cameo_codes\":%zu,\"load_seconds\":%.3f}\n",
      st.countries, st.agents, st.actors, st.roles, st.places, st.verb_patterns, st.cameo_codes,
      st.load_seconds);
  return 0;
}

int RunKbCheck() {
  std::unique_ptr<casus::Engine> engine;
  casus::Status s = casus::Engine::Open(casus::Options::Defaults(), &engine);
  if (!s.ok()) {
    std::cerr << s.message() << "\n";
    return kExitInputErrors;
  }
  std::cerr << "casus: knowledge base OK\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"casus: political event data (CAMEO/PLOVER) from dated news articles"};
  app.require_subcommand(1);
  CodeArgs code_args;
  CLI::App* code = app.add_subcommand("code", "Code articles into events");
  code->add_option("inputs", code_args.inputs,
                   "Files or directories (text with ' date YYYY-MM-DD' header, JSONL, news-please JSON, "
                   "Reuters SGML); '-' reads standard input")
      ->required();
  code->add_option("--db", code_args.db,
                   "Store documents, sentences, events and mentions in this SQLite file");
  code->add_option(
          "--format", code_args.format,
          "Output on stdout: jsonl (one event per line) or none; default: jsonl unless --db is given")
      ->check(CLI::IsMember({"auto", "jsonl", "none"}));
  code->add_option("--threads", code_args.threads, "Worker threads (output is identical for any count)")
      ->check(CLI::Range(1, 256));
  code->add_option("--batch", code_args.batch, "Documents per transaction")->check(CLI::Range(1, 100000));
  code->add_flag("--keep-negated", code_args.keep_negated, "Also emit negated mentions (negated=true)");
  code->add_flag("-q,--quiet", code_args.quiet, "No progress, notes or summary on stderr");

  CLI::App* kb = app.add_subcommand("kb", "Inspect the knowledge base");
  kb->require_subcommand(1);
  CLI::App* kb_stats = kb->add_subcommand("stats", "Counts of entries and the load time, as JSON");
  CLI::App* kb_check = kb->add_subcommand("check", "Validate the data files; errors name FILE:LINE");

  CLI11_PARSE(app, argc, argv);
  if (code->parsed()) return RunCode(code_args);
  if (kb_stats->parsed()) return RunKbStats();
  if (kb_check->parsed()) return RunKbCheck();
  return 1;
}
