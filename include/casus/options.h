// Options: every knob of a casus engine, with its default.
//
//   field                  default                       meaning
//   data_dir               CASUS_DATA_DIR (compiled in)  knowledge base, verb and CAMEO files
//   gazetteer_path         CASUS_GAZETTEER (compiled in) cities.tsv generated at build time; "" = none
//   wordnet_dir            /usr/share/wordnet            verb.exc / noun.exc for inflections
//   extra_actor_files      {}                            more actors/*.tsv-format files
//   keep_negated           false                         emit negated mentions (negated=true)
//   code_title             true                          code the title line too
//   max_document_bytes     4 MiB                         longer documents are truncated (warned)
//   max_sentence_bytes     4 KiB                         longer sentences are force-split
//   max_sentence_tokens    150                           longer sentences are force-split
#ifndef CASUS_INCLUDE_CASUS_OPTIONS_H_
#define CASUS_INCLUDE_CASUS_OPTIONS_H_

#include <cstddef>
#include <string>
#include <vector>

namespace casus {

struct Options {
  // --- What the engine knows.
  std::string data_dir;
  std::string gazetteer_path;
  std::string wordnet_dir = "/usr/share/wordnet";
  std::vector<std::string> extra_actor_files;

  // --- What it codes.
  bool keep_negated = false;
  bool code_title = true;

  // --- Caps on costs the input controls.
  size_t max_document_bytes = 4u << 20;
  size_t max_sentence_bytes = 4u << 10;
  size_t max_sentence_tokens = 150;

  // Options with data_dir and gazetteer_path set to the compiled-in defaults
  // (overridable by the CASUS_DATA_DIR / CASUS_GAZETTEER environment variables).
  static Options Defaults();
};

}  // namespace casus

#endif  // CASUS_INCLUDE_CASUS_OPTIONS_H_
