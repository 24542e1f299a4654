package dev.contacts.server.contact.transfer;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.contacts.model.ContactRules;
import ezvcard.property.Anniversary;
import ezvcard.property.RawProperty;
import ezvcard.property.Related;
import ezvcard.property.VCardProperty;
import ezvcard.util.PartialDate;

/**
 * The kept properties that Google's CSV layout has numbered label-and-value columns for, though no contact field
 * holds them: relations ("Relation 1 - Label", a vCard's RELATED or Apple's X-ABRELATEDNAMES, Outlook's "Spouse"),
 * events ("Event 1 - Label", a vCard's ANNIVERSARY, Apple's X-ABDATE, Outlook's "Anniversary") and custom fields
 * ("Custom Field 1 - Label"). A CSV import keeps each of its entries as one {@code X-CSV} property named by its
 * group, its label beside it, so an entry stays one whole, whatever its number was, and a merge cannot pair one
 * entry's label with another's value.
 */
final class KeptEntries {

    static final String RELATION = "Relation";
    static final String EVENT = "Event";
    static final String CUSTOM_FIELD = "Custom Field";
    /** The groups, in the order of Google's columns (its "Website" columns come between relations and events). */
    static final List<String> GROUPS = List.of(RELATION, EVENT, CUSTOM_FIELD);
    /** An entry's label, beside its group's name in {@link CsvImport#COLUMN_PARAMETER}. */
    static final String LABEL_PARAMETER = "X-LABEL";

    /** A cell kept by an older import, one per column: "Relation 1 - Label", "Event 2 - Value" (or "- Type"). */
    private static final Pattern NUMBERED =
            Pattern.compile("(Relation|Event|Custom Field) (\\d+) - (Label|Type|Value)");
    private static final Pattern MULTI = Pattern.compile("\\s*:::\\s*");
    /** Outlook's columns (in English: a German Outlook's are read as the English one's) that are a relation. */
    private static final Map<String, String> OUTLOOK_RELATIONS = Map.of("Spouse", "Spouse", "Children", "Child",
            "Manager's Name", "Manager", "Assistant's Name", "Assistant");
    static final String ANNIVERSARY = "Anniversary";
    /**
     * The relations that Evolution (GNOME Contacts' store), KDE's KAddressBook and Outlook's "Save as vCard" write as
     * properties of their own, one value each, by their upper-case names; their label is what they name.
     */
    static final Map<String, String> DESKTOP_RELATIONS = Map.of("X-EVOLUTION-SPOUSE", "Spouse",
            "X-EVOLUTION-MANAGER", "Manager", "X-EVOLUTION-ASSISTANT", "Assistant",
            "X-KADDRESSBOOK-X-SPOUSESNAME", "Spouse", "X-KADDRESSBOOK-X-MANAGERSNAME", "Manager",
            "X-KADDRESSBOOK-X-ASSISTANTSNAME", "Assistant", "X-MS-SPOUSE", "Spouse", "X-MS-MANAGER", "Manager",
            "X-MS-ASSISTANT", "Assistant");
    /** Evolution's, KAddressBook's and Outlook's anniversary, by their upper-case names. */
    static final Set<String> DESKTOP_ANNIVERSARIES = Set.of("X-EVOLUTION-ANNIVERSARY", "X-KADDRESSBOOK-X-ANNIVERSARY",
            "X-MS-ANNIVERSARY");
    /** Evolution's and KAddressBook's blog address, kept apart from the card's URLs, by their upper-case names. */
    private static final Set<String> DESKTOP_BLOGS = Set.of("X-EVOLUTION-BLOG-URL", "X-KADDRESSBOOK-BLOGFEED");

    /** One entry: its label ("" when it has none) and its value. */
    record Entry(String label, String value) {
    }

    private KeptEntries() {
    }

    /** An entry as a CSV import keeps it; null when its value is blank. */
    static RawProperty kept(String group, String label, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        RawProperty property = new RawProperty(CsvImport.EXTRA_PROPERTY, escaped(value.strip()));
        property.getParameters().put(CsvImport.COLUMN_PARAMETER, group);
        if (label != null && !label.isBlank()) {
            property.getParameters().put(LABEL_PARAMETER, label.strip());
        }
        return property;
    }

