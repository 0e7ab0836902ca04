package org.agora.moderation.domain.screening;

import static org.agora.moderation.domain.screening.Category.CALL_TO_ARMS;
import static org.agora.moderation.domain.screening.Category.GLORIFICATION;
import static org.agora.moderation.domain.screening.Category.HATE;
import static org.agora.moderation.domain.screening.Category.INCITEMENT;
import static org.agora.moderation.domain.screening.Category.TERRORISM;
import static org.agora.moderation.domain.screening.Category.THREAT;

/**
 * German rules. German word order needs more shapes than English: separable verbs ("ich bringe dich
 * um", "morgen bringe ich dich um"), the future with the infinitive at the end ("ich werde dich
 * abstechen"), verb-final subordinate clauses ("dass man diese Leute aufknüpft"), plural
 * imperatives ("Hängt sie alle", "Zündet die Moschee an"), "gehören" with a participle ("die
 * gehören erschossen") and bare infinitives as commands ("Alle abknallen!").
 */
final class GermanRules {
  static final String LANGUAGE = "de";

  private static final String[] CONNECTIVES = {
    "und", "dann", "einfach", "jetzt", "also", "bitte", "los", "endlich", "sofort", "leute",
    "brüder", "ok", "so", "aber"
  };

  /** Separable verbs: the stem, the particle that completes it, and how lethal the pair is. */
  private static final String[][] SEPARABLE = {
    {"bringe?n?", "um(?!\\s*(?:\\d|halb|viertel|punkt|mitternacht|zu\\b))", "l"},
    {"stech\\w*", "(?:ab|nieder)", "l"},
    {"knall\\w*", "(?:ab|nieder)", "l"},
    {"schlag\\w*", "tot", "l"},
    {"schieß\\w*", "(?:tot|nieder|über den haufen)", "l"},
    {"mach\\w*", "kalt", "l"},
    {"häng\\w*", "auf", "l"},
    {"knüpf\\w*", "auf", "l"},
    {"zünd\\w*", "an", "l"},
    {"brenn\\w*", "(?:nieder|ab)", "l"},
    {"fackel\\w*", "ab", "l"},
    {"leg\\w*", "um(?!\\s*(?:\\d|halb|viertel|punkt|mitternacht|zu\\b))", "l"},
    {"murks\\w*", "ab", "l"},
    {"schlachte?\\w*", "ab", "l"},
    {"schlag\\w*", "zusammen", "h"},
    {"mach\\w*", "(?:fertig|platt)", "w"},
  };

  private GermanRules() {}

  static RuleSet build() {
    var b = new RuleBook(LANGUAGE, CONNECTIVES);
    targets(b);
    violence(b);
    threats(b);
    incitement(b);
    callsToArms(b);
    glorification(b);
    terrorism(b);
    hate(b);
    idioms(b);
    return b.build();
  }

