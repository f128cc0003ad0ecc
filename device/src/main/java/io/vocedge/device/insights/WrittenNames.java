package io.vocedge.device.insights;

import io.vocedge.device.insights.RedactionTokens.Token;
import io.vocedge.device.insights.RedactionTokens.Type;
import io.vocedge.device.insights.model.LookupSets;
import java.util.List;
import java.util.Set;

/**
 * Names in text staff type: a field label before a colon ("From: Yaroslav Bondarenko", "Callback: Sinéad Ní Bhriain"),
 * a heading addressed to someone ("Note from Deepak:", "Message for Liam:") and a sign-off ("Yours faithfully, Eleri
 * Price", "Thanks, Tomasz"). Typed text carries capitals, so a capitalised word that is no English word counts there;
 * a word of the English word list counts only when it is a listed first name that is no ordinary word too. A
 * recognizer's text (lower case, no colons, no commas) seldom reaches these rules; the spoken cues are in
 * {@link SpokenNames}.
 */
final class WrittenNames {
    /** Labels of a typed field that holds a person ("From:", "Test drive:", "Spelling:"). */
    private static final Set<String> FIELD_LABELS = LookupSets.of(
            "from",
            "to",
            "cc",
            "attn",
            "fao",
            "callback",
            "call-back",
            "drive",
            "spelling",
            "caller",
            "signed",
            "collected",
            "collection",
            "requested",
            "rep",
            "keeper",
            "driver",
            "owner",
            "buyer",
            "contact",
            "customer",
            "client",
            "name",
            "sender",
            "recipient",
            "attendee",
            "witness",
            "guarantor",
            "applicant",
            "hirer",
            "salesperson",
            "advisor",
            "adviser",
            "technician",
            "mechanic",
            // "Account holder:", "Cardholder:", "Payee:" on receipts, forms and bank details ("by:" is not one of them:
            // "Powered by: Shopify", "Sold by: Amazon")
            "holder",
            "cardholder",
            "payee",
            "payer",
            "purchaser",
            "consignee",
            "addressee",
            "beneficiary");

    /** What stands before the name of a heading: "Note from Deepak:", "Message for Liam:", "Handover to Ana:". */
    private static final Set<String> HEADING_LINKS = LookupSets.of("from", "for", "to", "by");

    /** What a heading addressed to someone is: "Note from", "Message for", "Reply to" (not "Transfer from Leeds:"). */
    private static final Set<String> HEADING_KINDS = LookupSets.of(
            "note",
            "notes",
            "message",
            "msg",
            "memo",
            "reply",
            "email",
            "e-mail",
            "text",
            "voicemail",
            "vm",
            "handover",
            "call",
            "callback",
            "request",
            "complaint",
            "feedback",
            "lead",
            "enquiry",
            "inquiry",
            "chat");

    /** Roles that stand right before a name in a heading: "Agent Chloe:", "Advisor Tom:". */
    private static final Set<String> HEADING_ROLES =
            LookupSets.of("agent", "advisor", "adviser", "rep", "tech", "technician", "driver");

    /** Sign-offs, by last word; the words before it are checked in {@link #signOffStart}. */
    private static final Set<String> SIGN_OFF_ENDS = LookupSets.of(
            "faithfully", "sincerely", "truly", "regards", "thanks", "cheers", "wishes", "best", "ta", "you");

    private static final Set<String> REGARDS_BEFORE = LookupSets.of("kind", "best", "warm", "warmest");
    private static final Set<String> THANKS_BEFORE = LookupSets.of("many", "big");

    private WrittenNames() {}

    static void find(List<Token> tokens, List<SpokenNumbers.Found> out, Set<String> found) {
        int n = tokens.size();
        for (int c = 1; c + 1 < n; c++) {
            if (!tokens.get(c).is(":") || !fieldStart(tokens, c - 1)) {
                continue;
            }
            String label = tokens.get(c - 1).lower();
            if (FIELD_LABELS.contains(label) && capitalisedText(tokens)) {
                take(tokens, c + 1, out, found); // "From: Yaroslav Bondarenko. Subject: ..."
            }
        }
        for (int c = 2; c < n; c++) {
            // "Note from Deepak:", "Message for Priyanka Rao:", "Agent Chloe:": a name closing a heading
            if (!tokens.get(c).is(":")) {
                continue;
            }
            for (int link = c - 2; link >= Math.max(0, c - 3); link--) {
                String word = tokens.get(link).lower();
                // anywhere in the text: "um so yeah Note from Deepak: ..." is as much a heading
                boolean heading = HEADING_LINKS.contains(word)
                                && link > 0
                                && HEADING_KINDS.contains(tokens.get(link - 1).lower())
                        || HEADING_ROLES.contains(word);
                if (heading && written(tokens, link + 1) && end(tokens, link + 1) == c - 1) {
                    take(tokens, link + 1, out, found);
                    break;
                }
            }
        }
        signOff(tokens, out, found);
    }

