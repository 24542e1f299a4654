package dev.contacts.model;

import java.util.Set;

/**
 * How a person's whole name is written from its two parts. Chinese, Japanese and Korean names are written family
 * name first and without a space (王小明, 山田太郎, 김민준), as Apple's and Google's address books show them; every
 * other name given name first ("Ada Lovelace"). The contract has no display name (only {@code first_name} and
 * {@code last_name}), so this is how a client and an export put the two together, nothing stored.
 */
public final class NameOrder {

    private static final Set<Character.UnicodeScript> FAMILY_FIRST = Set.of(Character.UnicodeScript.HAN,
            Character.UnicodeScript.HIRAGANA, Character.UnicodeScript.KATAKANA, Character.UnicodeScript.HANGUL);

    private NameOrder() {
    }

    /** The whole name: "Ada Lovelace", "山田太郎"; one part alone when the other is empty. */
    public static String full(String first, String last) {
        String f = first == null ? "" : Texts.strip(first);
        String l = last == null ? "" : Texts.strip(last);
        if (l.isEmpty() || f.isEmpty()) {
            return f.isEmpty() ? l : f;
        }
        return familyFirst(f, l) ? l + f : f + " " + l;
    }

    /** Whether both parts are written in Chinese, Japanese or Korean script (every letter of them). */
    public static boolean familyFirst(String first, String last) {
        return inFamilyFirstScript(first) && inFamilyFirstScript(last);
    }

    private static boolean inFamilyFirstScript(String name) {
        boolean letters = false;
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetter(c)) {
                if (!FAMILY_FIRST.contains(Character.UnicodeScript.of(c))) {
                    return false;
                }
                letters = true;
            }
        }
        return letters;
    }
}
