package dev.contacts.desktop.contacts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.LongConsumer;

import dev.contacts.desktop.api.ApiFailure;
import dev.contacts.desktop.api.ContactsApi;
import dev.contacts.desktop.app.UserSession;
import dev.contacts.desktop.ui.Background;
import dev.contacts.desktop.ui.Confirm;
import dev.contacts.desktop.ui.Dates;
import dev.contacts.desktop.ui.Messages;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import dev.contacts.model.ContactRules;
import dev.contacts.model.FieldError;
import dev.contacts.model.LabeledValue;
import dev.contacts.model.PostalAddress;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;

/**
 * The create/edit form of every v2 field: rows of emails, phones and addresses that can be added and removed,
 * labels, the favourite star. Checks the shared rules before sending and shows the errors (its own and the
 * server's) beside the field they are about. An edit sends only what changed (PATCH) with the {@code If-Match}
 * of the version it started from; when someone changed the contact meanwhile, the person chooses to reload it
 * or to overwrite it. Whatever goes wrong, what was typed stays until they save or cancel, and nothing typed is
 * dropped (another contact, a new one, closing the window) without asking first.
 */
public final class ContactFormViewModel {

    /** One email or phone: the value, its kind ("work", "mobile", ...) and the error beside it. */
    public static final class EntryRow {
        private final StringProperty value = new SimpleStringProperty("");
        private final StringProperty label = new SimpleStringProperty("");
        private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

        EntryRow(String value, String label) {
            this.value.set(value == null ? "" : value);
            this.label.set(label == null ? "" : label);
            this.value.addListener((obs, was, is) -> error.set("")); // being corrected: no longer wrong
            this.label.addListener((obs, was, is) -> error.set(""));
        }

        public StringProperty valueProperty() {
            return value;
        }

        public StringProperty labelProperty() {
            return label;
        }

        public ReadOnlyStringProperty errorProperty() {
            return error.getReadOnlyProperty();
        }

        List<String> values() {
            return List.of(value.get(), label.get());
        }

        Observable[] observables() {
            return new Observable[] {value, label};
        }
    }

    /**
     * One postal address: its kind and parts, the error beside it, and its fields' order and names, those of its
     * country and script (as the detail writes it), or of the user's own country when it has none.
     */
    public static final class AddressRow {
        private final StringProperty label = new SimpleStringProperty("");
        private final StringProperty street = new SimpleStringProperty("");
        private final StringProperty locality = new SimpleStringProperty("");
        private final StringProperty region = new SimpleStringProperty("");
        private final StringProperty postalCode = new SimpleStringProperty("");
        private final StringProperty country = new SimpleStringProperty("");
        private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
        private final String homeCountry;
        private final ReadOnlyObjectWrapper<List<List<AddressLayout.Field>>> layout = new ReadOnlyObjectWrapper<>();

        AddressRow(PostalAddress address, String homeCountry) {
            this.homeCountry = homeCountry;
            if (address == null) {
                label.set(ContactDraft.DEFAULT_ADDRESS_LABEL); // a new address's kind, as it will be saved
            } else {
                label.set(orEmpty(address.label()));
                street.set(orEmpty(address.street()));
                locality.set(orEmpty(address.locality()));
                region.set(orEmpty(address.region()));
                postalCode.set(orEmpty(address.postalCode()));
                country.set(orEmpty(address.country()));
            }
            for (StringProperty part : List.of(label, street, locality, region, postalCode, country)) {
                part.addListener((obs, was, is) -> error.set("")); // being corrected
            }
            fieldLeft();
        }

        /**
         * The cursor left one of the address's fields: the fields take the order and names of the country and the
         * script typed (as the detail will write the address). Not at each key, or "Ca" on the way to "Canada"
         * would lay them out as Canada's and back again.
         */
        public void fieldLeft() {
            List<List<AddressLayout.Field>> typed = AddressLayout.form(toAddress(), homeCountry);
            if (!typed.equals(layout.get())) {
                layout.set(typed);
            }
        }

        /** The fields after the country's, a list per line, in the order its post writes them. */
        public ReadOnlyObjectProperty<List<List<AddressLayout.Field>>> layoutProperty() {
            return layout.getReadOnlyProperty();
        }

        public StringProperty part(AddressLayout.Part part) {
            return switch (part) {
                case STREET -> street;
                case LOCALITY -> locality;
                case REGION -> region;
                case POSTAL_CODE -> postalCode;
            };
        }

        public StringProperty labelProperty() {
            return label;
        }

        public StringProperty streetProperty() {
            return street;
        }

        public StringProperty localityProperty() {
            return locality;
        }

        public StringProperty regionProperty() {
            return region;
        }

