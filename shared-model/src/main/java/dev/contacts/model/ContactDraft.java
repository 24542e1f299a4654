package dev.contacts.model;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a client sends to create or replace a contact: every field a person can edit. Lists are never null
 * (an absent list is empty). The primary email and phone are the first entries of {@link #emails()} and
 * {@link #phones()}; v1's single {@code email} and {@code phone} are views of them.
 */
public record ContactDraft(String firstName,
                           String lastName,
                           List<LabeledValue> emails,
                           List<LabeledValue> phones,
                           LocalDate birthday,
                           String additionalData,
                           List<PostalAddress> addresses,
                           String organization,
                           String jobTitle,
                           String nickname,
                           List<String> labels,
                           boolean favorite) {

    public static final String DEFAULT_EMAIL_LABEL = "other";
    public static final String DEFAULT_PHONE_LABEL = "mobile";
    public static final String DEFAULT_ADDRESS_LABEL = "other";

    public ContactDraft {
        emails = copyOrEmpty(emails);
        phones = copyOrEmpty(phones);
        addresses = copyOrEmpty(addresses);
        labels = copyOrEmpty(labels);
    }

    /** An immutable copy; null (a list left out) is empty. */
    static <T> List<T> copyOrEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** A v1 contact: one optional email (labelled "other") and one optional phone (labelled "mobile"). */
    public ContactDraft(String firstName, String lastName, String email, String phone, LocalDate birthday,
                        String additionalData) {
        this(firstName, lastName, primary(email, DEFAULT_EMAIL_LABEL), primary(phone, DEFAULT_PHONE_LABEL), birthday,
                additionalData, List.of(), null, null, null, List.of(), false);
    }

    /** The primary email ({@code emails[0].value}), or null; sent too, so a v1 server keeps it. */
    @JsonProperty(value = "email", access = JsonProperty.Access.READ_ONLY)
    public String email() {
        return LabeledValue.primary(emails);
    }

    /** The primary phone ({@code phones[0].value}), or null; sent too, so a v1 server keeps it. */
    @JsonProperty(value = "phone", access = JsonProperty.Access.READ_ONLY)
    public String phone() {
        return LabeledValue.primary(phones);
    }

    /**
     * This draft with v1's {@code "email": value} applied: the first entry's value is replaced (its label kept),
     * or an entry is added when there is none; {@code null} removes the first entry.
     */
    public ContactDraft withEmail(String value) {
        return withEmails(replacePrimary(emails, value, DEFAULT_EMAIL_LABEL));
    }

    /** As {@link #withEmail}, for the phone. */
    public ContactDraft withPhone(String value) {
        return withPhones(replacePrimary(phones, value, DEFAULT_PHONE_LABEL));
    }

    /**
     * This draft with the six fields a v1 form edits set to the given values (the email and phone as by
     * {@link #withEmail}/{@link #withPhone}), keeping every field v1 does not know.
     */
    public ContactDraft withV1Fields(String newFirstName, String newLastName, String email, String phone,
                                     LocalDate newBirthday, String newAdditionalData) {
        return new ContactDraft(newFirstName, newLastName, emails, phones, newBirthday, newAdditionalData,
                addresses, organization, jobTitle, nickname, labels, favorite).withEmail(email).withPhone(phone);
    }

    public ContactDraft withEmails(List<LabeledValue> newEmails) {
        return new ContactDraft(firstName, lastName, newEmails, phones, birthday, additionalData, addresses,
                organization, jobTitle, nickname, labels, favorite);
    }

    public ContactDraft withPhones(List<LabeledValue> newPhones) {
        return new ContactDraft(firstName, lastName, emails, newPhones, birthday, additionalData, addresses,
                organization, jobTitle, nickname, labels, favorite);
    }

    public ContactDraft withLabels(List<String> newLabels) {
        return new ContactDraft(firstName, lastName, emails, phones, birthday, additionalData, addresses,
                organization, jobTitle, nickname, newLabels, favorite);
    }

    /**
     * The draft as it is checked and stored: single-line texts trimmed of surrounding white space, missing
     * labels given their list's default, labels that differ only in case or Unicode form (NFC) merged (the first spelling kept),
     * blank optional texts (organization, job title, nickname, address parts) made null. The notes ({@code additional_data}) are kept exactly as written.
     */
    public ContactDraft normalized() {
        return new ContactDraft(strip(firstName), strip(lastName),
                labelled(emails, DEFAULT_EMAIL_LABEL), labelled(phones, DEFAULT_PHONE_LABEL), birthday,
                additionalData,
                addresses.stream().map(a -> new PostalAddress(
                        a.label() == null ? DEFAULT_ADDRESS_LABEL : Texts.strip(a.label()), blankToNull(a.street()),
                        blankToNull(a.locality()), blankToNull(a.region()), blankToNull(a.postalCode()),
                        blankToNull(a.country()))).toList(),
                blankToNull(organization), blankToNull(jobTitle), blankToNull(nickname), distinctLabels(labels),
                favorite);
    }

    private static List<LabeledValue> labelled(List<LabeledValue> entries, String defaultLabel) {
        return entries.stream().map(e -> new LabeledValue(strip(e.value()), e.label() == null ? defaultLabel : Texts.strip(e.label()))).toList();
    }

    private static List<String> distinctLabels(List<String> labels) {
        Map<String, String> byCase = new LinkedHashMap<>();
        for (String label : labels) {
            String trimmed = ContactRules.labelName(label);
            // NFC: "Café" typed composed and pasted decomposed is one text, shown alike, so one label
            byCase.putIfAbsent(Normalizer.normalize(trimmed, Normalizer.Form.NFC).toLowerCase(Locale.ROOT), trimmed);
        }
        return List.copyOf(byCase.values());
    }

    private static List<LabeledValue> primary(String value, String label) {
        return value == null ? List.of() : List.of(new LabeledValue(value, label));
    }

    private static List<LabeledValue> replacePrimary(List<LabeledValue> entries, String value, String defaultLabel) {
        List<LabeledValue> changed = new ArrayList<>(entries);
        if (value == null) {
            if (!changed.isEmpty()) {
                changed.remove(0);
            }
        } else if (changed.isEmpty()) {
            changed.add(new LabeledValue(value, defaultLabel));
        } else {
            changed.set(0, new LabeledValue(value, changed.get(0).label()));
        }
        return changed;
    }

    private static String strip(String s) {
        return s == null ? null : Texts.strip(s);
    }

    private static String blankToNull(String s) {
        String stripped = s == null ? "" : Texts.strip(s);
        return stripped.isEmpty() ? null : stripped;
    }
}
