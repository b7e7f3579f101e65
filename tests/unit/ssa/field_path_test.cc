// Field paths: fieldsV1 spelling round trips, human form, prefixes.
#include "engine/ssa/field_path.h"

#include <gtest/gtest.h>

#include "engine/util/error.h"

namespace meshform::ssa {
namespace {

TEST(FieldPath, ParsesEveryFieldsV1ElementKind) {
  auto f = PathElement::FromFieldsV1("f:replicas");
  EXPECT_EQ(f.kind, PathElement::Kind::kField);
  EXPECT_EQ(f.name, "replicas");
  auto k = PathElement::FromFieldsV1(R"(k:{"containerPort":80,"protocol":"TCP"})");
  EXPECT_EQ(k.kind, PathElement::Kind::kKey);
  EXPECT_EQ(k.value["containerPort"], 80);
  auto v = PathElement::FromFieldsV1(R"(v:"example.com/x")");
  EXPECT_EQ(v.kind, PathElement::Kind::kValue);
  EXPECT_EQ(v.value, "example.com/x");
  auto i = PathElement::FromFieldsV1("i:3");
  EXPECT_EQ(i.kind, PathElement::Kind::kIndex);
  EXPECT_EQ(i.index, 3);
  for (const auto& e : {f, k, v, i}) EXPECT_EQ(PathElement::FromFieldsV1(e.ToFieldsV1()), e);
}

TEST(FieldPath, RejectsMalformedElements) {
  EXPECT_THROW(PathElement::FromFieldsV1("x"), Error);
  EXPECT_THROW(PathElement::FromFieldsV1("q:foo"), Error);
  EXPECT_THROW(PathElement::FromFieldsV1("k:{not json"), Error);
}

TEST(FieldPath, PrintsLikeServerSideApplyConflicts) {
  Path p = {PathElement::Field("spec"), PathElement::Field("containers"),
            PathElement::Key({{"name", "web"}}), PathElement::Field("image")};
  EXPECT_EQ(ToString(p), R"(.spec.containers[name="web"].image)");
  EXPECT_EQ(ToString({}), ".");
}

TEST(FieldPath, PrefixMatchesWholeElements) {
  Path a = {PathElement::Field("spec"), PathElement::Field("replicas")};
  Path b = {PathElement::Field("spec")};
  Path c = {PathElement::Field("spe")};
  EXPECT_TRUE(HasPrefix(a, b));
  EXPECT_TRUE(HasPrefix(a, a));
  EXPECT_FALSE(HasPrefix(b, a));
  EXPECT_FALSE(HasPrefix(a, c));
}

}  // namespace
}  // namespace meshform::ssa
