package dev.contacts.desktop.contacts;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.contacts.desktop.api.TransferFormat;
import dev.contacts.desktop.app.UserSession;
import dev.contacts.desktop.ui.Background;
import dev.contacts.desktop.ui.Debouncer;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactRules;
import com.github.mangstadt.vinnie.io.VObjectPropertyValues;
import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.property.Anniversary;
import ezvcard.property.Impp;
import ezvcard.property.RawProperty;
import ezvcard.property.Related;
import ezvcard.property.Url;
import ezvcard.property.VCardProperty;
import ezvcard.util.PartialDate;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the shown contact's card holds that no field of the app does: web sites, chat addresses, the anniversary and
 * other dates, related people, a CSV's custom fields. The server keeps them from an import and writes them back on
 * export (the contract's "Import and export"), but a contact's JSON has no field for them, so they are read from the
 * export of that one contact, in the background, and shown read-only. A failure shows nothing more (the fields the
 * app has are shown already). Kept per login (the screens of a login own it) and per version of a contact
 * ({@code updated_at}), so never shown for another account or an older card. A card not kept yet is asked for
 * once the selection rests ({@link #SELECTION_REST_MILLIS}): an export carries the photo too, and arrowing down
 * the list would otherwise ask for every row passed.
 */
public final class CardExtras {

    /** Cards read kept in memory, the least recently shown dropped first: a few lines each. */
    static final int KEPT = 200;
    /**
     * How long the selection stays on a contact before its card is asked for: longer than a held arrow key's
     * repeat (30 to 40 ms a row), short beside the fields shown at once.
     */
    public static final long SELECTION_REST_MILLIS = 150;

    /** What a line of the detail pane says the value is. */
    public enum Kind {
        /** The name as the card writes it whole, when it has a title or suffix ("Dr. Ann Lee Jr."). */
        FULL_NAME("Name"),
        WEB_SITE("Web site"), CHAT("Chat"), ANNIVERSARY("Anniversary"), DATE("Date"), RELATED("Related"),
        CUSTOM("Custom field");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /**
     * One kept value: its kind, its label ("" if none: "home page", "spouse"), its text, and its date when it is
     * one (its year {@link ContactRules#YEAR_UNKNOWN} when the card gives none), so it is written as a birthday is.
     */
    public record Extra(Kind kind, String label, String value, LocalDate date) {

        /** The address a click opens in the browser: a web site's, when it is one (http or https); else null. */
        public String link() {
            if (kind != Kind.WEB_SITE) {
                return null;
            }
            String lower = value.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                return value;
            }
            return lower.startsWith("www.") ? "https://" + value : null;
        }
    }

    private final UserSession session;
    private final Background background;
    private final Debouncer selectionRest;
    private final ObservableList<Extra> shown = FXCollections.observableArrayList();
    private final Map<String, List<Extra>> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Extra>> eldest) {
            return size() > KEPT;
        }
    };
    /** The version whose card is shown or asked for: an answer for another one (selection moved on) is dropped. */
    private String wanted;
    /** The versions whose card is on its way: shown when it comes if wanted again meanwhile, not asked twice. */
    private final Set<String> asked = new HashSet<>();

    /** {@code selectionRest} waits for the selection to rest ({@link #SELECTION_REST_MILLIS} in the app). */
    public CardExtras(UserSession session, Background background, Debouncer selectionRest) {
        this.session = session;
        this.background = background;
        this.selectionRest = selectionRest;
    }

    /** The kept values of the contact last given to {@link #show}, by kind; empty until read. */
    public ObservableList<Extra> shown() {
        return shown;
    }

    /**
     * Shows {@code contact}'s kept values: at once when read before, else once the selection has rested on it and
     * its card has come (none meanwhile, or for null).
     */
    public void show(Contact contact) {
        shown.clear();
        if (contact == null) {
            wanted = null;
            return;
        }
        String version = contact.id() + "@" + contact.updatedAt();
        wanted = version;
        List<Extra> known = kept.get(version);
        if (known != null) {
            shown.setAll(known);
            return;
        }
        long id = contact.id();
        // the last call of a burst runs; it asks only if the selection is still there (and the login still open)
        selectionRest.call(() -> {
            if (version.equals(wanted) && !session.isClosed() && !kept.containsKey(version) && asked.add(version)) {
                read(id, version);
            }
        });
    }

    private void read(long id, String version) {
        background.run(() -> read(exported(id)), extras -> {
            kept.put(version, extras);
            if (version.equals(wanted)) {
                shown.setAll(extras);
            }
        }, session.failures(failure -> { }), // quiet: the contact's own fields are shown all the same
                () -> asked.remove(version));
    }

    private String exported(long id) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        session.api().export(TransferFormat.VCARD, List.of(id), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Apple's own words for its labels: {@code _$!<HomePage>!$_}. */
    private static final Pattern APPLE_WORDS = Pattern.compile("_\\$!<(.*)>!\\$_");
    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z])(?=[A-Z])");
    /**
     * Chat addresses as vCard 3.0 writers (Apple, Android, Evolution) and Outlook write them: property, service
     * (Outlook's IM address names none).
     */
    private static final Map<String, String> CHAT_PROPERTIES = Map.ofEntries(Map.entry("X-AIM", "AIM"),
            Map.entry("X-JABBER", "Jabber"), Map.entry("X-SKYPE", "Skype"), Map.entry("X-SKYPE-USERNAME", "Skype"),
            Map.entry("X-ICQ", "ICQ"), Map.entry("X-MSN", "MSN"), Map.entry("X-YAHOO", "Yahoo"),
            Map.entry("X-GOOGLE-TALK", "Google Talk"), Map.entry("X-QQ", "QQ"), Map.entry("X-GADUGADU", "Gadu-Gadu"),
            Map.entry("X-MS-IMADDRESS", ""));
    /** The services of RFC 6350's IMPP URI schemes and those Google, Apple and Android write, by scheme. */
    private static final Map<String, String> CHAT_SCHEMES = Map.ofEntries(Map.entry("skype", "Skype"),
            Map.entry("xmpp", "XMPP"), Map.entry("aim", "AIM"), Map.entry("icq", "ICQ"), Map.entry("msnim", "MSN"),
            Map.entry("ymsgr", "Yahoo"), Map.entry("gtalk", "Google Talk"), Map.entry("qq", "QQ"),
            Map.entry("sip", "SIP"), Map.entry("irc", "IRC"), Map.entry("gg", "Gadu-Gadu"),
            Map.entry("x-apple", "iMessage"), Map.entry("facetime", "FaceTime"), Map.entry("matrix", "Matrix"));
    /**
     * What Evolution (GNOME Contacts' store), KDE's KAddressBook and Outlook's "Save as vCard" keep in properties of
     * their own, one value each: their related people, by the label they name.
     */
    private static final Map<String, String> DESKTOP_RELATIONS = Map.of("X-EVOLUTION-SPOUSE", "spouse",
            "X-EVOLUTION-MANAGER", "manager", "X-EVOLUTION-ASSISTANT", "assistant",
            "X-KADDRESSBOOK-X-SPOUSESNAME", "spouse", "X-KADDRESSBOOK-X-MANAGERSNAME", "manager",
            "X-KADDRESSBOOK-X-ASSISTANTSNAME", "assistant", "X-MS-SPOUSE", "spouse", "X-MS-MANAGER", "manager",
            "X-MS-ASSISTANT", "assistant");
    /** TYPE values that say nothing a person would read as a label. */
    private static final List<String> NOT_LABELS = List.of("pref", "internet", "voice", "x-internet");

    /** The kept values of the cards in {@code vcard}, by kind; what is not one of them is left out. */
    static List<Extra> read(String vcard) {
        List<Extra> extras = new ArrayList<>();
        for (VCard card : Ezvcard.parse(vcard).all()) {
            Map<String, String> appleLabels = new HashMap<>();
            for (RawProperty p : card.getExtendedProperties()) {
                if (p.getGroup() != null && p.getPropertyName().equalsIgnoreCase("X-ABLABEL")) {
                    appleLabels.put(p.getGroup().toLowerCase(Locale.ROOT), words(p.getValue()));
                }
            }
            fullName(card).ifPresent(extras::add);
            for (VCardProperty p : card.getProperties()) {
                Extra extra = extra(p, label(p, appleLabels));
                if (extra != null && !extra.value().isBlank()) {
                    extras.add(extra);
                }
            }
        }
        // each kind together, in the card's order within it (ez-vcard gives a card's properties by their class)
        extras.sort(java.util.Comparator.comparing(Extra::kind));
        return List.copyOf(extras);
    }

    /**
     * The card's formatted name when its structured name has a title or a suffix ("Mr.", "Jr."): kept by the server
     * (no field has them) and written into the card's FN, so the details can say the name as the file had it.
     */
    private static java.util.Optional<Extra> fullName(VCard card) {
        ezvcard.property.StructuredName n = card.getStructuredName();
        ezvcard.property.FormattedName fn = card.getFormattedName();
        boolean titled = n != null && (n.getPrefixes().stream().anyMatch(s -> !s.isBlank())
                || n.getSuffixes().stream().anyMatch(s -> !s.isBlank()));
        return titled && fn != null && fn.getValue() != null && !fn.getValue().isBlank()
                ? java.util.Optional.of(new Extra(Kind.FULL_NAME, "", fn.getValue().strip(), null))
                : java.util.Optional.empty();
    }

    private static Extra extra(VCardProperty p, String label) {
        if (p instanceof Url url && url.getValue() != null) {
            return new Extra(Kind.WEB_SITE, label, url.getValue().strip(), null);
        }
        if (p instanceof Impp impp && impp.getUri() != null) {
            String handle = impp.getHandle() != null ? impp.getHandle() : impp.getUri().toString();
            return new Extra(Kind.CHAT, withKind(chatService(impp), label), handle, null);
        }
        if (p instanceof Anniversary anniversary) {
            LocalDate date = date(anniversary.getDate(), anniversary.getPartialDate());
            String text = date != null ? date.toString() : anniversary.getText();
            return text == null ? null : new Extra(Kind.ANNIVERSARY, label, text, date);
        }
        if (p instanceof Related related) {
            String text = related.getText() != null ? related.getText() : related.getUri();
            return text == null ? null : new Extra(Kind.RELATED, label, text, null);
        }
        if (!(p instanceof RawProperty raw) || raw.getValue() == null) {
            return null;
        }
        String name = raw.getPropertyName().toUpperCase(Locale.ROOT);
        String value = VObjectPropertyValues.unescape(raw.getValue()).strip(); // kept as vCard text
        return switch (name) {
            case "X-ABRELATEDNAMES" -> new Extra(Kind.RELATED, label, value, null);
            case "X-ABDATE", "X-ANNIVERSARY", "X-EVOLUTION-ANNIVERSARY", "X-KADDRESSBOOK-X-ANNIVERSARY",
                 "X-MS-ANNIVERSARY" -> {
                LocalDate date = textDate(value, raw.getParameter("X-APPLE-OMIT-YEAR"));
                boolean anniversary = !name.equals("X-ABDATE") || label.equalsIgnoreCase("anniversary");
                yield new Extra(anniversary ? Kind.ANNIVERSARY : Kind.DATE, anniversary ? "" : label,
                        date != null ? date.toString() : value, date);
            }
            case "X-SOCIALPROFILE" -> new Extra(Kind.WEB_SITE, label, value, null);
            case "X-EVOLUTION-BLOG-URL", "X-KADDRESSBOOK-BLOGFEED" -> new Extra(Kind.WEB_SITE, "blog", value, null);
            case "X-CSV" -> "Custom Field".equals(raw.getParameter("X-COLUMN"))
                    ? new Extra(Kind.CUSTOM, nz(raw.getParameter("X-LABEL")), value, null) : null;
            default -> CHAT_PROPERTIES.containsKey(name)
                    ? new Extra(Kind.CHAT, withKind(CHAT_PROPERTIES.get(name), label), value, null)
                    : DESKTOP_RELATIONS.containsKey(name)
                    ? new Extra(Kind.RELATED, DESKTOP_RELATIONS.get(name), value, null) : null;
        };
    }

    /**
     * The service of a chat address, as Google and Apple name it: Apple's {@code X-SERVICE-TYPE} ("Skype"), else
     * the name of the URI's scheme ("xmpp:" XMPP), else the scheme as written; "" when there is none.
     */
    static String chatService(Impp impp) {
        String apple = impp.getParameter("X-SERVICE-TYPE");
        if (apple != null && !apple.isBlank()) {
            return apple.strip();
        }
        String scheme = impp.getProtocol() == null ? "" : impp.getProtocol().toLowerCase(Locale.ROOT);
        return CHAT_SCHEMES.getOrDefault(scheme, scheme);
    }

    /** "Skype (home)": the service first, then the kind of address when the card gives one. */
    private static String withKind(String service, String kind) {
        if (service.isEmpty() || kind.isEmpty() || kind.equalsIgnoreCase(service)) {
            return service.isEmpty() ? kind : service;
        }
        return service + " (" + kind + ")";
    }

    /** The label Apple gives in the property's group, else its TYPE values ("home", "work"), else "". */
    private static String label(VCardProperty p, Map<String, String> appleLabels) {
        if (p.getGroup() != null) {
            String apple = appleLabels.get(p.getGroup().toLowerCase(Locale.ROOT));
            if (apple != null) {
                return apple;
            }
        }
        List<String> types = new ArrayList<>();
        for (String type : p.getParameters().getTypes()) {
            if (!NOT_LABELS.contains(type.toLowerCase(Locale.ROOT))) {
                types.add(type.toLowerCase(Locale.ROOT)); // as the app writes labels: "work"
            }
        }
        return String.join(" ", types);
    }

    /** A label as a person reads it: Apple's {@code _$!<HomePage>!$_} as "home page", a TYPE as it is. */
    static String words(String label) {
        if (label == null) {
            return "";
        }
        Matcher apple = APPLE_WORDS.matcher(label.strip());
        if (apple.matches()) {
            return CAMEL.matcher(apple.group(1)).replaceAll(" ").toLowerCase(Locale.ROOT);
        }
        return label.strip();
    }

    /** A date the card gives whole or without its year ({@code --06-01}); null for any other (a time, text). */
    private static LocalDate date(Temporal whole, PartialDate partial) {
        if (whole != null && whole.isSupported(ChronoField.EPOCH_DAY)) {
            return LocalDate.ofEpochDay(whole.getLong(ChronoField.EPOCH_DAY));
        }
        if (partial != null && partial.getMonth() != null && partial.getDate() != null) {
            int year = partial.getYear() != null ? partial.getYear() : ContactRules.YEAR_UNKNOWN;
            try {
                return LocalDate.of(year, partial.getMonth(), partial.getDate());
            } catch (java.time.DateTimeException notADay) {
                return null;
            }
        }
        return null;
    }

    /** An Apple or Google date's text ({@code 2010-06-01}, {@code --06-01}, Apple's omitted year 1604); else null. */
    private static LocalDate textDate(String text, String omittedYear) {
        try {
            LocalDate date = LocalDate.parse(text.strip());
            return String.valueOf(date.getYear()).equals(omittedYear) ? date.withYear(ContactRules.YEAR_UNKNOWN) : date;
        } catch (java.time.format.DateTimeParseException notWhole) {
            try {
                return date(null, PartialDate.parse(text.strip()));
            } catch (IllegalArgumentException notADate) {
                return null;
            }
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s.strip();
    }
}
