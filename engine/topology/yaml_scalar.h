// Typing of YAML scalars for the JSON the schema sees, following the YAML 1.2 core schema:
// plain `5000` is an integer, `true` a boolean, `~`/`null`/empty a null; quoted scalars are
// always strings; `yes`/`no`/`on`/`off` stay strings (as in YAML 1.2, unlike YAML 1.1).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace meshform::topology {

// `tag` is yaml-cpp's Node::Tag(): "?" for plain scalars, "!" for quoted ones, or an explicit
// tag such as "tag:yaml.org,2002:str".
nlohmann::json ScalarToJson(const std::string& value, const std::string& tag);

}  // namespace meshform::topology
