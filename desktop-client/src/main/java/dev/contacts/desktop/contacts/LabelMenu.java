package dev.contacts.desktop.contacts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.contacts.desktop.contacts.LabelsViewModel.Choice;
import dev.contacts.desktop.contacts.LabelsViewModel.Mark;
import javafx.collections.ObservableList;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The items of a selection's label menu (the list's row menu, the pane of several selected): each label with a
 * check box, ticked, mixed or empty (JavaFX's CheckMenuItem has no mixed state), then "New label…". Filled as the
 * menu opens, so it shows the selection and the labels as they are then.
 */
final class LabelMenu {

    private LabelMenu() {
    }

    static void fill(ObservableList<MenuItem> items, LabelsViewModel vm, Supplier<Selection> selection) {
        Selection chosen = selection.get();
        List<MenuItem> filled = new ArrayList<>();
        for (Choice choice : vm.choices(chosen)) {
            MenuItem item = new MenuItem(choice.name(), new FontIcon(switch (choice.mark()) {
                case ALL -> "mdal-check_box";
                case SOME -> "mdal-indeterminate_check_box";
                case NONE -> "mdal-check_box_outline_blank";
            }));
            item.getStyleClass().add("label-choice");
            item.setId("label-choice-" + choice.name());
            item.setMnemonicParsing(false);
            String state = choice.mark() == Mark.ALL ? "checked" : choice.mark() == Mark.SOME ? "mixed" : "not checked";
            item.getProperties().put("mark", state);
            item.setOnAction(e -> vm.toggle(chosen, choice));
            filled.add(item);
        }
        if (!filled.isEmpty()) {
            filled.add(new SeparatorMenuItem());
        }
        MenuItem create = new MenuItem("New label…", new FontIcon("mdal-add"));
        create.setId("label-choice-new");
        create.setOnAction(e -> vm.newLabelFor(chosen));
        filled.add(create);
        items.setAll(filled);
    }
}
