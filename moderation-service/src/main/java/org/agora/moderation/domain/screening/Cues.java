package org.agora.moderation.domain.screening;

import java.util.ArrayList;
import java.util.regex.Pattern;

/**
 * Context words, German and English together (they rarely collide): what frames a violent phrase as
 * negated, quoted, reported, fiction, a game, sport or history, and what makes a threat more
 * concrete (a weapon, a time, the target's home). A gate over the words' first letters tells in one
 * pass which cues can be present, so most cue patterns never run.
 */
final class Cues {
  private static final TriggerGate GATE = new TriggerGate();
  private static long ungated;
  private static int cues;

  /** One cue: its bit in the gate and its pattern. */
  record Cue(int bit, Pattern pattern) {}

  private Cues() {}

  static final Pattern NEGATION =
      Pattern.compile(
          RuleBook.bounded(
                      alternatives(
                          "not",
                          "n't",
                          "never",
                          "nobody",
                          "no one",
                          "noone",
                          "no-one",
                          "none of",
                          "nor",
                          "neither",
                          "without",
                          "dont",
                          "wont",
                          "cant",
                          "wouldnt",
                          "shouldnt",
                          "couldnt",
                          "isnt",
                          "arent",
                          "aint",
                          "didnt",
                          "nie",
                          "niemals",
                          "nimmer",
                          "nicht",
                          "kein",
                          "keine",
                          "keinen",
                          "keiner",
                          "keinem",
                          "niemand",
                          "niemanden",
                          "niemandem"))
                  .pattern()
              + "|n't(?![a-z])");

  /**
   * A negation followed by one of these does not negate the threat ("won't stop until"); used with
   * {@code lookingAt}, so it needs no anchor (non-anchoring bounds would defeat {@code ^}).
   */
  static final Pattern NEGATION_EXCEPTION =
      Pattern.compile(
          "\\s*(?:"
              + alternatives(
                  "stop",
                  "rest",
                  "hesitate",
                  "forget",
                  "forgive",
                  "give up",
                  "let",
                  "miss",
                  "zögern",
                  "ruhen",
                  "aufhören",
                  "vergessen",
                  "vergeben")
              + ")(?![a-z])");

  static final Cue REPORTING =
      cue(
          null,
          "police",
          "officers",
          "authorities",
          "officials",
          "investigators",
          "prosecutors",
          "court",
          "trial",
          "jury",
          "sentenced",
          "convicted",
          "charged",
          "arrested",
          "accused",
          "suspect",
          "suspected",
          "allegedly",
          "alleged",
          "reportedly",
          "according to",
          "breaking",
          "witnesses",
          "victims",
          "injured",
          "ministry",
          "fbi",
          "guilty",
          "reports",
          "reported",
          "news",
          "headline",
          "polizei",
          "ermittler",
          "staatsanwaltschaft",
          "gericht",
          "prozess",
          "prozessauftakt",
          "verurteilt",
          "angeklagt\\w*",
          "festgenommen",
          "verhaftet",
          "tatverdächtig\\w*",
          "mutmaßlich\\w*",
          "laut",
          "nach angaben",
          "eilmeldung",
          "zeugen",
          "verletzt",
          "ministerium",
          "berichtet\\w*",
          "nachrichten",
          "teilte",
          "ermittelt",
          "soll gedroht");

  static final Cue ATTRIBUTION =
      cue(
          null,
          "said",
          "says",
          "saying",
          "told",
          "tells",
          "wrote",
          "writes",
          "posted",
          "tweeted",
          "replied",
          "reply",
          "replies",
          "yelled",
          "shouted",
          "screamed",
          "threatened",
          "threatening",
          "threats?",
          "messages?",
          "dms?",
          "comments?",
          "quote",
          "quoted",
          "graffiti",
          "sign",
          "banner",
          "line",
          "lyrics",
          "reading",
          "received",
          "receive",
          "got a",
          "heard",
          "trending",
          "chant\\w*",
          "slogan",
          "sagt\\w*",
          "schrieb\\w*",
          "schreibt",
          "rief\\w*",
          "brüllte\\w*",
          "drohte\\w*",
          "gedroht",
          "droht",
          "postete\\w*",
          "nachrichte?n?",
          "kommentare?n?",
          "zitat",
          "parole",
          "plakat",
          "satz",
          "hieß es",
          "stand",
          "steht",
          "bekomme\\w*",
          "erhalten",
          "chat",
          "unter meinem",
          "unter meinen",
          "fiel",
          "schild",
          "transparent");

