package dev.contacts.desktop.contacts;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.contacts.desktop.api.ApiFailure;
import dev.contacts.desktop.app.UserSession;
import dev.contacts.desktop.ui.Background;
import dev.contacts.desktop.ui.Messages;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import dev.contacts.model.ContactRules;
import dev.contacts.model.FieldError;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The create/edit form. Checks the shared rules before sending and shows the server's field errors after;
 * whatever goes wrong, what the person typed stays in the form until they save or cancel.
 */
public final class ContactFormViewModel {

    public static final List<String> FIELDS =
            List.of("first_name", "last_name", "email", "phone", "birthday", "additional_data");

    private final UserSession session;
    private final Background background;

    private final ObjectProperty<Contact> editing = new SimpleObjectProperty<>();
    private final BooleanProperty open = new SimpleBooleanProperty(false);
    private final StringProperty firstName = new SimpleStringProperty("");
    private final StringProperty lastName = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> birthday = new SimpleObjectProperty<>();
    private final StringProperty additionalData = new SimpleStringProperty("");
    private final Map<String, StringProperty> errors = Map.of(
            "first_name", new SimpleStringProperty(""), "last_name", new SimpleStringProperty(""),
            "email", new SimpleStringProperty(""), "phone", new SimpleStringProperty(""),
            "birthday", new SimpleStringProperty(""), "additional_data", new SimpleStringProperty(""));
    private final StringProperty formError = new SimpleStringProperty("");
    private final BooleanProperty saving = new SimpleBooleanProperty(false);
    private Runnable onSaved = () -> { };

    public ContactFormViewModel(UserSession session, Background background) {
        this.session = session;
        this.background = background;
    }

    /** Called after a successful save, e.g. to reload the list. */
    public void setOnSaved(Runnable onSaved) {
        this.onSaved = onSaved;
    }

    public void startNew() {
        fill(null);
    }

    public void startEdit(Contact contact) {
        fill(contact);
    }

    private void fill(Contact contact) {
        editing.set(contact);
        firstName.set(contact == null ? "" : contact.firstName());
        lastName.set(contact == null ? "" : contact.lastName());
        email.set(contact == null || contact.email() == null ? "" : contact.email());
        phone.set(contact == null || contact.phone() == null ? "" : contact.phone());
        birthday.set(contact == null ? null : contact.birthday());
        additionalData.set(contact == null || contact.additionalData() == null ? "" : contact.additionalData());
        clearErrors();
        open.set(true);
    }

    public void cancel() {
        if (!saving.get()) {
            open.set(false);
            clearErrors();
        }
    }

    /**
     * The form as a draft: empty optional fields mean "no value". Editing keeps what the form does not show
     * (further emails and phones, addresses, labels, ...): the form edits the primary email and phone.
     */
    public ContactDraft draft() {
        Contact current = editing.get();
        ContactDraft base = current == null ? new ContactDraft(null, null, null, null, null, null) : current.toDraft();
        return base.withV1Fields(firstName.get(), lastName.get(), blankToNull(email.get()), blankToNull(phone.get()),
                birthday.get(), blankToNull(additionalData.get())).normalized();
    }

    /** Checks the shared rules; shows and returns whether the form can be sent. */
    public boolean validate() {
        clearErrors();
        List<FieldError> problems = ContactRules.asV1(ContactRules.validate(draft()), true, true);
        show(problems);
        return problems.isEmpty();
    }

    public void save() {
        if (saving.get() || !validate()) {
            return;
        }
        ContactDraft draft = draft();
        Contact current = editing.get();
        saving.set(true);
        background.run(() -> current == null ? session.api().create(draft) : session.api().update(current.id(), draft),
                saved -> {
                    saving.set(false);
                    open.set(false);
                    editing.set(null);
                    onSaved.run();
                },
                session.failures(this::failed).andThen(f -> saving.set(false)));
    }

    private void failed(Throwable failure) {
        if (failure instanceof ApiFailure.Invalid invalid) {
            show(ContactRules.asV1(invalid.errors(), true, true));
        } else if (failure instanceof ApiFailure.Refused refused && refused.status() == 404) {
            formError.set("This contact was deleted meanwhile. Save again to add it back as a new contact.");
            editing.set(null);
        } else {
            formError.set(Messages.of(failure) + " Your changes are kept: press Save to try again.");
        }
    }

    private void show(List<FieldError> problems) {
        for (FieldError problem : problems) {
            StringProperty target = errors.get(problem.field());
            if (target != null) {
                target.set(readable(problem));
            } else {
                formError.set(problem.msg());
            }
        }
    }

    private static String readable(FieldError e) {
        if (e.type().equals("missing") || e.type().equals("string_too_short")) {
            return "Required.";
        }
        if (e.type().equals("string_too_long")) {
            return "Too long: " + e.msg().replace("String should have at most", "at most") + ".";
        }
        String msg = e.msg();
        return msg.startsWith("Value error, ") ? capitalize(msg.substring("Value error, ".length())) + "."
                : capitalize(msg) + (msg.endsWith(".") ? "" : ".");
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private void clearErrors() {
        errors.values().forEach(p -> p.set(""));
        formError.set("");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public ObjectProperty<Contact> editingProperty() {
        return editing;
    }

    public BooleanProperty openProperty() {
        return open;
    }

    public StringProperty firstNameProperty() {
        return firstName;
    }

    public StringProperty lastNameProperty() {
        return lastName;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public ObjectProperty<LocalDate> birthdayProperty() {
        return birthday;
    }

    public StringProperty additionalDataProperty() {
        return additionalData;
    }

    /** The error shown beside {@code field} (a wire name such as {@code "first_name"}); empty when none. */
    public StringProperty errorProperty(String field) {
        return errors.get(field);
    }

    public StringProperty formErrorProperty() {
        return formError;
    }

    public BooleanProperty savingProperty() {
        return saving;
    }
}