    /** The text has capitals and lower case both: typed, not shouted and not a recognizer's lower case. */
    private static boolean capitalisedText(List<Token> tokens) {
        for (Token t : tokens) {
            if (t.type() == Type.WORD && SpokenNames.capitalised(t.raw())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the label ending at {@code last} starts a field: it opens the text or follows punctuation, or it is
     * typed with a capital ("um so yeah From: ...", "ok Test drive: ...").
     */
    private static boolean fieldStart(List<Token> tokens, int last) {
        return clauseStart(tokens, last, 2)
                || upperFirst(tokens.get(last))
                || last > 0 && tokens.get(last - 1).type() == Type.WORD && upperFirst(tokens.get(last - 1));
    }

    private static boolean upperFirst(Token t) {
        return t.type() == Type.WORD && Character.isUpperCase(t.raw().charAt(0));
    }

    /** Whether the {@code words} tokens ending at {@code last} open the text or follow punctuation. */
    private static boolean clauseStart(List<Token> tokens, int last, int words) {
        for (int k = last; k >= 0 && k > last - words; k--) {
            if (tokens.get(k).type() != Type.WORD) {
                return false;
            }
            if (k == 0 || tokens.get(k - 1).type() == Type.PUNCT) {
                return true;
            }
        }
        return false;
    }

    /** A word that can open a typed name: a listed name that is no ordinary word, or a capitalised non-word. */
    private static boolean written(List<Token> tokens, int i) {
        return written(tokens.get(i)) || SpokenNames.hyphenName(tokens, i) > i; // "Ji-ho Park"
    }

    private static boolean written(Token t) {
        if (t.type() != Type.WORD) {
            return false;
        }
        String w = SpokenNames.base(t);
        if (NameLists.AMBIGUOUS.contains(w)
                || NameLists.STOP.contains(w)
                || NameLists.BUSINESSES.contains(w)
                || SpokenNames.placeOrModel(w)) {
            return false;
        }
        if (SpokenNames.listed(w) && !NameLists.ENGLISH.contains(w)) {
            return true;
        }
        return SpokenNames.capitalised(t.raw()) && SpokenNames.foreignAlone(w);
    }

    /** The last index of the typed name opening at {@code first}: up to three words, particles and hyphens. */
    private static int end(List<Token> tokens, int first) {
        return end(tokens, first, false);
    }

    /**
     * As {@link #end(List, int)}; {@code anyCapitalised} takes any capitalised word that is no function word as the
     * next part ("Imogen Hart" closing a sign-off, where nothing but a name can stand).
     */
    private static int end(List<Token> tokens, int first, boolean anyCapitalised) {
        int last = SpokenNames.hyphenated(tokens, first);
        int words = 1;
        while (words < 3 && last + 1 < tokens.size()) {
            int k = last + 1;
            Token t = tokens.get(k);
            if (t.type() != Type.WORD) {
                break;
            }
            String v = SpokenNames.base(t);
            boolean particle = k + 1 < tokens.size() && SpokenNames.particle(v) && written(tokens.get(k + 1));
            if (particle) {
                k++;
            } else if (!(written(t)
                    || SpokenNames.capitalised(t.raw())
                            && (SpokenNames.surname(v)
                                    || SpokenNames.koreanSurname(v)
                                    || anyCapitalised && !NameLists.STOP.contains(v)))) {
                break;
            }
            last = SpokenNames.hyphenated(tokens, k);
            words++;
        }
        return last;
    }

    private static void take(List<Token> tokens, int first, List<SpokenNumbers.Found> out, Set<String> found) {
        if (first < tokens.size() && written(tokens, first)) {
            SpokenNames.add(tokens, first, end(tokens, first), out, found);
        }
    }

    /**
     * "Yours faithfully, Eleri Price." closing a message: a sign-off, a comma, then a typed name that ends the text or is
     * followed by punctuation or a word without a capital ("Imogen Hart, Service Advisor", "Cheers, Gavin okay").
     */
    private static void signOff(List<Token> tokens, List<SpokenNumbers.Found> out, Set<String> found) {
        int n = tokens.size();
        for (int comma = 1; comma + 1 < n; comma++) {
            if (!tokens.get(comma).is(",")
                    || !SIGN_OFF_ENDS.contains(tokens.get(comma - 1).lower())
                    || !signOffStart(tokens, comma - 1)
                    || !written(tokens, comma + 1)) {
                continue;
            }
            int last = end(tokens, comma + 1, true);
            int next = last + 1;
            // the name ends where the next word is not capitalised: "Cheers, Gavin okay thanks", ", Service Advisor"
            if (next == n
                    || !(tokens.get(next).type() == Type.WORD
                            && SpokenNames.capitalised(tokens.get(next).raw()))) {
                SpokenNames.add(tokens, comma + 1, last, out, found); // "Kind regards, Imogen Hart, Service Advisor"
            }
        }
    }

    /** The sign-off ending at {@code last} opens its clause: "Kind regards", "Many thanks", "Thank you", "Cheers". */
    private static boolean signOffStart(List<Token> tokens, int last) {
        String w = tokens.get(last).lower();
        String before = last > 0 ? tokens.get(last - 1).lower() : "";
        int start = switch (w) {
            case "faithfully", "sincerely", "truly" -> before.equals("yours") ? last - 1 : -1;
            case "regards" -> REGARDS_BEFORE.contains(before) ? last - 1 : last;
            case "wishes" -> before.equals("best") ? last - 1 : -1;
            case "you" -> before.equals("thank") ? last - 1 : -1;
            case "thanks" -> THANKS_BEFORE.contains(before) ? last - 1 : last;
            default -> last;
        };
        return start >= 0 && (start == 0 || tokens.get(start - 1).type() == Type.PUNCT);
    }
}
