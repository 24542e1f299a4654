package dev.contacts.server.contact.transfer;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import dev.contacts.model.ContactDraft;
import dev.contacts.model.ContactRules;
import dev.contacts.model.LabeledValue;
import dev.contacts.model.NameOrder;
import dev.contacts.model.PostalAddress;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.io.text.VCardWriter;
import ezvcard.parameter.VCardParameters;
import ezvcard.parameter.ImageType;
import ezvcard.property.Address;
import ezvcard.property.Anniversary;
import ezvcard.property.Birthday;
import ezvcard.property.Categories;
import ezvcard.property.Email;
import ezvcard.property.Organization;
import ezvcard.property.Photo;
import ezvcard.property.RawProperty;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.Url;
import ezvcard.property.VCardProperty;
import ezvcard.util.PartialDate;

/**
 * Writes contacts as vCard 4.0 (RFC 6350), or 3.0 (RFC 2426) for iPhone/iCloud and Outlook, one card at a time into a
 * {@link Spool} (memory holds one card, whatever the export's size), copied to the output at the end.
 */
final class VCardExport implements ContactFileWriter {

    private final Writer out;
    private final Spool spool;
    private final VCardWriter writer;
    private final VCardVersion version;

    /** vCard 4.0, the default. */
    VCardExport(Writer out) throws IOException {
        this(out, VCardVersion.V4_0);
    }

    /**
     * ez-vcard's writer of that version writes each property as the version wants it (a 3.0 photo as {@code
     * ENCODING=b;TYPE=jpeg}) and leaves out the kept properties the version has not (a 3.0 card has no ANNIVERSARY).
     */
    VCardExport(Writer out, VCardVersion version) throws IOException {
        this.out = out;
        this.spool = new Spool();
        this.version = version;
        this.writer = new VCardWriter(new OutputStreamWriter(spool.output(), StandardCharsets.UTF_8), version);
        writer.setAddProdId(false);
        writer.setScribeIndex(LeanPhotoScribe.INDEX); // the same text, a photo's base64 made with fewer copies
    }

    @Override
    public void write(TransferItem item) throws IOException {
        VCard card = toCard(item);
        if (version == VCardVersion.V3_0) {
            omitYearAsApple(card);
        }
        writer.write(card);
    }

    /** Apple's parameter that marks the year of a year-less birthday as no year ({@code 1604}, as here). */
    static final String APPLE_OMIT_YEAR = "X-APPLE-OMIT-YEAR";

    /**
     * A year-less birthday as Apple writes it in vCard 3.0, which has no date without a year: {@code
     * BDAY;X-APPLE-OMIT-YEAR=1604:1604-03-15} (this book's year-less year is Apple's too, and the import reads it).
     */
    private static void omitYearAsApple(VCard card) {
        Birthday bday = card.getBirthday();
        if (bday != null && bday.getPartialDate() != null) {
            PartialDate day = bday.getPartialDate();
            Birthday apple = new Birthday(LocalDate.of(ContactRules.YEAR_UNKNOWN, day.getMonth(), day.getDate()));
            apple.getParameters().put(APPLE_OMIT_YEAR, String.valueOf(ContactRules.YEAR_UNKNOWN));
            card.setBirthday(apple);
        }
    }

