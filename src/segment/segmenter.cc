#include "segment/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>

#include "segment/word_class.h"

namespace casus {

namespace {

// A capitalised function word ("The", "He") opens a new sentence after an
// abbreviation ("... the U.S. The talks ..."); any other word continues it.
bool StartsSentence(const Token& t) { return t.capitalized && t.Is(kSentenceStarter); }

}  // namespace

Segmenter::Segmenter() {
  UErrorCode status = U_ZERO_ERROR;
  breaker_.reset(
      icu::BreakIterator::createSentenceInstance(icu::Locale("en", "US", "", "ss=standard"), status));
  if (U_FAILURE(status)) breaker_.reset();
}

Segmenter::~Segmenter() = default;

// Only for text that is not valid UTF-8 (readers repair it; the library API
// may not): ICU iterates it as bytes through UText, so offsets are bytes.
void Segmenter::IcuBreaks(std::string_view text, size_t b, size_t e, std::vector<size_t>* out) {
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data() + b, static_cast<int64_t>(e - b), &status);
  if (U_FAILURE(status)) return;
  breaker_->setText(ut, status);
  for (int32_t k = breaker_->next(); U_SUCCESS(status) && k != icu::BreakIterator::DONE; k = breaker_->next())
    out->push_back(b + static_cast<size_t>(k));
  utext_close(ut);
}

void Segmenter::Segment(std::string_view text, const std::vector<Paragraph>& paragraphs,
                        const SegmentCaps& caps, std::vector<Token>* tokens,
                        std::vector<SentenceSpan>* sentences) {
  tokens->clear();
  sentences->clear();
  std::vector<size_t> breaks;
  for (size_t pi = 0; pi < paragraphs.size(); ++pi) {
    const Paragraph& p = paragraphs[pi];
    size_t first_tok = tokens->size();
    Tokenize(text, p.start, p.end, tokens);
    size_t last_tok = tokens->size();
    if (first_tok == last_tok) continue;

    // Candidate boundaries by the rules ICU applies (ICU itself for text
    // that is not valid UTF-8), as byte offsets.
    breaks.clear();
    if (!p.title) {
      if (!rules_.Breaks(text, p.start, p.end, &breaks) && breaker_) IcuBreaks(text, p.start, p.end, &breaks);
    }
    breaks.push_back(p.end);

    size_t sent_begin = first_tok;
    size_t bi = 0;
    for (size_t t = first_tok; t < last_tok; ++t) {
      const Token& tok = (*tokens)[t];
      bool split = false;
      // A break falls after token t when the next boundary lies between
      // this token's end and the next token's start.
      while (bi < breaks.size() && breaks[bi] <= tok.end) ++bi;
      size_t next_start = t + 1 < last_tok ? (*tokens)[t + 1].start : p.end;
      if (t + 1 < last_tok && bi < breaks.size() && breaks[bi] <= next_start) {
        split = true;
        const Token& next = (*tokens)[t + 1];
        if (tok.abbreviation && !StartsSentence(next)) split = false;
        if (next.kind == TokenKind::kWord && !next.capitalized && next.lower[0] >= 'a' &&
            next.lower[0] <= 'z')
          split = false;
      }
      size_t len = t + 1 - sent_begin;
      size_t bytes = tok.end - (*tokens)[sent_begin].start;
      if (len >= caps.max_sentence_tokens || bytes >= caps.max_sentence_bytes) split = true;
      if (split || t + 1 == last_tok) {
        SentenceSpan s;
        s.tok_begin = sent_begin;
        s.tok_end = t + 1;
        s.start = (*tokens)[sent_begin].start;
        s.end = tok.end;
        s.paragraph = static_cast<int>(pi);
        s.title = p.title;
        s.background = p.background;
        sentences->push_back(s);
        sent_begin = t + 1;
      }
    }
  }
}

}  // namespace casus
