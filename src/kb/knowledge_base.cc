#include "kb/knowledge_base.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <tuple>

#include "util/date.h"
#include "util/text.h"

namespace casus {

namespace {

namespace fs = std::filesystem;

std::vector<std::string_view> ListField(std::string_view f) {
  std::vector<std::string_view> out;
  if (Trim(f) == "-") return out;
  for (auto item : Split(f, '|')) {
    item = Trim(item);
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

bool ParseDouble(std::string_view s, double* out) {
  if (s.size() > 1 && s[0] == '+' && s[1] != '-' && s[1] != '+') s.remove_prefix(1);  // "+55.75"
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size();
}

// Case rule for a dictionary phrase as written in the data file.
CaseRule RuleFor(std::string_view phrase, bool proper) {
  if (!proper) return CaseRule::kAny;
  bool has_lower = false, has_upper = false;
  for (char c : phrase) {
    if (c >= 'a' && c <= 'z') has_lower = true;
    if (c >= 'A' && c <= 'Z') has_upper = true;
  }
  if (has_upper && !has_lower) return CaseRule::kUpper;
  return CaseRule::kCapitalized;
}

bool IsAllUpper(std::string_view s) {
  bool any = false;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') any = true;
  }
  return any;
}

}  // namespace

std::optional<int> ParseRoleDate(std::string_view s, bool end) {
  s = Trim(s);
  if (s == "-") return end ? INT_MAX : INT_MIN;
  auto num = [](std::string_view t, int* v) {
    if (t.empty()) return false;
    *v = 0;
    for (char c : t) {
      if (c < '0' || c > '9') return false;
      *v = *v * 10 + (c - '0');
    }
    return true;
  };
  int y = 0, m = 0, d = 0;
  auto parts = Split(s, '-');
  if (parts.empty() || parts.size() > 3 || parts[0].size() != 4 || !num(parts[0], &y)) return std::nullopt;
  if (parts.size() >= 2 && (parts[1].size() != 2 || !num(parts[1], &m))) return std::nullopt;
  if (parts.size() == 3 && (parts[2].size() != 2 || !num(parts[2], &d))) return std::nullopt;
  if (parts.size() == 1) {
    m = end ? 12 : 1;
  }
  if (parts.size() <= 2) {
    if (m < 1 || m > 12) return std::nullopt;
    d = end ? DaysInMonth(y, m) : 1;
  }
  auto date = MakeDate(y, m, d);
  if (!date) return std::nullopt;
  return DaysFromDate(*date);
}

Status ForEachRecord(const std::string& path, size_t min_fields, size_t max_fields,
                     const std::function<std::string(int, const std::vector<std::string_view>&)>& fn) {
  std::ifstream in(path);
  if (!in) return Status::IOError(path + ": cannot open");
  std::string line;
  int line_no = 0;
  std::vector<std::string_view> fields;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::string_view t = Trim(line);
    if (t.empty() || t[0] == '#') continue;
    SplitInto(line, '\t', &fields);
    // A trailing "# comment" field is allowed.
    if (fields.size() > min_fields && StartsWith(Trim(fields.back()), "#")) fields.pop_back();
    if (fields.size() < min_fields || fields.size() > max_fields) {
      return Status::InvalidInput(path + ":" + std::to_string(line_no) + ": expected " +
                                  std::to_string(min_fields) +
                                  (max_fields != min_fields ? "-" + std::to_string(max_fields) : "") +
                                  " TAB-separated fields, found " + std::to_string(fields.size()));
    }
    for (auto& f : fields) {
      f = Trim(f);
      if (f.empty())
        return Status::InvalidInput(path + ":" + std::to_string(line_no) + ": empty field (write '-')");
    }
    std::string err = fn(line_no, fields);
    if (!err.empty()) return Status::InvalidInput(path + ":" + std::to_string(line_no) + ": " + err);
  }
  return Status::OK();
}

void KnowledgeBase::AddPhrase(std::string_view text, LexEntry entry) {
  text = Trim(text);
  if (StartsWith(text, "the ") || StartsWith(text, "The ")) text.remove_prefix(4);
  std::vector<std::string> toks = TokenizePhrase(text);
  if (toks.empty()) return;
  std::string key;
  for (const auto& t : toks) {
    key += t;
    key += '\x1f';
  }
  auto it = phrase_index_.find(key);
  int idx;
  if (it == phrase_index_.end()) {
    idx = static_cast<int>(phrases_.size());
    std::vector<uint64_t> hashes;
    for (const auto& t : toks) hashes.push_back(StableHash64(t));
    phrases_.push_back(Phrase{std::move(toks), std::move(hashes), {}});
    phrase_index_.emplace(std::move(key), idx);
  } else {
    idx = it->second;
  }
  for (const LexEntry& e : phrases_[idx].entries)
    if (e.kind == entry.kind && e.index == entry.index) return;
  phrases_[idx].entries.push_back(entry);
}

Status KnowledgeBase::LoadCountries(const std::string& path) {
  return ForEachRecord(path, 9, 9, [&](int, const std::vector<std::string_view>& f) -> std::string {
    if (f[0].size() != 3 || !IsAllUpper(f[0])) return "bad ISO3 code '" + std::string(f[0]) + "'";
    if (country_index_.count(std::string(f[0]))) return "duplicate country " + std::string(f[0]);
    Country c;
    c.iso3 = std::string(f[0]);
    c.iso2 = std::string(f[1]);
    c.name = std::string(f[2]);
    if (!ParseDouble(f[6], &c.lat) || !ParseDouble(f[7], &c.lon)) return "bad coordinates";
    int idx = static_cast<int>(countries_.size());
    auto capitals = ListField(f[5]);
    if (!capitals.empty()) {
      std::string_view cap = capitals[0];
      if (StartsWith(cap, "!")) cap.remove_prefix(1);
      c.capital = std::string(cap);
    }
    countries_.push_back(c);
    country_index_[c.iso3] = idx;
    AddPhrase(f[2], {LexKind::kCountry, idx, RuleFor(f[2], true)});
    for (auto a : ListField(f[3])) AddPhrase(a, {LexKind::kCountry, idx, RuleFor(a, true)});
    for (auto a : ListField(f[4])) AddPhrase(a, {LexKind::kAdjective, idx, RuleFor(a, true)});
    for (auto a : capitals) {
      bool gov = !StartsWith(a, "!");
      if (!gov) a.remove_prefix(1);
      AddPhrase(a, {LexKind::kCapital, idx, RuleFor(a, true), gov});
    }
    for (auto a : ListField(f[8])) AddPhrase(a, {LexKind::kMetonym, idx, RuleFor(a, true)});
    return "";
  });
}

Status KnowledgeBase::LoadAgents(const std::string& path) {
  return ForEachRecord(path, 2, 2, [&](int, const std::vector<std::string_view>& f) -> std::string {
    if (f[0].size() != 3 || !IsAllUpper(f[0])) return "bad agent code '" + std::string(f[0]) + "'";
    for (auto p : ListField(f[1])) {
      int idx = static_cast<int>(agents_.size());
      agents_.push_back(Agent{std::string(f[0]), std::string(p)});
      AddPhrase(p, {LexKind::kAgent, idx, CaseRule::kAny});
    }
    return "";
  });
}

Status KnowledgeBase::LoadActors(const std::string& path) {
  return ForEachRecord(path, 6, 6, [&](int, const std::vector<std::string_view>& f) -> std::string {
    std::string id(f[0]);
    auto from = ParseRoleDate(f[2], false);
    auto to = ParseRoleDate(f[3], true);
    if (!from) return "bad start date '" + std::string(f[2]) + "'";
    if (!to) return "bad end date '" + std::string(f[3]) + "'";
    if (*from > *to) return "role ends before it starts";
    if (f[1].size() < 3 || !IsAllUpper(f[1])) return "bad actor code '" + std::string(f[1]) + "'";
    auto it = actor_index_.find(id);
    int idx;
    if (it == actor_index_.end()) {
      auto names = ListField(f[5]);
      if (names.empty()) return "first line of actor '" + id + "' has no names";
      idx = static_cast<int>(actors_.size());
      actors_.push_back(ActorEntry{id, std::string(names[0]), {}});
      actor_index_[id] = idx;
    } else {
      idx = it->second;
    }
    for (auto n : ListField(f[5])) AddPhrase(n, {LexKind::kActor, idx, RuleFor(n, true)});
    actors_[idx].roles.push_back(Role{std::string(f[1]), *from, *to, std::string(f[4])});
    return "";
  });
}

Status KnowledgeBase::LoadGazetteer(const std::string& path) {
  // name <TAB> ISO2 <TAB> lat <TAB> lon <TAB> population, generated at build time.
  std::unordered_map<std::string, int> by_iso2;
  for (size_t i = 0; i < countries_.size(); ++i) by_iso2[countries_[i].iso2] = static_cast<int>(i);
  return ForEachRecord(path, 5, 5, [&](int, const std::vector<std::string_view>& f) -> std::string {
    auto c = by_iso2.find(std::string(f[1]));
    if (c == by_iso2.end()) return "";  // territory we do not track
    Place p;
    p.name = std::string(f[0]);
    p.country = countries_[c->second].iso3;
    if (!ParseDouble(f[2], &p.lat) || !ParseDouble(f[3], &p.lon)) return "bad coordinates";
    p.population = std::atoll(std::string(f[4]).c_str());
    int idx = static_cast<int>(places_.size());
    places_.push_back(std::move(p));
    AddPhrase(places_[idx].name, {LexKind::kPlace, idx, CaseRule::kCapitalized});
    return "";
  });
}

Status KnowledgeBase::LoadCameo(const std::string& path) {
  return ForEachRecord(path, 5, 5, [&](int, const std::vector<std::string_view>& f) -> std::string {
    CameoCode c;
    c.code = std::string(f[0]);
    c.name = std::string(f[1]);
    if (!ParseDouble(f[2], &c.goldstein)) return "bad Goldstein value";
    c.plover_type = f[3] == "-" ? "" : std::string(f[3]);
    c.plover_mode = f[4] == "-" ? "" : std::string(f[4]);
    cameo_[c.code] = c;
    return "";
  });
}

Status KnowledgeBase::LoadModality(const std::string& path) {
  return ForEachRecord(path, 3, 3, [&](int, const std::vector<std::string_view>& f) -> std::string {
    auto code = [&](std::string_view s) -> std::string { return s == "-" ? "" : std::string(s); };
    std::string intent = code(f[1]), threat = code(f[2]);
    if ((!intent.empty() && !cameo_.count(intent)) || (!threat.empty() && !cameo_.count(threat)))
      return "unknown CAMEO code";
    modality_[std::string(f[0])] = {intent, threat};
    return "";
  });
}

Status KnowledgeBase::Load(const Options& options) {
  const std::string kb = options.data_dir + "/kb";
  Status s = LoadCountries(kb + "/countries.tsv");
  if (s.ok()) s = LoadAgents(kb + "/agents.tsv");
  if (!s.ok()) return s;
  std::vector<std::string> actor_files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(kb + "/actors", ec))
    if (e.path().extension() == ".tsv") actor_files.push_back(e.path().string());
  if (ec) return Status::IOError(kb + "/actors: " + ec.message());
  std::sort(actor_files.begin(), actor_files.end());
  for (const auto& f : options.extra_actor_files) actor_files.push_back(f);
  for (const auto& f : actor_files) {
    s = LoadActors(f);
    if (!s.ok()) return s;
  }
  if (!options.gazetteer_path.empty()) {
    s = LoadGazetteer(options.gazetteer_path);
    if (!s.ok()) return s;
  }
  s = LoadCameo(options.data_dir + "/cameo/events.tsv");
  if (s.ok()) s = LoadModality(options.data_dir + "/cameo/modality.tsv");
  if (!s.ok()) return s;
  for (ActorEntry& a : actors_) {
    a.person = false;
    for (const Role& r : a.roles)
      if (r.title != "organisation" && r.title != "armed group" && r.title != "party" &&
          r.title != "movement")
        a.person = true;
  }
  BuildStarts();
  return Status::OK();
}