  private static void targets(RuleBook b) {
    b.words("ich_wir", "ich", "wir");
    b.words(
        "i_will",
        "ich werde",
        "ich werd",
        "ich will",
        "ich muss",
        "ich möchte",
        "wir werden",
        "wir wollen",
        "wir müssen",
        "werde ich",
        "werd ich",
        "will ich",
        "werden wir",
        "wollen wir",
        "ich geh",
        "ich gehe",
        "wir gehen");
    b.words(
        "you",
        "dich",
        "dir",
        "euch",
        "deine [a-z]+",
        "dein [a-z]+",
        "deinen [a-z]+",
        "deiner [a-z]+",
        "deinem [a-z]+",
        "eure [a-z]+",
        "euer [a-z]+",
        "euren [a-z]+",
        "euch alle");
    b.words("you_pron", "dich", "dir", "euch", "euch alle", "dich und deine [a-z]+");
    b.words(
        "person",
        "bürgermeister\\w*",
        "präsident\\w*",
        "kanzler\\w*",
        "minister\\w*",
        "politiker\\w*",
        "richter\\w*",
        "journalist\\w*",
        "reporter\\w*",
        "redakteur\\w*",
        "polizist\\w*",
        "lehrer\\w*",
        "pfarrer\\w*",
        "imam\\w*",
        "rabbi\\w*",
        "chef\\w*",
        "nachbar\\w*",
        "typ\\w*",
        "kerl\\w*",
        "verräter\\w*",
        "abgeordnete\\w*",
        "schlampe",
        "hurensohn",
        "bulle\\w*",
        "regierungspräsident\\w*",
        "landrat\\w*",
        "sau",
        "schwein");
    b.words(
        "group",
        "flüchtling\\w*",
        "geflüchtete\\w*",
        "migrant\\w*",
        "ausländer\\w*",
        "asylant\\w*",
        "asylbewerber\\w*",
        "muslim\\w*",
        "moslem\\w*",
        "juden",
        "christen",
        "schwule\\w*",
        "lesben",
        "roma",
        "sinti",
        "türken",
        "araber\\w*",
        "afrikaner\\w*",
        "linke\\w*",
        "rechte\\w*",
        "grüne\\w*",
        "nazis",
        "antifa",
        "zecken",
        "bullen",
        "polizei",
        "soldaten",
        "volksverräter\\w*",
        "presse",
        "ärzte",
        "banker\\w*",
        "eliten",
        "ungläubige\\w*",
        "demonstranten",
        "klimakleber\\w*",
        "aktivist\\w*",
        "leute",
        "menschen",
        "frauen",
        "kinder",
        "regierung",
        "ampel",
        "parlament",
        "gutmenschen",
        "pack",
        "gesindel",
        "abschaum",
        "schweine",
        "politiker\\w*",
        "journalist\\w*",
        "richter\\w*",
        "polizist\\w*",
        "verräter\\w*",
        "lehrer\\w*");
    b.words(
        "place",
        "bahnhof",
        "hauptbahnhof",
        "schule",
        "uni",
        "universität",
        "konzert",
        "moschee\\w*",
        "kirche\\w*",
        "synagoge\\w*",
        "rathaus",
        "landtag",
        "bundestag",
        "reichstag",
        "parlament",
        "stadion",
        "weihnachtsmarkt",
        "markt",
        "flughafen",
        "brücke",
        "stadtfest",
        "fest",
        "demo",
        "kita",
        "kindergarten",
        "einkaufszentrum",
        "wache",
        "polizeiwache",
        "redaktion",
        "asylheim",
        "flüchtlingsheim",
        "heim",
        "unterkunft",
        "asylunterkunft",
        "haus",
        "häuser",
        "wohnung",
        "laden",
        "büro",
        "praxis",
        "klinik",
        "krankenhaus",
        "club",
        "festival",
        "gottesdienst",
        "versammlung",
        "asylantenheim",
        "flüchtlingsunterkunft");
    b.words(
        "det",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "diese\\w*",
        "jene\\w*",
        "alle",
        "jede\\w*",
        "eure?\\w*",
        "deine?\\w*",
        "seine?\\w*",
        "ihre?\\w*",
        "unsere?\\w*",
        "ein\\w*",
        "meine?\\w*",
        "die ganze",
        "den ganzen",
        "das ganze");
    b.words("people", "{person}", "{group}");
    b.words(
        "them",
        "ihn",
        "ihm",
        "sie",
        "ihnen",
        "alle",
        "sie alle",
        "die alle",
        "@[a-z0-9_]+",
        "{det?} {gap0-1} {people}");
    b.words(
        "place_det", "{det}", "ins", "im", "zum", "zur", "in die", "in den", "auf die", "auf den");
    b.words("place_np", "{place_det} {gap0-1} {place}");
    b.words("target", "{them}", "{place_np}");
    b.words(
        "coll",
        "man sollte",
        "man soll",
        "man muss",
        "man müsste",
        "man sollt",
        "man darf",
        "man könnte",
        "sollte man",
        "soll man",
        "muss man",
        "müsste man",
        "könnte man",
        "jemand sollte",
        "jemand muss",
        "jemand müsste",
        "einer sollte",
        "einer muss",
        "irgendwer sollte",
        "irgendjemand sollte",
        "irgendwer muss",
        "irgendjemand muss",
        "wir müssen",
        "wir sollten",
        "wir sollen",
        "müssen wir",
        "sollten wir",
        "lasst uns",
        "lass uns",
        "ihr müsst",
        "ihr solltet",
        "alle sollten",
        "(?:dass|das) man",
        "(?:dass|das) wir",
        "zeit,? (?:dass|das) (?:man|wir)",
        "sollte jemand",
        "muss jemand");
    b.words(
        "attack_context",
        "anschlag",
        "anschläge",
        "attentat",
        "attentäter",
        "massaker",
        "amoklauf",
        "schütze",
        "täter",
        "erschossen",
        "getötet",
        "ermordet",
        "erstochen",
        "tote",
        "toten",
        "opfer",
        "aufgeräumt");
  }

