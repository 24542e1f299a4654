package dev.contacts.desktop.contacts;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.contacts.desktop.ui.Fields;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The create/edit form, shown beside the table. Escape cancels; Save is disabled while saving. */
public final class ContactFormView extends VBox {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;
    private final TextField firstName = new TextField();
    private final DatePicker birthday = new DatePicker();
    private final ContactFormViewModel vm;

    public ContactFormView(ContactFormViewModel vm, Runnable onDelete) {
        this.vm = vm;
        setId("contact-form");
        getStyleClass().add("contact-form");
        setSpacing(12);
        setPadding(new Insets(16));
        setPrefWidth(340);
        setMinWidth(300);

        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_3);
        title.textProperty().bind(Bindings.when(vm.editingProperty().isNull())
                .then("New contact").otherwise("Edit contact"));

        firstName.setId("first-name");
        firstName.textProperty().bindBidirectional(vm.firstNameProperty());
        TextField lastName = new TextField();
        lastName.setId("last-name");
        lastName.textProperty().bindBidirectional(vm.lastNameProperty());
        TextField email = new TextField();
        email.setId("contact-email");
        email.setPromptText("name@example.com");
        email.textProperty().bindBidirectional(vm.emailProperty());
        TextField phone = new TextField();
        phone.setId("phone");
        phone.setPromptText("+1 555 010 9999");
        phone.textProperty().bindBidirectional(vm.phoneProperty());
        birthday.setId("birthday");
        birthday.setPromptText("YYYY-MM-DD");
        birthday.setConverter(isoConverter());
        birthday.valueProperty().bindBidirectional(vm.birthdayProperty());
        birthday.setMaxWidth(Double.MAX_VALUE);
        TextArea notes = new TextArea();
        notes.setId("additional-data");
        notes.setPrefRowCount(4);
        notes.setWrapText(true);
        notes.textProperty().bindBidirectional(vm.additionalDataProperty());

        // Enter in a one-line field saves (the notes field keeps Enter for new lines)
        for (TextField field : new TextField[] {firstName, lastName, email, phone}) {
            field.setOnAction(e -> save());
        }
        birthday.getEditor().setOnAction(e -> save());

        Label formError = Fields.errorLabel(vm.formErrorProperty());
        formError.setId("form-error");

        Button save = new Button("Save");
        save.setId("save");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(vm.savingProperty());
        save.setOnAction(e -> save());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel");
        cancel.setAccessibleText("Cancel editing (Escape)");
        cancel.setCancelButton(false);
        cancel.setOnAction(e -> vm.cancel());
        Button delete = new Button("Delete");
        delete.setId("form-delete");
        delete.getStyleClass().addAll(Styles.DANGER, Styles.FLAT);
        delete.visibleProperty().bind(vm.editingProperty().isNotNull());
        delete.managedProperty().bind(delete.visibleProperty());
        delete.disableProperty().bind(vm.savingProperty());
        delete.setOnAction(e -> onDelete.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, save, cancel, spacer, delete);

        VBox fields = new VBox(10,
                Fields.labelled("First name", firstName, vm.errorProperty("first_name")),
                Fields.labelled("Last name", lastName, vm.errorProperty("last_name")),
                Fields.labelled("Email", email, vm.errorProperty("email")),
                Fields.labelled("Phone", phone, vm.errorProperty("phone")),
                Fields.labelled("Birthday", birthday, vm.errorProperty("birthday")),
                Fields.labelled("Notes", notes, vm.errorProperty("additional_data")));
        ScrollPane scroll = new ScrollPane(fields);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        getChildren().addAll(title, scroll, formError, buttons);
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                vm.cancel();
                e.consume();
            }
        });
        visibleProperty().bind(vm.openProperty());
        managedProperty().bind(visibleProperty());
        vm.openProperty().addListener((obs, was, is) -> {
            if (is) {
                firstName.requestFocus();
            }
        });
    }

    /** Takes what is typed in the date field (it is only committed on Enter otherwise), then saves. */
    private void save() {
        String typed = birthday.getEditor().getText();
        if (typed == null || typed.isBlank()) {
            vm.birthdayProperty().set(null);
        } else {
            try {
                vm.birthdayProperty().set(LocalDate.parse(typed.strip(), ISO));
            } catch (DateTimeParseException e) {
                vm.validate();
                vm.errorProperty("birthday").set("Use the form YYYY-MM-DD, e.g. 1990-04-23.");
                return;
            }
        }
        vm.save();
    }

    private static StringConverter<LocalDate> isoConverter() {
        return new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return date == null ? "" : ISO.format(date);
            }

            @Override
            public LocalDate fromString(String text) {
                if (text == null || text.isBlank()) {
                    return null;
                }
                try {
                    return LocalDate.parse(text.strip(), ISO);
                } catch (DateTimeParseException e) {
                    return null;
                }
            }
        };
    }

    static String display(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).format(date);
    }
}