void KnowledgeBase::BuildStarts() {
  // Phrases ordered by first token (hash), then longest first, then in
  // load order: the arrays do not depend on any hash map's iteration order.
  struct Key {
    uint64_t first;
    uint32_t minus_length;  // longest first
    uint32_t phrase;
    bool operator<(const Key& o) const {
      return std::tie(first, minus_length, phrase) < std::tie(o.first, o.minus_length, o.phrase);
    }
  };
  std::vector<Key> keys(phrases_.size());
  for (size_t i = 0; i < keys.size(); ++i)
    keys[i] = Key{phrases_[i].hashes[0], UINT32_MAX - static_cast<uint32_t>(phrases_[i].tokens.size()),
                  static_cast<uint32_t>(i)};
  std::sort(keys.begin(), keys.end());
  std::vector<uint32_t> order(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) order[i] = keys[i].phrase;
  all_starts_ = StartIndex{};
  uncapitalised_starts_ = StartIndex{};
  rest_hashes_.clear();
  auto add = [](StartIndex* index, uint64_t first, const PhraseStart& c) {
    uint32_t at = static_cast<uint32_t>(index->starts.size());
    index->starts.push_back(c);
    auto [it, added] = index->first.try_emplace(first, at, at + 1);
    if (!added) it->second.second = at + 1;
  };
  for (size_t n = 0; n < order.size(); ++n) {
    const Phrase& p = phrases_[order[n]];
    PhraseStart c;
    c.second = p.hashes.size() > 1 ? p.hashes[1] : 0;
    c.phrase = order[n];
    c.rest = static_cast<uint32_t>(rest_hashes_.size());
    c.length = static_cast<uint32_t>(p.tokens.size());
    for (size_t k = 2; k < c.length; ++k) rest_hashes_.push_back(p.hashes[k]);
    for (const LexEntry& e : p.entries)
      c.case_rules |= static_cast<uint8_t>(1u << static_cast<int>(e.case_rule));
    c.dotted = p.tokens[0].find('.') != std::string::npos;
    add(&all_starts_, p.hashes[0], c);
    // An upper-case rule holds for an uncapitalised first token only when
    // that token is not a word ("9/11"): not a letter in the phrase either.
    unsigned char f = p.tokens[0].empty() ? 0 : p.tokens[0][0];
    bool letter = (f >= 'a' && f <= 'z') || f >= 0xC3;  // as Token::capitalized
    if ((c.case_rules & (1u << static_cast<int>(CaseRule::kAny))) ||
        ((c.case_rules & (1u << static_cast<int>(CaseRule::kUpper))) && !letter))
      add(&uncapitalised_starts_, p.hashes[0], c);
  }
}

