#include "http_fetch.h"

#include <cstdio>
#include <memory>
#include <optional>

#include <curl/curl.h>
#include <dlfcn.h>

#include "core/decimal.h"
#include "core/format.h"
#include "progress.h"

namespace costproof::cli {

namespace {

// libcurl, loaded when a download first needs it (dlopen), not at program start: linked
// normally it pulls 33 shared libraries (GnuTLS, Kerberos, LDAP, ...) and their initialisers
// into every command, about 6 ms and 7 MiB of a 3 ms `--version` (docs/benchmarks.md).
struct Curl {
  CURLcode (*global_init)(long);
  CURL* (*easy_init)();
  void (*easy_cleanup)(CURL*);
  CURLcode (*easy_setopt)(CURL*, CURLoption, ...);
  CURLcode (*easy_perform)(CURL*);
  CURLcode (*easy_getinfo)(CURL*, CURLINFO, ...);
  const char* (*easy_strerror)(CURLcode);
};

template <typename F>
void load(void* lib, const char* name, F& out) {
  out = reinterpret_cast<F>(dlsym(lib, name));
  if (!out) throw DownloadError(std::string("libcurl.so.4 has no ") + name + "; reinstall libcurl4 (scripts/install-deps.sh)");
}

// The library, loaded and curl_global_init'ed once per process (before any transfer).
const Curl& curl_api() {
  static const Curl api = [] {
    void* lib = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
      const char* why = dlerror();
      throw DownloadError(std::string("cannot load libcurl (libcurl.so.4: ") + (why ? why : "not found") +
                          "), which pricing update downloads with; install it: bash scripts/install-deps.sh");
    }
    Curl c{};
    load(lib, "curl_global_init", c.global_init);
    load(lib, "curl_easy_init", c.easy_init);
    load(lib, "curl_easy_cleanup", c.easy_cleanup);
    load(lib, "curl_easy_setopt", c.easy_setopt);
    load(lib, "curl_easy_perform", c.easy_perform);
    load(lib, "curl_easy_getinfo", c.easy_getinfo);
    load(lib, "curl_easy_strerror", c.easy_strerror);
    c.global_init(CURL_GLOBAL_DEFAULT);
    return c;
  }();
  return api;
}

struct Sink {
  std::string* text = nullptr;  // fetch_text
  std::FILE* file = nullptr;    // fetch_to_file
  std::uint64_t bytes = 0;
  std::uint64_t max_bytes = 0;
  bool too_large = false;
  bool write_failed = false;
  std::optional<Progress> progress;
  std::string label;
  bool progress_enabled = false;
};

size_t on_data(char* data, size_t size, size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const size_t n = size * count;
  if (sink->bytes + n > sink->max_bytes) {
    sink->too_large = true;
    return 0;  // ends the transfer (CURLE_WRITE_ERROR)
  }
  if (sink->text) {
    sink->text->append(data, n);
  } else if (std::fwrite(data, 1, n, sink->file) != n) {
    sink->write_failed = true;
    return 0;
  }
  sink->bytes += n;
  return n;
}

int on_progress(void* user, curl_off_t total, curl_off_t now, curl_off_t, curl_off_t) {
  auto* sink = static_cast<Sink*>(user);
  if (!sink->progress_enabled) return 0;
  if (!sink->progress && (total > 0 || now > 0))
    sink->progress.emplace(sink->label, static_cast<std::uint64_t>(total > 0 ? total : 0), true);
  if (sink->progress) sink->progress->update(static_cast<std::uint64_t>(now));
  return 0;
}

std::string bytes_text(std::uint64_t n) { return group_thousands(Decimal::from_int(static_cast<std::int64_t>(n))); }

void run(const std::string& url, Sink& sink, const FetchOptions& options) {
  if (!fetch_url_allowed(url))
    throw DownloadError(url + ": costproof fetches price files over HTTPS only (plain http:// only from the "
                              "loopback address, for tests); check the URL or --base-url");
  const Curl& api = curl_api();
  std::unique_ptr<CURL, void (*)(CURL*)> curl(api.easy_init(), api.easy_cleanup);
  if (!curl) throw DownloadError(url + ": cannot start a transfer (libcurl initialisation failed)");
  char error[CURL_ERROR_SIZE] = {0};
  CURL* c = curl.get();
  api.easy_setopt(c, CURLOPT_URL, url.c_str());
  api.easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  api.easy_setopt(c, CURLOPT_PROTOCOLS_STR, "https,http");
  api.easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "https");
  api.easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  api.easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
  api.easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
  api.easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
  api.easy_setopt(c, CURLOPT_CONNECTTIMEOUT, options.connect_seconds);
  api.easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
  api.easy_setopt(c, CURLOPT_LOW_SPEED_TIME, options.stall_seconds);
  api.easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options.max_bytes));
  api.easy_setopt(c, CURLOPT_FAILONERROR, 1L);
  api.easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  api.easy_setopt(c, CURLOPT_USERAGENT, "costproof-pricing-update");
  api.easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // gzip if the server offers it
  api.easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
  api.easy_setopt(c, CURLOPT_WRITEDATA, &sink);
  api.easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
  api.easy_setopt(c, CURLOPT_XFERINFODATA, &sink);
  api.easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
  const CURLcode rc = api.easy_perform(c);
  if (sink.progress) sink.progress->finish();
  if (rc == CURLE_OK) return;
  long status = 0;
  api.easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  curl_off_t expected = -1;
  api.easy_getinfo(c, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &expected);
  const std::string detail = error[0] ? std::string(error) : std::string(api.easy_strerror(rc));
  if (sink.too_large || rc == CURLE_FILESIZE_EXCEEDED)
    throw DownloadError(url + ": the file is larger than the limit of " + bytes_text(options.max_bytes) +
                        " bytes; is it the right file? (raise --max-bytes if it is)");
  if (sink.write_failed || (rc == CURLE_WRITE_ERROR && sink.file))
    throw DownloadError(url + ": cannot write the download to disk (disk full?)");
  if (rc == CURLE_HTTP_RETURNED_ERROR)
    throw DownloadError(url + ": the server answered HTTP " + std::to_string(status) +
                        (status == 404 ? " (not found): AWS may have moved the file; check the region index and the "
                                         "--service/--region names"
                                       : "; try again later"));
  if (rc == CURLE_OPERATION_TIMEDOUT)
    throw DownloadError(url + ": timed out after " + bytes_text(sink.bytes) + " bytes (" + detail +
                        "); the server stalled or the network is down; try again, or raise --timeout");
  if (rc == CURLE_PARTIAL_FILE)
    throw DownloadError(url + ": the download ended early: got " + bytes_text(sink.bytes) + " of " +
                        (expected >= 0 ? bytes_text(static_cast<std::uint64_t>(expected)) : std::string("?")) +
                        " bytes (the connection was closed); try again");
  throw DownloadError(url + ": download failed: " + detail);
}

}  // namespace

