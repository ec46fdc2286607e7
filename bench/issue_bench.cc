// Passerelle — issue_bench: how many credentials an issuer node issues per
// second, durably, through HTTP and through the batch path, each next to the
// raw libsodium Ed25519 sign rate measured in the same run.
//
// Usage: issue_bench [--seconds S] [--clients N] [--trainees N] [--suite SUITE] [--markdown]
//
// HTTP: starts the real `issuer serve` (from this binary's folder) on a free
// loopback port and drives POST /credentials/issue from N client threads over
// keep-alive connections for S seconds, with a realistic module credential;
// every 201 is a credential committed to LMDB with fsync before the answer.
// Batch: runs the real `issuer batch` on a CSV of N scenario-like trainees
// and takes the rate it measures around its work (signing threads, group
// commits, one file per credential). Raw: crypto_sign_detached on a 64-byte
// message (what a Data Integrity proof signs), on 1 thread and on 2.
#define CPPHTTPLIB_OPENSSL_SUPPORT
#define CPPHTTPLIB_ZLIB_SUPPORT
#define CPPHTTPLIB_BROTLI_SUPPORT
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>
#include <sodium.h>

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

struct Args {
  double seconds = 5;
  int clients = 16;
  int trainees = 2000;
  std::string suite = "eddsa-rdfc-2022";
  bool markdown = false;
};

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "issue_bench: error: %s\n", what.c_str());
  std::exit(2);
}

fs::path BinDir() { return fs::read_symlink("/proc/self/exe").parent_path(); }

fs::path SourceDir() {
#ifdef PASSERELLE_SOURCE_DIR
  return PASSERELLE_SOURCE_DIR;
#else
  return fs::current_path();
#endif
}

// Runs a command to completion; returns its exit code and stdout.
int Run(const std::vector<std::string>& argv, std::string* out = nullptr) {
  int pipefd[2];
  if (pipe(pipefd) != 0) Die("pipe");
  pid_t pid = fork();
  if (pid == 0) {
    dup2(pipefd[1], 1);
    int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, 2);
    close(pipefd[0]);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  close(pipefd[1]);
  std::string data;
  char buf[4096];
  for (ssize_t n; (n = read(pipefd[0], buf, sizeof buf)) > 0;) data.append(buf, static_cast<std::size_t>(n));
  close(pipefd[0]);
  int st = 0;
  waitpid(pid, &st, 0);
  if (out) *out = data;
  return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

int FreePort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  close(fd);
  return ntohs(a.sin_port);
}

// Raw Ed25519 signatures per second over a 64-byte message, on `threads` threads.
double RawSignRate(double seconds, int threads) {
  unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
  crypto_sign_keypair(pk, sk);
  std::atomic<long> total{0};
  std::vector<std::thread> pool;
  auto start = Clock::now();
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&] {
      unsigned char msg[64] = {1}, sig[crypto_sign_BYTES];
      long n = 0;
      while (std::chrono::duration<double>(Clock::now() - start).count() < seconds) {
        for (int i = 0; i < 64; ++i) {
          msg[0] = static_cast<unsigned char>(n + i);
          crypto_sign_detached(sig, nullptr, msg, sizeof msg, sk);
        }
        n += 64;
      }
      total += n;
    });
  for (auto& t : pool) t.join();
  return total / std::chrono::duration<double>(Clock::now() - start).count();
}

// A realistic VC-API request: the scenario's module credential for HQ-M01,
// as a caller would send it (the node fills id, validFrom, status, proof).
std::string IssueRequestBody(const std::string& did, const std::string& suite) {
  std::ifstream in(SourceDir() / "scripts/demo-data/programme-health-qualitician.json");
  json programme = json::parse(in, nullptr, false);
  if (programme.is_discarded()) Die("cannot read the scenario programme under " + SourceDir().string());
  const json& m = programme["modules"][0];
  json credential = {
      {"@context", {"https://www.w3.org/ns/credentials/v2", "https://w3id.org/passerelle/v1"}},
      {"type", {"VerifiableCredential", "ModuleCredential"}},
      {"issuer", {{"id", did}, {"name", "Institut de formation en santé de Lyon"}, {"country", "FR"}}},
      {"credentialSubject",
       {{"givenName", "Jérôme"},
        {"familyName", "Mercier"},
        {"name", "Jérôme Mercier"},
        {"awardedOn", "2026-06-24T00:00:00Z"},
        {"achievement",
         {{"type", "LearningAchievement"},
          {"code", m["code"]},
          {"title", m["title"]},
          {"learningOutcomes", m["learningOutcomes"]},
          {"ects", m["ects"]},
          {"workload", "PT150H"},
          {"assessmentType", programme["assessmentType"]},
          {"mode", programme["mode"]},
          {"qualityAssurance", programme["qualityAssurance"]},
          {"grade", {{"value", "18.1"}, {"scheme", "FR-0-20"}}},
          {"isPartOf", "urn:passerelle:programme:HQ-CERT"},
          {"eqfLevel", "http://data.europa.eu/snb/eqf/5"}}}}}};
  return json{{"credential", credential}, {"options", {{"cryptosuite", suite}}}}.dump();
}

