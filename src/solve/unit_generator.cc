// The unit generator: people with the reference mix, places, the rotation,
// events and wishes; the witness plan (solve/unit_witness.h) shows each
// generated unit can be planned.
#include "solve/unit_generator.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "solve/unit_witness.h"

namespace vigil {
namespace {

constexpr const char* kErrorFile = "unit generator";

// ---- randomness --------------------------------------------------------------

// Draws from std::mt19937_64 with integer arithmetic only, so a seed gives
// the same unit with every standard library.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : engine_(seed) {}

  // Uniform in [0, n) for n > 0, by rejection of the top partial range.
  int below(int n) {
    const std::uint64_t bound = static_cast<std::uint64_t>(n);
    const std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
    const std::uint64_t limit = max - (max % bound + 1) % bound;
    std::uint64_t x = engine_();
    while (x > limit) x = engine_();
    return static_cast<int>(x % bound);
  }
  bool chance(int percent) { return below(100) < percent; }

  // Fisher-Yates, spelled out (std::shuffle's algorithm is not specified).
  template <class T>
  void shuffle(std::vector<T>& v) {
    for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[static_cast<std::size_t>(below(static_cast<int>(i)))]);
  }

 private:
  std::mt19937_64 engine_;
};

std::uint64_t mix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

// ---- the reference mix ------------------------------------------------------

enum Language : int { kUk, kRu, kEn, kPl, kPt, kEs, kKa, kJa, kDe, kFr, kSv, kLanguageCount };
constexpr std::array<const char*, kLanguageCount> kLanguageCodes = {"uk", "ru", "en", "pl", "pt", "es",
                                                                    "ka", "ja", "de", "fr", "sv"};
enum Skill : int { kMedic, kRadio, kTeamLeader };
constexpr std::array<const char*, 3> kSkillNames = {"medic", "radio", "team-leader"};

enum Nation : int {
  kUkrainian, kPolish, kAmerican, kBritish, kBrazilian, kColombian,
  kGeorgian, kJapanese, kGerman, kFrench, kCanadian, kSwedish, kNationCount
};

struct NationSpec {
  const char* name;
  int per_64;  // people of this nationality in the reference unit of 64
  std::array<const char*, 20> first;
  std::array<const char*, 20> last;
};

