#include "code/verb_dictionary.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "kb/knowledge_base.h"
#include "segment/tokenizer.h"
#include "util/text.h"

namespace casus {

namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

}  // namespace

std::vector<std::string> RegularInflections(const std::string& w) {
  std::vector<std::string> out{w};
  if (w.size() < 2) return out;
  char last = w.back(), prev = w[w.size() - 2];
  // -s / -es / -ies
  if (EndsWith(w, "s") || EndsWith(w, "x") || EndsWith(w, "z") || EndsWith(w, "ch") || EndsWith(w, "sh"))
    out.push_back(w + "es");
  else if (last == 'y' && !IsVowel(prev))
    out.push_back(w.substr(0, w.size() - 1) + "ies");
  else
    out.push_back(w + "s");
  // -ed / -ing
  if (last == 'e') {
    out.push_back(w + "d");
    if (EndsWith(w, "ie"))
      out.push_back(w.substr(0, w.size() - 2) + "ying");
    else if (EndsWith(w, "ee") || EndsWith(w, "ye") || EndsWith(w, "oe"))
      out.push_back(w + "ing");
    else
      out.push_back(w.substr(0, w.size() - 1) + "ing");
  } else if (last == 'y' && !IsVowel(prev)) {
    out.push_back(w.substr(0, w.size() - 1) + "ied");
    out.push_back(w + "ing");
  } else {
    out.push_back(w + "ed");
    out.push_back(w + "ing");
    // Consonant doubling (stop -> stopped); harmless when wrong.
    if (!IsVowel(last) && last != 'w' && last != 'x' && last != 'y' && IsVowel(prev) &&
        (w.size() < 3 || !IsVowel(w[w.size() - 3]))) {
      out.push_back(w + last + "ed");
      out.push_back(w + last + "ing");
    }
  }
  // British/American -ise/-ize both ways.
  if (EndsWith(w, "ize") || EndsWith(w, "ise")) {
    std::string other = w.substr(0, w.size() - 3) + (EndsWith(w, "ize") ? "ise" : "ize");
    for (const char* suf : {"", "s", "d"}) out.push_back(other + suf);
    out.push_back(other.substr(0, other.size() - 1) + "ing");
  }
  return out;
}

int VerbDictionary::LemmaId(const std::string& lemma) {
  auto it = lemma_ids_.find(lemma);
  if (it != lemma_ids_.end()) return it->second;
  int id = static_cast<int>(lemmas_.size());
  lemmas_.push_back(lemma);
  lemma_ids_[lemma] = id;
  return id;
}