        public StringProperty postalCodeProperty() {
            return postalCode;
        }

        public StringProperty countryProperty() {
            return country;
        }

        public ReadOnlyStringProperty errorProperty() {
            return error.getReadOnlyProperty();
        }

        boolean isBlank() {
            return street.get().isBlank() && locality.get().isBlank() && region.get().isBlank()
                    && postalCode.get().isBlank() && country.get().isBlank();
        }

        PostalAddress toAddress() {
            return new PostalAddress(blankToNull(label.get()), street.get(), locality.get(), region.get(),
                    postalCode.get(), country.get());
        }

        List<String> values() {
            return List.of(label.get(), street.get(), locality.get(), region.get(), postalCode.get(), country.get());
        }

        Observable[] observables() {
            return new Observable[] {label, street, locality, region, postalCode, country};
        }
    }

    /** An image file chosen for the contact, as the server takes it. */
    public record ChosenPhoto(byte[] bytes, String contentType) {
    }

    /** The largest photo the server takes. */
    public static final int PHOTO_MAX_BYTES = 1024 * 1024;
    /** The largest image file chosen as a photo (scaled down to the server's rules): a 48-megapixel camera's JPEG. */
    public static final int PHOTO_FILE_MAX_MIB = 32;
    public static final int PHOTO_FILE_MAX_BYTES = PHOTO_FILE_MAX_MIB * 1024 * 1024;
    /** Shown when a chosen file's bytes are no image: it is not kept, so Save does not send it. */
    public static final String PHOTO_UNREADABLE = "This file could not be read as an image. Choose another JPEG or PNG.";

    /** A chosen photo decoded for the form's avatar. */
    private record Preview(ChosenPhoto of, Image image) {
    }

    /** What the person chose when the contact was changed elsewhere while they edited it. */
    public enum Conflict {
        /** Save this version over the other one. */
        OVERWRITE,
        /** Drop this edit and show the saved contact. */
        RELOAD,
        /** Decide later: the form stays as it is. */
        KEEP_EDITING
    }

    /** Asks what to do about a contact changed meanwhile (the view shows a dialog; tests answer directly). */
    @FunctionalInterface
    public interface ConflictQuestion {
        Conflict ask();

        /** {@code changed}: the fields the other change touched, as the form names them (empty: none it shows). */
        default Conflict ask(List<String> changed) {
            return ask();
        }
    }

    /** The single-value fields by wire name, for errors and the v1 names the tests and older servers use. */
    public static final List<String> FIELDS = List.of("first_name", "last_name", "birthday", "additional_data",
            "organization", "job_title", "nickname", "labels", "emails", "phones", "addresses", "photo");

    private final UserSession session;
    private final Background background;
    private final Dates dates;
    /** Where the user lives: an address without a country is laid out as there. */
    private final String homeCountry = java.util.Locale.getDefault().getCountry();
    private Confirm confirm = Confirm.yes();
    private ConflictQuestion conflictQuestion = () -> Conflict.KEEP_EDITING;