bool KnowledgeBase::CaseRulesHold(const PhraseStart& c, const std::vector<Token>& tokens, size_t i,
                                  std::string_view text) const {
  if (c.case_rules & (1u << static_cast<int>(CaseRule::kAny))) return true;
  if ((c.case_rules & (1u << static_cast<int>(CaseRule::kCapitalized))) && tokens[i].capitalized) return true;
  if (!(c.case_rules & (1u << static_cast<int>(CaseRule::kUpper)))) return false;
  auto span = [&](size_t t) { return text.substr(tokens[t].start, tokens[t].end - tokens[t].start); };
  for (size_t k = 0; k < c.length; ++k)
    if (tokens[i + k].kind == TokenKind::kWord && !IsAllUpper(span(i + k))) return false;
  if (c.dotted) return true;
  // In upper-case text ("CAR BOMB EXPLODES") an undotted acronym that is also
  // a word cannot be told apart: require a lower-case neighbour.
  auto shouting = [&](size_t t) {
    return t < tokens.size() && tokens[t].kind == TokenKind::kWord && tokens[t].end - tokens[t].start >= 2 &&
           IsAllUpper(span(t));
  };
  return !((i > 0 && shouting(i - 1)) || shouting(i + c.length));
}

const Phrase* KnowledgeBase::LongestMatch(const std::vector<Token>& tokens, size_t i, size_t end,
                                          std::string_view text, size_t* length) const {
  const StartIndex& index = tokens[i].capitalized ? all_starts_ : uncapitalised_starts_;
  auto it = index.first.find(tokens[i].hash);
  if (it == index.first.end()) return nullptr;
  for (uint32_t s = it->second.first; s < it->second.second; ++s) {
    const PhraseStart& c = index.starts[s];
    if (i + c.length > end) continue;
    if (c.length > 1 && tokens[i + 1].hash != c.second) continue;
    bool ok = true;
    for (size_t k = 2; k < c.length && ok; ++k) ok = tokens[i + k].hash == rest_hashes_[c.rest + k - 2];
    if (!ok || !CaseRulesHold(c, tokens, i, text)) continue;
    *length = c.length;
    return &phrases_[c.phrase];
  }
  return nullptr;
}