// Invented names in the style of each country (ASCII spellings).
const std::array<NationSpec, kNationCount> kNations = {{
    {"Ukrainian", 20,
     {"Olena", "Andriy", "Oksana", "Taras", "Iryna", "Mykola", "Nataliia", "Bohdan", "Halyna", "Dmytro", "Yuliia",
      "Serhiy", "Kateryna", "Volodymyr", "Svitlana", "Yaroslav", "Tetiana", "Oleh", "Mariia", "Petro"},
     {"Kovalenko", "Bondarenko", "Tkachenko", "Shevchuk", "Melnyk", "Kravets", "Lysenko", "Hnatyuk", "Marchenko",
      "Savchuk", "Rudenko", "Moroz", "Pavlenko", "Kozak", "Zinchenko", "Levchenko", "Horbach", "Dovzhenko",
      "Ostapchuk", "Yatsenko"}},
    {"Polish", 10,
     {"Agnieszka", "Piotr", "Katarzyna", "Tomasz", "Magdalena", "Krzysztof", "Joanna", "Marcin", "Ewa", "Pawel",
      "Zofia", "Jakub", "Dorota", "Grzegorz", "Monika", "Wojciech", "Aleksandra", "Lukasz", "Barbara", "Michal"},
     {"Nowak", "Kowalczyk", "Mazur", "Krawczyk", "Wojcik", "Kaczmarek", "Zajac", "Krol", "Wrobel", "Pietrzak",
      "Walczak", "Stepien", "Dudek", "Adamczyk", "Sikora", "Baran", "Szewczyk", "Michalak", "Kubiak", "Wieczorek"}},
    {"American", 6,
     {"Jake", "Emily", "Tyler", "Megan", "Brandon", "Ashley", "Cody", "Kayla", "Dustin", "Brittany", "Travis",
      "Amber", "Garrett", "Lindsey", "Shane", "Courtney", "Derek", "Heather", "Kyle", "Jenna"},
     {"Miller", "Johnson", "Carter", "Brooks", "Hayes", "Reed", "Coleman", "Bennett", "Foster", "Walsh", "Porter",
      "Sullivan", "Griffin", "Dawson", "Fletcher", "Hale", "Mercer", "Lawson", "Whitaker", "Barnes"}},
    {"British", 4,
     {"Oliver", "Charlotte", "Harry", "Sophie", "George", "Emma", "Callum", "Lucy", "Jamie", "Hannah", "Rhys",
      "Eleanor", "Alfie", "Imogen", "Owen", "Freya", "Liam", "Niamh", "Toby", "Isla"},
     {"Thompson", "Clarke", "Hughes", "Wright", "Evans", "Davies", "Roberts", "Walker", "Harrison", "Ashworth",
      "Pemberton", "Whitfield", "Barlow", "Hartley", "Cartwright", "Fairclough", "Holloway", "Kendrick", "Marsh",
      "Atkinson"}},
    {"Brazilian", 5,
     {"Joao", "Ana", "Lucas", "Mariana", "Rafael", "Beatriz", "Thiago", "Camila", "Gabriel", "Larissa", "Felipe",
      "Juliana", "Matheus", "Fernanda", "Bruno", "Leticia", "Diego", "Renata", "Vinicius", "Aline"},
     {"Silva", "Santos", "Oliveira", "Souza", "Pereira", "Costa", "Rodrigues", "Almeida", "Nascimento", "Lima",
      "Araujo", "Carvalho", "Ribeiro", "Barbosa", "Moreira", "Cardoso", "Teixeira", "Rocha", "Mendes", "Freitas"}},
    {"Colombian", 4,
     {"Andres", "Valentina", "Santiago", "Daniela", "Camilo", "Natalia", "Sebastian", "Paola", "Julian", "Carolina",
      "Mauricio", "Alejandra", "Esteban", "Catalina", "Fabian", "Lorena", "Hernan", "Marcela", "Jhon", "Viviana"},
     {"Garcia", "Rodriguez", "Martinez", "Gomez", "Lopez", "Hernandez", "Ramirez", "Torres", "Vargas", "Castro",
      "Rojas", "Moreno", "Jimenez", "Munoz", "Ospina", "Restrepo", "Cardenas", "Quintero", "Zapata", "Arango"}},
    {"Georgian", 3,
     {"Giorgi", "Nino", "Levan", "Tamar", "Davit", "Mariam", "Irakli", "Ketevan", "Luka", "Salome", "Zurab", "Eka",
      "Nika", "Natia", "Vakhtang", "Maia", "Tornike", "Sopho", "Lasha", "Tamta"},
     {"Beridze", "Kapanadze", "Gelashvili", "Maisuradze", "Tsiklauri", "Lomidze", "Kiknadze", "Abashidze",
      "Chkheidze", "Gogoladze", "Japaridze", "Kvaratskhelia", "Mchedlishvili", "Nozadze", "Shengelia", "Tabatadze",
      "Tsereteli", "Vashakidze", "Zhvania", "Dolidze"}},
    {"Japanese", 3,
     {"Haruto", "Yui", "Sota", "Aoi", "Ren", "Hina", "Kaito", "Sakura", "Takumi", "Mei", "Daiki", "Riko", "Kenta",
      "Yuna", "Shota", "Misaki", "Ryo", "Nanami", "Hiroshi", "Ayaka"},
     {"Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura", "Kobayashi", "Kato",
      "Yoshida", "Yamada", "Sasaki", "Matsumoto", "Inoue", "Kimura", "Hayashi", "Shimizu", "Mori", "Ikeda"}},
    {"German", 3,
     {"Lukas", "Anna", "Jonas", "Lena", "Felix", "Lea", "Maximilian", "Johanna", "Tobias", "Katharina", "Florian",
      "Miriam", "Moritz", "Laura", "Niklas", "Sarah", "Jan", "Clara", "Stefan", "Greta"},
     {"Mueller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Schulz",
      "Koch", "Richter", "Klein", "Wolf", "Neumann", "Schwarz", "Zimmermann", "Braun", "Hartmann", "Krueger"}},
    {"French", 2,
     {"Louis", "Camille", "Hugo", "Chloe", "Arthur", "Manon", "Theo", "Ines", "Julien", "Margaux", "Antoine",
      "Pauline", "Mathis", "Elise", "Quentin", "Juliette", "Romain", "Amandine", "Bastien", "Celine"},
     {"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon",
      "Laurent", "Lefebvre", "Michel", "Garnier", "Faure", "Rousseau", "Blanc", "Guerin", "Mercier"}},
    {"Canadian", 2,
     {"Ethan", "Olivia", "Noah", "Avery", "Logan", "Madison", "Connor", "Brooke", "Mathieu", "Genevieve", "Carter",
      "Paige", "Nolan", "Kaitlyn", "Tristan", "Sydney", "Brody", "Maude", "Xavier", "Emilie"},
     {"Tremblay", "Gagnon", "Roy", "Cote", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin", "MacDonald",
      "Campbell", "Fraser", "MacLeod", "Stewart", "Murray", "Boucher", "Pelletier", "Caron", "Ouellet", "Bergeron"}},
    {"Swedish", 2,
     {"Erik", "Astrid", "Lars", "Ingrid", "Johan", "Elsa", "Anders", "Maja", "Nils", "Linnea", "Oskar", "Sigrid",
      "Gustav", "Ebba", "Henrik", "Frida", "Axel", "Saga", "Mattias", "Klara"},
     {"Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson",
      "Gustafsson", "Pettersson", "Jonsson", "Lindberg", "Lindqvist", "Berglund", "Sandberg", "Lundgren",
      "Engstrom", "Holm", "Sjoberg"}},
}};
constexpr int kReferencePeople = 64;

