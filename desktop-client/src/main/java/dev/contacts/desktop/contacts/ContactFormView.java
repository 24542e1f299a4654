package dev.contacts.desktop.contacts;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.contacts.desktop.api.TransferFormat;
import dev.contacts.desktop.contacts.ContactFormViewModel.AddressRow;
import dev.contacts.desktop.contacts.ContactFormViewModel.EntryRow;
import dev.contacts.desktop.ui.Dates;
import dev.contacts.desktop.ui.Fields;
import dev.contacts.desktop.ui.Views;
import dev.contacts.model.ContactDraft;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Popup;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The create/edit form (layout in ContactFormView.fxml): binds {@link ContactFormViewModel}, builds a line per
 * email, phone and address row, and handles the keys: Escape cancels, Ctrl+S and Enter in a one-line field
 * save, Tab leaves Notes like any other field. Tab reaches everything a keyboard user needs: the favourite star,
 * and in each email/phone row the value, its kind, its remove button, then the next row.
 */
public final class ContactFormView extends VBox {

    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    /** Room above a field scrolled into view, for the name of the field written over it. */
    private static final double FIELD_LABEL_ROOM = 28;
    private static final List<String> EMAIL_KINDS = List.of("home", "work", "other");
    private static final List<String> PHONE_KINDS = List.of("mobile", "home", "work", "other");

    private final ContactFormViewModel vm;
    private final Runnable onDelete;
    private final Photos photos;
    private final Avatar avatar = new Avatar(56);
    private Function<Window, Optional<Path>> photoPicker = ContactFormView::askForPhoto;
    @FXML private HBox photoBar;
    @FXML private javafx.scene.control.ScrollPane scroll;
    @FXML private VBox fields;
    /** Scrolls the focused field into view; held here, and only weakly by the scene, which outlives this form. */
    private final javafx.beans.value.ChangeListener<Node> focusFollower = (obs, was, focused) -> {
        if (focused != null && isInForm(focused)) {
            lastFocused = focused;
        }
        scrollTo(focused);
    };
    /** Set while a suggested label is put into the field. */
    private boolean takingLabel;
    /** The control of the form that had the focus last, to go back to (e.g. after a question was answered No). */
    private Node lastFocused;
    @FXML private Button removePhoto;
    @FXML private Label photoError;
    @FXML private Label photoReading;
    @FXML private Label title;
    @FXML private ToggleButton favorite;
    @FXML private FontIcon favoriteIcon;
    @FXML private Label firstNameLabel;
    @FXML private TextField firstName;
    @FXML private Label firstNameError;
    @FXML private Label lastNameLabel;
    @FXML private TextField lastName;
    @FXML private Label lastNameError;
    @FXML private VBox emailRows;
    @FXML private Label emailsError;
    @FXML private VBox phoneRows;
    @FXML private Label phonesError;
    @FXML private Label birthdayLabel;
    @FXML private DatePicker birthday;
    @FXML private Label birthdayError;
    @FXML private Label organizationLabel;
    @FXML private TextField organization;
    @FXML private Label organizationError;
    @FXML private Label jobTitleLabel;
    @FXML private TextField jobTitle;
    @FXML private Label jobTitleError;
    @FXML private Label nicknameLabel;
    @FXML private TextField nickname;
    @FXML private Label nicknameError;
    @FXML private VBox addressRows;
    @FXML private Label addressesError;
    @FXML private Label labelsLabel;
    @FXML private TextField labels;
    @FXML private Label labelsError;
    @FXML private Label notesLabel;
    @FXML private TextArea notes;
    @FXML private Label notesError;
    @FXML private Label formError;
    @FXML private Button save;
    @FXML private Button delete;

    public ContactFormView(ContactFormViewModel vm, Runnable onDelete, Photos photos) {
        this.vm = vm;
        this.onDelete = onDelete;
        this.photos = photos;
        Views.load(this);
    }

