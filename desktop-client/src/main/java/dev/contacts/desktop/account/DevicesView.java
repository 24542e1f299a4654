package dev.contacts.desktop.account;

import atlantafx.base.theme.Styles;
import dev.contacts.desktop.ui.Fields;
import dev.contacts.desktop.ui.Views;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.layout.StackPane;

/** The devices logged in (layout in DevicesView.fxml): binds {@link DevicesViewModel}. */
public final class DevicesView extends StackPane {

    private final DevicesViewModel vm;
    @FXML private ListView<DevicesViewModel.Device> list;
    @FXML private Label message;

    public DevicesView(DevicesViewModel vm) {
        this.vm = vm;
        Views.load(this);
    }

    @FXML
    private void initialize() {
        list.setItems(vm.devices());
        list.setCellFactory(view -> new DeviceCell());
        list.setPlaceholder(new Label("Loading…"));
        Fields.showWhenNotEmpty(message, vm.messageProperty());
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                vm.close();
                e.consume();
            }
        });
        visibleProperty().bind(vm.showingProperty());
        managedProperty().bind(visibleProperty());
        vm.showingProperty().addListener((obs, was, is) -> {
            if (is) {
                list.requestFocus();
            }
        });
    }

    @FXML
    private void close() {
        vm.close();
    }

    /** A device: what it is and when it was active, and "Log out" unless it is this one. */
    private final class DeviceCell extends ListCell<DevicesViewModel.Device> {
        private final Label name = new Label();
        private final Label loggedIn = new Label();
        private final Label lastActive = new Label();
        private final Button logOut = new Button("Log out");
        private final HBox row;

        DeviceCell() {
            name.getStyleClass().add(Styles.TEXT_BOLD);
            loggedIn.getStyleClass().add(Styles.TEXT_MUTED);
            lastActive.getStyleClass().add(Styles.TEXT_MUTED);
            VBox text = new VBox(2, name, loggedIn, lastActive);
            HBox.setHgrow(text, Priority.ALWAYS);
            logOut.getStyleClass().addAll(Styles.DANGER, "log-out-device");
            logOut.disableProperty().bind(vm.busyProperty());
            logOut.setOnAction(e -> vm.logOut(getItem()));
            row = new HBox(12, text, logOut);
            row.setAlignment(Pos.CENTER_LEFT);
            row.setPadding(new Insets(4, 0, 4, 0));
            // as wide as the list, never wider: "Log out" stays in sight instead of past a horizontal scroll bar
            setPrefWidth(0);
            text.setMinWidth(0);
        }

        @Override
        protected void updateItem(DevicesViewModel.Device device, boolean empty) {
            super.updateItem(device, empty);
            if (empty || device == null) {
                setGraphic(null);
                return;
            }
            name.setText(device.name());
            loggedIn.setText(device.loggedIn());
            lastActive.setText(device.lastActive());
            logOut.setVisible(!device.thisDevice());
            logOut.setManaged(!device.thisDevice());
            logOut.setAccessibleText("Log out " + device.name() + ", " + device.lastActive());
            setGraphic(row);
        }
    }
}
