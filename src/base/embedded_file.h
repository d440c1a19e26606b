// A file compiled into the binary as bytes by cmake/embed_web.cmake, so what
// it holds (the page of `vigil serve`, the language catalogs of the sheets)
// needs nothing beside the program.
#pragma once

#include <cstddef>
#include <string_view>

namespace vigil {

struct EmbeddedFile {
  const char* path;  // relative to web/, with '/': "views/now.js", "i18n/uk.json"
  const unsigned char* bytes;
  std::size_t size;
  const char* etag;  // "\"<sha1 of the bytes>\"": what changes with the file

  std::string_view text() const { return {reinterpret_cast<const char*>(bytes), size}; }
};

}  // namespace vigil