bool fetch_url_allowed(const std::string& url) {
  if (url.rfind("https://", 0) == 0) return true;
  for (const char* local : {"http://127.0.0.1:", "http://127.0.0.1/", "http://localhost:", "http://localhost/",
                            "http://[::1]:", "http://[::1]/"})
    if (url.rfind(local, 0) == 0) return true;
  return false;
}

std::string fetch_text(const std::string& url, const FetchOptions& options, std::uint64_t max_bytes) {
  std::string text;
  Sink sink;
  sink.text = &text;
  sink.max_bytes = max_bytes;
  FetchOptions o = options;
  o.max_bytes = max_bytes;
  run(url, sink, o);
  return text;
}

std::uint64_t fetch_to_file(const std::string& url, const std::filesystem::path& path, const FetchOptions& options,
                            const std::string& label) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "wbx"), std::fclose);
  if (!file) throw DownloadError(path.string() + ": cannot create the download file");
  Sink sink;
  sink.file = file.get();
  sink.max_bytes = options.max_bytes;
  sink.label = label;
  sink.progress_enabled = options.progress;
  try {
    run(url, sink, options);
    if (std::fflush(file.get()) != 0) throw DownloadError(path.string() + ": cannot write the download (disk full?)");
  } catch (...) {
    file.reset();
    std::error_code ec;
    std::filesystem::remove(path, ec);
    throw;
  }
  return sink.bytes;
}

}  // namespace costproof::cli
