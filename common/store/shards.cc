#include "store/shards.h"

#include <filesystem>
#include <set>

#include "news/errors.h"
#include "store/retry.h"
#include "store/stub.h"

namespace news {
namespace {

namespace fs = std::filesystem;

constexpr int kMaxStubDepth = 8;

ShardSpec remote_spec(const std::string& arg, const std::string& stub) {
  const size_t colon = arg.rfind(':');
  if (arg.empty() || arg[0] == ':' || colon == std::string::npos || colon + 1 == arg.size() ||
      arg.find_first_not_of("0123456789", colon + 1) != std::string::npos) {
    throw IndexError(stub + ": unsupported remote shard '" + arg +
                     "' (use 'remote HOST:PORT' for xapian-tcpsrv)");
  }
  ShardSpec spec;
  spec.name = arg;
  spec.host = arg.substr(0, colon);
  spec.port = static_cast<unsigned>(std::stoul(arg.substr(colon + 1)));
  spec.stub = stub;
  return spec;
}

void expand_one(const std::string& path, const std::string& stub, int depth,
                std::vector<ShardSpec>* out);

void expand_stub_file(const fs::path& file, int depth, std::vector<ShardSpec>* out) {
  const Stub stub = read_stub(file.string());
  if (stub.databases.empty()) {
    throw IndexError("cannot open index " + file.string() + ": the stub names no database");
  }
  for (const StubEntry& entry : stub.databases) {
    if (entry.remote) {
      out->push_back(remote_spec(entry.target, file.string()));
    } else {
      expand_one(entry.target, file.string(), depth + 1, out);
    }
  }
}

void expand_one(const std::string& path, const std::string& stub, int depth,
                std::vector<ShardSpec>* out) {
  if (depth > kMaxStubDepth) throw IndexError(stub + ": stub files nested too deeply");
  const fs::path p(path);
  std::error_code ec;
  if (fs::is_directory(p, ec)) {
    if (fs::is_regular_file(p / "XAPIANDB", ec))
      return expand_stub_file(p / "XAPIANDB", depth, out);
    if (!is_database_dir(path)) throw IndexError("cannot open index " + path + ": not an index");
    out->push_back(ShardSpec{path, path, "", 0, stub});
  } else if (fs::is_regular_file(p, ec)) {
    expand_stub_file(p, depth, out);
  } else {
    throw IndexError("cannot open index " + path + ": no such file or directory" +
                     (stub.empty() ? "" : " (named by " + stub + ")"));
  }
}

Xapian::Database open_spec(const ShardSpec& spec, unsigned timeout_ms) {
  if (spec.host.empty()) return Xapian::Database(spec.path);
  return Xapian::Remote::open(spec.host, spec.port, timeout_ms, timeout_ms);
}

std::string describe(const ShardSpec& spec) {
  std::string s = spec.host.empty() ? "shard " + spec.name : "remote shard " + spec.name;
  if (!spec.stub.empty()) s += " (named by " + spec.stub + ")";
  return s;
}

// What tells two shard specs apart: the real path, or HOST:PORT.
std::string shard_identity(const ShardSpec& spec) {
  if (!spec.host.empty()) return "remote " + spec.host + ":" + std::to_string(spec.port);
  std::error_code ec;
  const fs::path real = fs::weakly_canonical(spec.path, ec);
  return ec ? spec.path : real.string();
}

}  // namespace

std::vector<ShardSpec> expand_shards(const std::vector<std::string>& databases) {
  std::vector<ShardSpec> all;
  for (const std::string& db : databases) expand_one(db, "", 0, &all);
  std::vector<ShardSpec> out;
  std::set<std::string> seen;
  for (ShardSpec& spec : all) {
    if (seen.insert(shard_identity(spec)).second) out.push_back(std::move(spec));
  }
  return out;
}

std::vector<std::string> local_paths(const std::vector<ShardSpec>& shards) {
  std::vector<std::string> out;
  for (const ShardSpec& s : shards) {
    if (s.host.empty()) out.push_back(s.path);
  }
  return out;
}

Xapian::Database open_shards(const std::vector<ShardSpec>& shards, bool allow_partial,
                             std::vector<std::string>* warnings, unsigned remote_timeout_ms) {
  Xapian::Database db;
  size_t opened = 0;
  const auto left_out = [&](const std::string& msg) {
    if (!allow_partial) throw IndexError(msg);
    if (warnings != nullptr) warnings->push_back(msg + "; results are partial");
  };
  for (const ShardSpec& spec : shards) {
    try {
      // Opening while a writer commits can meet a discarded revision.
      db.add_database(read_with_retries(
          {spec.path}, "cannot open " + describe(spec),
          [&] { return open_spec(spec, remote_timeout_ms); }, [] {}));
      ++opened;
    } catch (const Xapian::Error& e) {
      left_out("cannot open " + describe(spec) + ": " + e.get_description());
    } catch (const IndexError& e) {
      left_out(e.what());
    }
  }
  if (opened == 0 && !shards.empty()) throw IndexError("no shard of the index could be opened");
  return db;
}

bool any_remote(const std::vector<ShardSpec>& shards) {
  for (const ShardSpec& s : shards) {
    if (!s.host.empty()) return true;
  }
  return false;
}

}  // namespace news
