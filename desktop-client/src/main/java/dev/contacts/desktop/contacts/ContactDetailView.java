package dev.contacts.desktop.contacts;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.contacts.desktop.ui.Dates;
import dev.contacts.desktop.ui.Views;
import dev.contacts.model.Contact;
import dev.contacts.model.LabeledValue;
import dev.contacts.model.PostalAddress;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The selected contact, read-only (layout in ContactDetailView.fxml): every field that has a value, and the values
 * its card keeps beyond them (web sites, chat, anniversary, related people: {@link CardExtras}). An email opens the
 * mail client, a web site the browser, a phone number is copied to the clipboard, a birthday shows the age.
 */
public final class ContactDetailView extends StackPane {

    private final ContactsViewModel vm;
    private final Dates dates;
    private final Consumer<String> openLink;
    @FXML private Label nothing;
    @FXML private ScrollPane scroll;
    @FXML private HBox header;
    @FXML private Button edit;
    @FXML private Label status;
    @FXML private FlowPane labels;
    @FXML private GridPane fields;
    private final Avatar avatar = new Avatar(72);
    private final Label name = new Label();
    private final Label subtitle = new Label();
    private final FontIcon star = new FontIcon("mdmz-star");

    public ContactDetailView(ContactsViewModel vm, Dates dates, Consumer<String> openLink) {
        this.vm = vm;
        this.dates = dates;
        this.openLink = openLink;
        Views.load(this);
    }

