package dev.contacts.server.contact.transfer;

import java.util.Arrays;
import java.util.List;

/**
 * The one rule for making one value of several parts (a first name and its middle name, an organization and its
 * department, a name's prefixes, an address's street lines): the blank parts left out, each part stripped, joined
 * by the separator; null when no part is left, so that nothing is stored for it.
 */
final class TextParts {

    private TextParts() {
    }

    static String joined(String separator, String... parts) {
        return joined(separator, Arrays.asList(parts));
    }

    static String joined(String separator, List<String> parts) {
        List<String> present = parts.stream().filter(p -> p != null && !p.isBlank()).map(String::strip).toList();
        return present.isEmpty() ? null : String.join(separator, present);
    }
}