    @FXML
    private void initialize() {
        title.textProperty().bind(Bindings.when(vm.editingProperty().isNull())
                .then("New contact").otherwise("Edit contact"));
        favorite.selectedProperty().bindBidirectional(vm.favoriteProperty());
        vm.favoriteProperty().addListener((obs, was, is) -> favoriteIcon.setIconLiteral(star(is)));
        favoriteIcon.setIconLiteral(star(vm.favoriteProperty().get()));
        favorite.accessibleTextProperty().bind(Bindings.when(vm.favoriteProperty())
                .then("Favourite (on)").otherwise("Favourite (off)"));
        text(firstNameLabel, firstName, firstNameError, "first_name", vm.firstNameProperty());
        text(lastNameLabel, lastName, lastNameError, "last_name", vm.lastNameProperty());
        text(organizationLabel, organization, organizationError, "organization", vm.organizationProperty());
        text(jobTitleLabel, jobTitle, jobTitleError, "job_title", vm.jobTitleProperty());
        text(nicknameLabel, nickname, nicknameError, "nickname", vm.nicknameProperty());
        text(labelsLabel, labels, labelsError, "labels", vm.labelsTextProperty());
        completeLabels();
        text(notesLabel, notes, notesError, "additional_data", vm.additionalDataProperty());
        Fields.showWhenNotEmpty(emailsError, vm.errorProperty("emails"));
        Fields.showWhenNotEmpty(phonesError, vm.errorProperty("phones"));
        Fields.showWhenNotEmpty(addressesError, vm.errorProperty("addresses"));

        entryRows(emailRows, vm.emails(), "contact-email", "Email", EMAIL_KINDS, ContactDraft.DEFAULT_EMAIL_LABEL,
                "name@example.com");
        entryRows(phoneRows, vm.phones(), "phone", "Phone", PHONE_KINDS, ContactDraft.DEFAULT_PHONE_LABEL,
                "+1 555 010 9999");
        vm.addresses().addListener((ListChangeListener<AddressRow>) c -> {
            if (rowsAddedOrRemoved(c)) {
                addressRows();
            }
        });
        addressRows();

        birthdayLabel.setLabelFor(birthday);
        Fields.showError(birthdayError, birthday, vm.errorProperty("birthday"));
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
        // a refused save: the cursor goes to what must be corrected, not stay where Ctrl+S was pressed
        vm.refusedProperty().addListener((obs, was, is) -> Platform.runLater(this::focusFirstError));
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
                    labels.requestFocus();
                } else {
                    save.requestFocus();
                }
                e.consume();
            }
        });
        visibleProperty().bind(vm.openProperty());
        managedProperty().bind(visibleProperty());

        sceneProperty().addListener((obs, was, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener(new javafx.beans.value.WeakChangeListener<>(focusFollower));
            }
        });
        photoBar.getChildren().add(0, avatar);
        Fields.showWhenNotEmpty(photoError, vm.errorProperty("photo"));
        Fields.showWhenNotEmpty(photoReading, vm.photoReadingProperty());
        vm.setPhotoPreviewSide(avatar::pixelSide);
        for (javafx.beans.Observable changed : List.of(vm.chosenPhotoProperty(), vm.chosenPreviewProperty(),
                vm.photoRemovedProperty(), vm.editingProperty(), vm.firstNameProperty(), vm.lastNameProperty())) {
            changed.addListener(o -> showPhoto());
        }
        showPhoto();
        // one file dropped anywhere on the form becomes the photo; address books go on to the window, which
        // imports them as it does wherever else they are dropped
        setOnDragOver(e -> {
            if (droppedPhoto(e.getDragboard()).isPresent()) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
                e.consume();
            }
        });
        setOnDragDropped(e -> droppedPhoto(e.getDragboard()).ifPresent(file -> {
            e.setDropCompleted(usePhoto(file));
            e.consume();
        }));
    }

    /**
     * The labels field offers the person's existing labels in a list under it while they type: Down and Up move
     * through it, Enter or Tab takes the highlighted one, a click takes one, Escape closes the list only.
     */
    private void completeLabels() {
        LabelCompletion completion = vm.labelCompletion();
        VBox choices = new VBox();
        choices.getStyleClass().add("label-suggestions");
        choices.setId("label-suggestions");
        Popup popup = new Popup();
        popup.getContent().add(choices);
        popup.setAutoHide(true); // a click elsewhere closes it; Escape too (and only it, not the form)
        popup.setOnHidden(e -> completion.close());
        Runnable redraw = () -> {
            choices.getChildren().clear();
            List<String> names = completion.suggestions();
            for (int i = 0; i < names.size(); i++) {
                Label choice = new Label(names.get(i));
                choice.getStyleClass().add("label-suggestion");
                if (i == completion.highlightedProperty().get()) {
                    choice.getStyleClass().add("highlighted");
                }
                choice.setMaxWidth(Double.MAX_VALUE);
                int index = i;
                choice.setOnMouseClicked(e -> take(completion, index));
                choices.getChildren().add(choice);
            }
            if (names.isEmpty()) {
                popup.hide();
            } else if (!popup.isShowing() && labels.getScene() != null && labels.isFocused()) {
                Bounds field = labels.localToScreen(labels.getBoundsInLocal());
                choices.setMinWidth(field.getWidth());
                popup.show(labels, field.getMinX(), field.getMaxY());
            }
        };
        completion.suggestions().addListener((ListChangeListener<String>) c -> redraw.run());
        completion.highlightedProperty().addListener((obs, was, is) -> redraw.run());
        labels.textProperty().addListener((obs, was, is) -> {
            if (labels.isFocused() && !takingLabel) {
                // the caret moves after the text: ask once both are current
                Platform.runLater(() -> completion.typed(labels.getText(), labels.getCaretPosition(), false));
            }
        });
        labels.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                completion.close();
            }
        });
        labels.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean open = completion.isOpen();
            if (e.getCode() == KeyCode.DOWN) {
                if (open) {
                    completion.move(1);
                } else {
                    completion.typed(labels.getText(), labels.getCaretPosition(), true);
                }
                e.consume();
            } else if (e.getCode() == KeyCode.UP && open) {
                completion.move(-1);
                e.consume();
            } else if ((e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.TAB && !e.isShiftDown()) && open
                    && completion.highlightedProperty().get() >= 0) {
                take(completion, completion.highlightedProperty().get());
                e.consume();
            }
        });
    }

    private void take(LabelCompletion completion, int index) {
        LabelCompletion.Completed completed = completion.accept(labels.getText(), labels.getCaretPosition(), index);
        takingLabel = true; // a label just taken is not a new one being typed
        try {
            labels.setText(completed.text());
        } finally {
            takingLabel = false;
        }
        labels.positionCaret(completed.caret());
        labels.requestFocus();
    }

    /** Scrolls the form so that {@code node}, one of its fields, is in view (e.g. reached with Tab). */
    private void scrollTo(Node node) {
        Node n = node;
        while (n != null && n != fields) {
            n = n.getParent();
        }
        if (n == null) {
            return;
        }
        // a row just added (Add address, Add email) has no place yet: lay the form out first, or the scroll goes
        // by the old layout and the field the cursor went to stays out of sight
        scroll.applyCss();
        scroll.layout();
        double content = fields.getBoundsInLocal().getHeight();
        double viewport = scroll.getViewportBounds().getHeight();
        if (content <= viewport) {
            return;
        }
        Bounds bounds = fields.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double top = scroll.getVvalue() * (content - viewport);
        double withLabel = Math.max(0, bounds.getMinY() - FIELD_LABEL_ROOM); // the field's name stays in view too
        if (withLabel < top) {
            scroll.setVvalue(withLabel / (content - viewport));
        } else if (bounds.getMaxY() > top + viewport) {
            scroll.setVvalue((bounds.getMaxY() - viewport) / (content - viewport));
        }
    }

    /** The chosen photo, else the contact's own (unless it is to be removed), else the initials of the name. */
    private void showPhoto() {
        var chosen = vm.chosenPhotoProperty().get();
        var preview = vm.chosenPreviewProperty().getValue(); // read each time: a binding tells of one change until read
        var contact = vm.editingProperty().get();
        avatar.show(contact == null ? 0 : contact.id(), vm.firstNameProperty().get(), vm.lastNameProperty().get());
        removePhoto.setDisable(chosen == null && (contact == null || !contact.hasPhoto() || vm.photoRemovedProperty().get()));
        if (chosen != null) {
            avatar.showPhoto(preview); // decoded by the view model in the background; the initials until then
        } else if (contact != null && !vm.photoRemovedProperty().get()) {
            photos.load(contact, avatar.pixelSide(), photo -> {
                if (vm.editingProperty().get() == contact && vm.chosenPhotoProperty().get() == null
                        && !vm.photoRemovedProperty().get()) {
                    avatar.showPhoto(photo);
                }
            });
        }
    }

    /** The file dropped to be the photo: one file, and not a vCard or CSV file. */
    private static Optional<Path> droppedPhoto(javafx.scene.input.Dragboard dropped) {
        if (!dropped.hasFiles() || dropped.getFiles().size() != 1) {
            return Optional.empty();
        }
        Path file = dropped.getFiles().get(0).toPath();
        return TransferFormat.ofFileName(file.getFileName().toString()).isPresent() ? Optional.empty()
                : Optional.of(file);
    }

    private boolean usePhoto(Path file) {
        return vm.choosePhoto(file);
    }

    @FXML
    private void choosePhoto() {
        photoPicker.apply(getScene().getWindow()).ifPresent(this::usePhoto);
    }

    /** How "Photo…" asks for the image file: the system's open dialog; a test gives its own answer. */
    public void usePhotoPicker(Function<Window, Optional<Path>> picker) {
        photoPicker = picker;
    }

    private static Optional<Path> askForPhoto(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose a photo");
        chooser.getExtensionFilters().add(
                new FileChooser.ExtensionFilter("JPEG or PNG images", "*.jpg", "*.jpeg", "*.png"));
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(java.io.File::toPath);
    }

    @FXML
    private void removePhoto() {
        vm.removePhoto();
    }

    private void text(Label label, javafx.scene.control.TextInputControl field, Label error, String wireName,
                      StringProperty value) {
        label.setLabelFor(field);
        Fields.showError(error, field, vm.errorProperty(wireName));
        field.textProperty().bindBidirectional(value);
    }

    /** A line per email or phone: the value, its kind and a remove button; rebuilt when the rows change. */
    private void entryRows(VBox box, ObservableList<EntryRow> rows, String id, String what, List<String> kinds,
                           String defaultKind, String prompt) {
        Runnable rebuild = () -> {
            box.getChildren().clear();
            for (int i = 0; i < rows.size(); i++) {
                EntryRow row = rows.get(i);
                String rowId = i == 0 ? id : id + "-" + i;
                TextField value = new TextField();
                value.setId(rowId);
                value.setPromptText(prompt);
                value.setAccessibleText(what + " " + (i + 1));
                value.textProperty().bindBidirectional(row.valueProperty());
                value.setOnAction(e -> vm.save());
                HBox.setHgrow(value, Priority.ALWAYS);
                ComboBox<String> kind = kindBox(kinds, defaultKind, row.labelProperty(), rowId + "-label", what);
                Button remove = removeButton(rowId + "-remove", "Remove this " + what.toLowerCase());
                remove.setOnAction(e -> vm.remove(row));
                Label error = new Label();
                error.setId(rowId + "-error");
                error.getStyleClass().add("field-error");
                error.setWrapText(true);
                Fields.showError(error, value, row.errorProperty());
                HBox line = new HBox(6, value, kind, remove);
                line.setAlignment(Pos.CENTER_LEFT);
                box.getChildren().add(new VBox(2, line, error));
            }
        };
        rows.addListener((ListChangeListener<EntryRow>) c -> {
            if (rowsAddedOrRemoved(c)) {
                rebuild.run();
            }
        });
        rebuild.run();
    }

    /** Whether rows came or went (not only a value typed into one: its field stays, with the cursor in it). */
    private static boolean rowsAddedOrRemoved(ListChangeListener.Change<?> change) {
        while (change.next()) {
            if (change.wasAdded() || change.wasRemoved() || change.wasPermutated()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A block per address: its kind, then the country (it decides the rest), then the other parts in the lines and
     * under the names of that country's addresses, rearranged when another country (or script) is typed. The fields
     * are kept when they move, with what was typed in them and the cursor; Tab follows them as they are shown.
     */
    private void addressRows() {
        addressRows.getChildren().clear();
        List<AddressRow> rows = List.copyOf(vm.addresses());
        for (int i = 0; i < rows.size(); i++) {
            AddressRow row = rows.get(i);
            String id = "address-" + i;
            Map<AddressLayout.Part, TextField> parts = new EnumMap<>(AddressLayout.Part.class);
            for (AddressLayout.Part part : AddressLayout.Part.values()) {
                parts.put(part, addressField(id + "-" + part.name().toLowerCase(Locale.ROOT).replace('_', '-'), "",
                        row.part(part)));
            }
            VBox lines = new VBox(4);
            InvalidationListener layOut = o -> layOut(lines, row.layoutProperty().get(), parts);
            layOut.invalidated(null);
            TextField country = addressField(id + "-country", "Country or region", row.countryProperty());
            Label countryCaption = caption(country);
            countryCaption.setText("Country or region");
            rearrangeOnLeaving(row, country, country, parts);
            parts.values().forEach(part -> rearrangeOnLeaving(row, part, country, parts));
            ComboBox<String> kind = kindBox(EMAIL_KINDS, ContactDraft.DEFAULT_ADDRESS_LABEL, row.labelProperty(),
                    id + "-label", "Address");
            Button remove = removeButton(id + "-remove", "Remove this address");
            remove.setOnAction(e -> vm.remove(row));
            HBox head = new HBox(6, kind, remove);
            head.setAlignment(Pos.CENTER_LEFT);
            Label error = new Label();
            error.setId(id + "-error");
            error.getStyleClass().add("field-error");
            error.setWrapText(true);
            Fields.showWhenNotEmpty(error, row.errorProperty());
            VBox block = new VBox(4, head, new VBox(1, countryCaption, country), lines, error);
            block.getStyleClass().add("address-row");
            // the row outlives this block when the rows are redrawn: it holds the block's listener only weakly
            block.getProperties().put(InvalidationListener.class, layOut);
            row.layoutProperty().addListener(new WeakInvalidationListener(layOut));
            addressRows.getChildren().add(block);
        }
    }

    /**
     * When the cursor leaves {@code field}, the address's fields take the order of what is typed (its country, its
     * script); Tab and Shift+Tab then go to the field next to it in that order, not in the one it left.
     */
    private static void rearrangeOnLeaving(AddressRow row, TextField field, TextField country,
                                           Map<AddressLayout.Part, TextField> parts) {
        field.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                row.fieldLeft();
            }
        });
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.TAB || e.isControlDown()) {
                return;
            }
            row.fieldLeft();
            List<TextField> shown = new ArrayList<>(List.of(country));
            row.layoutProperty().get().forEach(line -> line.forEach(f -> shown.add(parts.get(f.part()))));
            int next = shown.indexOf(field) + (e.isShiftDown() ? -1 : 1);
            if (next >= 0 && next < shown.size()) { // else out of the address, as Tab goes anyway
                shown.get(next).requestFocus();
                e.consume();
            }
        });
    }

    /**
     * Puts an address's fields into {@code lines} as {@code layout} says, each under its name there (a prompt
     * alone would be gone once the field is filled, and "County" and "Postcode" look alike filled in).
     */
    private static void layOut(VBox lines, List<List<AddressLayout.Field>> layout,
                               Map<AddressLayout.Part, TextField> parts) {
        Node focused = lines.getScene() == null ? null : lines.getScene().getFocusOwner();
        List<HBox> boxes = new ArrayList<>();
        for (List<AddressLayout.Field> line : layout) {
            HBox box = new HBox(6);
            for (AddressLayout.Field field : line) {
                TextField text = parts.get(field.part());
                text.setPromptText(field.label());
                text.setAccessibleText(field.label());
                Label caption = caption(text);
                caption.setText(field.label());
                VBox cell = new VBox(1, caption, text);
                HBox.setHgrow(cell, Priority.ALWAYS);
                cell.setPrefWidth(0); // the line's fields share it equally
                box.getChildren().add(cell);
            }
            boxes.add(box);
        }
        lines.getChildren().setAll(boxes);
        if (focused != null && parts.containsValue(focused) && !focused.isFocused()) {
            focused.requestFocus(); // moved, not left
        }
    }

    /** The small name written over an address field, the same one each time the field moves. */
    private static Label caption(TextField field) {
        return (Label) field.getProperties().computeIfAbsent("caption", key -> {
            Label caption = new Label();
            caption.getStyleClass().add("address-caption");
            caption.setLabelFor(field);
            return caption;
        });
    }

    private TextField addressField(String id, String prompt, StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setAccessibleText(prompt);
        field.setMaxWidth(Double.MAX_VALUE);
        field.textProperty().bindBidirectional(value);
        field.setOnAction(e -> vm.save());
        return field;
    }

    /** The kind of an entry ("work", "home", ...): one of the usual ones or any text. */
    private static ComboBox<String> kindBox(List<String> kinds, String defaultKind, StringProperty label, String id,
                                            String what) {
        ComboBox<String> kind = new ComboBox<>();
        kind.getItems().setAll(kinds);
        kind.setEditable(true);
        kind.setId(id);
        kind.setPromptText(defaultKind); // what an entry left without a kind is saved as
        kind.setPrefWidth(110);
        kind.setMinWidth(90);
        kind.setAccessibleText(what + " kind");
        kind.getEditor().textProperty().bindBidirectional(label);
        kind.valueProperty().addListener((obs, was, is) -> {
            if (is != null) {
                label.set(is);
            }
        });
        // Down or Up on the closed box opens the list, as Alt+Down and F4 do: JavaFX's own steps to the next item,
        // which replaced a kind being typed ("assistant") with the list's first ("home"). The typed text is made
        // the value first (JavaFX only does that on Enter or when focus leaves), so the list opens on it and it
        // stays until another kind is picked. The box hands every key to its editor, and the editor's unconsumed
        // keys come back up to the box's own handling: stopped there, Down never reaches it
        kind.getEditor().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean arrow = e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP;
            if (kind.isShowing() || !(arrow || e.getCode() == KeyCode.F4)) {
                return;
            }
            kind.setValue(kind.getEditor().getText());
            if (arrow && !e.isAltDown()) {
                kind.show();
                e.consume();
            }
        });
        // the list opens on the kind shown, so Up and Down step from it (else Up did nothing, Down gave the first)
        kind.setOnShowing(e -> {
            if (kinds.contains(label.get())) {
                kind.getSelectionModel().select(label.get());
            }
        });
        return kind;
    }

    private static Button removeButton(String id, String text) {
        Button remove = new Button(null, new FontIcon("mdal-close"));
        remove.setId(id);
        remove.getStyleClass().addAll("button-icon", "flat");
        remove.setAccessibleText(text);
        return remove;
    }

    private static String star(boolean favorite) {
        return favorite ? "mdmz-star" : "mdmz-star_border";
    }

    private boolean isInForm(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == this) {
                return true;
            }
        }
        return false;
    }

    /** Puts the focus back where it was in the form (the first field if it was never there). */
    public void returnFocus() {
        if (lastFocused != null && isInForm(lastFocused) && lastFocused.isVisible() && !lastFocused.isDisabled()) {
            lastFocused.requestFocus();
        } else {
            firstName.requestFocus();
        }
    }

    /**
     * Puts the cursor into the first field outlined as at fault (the form scrolls to it), else brings the first
     * error shown into view (an address row's, or one about a whole list).
     */
    private void focusFirstError() {
        List<Node> inOrder = new ArrayList<>();
        inTreeOrder(fields, inOrder);
        inOrder.stream().filter(n -> n instanceof Control && Fields.showsError(n)
                        && n.isVisible()).findFirst()
                .ifPresentOrElse(Node::requestFocus, () -> inOrder.stream()
                        .filter(n -> n.getStyleClass().contains("field-error") && n.isVisible()).findFirst()
                        .ifPresent(this::scrollTo));
    }

    private static void inTreeOrder(Parent parent, List<Node> into) {
        for (Node child : parent.getChildrenUnmodifiable()) {
            into.add(child);
            if (child instanceof Parent p && !(child instanceof Control)) {
                inTreeOrder(p, into);
            }
        }
    }

    /** Puts the cursor into the first field (when the form opens). */
    public void focusFirstField() {
        firstName.requestFocus();
        // the scroll pane brings the focused field itself to its top edge: show the form from its top, label and all
        Platform.runLater(() -> scroll.setVvalue(0));
    }

    @FXML
    private void addEmail() {
        vm.addEmail();
        focusLast(emailRows);
    }

    @FXML
    private void addPhone() {
        vm.addPhone();
        focusLast(phoneRows);
    }

    @FXML
    private void addAddress() {
        vm.addAddress();
        focusLast(addressRows);
    }

    /** Into the row just added. */
    private static void focusLast(VBox rows) {
        if (!rows.getChildren().isEmpty()) {
            Node last = rows.getChildren().get(rows.getChildren().size() - 1);
            last.lookupAll(".text-field").stream().filter(n -> n.isFocusTraversable()).findFirst()
                    .ifPresent(Node::requestFocus);
        }
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
