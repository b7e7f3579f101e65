// The journal records prior states before writes, and its file (0600, one record a line) never
// holds Secret data or sensitive values.
#include "engine/apply/journal.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/apply/journal_file.h"
#include "engine/apply/previous_run.h"

namespace meshform::apply {
namespace {

std::string TempFolder() {
  auto dir = std::filesystem::temp_directory_path() /
             ("mf-journal-" + std::to_string(::getpid()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name());
  std::filesystem::remove_all(dir);
  return dir.string();
}

Effect SecretEffect() {
  Effect e = ObjectEffect("c/v1/Secret/ns/s", "c", "c/v1/Secret/ns/s", "apply");
  e.sensitive = true;
  e.identity = {{"apiVersion", "v1"}, {"kind", "Secret"}, {"metadata", {{"name", "s"}}}};
  e.prior = {{"apiVersion", "v1"},
             {"kind", "Secret"},
             {"metadata", {{"name", "s"}, {"namespace", "ns"}}},
             {"data", {{"ca-key.pem", "U0VDUkVULUtFWQ=="}}},
             {"stringData", {{"token", "SECRET-TOKEN"}}}};
  return e;
}

TEST(Journal, KeepsEffectsPerStepInOrderWithTheirState) {
  Journal journal;
  Effect a = ObjectEffect("s1", "c", "x", "delete");
  Effect b = ObjectEffect("s1", "c", "y", "apply");
  Effect other = ValueEffect("s2", "v");
  size_t ia = journal.Record(a);
  journal.Record(other);
  size_t ib = journal.Record(b);
  journal.MarkApplied(ia, "uid-1");
  auto effects = journal.EffectsOf("s1");
  ASSERT_EQ(effects.size(), 2u);
  EXPECT_EQ(effects[0].first, ia);
  EXPECT_EQ(effects[0].second.state, Effect::State::kApplied);
  EXPECT_EQ(effects[0].second.result_uid, "uid-1");
  EXPECT_EQ(effects[1].first, ib);
  EXPECT_EQ(effects[1].second.state, Effect::State::kIntended);
  // The in-memory journal keeps the complete prior state (rollback needs it).
  size_t is = journal.Record(SecretEffect());
  EXPECT_EQ(journal.All()[is].prior->at("data").at("ca-key.pem"), "U0VDUkVULUtFWQ==");
}

TEST(JournalFile, IsPrivateAndRedactsSecretData) {
  std::string path = JournalPath(TempFolder(), "mesh");
  EXPECT_NE(path.find(".meshform/journal-mesh.json"), std::string::npos);
  {
    Journal journal(std::make_shared<JournalFile>(path));
    size_t id = journal.Record(SecretEffect());
    journal.MarkApplied(id, "u");
    Effect value = ValueEffect("ca/root", "ca/root");
    value.sensitive = true;
    value.prior = {{"key", "PRIVATE-KEY-PEM"}};
    journal.Record(value);
  }
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  std::string content = text.str();
  EXPECT_EQ(content.find("U0VDUkVULUtFWQ=="), std::string::npos);
  EXPECT_EQ(content.find("SECRET-TOKEN"), std::string::npos);
  EXPECT_EQ(content.find("PRIVATE-KEY-PEM"), std::string::npos);
  EXPECT_NE(content.find("(sensitive)"), std::string::npos);
  // One JSON record a line: intended, applied, then the value.
  std::istringstream lines(content);
  std::string line;
  std::vector<nlohmann::json> records;
  while (std::getline(lines, line)) records.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[0]["run"]["mode"], "apply");  // the run's header: who, when
  EXPECT_NE(records[0]["run"]["by"].get<std::string>().find(" pid "), std::string::npos);
  EXPECT_EQ(records[1]["state"], "intended");
  EXPECT_EQ(records[2]["state"], "applied");
  EXPECT_EQ(records[2]["uid"], "u");
  EXPECT_EQ(records[2]["prior"]["data"]["ca-key.pem"], "(sensitive)");
}

// The next run reads what an interrupted run left, and keeps that journal beside its own.
TEST(JournalFile, AnInterruptedRunIsReportedAndItsJournalKept) {
  std::string path = JournalPath(TempFolder(), "mesh");
  {
    Journal journal(std::make_shared<JournalFile>(path));
    journal.MarkApplied(journal.Record(ObjectEffect("s1", "c", "c/v1/ConfigMap/ns/a", "apply")));
    journal.Record(ObjectEffect("s2", "c", "c/v1/ConfigMap/ns/b", "delete"));
    size_t undone = journal.Record(ObjectEffect("s3", "c", "c/v1/ConfigMap/ns/c", "apply"));
    journal.MarkApplied(undone);
    journal.MarkUndone(undone, true);
  }  // killed here: no "finished" record
  auto run = ReadPreviousRun(path);
  ASSERT_TRUE(run);
  EXPECT_FALSE(run->finished);
  EXPECT_EQ(run->mode, "apply");
  EXPECT_EQ(run->left_applied, (std::vector<std::string>{"c/v1/ConfigMap/ns/a (apply)"}));
  EXPECT_EQ(run->left_unknown, (std::vector<std::string>{"c/v1/ConfigMap/ns/b (delete)"}));
  std::string text = DescribeUnfinished(*run);
  EXPECT_NE(text.find("did not finish"), std::string::npos) << text;
  EXPECT_NE(text.find("c/v1/ConfigMap/ns/a (apply)"), std::string::npos) << text;
  EXPECT_EQ(text.find("ns/c"), std::string::npos) << text;  // undone: not left
  {
    auto file = std::make_shared<JournalFile>(path, "destroy");
    file->Finish("succeeded");
  }
  auto kept = ReadPreviousRun(PreviousJournalPath(path));
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->left_applied.size(), 1u);
  auto next = ReadPreviousRun(path);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->finished, "succeeded");
  EXPECT_EQ(next->mode, "destroy");
  EXPECT_EQ(DescribeUnfinished(*next), "");
}

TEST(JournalFile, AnIncompleteRollbackIsReported) {
  std::string path = JournalPath(TempFolder(), "mesh");
  {
    auto file = std::make_shared<JournalFile>(path);
    Journal journal(file);
    size_t id = journal.Record(ObjectEffect("s1", "c", "c/v1/ConfigMap/ns/a", "apply"));
    journal.MarkApplied(id);
    journal.MarkUndone(id, false);
    file->Finish("rollback incomplete");
  }
  auto run = ReadPreviousRun(path);
  ASSERT_TRUE(run);
  std::string text = DescribeUnfinished(*run);
  EXPECT_NE(text.find("ended \"rollback incomplete\""), std::string::npos) << text;
  EXPECT_NE(text.find("rollback could not undo\n    c/v1/ConfigMap/ns/a (apply)"),
            std::string::npos)
      << text;
  EXPECT_EQ(ReadPreviousRun(path + ".none"), std::nullopt);
}

}  // namespace
}  // namespace meshform::apply