    /**
     * The entries of each group ({@link #GROUPS}) among the properties, in order, each (label and value) once; the
     * properties read are taken out of {@code properties}.
     */
    static Map<String, List<Entry>> take(List<VCardProperty> properties) {
        Map<String, List<Entry>> entries = new LinkedHashMap<>();
        GROUPS.forEach(g -> entries.put(g, new ArrayList<>()));
        // cells of an older import, by group and number: the i-th label of a number goes with its i-th value
        Map<String, List<String>> labels = new LinkedHashMap<>();
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<VCardProperty> all = List.copyOf(properties);
        for (Iterator<VCardProperty> it = properties.iterator(); it.hasNext(); ) {
            VCardProperty p = it.next();
            Entry relation = relation(p, all);
            Entry event = relation == null ? event(p, all) : null;
            if (relation != null || event != null) {
                entries.get(relation != null ? RELATION : EVENT).add(relation != null ? relation : event);
                it.remove();
                continue;
            }
            if (!(p instanceof RawProperty raw) || !isCell(raw)) {
                continue;
            }
            String column = raw.getParameter(CsvImport.COLUMN_PARAMETER);
            if (GROUPS.contains(column)) {
                entries.get(column).add(new Entry(nz(raw.getParameter(LABEL_PARAMETER)), text(raw)));
                it.remove();
                continue;
            }
            Matcher m = column == null ? null : NUMBERED.matcher(column);
            if (m != null && m.matches()) {
                String key = m.group(1) + " " + m.group(2);
                (m.group(3).equals("Value") ? values : labels).computeIfAbsent(key, k -> new ArrayList<>())
                        .add(text(raw));
                it.remove();
            }
        }
        for (Map.Entry<String, List<String>> numbered : values.entrySet()) {
            String group = numbered.getKey().substring(0, numbered.getKey().lastIndexOf(' '));
            List<String> theirLabels = labels.getOrDefault(numbered.getKey(), List.of());
            for (int i = 0; i < numbered.getValue().size(); i++) {
                String label = i < theirLabels.size() ? theirLabels.get(i) : "";
                for (String value : MULTI.split(numbered.getValue().get(i))) {
                    if (!value.isBlank()) {
                        entries.get(group).add(new Entry(label, group.equals(EVENT) ? date(value) : value.strip()));
                    }
                }
            }
        }
        entries.replaceAll((group, list) -> once(list));
        return entries;
    }

    /**
     * As {@link #take}, for the entries a CSV import kept ({@code X-CSV} cells: a Google CSV's Relation, Event and
     * Custom Field columns, Outlook's Spouse or Anniversary) only: the vCard properties of relations and events are
     * left where they are.
     */
    static Map<String, List<Entry>> takeCells(List<VCardProperty> properties) {
        List<VCardProperty> cells = new ArrayList<>();
        for (VCardProperty p : properties) {
            if (p instanceof RawProperty raw && isCell(raw)) {
                cells.add(p);
            }
        }
        Set<VCardProperty> read = Collections.newSetFromMap(new IdentityHashMap<>());
        read.addAll(cells);
        Map<String, List<Entry>> entries = take(cells);
        cells.forEach(read::remove); // what take left
        properties.removeIf(read::contains);
        return entries;
    }

    /**
     * What tells a kept entry (one of {@code properties}) apart from the others when two sets of kept properties are
     * put together: its group, label (case aside) and value, whichever form it came in, so a CSV export imported
     * again adds nothing to what a vCard or an older import kept. Null for any other property (a label's cell of an
     * older import too: its value's cell stands for both).
     */
    static String identity(VCardProperty p, List<VCardProperty> properties) {
        Entry relation = relation(p, properties);
        Entry event = relation == null ? event(p, properties) : null;
        if (relation != null || event != null) {
            return identity(relation != null ? RELATION : EVENT, relation != null ? relation : event);
        }
        if (p instanceof RawProperty raw && isCell(raw)) {
            String column = raw.getParameter(CsvImport.COLUMN_PARAMETER);
            if (CUSTOM_FIELD.equals(column)) {
                return identity(CUSTOM_FIELD,
                        new Entry(nz(raw.getParameter(LABEL_PARAMETER)), text(raw)));
            }
            Matcher m = column == null ? null : NUMBERED.matcher(column);
            if (m != null && m.matches() && m.group(3).equals("Value")) {
                String label = cell(properties, m.group(1) + " " + m.group(2) + " - Label");
                label = label != null ? label : nz(cell(properties, m.group(1) + " " + m.group(2) + " - Type"));
                return identity(m.group(1), new Entry(label,
                        m.group(1).equals(EVENT) ? date(text(raw)) : text(raw)));
            }
        }
        return null;
    }