  private static void violence(RuleBook b) {
    b.triggers(
        "inf_l",
        "töten",
        "tötet",
        "töte",
        "umbringen",
        "umbringt",
        "erschießen",
        "erschießt",
        "erstechen",
        "ersticht",
        "abstechen",
        "absticht",
        "abknallen",
        "abknallt",
        "aufhängen",
        "aufhängt",
        "aufknüpfen",
        "aufknüpft",
        "erhängen",
        "vergasen",
        "vergast",
        "verbrennen",
        "verbrennt",
        "anzünden",
        "anzündet",
        "abfackeln",
        "abfackelt",
        "niederbrennen",
        "niederbrennt",
        "abbrennen",
        "totschlagen",
        "totschlägt",
        "erschlagen",
        "erschlägt",
        "kaltmachen",
        "kalt machen",
        "umlegen",
        "abschlachten",
        "abschlachtet",
        "massakrieren",
        "erhängt",
        "ausrotten",
        "ausrottet",
        "auslöschen",
        "steinigen",
        "lynchen",
        "hinrichten",
        "exekutieren",
        "erwürgen",
        "erdrosseln",
        "in die luft jagen",
        "in die luft sprengen",
        "sprengen",
        "an die wand stellen",
        "an den galgen bringen",
        "über den haufen schießen",
        "über den haufen fahren",
        "abmurksen",
        "killen",
        "killt",
        "ermorden",
        "ermordet",
        "köpfen",
        "enthaupten",
        "aufschlitzen",
        "ertränken",
        "vergiften",
        "niederstechen",
        "abschießen",
        "durchschneiden");
    b.triggers(
        "inf_h",
        "zusammenschlagen",
        "zusammenschlägt",
        "verprügeln",
        "verprügelt",
        "angreifen",
        "überfahren",
        "drüberfahren",
        "umfahren",
        "wehtun",
        "weh tun",
        "verletzen",
        "aufmischen",
        "vermöbeln",
        "verdreschen",
        "foltern",
        "vergewaltigen",
        "quälen",
        "etwas antun",
        "was antun");
    b.triggers(
        "inf_w",
        "vernichten",
        "zerstören",
        "finden",
        "erwischen",
        "fertigmachen",
        "fertig machen",
        "plattmachen",
        "platt machen",
        "drankriegen",
        "schlagen",
        "schießen",
        "stürmen");
    b.words("lb_no_zu", "(?<!z[u*]\\s)(?<!d[a*]s\\s)(?<![a*]m\\s)(?<!v[o*]m\\s)(?<!b[e*][i*]m\\s)");
    b.triggers(
        "inf_person",
        "töten",
        "umbringen",
        "erschießen",
        "abstechen",
        "abknallen",
        "aufhängen",
        "aufknüpfen",
        "vergasen",
        "totschlagen",
        "erschlagen",
        "kaltmachen",
        "abschlachten",
        "ausrotten",
        "steinigen",
        "lynchen",
        "hinrichten",
        "erwürgen",
        "köpfen",
        "an die wand stellen",
        "ermorden",
        "killen",
        "erstechen",
        "zusammenschlagen");
    b.triggers(
        "fin_l",
        "töte",
        "töten",
        "erschieße",
        "erschießen",
        "erschieß",
        "ersteche",
        "erstech",
        "erstechen",
        "erwürge",
        "erwürg",
        "erschlage",
        "erschlag",
        "vergase",
        "verbrenne",
        "ermorde",
        "ermord",
        "massakriere",
        "kille",
        "killen",
        "kill",
        "steche",
        "stech",
        "köpfe");
    b.triggers(
        "fin_h",
        "schlage",
        "schlag",
        "verprügle",
        "verprügel",
        "folter",
        "foltere",
        "überfahre",
        "vergewaltige");
    b.triggers("fin_w", "vernichte", "zerstöre", "zerstören", "vernichten");
    b.triggers(
        "pp_l",
        "aufgehängt",
        "erschossen",
        "vergast",
        "verbrannt",
        "an die wand gestellt",
        "an die wand",
        "erschlagen",
        "totgeschlagen",
        "aufgeknüpft",
        "gesteinigt",
        "gelyncht",
        "hingerichtet",
        "erhängt",
        "ausgerottet",
        "umgebracht",
        "getötet",
        "abgestochen",
        "abgeknallt",
        "an den galgen",
        "abgeschlachtet",
        "ausgelöscht",
        "kaltgemacht",
        "exekutiert",
        "erwürgt",
        "angezündet",
        "abgefackelt",
        "niedergebrannt",
        "in die luft gesprengt",
        "in die luft gejagt",
        "über den haufen geschossen",
        "an die laterne",
        "geköpft",
        "enthauptet",
        "zusammengeschlagen",
        "verprügelt",
        "gefoltert");
  }

