package dev.contacts.desktop.duplicates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.contacts.desktop.contacts.Avatar;
import dev.contacts.desktop.contacts.Photos;
import dev.contacts.desktop.ui.Dates;
import dev.contacts.model.Contact;
import dev.contacts.desktop.ui.Views;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

/**
 * Before a merge, as Google Contacts' "Merge" (layout in MergeDialog.fxml): which of the group's names, photos and
 * birthdays the merged contact keeps (each section only where the group has more than one). The kept contact's own
 * are chosen at first; Cancel (and Escape) merges nothing.
 */
final class MergeDialog extends DialogPane {

    private final Node owner;
    private final Photos photos;
    private final ButtonType merge = new ButtonType("Merge", ButtonBar.ButtonData.OK_DONE);
    @FXML private VBox choices;
    @FXML private Label rest;

    MergeDialog(Node owner, Photos photos) {
        this.owner = owner;
        this.photos = photos;
        Views.load(this);
    }

    @FXML
    private void initialize() {
        getButtonTypes().setAll(merge, ButtonType.CANCEL);
        lookupButton(merge).setId("merge-confirm");
        lookupButton(ButtonType.CANCEL).setId("merge-cancel");
    }

    /** The choice for merging {@code group} into {@code keep}; empty when the person cancels. */
    Optional<DuplicatesViewModel.Choice> ask(DuplicatesViewModel.Group group, Contact keep) {
        List<Contact> contacts = new ArrayList<>(List.of(keep));
        group.contacts().stream().filter(c -> c.id() != keep.id()).forEach(contacts::add);

        Map<String, Contact> names = new LinkedHashMap<>();
        contacts.forEach(c -> names.putIfAbsent(DuplicatesViewModel.name(c), c));
        ToggleGroup name = section("Name", "merge-name-", names, keep, null);

        List<Contact> withPhoto = contacts.stream().filter(Contact::hasPhoto).toList();
        ToggleGroup photo = null;
        if (withPhoto.size() > 1) {
            Map<String, Contact> byCard = new LinkedHashMap<>();
            withPhoto.forEach(c -> byCard.put(DuplicatesViewModel.describe(c), c));
            photo = section("Photo", "merge-photo-", byCard, withPhoto.get(0), this::avatar);
        }

        Map<String, Contact> birthdays = new LinkedHashMap<>();
        Dates dates = Dates.local();
        contacts.stream().filter(c -> c.birthday() != null).forEach(c -> birthdays.putIfAbsent(
                dates.spelled(c.birthday()), c));
        ToggleGroup birthday = birthdays.size() > 1
                ? section("Birthday", "merge-birthday-", birthdays, birthdays.values().iterator().next(), null)
                : null;

        rest.setText("Everything else is kept: phones, emails, addresses and labels are united, empty"
                + " fields are filled from the others and notes are joined. The other "
                + (contacts.size() == 2 ? "card goes" : "cards go") + " to the trash"
                + (withPhoto.size() > 1 ? ", with the photo not chosen." : "."));
        rest.toFront(); // under the sections
        setHeaderText("Merge " + contacts.size() + " contacts: choose what to keep");

        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Contacts");
        dialog.setDialogPane(this);
        if (owner.getScene() != null) {
            dialog.initOwner(owner.getScene().getWindow());
        }
        ToggleGroup photoChoice = photo;
        ToggleGroup birthdayChoice = birthday;
        return dialog.showAndWait().filter(merge::equals).map(answer -> new DuplicatesViewModel.Choice(
                chosen(name), photoChoice == null ? DuplicatesViewModel.Choice.of(keep).photoFrom() : chosen(photoChoice),
                birthdayChoice == null ? firstBirthday(contacts) : chosen(birthdayChoice)));
    }

    /** A heading and a choice for each of {@code options} (their words, their contact), {@code selected} chosen. */
    private ToggleGroup section(String heading, String idPrefix, Map<String, Contact> options, Contact selected,
                                Function<Contact, Node> graphic) {
        Label title = new Label(heading);
        title.getStyleClass().add("field-label");
        choices.getChildren().add(title);
        ToggleGroup group = new ToggleGroup();
        options.forEach((words, contact) -> {
            RadioButton option = new RadioButton(words);
            option.setId(idPrefix + contact.id());
            option.setUserData(contact);
            option.setToggleGroup(group);
            option.setWrapText(true);
            option.setSelected(contact.id() == selected.id());
            if (graphic != null) {
                option.setGraphic(graphic.apply(contact));
                option.setGraphicTextGap(10);
                option.setAlignment(Pos.CENTER_LEFT);
            }
            choices.getChildren().add(option);
        });
        if (group.getSelectedToggle() == null) {
            group.getToggles().get(0).setSelected(true);
        }
        return group;
    }
    private Node avatar(Contact contact) {
        Avatar avatar = new Avatar(36);
        avatar.show(contact);
        photos.load(contact, avatar.pixelSide(), avatar::showPhoto);
        return avatar;
    }

    private static Contact chosen(ToggleGroup group) {
        return (Contact) group.getSelectedToggle().getUserData();
    }

    /** With one birthday among them, that one (the kept contact's, or the first other's: the server's rule). */
    private static Contact firstBirthday(List<Contact> contacts) {
        return contacts.stream().filter(c -> c.birthday() != null).findFirst().orElse(null);
    }
}