    @FXML
    private void initialize() {
        name.setId("detail-name");
        name.getStyleClass().add("title-2");
        name.setWrapText(true);
        subtitle.setId("detail-subtitle");
        subtitle.getStyleClass().add("text-muted");
        subtitle.setWrapText(true);
        star.getStyleClass().add("favorite-star");
        star.setId("detail-favorite");
        star.setAccessibleText("Favourite"); // (an icon font's glyph reads as nothing, or as a stray character)
        HBox title = new HBox(8, name, star);
        title.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        header.getChildren().setAll(avatar, new VBox(4, title, subtitle));
        vm.photos().decodeAt(avatar.pixelSide()); // the largest avatar: the list's and the form's are made from it
        // "select a contact" only where there is one to select: an empty list explains itself
        nothing.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> vm.shownProperty().get() == null && !vm.contacts().isEmpty(), vm.shownProperty(), vm.contacts()));
        vm.shownProperty().addListener((obs, was, is) -> show(is));
        // the card's other values come after the contact (read in the background): its lines are laid out again
        vm.cardExtras().shown().addListener((ListChangeListener<CardExtras.Extra>) change -> {
            if (vm.shownProperty().get() != null) {
                fill(vm.shownProperty().get());
            }
        });
        show(vm.shownProperty().get());
    }

    private void show(Contact contact) {
        scroll.setVisible(contact != null);
        scroll.setVvalue(0); // another contact, or the one just saved: its card is read from the top
        status.setText("");
        fields.getChildren().clear();
        labels.getChildren().clear();
        if (contact == null) {
            return;
        }
        avatar.show(contact);
        vm.photos().load(contact, avatar.pixelSide(), photo -> {
            if (vm.shownProperty().get() == contact) {
                avatar.showPhoto(photo);
            }
        });
        name.setText(ContactText.name(contact));
        // JavaFX's text layout, wrapping a line that holds right-to-left text (Arabic, Hebrew), repeated words at the
        // break and reached past the pane (in either node orientation); on one line, cut with "…" as the list cuts
        // it, the text stays right; the tooltip has it whole
        boolean bidi = ContactText.hasRightToLeft(name.getText());
        name.setWrapText(!bidi);
        name.setTooltip(bidi ? new Tooltip(name.getText()) : null);
        star.setVisible(contact.favorite());
        subtitle.setText(ContactText.headline(contact));
        for (String label : contact.labels()) {
            // a chip lists everyone with that label, as the sidebar's entry does
            Button chip = new Button(label);
            chip.getStyleClass().add("label-chip");
            chip.setAccessibleText("List the contacts labelled " + label);
            chip.setOnAction(e -> vm.labels().selectLabel(label));
            labels.getChildren().add(chip);
        }
        labels.setVisible(!contact.labels().isEmpty());
        labels.setManaged(labels.isVisible());
        fill(contact);
    }

    /** The lines of the contact's fields, and of its card's other values once read. */
    private void fill(Contact contact) {
        fields.getChildren().clear();
        int row = 0;
        row = entries(row, "Email", contact.emails(), "detail-email-", value -> {
            Hyperlink link = address(value);
            link.setTooltip(new Tooltip("Write to " + value));
            link.setOnAction(e -> openLink.accept("mailto:" + value));
            return link;
        });
        row = entries(row, "Phone", contact.phones(), "detail-phone-", value -> {
            Hyperlink link = wrapping(new Hyperlink(value));
            link.setTooltip(new Tooltip("Copy " + value));
            link.setOnAction(e -> {
                Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, value));
                status.setText("Copied " + value + ".");
            });
            return link;
        });
        List<PostalAddress> addresses = contact.addresses();
        for (int i = 0; i < addresses.size(); i++) {
            Label text = new Label(ContactText.address(addresses.get(i)));
            text.setWrapText(true);
            text.setId("detail-address-" + i);
            add(row++, i == 0 ? "Address" : "", addresses.get(i).label(), text);
        }
        if (contact.birthday() != null) {
            LocalDate birthday = contact.birthday();
            String shown = dates.spelled(birthday);
            var age = ContactText.age(birthday, LocalDate.now());
            Label text = new Label(age.isPresent() ? shown + " (" + age.getAsInt() + " years old)" : shown);
            text.setWrapText(true); // the age goes onto a second line in a narrow window, never cut to "(47 y…"
            text.setId("detail-birthday");
            add(row++, "Birthday", null, text);
        }
        row = extras(row, vm.cardExtras().shown());
        if (contact.additionalData() != null && !contact.additionalData().isBlank()) {
            Label text = new Label(contact.additionalData());
            text.setWrapText(true);
            text.setId("detail-notes");
            add(row++, "Notes", null, text);
        }
    }

    /** The card's values that no field holds, read-only, each kind together: a web site opens in the browser. */
    private int extras(int row, List<CardExtras.Extra> extras) {
        // a title or suffix the card keeps ("Dr. Ann Lee Jr."): the heading says the name whole, as Google's does
        extras.stream().filter(e -> e.kind() == CardExtras.Kind.FULL_NAME).findFirst()
                .ifPresent(full -> name.setText(full.value()));
        for (CardExtras.Kind kind : CardExtras.Kind.values()) {
            if (kind == CardExtras.Kind.FULL_NAME) {
                continue; // (in the heading)
            }
            List<CardExtras.Extra> ofKind = extras.stream().filter(e -> e.kind() == kind).toList();
            for (int i = 0; i < ofKind.size(); i++) {
                CardExtras.Extra extra = ofKind.get(i);
                String text = extra.date() != null ? dates.spelled(extra.date()) : extra.value();
                Node value;
                if (extra.link() != null) {
                    Hyperlink link = extra.date() == null ? address(text) : wrapping(new Hyperlink(text));
                    link.setTooltip(new Tooltip("Open " + extra.link()));
                    link.setOnAction(e -> openLink.accept(extra.link()));
                    value = link;
                } else {
                    Label label = new Label(text);
                    label.setWrapText(true);
                    value = label;
                }
                value.setId("detail-" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-" + i);
                add(row++, i == 0 ? kind.title() : "", extra.label(), value);
            }
        }
        return row;
    }

    private int entries(int row, String title, List<LabeledValue> values, String idPrefix,
                        java.util.function.Function<String, Node> node) {
        for (int i = 0; i < values.size(); i++) {
            Node value = node.apply(values.get(i).value());
            value.setId(idPrefix + i);
            add(row++, i == 0 ? title : "", values.get(i).label(), value);
        }
        return row;
    }

    /**
     * An email or web address: its lines break after its {@code @} or a {@code /} rather than inside its domain
     * ({@link ContactText#breakable}); a screen reader and "Copy" (its context menu) have the address itself.
     */
    private Hyperlink address(String value) {
        Hyperlink link = wrapping(new Hyperlink(ContactText.breakable(value)));
        link.setAccessibleText(value);
        MenuItem copy = new MenuItem("Copy");
        copy.setOnAction(e -> {
            Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, value));
            status.setText("Copied " + value + ".");
        });
        link.setContextMenu(new ContextMenu(copy));
        return link;
    }

    /**
     * A link read whole, as the name, an address or a note is: a long email or web address wraps (mid-word where it
     * has no space) rather than being cut to "…". Right-to-left text stays on one line, as the name does (JavaFX's
     * wrapping repeats its words); its tooltip says it whole.
     */
    private static Hyperlink wrapping(Hyperlink link) {
        link.setWrapText(!ContactText.hasRightToLeft(link.getText()));
        return link;
    }

    /** One line: the field's name (on its first line only), the entry's label ("work") and the value. */
    private void add(int row, String title, String kind, Node value) {
        Label heading = new Label(title);
        heading.getStyleClass().add("field-label");
        Label label = new Label(kind == null ? "" : kind);
        label.getStyleClass().add("text-muted");
        // never narrower than their text: a long value beside them (a note) wraps instead of cutting them to "…"
        heading.setMinWidth(Region.USE_PREF_SIZE);
        label.setMinWidth(Region.USE_PREF_SIZE);
        fields.addRow(row, heading, label, value);
        for (Node n : List.of(heading, label, value)) {
            GridPane.setValignment(n, VPos.TOP);
        }
    }

    @FXML
    private void edit() {
        Contact contact = vm.shownProperty().get();
        if (contact != null) {
            vm.form().startEdit(contact);
        }
    }
}