  private static void threats(RuleBook b) {
    b.rule(
        "threat.will-kill-you",
        THREAT,
        0.9,
        "{i_will} {gap0-2} {you_pron} {gap0-4} {lb_no_zu} {inf_l}");
    b.rule(
        "threat.will-harm-you",
        THREAT,
        0.75,
        "{i_will} {gap0-2} {you_pron} {gap0-4} {lb_no_zu} {inf_h}");
    b.rule(
        "threat.will-get-you",
        THREAT,
        0.55,
        "{i_will} {gap0-2} {you_pron} {gap0-4} {lb_no_zu} {inf_w}");
    b.rule(
        "threat.will-kill-them",
        THREAT,
        0.8,
        "{i_will} {gap0-2} {them} {gap0-4} {lb_no_zu} {inf_l}");
    b.rule(
        "threat.will-harm-them",
        THREAT,
        0.6,
        "{i_will} {gap0-2} {them} {gap0-4} {lb_no_zu} {inf_h}");
    var stems = new String[SEPARABLE.length];
    for (int i = 0; i < SEPARABLE.length; i++) {
      stems[i] = SEPARABLE[i][0];
    }
    b.triggers("separable", stems);
    for (int i = 0; i < SEPARABLE.length; i++) {
      String stem = "{&separable} " + SEPARABLE[i][0];
      String particle = SEPARABLE[i][1];
      double you =
          switch (SEPARABLE[i][2]) {
            case "l" -> 0.9;
            case "h" -> 0.75;
            default -> 0.5;
          };
      b.rule(
          "threat.separable-you-" + i,
          THREAT,
          you,
          "(?:ich|wir) " + stem + " {you_pron} {gap0-3} " + particle);
      b.rule(
          "threat.separable-you-inverted-" + i,
          THREAT,
          you,
          stem + " (?:ich|wir) {you_pron} {gap0-3} " + particle);
      if (!SEPARABLE[i][2].equals("w")) {
        b.rule(
            "threat.separable-them-" + i,
            THREAT,
            you - 0.1,
            "(?:ich|wir) " + stem + " {them} {gap0-3} " + particle);
        b.rule(
            "threat.separable-your-place-" + i,
            THREAT,
            you - 0.05,
            "(?:ich|wir) "
                + stem
                + " (?:dein|deine|deinen|euer|eure|euren) {place} {gap0-3} "
                + particle);
      }
    }
    b.rule("threat.kill-you", THREAT, 0.85, "(?:ich|wir) {fin_l} {you_pron}");
    b.rule("threat.kill-you-inverted", THREAT, 0.85, "{fin_l} (?:ich|wir) {you_pron}");
    b.rule("threat.harm-you", THREAT, 0.7, "(?:ich|wir) {fin_h} {you_pron}");
    b.rule("threat.harm-you-inverted", THREAT, 0.7, "{fin_h} (?:ich|wir) {you_pron}");
    b.rule("threat.get-you", THREAT, 0.5, "(?:ich|wir) {fin_w} {you_pron}");
    b.rule("threat.violent-verb-near-you", THREAT, 0.3, "{inf_l} {gap0-2} (?:dich|euch|dir)");
    b.rule(
        "threat.you-near-violent-verb",
        THREAT,
        0.3,
        "(?:dich|euch|dir) {gap0-3} {lb_no_zu} {inf_l}");

    b.triggers("tot", "tot", "ein toter mann", "eine tote frau", "tote männer", "totes fleisch");
    b.rule(
        "threat.you-are-dead",
        THREAT,
        0.7,
        "(?:du bist|bist du|ihr seid|seid ihr|du bist so) {gap0-1} {tot}");
    b.triggers("dran", "dran", "als nächstes dran", "der nächste", "die nächste", "fällig");
    b.rule(
        "threat.you-are-next",
        THREAT,
        0.5,
        "(?:du bist|bist du|ihr seid|seid ihr) {gap0-2} {dran}");
    b.triggers("gezaehlt", "gezählt");
    b.rule("threat.days-numbered", THREAT, 0.6, "(?:deine|eure|seine|ihre) tage sind {gezaehlt}");
    b.triggers(
        "sterben",
        "sterben",
        "verrecken",
        "krepieren",
        "draufgehen",
        "nicht überleben",
        "mit deinem leben bezahlen",
        "mit eurem leben bezahlen");
    b.rule(
        "threat.you-will-die",
        THREAT,
        0.7,
        "(?:du wirst|ihr werdet|du sollst|ihr sollt|du wirst noch) {gap0-3} {sterben}");
    b.triggers("leben", "leben");
    b.rule(
        "threat.pay-with-your-life",
        THREAT,
        0.7,
        "(?:bezahlen|büßen),? {gap0-2} mit (?:deinem|eurem) {leben}");
    b.rule(
        "threat.pay-with-your-life-2",
        THREAT,
        0.7,
        "mit (?:deinem|eurem) {leben} (?:bezahlen|büßen)");
    b.triggers(
        "wohnst",
        "wo du wohnst",
        "wo ihr wohnt",
        "wo du lebst",
        "wo du schläfst",
        "wo du arbeitest",
        "wo deine [a-z]+ (?:wohnen|wohnt|spielen|spielt|arbeitet|arbeiten|schlafen|schläft)",
        "deine adresse",
        "eure adresse");
    b.rule(
        "threat.know-where-you-live",
        THREAT,
        0.75,
        "(?:ich|wir) (?:weiß|weiss|wissen|kenne|kennen|kenn),? {gap0-1} {wohnst}");
    b.triggers("pass", "pass");
    b.rule(
        "threat.watch-out-when",
        THREAT,
        0.55,
        "{pass} {gap0-2} auf,? {gap0-2} (?:wenn|falls) du {gap0-4} (?:nachts|alleine|allein|abends|nach hause|rausgehst)");
    b.triggers("holen", "holen");
    b.rule(
        "threat.coming-to-get-you",
        THREAT,
        0.6,
        "(?:wir|ich) (?:kommen|komme|komm) {you_pron} {gap0-1} {holen}");
    b.triggers("tuer", "tür", "haustür");
    b.rule(
        "threat.at-your-door",
        THREAT,
        0.55,
        "(?:wir|ich) (?:stehen|stehe|sind|bin|warten|warte) {gap0-2} vor (?:deiner|eurer) {tuer}");
    b.words(
        "hoffe",
        "ich hoffe",
        "hoffe",
        "hoffentlich",
        "ich wünsche",
        "ich wünsch",
        "ich wünsch mir");
    b.triggers(
        "die_wish",
        "sticht dich ab",
        "sticht euch ab",
        "bringt dich um",
        "bringt euch um",
        "knallt dich ab",
        "schlägt dich tot",
        "stirbst",
        "verreckst",
        "krepierst",
        "stirbt",
        "verreckt",
        "krepiert",
        "sterbt",
        "erschießt dich",
        "abgestochen",
        "umgebracht",
        "erschossen wirst",
        "überfährt dich",
        "abknallt",
        "absticht",
        "umbringt",
        "abschlachtet");
    b.rule("threat.death-wish", THREAT, 0.6, "{hoffe},? {gap0-4} {die_wish}");
    b.triggers("verreck", "verreck", "verrecke", "verreckt", "verrecken", "krepier", "krepiert");
    b.rule("threat.drop-dead", THREAT, 0.5, "{verreck} doch");
    b.rule(
        "threat.should-die",
        THREAT,
        0.55,
        "(?:du|ihr|die|sie|er) (?:sollst|sollt|sollen|soll|sollte|sollten) {gap0-2} {sterben}");
  }

