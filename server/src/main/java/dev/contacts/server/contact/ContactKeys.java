package dev.contacts.server.contact;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Collator;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.util.ULocale;
import dev.contacts.model.ContactDraft;
import dev.contacts.model.LabeledValue;

/**
 * The derived text a contact is sorted and searched by, stored beside it so that SQLite orders and matches
 * with plain byte comparisons:
 * <ul>
 *   <li>a name's <b>sort key</b>: the hex of its Unicode root collation key (ICU), so byte order is the
 *       UCA's order on any database ("ábel" &lt; "Adam" &lt; "Émile");</li>
 *   <li>the <b>folded</b> form search compares: case-folded, NFKD, without combining marks ("Núñez" -&gt;
 *       "nunez", "Straße" -&gt; "strasse");</li>
 *   <li>the <b>search text</b>: every searchable field folded, one per line, plus each phone's digits.</li>
 * </ul>
 */
public final class ContactKeys {

    /**
     * Which computation made a row's keys: the ICU collator's version plus this class's own revision. Rows of
     * another version are re-keyed on start, so an ICU upgrade never leaves a mixed order behind.
     */
    static final String VERSION;

    private static final Collator ROOT;
    private static final Normalizer2 NFKD = Normalizer2.getNFKDInstance();
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{Mn}+");
    private static final Pattern NON_DIGITS = Pattern.compile("[^0-9]");
    private static final int REVISION = 1;

    static {
        Collator root = Collator.getInstance(ULocale.ROOT);
        VERSION = "icu-" + root.getVersion() + "/r" + REVISION;
        ROOT = root.freeze(); // frozen: safe to share between threads
    }

    private ContactKeys() {
    }

    /** The hex of the root collation key: comparing two such strings byte by byte compares the names. */
    static String sortKey(String text) {
        return HexFormat.of().formatHex(ROOT.getCollationKey(text).toByteArray());
    }

    /** Case-folded, decomposed (NFKD) and without combining marks; null stays null. */
    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        // fold first: folding can itself produce a combining mark ("İ" -> "i" + U+0307)
        String folded = NFKD.normalize(UCharacter.foldCase(text, true));
        return COMBINING_MARKS.matcher(folded).replaceAll("");
    }

    /** The digits of a phone number, e.g. "380441234567" for "+380 44 123 4567". */
    public static String digits(String phone) {
        return NON_DIGITS.matcher(phone).replaceAll("");
    }

    /**
     * Every field search v2 looks in, folded, one per line (a query word has no white space, so it never
     * matches across two fields): names, nickname, organization, job title, emails, labels, notes, phones and
     * their digits.
     */
    static String searchText(ContactDraft draft) {
        List<String> fields = new ArrayList<>();
        Stream.of(draft.firstName(), draft.lastName(), draft.nickname(), draft.organization(), draft.jobTitle())
                .filter(Objects::nonNull).forEach(fields::add);
        draft.emails().stream().map(LabeledValue::value).forEach(fields::add);
        fields.addAll(draft.labels());
        for (LabeledValue phone : draft.phones()) {
            fields.add(phone.value());
            fields.add(digits(phone.value()));
        }
        if (draft.additionalData() != null) {
            fields.add(draft.additionalData());
        }
        return String.join("\n", fields.stream().map(ContactKeys::fold).map(f -> f.replace('\n', ' ')).toList());
    }

    /** The folded emails, one per line: what v1's {@code email=} criterion matches. */
    static String emailsText(ContactDraft draft) {
        return draft.emails().isEmpty() ? null
                : String.join("\n", draft.emails().stream().map(e -> fold(e.value())).toList());
    }
}
