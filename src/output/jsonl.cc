#include <nlohmann/json.hpp>

#include "casus/output.h"

namespace casus {

namespace {

using Json = nlohmann::ordered_json;

Json ActorJson(const Actor& a) {
  Json j;
  j["code"] = a.code;
  j["name"] = a.name;
  j["country"] = a.country.empty() ? Json(nullptr) : Json(a.country);
  j["kb_id"] = a.kb_id.empty() ? Json(nullptr) : Json(a.kb_id);
  return j;
}

}  // namespace

std::string EventToJson(const Event& e) {
  Json j;
  j["id"] = e.id;
  j["date"] = e.date.ToString();
  j["date_precision"] = DatePrecisionName(e.date_precision);
  j["source"] = ActorJson(e.source);
  j["target"] = e.target ? ActorJson(*e.target) : Json(nullptr);
  j["cameo"] = e.cameo;
  j["root"] = e.root;
  j["quad_class"] = e.quad_class;
  j["goldstein"] = e.goldstein;
  Json p;
  p["type"] = e.plover_type.empty() ? Json(nullptr) : Json(e.plover_type);
  p["mode"] = e.plover_mode.empty() ? Json(nullptr) : Json(e.plover_mode);
  j["plover"] = p;
  if (e.location) {
    Json l;
    l["name"] = e.location->name;
    l["country"] = e.location->country;
    l["lat"] = e.location->lat;
    l["lon"] = e.location->lon;
    j["location"] = l;
  } else {
    j["location"] = nullptr;
  }
  j["negated"] = e.negated;
  j["modality"] = ModalityName(e.modality);
  j["num_mentions"] = e.num_mentions();
  j["num_articles"] = e.num_articles();
  j["num_sources"] = e.num_sources();
  Json ms = Json::array();
  for (const Mention& m : e.mentions) {
    Json mj;
    mj["doc"] = m.doc;
    mj["sentence"] = m.sentence;
    mj["start"] = m.start;
    mj["end"] = m.end;
    mj["text"] = m.text;
    mj["rule"] = m.rule;
    ms.push_back(std::move(mj));
  }
  j["mentions"] = std::move(ms);
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string KbEntryToJson(const KbEntry& e) {
  auto opt = [](const std::string& v) { return v.empty() ? Json(nullptr) : Json(v); };
  Json j;
  j["name"] = e.name;
  j["kb_id"] = e.kb_id;
  j["code"] = opt(e.code);
  j["country"] = opt(e.country);
  j["role_from"] = opt(e.role_from);
  j["role_to"] = opt(e.role_to);
  j["kind"] = e.kind;
  j["role"] = opt(e.role_title);
  if (e.location) {
    j["location"] = Json{{"name", e.location->name},
                         {"country", e.location->country},
                         {"lat", e.location->lat},
                         {"lon", e.location->lon}};
  } else {
    j["location"] = nullptr;
  }
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string DocumentToJson(const Document& d) {
  Json j;
  j["id"] = d.id;
  j["url"] = d.url.empty() ? Json(nullptr) : Json(d.url);
  j["title"] = d.title;
  j["date"] = d.date.valid() ? Json(d.date.ToString()) : Json(nullptr);
  j["language"] = d.language.empty() ? Json(nullptr) : Json(d.language);
  j["text"] = d.text.size() >= d.body_offset ? d.text.substr(d.body_offset) : std::string();
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string LearnedActorToJson(const LearnedActor& l) {
  Json j;
  j["name"] = l.name;
  j["code"] = l.code;
  j["country"] = l.country.empty() ? Json(nullptr) : Json(l.country);
  j["title"] = l.title;
  j["as_of"] = l.date.ToString();
  j["doc"] = l.doc;
  j["sentence"] = l.sentence;
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace casus