  private static void incitement(RuleBook b) {
    b.triggers(
        "imp_l",
        "tötet",
        "erschießt",
        "erstecht",
        "erschlagt",
        "vergast",
        "verbrennt",
        "steinigt",
        "lyncht",
        "massakriert",
        "killt",
        "erhängt",
        "ermordet",
        "hängt",
        "köpft",
        "erwürgt",
        "exekutiert");
    b.rule("incitement.kill-them", INCITEMENT, 0.85, "{start} {imp_l} {gap0-1} {target}");
    b.triggers("imp_h", "schlagt", "verprügelt", "prügelt", "überfahrt", "foltert", "vergewaltigt");
    b.rule("incitement.harm-them", INCITEMENT, 0.7, "{start} {imp_h} {gap0-1} {target}");
    String[][] imperatives = {
      {"zündet", "an", "0.85"},
      {"brennt", "(?:nieder|ab)", "0.85"},
      {"fackelt", "ab", "0.85"},
      {"knallt", "(?:ab|nieder)", "0.85"},
      {"stecht", "(?:ab|nieder)", "0.85"},
      {"schlagt", "tot", "0.85"},
      {"schlagt", "zusammen", "0.75"},
      {"macht", "kalt", "0.85"},
      {"macht", "(?:platt|fertig)", "0.4"},
      {"knüpft", "auf", "0.85"},
      {"rottet", "aus", "0.85"},
      {"löscht", "aus", "0.85"},
      {"räuchert", "aus", "0.7"},
      {"schlachtet", "ab", "0.85"},
      {"schießt", "(?:tot|nieder|über den haufen)", "0.85"},
      {"greift", "an", "0.6"},
      {"jagt", "in die luft", "0.85"},
      {"legt", "um", "0.85"},
    };
    var verbs = new String[imperatives.length];
    for (int i = 0; i < imperatives.length; i++) {
      verbs[i] = imperatives[i][0];
    }
    b.triggers("imperative", verbs);
    for (int i = 0; i < imperatives.length; i++) {
      b.rule(
          "incitement.imperative-" + i,
          INCITEMENT,
          Double.parseDouble(imperatives[i][2]),
          "{start} {&imperative} "
              + imperatives[i][0]
              + " {gap0-1} {target} {gap0-3} "
              + imperatives[i][1]);
    }
    b.rule(
        "incitement.call-kill",
        INCITEMENT,
        0.85,
        "{coll} {gap0-2} {target} {gap0-3} {lb_no_zu} {inf_l}");
    b.rule(
        "incitement.call-harm",
        INCITEMENT,
        0.65,
        "{coll} {gap0-2} {target} {gap0-3} {lb_no_zu} {inf_h}");
    b.rule(
        "incitement.call-get",
        INCITEMENT,
        0.4,
        "{coll} {gap0-2} {target} {gap0-3} {lb_no_zu} {inf_w}");
    b.rule(
        "incitement.them-call-kill",
        INCITEMENT,
        0.85,
        "(?:{them}|die|den|das) {coll} {gap0-3} {lb_no_zu} {inf_l}");
    b.rule(
        "incitement.them-call-harm",
        INCITEMENT,
        0.65,
        "(?:{them}|die|den) {coll} {gap0-3} {lb_no_zu} {inf_h}");
    b.triggers("shoot", "schießen", "ballern", "feuern");
    b.rule(
        "incitement.shoot-at-them", INCITEMENT, 0.8, "{coll} {gap0-2} auf {them} {gap0-2} {shoot}");
    b.rule(
        "incitement.dass-man-kill",
        INCITEMENT,
        0.8,
        "(?:dass|das) (?:man|wir|jemand) {gap0-1} {target} {gap0-3} {inf_l}");
    b.rule("incitement.belongs-killed", INCITEMENT, 0.85, "gehör\\w* {gap0-3} {pp_l}");
    b.rule(
        "incitement.should-be-killed",
        INCITEMENT,
        0.8,
        "(?:sollte|sollten|müsste|müssten|muss|müssen|soll|sollen) {gap0-3} {pp_l} werden");
    b.words(
        "adverb",
        "einfach",
        "sofort",
        "gleich",
        "direkt",
        "endlich",
        "am besten",
        "ruhig",
        "allesamt");
    b.words("all", "alle", "allesamt");
    b.rule(
        "incitement.bare-infinitive",
        INCITEMENT,
        0.6,
        "{start} {adverb?} {them} {adverb?} {all?} {inf_person} {end}");
    b.triggers("galgen", "galgen", "an den galgen", "an die laterne", "laterne");
    b.rule("incitement.gallows-for", INCITEMENT, 0.8, "{galgen} für {gap0-1} [a-z]+");
    b.rule("incitement.to-the-gallows", INCITEMENT, 0.75, "{galgen} mit {gap0-1} [a-z]+");
    b.rule("incitement.off-to-the-gallows", INCITEMENT, 0.7, "(?:ab|alle|sofort) {galgen}");
    b.triggers("kopf_ab", "kopf ab", "köpfe ab", "rübe ab");
    b.rule("incitement.heads-off", INCITEMENT, 0.55, "{start} {kopf_ab} {end}");
    b.triggers("tod", "tod");
    b.rule("incitement.death-to", INCITEMENT, 0.8, "{start} {tod} (?:den|dem|allen|der) [a-z]+");
    b.triggers("drueber", "drüberfahren", "drüber fahren", "rüberfahren", "überfahren");
    b.rule(
        "incitement.run-them-over", INCITEMENT, 0.7, "{start} {adverb?} über {gap0-3} {drueber}");
    b.triggers(
        "projectile",
        "steine",
        "flaschen",
        "brandsätze",
        "brandsatz",
        "molotow\\w*",
        "molotovs",
        "pflastersteine",
        "böller");
    b.rule(
        "incitement.throw-stones",
        INCITEMENT,
        0.7,
        "werft {gap0-1} {projectile} (?:auf|gegen|nach) {gap0-2} [a-z]+");
    b.triggers("nur_tot", "nur ein toter", "nur eine tote", "nur tote");
    b.rule(
        "incitement.only-good-one-is-dead",
        INCITEMENT,
        0.6,
        "{nur_tot} [a-z]+ (?:ist|sind) (?:ein|eine)? gute?r? [a-z]+");
  }

