#include "common/analysis/verb_prefixes.h"

#include <array>

namespace archivar {

std::span<const std::string_view> verb_prefixes() {
  // Which of them a verb takes, and whether "ge" follows it in the participle, is left to
  // the word list: the filters only accept a prefixed word that it knows as a verb form.
  static constexpr std::array<std::string_view, 52> kPrefixes = {
      "ab",     "an",     "auf",      "aus",    "be",    "bei",     "dar",      "durch",  "ein",
      "emp",    "ent",    "entgegen", "er",     "fest",  "fort",    "frei",     "her",    "herab",
      "heran",  "heraus", "herbei",   "herein", "herum", "hervor",  "hin",      "hinaus", "hinein",
      "hinter", "hinzu",  "los",      "miss",   "mit",   "nach",    "nieder",   "statt",  "teil",
      "ueber",  "um",     "unter",    "ver",    "vor",   "voran",   "voraus",   "vorbei", "weg",
      "weiter", "wider",  "wieder",   "zer",    "zu",    "zurueck", "zusammen",
  };
  return kPrefixes;
}

}  // namespace archivar