    private final ReadOnlyObjectWrapper<Contact> editing = new ReadOnlyObjectWrapper<>();
    /** The entity tag of the version being edited; null until known (or for a new contact). */
    private String etag;
    /** The contact was seen changed elsewhere after typing began: saving asks first. */
    private boolean changedElsewhere;
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(false);
    /** Counts the times the form was filled (new or another contact): the view puts the cursor in it each time. */
    private final ReadOnlyIntegerWrapper filled = new ReadOnlyIntegerWrapper(0);
    /** Counts the saves refused for the fields' errors: the view puts the cursor in the first field at fault. */
    private final ReadOnlyIntegerWrapper refused = new ReadOnlyIntegerWrapper(0);
    private final StringProperty firstName = new SimpleStringProperty("");
    private final StringProperty lastName = new SimpleStringProperty("");
    private final StringProperty birthdayText = new SimpleStringProperty("");
    private final StringProperty additionalData = new SimpleStringProperty("");
    private final StringProperty organization = new SimpleStringProperty("");
    private final StringProperty jobTitle = new SimpleStringProperty("");
    private final StringProperty nickname = new SimpleStringProperty("");
    /** The labels as typed: separated by commas. */
    private final StringProperty labelsText = new SimpleStringProperty("");
    private final LabelCompletion labelCompletion = new LabelCompletion();
    private final BooleanProperty favorite = new SimpleBooleanProperty(false);
    /** A photo chosen in the form, sent after the contact is saved; null when none was chosen. */
    private final ReadOnlyObjectWrapper<ChosenPhoto> chosenPhoto = new ReadOnlyObjectWrapper<>();
    /** Whether the contact's photo is to be removed on save. */
    private final ReadOnlyBooleanWrapper photoRemoved = new ReadOnlyBooleanWrapper(false);
    /** The last chosen photo decoded (in the background); shown only while it is still the chosen one. */
    private final ReadOnlyObjectWrapper<Preview> decoded = new ReadOnlyObjectWrapper<>();
    private final ObjectBinding<Image> chosenPreview = Bindings.createObjectBinding(() -> {
        Preview preview = decoded.get();
        return preview != null && preview.of() == chosenPhoto.get() ? preview.image() : null;
    }, decoded, chosenPhoto);
    /** Counts the photo choices (and removals, and forms filled): a file read for an older one is not used. */
    private long photoChoices;
    /** {@link #READING_PHOTO} while a chosen file is read (and scaled down) in the background; else empty. */
    private final ReadOnlyStringWrapper photoReading = new ReadOnlyStringWrapper("");
    public static final String READING_PHOTO = "Reading the photo…";
    /** The avatar's side in pixels, which a chosen photo is decoded to (a 1 MiB JPEG may hold 4096×4096: 64 MiB). */
    private IntSupplier previewSide = () -> 144;
    private final ObservableList<EntryRow> emails =
            FXCollections.observableArrayList(row -> row.observables());
    private final ObservableList<EntryRow> phones =
            FXCollections.observableArrayList(row -> row.observables());
    private final ObservableList<AddressRow> addresses =
            FXCollections.observableArrayList(row -> row.observables());
    private final Map<String, ReadOnlyStringWrapper> errors = new java.util.HashMap<>();
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);
    /** What the fields held when the form opened: the changes are measured against it. */
    private final ReadOnlyObjectWrapper<List<Object>> original = new ReadOnlyObjectWrapper<>(List.of());
    private final BooleanBinding changed;
    private Consumer<Contact> onSaved = saved -> { };
    private Consumer<Contact> onFoundChanged = now -> { };
    private LongConsumer onFoundGone = id -> { };

    public ContactFormViewModel(UserSession session, Background background, Dates dates) {
        this.session = session;
        this.background = background;
        this.dates = dates;
        changed = Bindings.createBooleanBinding(() -> open.get() && !values().equals(original.get()), open,
                original, firstName, lastName, birthdayText, additionalData, organization, jobTitle, nickname,
                labelsText, favorite, emails, phones, addresses, chosenPhoto, photoRemoved);
        emails.add(new EntryRow("", ContactDraft.DEFAULT_EMAIL_LABEL));
        phones.add(new EntryRow("", ContactDraft.DEFAULT_PHONE_LABEL));
        FIELDS.forEach(field -> errors.put(field, new ReadOnlyStringWrapper("")));
        // a field being corrected loses its error at once, instead of still saying it is wrong until Save
        Map.of("first_name", firstName, "last_name", lastName, "birthday", birthdayText,
                "additional_data", additionalData, "organization", organization, "job_title", jobTitle,
                "nickname", nickname, "labels", labelsText)
                .forEach((field, value) -> value.addListener((obs, was, is) -> errors.get(field).set("")));
    }

    public ContactFormViewModel(UserSession session, Background background) {
        this(session, background, Dates.local());
    }

    /** How to ask before unsaved changes are dropped (the view shows a dialog). */
    public void setConfirm(Confirm confirm) {
        this.confirm = confirm;
    }

    /** How to ask what to do when the contact was changed elsewhere (412). */
    public void setConflictQuestion(ConflictQuestion question) {
        this.conflictQuestion = question;
    }

    /** The pixels a chosen photo is decoded to for its preview (the view's avatar's), asked at each choice. */
    public void setPhotoPreviewSide(IntSupplier side) {
        this.previewSide = side;
    }

    /** Called with the saved contact after a successful save, e.g. to reload and select it in the list. */
    public void setOnSaved(Consumer<Contact> onSaved) {
        this.onSaved = onSaved;
    }

    /**
     * Called with the contact as it is now when a save found it changed elsewhere and the person reloaded it: the
     * list's row and the details then show it as the form does, not as it was.
     */
    public void setOnFoundChanged(Consumer<Contact> onFoundChanged) {
        this.onFoundChanged = onFoundChanged;
    }

    /**
     * Called with the contact's id when a save found it deleted elsewhere: the list no longer shows it (nor the
     * details once the form closes), as it is not in the address book; the form keeps what was typed.
     */
    public void setOnFoundGone(LongConsumer onFoundGone) {
        this.onFoundGone = onFoundGone;
    }

    /** Opens an empty form; false when the person chose to keep editing the open one. */
    public boolean startNew() {
        return mayDiscardChanges() && fill(null, null);
    }

    /**
     * Opens {@code contact}; false when the person chose to keep editing the open one. Its current version and
     * entity tag are fetched meanwhile, so the save can say whether someone else changed it first.
     */
    public boolean startEdit(Contact contact) {
        Contact current = editing.get();
        if (open.get() && current != null && current.id() == contact.id()) {
            return true; // already open: keep what is typed
        }
        if (!mayDiscardChanges()) {
            return false;
        }
        fill(contact, null);
        fetchVersion(contact);
        return true;
    }

    private void fetchVersion(Contact contact) {
        background.run(() -> session.api().get(contact.id()), tagged -> {
            Contact now = editing.get();
            if (now == null || now.id() != contact.id() || !open.get()) {
                return; // the form moved on meanwhile
            }
            if (tagged.contact().equals(now)) {
                etag = tagged.etag();
            } else if (!changed.get()) {
                fill(tagged.contact(), tagged.etag()); // a newer version, and nothing typed yet: show it
            } else {
                changedElsewhere = true;
            }
        }, session.failures(failure -> {
            // without a tag the save cannot tell a change made elsewhere: it says so when it happens
        }));
    }

    /** True when nothing typed would be lost, or the person agreed to drop it. */
    public boolean mayDiscardChanges() {
        return !changed.get() || confirm.ask("Discard your changes?",
                "The contact you are editing has changes that are not saved.", "Discard changes", "Keep editing");
    }

    private boolean fill(Contact contact, String tag) {
        editing.set(contact);
        etag = tag;
        changedElsewhere = false;
        ContactDraft draft = contact == null ? new ContactDraft("", "", null, null, null, null) : contact.toDraft();
        firstName.set(orEmpty(draft.firstName()));
        lastName.set(orEmpty(draft.lastName()));
        birthdayText.set(dates.format(draft.birthday()));
        additionalData.set(orEmpty(draft.additionalData()));
        organization.set(orEmpty(draft.organization()));
        jobTitle.set(orEmpty(draft.jobTitle()));
        nickname.set(orEmpty(draft.nickname()));
        labelsText.set(String.join(", ", draft.labels()));
        favorite.set(draft.favorite());
        nextPhotoChoice();
        chosenPhoto.set(null);
        photoRemoved.set(false);
        emails.setAll(rows(draft.emails(), ContactDraft.DEFAULT_EMAIL_LABEL));
        phones.setAll(rows(draft.phones(), ContactDraft.DEFAULT_PHONE_LABEL));
        addresses.setAll(draft.addresses().stream().map(a -> new AddressRow(a, homeCountry)).toList());
        original.set(values());
        clearErrors();
        learnLabels();
        open.set(true);
        filled.set(filled.get() + 1);
        return true;
    }

    /** The person's labels as they are now, for the labels field's completion (none if they cannot be read). */
    private void learnLabels() {
        labelCompletion.know(java.util.List.of());
        background.run(() -> session.api().labels(), labelCompletion::know, session.failures(failure -> {
            // the field still takes any label typed in full
        }));
    }

    /**
     * The rows of a list; at least one (empty) row, so there is always a field to type the first into. A new row's
     * kind is the one it is saved as when left alone (GNOME Contacts shows it too), not an empty field.
     */
    private static List<EntryRow> rows(List<LabeledValue> entries, String defaultKind) {
        List<EntryRow> rows = new ArrayList<>(entries.stream().map(e -> new EntryRow(e.value(), e.label())).toList());
        if (rows.isEmpty()) {
            rows.add(new EntryRow("", defaultKind));
        }
        return rows;
    }

    private List<Object> values() {
        return List.of(firstName.get(), lastName.get(), birthdayText.get().strip(), additionalData.get(),
                organization.get(), jobTitle.get(), nickname.get(), labelsText.get(), favorite.get(),
                emails.stream().map(EntryRow::values).toList(), phones.stream().map(EntryRow::values).toList(),
                addresses.stream().map(AddressRow::values).toList(), photoRemoved.get(),
                java.util.Objects.requireNonNullElse(chosenPhoto.get(), "no photo chosen"));
    }

    /**
     * Chooses a photo, sent when the contact is saved: a JPEG or PNG of at most 1 MiB (the server's rule); false,
     * with the reason beside the photo, for anything else. It is decoded for its preview in the background, not on
     * the calling (FX) thread; bytes that are no image are then dropped again, with {@link #PHOTO_UNREADABLE}.
     */
    public boolean choosePhoto(byte[] bytes, String contentType) {
        nextPhotoChoice();
        errors.get("photo").set("");
        if (!"image/jpeg".equals(contentType) && !"image/png".equals(contentType)) {
            errors.get("photo").set("Choose a JPEG or PNG image.");
            return false;
        }
        if (bytes.length > PHOTO_MAX_BYTES) {
            errors.get("photo").set("The image is larger than 1 MiB.");
            return false;
        }
        ChosenPhoto chosen = new ChosenPhoto(bytes, contentType);
        chosenPhoto.set(chosen);
        photoRemoved.set(false);
        int side = previewSide.getAsInt();
        background.run(() -> Photos.decoded(bytes, side), image -> {
            if (image.isError()) {
                unreadable(chosen);
            } else {
                decoded.set(new Preview(chosen, image));
            }
        }, failure -> unreadable(chosen));
        return true;
    }

    /** A chosen file that is no image: dropped, unless another was chosen (or the form left) meanwhile. */
    private void unreadable(ChosenPhoto chosen) {
        if (chosenPhoto.get() == chosen) {
            chosenPhoto.set(null);
            errors.get("photo").set(PHOTO_UNREADABLE);
        }
    }

    /**
     * Chooses an image file as the photo: JPEG or PNG by its name, of at most {@value #PHOTO_FILE_MAX_MIB} MiB; one
     * beyond the server's rules (a camera's photo) is scaled down to them first. The file is read (and scaled) in
     * the background (a folder on the network may take its time), then chosen as {@link #choosePhoto(byte[],
     * String)} does unless another photo was chosen or removed, or another contact opened, meanwhile; one that
     * cannot be read or is larger gets its reason beside the photo and changes nothing. False, with the reason,
     * for a name that is no JPEG or PNG; true while the file is read.
     */
    public boolean choosePhoto(java.nio.file.Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        String type = name.endsWith(".png") ? "image/png"
                : name.endsWith(".jpg") || name.endsWith(".jpeg") ? "image/jpeg" : "";
        errors.get("photo").set("");
        if (type.isEmpty()) {
            errors.get("photo").set("Choose a JPEG or PNG image.");
            return false;
        }
        long choice = nextPhotoChoice();
        photoReading.set(READING_PHOTO); // a camera's 10 MiB photo takes a moment to scale: say so meanwhile
        background.run(() -> readPhoto(file, type), read -> {
            if (choice != photoChoices) {
                return; // chosen over, removed, or another contact opened while it was read
            }
            photoReading.set("");
            if (read.bytes() == null) {
                errors.get("photo").set(read.error());
            } else {
                choosePhoto(read.bytes(), type);
            }
        }, failure -> {
            if (choice == photoChoices) {
                photoReading.set("");
                errors.get("photo").set("The file could not be read.");
            }
        });
        return true;
    }

    /** A new photo choice (or removal, or form): a file still being read for the one before is no longer said. */
    private long nextPhotoChoice() {
        photoReading.set("");
        return ++photoChoices;
    }

    /** A chosen file as read: the photo's bytes to send, or why there are none. */
    private record PhotoFile(byte[] bytes, String error) {
    }

    /**
     * The file's bytes, scaled down when beyond the server's rules; none, with the reason, when it holds more than a
     * chosen file may (read no further than that) or is too large and no image.
     */
    private static PhotoFile readPhoto(java.nio.file.Path file, String type) throws java.io.IOException {
        byte[] bytes;
        try (var in = java.nio.file.Files.newInputStream(file)) {
            bytes = in.readNBytes(PHOTO_FILE_MAX_BYTES + 1);
        }
        if (bytes.length > PHOTO_FILE_MAX_BYTES) {
            return new PhotoFile(null, "The image is larger than " + PHOTO_FILE_MAX_MIB + " MiB.");
        }
        byte[] fitted = PhotoUploads.fitted(bytes, type, PHOTO_MAX_BYTES);
        if (fitted == null) {
            return new PhotoFile(null, PHOTO_UNREADABLE);
        }
        return fitted.length > PHOTO_MAX_BYTES
                ? new PhotoFile(null, "The image is larger than 1 MiB.") : new PhotoFile(fitted, null);
    }

    /** Removes the photo (the chosen one, and the contact's own on save). */
    public void removePhoto() {
        nextPhotoChoice();
        chosenPhoto.set(null);
        Contact current = editing.get();
        photoRemoved.set(current != null && current.hasPhoto());
    }

    public void addEmail() {
        if (emails.size() < ContactRules.EMAILS_MAX) {
            emails.add(new EntryRow("", ContactDraft.DEFAULT_EMAIL_LABEL));
        }
    }

    public void addPhone() {
        if (phones.size() < ContactRules.PHONES_MAX) {
            phones.add(new EntryRow("", ContactDraft.DEFAULT_PHONE_LABEL));
        }
    }

    public void addAddress() {
        if (addresses.size() < ContactRules.ADDRESSES_MAX) {
            addresses.add(new AddressRow(null, homeCountry));
        }
    }

    /** Removes a row; the last email or phone row is emptied instead, so there is still one to type into. */
    public void remove(EntryRow row) {
        ObservableList<EntryRow> list = emails.contains(row) ? emails : phones;
        if (list.size() == 1) {
            row.value.set("");
            row.label.set(list == emails ? ContactDraft.DEFAULT_EMAIL_LABEL : ContactDraft.DEFAULT_PHONE_LABEL);
        } else {
            list.remove(row);
        }
    }

    public void remove(AddressRow row) {
        addresses.remove(row);
    }

    /** Escape or Cancel: closes the form (asking first when something typed would be lost). */
    public void cancel() {
        if (!saving.get() && mayDiscardChanges()) {
            close();
        }
    }

    /** Closes without asking: e.g. the contact being edited was just deleted. */
    public void close() {
        photoChoices++; // a photo file still read lands in no form
        open.set(false);
        editing.set(null);
        etag = null;
        clearErrors();
    }

    /**
     * The form as a (normalised) draft: empty rows and blank optional fields mean "no value"; empty when the
     * birthday cannot be read.
     */
    public Optional<ContactDraft> draft() {
        String typedDate = birthdayText.get().strip();
        var birthday = dates.parse(typedDate);
        if (!typedDate.isEmpty() && birthday.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(formDraft(birthday.orElse(null)));
    }

    private ContactDraft formDraft(LocalDate birthday) {
        return new ContactDraft(firstName.get(), lastName.get(), entries(emails), entries(phones), birthday,
                blankToNull(additionalData.get()),
                addresses.stream().filter(a -> !a.isBlank()).map(AddressRow::toAddress).toList(),
                organization.get(), jobTitle.get(), nickname.get(),
                Arrays.stream(labelsText.get().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
                favorite.get()).normalized();
    }

    private static List<LabeledValue> entries(List<EntryRow> rows) {
        return rows.stream().filter(r -> !r.value.get().isBlank())
                .map(r -> new LabeledValue(r.value.get(), blankToNull(r.label.get()))).toList();
    }

    /** Checks the shared rules; shows and returns whether the form can be sent. */
    public boolean validate() {
        clearErrors();
        boolean rowsComplete = kindsHaveValues(emails, ContactDraft.DEFAULT_EMAIL_LABEL, "email address")
                & kindsHaveValues(phones, ContactDraft.DEFAULT_PHONE_LABEL, "phone number");
        Optional<ContactDraft> draft = draft();
        if (draft.isEmpty()) {
            show(ContactRules.validate(formDraft(null)));
            errors.get("birthday").set(dates.hint());
            return false;
        }
        List<FieldError> problems = ContactRules.validate(draft.get());
        show(problems);
        return problems.isEmpty() && rowsComplete;
    }

    /**
     * Whether every row given a kind of its own also has a value. An empty row is left out when saved, so text typed
     * into its kind field (an address typed one Tab too far) would be lost without a word: the row says so instead.
     */
    private static boolean kindsHaveValues(List<EntryRow> rows, String defaultKind, String what) {
        boolean complete = true;
        for (EntryRow row : rows) {
            String kind = row.label.get().strip();
            if (row.value.get().isBlank() && !kind.isEmpty() && !kind.equals(defaultKind)) {
                row.error.set("Type the " + what + " here, or remove the row: “" + kind + "” is only its kind.");
                complete = false;
            }
        }
        return complete;
    }

    public void save() {
        if (!open.get() || saving.get()) {
            return;
        }
        if (!validate()) {
            refused.set(refused.get() + 1);
            return;
        }
        if (changedElsewhere) {
            resolveConflict();
            return;
        }
        send(etag);
    }

    /** Sends the form: a new contact whole, an edit as only its changes, conditional on {@code ifMatch}. */
    private void send(String ifMatch) {
        ContactDraft draft = draft().orElseThrow();
        Contact current = editing.get();
        saving.set(true);
        ChosenPhoto photo = chosenPhoto.get();
        boolean removePhoto = photoRemoved.get();
        background.run(() -> {
                    Contact saved;
                    if (current == null) {
                        saved = session.api().create(draft);
                    } else {
                        Map<String, Object> changes = ContactPatch.between(current.toDraft().normalized(), draft);
                        saved = changes.isEmpty() ? current
                                : session.api().patch(current.id(), changes, ifMatch).contact();
                    }
                    if (photo == null && !removePhoto) {
                        return saved;
                    }
                    try {
                        if (photo != null) {
                            session.api().putPhoto(saved.id(), photo.bytes(), photo.contentType());
                        } else {
                            session.api().deletePhoto(saved.id());
                        }
                    } catch (ApiFailure.SessionEnded ended) {
                        throw ended;
                    } catch (ApiFailure failure) {
                        throw new PhotoRefused(saved, failure);
                    }
                    return session.api().get(saved.id()).contact();
                },
                saved -> {
                    close();
                    onSaved.accept(saved);
                },
                session.failures(this::failed),
                () -> saving.set(false));
    }

    /** The contact was saved but its photo was not taken: the form stays open on the saved contact. */
    private static final class PhotoRefused extends RuntimeException {
        private final Contact saved;

        PhotoRefused(Contact saved, ApiFailure cause) {
            super(cause);
            this.saved = saved;
        }
    }

    private void failed(Throwable failure) {
        if (failure instanceof PhotoRefused refused) {
            ChosenPhoto photo = chosenPhoto.get();
            boolean removing = photoRemoved.get();
            fill(refused.saved, null);
            fetchVersion(refused.saved);
            chosenPhoto.set(photo);
            photoRemoved.set(removing);
            errors.get("photo").set(refused.getCause() instanceof ApiFailure.Invalid
                    ? "The server could not read this image." : Messages.of(refused.getCause())
                    + " The rest is saved; press Save to send the photo again.");
            return;
        }
        if (failure instanceof ApiFailure.Invalid invalid) {
            show(invalid.errors());
            refused.set(refused.get() + 1);
        } else if (failure instanceof ApiFailure.Refused refused && refused.status() == 412) {
            changedElsewhere = true;
            resolveConflict();
        } else if (failure instanceof ApiFailure.Refused refused && refused.status() == 404) {
            formError.set("This contact was deleted meanwhile. Save again to add it back as a new contact.");
            Contact gone = editing.get();
            editing.set(null);
            etag = null;
            if (gone != null) {
                onFoundGone.accept(gone.id());
            }
        } else {
            formError.set(Messages.of(failure) + " Your changes are kept: press Save to try again.");
        }
    }

    /** The contact changed elsewhere: reload it (dropping this edit) or overwrite it, as the person chooses. */
    private void resolveConflict() {
        Contact edited = editing.get();
        // the contact as it is now first, so the question can say what the other change touched
        background.run(() -> session.api().get(edited.id()), now -> resolveConflict(edited, now),
                session.failures(this::failed)); // (a 404: deleted meanwhile, said as after a save)
    }

    private void resolveConflict(Contact edited, ContactsApi.Tagged now) {
        switch (conflictQuestion.ask(fieldsChanged(edited, now.contact()))) {
            case OVERWRITE -> {
                changedElsewhere = false;
                send(null); // this edit's changes win; fields it did not touch keep the other change
            }
            case RELOAD -> {
                fill(now.contact(), now.etag());
                onFoundChanged.accept(now.contact());
            }
            case KEEP_EDITING -> formError.set("Someone else changed this contact meanwhile. Save again to choose"
                    + " between their version and yours.");
        }
    }

    /** The form's names of the fields that differ between {@code before} and {@code after}, in the form's order. */
    static List<String> fieldsChanged(Contact before, Contact after) {
        List<String> changed = new ArrayList<>();
        java.util.function.BiConsumer<String, Boolean> add = (name, differs) -> {
            if (differs) {
                changed.add(name);
            }
        };
        add.accept("First name", !Objects.equals(before.firstName(), after.firstName()));
        add.accept("Last name", !Objects.equals(before.lastName(), after.lastName()));
        add.accept("Nickname", !Objects.equals(before.nickname(), after.nickname()));
        add.accept("Photo", before.hasPhoto() != after.hasPhoto());
        add.accept("Email", !before.emails().equals(after.emails()));
        add.accept("Phone", !before.phones().equals(after.phones()));
        add.accept("Address", !before.addresses().equals(after.addresses()));
        add.accept("Birthday", !Objects.equals(before.birthday(), after.birthday()));
        add.accept("Organization", !Objects.equals(before.organization(), after.organization()));
        add.accept("Job title", !Objects.equals(before.jobTitle(), after.jobTitle()));
        add.accept("Labels", !before.labels().equals(after.labels()));
        add.accept("Notes", !Objects.equals(before.additionalData(), after.additionalData()));
        add.accept("Favorite", before.favorite() != after.favorite());
        return changed;
    }

    /** Shows each error beside its field (a row's beside that row); what has no place is shown under the form. */
    private void show(List<FieldError> problems) {
        for (FieldError problem : problems) {
            String message = Messages.of(problem);
            List<Object> loc = problem.loc();
            String field = loc.size() >= 2 ? String.valueOf(loc.get(1)) : problem.field();
            int row = loc.size() >= 3 && loc.get(2) instanceof Integer i ? i : -1;
            switch (field) {
                case "email" -> setRowError(emails, 0, message, "emails");
                case "phone" -> setRowError(phones, 0, message, "phones");
                case "emails" -> setRowError(emails, row, message, field);
                case "phones" -> setRowError(phones, row, message, field);
                case "addresses" -> {
                    if (row >= 0 && row < addresses.size()) {
                        addresses.get(row).error.set(message);
                    } else {
                        errors.get(field).set(message);
                    }
                }
                default -> {
                    ReadOnlyStringWrapper target = errors.get(field);
                    if (target != null) {
                        target.set(message);
                    } else {
                        formError.set(problem.msg());
                    }
                }
            }
        }
    }

    /** An entry's error beside its row; the rows sent skip empty ones, so the index is among the filled rows. */
    private void setRowError(List<EntryRow> rows, int index, String message, String field) {
        List<EntryRow> filledRows = rows.stream().filter(r -> !r.value.get().isBlank()).toList();
        if (index >= 0 && index < filledRows.size()) {
            filledRows.get(index).error.set(message);
        } else {
            errors.get(field).set(message);
        }
    }

    private void clearErrors() {
        errors.values().forEach(p -> p.set(""));
        emails.forEach(r -> r.error.set(""));
        phones.forEach(r -> r.error.set(""));
        addresses.forEach(r -> r.error.set(""));
        formError.set("");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    public ReadOnlyObjectProperty<Contact> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    /** Goes up each time a save is refused for errors shown beside the fields (by the shared rules or the server). */
    public ReadOnlyIntegerProperty refusedProperty() {
        return refused.getReadOnlyProperty();
    }

    /** Goes up each time the form is filled with a new or another contact. */
    public ReadOnlyIntegerProperty filledProperty() {
        return filled.getReadOnlyProperty();
    }

    /** Whether the open form holds changes that are not saved. */
    public ObservableBooleanValue changedProperty() {
        return changed;
    }

    public StringProperty firstNameProperty() {
        return firstName;
    }

    public StringProperty lastNameProperty() {
        return lastName;
    }

    /** The first email row's value (the primary email). */
    public StringProperty emailProperty() {
        return emails.get(0).value;
    }

    /** The first phone row's value (the primary phone). */
    public StringProperty phoneProperty() {
        return phones.get(0).value;
    }

    public ObservableList<EntryRow> emails() {
        return emails;
    }

    public ObservableList<EntryRow> phones() {
        return phones;
    }

    public ObservableList<AddressRow> addresses() {
        return addresses;
    }

    /** The birthday as typed (or picked): read when saving, in the locale's format or ISO. */
    public StringProperty birthdayTextProperty() {
        return birthdayText;
    }

    public StringProperty additionalDataProperty() {
        return additionalData;
    }

    public StringProperty organizationProperty() {
        return organization;
    }

    public StringProperty jobTitleProperty() {
        return jobTitle;
    }

    public StringProperty nicknameProperty() {
        return nickname;
    }

    /** Suggests the person's existing labels as they type in the labels field. */
    public LabelCompletion labelCompletion() {
        return labelCompletion;
    }

    /** The labels, separated by commas ("Family, Work"). */
    public StringProperty labelsTextProperty() {
        return labelsText;
    }

    public BooleanProperty favoriteProperty() {
        return favorite;
    }

    /** The photo chosen in the form; null when none was. */
    /** "Reading the photo…" while a chosen image file is read and scaled down in the background. */
    public ReadOnlyStringProperty photoReadingProperty() {
        return photoReading.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ChosenPhoto> chosenPhotoProperty() {
        return chosenPhoto.getReadOnlyProperty();
    }

    /** The chosen photo decoded to the avatar's side; null while it is decoded, and when none is chosen. */
    public ObservableValue<Image> chosenPreviewProperty() {
        return chosenPreview;
    }

    /** Whether the contact's photo goes when the form is saved. */
    public ReadOnlyBooleanProperty photoRemovedProperty() {
        return photoRemoved.getReadOnlyProperty();
    }

    /**
     * The error shown beside {@code field} (a wire name such as {@code "first_name"}; {@code "email"} and
     * {@code "phone"} are the first row's); empty when none.
     */
    public ReadOnlyStringProperty errorProperty(String field) {
        return switch (field) {
            case "email" -> emails.get(0).errorProperty();
            case "phone" -> phones.get(0).errorProperty();
            default -> errors.get(field).getReadOnlyProperty();
        };
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** The date format, for the date picker to show picked dates the same way. */
    public Dates dates() {
        return dates;
    }
}
