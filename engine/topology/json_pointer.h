// JSON pointers (RFC 6901) as plain strings, "/clusters/1/network", and their conversion to the
// dotted field paths that diagnostics show, "clusters[1].network".
#pragma once

#include <string>
#include <vector>

namespace meshform::topology {

// Appends one reference token (escaping '~' and '/').
std::string PointerAppend(const std::string& pointer, const std::string& token);
std::string PointerAppend(const std::string& pointer, size_t index);

// The unescaped reference tokens of `pointer`.
std::vector<std::string> PointerTokens(const std::string& pointer);

// The pointer without its last token ("" for the root).
std::string PointerParent(const std::string& pointer);

// Appends a field-path step: ".key", or "[\"key\"]" when the key is not a plain identifier.
std::string FieldAppend(const std::string& field, const std::string& key);
std::string FieldAppend(const std::string& field, size_t index);

}  // namespace meshform::topology
