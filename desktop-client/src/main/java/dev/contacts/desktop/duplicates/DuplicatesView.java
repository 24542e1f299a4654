package dev.contacts.desktop.duplicates;

import java.util.List;

import dev.contacts.desktop.contacts.Avatar;
import dev.contacts.desktop.contacts.Photos;
import dev.contacts.desktop.ui.Fields;
import dev.contacts.desktop.ui.Messages;
import dev.contacts.desktop.ui.Views;
import dev.contacts.desktop.ui.Visibility;
import dev.contacts.model.Contact;
import javafx.collections.ListChangeListener;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Groups of contacts that look like the same person (layout in DuplicatesView.fxml). Each group lists its
 * contacts with a choice of the one to keep (the fullest one is proposed) and a Merge button, which asks which
 * name, photo and birthday to keep when the group has several ({@link MergeDialog}); after a merge,
 * Undo puts everything back. Each contact has the list's avatar (photo or initials), from the login's photos.
 * The groups show {@value #PAGE} at a time, with a button for the next ones: a book of thousands of look-alike
 * names has hundreds of groups, and a card for each at once kept the window frozen for over a minute.
 */
public final class DuplicatesView extends BorderPane {

    /** The groups shown at first, and added by each "Show more". */
    static final int PAGE = 50;

    private final DuplicatesViewModel vm;
    private final Photos photos;
    private final Button more = new Button();
    private int shown = PAGE;
    @FXML private ScrollPane scroll;
    @FXML private VBox groupList;
    @FXML private Label loading;
    @FXML private Label empty;
    @FXML private HBox mergedBar;
    @FXML private Label message;
    @FXML private Button undo;
    @FXML private HBox errorBanner;
    @FXML private Label error;

    public DuplicatesView(DuplicatesViewModel vm, Photos photos) {
        this.vm = vm;
        this.photos = photos;
        Views.load(this);
    }

    @FXML
    private void initialize() {
        vm.groups().addListener((ListChangeListener<DuplicatesViewModel.Group>) change -> showGroups());
        Visibility.showWhile(empty, vm.loadedProperty().and(Bindings.isEmpty(vm.groups())));
        Visibility.showWhile(loading, vm.loadedProperty().not().and(vm.busyProperty()));
        more.setId("duplicates-more");
        more.setOnAction(e -> showMore());
        Fields.showWhenNotEmpty(message, vm.messageProperty());
        Visibility.showWhile(mergedBar, vm.messageProperty().isNotEmpty());
        Visibility.showWhile(undo, vm.lastMergeProperty().isNotNull());
        undo.disableProperty().bind(vm.busyProperty());
        error.textProperty().bind(vm.errorProperty());
        Visibility.showWhile(errorBanner, vm.errorProperty().isNotEmpty());
    }

    private void showGroups() {
        groupList.getChildren().clear();
        addCards(0);
    }

    /** The cards of the groups from {@code from} up to the number shown, then "Show more" while some are left. */
    private void addCards(int from) {
        groupList.getChildren().remove(more);
        List<DuplicatesViewModel.Group> groups = vm.groups();
        for (int index = from; index < Math.min(shown, groups.size()); index++) {
            groupList.getChildren().add(card(groups.get(index), index));
        }
        int left = groups.size() - shown;
        if (left > 0) {
            more.setText("Show more (" + Messages.count(left, "group", "groups") + " left)");
            groupList.getChildren().add(more);
        }
    }

    private void showMore() {
        int from = shown;
        shown += PAGE;
        addCards(from);
        // the keyboard and the eyes go on where the new cards begin, not back to the top nor left at the old end
        groupList.lookupAll("#keep-" + vm.groups().get(from).contacts().get(0).id()).stream().findFirst()
                .ifPresent(Node::requestFocus);
        scrollToTop(groupList.getChildren().get(from));
    }

    /** Scrolls so that {@code card} is at the top of the view (as far as the groups below it allow). */
    private void scrollToTop(Node card) {
        scroll.applyCss();
        scroll.layout(); // the new cards' places and the content's height are known only once laid out
        Node content = scroll.getContent();
        double top = content.sceneToLocal(card.localToScene(card.getBoundsInLocal())).getMinY();
        double hidden = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
        if (hidden > 0) {
            scroll.setVvalue(scroll.getVmin() + Math.min(1, top / hidden) * (scroll.getVmax() - scroll.getVmin()));
        }
    }

    private VBox card(DuplicatesViewModel.Group group, int index) {
        Label reason = new Label(DuplicatesViewModel.reasons(group), new FontIcon("mdmz-people"));
        reason.getStyleClass().add("field-label");
        VBox card = new VBox(8, reason);
        card.getStyleClass().add("duplicate-group");
        card.setId("duplicate-group-" + index);
        ToggleGroup keep = new ToggleGroup();
        Contact suggested = DuplicatesViewModel.suggestedKeep(group);
        for (Contact contact : group.contacts()) {
            RadioButton choice = new RadioButton(DuplicatesViewModel.describe(contact));
            choice.setId("keep-" + contact.id());
            choice.setUserData(contact);
            choice.setToggleGroup(keep);
            choice.setSelected(contact.id() == suggested.id());
            choice.setWrapText(true);
            Avatar avatar = new Avatar(36); // the list's size: its photos are kept at it already
            avatar.show(contact);
            photos.load(contact, avatar.pixelSide(), avatar::showPhoto);
            choice.setGraphic(avatar);
            choice.setGraphicTextGap(10);
            choice.setAlignment(Pos.CENTER_LEFT); // the theme's top-left would put the circle above the avatar's middle
            card.getChildren().add(choice);
        }
        Button merge = new Button("Merge into the chosen one", new FontIcon("mdmz-merge_type"));
        merge.setId("merge-" + index);
        merge.getStyleClass().add("accent");
        merge.disableProperty().bind(vm.busyProperty());
        merge.setOnAction(e -> {
            Contact chosen = (Contact) keep.getSelectedToggle().getUserData();
            if (DuplicatesViewModel.hasChoices(group)) { // names, photos or birthdays differ: which to keep
                new MergeDialog(this, photos).ask(group, chosen).ifPresent(choice -> vm.merge(group, chosen, choice));
            } else {
                vm.merge(group, chosen);
            }
        });
        card.getChildren().add(merge);
        return card;
    }

    @FXML
    private void refresh() {
        vm.refresh();
    }

    @FXML
    private void undo() {
        vm.undoMerge();
    }
}
