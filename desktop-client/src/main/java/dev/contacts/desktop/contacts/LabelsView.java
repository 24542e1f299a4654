package dev.contacts.desktop.contacts;

import dev.contacts.desktop.contacts.LabelsViewModel.Entry;
import dev.contacts.desktop.ui.ConfirmDialog;
import dev.contacts.desktop.ui.Messages;
import dev.contacts.desktop.ui.Views;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The sidebar (layout in LabelsView.fxml): the {@link LabelsViewModel}'s entries, the one the list shows
 * selected. Picking another (click or arrow keys) filters the list. A label's row has a menu (right click, or the
 * Menu key / Shift+F10) to rename or remove it; F2 renames and Delete removes the label selected. "New label…"
 * under them makes one (see {@link LabelsViewModel#createLabel}).
 */
public final class LabelsView extends VBox {

    private final LabelsViewModel vm;
    @FXML private ListView<Entry> entries;
    @FXML private Label error;
    /** Set while the selection is made to follow the view model (so it is not taken for the person's pick). */
    private boolean following;

    public LabelsView(LabelsViewModel vm) {
        this.vm = vm;
        Views.load(this);
    }

    @FXML
    private void initialize() {
        vm.setConfirm(new ConfirmDialog(this));
        vm.setNameQuestion(label -> new LabelNameDialog(vm, this).ask(label));
        vm.setNewNameQuestion(() -> new LabelNameDialog(vm, this).askNew());
        entries.setCellFactory(list -> new EntryCell(vm));
        entries.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            Entry entry = entries.getSelectionModel().getSelectedItem();
            if (LabelsViewModel.isLabel(entry) && !e.isShortcutDown() && !e.isAltDown()) {
                if (e.getCode() == KeyCode.F2) {
                    vm.rename(entry);
                    e.consume();
                } else if (e.getCode() == KeyCode.DELETE) {
                    vm.remove(entry);
                    e.consume();
                }
            }
        });
        entries.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> {
            if (!following && is != null) {
                vm.select(is);
            }
        });
        // the entries are copied in here, not shared: replacing them moves the list's selection (to the same
        // index, another label), which must not count as the person's pick
        vm.entries().addListener((ListChangeListener<Entry>) change -> follow());
        vm.selectedProperty().addListener((obs, was, is) -> follow());
        follow();
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
    }

    @FXML
    private void createLabel() {
        vm.createLabel();
    }

    /** Shows the view model's entries, the one listed selected. */
    private void follow() {
        following = true;
        try {
            if (!entries.getItems().equals(vm.entries())) {
                entries.getItems().setAll(vm.entries());
            }
            entries.getSelectionModel().select(vm.selectedEntry());
        } finally {
            following = false;
        }
    }

    /** The entry's icon, its name (cut with an ellipsis when long) and its count on the right. */
    private static final class EntryCell extends ListCell<Entry> {
        private final FontIcon icon = new FontIcon();
        private final Label name = new Label();
        private final Label count = new Label();
        private final HBox row = new HBox(8, icon, name, count);
        private final Tooltip tooltip = new Tooltip();
        private final ContextMenu menu = new ContextMenu();

        EntryCell(LabelsViewModel vm) {
            MenuItem rename = new MenuItem("Rename label…");
            rename.setId("label-rename");
            rename.setOnAction(e -> vm.rename(getItem()));
            MenuItem remove = new MenuItem("Remove label…");
            remove.setId("label-remove");
            remove.setOnAction(e -> vm.remove(getItem()));
            menu.getItems().setAll(rename, remove);
            row.setAlignment(Pos.CENTER_LEFT);
            name.setTextOverrun(OverrunStyle.ELLIPSIS);
            name.setWrapText(true); // a long label name (up to 40 characters) on two lines rather than cut to "…"
            name.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(name, Priority.ALWAYS);
            count.getStyleClass().add("text-muted");
            count.setMinWidth(USE_PREF_SIZE);
            setPrefWidth(0); // as wide as the sidebar, never wider: a long name wraps, no sideways scrolling
        }

        /**
         * The row's height at the cell's width: a label name wrapped onto two lines makes the row taller (asked
         * without a width, the row would say the height of one line, and the name's second line was cut to "…").
         */
        @Override
        protected double computePrefHeight(double width) {
            if (getGraphic() != row || width < 0) {
                return super.computePrefHeight(width);
            }
            return snappedTopInset() + row.prefHeight(width - snappedLeftInset() - snappedRightInset())
                    + snappedBottomInset();
        }

        @Override
        protected void updateItem(Entry entry, boolean empty) {
            super.updateItem(entry, empty);
            if (empty || entry == null) {
                setGraphic(null);
                setAccessibleText(null);
                setTooltip(null);
                setContextMenu(null);
                return;
            }
            setContextMenu(LabelsViewModel.isLabel(entry) ? menu : null);
            icon.setIconLiteral(entry.filter().isAll() ? "mdal-contacts"
                    : entry.filter().favoritesOnly() ? "mdmz-star" : "mdal-label");
            name.setText(entry.name());
            count.setText(entry.count() < 0 ? "" : Messages.number(entry.count()));
            setGraphic(row);
            setText(null);
            setAccessibleText(entry.spoken());
            tooltip.setText(entry.spoken());
            setTooltip(tooltip);
        }
    }
}
