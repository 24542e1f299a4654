package dev.contacts.server.contact;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The form in which search compares text: Unicode-normalised (NFC) and case-folded, so "ÉMILE" finds
 * "émile" and "STRASSE" finds "Straße". Stored beside each name and matched as a plain substring.
 */
final class SearchText {

    private SearchText() {
    }

    static String fold(String text) {
        if (text == null) {
            return null;
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        // Upper then lower folds more than lower alone: ß -> SS -> ss, ς -> Σ -> σ.
        return nfc.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }
}
