// Schema validation: unknown keys (our own walk), over-long patterned strings (guarded before
// std::regex sees them), then valijson, whose errors are translated and positioned.
#include "engine/topology/schema_check.h"

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "engine/topology/json_pointer.h"
#include "engine/topology/key_check.h"
#include "engine/topology/schema.h"
#include "engine/topology/schema_messages.h"
#include "engine/topology/schema_walk.h"

namespace meshform::topology {
namespace {

constexpr size_t kMaxPatternedLength = 1024;

// valijson's context ("<root>", "[clusters]", "[1]", ...) as a JSON pointer.
std::string ContextToPointer(const std::vector<std::string>& context) {
  std::string pointer;
  for (size_t i = 1; i < context.size(); ++i) {
    const std::string& step = context[i];
    bool bracketed = step.size() >= 2 && step.front() == '[' && step.back() == ']';
    pointer = PointerAppend(pointer, bracketed ? step.substr(1, step.size() - 2) : step);
  }
  return pointer;
}

const nlohmann::json& ValueAt(const nlohmann::json& data, const std::string& pointer) {
  static const nlohmann::json kNull;
  try {
    const auto& value = data.at(nlohmann::json::json_pointer(pointer));
    return value;
  } catch (const nlohmann::json::exception&) {
    return kNull;
  }
}

// Reports patterned strings too long to be valid and replaces them, in the copy given to
// valijson, by a short string every pattern of the schema accepts.
nlohmann::json GuardLongStrings(const YamlDocument& document, const SchemaWalker& walker,
                                Diagnostics* diagnostics) {
  std::vector<std::string> long_strings;
  walker.Walk(document.json, [&](const nlohmann::json& value, const nlohmann::json& schema,
                                 const std::string& pointer) {
    if (!value.is_string() || !schema.is_object() || !schema.contains("pattern")) return;
    if (value.get_ref<const std::string&>().size() <= kMaxPatternedLength) return;
    size_t limit = schema.value("maxLength", kMaxPatternedLength);
    diagnostics->Add(Diagnostic{document.map.ValueAt(pointer), document.map.FieldOf(pointer),
                                "value is longer than " + std::to_string(limit) + " characters"});
    long_strings.push_back(pointer);
  });
  nlohmann::json copy = document.json;
  for (const auto& pointer : long_strings) copy[nlohmann::json::json_pointer(pointer)] = "a";
  return copy;
}

void Report(const YamlDocument& document, const SchemaWalker& walker,
            const valijson::ValidationResults::Error& error, Diagnostics* diagnostics) {
  std::string pointer = ContextToPointer(error.context);
  const nlohmann::json& value = ValueAt(document.json, pointer);
  SchemaMessage message =
      TranslateSchemaError(error.description, value, walker.At(document.json, pointer));
  if (message.skip) return;
  std::string field_pointer =
      message.subfield.empty() ? pointer : PointerAppend(pointer, message.subfield);
  diagnostics->Add(Diagnostic{document.map.ValueAt(pointer), document.map.FieldOf(field_pointer),
                              message.message});
}

}  // namespace

void CheckSchema(const YamlDocument& document, Diagnostics* diagnostics) {
  SchemaWalker walker(TopologySchemaJson());
  CheckUnknownKeys(document.json, walker, document.map, diagnostics);
  nlohmann::json guarded = GuardLongStrings(document, walker, diagnostics);
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter adapter(guarded);
  validator.validate(TopologySchema(), adapter, &results);
  for (const auto& error : results) Report(document, walker, error, diagnostics);
}

}  // namespace meshform::topology
