#include "tests/unit/views/markdown_check.h"

#include <sstream>

namespace meshform::testing {
namespace {

int Count(const std::string& line, const std::string& what) {
  int n = 0;
  for (auto at = line.find(what); at != std::string::npos; at = line.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

std::vector<std::string> MarkdownProblems(const std::string& part, std::size_t max_bytes) {
  std::vector<std::string> problems;
  if (part.size() > max_bytes) {
    problems.push_back(std::to_string(part.size()) + " bytes > " + std::to_string(max_bytes));
  }
  if (part.rfind("<!-- meshform plan: ", 0) != 0 || part.find(" -->\n") == std::string::npos) {
    problems.push_back("the first line is not the marker");
  }
  std::istringstream lines(part);
  std::string line;
  bool in_code = false;
  int open_details = 0;
  for (int number = 1; std::getline(lines, line); ++number) {
    std::string where = "line " + std::to_string(number) + ": ";
    if (line.find_first_not_of(' ') != std::string::npos &&
        line.substr(line.find_first_not_of(' ')).rfind("```", 0) == 0) {
      in_code = !in_code;
      continue;
    }
    int opens = Count(line, "<details");
    int closes = Count(line, "</details>");
    if (in_code) {
      if (opens || closes) problems.push_back(where + "<details> inside a code block");
      continue;
    }
    if (Count(line, "<summary>") != Count(line, "</summary>")) {
      problems.push_back(where + "<summary> not closed on its line");
    }
    if (opens && open_details > 0) problems.push_back(where + "nested <details>");
    open_details += opens - closes;
    if (open_details < 0) problems.push_back(where + "</details> without <details>");
  }
  if (in_code) problems.push_back("a code block is not closed");
  if (open_details > 0) problems.push_back("a <details> is not closed");
  return problems;
}

}  // namespace meshform::testing
