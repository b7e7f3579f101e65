// Translation of valijson's error descriptions into messages that name the offending value and
// what the schema expects of it.
#include "engine/topology/schema_messages.h"

#include <regex>

#include "engine/topology/suggest.h"

namespace meshform::topology {
namespace {

bool StartsWith(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

// The text between the first pair of single quotes in valijson's description.
std::string Quoted(const std::string& description) {
  size_t open = description.find('\'');
  size_t close = description.find('\'', open + 1);
  if (open == std::string::npos || close == std::string::npos) return "";
  return description.substr(open + 1, close - open - 1);
}

std::string Number(const nlohmann::json& n) {
  if (n.is_number_integer() || n.is_number_unsigned())
    return n.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  double d = n.get<double>();
  if (d == static_cast<double>(static_cast<long long>(d))) return std::to_string((long long)d);
  return n.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string Shorten(const std::string& text) {
  return text.size() > 40 ? text.substr(0, 37) + "..." : text;
}

std::string TypeName(const std::string& type) {
  if (type == "object") return "a mapping";
  if (type == "array") return "a list";
  if (type == "string") return "a string";
  if (type == "integer") return "an integer";
  if (type == "number") return "a number";
  if (type == "boolean") return "a boolean (true or false)";
  return type;
}

std::string ValueText(const nlohmann::json& value) {
  return value.is_string()
             ? "'" + Shorten(value.get<std::string>()) + "'"
             : Shorten(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

std::string EnumMessage(const nlohmann::json& value, const nlohmann::json& schema) {
  std::vector<std::string> options;
  auto values = schema.find("enum");
  if (values != schema.end() && values->is_array())
    for (const auto& option : *values)
      options.push_back(option.is_string() ? option.get<std::string>()
                                           : option.dump(-1, ' ', false,
                                                         nlohmann::json::error_handler_t::replace));
  std::string list;
  for (const auto& o : options) list += (list.empty() ? "" : ", ") + o;
  std::string message = ValueText(value) + " is not one of: " + list;
  if (value.is_string()) message += DidYouMean(value.get<std::string>(), options);
  return message;
}

std::string RangeMessage(const nlohmann::json& value, const nlohmann::json& schema) {
  bool has_min = schema.contains("minimum"), has_max = schema.contains("maximum");
  if (has_min && has_max)
    return Number(value) + " is out of range " + Number(schema["minimum"]) + ".." +
           Number(schema["maximum"]);
  if (has_min) return Number(value) + " is less than the minimum " + Number(schema["minimum"]);
  return Number(value) + " is more than the maximum " + Number(schema["maximum"]);
}

std::string LengthMessage(const nlohmann::json& value, const nlohmann::json& schema,
                          bool too_long) {
  if (too_long)
    return ValueText(value) + " is longer than " + Number(schema["maxLength"]) + " characters";
  size_t min = schema.value("minLength", 1);
  return min <= 1 ? "must not be empty" : "must be at least " + std::to_string(min) + " characters";
}

std::string ItemsMessage(const nlohmann::json& schema, bool too_few) {
  if (too_few) {
    size_t min = schema.value("minItems", 1);
    return min <= 1 ? "must list at least one item"
                    : "must list at least " + std::to_string(min) + " items";
  }
  return "must list at most " + Number(schema["maxItems"]) + " items";
}

std::string PatternMessage(const nlohmann::json& value, const nlohmann::json& schema) {
  if (schema.contains("patternErrorMessage"))
    return ValueText(value) + " " + schema["patternErrorMessage"].get<std::string>();
  return ValueText(value) + " does not match " + schema.value("pattern", std::string());
}

std::string DependencyMessage(const std::string& missing, const nlohmann::json& value,
                              const nlohmann::json& schema) {
  auto dependencies = schema.find("dependencies");
  if (dependencies == schema.end() || !dependencies->is_object()) return "";
  for (const auto& [key, needs] : dependencies->items()) {
    if (!value.is_object() || !value.contains(key) || !needs.is_array()) continue;
    for (const auto& need : needs)
      if (need == missing) return "'" + missing + "' is required when '" + key + "' is set";
  }
  return "";
}

SchemaMessage Message(std::string message, std::string subfield = "") {
  return SchemaMessage{std::move(message), std::move(subfield), false};
}

}  // namespace

std::string DescribeValue(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::null:
      return "nothing (null)";
    case nlohmann::json::value_t::object:
      return "a mapping";
    case nlohmann::json::value_t::array:
      return "a list";
    case nlohmann::json::value_t::string:
      return "string " + ValueText(value);
    case nlohmann::json::value_t::boolean:
      return "boolean " + value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    default:
      return "number " + value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
}

SchemaMessage TranslateSchemaError(const std::string& d, const nlohmann::json& value,
                                   const nlohmann::json* schema_or_null) {
  static const nlohmann::json kEmpty = nlohmann::json::object();
  const nlohmann::json& schema =
      schema_or_null && schema_or_null->is_object() ? *schema_or_null : kEmpty;
  if (StartsWith(d, "Failed to validate") || StartsWith(d, "Object contains a property") ||
      StartsWith(d, "Cannot validate item"))
    return SchemaMessage{"", "", true};
  if (StartsWith(d, "Missing required property"))
    return Message("required key '" + Quoted(d) + "' is missing", Quoted(d));
  if (StartsWith(d, "Missing dependency") && !DependencyMessage(Quoted(d), value, schema).empty())
    return Message(DependencyMessage(Quoted(d), value, schema), Quoted(d));
  if (StartsWith(d, "Value type not permitted"))
    return Message("expected " + TypeName(schema.value("type", std::string())) + ", got " +
                   DescribeValue(value));
  if (StartsWith(d, "Failed to match against any enum")) return Message(EnumMessage(value, schema));
  if (StartsWith(d, "Failed to match regex")) return Message(PatternMessage(value, schema));
  if (StartsWith(d, "Expected number")) return Message(RangeMessage(value, schema));
  if (StartsWith(d, "String should be no more")) return Message(LengthMessage(value, schema, true));
  if (StartsWith(d, "String should be no fewer"))
    return Message(LengthMessage(value, schema, false));
  if (StartsWith(d, "Array should contain no fewer")) return Message(ItemsMessage(schema, true));
  if (StartsWith(d, "Array should contain no more")) return Message(ItemsMessage(schema, false));
  return Message(d);
}

}  // namespace meshform::topology