  private static void callsToArms(RuleBook b) {
    b.triggers(
        "arms",
        "bewaffnet euch",
        "bewaffnet uns",
        "bewaffnen uns",
        "uns bewaffnen",
        "euch bewaffnen",
        "zu den waffen",
        "kommt bewaffnet",
        "bewaffnet zur",
        "bewaffnet zum",
        "bewaffnet auf die",
        "bewaffneten widerstand",
        "bewaffneter widerstand",
        "bewaffneter aufstand",
        "bewaffneten aufstand",
        "bewaffneten kampf",
        "waffen raus");
    b.rule("arms.arm-yourselves", CALL_TO_ARMS, 0.8, "{arms}");
    b.triggers(
        "weapons",
        "waffen",
        "waffe",
        "gewehre",
        "gewehr",
        "knarren",
        "knarre",
        "flinten",
        "pistolen",
        "pistole",
        "munition",
        "macheten",
        "äxte",
        "baseballschläger");
    b.rule(
        "arms.fetch-your-weapons",
        CALL_TO_ARMS,
        0.75,
        "(?:holt|nehmt|schnappt|packt|besorgt|greift|bringt) {gap0-2} {weapons}");
    b.rule(
        "arms.bring-a-weapon",
        CALL_TO_ARMS,
        0.8,
        "(?:eine|seine|ihre|eure|deine) {weapons} {gap0-6} mitbring\\w*");
    b.rule("arms.whoever-has-a-weapon", CALL_TO_ARMS, 0.5, "wer (?:eine|ne) {weapons} hat");
    b.triggers(
        "krieg", "bürgerkrieg", "krieg", "revolution", "aufstand", "rassenkrieg", "endkampf");
    b.rule("arms.time-for-war", CALL_TO_ARMS, 0.45, "zeit für {gap0-1} {krieg}");
    b.rule(
        "arms.war-now",
        CALL_TO_ARMS,
        0.45,
        "{krieg} (?:jetzt|ist nah|beginnt|kommt|ist da|hat begonnen)");
    b.triggers("tag_x", "tag x");
    b.rule("arms.day-x", CALL_TO_ARMS, 0.35, "{tag_x}");
    b.triggers("reden", "reden", "gerede");
    b.rule("arms.talking-is-over", CALL_TO_ARMS, 0.25, "{reden} ist vorbei");
  }

