package org.agora.moderation.domain.screening;

import static org.agora.moderation.domain.screening.Category.CALL_TO_ARMS;
import static org.agora.moderation.domain.screening.Category.GLORIFICATION;
import static org.agora.moderation.domain.screening.Category.HATE;
import static org.agora.moderation.domain.screening.Category.INCITEMENT;
import static org.agora.moderation.domain.screening.Category.TERRORISM;
import static org.agora.moderation.domain.screening.Category.THREAT;

/**
 * English rules. A threat needs a first-person speaker with intent and a second- or third-person
 * target ("I will kill you"); incitement needs an imperative or collective call, a violent act and
 * a target ("burn down the mosque", "someone should shoot him"); bare violent words, third person
 * past tense ("the attacker killed three") and self-directed hyperbole ("this is killing me") match
 * nothing.
 */
final class EnglishRules {
  static final String LANGUAGE = "en";

  private static final String[] CONNECTIVES = {
    "and",
    "then",
    "just",
    "so",
    "now",
    "go",
    "please",
    "pls",
    "also",
    "ok",
    "okay",
    "guys",
    "brothers",
    "patriots",
    "everyone",
    "bros"
  };

  private EnglishRules() {}

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
    b.words(
        "i_explicit",
        "i will",
        "i'll",
        "ill",
        "i shall",
        "i am going to",
        "i'm going to",
        "im going to",
        "i am gonna",
        "i'm gonna",
        "im gonna",
        "i'ma",
        "ima",
        "imma",
        "i gonna",
        "i'm about to",
        "im about to",
        "i want to",
        "i wanna",
        "i'm coming to",
        "i am coming to",
        "i'm ready to",
        "i plan to",
        "i'm planning to",
        "i promise to",
        "i'll be sure to",
        "i'd love to",
        "i would love to",
        "i'm gonna have to",
        "i swear i'll",
        "we will",
        "we'll",
        "we shall",
        "we are going to",
        "we're going to",
        "were going to",
        "we are gonna",
        "we're gonna",
        "were gonna",
        "we gonna",
        "we want to",
        "we wanna",
        "we're coming to",
        "we plan to",
        "we're about to",
        "let me",
        "(?:tomorrow|tonight|today|soon) (?:i|we)",
        "on [a-z]+day (?:i|we)",
        "next time (?:i|we)",
        "(?:stop|rest) until (?:i|we)");
    b.words("bare_will", "gonna", "going to", "will", "finna", "gon");
    b.words("i_will", "{i_explicit}", "{start} {bare_will}");
    b.words("i_we", "i", "we", "i already", "we already", "i now", "we now");
    b.words(
        "you",
        "you",
        "u",
        "ya",
        "y'all",
        "yall",
        "you all",
        "all of you",
        "every one of you",
        "each of you",
        "every last one of you",
        "yourselves",
        "your [a-z]+",
        "ur [a-z]+");
    b.words(
        "you_pron",
        "you",
        "u",
        "ya",
        "y'all",
        "yall",
        "you all",
        "all of you",
        "every one of you",
        "each of you",
        "every last one of you");
    b.words(
        "person",
        "mayor",
        "president",
        "prime minister",
        "chancellor",
        "senator",
        "governor",
        "judge",
        "journalist",
        "reporter",
        "cop",
        "officer",
        "teacher",
        "pastor",
        "priest",
        "preacher",
        "imam",
        "rabbi",
        "boss",
        "neighbor",
        "neighbour",
        "landlord",
        "politician",
        "minister",
        "mp",
        "councillor",
        "councilman",
        "ceo",
        "doctor",
        "guy",
        "man",
        "woman",
        "girl",
        "boy",
        "bitch",
        "bastard",
        "traitor",
        "kid",
        "family",
        "congressman",
        "congresswoman",
        "lawmaker",
        "candidate",
        "activist",
        "lawyer",
        "prosecutor",
        "sheriff",
        "commissioner",
        "official",
        "whore",
        "pig",
        "scumbag");
    b.words(
        "group",
        "immigrants",
        "migrants",
        "refugees",
        "asylum seekers",
        "foreigners",
        "muslims",
        "moslems",
        "jews",
        "christians",
        "hindus",
        "sikhs",
        "atheists",
        "blacks",
        "whites",
        "gays",
        "lesbians",
        "trans people",
        "queers",
        "roma",
        "gypsies",
        "arabs",
        "mexicans",
        "asians",
        "africans",
        "liberals",
        "leftists",
        "leftist",
        "conservatives",
        "republicans",
        "democrats",
        "communists",
        "commies",
        "fascists",
        "nazis",
        "antifa",
        "protesters",
        "protestors",
        "activists",
        "feminists",
        "cops",
        "police",
        "pigs",
        "soldiers",
        "politicians",
        "journalists",
        "reporters",
        "media",
        "judges",
        "teachers",
        "doctors",
        "landlords",
        "bankers",
        "elites",
        "globalists",
        "traitors",
        "infidels",
        "kuffar",
        "apostates",
        "heretics",
        "unbelievers",
        "people",
        "women",
        "men",
        "children",
        "kids",
        "voters",
        "officials",
        "senators",
        "government",
        "congress",
        "lawmakers",
        "bureaucrats",
        "scum",
        "pedos",
        "degenerates",
        "invaders",
        "illegals",
        "climate activists",
        "oppressors",
        "tyrants",
        "gay couple",
        "couples",
        "believers",
        "worshippers",
        "congregation",
        "students",
        "bastards",
        "idiots",
        "morons",
        "cunts",
        "libs",
        "mps",
        "priests",
        "imams",
        "rabbis");
    b.words(
        "place",
        "mosque",
        "mosques",
        "church",
        "churches",
        "synagogue",
        "synagogues",
        "temple",
        "school",
        "schools",
        "university",
        "campus",
        "station",
        "train station",
        "bus station",
        "subway",
        "metro",
        "airport",
        "mall",
        "christmas market",
        "stadium",
        "concert",
        "festival",
        "parade",
        "rally",
        "parliament",
        "capitol",
        "statehouse",
        "city hall",
        "town hall",
        "courthouse",
        "embassy",
        "clinic",
        "hospital",
        "shelter",
        "refugee center",
        "refugee centre",
        "refugee shelter",
        "asylum center",
        "office",
        "offices",
        "headquarters",
        "newsroom",
        "police station",
        "precinct",
        "house",
        "houses",
        "homes",
        "home",
        "shop",
        "store",
        "restaurant",
        "bar",
        "club",
        "pride parade",
        "crowd",
        "crowds",
        "bridge",
        "refugee camp",
        "camp",
        "center",
        "centre",
        "building",
        "offices",
        "gay bar",
        "hotel",
        "kindergarten",
        "daycare");
    b.words(
        "det",
        "the",
        "this",
        "that",
        "these",
        "those",
        "their",
        "his",
        "her",
        "our",
        "your",
        "my",
        "a",
        "an",
        "every",
        "all the",
        "all",
        "any",
        "the whole",
        "the local",
        "that damn",
        "ur");
    b.words("them_loose", "those [a-z]+", "these [a-z]+", "all these [a-z]+", "all those [a-z]+");
    b.words(
        "quantifier",
        "all",
        "all the",
        "all of the",
        "every",
        "any",
        "the",
        "the whole",
        "these",
        "those");
    b.words("person_det", "every", "any", "the", "that", "this", "the whole");
    b.words(
        "them",
        "him",
        "her",
        "them",
        "'em",
        "em",
        "all of them",
        "every one of them",
        "every last one",
        "every single one",
        "each and every one",
        "everyone",
        "everybody",
        "@[a-z0-9_]+",
        "{quantifier?} {group}",
        "{person_det} {person}");
    b.words("place_np", "{det} {gap0-2} {place}");
    b.words("subject", "they", "he", "she", "you", "u", "{them}", "{them_loose}");
    b.words(
        "call_strong",
        "let's",
        "lets",
        "let us",
        "let's go",
        "lets go",
        "we must",
        "we should",
        "we need to",
        "we have to",
        "we gotta",
        "we got to",
        "someone should",
        "somebody should",
        "someone needs to",
        "somebody needs to",
        "someone has to",
        "somebody has to",
        "someone must",
        "someone gotta",
        "someone oughta",
        "someone ought to",
        "anyone should",
        "anybody should",
        "y'all should",
        "yall should",
        "you should all",
        "you all should",
        "everyone should",
        "everyone must",
        "everybody should",
        "people should",
        "time to",
        "it's time to",
        "its time to",
        "it is time to",
        "time to start",
        "i say we",
        "we should all",
        "you should",
        "u should",
        "you need to",
        "you must",
        "somebody please",
        "someone please",
        "i hope someone will",
        "wish someone would",
        "hope someone will",
        "someone go",
        "somebody go",
        "y'all need to",
        "yall need to",
        "we need to go",
        "someone needs to go",
        "you guys should",
        "we ought to");
    b.words("call_soft", "just", "go", "go and", "please", "pls", "now", "then", "and", "simply");
    b.words(
        "attack_context",
        "attack",
        "attacks",
        "shooting",
        "shootings",
        "bombing",
        "bombings",
        "massacre",
        "shooter",
        "gunman",
        "bomber",
        "killed",
        "shot",
        "stabbed",
        "bombed",
        "burned",
        "dead",
        "murdered",
        "attacker",
        "terrorist",
        "synagogues",
        "mosques");
  }

  private static void violence(RuleBook b) {
    b.triggers(
        "kill_l",
        "kill",
        "murder",
        "shoot",
        "stab",
        "strangle",
        "behead",
        "decapitate",
        "hang",
        "lynch",
        "execute",
        "slaughter",
        "butcher",
        "massacre",
        "exterminate",
        "gas",
        "torch",
        "firebomb",
        "bomb",
        "blow up",
        "shoot up",
        "gun down",
        "mow down",
        "wipe out",
        "eradicate",
        "burn down",
        "burn alive",
        "knife",
        "shank",
        "drown",
        "poison",
        "gut",
        "crucify",
        "hunt down",
        "put down",
        "slit",
        "kill off",
        "put a bullet",
        "put bullets",
        "shoot down",
        "end the life of",
        "stone",
        "murk");
    b.triggers(
        "kill_h",
        "hurt",
        "beat",
        "beat up",
        "beat the (?:shit|crap|hell|living daylights) out of",
        "punch",
        "attack",
        "assault",
        "rape",
        "torture",
        "maim",
        "smash",
        "bash",
        "stomp",
        "batter",
        "whip",
        "fuck up",
        "rough up",
        "choke",
        "burn",
        "cut",
        "break",
        "harm",
        "take out",
        "eliminate",
        "hunt",
        "cripple",
        "kick",
        "curb stomp",
        "cave in",
        "acid attack",
        "throw acid on");
    b.triggers(
        "kill_w",
        "destroy",
        "crush",
        "annihilate",
        "ruin",
        "end",
        "find",
        "get",
        "come for",
        "come after",
        "go after",
        "deal with",
        "teach a lesson",
        "pay a visit to",
        "track down");
    b.triggers(
        "kill_you",
        "slit your throat",
        "cut your throat",
        "blow your brains out",
        "break your neck",
        "snap your neck",
        "smash your (skull|face|head) in",
        "bash your (head|skull|face) in",
        "put a bullet (in|through|between|into) your [a-z]+",
        "beat you to death",
        "beat you half to death",
        "end your life",
        "take your life",
        "burn your house down",
        "beat the (shit|crap|hell) out of you",
        "kick your teeth in",
        "cut your head off",
        "break your legs",
        "break every bone",
        "skin you alive",
        "bury you");
    b.triggers(
        "kill_ing",
        "killing",
        "murdering",
        "shooting",
        "stabbing",
        "hanging",
        "lynching",
        "executing",
        "slaughtering",
        "bombing",
        "burning",
        "gassing",
        "exterminating",
        "butchering",
        "beating",
        "torching");
    b.triggers(
        "kill_pp",
        "shot",
        "hanged",
        "hung",
        "killed",
        "executed",
        "lynched",
        "burned",
        "burnt",
        "gassed",
        "exterminated",
        "wiped out",
        "put down",
        "strung up",
        "beaten",
        "eliminated",
        "slaughtered",
        "murdered",
        "stabbed",
        "beheaded",
        "tortured",
        "burned alive",
        "put to death",
        "run over",
        "blown up",
        "shot on sight",
        "shot dead",
        "culled",
        "eradicated",
        "hunted down");
    b.triggers(
        "kill_3s",
        "kills",
        "murders",
        "shoots",
        "stabs",
        "cuts",
        "slits",
        "hangs",
        "lynches",
        "burns",
        "strangles",
        "runs over",
        "beats",
        "tortures",
        "rapes",
        "guts",
        "butchers",
        "blows up",
        "bombs",
        "executes",
        "takes out");
    b.triggers(
        "kill_past",
        "killed",
        "shot",
        "stabbed",
        "bombed",
        "attacked",
        "murdered",
        "massacred",
        "shot up",
        "blew up",
        "executed",
        "slaughtered",
        "torched",
        "burned",
        "burned down",
        "gunned down",
        "mowed down",
        "ran over",
        "blown up");
    b.triggers(
        "firearms",
        "guns",
        "gun",
        "rifles",
        "rifle",
        "weapons",
        "weapon",
        "ammo",
        "pitchforks",
        "ar's",
        "ars",
        "arms",
        "shotguns",
        "shotgun",
        "pistols",
        "pistol",
        "ammunition",
        "knives",
        "molotovs",
        "molotov cocktails",
        "machetes",
        "ar-15",
        "ar15",
        "ak47",
        "ak-47",
        "glock");
  }

  private static void threats(RuleBook b) {
    b.rule("threat.kill-you", THREAT, 0.9, "{i_will} {gap0-2} {kill_l} {gap0-3} {you}");
    b.rule("threat.harm-you", THREAT, 0.75, "{i_will} {gap0-2} {kill_h} {gap0-3} {you_pron}");
    b.rule(
        "threat.come-for-you",
        THREAT,
        0.5,
        "{i_will} {gap0-2} {kill_w} {gap0-1} {you_pron}"
            + " (?!\\s+(?:a|an|some|the|one|something|out|later|soon|on|in|at|there|online|here)\\b)");
    b.rule("threat.kill-you-phrase", THREAT, 0.9, "{i_will} {gap0-2} {kill_you}");
    b.rule("threat.kill-them", THREAT, 0.8, "{i_will} {gap0-2} {kill_l} {gap0-2} {them}");
    b.rule("threat.kill-those", THREAT, 0.5, "{i_will} {gap0-2} {kill_l} {gap0-2} {them_loose}");
    b.rule("threat.harm-them", THREAT, 0.6, "{i_will} {gap0-2} {kill_h} {gap0-2} {them}");
    b.rule(
        "threat.kill-someone-close",
        THREAT,
        0.5,
        "{i_will} {gap0-2} {kill_l} (?:my|his|her|their|our|your|ur) {person}");
    b.triggers("run", "run", "ran", "mow");
    b.rule("threat.run-over", THREAT, 0.8, "{i_will} {gap0-1} {run} {you} over");
    b.rule("threat.violent-verb-near-you", THREAT, 0.3, "{kill_l} {gap0-2} {you}");

    b.words(
        "you_will",
        "you will",
        "you'll",
        "youll",
        "you are going to",
        "you're going to",
        "youre going to",
        "you're gonna",
        "youre gonna",
        "you gonna",
        "u will",
        "u gonna",
        "ur gonna",
        "y'all will",
        "yall gonna",
        "you all will",
        "you shall",
        "you're about to",
        "you are about to");
    b.triggers(
        "doom",
        "die",
        "be dead",
        "be next",
        "pay with your life",
        "not live",
        "not survive",
        "never see it coming",
        "not see it coming",
        "suffer",
        "be killed",
        "be shot",
        "end up dead",
        "end up in a body bag",
        "wish you were dead",
        "be found dead",
        "get what's coming",
        "get what is coming",
        "burn");
    b.rule("threat.you-will-die", THREAT, 0.7, "{you_will} {gap0-2} {doom}");
    b.words(
        "you_are",
        "you're",
        "youre",
        "you are",
        "ur",
        "u r",
        "y'all are",
        "you all are",
        "yall are");
    b.triggers("dead", "dead", "dead meat", "dead men");
    b.rule("threat.you-are-dead", THREAT, 0.7, "{you_are} {gap0-1} {dead}");
    b.triggers("next", "next", "finished", "done for", "target", "marked");
    b.rule("threat.you-are-next", THREAT, 0.5, "{you_are} {gap0-1} {next} {end}");
    b.triggers(
        "numbered",
        "days are numbered",
        "days r numbered",
        "time is up",
        "time is running out",
        "time is coming",
        "last days",
        "last breath",
        "last day",
        "hours are numbered");
    b.rule("threat.days-numbered", THREAT, 0.6, "(?:your|ur|his|her|their) {numbered}");
    b.triggers(
        "where_live",
        "where you live",
        "where u live",
        "where you sleep",
        "where you work",
        "where your [a-z]+ (?:live|lives|go|goes|work|works|sleep|sleeps|are|is|play|plays)",
        "where you park");
    b.rule(
        "threat.know-where-you-live",
        THREAT,
        0.75,
        "{i_we} {gap0-1} (?:know|found|know exactly|found out|will find) {gap0-1} {where_live}");
    b.triggers("know_your", "your (?:car|schedule|route|workplace|plates|daily routine)");
    b.rule(
        "threat.know-your-life",
        THREAT,
        0.5,
        "{i_we} {gap0-1} (?:know|have|got|found) {know_your}");
    b.triggers(
        "menace_soft",
        "watch your back",
        "watch ur back",
        "sleep with one eye open",
        "won't see it coming",
        "wont see it coming",
        "won't see us coming",
        "won't see me coming",
        "look over your shoulder",
        "be careful walking home",
        "careful where you walk");
    b.rule("threat.watch-your-back", THREAT, 0.45, "{menace_soft}");
    b.triggers("coming_for", "coming for", "coming after", "comin for");
    b.words("i_we_are", "i'm", "im", "i am", "we're", "we are", "were");
    b.rule("threat.coming-for-you", THREAT, 0.6, "{i_we_are} {coming_for} {you}");

    b.words("hope", "hope", "i hope", "hopefully", "i wish", "wish", "pray", "i pray");
    b.words(
        "wish_subject", "you", "u", "he", "she", "they", "your [a-z]+", "@[a-z0-9_]+", "{them}");
    b.triggers(
        "die_words",
        "die",
        "dies",
        "get killed",
        "gets killed",
        "get shot",
        "gets shot",
        "drop dead",
        "get stabbed",
        "gets stabbed",
        "be killed",
        "be shot",
        "get murdered",
        "gets murdered",
        "get hanged",
        "get lynched",
        "gets lynched",
        "get raped",
        "gets raped");
    b.rule(
        "threat.death-wish", THREAT, 0.55, "{hope} (?:that )?{wish_subject} {gap0-2} {die_words}");
    b.rule(
        "threat.wish-someone-kills",
        THREAT,
        0.6,
        "{hope} (?:that )?(?:someone|somebody|some1) {kill_3s} {gap0-2} (?:{you}|{them})");
    b.rule(
        "threat.deserves-to-die",
        THREAT,
        0.55,
        "{subject} {gap0-1} (?:should|deserves? to|needs? to|ought to|must|have to|has to|gotta) {die_words}");
  }

  private static void incitement(RuleBook b) {
    b.rule(
        "incitement.kill-them", INCITEMENT, 0.85, "{start} {call_soft?} {kill_l} {gap0-3} {them}");
    b.rule(
        "incitement.harm-them", INCITEMENT, 0.7, "{start} {call_soft?} {kill_h} {gap0-3} {them}");
    b.rule(
        "incitement.call-kill",
        INCITEMENT,
        0.85,
        "{call_strong} {gap0-1} {kill_l} {gap0-3} {them}");
    b.rule(
        "incitement.call-harm", INCITEMENT, 0.7, "{call_strong} {gap0-1} {kill_h} {gap0-3} {them}");
    b.rule(
        "incitement.kill-those",
        INCITEMENT,
        0.5,
        "{start} {call_soft?} {kill_l} {gap0-1} {them_loose}");
    b.rule(
        "incitement.call-kill-those",
        INCITEMENT,
        0.5,
        "{call_strong} {gap0-1} {kill_l} {gap0-1} {them_loose}");
    b.triggers(
        "ruin_place",
        "burn down",
        "burn",
        "torch",
        "firebomb",
        "bomb",
        "blow up",
        "shoot up",
        "raze",
        "set fire to",
        "set on fire",
        "burn to the ground",
        "level");
    b.triggers("storm_place", "storm", "attack", "raid", "invade", "overrun", "smash up");
    b.triggers("strike", "strike");
    b.rule(
        "incitement.burn-place",
        INCITEMENT,
        0.85,
        "{start} {call_soft?} {ruin_place} {gap0-1} {place_np}");
    b.rule(
        "incitement.call-burn-place",
        INCITEMENT,
        0.85,
        "{call_strong} {gap0-1} {ruin_place} {gap0-1} {place_np}");
    b.rule(
        "incitement.storm-place",
        INCITEMENT,
        0.55,
        "{start} {call_soft?} {storm_place} {gap0-1} {place_np}");
    b.rule(
        "incitement.call-storm-place",
        INCITEMENT,
        0.55,
        "{call_strong} {gap0-1} {storm_place} {gap0-1} {place_np}");
    b.words(
        "should_be",
        "should be",
        "should all be",
        "should both be",
        "should get",
        "should all get",
        "must be",
        "must all be",
        "need to be",
        "needs to be",
        "need to get",
        "needs to get",
        "ought to be",
        "deserve to be",
        "deserves to be",
        "deserve to get",
        "deserves to get",
        "have to be",
        "has to be",
        "gotta be",
        "should've been",
        "should have been",
        "are to be",
        "should just be",
        "need to all be",
        "should each be");
    b.rule(
        "incitement.should-be-killed",
        INCITEMENT,
        0.8,
        "{subject} {gap0-1} {should_be} {gap0-1} {kill_pp}");
    b.rule("incitement.should-be-killed-bare", INCITEMENT, 0.45, "{should_be} {gap0-1} {kill_pp}");
    b.triggers("hang_intransitive", "hang", "swing", "fry");
    b.rule(
        "incitement.should-hang",
        INCITEMENT,
        0.7,
        "{subject} {gap0-1} (?:should|must|need to|needs to|ought to|deserve to|deserves to|will) {gap0-1} {hang_intransitive} {end}");
    b.triggers(
        "bullet_for",
        "bullet",
        "bullets",
        "rope",
        "noose",
        "gallows",
        "firing squad",
        "electric chair",
        "guillotine");
    b.rule(
        "incitement.deserves-a-bullet",
        INCITEMENT,
        0.75,
        "{subject} {gap0-2} (?:deserve|deserves|need|needs|should get|gets|get|earned|earn) {gap0-1} {bullet_for}");
    b.triggers("death_to", "death to");
    b.rule("incitement.death-to", INCITEMENT, 0.8, "{death_to} {gap0-1} {them}");
    b.rule("incitement.death-to-anything", INCITEMENT, 0.35, "{death_to} [a-z]+");
    b.rule(
        "incitement.start-killing",
        INCITEMENT,
        0.8,
        "(?:start|begin|keep|go|time for|get to|go on|continue) {kill_ing} {gap0-2} {them}");
    b.triggers("string", "string", "strung");
    b.rule("incitement.string-them-up", INCITEMENT, 0.8, "{string} {them} up");
    b.rule("incitement.string-up", INCITEMENT, 0.8, "{string} up {gap0-1} {them}");
    b.triggers("wall", "against a wall", "against the wall", "up against the wall", "to the wall");
    b.rule(
        "incitement.against-the-wall", INCITEMENT, 0.7, "(?:put|line|stand|stood) {gap0-4} {wall}");
    b.rule("incitement.run-them-over", INCITEMENT, 0.7, "{run} {them} over");
    b.rule("incitement.mow-them-down", INCITEMENT, 0.8, "{run} {them} down");
    b.triggers("only_good", "only good");
    b.rule(
        "incitement.only-good-one-is-dead",
        INCITEMENT,
        0.6,
        "{only_good} [a-z]+ (?:is|are) (?:a )?dead [a-z]+");
  }

  private static void callsToArms(RuleBook b) {
    b.triggers("grab", "grab", "take up", "pick up");
    b.rule("arms.grab-your-guns", CALL_TO_ARMS, 0.8, "{grab} {gap0-2} {firearms}");
    b.words("bring", "bring", "load", "load up", "stock up on", "carry", "bring out", "prepare");
    b.rule(
        "arms.bring-guns", CALL_TO_ARMS, 0.7, "{start} {call_soft?} {bring} {gap0-2} {firearms}");
    b.rule(
        "arms.call-bring-guns",
        CALL_TO_ARMS,
        0.7,
        "{call_strong} {gap0-1} {bring} {gap0-2} {firearms}");
    b.triggers(
        "arm_self",
        "arm yourselves",
        "arm yourself",
        "arm urselves",
        "arm your selves",
        "to arms",
        "come armed",
        "be armed",
        "show up armed",
        "armed and ready",
        "armed resistance",
        "armed uprising",
        "armed revolution",
        "armed struggle",
        "armed rebellion",
        "armed insurrection",
        "take up arms");
    b.rule("arms.arm-yourselves", CALL_TO_ARMS, 0.8, "{arm_self}");
    b.rule(
        "arms.everyone-with-a-gun",
        CALL_TO_ARMS,
        0.65,
        "(?:everyone|everybody|anyone|anybody|every man|every patriot) (?:with|who has|that has) (?:a|an) {firearms}");
    b.triggers(
        "war", "civil war", "race war", "holy war", "war", "revolution", "uprising", "jihad");
    b.rule(
        "arms.war-now",
        CALL_TO_ARMS,
        0.45,
        "{war} (?:now|is coming|has begun|begins|is here|is upon us|has started)");
    b.rule("arms.time-for-war", CALL_TO_ARMS, 0.45, "time for {gap0-1} {war}");
    b.triggers("rope", "day of the rope");
    b.rule("arms.day-of-the-rope", CALL_TO_ARMS, 0.7, "{rope}");
    b.triggers("lock_and_load", "lock and load", "locked and loaded");
    b.rule("arms.lock-and-load", CALL_TO_ARMS, 0.35, "{lock_and_load}");
    b.triggers("talking", "talking", "talk");
    b.rule("arms.no-more-talking", CALL_TO_ARMS, 0.25, "no more {talking}");
    b.triggers("march", "march", "marching");
    b.rule("arms.march-on", CALL_TO_ARMS, 0.35, "{march} on {place_np}");
  }

  private static void glorification(RuleBook b) {
    b.triggers(
        "attacker",
        "shooter",
        "shooters",
        "gunman",
        "gunmen",
        "attacker",
        "attackers",
        "bomber",
        "bombers",
        "assassin",
        "killer",
        "killers",
        "terrorist",
        "terrorists",
        "murderer",
        "stabber",
        "perpetrator",
        "mass shooter",
        "school shooter");
    b.words(
        "praise",
        "hero",
        "heroes",
        "legend",
        "legends",
        "martyr",
        "martyrs",
        "saint",
        "patriot",
        "king",
        "icon",
        "inspiration",
        "role model",
        "based",
        "my hero",
        "true hero",
        "real hero",
        "national hero",
        "savior",
        "saviour",
        "idol");
    b.rule(
        "glorification.attacker-is-a-hero",
        GLORIFICATION,
        0.8,
        "{attacker} {gap0-2} (?:is|was|'s|s|are|were|remains|will always be|be) {gap0-2} {praise}");
    b.triggers(
        "attack_n",
        "attack",
        "attacks",
        "shooting",
        "shootings",
        "bombing",
        "bombings",
        "massacre",
        "assassination",
        "stabbing",
        "killing",
        "killings",
        "terror attack",
        "terrorist attack",
        "mass shooting",
        "murders");
    b.words(
        "approve",
        "beautiful",
        "glorious",
        "justified",
        "deserved",
        "necessary",
        "based",
        "a good start",
        "a good thing",
        "well deserved",
        "the best thing",
        "a blessing",
        "righteous",
        "long overdue",
        "overdue",
        "a gift",
        "a work of art");
    b.words("approve_weak", "awesome", "amazing", "great", "epic", "perfect", "good", "a success");
    b.rule(
        "glorification.attack-was-good",
        GLORIFICATION,
        0.75,
        "{attack_n} {gap0-3} (?:was|is|were|are) {gap0-1} {approve}");
    b.rule(
        "glorification.attack-was-great",
        GLORIFICATION,
        0.4,
        "{attack_n} {gap0-3} (?:was|is|were|are) {gap0-1} {approve_weak}");
    b.triggers("nothing_wrong", "did nothing wrong", "done nothing wrong", "dindu nuffin");
    b.rule(
        "glorification.did-nothing-wrong",
        GLORIFICATION,
        0.75,
        "{attacker} {gap0-2} {nothing_wrong}");
    b.rule(
        "glorification.he-did-nothing-wrong",
        GLORIFICATION,
        0.4,
        "(?:he|she|they) {nothing_wrong}",
        "attack_context");
    b.triggers(
        "should_have",
        "should have",
        "should've",
        "shouldve",
        "could have",
        "could've",
        "should of");
    b.rule(
        "glorification.should-have-killed-more",
        GLORIFICATION,
        0.7,
        "{should_have} {gap0-1} (?:killed|got|gotten|taken|shot|hit|bombed|finished|taken out) {gap0-2} (?:more|all of them|them all|the rest)",
        "attack_context",
        Rule.Flag.NOT_NEGATABLE);
    b.triggers(
        "more_like",
        "more men like",
        "more people like",
        "more guys like",
        "more heroes like",
        "more brothers like",
        "more patriots like",
        "more attacks like",
        "more shootings like",
        "more bombings like");
    b.rule(
        "glorification.more-like-him", GLORIFICATION, 0.7, "{more_like}", Rule.Flag.NOT_NEGATABLE);
    b.triggers(
        "again",
        "more of this",
        "more of that",
        "more please",
        "do it again",
        "round two",
        "again please",
        "time for round two",
        "repeat it",
        "more to come",
        "had it coming");
    b.rule(
        "glorification.do-it-again",
        GLORIFICATION,
        0.45,
        "{again}",
        "attack_context",
        Rule.Flag.GENRE_BLIND);
    b.rule(
        "glorification.praise-the-man-who",
        GLORIFICATION,
        0.75,
        "(?:respect|salute|praise|glory|honor|honour|thank|thanks|bless|cheers|props|shoutout|shout out|kudos) {gap0-3} (?:man|guy|men|guys|hero|brother|brothers|person|people|one|dude|lad|kid|whoever) (?:who|that) {kill_past}");
    b.rule(
        "glorification.deserves-a-medal",
        GLORIFICATION,
        0.75,
        "(?:whoever|the guy who|the man who|the person who|he who|they who) {kill_past} {gap0-3} (?:deserves|deserve|should get|earned|needs|gets) (?:a |an )?(?:medal|award|statue|prize|nobel|thanks|respect|raise|parade|beer)");
    b.triggers(
        "attack_done",
        "got shot up",
        "shot up",
        "got blown up",
        "blown up",
        "massacred",
        "slaughtered",
        "torched",
        "burned to the ground",
        "got what they deserved",
        "got what he deserved",
        "got what she deserved",
        "got bombed",
        "got attacked",
        "got stabbed");
    b.rule(
        "glorification.glad-it-happened",
        GLORIFICATION,
        0.65,
        "(?:glad|happy|good|great|love|loved|nice|finally|thank god|thankfully|yay) {gap0-3} {attack_done}");
  }

  private static void terrorism(RuleBook b) {
    b.rule(
        "terror.attack-place",
        TERRORISM,
        0.9,
        "{i_will} {gap0-2} {ruin_place} {gap0-1} {place_np}");
    b.rule(
        "terror.strike-place",
        TERRORISM,
        0.75,
        "{i_will} {gap0-2} {storm_place} {gap0-1} {place_np}");
    b.rule("terror.strike-the-place", TERRORISM, 0.75, "{i_will} {gap0-2} {strike} {place_np}");
    b.triggers(
        "explosive",
        "bomb",
        "bombs",
        "pipe bomb",
        "pipe bombs",
        "explosives",
        "explosive",
        "ied",
        "ieds",
        "suicide vest",
        "nail bomb",
        "car bomb",
        "molotov",
        "molotovs",
        "detonator");
    b.rule(
        "terror.build-a-bomb",
        TERRORISM,
        0.6,
        "(?:plant|planting|place|placing|build|building|make|making|set|setting|assemble|assembling|detonate|detonating|hide|hiding|leave|leaving|bring|bringing|wear|wearing|strap|strapping) {gap0-2} {explosive}");
    b.triggers("vehicle", "truck", "car", "van", "lorry", "bus", "suv", "pickup");
    b.rule(
        "terror.vehicle-into-crowd",
        TERRORISM,
        0.85,
        "(?:drive|driving|plow|plough|ram|ramming|run|steer|drove) {gap0-2} {vehicle} (?:into|through) {gap0-3} (?:crowd|crowds|market|people|them|protesters|protestors|parade|pedestrians|marchers|march|demonstrators)");
    b.triggers(
        "stay_away",
        "don't come",
        "dont come",
        "do not come",
        "don't go",
        "dont go",
        "stay away",
        "stay home");
    b.rule(
        "terror.stay-away",
        TERRORISM,
        0.35,
        "{stay_away} {gap0-3} (?:tomorrow|tonight|today|on [a-z]+day|monday|tuesday|wednesday|thursday|friday|saturday|sunday|in)",
        Rule.Flag.NOT_NEGATABLE);
  }

  private static void hate(RuleBook b) {
    b.words(
        "pgroup",
        "immigrants",
        "migrants",
        "refugees",
        "asylum seekers",
        "foreigners",
        "muslims",
        "moslems",
        "jews",
        "christians",
        "hindus",
        "sikhs",
        "blacks",
        "gays",
        "lesbians",
        "trans people",
        "queers",
        "roma",
        "gypsies",
        "arabs",
        "mexicans",
        "africans",
        "asians",
        "these people",
        "those people");
    b.triggers(
        "dehuman",
        "vermin",
        "rats",
        "parasites",
        "cockroaches",
        "roaches",
        "subhuman",
        "subhumans",
        "sub-human",
        "insects",
        "lice",
        "plague",
        "disease",
        "cancer",
        "virus",
        "filth",
        "animals",
        "savages",
        "not human",
        "untermenschen",
        "pest",
        "pests",
        "leeches");
    b.rule("hate.dehumanising", HATE, 0.55, "{pgroup} {gap0-1} (?:are|is|r) {gap0-2} {dehuman}");
  }

  private static void idioms(RuleBook b) {
    b.idioms(
        "kill it",
        "kills it",
        "killed it",
        "killing it",
        "killin it",
        "killing me",
        "killing us",
        "kills me",
        "killed me",
        "kill me",
        "dressed to kill",
        "kill time",
        "killing time",
        "kill some time",
        "kill the time",
        "kill (?:the|this|that|a) (?:lights?|engine|music|power|switch|process|app|task|job|server|bill|vibe|mood|buzz|conversation|thread|bug|pid|tab|program|joke)",
        "killed (?:the|this|that) (?:vibe|mood|game|conversation|joke)",
        "killing (?:the|this|my) (?:vibe|mood)",
        "two birds",
        "kill two birds",
        "killer (?:app|apps|deal|deals|feature|features|look|smile|instinct|whale|whales|bee|bees|queen|outfit|workout|combo|hook|track|riff|heels|line|sale|argument|view|views|abs|song|beat|playlist|set)",
        "kill for (?:a|an|some)",
        "would kill for",
        "could kill for",
        "could (?:kill|eat) (?:a|an|some)",
        "murder (?:it|that)",
        "murdered (?:it|that)",
        "murder on the dance floor",
        "murder mystery",
        "murder podcast",
        "shoot (?:me|us|you|u|him|her|them) (?:a|an) [a-z]+",
        "kill (?:him|her|them|'em|em) with kindness",
        "cut (?:me|him|her|them|us|you) some slack",
        "kick (?:him|her|them|'em|em|me|us) out",
        "beat (?:them|him|her|us|you|me|'em|em) (?:in|at|by|on)",
        "shoot your shot",
        "shoot for (?:the|a)",
        "photo shoot",
        "photoshoot",
        "shoot the breeze",
        "shoot the messenger",
        "shoot (?:a|the|my|this|our) (?:video|film|movie|scene|photo|photos|pics|episode|wedding|ad|commercial)",
        "shooting (?:a|the|my|this|our) (?:video|film|movie|scene|photo|photos|pics|episode|wedding)",
        "(?:scene|film|movie|video|photo|photos|picture|pictures|episode|footage|ad|commercial|it|this|that) (?:should|must|will) be shot",
        "be shot (?:in|on) (?:4k|film|location|an|a)",
        "bomb(?:ed)? (?:the|my|a|that|an|this) (?:test|exam|interview|audition|presentation|set|show|gig)",
        "bombed so",
        "bombed (?:hard|badly)",
        "da bomb",
        "blow(?:s|n)? (?:me|us|them|you|him|her) away",
        "blew (?:me|us|them|you|him|her) away",
        "blown away",
        "blow(?:ing)? up (?:my|your|his|her) (?:phone|notifications|dms|inbox|mentions)",
        "blew up (?:on|online|overnight)",
        "hang (?:in|out|on|up|tight|loose|with)",
        "hanging (?:out|on|in|with)",
        "hung (?:out|up)",
        "hang (?:the|a|my|this|some|those|her|his|their|your) (?:picture|pictures|poster|posters|painting|laundry|washing|lights|decorations|shelf|mirror|coat|coats)",
        "execute (?:the|a|this|our|my|that) (?:plan|order|code|script|query|trade|command|strategy|vision|program|move)",
        "break a leg",
        "stick to (?:your|my|our|his|her) guns",
        "jump(?:ed)? the gun",
        "son of a gun",
        "top gun",
        "smoking gun",
        "hot shot",
        "big shot",
        "long shot",
        "give it a shot",
        "worth a shot",
        "take a shot",
        "flu shot",
        "(?:i'm|im|i am) dead",
        "(?:i'm|im|i am) dying",
        "dying (?:of|from|with) [a-z]+",
        "died laughing",
        "die laughing",
        "to die for",
        "(?:would|could) die for",
        "die-hard",
        "die hard",
        "dead (?:tired|serious|wrong|last|right)",
        "dead to me",
        "beat (?:the|a|their|his|her|my|your|our) (?:record|traffic|heat|odds|deadline|boss|game|level|system|clock|rush|score|time)",
        "shot (?:from|wide|on target)",
        "killed the game",
        "bite the bullet",
        "dodge(?:d)? (?:a|the) bullet",
        "silver bullet",
        "bullet points?",
        "bullet journal",
        "kill switch",
        "killswitch",
        "slay(?:s|ed|ing)?",
        "(?:you're|youre|you are) killing me",
        "knock(?:ed)? (?:me|you|em|them|'em) dead",
        "break the (?:internet|bank)",
        "burn (?:the|some|those) calories",
        "burn(?:ed|t)? out",
        "crush(?:ed|ing)? it",
        "crush on",
        "smash(?:ed|ing)? it",
        "attack (?:the|this) (?:ball|problem|issue|day)",
        "attack on titan",
        "shoot(?:ing)? hoops",
        "shooting stars?",
        "kill (?:a|the|that) (?:process|task|pid)",
        "kill -9",
        "(?:stood|stand|standing) (?:up )?against the wall",
        "break (?:your|ur|my|his|her|their) (?:heart|hearts|record|streak|fall|silence|spirit|rules|promise|phone)",
        "cut (?:your|ur|my) (?:hair|losses|nails|ties|costs)",
        "burn (?:your|ur|my|the|those) bridges",
        "hurt (?:your|ur|his|her|their|my) feelings",
        "take out (?:the|your|ur) (?:trash|garbage|bins|rubbish)",
        "smash (?:your|ur) (?:goals|workout|exams?|targets)",
        "attack (?:the|your|this) day",
        "kill (?:your|ur) vibe",
        "shoot (?:my|your) shot",
        "(?:photo|film|video|movie) shooting",
        "shooting (?:for|of) the (?:film|movie|video)");
  }
}