  static final Cue CONDEMNATION =
      cue(
          null,
          "disgusting",
          "vile",
          "sick",
          "shameful",
          "unacceptable",
          "not ok",
          "not okay",
          "crime",
          "criminal",
          "condemn\\w*",
          "awful",
          "horrible",
          "terrible",
          "solidarity",
          "this is why",
          "needs to stop",
          "must stop",
          "not a political opinion",
          "reported",
          "report",
          "reporting",
          "blocked",
          "block",
          "screenshot\\w*",
          "police",
          "platforms",
          "moderation",
          "widerlich",
          "ekelhaft",
          "abscheulich",
          "straftat",
          "keine meinung",
          "muss aufhören",
          "inakzeptabel",
          "solidarität",
          "angezeigt",
          "anzeige",
          "gemeldet",
          "melden",
          "polizei",
          "staatsschutz",
          "ermittelt",
          "geht gar nicht",
          "unfassbar");

  static final Cue FICTION =
      cue(
          null,
          "novel",
          "my book",
          "the book",
          "story",
          "movie",
          "film",
          "tv show",
          "series",
          "episode",
          "season finale",
          "scene",
          "villain",
          "character",
          "plot",
          "script",
          "screenplay",
          "trailer",
          "d&d",
          "dnd",
          "fanfic",
          "netflix",
          "song",
          "lyrics",
          "album",
          "rapper",
          "famous line",
          "bösewicht",
          "roman",
          "folge",
          "staffel",
          "serie",
          "krimi",
          "tatort",
          "drehbuch",
          "theaterstück",
          "hörspiel",
          "figur",
          "lied",
          "songtext",
          "goblin",
          "werbung");

  static final Cue GAMING =
      cue(
          null,
          "in the game",
          "video games?",
          "games",
          "gaming",
          "in-game",
          "ingame",
          "ranked",
          "lobby",
          "server",
          "raid",
          "boss",
          "final boss",
          "endboss",
          "dragon",
          "level",
          "quest",
          "respawn",
          "noobs?",
          "clans?",
          "pvp",
          "fps",
          "mmo",
          "loot",
          "headshot",
          "warzone",
          "fortnite",
          "minecraft",
          "call of duty",
          "cod",
          "civ",
          "valorant",
          "counter-strike",
          "csgo",
          "apex",
          "zombies?",
          "zombie-modus",
          "zocken",
          "zocke",
          "npc",
          "dungeon",
          "xp",
          "gg",
          "loadout",
          "gta",
          "battle royale",
          "chess",
          "poker",
          "scrabble",
          "mario kart",
          "board game",
          "schach",
          "uno",
          "monopoly",
          "enemy base",
          "eu server",
          "im spiel",
          "gekillt");

  static final Cue SPORTS =
      cue(
          "(?<!(?:um|ab|at|by|bis) )\\b\\d{1,2}[:-]\\d{1,2}\\b(?! ?(?:uhr|am|pm|h\\b))",
          "final",
          "finale",
          "match",
          "derby",
          "league",
          "liga",
          "bundesliga",
          "champions league",
          "cup",
          "pokal",
          "season",
          "saison",
          "team",
          "mannschaft",
          "opponents?",
          "gegner",
          "goals?",
          "tor",
          "tore",
          "striker",
          "stürmer",
          "defence",
          "defense",
          "abwehr",
          "torwart",
          "keeper",
          "goalkeeper",
          "pitch",
          "referee",
          "ref",
          "schiri",
          "half time",
          "halftime",
          "halbzeit",
          "rounds",
          "boxer",
          "boxing",
          "fight night",
          "scored",
          "scores",
          "kick-off",
          "anpfiff",
          "playoffs",
          "the game",
          "das spiel",
          "spiel gegen",
          "runde",
          "tournament",
          "turnier",
          "spieltag",
          "tennis",
          "tischtennis",
          "badminton",
          "squash",
          "bowling",
          "kicker",
          "darts",
          "fußball",
          "football",
          "basketball",
          "volleyball",
          "handball",
          "golf",
          "arsenal",
          "chelsea",
          "liverpool",
          "bayern",
          "schalke",
          "dortmund",
          "bvb");

  static final Cue HISTORY =
      cue(
          "(?:^|\\n|\\b(?:in|im|jahre?|year|wurde|wurden|was|were|seit|since|until|bis|von|from|ano"
              + "|\\d{1,2}\\. [a-z]+)\\s)1\\d{3}\\b",
          "v. chr",
          "b.c",
          "bc",
          "century",
          "centuries",
          "ancient",
          "medieval",
          "middle ages",
          "mittelalter",
          "wwii",
          "ww2",
          "world war",
          "weltkrieg",
          "vikings",
          "wikinger",
          "french revolution",
          "history",
          "historians",
          "historisch\\w*",
          "geschichte",
          "on this day",
          "damals",
          "grandfather",
          "grandpa",
          "großvater",
          "urgroßvater",
          "in the war",
          "im krieg",
          "dreißigjährigen krieg",
          "hexenverfolgung",
          "reichspogromnacht",
          "kristallnacht",
          "never again",
          "nie wieder",
          "holocaust",
          "crusades",
          "kreuzzüge",
          "guillotine");

