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
#include <ctime>
#include <fstream>
#include <iostream>
#include <thread>

#include "casus/engine.h"
#include "casus/output.h"
#include "casus/reader.h"
#include "casus/run.h"
#include "casus/store.h"

namespace {

constexpr int kExitInputErrors = 2;
constexpr int kExitFatal = 3;

struct CodeArgs {
  std::vector<std::string> inputs;
  std::string db;
  std::string format = "auto";
  int threads = 1;
  size_t batch = 2048;
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
  Progress progress(!args.quiet);
  casus::ReadOptions read_options;
  read_options.max_document_bytes = options.max_document_bytes;
  casus::RunOptions run_options;
  run_options.threads = args.threads;
  run_options.batch = args.batch;
  run_options.collect_events = jsonl;
  std::vector<casus::Event> events;
  casus::RunStats stats;
  s = casus::Run(
      args.inputs, read_options, *engine, store.get(), run_options,
      [&](const casus::ReadIssue& issue) {
        const char* kind = issue.severity == casus::Severity::kError     ? "error"
                           : issue.severity == casus::Severity::kWarning ? "warning"
                                                                         : "note";
        if (issue.severity != casus::Severity::kNote || !args.quiet)
          std::cerr << issue.origin << ": " << kind << ": " << issue.message << "\n";
      },
      [&](const casus::RunStats& st) { progress.Update(st.documents, st.mentions); }, &events, &stats);
  progress.Done();
  if (!s.ok()) {
    std::cerr << "casus: " << s.ToString() << "\n";
    return kExitFatal;
  }
  if (jsonl) {
    for (const auto& e : events) std::cout << casus::EventToJson(e) << "\n";
  }
  if (!args.quiet) {
    std::cerr << "casus: " << stats.documents << " documents, " << stats.mentions << " event mentions";
    if (jsonl) std::cerr << ", " << stats.events << " events";
    if (stats.not_english)
      std::cerr << "; " << stats.not_english << " documents not in English stored, not coded";
    std::cerr << "; " << stats.errors << " errors, " << stats.warnings << " warnings";
    if (store) std::cerr << "; " << stats.already_stored << " documents already stored unchanged";
    std::cerr << "\n";
  }
  return stats.errors ? kExitInputErrors : 0;
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

int RunExtract(const std::vector<std::string>& inputs, bool quiet) {
  casus::ReadOptions options;
  options.require_date = false;
  size_t errors = 0, docs = 0;
  casus::ReadInputs(
      inputs, options,
      [&](casus::Document&& d) {
        ++docs;
        std::cout << casus::DocumentToJson(d) << "\n";
      },
      [&](const casus::ReadIssue& issue) {
        if (issue.severity == casus::Severity::kError) ++errors;
        if (issue.severity != casus::Severity::kNote || !quiet)
          std::cerr << issue.origin << ": "
                    << (issue.severity == casus::Severity::kError     ? "error"
                        : issue.severity == casus::Severity::kWarning ? "warning"
                                                                      : "note")
                    << ": " << issue.message << "\n";
      });
  if (!quiet) std::cerr << "casus: " << docs << " documents extracted; " << errors << " errors\n";
  return errors ? kExitInputErrors : 0;
}

// The dictionary line a rule names ("verbs/01-10.txt:2133 V meet ..."), read
// from the data directory, or "" when it cannot be read.
std::string DictionaryLine(const std::string& data_dir, const std::string& rule) {
  size_t colon = rule.find(':');
  size_t space = rule.find(' ');
  if (colon == std::string::npos || space == std::string::npos || colon > space) return "";
  std::ifstream in(data_dir + "/" + rule.substr(0, colon));
  int want = std::atoi(rule.substr(colon + 1, space - colon - 1).c_str());
  std::string line;
  for (int n = 1; std::getline(in, line); ++n)
    if (n == want) return line;
  return "";
}

int RunExplain(const std::string& id, const std::string& db) {
  std::unique_ptr<casus::Store> store;
  casus::Status s = casus::Store::Open(db, &store);
  casus::Event e;
  if (s.ok()) s = store->ReadEvent(id, &e);
  if (!s.ok()) {
    std::cerr << "casus: " << s.ToString() << "\n";
    return s.code() == casus::Status::Code::kNotFound ? kExitInputErrors : kExitFatal;
  }
  std::string data_dir = casus::Options::Defaults().data_dir;
  std::cout << "event " << e.id << "  " << e.date.ToString() << " ("
            << casus::DatePrecisionName(e.date_precision) << ")  CAMEO " << e.cameo << "  PLOVER "
            << (e.plover_type.empty() ? "-" : e.plover_type)
            << (e.plover_mode.empty() ? "" : "/" + e.plover_mode) << "  " << casus::ModalityName(e.modality)
            << (e.negated ? " negated" : "") << "\n";
  std::cout << "  source  " << e.source.code << "  \"" << e.source.name << "\""
            << (e.source.kb_id.empty() ? "" : "  kb:" + e.source.kb_id) << "\n";
  if (e.target)
    std::cout << "  target  " << e.target->code << "  \"" << e.target->name << "\""
              << (e.target->kb_id.empty() ? "" : "  kb:" + e.target->kb_id) << "\n";
  if (e.location) std::cout << "  where   " << e.location->name << " (" << e.location->country << ")\n";
  std::cout << "  " << e.num_mentions() << " mention(s) in " << e.num_articles() << " article(s)\n";
  for (const auto& m : e.mentions) {
    std::cout << "\n  " << m.doc << " sentence " << m.sentence << " [" << m.start << "," << m.end << ")\n";
    std::cout << "    " << m.text << "\n";
    std::cout << "    source  \"" << m.source_text << "\"\n";
    if (!m.target_text.empty()) std::cout << "    target  \"" << m.target_text << "\"\n";
    std::cout << "    trigger \"" << m.trigger_text << "\"\n";
    std::cout << "    rule    " << m.rule << "\n";
    std::string line = DictionaryLine(data_dir, m.rule);
    if (!line.empty()) std::cout << "    line    " << line << "\n";
  }
  return 0;
}

int RunKbLookup(const std::string& name, const std::string& date_text) {
  casus::Date date;
  if (date_text.empty()) {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    date = casus::Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
  } else {
    auto d = casus::Date::Parse(date_text);
    if (!d) {
      std::cerr << "casus: --date must be a real day as YYYY-MM-DD, not '" << date_text << "'\n";
      return 1;
    }
    date = *d;
  }
  std::unique_ptr<casus::Engine> engine;
  casus::Status s = casus::Engine::Open(casus::Options::Defaults(), &engine);
  if (!s.ok()) {
    std::cerr << "casus: " << s.ToString() << "\n";
    return kExitFatal;
  }
  casus::KbEntry entry;
  s = engine->Lookup(name, date, &entry);
  if (!s.ok()) {
    std::cerr << "casus: " << s.message() << "\n";
    return kExitInputErrors;
  }
  std::cout << casus::KbEntryToJson(entry) << "\n";
  return 0;
}

int RunKbLearned(const std::string& db) {
  std::unique_ptr<casus::Store> store;
  casus::Status s = casus::Store::Open(db, &store);
  std::vector<casus::LearnedActor> learned;
  if (s.ok()) s = store->ReadLearned(&learned);
  if (!s.ok()) {
    std::cerr << "casus: " << s.ToString() << "\n";
    return kExitFatal;
  }
  for (const auto& l : learned) std::cout << casus::LearnedActorToJson(l) << "\n";
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
  code->add_option("--batch", code_args.batch,
                   "Documents coded per batch, at most (a batch also ends at 512 KB of text; the store "
                   "commits every ~4 MB)")
      ->check(CLI::Range(1, 100000));
  code->add_flag("--keep-negated", code_args.keep_negated, "Also emit negated mentions (negated=true)");
  code->add_flag("-q,--quiet", code_args.quiet, "No progress, notes or summary on stderr");

  std::vector<std::string> extract_inputs;
  bool extract_quiet = false;
  CLI::App* extract = app.add_subcommand(
      "extract",
      "Print each document's main text and metadata as JSON Lines (id, url, title, date, language, text)");
  extract->add_option("inputs", extract_inputs, "Files or directories of any readable format, HTML included")
      ->required();
  extract->add_flag("-q,--quiet", extract_quiet, "No notes or summary on stderr");

  std::string explain_id, explain_db;
  CLI::App* explain = app.add_subcommand(
      "explain",
      "Show why an event was coded: each mention's sentence, matched words, rule and dictionary line");
  explain->add_option("event_id", explain_id, "The event's id")->required();
  explain->add_option("--db", explain_db, "The SQLite file written by 'casus code --db'")->required();

  CLI::App* kb = app.add_subcommand("kb", "Inspect the knowledge base");
  kb->require_subcommand(1);
  CLI::App* kb_stats = kb->add_subcommand("stats", "Counts of entries and the load time, as JSON");
  CLI::App* kb_check = kb->add_subcommand("check", "Validate the data files; errors name FILE:LINE");
  std::string lookup_name, lookup_date, learned_db;
  CLI::App* kb_lookup =
      kb->add_subcommand("lookup", "Resolve a name as the coder would, printed as one JSON object");
  kb_lookup->add_option("name", lookup_name, "Actor, country, capital, agent or place name")->required();
  kb_lookup->add_option("--date", lookup_date, "The day the name is read on (YYYY-MM-DD); default today");
  CLI::App* kb_learned = kb->add_subcommand(
      "learned", "Actors learned from titles and appositions in a database, as JSON Lines");
  kb_learned->add_option("--db", learned_db, "The SQLite file written by 'casus code --db'")->required();

  CLI11_PARSE(app, argc, argv);
  if (code->parsed()) return RunCode(code_args);
  if (extract->parsed()) return RunExtract(extract_inputs, extract_quiet);
  if (explain->parsed()) return RunExplain(explain_id, explain_db);
  if (kb_stats->parsed()) return RunKbStats();
  if (kb_check->parsed()) return RunKbCheck();
  if (kb_lookup->parsed()) return RunKbLookup(lookup_name, lookup_date);
  if (kb_learned->parsed()) return RunKbLearned(learned_db);
  return 1;
}
