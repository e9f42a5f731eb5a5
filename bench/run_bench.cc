// casus_bench: end-to-end throughput of the casus job on given inputs.
//
// For each thread count and sink (SQLite, JSONL) it runs the whole job —
// read, code, store or serialise — and prints raw input MB/s (per wall-clock
// second, and per CPU second of all threads: the per-core figure), sentences/s,
// articles/s, events/s, peak RSS during the run, the knowledge-base load time
// and the share of time per stage. Memory the allocator still holds from an
// earlier run of the same process counts in the peak too: for a clean memory
// figure, run one sink and thread count per process. A fresh database is used for every SQLite run, and closing
// it is part of the timed run.
//
//   casus_bench [--threads 1,2] [--sinks sqlite,jsonl] [--batch-bytes N] [--repeat N] INPUT...
//
// --batch-bytes sets RunOptions::batch_bytes (how its default was chosen).
#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "casus/engine.h"
#include "casus/output.h"
#include "casus/run.h"
#include "casus/store.h"

namespace {

namespace fs = std::filesystem;

std::vector<std::string> SplitList(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, ','))
    if (!item.empty()) out.push_back(item);
  return out;
}

size_t RawBytes(const std::vector<std::string>& inputs) {
  size_t total = 0;
  std::error_code ec;
  for (const auto& in : inputs) {
    if (fs::is_directory(in, ec)) {
      for (auto it = fs::recursive_directory_iterator(in, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file(ec)) total += it->file_size(ec);
    } else {
      total += fs::file_size(in, ec);
    }
  }
  return total;
}

// User plus system CPU seconds of the whole process so far.
double CpuSeconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

// Linux keeps the process's peak resident set size (VmHWM); writing "5" to
// /proc/self/clear_refs resets it to the current size, so that each run's
// peak is its own and not the largest of the runs before it. The memory the
// allocator kept from earlier runs is given back first (malloc_trim), or it
// would count in every later run.
void ResetPeakRss() {
  malloc_trim(0);
  std::ofstream clear("/proc/self/clear_refs");
  clear << "5";
}

double PeakRssMb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::strtod(line.c_str() + 6, nullptr) / 1024.0;  // kB
  rusage ru{};  // no /proc: the peak of the whole process
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024.0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> threads = {"1", "2"}, sinks = {"sqlite", "jsonl"}, inputs;
  int repeat = 1;
  size_t batch_bytes = casus::RunOptions{}.batch_bytes;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--threads" && i + 1 < argc)
      threads = SplitList(argv[++i]);
    else if (a == "--sinks" && i + 1 < argc)
      sinks = SplitList(argv[++i]);
    else if (a == "--batch-bytes" && i + 1 < argc)
      batch_bytes = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--repeat" && i + 1 < argc)
      repeat = std::max(1, std::atoi(argv[++i]));
    else if (a == "-h" || a == "--help") {
      std::printf("usage: casus_bench [--threads 1,2] [--sinks sqlite,jsonl] [--batch-bytes N] [--repeat N] INPUT...\n");
      return 0;
    } else
      inputs.push_back(a);
  }
  if (inputs.empty()) {
    std::fprintf(stderr, "casus_bench: no inputs\n");
    return 1;
  }
  auto t0 = std::chrono::steady_clock::now();
  std::unique_ptr<casus::Engine> engine;
  casus::Status s = casus::Engine::Open(casus::Options::Defaults(), &engine);
  if (!s.ok()) {
    std::fprintf(stderr, "casus_bench: %s\n", s.ToString().c_str());
    return 3;
  }
  double load = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  size_t raw = RawBytes(inputs);
  std::printf("inputs: %zu files/dirs, %.2f MB raw; knowledge base load %.3f s; %ld cores\n", inputs.size(),
              raw / 1e6, load, sysconf(_SC_NPROCESSORS_ONLN));
  std::printf("%-7s %-7s %8s %8s %8s %10s %10s %9s %8s %7s | %s\n", "sink", "threads", "seconds", "MB/s",
              "MB/cpu-s", "sentences/s", "articles/s", "events/s", "RSS MB", "events",
              "stage shares (read clean segment recognise code store merge)");
  for (const std::string& sink : sinks) {
    for (const std::string& th : threads) {
      for (int r = 0; r < repeat; ++r) {
        std::string db =
            (fs::temp_directory_path() / ("casus_bench_" + std::to_string(getpid()) + ".sqlite")).string();
        for (const char* suf : {"", "-wal", "-shm"}) fs::remove(db + suf);
        std::unique_ptr<casus::Store> store;
        if (sink == "sqlite" && !casus::Store::Open(db, &store).ok()) {
          std::fprintf(stderr, "casus_bench: cannot open %s\n", db.c_str());
          return 3;
        }
        casus::RunOptions ro;
        ro.threads = std::atoi(th.c_str());
        ro.batch_bytes = batch_bytes;
        ro.collect_events = sink == "jsonl";
        std::vector<casus::Event> events;
        casus::RunStats st;
        ResetPeakRss();
        auto start = std::chrono::steady_clock::now();
        double cpu_start = CpuSeconds();
        s = casus::Run(
            inputs, casus::ReadOptions{}, *engine, store.get(), ro, [](const casus::ReadIssue&) {}, nullptr,
            &events, &st);
        size_t json_bytes = 0;
        if (sink == "jsonl") {
          FILE* devnull = std::fopen("/dev/null", "w");
          for (const auto& e : events) {
            std::string line = casus::EventToJson(e);
            json_bytes += line.size();
            std::fwrite(line.data(), 1, line.size(), devnull);
          }
          std::fclose(devnull);
        }
        if (!s.ok()) {
          std::fprintf(stderr, "casus_bench: %s\n", s.ToString().c_str());
          return 3;
        }
        // Counted outside the timing; closing the store (its final WAL
        // checkpoint) is timed, as it is part of every run.
        auto count_start = std::chrono::steady_clock::now();
        double count_cpu_start = CpuSeconds();
        casus::StoreCounts counts;
        size_t n_events = events.size();
        if (store && store->Counts(&counts).ok()) n_events = static_cast<size_t>(counts.events);
        double count_secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - count_start).count();
        double count_cpu = CpuSeconds() - count_cpu_start;
        store.reset();
        double secs =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() - count_secs;
        double cpu = CpuSeconds() - cpu_start - count_cpu;
        double stage_total = st.read_seconds + st.clean_seconds + st.segment_seconds + st.recognise_seconds +
                             st.code_seconds + st.store_seconds + st.merge_seconds;
        auto pct = [&](double x) { return stage_total > 0 ? 100.0 * x / stage_total : 0.0; };
        std::printf(
            "%-7s %-7s %8.2f %8.2f %8.2f %10.0f %10.0f %9.0f %8.1f %7zu | %4.1f %4.1f %4.1f %4.1f %4.1f "
            "%4.1f %4.1f\n",
            sink.c_str(), th.c_str(), secs, raw / 1e6 / secs, raw / 1e6 / cpu, st.sentences / secs,
            st.documents / secs, n_events / secs, PeakRssMb(), n_events, pct(st.read_seconds),
            pct(st.clean_seconds), pct(st.segment_seconds), pct(st.recognise_seconds), pct(st.code_seconds),
            pct(st.store_seconds), pct(st.merge_seconds));
        std::fflush(stdout);
        for (const char* suf : {"", "-wal", "-shm"}) fs::remove(db + suf);
      }
    }
  }
  return 0;
}
