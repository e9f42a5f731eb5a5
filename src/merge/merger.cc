// Merge: mentions of one happening become one event.
//
// Key = date | 3-digit code | dyad (unordered for symmetric codes: 04x, 057,
// 06x; code/cameo.h) | modality | negated. Before keying, a mention that took the
// publication date joins the text-dated mentions of the same article with the
// same undated key when they agree on one date (a headline "X and Y talk" and
// the body's "on Saturday, X and Y talked"). The representative mention — the
// first by (doc, sentence, start, rule) — gives the event's actors, so the
// result does not depend on input order.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "casus/engine.h"
#include "code/cameo.h"
#include "util/hash.h"

namespace casus {

namespace {

std::string UndatedKey(const Event& e) {
  std::string a = e.source.code, b = e.target ? e.target->code : "-";
  if (SymmetricCode(e.cameo) && b < a) std::swap(a, b);
  return e.cameo.substr(0, 3) + "|" + a + "|" + b + "|" + ModalityName(e.modality) + "|" +
         (e.negated ? "neg" : "pos");
}

std::string FullKey(const Event& e) {
  return e.date.ToString() + "|" + DatePrecisionName(e.date_precision) + "|" + UndatedKey(e);
}

bool MentionLess(const Mention& a, const Mention& b) {
  return std::tie(a.doc, a.sentence, a.start, a.rule) < std::tie(b.doc, b.sentence, b.start, b.rule);
}

}  // namespace

std::string EventKeyId(const Event& e) { return HexId(StableHash64(FullKey(e))); }

std::vector<Event> MergeEvents(std::vector<Event> in) {
  // Date propagation within an article.
  std::map<std::pair<std::string, std::string>, std::set<std::pair<std::string, int>>> dated;
  for (const Event& e : in) {
    if (e.mentions.empty() || !e.mentions[0].date_from_text) continue;
    dated[{e.mentions[0].doc, UndatedKey(e)}].insert({e.date.ToString(), static_cast<int>(e.date_precision)});
  }
  for (Event& e : in) {
    if (e.mentions.empty() || e.mentions[0].date_from_text) continue;
    auto it = dated.find({e.mentions[0].doc, UndatedKey(e)});
    if (it == dated.end() || it->second.size() != 1) continue;
    const auto& [date, precision] = *it->second.begin();
    e.date = *Date::Parse(date);
    e.date_precision = static_cast<DatePrecision>(precision);
  }

  std::map<std::string, std::vector<Event*>> groups;
  for (Event& e : in)
    if (!e.mentions.empty()) groups[FullKey(e)].push_back(&e);

  std::vector<Event> out;
  out.reserve(groups.size());
  for (auto& [key, list] : groups) {
    std::sort(list.begin(), list.end(),
              [](const Event* a, const Event* b) { return MentionLess(a->mentions[0], b->mentions[0]); });
    Event ev = *list[0];
    ev.mentions.clear();
    ev.location.reset();
    std::set<std::pair<std::string, int>> seen;
    for (Event* e : list) {
      for (Mention& m : e->mentions) {
        if (!seen.insert({m.doc, m.sentence}).second) continue;
        if (!ev.location && e->location) ev.location = e->location;
        ev.mentions.push_back(std::move(m));
      }
    }
    ev.id = HexId(StableHash64(key));
    out.push_back(std::move(ev));
  }
  std::sort(out.begin(), out.end(),
            [](const Event& a, const Event& b) { return std::tie(a.date, a.id) < std::tie(b.date, b.id); });
  return out;
}

}  // namespace casus