// People per nationality for a unit of n: the reference proportions, rounded
// by largest remainder (ties to the larger group) so the counts add up to n.
std::array<int, kNationCount> nation_counts(int n) {
  std::array<int, kNationCount> count{};
  std::array<int, kNationCount> rest{};
  int given = 0;
  for (int k = 0; k < kNationCount; ++k) {
    const long long share = static_cast<long long>(n) * kNations[k].per_64;
    count[k] = static_cast<int>(share / kReferencePeople);
    rest[k] = static_cast<int>(share % kReferencePeople);
    given += count[k];
  }
  std::array<int, kNationCount> order{};
  for (int k = 0; k < kNationCount; ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return rest[a] > rest[b]; });
  for (int i = 0; given < n; ++i, ++given) ++count[order[i % kNationCount]];
  return count;
}

// round(n * per_64 / 64), half up.
int scaled(int n, int per_64) {
  return static_cast<int>((static_cast<long long>(n) * per_64 * 2 + kReferencePeople) / (2 * kReferencePeople));
}

void speak(UnitPersonInfo& u, int language, LanguageLevel level) {
  if (u.level(language) == 0) u.languages.push_back(SpokenLanguage{language, level});
}

// The native language and the second languages typical of each nationality.
// Some speak only Ukrainian, Polish, Portuguese, Spanish or Japanese.
void draw_languages(int nation, Rng& rng, UnitPersonInfo& u) {
  using L = LanguageLevel;
  auto level = [&](int fluent_percent) { return rng.chance(fluent_percent) ? L::kFluent : L::kBasic; };
  switch (nation) {
    case kUkrainian:
      speak(u, kUk, L::kNative);
      if (!rng.chance(15)) {
        speak(u, kRu, level(80));
        if (rng.chance(40)) speak(u, kEn, level(25));
      }
      break;
    case kPolish:
      speak(u, kPl, L::kNative);
      if (!rng.chance(20)) {
        const bool uk = rng.chance(40);
        const bool en = rng.chance(70) || !uk;
        if (en) speak(u, kEn, level(40));
        if (uk) speak(u, kUk, level(30));
      }
      break;
    case kAmerican:
      speak(u, kEn, L::kNative);
      if (rng.chance(20)) speak(u, kEs, L::kBasic);
      break;
    case kBritish:
      speak(u, kEn, L::kNative);
      if (rng.chance(20)) speak(u, kFr, L::kBasic);
      break;
    case kCanadian:
      speak(u, kEn, L::kNative);
      if (rng.chance(50)) speak(u, kFr, level(50));
      break;
    case kBrazilian:
      speak(u, kPt, L::kNative);
      if (!rng.chance(25)) {
        const bool es = rng.chance(50);
        const bool en = rng.chance(60) || !es;
        if (es) speak(u, kEs, L::kBasic);
        if (en) speak(u, kEn, L::kBasic);
      }
      break;
    case kColombian:
      speak(u, kEs, L::kNative);
      if (!rng.chance(30)) {
        speak(u, kEn, L::kBasic);
        if (rng.chance(20)) speak(u, kPt, L::kBasic);
      }
      break;
    case kGeorgian:
      speak(u, kKa, L::kNative);
      speak(u, kRu, L::kFluent);
      if (rng.chance(50)) speak(u, kEn, L::kBasic);
      break;
    case kJapanese:
      speak(u, kJa, L::kNative);
      if (!rng.chance(35)) speak(u, kEn, level(20));
      break;
    case kGerman:
      speak(u, kDe, L::kNative);
      speak(u, kEn, L::kFluent);
      if (rng.chance(20)) speak(u, kFr, L::kBasic);
      break;
    case kFrench:
      speak(u, kFr, L::kNative);
      speak(u, kEn, level(60));
      if (rng.chance(20)) speak(u, kEs, L::kBasic);
      break;
    case kSwedish:
      speak(u, kSv, L::kNative);
      speak(u, kEn, L::kFluent);
      if (rng.chance(30)) speak(u, kDe, L::kBasic);
      break;
    default: break;
  }
}