std::string KnowledgeBase::CountryOfCode(std::string_view code) const {
  if (code.size() < 3) return "";
  std::string c(code.substr(0, 3));
  return country_index_.count(c) ? c : "";
}

const Country* KnowledgeBase::FindCountry(std::string_view iso3) const {
  auto it = country_index_.find(std::string(iso3));
  return it == country_index_.end() ? nullptr : &countries_[it->second];
}

const Phrase* KnowledgeBase::FindPhrase(std::string_view name) const {
  name = Trim(name);
  if (StartsWith(name, "the ") || StartsWith(name, "The ")) name.remove_prefix(4);
  std::string key;
  for (const auto& t : TokenizePhrase(name)) {
    key += t;
    key += '\x1f';
  }
  auto it = phrase_index_.find(key);
  return it == phrase_index_.end() ? nullptr : &phrases_[it->second];
}

const ActorEntry* KnowledgeBase::FindActor(std::string_view id) const {
  auto it = actor_index_.find(std::string(id));
  return it == actor_index_.end() ? nullptr : &actors_[it->second];
}

const CameoCode* KnowledgeBase::FindCameo(std::string_view code) const {
  auto it = cameo_.find(std::string(code));
  return it == cameo_.end() ? nullptr : &it->second;
}

std::string KnowledgeBase::ModalCode(std::string_view root, bool threat) const {
  auto it = modality_.find(std::string(root));
  if (it == modality_.end()) return "";
  return threat ? it->second.second : it->second.first;
}

size_t KnowledgeBase::role_count() const {
  size_t n = 0;
  for (const auto& a : actors_) n += a.roles.size();
  return n;
}

ResolvedRole KnowledgeBase::Resolve(const ActorEntry& actor, const Date& date) const {
  int d = DaysFromDate(date);
  ResolvedRole r;
  const Role* latest_past = nullptr;
  const Role* earliest_future = nullptr;
  for (const Role& role : actor.roles) {
    if (role.from <= d && d <= role.to) {
      r.code = role.code;
      r.country = CountryOfCode(role.code);
      r.role = &role;
      return r;
    }
    if (role.to < d && (!latest_past || role.to > latest_past->to)) latest_past = &role;
    if (role.from > d && (!earliest_future || role.from < earliest_future->from)) earliest_future = &role;
  }
  if (latest_past) {
    r.country = CountryOfCode(latest_past->code);
    r.code = r.country.empty() ? latest_past->code : r.country + "ELI";
  } else if (earliest_future) {
    r.country = CountryOfCode(earliest_future->code);
    r.code = r.country.empty() ? earliest_future->code : r.country;
  }
  return r;
}

}  // namespace casus
