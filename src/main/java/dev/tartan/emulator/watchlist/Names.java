package dev.tartan.emulator.watchlist;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Name similarity as Plaid's "Watchlists and matching algorithms" page describes it, scored 0 to 100 so a
 * program's sensitivity (coarse 70, balanced 80, strict 90, exact 100) decides what is a hit.
 *
 * <p>Both names are normalised first: letters lower-cased, accents dropped, Cyrillic and Greek written in
 * Latin letters, punctuation and apostrophes removed, titles and honorifics dropped (individuals), legal forms
 * and filler words dropped and synonyms brought to one word (entities), and the common spellings of Arabic
 * prefixes made one ({@code Abdul}, {@code Abdel}, {@code Abd}). Words are then paired one to one, each pair
 * scoring 1 when equal and less for a nickname or synonym, an initial, a truncation, the same sound (a phonetic
 * key) or a misspelling (Jaro-Winkler). The score is twice the sum of the pairs over the number of words of both
 * names, so a missing middle name costs a fifth and a title nothing; an article left unpaired ({@code al},
 * {@code bin}) costs nothing; words run together ({@code MaryEllen}) and a changed order cost a point each.
 * Words in other scripts (Chinese, Arabic, ...) match only exactly, as the lists carry their aliases in those
 * scripts.
 */
