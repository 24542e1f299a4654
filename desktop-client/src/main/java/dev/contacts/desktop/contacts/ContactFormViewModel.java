package dev.contacts.desktop.contacts;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import dev.contacts.desktop.api.ApiFailure;
import dev.contacts.desktop.app.UserSession;
import dev.contacts.desktop.ui.Background;
import dev.contacts.desktop.ui.Confirm;
import dev.contacts.desktop.ui.Dates;
import dev.contacts.desktop.ui.Messages;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import dev.contacts.model.ContactRules;
import dev.contacts.model.FieldError;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * The create/edit form. Checks the shared rules before sending and shows the server's field errors after;
 * whatever goes wrong, what the person typed stays in the form until they save or cancel, and nothing typed
 * is dropped (another contact, a new one, closing the window) without asking first.
 */
public final class ContactFormViewModel {

    public static final List<String> FIELDS =
            List.of("first_name", "last_name", "email", "phone", "birthday", "additional_data");

    private final UserSession session;
    private final Background background;
    private final Dates dates;
    private Confirm confirm = Confirm.yes();

    private final ReadOnlyObjectWrapper<Contact> editing = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(false);
    /** Counts the times the form was filled (new or another contact): the view puts the cursor in it each time. */
    private final ReadOnlyIntegerWrapper filled = new ReadOnlyIntegerWrapper(0);
    private final StringProperty firstName = new SimpleStringProperty("");
    private final StringProperty lastName = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final StringProperty birthdayText = new SimpleStringProperty("");
    private final StringProperty additionalData = new SimpleStringProperty("");
    private final Map<String, ReadOnlyStringWrapper> errors = Map.of(
            "first_name", new ReadOnlyStringWrapper(""), "last_name", new ReadOnlyStringWrapper(""),
            "email", new ReadOnlyStringWrapper(""), "phone", new ReadOnlyStringWrapper(""),
            "birthday", new ReadOnlyStringWrapper(""), "additional_data", new ReadOnlyStringWrapper(""));
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);
    /** What the fields held when the form opened: the changes are measured against it. */
    private final ReadOnlyObjectWrapper<List<String>> original = new ReadOnlyObjectWrapper<>(List.of());
    private final BooleanBinding changed;
    private Consumer<Contact> onSaved = saved -> { };

    public ContactFormViewModel(UserSession session, Background background, Dates dates) {
        this.session = session;
        this.background = background;
        this.dates = dates;
        changed = Bindings.createBooleanBinding(() -> open.get() && !values().equals(original.get()), open,
                original, firstName, lastName, email, phone, birthdayText, additionalData);
    }

    public ContactFormViewModel(UserSession session, Background background) {
        this(session, background, Dates.local());
    }

    /** How to ask before unsaved changes are dropped (the view shows a dialog). */
    public void setConfirm(Confirm confirm) {
        this.confirm = confirm;
    }

    /** Called with the saved contact after a successful save, e.g. to reload and select it in the list. */
    public void setOnSaved(Consumer<Contact> onSaved) {
        this.onSaved = onSaved;
    }

    /** Opens an empty form; false when the person chose to keep editing the open one. */
    public boolean startNew() {
        return mayDiscardChanges() && fill(null);
    }

    /** Opens {@code contact}; false when the person chose to keep editing the open one. */
    public boolean startEdit(Contact contact) {
        Contact current = editing.get();
        if (open.get() && current != null && current.id() == contact.id()) {
            return true; // already open: keep what is typed
        }
        return mayDiscardChanges() && fill(contact);
    }

    /** True when nothing typed would be lost, or the person agreed to drop it. */
    public boolean mayDiscardChanges() {
        return !changed.get() || confirm.ask("Discard your changes?",
                "The contact you are editing has changes that are not saved.", "Discard changes");
    }

    private boolean fill(Contact contact) {
        editing.set(contact);
        firstName.set(contact == null ? "" : contact.firstName());
        lastName.set(contact == null ? "" : contact.lastName());
        email.set(contact == null || contact.email() == null ? "" : contact.email());
        phone.set(contact == null || contact.phone() == null ? "" : contact.phone());
        birthdayText.set(contact == null ? "" : dates.format(contact.birthday()));
        additionalData.set(contact == null || contact.additionalData() == null ? "" : contact.additionalData());
        original.set(values());
        clearErrors();
        open.set(true);
        filled.set(filled.get() + 1);
        return true;
    }

    private List<String> values() {
        return List.of(firstName.get(), lastName.get(), email.get(), phone.get(), birthdayText.get().strip(),
                additionalData.get());
    }

    /** Escape or Cancel: closes the form (asking first when something typed would be lost). */
    public void cancel() {
        if (!saving.get() && mayDiscardChanges()) {
            close();
        }
    }

    /** Closes without asking: e.g. the contact being edited was just deleted. */
    public void close() {
        open.set(false);
        editing.set(null);
        clearErrors();
    }

    /**
     * The form as a draft: empty optional fields mean "no value"; empty when the birthday cannot be read.
     * Editing keeps what the form does not show (further emails and phones, addresses, labels, ...): the form
     * edits the primary email and phone.
     */
    public Optional<ContactDraft> draft() {
        String typedDate = birthdayText.get().strip();
        var birthday = dates.parse(typedDate);
        if (!typedDate.isEmpty() && birthday.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(withFormFields(birthday.orElse(null)));
    }

    private ContactDraft withFormFields(LocalDate birthday) {
        Contact current = editing.get();
        ContactDraft base = current == null ? new ContactDraft(null, null, null, null, null, null) : current.toDraft();
        return base.withV1Fields(firstName.get(), lastName.get(), blankToNull(email.get()), blankToNull(phone.get()),
                birthday, blankToNull(additionalData.get())).normalized();
    }

    /** Checks the shared rules; shows and returns whether the form can be sent. */
    public boolean validate() {
        clearErrors();
        Optional<ContactDraft> draft = draft();
        if (draft.isEmpty()) {
            show(ContactRules.asV1(ContactRules.validate(withFormFields(null)), true, true));
            errors.get("birthday").set(dates.hint());
            return false;
        }
        List<FieldError> problems = ContactRules.asV1(ContactRules.validate(draft.get()), true, true);
        show(problems);
        return problems.isEmpty();
    }

    public void save() {
        if (!open.get() || saving.get() || !validate()) {
            return;
        }
        ContactDraft draft = draft().orElseThrow();
        Contact current = editing.get();
        saving.set(true);
        background.run(() -> current == null ? session.api().create(draft) : session.api().update(current.id(), draft),
                saved -> {
                    close();
                    onSaved.accept(saved);
                },
                session.failures(this::failed),
                () -> saving.set(false));
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
            ReadOnlyStringWrapper target = errors.get(problem.field());
            if (target != null) {
                target.set(Messages.of(problem));
            } else {
                formError.set(problem.msg());
            }
        }
    }

    private void clearErrors() {
        errors.values().forEach(p -> p.set(""));
        formError.set("");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public ReadOnlyObjectProperty<Contact> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
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

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    /** The birthday as typed (or picked): read when saving, in the locale's format or ISO. */
    public StringProperty birthdayTextProperty() {
        return birthdayText;
    }

    public StringProperty additionalDataProperty() {
        return additionalData;
    }

    /** The error shown beside {@code field} (a wire name such as {@code "first_name"}); empty when none. */
    public ReadOnlyStringProperty errorProperty(String field) {
        return errors.get(field).getReadOnlyProperty();
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