  static final Cue LAUGHTER =
      cue(
          "😂|🤣|😆|😅|😜|😹|😝|😉|/s\\b",
          "lol",
          "lmao",
          "lmfao",
          "rofl",
          "haha\\w*",
          "hehe\\w*",
          "xd",
          "jk",
          "just kidding",
          "kidding",
          "scherz",
          "spaß",
          "spass");

  static final Cue TRIVIAL =
      cue(
          null,
          "spoil\\w*",
          "spoiler\\w*",
          "eat my",
          "ate my",
          "drink my",
          "eats my",
          "touch my (food|fries|coffee|phone|charger|snacks|plants?|laptop|stuff|pizza)",
          "forget my birthday",
          "you're late",
          "youre late",
          "are late",
          "late again",
          "wake me",
          "skip leg day",
          "steal my (fries|food|seat|charger)",
          "mein essen",
          "meine pommes",
          "meinen kaffee",
          "zu spät",
          "weckst",
          "geburtstag",
          "aufisst",
          "isst",
          "zerkratz\\w*");

  static final Cue WEAPON =
      cue(
          null,
          "guns?",
          "rifles?",
          "pistols?",
          "glock",
          "ar",
          "ar-15",
          "ar15",
          "ak",
          "ak47",
          "ak-47",
          "shotgun",
          "knife",
          "knives",
          "machete",
          "axe",
          "bat",
          "baseball bat",
          "bombs?",
          "explosives?",
          "acid",
          "bullets?",
          "ammo",
          "messer",
          "waffen?",
          "gewehre?",
          "pistole",
          "knarre",
          "axt",
          "baseballschläger",
          "munition",
          "sprengstoff",
          "säure",
          "bomben?",
          "kugel");

  static final Cue TIME =
      cue(
          null,
          "tonight",
          "tomorrow",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "this weekend",
          "next week",
          "noon",
          "midnight",
          "new year's eve",
          "heute nacht",
          "heute abend",
          "morgen",
          "montag",
          "dienstag",
          "mittwoch",
          "donnerstag",
          "freitag",
          "samstag",
          "sonntag",
          "am wochenende",
          "mittag",
          "mitternacht",
          "silvester",
          "at \\d{1,2}",
          "um \\d{1,2}");

  static final Cue HOME =
      cue(
          null,
          "your house",
          "your home",
          "your address",
          "where you live",
          "your kids",
          "your children",
          "your family",
          "your school",
          "your office",
          "your car",
          "deine adresse",
          "wo du wohnst",
          "deine kinder",
          "deine familie",
          "vor deiner tür",
          "dein haus",
          "deine wohnung",
          "deine schule",
          "ich weiß wo",
          "wir wissen wo");

  /** The gated cues whose phrases may start at position {@code i}. */
  static long at(String text, int i, int to) {
    return GATE.at(text, i, to);
  }

  /** Whether the gate knows where the cue can start (no raw pattern, no odd first letters). */
  static boolean gated(Cue cue) {
    return (ungated & (1L << cue.bit())) == 0;
  }

  /** The cues that may be present in {@code text}; the others cannot match it. */
  static long present(String text) {
    return GATE.scan(text, 0, text.length()) | ungated;
  }

  /**
   * A cue from word phrases (folded like the rules) and, if given, a raw pattern that the gate
   * cannot see (digits, emoji), which makes the cue always run.
   */
  private static Cue cue(String raw, String... phrases) {
    int bit = cues++;
    boolean gated = raw == null;
    for (String phrase : phrases) {
      var prefixes = TriggerGate.prefixes(phrase, 1);
      gated &= !prefixes.isEmpty();
      for (String prefix : prefixes) {
        GATE.add(prefix, bit);
      }
    }
    if (!gated) {
      ungated |= 1L << bit;
    }
    String words = RuleBook.bounded(alternatives(phrases)).pattern();
    return new Cue(bit, Pattern.compile(raw == null ? words : words + "|" + raw));
  }

  private static String alternatives(String... phrases) {
    var alternatives = new ArrayList<String>();
    for (String phrase : phrases) {
      alternatives.add(TextNormalizer.foldPattern(phrase));
    }
    return Alternation.of(alternatives);
  }
}
