package io.vocedge.device.insights;

import io.vocedge.device.insights.RedactionTokens.Token;
import io.vocedge.device.insights.RedactionTokens.Type;
import io.vocedge.device.insights.model.LookupSets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Personal names said where the speech says a name is there: after a cue ("my name is", "this is X calling", "ask for
 * X", "mrs X", 我叫, 免贵姓, 找一下), before a title (王先生, 刘 经理: the surname goes, the title stays), a first name
 * followed by a surname ("victoria lindqvist"), a word spelled out letter by letter next to it ("patel p a t e l"),
 * a Chinese surname said by its parts (弓 长 张) or explained by a word (梦想 的 梦). A name is one to three words and
 * stops at a function word, a verb, a number or punctuation ({@link NameLists#STOP}); a word that is also an ordinary
 * word or a car make ("will", "grace", "lincoln") is never a name alone. One pass over the tokens, hash lookups only.
 */
final class SpokenNames {
    private static final String KIND = "name";

    /** How sure a cue is that a name follows: any word not in the stop list, or only a listed name. */
    private enum Strength {
        STRONG,
        /** A title (mr, mrs): any word, then only listed names ("mrs brown welcome back" is one word). */
        TITLE,
        LISTED,
        /**
         * A title that is also a word ("doctor", "miss", "dr" as in a street): a listed name, or a word that is no
         * English word ("dr obi", "doctor nwosu"), never an ordinary word ("i miss the old one").
         */
        HONORIFIC,
        /**
         * A cue that asks for a person ("speak to", "ask for"): a listed name, or a first name that is also a word when
         * the clause ends after it ("could i speak to grace in the service department", "ask for will please").
         */
        PERSON
    }

    private record Cue(String[] words, Strength strength) {}

    /** English cues by their first word. */
    private static final Map<String, List<Cue>> CUES = cues();

    private static Map<String, List<Cue>> cues() {
        Map<String, List<Cue>> m = new java.util.HashMap<>();
        String strong = "my name is|name is|name's|names is|the name is|name was|first name is|last name is"
                + "|surname is|first name|last name|surname|named|pronounced|under the name|booked under"
                + "|english name is|name of|in the name of|under the name of"
                + "|name on the card is|name on the card|name on card is|name on card|cardholder is|card holder is";
        String title = "mr|mrs|ms|mister|missus";
        String person = "ask for|speak to|speak with|talk to|talk with|asked for|spoke to|spoke with|is that|hold of"
                + "|put me through to";
        String honorific = "doctor|dr|miss|professor|prof";
        String listed = "this is|i'm|im|i am|it's|its|under|for|to|with|contact is|is"
                + "|me|partner|husband|wife|son|daughter|brother|sister|law|boss|friend|colleague|see|by|called"
                + "|customer|page|here's|hi|hey|thanks|dear|meet|tell|ask|that's|was|fiance|fiancee"
                + "|girlfriend|boyfriend|mother|father|mom|mum|dad|uncle|aunt|cousin|nephew|niece|grandson"
                + "|granddaughter|grandfather|grandmother|spoke|name|call me|driver|friend of"
                + "|contact|buyer|client|owner|technician|mechanic|advisor|adviser|salesman|saleswoman|salesperson"
                + "|neighbour|neighbor|receptionist|consultant|supervisor|engineer|valeter|call|ring|phone|email"
                + "|mate|pal|flatmate|housemate|stepson|stepdaughter|cheers|assistant|secretary";
        for (Strength s : Strength.values()) {
            String words = switch (s) {
                case STRONG -> strong;
                case TITLE -> title;
                case LISTED -> listed;
                case HONORIFIC -> honorific;
                case PERSON -> person;
            };
            for (String c : words.split("\\|")) {
                String[] w = c.split(" ");
                m.computeIfAbsent(w[0], k -> new ArrayList<>()).add(new Cue(w, s));
            }
        }
        m.replaceAll((k, v) -> List.copyOf(v));
        return Map.copyOf(m);
    }

    /** Vietnamese family names, said first ("nguyen van thanh"); the ones that are also words only written with capitals. */
    private static final Set<String> VIETNAMESE_SURNAMES = LookupSets.of(
            "nguyen", "tran", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "ngo", "duong", "trinh",
            "dinh", "truong", "le", "do", "ho");

    /** Korean family names as they are romanised, said first ("kim min jun", "park seo yeon"). */
    private static final Set<String> KOREAN_SURNAMES = LookupSets.of(
            "kim", "park", "lee", "choi", "jung", "kang", "cho", "yoon", "jang", "lim", "shin", "seo", "kwon", "hwang",
            "ahn", "yoo", "jeon", "moon", "bae", "baek", "oh", "ryu", "nam");

    /** Syllables of Korean given names, romanised: a given name is two of them ("min jun", "seo yeon"). */
    private static final Set<String> KOREAN_SYLLABLES = LookupSets.of(
            "min", "jun", "joon", "ji", "woo", "seo", "yeon", "hyun", "soo", "young", "yeong", "jin", "ho", "hee",
            "eun", "ha", "yun", "sung", "kyung", "hye", "seung", "dong", "jae", "won", "sang", "tae", "chul", "hoon",
            "bin", "mi", "na", "ra", "su", "da", "ah", "yeol", "gyu", "hwa", "kyu", "yong", "sook", "jeong", "hyeon");

    /**
     * A Korean name, family name first, then a given name of two syllables said apart: "kim min jun". Both syllables
     * must be Korean ones and at least one of them no English word ("park min jun", not "park in young ..."). The last
     * index, or -1.
     */
    private static int korean(List<Token> tokens, int i) {
        if (!KOREAN_SURNAMES.contains(tokens.get(i).lower()) || i + 2 >= tokens.size()) {
            return -1;
        }
        String a = tokens.get(i + 1).lower();
        String b = tokens.get(i + 2).lower();
        boolean syllables = tokens.get(i + 1).type() == Type.WORD
                && tokens.get(i + 2).type() == Type.WORD
                && KOREAN_SYLLABLES.contains(a)
                && KOREAN_SYLLABLES.contains(b)
                && !NameLists.STOP.contains(a)
                && !NameLists.STOP.contains(b)
                && !(NameLists.ENGLISH.contains(a) && NameLists.ENGLISH.contains(b));
        return syllables ? i + 2 : -1;
    }

    /** Middle and given names of Vietnamese names that are short or also English words ("van", "thi", "kim"). */
    private static final Set<String> VIETNAMESE_GIVEN = LookupSets.of(
            "van", "thi", "duc", "huu", "ngoc", "quoc", "minh", "thanh", "xuan", "kim", "anh", "nam", "hoa", "lan");

    /** Words an English name rule can start at: cue words, first names, pinyin surnames, "the" (the X family). */
    private static final Set<String> RELEVANT = relevant();

    private static Set<String> relevant() {
        Set<String> r = new HashSet<>(CUES.keySet());
        r.addAll(NameLists.FIRST);
        r.addAll(NameLists.FIRST_INTL);
        r.addAll(NameLists.AMBIGUOUS_FIRST);
        r.addAll(NameLists.PINYIN_SURNAMES);
        r.addAll(VIETNAMESE_SURNAMES);
        r.addAll(KOREAN_SURNAMES);
        r.add("the");
        return LookupSets.copyOf(r);
    }

    /** Surname particles that join the following word ("van der berg", "de la cruz"). */
    private static final Set<String> PARTICLES = LookupSets.of(
            "van", "von", "der", "den", "de", "del", "della", "la", "le", "da", "di", "du", "st", "mac", "bin", "al",
            "el", "ibn", "abu", "o", "ni", "nic", "mc", "ní", "ó");

    /** A surname particle ("van", "al", "ní"). */
    static boolean particle(String w) {
        return PARTICLES.contains(w);
    }

    /** Particles of Arabic names: what follows is a name whatever its ending ("al sayed", "bin rashed"). */
    private static final Set<String> ARABIC_PARTICLES = LookupSets.of("al", "el", "bin", "ibn", "abu");

    /** Endings that make an unlisted word a surname after a listed first name ("lindqvist", "brzezinski"). */
    private static final String[] SURNAME_ENDINGS = {
        "son", "sen", "ez", "ski", "ska", "sky", "cka", "czyk", "berg", "stein", "mann", "quist", "qvist", "ov", "ova",
        "enko", "ian", "yan", "opoulos", "ini", "etti", "elli", "ucci", "oglu", "wicz", "field", "worth", "ley", "ton",
        "ford"
    };

    /** Words before "to" / "at" that make what follows a place ("welcome to", "next to", "opposite to"). */
    private static final Set<String> PLACE_BEFORE = LookupSets.of("welcome", "next", "opposite", "close", "adjacent");

    /** Words after which a person asked for is complete: "speak to grace in service", "ask for will please". */
    private static final Set<String> CLAUSE_ENDS = LookupSets.of(
            "please", "in", "at", "from", "on", "about", "here", "there", "today", "thanks", "when", "if", "who");

    /** Family and work relations: a listed first name may follow them after a comma. */
    private static final Set<String> KIN = LookupSets.of(
            "driver",
            "partner",
            "husband",
            "wife",
            "son",
            "daughter",
            "brother",
            "sister",
            "boss",
            "friend",
            "colleague",
            "fiance",
            "fiancee",
            "girlfriend",
            "boyfriend",
            "mother",
            "father",
            "mom",
            "mum",
            "dad",
            "uncle",
            "aunt",
            "cousin",
            "nephew",
            "niece",
            "grandson",
            "granddaughter",
            "grandfather",
            "grandmother",
            "neighbour",
            "neighbor",
            "mate",
            "pal",
            "flatmate",
            "assistant",
            "secretary",
            "housemate",
            "stepson",
            "stepdaughter");

    private static final Set<String> FILLERS = LookupSets.of("uh", "um", "er", "erm", "like", "sorry", "oh", "-", ",");

    private SpokenNames() {}

    static List<SpokenNumbers.Found> find(List<Token> tokens) {
        List<SpokenNumbers.Found> out = new ArrayList<>();
        Set<String> found = new HashSet<>();
        boolean han = false;
        for (Token t : tokens) {
            if (t.type() == Type.HAN) {
                han = true;
                break;
            }
        }
        english(tokens, out, found, han);
        WrittenNames.find(tokens, out, found);
        spelledEcho(tokens, out, found, han && ChineseNames.nameTalk(tokens));
        if (han) {
            ChineseNames.find(tokens, out, found);
        }
        if (!found.isEmpty()) {
            joinedBefore(tokens, out, found);
            corrections(tokens, out, found);
            again(tokens, out, found);
        }
        return out;
    }

    private static void english(List<Token> tokens, List<SpokenNumbers.Found> out, Set<String> found, boolean han) {
        int n = tokens.size();
        int i = 0;
        while (i < n) {
            Token t = tokens.get(i);
            if (t.type() != Type.WORD) {
                i++;
                continue;
            }
            if (i + 2 < n && PERSON_ACTS.contains(tokens.get(i + 2).lower()) && !RELEVANT.contains(t.lower())) {
                int e = unlistedPair(tokens, i, out, found); // "taras shevchuk rang", "venkatesh iyer from accounts"
                if (e > i) {
                    i = e;
                    continue;
                }
            }
            if (owner(tokens, i)) {
                add(tokens, i, i, out, found); // "returning Liam's call", "forwarded Rashid's email"
                i++;
                continue;
            }
            if (i + 1 < n
                    && absent(tokens, i + 1) // first: two string compares rule out almost every word
                    && !RELEVANT.contains(t.lower())
                    && capitalised(t.raw())
                    && foreignAlone(base(t))) {
                add(tokens, i, i, out, found); // "Sat shift: Kasia off sick"
                i++;
                continue;
            }
            if (i > 0 && !RELEVANT.contains(t.lower())) {
                i++; // one lookup for most words: no cue, no first name, no pinyin surname
                continue;
            }
            int end = -1;
            List<Cue> cues = CUES.get(t.lower());
            if (cues != null) {
                boolean shop = i > 0 && PLACE_BEFORE.contains(tokens.get(i - 1).lower()) && (t.is("to") || t.is("at"));
                for (Cue c : cues) {
                    if (!shop && matches(tokens, i, c.words())) { // "welcome to harvey's", "next to ted baker": shops
                        int e = name(tokens, i + c.words().length, c.strength(), out, found);
                        if (e > end) {
                            end = e;
                        }
                    }
                }
            }
            if (end < 0 && i == 0 && n > 1 && tokens.get(1).is("here")) {
                end = name(tokens, 0, Strength.LISTED, out, found); // "kenji here, ..." opening a call
            }
            if (end < 0) {
                end = pair(tokens, i, out, found);
            }
            if (end < 0) {
                end = beforeVerb(tokens, i, out, found);
            }
            if (end < 0 && han) {
                end = pinyin(tokens, i, out, found);
            }
            if (end < 0 && t.is("the") && i + 2 < n && tokens.get(i + 2).is("family")) {
                String w = base(tokens.get(i + 1)); // "the wallace family"
                if (NameLists.SURNAMES.contains(w) && !NameLists.AMBIGUOUS.contains(w)) {
                    add(tokens, i + 1, i + 1, out, found);
                    end = i + 2;
                }
            }
            i = end > i ? end : i + 1;
        }
    }

    private static boolean matches(List<Token> tokens, int i, String[] words) {
        if (i + words.length > tokens.size()) {
            return false;
        }
        for (int k = 0; k < words.length; k++) {
            Token t = tokens.get(i + k);
            if (t.type() != Type.WORD || !t.lower().equals(words[k])) {
                return false;
            }
        }
        return true;
    }

    /** The lookup form of a word: lower case, a possessive "'s" dropped ("gutierrez's"). */
    static String base(Token t) {
        String w = t.lower();
        return w.endsWith("'s") && w.length() > 3 ? w.substring(0, w.length() - 2) : w;
    }

    static boolean listed(String w) {
        return (NameLists.FIRST.contains(w) || NameLists.FIRST_INTL.contains(w) || NameLists.SURNAMES.contains(w))
                && !NameLists.AMBIGUOUS.contains(w)
                && !PLACES_AND_MODELS.contains(w) // "we moved to dayton": a weak cue before a place
                && !NameLists.VEHICLES.contains(w); // "ask for hud", "speak to kia": a car word
    }

    private static boolean nameShaped(String w) {
        if (!NameLists.FIRST.contains(w)
                && !NameLists.SURNAMES.contains(w)
                && (w.length() > 5 && w.endsWith("ing")
                        || w.length() > 4 && (w.endsWith("ed") || w.endsWith("ly"))
                        || w.length() > 6 && ABSTRACT_ENDINGS.matcher(w).find())) {
            // "to david regarding", "this is sarah speaking", "in the name of fairness": a verb, an adverb or an
            // abstract noun, no surname
            return false;
        }
        return w.length() >= 2 && !NameLists.STOP.contains(w) && SpokenNumbers.digitsOf(w) == null && lettersOnly(w);
    }

    /**
     * A word of three letters or more that is no English word, no car word and shaped like a name ("hargreaves",
     * "obi", "seun"): a name where a cue for a person or a listed name stands next to it. The recognizer writes only
     * words its vocabulary has, so in its text such a word is a name, a brand or a place.
     */
    static boolean foreign(String w) {
        return w.length() >= 3
                && (nameShaped(w) || NameLists.pinyinName(w)) // "yuting" is no verb in -ing
                && !NameLists.AMBIGUOUS.contains(w)
                && !NameLists.VEHICLES.contains(w)
                && !NameLists.BUSINESSES.contains(w)
                && !NameLists.INFORMAL.contains(w)
                && !tripled(w)
                && hasVowel(w) // "hsbc", "bmw": letters said as letters, no name
                && !PLACES_AND_MODELS.contains(w)
                && !NameLists.ENGLISH.contains(w)
                && !contraction(w);
    }

    /**
     * A word that is no English word standing alone where a person is named (after "ask for", "dr", "not", "and"):
     * not two English words written as one either ("ask for airbags"). After a listed first name, where a surname is
     * expected, {@link #foreign} alone decides ("tom fairweather").
     */
    static boolean foreignAlone(String w) {
        return foreign(w) && !compound(w);
    }

    /**
     * Two English words of three letters or more written as one, seven letters or more in all: "airbags", "foglights",
     * "dashcam", "bluetooth" - a thing's name the word list lacks, no person's ("haddad" is too short to be read so).
     */
    private static boolean compound(String w) {
        if (w.length() < 7) {
            return false;
        }
        for (int cut = 3; cut <= w.length() - 3; cut++) {
            if (NameLists.ENGLISH.contains(w.substring(0, cut)) && NameLists.ENGLISH.contains(w.substring(cut))) {
                return true;
            }
        }
        return false;
    }

    /** A letter three times running: "ermmm", "sooo", "hmmm" - drawn-out speech, no name. */
    private static boolean tripled(String w) {
        for (int i = 2; i < w.length(); i++) {
            if (w.charAt(i) == w.charAt(i - 1) && w.charAt(i) == w.charAt(i - 2)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasVowel(String w) {
        for (int i = 0; i < w.length(); i++) {
            if ("aeiouy".indexOf(w.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Endings a recognizer writes without the apostrophe: "shouldnt", "youre", "whoevers", "theyll", "itd". */
    private static final String[] CONTRACTED = {"nt", "re", "ve", "ll", "s", "d", "m"};

    /** An English word with a contraction or a possessive written on without its apostrophe. */
    private static boolean contraction(String w) {
        int apostrophe = w.indexOf('\'');
        if (apostrophe > 0) { // written with it: "we'd", "could've", "hadn't" (not "o'leary": "o" is no word)
            String head = w.endsWith("n't") ? w.substring(0, w.length() - 3) : w.substring(0, apostrophe);
            return NameLists.ENGLISH.contains(head) || NameLists.STOP.contains(w);
        }
        for (String e : CONTRACTED) {
            if (w.length() > e.length() + 1
                    && w.endsWith(e)
                    && NameLists.ENGLISH.contains(w.substring(0, w.length() - e.length()))) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.regex.Pattern ABSTRACT_ENDINGS =
            java.util.regex.Pattern.compile("(?:ness|ment|tion|sion|ity|ance|ence|ship|ism)$");

    private static boolean lettersOnly(String w) {
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c == '\'' || c == '-' || RedactionTokens.isWordLetter(c))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The name starting at token {@code j} after a cue of {@code strength}: its end (exclusive token index) after
     * adding its span to {@code out}, or -1 when no name is there.
     */
    private static int name(
            List<Token> tokens, int j, Strength strength, List<SpokenNumbers.Found> out, Set<String> found) {
        int n = tokens.size();
        while (j < n
                && strength == Strength.STRONG
                && FILLERS.contains(tokens.get(j).lower())) {
            j++;
        }
        if (j + 1 < n
                && j > 0
                && (tokens.get(j).is(":")
                        || tokens.get(j).is("-")
                        || tokens.get(j).is("(")
                        || strength == Strength.TITLE && tokens.get(j).is("."))
                && tokens.get(j + 1).type() == Type.WORD) {
            j++; // a field ("Customer: Priya ...", "Contact - Mateus ...") or a title's full stop ("Mr. Adeyemi")
        }
        if (strength == Strength.LISTED
                && j + 1 < n
                && j > 0
                && tokens.get(j).is(",")
                && KIN.contains(tokens.get(j - 1).lower())) {
            j++; // "registered to my father, james achebe": the name as an aside
        }
        if (j >= n || tokens.get(j).type() != Type.WORD) {
            return -1;
        }
        int first = j;
        while (j < n - 1
                && PARTICLES.contains(tokens.get(j).lower())
                && tokens.get(j + 1).type() == Type.WORD) {
            j++; // "mrs van der berg"
        }
        String w = base(tokens.get(j));
        if (j > 0 && tokens.get(j - 1).is("named") && NameLists.ENGLISH.contains(w) && !listed(w)) {
            return -1; // "both as named drivers": "named" before a plural noun, no name
        }
        boolean anyWord = strength == Strength.STRONG || strength == Strength.TITLE;
        boolean ok =
                anyWord ? nameShaped(w) && !NameLists.AMBIGUOUS.contains(w) || NameLists.FIRST.contains(w) : listed(w);
        if (!ok && (strength == Strength.PERSON || strength == Strength.HONORIFIC)) {
            // "ask for hoang", "dr obi"; not "price", not "speak to santander"
            ok = surname(w) && !NameLists.ENGLISH.contains(w) && !NameLists.BUSINESSES.contains(w) || foreignAlone(w);
        }
        if (!ok && strength == Strength.LISTED && j > 0 && foreignAlone(w) && j + 1 < n) {
            ok = askedAbout(
                    tokens.get(j - 1).lower(), tokens.get(j + 1).lower()); // "is seun around", "tell thanh that"
        }
        if (!ok && strength == Strength.LISTED && kinBefore(tokens, j) && foreignAlone(w)) {
            // "his cousin Obinna wants": a word no list or dictionary holds after a relation
            // not "my cousin Dubai trip"; "my wife Thandi on 07700 ...": reached on a number
            ok = personFollows(tokens, j + 1) || reachedOn(tokens, j + 1);
        }
        if (!ok && strength == Strength.PERSON && NameLists.AMBIGUOUS_FIRST.contains(w)) {
            ok = j + 1 >= n
                    || tokens.get(j + 1).type() == Type.PUNCT
                    || CLAUSE_ENDS.contains(tokens.get(j + 1).lower());
        }
        if (!ok && strength == Strength.LISTED && j + 1 < n && tokens.get(j + 1).type() == Type.WORD) {
            // an unlisted first name before a surname after a weak cue: a listed one of another country ("this is
            // vikash patel"), or in written text any surname-shaped one with both words capitalised ("Signed by Lucía
            // Fernández"); never a place's first word ("to Fort Worth", "to New Hampton")
            String next = base(tokens.get(j + 1));
            ok = !PLACE_STARTS.contains(w)
                    && !PLACES_AND_MODELS.contains(next)
                    && nameShaped(w)
                    && !NameLists.AMBIGUOUS.contains(w)
                    && (NameLists.SURNAMES_INTL.contains(next)
                            || surname(next) && !NameLists.ENGLISH.contains(next) // "under priyanka sharma"
                            // "its yuki tanaka": after a naming cue only (not "the salesman habla español")
                            || foreign(w)
                                    && foreign(next)
                                    && w.length() >= 4
                                    && next.length() >= 4
                                    && j > 0
                                    && NAMING_CUE_ENDS.contains(
                                            tokens.get(j - 1).lower())
                            || capitalisedPair(tokens.get(j), tokens.get(j + 1))
                                    && (surname(next) || surnameShaped(next)));
        }
        if (!ok
                && strength == Strength.LISTED
                && NameLists.WORD_FIRST.contains(w)
                && (kinBefore(tokens, j)
                        || signedBy(tokens, j)
                        || calledFrame(tokens, j)
                        || introducedFrom(tokens, j))) {
            // "my daughter grace wants", "for my son will he's seventeen": not "my daughter will drive it"
            ok = personFollows(tokens, j + 1);
            if (ok) {
                add(tokens, j, j, out, found);
                return j + 1;
            }
        }
        if (!ok && anyWord && NameLists.AMBIGUOUS.contains(w)) {
            ok = !SpokenNumbers.isSpelledLetter(tokens.get(j)); // "my name is june"
        }
        if (!ok || w.length() < 2) {
            return -1;
        }
        int last = j;
        int words = 1;
        int k = j + 1;
        while (words < 3 && k < n && !tokens.get(last).lower().endsWith("'s")) {
            Token t = tokens.get(k);
            if (t.type() != Type.WORD) {
                break;
            }
            String v = base(t);
            boolean more;
            if (PARTICLES.contains(v) && k + 1 < n && tokens.get(k + 1).type() == Type.WORD) {
                String after = base(tokens.get(k + 1));
                more = listedOrShaped(after)
                        || ARABIC_PARTICLES.contains(v) // "fatima al sayed": no verb in -ed after "al"
                                && lettersOnly(after)
                                && after.length() >= 3
                                && !NameLists.STOP.contains(after)
                                && !NameLists.ENGLISH.contains(after);
                if (more) {
                    k++;
                    v = base(tokens.get(k));
                }
            } else if (listed(v) || surname(v) && !NameLists.STOP.contains(v)) {
                more = true;
            } else if ((listedName(base(tokens.get(last))) || foreign(base(tokens.get(last))))
                    && foreign(v)
                    && (v.length() >= 4 || words == 2)) { // "its adaeze nwosu": two words no list or dictionary holds
                more = !SpokenNumbers.isSpelledLetter(t); // "booked by tom hargreaves", "it's fatima zahra benali"
            } else {
                // an unlisted surname: after "my name is" any name-shaped word, after a listed first name only a
                // surname-shaped one ("is priya around" is no surname) or, in written text, a capitalised one
                // ("This is Hannah Pryce calling")
                boolean capitals = capitalisedPair(tokens.get(j), t);
                more = words == 1
                        && (strength == Strength.STRONG
                                || NameLists.FIRST.contains(w) && (surnameShaped(v) || capitals)
                                || strength == Strength.TITLE && capitals
                                || strength == Strength.LISTED && capitals && surnameShaped(v))
                        && nameShaped(v)
                        && !NameLists.AMBIGUOUS.contains(v)
                        && !SpokenNumbers.isSpelledLetter(t);
            }
            if (!more) {
                break;
            }
            last = k;
            words++;
            k++;
        }
        last = Math.max(
                hyphenated(tokens, last), Math.max(korean(tokens, j), vietnamese(tokens, j))); // "under kim seo yeon"
        add(tokens, first, last, out, found);
        return coordinated(tokens, last + 1, out, found);
    }

    /** A listed first name or surname of any country. */
    private static boolean listedName(String w) {
        return listed(w) || surname(w);
    }

    /** Possessives before a family or work relation: "my daughter", "the customer's wife". */
    private static final Set<String> KIN_OWNERS =
            LookupSets.of("my", "our", "his", "her", "your", "their", "customer's");

    /** What follows a relation's first name that is also a word: "my daughter grace wants", "my son will he's". */
    private static final Set<String> AFTER_KIN_NAME = LookupSets.of(
            "he's",
            "she's",
            "he",
            "she",
            "who",
            "who's",
            "is",
            "was",
            "has",
            "had",
            "said",
            "says",
            "told",
            "wants",
            "wanted",
            "needs",
            "loves",
            "likes",
            "and",
            "starts",
            "started",
            "turned",
            "reckons",
            "thinks",
            "drives",
            "might",
            "may",
            "can",
            "could",
            "would",
            "should",
            "will",
            "won't",
            "can't",
            "he'll",
            "she'll",
            "from",
            "yesterday",
            "today",
            "earlier");

    /** A capitalised name after "by": "ID checked by Holly.", "Signed off by Hazel." */
    private static boolean signedBy(List<Token> tokens, int j) {
        return j > 0 && tokens.get(j - 1).is("by") && capitalised(tokens.get(j).raw());
    }

    /** Who is said to be "called" something: "someone called will", "a lady called grace", "my husband's called bill". */
    private static final Set<String> CALLED_OWNERS = LookupSets.of(
            "someone",
            "somebody",
            "guy",
            "bloke",
            "lady",
            "man",
            "woman",
            "girl",
            "chap",
            "fella",
            "fellow",
            "lad",
            "is",
            "was",
            "he's",
            "she's");

    private static boolean calledFrame(List<Token> tokens, int j) {
        if (j < 2 || !(tokens.get(j - 1).is("called") || tokens.get(j - 1).is("named"))) {
            return false;
        }
        String owner = tokens.get(j - 2).lower();
        return CALLED_OWNERS.contains(owner)
                || owner.endsWith("'s") && KIN.contains(owner.substring(0, owner.length() - 2));
    }

    /** A speaker naming themselves with where they are from: "this is hope from lloyds", "it's jack from the team". */
    private static boolean introducedFrom(List<Token> tokens, int j) {
        if (j < 1 || j + 1 >= tokens.size() || !tokens.get(j + 1).is("from")) {
            return false;
        }
        if (!(fromDepartment(tokens, j + 1) || j + 2 < tokens.size() && fromFirm(base(tokens.get(j + 2))))) {
            return false; // "it's grace from god", "this is hope from the heart"
        }
        String cue = tokens.get(j - 1).lower();
        return cue.equals("it's")
                || cue.equals("its")
                || cue.equals("i'm")
                || cue.equals("im")
                || cue.equals("is")
                        && j >= 2
                        && (tokens.get(j - 2).is("this") || tokens.get(j - 2).is("name"));
    }

    /** A firm a caller is from: a listed business ("lloyds") or a word that is no English word ("zenith"). */
    private static boolean fromFirm(String w) {
        return NameLists.BUSINESSES.contains(w)
                || !NameLists.ENGLISH.contains(w) && !NameLists.STOP.contains(w) && lettersOnly(w) && w.length() >= 3;
    }

    /** What follows fits a person's name: the end, punctuation, or a word of {@link #AFTER_KIN_NAME}. */
    private static boolean personFollows(List<Token> tokens, int k) {
        return k >= tokens.size()
                || tokens.get(k).type() == Type.PUNCT && !tokens.get(k).is("'")
                || AFTER_KIN_NAME.contains(tokens.get(k).lower());
    }

    /** "on" or "at" and a number after a name: "my wife Thandi on 07700 ...", "my partner Hemi's on 021 ...". */
    private static boolean reachedOn(List<Token> tokens, int k) {
        return k + 1 < tokens.size()
                && (tokens.get(k).is("on") || tokens.get(k).is("at"))
                && (tokens.get(k + 1).type() == Type.DIGITS
                        || tokens.get(k + 1).is("+")
                        || SpokenNumbers.digitWordValue(tokens.get(k + 1).lower()) != null);
    }

    /** Whether the word before {@code j} is a relation owned by someone: "my daughter", "her husband". */
    private static boolean kinBefore(List<Token> tokens, int j) {
        return j >= 2
                && KIN.contains(tokens.get(j - 1).lower())
                && KIN_OWNERS.contains(tokens.get(j - 2).lower());
    }

    /** Last words of cues that name the speaker or someone: "this is", "it's", "i'm", "called". */
    private static final Set<String> NAMING_CUE_ENDS =
            LookupSets.of("is", "it's", "its", "i'm", "im", "am", "called", "name");

    /** Words after which a weak cue asks about a person: "is X around", "ask X to", "tell X that". */
    private static boolean askedAbout(String cue, String next) {
        return switch (cue) {
            case "is" -> next.equals("around");
            case "ask", "tell", "thank", "thanks", "remind", "page" -> ASKED_NEXT.contains(next);
            default -> false;
        };
    }

    private static final Set<String> ASKED_NEXT =
            LookupSets.of("and", "to", "that", "if", "whether", "about", "please");

    /**
     * A second person joined to a name just found ("ask priyanka and thanh to come over", "tom or seun"): a listed
     * name, or a word that is no English word. Returns the end of what was taken.
     */
    private static int coordinated(List<Token> tokens, int k, List<SpokenNumbers.Found> out, Set<String> found) {
        if (k + 1 >= tokens.size()
                || !(tokens.get(k).is("and")
                        || tokens.get(k).is("or")
                        || tokens.get(k).is("&"))
                || tokens.get(k + 1).type() != Type.WORD) {
            return k;
        }
        String w = base(tokens.get(k + 1));
        if (!(listedName(w) || foreignAlone(w))
                || NameLists.AMBIGUOUS.contains(w)
                || PLACES_AND_MODELS.contains(w)
                || NameLists.STOP.contains(w)) {
            return k;
        }
        int last = withSurname(tokens, k + 1); // "and tom hargreaves"
        add(tokens, k + 1, last, out, found);
        return last + 1;
    }

    /**
     * A person joined by "and" before a name found: "the buyers are sandeep and mrs okafor" (the forward case is {@link
     * #coordinated}). A listed name that is no English word, or a word that is no English word at all.
     */
    private static void joinedBefore(List<Token> tokens, List<SpokenNumbers.Found> out, Set<String> found) {
        for (int k = 1; k + 1 < tokens.size(); k++) {
            Token before = tokens.get(k - 1);
            if (!(tokens.get(k).is("and")
                            || tokens.get(k).is("or")
                            || tokens.get(k).is("&"))
                    || before.type() != Type.WORD
                    || tokens.get(k + 1).type() != Type.WORD
                    || !(found.contains(base(tokens.get(k + 1)))
                            || k + 2 < tokens.size()
                                    && TITLES.contains(tokens.get(k + 1).lower())
                                    && found.contains(base(tokens.get(k + 2))))) { // "ravindra and mrs okafor"
                continue;
            }
            String w = base(before);
            if ((listedName(w) && !NameLists.ENGLISH.contains(w) || foreignAlone(w))
                    && !found.contains(w)
                    && !NameLists.AMBIGUOUS.contains(w)
                    && !PLACES_AND_MODELS.contains(w)
                    && !NameLists.STOP.contains(w)) {
                add(tokens, k - 1, k - 1, out, found);
            }
        }
    }

    /**
     * The last index of a name whose first word is at {@code first}: the word after it too when that is a surname no
     * English word, or a word of four letters or more that is no English word ("tom hargreaves", "wojciech zielenski").
     */
    private static int withSurname(List<Token> tokens, int first) {
        if (first + 1 < tokens.size() && tokens.get(first + 1).type() == Type.WORD) {
            String v = base(tokens.get(first + 1));
            if (surname(v) && !NameLists.ENGLISH.contains(v) || foreign(v) && v.length() >= 4) {
                return first + 1;
            }
        }
        return first;
    }

    /**
     * Two words written with capitals in text that is not all capitals, the second no month or weekday: a first name
     * and its surname as a punctuating recognizer or a clerk writes them.
     */
    private static boolean capitalisedPair(Token first, Token second) {
        return capitalised(first.raw())
                && capitalised(second.raw())
                && !CALENDAR.contains(second.lower())
                && !NameLists.STOP.contains(second.lower());
    }

    static boolean capitalised(String raw) {
        return raw.length() >= 2 && Character.isUpperCase(raw.charAt(0)) && Character.isLowerCase(raw.charAt(1));
    }

    /** First words of place names shaped like a first name and surname ("Fort Worth", "East Boston", "San Carlos"). */
    private static final Set<String> PLACE_STARTS = LookupSets.of(
            "new", "east", "west", "north", "south", "fort", "port", "mount", "saint", "st", "san", "santa", "los",
            "las", "lake", "great", "little", "upper", "lower", "old", "glen", "palm", "green", "royal", "castle");

    private static final Set<String> CALENDAR = LookupSets.of(
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december");

    private static final Set<String> TITLES =
            LookupSets.of("mr", "mrs", "ms", "miss", "mister", "missus", "dr", "doctor", "prof", "professor");

    /** A Korean family name as romanised ("park", "choi"). */
    static boolean koreanSurname(String w) {
        return KOREAN_SURNAMES.contains(w);
    }

    /** A place or a car model named like a person ("devon", "aurora"). */
    static boolean placeOrModel(String w) {
        return PLACES_AND_MODELS.contains(w);
    }

    /** A surname, English or of another country ("wojcik", "rossi"), where a surname can follow: after a first name. */
    static boolean surname(String w) {
        return NameLists.SURNAMES.contains(w) || NameLists.SURNAMES_INTL.contains(w) && !PLACES_AND_MODELS.contains(w);
    }

    private static boolean listedOrShaped(String w) {
        return listed(w) || nameShaped(w) && !NameLists.AMBIGUOUS.contains(w);
    }

    /**
     * A Vietnamese name, family name first: "nguyen van thanh", "Le Hoang Nam". Two or three words, each after the
     * family name a Vietnamese given name or a word that is no English word. The last index, or -1.
     */
    private static int vietnamese(List<Token> tokens, int i) {
        String a = tokens.get(i).lower();
        if (!VIETNAMESE_SURNAMES.contains(a)) {
            return -1;
        }
        boolean written = NameLists.ENGLISH.contains(a) || a.equals("le"); // "Le", "Do", "Ho": only with capitals
        int last = i;
        while (last + 1 < tokens.size() && last - i < 2 && tokens.get(last + 1).type() == Type.WORD) {
            Token t = tokens.get(last + 1);
            String w = t.lower();
            boolean given = VIETNAMESE_GIVEN.contains(w) || NameLists.FIRST_INTL.contains(w) || foreign(w);
            if (!given || written && !capitalised(t.raw()) || NameLists.STOP.contains(w) && !w.equals("van")) {
                break;
            }
            last++;
        }
        return last > i && !(last == i + 1 && tokens.get(last).is("van")) ? last : -1;
    }

    /** A first name followed by a surname, without a cue: "victoria lindqvist is here", "june albright". */
    private static int pair(List<Token> tokens, int i, List<SpokenNumbers.Found> out, Set<String> found) {
        if (i + 1 >= tokens.size() || tokens.get(i + 1).type() != Type.WORD) {
            return -1;
        }
        int family = Math.max(vietnamese(tokens, i), korean(tokens, i)); // names said family name first
        if (family > i) {
            add(tokens, i, family, out, found);
            return family + 1;
        }
        String a = tokens.get(i).lower();
        String b = base(tokens.get(i + 1));
        // "june albright": a first name that is also a word counts only before a listed surname
        boolean firstIsName = NameLists.FIRST.contains(a) || NameLists.AMBIGUOUS_FIRST.contains(a);
        boolean otherFirst = !firstIsName && NameLists.FIRST_INTL.contains(a); // "thanh nguyen", "oluwaseun adebayo"
        // "chen yuting", "zhou xiaomei" in English text: a pinyin surname that is no English word, then a given name
        boolean pinyinFamily = !firstIsName && NameLists.PINYIN_SURNAMES.contains(a) && !NameLists.ENGLISH.contains(a);
        if (!(firstIsName || otherFirst || pinyinFamily)
                || a.equals(b) // "xie xie", "bye bye": a word said twice
                || NameLists.STOP.contains(b)
                || NameLists.AMBIGUOUS.contains(b)) {
            return -1;
        }
        if (i > 0 && tokens.get(i - 1).is("the") || tokens.get(i).lower().endsWith("'s")) {
            // "at the john lewis counter", "the ted baker shop": a business named after someone; "Anjali's walkaround"
            return -1;
        }
        boolean surname;
        if (pinyinFamily) {
            surname = foreign(b) && (b.length() >= 5 || NameLists.pinyinName(b)) || NameLists.PINYIN_GIVEN.contains(b);
        } else if (otherFirst) {
            // "thanh nguyen"; "Yaroslav Bondarenko"; "taras shevchuk rang twice"
            surname = surname(b)
                    || nameShaped(b) && surnameShaped(b)
                    || foreign(b)
                            && b.length() >= 5
                            && (capitalisedPair(tokens.get(i), tokens.get(i + 1))
                                    || i + 2 < tokens.size() && personAfter(tokens.get(i + 2)));
        } else {
            surname = surname(b)
                    || !NameLists.AMBIGUOUS.contains(a)
                            && nameShaped(b)
                            && (surnameShaped(b)
                                    || foreign(b)
                                            && b.length() >= 5
                                            // "Tom Hargreaves", "layla haddad is coming"
                                            && (capitalisedPair(tokens.get(i), tokens.get(i + 1))
                                                    || i + 2 < tokens.size() && personAfter(tokens.get(i + 2))));
        }
        if (!surname) {
            return -1;
        }
        if (i + 2 < tokens.size() && BUSINESS_AFTER.contains(tokens.get(i + 2).lower())) {
            return -1; // "the John Deere dealer", "arnold clark motors": a business named after someone
        }
        int last = i + 1;
        if (pinyinFamily
                && last + 1 < tokens.size()
                && NameLists.PINYIN_GIVEN.contains(tokens.get(last + 1).lower())) {
            last++; // "zhou jie lun": a given name of two syllables said apart
        } else if (last + 1 < tokens.size() && tokens.get(last + 1).type() == Type.WORD) {
            String c = base(tokens.get(last + 1)); // "Maria Fernanda Lopez": a second surname
            if (surname(c) && !NameLists.STOP.contains(c) && !NameLists.AMBIGUOUS.contains(c)) {
                last++;
            }
        }
        last = hyphenated(tokens, last);
        add(tokens, i, last, out, found);
        return coordinated(tokens, last + 1, out, found);
    }

    /** Words after a first name and surname that make them a business's name: "John Deere dealer". */
    private static final Set<String> BUSINESS_AFTER = LookupSets.of(
            "dealer",
            "dealers",
            "dealership",
            "motors",
            "garage",
            "store",
            "stores",
            "shop",
            "showroom",
            "ltd",
            "limited",
            "inc",
            "plc",
            "llc",
            "group",
            "tractor",
            "tractors",
            "partners",
            "&");

    /**
     * What only a person does, said right after a name: with no word of the name listed, nothing weaker will do ("este
     * precio is", "buay tahan already" are other languages).
     */
    private static final Set<String> PERSON_ACTS = LookupSets.of(
            "said",
            "says",
            "told",
            "rang",
            "phoned",
            "called",
            "emailed",
            "texted",
            "mentioned",
            "promised",
            "sold",
            "helped",
            "booked",
            "asked",
            "from");

    /** A word said right after a person's name: what they did ("rang", "said") or where they are from. */
    private static boolean personAfter(Token t) {
        return t.type() == Type.WORD && (PERSON_VERBS.contains(t.lower()) || t.is("from"));
    }

    /**
     * Two words that are no English word, the second a surname or another such word, right before what a person does:
     * "taras shevchuk rang twice", "layla haddad is coming" (a listed first name), "venkatesh iyer from accounts".
     */
    private static int unlistedPair(List<Token> tokens, int i, List<SpokenNumbers.Found> out, Set<String> found) {
        if (tokens.get(i + 1).type() != Type.WORD || i > 0 && tokens.get(i - 1).is("the")) {
            return -1;
        }
        String a = base(tokens.get(i));
        String b = base(tokens.get(i + 1));
        if (a.equals(b) || !foreign(a) || a.length() < 4) {
            return -1;
        }
        if (!(surname(b) && !NameLists.ENGLISH.contains(b) || foreign(b) && b.length() >= 4)) {
            return -1;
        }
        add(tokens, i, i + 1, out, found);
        return i + 2;
    }

    /**
     * The rest of a hyphenated name written on to the part found ("Mr. Al-Mansouri", "Seo-yeon Choi"): the last index.
     */
    static int hyphenated(List<Token> tokens, int last) {
        while (last + 2 < tokens.size()
                && tokens.get(last + 1).is("-")
                && tokens.get(last + 2).type() == Type.WORD
                && tokens.get(last).end() == tokens.get(last + 1).start()
                && tokens.get(last + 1).end() == tokens.get(last + 2).start()) {
            last += 2;
        }
        return last;
    }

    /**
     * In a line that names someone, the name it corrects or is corrected to: "no it's not kevin it's ...", "put it
     * under haddad no sorry ...": a listed name or a word that is no English word after "not" or "under".
     */
    private static void corrections(List<Token> tokens, List<SpokenNumbers.Found> out, Set<String> found) {
        for (int k = 0; k + 1 < tokens.size(); k++) {
            if (!(tokens.get(k).is("not") || tokens.get(k).is("under"))
                    || tokens.get(k + 1).type() != Type.WORD) {
                continue;
            }
            String w = base(tokens.get(k + 1));
            if (found.contains(w)
                    || !(listedName(w) && !NameLists.ENGLISH.contains(w) || foreignAlone(w))
                    || NameLists.AMBIGUOUS.contains(w)) {
                continue;
            }
            add(tokens, k + 1, withSurname(tokens, k + 1), out, found); // "not wojciech zielenski"
        }
    }

    /** Words before a first name that make it a product or a place: "the sierra", "a mercedes", "in dayton". */
    private static final Set<String> NOT_BEFORE_A_PERSON = LookupSets.of(
            "the", "a", "an", "our", "new", "old", "used", "in", "at", "from", "near", "to", "of", "my", "your", "his",
            "her", "their");

    /**
     * First names that are as often a place, a region or a car model; before a verb alone they are not taken as a
     * person (a cue still takes them: "my name is devon").
     */
    private static final Set<String> PLACES_AND_MODELS = LookupSets.of(
            "devon",
            "dayton",
            "victoria",
            "dakota",
            "aurora",
            "georgia",
            "carolina",
            "virginia",
            "austin",
            "dallas",
            "houston",
            "phoenix",
            "chester",
            "sydney",
            "adelaide",
            "charlotte",
            "savannah",
            "orlando",
            "regina",
            "augusta",
            "alexandria",
            "denver",
            "vienna",
            "india",
            "asia",
            "kent",
            "essex",
            "york",
            "raleigh",
            "cheyenne",
            "sierra",
            "montana",
            "nevada",
            "tennessee",
            "kentucky",
            "indiana",
            "florida",
            "alberta",
            "jersey",
            "chelsea",
            "brooklyn",
            "camden",
            "kingston",
            "preston",
            "darlington",
            "bristol",
            "lincoln",
            "cortina",
            "corolla",
            "camry",
            "celica",
            "mercedes",
            "tesla",
            "lexus",
            "clio",
            "megane",
            "fabia",
            "octavia",
            "astra",
            "vectra",
            "corsa",
            "fiesta",
            "sienna",
            "odyssey",
            "sonata",
            "elantra",
            "santa",
            "rio",
            "kona",
            "ioniq",
            "ibiza",
            "toledo",
            "granada",
            "cordoba",
            "capri",
            "scirocco",
            "golf",
            "polo",
            "jetta",
            "passat",
            "tiguan",
            "alhambra",
            "ateca",
            "kamiq",
            "karoq",
            "kodiaq",
            "yaris");

    /** What a person does, said right after their first name: "sarah will call you back", "tom said it was fine". */
    private static final Set<String> PERSON_VERBS = LookupSets.of(
            "will",
            "said",
            "says",
            "told",
            "rang",
            "phoned",
            "emailed",
            "texted",
            "mentioned",
            "promised",
            "explained",
            "sold",
            "helped",
            "showed",
            "gave",
            "offered",
            "quoted",
            "booked",
            "asked",
            "called",
            "tells",
            "reckons",
            "thinks",
            "thought",
            "knows",
            "knew",
            "wants",
            "wanted",
            "would",
            "could",
            "should",
            "can",
            "did",
            "didn't",
            "won't",
            "can't",
            "couldn't",
            "wouldn't",
            "never",
            "always",
            "just",
            "already",
            "is",
            "was",
            "has",
            "had");

    /** Departments and firms a colleague or a third party is "from": "priya from accounts", "tom from the bank". */
    private static final Set<String> DEPARTMENTS = LookupSets.of(
            "accounts",
            "finance",
            "parts",
            "service",
            "servicing",
            "sales",
            "reception",
            "admin",
            "marketing",
            "valeting",
            "bodyshop",
            "workshop",
            "warranty",
            "aftersales",
            "insurance",
            "insurer",
            "insurers",
            "bank",
            "lender",
            "hr",
            "payroll",
            "logistics",
            "delivery",
            "deliveries",
            "handover",
            "fleet");

    /**
     * The first index of a hyphenated name ending at {@code i} ("soo-jin"), with a family name said before it ("Kim
     * Soo-jin").
     */
    private static int hyphenStart(List<Token> tokens, int i) {
        int first = i;
        while (first >= 2
                && tokens.get(first - 1).is("-")
                && tokens.get(first - 2).type() == Type.WORD
                && tokens.get(first - 2).end() == tokens.get(first - 1).start()
                && tokens.get(first - 1).end() == tokens.get(first).start()) {
            first -= 2;
        }
        if (first < i
                && first >= 1
                && KOREAN_SURNAMES.contains(tokens.get(first - 1).lower())) {
            first--;
        }
        return first;
    }

    /** A name owning what only a person has: "Liam's call", "Anneliese's email" (not "Toyota's email"). */
    private static boolean owner(List<Token> tokens, int i) {
        if (i + 1 >= tokens.size() || !tokens.get(i).lower().endsWith("'s")) {
            return false;
        }
        String a = base(tokens.get(i));
        return POSSESSED.contains(tokens.get(i + 1).lower())
                && (listed(a) && !NameLists.ENGLISH.contains(a) || foreignAlone(a))
                && !NameLists.AMBIGUOUS.contains(a)
                && !NameLists.BUSINESSES.contains(a);
    }

    /** What a person's name owns in a note: "Liam's call", "Rashid's email", "Priya's booking". */
    private static final Set<String> POSSESSED = LookupSets.of(
            "call",
            "calls",
            "email",
            "emails",
            "message",
            "messages",
            "text",
            "voicemail",
            "booking",
            "appointment",
            "deposit",
            "order",
            "number",
            "mobile",
            "wife",
            "husband",
            "son",
            "daughter",
            "partner",
            "mum",
            "dad");

    private static final Set<String> ASKING_AUX =
            LookupSets.of("did", "has", "hasn't", "didn't", "will", "can", "could", "would", "should", "won't");
    private static final Set<String> CONTACT_ACTS =
            LookupSets.of("ring", "call", "phone", "text", "email", "reply", "come", "sign", "pay", "collect");

    /** "did oksana ring back", "can thanh call me": asked whether a person did or will do something. */
    private static boolean askedToAct(List<Token> tokens, int i) {
        return i > 0
                && i + 1 < tokens.size()
                && ASKING_AUX.contains(tokens.get(i - 1).lower())
                && CONTACT_ACTS.contains(tokens.get(i + 1).lower());
    }

    /** A staff member away or standing in: "off sick", "on leave", "covering", "is covering". */
    private static boolean absent(List<Token> tokens, int k) {
        if (k >= tokens.size()) {
            return false;
        }
        String w = tokens.get(k).lower();
        String next = k + 1 < tokens.size() ? tokens.get(k + 1).lower() : "";
        return w.equals("covering")
                || w.equals("off") && (next.equals("sick") || next.equals("today") || next.equals("work"))
                || w.equals("on") && (next.equals("leave") || next.equals("holiday") || next.equals("annual"));
    }

    /**
     * A given name of two parts joined by a hyphen, typed with a capital ("Ji-ho", "Seo-yeon", "Jean-Luc"): the index
     * of its second part, or -1. Each part two letters or more, no part a car, firm, function or ambiguous word, and at
     * least one part no English word ("Follow-Up", "Drop-Off", "T-Cross", "Mercedes-Benz" are none).
     */
    static int hyphenName(List<Token> tokens, int i) {
        if (i < 0
                || i + 2 >= tokens.size()
                || !tokens.get(i + 1).is("-")
                || tokens.get(i).type() != Type.WORD
                || tokens.get(i + 2).type() != Type.WORD
                || tokens.get(i).end() != tokens.get(i + 1).start()
                || tokens.get(i + 1).end() != tokens.get(i + 2).start()
                || !capitalised(tokens.get(i).raw())) {
            return -1;
        }
        String a = tokens.get(i).lower();
        String b = tokens.get(i + 2).lower();
        for (String part : new String[] {a, b}) {
            if (part.length() < 2
                    || !lettersOnly(part)
                    || NameLists.AMBIGUOUS.contains(part)
                    || NameLists.VEHICLES.contains(part)
                    || NameLists.BUSINESSES.contains(part)
                    || NameLists.STOP.contains(part)
                    || PLACES_AND_MODELS.contains(part)) {
                return -1;
            }
        }
        return NameLists.ENGLISH.contains(a) && NameLists.ENGLISH.contains(b) ? -1 : i + 2;
    }

    /** Whether "from" at {@code k} names a department: "from accounts", "from the insurer", "from our parts desk". */
    private static boolean fromDepartment(List<Token> tokens, int k) {
        if (k + 1 >= tokens.size() || !tokens.get(k).is("from")) {
            return false;
        }
        int d = k + 1;
        if (d + 1 < tokens.size()
                && (tokens.get(d).is("the")
                        || tokens.get(d).is("our")
                        || tokens.get(d).is("your"))) {
            d++;
        }
        if (DEPARTMENTS.contains(tokens.get(d).lower())) {
            return true;
        }
        for (int e = d; e < Math.min(tokens.size(), d + 3); e++) {
            if (TEAM_WORDS.contains(tokens.get(e).lower())) {
                return true; // "from the office", "from the leasing team", "from head office"
            }
            if (tokens.get(e).type() != Type.WORD) {
                return false;
            }
        }
        return false;
    }

    private static final Set<String> TEAM_WORDS =
            LookupSets.of("office", "team", "department", "dept", "desk", "branch");

    /**
     * A listed first name (not also a word) right before what a person does: "sarah will call you back", "priya
     * said", "says jason was rude".
     */
    private static int beforeVerb(List<Token> tokens, int i, List<SpokenNumbers.Found> out, Set<String> found) {
        if (i + 1 >= tokens.size() || tokens.get(i + 1).type() != Type.WORD) {
            return -1;
        }
        String a = base(tokens.get(i));
        boolean person = (listed(a) && !NameLists.ENGLISH.contains(a) || foreignAlone(a))
                && !NameLists.AMBIGUOUS.contains(a)
                && !NameLists.STOP.contains(a);
        if (person && !(i > 0 && NOT_BEFORE_A_PERSON.contains(tokens.get(i - 1).lower()))) {
            int last = withSurname(tokens, i);
            if (last == i && i + 2 < tokens.size() && foreign(base(tokens.get(i + 1)))) {
                last = i + 1; // "chidi eze from parts": a short surname, known by what follows
            }
            if (fromDepartment(tokens, last + 1)) {
                add(tokens, hyphenStart(tokens, i), last, out, found); // "deepak from accounts", "Kim Soo-jin from"
                return last + 1;
            }
        }
        if (person && (askedToAct(tokens, i) || absent(tokens, i + 1))) {
            add(tokens, i, i, out, found); // "did oksana ring back", "Niamh off sick, Connor covering"
            return i + 1;
        }
        if (!NameLists.FIRST.contains(a) || NameLists.AMBIGUOUS.contains(a) || NameLists.AMBIGUOUS_FIRST.contains(a)) {
            return -1;
        }
        if (PLACES_AND_MODELS.contains(a)) {
            return -1; // "devon was lovely", "the aurora is": places and models named like people
        }
        if (i > 0 && NOT_BEFORE_A_PERSON.contains(tokens.get(i - 1).lower())) {
            return -1; // "the sierra is", "a mercedes would": a product named like a person; "in dayton is": a place
        }
        if (!PERSON_VERBS.contains(tokens.get(i + 1).lower())) {
            return -1;
        }
        add(tokens, i, i, out, found);
        if (i >= 2 && (tokens.get(i - 1).is("and") || tokens.get(i - 1).is("or"))) {
            String w = base(tokens.get(i - 2)); // "siobhan and kwame will sign": both are the subject
            if (tokens.get(i - 2).type() == Type.WORD
                    && (listedName(w) && !NameLists.ENGLISH.contains(w) || foreignAlone(w))
                    && !NameLists.AMBIGUOUS.contains(w)
                    && !NameLists.STOP.contains(w)) {
                add(tokens, i - 2, i - 2, out, found);
            }
        }
        return i + 1;
    }

    /** A name in pinyin in a Chinese line: a surname and one or two given syllables ("lu xiao yu"). */
    private static int pinyin(List<Token> tokens, int i, List<SpokenNumbers.Found> out, Set<String> found) {
        if (!NameLists.PINYIN_SURNAMES.contains(tokens.get(i).lower())) {
            return -1;
        }
        int last = i;
        while (last + 1 < tokens.size()
                && last - i < 2
                && tokens.get(last + 1).type() == Type.WORD
                && NameLists.PINYIN_GIVEN.contains(tokens.get(last + 1).lower())) {
            last++;
        }
        if (last == i) {
            return -1;
        }
        add(tokens, i, last, out, found);
        return last + 1;
    }

    private static boolean surnameShaped(String w) {
        if (w.length() < 5) {
            return false;
        }
        if (w.startsWith("mc") || w.startsWith("o'") || w.startsWith("mac") && w.length() >= 6) {
            return true; // "fiona mackay", "siobhan o'leary"
        }
        for (String e : SURNAME_ENDINGS) {
            if (w.endsWith(e)) {
                return true;
            }
        }
        return false;
    }

    static void add(List<Token> tokens, int first, int last, List<SpokenNumbers.Found> out, Set<String> found) {
        first = hyphenStart(tokens, first); // "Min-jun Kim": never half a name
        if (first >= 3 && hyphenName(tokens, first - 3) == first - 1) {
            first -= 3; // "Ha-eun Seo": a hyphenated given name written before the family name
        }
        out.add(new SpokenNumbers.Found(
                tokens.get(first).start(), tokens.get(last).end(), KIND));
        for (int k = first; k <= last; k++) {
            String w = base(tokens.get(k));
            if (w.length() >= 2 && !PARTICLES.contains(w)) {
                found.add(w);
            }
        }
    }

    /**
     * A word spelled out next to itself ("patel p a t e l", "n o v a k novak", "m c as in charlie k e n n a mckenna",
     * "sierra india ... siobhan", "ben jamin b e n j a m i n"): people spell names, so both go. In a Chinese line that
     * talks of names (名, 姓, 拼音) any two letters or more are pinyin spelled out ("写 的 时候 是 o u y a n g").
     */
    private static void spelledEcho(
            List<Token> tokens, List<SpokenNumbers.Found> out, Set<String> found, boolean nameTalk) {
        int n = tokens.size();
        int i = 0;
        StringBuilder letters = new StringBuilder();
        while (i < n) {
            if (!SpokenNumbers.isSpelledLetter(tokens.get(i))) {
                i++;
                continue;
            }
            letters.setLength(0);
            int first = i;
            int last = i;
            int k = i;
            while (k < n) {
                Token t = tokens.get(k);
                if (SpokenNumbers.isSpelledLetter(t)) {
                    String l = t.lower();
                    letters.append(l.charAt(0)); // a letter, or a NATO word's first letter
                    last = k;
                    k++;
                } else if (t.is("as") && k + 2 < n && tokens.get(k + 1).is("in")) {
                    last = k + 2; // "s as in sam": the aid names the letter just said
                    k += 3;
                } else {
                    break;
                }
            }
            if (letters.length() >= 2) {
                String spelled = letters.toString();
                // a name found already, or pinyin letters in a Chinese line that talks of names (英文 名, 拼音)
                int match = found.contains(spelled) || nameTalk ? first : echo(tokens, first, last, spelled);
                if (match >= 0) {
                    out.add(new SpokenNumbers.Found(
                            tokens.get(first).start(), tokens.get(last).end(), KIND));
                    found.add(spelled);
                    if (match < first && !base(tokens.get(match)).equals(spelled)) {
                        // "ben jamin": the two words the letters spell
                        out.add(new SpokenNumbers.Found(
                                tokens.get(match).start(), tokens.get(match + 1).end(), KIND));
                    }
                }
            }
            i = k;
        }
    }

    private static final int ECHO_WINDOW = 5;

    /** Index of a word within a few tokens of the letters that the letters spell (or two words joined), else -1. */
    private static int echo(List<Token> tokens, int first, int last, String spelled) {
        for (int k = Math.max(0, first - ECHO_WINDOW); k <= Math.min(tokens.size() - 1, last + ECHO_WINDOW); k++) {
            if (k >= first && k <= last) {
                continue;
            }
            Token t = tokens.get(k);
            if (t.type() != Type.WORD) {
                continue;
            }
            String w = base(t);
            if (w.equals(spelled)) {
                return k;
            }
            if (k + 1 < first
                    && tokens.get(k + 1).type() == Type.WORD
                    && spelled.equals(w + tokens.get(k + 1).lower())) {
                return k; // "ben jamin b e n j a m i n"
            }
        }
        return -1;
    }

    /** Every other mention of a name found in this utterance goes too ("fitzgerald f i t z ... fitzgerald"). */
    private static void again(List<Token> tokens, List<SpokenNumbers.Found> out, Set<String> found) {
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (t.type() == Type.WORD && found.contains(base(t))) {
                out.add(new SpokenNumbers.Found(t.start(), t.end(), KIND));
            }
        }
    }
}