    private static String identity(String group, Entry entry) {
        return group + ":" + entry.label().toLowerCase(Locale.ROOT) + "\n" + entry.value();
    }

    /** The value of the first kept cell of this column; null when there is none. */
    private static String cell(List<VCardProperty> properties, String column) {
        for (VCardProperty p : properties) {
            if (p instanceof RawProperty raw && isCell(raw)
                    && column.equals(raw.getParameter(CsvImport.COLUMN_PARAMETER))) {
                return text(raw);
            }
        }
        return null;
    }

    /** The property as a relation; null when it is none. */
    private static Entry relation(VCardProperty p, List<VCardProperty> all) {
        if (p instanceof Related related) {
            String value = related.getText() != null ? related.getText() : related.getUri();
            return value == null || value.isBlank() ? null
                    : new Entry(label(related, all), value.strip());
        }
        if (p instanceof RawProperty raw && raw.getValue() != null && !raw.getValue().isBlank()) {
            // RELATED in a 3.0 card is a property ez-vcard does not know there
            if (raw.getPropertyName().equalsIgnoreCase("X-ABRELATEDNAMES")
                    || raw.getPropertyName().equalsIgnoreCase("RELATED")) {
                return new Entry(label(raw, all), text(raw));
            }
            String desktop = DESKTOP_RELATIONS.get(raw.getPropertyName().toUpperCase(Locale.ROOT));
            if (desktop != null) {
                return new Entry(desktop, text(raw));
            }
            if (isCell(raw)) {
                String column = raw.getParameter(CsvImport.COLUMN_PARAMETER);
                String label = column == null ? null
                        : OUTLOOK_RELATIONS.get(OutlookGerman.inEnglish(List.of(column)).get(0));
                if (label != null) {
                    return new Entry(label, text(raw));
                }
                if (RELATION.equals(column)) {
                    return new Entry(nz(raw.getParameter(LABEL_PARAMETER)), text(raw));
                }
            }
        }
        return null;
    }

    /** The property as an event, its date as Google's CSV writes one; null when it is none. */
    private static Entry event(VCardProperty p, List<VCardProperty> all) {
        if (p instanceof Anniversary a) {
            String value = a.getDate() != null ? date(a.getDate()) : a.getPartialDate() != null
                    ? date(a.getPartialDate()) : a.getText() == null ? null : date(a.getText());
            return value == null || value.isBlank() ? null : new Entry(ANNIVERSARY, value);
        }
        if (p instanceof RawProperty raw && raw.getValue() != null && !raw.getValue().isBlank()) {
            String name = raw.getPropertyName();
            if (name.equalsIgnoreCase("X-ANNIVERSARY") || name.equalsIgnoreCase("ANNIVERSARY")
                    || DESKTOP_ANNIVERSARIES.contains(name.toUpperCase(Locale.ROOT))) {
                return new Entry(ANNIVERSARY, date(text(raw)));
            }
            if (name.equalsIgnoreCase("X-ABDATE")) {
                return new Entry(label(raw, all), date(text(raw)));
            }
            if (isCell(raw)) {
                String column = raw.getParameter(CsvImport.COLUMN_PARAMETER);
                if (column != null && OutlookGerman.inEnglish(List.of(column)).get(0).equals(ANNIVERSARY)) {
                    return new Entry(ANNIVERSARY, date(text(raw)));
                }
                if (EVENT.equals(column)) {
                    return new Entry(nz(raw.getParameter(LABEL_PARAMETER)), date(text(raw)));
                }
            }
        }
        return null;
    }

    /** The address of the blog that Evolution or KAddressBook keeps in a property of its own; null for another. */
    static String desktopBlog(VCardProperty p) {
        return p instanceof RawProperty raw && raw.getValue() != null && !raw.getValue().isBlank()
                && DESKTOP_BLOGS.contains(raw.getPropertyName().toUpperCase(Locale.ROOT)) ? text(raw) : null;
    }

    /**
     * The address of a social profile Apple keeps ({@code X-SOCIALPROFILE;type=twitter:https://twitter.com/ann});
     * null for another property.
     */
    static String socialProfile(VCardProperty p) {
        return p instanceof RawProperty raw && raw.getValue() != null && !raw.getValue().isBlank()
                && raw.getPropertyName().equalsIgnoreCase(SOCIAL_PROFILE) ? text(raw) : null;
    }

