// Google Benchmark of the pipeline stages on real text: the files or
// directories named by CASUS_BENCH_INPUT, else ../shared's Wikinews politics
// JSONL when present, else the bundled examples. Reports bytes/s of raw text.
//
//   [CASUS_BENCH_INPUT=path] casus_stages_bench [--benchmark_filter=...]
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "casus/engine.h"
#include "casus/reader.h"
#include "casus/store.h"
#include "clean/cleaner.h"
#include "kb/knowledge_base.h"
#include "read/html.h"
#include "segment/segmenter.h"

namespace casus {

namespace {

const std::vector<Document>& Corpus() {
  static const std::vector<Document>* docs = [] {
    auto* out = new std::vector<Document>;
    std::string shared = std::string(CASUS_SOURCE_DIR) + "/../shared/data/corpora/wikinews_politics";
    std::string input =
        std::filesystem::exists(shared) ? shared : std::string(CASUS_SOURCE_DIR) + "/examples";
    if (const char* env = std::getenv("CASUS_BENCH_INPUT")) input = env;
    ReadInputs(
        {input}, ReadOptions{}, [&](Document&& d) { out->push_back(std::move(d)); }, [](const ReadIssue&) {});
    return out;
  }();
  return *docs;
}

size_t CorpusBytes() {
  size_t n = 0;
  for (const auto& d : Corpus()) n += d.text.size();
  return n;
}

const Engine& TheEngine() {
  static std::unique_ptr<Engine> engine = [] {
    std::unique_ptr<Engine> e;
    Options o = Options::Defaults();
    if (!Engine::Open(o, &e).ok()) std::abort();
    return e;
  }();
  return *engine;
}

void BM_Clean(benchmark::State& state) {
  for (auto _ : state)
    for (const auto& d : Corpus()) benchmark::DoNotOptimize(CleanDocument(d));
  state.SetBytesProcessed(state.iterations() * CorpusBytes());
}
BENCHMARK(BM_Clean)->Unit(benchmark::kMillisecond);

void BM_Tokenize(benchmark::State& state) {
  std::vector<Token> toks;
  for (auto _ : state)
    for (const auto& d : Corpus()) {
      toks.clear();
      Tokenize(d.text, 0, d.text.size(), &toks);
      benchmark::DoNotOptimize(toks.data());
    }
  state.SetBytesProcessed(state.iterations() * CorpusBytes());
}
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);

// Dictionary phrase matching alone, as the recogniser does it: one longest-
// match lookup per token (the tokens are made beforehand). For comparison
// with a multi-pattern matcher over the raw text (Hyperscan literal mode:
// 18-90 MB/s on 50k phrases, ../shared/DEPENDENCIES.md), which would also
// need the tokens afterwards.
void BM_PhraseMatch(benchmark::State& state) {
  static const KnowledgeBase* kb = [] {
    auto* k = new KnowledgeBase;
    if (!k->Load(Options::Defaults()).ok()) std::abort();
    return k;
  }();
  std::vector<std::vector<Token>> tokens(Corpus().size());
  for (size_t i = 0; i < Corpus().size(); ++i)
    Tokenize(Corpus()[i].text, 0, Corpus()[i].text.size(), &tokens[i]);
  size_t hits = 0;
  for (auto _ : state) {
    hits = 0;
    for (size_t d = 0; d < Corpus().size(); ++d) {
      const std::vector<Token>& toks = tokens[d];
      for (size_t t = 0; t < toks.size();) {
        size_t len = 0;
        const Phrase* p = toks[t].kind == TokenKind::kPunct
                              ? nullptr
                              : kb->LongestMatch(toks, t, toks.size(), Corpus()[d].text, &len);
        if (p) ++hits;
        t += p ? len : 1;
      }
    }
    benchmark::DoNotOptimize(hits);
  }
  state.counters["phrases_found"] = static_cast<double>(hits);
  state.SetBytesProcessed(state.iterations() * CorpusBytes());
}
BENCHMARK(BM_PhraseMatch)->Unit(benchmark::kMillisecond);

void BM_Segment(benchmark::State& state) {
  Segmenter seg;
  std::vector<Token> toks;
  std::vector<SentenceSpan> spans;
  std::vector<std::vector<Paragraph>> paragraphs;
  for (const auto& d : Corpus()) paragraphs.push_back(CleanDocument(d));
  for (auto _ : state)
    for (size_t i = 0; i < Corpus().size(); ++i)
      seg.Segment(Corpus()[i].text, paragraphs[i], SegmentCaps{}, &toks, &spans);
  state.SetBytesProcessed(state.iterations() * CorpusBytes());
}
BENCHMARK(BM_Segment)->Unit(benchmark::kMillisecond);

void BM_CodeDocument(benchmark::State& state) {
  const Engine& engine = TheEngine();
  CodedDocument out;
  for (auto _ : state)
    for (const auto& d : Corpus()) benchmark::DoNotOptimize(engine.CodeDocument(d, &out));
  state.SetBytesProcessed(state.iterations() * CorpusBytes());
}
BENCHMARK(BM_CodeDocument)->Unit(benchmark::kMillisecond);

// Storing alone: the corpus is coded once, then each iteration stores it into
// a fresh database (in batches of 2048, as `casus code` does) under $TMPDIR.
void BM_Store(benchmark::State& state) {
  static const std::vector<std::vector<CodedDocument>>* batches = [] {
    auto* out = new std::vector<std::vector<CodedDocument>>;
    for (const auto& d : Corpus()) {
      if (out->empty() || out->back().size() == 2048) out->emplace_back();
      out->back().emplace_back();
      if (!TheEngine().CodeDocument(d, &out->back().back()).ok()) out->back().pop_back();
    }
    return out;
  }();
  std::string db = (std::filesystem::temp_directory_path() / "casus_stages_bench.sqlite").string();
  auto remove_db = [&] {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
  };
  for (auto _ : state) {
    state.PauseTiming();
    remove_db();
    std::unique_ptr<Store> store;
    if (!Store::Open(db, &store).ok()) {
      state.SkipWithError("cannot open the database");
      return;
    }
    state.ResumeTiming();
    for (const auto& b : *batches) {
      size_t skipped = 0;
      if (!store->Add(b, &skipped).ok()) {
        state.SkipWithError("store failed");
        return;
      }
    }
    if (!store->Flush().ok()) {
      state.SkipWithError("store failed");
      return;
    }
    store.reset();  // closing checkpoints the WAL: part of the cost
  }
  remove_db();
  state.SetBytesProcessed(state.iterations() * CorpusBytes());
}
BENCHMARK(BM_Store)->Unit(benchmark::kMillisecond);

// HTML extraction alone (decompression included), on the article-extraction
// benchmark's 181 gzipped pages when ../shared has them.
void BM_ExtractHtml(benchmark::State& state) {
  static std::vector<std::string>* pages = [] {
    auto* out = new std::vector<std::string>;
    std::string dir =
        std::string(CASUS_SOURCE_DIR) + "/../shared/data/corpora/article_extraction_benchmark/html";
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
      std::ifstream in(e.path(), std::ios::binary);
      out->emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return out;
  }();
  if (pages->empty()) {
    state.SkipWithError("../shared article_extraction_benchmark is absent");
    return;
  }
  size_t html_bytes = 0;
  std::string inflated;
  for (const auto& p : *pages) {
    Gunzip(p, 64u << 20, &inflated);
    html_bytes += inflated.size();
  }
  HtmlArticle a;
  for (auto _ : state)
    for (const auto& p : *pages) benchmark::DoNotOptimize(ExtractHtml(p, "", 64u << 20, &a));
  state.SetBytesProcessed(state.iterations() * html_bytes);  // MB/s of (decompressed) HTML
}
BENCHMARK(BM_ExtractHtml)->Unit(benchmark::kMillisecond);

void BM_EngineOpen(benchmark::State& state) {
  for (auto _ : state) {
    std::unique_ptr<Engine> e;
    benchmark::DoNotOptimize(Engine::Open(Options::Defaults(), &e));
  }
}
BENCHMARK(BM_EngineOpen)->Unit(benchmark::kMillisecond);

}  // namespace

}  // namespace casus

BENCHMARK_MAIN();
