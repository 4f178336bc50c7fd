// Stored data: the stored fields of an article as a document's data, compressed with a zstd
// dictionary trained on the archive's own articles, and read back with that dictionary.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct ZSTD_CDict_s;
struct ZSTD_DDict_s;
struct ZSTD_CCtx_s;
struct ZSTD_DCtx_s;

namespace archivar {

/// A zstd dictionary trained on the stored fields of an archive's articles. The stored text
/// is the largest part of a database after the positions; articles of one archive share
/// most of their JSON and much of their wording, so with a dictionary each compresses to
/// about a third (GermaParl speeches: 2.97x, against 2.14x for the zlib Xapian applies to
/// document data). Immutable, shared by the threads that compress with it.
class StoredDataDictionary {
 public:
  /// The metadata key of the id of the dictionary new documents are compressed with.
  static constexpr std::string_view kCurrentKey = "archivar.dictionary";
  /// Articles of stored fields to train on: enough for a dictionary, few enough to
  /// train in a tenth of a second.
  static constexpr std::size_t kTrainingSamples = 1000;

  /// A dictionary of at most 64 KB trained on @a samples (stored fields of articles), or
  /// nullptr when zstd finds too little to learn from.
  static std::shared_ptr<const StoredDataDictionary> train(const std::vector<std::string>& samples);
  /// The dictionary whose bytes (as bytes() gave them) are @a bytes; nullptr for bytes
  /// zstd cannot load.
  static std::shared_ptr<const StoredDataDictionary> load(std::string bytes);

  ~StoredDataDictionary();
  StoredDataDictionary(const StoredDataDictionary&) = delete;
  StoredDataDictionary& operator=(const StoredDataDictionary&) = delete;

  /// A hash of the bytes: what a document compressed with it names it by.
  std::uint32_t id() const { return id_; }
  const std::string& bytes() const { return bytes_; }
  /// Where a database keeps the dictionary @a id ("archivar.dictionary.<8 hex digits>").
  static std::string metadata_key(std::uint32_t id);
  /// The metadata that keeps this dictionary in a database and makes it the current one:
  /// (metadata_key(id()), bytes()), then (kCurrentKey, the id as 8 hex digits).
  std::vector<std::pair<std::string, std::string>> metadata() const;
  /// The dictionary @a database names as current, or nullptr.
  static std::shared_ptr<const StoredDataDictionary> current(const Xapian::Database& database);

  const ZSTD_CDict_s* compression() const { return compression_; }
  const ZSTD_DDict_s* decompression() const { return decompression_; }

 private:
  explicit StoredDataDictionary(std::string bytes);

  std::string bytes_;
  std::uint32_t id_ = 0;
  ZSTD_CDict_s* compression_ = nullptr;
  ZSTD_DDict_s* decompression_ = nullptr;
};

/// Compresses stored fields; one per thread.
class StoredDataCompressor {
 public:
  StoredDataCompressor();
  ~StoredDataCompressor();
  StoredDataCompressor(const StoredDataCompressor&) = delete;
  StoredDataCompressor& operator=(const StoredDataCompressor&) = delete;

  /// The document data for the stored fields @a json: compressed with @a dictionary, or
  /// @a json itself without one.
  std::string compress(std::string json, const StoredDataDictionary* dictionary);

 private:
  ZSTD_CCtx_s* context_;
};

/// Reads document data back into stored fields (JSON): as it is when it was stored plain
/// (the only form before dictionaries, and that of an archive too small to train one), else
/// decompressed with the dictionary it names, looked up in the databases' metadata once.
class StoredDataReader {
 public:
  /// The dictionaries are looked up in @a databases (the shards of an archive, each
  /// keeping those of its own documents); they must outlive the reader.
  explicit StoredDataReader(std::vector<Xapian::Database> databases);
  ~StoredDataReader();
  StoredDataReader(const StoredDataReader&) = delete;
  StoredDataReader& operator=(const StoredDataReader&) = delete;

  /// The stored fields of the document data @a data; empty for data that names a
  /// dictionary none of the databases has, or is damaged.
  std::string json(std::string_view data);

 private:
  const StoredDataDictionary* dictionary(std::uint32_t id);

  std::vector<Xapian::Database> databases_;
  std::map<std::uint32_t, std::shared_ptr<const StoredDataDictionary>> dictionaries_;
  ZSTD_DCtx_s* context_;
};

}  // namespace archivar