// Unique full names: each nationality's first x last combinations in a drawn
// order; once they run out (only in large units), the same combinations again
// with " 2", " 3"... appended.
class NameMaker {
 public:
  explicit NameMaker(Rng& rng) {
    for (int k = 0; k < kNationCount; ++k) {
      std::vector<int>& combos = order_[k];
      combos.resize(400);
      for (int i = 0; i < 400; ++i) combos[i] = i;
      rng.shuffle(combos);
    }
  }

  std::string next(int nation) {
    for (;;) {
      const int i = used_[nation]++;
      const int combo = order_[nation][static_cast<std::size_t>(i % 400)];
      const int round = i / 400;
      std::string name = fmt::format("{} {}", kNations[nation].first[combo / 20], kNations[nation].last[combo % 20]);
      if (round > 0) name += fmt::format(" {}", round + 1);
      if (taken_.insert(name).second) return name;
    }
  }

 private:
  std::array<std::vector<int>, kNationCount> order_;
  std::array<int, kNationCount> used_{};
  std::set<std::string> taken_;
};

// ---- building the unit -------------------------------------------------------

InputError option_error(std::string message) { return InputError{kErrorFile, 0, 0, std::move(message), {}}; }

std::optional<InputError> check_options(const GeneratorOptions& o) {
  if (o.posts < 1) return option_error(fmt::format("posts: expected at least 1, got {}", o.posts));
  if (o.posts > kGeneratorMaxPosts)
    return option_error(fmt::format("posts: expected at most {}, got {}", kGeneratorMaxPosts, o.posts));
  if (o.rest_centers < 1) return option_error(fmt::format("rest-centers: expected at least 1, got {}", o.rest_centers));
  if (o.rest_centers > o.posts)
    return option_error(fmt::format("rest-centers: expected at most one per post ({}), got {}", o.posts, o.rest_centers));
  if (o.days < 1) return option_error(fmt::format("days: expected at least 1, got {}", o.days));
  if (o.days > kGeneratorMaxDays)
    return option_error(fmt::format("days: expected at most {}, got {}", kGeneratorMaxDays, o.days));
  if (o.people > kGeneratorMaxPeople)
    return option_error(fmt::format("people: expected at most {}, got {}", kGeneratorMaxPeople, o.people));
  const long long least = static_cast<long long>(kGeneratorMinPeoplePerPost) * o.posts;
  if (o.people < least)
    return option_error(fmt::format("people: expected at least {} to hold {} post{} ({} per post), got {}", least,
                                    o.posts, o.posts == 1 ? "" : "s", kGeneratorMinPeoplePerPost, o.people));
  const long long person_days = static_cast<long long>(o.people) * o.days;
  if (person_days > kGeneratorMaxPersonDays)
    return option_error(fmt::format("people x days: expected at most {} person-days, got {} ({} x {})",
                                    kGeneratorMaxPersonDays, person_days, o.people, o.days));
  return std::nullopt;
}

struct Draw {
  Problem problem;
  int classes = 2;
};

