// The sharded commands' flags, input hashes and output (see shard_support.h).
#include "app/shard_support.h"

#include <sodium.h>

#include <fmt/format.h>

#include "app/commands.h"
#include "base/files.h"

namespace vigil::app {

void add_shard_flags(CLI::App& sub, ShardFlags& flags, const std::string& what) {
  sub.add_option("--shard", flags.shard,
                 "Run only task I of N (0-based): the " + what + " whose index k has k % N == I; needs --out")
      ->check([&flags](const std::string& text) {
        std::string error;
        return parse_shard(text, flags.parsed, error) ? std::string() : error;
      })
      ->capture_default_str();
  sub.add_option("--out", flags.out,
                 "Write the cases as JSON lines (a shard file for vigil merge) instead of the report; atomically");
}

nlohmann::json input_entry(const std::string& path, std::string& error) {
  auto bytes = read_text_file(path);
  if (!bytes) {
    error = path + ": cannot read it";
    return {};
  }
  if (sodium_init() < 0) {
    error = "cannot start libsodium (needed for the inputs' SHA-256)";
    return {};
  }
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes->data()), bytes->size());
  std::string hex;
  for (unsigned char b : digest) hex += fmt::format("{:02x}", b);
  return {{"file", path}, {"sha256", hex}};
}

int write_shard_output(const std::string& path, const ShardHeader& header, const std::vector<ShardCase>& cases,
                       double case_seconds) {
  const double before = command_seconds();
  if (std::string error = write_file(path, shard_text(header, cases, before)); !error.empty()) {
    fmt::print(stderr, "{}\n", error);
    return kExitInputError;
  }
  const double total = command_seconds();
  fmt::print(stderr, "shard {}: {} of {} cases in {:.3f} s (cases {:.3f} s, overhead {:.3f} s: start and read {:.3f}, write {:.3f}) -> {}\n",
             header.shard.text(), cases.size(), header.total, total, case_seconds, total - case_seconds,
             before - case_seconds, total - before, path);
  return kExitOk;
}

}  // namespace vigil::app