struct HttpResult {
  double rate = 0, p50_ms = 0, p99_ms = 0;
  long ok = 0, failed = 0;
};

HttpResult BenchHttp(const Args& args, const fs::path& work) {
  std::string dir = (work / "http-node").string();
  int port = FreePort();
  std::string base = "http://127.0.0.1:" + std::to_string(port);
  std::string did;
  if (Run({(BinDir() / "issuer").string(), "init", "--dir", dir, "--did-key", "--name", "Bench", "--country", "FR",
           "--public-url", base}, &did) != 0)
    Die("issuer init failed");
  did = did.substr(0, did.find('\n'));
  std::string token;
  if (Run({(BinDir() / "issuer").string(), "token", "create", "--dir", dir, "--scope", "issue"}, &token) != 0)
    Die("issuer token create failed");
  token = token.substr(0, token.find('\n'));

  pid_t server = fork();
  if (server == 0) {
    int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, 1);
    dup2(devnull, 2);
    std::string threads = std::to_string(std::max(32, args.clients * 2));
    // Every client comes from 127.0.0.1: the per-address cap (default 6)
    // must let all of them (and the probe) in.
    std::string per_client = std::to_string(args.clients + 2);
    execl((BinDir() / "issuer").c_str(), "issuer", "serve", "--dir", dir.c_str(), "--listen",
          ("127.0.0.1:" + std::to_string(port)).c_str(), "--suite", args.suite.c_str(), "--threads", threads.c_str(),
          "--max-connections-per-client", per_client.c_str(), "--quiet", static_cast<char*>(nullptr));
    _exit(127);
  }
  httplib::Client probe("127.0.0.1", port);
  bool up = false;
  for (int i = 0; i < 400 && !up; ++i) {
    auto r = probe.Get("/healthz");
    up = r && r->status == 200;
    if (!up) std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  if (!up) Die("issuer serve did not come up");

  std::string body = IssueRequestBody(did, args.suite);
  {  // One request first: it must succeed, and it warms the node up.
    auto r = probe.Post("/credentials/issue", httplib::Headers{{"Authorization", "Bearer " + token}}, body,
                        "application/json");
    if (!r || r->status != 201) Die("POST /credentials/issue: " + (r ? std::to_string(r->status) + " " + r->body : std::string("no answer")));
  }
  std::vector<std::vector<double>> latencies(static_cast<std::size_t>(args.clients));
  std::atomic<long> failed{0};
  std::atomic<bool> stop{false};
  std::vector<std::thread> clients;
  auto start = Clock::now();
  for (int c = 0; c < args.clients; ++c)
    clients.emplace_back([&, c] {
      httplib::Client client("127.0.0.1", port);
      client.set_keep_alive(true);
      client.set_tcp_nodelay(true);
      client.set_read_timeout(30, 0);
      httplib::Headers headers{{"Authorization", "Bearer " + token}};
      auto& mine = latencies[static_cast<std::size_t>(c)];
      while (!stop) {
        auto t0 = Clock::now();
        auto r = client.Post("/credentials/issue", headers, body, "application/json");
        double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
        if (r && r->status == 201) {
          mine.push_back(ms);
        } else if (failed++ == 0) {
          std::fprintf(stderr, "issue_bench: first failure: %s\n",
                       r ? (std::to_string(r->status) + " " + r->body.substr(0, 300)).c_str()
                         : httplib::to_string(r.error()).c_str());
        }
      }
    });
  std::this_thread::sleep_for(std::chrono::duration<double>(args.seconds));
  stop = true;
  for (auto& t : clients) t.join();
  double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  kill(server, SIGTERM);
  waitpid(server, nullptr, 0);

  std::vector<double> all;
  for (auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
  std::sort(all.begin(), all.end());
  HttpResult out;
  out.ok = static_cast<long>(all.size());
  out.failed = failed;
  out.rate = all.size() / elapsed;
  if (!all.empty()) {
    out.p50_ms = all[all.size() / 2];
    out.p99_ms = all[std::min(all.size() - 1, all.size() * 99 / 100)];
  }
  return out;
}

struct BatchResult {
  double rate = 0;
  long issued = 0;
};

BatchResult BenchBatch(const Args& args, const fs::path& work) {
  std::string dir = (work / "batch-node").string(), out = (work / "batch-out").string();
  if (Run({(BinDir() / "issuer").string(), "init", "--dir", dir, "--did", "did:web:bench.example", "--name", "Bench",
           "--country", "FR"}) != 0)
    Die("issuer init failed");
  // N trainees cycling through the scenario's rows, each with its own id.
  std::ifstream in(SourceDir() / "scripts/demo-data/trainees.csv");
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);)
    if (!l.empty()) lines.push_back(l);
  if (lines.size() < 2) Die("cannot read the scenario trainees");
  fs::path csv = work / "cohort.csv";
  {
    std::ofstream o(csv);
    o << lines[0] << "\n";
    for (int i = 0; i < args.trainees; ++i) {
      const std::string& row = lines[1 + static_cast<std::size_t>(i) % (lines.size() - 1)];
      o << "B" << i << "-" << row << "\n";
    }
  }
  std::string report;
  int code = Run({(BinDir() / "issuer").string(), "batch", "--dir", dir, "--programme",
                  (SourceDir() / "scripts/demo-data/programme-health-qualitician.json").string(), "--csv", csv.string(),
                  "--out", out, "--suite", args.suite, "--json"},
                 &report);
  json r = json::parse(report, nullptr, false);
  if (code != 0 || r.is_discarded()) Die("issuer batch failed (exit " + std::to_string(code) + ")");
  BatchResult b;
  b.issued = r["issued"].get<long>();
  b.rate = b.issued / r["seconds"].get<double>();
  return b;
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) Die(a + " needs a value");
      return argv[++i];
    };
    if (a == "--seconds") args.seconds = std::atof(next().c_str());
    else if (a == "--clients") args.clients = std::atoi(next().c_str());
    else if (a == "--trainees") args.trainees = std::atoi(next().c_str());
    else if (a == "--suite") args.suite = next();
    else if (a == "--markdown") args.markdown = true;
    else Die("unknown argument " + a + " (usage: issue_bench [--seconds S] [--clients N] [--trainees N] [--suite SUITE] [--markdown])");
  }
  if (sodium_init() < 0) Die("libsodium");
  setenv("PASSERELLE_PASSPHRASE", "issue-bench-passphrase", 1);
  signal(SIGPIPE, SIG_IGN);
  char tmpl[] = "/tmp/issue-bench-XXXXXX";
  fs::path work = mkdtemp(tmpl);

  double raw1 = RawSignRate(1.0, 1);
  double raw2 = RawSignRate(1.0, 2);
  HttpResult http = BenchHttp(args, work);
  BatchResult batch = BenchBatch(args, work);
  double raw1_after = RawSignRate(1.0, 1);
  double raw2_after = RawSignRate(1.0, 2);
  raw1 = std::max(raw1, raw1_after);
  raw2 = std::max(raw2, raw2_after);
  fs::remove_all(work);

  unsigned cores = std::thread::hardware_concurrency();
  if (args.markdown) {
    std::printf("| path (%s, durable) | credentials/s | vs raw sign, 1 thread | vs raw sign, 2 threads | p50 | p99 |\n",
                args.suite.c_str());
    std::printf("|---|---:|---:|---:|---:|---:|\n");
    std::printf("| raw libsodium Ed25519 sign, 64-byte message, 1 thread | %.0f | 100%% | | | |\n", raw1);
    std::printf("| raw libsodium Ed25519 sign, 64-byte message, 2 threads | %.0f | | 100%% | | |\n", raw2);
    std::printf("| HTTP POST /credentials/issue, %d keep-alive clients | %.0f | %.1f%% | %.1f%% | %.1f ms | %.1f ms |\n",
                args.clients, http.rate, 100 * http.rate / raw1, 100 * http.rate / raw2, http.p50_ms, http.p99_ms);
    std::printf("| issuer batch, %d trainees (%ld credentials) | %.0f | %.1f%% | %.1f%% | | |\n", args.trainees,
                batch.issued, batch.rate, 100 * batch.rate / raw1, 100 * batch.rate / raw2);
  } else {
    std::printf("machine: %u cores; suite %s; durable (LMDB commit with fsync before each answer / file)\n", cores,
                args.suite.c_str());
    std::printf("raw Ed25519 sign:  %8.0f /s on 1 thread, %8.0f /s on 2 threads\n", raw1, raw2);
    std::printf("HTTP issue:        %8.0f /s  (%ld ok, %ld failed; %d clients; p50 %.1f ms, p99 %.1f ms)  %.1f%% of raw 2-thread\n",
                http.rate, http.ok, http.failed, args.clients, http.p50_ms, http.p99_ms, 100 * http.rate / raw2);
    std::printf("batch issue:       %8.0f /s  (%ld credentials, %d trainees)  %.1f%% of raw 2-thread\n", batch.rate,
                batch.issued, args.trainees, 100 * batch.rate / raw2);
  }
  return http.failed == 0 ? 0 : 1;
}