  private static void glorification(RuleBook b) {
    b.triggers(
        "attacker",
        "attentäter\\w*",
        "täter",
        "schütze",
        "schützen",
        "mörder\\w*",
        "messerstecher\\w*",
        "bomber",
        "amokläufer\\w*",
        "amokschütze\\w*",
        "terrorist\\w*",
        "killer",
        "angreifer\\w*",
        "märtyrer\\w*");
    b.words(
        "praise",
        "held",
        "helden",
        "märtyrer",
        "vorbild",
        "patriot",
        "legende",
        "ehrenmann",
        "könig",
        "idol",
        "ein wahrer held",
        "mein held",
        "mein vorbild",
        "unser held",
        "ein echter held",
        "wahrer patriot",
        "echter patriot");
    b.rule(
        "glorification.attacker-is-a-hero",
        GLORIFICATION,
        0.8,
        "{attacker} {gap0-3} (?:ist|war|sind|waren|bleibt) {gap0-2} {praise}");
    b.triggers(
        "richtig",
        "hat alles richtig gemacht",
        "hat es richtig gemacht",
        "hat nichts falsch gemacht");
    b.rule(
        "glorification.did-everything-right", GLORIFICATION, 0.75, "{attacker} {gap0-3} {richtig}");
    b.triggers("aufgeraeumt", "aufgeräumt", "durchgegriffen");
    b.rule(
        "glorification.finally-someone-cleaned-up",
        GLORIFICATION,
        0.55,
        "endlich hat {gap0-1} (?:einer|jemand) {gap0-1} {aufgeraeumt}");
    b.triggers("mehr_davon", "mehr davon", "mehr solche", "gerne wieder", "bitte wiederholen");
    b.rule(
        "glorification.more-of-this",
        GLORIFICATION,
        0.45,
        "{mehr_davon}",
        "attack_context",
        Rule.Flag.GENRE_BLIND);
    b.triggers(
        "erwischt", "erwischt", "getötet", "umgebracht", "mitgenommen", "erschossen", "abgeknallt");
    b.rule(
        "glorification.pity-not-more",
        GLORIFICATION,
        0.75,
        "(?:schade|leider),? (?:dass|das) (?:er|sie|der|die) {gap0-2} nicht mehr {gap0-2} {erwischt}",
        Rule.Flag.NOT_NEGATABLE);
    b.triggers(
        "attack_n",
        "anschlag",
        "attentat",
        "massaker",
        "amoklauf",
        "messerangriff",
        "terroranschlag",
        "blutbad");
    b.words(
        "approve",
        "verdient",
        "gerechtfertigt",
        "notwendig",
        "das beste",
        "ein anfang",
        "ein guter anfang",
        "ein segen",
        "schön",
        "geil",
        "überfällig",
        "nötig",
        "längst überfällig",
        "mehr als verdient",
        "gut so");
    b.rule(
        "glorification.attack-was-good",
        GLORIFICATION,
        0.75,
        "{attack_n} {gap0-3} (?:war|ist) {gap0-2} {approve}");
    b.rule(
        "glorification.honour-the-attacker",
        GLORIFICATION,
        0.75,
        "(?:ehre|respekt|ruhm|dank|danke|hut ab vor) {gap0-2} (?:dem|den|an den|an die|der) {gap0-1} {attacker}");
    b.triggers("gefeiert", "gefeiert");
    b.rule(
        "glorification.should-be-celebrated",
        GLORIFICATION,
        0.75,
        "{attacker} {gap0-2} gehört {gefeiert}");
    b.triggers("verdient_", "verdient");
    b.rule(
        "glorification.they-deserved-it",
        GLORIFICATION,
        0.5,
        "(?:die|sie) hatten es {gap0-2} {verdient_}",
        "attack_context",
        Rule.Flag.NOT_NEGATABLE);
  }