    static final String SOCIAL_PROFILE = "X-SOCIALPROFILE";

    /** The text of a kept property's value, stripped, its vCard escapes undone ({@link #unescaped}). */
    static String text(RawProperty raw) {
        return unescaped(raw.getValue()).strip();
    }

    /**
     * A kept value as it was read from its file: \\n or \\N a line break, \\, \\; and \\\\ the character. ez-vcard
     * leaves the value of a property it does not know as written, and its writer escapes a line break, not a
     * backslash: {@link #escaped} does that before a value is kept.
     */
    static String unescaped(String value) {
        StringBuilder text = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                switch (next) {
                    case 'n', 'N' -> text.append('\n');
                    case ',', ';', '\\' -> text.append(next);
                    default -> text.append(c).append(next);
                }
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    /** A value to keep as vCard text: its backslashes escaped, so that one before an "n" stays a backslash. */
    static String escaped(String value) {
        return value.replace("\\", "\\\\");
    }

    private static boolean isCell(RawProperty raw) {
        return raw.getPropertyName().equalsIgnoreCase(CsvImport.EXTRA_PROPERTY) && raw.getValue() != null
                && !raw.getValue().isBlank();
    }

    /** A vCard entry's label as Google's CSV writes it: Apple's label beside it, or its TYPE ("spouse": "Spouse"). */
    private static String label(VCardProperty p, List<VCardProperty> all) {
        String label = EntryLabels.fromVCard(p.getParameters().getTypes(), appleLabel(p, all), EntryLabels.Kind.EMAIL);
        if (label == null) {
            return "";
        }
        label = EntryLabels.toCsv(label);
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    /** Apple's label of a value: the {@code X-ABLabel} in its group ({@code item1.URL}, {@code item1.X-ABLabel}). */
    static String appleLabel(VCardProperty property, List<VCardProperty> properties) {
        if (property.getGroup() == null) {
            return null;
        }
        for (VCardProperty p : properties) {
            if (p instanceof RawProperty raw && raw.getPropertyName().equalsIgnoreCase("X-ABLABEL")
                    && property.getGroup().equalsIgnoreCase(raw.getGroup())) {
                return raw.getValue();
            }
        }
        return null;
    }

    /**
     * A date as Google's CSV writes one ({@code 1995-06-01}, or {@code --06-01} without a year), from any of the
     * ways files write it (Outlook's {@code 6/1/1995}, a vCard's {@code 19950601} or {@code --0601}); a text that is
     * no date stays as it is.
     */
    static String date(String text) {
        String t = text.strip();
        LocalDate date = CsvImport.parseDate(t);
        if (date == null) {
            try {
                date = LocalDate.parse(t, DateTimeFormatter.BASIC_ISO_DATE);
            } catch (DateTimeParseException e) {
                try {
                    return date(PartialDate.parse(t));
                } catch (IllegalArgumentException notPartial) {
                    return t;
                }
            }
        }
        return date == null ? t : date(date);
    }

    private static String date(Temporal t) {
        try {
            return date(LocalDate.of(t.get(ChronoField.YEAR), t.get(ChronoField.MONTH_OF_YEAR),
                    t.get(ChronoField.DAY_OF_MONTH)));
        } catch (RuntimeException e) {
            return t.toString();
        }
    }

    private static String date(PartialDate partial) {
        if (partial.getMonth() == null || partial.getDate() == null) {
            return partial.toISO8601(true);
        }
        return partial.getYear() == null ? String.format(Locale.ROOT, "--%02d-%02d", partial.getMonth(),
                partial.getDate()) : date(LocalDate.of(partial.getYear(), partial.getMonth(), partial.getDate()));
    }

    private static String date(LocalDate date) {
        return ContactRules.hasKnownYear(date) ? date.toString() : "-" + date.toString().substring(4);
    }

    /** Each entry once: the same label (case aside) and value written twice would be read back as one. */
    private static List<Entry> once(List<Entry> entries) {
        Set<String> seen = new HashSet<>();
        List<Entry> kept = new ArrayList<>();
        for (Entry e : entries) {
            if (seen.add(e.label().toLowerCase(Locale.ROOT) + "\n" + e.value())) {
                kept.add(e);
            }
        }
        return kept;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
