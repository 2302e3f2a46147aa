// libFuzzer target: the WARC reader over any bytes (plain, and the same
// bytes as one gzip member) must pass records or report damage, never
// crash, loop or throw anything but InputError; HTTP parsing likewise.

#include <unistd.h>
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "input/warc.h"

namespace {

std::string write_temp(const std::string& data, const char* suffix) {
  char path[] = "/tmp/warc_fuzz_XXXXXX";
  const int fd = mkstemp(path);
  if (fd < 0) std::abort();
  if (write(fd, data.data(), data.size()) != static_cast<ssize_t>(data.size())) std::abort();
  close(fd);
  const std::string named = std::string(path) + suffix;
  std::rename(path, named.c_str());
  return named;
}

void read_all(const std::string& path) {
  news::ReadOptions options;
  options.max_record_bytes = 1 << 20;
  size_t records = 0;
  try {
    news::read_warc(
        path, options, [&](news::Record&& r) { records += r.text.size() > 0 ? 1 : 1; },
        [](const news::InputError&) {});
  } catch (const news::InputError&) {
  }
  std::remove(path.c_str());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  read_all(write_temp(bytes, ".warc"));
  uLongf n = compressBound(size) + 32;
  std::string gz(n, '\0');
  z_stream zs{};
  deflateInit2(&zs, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  zs.avail_in = static_cast<uInt>(size);
  zs.next_out = reinterpret_cast<Bytef*>(gz.data());
  zs.avail_out = static_cast<uInt>(gz.size());
  deflate(&zs, Z_FINISH);
  gz.resize(zs.total_out);
  deflateEnd(&zs);
  read_all(write_temp(gz, ".warc.gz"));
  try {
    news::parse_http_response(bytes, 1 << 20);
  } catch (const std::runtime_error&) {
  }
  return 0;
}