Status VerbDictionary::ParseFile(const std::string& path, const std::string& short_name) {
  return ForEachRecord(path, 3, 3, [&](int line_no, const std::vector<std::string_view>& f) -> std::string {
    VerbPattern p;
    std::string_view code = f[0];
    if (code != "---") {
      if (code.size() < 2 || code.size() > 4 ||
          !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return "bad CAMEO code '" + std::string(code) + "'";
      p.code = std::string(code);
    }
    if (f[1] == "V")
      p.noun = false;
    else if (f[1] == "N")
      p.noun = true;
    else
      return "kind must be V or N, not '" + std::string(f[1]) + "'";
    p.text = std::string(f[2]);
    p.origin = short_name + ":" + std::to_string(line_no);
    for (std::string_view item : Split(f[2], ' ')) {
      if (item.empty()) continue;
      PatternElem e;
      if (item == "*") {
        e.kind = PatternElem::Kind::kGap;
      } else if (item == "%") {
        e.kind = PatternElem::Kind::kTarget;
      } else {
        if (item.back() == '?') {
          e.optional = true;
          item.remove_suffix(1);
        }
        for (std::string_view alt : Split(item, '|')) {
          if (alt.empty()) return "empty alternative in '" + std::string(item) + "'";
          std::vector<int> run;
          for (const std::string& w : TokenizePhrase(alt)) run.push_back(LemmaId(w));
          if (run.empty()) return "empty alternative in '" + std::string(item) + "'";
          e.alts.push_back(std::move(run));
        }
      }
      p.elems.push_back(std::move(e));
    }
    if (p.elems.empty() || p.elems[0].kind != PatternElem::Kind::kWord || p.elems[0].optional)
      return "a pattern must start with a required word";
    for (const PatternElem& e : p.elems) p.literals += e.kind == PatternElem::Kind::kWord;
    // For each required word element after the first: the first lemma of each alternative.
    std::vector<std::vector<int>> required;
    for (size_t k = 1; k < p.elems.size(); ++k) {
      const PatternElem& e = p.elems[k];
      if (e.kind != PatternElem::Kind::kWord || e.optional) continue;
      std::vector<int> firsts;
      for (const auto& alt : e.alts) firsts.push_back(alt[0]);
      required.push_back(std::move(firsts));
    }
    // The group's anchor stands for the first of them; the rest are checked.
    std::vector<int> rest;
    for (size_t k = 1; k < required.size(); ++k) {
      rest.push_back(static_cast<int>(required[k].size()));
      rest.insert(rest.end(), required[k].begin(), required[k].end());
    }
    int idx = static_cast<int>(patterns_.size());
    std::vector<int> anchors = required.empty() ? std::vector<int>{-1} : required[0];
    for (const auto& alt : p.elems[0].alts) {
      if (by_first_.size() <= static_cast<size_t>(alt[0])) by_first_.resize(alt[0] + 1);
      std::vector<GroupBuild>& groups = by_first_[alt[0]];
      for (int anchor : anchors) {
        auto g = std::find_if(groups.begin(), groups.end(),
                              [&](const GroupBuild& x) { return x.anchor == anchor; });
        if (g == groups.end()) g = groups.insert(groups.end(), GroupBuild{anchor, {}, {}});
        if (!g->patterns.empty() && g->patterns.back() == idx) continue;
        g->patterns.push_back(idx);
        g->required.push_back(static_cast<int>(rest.size()));
        g->required.insert(g->required.end(), rest.begin(), rest.end());
      }
    }
    patterns_.push_back(std::move(p));
    return "";
  });
}

void VerbDictionary::FlattenGroups() {
  lemma_groups_.assign(1, 0);
  groups_.clear();
  group_patterns_.clear();
  group_required_.clear();
  for (const std::vector<GroupBuild>& groups : by_first_) {
    for (const GroupBuild& b : groups) {
      Group g;
      g.anchor = b.anchor;
      g.patterns_begin = static_cast<uint32_t>(group_patterns_.size());
      group_patterns_.insert(group_patterns_.end(), b.patterns.begin(), b.patterns.end());
      g.patterns_end = static_cast<uint32_t>(group_patterns_.size());
      g.required_begin = static_cast<uint32_t>(group_required_.size());
      group_required_.insert(group_required_.end(), b.required.begin(), b.required.end());
      groups_.push_back(g);
    }
    lemma_groups_.push_back(static_cast<uint32_t>(groups_.size()));
  }
  by_first_.clear();
  by_first_.shrink_to_fit();
}

Status VerbDictionary::Load(const std::string& verbs_dir, const std::string& wordnet_dir) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(verbs_dir, ec))
    if (e.path().extension() == ".txt") files.push_back(e.path().string());
  if (ec) return Status::IOError(verbs_dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    Status s = ParseFile(f, "verbs/" + fs::path(f).filename().string());
    if (!s.ok()) return s;
  }
  by_first_.resize(lemmas_.size());
  FlattenGroups();
  // Inflected forms of every lemma.
  for (size_t id = 0; id < lemmas_.size(); ++id) {
    for (const std::string& form : RegularInflections(lemmas_[id])) {
      auto& v = forms_[StableHash64(form)];
      if (std::find(v.begin(), v.end(), static_cast<int>(id)) == v.end()) v.push_back(static_cast<int>(id));
    }
  }
  // Irregular forms from WordNet: "form lemma [lemma...]".
  for (const char* exc : {"verb.exc", "noun.exc"}) {
    std::ifstream in(wordnet_dir + "/" + exc);
    std::string line;
    while (std::getline(in, line)) {
      auto parts = Split(line, ' ');
      if (parts.size() < 2) continue;
      std::string form(parts[0]);
      for (size_t k = 1; k < parts.size(); ++k) {
        auto it = lemma_ids_.find(std::string(Trim(parts[k])));
        if (it == lemma_ids_.end()) continue;
        auto& v = forms_[StableHash64(form)];
        if (std::find(v.begin(), v.end(), it->second) == v.end()) v.push_back(it->second);
      }
    }
  }
  return Status::OK();
}

}  // namespace casus
