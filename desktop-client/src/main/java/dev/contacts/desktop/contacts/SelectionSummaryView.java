package dev.contacts.desktop.contacts;

import dev.contacts.desktop.ui.Views;
import dev.contacts.model.Contact;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The pane beside the list while several contacts are selected (layout in SelectionSummaryView.fxml): the
 * {@link SelectionSummary} of the view model, with Delete, Labels (put them in a label, take them out), Export and Clear selection, and "Select all" while only
 * some are picked. What the buttons do is the list's to say (it owns the selection shown in its rows).
 */
public final class SelectionSummaryView extends VBox {

    /** What the pane's buttons ask of the list and the window. */
    public interface Actions {
        void delete();

        void export();

        void clear();

        void selectAll();
    }

    private final ContactsViewModel vm;
    private final Actions actions;
    @FXML private Label title;
    @FXML private VBox people;
    @FXML private Label more;
    @FXML private Button delete;
    @FXML private Button export;
    @FXML private MenuButton labels;
    @FXML private Hyperlink selectAll;

    public SelectionSummaryView(ContactsViewModel vm, Actions actions) {
        this.vm = vm;
        this.actions = actions;
        Views.load(this);
    }

    @FXML
    private void initialize() {
        vm.selectionSummaryProperty().addListener((obs, was, is) -> show(is));
        labels.setOnShowing(e -> LabelMenu.fill(labels.getItems(), vm.labels(), vm.selectionProperty()::get));
        show(vm.selectionSummaryProperty().get());
    }

    private void show(SelectionSummary summary) {
        if (summary == null) {
            people.getChildren().clear(); // (nothing kept of a selection that ended)
            return;
        }
        title.setText(summary.title());
        people.getChildren().setAll(summary.people().stream().map(this::person).toList());
        people.setVisible(!summary.people().isEmpty());
        people.setManaged(people.isVisible());
        more.setText(summary.more());
        more.setVisible(!summary.more().isEmpty());
        more.setManaged(more.isVisible());
        delete.setText(summary.delete());
        export.setText(summary.export());
        selectAll.setText(summary.selectAll());
        selectAll.setVisible(!summary.selectAll().isEmpty());
        selectAll.setManaged(selectAll.isVisible());
    }

    /** One picked contact: its avatar (the photo once loaded) and name. */
    private HBox person(Contact contact) {
        Avatar avatar = new Avatar(28);
        avatar.show(contact);
        vm.photos().load(contact, avatar.pixelSide(), avatar::showPhoto);
        Label name = new Label(ContactText.name(contact));
        name.getStyleClass().add("contact-name");
        HBox row = new HBox(10, avatar, name);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("selection-person");
        return row;
    }

    @FXML
    private void delete() {
        actions.delete();
    }

    @FXML
    private void export() {
        actions.export();
    }

    @FXML
    private void clear() {
        actions.clear();
    }

    @FXML
    private void selectAll() {
        actions.selectAll();
    }
}