final class Names {
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame",
            "madam", "phd", "jr", "sr", "esq", "ii", "iii", "iv", "hon", "rev");
    private static final Set<String> ARTICLES = Set.of("al", "el", "ul", "bin", "ibn", "bint");
    private static final Set<String> LEGAL_FORMS = Set.of("inc", "incorporated", "co", "company", "corp", "corporation", "llc",
            "ltd", "limited", "plc", "gmbh", "ag", "sa", "sarl", "srl", "bv", "nv", "oy", "ab", "jsc", "ojsc", "pjsc", "cjsc",
            "ooo", "oao", "zao", "llp", "lp", "pte", "pty", "kk", "fze", "fzco", "fzc", "sdn", "bhd", "spa", "sas");
    private static final Set<String> FILLERS = Set.of("the", "and", "of", "for", "de", "und");
    private static final Map<String, String> CANONICAL = new HashMap<>();

    static {
        // Nicknames and short forms (individuals).
        same("william", "will", "bill", "billy", "willy", "liam");
        same("robert", "rob", "bob", "bobby", "robbie");
        same("richard", "rick", "ricky", "dick", "rich");
        same("james", "jim", "jimmy", "jamie");
        same("joseph", "joe", "joey", "yusuf", "youssef", "yousef", "yosef");
        same("michael", "mike", "mick", "mikhail", "misha");
        same("alexander", "alex", "aleksandr", "alexandr", "sasha", "alexandre", "alessandro");
        same("aleksey", "alexei", "alexey", "aleksei", "alyosha");
        same("elizabeth", "liz", "beth", "betty", "eliza");
        same("margaret", "maggie", "meg", "peggy");
        same("thomas", "tom", "tommy");
        same("charles", "charlie", "chuck");
        same("edward", "ed", "eddie", "ted", "teddy");
        same("john", "jack", "johnny", "ivan", "juan", "giovanni");
        same("katherine", "kate", "katie", "kathy", "catherine", "ekaterina", "yekaterina");
        same("nicholas", "nick", "nicky", "nikolai", "nikolay");
        same("anthony", "tony");
        same("christopher", "chris");
        same("daniel", "dan", "danny");
        same("matthew", "matt");
        same("peter", "pete", "pyotr", "petr", "pierre", "pedro");
        same("samuel", "sam");
        same("stephen", "steven", "steve", "stefan");
        same("vladimir", "vova", "volodya");
        same("dmitry", "dmitri", "dmitriy", "dima");
        same("yevgeny", "evgeny", "evgeniy", "yevgeniy", "zhenya");
        same("muhammad", "mohammad", "mohammed", "mohamed", "muhammed", "mohamad", "muhamad", "mohd", "md");
        same("ahmad", "ahmed", "ahmet");
        same("husayn", "hussein", "husain", "hussain", "huseyin");
        // Synonyms (entities): "Eagle Pharmaceuticals" and "Eagle Drugs" name the same business.
        same("pharma", "pharmaceutical", "pharmaceuticals", "drug", "drugs", "medicines");
        same("electronic", "electronics");
        same("trade", "trading", "traders", "commerce", "commercial");
        same("shipping", "maritime", "marine", "navigation");
        same("bank", "banking", "bancorp");
        same("industry", "industries", "industrial");
        same("international", "intl");
        same("technology", "technologies", "tech");
        same("service", "services");
        same("television", "tv");
        same("development", "developments");
        same("investment", "investments", "invest");
        same("holding", "holdings");
        same("petroleum", "oil");
    }

    private Names() {
    }

    private static void same(String canonical, String... forms) {
        CANONICAL.put(canonical, canonical);
        for (String form : forms) {
            CANONICAL.put(form, canonical);
        }
    }

    /** A name ready to compare: its words as written (normalised), their canonical forms and their phonetic keys. */
    record Key(List<String> words, List<String> canonical, List<String> sounds) {
        boolean isEmpty() {
            return words.isEmpty();
        }

        int size() {
            return words.size();
        }
    }

    static Key key(Kind kind, String name) {
        List<String> words = new ArrayList<>();
        List<String> written = words(name);
        for (int i = 0; i + 1 < written.size(); i++) {
            if (written.get(i).equals("ph") && written.get(i + 1).equals("d")) {
                written.set(i, "phd"); // Ph.D.
                written.remove(i + 1);
            }
        }
        for (String word : written) {
            if (kind == Kind.INDIVIDUAL && TITLES.contains(word)) {
                continue;
            }
            if (kind == Kind.ENTITY && (LEGAL_FORMS.contains(word) || FILLERS.contains(word))) {
                continue;
            }
            words.add(arabicPrefix(word));
        }
        List<String> canonical = words.stream().map(w -> CANONICAL.getOrDefault(w, w)).toList();
        List<String> sounds = words.stream().map(Names::sound).toList();
        return new Key(List.copyOf(words), canonical, sounds);
    }

    /** {@code Abdul}, {@code Abdel}, {@code Abdoul}, {@code Abdur}: one spelling of "servant of". */
    private static String arabicPrefix(String word) {
        return switch (word) {
            case "abdul", "abdel", "abdal", "abdoul", "abdur", "abdol", "abdil" -> "abd";
            default -> word;
        };
    }

    /** The words of a name in lower-case Latin letters where it can be written so, without accents or punctuation. */
    static List<String> words(String name) {
        // Cyrillic first (й is not и with a mark), then accents go (Greek ό is ο), then Greek and the other letters.
        String cyrillicless = transliterate(name.toLowerCase(Locale.ROOT), true);
        String plain = transliterate(Normalizer.normalize(cyrillicless, Normalizer.Form.NFD).replaceAll("\\p{M}+", ""), false);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < plain.length(); ) {
            int c = plain.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\'' || c == '\u2019' || c == '\u2018' || c == '`' || c == '\u02BC' || c == '\u02BB') {
                continue; // Qa'ida and Qaida are the same word
            }
            if (Character.isLetterOrDigit(c)) {
                word.appendCodePoint(c);
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    private static final String[] CYRILLIC = {"a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
            "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"};
    private static final String[] GREEK = {"a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p", "r",
            "s", "s", "t", "y", "f", "ch", "ps", "o"};

    /**
     * Cyrillic (Russian, Belarusian, Ukrainian letters) in Latin letters when {@code cyrillic}, else Greek and the
     * Latin letters that are not a letter and an accent (ß, æ, ø, ł, ...); everything else as it is.
     */
    static String transliterate(String lower, boolean cyrillic) {
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (!cyrillic) {
                latin(c, out);
            } else if (c >= '\u0430' && c <= '\u044F') {
                out.append(CYRILLIC[c - '\u0430']);
            } else if (c == '\u0451' || c == '\u0454' || c == '\u044D') {
                out.append('e'); // ё, є, э
            } else if (c == '\u0456' || c == '\u0457') {
                out.append('i'); // і, ї
            } else if (c == '\u045E') {
                out.append('u'); // ў
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void latin(char c, StringBuilder out) {
        if (c >= '\u03B1' && c <= '\u03C9') {
            out.append(GREEK[c - '\u03B1']);
            return;
        }
        switch (c) {
            case '\u00DF' -> out.append("ss");
            case '\u00E6' -> out.append("ae");
            case '\u0153' -> out.append("oe");
            case '\u00F8' -> out.append('o');
            case '\u0142' -> out.append('l');
            case '\u0111', '\u00F0' -> out.append('d');
            case '\u00FE' -> out.append("th");
            case '\u0131' -> out.append('i');
            default -> out.append(c);
        }
    }

    private static boolean latin(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A phonetic key: the first letter, then the consonants by sound (b/p, c/k/q/g, d/t, f/v, s/z/x), vowels and
     * silent letters dropped, doubles made single. Rasheed and Rashid, Yusuf and Youssef, Ghermay and Germay share one.
     */
    static String sound(String word) {
        if (!latin(word) || word.isEmpty()) {
            return word;
        }
        String w = word.replace("sch", "sh").replace("ph", "f").replace("ck", "k").replace("kh", "h").replace("gh", "g")
                .replace("dh", "d").replace("th", "t").replace("sh", "s").replace("zh", "j").replace("ch", "c");
        StringBuilder key = new StringBuilder();
        key.append(w.charAt(0) == 'c' ? 'k' : w.charAt(0));
        char last = soundOf(w, 0);
        for (int i = 1; i < w.length(); i++) {
            char c = w.charAt(i);
            char s = soundOf(w, i);
            boolean vowel = "aeiouy".indexOf(c) >= 0;
            boolean silentH = c == 'h' && !(i + 1 < w.length() && "aeiouy".indexOf(w.charAt(i + 1)) >= 0
                    && "aeiouy".indexOf(w.charAt(i - 1)) >= 0);
            if (vowel || silentH || c == 'w') {
                last = 0;
                continue;
            }
            if (s != last) {
                key.append(s);
            }
            last = s;
        }
        return key.toString();
    }

    private static char soundOf(String w, int i) {
        char c = w.charAt(i);
        return switch (c) {
            case 'b', 'p' -> 'p';
            case 'k', 'q', 'g' -> 'k';
            case 'c' -> i + 1 < w.length() && "eiy".indexOf(w.charAt(i + 1)) >= 0 ? 's' : 'k';
            case 'd', 't' -> 't';
            case 'f', 'v' -> 'f';
            case 's', 'z', 'x' -> 's';
            default -> c;
        };
    }

    /** How alike two words are, 0 to 1. */
    static double similarity(Key a, int i, Key b, int j) {
        String x = a.words().get(i);
        String y = b.words().get(j);
        if (x.equals(y)) {
            return 1.0;
        }
        if (a.canonical().get(i).equals(b.canonical().get(j))) {
            return 0.95;
        }
        if (!latin(x) || !latin(y)) {
            return 0;
        }
        if (x.length() == 1 || y.length() == 1) {
            return x.charAt(0) == y.charAt(0) ? 0.8 : 0; // an initial
        }
        String sx = a.sounds().get(i);
        if (sx.length() >= 2 && sx.equals(b.sounds().get(j)) && x.charAt(0) == y.charAt(0)) {
            return 0.9;
        }
        if (Math.min(x.length(), y.length()) >= 3 && (x.startsWith(y) || y.startsWith(x))) {
            return 0.85; // truncated: McD, McDonald
        }
        double jw = jaroWinkler(x, y);
        return jw >= 0.88 ? Math.min(0.9, jw * 0.95) : 0;
    }

    /** The similarity of two names, 0 to 100. */
    static int score(Key query, Key listed) {
        if (query.isEmpty() || listed.isEmpty()) {
            return 0;
        }
        Joined joined = joinRunTogether(query, listed);
        Key q = joined.query();
        Key l = joined.listed();
        int m = q.size();
        int n = l.size();
        double[][] sim = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                sim[i][j] = similarity(q, i, l, j);
            }
        }
        // Greedy one-to-one pairing, best pairs first (names have a handful of words).
        int[] pairOf = new int[m];
        java.util.Arrays.fill(pairOf, -1);
        boolean[] taken = new boolean[n];
        double total = 0;
        for (int round = 0; round < Math.min(m, n); round++) {
            int bi = -1;
            int bj = -1;
            double best = 0;
            for (int i = 0; i < m; i++) {
                if (pairOf[i] >= 0) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    if (!taken[j] && sim[i][j] > best) {
                        best = sim[i][j];
                        bi = i;
                        bj = j;
                    }
                }
            }
            if (bi < 0) {
                break;
            }
            pairOf[bi] = bj;
            taken[bj] = true;
            total += best;
        }
        int counted = 0;
        for (int i = 0; i < m; i++) {
            if (pairOf[i] >= 0 || !ARTICLES.contains(q.words().get(i))) {
                counted++;
            }
        }
        for (int j = 0; j < n; j++) {
            if (taken[j] || !ARTICLES.contains(l.words().get(j))) {
                counted++;
            }
        }
        if (counted == 0) {
            return 0;
        }
        double score = 2 * total / counted - 0.01 * joined.joins() - (inOrder(pairOf) ? 0 : 0.01);
        return (int) Math.max(0, Math.min(100, Math.round(score * 100)));
    }

    private static boolean inOrder(int[] pairOf) {
        int last = -1;
        for (int j : pairOf) {
            if (j >= 0) {
                if (j < last) {
                    return false;
                }
                last = j;
            }
        }
        return true;
    }

    private record Joined(Key query, Key listed, int joins) {
    }

    /** Where one name writes two words as one (MaryEllen, Mary Ellen), the other's two words become one. */
    private static Joined joinRunTogether(Key query, Key listed) {
        int joins = 0;
        Key l = listed;
        Key q = query;
        for (String word : query.words()) {
            Key merged = mergeInto(l, word);
            if (merged != null) {
                l = merged;
                joins++;
            }
        }
        for (String word : listed.words()) {
            Key merged = mergeInto(q, word);
            if (merged != null) {
                q = merged;
                joins++;
            }
        }
        return new Joined(q, l, joins);
    }

    /** {@code key} with two neighbouring words joined when together they are {@code word}; null when none are. */
    private static Key mergeInto(Key key, String word) {
        if (key.words().contains(word)) {
            return null;
        }
        for (int i = 0; i + 1 < key.size(); i++) {
            if ((key.words().get(i) + key.words().get(i + 1)).equals(word)) {
                List<String> words = new ArrayList<>(key.words());
                words.set(i, word);
                words.remove(i + 1);
                List<String> canonical = new ArrayList<>(key.canonical());
                canonical.set(i, CANONICAL.getOrDefault(word, word));
                canonical.remove(i + 1);
                List<String> sounds = new ArrayList<>(key.sounds());
                sounds.set(i, sound(word));
                sounds.remove(i + 1);
                return new Key(words, canonical, sounds);
            }
        }
        return null;
    }

    /** Jaro-Winkler similarity of two strings, 0 to 1. */
    static double jaroWinkler(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        int window = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
        boolean[] aMatched = new boolean[a.length()];
        boolean[] bMatched = new boolean[b.length()];
        int matches = 0;
        for (int i = 0; i < a.length(); i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(b.length() - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!bMatched[j] && a.charAt(i) == b.charAt(j)) {
                    aMatched[i] = true;
                    bMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0;
        }
        int transpositions = 0;
        int k = 0;
        for (int i = 0; i < a.length(); i++) {
            if (aMatched[i]) {
                while (!bMatched[k]) {
                    k++;
                }
                if (a.charAt(i) != b.charAt(k)) {
                    transpositions++;
                }
                k++;
            }
        }
        double jaro = ((double) matches / a.length() + (double) matches / b.length()
                + (matches - transpositions / 2.0) / matches) / 3;
        int prefix = 0;
        while (prefix < Math.min(4, Math.min(a.length(), b.length())) && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }
}
