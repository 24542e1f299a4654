package dev.contacts.desktop.contacts;

import java.time.LocalDate;

import dev.contacts.desktop.ui.Dates;
import dev.contacts.desktop.ui.Fields;
import dev.contacts.desktop.ui.Views;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The create/edit form (layout in ContactFormView.fxml): binds {@link ContactFormViewModel} and handles the keys:
 * Escape cancels, Ctrl+S and Enter in a one-line field save, Tab leaves Notes like any other field.
 */
public final class ContactFormView extends VBox {

    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);

    private final ContactFormViewModel vm;
    private final Runnable onDelete;
    @FXML private Label title;
    @FXML private Label firstNameLabel;
    @FXML private TextField firstName;
    @FXML private Label firstNameError;
    @FXML private Label lastNameLabel;
    @FXML private TextField lastName;
    @FXML private Label lastNameError;
    @FXML private Label emailLabel;
    @FXML private TextField email;
    @FXML private Label emailError;
    @FXML private Label phoneLabel;
    @FXML private TextField phone;
    @FXML private Label phoneError;
    @FXML private Label birthdayLabel;
    @FXML private DatePicker birthday;
    @FXML private Label birthdayError;
    @FXML private Label notesLabel;
    @FXML private TextArea notes;
    @FXML private Label notesError;
    @FXML private Label formError;
    @FXML private Button save;
    @FXML private Button delete;

    public ContactFormView(ContactFormViewModel vm, Runnable onDelete) {
        this.vm = vm;
        this.onDelete = onDelete;
        Views.load(this);
    }

    @FXML
    private void initialize() {
        title.textProperty().bind(Bindings.when(vm.editingProperty().isNull())
                .then("New contact").otherwise("Edit contact"));
        field(firstNameLabel, firstName, firstNameError, "first_name");
        firstName.textProperty().bindBidirectional(vm.firstNameProperty());
        field(lastNameLabel, lastName, lastNameError, "last_name");
        lastName.textProperty().bindBidirectional(vm.lastNameProperty());
        field(emailLabel, email, emailError, "email");
        email.textProperty().bindBidirectional(vm.emailProperty());
        field(phoneLabel, phone, phoneError, "phone");
        phone.textProperty().bindBidirectional(vm.phoneProperty());
        field(notesLabel, notes, notesError, "additional_data");
        notes.textProperty().bindBidirectional(vm.additionalDataProperty());

        field(birthdayLabel, birthday, birthdayError, "birthday");
        Dates dates = vm.dates();
        birthday.setPromptText(dates.format(LocalDate.of(1990, 4, 23)));
        birthday.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return dates.format(date);
            }

            @Override
            public LocalDate fromString(String text) {
                return dates.parse(text).orElse(null);
            }
        });
        // the typed text is what counts (the picker only commits it on Enter or when focus leaves)
        birthday.getEditor().textProperty().bindBidirectional(vm.birthdayTextProperty());
        birthday.getEditor().setOnAction(e -> vm.save());

        Fields.showWhenNotEmpty(formError, vm.formErrorProperty());
        save.disableProperty().bind(vm.savingProperty());
        delete.visibleProperty().bind(vm.editingProperty().isNotNull());
        delete.managedProperty().bind(delete.visibleProperty());
        delete.disableProperty().bind(vm.savingProperty());

        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                vm.cancel();
                e.consume();
            } else if (SAVE.match(e)) {
                vm.save();
                e.consume();
            } else if (e.getCode() == KeyCode.TAB && e.getTarget() == notes && !e.isControlDown()) {
                // Tab moves on, as in every other field; notes rarely need a tab character
                if (e.isShiftDown()) {
                    birthday.getEditor().requestFocus();
                } else {
                    save.requestFocus();
                }
                e.consume();
            }
        });
        visibleProperty().bind(vm.openProperty());
        managedProperty().bind(visibleProperty());
    }

    private void field(Label label, javafx.scene.control.Control control, Label error, String wireName) {
        label.setLabelFor(control);
        Fields.showError(error, control, vm.errorProperty(wireName));
    }

    /** Puts the cursor into the first field (when the form opens). */
    public void focusFirstField() {
        firstName.requestFocus();
    }

    @FXML
    private void save() {
        vm.save();
    }

    @FXML
    private void cancel() {
        vm.cancel();
    }

    @FXML
    private void delete() {
        onDelete.run();
    }
}