  private static void terrorism(RuleBook b) {
    b.triggers(
        "attack_inf",
        "angreifen",
        "sprengen",
        "in die luft jagen",
        "in die luft sprengen",
        "stürmen",
        "überfallen",
        "beschießen",
        "zusammenschießen",
        "anzünden",
        "abfackeln",
        "niederbrennen",
        "dem erdboden gleichmachen",
        "abbrennen",
        "attackieren");
    b.rule(
        "terror.will-attack-place",
        TERRORISM,
        0.85,
        "{i_will} {gap0-3} {place_np} {gap0-3} {attack_inf}");
    b.triggers("attack_fin", "jage", "jagen", "jag", "sprenge", "sprengen", "spreng");
    b.rule("terror.blow-up-place", TERRORISM, 0.9, "(?:ich|wir) {attack_fin} {gap0-3} {place_np}");
    b.rule(
        "terror.blow-up-place-inverted",
        TERRORISM,
        0.9,
        "{attack_fin} (?:ich|wir) {gap0-3} {place_np}");
    b.triggers("assault_fin", "greife", "greifen", "stürme", "stürmen", "überfalle", "überfallen");
    b.rule("terror.attack-place", TERRORISM, 0.6, "(?:ich|wir) {assault_fin} {gap0-3} {place_np}");
    b.rule(
        "terror.attack-place-inverted",
        TERRORISM,
        0.6,
        "{assault_fin} (?:ich|wir) {gap0-3} {place_np}");
    for (int i = 0; i < SEPARABLE.length; i++) {
      if (SEPARABLE[i][1].matches("\\(\\?:nieder\\|ab\\)|an|ab")
          && SEPARABLE[i][0].matches("(zünd|brenn|fackel).*")) {
        b.rule(
            "terror.set-fire-to-place-" + i,
            TERRORISM,
            0.85,
            "(?:ich|wir) {&separable} "
                + SEPARABLE[i][0]
                + " {place_np} {gap0-2} "
                + SEPARABLE[i][1]);
      }
    }
    b.triggers("amok", "amoklauf", "school shooting", "schulmassaker");
    b.rule(
        "terror.rampage",
        TERRORISM,
        0.8,
        "(?:ich|wir|mache|machen|mach) {gap0-3} (?:einen|nen|'nen|ein) {amok}");
    b.triggers("anschlag", "anschlag", "attentat");
    b.rule("terror.attack-on", TERRORISM, 0.55, "{anschlag} (?:auf|gegen) {gap0-2} {place}");
    b.triggers("vehicle", "lkw", "auto", "laster", "transporter", "wagen");
    b.rule(
        "terror.vehicle-into-crowd",
        TERRORISM,
        0.85,
        "(?:fahr|fahrt|fahren|fahre|rast|rase|rasen) {gap0-1} mit (?:dem|nem|einem|'nem) {vehicle} in {gap0-2} [a-z]+");
    b.triggers(
        "bomb",
        "bombe",
        "bomben",
        "sprengsatz",
        "sprengstoffgürtel",
        "rohrbombe",
        "nagelbombe",
        "autobombe",
        "sprengstoffweste");
    b.rule(
        "terror.build-a-bomb",
        TERRORISM,
        0.7,
        "(?:baue|bauen|bau|baut|lege|legen|leg|zünde|zünden|basteln|bastle|bastel|zünd) {gap0-3} {bomb}");
  }

  private static void hate(RuleBook b) {
    b.words(
        "pgroup",
        "flüchtling\\w*",
        "geflüchtete\\w*",
        "migrant\\w*",
        "ausländer\\w*",
        "asylant\\w*",
        "asylbewerber\\w*",
        "muslime",
        "moslems",
        "juden",
        "christen",
        "schwule",
        "lesben",
        "roma",
        "sinti",
        "türken",
        "araber",
        "afrikaner",
        "afghanen",
        "syrer",
        "diese leute");
    b.triggers(
        "dehuman",
        "ratten",
        "ungeziefer",
        "parasiten",
        "kakerlaken",
        "untermenschen",
        "tiere",
        "viecher",
        "abschaum",
        "pest",
        "seuche",
        "schädlinge",
        "eine plage",
        "gesindel",
        "läuse");
    b.rule("hate.dehumanising", HATE, 0.55, "{pgroup} {gap0-1} (?:sind|ist) {gap0-2} {dehuman}");
  }

  private static void idioms(RuleBook b) {
    b.idioms(
        "(?:bringt|bringen|bring) mich {gap0-1} um",
        "lach\\w* mich {gap0-1} tot",
        "totlach\\w*",
        "zum totlachen",
        "tot für mich",
        "kill\\w* (?:den|einen|diesen|die|das) (?:prozess|task|tab|server|job|app|programm)",
        "(?:prozess|task|tab|server|job|app|programm) kill\\w*",
        "in die luft (?:gegangen|gehen|geht|ging)",
        "bewaffnet mit",
        "umgehauen",
        "haut mich um",
        "hau mich (?:um|aufs ohr)",
        "wie erschlagen",
        "erschlagen (?:von|vom)",
        "(?:sterbe|sterben|stirbt) (?:vor|fast vor) [a-z]+",
        "sau rauslassen",
        "den vogel abgeschossen",
        "(?:ein|das|ein paar|die) (?:foto|fotos|bild|bilder|selfie) schießen",
        "(?:tor|tore) schießen",
        "aufs tor",
        "ins tor",
        "zu tode (?:erschrocken|gelangweilt|betrübt)",
        "todmüde",
        "totmüde",
        "sterbenslangweilig",
        "schieß los",
        "schießen sie los");
  }
}