    /** The card of one contact: its fields, its UID, its photo inline and the properties kept from its import. */
    static VCard toCard(TransferItem item) {
        ContactDraft c = item.draft();
        VCard card = new VCard();
        List<VCardProperty> extras = new ArrayList<>(VCardExtras.read(item.extras()));
        String prefix = NameAffixes.take(extras, NameAffixes.PREFIX);
        String suffix = NameAffixes.take(extras, NameAffixes.SUFFIX);
        card.setFormattedName(String.join(" ", Stream.of(prefix, NameOrder.full(c.firstName(), c.lastName()), suffix)
                .filter(s -> s != null && !s.isBlank()).toList()));
        StructuredName n = new StructuredName();
        NameAffixes.GivenAndMiddle givenAndMiddle = NameAffixes.givenAndMiddle(c.firstName(), extras);
        n.setGiven(givenAndMiddle.given());
        if (givenAndMiddle.middle() != null) {
            n.getAdditionalNames().add(givenAndMiddle.middle());
        }
        n.setFamily(c.lastName());
        if (prefix != null) {
            n.getPrefixes().add(prefix);
        }
        if (suffix != null) {
            n.getSuffixes().add(suffix);
        }
        card.setStructuredName(n);
        if (c.nickname() != null) {
            card.setNickname(c.nickname());
        }
        Departments.Parts organization = Departments.split(c.organization(), extras);
        if (organization.name() != null) {
            Organization org = new Organization();
            org.getValues().add(organization.name());
            if (organization.department() != null) {
                org.getValues().add(organization.department()); // its unit, as the file had it
            }
            card.setOrganization(org);
        }
        if (c.jobTitle() != null) {
            card.addTitle(c.jobTitle());
        }
        OwnLabels own = new OwnLabels(extras);
        for (LabeledValue e : c.emails()) {
            Email email = new Email(e.value());
            own.label(card, email, e.label(), EntryLabels.Kind.EMAIL);
            card.addEmail(email);
        }
        for (LabeledValue p : c.phones()) {
            Telephone tel = new Telephone(p.value());
            own.label(card, tel, p.label(), EntryLabels.Kind.PHONE);
            card.addTelephoneNumber(tel);
        }
        for (PostalAddress a : c.addresses()) {
            Address adr = new Address();
            adr.setStreetAddress(a.street());
            adr.setLocality(a.locality());
            adr.setRegion(a.region());
            adr.setPostalCode(a.postalCode());
            adr.setCountry(a.country());
            own.label(card, adr, a.label(), EntryLabels.Kind.ADDRESS);
            card.addAddress(adr);
        }
        if (c.birthday() != null) {
            card.setBirthday(ContactRules.hasKnownYear(c.birthday())
                    ? new Birthday(c.birthday())
                    : new Birthday(PartialDate.builder().month(c.birthday().getMonthValue())
                            .date(c.birthday().getDayOfMonth()).build()));
        }
        if (c.additionalData() != null && !c.additionalData().isEmpty()) {
            card.addNote(c.additionalData());
        }
        List<String> categories = new ArrayList<>(c.labels());
        if (c.favorite()) {
            categories.add(DraftBuilder.STARRED);
        }
        if (!categories.isEmpty()) {
            Categories cat = new Categories();
            cat.getValues().addAll(categories);
            card.setCategories(cat);
        }
        if (item.photo() != null) {
            card.addPhoto(new Photo(item.photo().image(), ImageType.find(null, item.photo().contentType(), null)));
        }
        if (item.uid() != null) {
            card.setUid(new ezvcard.property.Uid(item.uid()));
        }
        boolean hasAnniversary = extras.stream().anyMatch(p -> p instanceof Anniversary);
        Map<String, List<KeptEntries.Entry>> cells = KeptEntries.takeCells(extras);
        for (VCardProperty extra : extras) {
            if (item.photo() != null && extra instanceof RawProperty raw
                    && raw.getPropertyName().equalsIgnoreCase(VCardExtras.OUTLOOK_PICTURE)) {
                continue; // kept by an older import: the photo is written once, as PHOTO
            }
            card.addProperty(extra);
            if (extra instanceof Url site && site.getGroup() == null) {
                own.site(card, site);
            }
        }
        // relations and events kept from a CSV, as Apple and Google write (and read) them: an X-CSV they ignore
        for (KeptEntries.Entry relation : cells.get(KeptEntries.RELATION)) {
            own.apple(card, card.addExtendedProperty(RELATED_NAME, KeptEntries.escaped(relation.value())),
                    EntryLabels.toAppleRelation(relation.label()));
        }
        for (KeptEntries.Entry event : cells.get(KeptEntries.EVENT)) {
            if (!hasAnniversary && event.label().equalsIgnoreCase(KeptEntries.ANNIVERSARY)) {
                card.addProperty(anniversary(event.value()));
                hasAnniversary = true; // RFC 6350 allows one: any other goes as Apple's date
            } else {
                own.apple(card, card.addExtendedProperty(DATE_NAME, KeptEntries.escaped(event.value())),
                        EntryLabels.toAppleDate(event.label()));
            }
        }
        for (KeptEntries.Entry field : cells.get(KeptEntries.CUSTOM_FIELD)) {
            card.addProperty(KeptEntries.kept(KeptEntries.CUSTOM_FIELD, field.label(), field.value()));
        }
        return card;
    }

    private static final String RELATED_NAME = "X-ABRELATEDNAMES";
    private static final String DATE_NAME = "X-ABDATE";

    /** An event's date as Google's CSV writes it ({@code 1995-06-01}, {@code --06-01}) as ANNIVERSARY; else its text. */
    private static Anniversary anniversary(String value) {
        try {
            return new Anniversary(LocalDate.parse(value));
        } catch (DateTimeParseException notAFullDate) {
            try {
                return new Anniversary(PartialDate.parse(value));
            } catch (IllegalArgumentException notADate) {
                return new Anniversary(value);
            }
        }
    }

    /**
     * Writes an entry's label: as TYPE values, or, when it is the person's own words, as Apple's {@code X-ABLabel}
     * in a group of the entry's own ({@code item1.TEL:...}, {@code item1.X-ABLabel:Fax at home}), named apart from
     * the groups of the card's kept properties.
     */
    private static final class OwnLabels {
        private final Set<String> taken = new HashSet<>();
        private int next = 1;

        OwnLabels(List<VCardProperty> extras) {
            for (VCardProperty p : extras) {
                if (p.getGroup() != null) {
                    taken.add(p.getGroup().toLowerCase(Locale.ROOT));
                }
            }
        }

        void label(VCard card, VCardProperty entry, String label, EntryLabels.Kind kind) {
            if (!EntryLabels.isOwn(label, kind)) {
                EntryLabels.toVCardTypes(label, kind).forEach(entry.getParameters()::addType);
                return;
            }
            apple(card, entry, label);
        }

        /**
         * A kept web site's label in the person's own words ({@code URL;TYPE=Blog}, from a CSV's "Website 1 - Label")
         * as Apple writes and reads it, {@code itemN.URL} with {@code itemN.X-ABLabel:Blog}; "home" and "work" stay
         * TYPE values.
         */
        void site(VCard card, Url site) {
            String label = EntryLabels.fromVCard(site.getParameters().getTypes(), null, EntryLabels.Kind.EMAIL);
            if (label != null && EntryLabels.isOwn(label, EntryLabels.Kind.EMAIL)) {
                site.getParameters().removeAll(VCardParameters.TYPE);
                apple(card, site, label);
            }
        }

        /** Apple's label beside the entry, in a group of their own; none when the label is blank. */
        void apple(VCard card, VCardProperty entry, String label) {
            if (label == null || label.isBlank()) {
                return;
            }
            String group;
            do {
                group = "item" + next++;
            } while (taken.contains(group));
            entry.setGroup(group);
            RawProperty appleLabel = card.addExtendedProperty("X-ABLabel", label);
            appleLabel.setGroup(group);
        }
    }

    @Override
    public void close() throws IOException {
        try (spool) {
            writer.flush();
            new InputStreamReader(spool.input(), StandardCharsets.UTF_8).transferTo(out);
            out.flush();
        }
    }

    @Override
    public void discard() throws IOException {
        spool.close();
    }
}