Draw draw_unit(const GeneratorOptions& o, std::uint64_t seed) {
  Rng rng(seed);
  const int n = o.people;
  Draw out;
  Problem& p = out.problem;
  p.name = fmt::format("unit-{}-seed-{}", n, o.seed);
  p.horizon = Horizon{o.days, 0, 6 * 60};

  UnitSetup unit;
  for (const char* code : kLanguageCodes) unit.languages.emplace_back(code);
  for (const char* skill : kSkillNames) unit.skills.emplace_back(skill);
  unit.parameters.team_needs = {
      TeamNeed{TeamNeed::Kind::kExperience, static_cast<int>(Experience::kVeteran), 1, "a veteran"},
      TeamNeed{TeamNeed::Kind::kSkill, kMedic, 1, "a medic"},
      TeamNeed{TeamNeed::Kind::kLanguage, kUk, 1, "a Ukrainian speaker"},
  };
  // The posts hold 8 people each; two rotation classes (2 days at a post, 2 at
  // rest) fit at most 2 x 8 x posts people. A larger unit needs more classes:
  // with q classes each person rests (q - 1) stints between post stints, so
  // the longest allowed rest becomes (q - 1) x post days, q the least number
  // of classes whose share fits the posts' beds.
  const int post_beds = kWitnessPostBeds * o.posts;
  out.classes = std::max(2, (n + post_beds - 1) / post_beds);
  unit.rotation.max_rest_days = unit.rotation.post_days * (out.classes - 1);

  // Places: the posts, then the rest centers with beds for everyone not at a
  // post and some to spare (70 for the unit of 64), a guard each and 2
  // showers (generate_unit() adds showers where the rest stints need more).
  for (int k = 1; k <= o.posts; ++k)
    p.places.push_back(Place{fmt::format("post-{}", k), kWitnessPostBeds, PlaceKind::kPost, kWitnessWatchersPerPost, 0});
  const long long rest_beds = (static_cast<long long>(n) * 70 + kReferencePeople - 1) / kReferencePeople;
  const int beds_each = static_cast<int>((rest_beds + o.rest_centers - 1) / o.rest_centers);
  for (int k = 1; k <= o.rest_centers; ++k)
    p.places.push_back(Place{fmt::format("rest-{}", k), beds_each, PlaceKind::kRestCenter, 1, 2});

  // People: nationalities in the reference proportions, in a drawn order.
  const auto counts = nation_counts(n);
  std::vector<int> nation_of;
  for (int k = 0; k < kNationCount; ++k) nation_of.insert(nation_of.end(), static_cast<std::size_t>(counts[k]), k);
  rng.shuffle(nation_of);
  NameMaker names(rng);
  p.people.resize(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    Person& person = p.people[i];
    person.name = names.next(nation_of[i]);
    person.unit.nationality = kNations[nation_of[i]].name;
    draw_languages(nation_of[i], rng, person.unit);
  }

  // Experience, a third each. Novices are drawn among those who speak
  // Ukrainian, Russian or English, so each can share a watch with many.
  auto bridges = [&](int i) {
    const UnitPersonInfo& u = p.people[i].unit;
    return u.level(kUk) > 0 || u.level(kRu) > 0 || u.level(kEn) > 0;
  };
  std::vector<int> order(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) order[i] = i;
  rng.shuffle(order);
  const int novices = (n + 1) / 3, veterans = (n + 1) / 3;
  int given = 0;
  for (int i : order)
    if (given < novices && bridges(i)) {
      p.people[i].unit.experience = Experience::kNone;
      ++given;
    }
  given = 0;
  for (int i : order)
    if (given < veterans && p.people[i].unit.experience != Experience::kNone) {
      p.people[i].unit.experience = Experience::kVeteran;
      ++given;
    }

  // Skills: medics (at least enough for every post team of both classes and
  // some to spare), radio operators, team leaders (three in four veterans).
  auto give = [&](int skill, int wanted, const std::function<bool(int)>& fits) {
    rng.shuffle(order);
    int done = 0;
    for (int i : order)
      if (done < wanted && !p.people[i].unit.has_skill(skill) && fits(i)) {
        p.people[i].unit.skills |= 1u << skill;
        ++done;
      }
  };
  const int medics = std::max(scaled(n, 12), 2 * o.posts + (o.posts + 1) / 2);
  give(kMedic, medics, [](int) { return true; });
  give(kRadio, scaled(n, 8), [](int) { return true; });
  const int leaders = scaled(n, 8);
  const int veteran_leaders = (leaders * 3 + 3) / 4;
  give(kTeamLeader, veteran_leaders, [&](int i) { return p.people[i].unit.experience == Experience::kVeteran; });
  give(kTeamLeader, leaders - veteran_leaders,
       [&](int i) { return p.people[i].unit.experience == Experience::kTrained; });

  // Reference events: about 6 % arrive from training on day 10, about 5 %
  // take a week's leave at staggered times (days 5, 12, 19... of a 28-day
  // horizon). Never more than half the people the posts can spare are away at
  // once.
  if (o.reference_events) {
    const int spare = (n - kGeneratorMinPeoplePerPost * o.posts) / 2;
    int arriving = std::min((n * 6 + 50) / 100, spare);
    const int arrival_day = o.days > 10 ? 10 : o.days / 2;
    if (arrival_day < 1) arriving = 0;
    int leave_starts = 0, first_start = 0;
    if (o.days >= 12) {
      leave_starts = (o.days - 12) / 7 + 1;
      first_start = 5;
    } else if (o.days >= 8) {
      leave_starts = 1;
      first_start = 1;
    }
    const int leaving = leave_starts == 0 ? 0 : std::min((n * 5 + 50) / 100, std::max(0, spare - arriving) * leave_starts);
    // Arrivals from training are novices without skills where possible.
    rng.shuffle(order);
    auto arrival_rank = [&](int i) {
      const UnitPersonInfo& u = p.people[i].unit;
      return (u.experience == Experience::kNone ? 0 : 2) + (u.skills == 0 ? 0 : 1);
    };
    std::vector<int> arrivals = order;
    std::stable_sort(arrivals.begin(), arrivals.end(), [&](int a, int b) { return arrival_rank(a) < arrival_rank(b); });
    arrivals.resize(static_cast<std::size_t>(arriving));
    for (int i : arrivals) p.people[i].unit.absences.push_back(Absence{0, arrival_day * kMinutesPerDay, "training"});
    int sent = 0;
    rng.shuffle(order);
    for (int i : order) {
      if (sent == leaving) break;
      if (!p.people[i].unit.absences.empty() || p.people[i].unit.has_skill(kMedic)) continue;
      const int start = first_start + 7 * (sent % leave_starts);
      p.people[i].unit.absences.push_back(
          Absence{start * kMinutesPerDay, std::min(start + 7, o.days) * kMinutesPerDay, "leave"});
      ++sent;
    }
  }

  // Personal wishes, about one per 8 people: a day off, a post for a week, a
  // partner of the same nationality.
  const int wishes = n / 8;
  std::vector<std::vector<int>> compatriots(kNationCount);
  for (int i = 0; i < n; ++i) compatriots[static_cast<std::size_t>(nation_of[i])].push_back(i);
  rng.shuffle(order);
  for (int k = 0; k < wishes; ++k) {
    const int i = order[static_cast<std::size_t>(k)];
    PersonalRequest r;
    r.person = PersonId(i);
    int kind = k % 3;
    if (kind == 2) {
      const std::vector<int>& mates = compatriots[static_cast<std::size_t>(nation_of[i])];
      if (mates.size() < 2) {
        kind = 0;
      } else {
        int j = i;
        while (j == i) j = mates[static_cast<std::size_t>(rng.below(static_cast<int>(mates.size())))];
        r.kind = PersonalRequest::Kind::kPartner;
        r.partner = PersonId(j);
        r.weight = 1 + rng.below(2);
      }
    }
    if (kind == 0) {
      r.kind = PersonalRequest::Kind::kDayOff;
      r.day = rng.below(o.days);
      r.weight = 1 + rng.below(3);
    } else if (kind == 1) {
      r.kind = PersonalRequest::Kind::kPost;
      r.place = PlaceId(rng.below(o.posts));
      r.first_day = rng.below(o.days);
      r.last_day = std::min(o.days - 1, r.first_day + 6);
      r.weight = 1 + rng.below(2);
    }
    unit.requests.push_back(r);
  }

  p.unit = std::move(unit);
  use_default_rules(p, ProblemKind::kUnit);
  return out;
}

}  // namespace

Result<Problem> generate_unit(const GeneratorOptions& options) {
  if (auto err = check_options(options)) return *err;
  constexpr int kAttempts = 64;
  std::string why;
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    const std::uint64_t seed = attempt == 0 ? options.seed : mix64(options.seed ^ mix64(static_cast<std::uint64_t>(attempt)));
    Draw draw = draw_unit(options, seed);
    const std::optional<int> showers = witness_showers_needed(draw.problem, draw.classes, &why);
    if (!showers) continue;
    // A large unit's rest stints may need more than the 2 showers per center.
    for (Place& place : draw.problem.places)
      if (place.kind == PlaceKind::kRestCenter) place.showers = std::max(place.showers, *showers);
    add_unit_shifts(draw.problem);
    if (auto err = draw.problem.validate()) return option_error("generated an invalid unit: " + *err);
    return std::move(draw.problem);
  }
  return option_error(fmt::format(
      "no plannable unit of {} people for {} posts found in {} draws from seed {} (last: {}); try more people",
      options.people, options.posts, kAttempts, options.seed, why));
}

}  // namespace vigil
