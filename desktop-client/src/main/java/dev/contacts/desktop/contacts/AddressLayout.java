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
 * on its own line in the UK, "12345 City" in most of Europe), the country on the last line: as typed, or, when an
 * ISO code was typed ("US", as imports often give it), by its name in the reader's language. The country
 * is read from its ISO code or its name as imports give it ("USA", "United States of America", "UK", "日本");
 * an address without one is written as in {@code homeCountry} (the user's own country), one in a country not
 * known here in the continental order.
 */
final class AddressLayout {

    /**
     * Each country's lines, Google's libaddressinput templates cut down to the parts the app has: %A street,
     * %C city, %S region (state, province, county), %Z postal code. Text between two parts is kept only when both
     * are there; text at the start of a line only with the part after it. The form shows its fields in the same
     * lines, under the names the country's people use for them.
     */
    private record Country(String lines, String locality, String region, String postalCode) {
        String label(Part part) {
            return switch (part) {
                case STREET -> "Street";
                case LOCALITY -> locality;
                case REGION -> region;
                case POSTAL_CODE -> postalCode;
            };
        }
    }

    private static final Country CONTINENTAL = new Country("%A\n%Z %C\n%S", "City", "Region", "Postal code");
    private static final Map<String, Country> COUNTRIES = Map.of(
            "US", new Country("%A\n%C, %S %Z", "City", "State", "ZIP code"),
            "CA", new Country("%A\n%C %S %Z", "City", "Province", "Postal code"),
            "AU", new Country("%A\n%C %S %Z", "Suburb or town", "State", "Postcode"),
            "GB", new Country("%A\n%C\n%S\n%Z", "Town or city", "County", "Postcode"),
            "JP", new Country("%A\n%C, %S %Z", "City", "Prefecture", "Postal code"));
    /** Japan's own script runs from the postcode and prefecture down to the street; so do its forms. */
    private static final String JAPANESE = "〒%Z\n%S%C\n%A";

    /** A part of an address the form has a field for, by its letter in the templates. */
    enum Part {
        STREET('A'), LOCALITY('C'), REGION('S'), POSTAL_CODE('Z');

        private final char letter;

        Part(char letter) {
            this.letter = letter;
        }

        static Part of(char letter) {
            for (Part part : values()) {
                if (part.letter == letter) {
                    return part;
                }
            }
            throw new IllegalArgumentException("no address part %" + letter);
        }

        String in(PostalAddress address) {
            return switch (this) {
                case STREET -> address.street();
                case LOCALITY -> address.locality();
                case REGION -> address.region();
                case POSTAL_CODE -> address.postalCode();
            };
        }
    }

    /** A field of the form: the part it holds and what it is called in the address's country ("ZIP code"). */
    record Field(Part part, String label) {
    }

    /**
     * The fields of an address form in the order the detail writes {@code typed} (the same country and script), a
     * list per line (the country field itself, which decides this, comes before them). An address without a
     * country is laid out as in {@code homeCountry}.
     */
    static List<List<Field>> form(PostalAddress typed, String homeCountry) {
        Country names = COUNTRIES.getOrDefault(code(typed, homeCountry), CONTINENTAL);
        List<List<Field>> lines = new ArrayList<>();
        for (String line : template(typed, homeCountry).split("\n")) {
            List<Field> fields = new ArrayList<>();
            for (int i = line.indexOf('%'); i >= 0; i = line.indexOf('%', i + 2)) {
                Part part = Part.of(line.charAt(i + 1));
                fields.add(new Field(part, names.label(part)));
            }
            lines.add(List.copyOf(fields));
        }
        return List.copyOf(lines);
    }

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
        return format(address, homeCountry, Locale.getDefault(Locale.Category.DISPLAY));
    }

    /** {@link #format(PostalAddress, String)} with the country's name in {@code reader}'s language. */
    static String format(PostalAddress address, String homeCountry, Locale reader) {
        List<String> lines = new ArrayList<>();
        for (String line : template(address, homeCountry).split("\n")) {
            String written = line(line, address);
            if (!written.isBlank()) {
                lines.add(written);
            }
        }
        if (present(address.country())) {
            lines.add(countryName(address.country(), reader));
        }
        return String.join("\n", lines);
    }

    private static final java.util.Set<String> ISO_CODES =
            Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    /**
     * The country line: an ISO 3166 code ("US", "de") as the country's name in {@code reader}'s language ("United
     * States", "Deutschland"), as Google and GNOME Contacts show it; anything else ("UK", "Italia") as typed.
     */
    static String countryName(String country, Locale reader) {
        String typed = country.strip();
        String code = typed.toUpperCase(Locale.ROOT);
        if (typed.length() == 2 && ISO_CODES.contains(code)) {
            String name = Locale.of("", code).getDisplayCountry(reader);
            return name.isBlank() || name.equals(code) ? typed : name;
        }
        return typed;
    }

    /** The country whose order {@code address} takes: its own, or the user's when it names none. */
    private static String code(PostalAddress address, String homeCountry) {
        return present(address.country()) ? countryCode(address.country()) : homeCountry;
    }

    /**
     * The lines {@code address} is written in, for the detail and the form alike. Japan's own order (from the
     * postcode down) is for an address in Japanese script; one in Latin script is written street first, as
     * libaddressinput's Latin format for Japan has it. An address with no letters yet (a new one, or a postcode
     * alone) takes the order of the people who live there when the user does.
     */
    private static String template(PostalAddress address, String homeCountry) {
        String code = code(address, homeCountry);
        Script script = script(address);
        boolean japanese = script == Script.JAPANESE || script == Script.NONE && "JP".equals(homeCountry);
        return "JP".equals(code) && japanese ? JAPANESE : COUNTRIES.getOrDefault(code, CONTINENTAL).lines();
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
            String part = Part.of(template.charAt(++i)).in(address);
            if (present(part)) {
                line.append(line.isEmpty() && !start ? "" : before).append(part.strip());
            }
            before = "";
            start = false;
        }
        return line.toString();
    }

    private static boolean present(String part) {
        return part != null && !part.isBlank();
    }

    /** What an address is written in, as far as its order goes. */
    private enum Script { JAPANESE, OTHER, NONE }

    /** Japanese when any part has a kanji or kana; else other when any has a letter; else none. */
    private static Script script(PostalAddress address) {
        Script found = Script.NONE;
        for (String part : address.parts().filter(AddressLayout::present).toList()) {
            for (int cp : part.codePoints().toArray()) {
                Character.UnicodeScript script = Character.UnicodeScript.of(cp);
                if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                        || script == Character.UnicodeScript.KATAKANA) {
                    return Script.JAPANESE;
                }
                if (Character.isLetter(cp)) {
                    found = Script.OTHER;
                }
            }
        }
        return found;
    }

    /** Lower case, accents and dots gone, spaces single: "U.S.A." and "usa" alike. */
    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[.,]", " ").strip().replaceAll("\\s+", " ");
    }

    private static Map<String, String> codes() {
        Map<String, String> codes = new HashMap<>();
        for (String code : COUNTRIES.keySet()) { // every other country is written alike: no need to know its names
            Locale country = Locale.of("", code);
            codes.put(fold(code), code);
            codes.put(fold(country.getDisplayCountry(Locale.ENGLISH)), code);
            codes.put(fold(country.getISO3Country()), code);
        }
        ALIASES.forEach(codes::put);
        return Map.copyOf(codes);
    }
}
