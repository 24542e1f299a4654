package dev.contacts.desktop.contacts;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.contacts.model.PostalAddress;

/**
 * A postal address written in the order its country's post expects ("Cupertino, CA 95014" in the US, the postcode
 * on its own line in the UK, "12345 City" in most of Europe), the country as typed on the last line. The country
 * is read from its ISO code or its name as imports give it ("USA", "United States of America", "UK", "日本");
 * an address without one is written as in {@code homeCountry} (the user's own country), one in a country not
 * known here in the continental order.
 */
final class AddressLayout {

    /**
     * Each country's lines, Google's libaddressinput templates cut down to the parts the app has: %A street,
     * %C city, %S region (state, province, county), %Z postal code. Text between two parts is kept only when both
     * are there; text at the start of a line only with the part after it.
     */
    private static final String CONTINENTAL = "%A\n%Z %C\n%S";
    private static final Map<String, String> LINES = Map.of(
            "US", "%A\n%C, %S %Z",
            "CA", "%A\n%C %S %Z",
            "AU", "%A\n%C %S %Z",
            "GB", "%A\n%C\n%S\n%Z",
            "JP", "%A\n%C, %S %Z");
    /** Japan's own script runs from the postcode and prefecture down to the street. */
    private static final String JAPANESE = "〒%Z\n%S%C\n%A";

    /** Names and codes that imports give beside the ISO code, folded as by {@link #fold}. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("usa", "US"), Map.entry("u s a", "US"), Map.entry("u s", "US"), Map.entry("america", "US"),
            Map.entry("united states of america", "US"), Map.entry("vereinigte staaten", "US"),
            Map.entry("uk", "GB"), Map.entry("great britain", "GB"), Map.entry("england", "GB"),
            Map.entry("scotland", "GB"), Map.entry("wales", "GB"), Map.entry("northern ireland", "GB"),
            Map.entry("united kingdom of great britain and northern ireland", "GB"),
            Map.entry("日本", "JP"), Map.entry("nippon", "JP"), Map.entry("nihon", "JP"));

    private static final Map<String, String> CODES = codes();

    private AddressLayout() {
    }

    static String format(PostalAddress address, String homeCountry) {
        String code = countryCode(address.country());
        String template = !present(address.country()) ? LINES.getOrDefault(homeCountry, CONTINENTAL)
                : "JP".equals(code) && isJapanese(address) ? JAPANESE
                : LINES.getOrDefault(code, CONTINENTAL);
        List<String> lines = new ArrayList<>();
        for (String line : template.split("\n")) {
            String written = line(line, address);
            if (!written.isBlank()) {
                lines.add(written);
            }
        }
        if (present(address.country())) {
            lines.add(address.country().strip());
        }
        return String.join("\n", lines);
    }

    /** The ISO code of a country with an order of its own (above) given by its code or name; "" for any other. */
    static String countryCode(String country) {
        return country == null ? "" : CODES.getOrDefault(fold(country), "");
    }

    private static String line(String template, PostalAddress address) {
        StringBuilder line = new StringBuilder();
        String before = "";
        boolean start = true;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c != '%') {
                before += c;
                continue;
            }
            String part = part(address, template.charAt(++i));
            if (present(part)) {
                line.append(line.isEmpty() && !start ? "" : before).append(part.strip());
            }
            before = "";
            start = false;
        }
        return line.toString();
    }

    private static String part(PostalAddress address, char field) {
        return switch (field) {
            case 'A' -> address.street();
            case 'C' -> address.locality();
            case 'S' -> address.region();
            case 'Z' -> address.postalCode();
            default -> throw new IllegalArgumentException("no address part %" + field);
        };
    }

    private static boolean present(String part) {
        return part != null && !part.isBlank();
    }

    private static boolean isJapanese(PostalAddress address) {
        return address.parts().filter(AddressLayout::present).anyMatch(part -> part.codePoints().anyMatch(cp -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA;
        }));
    }

    /** Lower case, accents and dots gone, spaces single: "U.S.A." and "usa" alike. */
    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[.,]", " ").strip().replaceAll("\\s+", " ");
    }

    private static Map<String, String> codes() {
        Map<String, String> codes = new HashMap<>();
        for (String code : LINES.keySet()) { // every other country is written alike: no need to know its names
            Locale country = Locale.of("", code);
            codes.put(fold(code), code);
            codes.put(fold(country.getDisplayCountry(Locale.ENGLISH)), code);
            codes.put(fold(country.getISO3Country()), code);
        }
        ALIASES.forEach(codes::put);
        return Map.copyOf(codes);
    }
}
