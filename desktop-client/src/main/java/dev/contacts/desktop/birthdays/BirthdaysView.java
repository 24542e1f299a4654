package dev.contacts.desktop.birthdays;

import java.time.format.DateTimeFormatter;
import java.util.function.Function;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.contacts.model.UpcomingBirthday;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Upcoming birthdays: the date, "today" / "tomorrow" / "in N days", and the age they turn. */
public final class BirthdaysView extends BorderPane {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy");

    public BirthdaysView(BirthdaysViewModel vm) {
        setId("birthdays-view");

        ToggleGroup range = new ToggleGroup();
        HBox ranges = new HBox();
        for (int days : BirthdaysViewModel.RANGES) {
            ToggleButton button = new ToggleButton(days == 365 ? "Year" : days + " days");
            button.setId("days-" + days);
            button.setAccessibleText("Birthdays in the next " + days + " days");
            button.setToggleGroup(range);
            button.setSelected(days == vm.daysProperty().get());
            button.setOnAction(e -> {
                button.setSelected(true); // one range is always chosen
                vm.daysProperty().set(days);
            });
            ranges.getChildren().add(button);
        }
        ranges.getChildren().get(0).getStyleClass().add(Styles.LEFT_PILL);
        ranges.getChildren().get(1).getStyleClass().add(Styles.CENTER_PILL);
        ranges.getChildren().get(2).getStyleClass().add(Styles.RIGHT_PILL);

        Label title = new Label("Upcoming birthdays");
        title.getStyleClass().add(Styles.TITLE_3);
        HBox top = new HBox(16, title, ranges);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(12, 16, 12, 16));

        TableView<UpcomingBirthday> table = new TableView<>(vm.birthdays());
        table.setId("birthdays-table");
        table.setAccessibleText("Upcoming birthdays");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.getColumns().add(column("Name", b -> b.contact().firstName() + " " + b.contact().lastName()));
        table.getColumns().add(column("Date", b -> DATE.format(b.nextBirthday())));
        table.getColumns().add(column("When", b -> BirthdaysViewModel.when(b.daysUntil())));
        table.getColumns().add(column("Age", BirthdaysViewModel::turning));
        Label empty = new Label();
        empty.setId("birthdays-empty");
        empty.getStyleClass().add("empty-state");
        empty.textProperty().bind(Bindings.createStringBinding(() -> vm.loadingProperty().get() ? "Loading…"
                        : "No birthdays in the next " + vm.daysProperty().get() + " days.",
                vm.loadingProperty(), vm.daysProperty()));
        table.setPlaceholder(empty);

        Label error = new Label();
        error.setId("birthdays-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        Button retry = new Button("Retry");
        retry.setId("birthdays-retry");
        retry.setOnAction(e -> vm.refresh());
        HBox errorBanner = new HBox(12, error, retry);
        errorBanner.setAlignment(Pos.CENTER_LEFT);
        errorBanner.getStyleClass().add("error-banner");
        errorBanner.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        errorBanner.managedProperty().bind(errorBanner.visibleProperty());

        setTop(new VBox(top, errorBanner));
        setCenter(table);
    }

    private static TableColumn<UpcomingBirthday, String> column(String title,
                                                                Function<UpcomingBirthday, String> value) {
        TableColumn<UpcomingBirthday, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setSortable(false); // nearest first is the order that matters here
        return column;
    }
}
